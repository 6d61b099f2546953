/*
 * scr_referrals.c -- the pending referrals (issue 12): each case
 * referred to Level 2 or 3 and not yet decided, with the last day for
 * its initial meeting, overdue first; accept or decline it (naming the
 * meeting that decided, by default the held one that had it on its
 * agenda), or withdraw it.  The data layer decides what may be done
 * (db_referral_decide()); a refusal opens the line again as typed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/list.h"
#include "ui/ui.h"

#define LIST_TOP (UI_BODY_TOP + 1)

struct rl {
	struct list list;          /* first (list.h); list.n: refs.n */
	struct db_referrals refs;
	/* A decision asked for in steps: */
	enum referral_outcome outcome; /* accepted, declined, withdrawn */
	int64_t meeting;
	char notice[320];          /* why one was refused, or "" */
	int by;                    /* the agency column's width: the
				      longest name where the screen has
				      room (draw()) */
};

static struct rl *
rl_of(const struct screen *s)
{
	return s->data;
}

static bool
load(struct ui *ui, struct rl *l)
{
	enum db_status st = db_referral_all(ui->db, true, ui->today,
					    &ui->holidays, &l->refs);

	l->list.n = l->refs.n;
	if (st != DB_OK) {
		ui_error(ui, "The referrals cannot be read: %s",
			 db_errmsg(ui->db));
		return false;
	}
	list_fit(&l->list, l->list.n);
	return true;
}

/* The list is a consultation of its cases: one row on opening naming
 * them (as the actions' list), not one for each refresh. */
static bool
consult(struct ui *ui, const struct rl *l)
{
	int64_t *ids = calloc((size_t)l->list.n + 1, sizeof *ids);
	enum db_status st;

	if (ids == NULL) {
		ui_error(ui, "Out of memory.");
		return false;
	}
	for (int i = 0; i < l->list.n; i++)
		ids[i] = l->refs.v[i].offender_id;
	st = db_audit_consult(ui->db, "referrals.view", ids,
			      (size_t)l->list.n, "pending referrals");
	free(ids);
	if (st != DB_OK)
		ui_error(ui, "%s", db_errmsg(ui->db));
	return st == DB_OK;
}

static unsigned
reload(struct ui *ui, struct screen *s)
{
	load(ui, rl_of(s));
	return DRAW_BODY | DRAW_TITLE;
}

/* --- deciding ---------------------------------------------------------- */

static unsigned ask_meeting(struct ui *ui, struct screen *s,
			    const char *text);
static unsigned ask_why(struct ui *ui, struct screen *s, const char *text);

static unsigned
why_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct rl *l = rl_of(s);
	const struct db_referral *r;
	char ref[DB_REF_MAX];

	if (!ok || l->list.cur >= l->list.n) {
		l->notice[0] = '\0';
		return DRAW_BODY;
	}
	r = &l->refs.v[l->list.cur];
	str_copy(ref, r->ref, sizeof ref);
	if (db_referral_decide(ui->db, r->id, l->outcome, l->meeting,
			       text[0] ? text : NULL) != DB_OK) {
		ui_fmt(l->notice, sizeof l->notice, "NOT SAVED: %s  Yours is "
		       "on the line below: Enter tries again, Esc drops it.",
		       db_errmsg(ui->db));
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		return ask_why(ui, s, text) | DRAW_BODY;
	}
	l->notice[0] = '\0';
	ui_msg(ui, "Referral %lld of %s %s.", (long long)r->id, ref,
	       referral_outcome_name(l->outcome));
	return reload(ui, s) | DRAW_STATUS;
}

/* Ask why, the line holding TEXT. */
static unsigned
ask_why(struct ui *ui, struct screen *s, const char *text)
{
	struct rl *l = rl_of(s);
	char label[96];
	unsigned d;

	d = ui_ask_line(ui, s, ui_fmt(label, sizeof label, "Why %s "
				      "(optional):",
				      referral_outcome_name(l->outcome)),
			 why_answered, NULL);
	field_set(&ui->ask.f, text);
	return d;
}

static unsigned
meeting_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct rl *l = rl_of(s);
	char *end;

	if (!ok) {
		l->notice[0] = '\0';
		return DRAW_BODY;
	}
	l->meeting = 0;
	if (text[0]) {
		l->meeting = strtoll(text, &end, 10);
		if (*end || l->meeting <= 0) {
			ui_fmt(l->notice, sizeof l->notice, "NOT A MEETING: "
			       "\"%s\" is not a meeting's id.  Put it right "
			       "on the line below, or Esc.", text);
			return ask_meeting(ui, s, text) | DRAW_BODY;
		}
	}
	l->notice[0] = '\0';
	return ask_why(ui, s, "") | DRAW_BODY;
}

