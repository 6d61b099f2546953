/*
 * scr_actions.c -- two small lists of issue 7: the actions agreed at
 * MAPP meetings that are still open (or only the overdue ones), by owner
 * agency, owner and due date, with "done"; and the area's settings
 * (admin: area name, review intervals, meeting days, KPI targets), each
 * edited on the message line.
 *
 * A lay adviser reads the actions without their wording or owner's name
 * (the data layer withholds them; the case by pseudonym) and may not
 * mark them done; the settings are for admins only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/ui.h"

#define LIST_TOP (UI_BODY_TOP + 1)

/* A row of either list, as shown. */
struct row {
	int64_t id;
	int64_t offender_id; /* actions: the case */
	bool overdue;
	char key[64];      /* settings: the key */
	char value[128];   /* settings: the value */
	char text[400];
};

struct al {
	bool settings;     /* which list */
	struct row *v;
	int n, cap;
	int cur, top;
	bool overdue_only;
	char agency[32];   /* "" for all */
	char notice[300];  /* why a setting was refused, or "" */
};

static struct al *
al_of(const struct screen *s)
{
	return s->data;
}

static int
list_rows(const struct ui *ui)
{
	int h = ui_body_rows(ui) - (LIST_TOP - UI_BODY_TOP);

	return h > 0 ? h : 0;
}

static struct row *
add(struct al *l)
{
	if (l->n == l->cap) {
		int nc = l->cap ? l->cap * 2 : 64;
		struct row *v = realloc(l->v, (size_t)nc * sizeof *v);

		if (v == NULL)
			return NULL;
		l->v = v;
		l->cap = nc;
	}
	memset(&l->v[l->n], 0, sizeof l->v[0]);
	return &l->v[l->n++];
}

static int
collect_action(void *ctx, const struct db_action *a)
{
	struct row *r = add(ctx);

	if (r == NULL)
		return 1;
	r->id = a->id;
	r->offender_id = a->offender_id;
	r->overdue = a->overdue;
	ui_fmt(r->text, sizeof r->text, "%6lld  %-18.18s %-16.16s %-10s "
	       "%-10s %-7s %s", (long long)a->id, a->owner_agency,
	       a->owner_person ? a->owner_person : "", a->due, a->ref,
	       a->overdue ? "OVERDUE" : "", a->text ? a->text : "");
	return 0;
}

static int
collect_setting(void *ctx, const char *key, const char *value,
		const char *about)
{
	struct row *r = add(ctx);

	if (r == NULL)
		return 1;
	str_copy(r->key, key, sizeof r->key);
	str_copy(r->value, value ? value : "", sizeof r->value);
	ui_fmt(r->text, sizeof r->text, "%-24s %-28s %s", key, r->value,
	       about ? about : "");
	return 0;
}

static bool
load(struct ui *ui, struct al *l)
{
	enum db_status st;

	l->n = 0;
	if (l->settings) {
		st = db_setting_list(ui->db, collect_setting, l);
	} else {
		struct db_action_query q = { 0 };

		q.today = ui->today;
		q.open_only = true;
		q.overdue_only = l->overdue_only;
		q.agency = l->agency[0] ? l->agency : NULL;
		st = db_action_list(ui->db, &q, collect_action, l);
	}
	if (st != DB_OK) {
		ui_error(ui, "The %s cannot be read: %s", l->settings
			 ? "settings" : "actions", db_errmsg(ui->db));
		return false;
	}
	if (l->cur >= l->n)
		l->cur = l->n > 0 ? l->n - 1 : 0;
	if (l->top > l->cur)
		l->top = l->cur;
	return true;
}

static bool
has_row(const struct screen *s)
{
	return al_of(s)->cur < al_of(s)->n;
}

/* --- handlers ---------------------------------------------------------- */

static unsigned
go_row(struct ui *ui, struct al *l, int to)
{
	return ui_list_go(l->n, &l->cur, &l->top, list_rows(ui), to);
}

static unsigned
up(struct ui *ui, struct screen *s)
{
	return go_row(ui, al_of(s), al_of(s)->cur - 1);
}

static unsigned
down(struct ui *ui, struct screen *s)
{
	return go_row(ui, al_of(s), al_of(s)->cur + 1);
}

