/*
 * scr_identity.c -- editing a case's identity: reference, names, date of
 * birth, gender, PNC, CRN, ViSOR, district, lead agency, notes.
 *
 * The edit is made against the version the form was opened on.  If
 * someone else saved the record first, the save is refused (DB_CONFLICT)
 * and both versions are shown side by side (scr_conflict.c); nothing
 * typed is lost: the person keeps theirs, takes the other, or goes back
 * to the form -- now based on the other version -- to merge by hand.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/form.h"

struct identity {
	struct form_screen fs; /* first: the form handlers use it */
	int64_t id;
	struct db_offender base;   /* the version the edit is made on */
	bool told;                 /* others' change already announced */
};

static const char *
gender_text(const char *g)
{
	return g[0] ? g : "not recorded";
}

/* The rows of a comparison of MINE with THEIRS; returns how many. */
static int
compare(const struct db_offender *mine, const struct db_offender *theirs,
	struct conflict_row *rows)
{
	const struct {
		const char *label, *a, *b;
	} f[] = {
		{ "Reference", mine->ref, theirs->ref },
		{ "Surname", mine->surname, theirs->surname },
		{ "Forenames", mine->forenames, theirs->forenames },
		{ "Date of birth", mine->dob, theirs->dob },
		{ "Gender", gender_text(mine->gender),
		  gender_text(theirs->gender) },
		{ "PNC ID", mine->pnc, theirs->pnc },
		{ "CRN", mine->crn, theirs->crn },
		{ "ViSOR", mine->visor, theirs->visor },
		{ "District", mine->district, theirs->district },
		{ "Lead agency", mine->lead_agency, theirs->lead_agency },
		{ "Notes", mine->notes ? mine->notes : "",
		  theirs->notes ? theirs->notes : "" },
	};
	int n = 0;

	for (size_t i = 0; i < NELEM(f); i++) {
		rows[n].label = f[i].label;
		rows[n].mine = f[i].a;
		rows[n].theirs = f[i].b;
		n++;
	}
	return n;
}

static unsigned
save(struct ui *ui, struct screen *s)
{
	struct identity *d = s->data;
	struct db_offender mine, theirs;
	struct conflict_row rows[16];
	enum db_status st;
	char what[200];
	int n;

	if (forms_identity_get(&d->fs.fm, &mine) != 0) {
		ui_error(ui, "Out of memory: nothing was saved.");
		return DRAW_STATUS;
	}
	mine.version = d->base.version;
	st = db_offender_update(ui->db, &mine);
	if (st == DB_OK) {
		ui->saved_id = d->id;
		ui_msg(ui, "Saved the identity of %s.", mine.ref);
		db_offender_clear(&mine);
		return ui_pop(ui, RESULT_SAVED);
	}
	if (st != DB_CONFLICT) {
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		db_offender_clear(&mine);
		forms_check(&d->fs.fm);
		return DRAW_BODY;
	}
	/* Someone else saved first.  Their changes go into the fields the
	 * person did not touch; both versions are shown; nothing is lost. */
	db_offender_clear(&mine);
	if (db_offender_get(ui->db, d->id, NULL, &theirs) != DB_OK) {
		ui_error(ui, "Not saved, and the other version cannot be read: "
			 "%s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	if (forms_identity_rebase(&d->fs.fm, &theirs) != 0 ||
	    forms_identity_get(&d->fs.fm, &mine) != 0) {
		db_offender_clear(&theirs);
		ui_error(ui, "Out of memory: nothing was saved.");
		return DRAW_STATUS;
	}
	db_offender_clear(&d->base);
	d->base = theirs; /* the version to save over from now on */
	d->fs.fm.original = &d->base;
	n = compare(&mine, &d->base, rows);
	ui_fmt(what, sizeof what, "Someone else saved %s while you were "
	       "editing it, and nothing of yours was saved.  Their changes "
	       "are taken into the fields you did not change.", d->base.ref);
	ui_error(ui, "Not saved: someone else saved this record first.");
	{
		unsigned r = ui_push(ui, scr_conflict_new(ui, what, rows, n));

		db_offender_clear(&mine);
		return r;
	}
}

static unsigned
overwrite_answer(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)text;
	if (!ok) {
		ui_msg(ui, "Not saved: back to your form.");
		return DRAW_STATUS;
	}
	return save(ui, s);
}

static unsigned
resumed(struct ui *ui, struct screen *s, int result)
{
	struct identity *d = s->data;

	switch (result) {
	case CONFLICT_MINE:
		return ui_ask_yes(ui, s, "Save your version over theirs? "
				  "(y/n) ", overwrite_answer) | DRAW_BODY;
	case CONFLICT_THEIRS:
		ui_msg(ui, "Kept their version; yours was dropped.");
		return ui_pop(ui, RESULT_NONE);
	case CONFLICT_EDIT:
		str_copy(d->fs.banner, "Their changes are in the fields you had "
			 "not changed; F2 saves this over their version.",
			 sizeof d->fs.banner);
		d->fs.banner_error = true;
		forms_check(&d->fs.fm);
		return DRAW_BODY;
	default:
		return DRAW_BODY;
	}
}

/* Others changed the database: say so if it is this record. */
static unsigned
changed(struct ui *ui, struct screen *s)
{
	struct identity *d = s->data;
	int64_t version;

	forms_check(&d->fs.fm);
	if (!d->told && db_offender_version(ui->db, d->id, &version) ==
	    DB_OK && version != d->base.version) {
		d->told = true;
		str_copy(d->fs.banner, "Someone else has just saved this "
			 "record. Saving will show both versions; nothing is "
			 "lost.", sizeof d->fs.banner);
		d->fs.banner_error = true;
	}
	return DRAW_BODY;
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct identity *d = s->data;

	(void)ui;
	ui_fmt(buf, n, "Edit %s", d->base.ref);
}

static void
destroy(struct screen *s)
{
	struct identity *d = s->data;

	db_offender_clear(&d->base);
	form_destroy(s);
}

static const struct screen_ops ops = {
	.name = "Edit identity",
	FORM_SCREEN_CALLBACKS,
	.title = title,
	.changed = changed,
	.resumed = resumed,
	.destroy = destroy,
};

struct screen *
scr_identity_new(struct ui *ui, int64_t id)
{
	struct identity *d;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *d);

	if (s == NULL)
		return NULL;
	d = s->data;
	d->id = id;
	if (db_offender_get(ui->db, id, NULL, &d->base) != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		destroy(s);
		return NULL;
	}
	if (forms_identity(&d->fs.fm, ui->db, &d->base, ui->today) != 0) {
		ui_error(ui, "Out of memory.");
		destroy(s);
		return NULL;
	}
	d->fs.save = save;
	ui_fmt(d->fs.heading, sizeof d->fs.heading, "The identity of %s",
	       d->base.ref);
	form_start(&d->fs);
	return s;
}
