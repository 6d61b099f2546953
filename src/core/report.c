/*
 * report.c -- the annual report's statistical section as Markdown or as
 * one self-contained HTML file with SVG bar charts.
 *
 * The tables come from stats_write_year(), so the report can never
 * disagree with `mappa stats`.  The charts are stacked bars, one per
 * reporting year, drawn with integer arithmetic; every label is escaped.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "core/escape.h"
#include "core/report.h"
#include "core/util.h"

/* A chart: a title and, per year, up to four stacked parts. */
struct chart {
	const char *id;
	const char *title;
	int nparts;
	const char *part[4];
	const char *colour[4];
	int (*value)(const struct stats_year *y, int part);
};

static int
v_register(const struct stats_year *y, int part)
{
	(void)part;
	return y->snapshot[STATS_ROW_TOTAL][STATS_CAT1];
}

static int
v_eligible(const struct stats_year *y, int part)
{
	static const int col[] = { STATS_CAT1, STATS_CAT2, STATS_CAT3,
				   STATS_CAT4 };
	int v = y->snapshot[STATS_ROW_TOTAL][col[part]];

	return v < 0 ? 0 : v;
}

static int
v_level23(const struct stats_year *y, int part)
{
	return y->yearly[part ? STATS_LEVEL3 : STATS_LEVEL2][STATS_TOTAL];
}

static const struct chart charts[] = {
	{ "chart_register",
	  "Registered sexual offenders (Category 1) in the community on "
	  "31 March", 1, { "Category 1" }, { "#1f4e79" }, v_register },
	{ "chart_eligible", "MAPPA-eligible offenders on 31 March, by category",
	  4, { "Category 1", "Category 2", "Category 3", "Category 4" },
	  { "#1f4e79", "#c55a11", "#548235", "#7030a0" }, v_eligible },
	{ "chart_level23",
	  "Offenders managed at Levels 2 and 3 during the year", 2,
	  { "Level 2", "Level 3" }, { "#2e75b6", "#c00000" }, v_level23 },
};

int
report_format_parse(const char *s)
{
	if (strcmp(s, "markdown") == 0)
		return REPORT_MARKDOWN;
	if (strcmp(s, "html") == 0)
		return REPORT_HTML;
	return -1;
}

/* The first year the charts show. */
static int
first_year(const struct stats *st, int year)
{
	int f = year - REPORT_HISTORY;

	return f < stats_first(st) ? stats_first(st) : f;
}

/* The sum of a chart's parts for Y. */
static int
total(const struct chart *c, const struct stats_year *y)
{
	int t = 0;

	for (int p = 0; p < c->nparts; p++)
		t += c->value(y, p);
	return t;
}

/* Whether any year shows part P of chart C (Category 4 mostly does not). */
static bool
part_used(const struct chart *c, const struct stats *st, int from, int to,
	  int p)
{
	if (p < 3 || c->nparts < 4)
		return true;
	for (int y = from; y <= to; y++)
		if (c->value(stats_get(st, y), p) > 0)
			return true;
	return false;
}

/* Chart C as an inline SVG figure. */
static void
svg_chart(struct strbuf *sb, const struct chart *c, const struct stats *st,
	  int from, int to)
{
	const int w = 640, h = 280, left = 48, right = 16, top = 36,
		  bottom = 56;
	int n = to - from + 1, max = 1, slot, bar;
	char label[8];

	for (int y = from; y <= to; y++)
		if (total(c, stats_get(st, y)) > max)
			max = total(c, stats_get(st, y));
	slot = (w - left - right) / n;
	bar = slot * 3 / 5;
	sb_printf(sb, "<figure id=\"%s\">\n<svg xmlns=\"http://www.w3.org/"
		  "2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
		  "role=\"img\" aria-label=\"", c->id, w, h, w, h);
	escape_html(sb, c->title);
	sb_add(sb, "\">\n");
	sb_printf(sb, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		  "stroke=\"#444\"/>\n", left, h - bottom, w - right, h - bottom);
	for (int y = from; y <= to; y++) {
		const struct stats_year *sy = stats_get(st, y);
		int x = left + (y - from) * slot + (slot - bar) / 2;
		int base = h - bottom, t = total(c, sy);

		for (int p = 0; p < c->nparts; p++) {
			int v = c->value(sy, p);
			int hh = v * (h - top - bottom) / max;

			if (v <= 0)
				continue;
			base -= hh;
			sb_printf(sb, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
				  "height=\"%d\" fill=\"%s\"><title>%s %s: %d"
				  "</title></rect>\n", x, base, bar, hh,
				  c->colour[p], report_year_format(y, label),
				  c->part[p], v);
		}
		sb_printf(sb, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
			  "font-size=\"13\">%d</text>\n", x + bar / 2, base - 5,
			  t);
		sb_printf(sb, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
			  "font-size=\"13\">%s</text>\n", x + bar / 2,
			  h - bottom + 18, report_year_format(y, label));
	}
	if (c->nparts > 1) {
		int lx = left;

		for (int p = 0; p < c->nparts; p++) {
			if (!part_used(c, st, from, to, p))
				continue;
			sb_printf(sb, "<rect x=\"%d\" y=\"%d\" width=\"12\" "
				  "height=\"12\" fill=\"%s\"/><text x=\"%d\" "
				  "y=\"%d\" font-size=\"12\">%s</text>\n", lx,
				  h - 22, c->colour[p], lx + 16, h - 12,
				  c->part[p]);
			lx += 110;
		}
	}
	sb_add(sb, "</svg>\n<figcaption>");
	escape_html(sb, c->title);
	sb_add(sb, "</figcaption>\n</figure>\n");
}

