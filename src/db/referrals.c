/*
 * referrals.c -- taking a referral: a new case, its registration and the
 * referral row, all in one transaction or not at all.
 *
 * The parts are the layer's own writes (db_offender_add(), db_event_add())
 * joined into one transaction, so each keeps its checks and its audit row
 * and the referral adds its own; a failure anywhere rolls all of them
 * back.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/util.h"
#include "db/db_internal.h"

static enum db_status
check_referral(struct db *db, const struct db_referral *r, int category,
	       int level, mdate *date)
{
	if (date_parse(r->date, date) != 0)
		return db_fail(db, DB_INVALID, "referral date: a real date, "
			       "YYYY-MM-DD, is required");
	if (r->agency[0] == '\0')
		return db_fail(db, DB_INVALID, "referred by: the referring "
			       "agency is required");
	if (str_has_control(r->agency, false))
		return db_fail(db, DB_INVALID, "referred by: control "
			       "characters are not allowed");
	if (str_has_control(r->reason, true))
		return db_fail(db, DB_INVALID, "reason: control characters "
			       "other than tab and line breaks are not "
			       "allowed");
	if (category < 1 || category > EV_CATEGORY_MAX)
		return db_fail(db, DB_INVALID, "a category (1, 2, 3 or 4) is "
			       "required");
	if (level < 1 || level > EV_LEVEL_MAX)
		return db_fail(db, DB_INVALID, "a level (1, 2 or 3) is "
			       "required");
	return DB_OK;
}

static enum db_status
insert_referral(struct db *db, int64_t offender_id, struct db_referral *r,
		int level)
{
	sqlite3_stmt *st;
	struct strbuf sb;
	enum db_status s;
	char rec[80];
	int rc;

	st = db_stmt(db, "INSERT INTO referrals(offender_id, date, agency, "
			 "proposed_level, reason) VALUES (?, ?, ?, ?, ?)");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	sqlite3_bind_text(st, 2, r->date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, r->agency, -1, SQLITE_TRANSIENT);
	if (level >= 2)
		sqlite3_bind_int(st, 4, level);
	db_bind_text(st, 5, r->reason);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "recording a referral");
	r->id = sqlite3_last_insert_rowid(db->sql);
	r->proposed_level = level >= 2 ? level : 0;
	str_copy(r->outcome, "pending", sizeof r->outcome);
	snprintf(rec, sizeof rec, "offender %lld referral %lld",
		 (long long)offender_id, (long long)r->id);
	sb_init(&sb);
	sb_printf(&sb, "date: - -> %s; agency: - -> %s", r->date, r->agency);
	if (level >= 2)
		sb_printf(&sb, "; proposed_level: - -> %d", level);
	if (r->reason && *r->reason)
		sb_add(&sb, "; fields: reason");
	s = db_audit_write(db, "referral.add", rec, sb_str(&sb));
	sb_free(&sb);
	return s;
}

enum db_status
db_referral_add(struct db *db, struct db_offender *o, int category,
		int level, mdate next_review, struct db_referral *r)
{
	struct db_event e;
	enum db_status s;
	mdate date;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "taking a referral")) !=
	    DB_OK)
		return s;
	if ((s = check_referral(db, r, category, level, &date)) != DB_OK)
		return s;
	o->next_review[0] = '\0';
	if (next_review != MDATE_NONE)
		date_format(next_review, o->next_review);
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	s = db_offender_add(db, o);
	if (s == DB_OK) {
		memset(&e, 0, sizeof e);
		e.ev.date = date;
		e.ev.type = EV_REGISTER;
		e.ev.category = (uint8_t)category;
		e.ev.level = (uint8_t)level;
		e.source = SRC_MAPPA;
		s = db_event_add(db, o->id, &o->version, &e);
	}
	if (s == DB_OK)
		s = insert_referral(db, o->id, r, level);
	s = db_tx_end(db, s);
	if (s != DB_OK) {
		o->id = 0;
		o->version = 0;
		o->pseudo[0] = '\0';
		r->id = 0;
	}
	return s;
}

enum db_status
db_referral_list(struct db *db, int64_t offender_id, db_referral_cb cb,
		 void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, date, agency, "
				       "proposed_level, reason, outcome FROM "
				       "referrals WHERE offender_id = ? "
				       "ORDER BY date, id");
	struct db_referral r;
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, r.date, sizeof r.date);
		db_column_copy(st, 2, r.agency, sizeof r.agency);
		r.proposed_level = sqlite3_column_int(st, 3);
		if (db->role != ROLE_LAY)
			r.reason = (const char *)sqlite3_column_text(st, 4);
		db_column_copy(st, 5, r.outcome, sizeof r.outcome);
		if (cb(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK
				 : db_sqlfail(db, rc, "reading referrals");
}
