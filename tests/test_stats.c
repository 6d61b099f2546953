/*
 * test_stats.c -- the rules of statistics.md, one focused test each, and
 * the output formats of stats_format.c.
 *
 * Histories are built with small helpers (reg(), lvl(), ...) and checked
 * with ev_check_history() before use, so every test history is one the
 * data layer could hold.  A randomised test compares the one-pass
 * classifier with a day-by-day reference written from the rules'
 * wording.  The CSV of the published 2010-11 figures is compared byte
 * for byte with $SPECDIR/demo-2010-11.csv.
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

#include "core/date.h"
#include "core/event.h"
#include "core/stats.h"

/* --- building histories ------------------------------------------------- */

#define HIST_MAX 256

struct hist {
	struct ev ev[HIST_MAX];
	size_t n;
};

static mdate
day(const char *s)
{
	mdate d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void
add(struct hist *h, const char *date, int type, int cat, int level,
    int kind)
{
	assert_true(h->n < HIST_MAX);
	h->ev[h->n++] = (struct ev){ day(date), (uint8_t)type, (uint8_t)cat,
	    (uint8_t)level, (uint8_t)kind };
}

static void
reg(struct hist *h, const char *d, int cat, int level)
{
	add(h, d, EV_REGISTER, cat, level, 0);
}

static void
lvl(struct hist *h, const char *d, int level)
{
	add(h, d, EV_LEVEL, 0, level, 0);
}

static void
cat(struct hist *h, const char *d, int c)
{
	add(h, d, EV_CATEGORY, c, 0, 0);
}

static void
leave(struct hist *h, const char *d)
{
	add(h, d, EV_EXIT, 0, 0, EXIT_REGISTRATION_ENDED);
}

static void
custody(struct hist *h, const char *d, int kind)
{
	add(h, d, EV_CUSTODY, 0, 0, kind);
}

static void
release(struct hist *h, const char *d)
{
	add(h, d, EV_RELEASE, 0, 0, 0);
}

static void
breach(struct hist *h, const char *d)
{
	add(h, d, EV_NOTIFICATION_BREACH, 0, 0, BREACH_CONVICTION);
}

static void
order(struct hist *h, const char *d, int kind)
{
	add(h, d, EV_ORDER, 0, 0, kind);
}

/* H classified for reporting year 2010-11. */
static struct stats_contrib
classify(const struct hist *h)
{
	struct stats_contrib c;
	size_t at;

	assert_null(ev_check_history(h->ev, h->n, &at));
	stats_classify(h->ev, h->n, 2010, &c);
	return c;
}

#define ASSERT_CELL(row, col, r, c) do { \
	assert_int_equal((row), (r)); \
	assert_int_equal((col), (c)); \
} while (0)

/* --- output helpers ----------------------------------------------------- */

/* What stats_write_year (or _series when ST) writes under O, malloc'd. */
static char *
render_year_as(const struct stats_year *y, const char *area, int format,
	       const struct stats_opts *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(stats_write_year(f, y, area,
	    (enum stats_format)format, o), 0);
	fclose(f);
	return buf;
}

static char *
render_year(const struct stats_year *y, const char *area, int format)
{
	return render_year_as(y, area, format, NULL);
}

static char *
render_series_as(const struct stats *st, const char *area, int format,
		 const struct stats_opts *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(stats_write_series(f, st, area,
	    (enum stats_format)format, o), 0);
	fclose(f);
	return buf;
}

static char *
render_series(const struct stats *st, const char *area, int format)
{
	return render_series_as(st, area, format, NULL);
}

static void
assert_contains(const char *hay, const char *needle)
{
	if (strstr(hay, needle) == NULL)
		fail_msg("missing \"%s\" in:\n%s", needle, hay);
}

static void
assert_lacks(const char *hay, const char *needle)
{
	if (strstr(hay, needle) != NULL)
		fail_msg("unexpected \"%s\" in:\n%s", needle, hay);
}

static void
assert_lines_fit(const char *s, size_t width)
{
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);

		if (n > width)
			fail_msg("line longer than %zu: \"%.*s\"", width,
			    (int)n, s);
		s += n + (e != NULL);
	}
}

/* A small JSON checker: returns the end of the value at P, or NULL. */
static const char *json_value(const char *p);

static const char *
json_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

static const char *
json_string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF",
					    p[i]) || p[i] == '\0')
						return NULL;
				p += 4;
			} else if (!strchr("\"\\/bfnrt", *p) || *p == '\0') {
				return NULL;
			}
		}
		p++;
	}
	return p + 1;
}

static const char *
json_value(const char *p)
{
	p = json_ws(p);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';

		p = json_ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;) {
			if (close == '}') {
				if ((p = json_string(json_ws(p))) == NULL)
					return NULL;
				p = json_ws(p);
				if (*p++ != ':')
					return NULL;
			}
			if ((p = json_value(p)) == NULL)
				return NULL;
			p = json_ws(p);
			if (*p == close)
				return p + 1;
			if (*p++ != ',')
				return NULL;
		}
	}
	if (*p == '"')
		return json_string(p);
	if (strncmp(p, "null", 4) == 0 || strncmp(p, "true", 4) == 0)
		return p + 4;
	if (strncmp(p, "false", 5) == 0)
		return p + 5;
	if (*p == '-' || (*p >= '0' && *p <= '9')) {
		p += *p == '-';
		if (*p < '0' || *p > '9')
			return NULL;
		while (*p >= '0' && *p <= '9')
			p++;
		return p;
	}
	return NULL;
}

static void
assert_json(const char *s)
{
	const char *end = json_value(s);

	if (end == NULL || *json_ws(end) != '\0')
		fail_msg("not valid JSON:\n%s", s);
}

/* The published 2010-11 figures (statistics.md), as stats_finish leaves
 * them. */
static struct stats_year
published_2010(void)
{
	static const int snap[4][5] = {
		{ 512, 154, STATS_DASH, 0, 666 },
		{ 31, 22, 5, 0, 58 },
		{ 2, 0, 0, 0, 2 },
		{ 545, 176, 5, 0, 726 },
	};
	static const int yearly[4][5] = {
		{ 0, 0, 0, 0, 0 },
		{ 65, 42, 15, 0, 122 },
		{ 2, 1, 4, 0, 7 },
		{ 67, 43, 19, 0, 129 },
	};
	static const int licence[4][5] = {
		{ 0, 0, 0, 0, 0 },
		{ 3, 8, 1, 0, 12 },
		{ 0, 0, 0, 0, 0 },
		{ 3, 8, 1, 0, 12 },
	};
	static const int sopo[4][5] = {
		{ 0, 0, 0, 0, 0 },
		{ 1, STATS_DASH, STATS_DASH, 0, 1 },
		{ 0, STATS_DASH, STATS_DASH, 0, 0 },
		{ 1, STATS_DASH, STATS_DASH, 0, 1 },
	};
	struct stats_year y;

	memset(&y, 0, sizeof(y));
	y.year = 2010;
	memcpy(y.snapshot, snap, sizeof(snap));
	memcpy(y.yearly, yearly, sizeof(yearly));
	memcpy(y.licence, licence, sizeof(licence));
	memcpy(y.sopo, sopo, sizeof(sopo));
	y.notification_breach = 2;
	y.orders[ORDER_SOPO] = 44;
	y.orders[ORDER_NO] = 4;
	y.orders[ORDER_FTO] = 0;
	y.population = 698000;
	y.rso_per_100k = 78;
	return y;
}

static char *
read_spec(const char *name)
{
	const char *dir = getenv("SPECDIR");
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "tests/spec",
	    name);
	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("cannot open %s", path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* A finished accumulator for 2010-11 holding the histories H[0..N). */
static struct stats *
accumulate(const struct hist *h, size_t n, int64_t population)
{
	struct stats *st = stats_new(2010, 2010);

	assert_non_null(st);
	for (size_t i = 0; i < n; i++) {
		assert_null(ev_check_history(h[i].ev, h[i].n, NULL));
		stats_add_history(st, h[i].ev, h[i].n);
	}
	if (population > 0)
		stats_set_population(st, 2010, population);
	stats_finish(st);
	return st;
}

/* --- table 1: the snapshot ---------------------------------------------- */

static void
snapshot__registered_before_year__counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2005-06-01", 2, 1);
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, STATS_LEVEL1, STATS_CAT2);
}

static void
snapshot__exit_on_31_march__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2008-01-10", 1, 1);
	leave(&h, "2011-03-31");
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, -1, -1);
}

static void
snapshot__exit_on_1_april__counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2008-01-10", 1, 1);
	leave(&h, "2011-04-01");
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, STATS_LEVEL1, STATS_CAT1);
}

static void
snapshot__registration_on_31_march__counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2011-03-31", 1, 2);
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, STATS_LEVEL2, STATS_CAT1);
}

static void
snapshot__registration_on_1_april_after__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2011-04-01", 1, 2);
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, -1, -1);
}

static void
snapshot__several_events_one_day__end_of_day_state(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 1, 1);
	lvl(&h, "2011-03-31", 2);
	cat(&h, "2011-03-31", 3);
	lvl(&h, "2011-03-31", 3);
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, STATS_LEVEL3, STATS_CAT3);
}

static void
snapshot__exit_and_register_same_day__counted_as_new(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 1, 1);
	leave(&h, "2011-03-31");
	reg(&h, "2011-03-31", 2, 2);
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, STATS_LEVEL2, STATS_CAT2);
}

static void
snapshot__custody_across_31_march__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 2, 2);
	custody(&h, "2011-02-01", CUSTODY_NEW_SENTENCE);
	release(&h, "2011-05-01");
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, -1, -1);
}

static void
snapshot__custody_on_31_march__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 2, 2);
	custody(&h, "2011-03-31", CUSTODY_REMAND);
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, -1, -1);
}

static void
snapshot__released_on_31_march__counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 2, 1);
	custody(&h, "2010-12-01", CUSTODY_REMAND);
	release(&h, "2011-03-31");
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, STATS_LEVEL1, STATS_CAT2);
}

static void
snapshot__custody_before_registration__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	custody(&h, "2008-01-01", CUSTODY_NEW_SENTENCE);
	reg(&h, "2010-06-01", 1, 1); /* registered while still inside */
	c = classify(&h);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, -1, -1);
}

/* --- table 2: the yearly Level 2 and 3 total ---------------------------- */

static void
yearly__level1_only__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 1, 1);
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, -1, -1);
}

static void
yearly__highest_level__counted_once(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	reg(&h, "2009-01-01", 2, 2);
	lvl(&h, "2010-06-01", 3);
	lvl(&h, "2010-09-01", 2);
	lvl(&h, "2010-12-01", 1);
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, STATS_LEVEL3, STATS_CAT2);

	st = accumulate(&h, 1, 0);
	y = stats_get(st, 2010);
	assert_int_equal(y->yearly[STATS_LEVEL2][STATS_CAT2], 0);
	assert_int_equal(y->yearly[STATS_LEVEL3][STATS_CAT2], 1);
	assert_int_equal(y->yearly[STATS_ROW_TOTAL][STATS_TOTAL], 1);
	stats_free(st);
}

