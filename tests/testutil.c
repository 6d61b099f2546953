/*
 * testutil.c -- the database helpers shared by the cmocka tests (see
 * testutil.h).
 */
#include "config.h"

#include <setjmp.h>
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
