/*
 * scr_offender.c -- one case: identity; category, level and status now;
 * the whole MAPPA history as a timeline (date, event, who recorded it,
 * who decided, why); orders and custody episodes drawn from it; the
 * referrals, the meetings that discussed the case and their decisions,
 * open actions, the next review.  Above the history, what a panel asks
 * first (issue 15): the risk of serious harm and who is at risk, the key
 * dates with MAPPA J, the index offence, the last disclosure decision,
 * the open actions; after it, the case file's risk assessments,
 * offences, case notes and disclosures.
 *
 * A lay adviser sees the pseudonymous reference, the categories, levels,
 * statuses and dates, and no name, date of birth, identifier, district,
 * person or free text: the data layer withholds them, and this screen
 * does not ask.  Opening an identified record is logged by the data
 * layer; the record is read again only when its version moves.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/casefile.h"
#include "core/util.h"
#include "ui/briefing.h"
#include "ui/text.h"
#include "ui/ui.h"
#include "ui/view.h"

struct rec {
	int64_t id;
	struct db_offender o;
	bool loaded;
	struct db_events ev;
	struct db_referrals ref;
	struct db_case_actions act;
	struct db_case_meetings meet;
	struct cf_lines cf_top, cf_rest; /* the case file's lines */
	int64_t cf_stamp;             /* db_casefile_stamp() as read */
	struct view v;
};

static struct rec *
rec_of(const struct screen *s)
{
	return s->data;
}

static bool cf_load(struct ui *ui, struct rec *r);

static void
forget(struct rec *r)
{
	db_referrals_free(&r->ref);
	db_case_meetings_free(&r->meet);
	cf_lines_clear(&r->cf_top);
	cf_lines_clear(&r->cf_rest);
	if (r->loaded)
		db_offender_clear(&r->o);
	r->loaded = false;
}

/* Read the case again; false (the message says why) on failure. */
static bool
load(struct ui *ui, struct rec *r)
{
	enum db_status st;

	forget(r);
	if ((st = db_offender_get(ui->db, r->id, NULL, &r->o)) != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		return false;
	}
	r->loaded = true;
	if (db_event_list(ui->db, r->id, &r->ev) != DB_OK ||
	    db_referral_list(ui->db, r->id, &r->ref) != DB_OK ||
	    db_case_meetings(ui->db, r->id, &r->meet) != DB_OK ||
	    db_case_action_list(ui->db, r->id, true, &r->act) != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		return false;
	}
	if (!cf_load(ui, r)) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		return false;
	}
	return true;
}

/* --- the page ---------------------------------------------------------------- */

static const struct db_case_meeting *
meeting(const struct rec *r, int64_t id)
{
	const struct db_case_meeting *m = r->meet.v;

	for (int i = 0; id && i < r->meet.n; i++)
		if (m[i].id == id)
			return &m[i];
	return NULL;
}

/* Pad S with spaces to WIDTH columns. */
static void
pad(char *s, size_t n, int width)
{
	size_t len = strlen(s);

	for (int w = text_width(s); w < width && len + 1 < n; w++)
		s[len++] = ' ';
	s[len] = '\0';
}

static void
section(struct view *v, const char *name)
{
	view_add(v, R_NORMAL, 0, "");
	view_add(v, R_SECTION, 0, name);
}

/* Read the case file of R into its lines (what a panel asks first, as
 * meeting mode shows it, then the open actions); false on a database
 * error. */
static bool
cf_load(struct ui *ui, struct rec *r)
{
	const struct db_case_action *a = r->act.v;

	cf_lines_clear(&r->cf_top);
	cf_lines_clear(&r->cf_rest);
	if (ui->lay)
		return true;
	if (!cf_lines_read(ui, r->id, &r->cf_top, &r->cf_rest))
		return false;
	if (r->act.n)
		cf_lines_add(&r->cf_top, R_NORMAL, 2, false, "Open actions: "
			     "%d; next due %s, %s: %s", r->act.n,
			     a[0].due[0] ? a[0].due : "-",
			     agenda_agency_label(a[0].owner_agency),
			     a[0].text ? a[0].text : "");
	else
		cf_lines_add(&r->cf_top, R_DIM, 2, false, "Open actions: none");
	db_casefile_stamp(ui->db, r->id, &r->cf_stamp);
	return true;
}

