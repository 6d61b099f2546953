/*
 * stats_format.c -- writing the annual statistics as text, CSV, Markdown
 * or JSON (statistics.md, "Machine-readable output" and "Later
 * templates, and the board's own tables").
 *
 * Each year is written in its template (stats_tables(): the 2010 or the
 * 2015 one, or the one struct stats_opts names), then with the board's
 * tables when asked.  Every format shows the same cells: the rows and
 * columns of a table come from rows_of() and cols_of() alone.  A
 * Category 4 column appears in a table only when that table counts a
 * Category 4 offender; the restrictive orders show the template's three
 * fixed kinds, then any other not zero (stats_order_rows()).  CSV is the
 * contract, byte for byte.  Text follows the layout of the published
 * report within 80 columns; Markdown gives the same tables as pipe
 * tables.  JSON is one object per year: "area" (null when none), "year"
 * ("2010-11"), "start" and "end" (ISO dates), "template" (2010 or 2015),
 * "provisional" (true when the year is not over), one member per CSV
 * table name holding exactly the CSV's cells ({row: {column: value}} for
 * grids, {kind: n} for restrictive orders and reviews, a bare number for
 * the one-figure tables), and "population"; numbers are JSON numbers,
 * and a dash cell ("-") or a missing population is null.  A year not
 * over is marked "(provisional: the year ends on S)" in the titles of
 * text (on a line of its own, never broken), Markdown and HTML.
 *
 * A series (several years) is, in CSV, each year's lines prefixed by the
 * year ("2010-11"), each year in its own template with its own Category
 * 4 and order rows; in text and Markdown, one line per cell with a column
 * per year (a line appears when any year needs it; a year whose template
 * lacks the table has a blank cell); in JSON, an array of the
 * single-year objects.
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
#include "core/escape.h"
#include "core/stats.h"
#include "core/util.h"

const char *const stats_table_key[STATS_TABLES] = {
	"eligible_snapshot", "level23_yearly", "notification_breach",
	"restrictive_orders", "custody_licence_breach", "custody_sopo_breach",
	"rso_per_100k", "sro_breach_registrations", "custody_shpo_breach",
	"level_movements", "sfo_charged", "notification_reviews",
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
	"SHPOs with foreign travel restriction", "Interim SHPOs",
	"Interim SROs",
};
const char *const stats_mrow_key[STATS_MROWS] = {
	"new", "level1", "level2", "level3", "total",
};
const char *const stats_mrow_label[STATS_MROWS] = {
	"New", "Level 1", "Level 2", "Level 3", "Total",
};
const char *const stats_mcol_key[STATS_MCOLS] = {
	"level1", "level2", "level3", "exit", "total",
};
const char *const stats_mcol_label[STATS_MCOLS] = {
	"Level 1", "Level 2", "Level 3", "Exit", "Total",
};
const char *const stats_mrow_short[STATS_MROWS] = {
	"New", "L1", "L2", "L3", "Total",
};
const char *const stats_mcol_short[STATS_MCOLS] = {
	"L1", "L2", "L3", "Exit", "Total",
};
static const char *const review_label[REVIEW_REFUSED + 1] = {
	NULL, "Granted", "Refused",
};

#define T_LICENCE "Breach of licence"
#define T_SOPO "Breach of SOPO"
#define T_SHPO "Breach of SHPO"

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
	    tab == STATS_T_LICENCE || tab == STATS_T_SOPO ||
	    tab == STATS_T_SHPO || tab == STATS_T_SFO;
}

/* Whether TAB is one figure (row "count", column "value"). */
static bool
is_figure(int tab)
{
	return tab == STATS_T_BREACH || tab == STATS_T_RSO ||
	    tab == STATS_T_SRO_BREACH;
}

/* The first row a level table prints. */
static int
first_row(int tab)
{
	return tab == STATS_T_SNAPSHOT || tab == STATS_T_SFO ? STATS_LEVEL1
							    : STATS_LEVEL2;
}

/* The row keys of the reviews table, by ev_review_kind. */
static const char *
review_key(int k)
{
	return ev_kind_name(EV_NOTIFICATION_REVIEW, k);
}

int
stats_template_of(const struct stats_opts *o, int year)
{
	return o && o->template ? o->template : stats_template_for(year);
}

bool
stats_provisional(const struct stats_opts *o, int year)
{
	return o && o->today != MDATE_NONE && report_year_end(year) > o->today;
}

/* The tables of YEAR under O, in order; returns how many. */
static int
tables_of(const struct stats_opts *o, int year, int *out)
{
	return stats_tables(stats_template_of(o, year), o && o->board, out);
}

/* The title of custody part (b) in the tables of YEAR. */
static const char *
custody_title(int tab)
{
	return tab == STATS_T_SHPO ? STATS_TITLE_CUSTODY_2015
				   : STATS_TITLE_CUSTODY;
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
	case STATS_T_SHPO:
		return y->shpo;
	case STATS_T_SFO:
		return y->sfo;
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
	case STATS_T_SRO_BREACH:
		return y->sro_breach;
	case STATS_T_MOVES:
		return y->moves[row][col];
	case STATS_T_REVIEWS:
		return y->reviews[row];
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
 * as U+202E, invalid UTF-8) becomes '?'; with MARKDOWN, the rest is
 * escaped as the papers escape it (core/escape.h).
 */
