/*
 * meetings.c -- MAPP meetings: scheduling, editing, holding and
 * cancelling them; invited agencies and attendance; the agenda and its
 * proposal (issue 7).
 *
 * A meeting's details are saved by a three-way merge (db.h): the stored
 * row is read again inside the BEGIN IMMEDIATE transaction, so nobody can
 * write between the comparison and the save, and a field is only ever
 * overwritten by someone who changed it from what they loaded.  The
 * agenda and attendance change by small intents that compose whatever
 * order they arrive in.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/status.h"
#include "core/process.h"
#include "core/util.h"
#include "db/meetings_internal.h"

/* --- shared helpers (meetings_internal.h) ---------------------------------- */

enum db_status
meetings_step(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlfail(db, rc, what);
}

const char *
meetings_text(sqlite3_stmt *st, int col)
{
	const char *text = (const char *)sqlite3_column_text(st, col);

	return text ? text : "";
}

enum meeting_status
meetings_status_column(sqlite3_stmt *st, int col)
{
	return (enum meeting_status)meeting_status_parse(meetings_text(st,
								       col));
}

bool
meetings_same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

enum db_status
meetings_check_agency(struct db *db, const char *code, const char *what)
{
	if (agenda_agency_find(code))
		return DB_OK;
	return db_fail(db, DB_INVALID, "%s: \"%s\" is not an agency (one of "
		       "%s)", what, code ? code : "", agenda_agency_list());
}

enum db_status
meetings_item_get(struct db *db, int64_t item_id, struct meetings_item *it)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.id, a.meeting_id, a.offender_id, a.referral_id, "
		"a.discussed, m.status, m.date, m.level, m.chair "
		"FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
		"WHERE a.id = ?");
	char date[MDATE_BUFSZ];
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, item_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(it, 0, sizeof *it);
		it->id = sqlite3_column_int64(st, 0);
		it->meeting_id = sqlite3_column_int64(st, 1);
		it->offender_id = sqlite3_column_int64(st, 2);
		it->referral_id = sqlite3_column_int64(st, 3);
		it->discussed = sqlite3_column_int(st, 4) != 0;
		it->status = meetings_status_column(st, 5);
		db_column_copy(st, 6, date, sizeof date);
		if (date_parse(date, &it->date) != 0)
			it->date = MDATE_NONE;
		it->level = sqlite3_column_int(st, 7);
		db_column_copy(st, 8, it->chair, sizeof it->chair);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no agenda item %lld",
			       (long long)item_id);
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(db, rc, "reading an agenda");
}

enum db_status
meetings_set_review(struct db *db, int64_t id, int64_t meeting_id, mdate date,
		    mdate when)
{
	sqlite3_stmt *st;
	char d[MDATE_BUFSZ], why[40];
	int rc;

	/* A later meeting's minuted review stands. */
	st = db_stmt(db,
		"SELECT 1 FROM agenda_items a "
		"JOIN meetings m ON m.id = a.meeting_id "
		"JOIN minutes mi ON mi.agenda_item_id = a.id "
		"WHERE a.offender_id = ?1 AND m.status = 'held' "
		"AND mi.next_review IS NOT NULL "
		"AND (m.date > ?2 OR (m.date = ?2 AND m.id > ?3)) LIMIT 1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, date_format(date, d), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, meeting_id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return DB_OK;
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading meetings");
	snprintf(why, sizeof why, "meeting %lld", (long long)meeting_id);
	return db_set_next_review(db, id, when, why);
}

enum db_status
meetings_referral_met(struct db *db, int64_t referral_id, int64_t meeting_id,
		      enum referral_outcome outcome)
{
	sqlite3_stmt *st;
	char rec[48], detail[128];
	int64_t was_meeting = 0;
	int rc, was = -1;

	st = db_stmt(db, "SELECT outcome, ifnull(meeting_id, 0) FROM "
			 "referrals WHERE id = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, referral_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		was = referral_outcome_parse(meetings_text(st, 0));
		was_meeting = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading a referral");
	/* Decided at another meeting, or withdrawn: it stands. */
	if (rc == SQLITE_DONE || was == REFERRAL_WITHDRAWN ||
	    (was != REFERRAL_PENDING && was_meeting != meeting_id) ||
	    (was == (int)outcome && was_meeting == meeting_id))
		return DB_OK;
	st = db_stmt(db, "UPDATE referrals SET meeting_id = ?1, outcome = ?3, "
			 "version = version + 1 WHERE id = ?2");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, referral_id);
	db_bind_text(st, 3, referral_outcome_name(outcome));
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "recording a referral's meeting");
	snprintf(rec, sizeof rec, "referral %lld", (long long)referral_id);
	snprintf(detail, sizeof detail, "meeting: %s -> %lld; outcome: %s -> "
		 "%s", was_meeting ? "this" : "-", (long long)meeting_id,
		 referral_outcome_name((enum referral_outcome)was),
		 referral_outcome_name(outcome));
	return db_audit_write(db, "referral.met", rec, detail);
}

/* --- meetings ---------------------------------------------------------------- */

void
meetings_record(char *buf, size_t n, int64_t id)
{
	snprintf(buf, n, "meeting %lld", (long long)id);
}

/* Check M's fields; DB_OK or DB_INVALID naming the field. */
static enum db_status
check_meeting(struct db *db, const struct db_meeting *m)
{
	mdate d;
	const char *t = m->time;

	if (date_parse(m->date, &d) != 0)
		return db_fail(db, DB_INVALID, "date: a real date, YYYY-MM-DD, "
			       "is required");
	if (t[0] && !(strlen(t) == 5 && t[0] >= '0' && t[0] <= '2' &&
		      t[1] >= '0' && t[1] <= '9' && t[2] == ':' &&
		      t[3] >= '0' && t[3] <= '5' && t[4] >= '0' &&
		      t[4] <= '9' && (t[0] - '0') * 10 + (t[1] - '0') < 24))
		return db_fail(db, DB_INVALID, "time: HH:MM (24-hour clock), "
			       "or none");
	if (m->level != 2 && m->level != 3)
		return db_fail(db, DB_INVALID, "level: a MAPP meeting is at "
			       "Level 2 or 3");
	if (str_has_control(m->chair, false))
		return db_fail(db, DB_INVALID, "chair: control characters "
			       "are not allowed");
	if (str_has_control(m->venue, false))
		return db_fail(db, DB_INVALID, "venue: control characters "
			       "are not allowed");
	return DB_OK;
}

