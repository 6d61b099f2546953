/*
 * scr_audit.c -- the audit trail (admin only): who did what, when, to
 * which record, newest first (I turns it round), filtered by user (u),
 * action (a), case (c: its writes and every list or search that showed
 * it) or any text (/), with the selected row's whole detail
 * below the list.
 *
 * Only the rows shown are held: a page is read from the data layer
 * (db_audit_page(), keyset paging on the row id), and moving past either
 * end of it reads the next rows in that direction, so a trail of any
 * size opens and pages at the same cost.  Opening the screen is logged
 * once ("audit.read"); paging and filtering are part of that reading.
 * New rows others write appear when the list shows the newest.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/text.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "ui/view.h"

struct arow {
	int64_t id;
	char time[24];
	char actor[DB_NAME_MAX];
	char *action, *record, *detail;
};

struct audit {
	struct arow *row; /* the rows shown, in the order shown */
	int n, cap;       /* cap: the list's height */
	int cur;
	bool oldest_first;
	int64_t total;    /* rows matching the filters */
	char actor[DB_NAME_MAX], action[64], text[128];
	char case_ref[DB_REF_MAX]; /* rows about this case */
	struct view detail;
	/* filled by the page callback */
	struct arow *got;
	int ngot;
};

#define LIST_TOP (UI_BODY_TOP + 2)
#define DETAIL_ROWS 3

static struct audit *
au_of(const struct screen *s)
{
	return s->data;
}

static int
list_rows(const struct ui *ui)
{
	int h = ui_body_rows(ui) - 2 - 1 - DETAIL_ROWS;

	return h > 1 ? h : 1;
}

/* --- rows ------------------------------------------------------------------ */

static void
row_free(struct arow *r)
{
	free(r->action);
	free(r->record);
	free(r->detail);
	memset(r, 0, sizeof *r);
}

static void
rows_free(struct arow *r, int n)
{
	for (int i = 0; i < n; i++)
		row_free(&r[i]);
}

static char *
dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

static int
got_row(void *ctx, const struct db_audit *a)
{
	struct audit *au = ctx;
	struct arow *r = &au->got[au->ngot];

	r->id = a->id;
	str_copy(r->time, a->time, sizeof r->time);
	str_copy(r->actor, a->actor, sizeof r->actor);
	r->action = dup(a->action);
	r->record = dup(a->record);
	r->detail = dup(a->detail);
	if (!r->action || !r->record || !r->detail) {
		row_free(r);
		return -1;
	}
	au->ngot++;
	return 0;
}

/*
 * Read up to LIMIT rows into au->got: the rows after AFTER in the order
 * shown (FORWARD) or before it (backward, returned nearest first).
 * Returns the count, or -1 (the message says why).
 */
static int
fetch(struct ui *ui, struct audit *au, int64_t after, bool forward,
      int limit)
{
	struct db_audit_filter f = { au->actor, au->action, au->text,
				     au->case_ref };
	bool newest = au->oldest_first ? !forward : forward;

	au->ngot = 0;
	if (limit > au->cap)
		limit = au->cap;
	if (db_audit_page(ui->db, &f, newest, after, limit, got_row, au) !=
	    DB_OK) {
		rows_free(au->got, au->ngot);
		au->ngot = 0;
		ui_error(ui, "%s", db_errmsg(ui->db));
		return -1;
	}
	return au->ngot;
}

/* Show the page from row FROM on in the order shown (0: the first
 * page), or with AT_END the last page. */
