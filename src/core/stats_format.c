/*
 * stats_format.c -- writing the annual statistics as text, CSV, Markdown
 * or JSON (statistics.md, "Machine-readable output").
 *
 * Every format shows the same cells.  A Category 4 column appears in a
 * table only when that table counts a Category 4 offender; the SHPO, SRO
 * and RSHO rows of the restrictive orders only when not zero.  CSV is the
 * contract, byte for byte.  Text follows the layout of the published
 * report within 80 columns; Markdown gives the same tables as pipe
 * tables.  JSON is one object per year: "area" (null when none), "year"
 * ("2010-11"), "start" and "end" (ISO dates), one member per CSV table
 * name holding exactly the CSV's cells ({row: {column: value}} for level
 * tables, {kind: n} for restrictive orders, a bare number for the
 * one-figure tables), and "population"; numbers are JSON numbers, and a
 * dash cell ("-") or a missing population is null.
 *
 * A series (several years) is, in CSV, each year's lines prefixed by the
 * year ("2010-11"), with each year's own Category 4 and order rows; in
 * text and Markdown, one line per cell with a column per year (a
 * Category 4 or order line appears when any year needs it); in JSON, an
 * array of the single-year objects.
 *
 * Output is composed in a strbuf and written at once, so that a failure
 * is reported once, as -1.  The area name comes from the settings and is
 * escaped for each format; control characters never reach a terminal.
 */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/chars.h"
#include "core/stats.h"
#include "core/util.h"

const char *const stats_table_key[STATS_TABLES] = {
	"eligible_snapshot", "level23_yearly", "notification_breach",
	"restrictive_orders", "custody_licence_breach", "custody_sopo_breach",
	"rso_per_100k",
};
const char *const stats_row_key[STATS_NROWS] = {
	"level1", "level2", "level3", "total",
};
const char *const stats_row_label[STATS_NROWS] = {
	"Level 1", "Level 2", "Level 3", "Total",
};
const char *const stats_col_key[STATS_NCOLS] = {
	"cat1", "cat2", "cat3", "cat4", "total",
};
const char *const stats_col_short[STATS_NCOLS] = {
	"Cat 1", "Cat 2", "Cat 3", "Cat 4", "Total",
};
const char *const stats_col_long[STATS_NCOLS] = {
	"Category 1: Registered sex offenders",
	"Category 2: Violent offenders",
	"Category 3: Other dangerous offenders",
	"Category 4: Terrorist and terrorism-risk offenders",
	"Total",
};
const char *const stats_order_label[ORDER_KIND_MAX + 1] = {
	NULL, "SOPOs", "NOs", "FTOs", "SHPOs", "SROs", "RSHOs",
};

#define T_LICENCE "Breach of licence"
#define T_SOPO "Breach of SOPO"

/* Text layout: the label column, then cells of " %7s". */
#define TEXT_WIDTH 78
#define LABEL_W 20
#define CELL_W 8
#define SERIES_LABEL_W 15

/* --- the cells ---------------------------------------------------------- */

/* Whether TAB is a table of levels by categories. */
static bool
is_level_table(int tab)
{
	return tab == STATS_T_SNAPSHOT || tab == STATS_T_YEARLY ||
	    tab == STATS_T_LICENCE || tab == STATS_T_SOPO;
}

/* The first row a level table prints. */
static int
first_row(int tab)
{
	return tab == STATS_T_SNAPSHOT ? STATS_LEVEL1 : STATS_LEVEL2;
}

/* A row of a level table. */
typedef int cellrow[STATS_NCOLS];

/* The cells of level table TAB. */
static const cellrow *
level_cells(const struct stats_year *y, int tab)
{
	switch (tab) {
	case STATS_T_SNAPSHOT:
		return y->snapshot;
	case STATS_T_YEARLY:
		return y->yearly;
	case STATS_T_LICENCE:
		return y->licence;
	default:
		return y->sopo;
	}
}

/* The figure of TAB at ROW, COL (ROW is the order kind in STATS_T_ORDERS). */
static int
cell(const struct stats_year *y, int tab, int row, int col)
{
	switch (tab) {
	case STATS_T_BREACH:
		return y->notification_breach;
	case STATS_T_ORDERS:
		return y->orders[row];
	case STATS_T_RSO:
		return y->rso_per_100k;
	default:
		return level_cells(y, tab)[row][col];
	}
}

