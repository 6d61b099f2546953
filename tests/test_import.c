/*
 * test_import.c -- import and export below the command line: the checks
 * of core/interchange.c, message by message, and the data layer's import
 * path (db/interchange.c), which must hold the rules whatever calls it.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/interchange.h"
#include "core/util.h"
#include "db/db_internal.h"
#include "testutil.h"

/* --- the checks, with a made-up database ---------------------------------- */

/* "Recorded" offenders: DB1 registered at 1/2 on 2010-01-01, DB2 in
 * custody since 2010-01-01 (never registered). */
static int
fake_offender(void *ctx, const char *ref, int64_t *id, struct ev **evs,
	      size_t *n)
{
	(void)ctx;
	if (strcmp(ref, "ERASED-P1") == 0)
		return 2;
	if (strcmp(ref, "DB1") != 0 && strcmp(ref, "DB2") != 0)
		return 0;
	*id = ref[2] == '1' ? 101 : 102;
	if (evs) {
		*evs = calloc(1, sizeof **evs);
		assert_non_null(*evs);
		date_parse("2010-01-01", &(*evs)[0].date);
		if (ref[2] == '1') {
			(*evs)[0].type = EV_REGISTER;
			(*evs)[0].category = 1;
			(*evs)[0].level = 2;
		} else {
			(*evs)[0].type = EV_CUSTODY;
			(*evs)[0].kind = CUSTODY_REMAND;
		}
		*n = 1;
	}
	return 1;
}

static int
fake_population(void *ctx, int year)
{
	(void)ctx;
	return year == 1999;
}

static const char offenders_ok[] =
	"ref,surname\nA1,Smith\nA2,Jones\n";

/*
 * Read OFFENDERS (or NULL), EVENTS, POPULATION into a new ix and check
 * it; returns it (the caller frees).
 */
static struct ix *
run(const char *offenders, const char *events, const char *population)
{
	struct ix_hooks h = { NULL, fake_offender, fake_population, NULL };
	struct ix *ix = ix_new(&h);
	const char *text[IX_NFILES] = { offenders, events, population };
	static const char *const names[IX_NFILES] = {
		"offenders.csv", "events.csv", "population.csv",
	};

	assert_non_null(ix);
	for (int f = 0; f < IX_NFILES; f++) {
		struct csv_reader *r;

		if (text[f] == NULL)
			continue;
		r = csv_reader_mem(text[f], strlen(text[f]));
		assert_int_equal(ix_read(ix, (enum ix_file)f, names[f], r), 0);
		csv_reader_free(r);
	}
	assert_int_equal(ix_check(ix), 0);
	return ix;
}

/* The files give exactly the one fault WANT. */
static void
one_fault(const char *offenders, const char *events, const char *population,
	  const char *want)
{
	struct ix *ix = run(offenders, events, population);

	if (ix_error_count(ix) != 1)
		for (size_t i = 0; i < ix_error_count(ix); i++)
			print_message("fault: %s\n", ix_error(ix, i));
	assert_int_equal(ix_error_count(ix), 1);
	assert_string_equal(ix_error(ix, 0), want);
	ix_free(ix);
}

static void
faultless(const char *offenders, const char *events, const char *population)
{
	struct ix *ix = run(offenders, events, population);

	for (size_t i = 0; i < ix_error_count(ix); i++)
		print_message("fault: %s\n", ix_error(ix, i));
	assert_int_equal(ix_error_count(ix), 0);
	ix_free(ix);
}

static void
check__the_example_of_interchange_md(void **state)
{
	(void)state;
	one_fault(offenders_ok,
		  "ref,date,event,category,level\n"
		  "A1,2010-01-01,register,1,4\n",
		  NULL,
		  "events.csv:2: column \"level\": \"4\" is not a level "
		  "(1, 2 or 3)");
}

static void
check__dates(void **state)
{
	(void)state;
	one_fault(offenders_ok, "ref,date,event\nA1,2010-02-30,release\n",
		  NULL, "events.csv:2: column \"date\": \"2010-02-30\" is not "
		  "a date (YYYY-MM-DD, a real calendar date)");
	one_fault(offenders_ok, "ref,date,event\nA1,31/01/2010,release\n",
		  NULL, "events.csv:2: column \"date\": \"31/01/2010\" is not "
		  "a date (YYYY-MM-DD, a real calendar date)");
	one_fault("ref,surname,dob\nA1,Smith,1970-13-01\n", NULL, NULL,
		  "offenders.csv:2: column \"dob\": \"1970-13-01\" is not a "
		  "date (YYYY-MM-DD, a real calendar date)");
}

static void
check__columns(void **state)
{
	struct ix *ix;

	(void)state;
	one_fault("ref,Surname,colour\nA1,Smith,red\n", NULL, NULL,
		  "offenders.csv:1: column \"colour\" is not a column of an "
		  "offenders file (it has ref, surname, forenames, dob, "
		  "gender, pnc, crn, visor, district, lead_agency and notes)");
	one_fault("ref,forenames\nA1,John\n", NULL, NULL,
		  "offenders.csv:1: column \"surname\" is missing (an "
		  "offenders file needs it)");
	one_fault("ref,surname,REF\nA1,Smith,A1\n", NULL, NULL,
		  "offenders.csv:1: column \"ref\" is given twice");
	one_fault("", NULL, NULL, "offenders.csv:1: the file is empty; its "
		  "first line must be the header, e.g. ref,surname,forenames,"
		  "dob,gender,pnc,crn,visor,district,lead_agency,notes");
	/* Names are case-insensitive and trimmed; columns in any order. */
	ix = run("SURNAME , Ref\nSmith,A1\n", NULL, NULL);
	assert_int_equal(ix_error_count(ix), 0);
	assert_string_equal(ix_offender(ix, 0)->col[IX_O_REF], "A1");
	assert_string_equal(ix_offender(ix, 0)->col[IX_O_SURNAME], "Smith");
	ix_free(ix);
}

