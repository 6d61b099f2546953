/*
 * interchange.c -- the data layer's side of import and export
 * (interchange.md): finding offenders by ref, the bulk import path, and
 * the ordered export walk.
 *
 * The import path holds the same rules as the rest of the layer; it is
 * fast by doing per import what would otherwise be done per row.  Every
 * offender is checked here again, whatever the caller checked, by
 * db_offender_check(), and every history whole by ev_check_history()
 * (merged with what is recorded, for an offender already there); the
 * offender's derived state (category, level, status) is computed from it
 * as offenders.c's store_state() does.  Then, measured on a million
 * events (tests/bench.sh), what made the difference:
 *
 *   - rows are written in batches, one multi-row INSERT per batch, with
 *     ids counted on in C and the shared columns bound once: a statement
 *     run has a fixed cost (a cursor per index) that a batch pays once;
 *   - the SQL CHECK constraints are switched off for the import's
 *     transaction (PRAGMA ignore_check_constraints), because every value
 *     they would test has just been tested in C against the same lists
 *     and ranges; evaluating them again per row cost 40% of the writing.
 *     NOT NULL, UNIQUE and foreign keys stay on (the last deferred to the
 *     commit, so that the batches need no statement journal);
 *   - a large import into a small register drops the offenders' secondary
 *     indexes and builds them again at the end, in the same transaction:
 *     a dozen random-order index updates per row cost five times the
 *     build;
 *   - the page cache may grow for the import, so that its pages are not
 *     spilled and read back before the commit;
 *   - into a database this process has just created for the import (no
 *     one else can have used it), the import writes through a rollback
 *     journal instead of the write-ahead log, and WAL is switched on again
 *     after the commit: a new database's pages are new, so the journal
 *     holds next to nothing, and each page is written once, into the
 *     file, instead of into the log and then again by the checkpoint
 *     (0.5-0.6 s of a million events).  The pages may then spill into the
 *     file before the commit, so the cache stays small (fewer fresh pages
 *     of memory, which this machine is slow to hand out).  A crash
 *     mid-import leaves a hot journal, and the next opening rolls the
 *     file back to the empty database, as the log would have.
 *
 * Rows go in in key order (new ids, events by date), so the events'
 * B-trees only grow at their ends.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/interchange.h"
#include "core/util.h"
#include "db/db_internal.h"

_Static_assert(IX_TEXT_MAX < DB_FIELD_MAX, "interchange text fits a field");
_Static_assert(IX_REF_MAX < DB_REF_MAX, "interchange ref fits");

static const char no_reason[] = "no reason recorded (imported)";


/* Read the history of offender ID into *V (growing *V, *CAP); *N events
 * (db_history_read(), offenders.c, into this scratch array). */
static enum db_status
load_history(struct db *db, int64_t id, struct ev **v, size_t *cap, size_t *n)
{
	struct db_history h = { *v, 0, (int)*cap };
	enum db_status s = db_history_read(db, id, &h);

	*v = h.v;
	*cap = (size_t)h.cap;
	*n = (size_t)h.n;
	return s;
}

enum db_status
db_offender_find(struct db *db, const char *ref, int64_t *id, bool *erased,
		 struct ev **evs, size_t *n)
{
	sqlite3_stmt *st;
	enum db_status s;
	size_t cap = 0;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "finding an offender")) !=
	    DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, erased IS NOT NULL FROM offenders "
			 "WHERE ref = upper(?)");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (erased)
			*erased = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no offender %s", ref);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "finding an offender");
	if (evs == NULL)
		return DB_OK;
	*evs = NULL;
	if ((s = load_history(db, *id, evs, &cap, n)) != DB_OK) {
		free(*evs);
		*evs = NULL;
	}
	return s;
}

/* --- importing ------------------------------------------------------------ */

/*
 * Rows wait in small batches and go in with one multi-row INSERT per
 * batch: a statement run has a fixed cost (its cursors on a dozen
 * indexes, and the CHECK constraints' IN lists, built once per run), and
 * a batch pays it once.  A batch of any size is written as statements of
 * 2^k rows, prepared when first needed and kept until the import ends.
 * Offenders are flushed before events, whose offender_id refers to them.
 */
#define OFF_SHIFT 5 /* batches of up to 32 offenders */
#define EV_SHIFT 7  /* and of up to 128 events */
#define OFF_BATCH (1 << OFF_SHIFT)
#define EV_BATCH (1 << EV_SHIFT)
#define OFF_PARAMS 17
#define EV_PARAMS 8
#define NO_TEXT ((size_t)-1)

/* The text columns of a waiting offender, in statement order. */
enum {
	T_REF, T_PSEUDO, T_SURNAME, T_FORENAMES, T_DOB, T_GENDER, T_PNC,
	T_CRN, T_VISOR, T_DISTRICT, T_AGENCY, T_NOTES, T_REVIEW, T_COUNT
};

struct pend_off {
	int64_t id;
	size_t text[T_COUNT]; /* offsets in off_text, or NO_TEXT */
	int category, level;  /* 0: none */
	enum case_status status;
};