/* Whether level table TAB of Y counts a Category 4 offender. */
static bool
has_cat4(const struct stats_year *y, int tab)
{
	const cellrow *t = level_cells(y, tab);

	for (int r = first_row(tab); r <= STATS_ROW_TOTAL; r++)
		if (t[r][STATS_CAT4] > 0)
			return true;
	return false;
}

/* Whether order kind K gets a row in Y. */
static bool
order_shown(const struct stats_year *y, int k)
{
	return k <= ORDER_FTO || y->orders[k] != 0;
}

/* V as a number, or "-" for a dash (CSV, Markdown). */
static void
add_value(struct strbuf *sb, int v)
{
	if (v == STATS_DASH)
		sb_add(sb, "-");
	else
		sb_printf(sb, "%d", v);
}

/* V right-aligned in a text cell. */
static void
add_cell(struct strbuf *sb, int v)
{
	if (v == STATS_DASH)
		sb_printf(sb, " %*s", CELL_W - 1, "-");
	else
		sb_printf(sb, " %*d", CELL_W - 1, v);
}

/* "698,000" */
static void
add_thousands(struct strbuf *sb, int64_t v)
{
	char digits[32];
	size_t n;

	if (v < 0) {
		sb_add(sb, "-");
		v = -v;
	}
	n = (size_t)snprintf(digits, sizeof(digits), "%" PRId64, v);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			sb_add(sb, ",");
		sb_addn(sb, &digits[i], 1);
	}
}

/* --- strings from outside ---------------------------------------------- */

/* The length of the valid UTF-8 sequence at P, or 0. */
static size_t
utf8_len(const unsigned char *p)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t n;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return n;
}

/*
 * S for a terminal or a Markdown file: what chars.h does not call
 * printable (control characters, C1, invisible format characters such
 * as U+202E, invalid UTF-8) becomes '?'; with MARKDOWN, Markdown's
 * punctuation is escaped.
 */
static void
add_clean(struct strbuf *sb, const char *s, bool markdown)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		enum chars_kind kind;
		uint32_t cp;
		size_t n = chars_next((const char *)p, strlen((const char *)p),
				      &cp, &kind);

		if (kind != CHARS_PRINT) {
			sb_add(sb, "?");
			p += n;
			continue;
		}
		if (markdown && n == 1 && strchr("\\`*_[]<>|#~&!", *p))
			sb_add(sb, "\\");
		sb_addn(sb, (const char *)p, n);
		p += n;
	}
}

/* S as a JSON string (null for NULL); invalid UTF-8 becomes U+FFFD. */
static void
add_json_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (s == NULL) {
		sb_add(sb, "null");
		return;
	}
	sb_add(sb, "\"");
	while (*p) {
		size_t n = utf8_len(p);

		if (n == 0) {
			sb_add(sb, "\\ufffd");
			p++;
			continue;
		}
		if (n > 1) {
			sb_addn(sb, (const char *)p, n);
			p += n;
			continue;
		}
		switch (*p) {
		case '"':
			sb_add(sb, "\\\"");
			break;
		case '\\':
			sb_add(sb, "\\\\");
			break;
		case '\n':
			sb_add(sb, "\\n");
			break;
		case '\t':
			sb_add(sb, "\\t");
			break;
		case '\r':
			sb_add(sb, "\\r");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				sb_printf(sb, "\\u%04x", *p);
			else
				sb_addn(sb, (const char *)p, 1);
		}
		p++;
	}
	sb_add(sb, "\"");
}

/* TEXT broken at spaces into lines of at most WIDTH bytes. */
static void
add_wrapped(struct strbuf *sb, const char *text, size_t width)
{
	const char *p = text;

	while (*p) {
		size_t len = strlen(p), cut;

		if (len <= width) {
			sb_add(sb, p);
			sb_add(sb, "\n");
			return;
		}
		for (cut = width; cut > 0 && p[cut] != ' '; cut--)
			;
		if (cut == 0) /* one long word: break after it */
			for (cut = width; p[cut] && p[cut] != ' '; cut++)
				;
		sb_addn(sb, p, cut);
		sb_add(sb, "\n");
		p += cut;
		while (*p == ' ')
			p++;
	}
}

/* "MAPPA statistics for AREA, WHEN", wrapped to 80 columns in text. */
static void
add_heading(struct strbuf *sb, const char *area, const char *when,
	    bool markdown)
{
	struct strbuf h;

	sb_init(&h);
	sb_add(&h, markdown ? "# MAPPA statistics" : "MAPPA statistics");
	if (area && *area) {
		sb_add(&h, " for ");
		add_clean(&h, area, markdown);
	}
	sb_printf(&h, ", %s", when);
	if (h.failed)
		sb->failed = 1;
	if (markdown) {
		sb_add(sb, sb_str(&h));
		sb_add(sb, "\n");
	} else {
		add_wrapped(sb, sb_str(&h), TEXT_WIDTH);
	}
	sb_add(sb, "\n");
	sb_free(&h);
}

