/*
 * scr_meeting.c -- a MAPP meeting as it sits (issue 7).
 *
 * Meeting mode is made for the projector: one page at a time in large,
 * plain, high-contrast blocks -- the confidentiality and diversity
 * statement first, then attendance by agency, then each case on the
 * agenda: its summary (category, level, what happened since its last
 * meeting, open actions), the minutes under their headings (decision,
 * rationale, dissent, the risk management plan's four headings,
 * contingencies, victim issues, disclosure, next review), the level
 * decision and the actions agreed.  The title line shows the progress
 * ("3 of 7 discussed"); opened again, the screen resumes at the first
 * case not yet discussed.
 *
 * Every heading of the minutes shows its whole text, wrapped, under it;
 * the page scrolls to keep the selected heading (or the cursor) in view,
 * and PgUp and PgDn scroll it.  A heading's text is edited in place, in
 * the multi-line editor (editor.h): F2 or Ctrl-X saves, Esc closes
 * (asking first when the text changed).  The next review, a date, and
 * the other short answers are typed on the message line.  The minutes
 * are saved by the data layer's three-way merge from the minutes as they
 * were when the edit began, so the coordinator's changes made meanwhile
 * are kept; a collision is shown and the text stays as typed.  Others'
 * saves appear within the loop's poll of PRAGMA data_version
 * (changed()), which never touches a text being typed.
 *
 * The agenda builder is scr_agenda.c.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/event.h"
#include "core/process.h"
#include "core/util.h"
#include "ui/briefing.h"
#include "ui/editor.h"
#include "ui/text.h"
#include "ui/list.h"
#include "ui/ui.h"

#define MAX_LINES 12

/* What a heading of the minutes takes: a few paragraphs. */
#define MINUTES_LINE_MAX 4000

/* What the reason for a level change takes, as the event form's. */
#define REASON_MAX 1000

/* Minutes heading R as the screen names it (core/minutes.h). */
static const char *
text_label(int r)
{
	return minutes_headings[r].label;
}

#define ROW_REVIEW DB_MIN_TEXTS
#define CASE_ROWS (DB_MIN_TEXTS + 1)

struct mm {
	int64_t id;
	struct db_meeting m;
	struct db_meeting_agencies ag;
	struct db_agenda it;
	int page;                 /* 0 statement, 1 attendance, 2+ a case */
	int row;                  /* the selection on the page */
	struct db_minutes min;    /* the page's case's, as stored */
	struct db_minutes ebase;  /* as they were when the edit began */
	int editing;              /* the row typed on the line, or -1 */
	char since[MAX_LINES][160], acts[MAX_LINES][200];
	int nsince, nacts, nmore;
	/* The briefing (issue 16): what a panel asks first (briefing.h);
	 * the last held meeting that discussed the case, its date, level
	 * decision, minuted decision and minutes (its risk management
	 * plan is offered as the start of this one's). */
	struct cf_lines brief;
	int64_t prev_id;
	char prev_date[MDATE_BUFSZ];
	enum level_decision prev_level;
	char *prev_decision;
	struct db_minutes prev;
	/* An action or a decision asked for in steps: */
	char a_text[256], a_agency[32], decision[64];
	char a_owner[DB_FIELD_MAX];  /* the action's owner by name */
	/* The case a level decision was begun on, and its version then:
	 * the decision is saved against that version, so that a change
	 * read in while the chair typed it is not decided over unseen. */
	int64_t d_item, d_version;
	/* The reason typed for a decision refused because the case changed
	 * meanwhile, offered again when it is decided again; or "". */
	char d_reason[REASON_MAX + 1];
	/* The decision read from the line: its word, named level, exit
	 * kind, in words ("up to Level 3"); whether it replaces one
	 * recorded; the recorded one in words, as the page shows it. */
	enum level_decision d_dec;
	char d_words[96], d_shown[96];
	int d_level, d_kind;
	bool d_replace;
	bool d_kinds;             /* the exit kinds listed on the page */
	char notice[320];         /* a collision, shown on the page, or "" */
	/* The statement read out, from the settings: the text the minutes
	 * print (issue 16). */
	char statement[DB_STATEMENT_MAX + 1];
	struct db_minutes_state ms;  /* draft or approved, and the version */
	/* The text of row EDITING being edited in place, when ED_OPEN. */
	struct editbuf ed;
	bool ed_open;
	/* The case page drawn whole and scrolled: its first row shown,
	 * whether the view follows the selection (not after PgUp, PgDn),
	 * and where the selection and the cursor fell when last drawn. */
	int scroll;
	bool follow;
	int sel_top, sel_bottom, cur_row;
};

static struct mm *
mm_of(const struct screen *s)
{
	return s->data;
}

static const struct db_agenda_item *
item_of(const struct mm *x)
{
	int i = x->page - 2;

	return i >= 0 && i < x->it.n ? &x->it.v[i] : NULL;
}

/* --- reading ----------------------------------------------------------- */

/* The last held meeting before this one of those that discussed the
 * case, LIST (oldest first). */
static void
find_last(struct mm *x, const struct db_case_meetings *list)
{
	for (int i = 0; i < list->n; i++) {
		const struct db_case_meeting *cm = &list->v[i];

		if (cm->id != x->id && strcmp(cm->date, x->m.date) < 0 &&
		    cm->status == MEETING_HELD) {
			x->prev_id = cm->id;
			str_copy(x->prev_date, cm->date, sizeof x->prev_date);
			x->prev_level = cm->level_decision;
			free(x->prev_decision);
			x->prev_decision = cm->decision && *cm->decision
						   ? strdup(cm->decision)
						   : NULL;
		}
	}
}

/* Forget the page's briefing. */
static void
forget_briefing(struct mm *x)
{
	cf_lines_clear(&x->brief);
	free(x->prev_decision);
	x->prev_decision = NULL;
	db_minutes_clear(&x->prev);
	memset(&x->prev, 0, sizeof x->prev);
	x->prev_id = 0;
	x->prev_date[0] = '\0';
	x->prev_level = DECISION_NONE;
}

/* Whether minutes row R is of the risk management plan. */
static bool
is_rmp(int r)
{
	return r >= DB_MIN_RMP_SUPERVISION && r <= DB_MIN_RMP_VICTIM_SAFETY;
}

/* The last meeting's plan under row R, offered while this meeting's is
 * empty; or NULL. */
static const char *
carried(const struct mm *x, int r)
{
	if (!is_rmp(r) || (x->min.text[r] && x->min.text[r][0]))
		return NULL;
	return x->prev.text[r] && x->prev.text[r][0] ? x->prev.text[r] : NULL;
}

/* The briefing of the page's case: what a panel asks first, the last
 * held meeting that discussed it with its decisions and minutes, what
 * happened since in words, and its open actions. */
