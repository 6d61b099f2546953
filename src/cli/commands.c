/*
 * commands.c -- the table of commands, and what every command shares:
 * messages, exit statuses, opening the database, today's date.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/context.h"
#include "cli/cli.h"
#include "core/chars.h"
#include "core/csv.h"
#include "core/report_year.h"
#include "core/stats.h"
#include "core/util.h"

const char *cli_progname = "mappa";

const struct cli_command cli_commands[] = {
	{ "init", cmd_init, "[--area NAME]",
	  "create a new, empty database; you become its first admin" },
	{ "demo", cmd_demo, "[--scale N]",
	  "write the demo area into a new database (--db required)" },
	{ "stats", cmd_stats,
	  "[--year Y | --years Y1..Y2] [--template 2010|2015] [--board] "
	  "[--format text|csv|markdown|json]",
	  "the annual MAPPA statistics, each year in its template" },
	{ "kpi", cmd_kpi, "[--year Y] [--format text|csv] [--cases]",
	  "performance indicators per quarter against the targets" },
	{ "report", cmd_report, "[--year Y] [--template 2010|2015] [--board] "
	  "[--format markdown|html]",
	  "the annual report's statistical section, with charts" },
	{ "user", cmd_user,
	  "add NAME [--role admin|member|lay] | set-role NAME ROLE | "
	  "disable NAME | list [--format text|csv]",
	  "user accounts (admin)" },
	{ "settings", cmd_settings,
	  "get KEY | set KEY VALUE | list", "the area's settings" },
	{ "audit", cmd_audit,
	  "[--since DATE] [--actor NAME] [--case REF] [--format text|csv] | "
	  "verify "
	  "[--head HASH] | head",
	  "read the audit trail; check its hash chain (admin)" },
	{ "retention", cmd_retention,
	  "[list] [--due DATE] [--format text|csv] | keep REF --until DATE "
	  "--reason TEXT | erase REF --reason TEXT --yes",
	  "review whether records are still needed; erase (admin)" },
	{ "backup", cmd_backup, "FILE|-",
	  "a consistent copy of the database while others work (admin)" },
	{ "repair", cmd_repair, "[--drop-unknown]",
	  "show, or drop, schema objects mappa did not make (admin)" },
	{ "import", cmd_import,
	  "[--offenders F] [--events F] [--population F] [--risk F] "
	  "[--assessments F] [--dates F] [--orders F] [--offences F] "
	  "[--notes F] [--disclosures F] (F may be -)",
	  "bring in records from CSV files, all or nothing (admin)" },
	{ "export", cmd_export,
	  "DIR|- --recipient TEXT [--case REF]... [--level N] "
	  "[--category N] [--district D] [--columns LIST] [--pseudonymised]",
	  "write the records out as CSV files into DIR, or a tar stream "
	  "(admin)" },
	{ "case", cmd_case,
	  "add REF --surname S --category N --level N [--date D] "
	  "[--forenames F] [--dob D] [--gender G] [--pnc P] [--crn C] "
	  "[--visor V] [--district D] [--lead AGENCY]",
	  "a new case and its registration (no referral)" },
	{ "referral", cmd_referral,
	  "add REF --level 2|3 --agency AGENCY --reason TEXT [--date D] | "
	  "list [--pending] [--format text|csv] | accept|decline|withdraw "
	  "ID [--meeting MID] [--reason TEXT]",
	  "refer a case to Level 2 or 3; the referral's outcome" },
	{ "event", cmd_event,
	  "add REF --event E --date D [--category N] [--level N] [--kind K] "
	  "[--note TEXT] [--decided-by TEXT]",
	  "record one event outside a meeting" },
	{ "meetings", cmd_meetings,
	  "[--from DATE] [--to DATE] [--level 2|3] [--status S] "
	  "[--format text|csv]",
	  "list MAPP meetings (lay advisers: without the chair)" },
	{ "meeting", cmd_meeting, "SUBCOMMAND ...",
	  "schedule, build, hold and minute a meeting (meeting --help)" },
	{ "agenda", cmd_agenda,
	  "ID [--format text|markdown|pdf] [--recipient TEXT] [--output FILE]",
	  "print a meeting's agenda (OFFICIAL-SENSITIVE)" },
	{ "minutes", cmd_minutes,
	  "ID [--format text|markdown|pdf] [--recipient TEXT] [--output FILE]",
	  "print a meeting's minutes (OFFICIAL-SENSITIVE; logged)" },
	{ "actions", cmd_actions,
	  "[--overdue | --all] [--agency AGENCY] [--owner NAME] "
	  "[--meeting ID] [--format text|csv]",
	  "open and overdue actions by agency and owner" },
	{ "action", cmd_action,
	  "done ID [--date DATE] | edit ID [--text TEXT] [--agency AGENCY] "
	  "[--owner NAME|\"\"] [--due DATE] | drop ID [--date DATE] | "
	  "remove ID",
	  "mark an action done or dropped; change or remove it" },
	{ "keydates", cmd_keydates,
	  "[--list mappa-j|releases|licences|notifications] "
	  "[--format text|csv]",
	  "MAPPA J due or overdue; releases, licences and notifications "
	  "ending in the next 6 weeks" },
	{ NULL, NULL, NULL, NULL },
};

const char *
cli_command_usage(const char *name)
{
	for (const struct cli_command *k = cli_commands; k->name; k++)
		if (strcmp(k->name, name) == 0)
			return k->usage;
	return "";
}

void
cli_command_help(const char *name)
{
	printf("Usage: %s %s %s\n", cli_progname, name,
	       cli_command_usage(name));
}

/* --- text fit for a terminal ------------------------------------------------ */

