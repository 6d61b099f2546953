/*
 * casefacts.h -- the case file a MAPP meeting decides from (issue 15):
 * risk, scored assessments, key dates, order ends, offences, case notes
 * and disclosures; the duplicate-person check and the key-date lists
 * (casefacts.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_CASEFACTS_H
#define MAPPA_DB_CASEFACTS_H

#include "core/casefile.h"
#include "core/status.h"
#include "db/offenders.h"

/*
 * Risk, scored assessments, key dates, order ends, offences, case notes
 * and disclosures (casefacts.c).  Each is a row added, never changed: the
 * history stays, and the current one is the last added.  Only admins and
 * members read or write any of it; a lay adviser is refused
 * (DB_REFUSED) every call.  Every write is one transaction with its audit
 * row naming the fields given, never their values; a record that was
 * erased takes no more (DB_INVALID).  The names (RoSH bands, groups at
 * risk, release types) are core/casefile.h's.  Each list is a DB_LIST
 * (connection.h) handed over whole, its rows holding their own text:
 * start it at { 0 }, read list.v[i] for i < list.n, end with
 * db_list_free().  A text member holds one byte more than its limit
 * (DB_TEXT() below), so that a longer text given is refused, never cut.
 */

/* The size of a text member whose limit is MAX bytes (core/casefile.h). */
#define DB_TEXT(max) ((max) + 2)

