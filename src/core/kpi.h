/*
 * kpi.h -- the performance indicators the Strategic Management Board
 * watches (issue 8), per quarter and per reporting year.
 *
 * The data layer (db/kpi.c) finds the facts -- one per meeting invitation,
 * referral, review, release and action -- and hands each to kpi_add(),
 * saying in which indicator it counts, on which date, and whether it met
 * the standard.  This file sorts the facts into quarters, turns them into
 * percentages, compares them with the area's targets and prints them.  No
 * SQL and no curses here.
 *
 * The rules, as a lay adviser can check them (the man page says the same):
 *
 *   Periods.  Reporting year Y runs 1 April Y to 31 March Y+1; its
 *   quarters are Q1 April-June, Q2 July-September, Q3 October-December,
 *   Q4 January-March.  A fact counts in the quarter of its date, and in
 *   the year.
 *
 *   Percentages are whole numbers rounded half up (2 of 3 is 67%); with
 *   nothing to count there is no figure ("-").  A figure meets its target
 *   when it is at least the target.
 *
 *   1. Attendance.  For each agency, each held Level 2 or 3 meeting (on
 *      the meeting's date) it was invited to.  Attended: present, or sent
 *      a report.  Apologies, absent, or nothing recorded: not attended.
 *      Target kpi_attendance_pct, for every agency.
 *   2. Initial meeting.  Each referral (on the referral's date) proposed
 *      at Level 2 or 3 (a Level 1 registration is no referral), not
 *      declined or withdrawn.  Its initial meeting is the meeting recorded on the
 *      referral, else the first held meeting at which it was discussed as
 *      an initial item.  Met: that meeting fell on or before the last day
 *      for it (process_initial_due(): initial_days_level3 or
 *      initial_days_level2 working days after the referral -- Monday to
 *      Friday, not an England and Wales bank holiday).  A
 *      referral still waiting counts as not met once its last day has
 *      passed, and not at all before.  The days figure is the median of
 *      the working days waited by those that met (of an even number, the
 *      mean of the two middle ones, rounded half up).  Target
 *      kpi_initial_meeting_pct.
 *   3. Reviews.  Each case discussed as a review at a held Level 2 or 3
 *      meeting (on the meeting's date).  Met: the meeting fell within the
 *      meeting level's interval (process_review_due(): review_weeks_level3
 *      or review_weeks_level2) of the case's previous discussion
 *      at a held meeting, or of its previous level decision (a register or
 *      level event), whichever is later.  A review with neither before it
 *      is not counted.  Reviews not yet held are not counted until they
 *      are held; the register's overdue list shows those.  Target
 *      kpi_reviews_on_time_pct.
 *   4. Level before release.  Each release from custody (on the release
 *      date) of a case registered at the time (its last register or exit
 *      event before then is a register).  Met: its level was set -- a
 *      register or level event, or the case discussed at a held meeting
 *      -- while in custody (on or after the day the spell began) and at
 *      least six months before the expected release date: on or before
 *      kpi_release_deadline().  The expected release is the last one the
 *      case's key dates gave for that spell (issue 15); without one, the
 *      release date itself.  (Before issue 15: a decision in the 183
 *      days before the release date.)  Target
 *      kpi_level_before_release_pct.
 *   5. Actions.  Each action with a due date (on the due date), once it
 *      is done or its due date is before today.  Met: done on or before
 *      its due date.  Target kpi_actions_on_time_pct.
 *
 * The facts that do not meet the standard are the shortfalls: the case
 * (reference and name) for admins and members; for lay advisers the
 * data layer gives none, and only the counts are shown.
 */
#ifndef MAPPA_KPI_H
#define MAPPA_KPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/date.h"

/*
 * Indicator 4: the last day on which setting the level counts for a
 * release from a spell in custody that began on CUSTODY, expected on
 * EXPECTED (MDATE_NONE: on RELEASE, the day it happened): six months
 * before the expected release (core/casefile.h), or the day custody
 * began when that is later (a spell shorter than six months).
 */
mdate kpi_release_deadline(mdate custody, mdate expected, mdate release);

/* The indicators. */
enum kpi_indicator {
	KPI_ATTENDANCE,
	KPI_INITIAL,
	KPI_REVIEWS,
	KPI_RELEASE,
	KPI_ACTIONS,
	KPI_INDICATORS
};

/* Periods: the four quarters, then the year. */
enum { KPI_Q1, KPI_Q2, KPI_Q3, KPI_Q4, KPI_YEAR, KPI_PERIODS };

/* Agencies counted for attendance: at most this many (core/agenda.h's
 * list); other indicators use row 0. */
#define KPI_MAX_AGENCIES 16

/* Output formats. */
enum kpi_format { KPI_TEXT, KPI_CSV };

