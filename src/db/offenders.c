/*
 * offenders.c -- offenders and their events (a meeting an event refers to
 * is found or made by db_meeting_ensure(), meetings.c).
 *
 * Every change of a history is checked whole: the new event is put in its
 * place (after the other events of its date) and the history replayed
 * through ev_check_history(), so a back-dated event cannot break what
 * follows it.  The offender's version moves with every change to the
 * record or its history, so two people changing one case at once cannot
 * both win.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agency.h"
#include "core/status.h"
#include "core/casefile.h"
#include "core/process.h"
#include "core/util.h"
#include "db/db_internal.h"

static const char *const source_names[] = { "mappa", "import", "demo" };

const char *
db_offender_check(const struct db_offender *o, const char **field)
{
	static const struct {
		const char *name;
		size_t off;
	} text[] = {
		{ "surname", offsetof(struct db_offender, surname) },
		{ "forenames", offsetof(struct db_offender, forenames) },
		{ "pnc", offsetof(struct db_offender, pnc) },
		{ "crn", offsetof(struct db_offender, crn) },
		{ "visor", offsetof(struct db_offender, visor) },
		{ "district", offsetof(struct db_offender, district) },
	};
	size_t n = strlen(o->ref);
	const char *why;
	mdate d;

	*field = "ref";
	if (n < 1 || n > 32)
		return "a reference of 1 to 32 characters is required";
	for (size_t i = 0; i < n; i++) {
		char c = o->ref[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '/' ||
		      c == '_'))
			return "a reference may hold only A-Z, a-z, 0-9, "
			       "'-', '/' and '_'";
	}
	for (size_t i = 0; i < NELEM(text); i++) {
		*field = text[i].name;
		if (str_has_control((const char *)o + text[i].off, false))
			return "control characters are not allowed";
	}
	*field = "surname";
	if (o->surname[0] == '\0')
		return "a surname is required";
	*field = "pnc";
	if (o->pnc[0] && (why = cf_pnc_check(o->pnc, NULL, 0)) != NULL)
		return why;
	*field = "crn";
	if (o->crn[0] && (why = cf_crn_check(o->crn, NULL, 0)) != NULL)
		return why;
	*field = "dob";
	if (o->dob[0] && date_parse(o->dob, &d) != 0)
		return "a date of birth must be a real date, YYYY-MM-DD";
	*field = "gender";
	if (o->gender[0] && (o->gender[1] || !strchr("MFXU", o->gender[0])))
		return "gender must be M, F, X or U";
	*field = "lead_agency";
	if (o->lead_agency[0] && !lead_agency_valid(o->lead_agency)) {
		static char msg[160];

		str_printf(msg, sizeof msg, "the lead agency must be %s",
			   lead_agency_list());
		return msg;
	}
	*field = "notes";
	if (o->notes && str_has_control(o->notes, true))
		return "control characters other than tab and line breaks "
		       "are not allowed";
	*field = NULL;
	return NULL;
}

void
db_offender_clear(struct db_offender *o)
{
	free(o->notes);
	o->notes = NULL;
}

void
db_offender_normalise(struct db_offender *o)
{
	char norm[DB_FIELD_MAX];

	cf_ref_upper(o->ref);
	if (o->pnc[0] && cf_pnc_check(o->pnc, norm, sizeof norm) == NULL)
		str_copy(o->pnc, norm, sizeof o->pnc);
	if (o->crn[0] && cf_crn_check(o->crn, norm, sizeof norm) == NULL)
		str_copy(o->crn, norm, sizeof o->crn);
}

static enum db_status
check_offender(struct db *db, struct db_offender *o)
{
	const char *field, *why;

	db_offender_normalise(o);
	why = db_offender_check(o, &field);

	if (why)
		return db_fail(db, DB_INVALID, "%s %s: %s", o->ref,
			       field ? field : "", why);
	return DB_OK;
}

/* O's identity fields in the order the writes bind them (then notes). */
static const size_t identity_text[] = {
	offsetof(struct db_offender, surname),
	offsetof(struct db_offender, forenames),
	offsetof(struct db_offender, dob),
	offsetof(struct db_offender, gender),
	offsetof(struct db_offender, pnc),
	offsetof(struct db_offender, crn),
	offsetof(struct db_offender, visor),
	offsetof(struct db_offender, district),
	offsetof(struct db_offender, lead_agency),
};

