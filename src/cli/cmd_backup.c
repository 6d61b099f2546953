/*
 * cmd_backup.c -- `mappa backup FILE`: a consistent copy of the database
 * while others go on working (db_backup()), into a new file written
 * through its own descriptor, or `-`, standard output: the way a backup
 * travels over a forced command.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/outfile.h"
#include "core/util.h"

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
