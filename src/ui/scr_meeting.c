/*
 * scr_meeting.c -- a MAPP meeting as it sits (issue 7), and its agenda
 * builder.
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
 * Text is typed on the message line, prefilled with what is stored.
 * The minutes are saved by the data layer's three-way merge from the
 * minutes as they were when the edit began, so the coordinator's
 * changes made meanwhile are kept; a collision is shown and the line
 * opens again with the text as typed.  Others' saves appear within the
 * loop's poll of PRAGMA data_version (changed()), which never touches a
 * line being typed.
 *
 * The agenda builder lists the agenda and, below it, the cases the
 * data layer proposes (referrals awaiting their initial meeting and
 * reviews falling due, overdue first): add, remove, move up and down,
 * or add any case by its reference.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/event.h"
#include "core/process.h"
#include "core/util.h"
#include "ui/text.h"
#include "ui/ui.h"

#define MAX_AGENCIES 32
#define MAX_LINES 12

/* What a line of the minutes takes, typed on the message line (it scrolls
 * sideways): a paragraph. */
#define MINUTES_LINE_MAX 4000

/* What the reason for a level change takes, as the event form's. */
#define REASON_MAX 1000

static const char statement[] =
	"This meeting is confidential.  What is shared here is shared to "
	"protect the public and is used for no other purpose; it is not to "
	"be passed on without the chair's agreement.  Minutes are "
	"OFFICIAL-SENSITIVE.  Decisions are made on risk alone: everyone "
	"is treated fairly whatever their age, disability, gender, race, "
	"religion or belief, or sexual orientation, and anyone may say so "
	"when they think otherwise.";

static const char *const attendance_cycle[] = { "present", "apologies",
						"report", "absent" };

static const char *const text_labels[DB_MIN_TEXTS] = {
	"Decision", "Rationale", "Dissent",
	"RMP: supervision", "RMP: monitoring and control",
	"RMP: interventions and treatment", "RMP: victim safety",
	"Contingencies", "Victim issues", "Disclosure",
};
#define ROW_REVIEW DB_MIN_TEXTS
#define CASE_ROWS (DB_MIN_TEXTS + 1)

struct mm {
	int64_t id;
	struct db_meeting m;
	struct db_meeting_agency ag[MAX_AGENCIES];
	int nag;
	struct db_agenda_item *it;
	int nit, cap;
	int page;                 /* 0 statement, 1 attendance, 2+ a case */
	int row;                  /* the selection on the page */
	struct db_minutes min;    /* the page's case's, as stored */
	struct db_minutes ebase;  /* as they were when the edit began */
	int editing;              /* the row typed on the line, or -1 */
	char since[MAX_LINES][160], acts[MAX_LINES][200];
	int nsince, nacts;
	/* An action or a decision asked for in steps: */
	char a_text[256], a_agency[32], decision[64];
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
	char d_word[16], d_words[96], d_shown[96];
	int d_level, d_kind;
	bool d_replace;
	bool d_kinds;             /* the exit kinds listed on the page */
	char notice[320];         /* a collision, shown on the page, or "" */
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

	return i >= 0 && i < x->nit ? &x->it[i] : NULL;
}

/* --- reading ----------------------------------------------------------- */

static int
collect_agency(void *ctx, const struct db_meeting_agency *a)
{
	struct mm *x = ctx;

	if (x->nag < MAX_AGENCIES)
		x->ag[x->nag++] = *a;
	return 0;
}

static int
collect_item(void *ctx, const struct db_agenda_item *it)
{
	struct mm *x = ctx;

	if (x->nit == x->cap) {
		int nc = x->cap ? x->cap * 2 : 16;
		struct db_agenda_item *v = realloc(x->it,
						   (size_t)nc * sizeof *v);

		if (v == NULL)
			return 1;
		x->it = v;
		x->cap = nc;
	}
	x->it[x->nit++] = *it;
	return 0;
}

/* The last meeting before this one (date into the context). */
static int
collect_last(void *ctx, const struct db_case_meeting *cm)
{
	struct mm *x = ctx;

	if (cm->id != x->id && strcmp(cm->date, x->m.date) < 0 &&
	    strcmp(cm->status, "held") == 0) {
		str_copy(x->since[0], cm->date, sizeof x->since[0]);
		str_copy(x->since[1], cm->decision ? cm->decision : "",
			 sizeof x->since[1]);
	}
	return 0;
}

