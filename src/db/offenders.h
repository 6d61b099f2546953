/*
 * offenders.h -- offenders and their events: an offender's record, its
 * history of events checked whole on every change, and bulk writing for the
 * importer and the demo (offenders.c, history.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_OFFENDERS_H
#define MAPPA_DB_OFFENDERS_H

#include "core/event.h"
#include "core/status.h"
#include "db/connection.h"

/* --- offenders ------------------------------------------------------- */

/* An offender's record.  Strings are "" when empty. */
struct db_offender {
	int64_t id;
	int64_t version;
	char ref[DB_REF_MAX];
	char pseudo[DB_PSEUDO_MAX]; /* the reference lay advisers see */
	char surname[DB_FIELD_MAX];
	char forenames[DB_FIELD_MAX];
	char dob[MDATE_BUFSZ];
	char gender[2];
	char pnc[DB_FIELD_MAX];
	char crn[DB_FIELD_MAX];
	char visor[DB_FIELD_MAX];
	char district[DB_FIELD_MAX];
	char lead_agency[16];
	char *notes; /* malloc'd by the layer on read; NULL when none */
	/* Kept by the layer from the history (read-only to callers): */
	int category, level; /* 0 when never registered */
	enum case_status status;
	/* The next review, set at creation (bulk) and by meetings: */
	char next_review[MDATE_BUFSZ];
	char retention_review[MDATE_BUFSZ]; /* set when management ends */
	char erased[MDATE_BUFSZ];           /* the day it was erased, or "" */
};

/* Free what db_offender_get() allocated in O (not O itself). */
void db_offender_clear(struct db_offender *o);

/*
 * Check an offender's identity fields (interchange.md: ref syntax,
 * surname required, dob a real date, gender, lead agency, the PNC ID's
 * check letter, the CRN a letter and six digits, no control
 * characters but tab and line breaks in notes).  Returns NULL or a
 * sentence naming the field; *FIELD gets the column's name.
 */
const char *db_offender_check(const struct db_offender *o,
			      const char **field);

/*
 * Put O's identifiers in their usual form (core/casefile.h): the
 * reference upper case, a good PNC ID's check letter and a CRN's letter
 * upper case.  The writes below do it before they check.
 */
void db_offender_normalise(struct db_offender *o);

/*
 * Add O (admin or member).  On success O->id, O->version and O->pseudo
 * are set.  A ref already present is DB_INVALID.
 */
enum db_status db_offender_add(struct db *db, struct db_offender *o);

/*
 * Read the offender with ID (or, with id 0, with REF) into O.  For a lay
 * adviser only the id, version and pseudonymous reference are filled.
 * Opening an identified record is logged in the audit trail.
 */
enum db_status db_offender_get(struct db *db, int64_t id, const char *ref,
			       struct db_offender *o);

/*
 * Save O's identity fields over the stored record when O->version is the
 * stored version (else DB_CONFLICT); O->version is then the new one.
 */
enum db_status db_offender_update(struct db *db, struct db_offender *o);

/* --- events -------------------------------------------------------------- */

/* Where an event came from. */
enum db_source { SRC_MAPPA, SRC_IMPORT, SRC_DEMO };

/* An event with what is recorded beside it. */
struct db_event {
	int64_t id;
	struct ev ev;
	const char *note;        /* reason for a level change; NULL = none */
	int64_t meeting_id;      /* the meeting that decided it, or 0 */
	const char *decided_by;  /* the chair or person who decided, or NULL */
	enum db_source source;
	/* Filled when read back: */
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/*
 * Record event E for offender OFFENDER_ID (admin or member), given the
 * offender version the person was looking at (*VERSION; DB_CONFLICT when
 * stale; on success the new version is stored back).  E may not be dated
 * after TODAY (process_may_record(), core/process.h), else DB_INVALID;
 * MDATE_NONE leaves that to the caller, whose date is checked already
 * (a referral's, a held meeting's).  The whole history with E in place
 * (after the other events of its date) must obey the state machine, else
 * DB_INVALID with the reason.  A level change made in mappa (SRC_MAPPA)
 * needs a note and a decider (a meeting or a person).
 */
enum db_status db_event_add(struct db *db, int64_t offender_id,
			    int64_t *version, struct db_event *e,
			    mdate today);

DB_LIST(db_events, struct db_event);
/*
 * The history of one offender, in order, into LIST (a DB_LIST,
 * connection.h); notes and deciders withheld from lay advisers.  The
 * rows' notes and deciders belong to the list: end it with
 * db_events_free(), which frees them and the list.
 */
enum db_status db_event_list(struct db *db, int64_t offender_id,
			     struct db_events *list);
void db_events_free(struct db_events *list);

/*
 * Bulk writing, for the importer and the demo (admin only; inside
 * db_begin()..db_commit()): add offender O with its whole history
 * EVS[0..N) (sorted by date, ties in order), checked as db_event_add()
 * checks but without a decider for imported level changes.  One audit
 * row per offender.  A failure found before anything is written (a bad
 * field, a broken history) leaves the transaction as it was; a failure
 * while writing dooms it, so that db_commit() rolls back.
 */
enum db_status db_bulk_offender(struct db *db, struct db_offender *o,
				const struct db_event *evs, size_t n);

/* The stored version of offender ID (cheap; no audit row). */
enum db_status db_offender_version(struct db *db, int64_t id,
				   int64_t *version);

#endif
