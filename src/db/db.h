/*
 * db.h -- mappa's data layer: the only code that speaks SQL.
 *
 * Every caller -- the command line, the screens, the tests -- reaches the
 * database through these typed functions.  The layer holds the rules
 * itself, whatever calls it:
 *
 *   - roles: a function that changes records refuses (DB_REFUSED) a user
 *     whose role may not; a lay adviser's connection is further fenced by
 *     an SQLite authorizer that refuses every write but its own audit rows;
 *   - the event state machine and Category 3 never at Level 1
 *     (core/event.h), checked over the whole history on every change;
 *   - a level change made in mappa carries a reason and who decided;
 *   - every write is one BEGIN IMMEDIATE transaction that writes its own
 *     audit row; audit rows cannot be changed or deleted;
 *   - editable records carry a version, and a save against a stale version
 *     fails with DB_CONFLICT, changing nothing.
 *
 * Functions return an enum db_status; on failure db_errmsg() says what
 * went wrong in a sentence fit to show a person.  The layer never prints
 * and never exits.
 */
#ifndef MAPPA_DB_H
#define MAPPA_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/event.h"

enum db_status {
	DB_OK = 0,
	DB_ERROR,    /* a database or I/O error */
	DB_INVALID,  /* bad input: nothing was written */
	DB_NOTFOUND, /* no such record, or no database */
	DB_REFUSED,  /* the role or identity may not do this */
	DB_CONFLICT, /* someone else saved the record first */
	DB_FULL,     /* the disk or the database is full: nothing was written */
	DB_BUSY,     /* another writer held the database too long */
	DB_TOONEW    /* the database was written by a newer mappa */
};

enum db_role { ROLE_NONE = 0, ROLE_ADMIN, ROLE_MEMBER, ROLE_LAY };

/* The schema version this program writes (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 1

/* Field sizes, terminating NUL included. */
#define DB_NAME_MAX 64
#define DB_REF_MAX 33
#define DB_PSEUDO_MAX 12
#define DB_FIELD_MAX 128

struct db;

/* db_open() flags. */
enum {
	DB_OPEN_CREATE = 1 << 0,   /* create the file when missing or empty;
				      its creator becomes the first admin */
	DB_OPEN_NEW_ONLY = 1 << 1, /* refuse a file that already holds data */
	DB_OPEN_SYSTEM = 1 << 2    /* no identity check: the caller acts as
				      USER without a users row (tests only) */
};

/*
 * Open (or with DB_OPEN_CREATE create, mode 0600 whatever the umask) the
 * database at PATH as the person USER, bring its schema up to date and
 * check that USER is a known, active user.  On success *OUT is the
 * handle; on failure *OUT is NULL and ERR (ERRLEN bytes) says why:
 * DB_NOTFOUND for a missing database, DB_TOONEW for a newer schema,
 * DB_REFUSED for an unknown or disabled user, DB_INVALID for a file that
 * is not a mappa database (or, with DB_OPEN_NEW_ONLY, one that holds data).
 */
enum db_status db_open(struct db **out, const char *path, const char *user,
		       unsigned flags, char *err, size_t errlen);

/* Close DB (NULL is fine); an open transaction is rolled back. */
void db_close(struct db *db);

/* The sentence describing the last failure on DB. */
const char *db_errmsg(const struct db *db);

/* Who is connected, in what role; whether db_open() created the file. */
const char *db_user(const struct db *db);
enum db_role db_role(const struct db *db);
bool db_created(const struct db *db);

/* "admin", "member", "lay"; and back (ROLE_NONE when unknown). */
const char *db_role_name(enum db_role role);
enum db_role db_role_parse(const char *name);

/*
 * Explicit transactions, for work that must be one (an import, the demo).
 * They nest: only the outermost begin and commit reach SQLite.  Inside
 * one, the write functions below join it instead of starting their own.
 */
enum db_status db_begin(struct db *db);
enum db_status db_commit(struct db *db);
void db_rollback(struct db *db);

/* --- users ------------------------------------------------------------ */

struct db_user {
	int64_t id;
	char name[DB_NAME_MAX];
	enum db_role role;
	bool active;
	char created[24]; /* UTC, YYYY-MM-DDTHH:MM:SSZ */
};

/* Admin only.  Names are 1-63 characters of [A-Za-z0-9._-]. */
enum db_status db_user_add(struct db *db, const char *name, enum db_role role);
enum db_status db_user_set_role(struct db *db, const char *name,
				enum db_role role);
enum db_status db_user_disable(struct db *db, const char *name);

typedef int (*db_user_cb)(void *ctx, const struct db_user *u);
/* Admin only; users by name.  A non-zero return from CB stops the walk. */
enum db_status db_user_list(struct db *db, db_user_cb cb, void *ctx);

/* --- settings and population -------------------------------------------- */