/* The note under table 6 about the population used. */
static void
add_population_note(struct strbuf *sb, const struct stats_year *y)
{
	if (y->population > 0) {
		sb_printf(sb, "Calculated with the mid-%d population aged 10 "
		    "and over: ", y->year);
		add_thousands(sb, y->population);
		sb_add(sb, ".\n");
	} else {
		sb_printf(sb, "No mid-%d population aged 10 and over is "
		    "recorded.\n", y->year);
	}
}

/* --- CSV ---------------------------------------------------------------- */

/* One CSV line; every field is a fixed word, so none is quoted. */
static void
csv_line(struct strbuf *sb, const char *prefix, const char *tab,
	 const char *row, const char *col, int v)
{
	sb_printf(sb, "%s%s,%s,%s,", prefix, tab, row, col);
	add_value(sb, v);
	sb_add(sb, "\n");
}

/* Y's lines, each starting with PREFIX. */
static void
csv_year(struct strbuf *sb, const struct stats_year *y, const char *prefix)
{
	for (int tab = 0; tab < STATS_TABLES; tab++) {
		if (tab == STATS_T_BREACH || tab == STATS_T_RSO) {
			csv_line(sb, prefix, stats_table_key[tab], "count", "value",
			    cell(y, tab, 0, 0));
		} else if (tab == STATS_T_ORDERS) {
			for (int k = 1; k <= ORDER_KIND_MAX; k++)
				if (order_shown(y, k))
					csv_line(sb, prefix, stats_table_key[tab],
					    ev_kind_name(EV_ORDER, k), "value",
					    y->orders[k]);
		} else {
			bool cat4 = has_cat4(y, tab);

			for (int r = first_row(tab); r < STATS_NROWS; r++)
				for (int c = 0; c < STATS_NCOLS; c++)
					if (c != STATS_CAT4 || cat4)
						csv_line(sb, prefix,
						    stats_table_key[tab], stats_row_key[r],
						    stats_col_key[c],
						    cell(y, tab, r, c));
		}
	}
}

/* --- text --------------------------------------------------------------- */

/*
 * The legend of the category columns shown (Category 4 when CAT4),
 * "Category 1: Registered sex offenders; ...", broken between items.
 */
static void
text_legend(struct strbuf *sb, bool cat4)
{
	size_t col = 0;

	for (int c = STATS_CAT1; c <= STATS_CAT4; c++) {
		bool last = c == STATS_CAT4 || (c == STATS_CAT3 && !cat4);
		size_t n = strlen(stats_col_long[c]) + 1;

		if (c == STATS_CAT4 && !cat4)
			break;
		if (col > 0 && col + 1 + n > TEXT_WIDTH) {
			sb_add(sb, "\n");
			col = 0;
		} else if (col > 0) {
			sb_add(sb, " ");
			col++;
		}
		sb_add(sb, stats_col_long[c]);
		sb_add(sb, last ? "." : ";");
		col += n;
	}
	sb_add(sb, "\n");
}

/* Level table TAB, its header row labelled HEAD. */
static void
text_level_table(struct strbuf *sb, const struct stats_year *y, int tab,
		 const char *head)
{
	bool cat4 = has_cat4(y, tab);

	sb_printf(sb, "%-*s", LABEL_W - 1, head);
	for (int c = 0; c < STATS_NCOLS; c++)
		if (c != STATS_CAT4 || cat4)
			sb_printf(sb, " %*s", CELL_W - 1, stats_col_short[c]);
	sb_add(sb, "\n");
	for (int r = first_row(tab); r < STATS_NROWS; r++) {
		sb_printf(sb, "%-*s", LABEL_W - 1, stats_row_label[r]);
		for (int c = 0; c < STATS_NCOLS; c++)
			if (c != STATS_CAT4 || cat4)
				add_cell(sb, cell(y, tab, r, c));
		sb_add(sb, "\n");
	}
}

/* A one-figure statistic: TITLE and V on one line. */
static void
text_figure(struct strbuf *sb, const char *title, int v)
{
	sb_printf(sb, "%-*s", TEXT_WIDTH - CELL_W, title);
	add_cell(sb, v);
	sb_add(sb, "\n\n");
}

