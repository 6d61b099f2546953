/*
 * test_ui_stats.c -- the statistics screen's model (ui/statsmodel.c)
 * without a terminal: the demo area's 2010-11 tables laid out as
 * published, years and the selection moved by keys, Category 4 and the
 * rarer order kinds shown only where counted, the year-on-year view and
 * its bars, and -- for every figure of every year -- the cases listed
 * behind it adding up to the figure itself.
 *
 * The demo area is generated in memory (demo/demo.c) and its histories
 * kept, so that a figure's cases are found exactly as the screen finds
 * them: every history streamed into sm_cases_add().
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "demo/demo.h"
#include "core/util.h"
#include "ui/statsmodel.h"

/* --- histories ---------------------------------------------------------------- */

struct hist {
	struct ev *ev;
	size_t n;
};

struct area {
	struct hist *h; /* offender i has id i + 1 */
	size_t n, cap;
	struct {
		int year;
		int64_t people;
	} pop[64];
	int npop;
};

static int
got_offender(void *ctx, const struct demo_offender *o)
{
	struct area *a = ctx;
	struct hist *h;

	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 1024;
		a->h = realloc(a->h, a->cap * sizeof *a->h);
		assert_non_null(a->h);
	}
	h = &a->h[a->n++];
	h->n = o->nev;
	h->ev = calloc(o->nev ? o->nev : 1, sizeof *h->ev);
	assert_non_null(h->ev);
	for (size_t i = 0; i < o->nev; i++)
		h->ev[i] = o->evs[i].ev;
	return 0;
}

static int
got_population(void *ctx, int year, int64_t people, const char *source)
{
	struct area *a = ctx;

	(void)source;
	assert_true(a->npop < 64);
	a->pop[a->npop].year = year;
	a->pop[a->npop].people = people;
	a->npop++;
	return 0;
}

static struct area *
demo_area(void)
{
	static struct area a;
	struct demo_sink sink = { &a, got_population, got_offender, NULL };

	if (a.n == 0)
		assert_int_equal(demo_generate(0, &sink), 0);
	return &a;
}

static void
area_free(struct area *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->h[i].ev);
	free(a->h);
	memset(a, 0, sizeof *a);
}

/* The model counted over A, as the screen counts on opening, its last
 * complete year LAST. */
static void
count(struct statsmodel *m, const struct area *a, int last)
{
	assert_int_equal(sm_open(m, last), 0);
	for (size_t i = 0; i < a->n; i++)
		sm_add_history(m, a->h[i].ev, a->h[i].n);
	for (int i = 0; i < a->npop; i++)
		sm_set_population(m, a->pop[i].year, a->pop[i].people);
	assert_int_equal(sm_finish(m), 0);
}

/* The cases behind CELL of YEAR, as the screen finds them. */
static void
cases_of(const struct area *a, int year, struct sm_cell cell,
	 struct sm_cases *c)
{
	sm_cases_init(c, year, cell);
	for (size_t i = 0; i < a->n; i++)
		assert_int_equal(sm_cases_add(c, (int64_t)i + 1, a->h[i].ev,
					      a->h[i].n), 0);
}

