/*
 * test_util.c -- the small helpers every layer shares (core/util.c), and
 * the one table of lead agencies (core/agency.c), the statuses' names
 * (core/status.c).
 */
#include "config.h"

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/agency.h"
#include "core/agenda.h"
#include "core/status.h"
#include "core/util.h"

struct pair {
	int a;
	char b[5];
};

static void
array_push__many__kept_in_order(void **state)
{
	struct pair *v = NULL, p = { 0, "" };
	int n = 0, cap = 0;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		p.a = i;
		p.b[0] = (char)('a' + i % 26);
		assert_int_equal(array_push(&v, &n, &cap, &p, sizeof p), 0);
	}
	assert_int_equal(n, 1000);
	assert_true(cap >= n);
	for (int i = 0; i < n; i++) {
		assert_int_equal(v[i].a, i);
		assert_int_equal(v[i].b[0], 'a' + i % 26);
	}
	free(v);
}

static void
array_push__too_large__refused_unchanged(void **state)
{
	char *v = NULL, c = 'x';
	int n = 0, cap = 0;

	(void)state;
	assert_int_equal(array_push(&v, &n, &cap, &c, 1), 0);
	/* A capacity that cannot double, or whose bytes would not fit in
	 * a size_t, is refused and the array kept. */
	cap = n = INT_MAX / 2 + 1;
	assert_int_equal(array_push(&v, &n, &cap, &c, 1), -1);
	assert_int_equal(n, INT_MAX / 2 + 1);
	cap = n = 4;
	assert_int_equal(array_push(&v, &n, &cap, &c, SIZE_MAX / 4), -1);
	assert_int_equal(n, 4);
	assert_int_equal(cap, 4);
	assert_non_null(v);
	assert_int_equal(v[0], 'x');
	free(v);
}

static void
array_reserve__room_for_need__doubling_kept_on_failure(void **state)
{
	int *v = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(array_reserve(&v, &cap, 0, sizeof *v), 0);
	assert_null(v);
	assert_int_equal(array_reserve(&v, &cap, 1, sizeof *v), 0);
	assert_int_equal(cap, 16);
	v[15] = 7;
	assert_int_equal(array_reserve(&v, &cap, 40, sizeof *v), 0);
	assert_int_equal(cap, 64);
	assert_int_equal(v[15], 7);
	assert_int_equal(array_reserve(&v, &cap, 64, sizeof *v), 0);
	assert_int_equal(cap, 64);
	/* Bytes that would not fit in a size_t: refused, array kept. */
	assert_int_equal(array_reserve(&v, &cap, SIZE_MAX / 2, sizeof *v), -1);
	assert_int_equal(cap, 64);
	assert_int_equal(v[15], 7);
	free(v);
}

static void
strbuf__grows_whole_and_fails_whole(void **state)
{
	struct strbuf sb;
	char want[2001];

	(void)state;
	sb_init(&sb);
	assert_string_equal(sb_str(&sb), "");
	for (int i = 0; i < 200; i++) {
		sb_add(&sb, "0123456789");
		memcpy(want + i * 10, "0123456789", 10);
	}
	want[2000] = '\0';
	sb_printf(&sb, "%s", "");
	assert_int_equal(sb.len, 2000);
	assert_true(sb.cap > sb.len);
	assert_string_equal(sb_str(&sb), want);
	/* Room that cannot be counted: failed, and shown as nothing. */
	sb_addn(&sb, "x", SIZE_MAX - 1);
	assert_true(sb.failed);
	assert_string_equal(sb_str(&sb), "");
	sb_add(&sb, "more");
	assert_int_equal(sb.len, 2000);
	sb_free(&sb);
}

