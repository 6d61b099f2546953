/*
 * test_casefile.c -- the case file a MAPP meeting decides from (issue
 * 15): the rules of core/casefile.h (PNC ID check character, CRN, names,
 * MAPPA J and the key-date windows on fixed dates) and the data layer's
 * casefacts.c (each field's rules, history, audit, roles, the duplicate
 * warning, the lists, erasure, the old notes becoming the first note).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testdate.h"
#include <sqlite3.h>

#include "core/casefile.h"
#include "core/kpi.h"
#include "core/util.h"
#include "db/db_internal.h"
#include "testutil.h"

/* --- core ---------------------------------------------------------------- */

static void
pnc__check_letter__matches_worked_examples(void **state)
{
	char norm[32];

	(void)state;
	/* (11 * 10^7 + 275516) mod 23 = 16: 'Q'; the form of
	 * interchange.md, in both its spellings. */
	assert_int_equal(cf_pnc_check_char(11, 275516), 'Q');
	assert_null(cf_pnc_check("2011/0275516Q", norm, sizeof norm));
	assert_string_equal(norm, "2011/0275516Q");
	assert_null(cf_pnc_check("11/275516Q", NULL, 0));
	assert_null(cf_pnc_check("11/275516q", norm, sizeof norm));
	assert_string_equal(norm, "11/275516Q");
	/* The year counts by its last two digits only. */
	assert_int_equal(cf_pnc_check_char(5, 123456), 'R');
	assert_null(cf_pnc_check("2005/0123456R", NULL, 0));
	assert_null(cf_pnc_check("05/123456R", NULL, 0));
	assert_int_equal(cf_pnc_check_char(98, 1234567), 'L');
	assert_null(cf_pnc_check("1998/1234567L", NULL, 0));
	/* Remainder 0 is 'Z', 22 is 'Y': the ends of the alphabet. */
	for (long s = 0; s < 60; s++) {
		long r = (2L * 10000000L + s) % 23;

		if (r == 0)
			assert_int_equal(cf_pnc_check_char(2, s), 'Z');
		if (r == 22)
			assert_int_equal(cf_pnc_check_char(2, s), 'Y');
	}
}

static void
pnc__malformed_or_wrong_letter__refused(void **state)
{
	(void)state;
	assert_non_null(cf_pnc_check("2011/0275516R", NULL, 0));
	assert_non_null(cf_pnc_check("11/275516", NULL, 0));
	assert_non_null(cf_pnc_check("011/275516Q", NULL, 0));
	assert_non_null(cf_pnc_check("2011-0275516Q", NULL, 0));
	assert_non_null(cf_pnc_check("2011/02755160Q", NULL, 0));
	assert_non_null(cf_pnc_check("2011/Q", NULL, 0));
	assert_non_null(cf_pnc_check("2011/0275516QQ", NULL, 0));
	assert_non_null(cf_pnc_check("", NULL, 0));
}

static void
crn_and_ref__rules(void **state)
{
	char norm[16], ref[] = "wf/12/0082";

	(void)state;
	assert_null(cf_crn_check("X123456", NULL, 0));
	assert_null(cf_crn_check("x123456", norm, sizeof norm));
	assert_string_equal(norm, "X123456");
	assert_non_null(cf_crn_check("X12345", NULL, 0));
	assert_non_null(cf_crn_check("X1234567", NULL, 0));
	assert_non_null(cf_crn_check("1123456", NULL, 0));
	assert_non_null(cf_crn_check("XX23456", NULL, 0));
	cf_ref_upper(ref);
	assert_string_equal(ref, "WF/12/0082");
}

static void
names__parse_what_they_print(void **state)
{
	char buf[128];
	unsigned mask;
	const char *bad = NULL;

	(void)state;
	for (int i = 0; i < CF_ROSH_N; i++)
		assert_int_equal(cf_rosh_parse(cf_rosh_name(i)), i);
	for (int i = 0; i < CF_RISK_N; i++)
		assert_int_equal(cf_at_risk_parse(cf_at_risk_name(i)), i);
	for (int i = 0; i < CF_REL_N; i++)
		assert_int_equal(cf_release_parse(cf_release_name(i)), i);
	assert_null(cf_rosh_name(CF_ROSH_N));
	assert_int_equal(cf_rosh_parse("extreme"), -1);
	assert_int_equal(cf_at_risk_parse_set("children; public,staff", &mask,
					      NULL), 0);
	assert_int_equal(mask, 1u << CF_RISK_CHILDREN | 1u << CF_RISK_PUBLIC |
			 1u << CF_RISK_STAFF);
	assert_string_equal(cf_at_risk_format(mask, ";", false, buf,
					      sizeof buf),
			    "children;public;staff");
	assert_int_equal(cf_at_risk_parse_set("", &mask, NULL), 0);
	assert_int_equal(mask, 0);
	assert_int_equal(cf_at_risk_parse_set("public;victims", &mask, &bad),
			 -1);
	assert_string_equal(bad, "victims");
}

static void
mappa_j__due_six_weeks_before_release__on_fixed_dates(void **state)
{
	mdate rel = D("2012-06-15"), due = D("2012-05-04");

	(void)state;
	assert_int_equal(cf_mappa_j_due(rel), due);
	assert_int_equal(cf_mappa_j_state(MDATE_NONE, MDATE_NONE,
					  D("2012-01-01")), CF_J_NONE);
	/* Long before: pending; within six weeks of the due day: due; on
	 * the due day: due; the day after: overdue; once sent: sent. */
	assert_int_equal(cf_mappa_j_state(rel, MDATE_NONE, D("2012-01-02")),
			 CF_J_PENDING);
	assert_int_equal(cf_mappa_j_state(rel, MDATE_NONE, D("2012-03-23")),
			 CF_J_DUE);
	assert_int_equal(cf_mappa_j_state(rel, MDATE_NONE, D("2012-03-22")),
			 CF_J_PENDING);
	assert_int_equal(cf_mappa_j_state(rel, MDATE_NONE, due), CF_J_DUE);
	assert_int_equal(cf_mappa_j_state(rel, MDATE_NONE, due + 1),
			 CF_J_OVERDUE);
	assert_int_equal(cf_mappa_j_state(rel, D("2012-05-01"), due + 1),
			 CF_J_SENT);
	/* The window: today to six weeks on, both included. */
	assert_true(cf_in_window(D("2012-05-04"), D("2012-05-04")));
	assert_true(cf_in_window(D("2012-06-15"), D("2012-05-04")));
	assert_false(cf_in_window(D("2012-06-16"), D("2012-05-04")));
	assert_false(cf_in_window(D("2012-05-03"), D("2012-05-04")));
	assert_false(cf_in_window(MDATE_NONE, D("2012-05-04")));
}