static int
collect_action(void *ctx, const struct db_case_action *a)
{
	struct mm *x = ctx;

	if (x->nacts < MAX_LINES)
		ui_fmt(x->acts[x->nacts++], sizeof x->acts[0], "%s  %-12s %s",
		       a->due, a->owner_agency, a->text ? a->text : "");
	return 0;
}

/* The summary of the page's case: what happened since its last held
 * meeting, and its open actions. */
static void
load_case(struct ui *ui, struct mm *x)
{
	const struct db_agenda_item *it = item_of(x);
	char last[MDATE_BUFSZ], decision[160], d[MDATE_BUFSZ];
	struct ev *evs = NULL;
	size_t n = 0;
	int64_t oid;
	mdate from = MDATE_NONE, to = MDATE_NONE;

	x->nsince = x->nacts = 0;
	db_minutes_clear(&x->min);
	memset(&x->min, 0, sizeof x->min);
	if (it == NULL)
		return;
	if (db_minutes_get(ui->db, it->id, &x->min) != DB_OK)
		ui_error(ui, "The minutes cannot be read: %s",
			 db_errmsg(ui->db));
	/* The recorded decision in words; its event set the case's level. */
	if (strcmp(x->min.level_decision, "stay") == 0)
		ui_fmt(x->d_shown, sizeof x->d_shown, "stay at Level %d",
		       it->level);
	else if (strcmp(x->min.level_decision, "exit") == 0)
		str_copy(x->d_shown, "exit from MAPPA", sizeof x->d_shown);
	else if (x->min.level_decision[0])
		ui_fmt(x->d_shown, sizeof x->d_shown, "%s to Level %d",
		       x->min.level_decision, it->level);
	else
		x->d_shown[0] = '\0';
	x->since[0][0] = x->since[1][0] = '\0';
	db_case_meetings(ui->db, it->offender_id, collect_last, x);
	str_copy(last, x->since[0], sizeof last);
	str_copy(decision, x->since[1], sizeof decision);
	if (last[0]) {
		ui_fmt(x->since[x->nsince++], sizeof x->since[0], "Last "
		       "meeting %s: %s", last, decision[0] ? decision
							   : "no decision "
							     "minuted");
		date_parse(last, &from);
	} else {
		str_copy(x->since[x->nsince++], "No earlier meeting.",
			 sizeof x->since[0]);
	}
	date_parse(x->m.date, &to);
	if (db_offender_find(ui->db, it->ref, &oid, NULL, &evs, &n) == DB_OK)
		for (size_t i = 0; i < n && x->nsince < MAX_LINES; i++) {
			const char *k = ev_kind_name(evs[i].type, evs[i].kind);

			if ((from != MDATE_NONE && evs[i].date <= from) ||
			    (to != MDATE_NONE && evs[i].date > to))
				continue;
			ui_fmt(x->since[x->nsince++], sizeof x->since[0],
			       "%s  %s%s%s", date_format(evs[i].date, d),
			       ev_type_name(evs[i].type), k ? ": " : "",
			       k ? k : "");
		}
	free(evs);
	db_case_actions(ui->db, it->offender_id, true, collect_action, x);
}

static bool
load(struct ui *ui, struct mm *x)
{
	if (db_meeting_get(ui->db, x->id, &x->m) != DB_OK) {
		ui_error(ui, "Meeting %lld cannot be read: %s",
			 (long long)x->id, db_errmsg(ui->db));
		return false;
	}
	x->nag = x->nit = 0;
	if (db_meeting_agencies(ui->db, x->id, collect_agency, x) != DB_OK ||
	    db_agenda_list(ui->db, x->id, collect_item, x) != DB_OK) {
		ui_error(ui, "Meeting %lld cannot be read: %s",
			 (long long)x->id, db_errmsg(ui->db));
		return false;
	}
	if (x->page > x->nit + 1)
		x->page = x->nit + 1;
	load_case(ui, x);
	return true;
}

/* --- pages ------------------------------------------------------------- */

static int
rows_of(const struct mm *x)
{
	if (x->page == 1)
		return x->nag;
	if (x->page >= 2)
		return CASE_ROWS;
	return 0;
}

static unsigned
go_page(struct ui *ui, struct mm *x, int page)
{
	if (page < 0 || page > x->nit + 1)
		return DRAW_NONE;
	x->page = page;
	x->row = 0;
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
	return DRAW_BODY;
}

static unsigned
down(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);

	(void)ui;
	if (x->row + 1 < rows_of(x))
		x->row++;
	return DRAW_BODY;
}

/* --- attendance -------------------------------------------------------- */