/* A history built by hand. */
static mdate
day(const char *s)
{
	mdate d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static struct ev
ev(const char *date, int type, int cat, int level, int kind)
{
	return (struct ev){ day(date), (uint8_t)type, (uint8_t)cat,
			    (uint8_t)level, (uint8_t)kind };
}

/* The line of KIND for TABLE, ROW (and COL in the series), or NULL. */
static const struct sm_line *
find_line(const struct statsmodel *m, enum sm_kind kind, int table, int row,
	  int col)
{
	for (int i = 0; i < m->nlines; i++) {
		const struct sm_line *l = &m->line[i];

		if (l->kind == kind && l->table == table && l->row == row &&
		    (kind != SM_SERIES || l->col == col))
			return l;
	}
	return NULL;
}

static void
go_to_year(struct statsmodel *m, int year)
{
	while (m->year > year)
		assert_true(sm_year_step(m, -1));
	while (m->year < year)
		assert_true(sm_year_step(m, 1));
}

/* --- the demo's published year ----------------------------------------------- */

static void
demo__opens_on_the_last_complete_year__category1_register_selected(
	void **state)
{
	struct statsmodel m;

	(void)state;
	count(&m, demo_area(), 2011);
	assert_int_equal(m.year, 2011);
	assert_int_equal(m.last, 2011);
	assert_true(m.first <= 2005);
	assert_false(m.trend);
	assert_int_equal(m.cur.table, SM_SNAPSHOT);
	assert_int_equal(m.cur.row, STATS_ROW_TOTAL);
	assert_int_equal(m.cur.col, STATS_CAT1);
	assert_true(m.cur_line >= 0);
	assert_int_equal(m.line[m.cur_line].kind, SM_ROW);
	sm_close(&m);
}

static void
demo__year_2010__tables_laid_out_as_published(void **state)
{
	struct statsmodel m;
	const struct sm_line *l;
	int cols[STATS_NCOLS];
	static const int level1[] = { 512, 154, STATS_DASH, 666 };
	bool titled = false;

	(void)state;
	count(&m, demo_area(), 2011);
	go_to_year(&m, 2010);
	/* Table 1: Categories 1-3 and Total, no Category 4. */
	assert_int_equal(sm_columns(&m, SM_SNAPSHOT, 2010, cols), 4);
	assert_int_equal(cols[3], STATS_TOTAL);
	l = find_line(&m, SM_ROW, SM_SNAPSHOT, STATS_LEVEL1, 0);
	assert_non_null(l);
	assert_string_equal(l->text, "Level 1");
	for (int i = 0; i < 4; i++)
		assert_int_equal(sm_value(&m, 2010, (struct sm_cell){
					  SM_SNAPSHOT, STATS_LEVEL1, cols[i] }),
				 level1[i]);
	for (int i = 0; i < m.nlines; i++)
		titled |= m.line[i].kind == SM_TITLE &&
		    strcmp(m.line[i].text, "MAPPA-eligible offenders on 31 "
			   "March 2011") == 0;
	assert_true(titled);
	/* Table 2 has no Level 1 row; table 3, 4, 6 the published figures. */
	assert_null(find_line(&m, SM_ROW, SM_YEARLY, STATS_LEVEL1, 0));
	assert_int_equal(sm_value(&m, 2010, (struct sm_cell){ SM_YEARLY,
				  STATS_ROW_TOTAL, STATS_TOTAL }), 129);
	assert_int_equal(sm_value(&m, 2010, (struct sm_cell){ SM_BREACH, 0,
				  0 }), 2);
	assert_int_equal(sm_value(&m, 2010, (struct sm_cell){ SM_ORDERS,
				  ORDER_SOPO, 0 }), 44);
	assert_non_null(find_line(&m, SM_ROW, SM_ORDERS, ORDER_FTO, 0));
	assert_null(find_line(&m, SM_ROW, SM_ORDERS, ORDER_SHPO, 0));
	assert_int_equal(sm_value(&m, 2010, (struct sm_cell){ SM_RSO, 0, 0 }),
			 78);
	/* 5(b): Categories 2 and 3 are dashes. */
	assert_int_equal(sm_value(&m, 2010, (struct sm_cell){ SM_SOPO,
				  STATS_LEVEL2, STATS_CAT2 }), STATS_DASH);
	sm_close(&m);
}

static void
demo__level3_category1_of_2010__two_cases(void **state)
{
	struct area *a = demo_area();
	struct sm_cell cell = { SM_SNAPSHOT, STATS_LEVEL3, STATS_CAT1 };
	struct sm_cases c;
	char buf[160];

	(void)state;
	cases_of(a, 2010, cell, &c);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.total, 2);
	assert_false(c.failed);
	/* Each is, by the rules, at Level 3 in Category 1 on 31 March. */
	for (size_t i = 0; i < c.n; i++) {
		struct stats_contrib k;
		const struct hist *h = &a->h[c.v[i].id - 1];

		stats_classify(h->ev, h->n, 2010, &k);
		assert_int_equal(k.snapshot_row, STATS_LEVEL3);
		assert_int_equal(k.snapshot_col, STATS_CAT1);
	}
	assert_string_equal(sm_cell_key(cell, buf, sizeof buf),
			    "eligible_snapshot level3 cat1");
	assert_string_equal(sm_cell_describe(cell, 2010, buf, sizeof buf),
			    "MAPPA-eligible offenders on 31 March 2011, "
			    "Category 1 at Level 3");
	sm_cases_free(&c);
}

