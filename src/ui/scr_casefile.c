/*
 * scr_casefile.c -- the forms that add to a case's file (issue 15): a
 * risk assessment, a scored assessment, a case note, an offence, a
 * disclosure decision, the key dates, an order's end.  Opened from the
 * case's record (scr_offender.c).
 *
 * Members and admins only: the keys ask for a role that may change
 * records, and the data layer refuses a lay adviser all of it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/casefile.h"
#include "core/util.h"
#include "ui/form.h"
#include "ui/text.h"
#include "ui/ui.h"
#include "ui/view.h"

/* --- the forms ------------------------------------------------------------- */

#define CF_CHOICES 24

struct cf_form {
	struct form_screen fs; /* first: the form handlers use it */
	int64_t id;
	char ref[DB_REF_MAX];
	enum form_kind kind;
	/* The choices read for the form: tools, or the case's orders. */
	char choice[CF_CHOICES][48];
	const char *choices[CF_CHOICES + 1];
	int nchoices;
};

static int
add_choice(struct cf_form *c, const char *text)
{
	if (c->nchoices == CF_CHOICES)
		return 1;
	str_copy(c->choice[c->nchoices], text, sizeof c->choice[0]);
	c->choices[c->nchoices] = c->choice[c->nchoices];
	c->choices[++c->nchoices] = NULL;
	return 0;
}

/* The case's orders in HIST as C's choices, as many as there is room
 * for. */
static void
add_orders(struct cf_form *c, const struct db_events *hist)
{
	char buf[64], d[MDATE_BUFSZ];

	for (int i = 0; i < hist->n; i++) {
		const struct db_event *e = &hist->v[i];
		const char *k = ev_kind_name(EV_ORDER, e->ev.kind);

		if (e->ev.type != EV_ORDER || k == NULL)
			continue;
		ui_fmt(buf, sizeof buf, "%s made %s", k,
		       date_format(e->ev.date, d));
		if (add_choice(c, buf) != 0)
			break;
	}
}

static unsigned
cf_save(struct ui *ui, struct screen *s)
{
	struct cf_form *c = s->data;
	const struct form_model *fm = &c->fs.fm;
	enum db_status st = DB_ERROR;
	const char *done = "";

	switch (c->kind) {
	case FORM_RISK: {
		struct db_risk r;

		forms_risk_get(fm, &r);
		st = db_risk_add(ui->db, c->id, &r);
		done = "Risk assessment recorded";
		break;
	}
	case FORM_NOTE: {
		struct db_note n;

		forms_note_get(fm, &n);
		st = db_note_add(ui->db, c->id, &n);
		done = "Note added";
		break;
	}
	case FORM_OFFENCE: {
		struct db_offence o;

		forms_offence_get(fm, &o);
		st = db_offence_add(ui->db, c->id, &o);
		done = "Offence recorded";
		break;
	}
	case FORM_DISCLOSURE: {
		struct db_disclosure d;

		forms_disclosure_get(fm, &d);
		st = db_disclosure_add(ui->db, c->id, &d);
		done = "Disclosure decision recorded";
		break;
	}
	case FORM_DATES: {
		struct db_key_dates k;

		forms_dates_get(fm, &k);
		st = db_key_dates_set(ui->db, c->id, &k);
		done = "Key dates saved";
		break;
	}
	case FORM_SCORE: {
		struct db_score sc;

		forms_score_get(fm, &sc);
		st = db_score_add(ui->db, c->id, &sc);
		done = "Scored assessment recorded";
		break;
	}
	case FORM_ORDER_END: {
		struct db_order_end oe;

		forms_order_end_get(fm, &oe);
		st = db_order_end_set(ui->db, c->id, &oe);
		done = "Order's end saved";
		break;
	}
	default:
		break;
	}
	if (st != DB_OK) {
		/* Nothing lost: the form stays as typed, the reason shown. */
		ui_fmt(c->fs.banner, sizeof c->fs.banner, "Not saved: %s",
		       db_errmsg(ui->db));
		c->fs.banner_error = true;
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		return DRAW_BODY | DRAW_STATUS;
	}
	ui->saved_id = c->id;
	ui_msg(ui, "%s for %s.", done, c->ref);
	return ui_pop(ui, RESULT_SAVED);
}

