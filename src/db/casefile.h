/*
 * casefile.h -- the case file: an event recorded with its meeting and next
 * review, and the meetings and actions of one case (casefile.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_CASEFILE_H
#define MAPPA_DB_CASEFILE_H

#include "core/status.h"
#include "db/offenders.h"

/*
 * Record event E for OFFENDER_ID as db_event_add() does (not dated after
 * TODAY), and in the same transaction: when MEETING_LEVEL is 2 or 3,
 * first the held meeting of that level on E's date chaired by
 * E->decided_by (found or made; its id goes to E->meeting_id); afterwards
 * the case's next review: NEXT_REVIEW when a date, none after an exit,
 * else left as it is (MDATE_NONE).
 */
enum db_status db_case_event(struct db *db, int64_t offender_id,
			     int64_t *version, struct db_event *e,
			     int meeting_level, mdate next_review,
			     mdate today);

/* A meeting that discussed a case (on its agenda or deciding an event). */
struct db_case_meeting {
	int64_t id;
	char date[MDATE_BUFSZ];
	int level;
	enum meeting_status status;
	/* The list's own (malloc'd); NULL for a lay adviser or when none: */
	char *chair;
	char *decision;             /* the minuted decision */
	enum level_decision level_decision; /* or DECISION_NONE */
	char next_review[MDATE_BUFSZ];
};

DB_LIST(db_case_meetings, struct db_case_meeting);
/*
 * The meetings of one case, oldest first, into LIST; their chairs and
 * decisions are the list's own, freed by the next read and by
 * db_case_meetings_free() (not db_list_free()).
 */
enum db_status db_case_meetings(struct db *db, int64_t offender_id,
				struct db_case_meetings *list);
void db_case_meetings_free(struct db_case_meetings *list);

/* An action agreed for a case. */
struct db_case_action {
	int64_t id;
	int64_t meeting_id;         /* or 0 */
	char *text;                 /* NULL for a lay adviser */
	char owner_agency[DB_FIELD_MAX];
	char *owner_person;         /* NULL for a lay adviser */
	char due[MDATE_BUFSZ];
	char done[MDATE_BUFSZ];     /* "" while open; when closed */
	enum action_state state;    /* open, done or dropped */
};

DB_LIST(db_case_actions, struct db_case_action);
/*
 * The actions of one case by due date, into LIST (a DB_LIST,
 * connection.h); with OPEN_ONLY those not done.  The rows' texts and
 * owners belong to the list: end it with db_case_actions_free(), which
 * frees them and the list.
 */
enum db_status db_case_action_list(struct db *db, int64_t offender_id,
				   bool open_only,
				   struct db_case_actions *list);
void db_case_actions_free(struct db_case_actions *list);

#endif