static unsigned
set_attendance(struct ui *ui, struct mm *x)
{
	struct db_meeting_agency *a = &x->ag[x->row];
	const char *next = attendance_cycle[0];

	for (int i = 0; i < 4; i++)
		if (strcmp(a->attendance, attendance_cycle[i]) == 0)
			next = attendance_cycle[(i + 1) % 4];
	if (db_meeting_attendance(ui->db, x->id, a->agency, a->attendance,
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

static unsigned
row_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);
	const struct db_agenda_item *it = item_of(x);
	struct db_minutes m;
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
	minutes_copy(&m, &x->ebase);
	m.item_id = it->id;
	if (r == ROW_REVIEW) {
		str_copy(m.next_review, text, sizeof m.next_review);
	} else {
		free(m.text[r]);
		m.text[r] = text[0] ? strdup(text) : NULL;
	}
	if (db_minutes_save(ui->db, &x->ebase, &m) != DB_OK) {
		/* Nothing lost: the line opens again as typed (TEXT is the
		 * asker's copy, whole, until this returns). */
		ui_fmt(x->notice, sizeof x->notice, "NOT SAVED: %s  Yours is "
		       "on the line below: Enter saves it over theirs, Esc "
		       "drops it.", db_errmsg(ui->db));
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		db_minutes_clear(&m);
		db_minutes_clear(&x->ebase);
		load(ui, x);
		x->row = r;
		return ask_row(ui, s, text) | DRAW_BODY;
	}
	db_minutes_clear(&m);
	db_minutes_clear(&x->ebase);
	x->notice[0] = '\0';
	ui_msg(ui, "%s saved.", r == ROW_REVIEW ? "Next review"
						: text_labels[r]);
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
	       ? "Next review (YYYY-MM-DD)" : text_labels[x->row]);
	d = ui_ask_text(ui, s, label, MINUTES_LINE_MAX, row_answered, NULL);
	field_set(&ui->ask.f, text);
	return d;
}

static unsigned
set(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);

	if (x->page == 1 && x->row < x->nag)
		return set_attendance(ui, x);
	if (item_of(x) == NULL)
		return DRAW_NONE;
	if (strcmp(x->m.status, "held") != 0) {
		ui_error(ui, "The meeting is not held yet: H marks it held.");
		return DRAW_STATUS;
	}
	if (x->row == ROW_REVIEW)
		return ask_row(ui, s, x->min.next_review);
	return ask_row(ui, s, x->min.text[x->row] ? x->min.text[x->row]
						  : "");
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
 * Read the decision typed in X->decision into *D (word and level), the
 * case at LEVEL: the resulting level into *TO (0 after an exit), said in
 * words into WORDS.  False with a sentence in WHY when it cannot be.
 */
static bool
parse_decision(const struct mm *x, int level, struct db_level_decision *d,
	       char *word, size_t nword, int *to, char *words, size_t nwords,
	       char *why, size_t nwhy)
{
	char w1[16] = "", w2[16] = "", w3[16] = "";
	int n = sscanf(x->decision, "%15s %15s %15s", w1, w2, w3);
	const char *num = NULL;

	d->level = 0;
	if (n < 1) {
		str_copy(why, "no decision: stay, up, down, to N or exit", nwhy);
		return false;
	}
	if (strcmp(w1, "to") == 0) {
		/* "to N": up or down, whichever it is. */
		num = w2;
		str_copy(word, atoi(w2) > level ? "up" : "down", nword);
	} else {
		str_copy(word, w1, nword);
		num = strcmp(w2, "to") == 0 ? w3 : w2;
	}
	if ((strcmp(word, "up") == 0 || strcmp(word, "down") == 0) &&
	    num[0]) {
		if (num[0] < '1' || num[0] > '3' || num[1]) {
			str_printf(why, nwhy, "\"%s\" is not a level (1, 2 or "
				   "3)", num);
			return false;
		}
		d->level = num[0] - '0';
	}
	*to = process_decided_level(word, level, d->level, why, nwhy);
	if (*to < 0)
		return false;
	if (strcmp(word, "stay") == 0)
		str_printf(words, nwords, "stay at Level %d", level);
	else if (strcmp(word, "exit") == 0)
		str_copy(words, "exit from MAPPA", nwords);
	else
		str_printf(words, nwords, "%s to Level %d", word, *to);
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
	d.decision = x->d_word;
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
		if (it && x->min.level_decision[0] && !x->d_replace) {
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
		       "drops it.", it ? it->level : 0, it ? it->status : "?");
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
	if (!parse_decision(x, it->level, &d, x->d_word, sizeof x->d_word,
			    &to, x->d_words, sizeof x->d_words, why,
			    sizeof why)) {
		/* Refused before anything is saved: it opens as typed. */
		ui_fmt(x->notice, sizeof x->notice, "NOT A DECISION: %s.  "
		       "Yours is on the line below: put it right, or Esc.",
		       why);
		ui_error(ui, "Not a decision: %s.", why);
		return ask_decision(ui, s, text) | DRAW_BODY;
	}
	x->notice[0] = '\0';
	x->d_level = d.level;
	x->d_kind = 0;
	if (strcmp(x->d_word, "stay") == 0)
		return decide(ui, s, NULL);
	if (strcmp(x->d_word, "exit") == 0)
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
	if (item_of(x) && strcmp(x->m.status, "held") != 0) {
		ui_error(ui, "The meeting is not held yet: H marks it held.");
		return DRAW_STATUS;
	}
	if (item_of(x) && x->min.level_decision[0])
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
	ui_msg(ui, "Action %lld added for %s, due %s.", (long long)a.id,
	       a.owner_agency, a.due);
	load(ui, x);
	return DRAW_BODY;
}