static unsigned
page_up(struct ui *ui, struct screen *s)
{
	return go_row(ui, al_of(s), al_of(s)->cur - list_rows(ui));
}

static unsigned
page_down(struct ui *ui, struct screen *s)
{
	return go_row(ui, al_of(s), al_of(s)->cur + list_rows(ui));
}

static unsigned
home(struct ui *ui, struct screen *s)
{
	return go_row(ui, al_of(s), 0);
}

static unsigned
end(struct ui *ui, struct screen *s)
{
	return go_row(ui, al_of(s), al_of(s)->n - 1);
}

static unsigned
reload(struct ui *ui, struct screen *s)
{
	load(ui, al_of(s));
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
overdue(struct ui *ui, struct screen *s)
{
	al_of(s)->overdue_only = !al_of(s)->overdue_only;
	return reload(ui, s);
}

static unsigned
agency_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	if (!ok)
		return DRAW_NONE;
	str_copy(al_of(s)->agency, text, sizeof al_of(s)->agency);
	return reload(ui, s);
}

static unsigned
agency(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Owner agency (empty: all):",
			   agency_answered, NULL);
}

static unsigned
clear_filters(struct ui *ui, struct screen *s)
{
	al_of(s)->overdue_only = false;
	al_of(s)->agency[0] = '\0';
	return reload(ui, s);
}

static unsigned
done(struct ui *ui, struct screen *s)
{
	struct al *l = al_of(s);
	int64_t id = l->v[l->cur].id;

	if (db_action_done(ui->db, id, ui->today, NULL) != DB_OK)
		ui_error(ui, "Not marked done: %s", db_errmsg(ui->db));
	else
		ui_msg(ui, "Action %lld done.", (long long)id);
	return reload(ui, s);
}

static unsigned value_answered(struct ui *ui, struct screen *s, bool ok,
			       const char *text);

/* Ask for the selected setting's value, the line holding TEXT. */
static unsigned
ask_value(struct ui *ui, struct screen *s, const char *text)
{
	struct al *l = al_of(s);
	char label[96];
	unsigned d;

	ui_fmt(label, sizeof label, "%s: ", l->v[l->cur].key);
	d = ui_ask_line(ui, s, label, value_answered, NULL);
	field_set(&ui->ask.f, text);
	return d;
}

static unsigned
value_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct al *l = al_of(s);
	const char *key = l->v[l->cur].key;

	if (!ok || l->cur >= l->n) {
		l->notice[0] = '\0';
		return DRAW_BODY;
	}
	if (db_setting_set(ui->db, key, text) != DB_OK) {
		/* Nothing lost: the value opens again as typed, the reason
		 * above the list. */
		ui_fmt(l->notice, sizeof l->notice, "Not saved: %s.  Put it "
		       "right on the line below, or Esc.", db_errmsg(ui->db));
		return ask_value(ui, s, text) | DRAW_BODY;
	}
	l->notice[0] = '\0';
	ui_msg(ui, "%s saved.", key);
	return reload(ui, s);
}

static unsigned
set_value(struct ui *ui, struct screen *s)
{
	struct al *l = al_of(s);

	return ask_value(ui, s, l->v[l->cur].value);
}

static const struct ui_handler action_handlers[] = {
	{ A_ACTION_DONE, NEED_ROW | NEED_WRITE, done, "done" },
	{ A_FILTER_OVERDUE, 0, overdue, "overdue" },
	{ A_ACTION_AGENCY, 0, agency, "agency" },
	{ A_FILTER_CLEAR, 0, clear_filters, NULL },
	{ A_UP, 0, up, NULL },
	{ A_DOWN, 0, down, NULL },
	{ A_PAGE_UP, 0, page_up, NULL },
	{ A_PAGE_DOWN, 0, page_down, NULL },
	{ A_HOME, 0, home, NULL },
	{ A_END, 0, end, NULL },
	{ A_NONE, 0, NULL, NULL },
};

static const struct ui_handler setting_handlers[] = {
	{ A_SETTING_EDIT, NEED_ROW | NEED_ADMIN, set_value, "edit" },
	{ A_UP, 0, up, NULL },
	{ A_DOWN, 0, down, NULL },
	{ A_HOME, 0, home, NULL },
	{ A_END, 0, end, NULL },
	{ A_NONE, 0, NULL, NULL },
};

