/*
 * stats.c -- the annual MAPPA statistics (statistics.md): classifying one
 * offender's history, and the accumulator the data layer streams every
 * history into.
 *
 * An offender's state changes only on the dates of their events, and the
 * rules look at the state at the end of a day.  So a history is walked
 * one date at a time: all the events of a date are applied (in array
 * order), and the resulting end-of-day state then holds unchanged from
 * that date until the day before the next event's date.  Each such span
 * is laid against the reporting years it touches: it holds a year's
 * snapshot day when it contains 31 March, and it counts towards the
 * year's Level 2/3 table when it overlaps the year at all.  Custody
 * events and serious further offence charges are judged against the
 * end-of-day state of their date; movements between levels against the
 * state just before each event (the day's earlier events applied).  Both
 * templates' tables and the board's are counted in the same pass; which
 * are printed is the formats' business (stats_tables()).
 *
 * One pass classifies an offender for every year of the accumulator's
 * range, into per-year scratch space allocated once with the
 * accumulator, so a history costs O(events + years) and no allocation.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/stats.h"
#include "core/util.h"

struct stats {
	int first, last, nyears;
	mdate *bounds;                /* starts of years first..last+1 */
	struct stats_year *years;     /* nyears */
	struct stats_contrib *scratch; /* nyears: one offender's cells */
};

/* The widest range an accumulator takes; far beyond any real use. */
#define STATS_MAX_YEARS 200

/* A date after every real one, for "no further event". */
#define DATE_END INT32_MAX

/* C counted nowhere. */
static void
contrib_reset(struct stats_contrib *c)
{
	memset(c, 0, sizeof(*c));
	c->snapshot_row = c->snapshot_col = -1;
	c->yearly_row = c->yearly_col = -1;
	c->licence_row = c->licence_col = -1;
	c->sopo_row = c->sopo_col = -1;
	c->shpo_row = c->shpo_col = -1;
	c->sfo_row = c->sfo_col = -1;
}

/* The movements cell of event E applied to state BEFORE, or false when
 * it moves nothing (statistics.md, table 7). */
static bool
movement(const struct ev_state *before, const struct ev *e, int *row,
	 int *col)
{
	switch (e->type) {
	case EV_REGISTER:
		*row = STATS_M_NEW;
		*col = STATS_M_TO1 + e->level - 1;
		return e->level >= 1 && e->level <= EV_LEVEL_MAX;
	case EV_LEVEL:
		*row = STATS_M_LEVEL1 + before->level - 1;
		*col = STATS_M_TO1 + e->level - 1;
		return e->level != before->level && before->level >= 1 &&
		    before->level <= EV_LEVEL_MAX && e->level >= 1 &&
		    e->level <= EV_LEVEL_MAX;
	case EV_EXIT:
		*row = STATS_M_LEVEL1 + before->level - 1;
		*col = STATS_M_EXIT;
		return before->level >= 1 && before->level <= EV_LEVEL_MAX;
	default:
		return false;
	}
}

/*
 * Move cursor *C (the number of BOUNDS[0..NB) that are <= some earlier
 * date) forward to date T, and return the index of the year T falls in:
 * -1 before the range, NB - 1 after it.  Dates only grow along a history,
 * so the cursor only moves forward.
 */
static int
year_index(const mdate *bounds, int nb, int *c, mdate t)
{
	while (*c < nb && bounds[*c] <= t)
		(*c)++;
	return *c - 1;
}

/* Whether the end-of-day state ST can be placed in a table cell. */
static bool
state_ok(const struct ev_state *st)
{
	return st->registered && st->category >= 1 &&
	    st->category <= EV_CATEGORY_MAX && st->level >= 1 &&
	    st->level <= EV_LEVEL_MAX;
}

/*
 * Classify EVS[0..N) for the NY years whose first days are BOUNDS[0..NY)
 * (BOUNDS[NY] is the day after the last one), into OUT[0..NY).
 */
static void
classify(const struct ev *evs, size_t n, const mdate *bounds, int ny,
	 struct stats_contrib *out)
{
	struct ev_state st = { 0 };
	int ct = 0, cn = 0;
	size_t i = 0, j;