struct pend_ev {
	int64_t offender, id;
	struct ev ev;
	size_t note; /* offset in ev_text, or NO_TEXT */
};

struct db_import {
	struct db *db;
	enum db_status failed; /* the first failure, or DB_OK */
	int64_t next_event;    /* the next event id */
	int64_t next_offender; /* the next offender id */
	int64_t first_offender;
	char now[24];
	char cache_size[24];   /* to restore */
	bool journal;          /* a rollback journal, WAL to come back */
	size_t offenders, appended, events;
	struct ev *v;          /* scratch: a history */
	size_t cap;
	sqlite3_stmt *off_st[OFF_SHIFT + 1], *ev_st[EV_SHIFT + 1];
	struct pend_off off[OFF_BATCH];
	size_t noff;
	struct pend_ev ev[EV_BATCH];
	size_t nev;
	struct strbuf off_text, ev_text;
	char **rebuild; /* CREATE INDEX statements to run again at the end */
	size_t nrebuild;
};

/* Make room for N events in the scratch history. */
static enum db_status
reserve(struct db_import *im, size_t n)
{
	if (array_reserve(&im->v, &im->cap, n, sizeof *im->v) != 0)
		return db_fail(im->db, DB_ERROR, "out of memory");
	return DB_OK;
}

/* Record the first failure of IM; returns S. */
static enum db_status
poison(struct db_import *im, enum db_status s)
{
	if (s != DB_OK && im->failed == DB_OK)
		im->failed = s;
	return s;
}

static enum db_status
scalar(struct db *db, const char *sql, int64_t *out, char *text, size_t n)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return DB_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (out)
			*out = sqlite3_column_int64(st, 0);
		if (text)
			db_column_copy(st, 0, text, n);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(db, rc, "starting an import");
}

/* The statement inserting 2^K offenders (EVENTS false) or events. */
static sqlite3_stmt *
batch_stmt(struct db_import *im, bool events, int k)
{
	sqlite3_stmt **slot = events ? &im->ev_st[k] : &im->off_st[k];
	int per = events ? EV_PARAMS : OFF_PARAMS, p = 4, rc;
	struct strbuf sb;

	if (*slot)
		return *slot;
	sb_init(&sb);
	if (events)
		sb_add(&sb, "INSERT OR FAIL INTO events(offender_id, date, id, type, "
			    "category, level, kind, note, decided_by, source, "
			    "recorded_by, recorded_at) VALUES ");
	else
		sb_add(&sb, "INSERT OR FAIL INTO offenders(id, ref, pseudo, surname, "
			    "forenames, dob, gender, pnc, crn, visor, "
			    "district, lead_agency, notes, next_review, "
			    "category, level, status, created_at, created_by) "
			    "VALUES ");
	for (int r = 0; r < 1 << k; r++) {
		sb_add(&sb, r ? ",(" : "(");
		for (int i = 0; i < per; i++)
			sb_printf(&sb, "%s?%d", i ? "," : "", p++);
		sb_add(&sb, events ? ",?1,'import',?2,?3)" : ",?2,?3)");
	}
	if (sb.failed) {
		sb_free(&sb);
		db_fail(im->db, DB_ERROR, "out of memory");
		return NULL;
	}
	rc = sqlite3_prepare_v3(im->db->sql, sb_str(&sb), -1,
				SQLITE_PREPARE_PERSISTENT, slot, NULL);
	sb_free(&sb);
	if (rc != SQLITE_OK) {
		db_sqlfail(im->db, rc, "preparing an import");
		return NULL;
	}
	/* The columns every row shares, bound once. */
	sqlite3_bind_text(*slot, 1, "import", -1, SQLITE_STATIC);
	sqlite3_bind_text(*slot, 2, events ? im->db->user : im->now, -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(*slot, 3, events ? im->now : im->db->user, -1,
			  SQLITE_STATIC);
	return *slot;
}

static void
bind_text(sqlite3_stmt *st, int i, const struct strbuf *sb, size_t off)
{
	if (off == NO_TEXT)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, sb->s + off, -1, SQLITE_STATIC);
}

/*
 * Which waiting offender made a batch fail a constraint: the sentence.
 * (OR FAIL keeps the rows before the failing one: a ref held by another
 * id is the culprit.)
 */
static enum db_status
explain_offenders(struct db_import *im, size_t from, size_t n, int rc)
{
	struct db *db = im->db;

	for (size_t i = from; i < from + n; i++) {
		const char *ref = im->off_text.s + im->off[i].text[T_REF];
		sqlite3_stmt *q = db_stmt(db, "SELECT 1 FROM offenders "
					      "WHERE ref = ? AND id <> ?");
		int found;

		if (q == NULL)
			return DB_ERROR;
		sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 2, im->off[i].id);
		found = sqlite3_step(q) == SQLITE_ROW;
		sqlite3_reset(q);
		for (size_t j = from; j < i && !found; j++)
			found = strcmp(ref, im->off_text.s +
				       im->off[j].text[T_REF]) == 0;
		if (found)
			return db_fail(db, DB_INVALID, "%s: an offender with "
				       "this reference already exists; an "
				       "import never overwrites a record",
				       ref);
	}
	return db_sqlfail(db, rc, "importing offenders");
}