/* Y laid out like the published report. */
static void
text_year(struct strbuf *sb, const struct stats_year *y, const char *area)
{
	char when[8];

	add_heading(sb, area, report_year_format(y->year, when), false);

	sb_printf(sb, "MAPPA-eligible offenders on 31 March %d\n\n",
	    y->year + 1);
	text_level_table(sb, y, STATS_T_SNAPSHOT, "");
	sb_add(sb, "\n");
	text_legend(sb, has_cat4(y, STATS_T_SNAPSHOT));
	sb_add(sb, "\n");

	add_wrapped(sb, STATS_TITLE_YEARLY, TEXT_WIDTH);
	sb_add(sb, "\n");
	text_level_table(sb, y, STATS_T_YEARLY, "");
	sb_add(sb, "\n");
	text_legend(sb, has_cat4(y, STATS_T_YEARLY));
	sb_add(sb, "\n");

	text_figure(sb, STATS_TITLE_BREACH, y->notification_breach);

	sb_add(sb, STATS_TITLE_ORDERS "\n" STATS_TITLE_ORDERS_SUB "\n\n");
	for (int k = 1; k <= ORDER_KIND_MAX; k++) {
		if (!order_shown(y, k))
			continue;
		sb_printf(sb, "%-*s", LABEL_W - 1, stats_order_label[k]);
		add_cell(sb, y->orders[k]);
		sb_add(sb, "\n");
	}
	sb_add(sb, "\n");

	add_wrapped(sb, STATS_TITLE_CUSTODY, TEXT_WIDTH);
	sb_add(sb, "\n");
	text_level_table(sb, y, STATS_T_LICENCE, T_LICENCE);
	sb_add(sb, "\n");
	text_level_table(sb, y, STATS_T_SOPO, T_SOPO);
	sb_add(sb, "\n");
	text_legend(sb, has_cat4(y, STATS_T_LICENCE) || has_cat4(y, STATS_T_SOPO));
	sb_add(sb, "\n");

	text_figure(sb, STATS_TITLE_RSO, y->rso_per_100k);
	add_population_note(sb, y);
}

/* --- Markdown ----------------------------------------------------------- */

/* Level table TAB as a pipe table with the report's column titles. */
static void
md_level_table(struct strbuf *sb, const struct stats_year *y, int tab)
{
	bool cat4 = has_cat4(y, tab);

	sb_add(sb, "| |");
	for (int c = 0; c < STATS_NCOLS; c++)
		if (c != STATS_CAT4 || cat4)
			sb_printf(sb, " %s |", stats_col_long[c]);
	sb_add(sb, "\n|---|");
	for (int c = 0; c < STATS_NCOLS; c++)
		if (c != STATS_CAT4 || cat4)
			sb_add(sb, "---:|");
	sb_add(sb, "\n");
	for (int r = first_row(tab); r < STATS_NROWS; r++) {
		sb_printf(sb, "| %s |", stats_row_label[r]);
		for (int c = 0; c < STATS_NCOLS; c++)
			if (c != STATS_CAT4 || cat4) {
				sb_add(sb, " ");
				add_value(sb, cell(y, tab, r, c));
				sb_add(sb, " |");
			}
		sb_add(sb, "\n");
	}
	sb_add(sb, "\n");
}

/* A one-figure statistic as a one-row pipe table. */
static void
md_figure(struct strbuf *sb, const char *label, int v)
{
	sb_printf(sb, "| | Number |\n|---|---:|\n| %s | ", label);
	add_value(sb, v);
	sb_add(sb, " |\n\n");
}

/* Y as Markdown: a heading per table, as the report titles them. */
static void
md_year(struct strbuf *sb, const struct stats_year *y, const char *area)
{
	char when[8];

	add_heading(sb, area, report_year_format(y->year, when), true);

	sb_printf(sb, "## MAPPA-eligible offenders on 31 March %d\n\n",
	    y->year + 1);
	md_level_table(sb, y, STATS_T_SNAPSHOT);
	sb_add(sb, "## " STATS_TITLE_YEARLY "\n\n");
	md_level_table(sb, y, STATS_T_YEARLY);

	sb_add(sb, "## " STATS_TITLE_BREACH "\n\n");
	md_figure(sb, "Offenders", y->notification_breach);

	sb_add(sb, "## " STATS_TITLE_ORDERS "\n\n" STATS_TITLE_ORDERS_SUB "\n\n");
	sb_add(sb, "| Order | Number |\n|---|---:|\n");
	for (int k = 1; k <= ORDER_KIND_MAX; k++)
		if (order_shown(y, k))
			sb_printf(sb, "| %s | %d |\n", stats_order_label[k],
			    y->orders[k]);
	sb_add(sb, "\n");

	sb_add(sb, "## " STATS_TITLE_CUSTODY "\n\n### " T_LICENCE "\n\n");
	md_level_table(sb, y, STATS_T_LICENCE);
	sb_add(sb, "### " T_SOPO "\n\n");
	md_level_table(sb, y, STATS_T_SOPO);

	sb_add(sb, "## " STATS_TITLE_RSO "\n\n");
	md_figure(sb, "Per 100,000 population", y->rso_per_100k);
	add_population_note(sb, y);
}

