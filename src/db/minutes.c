/*
 * minutes.c -- what a MAPP meeting records for each case: the minutes
 * (decision, rationale, dissent, the risk management plan under its four
 * headings, contingencies, victim issues, disclosure, next review) and
 * the level decision, which writes the case's level event (issue 7).
 *
 * The minutes are saved by a three-way merge, field by field, inside the
 * write transaction (db.h): the chair and the coordinator may both type
 * into one case's minutes and lose nothing unless they change the same
 * heading to different words, which is refused, not guessed at.
 *
 * The level decision is a separate call because it is not text: it
 * writes an event through db_event_add(), which checks the whole history
 * (Category 3 never at Level 1, nothing after an exit ...) and moves the
 * offender's version, so two decisions about one case cannot both pass.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/process.h"
#include "core/util.h"
#include "db/meetings_internal.h"

const char *
db_minutes_text_name(int t)
{
	return t >= 0 && t < DB_MIN_TEXTS ? minutes_headings[t].field : NULL;
}

void
db_minutes_clear(struct db_minutes *m)
{
	for (int i = 0; i < DB_MIN_TEXTS; i++) {
		free(m->text[i]);
		m->text[i] = NULL;
	}
}

/* Duplicate S, NULL for NULL or ""; *OOM set when out of memory. */
static char *
dup_text(const char *s, bool *oom)
{
	char *d;

	if (s == NULL || *s == '\0')
		return NULL;
	if ((d = strdup(s)) == NULL)
		*oom = true;
	return d;
}

/* Read the stored minutes of ITEM_ID into M (version 0 when none). */
static enum db_status
load_minutes(struct db *db, int64_t item_id, struct db_minutes *m)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT version, decision, rationale, dissent, "
		"rmp_supervision, rmp_monitoring, rmp_interventions, "
		"rmp_victim_safety, contingencies, victim_issues, disclosure, "
		"next_review, level_decision, level_event_id FROM minutes "
		"WHERE agenda_item_id = ?");
	bool oom = false;
	int rc;

	memset(m, 0, sizeof *m);
	m->item_id = item_id;
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, item_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		m->version = sqlite3_column_int64(st, 0);
		for (int i = 0; i < DB_MIN_TEXTS; i++)
			m->text[i] = dup_text(
				(const char *)sqlite3_column_text(st, 1 + i),
				&oom);
		db_column_copy(st, 11, m->next_review, sizeof m->next_review);
		m->level_decision = db_column_decision(st, 12);
		m->level_event_id = sqlite3_column_int64(st, 13);
	}
	sqlite3_reset(st);
	if (oom) {
		db_minutes_clear(m);
		return db_fail(db, DB_ERROR, "out of memory");
	}
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		? DB_OK : db_sqlfail(db, rc, "reading minutes");
}

enum db_status
db_minutes_get(struct db *db, int64_t item_id, struct db_minutes *m)
{
	struct meetings_item it;
	enum db_status s;

	memset(m, 0, sizeof *m);
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "reading minutes")) !=
	    DB_OK)
		return s;
	if ((s = meetings_item_get(db, item_id, &it)) != DB_OK)
		return s;
	return load_minutes(db, item_id, m);
}

/* Write minutes M (version NEW_VERSION) for its item: insert or update. */
static enum db_status
store_minutes(struct db *db, const struct db_minutes *m, int64_t new_version)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO minutes(agenda_item_id, decision, rationale, "
		"dissent, rmp_supervision, rmp_monitoring, rmp_interventions, "
		"rmp_victim_safety, contingencies, victim_issues, disclosure, "
		"next_review, level_decision, level_event_id, version) VALUES "
		"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
		"?15) ON CONFLICT(agenda_item_id) DO UPDATE SET "
		"decision = ?2, rationale = ?3, dissent = ?4, "
		"rmp_supervision = ?5, rmp_monitoring = ?6, "
		"rmp_interventions = ?7, rmp_victim_safety = ?8, "
		"contingencies = ?9, victim_issues = ?10, disclosure = ?11, "
		"next_review = ?12, level_decision = ?13, "
		"level_event_id = ?14, version = ?15");

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, m->item_id);
	for (int i = 0; i < DB_MIN_TEXTS; i++)
		db_bind_text(st, 2 + i, m->text[i]);
	db_bind_text(st, 12, m->next_review);
	db_bind_text(st, 13, level_decision_name(m->level_decision));
	if (m->level_event_id)
		sqlite3_bind_int64(st, 14, m->level_event_id);
	sqlite3_bind_int64(st, 15, new_version);
	return meetings_step(db, st, "saving minutes");
}