static void
cf_build(struct view *v, const struct cf_lines *a, int width)
{
	const struct cf_line *l = a->v;

	for (int i = 0; i < a->n; i++) {
		if (l[i].section)
			section(v, l[i].text);
		else
			view_wrap(v, l[i].role, l[i].indent, l[i].text, width);
	}
}

static void
build_identity(struct ui *ui, struct rec *r, int width)
{
	const struct db_offender *o = &r->o;
	struct view *v = &r->v;
	char line[1024], d[MDATE_BUFSZ];
	bool overdue = o->next_review[0] &&
		       strcmp(o->next_review, date_format(ui->today, d)) < 0 &&
		       case_status_managed(o->status);

	if (ui->lay) {
		view_add(v, R_SECTION, 0, ui_fmt(line, sizeof line, "Case %s "
						 "(pseudonymous reference)",
						 o->pseudo));
	} else {
		view_add(v, R_SECTION, 0,
			 ui_fmt(line, sizeof line, "%s  %s%s%s", o->ref,
				o->surname, o->forenames[0] ? ", " : "",
				o->forenames));
		view_wrap(v, R_NORMAL, 2,
			  ui_fmt(line, sizeof line, "Born %s, gender %s  |  "
				 "PNC %s  |  CRN %s  |  ViSOR %s",
				 o->dob[0] ? o->dob : "not recorded",
				 o->gender[0] ? o->gender : "not recorded",
				 o->pnc[0] ? o->pnc : "-",
				 o->crn[0] ? o->crn : "-",
				 o->visor[0] ? o->visor : "-"), width);
		view_wrap(v, R_NORMAL, 2,
			  ui_fmt(line, sizeof line, "District %s  |  lead "
				 "agency %s",
				 o->district[0] ? o->district : "-",
				 o->lead_agency[0]
					 ? agenda_agency_label(o->lead_agency)
					 : "-"),
			  width);
	}
	if (o->category)
		ui_fmt(line, sizeof line, "Category %d (%s), Level %d, %s",
		       o->category, ev_category_name(o->category), o->level,
		       case_status_words(o->status, true));
	else
		ui_fmt(line, sizeof line, "Not registered");
	view_wrap(v, o->level == 3 ? R_LEVEL3 : R_NORMAL, 2, line, width);
	if (o->next_review[0])
		view_add(v, overdue ? R_OVERDUE : R_NORMAL, 2,
			 ui_fmt(line, sizeof line, "Next review %s%s",
				date_case(o->next_review, ui->lay, d),
				overdue ? "  OVERDUE" : ""));
	else
		view_add(v, R_DIM, 2, "No review date");
}

static void
build_history(struct ui *ui, struct rec *r, int width)
{
	const struct db_event *ev = r->ev.v;
	struct view *v = &r->v;
	struct ev_state st = { 0 };
	char line[1200], what[160], who[600];

	section(v, "History");
	if (r->ev.n == 0)
		view_add(v, R_DIM, 2, "No events.");
	for (int i = 0; i < r->ev.n; i++) {
		const struct db_event *x = &ev[i];
		const struct db_case_meeting *m = meeting(r, x->meeting_id);
		char d[MDATE_BUFSZ];
		size_t n = 0;

		ui_event_words(&x->ev, &st, what, sizeof what);
		ev_apply(&st, &x->ev);
		who[0] = '\0';
		if (!ui->lay && x->decided_by)
			n += (size_t)snprintf(who + n, sizeof who - n,
					      "decided by %s", x->decided_by);
		if (m && n < sizeof who)
			n += (size_t)snprintf(who + n, sizeof who - n,
					      "%sat the Level %d meeting of %s",
					      n ? " " : "decided ",
					      m->level, date_case(m->date,
								    ui->lay,
								    d));
		if (!ui->lay && n < sizeof who)
			snprintf(who + n, sizeof who - n, "%srecorded by %s%s",
				 n ? "; " : "", x->recorded_by,
				 x->source == SRC_IMPORT ? " (import)"
				 : x->source == SRC_DEMO ? " (demo)" : "");
		pad(what, sizeof what, 32);
		ui_fmt(line, sizeof line, "%-10s  %s  %s",
		       date_case_format(x->ev.date, ui->lay, d), what, who);
		view_wrap_hang(v, x->ev.type == EV_LEVEL ? R_LEVEL2
							: R_NORMAL,
			       2, 12, line, width);
		if (!ui->lay && x->note)
			view_wrap(v, R_DIM, 14,
				  ui_fmt(line, sizeof line, "%s: %s",
					 x->ev.type == EV_LEVEL ? "why"
								: "note",
					 x->note), width);
	}
}