static void
add_clean(struct strbuf *sb, const char *s, bool markdown)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf clean;

	sb_init(&clean);
	while (*p) {
		enum chars_kind kind;
		uint32_t cp;
		size_t n = chars_next((const char *)p, strlen((const char *)p),
				      &cp, &kind);

		if (kind != CHARS_PRINT)
			sb_add(&clean, "?");
		else
			sb_addn(&clean, (const char *)p, n);
		p += n;
	}
	if (clean.failed)
		sb->failed = 1;
	else if (markdown)
		escape_markdown(sb, sb_str(&clean), ESCAPE_MD_LINE);
	else
		sb_add(sb, sb_str(&clean));
	sb_free(&clean);
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

/* " (provisional: the year ends on S)", when YEAR is not over. */
static void
add_provisional(struct strbuf *sb, const struct stats_opts *o, int year)
{
	char d[MDATE_BUFSZ];

	if (stats_provisional(o, year))
		sb_printf(sb, " (provisional: the year ends on %s)",
		    date_format(report_year_end(year), d));
}

/* "MAPPA statistics for AREA, WHEN", wrapped to 80 columns in text;
 * YEAR's provisional mark after it (YEAR 0: none). */
static void
add_heading(struct strbuf *sb, const char *area, const char *when,
	    bool markdown, const struct stats_opts *o, int year)
{
	struct strbuf h;

	sb_init(&h);
	sb_add(&h, markdown ? "# MAPPA statistics" : "MAPPA statistics");
	if (area && *area) {
		sb_add(&h, " for ");
		add_clean(&h, area, markdown);
	}
	sb_printf(&h, ", %s", when);
	/* Markdown on the title's line; text on a line of its own, so that
	 * the mark is never broken across lines. */
	if (year && markdown)
		add_provisional(&h, o, year);
	if (h.failed)
		sb->failed = 1;
	if (markdown) {
		sb_add(sb, sb_str(&h));
		sb_add(sb, "\n");
	} else {
		add_wrapped(sb, sb_str(&h), TEXT_WIDTH);
		if (year && stats_provisional(o, year)) {
			add_provisional(sb, o, year);
			sb_add(sb, "\n");
		}
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

/* --- the rows and columns of any table ---------------------------------- */

/* A row or a column: its index for cell(), its CSV key, its label. */
struct axis {
	int ix;
	const char *key, *label;
};

/* Room for the longest axis (the order kinds). */
#define AXIS_MAX (ORDER_KIND_MAX + 1)

/* The rows TAB shows for Y in TEMPLATE (orders: Y NULL for every kind
 * the template could show). */
static int
rows_of(const struct stats_year *y, int tab, int template, struct axis *out)
{
	int n = 0, kinds[ORDER_KIND_MAX];

	if (is_figure(tab)) {
		out[n++] = (struct axis){ 0, "count", "" };
	} else if (tab == STATS_T_ORDERS) {
		int nk = stats_order_rows(template, y, kinds);

		for (int i = 0; i < nk; i++)
			out[n++] = (struct axis){ kinds[i],
			    ev_kind_name(EV_ORDER, kinds[i]),
			    stats_order_label[kinds[i]] };
	} else if (tab == STATS_T_REVIEWS) {
		for (int k = REVIEW_GRANTED; k <= REVIEW_REFUSED; k++)
			out[n++] = (struct axis){ k, review_key(k),
			    review_label[k] };
	} else if (tab == STATS_T_MOVES) {
		for (int r = 0; r < STATS_MROWS; r++)
			out[n++] = (struct axis){ r, stats_mrow_key[r],
			    stats_mrow_label[r] };
	} else {
		for (int r = first_row(tab); r < STATS_NROWS; r++)
			out[n++] = (struct axis){ r, stats_row_key[r],
			    stats_row_label[r] };
	}
	return n;
}

/* The columns TAB shows for Y (Category 4 only when counted; with Y
 * NULL, when CAT4). */
static int
cols_of(const struct stats_year *y, int tab, bool cat4, struct axis *out)
{
	int n = 0;

	if (tab == STATS_T_MOVES) {
		for (int c = 0; c < STATS_MCOLS; c++)
			out[n++] = (struct axis){ c, stats_mcol_key[c],
			    stats_mcol_label[c] };
	} else if (is_level_table(tab)) {
		if (y != NULL)
			cat4 = has_cat4(y, tab);
		for (int c = 0; c < STATS_NCOLS; c++)
			if (c != STATS_CAT4 || cat4)
				out[n++] = (struct axis){ c, stats_col_key[c],
				    stats_col_short[c] };
	} else {
		out[n++] = (struct axis){ 0, "value", "Number" };
	}
	return n;
}

/* The subtitle of the restrictive orders in TEMPLATE. */
static const char *
orders_sub(int template)
{
	return template == STATS_TEMPLATE_2015 ? STATS_TITLE_ORDERS_SUB_2015
					       : STATS_TITLE_ORDERS_SUB;
}

/* The title of the custody tables in TEMPLATE. */
static const char *
custody_heading(int template)
{
	return custody_title(template == STATS_TEMPLATE_2015 ? STATS_T_SHPO
							     : STATS_T_SOPO);
}

/* The heading of custody part (b) table TAB. */
static const char *
part_b(int tab)
{
	return tab == STATS_T_SHPO ? T_SHPO : T_SOPO;
}

/* The title of the one-figure or list table TAB. */
static const char *
title_of(int tab)
{
	switch (tab) {
	case STATS_T_BREACH:
		return STATS_TITLE_BREACH;
	case STATS_T_SRO_BREACH:
		return STATS_TITLE_SRO_BREACH;
	case STATS_T_RSO:
		return STATS_TITLE_RSO;
	case STATS_T_MOVES:
		return STATS_TITLE_MOVES;
	case STATS_T_SFO:
		return STATS_TITLE_SFO;
	case STATS_T_REVIEWS:
		return STATS_TITLE_REVIEWS;
	case STATS_T_YEARLY:
		return STATS_TITLE_YEARLY;
	case STATS_T_ORDERS:
		return STATS_TITLE_ORDERS;
	default:
		return "";
	}
}

/* What the movements table counts, for a reader who has not seen one. */
#define MOVES_NOTE "Each row is where a case was, each column where it " \
	"went; a case can move more than once in a year."

/* "Up a level: 3. Down a level: 5. ..." for Y. */
static void
add_moves_summary(struct strbuf *sb, const struct stats_year *y)
{
	struct stats_moves_summary m;

	stats_moves_summary(y, &m);
	sb_printf(sb, "Up a level: %d.  Down a level: %d.  Left MAPPA: %d.  "
	    "Newly registered: %d.", m.up, m.down, m.out, m.in);
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
csv_year(struct strbuf *sb, const struct stats_year *y, const char *prefix,
	 const struct stats_opts *o)
{
	int tabs[STATS_TABLES], nt = tables_of(o, y->year, tabs);
	int template = stats_template_of(o, y->year);
	struct axis rows[AXIS_MAX], cols[AXIS_MAX];

	for (int t = 0; t < nt; t++) {
		int tab = tabs[t];
		int nr = rows_of(y, tab, template, rows);
		int nc = cols_of(y, tab, false, cols);

		for (int r = 0; r < nr; r++)
			for (int c = 0; c < nc; c++)
				csv_line(sb, prefix, stats_table_key[tab],
				    rows[r].key, cols[c].key,
				    cell(y, tab, rows[r].ix, cols[c].ix));
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

/* Table TAB as a grid, its header row labelled HEAD (none when NULL),
 * the labels at least LABEL_W - 1 wide. */
static void
text_grid(struct strbuf *sb, const struct stats_year *y, int tab,
	  int template, const char *head)
{
	struct axis rows[AXIS_MAX], cols[AXIS_MAX];
	int nr = rows_of(y, tab, template, rows);
	int nc = cols_of(y, tab, false, cols);
	int w = LABEL_W - 1;

	for (int r = 0; r < nr; r++)
		if ((int)strlen(rows[r].label) > w)
			w = (int)strlen(rows[r].label);
	if (head) {
		sb_printf(sb, "%-*s", w, head);
		for (int c = 0; c < nc; c++)
			sb_printf(sb, " %*s", CELL_W - 1, cols[c].label);
		sb_add(sb, "\n");
	}
	for (int r = 0; r < nr; r++) {
		sb_printf(sb, "%-*s", w, rows[r].label);
		for (int c = 0; c < nc; c++)
			add_cell(sb, cell(y, tab, rows[r].ix, cols[c].ix));
		sb_add(sb, "\n");
	}
}

/* A one-figure statistic: TITLE (wrapped) and V on its last line. */
static void
text_figure(struct strbuf *sb, const char *title, int v)
{
	struct strbuf w;
	const char *last, *s;

	sb_init(&w);
	add_wrapped(&w, title, TEXT_WIDTH - CELL_W);
	s = sb_str(&w);
	if (w.failed)
		sb->failed = 1;
	/* Every line but the last as it is; the last padded. */
	last = s;
	for (const char *p = s; *p; p++)
		if (*p == '\n' && p[1] != '\0')
			last = p + 1;
	sb_addn(sb, s, (size_t)(last - s));
	sb_printf(sb, "%-*.*s", TEXT_WIDTH - CELL_W,
	    (int)strcspn(last, "\n"), last);
	add_cell(sb, v);
	sb_add(sb, "\n\n");
	sb_free(&w);
}

/* Whether the custody tables of Y in TEMPLATE count Category 4. */
static bool
custody_cat4(const struct stats_year *y, int template)
{
	return has_cat4(y, STATS_T_LICENCE) ||
	    has_cat4(y, template == STATS_TEMPLATE_2015 ? STATS_T_SHPO
							: STATS_T_SOPO);
}

/* Y laid out like the published report. */
static void
text_year(struct strbuf *sb, const struct stats_year *y, const char *area,
	  const struct stats_opts *o)
{
	int tabs[STATS_TABLES], nt = tables_of(o, y->year, tabs);
	int template = stats_template_of(o, y->year);
	char when[8];

	add_heading(sb, area, report_year_format(y->year, when), false, o,
	    y->year);

	for (int t = 0; t < nt; t++) {
		int tab = tabs[t];

		switch (tab) {
		case STATS_T_SNAPSHOT:
			sb_printf(sb, "MAPPA-eligible offenders on 31 March "
			    "%d\n\n", y->year + 1);
			text_grid(sb, y, tab, template, "");
			sb_add(sb, "\n");
			text_legend(sb, has_cat4(y, tab));
			sb_add(sb, "\n");
			break;
		case STATS_T_YEARLY:
		case STATS_T_SFO:
			add_wrapped(sb, title_of(tab), TEXT_WIDTH);
			sb_add(sb, "\n");
			text_grid(sb, y, tab, template, "");
			sb_add(sb, "\n");
			text_legend(sb, has_cat4(y, tab));
			sb_add(sb, "\n");
			break;
		case STATS_T_BREACH:
		case STATS_T_SRO_BREACH:
			text_figure(sb, title_of(tab), cell(y, tab, 0, 0));
			break;
		case STATS_T_ORDERS:
			sb_printf(sb, "%s\n%s\n\n", STATS_TITLE_ORDERS,
			    orders_sub(template));
			text_grid(sb, y, tab, template, NULL);
			sb_add(sb, "\n");
			break;
		case STATS_T_LICENCE:
			add_wrapped(sb, custody_heading(template), TEXT_WIDTH);
			sb_add(sb, "\n");
			text_grid(sb, y, tab, template, T_LICENCE);
			sb_add(sb, "\n");
			break;
		case STATS_T_SOPO:
		case STATS_T_SHPO:
			text_grid(sb, y, tab, template, part_b(tab));
			sb_add(sb, "\n");
			text_legend(sb, custody_cat4(y, template));
			sb_add(sb, "\n");
			break;
		case STATS_T_RSO:
			text_figure(sb, STATS_TITLE_RSO, y->rso_per_100k);
			add_population_note(sb, y);
			break;
		case STATS_T_MOVES:
			sb_add(sb, "\n" STATS_TITLE_MOVES "\n");
			add_wrapped(sb, MOVES_NOTE, TEXT_WIDTH);
			sb_add(sb, "\n");
			text_grid(sb, y, tab, template, "From \\ to");
			sb_add(sb, "\n");
			add_moves_summary(sb, y);
			sb_add(sb, "\n\n");
			break;
		case STATS_T_REVIEWS:
			add_wrapped(sb, STATS_TITLE_REVIEWS, TEXT_WIDTH);
			sb_add(sb, "\n");
			text_grid(sb, y, tab, template, NULL);
			break;
		default:
			break;
		}
	}
}

/* --- Markdown ----------------------------------------------------------- */

/* Table TAB as a pipe table: the report's column titles for a level
 * table, LEFT heading the labels. */
static void
md_grid(struct strbuf *sb, const struct stats_year *y, int tab,
	int template, const char *left)
{
	struct axis rows[AXIS_MAX], cols[AXIS_MAX];
	int nr = rows_of(y, tab, template, rows);
	int nc = cols_of(y, tab, false, cols);

	if (*left)
		sb_printf(sb, "| %s |", left);
	else
		sb_add(sb, "| |");
	for (int c = 0; c < nc; c++)
		sb_printf(sb, " %s |", is_level_table(tab)
		    ? stats_col_long[cols[c].ix] : cols[c].label);
	sb_add(sb, "\n|---|");
	for (int c = 0; c < nc; c++)
		sb_add(sb, "---:|");
	sb_add(sb, "\n");
	for (int r = 0; r < nr; r++) {
		sb_printf(sb, "| %s |", rows[r].label);
		for (int c = 0; c < nc; c++) {
			sb_add(sb, " ");
			add_value(sb, cell(y, tab, rows[r].ix, cols[c].ix));
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
md_year(struct strbuf *sb, const struct stats_year *y, const char *area,
	const struct stats_opts *o)
{
	int tabs[STATS_TABLES], nt = tables_of(o, y->year, tabs);
	int template = stats_template_of(o, y->year);
	char when[8];

	add_heading(sb, area, report_year_format(y->year, when), true, o,
	    y->year);

	for (int t = 0; t < nt; t++) {
		int tab = tabs[t];

		switch (tab) {
		case STATS_T_SNAPSHOT:
			sb_printf(sb, "## MAPPA-eligible offenders on 31 March "
			    "%d\n\n", y->year + 1);
			md_grid(sb, y, tab, template, "");
			break;
		case STATS_T_YEARLY:
		case STATS_T_SFO:
			sb_printf(sb, "## %s\n\n", title_of(tab));
			md_grid(sb, y, tab, template, "");
			break;
		case STATS_T_BREACH:
			sb_add(sb, "## " STATS_TITLE_BREACH "\n\n");
			md_figure(sb, "Offenders", y->notification_breach);
			break;
		case STATS_T_SRO_BREACH:
			sb_add(sb, "## " STATS_TITLE_SRO_BREACH "\n\n");
			md_figure(sb, "People", y->sro_breach);
			break;
		case STATS_T_ORDERS:
			sb_printf(sb, "## %s\n\n%s\n\n", STATS_TITLE_ORDERS,
			    orders_sub(template));
			md_grid(sb, y, tab, template, "Order");
			break;
		case STATS_T_LICENCE:
			sb_printf(sb, "## %s\n\n### " T_LICENCE "\n\n",
			    custody_heading(template));
			md_grid(sb, y, tab, template, "");
			break;
		case STATS_T_SOPO:
		case STATS_T_SHPO:
			sb_printf(sb, "### %s\n\n", part_b(tab));
			md_grid(sb, y, tab, template, "");
			break;
		case STATS_T_RSO:
			sb_add(sb, "## " STATS_TITLE_RSO "\n\n");
			md_figure(sb, "Per 100,000 population", y->rso_per_100k);
			add_population_note(sb, y);
			break;
		case STATS_T_MOVES:
			sb_add(sb, "\n## " STATS_TITLE_MOVES "\n\n" MOVES_NOTE
			    "\n\n");
			md_grid(sb, y, tab, template, "From \\\\ to");
			add_moves_summary(sb, y);
			sb_add(sb, "\n\n");
			break;
		case STATS_T_REVIEWS:
			sb_add(sb, "## " STATS_TITLE_REVIEWS "\n\n");
			md_grid(sb, y, tab, template, "Decision");
			break;
		default:
			break;
		}
	}
}

/* --- JSON --------------------------------------------------------------- */

/* V as a JSON number, or null for a dash. */
static void
add_json_value(struct strbuf *sb, int v)
{
	if (v == STATS_DASH)
		sb_add(sb, "null");
	else
		sb_printf(sb, "%d", v);
}

/* Table TAB as "key": {row: {column: value}} (grids) or {row: value}
 * (lists) or a bare number (one figure). */
static void
json_table(struct strbuf *sb, const struct stats_year *y, int tab,
	   int template, const char *ind)
{
	struct axis rows[AXIS_MAX], cols[AXIS_MAX];
	int nr = rows_of(y, tab, template, rows);
	int nc = cols_of(y, tab, false, cols);

	sb_printf(sb, "%s  \"%s\": ", ind, stats_table_key[tab]);
	if (is_figure(tab)) {
		add_json_value(sb, cell(y, tab, 0, 0));
		return;
	}
	if (tab == STATS_T_ORDERS || tab == STATS_T_REVIEWS) {
		sb_add(sb, "{");
		for (int r = 0; r < nr; r++) {
			sb_printf(sb, "%s\"%s\": ", r ? ", " : "", rows[r].key);
			add_json_value(sb, cell(y, tab, rows[r].ix, 0));
		}
		sb_add(sb, "}");
		return;
	}
	sb_add(sb, "{\n");
	for (int r = 0; r < nr; r++) {
		sb_printf(sb, "%s    \"%s\": {", ind, rows[r].key);
		for (int c = 0; c < nc; c++) {
			sb_printf(sb, "%s\"%s\": ", c ? ", " : "", cols[c].key);
			add_json_value(sb, cell(y, tab, rows[r].ix, cols[c].ix));
		}
		sb_printf(sb, "}%s\n", r + 1 < nr ? "," : "");
	}
	sb_printf(sb, "%s  }", ind);
}

/* Y as one JSON object, indented by IND, without a final newline. */
static void
json_year(struct strbuf *sb, const struct stats_year *y, const char *area,
	  const char *ind, const struct stats_opts *o)
{
	int tabs[STATS_TABLES], nt = tables_of(o, y->year, tabs);
	int template = stats_template_of(o, y->year);
	char when[8], d1[MDATE_BUFSZ], d2[MDATE_BUFSZ];

	sb_printf(sb, "%s{\n%s  \"area\": ", ind, ind);
	add_json_string(sb, area);
	sb_printf(sb, ",\n%s  \"year\": \"%s\",\n", ind,
	    report_year_format(y->year, when));
	sb_printf(sb, "%s  \"start\": \"%s\",\n%s  \"end\": \"%s\",\n", ind,
	    date_format(report_year_start(y->year), d1), ind,
	    date_format(report_year_end(y->year), d2));
	sb_printf(sb, "%s  \"template\": %d,\n%s  \"provisional\": %s", ind,
	    template, ind, stats_provisional(o, y->year) ? "true" : "false");
	for (int t = 0; t < nt; t++) {
		sb_add(sb, ",\n");
		if (tabs[t] == STATS_T_RSO) {
			if (y->population > 0)
				sb_printf(sb, "%s  \"population\": %" PRId64
				    ",\n", ind, y->population);
			else
				sb_printf(sb, "%s  \"population\": null,\n",
				    ind);
		}
		json_table(sb, y, tabs[t], template, ind);
	}
	sb_printf(sb, "\n%s}", ind);
}

/* --- series ------------------------------------------------------------- */

/* Every table in the order a series shows them: each template's own
 * where it prints them, then the board's. */
static const int series_order[] = {
	STATS_T_SNAPSHOT, STATS_T_YEARLY, STATS_T_BREACH, STATS_T_ORDERS,
	STATS_T_SRO_BREACH, STATS_T_LICENCE, STATS_T_SOPO, STATS_T_SHPO,
	STATS_T_RSO, STATS_T_MOVES, STATS_T_SFO, STATS_T_REVIEWS,
};

/* Whether YEAR shows TAB under O. */
static bool
year_shows(const struct stats_opts *o, int year, int tab)
{
	int tabs[STATS_TABLES], nt = tables_of(o, year, tabs);

	for (int t = 0; t < nt; t++)
		if (tabs[t] == tab)
			return true;
	return false;
}

/* Whether any year of ST shows TAB under O. */
static bool
series_shows(const struct stats *st, const struct stats_opts *o, int tab)
{
	for (int y = stats_first(st); y <= stats_last(st); y++)
		if (year_shows(o, y, tab))
			return true;
	return false;
}

/* One line of a series table: a cell of every year. */
struct sline {
	int tab, row, col;
	const char *label, *sublabel; /* sublabel may be NULL */
};

/* Room for the largest section: the movements, 5 rows x 5 columns. */
#define SLINES_MAX (STATS_MROWS * STATS_MCOLS)

/* The label of a one-figure table's line. */
static const char *
figure_label(int tab)
{
	return tab == STATS_T_BREACH ? "Offenders"
	    : tab == STATS_T_SRO_BREACH ? "People" : "Per 100,000";
}

/* The lines of TAB over the years of ST; returns how many. */
static int
series_lines(const struct stats *st, const struct stats_opts *o, int tab,
	     struct sline *out)
{
	int n = 0, first = stats_first(st), last = stats_last(st);
	struct axis rows[AXIS_MAX], cols[AXIS_MAX];
	int nr, nc;
	bool cat4 = false;

	if (tab == STATS_T_ORDERS) {
		/* In the last year's order; a kind when any year shows it. */
		nr = rows_of(NULL, tab, stats_template_of(o, last), rows);
		for (int i = 0; i < nr; i++) {
			bool shown = false;

			for (int y = first; y <= last && !shown; y++) {
				int k[ORDER_KIND_MAX], nk;

				if (!year_shows(o, y, tab))
					continue;
				nk = stats_order_rows(stats_template_of(o, y),
				    stats_get(st, y), k);
				for (int j = 0; j < nk; j++)
					shown = shown || k[j] == rows[i].ix;
			}
			if (shown)
				out[n++] = (struct sline){ tab, rows[i].ix, 0,
				    rows[i].label, NULL };
		}
		return n;
	}
	if (is_level_table(tab))
		for (int y = first; y <= last && !cat4; y++)
			cat4 = year_shows(o, y, tab) &&
			    has_cat4(stats_get(st, y), tab);
	nr = rows_of(NULL, tab, 0, rows);
	nc = cols_of(NULL, tab, cat4, cols);
	for (int r = 0; r < nr; r++)
		for (int c = 0; c < nc; c++) {
			if (is_figure(tab))
				out[n++] = (struct sline){ tab, 0, 0,
				    figure_label(tab), NULL };
			else if (tab == STATS_T_REVIEWS)
				out[n++] = (struct sline){ tab, rows[r].ix, 0,
				    rows[r].label, NULL };
			else if (tab == STATS_T_MOVES)
				out[n++] = (struct sline){ tab, rows[r].ix,
				    cols[c].ix, stats_mrow_short[rows[r].ix],
				    stats_mcol_short[cols[c].ix] };
			else
				out[n++] = (struct sline){ tab, rows[r].ix,
				    cols[c].ix, rows[r].label, cols[c].label };
		}
	return n;
}

/* Whether a series line of TAB has a column label. */
static bool
two_labels(int tab)
{
	return is_level_table(tab) || tab == STATS_T_MOVES;
}

/* TAB over the years, in blocks of years that fit 80 columns; a year
 * whose template lacks the table gets a blank cell. */
static void
text_series_table(struct strbuf *sb, const struct stats *st,
		  const struct stats_opts *o, int tab)
{
	struct sline lines[SLINES_MAX];
	int n = series_lines(st, o, tab, lines);
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

			if (tab == STATS_T_MOVES)
				str_printf(label, sizeof(label), "%s > %s",
				    lines[i].label, lines[i].sublabel);
			else if (two_labels(tab))
				str_printf(label, sizeof(label), "%-8s %s",
				    lines[i].label, lines[i].sublabel);
			else
				str_copy(label, lines[i].label,
				    sizeof(label));
			sb_printf(sb, "%-*s", SERIES_LABEL_W, label);
			for (int y = b0; y < b1; y++) {
				if (!year_shows(o, first + y, tab)) {
					sb_printf(sb, " %*s", CELL_W - 1, "");
					continue;
				}
				add_cell(sb, cell(stats_get(st, first + y),
				    tab, lines[i].row, lines[i].col));
			}
			sb_add(sb, "\n");
		}
		sb_add(sb, "\n");
	}
}

/* TAB over the years as one pipe table, a column per year. */
static void
md_series_table(struct strbuf *sb, const struct stats *st,
		const struct stats_opts *o, int tab)
{
	struct sline lines[SLINES_MAX];
	int n = series_lines(st, o, tab, lines);
	int first = stats_first(st), last = stats_last(st);
	char when[8];

	sb_add(sb, two_labels(tab) ? "| Row | Column |" : "| |");
	for (int y = first; y <= last; y++)
		sb_printf(sb, " %s |", report_year_format(y, when));
	sb_add(sb, two_labels(tab) ? "\n|---|---|" : "\n|---|");
	for (int y = first; y <= last; y++)
		sb_add(sb, "---:|");
	sb_add(sb, "\n");
	for (int i = 0; i < n; i++) {
		sb_printf(sb, "| %s |", lines[i].label);
		if (two_labels(tab))
			sb_printf(sb, " %s |", lines[i].sublabel);
		for (int y = first; y <= last; y++) {
			sb_add(sb, " ");
			if (year_shows(o, y, tab))
				add_value(sb, cell(stats_get(st, y), tab,
				    lines[i].row, lines[i].col));
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
	      bool md, const struct stats_opts *o)
{
	void (*table)(struct strbuf *, const struct stats *,
	    const struct stats_opts *, int) =
	    md ? md_series_table : text_series_table;
	int first = stats_first(st), last = stats_last(st);
	int tlast = stats_template_of(o, last);
	char w1[8], w2[8], when[24];
	bool cat4 = false, custody = false;

	str_printf(when, sizeof(when), "%s to %s",
	    report_year_format(first, w1), report_year_format(last, w2));
	add_heading(sb, area, when, md, o, 0);
	for (int y = first; y <= last; y++)
		if (stats_provisional(o, y)) {
			sb_add(sb, report_year_format(y, w1));
			add_provisional(sb, o, y);
			sb_add(sb, "\n\n");
		}

	for (size_t i = 0; i < NELEM(series_order); i++) {
		int tab = series_order[i];

		if (!series_shows(st, o, tab))
			continue;
		switch (tab) {
		case STATS_T_SNAPSHOT:
			add_title(sb, md, 2, "MAPPA-eligible offenders on 31 "
			    "March");
			break;
		case STATS_T_ORDERS:
			if (md)
				sb_printf(sb, "## %s\n\n%s\n\n",
				    STATS_TITLE_ORDERS, orders_sub(tlast));
			else
				sb_printf(sb, "%s\n%s\n\n", STATS_TITLE_ORDERS,
				    orders_sub(tlast));
			break;
		case STATS_T_LICENCE:
		case STATS_T_SOPO:
		case STATS_T_SHPO:
			if (!custody)
				add_title(sb, md, 2, custody_heading(tlast));
			custody = true;
			add_title(sb, md, 3, tab == STATS_T_LICENCE
			    ? T_LICENCE : part_b(tab));
			break;
		default:
			add_title(sb, md, 2, title_of(tab));
			break;
		}
		table(sb, st, o, tab);
	}

	for (int y = first; y <= last && !cat4; y++)
		for (int tab = 0; tab < STATS_TABLES && !cat4; tab++)
			cat4 = is_level_table(tab) && year_shows(o, y, tab) &&
			    has_cat4(stats_get(st, y), tab);
	text_legend(sb, cat4);
}

/* --- HTML --------------------------------------------------------------- */

/* V in a table cell (of class CLS when not NULL), or "-" for a dash. */
static void
html_cell_class(struct strbuf *sb, int v, const char *cls)
{
	if (cls)
		sb_printf(sb, "<td class=\"%s\">", cls);
	else
		sb_add(sb, "<td>");
	if (v == STATS_DASH)
		sb_add(sb, "-</td>");
	else
		sb_printf(sb, "%d</td>", v);
}

static void
html_cell(struct strbuf *sb, int v)
{
	html_cell_class(sb, v, NULL);
}

/* How a movements cell moved a case: "up", "down", "out" or NULL. */
static const char *
move_class(int row, int col)
{
	if (row < STATS_M_LEVEL1 || row > STATS_M_LEVEL3)
		return NULL;
	if (col == STATS_M_EXIT)
		return "out";
	if (col > STATS_M_EXIT)
		return NULL;
	return col - STATS_M_TO1 > row - STATS_M_LEVEL1 ? "up"
	    : col - STATS_M_TO1 < row - STATS_M_LEVEL1 ? "down" : NULL;
}

/* Grid table TAB, with the report's column titles for a level table. */
static void
html_grid(struct strbuf *sb, const struct stats_year *y, int tab,
	  int template, const char *caption)
{
	struct axis rows[AXIS_MAX], cols[AXIS_MAX];
	int nr = rows_of(y, tab, template, rows);
	int nc = cols_of(y, tab, false, cols);

	sb_printf(sb, "<table class=\"%s\" id=\"%s\">\n",
	    tab == STATS_T_MOVES ? "moves" : "levels", stats_table_key[tab]);
	if (caption)
		sb_printf(sb, "<caption>%s</caption>\n", caption);
	sb_printf(sb, "<tr><th>%s</th>", tab == STATS_T_MOVES ? "From \\ to"
							       : "");
	for (int c = 0; c < nc; c++)
		sb_printf(sb, "<th scope=\"col\">%s</th>", is_level_table(tab)
		    ? stats_col_long[cols[c].ix] : cols[c].label);
	sb_add(sb, "</tr>\n");
	for (int r = 0; r < nr; r++) {
		bool total = r + 1 == nr;

		sb_printf(sb, "<tr%s><th scope=\"row\">%s</th>",
		    total ? " class=\"total\"" : "", rows[r].label);
		for (int c = 0; c < nc; c++)
			html_cell_class(sb, cell(y, tab, rows[r].ix, cols[c].ix),
			    tab == STATS_T_MOVES
				? move_class(rows[r].ix, cols[c].ix) : NULL);
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

/* A list table (orders, reviews): a row per kind. */
static void
html_list(struct strbuf *sb, const struct stats_year *y, int tab,
	  int template)
{
	struct axis rows[AXIS_MAX];
	int nr = rows_of(y, tab, template, rows);

	sb_printf(sb, "<table class=\"figure\" id=\"%s\">\n",
	    stats_table_key[tab]);
	for (int r = 0; r < nr; r++) {
		sb_printf(sb, "<tr><th scope=\"row\">%s</th>", rows[r].label);
		html_cell(sb, cell(y, tab, rows[r].ix, 0));
		sb_add(sb, "</tr>\n");
	}
	sb_add(sb, "</table>\n");
}

/* Y as an HTML fragment: a section per table, as the report titles them. */
static void
html_year(struct strbuf *sb, const struct stats_year *y,
	  const struct stats_opts *o)
{
	int tabs[STATS_TABLES], nt = tables_of(o, y->year, tabs);
	int template = stats_template_of(o, y->year);

	if (stats_provisional(o, y->year)) {
		sb_add(sb, "<p class=\"provisional\"><strong>");
		add_provisional(sb, o, y->year);
		sb_add(sb, "</strong></p>\n");
	}
	for (int t = 0; t < nt; t++) {
		int tab = tabs[t];

		switch (tab) {
		case STATS_T_SNAPSHOT:
			sb_printf(sb, "<section>\n<h2>MAPPA-eligible offenders "
			    "on 31 March %d</h2>\n", y->year + 1);
			html_grid(sb, y, tab, template, NULL);
			sb_add(sb, "</section>\n");
			break;
		case STATS_T_YEARLY:
		case STATS_T_SFO:
			sb_printf(sb, "<section>\n<h2>%s</h2>\n", title_of(tab));
			html_grid(sb, y, tab, template, NULL);
			sb_add(sb, "</section>\n");
			break;
		case STATS_T_BREACH:
		case STATS_T_SRO_BREACH:
			sb_printf(sb, "<section>\n<h2>%s</h2>\n", title_of(tab));
			html_figure(sb, stats_table_key[tab],
			    figure_label(tab), cell(y, tab, 0, 0));
			sb_add(sb, "</section>\n");
			break;
		case STATS_T_ORDERS:
			sb_add(sb, "<section>\n<h2>" STATS_TITLE_ORDERS
			    "</h2>\n<p>");
			escape_html(sb, orders_sub(template));
			sb_add(sb, "</p>\n");
			html_list(sb, y, tab, template);
			sb_add(sb, "</section>\n");
			break;
		case STATS_T_LICENCE:
			sb_printf(sb, "<section>\n<h2>%s</h2>\n",
			    custody_heading(template));
			html_grid(sb, y, tab, template, T_LICENCE);
			break;
		case STATS_T_SOPO:
		case STATS_T_SHPO:
			html_grid(sb, y, tab, template, part_b(tab));
			sb_add(sb, "</section>\n");
			break;
		case STATS_T_RSO:
			sb_add(sb, "<section>\n<h2>" STATS_TITLE_RSO "</h2>\n");
			html_figure(sb, stats_table_key[tab],
			    "Per 100,000 population", y->rso_per_100k);
			sb_add(sb, "<p class=\"note\">");
			add_population_note(sb, y);
			sb_add(sb, "</p>\n</section>\n");
			break;
		case STATS_T_MOVES:
			sb_add(sb, "<section>\n<h2>" STATS_TITLE_MOVES "</h2>\n"
			    "<p class=\"note\">" MOVES_NOTE "</p>\n"
			    "<p class=\"moves-summary\">");
			add_moves_summary(sb, y);
			sb_add(sb, "</p>\n");
			html_grid(sb, y, tab, template, NULL);
			sb_add(sb, "</section>\n");
			break;
		case STATS_T_REVIEWS:
			sb_add(sb, "<section>\n<h2>" STATS_TITLE_REVIEWS
			    "</h2>\n");
			html_list(sb, y, tab, template);
			sb_add(sb, "</section>\n");
			break;
		default:
			break;
		}
	}
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
		 enum stats_format format, const struct stats_opts *o)
{
	struct strbuf sb;

	sb_init(&sb);
	switch (format) {
	case STATS_CSV:
		sb_add(&sb, "table,row,column,value\n");
		csv_year(&sb, y, "", o);
		break;
	case STATS_MARKDOWN:
		md_year(&sb, y, area, o);
		break;
	case STATS_JSON:
		json_year(&sb, y, area, "", o);
		sb_add(&sb, "\n");
		break;
	case STATS_HTML:
		html_year(&sb, y, o);
		break;
	case STATS_TEXT:
	default:
		text_year(&sb, y, area, o);
		break;
	}
	return flush_sb(out, &sb);
}

int
stats_write_series(FILE *out, const struct stats *st, const char *area,
		   enum stats_format format, const struct stats_opts *o)
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
			csv_year(&sb, stats_get(st, y), prefix, o);
		}
		break;
	case STATS_MARKDOWN:
	case STATS_HTML:
		series_tables(&sb, st, area, true, o);
		break;
	case STATS_JSON:
		sb_add(&sb, "[\n");
		for (int y = stats_first(st); y <= stats_last(st); y++) {
			json_year(&sb, stats_get(st, y), area, "  ", o);
			sb_add(&sb, y < stats_last(st) ? ",\n" : "\n");
		}
		sb_add(&sb, "]\n");
		break;
	case STATS_TEXT:
	default:
		series_tables(&sb, st, area, false, o);
		break;
	}
	return flush_sb(out, &sb);
}
