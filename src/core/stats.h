/*
 * stats.h -- the annual MAPPA statistics (statistics.md), computed from
 * offenders' histories.
 *
 * The data layer streams every offender's history (struct ev, sorted by
 * date then recorded order) into a struct stats accumulator that covers a
 * range of reporting years; populations are added by calendar year.  No
 * SQL and no curses here: the command line, the screens and the tests
 * share this code.
 */
#ifndef MAPPA_STATS_H
#define MAPPA_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/event.h"

/* Columns: Categories 1-4, then Total. */
enum { STATS_CAT1, STATS_CAT2, STATS_CAT3, STATS_CAT4, STATS_TOTAL,
       STATS_NCOLS };

/* Rows of the level tables.  The snapshot has LEVEL1..TOTAL; the yearly
 * and custody tables use LEVEL2, LEVEL3 and TOTAL only. */
enum { STATS_LEVEL1, STATS_LEVEL2, STATS_LEVEL3, STATS_ROW_TOTAL,
       STATS_NROWS };

/* The tables: the 2010 template's, in its order; then the 2015
 * template's own (custody part (b) with SHPOs, the SRO breach
 * registrations); then the board's (statistics.md, "Later templates").
 * The order a template prints them in is stats_tables(). */
enum { STATS_T_SNAPSHOT, STATS_T_YEARLY, STATS_T_BREACH, STATS_T_ORDERS,
       STATS_T_LICENCE, STATS_T_SOPO, STATS_T_RSO,
       STATS_T_SRO_BREACH, STATS_T_SHPO,
       STATS_T_MOVES, STATS_T_SFO, STATS_T_REVIEWS, STATS_TABLES };

/* The national templates. */
enum { STATS_TEMPLATE_2010 = 2010, STATS_TEMPLATE_2015 = 2015 };

/* Parse "2010" or "2015" (`--template`); -1 when neither. */
int stats_template_parse(const char *s);

/* The template reporting year YEAR is published in: 2015 for a year
 * whose period starts on or after 2015-04-01, else 2010. */
int stats_template_for(int year);

/*
 * The tables TEMPLATE prints, in order, then (with BOARD) the board's
 * three, into OUT (room for STATS_TABLES); returns how many.
 */
int stats_tables(int template, bool board, int *out);

/* Rows and columns of the movements table (level_movements). */
enum { STATS_M_NEW, STATS_M_LEVEL1, STATS_M_LEVEL2, STATS_M_LEVEL3,
       STATS_M_TOTAL, STATS_MROWS };
enum { STATS_M_TO1, STATS_M_TO2, STATS_M_TO3, STATS_M_EXIT,
       STATS_M_TOTALCOL, STATS_MCOLS };
extern const char *const stats_mrow_key[STATS_MROWS];
extern const char *const stats_mrow_label[STATS_MROWS];
extern const char *const stats_mcol_key[STATS_MCOLS];
extern const char *const stats_mcol_label[STATS_MCOLS];
/* Their short names, for a line of a series ("L1", "Exit"): the text
 * output's and the screen's. */
extern const char *const stats_mrow_short[STATS_MROWS];
extern const char *const stats_mcol_short[STATS_MCOLS];

/* The names every output spells the tables, rows and columns with: keys
 * (CSV, JSON, HTML ids) and labels (text, screens). */
extern const char *const stats_table_key[STATS_TABLES];
extern const char *const stats_row_key[STATS_NROWS];
extern const char *const stats_row_label[STATS_NROWS];
extern const char *const stats_col_key[STATS_NCOLS];
extern const char *const stats_col_short[STATS_NCOLS];
extern const char *const stats_col_long[STATS_NCOLS];
extern const char *const stats_order_label[ORDER_KIND_MAX + 1]; /* [0] NULL */

/* The tables' titles, as the published report words them. */
#define STATS_TITLE_YEARLY "MAPPA-eligible offenders in Levels 2 and 3 by " \
	"category (yearly total)"
#define STATS_TITLE_BREACH "RSOs cautioned or convicted for breach of " \
	"notification requirements"
#define STATS_TITLE_ORDERS "Restrictive orders for Category 1 offenders"
#define STATS_TITLE_ORDERS_SUB "SOPOs, NOs & FTOs imposed by the courts"
#define STATS_TITLE_CUSTODY "Level 2 and 3 offenders returned to custody " \
	"for breach of licence or sent to custody for breach of SOPO"
#define STATS_TITLE_RSO "Total number of Registered Sexual Offenders per " \
	"100,000 population"
#define STATS_TITLE_ORDERS_SUB_2015 "SHPOs, SHPOs with foreign travel " \
	"restriction & NOs imposed by the courts"
#define STATS_TITLE_SRO_BREACH "Number of people who became subject to " \
	"notification requirements following a breach(es) of a Sexual Risk " \
	"Order (SRO)"
#define STATS_TITLE_CUSTODY_2015 "Level 2 and 3 offenders returned to " \
	"custody for breach of licence or sent to custody for breach of SHPO"
#define STATS_TITLE_MOVES "How cases moved during the year"
#define STATS_TITLE_SFO "MAPPA-eligible offenders charged with a serious " \
	"further offence"
#define STATS_TITLE_REVIEWS "Reviews of indefinite notification " \
	"requirements"

/* A cell printed "-" (Level 1 x Category 3; Categories 2-3 of 5(b)). */
#define STATS_DASH (-1)

