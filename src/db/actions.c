/*
 * actions.c -- the actions a MAPP meeting agrees for a case: who owns
 * them (an agency, a person), when they are due, when they were done;
 * the lists of open and overdue actions by agency and owner (issue 7).
 *
 * Marking an action done is an intent, not an edit: two people ticking
 * the same action off cannot lose anything, so the first date stays and
 * the second call is no error.  An action reviewed at a later meeting
 * and no longer to be done is dropped: closed like a done one, on the
 * day, and marked dropped, never deleted once its minutes are approved.
 * A lay adviser sees which agencies hold
 * open or overdue actions and when they fall due, never the wording or
 * who owns them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/status.h"
#include "core/util.h"
#include "db/meetings_internal.h"

enum action_state
actions_state_of(const char *done, bool dropped)
{
	return done[0] == '\0' ? ACTION_OPEN
	       : dropped ? ACTION_DROPPED : ACTION_DONE;
}

enum db_status
actions_insert(struct db *db, struct db_action *a)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO actions(meeting_id, offender_id, text, "
		"owner_agency, owner_person, due, done) VALUES "
		"(?, ?, ?, ?, ?, ?, ?)");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	if (a->meeting_id)
		sqlite3_bind_int64(st, 1, a->meeting_id);
	sqlite3_bind_int64(st, 2, a->offender_id);
	sqlite3_bind_text(st, 3, a->text ? a->text : "", -1,
			  SQLITE_TRANSIENT);
	db_bind_text(st, 4, a->owner_agency);
	db_bind_text(st, 5, a->owner_person);
	db_bind_text(st, 6, a->due);
	db_bind_text(st, 7, a->done);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "adding an action");
	a->id = sqlite3_last_insert_rowid(db->sql);
	a->version = 1;
	return DB_OK;
}

static void
action_record(char *buf, size_t n, int64_t id, int64_t offender)
{
	snprintf(buf, n, "action %lld offender %lld", (long long)id,
		 (long long)offender);
}

enum db_status
db_action_add(struct db *db, struct db_action *a)
{
	sqlite3_stmt *st;
	enum db_status s;
	mdate d;
	char rec[80], detail[160];
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "adding an action")) !=
	    DB_OK)
		return s;
	if (a->text == NULL || a->text[strspn(a->text, " \t\r\n")] == '\0')
		return db_fail(db, DB_INVALID, "action: what is to be done is "
			       "required");
	if (str_has_control(a->text, true))
		return db_fail(db, DB_INVALID, "action: control characters "
			       "other than tab and line breaks are not "
			       "allowed");
	if (str_has_control(a->owner_person, false))
		return db_fail(db, DB_INVALID, "owner: control characters are "
			       "not allowed");
	if ((s = meetings_check_agency(db, a->owner_agency, "owner agency")) !=
	    DB_OK)
		return s;
	if (date_parse(a->due, &d) != 0)
		return db_fail(db, DB_INVALID, "due: a real date, YYYY-MM-DD, "
			       "is required");
	if (a->done[0] && date_parse(a->done, &d) != 0)
		return db_fail(db, DB_INVALID, "done: a real date, YYYY-MM-DD, "
			       "or none");
	if (a->offender_id == 0)
		return db_fail(db, DB_INVALID, "an action is for a case");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = meetings_minutes_open(db, a->meeting_id)) != DB_OK)
		return db_tx_end(db, s);
	if (a->meeting_id) {
		st = db_stmt(db, "SELECT m.status FROM agenda_items a JOIN "
				 "meetings m ON m.id = a.meeting_id WHERE "
				 "a.meeting_id = ? AND a.offender_id = ?");
		if (st == NULL)
			return db_tx_end(db, DB_ERROR);
		sqlite3_bind_int64(st, 1, a->meeting_id);
		sqlite3_bind_int64(st, 2, a->offender_id);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			const char *status =
				(const char *)sqlite3_column_text(st, 0);

			if (meeting_status_parse(status) == MEETING_CANCELLED)
				rc = -1;
		}
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return db_tx_end(db, db_fail(db, DB_INVALID, "the case "
				"is not on that meeting's agenda"));
		if (rc == -1)
			return db_tx_end(db, db_fail(db, DB_INVALID, "the "
				"meeting was cancelled"));
		if (rc != SQLITE_ROW)
			return db_tx_end(db, db_sqlfail(db, rc,
							"reading an agenda"));
	} else {
		st = db_stmt(db, "SELECT 1 FROM offenders WHERE id = ? AND "
				 "erased IS NULL");
		if (st == NULL)
			return db_tx_end(db, DB_ERROR);
		sqlite3_bind_int64(st, 1, a->offender_id);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return db_tx_end(db, rc == SQLITE_DONE
				? db_fail(db, DB_NOTFOUND, "no such case")
				: db_sqlfail(db, rc, "reading a case"));
	}
	s = actions_insert(db, a);
	if (s == DB_OK) {
		action_record(rec, sizeof rec, a->id, a->offender_id);
		snprintf(detail, sizeof detail, "owner_agency: - -> %s; due: - "
			 "-> %s; done: - -> %s; meeting: %lld; fields: text%s",
			 a->owner_agency, a->due, a->done[0] ? a->done : "-",
			 (long long)a->meeting_id,
			 a->owner_person && *a->owner_person ? ",owner_person"
							     : "");
		s = db_audit_write(db, "action.add", rec, detail);
	}
	s = db_tx_end(db, s);
	if (s != DB_OK)
		a->id = 0;
	return s;
}

enum db_status
db_action_done(struct db *db, int64_t id, mdate done, int64_t *version)
{
	sqlite3_stmt *st;
	enum db_status s;
	char old[MDATE_BUFSZ] = "", d[MDATE_BUFSZ], rec[80], detail[64];
	int64_t offender = 0, v = 0;
	bool dropped = false;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER,
			    "completing an action")) != DB_OK)
		return s;
	if (done == MDATE_NONE)
		return db_fail(db, DB_INVALID, "done: a date is required");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT done, offender_id, version, dropped FROM "
			 "actions WHERE id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, old, sizeof old);
		offender = sqlite3_column_int64(st, 1);
		v = sqlite3_column_int64(st, 2);
		dropped = sqlite3_column_int(st, 3) != 0;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_tx_end(db, db_fail(db, DB_NOTFOUND, "no action %lld",
					     (long long)id));
	if (rc != SQLITE_ROW)
		return db_tx_end(db, db_sqlfail(db, rc, "reading an action"));
	if (old[0] && dropped)
		return db_tx_end(db, db_fail(db, DB_INVALID, "action %lld was "
					     "dropped on %s: it is not done",
					     (long long)id, old));
	if (old[0]) {
		if (version)
			*version = v;
		return db_tx_end(db, DB_OK);
	}
	st = db_stmt(db, "UPDATE actions SET done = ?, version = version + 1 "
			 "WHERE id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, date_format(done, d), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "saving an action"));
	action_record(rec, sizeof rec, id, offender);
	snprintf(detail, sizeof detail, "done: - -> %s", d);
	s = db_tx_end(db, db_audit_write(db, "action.done", rec, detail));
	if (s == DB_OK && version)
		*version = v + 1;
	return s;
}

/* Free the texts a row owns. */
static void
drop_action(void *row)
{
	struct db_action *a = row;

	free((char *)a->text);
	free((char *)a->owner_person);
	a->text = a->owner_person = NULL;
}

