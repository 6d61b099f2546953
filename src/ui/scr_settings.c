/*
 * scr_settings.c -- the area's settings (admin: area name, review
 * intervals, meeting days, KPI targets), one a line, each edited on the
 * message line.  A value the data layer refuses opens again as typed,
 * the reason above the list.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/list.h"
#include "ui/ui.h"

#define LIST_TOP (UI_BODY_TOP + 1)

/* A setting, as shown. */
struct row {
	char key[64];
	char value[DB_STATEMENT_MAX + 1]; /* the value, whole */
	char text[400];
};

struct settings {
	struct row *v;
	int cap;
	struct list l;     /* l.n: the rows in v */
	char notice[300];  /* why a setting was refused, or "" */
};

static struct settings *
st_of(const struct screen *s)
{
	return s->data;
}

static int
list_rows(const struct ui *ui)
{
	return list_height(ui, LIST_TOP);
}

/* Add setting S to T as a row shown; non-zero when out of memory. */
static int
add_row(struct settings *t, const struct db_setting *s)
{
	struct row r = { 0 };

	str_copy(r.key, s->key, sizeof r.key);
	str_copy(r.value, s->value, sizeof r.value);
	ui_fmt(r.text, sizeof r.text, "%-24s %-28s %s", s->key, r.value,
	       s->about ? s->about : "");
	return array_push(&t->v, &t->l.n, &t->cap, &r, sizeof r);
}

static bool
load(struct ui *ui, struct settings *t)
{
	struct db_settings list = { 0 };

	t->l.n = 0;
	if (db_setting_list(ui->db, &list) != DB_OK) {
		ui_error(ui, "The settings cannot be read: %s",
			 db_errmsg(ui->db));
		return false;
	}
	for (int i = 0; i < list.n; i++)
		if (add_row(t, &list.v[i]) != 0)
			break;
	db_list_free(&list);
	list_fit(&t->l, t->l.n);
	return true;
}

static bool
has_row(const struct screen *s)
{
	return st_of(s)->l.cur < st_of(s)->l.n;
}

/* --- handlers ---------------------------------------------------------- */

static unsigned
moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	return list_move(&st_of(s)->l, a, list_rows(ui));
}

static unsigned
reload(struct ui *ui, struct screen *s)
{
	load(ui, st_of(s));
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned value_answered(struct ui *ui, struct screen *s, bool ok,
			       const char *text);

/* Ask for the selected setting's value, the line holding TEXT. */
static unsigned
ask_value(struct ui *ui, struct screen *s, const char *text)
{
	struct settings *t = st_of(s);
	char label[96];
	unsigned d;

	ui_fmt(label, sizeof label, "%s: ", t->v[t->l.cur].key);
	d = ui_ask_line(ui, s, label, value_answered, NULL);
	field_set(&ui->ask.f, text);
	return d;
}

static unsigned
value_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct settings *t = st_of(s);
	const char *key = t->v[t->l.cur].key;

	if (!ok || t->l.cur >= t->l.n) {
		t->notice[0] = '\0';
		return DRAW_BODY;
	}
	if (db_setting_set(ui->db, key, text) != DB_OK) {
		/* Nothing lost: the value opens again as typed, the reason
		 * above the list. */
		ui_fmt(t->notice, sizeof t->notice, "Not saved: %s.  Put it "
		       "right on the line below, or Esc.", db_errmsg(ui->db));
		return ask_value(ui, s, text) | DRAW_BODY;
	}
	t->notice[0] = '\0';
	ui_msg(ui, "%s saved.", key);
	return reload(ui, s);
}

static unsigned
set_value(struct ui *ui, struct screen *s)
{
	struct settings *t = st_of(s);

	return ask_value(ui, s, t->v[t->l.cur].value);
}

static const struct ui_handler handlers[] = {
	{ A_SETTING_EDIT, NEED_ROW | NEED_ADMIN, set_value, "edit" },
	{ A_NONE, 0, NULL, NULL },
};

/* --- drawing ----------------------------------------------------------- */

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	(void)ui;
	ui_fmt(buf, n, "Settings: %d", st_of(s)->l.n);
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct settings *t = st_of(s);
	int h = list_rows(ui);
	char line[512];

	if (!(what & (DRAW_BODY | DRAW_CURSOR | DRAW_ALL)))
		return;
	ui_fmt(line, sizeof line, "  %-24s %-28s %s", "Setting", "Value",
	       "About");
	if (t->notice[0])
		ui_put(UI_BODY_TOP, 0, ui->cols, t->notice, ui_attr(R_ERROR),
		       PUT_PAD | PUT_ELLIPSIS);
	else
		ui_put(UI_BODY_TOP, 0, ui->cols, line, ui_attr(R_HEADER),
		       PUT_PAD);
	for (int i = 0; i < h; i++) {
		int k = t->l.top + i, y = LIST_TOP + i;

		if (k >= t->l.n) {
			ui_blank(y, 0, ui->cols, A_NORMAL);
			if (i == 0)
				ui_put(y, 2, ui->cols - 2, "No settings.",
				       ui_attr(R_DIM), PUT_PAD);
			continue;
		}
		ui_put(y, 0, ui->cols, ui_fmt(line, sizeof line, "%s %s",
		       list_marker(k == t->l.cur), t->v[k].text),
		       ui_attr(k == t->l.cur ? R_SELECTED : R_NORMAL),
		       PUT_PAD | PUT_ELLIPSIS);
	}
}

static unsigned
layout(struct ui *ui, struct screen *s)
{
	return list_go(&st_of(s)->l, list_rows(ui), st_of(s)->l.cur) |
	       DRAW_BODY;
}

static void
destroy(struct screen *s)
{
	free(st_of(s)->v);
	free(s->data);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Settings",
	.ctx = CTX_SETTINGS,
	.handlers = handlers,
	.has_row = has_row,
	.moving = moving,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = reload,
	.destroy = destroy,
};

struct screen *
scr_settings_new(struct ui *ui)
{
	struct settings *t;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *t);

	if (s == NULL)
		return NULL;
	t = s->data;
	if (!load(ui, t)) {
		destroy(s);
		return NULL;
	}
	return s;
}
