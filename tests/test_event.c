/*
 * test_event.c -- event names, field rules and the state machine.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/event.h"

static struct ev
E(int date, int type, int cat, int level, int kind)
{
	struct ev e = { date, (uint8_t)type, (uint8_t)cat, (uint8_t)level,
			(uint8_t)kind };

	return e;
}

static void
names__round_trip(void **state)
{
	(void)state;
	for (int t = 0; t < EV_TYPE_COUNT; t++) {
		assert_int_equal(ev_type_parse(ev_type_name(t)), t);
		for (int k = 1; k <= ev_kind_count(t); k++)
			assert_int_equal(ev_kind_parse(t, ev_kind_name(t, k)),
					 k);
	}
	assert_int_equal(ev_type_parse("Register"), -1);
	assert_int_equal(ev_kind_parse(EV_ORDER, "sopo"), -1);
	assert_int_equal(ev_kind_parse(EV_ORDER, "SOPO"), ORDER_SOPO);
	assert_int_equal(ev_kind_parse(EV_CUSTODY, "licence_breach"),
			 CUSTODY_LICENCE_BREACH);
	assert_null(ev_kind_name(EV_LEVEL, 1));
}

/* The categories' one list of names (the domain's words), which the
 * case screen, the forms, the papers and the demo all show. */
static void
categories__named_once(void **state)
{
	(void)state;
	assert_string_equal(ev_category_name(1), "registered sexual offender");
	assert_string_equal(ev_category_name(2), "violent offender");
	assert_string_equal(ev_category_name(3), "other dangerous offender");
	assert_string_equal(ev_category_name(4),
			    "terrorist or terrorism-risk offender");
	assert_string_equal(ev_category_name(0), "");
	assert_string_equal(ev_category_name(5), "");
	assert_string_equal(ev_category_name(-1), "");
}

