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

#include "core/agenda.h"
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
#define DB_SCHEMA_VERSION 3

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

/*
 * Let the page cache grow to MEGABYTES (0: back to the default) for a
 * large transaction, so that it is written once at commit instead of
 * spilling into the WAL as it goes.  Before db_begin().
 */
enum db_status db_bulk_cache(struct db *db, int megabytes);
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
	/* Kept by the layer from the history (read-only to callers): */
	int category, level; /* 0 when never registered */
	char status[16];     /* unregistered, community, custody, exited */
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

struct stats;

/*
 * Count every history and every population estimate of DB into ST (an
 * accumulator from core/stats.h, not yet finished): what `mappa stats`,
 * the report and the statistics screen all start from.
 */
enum db_status db_stats_fill(struct db *db, struct stats *st);

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

/* --- meetings (minimal until the meetings issue) -------------------------- */

/*
 * Find or create the held meeting of LEVEL on DATE chaired by CHAIR
 * (admin or member); *ID receives its id.
 */
enum db_status db_meeting_ensure(struct db *db, mdate date, int level,
				 const char *chair, int64_t *id);

/* --- review of what is kept ------------------------------------------------ */

/* A record whose retention review is due. */
struct db_retention {
	int64_t id;
	char ref[DB_REF_MAX];
	char pseudo[DB_PSEUDO_MAX];
	int category;
	char exited[MDATE_BUFSZ]; /* the last exit */
	char review[MDATE_BUFSZ]; /* the retention review date */
};

typedef int (*db_retention_cb)(void *ctx, const struct db_retention *r);

/*
 * Admin only.  The records (not erased) whose retention review falls on
 * or before BY, soonest first.  The review date is set when management
 * ends (the last exit + the setting retention_review_years) and cleared
 * when it starts again.  The consultation is logged.
 */
enum db_status db_retention_due(struct db *db, mdate by, db_retention_cb cb,
				void *ctx);

/*
 * Admin only.  Keep offender ID's record until UNTIL (after its current
 * review date), for the reason WHY, which is logged and so must not
 * identify the person (DB_INVALID if it holds their ref, name or an
 * identifier).
 */
enum db_status db_retention_keep(struct db *db, int64_t id, mdate until,
				 const char *why);

/*
 * Admin only.  Erase offender ID: their identity fields and all free text
 * about them; the pseudonymous history stays, so statistics do not
 * change.  Only a record whose management has ended.  WHY as above.
 */
enum db_status db_retention_erase(struct db *db, int64_t id, const char *why);

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

/* Which rows of the trail a page shows; NULL or "" members match all. */
struct db_audit_filter {
	const char *actor;  /* exactly this actor */
	const char *action; /* this action, or its prefix before a dot */
	const char *text;   /* anywhere in the row, ignoring ASCII case */
};

/*
 * Admin only (audit_page.c).  Up to LIMIT rows matching F (NULL: all),
 * newest (highest id) first or oldest first, starting after the row
 * AFTER in that order (0: from the first).  Not logged: the caller logs
 * its opening of the trail once with db_audit_log("audit.read").
 */
enum db_status db_audit_page(struct db *db, const struct db_audit_filter *f,
			     bool newest_first, int64_t after, int limit,
			     db_audit_cb cb, void *ctx);

/* Admin only.  How many rows match F (NULL: all), into *N. */
enum db_status db_audit_count(struct db *db, const struct db_audit_filter *f,
			      int64_t *n);

/*
 * Mark a new, empty database as demo data (admin; before any offender):
 * the screens then say DEMO DATA, and pseudonyms use a fixed key so the
 * demo is the same every time.
 */
enum db_status db_demo_mark(struct db *db);
bool db_is_demo(struct db *db);

/* --- import and export ------------------------------------------------------ */

/*
 * Find the offender with REF (admin or member): DB_OK with its id in *ID,
 * whether the record was erased in *ERASED (if not NULL) and, when EVS is
 * not NULL, its history in history order in *EVS (malloc'd; free() it)
 * and *N.  DB_NOTFOUND when there is none.
 */
enum db_status db_offender_find(struct db *db, const char *ref, int64_t *id,
				bool *erased, struct ev **evs, size_t *n);

/*
 * An import (interchange.md): one transaction that every write of it
 * joins, opened by db_import_begin() (admin only) and closed by
 * db_import_end().  db_offender_find() and db_population_add() may be
 * used inside it.  A failed call poisons the import: db_import_end() then
 * rolls everything back, whatever it is told.  Rows are written in
 * batches, so a fault met while writing (a ref already taken) may be
 * reported by a later call or by db_import_end().  The import gets one
 * audit row, naming the range of offender ids it added; each recorded
 * offender it adds events to gets one more.
 *
 * Imported events are stored with source 'import', no meeting, and as
 * decided by the import itself: decided_by "import", and who ran it and
 * when are the row's recorded_by and recorded_at (db_event_decider()
 * spells it out); the caller's meeting_id, decided_by and source are
 * ignored.  A level change needs no note.  New offenders get the derived
 * state of their history (category, level, status) as every write does,
 * and O->next_review as given.  Values are checked in C by the rules the
 * schema's CHECK constraints hold, so those are not evaluated again for
 * the import's transaction.
 */
struct db_import;

enum db_status db_import_begin(struct db *db, struct db_import **out);