static void
load_case(struct ui *ui, struct mm *x)
{
	const struct db_agenda_item *it = item_of(x);
	char d[MDATE_BUFSZ], what[160];
	struct ev *evs = NULL;
	struct ev_state st = { 0 };
	struct db_case_actions acts = { 0 };
	struct db_case_meetings met = { 0 };
	struct db_agenda prev = { 0 };
	size_t n = 0;
	int64_t oid, find = 0;
	mdate from = MDATE_NONE, to = MDATE_NONE;

	x->nsince = x->nacts = x->nmore = 0;
	db_minutes_clear(&x->min);
	memset(&x->min, 0, sizeof x->min);
	forget_briefing(x);
	if (it == NULL)
		return;
	if (db_minutes_get(ui->db, it->id, &x->min) != DB_OK)
		ui_error(ui, "The minutes cannot be read: %s",
			 db_errmsg(ui->db));
	/* The recorded decision in words; its event set the case's level. */
	if (x->min.level_decision != DECISION_NONE)
		process_decision_words(x->d_shown, sizeof x->d_shown,
				       x->min.level_decision, it->level,
				       it->level);
	else
		x->d_shown[0] = '\0';
	if (!cf_lines_read(ui, it->offender_id, &x->brief, NULL) ||
	    !cf_disclosure_history(ui, it->offender_id, &x->brief))
		ui_error(ui, "The case file cannot be read: %s",
			 db_errmsg(ui->db));
	if (db_case_meetings(ui->db, it->offender_id, &met) == DB_OK)
		find_last(x, &met);
	db_case_meetings_free(&met);
	if (x->prev_id) {
		date_parse(x->prev_date, &from);
		/* The case's agenda item at the last meeting. */
		if (db_agenda_list(ui->db, x->prev_id, &prev) == DB_OK)
			for (int i = 0; !find && i < prev.n; i++)
				if (prev.v[i].offender_id == it->offender_id)
					find = prev.v[i].id;
		db_list_free(&prev);
		if (find && db_minutes_get(ui->db, find, &x->prev) != DB_OK)
			ui_error(ui, "The last meeting's minutes cannot be "
				 "read: %s", db_errmsg(ui->db));
	}
	date_parse(x->m.date, &to);
	/* Each event in the words of the case's history. */
	if (db_offender_find(ui->db, it->ref, &oid, NULL, &evs, &n) == DB_OK)
		for (size_t i = 0; i < n; i++) {
			struct ev_state before = st;

			ev_apply(&st, &evs[i]);
			if ((from != MDATE_NONE && evs[i].date <= from) ||
			    (to != MDATE_NONE && evs[i].date > to))
				continue;
			if (x->nsince == MAX_LINES) {
				x->nmore++;
				continue;
			}
			ui_event_words(&evs[i], &before, what, sizeof what);
			ui_fmt(x->since[x->nsince++], sizeof x->since[0],
			       "%s  %s", date_format(evs[i].date, d), what);
		}
	free(evs);
	if (db_case_action_list(ui->db, it->offender_id, true, &acts) ==
	    DB_OK)
		for (int i = 0; i < acts.n && x->nacts < MAX_LINES; i++) {
			const struct db_case_action *a = &acts.v[i];

			ui_fmt(x->acts[x->nacts++], sizeof x->acts[0],
			       "%s  %-12s %s%s%s%s", a->due, a->owner_agency,
			       a->owner_person && *a->owner_person ? "(" : "",
			       a->owner_person ? a->owner_person : "",
			       a->owner_person && *a->owner_person ? ") " : "",
			       a->text ? a->text : "");
		}
	db_case_actions_free(&acts);
}

static bool
load(struct ui *ui, struct mm *x)
{
	if (db_meeting_get(ui->db, x->id, &x->m) != DB_OK) {
		ui_error(ui, "Meeting %lld cannot be read: %s",
			 (long long)x->id, db_errmsg(ui->db));
		return false;
	}
	x->ag.n = x->it.n = 0;
	if (db_setting_get(ui->db, "meeting_statement", x->statement,
			   sizeof x->statement) != DB_OK ||
	    db_minutes_state(ui->db, x->id, &x->ms) != DB_OK ||
	    db_meeting_agencies(ui->db, x->id, &x->ag) != DB_OK ||
	    db_agenda_list(ui->db, x->id, &x->it) != DB_OK) {
		ui_error(ui, "Meeting %lld cannot be read: %s",
			 (long long)x->id, db_errmsg(ui->db));
		return false;
	}
	if (x->page > x->it.n + 1)
		x->page = x->it.n + 1;
	load_case(ui, x);
	return true;
}

/* --- pages ------------------------------------------------------------- */

static int
rows_of(const struct mm *x)
{
	if (x->page == 1)
		return x->ag.n;
	if (x->page >= 2)
		return CASE_ROWS;
	return 0;
}

static unsigned
go_page(struct ui *ui, struct mm *x, int page)
{
	if (page < 0 || page > x->it.n + 1)
		return DRAW_NONE;
	x->page = page;
	x->row = 0;
	x->scroll = 0;
	/* The page opens at its top, the briefing; a move follows the
	 * selection again. */
	x->follow = false;
	x->notice[0] = '\0';
	load_case(ui, x);
	return DRAW_ALL;
}

static unsigned
next_page(struct ui *ui, struct screen *s)
{
	return go_page(ui, mm_of(s), mm_of(s)->page + 1);
}

static unsigned
prev_page(struct ui *ui, struct screen *s)
{
	return go_page(ui, mm_of(s), mm_of(s)->page - 1);
}

static unsigned
up(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);

	(void)ui;
	if (x->row > 0)
		x->row--;
	x->follow = true;
	return DRAW_BODY;
}

static unsigned
down(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);

	(void)ui;
	if (x->row + 1 < rows_of(x))
		x->row++;
	x->follow = true;
	return DRAW_BODY;
}

/* PgUp, PgDn: the page, by a screen less a row; the selection stays. */
static unsigned
scroll_page(struct ui *ui, struct screen *s, int dir)
{
	struct mm *x = mm_of(s);

	x->follow = false;
	x->scroll += dir * (ui_body_rows(ui) - 1);
	if (x->scroll < 0)
		x->scroll = 0;
	return DRAW_BODY;
}

static unsigned
page_up(struct ui *ui, struct screen *s)
{
	return scroll_page(ui, s, -1);
}

static unsigned
page_down(struct ui *ui, struct screen *s)
{
	return scroll_page(ui, s, 1);
}

/* --- attendance -------------------------------------------------------- */

static unsigned
set_attendance(struct ui *ui, struct mm *x)
{
	struct db_meeting_agency *a = &x->ag.v[x->row];
	/* The next in the table's order; the first when none is recorded. */
	const char *next = agenda_attendance_name((a->attendance + 1) %
						  AGENDA_ATTENDANCES);

	if (db_meeting_attendance(ui->db, x->id, a->agency,
				  agenda_attendance_name(a->attendance),
				  next) != DB_OK)
		ui_error(ui, "Not recorded: %s", db_errmsg(ui->db));
	load(ui, x);
	return DRAW_BODY | DRAW_TITLE;
}

/* --- the minutes, a line at a time ------------------------------------- */

static void
minutes_copy(struct db_minutes *to, const struct db_minutes *from)
{
	*to = *from;
	for (int i = 0; i < DB_MIN_TEXTS; i++)
		to->text[i] = from->text[i] ? strdup(from->text[i]) : NULL;
}

static unsigned ask_row(struct ui *ui, struct screen *s, const char *text);
static unsigned reask_row(struct ui *ui, struct screen *s, const char *text);

/* Save TEXT as row R of IT's minutes, merged from the minutes the edit
 * began on (x->ebase): DB_OK, or the data layer's status, the reason in
 * db_errmsg(). */
static enum db_status
save_row(struct ui *ui, struct mm *x, const struct db_agenda_item *it, int r,
	 const char *text)
{
	struct db_minutes m;
	enum db_status st;

	/* The case the edit began on, wherever the agenda now has it. */
	minutes_copy(&m, &x->ebase);
	m.item_id = x->ebase.item_id ? x->ebase.item_id : it->id;
	if (r == ROW_REVIEW) {
		str_copy(m.next_review, text, sizeof m.next_review);
	} else {
		free(m.text[r]);
		m.text[r] = text[0] ? strdup(text) : NULL;
	}
	st = db_minutes_save(ui->db, &x->ebase, &m);
	db_minutes_clear(&m);
	return st;
}

static unsigned
row_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);
	const struct db_agenda_item *it = item_of(x);
	int r = x->editing;
	mdate d;

	x->editing = -1;
	if (!ok || it == NULL) {
		db_minutes_clear(&x->ebase);
		x->notice[0] = '\0';
		return DRAW_BODY;
	}
	if (r == ROW_REVIEW && text[0] && date_parse(text, &d) != 0) {
		/* Refused, not cut to fit: the line opens again as typed,
		 * against the minutes the edit began on. */
		ui_fmt(x->notice, sizeof x->notice, "NOT SAVED: the next "
		       "review is a date, YYYY-MM-DD.  Yours is on the line "
		       "below: put it right, or Esc drops it.");
		ui_error(ui, "Not saved: \"%s\" is not a date.", text);
		x->row = r;
		return reask_row(ui, s, text) | DRAW_BODY;
	}
	if (save_row(ui, x, it, r, text) != DB_OK) {
		/* Nothing lost: the line opens again as typed (TEXT is the
		 * asker's copy, whole, until this returns). */
		ui_fmt(x->notice, sizeof x->notice, "NOT SAVED: %s  Yours is "
		       "on the line below: Enter saves it over theirs, Esc "
		       "drops it.", db_errmsg(ui->db));
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		db_minutes_clear(&x->ebase);
		load(ui, x);
		x->row = r;
		return ask_row(ui, s, text) | DRAW_BODY;
	}
	db_minutes_clear(&x->ebase);
	x->notice[0] = '\0';
	ui_msg(ui, "%s saved.", r == ROW_REVIEW ? "Next review"
						: text_label(r));
	load(ui, x);
	return DRAW_BODY;
}