/* Every listable figure of YEAR against the cases found behind it. */
static void
check_year(const struct statsmodel *m, const struct area *a, int year)
{
	for (int t = 0; t < SM_TABLES; t++) {
		int rows[STATS_MROWS + ORDER_KIND_MAX], nr = 0;
		int cols[STATS_MCOLS + STATS_NCOLS];
		int nc = sm_columns(m, t, year, cols);

		if (t == SM_MOVES) {
			for (int r = 0; r < STATS_MROWS; r++)
				rows[nr++] = r;
		} else if (sm_style(t) == SM_STYLE_LEVELS) {
			for (int r = t == SM_SNAPSHOT || t == SM_SFO
					 ? STATS_LEVEL1 : STATS_LEVEL2;
			     r < STATS_NROWS; r++)
				rows[nr++] = r;
		} else if (t == SM_REVIEWS) {
			for (int k = 1; k <= REVIEW_REFUSED; k++)
				rows[nr++] = k;
		} else if (sm_style(t) == SM_STYLE_ORDERS) {
			for (int k = 1; k <= ORDER_KIND_MAX; k++)
				rows[nr++] = k;
		} else {
			rows[nr++] = 0;
		}
		for (int r = 0; r < nr; r++)
			for (int i = 0; i < nc; i++) {
				struct sm_cell cell = { t, rows[r], cols[i] };
				int v = sm_value(m, year, cell);
				struct sm_cases c;

				if (!sm_cell_listable(m, year, cell, NULL))
					continue;
				cases_of(a, year, cell, &c);
				if (c.total != v)
					fail_msg("%d table %d row %d col %d: "
						 "%lld listed, figure %d",
						 year, t, rows[r], cols[i],
						 (long long)c.total, v);
				if (t != SM_ORDERS && t != SM_REVIEWS &&
				    t != SM_MOVES)
					assert_int_equal(c.n, c.total);
				sm_cases_free(&c);
			}
	}
}

static void
demo__every_figure__its_cases_add_up_to_it(void **state)
{
	struct statsmodel m;
	struct area *a = demo_area();

	(void)state;
	count(&m, a, 2011);
	for (int y = m.first; y <= m.last; y++)
		check_year(&m, a, y);
	sm_close(&m);
}

static void
cells__dash_and_rate__not_listable(void **state)
{
	struct statsmodel m;
	const char *why = NULL;

	(void)state;
	count(&m, demo_area(), 2011);
	assert_false(sm_cell_listable(&m, 2010, (struct sm_cell){ SM_SNAPSHOT,
				      STATS_LEVEL1, STATS_CAT3 }, &why));
	assert_non_null(why);
	assert_false(sm_cell_listable(&m, 2010, (struct sm_cell){ SM_SOPO,
				      STATS_ROW_TOTAL, STATS_CAT3 }, NULL));
	assert_false(sm_cell_listable(&m, 2010, (struct sm_cell){ SM_RSO, 0,
				      0 }, &why));
	assert_non_null(strstr(why, "rate"));
	assert_true(sm_cell_listable(&m, 2010, (struct sm_cell){ SM_SNAPSHOT,
				     STATS_ROW_TOTAL, STATS_CAT3 }, NULL));
	sm_close(&m);
}

/* --- moving -------------------------------------------------------------------- */

static void
years__step_within_the_range_only(void **state)
{
	struct statsmodel m;

	(void)state;
	count(&m, demo_area(), 2011);
	assert_false(sm_year_step(&m, 1));
	assert_int_equal(m.year, 2011);
	while (sm_year_step(&m, -1))
		;
	assert_int_equal(m.year, m.first);
	/* The demo starts in 2005: nothing before the first year with
	 * figures is offered. */
	assert_true(m.first >= 2004);
	assert_int_equal(sm_value(&m, m.first - 1, (struct sm_cell){
				  SM_SNAPSHOT, STATS_ROW_TOTAL, STATS_TOTAL }),
			 0);
	sm_close(&m);
}

