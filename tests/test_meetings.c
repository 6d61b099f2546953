/*
 * test_meetings.c -- the meetings data layer (db/meetings.c, minutes.c,
 * actions.c): two people editing one meeting lose nothing, and collide
 * only on the same field; the level decision writes the level event
 * with its reason, decided by the meeting and its chair, on the meeting's
 * date; the agenda's order; attendance; actions; the proposal; lay
 * advisers refused; every write audited, free text by name only.  The
 * people at a meeting, approved minutes frozen until reopened, actions
 * changed and removed (issue 16).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testdate.h"
#include <sqlite3.h>

#include "core/util.h"
#include "db/db_internal.h"
#include "testutil.h"

struct fx {
	char dir[4096];
	char path[4200];
	struct db *db;   /* alice, admin */
	struct db *bob;  /* a member, at the same time */
	struct db_offender o;
	int64_t meeting;
};

/* The first meeting's day: when it may be held. */
#define TODAY D("2012-05-22")

static void
text(struct db *db, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL),
			 SQLITE_OK);
	buf[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		str_copy(buf, (const char *)sqlite3_column_text(st, 0), n);
	sqlite3_finalize(st);
}

/* A case registered at LEVEL of CATEGORY on 2012-01-10. */
static void
new_case(struct db *db, const char *ref, int category, int level,
	 struct db_offender *o)
{
	struct db_event e;

	tu_offender(o, ref);
	str_copy(o->forenames, "Quentin", sizeof o->forenames);
	assert_int_equal(db_offender_add(db, o), DB_OK);
	memset(&e, 0, sizeof e);
	e.ev.date = D("2012-01-10");
	e.ev.type = EV_REGISTER;
	e.ev.category = (uint8_t)category;
	e.ev.level = (uint8_t)level;
	e.source = SRC_MAPPA;
	if (level >= 2) {
		e.note = "initial level";
		e.decided_by = "the coordinator";
	}
	assert_int_equal(db_event_add(db, o->id, &o->version, &e,
				      MDATE_NONE), DB_OK);
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	static const char *const inv[] = { "police", "probation", "housing" };
	struct db_meeting m;
	char err[512];

	f->db = tu_db_create(f->dir, sizeof f->dir, f->path, sizeof f->path);
	assert_int_equal(db_user_add(f->db, "bob", ROLE_MEMBER), DB_OK);
	assert_int_equal(db_user_add(f->db, "lay", ROLE_LAY), DB_OK);
	assert_int_equal(db_open(&f->bob, f->path, "bob", 0, err, sizeof err),
			 DB_OK);
	new_case(f->db, "C1", 1, 2, &f->o);
	memset(&m, 0, sizeof m);
	str_copy(m.date, "2012-05-22", sizeof m.date);
	str_copy(m.time, "10:00", sizeof m.time);
	m.level = 2;
	str_copy(m.chair, "DCI Ada Chairwoman", sizeof m.chair);
	str_copy(m.venue, "Room 4", sizeof m.venue);
	assert_int_equal(db_meeting_add(f->db, &m, inv, NELEM(inv)), DB_OK);
	assert_true(m.id > 0);
	assert_int_equal(m.version, 1);
	assert_string_equal(meeting_status_name(m.status), "scheduled");
	f->meeting = m.id;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	db_close(f->bob);
	db_close(f->db);
	tu_rmdir(f->dir);
	free(f);
	return 0;
}

static int64_t
agenda_item(struct fx *f, int64_t offender)
{
	int64_t item = 0;

	assert_int_equal(db_agenda_add(f->db, f->meeting, offender, "review",
				       0, false, &item), DB_OK);
	return item;
}

/* --- meetings ------------------------------------------------------------------ */

static void
meeting__two_editors__different_fields_merged(void **state)
{
	struct fx *f = *state;
	struct db_meeting a_base, a, b_base, b, now;

	assert_int_equal(db_meeting_get(f->db, f->meeting, &a_base), DB_OK);
	assert_int_equal(db_meeting_get(f->bob, f->meeting, &b_base), DB_OK);
	a = a_base;
	b = b_base;
	str_copy(a.venue, "Room 9", sizeof a.venue);
	str_copy(b.time, "14:30", sizeof b.time);
	assert_int_equal(db_meeting_update(f->db, &a_base, &a), DB_OK);
	assert_int_equal(a.version, 2);
	/* Bob saved against version 1: his time goes in, Alice's venue
	 * stays, and he gets both back. */
	assert_int_equal(db_meeting_update(f->bob, &b_base, &b), DB_OK);
	assert_int_equal(b.version, 3);
	assert_string_equal(b.venue, "Room 9");
	assert_string_equal(b.time, "14:30");
	assert_int_equal(db_meeting_get(f->db, f->meeting, &now), DB_OK);
	assert_string_equal(now.venue, "Room 9");
	assert_string_equal(now.time, "14:30");
	assert_string_equal(now.chair, "DCI Ada Chairwoman");
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'meeting.update' AND detail LIKE "
				  "'%merged over version 2%'"), 1);
}

static void
meeting__same_field_changed_by_both__conflict_nothing_saved(void **state)
{
	struct fx *f = *state;
	struct db_meeting a_base, a, b_base, b, now;

	assert_int_equal(db_meeting_get(f->db, f->meeting, &a_base), DB_OK);
	assert_int_equal(db_meeting_get(f->bob, f->meeting, &b_base), DB_OK);
	a = a_base;
	b = b_base;
	str_copy(a.venue, "Room 9", sizeof a.venue);
	str_copy(b.venue, "Room 12", sizeof b.venue);
	str_copy(b.time, "09:00", sizeof b.time);
	assert_int_equal(db_meeting_update(f->db, &a_base, &a), DB_OK);
	assert_int_equal(db_meeting_update(f->bob, &b_base, &b),
			 DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(f->bob), "venue"));
	assert_int_equal(db_meeting_get(f->db, f->meeting, &now), DB_OK);
	assert_string_equal(now.venue, "Room 9");
	assert_string_equal(now.time, "10:00");
	assert_int_equal(now.version, 2);
	/* The same change by both is no collision. */
	b = b_base;
	str_copy(b.venue, "Room 9", sizeof b.venue);
	assert_int_equal(db_meeting_update(f->bob, &b_base, &b), DB_OK);
	/* Without a base the save is strict. */
	b = b_base;
	str_copy(b.time, "11:00", sizeof b.time);
	assert_int_equal(db_meeting_update(f->bob, NULL, &b), DB_CONFLICT);
}

static void
meeting__checks_and_status(void **state)
{
	struct fx *f = *state;
	struct db_meeting m, base;
	static const char *const bad[] = { "polce" };
	int64_t v = 0;

	memset(&m, 0, sizeof m);
	str_copy(m.date, "2012-02-30", sizeof m.date);
	m.level = 2;
	assert_int_equal(db_meeting_add(f->db, &m, NULL, 0), DB_INVALID);
	str_copy(m.date, "2012-05-24", sizeof m.date);
	m.level = 1;
	assert_int_equal(db_meeting_add(f->db, &m, NULL, 0), DB_INVALID);
	m.level = 3;
	str_copy(m.time, "25:00", sizeof m.time);
	assert_int_equal(db_meeting_add(f->db, &m, NULL, 0), DB_INVALID);
	m.time[0] = '\0';
	assert_int_equal(db_meeting_add(f->db, &m, bad, 1), DB_INVALID);
	assert_int_equal(db_meeting_add(f->db, &m, NULL, 0), DB_OK);
	assert_int_equal(db_meeting_cancel(f->db, m.id, &v), DB_OK);
	assert_int_equal(v, 2);
	assert_int_equal(db_meeting_cancel(f->db, m.id, NULL), DB_OK);
	assert_int_equal(db_meeting_hold(f->db, m.id, TODAY, NULL), DB_INVALID);
	assert_int_equal(db_meeting_get(f->db, m.id, &base), DB_OK);
	m = base;
	str_copy(m.venue, "x", sizeof m.venue);
	assert_int_equal(db_meeting_update(f->db, &base, &m), DB_INVALID);
	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	assert_int_equal(db_meeting_cancel(f->db, f->meeting, NULL),
			 DB_INVALID);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'meeting.hold' AND detail = "
				  "'status: scheduled -> held'"), 1);
}

/* --- agenda -------------------------------------------------------------------- */

