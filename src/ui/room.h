/*
 * room.h -- what the three small screens meeting mode opens share (issue
 * 16, room.c): the people at the meeting (scr_people.c), the agenda at a
 * glance (scr_overview.c), a case's actions (scr_case_actions.c).
 */
#ifndef MAPPA_UI_ROOM_H
#define MAPPA_UI_ROOM_H

#include "ui/ui.h"

/* The people from earlier meetings offered, at most. */
#define ROOM_KNOWN_MAX 200

enum room_kind { ROOM_PEOPLE, ROOM_OVERVIEW, ROOM_ACTIONS };

/* A row, as shown, with what its handlers need. */
struct room_row {
	int64_t id;              /* attendee, action; 0: a known person */
	int64_t version;         /* action */
	int index;               /* overview: the case's index on the agenda */
	char name[DB_FIELD_MAX]; /* person; action: the owner */
	char agency[32];
	int role;                /* person: enum agenda_role */
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

/* The screen's state. */
struct room *room_of(const struct screen *s);

/* Read again; whether a row (not a heading) is selected; the moves. */
unsigned room_reload(struct ui *ui, struct screen *s);
bool room_has_row(const struct screen *s);
unsigned room_moving(struct ui *ui, struct screen *s, enum ui_action a);

/* Ask for LABEL on the message line, the line holding TEXT (NULL: empty),
 * ANSWER taking the reply. */
unsigned room_ask_step(struct ui *ui, struct screen *s, const char *label,
		       ui_answer_fn answer, const char *text);

/* Take the selected person or action off, after asking. */
unsigned room_row_remove(struct ui *ui, struct screen *s);

/* The screen_ops callbacks the three share. */
void room_title(struct ui *ui, struct screen *s, char *buf, size_t n);
void room_draw(struct ui *ui, struct screen *s, unsigned what);
unsigned room_layout(struct ui *ui, struct screen *s);
void room_destroy(struct screen *s);

/* A room screen's screen_ops: its NAME, its context CTX and its
 * HANDLERS; the rest is the room's. */
#define ROOM_SCREEN_OPS(NAME, CTX, HANDLERS) {                            \
	.name = (NAME), .ctx = (CTX), .handlers = (HANDLERS),              \
	.has_row = room_has_row, .moving = room_moving,                    \
	.title = room_title, .layout = room_layout, .draw = room_draw,     \
	.changed = room_reload, .destroy = room_destroy,                   \
}

/* Open a screen of KIND with OPS for meeting MEETING_ID (and, for a
 * case's actions, OFFENDER_ID), row CUR selected; NULL with the reason
 * in the message. */
struct screen *room_open(struct ui *ui, const struct screen_ops *ops,
			 enum room_kind kind, int64_t meeting_id,
			 int64_t offender_id, int cur);

#endif