static void
moves__rows_columns_tables_ends(void **state)
{
	struct statsmodel m;

	(void)state;
	count(&m, demo_area(), 2011);
	/* Up from the Category 1 total: Level 3, same column. */
	assert_true(sm_row_step(&m, -1));
	assert_int_equal(m.cur.row, STATS_LEVEL3);
	assert_int_equal(m.cur.col, STATS_CAT1);
	/* Across: Cat 2, Cat 3, Total, then no further. */
	assert_true(sm_col_step(&m, 1));
	assert_true(sm_col_step(&m, 1));
	assert_true(sm_col_step(&m, 1));
	assert_int_equal(m.cur.col, STATS_TOTAL);
	assert_false(sm_col_step(&m, 1));
	assert_true(sm_col_step(&m, -1));
	assert_int_equal(m.cur.col, STATS_CAT3);
	/* Down past the Total row: table 2's Level 2, the column kept. */
	assert_true(sm_row_step(&m, 1));
	assert_true(sm_row_step(&m, 1));
	assert_int_equal(m.cur.table, SM_YEARLY);
	assert_int_equal(m.cur.row, STATS_LEVEL2);
	assert_int_equal(m.cur.col, STATS_CAT3);
	/* Next table: the one figure of table 3, no columns to move in. */
	assert_true(sm_table_step(&m, 1));
	assert_int_equal(m.cur.table, SM_BREACH);
	assert_false(sm_col_step(&m, 1));
	/* Into the orders and out again to table 5(a): Cat 3 again. */
	assert_true(sm_table_step(&m, 1));
	assert_int_equal(m.cur.table, SM_ORDERS);
	assert_int_equal(m.cur.row, ORDER_SOPO);
	assert_true(sm_table_step(&m, 1));
	assert_int_equal(m.cur.table, SM_LICENCE);
	assert_int_equal(m.cur.col, STATS_CAT3);
	/* The ends. */
	assert_true(sm_end(&m));
	assert_int_equal(m.cur.table, SM_RSO);
	assert_false(sm_row_step(&m, 1));
	assert_false(sm_table_step(&m, 1));
	assert_true(sm_home(&m));
	assert_int_equal(m.cur.table, SM_SNAPSHOT);
	assert_int_equal(m.cur.row, STATS_LEVEL1);
	assert_false(sm_row_step(&m, -1));
	assert_false(sm_home(&m));
	sm_close(&m);
}

/* --- Category 4 and the rarer orders ------------------------------------------ */

static void
cat4__column_only_in_a_year_and_table_that_counts_one(void **state)
{
	struct area a;
	struct statsmodel m;
	struct ev h1[] = {
		ev("2009-06-01", EV_REGISTER, 1, 1, 0),
	};
	struct ev h2[] = {
		ev("2010-06-01", EV_REGISTER, 4, 1, 0),
		ev("2011-06-01", EV_EXIT, 0, 0, EXIT_RISK_REDUCED),
	};
	int cols[STATS_NCOLS];

	(void)state;
	memset(&a, 0, sizeof a);
	a.h = calloc(2, sizeof *a.h);
	assert_non_null(a.h);
	a.h[0] = (struct hist){ h1, 1 };
	a.h[1] = (struct hist){ h2, 2 };
	a.n = 2;
	count(&m, &a, 2012);
	assert_int_equal(m.first, 2009);
	assert_int_equal(sm_columns(&m, SM_SNAPSHOT, 2010, cols), 5);
	assert_int_equal(cols[3], STATS_CAT4);
	assert_int_equal(sm_columns(&m, SM_SNAPSHOT, 2011, cols), 4);
	assert_int_equal(sm_columns(&m, SM_YEARLY, 2010, cols), 4);
	/* The series shows it when any year counts one. */
	assert_int_equal(sm_columns(&m, SM_SNAPSHOT, 0, cols), 5);

	/* Chosen in 2010-11, it falls back to Total in 2011-12 and is
	 * taken again back in 2010-11. */
	go_to_year(&m, 2010);
	sm_home(&m);
	while (m.cur.col != STATS_CAT4)
		assert_true(sm_col_step(&m, 1));
	assert_true(sm_year_step(&m, 1));
	assert_int_equal(m.cur.col, STATS_TOTAL);
	assert_true(sm_year_step(&m, -1));
	assert_int_equal(m.cur.col, STATS_CAT4);
	{
		struct sm_cases c;

		cases_of(&a, 2010, (struct sm_cell){ SM_SNAPSHOT, STATS_LEVEL1,
						     STATS_CAT4 }, &c);
		assert_int_equal(c.n, 1);
		assert_int_equal(c.v[0].id, 2);
		sm_cases_free(&c);
	}
	sm_close(&m);
	free(a.h);
}

