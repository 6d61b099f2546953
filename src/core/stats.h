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

/* The tables, in the report's order. */
enum { STATS_T_SNAPSHOT, STATS_T_YEARLY, STATS_T_BREACH, STATS_T_ORDERS,
       STATS_T_LICENCE, STATS_T_SOPO, STATS_T_RSO, STATS_TABLES };

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
};

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
	int notification_breach; /* 1 when any breach event falls in the year */
	int orders[ORDER_KIND_MAX + 1];
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

/*
 * Write the tables of one year (stats_get) in FORMAT to OUT, titled for
 * AREA (the area name from the settings).  CSV is exactly statistics.md's
 * contract.  Returns 0, or -1 on a write error.
 */
int stats_write_year(FILE *out, const struct stats_year *y, const char *area,
		     enum stats_format format);

/*
 * Write every year of ST as a series: CSV with the header
 * `year,table,row,column,value`; text and Markdown as one table per
 * statistic with a column per year; JSON as an array of years.
 */
int stats_write_series(FILE *out, const struct stats *st, const char *area,
		       enum stats_format format);

#endif
