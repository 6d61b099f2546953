/*
 * scr_event.c -- recording an event in a case's history: a change of
 * category or level (a level change with its reason and who decided, at
 * a meeting or in an emergency), custody, release, an order, a
 * notification breach, an exit, a registration (after a breach of a
 * Sexual Risk Order or not), a serious further offence charge, a review
 * of indefinite notification.
 *
 * The form checks the event against the case's whole history as it is
 * typed (form_model.c), exactly as the data layer will when it is saved.  An
 * exit asks before it is saved.  If someone else changed the case first,
 * the save is refused: the form then shows what they recorded, checks
 * the event again against the history as it now is, and keeps everything
 * typed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/form.h"

struct event_screen {
	struct form_screen fs; /* first: the form handlers use it */
	int64_t id, version;
	char ref[DB_REF_MAX];
	struct ev *hist;
	size_t nhist, cap;
	bool told;
};

/* Read the case's version and history; false when that fails. */
static bool
load(struct ui *ui, struct event_screen *d)
{
	struct db_offender o;
	struct db_events evs = { 0 };
	bool ok;

	if (db_offender_get(ui->db, d->id, NULL, &o) != DB_OK)
		return false;
	d->version = o.version;
	str_copy(d->ref, ui->lay ? o.pseudo : o.ref, sizeof d->ref);
	db_offender_clear(&o);
	d->nhist = 0;
	ok = db_event_list(ui->db, d->id, &evs) == DB_OK &&
	     array_reserve(&d->hist, &d->cap, (size_t)evs.n,
			   sizeof *d->hist) == 0;
	for (int i = 0; ok && i < evs.n; i++)
		d->hist[d->nhist++] = evs.v[i].ev;
	db_events_free(&evs);
	if (!ok)
		return false;
	d->fs.fm.hist = d->hist;
	d->fs.fm.nhist = d->nhist;
	return true;
}

static void
heading(struct event_screen *d)
{
	struct ev_state now = { 0 };

	for (size_t i = 0; i < d->nhist; i++)
		ev_apply(&now, &d->hist[i]);
	if (now.registered)
		ui_fmt(d->fs.heading, sizeof d->fs.heading, "Record an event "
		       "for %s: now Category %d, Level %d, %s", d->ref,
		       now.category, now.level,
		       now.in_custody ? "in custody" : "in the community");
	else
		ui_fmt(d->fs.heading, sizeof d->fs.heading, "Record an event "
		       "for %s: not registered now", d->ref);
}

static unsigned
store(struct ui *ui, struct screen *s)
{
	struct event_screen *d = s->data;
	struct db_event e;
	enum db_status st;
	size_t before = d->nhist;
	int meeting;
	mdate review;
	char date[MDATE_BUFSZ];

	forms_event_get(&d->fs.fm, &e, &meeting, &review);
	st = db_case_event(ui->db, d->id, &d->version, &e, meeting, review,
			   ui->today);
	if (st == DB_OK) {
		ui->saved_id = d->id;
		ui_msg(ui, "Saved: %s on %s for %s.",
		       forms_event_type_label(e.ev.type),
		       date_format(e.ev.date, date), d->ref);
		return ui_pop(ui, RESULT_SAVED);
	}
	if (st != DB_CONFLICT) {
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		return DRAW_BODY;
	}
	/* Someone else changed the case first.  Show what they did and
	 * check the event again against the history as it now is. */
	if (!load(ui, d)) {
		ui_error(ui, "Not saved, and the case cannot be read again: "
			 "%s", db_errmsg(ui->db));
		return DRAW_BODY;
	}
	heading(d);
	forms_check(&d->fs.fm);
	ui_fmt(d->fs.banner, sizeof d->fs.banner, "Someone else changed "
	       "this case first (the history now has %zu events, it had "
	       "%zu): yours was not saved.  It is checked again below; F2 "
	       "saves it.", d->nhist, before);
	d->fs.banner_error = true;
	ui_error(ui, "Not saved: someone else changed this case first.");
	return DRAW_BODY;
}

static unsigned
confirmed(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)text;
	if (!ok) {
		ui_msg(ui, "Not saved.");
		return DRAW_STATUS;
	}
	return store(ui, s);
}

static unsigned
save(struct ui *ui, struct screen *s)
{
	struct event_screen *d = s->data;
	char q[160];

	if (forms_event_types[d->fs.fm.f[EF_TYPE].choice] == EV_EXIT)
		return ui_ask_yes(ui, s, ui_fmt(q, sizeof q, "Record the exit "
						"of %s from MAPPA? (y/n) ",
						d->ref), confirmed);
	return store(ui, s);
}

/* Others changed the database: say so if it is this case. */
static unsigned
changed(struct ui *ui, struct screen *s)
{
	struct event_screen *d = s->data;
	int64_t version;

	if (!d->told && db_offender_version(ui->db, d->id, &version) ==
	    DB_OK && version != d->version) {
		d->told = true;
		str_copy(d->fs.banner, "Someone else has just changed this "
			 "case. Saving will check your event against their "
			 "change.", sizeof d->fs.banner);
		d->fs.banner_error = true;
		return DRAW_BODY;
	}
	return DRAW_NONE;
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct event_screen *d = s->data;

	(void)ui;
	ui_fmt(buf, n, "Event for %s", d->ref);
}

static void
destroy(struct screen *s)
{
	struct event_screen *d = s->data;

	free(d->hist);
	form_destroy(s);
}

static const struct screen_ops ops = {
	.name = "Record an event",
	FORM_SCREEN_CALLBACKS,
	.title = title,
	.changed = changed,
	.destroy = destroy,
};

struct screen *
scr_event_new(struct ui *ui, int64_t id, int type)
{
	struct event_screen *d;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *d);

	if (s == NULL)
		return NULL;
	d = s->data;
	d->id = id;
	if (!load(ui, d)) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		destroy(s);
		return NULL;
	}
	forms_event(&d->fs.fm, type < 0 ? EV_LEVEL : type, d->hist, d->nhist,
		    ui->today, &ui->iv);
	d->fs.save = save;
	heading(d);
	form_start(&d->fs);
	/* L goes straight to the new level; r starts on the event. */
	if (type == EV_LEVEL)
		d->fs.focus = EF_LEVEL;
	return s;
}
