/*
 * test_kpi.c -- the performance indicators (core/kpi.c, db/kpi.c): the
 * periods and the rounding by hand, then every indicator of 2012-13 over
 * a small database whose figures were worked out on paper (the comments
 * say how): attendance with apologies, reports and nothing recorded;
 * initial meetings either side of the 2012 jubilee bank holidays; reviews
 * on time and late; releases with and without a level decision in the
 * six months before; actions done early, on the day, late and never.
 * A lay adviser gets the same counts and no case.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testdate.h"
#include <sqlite3.h>

#include "core/agenda.h"
#include "core/kpi.h"
#include "core/util.h"
#include "db/db_internal.h"
#include "testutil.h"

/* --- core: periods, rounding, median ---------------------------------------- */

static void
percent__rounds_half_up(void **state)
{
	(void)state;
	assert_int_equal(kpi_percent(2, 3), 67);
	assert_int_equal(kpi_percent(1, 3), 33);
	assert_int_equal(kpi_percent(1, 8), 13);  /* 12.5 */
	assert_int_equal(kpi_percent(7, 8), 88);  /* 87.5 */
	assert_int_equal(kpi_percent(1, 200), 1); /* 0.5 */
	assert_int_equal(kpi_percent(0, 5), 0);
	assert_int_equal(kpi_percent(5, 5), 100);
	assert_int_equal(kpi_percent(0, 0), -1);
	assert_int_equal(kpi_meets(90, 90), 1);
	assert_int_equal(kpi_meets(89, 90), 0);
	assert_int_equal(kpi_meets(-1, 90), -1);
}

static void
quarter__boundaries(void **state)
{
	(void)state;
	assert_int_equal(kpi_quarter(2012, D("2012-03-31")), -1);
	assert_int_equal(kpi_quarter(2012, D("2012-04-01")), KPI_Q1);
	assert_int_equal(kpi_quarter(2012, D("2012-06-30")), KPI_Q1);
	assert_int_equal(kpi_quarter(2012, D("2012-07-01")), KPI_Q2);
	assert_int_equal(kpi_quarter(2012, D("2012-09-30")), KPI_Q2);
	assert_int_equal(kpi_quarter(2012, D("2012-10-01")), KPI_Q3);
	assert_int_equal(kpi_quarter(2012, D("2012-12-31")), KPI_Q3);
	assert_int_equal(kpi_quarter(2012, D("2013-01-01")), KPI_Q4);
	assert_int_equal(kpi_quarter(2012, D("2013-03-31")), KPI_Q4);
	assert_int_equal(kpi_quarter(2012, D("2013-04-01")), -1);
	assert_int_equal(kpi_period_start(2012, KPI_Q4), D("2013-01-01"));
	assert_int_equal(kpi_period_end(2012, KPI_Q3), D("2012-12-31"));
	assert_int_equal(kpi_period_end(2012, KPI_Q4), D("2013-03-31"));
	assert_int_equal(kpi_period_start(2012, KPI_YEAR), D("2012-04-01"));
	assert_int_equal(kpi_period_end(2012, KPI_YEAR), D("2013-03-31"));
}

static void
add__quarter_and_year_and_median(void **state)
{
	struct kpi k;
	struct kpi_case c = { 7, 0, "R7", "Doe, Jane", "late" };

	(void)state;
	kpi_init(&k, 2012, true);
	assert_int_equal(kpi_add(&k, KPI_INITIAL, 0, D("2012-04-02"), true, 4,
				 NULL), 0);
	assert_int_equal(kpi_add(&k, KPI_INITIAL, 0, D("2012-05-02"), true, 7,
				 NULL), 0);
	assert_int_equal(kpi_add(&k, KPI_INITIAL, 0, D("2013-01-02"), false,
				 -1, &c), 0);
	/* Outside the year: ignored. */
	assert_int_equal(kpi_add(&k, KPI_INITIAL, 0, D("2013-04-02"), false,
				 -1, &c), 0);
	assert_int_equal(kpi_cell(&k, KPI_INITIAL, 0, KPI_Q1)->met, 2);
	assert_int_equal(kpi_cell(&k, KPI_INITIAL, 0, KPI_Q1)->total, 2);
	assert_int_equal(kpi_cell(&k, KPI_INITIAL, 0, KPI_Q4)->total, 1);
	assert_int_equal(kpi_cell(&k, KPI_INITIAL, 0, KPI_YEAR)->met, 2);
	assert_int_equal(kpi_cell(&k, KPI_INITIAL, 0, KPI_YEAR)->total, 3);
	assert_int_equal(kpi_median_days(&k, KPI_Q1), 6); /* (4+7)/2 up */
	assert_int_equal(kpi_median_days(&k, KPI_Q4), -1);
	assert_int_equal(k.nsf, 1);
	assert_string_equal(k.sf[0].ref, "R7");
	assert_int_equal(k.sf[0].quarter, KPI_Q4);
	kpi_free(&k);

	/* Not identified: counts, no cases kept. */
	kpi_init(&k, 2012, false);
	kpi_add(&k, KPI_ACTIONS, 0, D("2012-04-02"), false, -1, &c);
	assert_int_equal(kpi_cell(&k, KPI_ACTIONS, 0, KPI_YEAR)->total, 1);
	assert_int_equal(k.nsf, 0);
	kpi_free(&k);
}

