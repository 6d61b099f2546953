/*
 * meetings.h -- MAPP meetings: scheduling, invitations and attendance,
 * agendas, and bulk writing of a meeting history for the demo
 * (meetings.c, minutes.c); the minutes and level decisions are
 * db/minutes.h.
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_MEETINGS_H
#define MAPPA_DB_MEETINGS_H

#include "core/agenda.h"
#include "core/status.h"
#include "db/actions.h"
#include "db/minutes.h"
#include "db/offenders.h"

/* --- meetings (minimal until the meetings issue) -------------------------- */

/*
 * Find or create the held meeting of LEVEL on DATE chaired by CHAIR
 * (admin or member); *ID receives its id.
 */
enum db_status db_meeting_ensure(struct db *db, mdate date, int level,
				 const char *chair, int64_t *id);

/* --- MAPP meetings: agendas, minutes, level decisions, actions (issue 7) ---
 *
 * A meeting (Level 2 or 3) is scheduled, then held or cancelled.  Its
 * agenda is a list of cases in order; each case discussed gets minutes,
 * one level decision (which, when it changes the level or ends
 * management, writes the event through db_event_add(): decided by this
 * meeting and its chair, effective on the meeting's date) and actions.
 * Lay advisers read the meetings list (without the chair) and the
 * actions (without their wording or owner's name); agendas and minutes
 * are refused them.
 *
 * Two people may edit one meeting at once (the coordinator at a desk,
 * the chair on the projector) and neither loses an update:
 *
 *   - a meeting's details and a case's minutes carry a version, and are
 *     saved by a three-way merge: the caller gives what it loaded (BASE)
 *     and what it wants (M).  Inside the write transaction the stored
 *     record is read again; each field the caller changed (M differs
 *     from BASE) is applied, each field it did not change keeps the
 *     stored value.  A field both sides changed to different values is a
 *     collision: DB_CONFLICT, nothing saved, the sentence naming the
 *     field.  With BASE NULL the save is strict: any newer stored
 *     version is DB_CONFLICT.  On success M holds the stored record with
 *     the other person's changes and the new version;
 *   - the agenda, attendance and actions change by intent ("add this
 *     case", "move this item to position 3", "apologies from housing",
 *     "this action is done"), each one transaction, so concurrent
 *     changes compose; setting an agency's attendance states what the
 *     caller last saw, and a different value saved since is DB_CONFLICT;
 *   - a level decision states the offender version the chair saw, as
 *     db_event_add() does.
 *
 * Every write is one transaction with its audit row: values before and
 * after for dates, levels, statuses and attendance; field names only for
 * free text (chair, venue, minutes, action wording).
 */

/* A meeting. */
struct db_meeting {
	int64_t id;
	int64_t version;
	char date[MDATE_BUFSZ];
	char time[6];              /* HH:MM, or "" */
	int level;                 /* 2 or 3 */
	enum meeting_status status;
	char chair[DB_FIELD_MAX];  /* "" for a lay adviser */
	char venue[DB_FIELD_MAX];
	/* Read only: */
	int cases;                 /* on the agenda */
	int discussed;             /* of those, discussed */
};

/*
 * Schedule meeting M (admin or member): date, level required; time,
 * chair, venue optional.  AGENCIES[0..N) are the invited agencies' codes
 * (core/agenda.h; NULL/0 for none).  On success M->id, M->version and
 * M->status (MEETING_SCHEDULED) are set.
 */
enum db_status db_meeting_add(struct db *db, struct db_meeting *m,
			      const char *const *agencies, size_t n);

/* Read meeting ID into M (chair withheld from a lay adviser). */
enum db_status db_meeting_get(struct db *db, int64_t id, struct db_meeting *m);

/*
 * Save M's date, time, level, chair and venue (admin or member) by the
 * three-way merge above from BASE (or strictly when NULL).  A cancelled
 * meeting cannot be edited; a meeting whose decisions are recorded keeps
 * its date, level and chair.
 */
enum db_status db_meeting_update(struct db *db, const struct db_meeting *base,
				 struct db_meeting *m);

