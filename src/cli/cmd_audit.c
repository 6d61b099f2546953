/*
 * cmd_audit.c -- `mappa audit` (read the trail) and `mappa backup FILE`
 * (or `-`, standard output: the way a backup travels over a forced
 * command).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/outfile.h"
#include "core/util.h"

static int
print_row(void *ctx, const struct db_audit *a)
{
	int csv = *(int *)ctx;

	if (csv) {
		printf("%lld,%s,", (long long)a->id, a->time);
		cli_csv_field(a->actor);
		putchar(',');
		cli_csv_field(a->action);
		putchar(',');
		cli_csv_field(a->record);
		putchar(',');
		cli_csv_field(a->detail);
		putchar('\n');
	} else {
		printf("%6lld %s %-12s %-18s %-24s %s\n", (long long)a->id,
		       a->time, a->actor, a->action, a->record, a->detail);
	}
	return 0;
}

int
cmd_audit(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "actor", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *since = NULL, *actor = NULL, *fmt = "text";
	struct db *db;
	enum db_status st;
	mdate d;
	int opt, rc, csv;

	while ((opt = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		switch (opt) {
		case 's':
			since = optarg;
			if (date_parse(since, &d) != 0)
				return cli_usage("audit", "--since: \"%s\" is "
						 "not a date (YYYY-MM-DD)",
						 since);
			break;
		case 'a':
			actor = optarg;
			break;
		case 'f':
			fmt = optarg;
			if (strcmp(fmt, "text") != 0 && strcmp(fmt, "csv") != 0)
				return cli_usage("audit", "--format: \"%s\" is "
						 "not text or csv", fmt);
			break;
		case ':':
			return cli_usage("audit", "'%s' needs an argument",
					 argv[optind - 1]);
		default:
			return cli_usage("audit", "'%s': unknown option",
					 argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage("audit", "unexpected argument '%s'",
				 argv[optind]);
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	csv = strcmp(fmt, "csv") == 0;
	if (db_role(db) != ROLE_ADMIN) {
		st = db_audit_list(db, since, actor, print_row, &csv);
	} else {
		if (csv)
			printf("id,time,actor,action,record,detail\n");
		st = db_audit_list(db, since, actor, print_row, &csv);
	}
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	db_close(db);
	return cli_status(st);
}

int
cmd_backup(struct cli *c, int argc, char **argv)
{
	struct outfile o = { .fd = -1 };
	char err[4400];
	const char *to;
	struct db *db;
	enum db_status st;
	bool out;
	int rc;

	if (argc != 2 || (argv[1][0] == '-' && argv[1][1] != '\0'))
		return cli_usage("backup", "FILE (or - for standard output)");
	to = argv[1];
	out = strcmp(to, "-") == 0;
	if ((rc = cli_path_arg(c, "backup", to)) != EXIT_DONE)
		return rc;
	if (out && isatty(STDOUT_FILENO)) {
		cli_error("backup -: standard output is a terminal; send it "
			  "to a file or a pipe");
		return EXIT_FAILED;
	}
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	/* The data layer refuses too; asking first keeps a refused
	 * backup from making a file. */
	if (db_role(db) != ROLE_ADMIN) {
		cli_error("a backup: not allowed for %s (role %s)",
			  db_user(db), db_role_name(db_role(db)));
		db_close(db);
		return EXIT_REFUSED;
	}
	if (!out && outfile_open(&o, to, err, sizeof err) != 0) {
		cli_error("backup: %s", err);
		db_close(db);
		return EXIT_FAILED;
	}
	st = db_backup(db, out ? STDOUT_FILENO : o.fd,
		       out ? "standard output" : to);
	if (st != DB_OK) {
		cli_error("%s", db_errmsg(db));
		rc = cli_status(st);
	} else if (!out && outfile_commit(&o, err, sizeof err) != 0) {
		cli_error("backup: %s", err);
		rc = EXIT_FAILED;
	}
	outfile_close(&o, rc != EXIT_DONE);
	if (!out && rc == EXIT_DONE)
		outfile_sync_dir(to);
	db_close(db);
	return rc;
}
