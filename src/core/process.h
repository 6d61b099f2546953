/*
 * process.h -- the MAPPA case process's schedule rules, in one place
 * (issue 12): when a case's review falls due at each level, when a
 * referral's initial meeting must sit (working days: Monday to Friday,
 * bank holidays skipped), calendar months, whether a review or initial
 * meeting was on time, and the settings those rules read with their
 * defaults.
 *
 * Pure rules: no storage, no terminal.  The data layer reads the
 * settings (db_process_settings()); screens, commands and the
 * indicators ask these functions and never do the arithmetic
 * themselves.  Bank holidays come in as the sorted array core/agenda.h
 * loads.
 */
#ifndef MAPPA_PROCESS_H
#define MAPPA_PROCESS_H

#include <stdbool.h>

#include "core/agenda.h"
#include "core/date.h"
#include "core/status.h"

/*
 * The defaults, written once: the settings table (db/settings.c) spells
 * them from these.  Level 3 reviewed every 8 weeks and first met within
 * 5 working days of referral; Level 2 every 16 weeks and within 20
 * working days; Level 1 (lead agency policy) every 12 months.
 */
#define PROCESS_REVIEW_WEEKS_LEVEL3 8
#define PROCESS_REVIEW_WEEKS_LEVEL2 16
#define PROCESS_REVIEW_MONTHS_LEVEL1 12
#define PROCESS_INITIAL_DAYS_LEVEL3 5
#define PROCESS_INITIAL_DAYS_LEVEL2 20

/* The area's settings the schedule rules read (settings of the same
 * names). */
struct process_settings {
	int review_weeks_level3, review_weeks_level2;
	int review_months_level1;
	int initial_days_level3, initial_days_level2;
};

/* PS set to the defaults above. */
void process_settings_default(struct process_settings *ps);

/* D plus N calendar months (N may be negative), the day of the month
 * kept or, past the month's end, its last day: 31 January plus one is
 * the last day of February; 29 February plus twelve is 28 February. */
mdate process_add_months(mdate d, int n);

/* Whether D is one of H's bank holidays (H may be NULL: none). */
bool process_is_holiday(const struct agenda_holidays *h, mdate d);

/* Whether D is a working day: Monday to Friday and not a bank holiday. */
bool process_is_working_day(const struct agenda_holidays *h, mdate d);

/*
 * The Nth working day after D (N >= 1), or with N == 0 D itself when it
 * is a working day, else the next one.  A referral made on a Friday with
 * N == 5 is due the next Friday, or later for each bank holiday between.
 */
mdate process_add_working_days(const struct agenda_holidays *h, mdate d,
			       int n);

/*
 * The working days after FROM up to and including TO (0 when TO <= FROM):
 * how long a referral waited for its initial meeting.
 */
int process_working_days_between(const struct agenda_holidays *h, mdate from,
				 mdate to);

/*
 * When a case at LEVEL last reviewed (or whose level was set) on FROM is
 * next due: Level 3 and 2 after their weeks, Level 1 after its months
 * (process_add_months()).  MDATE_NONE for any other level or no FROM.
 */
mdate process_review_due(const struct process_settings *ps, int level,
			 mdate from);

/*
 * The last day for the initial meeting of a case referred on REFERRED
 * for LEVEL (2 or 3): that level's working days later.  MDATE_NONE for
 * any other level (a Level 1 registration is no referral) or no date.
 */
mdate process_initial_due(const struct process_settings *ps,
			  const struct agenda_holidays *h, int level,
			  mdate referred);

/* Whether a review or an initial meeting held on HELD met its due date
 * DUE: on the day itself is on time. */
bool process_on_time(mdate held, mdate due);

/* Whether a meeting on DATE may be marked held on TODAY: on or after its
 * date, never before. */
bool process_may_hold(mdate date, mdate today);

/* Whether an event dated DATE may be recorded in a case's history on
 * TODAY: on or before today, never after (a history records what has
 * happened). */
bool process_may_record(mdate date, mdate today);

/*
 * The level decision D leads to, for a case at LEVEL (1-3): DECISION_STAY
 * keeps it; DECISION_UP and DECISION_DOWN move one level, or to TO when
 * TO is not 0; DECISION_EXIT ends management (0).  Returns -1 with a
 * sentence in WHY (WHYLEN bytes) when the decision cannot apply: not up
 * (or down) from LEVEL, beyond Level 1 to 3, or none (DECISION_NONE, or
 * a value out of range: a word level_decision_parse() did not know).
 */
int process_decided_level(int d, int level, int to, char *why,
			  size_t whylen);

/* Decision D from LEVEL to NEW_LEVEL in words for people, into BUF (N
 * bytes): "stay at Level 2", "down to Level 1", "exit from MAPPA". */
void process_decision_words(char *buf, size_t n, enum level_decision d,
			    int level, int new_level);

#endif
