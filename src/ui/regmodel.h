/*
 * regmodel.h -- the register list as the screen sees it: a window of
 * rows the height of the screen, a selected row, a sort, a filter, a
 * search; moved by keys, kept by key rather than by position, so that
 * others' changes, a new sort or a new filter leave the selection on the
 * same case wherever it now sits.
 *
 * It holds only the visible rows (never the whole register) and asks the
 * data layer for each move (db_reg_page()).  No curses: the tests drive it
 * on a database of their own.
 */
#ifndef MAPPA_REGMODEL_H
#define MAPPA_REGMODEL_H

#include <stdbool.h>

#include "db/db.h"

/* What a change did, for the screen to draw. */
enum rm_change {
	RM_NONE = 0,   /* nothing moved */
	RM_CURSOR,     /* the selection moved among the rows shown */
	RM_ROWS,       /* the rows shown changed */
	RM_ERROR       /* it failed: rm_error() says why; nothing moved */
};

struct regmodel {
	struct db *db;
	struct db_register *reg;
	struct db_reg_query q;
	struct db_reg_row *rows; /* the window, HEIGHT rows at most */
	struct db_reg_row *tmp;  /* room to fetch into, 2 * (CAP + 1) */
	size_t rows_cap, tmp_cap;    /* allocated (array_reserve) */
	int cap, height, n, cur;
	bool more_before, more_after;
	int64_t matching, total, overdue; /* counts for the title */
	/* An incremental search: where it started, to return there. */
	bool searching;
	struct db_reg_key origin;
	int origin_cur;
	int64_t origin_id;
	char error[256];
};

/* Open the model on DB as of TODAY, HEIGHT rows high, sorted by
 * reference, current cases, at the start.  Returns an rm_change. */
enum rm_change rm_open(struct regmodel *m, struct db *db, mdate today,
		       int height);
void rm_close(struct regmodel *m);

/* The selected row, or NULL when the list is empty. */
const struct db_reg_row *rm_selected(const struct regmodel *m);

/* The last failure, as a sentence. */
const char *rm_error(const struct regmodel *m);

/* A new height (after a resize): the selection stays where it was. */
enum rm_change rm_resize(struct regmodel *m, int height);

/* Moves: by DELTA rows (one or a page either way), to the ends. */
enum rm_change rm_move(struct regmodel *m, int delta);
enum rm_change rm_home(struct regmodel *m);
enum rm_change rm_end(struct regmodel *m);

/*
 * A new view (sort, direction, filter): the selection stays on the same
 * case, at the same height on the screen, when the new view holds it;
 * otherwise the list starts at the top.  Counts are taken again.
 */
enum rm_change rm_set_query(struct regmodel *m, const struct db_reg_query *q);

/*
 * Others changed the database: read the window again, the selection on
 * the same case at the same height when it is still there, otherwise on
 * the row that took its place.  Counts are taken again.
 */
enum rm_change rm_refresh(struct regmodel *m);

/* Put the selection on case ID (a new referral, say) if the view holds
 * it (RM_CURSOR even when it was already selected); RM_NONE when the
 * view does not hold it. */
enum rm_change rm_select_id(struct regmodel *m, int64_t id);

/*
 * Search.  rm_search_begin() remembers where the search starts;
 * rm_search() puts the selection on the first match of TEXT from there
 * (an empty TEXT goes back there); rm_search_end() keeps the place (or,
 * with CANCEL, goes back).  rm_search_next() finds the next match after
 * the selection (BACKWARD: before it), wrapping round the ends; *WRAPPED
 * says whether it did.  RM_NONE when nothing matches.
 */
void rm_search_begin(struct regmodel *m);
enum rm_change rm_search(struct regmodel *m, const char *text);
enum rm_change rm_search_end(struct regmodel *m, bool cancel);
enum rm_change rm_search_next(struct regmodel *m, const char *text,
			      bool backward, bool *wrapped);

/* Whether ROW passes Q's filter. */
bool rm_passes(const struct db_reg_query *q, const struct db_reg_row *row);

#endif
