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

#include <stddef.h>
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
	if (v[strspn(v, " \t\r\n")] == '\0')
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

/* --- one description a kind of fact ------------------------------------- */

/* How a member of a fact is stored, checked and named. */
enum col_type {
	C_DATE,      /* char[]: "" or a real date */
	C_TEXT,      /* char[]: one line of at most MAX bytes */
	C_LINES,     /* char[]: tabs and line breaks allowed too */
	C_NAME,      /* char[]: checked by the fact's own check */
	C_AUTHOR,    /* char[] of MAX bytes: the user (in bulk, the one given) */
	C_BOOL,      /* bool */
	C_BITS,      /* unsigned */
	C_ID,        /* int64_t, stored NULL when 0 */
	C_ENUM,      /* int: a value of core's, stored by its NAME (NULL for
			none, -1) */
};

enum { REQUIRED = 1, ALWAYS = 2 };  /* required; named in every audit row */

/* A column of a fact's table and the member that holds it. */
struct fact_col {
	const char *name;    /* the column, and the field in failures */
	const char *audit;   /* its name in audit rows; NULL: never named */
	size_t off;
	enum col_type type;
	unsigned flags;      /* REQUIRED, ALWAYS */
	size_t max;
	const char *(*spell)(int value); /* C_ENUM: the stored name */
};

