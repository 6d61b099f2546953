/*
 * ui.h -- what the screens share: the front end's state, the screen
 * interface (one table of callbacks per screen file), the actions keys are
 * bound to and the handler tables with their preconditions, drawing
 * helpers and colour roles.
 *
 * The loop (tui.c) reads a key, maps it to an action through the binding
 * table (keys.c), finds the top screen's handler for it, checks the
 * handler's preconditions, and calls it.  Handlers never draw: they
 * return what must be drawn again (DRAW_*), and the loop draws once and
 * calls doupdate() once per turn.  The help screen and the hint line are
 * generated from the same tables, so they cannot disagree with the keys.
 */
#ifndef MAPPA_UI_H
#define MAPPA_UI_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"
#include "ui/field.h"
#include "ui/form_model.h"

/* Keys: characters as themselves, curses key codes marked with a bit. */
#define UI_KEY_FN 0x40000000
#define UI_FN(k) (UI_KEY_FN | (k))
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 27

/* Keys mappa names itself (keys.c teaches them to curses whatever the
 * terminal type says): moves by word and to either end of a text, and
 * the brackets a terminal puts around pasted text.  Far above the codes
 * ncurses gives the extended keys of a terminfo entry (from KEY_MAX on). */
enum { UI_KEY_WORD_LEFT = 0x3000, UI_KEY_WORD_RIGHT, UI_KEY_TEXT_START,
       UI_KEY_TEXT_END, UI_KEY_PASTE_BEGIN, UI_KEY_PASTE_END };

/* The minimum terminal; below it, a "terminal too small" notice. */
#define UI_MIN_COLS 50
#define UI_MIN_ROWS 10

enum ui_action {
	A_NONE = 0,
	/* moving */
	A_UP, A_DOWN, A_PAGE_UP, A_PAGE_DOWN, A_HOME, A_END, A_OPEN,
	/* finding, sorting, filtering */
	A_SEARCH, A_SEARCH_NEXT, A_SEARCH_PREV, A_SORT_NEXT, A_SORT_PREV,
	A_SORT_INVERT, A_FILTER_CATEGORY, A_FILTER_LEVEL, A_FILTER_STATUS,
	A_FILTER_OVERDUE, A_FILTER_CLEAR,
	/* changing records */
	A_REFERRAL, A_EDIT, A_EVENT, A_LEVEL,
	/* forms */
	A_NEXT_FIELD, A_PREV_FIELD, A_ENTER, A_SAVE, A_CANCEL, A_UNDO,
	A_EDIT_TEXT,
	/* a conflict */
	A_KEEP_MINE, A_TAKE_THEIRS, A_EDIT_AGAIN,
	/* the statistics */
	A_STATS, A_YEAR_PREV, A_YEAR_NEXT, A_COLUMN_PREV, A_COLUMN_NEXT,
	A_TABLE_PREV, A_TABLE_NEXT, A_CHART, A_CASES, A_BOARD,
	/* the performance indicators */
	A_KPI,
	/* administration: the audit trail, the review of what is kept */
	A_AUDIT, A_RETENTION, A_AUDIT_ACTOR, A_AUDIT_ACTION, A_AUDIT_TEXT,
	A_AUDIT_CASE,
	A_RETAIN_KEEP, A_RETAIN_ERASE,
	/* MAPP meetings: the list, meeting mode, the agenda builder */
	A_MEETINGS, A_MEET_NEW, A_MEET_EDIT, A_MEET_MODE, A_MEET_HOLD,
	A_MEET_REOPEN,
	A_MEET_CANCEL, A_MEET_WHEN, A_MEET_GOTO, A_MEET_NEXT, A_MEET_PREV, A_MEET_SET,
	A_MEET_LEVEL, A_MEET_ACTION, A_MEET_DISCUSSED, A_MEET_UNDISCUSS, A_AGENDA,
	A_AGENDA_ADD, A_AGENDA_ADD_REF, A_AGENDA_ADD_ALL, A_AGENDA_REMOVE, A_AGENDA_UP,
	A_AGENDA_DOWN, A_ACTIONS, A_ACTION_DONE, A_ACTION_AGENCY, A_SETTINGS,
	A_SETTING_EDIT,
	/* the meeting room (issue 16): the people, the agenda at a glance,
	 * the case's actions, the case's record */
	A_MEET_PEOPLE, A_MEET_OVERVIEW, A_MEET_GOTO_CASE, A_MEET_RECORD,
	A_MEET_ACTIONS, A_PERSON_ROLE, A_PERSON_ADD, A_ROW_REMOVE,
	A_CASE_GOTO, A_CASE_NUMBER, A_ACTION_EDIT, A_MEET_APPROVE,
	/* the open actions of earlier meetings reviewed (issue 16) */
	A_ACTION_CARRY, A_ACTION_DROP,
	/* referrals (issue 12) */
	A_REFERRALS, A_REF_ACCEPT, A_REF_DECLINE, A_REF_WITHDRAW,
	/* the case file (issue 15) */
	A_CF_RISK, A_CF_NOTE, A_CF_OFFENCE, A_CF_DISCLOSURE, A_CF_DATES,
	A_CF_SCORE, A_CF_ORDER_END, A_KEYDATES,
	/* the program */
	A_BACK, A_QUIT, A_HELP, A_REDRAW,
	A_COUNT
};