static void
yearly__state_before_year_carried_in__counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 1, 3);
	lvl(&h, "2010-04-02", 1); /* at Level 3 at the end of 1 April */
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, STATS_LEVEL3, STATS_CAT1);
}

static void
yearly__exit_on_1_april__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 1, 3);
	leave(&h, "2010-04-01");
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, -1, -1);
}

static void
yearly__level2_then_level1_same_day__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2010-07-01", 2, 2);
	lvl(&h, "2010-07-01", 1);
	lvl(&h, "2010-10-01", 3);
	lvl(&h, "2010-10-01", 1);
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, -1, -1);
}

static void
yearly__level2_on_31_march__counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 2, 1);
	lvl(&h, "2011-03-31", 2);
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, STATS_LEVEL2, STATS_CAT2);
}

static void
yearly__level3_on_1_april_after__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 2, 2);
	lvl(&h, "2011-04-01", 3);
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, STATS_LEVEL2, STATS_CAT2);
}

static void
yearly__category_at_last_day_at_highest_level(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 2, 3);
	cat(&h, "2010-08-01", 3);  /* still Level 3 */
	lvl(&h, "2010-11-01", 2);  /* last day at Level 3: 31 October */
	cat(&h, "2010-11-01", 1);  /* same day: not at Level 3 any more */
	lvl(&h, "2011-01-01", 1);
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, STATS_LEVEL3, STATS_CAT3);
}

static void
yearly__return_to_highest_level__latest_category(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2010-05-01", 1, 2);
	lvl(&h, "2010-06-01", 1);
	cat(&h, "2010-07-01", 2);
	lvl(&h, "2010-08-01", 2); /* back at Level 2 as Category 2 */
	leave(&h, "2010-09-01");
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, STATS_LEVEL2, STATS_CAT2);
}

static void
yearly__custody_does_not_matter(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	custody(&h, "2009-01-01", CUSTODY_NEW_SENTENCE);
	reg(&h, "2009-02-01", 4, 3);
	c = classify(&h);
	ASSERT_CELL(c.yearly_row, c.yearly_col, STATS_LEVEL3, STATS_CAT4);
	ASSERT_CELL(c.snapshot_row, c.snapshot_col, -1, -1);
}

/* --- tables 3 and 4 ----------------------------------------------------- */

static void
breach__distinct_offenders_in_year(void **state)
{
	struct hist h[3] = { { .n = 0 }, { .n = 0 }, { .n = 0 } };
	struct stats *st;

	(void)state;
	reg(&h[0], "2009-01-01", 1, 1);
	breach(&h[0], "2010-04-01");
	breach(&h[0], "2010-05-01");
	breach(&h[1], "2011-03-31"); /* not registered: still counted */
	breach(&h[2], "2010-03-31"); /* the year before */
	breach(&h[2], "2011-04-01"); /* the year after */
	assert_int_equal(classify(&h[0]).notification_breach, 1);
	assert_int_equal(classify(&h[2]).notification_breach, 0);
	st = accumulate(h, 3, 0);
	assert_int_equal(stats_get(st, 2010)->notification_breach, 2);
	stats_free(st);
}

static void
orders__counted_by_kind_in_year(void **state)
{
	struct hist h[2] = { { .n = 0 }, { .n = 0 } };
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	reg(&h[0], "2009-01-01", 2, 1); /* whatever the category */
	order(&h[0], "2010-04-01", ORDER_SOPO);
	order(&h[0], "2010-04-01", ORDER_SOPO);
	order(&h[0], "2011-03-31", ORDER_NO);
	order(&h[0], "2011-04-01", ORDER_FTO);
	order(&h[1], "2010-03-31", ORDER_FTO);
	order(&h[1], "2010-10-10", ORDER_RSHO);
	assert_int_equal(classify(&h[0]).orders[ORDER_SOPO], 2);
	st = accumulate(h, 2, 0);
	y = stats_get(st, 2010);
	assert_int_equal(y->orders[ORDER_SOPO], 2);
	assert_int_equal(y->orders[ORDER_NO], 1);
	assert_int_equal(y->orders[ORDER_FTO], 0);
	assert_int_equal(y->orders[ORDER_RSHO], 1);
	assert_int_equal(y->orders[ORDER_SHPO], 0);
	stats_free(st);
}

/* --- table 5: returns to custody ---------------------------------------- */

static void
custody__first_qualifying_event_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 2, 2);
	custody(&h, "2010-05-01", CUSTODY_LICENCE_BREACH);
	release(&h, "2010-06-01");
	lvl(&h, "2010-07-01", 3);
	cat(&h, "2010-07-01", 1);
	custody(&h, "2010-08-01", CUSTODY_LICENCE_BREACH);
	c = classify(&h);
	ASSERT_CELL(c.licence_row, c.licence_col, STATS_LEVEL2, STATS_CAT2);
}

static void
custody__recall_at_level1__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 1, 1);
	custody(&h, "2010-05-01", CUSTODY_LICENCE_BREACH);
	c = classify(&h);
	ASSERT_CELL(c.licence_row, c.licence_col, -1, -1);

	/* A later qualifying recall is the first qualifying one. */
	release(&h, "2010-06-01");
	lvl(&h, "2010-07-01", 3);
	custody(&h, "2010-08-01", CUSTODY_LICENCE_BREACH);
	c = classify(&h);
	ASSERT_CELL(c.licence_row, c.licence_col, STATS_LEVEL3, STATS_CAT1);
}

static void
custody__level_raised_same_day__counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 2, 1);
	custody(&h, "2010-05-01", CUSTODY_LICENCE_BREACH);
	lvl(&h, "2010-05-01", 2); /* end of the day: Level 2 */
	c = classify(&h);
	ASSERT_CELL(c.licence_row, c.licence_col, STATS_LEVEL2, STATS_CAT2);
}

static void
custody__exit_same_day__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 2, 3);
	custody(&h, "2010-05-01", CUSTODY_LICENCE_BREACH);
	leave(&h, "2010-05-01");
	c = classify(&h);
	ASSERT_CELL(c.licence_row, c.licence_col, -1, -1);
}

static void
custody__not_registered__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	custody(&h, "2010-05-01", CUSTODY_LICENCE_BREACH);
	c = classify(&h);
	ASSERT_CELL(c.licence_row, c.licence_col, -1, -1);
}

static void
custody__outside_year__not_counted(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 1, 2);
	custody(&h, "2010-03-31", CUSTODY_LICENCE_BREACH);
	release(&h, "2010-04-01");
	custody(&h, "2011-04-01", CUSTODY_SOPO_BREACH);
	c = classify(&h);
	ASSERT_CELL(c.licence_row, c.licence_col, -1, -1);
	ASSERT_CELL(c.sopo_row, c.sopo_col, -1, -1);
}

static void
custody__sopo_breach_category1_only(void **state)
{
	struct hist h[2] = { { .n = 0 }, { .n = 0 } };
	struct stats_contrib c;
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	reg(&h[0], "2009-01-01", 2, 2);
	custody(&h[0], "2010-05-01", CUSTODY_SOPO_BREACH);
	c = classify(&h[0]);
	ASSERT_CELL(c.sopo_row, c.sopo_col, -1, -1);
	ASSERT_CELL(c.licence_row, c.licence_col, -1, -1);

	reg(&h[1], "2009-01-01", 1, 3);
	custody(&h[1], "2010-05-01", CUSTODY_SOPO_BREACH);
	c = classify(&h[1]);
	ASSERT_CELL(c.sopo_row, c.sopo_col, STATS_LEVEL3, STATS_CAT1);
	ASSERT_CELL(c.licence_row, c.licence_col, -1, -1);

	st = accumulate(h, 2, 0);
	y = stats_get(st, 2010);
	assert_int_equal(y->sopo[STATS_LEVEL3][STATS_CAT1], 1);
	assert_int_equal(y->sopo[STATS_LEVEL2][STATS_CAT2], STATS_DASH);
	assert_int_equal(y->sopo[STATS_ROW_TOTAL][STATS_CAT3], STATS_DASH);
	assert_int_equal(y->sopo[STATS_ROW_TOTAL][STATS_TOTAL], 1);
	stats_free(st);
}

static void
custody__both_kinds__counted_once_in_each(void **state)
{
	struct hist h = { .n = 0 };
	struct stats_contrib c;

	(void)state;
	reg(&h, "2009-01-01", 1, 2);
	custody(&h, "2010-05-01", CUSTODY_SOPO_BREACH);
	release(&h, "2010-05-01");
	custody(&h, "2010-05-01", CUSTODY_LICENCE_BREACH);
	release(&h, "2010-06-01");
	lvl(&h, "2010-07-01", 3);
	custody(&h, "2010-08-01", CUSTODY_SOPO_BREACH);
	c = classify(&h);
	ASSERT_CELL(c.licence_row, c.licence_col, STATS_LEVEL2, STATS_CAT1);
	ASSERT_CELL(c.sopo_row, c.sopo_col, STATS_LEVEL2, STATS_CAT1);
}

/* --- totals, dashes, Category 4, table 6 -------------------------------- */

static void
finish__totals_are_sums_and_dashes(void **state)
{
	struct hist h[4] = { { .n = 0 }, { .n = 0 }, { .n = 0 }, { .n = 0 } };
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	reg(&h[0], "2009-01-01", 1, 1);
	reg(&h[1], "2009-01-01", 2, 2);
	reg(&h[2], "2009-01-01", 3, 2);
	reg(&h[3], "2009-01-01", 3, 3);
	st = accumulate(h, 4, 0);
	y = stats_get(st, 2010);
	assert_int_equal(y->snapshot[STATS_LEVEL1][STATS_CAT3], STATS_DASH);
	assert_int_equal(y->snapshot[STATS_LEVEL1][STATS_TOTAL], 1);
	assert_int_equal(y->snapshot[STATS_ROW_TOTAL][STATS_CAT3], 2);
	assert_int_equal(y->snapshot[STATS_ROW_TOTAL][STATS_TOTAL], 4);
	assert_int_equal(y->yearly[STATS_ROW_TOTAL][STATS_CAT3], 2);
	assert_int_equal(y->yearly[STATS_LEVEL2][STATS_TOTAL], 2);
	assert_int_equal(y->yearly[STATS_ROW_TOTAL][STATS_TOTAL], 3);
	assert_int_equal(y->licence[STATS_ROW_TOTAL][STATS_TOTAL], 0);
	assert_int_equal(y->sopo[STATS_LEVEL2][STATS_CAT3], STATS_DASH);
	assert_int_equal(y->rso_per_100k, STATS_DASH);
	stats_free(st);
}