static unsigned
load_from(struct ui *ui, struct audit *au, int64_t from, bool at_end)
{
	struct db_audit_filter f = { au->actor, au->action, au->text,
				     au->case_ref };
	int64_t after = 0;
	int k;

	if (db_audit_count(ui->db, &f, &au->total) != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		return DRAW_BODY;
	}
	if (from > 0)
		after = au->oldest_first ? from - 1 : from + 1;
	k = fetch(ui, au, after, !at_end, au->cap);
	if (k < 0)
		return DRAW_BODY;
	rows_free(au->row, au->n);
	au->n = k;
	for (int i = 0; i < k; i++)
		au->row[at_end ? k - 1 - i : i] = au->got[i];
	au->cur = at_end && k ? k - 1 : 0;
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
load(struct ui *ui, struct audit *au, bool at_end)
{
	return load_from(ui, au, 0, at_end);
}

/*
 * Move the window by up to K rows (K > 0: on, K < 0: back), reading
 * them; the rows that scroll off are dropped.  Returns how many came.
 */
static int
shift(struct ui *ui, struct audit *au, int k)
{
	bool forward = k > 0;
	int want = forward ? k : -k, got, keep;

	if (au->n == 0)
		return 0;
	got = fetch(ui, au, forward ? au->row[au->n - 1].id : au->row[0].id,
		    forward, want);
	if (got <= 0)
		return 0;
	keep = au->n + got > au->cap ? au->cap - got : au->n;
	if (forward) {
		/* Drop from the front, append. */
		int drop = au->n - keep;

		rows_free(au->row, drop);
		memmove(au->row, au->row + drop, (size_t)keep *
			sizeof *au->row);
		for (int i = 0; i < got; i++)
			au->row[keep + i] = au->got[i];
	} else {
		/* Drop from the back, prepend (nearest came first). */
		rows_free(au->row + keep, au->n - keep);
		memmove(au->row + got, au->row, (size_t)keep *
			sizeof *au->row);
		for (int i = 0; i < got; i++)
			au->row[got - 1 - i] = au->got[i];
	}
	au->n = keep + got;
	return got;
}

/* --- drawing ---------------------------------------------------------------- */

static void
widths(const struct ui *ui, int *wt, int *wu, int *wa, int *wr, int *wd)
{
	int room = ui->cols - 2;

	*wt = 19;
	*wu = 10;
	*wa = 18;
	*wr = 22;
	if (room - (*wt + *wu + *wa + *wr + 4) < 20)
		*wr = 0;
	if (room - (*wt + *wu + *wa + (*wr ? *wr + 1 : 0) + 3) < 12)
		*wt = 10; /* the date alone */
	*wd = room - (*wt + *wu + *wa + (*wr ? *wr + 1 : 0) + 3);
	if (*wd < 0)
		*wd = 0;
}

static void
draw_row(struct ui *ui, struct audit *au, int i, int y)
{
	const struct arow *r = &au->row[i];
	bool sel = i == au->cur;
	attr_t a = ui_attr(sel ? R_SELECTED : R_NORMAL);
	int wt, wu, wa, wr, wd, x = 1;
	char t[24];

	widths(ui, &wt, &wu, &wa, &wr, &wd);
	list_row_start(ui, y, sel, a);
	/* 2026-11-26T15:31:24Z as 2026-11-26 15:31:24 */
	str_copy(t, r->time, sizeof t);
	if (strlen(t) == 20 && t[10] == 'T' && t[19] == 'Z') {
		t[10] = ' ';
		t[19] = '\0';
	}
	x += ui_put(y, x, wt, t, a, PUT_PAD) + 1;
	x += ui_put(y, x, wu, r->actor, a, PUT_PAD | PUT_ELLIPSIS) + 1;
	x += ui_put(y, x, wa, r->action, a, PUT_PAD | PUT_ELLIPSIS) + 1;
	if (wr)
		x += ui_put(y, x, wr, r->record, a, PUT_PAD | PUT_ELLIPSIS) +
		     1;
	if (wd)
		ui_put(y, x, wd, r->detail, a, PUT_PAD | PUT_ELLIPSIS);
}

static void
draw_header(struct ui *ui)
{
	int wt, wu, wa, wr, wd, x = 1;
	attr_t a = ui_attr(R_HEADER);

	widths(ui, &wt, &wu, &wa, &wr, &wd);
	ui_blank(UI_BODY_TOP + 1, 0, ui->cols, a);
	x += ui_put(UI_BODY_TOP + 1, x, wt, "Time (UTC)", a, PUT_PAD) + 1;
	x += ui_put(UI_BODY_TOP + 1, x, wu, "User", a, PUT_PAD) + 1;
	x += ui_put(UI_BODY_TOP + 1, x, wa, "Action", a, PUT_PAD) + 1;
	if (wr)
		x += ui_put(UI_BODY_TOP + 1, x, wr, "Record", a, PUT_PAD) + 1;
	if (wd)
		ui_put(UI_BODY_TOP + 1, x, wd, "Detail", a, PUT_PAD);
}

static void
draw_summary(struct ui *ui, struct audit *au)
{
	char line[400], c[32];
	size_t n;

	n = (size_t)snprintf(line, sizeof line, "%s %s, %s first",
			     ui_count(c, sizeof c, au->total),
			     au->total == 1 ? "row" : "rows",
			     au->oldest_first ? "oldest" : "newest");
	if (au->actor[0])
		n += (size_t)snprintf(line + n, sizeof line - n,
				      "  |  user %s", au->actor);
	if (au->action[0])
		n += (size_t)snprintf(line + n, sizeof line - n,
				      "  |  action %s", au->action);
	if (au->case_ref[0] && n < sizeof line)
		n += (size_t)snprintf(line + n, sizeof line - n,
				      "  |  case %s", au->case_ref);
	if (au->text[0] && n < sizeof line)
		snprintf(line + n, sizeof line - n, "  |  holding '%s'",
			 au->text);
	ui_put(UI_BODY_TOP, 1, ui->cols - 2, line, ui_attr(R_DIM),
	       PUT_PAD | PUT_ELLIPSIS);
}

static void
draw_detail(struct ui *ui, struct audit *au)
{
	int y = LIST_TOP + list_rows(ui);
	char line[200];

	ui_blank(y, 0, ui->cols, ui_attr(R_HEADER));
	for (int i = 1; i <= DETAIL_ROWS; i++)
		ui_blank(y + i, 0, ui->cols, A_NORMAL);
	if (au->n == 0)
		return;
	{
		const struct arow *r = &au->row[au->cur];
		size_t len = strlen(r->detail) + strlen(r->record) + 64;
		char *text = malloc(len);

		ui_put(y, 1, ui->cols - 2, ui_fmt(line, sizeof line, "Row %lld: "
						  "%s by %s", (long long)r->id,
						  r->action, r->actor),
		       ui_attr(R_HEADER), PUT_ELLIPSIS);
		if (text == NULL)
			return;
		snprintf(text, len, "%s%s%s", r->record,
			 r->record[0] && r->detail[0] ? ": " : "",
			 r->detail[0] || r->record[0] ? r->detail : "-");
		view_clear(&au->detail);
		au->detail.top = 0;
		view_wrap(&au->detail, R_NORMAL, 1, text, ui->cols - 2);
		view_draw(&au->detail, y + 1, DETAIL_ROWS, ui->cols);
		free(text);
	}
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct audit *au = au_of(s);
	int h = list_rows(ui);

	(void)what;
	draw_summary(ui, au);
	draw_header(ui);
	for (int i = 0; i < h; i++) {
		if (i < au->n)
			draw_row(ui, au, i, LIST_TOP + i);
		else
			ui_blank(LIST_TOP + i, 0, ui->cols, A_NORMAL);
	}
	if (au->n == 0)
		ui_put(LIST_TOP + 1, 2, ui->cols - 4, "No row matches the "
		       "filters (x clears them).",
		       ui_attr(R_DIM), PUT_ELLIPSIS);
	draw_detail(ui, au);
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	char c[32];

	(void)ui;
	ui_fmt(buf, n, "Audit trail %s", ui_count(c, sizeof c,
						  au_of(s)->total));
}

/* --- moving ------------------------------------------------------------------ */

static unsigned
up(struct ui *ui, struct screen *s)
{
	struct audit *au = au_of(s);

	if (au->cur > 0) {
		au->cur--;
		return DRAW_BODY;
	}
	if (shift(ui, au, -1) > 0)
		return DRAW_BODY;
	return DRAW_NONE;
}

static unsigned
down(struct ui *ui, struct screen *s)
{
	struct audit *au = au_of(s);

	if (au->cur < au->n - 1) {
		au->cur++;
		return DRAW_BODY;
	}
	if (au->n && shift(ui, au, 1) > 0) {
		au->cur = au->n - 1;
		return DRAW_BODY;
	}
	return DRAW_NONE;
}

static unsigned
page_up(struct ui *ui, struct screen *s)
{
	struct audit *au = au_of(s);
	int got = shift(ui, au, -au->cap);

	if (got == 0)
		au->cur = 0;
	return DRAW_BODY;
}

static unsigned
page_down(struct ui *ui, struct screen *s)
{
	struct audit *au = au_of(s);
	int got = shift(ui, au, au->cap);

	if (got == 0 || au->cur >= au->n)
		au->cur = au->n ? au->n - 1 : 0;
	return DRAW_BODY;
}

static unsigned
home(struct ui *ui, struct screen *s)
{
	return load(ui, au_of(s), false);
}

static unsigned
end(struct ui *ui, struct screen *s)
{
	return load(ui, au_of(s), true);
}

/* The trail is read a page at a time (shift()), so each move is its own;
 * the loop hands them here. */
static unsigned
moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	switch (a) {
	case A_UP:
		return up(ui, s);
	case A_DOWN:
		return down(ui, s);
	case A_PAGE_UP:
		return page_up(ui, s);
	case A_PAGE_DOWN:
		return page_down(ui, s);
	case A_HOME:
		return home(ui, s);
	case A_END:
		return end(ui, s);
	default:
		return UI_UNHANDLED;
	}
}