/* Ask for the selected row's text, the line holding TEXT. */
static unsigned
ask_row(struct ui *ui, struct screen *s, const char *text)
{
	struct mm *x = mm_of(s);

	db_minutes_clear(&x->ebase);
	minutes_copy(&x->ebase, &x->min);
	return reask_row(ui, s, text);
}

/* Ask for the selected row's text again, the line holding TEXT, the edit
 * still made on the minutes it began on (x->ebase). */
static unsigned
reask_row(struct ui *ui, struct screen *s, const char *text)
{
	struct mm *x = mm_of(s);
	char label[96];
	unsigned d;

	x->editing = x->row;
	ui_fmt(label, sizeof label, "%s:", x->row == ROW_REVIEW
	       ? "Next review (YYYY-MM-DD)" : text_label(x->row));
	d = ui_ask_text(ui, s, label, MINUTES_LINE_MAX, row_answered, NULL);
	field_set(&ui->ask.f, text);
	return d;
}

/* --- a heading's text, in the editor ----------------------------------- */

static void
ed_close(struct mm *x)
{
	if (x->ed_open)
		eb_free(&x->ed);
	x->ed_open = false;
	x->editing = -1;
	x->follow = true;
	db_minutes_clear(&x->ebase);
}

/* Open the selected row's text in the editor, in place. */
static unsigned
ed_open(struct ui *ui, struct mm *x)
{
	const char *c = carried(x, x->row);
	const char *t = c ? c : x->min.text[x->row] ? x->min.text[x->row] : "";

	db_minutes_clear(&x->ebase);
	minutes_copy(&x->ebase, &x->min);
	eb_init(&x->ed, MINUTES_LINE_MAX, editor_wrap_width(ui->cols - 6));
	if (eb_set(&x->ed, t) != 0) {
		eb_free(&x->ed);
		ui_error(ui, "Out of memory: try again.");
		return DRAW_STATUS;
	}
	x->ed_open = true;
	x->editing = x->row;
	x->follow = true;
	x->notice[0] = '\0';
	if (c)
		ui_msg(ui, "Editing %s, from the meeting of %s: amend it; F2 "
		       "saves it as this meeting's.", text_label(x->row),
		       x->prev_date);
	else
		ui_msg(ui, "Editing %s: type; Enter starts a new line.",
		       text_label(x->row));
	return DRAW_BODY;
}

static bool
mm_editing(const struct screen *s)
{
	return mm_of(s)->ed_open;
}

static bool
mm_unsaved(const struct screen *s)
{
	return mm_of(s)->ed_open && mm_of(s)->ed.changed;
}

/* Every key but the editor's bindings (CTX_EDITOR) edits the text. */
static unsigned
mm_input(struct ui *ui, struct screen *s, int key)
{
	struct mm *x = mm_of(s);

	(void)ui;
	if (!x->ed_open)
		return UI_UNHANDLED;
	if (editor_input(&x->ed, key) == UI_UNHANDLED)
		return UI_UNHANDLED;
	x->follow = true;
	return DRAW_BODY;
}

static unsigned
ed_save(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);
	const struct db_agenda_item *it = item_of(x);
	int r = x->editing;
	int64_t id;

	if (it == NULL || !x->ed_open)
		return DRAW_NONE;
	if (save_row(ui, x, it, r, eb_text(&x->ed)) != DB_OK) {
		/* Nothing lost: the text stays as typed, and is saved next
		 * over the minutes as they now are. */
		ui_fmt(x->notice, sizeof x->notice, "NOT SAVED: %s  Yours is "
		       "kept below: F2 saves it over theirs, Esc drops it.",
		       db_errmsg(ui->db));
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		load(ui, x);
		id = x->ebase.item_id;
		db_minutes_clear(&x->ebase);
		if (db_minutes_get(ui->db, id, &x->ebase) != DB_OK)
			minutes_copy(&x->ebase, &x->min);
		return DRAW_BODY;
	}
	ed_close(x);
	x->notice[0] = '\0';
	ui_msg(ui, "%s saved.", text_label(r));
	load(ui, x);
	return DRAW_BODY;
}

static unsigned
ed_discard(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);

	(void)text;
	if (!ok) {
		ui_msg(ui, "Still editing.");
		return DRAW_STATUS;
	}
	ed_close(x);
	x->notice[0] = '\0';
	ui_msg(ui, "Closed without saving.");
	return DRAW_BODY;
}

static unsigned
ed_cancel(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);
	char q[160];

	if (x->ed.changed)
		return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "Close %s and "
				  "lose what you typed? (y/n) ",
				  text_label(x->editing)), ed_discard);
	return ed_discard(ui, s, true, NULL);
}

static unsigned
ed_undo(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);

	if (!eb_undo(&x->ed))
		ui_msg(ui, "Nothing to undo.");
	x->follow = true;
	return DRAW_BODY;
}

static const struct ui_handler ed_handlers[] = {
	{ A_SAVE, NEED_WRITE, ed_save, "save" },
	{ A_CANCEL, 0, ed_cancel, "close" },
	{ A_UNDO, 0, ed_undo, "undo" },
	{ A_NONE, 0, NULL, NULL },
};

static unsigned
set(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);

	if (x->page == 1 && x->row < x->ag.n)
		return set_attendance(ui, x);
	if (item_of(x) == NULL)
		return DRAW_NONE;
	if (x->m.status != MEETING_HELD) {
		ui_error(ui, "The meeting is not held yet: H marks it held.");
		return DRAW_STATUS;
	}
	if (x->row == ROW_REVIEW)
		return ask_row(ui, s, x->min.next_review);
	return ed_open(ui, x);
}

/* --- the level decision ------------------------------------------------ *
 *
 * In the command line's words: stay; up or down one level; "to N" (or
 * "up N", "down to N") a named level, said back as "to Level N"; exit,
 * its kind then picked from the list before the reason is asked.  The
 * resulting level is shown on the reason's line before anything is
 * saved.  A decision recorded already is shown and replaced only after
 * a yes; one recorded meanwhile by someone else is shown beside yours,
 * and yours replaces it only after a yes.  A refused decision opens
 * again as typed. */

static unsigned reason_answered(struct ui *ui, struct screen *s, bool ok,
				const char *text);
static unsigned ask_decision(struct ui *ui, struct screen *s,
			     const char *text);
static unsigned ask_kind(struct ui *ui, struct screen *s, const char *text);

/*
 * Read the decision typed in X->decision into *D (decision and level),
 * the case at LEVEL: the resulting level into *TO (0 after an exit),
 * said in words into WORDS.  False with a sentence in WHY when it cannot
 * be.
 */
static bool
parse_decision(const struct mm *x, int level, struct db_level_decision *d,
	       int *to, char *words, size_t nwords, char *why, size_t nwhy)
{
	char w1[16] = "", w2[16] = "", w3[16] = "";
	int n = sscanf(x->decision, "%15s %15s %15s", w1, w2, w3);
	const char *num = NULL;
	int dec;

	d->level = 0;
	if (n < 1) {
		str_copy(why, "no decision: stay, up, down, to N or exit", nwhy);
		return false;
	}
	if (strcmp(w1, "to") == 0) {
		/* "to N": up or down, whichever it is. */
		num = w2;
		dec = atoi(w2) > level ? DECISION_UP : DECISION_DOWN;
	} else {
		/* An unknown word is none, which is refused below. */
		dec = level_decision_parse(w1);
		num = strcmp(w2, "to") == 0 ? w3 : w2;
	}
	d->decision = dec < 0 ? DECISION_NONE : (enum level_decision)dec;
	if ((d->decision == DECISION_UP || d->decision == DECISION_DOWN) &&
	    num[0]) {
		if (num[0] < '1' || num[0] > '3' || num[1]) {
			str_printf(why, nwhy, "\"%s\" is not a level (1, 2 or "
				   "3)", num);
			return false;
		}
		d->level = num[0] - '0';
	}
	*to = process_decided_level(d->decision, level, d->level, why, nwhy);
	if (*to < 0)
		return false;
	process_decision_words(words, nwords, d->decision, level, *to);
	return true;
}

