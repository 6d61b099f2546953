/*
 * scr_register.c -- the register: the list of cases, sorted by any
 * column, filtered by category, level, status and overdue review,
 * searched as you type; the first screen.
 *
 * The rows are a window kept by regmodel.c; this file lays out the
 * columns for the terminal's width (dropping the least needed first),
 * draws, and maps keys to the model.  Moving the selection within the
 * window redraws two rows, not the screen.  A lay adviser sees the
 * pseudonymous reference and no name or district, and cannot sort by
 * them.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/regmodel.h"
#include "ui/text.h"
#include "ui/list.h"
#include "ui/ui.h"

struct column {
	enum db_reg_column col;
	const char *head;
	int min, max, weight;
	bool identified; /* not shown to a lay adviser */
	int drop;        /* dropped first when narrow: the highest */
};

static const struct column columns[] = {
	{ DB_REG_REF, "Reference", 10, 16, 0, false, 0 },
	{ DB_REG_NAME, "Name", 12, 40, 4, true, 0 },
	{ DB_REG_CATEGORY, "Cat", 3, 3, 0, false, 0 },
	{ DB_REG_LEVEL, "Lvl", 3, 3, 0, false, 0 },
	{ DB_REG_STATUS, "Status", 9, 9, 0, false, 2 },
	{ DB_REG_AGENCY, "Lead", 9, 9, 0, false, 4 },
	{ DB_REG_DISTRICT, "District", 8, 20, 1, true, 5 },
	{ DB_REG_REVIEW, "Next review", 12, 12, 0, false, 1 },
};
#define NCOLS ((int)NELEM(columns))

struct reg {
	struct regmodel m;
	int width[NCOLS]; /* 0: not shown */
	int drawn;        /* the row drawn selected, or -1 */
	char search[128]; /* the last search, for n and N */
	char searching[160]; /* the state of a search being typed */
	bool stale;       /* others changed the data during a search */
};

static const char *const state_names[DB_REG_STATES] = {
	[DB_REG_CURRENT] = "current", [DB_REG_ALL] = "all",
	[DB_REG_COMMUNITY] = "community", [DB_REG_CUSTODY] = "custody",
	[DB_REG_EXITED] = "exited",
};

static struct reg *
reg_of(const struct screen *s)
{
	return s->data;
}

static int
list_rows(const struct ui *ui)
{
	return ui->rows - 5 > 1 ? ui->rows - 5 : 1;
}

#define LIST_TOP (UI_BODY_TOP + 2)

/* --- columns ------------------------------------------------------------- */

static bool
shown_to(const struct ui *ui, int c)
{
	return !(ui->lay && columns[c].identified);
}

static void
lay_out(struct ui *ui, struct reg *r)
{
	int room = ui->cols - 2, need = 0, spare, weights = 0;

	for (int c = 0; c < NCOLS; c++) {
		r->width[c] = shown_to(ui, c) ? columns[c].min : 0;
		if (r->width[c])
			need += r->width[c] + 1;
	}
	/* Drop the least needed columns until the rest fit. */
	for (int d = 5; d > 0 && need > room; d--)
		for (int c = 0; c < NCOLS && need > room; c++)
			if (columns[c].drop == d && r->width[c]) {
				need -= r->width[c] + 1;
				r->width[c] = 0;
			}
	spare = room - need;
	for (int c = 0; c < NCOLS; c++)
		if (r->width[c])
			weights += columns[c].weight;
	/* Names and districts first, by weight, up to their longest; what
	 * is left to the reference. */
	for (int c = 0, left = spare; c < NCOLS && weights > 0; c++) {
		int more;

		if (!r->width[c] || !columns[c].weight)
			continue;
		more = left * columns[c].weight / weights;
		if (r->width[c] + more > columns[c].max)
			more = columns[c].max - r->width[c];
		r->width[c] += more;
		spare -= more;
	}
	if (r->width[0] && spare > 0) {
		int more = columns[0].max - r->width[0];

		r->width[0] += more < spare ? more : spare;
	}
}