/*
 * Mark meeting ID held (it may then be minuted) -- only on or after its
 * date, TODAY (else DB_INVALID, nothing changed) -- or cancelled (only a
 * meeting not held).  Doing it twice is no error.  *VERSION, if not NULL,
 * receives the new version.
 */
enum db_status db_meeting_hold(struct db *db, int64_t id, mdate today,
			       int64_t *version);
enum db_status db_meeting_cancel(struct db *db, int64_t id, int64_t *version);

/*
 * Reopen held meeting ID (admin only): back to scheduled, REASON
 * required and kept in the audit trail.  A meeting whose decisions wrote
 * level or exit events stays held (DB_INVALID): replace those first.
 */
enum db_status db_meeting_reopen(struct db *db, int64_t id, const char *reason,
				 int64_t *version);

/* Which meetings: dates FROM..TO (MDATE_NONE: open), LEVEL (0: both),
 * STATUS (an enum meeting_status; -1: any -- 0 is MEETING_SCHEDULED). */
struct db_meeting_query {
	mdate from, to;
	int level;
	int status;
};

DB_LIST(db_meetings, struct db_meeting);
/* The meetings of Q (NULL: all) by date, time and id into LIST, a
 * DB_LIST (connection.h) (everyone; chair withheld from lay advisers). */
enum db_status db_meeting_list(struct db *db, const struct db_meeting_query *q,
			       struct db_meetings *list);

/* An agency at a meeting: invited, and how it attended. */
struct db_meeting_agency {
	char agency[32];
	bool invited;
	int attendance;      /* enum agenda_attendance, or -1 when not
				recorded */
};

/* Invite (or, INVITED false, un-invite) AGENCY to meeting ID. */
enum db_status db_meeting_invite(struct db *db, int64_t id, const char *agency,
				 bool invited);

/*
 * Record how AGENCY attended meeting ID: ATTENDANCE "present",
 * "apologies", "report", "absent" (or NULL/"" to clear).  SEEN is what
 * the caller last saw ("" for nothing; NULL: do not check): when the
 * stored value is neither SEEN nor ATTENDANCE, someone else recorded
 * otherwise -- DB_CONFLICT.  An agency not invited is added as present
 * without invitation.
 */
enum db_status db_meeting_attendance(struct db *db, int64_t id,
				     const char *agency, const char *seen,
				     const char *attendance);

DB_LIST(db_meeting_agencies, struct db_meeting_agency);
/* The agencies of meeting ID in the order of core/agenda.h's list, into
 * LIST. */
enum db_status db_meeting_agencies(struct db *db, int64_t id,
				   struct db_meeting_agencies *list);

/* A case on an agenda, with what the papers show of it (admin, member). */
struct db_agenda_item {
	int64_t id;
	int64_t meeting_id;
	int64_t offender_id;
	int64_t referral_id;          /* the referral met, or 0 */
	int position;                 /* 1, 2, ... */
	enum agenda_reason reason;
	bool discussed;
	/* The case: */
	char ref[DB_REF_MAX];
	char surname[DB_FIELD_MAX];
	char forenames[DB_FIELD_MAX];
	char dob[MDATE_BUFSZ];
	char gender[2];
	char district[DB_FIELD_MAX];
	char lead_agency[16];
	int category, level;          /* now (0 when never registered) */
	enum case_status status;      /* the case's */
	char next_review[MDATE_BUFSZ];
	int64_t offender_version;     /* the case's version, as read */
	/* Its minutes so far: */
	bool minuted;
	enum level_decision level_decision; /* or DECISION_NONE */
};

/*
 * What may be wrong with putting OFFENDER_ID on meeting MEETING_ID's
 * agenda for REASON and REFERRAL_ID (0: none) (admin, member): the case
 * has exited; it is on another scheduled meeting's agenda; for an
 * initial meeting or a review, its level (a pending referral's: the
 * level it asks for) is not the meeting's.  Sentences joined by "; "
 * into BUF (N bytes), their number in *COUNT.
 */
enum db_status db_agenda_warnings(struct db *db, int64_t meeting_id,
				  int64_t offender_id, const char *reason,
				  int64_t referral_id, char *buf, size_t n,
				  int *count);