static void
orders__rarer_kinds_shown_when_counted__cases_count_orders(void **state)
{
	struct area a;
	struct statsmodel m;
	struct ev h1[] = {
		ev("2014-06-01", EV_REGISTER, 1, 1, 0),
		ev("2015-05-01", EV_ORDER, 0, 0, ORDER_SHPO),
		ev("2015-07-01", EV_ORDER, 0, 0, ORDER_SHPO),
	};
	struct sm_cases c;

	(void)state;
	memset(&a, 0, sizeof a);
	a.h = calloc(1, sizeof *a.h);
	assert_non_null(a.h);
	a.h[0] = (struct hist){ h1, 3 };
	a.n = 1;
	count(&m, &a, 2016);
	go_to_year(&m, 2015);
	assert_non_null(find_line(&m, SM_ROW, SM_ORDERS, ORDER_SHPO, 0));
	assert_null(find_line(&m, SM_ROW, SM_ORDERS, ORDER_SRO, 0));
	go_to_year(&m, 2014);
	assert_null(find_line(&m, SM_ROW, SM_ORDERS, ORDER_SHPO, 0));
	/* One case, two orders. */
	cases_of(&a, 2015, (struct sm_cell){ SM_ORDERS, ORDER_SHPO, 0 }, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.total, 2);
	assert_int_equal(c.v[0].count, 2);
	sm_cases_free(&c);
	sm_close(&m);
	free(a.h);
}

/* Each year in its template; the board's tables on b; the year under
 * way shown, provisional, one step after the last complete one. */
