/*
 * cmd_stats.c -- `mappa stats`: the annual tables (statistics.md) for one
 * reporting year or a series, over one area or the total of several.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/context.h"
#include "cli/cli.h"
#include "core/stats.h"
#include "core/util.h"

/* Parse "2006-07..2011-12" (either end also "2006"). */
static int
parse_range(const char *s, int *first, int *last)
{
	const char *dots = strstr(s, "..");
	char a[16];

	if (dots == NULL || (size_t)(dots - s) >= sizeof a)
		return -1;
	memcpy(a, s, (size_t)(dots - s));
	a[dots - s] = '\0';
	if (report_year_parse(a, first) != 0 ||
	    report_year_parse(dots + 2, last) != 0 || *last < *first ||
	    *last - *first > 50)
		return -1;
	return 0;
}

int
cmd_stats(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "years", required_argument, NULL, 'Y' },
		{ "format", required_argument, NULL, 'f' },
		{ "template", required_argument, NULL, 't' },
		{ "board", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	int first = 0, last = 0, opt, rc = EXIT_DONE, fmt = STATS_TEXT;
	bool have_year = false, series = false;
	struct stats *total = NULL;
	struct stats_opts so = { 0, false, MDATE_NONE };
	char area[128] = "";
	char ybuf[8], dbuf[MDATE_BUFSZ];
	enum db_status st;
	int nareas = c->ndb > 0 ? c->ndb : 1;

	while ((opt = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if (have_year)
				return cli_usage("stats", "give one --year or "
						 "--years");
			if ((rc = cli_year_parse("stats", optarg, &first)) !=
			    EXIT_DONE)
				return rc;
			last = first;
			have_year = true;
			break;
		case 'Y':
			if (have_year)
				return cli_usage("stats", "give one --year or "
						 "--years");
			if (parse_range(optarg, &first, &last) != 0)
				return cli_usage("stats", "--years: \"%s\" is not "
						 "a range of reporting years "
						 "(e.g. 2006-07..2011-12)",
						 optarg);
			have_year = series = true;
			break;
		case 'f':
			if ((fmt = stats_format_parse(optarg)) < 0)
				return cli_usage("stats", "--format: \"%s\" is not "
						 "text, csv, markdown or json",
						 optarg);
			break;
		case 't':
			if ((rc = cli_template_parse("stats", optarg,
						     &so.template)) != EXIT_DONE)
				return rc;
			break;
		case 'b':
			so.board = true;
			break;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("stats", opt, argv);
		}
	}
	if (optind < argc)
		return cli_argument_fault("stats", argv[optind]);
	/* The same database twice is refused before any command
	 * (src/main.c): an area is never counted twice. */

	for (int i = 0; i < nareas && rc == EXIT_DONE; i++) {
		const char *path = c->ndb > 0 ? c->db[i] : c->default_db;
		struct db *db;
		struct stats *one;
		char detail[64];

		if ((rc = cli_open(c, path, 0, &db)) != EXIT_DONE)
			break;
		/* Today as the first area has it (a demo lives on its own
		 * today, as on the screens): the default year, and which
		 * years are provisional. */
		if (i == 0) {
			struct app_context ctx;

			if (cli_context_quiet(db, &ctx) != 0) {
				app_context_free(&ctx);
				db_close(db);
				rc = EXIT_FAILED;
				break;
			}
			so.today = ctx.today;
			if (nareas == 1)
				str_copy(area, ctx.area, sizeof area);
			app_context_free(&ctx);
		}
		if (!have_year) {
			first = last = date_report_year(so.today) - 1;
			have_year = true;
		}
		if ((one = stats_new(first, last)) == NULL) {
			cli_error("out of memory");
			db_close(db);
			rc = EXIT_FAILED;
			break;
		}
		st = db_read_through(db);
		if (st == DB_OK)
			st = db_stats_fill(db, one);
		if (st == DB_OK) {
			report_year_format(first, ybuf);
			snprintf(detail, sizeof detail, "year %s%s%s", ybuf,
				 series ? " (series)" : "",
				 so.board ? " (board)" : "");
			st = db_audit_log(db, "stats.view", NULL, detail);
		}
		if (st != DB_OK) {
			cli_error("%s: %s", path, db_errmsg(db));
			rc = cli_status(st);
			stats_free(one);
		} else if (total == NULL) {
			total = one;
		} else {
			stats_merge(total, one);
			stats_free(one);
		}
		db_close(db);
	}
	if (rc != EXIT_DONE) {
		stats_free(total);
		return rc;
	}
	if (nareas > 1)
		snprintf(area, sizeof area, "Total of %d areas", nareas);
	stats_finish(total);
	for (int y = first; y <= last; y++) {
		const struct stats_year *sy = stats_get(total, y);

		if (sy && sy->rso_per_100k == STATS_DASH)
			cli_warn("no population aged 10+ recorded for "
				 "mid-%d: table 6 of %s is '-'", y,
				 report_year_format(y, ybuf));
		if (stats_provisional(&so, y))
			cli_warn("%s is not over: its figures are provisional "
				 "(the year ends on %s)",
				 report_year_format(y, ybuf),
				 date_format(report_year_end(y), dbuf));
	}
	if (series)
		rc = stats_write_series(stdout, total, area, fmt, &so);
	else
		rc = stats_write_year(stdout, stats_get(total, first), area,
				      fmt, &so);
	stats_free(total);
	if (rc != 0 || fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("writing the statistics failed");
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}