static unsigned
agency_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mm *x = mm_of(s);
	mdate d;
	char buf[MDATE_BUFSZ];

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
	if (date_parse(x->m.date, &d) != 0)
		d = ui->today;
	return ask_step(ui, s, "Due (YYYY-MM-DD):", due_answered,
			date_format(d + 28, buf)) | DRAW_BODY;
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
	if (x->page < x->nit + 1)
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
	if (strcmp(x->m.status, "held") == 0 && !x->min.level_decision[0])
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
	{ A_UP, 0, up, NULL },
	{ A_DOWN, 0, down, NULL },
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
	       (long long)x->id, discussed_count(x), x->nit, x->m.level,
	       x->m.date, x->m.status);
}

static int
discussed_count(const struct mm *x)
{
	int n = 0;

	for (int i = 0; i < x->nit; i++)
		n += x->it[i].discussed;
	return n;
}

static void
draw_case(struct ui *ui, struct mm *x, int y, int last)
{
	const struct db_agenda_item *it = item_of(x);
	int w = ui->cols - 4;
	char line[512];

	if (it == NULL)
		return;
	if (x->notice[0])
		ui_put(y++, 0, ui->cols, x->notice, ui_attr(R_ERROR) | A_BOLD,
		       PUT_PAD | PUT_ELLIPSIS);
	ui_put(y++, 0, ui->cols, ui_fmt(line, sizeof line, " CASE %d OF %d:"
	       "  %s  %s, %s   Category %d  Level %d  %s%s", x->page - 1,
	       x->nit, it->ref, it->surname, it->forenames, it->category,
	       it->level, it->status, it->discussed ? "  [discussed]" : ""),
	       ui_attr(R_TITLE) | A_BOLD, PUT_PAD | PUT_ELLIPSIS);
	ui_put(y++, 2, w, ui_fmt(line, sizeof line, "On the agenda for: %s"
	       "   next review %s   lead %s", it->reason,
	       it->next_review[0] ? it->next_review : "none",
	       it->lead_agency), ui_attr(R_NORMAL), PUT_PAD | PUT_ELLIPSIS);
	for (int i = 0; i < x->nsince && y <= last; i++)
		ui_put(y++, 2, w, x->since[i], ui_attr(R_NORMAL),
		       PUT_PAD | PUT_ELLIPSIS);
	if (y <= last)
		ui_put(y++, 2, w, x->nacts ? "Open actions:"
		       : "Open actions: none", ui_attr(R_SECTION) | A_BOLD,
		       PUT_PAD);
	for (int i = 0; i < x->nacts && y <= last; i++)
		ui_put(y++, 4, w - 2, x->acts[i], ui_attr(R_NORMAL),
		       PUT_PAD | PUT_ELLIPSIS);
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
	/* The minutes, the selected row marked; the view follows it. */
	int room = last - y + 1, first = 0;

	if (room <= 0)
		return;
	if (x->row >= room)
		first = x->row - room + 1;
	for (int r = first; r < CASE_ROWS && y <= last; r++) {
		const char *label = r == ROW_REVIEW ? "Next review"
						    : text_labels[r];
		const char *v = r == ROW_REVIEW ? x->min.next_review
			: x->min.text[r] ? x->min.text[r] : "";
		attr_t a = ui_attr(r == x->row ? R_SELECTED : R_NORMAL);

		ui_blank(y, 0, ui->cols, a);
		ui_put(y, 0, 2, r == x->row ? ">" : " ", a, 0);
		ui_put(y, 2, 34, label, a | A_BOLD, PUT_PAD);
		ui_put(y, 36, ui->cols - 37, v[0] ? v : "-", a,
		       PUT_PAD | PUT_ELLIPSIS);
		y++;
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
		wrap(&y, 4, ui->cols - 8, last, statement,
		     ui_attr(R_NORMAL) | A_BOLD);
		y++;
		if (y <= last)
			ui_put(y++, 4, ui->cols - 8, ui_fmt(line, sizeof line,
			       "Chair: %s    Venue: %s    %s %s", x->m.chair,
			       x->m.venue, x->m.date, x->m.time),
			       ui_attr(R_NORMAL), PUT_PAD | PUT_ELLIPSIS);
		if (y <= last)
			ui_put(y++, 4, ui->cols - 8, "Right: attendance",
			       ui_attr(R_DIM), PUT_PAD);
		return;
	}
	if (x->page == 1) {
		ui_put(y++, 0, ui->cols, " ATTENDANCE BY AGENCY   (Enter: "
		       "present, apologies, report, absent)",
		       ui_attr(R_TITLE) | A_BOLD, PUT_PAD);
		for (int i = 0; i < x->nag && y <= last; i++) {
			const struct agenda_agency *g =
				agenda_agency_find(x->ag[i].agency);
			attr_t a = ui_attr(i == x->row ? R_SELECTED
					   : R_NORMAL) | A_BOLD;

			ui_put(y++, 0, ui->cols, ui_fmt(line, sizeof line,
			       "%s %-40s %-10s %s", i == x->row ? ">" : " ",
			       g ? g->name : x->ag[i].agency,
			       x->ag[i].attendance[0] ? x->ag[i].attendance
			       : "-", x->ag[i].invited ? "" : "(not invited)"),
			       a, PUT_PAD | PUT_ELLIPSIS);
		}
		if (x->nag == 0 && y <= last)
			ui_put(y++, 2, ui->cols - 2, "No agencies invited.",
			       ui_attr(R_DIM), PUT_PAD);
		return;
	}
	draw_case(ui, x, y, last);
}