/* --- the database ------------------------------------------------------------- */

struct fx {
	char dir[4096];
	char path[4200];
	struct db *db;
	struct agenda_holidays h;
	int64_t evid;
};

static void
sql(struct db *db, const char *fmt, ...)
{
	char buf[2048], *err = NULL;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (sqlite3_exec(db->sql, buf, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", buf, err);
		fail();
	}
}

static void
offender(struct fx *f, int id, const char *surname)
{
	sql(f->db, "INSERT INTO offenders(id, ref, pseudo, surname, forenames,"
		   " created_at, created_by) VALUES (%d, 'R%d', 'P%d', '%s',"
		   " 'Test', '2012-01-01T00:00:00Z', 'alice')",
	    id, id, id, surname);
}

/* An event; LEVEL 0 for none.  Register events get Category 1. */
static void
event(struct fx *f, int who, const char *date, const char *type, int level)
{
	char lv[8];

	snprintf(lv, sizeof lv, "%d", level);
	sql(f->db, "INSERT INTO events(offender_id, date, id, type, category,"
		   " level, source, recorded_by, recorded_at) VALUES (%d, '%s',"
		   " %lld, '%s', %s, %s, 'mappa', 'alice',"
		   " '2012-01-01T00:00:00Z')",
	    who, date, (long long)++f->evid, type,
	    strcmp(type, "register") == 0 ? "1" : "NULL",
	    level ? lv : "NULL");
}

static void
meeting(struct fx *f, int id, const char *date, int level,
	const char *status)
{
	sql(f->db, "INSERT INTO meetings(id, date, level, status) VALUES"
		   " (%d, '%s', %d, '%s')", id, date, level, status);
}

/* AGENCY's attendance at meeting ID (NULL: not recorded). */
static void
attend(struct fx *f, int id, const char *agency, int invited,
       const char *att)
{
	char q[32];

	snprintf(q, sizeof q, "'%s'", att ? att : "");
	sql(f->db, "INSERT INTO meeting_agencies(meeting_id, agency, invited,"
		   " attendance) VALUES (%d, '%s', %d, %s)",
	    id, agency, invited, att ? q : "NULL");
}

static void
item(struct fx *f, int meeting_id, int who, const char *reason,
     int referral, int discussed)
{
	char r[16];

	snprintf(r, sizeof r, "%d", referral);
	sql(f->db, "INSERT INTO agenda_items(meeting_id, offender_id, position,"
		   " reason, referral_id, discussed) VALUES (%d, %d, 1, '%s',"
		   " %s, %d)",
	    meeting_id, who, reason, referral ? r : "NULL", discussed);
}

static void
action(struct fx *f, int who, const char *due, const char *done)
{
	char q[32];

	snprintf(q, sizeof q, "'%s'", done ? done : "");
	sql(f->db, "INSERT INTO actions(offender_id, text, owner_agency, due,"
		   " done) VALUES (%d, 'do it', 'police', '%s', %s)",
	    who, due, done ? q : "NULL");
}

static const char holidays[] =
	"2012-04-06\n2012-04-09\n2012-05-07\n2012-06-04\n2012-06-05\n"
	"2012-08-27\n2012-12-25\n2012-12-26\n2013-01-01\n2013-03-29\n"
	"2013-04-01\n";

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	f->db = tu_db_create(f->dir, sizeof f->dir, f->path, sizeof f->path);
	assert_int_equal(db_user_add(f->db, "lay", ROLE_LAY), DB_OK);
	assert_int_equal(agenda_holidays_parse(holidays, strlen(holidays),
					       &f->h, NULL), 0);
	for (int i = 1; i <= 12; i++) {
		char name[16];

		snprintf(name, sizeof name, "Case%02d", i);
		offender(f, i, name);
	}

	/* 1. Attendance.  Held: M1 (Q1), M2 (Q2), M5 (Q2); M3 cancelled;
	 * M4 in the next year.  Police 3/3, probation 2/2 (a report
	 * counts), prison 1/2 (apologies do not), housing 0/2 (absent;
	 * nothing recorded), health not invited: not counted. */
	meeting(f, 1, "2012-04-17", 2, "held");
	meeting(f, 2, "2012-07-19", 3, "held");
	meeting(f, 3, "2012-10-02", 2, "cancelled");
	meeting(f, 4, "2013-04-02", 2, "held");
	meeting(f, 5, "2012-09-18", 2, "held");
	meeting(f, 6, "2012-06-11", 3, "held");
	meeting(f, 7, "2012-06-12", 3, "held");
	attend(f, 1, "police", 1, "present");
	attend(f, 1, "probation", 1, "report");
	attend(f, 1, "prison", 1, "apologies");
	attend(f, 1, "housing", 1, "absent");
	attend(f, 2, "police", 1, "present");
	attend(f, 2, "probation", 1, "present");
	attend(f, 2, "prison", 1, "present");
	attend(f, 2, "housing", 1, NULL);
	attend(f, 2, "health", 0, "present");
	attend(f, 3, "police", 1, "absent");
	attend(f, 4, "police", 1, "absent");
	attend(f, 5, "police", 1, "present");

	/* 2. Initial meetings (Level 3: 5 working days).  Both referred on
	 * Thursday 2012-05-31; with the jubilee holidays (4 and 5 June) the
	 * last day is Monday 11 June, not Thursday 7.  R1 met on the 11th
	 * (recorded on the referral): 5 working days, in time.  R2 met on
	 * the 12th (found by its agenda item): 6, late.  R3 (Level 2,
	 * 2013-03-25) has none: its 20 working days, Easter aside, end on
	 * 2013-04-24, so it is late by 2013-06-01, not yet by 2013-04-02.
	 * R4 declined: not counted.  Year 1/3 = 33%, median 5 days. */
	sql(f->db, "INSERT INTO referrals(id, offender_id, date, agency,"
		   " proposed_level, outcome, meeting_id) VALUES"
		   " (1, 1, '2012-05-31', 'police', 3, 'accepted', 6),"
		   " (2, 2, '2012-05-31', 'police', 3, 'accepted', NULL),"
		   " (3, 3, '2013-03-25', 'probation', 2, 'pending', NULL),"
		   " (4, 4, '2012-05-01', 'probation', 2, 'declined', NULL)");
	item(f, 6, 1, "initial", 1, 1);
	item(f, 7, 2, "initial", 2, 1);

	/* 3. Reviews.  R5 (Level 2, 16 weeks = 112 days) registered
	 * 2012-01-10: reviewed at M1 after 98 days (on time), at M5 after
	 * 154 (late).  R6 (Level 3, 56 days) registered 2012-06-01:
	 * reviewed at M2 after 48 (on time); an item at M7 not discussed
	 * is not counted.  Year 2/3 = 67%; Q1 1/1; Q2 1/2. */
	event(f, 5, "2012-01-10", "register", 2);
	event(f, 6, "2012-06-01", "register", 3);
	item(f, 1, 5, "review", 0, 1);
	item(f, 5, 5, "review", 0, 1);
	item(f, 2, 6, "review", 0, 1);
	item(f, 7, 6, "review", 0, 0);

	/* 4. Releases (issue 15: the level set in custody at least six
	 * months before the expected release; without one, the release).
	 * All registered 2011-01-05, in custody from the 6th.  R7: no level
	 * set in custody, released 2012-08-01: short.  R8: level event
	 * 2012-05-01; expected release 2012-12-01, so due by 2012-06-01:
	 * met (by the release date alone, 2012-02-01, it would be short).
	 * R9 never registered and R11 exited before release: not counted.
	 * R10 discussed at M1 (2012-04-17), released 2012-09-01, expected
	 * 2012-10-17: due by 2012-04-17, the day itself counts: met.  An
	 * earlier expected release, from before the spell, is not its.
	 * R12: level event 2012-07-01, a month before its release on
	 * 2012-08-01: too late (the rule before issue 15 took it).
	 * Year 2/4. */
	for (int i = 7; i <= 12; i++) {
		if (i != 9)
			event(f, i, "2011-01-05", "register", 1);
		event(f, i, "2011-01-06", "custody", 0);
	}
	event(f, 8, "2012-05-01", "level", 2);
	event(f, 12, "2012-07-01", "level", 2);
	event(f, 12, "2012-08-01", "release", 0);
	sql(f->db, "INSERT INTO key_dates(offender_id, expected_release,"
		   " recorded_by, recorded_at) VALUES"
		   " (8, '2012-12-01', 'alice', '2012-01-01T00:00:00Z'),"
		   " (10, '2012-10-17', 'alice', '2012-01-01T00:00:00Z'),"
		   " (7, '2010-06-01', 'alice', '2012-01-01T00:00:00Z')");
	event(f, 11, "2011-06-01", "exit", 0);
	item(f, 1, 10, "other", 0, 1);
	event(f, 7, "2012-08-01", "release", 0);
	event(f, 8, "2012-08-01", "release", 0);
	event(f, 9, "2012-08-01", "release", 0);
	event(f, 10, "2012-09-01", "release", 0);
	event(f, 11, "2012-08-01", "release", 0);

	/* 5. Actions: early and on the day (met), late and never (short);
	 * one due in the next year.  Year 2/4 = 50%; Q1 2/3; Q3 0/1. */
	action(f, 5, "2012-05-01", "2012-04-25");
	action(f, 5, "2012-05-01", "2012-05-01");
	action(f, 6, "2012-05-01", "2012-05-10");
	action(f, 6, "2012-11-01", NULL);
	action(f, 6, "2013-04-10", "2013-04-01");

	assert_int_equal(db_setting_set(f->db, "kpi_attendance_pct", "75"),
			 DB_OK);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	db_close(f->db);
	agenda_holidays_free(&f->h);
	tu_rmdir(f->dir);
	free(f);
	return 0;
}

