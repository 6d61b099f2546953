/*
 * retention.c -- the review of what is kept (Data Protection Act 2018,
 * Part 3): the records whose retention review is due, keeping one for
 * longer, and erasure.
 *
 * Erasure removes who the offender is -- identity fields and every piece
 * of free text about them (notes, reasons, minutes, actions, referral
 * reasons) -- and keeps the pseudonymous MAPPA history, so that published
 * statistics never change.  The audit trail keeps that it happened, who
 * did it and why, and the names of what was erased, never its content.
 * The review date itself is kept by triggers in the schema, whatever path
 * ends or restarts management.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/util.h"
#include "db/db_internal.h"

static void
read_retention(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_retention *r = row;

	(void)db;
	r->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, r->ref, sizeof r->ref);
	db_column_copy(st, 2, r->pseudo, sizeof r->pseudo);
	r->category = sqlite3_column_int(st, 3);
	db_column_copy(st, 4, r->review, sizeof r->review);
	db_column_copy(st, 5, r->exited, sizeof r->exited);
}

/* Log the review of the records in LIST, due by BY. */
static enum db_status
retention_consulted(struct db *db, const struct db_retentions *list,
		    const char *by)
{
	int64_t *ids = NULL;
	char detail[64];
	enum db_status s;

	if (list->n > 0 &&
	    (ids = malloc((size_t)list->n * sizeof *ids)) == NULL)
		return db_fail(db, DB_ERROR, "out of memory");
	for (int i = 0; i < list->n; i++)
		ids[i] = list->v[i].id;
	snprintf(detail, sizeof detail, "review due by %s", by);
	s = db_audit_consult(db, "retention.view", ids, (size_t)list->n,
			     detail);
	free(ids);
	return s;
}

enum db_status
db_retention_due(struct db *db, mdate by, struct db_retentions *list)
{
	sqlite3_stmt *st;
	enum db_status s;
	char d[MDATE_BUFSZ];

	list->n = 0;
	if ((s = db_require(db, DB_ADMIN, "reviewing retention")) !=
	    DB_OK)
		return s;
	st = db_stmt(db, "SELECT o.id, o.ref, o.pseudo, o.category, "
			 "o.retention_review, (SELECT max(date) FROM events e "
			 "WHERE e.offender_id = o.id AND e.type = 'exit') "
			 "FROM offenders o WHERE o.retention_review <= ? AND "
			 "o.erased IS NULL ORDER BY o.retention_review, o.ref");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, date_format(by, d), -1, SQLITE_TRANSIENT);
	if ((s = DB_ROWS(db, st, read_retention, list,
			 "reading retention reviews")) != DB_OK)
		return s;
	/* A consultation naming the cases shown, as every list of cases
	 * (audit.h): `audit --case` finds who reviewed the record. */
	if ((s = retention_consulted(db, list, d)) != DB_OK)
		list->n = 0;
	return s;
}

/* The justification must be given, and must not name the person. */
static enum db_status
check_reason(struct db *db, int64_t id, const char *why)
{
	static const char *const cols[] = { "ref", "surname", "forenames",
					    "pnc", "crn", "visor" };
	sqlite3_stmt *st;
	int rc;

	if (why == NULL || why[strspn(why, " \t")] == '\0')
		return db_fail(db, DB_INVALID, "a justification is required "
			       "(it is kept in the audit trail)");
	if (strlen(why) > DB_REASON_MAX)
		return db_fail(db, DB_INVALID, "the justification is longer "
			       "than %d bytes; it is kept whole in the audit "
			       "trail, so say it shorter", DB_REASON_MAX);
	if (str_has_control(why, false))
		return db_fail(db, DB_INVALID, "the justification holds a "
			       "control character");
	st = db_stmt(db, "SELECT ref, surname, forenames, pnc, crn, visor "
			 "FROM offenders WHERE id = ?");
	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE
			? db_fail(db, DB_NOTFOUND, "no such offender")
			: db_sqlfail(db, rc, "reading an offender");
	}
	for (int i = 0; i < (int)NELEM(cols); i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);

		/* Whole identifiers and names of three letters or more. */
		if (v && strlen(v) >= 3 && strcasestr(why, v)) {
			sqlite3_reset(st);
			return db_fail(db, DB_INVALID, "the justification must "
				       "not identify the person (it holds "
				       "their %s); it is kept in the audit "
				       "trail", cols[i]);
		}
	}
	sqlite3_reset(st);
	return DB_OK;
}