#define MEETING_COLUMNS \
	"m.id, m.version, m.date, m.time, m.level, m.status, m.chair, " \
	"m.venue, (SELECT count(*) FROM agenda_items a WHERE " \
	"a.meeting_id = m.id), (SELECT count(*) FROM agenda_items a WHERE " \
	"a.meeting_id = m.id AND a.discussed)"

static void
read_meeting(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_meeting *m = row;

	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->version = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, m->date, sizeof m->date);
	db_column_copy(st, 3, m->time, sizeof m->time);
	m->level = sqlite3_column_int(st, 4);
	m->status = meetings_status_column(st, 5);
	if (db->role != ROLE_LAY)
		db_column_copy(st, 6, m->chair, sizeof m->chair);
	db_column_copy(st, 7, m->venue, sizeof m->venue);
	m->cases = sqlite3_column_int(st, 8);
	m->discussed = sqlite3_column_int(st, 9);
}

/* Read meeting ID whole (chair included: for writes). */
static enum db_status
load_meeting(struct db *db, int64_t id, struct db_meeting *m)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " MEETING_COLUMNS
				       " FROM meetings m WHERE m.id = ?");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_meeting(db, st, m);
		db_column_copy(st, 6, m->chair, sizeof m->chair);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no meeting %lld",
			       (long long)id);
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(db, rc, "reading a meeting");
}

enum db_status
db_meeting_get(struct db *db, int64_t id, struct db_meeting *m)
{
	enum db_status s = load_meeting(db, id, m);

	if (s == DB_OK && db->role == ROLE_LAY)
		m->chair[0] = '\0';
	return s;
}

/* Add AGENCY to meeting ID as invited (or not), keeping its attendance. */
static enum db_status
put_agency(struct db *db, int64_t id, const char *agency, bool invited,
	   const char *attendance, bool set_attendance)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO meeting_agencies(meeting_id, agency, invited, "
		"attendance) VALUES (?1, ?2, ?3, ?4) "
		"ON CONFLICT(meeting_id, agency) DO UPDATE SET "
		"invited = CASE WHEN ?5 THEN invited ELSE ?3 END, "
		"attendance = CASE WHEN ?5 THEN ?4 ELSE attendance END");

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, agency, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, invited);
	db_bind_text(st, 4, attendance);
	sqlite3_bind_int(st, 5, set_attendance);
	return meetings_step(db, st, "recording an agency");
}

enum db_status
db_meeting_add(struct db *db, struct db_meeting *m, const char *const *agencies,
	       size_t n)
{
	sqlite3_stmt *st;
	struct strbuf sb;
	enum db_status s;
	char rec[48];
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER,
			    "scheduling a meeting")) != DB_OK)
		return s;
	if ((s = check_meeting(db, m)) != DB_OK)
		return s;
	for (size_t i = 0; i < n; i++)
		if ((s = meetings_check_agency(db, agencies[i], "invited")) !=
		    DB_OK)
			return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT INTO meetings(date, time, level, status, "
			 "chair, venue) VALUES (?1, ?2, ?3, ?6, ?4, ?5)");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, m->date, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, m->time);
	sqlite3_bind_int(st, 3, m->level);
	db_bind_text(st, 4, m->chair);
	db_bind_text(st, 5, m->venue);
	db_bind_text(st, 6, meeting_status_name(MEETING_SCHEDULED));
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "adding a meeting"));
	m->id = sqlite3_last_insert_rowid(db->sql);
	m->version = 1;
	m->status = MEETING_SCHEDULED;
	m->cases = m->discussed = 0;
	s = DB_OK;
	for (size_t i = 0; s == DB_OK && i < n; i++)
		s = put_agency(db, m->id, agencies[i], true, NULL, false);
	if (s == DB_OK) {
		sb_init(&sb);
		sb_printf(&sb, "date: - -> %s; time: - -> %s; level: - -> %d; "
			  "status: - -> %s", m->date,
			  m->time[0] ? m->time : "-", m->level,
			  meeting_status_name(m->status));
		if (m->chair[0] || m->venue[0])
			sb_printf(&sb, "; fields: %s%s%s",
				  m->chair[0] ? "chair" : "",
				  m->chair[0] && m->venue[0] ? "," : "",
				  m->venue[0] ? "venue" : "");
		for (size_t i = 0; i < n; i++)
			sb_printf(&sb, "%s%s", i ? "," : "; invited: ",
				  agencies[i]);
		meetings_record(rec, sizeof rec, m->id);
		s = db_audit_write(db, "meeting.add", rec, sb_str(&sb));
		sb_free(&sb);
	}
	s = db_tx_end(db, s);
	if (s != DB_OK)
		m->id = 0;
	return s;
}

/* Whether an event was decided at meeting ID (its details then stand). */
static enum db_status
meeting_decided(struct db *db, int64_t id, bool *decided)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM events WHERE "
				       "meeting_id = ? LIMIT 1");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	*decided = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		? DB_OK : db_sqlfail(db, rc, "reading events");
}

/*
 * Merge one text field: MINE (the caller's), BASE (what they loaded),
 * CUR (stored).  Returns the value to store in OUT, or -1 when both
 * changed it differently.
 */
static int
merge_text(const char *mine, const char *base, const char *cur, char *out,
	   size_t n)
{
	bool changed = !meetings_same(mine, base);
	bool theirs = !meetings_same(cur, base);

	if (changed && theirs && !meetings_same(mine, cur))
		return -1;
	str_copy(out, changed ? mine : cur, n);
	return 0;
}

