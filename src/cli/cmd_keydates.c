/*
 * cmd_keydates.c -- `mappa keydates [--list L] [--format text|csv]`
 * (issue 15): the cases whose key dates need doing something about --
 * MAPPA J notifications due or overdue, releases, licences and
 * notifications ending in the next six weeks.  Admins and members only:
 * the lists name people.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/casefile.h"
#include "core/util.h"

/* The --list names, in enum db_key_list's order. */
static const char *const list_names[DB_KEY_LISTS] = {
	"mappa-j", "releases", "licences", "notifications",
};

struct listing {
	bool csv;
	enum db_key_list list;
	size_t n;
	int64_t *ids;      /* the cases shown, for the consultation log */
	int nids, cap;
	bool failed;
};

static const char *
j_state(int j)
{
	return j == CF_J_OVERDUE ? "overdue" : j == CF_J_DUE ? "due" : "";
}

/* Case K of the list, as a line (and its id kept for the log). */
static void
print_case(struct listing *l, const struct db_key_case *k)
{
	char name[2 * DB_FIELD_MAX + 2];

	l->n++;
	if (array_push(&l->ids, &l->nids, &l->cap, &k->id, sizeof k->id) !=
	    0) {
		l->failed = true;
		return;
	}
	snprintf(name, sizeof name, "%s%s%s", k->surname,
		 k->forenames[0] ? ", " : "", k->forenames);
	if (l->csv) {
		printf("%s,", list_names[l->list]);
		cli_csv_field(k->ref);
		putchar(',');
		cli_csv_field(name);
		printf(",%d,%s,%s,%s,%s\n", k->level,
		       case_status_name(k->status), k->date, k->due,
		       j_state(k->j_state));
		return;
	}
	printf("  %-14s  %-30.30s  L%d  %-9s  %s", cli_line(k->ref),
	       cli_line(name), k->level, case_status_name(k->status), k->date);
	if (l->list == DB_KEY_MAPPA_J)
		printf("  due %s  %s", k->due, j_state(k->j_state));
	putchar('\n');
}

int
cmd_keydates(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "list", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct listing l = { .csv = false, .list = DB_KEY_MAPPA_J };
	struct db_key_cases cases = { 0 };
	int only = -1, opt, rc;
	struct db *db;
	enum db_status st = DB_OK;
	mdate today;

	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (opt) {
		case 'l':
			for (only = 0; only < DB_KEY_LISTS; only++)
				if (strcmp(optarg, list_names[only]) == 0)
					break;
			if (only == DB_KEY_LISTS)
				return cli_usage("keydates", "--list: \"%s\" is "
						 "not mappa-j, releases, "
						 "licences or notifications",
						 optarg);
			break;
		case 'f':
			if ((rc = cli_format_parse("keydates", optarg,
						   &l.csv)) != EXIT_DONE)
				return rc;
			break;
		case 'h':
			cli_command_help("keydates");
			return EXIT_DONE;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("keydates", opt, argv);
		}
	}
	if (optind < argc)
		return cli_argument_fault("keydates", argv[optind]);
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	/* The data layer refuses too; asking first prints nothing. */
	if (db_role(db) == ROLE_LAY) {
		cli_error("keydates: not allowed for %s (role lay): the lists "
			  "name people", db_user(db));
		db_close(db);
		return EXIT_REFUSED;
	}
	if (cli_db_today(db, &today) != 0) {
		db_close(db);
		return EXIT_FAILED;
	}
	if (l.csv)
		printf("list,ref,name,level,status,date,due,state\n");
	for (int i = 0; i < DB_KEY_LISTS && st == DB_OK; i++) {
		if (only >= 0 && i != only)
			continue;
		l.list = (enum db_key_list)i;
		l.n = 0;
		if (!l.csv)
			printf("%s\n", db_key_list_title(l.list));
		st = db_key_list(db, l.list, today, &cases);
		for (int k = 0; st == DB_OK && k < cases.n && !l.failed; k++)
			print_case(&l, &cases.v[k]);
		if (st == DB_OK && l.failed) {
			db_close(db);
			db_list_free(&cases);
			free(l.ids);
			cli_error("keydates: out of memory");
			return EXIT_FAILED;
		}
		if (st == DB_OK && !l.csv)
			printf("  %zu case%s\n", l.n, l.n == 1 ? "" : "s");
	}
	/* One row for the lists: who saw which cases (audit --case). */
	if (st == DB_OK)
		st = db_audit_consult(db, "keydates.view", l.ids,
				      (size_t)l.nids,
				      only >= 0 ? list_names[only]
						: "all lists");
	db_list_free(&cases);
	free(l.ids);
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	db_close(db);
	return cli_status(st);
}
