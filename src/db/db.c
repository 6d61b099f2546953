/*
 * db.c -- opening a mappa database: creation with safe permissions,
 * pragmas, migrations, identity; transactions, the statement cache,
 * errors, and the authorizer that fences a lay adviser's connection.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/outfile.h"
#include "core/chain.h"
#include "core/util.h"
#include "db/db_internal.h"

/* 'MAPP': marks a file as a mappa database (PRAGMA application_id). */
#define DB_APPLICATION_ID 0x4D415050

int
db_schema_version(void)
{
	return db_migration_count;
}

enum db_status
db_fail(struct db *db, enum db_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(db->err, sizeof db->err, fmt, ap);
	va_end(ap);
	return st;
}

enum db_status
db_sqlfail(struct db *db, int rc, const char *what)
{
	const char *msg = db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_FULL:
		return db_fail(db, DB_FULL,
			       "%s: the disk or the database is full; "
			       "nothing was saved", what);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return db_fail(db, DB_BUSY,
			       "%s: the database is busy (another user is "
			       "saving); nothing was saved, try again", what);
	case SQLITE_AUTH:
		return db_fail(db, DB_REFUSED,
			       "%s: a %s may not change records", what,
			       db->role == ROLE_LAY ? "lay adviser" : "user");
	case SQLITE_CONSTRAINT:
		return db_fail(db, DB_INVALID, "%s: %s", what, msg);
	case SQLITE_READONLY:
		return db_fail(db, DB_ERROR,
			       "%s: the database file is read-only", what);
	case SQLITE_NOTADB:
		return db_fail(db, DB_INVALID,
			       "%s: the file is not a database", what);
	default:
		return db_fail(db, DB_ERROR, "%s: %s", what, msg);
	}
}

const char *
db_errmsg(const struct db *db)
{
	return db ? db->err : "no database";
}

sqlite3_stmt *
db_stmt(struct db *db, const char *sql)
{
	int free_slot = -1;
	sqlite3_stmt *st;
	int rc;

	for (int i = 0; i < DB_STMT_CACHE; i++) {
		if (db->cache[i].text == sql) {
			st = db->cache[i].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
		if (db->cache[i].text == NULL && free_slot < 0)
			free_slot = i;
	}
	rc = sqlite3_prepare_v3(db->sql, sql, -1,
				free_slot >= 0 ? SQLITE_PREPARE_PERSISTENT : 0,
				&st, NULL);
	if (rc != SQLITE_OK) {
		db_sqlfail(db, rc, "preparing a query");
		return NULL;
	}
	if (free_slot < 0) {
		/* Cache full (more distinct statements than slots): reuse the
		 * slots in turn, so that no one statement is re-prepared on
		 * every call. */
		free_slot = db->evict;
		db->evict = (db->evict + 1) % DB_STMT_CACHE;
		sqlite3_finalize(db->cache[free_slot].stmt);
	}
	db->cache[free_slot].text = sql;
	db->cache[free_slot].stmt = st;
	return st;
}

enum db_status
db_exec(struct db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		enum db_status st = db_sqlfail(db, rc, "updating the database");

		if (msg && (rc & 0xff) != SQLITE_FULL &&
		    (rc & 0xff) != SQLITE_BUSY)
			db_fail(db, st, "%s", msg);
		sqlite3_free(msg);
		return st;
	}
	return DB_OK;
}

int
db_bind_text(sqlite3_stmt *st, int i, const char *text)
{
	if (text == NULL || *text == '\0')
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
}

void
db_column_copy(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	str_copy(buf, s ? (const char *)s : "", n);
}

char *
db_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? strdup((const char *)s) : NULL;
}

enum level_decision
db_column_decision(sqlite3_stmt *st, int i)
{
	int d = level_decision_parse((const char *)sqlite3_column_text(st,
								       i));

	return d < 0 ? DECISION_NONE : (enum level_decision)d;
}