static void
check__missing_required_values(void **state)
{
	(void)state;
	one_fault("ref,surname\nA1,\n", NULL, NULL,
		  "offenders.csv:2: column \"surname\": no value; a surname "
		  "is required");
	one_fault(offenders_ok, "ref,date,event,category,level\n"
		  "A1,2010-01-01,register,,2\n", NULL,
		  "events.csv:2: column \"category\": no value; a register "
		  "event needs a category (1, 2, 3 or 4)");
	one_fault(offenders_ok, "ref,date,event\nA1,2010-01-01,category\n",
		  NULL, "events.csv:2: column \"category\": no value; a "
		  "category event needs a category (1, 2, 3 or 4)");
	one_fault(offenders_ok, "ref,date,event,kind\n"
		  "A1,2010-01-01,custody,\n", NULL,
		  "events.csv:2: column \"kind\": no value; a custody event "
		  "needs a kind (licence_breach, sopo_breach, shpo_breach, "
		  "new_sentence, remand or other)");
}

static void
check__refs(void **state)
{
	(void)state;
	one_fault(offenders_ok, "ref,date,event\nZZ9,2010-01-01,release\n",
		  NULL, "events.csv:2: column \"ref\": \"ZZ9\" is not an "
		  "offender in offenders.csv or the database");
	one_fault(NULL, "ref,date,event\nZZ9,2010-01-01,release\n", NULL,
		  "events.csv:2: column \"ref\": \"ZZ9\" is not an offender "
		  "in the database");
	one_fault("ref,surname\nA1,Smith\nA1,Smythe\n", NULL, NULL,
		  "offenders.csv:3: column \"ref\": \"A1\" is given twice "
		  "(also on line 2)");
	one_fault("ref,surname\nDB1,Smith\n", NULL, NULL,
		  "offenders.csv:2: column \"ref\": \"DB1\" is already in the "
		  "database; an import never overwrites a record");
	one_fault("ref,surname\nA 1,Smith\n", NULL, NULL,
		  "offenders.csv:2: column \"ref\": \"A 1\" is not a reference "
		  "(1 to 32 characters from A-Z, a-z, 0-9, '-', '/' and '_', "
		  "no spaces)");
}

static void
check__values(void **state)
{
	(void)state;
	one_fault("ref,surname,gender\nA1,Smith,male\n", NULL, NULL,
		  "offenders.csv:2: column \"gender\": \"male\" is not a "
		  "gender (M, F, X or U)");
	one_fault("ref,surname,lead_agency\nA1,Smith,Police\n", NULL, NULL,
		  "offenders.csv:2: column \"lead_agency\": \"Police\" is not "
		  "a lead agency (police, probation, prison, yot, health or "
		  "other)");
	one_fault(offenders_ok, "ref,date,event\nA1,2010-01-01,Register\n",
		  NULL, "events.csv:2: column \"event\": \"Register\" is not "
		  "an event (register, category, level, exit, custody, "
		  "release, notification_breach, order, sfo_charge or "
		  "notification_review)");
	one_fault(offenders_ok, "ref,date,event,category,level\n"
		  "A1,2010-01-01,register,M5,2\n", NULL,
		  "events.csv:2: column \"category\": \"M5\" is not a "
		  "category (1, 2, 3 or 4)");
	one_fault(offenders_ok, "ref,date,event,kind\n"
		  "A1,2010-01-01,order,sopo\n", NULL,
		  "events.csv:2: column \"kind\": \"sopo\" is not a kind of "
		  "order event (SOPO, NO, FTO, SHPO, SRO, RSHO, SHPO_FTR, "
		  "ISHPO or ISRO)");
}

static void
check__value_in_unused_column(void **state)
{
	(void)state;
	one_fault(offenders_ok, "ref,date,event,category,level,kind\n"
		  "A1,2010-01-01,custody,,2,remand\n", NULL,
		  "events.csv:2: column \"level\": \"2\" is not used by a "
		  "custody event (leave it empty)");
	one_fault(offenders_ok, "ref,date,event,category,level,kind\n"
		  "A1,2010-01-01,register,1,2,\nA1,2010-01-02,level,,3,remand\n",
		  NULL,
		  "events.csv:3: column \"kind\": \"remand\" is not used by a "
		  "level event (leave it empty)");
	one_fault(offenders_ok, "ref,date,event,category,level,kind\n"
		  "A1,2010-01-01,sfo_charge,,,remand\n", NULL,
		  "events.csv:2: column \"kind\": \"remand\" is not used by a "
		  "sfo_charge event (leave it empty)");
	one_fault(offenders_ok, "ref,date,event,category,level,kind\n"
		  "A1,2010-01-01,sfo_charge,1,,\n", NULL,
		  "events.csv:2: column \"category\": \"1\" is not used by a "
		  "sfo_charge event (leave it empty)");
}

/* interchange.md: a register event's kind is sro_breach or none; the
 * later events and kinds are spelled exactly. */