/* --- drawing ----------------------------------------------------------- */

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct al *l = al_of(s);

	(void)ui;
	if (l->settings)
		ui_fmt(buf, n, "Settings: %d", l->n);
	else
		ui_fmt(buf, n, "Actions: %d %s%s%s", l->n, l->overdue_only
		       ? "overdue" : "open", l->agency[0] ? " for " : "",
		       l->agency);
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct al *l = al_of(s);
	int h = list_rows(ui);
	char line[512];

	if (!(what & (DRAW_BODY | DRAW_CURSOR | DRAW_ALL)))
		return;
	if (l->settings)
		ui_fmt(line, sizeof line, "  %-24s %-28s %s", "Setting",
		       "Value", "About");
	else
		ui_fmt(line, sizeof line, "  %6s  %-18s %-16s %-10s %-10s "
		       "%-7s %s", "Id", "Agency", "Owner", "Due", "Case", "",
		       "Action");
	if (l->notice[0])
		ui_put(UI_BODY_TOP, 0, ui->cols, l->notice, ui_attr(R_ERROR),
		       PUT_PAD | PUT_ELLIPSIS);
	else
		ui_put(UI_BODY_TOP, 0, ui->cols, line, ui_attr(R_HEADER),
		       PUT_PAD);
	for (int i = 0; i < h; i++) {
		int k = l->top + i, y = LIST_TOP + i;
		attr_t a;

		if (k >= l->n) {
			ui_blank(y, 0, ui->cols, A_NORMAL);
			if (i == 0)
				ui_put(y, 2, ui->cols - 2, l->settings
				       ? "No settings." : "No open actions.",
				       ui_attr(R_DIM), PUT_PAD);
			continue;
		}
		a = ui_attr(k == l->cur ? R_SELECTED
			    : l->v[k].overdue ? R_OVERDUE : R_NORMAL);
		ui_put(y, 0, ui->cols, ui_fmt(line, sizeof line, "%s %s",
		       k == l->cur ? ">" : " ", l->v[k].text), a,
		       PUT_PAD | PUT_ELLIPSIS);
	}
}

static unsigned
layout(struct ui *ui, struct screen *s)
{
	return go_row(ui, al_of(s), al_of(s)->cur) | DRAW_BODY;
}

static void
destroy(struct screen *s)
{
	free(al_of(s)->v);
	free(s->data);
	free(s);
}

static const struct screen_ops action_ops = {
	.name = "Actions",
	.ctx = CTX_ACTIONS,
	.handlers = action_handlers,
	.has_row = has_row,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = reload,
	.destroy = destroy,
};

static const struct screen_ops setting_ops = {
	.name = "Settings",
	.ctx = CTX_SETTINGS,
	.handlers = setting_handlers,
	.has_row = has_row,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = reload,
	.destroy = destroy,
};

static struct screen *
open_list(struct ui *ui, bool settings)
{
	struct screen *s = calloc(1, sizeof *s);
	struct al *l = calloc(1, sizeof *l);

	if (s == NULL || l == NULL) {
		free(s);
		free(l);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	s->ops = settings ? &setting_ops : &action_ops;
	s->data = l;
	l->settings = settings;
	if (!load(ui, l)) {
		destroy(s);
		return NULL;
	}
	if (!settings) {
		/* The list is a consultation of its cases: one row when it
		 * opens (not at each refresh). */
		int64_t *ids = malloc((size_t)(l->n ? l->n : 1) * sizeof *ids);

		for (int i = 0; ids && i < l->n; i++)
			ids[i] = l->v[i].offender_id;
		if (ids == NULL || db_audit_consult(ui->db, "actions.view", ids,
						    (size_t)l->n, "open "
						    "actions") != DB_OK) {
			ui_error(ui, "%s", ids ? db_errmsg(ui->db)
					       : "Out of memory.");
			free(ids);
			destroy(s);
			return NULL;
		}
		free(ids);
	}
	return s;
}

struct screen *
scr_actions_new(struct ui *ui)
{
	return open_list(ui, false);
}

struct screen *
scr_settings_new(struct ui *ui)
{
	return open_list(ui, true);
}
