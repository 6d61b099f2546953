/*
 * test_agenda.c -- the rules of core/agenda.c: working days across
 * weekends and England and Wales bank holidays, review and initial
 * meeting due dates, the agenda proposal and its order, and the bank
 * holidays file.
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

#include "core/agenda.h"
#include "core/util.h"

static mdate
D(const char *s)
{
	mdate d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void
assert_date(mdate got, const char *want)
{
	char buf[MDATE_BUFSZ];

	assert_string_equal(date_format(got, buf), want);
}

/* The bank holidays of 2012 (England and Wales), unsorted on purpose. */
static struct agenda_holidays
holidays_2012(void)
{
	static const char text[] =
		"# test\n"
		"2012-06-05 Diamond Jubilee\n"
		"2012-01-02 New Year's Day (substitute)\n"
		"\n"
		"2012-04-06 Good Friday\n"
		"2012-04-09 Easter Monday\n"
		"2012-05-07 Early May bank holiday\n"
		"2012-06-04 Spring bank holiday\n"
		"2012-08-27 Summer bank holiday\n"
		"2012-12-25 Christmas Day\n"
		"2012-12-26 Boxing Day\r\n";
	struct agenda_holidays h;
	size_t bad = 0;

	assert_int_equal(agenda_holidays_parse(text, strlen(text), &h, &bad),
			 0);
	assert_int_equal(h.n, 9);
	for (size_t i = 1; i < h.n; i++)
		assert_true(h.day[i - 1] <= h.day[i]);
	return h;
}

static void
working_days__weekends_skipped(void **state)
{
	(void)state;
	/* Monday 2012-05-14 + 5 working days: Monday 2012-05-21. */
	assert_date(agenda_add_working_days(NULL, D("2012-05-14"), 5),
		    "2012-05-21");
	/* Friday + 1: Monday. */
	assert_date(agenda_add_working_days(NULL, D("2012-05-18"), 1),
		    "2012-05-21");
	/* From a Saturday, the first working day counts as day one. */
	assert_date(agenda_add_working_days(NULL, D("2012-05-19"), 1),
		    "2012-05-21");
	/* Zero: the day itself if it is a working day, else the next. */
	assert_date(agenda_add_working_days(NULL, D("2012-05-16"), 0),
		    "2012-05-16");
	assert_date(agenda_add_working_days(NULL, D("2012-05-20"), 0),
		    "2012-05-21");
	assert_false(agenda_is_working_day(NULL, D("2012-05-19")));
	assert_true(agenda_is_working_day(NULL, D("2012-05-18")));
}

static void
working_days__across_bank_holidays(void **state)
{
	struct agenda_holidays h = holidays_2012();

	(void)state;
	/* Referred Thursday 2012-05-31; Monday 4 and Tuesday 5 June are
	 * bank holidays (the Jubilee): the 5 working days are Fri 1,
	 * Wed 6, Thu 7, Fri 8 and Mon 11; without holidays, Thu 7. */
	assert_date(agenda_add_working_days(&h, D("2012-05-31"), 5),
		    "2012-06-11");
	assert_date(agenda_add_working_days(NULL, D("2012-05-31"), 5),
		    "2012-06-07");
	/* Easter: Thursday 5 April + 1 is Tuesday 10 April. */
	assert_date(agenda_add_working_days(&h, D("2012-04-05"), 1),
		    "2012-04-10");
	/* Christmas: Friday 21 December + 3 is Friday 28 December. */
	assert_date(agenda_add_working_days(&h, D("2012-12-21"), 3),
		    "2012-12-28");
	assert_true(agenda_is_holiday(&h, D("2012-06-05")));
	assert_false(agenda_is_holiday(&h, D("2012-06-06")));
	assert_false(agenda_is_working_day(&h, D("2012-05-07")));
	/* Counting back: the waiting time of a referral. */
	assert_int_equal(agenda_working_days_between(&h, D("2012-05-31"),
						     D("2012-06-11")), 5);
	assert_int_equal(agenda_working_days_between(&h, D("2012-06-11"),
						     D("2012-05-31")), 0);
	agenda_holidays_free(&h);
}

static void
due_dates__from_the_area_intervals(void **state)
{
	struct agenda_intervals iv;
	struct agenda_holidays h = holidays_2012();

	(void)state;
	agenda_intervals_default(&iv);
	assert_int_equal(iv.review_weeks_level3, 8);
	assert_int_equal(iv.review_weeks_level2, 16);
	assert_int_equal(iv.initial_days_level3, 5);
	assert_int_equal(iv.initial_days_level2, 20);
	assert_date(agenda_review_due(&iv, 3, D("2012-05-17")), "2012-07-12");
	assert_date(agenda_review_due(&iv, 2, D("2012-05-15")), "2012-09-04");
	assert_date(agenda_review_due(&iv, 1, D("2012-02-29")), "2013-02-28");
	assert_int_equal(agenda_review_due(&iv, 0, D("2012-02-29")),
			 MDATE_NONE);
	/* Level 3: 5 working days; Level 2 (and anything else): 20. */
	assert_date(agenda_initial_due(&iv, &h, 3, D("2012-05-31")),
		    "2012-06-11");
	assert_date(agenda_initial_due(&iv, &h, 2, D("2012-05-01")),
		    "2012-05-30");
	assert_date(agenda_initial_due(&iv, &h, 0, D("2012-05-01")),
		    "2012-05-30");
	/* An area's own intervals. */
	iv.review_weeks_level3 = 4;
	iv.initial_days_level3 = 2;
	assert_date(agenda_review_due(&iv, 3, D("2012-05-17")), "2012-06-14");
	assert_date(agenda_initial_due(&iv, &h, 3, D("2012-06-01")),
		    "2012-06-07");
	/* The next Level 2 meeting day (Tuesday), skipping the Jubilee. */
	assert_date(agenda_meeting_day(&h, 1, D("2012-05-31")), "2012-06-12");
	assert_date(agenda_meeting_day(&h, 1, D("2012-05-29")), "2012-05-29");
	agenda_holidays_free(&h);
}

