/*
 * attendees.c -- the people at a MAPP meeting and the state of its
 * minutes (issue 16).
 *
 * MAPPA minutes list the people present, each with their agency and
 * role, not only the agencies: a person is added by name (typed, or
 * chosen from those who came to earlier meetings), agency and role; the
 * same person again changes their role.  Lay advisers see none of it.
 *
 * The minutes of a held meeting are a draft until the chair approves
 * them.  Approved minutes do not change -- neither their texts, nor the
 * decisions, the actions agreed there or the people -- until they are
 * reopened, which makes them a draft of the next version: a paper
 * printed from them says which version it is, and so does its audit row.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/agenda.h"
#include "core/util.h"
#include "db/meetings_internal.h"

/* Read meeting MEETING_ID's status and minutes state. */
static enum db_status
read_state(struct db *db, int64_t meeting_id, enum meeting_status *status,
	   struct db_minutes_state *ms)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT status, minutes_state, "
				       "minutes_version, minutes_approved_by, "
				       "minutes_approved_on, chair FROM "
				       "meetings WHERE id = ?");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, meeting_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*status = meetings_status_column(st, 0);
		ms->state = (enum minutes_state)minutes_state_parse(
			meetings_text(st, 1));
		ms->version = sqlite3_column_int64(st, 2);
		db_column_copy(st, 3, ms->approved_by, sizeof ms->approved_by);
		db_column_copy(st, 4, ms->approved_on, sizeof ms->approved_on);
		if (ms->approved_by[0] == '\0' &&
		    ms->state == MINUTES_APPROVED)
			db_column_copy(st, 5, ms->approved_by,
				       sizeof ms->approved_by);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no meeting %lld",
			       (long long)meeting_id);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "reading a meeting");
	return DB_OK;
}

enum db_status
meetings_minutes_open(struct db *db, int64_t meeting_id)
{
	struct db_minutes_state ms;
	enum meeting_status status;
	enum db_status s;

	if (meeting_id == 0)
		return DB_OK;
	if ((s = read_state(db, meeting_id, &status, &ms)) != DB_OK)
		return s;
	if (ms.state == MINUTES_APPROVED)
		return db_fail(db, DB_INVALID, "the minutes of meeting %lld "
			       "are approved (version %lld): reopen them "
			       "first", (long long)meeting_id,
			       (long long)ms.version);
	return DB_OK;
}

/* --- the people ------------------------------------------------------------ */

enum db_status
db_attendee_add(struct db *db, struct db_attendee *a, const char *role)
{
	struct db_minutes_state ms;
	sqlite3_stmt *st;
	enum db_status s;
	enum meeting_status status;
	char rec[48], detail[DB_FIELD_MAX + 96], old[16] = "";
	const char *name = a->name;
	size_t len;
	int rc, r = agenda_role_find(role);

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "recording who attended")) !=
	    DB_OK)
		return s;
	while (*name == ' ')
		name++;
	len = strlen(name);
	while (len > 0 && name[len - 1] == ' ')
		len--;
	if (len == 0)
		return db_fail(db, DB_INVALID, "attendee: a name is required");
	if (str_has_control(name, false))
		return db_fail(db, DB_INVALID, "attendee: control characters "
			       "are not allowed in a name");
	if ((s = meetings_check_agency(db, a->agency, "attendee's agency")) !=
	    DB_OK)
		return s;
	if (r < 0)
		return db_fail(db, DB_INVALID, "role: \"%s\" is not one of "
			       "present, apologies, report, guest",
			       role ? role : "");
	a->role = r;
	memmove(a->name, name, len);
	a->name[len] = '\0';
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = read_state(db, a->meeting_id, &status, &ms)) != DB_OK)
		return db_tx_end(db, s);
	if (status == MEETING_CANCELLED)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the meeting was "
					     "cancelled"));
	if ((s = meetings_minutes_open(db, a->meeting_id)) != DB_OK)
		return db_tx_end(db, s);
	st = db_stmt(db, "SELECT id, role FROM attendees WHERE meeting_id = ? "
			 "AND name = ? AND agency = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, a->meeting_id);
	sqlite3_bind_text(st, 2, a->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, a->agency, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, old, sizeof old);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "reading attendees"));
	if (rc == SQLITE_ROW && agenda_role_find(old) == a->role)
		return db_tx_end(db, DB_OK);
	if (rc == SQLITE_ROW) {
		st = db_stmt(db, "UPDATE attendees SET role = ? WHERE id = ?");
		if (st == NULL)
			return db_tx_end(db, DB_ERROR);
		sqlite3_bind_text(st, 1, agenda_role_name(a->role), -1,
				  SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, a->id);
	} else {
		st = db_stmt(db, "INSERT INTO attendees(meeting_id, name, "
				 "agency, role) VALUES (?, ?, ?, ?)");
		if (st == NULL)
			return db_tx_end(db, DB_ERROR);
		sqlite3_bind_int64(st, 1, a->meeting_id);
		sqlite3_bind_text(st, 2, a->name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, a->agency, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, agenda_role_name(a->role), -1,
				  SQLITE_TRANSIENT);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "saving an attendee"));
	if (old[0] == '\0')
		a->id = sqlite3_last_insert_rowid(db->sql);
	meetings_record(rec, sizeof rec, a->meeting_id);
	snprintf(detail, sizeof detail, "attendee %lld (%s): role %s -> %s",
		 (long long)a->id, a->agency, old[0] ? old : "-",
		 agenda_role_name(a->role));
	return db_tx_end(db, db_audit_write(db, "meeting.attendee", rec,
					    detail));
}