static void
build_orders_custody(struct ui *ui, struct rec *r, int width)
{
	const struct db_event *ev = r->ev.v;
	struct view *v = &r->v;
	char line[300], k[40], d1[MDATE_BUFSZ], d2[MDATE_BUFSZ];
	bool any = false;

	section(v, "Orders");
	for (int i = 0; i < r->ev.n; i++) {
		if (ev[i].ev.type != EV_ORDER)
			continue;
		view_add(v, R_NORMAL, 2, ui_fmt(line, sizeof line, "%s  %s",
			 date_case_format(ev[i].ev.date, ui->lay, d1),
			 ui_kind_text(EV_ORDER, ev[i].ev.kind, k, sizeof k)));
		any = true;
	}
	if (!any)
		view_add(v, R_DIM, 2, "None.");
	section(v, "Custody");
	any = false;
	for (int i = 0; i < r->ev.n; i++) {
		int j;

		if (ev[i].ev.type != EV_CUSTODY)
			continue;
		for (j = i + 1; j < r->ev.n; j++)
			if (ev[j].ev.type == EV_RELEASE)
				break;
		date_case_format(ev[i].ev.date, ui->lay, d1);
		ui_kind_text(EV_CUSTODY, ev[i].ev.kind, k, sizeof k);
		if (j < r->ev.n)
			ui_fmt(line, sizeof line, "%s to %s  %s", d1,
			       date_case_format(ev[j].ev.date, ui->lay, d2),
			       k);
		else
			ui_fmt(line, sizeof line, "%s, still in custody  %s",
			       d1, k);
		view_wrap(v, R_NORMAL, 2, line, width);
		any = true;
	}
	if (!any)
		view_add(v, R_DIM, 2, "None.");
}