static void
templates_board_and_year_under_way(void **state)
{
	struct area a;
	struct statsmodel m;
	struct ev h1[] = {
		ev("2014-06-01", EV_REGISTER, 1, 2, 0),
		ev("2014-09-01", EV_CUSTODY, 0, 0, CUSTODY_SOPO_BREACH),
		ev("2014-10-01", EV_RELEASE, 0, 0, 0),
		ev("2015-06-01", EV_LEVEL, 0, 3, 0),
		ev("2015-06-01", EV_SFO_CHARGE, 0, 0, 0),
		ev("2015-07-01", EV_CUSTODY, 0, 0, CUSTODY_SHPO_BREACH),
	};
	const struct sm_line *l;
	struct sm_cases c;
	bool summary = false;

	(void)state;
	memset(&a, 0, sizeof a);
	a.h = calloc(1, sizeof *a.h);
	assert_non_null(a.h);
	a.h[0] = (struct hist){ h1, 6 };
	a.n = 1;
	assert_int_equal(sm_open(&m, 2016), 0);
	m.today = day("2016-06-01"); /* 2016-17 is under way */
	sm_add_history(&m, h1, 6);
	assert_int_equal(sm_finish(&m), 0);
	assert_int_equal(m.year, 2015);
	assert_false(sm_provisional(&m, 2015));
	assert_true(sm_provisional(&m, 2016));
	assert_int_equal(sm_template(&m, 2015), STATS_TEMPLATE_2015);
	assert_non_null(find_line(&m, SM_ROW, SM_SHPO, STATS_LEVEL3, 0));
	assert_non_null(find_line(&m, SM_ROW, SM_SRO_BREACH, 0, 0));
	assert_null(find_line(&m, SM_ROW, SM_SOPO, STATS_LEVEL3, 0));
	assert_int_equal(sm_value(&m, 2015, (struct sm_cell){ SM_SHPO,
			 STATS_LEVEL3, STATS_CAT1 }), 1);
	/* Part (b) selected, a year back: the 2010 template's. */
	while (m.cur.table != SM_SHPO)
		assert_true(sm_table_step(&m, 1));
	assert_true(sm_year_step(&m, -1));
	assert_int_equal(m.cur.table, SM_SOPO);
	assert_null(find_line(&m, SM_ROW, SM_SHPO, STATS_LEVEL2, 0));
	assert_null(find_line(&m, SM_ROW, SM_SRO_BREACH, 0, 0));
	assert_int_equal(sm_value(&m, 2014, (struct sm_cell){ SM_SOPO,
			 STATS_LEVEL2, STATS_CAT1 }), 1);
	/* The board's tables, and the movements in words. */
	assert_true(sm_year_step(&m, 1));
	sm_set_board(&m, true);
	assert_int_equal(m.cur.table, SM_MOVES);
	assert_null(find_line(&m, SM_ROW, SM_SNAPSHOT, STATS_LEVEL1, 0));
	assert_non_null(find_line(&m, SM_ROW, SM_MOVES, STATS_M_LEVEL2, 0));
	assert_non_null(find_line(&m, SM_ROW, SM_SFO, STATS_LEVEL3, 0));
	assert_non_null(find_line(&m, SM_ROW, SM_REVIEWS, REVIEW_GRANTED, 0));
	for (int i = 0; i < m.nlines; i++)
		if (m.line[i].kind == SM_SUB && strstr(m.line[i].text,
		    "Up a level: 1   Down a level: 0   Left MAPPA: 0"))
			summary = true;
	assert_true(summary);
	/* Year on year, a movement's line is named as the text output
	 * names it (core/stats.h's short names, not a list of its own). */
	sm_set_trend(&m, true);
	{
		const struct sm_line *ml = find_line(&m, SM_SERIES, SM_MOVES,
						     STATS_M_TOTAL,
						     STATS_M_TOTALCOL);

		assert_non_null(ml);
		assert_string_equal(ml->text, "Total > Total");
	}
	sm_set_trend(&m, false);
	assert_int_equal(m.cur.table, SM_MOVES);
	assert_int_equal(sm_move_direction(STATS_M_LEVEL2, STATS_M_TO3), 1);
	assert_int_equal(sm_move_direction(STATS_M_LEVEL3, STATS_M_TO1), -1);
	assert_int_equal(sm_move_direction(STATS_M_LEVEL1, STATS_M_EXIT), 2);
	assert_int_equal(sm_move_direction(STATS_M_NEW, STATS_M_TO1), 0);
	assert_false(sm_table_step(&m, -1));
	assert_true(sm_table_step(&m, 1));
	assert_int_equal(m.cur.table, SM_SFO);
	cases_of(&a, 2015, (struct sm_cell){ SM_MOVES, STATS_M_LEVEL2,
					     STATS_M_TO3 }, &c);
	assert_int_equal(c.n, 1);
	sm_cases_free(&c);
	cases_of(&a, 2015, (struct sm_cell){ SM_SFO, STATS_LEVEL3,
					     STATS_CAT1 }, &c);
	assert_int_equal(c.n, 1);
	sm_cases_free(&c);
	/* The year under way, one step on. */
	sm_set_board(&m, false);
	assert_true(sm_year_step(&m, 1));
	assert_int_equal(m.year, 2016);
	assert_false(sm_year_step(&m, 1));
	sm_set_trend(&m, true);
	l = NULL;
	for (int i = 0; i < m.nlines; i++)
		if (m.line[i].kind == SM_BAR && m.line[i].year == 2016)
			l = &m.line[i];
	assert_non_null(l);
	assert_string_equal(l->text, "2016-17*");
	sm_close(&m);
	free(a.h);
}

/* --- the year-on-year view ------------------------------------------------------ */

static void
trend__a_bar_per_year_for_the_selected_figure(void **state)
{
	struct statsmodel m;
	const struct sm_line *bar;
	int bars = 0, series = 0;

	(void)state;
	count(&m, demo_area(), 2011);
	sm_set_trend(&m, true);
	for (int i = 0; i < m.nlines; i++) {
		const struct sm_line *l = &m.line[i];

		if (l->kind == SM_BAR) {
			bars++;
			assert_int_equal(l->row, STATS_ROW_TOTAL);
			assert_int_equal(l->col, STATS_CAT1);
		}
		series += l->kind == SM_SERIES;
	}
	assert_int_equal(bars, m.last - m.first + 1);
	assert_int_equal(series, 4 * 4); /* rows x (Cat 1-3, Total) */
	assert_int_equal(m.line[m.cur_line].kind, SM_SERIES);
	/* The register grows: 2010-11's 545 is below 2011-12's maximum. */
	assert_int_equal(sm_value(&m, 2010, m.cur), 545);
	assert_int_equal(sm_chart_max(&m), sm_value(&m, 2011, m.cur));
	/* Up moves to the figure above, and the bars follow it. */
	assert_true(sm_row_step(&m, -1));
	assert_int_equal(m.cur.row, STATS_LEVEL3);
	assert_int_equal(m.cur.col, STATS_TOTAL);
	bar = find_line(&m, SM_BAR, SM_SNAPSHOT, STATS_LEVEL3, 0);
	if (bar == NULL)
		fail_msg("no bar for Level 3");
	else
		assert_int_equal(bar->col, STATS_TOTAL);
	/* Back to the year's tables on the same figure. */
	sm_set_trend(&m, false);
	assert_int_equal(m.cur.row, STATS_LEVEL3);
	assert_int_equal(m.cur.col, STATS_TOTAL);
	assert_int_equal(m.line[m.cur_line].kind, SM_ROW);
	sm_close(&m);
}

