/*
 * main.c -- mappa's entry point: global options, the forced-command rule,
 * and dispatch to a command or the screens.
 *
 *   mappa [--db FILE] [--user NAME] [COMMAND [ARGS...]]
 *   mappa --demo | --help | --version
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/util.h"
#include "ui/tui.h"

static void
help(void)
{
	printf("Usage: %s [--db FILE] [--user NAME] [COMMAND [ARGS...]]\n"
	       "  or:  %s --demo | --help | --version\n"
	       "Keep the register of MAPPA-eligible offenders, plan MAPP "
	       "meetings and\nproduce the annual MAPPA statistics.  With no "
	       "COMMAND, open the screens.\n\n", cli_progname, cli_progname);
	printf("Options:\n"
	       "      --db FILE     the database (default: $MAPPA_DB, else\n"
	       "                    $XDG_DATA_HOME/mappa/mappa.db); stats "
	       "takes several\n"
	       "      --user NAME   act as NAME (only for the owner of the "
	       "database file)\n"
	       "      --demo        open the screens on a fresh copy of the "
	       "demo area\n"
	       "      --help        display this help and exit\n"
	       "      --version     output version information and exit\n\n");
	printf("Commands:\n");
	for (const struct cli_command *k = cli_commands; k->name; k++)
		printf("  %-9s %s\n            %s %s\n", k->name, k->summary,
		       k->name, k->usage);
	printf("\nEnvironment:\n"
	       "  MAPPA_DB      the database when --db is not given\n"
	       "  MAPPA_TODAY   fix today's date (YYYY-MM-DD)\n"
	       "  NO_COLOR      draw the screens without colour\n\n"
	       "Exit status: 0 done, 1 failed, 2 usage, 3 refused, "
	       "4 conflict.\n\n"
	       "Report bugs to: %s\nSee mappa(1) for deployment over SSH.\n",
	       PACKAGE_BUGREPORT);
}

static void
version(void)
{
	printf("%s %s\n"
	       "SQLite schema version %d\n"
	       "License: GPL-3.0-or-later.  This is free software: you are "
	       "free to change\nand redistribute it.  There is NO WARRANTY, "
	       "to the extent permitted by law.\n",
	       PACKAGE_NAME, PACKAGE_VERSION, DB_SCHEMA_VERSION);
}

/* $MAPPA_DB, else $XDG_DATA_HOME/mappa/mappa.db, else ~/.local/... */
static void
default_db(struct cli *c)
{
	const char *env = getenv("MAPPA_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (env && *env)
		str_copy(c->default_db, env, sizeof c->default_db);
	else if (xdg && *xdg == '/')
		str_printf(c->default_db, sizeof c->default_db,
			   "%s/mappa/mappa.db", xdg);
	else if (home && *home == '/')
		str_printf(c->default_db, sizeof c->default_db,
			   "%s/.local/share/mappa/mappa.db", home);
	else
		c->default_db[0] = '\0'; /* never relative to the folder */
}

/* The database a command would use is known; EXIT_DONE, else after a
 * message EXIT_USAGE. */
static int
need_db(const struct cli *c)
{
	if (c->ndb > 0 || c->default_db[0])
		return EXIT_DONE;
	return cli_usage(NULL, "no database: HOME is not set (or not an "
			 "absolute path); give --db FILE or set MAPPA_DB");
}

/* The same file given twice as --db (statistics.md: areas are counted
 * once); EXIT_DONE, else after a message EXIT_USAGE. */
static int
distinct_dbs(const struct cli *c)
{
	struct stat a, b;

	for (int i = 0; i < c->ndb; i++) {
		if (stat(c->db[i], &a) != 0)
			continue;
		for (int j = i + 1; j < c->ndb; j++)
			if (stat(c->db[j], &b) == 0 && a.st_dev == b.st_dev &&
			    a.st_ino == b.st_ino)
				return cli_usage(NULL, "--db %s and --db %s "
						 "are the same file; each "
						 "area is counted once",
						 c->db[i], c->db[j]);
	}
	return EXIT_DONE;
}

/* Make the folders of the default database, mode 0700. */
static void
make_default_dir(const char *path)
{
	char dir[4096];
	char *slash;

	str_copy(dir, path, sizeof dir);
	if ((slash = strrchr(dir, '/')) == NULL)
		return;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	}
	mkdir(dir, 0700);
}