#define CELL(k, i, a, p) kpi_cell((k), (i), (a), (p))

static void
assert_cell(const struct kpi *k, enum kpi_indicator i, int a, int p,
	    int64_t met, int64_t total)
{
	assert_int_equal(CELL(k, i, a, p)->met, met);
	assert_int_equal(CELL(k, i, a, p)->total, total);
}

static int
shortfalls(const struct kpi *k, enum kpi_indicator i)
{
	int n = 0;

	for (size_t j = 0; j < k->nsf; j++)
		n += k->sf[j].ind == i;
	return n;
}

static void
db_kpi__hand_computed_2012_13(void **state)
{
	struct fx *f = *state;
	struct kpi k;
	int police, probation, prison, housing, health;

	assert_int_equal(db_kpi(f->db, 2012, D("2013-06-01"), &f->h, &k),
			 DB_OK);
	police = kpi_agency_index(&k, "police");
	probation = kpi_agency_index(&k, "probation");
	prison = kpi_agency_index(&k, "prison");
	housing = kpi_agency_index(&k, "housing");
	health = kpi_agency_index(&k, "health");

	assert_int_equal(k.target[KPI_ATTENDANCE], 75);
	assert_int_equal(k.target[KPI_ACTIONS], 85);
	/* 1 */
	assert_cell(&k, KPI_ATTENDANCE, police, KPI_YEAR, 3, 3);
	assert_cell(&k, KPI_ATTENDANCE, police, KPI_Q2, 2, 2);
	assert_cell(&k, KPI_ATTENDANCE, probation, KPI_YEAR, 2, 2);
	assert_cell(&k, KPI_ATTENDANCE, prison, KPI_YEAR, 1, 2);
	assert_cell(&k, KPI_ATTENDANCE, prison, KPI_Q1, 0, 1);
	assert_cell(&k, KPI_ATTENDANCE, housing, KPI_YEAR, 0, 2);
	assert_cell(&k, KPI_ATTENDANCE, health, KPI_YEAR, 0, 0);
	assert_int_equal(shortfalls(&k, KPI_ATTENDANCE), 3);
	/* 2 */
	assert_cell(&k, KPI_INITIAL, 0, KPI_YEAR, 1, 3);
	assert_cell(&k, KPI_INITIAL, 0, KPI_Q1, 1, 2);
	assert_cell(&k, KPI_INITIAL, 0, KPI_Q4, 0, 1);
	assert_int_equal(kpi_percent(1, 3), 33);
	assert_int_equal(kpi_median_days(&k, KPI_YEAR), 5);
	assert_int_equal(shortfalls(&k, KPI_INITIAL), 2);
	/* 3 */
	assert_cell(&k, KPI_REVIEWS, 0, KPI_YEAR, 2, 3);
	assert_cell(&k, KPI_REVIEWS, 0, KPI_Q1, 1, 1);
	assert_cell(&k, KPI_REVIEWS, 0, KPI_Q2, 1, 2);
	/* 4 */
	assert_cell(&k, KPI_RELEASE, 0, KPI_YEAR, 2, 4);
	assert_cell(&k, KPI_RELEASE, 0, KPI_Q2, 2, 4);
	/* 5 */
	assert_cell(&k, KPI_ACTIONS, 0, KPI_YEAR, 2, 4);
	assert_cell(&k, KPI_ACTIONS, 0, KPI_Q1, 2, 3);
	assert_cell(&k, KPI_ACTIONS, 0, KPI_Q3, 0, 1);

	/* The shortfalls name the cases. */
	for (size_t j = 0; j < k.nsf; j++) {
		const struct kpi_shortfall *s = &k.sf[j];

		if (s->ind == KPI_REVIEWS) {
			assert_string_equal(s->ref, "R5");
			assert_string_equal(s->name, "Case05, Test");
			assert_int_equal(s->date, D("2012-09-18"));
			assert_int_equal(s->meeting_id, 5);
		}
		if (s->ind == KPI_RELEASE && strcmp(s->ref, "R7") == 0)
			assert_string_equal(s->detail, "no level set in "
					    "custody by 2012-02-01 (six months "
					    "before the actual release "
					    "2012-08-01)");
		else if (s->ind == KPI_RELEASE)
			assert_string_equal(s->ref, "R12");
		if (s->ind == KPI_INITIAL && s->offender_id == 2)
			assert_int_equal(s->meeting_id, 7);
	}
	kpi_free(&k);
}

