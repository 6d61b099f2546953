/*
 * casefacts.c -- the case file a MAPP meeting decides from (issue 15):
 * risk of serious harm and who is at risk, scored assessments, key dates
 * and order ends, offences, case notes and disclosure decisions; the
 * possible-duplicate check of a new case; the MAPPA J and key-date lists.
 *
 * Every fact is a row added, never updated, so each keeps its history and
 * the current one is the last added.  Lay advisers are refused all of it:
 * it names people, offences and places.  Audit rows name the fields
 * given, never their values.  The rules of the values (names, PNC and
 * CRN checks, deadlines) are core/casefile.h's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/casefile.h"
#include "core/interchange.h"
#include "core/util.h"
#include "db/db_internal.h"

_Static_assert(CF_FIELD_MAX < DB_FIELD_MAX, "short fields fit");
_Static_assert(CF_SCORE_MAX < sizeof ((struct db_score *)0)->score,
	       "a score fits");

/* --- checks ------------------------------------------------------------ */

/*
 * Open offender ID for WHAT: the role (admin, member), the record there
 * and, for a write, not erased.
 */
static enum db_status
open_case(struct db *db, int64_t id, bool write, const char *what)
{
	sqlite3_stmt *st;
	enum db_status s;
	int rc;
	bool erased = false;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, what)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT erased IS NOT NULL FROM offenders "
			 "WHERE id = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		erased = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "%s: no such case", what);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, what);
	if (write && erased)
		return db_fail(db, DB_INVALID, "%s: the record was erased",
			       what);
	return DB_OK;
}

/* A date field: "" allowed unless REQUIRED; else a real date. */
static enum db_status
check_date(struct db *db, const char *what, const char *field,
	   const char *v, bool required)
{
	mdate d;

	if (v[0] == '\0')
		return required ? db_fail(db, DB_INVALID, "%s: %s: a date is "
					  "required", what, field)
				: DB_OK;
	if (date_parse(v, &d) != 0)
		return db_fail(db, DB_INVALID, "%s: %s: \"%s\" is not a date "
			       "(YYYY-MM-DD, a real calendar date)", what,
			       field, v);
	return DB_OK;
}

/* A text field: required or not, at most MAX bytes, no control
 * characters (tab and line breaks too when FREE). */
static enum db_status
check_text(struct db *db, const char *what, const char *field,
	   const char *v, bool required, size_t max, bool free)
{
	if (v == NULL || v[strspn(v, " \t\r\n")] == '\0')
		return required ? db_fail(db, DB_INVALID, "%s: %s is "
					  "required", what, field)
				: DB_OK;
	if (strlen(v) > max)
		return db_fail(db, DB_INVALID, "%s: %s is too long (at most "
			       "%zu bytes)", what, field, max);
	if (str_has_control(v, free))
		return db_fail(db, DB_INVALID, "%s: %s holds a control "
			       "character%s", what, field,
			       free ? " (only tab and line breaks are allowed)"
				    : "");
	return DB_OK;
}

static void
record_of(char *buf, size_t n, int64_t id)
{
	snprintf(buf, n, "offender %lld", (long long)id);
}

/* The audit row of a fact added: "FACT ID: field,field". */
static enum db_status
audit_fact(struct db *db, const char *action, int64_t offender,
	   int64_t fact, const struct strbuf *fields)
{
	char rec[48], detail[400];

	if (db->cf_bulk) {
		db->cf_written++;
		return DB_OK;
	}
	record_of(rec, sizeof rec, offender);
	snprintf(detail, sizeof detail, "%s %lld: %s", action + 8,
		 (long long)fact, sb_str(fields)[0] ? sb_str(fields) : "-");
	return db_audit_write(db, action, rec, detail);
}

static void
field_if(struct strbuf *sb, const char *name, bool set)
{
	if (set)
		sb_printf(sb, "%s%s", sb->len ? "," : "", name);
}

static bool
given(const char *s)
{
	return s != NULL && s[0] != '\0';
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* The end of a read: the walk's status from RC. */
static enum db_status
walk_end(struct db *db, sqlite3_stmt *st, int rc, const char *what)
{
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, what);
	return DB_OK;
}

/* --- risk ------------------------------------------------------------- */

enum db_status
db_risk_add(struct db *db, int64_t id, struct db_risk *r)
{
	static const char what[] = "recording a risk assessment";
	struct strbuf f;
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = open_case(db, id, true, what)) != DB_OK)
		return s;
	if ((s = check_date(db, what, "date", r->date, true)) != DB_OK ||
	    (s = check_text(db, what, "assessor", r->assessor, false,
			    CF_FIELD_MAX, false)) != DB_OK)
		return s;
	if (cf_rosh_name(r->rosh) == NULL)
		return db_fail(db, DB_INVALID, "%s: rosh: not a risk of "
			       "serious harm (low, medium, high, very_high)",
			       what);
	if (r->at_risk >= 1u << CF_RISK_N)
		return db_fail(db, DB_INVALID, "%s: at_risk: not a set of "
			       "groups", what);
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT INTO risk_assessments(offender_id, date, "
			 "rosh, at_risk, assessor, recorded_by, recorded_at) "
			 "VALUES (?,?,?,?,?,?,"
			 "strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, r->date);
	sqlite3_bind_text(st, 3, cf_rosh_name(r->rosh), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, (int)r->at_risk);
	db_bind_text(st, 5, r->assessor);
	sqlite3_bind_text(st, 6, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, what));
	r->id = sqlite3_last_insert_rowid(db->sql);
	sb_init(&f);
	sb_add(&f, "date,rosh");
	field_if(&f, "at_risk", r->at_risk != 0);
	field_if(&f, "assessor", given(r->assessor));
	s = audit_fact(db, "offender.risk", id, r->id, &f);
	sb_free(&f);
	return db_tx_end(db, s);
}