static unsigned
invert(struct ui *ui, struct screen *s)
{
	struct audit *au = au_of(s);

	au->oldest_first = !au->oldest_first;
	ui_msg(ui, "%s first.", au->oldest_first ? "Oldest" : "Newest");
	return load(ui, au, false);
}

/* --- filters ----------------------------------------------------------------- */

static unsigned
filtered(struct ui *ui, struct audit *au, char *into, size_t n, bool ok,
	 const char *text, const char *what)
{
	if (!ok) {
		ui_msg(ui, "The filter is unchanged.");
		return DRAW_NONE;
	}
	str_copy(into, text + strspn(text, " "), n);
	if (into[0])
		ui_msg(ui, "Only rows %s '%s' (x clears the filters).", what,
		       into);
	else
		ui_msg(ui, "Every row, whatever its %s.", strcmp(what, "by")
		       == 0 ? "user" : strcmp(what, "holding") == 0 ? "text"
		       : strcmp(what, "about case") == 0 ? "case"
		       : "action");
	return load(ui, au, false);
}

static unsigned
actor_given(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct audit *au = au_of(s);

	return filtered(ui, au, au->actor, sizeof au->actor, ok, text, "by");
}

static unsigned
action_given(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct audit *au = au_of(s);

	return filtered(ui, au, au->action, sizeof au->action, ok, text,
			"of action");
}