/* Ask for the reason of the decision begun, the line holding TEXT, the
 * resulting level shown. */
static unsigned
ask_reason(struct ui *ui, struct screen *s, const char *text)
{
	struct mm *x = mm_of(s);
	char label[160];
	unsigned d;

	d = ui_ask_text(ui, s, ui_fmt(label, sizeof label, "Reason for %s "
				      "(kept on the level event):",
				      x->d_words), REASON_MAX,
			reason_answered, NULL);
	field_set(&ui->ask.f, text);
	return d;
}

static unsigned decide(struct ui *ui, struct screen *s, const char *reason);

static unsigned
replace_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);

	(void)text;
	if (!ok) {
		x->notice[0] = '\0';
		x->d_reason[0] = '\0';
		x->d_replace = false;
		ui_msg(ui, "The recorded decision stands.");
		return DRAW_BODY | DRAW_STATUS;
	}
	x->d_replace = true;
	return decide(ui, s, x->d_reason[0] ? x->d_reason : NULL);
}

static unsigned
decide(struct ui *ui, struct screen *s, const char *reason)
{
	struct mm *x = mm_of(s);
	struct db_level_decision d = { 0 };
	const struct db_agenda_item *it = item_of(x);
	char q[512], reason_kept[REASON_MAX + 1];
	int64_t ev = 0, version;
	enum db_status st;

	if (it == NULL)
		return DRAW_NONE;
	if (it->id != x->d_item) {
		ui_error(ui, "Not recorded: the decision was begun on another "
			 "case.");
		return DRAW_STATUS;
	}
	d.decision = x->d_dec;
	d.level = x->d_level;
	d.exit_kind = x->d_kind;
	d.reason = reason && reason[0] ? reason : NULL;
	d.next_review = MDATE_NONE;
	d.replace = x->d_replace;
	version = x->d_version;
	st = db_minutes_level(ui->db, it->id, &version, &d, &ev);
	str_copy(reason_kept, reason ? reason : "", sizeof reason_kept);
	if (st == DB_CONFLICT) {
		str_copy(x->d_reason, reason_kept, sizeof x->d_reason);
		load(ui, x);
		it = item_of(x);
		if (it && x->min.level_decision != DECISION_NONE &&
		    !x->d_replace) {
			/* Someone recorded a decision meanwhile: both are
			 * shown; yours replaces theirs only on a yes. */
			x->d_version = it->offender_version;
			ui_fmt(x->notice, sizeof x->notice, "NOT RECORDED: "
			       "someone recorded %s meanwhile.  Yours: %s.",
			       x->d_shown, x->d_words);
			return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "Replace "
					  "%s with %s? (y/n)", x->d_shown,
					  x->d_words),
					  replace_answered) | DRAW_BODY |
			       DRAW_TITLE;
		}
		/* Decided again on the case as it now is, on the page; the
		 * decision and its reason are offered as typed. */
		ui_fmt(x->notice, sizeof x->notice, "NOT RECORDED: the case "
		       "changed meanwhile (now Level %d, %s).  Decide again: "
		       "yours is on the line below, its reason kept; Esc "
		       "drops it.", it ? it->level : 0,
		       it ? case_status_name(it->status) : "?");
		ui_error(ui, "Not recorded: the case changed meanwhile.");
		return ask_decision(ui, s, x->decision) | DRAW_BODY |
		       DRAW_TITLE;
	}
	if (st != DB_OK && reason) {
		/* Nothing lost: the reason opens again as typed. */
		ui_fmt(x->notice, sizeof x->notice, "NOT RECORDED: %s  Your "
		       "reason is on the line below: Enter tries again, Esc "
		       "drops the decision.", db_errmsg(ui->db));
		ui_error(ui, "Not recorded: %s", db_errmsg(ui->db));
		return ask_reason(ui, s, reason_kept) | DRAW_BODY;
	}
	if (st != DB_OK) {
		ui_fmt(x->notice, sizeof x->notice, "NOT RECORDED: %s  Your "
		       "decision is on the line below.", db_errmsg(ui->db));
		ui_error(ui, "Not recorded: %s", db_errmsg(ui->db));
		return ask_decision(ui, s, x->decision) | DRAW_BODY;
	}
	x->notice[0] = '\0';
	x->d_reason[0] = '\0';
	x->d_replace = false;
	load(ui, x);
	ui_msg(ui, "Level decision recorded: %s%s; next review %s.",
	       x->d_words, ev ? " (the level event is written)" : "",
	       x->min.next_review[0] ? x->min.next_review : "none");
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
reason_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	if (!ok) {
		mm_of(s)->notice[0] = '\0';
		mm_of(s)->d_reason[0] = '\0';
		mm_of(s)->d_replace = false;
		return DRAW_BODY;
	}
	return decide(ui, s, text);
}

static unsigned
kind_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);
	int k = 0;

	if (!ok) {
		x->notice[0] = '\0';
		x->d_replace = false;
		x->d_kinds = false;
		return DRAW_BODY;
	}
	if (text[0] >= '1' && text[0] <= '9' && text[1] == '\0')
		k = text[0] - '0';
	else
		k = ev_kind_parse(EV_EXIT, text);
	if (k <= 0 || k > ev_kind_count(EV_EXIT)) {
		ui_fmt(x->notice, sizeof x->notice, "NOT A KIND: \"%s\".  "
		       "Pick one of the list.", text);
		ui_error(ui, "No exit kind \"%s\".", text);
		return ask_kind(ui, s, text) | DRAW_BODY;
	}
	x->notice[0] = '\0';
	x->d_kind = k;
	ui_fmt(x->d_words, sizeof x->d_words, "exit (%s)",
	       ev_kind_name(EV_EXIT, k));
	x->d_kinds = false;
	return ask_reason(ui, s, x->d_reason) | DRAW_BODY;
}

/* Ask which kind of exit, the list on the page, the line holding
 * TEXT. */
static unsigned
ask_kind(struct ui *ui, struct screen *s, const char *text)
{
	unsigned d;

	mm_of(s)->d_kinds = true;
	d = ui_ask_line(ui, s, "Exit kind (1-6, or its name):", kind_answered,
			NULL);
	field_set(&ui->ask.f, text);
	return d | DRAW_BODY;
}

static unsigned
decision_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);
	const struct db_agenda_item *it = item_of(x);
	struct db_level_decision d = { 0 };
	char why[160];
	int to;

	if (!ok || it == NULL) {
		x->notice[0] = '\0';
		x->d_reason[0] = '\0';
		x->d_replace = false;
		return DRAW_BODY;
	}
	str_copy(x->decision, text, sizeof x->decision);
	if (!parse_decision(x, it->level, &d, &to, x->d_words,
			    sizeof x->d_words, why, sizeof why)) {
		/* Refused before anything is saved: it opens as typed. */
		ui_fmt(x->notice, sizeof x->notice, "NOT A DECISION: %s.  "
		       "Yours is on the line below: put it right, or Esc.",
		       why);
		ui_error(ui, "Not a decision: %s.", why);
		return ask_decision(ui, s, text) | DRAW_BODY;
	}
	x->notice[0] = '\0';
	x->d_dec = d.decision;
	x->d_level = d.level;
	x->d_kind = 0;
	if (x->d_dec == DECISION_STAY)
		return decide(ui, s, NULL);
	if (x->d_dec == DECISION_EXIT)
		return ask_kind(ui, s, "") | DRAW_BODY;
	return ask_reason(ui, s, x->d_reason) | DRAW_BODY;
}

/* Begin a level decision on the page's case as it is now shown, the
 * line holding TEXT. */
