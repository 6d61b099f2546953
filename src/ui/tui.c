/*
 * tui.c -- the screens' main loop, the top of the UI: the terminal, keys
 * to actions to handlers, signals, and others' changes to the database.
 * The screens never call it: they call the stack (stack.c) and the
 * message line (message.c) below them.
 *
 * One turn of the loop: draw what the last turn marked (into curses'
 * virtual screen) and call doupdate() once; wait for a key with poll(), so
 * that a dead terminal (the SSH link dropped) is seen as a hang-up rather
 * than read as an endless stream of errors; handle every key waiting; and
 * about once a second ask SQLite whether another connection has committed
 * (PRAGMA data_version), and if so let each screen read again.
 *
 * Signal handlers only set a flag.  SIGHUP, SIGTERM and SIGINT end the
 * loop between keys: the terminal is restored and nothing half-written is
 * left, because every write is one transaction made inside a handler and
 * a form not yet saved is simply not saved.  The exit status is 128 plus
 * the signal's number.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/context.h"
#include "core/util.h"
#include "ui/form.h"
#include "ui/list.h"
#include "ui/text.h"
#include "ui/tui.h"
#include "ui/ui.h"

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* How often to look for others' changes, and to wait for a key. */
#define CHECK_MS 1000
#define POLL_MS 250

/* How long an Esc waits for the rest of a key's sequence. */
#define ESC_DELAY_MS 25

/* Bracketed paste (xterm's mode 2004), asked for and given back. */
#define PASTE_ON "\033[?2004h"
#define PASTE_OFF "\033[?2004l"
#define PASTE_PAUSE_MS 1000

/* The message line and its questions are message.c; the screen stack is
 * stack.c. */

/* --- the global handlers --------------------------------------------------- */

static unsigned
quit_answer(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)s;
	(void)text;
	ui->quit = ok;
	return DRAW_STATUS;
}

static unsigned
back_answer(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)s;
	(void)text;
	return ok ? ui_pop(ui, RESULT_NONE) : DRAW_STATUS;
}

static unsigned
go_back(struct ui *ui, struct screen *s)
{
	if (ui->depth <= 1) {
		ui_msg(ui, "This is the first screen: q quits.");
		return DRAW_STATUS;
	}
	if (s->ops->unsaved && s->ops->unsaved(s))
		return ui_ask_yes(ui, s, "Close it and lose what you typed? "
				  "(y/n) ", back_answer);
	return ui_pop(ui, RESULT_NONE);
}

static unsigned
quit(struct ui *ui, struct screen *s)
{
	if (ui->depth > 1)
		return go_back(ui, s);
	for (int i = 0; i < ui->depth; i++) {
		struct screen *o = ui->stack[i];

		if (o->ops->unsaved && o->ops->unsaved(o))
			return ui_ask_yes(ui, s, "Quit and lose what you "
					  "typed? (y/n) ", quit_answer);
	}
	ui->quit = true;
	return DRAW_NONE;
}

static unsigned
help(struct ui *ui, struct screen *s)
{
	if (s->ops->ctx == CTX_HELP)
		return DRAW_NONE;
	return ui_push(ui, scr_help_new(ui, s));
}

static unsigned
redraw(struct ui *ui, struct screen *s)
{
	(void)ui;
	(void)s;
	clearok(curscr, TRUE);
	return DRAW_ALL;
}

static const struct ui_handler global_handlers[] = {
	{ A_HELP, 0, help, NULL },
	{ A_REDRAW, 0, redraw, NULL },
	{ A_BACK, 0, go_back, NULL },
	{ A_QUIT, 0, quit, NULL },
	{ A_NONE, 0, NULL, NULL },
};

static const struct ui_handler *
find_handler(const struct ui_handler *h, enum ui_action a)
{
	for (; h && h->action != A_NONE; h++)
		if (h->action == a)
			return h;
	return NULL;
}

/* --- layout and drawing ------------------------------------------------------ */

enum ui_context
ui_ctx_of(const struct screen *s)
{
	return s->ops->editing && s->ops->editing(s) ? CTX_EDITOR
						     : s->ops->ctx;
}

const struct ui_handler *
ui_handlers_of(const struct screen *s)
{
	return s->ops->editing && s->ops->editing(s) ? s->ops->edit_handlers
						     : s->ops->handlers;
}

static unsigned
relayout(struct ui *ui)
{
	bool was_small = ui->small;

	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
	if (!ui->small) {
		for (int i = 0; i < ui->depth; i++)
			if (ui->stack[i]->ops->layout)
				ui->stack[i]->ops->layout(ui, ui->stack[i]);
	}
	(void)was_small;
	return DRAW_ALL;
}