static void
read_risk(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_risk *r = row;

	(void)db;
	r->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, r->date, sizeof r->date);
	r->rosh = cf_rosh_parse(col_text(st, 2));
	r->at_risk = (unsigned)sqlite3_column_int(st, 3);
	db_column_copy(st, 4, r->assessor, sizeof r->assessor);
	db_column_copy(st, 5, r->recorded_by, sizeof r->recorded_by);
	db_column_copy(st, 6, r->recorded_at, sizeof r->recorded_at);
}

enum db_status
db_risk_list(struct db *db, int64_t id, struct db_risks *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = open_case(db, id, false, "reading risk")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, date, rosh, at_risk, assessor, "
			 "recorded_by, recorded_at FROM risk_assessments "
			 "WHERE offender_id = ? ORDER BY id DESC");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return DB_ROWS(db, st, read_risk, list, "reading risk");
}

/* --- scored assessments ----------------------------------------------- */

enum db_status
db_score_tools(struct db *db, struct db_tools *list)
{
	char setting[512], *p, *save = NULL;
	struct db_tool t;
	enum db_status s;

	list->n = 0;
	if ((s = db_setting_get(db, "assessment_tools", setting,
				sizeof setting)) != DB_OK)
		return s;
	for (p = strtok_r(setting, ",", &save); p;
	     p = strtok_r(NULL, ",", &save)) {
		char *e;

		p += strspn(p, " ");
		e = p + strlen(p);
		while (e > p && e[-1] == ' ')
			*--e = '\0';
		if (*p == '\0')
			continue;
		str_copy(t.name, p, sizeof t.name);
		if (array_push(&list->v, &list->n, &list->cap, &t,
			       sizeof t) != 0) {
			list->n = 0;
			return db_fail(db, DB_ERROR, "out of memory");
		}
	}
	return DB_OK;
}

enum db_status
db_score_add(struct db *db, int64_t id, struct db_score *sc)
{
	static const char what[] = "recording a scored assessment";
	struct db_tools tools = { 0 };
	const char *found = NULL;
	struct strbuf f;
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = open_case(db, id, true, what)) != DB_OK)
		return s;
	if ((s = check_date(db, what, "date", sc->date, true)) != DB_OK ||
	    (s = check_text(db, what, "score", sc->score, true,
			    CF_SCORE_MAX, false)) != DB_OK)
		return s;
	if ((s = db_score_tools(db, &tools)) != DB_OK)
		return s;
	for (int i = 0; i < tools.n && found == NULL; i++)
		if (strcasecmp(sc->tool, tools.v[i].name) == 0)
			found = tools.v[i].name;
	if (found == NULL) {
		struct strbuf names;

		sb_init(&names);
		for (int i = 0; i < tools.n; i++)
			sb_printf(&names, "%s%s", i ? ", " : "",
				  tools.v[i].name);
		s = db_fail(db, DB_INVALID, "%s: tool: \"%s\" is not an "
			    "assessment tool (the setting assessment_tools: "
			    "%s)", what, sc->tool, sb_str(&names));
		sb_free(&names);
		db_list_free(&tools);
		return s;
	}
	str_copy(sc->tool, found, sizeof sc->tool);
	db_list_free(&tools);
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT INTO scored_assessments(offender_id, date, "
			 "tool, score, recorded_by, recorded_at) VALUES "
			 "(?,?,?,?,?,strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, sc->date);
	db_bind_text(st, 3, sc->tool);
	db_bind_text(st, 4, sc->score);
	sqlite3_bind_text(st, 5, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, what));
	sc->id = sqlite3_last_insert_rowid(db->sql);
	sb_init(&f);
	sb_add(&f, "date,tool,score");
	s = audit_fact(db, "offender.score", id, sc->id, &f);
	sb_free(&f);
	return db_tx_end(db, s);
}

static void
read_score(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_score *sc = row;

	(void)db;
	sc->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, sc->date, sizeof sc->date);
	db_column_copy(st, 2, sc->tool, sizeof sc->tool);
	db_column_copy(st, 3, sc->score, sizeof sc->score);
	db_column_copy(st, 4, sc->recorded_by, sizeof sc->recorded_by);
	db_column_copy(st, 5, sc->recorded_at, sizeof sc->recorded_at);
}

enum db_status
db_score_list(struct db *db, int64_t id, struct db_scores *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = open_case(db, id, false, "reading assessments")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, date, tool, score, recorded_by, "
			 "recorded_at FROM scored_assessments WHERE "
			 "offender_id = ? ORDER BY id DESC");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return DB_ROWS(db, st, read_score, list, "reading assessments");
}

/* --- key dates --------------------------------------------------------- */

void
db_key_dates_init(struct db_key_dates *k)
{
	memset(k, 0, sizeof *k);
	k->release_type = -1;
}

#define KEY_COLS "id, sentence_expiry, licence_expiry, expected_release, " \
	"release_type, notification_end, mappa_j_sent, recorded_by, " \
	"recorded_at"

static void
read_key_dates(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_key_dates *k = row;

	(void)db;
	db_key_dates_init(k);
	k->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, k->sentence_expiry, sizeof k->sentence_expiry);
	db_column_copy(st, 2, k->licence_expiry, sizeof k->licence_expiry);
	db_column_copy(st, 3, k->expected_release, sizeof k->expected_release);
	k->release_type = cf_release_parse(col_text(st, 4));
	db_column_copy(st, 5, k->notification_end, sizeof k->notification_end);
	db_column_copy(st, 6, k->mappa_j_sent, sizeof k->mappa_j_sent);
	db_column_copy(st, 7, k->recorded_by, sizeof k->recorded_by);
	db_column_copy(st, 8, k->recorded_at, sizeof k->recorded_at);
}

static enum db_status
key_current(struct db *db, int64_t id, struct db_key_dates *k)
{
	sqlite3_stmt *st;
	int rc;

	st = db_stmt(db, "SELECT " KEY_COLS " FROM key_dates WHERE "
			 "offender_id = ? ORDER BY id DESC LIMIT 1");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	db_key_dates_init(k);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_key_dates(db, st, k);
		rc = SQLITE_DONE;
	}
	return walk_end(db, st, rc, "reading key dates");
}