static void
agenda__add_move_remove__positions_stay_whole(void **state)
{
	struct fx *f = *state;
	struct db_offender c2, c3;
	struct db_agenda o = { 0 };
	int64_t i1, i2, i3;

	new_case(f->db, "C2", 2, 2, &c2);
	new_case(f->db, "C3", 3, 2, &c3);
	i1 = agenda_item(f, f->o.id);
	i2 = agenda_item(f, c2.id);
	i3 = agenda_item(f, c3.id);
	assert_int_equal(db_agenda_add(f->bob, f->meeting, c2.id, "review", 0, false,
				       NULL), DB_INVALID);
	assert_int_equal(db_agenda_add(f->db, f->meeting, c2.id, "chat", 0, false,
				       NULL), DB_INVALID);
	assert_int_equal(db_agenda_move(f->bob, i3, 1), DB_OK);
	assert_int_equal(db_agenda_list(f->db, f->meeting, &o), DB_OK);
	assert_int_equal(o.n, 3);
	assert_int_equal(o.v[0].offender_id, c3.id);
	assert_int_equal(o.v[1].offender_id, f->o.id);
	assert_int_equal(o.v[2].offender_id, c2.id);
	for (int i = 0; i < 3; i++)
		assert_int_equal(o.v[i].position, i + 1);
	assert_int_equal(db_agenda_move(f->db, i3, 99), DB_OK);
	assert_int_equal(db_agenda_remove(f->db, i1), DB_OK);
	assert_int_equal(db_agenda_remove(f->db, i1), DB_NOTFOUND);
	assert_int_equal(db_agenda_list(f->db, f->meeting, &o), DB_OK);
	assert_int_equal(o.n, 2);
	assert_int_equal(o.v[0].offender_id, c2.id);
	assert_int_equal(o.v[1].offender_id, c3.id);
	assert_int_equal(o.v[0].position, 1);
	assert_int_equal(o.v[1].position, 2);
	db_list_free(&o);
	/* Once minuted, a case stays on the agenda. */
	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	{
		struct db_minutes m;

		memset(&m, 0, sizeof m);
		m.item_id = i2;
		m.text[DB_MIN_DECISION] = strdup("noted");
		assert_int_equal(db_minutes_save(f->db, NULL, &m), DB_OK);
		db_minutes_clear(&m);
	}
	assert_int_equal(db_agenda_remove(f->db, i2), DB_INVALID);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action LIKE 'agenda.%'"), 6);
}

static void
attendance__what_was_seen__else_conflict(void **state)
{
	struct fx *f = *state;
	struct db_meeting_agencies ag = { 0 };
	char buf[64];

	assert_int_equal(db_meeting_attendance(f->db, f->meeting, "police", "",
					       "present"), DB_OK);
	/* Bob saw nothing recorded and says apologies: a collision. */
	assert_int_equal(db_meeting_attendance(f->bob, f->meeting, "police",
					       "", "apologies"), DB_CONFLICT);
	/* The same value is no collision. */
	assert_int_equal(db_meeting_attendance(f->bob, f->meeting, "police",
					       "", "present"), DB_OK);
	assert_int_equal(db_meeting_attendance(f->bob, f->meeting, "housing",
					       NULL, "report"), DB_OK);
	assert_int_equal(db_meeting_attendance(f->bob, f->meeting, "yot", NULL,
					       "present"), DB_OK);
	assert_int_equal(db_meeting_attendance(f->bob, f->meeting, "yot", NULL,
					       "late"), DB_INVALID);
	assert_int_equal(db_meeting_agencies(f->db, f->meeting, &ag), DB_OK);
	assert_int_equal(ag.n, 4);
	db_list_free(&ag);
	text(f->db, "SELECT invited || attendance FROM meeting_agencies WHERE "
		    "agency = 'yot'", buf, sizeof buf);
	assert_string_equal(buf, "0present");
	text(f->db, "SELECT detail FROM audit WHERE action = "
		    "'meeting.attendance' ORDER BY id LIMIT 1", buf,
	     sizeof buf);
	assert_string_equal(buf, "police attendance: - -> present");
}

/* --- minutes and the level decision --------------------------------------------- */

static void
minutes__two_editors__headings_merged_collision_refused(void **state)
{
	struct fx *f = *state;
	struct db_minutes a_base, a, b_base, b;
	int64_t item = agenda_item(f, f->o.id);

	assert_int_equal(db_minutes_get(f->db, item, &a_base), DB_OK);
	memset(&a, 0, sizeof a);
	a.item_id = item;
	a.text[DB_MIN_DECISION] = strdup("Continue");
	/* Not held yet: no minutes. */
	assert_int_equal(db_minutes_save(f->db, &a_base, &a), DB_INVALID);
	assert_int_equal(db_meeting_hold(f->bob, f->meeting, TODAY, NULL), DB_OK);
	assert_int_equal(db_minutes_get(f->bob, item, &b_base), DB_OK);
	assert_int_equal(b_base.version, 0);
	memset(&b, 0, sizeof b);
	b.item_id = item;
	b.text[DB_MIN_VICTIM_ISSUES] = strdup("Victim informed");
	b.text[DB_MIN_RMP_SUPERVISION] = strdup("Weekly");
	assert_int_equal(db_minutes_save(f->db, &a_base, &a), DB_OK);
	assert_int_equal(a.version, 1);
	/* Bob started from nothing too: his headings join Alice's. */
	assert_int_equal(db_minutes_save(f->bob, &b_base, &b), DB_OK);
	assert_int_equal(b.version, 2);
	assert_string_equal(b.text[DB_MIN_DECISION], "Continue");
	assert_string_equal(b.text[DB_MIN_VICTIM_ISSUES], "Victim informed");
	/* Alice, still on version 1, rewrites the supervision heading
	 * Bob wrote: a collision, nothing saved. */
	db_minutes_clear(&a_base);
	assert_int_equal(db_minutes_get(f->db, item, &a_base), DB_OK);
	a_base.version = 1;
	free(a_base.text[DB_MIN_RMP_SUPERVISION]);
	a_base.text[DB_MIN_RMP_SUPERVISION] = NULL;
	free(a_base.text[DB_MIN_VICTIM_ISSUES]);
	a_base.text[DB_MIN_VICTIM_ISSUES] = NULL;
	db_minutes_clear(&a);
	memset(&a, 0, sizeof a);
	a.item_id = item;
	a.version = 1;
	a.text[DB_MIN_DECISION] = strdup("Continue");
	a.text[DB_MIN_RMP_SUPERVISION] = strdup("Fortnightly");
	assert_int_equal(db_minutes_save(f->db, &a_base, &a), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(f->db), "rmp_supervision"));
	assert_int_equal(tu_count(f->db, "SELECT version FROM minutes"), 2);
	/* A stale strict save is refused too. */
	assert_int_equal(db_minutes_save(f->db, NULL, &a), DB_CONFLICT);
	/* Control characters are refused; line breaks are text. */
	free(a.text[DB_MIN_RMP_SUPERVISION]);
	a.text[DB_MIN_RMP_SUPERVISION] = strdup("a\033[2Jb");
	assert_int_equal(db_minutes_save(f->db, NULL, &a), DB_INVALID);
	db_minutes_clear(&a);
	db_minutes_clear(&a_base);
	db_minutes_clear(&b);
	db_minutes_clear(&b_base);
}

static void
minutes__next_review__becomes_the_cases(void **state)
{
	struct fx *f = *state;
	struct db_minutes m;
	struct db_offender o;
	int64_t item = agenda_item(f, f->o.id);

	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	memset(&m, 0, sizeof m);
	m.item_id = item;
	str_copy(m.next_review, "2012-09-11", sizeof m.next_review);
	assert_int_equal(db_minutes_save(f->db, NULL, &m), DB_OK);
	assert_int_equal(db_offender_get(f->db, f->o.id, NULL, &o), DB_OK);
	assert_string_equal(o.next_review, "2012-09-11");
	db_offender_clear(&o);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'offender.review' AND detail LIKE "
				  "'next_review: - -> 2012-09-11%'"), 1);
	str_copy(m.next_review, "2012-13-01", sizeof m.next_review);
	assert_int_equal(db_minutes_save(f->db, NULL, &m), DB_INVALID);
	db_minutes_clear(&m);
}

