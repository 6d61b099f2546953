/*
 * room.c -- what the three small screens meeting mode opens share (issue
 * 16): their rows read by kind, moving over the headings between
 * sections, asking in steps on the message line, removing a row, and
 * drawing.  The screens themselves are scr_people.c, scr_overview.c and
 * scr_case_actions.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/util.h"
#include "ui/list.h"
#include "ui/room.h"
#include "ui/text.h"
#include "ui/ui.h"

#define LIST_TOP (UI_BODY_TOP + 1)

struct room *
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

/* A new empty row at the end; NULL out of memory. */
static struct room_row *
add_row(struct room *r)
{
	static const struct room_row zero;

	if (array_push(&r->v, &r->n, &r->cap, &zero, sizeof zero) != 0)
		return NULL;
	return &r->v[r->n - 1];
}

static void
clear_rows(struct room *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->v[i].text);
	r->n = 0;
}

/* --- reading ------------------------------------------------------------- */

/* The row of person A; false out of memory. */
static bool
put_person(struct room *r, const struct db_attendee *a)
{
	struct room_row *w;

	if (a->id == 0) {
		/* A known person already at this meeting is not offered. */
		for (int i = 0; i < r->npeople; i++)
			if (strcmp(r->v[i].name, a->name) == 0 &&
			    strcmp(r->v[i].agency, a->agency) == 0)
				return true;
	}
	if ((w = add_row(r)) == NULL)
		return false;
	w->id = a->id;
	str_copy(w->name, a->name, sizeof w->name);
	str_copy(w->agency, a->agency, sizeof w->agency);
	w->role = a->role;
	ui_fmt(w->line, sizeof w->line, "%-32s %-26s %s", a->name,
	       agenda_agency_label(a->agency),
	       a->id ? agenda_role_name(a->role) : "");
	return true;
}

/* The rows of the people of LIST, till out of memory. */
static void
put_people(struct room *r, const struct db_attendees *list)
{
	for (int i = 0; i < list->n; i++)
		if (!put_person(r, &list->v[i]))
			break;
}

/* The row of agenda item IT; false out of memory. */
static bool
put_item(struct room *r, const struct db_agenda_item *it)
{
	struct room_row *w = add_row(r);
	char name[2 * DB_FIELD_MAX + 4];

	if (w == NULL)
		return false;
	w->id = it->id;
	w->index = r->n - 1;
	ui_fmt(name, sizeof name, "%s, %s", it->surname, it->forenames);
	ui_fmt(w->line, sizeof w->line, "%3d  %-11s %-24.24s %-10s %-8s %s",
	       it->position, it->ref, name, it->discussed ? "discussed"
	       : "not yet", it->minuted ? "minuted" : "-",
	       it->level_decision != DECISION_NONE
	       ? level_decision_name(it->level_decision) : "-");
	return true;
}

static int
add_action(struct room *r, const struct db_action *a)
{
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
	       agenda_agency_label(a->owner_agency), w->name, a->due,
	       a->done[0] ? a->done : action_state_name(ACTION_OPEN),
	       a->state == ACTION_DROPPED ? "(dropped) " : "",
	       w->text ? w->text : "");
	return 0;
}

/* An open action of the case agreed elsewhere than at this meeting: to
 * review (done, carried forward, dropped). */
