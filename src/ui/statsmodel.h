/*
 * statsmodel.h -- the statistics screen without a terminal: the annual
 * tables of every reporting year counted once, the lines of a year's
 * tables laid out as published (or of one table year on year, with its
 * bar chart), a selected figure moved by keys, the bars themselves, and
 * the cases behind one figure.
 *
 * The accumulator M->st is filled once when the screen opens (the
 * screen hands it to db_stats_fill(), as `mappa stats` does; the tests
 * use sm_add_history() and sm_set_population()); changing the year or
 * the view then only lays the lines out again.  The cases behind a figure are found by streaming the histories
 * once more into sm_cases_add(), which classifies each for that one year
 * (stats_classify()) and keeps only the offender ids that count in it.
 * No curses and no SQL here: the tests feed histories by hand.
 */
#ifndef MAPPA_STATSMODEL_H
#define MAPPA_STATSMODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/stats.h"

/* The statistics, as STATS_T_* numbers them; a year's view shows its
 * template's in the template's order (stats_tables()), the board's view
 * the board's three. */
enum sm_table {
	SM_SNAPSHOT,   /* 1: eligible offenders on 31 March */
	SM_YEARLY,     /* 2: Levels 2 and 3 during the year */
	SM_BREACH,     /* 3: breach of notification requirements */
	SM_ORDERS,     /* 4: restrictive orders */
	SM_LICENCE,    /* 5(a): returned to custody, breach of licence */
	SM_SOPO,       /* 5(b), 2010: sent to custody, breach of SOPO */
	SM_RSO,        /* 6: registered sexual offenders per 100,000 */
	SM_SRO_BREACH, /* 2015: registered after an SRO breach */
	SM_SHPO,       /* 5(b), 2015: breach of SHPO (or SOPO) */
	SM_MOVES,      /* board 7: movements between levels */
	SM_SFO,        /* board 8: charged with a serious further offence */
	SM_REVIEWS,    /* board 9: reviews of indefinite notification */
	SM_TABLES
};

/*
 * One figure: in the level tables ROW is a STATS_LEVEL* row (or
 * STATS_ROW_TOTAL) and COL a STATS_CAT* column (or STATS_TOTAL); in the
 * restrictive orders ROW is the order kind and COL 0; in the one-figure
 * tables both are 0.
 */
struct sm_cell {
	int table, row, col;
};

/* What a line of the screen is. */
enum sm_kind {
	SM_BLANK,
	SM_TITLE,   /* a table's title (TEXT) */
	SM_SUB,     /* a subtitle (TEXT) */
	SM_HEAD,    /* column headings of TABLE; TEXT heads the labels */
	SM_ROW,     /* a row of TABLE: label TEXT, the cells of ROW */
	SM_NOTE,    /* a note under a table (TEXT) */
	SM_BAR,     /* the chart: YEAR's value of the selected figure */
	SM_YEARS,   /* the headings of the series: one column per year */
	SM_SERIES   /* one figure (TABLE, ROW, COL) year by year; TEXT */
};

struct sm_line {
	enum sm_kind kind;
	int table, row, col, year;
	char text[96];
};

/* How a table's rows are laid out. */
enum sm_style {
	SM_STYLE_LEVELS, /* a label column, then Categories and Total; the
			    movements: then Levels 1-3, Exit and Total */
	SM_STYLE_ORDERS, /* a label column, then one figure */
	SM_STYLE_SINGLE  /* one long label and one figure */
};

struct statsmodel {
	struct stats *st;     /* every year FIRST..LAST, finished */
	int first, last;      /* the years shown: from the first with any
				 figure to the last complete one */
	int year;             /* the year shown */
	mdate today;          /* a year ending after it is provisional */
	bool trend;           /* one table year on year, with its chart */
	bool board;           /* the board's tables, not the template's */
	struct sm_cell cur;   /* the selected figure */
	int want_col;         /* the column last chosen in a level table */
	struct sm_line *line; /* the lines of the view */
	int nlines, cap;
	int cur_line;         /* the selected figure's line, or -1 */
	bool oom;             /* the last layout ran out of memory */
};

/* The first reporting year counted: MAPPA began in April 2001. */
#define SM_FIRST_YEAR 2001

/*
 * Start counting reporting years SM_FIRST_YEAR .. LAST: the last
 * complete one, or the one under way when M->today (MDATE_NONE until
 * set; set it before sm_finish()) is in it, shown provisional.  Returns
 * 0, or -1 when out of memory or LAST is before SM_FIRST_YEAR.
 */
int sm_open(struct statsmodel *m, int last);

/* Whether YEAR is not over yet on M's today (its figures provisional). */
bool sm_provisional(const struct statsmodel *m, int year);

/* The template the year view of YEAR is laid out in. */
int sm_template(const struct statsmodel *m, int year);

