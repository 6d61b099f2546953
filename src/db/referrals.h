/*
 * referrals.h -- referrals to MAPPA, taken in one transaction with the new
 * case (referrals.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_REFERRALS_H
#define MAPPA_DB_REFERRALS_H

#include "core/agenda.h"
#include "core/status.h"
#include "db/offenders.h"

/* Whether a case already has reference REF (admin or member). */
enum db_status db_ref_taken(struct db *db, const char *ref, bool *taken);

/* A referral to Level 2 or 3 management. */
struct db_referral {
	int64_t id;
	char date[MDATE_BUFSZ];
	char agency[DB_FIELD_MAX];  /* who referred: a code of
				       core/agenda.h's agencies (show it
				       with agenda_agency_label(): one
				       stored before may be other text) */
	int proposed_level;         /* 2 or 3: the level it asks for */
	const char *reason;         /* NULL for a lay adviser, or none;
				       in a list, the list's own copy */
	enum referral_outcome outcome;
	/* Read back (db_referral_list(), db_referral_all()): */
	int64_t offender_id;
	int64_t meeting_id;         /* the meeting that decided it, or 0 */
	int64_t version;
	char ref[DB_REF_MAX];       /* the case (lay: its pseudonym) */
	char due[MDATE_BUFSZ];      /* the initial meeting's last day */
	bool overdue;               /* pending and due before the query's
				       today */
};

/*
 * Take a new case (admin or member), in one transaction: add offender O
 * (as db_offender_add()), register it on R->date with CATEGORY and LEVEL
 * (its first event), and set the case's next review to NEXT_REVIEW
 * (MDATE_NONE: the level's review interval from the date).  At Level 2
 * or 3 the case is referred there: R is recorded, asking for LEVEL; at
 * Level 1 there is no referral (R->id stays 0).  R->agency is a code or
 * a name of core/agenda.h's agencies (agenda_agency_lookup()), anything
 * else DB_INVALID; it is stored, and left in R, as the code.  Nothing
 * is written when any part fails.  On success O's id, version and
 * pseudonym (and R->id) are set.
 */
enum db_status db_referral_add(struct db *db, struct db_offender *o,
			       int category, int level, mdate next_review,
			       struct db_referral *r);

/*
 * A new case and its registration on DATE at CATEGORY and LEVEL (admin
 * or member), without any referral (`mappa case add`); NEXT_REVIEW as
 * db_referral_add().
 */
enum db_status db_case_add(struct db *db, struct db_offender *o,
			   int category, int level, mdate date,
			   mdate next_review);

/*
 * Refer registered case OFFENDER_ID (admin or member): R->proposed_level
 * 2 or 3, R->date, R->agency (as db_referral_add(): set to the code),
 * R->reason (optional).  A case not managed
 * under MAPPA, one with a referral still pending, or a date after TODAY
 * is DB_INVALID.  R->id is set.
 */
enum db_status db_referral_refer(struct db *db, int64_t offender_id,
				 mdate today, struct db_referral *r);

/*
 * Decide referral ID (admin or member): OUTCOME REFERRAL_ACCEPTED,
 * REFERRAL_DECLINED or REFERRAL_WITHDRAWN; REASON (optional) why.
 * Accepting and declining name the meeting that decided, MEETING_ID: a
 * held meeting of the referral's level on or after its date (0: the held
 * meeting that had it on its agenda, if there is one).  Only a pending referral is decided: one
 * decided otherwise already is DB_CONFLICT (the same outcome again is
 * DB_OK).
 */
enum db_status db_referral_decide(struct db *db, int64_t id,
				  enum referral_outcome outcome,
				  int64_t meeting_id,
				  const char *reason);

/*
 * A list of referrals (a DB_LIST, connection.h) whose rows own their
 * reasons: end it with db_referrals_free(), not db_list_free().  A read
 * into it frees the reasons it held and fills it anew.
 */
DB_LIST(db_referrals, struct db_referral);
void db_referrals_free(struct db_referrals *list);

/* The referrals of one case, oldest first (reasons withheld from lay),
 * into LIST. */
enum db_status db_referral_list(struct db *db, int64_t offender_id,
				struct db_referrals *list);

/*
 * Every referral (admin, member), or with PENDING_ONLY those pending,
 * each with its initial meeting's last day (the area's settings, bank
 * holidays H) and overdue against TODAY, into LIST: pending ones first,
 * overdue first, by due date; then the rest, newest first.
 */
enum db_status db_referral_all(struct db *db, bool pending_only, mdate today,
			       const struct agenda_holidays *h,
			       struct db_referrals *list);

#endif