static void
draw_small(struct ui *ui)
{
	char line[64];
	int y = ui->rows / 2 - 1;

	erase();
	if (y < 0)
		y = 0;
	ui_put(y, 0, ui->cols, "terminal too small", ui_attr(R_ERROR),
	       PUT_ELLIPSIS);
	ui_put(y + 1, 0, ui->cols, ui_fmt(line, sizeof line, "%dx%d: need "
					  "%dx%d", ui->cols, ui->rows,
					  UI_MIN_COLS, UI_MIN_ROWS),
	       A_NORMAL, PUT_ELLIPSIS);
	ui_put(y + 2, 0, ui->cols, "q quits", A_NORMAL, PUT_ELLIPSIS);
}

static void
draw(struct ui *ui, unsigned what)
{
	static int shown = -1;
	struct screen *top = ui_top(ui);
	int want;

	ui->cursor_y = -1;
	if (ui->small) {
		draw_small(ui);
	} else {
		if (what & DRAW_ALL)
			erase();
		status_draw_title(ui);
		if (top && top->ops->draw)
			top->ops->draw(ui, top, what & DRAW_ALL
				       ? what | DRAW_BODY : what);
		status_draw_message(ui);
		status_draw_hint(ui);
	}
	want = ui->cursor_y >= 0 ? 1 : 0;
	if (want != shown) {
		curs_set(want);
		shown = want;
	}
	if (want)
		move(ui->cursor_y, ui->cursor_x);
	else
		move(ui->rows - 1, ui->cols - 1);
	wnoutrefresh(stdscr);
}

/* --- keys ------------------------------------------------------------------- */

static unsigned
dispatch(struct ui *ui, int key)
{
	struct screen *top = ui_top(ui);
	const struct ui_handler *h;
	enum ui_action a;
	char name[32];
	unsigned d;

	if (key == UI_FN(KEY_RESIZE))
		return relayout(ui);
	if (key == UI_FN(UI_KEY_PASTE_BEGIN) || key == UI_FN(UI_KEY_PASTE_END)) {
		/* Only a text being edited hears the brackets (a paste is
		 * one change to undo). */
		ui->pasting = key == UI_FN(UI_KEY_PASTE_BEGIN);
		if (ui->pasting && !ui->ask.kind)
			ui->msg[0] = '\0';
		if (!ui->small && !ui->ask.kind && top->ops->input)
			return top->ops->input(ui, top, key) == UI_UNHANDLED
			       ? DRAW_NONE : DRAW_BODY;
		return DRAW_NONE;
	}
	if (ui->small) {
		if (key == 'q')
			ui->quit = true;
		return DRAW_NONE;
	}
	/* Pasted text is text: a line break in it never answers, saves or
	 * moves to the next field, and nothing pasted is read as a key. */
	if (ui->pasting && (key == '\r' || key == '\n' || key == '\t') &&
	    (ui->ask.kind || !top->ops->input))
		key = ' ';
	if (ui->ask.kind)
		return (key & UI_KEY_FN) && ui->pasting ? DRAW_NONE
							 : ui_ask_key(ui, key);
	if (!ui->pasting)
		ui->msg[0] = '\0';
	if (top->ops->input) {
		d = top->ops->input(ui, top, key);
		if (d == UI_UNHANDLED && ui->pasting &&
		    (key == '\r' || key == '\n' || key == '\t'))
			d = top->ops->input(ui, top, ' ');
		if (d != UI_UNHANDLED)
			return d | DRAW_STATUS;
	}
	if (ui->pasting) {
		/* Said once a paste. */
		if (!ui->msg[0])
			ui_error(ui, "Pasted text is typed only into a field "
				 "or a text: open one first.");
		return DRAW_STATUS;
	}
	a = ui_lookup(ui_ctx_of(top), key);
	h = find_handler(ui_handlers_of(top), a);
	if ((h == NULL || h->fn == NULL) && top->ops->moving &&
	    list_moving(a)) {
		/* The one handler of the moves, the screen's list. */
		d = top->ops->moving(ui, top, a);
		if (d != UI_UNHANDLED)
			return d | DRAW_STATUS;
		h = NULL;
	}
	if (h == NULL)
		h = find_handler(global_handlers, a);
	if (a == A_NONE || h == NULL || h->fn == NULL) {
		ui_error(ui, "%s: no such key here (? or F1 for help)",
			 ui_key_name(key, name, sizeof name));
		return DRAW_STATUS;
	}
	if ((h->needs & NEED_ADMIN) && db_role(ui->db) != ROLE_ADMIN) {
		ui_error(ui, "Refused: only an admin may do this (you are "
			 "%s, role %s).", db_user(ui->db),
			 db_role_name(db_role(ui->db)));
		return DRAW_STATUS;
	}
	if ((h->needs & NEED_WRITE) && ui->lay) {
		ui_error(ui, "%s", ui_read_only_msg());
		return DRAW_STATUS;
	}
	if ((h->needs & NEED_ROW) &&
	    !(top->ops->has_row && top->ops->has_row(top))) {
		ui_error(ui, "No case is selected.");
		return DRAW_STATUS;
	}
	return h->fn(ui, top) | DRAW_STATUS;
}