static void
check__later_events_and_kinds(void **state)
{
	static const char head[] = "ref,date,event,category,level,kind\n";
	char buf[1024];

	(void)state;
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,register,1,1,remand\n",
		 head);
	one_fault(offenders_ok, buf, NULL, "events.csv:2: column \"kind\": "
		  "\"remand\" is not a kind of register event (sro_breach)");
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,notification_review,,,\n",
		 head);
	one_fault(offenders_ok, buf, NULL, "events.csv:2: column \"kind\": "
		  "no value; a notification_review event needs a kind "
		  "(granted or refused)");
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,order,,,shpo_ftr\n", head);
	one_fault(offenders_ok, buf, NULL, "events.csv:2: column \"kind\": "
		  "\"shpo_ftr\" is not a kind of order event (SOPO, NO, FTO, "
		  "SHPO, SRO, RSHO, SHPO_FTR, ISHPO or ISRO)");
	/* Every new one, each needing nothing but what it says. */
	snprintf(buf, sizeof buf,
		 "%sA1,2015-03-01,sfo_charge,,,\n"
		 "A1,2015-03-01,notification_review,,,refused\n"
		 "A1,2015-04-01,register,1,2,sro_breach\n"
		 "A1,2015-05-01,order,,,SHPO_FTR\n"
		 "A1,2015-05-01,order,,,ISHPO\n"
		 "A1,2015-05-01,order,,,ISRO\n"
		 "A1,2015-06-01,custody,,,shpo_breach\n"
		 "A1,2015-07-01,sfo_charge,,,\n"
		 "A1,2016-01-01,notification_review,,,granted\n"
		 "A2,2015-04-01,register,2,1,\n", head);
	faultless(offenders_ok, buf, NULL);
}

static void
check__state_machine(void **state)
{
	static const char head[] = "ref,date,event,category,level,kind\n";
	char buf[512];

	(void)state;
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,register,1,1,\n"
		 "A1,2010-02-01,register,1,1,\n", head);
	one_fault(offenders_ok, buf, NULL, "events.csv:3: column \"event\": "
		  "\"register\" is not allowed on 2010-02-01: the offender is "
		  "already registered");
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,level,,2,\n", head);
	one_fault(offenders_ok, buf, NULL, "events.csv:2: column \"event\": "
		  "\"level\" is not allowed on 2010-01-01: the offender is "
		  "not registered");
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,category,2,,\n", head);
	one_fault(offenders_ok, buf, NULL, "events.csv:2: column \"event\": "
		  "\"category\" is not allowed on 2010-01-01: the offender is "
		  "not registered");
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,exit,,,died\n", head);
	one_fault(offenders_ok, buf, NULL, "events.csv:2: column \"event\": "
		  "\"exit\" is not allowed on 2010-01-01: the offender is not "
		  "registered");
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,custody,,,remand\n"
		 "A1,2010-01-02,custody,,,remand\n", head);
	one_fault(offenders_ok, buf, NULL, "events.csv:3: column \"event\": "
		  "\"custody\" is not allowed on 2010-01-02: the offender is "
		  "already in custody");
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,release,,,\n", head);
	one_fault(offenders_ok, buf, NULL, "events.csv:2: column \"event\": "
		  "\"release\" is not allowed on 2010-01-01: the offender is "
		  "not in custody");
	/* notification_breach and order need nothing. */
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,order,,,SOPO\n"
		 "A1,2010-01-01,notification_breach,,,caution\n", head);
	faultless(offenders_ok, buf, NULL);
}

static void
check__category3_never_at_level1(void **state)
{
	static const char head[] = "ref,date,event,category,level,kind\n";
	char buf[512];

	(void)state;
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,register,3,1,\n", head);
	one_fault(offenders_ok, buf, NULL, "events.csv:2: column \"level\": "
		  "\"1\" is not allowed on 2010-01-01: a Category 3 offender "
		  "cannot be managed at Level 1 (on one day, change the level "
		  "before the category)");
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,register,1,1,\n"
		 "A1,2010-02-01,category,3,,\nA1,2010-02-01,level,,2,\n",
		 head);
	one_fault(offenders_ok, buf, NULL, "events.csv:3: column "
		  "\"category\": \"3\" is not allowed on 2010-02-01: a "
		  "Category 3 offender cannot be managed at Level 1 (on one "
		  "day, change the level before the category)");
	/* The same two on one day, level first: allowed. */
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,register,1,1,\n"
		 "A1,2010-02-01,level,,2,\nA1,2010-02-01,category,3,,\n",
		 head);
	faultless(offenders_ok, buf, NULL);
	snprintf(buf, sizeof buf, "%sA1,2010-01-01,register,3,2,\n"
		 "A1,2010-02-01,level,,1,\n", head);
	one_fault(offenders_ok, buf, NULL, "events.csv:3: column \"level\": "
		  "\"1\" is not allowed on 2010-02-01: a Category 3 offender "
		  "cannot be managed at Level 1 (on one day, change the level "
		  "before the category)");
}

static void
check__date_order_and_file_order(void **state)
{
	struct ix *ix;
	const struct ix_offender *o;

	(void)state;
	/* Out of date order in the file: applied in date order. */
	ix = run(offenders_ok, "ref,date,event,category,level,kind\n"
		 "A1,2010-03-01,release,,,\nA1,2010-01-01,register,1,2,\n"
		 "A1,2010-02-01,custody,,,remand\n", NULL);
	assert_int_equal(ix_error_count(ix), 0);
	o = ix_offender(ix, 0);
	assert_int_equal(o->nev, 3);
	assert_int_equal(o->evs[0].ev.type, EV_REGISTER);
	assert_int_equal(o->evs[1].ev.type, EV_CUSTODY);
	assert_int_equal(o->evs[2].ev.type, EV_RELEASE);
	ix_free(ix);
	/* On one date, in the order of the file. */
	one_fault(offenders_ok, "ref,date,event,kind\n"
		  "A1,2010-01-01,release,\nA1,2010-01-01,custody,remand\n",
		  NULL, "events.csv:2: column \"event\": \"release\" is not "
		  "allowed on 2010-01-01: the offender is not in custody");
}