/*
 * Why OFFENDER_ID goes on an agenda unless the person says otherwise:
 * AGENDA_INITIAL when a referral of it is pending (its id in
 * *REFERRAL_ID), else AGENDA_REVIEW (*REFERRAL_ID 0).
 */
enum agenda_reason db_agenda_default_reason(struct db *db,
					    int64_t offender_id,
					    int64_t *referral_id);

/*
 * Put offender OFFENDER_ID on meeting MEETING_ID's agenda, last, for
 * REASON (agenda_reason_name()); REFERRAL_ID the referral it meets (0:
 * none).  A case already on it, or a cancelled meeting, is DB_INVALID;
 * so is one with warnings (db_agenda_warnings()) unless FORCE, which the
 * audit row then notes.  *ITEM_ID (if not NULL) receives the item's id.
 */
enum db_status db_agenda_add(struct db *db, int64_t meeting_id,
			     int64_t offender_id, const char *reason,
			     int64_t referral_id, bool force,
			     int64_t *item_id);

/* Take item ITEM_ID off its agenda (refused once minuted). */
enum db_status db_agenda_remove(struct db *db, int64_t item_id);

/* Move item ITEM_ID to POSITION (1 = first; beyond the end: last). */
enum db_status db_agenda_move(struct db *db, int64_t item_id, int position);

/*
 * Mark item ITEM_ID discussed (or not), on a held meeting: progress, and
 * where meeting mode resumes.  Discussing decides no referral.
 */
enum db_status db_agenda_discussed(struct db *db, int64_t item_id,
				   bool discussed);

DB_LIST(db_agenda, struct db_agenda_item);
/* The agenda of meeting MEETING_ID in order into LIST (admin, member). */
enum db_status db_agenda_list(struct db *db, int64_t meeting_id,
			      struct db_agenda *list);

/* The item of OFFENDER_ID on MEETING_ID's agenda; DB_NOTFOUND if none. */
enum db_status db_agenda_find(struct db *db, int64_t meeting_id,
			      int64_t offender_id, int64_t *item_id);


/* A case proposed for an agenda (agenda_propose()). */
struct db_agenda_proposal {
	int64_t offender_id;
	int64_t referral_id;
	char ref[DB_REF_MAX];
	char surname[DB_FIELD_MAX];
	char forenames[DB_FIELD_MAX];
	int category, level;
	char due[MDATE_BUFSZ];        /* "" when none */
	enum agenda_reason reason;
	bool overdue;
};

DB_LIST(db_agenda_proposals, struct db_agenda_proposal);
/*
 * Propose the agenda of meeting MEETING_ID, built on TODAY (admin,
 * member; agenda_propose() decides): referrals of the meeting's level
 * awaiting their initial meeting (deadline from the referral date, the
 * area's intervals and the bank holidays H), and cases at its level
 * whose review falls due by its date; neither those already on its
 * agenda nor those on another scheduled meeting's.  In order, overdue
 * first, into LIST.
 */
enum db_status db_agenda_propose(struct db *db, int64_t meeting_id,
				 mdate today, const struct agenda_holidays *h,
				 struct db_agenda_proposals *list);

/*
 * Bulk writing of a meeting history, for the demo (admin; inside
 * db_begin()..db_commit(); a failure dooms the transaction as
 * db_bulk_offender() does).  One audit row per call.
 */
struct db_bulk_item {
	int64_t meeting_id;
	enum agenda_reason reason;
	const char *text[DB_MIN_TEXTS];      /* NULL: none */
	enum level_decision level_decision;  /* or DECISION_NONE */
	bool link_event;                     /* the item decided the case's
						event dated on the meeting
						day, at this meeting */
	mdate next_review;                   /* or MDATE_NONE */
	bool discussed;
	const struct db_action *actions;     /* the item's actions */
	size_t nactions;
	/* The referral the item met (accepted there), or date MDATE_NONE: */
	struct {
		mdate date;
		const char *agency;
		int level;                   /* proposed: 2 or 3 */
		const char *reason;          /* or NULL */
	} referral;
};

/* Offender OFFENDER_ID's agenda items ITEMS[0..N) with their minutes,
 * actions and the referrals they met, each put last on its meeting's
 * agenda. */