enum db_status
db_meeting_update(struct db *db, const struct db_meeting *base,
		  struct db_meeting *m)
{
	struct db_meeting cur, res;
	const struct db_meeting *b;
	struct strbuf sb;
	enum db_status s;
	sqlite3_stmt *st;
	char rec[48], lv[2][4], blv[4];
	bool decided;
	int rc, k = 0;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "changing a meeting")) !=
	    DB_OK)
		return s;
	if ((s = check_meeting(db, m)) != DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = load_meeting(db, m->id, &cur)) != DB_OK)
		return db_tx_end(db, s);
	if (base == NULL && cur.version != m->version)
		return db_tx_end(db, db_fail(db, DB_CONFLICT,
			"someone else changed this meeting first; nothing "
			"was saved: reload it and try again"));
	b = base ? base : &cur;
	res = cur;
	snprintf(lv[0], sizeof lv[0], "%d", m->level);
	snprintf(blv, sizeof blv, "%d", b->level);
	snprintf(lv[1], sizeof lv[1], "%d", cur.level);
	{
		const struct {
			const char *name;
			const char *mine, *base, *cur;
			char *out;
			size_t n;
		} f[] = {
			{ "date", m->date, b->date, cur.date, res.date,
			  sizeof res.date },
			{ "time", m->time, b->time, cur.time, res.time,
			  sizeof res.time },
			{ "level", lv[0], blv, lv[1], lv[1], sizeof lv[1] },
			{ "chair", m->chair, b->chair, cur.chair, res.chair,
			  sizeof res.chair },
			{ "venue", m->venue, b->venue, cur.venue, res.venue,
			  sizeof res.venue },
		};
		char tmp[DB_FIELD_MAX];

		for (size_t i = 0; i < NELEM(f); i++) {
			if (merge_text(f[i].mine, f[i].base, f[i].cur, tmp,
				       sizeof tmp) != 0)
				return db_tx_end(db, db_fail(db, DB_CONFLICT,
					"someone else changed the %s of this "
					"meeting first; nothing was saved: "
					"reload it and try again", f[i].name));
			str_copy(f[i].out, tmp, f[i].n);
		}
	}
	res.level = atoi(lv[1]);
	if (cur.status == MEETING_CANCELLED)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the meeting was "
					     "cancelled; it cannot be changed"));
	if (strcmp(res.date, cur.date) == 0 && strcmp(res.time, cur.time) == 0 &&
	    res.level == cur.level && strcmp(res.chair, cur.chair) == 0 &&
	    strcmp(res.venue, cur.venue) == 0) {
		*m = cur;
		return db_tx_end(db, DB_OK);
	}
	if ((s = check_meeting(db, &res)) != DB_OK)
		return db_tx_end(db, s);
	if ((s = meeting_decided(db, cur.id, &decided)) != DB_OK)
		return db_tx_end(db, s);
	if (decided && (strcmp(res.date, cur.date) != 0 ||
			res.level != cur.level ||
			strcmp(res.chair, cur.chair) != 0))
		return db_tx_end(db, db_fail(db, DB_INVALID,
			"decisions of this meeting are recorded: its date, "
			"level and chair stand"));
	st = db_stmt(db, "UPDATE meetings SET date = ?, time = ?, level = ?, "
			 "chair = ?, venue = ?, version = version + 1 "
			 "WHERE id = ? AND version = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, res.date, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, res.time);
	sqlite3_bind_int(st, 3, res.level);
	db_bind_text(st, 4, res.chair);
	db_bind_text(st, 5, res.venue);
	sqlite3_bind_int64(st, 6, cur.id);
	sqlite3_bind_int64(st, 7, cur.version);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "saving a meeting"));
	res.version = cur.version + 1;
	sb_init(&sb);
	if (strcmp(res.date, cur.date) != 0)
		sb_printf(&sb, "%sdate: %s -> %s", k++ ? "; " : "", cur.date,
			  res.date);
	if (strcmp(res.time, cur.time) != 0)
		sb_printf(&sb, "%stime: %s -> %s", k++ ? "; " : "",
			  cur.time[0] ? cur.time : "-",
			  res.time[0] ? res.time : "-");
	if (res.level != cur.level)
		sb_printf(&sb, "%slevel: %d -> %d", k++ ? "; " : "", cur.level,
			  res.level);
	if (strcmp(res.chair, cur.chair) != 0 ||
	    strcmp(res.venue, cur.venue) != 0) {
		bool c = strcmp(res.chair, cur.chair) != 0;
		bool v = strcmp(res.venue, cur.venue) != 0;

		sb_printf(&sb, "%sfields: %s%s%s", k++ ? "; " : "",
			  c ? "chair" : "", c && v ? "," : "", v ? "venue" : "");
	}
	if (cur.version != m->version)
		sb_printf(&sb, "; merged over version %lld",
			  (long long)cur.version);
	meetings_record(rec, sizeof rec, cur.id);
	s = db_audit_write(db, "meeting.update", rec, sb_str(&sb));
	sb_free(&sb);
	s = db_tx_end(db, s);
	if (s == DB_OK)
		*m = res;
	return s;
}

/* Move meeting ID from scheduled to STATUS (held or cancelled). */
static enum db_status
set_status(struct db *db, int64_t id, enum meeting_status status, mdate today,
	   int64_t *version)
{
	const char *name = meeting_status_name(status);
	mdate date;

	struct db_meeting cur;
	sqlite3_stmt *st;
	enum db_status s;
	char rec[48], detail[64];
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER,
			    status == MEETING_HELD ? "holding a meeting"
			    : "cancelling a meeting")) !=
	    DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = load_meeting(db, id, &cur)) != DB_OK)
		return db_tx_end(db, s);
	if (cur.status == status) {
		if (version)
			*version = cur.version;
		return db_tx_end(db, DB_OK);
	}
	if (cur.status != MEETING_SCHEDULED)
		return db_tx_end(db, db_fail(db, DB_INVALID,
			"the meeting was %s; it cannot now be %s",
			meeting_status_name(cur.status), name));
	if (status == MEETING_HELD && today != MDATE_NONE &&
	    (date_parse(cur.date, &date) != 0 ||
	     !process_may_hold(date, today)))
		return db_tx_end(db, db_fail(db, DB_INVALID,
			"the meeting is on %s, after today: it can be marked "
			"held on or after its date", cur.date));
	st = db_stmt(db, "UPDATE meetings SET status = ?, version = "
			 "version + 1 WHERE id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "saving a meeting"));
	meetings_record(rec, sizeof rec, id);
	snprintf(detail, sizeof detail, "status: %s -> %s",
		 meeting_status_name(cur.status), name);
	s = db_tx_end(db, db_audit_write(db, status == MEETING_HELD
					 ? "meeting.hold" : "meeting.cancel",
					 rec, detail));
	if (s == DB_OK && version)
		*version = cur.version + 1;
	return s;
}

enum db_status
db_meeting_hold(struct db *db, int64_t id, mdate today, int64_t *version)
{
	if (today == MDATE_NONE)
		return db_fail(db, DB_INVALID, "holding a meeting needs today's "
			       "date");
	return set_status(db, id, MEETING_HELD, today, version);
}

enum db_status
db_meeting_cancel(struct db *db, int64_t id, int64_t *version)
{
	return set_status(db, id, MEETING_CANCELLED, MDATE_NONE, version);
}

