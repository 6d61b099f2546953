/*
 * retention.h -- the review of what is kept: records due for review, keep
 * and erase (retention.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_RETENTION_H
#define MAPPA_DB_RETENTION_H

#include "core/date.h"
#include "db/connection.h"

/* --- review of what is kept ------------------------------------------------ */

/* A record whose retention review is due. */
struct db_retention {
	int64_t id;
	char ref[DB_REF_MAX];
	char pseudo[DB_PSEUDO_MAX];
	int category;
	char exited[MDATE_BUFSZ]; /* the last exit */
	char review[MDATE_BUFSZ]; /* the retention review date */
};

DB_LIST(db_retentions, struct db_retention);

/*
 * Admin only.  The records (not erased) whose retention review falls on
 * or before BY, soonest first, into LIST (a DB_LIST, connection.h).  The
 * review date is set when management ends (the last exit + the setting
 * retention_review_years) and cleared when it starts again.  The
 * consultation is logged, one row naming the records shown
 * (db_audit_consult(), "retention.view"); when that fails, LIST is left
 * empty.
 */
enum db_status db_retention_due(struct db *db, mdate by,
				struct db_retentions *list);

/*
 * Admin only.  Keep offender ID's record until UNTIL (after its current
 * review date), for the reason WHY, which is logged and so must not
 * identify the person (DB_INVALID if it holds their ref, name or an
 * identifier).
 */
enum db_status db_retention_keep(struct db *db, int64_t id, mdate until,
				 const char *why);

/*
 * Admin only.  Erase offender ID: their identity fields and all free text
 * about them; the pseudonymous history stays, so statistics do not
 * change.  Only a record whose management has ended.  WHY as above.
 */
enum db_status db_retention_erase(struct db *db, int64_t id, const char *why);

#endif