/* --- JSON --------------------------------------------------------------- */

/* Level table TAB as "key": {row: {column: value}}, then a comma. */
static void
json_level_table(struct strbuf *sb, const struct stats_year *y, int tab,
		 const char *ind)
{
	bool cat4 = has_cat4(y, tab);

	sb_printf(sb, "%s  \"%s\": {\n", ind, stats_table_key[tab]);
	for (int r = first_row(tab); r < STATS_NROWS; r++) {
		bool first = true;

		sb_printf(sb, "%s    \"%s\": {", ind, stats_row_key[r]);
		for (int c = 0; c < STATS_NCOLS; c++) {
			int v = cell(y, tab, r, c);

			if (c == STATS_CAT4 && !cat4)
				continue;
			sb_printf(sb, "%s\"%s\": ", first ? "" : ", ",
			    stats_col_key[c]);
			if (v == STATS_DASH)
				sb_add(sb, "null");
			else
				sb_printf(sb, "%d", v);
			first = false;
		}
		sb_printf(sb, "}%s\n", r < STATS_ROW_TOTAL ? "," : "");
	}
	sb_printf(sb, "%s  },\n", ind);
}

/* Y as one JSON object, indented by IND, without a final newline. */
static void
json_year(struct strbuf *sb, const struct stats_year *y, const char *area,
	  const char *ind)
{
	char when[8], d1[MDATE_BUFSZ], d2[MDATE_BUFSZ];
	bool first = true;

	sb_printf(sb, "%s{\n%s  \"area\": ", ind, ind);
	add_json_string(sb, area);
	sb_printf(sb, ",\n%s  \"year\": \"%s\",\n", ind,
	    report_year_format(y->year, when));
	sb_printf(sb, "%s  \"start\": \"%s\",\n%s  \"end\": \"%s\",\n", ind,
	    date_format(report_year_start(y->year), d1), ind,
	    date_format(report_year_end(y->year), d2));
	json_level_table(sb, y, STATS_T_SNAPSHOT, ind);
	json_level_table(sb, y, STATS_T_YEARLY, ind);
	sb_printf(sb, "%s  \"%s\": %d,\n", ind, stats_table_key[STATS_T_BREACH],
	    y->notification_breach);
	sb_printf(sb, "%s  \"%s\": {", ind, stats_table_key[STATS_T_ORDERS]);
	for (int k = 1; k <= ORDER_KIND_MAX; k++) {
		if (!order_shown(y, k))
			continue;
		sb_printf(sb, "%s\"%s\": %d", first ? "" : ", ",
		    ev_kind_name(EV_ORDER, k), y->orders[k]);
		first = false;
	}
	sb_add(sb, "},\n");
	json_level_table(sb, y, STATS_T_LICENCE, ind);
	json_level_table(sb, y, STATS_T_SOPO, ind);
	if (y->population > 0)
		sb_printf(sb, "%s  \"population\": %" PRId64 ",\n", ind,
		    y->population);
	else
		sb_printf(sb, "%s  \"population\": null,\n", ind);
	if (y->rso_per_100k == STATS_DASH)
		sb_printf(sb, "%s  \"%s\": null\n", ind, stats_table_key[STATS_T_RSO]);
	else
		sb_printf(sb, "%s  \"%s\": %d\n", ind, stats_table_key[STATS_T_RSO],
		    y->rso_per_100k);
	sb_printf(sb, "%s}", ind);
}

/* --- series ------------------------------------------------------------- */

/* One line of a series table: a cell of every year. */
struct sline {
	int tab, row, col;
	const char *label, *sublabel; /* sublabel may be NULL */
};

/* Room for the largest section: 4 rows x 5 columns. */
#define SLINES_MAX (STATS_NROWS * STATS_NCOLS)

