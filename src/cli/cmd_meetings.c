/*
 * cmd_meetings.c -- `mappa meetings` (the list, cli.md) and `mappa
 * meeting SUBCOMMAND`: what a coordinator needs to script the week
 * without the screens -- schedule, edit, hold and cancel a meeting,
 * invite agencies and record attendance, build the agenda (by hand or
 * from the proposal), minute a case, decide its level, add actions
 * (issue 7).
 *
 * The subcommands are one table: name, arguments, the options each
 * takes, and its handler, so that --help and the checks come from the
 * same place.  Cases are named by their reference; meetings by id.
 */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/context.h"
#include "cli/cli.h"
#include "core/status.h"
#include "core/util.h"

/* --- mappa meetings --------------------------------------------------------- */

static void
print_meeting(const struct db_meeting *m, bool csv)
{
	char cases[24];

	if (csv) {
		printf("%lld,%s,%s,%d,%s,", (long long)m->id, m->date, m->time,
		       m->level, meeting_status_name(m->status));
		cli_csv_field(m->chair);
		putchar(',');
		cli_csv_field(m->venue);
		printf(",%d\n", m->cases);
		return;
	}
	if (m->status == MEETING_HELD && m->discussed != m->cases)
		snprintf(cases, sizeof cases, "%d/%d", m->discussed, m->cases);
	else
		snprintf(cases, sizeof cases, "%d", m->cases);
	printf("%5lld  %s  %-5s  %-5d  %-9s  %5s  %-40.40s  %s\n",
	       (long long)m->id, m->date, m->time[0] ? m->time : "-", m->level,
	       meeting_status_name(m->status), cases,
	       m->chair[0] ? cli_line(m->chair) : "-",
	       cli_line(m->venue));
}

int
cmd_meetings(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "level", required_argument, NULL, 'l' },
		{ "status", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_meeting_query q = { MDATE_NONE, MDATE_NONE, 0, -1 };
	struct db_meetings list = { 0 };
	struct db *db;
	enum db_status st;
	bool csv = false;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if ((rc = cli_date_arg("meetings", "--from", optarg,
						 &q.from)) != EXIT_DONE)
				return rc;
			break;
		case 't':
			if ((rc = cli_date_arg("meetings", "--to", optarg,
						 &q.to)) != EXIT_DONE)
				return rc;
			break;
		case 'l':
			if (strcmp(optarg, "2") != 0 && strcmp(optarg, "3") != 0)
				return cli_usage("meetings", "--level: 2 or 3");
			q.level = atoi(optarg);
			break;
		case 's':
			if ((q.status = meeting_status_parse(optarg)) < 0)
				return cli_usage("meetings", "--status: "
						 "scheduled, held or "
						 "cancelled");
			break;
		case 'F':
			if ((rc = cli_format_parse("meetings", optarg, &csv))
			    != EXIT_DONE)
				return rc;
			break;
		case 'h':
			cli_command_help("meetings");
			return EXIT_DONE;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("meetings", opt, argv);
		}
	}
	if (optind < argc)
		return cli_argument_fault("meetings", argv[optind]);
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (csv)
		printf("id,date,time,level,status,chair,venue,cases\n");
	else
		printf("%5s  %-10s  %-5s  %-5s  %-9s  %5s  %-40s  %s\n", "ID",
		       "Date", "Time", "Level", "Status", "Cases", "Chair",
		       "Venue");
	st = db_meeting_list(db, &q, &list);
	for (int i = 0; i < list.n; i++)
		print_meeting(&list.v[i], csv);
	db_list_free(&list);
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	db_close(db);
	return cli_status(st);
}

/* --- mappa meeting SUBCOMMAND -------------------------------------------------- */

enum opt_id {
	O_NONE,
	O_DATE, O_TIME, O_LEVEL, O_CHAIR, O_VENUE, O_INVITE, O_REASON,
	O_ADD, O_TO, O_KIND, O_NEXT, O_DISCUSSED, O_TEXT, O_AGENCY, O_OWNER,
	O_DUE, O_DONE, O_UNDO, O_ROLE, O_REPLACE, O_FORCE,
	O_MIN0, /* the minutes' texts, in enum db_minutes_text order */
	O_MAX = O_MIN0 + DB_MIN_TEXTS
};

