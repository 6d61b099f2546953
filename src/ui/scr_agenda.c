/*
 * scr_agenda.c -- the agenda builder of a MAPP meeting (issue 7): the
 * agenda and, below it, the cases the data layer proposes (referrals
 * awaiting their initial meeting and reviews falling due, overdue
 * first): add, remove, move up and down, or add any case by its
 * reference.  Opened from the meetings list (scr_meetings.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/status.h"
#include "core/util.h"
#include "ui/list.h"
#include "ui/ui.h"

struct ab {
	int64_t id;
	struct db_meeting m;
	struct db_agenda items;     /* the agenda */
	struct db_agenda_proposals p;
	struct list list;           /* items first, then proposals */
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

static bool
ab_load(struct ui *ui, struct ab *b)
{
	b->items.n = 0;
	b->p.n = 0;
	if (db_meeting_get(ui->db, b->id, &b->m) != DB_OK ||
	    db_agenda_list(ui->db, b->id, &b->items) != DB_OK) {
		ui_error(ui, "The agenda cannot be read: %s",
			 db_errmsg(ui->db));
		return false;
	}
	if (b->m.status != MEETING_CANCELLED &&
	    db_agenda_propose(ui->db, b->id, ui->today, &ui->holidays,
			      &b->p) != DB_OK)
		ui_error(ui, "No proposal: %s", db_errmsg(ui->db));
	list_fit(&b->list, b->items.n + b->p.n);
	return true;
}

static bool
ab_has_row(const struct screen *s)
{
	const struct ab *b = ab_of(s);

	return b->list.cur < b->items.n + b->p.n;
}

/* Two headings take rows: a page is the body less them. */
static unsigned
ab_moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	return list_move(&ab_of(s)->list, a, ui_body_rows(ui) - 3);
}

/* After adding proposal P (its index) keep the selection in the
 * proposal, on the case that took P's place. */