/* A risk of serious harm assessment. */
struct db_risk {
	int64_t id;
	char date[MDATE_BUFSZ];
	int rosh;                    /* enum cf_rosh */
	unsigned at_risk;            /* bits of enum cf_at_risk */
	char assessor[DB_TEXT(CF_FIELD_MAX)]; /* who assessed; "" for none */
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* Add R to offender ID (date and band required).  R->id is set. */
enum db_status db_risk_add(struct db *db, int64_t id, struct db_risk *r);

DB_LIST(db_risks, struct db_risk);
/* Offender ID's risk assessments, current (last added) first. */
enum db_status db_risk_list(struct db *db, int64_t id, struct db_risks *list);

/* A scored assessment: a tool of the setting assessment_tools. */
struct db_score {
	int64_t id;
	char date[MDATE_BUFSZ];
	char tool[32];
	char score[32];              /* a score or a band, as the tool gives */
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* An assessment tool, as the setting assessment_tools spells it. */
struct db_tool {
	char name[32];
};
DB_LIST(db_tools, struct db_tool);
/* The tools of the setting assessment_tools, in its order. */
enum db_status db_score_tools(struct db *db, struct db_tools *list);

/* Add S to offender ID (a known tool, a score, a date).  S->id is set;
 * the tool's spelling becomes the setting's. */
enum db_status db_score_add(struct db *db, int64_t id, struct db_score *sc);

DB_LIST(db_scores, struct db_score);
/* Offender ID's scored assessments, last added first. */
enum db_status db_score_list(struct db *db, int64_t id,
			     struct db_scores *list);

/* A case's key dates as set at one time.  Dates "" when not set. */
struct db_key_dates {
	int64_t id;                  /* 0 when never set */
	char sentence_expiry[MDATE_BUFSZ];
	char licence_expiry[MDATE_BUFSZ];
	char expected_release[MDATE_BUFSZ];
	int release_type;            /* enum cf_release, or -1: not released */
	char notification_end[MDATE_BUFSZ + 1]; /* a date, CF_INDEFINITE
						   or "" */
	char mappa_j_sent[MDATE_BUFSZ];
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* Clear K to "nothing set" (id 0, release type -1). */
void db_key_dates_init(struct db_key_dates *k);

/* Set offender ID's key dates to K, as a new current row (the old ones
 * stay as history).  Nothing changed is no error and writes nothing.
 * K->id is set. */
enum db_status db_key_dates_set(struct db *db, int64_t id,
				struct db_key_dates *k);

/* Offender ID's current key dates into K (id 0 when never set). */
enum db_status db_key_dates_get(struct db *db, int64_t id,
				struct db_key_dates *k);

DB_LIST(db_key_dates_list, struct db_key_dates);
/* Offender ID's key dates, current first, then each earlier setting. */
enum db_status db_key_dates_history(struct db *db, int64_t id,
				    struct db_key_dates_list *list);

/* When an order ends: the order is named by its kind and the day it was
 * made (an order event of the case's history). */
struct db_order_end {
	int64_t id;
	int kind;                    /* enum ev_order_kind (core/event.h) */
	char made[MDATE_BUFSZ];
	char ends[MDATE_BUFSZ];      /* "" when it has no end (indefinite) */
};

/* Set when the order KIND made on MADE ends (the case's history must
 * hold that order). */
enum db_status db_order_end_set(struct db *db, int64_t id,
				struct db_order_end *oe);

DB_LIST(db_order_ends, struct db_order_end);
/* Offender ID's orders' current ends, by the day each was made. */
enum db_status db_order_end_list(struct db *db, int64_t id,
				 struct db_order_ends *list);

/* An offence: the index offence or another relevant one. */
struct db_offence {
	int64_t id;
	bool is_index;
	char description[DB_TEXT(CF_LONG_MAX)]; /* required */
	char date[MDATE_BUFSZ];      /* "" when not known */
	char court[DB_TEXT(CF_FIELD_MAX)];
	char sentence[DB_TEXT(CF_LONG_MAX)];
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* Add F to offender ID.  An index offence added becomes the current
 * index offence.  F->id is set. */
enum db_status db_offence_add(struct db *db, int64_t id, struct db_offence *f);

DB_LIST(db_offences, struct db_offence);
/* Offender ID's offences: the current index offence first, then the
 * others (earlier index offences among them) last added first. */
enum db_status db_offence_list(struct db *db, int64_t id,
			       struct db_offences *list);

/* A case note: dated, attributed, never changed. */
struct db_note {
	int64_t id;
	char date[MDATE_BUFSZ];      /* required */
	char author[DB_NAME_MAX];    /* filled on add: the user */
	char subject[DB_TEXT(CF_FIELD_MAX)]; /* required ("" once erased) */
	char text[DB_TEXT(CF_TEXT_MAX)];     /* required ("" once erased);
						a first note made from a
						record's notes (offenders.csv
						has no limit) is cut here to
						CF_TEXT_MAX + 1 bytes: the
						export has it whole */
	int64_t corrects;            /* the note it corrects, or 0 */
	char recorded_at[24];
};

/* Add N to offender ID; a correction names a note of the same case.
 * N->id and N->author are set. */
enum db_status db_note_add(struct db *db, int64_t id, struct db_note *n);

DB_LIST(db_notes, struct db_note);
/* Offender ID's notes, newest (last added) first. */
enum db_status db_note_list(struct db *db, int64_t id, struct db_notes *list);

/* A decision to disclose, or not, to a third party. */
struct db_disclosure {
	int64_t id;
	char date[MDATE_BUFSZ];      /* required */
	bool disclosed;              /* false: decided not to disclose */
	char recipient[DB_TEXT(CF_FIELD_MAX)]; /* to whom: required */
	char what[DB_TEXT(CF_TEXT_MAX)];       /* required */
	char why[DB_TEXT(CF_TEXT_MAX)];        /* required */
	int64_t meeting_id;          /* the meeting that decided, or 0 */
	char decided_by[DB_TEXT(CF_FIELD_MAX)]; /* else the person who
						   decided */
	bool undertaking;            /* the recipient signed the
					confidentiality undertaking */
	char meeting_date[MDATE_BUFSZ]; /* read: the meeting's date */
	char recorded_by[DB_NAME_MAX];
	char recorded_at[24];
};

/* Add D to offender ID: decided by a meeting (held, of the case's
 * agenda or not) or a person, one of them; an undertaking only with a
 * disclosure.  D->id is set. */
enum db_status db_disclosure_add(struct db *db, int64_t id,
				 struct db_disclosure *d);

DB_LIST(db_disclosures, struct db_disclosure);
/* Offender ID's disclosure decisions, newest (by date, then last added)
 * first. */
enum db_status db_disclosure_list(struct db *db, int64_t id,
				  struct db_disclosures *list);

/* A disclosure decision of a meeting, with its case's ref. */
struct db_meeting_disclosure {
	char ref[DB_REF_MAX];
	struct db_disclosure d;
};
DB_LIST(db_meeting_disclosures, struct db_meeting_disclosure);
/* The disclosure decisions of meeting MEETING_ID, by case ref, then as
 * added, for its minutes (admin, member). */
enum db_status db_meeting_disclosures(struct db *db, int64_t meeting_id,
				      struct db_meeting_disclosures *list);

/*
 * Case-file writes in bulk, for the demo (admin, inside db_begin()): while
 * ON, each write above skips its own audit row (the caller writes one for
 * the lot) and a note keeps the author it is given.  Turning it off gives
 * the number written in *WRITTEN (if not NULL).
 */
enum db_status db_casefile_bulk(struct db *db, bool on, size_t *written);

/*
 * A number that changes whenever offender ID's case file does (a fact
 * added, an erasure), into *STAMP: screens read the case again when it
 * moves.  Cheap; no audit row.
 */
enum db_status db_casefile_stamp(struct db *db, int64_t id, int64_t *stamp);

/* Which identifier of a new case matched an existing one. */
enum db_dup_match { DB_DUP_PNC, DB_DUP_CRN, DB_DUP_VISOR, DB_DUP_NAME_DOB };

/* A possible duplicate person. */
struct db_duplicate {
	int64_t id;
	char ref[DB_REF_MAX];
	char surname[DB_FIELD_MAX];
	char forenames[DB_FIELD_MAX];
	enum db_dup_match match;
};

/* "PNC", "CRN", "ViSOR number", "name and date of birth". */
const char *db_dup_match_name(enum db_dup_match m);

DB_LIST(db_duplicates, struct db_duplicate);
/*
 * Before O is saved as a new case (admin, member): each recorded case
 * (not erased, not O itself) whose PNC, CRN or ViSOR number is O's (case
 * aside), or whose surname, forenames and date of birth are O's, once
 * per case and match, by match then ref.
 */
enum db_status db_duplicates(struct db *db, const struct db_offender *o,
			     struct db_duplicates *list);

/* A case on one of the key-date lists. */
struct db_key_case {
	int64_t id;
	char ref[DB_REF_MAX];
	char surname[DB_FIELD_MAX];
	char forenames[DB_FIELD_MAX];
	int level;
	enum case_status status;
	char date[MDATE_BUFSZ];      /* the list's date */
	char due[MDATE_BUFSZ];       /* MAPPA J: the day it is due */
	int j_state;                 /* MAPPA J: enum cf_mappa_j */
};

/* The key-date lists. */
enum db_key_list {
	DB_KEY_MAPPA_J,        /* custody cases whose MAPPA J is due (in the
				  window) or overdue, not sent */
	DB_KEY_RELEASES,       /* expected releases in the window */
	DB_KEY_LICENCES,       /* licences ending in the window */
	DB_KEY_NOTIFICATIONS,  /* notification ending in the window */
	DB_KEY_LISTS
};

/* The list's title ("MAPPA J due or overdue", ...). */
const char *db_key_list_title(enum db_key_list l);

DB_LIST(db_key_cases, struct db_key_case);
/* The cases of list L on TODAY (core/casefile.h decides), soonest first;
 * cases not erased and still managed.  Not logged: the caller logs its
 * consultation once (db_audit_log("keydates.view")), so that a screen
 * refreshed by others' changes does not write in its turn. */
enum db_status db_key_list(struct db *db, enum db_key_list l, mdate today,
			   struct db_key_cases *list);

#endif