	for (int y = 0; y < ny; y++)
		contrib_reset(&out[y]);

	while (i < n) {
		mdate t = evs[i].date, next;
		int yt, ynext, ylast, mr, mc;
		bool licence = false, sopo = false, shpo = false, sfo = false;

		if (t >= bounds[ny])
			break; /* nothing after the range counts */
		yt = year_index(bounds, ny + 1, &ct, t);

		/* Every event of date T, in array order. */
		for (j = i; j < n && evs[j].date == t; j++) {
			const struct ev *e = &evs[j];
			struct ev_state before = st;

			if (ev_apply(&st, e) != NULL)
				continue; /* not a valid transition: ignored */
			if (yt < 0)
				continue;
			/* Table 7: against the state just before E. */
			if (movement(&before, e, &mr, &mc))
				out[yt].moves[mr][mc]++;
			switch (e->type) {
			case EV_REGISTER:
				if (e->kind == REGISTER_SRO_BREACH)
					out[yt].sro_breach = 1;
				break;
			case EV_CUSTODY:
				if (e->kind == CUSTODY_LICENCE_BREACH)
					licence = true;
				else if (e->kind == CUSTODY_SOPO_BREACH)
					sopo = shpo = true;
				else if (e->kind == CUSTODY_SHPO_BREACH)
					shpo = true;
				break;
			case EV_NOTIFICATION_BREACH:
				out[yt].notification_breach = 1;
				break;
			case EV_ORDER:
				if (e->kind >= 1 && e->kind <= ORDER_KIND_MAX)
					out[yt].orders[e->kind]++;
				break;
			case EV_SFO_CHARGE:
				sfo = true;
				break;
			case EV_NOTIFICATION_REVIEW:
				if (e->kind >= 1 && e->kind <= REVIEW_REFUSED)
					out[yt].reviews[e->kind]++;
				break;
			default:
				break;
			}
		}

		/* Table 8: the state at the end of T, any level. */
		if (yt >= 0 && sfo && state_ok(&st) && out[yt].sfo_row < 0) {
			out[yt].sfo_row = st.level - 1;
			out[yt].sfo_col = st.category - 1;
		}

		/* Tables 5(a), 5(b): the state at the end of T. */
		if (yt >= 0 && (licence || shpo) && state_ok(&st) &&
		    st.level >= 2) {
			struct stats_contrib *c = &out[yt];

			if (licence && c->licence_row < 0) {
				c->licence_row = st.level - 1;
				c->licence_col = st.category - 1;
			}
			if (sopo && st.category == 1 && c->sopo_row < 0) {
				c->sopo_row = st.level - 1;
				c->sopo_col = STATS_CAT1;
			}
			if (shpo && st.category == 1 && c->shpo_row < 0) {
				c->shpo_row = st.level - 1;
				c->shpo_col = STATS_CAT1;
			}
		}

		/* The state now holds on days T .. NEXT - 1. */
		next = j < n ? evs[j].date : DATE_END;
		if (next <= t)
			next = t + 1; /* unsorted input: keep the span sane */
		ynext = year_index(bounds, ny + 1, &cn, next);
		ylast = ynext >= 0 && bounds[ynext] == next ? ynext - 1 : ynext;
		if (state_ok(&st)) {
			int lo = yt < 0 ? 0 : yt;

			/* Table 1: years whose 31 March lies in the span. */
			if (!st.in_custody)
				for (int y = lo; y < ynext && y < ny; y++) {
					out[y].snapshot_row = st.level - 1;
					out[y].snapshot_col = st.category - 1;
				}
			/* Table 2: years the span overlaps. */
			if (st.level >= 2)
				for (int y = lo; y <= ylast && y < ny; y++) {
					struct stats_contrib *c = &out[y];

					if (c->yearly_row <= st.level - 1) {
						c->yearly_row = st.level - 1;
						c->yearly_col = st.category - 1;
					}
				}
		}
		i = j;
	}
}

