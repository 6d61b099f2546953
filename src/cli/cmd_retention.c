/*
 * cmd_retention.c -- `mappa retention`: the review of what is kept (admin).
 *
 *   retention [list] [--due DATE] [--format text|csv]
 *   retention keep REF --until DATE --reason TEXT
 *   retention erase REF --reason TEXT --yes
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/util.h"

static void
print_due(const struct db_retention *r, int csv)
{
	if (csv) {
		/* By the one CSV writer, as every CSV mappa writes. */
		cli_csv_field(r->ref);
		printf(",%s,%d,%s,%s\n", r->pseudo, r->category, r->exited,
		       r->review);
	} else
		printf("%-16s %-9s cat %d  exited %-10s  review due %s\n",
		       r->ref, r->pseudo, r->category, r->exited, r->review);
}

int
cmd_retention(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "due", required_argument, NULL, 'd' },
		{ "until", required_argument, NULL, 'u' },
		{ "reason", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	const char *sub = "list", *due = NULL, *until = NULL, *reason = NULL;
	const char *fmt = "text", *ref = NULL;
	struct db_offender o;
	struct db_retentions due_list = { 0 };
	struct db *db;
	enum db_status st;
	mdate d_due, d_until;
	int opt, rc, csv = 0, yes = 0;
	bool as_csv = false;

	if (argc > 1 && argv[1][0] != '-') {
		sub = argv[1];
		argc--;
		argv++;
	}
	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			due = optarg;
			break;
		case 'u':
			until = optarg;
			break;
		case 'r':
			reason = optarg;
			break;
		case 'f':
			fmt = optarg;
			break;
		case 'y':
			yes = 1;
			break;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("retention", opt, argv);
		}
	}
	if (optind < argc)
		ref = argv[optind++];
	if (optind < argc)
		return cli_argument_fault("retention", argv[optind]);
	if (strcmp(sub, "list") == 0) {
		if (ref || until || reason || yes)
			return cli_usage("retention", "list [--due DATE] "
					 "[--format text|csv]");
		if ((rc = cli_format_parse("retention", fmt, &as_csv)) !=
		    EXIT_DONE)
			return rc;
		csv = as_csv; /* print_due() reads an int */
		if (due && (rc = cli_date_arg("retention", "--due", due,
					      &d_due)) != EXIT_DONE)
			return rc;
	} else if (strcmp(sub, "keep") == 0) {
		if (!ref || !until || !reason || due || yes)
			return cli_usage("retention", "keep REF --until DATE "
					 "--reason TEXT");
		if ((rc = cli_date_arg("retention", "--until", until,
				       &d_until)) != EXIT_DONE)
			return rc;
	} else if (strcmp(sub, "erase") == 0) {
		if (!ref || !reason || due || until)
			return cli_usage("retention", "erase REF --reason TEXT "
					 "--yes");
		if (!yes)
			return cli_usage("retention", "erasure cannot be "
					 "undone: add --yes to confirm");
	} else {
		return cli_usage("retention", "'%s': not list, keep or erase",
				 sub);
	}
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (strcmp(sub, "list") == 0) {
		if (!due && cli_db_today(db, &d_due) != 0) {
			db_close(db);
			return EXIT_FAILED;
		}
		if (csv && db_role(db) == ROLE_ADMIN)
			printf("ref,pseudo,category,exited,review\n");
		st = db_retention_due(db, d_due, &due_list);
		for (int i = 0; st == DB_OK && i < due_list.n; i++)
			print_due(&due_list.v[i], csv);
		db_list_free(&due_list);
	} else if (db_role(db) != ROLE_ADMIN) {
		/* Refused before the record is even looked up. */
		cli_error("retention review: not allowed for %s (role %s)",
			  db_user(db), db_role_name(db_role(db)));
		db_close(db);
		return EXIT_REFUSED;
	} else if ((st = db_offender_get(db, 0, ref, &o)) == DB_OK) {
		if (strcmp(sub, "keep") == 0)
			st = db_retention_keep(db, o.id, d_until, reason);
		else
			st = db_retention_erase(db, o.id, reason);
		if (st == DB_OK && strcmp(sub, "erase") == 0)
			fprintf(stderr, "%s: %s erased; its history stays as "
				"%s\n", cli_progname, ref, o.pseudo);
		db_offender_clear(&o);
	}
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	db_close(db);
	return cli_status(st);
}
