/*
 * statsmodel.c -- the statistics screen's figures, lines and moves,
 * without a terminal.
 *
 * The figures of every reporting year come from one struct stats filled
 * once; a view is a list of lines built again after each move (a few
 * dozen lines, so rebuilding is cheaper than keeping them in step).  The
 * year's view follows the text of `mappa stats` (statistics.md: the
 * published template): titles, a label column and cells of Categories
 * 1-3, Category 4 only where a table counts one, Total, and '-' where a
 * cell cannot hold a number.  The trend view shows one table: a bar per
 * year for the selected figure, then every figure of the table with a
 * column per year.
 *
 * The selection is a figure (table, row, column), not a line, so that it
 * survives a change of year or of view; a column the new year does not
 * show (Category 4, an order kind) falls back to the nearest that it
 * does, and the column last chosen is taken again where it exists.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/statsmodel.h"

/* The width the titles and notes are broken to, as in the text output. */
#define WRAP_W 78

_Static_assert((int)SM_TABLES == (int)STATS_TABLES,
	       "the screen's tables are the report's");

/* The title of each table in the trend view (no date in it). */
static const char *const trend_title[SM_TABLES] = {
	"MAPPA-eligible offenders on 31 March",
	STATS_TITLE_YEARLY,
	STATS_TITLE_BREACH,
	"Restrictive orders for Category 1 offenders imposed by the courts",
	"Level 2 and 3 offenders returned to custody for breach of licence",
	"Level 2 and 3 offenders sent to custody for breach of SOPO",
	STATS_TITLE_RSO,
	"People subject to notification after a breach of an SRO",
	"Level 2 and 3 offenders sent to custody for breach of SHPO",
	STATS_TITLE_MOVES,
	STATS_TITLE_SFO,
	STATS_TITLE_REVIEWS,
};

int
sm_template(const struct statsmodel *m, int year)
{
	(void)m; /* one day, perhaps, a template chosen on the screen */
	return stats_template_for(year);
}

bool
sm_provisional(const struct statsmodel *m, int year)
{
	struct stats_opts o = { 0, false, m->today };

	return stats_provisional(&o, year);
}

/* The tables the current view steps through, in order; how many. */
static int
view_tables(const struct statsmodel *m, int *out)
{
	int all[STATS_TABLES], k = 0;
	int own = stats_tables(sm_template(m, m->year), false, all);
	int n = stats_tables(sm_template(m, m->year), true, all);

	for (int i = m->board ? own : 0; i < (m->board ? n : own); i++)
		out[k++] = all[i];
	return k;
}

/* --- the figures ------------------------------------------------------------ */

enum sm_style
sm_style(int table)
{
	switch (table) {
	case SM_BREACH:
	case SM_RSO:
	case SM_SRO_BREACH:
		return SM_STYLE_SINGLE;
	case SM_ORDERS:
	case SM_REVIEWS:
		return SM_STYLE_ORDERS;
	default:
		return SM_STYLE_LEVELS;
	}
}

/* The first row level table TABLE prints. */
static int
first_row(int table)
{
	return table == SM_MOVES ? STATS_M_NEW
	    : table == SM_SNAPSHOT || table == SM_SFO ? STATS_LEVEL1
						      : STATS_LEVEL2;
}

/* The rows level table TABLE prints: up to, not including. */
static int
end_row(int table)
{
	return table == SM_MOVES ? STATS_MROWS : STATS_NROWS;
}

/* The total column of level table TABLE. */
static int
total_col(int table)
{
	return table == SM_MOVES ? STATS_M_TOTALCOL : STATS_TOTAL;
}

/* The first row of list table TABLE (orders: by template). */
static int
first_list_row(const struct statsmodel *m, int table)
{
	int k[ORDER_KIND_MAX];

	if (table == SM_REVIEWS)
		return REVIEW_GRANTED;
	stats_order_rows(sm_template(m, m->year), NULL, k);
	return k[0];
}

typedef int cellrow[STATS_NCOLS];

static const cellrow *
level_cells(const struct stats_year *y, int table)
{
	switch (table) {
	case SM_SNAPSHOT:
		return y->snapshot;
	case SM_YEARLY:
		return y->yearly;
	case SM_LICENCE:
		return y->licence;
	case SM_SHPO:
		return y->shpo;
	case SM_SFO:
		return y->sfo;
	default:
		return y->sopo;
	}
}