static void
str_hash__fnv1a_known_answers_and_salt(void **state)
{
	(void)state;
	/* The published FNV-1a 64-bit test vectors. */
	assert_true(str_hash("", 0) == UINT64_C(0xcbf29ce484222325));
	assert_true(str_hash("a", 0) == UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(str_hash("foobar", 0) == UINT64_C(0x85944171f73967e8));
	/* The salt changes the basis: the demo's streams are seeded so. */
	assert_true(str_hash("", 0x52454652) ==
		    (UINT64_C(0xcbf29ce484222325) ^ 0x52454652));
	assert_true(str_hash("WF/05/0001", 0x52454652) ==
		    UINT64_C(0x2f12aea3f2d7869a));
	/* Bytes above 127 are taken unsigned. */
	assert_true(str_hash("\xc3\xa9", 0) == UINT64_C(0x0ac21707b7181e01));
}

static void
lead_agency__table__valid_and_listed(void **state)
{
	(void)state;
	for (size_t i = 0; i < LEAD_AGENCY_COUNT; i++)
		assert_true(lead_agency_valid(lead_agencies[i]));
	assert_null(lead_agencies[LEAD_AGENCY_COUNT]);
	assert_false(lead_agency_valid("Police"));
	assert_false(lead_agency_valid("childrens_services"));
	assert_false(lead_agency_valid(""));
	assert_string_equal(lead_agency_list(),
			    "police, probation, prison, yot, health or other");
	/* Who may lead is a choice among the agencies, not a list of its
	 * own: each is a code of the one agency table, named by it. */
	for (size_t i = 0; i < LEAD_AGENCY_COUNT; i++)
		assert_non_null(agenda_agency_find(lead_agencies[i]));
}

static void
status__names__round_trip(void **state)
{
	(void)state;
	for (int s = 0; s < CASE_STATUSES; s++)
		assert_int_equal(case_status_parse(case_status_name(s)), s);
	for (int s = 0; s < MEETING_STATUSES; s++)
		assert_int_equal(meeting_status_parse(meeting_status_name(s)),
				 s);
	for (int s = 0; s < REFERRAL_OUTCOMES; s++)
		assert_int_equal(referral_outcome_parse(referral_outcome_name(s)),
				 s);
	for (int s = 0; s < MINUTES_STATES; s++)
		assert_int_equal(minutes_state_parse(minutes_state_name(s)), s);
	for (int s = 0; s < ACTION_STATES; s++)
		assert_int_equal(action_state_parse(action_state_name(s)), s);
	/* The names the schema and the contracts spell. */
	assert_string_equal(referral_outcome_name(REFERRAL_WITHDRAWN),
			    "withdrawn");
	assert_string_equal(minutes_state_name(MINUTES_APPROVED), "approved");
	/* What the lists, papers and minutes print of an action. */
	assert_string_equal(action_state_name(ACTION_OPEN), "open");
	assert_string_equal(action_state_name(ACTION_DROPPED), "dropped");
	assert_string_equal(case_status_name(CASE_COMMUNITY), "community");
	assert_string_equal(case_status_name(CASE_UNREGISTERED),
			    "unregistered");
	assert_string_equal(meeting_status_name(MEETING_CANCELLED),
			    "cancelled");
	assert_int_equal(meeting_status_parse("Held"), -1);
	assert_int_equal(case_status_parse(""), -1);
	assert_string_equal(case_status_name(CASE_STATUSES), "");
}

/* The level decisions, by the spellings of minutes.level_decision's CHECK
 * constraint (db/schema.c), in its order: each named and parsed back by
 * the one table; none has no name, and an unknown word is -1. */
static void
types__level_decision__schema_spellings_round_trip(void **state)
{
	static const char *const schema[] = { "stay", "up", "down", "exit" };

	(void)state;
	assert_int_equal(LEVEL_DECISIONS - 1, 4);
	for (int d = DECISION_NONE + 1; d < LEVEL_DECISIONS; d++) {
		assert_string_equal(level_decision_name(d), schema[d - 1]);
		assert_int_equal(level_decision_parse(level_decision_name(d)),
				 d);
	}
	assert_string_equal(level_decision_name(DECISION_NONE), "");
	assert_string_equal(level_decision_name(LEVEL_DECISIONS), "");
	assert_string_equal(level_decision_name(-1), "");
	assert_int_equal(level_decision_parse(""), -1);
	assert_int_equal(level_decision_parse(NULL), -1);
	assert_int_equal(level_decision_parse("Stay"), -1);
	assert_int_equal(level_decision_parse("sideways"), -1);
}

/* The agenda reasons, by the spellings of agenda_items.reason's CHECK
 * constraint (db/schema.c), in its order. */
static void
types__agenda_reason__schema_spellings_round_trip(void **state)
{
	static const char *const schema[] = {
		"initial", "review", "level_change", "exit", "other",
	};

	(void)state;
	assert_int_equal(AGENDA_REASONS, 5);
	for (int r = 0; r < AGENDA_REASONS; r++) {
		assert_string_equal(agenda_reason_name(r), schema[r]);
		assert_int_equal(agenda_reason_parse(agenda_reason_name(r)),
				 r);
	}
	assert_null(agenda_reason_name(AGENDA_REASONS));
	assert_null(agenda_reason_name(-1));
	assert_int_equal(agenda_reason_parse(""), -1);
	assert_int_equal(agenda_reason_parse(NULL), -1);
	assert_int_equal(agenda_reason_parse("Review"), -1);
}

/* An agency's attendance and a person's role at a meeting, by the
 * spellings of meeting_agencies.attendance's and attendees.role's CHECK
 * constraints (db/schema.c), in their order. */
static void
types__attendance_role__schema_spellings_round_trip(void **state)
{
	static const char *const attendance[] = {
		"present", "apologies", "report", "absent",
	};
	static const char *const role[] = {
		"present", "apologies", "report", "guest",
	};

	(void)state;
	assert_int_equal(AGENDA_ATTENDANCES, 4);
	assert_int_equal(agenda_attendance_count, AGENDA_ATTENDANCES);
	for (int a = 0; a < AGENDA_ATTENDANCES; a++) {
		assert_string_equal(agenda_attendance_name(a), attendance[a]);
		assert_int_equal(agenda_attendance_parse(
				 agenda_attendance_name(a)), a);
	}
	assert_string_equal(agenda_attendance_name(-1), "");
	assert_string_equal(agenda_attendance_name(AGENDA_ATTENDANCES), "");
	assert_int_equal(agenda_attendance_parse(""), -1);
	assert_int_equal(agenda_attendance_parse(NULL), -1);
	assert_int_equal(agenda_attendance_parse("guest"), -1);
	/* Attending is being there or sending a report. */
	assert_true(agenda_attended(ATTENDED_PRESENT));
	assert_true(agenda_attended(ATTENDED_REPORT));
	assert_false(agenda_attended(ATTENDED_APOLOGIES));
	assert_false(agenda_attended(ATTENDED_ABSENT));
	assert_false(agenda_attended(-1));

	assert_int_equal(AGENDA_ROLES, 4);
	assert_int_equal(agenda_role_count, AGENDA_ROLES);
	for (int r = 0; r < AGENDA_ROLES; r++) {
		assert_string_equal(agenda_role_name(r), role[r]);
		assert_int_equal(agenda_role_find(agenda_role_name(r)), r);
	}
	assert_string_equal(agenda_role_name(AGENDA_ROLES), "");
	assert_int_equal(agenda_role_find(""), -1);
	assert_int_equal(agenda_role_find("absent"), -1);
}

/* The words a case's status is shown in, on the case screen (brief) and
 * in the papers, from the one table. */
static void
status__case_words__papers_and_screen(void **state)
{
	static const char *const papers[CASE_STATUSES] = {
		"not registered", "in the community", "in custody",
		"no longer managed under MAPPA",
	};

	(void)state;
	for (int s = 0; s < CASE_STATUSES; s++) {
		assert_string_equal(case_status_words(s, false), papers[s]);
		if (s != CASE_EXITED)
			assert_string_equal(case_status_words(s, true),
					    papers[s]);
	}
	assert_string_equal(case_status_words(CASE_EXITED, true),
			    "exited from MAPPA");
	assert_string_equal(case_status_words(CASE_STATUSES, false), "");
	assert_string_equal(case_status_words(-1, true), "");
	assert_true(case_status_managed(CASE_COMMUNITY));
	assert_true(case_status_managed(CASE_CUSTODY));
	assert_false(case_status_managed(CASE_EXITED));
	assert_false(case_status_managed(CASE_UNREGISTERED));
	assert_false(case_status_managed(-1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(array_push__many__kept_in_order),
		cmocka_unit_test(array_push__too_large__refused_unchanged),
		cmocka_unit_test(array_reserve__room_for_need__doubling_kept_on_failure),
		cmocka_unit_test(strbuf__grows_whole_and_fails_whole),
		cmocka_unit_test(str_hash__fnv1a_known_answers_and_salt),
		cmocka_unit_test(lead_agency__table__valid_and_listed),
		cmocka_unit_test(status__names__round_trip),
		cmocka_unit_test(
			types__level_decision__schema_spellings_round_trip),
		cmocka_unit_test(
			types__agenda_reason__schema_spellings_round_trip),
		cmocka_unit_test(
			types__attendance_role__schema_spellings_round_trip),
		cmocka_unit_test(status__case_words__papers_and_screen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
