/*
 * schema_check.c -- refusing a schema that mappa did not make.
 *
 * Someone who can write the database file can plant a trigger, a view or
 * a table that then runs inside mappa (PRAGMA trusted_schema=OFF limits
 * what it may call, not that it runs): a trigger on the audit trail that
 * copies names where a lay adviser reads them, say.  So each opening
 * compares the file's schema (sqlite_schema: tables, indexes, triggers,
 * views) with the one this mappa makes at that schema version, found by
 * running the migrations themselves (schema.c) on an in-memory database
 * -- never a list kept by hand, so a new migration is covered as soon as
 * it is written.  An object that is not mappa's, or is not as mappa
 * wrote it, is refused; so is a missing table, trigger or view (a
 * missing index only costs speed, and the earliest databases of schema 1
 * lack one).  `mappa repair` shows the differences and, with
 * --drop-unknown, drops what is not mappa's and writes back what was
 * changed or removed, in one transaction with its audit row.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "db/db_internal.h"

struct obj {
	char *type, *name, *tbl, *sql;
};

struct objs {
	struct obj *v;
	size_t n;
};

static void
objs_free(struct objs *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->v[i].type);
		free(o->v[i].name);
		free(o->v[i].tbl);
		free(o->v[i].sql);
	}
	free(o->v);
	o->v = NULL;
	o->n = 0;
}

static char *
dup_col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return strdup(s ? s : "");
}

/* The schema objects of SQL (internal sqlite_* ones aside), by name. */
static int
objs_load(sqlite3 *sql, struct objs *o)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	o->v = NULL;
	o->n = 0;
	rc = sqlite3_prepare_v2(sql, "SELECT type, name, tbl_name, sql FROM "
				"main.sqlite_schema WHERE name NOT LIKE "
				"'sqlite\\_%' ESCAPE '\\' ORDER BY name", -1,
				&st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct obj *b;

		if (array_reserve(&o->v, &cap, o->n + 1, sizeof *o->v) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		b = &o->v[o->n++];
		b->type = dup_col(st, 0);
		b->name = dup_col(st, 1);
		b->tbl = dup_col(st, 2);
		b->sql = dup_col(st, 3);
		if (!b->type || !b->name || !b->tbl || !b->sql) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		objs_free(o);
		return rc;
	}
	return SQLITE_OK;
}

/* What this mappa makes at schema VERSION: migrations 0..VERSION run on
 * an in-memory database. */