/* Others' commits: let every screen read again. */
static unsigned
check_changes(struct ui *ui, int64_t *seen)
{
	int64_t v;
	unsigned d = DRAW_NONE;

	if (db_data_version(ui->db, &v) != DB_OK || v == *seen)
		return DRAW_NONE;
	*seen = v;
	for (int i = 0; i < ui->depth; i++) {
		struct screen *s = ui->stack[i];

		if (s->ops->changed) {
			unsigned r = s->ops->changed(ui, s);

			if (i == ui->depth - 1)
				d |= r;
		}
	}
	return d | DRAW_TITLE;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --- setting up ------------------------------------------------------------- */

/* Whether the person set a locale at all. */
static bool
locale_chosen(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };

	for (size_t i = 0; i < NELEM(vars); i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return true;
	}
	return false;
}

/* UTF-8 unless the person chose a locale that is not: an unset locale
 * (typical over SSH) is taken to mean a UTF-8 terminal, while one set
 * to "C" or "POSIX" (LANG=C) means plain ASCII -- the screens then draw
 * '>' for the selection and '#' for the bars. */
static bool
choose_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	const char *lc = setlocale(LC_CTYPE, NULL);

	if (cs && strcmp(cs, "UTF-8") == 0)
		return true;
	if (!locale_chosen() && (lc == NULL || strcmp(lc, "C") == 0 ||
				 strcmp(lc, "POSIX") == 0)) {
		if (setlocale(LC_CTYPE, "C.UTF-8") ||
		    setlocale(LC_CTYPE, "en_GB.UTF-8") ||
		    setlocale(LC_CTYPE, "en_US.UTF-8"))
			return true;
	}
	return false;
}

/* Open the terminal, falling back from an unknown $TERM. */
static SCREEN *
open_terminal(char *note, size_t n)
{
	static const char *const fallbacks[] = { "vt100", "ansi" };
	const char *term = getenv("TERM");
	SCREEN *scr = NULL;

	note[0] = '\0';
	if (term && *term)
		scr = newterm(term, stdout, stdin);
	for (size_t i = 0; scr == NULL && i < NELEM(fallbacks); i++) {
		if ((scr = newterm(fallbacks[i], stdout, stdin)) != NULL)
			snprintf(note, n, "The terminal type '%s' is unknown "
				 "here: drawing as %s.",
				 term && *term ? term : "(none)",
				 fallbacks[i]);
	}
	return scr;
}

/* Catch SIGHUP, SIGTERM and SIGINT, except one ignored when we started
 * (nohup): a hang-up then shows as the terminal going away instead. */
static void
catch_signals(void)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT };
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NELEM(sigs); i++)
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
}