enum db_status
db_key_dates_set(struct db *db, int64_t id, struct db_key_dates *k)
{
	static const char what[] = "setting key dates";
	struct db_key_dates old;
	struct strbuf f;
	sqlite3_stmt *st;
	enum db_status s;
	const char *ne = k->notification_end;
	int rc;

	if ((s = open_case(db, id, true, what)) != DB_OK)
		return s;
	if ((s = check_date(db, what, "sentence_expiry", k->sentence_expiry,
			    false)) != DB_OK ||
	    (s = check_date(db, what, "licence_expiry", k->licence_expiry,
			    false)) != DB_OK ||
	    (s = check_date(db, what, "expected_release", k->expected_release,
			    false)) != DB_OK ||
	    (s = check_date(db, what, "mappa_j_sent", k->mappa_j_sent,
			    false)) != DB_OK)
		return s;
	if (strcmp(ne, CF_INDEFINITE) != 0 &&
	    (s = check_date(db, what, "notification_end", ne, false)) != DB_OK)
		return db_fail(db, DB_INVALID, "%s: notification_end: \"%s\" "
			       "is neither a date (YYYY-MM-DD) nor \"%s\"",
			       what, ne, CF_INDEFINITE);
	if (k->release_type != -1 && cf_release_name(k->release_type) == NULL)
		return db_fail(db, DB_INVALID, "%s: release_type: not a "
			       "release type", what);
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = key_current(db, id, &old)) != DB_OK)
		return db_tx_end(db, s);
	sb_init(&f);
	field_if(&f, "sentence_expiry",
		 strcmp(old.sentence_expiry, k->sentence_expiry) != 0);
	field_if(&f, "licence_expiry",
		 strcmp(old.licence_expiry, k->licence_expiry) != 0);
	field_if(&f, "expected_release",
		 strcmp(old.expected_release, k->expected_release) != 0);
	field_if(&f, "release_type", old.release_type != k->release_type);
	field_if(&f, "notification_end",
		 strcmp(old.notification_end, k->notification_end) != 0);
	field_if(&f, "mappa_j_sent",
		 strcmp(old.mappa_j_sent, k->mappa_j_sent) != 0);
	if (f.len == 0) {
		sb_free(&f);
		*k = old;
		return db_tx_end(db, DB_OK);
	}
	st = db_stmt(db, "INSERT INTO key_dates(offender_id, sentence_expiry, "
			 "licence_expiry, expected_release, release_type, "
			 "notification_end, mappa_j_sent, recorded_by, "
			 "recorded_at) VALUES (?,?,?,?,?,?,?,?,"
			 "strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (st == NULL) {
		sb_free(&f);
		return db_tx_end(db, DB_ERROR);
	}
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, k->sentence_expiry);
	db_bind_text(st, 3, k->licence_expiry);
	db_bind_text(st, 4, k->expected_release);
	db_bind_text(st, 5, cf_release_name(k->release_type));
	db_bind_text(st, 6, k->notification_end);
	db_bind_text(st, 7, k->mappa_j_sent);
	sqlite3_bind_text(st, 8, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		sb_free(&f);
		return db_tx_end(db, db_sqlfail(db, rc, what));
	}
	k->id = sqlite3_last_insert_rowid(db->sql);
	s = audit_fact(db, "offender.dates", id, k->id, &f);
	sb_free(&f);
	return db_tx_end(db, s);
}

enum db_status
db_key_dates_get(struct db *db, int64_t id, struct db_key_dates *k)
{
	enum db_status s;

	if ((s = open_case(db, id, false, "reading key dates")) != DB_OK)
		return s;
	return key_current(db, id, k);
}

enum db_status
db_key_dates_history(struct db *db, int64_t id,
		     struct db_key_dates_list *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = open_case(db, id, false, "reading key dates")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT " KEY_COLS " FROM key_dates WHERE "
			 "offender_id = ? ORDER BY id DESC");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return DB_ROWS(db, st, read_key_dates, list, "reading key dates");
}

/* --- order ends -------------------------------------------------------- */

enum db_status
db_order_end_set(struct db *db, int64_t id, struct db_order_end *oe)
{
	static const char what[] = "setting an order's end";
	struct strbuf f;
	sqlite3_stmt *st;
	enum db_status s;
	int rc, found;

	if ((s = open_case(db, id, true, what)) != DB_OK)
		return s;
	if ((s = check_date(db, what, "made", oe->made, true)) != DB_OK ||
	    (s = check_date(db, what, "ends", oe->ends, false)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT count(*) FROM events WHERE offender_id = ? "
			 "AND type = 'order' AND kind = ? AND date = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, oe->kind);
	db_bind_text(st, 3, oe->made);
	rc = sqlite3_step(st);
	found = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, what);
	if (found == 0)
		return db_fail(db, DB_INVALID, "%s: the case has no %s order "
			       "made on %s", what, oe->kind, oe->made);
	if (oe->ends[0] && strcmp(oe->ends, oe->made) < 0)
		return db_fail(db, DB_INVALID, "%s: ends: %s is before the "
			       "order was made (%s)", what, oe->ends, oe->made);
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT INTO order_ends(offender_id, kind, made, "
			 "ends, recorded_by, recorded_at) VALUES (?,?,?,?,?,"
			 "strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, oe->kind);
	db_bind_text(st, 3, oe->made);
	db_bind_text(st, 4, oe->ends);
	sqlite3_bind_text(st, 5, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, what));
	oe->id = sqlite3_last_insert_rowid(db->sql);
	sb_init(&f);
	sb_add(&f, "kind,made");
	field_if(&f, "ends", given(oe->ends));
	s = audit_fact(db, "offender.order_end", id, oe->id, &f);
	sb_free(&f);
	return db_tx_end(db, s);
}

static void
read_order_end(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_order_end *oe = row;

	(void)db;
	oe->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, oe->kind, sizeof oe->kind);
	db_column_copy(st, 2, oe->made, sizeof oe->made);
	db_column_copy(st, 3, oe->ends, sizeof oe->ends);
}

