/*
 * scr_room.c -- three small screens meeting mode opens (issue 16): the
 * people at the meeting, the agenda at a glance, and the actions agreed
 * for the case on the page.
 *
 *   - The people: each with name, agency and role (present, apologies,
 *     sent a report, guest); Enter gives the selected person the next
 *     role, a adds one typed (name, agency, role), - or Delete takes one
 *     off.  Below them, the people who came to earlier meetings: Enter
 *     adds one as present, so that a regular is not typed again.
 *   - The agenda: every case with its state (discussed, minuted, its
 *     level decision); Enter, or a number typed after g, goes to that
 *     case in meeting mode.
 *   - The case's actions at this meeting: e changes the wording, the
 *     owner agency, the owner's name and the due date in steps, each
 *     prefilled; - or Delete removes one after asking.  Each change is
 *     one write, audited by the data layer.
 *
 * Lay advisers never reach them: meeting mode is not theirs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/util.h"
#include "ui/text.h"
#include "ui/ui.h"

#define LIST_TOP (UI_BODY_TOP + 1)
#define KNOWN_MAX 200

enum room_kind { ROOM_PEOPLE, ROOM_OVERVIEW, ROOM_ACTIONS };

/* A row, as shown, with what its handlers need. */
struct room_row {
	int64_t id;              /* attendee, action; 0: a known person */
	int64_t version;         /* action */
	int index;               /* overview: the case's index on the agenda */
	char name[DB_FIELD_MAX]; /* person; action: the owner */
	char agency[32];
	char role[16];
	char due[MDATE_BUFSZ];
	char *text;              /* action: its wording (malloc'd) */
	bool heading;            /* a line between sections: not selectable */
	bool earlier;            /* action: open, of an earlier meeting */
	char line[512];
};

struct room {
	enum room_kind kind;
	int64_t meeting_id, offender_id;
	struct room_row *v;
	int n, cap, cur, top;
	int npeople;             /* people: rows before the known ones */
	int nhere;               /* actions: rows of this meeting's */
	char notice[320];
	/* A person or an action asked for in steps: */
	char s_name[DB_FIELD_MAX], s_agency[32], s_owner[DB_FIELD_MAX];
	char s_text[1024];
};

static struct room *
room_of(const struct screen *s)
{
	return s->data;
}

static int
list_rows(const struct ui *ui)
{
	int h = ui_body_rows(ui) - (LIST_TOP - UI_BODY_TOP);

	return h > 0 ? h : 0;
}

static struct room_row *
add_row(struct room *r)
{
	if (r->n == r->cap) {
		int nc = r->cap ? r->cap * 2 : 32;
		struct room_row *v = realloc(r->v, (size_t)nc * sizeof *v);

		if (v == NULL)
			return NULL;
		r->v = v;
		r->cap = nc;
	}
	memset(&r->v[r->n], 0, sizeof r->v[0]);
	return &r->v[r->n++];
}

static void
clear_rows(struct room *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->v[i].text);
	r->n = 0;
}

static const char *
agency_name(const char *code)
{
	const struct agenda_agency *a = agenda_agency_find(code);

	return a ? a->name : code;
}

/* --- reading ------------------------------------------------------------- */

static int
collect_person(void *ctx, const struct db_attendee *a)
{
	struct room *r = ctx;
	struct room_row *w;

	if (a->id == 0) {
		/* A known person already at this meeting is not offered. */
		for (int i = 0; i < r->npeople; i++)
			if (strcmp(r->v[i].name, a->name) == 0 &&
			    strcmp(r->v[i].agency, a->agency) == 0)
				return 0;
	}
	if ((w = add_row(r)) == NULL)
		return 1;
	w->id = a->id;
	str_copy(w->name, a->name, sizeof w->name);
	str_copy(w->agency, a->agency, sizeof w->agency);
	str_copy(w->role, a->role, sizeof w->role);
	ui_fmt(w->line, sizeof w->line, "%-32s %-26s %s", a->name,
	       agency_name(a->agency), a->id ? a->role : "");
	return 0;
}

