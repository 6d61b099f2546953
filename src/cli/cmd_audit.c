/*
 * cmd_audit.c -- `mappa audit`: read the trail.
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
