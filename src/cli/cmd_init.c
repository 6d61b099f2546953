/*
 * cmd_init.c -- `mappa init [--area NAME]`: a new, empty database whose
 * creator is its first admin.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

int
cmd_init(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *area = NULL;
	struct db *db;
	enum db_status st = DB_OK;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			area = optarg;
			break;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("init", opt, argv);
		}
	}
	if (optind < argc)
		return cli_argument_fault("init", argv[optind]);
	rc = cli_open(c, cli_db_path(c), DB_OPEN_CREATE | DB_OPEN_NEW_ONLY,
		      &db);
	if (rc != EXIT_DONE)
		return rc;
	if (area)
		st = db_setting_set(db, "area_name", area);
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	else
		fprintf(stderr, "%s: created %s; %s is its first admin\n",
			cli_progname, cli_db_path(c), db_user(db));
	db_close(db);
	return cli_status(st);
}
