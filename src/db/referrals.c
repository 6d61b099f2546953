/*
 * referrals.c -- a new case and its registration; a referral to Level 2
 * or 3 management and its lifecycle: pending, then accepted or declined
 * at a held meeting of its level, or withdrawn (issue 12).
 *
 * Registration is not referral: a case registered at Level 1 has no
 * referral, and every referral carries the level it asks for (the
 * schema refuses one without).  A new case's parts are the layer's own
 * writes (db_offender_add(), db_event_add()) joined into one
 * transaction, so each keeps its checks and its audit row and the
 * referral adds its own; a failure anywhere rolls all of them back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/process.h"
#include "core/util.h"
#include "db/db_internal.h"

/* Check the parts of a referral R itself: the agency (a code or a name
 * of core/agenda.h's table, stored as the code) and reason. */
static enum db_status
check_referrer(struct db *db, struct db_referral *r)
{
	const struct agenda_agency *a;

	if (r->agency[0] == '\0')
		return db_fail(db, DB_INVALID, "referred by: the referring "
			       "agency is required");
	if (str_has_control(r->agency, false))
		return db_fail(db, DB_INVALID, "referred by: control "
			       "characters are not allowed");
	if ((a = agenda_agency_lookup(r->agency)) == NULL)
		return db_fail(db, DB_INVALID, "referred by: \"%s\" is not an "
			       "agency (one of %s)", r->agency,
			       agenda_agency_list());
	str_copy(r->agency, a->code, sizeof r->agency);
	if (str_has_control(r->reason, true))
		return db_fail(db, DB_INVALID, "reason: control characters "
			       "other than tab and line breaks are not "
			       "allowed");
	return DB_OK;
}

static enum db_status
check_referral(struct db *db, struct db_referral *r, int category,
	       int level, mdate *date)
{
	enum db_status s;

	if (date_parse(r->date, date) != 0)
		return db_fail(db, DB_INVALID, "referral date: a real date, "
			       "YYYY-MM-DD, is required");
	if (level >= 2 && (s = check_referrer(db, r)) != DB_OK)
		return s;
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
	sqlite3_bind_int(st, 4, level);
	db_bind_text(st, 5, r->reason);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "recording a referral");
	r->id = sqlite3_last_insert_rowid(db->sql);
	r->proposed_level = level;
	r->outcome = REFERRAL_PENDING;
	snprintf(rec, sizeof rec, "offender %lld referral %lld",
		 (long long)offender_id, (long long)r->id);
	sb_init(&sb);
	sb_printf(&sb, "date: - -> %s; agency: - -> %s; proposed_level: - -> "
		  "%d", r->date, r->agency, level);
	if (r->reason && *r->reason)
		sb_add(&sb, "; fields: reason");
	s = db_audit_write(db, "referral.add", rec, sb_str(&sb));
	sb_free(&sb);
	return s;
}

/* Add O and register it on DATE at CATEGORY and LEVEL, next review
 * NEXT_REVIEW (MDATE_NONE: the level's interval from DATE), inside the
 * caller's transaction. */
static enum db_status
register_case(struct db *db, struct db_offender *o, int category, int level,
	      mdate date, mdate next_review)
{
	struct process_settings ps;
	struct db_event e;
	enum db_status s;

	if (next_review == MDATE_NONE) {
		if ((s = db_process_settings(db, &ps)) != DB_OK)
			return s;
		next_review = process_review_due(&ps, level, date);
	}
	o->next_review[0] = '\0';
	if (next_review != MDATE_NONE)
		date_format(next_review, o->next_review);
	if ((s = db_offender_add(db, o)) != DB_OK)
		return s;
	memset(&e, 0, sizeof e);
	e.ev.date = date;
	e.ev.type = EV_REGISTER;
	e.ev.category = (uint8_t)category;
	e.ev.level = (uint8_t)level;
	e.source = SRC_MAPPA;
	return db_event_add(db, o->id, &o->version, &e, MDATE_NONE);
}