/* Chart C as text bars, for Markdown: a code block, one line a year. */
static void
text_chart(struct strbuf *sb, const struct chart *c, const struct stats *st,
	   int from, int to)
{
	static const char *const fill[4] = { "\u2588", "\u2593", "\u2592",
					     "\u2591" };
	const int width = 50;
	int max = 1;
	char label[8];

	for (int y = from; y <= to; y++)
		if (total(c, stats_get(st, y)) > max)
			max = total(c, stats_get(st, y));
	sb_printf(sb, "### %s\n\n```\n", c->title);
	for (int y = from; y <= to; y++) {
		const struct stats_year *sy = stats_get(st, y);

		sb_printf(sb, "%s ", report_year_format(y, label));
		for (int p = 0; p < c->nparts; p++) {
			int n = c->value(sy, p) * width / max;

			for (int i = 0; i < n; i++)
				sb_add(sb, fill[p]);
		}
		sb_printf(sb, " %d\n", total(c, sy));
	}
	sb_add(sb, "```\n");
	if (c->nparts > 1) {
		sb_add(sb, "\n");
		for (int p = 0; p < c->nparts; p++)
			if (part_used(c, st, from, to, p))
				sb_printf(sb, "%s %s  ", fill[p], c->part[p]);
		sb_add(sb, "\n");
	}
	sb_add(sb, "\n");
}

/* A sentence on the register's growth over the charted years. */
static void
growth(struct strbuf *sb, const struct stats *st, int from, int to, bool html)
{
	int a = v_register(stats_get(st, from), 0);
	int b = v_register(stats_get(st, to), 0);

	if (from == to || a <= 0)
		return;
	sb_add(sb, html ? "<p class=\"commentary\">" : "");
	sb_printf(sb, "The number of registered sexual offenders in the "
		  "community on 31 March went from %d in %d to %d in %d "
		  "(%s%d%%). Offenders register for long periods, often for "
		  "life, so more join the register each year than leave it.",
		  a, from + 1, b, to + 1, b >= a ? "+" : "",
		  (b - a) * 100 / a);
	sb_add(sb, html ? "</p>\n" : "\n\n");
}

static const char css[] =
	"body{font-family:sans-serif;max-width:52em;margin:2em auto;"
	"color:#111;line-height:1.4}"
	"table{border-collapse:collapse;margin:.5em 0 1.5em}"
	"th,td{border:1px solid #999;padding:.25em .6em}"
	"td{text-align:right}th[scope=row]{text-align:left}"
	"tr.total{font-weight:bold}caption{text-align:left;font-weight:bold}"
	"figure{margin:1em 0 2em}figcaption{font-size:.9em;color:#444}"
	".note{font-size:.9em;color:#444}"
	".provisional{color:#a00}.moves-summary{font-weight:bold}"
	"td.up{background:#fde0c5}td.down{background:#d9f0d3}"
	"td.out{background:#e0e0e0}";

static int
put(FILE *out, struct strbuf *sb)
{
	int rc = 0;

	if (sb->failed || (sb->len && fwrite(sb->s, 1, sb->len, out) !=
					      sb->len))
		rc = -1;
	sb_free(sb);
	return rc;
}

int
report_write(FILE *out, const struct stats *st, int year, const char *area,
	     enum report_format format, const struct stats_opts *o)
{
	const struct stats_year *y = stats_get(st, year);
	int from = first_year(st, year), rc = 0;
	struct strbuf sb;
	char when[8];

	if (y == NULL)
		return -1;
	report_year_format(year, when);
	sb_init(&sb);
	if (format == REPORT_HTML) {
		sb_add(&sb, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
			    "<meta charset=\"utf-8\">\n<title>");
		escape_html(&sb, area);
		sb_printf(&sb, " MAPPA annual report %s: statistics</title>\n"
			  "<style>%s</style>\n</head>\n<body>\n<header>\n"
			  "<h1>MAPPA annual report %s: statistics",
			  when, css, when);
		if (stats_provisional(o, year)) {
			char d[MDATE_BUFSZ];

			sb_printf(&sb, " (provisional: the year ends on %s)",
				  date_format(report_year_end(year), d));
		}
		sb_add(&sb, "</h1>\n<p>");
		escape_html(&sb, area);
		sb_printf(&sb, "</p>\n<p>The tables count, from the area's own "
			  "records, the reporting year 1 April %d to 31 March "
			  "%d; the first is a snapshot on 31 March %d.</p>\n"
			  "</header>\n<main>\n", year, year + 1, year + 1);
		rc |= put(out, &sb);
		rc |= stats_write_year(out, y, area, STATS_HTML, o);
		sb_init(&sb);
		sb_add(&sb, "<section id=\"trends\">\n<h2>How the figures "
			    "moved</h2>\n");
		growth(&sb, st, from, year, true);
		for (size_t i = 0; i < NELEM(charts); i++)
			svg_chart(&sb, &charts[i], st, from, year);
		sb_add(&sb, "</section>\n</main>\n</body>\n</html>\n");
		rc |= put(out, &sb);
	} else {
		rc |= stats_write_year(out, y, area, STATS_MARKDOWN, o);
		sb_add(&sb, "\n## How the figures moved\n\n");
		growth(&sb, st, from, year, false);
		for (size_t i = 0; i < NELEM(charts); i++)
			text_chart(&sb, &charts[i], st, from, year);
		rc |= put(out, &sb);
	}
	if (fflush(out) != 0 || ferror(out))
		rc = -1;
	return rc ? -1 : 0;
}
