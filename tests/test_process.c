/*
 * test_process.c -- the case process's schedule rules (core/process.h)
 * pinned at their edges: reviews due per level from the settings, on
 * time on the due day itself, initial meetings 5 and 20 working days on
 * across weekends and bank holidays, calendar months from the 31st and
 * from 29 February, and where a level decision leads.
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

#include "testdate.h"

#include "core/agenda.h"
#include "core/process.h"
#include "core/util.h"

/* The bank holidays of 2012 (England and Wales), unsorted on purpose. */
static struct agenda_holidays
holidays_2012(void)
{
	static const char text[] =
		"2012-06-05 Diamond Jubilee\n"
		"2012-01-02 New Year's Day (substitute)\n"
		"2012-04-06 Good Friday\n"
		"2012-04-09 Easter Monday\n"
		"2012-05-07 Early May bank holiday\n"
		"2012-06-04 Spring bank holiday\n"
		"2012-08-27 Summer bank holiday\n"
		"2012-12-25 Christmas Day\n"
		"2012-12-26 Boxing Day\n";
	struct agenda_holidays h;

	assert_int_equal(agenda_holidays_parse(text, strlen(text), &h, NULL),
			 0);
	return h;
}

static void
working_days__weekends_skipped(void **state)
{
	(void)state;
	/* Monday 2012-05-14 + 5 working days: Monday 2012-05-21. */
	assert_date(process_add_working_days(NULL, D("2012-05-14"), 5),
		    "2012-05-21");
	/* Friday + 1: Monday. */
	assert_date(process_add_working_days(NULL, D("2012-05-18"), 1),
		    "2012-05-21");
	/* From a Saturday, the first working day counts as day one. */
	assert_date(process_add_working_days(NULL, D("2012-05-19"), 1),
		    "2012-05-21");
	/* Zero: the day itself if it is a working day, else the next. */
	assert_date(process_add_working_days(NULL, D("2012-05-16"), 0),
		    "2012-05-16");
	assert_date(process_add_working_days(NULL, D("2012-05-20"), 0),
		    "2012-05-21");
	assert_false(process_is_working_day(NULL, D("2012-05-19")));
	assert_true(process_is_working_day(NULL, D("2012-05-18")));
}

static void
working_days__across_bank_holidays(void **state)
{
	struct agenda_holidays h = holidays_2012();

	(void)state;
	/* Referred Thursday 2012-05-31; Monday 4 and Tuesday 5 June are
	 * bank holidays (the Jubilee): the 5 working days are Fri 1,
	 * Wed 6, Thu 7, Fri 8 and Mon 11; without holidays, Thu 7. */
	assert_date(process_add_working_days(&h, D("2012-05-31"), 5),
		    "2012-06-11");
	assert_date(process_add_working_days(NULL, D("2012-05-31"), 5),
		    "2012-06-07");
	/* Easter: Thursday 5 April + 1 is Tuesday 10 April. */
	assert_date(process_add_working_days(&h, D("2012-04-05"), 1),
		    "2012-04-10");
	/* Christmas: Friday 21 December + 3 is Friday 28 December. */
	assert_date(process_add_working_days(&h, D("2012-12-21"), 3),
		    "2012-12-28");
	assert_true(process_is_holiday(&h, D("2012-06-05")));
	assert_false(process_is_holiday(&h, D("2012-06-06")));
	assert_false(process_is_working_day(&h, D("2012-05-07")));
	/* Counting back: the waiting time of a referral. */
	assert_int_equal(process_working_days_between(&h, D("2012-05-31"),
						     D("2012-06-11")), 5);
	assert_int_equal(process_working_days_between(&h, D("2012-06-11"),
						     D("2012-05-31")), 0);
	agenda_holidays_free(&h);
}

static void
settings__defaults_8_16_weeks_12_months_5_20_days(void **state)
{
	struct process_settings ps;

	(void)state;
	process_settings_default(&ps);
	assert_int_equal(ps.review_weeks_level3, 8);
	assert_int_equal(ps.review_weeks_level2, 16);
	assert_int_equal(ps.review_months_level1, 12);
	assert_int_equal(ps.initial_days_level3, 5);
	assert_int_equal(ps.initial_days_level2, 20);
}

