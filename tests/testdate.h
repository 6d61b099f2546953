/*
 * testdate.h -- dates in the tests, written once: D("2012-05-14") is that
 * day (a bad date fails the test), assert_date() compares a day with its
 * text.  Include after <cmocka.h>.
 */
#ifndef MAPPA_TESTDATE_H
#define MAPPA_TESTDATE_H

#include "core/date.h"

static inline mdate
D(const char *s)
{
	mdate d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static inline void
assert_date(mdate got, const char *want)
{
	char buf[MDATE_BUFSZ];

	assert_string_equal(date_format(got, buf), want);
}

#endif