/*
 * The ref an erased record gets: ERASED-<pseudonym>, or when a record
 * already holds that ref (an import may bring one in), the first free
 * ERASED-<pseudonym>-N; into BUF of N bytes.
 */
static enum db_status
erased_ref(struct db *db, int64_t id, char *buf, size_t n)
{
	sqlite3_stmt *st;
	char pseudo[DB_PSEUDO_MAX] = "";
	int rc;

	if ((st = db_stmt(db, "SELECT pseudo FROM offenders WHERE id = ?")) ==
	    NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		db_column_copy(st, 0, pseudo, sizeof pseudo);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_sqlfail(db, rc, "erasing");
	for (int k = 1; k < 1000; k++) {
		if (k == 1)
			snprintf(buf, n, "ERASED-%s", pseudo);
		else
			snprintf(buf, n, "ERASED-%s-%d", pseudo, k);
		if ((st = db_stmt(db, "SELECT 1 FROM offenders WHERE ref = ? "
				      "AND id != ?")) == NULL)
			return DB_ERROR;
		sqlite3_bind_text(st, 1, buf, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return DB_OK;
		if (rc != SQLITE_ROW)
			return db_sqlfail(db, rc, "erasing");
	}
	return db_fail(db, DB_ERROR, "erasing: no free reference");
}

/*
 * Begin keeping or erasing (WHAT) record ID for the reason WHY: admin
 * only, in a transaction, the reason checked, and the record read by
 * SQL (its ?1 the id, its column 1 whether it was erased; an erased
 * record is DB_INVALID with the sentence ERASED).  DB_OK inside the
 * transaction with *ST stepped (*RC the step's result) for the caller to
 * read and reset; on failure the transaction is closed.
 */
static enum db_status
begin_change(struct db *db, int64_t id, const char *why, const char *what,
	     const char *sql, const char *erased, sqlite3_stmt **st, int *rc)
{
	enum db_status s;

	if ((s = db_require(db, DB_ADMIN, what)) != DB_OK)
		return s;
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = check_reason(db, id, why)) != DB_OK)
		return db_tx_end(db, s);
	if ((*st = db_stmt(db, sql)) == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_int64(*st, 1, id);
	*rc = sqlite3_step(*st);
	if (*rc == SQLITE_ROW && sqlite3_column_type(*st, 1) != SQLITE_NULL) {
		sqlite3_reset(*st);
		return db_tx_end(db, db_fail(db, DB_INVALID, "%s", erased));
	}
	return DB_OK;
}

enum db_status
db_retention_keep(struct db *db, int64_t id, mdate until, const char *why)
{
	sqlite3_stmt *st;
	enum db_status s;
	char d[MDATE_BUFSZ], old[MDATE_BUFSZ], rec[48];
	struct strbuf detail;
	int rc;

	if ((s = begin_change(db, id, why, "keeping a record",
			      "SELECT retention_review, erased FROM offenders "
			      "WHERE id = ?1", "the record was erased", &st,
			      &rc)) != DB_OK)
		return s;
	db_column_copy(st, 0, old, sizeof old);
	sqlite3_reset(st);
	if (old[0] == '\0')
		return db_tx_end(db, db_fail(db, DB_INVALID, "the record has "
					     "no retention review: it is still "
					     "under management"));
	date_format(until, d);
	if (strcmp(d, old) <= 0)
		return db_tx_end(db, db_fail(db, DB_INVALID, "keep it until a "
					     "date after its review (%s)", old));
	st = db_stmt(db, "UPDATE offenders SET retention_review = ?, "
			 "version = version + 1 WHERE id = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, d, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_tx_end(db, db_sqlfail(db, rc, "keeping a record"));
	snprintf(rec, sizeof rec, "offender %lld", (long long)id);
	sb_init(&detail);
	sb_printf(&detail, "retention_review: %s -> %s; justification: %s",
		  old, d, why);
	s = detail.failed ? db_fail(db, DB_ERROR, "out of memory")
			  : db_audit_write(db, "retention.keep", rec,
					   sb_str(&detail));
	sb_free(&detail);
	return db_tx_end(db, s);
}

enum db_status
db_retention_erase(struct db *db, int64_t id, const char *why)
{
	/* Every statement that removes identity or free text about the
	 * offender ?1; the pseudonymous history stays. */
	static const char *const erase[] = {
		"UPDATE offenders SET ref = ?2, surname = NULL,"
		" forenames = NULL, dob = NULL, gender = NULL, pnc = NULL,"
		" crn = NULL, visor = NULL, district = NULL, lead_agency = NULL,"
		" notes = NULL, retention_review = NULL,"
		" erased = strftime('%Y-%m-%d','now'), version = version + 1"
		" WHERE id = ?1",
		"UPDATE events SET note = NULL WHERE offender_id = ?1",
		"UPDATE referrals SET reason = NULL WHERE offender_id = ?1",
		"UPDATE minutes SET decision = NULL, rationale = NULL,"
		" dissent = NULL, rmp_supervision = NULL, rmp_monitoring = NULL,"
		" rmp_interventions = NULL, rmp_victim_safety = NULL,"
		" contingencies = NULL, victim_issues = NULL, disclosure = NULL"
		" WHERE agenda_item_id IN (SELECT id FROM agenda_items"
		" WHERE offender_id = ?1)",
		"UPDATE actions SET text = '(erased)', owner_person = NULL"
		" WHERE offender_id = ?1",
		/* The case file (issue 15): what could name the person, the
		 * victims or the places goes; the RoSH band, who was at risk
		 * and the key dates stay, as counts may need them. */
		"UPDATE risk_assessments SET assessor = NULL"
		" WHERE offender_id = ?1",
		"DELETE FROM scored_assessments WHERE offender_id = ?1",
		"DELETE FROM offences WHERE offender_id = ?1",
		"UPDATE case_notes SET subject = NULL, text = NULL"
		" WHERE offender_id = ?1",
		"DELETE FROM disclosures WHERE offender_id = ?1",
	};
	sqlite3_stmt *st;
	enum db_status s;
	char rec[48], gone[DB_REF_MAX];
	int status;
	struct strbuf detail;
	int64_t notes = 0;
	int rc;

	if ((s = begin_change(db, id, why, "erasing a record",
			      "SELECT status, erased, (SELECT count(*) FROM "
			      "events WHERE offender_id = ?1 AND note IS NOT "
			      "NULL) FROM offenders WHERE id = ?1",
			      "the record was already erased", &st, &rc)) !=
	    DB_OK)
		return s;
	status = case_status_parse((const char *)sqlite3_column_text(st, 0));
	notes = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	/* Only a record whose management has ended (an unknown status is
	 * not one). */
	if (status != CASE_EXITED && status != CASE_UNREGISTERED)
		return db_tx_end(db, db_fail(db, DB_INVALID, "the offender is "
					     "still under MAPPA management "
					     "(%s); only a record whose "
					     "management has ended can be "
					     "erased",
					     case_status_name(status)));
	if ((s = erased_ref(db, id, gone, sizeof gone)) != DB_OK)
		return db_tx_end(db, s);
	for (size_t i = 0; i < NELEM(erase); i++) {
		sqlite3_stmt *q;

		rc = sqlite3_prepare_v2(db->sql, erase[i], -1, &q, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_int64(q, 1, id);
			if (i == 0)
				sqlite3_bind_text(q, 2, gone, -1,
						  SQLITE_STATIC);
			rc = sqlite3_step(q);
			sqlite3_finalize(q);
		}
		if (rc != SQLITE_DONE)
			return db_tx_end(db, db_sqlfail(db, rc, "erasing"));
	}
	snprintf(rec, sizeof rec, "offender %lld", (long long)id);
	sb_init(&detail);
	sb_printf(&detail, "status: %s -> erased; fields: ref,surname,"
		  "forenames,dob,gender,pnc,crn,visor,district,lead_agency,"
		  "notes; notes of %lld events; referral reasons, minutes and "
		  "actions; risk assessors, scored assessments, offences, case "
		  "notes' subjects and texts, disclosures; justification: %s",
		  case_status_name(status),
		  (long long)notes, why);
	s = detail.failed ? db_fail(db, DB_ERROR, "out of memory")
			  : db_audit_write(db, "offender.erase", rec,
					   sb_str(&detail));
	sb_free(&detail);
	return db_tx_end(db, s);
}
