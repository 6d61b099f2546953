/*
 * agenda.h -- the rules that put cases in front of a MAPP meeting
 * (issue 7): the bank holidays of England and Wales, the agencies, and
 * which cases a meeting's agenda should hold, in which order.
 *
 * Pure rules: no storage, no terminal.  Bank holidays come in as a sorted
 * array that the caller loaded (agenda_holidays_load() reads the file in
 * data/ that the build installs).  Working days and due dates are the
 * case process's rules (core/process.h).
 */
#ifndef MAPPA_AGENDA_H
#define MAPPA_AGENDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

/* The largest bank-holiday file read (a century of holidays is some
 * 10 KB); anything larger, such as /dev/zero, is refused unread. */
#define AGENDA_HOLIDAYS_MAX_BYTES (1 << 20)

/* Bank holidays: DAY[0..N) sorted ascending, duplicates allowed. */
struct agenda_holidays {
	mdate *day;
	size_t n;
};

/*
 * The first day on or after D that falls on WEEKDAY (0 = Monday) and is
 * not a bank holiday: when the next meeting of a level can sit.
 */
mdate agenda_meeting_day(const struct agenda_holidays *h, int weekday,
			 mdate d);

/* An agency that sits at MAPP meetings or owns actions. */
struct agenda_agency {
	const char *code; /* stored and typed: "police", "childrens_services" */
	const char *name; /* shown: "Children's social care" */
	bool ra;          /* one of the Responsible Authority */
	bool invited;     /* invited to a new meeting unless told otherwise
			   * (meeting add without --invite, the new-meeting
			   * form) */
	const char *alias; /* an older spelling also taken for it (the
			    * new-case form's before 2026-12), or NULL */
};

/* The agencies mappa knows, the Responsible Authority first. */
extern const struct agenda_agency agenda_agencies[];
extern const size_t agenda_agency_count;

/* The agency with CODE, or NULL. */
const struct agenda_agency *agenda_agency_find(const char *code);

/* The agency TEXT names: its code, its name or its alias, in any case
 * ("Police", "CHILDRENS_SERVICES", "children's services"); NULL for
 * anything else.  How a referring agency typed or stored as text becomes
 * a code. */
const struct agenda_agency *agenda_agency_lookup(const char *text);

/* What to show for an agency STORED: the table's name for a code, the
 * stored text itself otherwise (a referral's agency written before
 * referrals took codes); "" for NULL. */
const char *agenda_agency_label(const char *stored);

/* The codes for a message: "police, probation, ..., other". */
const char *agenda_agency_list(void);

/* The codes of the agencies a new meeting invites (those marked
 * invited), in the table's order, into CODES (room for MAX); returns
 * how many. */
size_t agenda_invited_default(const char **codes, size_t max);

/* How a person attended a meeting (issue 16): "present", "apologies",
 * "report" (sent a report), "guest" (invited for a case); in this order
 * on the screens and in the minutes.  agenda_roles[] holds their stored
 * names (attendees.role), indexed by the enum. */
enum agenda_role {
	PERSON_PRESENT,
	PERSON_APOLOGIES,
	PERSON_REPORT,
	PERSON_GUEST,
	AGENDA_ROLES
};
extern const char *const agenda_roles[];
extern const size_t agenda_role_count;

/* How an invited agency attended a meeting: "present", "apologies",
 * "report", "absent"; in this order, the order Enter steps through in
 * meeting mode.  agenda_attendances[] holds their stored names
 * (meeting_agencies.attendance), indexed by the enum. */
enum agenda_attendance {
	ATTENDED_PRESENT,
	ATTENDED_APOLOGIES,
	ATTENDED_REPORT,      /* sent a report */
	ATTENDED_ABSENT,
	AGENDA_ATTENDANCES
};
extern const char *const agenda_attendances[];
extern const size_t agenda_attendance_count;

/* The index of ROLE in agenda_roles[] (enum agenda_role), or -1. */
int agenda_role_find(const char *role);

/* The stored name of role R or attendance A; "" when out of range (an
 * attendance not recorded). */
const char *agenda_role_name(int r);
const char *agenda_attendance_name(int a);

/* The attendance named NAME, or -1 (also for NULL and ""). */
int agenda_attendance_parse(const char *name);

/* Whether attendance A counts as attending (the attendance indicator):
 * present, or a report sent. */
bool agenda_attended(int a);

/* Why a case is on an agenda. */
enum agenda_reason {
	AGENDA_INITIAL,      /* a referral's initial meeting */
	AGENDA_REVIEW,       /* a review that falls due */
	AGENDA_LEVEL_CHANGE, /* a change of level to consider */
	AGENDA_EXIT,         /* an exit from MAPPA to consider */
	AGENDA_OTHER,
	AGENDA_REASONS
};

/* "initial", "review", "level_change", "exit", "other"; NULL when out
 * of range. */
const char *agenda_reason_name(int reason);

/* The reason named NAME, or -1. */
int agenda_reason_parse(const char *name);

/* A case that might go on a meeting's agenda. */
struct agenda_candidate {
	int64_t offender_id;
	int64_t referral_id; /* a referral awaiting its initial meeting, or 0 */
	int level;           /* the case's level; for a referral the level
				it asks for (2 or 3) */
	mdate due;           /* the review date, or for a referral the last
				day for its initial meeting; MDATE_NONE when
				none is set */
	/* Set by agenda_propose(): */
	enum agenda_reason reason;
	bool overdue;        /* due before TODAY */
};

/*
 * Propose the agenda of a Level MEETING_LEVEL meeting on MEETING_DATE,
 * built on TODAY: keep, in C[0..N), the candidates that belong on it --
 * every referral of that level awaiting its initial meeting, and every
 * case at that level whose review falls due on or before the meeting
 * date -- and put them in order: overdue first (longest overdue first),
 * then by due date, referrals before reviews due the same day, then by
 * offender id.  Returns how many were kept (the first ones of C); sets
 * each kept candidate's reason and overdue.
 */
size_t agenda_propose(struct agenda_candidate *c, size_t n, int meeting_level,
		      mdate meeting_date, mdate today);

/*
 * Parse bank holidays from TEXT (LEN bytes): one date (YYYY-MM-DD) at
 * the start of each line, anything after a space ignored, lines starting
 * with '#' and blank lines skipped.  On success H owns a sorted array
 * (free with agenda_holidays_free()) and 0 is returned; on a line that is
 * not a date, -1 with *BAD_LINE (if not NULL) its number from 1; -2 when
 * out of memory.
 */
int agenda_holidays_parse(const char *text, size_t len,
			  struct agenda_holidays *h, size_t *bad_line);

/*
 * Read and parse the file PATH (NULL: agenda_holidays_path()) into H.
 * Returns 0, or -1 with a sentence in ERR (ERRLEN bytes); H is then
 * empty, so callers may warn and go on counting weekends only.
 */
int agenda_holidays_load(const char *path, struct agenda_holidays *h,
			 char *err, size_t errlen);

/* Free what agenda_holidays_parse() or _load() allocated in H. */
void agenda_holidays_free(struct agenda_holidays *h);

/*
 * Where the bank holidays are: $MAPPA_HOLIDAYS when set (tests, areas
 * with their own file), else bank-holidays.txt in the installed data
 * folder.
 */
const char *agenda_holidays_path(void);

#endif