/*
 * Add the new offender O (checked as db_offender_add() checks; a ref
 * already present is DB_INVALID) with its whole history EVS[0..N) in
 * history order, checked by ev_check_history().  On success O->id,
 * O->version, O->pseudo and the derived state are set.
 */
enum db_status db_import_offender(struct db_import *im,
				  struct db_offender *o,
				  const struct db_event *evs, size_t n);

/*
 * Add EVS[0..N) (in history order) to the history of offender ID, which
 * is already recorded: each goes after the events recorded on its date,
 * the merged history is checked whole, and the offender's version moves
 * on (DB_NOTFOUND for no such offender, DB_INVALID for an erased record).
 */
enum db_status db_import_events(struct db_import *im, int64_t id,
				const struct db_event *evs, size_t n);

/*
 * Close the import and free IM: with ST == DB_OK (and no call failed)
 * write its summary audit row and commit; otherwise roll back, leaving
 * the database as it was.  Returns the outcome.
 */
enum db_status db_import_end(struct db_import *im, enum db_status st);

/*
 * Tell the import it will add about N offenders.  When that is many
 * (1,000 or more) and at least as many as are recorded, the register's
 * indexes on offenders are dropped now and built again by
 * db_import_end(), inside the same transaction: building an index once
 * is many times faster than updating it row by row.
 */
enum db_status db_import_expect(struct db_import *im, size_t n);

/*
 * After the offenders and events: write what is waiting, so that the
 * case file's facts (casefacts.c: db_risk_add() and the others) may
 * follow inside the import.  Until db_import_end(), those writes are in
 * bulk (db_casefile_bulk()); the import's audit row counts them.
 */
enum db_status db_import_facts(struct db_import *im);

/* Events imported so far (for progress). */
size_t db_import_done(const struct db_import *im);

/*
 * What to show as the reason of event E: its note; for an imported level
 * change without one, "no reason recorded (imported)"; else NULL.
 */
const char *db_event_reason(const struct db_event *e);

/*
 * Who decided event E, fit to show: for an imported event "import by USER
 * at YYYY-MM-DDTHH:MM:SSZ" (written into BUF, N bytes); else its
 * decided_by, or NULL when none.
 */
const char *db_event_decider(const struct db_event *e, char *buf, size_t n);

/* The files of an export, and a row of one as text. */
enum db_export_file {
	DB_EXPORT_OFFENDERS,
	DB_EXPORT_EVENTS,
	DB_EXPORT_POPULATION,
	/* The case file (issue 15, doc/interchange-casefile.md): */
	DB_EXPORT_RISK,
	DB_EXPORT_ASSESSMENTS,
	DB_EXPORT_DATES,
	DB_EXPORT_ORDERS,
	DB_EXPORT_OFFENCES,
	DB_EXPORT_NOTES,
	DB_EXPORT_DISCLOSURES,
	DB_EXPORT_FILES
};
typedef int (*db_export_cb)(void *ctx, enum db_export_file file,
			    const char *const *col, size_t n);

/*
 * Export (admin only).  First log the disclosure in the audit trail
 * (action "export"; RECIPIENT, which may be NULL, and WHERE the files go,
 * in the detail), then hand CB every row of the three interchange files
 * from one snapshot, as text in interchange.md's column order (NULL for
 * no value): offenders by ref; events by ref, then date, then recorded
 * order; populations by year.  An erased record keeps its pseudonymous
 * history, and so the statistics, in the files: its surname (required in
 * the files) is given as "(erased)".  A non-zero return from CB stops the
 * walk with DB_ERROR.
 */
enum db_status db_export(struct db *db, const char *recipient,
			 const char *where, db_export_cb cb, void *ctx);

/* --- maintenance ----------------------------------------------------------- */

/*
 * Write a consistent copy of the database to the new file PATH (mode
 * 0600; an existing file is refused) while others go on working (admin).
 */
enum db_status db_backup(struct db *db, const char *path);

/* PRAGMA integrity_check: DB_OK when it says "ok". */
enum db_status db_integrity_check(struct db *db);


/* --- the register list, referrals and the case file (issue 5, the TUI) ---
 *
 * What the screens read and write beyond single records: the register as
 * pages of rows for a sort and a filter (never the whole table), the
 * search, the counts, whether others have changed the database, a
 * referral taken in one transaction, and the meetings and actions of one
 * case.  A lay adviser gets the pseudonymous reference in place of the
 * case reference, never a name or district, and searches and sorts only
 * by what they may see.
 */

/* The register's columns, each one a sort order (ties: the order cases
 * were added). */
enum db_reg_column {
	DB_REG_REF,      /* case reference; for a lay adviser the pseudonym */
	DB_REG_NAME,     /* surname, forenames (not for lay advisers) */
	DB_REG_CATEGORY, /* never-registered cases first */
	DB_REG_LEVEL,
	DB_REG_STATUS,
	DB_REG_AGENCY,   /* the lead agency */
	DB_REG_DISTRICT, /* not for lay advisers */
	DB_REG_REVIEW,   /* next review; cases without one last */
	DB_REG_COLUMNS
};

/* Which cases, by status. */
enum db_reg_state {
	DB_REG_CURRENT,   /* all but exited cases */
	DB_REG_ALL,
	DB_REG_COMMUNITY,
	DB_REG_CUSTODY,
	DB_REG_EXITED,
	DB_REG_STATES
};