static void
review_due__each_level_from_the_settings(void **state)
{
	struct process_settings ps;

	(void)state;
	process_settings_default(&ps);
	/* Defaults: Level 3 eight weeks, Level 2 sixteen, Level 1 twelve
	 * months to the day. */
	assert_date(process_review_due(&ps, 3, D("2012-05-17")), "2012-07-12");
	assert_date(process_review_due(&ps, 2, D("2012-05-15")), "2012-09-04");
	assert_date(process_review_due(&ps, 1, D("2012-05-15")), "2013-05-15");
	/* Each level reads its own setting, and only its own. */
	ps.review_weeks_level3 = 4;
	assert_date(process_review_due(&ps, 3, D("2012-05-17")), "2012-06-14");
	assert_date(process_review_due(&ps, 2, D("2012-05-15")), "2012-09-04");
	ps.review_weeks_level2 = 10;
	assert_date(process_review_due(&ps, 2, D("2012-05-15")), "2012-07-24");
	ps.review_months_level1 = 6;
	assert_date(process_review_due(&ps, 1, D("2012-05-15")), "2012-11-15");
	assert_date(process_review_due(&ps, 3, D("2012-05-17")), "2012-06-14");
	/* No level, no date: no review. */
	assert_int_equal(process_review_due(&ps, 0, D("2012-05-15")),
			 MDATE_NONE);
	assert_int_equal(process_review_due(&ps, 4, D("2012-05-15")),
			 MDATE_NONE);
	assert_int_equal(process_review_due(&ps, 3, MDATE_NONE), MDATE_NONE);
}

static void
on_time__held_on_the_due_day_is_on_time(void **state)
{
	struct process_settings ps;
	mdate due;

	(void)state;
	process_settings_default(&ps);
	due = process_review_due(&ps, 3, D("2012-05-17"));
	assert_true(process_on_time(due, due));
	assert_true(process_on_time(due - 1, due));
	assert_false(process_on_time(due + 1, due));
	assert_false(process_on_time(MDATE_NONE, due));
	assert_false(process_on_time(due, MDATE_NONE));
}

static void
initial_due__5_and_20_working_days_across_weekends_and_holidays(
	void **state)
{
	struct process_settings ps;
	struct agenda_holidays h = holidays_2012();

	(void)state;
	process_settings_default(&ps);
	/* Level 3, five working days: from Friday 11 May, Friday 18 (one
	 * weekend); from Thursday 31 May, across the Jubilee's two bank
	 * holidays, Monday 11 June (Thursday 7 without them). */
	assert_date(process_initial_due(&ps, &h, 3, D("2012-05-11")),
		    "2012-05-18");
	assert_date(process_initial_due(&ps, &h, 3, D("2012-05-31")),
		    "2012-06-11");
	assert_date(process_initial_due(&ps, NULL, 3, D("2012-05-31")),
		    "2012-06-07");
	/* Referred on a Saturday: Monday is day one. */
	assert_date(process_initial_due(&ps, &h, 3, D("2012-05-12")),
		    "2012-05-18");
	/* Level 2, twenty working days: from Tuesday 1 May across four
	 * weekends and the early May bank holiday, Wednesday 30 May
	 * (Tuesday 29 without it). */
	assert_date(process_initial_due(&ps, &h, 2, D("2012-05-01")),
		    "2012-05-30");
	assert_date(process_initial_due(&ps, NULL, 2, D("2012-05-01")),
		    "2012-05-29");
	/* Across Christmas: from Friday 14 December, 20 working days skip
	 * Christmas and Boxing Day. */
	assert_date(process_initial_due(&ps, &h, 2, D("2012-12-14")),
		    "2013-01-15");
	/* The area's own numbers. */
	ps.initial_days_level3 = 2;
	ps.initial_days_level2 = 3;
	assert_date(process_initial_due(&ps, &h, 3, D("2012-06-01")),
		    "2012-06-07");
	assert_date(process_initial_due(&ps, &h, 2, D("2012-06-01")),
		    "2012-06-08");
	/* A Level 1 registration is no referral: no initial meeting. */
	assert_int_equal(process_initial_due(&ps, &h, 1, D("2012-05-01")),
			 MDATE_NONE);
	assert_int_equal(process_initial_due(&ps, &h, 0, D("2012-05-01")),
			 MDATE_NONE);
	/* Waited: the working days after the referral up to the meeting;
	 * met on the last day is on time. */
	assert_int_equal(process_working_days_between(&h, D("2012-05-01"),
						      D("2012-05-30")), 20);
	ps.initial_days_level2 = PROCESS_INITIAL_DAYS_LEVEL2;
	assert_true(process_on_time(D("2012-05-30"), process_initial_due(
		&ps, &h, 2, D("2012-05-01"))));
	assert_false(process_on_time(D("2012-05-31"), process_initial_due(
		&ps, &h, 2, D("2012-05-01"))));
	agenda_holidays_free(&h);
}