/* --- drawing ----------------------------------------------------------------- */

static const char *
up_down(bool desc)
{
	if (text_utf8())
		return desc ? "\xe2\x96\xbc" : "\xe2\x96\xb2";
	return desc ? "v" : "^";
}

static void
draw_summary(struct ui *ui, struct reg *r)
{
	const struct regmodel *m = &r->m;
	char line[512], a[32], b[32], c[32];
	size_t n;

	n = (size_t)snprintf(line, sizeof line, "%s of %s cases, %s overdue",
			     ui_count(a, sizeof a, m->matching),
			     ui_count(b, sizeof b, m->total),
			     ui_count(c, sizeof c, m->overdue));
	n += (size_t)snprintf(line + n, sizeof line - n, "  |  showing %s",
			      state_names[m->q.state]);
	if (m->q.category)
		n += (size_t)snprintf(line + n, sizeof line - n,
				      ", category %d", m->q.category);
	if (m->q.level)
		n += (size_t)snprintf(line + n, sizeof line - n,
				      ", level %d", m->q.level);
	if (m->q.overdue)
		n += (size_t)snprintf(line + n, sizeof line - n,
				      ", overdue only");
	if (r->searching[0])
		snprintf(line + n, sizeof line - n, "  |  %s", r->searching);
	ui_put(UI_BODY_TOP, 1, ui->cols - 2, line, ui_attr(R_DIM),
	       PUT_PAD | PUT_ELLIPSIS);
}

static void
draw_header(struct ui *ui, struct reg *r)
{
	int x = 1;

	ui_blank(UI_BODY_TOP + 1, 0, ui->cols, ui_attr(R_HEADER));
	for (int c = 0; c < NCOLS; c++) {
		char head[64];
		bool sorted = r->m.q.sort == columns[c].col;

		if (!r->width[c])
			continue;
		ui_fmt(head, sizeof head, "%s%s",
		       c == 0 && ui->lay ? "Pseudonym" : columns[c].head,
		       sorted ? up_down(r->m.q.desc) : "");
		ui_put(UI_BODY_TOP + 1, x, r->width[c], head,
		       ui_attr(sorted ? R_SORTED : R_HEADER),
		       PUT_PAD | PUT_ELLIPSIS);
		x += r->width[c] + 1;
	}
}

static void
cell(const struct db_reg_row *row, enum db_reg_column col, bool lay,
     char *buf, size_t n, enum ui_role *role)
{
	char d[MDATE_BUFSZ];

	*role = R_NORMAL;
	switch (col) {
	case DB_REG_REF:
		str_copy(buf, row->ref, n);
		break;
	case DB_REG_NAME:
		if (row->forenames[0])
			ui_fmt(buf, n, "%s, %s", row->surname, row->forenames);
		else
			str_copy(buf, row->surname, n);
		break;
	case DB_REG_CATEGORY:
		ui_fmt(buf, n, row->category ? "%d" : "-", row->category);
		break;
	case DB_REG_LEVEL:
		ui_fmt(buf, n, row->level ? "%d" : "-", row->level);
		*role = row->level == 3 ? R_LEVEL3
			: row->level == 2 ? R_LEVEL2 : R_NORMAL;
		break;
	case DB_REG_STATUS:
		str_copy(buf, case_status_name(row->status), n);
		break;
	case DB_REG_AGENCY:
		str_copy(buf, row->lead_agency[0] ? row->lead_agency : "-", n);
		break;
	case DB_REG_DISTRICT:
		str_copy(buf, row->district, n);
		break;
	case DB_REG_REVIEW:
		if (row->next_review[0])
			ui_fmt(buf, n, "%s%s",
			       date_case(row->next_review, lay, d),
			       row->overdue ? " !" : "");
		else
			str_copy(buf, "-", n);
		if (row->overdue)
			*role = R_OVERDUE;
		break;
	default:
		buf[0] = '\0';
	}
}