/* Write the waiting offenders. */
static enum db_status
flush_offenders(struct db_import *im)
{
	size_t done = 0;

	while (done < im->noff) {
		int k = OFF_SHIFT;
		sqlite3_stmt *st;
		int rc, p = 4;

		while ((size_t)1 << k > im->noff - done)
			k--;
		if ((st = batch_stmt(im, false, k)) == NULL)
			return DB_ERROR;
		for (size_t r = done; r < done + ((size_t)1 << k); r++) {
			const struct pend_off *o = &im->off[r];

			sqlite3_bind_int64(st, p++, o->id);
			for (int t = 0; t < T_COUNT; t++)
				bind_text(st, p++, &im->off_text, o->text[t]);
			if (o->category)
				sqlite3_bind_int(st, p++, o->category);
			else
				sqlite3_bind_null(st, p++);
			if (o->level)
				sqlite3_bind_int(st, p++, o->level);
			else
				sqlite3_bind_null(st, p++);
			sqlite3_bind_text(st, p++,
					  case_status_name(o->status), -1,
					  SQLITE_STATIC);
		}
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return (rc & 0xff) == SQLITE_CONSTRAINT
				? explain_offenders(im, done, (size_t)1 << k,
						    rc)
				: db_sqlfail(im->db, rc, "importing offenders");
		done += (size_t)1 << k;
	}
	im->noff = 0;
	im->off_text.len = 0;
	return DB_OK;
}

/* Write the waiting offenders, then the waiting events. */
static enum db_status
flush(struct db_import *im)
{
	size_t done = 0;
	enum db_status s;
	char dates[EV_BATCH][MDATE_BUFSZ];

	if ((s = flush_offenders(im)) != DB_OK)
		return s;
	while (done < im->nev) {
		int k = EV_SHIFT;
		sqlite3_stmt *st;
		int rc, p = 4;

		while ((size_t)1 << k > im->nev - done)
			k--;
		if ((st = batch_stmt(im, true, k)) == NULL)
			return DB_ERROR;
		for (size_t r = done; r < done + ((size_t)1 << k); r++) {
			const struct pend_ev *e = &im->ev[r];
			const char *kind = ev_kind_name(e->ev.type, e->ev.kind);

			sqlite3_bind_int64(st, p++, e->offender);
			sqlite3_bind_text(st, p++, date_format(e->ev.date,
							       dates[r]),
					  10, SQLITE_STATIC);
			sqlite3_bind_int64(st, p++, e->id);
			sqlite3_bind_text(st, p++, ev_type_name(e->ev.type), -1,
					  SQLITE_STATIC);
			if (e->ev.category)
				sqlite3_bind_int(st, p++, e->ev.category);
			else
				sqlite3_bind_null(st, p++);
			if (e->ev.level)
				sqlite3_bind_int(st, p++, e->ev.level);
			else
				sqlite3_bind_null(st, p++);
			if (kind)
				sqlite3_bind_text(st, p++, kind, -1,
						  SQLITE_STATIC);
			else
				sqlite3_bind_null(st, p++);
			bind_text(st, p++, &im->ev_text, e->note);
		}
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_sqlfail(im->db, rc, "importing events");
		done += (size_t)1 << k;
	}
	im->nev = 0;
	im->ev_text.len = 0;
	return DB_OK;
}

/* Keep S (NULL or "" is no value) in SB; its offset or NO_TEXT. */
static size_t
keep_text(struct strbuf *sb, const char *s)
{
	size_t off = sb->len;

	if (s == NULL || *s == '\0')
		return NO_TEXT;
	sb_addn(sb, s, strlen(s) + 1);
	return off;
}

/* Queue EVS[0..N) of offender ID, flushing when a batch is full. */
static enum db_status
queue_events(struct db_import *im, int64_t id, const struct db_event *evs,
	     size_t n)
{
	enum db_status s;

	for (size_t i = 0; i < n; i++) {
		struct pend_ev *e;

		if (im->nev == EV_BATCH && (s = flush(im)) != DB_OK)
			return s;
		e = &im->ev[im->nev++];
		e->offender = id;
		e->id = im->next_event++;
		e->ev = evs[i].ev;
		e->note = keep_text(&im->ev_text, evs[i].note);
		if (im->ev_text.failed)
			return db_fail(im->db, DB_ERROR, "out of memory");
		im->events++;
	}
	return DB_OK;
}

