/*
 * kpi.c -- the facts behind the performance indicators (core/kpi.h, where
 * the rules are written down), one query per indicator over one read
 * snapshot.
 *
 * Each query walks only the year's rows by an index (meetings by date,
 * referrals and actions by their dates, releases by a scan of the events
 * that is already the floor of the statistics) and answers the "what came
 * before" of each row with a correlated look-up on an index keyed by the
 * case: the events' primary key (offender, date) and the agenda items by
 * offender.  A lay adviser's queries never read a name: the names column
 * is bound off, and no shortfall is kept for them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kpi.h"
#include "core/util.h"
#include "db/db_internal.h"

/* A row's date column, parsed; MDATE_NONE when NULL or damaged. */
static mdate
col_date(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	mdate d;

	if (s == NULL || date_parse_n(s, (size_t)sqlite3_column_bytes(st, i),
				      &d) != 0)
		return MDATE_NONE;
	return d;
}

/* "Surname, Forenames" of columns I and I+1 into BUF. */
static const char *
col_name(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	const char *f = (const char *)sqlite3_column_text(st, i + 1);

	if (s == NULL || *s == '\0')
		buf[0] = '\0';
	else if (f == NULL || *f == '\0')
		str_copy(buf, s, n);
	else
		str_printf(buf, n, "%s, %s", s, f);
	return buf;
}

/* Bind the year's first and last day as ?1 and ?2, the names flag as ?3. */
static void
bind_year(sqlite3_stmt *st, const struct kpi *k, bool names)
{
	char a[MDATE_BUFSZ], b[MDATE_BUFSZ];

	date_format(report_year_start(k->year), a);
	date_format(report_year_end(k->year), b);
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int(st, 3, names);
}

static enum db_status
finish(struct db *db, sqlite3_stmt *st, int rc, const char *what)
{
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, what);
	return DB_OK;
}

/* 1. Attendance: each invitation to a held meeting of the year. */
static enum db_status
attendance(struct db *db, struct kpi *k)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT m.id, m.date, m.level, ma.agency, ma.attendance "
		"FROM meetings m JOIN meeting_agencies ma ON ma.meeting_id = m.id "
		"WHERE m.date BETWEEN ?1 AND ?2 AND m.status = 'held' AND ma.invited = 1 "
		"ORDER BY m.date, m.id");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	bind_year(st, k, false);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ag = (const char *)sqlite3_column_text(st, 3);
		const char *att = (const char *)sqlite3_column_text(st, 4);
		int a = kpi_agency_index(k, ag);
		bool met = agenda_attended(agenda_attendance_parse(att));
		char detail[96];
		struct kpi_case c = { 0, sqlite3_column_int64(st, 0), "", "",
				      detail };

		if (a < 0)
			continue;
		str_printf(detail, sizeof detail, "Level %d meeting: %s",
			   sqlite3_column_int(st, 2),
			   att ? att : "attendance not recorded");
		if (kpi_add(k, KPI_ATTENDANCE, a, col_date(st, 1), met, -1,
			    &c) != 0)
			break;
	}
	return finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc,
		      "reading attendance");
}