static void
check__against_the_recorded_history(void **state)
{
	struct ix *ix;

	(void)state;
	/* DB1 is registered already; DB2 in custody. */
	one_fault(NULL, "ref,date,event,category,level\n"
		  "DB1,2011-01-01,register,1,2\n", NULL,
		  "events.csv:2: column \"event\": \"register\" is not allowed "
		  "on 2011-01-01: the offender is already registered (with "
		  "the history already in the database)");
	one_fault(NULL, "ref,date,event,kind\nDB2,2011-01-01,custody,remand\n",
		  NULL, "events.csv:2: column \"event\": \"custody\" is not "
		  "allowed on 2011-01-01: the offender is already in custody "
		  "(with the history already in the database)");
	/* A new event before a recorded one that it would break. */
	one_fault(NULL, "ref,date,event,kind\nDB2,2009-01-01,custody,remand\n",
		  NULL, "events.csv:2: column \"event\": \"custody\" on "
		  "2009-01-01 is not allowed: the custody on 2010-01-01 "
		  "already in the database would then fail (the offender is "
		  "already in custody)");
	one_fault(NULL, "ref,date,event\nERASED-P1,2011-01-01,release\n", NULL,
		  "events.csv:2: column \"ref\": \"ERASED-P1\" is an erased "
		  "record; no events can be added to it");
	one_fault("ref,surname\nERASED-P1,X\n", NULL, NULL,
		  "offenders.csv:2: column \"ref\": \"ERASED-P1\" is already "
		  "in the database; an import never overwrites a record");
	ix = run(NULL, "ref,date,event,level\nDB1,2011-01-01,level,3\n"
		 "DB2,2010-01-01,release,\n", NULL);
	assert_int_equal(ix_error_count(ix), 0);
	assert_int_equal(ix_offender_count(ix), 2);
	assert_int_equal(ix_offender(ix, 0)->db_id, 101);
	assert_int_equal(ix_offender(ix, 0)->line, 0);
	ix_free(ix);
}

static void
check__population(void **state)
{
	struct ix *ix;

	(void)state;
	one_fault(NULL, NULL, "year,population_10_plus\n2010,1\n2010,2\n",
		  "population.csv:3: column \"year\": \"2010\" is given twice "
		  "(also on line 2)");
	one_fault(NULL, NULL, "year,population_10_plus\n1999,1\n",
		  "population.csv:2: column \"year\": \"1999\" is already "
		  "recorded in the database; an import never overwrites a "
		  "record");
	one_fault(NULL, NULL, "year,population_10_plus\n2010,0\n",
		  "population.csv:2: column \"population_10_plus\": \"0\" is "
		  "not a whole number above 0");
	one_fault(NULL, NULL, "year,population_10_plus\n2010,\"1,000\"\n",
		  "population.csv:2: column \"population_10_plus\": \"1,000\" "
		  "is not a whole number above 0");
	one_fault(NULL, NULL, "year,population_10_plus\n10,5\n",
		  "population.csv:2: column \"year\": \"10\" is not a year "
		  "(1900 to 2999)");
	ix = run(NULL, NULL, "year,population_10_plus,source\n"
		 "2010, 712300 ,ONS mid-2010\n");
	assert_int_equal(ix_error_count(ix), 0);
	assert_int_equal(ix_population(ix, 0)->year, 2010);
	assert_int_equal(ix_population(ix, 0)->people, 712300);
	assert_string_equal(ix_population(ix, 0)->source, "ONS mid-2010");
	ix_free(ix);
}

static void
check__control_characters_and_encoding(void **state)
{
	(void)state;
	one_fault("ref,surname\nA1,Sm\x07ith\n", NULL, NULL,
		  "offenders.csv:2: column \"surname\": control character "
		  "U+0007 is not allowed (tab and line breaks are allowed "
		  "only in notes)");
	one_fault("ref,surname\nA1,\"Smith\njnr\"\n", NULL, NULL,
		  "offenders.csv:2: column \"surname\": control character "
		  "U+000A (line feed) is not allowed (tab and line breaks are "
		  "allowed only in notes)");
	one_fault("ref,surname,notes\nA1,Smith,\"a\x1b[31m\"\n", NULL, NULL,
		  "offenders.csv:2: column \"notes\": control character "
		  "U+001B is not allowed (only tab and line breaks are)");
	one_fault("ref,surname\nA1,M\xFCller\n", NULL, NULL,
		  "offenders.csv:2: column \"surname\": \"M\\xFCller\" is not "
		  "UTF-8 text (save the file as UTF-8)");
	faultless("ref,surname,notes\nA1,Smith,\"tab\there\nand a line\"\n",
		  NULL, NULL);
}

static void
check__quoting_and_ragged_lines(void **state)
{
	(void)state;
	one_fault("ref,surname,notes\nA1,Smith,a \"quote\" here\n", NULL, NULL,
		  "offenders.csv:2: column \"notes\": broken quoting: a quote "
		  "inside an unquoted field (quote the whole field and double "
		  "the quote: \"a \"\"b\"\" c\")");
	one_fault("ref,surname,notes\nA1,Smith,\"a\" b\n", NULL, NULL,
		  "offenders.csv:2: column \"notes\": broken quoting: text "
		  "after the closing quote (double a quote inside quotes: "
		  "\"a \"\"b\"\" c\")");
	one_fault("ref,surname,notes\nA1,Smith,ok\nA2,Jones,\"never closed\n"
		  "A3,Brown,x\n", NULL, NULL,
		  "offenders.csv:3: column \"notes\": broken quoting: a "
		  "quoted field that starts here is not closed before the end "
		  "of the file");
	one_fault("ref,surname\nA1,Smith,extra\n", NULL, NULL,
		  "offenders.csv:2: the line has 3 fields but the header has "
		  "2 (a comma too many or too few, or a value with a comma "
		  "that is not quoted?)");
}