/* A view of the register: its order and its filter. */
struct db_reg_query {
	enum db_reg_column sort;
	bool desc;
	int category;             /* 1-4, or 0 for any */
	int level;                /* 1-3, or 0 for any */
	enum db_reg_state state;
	bool overdue;             /* only cases whose next review is before
				     TODAY and that are still managed */
	mdate today;
};

/* Where a row sits in its query's order; callers keep it to page from. */
struct db_reg_key {
	int64_t id;
	int64_t num;
	char text[2][DB_FIELD_MAX];
};

/* One row of the register. */
struct db_reg_row {
	int64_t id;
	char ref[DB_REF_MAX];         /* for a lay adviser the pseudonym */
	char surname[DB_FIELD_MAX];   /* "" for a lay adviser */
	char forenames[DB_FIELD_MAX]; /* "" for a lay adviser */
	char district[DB_FIELD_MAX];  /* "" for a lay adviser */
	int category, level;          /* 0 when never registered */
	char status[16];
	char lead_agency[16];
	char next_review[MDATE_BUFSZ]; /* "" when none */
	bool overdue;                  /* next review before the query's today */
	struct db_reg_key key;         /* in the query it was read with */
};

/* A register reader: its prepared queries live until db_reg_close(),
 * which must come before db_close(). */
struct db_register;

enum db_status db_reg_open(struct db *db, struct db_register **out);
void db_reg_close(struct db_register *r);

/*
 * Counts for Q: the cases its filter lets through, all cases on the
 * register, and the overdue cases among those still managed.  Any
 * pointer may be NULL.
 */
enum db_status db_reg_count(struct db_register *r,
			    const struct db_reg_query *q, int64_t *matching,
			    int64_t *total, int64_t *overdue);

/*
 * Up to MAX rows of Q in order from FROM: after it, or with BACKWARD
 * before it (nearest first); INCLUSIVE takes FROM's own position too.
 * FROM NULL is the start (with BACKWARD the end).  *N gets the number of
 * rows.  DB_REFUSED when a lay adviser asks for a name or district order.
 */
enum db_status db_reg_page(struct db_register *r,
			   const struct db_reg_query *q,
			   const struct db_reg_key *from, bool backward,
			   bool inclusive, struct db_reg_row *rows, int max,
			   int *n);

/*
 * The first row of Q from FROM (as db_reg_page()) whose reference, name
 * ("surname" or "surname, forenames", each a prefix; while TEXT has no
 * digit), PNC or CRN (once TEXT has a digit) starts with TEXT, case
 * aside; for a lay adviser only the pseudonymous reference.  DB_NOTFOUND
 * when none.
 */
enum db_status db_reg_find(struct db_register *r,
			   const struct db_reg_query *q, const char *text,
			   const struct db_reg_key *from, bool backward,
			   bool inclusive, struct db_reg_row *row);

/* The row of offender ID with its key in Q's order (whether or not Q's
 * filter lets it through); DB_NOTFOUND when there is no such case. */
enum db_status db_reg_get(struct db_register *r,
			  const struct db_reg_query *q, int64_t id,
			  struct db_reg_row *row);

/* PRAGMA data_version: it changes when another connection commits. */
enum db_status db_data_version(struct db *db, int64_t *version);

/* The stored version of offender ID (cheap; no audit row). */
enum db_status db_offender_version(struct db *db, int64_t id,
				   int64_t *version);

/* Whether a case already has reference REF (admin or member). */
enum db_status db_ref_taken(struct db *db, const char *ref, bool *taken);

/* A referral to MAPPA. */
struct db_referral {
	int64_t id;
	char date[MDATE_BUFSZ];
	char agency[DB_FIELD_MAX];  /* who referred */
	int proposed_level;         /* 2 or 3, or 0 */
	const char *reason;         /* NULL for a lay adviser, or none */
	char outcome[16];           /* pending, accepted, declined, withdrawn */
};

/*
 * Take a referral (admin or member), in one transaction: add offender O
 * (as db_offender_add()), register it on R->date with CATEGORY and LEVEL
 * (its first event), record R (proposed level: LEVEL when 2 or 3), and set
 * the case's next review to NEXT_REVIEW (the initial meeting's deadline,
 * or MDATE_NONE).  Nothing is written when any part fails.  On success
 * O's id, version and pseudonym and R->id are set.
 */
enum db_status db_referral_add(struct db *db, struct db_offender *o,
			       int category, int level, mdate next_review,
			       struct db_referral *r);

typedef int (*db_referral_cb)(void *ctx, const struct db_referral *r);
/* The referrals of one case, oldest first (reasons withheld from lay). */
enum db_status db_referral_list(struct db *db, int64_t offender_id,
				db_referral_cb cb, void *ctx);

/*
 * Record event E for OFFENDER_ID as db_event_add() does, and in the same
 * transaction: when MEETING_LEVEL is 2 or 3, first the held meeting of
 * that level on E's date chaired by E->decided_by (found or made; its id
 * goes to E->meeting_id); afterwards the case's next review: NEXT_REVIEW
 * when a date, none after an exit, else left as it is (MDATE_NONE).
 */
enum db_status db_case_event(struct db *db, int64_t offender_id,
			     int64_t *version, struct db_event *e,
			     int meeting_level, mdate next_review);

