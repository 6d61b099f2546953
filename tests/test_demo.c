/*
 * test_demo.c -- the demo area (demo/demo.c): valid, deterministic
 * histories that reproduce the published 2010-11 figures exactly.
 *
 * The standard area is generated once, in the group setup, through a
 * sink that checks each offender as it arrives (the history passes
 * ev_check_history(), no event is after demo_today(), decisions taken at
 * meetings fall on the meetings' weekdays) and keeps a copy of the
 * histories, the references and a digest of every field.  The tests then
 * look at what was collected; the statistics are computed with
 * core/stats.c, and the 2010-11 CSV is compared byte for byte with
 * $SPECDIR/demo-2010-11.csv.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/agenda.h"
#include "core/process.h"
#include "core/date.h"
#include "demo/demo.h"
#include "demo/demo_meetings.h"
#include "core/event.h"
#include "core/stats.h"

/* What a generation run handed to the sink. */
struct collect {
	/* Every offender's history, one after another. */
	struct ev *evs;
	size_t nev, evcap;
	size_t *start; /* offender I's events: start[I] .. start[I + 1] */
	char (*refs)[16];
	size_t n, cap;

	uint64_t digest;
	int64_t population[16]; /* by year - 2005; 0 = not reported */
	int populations;
	bool illustrative;
	size_t progress_calls, progress_last, progress_total;

	/* The first problem met, or "" (the tests report it). */
	char problem[256];
	size_t meeting_events, emergencies;
};

static void
collect_free(struct collect *c)
{
	free(c->evs);
	free(c->start);
	free(c->refs);
	memset(c, 0, sizeof *c);
}

static void problem(struct collect *c, const char *ref, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
problem(struct collect *c, const char *ref, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	if (c->problem[0])
		return;
	n = (size_t)snprintf(c->problem, sizeof c->problem, "%s: ", ref);
	va_start(ap, fmt);
	vsnprintf(c->problem + n, sizeof c->problem - n, fmt, ap);
	va_end(ap);
}

/* FNV-1a over bytes, and over strings (NULL distinct from ""). */
static void
hash(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		*h ^= b[i];
		*h *= UINT64_C(0x100000001b3);
	}
}

static void
hash_str(uint64_t *h, const char *s)
{
	if (s == NULL) {
		hash(h, "\377", 1);
		return;
	}
	hash(h, s, strlen(s) + 1);
}

static void
hash_int(uint64_t *h, int64_t v)
{
	hash(h, &v, sizeof v);
}

static int
on_population(void *ctx, int year, int64_t people, const char *source)
{
	struct collect *c = ctx;

	hash_int(&c->digest, year);
	hash_int(&c->digest, people);
	hash_str(&c->digest, source);
	if (year < 2005 || year > 2020 || people <= 0 ||
	    c->population[year - 2005] != 0) {
		problem(c, "population", "year %d given twice or wrong", year);
		return 0;
	}
	c->population[year - 2005] = people;
	c->populations++;
	if (source && strstr(source, "illustrative") &&
	    strstr(source, "not an ONS"))
		c->illustrative = true;
	return 0;
}

static bool
ref_ok(const char *ref)
{
	size_t n = strlen(ref);

	if (n < 1 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = ref[i];

		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		      (ch >= '0' && ch <= '9') || ch == '-' || ch == '/' ||
		      ch == '_'))
			return false;
	}
	return true;
}

static bool
digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* PNC "YY/NNNNNNL" and CRN "XNNNNNN". */
static bool
pnc_ok(const char *s)
{
	return strlen(s) == 10 && digits(s, 2) && s[2] == '/' &&
	       digits(s + 3, 6) && s[9] >= 'A' && s[9] <= 'Z';
}

static bool
crn_ok(const char *s)
{
	return strlen(s) == 7 && s[0] >= 'A' && s[0] <= 'Z' && digits(s + 1, 6);
}