static int
add_earlier(struct room *r, const struct db_action *a)
{
	struct room_row *w;

	if (a->meeting_id == r->meeting_id)
		return 0;
	if (add_action(r, a) != 0)
		return 1;
	/* Where it was agreed, before its wording. */
	w = &r->v[r->n - 1];
	w->earlier = true;
	ui_fmt(w->line, sizeof w->line, "%-14.14s %-16.16s %-10s %-10s "
	       "(of %s) %s", agenda_agency_label(a->owner_agency), w->name, a->due,
	       action_state_name(ACTION_OPEN),
	       a->meeting_id ? a->meeting_date : "no meeting",
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
		struct db_attendees people = { 0 };
		struct room_row *h;

		st = db_attendee_list(ui->db, r->meeting_id, &people);
		put_people(r, &people);
		r->npeople = r->n;
		if (st == DB_OK && (h = add_row(r)) != NULL) {
			h->heading = true;
			str_copy(h->line, "From earlier meetings (Enter: add "
				 "as present)", sizeof h->line);
			st = db_attendee_known(ui->db, ROOM_KNOWN_MAX,
					       &people);
			put_people(r, &people);
		}
		db_list_free(&people);
		break;
	}
	case ROOM_OVERVIEW: {
		struct db_agenda items = { 0 };

		st = db_agenda_list(ui->db, r->meeting_id, &items);
		for (int i = 0; i < items.n; i++)
			if (!put_item(r, &items.v[i]))
				break;
		db_list_free(&items);
		break;
	}
	case ROOM_ACTIONS: {
		struct db_action_query q = { 0 };
		struct db_actions list = { 0 };
		struct room_row *h;

		q.today = ui->today;
		q.meeting_id = r->meeting_id;
		q.offender_id = r->offender_id;
		st = db_action_list(ui->db, &q, &list);
		for (int i = 0; st == DB_OK && i < list.n; i++)
			if (add_action(r, &list.v[i]) != 0)
				break;
		r->nhere = r->n;
		if (st == DB_OK && (h = add_row(r)) != NULL) {
			h->heading = true;
			str_copy(h->line, "Open from earlier meetings: D done, "
				 "F carried forward, X dropped", sizeof h->line);
			q.meeting_id = 0;
			q.open_only = true;
			st = db_action_list(ui->db, &q, &list);
			for (int i = 0; st == DB_OK && i < list.n; i++)
				if (add_earlier(r, &list.v[i]) != 0)
					break;
			if (r->n == r->nhere + 1)
				r->n--; /* none: no heading */
		}
		db_actions_free(&list);
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

bool
room_has_row(const struct screen *s)
{
	const struct room *r = room_of(s);

	return r->cur < r->n && !r->v[r->cur].heading;
}

unsigned
room_reload(struct ui *ui, struct screen *s)
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

unsigned
room_moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct room *r = room_of(s);

	switch (a) {
	case A_UP:
		return go_row(ui, r, r->cur - 1, -1);
	case A_DOWN:
		return go_row(ui, r, r->cur + 1, 1);
	case A_HOME:
		return go_row(ui, r, 0, 1);
	case A_END:
		return go_row(ui, r, r->n - 1, -1);
	default:
		return UI_UNHANDLED;
	}
}

/* --- shared by the screens ---------------------------------------------- */

/* Ask for LABEL on the message line, the line holding TEXT. */
unsigned
room_ask_step(struct ui *ui, struct screen *s, const char *label,
	 ui_answer_fn answer, const char *text)
{
	unsigned d = ui_ask_text(ui, s, label, sizeof room_of(s)->s_text - 1,
				 answer, NULL);

	if (text)
		field_set(&ui->ask.f, text);
	return d;
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
	return room_reload(ui, s) | DRAW_STATUS;
}

unsigned
room_row_remove(struct ui *ui, struct screen *s)
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
		       agenda_agency_label(w->agency));
	else
		ui_fmt(q, sizeof q, "Remove action %lld (%s, due %s)?",
		       (long long)w->id, agenda_agency_label(w->agency), w->due);
	return ui_ask_yes(ui, s, q, remove_answered);
}

/* --- drawing ------------------------------------------------------------------- */

void
room_title(struct ui *ui, struct screen *s, char *buf, size_t n)
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
row(int k, void *ctx, struct list_row *out)
{
	const struct room *r = ctx;

	str_copy(out->text, r->v[k].line, sizeof out->text);
	if (r->v[k].heading) {
		out->heading = true;
		out->attr = ui_attr(R_SECTION) | A_BOLD;
	}
}

void
room_draw(struct ui *ui, struct screen *s, unsigned what)
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
	struct list l = { r->n, r->cur, r->top, LIST_TOP };

	if (!(what & (DRAW_BODY | DRAW_CURSOR | DRAW_ALL)))
		return;
	if (r->notice[0])
		ui_put(UI_BODY_TOP, 0, ui->cols, r->notice,
		       ui_attr(R_ERROR) | A_BOLD, PUT_PAD | PUT_ELLIPSIS);
	else
		ui_put(UI_BODY_TOP, 0, ui->cols, header[r->kind],
		       ui_attr(R_HEADER), PUT_PAD | PUT_ELLIPSIS);
	list_draw(ui, &l, r->kind == ROOM_ACTIONS
		  ? "No actions agreed for this case here yet (a in meeting "
		  "mode)." : "None.", row, r);
}

unsigned
room_layout(struct ui *ui, struct screen *s)
{
	struct room *r = room_of(s);

	return ui_list_go(r->n, &r->cur, &r->top, list_rows(ui), r->cur) |
	       DRAW_BODY;
}

void
room_destroy(struct screen *s)
{
	struct room *r = room_of(s);

	clear_rows(r);
	free(r->v);
	free(r);
	free(s);
}

struct screen *
room_open(struct ui *ui, const struct screen_ops *ops, enum room_kind kind,
	  int64_t meeting_id, int64_t offender_id, int cur)
{
	struct room *r;
	struct screen *s = ui_screen_new(ui, ops, sizeof *r);

	if (s == NULL)
		return NULL;
	r = s->data;
	r->kind = kind;
	r->meeting_id = meeting_id;
	r->offender_id = offender_id;
	r->cur = cur > 0 ? cur : 0;
	if (!load(ui, r)) {
		room_destroy(s);
		return NULL;
	}
	return s;
}
