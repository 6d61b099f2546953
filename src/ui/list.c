/*
 * list.c -- the list widget: the selection and the scrolling of a list
 * of rows, its marker, its rows drawn, and search within it (list.h).
 */
#include "config.h"

#include "ui/list.h"
#include "ui/text.h"

int
list_height(const struct ui *ui, int top)
{
	int h = ui_body_rows(ui) - (top - UI_BODY_TOP);

	return h > 0 ? h : 0;
}

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

int
list_step(enum ui_action a, int page)
{
	switch (a) {
	case A_UP:
		return -1;
	case A_DOWN:
		return 1;
	case A_PAGE_UP:
		return -page;
	case A_PAGE_DOWN:
		return page;
	default:
		return 0;
	}
}

int
list_target(enum ui_action a, int cur, int n, int page)
{
	if (a == A_HOME)
		return 0;
	if (a == A_END)
		return n - 1;
	return cur + list_step(a, page);
}

unsigned
list_move(struct list *l, enum ui_action a, int rows)
{
	if (!list_moving(a))
		return UI_UNHANDLED;
	return list_go(l, rows, list_target(a, l->cur, l->n, rows));
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

unsigned
list_layout(struct list *l, int rows)
{
	return list_go(l, rows, l->cur) | DRAW_BODY;
}

void
list_draw(struct ui *ui, const struct list *l, const char *empty,
	  list_row_fn row, void *ctx)
{
	int y = l->y, rows = list_height(ui, y);

	for (int i = 0; i < rows; i++) {
		int k = l->top + i;
		struct list_row r;
		char line[sizeof r.text + 8];

		if (k >= l->n) {
			ui_blank(y + i, 0, ui->cols, A_NORMAL);
			if (i == 0)
				ui_put(y + i, 2, ui->cols - 2, empty,
				       ui_attr(R_DIM), PUT_PAD);
			continue;
		}
		r.text[0] = '\0';
		r.attr = ui_attr(R_NORMAL);
		r.heading = false;
		row(k, ctx, &r);
		if (r.heading) {
			ui_put(y + i, 0, ui->cols, r.text, r.attr,
			       PUT_PAD | PUT_ELLIPSIS);
			continue;
		}
		ui_put(y + i, 0, ui->cols, ui_fmt(line, sizeof line, "%s %s",
		       list_marker(k == l->cur), r.text), k == l->cur
		       ? ui_attr(R_SELECTED) : r.attr, PUT_PAD | PUT_ELLIPSIS);
	}
}

void
list_row_start(struct ui *ui, int y, bool selected, attr_t attr)
{
	ui_blank(y, 0, ui->cols, attr);
	if (selected)
		ui_put(y, 0, 1, list_marker(true), attr, 0);
}

/* A list screen's list: the first member of its data (list.h). */
static struct list *
list_of(const struct screen *s)
{
	return s->data;
}

int
list_screen_rows(const struct ui *ui, const struct screen *s)
{
	return list_height(ui, list_of(s)->y);
}

bool
list_screen_has_row(const struct screen *s)
{
	return list_of(s)->cur < list_of(s)->n;
}

unsigned
list_screen_moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	return list_move(list_of(s), a, list_screen_rows(ui, s));
}

unsigned
list_screen_layout(struct ui *ui, struct screen *s)
{
	return list_layout(list_of(s), list_screen_rows(ui, s));
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