enum db_status
db_meeting_reopen(struct db *db, int64_t id, const char *reason,
		  int64_t *version)
{
	struct db_meeting cur;
	sqlite3_stmt *st;
	enum db_status s;
	char rec[48], detail[256];
	int rc, events = 0;

	if ((s = db_require(db, DB_ADMIN, "reopening a held "
			    "meeting")) != DB_OK)
		return s;
	if (reason == NULL || reason[strspn(reason, " \t\r\n")] == '\0')
		return db_fail(db, DB_INVALID, "reopening a held meeting needs "
			       "its reason");
	if (str_has_control(reason, false))
		return db_fail(db, DB_INVALID, "reason: control characters are "
			       "not allowed");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = load_meeting(db, id, &cur)) != DB_OK)
		return db_tx_end(db, s);
	if (cur.status != MEETING_HELD)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the meeting is "
					     "%s, not held",
					     meeting_status_name(cur.status)));
	st = db_stmt(db, "SELECT count(*) FROM events WHERE meeting_id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		events = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_tx_end(db, db_sqlfail(db, rc, "reading events"));
	if (events > 0)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the meeting's "
			"decisions changed %d case%s' levels: replace those "
			"decisions first; the meeting stays held", events,
			events == 1 ? "" : "s"));
	st = db_stmt(db, "UPDATE meetings SET status = ?2, version = "
			 "version + 1 WHERE id = ?1");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, meeting_status_name(MEETING_SCHEDULED));
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "saving a meeting"));
	meetings_record(rec, sizeof rec, id);
	snprintf(detail, sizeof detail, "status: held -> scheduled; reason: "
		 "%.200s", reason);
	s = db_tx_end(db, db_audit_write(db, "meeting.reopen", rec, detail));
	if (s == DB_OK && version)
		*version = cur.version + 1;
	return s;
}

enum db_status
db_meeting_list(struct db *db, const struct db_meeting_query *q,
		struct db_meetings *list)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " MEETING_COLUMNS
		" FROM meetings m WHERE (?1 IS NULL OR m.date >= ?1) AND "
		"(?2 IS NULL OR m.date <= ?2) AND (?3 = 0 OR m.level = ?3) "
		"AND (?4 IS NULL OR m.status = ?4) "
		"ORDER BY m.date, ifnull(m.time, ''), m.level, m.id");
	char d[MDATE_BUFSZ];

	list->n = 0;
	if (st == NULL)
		return DB_ERROR;
	if (q && q->from != MDATE_NONE)
		sqlite3_bind_text(st, 1, date_format(q->from, d), -1,
				  SQLITE_TRANSIENT);
	if (q && q->to != MDATE_NONE)
		sqlite3_bind_text(st, 2, date_format(q->to, d), -1,
				  SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, q ? q->level : 0);
	db_bind_text(st, 4, q && q->status >= 0
			    ? meeting_status_name(q->status) : NULL);
	return DB_ROWS(db, st, read_meeting, list, "reading meetings");
}

/* --- agencies and attendance ------------------------------------------------ */

enum db_status
db_meeting_invite(struct db *db, int64_t id, const char *agency, bool invited)
{
	struct db_meeting cur;
	enum db_status s;
	char rec[48], detail[80];

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "inviting an agency")) !=
	    DB_OK)
		return s;
	if ((s = meetings_check_agency(db, agency, "agency")) != DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = load_meeting(db, id, &cur)) != DB_OK)
		return db_tx_end(db, s);
	s = put_agency(db, id, agency, invited, NULL, false);
	if (s == DB_OK) {
		meetings_record(rec, sizeof rec, id);
		snprintf(detail, sizeof detail, "%s invited: %s", agency,
			 invited ? "yes" : "no");
		s = db_audit_write(db, "meeting.invite", rec, detail);
	}
	return db_tx_end(db, s);
}

enum db_status
db_meeting_attendance(struct db *db, int64_t id, const char *agency,
		      const char *seen, const char *attendance)
{
	struct db_meeting cur;
	sqlite3_stmt *st;
	enum db_status s;
	char rec[48], detail[96], old[16] = "";
	bool known = false;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER,
			    "recording attendance")) != DB_OK)
		return s;
	if ((s = meetings_check_agency(db, agency, "agency")) != DB_OK)
		return s;
	if (attendance && *attendance) {
		known = agenda_attendance_parse(attendance) >= 0;
		if (!known)
			return db_fail(db, DB_INVALID, "attendance: \"%s\" is "
				       "not one of present, apologies, report, "
				       "absent", attendance);
	}
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = load_meeting(db, id, &cur)) != DB_OK)
		return db_tx_end(db, s);
	if (cur.status == MEETING_CANCELLED)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the meeting was "
					     "cancelled"));
	if ((s = meetings_minutes_open(db, id)) != DB_OK)
		return db_tx_end(db, s);
	st = db_stmt(db, "SELECT attendance FROM meeting_agencies WHERE "
			 "meeting_id = ? AND agency = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, agency, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, old, sizeof old);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "reading attendance"));
	if (meetings_same(old, attendance))
		return db_tx_end(db, DB_OK);
	if (seen && !meetings_same(old, seen))
		return db_tx_end(db, db_fail(db, DB_CONFLICT,
			"someone else recorded %s as %s first; nothing was "
			"saved", agency, old[0] ? old : "not recorded"));
	s = put_agency(db, id, agency, false, attendance, true);
	if (s == DB_OK) {
		meetings_record(rec, sizeof rec, id);
		snprintf(detail, sizeof detail, "%s attendance: %s -> %s",
			 agency, old[0] ? old : "-",
			 attendance && *attendance ? attendance : "-");
		s = db_audit_write(db, "meeting.attendance", rec, detail);
	}
	return db_tx_end(db, s);
}

static void
read_agency(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_meeting_agency *a = row;

	(void)db;
	db_column_copy(st, 0, a->agency, sizeof a->agency);
	a->invited = sqlite3_column_int(st, 1) != 0;
	a->attendance = agenda_attendance_parse(meetings_text(st, 2));
}

enum db_status
db_meeting_agencies(struct db *db, int64_t id,
		    struct db_meeting_agencies *list)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT agency, invited, attendance "
				       "FROM meeting_agencies WHERE "
				       "meeting_id = ?");
	enum db_status s;
	int k = 0;

	list->n = 0;
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((s = DB_ROWS(db, st, read_agency, list, "reading attendance")) !=
	    DB_OK)
		return s;
	/* In the order of the known agencies' list (one row each), those
	 * it does not know left out. */
	for (size_t a = 0; a < agenda_agency_count; a++)
		for (int i = k; i < list->n; i++)
			if (strcmp(list->v[i].agency,
				   agenda_agencies[a].code) == 0) {
				struct db_meeting_agency t = list->v[i];

				memmove(&list->v[k + 1], &list->v[k],
					(size_t)(i - k) * sizeof t);
				list->v[k++] = t;
				break;
			}
	list->n = k;
	return DB_OK;
}

