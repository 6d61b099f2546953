/*
 * scr_case_actions.c -- a case's actions (issue 16), opened from meeting
 * mode (A): those agreed at this meeting (e changes the wording, the
 * owner agency, the owner's name and the due date in steps, each
 * prefilled; - or Delete removes one after asking), and below them the
 * open actions of earlier meetings, reviewed: done, carried forward or
 * dropped.  Each change is one write, audited by the data layer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/util.h"
#include "ui/room.h"
#include "ui/text.h"
#include "ui/ui.h"

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
		return room_ask_step(ui, s, "Due (YYYY-MM-DD):", e_due_answered,
				text) | DRAW_BODY;
	}
	r->notice[0] = '\0';
	ui_msg(ui, "Action %lld saved.", (long long)w->id);
	return room_reload(ui, s) | DRAW_STATUS;
}

static unsigned
e_owner_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);

	if (!ok || r->cur >= r->n)
		return DRAW_BODY;
	str_copy(r->s_owner, text, sizeof r->s_owner);
	return room_ask_step(ui, s, "Due (YYYY-MM-DD):", e_due_answered,
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
		return room_ask_step(ui, s, "Owner agency:", e_agency_answered,
				text) | DRAW_BODY;
	}
	r->notice[0] = '\0';
	str_copy(r->s_agency, text, sizeof r->s_agency);
	return room_ask_step(ui, s, "Owner (name; empty: the agency):",
			e_owner_answered, r->v[r->cur].name) | DRAW_BODY;
}

static unsigned
e_text_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);

	if (!ok || r->cur >= r->n || text[strspn(text, " ")] == '\0')
		return DRAW_NONE;
	str_copy(r->s_text, text, sizeof r->s_text);
	return room_ask_step(ui, s, "Owner agency:", e_agency_answered,
			r->v[r->cur].agency);
}

static unsigned
action_edit(struct ui *ui, struct screen *s)
{
	struct room *r = room_of(s);

	return room_ask_step(ui, s, "Action:", e_text_answered,
			r->v[r->cur].text ? r->v[r->cur].text : "");
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
	return room_reload(ui, s) | DRAW_STATUS;
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
		return room_ask_step(ui, s, "Carried forward to (YYYY-MM-DD):",
				carry_answered, text) | DRAW_BODY;
	}
	r->notice[0] = '\0';
	ui_msg(ui, "Action %lld carried forward to %s.", (long long)w->id,
	       text);
	return room_reload(ui, s) | DRAW_STATUS;
}

static unsigned
review_carry(struct ui *ui, struct screen *s)
{
	struct room_row *w = earlier_row(ui, room_of(s));

	if (w == NULL)
		return DRAW_STATUS;
	return room_ask_step(ui, s, "Carried forward to (YYYY-MM-DD):",
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
	return room_reload(ui, s) | DRAW_STATUS;
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
			  (long long)w->id, agenda_agency_label(w->agency), w->due),
			  drop_answered);
}

static const struct ui_handler actions_handlers[] = {
	{ A_ACTION_EDIT, NEED_ROW | NEED_WRITE, action_edit, "edit" },
	{ A_ROW_REMOVE, NEED_ROW | NEED_WRITE, room_row_remove, "remove" },
	{ A_ACTION_DONE, NEED_ROW | NEED_WRITE, review_done, "done" },
	{ A_ACTION_CARRY, NEED_ROW | NEED_WRITE, review_carry, "carry" },
	{ A_ACTION_DROP, NEED_ROW | NEED_WRITE, review_drop, "drop" },
	{ A_NONE, 0, NULL, NULL },
};

static const struct screen_ops ops =
	ROOM_SCREEN_OPS("The case's actions", CTX_CASE_ACTIONS,
			actions_handlers);

struct screen *
scr_case_actions_new(struct ui *ui, int64_t meeting_id, int64_t offender_id)
{
	return room_open(ui, &ops, ROOM_ACTIONS, meeting_id, offender_id, 0);
}
