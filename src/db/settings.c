/*
 * settings.c -- the area's settings and population estimates.
 *
 * Settings are a fixed list of known keys, each with a type, a default
 * and a line of help; a value is checked against its type before it is
 * stored, so a typo cannot break the review arithmetic later.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/process.h"
#include "core/util.h"
#include "db/db_internal.h"

enum setting_type { SET_TEXT, SET_INT, SET_WEEKDAY };

/* What the longest value takes (the statement), terminating NUL included. */
#define SETTING_BUF (DB_STATEMENT_MAX + 1)
/* A number as the text of a default: the schedule's are core/process.h's. */
#define SPELL(x) SPELL_(x)
#define SPELL_(x) #x

static const struct setting {
	const char *key;
	enum setting_type type;
	int min, max;
	const char *def;
	const char *about;
} settings[] = {
	{ "area_name", SET_TEXT, 1, 80, "MAPPA area",
	  "the area's name, printed on reports" },
	{ "review_weeks_level3", SET_INT, 1, 52,
	  SPELL(PROCESS_REVIEW_WEEKS_LEVEL3),
	  "weeks between Level 3 reviews" },
	{ "review_weeks_level2", SET_INT, 1, 52,
	  SPELL(PROCESS_REVIEW_WEEKS_LEVEL2),
	  "weeks between Level 2 reviews" },
	{ "review_months_level1", SET_INT, 1, 60,
	  SPELL(PROCESS_REVIEW_MONTHS_LEVEL1),
	  "months between Level 1 reviews (lead agency policy)" },
	{ "initial_days_level3", SET_INT, 1, 60,
	  SPELL(PROCESS_INITIAL_DAYS_LEVEL3),
	  "working days from referral to a Level 3 initial meeting" },
	{ "initial_days_level2", SET_INT, 1, 60,
	  SPELL(PROCESS_INITIAL_DAYS_LEVEL2),
	  "working days from referral to a Level 2 initial meeting" },
	{ "meeting_day_level2", SET_WEEKDAY, 0, 0, "tuesday",
	  "the weekday Level 2 meetings are held" },
	{ "meeting_day_level3", SET_WEEKDAY, 0, 0, "thursday",
	  "the weekday Level 3 meetings are held" },
	{ "retention_review_years", SET_INT, 1, 100, "10",
	  "years after management ends before a record's retention review" },
	{ "kpi_attendance_pct", SET_INT, 0, 100, "90",
	  "target: % of Level 2/3 meetings each core agency attends" },
	{ "kpi_initial_meeting_pct", SET_INT, 0, 100, "80",
	  "target: % of referrals meeting within the initial interval" },
	{ "kpi_reviews_on_time_pct", SET_INT, 0, 100, "90",
	  "target: % of Level 2/3 reviews held within their interval" },
	{ "kpi_level_before_release_pct", SET_INT, 0, 100, "100",
	  "target: % of releases with the level set beforehand" },
	{ "assessment_tools", SET_TEXT, 1, 400,
	  "OASys,OGRS,OVP,OSP,RSR,RM2000,ARMS,SARN,SA07,VRAG",
	  "the scored assessment tools a case may record, separated by "
	  "commas" },
	{ "kpi_actions_on_time_pct", SET_INT, 0, 100, "85",
	  "target: % of actions completed by their due date" },
	/* The one text of the statement read at the start of every MAPP
	 * meeting: shown in meeting mode, printed in the minutes (issue
	 * 16). */
	{ "meeting_statement", SET_TEXT, 1, DB_STATEMENT_MAX,
	  "The information shared at this meeting is confidential.  It is "
	  "shared to protect the public under the Criminal Justice Act 2003, "
	  "s.325, and may be disclosed beyond the agencies present only with "
	  "the chair's permission.  These minutes are OFFICIAL-SENSITIVE and "
	  "exempt from disclosure under the Freedom of Information Act 2000.  "
	  "Everyone present will treat each person discussed fairly and "
	  "without discrimination on grounds of age, disability, gender "
	  "reassignment, marriage or civil partnership, pregnancy or "
	  "maternity, race, religion or belief, sex or sexual orientation, "
	  "and will make decisions on the evidence of risk alone.",
	  "the confidentiality and diversity statement read at each meeting" },
};

static const struct setting *
find(const char *key)
{
	for (size_t i = 0; i < NELEM(settings); i++)
		if (strcmp(settings[i].key, key) == 0)
			return &settings[i];
	return NULL;
}

/* Check VALUE for S; NULL or what is wrong.  NORM gets the stored form. */
static const char *
check(const struct setting *s, const char *value, char *norm, size_t n)
{
	char *end;
	long v;

	switch (s->type) {
	case SET_TEXT:
		if (strlen(value) < (size_t)s->min ||
		    strlen(value) > (size_t)s->max)
			return "the text is empty or too long";
		if (str_has_control(value, false))
			return "control characters are not allowed";
		str_copy(norm, value, n);
		return NULL;
	case SET_INT:
		v = strtol(value, &end, 10);
		if (*value == '\0' || *end != '\0' || v < s->min || v > s->max)
			return "out of range";
		snprintf(norm, n, "%ld", v);
		return NULL;
	case SET_WEEKDAY:
		if ((v = date_weekday_parse(value)) < 0)
			return "not a weekday (monday .. sunday)";
		str_copy(norm, date_weekday_name((int)v), n);
		return NULL;
	}
	return "unknown type";
}