/* Bind O's identity fields and notes to ST's parameters from FIRST on. */
static void
bind_identity(sqlite3_stmt *st, int first, const struct db_offender *o)
{
	for (size_t i = 0; i < NELEM(identity_text); i++)
		db_bind_text(st, first++, (const char *)o + identity_text[i]);
	db_bind_text(st, first, o->notes);
}

/* Insert O (already checked); sets id, pseudo, version. */
static enum db_status
insert_offender(struct db *db, struct db_offender *o)
{
	sqlite3_stmt *st;
	int rc;

	st = db_stmt(db, "INSERT INTO offenders(ref, pseudo, surname, "
			 "forenames, dob, gender, pnc, crn, visor, district, "
			 "lead_agency, notes, next_review, created_at, "
			 "created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,"
			 "strftime('%Y-%m-%dT%H:%M:%SZ','now'),?)");
	if (st == NULL)
		return DB_ERROR;
	/* The pseudonym is a permutation of the id, which is not known
	 * before the insert: insert a placeholder unique to the ref, then
	 * set it. */
	sqlite3_bind_text(st, 1, o->ref, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, o->ref, -1, SQLITE_TRANSIENT);
	bind_identity(st, 3, o);
	db_bind_text(st, 13, o->next_review);
	sqlite3_bind_text(st, 14, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return db_fail(db, DB_INVALID,
			       "%s: an offender with this reference already "
			       "exists", o->ref);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "adding an offender");
	o->id = sqlite3_last_insert_rowid(db->sql);
	o->version = 1;
	db_pseudo(db, o->id, o->pseudo);
	st = db_stmt(db, "UPDATE offenders SET pseudo = ? WHERE id = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, o->pseudo, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, o->id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "adding an offender");
	return DB_OK;
}

static void
record_name(char *buf, size_t n, int64_t id)
{
	snprintf(buf, n, "offender %lld", (long long)id);
}

/* The identity fields that are set, by name only (never the values). */
static void
field_names(struct strbuf *sb, const struct db_offender *o,
	    const struct db_offender *old)
{
	struct {
		const char *name;
		const char *a, *b;
	} f[] = {
		{ "ref", o->ref, old ? old->ref : "" },
		{ "surname", o->surname, old ? old->surname : "" },
		{ "forenames", o->forenames, old ? old->forenames : "" },
		{ "dob", o->dob, old ? old->dob : "" },
		{ "gender", o->gender, old ? old->gender : "" },
		{ "pnc", o->pnc, old ? old->pnc : "" },
		{ "crn", o->crn, old ? old->crn : "" },
		{ "visor", o->visor, old ? old->visor : "" },
		{ "district", o->district, old ? old->district : "" },
		{ "lead_agency", o->lead_agency, old ? old->lead_agency : "" },
		{ "notes", o->notes ? o->notes : "",
		  old && old->notes ? old->notes : "" },
	};
	int k = 0;

	sb_add(sb, "fields:");
	for (size_t i = 0; i < NELEM(f); i++) {
		if (old ? strcmp(f[i].a, f[i].b) != 0 : f[i].a[0] != '\0') {
			sb_printf(sb, "%s%s", k++ ? "," : " ", f[i].name);
		}
	}
	if (k == 0)
		sb_add(sb, " none");
}

enum db_status
db_offender_add(struct db *db, struct db_offender *o)
{
	enum db_status s;
	struct strbuf sb;
	char rec[48];

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "adding an offender")) !=
	    DB_OK)
		return s;
	if ((s = check_offender(db, o)) != DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	s = insert_offender(db, o);
	if (s == DB_OK) {
		sb_init(&sb);
		field_names(&sb, o, NULL);
		record_name(rec, sizeof rec, o->id);
		s = db_audit_write(db, "offender.add", rec, sb_str(&sb));
		sb_free(&sb);
	}
	return db_tx_end(db, s);
}

