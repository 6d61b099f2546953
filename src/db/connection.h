/*
 * connection.h -- the connection: opening a database as a person, who is
 * connected and in what role, errors, transactions, the demo marker, whether
 * others committed, backup and integrity (db.c, demo.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_CONNECTION_H
#define MAPPA_DB_CONNECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

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

/* The schema version this program writes (PRAGMA user_version): the
 * number of migrations in schema.c, so that adding one is the whole
 * change. */
#define DB_SCHEMA_VERSION db_schema_version()
int db_schema_version(void);

/* Field sizes, terminating NUL included. */
#define DB_NAME_MAX 64
#define DB_REF_MAX 33
#define DB_PSEUDO_MAX 12
/* The longest justification for keeping or erasing a record (bytes): it
 * is kept whole in the audit trail, never cut. */
#define DB_REASON_MAX 2000
#define DB_FIELD_MAX 128

struct db;

/*
 * A list the data layer hands over whole: the rows of one read, in order.
 * Each subject header names its own (struct db_meetings { struct
 * db_meeting *v; int n, cap; } ...), all of this one shape, so that one
 * walker (db_rows, db_internal.h) fills them all through array_push()
 * (core/util.h) and db_list_free() frees any of them.  Start one at
 * {0}; a read fills it anew, keeping what it had allocated.
 */
#define DB_LIST(name, type)                                                    \
	struct name {                                                          \
		type *v;                                                       \
		int n, cap;                                                    \
	}
#define db_list_free(list)                                                     \
	do {                                                                   \
		free((list)->v);                                               \
		(list)->v = NULL;                                              \
		(list)->n = (list)->cap = 0;                                   \
	} while (0)

/* db_open() flags. */
enum {
	DB_OPEN_CREATE = 1 << 0,   /* create the file when missing or empty;
				      its creator becomes the first admin */
	DB_OPEN_NEW_ONLY = 1 << 1, /* refuse a file that already holds data */
	DB_OPEN_SYSTEM = 1 << 2,   /* no identity check: the caller acts as
				      USER without a users row (tests only) */
	DB_OPEN_REPAIR = 1 << 3    /* neither check the schema nor bring it
				      up to date: for db_schema_repair() */
};

/*
 * Open (or with DB_OPEN_CREATE create, mode 0600 whatever the umask) the
 * database at PATH as the person USER, bring its schema up to date and
 * check that USER is a known, active user.  On success *OUT is the
 * handle; on failure *OUT is NULL and ERR (ERRLEN bytes) says why:
 * DB_NOTFOUND for a missing database, DB_TOONEW for a newer schema,
 * DB_REFUSED for an unknown or disabled user, DB_INVALID for a file that
 * is not a mappa database (or, with DB_OPEN_NEW_ONLY, one that holds data)
 * or whose schema is not as this mappa made it (schema_check.c).
 */
enum db_status db_open(struct db **out, const char *path, const char *user,
		       unsigned flags, char *err, size_t errlen);

/*
 * Admin only; DB opened with DB_OPEN_REPAIR.  Compare the schema with
 * the one this mappa makes at the database's schema version: for each
 * object not mappa's ("drop"), not as mappa made it ("rewrite") or
 * missing ("restore"), call CB (may be NULL) with the verb and the
 * object ("trigger \"x\" on audit"); *N gets how many.  With APPLY, do
 * it, in one transaction with its audit row ("schema.repair").  A table
 * of mappa's changed or missing cannot be mended: DB_INVALID, nothing
 * done.
 */
typedef void (*db_repair_cb)(void *ctx, const char *verb, const char *what);
enum db_status db_schema_repair(struct db *db, bool apply, db_repair_cb cb,
				void *ctx, int *n);

/* Close DB (NULL is fine); an open transaction is rolled back. */
void db_close(struct db *db);

/*
 * Undo the making of the database file PATH, closed, that a command
 * created and could not finish: remove it, or when KEEP_EMPTY (an empty
 * file was given to be made into one) empty it again; and remove its
 * journal files (PATH-wal, PATH-shm).  What cannot be removed is left.
 */
void db_remove_created(const char *path, bool keep_empty);

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

/*
 * Set DB up for a command that reads the whole history once and writes
 * no more than its audit row (`mappa stats`, `mappa report`): a small
 * page cache, as no page is read twice.
 */
enum db_status db_read_through(struct db *db);
enum db_status db_commit(struct db *db);
void db_rollback(struct db *db);

/*
 * Mark a new, empty database as demo data (admin; before any offender):
 * the screens then say DEMO DATA, and pseudonyms use a fixed key so the
 * demo is the same every time.
 */
enum db_status db_demo_mark(struct db *db);
bool db_is_demo(struct db *db);

/* --- maintenance ----------------------------------------------------------- */

/*
 * Write a consistent copy of the database, one self-contained file,
 * through the open descriptor FD while others go on working (admin);
 * logged.  WHERE names the destination in messages.  The caller owns FD:
 * it made the file (outfile.h) or it is standard output.
 */
enum db_status db_backup(struct db *db, int fd, const char *where);

/* PRAGMA integrity_check: DB_OK when it says "ok". */
enum db_status db_integrity_check(struct db *db);

/* PRAGMA data_version: it changes when another connection commits. */
enum db_status db_data_version(struct db *db, int64_t *version);

#endif