enum db_status
db_referral_add(struct db *db, struct db_offender *o, int category,
		int level, mdate next_review, struct db_referral *r)
{
	enum db_status s;
	mdate date;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "taking a referral")) !=
	    DB_OK)
		return s;
	if ((s = check_referral(db, r, category, level, &date)) != DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	s = register_case(db, o, category, level, date, next_review);
	r->id = 0;
	r->proposed_level = 0;
	if (s == DB_OK && level >= 2)
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
db_case_add(struct db *db, struct db_offender *o, int category, int level,
	    mdate date, mdate next_review)
{
	struct db_referral r;
	enum db_status s;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "adding a case")) != DB_OK)
		return s;
	if (date == MDATE_NONE)
		return db_fail(db, DB_INVALID, "date: a real date, YYYY-MM-DD, "
			       "is required");
	memset(&r, 0, sizeof r);
	date_format(date, r.date);
	/* As Level 1 for the checks: no referrer is asked for. */
	if ((s = check_referral(db, &r, category, 1, &date)) != DB_OK)
		return s;
	if (level < 1 || level > EV_LEVEL_MAX)
		return db_fail(db, DB_INVALID, "a level (1, 2 or 3) is "
			       "required");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	s = db_tx_end(db, register_case(db, o, category, level, date,
					next_review));
	if (s != DB_OK) {
		o->id = 0;
		o->version = 0;
		o->pseudo[0] = '\0';
	}
	return s;
}

/* The outcome stored in column I of ST (the schema allows only the
 * names of enum referral_outcome). */
static enum referral_outcome
column_outcome(sqlite3_stmt *st, int i)
{
	char name[16];

	db_column_copy(st, i, name, sizeof name);
	return (enum referral_outcome)referral_outcome_parse(name);
}

/* Referral ID's case, level, date, outcome and meeting. */
struct stored {
	int64_t offender_id, meeting_id;
	int level;
	mdate date;
	enum referral_outcome outcome;
};

static enum db_status
load_referral(struct db *db, int64_t id, struct stored *r)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT offender_id, proposed_level, "
				       "date, outcome, ifnull(meeting_id, 0) "
				       "FROM referrals WHERE id = ?");
	char date[MDATE_BUFSZ];
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(r, 0, sizeof *r);
		r->offender_id = sqlite3_column_int64(st, 0);
		r->level = sqlite3_column_int(st, 1);
		db_column_copy(st, 2, date, sizeof date);
		if (date_parse(date, &r->date) != 0)
			r->date = MDATE_NONE;
		r->outcome = column_outcome(st, 3);
		r->meeting_id = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no referral %lld",
			       (long long)id);
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(db, rc, "reading a referral");
}

/* One row's integer from SQL with ?1 = A, ?2 = B; -1 when no row. */
static enum db_status
scalar2(struct db *db, const char *sql, int64_t a, int64_t b, int64_t *out)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading referrals");
	return DB_OK;
}

enum db_status
db_referral_refer(struct db *db, int64_t offender_id, mdate today,
		  struct db_referral *r)
{
	sqlite3_stmt *st;
	enum db_status s;
	int status = -1;
	int64_t pending;
	mdate date;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "making a referral")) !=
	    DB_OK)
		return s;
	if (r->proposed_level != 2 && r->proposed_level != 3)
		return db_fail(db, DB_INVALID, "level: a referral asks for "
			       "Level 2 or 3");
	if (date_parse(r->date, &date) != 0)
		return db_fail(db, DB_INVALID, "date: \"%s\" is not a real "
			       "date (YYYY-MM-DD)", r->date);
	if (today != MDATE_NONE && date > today)
		return db_fail(db, DB_INVALID, "date: %s is after today",
			       r->date);
	if ((s = check_referrer(db, r)) != DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT status FROM offenders WHERE id = ? AND "
			 "erased IS NULL");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, offender_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		status = case_status_parse((const char *)
					   sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_tx_end(db, db_fail(db, DB_NOTFOUND, "no such case"));
	if (rc != SQLITE_ROW)
		return db_tx_end(db, db_sqlfail(db, rc, "reading a case"));
	if (!case_status_managed(status))
		return db_tx_end(db, db_fail(db, DB_INVALID, "the case is not "
			"managed under MAPPA (%s): register it first",
			case_status_name(status)));
	if ((s = scalar2(db, "SELECT id FROM referrals WHERE offender_id = ?1 "
			 "AND outcome = 'pending' ORDER BY id DESC LIMIT 1",
			 offender_id, 0, &pending)) != DB_OK)
		return db_tx_end(db, s);
	if (pending > 0)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the case has a "
			"referral pending already (referral %lld)",
			(long long)pending));
	return db_tx_end(db, insert_referral(db, offender_id, r,
					     r->proposed_level));
}