enum db_status
db_order_end_list(struct db *db, int64_t id, struct db_order_ends *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = open_case(db, id, false, "reading orders")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, kind, made, ends FROM order_ends o "
			 "WHERE offender_id = ?1 AND id = (SELECT max(id) FROM "
			 "order_ends p WHERE p.offender_id = ?1 AND p.kind = "
			 "o.kind AND p.made = o.made) ORDER BY made, kind");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return DB_ROWS(db, st, read_order_end, list, "reading orders");
}

/* --- offences ---------------------------------------------------------- */

enum db_status
db_offence_add(struct db *db, int64_t id, struct db_offence *o)
{
	static const char what[] = "recording an offence";
	struct strbuf f;
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = open_case(db, id, true, what)) != DB_OK)
		return s;
	if ((s = check_text(db, what, "description", o->description, true,
			    CF_LONG_MAX, false)) != DB_OK ||
	    (s = check_date(db, what, "date", o->date, false)) != DB_OK ||
	    (s = check_text(db, what, "court", o->court, false,
			    CF_FIELD_MAX, false)) != DB_OK ||
	    (s = check_text(db, what, "sentence", o->sentence, false,
			    CF_LONG_MAX, false)) != DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT INTO offences(offender_id, is_index, "
			 "description, date, court, sentence, recorded_by, "
			 "recorded_at) VALUES (?,?,?,?,?,?,?,"
			 "strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, o->is_index ? 1 : 0);
	db_bind_text(st, 3, o->description);
	db_bind_text(st, 4, o->date);
	db_bind_text(st, 5, o->court);
	db_bind_text(st, 6, o->sentence);
	sqlite3_bind_text(st, 7, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, what));
	o->id = sqlite3_last_insert_rowid(db->sql);
	sb_init(&f);
	field_if(&f, "index", o->is_index);
	field_if(&f, "description", true);
	field_if(&f, "date", given(o->date));
	field_if(&f, "court", given(o->court));
	field_if(&f, "sentence", given(o->sentence));
	s = audit_fact(db, "offender.offence", id, o->id, &f);
	sb_free(&f);
	return db_tx_end(db, s);
}

static void
read_offence(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_offence *o = row;

	(void)db;
	o->id = sqlite3_column_int64(st, 0);
	o->is_index = sqlite3_column_int(st, 1) != 0;
	db_column_copy(st, 2, o->description, sizeof o->description);
	db_column_copy(st, 3, o->date, sizeof o->date);
	db_column_copy(st, 4, o->court, sizeof o->court);
	db_column_copy(st, 5, o->sentence, sizeof o->sentence);
	db_column_copy(st, 6, o->recorded_by, sizeof o->recorded_by);
	db_column_copy(st, 7, o->recorded_at, sizeof o->recorded_at);
}

enum db_status
db_offence_list(struct db *db, int64_t id, struct db_offences *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = open_case(db, id, false, "reading offences")) != DB_OK)
		return s;
	/* The current index offence is the last added with is_index. */
	st = db_stmt(db, "SELECT id, id = (SELECT max(id) FROM offences p "
			 "WHERE p.offender_id = ?1 AND p.is_index), "
			 "description, date, court, sentence, recorded_by, "
			 "recorded_at FROM offences WHERE offender_id = ?1 "
			 "ORDER BY 2 DESC, id DESC");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return DB_ROWS(db, st, read_offence, list, "reading offences");
}

/* --- case notes ------------------------------------------------------- */

enum db_status
db_note_add(struct db *db, int64_t id, struct db_note *n)
{
	static const char what[] = "adding a case note";
	struct strbuf f;
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = open_case(db, id, true, what)) != DB_OK)
		return s;
	if ((s = check_date(db, what, "date", n->date, true)) != DB_OK ||
	    (s = check_text(db, what, "subject", n->subject, true,
			    CF_FIELD_MAX, false)) != DB_OK ||
	    (s = check_text(db, what, "text", n->text, true, CF_TEXT_MAX,
			    true)) != DB_OK)
		return s;
	if (n->corrects) {
		int64_t of = 0;

		st = db_stmt(db, "SELECT offender_id FROM case_notes "
				 "WHERE id = ?");
		if (st == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, n->corrects);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			of = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_sqlfail(db, rc, what);
		if (of != id)
			return db_fail(db, DB_INVALID, "%s: corrects: note "
				       "%lld is not a note of this case", what,
				       (long long)n->corrects);
	}
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT INTO case_notes(offender_id, date, author, "
			 "subject, text, corrects, recorded_by, recorded_at) "
			 "VALUES (?1,?2,?3,?4,?5,?6,?7,"
			 "strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, n->date);
	if (!db->cf_bulk || n->author[0] == '\0')
		str_copy(n->author, db->user, sizeof n->author);
	sqlite3_bind_text(st, 3, n->author, -1, SQLITE_STATIC);
	db_bind_text(st, 4, n->subject);
	db_bind_text(st, 5, n->text);
	if (n->corrects)
		sqlite3_bind_int64(st, 6, n->corrects);
	sqlite3_bind_text(st, 7, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, what));
	n->id = sqlite3_last_insert_rowid(db->sql);
	sb_init(&f);
	sb_add(&f, "date,subject,text");
	field_if(&f, "corrects", n->corrects != 0);
	s = audit_fact(db, "offender.note", id, n->id, &f);
	sb_free(&f);
	return db_tx_end(db, s);
}

static void
read_note(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_note *n = row;

	(void)db;
	n->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, n->date, sizeof n->date);
	db_column_copy(st, 2, n->author, sizeof n->author);
	db_column_copy(st, 3, n->subject, sizeof n->subject);
	db_column_copy(st, 4, n->text, sizeof n->text);
	n->corrects = sqlite3_column_int64(st, 5);
	db_column_copy(st, 6, n->recorded_at, sizeof n->recorded_at);
}

