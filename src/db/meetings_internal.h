/*
 * meetings_internal.h -- what meetings.c, minutes.c and actions.c share:
 * checks of free text, the context of an agenda item, the case's next
 * review.  Not for other layers.
 */
#ifndef MAPPA_MEETINGS_INTERNAL_H
#define MAPPA_MEETINGS_INTERNAL_H

#include "core/status.h"
#include "db/db_internal.h"

/* Whether A and B hold the same text, NULL counting as "". */
bool meetings_same(const char *a, const char *b);

/* An agenda item with its meeting. */
struct meetings_item {
	int64_t id, meeting_id, offender_id, referral_id;
	bool discussed;
	enum meeting_status status; /* the meeting's */
	mdate date;               /* the meeting's */
	int level;                /* the meeting's */
	char chair[DB_FIELD_MAX]; /* the meeting's, or "" */
};

/* Step ST, a bound write, and reset it: DB_OK, or the failure naming
 * WHAT. */
enum db_status meetings_step(struct db *db, sqlite3_stmt *st,
			     const char *what);

/* The text in column COL of ST; "" for NULL. */
const char *meetings_text(sqlite3_stmt *st, int col);

/* The meeting status in column COL of ST (its stored name parsed). */
enum meeting_status meetings_status_column(sqlite3_stmt *st, int col);

/* Read item ITEM_ID and its meeting into IT; DB_NOTFOUND when none. */
enum db_status meetings_item_get(struct db *db, int64_t item_id,
				 struct meetings_item *it);

/*
 * Make WHEN (MDATE_NONE: none) offender ID's next review, as minuted at
 * meeting MEETING_ID on DATE -- unless a later meeting has minuted a next
 * review for the case, which then stands.  Writes its audit row when it
 * changes anything.
 */
enum db_status meetings_set_review(struct db *db, int64_t id,
				   int64_t meeting_id, mdate date, mdate when);

/*
 * The referral REFERRAL_ID was decided by meeting MEETING_ID's level
 * decision: record the meeting and OUTCOME (REFERRAL_ACCEPTED or
 * REFERRAL_DECLINED)
 * on it when pending or decided by this meeting before (a replaced
 * decision); with its audit row.  One withdrawn or decided elsewhere
 * stands.
 */
enum db_status meetings_referral_met(struct db *db, int64_t referral_id,
				     int64_t meeting_id,
				     enum referral_outcome outcome);

/* Whether CODE is an agency mappa knows; else DB_INVALID naming WHAT. */
enum db_status meetings_check_agency(struct db *db, const char *code,
				     const char *what);

/*
 * Put OFFENDER_ID last on MEETING_ID's agenda for REASON (checked by the
 * caller); DB_INVALID when it is on it already.  No audit row.
 */
enum db_status meetings_insert_item(struct db *db, int64_t meeting_id,
				    int64_t offender_id, const char *reason,
				    int64_t referral_id, bool discussed,
				    int64_t *item_id);

/* Meeting ID as its audit rows name it ("meeting 12"), in BUF (N
 * bytes). */
void meetings_record(char *buf, size_t n, int64_t id);

/* The state of an action closed on DONE ("" while open), DROPPED or not:
 * the one reading of the actions table's done and dropped columns. */
enum action_state actions_state_of(const char *done, bool dropped);

/* Insert action A as given (checked by the caller; meeting and offender
 * ids set); A->id and A->version are set.  No audit row. */
enum db_status actions_insert(struct db *db, struct db_action *a);

/* DB_OK when meeting MEETING_ID's minutes may change (0: no meeting);
 * DB_INVALID, saying so, when they are approved (attendees.c). */
enum db_status meetings_minutes_open(struct db *db, int64_t meeting_id);

#endif
