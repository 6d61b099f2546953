/*
 * scr_stats.c -- the annual statistics on screen: a reporting year's
 * tables laid out as published, Left and Right for the year before and
 * after; each table year on year with a bar chart of the selected
 * figure (t); Enter lists the cases that make up a figure.
 *
 * Every history is streamed once, as the screen opens, into one
 * accumulator covering every reporting year (db_stats_fill(), the count
 * `mappa stats` and the report make; statsmodel.c); a change of
 * year or view only lays the lines out again, with no database work.
 * Listing the cases behind a figure streams the histories once more,
 * classifying each for that one year, and keeps only the ids that count
 * (the list screen, scr_statcases.c, reads their rows a page at a time).
 * Opening the screen and each list is logged in the audit trail.
 *
 * The bars are block characters (U+2588 and the eighths) when the
 * terminal takes UTF-8 (text_utf8(), from the locale's character set),
 * '#' otherwise.  The figures are counts, never names, so a lay adviser
 * sees the same screen; the lists show them pseudonymous references.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/statsmodel.h"
#include "ui/text.h"
#include "ui/list.h"
#include "ui/ui.h"

/* The layout of the year's tables, as in `mappa stats`. */
#define LABEL_W 19 /* the label column */
#define CELL_W 8   /* a figure, right-aligned, a space before it */
#define LONG_W 70  /* the label of a one-figure table */
#define ORDER_W 38 /* the label of a kind of order or review */
#define YEAR_W 10  /* a year (and a provisional mark) before its bar */
#define BAR_MAX 72  /* the longest bar: values stay near their bars */
#define SERIES_W 15 /* the label of a figure in the series */

struct sst {
	struct statsmodel m;
	int top;    /* the first line shown */
	bool stale; /* others have changed records since the count */
};

static struct sst *
sst_of(const struct screen *s)
{
	return s->data;
}

/* The lines of the body under the summary line. */
static int
page_rows(const struct ui *ui)
{
	return ui_body_rows(ui) - 1 > 1 ? ui_body_rows(ui) - 1 : 1;
}

#define PAGE_TOP (UI_BODY_TOP + 1)

/* Scroll so that the selected figure shows, with its titles above it
 * when they fit. */
static void
keep_in_view(struct ui *ui, struct sst *t)
{
	const struct statsmodel *m = &t->m;
	int h = page_rows(ui), c = m->cur_line;

	if (c < 0) {
		t->top = 0;
		return;
	}
	if (c < t->top) {
		t->top = c;
		while (t->top > 0 && c - (t->top - 1) < h &&
		       m->line[t->top - 1].kind != SM_BLANK &&
		       m->line[t->top - 1].kind != SM_ROW)
			t->top--;
	}
	if (c >= t->top + h)
		t->top = c - h + 1;
	if (t->top > m->nlines - h)
		t->top = m->nlines - h > 0 ? m->nlines - h : 0;
	if (c < t->top)
		t->top = c;
	if (t->top < 0)
		t->top = 0;
}

/* --- drawing ------------------------------------------------------------------ */

static const char *
marker(void)
{
	return list_marker(true);
}

/* V in a cell of WIDTH at Y, X: right-aligned, a dash dimmed, else in
 * ROLE. */
static void
put_value_as(int y, int x, int width, int v, bool selected,
	     enum ui_role normal)
{
	char buf[32];
	enum ui_role role = selected ? R_SELECTED
				     : v == STATS_DASH ? R_DIM : normal;

	if (v == STATS_DASH)
		str_copy(buf, "-", sizeof buf);
	else
		ui_count(buf, sizeof buf, v);
	ui_put(y, x, width, buf, ui_attr(role), PUT_RIGHT | PUT_PAD);
}

static void
put_value(int y, int x, int width, int v, bool selected)
{
	put_value_as(y, x, width, v, selected, R_NORMAL);
}

/* The movements at a glance: up a level in the colour of risk rising
 * (bold without colour), down in green, out of MAPPA in yellow; the line
 * above the table says the same in words. */
static enum ui_role
move_role(int row, int col)
{
	switch (sm_move_direction(row, col)) {
	case 1:
		return R_OVERDUE;
	case -1:
		return R_INFO;
	case 2:
		return R_LEVEL2;
	default:
		return R_NORMAL;
	}
}