/* Read item ITEM_ID and its meeting into IT, to be minuted: the minutes
 * open and the meeting held, else DB_INVALID ("the meeting is
 * cancelled: WHY"). */
static enum db_status
held_item(struct db *db, int64_t item_id, struct meetings_item *it,
	  const char *why)
{
	enum db_status s;

	if ((s = meetings_item_get(db, item_id, it)) != DB_OK ||
	    (s = meetings_minutes_open(db, it->meeting_id)) != DB_OK)
		return s;
	if (it->status != MEETING_HELD)
		return db_fail(db, DB_INVALID, "the meeting is %s: %s",
			       meeting_status_name(it->status), why);
	return DB_OK;
}

static void
minutes_record(char *buf, size_t n, const struct meetings_item *it)
{
	snprintf(buf, n, "meeting %lld item %lld offender %lld",
		 (long long)it->meeting_id, (long long)it->id,
		 (long long)it->offender_id);
}

enum db_status
db_minutes_save(struct db *db, const struct db_minutes *base,
		struct db_minutes *m)
{
	struct meetings_item it;
	struct db_minutes cur, res;
	const struct db_minutes *b;
	struct strbuf sb;
	enum db_status s;
	mdate review = MDATE_NONE;
	char rec[96];
	int k = 0;
	bool oom = false, review_changed;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "minuting a meeting")) !=
	    DB_OK)
		return s;
	for (int i = 0; i < DB_MIN_TEXTS; i++)
		if (str_has_control(m->text[i], true))
			return db_fail(db, DB_INVALID, "%s: control characters "
				       "other than tab and line breaks are not "
				       "allowed", minutes_headings[i].field);
	if (m->next_review[0] && date_parse(m->next_review, &review) != 0)
		return db_fail(db, DB_INVALID, "next review: a real date, "
			       "YYYY-MM-DD, or none");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = held_item(db, m->item_id, &it, "minutes are for a meeting "
			   "held")) != DB_OK)
		return db_tx_end(db, s);
	if ((s = load_minutes(db, m->item_id, &cur)) != DB_OK)
		return db_tx_end(db, s);
	if (base == NULL && cur.version != m->version) {
		db_minutes_clear(&cur);
		return db_tx_end(db, db_fail(db, DB_CONFLICT,
			"someone else changed these minutes first; nothing "
			"was saved: reload them and try again"));
	}
	b = base ? base : &cur;
	res = cur;
	memset(res.text, 0, sizeof res.text);
	for (int i = 0; i < DB_MIN_TEXTS && s == DB_OK; i++) {
		bool mine = !meetings_same(m->text[i], b->text[i]);
		bool theirs = !meetings_same(cur.text[i], b->text[i]);

		if (mine && theirs && !meetings_same(m->text[i], cur.text[i]))
			s = db_fail(db, DB_CONFLICT, "someone else changed the "
				    "%s of these minutes first; nothing was "
				    "saved: reload them and try again",
				    minutes_headings[i].field);
		else
			res.text[i] = dup_text(mine ? m->text[i] : cur.text[i],
					       &oom);
		if (mine)
			k++;
	}
	if (s == DB_OK && !meetings_same(m->next_review, b->next_review)) {
		if (!meetings_same(cur.next_review, b->next_review) &&
		    !meetings_same(m->next_review, cur.next_review))
			s = db_fail(db, DB_CONFLICT, "someone else changed the "
				    "next review of these minutes first; "
				    "nothing was saved: reload them and try "
				    "again");
		else
			str_copy(res.next_review, m->next_review,
				 sizeof res.next_review);
	}
	if (s == DB_OK && oom)
		s = db_fail(db, DB_ERROR, "out of memory");
	review_changed = strcmp(res.next_review, cur.next_review) != 0;
	if (s == DB_OK) {
		bool any = review_changed || cur.version == 0;

		for (int i = 0; i < DB_MIN_TEXTS; i++)
			any |= !meetings_same(res.text[i], cur.text[i]);
		if (!any) {
			/* Nothing new: hand back what is stored. */
			db_minutes_clear(&res);
			db_minutes_clear(m);
			*m = cur;
			return db_tx_end(db, DB_OK);
		}
	}
	if (s == DB_OK)
		s = store_minutes(db, &res, cur.version + 1);
	if (s == DB_OK && review_changed) {
		if (res.next_review[0] == '\0')
			review = MDATE_NONE;
		else
			date_parse(res.next_review, &review);
		s = meetings_set_review(db, it.offender_id, it.meeting_id,
					it.date, review);
	}
	if (s == DB_OK) {
		sb_init(&sb);
		sb_add(&sb, "fields:");
		k = 0;
		for (int i = 0; i < DB_MIN_TEXTS; i++)
			if (!meetings_same(res.text[i], cur.text[i]))
				sb_printf(&sb, "%s%s", k++ ? "," : " ",
					  minutes_headings[i].field);
		if (k == 0)
			sb_add(&sb, " none");
		if (review_changed)
			sb_printf(&sb, "; next_review: %s -> %s",
				  cur.next_review[0] ? cur.next_review : "-",
				  res.next_review[0] ? res.next_review : "-");
		if (base && cur.version != m->version)
			sb_printf(&sb, "; merged over version %lld",
				  (long long)cur.version);
		minutes_record(rec, sizeof rec, &it);
		s = db_audit_write(db, "minutes.save", rec, sb_str(&sb));
		sb_free(&sb);
	}
	db_minutes_clear(&cur);
	s = db_tx_end(db, s);
	if (s != DB_OK) {
		db_minutes_clear(&res);
		return s;
	}
	db_minutes_clear(m);
	res.version = cur.version + 1;
	*m = res;
	return DB_OK;
}