/* A meeting that discussed a case (on its agenda or deciding an event). */
struct db_case_meeting {
	int64_t id;
	char date[MDATE_BUFSZ];
	int level;
	char status[16];
	const char *chair;          /* NULL for a lay adviser */
	const char *decision;       /* the minuted decision; NULL for a lay
				       adviser or when none */
	char level_decision[8];     /* stay, up, down, exit, or "" */
	char next_review[MDATE_BUFSZ];
};

typedef int (*db_case_meeting_cb)(void *ctx, const struct db_case_meeting *m);
/* The meetings of one case, oldest first. */
enum db_status db_case_meetings(struct db *db, int64_t offender_id,
				db_case_meeting_cb cb, void *ctx);

/* An action agreed for a case. */
struct db_case_action {
	int64_t id;
	int64_t meeting_id;         /* or 0 */
	const char *text;           /* NULL for a lay adviser */
	char owner_agency[DB_FIELD_MAX];
	const char *owner_person;   /* NULL for a lay adviser */
	char due[MDATE_BUFSZ];
	char done[MDATE_BUFSZ];     /* "" while open */
};

typedef int (*db_case_action_cb)(void *ctx, const struct db_case_action *a);
/* The actions of one case by due date; with OPEN_ONLY those not done. */
enum db_status db_case_actions(struct db *db, int64_t offender_id,
			       bool open_only, db_case_action_cb cb,
			       void *ctx);

/* --- MAPP meetings: agendas, minutes, level decisions, actions (issue 7) ---
 *
 * A meeting (Level 2 or 3) is scheduled, then held or cancelled.  Its
 * agenda is a list of cases in order; each case discussed gets minutes,
 * one level decision (which, when it changes the level or ends
 * management, writes the event through db_event_add(): decided by this
 * meeting and its chair, effective on the meeting's date) and actions.
 * Lay advisers read the meetings list (without the chair) and the
 * actions (without their wording or owner's name); agendas and minutes
 * are refused them.
 *
 * Two people may edit one meeting at once (the coordinator at a desk,
 * the chair on the projector) and neither loses an update:
 *
 *   - a meeting's details and a case's minutes carry a version, and are
 *     saved by a three-way merge: the caller gives what it loaded (BASE)
 *     and what it wants (M).  Inside the write transaction the stored
 *     record is read again; each field the caller changed (M differs
 *     from BASE) is applied, each field it did not change keeps the
 *     stored value.  A field both sides changed to different values is a
 *     collision: DB_CONFLICT, nothing saved, the sentence naming the
 *     field.  With BASE NULL the save is strict: any newer stored
 *     version is DB_CONFLICT.  On success M holds the stored record with
 *     the other person's changes and the new version;
 *   - the agenda, attendance and actions change by intent ("add this
 *     case", "move this item to position 3", "apologies from housing",
 *     "this action is done"), each one transaction, so concurrent
 *     changes compose; setting an agency's attendance states what the
 *     caller last saw, and a different value saved since is DB_CONFLICT;
 *   - a level decision states the offender version the chair saw, as
 *     db_event_add() does.
 *
 * Every write is one transaction with its audit row: values before and
 * after for dates, levels, statuses and attendance; field names only for
 * free text (chair, venue, minutes, action wording).
 */

/* A meeting. */
struct db_meeting {
	int64_t id;
	int64_t version;
	char date[MDATE_BUFSZ];
	char time[6];              /* HH:MM, or "" */
	int level;                 /* 2 or 3 */
	char status[16];           /* scheduled, held, cancelled */
	char chair[DB_FIELD_MAX];  /* "" for a lay adviser */
	char venue[DB_FIELD_MAX];
	/* Read only: */
	int cases;                 /* on the agenda */
	int discussed;             /* of those, discussed */
};

/*
 * Schedule meeting M (admin or member): date, level required; time,
 * chair, venue optional.  AGENCIES[0..N) are the invited agencies' codes
 * (core/agenda.h; NULL/0 for none).  On success M->id, M->version and
 * M->status ("scheduled") are set.
 */
enum db_status db_meeting_add(struct db *db, struct db_meeting *m,
			      const char *const *agencies, size_t n);

/* Read meeting ID into M (chair withheld from a lay adviser). */
enum db_status db_meeting_get(struct db *db, int64_t id, struct db_meeting *m);

/*
 * Save M's date, time, level, chair and venue (admin or member) by the
 * three-way merge above from BASE (or strictly when NULL).  A cancelled
 * meeting cannot be edited; a meeting whose decisions are recorded keeps
 * its date, level and chair.
 */
enum db_status db_meeting_update(struct db *db, const struct db_meeting *base,
				 struct db_meeting *m);

/*
 * Mark meeting ID held (it may then be minuted) or cancelled (only a
 * meeting not held).  Doing it twice is no error.  *VERSION, if not NULL,
 * receives the new version.
 */
enum db_status db_meeting_hold(struct db *db, int64_t id, int64_t *version);
enum db_status db_meeting_cancel(struct db *db, int64_t id, int64_t *version);

/* Which meetings: dates FROM..TO (MDATE_NONE: open), LEVEL (0: both),
 * STATUS (NULL: any). */
struct db_meeting_query {
	mdate from, to;
	int level;
	const char *status;
};

typedef int (*db_meeting_cb)(void *ctx, const struct db_meeting *m);
/* The meetings of Q by date, time and id (everyone; chair withheld from
 * lay advisers). */