static void
check__spreadsheet_files_accepted(void **state)
{
	struct ix *ix;

	(void)state;
	ix = run("\xEF\xBB\xBFref,surname,forenames,notes\r\n"
		 "A1,Ó Súilleabháin,José,\"two\r\nlines, and a \"\"quote\"\"\""
		 "\r\n\r\n  A2 , Łukasz ,,  kept  \r\n",
		 "ref,date,event,category,level\r\n"
		 "A1,2010-01-01,register,M1,M2\r\nA2,2010-01-01,register,M3,"
		 "M3\r\n", NULL);
	for (size_t i = 0; i < ix_error_count(ix); i++)
		print_message("fault: %s\n", ix_error(ix, i));
	assert_int_equal(ix_error_count(ix), 0);
	assert_string_equal(ix_offender(ix, 0)->col[IX_O_SURNAME],
			    "Ó Súilleabháin");
	assert_string_equal(ix_offender(ix, 0)->col[IX_O_NOTES],
			    "two\r\nlines, and a \"quote\"");
	assert_string_equal(ix_offender(ix, 1)->col[IX_O_REF], "A2");
	assert_string_equal(ix_offender(ix, 1)->col[IX_O_SURNAME], "Łukasz");
	assert_null(ix_offender(ix, 1)->col[IX_O_FORENAMES]);
	/* Spaces are kept in notes. */
	assert_string_equal(ix_offender(ix, 1)->col[IX_O_NOTES], "  kept  ");
	assert_int_equal(ix_offender(ix, 0)->evs[0].ev.category, 1);
	assert_int_equal(ix_offender(ix, 0)->evs[0].ev.level, 2);
	assert_int_equal(ix_offender(ix, 1)->evs[0].ev.category, 3);
	assert_int_equal(ix_offender(ix, 1)->evs[0].ev.level, 3);
	ix_free(ix);
}

static void
check__twenty_errors_at_most(void **state)
{
	struct strbuf sb;
	struct ix *ix;

	(void)state;
	sb_init(&sb);
	sb_add(&sb, "ref,surname\n");
	for (int i = 0; i < 30; i++)
		sb_printf(&sb, "bad ref %d,Smith\n", i);
	ix = run(sb_str(&sb), NULL, NULL);
	assert_int_equal(ix_error_count(ix), IX_MAX_ERRORS);
	assert_true(ix_more_errors(ix));
	assert_non_null(strstr(ix_error(ix, 19), "offenders.csv:21:"));
	ix_free(ix);
	sb_free(&sb);
}

static void
write__rows_read_back_the_same(void **state)
{
	const char *row[IX_O_NCOLS] = { " A1 ", "Smith, jnr", NULL, NULL,
					NULL, NULL, NULL, NULL, NULL, NULL,
					"  spaced \"note\"\nline" };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct ix *ix;

	(void)state;
	assert_int_equal(ix_write_header(f, IX_OFFENDERS), 0);
	assert_int_equal(ix_write_row(f, IX_OFFENDERS, row), 0);
	fclose(f);
	assert_string_equal(buf, "ref,surname,forenames,dob,gender,pnc,crn,"
			    "visor,district,lead_agency,notes\nA1,\"Smith, "
			    "jnr\",,,,,,,,,\"  spaced \"\"note\"\"\nline\"\n");
	ix = run(buf, NULL, NULL);
	assert_int_equal(ix_error_count(ix), 0);
	assert_string_equal(ix_offender(ix, 0)->col[IX_O_NOTES], row[10]);
	ix_free(ix);
	free(buf);
}

/* --- the data layer ------------------------------------------------------------- */

static struct db_event
event(const char *date, int type, int cat, int level, int kind)
{
	return tu_event(date, type, cat, level, kind, SRC_IMPORT);
}

static void
db_import__writes_records_with_derived_state(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;
	struct db_event evs[3];

	evs[0] = event("2010-01-01", EV_REGISTER, 2, 1, 0);
	evs[1] = event("2010-02-01", EV_LEVEL, 0, 2, 0);
	evs[2] = event("2010-03-01", EV_CUSTODY, 0, 0, CUSTODY_REMAND);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "A1");
	assert_int_equal(db_import_offender(im, &o, evs, 3), DB_OK);
	assert_true(o.id > 0);
	assert_int_equal(o.version, 1);
	assert_int_equal(strlen(o.pseudo), 8);
	assert_int_equal(db_import_end(im, DB_OK), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				  "ref = 'A1' AND category = 2 AND level = 2 "
				  "AND status = 'custody'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events WHERE "
				  "source = 'import' AND decided_by = 'import' "
				  "AND recorded_by = 'alice'"), 3);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'import'"), 1);
	assert_int_equal(tu_count(f->db, "PRAGMA ignore_check_constraints"), 0);
	assert_int_equal(db_integrity_check(f->db), DB_OK);
}