int
sm_value(const struct statsmodel *m, int year, struct sm_cell cell)
{
	const struct stats_year *y = m->st ? stats_get(m->st, year) : NULL;

	if (y == NULL)
		return STATS_DASH;
	switch (cell.table) {
	case SM_BREACH:
		return y->notification_breach;
	case SM_RSO:
		return y->rso_per_100k;
	case SM_SRO_BREACH:
		return y->sro_breach;
	case SM_ORDERS:
		if (cell.row < 1 || cell.row > ORDER_KIND_MAX)
			return STATS_DASH;
		return y->orders[cell.row];
	case SM_REVIEWS:
		if (cell.row < 1 || cell.row > REVIEW_REFUSED)
			return STATS_DASH;
		return y->reviews[cell.row];
	case SM_MOVES:
		if (cell.row < 0 || cell.row >= STATS_MROWS || cell.col < 0 ||
		    cell.col >= STATS_MCOLS)
			return STATS_DASH;
		return y->moves[cell.row][cell.col];
	default:
		if (cell.row < 0 || cell.row >= STATS_NROWS || cell.col < 0 ||
		    cell.col >= STATS_NCOLS)
			return STATS_DASH;
		return level_cells(y, cell.table)[cell.row][cell.col];
	}
}

/* Whether level table TABLE counts a Category 4 offender in YEAR (0:
 * in any year shown). */
static bool
has_cat4(const struct statsmodel *m, int table, int year)
{
	int from = year ? year : m->first, to = year ? year : m->last;

	if (table == SM_MOVES)
		return false;
	for (int y = from; y <= to; y++)
		for (int r = first_row(table); r < STATS_NROWS; r++)
			if (sm_value(m, y, (struct sm_cell){ table, r,
							     STATS_CAT4 }) > 0)
				return true;
	return false;
}

/* Whether order kind K gets a row in YEAR's template (0: in any year
 * shown, each in its own). */
static bool
order_shown(const struct statsmodel *m, int k, int year)
{
	int from = year ? year : m->first, to = year ? year : m->last;

	for (int y = from; y <= to; y++) {
		int kinds[ORDER_KIND_MAX];
		int n = stats_order_rows(sm_template(m, y), stats_get(m->st, y),
					 kinds);

		for (int i = 0; i < n; i++)
			if (kinds[i] == k)
				return true;
	}
	return false;
}

int
sm_columns(const struct statsmodel *m, int table, int year, int *cols)
{
	int n = 0;

	if (sm_style(table) != SM_STYLE_LEVELS) {
		cols[0] = 0;
		return 1;
	}
	if (table == SM_MOVES) {
		for (int c = 0; c < STATS_MCOLS; c++)
			cols[n++] = c;
		return n;
	}
	for (int c = STATS_CAT1; c < STATS_NCOLS; c++)
		if (c != STATS_CAT4 || has_cat4(m, table, year))
			cols[n++] = c;
	return n;
}

const char *
sm_column_name(int col)
{
	return col >= 0 && col < STATS_NCOLS ? stats_col_short[col] : "";
}

const char *
sm_table_column_name(int table, int col)
{
	if (table == SM_MOVES)
		return col >= 0 && col < STATS_MCOLS ? stats_mcol_label[col]
						     : "";
	return sm_column_name(col);
}

int
sm_move_direction(int row, int col)
{
	if (row < STATS_M_LEVEL1 || row > STATS_M_LEVEL3 || col < 0 ||
	    col > STATS_M_EXIT)
		return 0;
	if (col == STATS_M_EXIT)
		return 2;
	return col - STATS_M_TO1 > row - STATS_M_LEVEL1 ? 1
	    : col - STATS_M_TO1 < row - STATS_M_LEVEL1 ? -1 : 0;
}

/* "Level 2", "new", "exit", "all" for the movements' names. */
static const char *
move_row_name(int r)
{
	return r == STATS_M_NEW ? "newly registered"
	    : r == STATS_M_TOTAL ? "from anywhere" : stats_mrow_label[r];
}

/* --- names ------------------------------------------------------------------ */

char *
sm_cell_name(struct sm_cell c, char *buf, size_t n)
{
	if (c.table == SM_MOVES) {
		if (c.row < 0 || c.row >= STATS_MROWS || c.col < 0 ||
		    c.col >= STATS_MCOLS)
			str_copy(buf, "movements", n);
		else if (c.col == STATS_M_TOTALCOL)
			snprintf(buf, n, "moves: %s, anywhere",
				 move_row_name(c.row));
		else
			snprintf(buf, n, "moves: %s to %s",
				 move_row_name(c.row),
				 c.col == STATS_M_EXIT ? "exit"
						       : stats_mcol_label[c.col]);
		return buf;
	}
	switch (sm_style(c.table)) {
	case SM_STYLE_SINGLE:
		str_copy(buf, c.table == SM_BREACH
				      ? "RSOs cautioned or convicted"
				  : c.table == SM_SRO_BREACH
				      ? "registered after an SRO breach"
				      : "RSOs per 100,000 population", n);
		break;
	case SM_STYLE_ORDERS:
		if (c.table == SM_REVIEWS)
			str_copy(buf, c.row == REVIEW_GRANTED
					      ? "reviews granted"
					      : "reviews refused", n);
		else
			str_copy(buf, c.row >= 1 && c.row <= ORDER_KIND_MAX
					      ? stats_order_label[c.row]
					      : "orders", n);
		break;
	default:
		if (c.row == STATS_ROW_TOTAL && c.col == STATS_TOTAL)
			str_copy(buf, "all levels and categories", n);
		else if (c.row == STATS_ROW_TOTAL)
			snprintf(buf, n, "Category %d, all levels", c.col + 1);
		else if (c.col == STATS_TOTAL)
			snprintf(buf, n, "Level %d, all categories", c.row + 1);
		else
			snprintf(buf, n, "Category %d at Level %d", c.col + 1,
				 c.row + 1);
	}
	return buf;
}

