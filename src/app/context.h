/*
 * context.h -- what the screens and the commands both work from, worked
 * out once per run by the same rules: today (the one rule for it), whether
 * the database holds the demo, the area's name, the bank holidays, the
 * schedule's settings.
 *
 * Above the data layer and the demo generator, below both front ends
 * (src/ui, src/cli); no curses, no printing.
 */
#ifndef MAPPA_APP_CONTEXT_H
#define MAPPA_APP_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/agenda.h"
#include "core/process.h"
#include "db/db.h"

struct app_context {
	mdate today;
	bool demo;                 /* the database holds the demo area */
	char area[96];             /* the area's name */
	/* The bank holidays (data/bank-holidays.txt); when they could not
	 * be read, none, and why. */
	struct agenda_holidays holidays;
	char holidays_err[256];
	/* The schedule's settings (core/process.h): read once, the
	 * defaults when they cannot be. */
	struct process_settings ps;
};

/*
 * Today: $MAPPA_TODAY when set, else the demo's own today when DB (NULL:
 * none) holds the demo, else the system's date.  Returns 0, or -1 with
 * ERR (N bytes) naming the bad $MAPPA_TODAY.
 */
int app_today(struct db *db, mdate *today, char *err, size_t n);

/*
 * Work out C for DB.  Returns 0, or -1 with ERR saying why (today as
 * app_today()); holidays that cannot be read are no failure (C's
 * holidays_err says why).  Free with app_context_free() either way.
 */
int app_context_open(struct app_context *c, struct db *db, char *err,
		     size_t n);
void app_context_free(struct app_context *c);

#endif