static unsigned
ask_decision(struct ui *ui, struct screen *s, const char *text)
{
	struct mm *x = mm_of(s);
	const struct db_agenda_item *it = item_of(x);
	char label[120];
	unsigned d;

	if (it == NULL) {
		ui_error(ui, "Go to a case first (Right).");
		return DRAW_STATUS;
	}
	x->d_item = it->id;
	x->d_version = it->offender_version;
	x->d_kinds = false;
	d = ui_ask_line(ui, s, ui_fmt(label, sizeof label, "Level decision, "
				      "now Level %d (stay, up, down, to N, "
				      "exit):", it->level),
			decision_answered, NULL);
	field_set(&ui->ask.f, text);
	return d;
}

static unsigned
replace_first_answered(struct ui *ui, struct screen *s, bool ok,
		       const char *text)
{
	(void)text;
	if (!ok)
		return DRAW_NONE;
	mm_of(s)->d_replace = true;
	return ask_decision(ui, s, "");
}

static unsigned
level(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);
	char q[160];

	x->d_reason[0] = '\0';
	x->d_replace = false;
	if (item_of(x) && x->m.status != MEETING_HELD) {
		ui_error(ui, "The meeting is not held yet: H marks it held.");
		return DRAW_STATUS;
	}
	if (item_of(x) && x->min.level_decision != DECISION_NONE)
		return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "Recorded: %s.  "
				  "Replace it? (y/n)", x->d_shown),
				  replace_first_answered);
	return ask_decision(ui, s, "");
}

/* --- a new action, in three steps -------------------------------------- *
 *
 * A step refused opens its line again as typed, the steps before it
 * kept, and says why on the page; Esc drops the action. */

static unsigned
ask_step(struct ui *ui, struct screen *s, const char *label,
	 ui_answer_fn answer, const char *text)
{
	unsigned r = ui_ask_line(ui, s, label, answer, NULL);

	field_set(&ui->ask.f, text);
	return r;
}

static unsigned
due_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);
	const struct db_agenda_item *it = item_of(x);
	struct db_action a = { 0 };
	mdate d;

	if (!ok || it == NULL) {
		x->notice[0] = '\0';
		return DRAW_BODY;
	}
	if (date_parse(text, &d) != 0) {
		ui_fmt(x->notice, sizeof x->notice, "NOT ADDED: the action is "
		       "due on a date, YYYY-MM-DD.  Yours is on the line "
		       "below: put it right, or Esc drops the action.");
		ui_error(ui, "Action not added: \"%s\" is not a date.", text);
		return ask_step(ui, s, "Due (YYYY-MM-DD):", due_answered,
				text) | DRAW_BODY;
	}
	a.meeting_id = x->id;
	a.offender_id = it->offender_id;
	a.text = x->a_text;
	str_copy(a.owner_agency, x->a_agency, sizeof a.owner_agency);
	a.owner_person = x->a_owner;
	str_copy(a.due, text, sizeof a.due);
	if (db_action_add(ui->db, &a) != DB_OK) {
		ui_fmt(x->notice, sizeof x->notice, "NOT ADDED: %s  The action "
		       "is kept: Enter on the line below tries again, Esc "
		       "drops it.", db_errmsg(ui->db));
		ui_error(ui, "Action not added: %s", db_errmsg(ui->db));
		return ask_step(ui, s, "Due (YYYY-MM-DD):", due_answered,
				text) | DRAW_BODY;
	}
	x->notice[0] = '\0';
	ui_msg(ui, "Action %lld added for %s%s%s%s, due %s.", (long long)a.id,
	       a.owner_agency, x->a_owner[0] ? " (" : "", x->a_owner,
	       x->a_owner[0] ? ")" : "", a.due);
	load(ui, x);
	return DRAW_BODY;
}

/* The action's owner by name (issue 16), then its due date. */
static unsigned
owner_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);
	mdate d;
	char buf[MDATE_BUFSZ];

	if (!ok) {
		x->notice[0] = '\0';
		return DRAW_BODY;
	}
	str_copy(x->a_owner, text, sizeof x->a_owner);
	if (date_parse(x->m.date, &d) != 0)
		d = ui->today;
	return ask_step(ui, s, "Due (YYYY-MM-DD):", due_answered,
			date_format(d + 28, buf)) | DRAW_BODY;
}

static unsigned
agency_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);

	if (!ok) {
		x->notice[0] = '\0';
		return DRAW_BODY;
	}
	if (agenda_agency_find(text) == NULL) {
		ui_fmt(x->notice, sizeof x->notice, "NOT ADDED: no agency "
		       "\"%s\" (police, probation, prison, ...).  Yours is on "
		       "the line below: put it right, or Esc drops the "
		       "action.", text);
		ui_error(ui, "No agency \"%s\" (police, probation, prison, "
			 "...).", text);
		return ask_step(ui, s, "Owner agency:", agency_answered,
				text) | DRAW_BODY;
	}
	str_copy(x->a_agency, text, sizeof x->a_agency);
	x->notice[0] = '\0';
	return ask_step(ui, s, "Owner (name; empty: the agency):",
			owner_answered, NULL) | DRAW_BODY;
}

static unsigned
text_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);

	if (!ok || !text[0])
		return DRAW_NONE;
	str_copy(x->a_text, text, sizeof x->a_text);
	return ui_ask_line(ui, s, "Owner agency:", agency_answered, NULL);
}

static unsigned
action(struct ui *ui, struct screen *s)
{
	if (item_of(mm_of(s)) == NULL) {
		ui_error(ui, "Go to a case first (Right).");
		return DRAW_STATUS;
	}
	return ui_ask_line(ui, s, "Action:", text_answered, NULL);
}

/* --- discussed, held --------------------------------------------------- */

/* Mark the page's case discussed (NOW) or not, and move on. */
static unsigned
mark_discussed(struct ui *ui, struct screen *s, bool now)
{
	struct mm *x = mm_of(s);
	const struct db_agenda_item *it = item_of(x);

	if (it == NULL)
		return DRAW_NONE;
	if (db_agenda_discussed(ui->db, it->id, now) != DB_OK) {
		ui_error(ui, "Not marked: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	load(ui, x);
	if (!now) {
		ui_msg(ui, "%s is marked not discussed.", it->ref);
		return DRAW_BODY | DRAW_TITLE | DRAW_STATUS;
	}
	if (x->page < x->it.n + 1)
		return go_page(ui, x, x->page + 1) | DRAW_TITLE;
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
undecided_answered(struct ui *ui, struct screen *s, bool ok,
		   const char *text)
{
	(void)text;
	return ok ? mark_discussed(ui, s, true) : DRAW_NONE;
}

static unsigned
discussed(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);
	const struct db_agenda_item *it = item_of(x);
	char q[160];

	if (it == NULL)
		return DRAW_NONE;
	if (it->discussed) {
		ui_msg(ui, "%s is discussed already (U marks it not "
		       "discussed).", it->ref);
		return DRAW_STATUS;
	}
	if (x->m.status == MEETING_HELD &&
	    x->min.level_decision == DECISION_NONE)
		return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "No level decision "
				  "is recorded for %s.  Mark it discussed "
				  "anyway? (y/n)", it->ref),
				  undecided_answered);
	return mark_discussed(ui, s, true);
}

static unsigned
undiscuss_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)text;
	return ok ? mark_discussed(ui, s, false) : DRAW_NONE;
}

static unsigned
undiscuss(struct ui *ui, struct screen *s)
{
	const struct db_agenda_item *it = item_of(mm_of(s));
	char q[120];

	if (it == NULL)
		return DRAW_NONE;
	if (!it->discussed) {
		ui_msg(ui, "%s is not marked discussed.", it->ref);
		return DRAW_STATUS;
	}
	return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "Mark %s not discussed? "
				       "(y/n)", it->ref), undiscuss_answered);
}

static unsigned
hold_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);

	(void)text;
	if (!ok)
		return DRAW_NONE;
	if (db_meeting_hold(ui->db, x->id, ui->today, NULL) != DB_OK)
		ui_error(ui, "Not held: %s", db_errmsg(ui->db));
	else
		ui_msg(ui, "The meeting is held: it may be minuted.");
	load(ui, x);
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
hold(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);
	char q[160];

	return ui_meeting_ask_hold(ui, s, &x->m, q, sizeof q, hold_answered);
}