static void
draw_row(struct ui *ui, struct reg *r, int i)
{
	int y = LIST_TOP + i, x = 1;
	const struct db_reg_row *row = &r->m.rows[i];
	bool selected = i == r->m.cur;
	bool exited = row->status == CASE_EXITED;
	attr_t base = ui_attr(selected ? R_SELECTED
				       : exited ? R_EXITED : R_NORMAL);

	list_row_start(ui, y, selected, base);
	for (int c = 0; c < NCOLS; c++) {
		char text[300];
		enum ui_role role;

		if (!r->width[c])
			continue;
		cell(row, columns[c].col, ui->lay, text, sizeof text, &role);
		ui_put(y, x, r->width[c], text,
		       selected || role == R_NORMAL || exited ? base
							       : ui_attr(role),
		       PUT_PAD | PUT_ELLIPSIS);
		x += r->width[c] + 1;
	}
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct reg *r = reg_of(s);
	int h = list_rows(ui);

	if (what & DRAW_BODY) {
		draw_summary(ui, r);
		draw_header(ui, r);
		for (int i = 0; i < h; i++) {
			if (i < r->m.n)
				draw_row(ui, r, i);
			else
				ui_blank(LIST_TOP + i, 0, ui->cols, A_NORMAL);
		}
		if (r->m.n == 0)
			ui_put(LIST_TOP + 1, 2, ui->cols - 4,
			       r->m.total ? "No case matches the filters "
					    "(x clears them)."
					  : "The register is empty: a takes a "
					    "new referral.",
			       ui_attr(R_DIM), PUT_ELLIPSIS);
	} else if (what & DRAW_CURSOR) {
		/* The selection moved among the rows shown: two rows. */
		if (r->drawn >= 0 && r->drawn < r->m.n && r->drawn != r->m.cur)
			draw_row(ui, r, r->drawn);
		if (r->m.n)
			draw_row(ui, r, r->m.cur);
		draw_summary(ui, r);
	}
	r->drawn = r->m.n ? r->m.cur : -1;
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct reg *r = reg_of(s);
	char a[32], b[32];

	(void)ui;
	ui_fmt(buf, n, "Register %s/%s",
	       ui_count(a, sizeof a, r->m.matching),
	       ui_count(b, sizeof b, r->m.total));
}

/* --- handlers ------------------------------------------------------------------ */

static unsigned
result(struct ui *ui, enum rm_change c, struct reg *r)
{
	switch (c) {
	case RM_CURSOR:
		return DRAW_CURSOR;
	case RM_ROWS:
		return DRAW_BODY;
	case RM_ERROR:
		ui_error(ui, "%s", rm_error(&r->m));
		return DRAW_BODY;
	default:
		return DRAW_NONE;
	}
}

/* The register pages through the data layer itself (regmodel.c). */
static unsigned
moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct reg *r = reg_of(s);

	if (a == A_HOME)
		return result(ui, rm_home(&r->m), r);
	if (a == A_END)
		return result(ui, rm_end(&r->m), r);
	return result(ui, rm_move(&r->m, list_step(a, list_rows(ui))), r);
}

static bool
has_row(const struct screen *s)
{
	return rm_selected(&reg_of(s)->m) != NULL;
}

static int64_t
selected_id(const struct screen *s)
{
	return rm_selected(&reg_of(s)->m)->id;
}

static unsigned
open_case(struct ui *ui, struct screen *s)
{
	return ui_push(ui, scr_offender_new(ui, selected_id(s)));
}

static unsigned
searched(struct ui *ui, struct screen *s, const char *text)
{
	struct reg *r = reg_of(s);
	enum rm_change c = rm_search(&r->m, text);

	if (c == RM_NONE && *text)
		ui_fmt(r->searching, sizeof r->searching, "no case matches "
		       "'%s'", text);
	else
		ui_fmt(r->searching, sizeof r->searching, "searching");
	return result(ui, c, r) | DRAW_BODY;
}