/* The lines of TAB over the years of ST; returns how many. */
static int
series_lines(const struct stats *st, int tab, struct sline *out)
{
	int n = 0, first = stats_first(st), last = stats_last(st);

	if (tab == STATS_T_BREACH || tab == STATS_T_RSO) {
		out[n++] = (struct sline){ tab, 0, 0,
		    tab == STATS_T_BREACH ? "Offenders" : "Per 100,000", NULL };
	} else if (tab == STATS_T_ORDERS) {
		for (int k = 1; k <= ORDER_KIND_MAX; k++) {
			bool shown = false;

			for (int y = first; y <= last && !shown; y++)
				shown = order_shown(stats_get(st, y), k);
			if (shown)
				out[n++] = (struct sline){ tab, k, 0,
				    stats_order_label[k], NULL };
		}
	} else {
		bool cat4 = false;

		for (int y = first; y <= last && !cat4; y++)
			cat4 = has_cat4(stats_get(st, y), tab);
		for (int r = first_row(tab); r < STATS_NROWS; r++)
			for (int c = 0; c < STATS_NCOLS; c++)
				if (c != STATS_CAT4 || cat4)
					out[n++] = (struct sline){ tab, r, c,
					    stats_row_label[r], stats_col_short[c] };
	}
	return n;
}

/* TAB over the years, in blocks of years that fit 80 columns. */
static void
text_series_table(struct strbuf *sb, const struct stats *st, int tab)
{
	struct sline lines[SLINES_MAX];
	int n = series_lines(st, tab, lines);
	int first = stats_first(st), ny = stats_last(st) - first + 1;
	int fit = (TEXT_WIDTH + 1 - SERIES_LABEL_W) / CELL_W;
	int blocks = (ny + fit - 1) / fit, per = (ny + blocks - 1) / blocks;
	char when[8];

	for (int b0 = 0; b0 < ny; b0 += per) {
		int b1 = b0 + per < ny ? b0 + per : ny;

		sb_printf(sb, "%-*s", SERIES_LABEL_W, "");
		for (int y = b0; y < b1; y++)
			sb_printf(sb, " %*s", CELL_W - 1,
			    report_year_format(first + y, when));
		sb_add(sb, "\n");
		for (int i = 0; i < n; i++) {
			char label[SERIES_LABEL_W + 1];

			if (is_level_table(tab))
				str_printf(label, sizeof(label), "%-8s %s",
				    lines[i].label, lines[i].sublabel);
			else
				str_copy(label, lines[i].label,
				    sizeof(label));
			sb_printf(sb, "%-*s", SERIES_LABEL_W, label);
			for (int y = b0; y < b1; y++)
				add_cell(sb, cell(stats_get(st, first + y),
				    tab, lines[i].row, lines[i].col));
			sb_add(sb, "\n");
		}
		sb_add(sb, "\n");
	}
}

/* TAB over the years as one pipe table, a column per year. */
static void
md_series_table(struct strbuf *sb, const struct stats *st, int tab)
{
	struct sline lines[SLINES_MAX];
	int n = series_lines(st, tab, lines);
	int first = stats_first(st), last = stats_last(st);
	char when[8];

	sb_add(sb, is_level_table(tab) ? "| Row | Column |" : "| |");
	for (int y = first; y <= last; y++)
		sb_printf(sb, " %s |", report_year_format(y, when));
	sb_add(sb, is_level_table(tab) ? "\n|---|---|" : "\n|---|");
	for (int y = first; y <= last; y++)
		sb_add(sb, "---:|");
	sb_add(sb, "\n");
	for (int i = 0; i < n; i++) {
		sb_printf(sb, "| %s |", lines[i].label);
		if (is_level_table(tab))
			sb_printf(sb, " %s |", lines[i].sublabel);
		for (int y = first; y <= last; y++) {
			sb_add(sb, " ");
			add_value(sb, cell(stats_get(st, y), tab, lines[i].row,
			    lines[i].col));
			sb_add(sb, " |");
		}
		sb_add(sb, "\n");
	}
	sb_add(sb, "\n");
}

/* A section title: a Markdown heading of LEVEL, or wrapped text. */
static void
add_title(struct strbuf *sb, bool md, int level, const char *title)
{
	if (md) {
		sb_printf(sb, "%.*s %s\n\n", level, "####", title);
	} else {
		add_wrapped(sb, title, TEXT_WIDTH);
		if (level <= 2)
			sb_add(sb, "\n");
	}
}