static void
level_deadline__six_months_before__month_ends(void **state)
{
	(void)state;
	assert_int_equal(cf_level_deadline(D("2012-09-15")), D("2012-03-15"));
	assert_int_equal(cf_level_deadline(D("2012-08-31")), D("2012-02-29"));
	assert_int_equal(cf_level_deadline(D("2013-03-10")), D("2012-09-10"));
	assert_int_equal(cf_level_deadline(MDATE_NONE), MDATE_NONE);
	/* The KPI's deadline: six months before the expected release, or
	 * the release itself without one; never before custody began. */
	assert_int_equal(kpi_release_deadline(D("2011-01-06"), D("2012-12-01"),
					      D("2012-08-01")), D("2012-06-01"));
	assert_int_equal(kpi_release_deadline(D("2011-01-06"), MDATE_NONE,
					      D("2012-08-01")), D("2012-02-01"));
	assert_int_equal(kpi_release_deadline(D("2012-05-01"), D("2012-08-01"),
					      D("2012-08-01")), D("2012-05-01"));
}

/* --- the data layer ------------------------------------------------------ */

struct fx {
	char dir[4096];
	char path[4200];
	struct db *db;   /* alice, admin */
	struct db *bob;  /* member */
	struct db *lay;  /* lay adviser */
	int64_t id;      /* case C1, registered, in custody */
	int64_t meeting; /* a held Level 2 meeting */
};

static void
add_case(struct db *db, const char *ref, struct db_offender *o)
{
	struct db_event e;

	tu_offender(o, ref);
	assert_int_equal(db_offender_add(db, o), DB_OK);
	e = tu_event("2011-01-10", EV_REGISTER, 1, 1, 0, SRC_MAPPA);
	assert_int_equal(db_event_add(db, o->id, &o->version, &e,
				      MDATE_NONE), DB_OK);
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct db_offender o;
	struct db_event e;
	struct db_meeting m;
	char err[512];

	f->db = tu_db_create(f->dir, sizeof f->dir, f->path, sizeof f->path);
	assert_int_equal(db_user_add(f->db, "bob", ROLE_MEMBER), DB_OK);
	assert_int_equal(db_user_add(f->db, "lay", ROLE_LAY), DB_OK);
	assert_int_equal(db_open(&f->bob, f->path, "bob", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_open(&f->lay, f->path, "lay", 0, err, sizeof err),
			 DB_OK);
	add_case(f->db, "C1", &o);
	e = tu_event("2011-03-01", EV_CUSTODY, 0, 0, CUSTODY_NEW_SENTENCE,
		     SRC_MAPPA);
	assert_int_equal(db_event_add(f->db, o.id, &o.version, &e,
				      MDATE_NONE), DB_OK);
	f->id = o.id;
	memset(&m, 0, sizeof m);
	str_copy(m.date, "2012-05-22", sizeof m.date);
	m.level = 2;
	str_copy(m.chair, "DCI Chair", sizeof m.chair);
	assert_int_equal(db_meeting_add(f->db, &m, NULL, 0), DB_OK);
	f->meeting = m.id;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	db_close(f->lay);
	db_close(f->bob);
	db_close(f->db);
	tu_rmdir(f->dir);
	free(f);
	return 0;
}

static int64_t
audit_rows(struct db *db, const char *action)
{
	char sql[200];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE action "
		 "= '%s'", action);
	return tu_count(db, sql);
}

struct seen {
	int n;
	char first[64];
	unsigned mask;
	bool index_first;
};

/* Read offender ID's risk assessments into S: how many, the first. */
static enum db_status
risk_seen(struct db *db, int64_t id, struct seen *s)
{
	struct db_risks l = { 0 };
	enum db_status st = db_risk_list(db, id, &l);

	if (l.n > 0 && s->n == 0) {
		str_copy(s->first, cf_rosh_name(l.v[0].rosh), sizeof s->first);
		s->mask = l.v[0].at_risk;
	}
	s->n += l.n;
	db_list_free(&l);
	return st;
}

static void
risk__fields_checked__history_current_first(void **state)
{
	struct fx *f = *state;
	struct db_risk r = { 0 };
	struct seen s = { 0 };

	str_copy(r.date, "2012-02-30", sizeof r.date);
	r.rosh = CF_ROSH_HIGH;
	assert_int_equal(db_risk_add(f->bob, f->id, &r), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "date"));
	str_copy(r.date, "", sizeof r.date);
	assert_int_equal(db_risk_add(f->bob, f->id, &r), DB_INVALID);
	str_copy(r.date, "2012-02-03", sizeof r.date);
	r.rosh = CF_ROSH_N;
	assert_int_equal(db_risk_add(f->bob, f->id, &r), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "rosh"));
	r.rosh = CF_ROSH_HIGH;
	r.at_risk = 1u << CF_RISK_N;
	assert_int_equal(db_risk_add(f->bob, f->id, &r), DB_INVALID);
	r.at_risk = 1u << CF_RISK_CHILDREN;
	str_copy(r.assessor, "J Smith\x01", sizeof r.assessor);
	assert_int_equal(db_risk_add(f->bob, f->id, &r), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "assessor"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM "
				  "risk_assessments"), 0);
	assert_int_equal(audit_rows(f->db, "offender.risk"), 0);

	str_copy(r.assessor, "J Smith (NPS)", sizeof r.assessor);
	assert_int_equal(db_risk_add(f->bob, f->id, &r), DB_OK);
	assert_true(r.id > 0);
	str_copy(r.date, "2012-08-01", sizeof r.date);
	r.rosh = CF_ROSH_VERY_HIGH;
	r.at_risk = 1u << CF_RISK_CHILDREN | 1u << CF_RISK_KNOWN_ADULT;
	assert_int_equal(db_risk_add(f->bob, f->id, &r), DB_OK);
	assert_int_equal(risk_seen(f->bob, f->id, &s), DB_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.first, "very_high");
	assert_int_equal(s.mask, 3);
	/* Audited by field names, never the values. */
	assert_int_equal(audit_rows(f->db, "offender.risk"), 2);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "detail LIKE '%Smith%' OR detail LIKE "
				  "'%very_high%'"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'offender.risk' AND detail LIKE "
				  "'%date,rosh,at_risk,assessor%'"), 2);
}

