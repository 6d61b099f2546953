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

/* SQL taking a database of today's schema back to before the case file
 * (issue 15's migration): its tables and trigger gone. */
#define TU_DROP_CASEFILE_SQL \
	"DROP TRIGGER case_notes_first;" \
	"DROP TABLE case_notes; DROP TABLE risk_assessments;" \
	"DROP TABLE scored_assessments; DROP TABLE key_dates;" \
	"DROP TABLE order_ends; DROP TABLE offences;" \
	"DROP TABLE disclosures;"

#endif