void
db_actions_free(struct db_actions *list)
{
	for (int i = 0; i < list->n; i++)
		drop_action(&list->v[i]);
	db_list_free(list);
}

/*
 * One action of db_action_list()'s query.  The wording and owner's
 * name, withheld from lay (who sees the case's pseudonym), are copied;
 * out of memory for them, the row's id is 0 (db_action_list() fails).
 */
static void
read_action(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_action *a = row;
	const unsigned char *text = sqlite3_column_text(st, 4);
	const unsigned char *person = sqlite3_column_text(st, 6);

	a->id = sqlite3_column_int64(st, 0);
	a->version = sqlite3_column_int64(st, 1);
	a->meeting_id = sqlite3_column_int64(st, 2);
	a->offender_id = sqlite3_column_int64(st, 3);
	db_column_copy(st, 5, a->owner_agency, sizeof a->owner_agency);
	db_column_copy(st, 7, a->due, sizeof a->due);
	db_column_copy(st, 8, a->done, sizeof a->done);
	db_column_copy(st, db->role == ROLE_LAY ? 10 : 9, a->ref,
		       sizeof a->ref);
	db_column_copy(st, 11, a->meeting_date, sizeof a->meeting_date);
	a->state = actions_state_of(a->done, sqlite3_column_int(st, 12) != 0);
	if (db->role == ROLE_LAY)
		return;
	if ((text && (a->text = strdup((const char *)text)) == NULL) ||
	    (person &&
	     (a->owner_person = strdup((const char *)person)) == NULL)) {
		free((char *)a->text);
		a->text = NULL;
		a->id = 0;
	}
}