/* What a search looked by, in words that hold no part of it. */
static const char *
search_kind(const struct ui *ui, const char *text)
{
	size_t n = strlen(text), digits = strspn(text + (n ? 1 : 0),
						 "0123456789");

	if (ui->lay)
		return "pseudonym";
	if (strchr(text, '/') && n > 2 && isalpha((unsigned char)text[n - 1])
	    && isdigit((unsigned char)text[0]))
		return "PNC";
	if (n == 7 && isalpha((unsigned char)text[0]) && digits == 6)
		return "CRN";
	if (strpbrk(text, "0123456789/"))
		return "reference";
	return "name";
}

/*
 * Log one search (Data Protection Act 2018 s.62): what it was by, never
 * the text, and the case it landed on -- one row per search ended or
 * repeated with n/N, not per keystroke.
 */
static void
log_search(struct ui *ui, struct reg *r, const char *text, bool found)
{
	const struct db_reg_row *row = rm_selected(&r->m);
	char detail[64];

	ui_fmt(detail, sizeof detail, "by: %s", search_kind(ui, text));
	if (db_audit_consult(ui->db, "register.search", found && row ?
			     &row->id : NULL, found && row ? 1 : 0, detail) !=
	    DB_OK)
		ui_error(ui, "%s", db_errmsg(ui->db));
}

static unsigned
search_done(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct reg *r = reg_of(s);
	enum rm_change c = rm_search_end(&r->m, !ok || !*text);
	bool found = ok && *text &&
		     strncmp(r->searching, "no case", 7) != 0;

	if (ok && *text)
		log_search(ui, r, text, found);

	r->searching[0] = '\0';
	if (r->stale && c != RM_ERROR) {
		r->stale = false;
		c = rm_refresh(&r->m);
	}
	if (ok && *text) {
		str_copy(r->search, text, sizeof r->search);
		ui_msg(ui, "n: the next match for '%s', N: the previous",
		       text);
	}
	return result(ui, c, r) | DRAW_BODY;
}

static unsigned
search(struct ui *ui, struct screen *s)
{
	struct reg *r = reg_of(s);

	rm_search_begin(&r->m);
	str_copy(r->searching, "searching", sizeof r->searching);
	return ui_ask_line(ui, s, ui->lay ? "/ pseudonym: "
					  : "/ reference, name, PNC or CRN: ",
			   search_done, searched) | DRAW_BODY;
}

static unsigned
search_again(struct ui *ui, struct screen *s, bool backward)
{
	struct reg *r = reg_of(s);
	enum rm_change c;
	bool wrapped;

	if (!r->search[0]) {
		ui_error(ui, "No search yet: / searches.");
		return DRAW_NONE;
	}
	c = rm_search_next(&r->m, r->search, backward, &wrapped);
	log_search(ui, r, r->search, c != RM_NONE || wrapped);
	if (c == RM_NONE && !wrapped)
		ui_error(ui, "No case matches '%s' here.", r->search);
	else if (wrapped)
		ui_msg(ui, "Search wrapped round to the %s.",
		       backward ? "end" : "top");
	return result(ui, c, r);
}

static unsigned
search_next(struct ui *ui, struct screen *s)
{
	return search_again(ui, s, false);
}

static unsigned
search_prev(struct ui *ui, struct screen *s)
{
	return search_again(ui, s, true);
}

static unsigned
requery(struct ui *ui, struct screen *s, const struct db_reg_query *q)
{
	struct reg *r = reg_of(s);

	return result(ui, rm_set_query(&r->m, q), r) | DRAW_BODY;
}

static unsigned
sort_step(struct ui *ui, struct screen *s, int dir)
{
	struct reg *r = reg_of(s);
	struct db_reg_query q = r->m.q;
	int c = 0;

	for (int i = 0; i < NCOLS; i++)
		if (columns[i].col == q.sort)
			c = i;
	do
		c = (c + dir + NCOLS) % NCOLS;
	while (!shown_to(ui, c));
	q.sort = columns[c].col;
	q.desc = false;
	ui_msg(ui, "Sorted by %s.", c == 0 && ui->lay ? "pseudonym"
						      : columns[c].head);
	return requery(ui, s, &q);
}