static void
level_decision__up__event_with_reason_meeting_chair_on_meeting_date(
	void **state)
{
	struct fx *f = *state;
	struct db_level_decision d;
	struct db_minutes m;
	int64_t item = agenda_item(f, f->o.id), event = 0, version;
	char buf[256];

	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	memset(&d, 0, sizeof d);
	d.decision = DECISION_UP;
	d.level = 3;
	d.next_review = MDATE_NONE;
	/* A change needs its reason. */
	assert_int_equal(db_minutes_level(f->db, item, NULL, &d, &event),
			 DB_INVALID);
	d.reason = "New intelligence: contact with the victim";
	/* The chair saw an older version of the case. */
	version = f->o.version - 1;
	assert_int_equal(db_minutes_level(f->bob, item, &version, &d, &event),
			 DB_CONFLICT);
	version = f->o.version;
	assert_int_equal(db_minutes_level(f->bob, item, &version, &d, &event),
			 DB_OK);
	assert_true(event > 0);
	assert_int_equal(version, f->o.version + 1);
	snprintf(buf, sizeof buf, "SELECT count(*) FROM events WHERE id = "
		 "%lld AND type = 'level' AND level = 3 AND date = "
		 "'2012-05-22' AND note = 'New intelligence: contact with "
		 "the victim' AND meeting_id = %lld AND decided_by = 'DCI "
		 "Ada Chairwoman' AND source = 'mappa' AND recorded_by = "
		 "'bob'", (long long)event, (long long)f->meeting);
	assert_int_equal(tu_count(f->db, buf), 1);
	assert_int_equal(tu_count(f->db, "SELECT level FROM offenders WHERE "
				  "ref = 'C1'"), 3);
	/* The next review: Level 3's 8 weeks from the meeting. */
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				  "ref = 'C1' AND next_review = '2012-07-17'"),
			 1);
	assert_int_equal(db_minutes_get(f->db, item, &m), DB_OK);
	assert_int_equal(m.level_decision, DECISION_UP);
	assert_int_equal(m.level_event_id, event);
	assert_string_equal(m.next_review, "2012-07-17");
	db_minutes_clear(&m);
	/* The decision stands: another is a conflict naming both, the same
	 * is no error. */
	d.decision = DECISION_DOWN;
	d.level = 2;
	assert_int_equal(db_minutes_level(f->db, item, NULL, &d, NULL),
			 DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(f->db), "up to Level 3"));
	assert_non_null(strstr(db_errmsg(f->db), "yours: down to Level 2"));
	d.decision = DECISION_UP;
	d.level = 3;
	assert_int_equal(db_minutes_level(f->db, item, NULL, &d, NULL), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events WHERE "
				  "type = 'level'"), 1);
	/* Audited: before and after, the reason by name only. */
	text(f->db, "SELECT detail FROM audit WHERE action = 'minutes.level'",
	     buf, sizeof buf);
	assert_non_null(strstr(buf, "level_decision: - -> up to Level 3; "
				    "level: 2 -> 3"));
	assert_non_null(strstr(buf, "fields: reason"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "detail LIKE '%intelligence%'"), 0);
	/* The meeting's date, level and chair now stand. */
	{
		struct db_meeting base, mm;

		assert_int_equal(db_meeting_get(f->db, f->meeting, &base),
				 DB_OK);
		mm = base;
		str_copy(mm.date, "2012-05-23", sizeof mm.date);
		assert_int_equal(db_meeting_update(f->db, &base, &mm),
				 DB_INVALID);
		mm = base;
		str_copy(mm.venue, "Room 5", sizeof mm.venue);
		assert_int_equal(db_meeting_update(f->db, &base, &mm), DB_OK);
	}
}

/* Two chairs on one case: the first records "stay", the second "down"
 * moments later: the second sees a conflict naming both, nothing
 * changes; replaced on purpose, the audit keeps the true before and
 * after, and replacing again takes the level event away. */
static void
level_decision__two_chairs__conflict_then_replace_on_purpose(void **state)
{
	struct fx *f = *state;
	struct db_level_decision d;
	int64_t item = agenda_item(f, f->o.id);
	char buf[256];

	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	memset(&d, 0, sizeof d);
	d.decision = DECISION_STAY;
	d.next_review = MDATE_NONE;
	assert_int_equal(db_minutes_level(f->db, item, NULL, &d, NULL), DB_OK);
	d.decision = DECISION_DOWN;
	d.reason = "Risk reduced";
	assert_int_equal(db_minutes_level(f->bob, item, NULL, &d, NULL),
			 DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(f->bob), "stay at Level 2"));
	assert_non_null(strstr(db_errmsg(f->bob), "yours: down to Level 1"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events WHERE "
				  "type = 'level'"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM minutes WHERE "
				  "level_decision = 'stay'"), 1);
	d.replace = true;
	assert_int_equal(db_minutes_level(f->bob, item, NULL, &d, NULL), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT level FROM offenders WHERE "
				  "ref = 'C1'"), 1);
	text(f->db, "SELECT detail FROM audit WHERE action = 'minutes.level' "
	     "ORDER BY id DESC LIMIT 1", buf, sizeof buf);
	assert_non_null(strstr(buf, "level_decision: stay at Level 2 -> down "
				    "to Level 1; level: 2 -> 1"));
	/* Back to stay: the level event goes, audited; Level 2 again. */
	d.decision = DECISION_STAY;
	assert_int_equal(db_minutes_level(f->db, item, NULL, &d, NULL), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events WHERE "
				  "type = 'level'"), 0);
	assert_int_equal(tu_count(f->db, "SELECT level FROM offenders WHERE "
				  "ref = 'C1'"), 2);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'event.remove'"), 1);
	text(f->db, "SELECT detail FROM audit WHERE action = 'minutes.level' "
	     "ORDER BY id DESC LIMIT 1", buf, sizeof buf);
	assert_non_null(strstr(buf, "level_decision: down to Level 1 -> stay "
				    "at Level 2"));
}

/* A meeting is held only on or after its date; reopening one is an
 * admin's act with a reason, in the audit trail. */
static void
hold__before_its_date_refused__reopen_needs_admin_and_reason(void **state)
{
	struct fx *f = *state;
	char buf[256];

	assert_int_equal(db_meeting_hold(f->db, f->meeting, D("2012-05-21"),
					 NULL), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "after today"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM meetings WHERE "
				  "status = 'held'"), 0);
	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	assert_int_equal(db_meeting_reopen(f->bob, f->meeting, "held too "
					   "early", NULL), DB_REFUSED);
	assert_int_equal(db_meeting_reopen(f->db, f->meeting, " ", NULL),
			 DB_INVALID);
	assert_int_equal(db_meeting_reopen(f->db, f->meeting, "held too early",
					   NULL), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM meetings WHERE "
				  "status = 'scheduled'"), 1);
	text(f->db, "SELECT detail FROM audit WHERE action = 'meeting.reopen'",
	     buf, sizeof buf);
	assert_string_equal(buf, "status: held -> scheduled; reason: held too "
			    "early");
	/* Cancelled only if not held. */
	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	assert_int_equal(db_meeting_cancel(f->db, f->meeting, NULL),
			 DB_INVALID);
}

static void
level_decision__rules__held_chair_state_machine(void **state)
{
	struct fx *f = *state;
	struct db_level_decision d;
	struct db_offender c3;
	struct db_meeting base, m;
	int64_t item, item3;

	new_case(f->db, "C3", 3, 2, &c3);
	item = agenda_item(f, f->o.id);
	item3 = agenda_item(f, c3.id);
	memset(&d, 0, sizeof d);
	d.decision = DECISION_DOWN;
	d.reason = "risk reduced";
	d.next_review = MDATE_NONE;
	/* Not held. */
	assert_int_equal(db_minutes_level(f->db, item, NULL, &d, NULL),
			 DB_INVALID);
	/* Held, but without a chair. */
	assert_int_equal(db_meeting_get(f->db, f->meeting, &base), DB_OK);
	m = base;
	m.chair[0] = '\0';
	assert_int_equal(db_meeting_update(f->db, &base, &m), DB_OK);
	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	assert_int_equal(db_minutes_level(f->db, item, NULL, &d, NULL),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "chair"));
	/* A strict save from what was loaded after holding it. */
	assert_int_equal(db_meeting_get(f->db, f->meeting, &m), DB_OK);
	str_copy(m.chair, "DS Bea Second", sizeof m.chair);
	assert_int_equal(db_meeting_update(f->db, NULL, &m), DB_OK);
	/* Up to a lower level is not up. */
	d.decision = DECISION_UP;
	d.level = 1;
	assert_int_equal(db_minutes_level(f->db, item, NULL, &d, NULL),
			 DB_INVALID);
	/* Category 3 never at Level 1: the state machine refuses. */
	d.decision = DECISION_DOWN;
	d.level = 1;
	assert_int_equal(db_minutes_level(f->db, item3, NULL, &d, NULL),
			 DB_INVALID);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM minutes WHERE "
				  "level_decision IS NOT NULL"), 0);
	/* Stay: no event, the review defaulted from the level. */
	d.decision = DECISION_STAY;
	d.reason = NULL;
	assert_int_equal(db_minutes_level(f->db, item3, NULL, &d, NULL),
			 DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				  "ref = 'C3' AND level = 2 AND next_review = "
				  "'2012-09-11'"), 1);
	/* Exit, with its kind. */
	d.decision = DECISION_EXIT;
	d.reason = "Licence ended";
	d.exit_kind = EXIT_LICENCE_ENDED;
	assert_int_equal(db_minutes_level(f->db, item, NULL, &d, NULL), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				  "ref = 'C1' AND status = 'exited' AND "
				  "next_review IS NULL"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events WHERE "
				  "type = 'exit' AND kind = 'licence_ended' AND "
				  "decided_by = 'DS Bea Second'"), 1);
}