static void
read_offender(sqlite3_stmt *st, struct db_offender *o, bool identified)
{
	const char *notes;

	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(st, 0);
	o->version = sqlite3_column_int64(st, 1);
	db_column_copy(st, 3, o->pseudo, sizeof o->pseudo);
	o->category = sqlite3_column_int(st, 14);
	o->level = sqlite3_column_int(st, 15);
	o->status = case_status_parse((const char *)
				      sqlite3_column_text(st, 16));
	db_column_copy(st, 17, o->next_review, sizeof o->next_review);
	db_column_copy(st, 18, o->retention_review,
		       sizeof o->retention_review);
	db_column_copy(st, 19, o->erased, sizeof o->erased);
	if (!identified)
		return;
	db_column_copy(st, 2, o->ref, sizeof o->ref);
	db_column_copy(st, 4, o->surname, sizeof o->surname);
	db_column_copy(st, 5, o->forenames, sizeof o->forenames);
	db_column_copy(st, 6, o->dob, sizeof o->dob);
	db_column_copy(st, 7, o->gender, sizeof o->gender);
	db_column_copy(st, 8, o->pnc, sizeof o->pnc);
	db_column_copy(st, 9, o->crn, sizeof o->crn);
	db_column_copy(st, 10, o->visor, sizeof o->visor);
	db_column_copy(st, 11, o->district, sizeof o->district);
	db_column_copy(st, 12, o->lead_agency, sizeof o->lead_agency);
	notes = (const char *)sqlite3_column_text(st, 13);
	o->notes = notes ? strdup(notes) : NULL;
}

#define OFFENDER_COLUMNS \
	"id, version, ref, pseudo, surname, forenames, dob, gender, pnc, " \
	"crn, visor, district, lead_agency, notes, category, level, status, " \
	"next_review, retention_review, erased"

enum db_status
db_offender_get(struct db *db, int64_t id, const char *ref,
		struct db_offender *o)
{
	sqlite3_stmt *st;
	bool identified = db->role != ROLE_LAY;
	char rec[48];
	int rc;

	if (id != 0) {
		st = db_stmt(db, "SELECT " OFFENDER_COLUMNS " FROM offenders "
				 "WHERE id = ?");
		if (st == NULL)
			return DB_ERROR;
		sqlite3_bind_int64(st, 1, id);
	} else {
		if (!identified)
			return db_fail(db, DB_REFUSED, "a lay adviser finds "
				       "cases by pseudonymous reference only");
		st = db_stmt(db, "SELECT " OFFENDER_COLUMNS " FROM offenders "
				 "WHERE ref = upper(?)");
		if (st == NULL)
			return DB_ERROR;
		sqlite3_bind_text(st, 1, ref ? ref : "", -1, SQLITE_TRANSIENT);
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_offender(st, o, identified);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no offender %s",
			       ref && id == 0 ? ref : "with that id");
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "reading an offender");
	if (identified) {
		enum db_status s;

		record_name(rec, sizeof rec, o->id);
		if ((s = db_audit_log(db, "offender.view", rec, NULL)) !=
		    DB_OK) {
			db_offender_clear(o);
			return s;
		}
	}
	return DB_OK;
}

/* Bump the version of offender ID from *VERSION, or DB_CONFLICT. */
static enum db_status
bump_version(struct db *db, int64_t id, int64_t *version)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE offenders SET version = "
				       "version + 1 WHERE id = ? AND version = ?");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, *version);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "saving an offender");
	if (sqlite3_changes(db->sql) == 0)
		return db_fail(db, DB_CONFLICT,
			       "someone else changed this record first; "
			       "nothing was saved: reload it and try again");
	(*version)++;
	return DB_OK;
}