/* --- the screen's life ------------------------------------------------- */

static unsigned
mm_changed(struct ui *ui, struct screen *s)
{
	struct mm *x = mm_of(s);

	/* An edit under way keeps its own base: the line is untouched. */
	load(ui, x);
	if (x->row >= rows_of(x))
		x->row = rows_of(x) > 0 ? rows_of(x) - 1 : 0;
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
mm_resumed(struct ui *ui, struct screen *s, int result)
{
	(void)result;
	load(ui, mm_of(s));
	return DRAW_ALL;
}

static void
mm_destroy(struct screen *s)
{
	struct mm *x = mm_of(s);

	db_minutes_clear(&x->min);
	db_minutes_clear(&x->ebase);
	free(x->it);
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
	.destroy = mm_destroy,
};

struct screen *
scr_meeting_new(struct ui *ui, int64_t id)
{
	struct screen *s = calloc(1, sizeof *s);
	struct mm *x = calloc(1, sizeof *x);
	int n;

	if (s == NULL || x == NULL) {
		free(s);
		free(x);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	s->ops = &mm_ops;
	s->data = x;
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

		while (i < x->nit && x->it[i].discussed)
			i++;
		go_page(ui, x, 2 + (i < x->nit ? i : x->nit - 1));
	}
	return s;
}

/* --- the agenda builder ------------------------------------------------ */

struct ab {
	int64_t id;
	struct db_meeting m;
	struct mm items;            /* the agenda (its it/nit only) */
	struct db_agenda_proposal *p;
	int np, pcap;
	int cur;                    /* items first, then proposals */
	/* A case being added by reference, awaiting its reason or a yes: */
	int64_t add_oid, add_referral;
	char add_ref[DB_REF_MAX];
	char add_reason[16];
};

static struct ab *
ab_of(const struct screen *s)
{
	return s->data;
}

static int
collect_proposal(void *ctx, const struct db_agenda_proposal *p)
{
	struct ab *b = ctx;

	if (b->np == b->pcap) {
		int nc = b->pcap ? b->pcap * 2 : 16;
		struct db_agenda_proposal *v = realloc(b->p,
						       (size_t)nc * sizeof *v);

		if (v == NULL)
			return 1;
		b->p = v;
		b->pcap = nc;
	}
	b->p[b->np++] = *p;
	return 0;
}

static bool
ab_load(struct ui *ui, struct ab *b)
{
	b->items.nit = 0;
	b->np = 0;
	if (db_meeting_get(ui->db, b->id, &b->m) != DB_OK ||
	    db_agenda_list(ui->db, b->id, collect_item, &b->items) != DB_OK) {
		ui_error(ui, "The agenda cannot be read: %s",
			 db_errmsg(ui->db));
		return false;
	}
	if (strcmp(b->m.status, "cancelled") != 0 &&
	    db_agenda_propose(ui->db, b->id, ui->today, &ui->holidays,
			      collect_proposal, b) != DB_OK)
		ui_error(ui, "No proposal: %s", db_errmsg(ui->db));
	if (b->cur >= b->items.nit + b->np)
		b->cur = b->items.nit + b->np - 1;
	if (b->cur < 0)
		b->cur = 0;
	return true;
}

static bool
ab_has_row(const struct screen *s)
{
	const struct ab *b = ab_of(s);

	return b->cur < b->items.nit + b->np;
}

static unsigned
ab_up(struct ui *ui, struct screen *s)
{
	(void)ui;
	if (ab_of(s)->cur > 0)
		ab_of(s)->cur--;
	return DRAW_BODY;
}

static unsigned
ab_down(struct ui *ui, struct screen *s)
{
	struct ab *b = ab_of(s);

	(void)ui;
	if (b->cur + 1 < b->items.nit + b->np)
		b->cur++;
	return DRAW_BODY;
}

/* After adding proposal P (its index) keep the selection in the
 * proposal, on the case that took P's place. */
static void
stay_in_proposal(struct ab *b, int p)
{
	int total = b->items.nit + b->np;

	b->cur = b->np ? b->items.nit + (p < b->np ? p : b->np - 1)
		       : total - 1;
	if (b->cur < 0)
		b->cur = 0;
}

/* Put the case of B->add_* on the agenda, FORCE past the warnings. */
static unsigned
add_pending(struct ui *ui, struct ab *b, bool force)
{
	if (db_agenda_add(ui->db, b->id, b->add_oid, b->add_reason,
			  b->add_referral, force, NULL) != DB_OK) {
		ui_error(ui, "Not added: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	ui_msg(ui, "%s added to the agenda (%s).", b->add_ref, b->add_reason);
	ab_load(ui, b);
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
warned_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)text;
	if (!ok) {
		ui_msg(ui, "%s not added.", ab_of(s)->add_ref);
		return DRAW_STATUS;
	}
	return add_pending(ui, ab_of(s), true);
}

/* Add B->add_*, asking first when something looks wrong. */
static unsigned
add_checked(struct ui *ui, struct screen *s)
{
	struct ab *b = ab_of(s);
	char warn[400], q[512];
	int n = 0;

	if (db_agenda_warnings(ui->db, b->id, b->add_oid, b->add_reason,
			       b->add_referral, warn, sizeof warn, &n) !=
	    DB_OK) {
		ui_error(ui, "Not added: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	if (n == 0)
		return add_pending(ui, b, false);
	return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "%s: %s. Add it anyway? "
				       "(y/n)", b->add_ref, warn),
			  warned_answered);
}

static unsigned
ab_add(struct ui *ui, struct screen *s)
{
	struct ab *b = ab_of(s);
	const struct db_agenda_proposal *p;
	int at;
	unsigned d;

	if (b->cur < b->items.nit) {
		ui_error(ui, "Already on the agenda.");
		return DRAW_STATUS;
	}
	at = b->cur - b->items.nit;
	p = &b->p[at];
	b->add_oid = p->offender_id;
	b->add_referral = p->referral_id;
	str_copy(b->add_ref, p->ref, sizeof b->add_ref);
	str_copy(b->add_reason, p->reason, sizeof b->add_reason);
	d = add_checked(ui, s);
	stay_in_proposal(b, at);
	return d;
}

static unsigned
all_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct ab *b = ab_of(s);
	int added = 0, refused = 0;

	(void)text;
	if (!ok)
		return DRAW_NONE;
	for (int i = 0; i < b->np; i++) {
		if (db_agenda_add(ui->db, b->id, b->p[i].offender_id,
				  b->p[i].reason, b->p[i].referral_id, false,
				  NULL) == DB_OK)
			added++;
		else
			refused++;
	}
	ab_load(ui, b);
	if (refused)
		ui_error(ui, "%d added; %d not added: %s", added, refused,
			 db_errmsg(ui->db));
	else
		ui_msg(ui, "%d proposed case%s added to the agenda.", added,
		       added == 1 ? "" : "s");
	stay_in_proposal(b, 0);
	return DRAW_BODY | DRAW_TITLE | DRAW_STATUS;
}

static unsigned
ab_add_all(struct ui *ui, struct screen *s)
{
	struct ab *b = ab_of(s);
	char q[96];

	if (b->np == 0) {
		ui_error(ui, "Nothing is proposed.");
		return DRAW_STATUS;
	}
	return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "Add all %d proposed "
				       "case%s to the agenda? (y/n)", b->np,
				       b->np == 1 ? "" : "s"), all_answered);
}

