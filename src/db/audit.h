/*
 * audit.h -- the audit trail: a consultation logged, the trail read whole or
 * a page at a time (audit.c, audit_page.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_AUDIT_H
#define MAPPA_DB_AUDIT_H

#include "db/connection.h"

/* --- the audit trail ------------------------------------------------------ */

struct db_audit {
	int64_t id;
	char time[24];
	char actor[DB_NAME_MAX];
	const char *action;
	const char *record;
	const char *detail;
};

/*
 * Log a consultation or disclosure that is not a write (an export, printed
 * minutes): ACTION, RECORD and DETAIL as the audit's columns.  Allowed for
 * every role, lay advisers included.
 */
enum db_status db_audit_log(struct db *db, const char *action,
			    const char *record, const char *detail);

/*
 * Log a consultation of cases (Data Protection Act 2018 s.62): a list or
 * a search that showed the cases OFFENDER_IDS[0..N) (duplicates are
 * fine), as one row whose record names them ("offender 7", "offenders
 * 3,7,12"; past DB_CONSULT_MAX cases the rest are counted in the
 * detail), so that db_audit_list() and the audit screen find it by case.
 * DETAIL says what was looked at, never a name.  Every role.
 */
#define DB_CONSULT_MAX 1000
enum db_status db_audit_consult(struct db *db, const char *action,
				const int64_t *offender_ids, size_t n,
				const char *detail);

/*
 * The trail is read as a feed, a row at a time, not handed over as a
 * list: `mappa audit` prints each row as it comes (the trail may be
 * millions of rows), and the audit screen keeps only the page it shows
 * (db_audit_page()).  CB may stop the feed by returning non-zero.
 */
typedef int (*db_audit_cb)(void *ctx, const struct db_audit *a);
/*
 * Admin only; rows with time >= SINCE (a date or NULL) by ACTOR (or
 * NULL) about case CASE_REF (its reference or pseudonym, or NULL): its
 * writes and every consultation that showed it.  DB_NOTFOUND when there
 * is no such case.
 */
enum db_status db_audit_list(struct db *db, const char *since,
			     const char *actor, const char *case_ref,
			     db_audit_cb cb, void *ctx);

/* What walking the audit trail's hash chain found (db_audit_verify). */
struct db_audit_check {
	int64_t rows;        /* rows walked */
	int64_t broken;      /* the first row that does not follow from the
				one before it, or 0 when the chain holds */
	const char *why;     /* with BROKEN, in words */
	int64_t head_id;     /* the last row */
	char head[65];       /* and its hash */
	int64_t found_id;    /* the row whose hash is the one asked about,
				or 0 */
};

/*
 * Admin only.  Walk the hash chain of the audit trail from its first
 * row, recomputing each row's hash (core/chain.h), into *C; WANT (NULL
 * or "") a hash kept elsewhere earlier, looked for on the way.  Logs the
 * check ("audit.verify").  DB_OK whether or not the chain holds: see
 * C->broken.
 */
enum db_status db_audit_verify(struct db *db, const char *want,
			       struct db_audit_check *c);

/* Admin only.  The last row of the trail and its hash (ID 0 when the
 * trail is empty).  Not logged. */
enum db_status db_audit_head(struct db *db, int64_t *id, char hash[65]);

/*
 * Admin only.  Log that the trail of case CASE_REF (reference or
 * pseudonym) was read ("audit.read" against the case, as db_audit_list()
 * logs it), with DETAIL; DB_NOTFOUND, nothing logged, when there is no
 * such case.
 */
enum db_status db_audit_case_read(struct db *db, const char *case_ref,
				  const char *detail);

/* Which rows of the trail a page shows; NULL or "" members match all. */
struct db_audit_filter {
	const char *actor;  /* exactly this actor */
	const char *action; /* this action, or its prefix before a dot */
	const char *text;   /* anywhere in the row, ignoring ASCII case */
	const char *case_ref; /* about this case (as db_audit_list()) */
};

/*
 * Admin only (audit_page.c).  Up to LIMIT rows matching F (NULL: all),
 * newest (highest id) first or oldest first, starting after the row
 * AFTER in that order (0: from the first).  Not logged: the caller logs
 * its opening of the trail once with db_audit_log("audit.read").
 */
enum db_status db_audit_page(struct db *db, const struct db_audit_filter *f,
			     bool newest_first, int64_t after, int limit,
			     db_audit_cb cb, void *ctx);

/* Admin only.  How many rows match F (NULL: all), into *N. */
enum db_status db_audit_count(struct db *db, const struct db_audit_filter *f,
			      int64_t *n);

#endif