static void
bar__blocks_eighths_and_ascii(void **state)
{
	char buf[256];

	(void)state;
	assert_int_equal(sm_bar(buf, sizeof buf, 10, 10, 4, true), 4);
	assert_string_equal(buf, "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88"
			    "\xe2\x96\x88");
	/* Half of 3 columns: one full block and a half block (U+258C). */
	assert_int_equal(sm_bar(buf, sizeof buf, 1, 2, 3, true), 2);
	assert_string_equal(buf, "\xe2\x96\x88\xe2\x96\x8c");
	/* Tiny but not zero: a sliver (U+258F), or one '#'. */
	assert_int_equal(sm_bar(buf, sizeof buf, 1, 100000, 10, true), 1);
	assert_string_equal(buf, "\xe2\x96\x8f");
	assert_int_equal(sm_bar(buf, sizeof buf, 1, 100000, 10, false), 1);
	assert_string_equal(buf, "#");
	assert_int_equal(sm_bar(buf, sizeof buf, 545, 585, 20, false), 19);
	assert_int_equal(strspn(buf, "#"), 19);
	/* Nothing for zero and for a dash; never beyond the buffer. */
	assert_int_equal(sm_bar(buf, sizeof buf, 0, 10, 10, true), 0);
	assert_string_equal(buf, "");
	assert_int_equal(sm_bar(buf, sizeof buf, STATS_DASH, 10, 10, true), 0);
	assert_int_equal(sm_bar(buf, 7, 10, 10, 10, true), 2);
	assert_int_equal(strlen(buf), 6);
}

/* --- the edges ------------------------------------------------------------------- */

static void
empty__no_year_ended__refused(void **state)
{
	struct statsmodel m;

	(void)state;
	assert_int_equal(sm_open(&m, SM_FIRST_YEAR - 1), -1);
	sm_close(&m);
}

static void
empty__no_records__last_year_of_zeros(void **state)
{
	struct area a;
	struct statsmodel m;

	(void)state;
	memset(&a, 0, sizeof a);
	count(&m, &a, 2011);
	assert_int_equal(m.first, 2011);
	assert_int_equal(m.last, 2011);
	assert_int_equal(sm_value(&m, 2011, m.cur), 0);
	assert_int_equal(sm_value(&m, 2011, (struct sm_cell){ SM_RSO, 0, 0 }),
			 STATS_DASH);
	assert_non_null(find_line(&m, SM_NOTE, SM_RSO, 0, 0));
	sm_close(&m);
}

static int
teardown(void **state)
{
	(void)state;
	area_free(demo_area());
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    demo__opens_on_the_last_complete_year__category1_register_selected),
		cmocka_unit_test(demo__year_2010__tables_laid_out_as_published),
		cmocka_unit_test(demo__level3_category1_of_2010__two_cases),
		cmocka_unit_test(demo__every_figure__its_cases_add_up_to_it),
		cmocka_unit_test(cells__dash_and_rate__not_listable),
		cmocka_unit_test(years__step_within_the_range_only),
		cmocka_unit_test(moves__rows_columns_tables_ends),
		cmocka_unit_test(
		    cat4__column_only_in_a_year_and_table_that_counts_one),
		cmocka_unit_test(
		    orders__rarer_kinds_shown_when_counted__cases_count_orders),
		cmocka_unit_test(templates_board_and_year_under_way),
		cmocka_unit_test(trend__a_bar_per_year_for_the_selected_figure),
		cmocka_unit_test(bar__blocks_eighths_and_ascii),
		cmocka_unit_test(empty__no_year_ended__refused),
		cmocka_unit_test(empty__no_records__last_year_of_zeros),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
