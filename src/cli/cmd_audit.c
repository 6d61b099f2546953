/*
 * cmd_audit.c -- `mappa audit` (read the trail, check its hash chain)
 * and `mappa repair [--drop-unknown]`.
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
	bool csv = *(bool *)ctx;

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
		       a->time, cli_line(a->actor), cli_line(a->action),
		       cli_line(a->record), cli_line(a->detail));
	}
	return 0;
}

/* `mappa audit verify [--head HASH]`: walk the hash chain. */
static int
audit_verify(struct cli *c, int argc, char **argv)
{
	const char *want = NULL;
	struct db_audit_check chk;
	struct db *db;
	enum db_status st;
	int rc;

	if (argc == 3 && strcmp(argv[1], "--head") == 0)
		want = argv[2];
	else if (argc != 1)
		return cli_usage("audit", "verify [--head HASH]");
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	st = db_audit_verify(db, want, &chk);
	if (st != DB_OK) {
		cli_error("%s", db_errmsg(db));
		db_close(db);
		return cli_status(st);
	}
	db_close(db);
	if (chk.broken) {
		cli_error("audit verify: the hash chain breaks at row %lld: %s",
			  (long long)chk.broken, chk.why);
		return EXIT_FAILED;
	}
	if (want && chk.found_id == 0) {
		cli_error("audit verify: no row has the hash %s: the trail "
			  "was rewritten or cut short since it was kept", want);
		return EXIT_FAILED;
	}
	printf("audit trail intact: %lld rows, the last %lld %s\n",
	       (long long)chk.rows, (long long)chk.head_id, chk.head);
	if (want)
		printf("the kept hash is row %lld's\n", (long long)chk.found_id);
	return EXIT_DONE;
}

/* `mappa audit head`: the last row's id and hash, to keep elsewhere. */
static int
audit_head(struct cli *c, int argc, char **argv)
{
	char hash[65];
	int64_t id;
	struct db *db;
	enum db_status st;
	int rc;

	(void)argv;
	if (argc != 1)
		return cli_usage("audit", "head");
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	st = db_audit_head(db, &id, hash);
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	else
		printf("%lld %s\n", (long long)id, hash);
	db_close(db);
	return cli_status(st);
}

int
cmd_audit(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "actor", required_argument, NULL, 'a' },
		{ "case", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *since = NULL, *actor = NULL, *case_ref = NULL;
	struct db *db;
	enum db_status st;
	mdate d;
	int opt, rc;
	bool csv = false;

	if (argc > 1 && strcmp(argv[1], "verify") == 0)
		return audit_verify(c, argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "head") == 0)
		return audit_head(c, argc - 1, argv + 1);
	while ((opt = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		switch (opt) {
		case 's':
			since = optarg;
			if ((rc = cli_date_arg("audit", "--since", since,
					       &d)) != EXIT_DONE)
				return rc;
			break;
		case 'a':
			actor = optarg;
			break;
		case 'c':
			case_ref = optarg;
			break;
		case 'f':
			if ((rc = cli_format_parse("audit", optarg, &csv)) !=
			    EXIT_DONE)
				return rc;
			break;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("audit", opt, argv);
		}
	}
	if (optind < argc)
		return cli_argument_fault("audit", argv[optind]);
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (db_role(db) != ROLE_ADMIN) {
		st = db_audit_list(db, since, actor, case_ref, print_row,
				   &csv);
	} else {
		if (csv)
			printf("id,time,actor,action,record,detail\n");
		st = db_audit_list(db, since, actor, case_ref, print_row,
				   &csv);
	}
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	db_close(db);
	return cli_status(st);
}

static void
print_repair(void *ctx, const char *verb, const char *what)
{
	bool apply = *(bool *)ctx;

	printf("%s %s\n", apply ? (strcmp(verb, "drop") == 0 ? "dropped"
				   : strcmp(verb, "rewrite") == 0 ? "rewrote"
				   : "restored") : verb, what);
}

int
cmd_repair(struct cli *c, int argc, char **argv)
{
	bool apply = false;
	struct db *db;
	enum db_status st;
	int rc, n = 0;

	if (argc == 2 && strcmp(argv[1], "--drop-unknown") == 0)
		apply = true;
	else if (argc != 1)
		return cli_usage("repair", "[--drop-unknown]");
	if ((rc = cli_open(c, cli_db_path(c), DB_OPEN_REPAIR, &db)) !=
	    EXIT_DONE)
		return rc;
	st = db_schema_repair(db, apply, print_repair, &apply, &n);
	if (st != DB_OK) {
		cli_error("repair: %s", db_errmsg(db));
		db_close(db);
		return cli_status(st);
	}
	db_close(db);
	if (n == 0) {
		printf("the schema is as mappa made it\n");
		return EXIT_DONE;
	}
	if (!apply) {
		cli_error("repair: the schema differs from mappa's in %d "
			  "place%s; 'mappa repair --drop-unknown' puts it "
			  "right", n, n == 1 ? "" : "s");
		return EXIT_FAILED;
	}
	/* Open it the ordinary way: checked, and brought up to date. */
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	db_close(db);
	return EXIT_DONE;
}