static void
draw_summary(struct ui *ui, struct sst *t)
{
	const struct statsmodel *m = &t->m;
	char line[400], a[8], b[8], c[8], name[64];
	const char *l = text_utf8() ? "\xe2\x97\x80" : "<";
	const char *r = text_utf8() ? "\xe2\x96\xb6" : ">";

	if (m->trend)
		ui_fmt(line, sizeof line, "%s %s %s  %s  |  %s to %s",
		       m->year > m->first ? l : " ",
		       report_year_format(m->year, a),
		       m->year < m->last ? r : " ",
		       sm_cell_name(m->cur, name, sizeof name),
		       report_year_format(m->first, b),
		       report_year_format(m->last, c));
	else if (sm_provisional(m, m->year)) {
		char d[MDATE_BUFSZ];

		ui_fmt(line, sizeof line, "%s %s %s  (provisional: the year "
		       "ends on %s)  |  %d template", m->year > m->first ? l : " ",
		       report_year_format(m->year, a),
		       m->year < m->last ? r : " ",
		       date_format(report_year_end(m->year), d),
		       sm_template(m, m->year));
	} else
		ui_fmt(line, sizeof line, "%s %s %s  1 April %d to 31 March "
		       "%d  |  %d template  |  %s to %s counted",
		       m->year > m->first ? l : " ",
		       report_year_format(m->year, a),
		       m->year < m->last ? r : " ", m->year, m->year + 1,
		       sm_template(m, m->year),
		       report_year_format(m->first, b),
		       report_year_format(m->last, c));
	if (t->stale) {
		size_t n = strlen(line);

		ui_fmt(line + n, sizeof line - n, "  |  records changed "
		       "since: Esc, then S, counts again");
	}
	ui_put(UI_BODY_TOP, 1, ui->cols - 2, line,
	       ui_attr(t->stale ? R_OVERDUE : R_DIM), PUT_PAD | PUT_ELLIPSIS);
}

/* The label column of a table of NC figures: narrowed on a narrow
 * terminal so that every column, Total above all, stays in sight. */
static int
label_w(const struct ui *ui, int nc)
{
	int w = ui->cols - 1 - nc * CELL_W;

	return w > LABEL_W ? LABEL_W : w < 8 ? 8 : w;
}

/* The x of the figure of a one-figure table. */
static int
single_x(const struct ui *ui)
{
	int x = 1 + LONG_W;

	return x + CELL_W < ui->cols - 1 ? x : ui->cols - 1 - CELL_W;
}

static void
draw_row(struct ui *ui, struct sst *t, const struct sm_line *l, int y,
	 bool on)
{
	const struct statsmodel *m = &t->m;
	int cols[STATS_MCOLS + STATS_NCOLS], nc, x, lw;

	if (on)
		ui_put(y, 0, 1, marker(), ui_attr(R_SELECTED), 0);
	switch (sm_style(l->table)) {
	case SM_STYLE_SINGLE:
		x = single_x(ui);
		ui_put(y, 1, x - 2, l->text, A_NORMAL, PUT_PAD | PUT_ELLIPSIS);
		put_value(y, x, CELL_W, sm_value(m, m->year, (struct sm_cell){
				  l->table, 0, 0 }), on);
		break;
	case SM_STYLE_ORDERS:
		/* Room for "SHPOs with foreign travel restriction". */
		lw = ui->cols - 2 - CELL_W < ORDER_W ? ui->cols - 2 - CELL_W
						     : ORDER_W;
		ui_put(y, 1, lw, l->text, A_NORMAL, PUT_PAD | PUT_ELLIPSIS);
		put_value(y, 1 + lw, CELL_W, sm_value(m, m->year,
			  (struct sm_cell){ l->table, l->row, 0 }), on);
		break;
	default:
		nc = sm_columns(m, l->table, m->year, cols);
		lw = label_w(ui, nc);
		ui_put(y, 1, lw, l->text, A_NORMAL, PUT_PAD | PUT_ELLIPSIS);
		for (int i = 0; i < nc; i++) {
			x = 1 + lw + i * CELL_W;
			if (x + CELL_W > ui->cols)
				break;
			put_value_as(y, x, CELL_W, sm_value(m, m->year,
				     (struct sm_cell){ l->table, l->row,
						       cols[i] }),
				     on && cols[i] == m->cur.col,
				     l->table == SM_MOVES
					     ? move_role(l->row, cols[i])
					     : R_NORMAL);
		}
	}
}