/* One figure: facts that met the standard, of how many. */
struct kpi_cell {
	int64_t met, total;
};

/* A fact that fell short. */
struct kpi_shortfall {
	enum kpi_indicator ind;
	int agency;          /* attendance: the agency's index; else -1 */
	int quarter;         /* KPI_Q1..KPI_Q4 */
	mdate date;          /* the fact's date */
	int64_t offender_id; /* 0 for attendance (a meeting, not a case) */
	int64_t meeting_id;  /* or 0 */
	char ref[33];
	char name[128];      /* "Surname, Forenames"; "" when none */
	char detail[96];     /* why it fell short, in a few words */
};

/* A case, as kpi_add() records it. */
struct kpi_case {
	int64_t offender_id;
	int64_t meeting_id;
	const char *ref;     /* NULL: no case (attendance) */
	const char *name;
	const char *detail;
};

/* The indicators of one reporting year. */
struct kpi {
	int year;                                     /* 2010 for 2010-11 */
	int target[KPI_INDICATORS];                   /* percent */
	const char *agency[KPI_MAX_AGENCIES];         /* codes, for display */
	const char *agency_name[KPI_MAX_AGENCIES];
	bool agency_ra[KPI_MAX_AGENCIES];
	int nagencies;
	struct kpi_cell cell[KPI_INDICATORS][KPI_MAX_AGENCIES][KPI_PERIODS];
	int *days[KPI_PERIODS];     /* working days to the initial meeting */
	size_t ndays[KPI_PERIODS], capdays[KPI_PERIODS];
	bool identified;            /* shortfalls carry cases (not lay) */
	struct kpi_shortfall *sf;   /* in the order added */
	size_t nsf, capsf;
	bool failed;                /* out of memory: lists incomplete */
};

/* Start K for reporting year YEAR: no facts, targets 0, agencies from
 * core/agenda.h, IDENTIFIED as said. */
void kpi_init(struct kpi *k, int year, bool identified);

/* Free what K holds (not K). */
void kpi_free(struct kpi *k);

/* The quarter (KPI_Q1..KPI_Q4) of reporting year YEAR that D falls in,
 * or -1 when D is outside the year. */
int kpi_quarter(int year, mdate d);

/* The first and last day of period P (a quarter, or KPI_YEAR) of YEAR. */
mdate kpi_period_start(int year, int p);
mdate kpi_period_end(int year, int p);

/* "q1".."q4", "year". */
const char *kpi_period_code(int p);

/* "Attendance at Level 2/3 meetings", ...; "attendance", "initial_meeting",
 * "reviews_on_time", "level_before_release", "actions_on_time". */
const char *kpi_indicator_name(enum kpi_indicator i);
const char *kpi_indicator_code(enum kpi_indicator i);

/* The settings key of indicator I's target ("kpi_attendance_pct"...). */
const char *kpi_target_key(enum kpi_indicator i);

/* MET of TOTAL as a whole percent rounded half up; -1 when TOTAL is 0. */
int kpi_percent(int64_t met, int64_t total);

/* Whether PERCENT (-1: no figure) meets TARGET: -1 no figure, 0, 1. */
int kpi_meets(int percent, int target);

/* The index of agency CODE in K, or -1. */
int kpi_agency_index(const struct kpi *k, const char *code);

/*
 * Count one fact of indicator I (AGENCY the index for attendance, else
 * 0) dated D: in its quarter and the year; outside the year it is
 * ignored (returns 0).  MET whether it met the standard; DAYS (>= 0) the
 * working days an initial meeting waited, kept for the median when met.
 * When it fell short and K is identified, C (if not NULL) is kept as a
 * shortfall.  Returns 0, or -1 when out of memory (K->failed set).
 */
int kpi_add(struct kpi *k, enum kpi_indicator i, int agency, mdate d,
	    bool met, int days, const struct kpi_case *c);

/* The median working days to the initial meeting in period P, or -1. */
int kpi_median_days(struct kpi *k, int p);

/* The cell of indicator I, agency A (0 unless attendance), period P. */
const struct kpi_cell *kpi_cell(const struct kpi *k, enum kpi_indicator i,
				int a, int p);

/*
 * Write K to OUT in format FMT under AREA's name.  CASES: list the
 * shortfalls (only those K holds).  CSV header:
 * period,indicator,agency,met,total,percent,target,met_target,median_days
 * -- one row per period and indicator (per agency for attendance);
 * percent and met_target empty with nothing to count ("yes"/"no"
 * otherwise); median_days only for initial_meeting.  CSV with CASES is
 * the shortfalls instead, header
 * period,indicator,agency,date,ref,name,meeting,detail.  Text with CASES
 * lists them after the figures.  Returns 0, or -1 on a write error.
 */
int kpi_write(FILE *out, struct kpi *k, const char *area, int fmt,
	      bool cases);

#endif