int
tui_run(struct db *db, const char *path)
{
	struct ui ui;
	struct app_context ctx;
	SCREEN *scr;
	char note[160];
	int64_t seen = 0;
	unsigned pending;
	long last_check, last_key = 0;
	int eofs = 0, status = 0;
	bool dead = false;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "mappa: the screens need a terminal; to use "
			"mappa from a script give a command (see "
			"mappa --help)\n");
		return 1;
	}
	memset(&ui, 0, sizeof ui);
	ui.db = db;
	ui.path = path;
	ui.lay = db_role(db) == ROLE_LAY;
	/* Today, the demo, the area and the holidays, as the commands have
	 * them; the holidays are the ui's to free from here. */
	if (app_context_open(&ctx, db, note, sizeof note) != 0) {
		app_context_free(&ctx);
		fprintf(stderr, "mappa: %s\n", note);
		return 1;
	}
	ui.today = ctx.today;
	ui.demo = ctx.demo;
	str_copy(ui.area, ctx.area, sizeof ui.area);
	ui.holidays = ctx.holidays;
	str_copy(ui.holidays_err, ctx.holidays_err, sizeof ui.holidays_err);
	ui.iv.ps = ctx.ps;
	ui.iv.holidays = &ui.holidays;
	ui.utf8 = choose_utf8();
	text_set_utf8(ui.utf8);

	got_signal = 0;
	catch_signals();
	if ((scr = open_terminal(note, sizeof note)) == NULL) {
		agenda_holidays_free(&ui.holidays);
		fprintf(stderr, "mappa: cannot draw on this terminal (TERM=%s "
			"has no terminfo entry, nor has vt100); set TERM\n",
			getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	idlok(stdscr, TRUE);
	/* Esc alone is Esc after this long; an ESCDELAY the person set (read
	 * by curses itself) is theirs. */
	if (getenv("ESCDELAY") == NULL || !*getenv("ESCDELAY"))
		set_escdelay(ESC_DELAY_MS);
	ui_keys_setup();
	/* Pasted text arrives bracketed, so that it is typed as text and
	 * never read as keys; terminals that know nothing of it ignore
	 * the request. */
	fputs(PASTE_ON, stdout);
	fflush(stdout);
	ui.colour = has_colors() && !(getenv("NO_COLOR") &&
				      *getenv("NO_COLOR"));
	colour_init(ui.colour);
	getmaxyx(stdscr, ui.rows, ui.cols);
	ui.small = ui.rows < UI_MIN_ROWS || ui.cols < UI_MIN_COLS;
	if (note[0])
		ui_msg(&ui, "%s", note);
	else
		ui_holidays_note(&ui);

	pending = ui_push(&ui, scr_register_new(&ui));
	if (ui.depth == 0) {
		agenda_holidays_free(&ui.holidays);
		fputs(PASTE_OFF, stdout);
		fflush(stdout);
		endwin();
		delscreen(scr);
		fprintf(stderr, "mappa: %s\n", ui.msg);
		return 1;
	}
	db_data_version(db, &seen);
	last_check = now_ms();
	while (!ui.quit && !got_signal) {
		struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
		int r, k, keys = 0;
		wint_t wc;

		if (pending) {
			draw(&ui, pending);
			doupdate();
			pending = DRAW_NONE;
		}
		r = poll(&p, 1, POLL_MS);
		if (got_signal)
			break;
		if (r < 0 && errno != EINTR) {
			dead = true;
			break;
		}
		while (!ui.quit && !got_signal &&
		       (k = get_wch(&wc)) != ERR) {
			keys++;
			pending |= dispatch(&ui, k == KEY_CODE_YES
					    ? UI_FN(ui_key_translate((int)wc))
					    : (int)wc);
		}
		/* Readable yet nothing to read, or hung up: the terminal is
		 * gone.  Never spin on it. */
		if (r > 0 && keys == 0 &&
		    ((p.revents & (POLLHUP | POLLERR | POLLNVAL)) ||
		     ++eofs >= 3)) {
			dead = true;
			break;
		}
		if (keys) {
			eofs = 0;
			last_key = now_ms();
		}
		/* A paste whose closing bracket never came (cut off, or split
		 * past the Esc delay) ends after a pause: keys are keys again. */
		if (ui.pasting && keys == 0 &&
		    now_ms() - last_key >= PASTE_PAUSE_MS) {
			pending |= dispatch(&ui, UI_FN(UI_KEY_PASTE_END)) |
				   DRAW_STATUS;
			ui_msg(&ui, "The paste never said it ended: keys are "
			       "keys again.");
		}
		if (now_ms() - last_check >= CHECK_MS) {
			last_check = now_ms();
			pending |= check_changes(&ui, &seen);
		}
	}
	/* Hung up: leave the dead terminal's session before anything else,
	 * so that its leader's exit, which sends SIGHUP and SIGCONT to what
	 * was its foreground group, cannot reach us while we finish.  That
	 * SIGCONT cancels the stop a tracer waits for (LeakSanitizer's check
	 * at exit), which then waits, and we spin, for ever.  It fails,
	 * harmlessly, when we lead our own group. */
	if (dead || got_signal == SIGHUP)
		(void)setsid();
	while (ui.depth > 0)
		ui_screen_free(ui.stack[--ui.depth]);
	field_free(&ui.ask.f);
	agenda_holidays_free(&ui.holidays);
	if (!dead) {
		/* Nothing of the records stays on a terminal without an
		 * alternate screen (vt100): clear it before leaving. */
		erase();
		refresh();
		fputs(PASTE_OFF, stdout);
		fflush(stdout);
	}
	endwin();
	delscreen(scr);
	if (got_signal)
		status = 128 + got_signal;
	else if (dead)
		status = 128 + SIGHUP;
	return status;
}