enum db_status
db_action_list(struct db *db, const struct db_action_query *q,
	       struct db_actions *list)
{
	sqlite3_stmt *st;
	enum db_status s;
	char today[MDATE_BUFSZ] = "";

	if (db->role == ROLE_LAY && q->owner && *q->owner)
		return db_fail(db, DB_REFUSED, "a lay adviser does not see "
			       "who owns an action");
	if (q->today != MDATE_NONE)
		date_format(q->today, today);
	st = db_stmt(db,
		"SELECT a.id, a.version, a.meeting_id, a.offender_id, a.text, "
		"a.owner_agency, a.owner_person, a.due, a.done, o.ref, o.pseudo, "
		"m.date, a.dropped FROM actions a "
		"JOIN offenders o ON o.id = a.offender_id "
		"LEFT JOIN meetings m ON m.id = a.meeting_id "
		"WHERE (?1 = 0 OR a.done IS NULL) "
		"AND (?2 = 0 OR (a.done IS NULL AND a.due < ?3)) "
		"AND (?4 IS NULL OR a.owner_agency = ?4) "
		"AND (?5 IS NULL OR lower(a.owner_person) = lower(?5)) "
		"AND (?6 = 0 OR a.meeting_id = ?6) "
		"AND (?7 = 0 OR a.offender_id = ?7) "
		"ORDER BY ifnull(a.owner_agency, ''), "
		"lower(ifnull(a.owner_person, '')), a.due, a.id");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int(st, 1, q->open_only || q->overdue_only);
	sqlite3_bind_int(st, 2, q->overdue_only);
	sqlite3_bind_text(st, 3, today, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, q->agency);
	db_bind_text(st, 5, q->owner);
	sqlite3_bind_int64(st, 6, q->meeting_id);
	sqlite3_bind_int64(st, 7, q->offender_id);
	s = DB_ROWS_OWNING(db, st, read_action, drop_action, list,
			   "reading actions");
	for (int i = 0; s == DB_OK && i < list->n; i++) {
		struct db_action *a = &list->v[i];

		if (a->id == 0)
			s = db_fail(db, DB_ERROR, "out of memory");
		a->overdue = a->done[0] == '\0' && today[0] && a->due[0] &&
			     strcmp(a->due, today) < 0;
	}
	if (s != DB_OK) {
		for (int i = 0; i < list->n; i++)
			drop_action(&list->v[i]);
		list->n = 0;
	}
	return s;
}

/* --- changing and removing an action (issue 16) ------------------------------- */

/* Column I of ST, malloc'd ("" for NULL); NULL when out of memory. */
static char *
dup_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return strdup(t ? (const char *)t : "");
}

/* Action ID as stored, inside the transaction; DB_NOTFOUND when none.
 * TEXT and PERSON are filled (malloc'd: the caller frees them). */
static enum db_status
action_read(struct db *db, int64_t id, struct db_action *a, char **text,
	    char **person)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT meeting_id, offender_id, text, "
				       "owner_agency, owner_person, due, done, "
				       "version, dropped FROM actions "
				       "WHERE id = ?");
	int rc;

	*text = *person = NULL;
	if (st == NULL)
		return DB_ERROR;
	memset(a, 0, sizeof *a);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->id = id;
		a->meeting_id = sqlite3_column_int64(st, 0);
		a->offender_id = sqlite3_column_int64(st, 1);
		*text = dup_text(st, 2);
		db_column_copy(st, 3, a->owner_agency, sizeof a->owner_agency);
		*person = dup_text(st, 4);
		db_column_copy(st, 5, a->due, sizeof a->due);
		db_column_copy(st, 6, a->done, sizeof a->done);
		a->version = sqlite3_column_int64(st, 7);
		a->state = actions_state_of(a->done, sqlite3_column_int(st, 8) != 0);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no action %lld",
			       (long long)id);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "reading an action");
	if (*text == NULL || *person == NULL)
		return db_fail(db, DB_ERROR, "out of memory");
	a->text = *text;
	a->owner_person = *person;
	return DB_OK;
}