void
stats_classify(const struct ev *evs, size_t n, int year,
	       struct stats_contrib *out)
{
	mdate bounds[2];

	bounds[0] = report_year_start(year);
	bounds[1] = report_year_start(year + 1);
	classify(evs, n, bounds, 1, out);
}

struct stats *
stats_new(int first, int last)
{
	struct stats *st;
	int ny;

	if (first < 1000 || last > 9998 || last < first ||
	    last - first >= STATS_MAX_YEARS)
		return NULL;
	ny = last - first + 1;
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return NULL;
	st->first = first;
	st->last = last;
	st->nyears = ny;
	st->bounds = calloc((size_t)ny + 1, sizeof(*st->bounds));
	st->years = calloc((size_t)ny, sizeof(*st->years));
	st->scratch = calloc((size_t)ny, sizeof(*st->scratch));
	if (st->bounds == NULL || st->years == NULL || st->scratch == NULL) {
		stats_free(st);
		return NULL;
	}
	for (int y = 0; y <= ny; y++)
		st->bounds[y] = report_year_start(first + y);
	for (int y = 0; y < ny; y++)
		st->years[y].year = first + y;
	return st;
}

void
stats_free(struct stats *st)
{
	if (st == NULL)
		return;
	free(st->bounds);
	free(st->years);
	free(st->scratch);
	free(st);
}

void
stats_add_history(struct stats *st, const struct ev *evs, size_t n)
{
	if (n == 0)
		return;
	classify(evs, n, st->bounds, st->nyears, st->scratch);
	for (int y = 0; y < st->nyears; y++) {
		const struct stats_contrib *c = &st->scratch[y];
		struct stats_year *sy = &st->years[y];

		if (c->snapshot_row >= 0)
			sy->snapshot[c->snapshot_row][c->snapshot_col]++;
		if (c->yearly_row >= 0)
			sy->yearly[c->yearly_row][c->yearly_col]++;
		if (c->licence_row >= 0)
			sy->licence[c->licence_row][c->licence_col]++;
		if (c->sopo_row >= 0)
			sy->sopo[c->sopo_row][c->sopo_col]++;
		if (c->shpo_row >= 0)
			sy->shpo[c->shpo_row][c->shpo_col]++;
		if (c->sfo_row >= 0)
			sy->sfo[c->sfo_row][c->sfo_col]++;
		sy->notification_breach += c->notification_breach;
		sy->sro_breach += c->sro_breach;
		for (int k = 1; k <= ORDER_KIND_MAX; k++)
			sy->orders[k] += c->orders[k];
		for (int r = STATS_M_NEW; r <= STATS_M_LEVEL3; r++)
			for (int m = STATS_M_TO1; m <= STATS_M_EXIT; m++)
				sy->moves[r][m] += c->moves[r][m];
		for (int k = 1; k <= REVIEW_REFUSED; k++)
			sy->reviews[k] += c->reviews[k];
	}
}

void
stats_set_population(struct stats *st, int year, int64_t population)
{
	if (year < st->first || year > st->last)
		return;
	st->years[year - st->first].population =
	    population > 0 ? population : 0;
}

/* Add the level x category cells of B into A (not totals, not dashes). */
static void
cells_add(int a[STATS_NROWS][STATS_NCOLS],
	  const int b[STATS_NROWS][STATS_NCOLS])
{
	for (int r = STATS_LEVEL1; r <= STATS_LEVEL3; r++)
		for (int c = STATS_CAT1; c <= STATS_CAT4; c++)
			if (a[r][c] != STATS_DASH && b[r][c] != STATS_DASH)
				a[r][c] += b[r][c];
}