static unsigned
sort_next(struct ui *ui, struct screen *s)
{
	return sort_step(ui, s, 1);
}

static unsigned
sort_prev(struct ui *ui, struct screen *s)
{
	return sort_step(ui, s, -1);
}

static unsigned
sort_invert(struct ui *ui, struct screen *s)
{
	struct db_reg_query q = reg_of(s)->m.q;

	q.desc = !q.desc;
	return requery(ui, s, &q);
}

static unsigned
filter_category(struct ui *ui, struct screen *s)
{
	struct db_reg_query q = reg_of(s)->m.q;

	q.category = (q.category + 1) % (EV_CATEGORY_MAX + 1);
	if (q.category)
		ui_msg(ui, "Category %d only (c again for the next).",
		       q.category);
	else
		ui_msg(ui, "Every category.");
	return requery(ui, s, &q);
}

static unsigned
filter_level(struct ui *ui, struct screen *s)
{
	struct db_reg_query q = reg_of(s)->m.q;

	q.level = (q.level + 1) % (EV_LEVEL_MAX + 1);
	if (q.level)
		ui_msg(ui, "Level %d only (l again for the next).", q.level);
	else
		ui_msg(ui, "Every level.");
	return requery(ui, s, &q);
}

static unsigned
filter_status(struct ui *ui, struct screen *s)
{
	static const enum db_reg_state next[DB_REG_STATES] = {
		[DB_REG_CURRENT] = DB_REG_COMMUNITY,
		[DB_REG_COMMUNITY] = DB_REG_CUSTODY,
		[DB_REG_CUSTODY] = DB_REG_EXITED,
		[DB_REG_EXITED] = DB_REG_ALL,
		[DB_REG_ALL] = DB_REG_CURRENT,
	};
	struct db_reg_query q = reg_of(s)->m.q;

	q.state = next[q.state];
	ui_msg(ui, "Showing %s cases.", state_names[q.state]);
	return requery(ui, s, &q);
}

static unsigned
filter_overdue(struct ui *ui, struct screen *s)
{
	struct db_reg_query q = reg_of(s)->m.q;

	q.overdue = !q.overdue;
	ui_msg(ui, q.overdue ? "Overdue reviews only."
			     : "Every review date.");
	return requery(ui, s, &q);
}

static unsigned
filter_clear(struct ui *ui, struct screen *s)
{
	struct db_reg_query q = reg_of(s)->m.q;

	q.state = DB_REG_CURRENT;
	q.category = q.level = 0;
	q.overdue = false;
	ui_msg(ui, "Filters cleared: every current case.");
	return requery(ui, s, &q);
}

static unsigned
referral(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, scr_referral_new(ui));
}

static unsigned
edit(struct ui *ui, struct screen *s)
{
	return ui_push(ui, scr_identity_new(ui, selected_id(s)));
}

static unsigned
event(struct ui *ui, struct screen *s)
{
	return ui_push(ui, scr_event_new(ui, selected_id(s), -1));
}

static unsigned
level(struct ui *ui, struct screen *s)
{
	return ui_push(ui, scr_event_new(ui, selected_id(s), EV_LEVEL));
}

static unsigned
stats(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, scr_stats_new(ui));
}

static unsigned
kpi(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, scr_kpi_new(ui));
}

static unsigned
meetings(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, scr_meetings_new(ui));
}

static unsigned
actions(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, scr_actions_new(ui));
}

static unsigned
referrals(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, scr_referrals_new(ui));
}

static unsigned
settings(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, scr_settings_new(ui));
}

static unsigned
audit(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, scr_audit_new(ui));
}

static unsigned
keydates(struct ui *ui, struct screen *s)
{
	(void)s;
	if (ui->lay) {
		ui_error(ui, "The key-date lists name people: they are not "
			 "for lay advisers.");
		return DRAW_STATUS;
	}
	return ui_push(ui, scr_keydates_new(ui));
}