/* Ask which meeting decided, the line holding TEXT. */
static unsigned
ask_meeting(struct ui *ui, struct screen *s, const char *text)
{
	struct rl *l = rl_of(s);
	const struct db_referral *r = &l->refs.v[l->list.cur];
	char label[160];
	unsigned d;

	d = ui_ask_line(ui, s, ui_fmt(label, sizeof label, "%s referral "
				      "%lld of %s: the held Level %d meeting "
				      "that decided (id; empty: the one that "
				      "had it on its agenda):",
				      l->outcome == REFERRAL_ACCEPTED
				      ? "Accept" : "Decline", (long long)r->id,
				      r->ref, r->proposed_level),
			meeting_answered, NULL);
	field_set(&ui->ask.f, text);
	return d;
}

static unsigned
accept(struct ui *ui, struct screen *s)
{
	rl_of(s)->outcome = REFERRAL_ACCEPTED;
	return ask_meeting(ui, s, "");
}

static unsigned
decline(struct ui *ui, struct screen *s)
{
	rl_of(s)->outcome = REFERRAL_DECLINED;
	return ask_meeting(ui, s, "");
}

static unsigned
withdraw_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)text;
	if (!ok)
		return DRAW_NONE;
	rl_of(s)->meeting = 0;
	return ask_why(ui, s, "");
}

static unsigned
withdraw(struct ui *ui, struct screen *s)
{
	struct rl *l = rl_of(s);
	char q[120];

	l->outcome = REFERRAL_WITHDRAWN;
	return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "Withdraw referral %lld "
				       "of %s? (y/n)",
				       (long long)l->refs.v[l->list.cur].id,
				       l->refs.v[l->list.cur].ref),
			  withdraw_answered);
}

static const struct ui_handler handlers[] = {
	{ A_REF_ACCEPT, NEED_ROW | NEED_WRITE, accept, "accept" },
	{ A_REF_DECLINE, NEED_ROW | NEED_WRITE, decline, "decline" },
	{ A_REF_WITHDRAW, NEED_ROW | NEED_WRITE, withdraw, "withdraw" },
	{ A_NONE, 0, NULL, NULL },
};

/* --- drawing ------------------------------------------------------------ */

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct rl *l = rl_of(s);
	int late = 0;

	(void)ui;
	for (int i = 0; i < l->list.n; i++)
		late += l->refs.v[i].overdue;
	ui_fmt(buf, n, "Pending referrals: %d, %d overdue", l->list.n, late);
}

static void
row(int k, void *ctx, struct list_row *out)
{
	const struct rl *l = ctx;
	const struct db_referral *r = &l->refs.v[k];

	ui_fmt(out->text, sizeof out->text, "%6lld  %-14s %-10s L%-4d "
	       "%-*.*s %-10s %s", (long long)r->id, r->ref, r->date,
	       r->proposed_level, l->by, l->by,
	       agenda_agency_label(r->agency), r->due[0] ? r->due : "-",
	       r->overdue ? "OVERDUE" : "");
	if (r->overdue)
		out->attr = ui_attr(R_OVERDUE);
}

/* The width of the agencies' longest name (core/agenda.h). */
static int
longest_name(void)
{
	size_t w = 0;

	for (size_t i = 0; i < agenda_agency_count; i++)
		if (strlen(agenda_agencies[i].name) > w)
			w = strlen(agenda_agencies[i].name);
	return (int)w;
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct rl *l = rl_of(s);
	char line[256];

	if (!(what & (DRAW_BODY | DRAW_CURSOR | DRAW_ALL)))
		return;
	/* The rest of a row takes 61 columns, OVERDUE included: the
	 * agencies' longest name where there is room (19 columns on an 80
	 * column screen), never under 14. */
	l->by = ui->cols - 61;
	if (l->by > longest_name())
		l->by = longest_name();
	if (l->by < 14)
		l->by = 14;
	if (l->notice[0])
		ui_put(UI_BODY_TOP, 0, ui->cols, l->notice, ui_attr(R_ERROR),
		       PUT_PAD | PUT_ELLIPSIS);
	else
		ui_put(UI_BODY_TOP, 0, ui->cols, ui_fmt(line, sizeof line,
		       "  %6s  %-14s %-10s %-5s %-*s %-10s", "Id", "Case",
		       "Referred", "Level", l->by, "By", "Meet by"),
		       ui_attr(R_HEADER), PUT_PAD);
	list_draw(ui, &l->list, "No referral is pending.", row, l);
}

static void
destroy(struct screen *s)
{
	db_referrals_free(&rl_of(s)->refs);
	free(s->data);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Pending referrals",
	.ctx = CTX_REFERRALS,
	.handlers = handlers,
	LIST_SCREEN_CALLBACKS,
	.title = title,
	.draw = draw,
	.changed = reload,
	.destroy = destroy,
};

struct screen *
scr_referrals_new(struct ui *ui)
{
	struct rl *l;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *l);

	if (s == NULL)
		return NULL;
	l = s->data;
	l->list.y = LIST_TOP;
	ui_holidays_note(ui);
	if (!load(ui, l) || !consult(ui, l)) {
		destroy(s);
		return NULL;
	}
	return s;
}
