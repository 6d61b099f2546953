/*
 * audit_page.c -- reading the audit trail a page at a time, for the
 * admin's screen: filtered by actor, action and any text, newest or
 * oldest first, each page starting after the last row of the one before
 * (keyset paging on the row id), so that a trail of millions of rows is
 * never read whole and a page costs the same wherever it is.
 *
 * These reads are not logged one by one: the screen logs its opening of
 * the trail once (db_audit_log(), "audit.read"), as `mappa audit` does.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "db/db_internal.h"

/* The filter's conditions, the same in every statement below: ?1 the
 * actor, exactly; ?2 an action, exactly or as the prefix before a dot
 * ("offender" matches "offender.erase"); ?3 text anywhere in the row,
 * without regard to case (ASCII). */
#define FILTER \
	DB_AUDIT_ABOUT("?6") " AND " \
	"(?1 IS NULL OR actor = ?1) AND " \
	"(?2 IS NULL OR action = ?2 OR " \
	" substr(action, 1, length(?2) + 1) = ?2 || '.') AND " \
	"(?3 IS NULL OR instr(lower(time || ' ' || actor || ' ' || action || " \
	" ' ' || coalesce(record, '') || ' ' || coalesce(detail, '')), " \
	" lower(?3)) > 0)"

/* Bind F's conditions; ?6, the case, by its id (DB_NOTFOUND when there
 * is no such case). */
static enum db_status
bind_filter(struct db *db, sqlite3_stmt *st, const struct db_audit_filter *f)
{
	enum db_status s;
	int64_t id;

	db_bind_text(st, 1, f ? f->actor : NULL);
	db_bind_text(st, 2, f ? f->action : NULL);
	db_bind_text(st, 3, f ? f->text : NULL);
	if ((s = db_audit_case_id(db, f ? f->case_ref : NULL, &id)) != DB_OK)
		return s;
	if (id)
		sqlite3_bind_int64(st, 6, id);
	return DB_OK;
}

enum db_status
db_audit_page(struct db *db, const struct db_audit_filter *f,
	      bool newest_first, int64_t after, int limit, db_audit_cb cb,
	      void *ctx)
{
	static const char *const sql_desc =
		"SELECT id, time, actor, action, record, detail FROM audit "
		"WHERE id < ?4 AND " FILTER
		" ORDER BY id DESC LIMIT ?5";
	static const char *const sql_asc =
		"SELECT id, time, actor, action, record, detail FROM audit "
		"WHERE id > ?4 AND " FILTER
		" ORDER BY id LIMIT ?5";
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = db_require(db, DB_ADMIN, "reading the audit "
			    "trail")) != DB_OK)
		return s;
	if (limit <= 0)
		return DB_OK;
	st = db_stmt(db, newest_first ? sql_desc : sql_asc);
	if (st == NULL)
		return DB_ERROR;
	if ((s = bind_filter(db, st, f)) != DB_OK)
		return s;
	/* A bound on the rowid itself, so that SQLite seeks to it. */
	if (after <= 0)
		after = newest_first ? INT64_MAX : 0;
	sqlite3_bind_int64(st, 4, after);
	sqlite3_bind_int(st, 5, limit);
	rc = db_audit_rows(st, cb, ctx);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading the audit trail");
	return DB_OK;
}

enum db_status
db_audit_count(struct db *db, const struct db_audit_filter *f, int64_t *n)
{
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	*n = 0;
	if ((s = db_require(db, DB_ADMIN, "reading the audit "
			    "trail")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT count(*) FROM audit WHERE " FILTER);
	if (st == NULL)
		return DB_ERROR;
	if ((s = bind_filter(db, st, f)) != DB_OK)
		return s;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "counting the audit trail");
	return DB_OK;
}
