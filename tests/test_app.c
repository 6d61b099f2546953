/*
 * test_app.c -- what the screens and the commands both work from
 * (app/context.c): the one rule for today, and the context built from a
 * database.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/context.h"
#include "demo/demo.h"
#include "testutil.h"

static void
today__mappa_today__taken(void **state)
{
	mdate d;
	char err[160] = "";

	(void)state;
	setenv("MAPPA_TODAY", "2011-03-31", 1);
	assert_int_equal(app_today(NULL, &d, err, sizeof err), 0);
	assert_int_equal(d, date_from_ymd(2011, 3, 31));
	unsetenv("MAPPA_TODAY");
}

static void
today__mappa_today_not_a_date__refused_named(void **state)
{
	mdate d = 7;
	char err[160] = "";

	(void)state;
	setenv("MAPPA_TODAY", "2011-02-30", 1);
	assert_int_equal(app_today(NULL, &d, err, sizeof err), -1);
	assert_string_equal(err, "MAPPA_TODAY: \"2011-02-30\" is not a date "
			    "(YYYY-MM-DD)");
	assert_int_equal(d, 7);
	unsetenv("MAPPA_TODAY");
}

static void
context__demo_database__demo_today_area_holidays(void **state)
{
	struct tu_fx *fx = *state;
	struct app_context c;
	char err[160] = "";

	unsetenv("MAPPA_TODAY");
	assert_int_equal(db_setting_set(fx->db, "area_name", "Fenland"),
			 DB_OK);
	assert_int_equal(app_context_open(&c, fx->db, err, sizeof err), 0);
	assert_false(c.demo);
	assert_string_equal(c.area, "Fenland");
	app_context_free(&c);

	assert_int_equal(db_demo_mark(fx->db), DB_OK);
	assert_int_equal(app_context_open(&c, fx->db, err, sizeof err), 0);
	assert_true(c.demo);
	assert_int_equal(c.today, demo_today());
	/* The holidays are read, or the context says why not. */
	assert_true(c.holidays.n > 0 || c.holidays_err[0] != '\0');
	app_context_free(&c);

	/* $MAPPA_TODAY wins over the demo's own today. */
	setenv("MAPPA_TODAY", "2010-04-01", 1);
	assert_int_equal(app_context_open(&c, fx->db, err, sizeof err), 0);
	assert_int_equal(c.today, date_from_ymd(2010, 4, 1));
	app_context_free(&c);
	unsetenv("MAPPA_TODAY");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(today__mappa_today__taken),
		cmocka_unit_test(today__mappa_today_not_a_date__refused_named),
		cmocka_unit_test_setup_teardown(
			context__demo_database__demo_today_area_holidays,
			tu_setup, tu_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