/* A Level 3 review held exactly eight weeks after the level was set is
 * on time; the interval is the area's setting, read where the rule is. */
static void
db_kpi__review_on_its_due_day__on_time(void **state)
{
	struct fx *f = *state;
	struct kpi k;

	offender(f, 40, "Case40");
	event(f, 40, "2012-07-05", "register", 3);
	meeting(f, 40, "2012-08-30", 3, "held");
	item(f, 40, 40, "review", 0, 1);
	assert_int_equal(db_kpi(f->db, 2012, D("2013-06-01"), &f->h, &k),
			 DB_OK);
	assert_cell(&k, KPI_REVIEWS, 0, KPI_YEAR, 3, 4);
	assert_cell(&k, KPI_REVIEWS, 0, KPI_Q2, 2, 3);
	kpi_free(&k);
	assert_int_equal(db_setting_set(f->db, "review_weeks_level3", "7"),
			 DB_OK);
	assert_int_equal(db_kpi(f->db, 2012, D("2013-06-01"), &f->h, &k),
			 DB_OK);
	assert_cell(&k, KPI_REVIEWS, 0, KPI_YEAR, 2, 4);
	kpi_free(&k);
}

static void
db_kpi__without_bank_holidays__r1_late(void **state)
{
	struct fx *f = *state;
	struct kpi k;

	/* Weekends only: R1's last day is Thursday 7 June; the 11th is
	 * late too. */
	assert_int_equal(db_kpi(f->db, 2012, D("2013-06-01"), NULL, &k),
			 DB_OK);
	assert_cell(&k, KPI_INITIAL, 0, KPI_YEAR, 0, 3);
	kpi_free(&k);
}