static unsigned ask_add_reason(struct ui *ui, struct screen *s,
			       const char *text);

static unsigned
add_reason_answered(struct ui *ui, struct screen *s, bool ok,
		    const char *text)
{
	struct ab *b = ab_of(s);

	if (!ok)
		return DRAW_NONE;
	if (agenda_reason_parse(text) < 0) {
		ui_error(ui, "\"%s\" is not a reason: initial, review, "
			 "level_change, exit or other.", text);
		return ask_add_reason(ui, s, text) | DRAW_STATUS;
	}
	str_copy(b->add_reason, text, sizeof b->add_reason);
	if (strcmp(text, "initial") != 0)
		b->add_referral = 0;
	else if (b->add_referral == 0)
		db_agenda_default_reason(ui->db, b->add_oid, &b->add_referral);
	return add_checked(ui, s);
}

/* Ask why the case goes on the agenda, the line holding TEXT. */
static unsigned
ask_add_reason(struct ui *ui, struct screen *s, const char *text)
{
	struct ab *b = ab_of(s);
	char label[96];
	unsigned d;

	d = ui_ask_line(ui, s, ui_fmt(label, sizeof label, "Reason for %s "
				      "(initial, review, level_change, exit, "
				      "other):", b->add_ref),
			add_reason_answered, NULL);
	field_set(&ui->ask.f, text);
	return d;
}