/* --- actions -------------------------------------------------------------------- */

struct seen {
	int n;
	bool text_seen;
	char ref[DB_REF_MAX];
};

/* db_action_list() of Q on DB, counted into S. */
static enum db_status
actions_seen(struct db *db, const struct db_action_query *q, struct seen *s)
{
	struct db_actions list = { 0 };
	enum db_status st = db_action_list(db, q, &list);

	for (int i = 0; i < list.n; i++) {
		const struct db_action *a = &list.v[i];

		s->n++;
		s->text_seen |= a->text != NULL || a->owner_person != NULL;
		str_copy(s->ref, a->ref, sizeof s->ref);
	}
	db_actions_free(&list);
	return st;
}

/* A case's actions come back whole, by due date (neither the order
 * added nor the texts' order), with OPEN_ONLY those not done; a second
 * read into the same list refills it. */
static void
case_actions__list__every_row_by_due_refilled_anew(void **state)
{
	struct fx *f = *state;
	struct db_case_actions list = { 0 };
	struct db_action a;
	char text[20], due[MDATE_BUFSZ];
	int64_t ids[21];

	(void)agenda_item(f, f->o.id);
	for (int i = 1; i <= 20; i++) {
		memset(&a, 0, sizeof a);
		a.meeting_id = f->meeting;
		a.offender_id = f->o.id;
		snprintf(text, sizeof text, "Action %02d", i);
		a.text = text;
		str_copy(a.owner_agency, "police", sizeof a.owner_agency);
		a.owner_person = "PC Pat Owner";
		snprintf(due, sizeof due, "2012-07-%02d", 1 + i * 7 % 20);
		str_copy(a.due, due, sizeof a.due);
		assert_int_equal(db_action_add(f->db, &a), DB_OK);
		ids[i] = a.id;
	}
	/* Action 01, due on the 8th, is done. */
	assert_int_equal(db_action_done(f->db, ids[1], D("2012-07-09"),
					NULL), DB_OK);
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(db_case_action_list(f->db, f->o.id, false,
						     &list), DB_OK);
		assert_int_equal(list.n, 20);
		for (int p = 0; p < 20; p++) {
			int i = 1;

			while (i * 7 % 20 != p)
				i++;
			snprintf(text, sizeof text, "Action %02d", i);
			assert_string_equal(list.v[p].text, text);
			assert_string_equal(list.v[p].owner_person,
					    "PC Pat Owner");
			snprintf(due, sizeof due, "2012-07-%02d", 1 + p);
			assert_string_equal(list.v[p].due, due);
		}
	}
	assert_int_equal(db_case_action_list(f->db, f->o.id, true, &list),
			 DB_OK);
	assert_int_equal(list.n, 19);
	for (int p = 0; p < list.n; p++) {
		assert_string_not_equal(list.v[p].text, "Action 01");
		assert_int_equal(list.v[p].state, ACTION_OPEN);
	}
	/* Each reads its state as the actions list does: one done, one
	 * dropped, the rest open. */
	assert_int_equal(db_action_drop(f->db, ids[2], D("2012-07-10"), NULL),
			 DB_OK);
	assert_int_equal(db_case_action_list(f->db, f->o.id, false, &list),
			 DB_OK);
	for (int p = 0; p < list.n; p++)
		assert_int_equal(list.v[p].state,
				 strcmp(list.v[p].text, "Action 01") == 0
					 ? ACTION_DONE
				 : strcmp(list.v[p].text, "Action 02") == 0
					 ? ACTION_DROPPED
					 : ACTION_OPEN);
	db_case_actions_free(&list);
	assert_null(list.v);
	assert_int_equal(list.n, 0);
}

static void
actions__add_done_overdue_by_agency(void **state)
{
	struct fx *f = *state;
	struct db_action a, b;
	struct db_action_query q;
	struct seen s = { 0 };
	int64_t v = 0;

	(void)agenda_item(f, f->o.id);
	memset(&a, 0, sizeof a);
	a.meeting_id = f->meeting;
	a.offender_id = f->o.id;
	a.text = "Home visit";
	str_copy(a.owner_agency, "police", sizeof a.owner_agency);
	a.owner_person = "PC Pat Owner";
	str_copy(a.due, "2012-06-01", sizeof a.due);
	assert_int_equal(db_action_add(f->db, &a), DB_OK);
	b = a;
	b.text = "Find housing";
	str_copy(b.owner_agency, "housing", sizeof b.owner_agency);
	str_copy(b.due, "2012-07-01", sizeof b.due);
	assert_int_equal(db_action_add(f->bob, &b), DB_OK);
	b.text = "";
	assert_int_equal(db_action_add(f->db, &b), DB_INVALID);
	b.text = "x";
	str_copy(b.owner_agency, "nobody", sizeof b.owner_agency);
	assert_int_equal(db_action_add(f->db, &b), DB_INVALID);
	memset(&q, 0, sizeof q);
	q.today = D("2012-06-15");
	q.overdue_only = true;
	assert_int_equal(actions_seen(f->db, &q, &s), DB_OK);
	assert_int_equal(s.n, 1);
	s.n = 0;
	q.overdue_only = false;
	q.open_only = true;
	q.agency = "housing";
	assert_int_equal(actions_seen(f->db, &q, &s), DB_OK);
	assert_int_equal(s.n, 1);
	/* Done twice: the first date stays. */
	assert_int_equal(db_action_done(f->db, a.id, D("2012-06-10"), &v),
			 DB_OK);
	assert_int_equal(v, 2);
	assert_int_equal(db_action_done(f->bob, a.id, D("2012-06-12"), NULL),
			 DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions WHERE "
				  "done = '2012-06-10' AND version = 2"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'action.done'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'action.add' AND detail LIKE "
				  "'%fields: text,owner_person'"), 2);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "detail LIKE '%Home visit%' OR detail LIKE "
				  "'%Pat Owner%'"), 0);
}

/* --- the people and the state of the minutes (issue 16) ----------------------- */

/* "name|agency|role" of A into BUF (200 bytes). */
static const char *
person_line(const struct db_attendee *a, char *buf)
{
	snprintf(buf, 200, "%s|%s|%s", a->name, a->agency,
		 agenda_role_name(a->role));
	return buf;
}

