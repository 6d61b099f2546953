/*
 * process.c -- the schedule rules of the MAPPA case process
 * (process.h).
 *
 * Working days are counted one day at a time: the intervals are a few
 * weeks at most, and a loop over days is easier to trust across weekends
 * and runs of bank holidays (Christmas, Easter, a jubilee) than any
 * arithmetic shortcut.
 */
#include "config.h"

#include <string.h>

#include "core/process.h"
#include "core/util.h"

/* Longer than any interval a setting allows (60 working days), so a
 * holidays file of nothing but holidays cannot loop for ever. */
#define MAX_SCAN_DAYS 3660

void
process_settings_default(struct process_settings *ps)
{
	ps->review_weeks_level3 = PROCESS_REVIEW_WEEKS_LEVEL3;
	ps->review_weeks_level2 = PROCESS_REVIEW_WEEKS_LEVEL2;
	ps->review_months_level1 = PROCESS_REVIEW_MONTHS_LEVEL1;
	ps->initial_days_level3 = PROCESS_INITIAL_DAYS_LEVEL3;
	ps->initial_days_level2 = PROCESS_INITIAL_DAYS_LEVEL2;
}

mdate
process_add_months(mdate d, int n)
{
	int y, m, day, k, dim;

	if (d == MDATE_NONE)
		return MDATE_NONE;
	date_to_ymd(d, &y, &m, &day);
	k = y * 12 + (m - 1) + n;
	y = k / 12;
	m = k % 12 + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, day < dim ? day : dim);
}

bool
process_is_holiday(const struct agenda_holidays *h, mdate d)
{
	size_t lo = 0, hi;

	if (h == NULL || h->n == 0)
		return false;
	hi = h->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h->day[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < h->n && h->day[lo] == d;
}

bool
process_is_working_day(const struct agenda_holidays *h, mdate d)
{
	return date_weekday(d) < 5 && !process_is_holiday(h, d);
}

mdate
process_add_working_days(const struct agenda_holidays *h, mdate d, int n)
{
	int scanned = 0;

	if (n <= 0) {
		while (!process_is_working_day(h, d) &&
		       scanned++ < MAX_SCAN_DAYS)
			d++;
		return d;
	}
	while (n > 0 && scanned++ < MAX_SCAN_DAYS * 2) {
		d++;
		if (process_is_working_day(h, d))
			n--;
	}
	return d;
}

int
process_working_days_between(const struct agenda_holidays *h, mdate from,
			     mdate to)
{
	int n = 0;

	if (from == MDATE_NONE || to == MDATE_NONE)
		return 0;
	for (mdate d = from + 1; d <= to; d++)
		n += process_is_working_day(h, d);
	return n;
}

mdate
process_review_due(const struct process_settings *ps, int level, mdate from)
{
	if (from == MDATE_NONE)
		return MDATE_NONE;
	switch (level) {
	case 3:
		return from + 7 * ps->review_weeks_level3;
	case 2:
		return from + 7 * ps->review_weeks_level2;
	case 1:
		return process_add_months(from, ps->review_months_level1);
	default:
		return MDATE_NONE;
	}
}

mdate
process_initial_due(const struct process_settings *ps,
		    const struct agenda_holidays *h, int level, mdate referred)
{
	if (referred == MDATE_NONE || (level != 2 && level != 3))
		return MDATE_NONE;
	return process_add_working_days(h, referred,
					level == 3 ? ps->initial_days_level3
						   : ps->initial_days_level2);
}

bool
process_on_time(mdate held, mdate due)
{
	return held != MDATE_NONE && due != MDATE_NONE && held <= due;
}

bool
process_may_hold(mdate date, mdate today)
{
	return date != MDATE_NONE && today != MDATE_NONE && date <= today;
}

bool
process_may_record(mdate date, mdate today)
{
	return date != MDATE_NONE && today != MDATE_NONE && date <= today;
}

int
process_decided_level(int d, int level, int to, char *why, size_t whylen)
{
	const char *dec = level_decision_name(d);
	int n;

	if (d == DECISION_STAY)
		return level;
	if (d == DECISION_EXIT)
		return 0;
	if (d != DECISION_UP && d != DECISION_DOWN) {
		str_printf(why, whylen, "level decision: one of stay, up, "
			   "down, exit");
		return -1;
	}
	n = to ? to : d == DECISION_UP ? level + 1 : level - 1;
	if (n < 1 || n > 3) {
		str_printf(why, whylen, "the case is at Level %d: there is "
			   "no Level %d to go %s to", level, n, dec);
		return -1;
	}
	if ((d == DECISION_UP && n <= level) ||
	    (d == DECISION_DOWN && n >= level)) {
		str_printf(why, whylen, "level decision %s: the case is at "
			   "Level %d, so Level %d is not %s", dec, level, n,
			   dec);
		return -1;
	}
	return n;
}

void
process_decision_words(char *buf, size_t n, enum level_decision d, int level,
		       int new_level)
{
	if (d == DECISION_STAY)
		str_printf(buf, n, "stay at Level %d", level);
	else if (d == DECISION_EXIT)
		str_copy(buf, "exit from MAPPA", n);
	else
		str_printf(buf, n, "%s to Level %d", level_decision_name(d),
			   new_level);
}