static void
draw_head(struct ui *ui, struct sst *t, const struct sm_line *l, int y)
{
	int cols[STATS_MCOLS + STATS_NCOLS], nc = sm_columns(&t->m, l->table, t->m.year,
					       cols);
	int lw = label_w(ui, nc);

	ui_put(y, 1, lw, l->text, ui_attr(R_HEADER), PUT_PAD | PUT_ELLIPSIS);
	for (int i = 0; i < nc; i++) {
		int x = 1 + lw + i * CELL_W;

		if (x + CELL_W > ui->cols)
			break;
		ui_put(y, x, CELL_W, sm_table_column_name(l->table, cols[i]),
		       ui_attr(R_HEADER), PUT_RIGHT | PUT_PAD);
	}
}

/* The years the series shows: *FROM and how many. */
static int
series_years(const struct ui *ui, const struct statsmodel *m, int *from)
{
	int fit = (ui->cols - 2 - SERIES_W) / CELL_W;
	int ny = m->last - m->first + 1;

	if (fit < 1)
		fit = 1;
	if (ny <= fit) {
		*from = m->first;
		return ny;
	}
	*from = m->year - fit / 2;
	if (*from > m->last - fit + 1)
		*from = m->last - fit + 1;
	if (*from < m->first)
		*from = m->first;
	return fit;
}

static void
draw_years(struct ui *ui, struct sst *t, int y)
{
	const struct statsmodel *m = &t->m;
	int from, n = series_years(ui, m, &from);
	char a[8];

	ui_put(y, 1, SERIES_W, "", ui_attr(R_HEADER), PUT_PAD);
	for (int i = 0; i < n; i++)
		ui_put(y, 1 + SERIES_W + i * CELL_W, CELL_W,
		       report_year_format(from + i, a),
		       ui_attr(from + i == m->year ? R_SORTED : R_HEADER),
		       PUT_RIGHT | PUT_PAD);
}

static void
draw_series(struct ui *ui, struct sst *t, const struct sm_line *l, int y,
	    bool on)
{
	const struct statsmodel *m = &t->m;
	int from, n = series_years(ui, m, &from);
	struct sm_cell c = { l->table, l->row, l->col };

	if (on)
		ui_put(y, 0, 1, marker(), ui_attr(R_SELECTED), 0);
	ui_put(y, 1, SERIES_W, l->text, A_NORMAL, PUT_PAD | PUT_ELLIPSIS);
	for (int i = 0; i < n; i++)
		put_value(y, 1 + SERIES_W + i * CELL_W, CELL_W,
			  sm_value(m, from + i, c), on && from + i == m->year);
}

static void
draw_bar(struct ui *ui, struct sst *t, const struct sm_line *l, int y,
	 int max)
{
	const struct statsmodel *m = &t->m;
	struct sm_cell c = { l->table, l->row, l->col };
	int v = sm_value(m, l->year, c);
	int width = ui->cols - 1 - CELL_W - 1 - YEAR_W - 1;
	char bar[4 * BAR_MAX + 1];

	if (width > BAR_MAX)
		width = BAR_MAX;
	ui_put(y, 1, YEAR_W - 2, l->text,
	       ui_attr(l->year == m->year ? R_SELECTED : R_NORMAL), PUT_PAD);
	if (width > 0) {
		sm_bar(bar, sizeof bar, v, max, width, text_utf8());
		ui_put(y, 1 + YEAR_W, width, bar, ui_attr(R_INFO), PUT_PAD);
	}
	put_value(y, 1 + YEAR_W + (width > 0 ? width : 0), CELL_W, v, false);
}

static void
draw_line(struct ui *ui, struct sst *t, int i, int y, int max)
{
	const struct sm_line *l = &t->m.line[i];
	bool on = i == t->m.cur_line;

	ui_blank(y, 0, ui->cols, A_NORMAL);
	switch (l->kind) {
	case SM_TITLE:
		ui_put(y, 1, ui->cols - 2, l->text, ui_attr(R_SECTION),
		       PUT_ELLIPSIS);
		break;
	case SM_SUB:
		ui_put(y, 1, ui->cols - 2, l->text, ui_attr(R_LABEL),
		       PUT_ELLIPSIS);
		break;
	case SM_NOTE:
		ui_put(y, 1, ui->cols - 2, l->text, ui_attr(R_DIM),
		       PUT_ELLIPSIS);
		break;
	case SM_HEAD:
		draw_head(ui, t, l, y);
		break;
	case SM_ROW:
		draw_row(ui, t, l, y, on);
		break;
	case SM_BAR:
		draw_bar(ui, t, l, y, max);
		break;
	case SM_YEARS:
		draw_years(ui, t, y);
		break;
	case SM_SERIES:
		draw_series(ui, t, l, y, on);
		break;
	default:
		break;
	}
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct sst *t = sst_of(s);
	int h = page_rows(ui), max = t->m.trend ? sm_chart_max(&t->m) : 0;

	if (!(what & (DRAW_BODY | DRAW_CURSOR)))
		return;
	draw_summary(ui, t);
	for (int i = 0; i < h; i++) {
		if (t->top + i < t->m.nlines)
			draw_line(ui, t, t->top + i, PAGE_TOP + i, max);
		else
			ui_blank(PAGE_TOP + i, 0, ui->cols, A_NORMAL);
	}
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct sst *t = sst_of(s);
	char a[8];

	(void)ui;
	ui_fmt(buf, n, "Statistics %s%s%s%s", report_year_format(t->m.year, a),
	       sm_provisional(&t->m, t->m.year) ? " (provisional)" : "",
	       t->m.board ? ", the board's tables" : "",
	       t->m.trend ? ", year on year" : "");
}