static void
attendees__same_person_again__role_changed_lay_refused(void **state)
{
	struct fx *f = *state;
	struct db_attendee a;
	struct db_attendees p = { 0 };
	struct db *lay;
	char err[256], line[200];
	int64_t first;

	memset(&a, 0, sizeof a);
	a.meeting_id = f->meeting;
	str_copy(a.name, "  Ann Person  ", sizeof a.name);
	str_copy(a.agency, "police", sizeof a.agency);
	assert_int_equal(db_attendee_add(f->db, &a, "apologies"), DB_OK);
	first = a.id;
	assert_string_equal(a.name, "Ann Person");
	assert_int_equal(a.role, PERSON_APOLOGIES);
	assert_int_equal(db_attendee_add(f->bob, &a, "present"), DB_OK);
	assert_int_equal(a.id, first);
	str_copy(a.name, "Guest Doctor", sizeof a.name);
	str_copy(a.agency, "health", sizeof a.agency);
	assert_int_equal(db_attendee_add(f->db, &a, "guest"), DB_OK);
	/* Refused: no name, an unknown role or agency, a control character. */
	assert_int_equal(db_attendee_add(f->db, &a, "boss"), DB_INVALID);
	assert_int_equal(db_attendee_add(f->db, &a, NULL), DB_INVALID);
	str_copy(a.agency, "nobody", sizeof a.agency);
	assert_int_equal(db_attendee_add(f->db, &a, "present"), DB_INVALID);
	str_copy(a.agency, "police", sizeof a.agency);
	str_copy(a.name, "   ", sizeof a.name);
	assert_int_equal(db_attendee_add(f->db, &a, "present"), DB_INVALID);
	str_copy(a.name, "Bad\033Name", sizeof a.name);
	assert_int_equal(db_attendee_add(f->db, &a, "present"), DB_INVALID);
	/* By role: present first, guests last. */
	assert_int_equal(db_attendee_list(f->db, f->meeting, &p), DB_OK);
	assert_int_equal(p.n, 2);
	assert_string_equal(person_line(&p.v[0], line),
			    "Ann Person|police|present");
	assert_string_equal(person_line(&p.v[1], line),
			    "Guest Doctor|health|guest");
	/* Audited without the name. */
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'meeting.attendee'"), 3);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "detail LIKE '%Ann Person%'"), 0);
	/* Known to the next meeting. */
	assert_int_equal(db_attendee_known(f->db, 10, &p), DB_OK);
	assert_int_equal(p.n, 2);
	assert_int_equal(db_attendee_remove(f->db, first), DB_OK);
	assert_int_equal(db_attendee_remove(f->db, first), DB_NOTFOUND);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM attendees"), 1);
	/* A lay adviser neither reads nor writes them. */
	assert_int_equal(db_open(&lay, f->path, "lay", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_attendee_list(lay, f->meeting, &p), DB_REFUSED);
	assert_int_equal(p.n, 0);
	assert_int_equal(db_attendee_known(lay, 10, &p), DB_REFUSED);
	assert_int_equal(p.n, 0);
	db_list_free(&p);
	str_copy(a.name, "Lay Person", sizeof a.name);
	assert_int_equal(db_attendee_add(lay, &a, "present"), DB_REFUSED);
	db_close(lay);
}

static void
minutes_approved__nothing_changes_until_reopened__next_version(void **state)
{
	struct fx *f = *state;
	struct db_minutes_state ms;
	struct db_minutes m;
	struct db_attendee a;
	struct db_action act;
	int64_t item = agenda_item(f, f->o.id), v;

	memset(&act, 0, sizeof act);
	act.meeting_id = f->meeting;
	act.offender_id = f->o.id;
	act.text = "Home visit";
	str_copy(act.owner_agency, "police", sizeof act.owner_agency);
	str_copy(act.due, "2012-06-01", sizeof act.due);
	assert_int_equal(db_action_add(f->db, &act), DB_OK);
	/* Not before the meeting is held. */
	assert_int_equal(db_minutes_approve(f->db, f->meeting, D("2012-05-30")),
			 DB_INVALID);
	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	assert_int_equal(db_minutes_state(f->db, f->meeting, &ms), DB_OK);
	assert_string_equal(minutes_state_name(ms.state), "draft");
	assert_int_equal(ms.version, 1);
	assert_int_equal(db_minutes_approve(f->db, f->meeting, D("2012-05-30")),
			 DB_OK);
	assert_int_equal(db_minutes_approve(f->bob, f->meeting, D("2012-05-31")),
			 DB_OK);
	assert_int_equal(db_minutes_state(f->db, f->meeting, &ms), DB_OK);
	assert_string_equal(minutes_state_name(ms.state), "approved");
	assert_string_equal(ms.approved_by, "DCI Ada Chairwoman");
	assert_string_equal(ms.approved_on, "2012-05-30");
	/* Frozen: texts, attendance, people, actions. */
	memset(&m, 0, sizeof m);
	m.item_id = item;
	m.text[DB_MIN_DECISION] = strdup("Stays at Level 2.");
	assert_int_equal(db_minutes_save(f->db, NULL, &m), DB_INVALID);
	assert_int_equal(db_meeting_attendance(f->db, f->meeting, "police",
					       NULL, "present"), DB_INVALID);
	memset(&a, 0, sizeof a);
	a.meeting_id = f->meeting;
	str_copy(a.name, "Late Comer", sizeof a.name);
	str_copy(a.agency, "police", sizeof a.agency);
	assert_int_equal(db_attendee_add(f->db, &a, "present"), DB_INVALID);
	v = act.version;
	assert_int_equal(db_action_edit(f->db, act.id, &v, NULL, NULL, NULL,
					"2012-07-01"), DB_INVALID);
	assert_int_equal(db_action_remove(f->db, act.id, 0), DB_INVALID);
	/* Reopened: the next version, a draft, and changes allowed. */
	assert_int_equal(db_minutes_reopen(f->db, f->meeting), DB_OK);
	assert_int_equal(db_minutes_reopen(f->db, f->meeting), DB_OK);
	assert_int_equal(db_minutes_state(f->db, f->meeting, &ms), DB_OK);
	assert_string_equal(minutes_state_name(ms.state), "draft");
	assert_int_equal(ms.version, 2);
	assert_string_equal(ms.approved_by, "");
	assert_int_equal(db_minutes_save(f->db, NULL, &m), DB_OK);
	assert_int_equal(db_attendee_add(f->db, &a, "present"), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action IN ('minutes.approve', "
				  "'minutes.reopen')"), 2);
	db_minutes_clear(&m);
}

static void
action_edit__stale_version_conflict__remove_audited(void **state)
{
	struct fx *f = *state;
	struct db_action a;
	int64_t v, stale;

	(void)agenda_item(f, f->o.id);
	memset(&a, 0, sizeof a);
	a.meeting_id = f->meeting;
	a.offender_id = f->o.id;
	a.text = "Home visit";
	str_copy(a.owner_agency, "police", sizeof a.owner_agency);
	a.owner_person = "PC Pat Owner";
	str_copy(a.due, "2012-06-01", sizeof a.due);
	assert_int_equal(db_action_add(f->db, &a), DB_OK);
	stale = v = a.version;
	assert_int_equal(db_action_edit(f->db, a.id, &v, "Home visit, with "
					"housing", "housing", "Bev Owner",
					"2012-06-15"), DB_OK);
	assert_int_equal(v, stale + 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions WHERE "
				  "owner_agency = 'housing' AND owner_person = "
				  "'Bev Owner' AND due = '2012-06-15' AND "
				  "version = 2"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'action.edit' AND detail = "
				  "'owner_agency: police -> housing; due: "
				  "2012-06-01 -> 2012-06-15; fields: "
				  "text,owner_person'"), 1);
	/* Someone else's change since: nothing saved. */
	assert_int_equal(db_action_edit(f->bob, a.id, &stale, NULL, NULL,
					NULL, "2012-08-01"), DB_CONFLICT);
	assert_int_equal(db_action_edit(f->db, a.id, &v, NULL, NULL, NULL,
					"2012-02-30"), DB_INVALID);
	assert_int_equal(db_action_edit(f->db, a.id, &v, NULL, "nobody", NULL,
					NULL), DB_INVALID);
	assert_int_equal(db_action_edit(f->db, a.id, &v, "  ", NULL, NULL,
					NULL), DB_INVALID);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions WHERE "
				  "due = '2012-06-15' AND version = 2"), 1);
	/* Removed, with what it was in the audit, never its wording. */
	assert_int_equal(db_action_remove(f->bob, a.id, stale), DB_CONFLICT);
	assert_int_equal(db_action_remove(f->bob, a.id, v), DB_OK);
	assert_int_equal(db_action_remove(f->bob, a.id, 0), DB_NOTFOUND);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'action.remove' AND detail LIKE "
				  "'removed: owner_agency: housing; due: "
				  "2012-06-15;%fields: text,owner_person'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "detail LIKE '%Home visit%' OR detail LIKE "
				  "'%Bev Owner%'"), 0);
}

/* An open action reviewed at a later meeting: carried forward to a later
 * due date, audited, also on approved minutes; never a done one, an
 * earlier date or over someone else's change (issue 16). */
static void
action_carry__later_due__audited__on_approved_minutes(void **state)
{
	struct fx *f = *state;
	struct db_action a;
	int64_t v, stale;

	(void)agenda_item(f, f->o.id);
	memset(&a, 0, sizeof a);
	a.meeting_id = f->meeting;
	a.offender_id = f->o.id;
	a.text = "Home visit";
	str_copy(a.owner_agency, "police", sizeof a.owner_agency);
	str_copy(a.due, "2012-06-01", sizeof a.due);
	assert_int_equal(db_action_add(f->db, &a), DB_OK);
	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	assert_int_equal(db_minutes_approve(f->db, f->meeting, D("2012-05-30")),
			 DB_OK);
	stale = v = a.version;
	/* Not to an earlier or the same date, nor without one. */
	assert_int_equal(db_action_carry(f->db, a.id, &v, D("2012-06-01")),
			 DB_INVALID);
	assert_int_equal(db_action_carry(f->db, a.id, &v, MDATE_NONE),
			 DB_INVALID);
	assert_int_equal(db_action_carry(f->db, a.id, &v, D("2012-07-01")),
			 DB_OK);
	assert_int_equal(v, stale + 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions WHERE "
				  "due = '2012-07-01' AND done IS NULL"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'action.carry' AND detail = "
				  "'due: 2012-06-01 -> 2012-07-01'"), 1);
	/* Someone else's change since: nothing saved. */
	assert_int_equal(db_action_carry(f->bob, a.id, &stale,
					 D("2012-08-01")), DB_CONFLICT);
	/* Done: not carried. */
	assert_int_equal(db_action_done(f->db, a.id, D("2012-06-20"), &v),
			 DB_OK);
	assert_int_equal(db_action_carry(f->db, a.id, &v, D("2012-09-01")),
			 DB_INVALID);
	assert_int_equal(db_action_carry(f->db, 9999, NULL, D("2012-09-01")),
			 DB_NOTFOUND);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions WHERE "
				  "due = '2012-07-01'"), 1);
}

