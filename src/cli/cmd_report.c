/*
 * cmd_report.c -- `mappa report --year Y --format markdown|html`: the
 * annual report's statistical section with its charts, for the board.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "app/context.h"
#include "cli/cli.h"
#include "core/report.h"
#include "core/stats.h"

int
cmd_report(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "template", required_argument, NULL, 't' },
		{ "board", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	struct stats_opts so = { 0, false, MDATE_NONE };
	int year = 0, fmt = REPORT_MARKDOWN, opt, rc;
	bool have_year = false;
	struct stats *st;
	struct db *db;
	enum db_status s;
	struct app_context ctx;
	char detail[64], when[8];

	while ((opt = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if ((rc = cli_year_parse("report", optarg, &year)) !=
			    EXIT_DONE)
				return rc;
			have_year = true;
			break;
		case 'f':
			if ((fmt = report_format_parse(optarg)) < 0)
				return cli_usage("report", "--format: \"%s\" is "
						 "not markdown or html",
						 optarg);
			break;
		case 't':
			if ((rc = cli_template_parse("report", optarg,
						     &so.template)) != EXIT_DONE)
				return rc;
			break;
		case 'b':
			so.board = true;
			break;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("report", opt, argv);
		}
	}
	if (optind < argc)
		return cli_argument_fault("report", argv[optind]);
	/* Today as the screens have it (a demo's own): the default year
	 * and which years are provisional; the area's name. */
	if ((rc = cli_open_context(c, 0, false, &db, &ctx)) != EXIT_DONE)
		return rc;
	so.today = ctx.today;
	if (!have_year)
		year = date_report_year(ctx.today) - 1;
	if ((st = stats_new(year - REPORT_HISTORY, year)) == NULL) {
		cli_error("out of memory");
		app_context_free(&ctx);
		db_close(db);
		return EXIT_FAILED;
	}
	s = db_read_through(db);
	if (s == DB_OK)
		s = db_stats_fill(db, st);
	if (s == DB_OK) {
		snprintf(detail, sizeof detail, "year %s; format %s",
			 report_year_format(year, when),
			 fmt == REPORT_HTML ? "html" : "markdown");
		s = db_audit_log(db, "report.view", NULL, detail);
	}
	if (s != DB_OK) {
		cli_error("%s", db_errmsg(db));
		stats_free(st);
		app_context_free(&ctx);
		db_close(db);
		return cli_status(s);
	}
	db_close(db);
	stats_finish(st);
	if (stats_get(st, year)->rso_per_100k == STATS_DASH)
		cli_warn("no population aged 10+ recorded for mid-%d: table 6 "
			 "is '-'", year);
	if (stats_provisional(&so, year))
		cli_warn("%s is not over: its figures are provisional (the "
			 "year ends on %s)", report_year_format(year, when),
			 date_format(report_year_end(year), detail));
	rc = report_write(stdout, st, year, ctx.area, fmt, &so);
	stats_free(st);
	app_context_free(&ctx);
	if (rc != 0) {
		cli_error("writing the report failed");
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}
