/*
 * list.c -- the list widget: the selection and the scrolling of a list
 * of rows, its marker, and search within it (list.h).
 */
#include "config.h"

#include "ui/list.h"
#include "ui/text.h"

bool
list_moving(enum ui_action a)
{
	return a == A_UP || a == A_DOWN || a == A_PAGE_UP ||
	       a == A_PAGE_DOWN || a == A_HOME || a == A_END;
}

unsigned
list_go(struct list *l, int rows, int to)
{
	return ui_list_go(l->n, &l->cur, &l->top, rows, to);
}

unsigned
list_move(struct list *l, enum ui_action a, int rows)
{
	switch (a) {
	case A_UP:
		return list_go(l, rows, l->cur - 1);
	case A_DOWN:
		return list_go(l, rows, l->cur + 1);
	case A_PAGE_UP:
		return list_go(l, rows, l->cur - rows);
	case A_PAGE_DOWN:
		return list_go(l, rows, l->cur + rows);
	case A_HOME:
		return list_go(l, rows, 0);
	case A_END:
		return list_go(l, rows, l->n - 1);
	default:
		return UI_UNHANDLED;
	}
}

void
list_fit(struct list *l, int n)
{
	l->n = n;
	if (l->cur >= n)
		l->cur = n > 0 ? n - 1 : 0;
	if (l->top > l->cur)
		l->top = l->cur;
}

const char *
list_marker(bool selected)
{
	if (!selected)
		return " ";
	return text_utf8() ? "\xe2\x96\xb6" : ">";
}

int
list_find(const struct list *l, int from, int dir, bool wrap,
	  bool (*match)(int row, void *ctx), void *ctx)
{
	for (int i = 0; i < l->n; i++) {
		int k = from + dir * i;

		if (wrap)
			k = ((k % l->n) + l->n) % l->n;
		else if (k < 0 || k >= l->n)
			break;
		if (match(k, ctx))
			return k;
	}
	return -1;
}

unsigned
ui_list_go(int n, int *cur, int *top, int rows, int to)
{
	if (n == 0)
		return DRAW_NONE;
	if (to < 0)
		to = 0;
	if (to >= n)
		to = n - 1;
	*cur = to;
	if (*cur < *top)
		*top = *cur;
	if (rows > 0 && *cur >= *top + rows)
		*top = *cur - rows + 1;
	return DRAW_BODY;
}
