/*
 * audit.c -- reading the audit trail.
 *
 * Writing it is db_audit_write() in db.c, called by every write inside
 * its own transaction.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chain.h"
#include "core/util.h"
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
db_audit_case_id(struct db *db, const char *ref, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if (ref == NULL || *ref == '\0')
		return DB_OK;
	st = db_stmt(db, "SELECT id FROM offenders WHERE ref = upper(?1) OR "
			 "pseudo = upper(?1)");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return DB_OK;
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "finding the case");
	return db_fail(db, DB_NOTFOUND, "no case %s (give a reference or a "
		       "pseudonym)", ref);
}

enum db_status
db_audit_list(struct db *db, const char *since, const char *actor,
	      const char *case_ref, db_audit_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	enum db_status s;
	int64_t id;
	int rc;

	if ((s = db_require(db, DB_ADMIN, "reading the audit "
			    "trail")) != DB_OK)
		return s;
	if ((s = db_audit_case_id(db, case_ref, &id)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, time, actor, action, record, detail "
			 "FROM audit WHERE (?1 IS NULL OR time >= ?1) AND "
			 "(?2 IS NULL OR actor = ?2) AND " DB_AUDIT_ABOUT("?3")
			 " ORDER BY id");
	if (st == NULL)
		return DB_ERROR;
	db_bind_text(st, 1, since);
	db_bind_text(st, 2, actor);
	if (id)
		sqlite3_bind_int64(st, 3, id);
	rc = db_audit_rows(st, cb, ctx);
	/* Reading the trail is itself a consultation worth a row (of the
	 * case, when it was about one). */
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading the audit trail");
	return id ? db_audit_consult(db, "audit.read", &id, 1, NULL)
		  : db_audit_log(db, "audit.read", NULL, NULL);
}