/*
 * Known settings keys and their defaults: area_name, review_weeks_level2
 * (16), review_weeks_level3 (8), review_months_level1 (12),
 * initial_days_level2 (20), initial_days_level3 (5), meeting_day_level2,
 * meeting_day_level3 (weekday names), kpi_* targets.  db_setting_get()
 * gives the stored value or the default; DB_NOTFOUND for unknown keys.
 */
enum db_status db_setting_get(struct db *db, const char *key, char *buf,
			      size_t n);
/* Admin only; VALUE is checked against the key's type. */
enum db_status db_setting_set(struct db *db, const char *key,
			      const char *value);
typedef int (*db_setting_cb)(void *ctx, const char *key, const char *value,
			     const char *about);
enum db_status db_setting_list(struct db *db, db_setting_cb cb, void *ctx);

/* Admin only; YEAR given twice is DB_INVALID. */
enum db_status db_population_add(struct db *db, int year, int64_t people,
				 const char *source);
typedef int (*db_population_cb)(void *ctx, int year, int64_t people,
				const char *source);
enum db_status db_population_list(struct db *db, db_population_cb cb,
				  void *ctx);

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
};

/* Free what db_offender_get() allocated in O (not O itself). */
void db_offender_clear(struct db_offender *o);

/*
 * Check an offender's identity fields (interchange.md: ref syntax,
 * surname required, dob a real date, gender, lead agency, no control
 * characters but tab and line breaks in notes).  Returns NULL or a
 * sentence naming the field; *FIELD gets the column's name.
 */
const char *db_offender_check(const struct db_offender *o,
			      const char **field);

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
 * stale; on success the new version is stored back).  The whole history
 * with E in place (after the other events of its date) must obey the
 * state machine, else DB_INVALID with the reason.  A level change made in
 * mappa (SRC_MAPPA) needs a note and a decider (a meeting or a person).
 */
enum db_status db_event_add(struct db *db, int64_t offender_id,
			    int64_t *version, struct db_event *e);

typedef int (*db_event_cb)(void *ctx, const struct db_event *e);
/* The history of one offender, in order; notes withheld from lay advisers. */
enum db_status db_event_list(struct db *db, int64_t offender_id,
			     db_event_cb cb, void *ctx);

/*
 * Every offender's history, offender by offender, for the statistics:
 * CB gets the offender's id and its events in order (valid only during the
 * call).  Reads one consistent snapshot.
 */
typedef int (*db_history_cb)(void *ctx, int64_t offender_id,
			     const struct ev *evs, size_t n);
enum db_status db_history_foreach(struct db *db, db_history_cb cb, void *ctx);

/*
 * Bulk writing, for the importer and the demo (admin only; inside
 * db_begin()..db_commit()): add offender O with its whole history
 * EVS[0..N) (sorted by date, ties in order), checked as db_event_add()
 * checks but without a decider for imported level changes.  One audit
 * row per offender.
 */
enum db_status db_bulk_offender(struct db *db, struct db_offender *o,
				const struct db_event *evs, size_t n);

/* --- meetings (minimal until the meetings issue) -------------------------- */

/*
 * Find or create the held meeting of LEVEL on DATE chaired by CHAIR
 * (admin or member); *ID receives its id.
 */
enum db_status db_meeting_ensure(struct db *db, mdate date, int level,
				 const char *chair, int64_t *id);

/* --- the audit trail ------------------------------------------------------ */

struct db_audit {
	int64_t id;
	char time[24];
	char actor[DB_NAME_MAX];
	const char *action;
	const char *record;
	const char *detail;
};

/*
 * Log a consultation or disclosure that is not a write (an export, printed
 * minutes): ACTION, RECORD and DETAIL as the audit's columns.  Allowed for
 * every role, lay advisers included.
 */
enum db_status db_audit_log(struct db *db, const char *action,
			    const char *record, const char *detail);

typedef int (*db_audit_cb)(void *ctx, const struct db_audit *a);
/* Admin only; rows with time >= SINCE (a date or NULL) by ACTOR (or NULL). */
enum db_status db_audit_list(struct db *db, const char *since,
			     const char *actor, db_audit_cb cb, void *ctx);

/*
 * Mark a new, empty database as demo data (admin; before any offender):
 * the screens then say DEMO DATA, and pseudonyms use a fixed key so the
 * demo is the same every time.
 */
enum db_status db_demo_mark(struct db *db);
bool db_is_demo(struct db *db);

/* --- maintenance ----------------------------------------------------------- */

/*
 * Write a consistent copy of the database to the new file PATH (mode
 * 0600; an existing file is refused) while others go on working (admin).
 */
enum db_status db_backup(struct db *db, const char *path);

/* PRAGMA integrity_check: DB_OK when it says "ok". */
enum db_status db_integrity_check(struct db *db);

#endif