/* Show the board's tables (true) or the year's template (false). */
void sm_set_board(struct statsmodel *m, bool board);
void sm_close(struct statsmodel *m);

/* Count one offender's history (events in history order), as
 * db_stats_fill() counts each into M->st. */
void sm_add_history(struct statsmodel *m, const struct ev *evs, size_t n);

/* The mid-year population (aged 10 and over) of calendar year YEAR. */
void sm_set_population(struct statsmodel *m, int year, int64_t people);

/*
 * After every history and population: finish the totals, keep the years
 * from the first that has any figure (the last complete one when none
 * has), show the last year, select the Category 1 total of table 1 (the
 * register the board watches grow), lay the lines out.  Returns 0, or -1
 * when out of memory.
 */
int sm_finish(struct statsmodel *m);

/* Lay the lines out again (after any change below); -1: out of memory. */
int sm_layout(struct statsmodel *m);

/* --- the figures and their names ------------------------------------------ */

/* The figure of CELL in YEAR: a number, or STATS_DASH. */
int sm_value(const struct statsmodel *m, int year, struct sm_cell cell);

/* How TABLE's rows are laid out. */
enum sm_style sm_style(int table);

/*
 * The columns TABLE shows in YEAR (0: in any year, for the series), in
 * order, into COLS (room for STATS_NCOLS); returns how many.  A level
 * table shows Category 4 only when it counts a Category 4 offender.
 */
int sm_columns(const struct statsmodel *m, int table, int year, int *cols);

/* The heading of level column COL ("Cat 1", ..., "Total"). */
const char *sm_column_name(int col);

/* The heading of column COL of TABLE (the movements: "Level 1", ...,
 * "Exit", "Total"). */
const char *sm_table_column_name(int table, int col);

/* How the movements cell (ROW, COL) moved cases: 1 up, -1 down, 2 out
 * of MAPPA, 0 otherwise (new, totals, dashes). */
int sm_move_direction(int row, int col);

/* A person's name of CELL: "Category 1 at Level 3", "SOPOs", ... */
char *sm_cell_name(struct sm_cell cell, char *buf, size_t n);

/* What CELL counts in YEAR, whole: its table's title and its name. */
char *sm_cell_describe(struct sm_cell cell, int year, char *buf, size_t n);

/* CELL as the CSV of `mappa stats --format csv` names it, for the
 * audit trail: "eligible_snapshot level3 cat1". */
char *sm_cell_key(struct sm_cell cell, char *buf, size_t n);

/*
 * Whether CELL of YEAR is made up of cases that can be listed: not a
 * dash and not the rate per 100,000.  When not, *WHY (if not NULL) says
 * why in a sentence.
 */
bool sm_cell_listable(const struct statsmodel *m, int year,
		      struct sm_cell cell, const char **why);

/* --- moving ------------------------------------------------------------------ */

/* Each returns whether anything moved. */
bool sm_year_step(struct statsmodel *m, int dir);   /* the year shown */
bool sm_row_step(struct statsmodel *m, int dir);    /* the next figure up
						       or down */
bool sm_col_step(struct statsmodel *m, int dir);    /* across the row */
bool sm_table_step(struct statsmodel *m, int dir);  /* to a table's first
						       figure */
bool sm_home(struct statsmodel *m);
bool sm_end(struct statsmodel *m);
void sm_set_trend(struct statsmodel *m, bool trend);

/* The largest value of the selected figure over the years (0: none). */
int sm_chart_max(const struct statsmodel *m);

/*
 * A bar of VALUE on a scale where MAX fills WIDTH columns, into BUF (N
 * bytes): with UTF8, full blocks (U+2588) and one of the eighths
 * U+2589..U+258F for the rest; without, '#'.  Anything above zero shows
 * at least a sliver.  Returns the columns it takes.
 */
int sm_bar(char *buf, size_t n, int value, int max, int width, bool utf8);

/* --- the cases behind a figure ---------------------------------------------- */

struct sm_case {
	int64_t id;
	int count; /* orders, reviews, movements: this case's; else 1 */
};

struct sm_cases {
	int year;
	struct sm_cell cell;
	struct sm_case *v;
	size_t n, cap;
	int64_t total; /* the sum of the counts: the figure itself */
	bool failed;   /* out of memory: the list is short */
};

/* Start an empty list of the cases behind CELL of YEAR. */
void sm_cases_init(struct sm_cases *c, int year, struct sm_cell cell);
void sm_cases_free(struct sm_cases *c);

/* Classify offender ID's history for the year; keep ID when it counts in
 * the cell.  Returns 0, or -1 when out of memory (FAILED is then set). */
int sm_cases_add(struct sm_cases *c, int64_t id, const struct ev *evs,
		 size_t n);

/* Whether an offender whose year is K counts in CELL. */
bool sm_holds(const struct stats_contrib *k, struct sm_cell cell);

#endif