/* What db_action_list() says of action ID: its dropped flag and date. */
struct drop_seen {
	int64_t id;
	int n;
	bool dropped;
	char done[MDATE_BUFSZ];
};

static enum db_status
drop_seen(struct db *db, const struct db_action_query *q, struct drop_seen *d)
{
	struct db_actions list = { 0 };
	enum db_status st = db_action_list(db, q, &list);

	for (int i = 0; i < list.n; i++) {
		const struct db_action *a = &list.v[i];

		if (a->id == d->id) {
			d->n++;
			d->dropped = a->state == ACTION_DROPPED;
			str_copy(d->done, a->done, sizeof d->done);
		}
	}
	db_actions_free(&list);
	return st;
}

/* An open action reviewed at a later meeting and dropped: kept, closed on
 * the day and marked dropped, audited, also on approved minutes; never a
 * closed one, nor over someone else's change, nor by a lay adviser
 * (issue 16). */
static void
action_drop__kept_closed__audited__on_approved_minutes(void **state)
{
	struct fx *f = *state;
	struct db_action a, b;
	struct db_action_query q;
	struct drop_seen seen;
	struct db *lay;
	char err[256];
	int64_t v, stale;

	(void)agenda_item(f, f->o.id);
	memset(&a, 0, sizeof a);
	a.meeting_id = f->meeting;
	a.offender_id = f->o.id;
	a.text = "Home visit";
	str_copy(a.owner_agency, "police", sizeof a.owner_agency);
	str_copy(a.due, "2012-06-01", sizeof a.due);
	b = a;
	b.text = "Check the address";
	assert_int_equal(db_action_add(f->db, &a), DB_OK);
	assert_int_equal(db_action_add(f->db, &b), DB_OK);
	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL), DB_OK);
	assert_int_equal(db_minutes_approve(f->db, f->meeting, D("2012-05-30")),
			 DB_OK);
	/* A lay adviser may not; nor without a date. */
	assert_int_equal(db_open(&lay, f->path, "lay", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_action_drop(lay, a.id, D("2012-06-20"), NULL),
			 DB_REFUSED);
	stale = v = a.version;
	assert_int_equal(db_action_drop(f->db, a.id, MDATE_NONE, &v),
			 DB_INVALID);
	/* Someone else's change since: nothing saved. */
	assert_int_equal(db_action_carry(f->bob, a.id, &v, D("2012-07-01")),
			 DB_OK);
	assert_int_equal(db_action_drop(f->db, a.id, D("2012-06-20"), &stale),
			 DB_CONFLICT);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions WHERE "
				  "done IS NULL AND dropped = 0"), 2);
	/* Dropped on approved minutes: the row stays, closed and marked. */
	assert_int_equal(db_action_drop(f->db, a.id, D("2012-06-20"), &v),
			 DB_OK);
	assert_int_equal(v, stale + 2);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions WHERE "
				  "done = '2012-06-20' AND dropped = 1"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'action.drop' AND detail = "
				  "'done: - -> 2012-06-20; dropped'"), 1);
	/* The lists say so; an open list no longer holds it. */
	memset(&q, 0, sizeof q);
	q.today = D("2012-06-21");
	memset(&seen, 0, sizeof seen);
	seen.id = a.id;
	assert_int_equal(drop_seen(f->db, &q, &seen), DB_OK);
	assert_int_equal(seen.n, 1);
	assert_true(seen.dropped);
	assert_string_equal(seen.done, "2012-06-20");
	q.open_only = true;
	memset(&seen, 0, sizeof seen);
	seen.id = a.id;
	assert_int_equal(drop_seen(f->db, &q, &seen), DB_OK);
	assert_int_equal(seen.n, 0);
	/* Closed already, dropped or done: refused, nothing changes. */
	assert_int_equal(db_action_drop(f->db, a.id, D("2012-06-21"), NULL),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "dropped on 2012-06-20"));
	/* Nor done after: it stays dropped. */
	assert_int_equal(db_action_done(f->db, a.id, D("2012-06-21"), NULL),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "dropped on 2012-06-20"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions WHERE "
				  "done = '2012-06-20' AND dropped = 1"), 1);
	assert_int_equal(db_action_done(f->db, b.id, D("2012-06-10"), NULL),
			 DB_OK);
	assert_int_equal(db_action_drop(f->db, b.id, D("2012-06-21"), NULL),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "done on 2012-06-10"));
	memset(&q, 0, sizeof q);
	memset(&seen, 0, sizeof seen);
	seen.id = b.id;
	assert_int_equal(drop_seen(f->db, &q, &seen), DB_OK);
	assert_false(seen.dropped);
	assert_int_equal(db_action_drop(f->db, 9999, D("2012-06-21"), NULL),
			 DB_NOTFOUND);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'action.drop'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM actions"), 2);
	db_close(lay);
}

/* --- the proposal --------------------------------------------------------------- */

static void
propose__referrals_and_due_reviews__not_twice(void **state)
{
	struct fx *f = *state;
	struct db_offender r1, c2, c3, c4;
	struct db_referral r;
	struct db_meeting m2;
	struct db_agenda_proposals ps = { 0 };
	char sql[160];
	struct db_level_decision d;

	/* C1 (from setup) at Level 2 is overdue on the 14th. */
	snprintf(sql, sizeof sql, "UPDATE offenders SET next_review = "
		 "'2012-05-01' WHERE id = %lld", (long long)f->o.id);
	assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
			 SQLITE_OK);
	new_case(f->db, "C2", 1, 2, &c2); /* due after the meeting */
	assert_int_equal(sqlite3_exec(f->db->sql, "UPDATE offenders SET "
				      "next_review = '2012-06-01' WHERE ref = "
				      "'C2'", NULL, NULL, NULL), SQLITE_OK);
	new_case(f->db, "C3", 1, 3, &c3); /* Level 3, due */
	assert_int_equal(sqlite3_exec(f->db->sql, "UPDATE offenders SET "
				      "next_review = '2012-05-15' WHERE ref = "
				      "'C3'", NULL, NULL, NULL), SQLITE_OK);
	new_case(f->db, "C4", 2, 2, &c4); /* due, but on another agenda */
	assert_int_equal(sqlite3_exec(f->db->sql, "UPDATE offenders SET "
				      "next_review = '2012-05-20' WHERE ref = "
				      "'C4'", NULL, NULL, NULL), SQLITE_OK);
	memset(&m2, 0, sizeof m2);
	str_copy(m2.date, "2012-05-15", sizeof m2.date);
	m2.level = 2;
	assert_int_equal(db_meeting_add(f->db, &m2, NULL, 0), DB_OK);
	assert_int_equal(db_agenda_add(f->db, m2.id, c4.id, "review", 0, false, NULL),
			 DB_OK);
	/* A referral awaiting its initial meeting. */
	memset(&r1, 0, sizeof r1);
	str_copy(r1.ref, "R1", sizeof r1.ref);
	str_copy(r1.surname, "Referred", sizeof r1.surname);
	memset(&r, 0, sizeof r);
	str_copy(r.date, "2012-05-10", sizeof r.date);
	str_copy(r.agency, "probation", sizeof r.agency);
	assert_int_equal(db_referral_add(f->db, &r1, 2, 2, MDATE_NONE, &r),
			 DB_OK);
	assert_int_equal(db_agenda_propose(f->db, f->meeting, D("2012-05-14"),
					   NULL, &ps), DB_OK);
	assert_int_equal(ps.n, 2);
	assert_int_equal(ps.v[0].offender_id, f->o.id);
	assert_true(ps.v[0].overdue);
	assert_int_equal(ps.v[0].reason, AGENDA_REVIEW);
	assert_int_equal(ps.v[1].offender_id, r1.id);
	assert_int_equal(ps.v[1].reason, AGENDA_INITIAL);
	assert_false(ps.v[1].overdue);
	/* Once on the agenda, not proposed again. */
	assert_int_equal(db_agenda_add(f->db, f->meeting, r1.id, "initial",
				       r.id, false, NULL), DB_OK);
	assert_int_equal(db_agenda_propose(f->db, f->meeting, D("2012-05-14"),
					   NULL, &ps), DB_OK);
	assert_int_equal(ps.n, 1);
	/* Discussed at a meeting held, the referral is met. */
	{
		int64_t item;

		assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL),
				 DB_OK);
		assert_int_equal(db_agenda_find(f->db, f->meeting, r1.id,
						&item), DB_OK);
		assert_int_equal(db_agenda_discussed(f->db, item, true),
				 DB_OK);
		/* Discussing decides nothing; the level decision does. */
		assert_int_equal(tu_count(f->db, "SELECT count(*) FROM "
					  "referrals WHERE outcome = "
					  "'pending'"), 1);
		memset(&d, 0, sizeof d);
		d.decision = DECISION_STAY;
		d.next_review = MDATE_NONE;
		assert_int_equal(db_minutes_level(f->db, item, NULL, &d, NULL),
				 DB_OK);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM referrals "
			 "WHERE outcome = 'accepted' AND meeting_id = %lld",
			 (long long)f->meeting);
		assert_int_equal(tu_count(f->db, sql), 1);
	}
	/* Lay advisers get no proposal. */
	{
		struct db *lay;
		char err[256];

		assert_int_equal(db_open(&lay, f->path, "lay", 0, err,
					 sizeof err), DB_OK);
		assert_int_equal(db_agenda_propose(lay, f->meeting,
						   D("2012-05-14"), NULL,
						   &ps), DB_REFUSED);
		assert_int_equal(ps.n, 0);
		db_close(lay);
	}
	db_list_free(&ps);
}

