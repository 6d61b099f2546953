/*
 * event.c -- event names, field rules and the MAPPA state machine.
 */
#include "config.h"

#include <string.h>

#include "core/event.h"

static const char *const type_names[EV_TYPE_COUNT] = {
	"register", "category", "level", "exit",
	"custody", "release", "notification_breach", "order",
	"sfo_charge", "notification_review",
};

static const char *const register_kinds[] = { NULL, "sro_breach" };

static const char *const exit_kinds[] = {
	NULL, "registration_ended", "licence_ended", "risk_reduced",
	"died", "transferred_out", "other",
};

static const char *const custody_kinds[] = {
	NULL, "licence_breach", "sopo_breach", "shpo_breach", "new_sentence",
	"remand", "other",
};

static const char *const breach_kinds[] = { NULL, "caution", "conviction" };

static const char *const order_kinds[] = {
	NULL, "SOPO", "NO", "FTO", "SHPO", "SRO", "RSHO", "SHPO_FTR", "ISHPO",
	"ISRO",
};

static const char *const review_kinds[] = { NULL, "granted", "refused" };

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const *
kinds_of(int type, int *count)
{
	switch (type) {
	case EV_REGISTER:
		*count = NELEM(register_kinds) - 1;
		return register_kinds;
	case EV_EXIT:
		*count = NELEM(exit_kinds) - 1;
		return exit_kinds;
	case EV_CUSTODY:
		*count = NELEM(custody_kinds) - 1;
		return custody_kinds;
	case EV_NOTIFICATION_BREACH:
		*count = NELEM(breach_kinds) - 1;
		return breach_kinds;
	case EV_ORDER:
		*count = NELEM(order_kinds) - 1;
		return order_kinds;
	case EV_NOTIFICATION_REVIEW:
		*count = NELEM(review_kinds) - 1;
		return review_kinds;
	default:
		*count = 0;
		return NULL;
	}
}

const char *
ev_type_name(int type)
{
	return type >= 0 && type < EV_TYPE_COUNT ? type_names[type] : NULL;
}

int
ev_type_parse(const char *name)
{
	for (int i = 0; i < EV_TYPE_COUNT; i++)
		if (strcmp(name, type_names[i]) == 0)
			return i;
	return -1;
}

int
ev_kind_count(int type)
{
	int n;

	kinds_of(type, &n);
	return n;
}

const char *
ev_kind_name(int type, int kind)
{
	int n;
	const char *const *k = kinds_of(type, &n);

	return k && kind >= 1 && kind <= n ? k[kind] : NULL;
}

int
ev_kind_parse(int type, const char *name)
{
	int n;
	const char *const *k = kinds_of(type, &n);

	/* The first letter first: the statistics parse every event's. */
	for (int i = 1; k && i <= n; i++)
		if (name[0] == k[i][0] && strcmp(name, k[i]) == 0)
			return i;
	return -1;
}

bool
ev_needs_category(int type)
{
	return type == EV_REGISTER || type == EV_CATEGORY;
}

bool
ev_needs_level(int type)
{
	return type == EV_REGISTER || type == EV_LEVEL;
}

bool
ev_takes_kind(int type)
{
	return ev_kind_count(type) > 0;
}

bool
ev_needs_kind(int type)
{
	return type != EV_REGISTER && ev_takes_kind(type);
}

const char *
ev_check_fields(const struct ev *e)
{
	if (e->type >= EV_TYPE_COUNT)
		return "unknown event";
	if (ev_needs_category(e->type)) {
		if (e->category < 1 || e->category > EV_CATEGORY_MAX)
			return "a category (1, 2, 3 or 4) is required";
	} else if (e->category != 0) {
		return "this event takes no category";
	}
	if (ev_needs_level(e->type)) {
		if (e->level < 1 || e->level > EV_LEVEL_MAX)
			return "a level (1, 2 or 3) is required";
	} else if (e->level != 0) {
		return "this event takes no level";
	}
	if (ev_takes_kind(e->type)) {
		if (e->kind == 0 && ev_needs_kind(e->type))
			return "a kind is required";
		if (e->kind > ev_kind_count(e->type))
			return "unknown kind";
	} else if (e->kind != 0) {
		return "this event takes no kind";
	}
	return NULL;
}

const char *
ev_apply(struct ev_state *st, const struct ev *e)
{
	struct ev_state next = *st;

	switch (e->type) {
	case EV_REGISTER:
		if (st->registered)
			return "the offender is already registered";
		next.registered = true;
		next.category = e->category;
		next.level = e->level;
		break;
	case EV_CATEGORY:
		if (!st->registered)
			return "the offender is not registered";
		next.category = e->category;
		break;
	case EV_LEVEL:
		if (!st->registered)
			return "the offender is not registered";
		next.level = e->level;
		break;
	case EV_EXIT:
		if (!st->registered)
			return "the offender is not registered";
		next.registered = false;
		break;
	case EV_CUSTODY:
		if (st->in_custody)
			return "the offender is already in custody";
		next.in_custody = true;
		break;
	case EV_RELEASE:
		if (!st->in_custody)
			return "the offender is not in custody";
		next.in_custody = false;
		break;
	case EV_NOTIFICATION_BREACH:
	case EV_ORDER:
	case EV_SFO_CHARGE:
	case EV_NOTIFICATION_REVIEW:
		break;
	default:
		return "unknown event";
	}
	if (next.registered && next.category == 3 && next.level == 1)
		return "a Category 3 offender cannot be managed at Level 1";
	*st = next;
	return NULL;
}

const char *
ev_check_history(const struct ev *evs, size_t n, size_t *at)
{
	struct ev_state st = { 0 };
	const char *why;

	for (size_t i = 0; i < n; i++) {
		if (at)
			*at = i;
		if (i > 0 && evs[i].date < evs[i - 1].date)
			return "events are out of date order";
		if ((why = ev_check_fields(&evs[i])) != NULL)
			return why;
		if ((why = ev_apply(&st, &evs[i])) != NULL)
			return why;
	}
	return NULL;
}

static int
code_parse(const char *s, int max, uint8_t *out)
{
	if (s[0] == 'M' && s[1] >= '1' && s[1] <= '0' + max && s[2] == '\0') {
		*out = (uint8_t)(s[1] - '0');
		return 0;
	}
	if (s[0] >= '1' && s[0] <= '0' + max && s[1] == '\0') {
		*out = (uint8_t)(s[0] - '0');
		return 0;
	}
	return -1;
}

const char *
ev_category_name(int c)
{
	static const char *const names[EV_CATEGORY_MAX + 1] = {
		"",
		"registered sexual offender",
		"violent offender",
		"other dangerous offender",
		"terrorist or terrorism-risk offender",
	};

	return c >= 1 && c <= EV_CATEGORY_MAX ? names[c] : "";
}

int
ev_category_parse(const char *s, uint8_t *out)
{
	return code_parse(s, EV_CATEGORY_MAX, out);
}

int
ev_level_parse(const char *s, uint8_t *out)
{
	return code_parse(s, EV_LEVEL_MAX, out);
}