/* 2. Initial meetings: each referral of the year at Level 2 or 3. */
static enum db_status
initial(struct db *db, struct kpi *k, mdate today,
	const struct agenda_holidays *h, const struct process_settings *iv)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT r.offender_id, r.date, r.proposed_level, "
		"  coalesce((SELECT m.date FROM meetings m "
		"     WHERE m.id = r.meeting_id AND m.status = 'held'), "
		"   (SELECT min(m.date) FROM agenda_items ai "
		"     JOIN meetings m ON m.id = ai.meeting_id "
		"     WHERE ai.offender_id = r.offender_id "
		"     AND ai.referral_id = r.id AND ai.discussed = 1 "
		"     AND m.status = 'held')), "
		"  coalesce(r.meeting_id, (SELECT min(ai.meeting_id) "
		"     FROM agenda_items ai WHERE ai.offender_id = r.offender_id "
		"     AND ai.referral_id = r.id)), "
		"  o.ref, CASE WHEN ?3 THEN o.surname END, "
		"  CASE WHEN ?3 THEN o.forenames END "
		"FROM referrals r JOIN offenders o ON o.id = r.offender_id "
		"WHERE r.date BETWEEN ?1 AND ?2 "
		"AND r.proposed_level IN (2, 3) "
		"AND r.outcome IN ('pending','accepted') "
		"ORDER BY r.date, r.id");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	bind_year(st, k, k->identified);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		mdate ref = col_date(st, 1), met_on = col_date(st, 3), due;
		int level = sqlite3_column_int(st, 2);
		char detail[96], name[128], b1[MDATE_BUFSZ], b2[MDATE_BUFSZ];
		struct kpi_case c = { sqlite3_column_int64(st, 0),
				      sqlite3_column_int64(st, 4),
				      (const char *)sqlite3_column_text(st, 5),
				      col_name(st, 6, name, sizeof name),
				      detail };
		int days;
		bool met;

		due = process_initial_due(iv, h, level, ref);
		if (due == MDATE_NONE)
			continue;
		if (met_on == MDATE_NONE) {
			if (due >= today)
				continue; /* still within its interval */
			str_printf(detail, sizeof detail,
				   "Level %d: no initial meeting; due %s",
				   level, date_format(due, b1));
			met = false;
			days = -1;
		} else {
			days = process_working_days_between(h, ref, met_on);
			met = process_on_time(met_on, due);
			str_printf(detail, sizeof detail,
				   "Level %d: met %s after %d working days; "
				   "due %s", level, date_format(met_on, b1),
				   days, date_format(due, b2));
		}
		if (kpi_add(k, KPI_INITIAL, 0, ref, met, met ? days : -1,
			    &c) != 0)
			break;
	}
	return finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc,
		      "reading referrals");
}

/* 3. Reviews: each case discussed as a review at a held meeting. */
static enum db_status
reviews(struct db *db, struct kpi *k, const struct process_settings *iv)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT ai.offender_id, m.id, m.date, m.level, "
		"  (SELECT max(m2.date) FROM agenda_items a2 "
		"     JOIN meetings m2 ON m2.id = a2.meeting_id "
		"     WHERE a2.offender_id = ai.offender_id "
		"     AND a2.discussed = 1 AND m2.status = 'held' "
		"     AND m2.date < m.date), "
		"  (SELECT max(e.date) FROM events e "
		"     WHERE e.offender_id = ai.offender_id AND e.date < m.date "
		"     AND e.type IN ('register','level')), "
		"  o.ref, CASE WHEN ?3 THEN o.surname END, "
		"  CASE WHEN ?3 THEN o.forenames END "
		"FROM meetings m JOIN agenda_items ai ON ai.meeting_id = m.id "
		"JOIN offenders o ON o.id = ai.offender_id "
		"WHERE m.date BETWEEN ?1 AND ?2 AND m.status = 'held' "
		"AND ai.reason = 'review' AND ai.discussed = 1 "
		"ORDER BY m.date, m.id, ai.position");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	bind_year(st, k, k->identified);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		mdate held = col_date(st, 2), prev = col_date(st, 4);
		mdate lev = col_date(st, 5), due;
		int level = sqlite3_column_int(st, 3);
		char detail[96], name[128], b1[MDATE_BUFSZ];
		struct kpi_case c = { sqlite3_column_int64(st, 0),
				      sqlite3_column_int64(st, 1),
				      (const char *)sqlite3_column_text(st, 6),
				      col_name(st, 7, name, sizeof name),
				      detail };

		if (lev != MDATE_NONE && (prev == MDATE_NONE || lev > prev))
			prev = lev;
		if (held == MDATE_NONE || prev == MDATE_NONE)
			continue;
		due = process_review_due(iv, level, prev);
		str_printf(detail, sizeof detail,
			   "Level %d review %d days after the last; due %s",
			   level, (int)(held - prev), date_format(due, b1));
		if (kpi_add(k, KPI_REVIEWS, 0, held,
			    process_on_time(held, due), -1, &c) != 0)
			break;
	}
	return finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc,
		      "reading reviews");
}

/* The last level decision of offender ID from FROM to TO (both
 * included): a register or level event, or a discussion at a held
 * meeting; MDATE_NONE when none, or on a failure (*RC says). */