static unsigned
to_agenda(struct ui *ui, struct screen *s)
{
	return ui_push(ui, scr_agenda_new(ui, mm_of(s)->id));
}

/* --- the room: people, the agenda at a glance, the record (issue 16) --- */

static unsigned
people(struct ui *ui, struct screen *s)
{
	return ui_push(ui, scr_people_new(ui, mm_of(s)->id));
}

static unsigned
overview(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);

	return ui_push(ui, scr_overview_new(ui, x->id,
					    x->page >= 2 ? x->page - 2 : 0));
}

static unsigned
case_number_answered(struct ui *ui, struct screen *s, bool ok,
		     const char *text)
{
	struct mm *x = mm_of(s);
	char *end;
	long n;

	if (!ok)
		return DRAW_NONE;
	n = strtol(text, &end, 10);
	if (*text == '\0' || *end || n < 1 || n > x->it.n) {
		ui_error(ui, "No case %s on the agenda: 1 to %d.", text,
			 x->it.n);
		return DRAW_STATUS;
	}
	return go_page(ui, x, (int)n + 1) | DRAW_TITLE;
}

static unsigned
goto_case(struct ui *ui, struct screen *s)
{
	if (mm_of(s)->it.n == 0) {
		ui_error(ui, "The agenda is empty.");
		return DRAW_STATUS;
	}
	return ui_ask_line(ui, s, "Go to case number:", case_number_answered,
			   NULL);
}

static unsigned
record(struct ui *ui, struct screen *s)
{
	const struct db_agenda_item *it = item_of(mm_of(s));

	if (it == NULL) {
		ui_error(ui, "Go to a case first (Right, or g and its "
			 "number).");
		return DRAW_STATUS;
	}
	return ui_push(ui, scr_offender_new(ui, it->offender_id));
}

static unsigned
case_actions(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);
	const struct db_agenda_item *it = item_of(x);

	if (it == NULL) {
		ui_error(ui, "Go to a case first (Right, or g and its "
			 "number).");
		return DRAW_STATUS;
	}
	return ui_push(ui, scr_case_actions_new(ui, x->id, it->offender_id));
}

/* The chair approves the minutes, or reopens approved ones as the next
 * version (issue 16). */