/* --- handlers ------------------------------------------------------------------ */

/* After a move: scroll to the selection; the body is drawn again. */
static unsigned
moved(struct ui *ui, struct screen *s, bool did)
{
	struct sst *t = sst_of(s);

	if (t->m.oom)
		ui_error(ui, "Out of memory: the screen may be incomplete.");
	if (!did)
		return DRAW_NONE;
	keep_in_view(ui, t);
	return DRAW_BODY | DRAW_TITLE;
}

/* Up and down a row of the table, or to its first or last; a page is
 * a table (A_TABLE_PREV, A_TABLE_NEXT on the same keys). */
static unsigned
moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct statsmodel *m = &sst_of(s)->m;

	if (a == A_HOME)
		return moved(ui, s, sm_home(m));
	if (a == A_END)
		return moved(ui, s, sm_end(m));
	if (a == A_UP || a == A_DOWN)
		return moved(ui, s, sm_row_step(m, list_step(a, 1)));
	return UI_UNHANDLED;
}

static unsigned
year_step(struct ui *ui, struct screen *s, int dir)
{
	struct statsmodel *m = &sst_of(s)->m;
	char a[8];

	if (!sm_year_step(m, dir)) {
		if (dir > 0 && sm_provisional(m, m->year))
			ui_msg(ui, "%s is the latest year: it is not over yet.",
			       report_year_format(m->year, a));
		else
			ui_msg(ui, "%s is the %s year with figures.",
			       report_year_format(m->year, a),
			       dir < 0 ? "first" : "last complete");
		return DRAW_STATUS;
	}
	return moved(ui, s, true);
}

static unsigned
year_prev(struct ui *ui, struct screen *s)
{
	return year_step(ui, s, -1);
}

static unsigned
year_next(struct ui *ui, struct screen *s)
{
	return year_step(ui, s, 1);
}

static unsigned
column_prev(struct ui *ui, struct screen *s)
{
	return moved(ui, s, sm_col_step(&sst_of(s)->m, -1));
}

static unsigned
column_next(struct ui *ui, struct screen *s)
{
	return moved(ui, s, sm_col_step(&sst_of(s)->m, 1));
}

static unsigned
table_prev(struct ui *ui, struct screen *s)
{
	return moved(ui, s, sm_table_step(&sst_of(s)->m, -1));
}

static unsigned
table_next(struct ui *ui, struct screen *s)
{
	return moved(ui, s, sm_table_step(&sst_of(s)->m, 1));
}

static unsigned
chart(struct ui *ui, struct screen *s)
{
	struct sst *t = sst_of(s);

	sm_set_trend(&t->m, !t->m.trend);
	t->top = 0;
	if (t->m.trend)
		ui_msg(ui, "Year on year: Up and Down choose the figure, Left "
		       "and Right the year; t for the year's tables.");
	return moved(ui, s, true) | DRAW_ALL;
}

static int
add_case(void *ctx, int64_t id, const struct ev *evs, size_t n)
{
	return sm_cases_add(ctx, id, evs, n);
}