enum db_status
db_offender_update(struct db *db, struct db_offender *o)
{
	struct db_offender old;
	sqlite3_stmt *st;
	struct strbuf sb;
	enum db_status s;
	char rec[48];
	int64_t seen = o->version;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER,
			    "changing an offender")) != DB_OK)
		return s;
	if ((s = check_offender(db, o)) != DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT " OFFENDER_COLUMNS " FROM offenders "
			 "WHERE id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(st, 1, o->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_offender(st, &old, true);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_tx_end(db, rc == SQLITE_DONE
			? db_fail(db, DB_NOTFOUND, "no such offender")
			: db_sqlfail(db, rc, "reading an offender"));
	s = old.erased[0] ? db_fail(db, DB_INVALID, "the record was erased; "
				    "it cannot be edited")
			  : bump_version(db, o->id, &o->version);
	if (s == DB_OK) {
		st = db_stmt(db, "UPDATE offenders SET ref=?, surname=?, "
				 "forenames=?, dob=?, gender=?, pnc=?, crn=?, "
				 "visor=?, district=?, lead_agency=?, notes=? "
				 "WHERE id = ?");
		s = st ? DB_OK : DB_ERROR;
	}
	if (s == DB_OK) {
		sqlite3_bind_text(st, 1, o->ref, -1, SQLITE_TRANSIENT);
		bind_identity(st, 2, o);
		sqlite3_bind_int64(st, 12, o->id);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			s = db_fail(db, DB_INVALID, "%s: an offender with "
				    "this reference already exists", o->ref);
		else if (rc != SQLITE_DONE)
			s = db_sqlfail(db, rc, "saving an offender");
	}
	if (s == DB_OK) {
		sb_init(&sb);
		field_names(&sb, o, &old);
		record_name(rec, sizeof rec, o->id);
		s = db_audit_write(db, "offender.update", rec, sb_str(&sb));
		sb_free(&sb);
	}
	db_offender_clear(&old);
	if (s != DB_OK)
		o->version = seen;
	return db_tx_end(db, s);
}

/* --- events ------------------------------------------------------------- */

int
db_event_type_of(const char *s)
{
	switch (s[0]) {
	case 'r':
		return s[2] == 'g' ? EV_REGISTER : EV_RELEASE;
	case 'c':
		return s[1] == 'a' ? EV_CATEGORY : EV_CUSTODY;
	case 'l':
		return EV_LEVEL;
	case 'e':
		return EV_EXIT;
	case 'n': /* notification_breach, notification_review */
		return s[13] == 'b' ? EV_NOTIFICATION_BREACH
				    : EV_NOTIFICATION_REVIEW;
	case 'o':
		return EV_ORDER;
	case 's':
		return EV_SFO_CHARGE;
	default:
		return -1;
	}
}

/*
 * Decode the columns COL .. COL + 4 of ST (date, type, category, level,
 * kind) into the zeroed event E; false when its date or type is damaged.
 */
static bool
column_ev(sqlite3_stmt *st, int col, struct ev *e)
{
	const char *date = (const char *)sqlite3_column_text(st, col);
	const char *type = (const char *)sqlite3_column_text(st, col + 1);
	const char *kind = (const char *)sqlite3_column_text(st, col + 4);

	if (type)
		e->type = (uint8_t)db_event_type_of(type);
	e->category = (uint8_t)sqlite3_column_int(st, col + 2);
	e->level = (uint8_t)sqlite3_column_int(st, col + 3);
	e->kind = kind && type ? (uint8_t)ev_kind_parse(e->type, kind) : 0;
	return date && type && date_parse(date, &e->date) == 0;
}

/* A damaged event in a history as read (no event type is this). */
#define EV_DAMAGED 0xff

static void
read_ev(struct db *db, sqlite3_stmt *st, void *row)
{
	struct ev *e = row;

	(void)db;
	if (!column_ev(st, 0, e))
		e->type = EV_DAMAGED;
}