static void
codes__delius_accepted(void **state)
{
	uint8_t v;

	(void)state;
	assert_int_equal(ev_category_parse("M4", &v), 0);
	assert_int_equal(v, 4);
	assert_int_equal(ev_category_parse("3", &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(ev_category_parse("X9", &v), -1);
	assert_int_equal(ev_category_parse("5", &v), -1);
	assert_int_equal(ev_level_parse("M3", &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(ev_level_parse("M0", &v), -1);
	assert_int_equal(ev_level_parse("M4", &v), -1);
	assert_int_equal(ev_level_parse("4", &v), -1);
	assert_int_equal(ev_level_parse("12", &v), -1);
}

static void
fields__needed_and_unused(void **state)
{
	struct ev e;

	(void)state;
	e = E(0, EV_REGISTER, 1, 1, 0);
	assert_null(ev_check_fields(&e));
	e = E(0, EV_REGISTER, 1, 0, 0);
	assert_non_null(ev_check_fields(&e));
	e = E(0, EV_LEVEL, 1, 2, 0);
	assert_non_null(ev_check_fields(&e));
	e = E(0, EV_EXIT, 0, 0, 0);
	assert_non_null(ev_check_fields(&e));
	e = E(0, EV_RELEASE, 0, 0, 1);
	assert_non_null(ev_check_fields(&e));
	e = E(0, EV_ORDER, 0, 0, ORDER_ISRO);
	assert_null(ev_check_fields(&e));
	e = E(0, EV_ORDER, 0, 0, ORDER_ISRO + 1);
	assert_non_null(ev_check_fields(&e));
}

/* interchange.md: the events and kinds of the 2015 template and the
 * board's tables, spelled exactly. */
static void
fields__later_events_and_kinds(void **state)
{
	struct ev e;

	(void)state;
	assert_int_equal(ev_type_parse("sfo_charge"), EV_SFO_CHARGE);
	assert_int_equal(ev_type_parse("notification_review"),
			 EV_NOTIFICATION_REVIEW);
	assert_int_equal(ev_kind_parse(EV_ORDER, "SHPO_FTR"), ORDER_SHPO_FTR);
	assert_int_equal(ev_kind_parse(EV_ORDER, "ISHPO"), ORDER_ISHPO);
	assert_int_equal(ev_kind_parse(EV_ORDER, "ISRO"), ORDER_ISRO);
	assert_int_equal(ev_kind_parse(EV_CUSTODY, "shpo_breach"),
			 CUSTODY_SHPO_BREACH);
	assert_int_equal(ev_kind_parse(EV_REGISTER, "sro_breach"),
			 REGISTER_SRO_BREACH);
	assert_int_equal(ev_kind_parse(EV_NOTIFICATION_REVIEW, "granted"),
			 REVIEW_GRANTED);
	assert_int_equal(ev_kind_parse(EV_NOTIFICATION_REVIEW, "refused"),
			 REVIEW_REFUSED);

	/* A register event may carry sro_breach, or no kind. */
	e = E(0, EV_REGISTER, 1, 1, REGISTER_SRO_BREACH);
	assert_null(ev_check_fields(&e));
	e = E(0, EV_REGISTER, 1, 1, REGISTER_SRO_BREACH + 1);
	assert_non_null(ev_check_fields(&e));
	assert_true(ev_takes_kind(EV_REGISTER));
	assert_false(ev_needs_kind(EV_REGISTER));

	/* sfo_charge takes nothing; a review needs its kind. */
	e = E(0, EV_SFO_CHARGE, 0, 0, 0);
	assert_null(ev_check_fields(&e));
	e = E(0, EV_SFO_CHARGE, 1, 0, 0);
	assert_non_null(ev_check_fields(&e));
	e = E(0, EV_SFO_CHARGE, 0, 0, 1);
	assert_non_null(ev_check_fields(&e));
	e = E(0, EV_NOTIFICATION_REVIEW, 0, 0, 0);
	assert_non_null(ev_check_fields(&e));
	e = E(0, EV_NOTIFICATION_REVIEW, 0, 0, REVIEW_GRANTED);
	assert_null(ev_check_fields(&e));
}

/* sfo_charge and notification_review need nothing and change nothing;
 * a granted review does not end the registration by itself. */
static void
state_machine__later_events_change_nothing(void **state)
{
	struct ev_state none = { 0 }, st = { 0 }, before;
	struct ev e;

	(void)state;
	e = E(0, EV_SFO_CHARGE, 0, 0, 0);
	assert_null(ev_apply(&st, &e));
	assert_memory_equal(&st, &none, sizeof st);
	e = E(0, EV_NOTIFICATION_REVIEW, 0, 0, REVIEW_REFUSED);
	assert_null(ev_apply(&st, &e));
	assert_memory_equal(&st, &none, sizeof st);
	e = E(0, EV_REGISTER, 1, 2, REGISTER_SRO_BREACH);
	assert_null(ev_apply(&st, &e));
	assert_true(st.registered);
	before = st;
	e = E(0, EV_NOTIFICATION_REVIEW, 0, 0, REVIEW_GRANTED);
	assert_null(ev_apply(&st, &e));
	assert_memory_equal(&st, &before, sizeof st);
	e = E(0, EV_SFO_CHARGE, 0, 0, 0);
	assert_null(ev_apply(&st, &e));
	assert_memory_equal(&st, &before, sizeof st);
}

static void
state_machine__each_rule(void **state)
{
	struct ev_state st = { 0 };
	struct ev e;

	(void)state;
	e = E(0, EV_LEVEL, 0, 2, 0);
	assert_non_null(ev_apply(&st, &e));   /* not registered */
	e = E(0, EV_EXIT, 0, 0, EXIT_OTHER);
	assert_non_null(ev_apply(&st, &e));
	e = E(0, EV_RELEASE, 0, 0, 0);
	assert_non_null(ev_apply(&st, &e));   /* not in custody */
	e = E(0, EV_ORDER, 0, 0, ORDER_SOPO);
	assert_null(ev_apply(&st, &e));       /* needs nothing */
	e = E(0, EV_CUSTODY, 0, 0, CUSTODY_REMAND);
	assert_null(ev_apply(&st, &e));       /* custody before register */
	assert_non_null(ev_apply(&st, &e));   /* already in custody */
	e = E(0, EV_REGISTER, 3, 1, 0);
	assert_non_null(ev_apply(&st, &e));   /* Category 3 at Level 1 */
	assert_false(st.registered);
	e = E(0, EV_REGISTER, 3, 2, 0);
	assert_null(ev_apply(&st, &e));
	assert_non_null(ev_apply(&st, &e));   /* already registered */
	e = E(0, EV_LEVEL, 0, 1, 0);
	assert_non_null(ev_apply(&st, &e));   /* Category 3 at Level 1 */
	assert_int_equal(st.level, 2);
	e = E(0, EV_CATEGORY, 2, 0, 0);
	assert_null(ev_apply(&st, &e));
	e = E(0, EV_LEVEL, 0, 1, 0);
	assert_null(ev_apply(&st, &e));       /* now Category 2 */
	e = E(0, EV_CATEGORY, 3, 0, 0);
	assert_non_null(ev_apply(&st, &e));
	e = E(0, EV_EXIT, 0, 0, EXIT_LICENCE_ENDED);
	assert_null(ev_apply(&st, &e));
	assert_false(st.registered);
	assert_true(st.in_custody);
}

static void
history__order_and_position_reported(void **state)
{
	struct ev h[4];
	size_t at = 99;

	(void)state;
	h[0] = E(10, EV_REGISTER, 1, 1, 0);
	h[1] = E(20, EV_LEVEL, 0, 2, 0);
	h[2] = E(20, EV_LEVEL, 0, 3, 0);
	h[3] = E(30, EV_EXIT, 0, 0, EXIT_DIED);
	assert_null(ev_check_history(h, 4, &at));
	h[2].date = 15;
	assert_non_null(ev_check_history(h, 4, &at));
	assert_int_equal(at, 2);
	h[2].date = 20;
	h[3] = E(30, EV_RELEASE, 0, 0, 0);
	assert_non_null(ev_check_history(h, 4, &at));
	assert_int_equal(at, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names__round_trip),
		cmocka_unit_test(categories__named_once),
		cmocka_unit_test(codes__delius_accepted),
		cmocka_unit_test(fields__needed_and_unused),
		cmocka_unit_test(fields__later_events_and_kinds),
		cmocka_unit_test(state_machine__later_events_change_nothing),
		cmocka_unit_test(state_machine__each_rule),
		cmocka_unit_test(history__order_and_position_reported),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