static int
collect_item(void *ctx, const struct db_agenda_item *it)
{
	struct room *r = ctx;
	struct room_row *w = add_row(r);
	char name[2 * DB_FIELD_MAX + 4];

	if (w == NULL)
		return 1;
	w->id = it->id;
	w->index = r->n - 1;
	ui_fmt(name, sizeof name, "%s, %s", it->surname, it->forenames);
	ui_fmt(w->line, sizeof w->line, "%3d  %-11s %-24.24s %-10s %-8s %s",
	       it->position, it->ref, name, it->discussed ? "discussed"
	       : "not yet", it->minuted ? "minuted" : "-",
	       it->level_decision[0] ? it->level_decision : "-");
	return 0;
}

static int
collect_action(void *ctx, const struct db_action *a)
{
	struct room *r = ctx;
	struct room_row *w = add_row(r);

	if (w == NULL)
		return 1;
	w->id = a->id;
	w->version = a->version;
	w->text = strdup(a->text ? a->text : "");
	str_copy(w->name, a->owner_person ? a->owner_person : "",
		 sizeof w->name);
	str_copy(w->agency, a->owner_agency, sizeof w->agency);
	str_copy(w->due, a->due, sizeof w->due);
	/* A dropped one's date is when it was dropped, said before its
	 * wording as "(of DATE)" is for an earlier meeting's. */
	ui_fmt(w->line, sizeof w->line, "%-14.14s %-16.16s %-10s %-10s %s%s",
	       agency_name(a->owner_agency), w->name, a->due,
	       a->done[0] ? a->done : "open", a->dropped ? "(dropped) " : "",
	       w->text ? w->text : "");
	return 0;
}

/* An open action of the case agreed elsewhere than at this meeting: to
 * review (done, carried forward, dropped). */
static int
collect_earlier(void *ctx, const struct db_action *a)
{
	struct room *r = ctx;
	struct room_row *w;

	if (a->meeting_id == r->meeting_id)
		return 0;
	if (collect_action(ctx, a) != 0)
		return 1;
	/* Where it was agreed, before its wording. */
	w = &r->v[r->n - 1];
	w->earlier = true;
	ui_fmt(w->line, sizeof w->line, "%-14.14s %-16.16s %-10s %-10s "
	       "(of %s) %s", agency_name(a->owner_agency), w->name, a->due,
	       "open", a->meeting_id ? a->meeting_date : "no meeting",
	       w->text ? w->text : "");
	return 0;
}

static bool
load(struct ui *ui, struct room *r)
{
	enum db_status st = DB_OK;

	clear_rows(r);
	r->npeople = 0;
	switch (r->kind) {
	case ROOM_PEOPLE: {
		struct room_row *h;

		st = db_attendee_list(ui->db, r->meeting_id, collect_person,
				      r);
		r->npeople = r->n;
		if (st == DB_OK && (h = add_row(r)) != NULL) {
			h->heading = true;
			str_copy(h->line, "From earlier meetings (Enter: add "
				 "as present)", sizeof h->line);
			st = db_attendee_known(ui->db, KNOWN_MAX,
					       collect_person, r);
		}
		break;
	}
	case ROOM_OVERVIEW:
		st = db_agenda_list(ui->db, r->meeting_id, collect_item, r);
		break;
	case ROOM_ACTIONS: {
		struct db_action_query q = { 0 };

		struct room_row *h;

		q.today = ui->today;
		q.meeting_id = r->meeting_id;
		q.offender_id = r->offender_id;
		st = db_action_list(ui->db, &q, collect_action, r);
		r->nhere = r->n;
		if (st == DB_OK && (h = add_row(r)) != NULL) {
			h->heading = true;
			str_copy(h->line, "Open from earlier meetings: D done, "
				 "F carried forward, X dropped", sizeof h->line);
			q.meeting_id = 0;
			q.open_only = true;
			st = db_action_list(ui->db, &q, collect_earlier, r);
			if (r->n == r->nhere + 1)
				r->n--; /* none: no heading */
		}
		break;
	}
	}
	if (st != DB_OK) {
		ui_error(ui, "Cannot be read: %s", db_errmsg(ui->db));
		return false;
	}
	if (r->cur >= r->n)
		r->cur = r->n > 0 ? r->n - 1 : 0;
	if (r->cur < r->n && r->v[r->cur].heading && r->cur > 0)
		r->cur--;
	if (r->cur < r->n && r->v[r->cur].heading && r->cur + 1 < r->n)
		r->cur++;
	if (r->top > r->cur)
		r->top = r->cur;
	return true;
}