char *
sm_cell_describe(struct sm_cell c, int year, char *buf, size_t n)
{
	char name[64], when[8];

	sm_cell_name(c, name, sizeof name);
	report_year_format(year, when);
	switch (c.table) {
	case SM_SNAPSHOT:
		snprintf(buf, n, "MAPPA-eligible offenders on 31 March %d, %s",
			 year + 1, name);
		break;
	case SM_YEARLY:
		snprintf(buf, n, "Managed at Level 2 or 3 during %s, %s", when,
			 name);
		break;
	case SM_BREACH:
		snprintf(buf, n, "RSOs cautioned or convicted for breach of "
			 "notification requirements in %s", when);
		break;
	case SM_ORDERS:
		snprintf(buf, n, "%s imposed by the courts in %s", name, when);
		break;
	case SM_LICENCE:
		snprintf(buf, n, "Returned to custody for breach of licence in "
			 "%s, %s", when, name);
		break;
	case SM_SOPO:
		snprintf(buf, n, "Sent to custody for breach of SOPO in %s, %s",
			 when, name);
		break;
	case SM_SHPO:
		snprintf(buf, n, "Sent to custody for breach of SHPO or SOPO "
			 "in %s, %s", when, name);
		break;
	case SM_SRO_BREACH:
		snprintf(buf, n, "Subject to notification after a breach of "
			 "an SRO in %s", when);
		break;
	case SM_MOVES:
		snprintf(buf, n, "Cases moving in %s, %s", when, name);
		break;
	case SM_SFO:
		snprintf(buf, n, "Charged with a serious further offence in "
			 "%s, %s", when, name);
		break;
	case SM_REVIEWS:
		snprintf(buf, n, "Reviews of indefinite notification in %s, "
			 "%s", when, name);
		break;
	default:
		snprintf(buf, n, "Registered sexual offenders per 100,000 "
			 "population on 31 March %d", year + 1);
	}
	return buf;
}

char *
sm_cell_key(struct sm_cell c, char *buf, size_t n)
{
	const char *t = c.table >= 0 && c.table < SM_TABLES ? stats_table_key[c.table]
							    : "?";

	switch (sm_style(c.table)) {
	case SM_STYLE_SINGLE:
		snprintf(buf, n, "%s count value", t);
		break;
	case SM_STYLE_ORDERS:
	{
		const char *k = ev_kind_name(c.table == SM_REVIEWS
						 ? EV_NOTIFICATION_REVIEW
						 : EV_ORDER, c.row);

		snprintf(buf, n, "%s %s value", t, k ? k : "?");
		break;
	}
	default:
		if (c.table == SM_MOVES) {
			snprintf(buf, n, "%s %s %s", t,
				 c.row >= 0 && c.row < STATS_MROWS
					 ? stats_mrow_key[c.row] : "?",
				 c.col >= 0 && c.col < STATS_MCOLS
					 ? stats_mcol_key[c.col] : "?");
			break;
		}
		snprintf(buf, n, "%s %s %s", t,
			 c.row >= 0 && c.row < STATS_NROWS ? stats_row_key[c.row]
							   : "?",
			 c.col >= 0 && c.col < STATS_NCOLS ? stats_col_key[c.col]
							   : "?");
	}
	return buf;
}

bool
sm_cell_listable(const struct statsmodel *m, int year, struct sm_cell cell,
		 const char **why)
{
	const char *w = NULL;

	if (cell.table == SM_RSO)
		w = "A rate, not a count: Enter on table 1's Category 1 "
		    "total lists its cases.";
	else if (sm_value(m, year, cell) == STATS_DASH)
		w = "This cell cannot hold a number: it is printed '-'.";
	if (why)
		*why = w;
	return w == NULL;
}

/* --- counting ------------------------------------------------------------------ */

int
sm_open(struct statsmodel *m, int last)
{
	memset(m, 0, sizeof *m);
	m->cur_line = -1;
	m->today = MDATE_NONE;
	if (last < SM_FIRST_YEAR)
		return -1;
	if ((m->st = stats_new(SM_FIRST_YEAR, last)) == NULL)
		return -1;
	m->first = SM_FIRST_YEAR;
	m->last = m->year = last;
	return 0;
}

