/*
 * test_agenda.c -- the rules of core/agenda.c: working days across
 * weekends and England and Wales bank holidays, review and initial
 * meeting due dates, the agenda proposal and its order, and the bank
 * holidays file; the headings of the minutes (core/minutes.c).
 */
#include "config.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testdate.h"

#include "core/agenda.h"
#include "core/minutes.h"
#include "core/process.h"
#include "core/util.h"

/* The bank holidays of 2012 (England and Wales), unsorted on purpose. */
static struct agenda_holidays
holidays_2012(void)
{
	static const char text[] =
		"# test\n"
		"2012-06-05 Diamond Jubilee\n"
		"2012-01-02 New Year's Day (substitute)\n"
		"\n"
		"2012-04-06 Good Friday\n"
		"2012-04-09 Easter Monday\n"
		"2012-05-07 Early May bank holiday\n"
		"2012-06-04 Spring bank holiday\n"
		"2012-08-27 Summer bank holiday\n"
		"2012-12-25 Christmas Day\n"
		"2012-12-26 Boxing Day\r\n";
	struct agenda_holidays h;
	size_t bad = 0;

	assert_int_equal(agenda_holidays_parse(text, strlen(text), &h, &bad),
			 0);
	assert_int_equal(h.n, 9);
	for (size_t i = 1; i < h.n; i++)
		assert_true(h.day[i - 1] <= h.day[i]);
	return h;
}

static void
meeting_day__the_weekday_skipping_bank_holidays(void **state)
{
	struct agenda_holidays h = holidays_2012();

	(void)state;
	/* The next Level 2 meeting day (Tuesday), skipping the Jubilee. */
	assert_date(agenda_meeting_day(&h, 1, D("2012-05-31")), "2012-06-12");
	assert_date(agenda_meeting_day(&h, 1, D("2012-05-29")), "2012-05-29");
	agenda_holidays_free(&h);
}

static struct agenda_candidate
cand(int64_t id, int64_t referral, int level, const char *due)
{
	struct agenda_candidate c;

	memset(&c, 0, sizeof c);
	c.offender_id = id;
	c.referral_id = referral;
	c.level = level;
	c.due = due ? D(due) : MDATE_NONE;
	return c;
}

static void
propose__due_cases_and_referrals_overdue_first(void **state)
{
	struct agenda_candidate c[] = {
		cand(1, 0, 2, "2012-05-29"),  /* due after: left out */
		cand(2, 0, 2, "2012-05-22"),  /* due on the day */
		cand(3, 0, 3, "2012-04-01"),  /* Level 3: other meeting */
		cand(4, 0, 2, "2012-05-01"),  /* overdue */
		cand(5, 7, 2, "2012-05-25"),  /* a referral: always */
		cand(6, 0, 2, "2012-03-20"),  /* longest overdue */
		cand(7, 8, 3, "2012-05-20"),  /* Level 3 referral */
		cand(8, 9, 2, "2012-05-18"),  /* a Level 2 referral */
		cand(11, 12, 0, "2012-05-18"), /* no level: no referral */
		cand(12, 13, 1, "2012-05-18"), /* nor Level 1 */
		cand(9, 0, 2, NULL),          /* no review date */
		cand(10, 0, 2, "2012-05-18"), /* same day as a referral */
	};
	size_t n;

	(void)state;
	n = agenda_propose(c, NELEM(c), 2, D("2012-05-22"), D("2012-05-14"));
	assert_int_equal(n, 6);
	/* Overdue on the day the agenda is built, longest first. */
	assert_int_equal(c[0].offender_id, 6);
	assert_true(c[0].overdue);
	assert_int_equal(c[0].reason, AGENDA_REVIEW);
	assert_int_equal(c[1].offender_id, 4);
	assert_true(c[1].overdue);
	/* Then by due date; a referral before a review due the same day. */
	assert_int_equal(c[2].offender_id, 8);
	assert_int_equal(c[2].reason, AGENDA_INITIAL);
	assert_false(c[2].overdue);
	assert_int_equal(c[3].offender_id, 10);
	assert_int_equal(c[4].offender_id, 2);
	assert_int_equal(c[5].offender_id, 5);
	assert_int_equal(c[5].referral_id, 7);
	/* The Level 3 meeting takes its own. */
	c[0] = cand(3, 0, 3, "2012-04-01");
	c[1] = cand(7, 8, 3, "2012-05-20");
	c[2] = cand(2, 0, 2, "2012-05-22");
	n = agenda_propose(c, 3, 3, D("2012-05-24"), D("2012-05-14"));
	assert_int_equal(n, 2);
	assert_int_equal(c[0].offender_id, 3);
	assert_int_equal(c[1].offender_id, 7);
	assert_int_equal(c[1].reason, AGENDA_INITIAL);
}