static void
cat4__column_appears_and_disappears(void **state)
{
	struct hist h[2] = { { .n = 0 }, { .n = 0 } };
	struct stats *st;
	char *csv, *text, *md;

	(void)state;
	reg(&h[0], "2009-01-01", 1, 1);
	st = accumulate(h, 1, 0);
	csv = render_year(stats_get(st, 2010), "A", STATS_CSV);
	text = render_year(stats_get(st, 2010), "A", STATS_TEXT);
	assert_lacks(csv, "cat4");
	assert_lacks(text, "Cat 4");
	assert_lacks(text, "Category 4");
	free(csv);
	free(text);
	stats_free(st);

	/* A Category 4 offender at Level 1: in the snapshot only. */
	reg(&h[1], "2009-01-01", 4, 1);
	st = accumulate(h, 2, 0);
	assert_int_equal(stats_get(st, 2010)->snapshot[STATS_LEVEL1]
	    [STATS_CAT4], 1);
	csv = render_year(stats_get(st, 2010), "A", STATS_CSV);
	assert_contains(csv, "eligible_snapshot,level1,cat3,-\n"
	    "eligible_snapshot,level1,cat4,1\n"
	    "eligible_snapshot,level1,total,2\n");
	assert_contains(csv, "eligible_snapshot,total,cat4,1\n");
	assert_lacks(csv, "level23_yearly,level2,cat4");
	assert_lacks(csv, "custody_licence_breach,level2,cat4");
	text = render_year(stats_get(st, 2010), "A", STATS_TEXT);
	assert_contains(text, "Cat 4");
	assert_contains(text, "Category 4: Terrorist");
	md = render_year(stats_get(st, 2010), "A", STATS_MARKDOWN);
	assert_contains(md, "| Level 1 | 1 | 0 | - | 1 | 2 |");
	assert_contains(md, "| Level 2 | 0 | 0 | 0 | 0 |");
	free(csv);
	free(text);
	free(md);
	stats_free(st);
}

static void
per_100k__half_rounds_up(void **state)
{
	struct hist h[3] = { { .n = 0 }, { .n = 0 }, { .n = 0 } };
	struct stats *st;

	(void)state;
	for (int i = 0; i < 3; i++)
		reg(&h[i], "2009-01-01", 1, 1);
	/* 3 x 100,000 / 40,000 = 7.5 exactly */
	st = accumulate(h, 3, 40000);
	assert_int_equal(stats_get(st, 2010)->rso_per_100k, 8);
	stats_free(st);
	/* 300,000 / 40,001 = 7.4998... */
	st = accumulate(h, 3, 40001);
	assert_int_equal(stats_get(st, 2010)->rso_per_100k, 7);
	stats_free(st);
	/* 300,000 / 39,999 = 7.5001... */
	st = accumulate(h, 3, 39999);
	assert_int_equal(stats_get(st, 2010)->rso_per_100k, 8);
	stats_free(st);
}

static void
per_100k__only_category1_of_snapshot(void **state)
{
	struct hist h[3] = { { .n = 0 }, { .n = 0 }, { .n = 0 } };
	struct stats *st;

	(void)state;
	reg(&h[0], "2009-01-01", 1, 3);
	reg(&h[1], "2009-01-01", 2, 1);  /* not Category 1 */
	reg(&h[2], "2009-01-01", 1, 1);
	custody(&h[2], "2011-01-01", CUSTODY_REMAND); /* not in table 1 */
	st = accumulate(h, 3, 100000);
	assert_int_equal(stats_get(st, 2010)->rso_per_100k, 1);
	stats_free(st);
}

static void
per_100k__no_population__dash(void **state)
{
	struct hist h = { .n = 0 };
	struct stats *st;
	char *csv, *text, *json;

	(void)state;
	reg(&h, "2009-01-01", 1, 1);
	st = stats_new(2010, 2010);
	assert_non_null(st);
	stats_add_history(st, h.ev, h.n);
	stats_set_population(st, 2011, 500000); /* another year */
	stats_finish(st);
	assert_int_equal(stats_get(st, 2010)->population, 0);
	assert_int_equal(stats_get(st, 2010)->rso_per_100k, STATS_DASH);
	csv = render_year(stats_get(st, 2010), "A", STATS_CSV);
	assert_contains(csv, "\nrso_per_100k,count,value,-\n");
	text = render_year(stats_get(st, 2010), "A", STATS_TEXT);
	assert_contains(text, "No mid-2010 population");
	json = render_year(stats_get(st, 2010), "A", STATS_JSON);
	assert_contains(json, "\"rso_per_100k\": null");
	assert_contains(json, "\"population\": null");
	free(csv);
	free(text);
	free(json);
	stats_free(st);
}

/* --- accumulator -------------------------------------------------------- */

static void
stats_new__bad_range__null(void **state)
{
	struct stats *st;

	(void)state;
	assert_null(stats_new(2011, 2010));
	st = stats_new(2006, 2011);
	assert_non_null(st);
	assert_int_equal(stats_first(st), 2006);
	assert_int_equal(stats_last(st), 2011);
	assert_null(stats_get(st, 2005));
	assert_null(stats_get(st, 2012));
	assert_int_equal(stats_get(st, 2008)->year, 2008);
	stats_free(st);
	stats_free(NULL);
}

static void
merge__two_areas__sums_counts_and_population(void **state)
{
	struct hist h[2] = { { .n = 0 }, { .n = 0 } };
	struct stats *a, *b;
	const struct stats_year *y;

	(void)state;
	reg(&h[0], "2009-01-01", 1, 2);
	custody(&h[0], "2009-06-01", CUSTODY_LICENCE_BREACH);
	breach(&h[0], "2009-07-01");
	release(&h[0], "2009-08-01");
	order(&h[0], "2010-07-01", ORDER_SHPO);
	reg(&h[1], "2009-01-01", 1, 1);
	a = stats_new(2009, 2010);
	b = stats_new(2009, 2010);
	assert_non_null(a);
	assert_non_null(b);
	stats_add_history(a, h[0].ev, h[0].n);
	stats_add_history(b, h[1].ev, h[1].n);
	stats_add_history(b, h[0].ev, h[0].n);
	stats_set_population(a, 2009, 100000);
	stats_set_population(b, 2009, 200000);
	stats_set_population(a, 2010, 100000); /* b has none for 2010 */
	stats_finish(b); /* merging a finished accumulator is harmless */
	assert_int_equal(stats_merge(a, b), 0);
	stats_finish(a);

	y = stats_get(a, 2009);
	assert_int_equal(y->snapshot[STATS_LEVEL2][STATS_CAT1], 2);
	assert_int_equal(y->snapshot[STATS_LEVEL1][STATS_CAT1], 1);
	assert_int_equal(y->snapshot[STATS_LEVEL1][STATS_CAT3], STATS_DASH);
	assert_int_equal(y->snapshot[STATS_ROW_TOTAL][STATS_TOTAL], 3);
	assert_int_equal(y->licence[STATS_LEVEL2][STATS_CAT1], 2);
	assert_int_equal(y->sopo[STATS_LEVEL2][STATS_CAT2], STATS_DASH);
	assert_int_equal(y->notification_breach, 2);
	assert_int_equal(y->population, 300000);
	assert_int_equal(y->rso_per_100k, 1); /* 3 per 300,000 */

	y = stats_get(a, 2010);
	assert_int_equal(y->orders[ORDER_SHPO], 2);
	assert_int_equal(y->population, 0);
	assert_int_equal(y->rso_per_100k, STATS_DASH);
	stats_free(a);
	stats_free(b);
}

static void
merge__different_ranges__refused(void **state)
{
	struct stats *a = stats_new(2009, 2010), *b = stats_new(2009, 2011);

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(stats_merge(a, b), -1);
	stats_free(a);
	stats_free(b);
}

static void
range__histories_span_years__each_year_right(void **state)
{
	struct hist h = { .n = 0 };
	struct stats *st;

	(void)state;
	reg(&h, "2006-05-01", 1, 1);
	lvl(&h, "2008-04-01", 2);
	custody(&h, "2009-01-01", CUSTODY_LICENCE_BREACH);
	release(&h, "2009-06-01");
	leave(&h, "2012-03-31");
	st = stats_new(2005, 2013);
	assert_non_null(st);
	stats_add_history(st, h.ev, h.n);
	stats_finish(st);
	assert_int_equal(stats_get(st, 2005)->snapshot[3][4], 0);
	assert_int_equal(stats_get(st, 2006)->snapshot[STATS_LEVEL1][0], 1);
	assert_int_equal(stats_get(st, 2007)->snapshot[STATS_LEVEL1][0], 1);
	assert_int_equal(stats_get(st, 2007)->yearly[3][4], 0);
	assert_int_equal(stats_get(st, 2008)->snapshot[3][4], 0); /* inside */
	assert_int_equal(stats_get(st, 2008)->yearly[STATS_LEVEL2][0], 1);
	assert_int_equal(stats_get(st, 2008)->licence[STATS_LEVEL2][0], 1);
	assert_int_equal(stats_get(st, 2009)->snapshot[STATS_LEVEL2][0], 1);
	assert_int_equal(stats_get(st, 2010)->snapshot[STATS_LEVEL2][0], 1);
	assert_int_equal(stats_get(st, 2011)->snapshot[3][4], 0);
	assert_int_equal(stats_get(st, 2011)->yearly[STATS_LEVEL2][0], 1);
	assert_int_equal(stats_get(st, 2012)->yearly[3][4], 0);
	assert_int_equal(stats_get(st, 2013)->snapshot[3][4], 0);
	stats_free(st);
}

/*
 * The reference: the rules' wording, applied day by day.  Slow and
 * plain; the classifier must agree with it on random histories.
 */