enum db_status
db_rows_owning(struct db *db, sqlite3_stmt *st, db_row_read read,
	       db_row_drop drop, void *v, int *n, int *cap, size_t size,
	       const char *what)
{
	void *row = malloc(size);
	char *p;
	int rc = SQLITE_NOMEM;

	if (drop != NULL) {
		memcpy(&p, v, sizeof p);
		for (int i = 0; i < *n; i++)
			drop(p + (size_t)i * size);
	}
	*n = 0;
	if (row != NULL) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			memset(row, 0, size);
			read(db, st, row);
			if (array_push(v, n, cap, row, size) != 0) {
				if (drop != NULL)
					drop(row);
				rc = SQLITE_NOMEM;
				break;
			}
		}
	}
	sqlite3_reset(st);
	free(row);
	if (rc != SQLITE_DONE) {
		if (drop != NULL) {
			memcpy(&p, v, sizeof p);
			for (int i = 0; i < *n; i++)
				drop(p + (size_t)i * size);
		}
		*n = 0;
		return db_sqlfail(db, rc, what);
	}
	return DB_OK;
}

enum db_status
db_rows(struct db *db, sqlite3_stmt *st, db_row_read read, void *v, int *n,
	int *cap, size_t size, const char *what)
{
	return db_rows_owning(db, st, read, NULL, v, n, cap, size, what);
}

/* --- transactions ------------------------------------------------------ */

enum db_status
db_tx_begin(struct db *db)
{
	enum db_status st;

	st = db_exec(db, db->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT w");
	if (st == DB_OK)
		db->depth++;
	return st;
}

enum db_status
db_tx_end(struct db *db, enum db_status st)
{
	char saved[sizeof db->err];

	if (db->depth <= 0)
		return st;
	db->depth--;
	if (db->depth > 0) {
		if (st == DB_OK) {
			enum db_status rs = db_exec(db, "RELEASE w");

			if (rs != DB_OK)
				return rs;
			return DB_OK;
		}
		memcpy(saved, db->err, sizeof saved);
		if (!sqlite3_get_autocommit(db->sql)) {
			sqlite3_exec(db->sql, "ROLLBACK TO w; RELEASE w", NULL,
				     NULL, NULL);
		}
		memcpy(db->err, saved, sizeof saved);
		return st;
	}
	if (st == DB_OK && db->doomed)
		st = db_fail(db, DB_ERROR, "a part of this change failed; "
			     "nothing was saved");
	db->doomed = false;
	if (st == DB_OK) {
		int rc = sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);

		if (rc == SQLITE_OK)
			return DB_OK;
		st = db_sqlfail(db, rc, "saving");
	}
	memcpy(saved, db->err, sizeof saved);
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	memcpy(db->err, saved, sizeof saved);
	return st;
}

enum db_status
db_bulk_cache(struct db *db, int megabytes)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d",
		 megabytes > 0 ? -1024 * megabytes : -2000);
	return db_exec(db, sql);
}

/*
 * A page cache of 256 KiB: one pass over the events reads each page once,
 * and filling a large cache costs more (allocating it, faulting it in)
 * than it could ever save.  A memory map (PRAGMA mmap_size) was measured
 * too and left out: on the 150,000-offender demo its page faults and the
 * unmapping at the end cost more CPU than the reads it saves (make bench;
 * ChangeLog 2026-12-06).
 */
enum db_status
db_read_through(struct db *db)
{
	return db_exec(db, "PRAGMA cache_size = -256;");
}

enum db_status
db_begin(struct db *db)
{
	return db_tx_begin(db);
}

enum db_status
db_commit(struct db *db)
{
	return db_tx_end(db, DB_OK);
}

void
db_rollback(struct db *db)
{
	if (db->depth > 0)
		db_tx_end(db, DB_ERROR);
}

/* --- roles --------------------------------------------------------------- */

static const char *const role_names[] = { NULL, "admin", "member", "lay" };

const char *
db_role_name(enum db_role role)
{
	return role > ROLE_NONE && role <= ROLE_LAY ? role_names[role] : "none";
}

enum db_role
db_role_parse(const char *name)
{
	for (int r = ROLE_ADMIN; r <= ROLE_LAY; r++)
		if (strcmp(name, role_names[r]) == 0)
			return (enum db_role)r;
	return ROLE_NONE;
}

enum db_status
db_require(struct db *db, unsigned allowed, const char *what)
{
	if (db->role != ROLE_NONE && (allowed & (1u << db->role)) != 0)
		return DB_OK;
	return db_fail(db, DB_REFUSED, "%s: not allowed for %s (role %s)",
		       what, db->user, db_role_name(db->role));
}

