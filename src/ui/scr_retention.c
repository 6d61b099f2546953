/*
 * scr_retention.c -- the review of what is kept (admin only): the records
 * whose retention review is due on the screens' today, soonest first;
 * keep one (a form, scr_retention_keep.c: until when, and why) or erase
 * one (why, then a question that names the record and says it cannot be
 * undone).
 *
 * The list is read once as the screen opens and again after each keep
 * or erase; each reading is a consultation the data layer logs.  Others'
 * changes are not read in automatically -- two admins' screens would
 * otherwise log each other's readings for ever -- but the summary line
 * says so, and Ctrl-L reads the list again.  Whatever the data layer
 * refuses (a justification naming the person, a record still managed)
 * is shown on the message line, and nothing is changed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/text.h"
#include "ui/list.h"
#include "ui/ui.h"

struct retention {
	struct db_retentions list; /* as last read */
	int cur, top;
	bool stale;           /* others changed the database since */
	char why[320];        /* an erasure's justification, until asked */
	char notice[300];     /* why an erasure was refused, or "" */
	int64_t erasing;      /* the record being erased, or 0 */
};

static struct retention *
ret_of(const struct screen *s)
{
	return s->data;
}

#define LIST_TOP (UI_BODY_TOP + 2)

static int
list_rows(const struct ui *ui)
{
	return ui->rows - 3 - 2 > 1 ? ui->rows - 3 - 2 : 1;
}

/* --- reading ---------------------------------------------------------------- */

/* Read the list again, keeping the selection on record KEEP_ID if it is
 * still there, else at the same place.  Returns DRAW_* flags. */
static unsigned
reload(struct ui *ui, struct retention *t, int64_t keep_id)
{
	int was = t->cur;

	t->stale = false;
	if (db_retention_due(ui->db, ui->today, &t->list) != DB_OK)
		ui_error(ui, "%s", db_errmsg(ui->db));
	t->cur = was < t->list.n ? was : t->list.n - 1;
	for (int i = 0; i < t->list.n; i++)
		if (t->list.v[i].id == keep_id)
			t->cur = i;
	if (t->cur < 0)
		t->cur = 0;
	return DRAW_BODY | DRAW_TITLE;
}

/* --- drawing ---------------------------------------------------------------- */

static void
draw_row(struct ui *ui, struct retention *t, int i, int y)
{
	const struct db_retention *r = &t->list.v[i];
	bool sel = i == t->cur;
	attr_t a = ui_attr(sel ? R_SELECTED : R_NORMAL);
	char line[200];

	list_row_start(ui, y, sel, a);
	ui_fmt(line, sizeof line, "%-16s %-10s %3d   %-10s  %-10s", r->ref,
	       r->pseudo, r->category, r->exited[0] ? r->exited : "-",
	       r->review);
	ui_put(y, 1, ui->cols - 2, line, a, PUT_ELLIPSIS);
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct retention *t = ret_of(s);
	int h = list_rows(ui);
	char line[300], d[MDATE_BUFSZ], a[32];

	(void)what;
	if (t->cur < t->top)
		t->top = t->cur;
	if (t->cur >= t->top + h)
		t->top = t->cur - h + 1;
	ui_fmt(line, sizeof line, "%s %s due for retention review by %s%s",
	       ui_count(a, sizeof a, t->list.n),
	       t->list.n == 1 ? "record" : "records",
	       date_format(ui->today, d),
	       t->stale ? "  |  others changed the records: Ctrl-L reads "
			  "them again" : "");
	if (t->notice[0])
		ui_put(UI_BODY_TOP, 1, ui->cols - 2, t->notice,
		       ui_attr(R_ERROR), PUT_PAD | PUT_ELLIPSIS);
	else
		ui_put(UI_BODY_TOP, 1, ui->cols - 2, line, ui_attr(R_DIM),
		       PUT_PAD | PUT_ELLIPSIS);
	ui_blank(UI_BODY_TOP + 1, 0, ui->cols, ui_attr(R_HEADER));
	ui_put(UI_BODY_TOP + 1, 1, ui->cols - 2, "Reference        Pseudonym  "
	       "Cat   Exited      Review due", ui_attr(R_HEADER),
	       PUT_ELLIPSIS);
	for (int i = 0; i < h; i++) {
		if (t->top + i < t->list.n)
			draw_row(ui, t, t->top + i, LIST_TOP + i);
		else
			ui_blank(LIST_TOP + i, 0, ui->cols, A_NORMAL);
	}
	if (t->list.n == 0)
		ui_put(LIST_TOP + 1, 2, ui->cols - 4, "No record is due for "
		       "retention review.", ui_attr(R_DIM), PUT_ELLIPSIS);
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	char a[32];

	(void)ui;
	ui_fmt(buf, n, "Retention review %s", ui_count(a, sizeof a,
							  ret_of(s)->list.n));
}

/* --- moving ------------------------------------------------------------------ */

static unsigned
move_to(struct retention *t, int to)
{
	if (to >= t->list.n)
		to = t->list.n - 1;
	if (to < 0)
		to = 0;
	if (to == t->cur)
		return DRAW_NONE;
	t->cur = to;
	return DRAW_BODY;
}

static unsigned
moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct retention *t = ret_of(s);

	return move_to(t, list_target(a, t->cur, t->list.n, list_rows(ui)));
}

static bool
has_row(const struct screen *s)
{
	return ret_of(s)->cur < ret_of(s)->list.n;
}

