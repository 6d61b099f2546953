/*
 * tui.h -- the screens.  The only layer that includes curses.h.
 */
#ifndef MAPPA_TUI_H
#define MAPPA_TUI_H

#include "db/db.h"

/*
 * Run the screens on DB (opened from PATH) until the person quits or a
 * signal ends them; the terminal is always restored.  Returns an exit
 * status: 0 on quit, 1 on a terminal error, 128+N after signal N.
 */
int tui_run(struct db *db, const char *path);

#endif