enum db_status
db_note_list(struct db *db, int64_t id, struct db_notes *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = open_case(db, id, false, "reading case notes")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, date, author, subject, text, corrects, "
			 "recorded_at FROM case_notes WHERE offender_id = ? "
			 "ORDER BY id DESC");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return DB_ROWS(db, st, read_note, list, "reading case notes");
}

/* --- disclosures ------------------------------------------------------- */

enum db_status
db_disclosure_add(struct db *db, int64_t id, struct db_disclosure *d)
{
	static const char what[] = "recording a disclosure decision";
	struct strbuf f;
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = open_case(db, id, true, what)) != DB_OK)
		return s;
	if ((s = check_date(db, what, "date", d->date, true)) != DB_OK ||
	    (s = check_text(db, what, "recipient", d->recipient, true,
			    CF_FIELD_MAX, false)) != DB_OK ||
	    (s = check_text(db, what, "what", d->what, true, CF_TEXT_MAX,
			    true)) != DB_OK ||
	    (s = check_text(db, what, "why", d->why, true, CF_TEXT_MAX,
			    true)) != DB_OK ||
	    (s = check_text(db, what, "decided_by", d->decided_by, false,
			    CF_FIELD_MAX, false)) != DB_OK)
		return s;
	if ((d->meeting_id != 0) == given(d->decided_by))
		return db_fail(db, DB_INVALID, "%s: decided by a meeting or "
			       "by a person: one of them is required", what);
	if (d->undertaking && !d->disclosed)
		return db_fail(db, DB_INVALID, "%s: undertaking: there is no "
			       "undertaking to sign when nothing is disclosed",
			       what);
	if (d->meeting_id) {
		char status[16] = "", mdate_s[MDATE_BUFSZ] = "";

		st = db_stmt(db, "SELECT status, date FROM meetings "
				 "WHERE id = ?");
		if (st == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, d->meeting_id);
		rc = sqlite3_step(st);
		db_column_copy(st, 0, status, sizeof status);
		db_column_copy(st, 1, mdate_s, sizeof mdate_s);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_sqlfail(db, rc, what);
		if (rc == SQLITE_DONE)
			return db_fail(db, DB_INVALID, "%s: meeting %lld: no "
				       "such meeting", what,
				       (long long)d->meeting_id);
		if (strcmp(status, "held") != 0)
			return db_fail(db, DB_INVALID, "%s: meeting %lld is "
				       "%s, not held", what,
				       (long long)d->meeting_id, status);
		str_copy(d->meeting_date, mdate_s, sizeof d->meeting_date);
	}
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "INSERT INTO disclosures(offender_id, date, "
			 "disclosed, recipient, what, why, meeting_id, "
			 "decided_by, undertaking, recorded_by, recorded_at) "
			 "VALUES (?,?,?,?,?,?,?,?,?,?,"
			 "strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, d->date);
	sqlite3_bind_int(st, 3, d->disclosed ? 1 : 0);
	db_bind_text(st, 4, d->recipient);
	db_bind_text(st, 5, d->what);
	db_bind_text(st, 6, d->why);
	if (d->meeting_id)
		sqlite3_bind_int64(st, 7, d->meeting_id);
	db_bind_text(st, 8, d->decided_by);
	sqlite3_bind_int(st, 9, d->undertaking ? 1 : 0);
	sqlite3_bind_text(st, 10, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, what));
	d->id = sqlite3_last_insert_rowid(db->sql);
	sb_init(&f);
	sb_add(&f, "date,disclosed,recipient,what,why");
	field_if(&f, "meeting", d->meeting_id != 0);
	field_if(&f, "decided_by", given(d->decided_by));
	field_if(&f, "undertaking", d->undertaking);
	s = audit_fact(db, "offender.disclosure", id, d->id, &f);
	sb_free(&f);
	return db_tx_end(db, s);
}

#define DISCLOSURE_COLS "d.id, d.date, d.disclosed, d.recipient, d.what, " \
	"d.why, d.meeting_id, d.decided_by, d.undertaking, d.recorded_by, " \
	"d.recorded_at, m.date"

static void
read_disclosure(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_disclosure *d = row;

	(void)db;
	d->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, d->date, sizeof d->date);
	d->disclosed = sqlite3_column_int(st, 2) != 0;
	db_column_copy(st, 3, d->recipient, sizeof d->recipient);
	db_column_copy(st, 4, d->what, sizeof d->what);
	db_column_copy(st, 5, d->why, sizeof d->why);
	d->meeting_id = sqlite3_column_int64(st, 6);
	db_column_copy(st, 7, d->decided_by, sizeof d->decided_by);
	d->undertaking = sqlite3_column_int(st, 8) != 0;
	db_column_copy(st, 9, d->recorded_by, sizeof d->recorded_by);
	db_column_copy(st, 10, d->recorded_at, sizeof d->recorded_at);
	db_column_copy(st, 11, d->meeting_date, sizeof d->meeting_date);
}

static void
read_meeting_disclosure(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_meeting_disclosure *md = row;

	read_disclosure(db, st, &md->d);
	db_column_copy(st, 12, md->ref, sizeof md->ref);
}

enum db_status
db_disclosure_list(struct db *db, int64_t id, struct db_disclosures *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = open_case(db, id, false, "reading disclosures")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT " DISCLOSURE_COLS " FROM disclosures d "
			 "LEFT JOIN meetings m ON m.id = d.meeting_id "
			 "WHERE d.offender_id = ? ORDER BY d.date DESC, "
			 "d.id DESC");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return DB_ROWS(db, st, read_disclosure, list, "reading disclosures");
}

enum db_status
db_meeting_disclosures(struct db *db, int64_t meeting_id,
		       struct db_meeting_disclosures *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "reading disclosures")) !=
	    DB_OK)
		return s;
	st = db_stmt(db, "SELECT " DISCLOSURE_COLS ", o.ref FROM "
			 "disclosures d JOIN offenders o ON o.id = "
			 "d.offender_id LEFT JOIN meetings m ON m.id = "
			 "d.meeting_id WHERE d.meeting_id = ? ORDER BY o.ref, "
			 "d.id");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, meeting_id);
	return DB_ROWS(db, st, read_meeting_disclosure, list,
		       "reading disclosures");
}

