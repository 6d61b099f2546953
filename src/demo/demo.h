/*
 * demo.h -- the fictional demo area (issue 3).
 *
 * demo_generate() produces, deterministically, a MAPPA area's records:
 * offenders with invented names and histories from 2005 to DEMO_TODAY,
 * population estimates, and the people who decided things.  It knows
 * nothing of storage: it hands each record to the callbacks of a struct
 * demo_sink, which the command line connects to the data layer.
 *
 * With scale 0 the area reproduces, for reporting year 2010-11, every
 * figure of the published 2010-11 report (statistics.md,
 * demo-2010-11.csv).  With scale N > 0 it makes N offenders with
 * proportional histories, for benchmarks.
 */
#ifndef MAPPA_DEMO_H
#define MAPPA_DEMO_H

#include <stddef.h>
#include <stdint.h>

#include "core/event.h"

/* The demo's own 'today': shortly after the end of reporting year 2011-12. */
#define DEMO_TODAY_Y 2012
#define DEMO_TODAY_M 5
#define DEMO_TODAY_D 14

/* The weekdays (0 = Monday, as date_weekday()) of the demo area's
 * Level 2 and Level 3 MAPP meetings. */
#define DEMO_MEETING_WEEKDAY_L2 1
#define DEMO_MEETING_WEEKDAY_L3 3

/* The demo area's name (settings key area_name). */
#define DEMO_AREA_NAME "Wessex Fens (demo)"

/*
 * The weekdays (0 = Monday, as date_weekday()) on which the demo area's
 * Level 2 and Level 3 MAPP meetings sit.  A demo event decided at a
 * meeting is dated on the meeting's day, so its date falls on the weekday
 * of its meeting_level; an emergency decision (no meeting) may fall on any
 * working day.
 */
#define DEMO_MEETING_WEEKDAY_L2 1 /* Tuesday */
#define DEMO_MEETING_WEEKDAY_L3 3 /* Thursday */

/* One event of a demo history, with what the data layer records beside it. */
struct demo_event {
	struct ev ev;
	const char *note;       /* reason for a level change, court, ...; or NULL */
	mdate meeting;          /* the MAPP meeting that decided it, or MDATE_NONE */
	uint8_t meeting_level;  /* that meeting's level (2 or 3), or 0 */
	const char *chair;      /* that meeting's chair, or the deciding person */
};

struct demo_offender {
	char ref[16];        /* the area's case reference, unique */
	char surname[40];
	char forenames[48];
	mdate dob;
	char gender;         /* 'M', 'F', 'X' or 'U' */
	char pnc[16];        /* e.g. 05/123456A */
	char crn[16];        /* e.g. X123456 */
	char visor[16];
	const char *district;
	const char *lead_agency; /* police, probation, prison, yot, health, other */
	const char *notes;   /* or NULL */
	const struct demo_event *evs; /* sorted by date, then recorded order */
	size_t nev;
};

/*
 * Where the records go.  Each callback returns 0 to go on or non-zero to
 * stop generation (demo_generate() then returns that value).  The
 * pointers passed are valid only during the call.  Any callback may be
 * NULL.
 */
struct demo_sink {
	void *ctx;
	int (*population)(void *ctx, int year, int64_t population_10_plus,
			  const char *source);
	int (*offender)(void *ctx, const struct demo_offender *o);
	/* Called every so often with the number of offenders done so far
	 * and the total, for a progress bar. */
	void (*progress)(void *ctx, size_t done, size_t total);
};

/*
 * Generate the demo area into SINK: scale 0 is the standard area, N > 0 an
 * area of N offenders.  Returns 0, a callback's non-zero value, or -1 when
 * out of memory.
 */
int demo_generate(size_t scale, const struct demo_sink *sink);

/* The demo's fixed 'today'. */
mdate demo_today(void);

/*
 * The chair of the demo's Level LEVEL meeting on DATE (one chair per
 * meeting; the meeting history of demo/demo_meetings.c names the same
 * chairs), and the coordinator who takes emergency decisions.
 */
const char *demo_chair(mdate date, int level);
const char *demo_coordinator(void);

/* Names of the demo's users: the sample chair and lay adviser. */
#define DEMO_CHAIR_USER "chair"
#define DEMO_LAY_USER "lay"

#endif