static unsigned
approve_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);
	struct db_minutes_state ms;
	enum db_status st;

	(void)text;
	if (!ok)
		return DRAW_STATUS;
	if (db_minutes_state(ui->db, x->id, &ms) != DB_OK) {
		ui_error(ui, "Not changed: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	st = ms.state == MINUTES_APPROVED
		     ? db_minutes_reopen(ui->db, x->id)
		     : db_minutes_approve(ui->db, x->id, ui->today);
	if (st != DB_OK)
		ui_error(ui, "Not changed: %s", db_errmsg(ui->db));
	else if (db_minutes_state(ui->db, x->id, &ms) == DB_OK)
		ui_msg(ui, "The minutes are %s: version %lld.",
		       minutes_state_name(ms.state),
		       (long long)ms.version);
	load(ui, x);
	return DRAW_ALL;
}

static unsigned
approve(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);
	struct db_minutes_state ms;
	char q[200];

	if (db_minutes_state(ui->db, x->id, &ms) != DB_OK) {
		ui_error(ui, "The minutes cannot be read: %s",
			 db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	if (ms.state == MINUTES_APPROVED)
		ui_fmt(q, sizeof q, "Reopen the approved minutes (version "
		       "%lld) as a draft of version %lld?",
		       (long long)ms.version, (long long)ms.version + 1);
	else
		ui_fmt(q, sizeof q, "Approve the minutes, version %lld, as "
		       "chaired by %s?", (long long)ms.version,
		       x->m.chair[0] ? x->m.chair : "(no chair recorded)");
	return ui_ask_yes(ui, s, q, approve_answered);
}

static const struct ui_handler mm_handlers[] = {
	{ A_MEET_NEXT, 0, next_page, "next" },
	{ A_MEET_PREV, 0, prev_page, "back" },
	{ A_MEET_SET, NEED_WRITE, set, "set" },
	{ A_MEET_LEVEL, NEED_WRITE, level, "level" },
	{ A_MEET_ACTION, NEED_WRITE, action, "action" },
	{ A_MEET_DISCUSSED, NEED_WRITE, discussed, "discussed" },
	{ A_MEET_UNDISCUSS, NEED_WRITE, undiscuss, NULL },
	{ A_MEET_HOLD, NEED_WRITE, hold, "held" },
	{ A_AGENDA, NEED_WRITE, to_agenda, "agenda" },
	{ A_MEET_OVERVIEW, 0, overview, "overview" },
	{ A_MEET_GOTO_CASE, 0, goto_case, "go to" },
	{ A_MEET_PEOPLE, 0, people, "people" },
	{ A_MEET_ACTIONS, 0, case_actions, "actions" },
	{ A_MEET_RECORD, 0, record, "record" },
	{ A_MEET_APPROVE, NEED_WRITE, approve, "approve" },
	{ A_UP, 0, up, NULL },
	{ A_DOWN, 0, down, NULL },
	{ A_PAGE_UP, 0, page_up, NULL },
	{ A_PAGE_DOWN, 0, page_down, NULL },
	{ A_NONE, 0, NULL, NULL },
};

/* --- drawing: large, plain, high contrast ------------------------------ */

/* Write TEXT wrapped in WIDTH columns from row *Y, at most to row LAST. */
static void
wrap(int *y, int x0, int width, int last, const char *text, attr_t a)
{
	const char *p = text;

	while (*p && *y <= last) {
		int used;
		size_t n = text_fit(p, width, &used), cut = n;
		char line[512];

		if (p[n]) {
			for (size_t i = n; i > 0; i--)
				if (p[i - 1] == ' ') {
					cut = i;
					break;
				}
		}
		if (cut == 0)
			cut = n ? n : 1;
		str_copy(line, p, cut + 1 < sizeof line ? cut + 1
							: sizeof line);
		ui_put((*y)++, x0, width, line, a, PUT_PAD);
		p += cut;
		while (*p == ' ')
			p++;
	}
}

static int discussed_count(const struct mm *x);

static void
mm_title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct mm *x = mm_of(s);

	(void)ui;
	/* The progress first, so that a narrow terminal keeps it. */
	ui_fmt(buf, n, "Meeting %lld: %d of %d discussed; Level %d, %s (%s)",
	       (long long)x->id, discussed_count(x), x->it.n, x->m.level,
	       x->m.date, meeting_status_name(x->m.status));
}

static int
discussed_count(const struct mm *x)
{
	int n = 0;

	for (int i = 0; i < x->it.n; i++)
		n += x->it.v[i].discussed;
	return n;
}

/* The column the minutes' text starts at, and its width. */
#define TEXT_X 4
static int
text_cols(const struct ui *ui)
{
	return ui->cols - TEXT_X - 2;
}

/* Write TEXT (lines, wrapped as the editor wraps them) from row Y at
 * column X0 in WIDTH columns; returns the row after it. */
static int
put_text(int y, int x0, int width, const char *text, attr_t a)
{
	struct editbuf eb;

	eb_init(&eb, MINUTES_LINE_MAX, editor_wrap_width(width));
	if (eb_set(&eb, text) == 0)
		y += editor_draw(&eb, y, x0, width, a, NULL, NULL);
	eb_free(&eb);
	return y;
}

/* Draw minutes row R from row Y of the page: its heading, marked when
 * selected, and its whole text under it (in the editor when edited).
 * Returns the row after it; notes where the selection and the cursor
 * fell. */
static int
draw_heading(struct ui *ui, struct mm *x, int r, int y)
{
	bool sel = r == x->row, editing = x->ed_open && r == x->editing;
	attr_t a = ui_attr(sel ? R_SELECTED : R_NORMAL) | A_BOLD;
	char line[256];
	int top = y;

	ui_blank(y, 0, ui->cols, a);
	ui_put(y, 0, 2, list_marker(sel), a, 0);
	if (r == ROW_REVIEW) {
		ui_put(y++, 2, ui->cols - 2, ui_fmt(line, sizeof line,
		       "Next review: %s", x->min.next_review[0]
		       ? x->min.next_review : "-"), a, PUT_PAD | PUT_ELLIPSIS);
	} else if (editing) {
		int cy, cx;

		ui_put(y++, 2, ui->cols - 2, ui_fmt(line, sizeof line,
		       "%s: editing (F2 or Ctrl-X saves, Esc closes, Ctrl-_ "
		       "undoes)", text_label(r)), a, PUT_PAD | PUT_ELLIPSIS);
		y += editor_draw(&x->ed, y, TEXT_X, text_cols(ui),
				 ui_attr(R_FIELD_FOCUS), &cy, &cx);
		x->cur_row = cy;
		ui->cursor_y = cy;
		ui->cursor_x = cx;
	} else {
		const char *v = x->min.text[r] ? x->min.text[r] : "";

		const char *c = carried(x, r);

		ui_put(y++, 2, ui->cols - 2, text_label(r), a, PUT_PAD);
		if (c != NULL) {
			/* The last meeting's plan, offered to amend. */
			y = put_text(y, TEXT_X, text_cols(ui), ui_fmt(line,
				     sizeof line, "(from the meeting of %s; "
				     "Enter to amend)", x->prev_date),
				     ui_attr(R_NORMAL));
			y = put_text(y, TEXT_X, text_cols(ui), c,
				     ui_attr(R_DIM));
			/* The carried plan, drawn above. */
		} else if (v[0]) {
			struct editbuf eb;

			/* Wrapped as the editor wraps it, so that opening it
			 * moves nothing. */
			eb_init(&eb, MINUTES_LINE_MAX,
				editor_wrap_width(text_cols(ui)));
			if (eb_set(&eb, v) == 0)
				y += editor_draw(&eb, y, TEXT_X, text_cols(ui),
						 ui_attr(R_NORMAL), NULL, NULL);
			eb_free(&eb);
		} else {
			ui_put(y++, TEXT_X, text_cols(ui), "-", ui_attr(R_DIM),
			       PUT_PAD);
		}
	}
	if (sel) {
		x->sel_top = top;
		x->sel_bottom = y - 1;
	}
	return y;
}

/* The briefing of the page's case from row Y (issue 16): who (never for
 * a lay adviser), what a panel asks first, what happened since the last
 * meeting in words, that meeting's decisions and its risk management
 * plan.  Returns the row after it. */
static int
draw_briefing(struct ui *ui, struct mm *x, const struct db_agenda_item *it,
	      int y)
{
	int w = ui->cols - 4;
	char line[512];
	bool offered = false, compared = false;

	ui_put(y++, 2, w, "BRIEFING", ui_attr(R_SECTION) | A_BOLD, PUT_PAD);
	if (!ui->lay)
		y = put_text(y, 4, w - 2, ui_fmt(line, sizeof line, "%s, %s;"
			     " born %s; gender %s; district %s", it->surname,
			     it->forenames, it->dob[0] ? it->dob
			     : "not recorded", it->gender[0] ? it->gender
			     : "not recorded", it->district[0]
			     ? it->district : "-"), ui_attr(R_NORMAL));
	for (int i = 0; i < x->brief.n; i++) {
		const struct cf_line *l = &x->brief.v[i];

		y = put_text(y, 2 + l->indent, w - l->indent, l->text,
			     ui_attr(l->role));
	}
	if (x->prev_id)
		ui_fmt(line, sizeof line, "Since the last meeting (%s):",
		       x->prev_date);
	else
		str_copy(line, "No earlier meeting; the history to this "
			 "meeting:", sizeof line);
	ui_put(y++, 4, w - 2, line, ui_attr(R_NORMAL) | A_BOLD, PUT_PAD);
	for (int i = 0; i < x->nsince; i++)
		y = put_text(y, 6, w - 4, x->since[i], ui_attr(R_NORMAL));
	if (x->nmore)
		ui_put(y++, 6, w - 4, ui_fmt(line, sizeof line, "and %d more "
		       "(c: the record)", x->nmore), ui_attr(R_DIM), PUT_PAD);
	if (x->nsince == 0)
		ui_put(y++, 6, w - 4, "no events recorded", ui_attr(R_DIM),
		       PUT_PAD);
	if (!x->prev_id)
		return y;
	ui_put(y++, 4, w - 2, ui_fmt(line, sizeof line, "The last meeting's "
	       "decisions (%s): level: %s", x->prev_date,
	       x->prev_level != DECISION_NONE
	       ? level_decision_name(x->prev_level) : "none recorded"),
	       ui_attr(R_NORMAL) | A_BOLD, PUT_PAD | PUT_ELLIPSIS);
	if (x->prev_decision)
		y = put_text(y, 6, w - 4, x->prev_decision,
			     ui_attr(R_NORMAL));
	/* Its plan: under this meeting's empty headings, offered (below);
	 * here beside those amended already, to compare. */
	for (int r = 0; r < DB_MIN_TEXTS; r++) {
		if (!is_rmp(r) || x->prev.text[r] == NULL ||
		    !x->prev.text[r][0])
			continue;
		if (carried(x, r)) {
			offered = true;
			continue;
		}
		compared = true;
		ui_put(y++, 4, w - 2, ui_fmt(line, sizeof line, "%s, as of %s:",
		       text_label(r), x->prev_date), ui_attr(R_DIM) | A_BOLD,
		       PUT_PAD | PUT_ELLIPSIS);
		y = put_text(y, 6, w - 4, x->prev.text[r], ui_attr(R_DIM));
	}
	if (offered)
		y = put_text(y, 4, w - 2, compared
			     ? "The rest of its risk management plan is "
			       "offered under the RMP headings below, to amend."
			     : "Its risk management plan is offered under the "
			       "RMP headings below, to amend.",
			     ui_attr(R_NORMAL));
	return y;
}

/* Draw the page's case from row Y, whole (the screen clips it); returns
 * the row after it. */
static int
draw_case(struct ui *ui, struct mm *x, int y, int last)
{
	const struct db_agenda_item *it = item_of(x);
	int w = ui->cols - 4;
	char line[512];

	if (it == NULL)
		return y;
	ui_put(y++, 2, w, ui_fmt(line, sizeof line, "On the agenda for: %s"
	       "   next review %s   lead %s", agenda_reason_name(it->reason),
	       it->next_review[0] ? it->next_review : "none",
	       it->lead_agency[0] ? agenda_agency_label(it->lead_agency)
				  : "not recorded"),
	       ui_attr(R_NORMAL), PUT_PAD | PUT_ELLIPSIS);
	y = draw_briefing(ui, x, it, y);
	if (y <= last)
		ui_put(y++, 2, w, x->nacts ? "Open actions (A: review them: "
		       "done, carried forward, dropped):" : "Open actions: "
		       "none", ui_attr(R_SECTION) | A_BOLD, PUT_PAD |
		       PUT_ELLIPSIS);
	for (int i = 0; i < x->nacts && y <= last; i++)
		y = put_text(y, 4, w - 2, x->acts[i], ui_attr(R_NORMAL));
	if (y <= last)
		ui_put(y++, 2, w, ui_fmt(line, sizeof line, "LEVEL DECISION: "
		       "%s", x->d_shown[0] ? x->d_shown : "not yet made (L)"),
		       ui_attr(R_SECTION) | A_BOLD, PUT_PAD);
	/* The exit kinds while one is picked, as the command line names
	 * them. */
	for (int k = 1; x->d_kinds && k <= ev_kind_count(EV_EXIT) &&
	     y <= last; k++)
		ui_put(y++, 4, w - 2, ui_fmt(line, sizeof line, "%d  %s", k,
		       ev_kind_name(EV_EXIT, k)), ui_attr(R_NORMAL) | A_BOLD,
		       PUT_PAD);
	/* The minutes: each heading, its whole text wrapped under it. */
	for (int r = 0; r < CASE_ROWS; r++)
		y = draw_heading(ui, x, r, y);
	return y;
}

/* The case page, drawn whole from row x->scroll of it and clipped to the
 * body; drawn again when the selection or the cursor fell outside. */
static void
draw_page(struct ui *ui, struct mm *x, int top, int last)
{
	const struct db_agenda_item *it = item_of(x);
	char line[512];
	int rows;

	/* A collision or a refusal stays in sight above the page, however
	 * far down it is scrolled. */
	if (x->notice[0] && top < last) {
		ui_put(top, 0, ui->cols, x->notice, ui_attr(R_ERROR) | A_BOLD,
		       PUT_PAD | PUT_ELLIPSIS);
		top++;
	}
	/* And which case this is. */
	if (it != NULL && top < last) {
		ui_put(top++, 0, ui->cols, ui_fmt(line, sizeof line, " CASE %d "
		       "OF %d:  %s  %s, %s   Category %d  Level %d  %s%s",
		       x->page - 1, x->it.n, it->ref, it->surname,
		       it->forenames, it->category, it->level,
		       case_status_name(it->status),
		       it->discussed ? "  [discussed]" : ""),
		       ui_attr(R_TITLE) | A_BOLD, PUT_PAD | PUT_ELLIPSIS);
	}
	rows = last - top + 1;

	for (int pass = 0; pass < 2; pass++) {
		int want = x->scroll, end;

		ui_clip(top, last);
		for (int r = top; r <= last; r++)
			ui_blank(r, 0, ui->cols, A_NORMAL);
		ui->cursor_y = -1;
		x->sel_top = x->sel_bottom = x->cur_row = -1;
		end = draw_case(ui, x, top - x->scroll, INT_MAX / 2) +
		      x->scroll;
		ui_clip_off();
		if (ui->cursor_y >= 0 && (ui->cursor_y < top ||
					  ui->cursor_y > last))
			ui->cursor_y = -1;
		/* Page rows, from 0 at the top of the page. */
		if (x->follow && x->cur_row >= 0) {
			int c = x->cur_row - top + x->scroll;
			int h = x->sel_top - top + x->scroll;
			int b = x->sel_bottom - top + x->scroll;

			if (c < want)
				want = c;
			if (c >= want + rows)
				want = c - rows + 1;
			/* The heading too, when it fits with the cursor. */
			if (h < want && c - h < rows)
				want = h;
			/* And the rest of its text, when the whole fits. */
			if (b >= want + rows && b - h < rows)
				want = b - rows + 1;
		} else if (x->follow && x->sel_top >= 0) {
			int h = x->sel_top - top + x->scroll;
			int b = x->sel_bottom - top + x->scroll;

			if (b >= want + rows)
				want = b - rows + 1;
			if (h < want || b - h >= rows)
				want = h;
		}
		if (want > end - top - rows)
			want = end - top - rows;
		if (want < 0)
			want = 0;
		if (want == x->scroll)
			break;
		x->scroll = want;
	}
}

static void
mm_draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct mm *x = mm_of(s);
	int y = UI_BODY_TOP, last = UI_BODY_TOP + ui_body_rows(ui) - 1;
	char line[256];

	if (!(what & (DRAW_BODY | DRAW_CURSOR | DRAW_ALL)))
		return;
	for (int r = y; r <= last; r++)
		ui_blank(r, 0, ui->cols, A_NORMAL);
	if (x->page == 0) {
		ui_put(y++, 0, ui->cols, " CONFIDENTIALITY AND DIVERSITY",
		       ui_attr(R_TITLE) | A_BOLD, PUT_PAD);
		y++;
		wrap(&y, 4, ui->cols - 8, last, x->statement,
		     ui_attr(R_NORMAL) | A_BOLD);
		y++;
		if (y <= last)
			ui_put(y++, 4, ui->cols - 8, ui_fmt(line, sizeof line,
			       "Chair: %s    Venue: %s    %s %s", x->m.chair,
			       x->m.venue, x->m.date, x->m.time),
			       ui_attr(R_NORMAL), PUT_PAD | PUT_ELLIPSIS);
		if (y <= last)
			ui_put(y++, 4, ui->cols - 8, ui_fmt(line, sizeof line,
			       "Minutes: version %lld, %s%s", (long long)
			       x->ms.version, minutes_state_name(x->ms.state),
			       x->ms.state == MINUTES_APPROVED
			       ? " (Y reopens them)" : " (Y: "
			       "the chair approves them)"), ui_attr(R_NORMAL),
			       PUT_PAD | PUT_ELLIPSIS);
		if (y <= last)
			ui_put(y++, 4, ui->cols - 8, "Right: attendance",
			       ui_attr(R_DIM), PUT_PAD);
		return;
	}
	if (x->page == 1) {
		ui_put(y++, 0, ui->cols, " ATTENDANCE BY AGENCY   (Enter: "
		       "present, apologies, report, absent)",
		       ui_attr(R_TITLE) | A_BOLD, PUT_PAD);
		for (int i = 0; i < x->ag.n && y <= last; i++) {
			const struct agenda_agency *g =
				agenda_agency_find(x->ag.v[i].agency);
			attr_t a = ui_attr(i == x->row ? R_SELECTED
					   : R_NORMAL) | A_BOLD;

			ui_put(y++, 0, ui->cols, ui_fmt(line, sizeof line,
			       "%s %-40s %-10s %s", list_marker(i == x->row),
			       g ? g->name : x->ag.v[i].agency,
			       x->ag.v[i].attendance >= 0
			       ? agenda_attendance_name(x->ag.v[i].attendance)
			       : "-",
			       x->ag.v[i].invited ? "" : "(not invited)"),
			       a, PUT_PAD | PUT_ELLIPSIS);
		}
		if (x->ag.n == 0 && y <= last)
			ui_put(y++, 2, ui->cols - 2, "No agencies invited.",
			       ui_attr(R_DIM), PUT_PAD);
		return;
	}
	draw_page(ui, x, y, last);
}