#define COL_AS(type, m, t, flags, max, audit)                                  \
	{ #m, audit, offsetof(type, m), t, flags, max, NULL }
#define COL(type, m, t, flags, max) COL_AS(type, m, t, flags, max, #m)
#define COL_ENUM(type, m, flags, spell)                                        \
	{ #m, #m, offsetof(type, m), C_ENUM, flags, 0, spell }

/*
 * A kind of fact, a row of TABLE.  Each is added the same way
 * (fact_add()): the case opened for a write, the columns' values checked
 * in order, then CHECK (if any) for what they alone do not say; then, in
 * one transaction, the row (the case, COL, the user, the time) and its
 * audit row ACTION naming the columns given, never their values.  Each
 * is listed the same way (fact_rows()): the case opened for a read, LIST
 * (?1 the case) read row by row with READ.  WHAT and READING name the
 * write and the read in a failure's sentence.
 */
struct fact {
	const char *table, *what, *action;
	struct fact_col col[9];      /* ended by a NULL name */
	enum db_status (*check)(struct db *db, const char *what, int64_t id,
				void *fact);
	const char *reading, *list;
	db_row_read read;
	char insert[512];            /* made from COL on the first write */
};

static const void *
at(const void *fact, const struct fact_col *c)
{
	return (const char *)fact + c->off;
}

/* Column C of FACT is given: a text not empty, a flag or number set. */
static bool
col_given(const struct fact_col *c, const void *fact)
{
	const void *v = at(fact, c);

	switch (c->type) {
	case C_BOOL:
		return *(const bool *)v;
	case C_BITS:
		return *(const unsigned *)v != 0;
	case C_ID:
		return *(const int64_t *)v != 0;
	case C_ENUM:
		return *(const int *)v != -1;
	default:
		return given(v);
	}
}

/* Column C differs between facts A and B. */
static bool
col_differs(const struct fact_col *c, const void *a, const void *b)
{
	if (c->type == C_ENUM)
		return *(const int *)at(a, c) != *(const int *)at(b, c);
	return strcmp(at(a, c), at(b, c)) != 0;
}

static enum db_status
check_cols(struct db *db, const struct fact *k, const void *fact)
{
	enum db_status s = DB_OK;

	for (const struct fact_col *c = k->col; c->name && s == DB_OK; c++) {
		bool req = c->flags & REQUIRED;

		if (c->type == C_DATE)
			s = check_date(db, k->what, c->name, at(fact, c), req);
		else if (c->type == C_TEXT || c->type == C_LINES)
			s = check_text(db, k->what, c->name, at(fact, c), req,
				       c->max, c->type == C_LINES);
	}
	return s;
}

/* Bind FACT's columns to ST from ?2 on; the user after them. */
static void
bind_cols(struct db *db, sqlite3_stmt *st, const struct fact *k, void *fact)
{
	int i = 2;

	for (const struct fact_col *c = k->col; c->name; c++, i++) {
		void *v = (char *)fact + c->off;

		switch (c->type) {
		case C_AUTHOR:
			if (!db->cf_bulk || *(char *)v == '\0')
				str_copy(v, db->user, c->max);
			db_bind_text(st, i, v);
			break;
		case C_BOOL:
			sqlite3_bind_int(st, i, *(bool *)v ? 1 : 0);
			break;
		case C_BITS:
			sqlite3_bind_int(st, i, (int)*(unsigned *)v);
			break;
		case C_ID:
			if (*(int64_t *)v)
				sqlite3_bind_int64(st, i, *(int64_t *)v);
			break;
		case C_ENUM:
			db_bind_text(st, i, c->spell(*(int *)v));
			break;
		default:
			db_bind_text(st, i, v);
			break;
		}
	}
	sqlite3_bind_text(st, i, db->user, -1, SQLITE_STATIC);
}

/* The columns of FACT an audit row names: those given, and ALWAYS. */
static void
audit_cols(struct strbuf *sb, const struct fact *k, const void *fact)
{
	for (const struct fact_col *c = k->col; c->name; c++)
		if (c->audit)
			field_if(sb, c->audit,
				 (c->flags & ALWAYS) || col_given(c, fact));
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
	snprintf(rec, sizeof rec, "offender %lld", (long long)offender);
	snprintf(detail, sizeof detail, "%s %lld: %s", action + 8,
		 (long long)fact, sb_str(fields)[0] ? sb_str(fields) : "-");
	return db_audit_write(db, action, rec, detail);
}

/* K's INSERT, made once from its columns. */
static const char *
insert_sql(struct fact *k)
{
	struct strbuf sb;

	if (k->insert[0])
		return k->insert;
	sb_init(&sb);
	sb_printf(&sb, "INSERT INTO %s(offender_id", k->table);
	for (const struct fact_col *c = k->col; c->name; c++)
		sb_printf(&sb, ", %s", c->name);
	sb_add(&sb, ", recorded_by, recorded_at) VALUES (?");
	for (const struct fact_col *c = k->col; c->name; c++)
		sb_add(&sb, ",?");
	sb_add(&sb, ",?,strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	str_copy(k->insert, sb_str(&sb), sizeof k->insert);
	sb_free(&sb);
	return k->insert;
}

/* Inside a transaction: write FACT of kind K to offender ID, its id into
 * *FACT_ID, and its audit row naming FIELDS. */
static enum db_status
fact_write(struct db *db, struct fact *k, int64_t id, void *fact,
	   const struct strbuf *fields, int64_t *fact_id)
{
	sqlite3_stmt *st = db_stmt(db, insert_sql(k));
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	bind_cols(db, st, k, fact);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, k->what);
	*fact_id = sqlite3_last_insert_rowid(db->sql);
	return audit_fact(db, k->action, id, *fact_id, fields);
}

/* The case, the columns and K's own check of FACT, for a write. */
static enum db_status
fact_check(struct db *db, const struct fact *k, int64_t id, void *fact)
{
	enum db_status s;

	if ((s = open_case(db, id, true, k->what)) != DB_OK ||
	    (s = check_cols(db, k, fact)) != DB_OK)
		return s;
	return k->check ? k->check(db, k->what, id, fact) : DB_OK;
}

/* Add FACT of kind K to offender ID; its id into *FACT_ID. */
static enum db_status
fact_add(struct db *db, struct fact *k, int64_t id, void *fact,
	 int64_t *fact_id)
{
	struct strbuf f;
	enum db_status s;

	if ((s = fact_check(db, k, id, fact)) != DB_OK ||
	    (s = db_tx_begin(db)) != DB_OK)
		return s;
	sb_init(&f);
	audit_cols(&f, k, fact);
	s = fact_write(db, k, id, fact, &f, fact_id);
	sb_free(&f);
	return db_tx_end(db, s);
}

/* Offender ID's facts of kind K into a DB_LIST's fields. */
static enum db_status
fact_rows(struct db *db, const struct fact *k, int64_t id, void *v, int *n,
	  int *cap, size_t size)
{
	sqlite3_stmt *st;
	enum db_status s;

	*n = 0;
	if ((s = open_case(db, id, false, k->reading)) != DB_OK)
		return s;
	if ((st = db_stmt(db, k->list)) == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return db_rows(db, st, k->read, v, n, cap, size, k->reading);
}

#define FACT_ROWS(db, k, id, list)                                             \
	fact_rows((db), (k), (id), &(list)->v, &(list)->n, &(list)->cap,       \
		  sizeof *(list)->v)

/* The typed calls of fact K (casefacts.h): ADD a TYPE, LIST a LIST. */
#define FACT_CALLS(k, add, type, list, list_type)                              \
	enum db_status add(struct db *db, int64_t id, type *fact)              \
	{                                                                      \
		return fact_add(db, &(k), id, fact, &fact->id);                \
	}                                                                      \
	enum db_status list(struct db *db, int64_t id, list_type *l)           \
	{                                                                      \
		return FACT_ROWS(db, &(k), id, l);                             \
	}

/* --- risk ------------------------------------------------------------- */

static enum db_status
risk_check(struct db *db, const char *what, int64_t id, void *fact)
{
	const struct db_risk *r = fact;

	(void)id;
	if (cf_rosh_name(r->rosh) == NULL)
		return db_fail(db, DB_INVALID, "%s: rosh: not a risk of "
			       "serious harm (low, medium, high, very_high)",
			       what);
	if (r->at_risk >= 1u << CF_RISK_N)
		return db_fail(db, DB_INVALID, "%s: at_risk: not a set of "
			       "groups", what);
	return DB_OK;
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

static struct fact risk_fact = {
	"risk_assessments", "recording a risk assessment", "offender.risk",
	{ COL(struct db_risk, date, C_DATE, REQUIRED | ALWAYS, 0),
	  COL_ENUM(struct db_risk, rosh, ALWAYS, cf_rosh_name),
	  COL(struct db_risk, at_risk, C_BITS, 0, 0),
	  COL(struct db_risk, assessor, C_TEXT, 0, CF_FIELD_MAX) },
	risk_check, "reading risk",
	"SELECT id, date, rosh, at_risk, assessor, recorded_by, recorded_at "
	"FROM risk_assessments WHERE offender_id = ? ORDER BY id DESC",
	read_risk, "",
};

FACT_CALLS(risk_fact, db_risk_add, struct db_risk,
	   db_risk_list, struct db_risks)

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

/* The tool must be one of the setting's; its spelling becomes the
 * setting's. */
static enum db_status
score_check(struct db *db, const char *what, int64_t id, void *fact)
{
	struct db_score *sc = fact;
	struct db_tools tools = { 0 };
	struct strbuf names;
	enum db_status s;
	bool found = false;

	(void)id;
	if ((s = db_score_tools(db, &tools)) != DB_OK)
		return s;
	for (int i = 0; i < tools.n && !found; i++)
		if ((found = strcasecmp(sc->tool, tools.v[i].name) == 0))
			str_copy(sc->tool, tools.v[i].name, sizeof sc->tool);
	if (!found) {
		sb_init(&names);
		for (int i = 0; i < tools.n; i++)
			sb_printf(&names, "%s%s", i ? ", " : "",
				  tools.v[i].name);
		s = db_fail(db, DB_INVALID, "%s: tool: \"%s\" is not an "
			    "assessment tool (the setting assessment_tools: "
			    "%s)", what, sc->tool, sb_str(&names));
		sb_free(&names);
	}
	db_list_free(&tools);
	return s;
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

static struct fact score_fact = {
	"scored_assessments", "recording a scored assessment",
	"offender.score",
	{ COL(struct db_score, date, C_DATE, REQUIRED | ALWAYS, 0),
	  COL(struct db_score, tool, C_NAME, ALWAYS, 0),
	  COL(struct db_score, score, C_TEXT, REQUIRED | ALWAYS,
	      CF_SCORE_MAX) },
	score_check, "reading assessments",
	"SELECT id, date, tool, score, recorded_by, recorded_at FROM "
	"scored_assessments WHERE offender_id = ? ORDER BY id DESC",
	read_score, "",
};

FACT_CALLS(score_fact, db_score_add, struct db_score,
	   db_score_list, struct db_scores)

/* --- key dates --------------------------------------------------------- */

void
db_key_dates_init(struct db_key_dates *k)
{
	memset(k, 0, sizeof *k);
	k->release_type = -1;
}

static enum db_status
key_check(struct db *db, const char *what, int64_t id, void *fact)
{
	const struct db_key_dates *k = fact;
	const char *ne = k->notification_end;

	(void)id;
	if (strcmp(ne, CF_INDEFINITE) != 0 &&
	    check_date(db, what, "notification_end", ne, false) != DB_OK)
		return db_fail(db, DB_INVALID, "%s: notification_end: \"%s\" "
			       "is neither a date (YYYY-MM-DD) nor \"%s\"",
			       what, ne, CF_INDEFINITE);
	if (k->release_type != -1 && cf_release_name(k->release_type) == NULL)
		return db_fail(db, DB_INVALID, "%s: release_type: not a "
			       "release type", what);
	return DB_OK;
}

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

#define KEY_COLS "id, sentence_expiry, licence_expiry, expected_release, " \
	"release_type, notification_end, mappa_j_sent, recorded_by, " \
	"recorded_at"

/* Set as a whole by db_key_dates_set(), whose audit row names only what
 * changed. */
static struct fact key_fact = {
	"key_dates", "setting key dates", "offender.dates",
	{ COL(struct db_key_dates, sentence_expiry, C_DATE, 0, 0),
	  COL(struct db_key_dates, licence_expiry, C_DATE, 0, 0),
	  COL(struct db_key_dates, expected_release, C_DATE, 0, 0),
	  COL_ENUM(struct db_key_dates, release_type, 0, cf_release_name),
	  COL(struct db_key_dates, notification_end, C_NAME, 0, 0),
	  COL(struct db_key_dates, mappa_j_sent, C_DATE, 0, 0) },
	key_check, "reading key dates",
	"SELECT " KEY_COLS " FROM key_dates WHERE offender_id = ? ORDER BY "
	"id DESC",
	read_key_dates, "",
};

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
	return walk_end(db, st, rc, key_fact.reading);
}

enum db_status
db_key_dates_set(struct db *db, int64_t id, struct db_key_dates *k)
{
	struct db_key_dates old;
	struct strbuf f;
	enum db_status s;

	if ((s = fact_check(db, &key_fact, id, k)) != DB_OK ||
	    (s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = key_current(db, id, &old)) != DB_OK)
		return db_tx_end(db, s);
	sb_init(&f);
	for (const struct fact_col *c = key_fact.col; c->name; c++)
		field_if(&f, c->audit, col_differs(c, &old, k));
	if (f.len == 0)
		*k = old;
	else
		s = fact_write(db, &key_fact, id, k, &f, &k->id);
	sb_free(&f);
	return db_tx_end(db, s);
}

enum db_status
db_key_dates_get(struct db *db, int64_t id, struct db_key_dates *k)
{
	enum db_status s;

	if ((s = open_case(db, id, false, key_fact.reading)) != DB_OK)
		return s;
	return key_current(db, id, k);
}

enum db_status
db_key_dates_history(struct db *db, int64_t id,
		     struct db_key_dates_list *list)
{
	return FACT_ROWS(db, &key_fact, id, list);
}

/* --- order ends -------------------------------------------------------- */

/* The case's history must hold the order; it cannot end before it was
 * made. */
static const char *
order_kind_name(int kind)
{
	return ev_kind_name(EV_ORDER, kind);
}

static enum db_status
order_end_check(struct db *db, const char *what, int64_t id, void *fact)
{
	const struct db_order_end *oe = fact;
	const char *kind = order_kind_name(oe->kind);
	sqlite3_stmt *st;
	int rc, found;

	if (kind == NULL)
		return db_fail(db, DB_INVALID, "%s: kind: not an order",
			       what);
	st = db_stmt(db, "SELECT count(*) FROM events WHERE offender_id = ? "
			 "AND type = ? AND kind = ? AND date = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, ev_type_name(EV_ORDER));
	db_bind_text(st, 3, kind);
	db_bind_text(st, 4, oe->made);
	rc = sqlite3_step(st);
	found = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, what);
	if (found == 0)
		return db_fail(db, DB_INVALID, "%s: the case has no %s order "
			       "made on %s", what, kind, oe->made);
	if (oe->ends[0] && strcmp(oe->ends, oe->made) < 0)
		return db_fail(db, DB_INVALID, "%s: ends: %s is before the "
			       "order was made (%s)", what, oe->ends, oe->made);
	return DB_OK;
}

static void
read_order_end(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_order_end *oe = row;

	(void)db;
	oe->id = sqlite3_column_int64(st, 0);
	oe->kind = ev_kind_parse(EV_ORDER, col_text(st, 1));
	db_column_copy(st, 2, oe->made, sizeof oe->made);
	db_column_copy(st, 3, oe->ends, sizeof oe->ends);
}

static struct fact order_end_fact = {
	"order_ends", "setting an order's end", "offender.order_end",
	{ COL_ENUM(struct db_order_end, kind, ALWAYS, order_kind_name),
	  COL(struct db_order_end, made, C_DATE, REQUIRED | ALWAYS, 0),
	  COL(struct db_order_end, ends, C_DATE, 0, 0) },
	order_end_check, "reading orders",
	"SELECT id, kind, made, ends FROM order_ends o WHERE offender_id = ?1 "
	"AND id = (SELECT max(id) FROM order_ends p WHERE p.offender_id = ?1 "
	"AND p.kind = o.kind AND p.made = o.made) ORDER BY made, kind",
	read_order_end, "",
};

FACT_CALLS(order_end_fact, db_order_end_set, struct db_order_end,
	   db_order_end_list, struct db_order_ends)

/* --- offences ---------------------------------------------------------- */

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

/* The current index offence is the last added with is_index. */
static struct fact offence_fact = {
	"offences", "recording an offence", "offender.offence",
	{ COL_AS(struct db_offence, is_index, C_BOOL, 0, 0, "index"),
	  COL(struct db_offence, description, C_TEXT, REQUIRED | ALWAYS,
	      CF_LONG_MAX),
	  COL(struct db_offence, date, C_DATE, 0, 0),
	  COL(struct db_offence, court, C_TEXT, 0, CF_FIELD_MAX),
	  COL(struct db_offence, sentence, C_TEXT, 0, CF_LONG_MAX) },
	NULL, "reading offences",
	"SELECT id, id = (SELECT max(id) FROM offences p WHERE p.offender_id "
	"= ?1 AND p.is_index), description, date, court, sentence, "
	"recorded_by, recorded_at FROM offences WHERE offender_id = ?1 "
	"ORDER BY 2 DESC, id DESC",
	read_offence, "",
};

FACT_CALLS(offence_fact, db_offence_add, struct db_offence,
	   db_offence_list, struct db_offences)

/* --- case notes ------------------------------------------------------- */

/* A correction names a note of the same case. */
static enum db_status
note_check(struct db *db, const char *what, int64_t id, void *fact)
{
	const struct db_note *n = fact;
	sqlite3_stmt *st;
	int64_t of = 0;
	int rc;

	if (n->corrects == 0)
		return DB_OK;
	st = db_stmt(db, "SELECT offender_id FROM case_notes WHERE id = ?");
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
		return db_fail(db, DB_INVALID, "%s: corrects: note %lld is "
			       "not a note of this case", what,
			       (long long)n->corrects);
	return DB_OK;
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

static struct fact note_fact = {
	"case_notes", "adding a case note", "offender.note",
	{ COL(struct db_note, date, C_DATE, REQUIRED | ALWAYS, 0),
	  COL_AS(struct db_note, author, C_AUTHOR, 0, DB_NAME_MAX, NULL),
	  COL(struct db_note, subject, C_TEXT, REQUIRED | ALWAYS,
	      CF_FIELD_MAX),
	  COL(struct db_note, text, C_LINES, REQUIRED | ALWAYS, CF_TEXT_MAX),
	  COL(struct db_note, corrects, C_ID, 0, 0) },
	note_check, "reading case notes",
	"SELECT id, date, author, subject, text, corrects, recorded_at FROM "
	"case_notes WHERE offender_id = ? ORDER BY id DESC",
	read_note, "",
};

FACT_CALLS(note_fact, db_note_add, struct db_note,
	   db_note_list, struct db_notes)

/* --- disclosures ------------------------------------------------------- */

/* Decided by a held meeting or a person, one of them; an undertaking
 * only with a disclosure. */
static enum db_status
disclosure_check(struct db *db, const char *what, int64_t id, void *fact)
{
	struct db_disclosure *d = fact;
	char status[16] = "", date[MDATE_BUFSZ] = "";
	sqlite3_stmt *st;
	int rc;

	(void)id;
	if ((d->meeting_id != 0) == given(d->decided_by))
		return db_fail(db, DB_INVALID, "%s: decided by a meeting or "
			       "by a person: one of them is required", what);
	if (d->undertaking && !d->disclosed)
		return db_fail(db, DB_INVALID, "%s: undertaking: there is no "
			       "undertaking to sign when nothing is disclosed",
			       what);
	if (d->meeting_id == 0)
		return DB_OK;
	st = db_stmt(db, "SELECT status, date FROM meetings WHERE id = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, d->meeting_id);
	rc = sqlite3_step(st);
	db_column_copy(st, 0, status, sizeof status);
	db_column_copy(st, 1, date, sizeof date);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlfail(db, rc, what);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_INVALID, "%s: meeting %lld: no such "
			       "meeting", what, (long long)d->meeting_id);
	if (meeting_status_parse(status) != MEETING_HELD)
		return db_fail(db, DB_INVALID, "%s: meeting %lld is %s, not "
			       "held", what, (long long)d->meeting_id, status);
	str_copy(d->meeting_date, date, sizeof d->meeting_date);
	return DB_OK;
}

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

#define DISCLOSURE_COLS "d.id, d.date, d.disclosed, d.recipient, d.what, " \
	"d.why, d.meeting_id, d.decided_by, d.undertaking, d.recorded_by, " \
	"d.recorded_at, m.date"

static struct fact disclosure_fact = {
	"disclosures", "recording a disclosure decision",
	"offender.disclosure",
	{ COL(struct db_disclosure, date, C_DATE, REQUIRED | ALWAYS, 0),
	  COL(struct db_disclosure, disclosed, C_BOOL, ALWAYS, 0),
	  COL(struct db_disclosure, recipient, C_TEXT, REQUIRED | ALWAYS,
	      CF_FIELD_MAX),
	  COL(struct db_disclosure, what, C_LINES, REQUIRED | ALWAYS,
	      CF_TEXT_MAX),
	  COL(struct db_disclosure, why, C_LINES, REQUIRED | ALWAYS,
	      CF_TEXT_MAX),
	  COL_AS(struct db_disclosure, meeting_id, C_ID, 0, 0, "meeting"),
	  COL(struct db_disclosure, decided_by, C_TEXT, 0, CF_FIELD_MAX),
	  COL(struct db_disclosure, undertaking, C_BOOL, 0, 0) },
	disclosure_check, "reading disclosures",
	"SELECT " DISCLOSURE_COLS " FROM disclosures d LEFT JOIN meetings m "
	"ON m.id = d.meeting_id WHERE d.offender_id = ? ORDER BY d.date "
	"DESC, d.id DESC",
	read_disclosure, "",
};

FACT_CALLS(disclosure_fact, db_disclosure_add, struct db_disclosure,
	   db_disclosure_list, struct db_disclosures)

static void
read_meeting_disclosure(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_meeting_disclosure *md = row;

	read_disclosure(db, st, &md->d);
	db_column_copy(st, 12, md->ref, sizeof md->ref);
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
	c->status = (enum case_status)case_status_parse(col_text(st, 5));
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
	/* The current key dates, the list's date not NULL, of cases in
	 * the community (?1) or in custody (?2); core decides which fall
	 * in. */
#define KEY_CASES(date, sent)                                                  \
	"SELECT o.id, o.ref, o.surname, o.forenames, o.level, o.status, "     \
	"k." date ", " sent " FROM key_dates k JOIN offenders o ON o.id = "   \
	"k.offender_id WHERE k.id IN (SELECT max(id) FROM key_dates GROUP "   \
	"BY offender_id) AND o.erased IS NULL AND k." date " IS NOT NULL AND "
#define CUSTODY KEY_CASES("expected_release", "k.mappa_j_sent") \
	"o.status = ?2"
	static const char *const sql[DB_KEY_LISTS] = {
		CUSTODY,
		CUSTODY,
		KEY_CASES("licence_expiry", "NULL") "o.status IN (?1, ?2)",
		KEY_CASES("notification_end", "NULL") "o.status IN (?1, ?2) "
		"AND k.notification_end != '" CF_INDEFINITE "'",
	};
#undef CUSTODY
#undef KEY_CASES
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
	db_bind_text(st, 1, case_status_name(CASE_COMMUNITY));
	db_bind_text(st, 2, case_status_name(CASE_CUSTODY));
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

/* What a walk of one file keeps from row to row. */
struct export_walk {
	char buf[128];               /* a column made from the row */
	int64_t offender, *ids;      /* notes: the case's, so far */
	int n, cap;
};

/*
 * A file of the export: the rows of SQL, ordered by ref, their columns
 * text as they are unless FILL makes some of COL from the row; FILL
 * gives 0 to write the row, 1 to leave it out, -1 when out of memory.
 */
struct export {
	enum db_export_file file;
	int ncols;
	const char *sql;
	int (*fill)(struct export_walk *w, sqlite3_stmt *st, const char **col);
};

static int
export_risk(struct export_walk *w, sqlite3_stmt *st, const char **col)
{
	col[IX_R_AT_RISK] = cf_at_risk_format(
		(unsigned)sqlite3_column_int(st, 3), ";", false, w->buf,
		sizeof w->buf);
	return 0;
}

static int
export_offence(struct export_walk *w, sqlite3_stmt *st, const char **col)
{
	(void)w;
	col[IX_F_INDEX] = yes_no(sqlite3_column_int(st, 1) != 0);
	return 0;
}

/* Notes: those offenders.csv does not carry, each correction as the place
 * of the note it corrects among the case's notes (the carried one
 * first). */
static int
export_note(struct export_walk *w, sqlite3_stmt *st, const char **col)
{
	int64_t of = sqlite3_column_int64(st, 6);
	int64_t corrects = sqlite3_column_int64(st, 5);
	int64_t id = sqlite3_column_int64(st, 7);

	if (of != w->offender) {
		w->offender = of;
		w->n = 0;
	}
	if (array_push(&w->ids, &w->n, &w->cap, &id, sizeof id) != 0)
		return -1;
	if (sqlite3_column_int(st, 8))
		return 1; /* carried by offenders.csv */
	col[IX_N_CORRECTS] = NULL;
	for (int k = 0; corrects && k < w->n; k++) {
		if (w->ids[k] == corrects) {
			snprintf(w->buf, sizeof w->buf, "%d", k + 1);
			col[IX_N_CORRECTS] = w->buf;
		}
	}
	return 0;
}

static int
export_disclosure(struct export_walk *w, sqlite3_stmt *st, const char **col)
{
	(void)w;
	col[IX_X_DECISION] = sqlite3_column_int(st, 2) ? IX_DISCLOSE
						       : IX_NOT_DISCLOSE;
	col[IX_X_UNDERTAKING] = yes_no(sqlite3_column_int(st, 9) != 0);
	return 0;
}

static const struct export exports[] = {
	{ DB_EXPORT_RISK, IX_R_NCOLS,
	  "SELECT o.ref, r.date, r.rosh, r.at_risk, r.assessor FROM "
	  "risk_assessments r JOIN offenders o ON o.id = r.offender_id "
	  "ORDER BY o.ref, r.id", export_risk },
	{ DB_EXPORT_ASSESSMENTS, IX_A_NCOLS,
	  "SELECT o.ref, a.date, a.tool, a.score FROM scored_assessments a "
	  "JOIN offenders o ON o.id = a.offender_id ORDER BY o.ref, a.id",
	  NULL },
	{ DB_EXPORT_DATES, IX_D_NCOLS,
	  "SELECT o.ref, k.sentence_expiry, k.licence_expiry, "
	  "k.expected_release, k.release_type, k.notification_end, "
	  "k.mappa_j_sent FROM key_dates k JOIN offenders o ON o.id = "
	  "k.offender_id ORDER BY o.ref, k.id", NULL },
	{ DB_EXPORT_ORDERS, IX_OR_NCOLS,
	  "SELECT o.ref, e.kind, e.made, e.ends FROM order_ends e JOIN "
	  "offenders o ON o.id = e.offender_id ORDER BY o.ref, e.id", NULL },
	{ DB_EXPORT_OFFENCES, IX_F_NCOLS,
	  "SELECT o.ref, f.is_index, f.description, f.date, f.court, "
	  "f.sentence FROM offences f JOIN offenders o ON o.id = "
	  "f.offender_id ORDER BY o.ref, f.id", export_offence },
	{ DB_EXPORT_NOTES, IX_N_NCOLS,
	  "SELECT o.ref, c.date, c.author, c.subject, c.text, c.corrects, "
	  "c.offender_id, c.id, c.id = " DB_FIRST_NOTE_ID("c.offender_id")
	  " FROM case_notes c JOIN offenders o ON o.id = c.offender_id "
	  "WHERE c.text IS NOT NULL ORDER BY o.ref, c.id", export_note },
	{ DB_EXPORT_DISCLOSURES, IX_X_NCOLS,
	  "SELECT o.ref, d.date, d.disclosed, d.recipient, d.what, d.why, "
	  "m.date, m.level, coalesce(m.chair, d.decided_by), d.undertaking "
	  "FROM disclosures d JOIN offenders o ON o.id = d.offender_id LEFT "
	  "JOIN meetings m ON m.id = d.meeting_id ORDER BY o.ref, d.id",
	  export_disclosure },
};

/* Hand CB the rows of file X. */
static enum db_status
export_rows(struct db *db, const struct export *x, db_export_cb cb,
	    void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, x->sql);
	struct export_walk w = { "", 0, NULL, 0, 0 };
	const char *col[IX_FACT_COLS];
	enum db_status s = DB_OK;
	int rc = SQLITE_DONE, f;

	if (st == NULL)
		return DB_ERROR;
	while (s == DB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < x->ncols; i++)
			col[i] = col_text(st, i);
		f = x->fill ? x->fill(&w, st, col) : 0;
		if (f < 0)
			s = db_fail(db, DB_ERROR, "out of memory");
		else if (f == 0)
			s = put(db, cb, ctx, x->file, col, (size_t)x->ncols);
	}
	sqlite3_reset(st);
	free(w.ids);
	return s == DB_OK && rc != SQLITE_DONE ? db_sqlfail(db, rc, "exporting")
					       : s;
}

enum db_status
db_export_casefile(struct db *db, db_export_cb cb, void *ctx)
{
	enum db_status s = DB_OK;

	for (size_t i = 0; i < NELEM(exports) && s == DB_OK; i++)
		s = export_rows(db, &exports[i], cb, ctx);
	return s;
}
