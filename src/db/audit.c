/*
 * audit.c -- reading the audit trail.
 *
 * Writing it is db_audit_write() in db.c, called by every write inside
 * its own transaction.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db/db_internal.h"

int
db_audit_rows(sqlite3_stmt *st, db_audit_cb cb, void *ctx)
{
	struct db_audit a;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&a, 0, sizeof a);
		a.id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, a.time, sizeof a.time);
		db_column_copy(st, 2, a.actor, sizeof a.actor);
		a.action = (const char *)sqlite3_column_text(st, 3);
		a.record = (const char *)sqlite3_column_text(st, 4);
		a.detail = (const char *)sqlite3_column_text(st, 5);
		if (!a.action)
			a.action = "";
		if (!a.record)
			a.record = "";
		if (!a.detail)
			a.detail = "";
		if (cb(ctx, &a) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	return rc;
}

enum db_status
db_audit_list(struct db *db, const char *since, const char *actor,
	      db_audit_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = db_require(db, DB_ADMIN, "reading the audit "
			    "trail")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, time, actor, action, record, detail "
			 "FROM audit WHERE (?1 IS NULL OR time >= ?1) AND "
			 "(?2 IS NULL OR actor = ?2) ORDER BY id");
	if (st == NULL)
		return DB_ERROR;
	db_bind_text(st, 1, since);
	db_bind_text(st, 2, actor);
	rc = db_audit_rows(st, cb, ctx);
	s = DB_OK;
	/* Reading the trail is itself a consultation worth a row. */
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading the audit trail");
	return db_audit_log(db, "audit.read", NULL, NULL);
}