/* Check one event's decider: meeting days, chairs, reasons. */
static void
check_decision(struct collect *c, const char *ref, const struct demo_event *de)
{
	const struct ev *e = &de->ev;

	if (de->meeting != MDATE_NONE) {
		int wd = de->meeting_level == 3 ? DEMO_MEETING_WEEKDAY_L3
						: DEMO_MEETING_WEEKDAY_L2;

		c->meeting_events++;
		if (de->meeting != e->date)
			problem(c, ref, "decided at a meeting on another day");
		if (de->meeting_level != 2 && de->meeting_level != 3)
			problem(c, ref, "meeting level %d", de->meeting_level);
		if (date_weekday(e->date) != wd)
			problem(c, ref, "level %d meeting on weekday %d",
				de->meeting_level, date_weekday(e->date));
		if (de->chair == NULL || !de->chair[0])
			problem(c, ref, "a meeting without a chair");
		if (de->note == NULL || !de->note[0])
			problem(c, ref, "a meeting's decision without a note");
		if (e->type == EV_LEVEL && de->meeting_level < e->level)
			problem(c, ref, "a level %d meeting set level %d",
				de->meeting_level, e->level);
	}
	if (e->type == EV_LEVEL) {
		if (de->note == NULL || !de->note[0])
			problem(c, ref, "a level change without a reason");
		if (de->chair == NULL || !de->chair[0])
			problem(c, ref, "a level change nobody decided");
		if (de->meeting == MDATE_NONE) {
			c->emergencies++;
			if (date_weekday(e->date) >= 5)
				problem(c, ref, "an emergency at the weekend");
		}
	}
	if (e->type == EV_REGISTER && e->level >= 2 &&
	    de->meeting == MDATE_NONE)
		problem(c, ref, "registered at level %d without a meeting",
			e->level);
}

static int
on_offender(void *ctx, const struct demo_offender *o)
{
	struct collect *c = ctx;
	uint64_t *h = &c->digest;
	mdate today = demo_today();
	const char *why;
	size_t at;

	if (c->n + 1 >= c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 1024;

		c->start = realloc(c->start, (cap + 1) * sizeof *c->start);
		c->refs = realloc(c->refs, cap * sizeof *c->refs);
		assert_non_null(c->start);
		assert_non_null(c->refs);
		c->cap = cap;
	}
	while (c->nev + o->nev > c->evcap) {
		c->evcap = c->evcap ? 2 * c->evcap : 16384;
		c->evs = realloc(c->evs, c->evcap * sizeof *c->evs);
		assert_non_null(c->evs);
	}
	c->start[c->n] = c->nev;
	for (size_t i = 0; i < o->nev; i++)
		c->evs[c->nev + i] = o->evs[i].ev;
	why = ev_check_history(c->evs + c->nev, o->nev, &at);
	if (why != NULL)
		problem(c, o->ref, "event %zu: %s", at, why);
	if (o->nev == 0 || o->evs[0].ev.type == EV_RELEASE)
		problem(c, o->ref, "an empty or odd history");
	if (o->nev > 0 && o->evs[o->nev - 1].ev.date > today)
		problem(c, o->ref, "an event after today");
	for (size_t i = 0; i < o->nev; i++)
		check_decision(c, o->ref, &o->evs[i]);
	c->nev += o->nev;
	c->start[++c->n] = c->nev;
	snprintf(c->refs[c->n - 1], sizeof c->refs[0], "%s", o->ref);

	if (!ref_ok(o->ref))
		problem(c, o->ref, "a reference of other characters");
	if (!o->surname[0] || !o->forenames[0])
		problem(c, o->ref, "no name");
	if (!pnc_ok(o->pnc) || !crn_ok(o->crn) || !o->visor[0])
		problem(c, o->ref, "identifiers %s %s %s", o->pnc, o->crn,
			o->visor);
	if (o->gender != 'M' && o->gender != 'F' && o->gender != 'X' &&
	    o->gender != 'U')
		problem(c, o->ref, "gender '%c'", o->gender);
	if (o->dob == MDATE_NONE || o->dob > o->evs[0].ev.date - 14 * 365)
		problem(c, o->ref, "implausible date of birth");
	if (o->district == NULL || o->lead_agency == NULL)
		problem(c, o->ref, "no district or lead agency");

	hash_str(h, o->ref);
	hash_str(h, o->surname);
	hash_str(h, o->forenames);
	hash_int(h, o->dob);
	hash_int(h, o->gender);
	hash_str(h, o->pnc);
	hash_str(h, o->crn);
	hash_str(h, o->visor);
	hash_str(h, o->district);
	hash_str(h, o->lead_agency);
	hash_str(h, o->notes);
	for (size_t i = 0; i < o->nev; i++) {
		const struct demo_event *de = &o->evs[i];

		hash_int(h, de->ev.date);
		hash_int(h, de->ev.type);
		hash_int(h, de->ev.category);
		hash_int(h, de->ev.level);
		hash_int(h, de->ev.kind);
		hash_str(h, de->note);
		hash_int(h, de->meeting);
		hash_int(h, de->meeting_level);
		hash_str(h, de->chair);
	}
	return 0;
}

