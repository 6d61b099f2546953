/*
 * commands.c -- the table of commands, and what every command shares:
 * messages, exit statuses, opening the database, today's date.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "core/demo.h"
#include "core/util.h"

const char *cli_progname = "mappa";

const struct cli_command cli_commands[] = {
	{ "init", cmd_init, "[--area NAME]",
	  "create a new, empty database; you become its first admin" },
	{ "demo", cmd_demo, "[--scale N]",
	  "write the demo area into a new database (--db required)" },
	{ "stats", cmd_stats,
	  "[--year Y | --years Y1..Y2] [--format text|csv|markdown|json]",
	  "the annual MAPPA statistics" },
	{ "kpi", cmd_kpi, "[--year Y] [--format text|csv] [--cases]",
	  "performance indicators per quarter against the targets" },
	{ "report", cmd_report, "[--year Y] [--format markdown|html]",
	  "the annual report's statistical section, with charts" },
	{ "user", cmd_user,
	  "add NAME [--role admin|member|lay] | set-role NAME ROLE | "
	  "disable NAME | list [--format text|csv]",
	  "user accounts (admin)" },
	{ "settings", cmd_settings,
	  "get KEY | set KEY VALUE | list", "the area's settings" },
	{ "audit", cmd_audit,
	  "[--since DATE] [--actor NAME] [--format text|csv]",
	  "read the audit trail (admin)" },
	{ "retention", cmd_retention,
	  "[list] [--due DATE] [--format text|csv] | keep REF --until DATE "
	  "--reason TEXT | erase REF --reason TEXT --yes",
	  "review whether records are still needed; erase (admin)" },
	{ "backup", cmd_backup, "FILE",
	  "a consistent copy of the database while others work (admin)" },
	{ "import", cmd_import,
	  "[--offenders F] [--events F] [--population F] [--risk F] "
	  "[--assessments F] [--dates F] [--orders F] [--offences F] "
	  "[--notes F] [--disclosures F]",
	  "bring in records from CSV files, all or nothing (admin)" },
	{ "export", cmd_export, "DIR [--recipient TEXT]",
	  "write the records out as CSV files into DIR (admin)" },
	{ "meetings", cmd_meetings,
	  "[--from DATE] [--to DATE] [--level 2|3] [--status S] "
	  "[--format text|csv]",
	  "list MAPP meetings (lay advisers: without the chair)" },
	{ "meeting", cmd_meeting,
	  "add|edit|hold|cancel|invite|attend|agenda-add|agenda-remove|"
	  "agenda-move|propose|discussed|minute|level|action ...",
	  "schedule, build, hold and minute a meeting (meeting --help)" },
	{ "agenda", cmd_agenda, "ID [--format text|markdown] [--recipient TEXT]",
	  "print a meeting's agenda (OFFICIAL-SENSITIVE)" },
	{ "minutes", cmd_minutes,
	  "ID [--format text|markdown] [--recipient TEXT]",
	  "print a meeting's minutes (OFFICIAL-SENSITIVE; logged)" },
	{ "actions", cmd_actions,
	  "[--overdue | --all] [--agency A] [--owner NAME] [--meeting ID] "
	  "[--format text|csv]",
	  "open and overdue actions by agency and owner" },
	{ "action", cmd_action, "done ID [--date DATE]",
	  "mark an action done" },
	{ "keydates", cmd_keydates,
	  "[--list mappa-j|releases|licences|notifications] "
	  "[--format text|csv]",
	  "MAPPA J due or overdue; releases, licences and notifications "
	  "ending in the next 6 weeks" },
	{ NULL, NULL, NULL, NULL },
};

static void
vmessage(const char *prefix, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s", cli_progname, prefix);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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

	va_start(ap, fmt);
	fprintf(stderr, "%s: %s%s", cli_progname, cmd ? cmd : "",
		cmd ? ": " : "");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
cli_today(mdate *today)
{
	const char *s = getenv("MAPPA_TODAY");
	time_t now;
	struct tm tm;

	if (s && *s) {
		if (date_parse(s, today) != 0) {
			cli_error("MAPPA_TODAY: \"%s\" is not a date "
				  "(YYYY-MM-DD)", s);
			return -1;
		}
		return 0;
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	*today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 0;
}

int
cli_db_today(struct db *db, mdate *today)
{
	const char *s = getenv("MAPPA_TODAY");

	if ((s == NULL || *s == '\0') && db_is_demo(db)) {
		*today = demo_today();
		return 0;
	}
	return cli_today(today);
}

void
cli_csv_field(const char *s)
{
	csv_write_field(stdout, s ? s : "", s ? strlen(s) : 0);
}