enum db_status
db_history_read(struct db *db, int64_t id, struct db_history *list)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT date, type, category, level, "
				       "kind FROM events WHERE offender_id = ? "
				       "ORDER BY date, id");
	enum db_status s;

	list->n = 0;
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((s = DB_ROWS(db, st, read_ev, list, "reading a history")) != DB_OK)
		return s;
	for (int i = 0; i < list->n; i++)
		if (list->v[i].type == EV_DAMAGED) {
			list->n = 0;
			return db_fail(db, DB_ERROR, "offender %lld: an event "
				       "has a damaged date or type",
				       (long long)id);
		}
	return DB_OK;
}

/* DB_OK unless offender ID's record was erased (or does not exist). */
static enum db_status
refuse_erased(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT erased FROM offenders "
				       "WHERE id = ?");
	int rc, erased = 0;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		erased = sqlite3_column_type(st, 0) != SQLITE_NULL;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no offender with id %lld",
			       (long long)id);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "reading an offender");
	if (erased)
		return db_fail(db, DB_INVALID, "the record was erased; no "
			       "events can be added to it");
	return DB_OK;
}

/* The state of history EVS[0..N) after all its events. */
static struct ev_state
state_after(const struct ev *evs, size_t n)
{
	struct ev_state st = { 0 };

	for (size_t i = 0; i < n; i++)
		ev_apply(&st, &evs[i]);
	return st;
}

void
db_state_columns(const struct ev *evs, size_t n, int *category, int *level,
		 enum case_status *status)
{
	struct ev_state st = { 0 };
	bool ever = false;

	for (size_t i = 0; i < n; i++) {
		ev_apply(&st, &evs[i]);
		ever |= evs[i].type == EV_REGISTER;
	}
	*category = ever ? st.category : 0;
	*level = ever ? st.level : 0;
	*status = !st.registered ? (ever ? CASE_EXITED : CASE_UNREGISTERED)
		  : st.in_custody ? CASE_CUSTODY
		  : CASE_COMMUNITY;
}

/* Store the state after history EVS[0..N) on offender ID's row. */
static enum db_status
store_state(struct db *db, int64_t id, const struct ev *evs, size_t n)
{
	sqlite3_stmt *q;
	enum case_status status;
	int category, level, rc;

	db_state_columns(evs, n, &category, &level, &status);
	q = db_stmt(db, "UPDATE offenders SET category = ?, level = ?, "
			"status = ? WHERE id = ?");
	if (q == NULL)
		return DB_ERROR;
	if (category) {
		sqlite3_bind_int(q, 1, category);
		sqlite3_bind_int(q, 2, level);
	}
	sqlite3_bind_text(q, 3, case_status_name(status), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 4, id);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? DB_OK
				 : db_sqlfail(db, rc, "saving an offender");
}

static enum db_status
insert_event(struct db *db, int64_t offender_id, struct db_event *e)
{
	sqlite3_stmt *st;
	char date[MDATE_BUFSZ];
	const char *kind = ev_kind_name(e->ev.type, e->ev.kind);
	int rc;

	st = db_stmt(db, "INSERT INTO events(offender_id, date, id, type, "
			 "category, level, kind, note, meeting_id, decided_by, "
			 "source, recorded_by, recorded_at) VALUES (?1, ?2, "
			 "(SELECT coalesce(max(id), 0) + 1 FROM events), "
			 "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
			 "strftime('%Y-%m-%dT%H:%M:%SZ','now')) RETURNING id");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	sqlite3_bind_text(st, 2, date_format(e->ev.date, date), -1,
			  SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, ev_type_name(e->ev.type), -1, SQLITE_STATIC);
	if (e->ev.category)
		sqlite3_bind_int(st, 4, e->ev.category);
	if (e->ev.level)
		sqlite3_bind_int(st, 5, e->ev.level);
	db_bind_text(st, 6, kind);
	if (e->note)
		sqlite3_bind_text(st, 7, e->note, -1, SQLITE_TRANSIENT);
	if (e->meeting_id)
		sqlite3_bind_int64(st, 8, e->meeting_id);
	db_bind_text(st, 9, e->decided_by);
	sqlite3_bind_text(st, 10, source_names[e->source], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, db->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		e->id = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "recording an event");
	return DB_OK;
}