void
sm_close(struct statsmodel *m)
{
	stats_free(m->st);
	free(m->line);
	memset(m, 0, sizeof *m);
	m->cur_line = -1;
}

void
sm_add_history(struct statsmodel *m, const struct ev *evs, size_t n)
{
	stats_add_history(m->st, evs, n);
}

void
sm_set_population(struct statsmodel *m, int year, int64_t people)
{
	stats_set_population(m->st, year, people);
}

/* Whether YEAR has any figure at all. */
static bool
year_has_figures(const struct statsmodel *m, int year)
{
	const struct stats_year *y = stats_get(m->st, year);

	if (y->notification_breach > 0)
		return true;
	for (int k = 1; k <= ORDER_KIND_MAX; k++)
		if (y->orders[k] > 0)
			return true;
	for (int t = SM_SNAPSHOT; t <= SM_SOPO; t++)
		if (sm_style(t) == SM_STYLE_LEVELS &&
		    level_cells(y, t)[STATS_ROW_TOTAL][STATS_TOTAL] > 0)
			return true;
	return false;
}

int
sm_finish(struct statsmodel *m)
{
	int f;

	stats_finish(m->st);
	f = stats_first(m->st);
	while (f < stats_last(m->st) && !year_has_figures(m, f))
		f++;
	m->first = f;
	m->last = m->year = stats_last(m->st);
	/* Open on the last complete year; a year not over is one step on. */
	if (m->year > m->first && sm_provisional(m, m->year))
		m->year--;
	m->trend = false;
	m->board = false;
	m->cur = (struct sm_cell){ SM_SNAPSHOT, STATS_ROW_TOTAL, STATS_CAT1 };
	m->want_col = STATS_CAT1;
	return sm_layout(m);
}

/* --- the lines ------------------------------------------------------------------ */

static struct sm_line *
add_line(struct statsmodel *m, enum sm_kind kind, int table, int row, int col,
	 int year, const char *text)
{
	static const struct sm_line zero;
	struct sm_line *l;

	if (array_push(&m->line, &m->nlines, &m->cap, &zero, sizeof zero)
	    != 0) {
		m->oom = true;
		return NULL;
	}
	l = &m->line[m->nlines - 1];
	l->kind = kind;
	l->table = table;
	l->row = row;
	l->col = col;
	l->year = year;
	str_copy(l->text, text ? text : "", sizeof l->text);
	return l;
}