static unsigned
cases(struct ui *ui, struct screen *s)
{
	struct statsmodel *m = &sst_of(s)->m;
	struct sm_cases *c;
	const char *why;
	char detail[160], key[80], a[8];
	int figure = sm_value(m, m->year, m->cur);
	enum db_status st;

	if (!sm_cell_listable(m, m->year, m->cur, &why)) {
		ui_error(ui, "%s", why);
		return DRAW_STATUS;
	}
	if (figure == 0 && !sst_of(s)->stale) {
		ui_msg(ui, "No case makes up this figure: it is 0.");
		return DRAW_STATUS;
	}
	if ((c = malloc(sizeof *c)) == NULL) {
		ui_error(ui, "Out of memory.");
		return DRAW_STATUS;
	}
	sm_cases_init(c, m->year, m->cur);
	st = db_history_foreach(ui->db, add_case, c);
	if (st == DB_OK && c->failed) {
		ui_error(ui, "Out of memory: the cases cannot be listed.");
		st = DB_ERROR;
	} else if (st != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
	}
	if (st == DB_OK) {
		ui_fmt(detail, sizeof detail, "year %s; %s; %zu cases",
		       report_year_format(m->year, a),
		       sm_cell_key(m->cur, key, sizeof key), c->n);
		int64_t *ids = malloc((c->n ? c->n : 1) * sizeof *ids);

		/* Which cases were shown, so that the audit finds them by
		 * case (their names are on the screen). */
		for (size_t i = 0; ids && i < c->n; i++)
			ids[i] = c->v[i].id;
		if (ids == NULL) {
			st = DB_ERROR;
			ui_error(ui, "Out of memory.");
		} else if ((st = db_audit_consult(ui->db, "stats.cases", ids,
						  c->n, detail)) != DB_OK) {
			ui_error(ui, "%s", db_errmsg(ui->db));
		}
		free(ids);
	}
	if (st != DB_OK) {
		sm_cases_free(c);
		free(c);
		return DRAW_STATUS;
	}
	return ui_push(ui, scr_statcases_new(ui, c, figure));
}

static unsigned
board(struct ui *ui, struct screen *s)
{
	struct sst *t = sst_of(s);

	sm_set_board(&t->m, !t->m.board);
	t->top = 0;
	if (t->m.board)
		ui_msg(ui, "The board's tables: how cases moved, serious "
		       "further offences, reviews; b for the template's.");
	return moved(ui, s, true) | DRAW_ALL;
}

static const struct ui_handler handlers[] = {
	{ A_CASES, 0, cases, "cases" },
	{ A_BOARD, 0, board, "board" },
	{ A_YEAR_PREV, 0, year_prev, "earlier" },
	{ A_YEAR_NEXT, 0, year_next, "later" },
	{ A_COLUMN_NEXT, 0, column_next, "column" },
	{ A_COLUMN_PREV, 0, column_prev, NULL },
	{ A_TABLE_NEXT, 0, table_next, "table" },
	{ A_TABLE_PREV, 0, table_prev, NULL },
	{ A_CHART, 0, chart, "year on year" },
	{ A_NONE, 0, NULL, NULL },
};

/* --- the screen's life ------------------------------------------------------- */

static unsigned
layout(struct ui *ui, struct screen *s)
{
	keep_in_view(ui, sst_of(s));
	return DRAW_BODY;
}

static unsigned
changed(struct ui *ui, struct screen *s)
{
	(void)ui;
	/* Counting again costs a pass over every history: say so, and let
	 * the person choose when. */
	sst_of(s)->stale = true;
	return DRAW_BODY;
}

static void
destroy(struct screen *s)
{
	struct sst *t = sst_of(s);

	sm_close(&t->m);
	free(t);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Statistics",
	.ctx = CTX_STATS,
	.moving = moving,
	.handlers = handlers,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = changed,
	.destroy = destroy,
};

struct screen *
scr_stats_new(struct ui *ui)
{
	struct sst *t;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *t);
	int last = date_report_year(ui->today);
	char detail[80], a[8], b[8];
	enum db_status st;

	if (s == NULL)
		return NULL;
	t = s->data;
	if (sm_open(&t->m, last) != 0) {
		if (last - 1 < SM_FIRST_YEAR)
			ui_error(ui, "No reporting year has ended yet.");
		else
			ui_error(ui, "Out of memory.");
		destroy(s);
		return NULL;
	}
	t->m.today = ui->today;
	/* The same count as `mappa stats` and the report. */
	st = db_stats_fill(ui->db, t->m.st);
	if (st == DB_OK && sm_finish(&t->m) != 0) {
		ui_error(ui, "Out of memory.");
		destroy(s);
		return NULL;
	}
	if (st == DB_OK) {
		ui_fmt(detail, sizeof detail, "screen; years %s to %s",
		       report_year_format(t->m.first, a),
		       report_year_format(t->m.last, b));
		st = db_audit_log(ui->db, "stats.view", NULL, detail);
	}
	if (st != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		destroy(s);
		return NULL;
	}
	return s;
}
