/*
 * cmd_kpi.c -- `mappa kpi`: the performance indicators of one reporting
 * year, per quarter and for the year, against the area's targets
 * (core/kpi.h holds the rules).  Everyone may run it; --cases lists the
 * cases that fall short, which only admins and members are given.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/context.h"
#include "cli/cli.h"
#include "core/agenda.h"
#include "core/kpi.h"

int
cmd_kpi(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "cases", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	int year = 0, fmt = KPI_TEXT, opt, rc;
	bool have_year = false, cases = false, csv = false;
	struct app_context ctx;
	struct kpi k;
	struct db *db;
	enum db_status st;
	mdate today;

	while ((opt = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if ((rc = cli_year_parse("kpi", optarg, &year)) !=
			    EXIT_DONE)
				return rc;
			have_year = true;
			break;
		case 'f':
			if ((rc = cli_format_parse("kpi", optarg, &csv)) !=
			    EXIT_DONE)
				return rc;
			fmt = csv ? KPI_CSV : KPI_TEXT;
			break;
		case 'c':
			cases = true;
			break;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("kpi", opt, argv);
		}
	}
	if (optind < argc)
		return cli_argument_fault("kpi", argv[optind]);
	if ((rc = cli_open_context(c, 0, true, &db, &ctx)) != EXIT_DONE)
		return rc;
	today = ctx.today;
	if (!have_year)
		year = date_report_year(today) - 1;
	if (cases && db_role(db) == ROLE_LAY) {
		cli_error("kpi: --cases: the cases are not shown to lay "
			  "advisers");
		app_context_free(&ctx);
		db_close(db);
		return EXIT_REFUSED;
	}
	st = db_kpi(db, year, today, &ctx.holidays, &k);
	app_context_free(&ctx);
	if (st != DB_OK) {
		cli_error("%s", db_errmsg(db));
		kpi_free(&k);
		db_close(db);
		return cli_status(st);
	}
	if (cases) {
		/* The cases behind the figures show names: log them. */
		int64_t *ids = malloc((k.nsf ? k.nsf : 1) * sizeof *ids);
		size_t n = 0;
		char yb[8], detail[48];
		bool oom = ids == NULL;

		for (size_t i = 0; ids && i < k.nsf; i++)
			ids[n++] = k.sf[i].offender_id;
		snprintf(detail, sizeof detail, "year %s",
			 report_year_format(year, yb));
		st = oom ? DB_ERROR
			 : db_audit_consult(db, "kpi.cases", ids, n, detail);
		free(ids);
		if (st != DB_OK) {
			cli_error("%s", oom ? "out of memory" : db_errmsg(db));
			kpi_free(&k);
			db_close(db);
			return cli_status(st);
		}
	}
	db_close(db);
	rc = kpi_write(stdout, &k, ctx.area, fmt, cases);
	kpi_free(&k);
	if (rc != 0 || fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("writing the indicators failed");
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}
