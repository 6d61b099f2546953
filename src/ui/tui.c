/*
 * tui.c -- the screens' main loop.
 *
 * For now a single start screen: the title line (area, user, role,
 * database, READ-ONLY and DEMO DATA where they apply), what the
 * database holds, and a key hint.  The register, meetings and
 * statistics screens are built on this loop by later work.  Signals only
 * set a flag; the loop restores the terminal and returns.
 */
#include "config.h"

#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/tui.h"

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
draw(struct db *db, const char *path, bool demo)
{
	char area[128], line[512];
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	erase();
	if (db_setting_get(db, "area_name", area, sizeof area) != DB_OK)
		str_copy(area, "?", sizeof area);
	snprintf(line, sizeof line, " mappa | %s | %s (%s) | %s%s%s", area,
		 db_user(db), db_role_name(db_role(db)), path,
		 db_role(db) == ROLE_LAY ? " | READ-ONLY" : "",
		 demo ? " | DEMO DATA" : "");
	attron(A_REVERSE);
	mvhline(0, 0, ' ', cols);
	mvaddnstr(0, 0, line, cols);
	attroff(A_REVERSE);
	if (rows < 6 || cols < 40) {
		mvaddnstr(rows > 2 ? 2 : 0, 0, "terminal too small", cols);
		wnoutrefresh(stdscr);
		return;
	}
	mvaddnstr(2, 2, "The register, meetings and statistics screens are "
		  "not built yet.", cols - 4);
	mvaddnstr(3, 2, "Use the commands meanwhile: mappa --help, "
		  "mappa stats.", cols - 4);
	attron(A_REVERSE);
	mvhline(rows - 1, 0, ' ', cols);
	mvaddnstr(rows - 1, 0, " q quit", cols);
	attroff(A_REVERSE);
	wnoutrefresh(stdscr);
}

int
tui_run(struct db *db, const char *path)
{
	struct sigaction sa;
	bool demo = db_is_demo(db);
	int rc = 0, ch;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	if (newterm(NULL, stdout, stdin) == NULL &&
	    newterm("vt100", stdout, stdin) == NULL) {
		fprintf(stderr, "mappa: cannot use this terminal\n");
		return 1;
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	halfdelay(10);
	draw(db, path, demo);
	doupdate();
	while (!got_signal) {
		ch = getch();
		if (ch == 'q' || ch == 'Q')
			break;
		if (ch == ERR)
			continue;
		if (ch == KEY_RESIZE || ch == 12)
			clearok(curscr, TRUE);
		draw(db, path, demo);
		doupdate();
	}
	endwin();
	if (got_signal)
		rc = 128 + got_signal;
	return rc;
}