/* Each heading of core/minutes.h is stored in the column it names. */
static void
minutes__each_heading__stored_in_its_field(void **state)
{
	struct fx *f = *state;
	int64_t item = agenda_item(f, f->o.id);
	struct db_minutes m;
	char sql[200], text[32];

	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL),
			 DB_OK);
	memset(&m, 0, sizeof m);
	m.item_id = item;
	for (int t = 0; t < DB_MIN_TEXTS; t++) {
		snprintf(text, sizeof text, "text %d", t);
		m.text[t] = strdup(text);
	}
	assert_int_equal(db_minutes_save(f->db, NULL, &m), DB_OK);
	db_minutes_clear(&m);
	assert_int_equal(DB_MIN_TEXTS, MINUTES_TEXTS);
	for (int t = 0; t < DB_MIN_TEXTS; t++) {
		assert_string_equal(db_minutes_text_name(t),
				    minutes_headings[t].field);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM minutes WHERE "
			 "agenda_item_id = %lld AND %s = 'text %d'",
			 (long long)item, minutes_headings[t].field, t);
		assert_int_equal(tu_count(f->db, sql), 1);
	}
	assert_null(db_minutes_text_name(DB_MIN_TEXTS));
}

/* --- the lists ------------------------------------------------------------------ */

#define MANY 20 /* more rows than a list's first allocation (16) */

/*
 * Every list the meetings hand over: more rows than the first
 * allocation, none lost, in their order; a second read into the same
 * list refills it (fewer rows: none left over), keeping its allocation.
 */