static bool
has_row(const struct screen *s)
{
	const struct room *r = room_of(s);

	return r->cur < r->n && !r->v[r->cur].heading;
}

static unsigned
reload(struct ui *ui, struct screen *s)
{
	load(ui, room_of(s));
	return DRAW_BODY | DRAW_TITLE;
}

/* --- moving ------------------------------------------------------------------ */

static unsigned
go_row(struct ui *ui, struct room *r, int to, int by)
{
	/* Step over a heading in the direction of travel. */
	if (to >= 0 && to < r->n && r->v[to].heading) {
		if (to + by >= 0 && to + by < r->n)
			to += by;
		else
			to = r->cur;
	}
	return ui_list_go(r->n, &r->cur, &r->top, list_rows(ui), to);
}

static unsigned
up(struct ui *ui, struct screen *s)
{
	return go_row(ui, room_of(s), room_of(s)->cur - 1, -1);
}

static unsigned
down(struct ui *ui, struct screen *s)
{
	return go_row(ui, room_of(s), room_of(s)->cur + 1, 1);
}

static unsigned
home(struct ui *ui, struct screen *s)
{
	return go_row(ui, room_of(s), 0, 1);
}

static unsigned
end(struct ui *ui, struct screen *s)
{
	return go_row(ui, room_of(s), room_of(s)->n - 1, -1);
}

/* --- the people ---------------------------------------------------------------- */

/* Add NAME of AGENCY as ROLE; the message says how it went. */
static bool
put_person(struct ui *ui, struct room *r, const char *name,
	   const char *agency, const char *role)
{
	struct db_attendee a = { 0 };

	a.meeting_id = r->meeting_id;
	str_copy(a.name, name, sizeof a.name);
	str_copy(a.agency, agency, sizeof a.agency);
	str_copy(a.role, role, sizeof a.role);
	if (db_attendee_add(ui->db, &a) != DB_OK) {
		ui_fmt(r->notice, sizeof r->notice, "NOT RECORDED: %s",
		       db_errmsg(ui->db));
		ui_error(ui, "Not recorded: %s", db_errmsg(ui->db));
		return false;
	}
	r->notice[0] = '\0';
	ui_msg(ui, "%s (%s): %s.", a.name, agency_name(a.agency), a.role);
	return true;
}

static unsigned
person_role(struct ui *ui, struct screen *s)
{
	struct room *r = room_of(s);
	struct room_row *w = &r->v[r->cur];
	const char *next = agenda_roles[0];
	int i;

	if (w->id != 0) {
		i = agenda_role_find(w->role);
		next = agenda_roles[(size_t)(i + 1) % agenda_role_count];
	}
	put_person(ui, r, w->name, w->agency, next);
	return reload(ui, s) | DRAW_STATUS;
}

static unsigned ask_step(struct ui *ui, struct screen *s, const char *label,
			 ui_answer_fn answer, const char *text);

static unsigned
role_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);

	if (!ok) {
		r->notice[0] = '\0';
		return DRAW_BODY;
	}
	if (!put_person(ui, r, r->s_name, r->s_agency,
			text[0] ? text : agenda_roles[0]))
		return ask_step(ui, s, "Role (present, apologies, report, "
				"guest):", role_answered, text) | DRAW_BODY;
	return reload(ui, s) | DRAW_STATUS;
}

static unsigned
p_agency_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);

	if (!ok) {
		r->notice[0] = '\0';
		return DRAW_BODY;
	}
	if (agenda_agency_find(text) == NULL) {
		ui_fmt(r->notice, sizeof r->notice, "No agency \"%s\" (police, "
		       "probation, prison, health, housing, ...): put it right "
		       "on the line below, or Esc.", text);
		return ask_step(ui, s, "Agency:", p_agency_answered, text) |
		       DRAW_BODY;
	}
	r->notice[0] = '\0';
	str_copy(r->s_agency, text, sizeof r->s_agency);
	return ask_step(ui, s, "Role (present, apologies, report, guest):",
			role_answered, agenda_roles[0]) | DRAW_BODY;
}