static unsigned
text_given(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct audit *au = au_of(s);

	return filtered(ui, au, au->text, sizeof au->text, ok, text,
			"holding");
}

static unsigned
case_given(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct audit *au = au_of(s);

	/* Reading a case's trail is a consultation of that case (as
	 * `mappa audit --case` logs it); a case that does not exist is
	 * said so, the filter unchanged. */
	if (ok && text[strspn(text, " ")] &&
	    db_audit_case_read(ui->db, text + strspn(text, " "),
			       "the audit screen") != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		return DRAW_NONE;
	}
	return filtered(ui, au, au->case_ref, sizeof au->case_ref, ok, text,
			"about case");
}

/* "Who looked at this person, and why": the case's writes and every
 * list or search that showed it. */
static unsigned
filter_case(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Rows about case (reference or pseudonym; "
			   "empty: all): ", case_given, NULL);
}

static unsigned
filter_actor(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Rows by user (empty: all): ", actor_given,
			   NULL);
}

static unsigned
filter_action(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Rows of action, e.g. offender.erase or "
			   "offender (empty: all): ", action_given, NULL);
}

static unsigned
filter_text(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "/ rows holding (empty: all): ", text_given,
			   NULL);
}

static unsigned
filter_clear(struct ui *ui, struct screen *s)
{
	struct audit *au = au_of(s);

	au->actor[0] = au->action[0] = au->text[0] = au->case_ref[0] = '\0';
	ui_msg(ui, "Filters cleared: every row.");
	return load(ui, au, false);
}

