/*
 * bench_stats.c -- how long the statistics of one reporting year take on
 * a database: read every history through the data layer, classify it,
 * finish.  Prints the best of RUNS, as bench.sh takes the best of the
 * whole runs it sets beside it; asserts nothing (make bench).
 *
 *   bench_stats DB [YEAR] [RUNS]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/stats.h"
#include "db/db.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	struct db *db;
	char err[512];
	int year = argc > 2 ? atoi(argv[2]) : 2010;
	int runs = argc > 3 ? atoi(argv[3]) : 5;
	double t[32];

	if (argc < 2 || runs < 1 || runs > 32) {
		fprintf(stderr, "usage: bench_stats DB [YEAR] [RUNS]\n");
		return 2;
	}
	if (db_open(&db, argv[1], "bench", DB_OPEN_SYSTEM, err, sizeof err) !=
	    DB_OK) {
		fprintf(stderr, "bench_stats: %s\n", err);
		return 1;
	}
	if (db_read_through(db) != DB_OK) {
		fprintf(stderr, "bench_stats: %s\n", db_errmsg(db));
		return 1;
	}
	for (int r = 0; r < runs; r++) {
		double t0 = now();
		struct stats *st = stats_new(year, year);

		if (st == NULL || db_stats_fill(db, st) != DB_OK) {
			fprintf(stderr, "bench_stats: %s\n", db_errmsg(db));
			return 1;
		}
		stats_finish(st);
		t[r] = now() - t0;
		if (r == 0)
			printf("snapshot total %d\n",
			       stats_get(st, year)->snapshot[STATS_ROW_TOTAL]
							    [STATS_TOTAL]);
		stats_free(st);
	}
	qsort(t, (size_t)runs, sizeof t[0], cmp);
	printf("stats_seconds %.3f\n", t[0]);
	db_close(db);
	return 0;
}