static unsigned
ref_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct ab *b = ab_of(s);
	bool erased = false;

	if (!ok || !text[0])
		return DRAW_NONE;
	if (db_offender_find(ui->db, text, &b->add_oid, &erased, NULL, NULL)
	    != DB_OK || erased) {
		ui_error(ui, "No case %s.", text);
		return DRAW_STATUS;
	}
	str_copy(b->add_ref, text, sizeof b->add_ref);
	/* Initial when a referral is pending; the person may change it. */
	return ask_add_reason(ui, s, db_agenda_default_reason(
		ui->db, b->add_oid, &b->add_referral));
}

static unsigned
ab_add_ref(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Case reference:", ref_answered, NULL);
}

static unsigned
ab_remove(struct ui *ui, struct screen *s)
{
	struct ab *b = ab_of(s);

	if (b->cur >= b->items.nit)
		return DRAW_NONE;
	if (db_agenda_remove(ui->db, b->items.it[b->cur].id) != DB_OK) {
		ui_error(ui, "Not removed: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	ui_msg(ui, "%s taken off the agenda.", b->items.it[b->cur].ref);
	ab_load(ui, b);
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
ab_move(struct ui *ui, struct ab *b, int by)
{
	int to;

	if (b->cur >= b->items.nit)
		return DRAW_NONE;
	to = b->items.it[b->cur].position + by;
	if (to < 1 || to > b->items.nit)
		return DRAW_NONE;
	if (db_agenda_move(ui->db, b->items.it[b->cur].id, to) != DB_OK) {
		ui_error(ui, "Not moved: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	b->cur += by;
	ab_load(ui, b);
	return DRAW_BODY;
}

static unsigned
ab_move_up(struct ui *ui, struct screen *s)
{
	return ab_move(ui, ab_of(s), -1);
}

static unsigned
ab_move_down(struct ui *ui, struct screen *s)
{
	return ab_move(ui, ab_of(s), 1);
}

static const struct ui_handler ab_handlers[] = {
	{ A_AGENDA_ADD, NEED_ROW | NEED_WRITE, ab_add, "add" },
	{ A_AGENDA_ADD_REF, NEED_WRITE, ab_add_ref, "add by ref" },
	{ A_AGENDA_ADD_ALL, NEED_WRITE, ab_add_all, "add all" },
	{ A_AGENDA_REMOVE, NEED_ROW | NEED_WRITE, ab_remove, "remove" },
	{ A_AGENDA_UP, NEED_ROW | NEED_WRITE, ab_move_up, "move" },
	{ A_AGENDA_DOWN, NEED_ROW | NEED_WRITE, ab_move_down, NULL },
	{ A_UP, 0, ab_up, NULL },
	{ A_DOWN, 0, ab_down, NULL },
	{ A_NONE, 0, NULL, NULL },
};

static void
ab_title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct ab *b = ab_of(s);

	(void)ui;
	ui_fmt(buf, n, "Agenda of meeting %lld, Level %d, %s: %d cases, %d "
	       "proposed", (long long)b->id, b->m.level, b->m.date,
	       b->items.nit, b->np);
}

static void
ab_draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct ab *b = ab_of(s);
	int last = UI_BODY_TOP + ui_body_rows(ui) - 1, y = UI_BODY_TOP;
	int total = b->items.nit + b->np, rows[2] = { 0 }, first = 0;
	char line[512];

	if (!(what & (DRAW_BODY | DRAW_CURSOR | DRAW_ALL)))
		return;
	for (int r = y; r <= last; r++)
		ui_blank(r, 0, ui->cols, A_NORMAL);
	(void)rows;
	/* Two headings take rows; keep the selection in view. */
	if (b->cur > ui_body_rows(ui) - 4)
		first = b->cur - (ui_body_rows(ui) - 4);
	for (int k = first; k < total && y <= last; k++) {
		bool sel = k == b->cur;
		attr_t a = ui_attr(sel ? R_SELECTED : R_NORMAL);

		if (k == first && k < b->items.nit)
			ui_put(y++, 0, ui->cols, "ON THE AGENDA (K, J: move;"
			       " -: remove; /: add by reference)",
			       ui_attr(R_HEADER), PUT_PAD);
		if (k == b->items.nit || (k == first && k >= b->items.nit))
			ui_put(y++, 0, ui->cols, "PROPOSED: due by the "
			       "meeting, overdue first (Enter: add; A: add "
			       "all)",
			       ui_attr(R_HEADER), PUT_PAD);
		if (y > last)
			break;
		if (k < b->items.nit) {
			const struct db_agenda_item *it = &b->items.it[k];

			ui_fmt(line, sizeof line, "%s %2d. %-10s %s, %s  "
			       "Cat %d L%d  %-12s next review %s",
			       sel ? ">" : " ", it->position, it->ref,
			       it->surname, it->forenames, it->category,
			       it->level, it->reason, it->next_review);
		} else {
			const struct db_agenda_proposal *p =
				&b->p[k - b->items.nit];

			if (p->overdue && !sel)
				a = ui_attr(R_OVERDUE);
			ui_fmt(line, sizeof line, "%s     %-10s %s, %s  Cat %d"
			       " L%d  %-12s due %s%s", sel ? ">" : " ", p->ref,
			       p->surname, p->forenames, p->category, p->level,
			       p->reason, p->due[0] ? p->due : "-",
			       p->overdue ? "  OVERDUE" : "");
		}
		ui_put(y++, 0, ui->cols, line, a, PUT_PAD | PUT_ELLIPSIS);
	}
	if (total == 0)
		ui_put(y, 2, ui->cols - 2, "Nothing on the agenda and nothing "
		       "due; / adds a case by its reference.",
		       ui_attr(R_DIM), PUT_PAD);
}

static unsigned
ab_changed(struct ui *ui, struct screen *s)
{
	ab_load(ui, ab_of(s));
	return DRAW_BODY | DRAW_TITLE;
}

static void
ab_destroy(struct screen *s)
{
	struct ab *b = ab_of(s);

	free(b->items.it);
	free(b->p);
	free(b);
	free(s);
}

static const struct screen_ops ab_ops = {
	.name = "The agenda builder",
	.ctx = CTX_AGENDA,
	.handlers = ab_handlers,
	.has_row = ab_has_row,
	.title = ab_title,
	.draw = ab_draw,
	.changed = ab_changed,
	.destroy = ab_destroy,
};

struct screen *
scr_agenda_new(struct ui *ui, int64_t id)
{
	struct screen *s = calloc(1, sizeof *s);
	struct ab *b = calloc(1, sizeof *b);

	if (s == NULL || b == NULL) {
		free(s);
		free(b);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	s->ops = &ab_ops;
	s->data = b;
	b->id = id;
	ui_holidays_note(ui);
	if (!ab_load(ui, b)) {
		ab_destroy(s);
		return NULL;
	}
	return s;
}