static void
on_progress(void *ctx, size_t done, size_t total)
{
	struct collect *c = ctx;

	c->progress_calls++;
	c->progress_last = done;
	c->progress_total = total;
}

/* Generate SCALE into C (zeroed first). */
static void
run(size_t scale, struct collect *c)
{
	struct demo_sink sink = {c, on_population, on_offender, on_progress};

	memset(c, 0, sizeof *c);
	c->digest = UINT64_C(0xcbf29ce484222325);
	assert_int_equal(demo_generate(scale, &sink), 0);
}

/* The statistics of C's histories and populations, years FIRST..LAST. */
static struct stats *
statistics(const struct collect *c, int first, int last)
{
	struct stats *st = stats_new(first, last);

	assert_non_null(st);
	for (size_t i = 0; i < c->n; i++)
		stats_add_history(st, c->evs + c->start[i],
				  c->start[i + 1] - c->start[i]);
	for (int y = 0; y < 16; y++)
		if (c->population[y])
			stats_set_population(st, 2005 + y, c->population[y]);
	stats_finish(st);
	return st;
}

/* --- the standard area, generated once ---------------------------------- */

static struct collect area;

static int
setup_area(void **state)
{
	(void)state;
	run(0, &area);
	return 0;
}

static int
teardown_area(void **state)
{
	(void)state;
	collect_free(&area);
	return 0;
}

static void
demo__histories__valid_and_not_after_today(void **state)
{
	(void)state;
	assert_true(area.n > 1000);
	if (area.problem[0])
		fail_msg("%s", area.problem);
	assert_true(area.meeting_events > 100);
	assert_true(area.emergencies > 0);
}

static char *
slurp(FILE *f, size_t *len)
{
	size_t cap = 4096, n = 0, k;
	char *buf = malloc(cap);

	assert_non_null(buf);
	while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	*len = n;
	return buf;
}

static void
demo__2010_11__every_figure(void **state)
{
	const char *dir = getenv("SPECDIR");
	char path[4096];
	struct stats *st = statistics(&area, 2009, 2011);
	FILE *f, *out;
	char *want, *got;
	size_t nwant, ngot;

	(void)state;
	snprintf(path, sizeof path, "%s/demo-2010-11.csv",
		 dir && *dir ? dir : "tests/spec");
	f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	want = slurp(f, &nwant);
	fclose(f);

	out = tmpfile();
	assert_non_null(out);
	assert_int_equal(stats_write_year(out, stats_get(st, 2010),
					  DEMO_AREA_NAME, STATS_CSV, NULL),
			 0);
	rewind(out);
	got = slurp(out, &ngot);
	fclose(out);
	if (ngot != nwant || memcmp(got, want, nwant) != 0)
		fail_msg("2010-11 differs from %s:\n%.*s", path, (int)ngot,
			 got);
	free(want);
	free(got);
	stats_free(st);
}