enum db_status
db_setting_get(struct db *db, const char *key, char *buf, size_t n)
{
	const struct setting *s = find(key);
	sqlite3_stmt *st;
	int rc;

	if (s == NULL)
		return db_fail(db, DB_NOTFOUND, "no setting '%s'", key);
	st = db_stmt(db, "SELECT value FROM settings WHERE key = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, buf, n);
	else
		str_copy(buf, s->def, n);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading the settings");
	return DB_OK;
}

enum db_status
db_setting_set(struct db *db, const char *key, const char *value)
{
	const struct setting *s = find(key);
	char norm[SETTING_BUF], old[SETTING_BUF], detail[320], rec[64];
	const char *why;
	sqlite3_stmt *st;
	enum db_status rs;
	int rc;

	if ((rs = db_require(db, DB_ADMIN, "changing a setting")) !=
	    DB_OK)
		return rs;
	if (s == NULL)
		return db_fail(db, DB_INVALID, "no setting '%s'", key);
	if ((why = check(s, value, norm, sizeof norm)) != NULL)
		return db_fail(db, DB_INVALID, "setting %s: \"%s\": %s", key,
			       value, why);
	if ((rs = db_tx_begin(db)) != DB_OK)
		return rs;
	if ((rs = db_setting_get(db, key, old, sizeof old)) != DB_OK)
		return db_tx_end(db, rs);
	st = db_stmt(db, "INSERT INTO settings(key, value) VALUES (?1, ?2) "
			 "ON CONFLICT(key) DO UPDATE SET value = ?2, "
			 "version = version + 1");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, norm, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "saving a setting"));
	snprintf(rec, sizeof rec, "setting %s", key);
	if (s->type == SET_TEXT)
		snprintf(detail, sizeof detail, "fields: value");
	else
		snprintf(detail, sizeof detail, "value: %.100s -> %.100s", old, norm);
	return db_tx_end(db, db_audit_write(db, "setting.set", rec, detail));
}

enum db_status
db_setting_list(struct db *db, struct db_settings *list)
{
	struct db_setting row;
	enum db_status s;

	list->n = 0;
	for (size_t i = 0; i < NELEM(settings); i++) {
		memset(&row, 0, sizeof row);
		row.key = settings[i].key;
		row.about = settings[i].about;
		if ((s = db_setting_get(db, row.key, row.value,
					sizeof row.value)) != DB_OK) {
			list->n = 0;
			return s;
		}
		if (array_push(&list->v, &list->n, &list->cap, &row,
			       sizeof row) != 0) {
			list->n = 0;
			return db_fail(db, DB_ERROR, "out of memory");
		}
	}
	return DB_OK;
}

enum db_status
db_population_add(struct db *db, int year, int64_t people, const char *source)
{
	sqlite3_stmt *st;
	enum db_status s;
	char rec[32], detail[64];
	int rc;

	if ((s = db_require(db, DB_ADMIN, "adding a population")) !=
	    DB_OK)
		return s;
	if (year < 1900 || year > 2999)
		return db_fail(db, DB_INVALID, "year %d is out of range", year);
	if (people <= 0)
		return db_fail(db, DB_INVALID,
			       "population must be a whole number above 0");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT INTO population(year, people, source) "
			 "VALUES (?, ?, ?)");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, people);
	db_bind_text(st, 3, source);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return db_tx_end(db, db_fail(db, DB_INVALID,
			"a population for %d is already recorded", year));
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "adding a population"));
	snprintf(rec, sizeof rec, "population %d", year);
	snprintf(detail, sizeof detail, "people: - -> %lld; fields: source",
		 (long long)people);
	return db_tx_end(db, db_audit_write(db, "population.add", rec, detail));
}

static void
read_population(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_population *p = row;

	(void)db;
	p->year = sqlite3_column_int(st, 0);
	p->people = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, p->source, sizeof p->source);
}

enum db_status
db_population_list(struct db *db, struct db_populations *list)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT year, people, source FROM "
				       "population ORDER BY year");

	if (st == NULL)
		return DB_ERROR;
	return DB_ROWS(db, st, read_population, list, "reading populations");
}

/* The integer setting KEY into *V; one stored that is not a number in
 * range (never written by db_setting_set()) keeps *V's default. */
static enum db_status
setting_int(struct db *db, const char *key, int *v)
{
	const struct setting *s = find(key);
	char buf[32], *end;
	enum db_status st;
	long n;

	if ((st = db_setting_get(db, key, buf, sizeof buf)) != DB_OK)
		return st;
	n = strtol(buf, &end, 10);
	if (buf[0] != '\0' && *end == '\0' && n >= s->min && n <= s->max)
		*v = (int)n;
	return DB_OK;
}

enum db_status
db_process_settings(struct db *db, struct process_settings *ps)
{
	enum db_status s;

	process_settings_default(ps);
	if ((s = setting_int(db, "review_weeks_level3",
			     &ps->review_weeks_level3)) != DB_OK ||
	    (s = setting_int(db, "review_weeks_level2",
			     &ps->review_weeks_level2)) != DB_OK ||
	    (s = setting_int(db, "review_months_level1",
			     &ps->review_months_level1)) != DB_OK ||
	    (s = setting_int(db, "initial_days_level3",
			     &ps->initial_days_level3)) != DB_OK)
		return s;
	return setting_int(db, "initial_days_level2",
			   &ps->initial_days_level2);
}