int
stats_merge(struct stats *into, const struct stats *from)
{
	if (into->first != from->first || into->last != from->last)
		return -1;
	for (int y = 0; y < into->nyears; y++) {
		struct stats_year *a = &into->years[y];
		const struct stats_year *b = &from->years[y];

		cells_add(a->snapshot, b->snapshot);
		cells_add(a->yearly, b->yearly);
		cells_add(a->licence, b->licence);
		cells_add(a->sopo, b->sopo);
		cells_add(a->shpo, b->shpo);
		cells_add(a->sfo, b->sfo);
		a->notification_breach += b->notification_breach;
		a->sro_breach += b->sro_breach;
		for (int k = 1; k <= ORDER_KIND_MAX; k++)
			a->orders[k] += b->orders[k];
		for (int r = STATS_M_NEW; r <= STATS_M_LEVEL3; r++)
			for (int m = STATS_M_TO1; m <= STATS_M_EXIT; m++)
				a->moves[r][m] += b->moves[r][m];
		for (int k = 1; k <= REVIEW_REFUSED; k++)
			a->reviews[k] += b->reviews[k];
		if (a->population > 0 && b->population > 0)
			a->population += b->population;
		else
			a->population = 0;
	}
	return 0;
}

/*
 * Put the dashes of DASH_LEVEL1_CAT3 / DASH_CAT23 in T, then recompute
 * its Total row and column from the level x category cells of rows
 * FIRST..LEVEL3.  A Total-row cell is a dash only when every row above
 * it is.
 */
static void
table_finish(int t[STATS_NROWS][STATS_NCOLS], int first, bool dash_l1c3,
	     bool dash_c23)
{
	if (dash_l1c3)
		t[STATS_LEVEL1][STATS_CAT3] = STATS_DASH;
	if (dash_c23)
		for (int r = first; r <= STATS_LEVEL3; r++)
			t[r][STATS_CAT2] = t[r][STATS_CAT3] = STATS_DASH;
	for (int r = first; r <= STATS_LEVEL3; r++) {
		int sum = 0;

		for (int c = STATS_CAT1; c <= STATS_CAT4; c++)
			if (t[r][c] != STATS_DASH)
				sum += t[r][c];
		t[r][STATS_TOTAL] = sum;
	}
	for (int c = STATS_CAT1; c <= STATS_TOTAL; c++) {
		int sum = 0;
		bool any = false;

		for (int r = first; r <= STATS_LEVEL3; r++)
			if (t[r][c] != STATS_DASH) {
				sum += t[r][c];
				any = true;
			}
		t[STATS_ROW_TOTAL][c] = any ? sum : STATS_DASH;
	}
}

/*
 * The movements table: dashes where nothing can move (a level to itself,
 * new straight out), totals of the numbers in each row and column.
 */
static void
moves_finish(int t[STATS_MROWS][STATS_MCOLS])
{
	t[STATS_M_NEW][STATS_M_EXIT] = STATS_DASH;
	for (int l = 0; l < EV_LEVEL_MAX; l++)
		t[STATS_M_LEVEL1 + l][STATS_M_TO1 + l] = STATS_DASH;
	for (int c = 0; c < STATS_MCOLS; c++)
		t[STATS_M_TOTAL][c] = 0;
	for (int r = STATS_M_NEW; r <= STATS_M_LEVEL3; r++) {
		int sum = 0;

		for (int c = STATS_M_TO1; c <= STATS_M_EXIT; c++)
			if (t[r][c] != STATS_DASH) {
				sum += t[r][c];
				t[STATS_M_TOTAL][c] += t[r][c];
			}
		t[r][STATS_M_TOTALCOL] = sum;
		t[STATS_M_TOTAL][STATS_M_TOTALCOL] += sum;
	}
}

void
stats_moves_summary(const struct stats_year *y,
		    struct stats_moves_summary *out)
{
	memset(out, 0, sizeof *out);
	for (int a = 0; a < EV_LEVEL_MAX; a++)
		for (int b = 0; b < EV_LEVEL_MAX; b++) {
			int v = y->moves[STATS_M_LEVEL1 + a][STATS_M_TO1 + b];

			if (v == STATS_DASH)
				continue;
			if (b > a)
				out->up += v;
			else if (b < a)
				out->down += v;
		}
	out->out = y->moves[STATS_M_TOTAL][STATS_M_EXIT];
	out->in = y->moves[STATS_M_NEW][STATS_M_TOTALCOL];
}