/* The stored level, category and version of offender ID. */
static enum db_status
case_state(struct db *db, int64_t id, int *level, int64_t *version)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT level, version, status FROM "
				       "offenders WHERE id = ?");
	int status = -1, rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*level = sqlite3_column_int(st, 0);
		*version = sqlite3_column_int64(st, 1);
		status = case_status_parse(meetings_text(st, 2));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no such case");
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "reading a case");
	if (!case_status_managed(status))
		return db_fail(db, DB_INVALID, "the case is not managed under "
			       "MAPPA (%s)", case_status_name(status));
	return DB_OK;
}

/* The level decision recorded in CUR, in words (the case at LEVEL now). */
static void
recorded_words(struct db *db, const struct db_minutes *cur, int level,
	       char *buf, size_t n)
{
	sqlite3_stmt *st;
	int to = level;

	if (cur->level_event_id &&
	    (st = db_stmt(db, "SELECT ifnull(level, 0) FROM events WHERE "
			      "id = ?")) != NULL) {
		sqlite3_bind_int64(st, 1, cur->level_event_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			to = sqlite3_column_int(st, 0);
		sqlite3_reset(st);
	}
	process_decision_words(buf, n, cur->level_decision, level, to);
}

enum db_status
db_minutes_level(struct db *db, int64_t item_id, int64_t *offender_version,
		 const struct db_level_decision *d, int64_t *event_id)
{
	struct meetings_item it;
	struct db_minutes cur;
	struct process_settings ps;
	struct db_event e;
	struct strbuf sb;
	enum db_status s;
	enum level_decision dec = d->decision;
	int level = 0, new_level;
	int64_t version;
	mdate review;
	char rec[96], why[160], was[64] = "-", now[64];
	bool change;

	if (event_id)
		*event_id = 0;
	if ((s = db_require(db, DB_ADMIN | DB_MEMBER, "deciding a level")) !=
	    DB_OK)
		return s;
	if (process_decided_level(dec, 2, 0, why, sizeof why) < 0)
		return db_fail(db, DB_INVALID, "%s", why);
	change = dec != DECISION_STAY;
	if (change && (d->reason == NULL ||
		       d->reason[strspn(d->reason, " \t\r\n")] == '\0'))
		return db_fail(db, DB_INVALID, "a level decision other than "
			       "stay needs its reason");
	if (str_has_control(d->reason, true))
		return db_fail(db, DB_INVALID, "reason: control characters "
			       "other than tab and line breaks are not "
			       "allowed");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = held_item(db, item_id, &it, "levels are decided at a "
			   "meeting held")) != DB_OK)
		return db_tx_end(db, s);
	if (change && it.chair[0] == '\0')
		return db_tx_end(db, db_fail(db, DB_INVALID, "the meeting has "
					     "no chair: record who chaired it "
					     "first"));
	if ((s = case_state(db, it.offender_id, &level, &version)) != DB_OK)
		return db_tx_end(db, s);
	if (offender_version && *offender_version != version)
		return db_tx_end(db, db_fail(db, DB_CONFLICT,
			"someone else changed this case first; nothing was "
			"saved: reload it and try again"));
	if ((s = load_minutes(db, item_id, &cur)) != DB_OK)
		return db_tx_end(db, s);
	if (cur.level_decision != DECISION_NONE) {
		/* A decision is recorded: the same again is no change;
		 * another replaces it only when asked to, never silently. */
		bool same = cur.level_decision == dec &&
			    (!change || dec == DECISION_EXIT ||
			     d->level == 0 || d->level == level);

		recorded_words(db, &cur, level, was, sizeof was);
		if (same) {
			db_minutes_clear(&cur);
			if (offender_version)
				*offender_version = version;
			if (event_id)
				*event_id = cur.level_event_id;
			return db_tx_end(db, DB_OK);
		}
		if (!d->replace) {
			new_level = process_decided_level(dec, level, d->level,
							  why, sizeof why);
			process_decision_words(now, sizeof now, dec, level,
					       new_level);
			db_minutes_clear(&cur);
			return db_tx_end(db, db_fail(db, DB_CONFLICT,
				"a level decision is recorded for this case at "
				"this meeting already: %s (yours: %s); nothing "
				"was saved -- replace it only on purpose", was,
				new_level < 0 ? level_decision_name(dec)
					      : now));
		}
		if (cur.level_event_id) {
			char because[64];

			snprintf(because, sizeof because, "level decision at "
				 "meeting %lld replaced",
				 (long long)it.meeting_id);
			if ((s = db_event_remove(db, it.offender_id,
						 cur.level_event_id, &version,
						 because)) != DB_OK ||
			    (s = case_state(db, it.offender_id, &level,
					    &version)) != DB_OK) {
				db_minutes_clear(&cur);
				return db_tx_end(db, s);
			}
		}
	}
	new_level = process_decided_level(dec, level, d->level, why,
					  sizeof why);
	if (new_level < 0) {
		db_minutes_clear(&cur);
		return db_tx_end(db, db_fail(db, DB_INVALID, "%s", why));
	}
	memset(&e, 0, sizeof e);
	if (change) {
		e.ev.date = it.date;
		if (dec == DECISION_EXIT) {
			e.ev.type = EV_EXIT;
			e.ev.kind = (uint8_t)d->exit_kind;
		} else {
			e.ev.type = EV_LEVEL;
			e.ev.level = (uint8_t)new_level;
		}
		e.note = d->reason;
		e.meeting_id = it.meeting_id;
		e.decided_by = it.chair;
		e.source = SRC_MAPPA;
		s = db_event_add(db, it.offender_id, &version, &e,
				 MDATE_NONE);
	}
	if (s == DB_OK && (s = db_process_settings(db, &ps)) == DB_OK) {
		review = d->next_review;
		if (dec == DECISION_EXIT)
			review = MDATE_NONE;
		else if (review == MDATE_NONE)
			review = process_review_due(&ps, new_level, it.date);
		cur.level_decision = dec;
		cur.level_event_id = change ? e.id : 0;
		cur.next_review[0] = '\0';
		if (review != MDATE_NONE)
			date_format(review, cur.next_review);
		s = store_minutes(db, &cur, cur.version + 1);
		if (s == DB_OK)
			s = meetings_set_review(db, it.offender_id,
						it.meeting_id, it.date, review);
	}
	if (s == DB_OK) {
		process_decision_words(now, sizeof now, dec, level,
				       new_level);
		sb_init(&sb);
		sb_printf(&sb, "level_decision: %s -> %s; level: %d -> %s%d",
			  was, now, level,
			  dec == DECISION_EXIT ? "exit from " : "",
			  dec == DECISION_EXIT ? level : new_level);
		sb_printf(&sb, "; next_review: -> %s",
			  cur.next_review[0] ? cur.next_review : "-");
		if (change)
			sb_printf(&sb, "; event %lld; fields: reason",
				  (long long)e.id);
		minutes_record(rec, sizeof rec, &it);
		s = db_audit_write(db, "minutes.level", rec, sb_str(&sb));
		sb_free(&sb);
	}
	/* The referral met here: taken on at Level 2 or 3, or not. */
	if (s == DB_OK && it.referral_id)
		s = meetings_referral_met(db, it.referral_id, it.meeting_id,
					  new_level >= 2 ? REFERRAL_ACCEPTED
							 : REFERRAL_DECLINED);
	db_minutes_clear(&cur);
	s = db_tx_end(db, s);
	if (s == DB_OK) {
		if (offender_version)
			*offender_version = version;
		if (event_id)
			*event_id = change ? e.id : 0;
	}
	return s;
}

