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
	struct list l;     /* first (list.h); l.n: the rows in v */
	struct row *v;
	int cap;
	char notice[300];  /* why a setting was refused, or "" */
};

static struct settings *
st_of(const struct screen *s)
{
	return s->data;
}

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

/* --- handlers ---------------------------------------------------------- */

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
row(int k, void *ctx, struct list_row *r)
{
	const struct settings *t = ctx;

	str_copy(r->text, t->v[k].text, sizeof r->text);
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct settings *t = st_of(s);
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
	list_draw(ui, &t->l, "No settings.", row, t);
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
	LIST_SCREEN_CALLBACKS,
	.title = title,
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
	t->l.y = LIST_TOP;
	if (!load(ui, t)) {
		destroy(s);
		return NULL;
	}
	return s;
}