/* Text and Markdown series share their titles and order. */
static void
series_tables(struct strbuf *sb, const struct stats *st, const char *area,
	      bool md)
{
	void (*table)(struct strbuf *, const struct stats *, int) =
	    md ? md_series_table : text_series_table;
	char w1[8], w2[8], when[24];
	bool cat4 = false;

	str_printf(when, sizeof(when), "%s to %s",
	    report_year_format(stats_first(st), w1),
	    report_year_format(stats_last(st), w2));
	add_heading(sb, area, when, md);

	add_title(sb, md, 2, "MAPPA-eligible offenders on 31 March");
	table(sb, st, STATS_T_SNAPSHOT);
	add_title(sb, md, 2, STATS_TITLE_YEARLY);
	table(sb, st, STATS_T_YEARLY);
	add_title(sb, md, 2, STATS_TITLE_BREACH);
	table(sb, st, STATS_T_BREACH);
	if (md)
		sb_add(sb, "## " STATS_TITLE_ORDERS "\n\n" STATS_TITLE_ORDERS_SUB "\n\n");
	else
		sb_add(sb, STATS_TITLE_ORDERS "\n" STATS_TITLE_ORDERS_SUB "\n\n");
	table(sb, st, STATS_T_ORDERS);
	add_title(sb, md, 2, STATS_TITLE_CUSTODY);
	add_title(sb, md, 3, T_LICENCE);
	table(sb, st, STATS_T_LICENCE);
	add_title(sb, md, 3, T_SOPO);
	table(sb, st, STATS_T_SOPO);
	add_title(sb, md, 2, STATS_TITLE_RSO);
	table(sb, st, STATS_T_RSO);

	for (int y = stats_first(st); y <= stats_last(st) && !cat4; y++)
		for (int tab = 0; tab < STATS_TABLES && !cat4; tab++)
			cat4 = is_level_table(tab) &&
			    has_cat4(stats_get(st, y), tab);
	text_legend(sb, cat4);
}

/* --- HTML --------------------------------------------------------------- */

/* S with &, <, >, " escaped, and control characters dropped. */
static void
add_html(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			sb_add(sb, "&amp;");
			break;
		case '<':
			sb_add(sb, "&lt;");
			break;
		case '>':
			sb_add(sb, "&gt;");
			break;
		case '"':
			sb_add(sb, "&quot;");
			break;
		default:
			if ((unsigned char)*s >= 0x20 && *s != 0x7f)
				sb_addn(sb, s, 1);
		}
	}
}

/* V in a table cell, or "-" for a dash. */
static void
html_cell(struct strbuf *sb, int v)
{
	if (v == STATS_DASH)
		sb_add(sb, "<td>-</td>");
	else
		sb_printf(sb, "<td>%d</td>", v);
}

/* Level table TAB, with the report's column titles. */
static void
html_level_table(struct strbuf *sb, const struct stats_year *y, int tab,
		 const char *caption)
{
	bool cat4 = has_cat4(y, tab);

	sb_printf(sb, "<table class=\"levels\" id=\"%s\">\n", stats_table_key[tab]);
	if (caption)
		sb_printf(sb, "<caption>%s</caption>\n", caption);
	sb_add(sb, "<tr><th></th>");
	for (int c = 0; c < STATS_NCOLS; c++)
		if (c != STATS_CAT4 || cat4)
			sb_printf(sb, "<th scope=\"col\">%s</th>", stats_col_long[c]);
	sb_add(sb, "</tr>\n");
	for (int r = first_row(tab); r < STATS_NROWS; r++) {
		sb_printf(sb, "<tr%s><th scope=\"row\">%s</th>",
		    r == STATS_ROW_TOTAL ? " class=\"total\"" : "",
		    stats_row_label[r]);
		for (int c = 0; c < STATS_NCOLS; c++)
			if (c != STATS_CAT4 || cat4)
				html_cell(sb, cell(y, tab, r, c));
		sb_add(sb, "</tr>\n");
	}
	sb_add(sb, "</table>\n");
}

/* A one-figure statistic. */
static void
html_figure(struct strbuf *sb, const char *id, const char *label, int v)
{
	sb_printf(sb, "<table class=\"figure\" id=\"%s\"><tr><th scope="
	    "\"row\">%s</th>", id, label);
	html_cell(sb, v);
	sb_add(sb, "</tr></table>\n");
}