static int
objs_expected(int version, struct objs *o)
{
	sqlite3 *mem = NULL;
	int rc = sqlite3_open(":memory:", &mem);

	if (rc == SQLITE_OK)
		rc = db_schema_functions(mem);
	/* One transaction: a few milliseconds less on every opening. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(mem, "BEGIN", NULL, NULL, NULL);
	for (int v = 0; rc == SQLITE_OK && v < version &&
			v < db_migration_count; v++)
		rc = sqlite3_exec(mem, db_migrations[v], NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = objs_load(mem, o);
	sqlite3_close(mem);
	return rc;
}

static const struct obj *
find(const struct objs *o, const char *name)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->v[i].name, name) == 0)
			return &o->v[i];
	return NULL;
}

/* How an object found differs from mappa's. */
enum diff { D_UNKNOWN, D_CHANGED, D_MISSING };

/* Call FN for each difference between ACTUAL and EXPECTED that matters:
 * unknown and changed objects, missing ones but indexes. */
static void
each_diff(const struct objs *actual, const struct objs *expected,
	  void (*fn)(void *ctx, enum diff d, const struct obj *found,
		     const struct obj *want), void *ctx)
{
	for (size_t i = 0; i < actual->n; i++) {
		const struct obj *a = &actual->v[i];
		const struct obj *e = find(expected, a->name);

		if (e == NULL)
			fn(ctx, D_UNKNOWN, a, NULL);
		else if (strcmp(a->type, e->type) != 0 ||
			 strcmp(a->tbl, e->tbl) != 0 ||
			 strcmp(a->sql, e->sql) != 0)
			fn(ctx, D_CHANGED, a, e);
	}
	for (size_t i = 0; i < expected->n; i++) {
		const struct obj *e = &expected->v[i];

		if (strcmp(e->type, "index") != 0 && !find(actual, e->name))
			fn(ctx, D_MISSING, NULL, e);
	}
}

/* "trigger audit_spy on audit", "view v", "table t". */
static void
describe(struct strbuf *sb, const struct obj *o)
{
	sb_printf(sb, "%s \"%s\"", o->type, o->name);
	if (strcmp(o->type, "table") != 0 && strcmp(o->tbl, o->name) != 0)
		sb_printf(sb, " on %s", o->tbl);
}

struct listing {
	struct strbuf sb;
	int n;
};

static void
list_one(void *ctx, enum diff d, const struct obj *found,
	 const struct obj *want)
{
	struct listing *l = ctx;

	if (++l->n > 4)
		return;
	if (l->n > 1)
		sb_add(&l->sb, "; ");
	describe(&l->sb, found ? found : want);
	sb_add(&l->sb, d == D_UNKNOWN ? " is not mappa's"
		       : d == D_CHANGED ? " is not as mappa made it"
					: " is missing");
}

enum db_status
db_schema_check(struct db *db, const char *path, int version)
{
	struct objs actual, expected;
	struct listing l = { .n = 0 };
	enum db_status s = DB_OK;
	int rc;

	if ((rc = objs_expected(version, &expected)) != SQLITE_OK)
		return db_fail(db, DB_ERROR, "%s: cannot work out the expected "
			       "schema: %s", path, sqlite3_errstr(rc));
	if ((rc = objs_load(db->sql, &actual)) != SQLITE_OK) {
		objs_free(&expected);
		return db_sqlfail(db, rc, path);
	}
	sb_init(&l.sb);
	each_diff(&actual, &expected, list_one, &l);
	if (l.n > 0) {
		if (l.n > 4)
			sb_printf(&l.sb, "; and %d more", l.n - 4);
		s = db_fail(db, DB_INVALID, "%s: the database's schema was "
			    "changed outside mappa (%s); it is not opened. An "
			    "admin can see the differences with 'mappa repair' "
			    "and undo them with 'mappa repair --drop-unknown'",
			    path, sb_str(&l.sb));
	}
	sb_free(&l.sb);
	objs_free(&actual);
	objs_free(&expected);
	return s;
}

/* --- repair ------------------------------------------------------------------- */

struct change {
	enum diff d;
	const struct obj *found, *want;
};

struct changes {
	struct change v[256];
	int n, more;
};

static void
collect(void *ctx, enum diff d, const struct obj *found,
	const struct obj *want)
{
	struct changes *c = ctx;

	if (c->n == (int)NELEM(c->v)) {
		c->more++;
		return;
	}
	c->v[c->n].d = d;
	c->v[c->n].found = found;
	c->v[c->n].want = want;
	c->n++;
}

/* Run "DROP TYPE IF EXISTS "NAME"" (the name quoted as SQL wants). */
static enum db_status
drop(struct db *db, const struct obj *o)
{
	struct strbuf sb;
	enum db_status s;

	sb_init(&sb);
	sb_printf(&sb, "DROP %s IF EXISTS \"", strcmp(o->type, "trigger") == 0
		  ? "TRIGGER" : strcmp(o->type, "view") == 0 ? "VIEW"
		  : strcmp(o->type, "index") == 0 ? "INDEX" : "TABLE");
	for (const char *p = o->name; *p; p++) {
		if (*p == '"')
			sb_add(&sb, "\"");
		sb_addn(&sb, p, 1);
	}
	sb_add(&sb, "\"");
	s = sb.failed ? db_fail(db, DB_ERROR, "out of memory")
		      : db_exec(db, sb_str(&sb));
	sb_free(&sb);
	return s;
}

/* The order of dropping: triggers and views first, so that none runs
 * while the rest is mended; then indexes, then tables. */
static int
drop_rank(const char *type)
{
	return strcmp(type, "table") == 0 ? 2 : strcmp(type, "index") == 0;
}

static enum db_status
apply_changes(struct db *db, const struct changes *c)
{
	enum db_status s = DB_OK;

	for (int rank = 0; rank < 3 && s == DB_OK; rank++)
		for (int i = 0; i < c->n && s == DB_OK; i++)
			if (c->v[i].found &&
			    drop_rank(c->v[i].found->type) == rank)
				s = drop(db, c->v[i].found);
	/* Mappa's own, as its migrations wrote them: tables first. */
	for (int rank = 2; rank >= 0 && s == DB_OK; rank--)
		for (int i = 0; i < c->n && s == DB_OK; i++)
			if (c->v[i].want && drop_rank(c->v[i].want->type) ==
			    rank)
				s = db_exec(db, c->v[i].want->sql);
	return s;
}

enum db_status
db_schema_repair(struct db *db, bool apply, db_repair_cb cb, void *ctx,
		 int *n)
{
	struct objs actual, expected;
	struct changes *c;
	struct strbuf done;
	enum db_status s = DB_OK;
	sqlite3_stmt *st;
	int64_t version = 0;
	int rc;

	*n = 0;
	if ((s = db_require(db, DB_ADMIN, "repairing the schema")) !=
	    DB_OK)
		return s;
	if ((st = db_stmt(db, "PRAGMA user_version")) == NULL)
		return DB_ERROR;
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if ((c = calloc(1, sizeof *c)) == NULL)
		return db_fail(db, DB_ERROR, "out of memory");
	if ((rc = objs_expected((int)version, &expected)) != SQLITE_OK) {
		free(c);
		return db_fail(db, DB_ERROR, "cannot work out the expected "
			       "schema: %s", sqlite3_errstr(rc));
	}
	if (apply && (s = db_tx_begin(db)) != DB_OK) {
		objs_free(&expected);
		free(c);
		return s;
	}
	if ((rc = objs_load(db->sql, &actual)) != SQLITE_OK) {
		objs_free(&expected);
		free(c);
		s = db_sqlfail(db, rc, "reading the schema");
		return apply ? db_tx_end(db, s) : s;
	}
	each_diff(&actual, &expected, collect, c);
	sb_init(&done);
	for (int i = 0; i < c->n && s == DB_OK; i++) {
		const struct obj *o = c->v[i].found ? c->v[i].found
						    : c->v[i].want;

		/* A table not as mappa made it holds data in a shape mappa
		 * does not know: nothing to write back; a backup is. */
		if (c->v[i].d != D_UNKNOWN && strcmp(o->type, "table") == 0)
			s = db_fail(db, DB_INVALID, "table \"%s\" is %s: "
				    "repair cannot mend a table of mappa's; "
				    "restore a backup", o->name,
				    c->v[i].d == D_MISSING ? "missing"
				    : "not as mappa made it");
	}
	if (s == DB_OK && c->more)
		s = db_fail(db, DB_INVALID, "more than %d differences: restore "
			    "a backup", (int)NELEM(c->v));
	if (s == DB_OK && apply)
		s = apply_changes(db, c);
	for (int i = 0; i < c->n && s == DB_OK; i++) {
		struct strbuf what;
		const char *verb = c->v[i].d == D_UNKNOWN ? "drop"
				   : c->v[i].d == D_CHANGED ? "rewrite"
							    : "restore";

		sb_init(&what);
		describe(&what, c->v[i].found ? c->v[i].found : c->v[i].want);
		if (cb)
			cb(ctx, verb, sb_str(&what));
		sb_printf(&done, "%s%s %s", i ? "; " : "", verb,
			  sb_str(&what));
		sb_free(&what);
	}
	*n = c->n;
	if (apply && s == DB_OK && c->n > 0)
		s = db_audit_write(db, "schema.repair", NULL, sb_str(&done));
	sb_free(&done);
	objs_free(&actual);
	objs_free(&expected);
	free(c);
	return apply ? db_tx_end(db, s) : s;
}