/* --- the screen's life ------------------------------------------------- */

static unsigned
mm_changed(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);

	/* An edit under way keeps its own base: the text is untouched, and
	 * the page stays on its case should the agenda be reordered. */
	load(ui, x);
	if (x->editing >= 0) {
		for (int i = 0; i < x->it.n; i++)
			if (x->it.v[i].id == x->ebase.item_id &&
			    x->page != i + 2) {
				x->page = i + 2;
				load_case(ui, x);
			}
	}
	if (x->row >= rows_of(x))
		x->row = rows_of(x) > 0 ? rows_of(x) - 1 : 0;
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
mm_resumed(struct ui *ui, struct screen *s, int result)
{
	struct mm *x = mm_of(s);

	load(ui, x);
	/* The agenda at a glance chose a case. */
	if (result >= UI_RESULT_GOTO_CASE &&
	    result - UI_RESULT_GOTO_CASE < x->it.n)
		go_page(ui, x, result - UI_RESULT_GOTO_CASE + 2);
	return DRAW_ALL;
}

static void
mm_destroy(struct screen *s)
{
	struct mm *x = mm_of(s);

	ed_close(x);
	db_minutes_clear(&x->min);
	forget_briefing(x);
	free(x->brief.v);
	db_list_free(&x->ag);
	db_list_free(&x->it);
	free(x);
	free(s);
}

static const struct screen_ops mm_ops = {
	.name = "Meeting mode",
	.ctx = CTX_MEETING,
	.handlers = mm_handlers,
	.title = mm_title,
	.draw = mm_draw,
	.changed = mm_changed,
	.resumed = mm_resumed,
	.unsaved = mm_unsaved,
	.editing = mm_editing,
	.edit_handlers = ed_handlers,
	.input = mm_input,
	.destroy = mm_destroy,
};

struct screen *
scr_meeting_new(struct ui *ui, int64_t id)
{
	struct mm *x;
	struct screen *s = ui_screen_new(ui, &mm_ops, sizeof *x);
	int n;

	if (s == NULL)
		return NULL;
	x = s->data;
	x->id = id;
	x->editing = -1;
	if (!load(ui, x)) {
		mm_destroy(s);
		return NULL;
	}
	/* Resume at the first case not yet discussed. */
	n = discussed_count(x);
	if (n > 0) {
		int i = 0;

		while (i < x->it.n && x->it.v[i].discussed)
			i++;
		go_page(ui, x, 2 + (i < x->it.n ? i : x->it.n - 1));
	}
	return s;
}
