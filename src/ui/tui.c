/*
 * tui.c -- the screens' main loop: the terminal, the stack of screens,
 * keys to actions to handlers, questions on the message line, signals,
 * and others' changes to the database.
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

#include "core/demo.h"
#include "core/util.h"
#include "ui/form.h"
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

/* --- messages and questions ----------------------------------------------- */

void
ui_msg(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = false;
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = true;
	beep();
}

void
ui_holidays_note(struct ui *ui)
{
	if (ui->holidays_err[0])
		ui_msg(ui, "Bank holidays: %s; counting weekends only.",
		       ui->holidays_err);
}

const char *
ui_read_only_msg(void)
{
	return "Read-only: a lay adviser may look, but not change records.";
}

static unsigned
ask(struct ui *ui, struct screen *s, int kind, const char *label,
    size_t max, ui_answer_fn answer, ui_typed_fn typed)
{
	field_free(&ui->ask.f);
	field_init_text(&ui->ask.f, "ask", label, FIELD_TEXT, max, false,
			NULL);
	field_set(&ui->ask.f, "");
	str_copy(ui->ask.label, label, sizeof ui->ask.label);
	ui->ask.kind = kind;
	ui->ask.answer = answer;
	ui->ask.typed = typed;
	ui->ask.owner = s;
	return DRAW_STATUS;
}

unsigned
ui_ask_line(struct ui *ui, struct screen *s, const char *label,
	    ui_answer_fn answer, ui_typed_fn typed)
{
	return ask(ui, s, 'l', label, UI_LINE_MAX, answer, typed);
}

unsigned
ui_ask_text(struct ui *ui, struct screen *s, const char *label, size_t max,
	    ui_answer_fn answer, ui_typed_fn typed)
{
	return ask(ui, s, 'l', label, max, answer, typed);
}

unsigned
ui_ask_yes(struct ui *ui, struct screen *s, const char *question,
	   ui_answer_fn answer)
{
	return ask(ui, s, 'y', question, 1, answer, NULL);
}

/* A key while a question is asked. */
static unsigned
ask_key(struct ui *ui, int key)
{
	ui_answer_fn answer = ui->ask.answer;
	struct screen *owner = ui->ask.owner;
	unsigned d;
	char *text;
	bool ok, changed;

	if (ui->ask.kind == 'y') {
		if (key == 'y' || key == 'Y')
			ok = true;
		else if (key == 'n' || key == 'N' || key == UI_ESC)
			ok = false;
		else
			return DRAW_NONE;
		ui->ask.kind = 0;
		ui->msg[0] = '\0';
		return answer(ui, owner, ok, NULL) | DRAW_STATUS;
	}
	if (key == '\n' || key == '\r' || key == UI_FN(KEY_ENTER) ||
	    key == UI_ESC) {
		/* The whole line, however long: the answer may ask again,
		 * which empties the field. */
		if ((text = strdup(field_text(&ui->ask.f))) == NULL) {
			ui_error(ui, "Out of memory: the line is kept; try "
				 "again.");
			return DRAW_STATUS;
		}
		ui->ask.kind = 0;
		ui->msg[0] = '\0';
		d = answer(ui, owner, key != UI_ESC, text) | DRAW_STATUS;
		free(text);
		return d;
	}
	if (!form_field_key(&ui->ask.f, key, &changed))
		return DRAW_NONE;
	if (changed && ui->ask.typed) {
		if ((text = strdup(field_text(&ui->ask.f))) == NULL)
			return DRAW_STATUS;
		d = ui->ask.typed(ui, owner, text) | DRAW_STATUS;
		free(text);
		return d;
	}
	return DRAW_STATUS;
}

/* --- the stack ---------------------------------------------------------------- */

static struct screen *
top_of(struct ui *ui)
{
	return ui->depth ? ui->stack[ui->depth - 1] : NULL;
}

static void
destroy(struct screen *s)
{
	if (s && s->ops->destroy)
		s->ops->destroy(s);
}