static unsigned
reread(struct ui *ui, struct screen *s)
{
	struct retention *t = ret_of(s);

	clearok(curscr, TRUE);
	return reload(ui, t, t->list.n ? t->list.v[t->cur].id : 0) | DRAW_ALL;
}

/* --- keep: a form (scr_retention_keep.c) ---------------------------------- */

static unsigned
keep(struct ui *ui, struct screen *s)
{
	struct retention *t = ret_of(s);

	return ui_push(ui, scr_retention_keep_new(ui, &t->list.v[t->cur]));
}

/* --- erase: why, then are you sure ------------------------------------------ */

static const struct db_retention *
erasing(struct retention *t)
{
	for (int i = 0; i < t->list.n; i++)
		if (t->list.v[i].id == t->erasing)
			return &t->list.v[i];
	return NULL;
}

static unsigned erase_why(struct ui *ui, struct screen *s, bool ok,
			  const char *text);

/* Ask why the case at T->erasing is to be erased, the line holding TEXT. */
static unsigned
ask_why(struct ui *ui, struct screen *s, const char *text)
{
	unsigned d = ui_ask_line(ui, s, "Why erase (kept in the audit trail; "
				 "never name the person): ", erase_why, NULL);

	field_set(&ui->ask.f, text);
	return d;
}

static unsigned
erase_confirmed(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct retention *t = ret_of(s);
	const struct db_retention *r = erasing(t);
	char ref[DB_REF_MAX], pseudo[DB_PSEUDO_MAX];

	(void)text;
	if (r == NULL)
		return DRAW_NONE;
	str_copy(ref, r->ref, sizeof ref);
	str_copy(pseudo, r->pseudo, sizeof pseudo);
	t->erasing = 0;
	if (!ok) {
		t->notice[0] = '\0';
		ui_msg(ui, "Not erased; nothing was changed.");
		return DRAW_STATUS | DRAW_BODY;
	}
	if (db_retention_erase(ui->db, r->id, t->why) != DB_OK) {
		char why[sizeof t->why];

		/* Nothing lost: the justification opens again as typed,
		 * for the case still chosen, the reason above the list. */
		ui_fmt(t->notice, sizeof t->notice, "Not erased: %s.  Put the "
		       "justification right on the line below, or Esc.",
		       db_errmsg(ui->db));
		str_copy(why, t->why, sizeof why);
		t->erasing = r->id;
		return ask_why(ui, s, why) | DRAW_BODY;
	}
	t->notice[0] = '\0';
	ui_msg(ui, "Erased %s: its history stays as %s.", ref, pseudo);
	return reload(ui, t, 0);
}

static unsigned
erase_why(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct retention *t = ret_of(s);
	const struct db_retention *r = erasing(t);
	char q[300];

	if (r == NULL)
		return DRAW_NONE;
	if (!ok || text[strspn(text, " ")] == '\0') {
		t->erasing = 0;
		t->notice[0] = '\0';
		ui_msg(ui, ok ? "Not erased: a justification is required."
			      : "Not erased; nothing was changed.");
		return DRAW_STATUS | DRAW_BODY;
	}
	str_copy(t->why, text, sizeof t->why);
	/* The question must fit ui->ask.label. */
	ui_fmt(q, sizeof q, "Erase %s (%s) for ever? It cannot be undone. "
	       "(y/n) ", r->pseudo, r->ref);
	return ui_ask_yes(ui, s, q, erase_confirmed);
}

static unsigned
erase_ask(struct ui *ui, struct screen *s)
{
	struct retention *t = ret_of(s);

	t->erasing = t->list.v[t->cur].id;
	t->why[0] = '\0';
	return ask_why(ui, s, "");
}

static const struct ui_handler handlers[] = {
	{ A_RETAIN_KEEP, NEED_ROW | NEED_ADMIN, keep, "keep" },
	{ A_RETAIN_ERASE, NEED_ROW | NEED_ADMIN, erase_ask, "erase" },
	{ A_REDRAW, 0, reread, NULL },
	{ A_NONE, 0, NULL, NULL },
};

/* --- the screen's life ------------------------------------------------------- */

static unsigned
changed(struct ui *ui, struct screen *s)
{
	(void)ui;
	ret_of(s)->stale = true;
	return DRAW_BODY;
}

static unsigned
resumed(struct ui *ui, struct screen *s, int res)
{
	struct retention *t = ret_of(s);

	if (res != RESULT_SAVED)
		return DRAW_BODY;
	return reload(ui, t, ui->saved_id);
}

static void
destroy(struct screen *s)
{
	db_list_free(&ret_of(s)->list);
	free(s->data);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Retention review",
	.ctx = CTX_RETENTION,
	.handlers = handlers,
	.has_row = has_row,
	.moving = moving,
	.title = title,
	.draw = draw,
	.changed = changed,
	.resumed = resumed,
	.destroy = destroy,
};

struct screen *
scr_retention_new(struct ui *ui)
{
	struct screen *s;
	struct retention *t;

	if (db_role(ui->db) != ROLE_ADMIN) {
		ui_error(ui, "Refused: the retention review is for admins "
			 "only.");
		return NULL;
	}
	s = ui_screen_new(ui, &ops, sizeof *t);
	if (s == NULL)
		return NULL;
	t = s->data;
	if (db_retention_due(ui->db, ui->today, &t->list) != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		destroy(s);
		return NULL;
	}
	return s;
}