static unsigned
retention(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, scr_retention_new(ui));
}

static const struct ui_handler handlers[] = {
	{ A_OPEN, NEED_ROW, open_case, "open" },
	{ A_SEARCH, 0, search, "search" },
	{ A_SEARCH_NEXT, 0, search_next, NULL },
	{ A_SEARCH_PREV, 0, search_prev, NULL },
	{ A_SORT_NEXT, 0, sort_next, "sort" },
	{ A_SORT_PREV, 0, sort_prev, NULL },
	{ A_SORT_INVERT, 0, sort_invert, NULL },
	{ A_FILTER_CATEGORY, 0, filter_category, "cat" },
	{ A_FILTER_LEVEL, 0, filter_level, "level" },
	{ A_FILTER_STATUS, 0, filter_status, "status" },
	{ A_FILTER_OVERDUE, 0, filter_overdue, "overdue" },
	{ A_FILTER_CLEAR, 0, filter_clear, NULL },
	{ A_REFERRAL, NEED_WRITE, referral, "new case" },
	{ A_EDIT, NEED_ROW | NEED_WRITE, edit, NULL },
	{ A_EVENT, NEED_ROW | NEED_WRITE, event, NULL },
	{ A_LEVEL, NEED_ROW | NEED_WRITE, level, NULL },
	{ A_STATS, 0, stats, NULL },
	{ A_KPI, 0, kpi, NULL },
	{ A_MEETINGS, 0, meetings, "meetings" },
	{ A_ACTIONS, 0, actions, NULL },
	{ A_REFERRALS, NEED_WRITE, referrals, NULL },
	{ A_SETTINGS, NEED_ADMIN, settings, NULL },
	{ A_AUDIT, NEED_ADMIN, audit, NULL },
	{ A_RETENTION, NEED_ADMIN, retention, NULL },
	{ A_KEYDATES, 0, keydates, NULL },
	{ A_NONE, 0, NULL, NULL },
};

/* --- the screen's life ------------------------------------------------------- */

static unsigned
layout(struct ui *ui, struct screen *s)
{
	struct reg *r = reg_of(s);

	lay_out(ui, r);
	r->drawn = -1;
	return result(ui, rm_resize(&r->m, list_rows(ui)), r) | DRAW_BODY;
}

static unsigned
changed(struct ui *ui, struct screen *s)
{
	struct reg *r = reg_of(s);

	if (r->m.searching) {
		r->stale = true; /* read again when the search ends */
		return DRAW_NONE;
	}
	return result(ui, rm_refresh(&r->m), r) | DRAW_BODY;
}

static unsigned
resumed(struct ui *ui, struct screen *s, int res)
{
	struct reg *r = reg_of(s);
	unsigned d = result(ui, rm_refresh(&r->m), r) | DRAW_BODY;

	char was[sizeof ui->msg];

	if (res == RESULT_SAVED && ui->saved_id) {
		enum rm_change c = rm_select_id(&r->m, ui->saved_id);

		if (c == RM_NONE) {
			str_copy(was, ui->msg, sizeof was);
			ui_msg(ui, "%s (Not shown under these filters: x "
			       "clears them.)", was);
		}
		d |= result(ui, c, r);
	}
	return d;
}

static void
destroy(struct screen *s)
{
	struct reg *r = reg_of(s);

	rm_close(&r->m);
	free(r);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Register",
	.ctx = CTX_LIST,
	.handlers = handlers,
	.has_row = has_row,
	.moving = moving,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = changed,
	.resumed = resumed,
	.destroy = destroy,
};

struct screen *
scr_register_new(struct ui *ui)
{
	struct reg *r;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *r);

	if (s == NULL)
		return NULL;
	r = s->data;
	r->drawn = -1;
	if (rm_open(&r->m, ui->db, ui->today, list_rows(ui)) == RM_ERROR) {
		ui_error(ui, "%s", rm_error(&r->m));
		destroy(s);
		return NULL;
	}
	return s;
}