enum db_status
db_referral_decide(struct db *db, int64_t id, enum referral_outcome outcome,
		   int64_t meeting_id, const char *reason)
{
	struct stored cur;
	struct db_meeting m;
	sqlite3_stmt *st;
	enum db_status s;
	struct strbuf sb;
	bool withdraw;
	char rec[80];
	mdate mdate_;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "deciding a referral")) !=
	    DB_OK)
		return s;
	if (outcome != REFERRAL_ACCEPTED && outcome != REFERRAL_DECLINED &&
	    outcome != REFERRAL_WITHDRAWN)
		return db_fail(db, DB_INVALID, "outcome: one of accepted, "
			       "declined, withdrawn");
	if (str_has_control(reason, true))
		return db_fail(db, DB_INVALID, "reason: control characters "
			       "other than tab and line breaks are not "
			       "allowed");
	withdraw = outcome == REFERRAL_WITHDRAWN;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = load_referral(db, id, &cur)) != DB_OK)
		return db_tx_end(db, s);
	if (cur.outcome == outcome &&
	    (withdraw || meeting_id == 0 || meeting_id == cur.meeting_id))
		return db_tx_end(db, DB_OK);
	if (cur.outcome != REFERRAL_PENDING) {
		char at[32] = "";

		if (cur.meeting_id)
			snprintf(at, sizeof at, " at meeting %lld",
				 (long long)cur.meeting_id);
		return db_tx_end(db, db_fail(db, DB_CONFLICT, "referral %lld "
			"was %s already%s; nothing was changed", (long long)id,
			referral_outcome_name(cur.outcome), at));
	}
	if (!withdraw && meeting_id == 0 &&
	    (s = scalar2(db, "SELECT m.id FROM agenda_items a JOIN meetings m "
			 "ON m.id = a.meeting_id WHERE a.referral_id = ?1 AND "
			 "m.status = 'held' AND m.level = ?2 "
			 "ORDER BY m.date DESC, m.id DESC LIMIT 1", id,
			 cur.level, &meeting_id)) != DB_OK)
		return db_tx_end(db, s);
	if (withdraw) {
		meeting_id = 0;
	} else if (meeting_id <= 0) {
		return db_tx_end(db, db_fail(db, DB_INVALID, "name the meeting "
			"that decided: a held Level %d meeting", cur.level));
	} else {
		if ((s = db_meeting_get(db, meeting_id, &m)) != DB_OK)
			return db_tx_end(db, s);
		if (m.status != MEETING_HELD || m.level != cur.level ||
		    date_parse(m.date, &mdate_) != 0 || mdate_ < cur.date)
			return db_tx_end(db, db_fail(db, DB_INVALID,
				"meeting %lld is not a held Level %d meeting "
				"on or after the referral (it is a %s Level %d "
				"meeting on %s)", (long long)meeting_id,
				cur.level, meeting_status_name(m.status),
				m.level, m.date));
	}
	st = db_stmt(db, "UPDATE referrals SET outcome = ?2, meeting_id = ?3, "
			 "outcome_reason = ?4, version = version + 1 "
			 "WHERE id = ?1");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, referral_outcome_name(outcome), -1,
			  SQLITE_STATIC);
	if (meeting_id)
		sqlite3_bind_int64(st, 3, meeting_id);
	db_bind_text(st, 4, reason && *reason ? reason : NULL);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "deciding a referral"));
	snprintf(rec, sizeof rec, "offender %lld referral %lld",
		 (long long)cur.offender_id, (long long)id);
	sb_init(&sb);
	sb_printf(&sb, "outcome: %s -> %s",
		  referral_outcome_name(REFERRAL_PENDING),
		  referral_outcome_name(outcome));
	if (meeting_id)
		sb_printf(&sb, "; meeting: - -> %lld", (long long)meeting_id);
	if (reason && *reason)
		sb_add(&sb, "; fields: outcome_reason");
	s = db_audit_write(db, withdraw ? "referral.withdraw"
			   : outcome == REFERRAL_ACCEPTED ? "referral.accept"
			   : "referral.decline", rec, sb_str(&sb));
	sb_free(&sb);
	return db_tx_end(db, s);
}

/* Free the reason a row owns. */
static void
drop_referral(void *row)
{
	struct db_referral *r = row;

	free((char *)r->reason);
	r->reason = NULL;
}

void
db_referrals_free(struct db_referrals *list)
{
	for (int i = 0; i < list->n; i++)
		drop_referral(&list->v[i]);
	db_list_free(list);
}

