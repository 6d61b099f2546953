/*
 * status.h -- the statuses a case and a meeting move through, as types,
 * with their stored names in one place: the data layer writes these
 * names, the screens and commands read them back.
 */
#ifndef MAPPA_STATUS_H
#define MAPPA_STATUS_H

#include <stdbool.h>

/* A case's status, derived from its history (offenders.status). */
enum case_status {
	CASE_UNREGISTERED, /* never registered */
	CASE_COMMUNITY,    /* registered, in the community */
	CASE_CUSTODY,      /* registered, in custody */
	CASE_EXITED,       /* registered once, now exited */
	CASE_STATUSES
};

/* A MAPP meeting's status (meetings.status). */
enum meeting_status {
	MEETING_SCHEDULED,
	MEETING_HELD,
	MEETING_CANCELLED,
	MEETING_STATUSES
};

/* The stored name ("community", "held"); "" for a value out of range. */
/* A referral's outcome (referrals.outcome). */
enum referral_outcome {
	REFERRAL_PENDING,
	REFERRAL_ACCEPTED,
	REFERRAL_DECLINED,
	REFERRAL_WITHDRAWN,
	REFERRAL_OUTCOMES
};

/* An action's state (actions.done, actions.dropped): open until it is
 * done, or dropped (closed without being done). */
enum action_state {
	ACTION_OPEN,
	ACTION_DONE,
	ACTION_DROPPED,
	ACTION_STATES
};

/* A meeting's minutes (minutes.state): a draft until approved. */
enum minutes_state {
	MINUTES_DRAFT,
	MINUTES_APPROVED,
	MINUTES_STATES
};

/* A level decision at a MAPP meeting (minutes.level_decision): where it
 * leads is the case process's rule (process_decided_level()).
 * DECISION_NONE, none recorded, is stored as NULL and has no name. */
enum level_decision {
	DECISION_NONE,
	DECISION_STAY,
	DECISION_UP,
	DECISION_DOWN,
	DECISION_EXIT,
	LEVEL_DECISIONS
};

const char *case_status_name(enum case_status s);
const char *meeting_status_name(enum meeting_status s);

/* The status named NAME, or -1 when there is none (or NAME is NULL). */
const char *referral_outcome_name(enum referral_outcome o);
const char *minutes_state_name(enum minutes_state s);
const char *action_state_name(enum action_state s);
const char *level_decision_name(enum level_decision d); /* "" for none */

int case_status_parse(const char *name);

/* Whether a case in status S is under MAPPA management now (in the
 * community or in custody): its reviews fall due, it may be referred and
 * discussed, and it may not be erased. */
bool case_status_managed(enum case_status s);

/*
 * How a case in status S reads after its level ("Level 2, in custody"):
 * "in the community", "in custody", "no longer managed under MAPPA" (the
 * papers), or with BRIEF "exited from MAPPA" (the case screen), "not
 * registered"; "" for a value out of range.
 */
const char *case_status_words(enum case_status s, bool brief);
int meeting_status_parse(const char *name);
int referral_outcome_parse(const char *name);
int minutes_state_parse(const char *name);
int action_state_parse(const char *name);
int level_decision_parse(const char *name); /* -1 also for "" */

#endif
