/*
 * bench_register.c -- how long the register screen's work per keystroke
 * takes on a database: the page fetched after each change of sort, each
 * filter, each keystroke of a search, paging, and the re-read after
 * others' changes -- exactly the model calls the screen makes
 * (ui/regmodel.c), without a terminal.  Prints milliseconds; asserts
 * nothing (make bench).  The target is well under 50 ms a keystroke.
 * Opening the register is not a keystroke: it is reported, and kept out
 * of the worst.  Then each filter is timed again as the first keystroke
 * of a new session (nothing of the database in its page cache yet),
 * under every sort order both ways.
 *
 *   bench_register DB [ROWS]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/util.h"
#include "db/db.h"
#include "ui/regmodel.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Figures for one kind of keystroke. */
struct figure {
	const char *what;
	double max, sum;
	int n;
};

static struct figure figures[16];
static int nfigures;
static double worst;
static char worst_what[128];

static struct figure *
figure(const char *what)
{
	for (int i = 0; i < nfigures; i++)
		if (strcmp(figures[i].what, what) == 0)
			return &figures[i];
	figures[nfigures].what = what;
	return &figures[nfigures++];
}

static void
took(const char *what, double ms, const char *detail)
{
	struct figure *f = figure(what);

	f->sum += ms;
	f->n++;
	if (getenv("BENCH_VERBOSE") && ms > 10)
		fprintf(stderr, "    %.2f ms: %s\n", ms, detail);
	if (ms > f->max)
		f->max = ms;
	if (strcmp(what, "open") != 0 && ms > worst) {
		worst = ms;
		str_copy(worst_what, detail, sizeof worst_what);
	}
}

static void
check(struct regmodel *m, enum rm_change c)
{
	if (c == RM_ERROR) {
		fprintf(stderr, "bench_register: %s\n", rm_error(m));
		exit(1);
	}
}

static void
query(struct regmodel *m, const char *what, const struct db_reg_query *q,
      const char *detail)
{
	double t0 = now();

	check(m, rm_set_query(m, q));
	took(what, now() - t0, detail);
}

static void
search(struct regmodel *m, const char *text)
{
	char typed[64], detail[96];

	rm_search_begin(m);
	for (size_t i = 1; i <= strlen(text); i++) {
		double t0;

		memcpy(typed, text, i);
		typed[i] = '\0';
		t0 = now();
		check(m, rm_search(m, typed));
		snprintf(detail, sizeof detail, "search keystroke '%s'", typed);
		took("search keystroke", now() - t0, detail);
	}
	check(m, rm_search_end(m, false));
}

static void
run(struct db *db, mdate today, int rows, bool lay)
{
	static const char *const cols[DB_REG_COLUMNS] = {
		"reference", "name", "category", "level", "status", "agency",
		"district", "review",
	};
	struct regmodel m;
	struct db_reg_query q;
	double t0 = now();
	char detail[96];

	check(&m, rm_open(&m, db, today, rows));
	took("open", now() - t0, "open");
	/* Move somewhere in the middle first. */
	for (int i = 0; i < 40; i++) {
		t0 = now();
		check(&m, rm_move(&m, rows));
		took("page down", now() - t0, "page down");
	}
	for (int i = 0; i < 3 * rows; i++) {
		t0 = now();
		check(&m, rm_move(&m, i < rows ? 1 : -1));
		took("line up/down", now() - t0, "a line up or down");
	}
	for (int c = 0; c < DB_REG_COLUMNS; c++) {
		for (int desc = 0; desc < 2; desc++) {
			if (lay && (c == DB_REG_NAME || c == DB_REG_DISTRICT))
				continue;
			q = m.q;
			q.sort = (enum db_reg_column)c;
			q.desc = desc;
			snprintf(detail, sizeof detail, "sort by %s %s",
				 cols[c], desc ? "desc" : "asc");
			query(&m, "sort change", &q, detail);
			t0 = now();
			check(&m, rm_end(&m));
			took("home/end", now() - t0, detail);
			t0 = now();
			check(&m, rm_move(&m, -rows));
			took("page up", now() - t0, "page up");
			t0 = now();
			check(&m, rm_home(&m));
			took("home/end", now() - t0, "home");
		}
		/* Every filter under this sort. */
		q = m.q;
		for (int k = 1; k <= 4; k++) {
			q.category = k;
			snprintf(detail, sizeof detail, "category %d by %s", k,
				 cols[c]);
			query(&m, "filter", &q, detail);
		}
		q.category = 0;
		for (int k = 1; k <= 3; k++) {
			q.level = k;
			snprintf(detail, sizeof detail, "level %d by %s", k,
				 cols[c]);
			query(&m, "filter", &q, detail);
		}
		q.category = 4;
		snprintf(detail, sizeof detail, "category 4 level 3 by %s",
			 cols[c]);
		query(&m, "filter", &q, detail);
		q.category = 0;
		q.level = 0;
		for (int s = 0; s < DB_REG_STATES; s++) {
			q.state = (enum db_reg_state)s;
			snprintf(detail, sizeof detail, "status %d by %s", s,
				 cols[c]);
			query(&m, "filter", &q, detail);
		}
		q.state = DB_REG_CURRENT;
		q.overdue = true;
		snprintf(detail, sizeof detail, "overdue by %s", cols[c]);
		query(&m, "filter", &q, detail);
		q.overdue = false;
		query(&m, "filter", &q, "no filter");
		t0 = now();
		check(&m, rm_refresh(&m));
		took("others' change", now() - t0, "refresh");
	}
	q = m.q;
	q.sort = DB_REG_REF;
	query(&m, "sort change", &q, "sort by reference");
	if (lay) {
		search(&m, "PZZ");
		search(&m, "P00");
		search(&m, "Q");
	} else {
		search(&m, "smith, john");
		search(&m, "qu");
		search(&m, "zzzz");
		search(&m, "WF/09/1");
		search(&m, "05/12345");
		search(&m, "x12");
		q.sort = DB_REG_NAME;
		query(&m, "sort change", &q, "sort by name");
		search(&m, "zzzz");
		q.category = 4;
		q.level = 3;
		query(&m, "filter", &q, "category 4 level 3");
		search(&m, "s");
	}
	rm_close(&m);
}