static void
reasons__names_round_trip(void **state)
{
	(void)state;
	for (int r = 0; r < AGENDA_REASONS; r++)
		assert_int_equal(agenda_reason_parse(agenda_reason_name(r)), r);
	assert_int_equal(agenda_reason_parse("Review"), -1);
	assert_null(agenda_reason_name(AGENDA_REASONS));
	assert_non_null(agenda_agency_find("childrens_services"));
	assert_true(agenda_agency_find("police")->ra);
	assert_null(agenda_agency_find("polce"));
}

/* The agencies a new meeting invites: one list for the command and the
 * form, the Responsible Authority first, social care, health and
 * housing (the man page's meeting add). */
static void
agencies__invited_by_default(void **state)
{
	static const char *const want[] = {
		"police", "probation", "prison", "childrens_services",
		"adult_services", "health", "mental_health", "housing",
	};
	const char *codes[32];
	size_t n;

	(void)state;
	n = agenda_invited_default(codes, NELEM(codes));
	assert_int_equal(n, NELEM(want));
	for (size_t i = 0; i < n; i++)
		assert_string_equal(codes[i], want[i]);
	assert_int_equal(agenda_invited_default(codes, 2), 2);
	assert_false(agenda_agency_find("yot")->invited);
}

/* A referring agency typed or stored as text: every code, every name and
 * the old spelling, in any case, give the agency; anything else none. */
