/*
 * demo_meetings.h -- the demo area's MAPP meeting history (issue 7).
 *
 * Behind every decision of a demo history taken at a MAPP meeting there
 * is a held meeting with attendance, minutes and actions; between
 * decisions, a case at Level 2 or 3 is reviewed at its level's meeting
 * every review interval (8 or 16 weeks), the decision to stay put minuted
 * like any other.  A case first managed at Level 2 or 3, or raised to it
 * from Level 1, was referred by an agency some working days before the
 * meeting that took it on: mostly within the interval (5 working days
 * for Level 3, 20 for Level 2), a few late.  After the demo's today a few weeks of meetings are
 * scheduled.  Like demo/demo.c this knows nothing of storage, and like it
 * everything here is deterministic: each case draws from a stream seeded
 * by its reference, so every run gives the same minutes.
 */
#ifndef MAPPA_DEMO_MEETINGS_H
#define MAPPA_DEMO_MEETINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/status.h"
#include "demo/demo.h"

/* The free-text headings of a case's minutes, in the data layer's order
 * (decision, rationale, dissent, the four plan headings, contingencies,
 * victim issues, disclosure). */
#define DEMO_MINUTES_TEXTS 10

#define DEMO_ITEM_ACTIONS 3

/* An action agreed at a demo meeting. */
struct demo_action {
	const char *text;
	const char *agency;  /* an agency code (core/agenda.h) */
	const char *owner;   /* the person who owns it */
	mdate due;
	mdate done;          /* MDATE_NONE while open */
};

/* One case on the agenda of one demo meeting, with its minutes. */
struct demo_item {
	mdate meeting;           /* the meeting's date */
	uint8_t level;           /* the meeting's level */
	const char *chair;
	enum agenda_reason reason; /* initial, review, level_change,
				      exit */
	enum level_decision level_decision; /* stay, up, down, exit */
	bool decided_event;      /* the decision is an event of the history
				    dated on the meeting, at this meeting */
	const char *text[DEMO_MINUTES_TEXTS]; /* NULL when none */
	mdate next_review;       /* MDATE_NONE after an exit */
	struct demo_action actions[DEMO_ITEM_ACTIONS];
	size_t nactions;
	/* The referral this meeting met -- the case's first at Level 2 or
	 * 3, or raised to it from Level 1 -- or REFERRED == MDATE_NONE. */
	mdate referred;
	uint8_t referred_level;  /* the level the referral proposed */
	const char *referrer;    /* the referring agency: a code of
				    core/agenda.h's agencies */
	const char *referral_reason;
	/* Room for the texts composed for this case. */
	char decision[160];
	char rationale[480];
};

/* A case's meeting history. */
struct demo_history {
	struct demo_item *items; /* by meeting date */
	size_t n, cap;
	mdate next_review;       /* the case's next review after it all, or
				    MDATE_NONE when not under management */
};

/*
 * The meeting history of demo case O up to TODAY into H (whose items are
 * reused from call to call; start with H zeroed).  Returns 0, or -1 when
 * out of memory.
 */
int demo_case_meetings(const struct demo_offender *o, mdate today,
		       struct demo_history *h);

/* Free what H holds. */
void demo_history_free(struct demo_history *h);

/*
 * Who was invited to the demo's Level LEVEL meeting on DATE and how they
 * attended: up to MAX agency codes in AGENCY[] and attendance values
 * ("present", "apologies", "report", "absent") in ATTENDANCE[]; returns
 * how many.
 */
size_t demo_attendance(mdate date, int level, const char **agency,
		       const char **attendance, size_t max);

/*
 * The officer AGENCY sent to the demo's Level LEVEL meeting on DATE (one
 * of those who own the demo's actions), or NULL for an agency without
 * named officers in the demo (issue 16).
 */
const char *demo_attendee(mdate date, int level, const char *agency);

/* A meeting the demo area has scheduled after its today. */
struct demo_scheduled {
	mdate date;
	int level;
	const char *time;
	const char *chair;
	const char *venue;
};

/*
 * The meetings scheduled in the WEEKS weeks after TODAY: each level on
 * its weekday, skipping bank holidays.  Up to MAX into OUT by date;
 * returns how many.
 */
size_t demo_schedule(mdate today, int weeks, struct demo_scheduled *out,
		     size_t max);

/* The venue of the demo's meetings of LEVEL. */
const char *demo_venue(int level);

#endif
