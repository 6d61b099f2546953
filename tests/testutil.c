/*
 * testutil.c -- the database helpers shared by the cmocka tests (see
 * testutil.h).
 */
#include "config.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/util.h"
#include "db/db_internal.h"
#include "testutil.h"

struct db *
tu_db_create(char *dir, size_t ndir, char *path, size_t npath)
{
	struct db *db;
	char err[512];

	tu_tmpdir(dir, ndir);
	snprintf(path, npath, "%s/t.db", dir);
	assert_int_equal(db_open(&db, path, "alice", DB_OPEN_CREATE, err,
				 sizeof err), DB_OK);
	return db;
}

int
tu_setup(void **state)
{
	struct tu_fx *f = calloc(1, sizeof *f);

	f->db = tu_db_create(f->dir, sizeof f->dir, f->path, sizeof f->path);
	*state = f;
	return 0;
}

int
tu_teardown(void **state)
{
	struct tu_fx *f = *state;

	db_close(f->db);
	tu_rmdir(f->dir);
	free(f);
	return 0;
}

int64_t
tu_count(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL),
			 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

void
tu_offender(struct db_offender *o, const char *ref)
{
	memset(o, 0, sizeof *o);
	str_copy(o->ref, ref, sizeof o->ref);
	str_copy(o->surname, "Zorblewick", sizeof o->surname);
}

struct db_event
tu_event(const char *date, int type, int category, int level, int kind,
	 enum db_source source)
{
	struct db_event e;

	memset(&e, 0, sizeof e);
	assert_int_equal(date_parse(date, &e.ev.date), 0);
	e.ev.type = (uint8_t)type;
	e.ev.category = (uint8_t)category;
	e.ev.level = (uint8_t)level;
	e.ev.kind = (uint8_t)kind;
	e.source = source;
	return e;
}

/* Run SQL on S, asserting it worked. */
static void
rw_exec(sqlite3 *s, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(s, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
}

/* Whether table T of S has column C. */
static bool
rw_has_column(sqlite3 *s, const char *t, const char *c)
{
	sqlite3_stmt *st;
	bool has = false;

	assert_int_equal(sqlite3_prepare_v2(s, "SELECT 1 FROM "
					    "pragma_table_info(?1) WHERE "
					    "name = ?2", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c, -1, SQLITE_STATIC);
	has = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return has;
}

void
tu_schema_rewind(void *sql, int version)
{
	sqlite3 *s = sql, *want;
	sqlite3_stmt *st, *w;
	char q[512];

	assert_true(version >= 1 && version <= db_migration_count);
	assert_int_equal(sqlite3_open(":memory:", &want), SQLITE_OK);
	assert_int_equal(db_schema_functions(want), SQLITE_OK);
	for (int v = 0; v < version; v++)
		rw_exec(want, db_migrations[v]);
	rw_exec(s, "PRAGMA foreign_keys = OFF; BEGIN");
	/* Triggers, views and indexes go; those of VERSION come back at
	 * the end, as it wrote them. */
	assert_int_equal(sqlite3_prepare_v2(s, "SELECT type, name FROM "
					    "sqlite_schema WHERE type IN "
					    "('trigger','view','index') AND "
					    "sql IS NOT NULL", -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(q, sizeof q, "DROP %s IF EXISTS \"%s\"",
			 (const char *)sqlite3_column_text(st, 0),
			 (const char *)sqlite3_column_text(st, 1));
		sqlite3_reset(st);
		rw_exec(s, q);
	}
	sqlite3_finalize(st);
	/* Tables VERSION did not have go; columns it did not have go. */
	assert_int_equal(sqlite3_prepare_v2(s, "SELECT name FROM "
					    "sqlite_schema WHERE type = "
					    "'table' AND name NOT LIKE "
					    "'sqlite_%'", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(want, "SELECT sql FROM "
					    "sqlite_schema WHERE type = "
					    "'table' AND name = ?", -1, &w,
					    NULL), SQLITE_OK);
	/* (Each change restarts the walk: nothing reads the schema while
	 * it changes.) */
	while (sqlite3_step(st) == SQLITE_ROW) {
		char t[128], c[128] = "";
		sqlite3_stmt *cols;
		bool gone;

		snprintf(t, sizeof t, "%s",
			 (const char *)sqlite3_column_text(st, 0));
		sqlite3_bind_text(w, 1, t, -1, SQLITE_TRANSIENT);
		gone = sqlite3_step(w) != SQLITE_ROW;
		sqlite3_reset(w);
		if (!gone) {
			snprintf(q, sizeof q, "SELECT name FROM "
				 "pragma_table_info('%s')", t);
			assert_int_equal(sqlite3_prepare_v2(s, q, -1, &cols,
							    NULL), SQLITE_OK);
			while (sqlite3_step(cols) == SQLITE_ROW && !c[0])
				if (!rw_has_column(want, t, (const char *)
						   sqlite3_column_text(cols, 0)))
					snprintf(c, sizeof c, "%s",
						 (const char *)
						 sqlite3_column_text(cols, 0));
			sqlite3_finalize(cols);
			if (!c[0])
				continue;
		}
		sqlite3_reset(st);
		if (gone)
			snprintf(q, sizeof q, "DROP TABLE \"%s\"", t);
		else
			snprintf(q, sizeof q, "ALTER TABLE \"%s\" DROP COLUMN "
				 "\"%s\"", t, c);
		rw_exec(s, q);
	}
	sqlite3_finalize(w);
	sqlite3_finalize(st);
	/* Each table's text as VERSION wrote it (its columns now are). */
	rw_exec(s, "PRAGMA writable_schema = ON");
	assert_int_equal(sqlite3_prepare_v2(want, "SELECT name, sql FROM "
					    "sqlite_schema WHERE type = "
					    "'table' AND name NOT LIKE "
					    "'sqlite_%'", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(s, "UPDATE sqlite_schema SET "
					    "sql = ?2 WHERE type = 'table' "
					    "AND name = ?1 AND sql != ?2", -1,
					    &w, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_bind_text(w, 1, (const char *)sqlite3_column_text(st, 0),
				  -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(w, 2, (const char *)sqlite3_column_text(st, 1),
				  -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(w), SQLITE_DONE);
		sqlite3_reset(w);
	}
	sqlite3_finalize(w);
	sqlite3_finalize(st);
	rw_exec(s, "PRAGMA writable_schema = OFF");
	/* Then VERSION's indexes, triggers and views. */
	assert_int_equal(sqlite3_prepare_v2(want, "SELECT sql FROM "
					    "sqlite_schema WHERE type IN "
					    "('index','trigger','view') AND "
					    "sql IS NOT NULL ORDER BY "
					    "type = 'trigger', rowid", -1, &st,
					    NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		rw_exec(s, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	snprintf(q, sizeof q, "PRAGMA user_version = %d; COMMIT", version);
	rw_exec(s, q);
	rw_exec(s, "PRAGMA foreign_keys = ON");
	sqlite3_close(want);
}