/*
 * Standard output, under a command, is a stream whose every byte goes
 * through chars_show() (core/chars.h) on its way to the descriptor: a
 * control character, C1 code, bidirectional override or byte that is not
 * UTF-8 in any value printed shows as an escape (^[, \x9B, <U+202E>),
 * whichever command printed it; line feeds and tabs pass.  A UTF-8
 * sequence cut by the buffer waits for its end.
 */
struct text_out {
	int fd;
	bool raw;
	char carry[4];
	size_t ncarry;
};

static struct text_out text_out = { .fd = STDOUT_FILENO };
static FILE *text_stream;

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* How many bytes at the end of S[0..N) start a UTF-8 sequence that has
 * not ended yet (0 to 3). */
static size_t
unfinished(const char *s, size_t n)
{
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		unsigned char c = (unsigned char)s[n - back];

		if ((c & 0xC0) == 0x80)
			continue;
		if ((c >= 0xC2 && c <= 0xDF && back < 2) ||
		    (c >= 0xE0 && c <= 0xEF && back < 3) ||
		    (c >= 0xF0 && c <= 0xF4 && back < 4))
			return back;
		return 0;
	}
	return 0;
}

static int
text_flush(struct text_out *o, const char *buf, size_t n, bool end)
{
	struct strbuf in, out;
	size_t keep;
	int rc;

	sb_init(&in);
	sb_init(&out);
	sb_addn(&in, o->carry, o->ncarry);
	sb_addn(&in, buf, n);
	keep = end ? 0 : unfinished(in.s ? in.s : "", in.len);
	chars_show(&out, sb_str(&in), in.len - keep, true);
	memcpy(o->carry, sb_str(&in) + in.len - keep, keep);
	o->ncarry = keep;
	rc = in.failed || out.failed ? -1
		: write_all(o->fd, sb_str(&out), out.len);
	sb_free(&in);
	sb_free(&out);
	return rc;
}

static ssize_t
text_write(void *cookie, const char *buf, size_t n)
{
	struct text_out *o = cookie;

	if (o->raw)
		return write_all(o->fd, buf, n) == 0 ? (ssize_t)n : -1;
	return text_flush(o, buf, n, false) == 0 ? (ssize_t)n : -1;
}

static void
text_end(void)
{
	fflush(stdout);
	if (text_out.ncarry && !text_out.raw)
		text_flush(&text_out, "", 0, true);
}

void
cli_text_output(void)
{
	cookie_io_functions_t io = { .write = text_write };

	if (text_stream != NULL)
		return;
	fflush(stdout);
	if ((text_stream = fopencookie(&text_out, "w", io)) == NULL)
		return;
	if (isatty(STDOUT_FILENO))
		setvbuf(text_stream, NULL, _IOLBF, 0);
	stdout = text_stream;
	atexit(text_end);
}

void
cli_stdout_raw(void)
{
	if (text_stream == NULL)
		return;
	text_end();
	text_out.raw = true;
}

const char *
cli_line(const char *s)
{
	static struct strbuf ring[8];
	static int next;
	struct strbuf *sb = &ring[next];

	next = (next + 1) % (int)NELEM(ring);
	sb_free(sb);
	sb_init(sb);
	if (s)
		chars_show(sb, s, strlen(s), false);
	return sb_str(sb);
}

bool
cli_text_ok(const char *cmd, const char *what, const char *value,
	    bool free_text)
{
	enum chars_kind kind;
	const char *at;
	uint32_t cp;
	char name[32];

	if ((at = chars_refused(value, free_text, &cp)) == NULL)
		return true;
	chars_next(at, strlen(at), &cp, &kind);
	chars_name(cp, kind, name);
	cli_error("%s: %s: %s is not allowed (control and invisible "
		  "formatting characters are refused%s)", cmd, what, name,
		  free_text ? "; tab and line breaks are allowed" : "");
	return false;
}

/* Messages: escaped whole, so that a value quoted in one (an option's
 * argument, a name) cannot reach the terminal raw. */
