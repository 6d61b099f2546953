/*
 * cli.h -- the command line: global options, identity, and the commands
 * (cli.md).  Each command is a function taking its own arguments and
 * returning an exit status.
 */
#ifndef MAPPA_CLI_H
#define MAPPA_CLI_H

#include <stdbool.h>

#include "db/db.h"

/* Exit statuses (cli.md). */
enum {
	EXIT_DONE = 0,
	EXIT_FAILED = 1,
	EXIT_USAGE = 2,
	EXIT_REFUSED = 3,
	EXIT_CONFLICT = 4
};

#define CLI_MAX_DB 64

/* What the global options and the environment said. */
struct cli {
	const char *db[CLI_MAX_DB]; /* --db, repeatable (stats only) */
	int ndb;
	const char *user_opt;       /* --user NAME, or NULL */
	char login[DB_NAME_MAX];    /* the uid's login name */
	bool forced;                /* running under SSH_ORIGINAL_COMMAND */
	char default_db[4096];      /* $MAPPA_DB or the XDG path */
};

/* A command of `mappa COMMAND`. */
struct cli_command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *usage;   /* arguments, for --help */
	const char *summary; /* one line */
};

extern const struct cli_command cli_commands[];

/* The arguments of command NAME as the table gives them (its one
 * usage line, for --help), or "". */
const char *cli_command_usage(const char *name);

/* Print command NAME's --help: "Usage: mappa NAME USAGE", its usage as
 * the table gives it (so the overview and --help never disagree). */
void cli_command_help(const char *name);

/* The name the program was called by, for messages. */
extern const char *cli_progname;

/* Print "mappa: MESSAGE" on standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Make standard output fit for a terminal (a command's text: main()
 * calls it before running one): every control character, C1 code,
 * invisible format character or byte that is not UTF-8 written to it is
 * shown escaped (core/chars.h), line feeds and tabs kept.
 */
void cli_text_output(void);

/* Standard output as bytes from here on (a file sent over the link, not
 * text): call before writing it. */
void cli_stdout_raw(void);

/* S (NULL: "") on one line: as cli_text_output() shows it, line feeds
 * and tabs escaped too, for one field of a list.  Valid until eight
 * more calls. */
const char *cli_line(const char *s);

/*
 * Whether VALUE (NULL is fine), given for WHAT (an option, "--recipient")
 * of command CMD, may be stored (chars_refused(): no control or invisible
 * formatting character; tab and line breaks when FREE_TEXT); if not,
 * prints a message naming WHAT and the character.
 */
bool cli_text_ok(const char *cmd, const char *what, const char *value,
		 bool free_text);

/* Write S (NULL: empty) to standard output as one CSV field, quoted
 * when it must be (RFC 4180). */
void cli_csv_field(const char *s);

/* A usage error for command CMD: message, a hint, and EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * The usage error for what getopt_long() returned as OPT for command CMD
 * (NULL: the global options), the option at ARGV[optind - 1]: ':' "'X'
 * needs an argument", anything else "'X': unknown option".
 */
int cli_option_fault(const char *cmd, int opt, char *const *argv);

/* The usage error for an argument ARG that command CMD does not take:
 * "unexpected argument 'ARG'". */
int cli_argument_fault(const char *cmd, const char *arg);

/*
 * VALUE, given for WHAT ("--due", "add") of command CMD, as a date into
 * *D: EXIT_DONE; else the usage error "WHAT: \"VALUE\" is not a date
 * (YYYY-MM-DD)" (EXIT_USAGE).
 */
int cli_date_arg(const char *cmd, const char *what, const char *value,
		 mdate *d);

/*
 * VALUE as the id of a record (a whole number from 1) into *ID:
 * EXIT_DONE; else the usage error of command CMD "[WHAT: ]\"VALUE\" is
 * not NOUN id" (WHAT: the option, "--meeting", or NULL for an argument;
 * NOUN: "a meeting", "an action"), EXIT_USAGE.
 */
int cli_id_arg(const char *cmd, const char *what, const char *value,
	       const char *noun, int64_t *id);

/*
 * VALUE of --format given to command CMD, for a command that writes text
 * or CSV: sets *CSV and returns EXIT_DONE; else the usage error
 * "--format: \"VALUE\" is not text or csv" (EXIT_USAGE), *CSV untouched.
 */
int cli_format_parse(const char *cmd, const char *value, bool *csv);

/* VALUE of --year given to command CMD: a reporting year ("2010-11" or
 * "2010"), into *YEAR; else the usage error "--year: \"VALUE\" is not a
 * reporting year (e.g. 2010-11)". */