enum db_status
db_bulk_attendance(struct db *db, int64_t id, const char *const *agencies,
		   const char *const *attendance, size_t n)
{
	enum db_status s;
	char rec[48], detail[48];

	if ((s = db_require(db, DB_ADMIN, "writing the demo")) !=
	    DB_OK)
		return s;
	if (db->depth == 0)
		return db_fail(db, DB_INVALID, "bulk writing needs db_begin()");
	s = DB_OK;
	for (size_t i = 0; s == DB_OK && i < n; i++)
		s = put_agency(db, id, agencies[i], true,
			       attendance ? attendance[i] : NULL, true);
	if (s == DB_OK) {
		meetings_record(rec, sizeof rec, id);
		snprintf(detail, sizeof detail, "agencies: %zu", n);
		s = db_audit_write(db, "meeting.demo", rec, detail);
	}
	if (s != DB_OK)
		db->doomed = true;
	return s;
}

/* --- the agenda ------------------------------------------------------------- */

static void
item_record(char *buf, size_t n, int64_t meeting, int64_t item,
	    int64_t offender)
{
	snprintf(buf, n, "meeting %lld item %lld offender %lld",
		 (long long)meeting, (long long)item, (long long)offender);
}

enum db_status
meetings_insert_item(struct db *db, int64_t meeting_id, int64_t offender_id,
		     const char *reason, int64_t referral_id, bool discussed,
		     int64_t *item_id)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO agenda_items(meeting_id, offender_id, position, "
		"reason, referral_id, discussed) VALUES (?1, ?2, "
		"(SELECT coalesce(max(position), 0) + 1 FROM agenda_items "
		"WHERE meeting_id = ?1), ?3, ?4, ?5)");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, offender_id);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_TRANSIENT);
	if (referral_id)
		sqlite3_bind_int64(st, 4, referral_id);
	sqlite3_bind_int(st, 5, discussed);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return db_fail(db, DB_INVALID, "the case is already on this "
			       "meeting's agenda");
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "adding to an agenda");
	*item_id = sqlite3_last_insert_rowid(db->sql);
	return DB_OK;
}

/* The warnings of putting OFFENDER_ID on meeting M's agenda for
 * REFERRAL_ID (0: none), inside a transaction (db_agenda_warnings()). */
static enum db_status
warnings(struct db *db, const struct db_meeting *m, int64_t offender_id,
	 const char *reason, int64_t referral_id, struct strbuf *sb,
	 int *count)
{
	/* A change of level or an exit is considered at another level's
	 * meeting by its nature; an initial meeting or a review at the
	 * case's own. */
	int why = agenda_reason_parse(reason);
	bool own_level = reason == NULL || why == AGENDA_INITIAL ||
			 why == AGENDA_REVIEW;
	sqlite3_stmt *st;
	char other_date[MDATE_BUFSZ] = "";
	int status = -1, level = 0, rc, asked = 0;
	int64_t other = 0;

	*count = 0;
	st = db_stmt(db, "SELECT status, ifnull(level, 0), "
			 "(SELECT proposed_level FROM referrals WHERE id = ?3 "
			 "   AND outcome = 'pending'), "
			 "(SELECT m2.id FROM agenda_items a JOIN meetings m2 ON "
			 "   m2.id = a.meeting_id WHERE a.offender_id = ?1 AND "
			 "   m2.status = 'scheduled' AND m2.id != ?2 "
			 "   ORDER BY m2.date LIMIT 1), "
			 "(SELECT m2.date FROM agenda_items a JOIN meetings m2 ON "
			 "   m2.id = a.meeting_id WHERE a.offender_id = ?1 AND "
			 "   m2.status = 'scheduled' AND m2.id != ?2 "
			 "   ORDER BY m2.date LIMIT 1) "
			 "FROM offenders WHERE id = ?1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	sqlite3_bind_int64(st, 2, m->id);
	sqlite3_bind_int64(st, 3, referral_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		status = case_status_parse(meetings_text(st, 0));
		level = sqlite3_column_int(st, 1);
		asked = sqlite3_column_int(st, 2);
		other = sqlite3_column_int64(st, 3);
		db_column_copy(st, 4, other_date, sizeof other_date);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no such case");
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "reading a case");
	if (status == CASE_EXITED) {
		sb_printf(sb, "%sthe case has exited MAPPA", *count ? "; " : "");
		++*count;
	}
	if (other) {
		sb_printf(sb, "%sit is on meeting %lld's agenda (%s)",
			  *count ? "; " : "", (long long)other, other_date);
		++*count;
	}
	/* A referral is met at the level it asks for; a case at its own. */
	if (own_level && (asked ? asked != m->level
				: level != m->level &&
				  status != CASE_EXITED)) {
		if (asked)
			sb_printf(sb, "%sthe referral is for Level %d, not %d",
				  *count ? "; " : "", asked, m->level);
		else
			sb_printf(sb, "%sthe case is at Level %d, not %d",
				  *count ? "; " : "", level, m->level);
		++*count;
	}
	return DB_OK;
}

enum db_status
db_agenda_warnings(struct db *db, int64_t meeting_id, int64_t offender_id,
		   const char *reason, int64_t referral_id, char *buf, size_t n,
		   int *count)
{
	struct db_meeting m;
	struct strbuf sb;
	enum db_status s;

	*count = 0;
	if (n)
		buf[0] = '\0';
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "building an agenda")) !=
	    DB_OK)
		return s;
	if ((s = load_meeting(db, meeting_id, &m)) != DB_OK)
		return s;
	sb_init(&sb);
	s = warnings(db, &m, offender_id, reason, referral_id, &sb, count);
	str_copy(buf, sb_str(&sb), n);
	sb_free(&sb);
	return s;
}

enum agenda_reason
db_agenda_default_reason(struct db *db, int64_t offender_id,
			 int64_t *referral_id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM referrals WHERE "
				       "offender_id = ? AND outcome = "
				       "'pending' ORDER BY id DESC LIMIT 1");

	*referral_id = 0;
	if (st == NULL)
		return AGENDA_REVIEW;
	sqlite3_bind_int64(st, 1, offender_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*referral_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return *referral_id ? AGENDA_INITIAL : AGENDA_REVIEW;
}