unsigned
ui_push(struct ui *ui, struct screen *s)
{
	unsigned d = DRAW_ALL;

	if (s == NULL)
		return DRAW_STATUS;
	if (ui->depth == UI_STACK_MAX) {
		destroy(s);
		ui_error(ui, "Too many screens open: close one first.");
		return DRAW_STATUS;
	}
	ui->stack[ui->depth++] = s;
	if (!ui->small && s->ops->layout)
		d |= s->ops->layout(ui, s);
	return d;
}

unsigned
ui_pop(struct ui *ui, int result)
{
	struct screen *s;
	unsigned d = DRAW_ALL;

	if (ui->depth <= 1)
		return DRAW_NONE;
	if (ui->ask.kind && ui->ask.owner == top_of(ui))
		ui->ask.kind = 0;
	destroy(ui->stack[--ui->depth]);
	s = top_of(ui);
	if (!ui->small && s->ops->layout)
		d |= s->ops->layout(ui, s);
	if (s->ops->resumed)
		d |= s->ops->resumed(ui, s, result);
	return d;
}

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
	struct screen *top = top_of(ui);
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
	struct screen *top = top_of(ui);
	const struct ui_handler *h;
	enum ui_action a;
	char name[32];
	unsigned d;

	if (key == UI_FN(KEY_RESIZE))
		return relayout(ui);
	if (ui->small) {
		if (key == 'q')
			ui->quit = true;
		return DRAW_NONE;
	}
	if (ui->ask.kind)
		return ask_key(ui, key);
	ui->msg[0] = '\0';
	if (top->ops->input) {
		d = top->ops->input(ui, top, key);
		if (d != UI_UNHANDLED)
			return d | DRAW_STATUS;
	}
	a = ui_lookup(top->ops->ctx, key);
	h = find_handler(top->ops->handlers, a);
	if (h == NULL)
		h = find_handler(global_handlers, a);
	if (a == A_NONE || h == NULL) {
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

/* Today: $MAPPA_TODAY, else the demo's today for demo data, else the
 * system's date. */
static int
find_today(struct ui *ui)
{
	const char *s = getenv("MAPPA_TODAY");
	time_t t = time(NULL);
	struct tm tm;

	if (s && *s) {
		if (date_parse(s, &ui->today) != 0) {
			fprintf(stderr, "mappa: MAPPA_TODAY: \"%s\" is not a "
				"date (YYYY-MM-DD)\n", s);
			return -1;
		}
		return 0;
	}
	if (ui->demo) {
		ui->today = demo_today();
		return 0;
	}
	localtime_r(&t, &tm);
	ui->today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
				  tm.tm_mday);
	return 0;
}

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
	SCREEN *scr;
	char note[160];
	int64_t seen = 0;
	unsigned pending;
	long last_check;
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
	ui.demo = db_is_demo(db);
	if (find_today(&ui) != 0)
		return 1;
	if (db_setting_get(db, "area_name", ui.area, sizeof ui.area) != DB_OK)
		str_copy(ui.area, "MAPPA area", sizeof ui.area);
	/* On failure the defaults, which the forms then offer. */
	db_process_settings(db, &ui.iv.ps);
	/* On failure the list is empty and the message says why. */
	agenda_holidays_load(NULL, &ui.holidays, ui.holidays_err,
			     sizeof ui.holidays_err);
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
	set_escdelay(25);
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
					    ? UI_FN((int)wc) : (int)wc);
		}
		/* Readable yet nothing to read, or hung up: the terminal is
		 * gone.  Never spin on it. */
		if (r > 0 && keys == 0 &&
		    ((p.revents & (POLLHUP | POLLERR | POLLNVAL)) ||
		     ++eofs >= 3)) {
			dead = true;
			break;
		}
		if (keys)
			eofs = 0;
		if (now_ms() - last_check >= CHECK_MS) {
			last_check = now_ms();
			pending |= check_changes(&ui, &seen);
		}
	}
	while (ui.depth > 0)
		destroy(ui.stack[--ui.depth]);
	field_free(&ui.ask.f);
	agenda_holidays_free(&ui.holidays);
	endwin();
	delscreen(scr);
	if (got_signal)
		status = 128 + got_signal;
	else if (dead)
		status = 128 + SIGHUP;
	return status;
}