/* --- the demo's meeting history ---------------------------------------------- */

/* The referral B met, accepted at B's meeting; its id into *ID. */
static enum db_status
bulk_referral(struct db *db, int64_t offender_id,
	      const struct db_bulk_item *b, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO referrals(offender_id, date, agency, "
		"proposed_level, reason, outcome, meeting_id) "
		"VALUES (?, ?, ?, ?, ?, 'accepted', ?)");
	char date[MDATE_BUFSZ];
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, offender_id);
	sqlite3_bind_text(st, 2, date_format(b->referral.date, date), -1,
			  SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, b->referral.agency ? b->referral.agency
						  : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, b->referral.level);
	db_bind_text(st, 5, b->referral.reason);
	sqlite3_bind_int64(st, 6, b->meeting_id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "writing a referral");
	*id = sqlite3_last_insert_rowid(db->sql);
	return DB_OK;
}

enum db_status
db_bulk_case_meetings(struct db *db, int64_t offender_id,
		      const struct db_bulk_item *items, size_t n)
{
	sqlite3_stmt *st;
	enum db_status s;
	size_t nact = 0, nref = 0;
	char rec[48], detail[96];
	int rc;

	if ((s = db_require(db, DB_ADMIN, "writing the demo")) !=
	    DB_OK)
		return s;
	if (db->depth == 0)
		return db_fail(db, DB_INVALID, "bulk writing needs db_begin()");
	for (size_t i = 0; s == DB_OK && i < n; i++) {
		const struct db_bulk_item *b = &items[i];
		struct db_minutes m;
		int64_t item, referral = 0;

		if (b->referral.date != MDATE_NONE &&
		    (s = bulk_referral(db, offender_id, b, &referral)) != DB_OK)
			break;
		nref += referral != 0;
		s = meetings_insert_item(db, b->meeting_id, offender_id,
					 agenda_reason_name(b->reason),
					 referral, b->discussed,
					 &item);
		if (s != DB_OK)
			break;
		memset(&m, 0, sizeof m);
		m.item_id = item;
		for (int t = 0; t < DB_MIN_TEXTS; t++)
			m.text[t] = (char *)b->text[t];
		m.level_decision = b->level_decision;
		if (b->next_review != MDATE_NONE)
			date_format(b->next_review, m.next_review);
		if (b->link_event) {
			st = db_stmt(db,
				"SELECT e.id FROM events e JOIN meetings m "
				"ON m.id = ?2 WHERE e.offender_id = ?1 AND "
				"e.date = m.date AND e.meeting_id = ?2 "
				"ORDER BY e.id DESC LIMIT 1");
			if (st == NULL) {
				s = DB_ERROR;
				break;
			}
			sqlite3_bind_int64(st, 1, offender_id);
			sqlite3_bind_int64(st, 2, b->meeting_id);
			rc = sqlite3_step(st);
			if (rc == SQLITE_ROW)
				m.level_event_id = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
				s = db_sqlfail(db, rc, "reading events");
				break;
			}
		}
		s = store_minutes(db, &m, 1);
		for (size_t a = 0; s == DB_OK && a < b->nactions; a++) {
			struct db_action act = b->actions[a];

			act.meeting_id = b->meeting_id;
			act.offender_id = offender_id;
			s = actions_insert(db, &act);
			nact++;
		}
	}
	if (s == DB_OK) {
		snprintf(rec, sizeof rec, "offender %lld",
			 (long long)offender_id);
		snprintf(detail, sizeof detail, "agenda items: %zu; actions: "
			 "%zu; referrals: %zu", n, nact, nref);
		s = db_audit_write(db, "minutes.demo", rec, detail);
	}
	if (s != DB_OK)
		db->doomed = true;
	return s;
}