enum db_status db_bulk_case_meetings(struct db *db, int64_t offender_id,
				     const struct db_bulk_item *items,
				     size_t n);

/* Meeting ID's agencies: AGENCIES[0..N) invited, ATTENDANCE[i] as
 * db_meeting_attendance() (NULL: not recorded). */
enum db_status db_bulk_attendance(struct db *db, int64_t id,
				  const char *const *agencies,
				  const char *const *attendance, size_t n);

/* --- the meeting's peopleand the state of its minutes (issue 16) -------- */

/* A person at a meeting. */
struct db_attendee {
	int64_t id;
	int64_t meeting_id;
	char name[DB_FIELD_MAX];
	char agency[32];      /* an agency code (core/agenda.h) */
	int role;             /* enum agenda_role; -1 from
				 db_attendee_known() */
};

/*
 * Add A to meeting A->meeting_id (admin, member) as ROLE, one of
 * agenda_roles[] as typed: name (no control characters, at most
 * DB_FIELD_MAX - 1 bytes), agency and role required; the same name and
 * agency again changes the role.  Not on a cancelled meeting, nor on
 * approved minutes.  A->id and A->role are set.
 */
enum db_status db_attendee_add(struct db *db, struct db_attendee *a,
			       const char *role);

/* Take attendee ID off its meeting (admin, member; not on approved
 * minutes). */
enum db_status db_attendee_remove(struct db *db, int64_t id);

DB_LIST(db_attendees, struct db_attendee);
/* The people at meeting MEETING_ID by role (agenda_roles[] order),
 * agency, name, into LIST (admin, member). */
enum db_status db_attendee_list(struct db *db, int64_t meeting_id,
				struct db_attendees *list);

/* The people who came to earlier meetings, each name and agency once,
 * the most recent first, at most LIMIT, into LIST (admin, member); their
 * id and meeting 0, their role -1. */
enum db_status db_attendee_known(struct db *db, int limit,
				 struct db_attendees *list);

/* Meeting ID's people V[0..N) (names, agencies, roles), for the demo
 * (admin; inside db_begin()..db_commit(), as db_bulk_attendance()). */
enum db_status db_bulk_attendees(struct db *db, int64_t id,
				 const struct db_attendee *v, size_t n);

/* The state of a meeting's minutes. */
struct db_minutes_state {
	enum minutes_state state;
	int64_t version;                /* 1, 2, ... */
	char approved_by[DB_FIELD_MAX]; /* the chair who approved, or "" */
	char approved_on[MDATE_BUFSZ];  /* or "" */
};

/* Read the state of meeting MEETING_ID's minutes (admin, member). */
enum db_status db_minutes_state(struct db *db, int64_t meeting_id,
				struct db_minutes_state *ms);

/*
 * The chair approves meeting MEETING_ID's minutes on ON (admin, member):
 * the meeting must be held and have a chair, whose name is recorded.
 * Approved minutes are not changed (texts, decisions, actions agreed
 * there, attendees) until reopened.  Approving twice is no error.
 */
enum db_status db_minutes_approve(struct db *db, int64_t meeting_id,
				  mdate on);

/* Reopen approved minutes as a draft of the next version (admin,
 * member); a draft is no error. */
enum db_status db_minutes_reopen(struct db *db, int64_t meeting_id);

/*
 * Change action ID (admin, member) as the caller saw it at VERSION
 * (another version stored: DB_CONFLICT): TEXT, OWNER_AGENCY,
 * OWNER_PERSON ("" none) and DUE, each NULL to keep; checked as
 * db_action_add() checks.  Not on approved minutes.  *VERSION gets the
 * new version.
 */
enum db_status db_action_edit(struct db *db, int64_t id, int64_t *version,
			      const char *text, const char *owner_agency,
			      const char *owner_person, const char *due);

/* Remove action ID (admin, member), seen at VERSION (0: do not check);
 * not on approved minutes.  Its audit row keeps its agency, owner's
 * name, dates and meeting. */
enum db_status db_action_remove(struct db *db, int64_t id, int64_t version);

#endif