const char *
db_user(const struct db *db)
{
	return db->user;
}

enum db_role
db_role(const struct db *db)
{
	return db->role;
}

bool
db_created(const struct db *db)
{
	return db->created;
}

/* --- the audit trail, written ---------------------------------------------- */

enum db_status
db_audit_write(struct db *db, const char *action, const char *record,
	       const char *detail)
{
	/* Inside the caller's write transaction (BEGIN IMMEDIATE), so that
	 * the row before cannot change between reading it and chaining. */
	sqlite3_stmt *last = db_stmt(db,
		"SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now'), "
		"(SELECT id FROM audit ORDER BY id DESC LIMIT 1), "
		"(SELECT hash FROM audit ORDER BY id DESC LIMIT 1)");
	sqlite3_stmt *st;
	struct chain_row row;
	char time[32], prev[CHAIN_HEX], hash[CHAIN_HEX];
	int rc;

	if (last == NULL)
		return DB_ERROR;
	rc = sqlite3_step(last);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(last);
		return db_sqlfail(db, rc, "writing the audit trail");
	}
	db_column_copy(last, 0, time, sizeof time);
	row.id = sqlite3_column_int64(last, 1) + 1;
	db_column_copy(last, 2, prev, sizeof prev);
	sqlite3_reset(last);
	/* As db_bind_text() stores them: "" is NULL. */
	row.time = time;
	row.actor = db->user;
	row.action = action;
	row.record = record && *record ? record : NULL;
	row.detail = detail && *detail ? detail : NULL;
	if ((row.id > 1 && prev[0] == '\0') ||
	    chain_hash(prev, &row, hash) != 0)
		return db_fail(db, DB_ERROR, "the audit trail's last row has "
			       "no valid hash (run 'mappa audit verify')");
	st = db_stmt(db, "INSERT INTO audit(id, time, actor, action, record, "
			 "detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, row.id);
	sqlite3_bind_text(st, 2, time, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, db->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, action, -1, SQLITE_STATIC);
	db_bind_text(st, 5, row.record);
	db_bind_text(st, 6, row.detail);
	sqlite3_bind_text(st, 7, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "writing the audit trail");
	return DB_OK;
}

enum db_status
db_audit_log(struct db *db, const char *action, const char *record,
	     const char *detail)
{
	enum db_status st = db_tx_begin(db);

	if (st != DB_OK)
		return st;
	return db_tx_end(db, db_audit_write(db, action, record, detail));
}

/* --- pseudonymous references --------------------------------------------- */

/*
 * A keyed 4-round Feistel permutation of the 32-bit id space: distinct
 * ids give distinct references, and without the key (kept in the meta
 * table, never shown) a reference reveals neither the id nor the order
 * offenders were added in.
 */
static uint32_t
pseudo_round(uint32_t half, uint64_t key, int round)
{
	uint64_t x = (uint64_t)half * 0x9E3779B97F4A7C15ULL ^
		     (key + (uint64_t)round * 0xBF58476D1CE4E5B9ULL);

	x ^= x >> 31;
	x *= 0x94D049BB133111EBULL;
	x ^= x >> 29;
	return (uint32_t)x & 0xFFFF;
}

void
db_pseudo(const struct db *db, int64_t id, char *buf)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	uint32_t v = (uint32_t)id;
	uint32_t l = v >> 16, r = v & 0xFFFF;

	for (int i = 0; i < 4; i++) {
		uint32_t t = r;

		r = l ^ pseudo_round(r, db->pseudo_key, i);
		l = t;
	}
	v = l << 16 | r;
	buf[0] = 'P';
	for (int i = 0; i < 7; i++)
		buf[1 + i] = alphabet[(v >> (30 - 5 * i)) & 31];
	buf[8] = '\0';
	/* 7 characters of 5 bits cover bits 34..0; the top two are zero. */
}

/* --- the authorizer ------------------------------------------------------- */

/*
 * A lay adviser's connection may read, and may append to the audit trail
 * (their consultations are logged), and nothing else: no other insert, no
 * update, no delete, no schema change, no attach, no pragma that sets
 * anything but the connection's own cache.
 */