static void
lists__more_than_sixteen__every_row_in_order_refilled_anew(void **state)
{
	struct fx *f = *state;
	struct db_meetings ms = { 0 };
	struct db_agenda ag = { 0 };
	struct db_attendees at = { 0 };
	struct db_meeting_agencies inv = { 0 };
	struct db_agenda_proposals ps = { 0 };
	struct db_case_meetings cm = { 0 };
	struct db_meeting_query q = { MDATE_NONE, MDATE_NONE, 0, -1 };
	struct db_meeting m;
	struct db_offender o;
	struct db_minutes mi;
	struct db_attendee a;
	struct db *lay;
	int64_t meeting[MANY], off[MANY], item;
	const void *was;
	char ref[16], err[256];
	int cap;

	/* Meetings scheduled latest first; listed by date. */
	for (int k = MANY - 1; k >= 0; k--) {
		memset(&m, 0, sizeof m);
		snprintf(m.date, sizeof m.date, "2012-06-%02d", k + 1);
		m.level = 2;
		snprintf(m.chair, sizeof m.chair, "Chair %02d", k + 1);
		assert_int_equal(db_meeting_add(f->db, &m, NULL, 0), DB_OK);
		meeting[k] = m.id;
	}
	assert_int_equal(db_meeting_list(f->db, &q, &ms), DB_OK);
	assert_int_equal(ms.n, MANY + 1);
	assert_int_equal(ms.v[0].id, f->meeting);
	for (int k = 0; k < MANY; k++) {
		assert_int_equal(ms.v[k + 1].id, meeting[k]);
		assert_int_equal(ms.v[k + 1].status, MEETING_SCHEDULED);
	}
	was = ms.v;
	cap = ms.cap;
	assert_int_equal(db_meeting_cancel(f->db, meeting[7], NULL), DB_OK);
	q.status = MEETING_CANCELLED;
	assert_int_equal(db_meeting_list(f->db, &q, &ms), DB_OK);
	assert_int_equal(ms.n, 1);
	assert_int_equal(ms.v[0].id, meeting[7]);
	assert_int_equal(ms.v[0].status, MEETING_CANCELLED);
	assert_ptr_equal(ms.v, was);
	assert_int_equal(ms.cap, cap);
	db_list_free(&ms);
	assert_null(ms.v);
	assert_int_equal(ms.n, 0);

	/* An agenda of MANY cases, in their order; one moved first. */
	for (int k = 0; k < MANY; k++) {
		snprintf(ref, sizeof ref, "L%02d", k);
		new_case(f->db, ref, 1, 2, &o);
		off[k] = o.id;
		(void)agenda_item(f, o.id);
	}
	assert_int_equal(db_agenda_list(f->db, f->meeting, &ag), DB_OK);
	assert_int_equal(ag.n, MANY);
	for (int k = 0; k < MANY; k++) {
		assert_int_equal(ag.v[k].offender_id, off[k]);
		assert_int_equal(ag.v[k].position, k + 1);
		assert_int_equal(ag.v[k].status, CASE_COMMUNITY);
	}
	assert_int_equal(db_agenda_move(f->db, ag.v[MANY - 1].id, 1), DB_OK);
	assert_int_equal(db_agenda_list(f->db, f->meeting, &ag), DB_OK);
	assert_int_equal(ag.n, MANY);
	assert_int_equal(ag.v[0].offender_id, off[MANY - 1]);
	for (int k = 1; k < MANY; k++)
		assert_int_equal(ag.v[k].offender_id, off[k - 1]);
	db_list_free(&ag);

	/* MANY people, by role, agency, name. */
	memset(&a, 0, sizeof a);
	a.meeting_id = f->meeting;
	for (int k = MANY - 1; k >= 0; k--) {
		snprintf(a.name, sizeof a.name, "Person %02d", k);
		str_copy(a.agency, k % 2 ? "probation" : "police",
			 sizeof a.agency);
		assert_int_equal(db_attendee_add(f->db, &a, k < 3 ? "guest"
								 : "present"),
				 DB_OK);
	}
	assert_int_equal(db_attendee_list(f->db, f->meeting, &at), DB_OK);
	assert_int_equal(at.n, MANY);
	for (int k = 1; k < MANY; k++) {
		const struct db_attendee *p = &at.v[k - 1], *n = &at.v[k];
		bool pg = p->role == PERSON_GUEST;
		bool ng = n->role == PERSON_GUEST;
		int c = strcmp(p->agency, n->agency);

		assert_true(pg <= ng);
		if (pg == ng)
			assert_true(c < 0 || (c == 0 &&
					      strcmp(p->name, n->name) < 0));
	}
	assert_string_equal(at.v[0].name, "Person 04");
	assert_string_equal(at.v[MANY - 1].name, "Person 01");
	assert_int_equal(db_attendee_known(f->db, 5, &at), DB_OK);
	assert_int_equal(at.n, 5);
	db_list_free(&at);

	/* Every agency, invited last first: listed in the agencies' order. */
	for (size_t k = agenda_agency_count; k-- > 0;)
		assert_int_equal(db_meeting_invite(f->db, meeting[0],
						   agenda_agencies[k].code,
						   true), DB_OK);
	assert_int_equal(db_meeting_agencies(f->db, meeting[0], &inv), DB_OK);
	assert_int_equal(inv.n, (int)agenda_agency_count);
	for (int k = 0; k < inv.n; k++) {
		assert_string_equal(inv.v[k].agency, agenda_agencies[k].code);
		assert_true(inv.v[k].invited);
	}
	assert_int_equal(db_meeting_agencies(f->db, f->meeting, &inv), DB_OK);
	assert_int_equal(inv.n, 3);
	assert_string_equal(inv.v[0].agency, "police");
	assert_string_equal(inv.v[1].agency, "probation");
	assert_string_equal(inv.v[2].agency, "housing");
	db_list_free(&inv);

	/* The cases, due for review, proposed for another meeting once
	 * this one is held; fewer once some are on its agenda. */
	assert_int_equal(sqlite3_exec(f->db->sql, "UPDATE offenders SET "
				      "next_review = CASE WHEN ref LIKE 'L%' "
				      "THEN '2012-06-15' END", NULL, NULL,
				      NULL), SQLITE_OK);
	assert_int_equal(db_meeting_hold(f->db, f->meeting, TODAY, NULL),
			 DB_OK);
	assert_int_equal(db_agenda_propose(f->db, meeting[MANY - 1], TODAY,
					   NULL, &ps), DB_OK);
	assert_int_equal(ps.n, MANY);
	for (int k = 0; k < ps.n; k++) {
		assert_int_equal(ps.v[k].offender_id, off[k]);
		assert_int_equal(ps.v[k].reason, AGENDA_REVIEW);
		assert_string_equal(ps.v[k].due, "2012-06-15");
	}
	for (int k = 0; k < 5; k++)
		assert_int_equal(db_agenda_add(f->db, meeting[MANY - 1],
					       off[k], "review", 0, false,
					       NULL), DB_OK);
	assert_int_equal(db_agenda_propose(f->db, meeting[MANY - 1], TODAY,
					   NULL, &ps), DB_OK);
	assert_int_equal(ps.n, MANY - 5);
	assert_int_equal(ps.v[0].offender_id, off[5]);
	db_list_free(&ps);

	/* The meetings of one case, oldest first, with their chairs and the
	 * minuted decision; a lay adviser reads neither. */
	item = agenda_item(f, f->o.id);
	memset(&mi, 0, sizeof mi);
	mi.item_id = item;
	mi.text[DB_MIN_DECISION] = strdup("Keep at Level 2");
	assert_int_equal(db_minutes_save(f->db, NULL, &mi), DB_OK);
	db_minutes_clear(&mi);
	for (int k = 0; k < MANY; k++)
		assert_int_equal(db_agenda_add(f->db, meeting[k], f->o.id,
					       "review", 0, true, NULL),
				 k == 7 ? DB_INVALID : DB_OK); /* cancelled */
	assert_int_equal(db_case_meetings(f->db, f->o.id, &cm), DB_OK);
	assert_int_equal(cm.n, MANY);
	assert_int_equal(cm.v[0].id, f->meeting);
	assert_int_equal(cm.v[0].status, MEETING_HELD);
	assert_string_equal(cm.v[0].chair, "DCI Ada Chairwoman");
	assert_string_equal(cm.v[0].decision, "Keep at Level 2");
	for (int k = 0, i = 1; k < MANY; k++) {
		char chair[16];

		if (k == 7)
			continue;
		snprintf(chair, sizeof chair, "Chair %02d", k + 1);
		assert_int_equal(cm.v[i].id, meeting[k]);
		assert_int_equal(cm.v[i].status, MEETING_SCHEDULED);
		assert_string_equal(cm.v[i].chair, chair);
		assert_null(cm.v[i++].decision);
	}
	assert_int_equal(db_open(&lay, f->path, "lay", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_case_meetings(lay, f->o.id, &cm), DB_OK);
	assert_int_equal(cm.n, MANY);
	for (int k = 0; k < cm.n; k++) {
		assert_null(cm.v[k].chair);
		assert_null(cm.v[k].decision);
	}
	db_close(lay);
	assert_int_equal(db_case_meetings(f->db, off[0], &cm), DB_OK);
	assert_int_equal(cm.n, 2);
	db_case_meetings_free(&cm);
	assert_null(cm.v);
}

/* --- lay advisers ---------------------------------------------------------------- */

static void
lay__meetings_without_chair__agenda_minutes_writes_refused(void **state)
{
	struct fx *f = *state;
	struct db *lay;
	struct db_meeting m, base;
	struct db_minutes mi;
	struct db_level_decision d;
	struct db_action a;
	struct db_action_query q;
	struct seen s = { 0 };
	struct db_meetings ms = { 0 };
	struct db_agenda items = { 0 };
	char err[256];
	int64_t item = agenda_item(f, f->o.id), audit;

	memset(&a, 0, sizeof a);
	a.meeting_id = f->meeting;
	a.offender_id = f->o.id;
	a.text = "Home visit";
	str_copy(a.owner_agency, "police", sizeof a.owner_agency);
	a.owner_person = "PC Pat Owner";
	str_copy(a.due, "2012-06-01", sizeof a.due);
	assert_int_equal(db_action_add(f->db, &a), DB_OK);
	audit = tu_count(f->db, "SELECT count(*) FROM audit");
	assert_int_equal(db_open(&lay, f->path, "lay", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_meeting_list(lay, NULL, &ms), DB_OK);
	assert_int_equal(ms.n, 1);
	assert_string_equal(ms.v[0].chair, "");
	db_list_free(&ms);
	assert_int_equal(db_meeting_get(lay, f->meeting, &base), DB_OK);
	assert_string_equal(base.chair, "");
	assert_int_equal(db_agenda_list(lay, f->meeting, &items), DB_REFUSED);
	assert_int_equal(items.n, 0);
	assert_int_equal(db_minutes_get(lay, item, &mi), DB_REFUSED);
	m = base;
	str_copy(m.venue, "x", sizeof m.venue);
	assert_int_equal(db_meeting_update(lay, &base, &m), DB_REFUSED);
	assert_int_equal(db_meeting_add(lay, &m, NULL, 0), DB_REFUSED);
	assert_int_equal(db_meeting_hold(lay, f->meeting, TODAY, NULL), DB_REFUSED);
	assert_int_equal(db_meeting_cancel(lay, f->meeting, NULL), DB_REFUSED);
	assert_int_equal(db_meeting_attendance(lay, f->meeting, "police", NULL,
					       "present"), DB_REFUSED);
	assert_int_equal(db_agenda_add(lay, f->meeting, f->o.id, "review", 0, false,
				       NULL), DB_REFUSED);
	assert_int_equal(db_agenda_move(lay, item, 1), DB_REFUSED);
	assert_int_equal(db_agenda_remove(lay, item), DB_REFUSED);
	memset(&d, 0, sizeof d);
	d.decision = DECISION_STAY;
	assert_int_equal(db_minutes_level(lay, item, NULL, &d, NULL),
			 DB_REFUSED);
	assert_int_equal(db_action_done(lay, a.id, D("2012-06-01"), NULL),
			 DB_REFUSED);
	assert_int_equal(db_action_add(lay, &a), DB_REFUSED);
	/* Actions: agency and dates, the pseudonym, no words or names. */
	memset(&q, 0, sizeof q);
	q.today = D("2012-06-15");
	s.n = 0;
	assert_int_equal(actions_seen(lay, &q, &s), DB_OK);
	assert_int_equal(s.n, 1);
	assert_false(s.text_seen);
	assert_string_not_equal(s.ref, "C1");
	assert_int_equal(s.ref[0], 'P');
	q.owner = "PC Pat Owner";
	assert_int_equal(actions_seen(lay, &q, &s), DB_REFUSED);
	db_close(lay);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit"), audit);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(meeting__two_editors__different_fields_merged),
		T(meeting__same_field_changed_by_both__conflict_nothing_saved),
		T(meeting__checks_and_status),
		T(agenda__add_move_remove__positions_stay_whole),
		T(attendance__what_was_seen__else_conflict),
		T(minutes__two_editors__headings_merged_collision_refused),
		T(minutes__next_review__becomes_the_cases),
		T(level_decision__up__event_with_reason_meeting_chair_on_meeting_date),
		T(level_decision__two_chairs__conflict_then_replace_on_purpose),
		T(hold__before_its_date_refused__reopen_needs_admin_and_reason),
		T(level_decision__rules__held_chair_state_machine),
		T(actions__add_done_overdue_by_agency),
		T(case_actions__list__every_row_by_due_refilled_anew),
		T(propose__referrals_and_due_reviews__not_twice),
		T(lay__meetings_without_chair__agenda_minutes_writes_refused),
		T(attendees__same_person_again__role_changed_lay_refused),
		T(minutes_approved__nothing_changes_until_reopened__next_version),
		T(action_edit__stale_version_conflict__remove_audited),
		T(action_carry__later_due__audited__on_approved_minutes),
		T(action_drop__kept_closed__audited__on_approved_minutes),
		T(minutes__each_heading__stored_in_its_field),
		T(lists__more_than_sixteen__every_row_in_order_refilled_anew),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