static void
reference(const struct hist *h, int year, struct stats_contrib *c)
{
	mdate p0 = report_year_start(year), p1 = report_year_end(year);
	struct ev_state st = { 0 };
	size_t i = 0;

	memset(c, 0, sizeof(*c));
	c->snapshot_row = c->snapshot_col = c->yearly_row = -1;
	c->yearly_col = c->licence_row = c->licence_col = -1;
	c->sopo_row = c->sopo_col = -1;
	c->shpo_row = c->shpo_col = c->sfo_row = c->sfo_col = -1;
	while (i < h->n && h->ev[i].date < p0)
		assert_null(ev_apply(&st, &h->ev[i++]));
	for (mdate d = p0; d <= p1; d++) {
		size_t from = i;
		struct ev_state pre = st; /* just before each event */

		while (i < h->n && h->ev[i].date == d)
			assert_null(ev_apply(&st, &h->ev[i++]));
		for (size_t k = from; k < i; k++) {
			const struct ev *e = &h->ev[k];

			/* Movements: against the state just before E, the
			 * day's earlier events included. */
			if (e->type == EV_REGISTER)
				c->moves[STATS_M_NEW][e->level - 1]++;
			if (e->type == EV_LEVEL && e->level != pre.level)
				c->moves[pre.level][e->level - 1]++;
			if (e->type == EV_EXIT)
				c->moves[pre.level][STATS_M_EXIT]++;
			assert_null(ev_apply(&pre, e));

			if (e->type == EV_REGISTER &&
			    e->kind == REGISTER_SRO_BREACH)
				c->sro_breach = 1;
			if (e->type == EV_NOTIFICATION_REVIEW)
				c->reviews[e->kind]++;
			if (e->type == EV_SFO_CHARGE && st.registered &&
			    c->sfo_row < 0) {
				c->sfo_row = st.level - 1;
				c->sfo_col = st.category - 1;
			}
			if (e->type == EV_NOTIFICATION_BREACH)
				c->notification_breach = 1;
			if (e->type == EV_ORDER)
				c->orders[e->kind]++;
			if (e->type != EV_CUSTODY || !st.registered ||
			    st.level < 2)
				continue;
			if ((e->kind == CUSTODY_SHPO_BREACH ||
			     e->kind == CUSTODY_SOPO_BREACH) &&
			    st.category == 1 && c->shpo_row < 0) {
				c->shpo_row = st.level - 1;
				c->shpo_col = 0;
			}
			if (e->kind == CUSTODY_LICENCE_BREACH &&
			    c->licence_row < 0) {
				c->licence_row = st.level - 1;
				c->licence_col = st.category - 1;
			}
			if (e->kind == CUSTODY_SOPO_BREACH &&
			    st.category == 1 && c->sopo_row < 0) {
				c->sopo_row = st.level - 1;
				c->sopo_col = 0;
			}
		}
		if (st.registered && st.level >= 2 &&
		    st.level - 1 >= c->yearly_row) {
			c->yearly_row = st.level - 1;
			c->yearly_col = st.category - 1;
		}
		if (d == p1 && st.registered && !st.in_custody) {
			c->snapshot_row = st.level - 1;
			c->snapshot_col = st.category - 1;
		}
	}
}

static uint32_t rng_state = 12345;

static uint32_t
rng(uint32_t n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 8) % n;
}

/* A random valid history around 2008-2013, rich in boundary dates. */
static void
random_history(struct hist *h)
{
	static const char *const edges[] = {
		"2009-03-31", "2009-04-01", "2010-03-31", "2010-04-01",
		"2011-03-31", "2011-04-01", "2012-03-31", "2012-04-01",
	};
	struct ev_state st = { 0 };
	mdate d = day("2007-06-01") + (mdate)rng(700);
	int tries = 0;

	h->n = 0;
	while (h->n < 40 && tries++ < 200) {
		struct ev e = { 0 };

		switch (rng(4)) {
		case 0:
			break; /* same day */
		case 1: {
			mdate x = day(edges[rng((uint32_t)(sizeof(edges) / sizeof(edges[0])))]);

			if (x > d)
				d = x;
			break;
		}
		default:
			d += (mdate)rng(200);
		}
		if (d > day("2013-12-31"))
			break;
		e.date = d;
		e.type = (uint8_t)rng(EV_TYPE_COUNT);
		if (ev_needs_category(e.type))
			e.category = (uint8_t)(1 + rng(4));
		if (ev_needs_level(e.type))
			e.level = (uint8_t)(1 + rng(3));
		if (ev_needs_kind(e.type))
			e.kind = (uint8_t)(1 + rng((uint32_t)ev_kind_count(
			    e.type)));
		else if (ev_takes_kind(e.type)) /* register: or none */
			e.kind = (uint8_t)rng((uint32_t)ev_kind_count(e.type) +
			    1);
		if (e.type == EV_CUSTODY && rng(2))
			e.kind = (uint8_t)(1 + rng(3)); /* mostly breaches */
		if (ev_apply(&st, &e) == NULL)
			h->ev[h->n++] = e;
	}
}