static void
demo__category1_register__grows_every_year(void **state)
{
	struct stats *st = statistics(&area, 2004, 2011);
	int prev = 0;
	char msg[256];
	size_t n = 0;

	(void)state;
	for (int y = 2004; y <= 2011; y++)
		n += (size_t)snprintf(
		    msg + n, sizeof msg - n, " %d",
		    stats_get(st, y)->snapshot[STATS_ROW_TOTAL][STATS_CAT1]);
	print_message("Category 1 on 31 March 2005..2012:%s\n", msg);
	for (int y = 2006; y <= 2011; y++) {
		int v = stats_get(st, y)->snapshot[STATS_ROW_TOTAL][STATS_CAT1];

		if (y > 2006 && v <= prev)
			break;
		prev = v;
		if (y == 2011)
			prev = -1;
	}
	stats_free(st);
	if (prev != -1)
		fail_msg("Category 1 on 31 March 2007..2012 does not grow:%s",
			 msg);
}

/* Other years look like 2010-11: the same kind of numbers. */
static void
demo__other_years__plausible(void **state)
{
	struct stats *st = statistics(&area, 2005, 2011);
	char bad[256] = "";

	(void)state;
	for (int y = 2005; y <= 2011 && !bad[0]; y++) {
		const struct stats_year *sy = stats_get(st, y);
		int total = sy->snapshot[STATS_ROW_TOTAL][STATS_TOTAL];
		int l23 = sy->yearly[STATS_ROW_TOTAL][STATS_TOTAL];
		int cat2 = sy->snapshot[STATS_ROW_TOTAL][STATS_CAT2];
		int sopos = sy->orders[ORDER_SOPO];

		if (total < 500 || total > 900 || l23 < 70 || l23 > 200 ||
		    cat2 < 120 || cat2 > 240 || sopos < 15 || sopos > 70)
			snprintf(bad, sizeof bad,
				 "%d: snapshot %d, levels 2-3 %d, Category 2 "
				 "%d, SOPOs %d",
				 y, total, l23, cat2, sopos);
	}
	stats_free(st);
	if (bad[0])
		fail_msg("%s", bad);
}