/* Describe the change E makes from BEFORE to AFTER, for the audit. */
static void
event_detail(struct strbuf *sb, const struct db_event *e,
	     const struct ev_state *before, const struct ev_state *after)
{
	char date[MDATE_BUFSZ];
	const char *kind = ev_kind_name(e->ev.type, e->ev.kind);

	sb_printf(sb, "%s on %s", ev_type_name(e->ev.type),
		  date_format(e->ev.date, date));
	if (kind)
		sb_printf(sb, " (%s)", kind);
	if (before->registered != after->registered)
		sb_printf(sb, "; status: %s -> %s",
			  before->registered ? "registered" : "not registered",
			  after->registered ? "registered" : "not registered");
	if (before->in_custody != after->in_custody)
		sb_printf(sb, "; custody: %s -> %s",
			  before->in_custody ? "in" : "out",
			  after->in_custody ? "in" : "out");
	if (e->ev.category)
		sb_printf(sb, "; category: %c -> %d",
			  before->registered ? '0' + before->category : '-',
			  e->ev.category);
	if (e->ev.level)
		sb_printf(sb, "; level: %c -> %d",
			  before->registered ? '0' + before->level : '-',
			  e->ev.level);
	if (e->meeting_id)
		sb_printf(sb, "; decided by meeting %lld",
			  (long long)e->meeting_id);
	if (e->note && *e->note)
		sb_add(sb, "; fields: note");
}

static enum db_status
check_event(struct db *db, const struct db_event *e)
{
	const char *why = ev_check_fields(&e->ev);

	if (why)
		return db_fail(db, DB_INVALID, "%s event: %s",
			       ev_type_name(e->ev.type) ? ev_type_name(e->ev.type)
							: "an",
			       why);
	if (e->note && str_has_control(e->note, true))
		return db_fail(db, DB_INVALID, "note: control characters "
			       "other than tab and line breaks are not "
			       "allowed");
	if (e->decided_by && str_has_control(e->decided_by, false))
		return db_fail(db, DB_INVALID, "decided by: control "
			       "characters are not allowed");
	if (e->source == SRC_MAPPA && e->ev.type == EV_LEVEL) {
		if (e->note == NULL || e->note[strspn(e->note, " \t\r\n")] ==
					       '\0')
			return db_fail(db, DB_INVALID, "a level change needs "
				       "its reason");
		if (e->meeting_id == 0 &&
		    (e->decided_by == NULL || *e->decided_by == '\0'))
			return db_fail(db, DB_INVALID, "a level change needs "
				       "who decided it (a meeting or a "
				       "person)");
	}
	if (e->source > SRC_DEMO)
		return db_fail(db, DB_INVALID, "unknown event source");
	return DB_OK;
}