int
stats_template_parse(const char *s)
{
	if (strcmp(s, "2010") == 0)
		return STATS_TEMPLATE_2010;
	if (strcmp(s, "2015") == 0)
		return STATS_TEMPLATE_2015;
	return -1;
}

int
stats_template_for(int year)
{
	return report_year_start(year) >= date_from_ymd(2015, 4, 1)
		   ? STATS_TEMPLATE_2015
		   : STATS_TEMPLATE_2010;
}

int
stats_tables(int template, bool board, int *out)
{
	static const int t2010[] = {
		STATS_T_SNAPSHOT, STATS_T_YEARLY, STATS_T_BREACH,
		STATS_T_ORDERS, STATS_T_LICENCE, STATS_T_SOPO, STATS_T_RSO,
	};
	static const int t2015[] = {
		STATS_T_SNAPSHOT, STATS_T_YEARLY, STATS_T_BREACH,
		STATS_T_ORDERS, STATS_T_SRO_BREACH, STATS_T_LICENCE,
		STATS_T_SHPO, STATS_T_RSO,
	};
	static const int tboard[] = {
		STATS_T_MOVES, STATS_T_SFO, STATS_T_REVIEWS,
	};
	const int *t = template == STATS_TEMPLATE_2015 ? t2015 : t2010;
	int n = template == STATS_TEMPLATE_2015 ? (int)NELEM(t2015)
						: (int)NELEM(t2010);

	memcpy(out, t, (size_t)n * sizeof *out);
	if (board) {
		memcpy(out + n, tboard, sizeof tboard);
		n += (int)NELEM(tboard);
	}
	return n;
}

int
stats_order_rows(int template, const struct stats_year *y, int *out)
{
	/* Each template's rows in order; the first NFIXED always. */
	static const int r2010[] = {
		ORDER_SOPO, ORDER_NO, ORDER_FTO, ORDER_SHPO, ORDER_SRO,
		ORDER_RSHO, ORDER_SHPO_FTR, ORDER_ISHPO, ORDER_ISRO,
	};
	static const int r2015[] = {
		ORDER_SHPO, ORDER_SHPO_FTR, ORDER_NO, ORDER_SOPO, ORDER_FTO,
		ORDER_RSHO, ORDER_SRO, ORDER_ISHPO, ORDER_ISRO,
	};
	enum { NFIXED = 3 };
	const int *r = template == STATS_TEMPLATE_2015 ? r2015 : r2010;
	int n = 0;

	_Static_assert(NELEM(r2010) == ORDER_KIND_MAX, "every order kind");
	_Static_assert(NELEM(r2015) == ORDER_KIND_MAX, "every order kind");
	for (int i = 0; i < ORDER_KIND_MAX; i++)
		if (i < NFIXED || y == NULL || y->orders[r[i]] != 0)
			out[n++] = r[i];
	return n;
}

void
stats_finish(struct stats *st)
{
	for (int y = 0; y < st->nyears; y++) {
		struct stats_year *sy = &st->years[y];
		int64_t n;

		table_finish(sy->snapshot, STATS_LEVEL1, true, false);
		table_finish(sy->yearly, STATS_LEVEL2, false, false);
		table_finish(sy->licence, STATS_LEVEL2, false, false);
		table_finish(sy->sopo, STATS_LEVEL2, false, true);
		table_finish(sy->shpo, STATS_LEVEL2, false, true);
		table_finish(sy->sfo, STATS_LEVEL1, true, false);
		moves_finish(sy->moves);

		/* Table 6: n / p rounded half up is (2n + p) / 2p. */
		n = (int64_t)sy->snapshot[STATS_ROW_TOTAL][STATS_CAT1] * 100000;
		if (sy->population > 0)
			sy->rso_per_100k = (int)((2 * n + sy->population) /
			    (2 * sy->population));
		else
			sy->rso_per_100k = STATS_DASH;
	}
}

const struct stats_year *
stats_get(const struct stats *st, int year)
{
	if (year < st->first || year > st->last)
		return NULL;
	return &st->years[year - st->first];
}

int
stats_first(const struct stats *st)
{
	return st->first;
}

int
stats_last(const struct stats *st)
{
	return st->last;
}
