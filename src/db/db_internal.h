/*
 * db_internal.h -- what the files of the data layer share: the handle,
 * statement cache, error and transaction helpers.  Not for other layers.
 */
#ifndef MAPPA_DB_INTERNAL_H
#define MAPPA_DB_INTERNAL_H

#include <sqlite3.h>

#include "db/db.h"

#define DB_STMT_CACHE 256

struct db {
	sqlite3 *sql;
	char user[DB_NAME_MAX];
	enum db_role role;
	bool created;
	int depth;          /* open transactions and savepoints */
	bool doomed;        /* a bulk write failed: the outermost
			       transaction may only roll back */
	uint64_t pseudo_key;
	char err[512];
	struct {
		const char *text; /* the literal, compared by address */
		sqlite3_stmt *stmt;
	} cache[DB_STMT_CACHE];
	int evict;          /* the next slot to reuse when the cache is full */
	bool cf_bulk;       /* case-file writes in bulk (casefacts.c): no
			       audit row each, notes keep their author */
	size_t cf_written;  /* case-file facts written in bulk */
};

/*
 * The register's order of statuses, as its indexes hold it (schema.c)
 * and its queries spell it (register.c): SQLite matches an indexed
 * expression only when the query writes the same expression.
 */
#define DB_STATUS_KEY "CASE status WHEN 'unregistered' THEN 0 WHEN " \
	"'community' THEN 1 WHEN 'custody' THEN 2 ELSE 3 END"

/*
 * For the tests: make the register (register.c) page every view by one
 * plan, whatever the counts say, so that each plan is checked on a small
 * database; DB_REG_PLAN_AUTO goes back to choosing.
 */
enum db_reg_plan { DB_REG_PLAN_AUTO, DB_REG_PLAN_SORT, DB_REG_PLAN_FILTER,
		   DB_REG_PLAN_SEMI };
struct db_register;
void db_reg_force_plan(struct db_register *r, enum db_reg_plan plan);

/* The migrations, oldest first: migration i takes user_version i to i+1. */
extern const char *const db_migrations[];
extern const int db_migration_count;

/* Give connection SQL the functions the migrations call (schema.c):
 * mappa_agency_code(TEXT), the code of the agency TEXT names
 * (agenda_agency_lookup()) or NULL.  Every connection that runs a
 * migration calls it first; an SQLite status. */
int db_schema_functions(sqlite3 *sql);

/*
 * Compare the schema of DB (at schema VERSION) with what this mappa makes
 * at that version (schema_check.c): DB_OK, or DB_INVALID naming what
 * differs (PATH in the message).
 */
enum db_status db_schema_check(struct db *db, const char *path, int version);