enum db_status
db_import_begin(struct db *db, struct db_import **out)
{
	struct db_import *im;
	enum db_status s;

	*out = NULL;
	if ((s = db_require(db, DB_ADMIN, "importing")) != DB_OK)
		return s;
	if ((im = calloc(1, sizeof *im)) == NULL)
		return db_fail(db, DB_ERROR, "out of memory");
	im->db = db;
	sb_init(&im->off_text);
	sb_init(&im->ev_text);
	if (db->created && db->depth == 0) {
		char mode[16] = "";

		s = scalar(db, "PRAGMA journal_mode = DELETE", NULL, mode,
			   sizeof mode);
		im->journal = s == DB_OK && strcmp(mode, "delete") == 0;
	}
	if ((s = db_tx_begin(db)) != DB_OK) {
		if (im->journal)
			sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL",
				     NULL, NULL, NULL);
		free(im);
		return s;
	}
	s = scalar(db, "SELECT coalesce(max(id), 0) + 1 FROM events",
		   &im->next_event, NULL, 0);
	if (s == DB_OK)
		s = scalar(db, "SELECT coalesce(max(id), 0) + 1 FROM offenders",
			   &im->next_offender, NULL, 0);
	if (s == DB_OK)
		s = scalar(db, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')",
			   NULL, im->now, sizeof im->now);
	if (s == DB_OK)
		s = scalar(db, "PRAGMA cache_size", NULL, im->cache_size,
			   sizeof im->cache_size);
	/* For the import's transaction only (see the top of the file):
	 * a bigger page cache, foreign keys checked at the commit, and the
	 * CHECK constraints left to the checks in C. */
	if (s == DB_OK)
		s = db_exec(db, im->journal ? "PRAGMA cache_size = -65536"
					    : "PRAGMA cache_size = -524288");
	if (s == DB_OK)
		s = db_exec(db, "PRAGMA defer_foreign_keys = ON;"
				"PRAGMA ignore_check_constraints = ON");
	if (s != DB_OK) {
		db_tx_end(db, s);
		sqlite3_exec(db->sql, "PRAGMA ignore_check_constraints = OFF",
			     NULL, NULL, NULL);
		if (im->journal)
			sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL",
				     NULL, NULL, NULL);
		free(im);
		return s;
	}
	im->first_offender = im->next_offender;
	*out = im;
	return DB_OK;
}

/*
 * Drop the offenders' secondary indexes (not the UNIQUE ones), keeping
 * their SQL to build them again at the end of the import.
 */
static enum db_status
drop_indexes(struct db_import *im)
{
	struct db *db = im->db;
	sqlite3_stmt *st = db_stmt(db, "SELECT name, sql FROM sqlite_schema "
				       "WHERE type = 'index' AND tbl_name = "
				       "'offenders' AND sql IS NOT NULL");
	char **names = NULL;
	size_t n = 0, rcap = 0, ncap = 0;
	enum db_status s = DB_OK;
	int rc;

	if (st == NULL)
		return DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 1);

		if (array_reserve(&im->rebuild, &rcap, n + 1,
				  sizeof *im->rebuild) != 0 ||
		    array_reserve(&names, &ncap, n + 1, sizeof *names) != 0 ||
		    name == NULL || sql == NULL ||
		    (im->rebuild[n] = strdup(sql)) == NULL) {
			s = db_fail(db, DB_ERROR, "out of memory");
			break;
		}
		if ((names[n] = sqlite3_mprintf("DROP INDEX \"%w\"", name)) ==
		    NULL) {
			free(im->rebuild[n]);
			s = db_fail(db, DB_ERROR, "out of memory");
			break;
		}
		n++;
	}
	sqlite3_reset(st);
	im->nrebuild = n;
	if (s == DB_OK && rc != SQLITE_DONE)
		s = db_sqlfail(db, rc, "starting an import");
	for (size_t i = 0; i < n; i++) {
		if (s == DB_OK)
			s = db_exec(db, names[i]);
		sqlite3_free(names[i]);
	}
	free(names);
	return s;
}

enum db_status
db_import_expect(struct db_import *im, size_t n)
{
	int64_t recorded = 0;
	enum db_status s;

	if (im->failed != DB_OK || im->nrebuild > 0 || n < 1000)
		return im->failed;
	s = scalar(im->db, "SELECT count(*) FROM offenders", &recorded, NULL,
		   0);
	if (s == DB_OK && (int64_t)n >= recorded)
		s = drop_indexes(im);
	return poison(im, s);
}

size_t
db_import_done(const struct db_import *im)
{
	return im->events;
}

/* Check the events' own fields, their order and their notes. */
static enum db_status
check_events(struct db_import *im, const char *ref, const struct db_event *evs,
	     size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *why = ev_check_fields(&evs[i].ev);
		char date[MDATE_BUFSZ];

		if (i > 0 && evs[i].ev.date < evs[i - 1].ev.date)
			why = "events are out of date order";
		if (why == NULL && evs[i].note && str_has_control(evs[i].note, true))
			why = "note: control characters other than tab and "
			      "line breaks are not allowed";
		if (why)
			return db_fail(im->db, DB_INVALID, "%s: %s on %s: %s",
				       ref, ev_type_name(evs[i].ev.type)
						    ? ev_type_name(evs[i].ev.type)
						    : "an event",
				       date_format(evs[i].ev.date, date), why);
	}
	return DB_OK;
}