enum db_status db_meeting_list(struct db *db, const struct db_meeting_query *q,
			       db_meeting_cb cb, void *ctx);

/* An agency at a meeting: invited, and how it attended. */
struct db_meeting_agency {
	char agency[32];
	bool invited;
	char attendance[16]; /* present, apologies, report, absent, or "" */
};

/* Invite (or, INVITED false, un-invite) AGENCY to meeting ID. */
enum db_status db_meeting_invite(struct db *db, int64_t id, const char *agency,
				 bool invited);

/*
 * Record how AGENCY attended meeting ID: ATTENDANCE "present",
 * "apologies", "report", "absent" (or NULL/"" to clear).  SEEN is what
 * the caller last saw ("" for nothing; NULL: do not check): when the
 * stored value is neither SEEN nor ATTENDANCE, someone else recorded
 * otherwise -- DB_CONFLICT.  An agency not invited is added as present
 * without invitation.
 */
enum db_status db_meeting_attendance(struct db *db, int64_t id,
				     const char *agency, const char *seen,
				     const char *attendance);

typedef int (*db_meeting_agency_cb)(void *ctx,
				    const struct db_meeting_agency *a);
/* The agencies of meeting ID in the order of core/agenda.h's list. */
enum db_status db_meeting_agencies(struct db *db, int64_t id,
				   db_meeting_agency_cb cb, void *ctx);

/* A case on an agenda, with what the papers show of it (admin, member). */
struct db_agenda_item {
	int64_t id;
	int64_t meeting_id;
	int64_t offender_id;
	int64_t referral_id;          /* the referral met, or 0 */
	int position;                 /* 1, 2, ... */
	char reason[16];              /* initial, review, level_change, exit,
					 other */
	bool discussed;
	/* The case: */
	char ref[DB_REF_MAX];
	char surname[DB_FIELD_MAX];
	char forenames[DB_FIELD_MAX];
	char dob[MDATE_BUFSZ];
	char gender[2];
	char district[DB_FIELD_MAX];
	char lead_agency[16];
	int category, level;          /* now (0 when never registered) */
	char status[16];
	char next_review[MDATE_BUFSZ];
	int64_t offender_version;     /* the case's version, as read */
	/* Its minutes so far: */
	bool minuted;
	char level_decision[8];       /* stay, up, down, exit, or "" */
};

/*
 * Put offender OFFENDER_ID on meeting MEETING_ID's agenda, last, for
 * REASON (agenda_reason_name()); REFERRAL_ID the referral it meets (0:
 * none).  A case already on it, or a cancelled meeting, is DB_INVALID.
 * *ITEM_ID (if not NULL) receives the item's id.
 */
enum db_status db_agenda_add(struct db *db, int64_t meeting_id,
			     int64_t offender_id, const char *reason,
			     int64_t referral_id, int64_t *item_id);

/* Take item ITEM_ID off its agenda (refused once minuted). */
enum db_status db_agenda_remove(struct db *db, int64_t item_id);

/* Move item ITEM_ID to POSITION (1 = first; beyond the end: last). */
enum db_status db_agenda_move(struct db *db, int64_t item_id, int position);

/*
 * Mark item ITEM_ID discussed (or not), on a held meeting: progress, and
 * where meeting mode resumes.  A referral's initial meeting discussed
 * accepts the referral and records the meeting on it.
 */
enum db_status db_agenda_discussed(struct db *db, int64_t item_id,
				   bool discussed);

typedef int (*db_agenda_cb)(void *ctx, const struct db_agenda_item *it);
/* The agenda of meeting MEETING_ID in order (admin, member). */
enum db_status db_agenda_list(struct db *db, int64_t meeting_id,
			      db_agenda_cb cb, void *ctx);

/* The item of OFFENDER_ID on MEETING_ID's agenda; DB_NOTFOUND if none. */
enum db_status db_agenda_find(struct db *db, int64_t meeting_id,
			      int64_t offender_id, int64_t *item_id);

/* The area's review intervals, from the settings. */
enum db_status db_agenda_intervals(struct db *db, struct agenda_intervals *iv);

/* A case proposed for an agenda (agenda_propose()). */
struct db_agenda_proposal {
	int64_t offender_id;
	int64_t referral_id;
	char ref[DB_REF_MAX];
	char surname[DB_FIELD_MAX];
	char forenames[DB_FIELD_MAX];
	int category, level;
	char due[MDATE_BUFSZ];        /* "" when none */
	char reason[16];
	bool overdue;
};

typedef int (*db_agenda_proposal_cb)(void *ctx,
				     const struct db_agenda_proposal *p);
/*
 * Propose the agenda of meeting MEETING_ID, built on TODAY (admin,
 * member; agenda_propose() decides): referrals of the meeting's level
 * awaiting their initial meeting (deadline from the referral date, the
 * area's intervals and the bank holidays H), and cases at its level
 * whose review falls due by its date; neither those already on its
 * agenda nor those on another scheduled meeting's.  In order, overdue
 * first.
 */
enum db_status db_agenda_propose(struct db *db, int64_t meeting_id,
				 mdate today, const struct agenda_holidays *h,
				 db_agenda_proposal_cb cb, void *ctx);