static struct agenda_candidate
cand(int64_t id, int64_t referral, int level, const char *due)
{
	struct agenda_candidate c;

	memset(&c, 0, sizeof c);
	c.offender_id = id;
	c.referral_id = referral;
	c.level = level;
	c.due = due ? D(due) : MDATE_NONE;
	return c;
}

static void
propose__due_cases_and_referrals_overdue_first(void **state)
{
	struct agenda_candidate c[] = {
		cand(1, 0, 2, "2012-05-29"),  /* due after: left out */
		cand(2, 0, 2, "2012-05-22"),  /* due on the day */
		cand(3, 0, 3, "2012-04-01"),  /* Level 3: other meeting */
		cand(4, 0, 2, "2012-05-01"),  /* overdue */
		cand(5, 7, 2, "2012-05-25"),  /* a referral: always */
		cand(6, 0, 2, "2012-03-20"),  /* longest overdue */
		cand(7, 8, 3, "2012-05-20"),  /* Level 3 referral */
		cand(8, 9, 0, "2012-05-18"),  /* no level: Level 2 */
		cand(9, 0, 2, NULL),          /* no review date */
		cand(10, 0, 2, "2012-05-18"), /* same day as a referral */
	};
	size_t n;

	(void)state;
	n = agenda_propose(c, NELEM(c), 2, D("2012-05-22"), D("2012-05-14"));
	assert_int_equal(n, 6);
	/* Overdue on the day the agenda is built, longest first. */
	assert_int_equal(c[0].offender_id, 6);
	assert_true(c[0].overdue);
	assert_int_equal(c[0].reason, AGENDA_REVIEW);
	assert_int_equal(c[1].offender_id, 4);
	assert_true(c[1].overdue);
	/* Then by due date; a referral before a review due the same day. */
	assert_int_equal(c[2].offender_id, 8);
	assert_int_equal(c[2].reason, AGENDA_INITIAL);
	assert_false(c[2].overdue);
	assert_int_equal(c[3].offender_id, 10);
	assert_int_equal(c[4].offender_id, 2);
	assert_int_equal(c[5].offender_id, 5);
	assert_int_equal(c[5].referral_id, 7);
	/* The Level 3 meeting takes its own. */
	c[0] = cand(3, 0, 3, "2012-04-01");
	c[1] = cand(7, 8, 3, "2012-05-20");
	c[2] = cand(2, 0, 2, "2012-05-22");
	n = agenda_propose(c, 3, 3, D("2012-05-24"), D("2012-05-14"));
	assert_int_equal(n, 2);
	assert_int_equal(c[0].offender_id, 3);
	assert_int_equal(c[1].offender_id, 7);
	assert_int_equal(c[1].reason, AGENDA_INITIAL);
}

static void
reasons__names_round_trip(void **state)
{
	(void)state;
	for (int r = 0; r < AGENDA_REASONS; r++)
		assert_int_equal(agenda_reason_parse(agenda_reason_name(r)), r);
	assert_int_equal(agenda_reason_parse("Review"), -1);
	assert_null(agenda_reason_name(AGENDA_REASONS));
	assert_non_null(agenda_agency_find("childrens_services"));
	assert_true(agenda_agency_find("police")->ra);
	assert_null(agenda_agency_find("polce"));
}

static void
holidays__bad_line_refused_with_its_number(void **state)
{
	static const char text[] = "# x\n2012-01-02 ok\n2012-02-30 bad\n";
	struct agenda_holidays h;
	size_t bad = 0;

	(void)state;
	assert_int_equal(agenda_holidays_parse(text, strlen(text), &h, &bad),
			 -1);
	assert_int_equal(bad, 3);
	assert_null(h.day);
	assert_int_equal(agenda_holidays_parse("2012-01-02x\n", 12, &h, &bad),
			 -1);
	assert_int_equal(agenda_holidays_parse("", 0, &h, &bad), 0);
	assert_int_equal(h.n, 0);
}

static void
holidays__the_shipped_file_loads(void **state)
{
	const char *top = getenv("top_srcdir");
	struct agenda_holidays h;
	char path[4096], err[512];

	(void)state;
	snprintf(path, sizeof path, "%s/data/bank-holidays.txt",
		 top && *top ? top : ".");
	assert_int_equal(agenda_holidays_load(path, &h, err, sizeof err), 0);
	assert_true(h.n > 100);
	assert_true(agenda_is_holiday(&h, D("2012-06-05")));
	assert_true(agenda_is_holiday(&h, D("2010-12-28")));
	assert_false(agenda_is_holiday(&h, D("2010-12-29")));
	agenda_holidays_free(&h);
	assert_int_equal(agenda_holidays_load("/nonexistent/holidays", &h, err,
					      sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/holidays"));
	assert_int_equal(h.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(working_days__weekends_skipped),
		cmocka_unit_test(working_days__across_bank_holidays),
		cmocka_unit_test(due_dates__from_the_area_intervals),
		cmocka_unit_test(propose__due_cases_and_referrals_overdue_first),
		cmocka_unit_test(reasons__names_round_trip),
		cmocka_unit_test(holidays__bad_line_refused_with_its_number),
		cmocka_unit_test(holidays__the_shipped_file_loads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
