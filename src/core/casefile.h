/*
 * casefile.h -- the rules of the case file a MAPP meeting decides from
 * (issue 15): the names of its enumerations (risk of serious harm, who is
 * at risk, release types, what a disclosure decided), the checks of the
 * identifiers (PNC ID check character, CRN, case reference), and the key
 * dates' deadlines (the MAPPA J notification, the six-week lists).
 *
 * Every name and rule here is written once: the data layer, the
 * interchange files, the screens and the demo all take them from here.
 */
#ifndef MAPPA_CASEFILE_H
#define MAPPA_CASEFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

/* --- names ----------------------------------------------------------- */

/* Risk of serious harm (OASys RoSH). */
enum cf_rosh { CF_ROSH_LOW, CF_ROSH_MEDIUM, CF_ROSH_HIGH, CF_ROSH_VERY_HIGH,
	       CF_ROSH_N };

/* Who is at risk: any set of these, as bits (1 << CF_RISK_...). */
enum cf_at_risk { CF_RISK_CHILDREN, CF_RISK_KNOWN_ADULT, CF_RISK_PUBLIC,
		  CF_RISK_STAFF, CF_RISK_PRISONERS, CF_RISK_N };

/* How a release from custody happened. */
enum cf_release { CF_REL_LICENCE, CF_REL_PAROLE, CF_REL_AUTOMATIC,
		  CF_REL_END_OF_SENTENCE, CF_REL_OTHER, CF_REL_N };

/* The stored and interchange name ("very_high"), and a label to show
 * ("Very high"); NULL out of range. */
const char *cf_rosh_name(int r);
const char *cf_rosh_label(int r);
const char *cf_at_risk_name(int g);
const char *cf_release_name(int t);
const char *cf_release_label(int t);

/* The value NAME names (case aside), or -1. */
int cf_rosh_parse(const char *name);
int cf_at_risk_parse(const char *name);
int cf_release_parse(const char *name);

/*
 * The set of groups at risk written as names separated by ';' (',' and
 * spaces also accepted; the empty text is the empty set): 0 with the
 * bits in *MASK, or -1 when a word is not a group (*BAD, if not NULL,
 * points at it).
 */
int cf_at_risk_parse_set(const char *text, unsigned *mask, const char **bad);

/* MASK as names joined by SEP ("children;public") into BUF (N bytes). */
char *cf_at_risk_format(unsigned mask, const char *sep, bool labels,
			char *buf, size_t n);

/* The notification end written for "indefinite notification". */
#define CF_INDEFINITE "indefinite"

/* The longest values of the case file, in bytes: free text (a note, what
 * was disclosed and why), a description or sentence, a short field (an
 * assessor, a court, a recipient, a subject), a score. */
#define CF_TEXT_MAX 20000
#define CF_LONG_MAX 500
#define CF_FIELD_MAX 127
#define CF_SCORE_MAX 31

/* --- identifiers ----------------------------------------------------- */

/*
 * The PNC ID check character of the year YY (its last two digits) and
 * SERIAL: the letter at (YY * 10,000,000 + SERIAL) mod 23 in
 * "ZABCDEFGHJKLMNPQRTUVWXY".
 */
char cf_pnc_check_char(int yy, long serial);

/*
 * Check a PNC ID: a year (YYYY or YY), '/', a serial of 1 to 7 digits and
 * the check letter (case aside).  NULL when good, with the ID in its
 * usual form (the year and the letter as written, the letter upper case)
 * in NORM (N bytes, if not NULL); else a sentence saying what is wrong.
 */
const char *cf_pnc_check(const char *s, char *norm, size_t n);

/* Check a CRN: a letter and six digits (case aside); NORM as above. */
const char *cf_crn_check(const char *s, char *norm, size_t n);

/* A case reference upper case, in place: references are one case aside. */
void cf_ref_upper(char *ref);

/* --- key dates ------------------------------------------------------- */

/* Days before the expected release that MAPPA J is due, and the window
 * of the key-date lists. */
#define CF_MAPPA_J_DAYS 42
#define CF_WINDOW_DAYS 42

/* The day the MAPPA J notification is due for a release on RELEASE
 * (MDATE_NONE when there is no expected release). */
mdate cf_mappa_j_due(mdate release);

/* Where a case stands on MAPPA J on TODAY. */
enum cf_mappa_j { CF_J_NONE,    /* no expected release */
		  CF_J_SENT,    /* sent */
		  CF_J_PENDING, /* not due yet */
		  CF_J_DUE,     /* due today or in the window */
		  CF_J_OVERDUE  /* past its due day, not sent */
};
enum cf_mappa_j cf_mappa_j_state(mdate release, mdate sent, mdate today);

/* Whether DATE falls in the next CF_WINDOW_DAYS from TODAY (TODAY
 * included). */
bool cf_in_window(mdate date, mdate today);

/* Months before the expected release by which the level must be set (the
 * KPI "level set before release"). */
#define CF_LEVEL_BEFORE_RELEASE_MONTHS 6

/* The last day on which setting the level counts as in time for a release
 * expected on RELEASE: CF_LEVEL_BEFORE_RELEASE_MONTHS months before it
 * (a day that does not exist in that month: its month's last day). */
mdate cf_level_deadline(mdate release);

#endif