static unsigned
name_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);

	if (!ok || text[strspn(text, " ")] == '\0')
		return DRAW_NONE;
	str_copy(r->s_name, text, sizeof r->s_name);
	return ask_step(ui, s, "Agency:", p_agency_answered, NULL);
}

static unsigned
person_add(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Name:", name_answered, NULL);
}

static unsigned
remove_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);
	struct room_row *w;
	enum db_status st;

	(void)text;
	if (!ok || r->cur >= r->n)
		return DRAW_STATUS;
	w = &r->v[r->cur];
	st = r->kind == ROOM_PEOPLE ? db_attendee_remove(ui->db, w->id)
				    : db_action_remove(ui->db, w->id,
						       w->version);
	if (st != DB_OK)
		ui_error(ui, "Not removed: %s", db_errmsg(ui->db));
	else
		ui_msg(ui, "Removed.");
	return reload(ui, s) | DRAW_STATUS;
}

static unsigned
row_remove(struct ui *ui, struct screen *s)
{
	struct room *r = room_of(s);
	struct room_row *w = &r->v[r->cur];
	char q[200];

	if (w->id == 0) {
		ui_error(ui, "Only someone at this meeting can be taken off.");
		return DRAW_STATUS;
	}
	if (r->kind == ROOM_PEOPLE)
		ui_fmt(q, sizeof q, "Take %s (%s) off the attendees?", w->name,
		       agency_name(w->agency));
	else
		ui_fmt(q, sizeof q, "Remove action %lld (%s, due %s)?",
		       (long long)w->id, agency_name(w->agency), w->due);
	return ui_ask_yes(ui, s, q, remove_answered);
}

/* --- the agenda ---------------------------------------------------------------- */

static unsigned
go_case(struct ui *ui, struct screen *s)
{
	return ui_pop(ui, UI_RESULT_GOTO_CASE + room_of(s)->cur);
}

static unsigned
number_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);
	char *end;
	long n;

	if (!ok)
		return DRAW_NONE;
	n = strtol(text, &end, 10);
	if (*text == '\0' || *end || n < 1 || n > r->n) {
		ui_error(ui, "No case %s: 1 to %d.", text, r->n);
		return DRAW_STATUS;
	}
	return ui_pop(ui, UI_RESULT_GOTO_CASE + (int)n - 1);
}

static unsigned
go_number(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Go to case number:", number_answered,
			   NULL);
}

/* --- the case's actions -------------------------------------------------------- */

static unsigned
e_due_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);
	struct room_row *w;
	int64_t version;

	if (!ok || r->cur >= r->n) {
		r->notice[0] = '\0';
		return DRAW_BODY;
	}
	w = &r->v[r->cur];
	version = w->version;
	if (db_action_edit(ui->db, w->id, &version, r->s_text, r->s_agency,
			   r->s_owner, text) != DB_OK) {
		ui_fmt(r->notice, sizeof r->notice, "NOT SAVED: %s  Put it "
		       "right on the line below, or Esc.", db_errmsg(ui->db));
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		return ask_step(ui, s, "Due (YYYY-MM-DD):", e_due_answered,
				text) | DRAW_BODY;
	}
	r->notice[0] = '\0';
	ui_msg(ui, "Action %lld saved.", (long long)w->id);
	return reload(ui, s) | DRAW_STATUS;
}

static unsigned
e_owner_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);

	if (!ok || r->cur >= r->n)
		return DRAW_BODY;
	str_copy(r->s_owner, text, sizeof r->s_owner);
	return ask_step(ui, s, "Due (YYYY-MM-DD):", e_due_answered,
			r->v[r->cur].due);
}