int cli_year_parse(const char *cmd, const char *value, int *year);

/* VALUE of --template given to command CMD: 2010 or 2015, into
 * *TEMPLATE; else the usage error "--template: \"VALUE\" is not 2010 or
 * 2015". */
int cli_template_parse(const char *cmd, const char *value, int *template);

/* The exit status for a data-layer status. */
int cli_status(enum db_status st);

/*
 * Work out who is running mappa (cli.md, Identity): the login of the
 * real uid; --user only when that uid owns the database file PATH.
 * Returns the name to act as, or NULL after printing why (exit 3).
 */
const char *cli_identity(struct cli *c, const char *path);

/*
 * ARG, given to command CMD, names a file or folder on this machine.
 * Under a forced command no argument may (cli.md, Identity): anything
 * but "-" (standard input or output) is refused.  EXIT_DONE, or
 * EXIT_REFUSED after saying why.
 */
int cli_path_arg(const struct cli *c, const char *cmd, const char *arg);

/* The database path: the first --db, else the default. */
const char *cli_db_path(const struct cli *c);

/*
 * Open the database for a command.  FLAGS as db_open().  On failure
 * prints the reason and returns the exit status (else EXIT_DONE).
 */
int cli_open(struct cli *c, const char *path, unsigned flags, struct db **db);

/* Today for DB (app_today(), the one rule): $MAPPA_TODAY when set
 * (checked), else a demo database's own today, else the system date. */
int cli_db_today(struct db *db, mdate *today);

/*
 * What the screens work from too (src/app/context.h), for DB: today, the
 * area, the bank holidays (unreadable ones warned about once: weekends
 * only), the schedule's settings.  0, or -1 after saying why; free with
 * app_context_free() either way.
 */
struct app_context;
int cli_context(struct db *db, struct app_context *ctx);

/* As cli_context(), for a command that counts no working days (the
 * statistics, the report, the papers): nothing said of the holidays. */
int cli_context_quiet(struct db *db, struct app_context *ctx);

/*
 * Open the database (cli_db_path(), FLAGS as db_open()) and work out its
 * context, warning of unreadable bank holidays when WORKING_DAYS (the
 * command counts them): the start of a command that needs today or the
 * area.  EXIT_DONE, with *DB and CTX for the command to close and free;
 * else the exit status after saying why, nothing left open.
 */
int cli_open_context(struct cli *c, unsigned flags, bool working_days,
		     struct db **db, struct app_context *ctx);

/* Split STR into words without a shell: whitespace separates, single
 * and double quotes group, backslash escapes.  Returns a NULL-terminated
 * malloc'd array (free with cli_free_words), or NULL on unbalanced
 * quotes. */
char **cli_split_words(const char *str, int *argc);
void cli_free_words(char **words);

/* Commands. */
int cmd_init(struct cli *c, int argc, char **argv);
int cmd_demo(struct cli *c, int argc, char **argv);
int cmd_stats(struct cli *c, int argc, char **argv);
int cmd_report(struct cli *c, int argc, char **argv);
int cmd_user(struct cli *c, int argc, char **argv);
int cmd_settings(struct cli *c, int argc, char **argv);
int cmd_audit(struct cli *c, int argc, char **argv);
int cmd_backup(struct cli *c, int argc, char **argv);
int cmd_repair(struct cli *c, int argc, char **argv);
int cmd_retention(struct cli *c, int argc, char **argv);
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
/* MAPP meetings (issue 7): cmd_meetings.c, cmd_papers.c, cmd_actions.c. */
int cmd_meetings(struct cli *c, int argc, char **argv);
int cmd_meeting(struct cli *c, int argc, char **argv);
int cmd_agenda(struct cli *c, int argc, char **argv);
int cmd_minutes(struct cli *c, int argc, char **argv);
int cmd_actions(struct cli *c, int argc, char **argv);
int cmd_action(struct cli *c, int argc, char **argv);
/* The case process (issue 12): cmd_process.c. */
int cmd_case(struct cli *c, int argc, char **argv);
int cmd_referral(struct cli *c, int argc, char **argv);
int cmd_event(struct cli *c, int argc, char **argv);
/* Performance indicators (issue 8): cmd_kpi.c. */
int cmd_kpi(struct cli *c, int argc, char **argv);
/* The case file's key-date lists (issue 15): cmd_keydates.c. */
int cmd_keydates(struct cli *c, int argc, char **argv);

/* Write the demo area into a new database at PATH; prints progress on a
 * terminal.  Returns an exit status. */
int cli_write_demo(struct cli *c, const char *path, size_t scale);

#endif