/* The events table takes the later events (the schema's list of types). */
static void
db_import__later_events_stored_and_read_back(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;
	struct db_event evs[5];

	evs[0] = event("2015-04-01", EV_REGISTER, 1, 2, REGISTER_SRO_BREACH);
	evs[1] = event("2015-05-01", EV_ORDER, 0, 0, ORDER_SHPO_FTR);
	evs[2] = event("2015-06-01", EV_CUSTODY, 0, 0, CUSTODY_SHPO_BREACH);
	evs[3] = event("2015-07-01", EV_SFO_CHARGE, 0, 0, 0);
	evs[4] = event("2015-08-01", EV_NOTIFICATION_REVIEW, 0, 0,
		       REVIEW_REFUSED);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "A1");
	assert_int_equal(db_import_offender(im, &o, evs, 5), DB_OK);
	assert_int_equal(db_import_end(im, DB_OK), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events WHERE "
				  "(type = 'register' AND kind = 'sro_breach') "
				  "OR (type = 'order' AND kind = 'SHPO_FTR') "
				  "OR (type = 'custody' AND kind = 'shpo_breach') "
				  "OR (type = 'sfo_charge' AND kind IS NULL) "
				  "OR (type = 'notification_review' AND "
				  "kind = 'refused')"), 5);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				  "ref = 'A1' AND status = 'custody'"), 1);
}

static void
db_import__refuses_a_bad_history_and_writes_nothing(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;
	struct db_event evs[2];

	evs[0] = event("2010-01-01", EV_REGISTER, 3, 2, 0);
	evs[1] = event("2010-02-01", EV_LEVEL, 0, 1, 0);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "OK1");
	assert_int_equal(db_import_offender(im, &o, evs, 1), DB_OK);
	tu_offender(&o, "BAD");
	assert_int_equal(db_import_offender(im, &o, evs, 2), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "Category 3"));
	/* Poisoned: told to commit, it rolls back. */
	assert_int_equal(db_import_end(im, DB_OK), DB_INVALID);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'import'"), 0);
}

static void
db_import__bad_fields_refused(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;
	struct db_event e = event("2010-01-01", EV_REGISTER, 1, 4, 0);

	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "bad ref");
	assert_int_equal(db_import_offender(im, &o, NULL, 0), DB_INVALID);
	db_import_end(im, DB_INVALID);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "A1");
	assert_int_equal(db_import_offender(im, &o, &e, 1), DB_INVALID);
	db_import_end(im, DB_OK);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "A1");
	e = event("2010-01-01", EV_REGISTER, 1, 2, 0);
	e.note = "bell\a";
	assert_int_equal(db_import_offender(im, &o, &e, 1), DB_INVALID);
	db_import_end(im, DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders"), 0);
}

static void
db_import__duplicate_ref_named(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;

	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "DUP");
	assert_int_equal(db_import_offender(im, &o, NULL, 0), DB_OK);
	assert_int_equal(db_import_end(im, DB_OK), DB_OK);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "NEW");
	assert_int_equal(db_import_offender(im, &o, NULL, 0), DB_OK);
	tu_offender(&o, "DUP");
	/* Batched: the fault may show at the flush, named all the same. */
	if (db_import_offender(im, &o, NULL, 0) == DB_OK)
		assert_int_equal(db_import_end(im, DB_OK), DB_INVALID);
	else
		db_import_end(im, DB_OK);
	assert_non_null(strstr(db_errmsg(f->db), "DUP: an offender with this "
				"reference already exists"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders"), 1);
}

static void
db_import__appends_after_recorded_events(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;
	struct db_event e[2];
	struct ev *h = NULL;
	int64_t id;
	size_t n = 0;

	e[0] = event("2010-01-01", EV_REGISTER, 1, 2, 0);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "A1");
	assert_int_equal(db_import_offender(im, &o, e, 1), DB_OK);
	assert_int_equal(db_import_end(im, DB_OK), DB_OK);
	/* Same date: after the recorded register; then exit. */
	e[0] = event("2010-01-01", EV_LEVEL, 0, 3, 0);
	e[1] = event("2011-01-01", EV_EXIT, 0, 0, EXIT_DIED);
	assert_int_equal(db_offender_find(f->db, "A1", &id, NULL, &h, &n),
			 DB_OK);
	assert_int_equal(n, 1);
	free(h);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	assert_int_equal(db_import_events(im, id, e, 2), DB_OK);
	assert_int_equal(db_import_end(im, DB_OK), DB_OK);
	assert_int_equal(db_offender_find(f->db, "A1", &id, NULL, &h, &n),
			 DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(h[0].type, EV_REGISTER);
	assert_int_equal(h[1].type, EV_LEVEL);
	assert_int_equal(h[2].type, EV_EXIT);
	free(h);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				  "version = 2 AND status = 'exited' AND "
				  "level = 3"), 1);
	/* A release for someone not in custody breaks the merged history. */
	e[0] = event("2009-06-01", EV_REGISTER, 1, 1, 0);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	assert_int_equal(db_import_events(im, id, e, 1), DB_INVALID);
	assert_int_equal(db_import_end(im, DB_OK), DB_INVALID);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), 3);
	assert_int_equal(db_offender_find(f->db, "NONE", &id, NULL, NULL,
					  NULL), DB_NOTFOUND);
}

static void
db_import__large_import_rebuilds_indexes(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;
	struct db_event e = event("2010-01-01", EV_REGISTER, 1, 1, 0);
	int64_t before = tu_count(f->db, "SELECT count(*) FROM sqlite_schema "
				       "WHERE type = 'index'");
	char ref[16];

	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(db_import_begin(f->db, &im), DB_OK);
		assert_int_equal(db_import_expect(im, 1500), DB_OK);
		for (int i = 0; i < 1500; i++) {
			snprintf(ref, sizeof ref, "R%d-%d", pass, i);
			tu_offender(&o, ref);
			assert_int_equal(db_import_offender(im, &o, &e, 1),
					 DB_OK);
		}
		/* The first pass fails at the end: all comes back. */
		assert_int_equal(db_import_end(im, pass ? DB_OK : DB_ERROR),
				 pass ? DB_OK : DB_ERROR);
		assert_int_equal(tu_count(f->db, "SELECT count(*) FROM "
					  "sqlite_schema WHERE type = 'index'"),
				 before);
	}
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders"), 1500);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), 1500);
	assert_int_equal(db_integrity_check(f->db), DB_OK);
}