enum db_status
db_event_add(struct db *db, int64_t offender_id, int64_t *version,
	     struct db_event *e, mdate today)
{
	struct db_history b = { 0 };
	struct ev_state before, after;
	struct strbuf sb;
	enum db_status s;
	size_t pos, at;
	const char *why;
	char rec[80], date[MDATE_BUFSZ];

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "recording an event")) !=
	    DB_OK)
		return s;
	if ((s = check_event(db, e)) != DB_OK)
		return s;
	if (today != MDATE_NONE && !process_may_record(e->ev.date, today))
		return db_fail(db, DB_INVALID, "%s on %s: after today (%s)",
			       ev_type_name(e->ev.type),
			       date_format(e->ev.date, rec),
			       date_format(today, date));
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = refuse_erased(db, offender_id)) != DB_OK ||
	    (s = db_history_read(db, offender_id, &b)) != DB_OK)
		goto out;
	/* Put E after every event dated on or before it. */
	for (pos = (size_t)b.n; pos > 0 && b.v[pos - 1].date > e->ev.date;
	     pos--)
		;
	if (array_push(&b.v, &b.n, &b.cap, &e->ev, sizeof e->ev) != 0) {
		s = db_fail(db, DB_ERROR, "out of memory");
		goto out;
	}
	memmove(&b.v[pos + 1], &b.v[pos],
		((size_t)b.n - 1 - pos) * sizeof *b.v);
	b.v[pos] = e->ev;
	if ((why = ev_check_history(b.v, (size_t)b.n, &at)) != NULL) {
		date_format(b.v[at].date, date);
		s = at == pos
			? db_fail(db, DB_INVALID, "%s on %s: %s",
				  ev_type_name(e->ev.type), date, why)
			: db_fail(db, DB_INVALID, "%s on %s would break the "
				  "later %s on %s: %s",
				  ev_type_name(e->ev.type),
				  date_format(e->ev.date, rec),
				  ev_type_name(b.v[at].type), date, why);
		goto out;
	}
	before = state_after(b.v, pos);
	after = state_after(b.v, pos + 1);
	if ((s = bump_version(db, offender_id, version)) != DB_OK)
		goto out;
	if ((s = insert_event(db, offender_id, e)) != DB_OK ||
	    (s = store_state(db, offender_id, b.v, (size_t)b.n)) != DB_OK) {
		(*version)--;
		goto out;
	}
	sb_init(&sb);
	event_detail(&sb, e, &before, &after);
	snprintf(rec, sizeof rec, "offender %lld event %lld",
		 (long long)offender_id, (long long)e->id);
	s = db_audit_write(db, "event.add", rec, sb_str(&sb));
	sb_free(&sb);
	if (s != DB_OK)
		(*version)--;
out:
	db_list_free(&b);
	return db_tx_end(db, s);
}

enum db_status
db_event_remove(struct db *db, int64_t offender_id, int64_t event_id,
		int64_t *version, const char *why)
{
	sqlite3_stmt *st;
	struct db_history b = { 0 };
	enum db_status s;
	const char *bad;
	size_t at;
	char rec[80], type[24] = "", date[MDATE_BUFSZ] = "";
	int rc, old_level = 0;

	st = db_stmt(db, "SELECT type, date, ifnull(level, 0) FROM events "
			 "WHERE offender_id = ? AND id = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	sqlite3_bind_int64(st, 2, event_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, type, sizeof type);
		db_column_copy(st, 1, date, sizeof date);
		old_level = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no event %lld of this case",
			       (long long)event_id);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "reading an event");
	st = db_stmt(db, "DELETE FROM events WHERE offender_id = ? AND id = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	sqlite3_bind_int64(st, 2, event_id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "removing an event");
	if ((s = db_history_read(db, offender_id, &b)) != DB_OK)
		goto out;
	if ((bad = ev_check_history(b.v, (size_t)b.n, &at)) != NULL) {
		s = db_fail(db, DB_INVALID, "without the %s of %s the later "
			    "history breaks: %s", type, date, bad);
		goto out;
	}
	if ((s = bump_version(db, offender_id, version)) != DB_OK)
		goto out;
	if ((s = store_state(db, offender_id, b.v, (size_t)b.n)) != DB_OK)
		goto out;
	snprintf(rec, sizeof rec, "offender %lld event %lld",
		 (long long)offender_id, (long long)event_id);
	{
		struct strbuf sb;

		sb_init(&sb);
		sb_printf(&sb, "%s on %s: recorded -> removed", type, date);
		if (old_level)
			sb_printf(&sb, " (level %d)", old_level);
		if (why)
			sb_printf(&sb, "; %s", why);
		s = db_audit_write(db, "event.remove", rec, sb_str(&sb));
		sb_free(&sb);
	}
out:
	db_list_free(&b);
	return s;
}

