/*
 * date.c -- day-number arithmetic for the proleptic Gregorian calendar.
 *
 * The conversions are Howard Hinnant's civil-from-days algorithms, exact
 * for every date mappa can hold and free of floating point.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"

mdate
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (mdate)(era * 146097 + doe - 719468);
}

void
date_to_ymd(mdate date, int *y, int *m, int *d)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;

	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
				    31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

int
date_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
date_parse_n(const char *s, size_t len, mdate *out)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (date_digits(s, 4, &y) || date_digits(s + 5, 2, &m) ||
	    date_digits(s + 8, 2, &d))
		return -1;
	if (y < 1000 || m < 1 || m > 12 || d < 1 ||
	    d > date_days_in_month(y, m))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

const char *
date_case(const char *iso, bool lay, char *buf)
{
	if (!lay || iso == NULL || *iso == '\0')
		return iso;
	snprintf(buf, MDATE_BUFSZ, "%.7s", iso);
	return buf;
}

const char *
date_case_format(mdate date, bool lay, char *buf)
{
	date_format(date, buf);
	if (lay)
		buf[7] = '\0';
	return buf;
}

int
date_parse_cached(struct date_cache *c, const char *s, size_t len,
		  mdate *out)
{
	int y, m, d, key, slot;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (date_digits(s, 4, &y) || date_digits(s + 5, 2, &m) ||
	    date_digits(s + 8, 2, &d))
		return -1;
	if (y < 1000 || m < 1 || m > 12)
		return -1;
	key = y * 12 + m; /* never 0 */
	slot = key % DATE_CACHE_SLOTS;
	if (c->key[slot] != key) {
		c->key[slot] = key;
		c->first[slot] = date_from_ymd(y, m, 1);
		c->days[slot] = (uint8_t)date_days_in_month(y, m);
	}
	if (d < 1 || d > c->days[slot])
		return -1;
	*out = c->first[slot] + d - 1;
	return 0;
}

int
date_parse(const char *s, mdate *out)
{
	return date_parse_n(s, strlen(s), out);
}

void
date_put_digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

char *
date_format(mdate date, char *buf)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	date_put_digits(buf, y, 4);
	buf[4] = '-';
	date_put_digits(buf + 5, m, 2);
	buf[7] = '-';
	date_put_digits(buf + 8, d, 2);
	buf[10] = '\0';
	return buf;
}

int
date_weekday(mdate date)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (date + 3) % 7;

	return w < 0 ? w + 7 : w;
}

static const char *const weekday_names[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};

const char *
date_weekday_name(int wd)
{
	return wd >= 0 && wd < 7 ? weekday_names[wd] : NULL;
}

int
date_weekday_parse(const char *s)
{
	for (int i = 0; i < 7; i++)
		if (strcasecmp(s, weekday_names[i]) == 0)
			return i;
	return -1;
}

int
date_report_year(mdate date)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	return m >= 4 ? y : y - 1;
}