static int
lay_authorizer(void *ctx, int action, const char *a, const char *b,
	       const char *dbname, const char *trigger)
{
	(void)ctx;
	(void)dbname;
	(void)trigger;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_FUNCTION:
	case SQLITE_TRANSACTION:
	case SQLITE_SAVEPOINT:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_INSERT:
		return a && strcmp(a, "audit") == 0 ? SQLITE_OK : SQLITE_DENY;
	case SQLITE_PRAGMA:
		/* cache_size only sizes this connection's memory
		 * (db_read_through()). */
		return b == NULL || (a && strcmp(a, "cache_size") == 0)
			   ? SQLITE_OK : SQLITE_DENY;
	default:
		return SQLITE_DENY;
	}
}

/* --- opening ---------------------------------------------------------------- */

static int
scalar_int(sqlite3 *sql, const char *q, int64_t *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(sql, q, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*out = 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Create PATH (or take an existing empty file) with mode 0600. */
static enum db_status
prepare_file(struct db *db, const char *path, unsigned flags, bool *is_new)
{
	struct stat sb;
	int fd;

	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return db_fail(db, DB_INVALID,
				       "%s: not a regular file", path);
		if (sb.st_size > 0) {
			/* DB_OPEN_NEW_ONLY is checked once the file is
			 * open: an unfinished database counts as new. */
			*is_new = false;
			return DB_OK;
		}
	} else if (errno != ENOENT) {
		return db_fail(db, DB_ERROR, "%s: %s", path, strerror(errno));
	}
	if (!(flags & DB_OPEN_CREATE))
		return db_fail(db, DB_NOTFOUND,
			       "%s: no mappa database here (create one with "
			       "'mappa import' or 'mappa demo')", path);
	fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return db_fail(db, DB_ERROR, "%s: cannot create: %s", path,
			       strerror(errno));
	if (fchmod(fd, 0600) != 0) {
		int e = errno;

		close(fd);
		return db_fail(db, DB_ERROR, "%s: cannot set mode 0600: %s",
			       path, strerror(e));
	}
	close(fd);
	*is_new = true;
	return DB_OK;
}

static enum db_status
migrate(struct db *db, int from)
{
	enum db_status st;
	char sql[64];

	for (int v = from; v < db_migration_count; v++) {
		if ((st = db_tx_begin(db)) != DB_OK)
			return st;
		st = db_exec(db, db_migrations[v]);
		if (st == DB_OK) {
			snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
				 v + 1);
			st = db_exec(db, sql);
		}
		if (st == DB_OK && v == 0) {
			snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
				 DB_APPLICATION_ID);
			st = db_exec(db, sql);
		}
		if ((st = db_tx_end(db, st)) != DB_OK)
			return st;
	}
	return DB_OK;
}

static enum db_status
load_key(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM meta "
				       "WHERE key = 'pseudo_key'");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);

		db->pseudo_key = v ? strtoull(v, NULL, 16) : 0;
		sqlite3_reset(st);
		return DB_OK;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading the database");
	return db_fail(db, DB_INVALID, "the database has no pseudonym key");
}

/* The first open of a new file: the key, and the creator as admin. */
static enum db_status
initialise(struct db *db)
{
	uint64_t key;
	char hex[32];
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	sqlite3_randomness(sizeof key, &key);
	snprintf(hex, sizeof hex, "%016llx", (unsigned long long)key);
	st = db_stmt(db, "INSERT INTO meta(key, value) "
			 "VALUES ('pseudo_key', ?)");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "creating the database"));
	st = db_stmt(db, "INSERT INTO users(name, role, created) VALUES "
			 "(?, 'admin', strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "creating the database"));
	s = db_audit_write(db, "database.create", NULL,
			   "first admin: the creator");
	return db_tx_end(db, s);
}

/* Whether the database holds a schema but neither key nor user. */
static bool
unfinished(struct db *db)
{
	int64_t key = 1, users = 1;

	if (scalar_int(db->sql, "SELECT count(*) FROM meta WHERE key = "
		       "'pseudo_key'", &key) != SQLITE_OK ||
	    scalar_int(db->sql, "SELECT count(*) FROM users", &users) !=
	    SQLITE_OK)
		return false;
	return key == 0 && users == 0;
}

