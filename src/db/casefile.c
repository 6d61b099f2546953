/*
 * casefile.c -- what the offender record shows beyond the record and its
 * history (the meetings that discussed the case, its actions), and an
 * event recorded with what goes with it: the meeting that decided it and
 * the next review, in the same transaction.
 *
 * A lay adviser reads dates, levels and decisions' outcomes here, never a
 * chair's name, a minute's text or an action's wording.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "db/meetings_internal.h"

enum db_status
db_set_next_review(struct db *db, int64_t id, mdate when, const char *why)
{
	sqlite3_stmt *st;
	char old[MDATE_BUFSZ], new[MDATE_BUFSZ], rec[48], detail[96];
	int rc;

	st = db_stmt(db, "SELECT next_review FROM offenders WHERE id = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, old, sizeof old);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE
			? db_fail(db, DB_NOTFOUND, "no such case")
			: db_sqlfail(db, rc, "reading an offender");
	new[0] = '\0';
	if (when != MDATE_NONE)
		date_format(when, new);
	if (strcmp(old, new) == 0)
		return DB_OK;
	st = db_stmt(db, "UPDATE offenders SET next_review = ? WHERE id = ?");
	if (st == NULL)
		return DB_ERROR;
	db_bind_text(st, 1, new);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "setting the next review");
	snprintf(rec, sizeof rec, "offender %lld", (long long)id);
	snprintf(detail, sizeof detail, "next_review: %s -> %s%s%s",
		 old[0] ? old : "-", new[0] ? new : "-", why ? "; " : "",
		 why ? why : "");
	return db_audit_write(db, "offender.review", rec, detail);
}

enum db_status
db_case_event(struct db *db, int64_t offender_id, int64_t *version,
	      struct db_event *e, int meeting_level, mdate next_review,
	      mdate today)
{
	int64_t seen = *version, meeting = e->meeting_id;
	enum db_status s;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "recording an event")) !=
	    DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if (meeting_level == 2 || meeting_level == 3)
		s = db_meeting_ensure(db, e->ev.date, meeting_level,
				      e->decided_by, &e->meeting_id);
	if (s == DB_OK)
		s = db_event_add(db, offender_id, version, e, today);
	if (s == DB_OK && e->ev.type == EV_EXIT)
		s = db_set_next_review(db, offender_id, MDATE_NONE, NULL);
	else if (s == DB_OK && next_review != MDATE_NONE)
		s = db_set_next_review(db, offender_id, next_review, NULL);
	s = db_tx_end(db, s);
	if (s != DB_OK) {
		*version = seen;
		e->meeting_id = meeting;
	}
	return s;
}

static void
read_case_meeting(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_case_meeting *m = row;

	m->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, m->date, sizeof m->date);
	m->level = sqlite3_column_int(st, 2);
	m->status = meetings_status_column(st, 3);
	m->level_decision = db_column_decision(st, 4);
	db_column_copy(st, 5, m->next_review, sizeof m->next_review);
	if (db->role != ROLE_LAY) {
		m->chair = db_column_dup(st, 6);
		m->decision = db_column_dup(st, 7);
	}
}

/* Free the chair and the decision a row owns. */
static void
drop_case_meeting(void *row)
{
	struct db_case_meeting *m = row;

	free(m->chair);
	free(m->decision);
	m->chair = m->decision = NULL;
}

void
db_case_meetings_free(struct db_case_meetings *list)
{
	for (int i = 0; i < list->n; i++)
		drop_case_meeting(&list->v[i]);
	db_list_free(list);
}

enum db_status
db_case_meetings(struct db *db, int64_t offender_id,
		 struct db_case_meetings *list)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT m.id, m.date, m.level, m.status, mi.level_decision, "
		"  mi.next_review, m.chair, mi.decision "
		"FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
		"LEFT JOIN minutes mi ON mi.agenda_item_id = a.id "
		"WHERE a.offender_id = ?1 "
		"UNION ALL "
		"SELECT m.id, m.date, m.level, m.status, NULL, NULL, m.chair, "
		"  NULL "
		"FROM meetings m "
		"WHERE m.id IN (SELECT meeting_id FROM events "
		"  WHERE offender_id = ?1 AND meeting_id IS NOT NULL) "
		"AND m.id NOT IN (SELECT meeting_id FROM agenda_items "
		"  WHERE offender_id = ?1) "
		"ORDER BY 2, 1");

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	return DB_ROWS_OWNING(db, st, read_case_meeting, drop_case_meeting,
			      list, "reading meetings");
}

static void
read_case_action(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_case_action *a = row;

	a->id = sqlite3_column_int64(st, 0);
	a->meeting_id = sqlite3_column_int64(st, 1);
	if (db->role != ROLE_LAY) {
		a->text = db_column_dup(st, 2);
		a->owner_person = db_column_dup(st, 4);
	}
	db_column_copy(st, 3, a->owner_agency, sizeof a->owner_agency);
	db_column_copy(st, 5, a->due, sizeof a->due);
	db_column_copy(st, 6, a->done, sizeof a->done);
	a->state = actions_state_of(a->done, sqlite3_column_int(st, 7) != 0);
}

/* Free the text and the owner a row owns. */
static void
drop_case_action(void *row)
{
	struct db_case_action *a = row;

	free(a->text);
	free(a->owner_person);
	a->text = a->owner_person = NULL;
}

void
db_case_actions_free(struct db_case_actions *list)
{
	for (int i = 0; i < list->n; i++)
		drop_case_action(&list->v[i]);
	db_list_free(list);
}

enum db_status
db_case_action_list(struct db *db, int64_t offender_id, bool open_only,
		    struct db_case_actions *list)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT id, meeting_id, text, owner_agency, owner_person, due, "
		"done, dropped FROM actions WHERE offender_id = ?1 AND "
		"(?2 = 0 OR done IS NULL) ORDER BY due IS NULL, due, id");

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	sqlite3_bind_int(st, 2, open_only);
	return DB_ROWS_OWNING(db, st, read_case_action, drop_case_action, list,
			      "reading actions");
}
