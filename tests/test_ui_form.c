/*
 * test_ui_form.c -- what the screens type and show, without a terminal:
 * text measured and escaped for the screen (ui/text.c), a field edited a
 * character at a time (ui/field.c), the forms checked as they are typed
 * (ui/form_model.c), and the key tables the help is made from (ui/keys.c).
 */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/util.h"
#include "ui/field.h"
#include "ui/form.h"
#include "ui/form_model.h"
#include "ui/text.h"
#include "ui/ui.h"
#include "testutil.h"

static struct form_intervals iv; /* the defaults: main() */

static mdate
day(const char *s)
{
	mdate d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* --- text ---------------------------------------------------------------- */

static void
expect_escape(const char *s, const char *esc)
{
	struct text_unit u;

	text_next(s, strlen(s) ? strlen(s) : 1, &u);
	assert_true(u.escaped);
	assert_string_equal(u.esc, esc);
	assert_int_equal(u.width, (int)strlen(esc));
}

static void
text__control_and_invisible_characters__shown_escaped(void **state)
{
	(void)state;
	expect_escape("\x1b[2J", "^[");
	expect_escape("\x7f", "^?");
	expect_escape("\t", "^I");
	expect_escape("\n", "^J");
	expect_escape("\xc2\x9b", "\\x9B");        /* C1 CSI */
	expect_escape("\xe2\x80\xae", "<U+202E>"); /* right-to-left override */
	expect_escape("\xe2\x80\x8b", "<U+200B>"); /* zero width space */
	expect_escape("\xff", "\\xFF");            /* not UTF-8 */
	expect_escape("\xc0\x80", "\\xC0");        /* overlong NUL */
	expect_escape("\xed\xa0\x80", "\\xED");    /* a surrogate */
	assert_int_equal(text_width("ab\x1b"), 4);
	assert_int_equal(text_width("Zo\xc3\xab"), 3);
}

static void
text__wide_characters__two_columns_never_split(void **state)
{
	size_t n;
	int used;

	(void)state;
	assert_int_equal(text_width("\xe6\x9d\x8e"), 2); /* 李 */
	n = text_fit("a\xe6\x9d\x8e" "b", 2, &used);
	assert_int_equal(n, 1);
	assert_int_equal(used, 1);
	n = text_fit("a\xe6\x9d\x8e" "b", 3, &used);
	assert_int_equal(n, 4);
	assert_int_equal(used, 3);
	assert_int_equal(text_prev_len("a\xe6\x9d\x8e", 4), 3);
	assert_int_equal(text_next_len("a\xe6\x9d\x8e", 1), 3);
}

static void
text__not_a_utf8_terminal__non_ascii_escaped(void **state)
{
	struct text_unit u;

	(void)state;
	text_set_utf8(false);
	text_next("\xc3\xab", 2, &u);
	text_set_utf8(true);
	assert_true(u.escaped);
	assert_string_equal(u.esc, "<U+00EB>");
}

/* --- a field --------------------------------------------------------------- */

static void
field__utf8_editing__a_character_at_a_time(void **state)
{
	struct field f;

	(void)state;
	field_init_text(&f, "x", "X", FIELD_TEXT, 8, false, NULL);
	assert_true(field_insert(&f, L'Z'));
	assert_true(field_insert(&f, L'o'));
	assert_true(field_insert(&f, 0xEB)); /* ë */
	assert_string_equal(field_text(&f), "Zo\xc3\xab");
	assert_true(field_left(&f));
	assert_int_equal(f.cur, 2);
	assert_true(field_insert(&f, 0x674E)); /* 李, before the ë */
	assert_string_equal(field_text(&f), "Zo\xe6\x9d\x8e\xc3\xab");
	assert_true(field_end(&f));
	assert_true(field_backspace(&f));
	assert_string_equal(field_text(&f), "Zo\xe6\x9d\x8e");
	/* Full: 5 of 8 bytes used, a 4-byte character does not fit. */
	assert_false(field_insert(&f, 0x1F600));
	assert_true(field_insert(&f, L'x'));
	assert_true(field_home(&f));
	assert_true(field_delete(&f));
	assert_string_equal(field_text(&f), "o\xe6\x9d\x8ex");
	assert_true(field_kill_end(&f));
	assert_string_equal(field_text(&f), "");
	assert_false(field_backspace(&f));
	field_free(&f);
}

static void
field__controls_and_invisibles__refused(void **state)
{
	struct field f;

	(void)state;
	field_init_text(&f, "x", "X", FIELD_TEXT, 64, false, NULL);
	assert_false(field_insert(&f, 0x1b));
	assert_false(field_insert(&f, L'\n'));
	assert_false(field_insert(&f, 0x9b));
	assert_false(field_insert(&f, 0x202E));
	assert_false(field_insert(&f, 0xFEFF));
	assert_string_equal(field_text(&f), "");
	assert_false(f.changed);
	field_free(&f);
}

static void
field__kill_word_and_start(void **state)
{
	struct field f;

	(void)state;
	field_init_text(&f, "x", "X", FIELD_TEXT, 64, false, NULL);
	assert_int_equal(field_set(&f, "escalating risk now"), 0);
	assert_true(field_kill_word(&f));
	assert_string_equal(field_text(&f), "escalating risk ");
	assert_true(field_left(&f));
	assert_true(field_kill_start(&f));
	assert_string_equal(field_text(&f), " ");
	field_free(&f);
}

static void
field__choice__steps_round(void **state)
{
	static const char *const c[] = { "one", "two", "three", NULL };
	struct field f;

	(void)state;
	field_init_choice(&f, "c", "C", c, 2, NULL);
	assert_string_equal(field_text(&f), "three");
	assert_true(field_step(&f, 1));
	assert_string_equal(field_text(&f), "one");
	assert_true(field_left(&f));
	assert_string_equal(field_text(&f), "three");
	assert_false(field_insert(&f, L'x'));
}

/* --- the referral form ----------------------------------------------------------- */

static void
fill(struct form_model *fm, int i, const char *text)
{
	assert_int_equal(field_set(&fm->f[i], text), 0);
	fm->f[i].changed = true;
	forms_check(fm);
}

static void
referral__as_typed__each_field_its_error(void **state)
{
	struct form_model fm;
	mdate today = day("2012-05-14");

	(void)state;
	forms_referral(&fm, NULL, today, &iv);
	assert_string_equal(fm.f[RF_REF].error, "required");
	assert_string_equal(fm.f[RF_SURNAME].error, "required");
	assert_int_equal(fm.nerrors, 2);
	fill(&fm, RF_REF, "WF 1");
	assert_non_null(strstr(fm.f[RF_REF].error, "may hold only"));
	fill(&fm, RF_REF, "WF/12/0001");
	assert_null(fm.f[RF_REF].error);
	fill(&fm, RF_SURNAME, "Zorblewick");
	assert_int_equal(fm.nerrors, 0);
	fill(&fm, RF_DOB, "1980-02-30");
	assert_non_null(strstr(fm.f[RF_DOB].error, "real date"));
	fill(&fm, RF_DOB, "2013-01-01");
	assert_non_null(strstr(fm.f[RF_DOB].error, "after today"));
	fill(&fm, RF_DOB, "1980-02-29");
	assert_null(fm.f[RF_DOB].error);
	fill(&fm, RF_DATE, "2012-05-15");
	assert_non_null(strstr(fm.f[RF_DATE].error, "after today"));
	fill(&fm, RF_DATE, "2012-05-11");
	assert_int_equal(fm.nerrors, 0);
	forms_free(&fm);
}

static void
referral__category3_at_level1__refused_on_the_level(void **state)
{
	struct form_model fm;

	(void)state;
	forms_referral(&fm, NULL, day("2012-05-14"), &iv);
	fill(&fm, RF_REF, "R1");
	fill(&fm, RF_SURNAME, "S");
	fm.f[RF_CATEGORY].choice = 2;
	fm.f[RF_LEVEL].choice = 0;
	forms_check(&fm);
	assert_non_null(fm.f[RF_LEVEL].error);
	assert_non_null(strstr(fm.f[RF_LEVEL].error, "Category 3"));
	assert_int_equal(fm.nerrors, 1);
	fm.f[RF_LEVEL].choice = 1;
	forms_check(&fm);
	assert_int_equal(fm.nerrors, 0);
	forms_free(&fm);
}

static void
referral__deadline__working_days_and_kept_once_edited(void **state)
{
	struct form_model fm;
	struct db_offender o;
	struct db_referral r;
	int cat, level;
	mdate review;

	(void)state;
	forms_referral(&fm, NULL, day("2012-05-14"), &iv);
	fill(&fm, RF_REF, "R1");
	fill(&fm, RF_SURNAME, "S");
	/* Level 1: the first review a year on. */
	assert_string_equal(field_text(&fm.f[RF_REVIEW]), "2013-05-14");
	/* Level 3: five working days from Friday 11 May is Friday 18. */
	fm.f[RF_LEVEL].choice = 2;
	fill(&fm, RF_DATE, "2012-05-11");
	assert_string_equal(field_text(&fm.f[RF_REVIEW]), "2012-05-18");
	/* Level 2: twenty working days. */
	fm.f[RF_LEVEL].choice = 1;
	forms_check(&fm);
	assert_string_equal(field_text(&fm.f[RF_REVIEW]), "2012-06-08");
	/* Edited by hand: kept, and checked. */
	fill(&fm, RF_REVIEW, "2012-05-01");
	assert_non_null(strstr(fm.f[RF_REVIEW].error, "before the referral"));
	fill(&fm, RF_REVIEW, "2012-06-01");
	fm.f[RF_LEVEL].choice = 2;
	forms_check(&fm);
	assert_string_equal(field_text(&fm.f[RF_REVIEW]), "2012-06-01");
	forms_referral_get(&fm, &o, &r, &cat, &level, &review);
	assert_string_equal(o.ref, "R1");
	assert_int_equal(cat, 1);
	assert_int_equal(level, 3);
	assert_int_equal(review, day("2012-06-01"));
	assert_string_equal(r.date, "2012-05-11");
	assert_null(r.reason);
	forms_free(&fm);
}

/* Who referred: the form offers the agencies' names from the one table
 * (core/agenda.h), probation chosen at first, and hands over the code. */
static void
referral__referred_by__names_offered_codes_handed_over(void **state)
{
	struct form_model fm;
	struct db_offender o;
	struct db_referral r;
	int cat, level;
	mdate review;

	(void)state;
	forms_referral(&fm, NULL, day("2012-05-14"), &iv);
	assert_int_equal(fm.f[RF_REFERRER].nchoices, (int)agenda_agency_count);
	for (size_t i = 0; i < agenda_agency_count; i++)
		assert_string_equal(fm.f[RF_REFERRER].choices[i],
				    agenda_agencies[i].name);
	assert_string_equal(field_text(&fm.f[RF_REFERRER]), "Probation");
	/* The categories numbered, in core's words (ev_category_name). */
	assert_int_equal(fm.f[RF_CATEGORY].nchoices, EV_CATEGORY_MAX);
	for (int c = 1; c <= EV_CATEGORY_MAX; c++) {
		char want[64];

		snprintf(want, sizeof want, "%d  %s", c, ev_category_name(c));
		assert_string_equal(fm.f[RF_CATEGORY].choices[c - 1], want);
	}
	fill(&fm, RF_REF, "R1");
	fill(&fm, RF_SURNAME, "S");
	fm.f[RF_LEVEL].choice = 1;
	forms_check(&fm);
	forms_referral_get(&fm, &o, &r, &cat, &level, &review);
	assert_string_equal(r.agency, "probation");
	fm.f[RF_REFERRER].choice =
		(int)(agenda_agency_find("childrens_services") -
		      agenda_agencies);
	assert_string_equal(field_text(&fm.f[RF_REFERRER]),
			    "Children's social care");
	forms_referral_get(&fm, &o, &r, &cat, &level, &review);
	assert_string_equal(r.agency, "childrens_services");
	forms_free(&fm);
}

/* The initial meeting's deadline skips bank holidays: 4 and 5 June 2012
 * (the Diamond Jubilee), and Christmas. */
static void
referral__deadline__bank_holidays_are_not_working_days(void **state)
{
	mdate days[] = { day("2012-06-04"), day("2012-06-05"),
			 day("2012-12-25"), day("2012-12-26") };
	struct agenda_holidays h = { days, NELEM(days) };
	struct form_intervals with = iv;
	struct form_model fm;

	(void)state;
	with.holidays = &h;
	forms_referral(&fm, NULL, day("2012-12-31"), &with);
	fill(&fm, RF_REF, "R1");
	fill(&fm, RF_SURNAME, "S");
	fm.f[RF_LEVEL].choice = 1;
	fill(&fm, RF_DATE, "2012-05-11");
	assert_string_equal(field_text(&fm.f[RF_REVIEW]), "2012-06-12");
	forms_free(&fm);
	forms_referral(&fm, NULL, day("2012-12-31"), &with);
	fill(&fm, RF_REF, "R1");
	fill(&fm, RF_SURNAME, "S");
	fm.f[RF_LEVEL].choice = 2;
	fill(&fm, RF_DATE, "2012-12-20");
	assert_string_equal(field_text(&fm.f[RF_REVIEW]), "2012-12-31");
	assert_int_equal(fm.nerrors, 0);
	forms_free(&fm);
}

static void
referral__reference_taken__said_as_typed(void **state)
{
	struct form_model fm;
	struct db_offender o;
	struct db *db;
	char dir[4096], path[4200], err[256];

	(void)state;
	tu_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/t.db", dir);
	assert_int_equal(db_open(&db, path, "alice", DB_OPEN_CREATE, err,
				 sizeof err), DB_OK);
	memset(&o, 0, sizeof o);
	str_copy(o.ref, "TAKEN1", sizeof o.ref);
	str_copy(o.surname, "S", sizeof o.surname);
	assert_int_equal(db_offender_add(db, &o), DB_OK);
	forms_referral(&fm, db, day("2012-05-14"), &iv);
	fill(&fm, RF_REF, "TAKEN1");
	assert_non_null(strstr(fm.f[RF_REF].error, "already exists"));
	fill(&fm, RF_REF, "TAKEN2");
	assert_null(fm.f[RF_REF].error);
	forms_free(&fm);
	db_close(db);
	tu_rmdir(dir);
}

/* --- the event form ------------------------------------------------------------- */

static struct ev
ev(const char *date, int type, int cat, int level, int kind)
{
	struct ev e = { day(date), (uint8_t)type, (uint8_t)cat,
			(uint8_t)level, (uint8_t)kind };

	return e;
}

static void
event__level_change__reason_and_decider_required(void **state)
{
	struct ev h[] = { ev("2010-01-04", EV_REGISTER, 1, 1, 0) };
	struct form_model fm;
	struct db_event e;
	int meeting;
	mdate review;

	(void)state;
	forms_event(&fm, EV_LEVEL, h, 1, day("2012-05-14"), &iv);
	/* Still Level 1: no change yet. */
	assert_non_null(strstr(fm.f[EF_LEVEL].error, "already"));
	fm.f[EF_LEVEL].choice = 1;
	forms_check(&fm);
	assert_null(fm.f[EF_LEVEL].error);
	assert_non_null(strstr(fm.f[EF_REASON].error, "reason"));
	assert_non_null(fm.f[EF_DECIDER].error);
	assert_int_equal(fm.nerrors, 2);
	fill(&fm, EF_REASON, "new intelligence");
	fill(&fm, EF_DECIDER, "D. Chair");
	assert_int_equal(fm.nerrors, 0);
	/* The next review: sixteen weeks on at Level 2. */
	assert_string_equal(field_text(&fm.f[EF_REVIEW]), "2012-09-03");
	fm.f[EF_MEETING].choice = 1;
	forms_check(&fm);
	forms_event_get(&fm, &e, &meeting, &review);
	assert_int_equal(e.ev.type, EV_LEVEL);
	assert_int_equal(e.ev.level, 2);
	assert_int_equal(e.ev.category, 0);
	assert_string_equal(e.note, "new intelligence");
	assert_string_equal(e.decided_by, "D. Chair");
	assert_int_equal(meeting, 2);
	assert_int_equal(review, day("2012-09-03"));
	forms_free(&fm);
}

static void
event__category3_at_level1__refused(void **state)
{
	struct ev h[] = { ev("2010-01-04", EV_REGISTER, 1, 1, 0) };
	struct form_model fm;

	(void)state;
	forms_event(&fm, EV_CATEGORY, h, 1, day("2012-05-14"), &iv);
	fm.f[EF_CATEGORY].choice = 2;
	forms_check(&fm);
	assert_non_null(strstr(fm.problem, "Category 3"));
	assert_int_equal(fm.nerrors, 1);
	assert_true(fm.f[EF_LEVEL].hidden);
	assert_true(fm.f[EF_KIND].hidden);
	assert_true(fm.f[EF_REVIEW].hidden);
	forms_free(&fm);
}

static void
event__against_the_history__state_machine_and_later_events(void **state)
{
	struct ev h[] = {
		ev("2010-01-04", EV_REGISTER, 1, 1, 0),
		ev("2011-03-01", EV_CUSTODY, 0, 0, CUSTODY_REMAND),
	};
	struct form_model fm;
	int release = 3; /* position in forms_event_types */

	(void)state;
	assert_int_equal(forms_event_types[release], EV_RELEASE);
	forms_event(&fm, EV_RELEASE, h, 2, day("2012-05-14"), &iv);
	assert_int_equal(fm.nerrors, 0);
	/* Released before the custody began: not in custody then. */
	fill(&fm, EF_DATE, "2011-01-01");
	assert_non_null(strstr(fm.problem, "not in custody"));
	/* A custody back in 2010 breaks the later custody of 2011. */
	fm.f[EF_TYPE].choice = 2;
	forms_check(&fm);
	assert_int_equal(forms_event_types[2], EV_CUSTODY);
	assert_false(fm.f[EF_KIND].hidden);
	assert_non_null(strstr(fm.problem, "would break the later custody"));
	/* After today. */
	fill(&fm, EF_DATE, "2012-05-15");
	assert_non_null(strstr(fm.f[EF_DATE].error, "after today"));
	fill(&fm, EF_DATE, "2012-13-01");
	assert_non_null(strstr(fm.f[EF_DATE].error, "not a date"));
	forms_free(&fm);
}

static void
event__exit_and_orders__kinds_offered(void **state)
{
	struct ev h[] = { ev("2010-01-04", EV_REGISTER, 2, 2, 0) };
	struct form_model fm;

	(void)state;
	forms_event(&fm, EV_ORDER, h, 1, day("2012-05-14"), &iv);
	assert_false(fm.f[EF_KIND].hidden);
	assert_string_equal(field_text(&fm.f[EF_KIND]), "SOPO");
	assert_true(fm.f[EF_DECIDER].hidden);
	assert_int_equal(fm.nerrors, 0);
	fm.f[EF_TYPE].choice = 6; /* exit */
	forms_check(&fm);
	assert_string_equal(field_text(&fm.f[EF_KIND]),
			    "registration ended");
	assert_false(fm.f[EF_DECIDER].hidden);
	assert_false(fm.f[EF_DECIDER].required);
	assert_int_equal(fm.nerrors, 0);
	forms_free(&fm);
}

/* The later events and kinds are offered; a registration's kind is
 * optional, "none" first (interchange.md). */
static void
event__later_events__offered_with_their_kinds(void **state)
{
	struct ev h[] = { ev("2015-04-07", EV_REGISTER, 1, 2, 0) };
	struct form_model fm;
	struct db_event e;
	int ml, i;
	mdate review;

	(void)state;
	forms_event(&fm, EV_REGISTER, NULL, 0, day("2016-05-14"), &iv);
	assert_false(fm.f[EF_KIND].hidden);
	assert_string_equal(field_text(&fm.f[EF_KIND]), "none");
	forms_event_get(&fm, &e, &ml, &review);
	assert_int_equal(e.ev.kind, 0);
	fm.f[EF_KIND].choice = 1;
	forms_check(&fm);
	assert_string_equal(field_text(&fm.f[EF_KIND]), "sro breach");
	forms_event_get(&fm, &e, &ml, &review);
	assert_int_equal(e.ev.kind, REGISTER_SRO_BREACH);
	forms_free(&fm);

	forms_event(&fm, EV_ORDER, h, 1, day("2016-05-14"), &iv);
	for (i = 0; i < fm.f[EF_KIND].nchoices; i++)
		if (strcmp(fm.f[EF_KIND].choices[i], "SHPO FTR") == 0)
			break;
	assert_true(i < fm.f[EF_KIND].nchoices);
	assert_int_equal(fm.f[EF_KIND].nchoices, ev_kind_count(EV_ORDER));
	fm.f[EF_KIND].choice = i;
	forms_check(&fm);
	forms_event_get(&fm, &e, &ml, &review);
	assert_int_equal(e.ev.kind, ORDER_SHPO_FTR);
	forms_free(&fm);

	forms_event(&fm, EV_SFO_CHARGE, h, 1, day("2016-05-14"), &iv);
	assert_true(fm.f[EF_KIND].hidden);
	assert_int_equal(fm.nerrors, 0);
	assert_string_equal(fm.problem, "");
	forms_event_get(&fm, &e, &ml, &review);
	assert_int_equal(e.ev.type, EV_SFO_CHARGE);
	forms_free(&fm);

	forms_event(&fm, EV_NOTIFICATION_REVIEW, h, 1, day("2016-05-14"), &iv);
	assert_false(fm.f[EF_KIND].hidden);
	assert_string_equal(field_text(&fm.f[EF_KIND]), "granted");
	forms_free(&fm);
}

/* --- the identity form ------------------------------------------------------ */

static void
identity__someone_else_saved__their_changes_in_untouched_fields(void **state)
{
	struct db_offender o, theirs, mine;
	struct form_model fm;

	(void)state;
	memset(&o, 0, sizeof o);
	str_copy(o.ref, "R1", sizeof o.ref);
	str_copy(o.surname, "Smith", sizeof o.surname);
	str_copy(o.forenames, "Jo", sizeof o.forenames);
	str_copy(o.district, "Ely", sizeof o.district);
	assert_int_equal(forms_identity(&fm, NULL, &o, day("2012-05-14")), 0);
	assert_false(forms_changed(&fm));
	assert_int_equal(fm.nerrors, 0);
	fill(&fm, RF_FORENAMES, "Joanne");
	assert_true(forms_changed(&fm));
	theirs = o;
	str_copy(theirs.surname, "Smyth", sizeof theirs.surname);
	str_copy(theirs.forenames, "Joe", sizeof theirs.forenames);
	str_copy(theirs.lead_agency, "police", sizeof theirs.lead_agency);
	assert_int_equal(forms_identity_rebase(&fm, &theirs), 0);
	fm.original = &theirs;
	assert_int_equal(forms_identity_get(&fm, &mine), 0);
	assert_string_equal(mine.surname, "Smyth");    /* theirs */
	assert_string_equal(mine.forenames, "Joanne"); /* mine wins */
	assert_string_equal(mine.district, "Ely");
	assert_string_equal(mine.lead_agency, "police");
	db_offender_clear(&mine);
	forms_free(&fm);
}

/* Identifiers as long as the data layer takes (an import gives up to 127
 * bytes) open, save unchanged, and may be typed in full.  (PNC IDs and
 * CRNs have a shape of their own since issue 15: long ones are only
 * typed, and refused.) */
static void
identity__long_identifiers__kept_whole(void **state)
{
	static const int ids[] = { RF_PNC, RF_CRN, RF_VISOR };
	char v[DB_FIELD_MAX];
	struct db_offender o, mine;
	struct form_model fm;

	(void)state;
	memset(v, '7', sizeof v - 1);
	v[sizeof v - 1] = '\0';
	memset(&o, 0, sizeof o);
	str_copy(o.ref, "R1", sizeof o.ref);
	str_copy(o.surname, "Smith", sizeof o.surname);
	str_copy(o.pnc, "2011/0275516Q", sizeof o.pnc);
	str_copy(o.crn, "X123456", sizeof o.crn);
	str_copy(o.visor, v, sizeof o.visor);
	assert_int_equal(forms_identity(&fm, NULL, &o, day("2012-05-14")), 0);
	assert_int_equal(fm.nerrors, 0);
	fill(&fm, RF_FORENAMES, "Jo");
	assert_int_equal(fm.nerrors, 0);
	assert_int_equal(forms_identity_get(&fm, &mine), 0);
	assert_string_equal(mine.pnc, "2011/0275516Q");
	assert_string_equal(mine.crn, "X123456");
	assert_string_equal(mine.visor, v);
	db_offender_clear(&mine);
	for (size_t i = 0; i < NELEM(ids); i++) {
		struct field *f = &fm.f[ids[i]];

		field_set(f, "");
		for (size_t k = 0; k < sizeof v - 1; k++)
			assert_true(field_insert(f, L'7'));
		assert_false(field_insert(f, L'7'));
		assert_string_equal(field_text(f), v);
	}
	forms_free(&fm);
}

/* --- the key tables ------------------------------------------------------- */

static void
keys__every_action_bound_documented_and_unambiguous(void **state)
{
	char keys[96];

	(void)state;
	for (size_t i = 0; i < ui_nbindings; i++) {
		const struct ui_binding *b = &ui_bindings[i];

		assert_non_null(ui_actions[b->action].help);
		assert_non_null(ui_actions[b->action].group);
		for (size_t j = i + 1; j < ui_nbindings; j++)
			assert_false(ui_bindings[j].ctx == b->ctx &&
				     ui_bindings[j].key == b->key);
	}
	/* In a form '?' and 'q' are typed: the help says F1, not '?'. */
	ui_keys_of(CTX_FORM, A_HELP, false, keys, sizeof keys);
	assert_string_equal(keys, "F1");
	ui_keys_of(CTX_LIST, A_HELP, false, keys, sizeof keys);
	assert_string_equal(keys, "? F1");
	ui_keys_of(CTX_LIST, A_OPEN, false, keys, sizeof keys);
	assert_string_equal(keys, "Enter");
	/* Keys that change records are not keys that move. */
	assert_int_equal(ui_lookup(CTX_LIST, 'L'), A_LEVEL);
	assert_int_equal(ui_lookup(CTX_LIST, 'l'), A_FILTER_LEVEL);
	assert_int_equal(ui_lookup(CTX_RECORD, 'j'), A_DOWN);
	assert_int_equal(ui_lookup(CTX_FORM, UI_ESC), A_CANCEL);
	assert_int_equal(ui_lookup(CTX_LIST, UI_ESC), A_BACK);
}

/* The meeting form: a date, a time that reads HH:MM, agencies mappa
 * knows; editing starts from the meeting as stored. */
static void
meeting__time_and_agencies__checked_as_typed(void **state)
{
	struct form_model fm;
	struct db_meeting m = { 0 };

	(void)state;
	forms_meeting(&fm, NULL, "police probation", day("2012-05-14"));
	assert_int_equal(fm.nerrors, 0);
	assert_string_equal(field_text(&fm.f[MF_DATE]), "2012-05-14");
	field_set(&fm.f[MF_TIME], "25:00");
	field_set(&fm.f[MF_AGENCIES], "police, polce");
	forms_check(&fm);
	assert_non_null(fm.f[MF_TIME].error);
	assert_non_null(strstr(fm.f[MF_AGENCIES].error, "polce"));
	field_set(&fm.f[MF_TIME], "09:30");
	field_set(&fm.f[MF_AGENCIES], "police,housing");
	field_set(&fm.f[MF_DATE], "2012-02-30");
	forms_check(&fm);
	assert_null(fm.f[MF_TIME].error);
	assert_null(fm.f[MF_AGENCIES].error);
	assert_non_null(fm.f[MF_DATE].error);
	assert_int_equal(fm.nerrors, 1);
	forms_free(&fm);

	str_copy(m.date, "2012-03-22", sizeof m.date);
	str_copy(m.time, "14:00", sizeof m.time);
	m.level = 3;
	str_copy(m.chair, "DCI Testchair", sizeof m.chair);
	forms_meeting(&fm, &m, "police", day("2012-05-14"));
	assert_string_equal(field_text(&fm.f[MF_DATE]), "2012-03-22");
	assert_string_equal(field_text(&fm.f[MF_LEVEL]), "Level 3");
	assert_string_equal(field_text(&fm.f[MF_CHAIR]), "DCI Testchair");
	assert_int_equal(fm.nerrors, 0);
	assert_false(forms_changed(&fm));
	forms_free(&fm);
}

/* An event type has one set of words on the screens: the form's, also
 * in the message after saving and in a history's refusal. */
static void
event_types__one_label_each(void **state)
{
	(void)state;
	assert_string_equal(forms_event_type_label(EV_EXIT),
			    "exit from MAPPA");
	assert_string_equal(forms_event_type_label(EV_NOTIFICATION_REVIEW),
			    "review of indefinite notification");
	assert_string_equal(forms_event_type_label(EV_LEVEL), "level change");
	for (int i = 0; i < forms_event_type_count; i++)
		assert_non_null(forms_event_type_label(forms_event_types[i]));
}

/* The form's moves (form.c): the next and previous visible field, a
 * page of them on or back, and nothing past either end. */
static unsigned
form_act(struct screen *s, enum ui_action a)
{
	for (const struct ui_handler *h = form_handlers; h->action != A_NONE;
	     h++)
		if (h->action == a)
			return h->fn(NULL, s);
	fail_msg("no form handler for action %d", (int)a);
	return 0;
}

static void
form__moves__visible_fields_only_a_page_at_a_time(void **state)
{
	static struct form_screen fs; /* large: not on the stack */
	struct screen s = { NULL, &fs };

	(void)state;
	fs.fm.n = 8;
	fs.fm.f[2].hidden = fs.fm.f[3].hidden = true;
	fs.page = 3;
	assert_int_equal(form_act(&s, A_PREV_FIELD), DRAW_NONE);
	assert_int_equal(form_act(&s, A_NEXT_FIELD), DRAW_BODY);
	assert_int_equal(fs.focus, 1);
	assert_int_equal(form_act(&s, A_NEXT_FIELD), DRAW_BODY);
	assert_int_equal(fs.focus, 4);
	assert_int_equal(form_act(&s, A_PREV_FIELD), DRAW_BODY);
	assert_int_equal(fs.focus, 1);
	assert_int_equal(form_act(&s, A_PAGE_DOWN), DRAW_BODY);
	assert_int_equal(fs.focus, 6);
	assert_int_equal(form_act(&s, A_PAGE_DOWN), DRAW_BODY);
	assert_int_equal(fs.focus, 7);
	assert_int_equal(form_act(&s, A_NEXT_FIELD), DRAW_NONE);
	assert_int_equal(form_act(&s, A_PAGE_DOWN), DRAW_NONE);
	assert_int_equal(form_act(&s, A_PAGE_UP), DRAW_BODY);
	assert_int_equal(fs.focus, 4);
	assert_int_equal(form_act(&s, A_PAGE_UP), DRAW_BODY);
	assert_int_equal(fs.focus, 0);
}

int
main(void)
{
	process_settings_default(&iv.ps);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(event_types__one_label_each),
		cmocka_unit_test(
			form__moves__visible_fields_only_a_page_at_a_time),
		cmocka_unit_test(
			text__control_and_invisible_characters__shown_escaped),
		cmocka_unit_test(
			text__wide_characters__two_columns_never_split),
		cmocka_unit_test(
			text__not_a_utf8_terminal__non_ascii_escaped),
		cmocka_unit_test(field__utf8_editing__a_character_at_a_time),
		cmocka_unit_test(field__controls_and_invisibles__refused),
		cmocka_unit_test(field__kill_word_and_start),
		cmocka_unit_test(field__choice__steps_round),
		cmocka_unit_test(referral__as_typed__each_field_its_error),
		cmocka_unit_test(
			referral__category3_at_level1__refused_on_the_level),
		cmocka_unit_test(
			referral__deadline__working_days_and_kept_once_edited),
		cmocka_unit_test(
			referral__referred_by__names_offered_codes_handed_over),
		cmocka_unit_test(
			referral__deadline__bank_holidays_are_not_working_days),
		cmocka_unit_test(referral__reference_taken__said_as_typed),
		cmocka_unit_test(
			event__level_change__reason_and_decider_required),
		cmocka_unit_test(event__category3_at_level1__refused),
		cmocka_unit_test(
			event__against_the_history__state_machine_and_later_events),
		cmocka_unit_test(event__exit_and_orders__kinds_offered),
		cmocka_unit_test(event__later_events__offered_with_their_kinds),
		cmocka_unit_test(
			identity__someone_else_saved__their_changes_in_untouched_fields),
		cmocka_unit_test(identity__long_identifiers__kept_whole),
		cmocka_unit_test(
			keys__every_action_bound_documented_and_unambiguous),
		cmocka_unit_test(meeting__time_and_agencies__checked_as_typed),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "no C.UTF-8 locale: skipped\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