enum db_status
db_casefile_stamp(struct db *db, int64_t id, int64_t *stamp)
{
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	*stamp = 0;
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "reading the case file")) !=
	    DB_OK)
		return s;
	st = db_stmt(db, "SELECT "
		"(SELECT ifnull(max(id),0) FROM risk_assessments WHERE "
		" offender_id = ?1) + (SELECT count(*) FROM risk_assessments "
		" WHERE offender_id = ?1) * 1000003 + "
		"(SELECT ifnull(max(id),0) FROM scored_assessments WHERE "
		" offender_id = ?1) + "
		"(SELECT ifnull(max(id),0) FROM key_dates WHERE "
		" offender_id = ?1) + "
		"(SELECT ifnull(max(id),0) FROM order_ends WHERE "
		" offender_id = ?1) + "
		"(SELECT ifnull(max(id),0) FROM offences WHERE "
		" offender_id = ?1) + "
		"(SELECT ifnull(max(id),0) + count(text) FROM case_notes "
		" WHERE offender_id = ?1) + "
		"(SELECT ifnull(max(id),0) FROM disclosures WHERE "
		" offender_id = ?1)");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*stamp = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	return walk_end(db, st, rc, "reading the case file");
}

/* --- in bulk ------------------------------------------------------------ */

enum db_status
db_casefile_bulk(struct db *db, bool on, size_t *written)
{
	enum db_status s;

	if ((s = db_require(db, DB_ADMIN, "writing the case file "
			    "in bulk")) != DB_OK)
		return s;
	if (on && db->depth == 0)
		return db_fail(db, DB_INVALID, "bulk writing needs a "
			       "transaction");
	if (written)
		*written = db->cf_written;
	db->cf_bulk = on;
	db->cf_written = 0;
	return DB_OK;
}

/* --- possible duplicates ---------------------------------------------- */

const char *
db_dup_match_name(enum db_dup_match m)
{
	switch (m) {
	case DB_DUP_PNC:
		return "PNC";
	case DB_DUP_CRN:
		return "CRN";
	case DB_DUP_VISOR:
		return "ViSOR number";
	case DB_DUP_NAME_DOB:
		return "name and date of birth";
	}
	return "?";
}

static void
read_duplicate(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_duplicate *d = row;

	(void)db;
	d->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, d->ref, sizeof d->ref);
	db_column_copy(st, 2, d->surname, sizeof d->surname);
	db_column_copy(st, 3, d->forenames, sizeof d->forenames);
	d->match = (enum db_dup_match)sqlite3_column_int(st, 4);
}

enum db_status
db_duplicates(struct db *db, const struct db_offender *o,
	      struct db_duplicates *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "checking for duplicates")) !=
	    DB_OK)
		return s;
	st = db_stmt(db,
		"SELECT id, ref, surname, forenames, 0 FROM offenders "
		"WHERE ?1 != '' AND upper(pnc) = upper(?1) AND erased IS NULL "
		"AND id != ?6 UNION ALL "
		"SELECT id, ref, surname, forenames, 1 FROM offenders "
		"WHERE ?2 != '' AND upper(crn) = upper(?2) AND erased IS NULL "
		"AND id != ?6 UNION ALL "
		"SELECT id, ref, surname, forenames, 2 FROM offenders "
		"WHERE ?3 != '' AND upper(visor) = upper(?3) AND erased IS NULL "
		"AND id != ?6 UNION ALL "
		"SELECT id, ref, surname, forenames, 3 FROM offenders "
		"WHERE ?5 != '' AND dob = ?5 AND "
		"lower(surname) = lower(?4) AND "
		"lower(ifnull(forenames,'')) = lower(?7) AND erased IS NULL "
		"AND id != ?6 ORDER BY 5, 2");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, o->pnc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->crn, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, o->visor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, o->surname, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, o->dob, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, o->id);
	sqlite3_bind_text(st, 7, o->forenames, -1, SQLITE_STATIC);
	return DB_ROWS(db, st, read_duplicate, list,
		       "checking for duplicates");
}

/* --- the key-date lists ------------------------------------------------- */

const char *
db_key_list_title(enum db_key_list l)
{
	switch (l) {
	case DB_KEY_MAPPA_J:
		return "MAPPA J due or overdue";
	case DB_KEY_RELEASES:
		return "Releases in the next 6 weeks";
	case DB_KEY_LICENCES:
		return "Licences ending in the next 6 weeks";
	case DB_KEY_NOTIFICATIONS:
		return "Notification ending in the next 6 weeks";
	case DB_KEY_LISTS:
		break;
	}
	return "?";
}

/* A case read for a list, its date not yet weighed: DATE the list's
 * date as stored, DUE the MAPPA J sent date as stored (or ""). */
static void
read_key_case(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_key_case *c = row;

	(void)db;
	c->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, c->ref, sizeof c->ref);
	db_column_copy(st, 2, c->surname, sizeof c->surname);
	db_column_copy(st, 3, c->forenames, sizeof c->forenames);
	c->level = sqlite3_column_int(st, 4);
	db_column_copy(st, 5, c->status, sizeof c->status);
	db_column_copy(st, 6, c->date, sizeof c->date);
	db_column_copy(st, 7, c->due, sizeof c->due);
}

/*
 * Weigh case C of list L on TODAY (core decides): false when it is not
 * on the list; else its date written again, and for MAPPA J its state
 * and the day it is due (DUE held the day it was sent).
 */