static bool
has_row(const struct screen *s)
{
	return au_of(s)->n > 0;
}

static const struct ui_handler handlers[] = {
	{ A_AUDIT_TEXT, NEED_ADMIN, filter_text, "find" },
	{ A_AUDIT_ACTOR, NEED_ADMIN, filter_actor, "user" },
	{ A_AUDIT_ACTION, NEED_ADMIN, filter_action, "action" },
	{ A_AUDIT_CASE, NEED_ADMIN, filter_case, "case" },
	{ A_FILTER_CLEAR, NEED_ADMIN, filter_clear, "all" },
	{ A_SORT_INVERT, NEED_ADMIN, invert, "order" },
	{ A_NONE, 0, NULL, NULL },
};

/* --- the screen's life ------------------------------------------------------- */

/* The list's height sets how many rows are held. */
static int
resize(struct ui *ui, struct audit *au)
{
	int h = list_rows(ui);
	struct arow *row, *got;

	if (h == au->cap)
		return 0;
	row = calloc((size_t)h, sizeof *row);
	got = calloc((size_t)h, sizeof *got);
	if (row == NULL || got == NULL) {
		free(row);
		free(got);
		return -1;
	}
	rows_free(au->row, au->n);
	free(au->row);
	free(au->got);
	au->row = row;
	au->got = got;
	au->n = 0;
	au->cap = h;
	return 1;
}

static unsigned
layout(struct ui *ui, struct screen *s)
{
	struct audit *au = au_of(s);
	int64_t at = au->n ? au->row[au->cur].id : 0;
	int r = resize(ui, au);

	if (r < 0) {
		ui_error(ui, "Out of memory.");
		return DRAW_BODY;
	}
	if (r == 0)
		return DRAW_BODY;
	/* Read again from the row that was selected. */
	return load_from(ui, au, at, false);
}

static unsigned
changed(struct ui *ui, struct screen *s)
{
	struct audit *au = au_of(s);
	struct db_audit_filter f = { au->actor, au->action, au->text,
				     au->case_ref };
	int64_t total;

	/* Showing the newest: show the new rows too. */
	if (!au->oldest_first && au->cur == 0 && au->n > 0)
		return load(ui, au, false);
	if (db_audit_count(ui->db, &f, &total) == DB_OK && total !=
	    au->total) {
		au->total = total;
		return DRAW_BODY | DRAW_TITLE;
	}
	return DRAW_NONE;
}

static void
destroy(struct screen *s)
{
	struct audit *au = au_of(s);

	rows_free(au->row, au->n);
	free(au->row);
	free(au->got);
	view_free(&au->detail);
	free(au);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Audit trail",
	.ctx = CTX_AUDIT,
	.moving = moving,
	.handlers = handlers,
	.has_row = has_row,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = changed,
	.destroy = destroy,
};

struct screen *
scr_audit_new(struct ui *ui)
{
	if (db_role(ui->db) != ROLE_ADMIN) {
		ui_error(ui, "Refused: the audit trail is for admins only.");
		return NULL;
	}
	/* Reading the trail is a consultation: one row per opening. */
	if (db_audit_log(ui->db, "audit.read", NULL, "the audit screen") !=
	    DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		return NULL;
	}
	return ui_screen_new(ui, &ops, sizeof(struct audit));
}