/*
 * One referral from the columns id, date, agency, proposed_level,
 * reason, outcome, meeting_id (0 for none), version, offender_id, ref
 * (NULL: not read).  The reason, withheld from lay, is copied; out of
 * memory for it, the row's id is 0 (read_referrals() fails).
 */
static void
read_referral(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_referral *r = row;
	const unsigned char *reason = sqlite3_column_text(st, 4);

	r->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, r->date, sizeof r->date);
	db_column_copy(st, 2, r->agency, sizeof r->agency);
	r->proposed_level = sqlite3_column_int(st, 3);
	r->outcome = column_outcome(st, 5);
	r->meeting_id = sqlite3_column_int64(st, 6);
	r->version = sqlite3_column_int64(st, 7);
	r->offender_id = sqlite3_column_int64(st, 8);
	db_column_copy(st, 9, r->ref, sizeof r->ref);
	if (reason && db->role != ROLE_LAY &&
	    (r->reason = strdup((const char *)reason)) == NULL)
		r->id = 0;
}

/* Fill LIST with the rows of ST (read_referral()'s columns), freeing
 * what it held first; on failure, empty. */
static enum db_status
read_referrals(struct db *db, sqlite3_stmt *st, struct db_referrals *list)
{
	enum db_status s;

	s = DB_ROWS_OWNING(db, st, read_referral, drop_referral, list,
			   "reading referrals");
	for (int i = 0; s == DB_OK && i < list->n; i++)
		if (list->v[i].id == 0)
			s = db_fail(db, DB_ERROR, "out of memory");
	if (s != DB_OK) {
		for (int i = 0; i < list->n; i++)
			drop_referral(&list->v[i]);
		list->n = 0;
	}
	return s;
}

enum db_status
db_referral_list(struct db *db, int64_t offender_id,
		 struct db_referrals *list)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, date, agency, "
				       "proposed_level, reason, outcome, "
				       "ifnull(meeting_id, 0), version, "
				       "offender_id, NULL FROM referrals "
				       "WHERE offender_id = ? "
				       "ORDER BY date, id");

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	return read_referrals(db, st, list);
}

/* Pending ones first, overdue first, by due date ("" first, as
 * MDATE_NONE), then id; then the rest, newest first. */
static int
cmp_referral(const void *pa, const void *pb)
{
	const struct db_referral *a = pa, *b = pb;
	bool pa_ = a->outcome == REFERRAL_PENDING;
	bool pb_ = b->outcome == REFERRAL_PENDING;
	int c;

	if (pa_ != pb_)
		return pa_ ? -1 : 1;
	if (pa_) {
		if (a->overdue != b->overdue)
			return a->overdue ? -1 : 1;
		if ((c = strcmp(a->due, b->due)) != 0)
			return c;
		return a->id < b->id ? -1 : a->id > b->id;
	}
	return a->id > b->id ? -1 : a->id < b->id;
}

enum db_status
db_referral_all(struct db *db, bool pending_only, mdate today,
		const struct agenda_holidays *h, struct db_referrals *list)
{
	struct process_settings ps;
	sqlite3_stmt *st;
	enum db_status s;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "reading referrals")) !=
	    DB_OK)
		return s;
	if ((s = db_process_settings(db, &ps)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT r.id, r.date, r.agency, r.proposed_level, "
			 "r.reason, r.outcome, ifnull(r.meeting_id, 0), "
			 "r.version, r.offender_id, o.ref FROM referrals r "
			 "JOIN offenders o ON o.id = r.offender_id "
			 "WHERE (?1 = 0 OR r.outcome = 'pending')");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int(st, 1, pending_only);
	if ((s = read_referrals(db, st, list)) != DB_OK)
		return s;
	for (int i = 0; i < list->n; i++) {
		struct db_referral *r = &list->v[i];
		mdate d, due;

		due = date_parse(r->date, &d) == 0
			? process_initial_due(&ps, h, r->proposed_level, d)
			: MDATE_NONE;
		if (due != MDATE_NONE)
			date_format(due, r->due);
		r->overdue = r->outcome == REFERRAL_PENDING &&
			     due != MDATE_NONE && today != MDATE_NONE &&
			     due < today;
	}
	if (list->n)
		qsort(list->v, (size_t)list->n, sizeof *list->v,
		      cmp_referral);
	return DB_OK;
}
