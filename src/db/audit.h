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

typedef int (*db_audit_cb)(void *ctx, const struct db_audit *a);
/* Admin only; rows with time >= SINCE (a date or NULL) by ACTOR (or NULL). */
enum db_status db_audit_list(struct db *db, const char *since,
			     const char *actor, db_audit_cb cb, void *ctx);

/* Which rows of the trail a page shows; NULL or "" members match all. */
struct db_audit_filter {
	const char *actor;  /* exactly this actor */
	const char *action; /* this action, or its prefix before a dot */
	const char *text;   /* anywhere in the row, ignoring ASCII case */
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