enum db_status
db_agenda_add(struct db *db, int64_t meeting_id, int64_t offender_id,
	      const char *reason, int64_t referral_id, bool force,
	      int64_t *item_id)
{
	struct db_meeting cur;
	sqlite3_stmt *st;
	enum db_status s;
	struct strbuf warn;
	int64_t id = 0;
	char rec[96], detail[96];
	int rc, nwarn = 0;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "building an agenda")) !=
	    DB_OK)
		return s;
	if (agenda_reason_parse(reason) < 0)
		return db_fail(db, DB_INVALID, "reason: \"%s\" is not one of "
			       "initial, review, level_change, exit, other",
			       reason ? reason : "");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = load_meeting(db, meeting_id, &cur)) != DB_OK)
		return db_tx_end(db, s);
	if (cur.status == MEETING_CANCELLED)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the meeting was "
					     "cancelled"));
	st = db_stmt(db, "SELECT erased IS NULL AND status != 'unregistered' "
			 "FROM offenders WHERE id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, offender_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 0)
		rc = -1;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_tx_end(db, db_fail(db, DB_NOTFOUND, "no such case"));
	if (rc == -1)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the case is not "
					     "on the register (or was erased)"));
	if (rc != SQLITE_ROW)
		return db_tx_end(db, db_sqlfail(db, rc, "reading a case"));
	if (referral_id) {
		st = db_stmt(db, "SELECT 1 FROM referrals WHERE id = ? AND "
				 "offender_id = ?");
		if (st == NULL)
			return db_tx_end(db, DB_ERROR);
		sqlite3_bind_int64(st, 1, referral_id);
		sqlite3_bind_int64(st, 2, offender_id);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return db_tx_end(db, rc == SQLITE_DONE
				? db_fail(db, DB_INVALID, "the referral is "
					  "not this case's")
				: db_sqlfail(db, rc, "reading a referral"));
	}
	sb_init(&warn);
	if ((s = warnings(db, &cur, offender_id, reason, referral_id, &warn,
			  &nwarn)) == DB_OK && nwarn && !force)
		s = db_fail(db, DB_INVALID, "not added: %s; add it only on "
			    "purpose", sb_str(&warn));
	sb_free(&warn);
	if (s != DB_OK)
		return db_tx_end(db, s);
	s = meetings_insert_item(db, meeting_id, offender_id, reason, referral_id,
			false, &id);
	if (s == DB_OK) {
		item_record(rec, sizeof rec, meeting_id, id, offender_id);
		snprintf(detail, sizeof detail, "reason: - -> %s", reason);
		if (referral_id)
			snprintf(detail + strlen(detail),
				 sizeof detail - strlen(detail),
				 "; referral %lld", (long long)referral_id);
		if (nwarn)
			snprintf(detail + strlen(detail),
				 sizeof detail - strlen(detail),
				 "; added despite %d warning%s", nwarn,
				 nwarn == 1 ? "" : "s");
		s = db_audit_write(db, "agenda.add", rec, detail);
	}
	s = db_tx_end(db, s);
	if (s == DB_OK && item_id)
		*item_id = id;
	return s;
}

/* Item ITEM_ID's meeting, offender and position. */
static enum db_status
item_place(struct db *db, int64_t item_id, int64_t *meeting, int64_t *offender,
	   int *position)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT meeting_id, offender_id, "
				       "position FROM agenda_items WHERE "
				       "id = ?");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, item_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*meeting = sqlite3_column_int64(st, 0);
		*offender = sqlite3_column_int64(st, 1);
		*position = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no agenda item %lld (someone "
			       "may have taken it off)", (long long)item_id);
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(db, rc, "reading an agenda");
}

/* Run SQL (binding ?1..?3 to A, B, C) without results. */
static enum db_status
step3(struct db *db, const char *sql, int64_t a, int64_t b, int64_t c,
      const char *what)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	sqlite3_bind_int64(st, 3, c);
	return meetings_step(db, st, what);
}

enum db_status
db_agenda_remove(struct db *db, int64_t item_id)
{
	sqlite3_stmt *st;
	enum db_status s;
	int64_t meeting, offender;
	int pos, rc;
	char rec[96], detail[48];

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "changing an agenda")) !=
	    DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = item_place(db, item_id, &meeting, &offender, &pos)) != DB_OK)
		return db_tx_end(db, s);
	st = db_stmt(db, "SELECT (SELECT count(*) FROM minutes WHERE "
			 "agenda_item_id = ?1) + (SELECT count(*) FROM actions "
			 "WHERE meeting_id = ?2 AND offender_id = ?3)");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, meeting);
	sqlite3_bind_int64(st, 3, offender);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0)
		rc = -1;
	sqlite3_reset(st);
	if (rc == -1)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the case has "
					     "minutes or actions at this "
					     "meeting; it stays on the agenda"));
	if (rc != SQLITE_ROW)
		return db_tx_end(db, db_sqlfail(db, rc, "reading minutes"));
	s = step3(db, "DELETE FROM agenda_items WHERE id = ?1", item_id, 0, 0,
		  "changing an agenda");
	if (s == DB_OK)
		s = step3(db, "UPDATE agenda_items SET position = position - 1 "
			      "WHERE meeting_id = ?1 AND position > ?2",
			  meeting, pos, 0, "changing an agenda");
	if (s == DB_OK) {
		item_record(rec, sizeof rec, meeting, item_id, offender);
		snprintf(detail, sizeof detail, "position: %d -> -", pos);
		s = db_audit_write(db, "agenda.remove", rec, detail);
	}
	return db_tx_end(db, s);
}

