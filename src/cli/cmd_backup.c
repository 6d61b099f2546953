/*
 * cmd_backup.c -- `mappa backup FILE`: a consistent copy of the database
 * while others go on working (db_backup()).
 */
#include "config.h"

#include "cli/cli.h"

int
cmd_backup(struct cli *c, int argc, char **argv)
{
	struct db *db;
	enum db_status st;
	int rc;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage("backup", "FILE");
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	st = db_backup(db, argv[1]);
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	db_close(db);
	return cli_status(st);
}
