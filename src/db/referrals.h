/*
 * referrals.h -- referrals to MAPPA, taken in one transaction with the new
 * case (referrals.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_REFERRALS_H
#define MAPPA_DB_REFERRALS_H

#include "db/offenders.h"

/* Whether a case already has reference REF (admin or member). */
enum db_status db_ref_taken(struct db *db, const char *ref, bool *taken);

/* A referral to MAPPA. */
struct db_referral {
	int64_t id;
	char date[MDATE_BUFSZ];
	char agency[DB_FIELD_MAX];  /* who referred */
	int proposed_level;         /* 2 or 3, or 0 */
	const char *reason;         /* NULL for a lay adviser, or none */
	char outcome[16];           /* pending, accepted, declined, withdrawn */
};

/*
 * Take a referral (admin or member), in one transaction: add offender O
 * (as db_offender_add()), register it on R->date with CATEGORY and LEVEL
 * (its first event), record R (proposed level: LEVEL when 2 or 3), and set
 * the case's next review to NEXT_REVIEW (the initial meeting's deadline,
 * or MDATE_NONE).  Nothing is written when any part fails.  On success
 * O's id, version and pseudonym and R->id are set.
 */
enum db_status db_referral_add(struct db *db, struct db_offender *o,
			       int category, int level, mdate next_review,
			       struct db_referral *r);

typedef int (*db_referral_cb)(void *ctx, const struct db_referral *r);
/* The referrals of one case, oldest first (reasons withheld from lay). */
enum db_status db_referral_list(struct db *db, int64_t offender_id,
				db_referral_cb cb, void *ctx);

#endif