/* Record a failure: the status, and the sentence db_errmsg() returns. */
enum db_status db_fail(struct db *db, enum db_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Map an SQLite result code to a status, with a sentence about WHAT. */
enum db_status db_sqlfail(struct db *db, int rc, const char *what);

/*
 * A prepared statement for SQL (a string literal: cached by address),
 * reset and with bindings cleared; NULL on failure (db_errmsg says why).
 */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* Run SQL without results; DB_OK or a status. */
enum db_status db_exec(struct db *db, const char *sql);

/* Bind TEXT, or NULL when TEXT is NULL or "". */
int db_bind_text(sqlite3_stmt *st, int i, const char *text);

/* Copy column I of ST into BUF (N bytes), "" for NULL. */
void db_column_copy(sqlite3_stmt *st, int i, char *buf, size_t n);

/* A malloc'd copy of column I of ST, for a list row to own; NULL for
 * NULL (or when memory runs out). */
char *db_column_dup(sqlite3_stmt *st, int i);

/* The level decision stored in column I of ST (level_decision_parse());
 * DECISION_NONE for NULL. */
enum level_decision db_column_decision(sqlite3_stmt *st, int i);

/*
 * The one row walker behind the list calls: step ST to its end, reading
 * each row with READ into a new, zeroed element of SIZE bytes appended to
 * the list (*V, *N, *CAP: a DB_LIST's fields) through array_push().  The
 * list is emptied first, its allocation kept.  ST is reset.  WHAT names
 * the read in a failure's sentence ("reading meetings"); on failure the
 * list is left empty.  DB_ROWS() passes a DB_LIST's fields.
 */
typedef void (*db_row_read)(struct db *db, sqlite3_stmt *st, void *row);
enum db_status db_rows(struct db *db, sqlite3_stmt *st, db_row_read read,
		       void *v, int *n, int *cap, size_t size,
		       const char *what);
#define DB_ROWS(db, st, read, list, what)                                      \
	db_rows((db), (st), (read), &(list)->v, &(list)->n, &(list)->cap,      \
		sizeof *(list)->v, (what))

/*
 * The same for rows that own memory (a text of no set length): DROP frees
 * what one row owns.  The rows the list holds are dropped before it is
 * filled anew, and, on failure, the rows read before it.
 */
typedef void (*db_row_drop)(void *row);
enum db_status db_rows_owning(struct db *db, sqlite3_stmt *st,
			      db_row_read read, db_row_drop drop, void *v,
			      int *n, int *cap, size_t size, const char *what);
#define DB_ROWS_OWNING(db, st, read, drop, list, what)                         \
	db_rows_owning((db), (st), (read), (drop), &(list)->v, &(list)->n,     \
		       &(list)->cap, sizeof *(list)->v, (what))

/*
 * A write: open a transaction (or a savepoint inside one) ...
 */
enum db_status db_tx_begin(struct db *db);
/* ... and close it: commit when ST is DB_OK, else roll back.  Returns
 * ST, or the commit's failure. */
enum db_status db_tx_end(struct db *db, enum db_status st);

/* Who may do a thing: a mask of roles for db_require(). */
enum db_roles {
	DB_ADMIN = 1u << ROLE_ADMIN,
	DB_MEMBER = 1u << ROLE_MEMBER,
	DB_LAY = 1u << ROLE_LAY,
};

/* Refuse (DB_REFUSED) unless the user's role is in ALLOWED, a mask of
 * enum db_roles (DB_ADMIN | DB_MEMBER, say); WHAT names the attempt. */
enum db_status db_require(struct db *db, unsigned allowed, const char *what);

/*
 * Step ST, a SELECT of id, time, actor, action, record, detail from the
 * audit trail, handing each row to CB (which may stop it by returning
 * non-zero), then reset it; returns SQLITE_DONE, or the failing code.
 */
int db_audit_rows(sqlite3_stmt *st, db_audit_cb cb, void *ctx);

/*
 * Give every audit row without a hash its hash, in id order (once, after
 * the migration that brought the hash chain; audit.c).
 */
enum db_status db_audit_seal(struct db *db);

/*
 * An audit row about offender ?P (an SQL parameter, NULL: every row):
 * a record "offender N", "... offender N", "... offender N ...", or a
 * list "offenders 3,N,12" or range "offenders 1-N" (db_audit_consult(),
 * import) that holds it.
 */
#define DB_AUDIT_ABOUT(P) \
	"(" P " IS NULL OR (' ' || record || ' ') LIKE " \
	"'% offender ' || " P " || ' %' OR (record LIKE 'offenders %' AND " \
	"((',' || substr(record, 11) || ',') LIKE '%,' || " P " || ',%' OR " \
	"(instr(record, '-') > 0 AND " \
	"CAST(substr(record, 11) AS INTEGER) <= " P " AND " \
	"CAST(substr(record, instr(record, '-') + 1) AS INTEGER) >= " P "))))"

/*
 * The id of the case with reference or pseudonym REF, into *ID (0 when
 * REF is NULL or ""); DB_NOTFOUND naming it when there is none.
 */
enum db_status db_audit_case_id(struct db *db, const char *ref, int64_t *id);

/* Append an audit row inside the current transaction, chained to the
 * row before it (core/chain.h). */
enum db_status db_audit_write(struct db *db, const char *action,
			      const char *record, const char *detail);

/* The event type stored as S ("register", ...), or -1. */
int db_event_type_of(const char *s);

/*
 * Set offender ID's next review to WHEN (MDATE_NONE: none) inside the
 * current transaction, with its audit row (before and after; WHY, if
 * given, appended, e.g. "meeting 12").  Nothing is written when it does
 * not change.
 */
enum db_status db_set_next_review(struct db *db, int64_t id, mdate when,
				  const char *why);

/*
 * The derived columns of an offender whose history is EVS[0..N): category
 * and level (0 when never registered) and status (unregistered,
 * community, custody, exited), as stored on the offenders row.
 */
void db_state_columns(const struct ev *evs, size_t n, int *category,
		      int *level, enum case_status *status);

/* An offender's history as the rules read it (core/event.h). */
DB_LIST(db_history, struct ev);
/* The history of offender ID, in order, into LIST; a damaged date or
 * type is DB_ERROR (offenders.c). */
enum db_status db_history_read(struct db *db, int64_t id,
			       struct db_history *list);

/*
 * Inside the caller's transaction, remove event EVENT_ID of offender
 * OFFENDER_ID -- a decision replaced on purpose -- and keep the case's
 * state: the history without it must still obey the rules (else
 * DB_INVALID); *VERSION as db_event_add(); the audit row keeps what was
 * removed and WHY (no personal data).
 */
enum db_status db_event_remove(struct db *db, int64_t offender_id,
			       int64_t event_id, int64_t *version,
			       const char *why);

/*
 * The case note that offenders.csv's notes column carries (issue 15): a
 * case's first note when it is the record's old notes field (subject
 * "Notes", correcting nothing), as an SQL expression of the offender's
 * id column OID.  notes.csv carries the others.
 */
#define DB_FIRST_NOTE_ID(oid) \
	"(SELECT fn.id FROM case_notes fn WHERE fn.offender_id = " oid \
	" AND fn.subject = 'Notes' AND fn.corrects IS NULL AND fn.id = " \
	"(SELECT min(fm.id) FROM case_notes fm WHERE fm.offender_id = " \
	oid "))"

/* Export's rows of the case file's files (casefacts.c), in
 * doc/interchange-casefile.md's order, inside db_export()'s snapshot:
 * streamed to CB a row at a time (the export's feed, never held whole,
 * so a callback and not a DB_LIST). */
enum db_status db_export_casefile(struct db *db, db_export_cb cb, void *ctx);

/* The pseudonymous reference of offender ID under DB's key. */
void db_pseudo(const struct db *db, int64_t id, char *buf);

#endif
