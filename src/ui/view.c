/*
 * view.c -- a scrolling page of lines.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/text.h"
#include "ui/view.h"

void
view_clear(struct view *v)
{
	for (int i = 0; i < v->n; i++)
		free(v->line[i].text);
	v->n = 0;
}

void
view_free(struct view *v)
{
	view_clear(v);
	free(v->line);
	memset(v, 0, sizeof *v);
}

/* Add the first LEN bytes of TEXT as a line. */
static void
add_n(struct view *v, enum ui_role role, int indent, const char *text,
      size_t len)
{
	struct view_line l = { NULL, role, indent };

	if ((l.text = malloc(len + 1)) == NULL)
		return;
	memcpy(l.text, text, len);
	l.text[len] = '\0';
	if (array_push(&v->line, &v->n, &v->cap, &l, sizeof l) != 0)
		free(l.text);
}

void
view_add(struct view *v, enum ui_role role, int indent, const char *text)
{
	add_n(v, role, indent, text, strlen(text));
}

void
view_wrap(struct view *v, enum ui_role role, int indent, const char *text,
	  int width)
{
	view_wrap_hang(v, role, indent, 0, text, width);
}

void
view_wrap_hang(struct view *v, enum ui_role role, int indent, int hang,
	       const char *text, int width)
{
	char para[4096];

	while (*text) {
		size_t plen = strcspn(text, "\n"), at = 0;
		int in = indent, w;

		str_copy(para, text, plen + 1 < sizeof para ? plen + 1
							   : sizeof para);
		if (para[0] && para[strlen(para) - 1] == '\r')
			para[strlen(para) - 1] = '\0';
		if (para[0] == '\0')
			add_n(v, role, in, "", 0);
		while (para[at]) {
			size_t fit, cut;

			w = width - in > 10 ? width - in : 10;
			fit = text_fit(para + at, w, NULL);
			cut = fit;

			if (para[at + fit] != '\0') {
				/* Break at the last space that fits. */
				while (cut > 0 && para[at + cut] != ' ')
					cut--;
				if (cut == 0)
					cut = fit ? fit : text_next_len(para,
									 at);
			}
			add_n(v, role, in, para + at, cut);
			in = indent + hang;
			at += cut;
			while (para[at] == ' ')
				at++;
		}
		text += plen;
		if (*text == '\n')
			text++;
	}
}

void
view_draw(struct view *v, int y, int h, int w)
{
	if (v->top > v->n - h)
		v->top = v->n - h;
	if (v->top < 0)
		v->top = 0;
	for (int r = 0; r < h; r++) {
		int i = v->top + r;

		ui_blank(y + r, 0, w, A_NORMAL);
		if (i < v->n)
			ui_put(y + r, 1 + v->line[i].indent,
			       w - 2 - v->line[i].indent, v->line[i].text,
			       ui_attr(v->line[i].role), PUT_ELLIPSIS);
	}
}

unsigned
view_move(struct view *v, enum ui_action a, int h)
{
	int top = v->top, max = v->n - h > 0 ? v->n - h : 0;

	switch (a) {
	case A_UP:
		top--;
		break;
	case A_DOWN:
		top++;
		break;
	case A_PAGE_UP:
		top -= h - 1;
		break;
	case A_PAGE_DOWN:
		top += h - 1;
		break;
	case A_HOME:
		top = 0;
		break;
	case A_END:
		top = max;
		break;
	default:
		return DRAW_NONE;
	}
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	if (top == v->top)
		return DRAW_NONE;
	v->top = top;
	return DRAW_BODY;
}