/* Which bindings apply: a screen's own, then the moving ones (CTX_MOVE)
 * where the screen moves through rows or lines, then the global ones. */
enum ui_context { CTX_GLOBAL, CTX_LIST, CTX_RECORD, CTX_FORM, CTX_CONFLICT,
		  CTX_HELP, CTX_STATS, CTX_AUDIT, CTX_RETENTION, CTX_MEETINGS,
		  CTX_MEETING, CTX_AGENDA, CTX_ACTIONS, CTX_SETTINGS,
		  CTX_PEOPLE, CTX_OVERVIEW, CTX_CASE_ACTIONS,
		  CTX_REFERRALS, CTX_MOVE, CTX_EDITOR };

struct ui_action_info {
	const char *group; /* the heading it falls under in the help */
	const char *help;  /* what it does, for the help screen */
};

struct ui_binding {
	enum ui_context ctx;
	int key;
	enum ui_action action;
};

/* keys.c: the one list of actions and the one table of bindings. */
extern const struct ui_action_info ui_actions[A_COUNT];
extern const struct ui_binding ui_bindings[];
extern const size_t ui_nbindings;

/* Whether CTX takes the moving keys (CTX_MOVE). */
bool ui_context_moves(enum ui_context ctx);

/* The action KEY means in CTX (else in CTX_MOVE where CTX moves, else
 * globally), or A_NONE. */
enum ui_action ui_lookup(enum ui_context ctx, int key);

/*
 * Teach the current curses screen the common xterm sequences for the
 * arrows, Home, End, PgUp, PgDn, Insert, Delete, F1-F12, Shift-Tab, the
 * word moves and the paste brackets, where its terminfo entry lacks them
 * (vt100, and every unknown terminal type drawn as vt100).  A sequence
 * the entry gives another meaning is read as the xterm key through
 * ui_key_translate().
 */
void ui_keys_setup(void);

/* The key curses code KEY (a KEY_* value) stands for, after
 * ui_keys_setup(): KEY itself, or the xterm key its sequence means. */
int ui_key_translate(int key);

/* The name of KEY ("q", "Enter", "Ctrl-L", "PgDn"). */
const char *ui_key_name(int key, char *buf, size_t n);

/* The keys bound to ACTION in CTX and globally, "j Down"; "" if none.
 * With FIRST, only the first. */
void ui_keys_of(enum ui_context ctx, enum ui_action action, bool first,
		char *buf, size_t n);

/* What a handler asks to be drawn again. */
enum {
	DRAW_NONE = 0,
	DRAW_CURSOR = 1 << 0, /* the selection moved among the rows shown */
	DRAW_BODY = 1 << 1,   /* the screen's body */
	DRAW_STATUS = 1 << 2, /* the message and hint lines */
	DRAW_TITLE = 1 << 3,  /* the title line */
	DRAW_ALL = 1 << 4     /* everything, from a clear screen */
};

struct ui;
struct screen;

typedef unsigned (*ui_handler_fn)(struct ui *ui, struct screen *s);

/* Preconditions of a handler, checked by the loop before calling it. */
enum {
	NEED_ROW = 1 << 0,   /* a selected row (the screen's has_row()) */
	NEED_WRITE = 1 << 1, /* a role that may change records */
	NEED_ADMIN = 1 << 2  /* an admin (the MAPPA coordinator) */
};

struct ui_handler {
	enum ui_action action;
	unsigned needs;
	ui_handler_fn fn;
	const char *hint;    /* a word or two for the hint line, or NULL */
};

