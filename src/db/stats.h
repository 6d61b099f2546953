/*
 * stats.h -- the statistics feed: every history and population estimate for
 * the annual statistics, and the performance indicators (history.c, kpi.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_STATS_H
#define MAPPA_DB_STATS_H

#include "core/agenda.h"
#include "db/offenders.h"

/*
 * Every offender's history, offender by offender, for the statistics:
 * CB gets the offender's id and its events in order (valid only during the
 * call).  Reads one consistent snapshot.  A streaming callback, not a
 * DB_LIST, on purpose: it is the feed over every case of the register,
 * which no caller keeps whole (each history is counted and let go).
 */
typedef int (*db_history_cb)(void *ctx, int64_t offender_id,
			     const struct ev *evs, size_t n);
enum db_status db_history_foreach(struct db *db, db_history_cb cb, void *ctx);

struct stats;

/*
 * Count every history and every population estimate of DB into ST (an
 * accumulator from core/stats.h, not yet finished): what `mappa stats`,
 * the report and the statistics screen all start from.
 */
enum db_status db_stats_fill(struct db *db, struct stats *st);

/* --- performance indicators (issue 8) ------------------------------------ */

struct kpi;

/*
 * The performance indicators of reporting year YEAR into K (everyone;
 * core/kpi.h holds the rules): K is started with kpi_init() here and
 * must be freed with kpi_free() whatever the outcome.  TODAY decides
 * which referrals and actions are late yet; H the bank holidays of the
 * working-day counts (NULL: weekends only).  Admins and members get the
 * cases that fall short; a lay adviser counts only.  The consultation is
 * logged.
 */
enum db_status db_kpi(struct db *db, int year, mdate today,
		      const struct agenda_holidays *h, struct kpi *k);

#endif
