/*
 * scr_actions.c -- the actions agreed at MAPP meetings (issue 7) that are
 * still open (or only the overdue ones), by owner agency, owner and due
 * date, with "done".
 *
 * A lay adviser reads the actions without their wording or owner's name
 * (the data layer withholds them; the case by pseudonym) and may not
 * mark them done.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/list.h"
#include "ui/ui.h"

#define LIST_TOP (UI_BODY_TOP + 1)

/* An action, as shown. */
struct row {
	int64_t id;
	int64_t offender_id; /* actions: the case */
	bool overdue;
	char text[400];
};

struct al {
	struct list l;     /* first (list.h); l.n: the rows in v */
	struct row *v;
	int cap;
	bool overdue_only;
	char agency[32];   /* "" for all */
	bool lay;          /* dates by the month (date_case()) */
};

static struct al *
al_of(const struct screen *s)
{
	return s->data;
}

static int
add_row(struct al *l, const struct db_action *a)
{
	struct row r = { 0 };
	char d[MDATE_BUFSZ];

	r.id = a->id;
	r.offender_id = a->offender_id;
	r.overdue = a->overdue;
	ui_fmt(r.text, sizeof r.text, "%6lld  %-18.18s %-16.16s %-10s "
	       "%-10s %-7s %s", (long long)a->id, a->owner_agency,
	       a->owner_person ? a->owner_person : "",
	       date_case(a->due, l->lay, d), a->ref,
	       a->overdue ? "OVERDUE" : "", a->text ? a->text : "");
	return array_push(&l->v, &l->l.n, &l->cap, &r, sizeof r);
}

static bool
load(struct ui *ui, struct al *l)
{
	struct db_action_query q = { 0 };
	struct db_actions list = { 0 };

	l->l.n = 0;
	q.today = ui->today;
	q.open_only = true;
	q.overdue_only = l->overdue_only;
	q.agency = l->agency[0] ? l->agency : NULL;
	l->lay = ui->lay;
	if (db_action_list(ui->db, &q, &list) != DB_OK) {
		ui_error(ui, "The actions cannot be read: %s",
			 db_errmsg(ui->db));
		return false;
	}
	for (int i = 0; i < list.n; i++)
		if (add_row(l, &list.v[i]) != 0)
			break;
	db_actions_free(&list);
	list_fit(&l->l, l->l.n);
	return true;
}

/* --- handlers ---------------------------------------------------------- */

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
	int64_t id = l->v[l->l.cur].id;

	if (db_action_done(ui->db, id, ui->today, NULL) != DB_OK)
		ui_error(ui, "Not marked done: %s", db_errmsg(ui->db));
	else
		ui_msg(ui, "Action %lld done.", (long long)id);
	return reload(ui, s);
}

static const struct ui_handler handlers[] = {
	{ A_ACTION_DONE, NEED_ROW | NEED_WRITE, done, "done" },
	{ A_FILTER_OVERDUE, 0, overdue, "overdue" },
	{ A_ACTION_AGENCY, 0, agency, "agency" },
	{ A_FILTER_CLEAR, 0, clear_filters, NULL },
	{ A_NONE, 0, NULL, NULL },
};

/* --- drawing ----------------------------------------------------------- */

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct al *l = al_of(s);

	(void)ui;
	ui_fmt(buf, n, "Actions: %d %s%s%s", l->l.n, l->overdue_only
	       ? "overdue" : "open", l->agency[0] ? " for " : "", l->agency);
}

static void
row(int k, void *ctx, struct list_row *r)
{
	const struct al *l = ctx;

	str_copy(r->text, l->v[k].text, sizeof r->text);
	if (l->v[k].overdue)
		r->attr = ui_attr(R_OVERDUE);
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct al *l = al_of(s);
	char line[512];

	if (!(what & (DRAW_BODY | DRAW_CURSOR | DRAW_ALL)))
		return;
	ui_fmt(line, sizeof line, "  %6s  %-18s %-16s %-10s %-10s %-7s %s",
	       "Id", "Agency", "Owner", "Due", "Case", "", "Action");
	ui_put(UI_BODY_TOP, 0, ui->cols, line, ui_attr(R_HEADER), PUT_PAD);
	list_draw(ui, &l->l, "No open actions.", row, l);
}

static void
destroy(struct screen *s)
{
	free(al_of(s)->v);
	free(s->data);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Actions",
	.ctx = CTX_ACTIONS,
	.handlers = handlers,
	LIST_SCREEN_CALLBACKS,
	.title = title,
	.draw = draw,
	.changed = reload,
	.destroy = destroy,
};

struct screen *
scr_actions_new(struct ui *ui)
{
	struct al *l;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *l);

	if (s == NULL)
		return NULL;
	l = s->data;
	l->l.y = LIST_TOP;
	if (!load(ui, l)) {
		destroy(s);
		return NULL;
	}
	{
		/* The list is a consultation of its cases: one row when it
		 * opens (not at each refresh). */
		int n = l->l.n;
		int64_t *ids = malloc((size_t)(n ? n : 1) * sizeof *ids);

		for (int i = 0; ids && i < n; i++)
			ids[i] = l->v[i].offender_id;
		if (ids == NULL || db_audit_consult(ui->db, "actions.view", ids,
						    (size_t)n, "open "
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