static void
build_rest(struct ui *ui, struct rec *r, int width)
{
	const struct db_referral *f = r->ref.v;
	const struct db_case_meeting *m = r->meet.v;
	const struct db_case_action *a = r->act.v;
	const struct db_event *ev = r->ev.v;
	struct view *v = &r->v;
	char line[1200], lv[32], d[MDATE_BUFSZ];

	section(v, "Referrals");
	if (r->ref.n == 0)
		view_add(v, R_DIM, 2, "None recorded.");
	for (int i = 0; i < r->ref.n; i++) {
		lv[0] = '\0';
		if (f[i].proposed_level)
			ui_fmt(lv, sizeof lv, ", proposed Level %d",
			       f[i].proposed_level);
		view_wrap(v, R_NORMAL, 2, ui_fmt(line, sizeof line,
			  "%s  from %s%s: %s", date_case(f[i].date, ui->lay,
							 d),
			  agenda_agency_label(f[i].agency), lv,
			  referral_outcome_name(f[i].outcome)), width);
		if (!ui->lay && f[i].reason)
			view_wrap(v, R_DIM, 14, ui_fmt(line, sizeof line,
				  "reason: %s", f[i].reason), width);
	}
	section(v, "Meetings");
	if (r->meet.n == 0)
		view_add(v, R_DIM, 2, "None.");
	for (int i = 0; i < r->meet.n; i++) {
		size_t n = (size_t)snprintf(line, sizeof line,
					    "%s  Level %d meeting, %s",
					    date_case(m[i].date, ui->lay,
						      d), m[i].level,
					    meeting_status_name(m[i].status));

		if (!ui->lay && m[i].chair && n < sizeof line)
			n += (size_t)snprintf(line + n, sizeof line - n,
					      ", chair %s", m[i].chair);
		if (m[i].level_decision != DECISION_NONE && n < sizeof line)
			n += (size_t)snprintf(line + n, sizeof line - n,
					      "; level: %s",
					      level_decision_name(
						      m[i].level_decision));
		for (int j = 0; j < r->ev.n && n < sizeof line; j++) {
			struct ev_state st = { 0 };
			char what[160];

			if (ev[j].meeting_id != m[i].id)
				continue;
			for (int k = 0; k < j; k++)
				ev_apply(&st, &ev[k].ev);
			ui_event_words(&ev[j].ev, &st, what, sizeof what);
			n += (size_t)snprintf(line + n, sizeof line - n,
					      "; decided %s", what);
		}
		view_wrap(v, R_NORMAL, 2, line, width);
		if (!ui->lay && m[i].decision)
			view_wrap(v, R_DIM, 14, ui_fmt(line, sizeof line,
				  "decision: %s", m[i].decision), width);
	}
	section(v, "Open actions");
	if (r->act.n == 0)
		view_add(v, R_DIM, 2, "None.");
	for (int i = 0; i < r->act.n; i++) {
		if (ui->lay)
			ui_fmt(line, sizeof line, "due %s  %s",
			       a[i].due[0] ? date_case(a[i].due, true, d)
					   : "-",
			       agenda_agency_label(a[i].owner_agency));
		else
			ui_fmt(line, sizeof line, "due %s  %s%s%s%s: %s",
			       a[i].due[0] ? a[i].due : "-",
			       agenda_agency_label(a[i].owner_agency),
			       a[i].owner_person ? " (" : "",
			       a[i].owner_person ? a[i].owner_person : "",
			       a[i].owner_person ? ")" : "",
			       a[i].text ? a[i].text : "");
		view_wrap(v, R_NORMAL, 2, line, width);
	}
	cf_build(v, &r->cf_rest, width);
}

static void
build(struct ui *ui, struct rec *r)
{
	int width = ui->cols - 2;

	view_clear(&r->v);
	if (!r->loaded) {
		view_add(&r->v, R_ERROR, 0, "This case could not be read.");
		return;
	}
	build_identity(ui, r, width);
	cf_build(&r->v, &r->cf_top, width);
	build_history(ui, r, width);
	build_orders_custody(ui, r, width);
	build_rest(ui, r, width);
}

/* --- the screen ----------------------------------------------------------------- */

static int
page_rows(const struct ui *ui)
{
	return ui_body_rows(ui);
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	if (what & (DRAW_BODY | DRAW_CURSOR))
		view_draw(&rec_of(s)->v, UI_BODY_TOP, page_rows(ui), ui->cols);
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct rec *r = rec_of(s);

	ui_fmt(buf, n, "Case %s", ui->lay || !r->loaded ? r->o.pseudo
							 : r->o.ref);
}

static unsigned
moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	return view_move(&rec_of(s)->v, a, page_rows(ui));
}

static bool
has_row(const struct screen *s)
{
	return rec_of(s)->loaded;
}

static unsigned
edit(struct ui *ui, struct screen *s)
{
	return ui_push(ui, scr_identity_new(ui, rec_of(s)->id));
}

static unsigned
event(struct ui *ui, struct screen *s)
{
	return ui_push(ui, scr_event_new(ui, rec_of(s)->id, -1));
}

static unsigned
level(struct ui *ui, struct screen *s)
{
	return ui_push(ui, scr_event_new(ui, rec_of(s)->id, EV_LEVEL));
}