enum db_status
db_agenda_move(struct db *db, int64_t item_id, int position)
{
	sqlite3_stmt *st;
	enum db_status s;
	int64_t meeting, offender;
	int pos, n = 0, rc;
	char rec[96], detail[48];

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "changing an agenda")) !=
	    DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = item_place(db, item_id, &meeting, &offender, &pos)) != DB_OK)
		return db_tx_end(db, s);
	st = db_stmt(db, "SELECT count(*) FROM agenda_items WHERE "
			 "meeting_id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, meeting);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_tx_end(db, db_sqlfail(db, rc, "reading an agenda"));
	if (position < 1)
		position = 1;
	if (position > n)
		position = n;
	if (position == pos)
		return db_tx_end(db, DB_OK);
	if (position < pos)
		s = step3(db, "UPDATE agenda_items SET position = position + 1 "
			      "WHERE meeting_id = ?1 AND position >= ?2 AND "
			      "position < ?3", meeting, position, pos,
			  "changing an agenda");
	else
		s = step3(db, "UPDATE agenda_items SET position = position - 1 "
			      "WHERE meeting_id = ?1 AND position > ?3 AND "
			      "position <= ?2", meeting, position, pos,
			  "changing an agenda");
	if (s == DB_OK)
		s = step3(db, "UPDATE agenda_items SET position = ?2 WHERE "
			      "id = ?1", item_id, position, 0,
			  "changing an agenda");
	if (s == DB_OK) {
		item_record(rec, sizeof rec, meeting, item_id, offender);
		snprintf(detail, sizeof detail, "position: %d -> %d", pos,
			 position);
		s = db_audit_write(db, "agenda.move", rec, detail);
	}
	return db_tx_end(db, s);
}

enum db_status
db_agenda_discussed(struct db *db, int64_t item_id, bool discussed)
{
	struct meetings_item it;
	enum db_status s;
	char rec[96], detail[48];

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "minuting a meeting")) !=
	    DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = meetings_item_get(db, item_id, &it)) != DB_OK)
		return db_tx_end(db, s);
	if (it.status != MEETING_HELD)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the meeting is "
					     "%s, not held",
					     meeting_status_name(it.status)));
	if (it.discussed == discussed)
		return db_tx_end(db, DB_OK);
	s = step3(db, "UPDATE agenda_items SET discussed = ?2 WHERE id = ?1",
		  item_id, discussed, 0, "minuting a meeting");
	if (s == DB_OK) {
		item_record(rec, sizeof rec, it.meeting_id, item_id,
			    it.offender_id);
		snprintf(detail, sizeof detail, "discussed: %s -> %s",
			 it.discussed ? "yes" : "no", discussed ? "yes" : "no");
		s = db_audit_write(db, "agenda.discussed", rec, detail);
	}
	/* Discussing is not deciding: the referral's outcome comes with the
	 * level decision (db_minutes_level()) or db_referral_decide(). */
	return db_tx_end(db, s);
}

static void
read_item(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_agenda_item *it = row;

	(void)db;
	it->id = sqlite3_column_int64(st, 0);
	it->meeting_id = sqlite3_column_int64(st, 1);
	it->offender_id = sqlite3_column_int64(st, 2);
	it->referral_id = sqlite3_column_int64(st, 3);
	it->position = sqlite3_column_int(st, 4);
	it->reason = (enum agenda_reason)agenda_reason_parse(
		meetings_text(st, 5));
	it->discussed = sqlite3_column_int(st, 6) != 0;
	db_column_copy(st, 7, it->ref, sizeof it->ref);
	db_column_copy(st, 8, it->surname, sizeof it->surname);
	db_column_copy(st, 9, it->forenames, sizeof it->forenames);
	db_column_copy(st, 10, it->dob, sizeof it->dob);
	db_column_copy(st, 11, it->gender, sizeof it->gender);
	db_column_copy(st, 12, it->district, sizeof it->district);
	db_column_copy(st, 13, it->lead_agency, sizeof it->lead_agency);
	it->category = sqlite3_column_int(st, 14);
	it->level = sqlite3_column_int(st, 15);
	it->status = (enum case_status)case_status_parse(meetings_text(st,
								       16));
	db_column_copy(st, 17, it->next_review, sizeof it->next_review);
	it->minuted = sqlite3_column_int(st, 18) != 0;
	it->level_decision = db_column_decision(st, 19);
	it->offender_version = sqlite3_column_int64(st, 20);
}

enum db_status
db_agenda_list(struct db *db, int64_t meeting_id, struct db_agenda *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "reading an agenda")) !=
	    DB_OK)
		return s;
	st = db_stmt(db,
		"SELECT a.id, a.meeting_id, a.offender_id, a.referral_id, "
		"a.position, a.reason, a.discussed, o.ref, o.surname, "
		"o.forenames, o.dob, o.gender, o.district, o.lead_agency, "
		"o.category, o.level, o.status, o.next_review, "
		"mi.agenda_item_id IS NOT NULL, mi.level_decision, o.version "
		"FROM agenda_items a JOIN offenders o ON o.id = a.offender_id "
		"LEFT JOIN minutes mi ON mi.agenda_item_id = a.id "
		"WHERE a.meeting_id = ? ORDER BY a.position, a.id");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, meeting_id);
	return DB_ROWS(db, st, read_item, list, "reading an agenda");
}

enum db_status
db_agenda_find(struct db *db, int64_t meeting_id, int64_t offender_id,
	       int64_t *item_id)
{
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "reading an agenda")) !=
	    DB_OK)
		return s;
	st = db_stmt(db, "SELECT id FROM agenda_items WHERE meeting_id = ? "
			 "AND offender_id = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, offender_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*item_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "the case is not on meeting "
			       "%lld's agenda", (long long)meeting_id);
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(db, rc, "reading an agenda");
}

/* --- the proposal ----------------------------------------------------------- */

DB_LIST(candidates, struct agenda_candidate);

/* A referral awaiting its initial meeting; its due date, until
 * gather() works out the deadline, the date of the referral. */
static void
read_referral(struct db *db, sqlite3_stmt *st, void *row)
{
	struct agenda_candidate *x = row;

	(void)db;
	x->referral_id = sqlite3_column_int64(st, 0);
	x->offender_id = sqlite3_column_int64(st, 1);
	if (date_parse(meetings_text(st, 2), &x->due) != 0)
		x->due = MDATE_NONE;
	x->level = sqlite3_column_int(st, 3);
}

/* A case whose review falls due (MDATE_NONE: no date read). */
static void
read_review(struct db *db, sqlite3_stmt *st, void *row)
{
	struct agenda_candidate *x = row;

	(void)db;
	x->offender_id = sqlite3_column_int64(st, 0);
	x->level = sqlite3_column_int(st, 1);
	if (date_parse(meetings_text(st, 2), &x->due) != 0)
		x->due = MDATE_NONE;
}

