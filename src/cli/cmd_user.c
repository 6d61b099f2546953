/*
 * cmd_user.c -- `mappa user`: add, set-role, disable, list (admin).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/util.h"

static void
print_user(const struct db_user *u, bool csv)
{
	if (csv) {
		/* By the one CSV writer, as every CSV mappa writes. */
		cli_csv_field(u->name);
		printf(",%s,%s,%s\n", db_role_name(u->role),
		       u->active ? "active" : "disabled", u->created);
	} else
		printf("%-20s %-7s %-9s %s\n", u->name, db_role_name(u->role),
		       u->active ? "active" : "disabled", u->created);
}

static int
finish(struct db *db, enum db_status st)
{
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	db_close(db);
	return cli_status(st);
}

int
cmd_user(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *sub, *role_s = NULL, *fmt = "text";
	enum db_role role = ROLE_MEMBER;
	struct db *db;
	int opt, rc;
	bool csv = false;
	struct db_users users = { 0 };
	enum db_status st;
	char *args[3];
	int nargs = 0;

	if (argc < 2)
		return cli_usage("user", "which: add, set-role, disable or "
				 "list?");
	sub = argv[1];
	argc--;
	argv++;
	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			role_s = optarg;
			break;
		case 'f':
			fmt = optarg;
			break;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("user", opt, argv);
		}
	}
	for (; optind < argc; optind++) {
		if (nargs == 3)
			return cli_usage("user", "too many arguments");
		args[nargs++] = argv[optind];
	}
	if (role_s && (role = db_role_parse(role_s)) == ROLE_NONE)
		return cli_usage("user", "--role: \"%s\" is not admin, member "
				 "or lay", role_s);
	if (strcmp(sub, "add") == 0) {
		if (nargs != 1)
			return cli_usage("user", "add NAME [--role ROLE]");
	} else if (strcmp(sub, "set-role") == 0) {
		if (nargs != 2 || role_s)
			return cli_usage("user", "set-role NAME ROLE");
		if ((role = db_role_parse(args[1])) == ROLE_NONE)
			return cli_usage("user", "\"%s\" is not admin, member "
					 "or lay", args[1]);
	} else if (strcmp(sub, "disable") == 0) {
		if (nargs != 1 || role_s)
			return cli_usage("user", "disable NAME");
	} else if (strcmp(sub, "list") == 0) {
		if (nargs != 0 || role_s)
			return cli_usage("user", "list [--format text|csv]");
		if ((rc = cli_format_parse("user", fmt, &csv)) != EXIT_DONE)
			return rc;
	} else {
		return cli_usage("user", "'%s': not add, set-role, disable or "
				 "list", sub);
	}
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (strcmp(sub, "add") == 0)
		return finish(db, db_user_add(db, args[0], role));
	if (strcmp(sub, "set-role") == 0)
		return finish(db, db_user_set_role(db, args[0], role));
	if (strcmp(sub, "disable") == 0)
		return finish(db, db_user_disable(db, args[0]));
	if (csv && db_role(db) == ROLE_ADMIN)
		printf("name,role,status,created\n");
	if ((st = db_user_list(db, &users)) == DB_OK)
		for (int i = 0; i < users.n; i++)
			print_user(&users.v[i], csv);
	db_list_free(&users);
	return finish(db, st);
}
