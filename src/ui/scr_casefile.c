/*
 * scr_casefile.c -- the case file's screens (issue 15): the forms that
 * add to a case's file (a risk assessment, a case note, an offence, a
 * disclosure decision, the key dates), and the key-date lists -- MAPPA J
 * due or overdue, releases, licences and notifications ending in the
 * next six weeks -- reached from the register.
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

static int
got_tool(void *ctx, const char *tool)
{
	return add_choice(ctx, tool);
}

static int
got_order(void *ctx, const struct db_event *e)
{
	char buf[64], d[MDATE_BUFSZ];
	const char *k = ev_kind_name(EV_ORDER, e->ev.kind);

	if (e->ev.type != EV_ORDER || k == NULL)
		return 0;
	ui_fmt(buf, sizeof buf, "%s made %s", k, date_format(e->ev.date, d));
	return add_choice(ctx, buf);
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
	.ctx = CTX_FORM,
	.handlers = form_handlers,
	.input = form_input,
	.title = cf_title,
	.draw = form_draw,
	.unsaved = form_unsaved,
	.destroy = cf_destroy,
};

static int
has_index(void *ctx, const struct db_offence *o)
{
	*(bool *)ctx |= o->is_index;
	return 1; /* the current index offence, if any, comes first */
}

struct screen *
scr_casefile_form_new(struct ui *ui, int64_t id, int kind)
{
	struct screen *s = calloc(1, sizeof *s);
	struct cf_form *c = calloc(1, sizeof *c);
	struct db_offender o;
	struct db_key_dates k;
	bool index = false;

	if (s == NULL || c == NULL) {
		free(s);
		free(c);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	s->ops = &cf_ops;
	s->data = c;
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
		if (db_offence_list(ui->db, id, has_index, &index) != DB_OK)
			index = false;
		forms_offence(&c->fs.fm, ui->today, index);
		break;
	case FORM_DISCLOSURE:
		forms_disclosure(&c->fs.fm, ui->today);
		break;
	case FORM_SCORE:
		if (db_score_tools(ui->db, got_tool, c) != DB_OK ||
		    c->nchoices == 0) {
			ui_error(ui, "No assessment tools: set "
				 "assessment_tools in the settings.");
			cf_destroy(s);
			return NULL;
		}
		forms_score(&c->fs.fm, c->choices, ui->today);
		break;
	case FORM_ORDER_END:
		if (db_event_list(ui->db, id, got_order, c) != DB_OK) {
			ui_error(ui, "%s", db_errmsg(ui->db));
			cf_destroy(s);
			return NULL;
		}
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

/* --- the key-date lists ----------------------------------------------------- */

struct kd {
	struct view v;
	int cases[DB_KEY_LISTS];
	bool failed;
};

struct kd_fill {
	struct view *v;
	int width;
	enum db_key_list list;
	int n;
};

static int
kd_case(void *ctx, const struct db_key_case *k)
{
	struct kd_fill *f = ctx;
	char line[600], name[2 * DB_FIELD_MAX + 4];
	/* The name takes what the row leaves, 12 to 32 columns. */
	int w = f->width - 66;	/* 2 + ref 11 + the rest 53 */

	size_t len;
	int used = 0;

	w = w < 12 ? 12 : w > 32 ? 32 : w;
	f->n++;
	ui_fmt(name, sizeof name, "%s%s%s", k->surname,
	       k->forenames[0] ? ", " : "", k->forenames);
	/* Cut and padded in columns, never inside a character. */
	len = text_fit(name, w, &used);
	while (used < w && len + 1 < sizeof name) {
		name[len++] = ' ';
		used++;
	}
	name[len] = '\0';
	if (f->list == DB_KEY_MAPPA_J)
		ui_fmt(line, sizeof line, "%-11s  %s  L%d  release %s  "
		       "J due %s%s", k->ref, name, k->level, k->date,
		       k->due, k->j_state == CF_J_OVERDUE ? "  OVERDUE" : "");
	else
		ui_fmt(line, sizeof line, "%-11s  %s  L%d  %-9s  %s",
		       k->ref, name, k->level, k->status, k->date);
	view_wrap(f->v, k->j_state == CF_J_OVERDUE ? R_OVERDUE : R_NORMAL, 2,
		  line, f->width);
	return 0;
}

static void
kd_build(struct ui *ui, struct kd *k)
{
	char d[MDATE_BUFSZ], line[200];

	view_clear(&k->v);
	k->failed = false;
	view_add(&k->v, R_DIM, 0, ui_fmt(line, sizeof line, "As of %s; the "
					 "window is %d days (six weeks).",
					 date_format(ui->today, d),
					 CF_WINDOW_DAYS));
	for (int l = 0; l < DB_KEY_LISTS; l++) {
		struct kd_fill f = { &k->v, ui->cols - 2, (enum db_key_list)l,
				     0 };

		view_add(&k->v, R_NORMAL, 0, "");
		view_add(&k->v, R_SECTION, 0, db_key_list_title(f.list));
		if (db_key_list(ui->db, f.list, ui->today, kd_case, &f) !=
		    DB_OK) {
			view_add(&k->v, R_ERROR, 2, db_errmsg(ui->db));
			k->failed = true;
		} else if (f.n == 0) {
			view_add(&k->v, R_DIM, 2, "None.");
		}
		k->cases[l] = f.n;
	}
}

static struct kd *
kd_of(const struct screen *s)
{
	return s->data;
}

static unsigned
kd_layout(struct ui *ui, struct screen *s)
{
	kd_build(ui, kd_of(s));
	return DRAW_BODY | DRAW_TITLE;
}

static void
kd_draw(struct ui *ui, struct screen *s, unsigned what)
{
	if (what & (DRAW_BODY | DRAW_CURSOR))
		view_draw(&kd_of(s)->v, UI_BODY_TOP, ui_body_rows(ui),
			  ui->cols);
}

static void
kd_title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct kd *k = kd_of(s);

	(void)ui;
	ui_fmt(buf, n, "Key dates (J %d, rel %d, lic %d, notif %d)",
	       k->cases[DB_KEY_MAPPA_J],
	       k->cases[DB_KEY_RELEASES], k->cases[DB_KEY_LICENCES],
	       k->cases[DB_KEY_NOTIFICATIONS]);
}

static unsigned
kd_move(struct ui *ui, struct screen *s, enum ui_action a)
{
	return view_move(&kd_of(s)->v, a, ui_body_rows(ui));
}

static unsigned kd_up(struct ui *u, struct screen *s)
{
	return kd_move(u, s, A_UP);
}
static unsigned kd_down(struct ui *u, struct screen *s)
{
	return kd_move(u, s, A_DOWN);
}
static unsigned kd_pgup(struct ui *u, struct screen *s)
{
	return kd_move(u, s, A_PAGE_UP);
}
static unsigned kd_pgdn(struct ui *u, struct screen *s)
{
	return kd_move(u, s, A_PAGE_DOWN);
}
static unsigned kd_home(struct ui *u, struct screen *s)
{
	return kd_move(u, s, A_HOME);
}
static unsigned kd_end(struct ui *u, struct screen *s)
{
	return kd_move(u, s, A_END);
}

static const struct ui_handler kd_handlers[] = {
	{ A_UP, 0, kd_up, NULL },
	{ A_DOWN, 0, kd_down, NULL },
	{ A_PAGE_UP, 0, kd_pgup, NULL },
	{ A_PAGE_DOWN, 0, kd_pgdn, NULL },
	{ A_HOME, 0, kd_home, NULL },
	{ A_END, 0, kd_end, NULL },
	{ A_NONE, 0, NULL, NULL },
};

static unsigned
kd_changed(struct ui *ui, struct screen *s)
{
	kd_build(ui, kd_of(s));
	return DRAW_BODY | DRAW_TITLE;
}

static void
kd_destroy(struct screen *s)
{
	view_free(&kd_of(s)->v);
	free(s->data);
	free(s);
}

static const struct screen_ops kd_ops = {
	.name = "Key dates",
	.ctx = CTX_HELP,
	.handlers = kd_handlers,
	.title = kd_title,
	.layout = kd_layout,
	.draw = kd_draw,
	.changed = kd_changed,
	.destroy = kd_destroy,
};

/* The cases the lists show, for the consultation log. */
struct kd_ids {
	int64_t *v;
	int n, cap;
};

static int
kd_collect(void *ctx, const struct db_key_case *k)
{
	struct kd_ids *x = ctx;

	return array_push(&x->v, &x->n, &x->cap, &k->id, sizeof k->id);
}

/* Log the lists' consultation, naming the cases they show (as a list of
 * actions does), so that `audit --case` finds who looked. */
static enum db_status
kd_consult(struct ui *ui)
{
	struct kd_ids x = { NULL, 0, 0 };
	enum db_status st = DB_OK;

	for (int l = 0; l < DB_KEY_LISTS && st == DB_OK; l++)
		st = db_key_list(ui->db, (enum db_key_list)l, ui->today,
				 kd_collect, &x);
	if (st == DB_OK)
		st = db_audit_consult(ui->db, "keydates.view", x.v,
				      (size_t)x.n, "screen");
	free(x.v);
	return st;
}

struct screen *
scr_keydates_new(struct ui *ui)
{
	struct screen *s = calloc(1, sizeof *s);
	struct kd *k = calloc(1, sizeof *k);

	if (s == NULL || k == NULL) {
		free(s);
		free(k);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	s->ops = &kd_ops;
	s->data = k;
	/* Logged once, on opening; refreshes are part of that reading. */
	if (kd_consult(ui) != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		kd_destroy(s);
		return NULL;
	}
	return s;
}