static void
db_kpi__earlier_today__pending_not_counted(void **state)
{
	struct fx *f = *state;
	struct kpi k;

	/* On 2013-04-02 R3 is still within its interval. */
	assert_int_equal(db_kpi(f->db, 2012, D("2013-04-02"), &f->h, &k),
			 DB_OK);
	assert_cell(&k, KPI_INITIAL, 0, KPI_YEAR, 1, 2);
	kpi_free(&k);
	/* On 2012-10-01 the action due 2012-11-01 is not yet counted. */
	assert_int_equal(db_kpi(f->db, 2012, D("2012-10-01"), &f->h, &k),
			 DB_OK);
	assert_cell(&k, KPI_ACTIONS, 0, KPI_YEAR, 2, 3);
	kpi_free(&k);
}

/* An action the meeting dropped is neither done nor late: not counted. */
static void
db_kpi__dropped_action__not_counted(void **state)
{
	struct fx *f = *state;
	struct kpi k;

	action(f, 1, "2012-05-01", "2012-06-20");
	assert_int_equal(db_kpi(f->db, 2012, D("2013-06-01"), &f->h, &k),
			 DB_OK);
	assert_cell(&k, KPI_ACTIONS, 0, KPI_YEAR, 2, 5);
	kpi_free(&k);
	sql(f->db, "UPDATE actions SET dropped = 1 WHERE due = '2012-05-01' "
		   "AND done = '2012-06-20'");
	assert_int_equal(db_kpi(f->db, 2012, D("2013-06-01"), &f->h, &k),
			 DB_OK);
	assert_cell(&k, KPI_ACTIONS, 0, KPI_YEAR, 2, 4);
	kpi_free(&k);
}