static void
read_event(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_event *e = row;
	const char *src = (const char *)sqlite3_column_text(st, 9);

	e->id = sqlite3_column_int64(st, 0);
	column_ev(st, 1, &e->ev);
	if (db->role != ROLE_LAY) {
		e->note = db_column_dup(st, 6);
		e->decided_by = db_column_dup(st, 8);
	}
	e->meeting_id = sqlite3_column_int64(st, 7);
	e->source = src && src[0] == 'i' ? SRC_IMPORT
		  : src && src[0] == 'd' ? SRC_DEMO : SRC_MAPPA;
	db_column_copy(st, 10, e->recorded_by, sizeof e->recorded_by);
	db_column_copy(st, 11, e->recorded_at, sizeof e->recorded_at);
}

/* Free the note and the decider a row owns. */
static void
drop_event(void *row)
{
	struct db_event *e = row;

	free((char *)e->note);
	free((char *)e->decided_by);
	e->note = e->decided_by = NULL;
}

void
db_events_free(struct db_events *list)
{
	for (int i = 0; i < list->n; i++)
		drop_event(&list->v[i]);
	db_list_free(list);
}

enum db_status
db_event_list(struct db *db, int64_t offender_id, struct db_events *list)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, date, type, category, "
				       "level, kind, note, meeting_id, "
				       "decided_by, source, recorded_by, "
				       "recorded_at FROM events WHERE "
				       "offender_id = ? ORDER BY date, id");

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	return DB_ROWS_OWNING(db, st, read_event, drop_event, list,
			      "reading a history");
}

enum db_status
db_bulk_offender(struct db *db, struct db_offender *o,
		 const struct db_event *evs, size_t n)
{
	struct ev *v = NULL;
	enum db_status s;
	const char *why;
	struct strbuf sb;
	char rec[48], date[MDATE_BUFSZ];
	size_t at;

	if ((s = db_require(db, DB_ADMIN, "importing")) != DB_OK)
		return s;
	if ((s = check_offender(db, o)) != DB_OK)
		return s;
	if (n > 0 && (v = malloc(n * sizeof *v)) == NULL)
		return db_fail(db, DB_ERROR, "out of memory");
	for (size_t i = 0; i < n; i++) {
		struct db_event e = evs[i];

		/* Imported level changes may lack a reason or decider. */
		if (e.source == SRC_MAPPA) {
			free(v);
			return db_fail(db, DB_INVALID, "%s: bulk events must "
				       "come from an import or the demo",
				       o->ref);
		}
		if ((s = check_event(db, &e)) != DB_OK) {
			free(v);
			return db_fail(db, s, "%s: %s", o->ref,
				       db_errmsg(db));
		}
		v[i] = evs[i].ev;
	}
	if ((why = ev_check_history(v, n, &at)) != NULL) {
		s = db_fail(db, DB_INVALID, "%s: %s on %s: %s", o->ref,
			    ev_type_name(v[at].type),
			    date_format(v[at].date, date), why);
		free(v);
		return s;
	}
	/* No savepoint of its own: a bulk write is all or nothing with its
	 * whole transaction, and a savepoint per offender would copy every
	 * page it touches.  A failure dooms the transaction instead. */
	if (db->depth == 0) {
		free(v);
		return db_fail(db, DB_INVALID, "bulk writing needs db_begin()");
	}
	s = insert_offender(db, o);
	for (size_t i = 0; s == DB_OK && i < n; i++) {
		struct db_event e = evs[i];

		s = insert_event(db, o->id, &e);
	}
	if (s == DB_OK)
		s = store_state(db, o->id, v, n);
	free(v);
	if (s == DB_OK) {
		sb_init(&sb);
		field_names(&sb, o, NULL);
		sb_printf(&sb, "; events: %zu", n);
		record_name(rec, sizeof rec, o->id);
		s = db_audit_write(db, evs && n && evs[0].source == SRC_DEMO
				   ? "offender.demo" : "offender.import",
				   rec, sb_str(&sb));
		sb_free(&sb);
	}
	if (s != DB_OK)
		db->doomed = true;
	return s;
}