/* TEXT broken at spaces into lines of KIND of at most WRAP_W bytes. */
static void
add_wrapped(struct statsmodel *m, enum sm_kind kind, int table,
	    const char *text)
{
	char part[sizeof m->line->text];
	const char *p = text;

	while (*p) {
		size_t len = strlen(p), cut = len;

		if (len > WRAP_W) {
			for (cut = WRAP_W; cut > 0 && p[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = WRAP_W;
		}
		if (cut >= sizeof part)
			cut = sizeof part - 1;
		memcpy(part, p, cut);
		part[cut] = '\0';
		add_line(m, kind, table, 0, 0, 0, part);
		p += cut;
		while (*p == ' ')
			p++;
	}
}

/* The legend of the category columns (Category 4 when CAT4), broken
 * between its items. */
static void
add_legend(struct statsmodel *m, int table, bool cat4)
{
	int last = cat4 ? STATS_CAT4 : STATS_CAT3;
	char text[WRAP_W + 8];
	size_t n = 0;

	text[0] = '\0';
	for (int c = STATS_CAT1; c <= last; c++) {
		size_t w = strlen(stats_col_long[c]) + 1;

		if (n > 0 && n + 1 + w > WRAP_W) {
			add_line(m, SM_NOTE, table, 0, 0, 0, text);
			n = 0;
		}
		n += (size_t)snprintf(text + n, sizeof text - n, "%s%s%s",
				      n ? " " : "", stats_col_long[c],
				      c == last ? "." : ";");
		if (n >= sizeof text)
			n = sizeof text - 1;
	}
	add_line(m, SM_NOTE, table, 0, 0, 0, text);
}

/* The rows of level table TABLE for the year view. */
static void
add_level_rows(struct statsmodel *m, int table, const char *head)
{
	add_line(m, SM_HEAD, table, 0, 0, 0, head);
	for (int r = first_row(table); r < STATS_NROWS; r++)
		add_line(m, SM_ROW, table, r, 0, 0, stats_row_label[r]);
}

/* "698,400" */
static char *
thousands(int64_t v, char *buf, size_t n)
{
	char digits[32];
	size_t len, out = 0;

	snprintf(digits, sizeof digits, "%" PRId64, v);
	len = strlen(digits);
	for (size_t i = 0; i < len && out + 2 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[out++] = ',';
		buf[out++] = digits[i];
	}
	buf[out] = '\0';
	return buf;
}

/* The movements: a row per level a case was at, a column per level it
 * went to, and in words how many went up, down and out. */
static void
layout_moves(struct statsmodel *m)
{
	struct stats_moves_summary s;
	char text[128];

	add_line(m, SM_TITLE, SM_MOVES, 0, 0, 0, STATS_TITLE_MOVES);
	stats_moves_summary(stats_get(m->st, m->year), &s);
	snprintf(text, sizeof text, "Up a level: %d   Down a level: %d   "
		 "Left MAPPA: %d   Newly registered: %d", s.up, s.down, s.out,
		 s.in);
	add_line(m, SM_SUB, SM_MOVES, 0, 0, 0, text);
	add_line(m, SM_HEAD, SM_MOVES, 0, 0, 0, "From \\ to");
	for (int r = 0; r < STATS_MROWS; r++)
		add_line(m, SM_ROW, SM_MOVES, r, 0, 0, stats_mrow_label[r]);
	add_line(m, SM_NOTE, SM_MOVES, 0, 0, 0, "Rows: where a case was. "
		 "Columns: where it went.");
}

static void
layout_table(struct statsmodel *m, int t)
{
	const struct stats_year *y = stats_get(m->st, m->year);
	int template = sm_template(m, m->year);
	char text[128], num[32];

	switch (t) {
	case SM_SNAPSHOT:
		snprintf(text, sizeof text, "MAPPA-eligible offenders on 31 "
			 "March %d", m->year + 1);
		add_line(m, SM_TITLE, t, 0, 0, 0, text);
		add_level_rows(m, t, "");
		add_legend(m, t, has_cat4(m, t, m->year));
		break;
	case SM_YEARLY:
	case SM_SFO:
		add_wrapped(m, SM_TITLE, t, t == SM_YEARLY ? STATS_TITLE_YEARLY
							   : STATS_TITLE_SFO);
		add_level_rows(m, t, "");
		add_legend(m, t, has_cat4(m, t, m->year));
		break;
	case SM_BREACH:
		add_line(m, SM_ROW, t, 0, 0, 0, STATS_TITLE_BREACH);
		break;
	case SM_SRO_BREACH:
		add_wrapped(m, SM_SUB, t, STATS_TITLE_SRO_BREACH);
		add_line(m, SM_ROW, t, 0, 0, 0, "People");
		break;
	case SM_ORDERS:
		add_line(m, SM_TITLE, t, 0, 0, 0, STATS_TITLE_ORDERS);
		add_line(m, SM_SUB, t, 0, 0, 0,
			 template == STATS_TEMPLATE_2015
				 ? STATS_TITLE_ORDERS_SUB_2015
				 : STATS_TITLE_ORDERS_SUB);
		{
			int kinds[ORDER_KIND_MAX];
			int n = stats_order_rows(template, y, kinds);

			for (int i = 0; i < n; i++)
				add_line(m, SM_ROW, t, kinds[i], 0, 0,
					 stats_order_label[kinds[i]]);
		}
		break;
	case SM_LICENCE:
		add_wrapped(m, SM_TITLE, t, template == STATS_TEMPLATE_2015
						    ? STATS_TITLE_CUSTODY_2015
						    : STATS_TITLE_CUSTODY);
		add_level_rows(m, t, "Breach of licence");
		break;
	case SM_SOPO:
	case SM_SHPO:
		add_level_rows(m, t, t == SM_SOPO ? "Breach of SOPO"
						  : "Breach of SHPO");
		add_legend(m, t, has_cat4(m, SM_LICENCE, m->year) ||
					 has_cat4(m, t, m->year));
		break;
	case SM_RSO:
		add_line(m, SM_ROW, t, 0, 0, 0, STATS_TITLE_RSO);
		if (y->population > 0)
			snprintf(text, sizeof text, "Calculated with the mid-%d "
				 "population aged 10 and over: %s.", m->year,
				 thousands(y->population, num, sizeof num));
		else
			snprintf(text, sizeof text, "No mid-%d population aged "
				 "10 and over is recorded.", m->year);
		add_line(m, SM_NOTE, t, 0, 0, 0, text);
		break;
	case SM_MOVES:
		layout_moves(m);
		break;
	case SM_REVIEWS:
		add_line(m, SM_TITLE, t, 0, 0, 0, STATS_TITLE_REVIEWS);
		add_line(m, SM_ROW, t, REVIEW_GRANTED, 0, 0, "Granted");
		add_line(m, SM_ROW, t, REVIEW_REFUSED, 0, 0, "Refused");
		break;
	default:
		break;
	}
}

/* The year's tables in its template, or the board's. */
static void
layout_year(struct statsmodel *m)
{
	int tabs[STATS_TABLES], n = view_tables(m, tabs);

	for (int i = 0; i < n; i++) {
		layout_table(m, tabs[i]);
		/* The custody parts (a) and (b) are one table. */
		if (tabs[i] == SM_LICENCE || i + 1 == n)
			continue;
		add_line(m, SM_BLANK, 0, 0, 0, 0, NULL);
	}
}

static void
layout_trend(struct statsmodel *m)
{
	int t = m->cur.table, cols[STATS_MCOLS + STATS_NCOLS], nc;
	char text[160], a[8];

	snprintf(text, sizeof text, "%s, year on year", trend_title[t]);
	add_line(m, SM_TITLE, t, 0, 0, 0, text);
	/* The subtitle and the bars: the figure selected (name_chart()). */
	add_line(m, SM_SUB, t, 0, 0, 0, NULL);
	for (int y = m->first; y <= m->last; y++) {
		report_year_format(y, a);
		snprintf(text, sizeof text, "%s%s", a,
			 sm_provisional(m, y) ? "*" : "");
		add_line(m, SM_BAR, t, 0, 0, y, text);
	}
	add_line(m, SM_YEARS, t, 0, 0, 0, NULL);
	nc = sm_columns(m, t, 0, cols);
	switch (sm_style(t)) {
	case SM_STYLE_SINGLE:
		add_line(m, SM_SERIES, t, 0, 0, 0, t == SM_BREACH
			 ? "Cautioned or convicted" : t == SM_SRO_BREACH
			 ? "People" : "Per 100,000");
		break;
	case SM_STYLE_ORDERS:
		if (t == SM_REVIEWS) {
			add_line(m, SM_SERIES, t, REVIEW_GRANTED, 0, 0,
				 "Granted");
			add_line(m, SM_SERIES, t, REVIEW_REFUSED, 0, 0,
				 "Refused");
			break;
		}
		{
			int kinds[ORDER_KIND_MAX];
			int n = stats_order_rows(sm_template(m, m->year), NULL,
						 kinds);

			for (int i = 0; i < n; i++)
				if (order_shown(m, kinds[i], 0))
					add_line(m, SM_SERIES, t, kinds[i], 0,
						 0, stats_order_label[kinds[i]]);
		}
		break;
	default:
		for (int r = first_row(t); r < end_row(t); r++)
			for (int i = 0; i < nc; i++) {
				if (t == SM_MOVES)
					snprintf(text, sizeof text, "%s > %s",
						 stats_mrow_short[r],
						 stats_mcol_short[cols[i]]);
				else
					snprintf(text, sizeof text, "%-8s %s",
						 stats_row_label[r],
						 stats_col_short[cols[i]]);
				add_line(m, SM_SERIES, t, r, cols[i], 0, text);
			}
	}
}

/* Whether line L can be selected in the current view. */
static bool
selectable(const struct statsmodel *m, const struct sm_line *l)
{
	return l->kind == (m->trend ? SM_SERIES : SM_ROW);
}

static bool
has_col(const int *cols, int n, int c)
{
	for (int i = 0; i < n; i++)
		if (cols[i] == c)
			return true;
	return false;
}

/* Put the selection on line I (selectable), choosing its column. */
static void
select_line(struct statsmodel *m, int i)
{
	const struct sm_line *l = &m->line[i];
	int cols[STATS_MCOLS + STATS_NCOLS], nc;

	m->cur_line = i;
	m->cur.table = l->table;
	m->cur.row = l->row;
	if (m->trend) {
		m->cur.col = l->col;
		return;
	}
	nc = sm_columns(m, l->table, m->year, cols);
	if (sm_style(l->table) != SM_STYLE_LEVELS)
		m->cur.col = 0;
	else if (has_col(cols, nc, m->want_col))
		m->cur.col = m->want_col;
	else if (!has_col(cols, nc, m->cur.col))
		m->cur.col = total_col(l->table);
}

/* Find the selected figure's line after a layout. */
static void
find_cursor(struct statsmodel *m)
{
	int best = -1;

	for (int i = 0; i < m->nlines; i++) {
		const struct sm_line *l = &m->line[i];

		if (!selectable(m, l) || l->table != m->cur.table)
			continue;
		if (l->row == m->cur.row &&
		    (!m->trend || l->col == m->cur.col)) {
			best = i;
			break;
		}
		if (best < 0 || (l->row == m->cur.row && m->trend &&
				 l->col == total_col(l->table)))
			best = i;
	}
	for (int i = 0; best < 0 && i < m->nlines; i++)
		if (selectable(m, &m->line[i]))
			best = i;
	m->cur_line = -1;
	if (best >= 0)
		select_line(m, best);
}

/* Point the chart at the figure the selection settled on, and name it. */
static void
name_chart(struct statsmodel *m)
{
	char name[64], a[8], b[8];

	for (int i = 0; i < m->nlines; i++) {
		struct sm_line *l = &m->line[i];

		if (l->kind == SM_BAR) {
			l->row = m->cur.row;
			l->col = m->cur.col;
		} else if (l->kind == SM_SUB) {
			snprintf(l->text, sizeof l->text, "%s, %s to %s%s",
				 sm_cell_name(m->cur, name, sizeof name),
				 report_year_format(m->first, a),
				 report_year_format(m->last, b),
				 sm_provisional(m, m->last)
					 ? " (* provisional: not yet over)"
					 : "");
		}
	}
}

int
sm_layout(struct statsmodel *m)
{
	m->nlines = 0;
	m->oom = false;
	if (m->st == NULL)
		return -1;
	if (m->trend)
		layout_trend(m);
	else
		layout_year(m);
	find_cursor(m);
	if (m->trend)
		name_chart(m);
	return m->oom ? -1 : 0;
}

/* --- moving ---------------------------------------------------------------------- */

static void select_table(struct statsmodel *m, int t);

bool
sm_year_step(struct statsmodel *m, int dir)
{
	int y = m->year + (dir < 0 ? -1 : 1);

	if (y < m->first || y > m->last)
		return false;
	m->year = y;
	/* Into a year of the other template: part (b) of the custody table
	 * is the other one; the SRO breaches, not in 2010's, give way to
	 * the orders before them. */
	if (!m->trend) {
		bool t2015 = sm_template(m, y) == STATS_TEMPLATE_2015;

		if (m->cur.table == SM_SOPO && t2015)
			m->cur.table = SM_SHPO;
		else if (m->cur.table == SM_SHPO && !t2015)
			m->cur.table = SM_SOPO;
		else if (m->cur.table == SM_SRO_BREACH && !t2015)
			select_table(m, SM_ORDERS);
	}
	sm_layout(m);
	return true;
}

bool
sm_row_step(struct statsmodel *m, int dir)
{
	int i = m->cur_line;

	if (i < 0)
		return false;
	for (i += dir < 0 ? -1 : 1; i >= 0 && i < m->nlines;
	     i += dir < 0 ? -1 : 1) {
		if (!selectable(m, &m->line[i]))
			continue;
		select_line(m, i);
		if (m->trend && sm_style(m->cur.table) == SM_STYLE_LEVELS)
			m->want_col = m->cur.col;
		sm_layout(m);
		return true;
	}
	return false;
}

bool
sm_col_step(struct statsmodel *m, int dir)
{
	int cols[STATS_MCOLS + STATS_NCOLS], nc, at = -1;

	if (sm_style(m->cur.table) != SM_STYLE_LEVELS)
		return false;
	nc = sm_columns(m, m->cur.table, m->trend ? 0 : m->year, cols);
	for (int i = 0; i < nc; i++)
		if (cols[i] == m->cur.col)
			at = i;
	at += dir < 0 ? -1 : 1;
	if (at < 0 || at >= nc)
		return false;
	m->cur.col = m->want_col = cols[at];
	sm_layout(m);
	return true;
}

/* Select table T's first figure. */
static void
select_table(struct statsmodel *m, int t)
{
	int cols[STATS_MCOLS + STATS_NCOLS], nc;

	m->cur.table = t;
	switch (sm_style(t)) {
	case SM_STYLE_SINGLE:
		m->cur.row = m->cur.col = 0;
		break;
	case SM_STYLE_ORDERS:
		m->cur.row = first_list_row(m, t);
		m->cur.col = 0;
		break;
	default:
		m->cur.row = first_row(t);
		nc = sm_columns(m, t, m->trend ? 0 : m->year, cols);
		m->cur.col = has_col(cols, nc, m->want_col) ? m->want_col
							    : total_col(t);
	}
}

bool
sm_table_step(struct statsmodel *m, int dir)
{
	int tabs[STATS_TABLES], n = view_tables(m, tabs), at = -1;

	for (int i = 0; i < n; i++)
		if (tabs[i] == m->cur.table)
			at = i;
	at += dir < 0 ? -1 : 1;
	if (at < 0 || at >= n)
		return false;
	select_table(m, tabs[at]);
	sm_layout(m);
	return true;
}

void
sm_set_board(struct statsmodel *m, bool board)
{
	int tabs[STATS_TABLES];

	m->board = board;
	view_tables(m, tabs);
	select_table(m, tabs[0]);
	sm_layout(m);
}

/* Select the first (or with LAST, the last) selectable line. */
static bool
select_end(struct statsmodel *m, bool last)
{
	int from = last ? m->nlines - 1 : 0, step = last ? -1 : 1;

	for (int i = from; i >= 0 && i < m->nlines; i += step) {
		if (!selectable(m, &m->line[i]))
			continue;
		if (i == m->cur_line)
			return false;
		select_line(m, i);
		sm_layout(m);
		return true;
	}
	return false;
}

bool
sm_home(struct statsmodel *m)
{
	return select_end(m, false);
}

bool
sm_end(struct statsmodel *m)
{
	return select_end(m, true);
}

void
sm_set_trend(struct statsmodel *m, bool trend)
{
	m->trend = trend;
	sm_layout(m);
}

/* --- the chart -------------------------------------------------------------------- */

int
sm_chart_max(const struct statsmodel *m)
{
	int max = 0;

	for (int y = m->first; y <= m->last; y++) {
		int v = sm_value(m, y, m->cur);

		if (v > max)
			max = v;
	}
	return max;
}

int
sm_bar(char *buf, size_t n, int value, int max, int width, bool utf8)
{
	size_t at = 0;
	int cols = 0;

	if (n == 0)
		return 0;
	buf[0] = '\0';
	if (value <= 0 || max <= 0 || width <= 0)
		return 0;
	if (value > max)
		value = max;
	if (utf8) {
		int64_t e = ((int64_t)value * width * 8 + max / 2) / max;
		int full, part;

		if (e < 1)
			e = 1;
		full = (int)(e / 8);
		part = (int)(e % 8);
		for (int i = 0; i < full && at + 3 < n; i++, cols++) {
			memcpy(buf + at, "\xe2\x96\x88", 3);
			at += 3;
		}
		/* U+2589 (seven eighths) .. U+258F (one eighth). */
		if (part && at + 3 < n) {
			buf[at++] = '\xe2';
			buf[at++] = '\x96';
			buf[at++] = (char)(0x90 - part);
			cols++;
		}
	} else {
		int64_t c = ((int64_t)value * width + max / 2) / max;

		if (c < 1)
			c = 1;
		for (int i = 0; i < c && at + 1 < n; i++, cols++)
			buf[at++] = '#';
	}
	buf[at] = '\0';
	return cols;
}

/* --- the cases behind a figure --------------------------------------------------- */

void
sm_cases_init(struct sm_cases *c, int year, struct sm_cell cell)
{
	memset(c, 0, sizeof *c);
	c->year = year;
	c->cell = cell;
}

void
sm_cases_free(struct sm_cases *c)
{
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
}

/* Whether one offender's (ROW, COL) of a level table counts in CELL. */
static bool
in_cell(int row, int col, struct sm_cell cell)
{
	return row >= 0 && (cell.row == STATS_ROW_TOTAL || row == cell.row) &&
	    (cell.col == STATS_TOTAL || col == cell.col);
}

/* How many of one offender's movements K count in CELL. */
static int
moves_in(const struct stats_contrib *k, struct sm_cell cell)
{
	int n = 0;

	for (int r = STATS_M_NEW; r <= STATS_M_LEVEL3; r++)
		for (int c = STATS_M_TO1; c <= STATS_M_EXIT; c++)
			if ((cell.row == STATS_M_TOTAL || cell.row == r) &&
			    (cell.col == STATS_M_TOTALCOL || cell.col == c))
				n += k->moves[r][c];
	return n;
}

/* What one offender whose year is K adds to CELL. */
static int
count_in(const struct stats_contrib *k, struct sm_cell cell)
{
	switch (cell.table) {
	case SM_ORDERS:
		return cell.row >= 1 && cell.row <= ORDER_KIND_MAX
			   ? k->orders[cell.row] : 0;
	case SM_REVIEWS:
		return cell.row >= 1 && cell.row <= REVIEW_REFUSED
			   ? k->reviews[cell.row] : 0;
	case SM_MOVES:
		return moves_in(k, cell);
	default:
		return sm_holds(k, cell) ? 1 : 0;
	}
}

bool
sm_holds(const struct stats_contrib *k, struct sm_cell cell)
{
	switch (cell.table) {
	case SM_SNAPSHOT:
		return in_cell(k->snapshot_row, k->snapshot_col, cell);
	case SM_YEARLY:
		return in_cell(k->yearly_row, k->yearly_col, cell);
	case SM_LICENCE:
		return in_cell(k->licence_row, k->licence_col, cell);
	case SM_SOPO:
		return in_cell(k->sopo_row, k->sopo_col, cell);
	case SM_SHPO:
		return in_cell(k->shpo_row, k->shpo_col, cell);
	case SM_SFO:
		return in_cell(k->sfo_row, k->sfo_col, cell);
	case SM_BREACH:
		return k->notification_breach != 0;
	case SM_SRO_BREACH:
		return k->sro_breach != 0;
	case SM_ORDERS:
	case SM_REVIEWS:
	case SM_MOVES:
		return count_in(k, cell) > 0;
	default:
		return false;
	}
}

int
sm_cases_add(struct sm_cases *c, int64_t id, const struct ev *evs, size_t n)
{
	struct stats_contrib k;

	if (n == 0)
		return 0;
	stats_classify(evs, n, c->year, &k);
	if (!sm_holds(&k, c->cell))
		return 0;
	if (array_reserve(&c->v, &c->cap, c->n + 1, sizeof *c->v) != 0) {
		c->failed = true;
		return -1;
	}
	c->v[c->n].id = id;
	c->v[c->n].count = count_in(&k, c->cell);
	c->total += c->v[c->n].count;
	c->n++;
	return 0;
}
