/*
 * cmd_settings.c -- `mappa settings get|set|list`.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void
print_setting(const struct db_setting *s)
{
	printf("%-30s %-22s # %s\n", s->key, cli_line(s->value), s->about);
}

int
cmd_settings(struct cli *c, int argc, char **argv)
{
	struct db *db;
	enum db_status st;
	char value[DB_STATEMENT_MAX + 1];
	int rc;
	const char *sub = argc > 1 ? argv[1] : "";

	if (strcmp(sub, "get") == 0 && argc == 3) {
	} else if (strcmp(sub, "set") == 0 && argc == 4) {
	} else if (strcmp(sub, "list") == 0 && argc == 2) {
	} else {
		return cli_usage("settings", "get KEY | set KEY VALUE | list");
	}
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (strcmp(sub, "get") == 0) {
		st = db_setting_get(db, argv[2], value, sizeof value);
		if (st == DB_OK)
			printf("%s\n", cli_line(value));
	} else if (strcmp(sub, "set") == 0) {
		st = db_setting_set(db, argv[2], argv[3]);
	} else {
		struct db_settings list = { 0 };

		st = db_setting_list(db, &list);
		for (int i = 0; st == DB_OK && i < list.n; i++)
			print_setting(&list.v[i]);
		db_list_free(&list);
	}
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	db_close(db);
	return cli_status(st);
}