/* Y as an HTML fragment: a section per table, as the report titles them. */
static void
html_year(struct strbuf *sb, const struct stats_year *y)
{
	sb_printf(sb, "<section>\n<h2>MAPPA-eligible offenders on 31 March "
	    "%d</h2>\n", y->year + 1);
	html_level_table(sb, y, STATS_T_SNAPSHOT, NULL);
	sb_add(sb, "</section>\n<section>\n<h2>" STATS_TITLE_YEARLY "</h2>\n");
	html_level_table(sb, y, STATS_T_YEARLY, NULL);
	sb_add(sb, "</section>\n<section>\n<h2>" STATS_TITLE_BREACH "</h2>\n");
	html_figure(sb, stats_table_key[STATS_T_BREACH], "Offenders",
	    y->notification_breach);
	sb_add(sb, "</section>\n<section>\n<h2>" STATS_TITLE_ORDERS "</h2>\n<p>");
	add_html(sb, STATS_TITLE_ORDERS_SUB);
	sb_printf(sb, "</p>\n<table class=\"figure\" id=\"%s\">\n",
	    stats_table_key[STATS_T_ORDERS]);
	for (int k = 1; k <= ORDER_KIND_MAX; k++)
		if (order_shown(y, k))
			sb_printf(sb, "<tr><th scope=\"row\">%s</th><td>%d</td>"
			    "</tr>\n", stats_order_label[k], y->orders[k]);
	sb_add(sb, "</table>\n</section>\n<section>\n<h2>" STATS_TITLE_CUSTODY
	    "</h2>\n");
	html_level_table(sb, y, STATS_T_LICENCE, T_LICENCE);
	html_level_table(sb, y, STATS_T_SOPO, T_SOPO);
	sb_add(sb, "</section>\n<section>\n<h2>" STATS_TITLE_RSO "</h2>\n");
	html_figure(sb, stats_table_key[STATS_T_RSO], "Per 100,000 population",
	    y->rso_per_100k);
	sb_add(sb, "<p class=\"note\">");
	add_population_note(sb, y);
	sb_add(sb, "</p>\n</section>\n");
}

/* --- entry points ------------------------------------------------------- */

/* Write SB to OUT and free it; 0, or -1 when anything failed. */
static int
flush_sb(FILE *out, struct strbuf *sb)
{
	int rc = 0;

	if (sb->failed)
		rc = -1;
	else if (sb->len > 0 && fwrite(sb->s, 1, sb->len, out) != sb->len)
		rc = -1;
	if (fflush(out) != 0 || ferror(out))
		rc = -1;
	sb_free(sb);
	return rc;
}

int
stats_format_parse(const char *s)
{
	static const char *const names[] = { "text", "csv", "markdown",
					     "json" };
	static const int formats[] = { STATS_TEXT, STATS_CSV, STATS_MARKDOWN,
				       STATS_JSON };

	for (size_t i = 0; i < NELEM(names); i++)
		if (strcmp(s, names[i]) == 0)
			return formats[i];
	return -1;
}

int
stats_write_year(FILE *out, const struct stats_year *y, const char *area,
		 enum stats_format format)
{
	struct strbuf sb;

	sb_init(&sb);
	switch (format) {
	case STATS_CSV:
		sb_add(&sb, "table,row,column,value\n");
		csv_year(&sb, y, "");
		break;
	case STATS_MARKDOWN:
		md_year(&sb, y, area);
		break;
	case STATS_JSON:
		json_year(&sb, y, area, "");
		sb_add(&sb, "\n");
		break;
	case STATS_HTML:
		html_year(&sb, y);
		break;
	case STATS_TEXT:
	default:
		text_year(&sb, y, area);
		break;
	}
	return flush_sb(out, &sb);
}

int
stats_write_series(FILE *out, const struct stats *st, const char *area,
		   enum stats_format format)
{
	struct strbuf sb;
	char prefix[16];

	sb_init(&sb);
	switch (format) {
	case STATS_CSV:
		sb_add(&sb, "year,table,row,column,value\n");
		for (int y = stats_first(st); y <= stats_last(st); y++) {
			report_year_format(y, prefix);
			strcat(prefix, ",");
			csv_year(&sb, stats_get(st, y), prefix);
		}
		break;
	case STATS_MARKDOWN:
	case STATS_HTML:
		series_tables(&sb, st, area, true);
		break;
	case STATS_JSON:
		sb_add(&sb, "[\n");
		for (int y = stats_first(st); y <= stats_last(st); y++) {
			json_year(&sb, stats_get(st, y), area, "  ");
			sb_add(&sb, y < stats_last(st) ? ",\n" : "\n");
		}
		sb_add(&sb, "]\n");
		break;
	case STATS_TEXT:
	default:
		series_tables(&sb, st, area, false);
		break;
	}
	return flush_sb(out, &sb);
}
