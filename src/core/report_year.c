/*
 * report_year.c -- reporting years, as the statistics and the indicators
 * count them (report_year.h).
 */
#include "config.h"

#include <string.h>

#include "core/report_year.h"

mdate
report_year_start(int y)
{
	return date_from_ymd(y, 4, 1);
}

mdate
report_year_end(int y)
{
	return date_from_ymd(y + 1, 3, 31);
}

int
report_year_parse(const char *s, int *y)
{
	int a, b;
	size_t n = strlen(s);

	if (n != 4 && n != 7)
		return -1;
	if (date_digits(s, 4, &a) || a < 1000 || a > 9998)
		return -1;
	if (n == 7) {
		if (s[4] != '-' || date_digits(s + 5, 2, &b) || b != (a + 1) % 100)
			return -1;
	}
	*y = a;
	return 0;
}

char *
report_year_format(int y, char *buf)
{
	if (y < 0 || y > 9998)
		y = 0;
	date_put_digits(buf, y, 4);
	buf[4] = '-';
	date_put_digits(buf + 5, (y + 1) % 100, 2);
	buf[7] = '\0';
	return buf;
}