/* The candidates for meeting M into C: the referrals, then the reviews. */
static enum db_status
gather(struct db *db, const struct db_meeting *m,
       const struct agenda_holidays *h, struct candidates *c)
{
	struct process_settings iv;
	struct candidates reviews = { 0 };
	sqlite3_stmt *st;
	enum db_status s;

	db_process_settings(db, &iv);
	/* Referrals awaiting their initial meeting: none met yet, not on
	 * this meeting's agenda nor on another scheduled one's; a case
	 * referred twice is proposed once, for its latest referral. */
	st = db_stmt(db,
		"SELECT r.id, r.offender_id, r.date, r.proposed_level "
		"FROM referrals r JOIN offenders o ON o.id = r.offender_id "
		"WHERE r.outcome = 'pending' AND r.meeting_id IS NULL "
		"AND r.proposed_level IN (2, 3) "
		"AND r.id = (SELECT max(r2.id) FROM referrals r2 WHERE "
		"  r2.offender_id = r.offender_id AND r2.outcome = 'pending' "
		"  AND r2.meeting_id IS NULL) "
		"AND o.status IN ('community','custody') AND o.erased IS NULL "
		"AND NOT EXISTS (SELECT 1 FROM agenda_items a JOIN meetings m2 "
		"  ON m2.id = a.meeting_id WHERE a.offender_id = r.offender_id "
		"  AND (m2.id = ?1 OR m2.status = 'scheduled'))");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, m->id);
	if ((s = DB_ROWS(db, st, read_referral, c, "reading referrals")) !=
	    DB_OK)
		return s;
	for (int i = 0; i < c->n; i++)
		if (c->v[i].due != MDATE_NONE)
			c->v[i].due = process_initial_due(&iv, h, c->v[i].level,
							  c->v[i].due);
	/* Reviews due by the meeting's date. */
	st = db_stmt(db,
		"SELECT o.id, o.level, o.next_review FROM offenders o "
		"WHERE o.status IN ('community','custody') AND o.level = ?2 "
		"AND o.next_review IS NOT NULL AND o.next_review <= ?3 "
		"AND o.erased IS NULL "
		"AND NOT EXISTS (SELECT 1 FROM referrals r WHERE "
		"  r.offender_id = o.id AND r.outcome = 'pending' AND "
		"  r.meeting_id IS NULL) "
		"AND NOT EXISTS (SELECT 1 FROM agenda_items a JOIN meetings m2 "
		"  ON m2.id = a.meeting_id WHERE a.offender_id = o.id "
		"  AND (m2.id = ?1 OR m2.status = 'scheduled'))");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, m->id);
	sqlite3_bind_int(st, 2, m->level);
	sqlite3_bind_text(st, 3, m->date, -1, SQLITE_TRANSIENT);
	s = DB_ROWS(db, st, read_review, &reviews, "reading the register");
	for (int i = 0; s == DB_OK && i < reviews.n; i++)
		if (reviews.v[i].due != MDATE_NONE &&
		    array_push(&c->v, &c->n, &c->cap, &reviews.v[i],
			       sizeof reviews.v[i]) != 0)
			s = db_fail(db, DB_ERROR, "out of memory");
	db_list_free(&reviews);
	return s;
}

/* Proposal P's case: its reference, names, category and level. */
static enum db_status
read_proposed(struct db *db, sqlite3_stmt *st, struct db_agenda_proposal *p)
{
	int rc;

	sqlite3_bind_int64(st, 1, p->offender_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, p->ref, sizeof p->ref);
		db_column_copy(st, 1, p->surname, sizeof p->surname);
		db_column_copy(st, 2, p->forenames, sizeof p->forenames);
		p->category = sqlite3_column_int(st, 3);
		p->level = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : db_sqlfail(db, rc, "reading a case");
}

enum db_status
db_agenda_propose(struct db *db, int64_t meeting_id, mdate today,
		  const struct agenda_holidays *h,
		  struct db_agenda_proposals *list)
{
	struct candidates c = { 0 };
	struct db_meeting m;
	struct db_agenda_proposal p;
	sqlite3_stmt *st;
	enum db_status s;
	mdate date;
	size_t k;

	list->n = 0;
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "proposing an agenda")) !=
	    DB_OK)
		return s;
	if ((s = load_meeting(db, meeting_id, &m)) != DB_OK)
		return s;
	if (date_parse(m.date, &date) != 0)
		return db_fail(db, DB_INVALID, "the meeting has no date");
	if ((s = gather(db, &m, h, &c)) != DB_OK) {
		db_list_free(&c);
		return s;
	}
	k = agenda_propose(c.v, (size_t)c.n, m.level, date, today);
	st = db_stmt(db, "SELECT ref, surname, forenames, category, level "
			 "FROM offenders WHERE id = ?");
	if (st == NULL)
		s = DB_ERROR;
	for (size_t i = 0; s == DB_OK && i < k; i++) {
		memset(&p, 0, sizeof p);
		p.offender_id = c.v[i].offender_id;
		p.referral_id = c.v[i].referral_id;
		p.overdue = c.v[i].overdue;
		p.reason = c.v[i].reason;
		if (c.v[i].due != MDATE_NONE)
			date_format(c.v[i].due, p.due);
		if ((s = read_proposed(db, st, &p)) == DB_OK &&
		    array_push(&list->v, &list->n, &list->cap, &p,
			       sizeof p) != 0)
			s = db_fail(db, DB_ERROR, "out of memory");
	}
	if (s != DB_OK)
		list->n = 0;
	db_list_free(&c);
	return s;
}

enum db_status
db_meeting_ensure(struct db *db, mdate date, int level, const char *chair,
		  int64_t *id)
{
	sqlite3_stmt *st;
	enum db_status s;
	char d[MDATE_BUFSZ], rec[48], detail[64];
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "recording a meeting")) !=
	    DB_OK)
		return s;
	if (level != 2 && level != 3)
		return db_fail(db, DB_INVALID, "a MAPP meeting is at Level 2 "
			       "or 3");
	date_format(date, d);
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id FROM meetings WHERE date = ? AND "
			 "level = ? AND coalesce(chair, '') = coalesce(?, '')");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, d, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, level);
	db_bind_text(st, 3, chair);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return db_tx_end(db, DB_OK);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "reading meetings"));
	st = db_stmt(db, "INSERT INTO meetings(date, level, status, chair) "
			 "VALUES (?, ?, ?, ?)");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, d, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, level);
	db_bind_text(st, 3, meeting_status_name(MEETING_HELD));
	db_bind_text(st, 4, chair);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "adding a meeting"));
	*id = sqlite3_last_insert_rowid(db->sql);
	meetings_record(rec, sizeof rec, *id);
	snprintf(detail, sizeof detail, "date: - -> %s; level: - -> %d; "
		 "status: - -> %s", d, level,
		 meeting_status_name(MEETING_HELD));
	return db_tx_end(db, db_audit_write(db, "meeting.add", rec, detail));
}