enum db_status
db_audit_case_read(struct db *db, const char *case_ref, const char *detail)
{
	enum db_status s;
	int64_t id;

	if ((s = db_require(db, DB_ADMIN, "reading the audit "
			    "trail")) != DB_OK)
		return s;
	if (case_ref == NULL || *case_ref == '\0')
		return DB_OK;
	if ((s = db_audit_case_id(db, case_ref, &id)) != DB_OK)
		return s;
	return db_audit_consult(db, "audit.read", &id, 1, detail);
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

enum db_status
db_audit_consult(struct db *db, const char *action,
		 const int64_t *offender_ids, size_t n, const char *detail)
{
	struct strbuf rec, det;
	int64_t *ids = NULL;
	size_t k = 0;
	enum db_status s;

	if (n > 0) {
		if ((ids = malloc(n * sizeof *ids)) == NULL)
			return db_fail(db, DB_ERROR, "out of memory");
		memcpy(ids, offender_ids, n * sizeof *ids);
		qsort(ids, n, sizeof *ids, cmp_id);
		for (size_t i = 0; i < n; i++)
			if (ids[i] > 0 && (k == 0 || ids[i] != ids[k - 1]))
				ids[k++] = ids[i];
	}
	sb_init(&rec);
	sb_init(&det);
	if (k == 1)
		sb_printf(&rec, "offender %lld", (long long)ids[0]);
	for (size_t i = 0; k > 1 && i < k && i < DB_CONSULT_MAX; i++)
		sb_printf(&rec, "%s%lld", i ? "," : "offenders ",
			  (long long)ids[i]);
	if (detail && *detail)
		sb_add(&det, detail);
	sb_printf(&det, "%scases shown: %zu", det.len ? "; " : "", k);
	if (k > DB_CONSULT_MAX)
		sb_printf(&det, " (the first %d by id named)", DB_CONSULT_MAX);
	s = rec.failed || det.failed
		? db_fail(db, DB_ERROR, "out of memory")
		: db_audit_log(db, action, rec.len ? sb_str(&rec) : NULL,
			       sb_str(&det));
	sb_free(&rec);
	sb_free(&det);
	free(ids);
	return s;
}

/* --- the hash chain --------------------------------------------------------- */

/* A row of "SELECT id, time, actor, action, record, detail, hash". */
static void
chain_row_of(sqlite3_stmt *st, struct chain_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->time = (const char *)sqlite3_column_text(st, 1);
	r->actor = (const char *)sqlite3_column_text(st, 2);
	r->action = (const char *)sqlite3_column_text(st, 3);
	r->record = (const char *)sqlite3_column_text(st, 4);
	r->detail = (const char *)sqlite3_column_text(st, 5);
}

enum db_status
db_audit_seal(struct db *db)
{
	sqlite3_stmt *st, *up;
	struct chain_row r;
	char prev[CHAIN_HEX] = "", hash[CHAIN_HEX];
	enum db_status s;
	int rc;

	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, time, actor, action, record, detail, "
			 "hash FROM audit ORDER BY id");
	up = db_stmt(db, "UPDATE audit SET hash = ? WHERE id = ?");
	if (st == NULL || up == NULL)
		return db_tx_end(db, DB_ERROR);
	/* Updating the row the cursor stands on is safe in SQLite: the
	 * cursor finds its place again by the row id. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 6);

		if (h) {
			str_copy(prev, h, sizeof prev);
			continue;
		}
		chain_row_of(st, &r);
		if (chain_hash(prev, &r, hash) != 0) {
			sqlite3_reset(st);
			return db_tx_end(db, db_fail(db, DB_ERROR, "audit row "
				"%lld: the row before it has no valid hash",
				(long long)r.id));
		}
		sqlite3_bind_text(up, 1, hash, -1, SQLITE_STATIC);
		sqlite3_bind_int64(up, 2, r.id);
		rc = sqlite3_step(up);
		sqlite3_reset(up);
		if (rc != SQLITE_DONE)
			break;
		str_copy(prev, hash, sizeof prev);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "hashing the audit "
						"trail"));
	return db_tx_end(db, DB_OK);
}

enum db_status
db_audit_verify(struct db *db, const char *want, struct db_audit_check *c)
{
	sqlite3_stmt *st;
	struct chain_row r;
	char prev[CHAIN_HEX] = "", hash[CHAIN_HEX], detail[128];
	enum db_status s;
	int rc;

	memset(c, 0, sizeof *c);
	if ((s = db_require(db, DB_ADMIN, "checking the audit "
			    "trail")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, time, actor, action, record, detail, "
			 "hash FROM audit ORDER BY id");
	if (st == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 6);

		chain_row_of(st, &r);
		c->rows++;
		if (c->broken == 0) {
			if (h == NULL) {
				c->broken = r.id;
				c->why = "it has no hash";
			} else if (chain_hash(prev, &r, hash) != 0) {
				c->broken = r.id;
				c->why = "the row before it has no valid hash";
			} else if (strcmp(hash, h) != 0) {
				c->broken = r.id;
				c->why = c->rows == 1
					 ? "it was changed, or rows before it "
					   "were removed"
					 : "it was changed, or the row before "
					   "it was changed or removed";
			}
		}
		if (want && *want && h && strcmp(h, want) == 0)
			c->found_id = r.id;
		str_copy(prev, h ? h : "", sizeof prev);
		c->head_id = r.id;
	}
	sqlite3_reset(st);
	str_copy(c->head, prev, sizeof c->head);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "checking the audit trail");
	if (c->broken)
		snprintf(detail, sizeof detail, "rows: %lld; broken at: %lld",
			 (long long)c->rows, (long long)c->broken);
	else
		snprintf(detail, sizeof detail, "rows: %lld; intact",
			 (long long)c->rows);
	return db_audit_log(db, "audit.verify", NULL, detail);
}

enum db_status
db_audit_head(struct db *db, int64_t *id, char hash[65])
{
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	*id = 0;
	hash[0] = '\0';
	if ((s = db_require(db, DB_ADMIN, "reading the audit "
			    "trail")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, hash FROM audit ORDER BY id DESC "
			 "LIMIT 1");
	if (st == NULL)
		return DB_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, hash, 65);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading the audit trail");
	return DB_OK;
}