enum db_status
db_action_edit(struct db *db, int64_t id, int64_t *version, const char *text,
	       const char *owner_agency, const char *owner_person,
	       const char *due)
{
	struct db_action cur;
	struct strbuf sb;
	sqlite3_stmt *st;
	enum db_status s;
	char *otext = NULL, *operson = NULL, rec[80];
	mdate d;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "changing an action")) !=
	    DB_OK)
		return s;
	if (text && text[strspn(text, " \t\r\n")] == '\0')
		return db_fail(db, DB_INVALID, "action: what is to be done is "
			       "required");
	if (str_has_control(text, true))
		return db_fail(db, DB_INVALID, "action: control characters "
			       "other than tab and line breaks are not "
			       "allowed");
	if (str_has_control(owner_person, false))
		return db_fail(db, DB_INVALID, "owner: control characters are "
			       "not allowed");
	if (owner_person && strlen(owner_person) >= DB_FIELD_MAX)
		return db_fail(db, DB_INVALID, "owner: at most %d bytes",
			       DB_FIELD_MAX - 1);
	if (owner_agency && (s = meetings_check_agency(db, owner_agency,
						       "owner agency")) != DB_OK)
		return s;
	if (due && date_parse(due, &d) != 0)
		return db_fail(db, DB_INVALID, "due: a real date, YYYY-MM-DD, "
			       "is required");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = action_read(db, id, &cur, &otext, &operson)) != DB_OK)
		goto out;
	if (version && *version && *version != cur.version) {
		s = db_fail(db, DB_CONFLICT, "someone else changed action "
			    "%lld first; nothing was saved", (long long)id);
		goto out;
	}
	if ((s = meetings_minutes_open(db, cur.meeting_id)) != DB_OK)
		goto out;
	sb_init(&sb);
	if (owner_agency && strcmp(owner_agency, cur.owner_agency) != 0)
		sb_printf(&sb, "%sowner_agency: %s -> %s", sb.len ? "; " : "",
			  cur.owner_agency, owner_agency);
	if (due && strcmp(due, cur.due) != 0)
		sb_printf(&sb, "%sdue: %s -> %s", sb.len ? "; " : "",
			  cur.due[0] ? cur.due : "-", due);
	if ((text && strcmp(text, otext) != 0) ||
	    (owner_person && strcmp(owner_person, operson) != 0))
		sb_printf(&sb, "%sfields: %s%s%s", sb.len ? "; " : "",
			  text && strcmp(text, otext) != 0 ? "text" : "",
			  text && strcmp(text, otext) != 0 && owner_person &&
					  strcmp(owner_person, operson) != 0
				  ? ","
				  : "",
			  owner_person && strcmp(owner_person, operson) != 0
				  ? "owner_person"
				  : "");
	if (sb.len == 0) {
		sb_free(&sb);
		if (version)
			*version = cur.version;
		goto out;
	}
	st = db_stmt(db, "UPDATE actions SET text = ?, owner_agency = ?, "
			 "owner_person = ?, due = ?, version = version + 1 "
			 "WHERE id = ?");
	if (st == NULL) {
		sb_free(&sb);
		s = DB_ERROR;
		goto out;
	}
	sqlite3_bind_text(st, 1, text ? text : otext, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, owner_agency ? owner_agency : cur.owner_agency);
	db_bind_text(st, 3, owner_person ? owner_person : operson);
	db_bind_text(st, 4, due ? due : cur.due);
	sqlite3_bind_int64(st, 5, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s = db_sqlfail(db, rc, "saving an action");
	} else {
		action_record(rec, sizeof rec, id, cur.offender_id);
		s = db_audit_write(db, "action.edit", rec, sb_str(&sb));
		if (s == DB_OK && version)
			*version = cur.version + 1;
	}
	sb_free(&sb);
out:
	free(otext);
	free(operson);
	return db_tx_end(db, s);
}

enum db_status
db_action_remove(struct db *db, int64_t id, int64_t version)
{
	struct db_action cur;
	sqlite3_stmt *st;
	enum db_status s;
	char *otext = NULL, *operson = NULL, rec[80], detail[320];
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "removing an action")) !=
	    DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = action_read(db, id, &cur, &otext, &operson)) != DB_OK)
		goto out;
	if (version && version != cur.version) {
		s = db_fail(db, DB_CONFLICT, "someone else changed action "
			    "%lld first; nothing was removed", (long long)id);
		goto out;
	}
	if ((s = meetings_minutes_open(db, cur.meeting_id)) != DB_OK)
		goto out;
	st = db_stmt(db, "DELETE FROM actions WHERE id = ?");
	if (st == NULL) {
		s = DB_ERROR;
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s = db_sqlfail(db, rc, "removing an action");
		goto out;
	}
	action_record(rec, sizeof rec, id, cur.offender_id);
	snprintf(detail, sizeof detail, "removed: owner_agency: %s; due: %s; "
		 "done: %s; meeting: %lld; fields: text%s",
		 cur.owner_agency, cur.due[0] ? cur.due : "-",
		 cur.done[0] ? cur.done : "-", (long long)cur.meeting_id,
		 operson[0] ? ",owner_person" : "");
	s = db_audit_write(db, "action.remove", rec, detail);
