/*
 * cmd_process.c -- the case process from the command line (issue 12,
 * cli.md): `mappa case add` (a new case and its registration, no
 * referral), `mappa referral add|list|accept|decline|withdraw` (a
 * referral to Level 2 or 3 and its outcome) and `mappa event add` (one
 * event outside a meeting).  The rules are the data layer's; this file
 * parses and prints.
 */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/context.h"
#include "cli/cli.h"
#include "core/agenda.h"
#include "core/util.h"

/* The options of these commands, each named once. */
enum popt {
	P_NONE = 0x100,
	P_SURNAME, P_CATEGORY, P_LEVEL, P_DATE, P_FORENAMES, P_DOB, P_GENDER,
	P_PNC, P_CRN, P_VISOR, P_DISTRICT, P_LEAD, P_AGENCY, P_REASON,
	P_PENDING, P_FORMAT, P_MEETING, P_EVENT, P_KIND, P_NOTE, P_DECIDED,
	P_NEXT, P_MAX
};

static const struct option popts[] = {
	{ "surname", required_argument, NULL, P_SURNAME },
	{ "category", required_argument, NULL, P_CATEGORY },
	{ "level", required_argument, NULL, P_LEVEL },
	{ "date", required_argument, NULL, P_DATE },
	{ "forenames", required_argument, NULL, P_FORENAMES },
	{ "dob", required_argument, NULL, P_DOB },
	{ "gender", required_argument, NULL, P_GENDER },
	{ "pnc", required_argument, NULL, P_PNC },
	{ "crn", required_argument, NULL, P_CRN },
	{ "visor", required_argument, NULL, P_VISOR },
	{ "district", required_argument, NULL, P_DISTRICT },
	{ "lead", required_argument, NULL, P_LEAD },
	{ "agency", required_argument, NULL, P_AGENCY },
	{ "reason", required_argument, NULL, P_REASON },
	{ "pending", no_argument, NULL, P_PENDING },
	{ "format", required_argument, NULL, P_FORMAT },
	{ "meeting", required_argument, NULL, P_MEETING },
	{ "event", required_argument, NULL, P_EVENT },
	{ "kind", required_argument, NULL, P_KIND },
	{ "note", required_argument, NULL, P_NOTE },
	{ "decided-by", required_argument, NULL, P_DECIDED },
	{ "next-review", required_argument, NULL, P_NEXT },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

#define NOPT (P_MAX - P_NONE)

struct pargs {
	const char *cmd;        /* "case add", "referral accept", ... */
	const char *usage;
	const char *pos[2];
	int npos;
	const char *opt[NOPT];
	bool set[NOPT];
};

#define OPT(a, o) ((a)->opt[(o) - P_NONE])
#define SET(a, o) ((a)->set[(o) - P_NONE])

/*
 * Parse ARGV (ARGV[0] the subcommand) into A: options from ALLOWED
 * (ending with P_NONE), NPOS positional arguments.  Returns EXIT_DONE,
 * or the status to exit with (help printed: -1).
 */
static int
parse(struct pargs *a, int argc, char **argv, const int *allowed, int npos)
{
	int opt;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", popts, NULL)) != -1) {
		bool ok = false;

		if (opt == 'h') {
			printf("Usage: %s %s %s\n", cli_progname, a->cmd,
			       a->usage);
			return -1;
		}
		for (const int *p = allowed; *p != P_NONE; p++)
			ok |= *p == opt;
		if (!ok || opt <= P_NONE || opt >= P_MAX)
			return cli_option_fault(a->cmd, opt, argv);
		OPT(a, opt) = optarg;
		SET(a, opt) = true;
	}
	for (; optind < argc; optind++) {
		if (a->npos == npos)
			return cli_argument_fault(a->cmd, argv[optind]);
		a->pos[a->npos++] = argv[optind];
	}
	if (a->npos != npos)
		return cli_usage(a->cmd, "%s", a->usage);
	return EXIT_DONE;
}

/* A number from MIN to MAX in option O, else a usage error. */
static int
number_opt(struct pargs *a, int o, const char *name, int min, int max,
	   int *v)
{
	const char *s = OPT(a, o);
	char *end;
	long n;

	if (!SET(a, o))
		return EXIT_DONE;
	n = strtol(s, &end, 10);
	if (s[0] == '\0' || *end || n < min || n > max)
		return cli_usage(a->cmd, "--%s: \"%s\" is not %d to %d", name,
				 s, min, max);
	*v = (int)n;
	return EXIT_DONE;
}