/* Each filter as the first keystroke after opening, under each order. */
static void
cold(const char *path, const char *user, unsigned flags, mdate today,
     int rows, bool lay)
{
	static const char *const cols[DB_REG_COLUMNS] = {
		"reference", "name", "category", "level", "status", "agency",
		"district", "review",
	};
	struct { int cat, lvl, state; bool overdue; } filters[] = {
		{ 1, 0, DB_REG_CURRENT, false }, { 2, 0, DB_REG_CURRENT, false },
		{ 3, 0, DB_REG_CURRENT, false }, { 4, 0, DB_REG_CURRENT, false },
		{ 0, 1, DB_REG_CURRENT, false }, { 0, 2, DB_REG_CURRENT, false },
		{ 0, 3, DB_REG_CURRENT, false }, { 2, 3, DB_REG_CURRENT, false },
		{ 0, 0, DB_REG_ALL, false }, { 0, 0, DB_REG_COMMUNITY, false },
		{ 0, 0, DB_REG_CUSTODY, false }, { 0, 0, DB_REG_EXITED, false },
		{ 0, 0, DB_REG_CURRENT, true }, { 0, 2, DB_REG_EXITED, false },
	};
	char err[512], detail[128];

	for (int c = 0; c < DB_REG_COLUMNS; c++) {
		if (lay && (c == DB_REG_NAME || c == DB_REG_DISTRICT))
			continue;
		for (int desc = 0; desc < 2; desc++) {
			for (size_t k = 0; k < sizeof filters / sizeof *filters;
			     k++) {
				struct regmodel m;
				struct db_reg_query q;
				struct db *db;
				double t0;

				if (db_open(&db, path, user, flags, err,
					    sizeof err) != DB_OK) {
					fprintf(stderr, "bench_register: %s\n",
						err);
					exit(1);
				}
				check(&m, rm_open(&m, db, today, rows));
				q = m.q;
				q.sort = (enum db_reg_column)c;
				q.desc = desc;
				check(&m, rm_set_query(&m, &q));
				q.category = filters[k].cat;
				q.level = filters[k].lvl;
				q.state = (enum db_reg_state)filters[k].state;
				q.overdue = filters[k].overdue;
				snprintf(detail, sizeof detail,
					 "first: category %d level %d status "
					 "%d%s by %s %s", q.category, q.level,
					 (int)q.state,
					 q.overdue ? " overdue" : "", cols[c],
					 desc ? "desc" : "asc");
				t0 = now();
				check(&m, rm_set_query(&m, &q));
				took("filter, first", now() - t0, detail);
				rm_close(&m);
				db_close(db);
			}
		}
	}
}

static void
report(const char *who, int rows)
{
	printf("register keystrokes as %s, %d rows a page (ms: mean, "
	       "worst, count):\n", who, rows);
	for (int i = 0; i < nfigures; i++)
		printf("  %-18s %7.2f %7.2f  %5d\n", figures[i].what,
		       figures[i].sum / figures[i].n, figures[i].max,
		       figures[i].n);
	for (int i = 0; i < nfigures; i++)
		if (strcmp(figures[i].what, "open") == 0)
			printf("register_open_ms %.2f\n", figures[i].max);
	printf("register_worst_ms %.2f (%s)\n", worst, worst_what);
	nfigures = 0;
	memset(figures, 0, sizeof figures);
	worst = 0;
}

int
main(int argc, char **argv)
{
	struct db *db;
	char err[512];
	int rows = argc > 2 ? atoi(argv[2]) : 50;
	mdate today = date_from_ymd(2012, 5, 14);

	if (argc < 2 || rows < 1) {
		fprintf(stderr, "usage: bench_register DB [ROWS]\n");
		return 2;
	}
	if (db_open(&db, argv[1], "bench", DB_OPEN_SYSTEM, err, sizeof err) !=
	    DB_OK) {
		fprintf(stderr, "bench_register: %s\n", err);
		return 1;
	}
	run(db, today, rows, false);
	db_close(db);
	cold(argv[1], "bench", DB_OPEN_SYSTEM, today, rows, false);
	report("an admin", rows);
	/* The demo has a lay adviser: the same, as they see it. */
	if (db_open(&db, argv[1], "lay", 0, err, sizeof err) == DB_OK) {
		run(db, today, rows, true);
		db_close(db);
		cold(argv[1], "lay", 0, today, rows, true);
		report("a lay adviser", rows);
	}
	return 0;
}