static enum db_status
score_seen(struct db *db, int64_t id, struct seen *s)
{
	struct db_scores l = { 0 };
	enum db_status st = db_score_list(db, id, &l);

	if (l.n > 0 && s->n == 0)
		str_copy(s->first, l.v[0].tool, sizeof s->first);
	s->n += l.n;
	db_list_free(&l);
	return st;
}

static void
score__tool_from_the_setting(void **state)
{
	struct fx *f = *state;
	struct db_score sc = { 0 };
	struct seen s = { 0 };

	str_copy(sc.date, "2012-02-03", sizeof sc.date);
	str_copy(sc.tool, "Crystal ball", sizeof sc.tool);
	str_copy(sc.score, "high", sizeof sc.score);
	assert_int_equal(db_score_add(f->bob, f->id, &sc), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "assessment_tools"));
	str_copy(sc.tool, "rm2000", sizeof sc.tool);
	str_copy(sc.score, "", sizeof sc.score);
	assert_int_equal(db_score_add(f->bob, f->id, &sc), DB_INVALID);
	str_copy(sc.score, "very high", sizeof sc.score);
	assert_int_equal(db_score_add(f->bob, f->id, &sc), DB_OK);
	assert_string_equal(sc.tool, "RM2000");
	/* The list of tools is a setting, not code. */
	assert_int_equal(db_setting_set(f->db, "assessment_tools",
					"OASys, Crystal ball"), DB_OK);
	str_copy(sc.tool, "crystal BALL", sizeof sc.tool);
	assert_int_equal(db_score_add(f->bob, f->id, &sc), DB_OK);
	str_copy(sc.tool, "RM2000", sizeof sc.tool);
	assert_int_equal(db_score_add(f->bob, f->id, &sc), DB_INVALID);
	assert_int_equal(score_seen(f->bob, f->id, &s), DB_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.first, "Crystal ball");
	assert_int_equal(audit_rows(f->db, "offender.score"), 2);
}

static enum db_status
key_seen(struct db *db, int64_t id, struct seen *s)
{
	struct db_key_dates_list l = { 0 };
	enum db_status st = db_key_dates_history(db, id, &l);

	if (l.n > 0 && s->n == 0)
		str_copy(s->first, l.v[0].expected_release, sizeof s->first);
	s->n += l.n;
	db_list_free(&l);
	return st;
}

static void
key_dates__checked__history_kept__unchanged_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct db_key_dates k, got;
	struct seen s = { 0 };

	db_key_dates_init(&k);
	str_copy(k.expected_release, "2012-13-01", sizeof k.expected_release);
	assert_int_equal(db_key_dates_set(f->bob, f->id, &k), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "expected_release"));
	str_copy(k.expected_release, "2012-06-15", sizeof k.expected_release);
	str_copy(k.notification_end, "forever", sizeof k.notification_end);
	assert_int_equal(db_key_dates_set(f->bob, f->id, &k), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "notification_end"));
	str_copy(k.notification_end, CF_INDEFINITE, sizeof k.notification_end);
	k.release_type = CF_REL_N;
	assert_int_equal(db_key_dates_set(f->bob, f->id, &k), DB_INVALID);
	k.release_type = -1;
	str_copy(k.sentence_expiry, "2015-06-14", sizeof k.sentence_expiry);
	assert_int_equal(db_key_dates_set(f->bob, f->id, &k), DB_OK);
	assert_int_equal(db_key_dates_set(f->bob, f->id, &k), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM key_dates"), 1);
	str_copy(k.expected_release, "2012-07-01", sizeof k.expected_release);
	str_copy(k.mappa_j_sent, "2012-05-01", sizeof k.mappa_j_sent);
	assert_int_equal(db_key_dates_set(f->bob, f->id, &k), DB_OK);
	assert_int_equal(db_key_dates_get(f->bob, f->id, &got), DB_OK);
	assert_string_equal(got.expected_release, "2012-07-01");
	assert_string_equal(got.notification_end, CF_INDEFINITE);
	assert_string_equal(got.recorded_by, "bob");
	assert_int_equal(key_seen(f->bob, f->id, &s),
			 DB_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.first, "2012-07-01");
	/* The second audit row names only what changed. */
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'offender.dates' AND detail LIKE "
				  "'%: expected_release,mappa_j_sent'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "detail LIKE '%2012-07-01%'"), 0);
}

static void
order_end__names_an_order_of_the_history(void **state)
{
	struct fx *f = *state;
	struct db_order_end oe = { 0 };
	struct db_offender o = { 0 };
	struct db_event e;

	o.id = f->id;
	assert_int_equal(db_offender_version(f->db, f->id, &o.version), DB_OK);
	e = tu_event("2011-02-01", EV_ORDER, 0, 0, ORDER_SOPO, SRC_MAPPA);
	assert_int_equal(db_event_add(f->db, f->id, &o.version, &e,
				      MDATE_NONE), DB_OK);
	oe.kind = ORDER_SHPO;
	str_copy(oe.made, "2011-02-01", sizeof oe.made);
	str_copy(oe.ends, "2016-02-01", sizeof oe.ends);
	assert_int_equal(db_order_end_set(f->bob, f->id, &oe), DB_INVALID);
	oe.kind = ORDER_SOPO;
	str_copy(oe.ends, "2010-02-01", sizeof oe.ends);
	assert_int_equal(db_order_end_set(f->bob, f->id, &oe), DB_INVALID);
	str_copy(oe.ends, "2016-02-01", sizeof oe.ends);
	assert_int_equal(db_order_end_set(f->bob, f->id, &oe), DB_OK);
	assert_int_equal(audit_rows(f->db, "offender.order_end"), 1);
}