enum db_status
db_import_offender(struct db_import *im, struct db_offender *o,
		   const struct db_event *evs, size_t n)
{
	struct db *db = im->db;
	const char *field, *why;
	enum db_status s;
	struct pend_off *p;
	char date[MDATE_BUFSZ];
	size_t at;
	mdate review;
	const char *text[T_COUNT];

	if (im->failed != DB_OK)
		return db_fail(db, im->failed, "the import has already failed");
	db_offender_normalise(o);
	if ((why = db_offender_check(o, &field)) != NULL)
		return poison(im, db_fail(db, DB_INVALID, "%s %s: %s", o->ref,
					  field ? field : "", why));
	if (o->next_review[0] && date_parse(o->next_review, &review) != 0)
		return poison(im, db_fail(db, DB_INVALID, "%s next_review: "
					  "not a date", o->ref));
	if ((s = check_events(im, o->ref, evs, n)) != DB_OK ||
	    (s = reserve(im, n)) != DB_OK)
		return poison(im, s);
	for (size_t i = 0; i < n; i++)
		im->v[i] = evs[i].ev;
	if ((why = ev_check_history(im->v, n, &at)) != NULL)
		return poison(im, db_fail(db, DB_INVALID, "%s: %s on %s: %s",
					  o->ref, ev_type_name(im->v[at].type),
					  date_format(im->v[at].date, date),
					  why));
	if (im->noff == OFF_BATCH && (s = flush_offenders(im)) != DB_OK)
		return poison(im, s);
	o->id = im->next_offender++;
	o->version = 1;
	db_pseudo(db, o->id, o->pseudo);
	p = &im->off[im->noff++];
	p->id = o->id;
	db_state_columns(im->v, n, &p->category, &p->level, &p->status);
	o->status = p->status;
	o->category = p->category;
	o->level = p->level;
	text[T_REF] = o->ref;
	text[T_PSEUDO] = o->pseudo;
	text[T_SURNAME] = o->surname;
	text[T_FORENAMES] = o->forenames;
	text[T_DOB] = o->dob;
	text[T_GENDER] = o->gender;
	text[T_PNC] = o->pnc;
	text[T_CRN] = o->crn;
	text[T_VISOR] = o->visor;
	text[T_DISTRICT] = o->district;
	text[T_AGENCY] = o->lead_agency;
	text[T_NOTES] = o->notes;
	text[T_REVIEW] = o->next_review;
	for (int t = 0; t < T_COUNT; t++)
		p->text[t] = keep_text(&im->off_text, text[t]);
	if (im->off_text.failed)
		return poison(im, db_fail(db, DB_ERROR, "out of memory"));
	if ((s = queue_events(im, o->id, evs, n)) != DB_OK)
		return poison(im, s);
	im->offenders++;
	return DB_OK;
}