/* The free-text parts of a case's minutes. */
enum db_minutes_text {
	DB_MIN_DECISION,
	DB_MIN_RATIONALE,
	DB_MIN_DISSENT,
	DB_MIN_RMP_SUPERVISION,     /* the risk management plan: */
	DB_MIN_RMP_MONITORING,      /*   monitoring and control */
	DB_MIN_RMP_INTERVENTIONS,   /*   interventions and treatment */
	DB_MIN_RMP_VICTIM_SAFETY,   /*   victim safety */
	DB_MIN_CONTINGENCIES,
	DB_MIN_VICTIM_ISSUES,
	DB_MIN_DISCLOSURE,
	DB_MIN_TEXTS
};

/* The column name of minutes text T ("decision", "rmp_supervision"...). */
const char *db_minutes_text_name(int t);

/* A case's minutes at one meeting. */
struct db_minutes {
	int64_t item_id;
	int64_t version;                /* 0 while none are recorded */
	char *text[DB_MIN_TEXTS];       /* malloc'd (db_minutes_clear());
					   NULL when empty */
	char next_review[MDATE_BUFSZ];  /* "" when none */
	/* Read only (db_minutes_level() sets them): */
	char level_decision[8];         /* stay, up, down, exit, or "" */
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
	const char *decision; /* "stay", "up", "down" or "exit" */
	int level;            /* up, down: the new level (0: one up or
				 down from the case's) */
	int exit_kind;        /* exit: enum ev_exit_kind */
	const char *reason;   /* why: required for up, down and exit */
	mdate next_review;    /* MDATE_NONE: the new level's interval from
				 the meeting's date (none after an exit) */
};

/*
 * Record the level decision D for item ITEM_ID of a held meeting with a
 * chair (admin, member).  Up, down and exit write the level (or exit)
 * event through db_event_add(): dated on the meeting's date, the reason
 * as its note, decided by this meeting and its chair; *OFFENDER_VERSION
 * (NULL: the stored one) is the case version the chair saw, and on
 * success the new one.  The minutes record the decision, the event and
 * the next review, which also becomes the case's.  Once an event is
 * written the decision stands: another is DB_INVALID (the same one again
 * is DB_OK).  *EVENT_ID (if not NULL) gets the event's id, or 0.
 */
enum db_status db_minutes_level(struct db *db, int64_t item_id,
				int64_t *offender_version,
				const struct db_level_decision *d,
				int64_t *event_id);