static enum db_status
offence_seen(struct db *db, int64_t id, struct seen *s)
{
	struct db_offences l = { 0 };
	enum db_status st = db_offence_list(db, id, &l);

	if (l.n > 0 && s->n == 0) {
		str_copy(s->first, l.v[0].description, sizeof s->first);
		s->index_first = l.v[0].is_index;
	}
	s->n += l.n;
	db_list_free(&l);
	return st;
}

static void
offences__index_first__description_required(void **state)
{
	struct fx *f = *state;
	struct db_offence o = { 0 };
	struct seen s = { 0 };

	o.is_index = true;
	assert_int_equal(db_offence_add(f->bob, f->id, &o), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "description"));
	str_copy(o.description, "Sexual assault (s.3 SOA 2003)", sizeof o.description);
	str_copy(o.date, "2010-31-01", sizeof o.date);
	assert_int_equal(db_offence_add(f->bob, f->id, &o), DB_INVALID);
	str_copy(o.date, "2010-10-01", sizeof o.date);
	str_copy(o.court, "Leeds Crown Court", sizeof o.court);
	str_copy(o.sentence, "4 years' imprisonment", sizeof o.sentence);
	assert_int_equal(db_offence_add(f->bob, f->id, &o), DB_OK);
	memset(&o, 0, sizeof o);
	str_copy(o.description, "Breach of SOPO", sizeof o.description);
	assert_int_equal(db_offence_add(f->bob, f->id, &o), DB_OK);
	assert_int_equal(offence_seen(f->bob, f->id, &s),
			 DB_OK);
	assert_int_equal(s.n, 2);
	assert_true(s.index_first);
	assert_string_equal(s.first, "Sexual assault (s.3 SOA 2003)");
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "detail LIKE '%Leeds%'"), 0);
}

static enum db_status
note_seen(struct db *db, int64_t id, struct seen *s)
{
	struct db_notes l = { 0 };
	enum db_status st = db_note_list(db, id, &l);

	if (l.n > 0 && s->n == 0)
		str_copy(s->first, l.v[0].subject, sizeof s->first);
	s->n += l.n;
	db_list_free(&l);
	return st;
}

static enum db_status
disclosure_seen(struct db *db, int64_t id, struct seen *s)
{
	struct db_disclosures l = { 0 };
	enum db_status st = db_disclosure_list(db, id, &l);

	if (l.n > 0 && s->n == 0)
		str_copy(s->first, l.v[0].recipient, sizeof s->first);
	s->n += l.n;
	db_list_free(&l);
	return st;
}

static void
notes__append_only__correction_points_at_its_note(void **state)
{
	struct fx *f = *state;
	struct db_note n = { 0 }, c = { 0 };
	struct db_offender o2;
	struct seen s = { 0 };

	str_copy(n.date, "2012-02-01", sizeof n.date);
	str_copy(n.subject, "Home visit", sizeof n.subject);
	assert_int_equal(db_note_add(f->bob, f->id, &n), DB_INVALID);
	str_copy(n.text, "Seen at home.\nNo concerns.", sizeof n.text);
	assert_int_equal(db_note_add(f->bob, f->id, &n), DB_OK);
	assert_string_equal(n.author, "bob");
	/* A correction points at a note of the same case. */
	add_case(f->db, "C2", &o2);
	str_copy(c.date, "2012-02-02", sizeof c.date);
	str_copy(c.subject, "Correction", sizeof c.subject);
	str_copy(c.text, "Seen at his sister's address.", sizeof c.text);
	c.corrects = n.id;
	assert_int_equal(db_note_add(f->bob, o2.id, &c), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "corrects"));
	assert_int_equal(db_note_add(f->bob, f->id, &c), DB_OK);
	assert_int_equal(note_seen(f->bob, f->id, &s), DB_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.first, "Correction");
	/* The table itself refuses a change or a removal. */
	assert_int_not_equal(sqlite3_exec(f->db->sql, "UPDATE case_notes SET "
					  "text = 'x'", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(f->db->sql, "DELETE FROM case_notes",
					  NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM case_notes"),
			 2);
}

static void
disclosures__decider_and_undertaking_rules(void **state)
{
	struct fx *f = *state;
	struct db_disclosure d = { 0 };

	str_copy(d.date, "2012-05-22", sizeof d.date);
	d.disclosed = true;
	str_copy(d.recipient, "Head teacher, St Mary's", sizeof d.recipient);
	str_copy(d.what, "Conviction and conditions of the SOPO", sizeof d.what);
	str_copy(d.why, "Contact with pupils at the school gate", sizeof d.why);
	assert_int_equal(db_disclosure_add(f->bob, f->id, &d), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "decided by"));
	str_copy(d.decided_by, "ACO Probation", sizeof d.decided_by);
	d.meeting_id = f->meeting;
	assert_int_equal(db_disclosure_add(f->bob, f->id, &d), DB_INVALID);
	d.decided_by[0] = '\0';
	/* The meeting must have been held. */
	assert_int_equal(db_disclosure_add(f->bob, f->id, &d), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "not held"));
	assert_int_equal(db_meeting_hold(f->db, f->meeting, D("2012-06-30"),
					 NULL), DB_OK);
	d.undertaking = true;
	assert_int_equal(db_disclosure_add(f->bob, f->id, &d), DB_OK);
	memset(&d, 0, sizeof d);
	str_copy(d.date, "2012-06-01", sizeof d.date);
	str_copy(d.recipient, "Employer", sizeof d.recipient);
	str_copy(d.what, "Index offence", sizeof d.what);
	str_copy(d.why, "No access to children in the role", sizeof d.why);
	str_copy(d.decided_by, "DI Police", sizeof d.decided_by);
	d.undertaking = true;
	assert_int_equal(db_disclosure_add(f->bob, f->id, &d), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "undertaking"));
	d.undertaking = false;
	assert_int_equal(db_disclosure_add(f->bob, f->id, &d), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM disclosures"),
			 2);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "detail LIKE '%St Mary%' OR detail LIKE "
				  "'%Employer%'"), 0);
}