static const struct option longopts[] = {
	{ "date", required_argument, NULL, O_DATE },
	{ "time", required_argument, NULL, O_TIME },
	{ "level", required_argument, NULL, O_LEVEL },
	{ "chair", required_argument, NULL, O_CHAIR },
	{ "venue", required_argument, NULL, O_VENUE },
	{ "invite", required_argument, NULL, O_INVITE },
	{ "reason", required_argument, NULL, O_REASON },
	{ "add", no_argument, NULL, O_ADD },
	{ "to", required_argument, NULL, O_TO },
	{ "kind", required_argument, NULL, O_KIND },
	{ "next-review", required_argument, NULL, O_NEXT },
	{ "discussed", no_argument, NULL, O_DISCUSSED },
	{ "text", required_argument, NULL, O_TEXT },
	{ "agency", required_argument, NULL, O_AGENCY },
	{ "owner", required_argument, NULL, O_OWNER },
	{ "due", required_argument, NULL, O_DUE },
	{ "done", required_argument, NULL, O_DONE },
	{ "undo", no_argument, NULL, O_UNDO },
	{ "role", required_argument, NULL, O_ROLE },
	{ "replace", no_argument, NULL, O_REPLACE },
	{ "force", no_argument, NULL, O_FORCE },
	{ "decision", required_argument, NULL, O_MIN0 + DB_MIN_DECISION },
	{ "rationale", required_argument, NULL, O_MIN0 + DB_MIN_RATIONALE },
	{ "dissent", required_argument, NULL, O_MIN0 + DB_MIN_DISSENT },
	{ "supervision", required_argument, NULL,
	  O_MIN0 + DB_MIN_RMP_SUPERVISION },
	{ "monitoring", required_argument, NULL,
	  O_MIN0 + DB_MIN_RMP_MONITORING },
	{ "interventions", required_argument, NULL,
	  O_MIN0 + DB_MIN_RMP_INTERVENTIONS },
	{ "victim-safety", required_argument, NULL,
	  O_MIN0 + DB_MIN_RMP_VICTIM_SAFETY },
	{ "contingencies", required_argument, NULL,
	  O_MIN0 + DB_MIN_CONTINGENCIES },
	{ "victim-issues", required_argument, NULL,
	  O_MIN0 + DB_MIN_VICTIM_ISSUES },
	{ "disclosure", required_argument, NULL, O_MIN0 + DB_MIN_DISCLOSURE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* What one run of a subcommand was given. */
struct args {
	const char *pos[4]; /* positional arguments after the subcommand */
	int npos;
	const char *opt[O_MAX];
	bool set[O_MAX];
	struct db *db;
	struct cli *cli;
	bool reported;      /* a failure was reported here already */
};

struct subcommand {
	const char *name;
	int nargs;            /* positional arguments, exactly (-1: 2+) */
	const char *usage;
	const int *opts;      /* allowed options, ending with O_NONE */
	enum db_status (*run)(struct args *a);
};

/* --- helpers ------------------------------------------------------------------ */

static enum db_status
fail(struct args *a, enum db_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Print a message for a failure found here (not in the data layer). */
static enum db_status
fail(struct args *a, enum db_status st, const char *fmt, ...)
{
	va_list ap;

	char *msg = NULL;

	a->reported = true;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	cli_error("meeting: %s", msg ? msg : fmt);
	free(msg);
	return st;
}

/* The failure was a usage error, already reported. */
#define ST_USAGE ((enum db_status)-1)

static enum db_status
meeting_id(struct args *a, int i, int64_t *id)
{
	if (cli_id_arg("meeting", NULL, a->pos[i], "a meeting", id) !=
	    EXIT_DONE)
		return ST_USAGE;
	return DB_OK;
}

static enum db_status
case_id(struct args *a, int i, int64_t *id)
{
	bool erased = false;
	enum db_status st = db_offender_find(a->db, a->pos[i], id, &erased,
					     NULL, NULL);

	if (st == DB_NOTFOUND)
		return fail(a, DB_NOTFOUND, "no case with reference %s",
			    a->pos[i]);
	if (st == DB_OK && erased)
		return fail(a, DB_INVALID, "case %s was erased",
			    a->pos[i]);
	return st;
}

/* The agenda item of the case named by pos[1] at meeting pos[0]. */
static enum db_status
item_of(struct args *a, int64_t *meeting, int64_t *offender, int64_t *item)
{
	enum db_status st;

	if ((st = meeting_id(a, 0, meeting)) != DB_OK)
		return st;
	if ((st = case_id(a, 1, offender)) != DB_OK)
		return st;
	return db_agenda_find(a->db, *meeting, *offender, item);
}

static enum db_status
date_opt(struct args *a, int o, const char *name, mdate *d)
{
	*d = MDATE_NONE;
	if (!a->set[o])
		return DB_OK;
	if (cli_date_arg("meeting", name, a->opt[o], d) != EXIT_DONE)
		return ST_USAGE;
	return DB_OK;
}

static enum db_status
level_opt(struct args *a, int o, const char *name, int *level)
{
	const char *s = a->opt[o];

	if (!a->set[o])
		return DB_OK;
	if (!s || s[0] < '1' || s[0] > '3' || s[1]) {
		cli_usage("meeting", "%s: \"%s\" is not a level", name,
			  s ? s : "");
		return ST_USAGE;
	}
	*level = s[0] - '0';
	return DB_OK;
}

/* Copy option O (when given) into BUF of N bytes; one too long for it is
 * refused, never cut short. */
static enum db_status
text_opt(struct args *a, int o, const char *name, char *buf, size_t n)
{
	if (!a->set[o])
		return DB_OK;
	if (str_copy(buf, a->opt[o], n) >= n)
		return fail(a, DB_INVALID, "%s: at most %zu bytes", name,
			    n - 1);
	return DB_OK;
}

/* --- subcommands ---------------------------------------------------------------- */

static enum db_status
sub_add(struct args *a)
{
	struct db_meeting m;
	const char *inv[32];
	char list[512];
	size_t n = 0;
	enum db_status st;
	mdate d;
	int level = 0;

	memset(&m, 0, sizeof m);
	if (cli_date_arg("meeting", "add", a->pos[0], &d) != EXIT_DONE)
		return ST_USAGE;
	str_copy(m.date, a->pos[0], sizeof m.date);
	if ((st = level_opt(a, O_LEVEL, "--level", &level)) != DB_OK)
		return st;
	if (level == 0) {
		cli_usage("meeting", "add: --level 2 or 3 is required");
		return ST_USAGE;
	}
	m.level = level;
	if (a->set[O_TIME])
		str_copy(m.time, a->opt[O_TIME], sizeof m.time);
	if (a->set[O_TIME] && strlen(a->opt[O_TIME]) >= sizeof m.time)
		return fail(a, DB_INVALID, "--time: HH:MM");
	if ((st = text_opt(a, O_CHAIR, "--chair", m.chair,
			   sizeof m.chair)) != DB_OK ||
	    (st = text_opt(a, O_VENUE, "--venue", m.venue,
			   sizeof m.venue)) != DB_OK ||
	    (st = text_opt(a, O_INVITE, "--invite", list,
			   sizeof list)) != DB_OK)
		return st;
	if (a->set[O_INVITE]) {
		char *p, *save = NULL;

		if (strcmp(list, "none") != 0)
			for (p = strtok_r(list, ", ", &save); p;
			     p = strtok_r(NULL, ", ", &save)) {
				if (n == NELEM(inv))
					return fail(a, DB_INVALID, "--invite: "
						    "at most %zu agencies",
						    NELEM(inv));
				inv[n++] = p;
			}
	} else {
		n = agenda_invited_default(inv, NELEM(inv));
	}
	if ((st = db_meeting_add(a->db, &m, inv, n)) == DB_OK)
		printf("%lld\n", (long long)m.id);
	return st;
}

static enum db_status
sub_edit(struct args *a)
{
	struct db_meeting base, m;
	enum db_status st;
	int64_t id;
	mdate d;
	int level = 0;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	if ((st = date_opt(a, O_DATE, "--date", &d)) != DB_OK ||
	    (st = level_opt(a, O_LEVEL, "--level", &level)) != DB_OK)
		return st;
	if ((st = db_meeting_get(a->db, id, &base)) != DB_OK)
		return st;
	m = base;
	if (a->set[O_DATE])
		str_copy(m.date, a->opt[O_DATE], sizeof m.date);
	if (a->set[O_TIME]) {
		if (strlen(a->opt[O_TIME]) >= sizeof m.time)
			return fail(a, DB_INVALID, "--time: HH:MM");
		str_copy(m.time, a->opt[O_TIME], sizeof m.time);
	}
	if (level)
		m.level = level;
	if ((st = text_opt(a, O_CHAIR, "--chair", m.chair,
			   sizeof m.chair)) != DB_OK ||
	    (st = text_opt(a, O_VENUE, "--venue", m.venue,
			   sizeof m.venue)) != DB_OK)
		return st;
	return db_meeting_update(a->db, &base, &m);
}

static enum db_status
sub_hold(struct args *a)
{
	enum db_status st;
	int64_t id;

	mdate today;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	if (cli_db_today(a->db, &today) != 0)
		return fail(a, DB_INVALID, "hold: today's date is not known");
	return db_meeting_hold(a->db, id, today, NULL);
}

static enum db_status
sub_reopen(struct args *a)
{
	enum db_status st;
	int64_t id;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	if (!a->set[O_REASON]) {
		cli_usage("meeting", "reopen: --reason TEXT is required");
		return ST_USAGE;
	}
	return db_meeting_reopen(a->db, id, a->opt[O_REASON], NULL);
}

static enum db_status
sub_cancel(struct args *a)
{
	enum db_status st;
	int64_t id;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	return db_meeting_cancel(a->db, id, NULL);
}

static enum db_status
sub_invite(struct args *a)
{
	enum db_status st;
	int64_t id;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	return db_meeting_invite(a->db, id, a->pos[1], !a->set[O_UNDO]);
}

static enum db_status
sub_attend(struct args *a)
{
	enum db_status st;
	const char *att = a->pos[2];
	int64_t id;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	if (strcmp(att, "none") == 0)
		att = NULL;
	return db_meeting_attendance(a->db, id, a->pos[1], NULL, att);
}

static enum db_status
sub_agenda_add(struct args *a)
{
	enum db_status st;
	const char *reason;
	int64_t meeting, offender, item, referral;

	if ((st = meeting_id(a, 0, &meeting)) != DB_OK ||
	    (st = case_id(a, 1, &offender)) != DB_OK)
		return st;
	reason = agenda_reason_name(db_agenda_default_reason(a->db, offender,
							     &referral));
	if (a->set[O_REASON])
		reason = a->opt[O_REASON];
	if (agenda_reason_parse(reason) != AGENDA_INITIAL)
		referral = 0;
	st = db_agenda_add(a->db, meeting, offender, reason, referral,
			   a->set[O_FORCE], &item);
	if (st == DB_OK)
		printf("%lld\n", (long long)item);
	else if (st == DB_INVALID && strstr(db_errmsg(a->db), "on purpose"))
		return fail(a, st, "agenda-add: %s (--force adds it)",
			    db_errmsg(a->db));
	return st;
}

static enum db_status
sub_agenda_remove(struct args *a)
{
	enum db_status st;
	int64_t meeting, offender, item;

	if ((st = item_of(a, &meeting, &offender, &item)) != DB_OK)
		return st;
	return db_agenda_remove(a->db, item);
}

static enum db_status
sub_agenda_move(struct args *a)
{
	enum db_status st;
	int64_t meeting, offender, item;
	char *end;
	long pos = strtol(a->pos[2], &end, 10);

	if (a->pos[2][0] == '\0' || *end || pos < 1) {
		cli_usage("meeting", "agenda-move: \"%s\" is not a position",
			  a->pos[2]);
		return ST_USAGE;
	}
	if ((st = item_of(a, &meeting, &offender, &item)) != DB_OK)
		return st;
	return db_agenda_move(a->db, item, pos > 100000 ? 100000 : (int)pos);
}

static enum db_status
sub_propose(struct args *a)
{
	struct app_context ctx;
	struct db_agenda_proposals ps = { 0 };
	enum db_status st;
	int64_t meeting;
	mdate today;

	if ((st = meeting_id(a, 0, &meeting)) != DB_OK)
		return st;
	if (cli_context(a->db, &ctx) != 0) {
		app_context_free(&ctx);
		return DB_INVALID;
	}
	today = ctx.today;
	st = db_agenda_propose(a->db, meeting, today, &ctx.holidays, &ps);
	app_context_free(&ctx);
	for (int i = 0; st == DB_OK && i < ps.n; i++) {
		const struct db_agenda_proposal *p = &ps.v[i];

		if (a->set[O_ADD])
			st = db_agenda_add(a->db, meeting, p->offender_id,
					   agenda_reason_name(p->reason),
					   p->referral_id, false, NULL);
		if (st == DB_OK)
			printf("%-10s %-30.30s cat %d level %d %-8s due %s%s\n",
			       p->ref, cli_line(p->surname), p->category,
			       p->level,
			       agenda_reason_name(p->reason),
			       p->due[0] ? p->due : "-",
			       p->overdue ? " OVERDUE" : "");
	}
	if (st == DB_OK) {
		/* The list shows names: a consultation of each case. */
		int64_t *ids = malloc((size_t)(ps.n ? ps.n : 1) * sizeof *ids);
		char detail[64];

		if (ids == NULL) {
			db_list_free(&ps);
			return fail(a, DB_ERROR, "out of memory");
		}
		for (int i = 0; i < ps.n; i++)
			ids[i] = ps.v[i].offender_id;
		snprintf(detail, sizeof detail, "meeting %lld",
			 (long long)meeting);
		st = db_audit_consult(a->db, "meeting.propose", ids,
				      (size_t)ps.n, detail);
		free(ids);
	}
	if (st == DB_OK)
		fprintf(stderr, "%s: %d case%s %s\n", cli_progname, ps.n,
			ps.n == 1 ? "" : "s",
			a->set[O_ADD] ? "added to the agenda" : "proposed");
	db_list_free(&ps);
	return st;
}

static enum db_status
sub_discussed(struct args *a)
{
	enum db_status st;
	int64_t meeting, offender, item;

	if ((st = item_of(a, &meeting, &offender, &item)) != DB_OK)
		return st;
	return db_agenda_discussed(a->db, item, !a->set[O_UNDO]);
}

static enum db_status
sub_minute(struct args *a)
{
	struct db_minutes base, m;
	enum db_status st;
	int64_t meeting, offender, item;
	mdate d;
	bool oom = false;

	if ((st = item_of(a, &meeting, &offender, &item)) != DB_OK)
		return st;
	if (a->set[O_NEXT] && strcmp(a->opt[O_NEXT], "none") != 0 &&
	    (st = date_opt(a, O_NEXT, "--next-review", &d)) != DB_OK)
		return st;
	if ((st = db_minutes_get(a->db, item, &base)) != DB_OK)
		return st;
	memset(&m, 0, sizeof m);
	m.item_id = item;
	m.version = base.version;
	for (int t = 0; t < DB_MIN_TEXTS; t++) {
		const char *v = a->set[O_MIN0 + t] ? a->opt[O_MIN0 + t]
						   : base.text[t];

		if (v && *v && (m.text[t] = strdup(v)) == NULL)
			oom = true;
	}
	str_copy(m.next_review, base.next_review, sizeof m.next_review);
	if (a->set[O_NEXT])
		str_copy(m.next_review, strcmp(a->opt[O_NEXT], "none") == 0
			 ? "" : a->opt[O_NEXT], sizeof m.next_review);
	st = oom ? fail(a, DB_ERROR, "out of memory")
		 : db_minutes_save(a->db, &base, &m);
	if (st == DB_OK && a->set[O_DISCUSSED])
		st = db_agenda_discussed(a->db, item, true);
	db_minutes_clear(&base);
	db_minutes_clear(&m);
	return st;
}

static enum db_status
sub_level(struct args *a)
{
	struct db_level_decision d;
	struct db_minutes m;
	enum db_status st;
	int64_t meeting, offender, item, event = 0;
	const char *dec = a->pos[2];
	int parsed = level_decision_parse(dec);

	if ((st = item_of(a, &meeting, &offender, &item)) != DB_OK)
		return st;
	memset(&d, 0, sizeof d);
	/* An unknown word is DECISION_NONE, which the data layer refuses
	 * with the decisions it knows. */
	d.decision = parsed < 0 ? DECISION_NONE : (enum level_decision)parsed;
	d.reason = a->set[O_REASON] ? a->opt[O_REASON] : NULL;
	d.replace = a->set[O_REPLACE];
	if ((st = date_opt(a, O_NEXT, "--next-review", &d.next_review)) !=
	    DB_OK || (st = level_opt(a, O_TO, "--to", &d.level)) != DB_OK)
		return st;
	if (d.decision == DECISION_EXIT) {
		const char *k = a->set[O_KIND] ? a->opt[O_KIND] : "";

		d.exit_kind = ev_kind_parse(EV_EXIT, k);
		if (d.exit_kind <= 0) {
			cli_usage("meeting", "level exit: --kind "
				  "registration_ended, licence_ended, "
				  "risk_reduced, died, transferred_out or "
				  "other");
			return ST_USAGE;
		}
	}
	/* The case as it is now: the command line shows no older copy. */
	st = db_minutes_level(a->db, item, NULL, &d, &event);
	if (st == DB_OK && db_minutes_get(a->db, item, &m) == DB_OK) {
		if (event)
			printf("%s: %s (event %lld); next review %s\n",
			       a->pos[1], dec, (long long)event,
			       m.next_review[0] ? m.next_review : "none");
		else
			printf("%s: %s; next review %s\n", a->pos[1], dec,
			       m.next_review[0] ? m.next_review : "none");
		db_minutes_clear(&m);
	}
	return st;
}

static enum db_status
sub_action(struct args *a)
{
	struct db_action act;
	enum db_status st;
	int64_t meeting, offender, item;
	mdate d;

	if ((st = item_of(a, &meeting, &offender, &item)) != DB_OK)
		return st;
	if ((st = date_opt(a, O_DUE, "--due", &d)) != DB_OK)
		return st;
	memset(&act, 0, sizeof act);
	act.meeting_id = meeting;
	act.offender_id = offender;
	act.text = a->set[O_TEXT] ? a->opt[O_TEXT] : NULL;
	str_copy(act.owner_agency, a->set[O_AGENCY] ? a->opt[O_AGENCY] : "",
		 sizeof act.owner_agency);
	act.owner_person = a->set[O_OWNER] ? a->opt[O_OWNER] : NULL;
	if (a->set[O_DUE])
		str_copy(act.due, a->opt[O_DUE], sizeof act.due);
	st = db_action_add(a->db, &act);
	if (st == DB_OK)
		printf("%lld\n", (long long)act.id);
	return st;
}

/* --- the people and the state of the minutes (issue 16) ---------------------- */

static enum db_status
sub_attendee(struct args *a)
{
	struct db_attendee at;
	enum db_status st;
	int64_t id;
	char role[16];

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	memset(&at, 0, sizeof at);
	at.meeting_id = id;
	if ((st = text_opt(a, O_AGENCY, "--agency", at.agency,
			   sizeof at.agency)) != DB_OK ||
	    (st = text_opt(a, O_ROLE, "--role", role, sizeof role)) != DB_OK)
		return st;
	if (!a->set[O_ROLE])
		str_copy(role, agenda_role_name(PERSON_PRESENT), sizeof role);
	if (str_copy(at.name, a->pos[1], sizeof at.name) >= sizeof at.name)
		return fail(a, DB_INVALID, "name: at most %zu bytes",
			    sizeof at.name - 1);
	if ((st = db_attendee_add(a->db, &at, role)) == DB_OK)
		printf("%lld\n", (long long)at.id);
	return st;
}

static enum db_status
sub_attendee_remove(struct args *a)
{
	const char *name = a->pos[1], *agency = a->opt[O_AGENCY];
	struct db_attendees list = { 0 };
	enum db_status st;
	int64_t id, found = 0;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	st = db_attendee_list(a->db, id, &list);
	/* The last of that name (and agency, when given). */
	for (int i = 0; i < list.n; i++)
		if (strcmp(list.v[i].name, name) == 0 &&
		    (agency == NULL || strcmp(list.v[i].agency, agency) == 0))
			found = list.v[i].id;
	db_list_free(&list);
	if (st != DB_OK)
		return st;
	if (found == 0)
		return fail(a, DB_NOTFOUND, "%s%s%s is not among meeting "
			    "%lld's attendees", name, agency ? " of " : "",
			    agency ? agency : "", (long long)id);
	return db_attendee_remove(a->db, found);
}

static enum db_status
sub_attendees(struct args *a)
{
	struct db_attendees list = { 0 };
	enum db_status st;
	int64_t id;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	st = db_attendee_list(a->db, id, &list);
	for (int i = 0; i < list.n; i++)
		printf("%-10s %-20s %s\n", agenda_role_name(list.v[i].role),
		       cli_line(list.v[i].agency), cli_line(list.v[i].name));
	db_list_free(&list);
	return st;
}

static enum db_status
sub_approve(struct args *a)
{
	enum db_status st;
	int64_t id;
	mdate today;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	if (cli_db_today(a->db, &today) != 0) {
		a->reported = true;
		return DB_ERROR;
	}
	return db_minutes_approve(a->db, id, today);
}

static enum db_status
sub_redraft(struct args *a)
{
	enum db_status st;
	int64_t id;

	if ((st = meeting_id(a, 0, &id)) != DB_OK)
		return st;
	return db_minutes_reopen(a->db, id);
}

static const int opts_attendee[] = { O_AGENCY, O_ROLE, O_NONE };
static const int opts_agency[] = { O_AGENCY, O_NONE };

static const int opts_add[] = { O_LEVEL, O_TIME, O_CHAIR, O_VENUE, O_INVITE,
				O_NONE };
static const int opts_edit[] = { O_DATE, O_TIME, O_LEVEL, O_CHAIR, O_VENUE,
				 O_NONE };
static const int opts_none[] = { O_NONE };
static const int opts_undo[] = { O_UNDO, O_NONE };
static const int opts_reason[] = { O_REASON, O_NONE };
static const int opts_agenda_add[] = { O_REASON, O_FORCE, O_NONE };
static const int opts_propose[] = { O_ADD, O_NONE };
static const int opts_minute[] = {
	O_MIN0 + DB_MIN_DECISION, O_MIN0 + DB_MIN_RATIONALE,
	O_MIN0 + DB_MIN_DISSENT, O_MIN0 + DB_MIN_RMP_SUPERVISION,
	O_MIN0 + DB_MIN_RMP_MONITORING, O_MIN0 + DB_MIN_RMP_INTERVENTIONS,
	O_MIN0 + DB_MIN_RMP_VICTIM_SAFETY, O_MIN0 + DB_MIN_CONTINGENCIES,
	O_MIN0 + DB_MIN_VICTIM_ISSUES, O_MIN0 + DB_MIN_DISCLOSURE, O_NEXT,
	O_DISCUSSED, O_NONE
};
static const int opts_level[] = { O_TO, O_KIND, O_REASON, O_NEXT, O_REPLACE,
				  O_NONE };
static const int opts_action[] = { O_TEXT, O_AGENCY, O_OWNER, O_DUE, O_NONE };

static const struct subcommand subcommands[] = {
	{ "add", 1, "DATE --level 2|3 [--time HH:MM] [--chair NAME] "
	  "[--venue TEXT] [--invite AGENCY,...|none]", opts_add, sub_add },
	{ "edit", 1, "ID [--date DATE] [--time HH:MM] [--level 2|3] "
	  "[--chair NAME] [--venue TEXT]", opts_edit, sub_edit },
	{ "hold", 1, "ID", opts_none, sub_hold },
	{ "cancel", 1, "ID", opts_none, sub_cancel },
	{ "reopen", 1, "ID --reason TEXT", opts_reason, sub_reopen },
	{ "invite", 2, "ID AGENCY [--undo]", opts_undo, sub_invite },
	{ "attend", 3, "ID AGENCY present|apologies|report|absent|none",
	  opts_none, sub_attend },
	{ "agenda-add", 2, "ID REF [--reason initial|review|level_change|"
	  "exit|other] [--force]", opts_agenda_add, sub_agenda_add },
	{ "agenda-remove", 2, "ID REF", opts_none, sub_agenda_remove },
	{ "agenda-move", 3, "ID REF POSITION", opts_none, sub_agenda_move },
	{ "propose", 1, "ID [--add]", opts_propose, sub_propose },
	{ "discussed", 2, "ID REF [--undo]", opts_undo, sub_discussed },
	{ "minute", 2, "ID REF [--decision T] [--rationale T] [--dissent T] "
	  "[--supervision T] [--monitoring T] [--interventions T] "
	  "[--victim-safety T] [--contingencies T] [--victim-issues T] "
	  "[--disclosure T] [--next-review DATE|none] [--discussed]",
	  opts_minute, sub_minute },
	{ "level", 3, "ID REF stay|up|down|exit [--to LEVEL] [--kind KIND] "
	  "[--reason TEXT] [--next-review DATE] [--replace]", opts_level,
	  sub_level },
	{ "action", 2, "ID REF --text TEXT --agency AGENCY [--owner NAME] "
	  "--due DATE", opts_action, sub_action },
	{ "attendee", 2, "ID NAME --agency AGENCY [--role present|apologies|"
	  "report|guest]", opts_attendee, sub_attendee },
	{ "attendee-remove", 2, "ID NAME [--agency AGENCY]", opts_agency,
	  sub_attendee_remove },
	{ "attendees", 1, "ID", opts_none, sub_attendees },
	{ "approve", 1, "ID", opts_none, sub_approve },
	{ "redraft", 1, "ID", opts_none, sub_redraft },
	{ NULL, 0, NULL, NULL, NULL },
};

static void
meeting_help(void)
{
	printf("Usage: %s meeting SUBCOMMAND ...\n", cli_progname);
	for (const struct subcommand *s = subcommands; s->name; s++)
		printf("  %s meeting %s %s\n", cli_progname, s->name, s->usage);
	printf("Agencies:");
	for (size_t i = 0; i < agenda_agency_count; i++)
		printf(" %s", agenda_agencies[i].code);
	putchar('\n');
}

static bool
allowed(const int *opts, int o)
{
	for (; *opts != O_NONE; opts++)
		if (*opts == o)
			return true;
	return false;
}

int
cmd_meeting(struct cli *c, int argc, char **argv)
{
	const struct subcommand *sub = NULL;
	struct args a;
	enum db_status st;
	int opt, rc;

	if (argc < 2)
		return cli_usage("meeting", "which: add, edit, hold, cancel, "
				 "reopen, invite, attend, agenda-add, "
				 "agenda-remove, "
				 "agenda-move, propose, discussed, minute, "
				 "level, action, attendee, attendee-remove, "
				 "attendees, approve, redraft?");
	if (strcmp(argv[1], "--help") == 0) {
		meeting_help();
		return EXIT_DONE;
	}
	for (const struct subcommand *s = subcommands; s->name; s++)
		if (strcmp(argv[1], s->name) == 0)
			sub = s;
	if (sub == NULL)
		return cli_usage("meeting", "'%s': unknown subcommand",
				 argv[1]);
	memset(&a, 0, sizeof a);
	a.cli = c;
	argc--;
	argv++;
	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (opt == 'h') {
			printf("Usage: %s meeting %s %s\n", cli_progname,
			       sub->name, sub->usage);
			return EXIT_DONE;
		}
		if (opt == ':')
			return cli_option_fault("meeting", opt, argv);
		if (opt <= O_NONE || opt >= O_MAX || !allowed(sub->opts, opt))
			return cli_usage("meeting", "%s: '%s': unknown option",
					 sub->name, argv[optind - 1]);
		a.opt[opt] = optarg;
		a.set[opt] = true;
	}
	for (; optind < argc; optind++) {
		if (a.npos == (int)NELEM(a.pos))
			return cli_usage("meeting", "%s: too many arguments",
					 sub->name);
		a.pos[a.npos++] = argv[optind];
	}
	if (a.npos != sub->nargs)
		return cli_usage("meeting", "%s %s", sub->name, sub->usage);
	if ((rc = cli_open(c, cli_db_path(c), 0, &a.db)) != EXIT_DONE)
		return rc;
	st = sub->run(&a);
	if (st == ST_USAGE) {
		rc = EXIT_USAGE;
	} else {
		/* Messages from the data layer; ours were printed. */
		if (st != DB_OK && !a.reported)
			cli_error("meeting %s: %s", sub->name,
				  db_errmsg(a.db));
		rc = cli_status(st);
	}
	db_close(a.db);
	return rc;
}