/* A screen: one file, one table of these.  NULL callbacks do nothing. */
struct screen_ops {
	const char *name;
	enum ui_context ctx;
	const struct ui_handler *handlers; /* ends with action A_NONE */
	/* A key before the bindings see it (typing into a field): returns
	 * DRAW_* flags, or UI_UNHANDLED to let the bindings have it. */
	unsigned (*input)(struct ui *ui, struct screen *s, int key);
	bool (*has_row)(const struct screen *s);
	/* The six moves (A_UP .. A_END) where the handler table has none
	 * for it (or one with a NULL fn, for its hint): DRAW_* flags, or
	 * UI_UNHANDLED.  A list screen's is list_move() (ui/list.h). */
	unsigned (*moving)(struct ui *ui, struct screen *s, enum ui_action a);
	/* The screen's part of the title line (counts and so on). */
	void (*title)(struct ui *ui, struct screen *s, char *buf, size_t n);
	/* The terminal's size changed (and on first showing). */
	unsigned (*layout)(struct ui *ui, struct screen *s);
	/* Draw the body, rows 1 .. ui->rows - 3, as WHAT says. */
	void (*draw)(struct ui *ui, struct screen *s, unsigned what);
	/* Others committed changes to the database. */
	unsigned (*changed)(struct ui *ui, struct screen *s);
	/* The screen above closed, handing back RESULT (or 0). */
	unsigned (*resumed)(struct ui *ui, struct screen *s, int result);
	/* Whether closing it would lose typed input. */
	bool (*unsaved)(const struct screen *s);
	/* Whether a text is being edited on it (editor.h): its keys are
	 * then CTX_EDITOR's and its handlers EDIT_HANDLERS. */
	bool (*editing)(const struct screen *s);
	const struct ui_handler *edit_handlers;
	void (*destroy)(struct screen *s);
};

#define UI_UNHANDLED 0x8000u

struct screen {
	const struct screen_ops *ops;
	void *data;
};

/* A question on the message line: a line of text, or yes or no. */
typedef unsigned (*ui_answer_fn)(struct ui *ui, struct screen *s, bool ok,
				 const char *text);
typedef unsigned (*ui_typed_fn)(struct ui *ui, struct screen *s,
				const char *text);

enum { UI_STACK_MAX = 8 };

struct ui {
	struct db *db;
	const char *path;
	mdate today;
	bool lay, demo, colour, utf8;
	char area[96];
	struct form_intervals iv;
	/* The bank holidays (data/bank-holidays.txt), read once; when they
	 * could not be, why, and weekends alone are not working days. */
	struct agenda_holidays holidays;
	char holidays_err[256];
	struct screen *stack[UI_STACK_MAX];
	int depth;
	int rows, cols;
	bool small;          /* below UI_MIN_COLS x UI_MIN_ROWS */
	char msg[320];
	bool msg_error;
	bool quit;
	bool pasting;        /* between the brackets of a paste */
	int cursor_y, cursor_x; /* the terminal cursor, or -1: hidden */
	int64_t saved_id;    /* the case a form just saved */
	/* A question being asked, or kind 0. */
	struct {
		int kind; /* 0, 'l' (a line), 'y' (yes or no) */
		char label[96];
		struct field f;
		ui_answer_fn answer;
		ui_typed_fn typed; /* each change of the line, or NULL */
		struct screen *owner;
	} ask;
};

/* The body's rows: from UI_BODY_TOP, ui_body_rows() of them. */
#define UI_BODY_TOP 1
static inline int
ui_body_rows(const struct ui *ui)
{
	return ui->rows - 3;
}

/* --- stack.c: the screen stack ------------------------------------------ */

/* A new screen with OPS and SIZE bytes of zeroed data (its destroy frees
 * both); NULL, with the message said, when out of memory. */
struct screen *ui_screen_new(struct ui *ui, const struct screen_ops *ops,
			     size_t size);

/* Put S on top (S is then the loop's to destroy); NULL S reports that
 * the screen could not be made (the message says why). */
unsigned ui_push(struct ui *ui, struct screen *s);

/* The bindings and the handlers in force on S just now: its own, or
 * while it edits a text, the editor's. */
enum ui_context ui_ctx_of(const struct screen *s);
const struct ui_handler *ui_handlers_of(const struct screen *s);

/* Close the top screen, handing RESULT to the one below. */
unsigned ui_pop(struct ui *ui, int result);

/* The screen on top, or NULL. */
struct screen *ui_top(struct ui *ui);

/* Free S (NULL is fine) through its destroy callback. */
void ui_screen_free(struct screen *s);