static void
db_import__admin_only(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db *db;
	char err[512];

	assert_int_equal(db_user_add(f->db, "bob", ROLE_MEMBER), DB_OK);
	assert_int_equal(db_open(&db, f->path, "bob", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_import_begin(db, &im), DB_REFUSED);
	assert_null(im);
	assert_int_equal(db_export(db, "x", "d", NULL, NULL, NULL), DB_REFUSED);
	db_close(db);
}

struct rows {
	char text[4096];
	size_t n;
};

static int
collect(void *ctx, enum db_export_file file, const char *const *col,
	size_t n)
{
	struct rows *r = ctx;
	size_t o = strlen(r->text);

	o += (size_t)snprintf(r->text + o, sizeof r->text - o, "%d:", file);
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(r->text + o, sizeof r->text - o, "%s%s",
				      i ? "," : "", col[i] ? col[i] : "-");
	snprintf(r->text + o, sizeof r->text - o, ";");
	r->n++;
	return 0;
}

static void
db_export__ordered_and_audited(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;
	struct db_event e[2];
	struct rows rows;

	e[0] = event("2010-01-01", EV_REGISTER, 1, 2, 0);
	e[1] = event("2010-01-01", EV_LEVEL, 0, 1, 0);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "b2");
	assert_int_equal(db_import_offender(im, &o, e, 2), DB_OK);
	tu_offender(&o, "B1");
	assert_int_equal(db_import_offender(im, &o, e, 1), DB_OK);
	assert_int_equal(db_import_end(im, DB_OK), DB_OK);
	assert_int_equal(db_population_add(f->db, 2010, 5000, NULL), DB_OK);
	memset(&rows, 0, sizeof rows);
	assert_int_equal(db_export(f->db, "the other area", "out", NULL,
				   collect, &rows), DB_OK);
	assert_string_equal(rows.text,
		"0:B1,Zorblewick,-,-,-,-,-,-,-,-,-;"
		"0:B2,Zorblewick,-,-,-,-,-,-,-,-,-;"
		"1:B1,2010-01-01,register,1,2,-,-;"
		"1:B2,2010-01-01,register,1,2,-,-;"
		"1:B2,2010-01-01,level,-,1,-,-;"
		"2:2010,5000,-;");
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'export' AND detail LIKE "
				  "'%recipient: the other area%'"), 1);
	assert_int_equal(db_export(f->db, "bad\nrecipient", "out", NULL,
				   collect, &rows), DB_INVALID);
	/* A disclosure names its recipient. */
	assert_int_equal(db_export(f->db, NULL, "out", NULL, collect, &rows),
			 DB_INVALID);
	assert_int_equal(db_export(f->db, "", "out", NULL, collect, &rows),
			 DB_INVALID);
}

static void
db_export__selection_discloses_only_what_is_chosen(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;
	struct db_event e[2];
	struct rows rows;
	const char *refs[] = { "b1" };
	struct db_export_sel sel;
	char pseudo[16], want[256];

	e[0] = event("2010-01-01", EV_REGISTER, 1, 2, 0);
	e[0].note = "met at the hostel";
	e[1] = event("2010-02-01", EV_LEVEL, 0, 1, 0);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "B2");
	str_copy(o.district, "North", sizeof o.district);
	assert_int_equal(db_import_offender(im, &o, e, 2), DB_OK);
	tu_offender(&o, "B1");
	str_copy(o.district, "South", sizeof o.district);
	str_copy(o.pnc, "2011/0275516Q", sizeof o.pnc);
	assert_int_equal(db_import_offender(im, &o, e, 1), DB_OK);
	assert_int_equal(db_import_end(im, DB_OK), DB_OK);
	str_copy(pseudo, o.pseudo, sizeof pseudo);

	/* One case by its reference (any case), two columns. */
	memset(&sel, 0, sizeof sel);
	sel.refs = refs;
	sel.nrefs = 1;
	sel.columns = 1u << IX_O_DISTRICT;
	memset(&rows, 0, sizeof rows);
	assert_int_equal(db_export(f->db, "Probation", "out", &sel, collect,
				   &rows), DB_OK);
	assert_string_equal(rows.text,
		"0:B1,-,-,-,-,-,-,-,South,-,-;"
		"1:B1,2010-01-01,register,1,2,-,-;");
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'export' AND detail = 'recipient: "
				  "Probation; to: out; cases: 1 (B1); columns: "
				  "ref,district; case file: none'"), 1);

	/* By a filter, pseudonymised: no ref, no identifier, no note. */
	memset(&sel, 0, sizeof sel);
	sel.district = "South";
	sel.pseudonymised = true;
	memset(&rows, 0, sizeof rows);
	assert_int_equal(db_export(f->db, "Research", "out", &sel, collect,
				   &rows), DB_OK);
	snprintf(want, sizeof want, "0:%s,-,-,-,-,-,-,-,South,-,-;"
		 "1:%s,2010-01-01,register,1,2,-,-;", pseudo, pseudo);
	assert_string_equal(rows.text, want);
	assert_null(strstr(rows.text, "B1"));
	assert_null(strstr(rows.text, "0275516Q"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'export' AND detail = 'recipient: "
				  "Research; to: out; cases: 1 (B1); columns: "
				  "ref,gender,district,lead_agency; "
				  "pseudonymised; case file: none'"), 1);

	/* A case that is not recorded is named, and nothing is logged. */
	refs[0] = "NOPE";
	memset(&sel, 0, sizeof sel);
	sel.refs = refs;
	sel.nrefs = 1;
	assert_int_equal(db_export(f->db, "x", "out", &sel, collect, &rows),
			 DB_NOTFOUND);
	assert_non_null(strstr(db_errmsg(f->db), "NOPE"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'export'"), 2);
}

static void
db_export__erased_record_keeps_its_history(void **state)
{
	struct tu_fx *f = *state;
	struct db_import *im;
	struct db_offender o;
	struct db_event e[2];
	struct rows rows;
	bool erased = false;
	int64_t id;

	e[0] = event("2010-01-01", EV_REGISTER, 1, 2, 0);
	e[1] = event("2011-01-01", EV_EXIT, 0, 0, EXIT_DIED);
	e[1].note = "a note about them";
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	tu_offender(&o, "GONE");
	assert_int_equal(db_import_offender(im, &o, e, 2), DB_OK);
	assert_int_equal(db_import_end(im, DB_OK), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				  "retention_review IS NOT NULL"), 1);
	assert_int_equal(db_retention_erase(f->db, o.id, "no longer needed"),
			 DB_OK);
	memset(&rows, 0, sizeof rows);
	assert_int_equal(db_export(f->db, "x", "out", NULL, collect, &rows),
			 DB_OK);
	assert_non_null(strstr(rows.text, "0:ERASED-P"));
	assert_non_null(strstr(rows.text, ",(erased),-,-,-,-,-,-,-,-,-;"));
	assert_non_null(strstr(rows.text, ",2011-01-01,exit,-,-,died,-;"));
	/* No events may be added to it. */
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				  "erased IS NOT NULL"), 1);
	{
		sqlite3_stmt *st;
		char ref[DB_REF_MAX];

		assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT ref "
						    "FROM offenders", -1, &st,
						    NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		str_copy(ref, (const char *)sqlite3_column_text(st, 0),
			 sizeof ref);
		sqlite3_finalize(st);
		assert_int_equal(db_offender_find(f->db, ref, &id, &erased,
						  NULL, NULL), DB_OK);
	}
	assert_true(erased);
	e[0] = event("2012-01-01", EV_REGISTER, 1, 2, 0);
	assert_int_equal(db_import_begin(f->db, &im), DB_OK);
	assert_int_equal(db_import_events(im, id, e, 1), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "erased"));
	db_import_end(im, DB_OK);
}

