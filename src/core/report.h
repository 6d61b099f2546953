/*
 * report.h -- the statistical section of the annual MAPPA report, ready
 * for the Strategic Management Board's papers: the year's tables laid out
 * as published, and charts of how the figures moved over the years before
 * it.  HTML is one self-contained file (inline CSS and SVG, no external
 * files); Markdown draws its charts with block characters.
 */
#ifndef MAPPA_REPORT_H
#define MAPPA_REPORT_H

#include <stdio.h>

#include "core/stats.h"

enum report_format { REPORT_MARKDOWN, REPORT_HTML };

/* Parse "markdown" or "html"; -1 when unknown. */
int report_format_parse(const char *s);

/* How many reporting years before the report's year its charts show. */
#define REPORT_HISTORY 5

/*
 * Write the report for reporting year YEAR of AREA to OUT in FORMAT.  ST
 * must be finished and cover YEAR; the charts show every year of ST up to
 * YEAR; O chooses the template, the board's tables and today (as for
 * stats_write_year()).  Returns 0, or -1 on a write error.
 */
int report_write(FILE *out, const struct stats *st, int year,
		 const char *area, enum report_format format,
		 const struct stats_opts *o);

#endif