enum db_status
db_attendee_remove(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	enum db_status s;
	char rec[48], detail[96], agency[32] = "", role[16] = "";
	int64_t meeting = 0;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "recording who attended")) !=
	    DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT meeting_id, agency, role FROM attendees "
			 "WHERE id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		meeting = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, agency, sizeof agency);
		db_column_copy(st, 2, role, sizeof role);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_tx_end(db, db_fail(db, DB_NOTFOUND, "no attendee "
					     "%lld", (long long)id));
	if (rc != SQLITE_ROW)
		return db_tx_end(db, db_sqlfail(db, rc, "reading attendees"));
	if ((s = meetings_minutes_open(db, meeting)) != DB_OK)
		return db_tx_end(db, s);
	st = db_stmt(db, "DELETE FROM attendees WHERE id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "removing an attendee"));
	meetings_record(rec, sizeof rec, meeting);
	snprintf(detail, sizeof detail, "attendee %lld (%s): role %s -> -",
		 (long long)id, agency, role);
	return db_tx_end(db, db_audit_write(db, "meeting.attendee", rec,
					    detail));
}

static void
read_attendee(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_attendee *a = row;

	(void)db;
	a->id = sqlite3_column_int64(st, 0);
	a->meeting_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, a->name, sizeof a->name);
	db_column_copy(st, 3, a->agency, sizeof a->agency);
	a->role = agenda_role_find(meetings_text(st, 4));
}

/* The attendees SQL selects, its ?1 bound to ARG, into LIST (admin,
 * member). */
static enum db_status
attendees(struct db *db, const char *sql, int64_t arg,
	  struct db_attendees *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "the attendees")) != DB_OK)
		return s;
	if ((st = db_stmt(db, sql)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, arg);
	return DB_ROWS(db, st, read_attendee, list, "reading attendees");
}

enum db_status
db_attendee_list(struct db *db, int64_t meeting_id, struct db_attendees *list)
{
	return attendees(db, "SELECT id, meeting_id, name, agency, role FROM "
			 "attendees WHERE meeting_id = ?1 ORDER BY CASE role "
			 "WHEN 'present' THEN 0 WHEN 'apologies' THEN 1 WHEN "
			 "'report' THEN 2 ELSE 3 END, agency, lower(name), id",
			 meeting_id, list);
}

enum db_status
db_attendee_known(struct db *db, int limit, struct db_attendees *list)
{
	return attendees(db, "SELECT 0, 0, a.name, a.agency, '' FROM "
			 "attendees a JOIN meetings m ON m.id = a.meeting_id "
			 "GROUP BY a.name, a.agency ORDER BY max(m.date) DESC, "
			 "lower(a.name) LIMIT ?1", limit, list);
}