static void
vmessage(const char *prefix, const char *fmt, va_list ap)
{
	struct strbuf sb;
	char *msg = NULL;

	sb_init(&sb);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	chars_show(&sb, msg ? msg : fmt, strlen(msg ? msg : fmt), false);
	fprintf(stderr, "%s: %s%s\n", cli_progname, prefix, sb_str(&sb));
	free(msg);
	sb_free(&sb);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
}

void
cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("warning: ", fmt, ap);
	va_end(ap);
}

int
cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	char prefix[64];

	snprintf(prefix, sizeof prefix, "%s%s", cmd ? cmd : "",
		 cmd ? ": " : "");
	va_start(ap, fmt);
	vmessage(prefix, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n",
		cli_progname);
	return EXIT_USAGE;
}

int
cli_status(enum db_status st)
{
	switch (st) {
	case DB_OK:
		return EXIT_DONE;
	case DB_REFUSED:
		return EXIT_REFUSED;
	case DB_CONFLICT:
		return EXIT_CONFLICT;
	default:
		return EXIT_FAILED;
	}
}

int
cli_open(struct cli *c, const char *path, unsigned flags, struct db **db)
{
	char err[512];
	const char *who;
	enum db_status st;

	if ((who = cli_identity(c, path)) == NULL)
		return EXIT_REFUSED;
	st = db_open(db, path, who, flags, err, sizeof err);
	if (st != DB_OK) {
		cli_error("%s", err);
		return cli_status(st);
	}
	return EXIT_DONE;
}

int
cli_db_today(struct db *db, mdate *today)
{
	char err[160];

	if (app_today(db, today, err, sizeof err) != 0) {
		cli_error("%s", err);
		return -1;
	}
	return 0;
}

/* The context for DB; unreadable bank holidays warned about when
 * WORKING_DAYS (the command counts them). */
static int
context(struct db *db, struct app_context *ctx, bool working_days)
{
	char err[160];

	if (app_context_open(ctx, db, err, sizeof err) != 0) {
		cli_error("%s", err);
		return -1;
	}
	if (working_days && ctx->holidays_err[0])
		cli_warn("bank holidays: %s; counting weekends only",
			 ctx->holidays_err);
	return 0;
}

int
cli_context(struct db *db, struct app_context *ctx)
{
	return context(db, ctx, true);
}

int
cli_context_quiet(struct db *db, struct app_context *ctx)
{
	return context(db, ctx, false);
}

int
cli_open_context(struct cli *c, unsigned flags, bool working_days,
		 struct db **db, struct app_context *ctx)
{
	int rc;

	if ((rc = cli_open(c, cli_db_path(c), flags, db)) != EXIT_DONE)
		return rc;
	if (context(*db, ctx, working_days) != 0) {
		app_context_free(ctx);
		db_close(*db);
		*db = NULL;
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

int
cli_option_fault(const char *cmd, int opt, char *const *argv)
{
	if (opt == ':')
		return cli_usage(cmd, "'%s' needs an argument",
				 argv[optind - 1]);
	return cli_usage(cmd, "'%s': unknown option", argv[optind - 1]);
}

int
cli_argument_fault(const char *cmd, const char *arg)
{
	return cli_usage(cmd, "unexpected argument '%s'", arg);
}

int
cli_id_arg(const char *cmd, const char *what, const char *value,
	   const char *noun, int64_t *id)
{
	char *end;

	*id = strtoll(value, &end, 10);
	if (*value == '\0' || *end || *id <= 0)
		return cli_usage(cmd, "%s%s\"%s\" is not %s id",
				 what ? what : "", what ? ": " : "", value,
				 noun);
	return EXIT_DONE;
}

int
cli_date_arg(const char *cmd, const char *what, const char *value, mdate *d)
{
	if (date_parse(value, d) != 0)
		return cli_usage(cmd, "%s: \"%s\" is not a date (YYYY-MM-DD)",
				 what, value);
	return EXIT_DONE;
}

int
cli_format_parse(const char *cmd, const char *value, bool *csv)
{
	if (strcmp(value, "csv") == 0)
		*csv = true;
	else if (strcmp(value, "text") == 0)
		*csv = false;
	else
		return cli_usage(cmd, "--format: \"%s\" is not text or csv",
				 value);
	return EXIT_DONE;
}

int
cli_year_parse(const char *cmd, const char *value, int *year)
{
	if (report_year_parse(value, year) != 0)
		return cli_usage(cmd, "--year: \"%s\" is not a reporting year "
				 "(e.g. 2010-11)", value);
	return EXIT_DONE;
}

int
cli_template_parse(const char *cmd, const char *value, int *template)
{
	int t = stats_template_parse(value);

	if (t < 0)
		return cli_usage(cmd, "--template: \"%s\" is not 2010 or "
				 "2015", value);
	*template = t;
	return EXIT_DONE;
}

void
cli_csv_field(const char *s)
{
	csv_write_field(stdout, s ? s : "", s ? strlen(s) : 0);
}