static unsigned
casefile(struct ui *ui, struct screen *s, int kind)
{
	return ui_push(ui, scr_casefile_form_new(ui, rec_of(s)->id, kind));
}

static unsigned
risk(struct ui *ui, struct screen *s)
{
	return casefile(ui, s, FORM_RISK);
}

static unsigned
note(struct ui *ui, struct screen *s)
{
	return casefile(ui, s, FORM_NOTE);
}

static unsigned
offence(struct ui *ui, struct screen *s)
{
	return casefile(ui, s, FORM_OFFENCE);
}

static unsigned
disclosure(struct ui *ui, struct screen *s)
{
	return casefile(ui, s, FORM_DISCLOSURE);
}

static unsigned
dates(struct ui *ui, struct screen *s)
{
	return casefile(ui, s, FORM_DATES);
}

static unsigned
score(struct ui *ui, struct screen *s)
{
	return casefile(ui, s, FORM_SCORE);
}

static unsigned
order_end(struct ui *ui, struct screen *s)
{
	return casefile(ui, s, FORM_ORDER_END);
}

static const struct ui_handler handlers[] = {
	{ A_EDIT, NEED_ROW | NEED_WRITE, edit, "edit" },
	{ A_EVENT, NEED_ROW | NEED_WRITE, event, "event" },
	{ A_LEVEL, NEED_ROW | NEED_WRITE, level, "level" },
	{ A_CF_RISK, NEED_ROW | NEED_WRITE, risk, "risk" },
	{ A_CF_NOTE, NEED_ROW | NEED_WRITE, note, "note" },
	{ A_CF_OFFENCE, NEED_ROW | NEED_WRITE, offence, "offence" },
	{ A_CF_DISCLOSURE, NEED_ROW | NEED_WRITE, disclosure, "disclosure" },
	{ A_CF_DATES, NEED_ROW | NEED_WRITE, dates, "dates" },
	{ A_CF_SCORE, NEED_ROW | NEED_WRITE, score, NULL },
	{ A_CF_ORDER_END, NEED_ROW | NEED_WRITE, order_end, NULL },
	{ A_NONE, 0, NULL, NULL },
};

static unsigned
layout(struct ui *ui, struct screen *s)
{
	build(ui, rec_of(s));
	return DRAW_BODY;
}

/* Read the case again if its version moved. */
static unsigned
reread(struct ui *ui, struct screen *s, bool tell)
{
	struct rec *r = rec_of(s);
	int64_t version = 0, stamp = r->cf_stamp;
	enum db_status st = db_offender_version(ui->db, r->id, &version);

	if (!ui->lay)
		db_casefile_stamp(ui->db, r->id, &stamp);
	if (st == DB_OK && r->loaded && version == r->o.version &&
	    stamp == r->cf_stamp)
		return DRAW_NONE;
	if (st == DB_OK && load(ui, r) && tell)
		ui_msg(ui, "This case was just changed by someone else: "
		       "shown as it now is.");
	build(ui, r);
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
changed(struct ui *ui, struct screen *s)
{
	return reread(ui, s, true);
}

static unsigned
resumed(struct ui *ui, struct screen *s, int result)
{
	(void)result;
	return reread(ui, s, false);
}

static void
destroy(struct screen *s)
{
	struct rec *r = rec_of(s);

	forget(r);
	db_events_free(&r->ev);
	db_referrals_free(&r->ref);
	db_case_meetings_free(&r->meet);
	db_case_actions_free(&r->act);
	free(r->cf_top.v);
	free(r->cf_rest.v);
	view_free(&r->v);
	free(r);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Case",
	.ctx = CTX_RECORD,
	.handlers = handlers,
	.moving = moving,
	.has_row = has_row,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = changed,
	.resumed = resumed,
	.destroy = destroy,
};

struct screen *
scr_offender_new(struct ui *ui, int64_t id)
{
	struct rec *r;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *r);

	if (s == NULL)
		return NULL;
	r = s->data;
	r->id = id;
	if (!load(ui, r)) {
		destroy(s);
		return NULL;
	}
	return s;
}