static unsigned
e_agency_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);

	if (!ok || r->cur >= r->n) {
		r->notice[0] = '\0';
		return DRAW_BODY;
	}
	if (agenda_agency_find(text) == NULL) {
		ui_fmt(r->notice, sizeof r->notice, "No agency \"%s\" (police, "
		       "probation, prison, health, housing, ...): put it right "
		       "on the line below, or Esc.", text);
		return ask_step(ui, s, "Owner agency:", e_agency_answered,
				text) | DRAW_BODY;
	}
	r->notice[0] = '\0';
	str_copy(r->s_agency, text, sizeof r->s_agency);
	return ask_step(ui, s, "Owner (name; empty: the agency):",
			e_owner_answered, r->v[r->cur].name) | DRAW_BODY;
}

static unsigned
e_text_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);

	if (!ok || r->cur >= r->n || text[strspn(text, " ")] == '\0')
		return DRAW_NONE;
	str_copy(r->s_text, text, sizeof r->s_text);
	return ask_step(ui, s, "Owner agency:", e_agency_answered,
			r->v[r->cur].agency);
}

static unsigned
action_edit(struct ui *ui, struct screen *s)
{
	struct room *r = room_of(s);

	return ask_step(ui, s, "Action:", e_text_answered,
			r->v[r->cur].text ? r->v[r->cur].text : "");
}

/* Ask for LABEL on the message line, the line holding TEXT. */
static unsigned
ask_step(struct ui *ui, struct screen *s, const char *label,
	 ui_answer_fn answer, const char *text)
{
	unsigned d = ui_ask_text(ui, s, label, sizeof room_of(s)->s_text - 1,
				 answer, NULL);

	if (text)
		field_set(&ui->ask.f, text);
	return d;
}

/* --- the open actions of earlier meetings, reviewed (issue 16) --------------
 *
 * Each is recorded by the data layer and audited: done (today), carried
 * forward (a new, later due date: db_action_carry()) or dropped (today:
 * db_action_drop(); the action is kept, closed and marked dropped). */

/* The selected row, when an earlier meeting's open action; or NULL with
 * a message. */
static struct room_row *
earlier_row(struct ui *ui, struct room *r)
{
	if (r->cur < r->n && r->v[r->cur].earlier)
		return &r->v[r->cur];
	ui_error(ui, "Choose an open action of an earlier meeting (below "
		 "this meeting's).");
	return NULL;
}

static unsigned
review_done(struct ui *ui, struct screen *s)
{
	struct room_row *w = earlier_row(ui, room_of(s));

	if (w == NULL)
		return DRAW_STATUS;
	if (db_action_done(ui->db, w->id, ui->today, NULL) != DB_OK)
		ui_error(ui, "Not recorded: %s", db_errmsg(ui->db));
	else
		ui_msg(ui, "Action %lld recorded as done.", (long long)w->id);
	return reload(ui, s) | DRAW_STATUS;
}

static unsigned
carry_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);
	struct room_row *w;
	int64_t version;
	mdate due;

	if (!ok || r->cur >= r->n || !r->v[r->cur].earlier) {
		r->notice[0] = '\0';
		return DRAW_BODY;
	}
	w = &r->v[r->cur];
	version = w->version;
	if (date_parse(text, &due) != 0 ||
	    db_action_carry(ui->db, w->id, &version, due) != DB_OK) {
		ui_fmt(r->notice, sizeof r->notice, "NOT SAVED: %s  Put it "
		       "right on the line below, or Esc.",
		       date_parse(text, &due) != 0
		       ? "the new due date is a date, YYYY-MM-DD."
		       : db_errmsg(ui->db));
		ui_error(ui, "Not saved.");
		return ask_step(ui, s, "Carried forward to (YYYY-MM-DD):",
				carry_answered, text) | DRAW_BODY;
	}
	r->notice[0] = '\0';
	ui_msg(ui, "Action %lld carried forward to %s.", (long long)w->id,
	       text);
	return reload(ui, s) | DRAW_STATUS;
}

static unsigned
review_carry(struct ui *ui, struct screen *s)
{
	struct room_row *w = earlier_row(ui, room_of(s));

	if (w == NULL)
		return DRAW_STATUS;
	return ask_step(ui, s, "Carried forward to (YYYY-MM-DD):",
			carry_answered, w->due);
}