static int
date_opt(struct pargs *a, int o, const char *name, mdate *d)
{
	char what[40];

	if (!SET(a, o))
		return EXIT_DONE;
	snprintf(what, sizeof what, "--%s", name);
	return cli_date_arg(a->cmd, what, OPT(a, o), d);
}

/* Copy option O into BUF; too long is refused, never cut short. */
static int
text_opt(struct pargs *a, int o, const char *name, char *buf, size_t n)
{
	if (!SET(a, o))
		return EXIT_DONE;
	if (str_copy(buf, OPT(a, o), n) >= n) {
		cli_error("%s: --%s: at most %zu bytes", a->cmd, name, n - 1);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/* The agency in option O (a code or a name of core/agenda.h's
 * agencies) as its code into BUF; anything else is a usage error naming
 * the codes.  Control characters are refused first, as for any text
 * (status 1, "referred by"). */
static int
agency_opt(struct pargs *a, int o, char *buf, size_t n)
{
	const struct agenda_agency *ag;

	if (!SET(a, o))
		return EXIT_DONE;
	if (!cli_text_ok(a->cmd, "referred by", OPT(a, o), false))
		return EXIT_FAILED;
	/* A value that is not an agency is bad input (status 1, cli.md),
	 * as for an action's or an attendee's agency. */
	if ((ag = agenda_agency_lookup(OPT(a, o))) == NULL) {
		cli_error("%s: --agency: \"%s\" is not an agency (one of %s)",
			  a->cmd, OPT(a, o), agenda_agency_list());
		return EXIT_FAILED;
	}
	str_copy(buf, ag->code, n);
	return EXIT_DONE;
}

/* Report ST from the data layer, and give the exit status. */
static int
done(struct pargs *a, struct db *db, enum db_status st)
{
	int rc;

	if (st != DB_OK)
		cli_error("%s: %s", a->cmd, db_errmsg(db));
	rc = cli_status(st);
	db_close(db);
	return rc;
}

/* The case REF's id into *ID, or the status to exit with. */
static int
find_case(struct pargs *a, struct db *db, const char *ref, int64_t *id)
{
	bool erased = false;
	enum db_status st = db_offender_find(db, ref, id, &erased, NULL,
					     NULL);

	if (st == DB_NOTFOUND || (st == DB_OK && erased)) {
		cli_error("%s: no case with reference %s%s", a->cmd, ref,
			  erased ? " (erased)" : "");
		return EXIT_FAILED;
	}
	if (st != DB_OK) {
		cli_error("%s: %s", a->cmd, db_errmsg(db));
		return cli_status(st);
	}
	return EXIT_DONE;
}

/* --- mappa case add ------------------------------------------------------- */

static int
case_add(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {
		P_SURNAME, P_CATEGORY, P_LEVEL, P_DATE, P_FORENAMES, P_DOB,
		P_GENDER, P_PNC, P_CRN, P_VISOR, P_DISTRICT, P_LEAD, P_NONE
	};
	struct pargs a = { .cmd = "case add", .usage = "REF --surname S "
			   "--category N --level N [--date D] [--forenames F] "
			   "[--dob D] [--gender G] [--pnc P] [--crn C] "
			   "[--visor V] [--district D] [--lead AGENCY]" };
	struct db_offender o;
	struct db *db;
	int category = 0, level = 0, rc;
	mdate date = MDATE_NONE;

	if ((rc = parse(&a, argc, argv, allowed, 1)) != EXIT_DONE)
		return rc < 0 ? EXIT_DONE : rc;
	if ((rc = number_opt(&a, P_CATEGORY, "category", 1, 4, &category)) ||
	    (rc = number_opt(&a, P_LEVEL, "level", 1, 3, &level)) ||
	    (rc = date_opt(&a, P_DATE, "date", &date)))
		return rc;
	if (!SET(&a, P_SURNAME) || !category || !level)
		return cli_usage(a.cmd, "--surname, --category and --level "
				 "are required");
	memset(&o, 0, sizeof o);
	if (str_copy(o.ref, a.pos[0], sizeof o.ref) >= sizeof o.ref) {
		cli_error("%s: the reference is too long", a.cmd);
		return EXIT_FAILED;
	}
	if ((rc = text_opt(&a, P_SURNAME, "surname", o.surname,
			   sizeof o.surname)) ||
	    (rc = text_opt(&a, P_FORENAMES, "forenames", o.forenames,
			   sizeof o.forenames)) ||
	    (rc = text_opt(&a, P_DOB, "dob", o.dob, sizeof o.dob)) ||
	    (rc = text_opt(&a, P_GENDER, "gender", o.gender,
			   sizeof o.gender)) ||
	    (rc = text_opt(&a, P_PNC, "pnc", o.pnc, sizeof o.pnc)) ||
	    (rc = text_opt(&a, P_CRN, "crn", o.crn, sizeof o.crn)) ||
	    (rc = text_opt(&a, P_VISOR, "visor", o.visor, sizeof o.visor)) ||
	    (rc = text_opt(&a, P_DISTRICT, "district", o.district,
			   sizeof o.district)) ||
	    (rc = text_opt(&a, P_LEAD, "lead", o.lead_agency,
			   sizeof o.lead_agency)))
		return rc;
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (date == MDATE_NONE && cli_db_today(db, &date) != 0) {
		db_close(db);
		return EXIT_FAILED;
	}
	return done(&a, db, db_case_add(db, &o, category, level, date,
					MDATE_NONE));
}

int
cmd_case(struct cli *c, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return case_add(c, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		printf("Usage: %s case add REF --surname S --category N "
		       "--level N [--date D] [...]\n", cli_progname);
		return EXIT_DONE;
	}
	return cli_usage("case", "which: add?");
}

/* --- mappa referral --------------------------------------------------------- */

static int
referral_add(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = { P_LEVEL, P_AGENCY, P_REASON, P_DATE,
				       P_NONE };
	struct pargs a = { .cmd = "referral add", .usage = "REF --level 2|3 "
			   "--agency AGENCY --reason TEXT [--date D]" };
	struct db_referral r;
	struct db *db;
	enum db_status st;
	int64_t id;
	int level = 0, rc;
	mdate date = MDATE_NONE, today;

	if ((rc = parse(&a, argc, argv, allowed, 1)) != EXIT_DONE)
		return rc < 0 ? EXIT_DONE : rc;
	if ((rc = number_opt(&a, P_LEVEL, "level", 2, 3, &level)) ||
	    (rc = date_opt(&a, P_DATE, "date", &date)))
		return rc;
	if (!level || !SET(&a, P_AGENCY) || !SET(&a, P_REASON))
		return cli_usage(a.cmd, "--level 2|3, --agency and --reason "
				 "are required");
	memset(&r, 0, sizeof r);
	r.proposed_level = level;
	r.reason = OPT(&a, P_REASON);
	if ((rc = agency_opt(&a, P_AGENCY, r.agency, sizeof r.agency)))
		return rc;
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (cli_db_today(db, &today) != 0) {
		db_close(db);
		return EXIT_FAILED;
	}
	date_format(date == MDATE_NONE ? today : date, r.date);
	if ((rc = find_case(&a, db, a.pos[0], &id)) != EXIT_DONE) {
		db_close(db);
		return rc;
	}
	st = db_referral_refer(db, id, today, &r);
	if (st == DB_OK)
		printf("%lld\n", (long long)r.id);
	return done(&a, db, st);
}

static void
referral_header(bool csv)
{
	if (csv)
		printf("id,ref,date,agency,level,outcome,meeting\n");
	else
		printf("%5s  %-14s  %-10s  %-23s  %5s  %-9s  %-10s  %7s\n",
		       "ID", "Case", "Referred", "Agency", "Level", "Outcome",
		       "Due", "Meeting");
}

static void
print_referral(bool csv, const struct db_referral *r)
{
	if (csv) {
		printf("%lld,", (long long)r->id);
		cli_csv_field(r->ref);
		printf(",%s,", r->date);
		cli_csv_field(r->agency);
		printf(",%d,%s,", r->proposed_level,
		       referral_outcome_name(r->outcome));
		if (r->meeting_id)
			printf("%lld", (long long)r->meeting_id);
		putchar('\n');
		return;
	}
	printf("%5lld  %-14s  %s  %-23.23s  %5d  %-9s  %-10s  ",
	       (long long)r->id, cli_line(r->ref), r->date,
	       cli_line(agenda_agency_label(r->agency)), r->proposed_level,
	       referral_outcome_name(r->outcome), r->due[0] ? r->due : "-");
	if (r->meeting_id)
		printf("%7lld", (long long)r->meeting_id);
	else
		printf("%7s", "-");
	printf("%s\n", r->overdue ? "  OVERDUE" : "");
}

static int
referral_list(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = { P_PENDING, P_FORMAT, P_NONE };
	struct pargs a = { .cmd = "referral list",
			   .usage = "[--pending] [--format text|csv]" };
	struct app_context ctx;
	struct db_referrals list = { 0 };
	int64_t *ids = NULL;
	struct db *db;
	enum db_status st;
	bool csv = false;
	int rc;

	if ((rc = parse(&a, argc, argv, allowed, 0)) != EXIT_DONE)
		return rc < 0 ? EXIT_DONE : rc;
	if (SET(&a, P_FORMAT) &&
	    (rc = cli_format_parse(a.cmd, OPT(&a, P_FORMAT), &csv)) !=
	    EXIT_DONE)
		return rc;
	if ((rc = cli_open_context(c, 0, true, &db, &ctx)) != EXIT_DONE)
		return rc;
	st = db_referral_all(db, SET(&a, P_PENDING), ctx.today, &ctx.holidays,
			     &list);
	if (st == DB_OK &&
	    (ids = calloc((size_t)list.n + 1, sizeof *ids)) == NULL) {
		cli_error("%s: out of memory", a.cmd);
		db_referrals_free(&list);
		app_context_free(&ctx);
		db_close(db);
		return EXIT_FAILED;
	}
	/* The header goes out once the data layer has allowed the list. */
	if (st == DB_OK)
		referral_header(csv);
	for (int i = 0; st == DB_OK && i < list.n; i++) {
		print_referral(csv, &list.v[i]);
		ids[i] = list.v[i].offender_id;
	}
	/* One row for the list: who saw which cases' referrals. */
	if (st == DB_OK)
		st = db_audit_consult(db, "referrals.view", ids,
				      (size_t)list.n,
				      SET(&a, P_PENDING) ? "pending referrals"
							 : "all referrals");
	free(ids);
	db_referrals_free(&list);
	app_context_free(&ctx);
	return done(&a, db, st);
}

static int
referral_decide(struct cli *c, int argc, char **argv,
		enum referral_outcome outcome)
{
	static const int allowed[] = { P_MEETING, P_REASON, P_NONE };
	char cmd[32];
	struct pargs a = { .cmd = cmd, .usage = "ID [--meeting MID] "
			   "[--reason TEXT]" };
	struct db *db;
	int64_t id, meeting = 0;
	int rc;

	snprintf(cmd, sizeof cmd, "referral %s", argv[0]);
	if ((rc = parse(&a, argc, argv, allowed, 1)) != EXIT_DONE)
		return rc < 0 ? EXIT_DONE : rc;
	if ((rc = cli_id_arg(a.cmd, NULL, a.pos[0], "a referral", &id)) !=
	    EXIT_DONE)
		return rc;
	if (SET(&a, P_MEETING) &&
	    (rc = cli_id_arg(a.cmd, "--meeting", OPT(&a, P_MEETING),
			     "a meeting", &meeting)) != EXIT_DONE)
		return rc;
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	return done(&a, db, db_referral_decide(db, id, outcome, meeting,
					       OPT(&a, P_REASON)));
}

int
cmd_referral(struct cli *c, int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : "";

	if (strcmp(sub, "add") == 0)
		return referral_add(c, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return referral_list(c, argc - 1, argv + 1);
	if (strcmp(sub, "accept") == 0)
		return referral_decide(c, argc - 1, argv + 1,
				       REFERRAL_ACCEPTED);
	if (strcmp(sub, "decline") == 0)
		return referral_decide(c, argc - 1, argv + 1,
				       REFERRAL_DECLINED);
	if (strcmp(sub, "withdraw") == 0)
		return referral_decide(c, argc - 1, argv + 1,
				       REFERRAL_WITHDRAWN);
	if (strcmp(sub, "--help") == 0) {
		printf("Usage: %s referral add REF --level 2|3 --agency AGENCY "
		       "--reason TEXT [--date D]\n"
		       "       %s referral list [--pending] "
		       "[--format text|csv]\n"
		       "       %s referral accept|decline|withdraw ID "
		       "[--meeting MID] [--reason TEXT]\n"
		       "Agencies (a code, or its name): %s\n", cli_progname,
		       cli_progname, cli_progname, agenda_agency_list());
		return EXIT_DONE;
	}
	return cli_usage("referral", "which: add, list, accept, decline, "
			 "withdraw?");
}

/* --- mappa event add ------------------------------------------------------------ */

static int
event_add(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = { P_EVENT, P_DATE, P_CATEGORY, P_LEVEL,
				       P_KIND, P_NOTE, P_DECIDED, P_NONE };
	struct pargs a = { .cmd = "event add", .usage = "REF --event E "
			   "--date D [--category N] [--level N] [--kind K] "
			   "[--note TEXT] [--decided-by TEXT]" };
	struct db_event e;
	struct db *db;
	const char *why;
	int64_t id, version = 0;
	int type, category = 0, level = 0, kind = 0, rc;
	mdate date = MDATE_NONE, today;

	if ((rc = parse(&a, argc, argv, allowed, 1)) != EXIT_DONE)
		return rc < 0 ? EXIT_DONE : rc;
	if (!SET(&a, P_EVENT) || !SET(&a, P_DATE))
		return cli_usage(a.cmd, "--event and --date are required");
	if ((type = ev_type_parse(OPT(&a, P_EVENT))) < 0)
		return cli_usage(a.cmd, "--event: \"%s\" is not an event",
				 OPT(&a, P_EVENT));
	if ((rc = date_opt(&a, P_DATE, "date", &date)) ||
	    (rc = number_opt(&a, P_CATEGORY, "category", 1, 4, &category)) ||
	    (rc = number_opt(&a, P_LEVEL, "level", 1, 3, &level)))
		return rc;
	if (SET(&a, P_KIND) &&
	    (kind = ev_kind_parse(type, OPT(&a, P_KIND))) <= 0) {
		cli_error("%s: --kind: \"%s\" is not a kind of %s event",
			  a.cmd, OPT(&a, P_KIND), ev_type_name(type));
		return EXIT_FAILED;
	}
	/* A value the event does not use is an error (interchange.md). */
	if ((category && !ev_needs_category(type)) ||
	    (level && !ev_needs_level(type)) ||
	    (kind && !ev_needs_kind(type))) {
		cli_error("%s: a %s event takes no --%s", a.cmd,
			  ev_type_name(type), category && !ev_needs_category(
				  type) ? "category" : level &&
			  !ev_needs_level(type) ? "level" : "kind");
		return EXIT_FAILED;
	}
	memset(&e, 0, sizeof e);
	e.ev.date = date;
	e.ev.type = (uint8_t)type;
	e.ev.category = (uint8_t)category;
	e.ev.level = (uint8_t)level;
	e.ev.kind = (uint8_t)kind;
	e.note = OPT(&a, P_NOTE);
	e.decided_by = OPT(&a, P_DECIDED);
	e.source = SRC_MAPPA;
	if ((why = ev_check_fields(&e.ev)) != NULL) {
		cli_error("%s: %s", a.cmd, why);
		return EXIT_FAILED;
	}
	if (type == EV_LEVEL && (!e.note || !*e.note || !e.decided_by ||
				 !*e.decided_by)) {
		cli_error("%s: a level event needs --note (the reason) and "
			  "--decided-by", a.cmd);
		return EXIT_FAILED;
	}
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (cli_db_today(db, &today) != 0) {
		db_close(db);
		return EXIT_FAILED;
	}
	if (!process_may_record(date, today)) {
		cli_error("%s: --date: after today", a.cmd);
		db_close(db);
		return EXIT_FAILED;
	}
	if ((rc = find_case(&a, db, a.pos[0], &id)) != EXIT_DONE) {
		db_close(db);
		return rc;
	}
	if (db_offender_version(db, id, &version) != DB_OK)
		return done(&a, db, DB_ERROR);
	return done(&a, db, db_case_event(db, id, &version, &e, 0,
					  MDATE_NONE, today));
}

int
cmd_event(struct cli *c, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return event_add(c, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		printf("Usage: %s event add REF --event E --date D "
		       "[--category N] [--level N] [--kind K] [--note TEXT] "
		       "[--decided-by TEXT]\n", cli_progname);
		return EXIT_DONE;
	}
	return cli_usage("event", "which: add?");
}
