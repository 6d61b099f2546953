/*
 * scr_conflict.c -- two versions of one record side by side, after a
 * save was refused because someone else saved first: the person's own
 * (not saved) and the one now stored.  Rows that differ are marked.  The
 * person keeps theirs, takes the other, or goes back to the form; the
 * screen below decides what each means (CONFLICT_* results).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/text.h"
#include "ui/ui.h"
#include "ui/view.h"

struct conflict {
	char *what;
	struct conflict_row *rows;
	int n;
};

static unsigned
keep_mine(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_pop(ui, CONFLICT_MINE);
}

static unsigned
take_theirs(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_pop(ui, CONFLICT_THEIRS);
}

static unsigned
edit_again(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_pop(ui, CONFLICT_EDIT);
}

static const struct ui_handler handlers[] = {
	{ A_KEEP_MINE, NEED_WRITE, keep_mine, "keep mine" },
	{ A_TAKE_THEIRS, 0, take_theirs, "take theirs" },
	{ A_EDIT_AGAIN, 0, edit_again, "back to my form" },
	{ A_NONE, 0, NULL, NULL },
};

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct conflict *c = s->data;
	int w = ui->cols, lw = 15, cw = (w - 2 - lw - 4) / 2, y;
	int last = ui->rows - 3;
	struct view v = { 0 };

	if (!(what & (DRAW_BODY | DRAW_CURSOR)))
		return;
	for (y = UI_BODY_TOP; y <= last; y++)
		ui_blank(y, 0, w, A_NORMAL);
	view_wrap(&v, R_ERROR, 0, c->what, w - 2);
	y = UI_BODY_TOP;
	for (int i = 0; i < v.n && y <= last; i++, y++)
		ui_put(y, 1, w - 2, v.line[i].text, ui_attr(R_ERROR),
		       PUT_ELLIPSIS);
	view_free(&v);
	y++;
	if (y <= last) {
		ui_put(y, 3, lw, "", ui_attr(R_HEADER), PUT_PAD);
		ui_put(y, 3 + lw, cw, "Yours (not saved)", ui_attr(R_MINE),
		       PUT_PAD | PUT_ELLIPSIS);
		ui_put(y, 3 + lw + cw + 1, cw, "Theirs (saved)",
		       ui_attr(R_THEIRS), PUT_PAD | PUT_ELLIPSIS);
		y++;
	}
	for (int i = 0; i < c->n && y <= last; i++, y++) {
		bool differ = strcmp(c->rows[i].mine, c->rows[i].theirs) != 0;
		attr_t a = differ ? ui_attr(R_NORMAL) | A_BOLD
				  : ui_attr(R_DIM);

		ui_put(y, 1, 2, differ ? "*" : " ", ui_attr(R_ERROR), 0);
		ui_put(y, 3, lw, c->rows[i].label, a, PUT_PAD | PUT_ELLIPSIS);
		ui_put(y, 3 + lw, cw, c->rows[i].mine[0] ? c->rows[i].mine
							  : "-",
		       differ ? ui_attr(R_MINE) : a, PUT_PAD | PUT_ELLIPSIS);
		ui_put(y, 3 + lw + cw + 1, cw,
		       c->rows[i].theirs[0] ? c->rows[i].theirs : "-",
		       differ ? ui_attr(R_THEIRS) : a, PUT_PAD | PUT_ELLIPSIS);
	}
	if (++y <= last)
		ui_put(y, 1, w - 2, "* marks what differs.  m saves yours "
		       "over theirs, t keeps theirs, e returns to your form.",
		       ui_attr(R_DIM), PUT_ELLIPSIS);
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	(void)ui;
	(void)s;
	str_copy(buf, "Someone else saved first", n);
}

static void
destroy(struct screen *s)
{
	struct conflict *c = s->data;

	for (int i = 0; i < c->n; i++) {
		free((char *)c->rows[i].mine);
		free((char *)c->rows[i].theirs);
	}
	free(c->rows);
	free(c->what);
	free(c);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Someone else saved first",
	.ctx = CTX_CONFLICT,
	.handlers = handlers,
	.title = title,
	.draw = draw,
	.destroy = destroy,
};

struct screen *
scr_conflict_new(struct ui *ui, const char *what,
		 const struct conflict_row *rows, int n)
{
	struct conflict *c;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *c);
	bool ok;

	if (s == NULL)
		return NULL;
	c = s->data;
	c->what = strdup(what);
	c->rows = calloc((size_t)n, sizeof *c->rows);
	ok = c->what && c->rows;
	for (int i = 0; ok && i < n; i++) {
		c->rows[i].label = rows[i].label;
		c->rows[i].mine = strdup(rows[i].mine);
		c->rows[i].theirs = strdup(rows[i].theirs);
		c->n = i + 1;
		ok = c->rows[i].mine && c->rows[i].theirs;
	}
	if (!ok) {
		destroy(s);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	return s;
}