/* The schema's CHECKs take every name core has, and no other: the names
 * are core's, and the schema only guards them. */
static void
names__core_and_schema_agree(void **state)
{
	struct fx *f = *state;
	struct db_risk r = { 0 };
	struct db_key_dates k;
	char sql[200];

	str_copy(r.date, "2012-02-03", sizeof r.date);
	for (int i = 0; i < CF_ROSH_N; i++) {
		r.rosh = i;
		assert_int_equal(db_risk_add(f->bob, f->id, &r), DB_OK);
	}
	for (int i = 0; i < CF_REL_N; i++) {
		db_key_dates_init(&k);
		k.release_type = i;
		str_copy(k.mappa_j_sent, i % 2 ? "2012-01-01" : "2012-01-02",
			 sizeof k.mappa_j_sent);
		assert_int_equal(db_key_dates_set(f->bob, f->id, &k), DB_OK);
	}
	r.at_risk = (1u << CF_RISK_N) - 1;
	assert_int_equal(db_risk_add(f->bob, f->id, &r), DB_OK);
	snprintf(sql, sizeof sql, "INSERT INTO risk_assessments(offender_id, "
		 "date, rosh, recorded_by, recorded_at) VALUES (%lld, "
		 "'2012-01-01', 'extreme', 'x', 'x')", (long long)f->id);
	assert_int_not_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
			     SQLITE_OK);
	snprintf(sql, sizeof sql, "INSERT INTO risk_assessments(offender_id, "
		 "date, rosh, at_risk, recorded_by, recorded_at) VALUES (%lld, "
		 "'2012-01-01', 'low', %d, 'x', 'x')", (long long)f->id,
		 1 << CF_RISK_N);
	assert_int_not_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
			     SQLITE_OK);
}

static void
lay__refused_everything(void **state)
{
	struct fx *f = *state;
	struct db_risk r = { 0 };
	struct db_note n = { 0 };
	struct db_key_dates k;
	struct db_offender o;
	struct seen s = { 0 };
	struct db_key_cases kc = { 0 };
	struct db_duplicates dl = { 0 };

	str_copy(r.date, "2012-02-03", sizeof r.date);
	assert_int_equal(db_risk_add(f->lay, f->id, &r), DB_REFUSED);
	assert_int_equal(risk_seen(f->lay, f->id, &s),
			 DB_REFUSED);
	assert_int_equal(score_seen(f->lay, f->id, &s),
			 DB_REFUSED);
	assert_int_equal(db_key_dates_get(f->lay, f->id, &k), DB_REFUSED);
	assert_int_equal(offence_seen(f->lay, f->id, &s),
			 DB_REFUSED);
	str_copy(n.date, "2012-02-03", sizeof n.date);
	str_copy(n.subject, "x", sizeof n.subject);
	str_copy(n.text, "x", sizeof n.text);
	assert_int_equal(db_note_add(f->lay, f->id, &n), DB_REFUSED);
	assert_int_equal(note_seen(f->lay, f->id, &s),
			 DB_REFUSED);
	assert_int_equal(disclosure_seen(f->lay, f->id, &s),
			 DB_REFUSED);
	assert_int_equal(db_key_list(f->lay, DB_KEY_MAPPA_J, D("2012-05-01"),
				     &kc), DB_REFUSED);
	tu_offender(&o, "NEW");
	assert_int_equal(db_duplicates(f->lay, &o, &dl),
			 DB_REFUSED);
	assert_int_equal(s.n, 0);
	assert_int_equal(kc.n, 0);
	assert_int_equal(dl.n, 0);
	db_list_free(&kc);
	db_list_free(&dl);
}

struct dups {
	int n;
	char refs[8][64];
};

/* The possible duplicates of O into S, how many into *N. */
static enum db_status
dup_seen(struct db *db, const struct db_offender *o, struct dups *s, int *n)
{
	struct db_duplicates l = { 0 };
	enum db_status st = db_duplicates(db, o, &l);

	for (int i = 0; i < l.n; i++) {
		const struct db_duplicate *d = &l.v[i];

		if (s->n < 8)
			snprintf(s->refs[s->n], sizeof s->refs[0], "%s %s",
				 d->ref, db_dup_match_name(d->match));
		s->n++;
	}
	if (n)
		*n = l.n;
	db_list_free(&l);
	return st;
}

