/*
 * minutes.h -- the minutes of a case discussed at a MAPP meeting, and
 * its level decision (minutes.c).  They are saved by the three-way merge
 * db/meetings.h describes.
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_MINUTES_H
#define MAPPA_DB_MINUTES_H

#include "core/date.h"
#include "core/minutes.h"
#include "core/status.h"
#include "db/connection.h"

/* The free-text parts of a case's minutes: the headings of
 * core/minutes.h (their labels there), by the data layer's names. */
enum db_minutes_text {
	DB_MIN_DECISION = MINUTES_DECISION,
	DB_MIN_RATIONALE = MINUTES_RATIONALE,
	DB_MIN_DISSENT = MINUTES_DISSENT,
	DB_MIN_RMP_SUPERVISION = MINUTES_RMP_SUPERVISION,
	DB_MIN_RMP_MONITORING = MINUTES_RMP_MONITORING,
	DB_MIN_RMP_INTERVENTIONS = MINUTES_RMP_INTERVENTIONS,
	DB_MIN_RMP_VICTIM_SAFETY = MINUTES_RMP_VICTIM_SAFETY,
	DB_MIN_CONTINGENCIES = MINUTES_CONTINGENCIES,
	DB_MIN_VICTIM_ISSUES = MINUTES_VICTIM_ISSUES,
	DB_MIN_DISCLOSURE = MINUTES_DISCLOSURE,
	DB_MIN_TEXTS = MINUTES_TEXTS
};

/* The column name of minutes text T ("decision", "rmp_supervision"...:
 * minutes_headings[T].field), or NULL. */
const char *db_minutes_text_name(int t);

/* A case's minutes at one meeting. */
struct db_minutes {
	int64_t item_id;
	int64_t version;                /* 0 while none are recorded */
	char *text[DB_MIN_TEXTS];       /* malloc'd (db_minutes_clear());
					   NULL when empty */
	char next_review[MDATE_BUFSZ];  /* "" when none */
	/* Read only (db_minutes_level() sets them): */
	enum level_decision level_decision; /* or DECISION_NONE */
	int64_t level_event_id;         /* the event it wrote, or 0 */
};

/* Free the texts of M (not M itself), leaving them NULL. */
void db_minutes_clear(struct db_minutes *m);

/* Read the minutes of item ITEM_ID into M (admin, member); none yet is
 * DB_OK with version 0. */
enum db_status db_minutes_get(struct db *db, int64_t item_id,
			      struct db_minutes *m);

/*
 * Save M's texts and next review (admin, member) by the three-way merge
 * from BASE (NULL: strict).  Only on a held meeting.  A next review
 * changed here becomes the case's next review, unless a later meeting
 * has minuted one.  On success M holds what is stored.
 */
enum db_status db_minutes_save(struct db *db, const struct db_minutes *base,
			       struct db_minutes *m);

/* The level decided for a case at a meeting. */
struct db_level_decision {
	enum level_decision decision; /* DECISION_NONE is refused */
	int level;            /* up, down: the new level (0: one up or
				 down from the case's) */
	int exit_kind;        /* exit: enum ev_exit_kind */
	const char *reason;   /* why: required for up, down and exit */
	mdate next_review;    /* MDATE_NONE: the new level's interval from
				 the meeting's date (none after an exit) */
	bool replace;         /* replace a decision recorded already */
};

/*
 * Record the level decision D for item ITEM_ID of a held meeting with a
 * chair (admin, member).  Up, down and exit write the level (or exit)
 * event through db_event_add(): dated on the meeting's date, the reason
 * as its note, decided by this meeting and its chair; *OFFENDER_VERSION
 * (NULL: the stored one) is the case version the chair saw, and on
 * success the new one.  The minutes record the decision, the event and
 * the next review, which also becomes the case's.  A decision recorded
 * already is never replaced silently: another is DB_CONFLICT, naming
 * both, unless D->replace, which removes the event it wrote (audited)
 * and records D; the same one again is DB_OK.  The referral the item
 * meets is accepted when the case ends at Level 2 or 3, else declined.
 * *EVENT_ID (if not NULL) gets the event's id, or 0.
 */
enum db_status db_minutes_level(struct db *db, int64_t item_id,
				int64_t *offender_version,
				const struct db_level_decision *d,
				int64_t *event_id);

#endif