/* An action agreed for a case. */
struct db_action {
	int64_t id;
	int64_t version;
	int64_t meeting_id;           /* the meeting that agreed it, or 0 */
	int64_t offender_id;
	const char *text;             /* NULL for a lay adviser */
	char owner_agency[32];        /* an agency code (core/agenda.h) */
	const char *owner_person;     /* NULL for a lay adviser, or none */
	char due[MDATE_BUFSZ];
	char done[MDATE_BUFSZ];       /* "" while open */
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
 * error (the first date stays).  *VERSION, if not NULL, gets the new
 * version.
 */
enum db_status db_action_done(struct db *db, int64_t id, mdate done,
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

typedef int (*db_action_cb)(void *ctx, const struct db_action *a);
/* The actions of Q by owner agency, owner, due date (everyone; wording
 * and owner's name withheld from lay advisers, who may not filter by
 * owner). */
enum db_status db_action_list(struct db *db, const struct db_action_query *q,
			      db_action_cb cb, void *ctx);

/*
 * Bulk writing of a meeting history, for the demo (admin; inside
 * db_begin()..db_commit(); a failure dooms the transaction as
 * db_bulk_offender() does).  One audit row per call.
 */
struct db_bulk_item {
	int64_t meeting_id;
	const char *reason;                  /* agenda reason */
	const char *text[DB_MIN_TEXTS];      /* NULL: none */
	const char *level_decision;          /* or NULL */
	bool link_event;                     /* the item decided the case's
						event dated on the meeting
						day, at this meeting */
	mdate next_review;                   /* or MDATE_NONE */
	bool discussed;
	const struct db_action *actions;     /* the item's actions */
	size_t nactions;
	/* The referral the item met (accepted there), or date MDATE_NONE: */
	struct {
		mdate date;
		const char *agency;
		int level;                   /* proposed: 2 or 3 */
		const char *reason;          /* or NULL */
	} referral;
};

/* Offender OFFENDER_ID's agenda items ITEMS[0..N) with their minutes,
 * actions and the referrals they met, each put last on its meeting's
 * agenda. */
enum db_status db_bulk_case_meetings(struct db *db, int64_t offender_id,
				     const struct db_bulk_item *items,
				     size_t n);

/* Meeting ID's agencies: AGENCIES[0..N) invited, ATTENDANCE[i] as
 * db_meeting_attendance() (NULL: not recorded). */
enum db_status db_bulk_attendance(struct db *db, int64_t id,
				  const char *const *agencies,
				  const char *const *attendance, size_t n);

/* --- performance indicators (issue 8) ------------------------------------ */

struct kpi;

/*
 * The performance indicators of reporting year YEAR into K (everyone;
 * core/kpi.h holds the rules): K is started with kpi_init() here and
 * must be freed with kpi_free() whatever the outcome.  TODAY decides
 * which referrals and actions are late yet; H the bank holidays of the
 * working-day counts (NULL: weekends only).  Admins and members get the
 * cases that fall short; a lay adviser counts only.  The consultation is
 * logged.
 */
enum db_status db_kpi(struct db *db, int year, mdate today,
		      const struct agenda_holidays *h, struct kpi *k);

/* --- the case file a MAPP meeting decides from (issue 15) ------------------
 *
 * Risk, scored assessments, key dates, order ends, offences, case notes
 * and disclosures (casefacts.c).  Each is a row added, never changed: the
 * history stays, and the current one is the last added.  Only admins and
 * members read or write any of it; a lay adviser is refused
 * (DB_REFUSED) every call.  Every write is one transaction with its audit
 * row naming the fields given, never their values; a record that was
 * erased takes no more (DB_INVALID).  The names (RoSH bands, groups at
 * risk, release types) are core/casefile.h's.  Text members are valid
 * only during a callback.
 */

/* A risk of serious harm assessment. */
struct db_risk {
	int64_t id;
	char date[MDATE_BUFSZ];
	int rosh;                    /* enum cf_rosh */
	unsigned at_risk;            /* bits of enum cf_at_risk */
	const char *assessor;        /* who assessed; NULL or "" for none */
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* Add R to offender ID (date and band required).  R->id is set. */
enum db_status db_risk_add(struct db *db, int64_t id, struct db_risk *r);

typedef int (*db_risk_cb)(void *ctx, const struct db_risk *r);
/* Offender ID's risk assessments, current (last added) first. */
enum db_status db_risk_list(struct db *db, int64_t id, db_risk_cb cb,
			    void *ctx);

/* A scored assessment: a tool of the setting assessment_tools. */
struct db_score {
	int64_t id;
	char date[MDATE_BUFSZ];
	char tool[32];
	char score[32];              /* a score or a band, as the tool gives */
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* The tools of the setting assessment_tools, one by one, in its order. */
typedef int (*db_tool_cb)(void *ctx, const char *tool);
enum db_status db_score_tools(struct db *db, db_tool_cb cb, void *ctx);

/* Add S to offender ID (a known tool, a score, a date).  S->id is set;
 * the tool's spelling becomes the setting's. */
enum db_status db_score_add(struct db *db, int64_t id, struct db_score *sc);

typedef int (*db_score_cb)(void *ctx, const struct db_score *sc);
/* Offender ID's scored assessments, last added first. */
enum db_status db_score_list(struct db *db, int64_t id, db_score_cb cb,
			     void *ctx);

/* A case's key dates as set at one time.  Dates "" when not set. */
struct db_key_dates {
	int64_t id;                  /* 0 when never set */
	char sentence_expiry[MDATE_BUFSZ];
	char licence_expiry[MDATE_BUFSZ];
	char expected_release[MDATE_BUFSZ];
	int release_type;            /* enum cf_release, or -1: not released */
	char notification_end[MDATE_BUFSZ + 1]; /* a date, CF_INDEFINITE
						   or "" */
	char mappa_j_sent[MDATE_BUFSZ];
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* Clear K to "nothing set" (id 0, release type -1). */
void db_key_dates_init(struct db_key_dates *k);

/* Set offender ID's key dates to K, as a new current row (the old ones
 * stay as history).  Nothing changed is no error and writes nothing.
 * K->id is set. */
enum db_status db_key_dates_set(struct db *db, int64_t id,
				struct db_key_dates *k);

/* Offender ID's current key dates into K (id 0 when never set). */
enum db_status db_key_dates_get(struct db *db, int64_t id,
				struct db_key_dates *k);

typedef int (*db_key_dates_cb)(void *ctx, const struct db_key_dates *k);
/* Offender ID's key dates, current first, then each earlier setting. */
enum db_status db_key_dates_history(struct db *db, int64_t id,
				    db_key_dates_cb cb, void *ctx);

/* When an order ends: the order is named by its kind and the day it was
 * made (an order event of the case's history). */
struct db_order_end {
	int64_t id;
	char kind[16];
	char made[MDATE_BUFSZ];
	char ends[MDATE_BUFSZ];      /* "" when it has no end (indefinite) */
};

/* Set when the order KIND made on MADE ends (the case's history must
 * hold that order). */
enum db_status db_order_end_set(struct db *db, int64_t id,
				struct db_order_end *oe);

typedef int (*db_order_end_cb)(void *ctx, const struct db_order_end *oe);
/* Offender ID's orders' current ends, by the day each was made. */
enum db_status db_order_end_list(struct db *db, int64_t id,
				 db_order_end_cb cb, void *ctx);

/* An offence: the index offence or another relevant one. */
struct db_offence {
	int64_t id;
	bool is_index;
	const char *description;     /* required */
	char date[MDATE_BUFSZ];      /* "" when not known */
	const char *court;
	const char *sentence;
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* Add F to offender ID.  An index offence added becomes the current
 * index offence.  F->id is set. */
enum db_status db_offence_add(struct db *db, int64_t id, struct db_offence *f);

typedef int (*db_offence_cb)(void *ctx, const struct db_offence *f);
/* Offender ID's offences: the current index offence first, then the
 * others (earlier index offences among them) last added first. */
enum db_status db_offence_list(struct db *db, int64_t id, db_offence_cb cb,
			       void *ctx);

/* A case note: dated, attributed, never changed. */
struct db_note {
	int64_t id;
	char date[MDATE_BUFSZ];      /* required */
	char author[DB_NAME_MAX];    /* filled on add: the user */
	const char *subject;         /* required (NULL once erased) */
	const char *text;            /* required (NULL once erased) */
	int64_t corrects;            /* the note it corrects, or 0 */
	char recorded_at[24];
};

/* Add N to offender ID; a correction names a note of the same case.
 * N->id and N->author are set. */
enum db_status db_note_add(struct db *db, int64_t id, struct db_note *n);

typedef int (*db_note_cb)(void *ctx, const struct db_note *n);
/* Offender ID's notes, newest (last added) first. */
enum db_status db_note_list(struct db *db, int64_t id, db_note_cb cb,
			    void *ctx);

/* A decision to disclose, or not, to a third party. */
struct db_disclosure {
	int64_t id;
	char date[MDATE_BUFSZ];      /* required */
	bool disclosed;              /* false: decided not to disclose */
	const char *recipient;       /* to whom: required */
	const char *what;            /* required */
	const char *why;             /* required */
	int64_t meeting_id;          /* the meeting that decided, or 0 */
	const char *decided_by;      /* else the person who decided */
	bool undertaking;            /* the recipient signed the
					confidentiality undertaking */
	char meeting_date[MDATE_BUFSZ]; /* read: the meeting's date */
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* Add D to offender ID: decided by a meeting (held, of the case's
 * agenda or not) or a person, one of them; an undertaking only with a
 * disclosure.  D->id is set. */
enum db_status db_disclosure_add(struct db *db, int64_t id,
				 struct db_disclosure *d);

typedef int (*db_disclosure_cb)(void *ctx, const struct db_disclosure *d);
/* Offender ID's disclosure decisions, newest (by date, then last added)
 * first. */
enum db_status db_disclosure_list(struct db *db, int64_t id,
				  db_disclosure_cb cb, void *ctx);

/* The disclosure decisions of meeting MEETING_ID, with the case's ref in
 * REF, for its minutes (admin, member). */
typedef int (*db_meeting_disclosure_cb)(void *ctx, const char *ref,
					const struct db_disclosure *d);
enum db_status db_meeting_disclosures(struct db *db, int64_t meeting_id,
				      db_meeting_disclosure_cb cb, void *ctx);

/*
 * Case-file writes in bulk, for the demo (admin, inside db_begin()): while
 * ON, each write above skips its own audit row (the caller writes one for
 * the lot) and a note keeps the author it is given.  Turning it off gives
 * the number written in *WRITTEN (if not NULL).
 */
enum db_status db_casefile_bulk(struct db *db, bool on, size_t *written);

/*
 * A number that changes whenever offender ID's case file does (a fact
 * added, an erasure), into *STAMP: screens read the case again when it
 * moves.  Cheap; no audit row.
 */
enum db_status db_casefile_stamp(struct db *db, int64_t id, int64_t *stamp);

/* Which identifier of a new case matched an existing one. */
enum db_dup_match { DB_DUP_PNC, DB_DUP_CRN, DB_DUP_VISOR, DB_DUP_NAME_DOB };

/* A possible duplicate person. */
struct db_duplicate {
	int64_t id;
	char ref[DB_REF_MAX];
	char surname[DB_FIELD_MAX];
	char forenames[DB_FIELD_MAX];
	enum db_dup_match match;
};

/* "PNC", "CRN", "ViSOR number", "name and date of birth". */
const char *db_dup_match_name(enum db_dup_match m);

typedef int (*db_duplicate_cb)(void *ctx, const struct db_duplicate *d);
/*
 * Before O is saved as a new case (admin, member): each recorded case
 * (not erased, not O itself) whose PNC, CRN or ViSOR number is O's (case
 * aside), or whose surname, forenames and date of birth are O's, once
 * per case and match.  *N (if not NULL) gets how many.
 */
enum db_status db_duplicates(struct db *db, const struct db_offender *o,
			     db_duplicate_cb cb, void *ctx, int *n);

/* A case on one of the key-date lists. */
struct db_key_case {
	int64_t id;
	char ref[DB_REF_MAX];
	char surname[DB_FIELD_MAX];
	char forenames[DB_FIELD_MAX];
	int level;
	char status[16];
	char date[MDATE_BUFSZ];      /* the list's date */
	char due[MDATE_BUFSZ];       /* MAPPA J: the day it is due */
	int j_state;                 /* MAPPA J: enum cf_mappa_j */
};

/* The key-date lists. */
enum db_key_list {
	DB_KEY_MAPPA_J,        /* custody cases whose MAPPA J is due (in the
				  window) or overdue, not sent */
	DB_KEY_RELEASES,       /* expected releases in the window */
	DB_KEY_LICENCES,       /* licences ending in the window */
	DB_KEY_NOTIFICATIONS,  /* notification ending in the window */
	DB_KEY_LISTS
};

/* The list's title ("MAPPA J due or overdue", ...). */
const char *db_key_list_title(enum db_key_list l);

typedef int (*db_key_case_cb)(void *ctx, const struct db_key_case *c);
/* The cases of list L on TODAY (core/casefile.h decides), soonest first;
 * cases not erased and still managed.  Not logged: the caller logs its
 * consultation once (db_audit_log("keydates.view")), so that a screen
 * refreshed by others' changes does not write in its turn. */
enum db_status db_key_list(struct db *db, enum db_key_list l, mdate today,
			   db_key_case_cb cb, void *ctx);

#endif
