/*
 * date.h -- calendar dates as day numbers.
 *
 * mappa's dates have no time of day (statistics.md).  A date is held as a
 * signed count of days since 1970-01-01 in the proleptic Gregorian
 * calendar, so that comparisons and differences are integer operations.
 */
#ifndef MAPPA_DATE_H
#define MAPPA_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t mdate;

/* No date: sorts before every real date. */
#define MDATE_NONE INT32_MIN

/* Length of "YYYY-MM-DD" plus its terminating NUL. */
#define MDATE_BUFSZ 11

/* The day number of Y-M-D; the arguments must form a real date. */
mdate date_from_ymd(int y, int m, int d);

/* Split a day number into year, month (1-12) and day (1-31). */
void date_to_ymd(mdate date, int *y, int *m, int *d);

/*
 * Parse exactly "YYYY-MM-DD" (years 1000-9999) naming a real calendar
 * date.  Returns 0 and stores the day number, or -1 (nothing stored).
 */
int date_parse(const char *s, mdate *out);

/* Parse the first LEN bytes of S as above (S need not be terminated). */
int date_parse_n(const char *s, size_t len, mdate *out);

/*
 * The same, for a long run of dates (every event of a register): the
 * first day and the length of each month met are kept in C, so that a
 * date costs its digits.  C starts zeroed.
 */
#define DATE_CACHE_SLOTS 512
struct date_cache {
	int32_t key[DATE_CACHE_SLOTS]; /* year * 12 + month, plus 1; 0: empty */
	mdate first[DATE_CACHE_SLOTS];
	uint8_t days[DATE_CACHE_SLOTS];
};
int date_parse_cached(struct date_cache *c, const char *s, size_t len,
		      mdate *out);

/* Write DATE as "YYYY-MM-DD" into BUF (MDATE_BUFSZ bytes); returns BUF. */
char *date_format(mdate date, char *buf);

/*
 * A date shown in a view of one case: ISO ("YYYY-MM-DD...") as it is, or
 * for a lay adviser (LAY) its month alone, "YYYY-MM": an exact day can,
 * with local news, re-identify a person in a small area (mappa(1), Lay
 * advisers).  The statistics never go through here.  NULL or "" stays
 * as given.  Returns ISO or BUF (MDATE_BUFSZ bytes).
 */
const char *date_case(const char *iso, bool lay, char *buf);

/* date_case() of DATE, written into BUF (MDATE_BUFSZ bytes). */
const char *date_case_format(mdate date, bool lay, char *buf);

/* Day of the week, 0 = Monday .. 6 = Sunday. */
int date_weekday(mdate date);

/* The name of weekday WD (0 = Monday .. 6 = Sunday) as the settings store
 * it ("monday"), or NULL; the papers capitalise it. */
const char *date_weekday_name(int wd);

/* The weekday named S in any case ("Tuesday": 1), or -1. */
int date_weekday_parse(const char *s);

/* Whether Y is a leap year; the number of days in month M of year Y. */
int date_is_leap(int y);
int date_days_in_month(int y, int m);

/* The reporting year (core/report_year.h) DATE falls in: Y for
 * Y-04-01 .. (Y+1)-03-31. */
int date_report_year(mdate date);

/* The N digits at S as a number into *OUT: 0, or -1 when one is not a
 * digit.  Write V (0 <= V < 10^N) as N digits at P.  (The written forms
 * of dates and reporting years.) */
int date_digits(const char *s, int n, int *out);
void date_put_digits(char *p, int v, int n);

#endif

/* Callers of reporting years long had them from here. */
#include "core/report_year.h"
