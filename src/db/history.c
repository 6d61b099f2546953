/*
 * history.c -- every offender's history in one pass, for the statistics.
 *
 * The events table is stored in (offender, date, recorded order) order,
 * so this is a single scan with no sort: the rows come out grouped by
 * offender and in history order, and are handed over an offender at a
 * time.  Dates and types are decoded by hand, without a parser call per
 * column, because this loop is the floor of every statistics run.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/stats.h"
#include "core/util.h"
#include "db/db_internal.h"

enum db_status
db_history_foreach(struct db *db, db_history_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	struct ev *v = NULL, e;
	struct date_cache *dc = NULL;
	size_t n = 0, cap = 0;
	int64_t cur = 0;
	enum db_status s = DB_OK;
	int rc;

	/* One read transaction: every offender from the same snapshot. */
	if (db->depth == 0 && (s = db_exec(db, "BEGIN")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT offender_id, date, type, category, level, "
			 "kind FROM events ORDER BY offender_id, date, id");
	if (st == NULL) {
		s = DB_ERROR;
		goto out;
	}
	if ((dc = calloc(1, sizeof *dc)) == NULL) {
		s = db_fail(db, DB_ERROR, "out of memory");
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *date = (const char *)sqlite3_column_text(st, 1);
		const char *type = (const char *)sqlite3_column_text(st, 2);
		const char *kind;

		if (id != cur && n > 0) {
			if (cb(ctx, cur, v, n) != 0) {
				n = 0;
				rc = SQLITE_DONE;
				break;
			}
			n = 0;
		}
		cur = id;
		memset(&e, 0, sizeof e);
		if (date == NULL || type == NULL ||
		    date_parse_cached(dc, date, strlen(date), &e.date) != 0) {
			s = db_fail(db, DB_ERROR, "offender %lld: an event has "
				    "a damaged date or type", (long long)id);
			goto out;
		}
		/* Only the fields the type uses (the rest are empty, as
		 * every write checks): fewer calls per row. */
		e.type = (uint8_t)db_event_type_of(type);
		if (ev_needs_category(e.type))
			e.category = (uint8_t)sqlite3_column_int(st, 3);
		if (ev_needs_level(e.type))
			e.level = (uint8_t)sqlite3_column_int(st, 4);
		if (ev_takes_kind(e.type) &&
		    (kind = (const char *)sqlite3_column_text(st, 5)) != NULL)
			e.kind = (uint8_t)ev_kind_parse(e.type, kind);
		if (array_reserve(&v, &cap, n + 1, sizeof *v) != 0) {
			s = db_fail(db, DB_ERROR, "out of memory");
			goto out;
		}
		v[n++] = e;
	}
	if (rc != SQLITE_DONE) {
		s = db_sqlfail(db, rc, "reading the histories");
		goto out;
	}
	if (n > 0)
		cb(ctx, cur, v, n);
out:
	if (st)
		sqlite3_reset(st);
	if (db->depth == 0)
		sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
	free(v);
	free(dc);
	return s;
}

static int
fill_history(void *ctx, int64_t id, const struct ev *evs, size_t n)
{
	(void)id;
	stats_add_history(ctx, evs, n);
	return 0;
}

static int
fill_population(void *ctx, int year, int64_t people, const char *source)
{
	(void)source;
	stats_set_population(ctx, year, people);
	return 0;
}

enum db_status
db_stats_fill(struct db *db, struct stats *st)
{
	enum db_status s = db_history_foreach(db, fill_history, st);

	return s == DB_OK ? db_population_list(db, fill_population, st) : s;
}