static const struct cli_command *
find_command(const char *name)
{
	for (const struct cli_command *k = cli_commands; k->name; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

/* The TUI on a fresh temporary copy of the demo area. */
static int
run_demo(struct cli *c)
{
	char dir[] = "/tmp/mappa-demo-XXXXXX";
	char path[64];
	struct db *db = NULL;
	int rc;
	const char *tmp = getenv("TMPDIR");
	char tmpl[4096];

	if (tmp && *tmp == '/')
		str_printf(tmpl, sizeof tmpl, "%s/mappa-demo-XXXXXX", tmp);
	else
		str_copy(tmpl, dir, sizeof tmpl);
	if (mkdtemp(tmpl) == NULL) {
		cli_error("cannot make a temporary folder: %s",
			  strerror(errno));
		return EXIT_FAILED;
	}
	if (snprintf(path, sizeof path, "%s/demo.db", tmpl) >=
	    (int)sizeof path) {
		cli_error("TMPDIR is too long");
		rmdir(tmpl);
		return EXIT_FAILED;
	}
	c->user_opt = NULL;
	rc = cli_write_demo(c, path, 0);
	if (rc == EXIT_DONE)
		rc = cli_open(c, path, 0, &db);
	if (rc == EXIT_DONE) {
		rc = tui_run(db, path);
		db_close(db);
	}
	db_remove_created(path, false);
	rmdir(tmpl);
	return rc;
}

int
main(int argc, char **argv)
{
	enum { OPT_DB = 256, OPT_USER, OPT_DEMO, OPT_HELP, OPT_VERSION };
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, OPT_DB },
		{ "user", required_argument, NULL, OPT_USER },
		{ "demo", no_argument, NULL, OPT_DEMO },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c;
	const struct cli_command *cmd;
	const char *forced = getenv("SSH_ORIGINAL_COMMAND");
	char **words = NULL;
	int opt, rc, demo = 0, nwords = 0;

	memset(&c, 0, sizeof c);
	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		switch (opt) {
		case OPT_DB:
			if (c.ndb == CLI_MAX_DB)
				return cli_usage(NULL, "too many --db");
			c.db[c.ndb++] = optarg;
			break;
		case OPT_USER:
			c.user_opt = optarg;
			break;
		case OPT_DEMO:
			demo = 1;
			break;
		case OPT_HELP:
			help();
			return EXIT_DONE;
		case OPT_VERSION:
			version();
			return EXIT_DONE;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault(NULL, opt, argv);
		}
	}
	argc -= optind;
	argv += optind;

	/* Under an sshd forced command the client's own command line is
	 * the command; the server's --db and --user stand. */
	if (forced && *forced) {
		c.forced = true;
		if ((words = cli_split_words(forced, &nwords)) == NULL)
			return cli_usage(NULL, "SSH_ORIGINAL_COMMAND: "
					 "unbalanced quotes");
		argc = nwords;
		argv = words;
		if (argc > 0 && (strcmp(argv[0], "mappa") == 0 ||
				 strcmp(argv[0], "/usr/bin/mappa") == 0)) {
			argc--;
			argv++;
		}
		for (int i = 0; i < argc; i++) {
			if (strcmp(argv[i], "--") == 0)
				break;
			if (strncmp(argv[i], "--db", 4) == 0 ||
			    strncmp(argv[i], "--user", 6) == 0) {
				cli_error("%s: refused in a remote command; "
					  "the server sets the database and "
					  "the user", argv[i]);
				cli_free_words(words);
				return EXIT_REFUSED;
			}
		}
		if (argc > 0 && strcmp(argv[0], "--help") == 0) {
			help();
			cli_free_words(words);
			return EXIT_DONE;
		}
		if (argc > 0 && strcmp(argv[0], "--version") == 0) {
			version();
			cli_free_words(words);
			return EXIT_DONE;
		}
		if (argc > 0 && strcmp(argv[0], "--demo") == 0) {
			demo = 1;
			argc--;
			argv++;
		}
	}
	default_db(&c);
	if ((rc = distinct_dbs(&c)) != EXIT_DONE) {
		cli_free_words(words);
		return rc;
	}

	if (demo) {
		if (argc > 0)
			rc = cli_usage(NULL, "--demo takes no command");
		else
			rc = run_demo(&c);
		cli_free_words(words);
		return rc;
	}
	if (argc == 0) {
		struct db *db = NULL;
		const char *path = cli_db_path(&c);

		if ((rc = need_db(&c)) != EXIT_DONE) {
			cli_free_words(words);
			return rc;
		}
		if (c.ndb > 1) {
			cli_free_words(words);
			return cli_usage(NULL, "only stats takes several --db");
		}
		rc = cli_open(&c, path, 0, &db);
		if (rc == EXIT_DONE) {
			rc = tui_run(db, path);
			db_close(db);
		}
		cli_free_words(words);
		return rc;
	}
	if (argv[0][0] == '-') {
		rc = cli_usage(NULL, "'%s': unknown option", argv[0]);
	} else if ((cmd = find_command(argv[0])) == NULL) {
		rc = cli_usage(NULL, "'%s': unknown command", argv[0]);
	} else if (c.ndb > 1 && cmd->run != cmd_stats) {
		rc = cli_usage(cmd->name, "only stats takes several --db");
	} else if ((rc = need_db(&c)) != EXIT_DONE) {
		/* said why */
	} else {
		/* Commands that create the default database make its
		 * folder, private to its owner. */
		if (c.ndb == 0 &&
		    (cmd->run == cmd_init || cmd->run == cmd_import))
			make_default_dir(c.default_db);
		optind = 0;
		cli_text_output();
		rc = cmd->run(&c, argc, argv);
	}
	cli_free_words(words);
	return rc;
}