static void
duplicates__pnc_crn_visor_name_dob__named(void **state)
{
	struct fx *f = *state;
	struct db_offender a, b;
	struct dups s = { 0 };
	int n = -1;

	tu_offender(&a, "D1");
	str_copy(a.forenames, "Amos", sizeof a.forenames);
	str_copy(a.dob, "1970-01-02", sizeof a.dob);
	str_copy(a.pnc, "11/275516Q", sizeof a.pnc);
	str_copy(a.crn, "X123456", sizeof a.crn);
	str_copy(a.visor, "V1", sizeof a.visor);
	assert_int_equal(db_offender_add(f->db, &a), DB_OK);

	tu_offender(&b, "D2");
	str_copy(b.surname, "Other", sizeof b.surname);
	assert_int_equal(dup_seen(f->bob, &b, &s, &n), DB_OK);
	assert_int_equal(n, 0);
	str_copy(b.pnc, "11/275516q", sizeof b.pnc);
	assert_int_equal(dup_seen(f->bob, &b, &s, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(s.refs[0], "D1 PNC");
	memset(&s, 0, sizeof s);
	b.pnc[0] = '\0';
	str_copy(b.crn, "x123456", sizeof b.crn);
	assert_int_equal(dup_seen(f->bob, &b, &s, &n), DB_OK);
	assert_string_equal(s.refs[0], "D1 CRN");
	memset(&s, 0, sizeof s);
	b.crn[0] = '\0';
	str_copy(b.visor, "V1", sizeof b.visor);
	assert_int_equal(dup_seen(f->bob, &b, &s, &n), DB_OK);
	assert_string_equal(s.refs[0], "D1 ViSOR number");
	memset(&s, 0, sizeof s);
	b.visor[0] = '\0';
	str_copy(b.surname, "ZORBLEWICK", sizeof b.surname);
	str_copy(b.forenames, "amos", sizeof b.forenames);
	assert_int_equal(dup_seen(f->bob, &b, &s, &n), DB_OK);
	assert_int_equal(n, 0); /* no date of birth: no match by name */
	str_copy(b.dob, "1970-01-02", sizeof b.dob);
	assert_int_equal(dup_seen(f->bob, &b, &s, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(s.refs[0], "D1 name and date of birth");
	/* A record never matches itself. */
	a.version = 0;
	assert_int_equal(dup_seen(f->bob, &a, &s, &n), DB_OK);
	assert_int_equal(n, 0);
}

struct listed {
	int n;
	char line[8][80];
};

/* List L on TODAY into LS, a line a case. */
static enum db_status
key_case_seen(struct db *db, enum db_key_list l, mdate today,
	      struct listed *ls)
{
	struct db_key_cases cases = { 0 };
	enum db_status st = db_key_list(db, l, today, &cases);

	for (int i = 0; i < cases.n; i++) {
		const struct db_key_case *c = &cases.v[i];

		if (ls->n < 8)
			snprintf(ls->line[ls->n], sizeof ls->line[0],
				 "%s %s %s %d", c->ref, c->date, c->due,
				 c->j_state);
		ls->n++;
	}
	db_list_free(&cases);
	return st;
}

/* A case in custody with key dates K. */
static int64_t
custody_case(struct fx *f, const char *ref, const char *release,
	     const char *sent)
{
	struct db_offender o;
	struct db_event e;
	struct db_key_dates k;

	add_case(f->db, ref, &o);
	e = tu_event("2011-03-01", EV_CUSTODY, 0, 0, CUSTODY_NEW_SENTENCE,
		     SRC_MAPPA);
	assert_int_equal(db_event_add(f->db, o.id, &o.version, &e,
				      MDATE_NONE), DB_OK);
	db_key_dates_init(&k);
	str_copy(k.expected_release, release, sizeof k.expected_release);
	str_copy(k.mappa_j_sent, sent, sizeof k.mappa_j_sent);
	str_copy(k.licence_expiry, release, sizeof k.licence_expiry);
	assert_int_equal(db_key_dates_set(f->db, o.id, &k), DB_OK);
	return o.id;
}

static void
mappa_j_list__due_and_overdue__on_fixed_dates(void **state)
{
	struct fx *f = *state;
	struct listed l = { 0 };
	char line[80];

	custody_case(f, "J1", "2012-06-15", "");          /* due 05-04 */
	custody_case(f, "J2", "2012-05-20", "");          /* due 04-08 */
	custody_case(f, "J3", "2012-05-20", "2012-04-01"); /* sent */
	custody_case(f, "J4", "2012-12-01", "");          /* not yet due */
	assert_int_equal(key_case_seen(f->bob, DB_KEY_MAPPA_J, D("2012-04-20"), &l), DB_OK);
	assert_int_equal(l.n, 2);
	snprintf(line, sizeof line, "J2 2012-05-20 2012-04-08 %d",
		 CF_J_OVERDUE);
	assert_string_equal(l.line[0], line);
	snprintf(line, sizeof line, "J1 2012-06-15 2012-05-04 %d", CF_J_DUE);
	assert_string_equal(l.line[1], line);
	/* Earlier, only J2 is in the window; nothing overdue yet. */
	memset(&l, 0, sizeof l);
	assert_int_equal(key_case_seen(f->bob, DB_KEY_MAPPA_J, D("2012-02-27"), &l), DB_OK);
	assert_int_equal(l.n, 1);
	snprintf(line, sizeof line, "J2 2012-05-20 2012-04-08 %d", CF_J_DUE);
	assert_string_equal(l.line[0], line);
	/* Releases in the next six weeks. */
	memset(&l, 0, sizeof l);
	assert_int_equal(key_case_seen(f->bob, DB_KEY_RELEASES, D("2012-05-04"), &l), DB_OK);
	assert_int_equal(l.n, 3);
	assert_non_null(strstr(l.line[0], "J2 2012-05-20"));
	assert_non_null(strstr(l.line[2], "J1 2012-06-15"));
	memset(&l, 0, sizeof l);
	assert_int_equal(key_case_seen(f->bob, DB_KEY_LICENCES, D("2012-05-21"), &l), DB_OK);
	assert_int_equal(l.n, 1);
	/* The lists do not log: their callers do, once. */
	assert_int_equal(audit_rows(f->db, "keydates.view"), 0);
}

static void
erasure__removes_the_case_file_but_counts(void **state)
{
	struct fx *f = *state;
	struct db_offender o;
	struct db_event e;
	struct db_risk r = { 0 };
	struct db_note n = { 0 };
	struct db_offence of = { 0 };
	struct db_disclosure d = { 0 };
	struct db_score sc = { 0 };

	add_case(f->db, "E1", &o);
	str_copy(r.date, "2012-01-01", sizeof r.date);
	r.rosh = CF_ROSH_HIGH;
	str_copy(r.assessor, "Assessor Name", sizeof r.assessor);
	assert_int_equal(db_risk_add(f->db, o.id, &r), DB_OK);
	str_copy(sc.date, "2012-01-01", sizeof sc.date);
	str_copy(sc.tool, "OASys", sizeof sc.tool);
	str_copy(sc.score, "45", sizeof sc.score);
	assert_int_equal(db_score_add(f->db, o.id, &sc), DB_OK);
	str_copy(n.date, "2012-01-01", sizeof n.date);
	str_copy(n.subject, "Subject", sizeof n.subject);
	str_copy(n.text, "Text naming a victim", sizeof n.text);
	assert_int_equal(db_note_add(f->db, o.id, &n), DB_OK);
	str_copy(of.description, "Offence", sizeof of.description);
	assert_int_equal(db_offence_add(f->db, o.id, &of), DB_OK);
	str_copy(d.date, "2012-01-01", sizeof d.date);
	str_copy(d.recipient, "x", sizeof d.recipient);
	str_copy(d.what, "x", sizeof d.what);
	str_copy(d.why, "x", sizeof d.why);
	str_copy(d.decided_by, "Someone", sizeof d.decided_by);
	assert_int_equal(db_disclosure_add(f->db, o.id, &d), DB_OK);
	e = tu_event("2012-02-01", EV_EXIT, 0, 0, EXIT_OTHER, SRC_MAPPA);
	assert_int_equal(db_event_add(f->db, o.id, &o.version, &e,
				      MDATE_NONE), DB_OK);
	assert_int_equal(db_retention_erase(f->db, o.id, "no longer needed"),
			 DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM "
				  "risk_assessments WHERE assessor IS NOT "
				  "NULL"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM "
				  "risk_assessments"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM "
				  "scored_assessments"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offences"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM disclosures"),
			 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM case_notes "
				  "WHERE text IS NOT NULL OR subject IS NOT "
				  "NULL"), 0);
	/* And nothing more may be written to it. */
	assert_int_equal(db_risk_add(f->db, o.id, &r), DB_INVALID);
}

/* Every list hands over every row, in its order, whole; a second read
 * into the same list fills it anew (more rows than any first
 * allocation, so that growth is crossed). */
static void
lists__every_row_in_order_refilled_anew(void **state)
{
	struct fx *f = *state;
	struct db_notes notes = { 0 };
	struct db_offences offences = { 0 };
	struct db_disclosures disclosures = { 0 };
	struct db_meeting_disclosures minuted = { 0 };
	struct db_key_dates_list history = { 0 };
	struct db_key_cases cases = { 0 };
	struct db_offender other;
	char buf[64];
	enum { N = 40 };

	assert_int_equal(db_meeting_hold(f->db, f->meeting, D("2012-06-30"),
					 NULL), DB_OK);
	for (int i = 0; i < N; i++) {
		struct db_note n = { 0 };
		struct db_offence o = { 0 };
		struct db_disclosure d = { 0 };
		struct db_key_dates k;

		str_copy(n.date, "2012-02-01", sizeof n.date);
		snprintf(n.subject, sizeof n.subject, "note %02d", i);
		snprintf(n.text, sizeof n.text, "text of note %02d", i);
		assert_int_equal(db_note_add(f->bob, f->id, &n), DB_OK);
		o.is_index = i == 7;
		snprintf(o.description, sizeof o.description, "offence %02d",
			 i);
		assert_int_equal(db_offence_add(f->bob, f->id, &o), DB_OK);
		/* Dates out of the order added: the list is by date. */
		snprintf(d.date, sizeof d.date, "2012-03-%02d", 1 + (i * 7) % N
			 % 28);
		snprintf(d.recipient, sizeof d.recipient, "recipient %02d", i);
		str_copy(d.what, "what", sizeof d.what);
		str_copy(d.why, "why", sizeof d.why);
		d.meeting_id = f->meeting;
		assert_int_equal(db_disclosure_add(f->bob, f->id, &d), DB_OK);
		db_key_dates_init(&k);
		snprintf(k.sentence_expiry, sizeof k.sentence_expiry,
			 "2020-01-%02d", 1 + i % 28);
		snprintf(k.licence_expiry, sizeof k.licence_expiry,
			 "2021-%02d-01", 1 + i % 12);
		assert_int_equal(db_key_dates_set(f->bob, f->id, &k), DB_OK);
	}
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(db_note_list(f->bob, f->id, &notes), DB_OK);
		assert_int_equal(notes.n, N);
		for (int i = 0; i < N; i++) {
			snprintf(buf, sizeof buf, "note %02d", N - 1 - i);
			assert_string_equal(notes.v[i].subject, buf);
			snprintf(buf, sizeof buf, "text of note %02d",
				 N - 1 - i);
			assert_string_equal(notes.v[i].text, buf);
			assert_string_equal(notes.v[i].author, "bob");
		}
		assert_int_equal(db_offence_list(f->bob, f->id, &offences),
				 DB_OK);
		assert_int_equal(offences.n, N);
		assert_string_equal(offences.v[0].description, "offence 07");
		assert_true(offences.v[0].is_index);
		for (int i = 1, want = N - 1; i < N; i++, want--) {
			if (want == 7)
				want--;
			snprintf(buf, sizeof buf, "offence %02d", want);
			assert_string_equal(offences.v[i].description, buf);
			assert_false(offences.v[i].is_index);
		}
		assert_int_equal(db_disclosure_list(f->bob, f->id,
						    &disclosures), DB_OK);
		assert_int_equal(disclosures.n, N);
		for (int i = 1; i < N; i++) {
			const struct db_disclosure *a = &disclosures.v[i - 1];
			const struct db_disclosure *b = &disclosures.v[i];

			assert_true(strcmp(a->date, b->date) > 0 ||
				    (strcmp(a->date, b->date) == 0 &&
				     a->id > b->id));
			assert_string_equal(b->meeting_date, "2012-05-22");
		}
		assert_int_equal(db_meeting_disclosures(f->bob, f->meeting,
							&minuted), DB_OK);
		assert_int_equal(minuted.n, N);
		for (int i = 0; i < N; i++) {
			snprintf(buf, sizeof buf, "recipient %02d", i);
			assert_string_equal(minuted.v[i].d.recipient, buf);
			assert_string_equal(minuted.v[i].ref, "C1");
		}
		assert_int_equal(db_key_dates_history(f->bob, f->id, &history),
				 DB_OK);
		assert_int_equal(history.n, N);
		for (int i = 0; i < N; i++) {
			int was = N - 1 - i;

			snprintf(buf, sizeof buf, "2020-01-%02d", 1 + was % 28);
			assert_string_equal(history.v[i].sentence_expiry, buf);
			snprintf(buf, sizeof buf, "2021-%02d-01", 1 + was % 12);
			assert_string_equal(history.v[i].licence_expiry, buf);
			assert_int_equal(history.v[i].release_type, -1);
		}
	}
	/* Refilled from another case: only its rows remain. */
	add_case(f->db, "C2", &other);
	assert_int_equal(db_note_list(f->bob, other.id, &notes), DB_OK);
	assert_int_equal(notes.n, 0);
	assert_true(notes.cap >= N);
	/* More key-date cases than a first allocation, soonest first, each
	 * with its status. */
	for (int i = 0; i < 20; i++) {
		struct db_offender o;
		struct db_event e;
		struct db_key_dates k;
		char ref[16];

		snprintf(ref, sizeof ref, "K%02d", i);
		add_case(f->db, ref, &o);
		e = tu_event("2011-03-01", EV_CUSTODY, 0, 0,
			     CUSTODY_NEW_SENTENCE, SRC_MAPPA);
		assert_int_equal(db_event_add(f->db, o.id, &o.version, &e,
					      MDATE_NONE), DB_OK);
		db_key_dates_init(&k);
		snprintf(k.expected_release, sizeof k.expected_release,
			 "2012-05-%02d", 30 - i);
		assert_int_equal(db_key_dates_set(f->db, o.id, &k), DB_OK);
	}
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(db_key_list(f->bob, DB_KEY_RELEASES,
					     D("2012-05-01"), &cases), DB_OK);
		assert_int_equal(cases.n, 20);
		for (int i = 0; i < 20; i++) {
			snprintf(buf, sizeof buf, "K%02d", 19 - i);
			assert_string_equal(cases.v[i].ref, buf);
			assert_int_equal(cases.v[i].status, CASE_CUSTODY);
		}
	}
	db_list_free(&notes);
	db_list_free(&offences);
	db_list_free(&disclosures);
	db_list_free(&minuted);
	db_list_free(&history);
	db_list_free(&cases);
	assert_null(notes.v);
	assert_int_equal(cases.n, 0);
}