static int
contrib_equal(const struct stats_contrib *a, const struct stats_contrib *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

static void
classify__random_histories__match_day_by_day_reference(void **state)
{
	enum { N = 600, FIRST = 2008, LAST = 2012 };
	static struct hist h[N];
	struct stats *st = stats_new(FIRST, LAST);
	struct stats_year expect[LAST - FIRST + 1];

	(void)state;
	assert_non_null(st);
	memset(expect, 0, sizeof(expect));
	for (int i = 0; i < N; i++) {
		random_history(&h[i]);
		assert_null(ev_check_history(h[i].ev, h[i].n, NULL));
		stats_add_history(st, h[i].ev, h[i].n);
		for (int y = FIRST; y <= LAST; y++) {
			struct stats_contrib got, want;
			struct stats_year *e = &expect[y - FIRST];

			stats_classify(h[i].ev, h[i].n, y, &got);
			reference(&h[i], y, &want);
			if (!contrib_equal(&got, &want))
				fail_msg("history %d, year %d differs", i, y);
			if (want.snapshot_row >= 0)
				e->snapshot[want.snapshot_row]
				    [want.snapshot_col]++;
			if (want.yearly_row >= 0)
				e->yearly[want.yearly_row][want.yearly_col]++;
			if (want.licence_row >= 0)
				e->licence[want.licence_row]
				    [want.licence_col]++;
			if (want.sopo_row >= 0)
				e->sopo[want.sopo_row][want.sopo_col]++;
			if (want.shpo_row >= 0)
				e->shpo[want.shpo_row][want.shpo_col]++;
			if (want.sfo_row >= 0)
				e->sfo[want.sfo_row][want.sfo_col]++;
			e->notification_breach += want.notification_breach;
			e->sro_breach += want.sro_breach;
			for (int k = 1; k <= ORDER_KIND_MAX; k++)
				e->orders[k] += want.orders[k];
			for (int k = 1; k <= REVIEW_REFUSED; k++)
				e->reviews[k] += want.reviews[k];
			for (int r = 0; r < STATS_MROWS; r++)
				for (int c = 0; c < STATS_MCOLS; c++)
					e->moves[r][c] += want.moves[r][c];
		}
	}
	stats_finish(st);
	for (int y = FIRST; y <= LAST; y++) {
		const struct stats_year *g = stats_get(st, y);
		const struct stats_year *e = &expect[y - FIRST];

		for (int r = STATS_LEVEL1; r <= STATS_LEVEL3; r++)
			for (int c = STATS_CAT1; c <= STATS_CAT4; c++) {
				if (g->snapshot[r][c] != STATS_DASH)
					assert_int_equal(g->snapshot[r][c],
					    e->snapshot[r][c]);
				assert_int_equal(g->yearly[r][c],
				    e->yearly[r][c]);
				assert_int_equal(g->licence[r][c],
				    e->licence[r][c]);
				if (g->sopo[r][c] != STATS_DASH)
					assert_int_equal(g->sopo[r][c],
					    e->sopo[r][c]);
				if (g->shpo[r][c] != STATS_DASH)
					assert_int_equal(g->shpo[r][c],
					    e->shpo[r][c]);
				if (g->sfo[r][c] != STATS_DASH)
					assert_int_equal(g->sfo[r][c],
					    e->sfo[r][c]);
			}
		/* The movements: every cell, the dashes empty in the
		 * reference, the totals the sums of the numbers. */
		{
			int sum = 0;

			for (int r = STATS_M_NEW; r <= STATS_M_LEVEL3; r++) {
				int row = 0;

				for (int c = STATS_M_TO1; c <= STATS_M_EXIT;
				     c++) {
					bool dash = (r == STATS_M_NEW &&
					    c == STATS_M_EXIT) ||
					    (r >= STATS_M_LEVEL1 &&
					    c == r - STATS_M_LEVEL1);

					assert_int_equal(dash ? 0
					    : g->moves[r][c], e->moves[r][c]);
					assert_int_equal(dash,
					    g->moves[r][c] == STATS_DASH);
					row += dash ? 0 : e->moves[r][c];
				}
				assert_int_equal(g->moves[r][STATS_M_TOTALCOL],
				    row);
				sum += row;
			}
			assert_int_equal(g->moves[STATS_M_TOTAL]
			    [STATS_M_TOTALCOL], sum);
		}
		assert_int_equal(g->sro_breach, e->sro_breach);
		for (int k = 1; k <= REVIEW_REFUSED; k++)
			assert_int_equal(g->reviews[k], e->reviews[k]);
		assert_int_equal(g->snapshot[STATS_LEVEL1][STATS_CAT3] ==
		    STATS_DASH, 1);
		assert_int_equal(e->snapshot[STATS_LEVEL1][STATS_CAT3], 0);
		assert_int_equal(g->notification_breach,
		    e->notification_breach);
		for (int k = 1; k <= ORDER_KIND_MAX; k++)
			assert_int_equal(g->orders[k], e->orders[k]);
	}
	stats_free(st);
}

/* --- formats ------------------------------------------------------------ */

static void
format_parse__names(void **state)
{
	(void)state;
	assert_int_equal(stats_format_parse("text"), STATS_TEXT);
	assert_int_equal(stats_format_parse("csv"), STATS_CSV);
	assert_int_equal(stats_format_parse("markdown"), STATS_MARKDOWN);
	assert_int_equal(stats_format_parse("json"), STATS_JSON);
	assert_int_equal(stats_format_parse("CSV"), -1);
	assert_int_equal(stats_format_parse(""), -1);
	assert_int_equal(stats_format_parse("xml"), -1);
}

static void
csv__published_2010_11__exact_bytes(void **state)
{
	struct stats_year y = published_2010();
	char *got = render_year(&y, "Cambridgeshire and Peterborough",
	    STATS_CSV);
	char *want = read_spec("demo-2010-11.csv");

	(void)state;
	assert_string_equal(got, want);
	free(got);
	free(want);
}

static void
csv__extra_orders__only_when_nonzero(void **state)
{
	struct stats_year y = published_2010();
	char *csv;

	(void)state;
	y.orders[ORDER_RSHO] = 3;
	csv = render_year(&y, NULL, STATS_CSV);
	assert_contains(csv, "restrictive_orders,FTO,value,0\n"
	    "restrictive_orders,RSHO,value,3\ncustody_licence_breach,");
	assert_lacks(csv, "SHPO");
	assert_lacks(csv, "SRO,");
	free(csv);
	y.orders[ORDER_SHPO] = 1;
	y.orders[ORDER_SRO] = 2;
	csv = render_year(&y, NULL, STATS_CSV);
	assert_contains(csv, "restrictive_orders,FTO,value,0\n"
	    "restrictive_orders,SHPO,value,1\n"
	    "restrictive_orders,SRO,value,2\n"
	    "restrictive_orders,RSHO,value,3\n");
	free(csv);
}

static void
text__titles_and_dashes(void **state)
{
	struct stats_year y = published_2010();
	char *text;

	(void)state;
	text = render_year(&y, "Cambridgeshire and Peterborough", STATS_TEXT);
	assert_contains(text, "Cambridgeshire and Peterborough");
	assert_contains(text, "2010-11");
	assert_contains(text, "MAPPA-eligible offenders on 31 March 2011\n");
	assert_contains(text, "MAPPA-eligible offenders in Levels 2 and 3 by "
	    "category (yearly total)\n");
	assert_contains(text, "RSOs cautioned or convicted for breach of "
	    "notification requirements");
	assert_contains(text, "Restrictive orders for Category 1 offenders\n"
	    "SOPOs, NOs & FTOs imposed by the courts\n");
	assert_contains(text, "Level 2 and 3 offenders returned to custody "
	    "for breach of licence or sent to\ncustody for breach of SOPO\n");
	assert_contains(text, "Total number of Registered Sexual Offenders "
	    "per 100,000 population");
	assert_contains(text, "   Cat 1   Cat 2   Cat 3   Total\n");
	assert_contains(text, "Category 1: Registered sex offenders");
	assert_contains(text, "Level 1                 512     154       -"
	    "     666\n");
	assert_contains(text, "Breach of licence     Cat 1");
	assert_contains(text, "Breach of SOPO        Cat 1");
	assert_contains(text, "Level 3                   0       -       -"
	    "       0\n");
	assert_contains(text, "SOPOs                    44\n");
	assert_contains(text, "FTOs                      0\n");
	assert_contains(text, "      78\n");
	assert_contains(text, "698,000");
	assert_lacks(text, "Cat 4");
	assert_lacks(text, "SHPO");
	assert_lines_fit(text, 80);
	free(text);
}

static void
text__control_characters_in_area__replaced(void **state)
{
	struct stats_year y = published_2010();
	char *text;

	(void)state;
	text = render_year(&y, "Fens\033[2J\xc2\x9b" "x", STATS_TEXT);
	assert_lacks(text, "\033");
	assert_lacks(text, "\xc2\x9b");
	assert_contains(text, "Fens?[2J?x");
	free(text);
	text = render_year(&y, "The Very Long Name of a MAPPA Area That Goes On "
	    "and On Beyond the Edge of Any Terminal", STATS_TEXT);
	assert_lines_fit(text, 80);
	free(text);
}

static void
markdown__pipe_tables(void **state)
{
	struct stats_year y = published_2010();
	char *md;

	(void)state;
	md = render_year(&y, "Area | *One*", STATS_MARKDOWN);
	assert_contains(md, "# MAPPA statistics for Area \\| \\*One\\*, "
	    "2010-11\n");
	assert_contains(md, "## MAPPA-eligible offenders on 31 March 2011\n");
	assert_contains(md, "| | Category 1: Registered sex offenders | "
	    "Category 2: Violent offenders | Category 3: Other dangerous "
	    "offenders | Total |\n|---|---:|---:|---:|---:|\n");
	assert_contains(md, "| Level 1 | 512 | 154 | - | 666 |\n");
	assert_contains(md, "| Total | 67 | 43 | 19 | 129 |\n");
	assert_contains(md, "### Breach of SOPO\n");
	assert_contains(md, "| Level 2 | 1 | - | - | 1 |\n");
	assert_contains(md, "| SOPOs | 44 |\n");
	assert_contains(md, "| Per 100,000 population | 78 |\n");
	free(md);
}

/* The area's name is text, escaped as the papers escape theirs
 * (core/escape.h): no HTML reaches a Markdown viewer. */
static void
markdown__area_html__character_references(void **state)
{
	struct stats_year y = published_2010();
	char *md;

	(void)state;
	md = render_year(&y, "Fens <script>x</script> & [y](javascript:z)",
			 STATS_MARKDOWN);
	assert_contains(md, "# MAPPA statistics for Fens &lt;script&gt;x"
	    "&lt;/script&gt; &amp; \\[y\\](javascript:z), 2010-11\n");
	assert_lacks(md, "<script>");
	free(md);
}

static void
json__valid_with_expected_keys(void **state)
{
	struct stats_year y = published_2010();
	char *json;

	(void)state;
	json = render_year(&y, "Cambridgeshire and Peterborough", STATS_JSON);
	assert_json(json);
	assert_contains(json, "\"area\": \"Cambridgeshire and Peterborough\"");
	assert_contains(json, "\"year\": \"2010-11\"");
	assert_contains(json, "\"eligible_snapshot\": {");
	assert_contains(json, "\"level1\": {\"cat1\": 512, \"cat2\": 154, "
	    "\"cat3\": null, \"total\": 666}");
	assert_contains(json, "\"level23_yearly\": {");
	assert_contains(json, "\"notification_breach\": 2");
	assert_contains(json, "\"restrictive_orders\": {\"SOPO\": 44, "
	    "\"NO\": 4, \"FTO\": 0}");
	assert_contains(json, "\"custody_licence_breach\": {");
	assert_contains(json, "\"custody_sopo_breach\": {");
	assert_contains(json, "\"population\": 698000");
	assert_contains(json, "\"rso_per_100k\": 78");
	assert_lacks(json, "cat4");
	free(json);
}

static void
json__area_escaped(void **state)
{
	struct stats_year y = published_2010();
	char *json;

	(void)state;
	json = render_year(&y, "Fens \"North\"\\\x01\n\xff\xc3\xa9",
	    STATS_JSON);
	assert_json(json);
	assert_contains(json, "\"area\": \"Fens \\\"North\\\"\\\\\\u0001\\n"
	    "\\ufffd\xc3\xa9\"");
	free(json);
	json = render_year(&y, NULL, STATS_JSON);
	assert_json(json);
	assert_contains(json, "\"area\": null");
	free(json);
}

/* A series 2009-10 .. 2011-12 with a Category 4 offender in 2010-11. */
static struct stats *
series_fixture(int first, int last)
{
	struct hist h[3] = { { .n = 0 }, { .n = 0 }, { .n = 0 } };
	struct stats *st = stats_new(first, last);

	assert_non_null(st);
	reg(&h[0], "2006-01-01", 1, 1);
	reg(&h[1], "2010-06-01", 4, 2);
	leave(&h[1], "2011-06-01");
	reg(&h[2], "2009-06-01", 2, 1);
	order(&h[2], "2011-05-01", ORDER_SHPO);
	for (int i = 0; i < 3; i++) {
		assert_null(ev_check_history(h[i].ev, h[i].n, NULL));
		stats_add_history(st, h[i].ev, h[i].n);
	}
	for (int y = first; y <= last; y++)
		stats_set_population(st, y, 100000);
	stats_finish(st);
	return st;
}

static void
series__csv_header_and_rows(void **state)
{
	struct stats *st = series_fixture(2009, 2011);
	char *csv = render_series(st, "A", STATS_CSV);

	(void)state;
	assert_int_equal(strncmp(csv, "year,table,row,column,value\n"
	    "2009-10,eligible_snapshot,level1,cat1,1\n", 68), 0);
	assert_contains(csv, "\n2009-10,eligible_snapshot,level1,cat2,1\n"
	    "2009-10,eligible_snapshot,level1,cat3,-\n"
	    "2009-10,eligible_snapshot,level1,total,2\n");
	assert_contains(csv, "\n2010-11,eligible_snapshot,level2,cat4,1\n");
	assert_contains(csv, "\n2010-11,level23_yearly,level2,cat4,1\n");
	assert_contains(csv, "\n2011-12,level23_yearly,level2,cat4,1\n");
	assert_lacks(csv, "2011-12,eligible_snapshot,level1,cat4");
	assert_lacks(csv, "2009-10,eligible_snapshot,level1,cat4");
	assert_contains(csv, "\n2011-12,restrictive_orders,SHPO,value,1\n");
	assert_lacks(csv, "2010-11,restrictive_orders,SHPO");
	assert_contains(csv, "\n2010-11,rso_per_100k,count,value,1\n");
	assert_int_equal(csv[strlen(csv) - 1], '\n');
	assert_lacks(csv, "\r");
	free(csv);
	stats_free(st);
}

static void
series__text_markdown_json(void **state)
{
	struct stats *st = series_fixture(2009, 2011);
	char *text = render_series(st, "A", STATS_TEXT);
	char *md = render_series(st, "A", STATS_MARKDOWN);
	char *json = render_series(st, "A", STATS_JSON);

	(void)state;
	assert_contains(text, "MAPPA statistics for A, 2009-10 to 2011-12\n");
	assert_contains(text, "2009-10 2010-11 2011-12\n");
	assert_contains(text, "Level 1  Cat 1        1       1       1\n");
	assert_contains(text, "Level 2  Cat 4        0       1       0\n");
	assert_contains(text, "SHPOs                 0       0       1\n");
	assert_contains(text, "Per 100,000           1       1       1\n");
	assert_lines_fit(text, 80);
	assert_contains(md, "| Row | Column | 2009-10 | 2010-11 | 2011-12 |\n"
	    "|---|---|---:|---:|---:|\n| Level 1 | Cat 1 | 1 | 1 | 1 |\n");
	assert_contains(md, "| Level 1 | Cat 3 | - | - | - |\n");
	assert_contains(md, "## Total number of Registered Sexual Offenders");
	assert_json(json);
	assert_int_equal(json[0], '[');
	assert_contains(json, "\"year\": \"2009-10\"");
	assert_contains(json, "\"year\": \"2011-12\"");
	free(text);
	free(md);
	free(json);
	stats_free(st);
}

static void
series__ten_years__text_fits_80_columns(void **state)
{
	struct stats *st = series_fixture(2004, 2013);
	char *text = render_series(st, "A", STATS_TEXT);

	(void)state;
	assert_lines_fit(text, 80);
	assert_contains(text, "2004-05 2005-06 2006-07 2007-08 2008-09\n");
	assert_contains(text, "2009-10 2010-11 2011-12 2012-13 2013-14\n");
	free(text);
	stats_free(st);
}

/* --- the 2015 template and the board's tables (statistics.md, "Later
 * templates, and the board's own tables") ------------------------------- */

/* The finished figures of YEAR over histories H[0..N); the caller frees
 * *ST. */
static const struct stats_year *
figures(const struct hist *h, size_t n, int year, struct stats **st)
{
	*st = stats_new(year, year);
	assert_non_null(*st);
	for (size_t i = 0; i < n; i++) {
		assert_null(ev_check_history(h[i].ev, h[i].n, NULL));
		stats_add_history(*st, h[i].ev, h[i].n);
	}
	stats_finish(*st);
	return stats_get(*st, year);
}

static void
sfo(struct hist *h, const char *d)
{
	add(h, d, EV_SFO_CHARGE, 0, 0, 0);
}

static void
review(struct hist *h, const char *d, int kind)
{
	add(h, d, EV_NOTIFICATION_REVIEW, 0, 0, kind);
}

static void
template__chosen_by_the_year_it_starts(void **state)
{
	(void)state;
	assert_int_equal(stats_template_for(2010), STATS_TEMPLATE_2010);
	assert_int_equal(stats_template_for(2014), STATS_TEMPLATE_2010);
	assert_int_equal(stats_template_for(2015), STATS_TEMPLATE_2015);
	assert_int_equal(stats_template_for(2020), STATS_TEMPLATE_2015);
	assert_int_equal(stats_template_parse("2010"), STATS_TEMPLATE_2010);
	assert_int_equal(stats_template_parse("2015"), STATS_TEMPLATE_2015);
	assert_int_equal(stats_template_parse("2016"), -1);
	assert_int_equal(stats_template_parse("2015-16"), -1);
}

static void
template__tables_in_order(void **state)
{
	static const int t2010[] = { STATS_T_SNAPSHOT, STATS_T_YEARLY,
		STATS_T_BREACH, STATS_T_ORDERS, STATS_T_LICENCE,
		STATS_T_SOPO, STATS_T_RSO };
	static const int t2015[] = { STATS_T_SNAPSHOT, STATS_T_YEARLY,
		STATS_T_BREACH, STATS_T_ORDERS, STATS_T_SRO_BREACH,
		STATS_T_LICENCE, STATS_T_SHPO, STATS_T_RSO, STATS_T_MOVES,
		STATS_T_SFO, STATS_T_REVIEWS };
	int got[STATS_TABLES];

	(void)state;
	assert_int_equal(stats_tables(STATS_TEMPLATE_2010, false, got), 7);
	assert_memory_equal(got, t2010, sizeof t2010);
	assert_int_equal(stats_tables(STATS_TEMPLATE_2015, true, got), 11);
	assert_memory_equal(got, t2015, sizeof t2015);
	assert_string_equal(stats_table_key[STATS_T_SRO_BREACH],
			    "sro_breach_registrations");
	assert_string_equal(stats_table_key[STATS_T_SHPO],
			    "custody_shpo_breach");
	assert_string_equal(stats_table_key[STATS_T_MOVES], "level_movements");
	assert_string_equal(stats_table_key[STATS_T_SFO], "sfo_charged");
	assert_string_equal(stats_table_key[STATS_T_REVIEWS],
			    "notification_reviews");
}

static void
orders__rows_of_each_template(void **state)
{
	struct stats_year y;
	int k[ORDER_KIND_MAX];

	(void)state;
	memset(&y, 0, sizeof y);
	assert_int_equal(stats_order_rows(STATS_TEMPLATE_2015, &y, k), 3);
	assert_int_equal(k[0], ORDER_SHPO);
	assert_int_equal(k[1], ORDER_SHPO_FTR);
	assert_int_equal(k[2], ORDER_NO);
	assert_int_equal(stats_order_rows(STATS_TEMPLATE_2010, &y, k), 3);
	assert_int_equal(k[0], ORDER_SOPO);
	assert_int_equal(k[1], ORDER_NO);
	assert_int_equal(k[2], ORDER_FTO);
	/* Every other kind after them, in the template's order, when not
	 * zero. */
	for (int i = 1; i <= ORDER_KIND_MAX; i++)
		y.orders[i] = 1;
	assert_int_equal(stats_order_rows(STATS_TEMPLATE_2015, &y, k), 9);
	assert_int_equal(k[3], ORDER_SOPO);
	assert_int_equal(k[4], ORDER_FTO);
	assert_int_equal(k[5], ORDER_RSHO);
	assert_int_equal(k[6], ORDER_SRO);
	assert_int_equal(k[7], ORDER_ISHPO);
	assert_int_equal(k[8], ORDER_ISRO);
	assert_int_equal(stats_order_rows(STATS_TEMPLATE_2010, &y, k), 9);
	assert_int_equal(k[3], ORDER_SHPO);
	assert_int_equal(k[4], ORDER_SRO);
	assert_int_equal(k[5], ORDER_RSHO);
	assert_int_equal(k[6], ORDER_SHPO_FTR);
	assert_int_equal(k[7], ORDER_ISHPO);
	assert_int_equal(k[8], ORDER_ISRO);
	memset(&y, 0, sizeof y);
	y.orders[ORDER_ISRO] = 2;
	assert_int_equal(stats_order_rows(STATS_TEMPLATE_2015, &y, k), 4);
	assert_int_equal(k[3], ORDER_ISRO);
}

/* Orders dated 31 March count in the year ending, 1 April in the next. */
static void
orders__new_kinds_on_31_march_and_1_april(void **state)
{
	struct hist h = { .n = 0 };
	struct stats *a, *b;

	(void)state;
	order(&h, "2016-03-31", ORDER_SHPO_FTR);
	order(&h, "2016-03-31", ORDER_ISHPO);
	order(&h, "2016-04-01", ORDER_ISRO);
	order(&h, "2016-04-01", ORDER_SHPO_FTR);
	assert_int_equal(figures(&h, 1, 2015, &a)->orders[ORDER_SHPO_FTR], 1);
	assert_int_equal(stats_get(a, 2015)->orders[ORDER_ISHPO], 1);
	assert_int_equal(stats_get(a, 2015)->orders[ORDER_ISRO], 0);
	assert_int_equal(figures(&h, 1, 2016, &b)->orders[ORDER_ISRO], 1);
	assert_int_equal(stats_get(b, 2016)->orders[ORDER_SHPO_FTR], 1);
	assert_int_equal(stats_get(b, 2016)->orders[ORDER_ISHPO], 0);
	stats_free(a);
	stats_free(b);
}

/* Distinct offenders with a register event of kind sro_breach in P. */
static void
sro_breach__distinct_offenders_dated_in_year(void **state)
{
	struct hist h[4];
	struct stats *st;

	(void)state;
	memset(h, 0, sizeof h);
	/* Twice in one year: one person. */
	add(&h[0], "2015-04-01", EV_REGISTER, 1, 1, REGISTER_SRO_BREACH);
	leave(&h[0], "2015-06-01");
	add(&h[0], "2016-03-31", EV_REGISTER, 1, 2, REGISTER_SRO_BREACH);
	/* An ordinary registration counts nothing. */
	reg(&h[1], "2015-05-01", 1, 1);
	/* 31 March 2015 is 2014-15; 1 April 2016 is 2016-17. */
	add(&h[2], "2015-03-31", EV_REGISTER, 1, 1, REGISTER_SRO_BREACH);
	add(&h[3], "2016-04-01", EV_REGISTER, 1, 1, REGISTER_SRO_BREACH);
	assert_int_equal(figures(h, 4, 2015, &st)->sro_breach, 1);
	stats_free(st);
	assert_int_equal(figures(h, 4, 2014, &st)->sro_breach, 1);
	stats_free(st);
	assert_int_equal(figures(h, 4, 2016, &st)->sro_breach, 1);
	stats_free(st);
}

/* Part (b) of 2015 takes shpo_breach and sopo_breach; of 2010 only
 * sopo_breach, whatever the year: both templates of one year. */
static void
shpo__both_templates_of_one_year(void **state)
{
	struct hist h[3];
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	memset(h, 0, sizeof h);
	reg(&h[0], "2014-01-01", 1, 2);
	custody(&h[0], "2015-03-10", CUSTODY_SHPO_BREACH); /* in 2014-15 */
	reg(&h[1], "2014-01-01", 1, 3);
	custody(&h[1], "2014-06-01", CUSTODY_SOPO_BREACH);
	reg(&h[2], "2014-01-01", 1, 2);
	custody(&h[2], "2014-07-01", CUSTODY_LICENCE_BREACH);
	y = figures(h, 3, 2014, &st);
	assert_int_equal(y->sopo[STATS_LEVEL3][STATS_CAT1], 1);
	assert_int_equal(y->sopo[STATS_ROW_TOTAL][STATS_TOTAL], 1);
	assert_int_equal(y->shpo[STATS_LEVEL2][STATS_CAT1], 1);
	assert_int_equal(y->shpo[STATS_LEVEL3][STATS_CAT1], 1);
	assert_int_equal(y->shpo[STATS_ROW_TOTAL][STATS_TOTAL], 2);
	assert_int_equal(y->shpo[STATS_LEVEL2][STATS_CAT2], STATS_DASH);
	assert_int_equal(y->licence[STATS_LEVEL2][STATS_CAT1], 1);
	stats_free(st);
}

/* The state at the end of the custody event's day; Category 1 only;
 * Levels 2 and 3 only; first qualifying event only. */
static void
shpo__end_of_day_state_category1_levels23(void **state)
{
	struct hist h[4];
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	memset(h, 0, sizeof h);
	/* Up to Level 2 later the same day: counted at Level 2. */
	reg(&h[0], "2015-01-01", 1, 1);
	custody(&h[0], "2015-05-05", CUSTODY_SHPO_BREACH);
	lvl(&h[0], "2015-05-05", 2);
	release(&h[0], "2015-08-01");
	lvl(&h[0], "2015-09-01", 3);
	custody(&h[0], "2015-10-01", CUSTODY_SHPO_BREACH); /* not again */
	/* Category 2: not counted. */
	reg(&h[1], "2015-01-01", 2, 2);
	custody(&h[1], "2015-05-05", CUSTODY_SHPO_BREACH);
	/* Level 1: not counted. */
	reg(&h[2], "2015-01-01", 1, 1);
	custody(&h[2], "2015-05-05", CUSTODY_SHPO_BREACH);
	/* Not registered: not counted. */
	custody(&h[3], "2015-05-05", CUSTODY_SHPO_BREACH);
	y = figures(h, 4, 2015, &st);
	assert_int_equal(y->shpo[STATS_LEVEL2][STATS_CAT1], 1);
	assert_int_equal(y->shpo[STATS_LEVEL3][STATS_CAT1], 0);
	assert_int_equal(y->shpo[STATS_ROW_TOTAL][STATS_TOTAL], 1);
	assert_int_equal(y->sopo[STATS_ROW_TOTAL][STATS_TOTAL], 0);
	stats_free(st);
}

/* "Level A" is the level just before the event, the day's earlier events
 * included. */
static void
moves__same_day_register_then_level(void **state)
{
	struct hist h = { .n = 0 };
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	reg(&h, "2015-06-02", 1, 1);
	lvl(&h, "2015-06-02", 2);
	lvl(&h, "2015-06-02", 3);
	leave(&h, "2015-06-02");
	y = figures(&h, 1, 2015, &st);
	assert_int_equal(y->moves[STATS_M_NEW][STATS_M_TO1], 1);
	assert_int_equal(y->moves[STATS_M_LEVEL1][STATS_M_TO2], 1);
	assert_int_equal(y->moves[STATS_M_LEVEL2][STATS_M_TO3], 1);
	assert_int_equal(y->moves[STATS_M_LEVEL3][STATS_M_EXIT], 1);
	assert_int_equal(y->moves[STATS_M_TOTAL][STATS_M_TOTALCOL], 4);
	stats_free(st);
}

/* A level event that does not change the level is no movement. */
static void
moves__level_event_without_change__nothing(void **state)
{
	struct hist h = { .n = 0 };
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	reg(&h, "2014-06-02", 2, 2);
	lvl(&h, "2015-06-02", 2);
	y = figures(&h, 1, 2015, &st);
	assert_int_equal(y->moves[STATS_M_TOTAL][STATS_M_TOTALCOL], 0);
	assert_int_equal(y->moves[STATS_M_LEVEL2][STATS_M_TO2], STATS_DASH);
	stats_free(st);
}

/* Movements of 31 March and 1 April; counts of moves, not of people;
 * dashes; totals. */
static void
moves__year_edges_dashes_and_totals(void **state)
{
	struct hist h[2];
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	memset(h, 0, sizeof h);
	reg(&h[0], "2015-03-31", 2, 2);  /* 2014-15 */
	lvl(&h[0], "2015-04-01", 3);     /* 2015-16 */
	lvl(&h[0], "2015-08-01", 2);
	lvl(&h[0], "2015-09-01", 3);     /* the same person again */
	lvl(&h[0], "2016-03-31", 1);
	leave(&h[0], "2016-04-01");      /* 2016-17 */
	reg(&h[1], "2015-04-01", 3, 2);
	cat(&h[1], "2015-05-01", 1);     /* a category is no movement */
	leave(&h[1], "2016-03-31");
	y = figures(h, 2, 2015, &st);
	assert_int_equal(y->moves[STATS_M_NEW][STATS_M_TO2], 1);
	assert_int_equal(y->moves[STATS_M_NEW][STATS_M_TO1], 0);
	assert_int_equal(y->moves[STATS_M_NEW][STATS_M_EXIT], STATS_DASH);
	assert_int_equal(y->moves[STATS_M_LEVEL2][STATS_M_TO3], 2);
	assert_int_equal(y->moves[STATS_M_LEVEL3][STATS_M_TO2], 1);
	assert_int_equal(y->moves[STATS_M_LEVEL3][STATS_M_TO1], 1);
	assert_int_equal(y->moves[STATS_M_LEVEL2][STATS_M_EXIT], 1);
	assert_int_equal(y->moves[STATS_M_LEVEL1][STATS_M_EXIT], 0);
	for (int l = 0; l < 3; l++)
		assert_int_equal(y->moves[STATS_M_LEVEL1 + l][STATS_M_TO1 + l],
				 STATS_DASH);
	assert_int_equal(y->moves[STATS_M_NEW][STATS_M_TOTALCOL], 1);
	assert_int_equal(y->moves[STATS_M_LEVEL2][STATS_M_TOTALCOL], 3);
	assert_int_equal(y->moves[STATS_M_LEVEL3][STATS_M_TOTALCOL], 2);
	assert_int_equal(y->moves[STATS_M_TOTAL][STATS_M_TO1], 1);
	assert_int_equal(y->moves[STATS_M_TOTAL][STATS_M_TO2], 2);
	assert_int_equal(y->moves[STATS_M_TOTAL][STATS_M_TO3], 2);
	assert_int_equal(y->moves[STATS_M_TOTAL][STATS_M_EXIT], 1);
	assert_int_equal(y->moves[STATS_M_TOTAL][STATS_M_TOTALCOL], 6);
	{
		struct stats_moves_summary m;

		stats_moves_summary(y, &m);
		assert_int_equal(m.up, 2);
		assert_int_equal(m.down, 2);
		assert_int_equal(m.out, 1);
		assert_int_equal(m.in, 1);
	}
	stats_free(st);
	y = figures(h, 2, 2014, &st);
	assert_int_equal(y->moves[STATS_M_NEW][STATS_M_TO2], 1);
	assert_int_equal(y->moves[STATS_M_TOTAL][STATS_M_TOTALCOL], 1);
	stats_free(st);
	y = figures(h, 2, 2016, &st);
	assert_int_equal(y->moves[STATS_M_LEVEL1][STATS_M_EXIT], 1);
	stats_free(st);
}

/* An SFO charge counts when registered at the end of its day, once per
 * person, at their first qualifying charge. */
static void
sfo__registered_at_end_of_day_first_charge(void **state)
{
	struct hist h[5];
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	memset(h, 0, sizeof h);
	sfo(&h[0], "2015-05-01");               /* not registered: no */
	reg(&h[0], "2015-06-01", 1, 1);
	sfo(&h[1], "2015-05-01");               /* registered that day */
	reg(&h[1], "2015-05-01", 2, 2);
	sfo(&h[1], "2015-09-01");               /* a second: not again */
	reg(&h[2], "2014-05-01", 1, 3);
	sfo(&h[2], "2015-07-01");
	leave(&h[2], "2015-07-01");             /* exits that day: no */
	reg(&h[3], "2014-05-01", 2, 1);
	custody(&h[3], "2015-04-01", CUSTODY_REMAND);
	sfo(&h[3], "2015-04-01");               /* custody does not matter */
	sfo(&h[4], "2015-03-31");               /* 2014-15 */
	reg(&h[4], "2015-03-31", 1, 2);
	y = figures(h, 5, 2015, &st);
	assert_int_equal(y->sfo[STATS_LEVEL2][STATS_CAT2], 1);
	assert_int_equal(y->sfo[STATS_LEVEL1][STATS_CAT2], 1);
	assert_int_equal(y->sfo[STATS_LEVEL3][STATS_CAT1], 0);
	assert_int_equal(y->sfo[STATS_LEVEL1][STATS_CAT3], STATS_DASH);
	assert_int_equal(y->sfo[STATS_ROW_TOTAL][STATS_TOTAL], 2);
	stats_free(st);
	y = figures(h, 5, 2014, &st);
	assert_int_equal(y->sfo[STATS_LEVEL2][STATS_CAT1], 1);
	assert_int_equal(y->sfo[STATS_ROW_TOTAL][STATS_TOTAL], 1);
	stats_free(st);
}

/* A Category 4 charge makes the column appear in that table only. */
static void
sfo__category4_column_appears(void **state)
{
	struct hist h[2];
	struct stats *st;
	const struct stats_year *y;
	struct stats_opts o = { 0, true, MDATE_NONE };
	char *csv, *text;

	(void)state;
	memset(h, 0, sizeof h);
	reg(&h[0], "2015-01-01", 4, 2);
	custody(&h[0], "2015-01-02", CUSTODY_REMAND);
	sfo(&h[0], "2015-06-01");
	reg(&h[1], "2015-01-01", 1, 1);
	y = figures(h, 2, 2015, &st);
	assert_int_equal(y->sfo[STATS_LEVEL2][STATS_CAT4], 1);
	csv = render_year_as(y, "A", STATS_CSV, &o);
	assert_contains(csv, "sfo_charged,level1,cat4,0\n");
	assert_contains(csv, "sfo_charged,level2,cat4,1\n");
	assert_contains(csv, "sfo_charged,total,cat4,1\n");
	/* In custody on 31 March: not in the snapshot, nor its column. */
	assert_lacks(csv, "eligible_snapshot,level1,cat4");
	assert_lacks(csv, "custody_licence_breach,level2,cat4");
	text = render_year_as(y, "A", STATS_TEXT, &o);
	assert_contains(text, "charged with a serious further offence\n\n"
			"                      Cat 1   Cat 2   Cat 3   Cat 4   "
			"Total\n");
	assert_lines_fit(text, 80);
	free(csv);
	free(text);
	stats_free(st);
}

/* Reviews are counted by kind, and change no state. */
static void
reviews__counted_by_kind_change_nothing(void **state)
{
	struct hist h[2];
	struct stats *st;
	const struct stats_year *y;

	(void)state;
	memset(h, 0, sizeof h);
	reg(&h[0], "2014-01-01", 1, 1);
	review(&h[0], "2015-04-01", REVIEW_REFUSED);
	review(&h[0], "2016-03-31", REVIEW_GRANTED);
	review(&h[1], "2015-06-01", REVIEW_GRANTED); /* not registered */
	review(&h[1], "2016-04-01", REVIEW_GRANTED);
	y = figures(h, 2, 2015, &st);
	assert_int_equal(y->reviews[REVIEW_GRANTED], 2);
	assert_int_equal(y->reviews[REVIEW_REFUSED], 1);
	/* Still registered on 31 March: the review ended nothing. */
	assert_int_equal(y->snapshot[STATS_LEVEL1][STATS_CAT1], 1);
	stats_free(st);
}

/* The CSV of both templates, and of the board, by the contract's names
 * and in its order. */
static void
csv__both_templates_and_board_names_in_order(void **state)
{
	struct hist h = { .n = 0 };
	struct stats *st;
	const struct stats_year *y;
	struct stats_opts o2010 = { STATS_TEMPLATE_2010, false, MDATE_NONE };
	struct stats_opts o2015 = { STATS_TEMPLATE_2015, true, MDATE_NONE };
	char *a, *b;

	(void)state;
	reg(&h, "2014-01-01", 1, 2);
	custody(&h, "2015-03-10", CUSTODY_SHPO_BREACH);
	order(&h, "2015-03-20", ORDER_RSHO);
	y = figures(&h, 1, 2014, &st);
	a = render_year(y, "A", STATS_CSV); /* by year: the 2010 template */
	b = render_year_as(y, "A", STATS_CSV, &o2010);
	assert_string_equal(a, b);
	free(b);
	assert_contains(a, "restrictive_orders,SOPO,value,0\n"
			"restrictive_orders,NO,value,0\n"
			"restrictive_orders,FTO,value,0\n"
			"restrictive_orders,RSHO,value,1\n"
			"custody_licence_breach,level2,cat1,0\n");
	assert_contains(a, "custody_sopo_breach,total,total,0\n"
			"rso_per_100k,count,value,-\n");
	assert_lacks(a, "custody_shpo_breach");
	assert_lacks(a, "sro_breach_registrations");
	assert_lacks(a, "level_movements");
	b = render_year_as(y, "A", STATS_CSV, &o2015);
	assert_contains(b, "notification_breach,count,value,0\n"
			"restrictive_orders,SHPO,value,0\n"
			"restrictive_orders,SHPO_FTR,value,0\n"
			"restrictive_orders,NO,value,0\n"
			"restrictive_orders,RSHO,value,1\n"
			"sro_breach_registrations,count,value,0\n"
			"custody_licence_breach,level2,cat1,0\n");
	assert_contains(b, "custody_shpo_breach,level2,cat1,1\n"
			"custody_shpo_breach,level2,cat2,-\n");
	assert_contains(b, "custody_shpo_breach,total,total,1\n"
			"rso_per_100k,count,value,-\n"
			"level_movements,new,level1,0\n"
			"level_movements,new,level2,0\n"
			"level_movements,new,level3,0\n"
			"level_movements,new,exit,-\n"
			"level_movements,new,total,0\n"
			"level_movements,level1,level1,-\n");
	assert_contains(b, "level_movements,total,total,0\n"
			"sfo_charged,level1,cat1,0\n"
			"sfo_charged,level1,cat2,0\n"
			"sfo_charged,level1,cat3,-\n");
	assert_contains(b, "sfo_charged,total,total,0\n"
			"notification_reviews,granted,value,0\n"
			"notification_reviews,refused,value,0\n");
	assert_lacks(b, "custody_sopo_breach");
	free(a);
	free(b);
	stats_free(st);
}

/* A year not yet over: marked in text, Markdown, HTML and JSON; the CSV
 * as it is. */
static void
provisional__marked_everywhere_but_csv(void **state)
{
	struct hist h = { .n = 0 };
	struct stats *st;
	const struct stats_year *y;
	struct stats_opts o = { 0, false, day("2016-03-30") };
	struct stats_opts over = { 0, false, day("2016-03-31") };
	char *s, *t;

	(void)state;
	reg(&h, "2015-06-01", 1, 1);
	y = figures(&h, 1, 2015, &st);
	assert_true(stats_provisional(&o, 2015));
	assert_false(stats_provisional(&over, 2015));
	assert_false(stats_provisional(NULL, 2015));
	s = render_year_as(y, "A", STATS_TEXT, &o);
	assert_contains(s, ", 2015-16\n (provisional: the year ends on "
			"2016-03-31)\n");
	assert_lines_fit(s, 80);
	free(s);
	s = render_year_as(y, "A", STATS_TEXT, &over);
	assert_lacks(s, "provisional");
	free(s);
	s = render_year_as(y, "A", STATS_MARKDOWN, &o);
	assert_contains(s, "# MAPPA statistics for A, 2015-16 (provisional: "
			"the year ends on 2016-03-31)\n");
	free(s);
	s = render_year_as(y, "A", STATS_HTML, &o);
	assert_contains(s, "(provisional: the year ends on 2016-03-31)");
	free(s);
	s = render_year_as(y, "A", STATS_JSON, &o);
	assert_json(s);
	assert_contains(s, "\"provisional\": true");
	assert_contains(s, "\"template\": 2015");
	free(s);
	s = render_year_as(y, "A", STATS_JSON, &over);
	assert_contains(s, "\"provisional\": false");
	free(s);
	s = render_year_as(y, "A", STATS_CSV, &o);
	t = render_year_as(y, "A", STATS_CSV, &over);
	assert_string_equal(s, t);
	free(s);
	free(t);
	stats_free(st);
}

/* A series gives each year its own template unless one is asked for;
 * the board's tables in every format. */
static void
series__each_year_its_template(void **state)
{
	struct hist h = { .n = 0 };
	struct stats *st = stats_new(2014, 2015);
	struct stats_opts by_year = { 0, true, MDATE_NONE };
	struct stats_opts all2015 = { STATS_TEMPLATE_2015, false, MDATE_NONE };
	char *s;

	(void)state;
	assert_non_null(st);
	reg(&h, "2014-01-01", 1, 2);
	custody(&h, "2015-03-10", CUSTODY_SHPO_BREACH);
	release(&h, "2015-05-01");
	custody(&h, "2015-06-10", CUSTODY_SOPO_BREACH);
	stats_add_history(st, h.ev, h.n);
	stats_finish(st);
	s = render_series_as(st, "A", STATS_CSV, &by_year);
	assert_contains(s, "2014-15,custody_sopo_breach,level2,cat1,0\n");
	assert_contains(s, "2015-16,custody_shpo_breach,level2,cat1,1\n");
	assert_contains(s, "2014-15,level_movements,new,level2,0\n");
	assert_contains(s, "2015-16,notification_reviews,refused,value,0\n");
	assert_lacks(s, "2014-15,custody_shpo_breach");
	assert_lacks(s, "2015-16,custody_sopo_breach");
	assert_lacks(s, "2014-15,sro_breach_registrations");
	free(s);
	s = render_series_as(st, "A", STATS_CSV, &all2015);
	assert_contains(s, "2014-15,custody_shpo_breach,level2,cat1,1\n");
	assert_lacks(s, "custody_sopo_breach");
	assert_lacks(s, "level_movements");
	free(s);
	s = render_series_as(st, "A", STATS_TEXT, &by_year);
	assert_contains(s, "Breach of SOPO\n");
	assert_contains(s, "Breach of SHPO\n");
	assert_contains(s, "How cases moved during the year\n");
	assert_lines_fit(s, 80);
	free(s);
	s = render_series_as(st, "A", STATS_JSON, &by_year);
	assert_json(s);
	assert_contains(s, "\"template\": 2010");
	assert_contains(s, "\"template\": 2015");
	assert_contains(s, "\"level_movements\": {");
	free(s);
	s = render_series_as(st, "A", STATS_MARKDOWN, &by_year);
	assert_contains(s, "## How cases moved during the year\n");
	free(s);
	stats_free(st);
}

/* Several areas add up, the new tables too. */
static void
merge__new_tables_add_up(void **state)
{
	struct hist h = { .n = 0 };
	struct stats *a = stats_new(2015, 2015), *b = stats_new(2015, 2015);
	const struct stats_year *y;

	(void)state;
	add(&h, "2015-05-01", EV_REGISTER, 1, 2, REGISTER_SRO_BREACH);
	sfo(&h, "2015-06-01");
	review(&h, "2015-07-01", REVIEW_REFUSED);
	custody(&h, "2015-08-01", CUSTODY_SHPO_BREACH);
	stats_add_history(a, h.ev, h.n);
	stats_add_history(b, h.ev, h.n);
	assert_int_equal(stats_merge(a, b), 0);
	stats_finish(a);
	y = stats_get(a, 2015);
	assert_int_equal(y->sro_breach, 2);
	assert_int_equal(y->sfo[STATS_LEVEL2][STATS_CAT1], 2);
	assert_int_equal(y->reviews[REVIEW_REFUSED], 2);
	assert_int_equal(y->shpo[STATS_LEVEL2][STATS_CAT1], 2);
	assert_int_equal(y->moves[STATS_M_NEW][STATS_M_TO2], 2);
	assert_int_equal(y->moves[STATS_M_TOTAL][STATS_M_TOTALCOL], 2);
	stats_free(a);
	stats_free(b);
}

static void
write__error__reported(void **state)
{
	struct stats_year y = published_2010();
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (f == NULL)
		skip();
	assert_int_equal(stats_write_year(f, &y, "A", STATS_CSV, NULL), -1);
	fclose(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(snapshot__registered_before_year__counted),
		cmocka_unit_test(snapshot__exit_on_31_march__not_counted),
		cmocka_unit_test(snapshot__exit_on_1_april__counted),
		cmocka_unit_test(snapshot__registration_on_31_march__counted),
		cmocka_unit_test(
		    snapshot__registration_on_1_april_after__not_counted),
		cmocka_unit_test(
		    snapshot__several_events_one_day__end_of_day_state),
		cmocka_unit_test(
		    snapshot__exit_and_register_same_day__counted_as_new),
		cmocka_unit_test(snapshot__custody_across_31_march__not_counted),
		cmocka_unit_test(snapshot__custody_on_31_march__not_counted),
		cmocka_unit_test(snapshot__released_on_31_march__counted),
		cmocka_unit_test(
		    snapshot__custody_before_registration__not_counted),
		cmocka_unit_test(yearly__level1_only__not_counted),
		cmocka_unit_test(yearly__highest_level__counted_once),
		cmocka_unit_test(yearly__state_before_year_carried_in__counted),
		cmocka_unit_test(yearly__exit_on_1_april__not_counted),
		cmocka_unit_test(
		    yearly__level2_then_level1_same_day__not_counted),
		cmocka_unit_test(yearly__level2_on_31_march__counted),
		cmocka_unit_test(yearly__level3_on_1_april_after__not_counted),
		cmocka_unit_test(yearly__category_at_last_day_at_highest_level),
		cmocka_unit_test(
		    yearly__return_to_highest_level__latest_category),
		cmocka_unit_test(yearly__custody_does_not_matter),
		cmocka_unit_test(breach__distinct_offenders_in_year),
		cmocka_unit_test(orders__counted_by_kind_in_year),
		cmocka_unit_test(custody__first_qualifying_event_counted),
		cmocka_unit_test(custody__recall_at_level1__not_counted),
		cmocka_unit_test(custody__level_raised_same_day__counted),
		cmocka_unit_test(custody__exit_same_day__not_counted),
		cmocka_unit_test(custody__not_registered__not_counted),
		cmocka_unit_test(custody__outside_year__not_counted),
		cmocka_unit_test(custody__sopo_breach_category1_only),
		cmocka_unit_test(custody__both_kinds__counted_once_in_each),
		cmocka_unit_test(finish__totals_are_sums_and_dashes),
		cmocka_unit_test(cat4__column_appears_and_disappears),
		cmocka_unit_test(per_100k__half_rounds_up),
		cmocka_unit_test(per_100k__only_category1_of_snapshot),
		cmocka_unit_test(per_100k__no_population__dash),
		cmocka_unit_test(stats_new__bad_range__null),
		cmocka_unit_test(merge__two_areas__sums_counts_and_population),
		cmocka_unit_test(merge__different_ranges__refused),
		cmocka_unit_test(range__histories_span_years__each_year_right),
		cmocka_unit_test(
		    classify__random_histories__match_day_by_day_reference),
		cmocka_unit_test(format_parse__names),
		cmocka_unit_test(csv__published_2010_11__exact_bytes),
		cmocka_unit_test(csv__extra_orders__only_when_nonzero),
		cmocka_unit_test(text__titles_and_dashes),
		cmocka_unit_test(text__control_characters_in_area__replaced),
		cmocka_unit_test(markdown__pipe_tables),
		cmocka_unit_test(markdown__area_html__character_references),
		cmocka_unit_test(json__valid_with_expected_keys),
		cmocka_unit_test(json__area_escaped),
		cmocka_unit_test(series__csv_header_and_rows),
		cmocka_unit_test(series__text_markdown_json),
		cmocka_unit_test(series__ten_years__text_fits_80_columns),
		cmocka_unit_test(template__chosen_by_the_year_it_starts),
		cmocka_unit_test(template__tables_in_order),
		cmocka_unit_test(orders__rows_of_each_template),
		cmocka_unit_test(orders__new_kinds_on_31_march_and_1_april),
		cmocka_unit_test(sro_breach__distinct_offenders_dated_in_year),
		cmocka_unit_test(shpo__both_templates_of_one_year),
		cmocka_unit_test(shpo__end_of_day_state_category1_levels23),
		cmocka_unit_test(moves__same_day_register_then_level),
		cmocka_unit_test(moves__level_event_without_change__nothing),
		cmocka_unit_test(moves__year_edges_dashes_and_totals),
		cmocka_unit_test(sfo__registered_at_end_of_day_first_charge),
		cmocka_unit_test(sfo__category4_column_appears),
		cmocka_unit_test(reviews__counted_by_kind_change_nothing),
		cmocka_unit_test(csv__both_templates_and_board_names_in_order),
		cmocka_unit_test(provisional__marked_everywhere_but_csv),
		cmocka_unit_test(series__each_year_its_template),
		cmocka_unit_test(merge__new_tables_add_up),
		cmocka_unit_test(write__error__reported),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