static void
cf_title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct cf_form *c = s->data;

	(void)ui;
	ui_fmt(buf, n, "%s: %s", c->fs.fm.title, c->ref);
}

static void
cf_destroy(struct screen *s)
{
	struct cf_form *c = s->data;

	forms_free(&c->fs.fm);
	free(c);
	free(s);
}

static const struct screen_ops cf_ops = {
	.name = "Case file",
	FORM_SCREEN_CALLBACKS,
	.title = cf_title,
	.destroy = cf_destroy,
};

struct screen *
scr_casefile_form_new(struct ui *ui, int64_t id, int kind)
{
	struct cf_form *c;
	struct screen *s = ui_screen_new(ui, &cf_ops, sizeof *c);
	struct db_offender o;
	struct db_key_dates k;
	struct db_events hist = { 0 };
	struct db_offences offences = { 0 };
	struct db_tools tools = { 0 };
	bool index = false;

	if (s == NULL)
		return NULL;
	c = s->data;
	c->id = id;
	c->kind = (enum form_kind)kind;
	memset(&o, 0, sizeof o);
	if (db_offender_get(ui->db, id, NULL, &o) != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		cf_destroy(s);
		return NULL;
	}
	str_copy(c->ref, o.ref, sizeof c->ref);
	ui_fmt(c->fs.heading, sizeof c->fs.heading, "%s  %s%s%s", o.ref,
	       o.surname, o.forenames[0] ? ", " : "", o.forenames);
	db_offender_clear(&o);
	switch (c->kind) {
	case FORM_RISK:
		forms_risk(&c->fs.fm, ui->today);
		break;
	case FORM_NOTE:
		forms_note(&c->fs.fm, ui->today);
		str_copy(c->fs.banner, "A note is never changed once saved: "
			 "to put one right, add a note that corrects it.",
			 sizeof c->fs.banner);
		break;
	case FORM_OFFENCE:
		/* The current index offence, if any, comes first. */
		if (db_offence_list(ui->db, id, &offences) == DB_OK &&
		    offences.n > 0)
			index = offences.v[0].is_index;
		db_list_free(&offences);
		forms_offence(&c->fs.fm, ui->today, index);
		break;
	case FORM_DISCLOSURE:
		forms_disclosure(&c->fs.fm, ui->today);
		break;
	case FORM_SCORE:
		if (db_score_tools(ui->db, &tools) == DB_OK)
			for (int i = 0; i < tools.n; i++)
				if (add_choice(c, tools.v[i].name) != 0)
					break;
		db_list_free(&tools);
		if (c->nchoices == 0) {
			ui_error(ui, "No assessment tools: set "
				 "assessment_tools in the settings.");
			cf_destroy(s);
			return NULL;
		}
		forms_score(&c->fs.fm, c->choices, ui->today);
		break;
	case FORM_ORDER_END:
		if (db_event_list(ui->db, id, &hist) != DB_OK) {
			ui_error(ui, "%s", db_errmsg(ui->db));
			db_events_free(&hist);
			cf_destroy(s);
			return NULL;
		}
		add_orders(c, &hist);
		db_events_free(&hist);
		if (c->nchoices == 0) {
			ui_error(ui, "This case's history has no order: record "
				 "the order first (r).");
			cf_destroy(s);
			return NULL;
		}
		forms_order_end(&c->fs.fm, c->choices, ui->today);
		break;
	default:
		if (db_key_dates_get(ui->db, id, &k) != DB_OK) {
			ui_error(ui, "%s", db_errmsg(ui->db));
			cf_destroy(s);
			return NULL;
		}
		forms_dates(&c->fs.fm, &k, ui->today);
		str_copy(c->fs.banner, "Saving keeps the dates as they were "
			 "too: the case's key dates keep their history.",
			 sizeof c->fs.banner);
		c->kind = FORM_DATES;
		break;
	}
	c->fs.save = cf_save;
	form_start(&c->fs);
	return s;
}