static bool
key_case_in(struct db_key_case *c, enum db_key_list l, mdate today)
{
	mdate when, sent = MDATE_NONE;

	if (date_parse(c->date, &when) != 0)
		return false;
	if (c->due[0] && date_parse(c->due, &sent) != 0)
		sent = MDATE_NONE;
	c->j_state = CF_J_NONE;
	c->due[0] = '\0';
	date_format(when, c->date);
	if (l != DB_KEY_MAPPA_J)
		return cf_in_window(when, today);
	c->j_state = cf_mappa_j_state(when, sent, today);
	date_format(cf_mappa_j_due(when), c->due);
	return c->j_state == CF_J_DUE || c->j_state == CF_J_OVERDUE;
}

/* Soonest first: the day MAPPA J is due, else the list's date (both
 * YYYY-MM-DD, so in order as text); then by ref. */
static int
key_case_cmp(const void *a, const void *b)
{
	const struct db_key_case *x = a, *y = b;
	int d = strcmp(x->due[0] ? x->due : x->date,
		       y->due[0] ? y->due : y->date);

	return d ? d : strcmp(x->ref, y->ref);
}

enum db_status
db_key_list(struct db *db, enum db_key_list l, mdate today,
	    struct db_key_cases *list)
{
	/* The current key dates; core decides which fall in. */
	static const char *const sql[DB_KEY_LISTS] = {
		"SELECT o.id, o.ref, o.surname, o.forenames, o.level, o.status, "
		"k.expected_release, k.mappa_j_sent FROM key_dates k JOIN "
		"offenders o ON o.id = k.offender_id WHERE k.id IN (SELECT "
		"max(id) FROM key_dates GROUP BY offender_id) AND o.erased IS "
		"NULL AND o.status = 'custody' AND k.expected_release IS NOT "
		"NULL",
		"SELECT o.id, o.ref, o.surname, o.forenames, o.level, o.status, "
		"k.expected_release, k.mappa_j_sent FROM key_dates k JOIN "
		"offenders o ON o.id = k.offender_id WHERE k.id IN (SELECT "
		"max(id) FROM key_dates GROUP BY offender_id) AND o.erased IS "
		"NULL AND o.status = 'custody' AND k.expected_release IS NOT "
		"NULL",
		"SELECT o.id, o.ref, o.surname, o.forenames, o.level, o.status, "
		"k.licence_expiry, NULL FROM key_dates k JOIN "
		"offenders o ON o.id = k.offender_id WHERE k.id IN (SELECT "
		"max(id) FROM key_dates GROUP BY offender_id) AND o.erased IS "
		"NULL AND o.status IN ('community','custody') AND "
		"k.licence_expiry IS NOT NULL",
		"SELECT o.id, o.ref, o.surname, o.forenames, o.level, o.status, "
		"k.notification_end, NULL FROM key_dates k JOIN "
		"offenders o ON o.id = k.offender_id WHERE k.id IN (SELECT "
		"max(id) FROM key_dates GROUP BY offender_id) AND o.erased IS "
		"NULL AND o.status IN ('community','custody') AND "
		"k.notification_end IS NOT NULL AND k.notification_end != '"
		CF_INDEFINITE "'",
	};
	sqlite3_stmt *st;
	enum db_status s;
	int n = 0;

	list->n = 0;
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "reading key dates")) !=
	    DB_OK)
		return s;
	if ((unsigned)l >= DB_KEY_LISTS)
		return db_fail(db, DB_INVALID, "no such list");
	if ((st = db_stmt(db, sql[l])) == NULL)
		return DB_ERROR;
	if ((s = DB_ROWS(db, st, read_key_case, list, "reading key dates")) !=
	    DB_OK)
		return s;
	for (int i = 0; i < list->n; i++)
		if (key_case_in(&list->v[i], l, today))
			list->v[n++] = list->v[i];
	list->n = n;
	if (n)
		qsort(list->v, (size_t)n, sizeof *list->v, key_case_cmp);
	return DB_OK;
}

/* --- export ------------------------------------------------------------- */

/* Hand CB a row of FILE. */
static enum db_status
put(struct db *db, db_export_cb cb, void *ctx, enum db_export_file file,
    const char *const *col, size_t n)
{
	if (cb(ctx, file, col, n) != 0)
		return db_fail(db, DB_ERROR, "the export stopped");
	return DB_OK;
}

static const char *
yes_no(bool b)
{
	return b ? IX_YES : IX_NO;
}

/* The rows of the tables of SQL whose columns are text as they are. */
static enum db_status
export_plain(struct db *db, const char *sql, int ncols,
	     enum db_export_file file, db_export_cb cb, void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	const char *col[IX_FACT_COLS];
	enum db_status s = DB_OK;
	int rc;

	if (st == NULL)
		return DB_ERROR;
	while (s == DB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++)
			col[i] = col_text(st, i);
		s = put(db, cb, ctx, file, col, (size_t)ncols);
	}
	sqlite3_reset(st);
	if (s == DB_OK && rc != SQLITE_DONE)
		s = db_sqlfail(db, rc, "exporting");
	return s;
}

static enum db_status
export_risk(struct db *db, db_export_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	const char *col[IX_R_NCOLS];
	char groups[128];
	enum db_status s = DB_OK;
	int rc;

	st = db_stmt(db, "SELECT o.ref, r.date, r.rosh, r.at_risk, r.assessor "
			 "FROM risk_assessments r JOIN offenders o ON o.id = "
			 "r.offender_id ORDER BY o.ref, r.id");
	if (st == NULL)
		return DB_ERROR;
	while (s == DB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		col[IX_R_REF] = col_text(st, 0);
		col[IX_R_DATE] = col_text(st, 1);
		col[IX_R_ROSH] = col_text(st, 2);
		col[IX_R_AT_RISK] = cf_at_risk_format(
			(unsigned)sqlite3_column_int(st, 3), ";", false,
			groups, sizeof groups);
		col[IX_R_ASSESSOR] = col_text(st, 4);
		s = put(db, cb, ctx, DB_EXPORT_RISK, col, IX_R_NCOLS);
	}
	sqlite3_reset(st);
	return s == DB_OK && rc != SQLITE_DONE ? db_sqlfail(db, rc, "exporting")
					       : s;
}

