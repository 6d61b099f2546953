/*
 * status.c -- the statuses' stored names (status.h).
 */
#include "config.h"

#include <string.h>

#include "core/status.h"

static const char *const case_names[CASE_STATUSES] = {
	[CASE_UNREGISTERED] = "unregistered",
	[CASE_COMMUNITY] = "community",
	[CASE_CUSTODY] = "custody",
	[CASE_EXITED] = "exited",
};

static const char *const meeting_names[MEETING_STATUSES] = {
	[MEETING_SCHEDULED] = "scheduled",
	[MEETING_HELD] = "held",
	[MEETING_CANCELLED] = "cancelled",
};

static const char *const outcome_names[REFERRAL_OUTCOMES] = {
	[REFERRAL_PENDING] = "pending",
	[REFERRAL_ACCEPTED] = "accepted",
	[REFERRAL_DECLINED] = "declined",
	[REFERRAL_WITHDRAWN] = "withdrawn",
};

static const char *const minutes_names[MINUTES_STATES] = {
	[MINUTES_DRAFT] = "draft",
	[MINUTES_APPROVED] = "approved",
};

static const char *const action_names[ACTION_STATES] = {
	[ACTION_OPEN] = "open",
	[ACTION_DONE] = "done",
	[ACTION_DROPPED] = "dropped",
};

static const char *const decision_names[LEVEL_DECISIONS] = {
	[DECISION_STAY] = "stay",
	[DECISION_UP] = "up",
	[DECISION_DOWN] = "down",
	[DECISION_EXIT] = "exit",
};

static int
parse(const char *const *names, int n, const char *name)
{
	for (int i = 0; name && i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

const char *
case_status_name(enum case_status s)
{
	return (int)s >= 0 && s < CASE_STATUSES ? case_names[s] : "";
}

const char *
meeting_status_name(enum meeting_status s)
{
	return (int)s >= 0 && s < MEETING_STATUSES ? meeting_names[s] : "";
}

int
case_status_parse(const char *name)
{
	return parse(case_names, CASE_STATUSES, name);
}

bool
case_status_managed(enum case_status s)
{
	return s == CASE_COMMUNITY || s == CASE_CUSTODY;
}

const char *
case_status_words(enum case_status s, bool brief)
{
	static const char *const words[CASE_STATUSES] = {
		[CASE_UNREGISTERED] = "not registered",
		[CASE_COMMUNITY] = "in the community",
		[CASE_CUSTODY] = "in custody",
		[CASE_EXITED] = "no longer managed under MAPPA",
	};

	if (brief && s == CASE_EXITED)
		return "exited from MAPPA";
	return (int)s >= 0 && s < CASE_STATUSES ? words[s] : "";
}

int
meeting_status_parse(const char *name)
{
	return parse(meeting_names, MEETING_STATUSES, name);
}

const char *
referral_outcome_name(enum referral_outcome o)
{
	return (int)o >= 0 && o < REFERRAL_OUTCOMES ? outcome_names[o] : "";
}

const char *
minutes_state_name(enum minutes_state s)
{
	return (int)s >= 0 && s < MINUTES_STATES ? minutes_names[s] : "";
}

int
referral_outcome_parse(const char *name)
{
	return parse(outcome_names, REFERRAL_OUTCOMES, name);
}

int
minutes_state_parse(const char *name)
{
	return parse(minutes_names, MINUTES_STATES, name);
}

const char *
action_state_name(enum action_state s)
{
	return (int)s >= 0 && s < ACTION_STATES ? action_names[s] : "";
}

int
action_state_parse(const char *name)
{
	return parse(action_names, ACTION_STATES, name);
}

const char *
level_decision_name(enum level_decision d)
{
	return d > DECISION_NONE && d < LEVEL_DECISIONS ? decision_names[d]
							 : "";
}

int
level_decision_parse(const char *name)
{
	/* Past DECISION_NONE, which has no name. */
	int i = parse(decision_names + 1, LEVEL_DECISIONS - 1, name);

	return i < 0 ? -1 : i + 1;
}