static void
agencies__lookup_takes_code_name_or_alias_in_any_case(void **state)
{
	char up[64];

	(void)state;
	for (size_t i = 0; i < agenda_agency_count; i++) {
		const struct agenda_agency *a = &agenda_agencies[i];

		assert_ptr_equal(agenda_agency_lookup(a->code), a);
		assert_ptr_equal(agenda_agency_lookup(a->name), a);
		str_copy(up, a->name, sizeof up);
		for (char *p = up; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		assert_ptr_equal(agenda_agency_lookup(up), a);
		if (a->alias)
			assert_ptr_equal(agenda_agency_lookup(a->alias), a);
		/* What a code shows as: the name, from the table. */
		assert_string_equal(agenda_agency_label(a->code), a->name);
	}
	/* The new-case form's old spellings. */
	assert_string_equal(agenda_agency_lookup("children's services")->code,
			    "childrens_services");
	assert_string_equal(agenda_agency_lookup("Children's Services")->code,
			    "childrens_services");
	assert_string_equal(agenda_agency_lookup("adult social care")->code,
			    "adult_services");
	assert_string_equal(agenda_agency_lookup("POLICE")->code, "police");
	assert_string_equal(agenda_agency_lookup("Mental Health Trust")->code,
			    "mental_health");
	/* Anything else is no agency, and shows as it was written. */
	assert_null(agenda_agency_lookup("Police, PPU"));
	assert_null(agenda_agency_lookup(" police"));
	assert_null(agenda_agency_lookup("polce"));
	assert_null(agenda_agency_lookup(""));
	assert_null(agenda_agency_lookup(NULL));
	assert_string_equal(agenda_agency_label("Police, PPU"), "Police, PPU");
	assert_string_equal(agenda_agency_label("POLICE"), "POLICE");
	assert_string_equal(agenda_agency_label(NULL), "");
	assert_string_equal(agenda_agency_list(),
			    "police, probation, prison, childrens_services, "
			    "adult_services, health, mental_health, yot, "
			    "housing, jobcentre, immigration, em, education, "
			    "other");
}

static void
holidays__bad_line_refused_with_its_number(void **state)
{
	static const char text[] = "# x\n2012-01-02 ok\n2012-02-30 bad\n";
	struct agenda_holidays h;
	size_t bad = 0;

	(void)state;
	assert_int_equal(agenda_holidays_parse(text, strlen(text), &h, &bad),
			 -1);
	assert_int_equal(bad, 3);
	assert_null(h.day);
	assert_int_equal(agenda_holidays_parse("2012-01-02x\n", 12, &h, &bad),
			 -1);
	assert_int_equal(agenda_holidays_parse("", 0, &h, &bad), 0);
	assert_int_equal(h.n, 0);
}

static void
holidays__the_shipped_file_loads(void **state)
{
	const char *top = getenv("top_srcdir");
	struct agenda_holidays h;
	char path[4096], err[512];

	(void)state;
	snprintf(path, sizeof path, "%s/data/bank-holidays.txt",
		 top && *top ? top : ".");
	assert_int_equal(agenda_holidays_load(path, &h, err, sizeof err), 0);
	assert_true(h.n > 100);
	assert_true(process_is_holiday(&h, D("2012-06-05")));
	assert_true(process_is_holiday(&h, D("2010-12-28")));
	assert_false(process_is_holiday(&h, D("2010-12-29")));
	agenda_holidays_free(&h);
	assert_int_equal(agenda_holidays_load("/nonexistent/holidays", &h, err,
					      sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/holidays"));
	assert_int_equal(h.n, 0);
}

/* An agency's attendance, in the order meeting mode steps through, and
 * the names the data layer stores: written once, in core. */
static void
attendances__the_four_in_order(void **state)
{
	static const char *const want[] = { "present", "apologies", "report",
					     "absent" };

	(void)state;
	assert_int_equal(agenda_attendance_count, 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(agenda_attendances[i], want[i]);
}

/* The screens and the printed minutes take their labels from one table,
 * in the order the minutes are taken. */
static void
minutes__headings__field_label_short_label_in_order(void **state)
{
	static const char *const want[][3] = {
		{ "decision", "Decision", "Decision" },
		{ "rationale", "Rationale", "Rationale" },
		{ "dissent", "Dissent", "Dissent" },
		{ "rmp_supervision", "RMP: supervision", "Supervision" },
		{ "rmp_monitoring", "RMP: monitoring and control",
		  "Monitoring and control" },
		{ "rmp_interventions", "RMP: interventions and treatment",
		  "Interventions and treatment" },
		{ "rmp_victim_safety", "RMP: victim safety", "Victim safety" },
		{ "contingencies", "Contingencies", "Contingencies" },
		{ "victim_issues", "Victim issues", "Victim issues" },
		{ "disclosure", "Disclosure", "Disclosure" },
	};

	(void)state;
	assert_int_equal(MINUTES_TEXTS, sizeof want / sizeof want[0]);
	for (int t = 0; t < MINUTES_TEXTS; t++) {
		assert_string_equal(minutes_headings[t].field, want[t][0]);
		assert_string_equal(minutes_headings[t].label, want[t][1]);
		assert_string_equal(minutes_headings[t].short_label,
				    want[t][2]);
	}
	assert_int_equal(MINUTES_RMP_SUPERVISION, 3);
	assert_int_equal(MINUTES_RMP_VICTIM_SAFETY, 6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			meeting_day__the_weekday_skipping_bank_holidays),
		cmocka_unit_test(propose__due_cases_and_referrals_overdue_first),
		cmocka_unit_test(reasons__names_round_trip),
		cmocka_unit_test(attendances__the_four_in_order),
		cmocka_unit_test(
			minutes__headings__field_label_short_label_in_order),
		cmocka_unit_test(agencies__invited_by_default),
		cmocka_unit_test(
			agencies__lookup_takes_code_name_or_alias_in_any_case),
		cmocka_unit_test(holidays__bad_line_refused_with_its_number),
		cmocka_unit_test(holidays__the_shipped_file_loads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