/* --- message.c: the message line and its questions ------------------------ */

/* Set the message line: information, or an error. */
void ui_msg(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Ask for a line (TYPED hears each change) or a yes or no on the message
 * line; ANSWER hears the outcome.  Returns DRAW_* flags.  A line takes
 * up to UI_LINE_MAX bytes typed, or MAX with ui_ask_text(); a text put
 * on it beforehand (field_set) may be longer, and comes back whole. */
#define UI_LINE_MAX 120
unsigned ui_ask_line(struct ui *ui, struct screen *s, const char *label,
		     ui_answer_fn answer, ui_typed_fn typed);
unsigned ui_ask_text(struct ui *ui, struct screen *s, const char *label,
		     size_t max, ui_answer_fn answer, ui_typed_fn typed);
unsigned ui_ask_yes(struct ui *ui, struct screen *s, const char *question,
		    ui_answer_fn answer);

/* A key while a question is asked (ui->ask.kind): DRAW_* flags. */
unsigned ui_ask_key(struct ui *ui, int key);

/* When the bank holidays could not be read, say so on the message line. */
void ui_holidays_note(struct ui *ui);

/* The message for a refused action: a lay adviser's read-only access. */
const char *ui_read_only_msg(void);

/* --- list.c: moving in a list (the widget itself is ui/list.h) ------------ */

/*
 * Move a list of N rows, ROWS of them visible from *TOP, to row TO
 * (clamped): *CUR and *TOP follow.  DRAW_BODY, or DRAW_NONE when empty.
 */
unsigned ui_list_go(int n, int *cur, int *top, int rows, int to);

/* --- colour.c: roles ---------------------------------------------------------- */

enum ui_role {
	R_NORMAL, R_TITLE, R_FLAG, R_HEADER, R_SORTED, R_SELECTED, R_HINT,
	R_HINT_KEY, R_INFO, R_ERROR, R_OVERDUE, R_LEVEL3, R_LEVEL2, R_EXITED,
	R_SECTION, R_LABEL, R_FIELD, R_FIELD_FOCUS, R_FIELD_ERROR,
	R_ESCAPE, R_DIM, R_MINE, R_THEIRS,
	R_COUNT
};

/* Set up colour pairs (USE false: monochrome attributes only). */
void colour_init(bool use);
attr_t ui_attr(enum ui_role role);

/* ROLE's entry in the one table, for the tests: its colours (-1 the
 * terminal's own) and its attributes with and without colour. */
void colour_role(enum ui_role role, short *fg, short *bg, attr_t *colour,
		 attr_t *mono);

/* --- draw.c: text on the screen ------------------------------------------- */

enum {
	PUT_PAD = 1 << 0,      /* fill the rest of WIDTH with spaces */
	PUT_RIGHT = 1 << 1,    /* align to the right of WIDTH */
	PUT_ELLIPSIS = 1 << 2  /* mark text cut short with an ellipsis */
};

/*
 * Write S at Y, X in at most WIDTH columns with ATTR: measured with
 * wcwidth(), never split inside a character, control and invisible
 * characters shown escaped (in the escape role).  Returns the columns
 * used.
 */
int ui_put(int y, int x, int width, const char *s, attr_t attr,
	   unsigned flags);

/* Draw only on rows TOP to BOTTOM from now on (a page taller than the
 * screen, drawn whole, scrolled); ui_clip_off() draws everywhere again. */
void ui_clip(int top, int bottom);
void ui_clip_off(void);

/* Fill WIDTH columns at Y, X with spaces in ATTR. */
void ui_blank(int y, int x, int width, attr_t attr);

/* Format into BUF and return it (for the helpers above). */
char *ui_fmt(char *buf, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "1,234". */
char *ui_count(char *buf, size_t n, int64_t v);

/* --- status.c: the title, message and hint lines --------------------------- */

void status_draw_title(struct ui *ui);
void status_draw_message(struct ui *ui);
void status_draw_hint(struct ui *ui);

/* --- the screens ------------------------------------------------------------ */

struct screen *scr_register_new(struct ui *ui);
/* The case file (issue 15, scr_casefile.c): a form of KIND (enum
 * form_kind: FORM_RISK ... FORM_ORDER_END) for case ID; the key-date
 * lists. */
struct screen *scr_casefile_form_new(struct ui *ui, int64_t id, int kind);
struct screen *scr_keydates_new(struct ui *ui);
struct screen *scr_offender_new(struct ui *ui, int64_t id);
struct screen *scr_referral_new(struct ui *ui);
struct screen *scr_identity_new(struct ui *ui, int64_t id);
/* TYPE: the event the form starts on (enum ev_type). */
struct screen *scr_event_new(struct ui *ui, int64_t id, int type);
struct screen *scr_help_new(struct ui *ui, const struct screen *of);

/* The annual statistics (counted once as it opens; NULL with the reason
 * in the message when they cannot be); the cases behind one figure,
 * CASES handed over (ui/statsmodel.h), FIGURE the figure as counted. */
struct sm_cases;
struct screen *scr_stats_new(struct ui *ui);
struct screen *scr_statcases_new(struct ui *ui, struct sm_cases *cases,
				 int figure);

/* The performance indicators of the latest complete reporting year
 * (core/kpi.h), left and right for the others; NULL with the reason in
 * the message when they cannot be read. */
struct screen *scr_kpi_new(struct ui *ui);

/* Admin only: the audit trail, read a page at a time (its opening is
 * logged once); the records due for retention review on ui->today, with
 * keep and erase.  NULL with the reason in the message when they cannot
 * be opened. */
struct screen *scr_audit_new(struct ui *ui);
struct screen *scr_retention_new(struct ui *ui);
/* The form keeping record R past its review: until when, and why. */
struct screen *scr_retention_keep_new(struct ui *ui,
				      const struct db_retention *r);

/* MAPP meetings (issue 7): the list of meetings, with a form to
 * schedule or edit one; meeting mode for meeting ID on the projector
 * (resuming at its first case not yet discussed); the agenda builder of
 * meeting ID.  NULL with the reason in the message when they cannot be
 * opened. */
struct screen *scr_meetings_new(struct ui *ui);
/* The form that schedules a meeting (ID 0) or edits meeting ID. */
struct screen *scr_meeting_form_new(struct ui *ui, int64_t id);
struct screen *scr_meeting_new(struct ui *ui, int64_t id);

/* Ask whether meeting M is to be marked held (ANSWER hears the yes or
 * no), or say why it cannot be: held or cancelled already, or its date
 * after today.  Q (N bytes) holds the question. */
unsigned ui_meeting_ask_hold(struct ui *ui, struct screen *s,
			     const struct db_meeting *m, char *q, size_t n,
			     ui_answer_fn answer);

/* The pending referrals, overdue first, with accept, decline and
 * withdraw (issue 12); NULL with the reason in the message when they
 * cannot be read. */
struct screen *scr_referrals_new(struct ui *ui);
struct screen *scr_agenda_new(struct ui *ui, int64_t id);
/*
 * What meeting mode opens (issue 16): the people at meeting MEETING_ID;
 * its agenda at a glance, CUR selected, which hands back
 * UI_RESULT_GOTO_CASE + the index of the case to go to; the actions
 * agreed there for offender OFFENDER_ID.  NULL with the reason in the
 * message.
 */
#define UI_RESULT_GOTO_CASE 1000
struct screen *scr_people_new(struct ui *ui, int64_t meeting_id);
struct screen *scr_overview_new(struct ui *ui, int64_t meeting_id, int cur);
struct screen *scr_case_actions_new(struct ui *ui, int64_t meeting_id,
				    int64_t offender_id);
/* The open actions by owner agency, owner and due date (mark one done);
 * the area's settings (admin).  NULL with the reason in the message. */
struct screen *scr_actions_new(struct ui *ui);
struct screen *scr_settings_new(struct ui *ui);

/* A long text (a form's notes or reason) read and written whole in the
 * multi-line editor: F2 hands it to DONE(CTX, TEXT) and closes; nothing
 * is saved here.  ONELINE: line breaks typed or pasted become spaces. */
typedef void (*ui_text_done_fn)(void *ctx, const char *text);
struct screen *scr_text_new(struct ui *ui, const char *label,
			    const char *text, size_t max, bool oneline,
			    ui_text_done_fn done, void *ctx);

/* What a conflict screen hands back. */
enum { CONFLICT_EDIT = 1, CONFLICT_MINE, CONFLICT_THEIRS };

/* A comparison of two versions, row by row. */
struct conflict_row {
	const char *label;
	const char *mine, *theirs; /* copied */
};
struct screen *scr_conflict_new(struct ui *ui, const char *what,
				const struct conflict_row *rows, int n);

/* Results a screen hands back when it closes. */
enum { RESULT_NONE = 0, RESULT_SAVED = 1 << 20 };

#endif