/* Every figure of one reporting year. */
struct stats_year {
	int year;                               /* 2010 for 2010-11 */
	int snapshot[STATS_NROWS][STATS_NCOLS]; /* table 1 */
	int yearly[STATS_NROWS][STATS_NCOLS];   /* table 2; LEVEL1 row unused */
	int notification_breach;                /* table 3 */
	int orders[ORDER_KIND_MAX + 1];         /* table 4, by ev_order_kind */
	int licence[STATS_NROWS][STATS_NCOLS];  /* table 5(a); LEVEL1 unused */
	int sopo[STATS_NROWS][STATS_NCOLS];     /* table 5(b); LEVEL1 unused */
	int64_t population;                     /* mid-year Y, 10+; 0 = none */
	int rso_per_100k;                       /* table 6, or STATS_DASH */
	/* The 2015 template's own. */
	int sro_breach;                         /* distinct offenders */
	int shpo[STATS_NROWS][STATS_NCOLS];     /* custody part (b), 2015 */
	/* The board's. */
	int moves[STATS_MROWS][STATS_MCOLS];    /* movements, not people */
	int sfo[STATS_NROWS][STATS_NCOLS];      /* charged with an SFO */
	int reviews[REVIEW_REFUSED + 1];        /* by ev_review_kind */
};

/* The movements of Y summed for a lay reader: up a level, down a
 * level, out of MAPPA, newly registered. */
struct stats_moves_summary {
	int up, down, out, in;
};
void stats_moves_summary(const struct stats_year *y,
			 struct stats_moves_summary *out);

/*
 * The order kinds the restrictive orders table of Y shows in TEMPLATE,
 * in its order (the template's fixed rows always, the others when not
 * zero), into OUT (room for ORDER_KIND_MAX); returns how many.  With Y
 * NULL, every kind the template could show, in order.
 */
int stats_order_rows(int template, const struct stats_year *y, int *out);

/*
 * What one offender's history contributes to one reporting year: the
 * cells they are counted in (row and column as above, -1 when not
 * counted), and their event counts.  The screens use this to list the
 * cases behind a cell.
 */
struct stats_contrib {
	int snapshot_row, snapshot_col;
	int yearly_row, yearly_col;
	int licence_row, licence_col;
	int sopo_row, sopo_col;
	int shpo_row, shpo_col;  /* 2015 part (b): SHPO or SOPO breach */
	int sfo_row, sfo_col;
	int notification_breach; /* 1 when any breach event falls in the year */
	int sro_breach;          /* 1 when registered after an SRO breach */
	int orders[ORDER_KIND_MAX + 1];
	int moves[STATS_MROWS][STATS_MCOLS]; /* level x level cells only */
	int reviews[REVIEW_REFUSED + 1];
};

/* Classify history EVS[0..N) for reporting year YEAR. */
void stats_classify(const struct ev *evs, size_t n, int year,
		    struct stats_contrib *out);

struct stats;

/* An accumulator for reporting years FIRST..LAST; NULL when out of memory. */
struct stats *stats_new(int first, int last);
void stats_free(struct stats *st);

/* Count one offender's history in every year of the range. */
void stats_add_history(struct stats *st, const struct ev *evs, size_t n);

/* Record the mid-year population (aged 10+) of calendar year YEAR. */
void stats_set_population(struct stats *st, int year, int64_t population);

/*
 * Add FROM's counts and populations into INTO (national totals over
 * several areas; both must cover the same years).  A year's population
 * is the sum over the areas, and is missing when any area's is missing.
 * Returns 0, or -1 when the ranges differ.
 */
int stats_merge(struct stats *into, const struct stats *from);

/*
 * Finish the totals and table 6.  Must be called once, after all the
 * histories, populations and merges; the figures are read with
 * stats_get().
 */
void stats_finish(struct stats *st);

/* The figures of YEAR (NULL when outside the range); FIRST, LAST. */
const struct stats_year *stats_get(const struct stats *st, int year);
int stats_first(const struct stats *st);
int stats_last(const struct stats *st);

/* Output formats of `mappa stats`; HTML (a fragment of sections and
 * tables, for the report) is not offered by the command. */
enum stats_format { STATS_TEXT, STATS_CSV, STATS_MARKDOWN, STATS_JSON,
		    STATS_HTML };

/* Parse "text", "csv", "markdown" or "json"; -1 when unknown. */
int stats_format_parse(const char *s);

/* How the tables are shown. */
struct stats_opts {
	int template; /* STATS_TEMPLATE_*, or 0: each year its own */
	bool board;   /* add the board's tables */
	mdate today;  /* a year ending after it is provisional;
			 MDATE_NONE: none is */
};

/* The template year YEAR is shown in under O. */
int stats_template_of(const struct stats_opts *o, int year);

/* Whether YEAR is not over on O's today (its figures provisional). */
bool stats_provisional(const struct stats_opts *o, int year);

/*
 * Write the tables of one year (stats_get) in FORMAT to OUT, titled for
 * AREA (the area name from the settings), as O says (NULL: by year, no
 * board, never provisional).  CSV is exactly statistics.md's contract.
 * Returns 0, or -1 on a write error.
 */
int stats_write_year(FILE *out, const struct stats_year *y, const char *area,
		     enum stats_format format, const struct stats_opts *o);

/*
 * Write every year of ST as a series: CSV with the header
 * `year,table,row,column,value`, each year in its template; text and
 * Markdown as one table per statistic with a column per year (a cell
 * blank in a year whose template lacks the table); JSON as an array of
 * years.
 */
int stats_write_series(FILE *out, const struct stats *st, const char *area,
		       enum stats_format format, const struct stats_opts *o);

#endif