enum db_status
db_import_events(struct db_import *im, int64_t id, const struct db_event *evs,
		 size_t n)
{
	struct db *db = im->db;
	sqlite3_stmt *st;
	enum db_status s;
	const char *why;
	enum case_status status;
	size_t nh = 0, i, j, k, at;
	char rec[48], detail[64], date[MDATE_BUFSZ];
	int rc, category, level;

	if (im->failed != DB_OK)
		return db_fail(db, im->failed, "the import has already failed");
	snprintf(rec, sizeof rec, "offender %lld", (long long)id);
	if ((s = check_events(im, rec, evs, n)) != DB_OK)
		return poison(im, s);
	/* What waits is written first, so the history read is whole. */
	if ((s = flush(im)) != DB_OK ||
	    (s = load_history(db, id, &im->v, &im->cap, &nh)) != DB_OK ||
	    (s = reserve(im, nh + n)) != DB_OK)
		return poison(im, s);
	/* Merge from the back: each new event after the recorded ones of
	 * its date. */
	i = nh;
	j = n;
	for (k = nh + n; k > 0; k--) {
		if (j > 0 && (i == 0 || evs[j - 1].ev.date >= im->v[i - 1].date))
			im->v[k - 1] = evs[--j].ev;
		else
			im->v[k - 1] = im->v[--i];
	}
	if ((why = ev_check_history(im->v, nh + n, &at)) != NULL)
		return poison(im, db_fail(db, DB_INVALID, "%s: %s on %s: %s",
					  rec, ev_type_name(im->v[at].type),
					  date_format(im->v[at].date, date),
					  why));
	db_state_columns(im->v, nh + n, &category, &level, &status);
	st = db_stmt(db, "UPDATE offenders SET version = version + 1, "
			 "category = ?, level = ?, status = ? WHERE id = ? "
			 "AND erased IS NULL");
	if (st == NULL)
		return poison(im, DB_ERROR);
	if (category) {
		sqlite3_bind_int(st, 1, category);
		sqlite3_bind_int(st, 2, level);
	}
	sqlite3_bind_text(st, 3, case_status_name(status), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return poison(im, db_sqlfail(db, rc, "importing events"));
	if (sqlite3_changes(db->sql) == 0) {
		st = db_stmt(db, "SELECT 1 FROM offenders WHERE id = ?");
		if (st == NULL)
			return poison(im, DB_ERROR);
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		return poison(im, rc == SQLITE_ROW
			? db_fail(db, DB_INVALID, "%s: the record was erased; "
				  "no events can be added to it", rec)
			: db_fail(db, DB_NOTFOUND, "no offender with id %lld",
				  (long long)id));
	}
	if ((s = queue_events(im, id, evs, n)) != DB_OK)
		return poison(im, s);
	snprintf(detail, sizeof detail, "events: %zu", n);
	s = db_audit_write(db, "offender.import", rec, detail);
	if (s == DB_OK)
		im->appended++;
	return poison(im, s);
}

enum db_status
db_import_facts(struct db_import *im)
{
	enum db_status s;

	if (im->failed != DB_OK)
		return db_fail(im->db, im->failed, "the import has already "
			       "failed");
	if ((s = flush(im)) != DB_OK)
		return poison(im, s);
	im->db->cf_bulk = true;
	im->db->cf_written = 0;
	return DB_OK;
}

enum db_status
db_import_end(struct db_import *im, enum db_status st)
{
	struct db *db = im->db;
	char rec[64], detail[160], sql[160];

	if (st == DB_OK && im->failed != DB_OK)
		st = db_fail(db, im->failed, "the import failed; nothing was "
			     "imported");
	if (st == DB_OK)
		st = flush(im);
	for (size_t i = 0; i < im->nrebuild && st == DB_OK; i++)
		st = db_exec(db, im->rebuild[i]);
	if (st == DB_OK) {
		size_t facts = db->cf_written;

		/* One row for the import: its offenders' ids run on. */
		if (im->offenders)
			snprintf(rec, sizeof rec, "offenders %lld-%lld",
				 (long long)im->first_offender,
				 (long long)im->next_offender - 1);
		snprintf(detail, sizeof detail, "offenders: %zu; events: %zu; "
			 "recorded offenders added to: %zu", im->offenders,
			 im->events, im->appended);
		if (db->cf_bulk)
			snprintf(detail + strlen(detail),
				 sizeof detail - strlen(detail),
				 "; case file facts: %zu", facts);
		st = db_audit_write(db, "import", im->offenders ? rec : NULL,
				    detail);
	}
	db->cf_bulk = false;
	db->cf_written = 0;
	for (int k = 0; k <= OFF_SHIFT; k++)
		sqlite3_finalize(im->off_st[k]);
	for (int k = 0; k <= EV_SHIFT; k++)
		sqlite3_finalize(im->ev_st[k]);
	st = db_tx_end(db, st);
	snprintf(sql, sizeof sql, "PRAGMA ignore_check_constraints = OFF;"
		 "PRAGMA cache_size = %s;%s",
		 im->cache_size[0] ? im->cache_size : "-2000",
		 im->journal ? "PRAGMA journal_mode = WAL" : "");
	sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	sb_free(&im->off_text);
	sb_free(&im->ev_text);
	for (size_t i = 0; i < im->nrebuild; i++)
		free(im->rebuild[i]);
	free(im->rebuild);
	free(im->v);
	free(im);
	return st;
}

const char *
db_event_decider(const struct db_event *e, char *buf, size_t n)
{
	if (e->source == SRC_IMPORT && e->decided_by &&
	    strcmp(e->decided_by, "import") == 0) {
		snprintf(buf, n, "import by %s at %s", e->recorded_by,
			 e->recorded_at);
		return buf;
	}
	return e->decided_by && *e->decided_by ? e->decided_by : NULL;
}

const char *
db_event_reason(const struct db_event *e)
{
	if (e->note && *e->note)
		return e->note;
	if (e->source == SRC_IMPORT && e->ev.type == EV_LEVEL)
		return no_reason;
	return NULL;
}

/* --- exporting ------------------------------------------------------------ */

unsigned
db_export_columns(const struct db_export_sel *sel)
{
	unsigned all = (1u << IX_O_NCOLS) - 1, cols;

	cols = sel && sel->columns ? sel->columns & all : all;
	cols |= 1u << IX_O_REF;
	if (sel && sel->pseudonymised)
		for (int c = 0; c < IX_O_NCOLS; c++)
			if (c != IX_O_REF && ix_identifying(c))
				cols &= ~(1u << c);
	return cols;
}

/* Hand CB the rows of ST, NCOLS text columns each, as FILE; a column
 * whose bit is clear in KEEP is handed as NULL. */
static enum db_status
walk(struct db *db, sqlite3_stmt *st, int ncols, unsigned keep,
     enum db_export_file file, db_export_cb cb, void *ctx)
{
	const char *col[16];
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++)
			col[i] = keep & (1u << i)
				 ? (const char *)sqlite3_column_text(st, i)
				 : NULL;
		if (cb(ctx, file, col, (size_t)ncols) != 0) {
			sqlite3_reset(st);
			return db_fail(db, DB_ERROR, "the export stopped");
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlfail(db, rc, "exporting");
}

/* The cases SEL selects: their ids as a JSON array into IDS, their refs
 * (comma-separated) into REFS, how many into *N; when ALL, how many
 * alone. */
static enum db_status
export_cases(struct db *db, const struct db_export_sel *sel, bool all,
	     struct strbuf *ids, struct strbuf *refs, size_t *n)
{
	sqlite3_stmt *st;
	enum db_status s = DB_OK;
	int rc;

	*n = 0;
	if (all) {
		if ((st = db_stmt(db, "SELECT count(*) FROM offenders")) ==
		    NULL)
			return DB_ERROR;
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*n = (size_t)sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return rc == SQLITE_ROW ? DB_OK
					: db_sqlfail(db, rc, "exporting");
	}
	sb_add(ids, "[");
	for (size_t i = 0; i < sel->nrefs; i++) {
		char ref[DB_REF_MAX];

		str_copy(ref, sel->refs[i], sizeof ref);
		for (char *p = ref; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		st = db_stmt(db, "SELECT id FROM offenders WHERE ref = ?");
		if (st == NULL)
			return DB_ERROR;
		sqlite3_bind_text(st, 1, ref, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return db_fail(db, DB_NOTFOUND, "--case %s: no such "
				       "case", sel->refs[i]);
		if (rc != SQLITE_ROW)
			return db_sqlfail(db, rc, "exporting");
	}
	st = db_stmt(db, "SELECT id, ref FROM offenders WHERE "
			 "(?1 IS NULL OR ref IN (SELECT upper(value) FROM "
			 "json_each(?1))) AND (?2 = 0 OR level = ?2) AND "
			 "(?3 = 0 OR category = ?3) AND (?4 IS NULL OR "
			 "district = ?4) ORDER BY ref");
	if (st == NULL)
		return DB_ERROR;
	if (sel->nrefs) {
		struct strbuf j;

		sb_init(&j);
		sb_add(&j, "[");
		for (size_t i = 0; i < sel->nrefs; i++) {
			sb_add(&j, i ? ",\"" : "\"");
			/* refs hold none of '"' and '\\' (checked below). */
			sb_add(&j, sel->refs[i]);
			sb_add(&j, "\"");
		}
		sb_add(&j, "]");
		if (j.failed) {
			sb_free(&j);
			return db_fail(db, DB_ERROR, "out of memory");
		}
		sqlite3_bind_text(st, 1, sb_str(&j), -1, SQLITE_TRANSIENT);
		sb_free(&j);
	}
	sqlite3_bind_int(st, 2, sel->level);
	sqlite3_bind_int(st, 3, sel->category);
	db_bind_text(st, 4, sel->district);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sb_printf(ids, "%s%lld", *n ? "," : "",
			  (long long)sqlite3_column_int64(st, 0));
		sb_add(refs, *n ? ", " : "");
		sb_add(refs, (const char *)sqlite3_column_text(st, 1));
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		s = db_sqlfail(db, rc, "exporting");
	sb_add(ids, "]");
	if (s == DB_OK && (ids->failed || refs->failed))
		s = db_fail(db, DB_ERROR, "out of memory");
	return s;
}

/* The rows of an export, by ref or (pseudonymised) by pseudonym; ?1 the
 * cases' ids as a JSON array, or NULL for all. */
#define EXPORT_OFFENDERS(REF) \
	"SELECT " REF ", coalesce(surname, CASE WHEN erased IS NOT NULL " \
	"THEN '(erased)' END), forenames, dob, gender, pnc, crn, visor, " \
	"district, lead_agency, (SELECT text FROM case_notes WHERE id = " \
	DB_FIRST_NOTE_ID("offenders.id") ") FROM offenders WHERE ?1 IS " \
	"NULL OR " \
	"id IN (SELECT value FROM json_each(?1)) ORDER BY " REF
#define EXPORT_EVENTS(REF) \
	"SELECT " REF ", e.date, e.type, e.category, e.level, e.kind, " \
	"e.note FROM offenders o JOIN events e ON e.offender_id = o.id " \
	"WHERE ?1 IS NULL OR o.id IN (SELECT value FROM json_each(?1)) " \
	"ORDER BY " REF ", e.date, e.id"
static const char *const export_offenders_sql[2] = {
	EXPORT_OFFENDERS("ref"), EXPORT_OFFENDERS("pseudo")
};
static const char *const export_events_sql[2] = {
	EXPORT_EVENTS("o.ref"), EXPORT_EVENTS("o.pseudo")
};

/* Whether an export with SEL (ALL: every case) writes the case file's
 * facts: only a whole export, every case and every column, does. */
static bool
db_export_casefile_goes(const struct db_export_sel *sel, bool all)
{
	return all && !sel->pseudonymised &&
	       db_export_columns(sel) == (1u << IX_O_NCOLS) - 1;
}

/* What an export with SEL discloses, for the audit trail, into SB. */
static void
export_detail(struct strbuf *sb, const char *recipient, const char *where,
	      const struct db_export_sel *sel, bool all, size_t n,
	      const struct strbuf *refs)
{
	unsigned cols = db_export_columns(sel);
	const char *const *names = ix_columns(IX_OFFENDERS, NULL);
	bool first = true;

	sb_printf(sb, "recipient: %s; to: %s; cases: ", recipient,
		  where ? where : "-");
	if (all)
		sb_printf(sb, "all (%zu)", n);
	else
		sb_printf(sb, "%zu (%s)", n, sb_str(refs));
	sb_add(sb, "; columns: ");
	if (cols == (1u << IX_O_NCOLS) - 1) {
		sb_add(sb, "all");
	} else {
		for (int c = 0; c < IX_O_NCOLS; c++) {
			if (!(cols & (1u << c)))
				continue;
			sb_printf(sb, "%s%s", first ? "" : ",", names[c]);
			first = false;
		}
	}
	if (sel->pseudonymised)
		sb_add(sb, "; pseudonymised");
	sb_add(sb, db_export_casefile_goes(sel, all)
		   ? "; case file: all" : "; case file: none");
}

enum db_status
db_export(struct db *db, const char *recipient, const char *where,
	  const struct db_export_sel *sel_in, db_export_cb cb, void *ctx)
{
	static const struct db_export_sel everything;
	const struct db_export_sel *sel = sel_in ? sel_in : &everything;
	bool all = sel->nrefs == 0 && sel->level == 0 && sel->category == 0 &&
		   sel->district == NULL;
	unsigned cols = db_export_columns(sel);
	unsigned ecols = (1u << IX_E_NCOLS) - 1;
	enum db_status s;
	struct strbuf sb, ids, refs;
	sqlite3_stmt *st;
	size_t n = 0;
	bool own;

	if ((s = db_require(db, DB_ADMIN, "exporting")) != DB_OK)
		return s;
	if (recipient == NULL || *recipient == '\0' ||
	    str_has_control(recipient, false) || strlen(recipient) > 200)
		return db_fail(db, DB_INVALID, "the recipient is required: at "
			       "most 200 characters, without control "
			       "characters");
	if (where && str_has_control(where, false))
		return db_fail(db, DB_INVALID, "the folder's name holds "
			       "control characters");
	for (size_t i = 0; i < sel->nrefs; i++)
		if (strpbrk(sel->refs[i], "\"\\") || str_has_control(
			    sel->refs[i], false) || strlen(sel->refs[i]) >
		    IX_REF_MAX)
			return db_fail(db, DB_INVALID, "--case %s: not a "
				       "reference", sel->refs[i]);
	if (sel->district && str_has_control(sel->district, false))
		return db_fail(db, DB_INVALID, "the district holds control "
			       "characters");
	if (!(cols & (1u << IX_O_NOTES)))
		ecols &= ~(1u << IX_E_NOTE);
	/* The cases, then the disclosure logged before anything leaves. */
	sb_init(&ids);
	sb_init(&refs);
	sb_init(&sb);
	s = export_cases(db, sel, all, &ids, &refs, &n);
	if (s == DB_OK) {
		export_detail(&sb, recipient, where, sel, all, n, &refs);
		s = sb.failed ? db_fail(db, DB_ERROR, "out of memory")
			      : db_audit_log(db, "export", NULL, sb_str(&sb));
	}
	sb_free(&sb);
	sb_free(&refs);
	if (s != DB_OK) {
		sb_free(&ids);
		return s;
	}
	/* One read transaction: the three files from the same snapshot. */
	own = db->depth == 0;
	if (own && (s = db_exec(db, "BEGIN")) != DB_OK) {
		sb_free(&ids);
		return s;
	}
	st = db_stmt(db, export_offenders_sql[sel->pseudonymised]);
	if (st == NULL) {
		s = DB_ERROR;
	} else {
		if (!all)
			sqlite3_bind_text(st, 1, sb_str(&ids), -1,
					  SQLITE_TRANSIENT);
		s = walk(db, st, IX_O_NCOLS, cols, DB_EXPORT_OFFENDERS, cb,
			 ctx);
	}
	if (s == DB_OK) {
		st = db_stmt(db, export_events_sql[sel->pseudonymised]);
		if (st == NULL) {
			s = DB_ERROR;
		} else {
			if (!all)
				sqlite3_bind_text(st, 1, sb_str(&ids), -1,
						  SQLITE_TRANSIENT);
			s = walk(db, st, IX_E_NCOLS, ecols, DB_EXPORT_EVENTS,
				 cb, ctx);
		}
	}
	if (s == DB_OK) {
		st = db_stmt(db, "SELECT year, people, source FROM population "
			     "ORDER BY year");
		s = st ? walk(db, st, IX_P_NCOLS, (1u << IX_P_NCOLS) - 1,
			      DB_EXPORT_POPULATION, cb, ctx) : DB_ERROR;
	}
	/* The case file's facts are free text about the person: they go
	 * only with a whole export, every case and every column. */
	if (s == DB_OK && db_export_casefile_goes(sel, all))
		s = db_export_casefile(db, cb, ctx);
	if (own)
		sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
	sb_free(&ids);
	return s;
}