static void
db_kpi__lay__counts_only(void **state)
{
	struct fx *f = *state;
	struct db *lay;
	struct kpi k;
	char err[512];
	FILE *out;
	char *buf = NULL;
	size_t len = 0;

	assert_int_equal(db_open(&lay, f->path, "lay", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_kpi(lay, 2012, D("2013-06-01"), &f->h, &k),
			 DB_OK);
	assert_false(k.identified);
	assert_int_equal(k.nsf, 0);
	assert_cell(&k, KPI_REVIEWS, 0, KPI_YEAR, 2, 3);
	assert_cell(&k, KPI_RELEASE, 0, KPI_YEAR, 2, 4);
	out = open_memstream(&buf, &len);
	assert_non_null(out);
	assert_int_equal(kpi_write(out, &k, "Area", KPI_TEXT, true), 0);
	fclose(out);
	assert_null(strstr(buf, "Case0"));
	assert_null(strstr(buf, "R5"));
	assert_non_null(strstr(buf, "not shown to lay advisers"));
	free(buf);
	kpi_free(&k);
	db_close(lay);
}

static void
write__csv_rows(void **state)
{
	struct fx *f = *state;
	struct kpi k;
	FILE *out;
	char *buf = NULL;
	size_t len = 0;

	assert_int_equal(db_kpi(f->db, 2012, D("2013-06-01"), &f->h, &k),
			 DB_OK);
	out = open_memstream(&buf, &len);
	assert_non_null(out);
	assert_int_equal(kpi_write(out, &k, "Area", KPI_CSV, false), 0);
	fclose(out);
	assert_true(strncmp(buf, "period,indicator,agency,met,total,percent,"
			    "target,met_target,median_days\n", 70) == 0);
	assert_non_null(strstr(buf, "\nyear,attendance,prison,1,2,50,75,no,\n"));
	assert_non_null(strstr(buf, "\nyear,attendance,police,3,3,100,75,yes,\n"));
	assert_non_null(strstr(buf, "\nyear,initial_meeting,,1,3,33,80,no,5\n"));
	assert_non_null(strstr(buf, "\nyear,reviews_on_time,,2,3,67,90,no,\n"));
	assert_non_null(strstr(buf, "\nq4,level_before_release,,0,0,,100,,\n"));
	assert_null(strstr(buf, "health"));
	free(buf);
	kpi_free(&k);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(percent__rounds_half_up),
		cmocka_unit_test(quarter__boundaries),
		cmocka_unit_test(add__quarter_and_year_and_median),
		cmocka_unit_test_setup_teardown(db_kpi__hand_computed_2012_13,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			db_kpi__without_bank_holidays__r1_late, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			db_kpi__earlier_today__pending_not_counted, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			db_kpi__review_on_its_due_day__on_time, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			db_kpi__dropped_action__not_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(db_kpi__lay__counts_only,
						setup, teardown),
		cmocka_unit_test_setup_teardown(write__csv_rows, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