static unsigned
drop_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);
	struct room_row *w;
	int64_t version;

	(void)text;
	if (!ok || r->cur >= r->n || !r->v[r->cur].earlier)
		return DRAW_STATUS;
	w = &r->v[r->cur];
	version = w->version;
	if (db_action_drop(ui->db, w->id, ui->today, &version) != DB_OK)
		ui_error(ui, "Not dropped: %s", db_errmsg(ui->db));
	else
		ui_msg(ui, "Action %lld dropped.", (long long)w->id);
	return reload(ui, s) | DRAW_STATUS;
}

static unsigned
review_drop(struct ui *ui, struct screen *s)
{
	struct room_row *w = earlier_row(ui, room_of(s));
	char q[200];

	if (w == NULL)
		return DRAW_STATUS;
	return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "Drop action %lld (%s, "
			  "due %s)? Kept, recorded as dropped.",
			  (long long)w->id, agency_name(w->agency), w->due),
			  drop_answered);
}

static const struct ui_handler people_handlers[] = {
	{ A_PERSON_ROLE, NEED_ROW | NEED_WRITE, person_role, "role/add" },
	{ A_PERSON_ADD, NEED_WRITE, person_add, "new person" },
	{ A_ROW_REMOVE, NEED_ROW | NEED_WRITE, row_remove, "remove" },
	{ A_UP, 0, up, NULL },
	{ A_DOWN, 0, down, NULL },
	{ A_HOME, 0, home, NULL },
	{ A_END, 0, end, NULL },
	{ A_NONE, 0, NULL, NULL },
};

static const struct ui_handler overview_handlers[] = {
	{ A_CASE_GOTO, NEED_ROW, go_case, "go to case" },
	{ A_CASE_NUMBER, 0, go_number, "case number" },
	{ A_UP, 0, up, NULL },
	{ A_DOWN, 0, down, NULL },
	{ A_HOME, 0, home, NULL },
	{ A_END, 0, end, NULL },
	{ A_NONE, 0, NULL, NULL },
};

static const struct ui_handler actions_handlers[] = {
	{ A_ACTION_EDIT, NEED_ROW | NEED_WRITE, action_edit, "edit" },
	{ A_ROW_REMOVE, NEED_ROW | NEED_WRITE, row_remove, "remove" },
	{ A_ACTION_DONE, NEED_ROW | NEED_WRITE, review_done, "done" },
	{ A_ACTION_CARRY, NEED_ROW | NEED_WRITE, review_carry, "carry" },
	{ A_ACTION_DROP, NEED_ROW | NEED_WRITE, review_drop, "drop" },
	{ A_UP, 0, up, NULL },
	{ A_DOWN, 0, down, NULL },
	{ A_HOME, 0, home, NULL },
	{ A_END, 0, end, NULL },
	{ A_NONE, 0, NULL, NULL },
};