static mdate
last_decision(struct db *db, int64_t id, mdate from, mdate to, int *rc)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT max(d) FROM ("
		"  SELECT max(x.date) AS d FROM events x WHERE x.offender_id = "
		"    ?1 AND x.type IN ('register','level') AND x.date BETWEEN "
		"    ?2 AND ?3 "
		"  UNION ALL SELECT max(m.date) FROM agenda_items ai "
		"    JOIN meetings m ON m.id = ai.meeting_id "
		"    WHERE ai.offender_id = ?1 AND ai.discussed = 1 "
		"    AND m.status = 'held' AND m.date BETWEEN ?2 AND ?3)");
	char a[MDATE_BUFSZ], b[MDATE_BUFSZ];
	mdate d = MDATE_NONE;

	if (st == NULL) {
		*rc = SQLITE_ERROR;
		return MDATE_NONE;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, date_format(from, a), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, date_format(to, b), -1, SQLITE_TRANSIENT);
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		d = col_date(st, 0);
		*rc = SQLITE_DONE;
	}
	sqlite3_reset(st);
	return d;
}

/* The expected release offender ID's key dates last gave for a spell in
 * custody that began on START (issue 15); MDATE_NONE when none. */
static mdate
expected_release(struct db *db, int64_t id, mdate start, int *rc)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT expected_release FROM key_dates WHERE offender_id = ? "
		"AND expected_release >= ? ORDER BY id DESC LIMIT 1");
	char a[MDATE_BUFSZ];
	mdate d = MDATE_NONE;

	if (st == NULL) {
		*rc = SQLITE_ERROR;
		return MDATE_NONE;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, date_format(start, a), -1, SQLITE_TRANSIENT);
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW)
		d = col_date(st, 0);
	if (*rc == SQLITE_ROW || *rc == SQLITE_DONE)
		*rc = SQLITE_DONE;
	sqlite3_reset(st);
	return d;
}

/* 4. Releases: each release of a registered case, against the level set
 * six months before its expected release (core/kpi.h). */
static enum db_status
releases(struct db *db, struct kpi *k)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT e.offender_id, e.date, "
		"  (SELECT x.type FROM events x WHERE x.offender_id = "
		"     e.offender_id AND x.type IN ('register','exit') AND "
		"     (x.date < e.date OR (x.date = e.date AND x.id < e.id)) "
		"     ORDER BY x.date DESC, x.id DESC LIMIT 1), "
		"  (SELECT max(x.date) FROM events x WHERE x.offender_id = "
		"     e.offender_id AND x.type = 'custody' AND x.date <= "
		"     e.date), "
		"  NULL, "
		"  o.ref, CASE WHEN ?3 THEN o.surname END, "
		"  CASE WHEN ?3 THEN o.forenames END "
		"FROM events e JOIN offenders o ON o.id = e.offender_id "
		"WHERE e.type = 'release' AND e.date BETWEEN ?1 AND ?2");
	int rc, rc2 = SQLITE_DONE;

	if (st == NULL)
		return DB_ERROR;
	bind_year(st, k, k->identified);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *state = (const char *)sqlite3_column_text(st, 2);
		mdate rel = col_date(st, 1), start = col_date(st, 3);
		mdate expected, due, last;
		char detail[160], name[128], b1[MDATE_BUFSZ], b2[MDATE_BUFSZ];
		struct kpi_case c = { sqlite3_column_int64(st, 0), 0,
				      (const char *)sqlite3_column_text(st, 5),
				      col_name(st, 6, name, sizeof name),
				      detail };
		bool met;

		if (state == NULL || strcmp(state, "register") != 0 ||
		    rel == MDATE_NONE)
			continue;
		if (start == MDATE_NONE)
			start = rel;
		expected = expected_release(db, c.offender_id, start, &rc2);
		if (rc2 != SQLITE_DONE)
			break;
		due = kpi_release_deadline(start, expected, rel);
		last = last_decision(db, c.offender_id, start, due, &rc2);
		if (rc2 != SQLITE_DONE)
			break;
		met = last != MDATE_NONE;
		if (met)
			str_printf(detail, sizeof detail, "level set %s, by %s",
				   date_format(last, b1),
				   date_format(due, b2));
		else
			str_printf(detail, sizeof detail, "no level set in "
				   "custody by %s (six months before the %s "
				   "release %s)", date_format(due, b1),
				   expected != MDATE_NONE ? "expected"
							  : "actual",
				   date_format(expected != MDATE_NONE
					       ? expected : rel, b2));
		if (kpi_add(k, KPI_RELEASE, 0, rel, met, -1, &c) != 0)
			break;
	}
	if (rc2 != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_sqlfail(db, rc2, "reading releases");
	}
	return finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc,
		      "reading releases");
}

