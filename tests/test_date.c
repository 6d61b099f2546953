/*
 * test_date.c -- day numbers, parsing and reporting years.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/date.h"

static void
parse__real_dates_only(void **state)
{
	mdate d;

	(void)state;
	assert_int_equal(date_parse("2011-03-31", &d), 0);
	assert_int_equal(date_parse("2012-02-29", &d), 0);
	assert_int_equal(date_parse("2011-02-29", &d), -1);
	assert_int_equal(date_parse("1900-02-29", &d), -1);
	assert_int_equal(date_parse("2000-02-29", &d), 0);
	assert_int_equal(date_parse("2011-04-31", &d), -1);
	assert_int_equal(date_parse("2011-13-01", &d), -1);
	assert_int_equal(date_parse("2011-00-10", &d), -1);
	assert_int_equal(date_parse("2011-3-31", &d), -1);
	assert_int_equal(date_parse("31/03/2011", &d), -1);
	assert_int_equal(date_parse("2011-03-31 ", &d), -1);
	assert_int_equal(date_parse("", &d), -1);
}

static void
roundtrip__every_day_1990_2040(void **state)
{
	char buf[MDATE_BUFSZ];
	mdate d, back;
	int y, m, dd;

	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	for (d = date_from_ymd(1990, 1, 1); d < date_from_ymd(2040, 1, 1);
	     d++) {
		date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(date_from_ymd(y, m, dd), d);
		assert_int_equal(date_parse(date_format(d, buf), &back), 0);
		assert_int_equal(back, d);
	}
}

static void
weekday__known_days(void **state)
{
	(void)state;
	/* 2011-03-31 was a Thursday; 2012-05-14 a Monday. */
	assert_int_equal(date_weekday(date_from_ymd(2011, 3, 31)), 3);
	assert_int_equal(date_weekday(date_from_ymd(2012, 5, 14)), 0);
	assert_int_equal(date_weekday(date_from_ymd(1969, 12, 31)), 2);
}

/* The weekdays' one list: the settings' spelling, read in any case. */
static void
weekday__names_both_ways(void **state)
{
	(void)state;
	assert_string_equal(date_weekday_name(0), "monday");
	assert_string_equal(date_weekday_name(6), "sunday");
	assert_null(date_weekday_name(7));
	assert_null(date_weekday_name(-1));
	for (int i = 0; i < 7; i++)
		assert_int_equal(date_weekday_parse(date_weekday_name(i)), i);
	assert_int_equal(date_weekday_parse("Tuesday"), 1);
	assert_int_equal(date_weekday_parse("THURSDAY"), 3);
	assert_int_equal(date_weekday_parse("thurs"), -1);
	assert_int_equal(date_weekday_parse(""), -1);
}

static void
report_year__bounds_and_names(void **state)
{
	char buf[8];
	int y;

	(void)state;
	assert_int_equal(date_report_year(date_from_ymd(2011, 3, 31)), 2010);
	assert_int_equal(date_report_year(date_from_ymd(2011, 4, 1)), 2011);
	assert_int_equal(report_year_start(2010), date_from_ymd(2010, 4, 1));
	assert_int_equal(report_year_end(2010), date_from_ymd(2011, 3, 31));
	assert_int_equal(report_year_parse("2010-11", &y), 0);
	assert_int_equal(y, 2010);
	assert_int_equal(report_year_parse("2010", &y), 0);
	assert_int_equal(y, 2010);
	assert_int_equal(report_year_parse("1999-00", &y), 0);
	assert_int_equal(report_year_parse("2010-12", &y), -1);
	assert_int_equal(report_year_parse("10-11", &y), -1);
	assert_string_equal(report_year_format(2010, buf), "2010-11");
	assert_string_equal(report_year_format(1999, buf), "1999-00");
}

static void
date_case__lay_sees_the_month_alone(void **state)
{
	char buf[MDATE_BUFSZ];
	mdate d;

	(void)state;
	assert_string_equal(date_case("2010-05-04", true, buf), "2010-05");
	assert_string_equal(date_case("2010-05-04", false, buf),
			    "2010-05-04");
	assert_string_equal(date_case("", true, buf), "");
	assert_null(date_case(NULL, true, buf));
	assert_int_equal(date_parse("2011-12-31", &d), 0);
	assert_string_equal(date_case_format(d, true, buf), "2011-12");
	assert_string_equal(date_case_format(d, false, buf), "2011-12-31");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse__real_dates_only),
		cmocka_unit_test(roundtrip__every_day_1990_2040),
		cmocka_unit_test(weekday__known_days),
		cmocka_unit_test(weekday__names_both_ways),
		cmocka_unit_test(report_year__bounds_and_names),
		cmocka_unit_test(date_case__lay_sees_the_month_alone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