/* --- drawing ------------------------------------------------------------------- */

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct room *r = room_of(s);

	(void)ui;
	switch (r->kind) {
	case ROOM_PEOPLE:
		ui_fmt(buf, n, "Meeting %lld: %d attendee%s",
		       (long long)r->meeting_id, r->npeople,
		       r->npeople == 1 ? "" : "s");
		break;
	case ROOM_OVERVIEW:
		ui_fmt(buf, n, "Meeting %lld: %d case%s",
		       (long long)r->meeting_id, r->n, r->n == 1 ? "" : "s");
		break;
	case ROOM_ACTIONS:
		ui_fmt(buf, n, "Meeting %lld: %d action%s, %d earlier",
		       (long long)r->meeting_id, r->nhere, r->nhere == 1
		       ? "" : "s", r->n > r->nhere ? r->n - r->nhere - 1 : 0);
		break;
	}
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	static const char *const header[] = {
		[ROOM_PEOPLE] = "  Name                             Agency   "
				"                  Role",
		[ROOM_OVERVIEW] = "    #  Case        Name                     "
				  "State      Minutes  Level decision",
		[ROOM_ACTIONS] = "  Owner agency   Owner            Due        "
				 "Done       Action",
	};
	struct room *r = room_of(s);
	int h = list_rows(ui);
	char line[600];

	if (!(what & (DRAW_BODY | DRAW_CURSOR | DRAW_ALL)))
		return;
	if (r->notice[0])
		ui_put(UI_BODY_TOP, 0, ui->cols, r->notice,
		       ui_attr(R_ERROR) | A_BOLD, PUT_PAD | PUT_ELLIPSIS);
	else
		ui_put(UI_BODY_TOP, 0, ui->cols, header[r->kind],
		       ui_attr(R_HEADER), PUT_PAD | PUT_ELLIPSIS);
	for (int i = 0; i < h; i++) {
		int k = r->top + i, y = LIST_TOP + i;
		attr_t a;

		if (k >= r->n) {
			ui_blank(y, 0, ui->cols, A_NORMAL);
			if (i == 0)
				ui_put(y, 2, ui->cols - 2, r->kind ==
				       ROOM_ACTIONS ? "No actions agreed for "
				       "this case here yet (a in meeting "
				       "mode)." : "None.", ui_attr(R_DIM),
				       PUT_PAD);
			continue;
		}
		if (r->v[k].heading) {
			ui_put(y, 0, ui->cols, r->v[k].line,
			       ui_attr(R_SECTION) | A_BOLD, PUT_PAD |
			       PUT_ELLIPSIS);
			continue;
		}
		a = ui_attr(k == r->cur ? R_SELECTED : R_NORMAL);
		ui_put(y, 0, ui->cols, ui_fmt(line, sizeof line, "%s %s",
		       k == r->cur ? ">" : " ", r->v[k].line), a,
		       PUT_PAD | PUT_ELLIPSIS);
	}
}

static unsigned
layout(struct ui *ui, struct screen *s)
{
	struct room *r = room_of(s);

	return ui_list_go(r->n, &r->cur, &r->top, list_rows(ui), r->cur) |
	       DRAW_BODY;
}

static void
destroy(struct screen *s)
{
	struct room *r = room_of(s);

	clear_rows(r);
	free(r->v);
	free(r);
	free(s);
}

static const struct screen_ops ops[] = {
	[ROOM_PEOPLE] = {
		.name = "The people at the meeting",
		.ctx = CTX_PEOPLE,
		.handlers = people_handlers,
		.has_row = has_row,
		.title = title,
		.layout = layout,
		.draw = draw,
		.changed = reload,
		.destroy = destroy,
	},
	[ROOM_OVERVIEW] = {
		.name = "The agenda at a glance",
		.ctx = CTX_OVERVIEW,
		.handlers = overview_handlers,
		.has_row = has_row,
		.title = title,
		.layout = layout,
		.draw = draw,
		.changed = reload,
		.destroy = destroy,
	},
	[ROOM_ACTIONS] = {
		.name = "The case's actions",
		.ctx = CTX_CASE_ACTIONS,
		.handlers = actions_handlers,
		.has_row = has_row,
		.title = title,
		.layout = layout,
		.draw = draw,
		.changed = reload,
		.destroy = destroy,
	},
};

static struct screen *
open_room(struct ui *ui, enum room_kind kind, int64_t meeting_id,
	  int64_t offender_id, int cur)
{
	struct screen *s = calloc(1, sizeof *s);
	struct room *r = calloc(1, sizeof *r);

	if (s == NULL || r == NULL) {
		free(s);
		free(r);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	s->ops = &ops[kind];
	s->data = r;
	r->kind = kind;
	r->meeting_id = meeting_id;
	r->offender_id = offender_id;
	r->cur = cur > 0 ? cur : 0;
	if (!load(ui, r)) {
		destroy(s);
		return NULL;
	}
	return s;
}

struct screen *
scr_people_new(struct ui *ui, int64_t meeting_id)
{
	return open_room(ui, ROOM_PEOPLE, meeting_id, 0, 0);
}

struct screen *
scr_overview_new(struct ui *ui, int64_t meeting_id, int cur)
{
	return open_room(ui, ROOM_OVERVIEW, meeting_id, 0, cur);
}

struct screen *
scr_case_actions_new(struct ui *ui, int64_t meeting_id, int64_t offender_id)
{
	return open_room(ui, ROOM_ACTIONS, meeting_id, offender_id, 0);
}