static void
add_months__from_31_january_and_29_february(void **state)
{
	(void)state;
	/* The day kept, or the month's last day. */
	assert_date(process_add_months(D("2012-01-31"), 1), "2012-02-29");
	assert_date(process_add_months(D("2013-01-31"), 1), "2013-02-28");
	assert_date(process_add_months(D("2012-01-31"), 2), "2012-03-31");
	assert_date(process_add_months(D("2012-01-31"), 3), "2012-04-30");
	assert_date(process_add_months(D("2012-01-31"), 13), "2013-02-28");
	assert_date(process_add_months(D("2012-02-29"), 12), "2013-02-28");
	assert_date(process_add_months(D("2012-02-29"), 48), "2016-02-29");
	assert_date(process_add_months(D("2012-02-29"), 1), "2012-03-29");
	assert_date(process_add_months(D("2012-12-31"), 2), "2013-02-28");
	/* Backwards, across a year. */
	assert_date(process_add_months(D("2012-03-31"), -1), "2012-02-29");
	assert_date(process_add_months(D("2012-01-15"), -1), "2011-12-15");
	assert_date(process_add_months(D("2012-05-15"), 0), "2012-05-15");
	/* A Level 1 review a year after 29 February. */
	{
		struct process_settings ps;

		process_settings_default(&ps);
		assert_date(process_review_due(&ps, 1, D("2012-02-29")),
			    "2013-02-28");
		assert_date(process_review_due(&ps, 1, D("2012-01-31")),
			    "2013-01-31");
	}
}

static void
may_hold__on_or_after_its_date_only(void **state)
{
	(void)state;
	assert_true(process_may_hold(D("2012-06-05"), D("2012-06-05")));
	assert_true(process_may_hold(D("2012-06-05"), D("2012-06-06")));
	assert_false(process_may_hold(D("2012-06-05"), D("2012-06-04")));
	assert_false(process_may_hold(MDATE_NONE, D("2012-06-04")));
	assert_false(process_may_hold(D("2012-06-05"), MDATE_NONE));
}

static void
may_record__on_or_before_today_only(void **state)
{
	(void)state;
	assert_true(process_may_record(D("2012-06-05"), D("2012-06-05")));
	assert_true(process_may_record(D("2012-06-04"), D("2012-06-05")));
	assert_false(process_may_record(D("2012-06-06"), D("2012-06-05")));
	assert_false(process_may_record(MDATE_NONE, D("2012-06-05")));
	assert_false(process_may_record(D("2012-06-05"), MDATE_NONE));
}

static void
decided_level__one_level_unless_named(void **state)
{
	char why[160];

	(void)state;
	assert_int_equal(process_decided_level(DECISION_STAY, 2, 0, why,
					       sizeof why), 2);
	assert_int_equal(process_decided_level(DECISION_UP, 2, 0, why,
					       sizeof why), 3);
	assert_int_equal(process_decided_level(DECISION_DOWN, 3, 0, why,
					       sizeof why), 2);
	assert_int_equal(process_decided_level(DECISION_DOWN, 3, 1, why,
					       sizeof why), 1);
	assert_int_equal(process_decided_level(DECISION_UP, 1, 3, why,
					       sizeof why), 3);
	assert_int_equal(process_decided_level(DECISION_EXIT, 3, 0, why,
					       sizeof why), 0);
	assert_int_equal(process_decided_level(DECISION_UP, 3, 0, why,
					       sizeof why), -1);
	assert_non_null(strstr(why, "no Level 4"));
	assert_int_equal(process_decided_level(DECISION_DOWN, 1, 0, why,
					       sizeof why), -1);
	assert_int_equal(process_decided_level(DECISION_DOWN, 2, 3, why,
					       sizeof why), -1);
	assert_non_null(strstr(why, "Level 3 is not down"));
	assert_int_equal(process_decided_level(
				 level_decision_parse("sideways"), 2, 0, why,
				 sizeof why), -1);
	assert_non_null(strstr(why, "one of stay, up, down, exit"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(working_days__weekends_skipped),
		cmocka_unit_test(working_days__across_bank_holidays),
		cmocka_unit_test(settings__defaults_8_16_weeks_12_months_5_20_days),
		cmocka_unit_test(review_due__each_level_from_the_settings),
		cmocka_unit_test(on_time__held_on_the_due_day_is_on_time),
		cmocka_unit_test(
		 initial_due__5_and_20_working_days_across_weekends_and_holidays),
		cmocka_unit_test(add_months__from_31_january_and_29_february),
		cmocka_unit_test(may_hold__on_or_after_its_date_only),
		cmocka_unit_test(may_record__on_or_before_today_only),
		cmocka_unit_test(decided_level__one_level_unless_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