static void
stay_in_proposal(struct ab *b, int p)
{
	int total = b->items.n + b->p.n;

	b->list.cur = b->p.n ? b->items.n + (p < b->p.n ? p : b->p.n - 1)
			    : total - 1;
	if (b->list.cur < 0)
		b->list.cur = 0;
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

	if (b->list.cur < b->items.n) {
		ui_error(ui, "Already on the agenda.");
		return DRAW_STATUS;
	}
	at = b->list.cur - b->items.n;
	p = &b->p.v[at];
	b->add_oid = p->offender_id;
	b->add_referral = p->referral_id;
	str_copy(b->add_ref, p->ref, sizeof b->add_ref);
	str_copy(b->add_reason, agenda_reason_name(p->reason),
		 sizeof b->add_reason);
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
	for (int i = 0; i < b->p.n; i++) {
		if (db_agenda_add(ui->db, b->id, b->p.v[i].offender_id,
				  agenda_reason_name(b->p.v[i].reason),
				  b->p.v[i].referral_id,
				  false, NULL) == DB_OK)
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

	if (b->p.n == 0) {
		ui_error(ui, "Nothing is proposed.");
		return DRAW_STATUS;
	}
	return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "Add all %d proposed "
				       "case%s to the agenda? (y/n)", b->p.n,
				       b->p.n == 1 ? "" : "s"), all_answered);
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
	if (agenda_reason_parse(text) != AGENDA_INITIAL)
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
	return ask_add_reason(ui, s, agenda_reason_name(
		db_agenda_default_reason(ui->db, b->add_oid,
					 &b->add_referral)));
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

	if (b->list.cur >= b->items.n)
		return DRAW_NONE;
	if (db_agenda_remove(ui->db, b->items.v[b->list.cur].id) != DB_OK) {
		ui_error(ui, "Not removed: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	ui_msg(ui, "%s taken off the agenda.", b->items.v[b->list.cur].ref);
	ab_load(ui, b);
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
ab_move(struct ui *ui, struct ab *b, int by)
{
	int to;

	if (b->list.cur >= b->items.n)
		return DRAW_NONE;
	to = b->items.v[b->list.cur].position + by;
	if (to < 1 || to > b->items.n)
		return DRAW_NONE;
	if (db_agenda_move(ui->db, b->items.v[b->list.cur].id, to) != DB_OK) {
		ui_error(ui, "Not moved: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	b->list.cur += by;
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
	{ A_NONE, 0, NULL, NULL },
};

static void
ab_title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct ab *b = ab_of(s);

	(void)ui;
	ui_fmt(buf, n, "Agenda of meeting %lld, Level %d, %s: %d cases, %d "
	       "proposed", (long long)b->id, b->m.level, b->m.date,
	       b->items.n, b->p.n);
}

static void
ab_draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct ab *b = ab_of(s);
	int last = UI_BODY_TOP + ui_body_rows(ui) - 1, y = UI_BODY_TOP;
	int total = b->items.n + b->p.n, rows[2] = { 0 }, first = 0;
	char line[512];

	if (!(what & (DRAW_BODY | DRAW_CURSOR | DRAW_ALL)))
		return;
	for (int r = y; r <= last; r++)
		ui_blank(r, 0, ui->cols, A_NORMAL);
	(void)rows;
	/* Two headings take rows; keep the selection in view. */
	if (b->list.cur > ui_body_rows(ui) - 4)
		first = b->list.cur - (ui_body_rows(ui) - 4);
	for (int k = first; k < total && y <= last; k++) {
		bool sel = k == b->list.cur;
		attr_t a = ui_attr(sel ? R_SELECTED : R_NORMAL);

		if (k == first && k < b->items.n)
			ui_put(y++, 0, ui->cols, "ON THE AGENDA (K, J: move;"
			       " -: remove; /: add by reference)",
			       ui_attr(R_HEADER), PUT_PAD);
		if (k == b->items.n || (k == first && k >= b->items.n))
			ui_put(y++, 0, ui->cols, "PROPOSED: due by the "
			       "meeting, overdue first (Enter: add; A: add "
			       "all)",
			       ui_attr(R_HEADER), PUT_PAD);
		if (y > last)
			break;
		if (k < b->items.n) {
			const struct db_agenda_item *it = &b->items.v[k];

			ui_fmt(line, sizeof line, "%s %2d. %-10s %s, %s  "
			       "Cat %d L%d  %-12s next review %s",
			       list_marker(sel), it->position, it->ref,
			       it->surname, it->forenames, it->category,
			       it->level, agenda_reason_name(it->reason),
			       it->next_review);
		} else {
			const struct db_agenda_proposal *p =
				&b->p.v[k - b->items.n];

			if (p->overdue && !sel)
				a = ui_attr(R_OVERDUE);
			ui_fmt(line, sizeof line, "%s     %-10s %s, %s  Cat %d"
			       " L%d  %-12s due %s%s", list_marker(sel), p->ref,
			       p->surname, p->forenames, p->category, p->level,
			       agenda_reason_name(p->reason),
			       p->due[0] ? p->due : "-",
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

	db_list_free(&b->items);
	db_list_free(&b->p);
	free(b);
	free(s);
}

static const struct screen_ops ab_ops = {
	.name = "The agenda builder",
	.ctx = CTX_AGENDA,
	.handlers = ab_handlers,
	.has_row = ab_has_row,
	.moving = ab_moving,
	.title = ab_title,
	.draw = ab_draw,
	.changed = ab_changed,
	.destroy = ab_destroy,
};

struct screen *
scr_agenda_new(struct ui *ui, int64_t id)
{
	struct ab *b;
	struct screen *s = ui_screen_new(ui, &ab_ops, sizeof *b);

	if (s == NULL)
		return NULL;
	b = s->data;
	b->id = id;
	ui_holidays_note(ui);
	if (!ab_load(ui, b)) {
		ab_destroy(s);
		return NULL;
	}
	if (b->p.n > 0) {
		/* The proposal shows names: one consultation row when the
		 * builder opens, as `mappa meeting propose` writes. */
		int64_t *ids = malloc((size_t)b->p.n * sizeof *ids);
		char detail[48];

		for (int i = 0; ids && i < b->p.n; i++)
			ids[i] = b->p.v[i].offender_id;
		ui_fmt(detail, sizeof detail, "meeting %lld", (long long)id);
		if (ids == NULL || db_audit_consult(ui->db, "meeting.propose",
						    ids, (size_t)b->p.n,
						    detail) != DB_OK)
			ui_error(ui, "%s", ids ? db_errmsg(ui->db)
					       : "Out of memory.");
		free(ids);
	}
	return s;
}
