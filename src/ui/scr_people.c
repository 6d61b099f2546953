/*
 * scr_people.c -- the people at a meeting (issue 16), opened from meeting
 * mode (P): each with name, agency and role (present, apologies, sent a
 * report, guest); Enter gives the selected person the next role, a adds
 * one typed (name, agency, role), - or Delete takes one off.  Below them,
 * the people who came to earlier meetings: Enter adds one as present, so
 * that a regular is not typed again.
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

/* Add NAME of AGENCY as ROLE; the message says how it went. */
static bool
put_person(struct ui *ui, struct room *r, const char *name,
	   const char *agency, const char *role)
{
	struct db_attendee a = { 0 };

	a.meeting_id = r->meeting_id;
	str_copy(a.name, name, sizeof a.name);
	str_copy(a.agency, agency, sizeof a.agency);
	if (db_attendee_add(ui->db, &a, role) != DB_OK) {
		ui_fmt(r->notice, sizeof r->notice, "NOT RECORDED: %s",
		       db_errmsg(ui->db));
		ui_error(ui, "Not recorded: %s", db_errmsg(ui->db));
		return false;
	}
	r->notice[0] = '\0';
	ui_msg(ui, "%s (%s): %s.", a.name, agenda_agency_label(a.agency),
	       agenda_role_name(a.role));
	return true;
}

static unsigned
person_role(struct ui *ui, struct screen *s)
{
	struct room *r = room_of(s);
	struct room_row *w = &r->v[r->cur];
	/* The next role in the table's order; a known person comes as the
	 * first. */
	const char *next = agenda_role_name(w->id != 0
					    ? (w->role + 1) % AGENDA_ROLES
					    : PERSON_PRESENT);

	put_person(ui, r, w->name, w->agency, next);
	return room_reload(ui, s) | DRAW_STATUS;
}

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
		return room_ask_step(ui, s, "Role (present, apologies, report, "
				"guest):", role_answered, text) | DRAW_BODY;
	return room_reload(ui, s) | DRAW_STATUS;
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
		return room_ask_step(ui, s, "Agency:", p_agency_answered, text) |
		       DRAW_BODY;
	}
	r->notice[0] = '\0';
	str_copy(r->s_agency, text, sizeof r->s_agency);
	return room_ask_step(ui, s, "Role (present, apologies, report, guest):",
			role_answered, agenda_roles[0]) | DRAW_BODY;
}

static unsigned
name_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);

	if (!ok || text[strspn(text, " ")] == '\0')
		return DRAW_NONE;
	str_copy(r->s_name, text, sizeof r->s_name);
	return room_ask_step(ui, s, "Agency:", p_agency_answered, NULL);
}

static unsigned
person_add(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Name:", name_answered, NULL);
}

static const struct ui_handler people_handlers[] = {
	{ A_PERSON_ROLE, NEED_ROW | NEED_WRITE, person_role, "role/add" },
	{ A_PERSON_ADD, NEED_WRITE, person_add, "new person" },
	{ A_ROW_REMOVE, NEED_ROW | NEED_WRITE, room_row_remove, "remove" },
	{ A_NONE, 0, NULL, NULL },
};

static const struct screen_ops ops =
	ROOM_SCREEN_OPS("The people at the meeting", CTX_PEOPLE,
			people_handlers);

struct screen *
scr_people_new(struct ui *ui, int64_t meeting_id)
{
	return room_open(ui, &ops, ROOM_PEOPLE, meeting_id, 0, 0);
}
