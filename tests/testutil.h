/*
 * testutil.h -- helpers shared by the cmocka tests: temporary folders
 * and databases.  The database helpers are in testutil.c, which a test
 * that calls them lists in its sources.
 */
#ifndef MAPPA_TESTUTIL_H
#define MAPPA_TESTUTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"

/* Make a fresh temporary folder; its path is stored in DIR (PATH_MAX). */
static inline void
tu_tmpdir(char *dir, size_t n)
{
	const char *t = getenv("TMPDIR");

	snprintf(dir, n, "%s/mappa-test-XXXXXX", t && *t ? t : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		abort();
	}
}

/* Remove folder DIR and the files in it (one level). */
static inline void
tu_rmdir(const char *dir)
{
	char cmd[4200];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

/* --- testutil.c ------------------------------------------------------- */

/* A fresh temporary folder DIR (NDIR bytes) and in it a new database,
 * PATH (NPATH bytes) = DIR/t.db, created and opened as alice (admin). */
struct db *tu_db_create(char *dir, size_t ndir, char *path, size_t npath);

/* The fixture of a test on one fresh database, set up and torn down by
 * tu_setup and tu_teardown (cmocka's state is a struct tu_fx). */
struct tu_fx {
	char dir[4096];
	char path[4200];
	struct db *db;
};
int tu_setup(void **state);
int tu_teardown(void **state);

/* The first column of the first row of query SQL, as an integer; -1
 * when there is no row. */
int64_t tu_count(struct db *db, const char *sql);

/* Offender REF, surname Zorblewick, every other field empty; not added. */
void tu_offender(struct db_offender *o, const char *ref);

/* An event on DATE (YYYY-MM-DD) of TYPE, CATEGORY, LEVEL and KIND, from
 * SOURCE. */
struct db_event tu_event(const char *date, int type, int category,
			 int level, int kind, enum db_source source);

/*
 * Take the database open on SQL (a sqlite3 *) back to schema VERSION, as
 * a mappa of that version left it: what later migrations added (tables,
 * columns, indexes, triggers, views) goes, what they changed is as
 * VERSION wrote it, and PRAGMA user_version is VERSION; rows are kept.
 * For the tests of migrations: whatever migrations come later, a
 * database of an old schema is one the schema check accepts.
 */
void tu_schema_rewind(void *sql, int version);

#endif