static void
db_event__imported_reason_and_decider(void **state)
{
	struct db_event e;
	char buf[128];

	(void)state;
	memset(&e, 0, sizeof e);
	e.ev.type = EV_LEVEL;
	e.source = SRC_IMPORT;
	e.decided_by = "import";
	str_copy(e.recorded_by, "alice", sizeof e.recorded_by);
	str_copy(e.recorded_at, "2024-01-02T03:04:05Z", sizeof e.recorded_at);
	assert_string_equal(db_event_reason(&e),
			    "no reason recorded (imported)");
	assert_string_equal(db_event_decider(&e, buf, sizeof buf),
			    "import by alice at 2024-01-02T03:04:05Z");
	e.note = "raised after a breach";
	assert_string_equal(db_event_reason(&e), "raised after a breach");
	e.source = SRC_MAPPA;
	e.note = NULL;
	e.decided_by = "Chair";
	assert_null(db_event_reason(&e));
	assert_string_equal(db_event_decider(&e, buf, sizeof buf), "Chair");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(check__the_example_of_interchange_md),
		cmocka_unit_test(check__dates),
		cmocka_unit_test(check__columns),
		cmocka_unit_test(check__missing_required_values),
		cmocka_unit_test(check__refs),
		cmocka_unit_test(check__values),
		cmocka_unit_test(check__value_in_unused_column),
		cmocka_unit_test(check__later_events_and_kinds),
		cmocka_unit_test(check__state_machine),
		cmocka_unit_test(check__category3_never_at_level1),
		cmocka_unit_test(check__date_order_and_file_order),
		cmocka_unit_test(check__against_the_recorded_history),
		cmocka_unit_test(check__population),
		cmocka_unit_test(check__control_characters_and_encoding),
		cmocka_unit_test(check__quoting_and_ragged_lines),
		cmocka_unit_test(check__spreadsheet_files_accepted),
		cmocka_unit_test(check__twenty_errors_at_most),
		cmocka_unit_test(write__rows_read_back_the_same),
		cmocka_unit_test_setup_teardown(
			db_import__writes_records_with_derived_state, tu_setup,
			tu_teardown),
		cmocka_unit_test_setup_teardown(
			db_import__later_events_stored_and_read_back, tu_setup,
			tu_teardown),
		cmocka_unit_test_setup_teardown(
			db_import__refuses_a_bad_history_and_writes_nothing,
			tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(db_import__bad_fields_refused,
						tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(db_import__duplicate_ref_named,
						tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(
			db_import__appends_after_recorded_events, tu_setup,
			tu_teardown),
		cmocka_unit_test_setup_teardown(
			db_import__large_import_rebuilds_indexes, tu_setup,
			tu_teardown),
		cmocka_unit_test_setup_teardown(db_import__admin_only, tu_setup,
						tu_teardown),
		cmocka_unit_test_setup_teardown(db_export__ordered_and_audited,
						tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(
			db_export__selection_discloses_only_what_is_chosen,
			tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(
			db_export__erased_record_keeps_its_history, tu_setup,
			tu_teardown),
		cmocka_unit_test(db_event__imported_reason_and_decider),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