static enum db_status
identify(struct db *db, const char *path)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT role, active FROM users "
				       "WHERE name = ?");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		int active = sqlite3_column_int(st, 1);

		db->role = role ? db_role_parse(role) : ROLE_NONE;
		sqlite3_reset(st);
		if (!active)
			return db_fail(db, DB_REFUSED,
				       "%s: the user '%s' is disabled", path,
				       db->user);
		return db->role != ROLE_NONE ? DB_OK : DB_ERROR;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading the users");
	return db_fail(db, DB_REFUSED,
		       "%s: '%s' is not a user of this database (an admin can "
		       "add them with 'mappa user add %s')", path, db->user,
		       db->user);
}

static enum db_status
open_sql(struct db *db, const char *path, unsigned flags)
{
	bool is_new = false;
	int64_t version = 0, appid = 0;
	enum db_status st;
	int rc;

	if ((st = prepare_file(db, path, flags, &is_new)) != DB_OK)
		return st;
	/* One connection, one thread: no mutex around every call (the
	 * statistics make millions of them). */
	rc = sqlite3_open_v2(path, &db->sql,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
			     SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, DB_ERROR, "%s: %s", path,
			       db->sql ? sqlite3_errmsg(db->sql)
				       : sqlite3_errstr(rc));
	sqlite3_busy_timeout(db->sql, 10000);
	sqlite3_extended_result_codes(db->sql, 1);
	if ((rc = db_schema_functions(db->sql)) != SQLITE_OK)
		return db_sqlfail(db, rc, path);
	rc = scalar_int(db->sql, "PRAGMA user_version", &version);
	if (rc == SQLITE_OK)
		rc = scalar_int(db->sql, "PRAGMA application_id", &appid);
	if ((rc & 0xff) == SQLITE_NOTADB ||
	    (rc == SQLITE_OK && version > 0 && appid != DB_APPLICATION_ID))
		return db_fail(db, DB_INVALID, "%s: not a mappa database", path);
	if (rc != SQLITE_OK)
		return db_sqlfail(db, rc, path);
	if (version < 0)
		return db_fail(db, DB_INVALID, "%s: not a mappa database "
			       "(schema version %lld)", path,
			       (long long)version);
	if (version > DB_SCHEMA_VERSION)
		return db_fail(db, DB_TOONEW,
			       "%s: the database has schema version %lld, "
			       "newer than this mappa understands (%d); use a "
			       "newer mappa", path, (long long)version,
			       DB_SCHEMA_VERSION);
	if (!is_new && version == 0) {
		int64_t tables = 0;

		scalar_int(db->sql, "SELECT count(*) FROM sqlite_schema",
			   &tables);
		if (tables > 0)
			return db_fail(db, DB_INVALID,
				       "%s: not a mappa database", path);
		if (!(flags & DB_OPEN_CREATE))
			return db_fail(db, DB_NOTFOUND,
				       "%s: no mappa database here", path);
		is_new = true;
	}
	/* A database made by a mappa killed between its schema and its key
	 * and first admin (or by one before creation was
	 * one transaction) is made
	 * afresh: it holds no one's records. */
	if (!is_new && version > 0 && appid == DB_APPLICATION_ID &&
	    (flags & DB_OPEN_CREATE) && unfinished(db))
		is_new = true;
	if (!is_new && (flags & DB_OPEN_NEW_ONLY))
		return db_fail(db, DB_INVALID, "%s: the file already holds "
			       "data; give a new file", path);
	/* (A file that holds SQLite's header alone, as a mappa killed
	 * before its first transaction leaves, counts as new above.) */
	if ((st = db_exec(db, "PRAGMA journal_mode = WAL;"
			      "PRAGMA synchronous = FULL;"
			      "PRAGMA foreign_keys = ON;"
			      "PRAGMA trusted_schema = OFF;"
			      "PRAGMA temp_store = MEMORY;"
			      "PRAGMA cache_size = -32768;")) != DB_OK)
		return st;
	/* Before anything runs on it, migrations included: nothing but
	 * what mappa made (a planted trigger would fire on the first
	 * write). */
	if (!is_new && !(flags & DB_OPEN_REPAIR) &&
	    (st = db_schema_check(db, path, (int)version)) != DB_OK)
		return st;
	/* A new database is made in one transaction, schema, key and first
	 * admin: killed part-way, it is still new. */
	if (is_new && (st = db_tx_begin(db)) != DB_OK)
		return st;
	if (version < DB_SCHEMA_VERSION && !(flags & DB_OPEN_REPAIR)) {
		st = migrate(db, (int)version);
		/* Rows from before the hash chain get their hashes. */
		if (st == DB_OK && version > 0)
			st = db_audit_seal(db);
	}
	if (st == DB_OK && is_new)
		st = initialise(db);
	if (is_new)
		st = db_tx_end(db, st);
	if (st != DB_OK)
		return st;
	db->created = is_new;
	if ((st = load_key(db)) != DB_OK)
		return st;
	if (flags & DB_OPEN_SYSTEM) {
		db->role = ROLE_ADMIN;
		return DB_OK;
	}
	if ((st = identify(db, path)) != DB_OK)
		return st;
	if (db->role == ROLE_LAY)
		sqlite3_set_authorizer(db->sql, lay_authorizer, db);
	return DB_OK;
}