out:
	free(otext);
	free(operson);
	return db_tx_end(db, s);
}

/*
 * Inside the caller's transaction, read action ID into *CUR (its texts
 * in *TEXT and *PERSON, the caller's to free) for a change to an open
 * action only, seen at *VERSION (NULL or 0: not checked): another
 * version stored is DB_CONFLICT, a closed action DB_INVALID saying that
 * only an open action is WHAT ("carried forward", "dropped").
 */
static enum db_status
read_open(struct db *db, int64_t id, const int64_t *version,
	  const char *what, struct db_action *cur, char **text,
	  char **person)
{
	enum db_status s;

	if ((s = action_read(db, id, cur, text, person)) != DB_OK)
		return s;
	if (version && *version && *version != cur->version)
		return db_fail(db, DB_CONFLICT, "someone else changed action "
			       "%lld first; nothing was saved",
			       (long long)id);
	if (cur->done[0])
		return db_fail(db, DB_INVALID, "action %lld was %s on %s: "
			       "only an open action is %s", (long long)id,
			       action_state_name(cur->state), cur->done,
			       what);
	return DB_OK;
}

/*
 * Inside the caller's transaction, the follow-up of open action CUR
 * (read by read_open()): SQL, an UPDATE with ?1 the date D and ?2 the
 * action's id, then its audit row, ACTION with DETAIL.  *VERSION, if
 * not NULL, gets the new version.
 */
static enum db_status
follow_up(struct db *db, const struct db_action *cur, const char *sql,
	  const char *d, const char *action, const char *detail,
	  int64_t *version)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	enum db_status s;
	char rec[80];
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, d, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, cur->id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "saving an action");
	action_record(rec, sizeof rec, cur->id, cur->offender_id);
	s = db_audit_write(db, action, rec, detail);
	if (s == DB_OK && version)
		*version = cur->version + 1;
	return s;
}

enum db_status
db_action_carry(struct db *db, int64_t id, int64_t *version, mdate due)
{
	struct db_action cur;
	enum db_status s;
	char *otext = NULL, *operson = NULL, detail[80];
	char d[MDATE_BUFSZ];
	mdate old;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER,
			    "carrying an action forward")) != DB_OK)
		return s;
	if (due == MDATE_NONE)
		return db_fail(db, DB_INVALID, "due: a real date, YYYY-MM-DD, "
			       "is required");
	date_format(due, d);
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = read_open(db, id, version, "carried forward", &cur, &otext,
			   &operson)) != DB_OK)
		goto out;
	if (cur.due[0] && date_parse(cur.due, &old) == 0 && due <= old) {
		s = db_fail(db, DB_INVALID, "due: carried forward means a date "
			    "after %s, not %s", cur.due, d);
		goto out;
	}
	snprintf(detail, sizeof detail, "due: %s -> %s",
		 cur.due[0] ? cur.due : "-", d);
	s = follow_up(db, &cur, "UPDATE actions SET due = ?, "
		      "version = version + 1 WHERE id = ?", d, "action.carry",
		      detail, version);
out:
	free(otext);
	free(operson);
	return db_tx_end(db, s);
}

enum db_status
db_action_drop(struct db *db, int64_t id, mdate on, int64_t *version)
{
	struct db_action cur;
	enum db_status s;
	char *otext = NULL, *operson = NULL, detail[64];
	char d[MDATE_BUFSZ];

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "dropping an action")) !=
	    DB_OK)
		return s;
	if (on == MDATE_NONE)
		return db_fail(db, DB_INVALID, "dropped: a date is required");
	date_format(on, d);
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = read_open(db, id, version, "dropped", &cur, &otext,
			   &operson)) == DB_OK) {
		snprintf(detail, sizeof detail, "done: - -> %s; dropped", d);
		s = follow_up(db, &cur, "UPDATE actions SET done = ?, "
			      "dropped = 1, version = version + 1 WHERE id = ?",
			      d, "action.drop", detail, version);
	}
	free(otext);
	free(operson);
	return db_tx_end(db, s);
}