/* 5. Actions: each action due in the year, once done or overdue; one
 * the meeting dropped is neither done nor late, and is not counted. */
static enum db_status
actions(struct db *db, struct kpi *k, mdate today)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.offender_id, a.meeting_id, a.due, a.done, "
		"  ifnull(o.ref, ''), CASE WHEN ?3 THEN o.surname END, "
		"  CASE WHEN ?3 THEN o.forenames END, a.owner_agency "
		"FROM actions a LEFT JOIN offenders o ON o.id = a.offender_id "
		"WHERE a.due BETWEEN ?1 AND ?2 AND NOT a.dropped "
		"ORDER BY a.due, a.id");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	bind_year(st, k, k->identified);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		mdate due = col_date(st, 2), done = col_date(st, 3);
		const char *ag = (const char *)sqlite3_column_text(st, 7);
		char detail[96], name[128], b1[MDATE_BUFSZ];
		struct kpi_case c = { sqlite3_column_int64(st, 0),
				      sqlite3_column_int64(st, 1),
				      (const char *)sqlite3_column_text(st, 4),
				      col_name(st, 5, name, sizeof name),
				      detail };

		if (due == MDATE_NONE || (done == MDATE_NONE && due >= today))
			continue;
		if (done == MDATE_NONE)
			str_printf(detail, sizeof detail, "%s: still open",
				   ag ? ag : "no agency");
		else
			str_printf(detail, sizeof detail,
				   "%s: done %s, %d days late",
				   ag ? ag : "no agency",
				   date_format(done, b1), (int)(done - due));
		if (kpi_add(k, KPI_ACTIONS, 0, due,
			    done != MDATE_NONE && done <= due, -1, &c) != 0)
			break;
	}
	return finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc,
		      "reading actions");
}

/* The target of each indicator from the settings. */
static enum db_status
targets(struct db *db, struct kpi *k)
{
	for (int i = 0; i < KPI_INDICATORS; i++) {
		char buf[32];
		enum db_status s = db_setting_get(
			db, kpi_target_key((enum kpi_indicator)i), buf,
			sizeof buf);

		if (s != DB_OK)
			return s;
		k->target[i] = atoi(buf);
	}
	return DB_OK;
}

enum db_status
db_kpi(struct db *db, int year, mdate today, const struct agenda_holidays *h,
       struct kpi *k)
{
	struct process_settings iv;
	enum db_status s;
	char detail[64], yb[8];

	kpi_init(k, year, db->role != ROLE_LAY);
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER | DB_LAY,
			    "read the indicators")) != DB_OK)
		return s;
	if ((s = targets(db, k)) != DB_OK ||
	    (s = db_process_settings(db, &iv)) != DB_OK)
		return s;
	/* One read transaction: every indicator from the same snapshot. */
	if (db->depth == 0 && (s = db_exec(db, "BEGIN")) != DB_OK)
		return s;
	if ((s = attendance(db, k)) == DB_OK &&
	    (s = initial(db, k, today, h, &iv)) == DB_OK &&
	    (s = reviews(db, k, &iv)) == DB_OK &&
	    (s = releases(db, k)) == DB_OK)
		s = actions(db, k, today);
	if (db->depth == 0)
		sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
	if (s == DB_OK && k->failed)
		s = db_fail(db, DB_ERROR, "out of memory");
	if (s != DB_OK)
		return s;
	str_printf(detail, sizeof detail, "year %s",
		   report_year_format(year, yb));
	return db_audit_log(db, "kpi.view", NULL, detail);
}