enum db_status
db_open(struct db **out, const char *path, const char *user, unsigned flags,
	char *err, size_t errlen)
{
	struct db *db;
	enum db_status st;

	*out = NULL;
	if ((db = calloc(1, sizeof *db)) == NULL) {
		str_copy(err, "out of memory", errlen);
		return DB_ERROR;
	}
	if (user == NULL || *user == '\0' ||
	    str_copy(db->user, user, sizeof db->user) >= sizeof db->user) {
		str_copy(err, "no valid user name", errlen);
		free(db);
		return DB_REFUSED;
	}
	st = open_sql(db, path, flags);
	if (st != DB_OK) {
		str_copy(err, db->err, errlen);
		db_close(db);
		return st;
	}
	*out = db;
	return DB_OK;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->sql && !sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	for (int i = 0; i < DB_STMT_CACHE; i++)
		if (db->cache[i].stmt)
			sqlite3_finalize(db->cache[i].stmt);
	sqlite3_close(db->sql);
	free(db);
}

void
db_remove_created(const char *path, bool keep_empty)
{
	char side[4200];

	if (!keep_empty) {
		unlink(path);
	} else {
		FILE *f = fopen(path, "w");

		if (f)
			fclose(f);
	}
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

enum db_status
db_integrity_check(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA integrity_check");
	enum db_status s = DB_OK;
	int rc;

	if (st == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);

		if (r == NULL || strcmp(r, "ok") != 0) {
			s = db_fail(db, DB_ERROR, "integrity check: %s",
				    r ? r : "?");
			break;
		}
	}
	sqlite3_reset(st);
	if (s == DB_OK && rc != SQLITE_DONE)
		s = db_sqlfail(db, rc, "integrity check");
	return s;
}

enum db_status
db_backup(struct db *db, int fd, const char *where)
{
	unsigned char *image;
	sqlite3_int64 size = 0;
	enum db_status s;

	if ((s = db_require(db, DB_ADMIN, "a backup")) != DB_OK)
		return s;
	if ((s = db_audit_log(db, "backup", NULL, "fields: file")) != DB_OK)
		return s;
	/* One snapshot of every page, read in one read transaction (WAL
	 * readers do not block writers), so others go on working; written
	 * through the caller's descriptor, never a file reopened by name. */
	image = sqlite3_serialize(db->sql, "main", &size, 0);
	if (image == NULL || size < 100)
		return db_fail(db, DB_ERROR, "%s: the backup failed: %s",
			       where, image ? "the database is empty"
			       : sqlite3_errmsg(db->sql));
	/* The copy is one self-contained file: legacy journal, not WAL
	 * (the file format's read and write versions, bytes 18 and 19). */
	image[18] = 1;
	image[19] = 1;
	if (outfile_write_all(fd, image, (size_t)size) != 0) {
		int e = errno;

		sqlite3_free(image);
		return db_fail(db, e == ENOSPC ? DB_FULL : DB_ERROR,
			       "%s: the backup failed: %s", where,
			       strerror(e));
	}
	sqlite3_free(image);
	return DB_OK;
}

enum db_status
db_data_version(struct db *db, int64_t *version)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA data_version");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(db, rc, "reading the database");
}
