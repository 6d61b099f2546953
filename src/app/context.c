/*
 * context.c -- what the screens and the commands both work from
 * (context.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/context.h"
#include "core/util.h"
#include "demo/demo.h"

int
app_today(struct db *db, mdate *today, char *err, size_t n)
{
	const char *s = getenv("MAPPA_TODAY");
	time_t now;
	struct tm tm;

	if (s && *s) {
		if (date_parse(s, today) != 0) {
			str_printf(err, n, "MAPPA_TODAY: \"%s\" is not a "
				   "date (YYYY-MM-DD)", s);
			return -1;
		}
		return 0;
	}
	if (db != NULL && db_is_demo(db)) {
		*today = demo_today();
		return 0;
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	*today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 0;
}

int
app_context_open(struct app_context *c, struct db *db, char *err, size_t n)
{
	memset(c, 0, sizeof *c);
	c->demo = db_is_demo(db);
	if (app_today(db, &c->today, err, n) != 0)
		return -1;
	if (db_setting_get(db, "area_name", c->area, sizeof c->area) !=
	    DB_OK)
		str_copy(c->area, "MAPPA area", sizeof c->area);
	/* On failure the list is empty and holidays_err says why. */
	agenda_holidays_load(NULL, &c->holidays, c->holidays_err,
			     sizeof c->holidays_err);
	/* On failure the defaults (process_settings_default()). */
	db_process_settings(db, &c->ps);
	return 0;
}

void
app_context_free(struct app_context *c)
{
	agenda_holidays_free(&c->holidays);
}