enum db_status
db_bulk_attendees(struct db *db, int64_t id, const struct db_attendee *v,
		  size_t n)
{
	sqlite3_stmt *st;
	enum db_status s;
	char rec[48], detail[48];
	int rc = SQLITE_DONE;

	if ((s = db_require(db, DB_ADMIN, "writing the demo")) !=
	    DB_OK)
		return s;
	if (db->depth == 0)
		return db_fail(db, DB_INVALID, "bulk writing needs db_begin()");
	st = db_stmt(db, "INSERT OR REPLACE INTO attendees(meeting_id, name, "
			 "agency, role) VALUES (?, ?, ?, ?)");
	if (st == NULL) {
		db->doomed = true;
		return DB_ERROR;
	}
	for (size_t i = 0; rc == SQLITE_DONE && i < n; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, v[i].name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, v[i].agency, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, agenda_role_name(v[i].role), -1,
				  SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	if (rc != SQLITE_DONE) {
		s = db_sqlfail(db, rc, "writing attendees");
	} else {
		meetings_record(rec, sizeof rec, id);
		snprintf(detail, sizeof detail, "attendees: %zu", n);
		s = db_audit_write(db, "meeting.demo", rec, detail);
	}
	if (s != DB_OK)
		db->doomed = true;
	return s;
}

/* --- the state of the minutes ------------------------------------------------ */

enum db_status
db_minutes_state(struct db *db, int64_t meeting_id,
		 struct db_minutes_state *ms)
{
	enum meeting_status status;
	enum db_status s;

	memset(ms, 0, sizeof *ms);
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "the minutes")) != DB_OK)
		return s;
	return read_state(db, meeting_id, &status, ms);
}

enum db_status
db_minutes_approve(struct db *db, int64_t meeting_id, mdate on)
{
	struct db_minutes_state ms;
	struct db_meeting m;
	sqlite3_stmt *st;
	enum db_status s;
	enum meeting_status status;
	char rec[48], detail[96], d[MDATE_BUFSZ];
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "approving minutes")) !=
	    DB_OK)
		return s;
	if (on == MDATE_NONE)
		return db_fail(db, DB_INVALID, "approved on: a date is "
			       "required");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = read_state(db, meeting_id, &status, &ms)) != DB_OK)
		return db_tx_end(db, s);
	if (ms.state == MINUTES_APPROVED)
		return db_tx_end(db, DB_OK);
	if (status != MEETING_HELD)
		return db_tx_end(db, db_fail(db, DB_INVALID, "meeting %lld "
			"has not been held: it has no minutes to approve",
			(long long)meeting_id));
	if ((s = db_meeting_get(db, meeting_id, &m)) != DB_OK)
		return db_tx_end(db, s);
	if (m.chair[0] == '\0')
		return db_tx_end(db, db_fail(db, DB_INVALID, "meeting %lld "
			"has no chair to approve its minutes",
			(long long)meeting_id));
	st = db_stmt(db, "UPDATE meetings SET minutes_state = ?4, "
			 "minutes_approved_by = ?1, minutes_approved_on = ?2 "
			 "WHERE id = ?3");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, m.chair, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(on, d), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, meeting_id);
	db_bind_text(st, 4, minutes_state_name(MINUTES_APPROVED));
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "approving minutes"));
	meetings_record(rec, sizeof rec, meeting_id);
	snprintf(detail, sizeof detail, "minutes version %lld: %s -> "
		 "%s on %s; fields: approved_by", (long long)ms.version,
		 minutes_state_name(MINUTES_DRAFT),
		 minutes_state_name(MINUTES_APPROVED), d);
	return db_tx_end(db, db_audit_write(db, "minutes.approve", rec,
					    detail));
}

enum db_status
db_minutes_reopen(struct db *db, int64_t meeting_id)
{
	struct db_minutes_state ms;
	sqlite3_stmt *st;
	enum db_status s;
	enum meeting_status status;
	char rec[48], detail[96];
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "reopening minutes")) !=
	    DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = read_state(db, meeting_id, &status, &ms)) != DB_OK)
		return db_tx_end(db, s);
	if (ms.state == MINUTES_DRAFT)
		return db_tx_end(db, DB_OK);
	st = db_stmt(db, "UPDATE meetings SET minutes_state = ?2, "
			 "minutes_version = minutes_version + 1, "
			 "minutes_approved_by = NULL, minutes_approved_on = "
			 "NULL WHERE id = ?1");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, meeting_id);
	db_bind_text(st, 2, minutes_state_name(MINUTES_DRAFT));
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "reopening minutes"));
	meetings_record(rec, sizeof rec, meeting_id);
	snprintf(detail, sizeof detail, "minutes version %lld: %s -> %s "
		 "version %lld", (long long)ms.version,
		 minutes_state_name(MINUTES_APPROVED),
		 minutes_state_name(MINUTES_DRAFT), (long long)ms.version + 1);
	return db_tx_end(db, db_audit_write(db, "minutes.reopen", rec,
					    detail));
}