/* A text as long as its limit is kept whole; one byte longer is refused,
 * never cut to fit. */
static void
texts__longest_kept_whole__longer_refused(void **state)
{
	struct fx *f = *state;
	struct db_note n = { 0 };
	struct db_notes notes = { 0 };

	str_copy(n.date, "2012-02-01", sizeof n.date);
	str_copy(n.subject, "Long", sizeof n.subject);
	/* As much as the member holds: more than the limit. */
	memset(n.text, 'x', sizeof n.text - 1);
	n.text[sizeof n.text - 1] = '\0';
	assert_true(strlen(n.text) > CF_TEXT_MAX);
	assert_int_equal(db_note_add(f->bob, f->id, &n), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->bob), "text is too long"));
	n.text[CF_TEXT_MAX] = '\0';
	assert_int_equal(db_note_add(f->bob, f->id, &n), DB_OK);
	assert_int_equal(db_note_list(f->bob, f->id, &notes), DB_OK);
	assert_int_equal(notes.n, 1);
	assert_int_equal(strlen(notes.v[0].text), CF_TEXT_MAX);
	assert_string_equal(notes.v[0].text, n.text);
	db_list_free(&notes);
}

static void
notes_field__becomes_the_first_note(void **state)
{
	struct fx *f = *state;
	struct db_offender o;
	char err[512];

	/* A new record's notes are its first note. */
	tu_offender(&o, "N1");
	o.notes = (char *)"Known to children's services.";
	assert_int_equal(db_offender_add(f->db, &o), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM case_notes "
				  "WHERE text = 'Known to children''s "
				  "services.' AND author = 'alice'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders "
				  "WHERE notes IS NOT NULL"), 0);
	/* A database from before: its notes become first notes when it
	 * is opened. */
	{
		int v = 0;

		/* Back to the schema before the case file, whatever its
		 * number. */
		while (v < db_migration_count &&
		       !strstr(db_migrations[v], "CREATE TABLE case_notes"))
			v++;
		assert_true(v < db_migration_count);
		tu_schema_rewind(f->db->sql, v);
	}
	assert_int_equal(sqlite3_exec(f->db->sql,
		"UPDATE offenders SET notes = 'Old notes of ' || ref "
		"WHERE ref IN ('C1','N1');", NULL, NULL, NULL), SQLITE_OK);
	db_close(f->db);
	assert_int_equal(db_open(&f->db, f->path, "alice", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM case_notes "
				  "WHERE text LIKE 'Old notes of %' AND "
				  "subject = 'Notes'"), 2);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders "
				  "WHERE notes IS NOT NULL"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pnc__check_letter__matches_worked_examples),
		cmocka_unit_test(pnc__malformed_or_wrong_letter__refused),
		cmocka_unit_test(crn_and_ref__rules),
		cmocka_unit_test(names__parse_what_they_print),
		cmocka_unit_test(
			mappa_j__due_six_weeks_before_release__on_fixed_dates),
		cmocka_unit_test(level_deadline__six_months_before__month_ends),
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(risk__fields_checked__history_current_first),
		T(score__tool_from_the_setting),
		T(key_dates__checked__history_kept__unchanged_writes_nothing),
		T(order_end__names_an_order_of_the_history),
		T(offences__index_first__description_required),
		T(notes__append_only__correction_points_at_its_note),
		T(disclosures__decider_and_undertaking_rules),
		T(names__core_and_schema_agree),
		T(lay__refused_everything),
		T(duplicates__pnc_crn_visor_name_dob__named),
		T(mappa_j_list__due_and_overdue__on_fixed_dates),
		T(erasure__removes_the_case_file_but_counts),
		T(notes_field__becomes_the_first_note),
		T(lists__every_row_in_order_refilled_anew),
		T(texts__longest_kept_whole__longer_refused),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