static int
cmp_ref(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void
demo__refs__unique(void **state)
{
	char(*refs)[16] = malloc(area.n * sizeof *refs);

	(void)state;
	assert_non_null(refs);
	memcpy(refs, area.refs, area.n * sizeof *refs);
	qsort(refs, area.n, sizeof *refs, cmp_ref);
	for (size_t i = 0; i < area.n; i++) {
		assert_true(ref_ok(refs[i]));
		if (i > 0 && strcmp(refs[i - 1], refs[i]) == 0)
			fail_msg("reference %s given twice", refs[i]);
	}
	free(refs);
}

static void
demo__generation__deterministic(void **state)
{
	struct collect again;

	(void)state;
	run(0, &again);
	assert_int_equal(again.n, area.n);
	assert_int_equal(again.nev, area.nev);
	assert_true(again.digest == area.digest);
	collect_free(&again);
}

static void
demo__population__reported_2005_to_2012(void **state)
{
	struct stats *st = statistics(&area, 2010, 2010);

	(void)state;
	assert_int_equal(area.populations, 8);
	for (int y = 2005; y <= 2012; y++)
		assert_true(area.population[y - 2005] > 0);
	for (int y = 2006; y <= 2012; y++)
		assert_true(area.population[y - 2005] >
			    area.population[y - 2006]);
	assert_in_range(area.population[2010 - 2005], 694268, 703225);
	assert_true(area.illustrative);
	assert_int_equal(stats_get(st, 2010)->rso_per_100k, 78);
	stats_free(st);
}

static void
demo__progress__reported(void **state)
{
	(void)state;
	assert_true(area.progress_calls >= area.n / 1000);
	assert_int_equal(area.progress_last, area.n);
	assert_int_equal(area.progress_total, area.n);
}

static void
demo__scale_2000__valid(void **state)
{
	struct collect c;
	struct stats *st;

	(void)state;
	run(2000, &c);
	assert_int_equal(c.n, 2000);
	if (c.problem[0])
		fail_msg("%s", c.problem);
	assert_int_equal(c.populations, 8);
	assert_int_equal(c.progress_last, 2000);
	st = statistics(&c, 2005, 2011);
	assert_true(
	    stats_get(st, 2010)->snapshot[STATS_ROW_TOTAL][STATS_TOTAL] > 200);
	stats_free(st);
	collect_free(&c);
}

static void
demo__today__fixed(void **state)
{
	char buf[MDATE_BUFSZ];

	(void)state;
	assert_string_equal(date_format(demo_today(), buf), "2012-05-14");
}

/* --- referrals behind the meetings that took cases on ----------------- */

struct referrals {
	struct demo_history h;
	size_t initial, referred, within, bad;
};

static int
check_referrals(void *ctx, const struct demo_offender *o)
{
	struct referrals *x = ctx;

	if (demo_case_meetings(o, demo_today(), &x->h) != 0)
		return -1;
	for (size_t i = 0; i < x->h.n; i++) {
		const struct demo_item *it = &x->h.items[i];
		int days, within;

		if (it->reason == AGENDA_INITIAL)
			x->initial++;
		if (it->referred == MDATE_NONE) {
			/* Every case taken on at a meeting was referred. */
			x->bad += it->reason == AGENDA_INITIAL;
			continue;
		}
		x->referred++;
		days = process_working_days_between(NULL, it->referred,
						   it->meeting);
		within = it->referred_level >= 3 ? 5 : 20;
		x->within += days <= within;
		x->bad += !(it->referred < it->meeting &&
			    date_weekday(it->referred) < 5 && days >= 1 &&
			    days <= within + 10 &&
			    (it->referred_level == 2 ||
			     it->referred_level == 3) &&
			    it->referrer && it->referrer[0] &&
			    agenda_agency_find(it->referrer) &&
			    it->referral_reason && it->referral_reason[0] &&
			    (it->reason == AGENDA_INITIAL ||
			     it->level_decision == DECISION_UP));
	}
	return 0;
}

/* A referral, dated on a working day before the meeting, by an agency of
 * the table (its code), behind every case the demo's meetings took on at
 * Level 2 or 3; about nine in ten met within the interval, as the
 * indicators expect of a working unit. */
static void
demo__referrals__behind_every_case_taken_on(void **state)
{
	struct referrals x;
	struct demo_sink sink = { &x, NULL, check_referrals, NULL };

	(void)state;
	memset(&x, 0, sizeof x);
	assert_int_equal(demo_generate(0, &sink), 0);
	demo_history_free(&x.h);
	assert_int_equal(x.bad, 0);
	assert_true(x.initial > 100);
	assert_true(x.referred >= x.initial);
	assert_true(x.within * 100 >= x.referred * 80);
	assert_true(x.within * 100 <= x.referred * 97);
}

int
main(void)
{
	const struct CMUnitTest area_tests[] = {
	    cmocka_unit_test(demo__histories__valid_and_not_after_today),
	    cmocka_unit_test(demo__2010_11__every_figure),
	    cmocka_unit_test(demo__category1_register__grows_every_year),
	    cmocka_unit_test(demo__other_years__plausible),
	    cmocka_unit_test(demo__refs__unique),
	    cmocka_unit_test(demo__generation__deterministic),
	    cmocka_unit_test(demo__population__reported_2005_to_2012),
	    cmocka_unit_test(demo__progress__reported),
	};
	const struct CMUnitTest other_tests[] = {
	    cmocka_unit_test(demo__scale_2000__valid),
	    cmocka_unit_test(demo__today__fixed),
	    cmocka_unit_test(demo__referrals__behind_every_case_taken_on),
	};
	int failed;

	failed = cmocka_run_group_tests_name("demo area", area_tests,
					     setup_area, teardown_area);
	failed +=
	    cmocka_run_group_tests_name("demo scaled", other_tests, NULL, NULL);
	return failed;
}