static enum db_status
export_offences(struct db *db, db_export_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	const char *col[IX_F_NCOLS];
	enum db_status s = DB_OK;
	int rc;

	st = db_stmt(db, "SELECT o.ref, f.is_index, f.description, f.date, "
			 "f.court, f.sentence FROM offences f JOIN offenders o "
			 "ON o.id = f.offender_id ORDER BY o.ref, f.id");
	if (st == NULL)
		return DB_ERROR;
	while (s == DB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		col[IX_F_REF] = col_text(st, 0);
		col[IX_F_INDEX] = yes_no(sqlite3_column_int(st, 1) != 0);
		for (int i = IX_F_DESCRIPTION; i < IX_F_NCOLS; i++)
			col[i] = col_text(st, i);
		s = put(db, cb, ctx, DB_EXPORT_OFFENCES, col, IX_F_NCOLS);
	}
	sqlite3_reset(st);
	return s == DB_OK && rc != SQLITE_DONE ? db_sqlfail(db, rc, "exporting")
					       : s;
}

/* Notes: those offenders.csv does not carry, each correction as the place
 * of the note it corrects among the case's notes (the carried one
 * first). */
static enum db_status
export_notes(struct db *db, db_export_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	const char *col[IX_N_NCOLS];
	enum db_status s = DB_OK;
	int64_t offender = 0, *ids = NULL, id;
	int n = 0, cap = 0;
	char place[24];
	int rc;

	st = db_stmt(db, "SELECT o.ref, c.date, c.author, c.subject, c.text, "
			 "c.corrects, c.offender_id, c.id, c.id = "
			 DB_FIRST_NOTE_ID("c.offender_id") " FROM case_notes c "
			 "JOIN offenders o ON o.id = c.offender_id WHERE "
			 "c.text IS NOT NULL ORDER BY o.ref, c.id");
	if (st == NULL)
		return DB_ERROR;
	while (s == DB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t of = sqlite3_column_int64(st, 6);
		int64_t corrects = sqlite3_column_int64(st, 5);

		if (of != offender) {
			offender = of;
			n = 0;
		}
		id = sqlite3_column_int64(st, 7);
		if (array_push(&ids, &n, &cap, &id, sizeof id) != 0) {
			s = db_fail(db, DB_ERROR, "out of memory");
			break;
		}
		if (sqlite3_column_int(st, 8))
			continue; /* carried by offenders.csv */
		for (int i = 0; i < IX_N_CORRECTS; i++)
			col[i] = col_text(st, i);
		col[IX_N_CORRECTS] = NULL;
		for (int k = 0; corrects && k < n; k++) {
			if (ids[k] == corrects) {
				snprintf(place, sizeof place, "%d", k + 1);
				col[IX_N_CORRECTS] = place;
			}
		}
		s = put(db, cb, ctx, DB_EXPORT_NOTES, col, IX_N_NCOLS);
	}
	sqlite3_reset(st);
	free(ids);
	return s == DB_OK && rc != SQLITE_DONE ? db_sqlfail(db, rc, "exporting")
					       : s;
}

static enum db_status
export_disclosures(struct db *db, db_export_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	const char *col[IX_X_NCOLS];
	enum db_status s = DB_OK;
	int rc;

	st = db_stmt(db, "SELECT o.ref, d.date, d.disclosed, d.recipient, "
			 "d.what, d.why, m.date, m.level, coalesce(m.chair, "
			 "d.decided_by), d.undertaking FROM disclosures d JOIN "
			 "offenders o ON o.id = d.offender_id LEFT JOIN "
			 "meetings m ON m.id = d.meeting_id ORDER BY o.ref, "
			 "d.id");
	if (st == NULL)
		return DB_ERROR;
	while (s == DB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < IX_X_NCOLS; i++)
			col[i] = col_text(st, i);
		col[IX_X_DECISION] = sqlite3_column_int(st, 2)
			? IX_DISCLOSE : IX_NOT_DISCLOSE;
		col[IX_X_UNDERTAKING] = yes_no(sqlite3_column_int(st, 9) != 0);
		s = put(db, cb, ctx, DB_EXPORT_DISCLOSURES, col, IX_X_NCOLS);
	}
	sqlite3_reset(st);
	return s == DB_OK && rc != SQLITE_DONE ? db_sqlfail(db, rc, "exporting")
					       : s;
}

enum db_status
db_export_casefile(struct db *db, db_export_cb cb, void *ctx)
{
	enum db_status s;

	if ((s = export_risk(db, cb, ctx)) != DB_OK)
		return s;
	if ((s = export_plain(db, "SELECT o.ref, a.date, a.tool, a.score FROM "
				  "scored_assessments a JOIN offenders o ON "
				  "o.id = a.offender_id ORDER BY o.ref, a.id",
			      IX_A_NCOLS, DB_EXPORT_ASSESSMENTS, cb, ctx)) !=
	    DB_OK)
		return s;
	if ((s = export_plain(db, "SELECT o.ref, k.sentence_expiry, "
				  "k.licence_expiry, k.expected_release, "
				  "k.release_type, k.notification_end, "
				  "k.mappa_j_sent FROM key_dates k JOIN "
				  "offenders o ON o.id = k.offender_id ORDER "
				  "BY o.ref, k.id", IX_D_NCOLS,
			      DB_EXPORT_DATES, cb, ctx)) != DB_OK)
		return s;
	if ((s = export_plain(db, "SELECT o.ref, e.kind, e.made, e.ends FROM "
				  "order_ends e JOIN offenders o ON o.id = "
				  "e.offender_id ORDER BY o.ref, e.id",
			      IX_OR_NCOLS, DB_EXPORT_ORDERS, cb, ctx)) != DB_OK)
		return s;
	if ((s = export_offences(db, cb, ctx)) != DB_OK ||
	    (s = export_notes(db, cb, ctx)) != DB_OK)
		return s;
	return export_disclosures(db, cb, ctx);
}
