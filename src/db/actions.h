/*
 * actions.h -- the actions agreed at MAPP meetings (actions.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_ACTIONS_H
#define MAPPA_DB_ACTIONS_H

#include "core/date.h"
#include "core/status.h"
#include "db/connection.h"

/* An action agreed for a case. */
struct db_action {
	int64_t id;
	int64_t version;
	int64_t meeting_id;           /* the meeting that agreed it, or 0 */
	int64_t offender_id;
	const char *text;             /* NULL for a lay adviser; in a
					 list, the list's own copy */
	char owner_agency[32];        /* an agency code (core/agenda.h) */
	const char *owner_person;     /* NULL for a lay adviser, or none;
					 in a list, the list's own copy */
	char due[MDATE_BUFSZ];
	char done[MDATE_BUFSZ];       /* "" while open; when closed */
	enum action_state state;      /* open, done, or dropped: closed by
					 db_action_drop() (read only) */
	/* Read only, filled by db_action_list(): */
	char ref[DB_REF_MAX];         /* the case; the pseudonym for lay */
	char meeting_date[MDATE_BUFSZ];
	bool overdue;                 /* open and due before the query's
					 today */
};

/*
 * Add action A (admin, member): text, owner agency and due date
 * required; a meeting's action is for a case on its agenda.  A->done may
 * be set (recording one already done).  A->id and A->version are set.
 */
enum db_status db_action_add(struct db *db, struct db_action *a);

/*
 * Mark action ID done on DONE (admin, member).  Already done is no
 * error (the first date stays); dropped (db_action_drop()) is
 * DB_INVALID.  *VERSION, if not NULL, gets the new
 * version.
 */
enum db_status db_action_done(struct db *db, int64_t id, mdate done,
			      int64_t *version);

/*
 * Carry open action ID forward to DUE, reviewed at a later meeting
 * (admin, member), as the caller saw it at *VERSION (0: do not check;
 * another stored: DB_CONFLICT): only its due date changes.  Like
 * db_action_done() it is the action's follow-up, not the minutes that
 * agreed it, so it is allowed on approved minutes.  A done action, or
 * DUE not after its due date, is DB_INVALID.  Audited as action.carry
 * ("due: OLD -> NEW").  *VERSION gets the new version.
 */
enum db_status db_action_carry(struct db *db, int64_t id, int64_t *version,
			       mdate due);

/*
 * Drop open action ID on ON (admin, member), as the caller saw it at
 * *VERSION (0: do not check; another stored: DB_CONFLICT): reviewed at a
 * later meeting and no longer to be done.  The action is kept, closed:
 * done is set to ON and dropped to true, so that the minutes and lists
 * show it dropped (ACTION_DROPPED) on that date.  Like db_action_done()
 * it is the action's follow-up, so it is allowed on approved minutes.  A
 * closed action (done or dropped already) is DB_INVALID.  Audited as
 * action.drop ("done: - -> ON; dropped").  *VERSION, if not NULL, gets
 * the new version.
 */
enum db_status db_action_drop(struct db *db, int64_t id, mdate on,
			      int64_t *version);

/* Which actions. */
struct db_action_query {
	mdate today;           /* for overdue */
	bool open_only;        /* not done */
	bool overdue_only;     /* not done and due before TODAY */
	const char *agency;    /* owner agency code, or NULL */
	const char *owner;     /* owner person, case aside (not for lay) */
	int64_t meeting_id;    /* or 0 */
	int64_t offender_id;   /* or 0 */
};

/*
 * A list of actions (a DB_LIST, connection.h) whose rows own their
 * wording and owner's name: end it with db_actions_free(), not
 * db_list_free().  A read into it frees what it held and fills it anew.
 */
DB_LIST(db_actions, struct db_action);
void db_actions_free(struct db_actions *list);

/* The actions of Q by owner agency, owner, due date, into LIST
 * (everyone; wording and owner's name withheld from lay advisers, who
 * may not filter by owner). */
enum db_status db_action_list(struct db *db, const struct db_action_query *q,
			      struct db_actions *list);

#endif
