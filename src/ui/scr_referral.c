/*
 * scr_referral.c -- a new case: its identity, its registration (category
 * and the level it is managed at) and, at Level 2 or 3, the referral
 * there (date, who referred, why) and the deadline of its initial
 * meeting, saved in one transaction (db_referral_add()) or not at all.
 * A Level 1 registration is no referral.
 * Before saving, a case whose PNC, CRN, ViSOR number or name and date
 * of birth match one already recorded is named, and the save waits for
 * a yes (issue 15: a possible duplicate person).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/form.h"

struct referral {
	struct form_screen fs; /* first: the form handlers use it */
};

/* The first three of DUPS, in words, into BUF (N bytes). */
static void
dups_words(const struct db_duplicates *dups, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < dups->n && i < 3; i++) {
		const struct db_duplicate *d = &dups->v[i];

		snprintf(buf + len, n - len, "%s%s %s%s%s (same %s)",
			 len ? "; " : "", d->ref, d->surname,
			 d->forenames[0] ? ", " : "", d->forenames,
			 db_dup_match_name(d->match));
		len = strlen(buf);
	}
}

static unsigned save_now(struct ui *ui, struct screen *s);

static unsigned
save_anyway(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)text;
	if (!ok) {
		ui_msg(ui, "Not saved: look the case up first (Esc leaves "
		       "the form).");
		return DRAW_STATUS | DRAW_BODY;
	}
	return save_now(ui, s);
}

/* Name any possible duplicate person and ask; else save. */
static unsigned
save(struct ui *ui, struct screen *s)
{
	struct referral *r = s->data;
	struct db_offender o;
	struct db_referral ref;
	char found[300] = "";
	struct db_duplicates dups = { 0 };
	int category, level, count;
	mdate review;

	forms_referral_get(&r->fs.fm, &o, &ref, &category, &level, &review);
	db_offender_normalise(&o);
	if (db_duplicates(ui->db, &o, &dups) != DB_OK) {
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	dups_words(&dups, found, sizeof found);
	count = dups.n;
	db_list_free(&dups);
	if (count == 0)
		return save_now(ui, s);
	ui_fmt(r->fs.banner, sizeof r->fs.banner, "Possibly the same person "
	       "as %s%s", found, count > 3 ? " and others" : "");
	r->fs.banner_error = true;
	return ui_ask_yes(ui, s, "A possible duplicate: save as a new case "
			  "all the same? (y/n) ", save_anyway) | DRAW_BODY;
}

static unsigned
save_now(struct ui *ui, struct screen *s)
{
	struct referral *r = s->data;
	struct db_offender o;
	struct db_referral ref;
	int category, level;
	mdate review;

	forms_referral_get(&r->fs.fm, &o, &ref, &category, &level, &review);
	if (db_referral_add(ui->db, &o, category, level, review, &ref) !=
	    DB_OK) {
		/* Typed input stays; the form says what to put right. */
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		forms_check(&r->fs.fm);
		return DRAW_BODY;
	}
	ui->saved_id = o.id;
	if (ref.id)
		ui_msg(ui, "Referral taken: %s registered at Category %d, "
		       "referred to Level %d.", o.ref, category, level);
	else
		ui_msg(ui, "Case added: %s registered at Category %d, Level "
		       "%d (no referral).", o.ref, category, level);
	return ui_pop(ui, RESULT_SAVED);
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	(void)ui;
	(void)s;
	str_copy(buf, "New case", n);
}

/* Others' changes may take the reference typed: check again. */
static unsigned
changed(struct ui *ui, struct screen *s)
{
	struct referral *r = s->data;

	(void)ui;
	forms_check(&r->fs.fm);
	return DRAW_BODY;
}

static const struct screen_ops ops = {
	.name = "New case",
	FORM_SCREEN_CALLBACKS,
	.title = title,
	.changed = changed,
	.destroy = form_destroy,
};

struct screen *
scr_referral_new(struct ui *ui)
{
	struct referral *r;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *r);

	if (s == NULL)
		return NULL;
	r = s->data;
	forms_referral(&r->fs.fm, ui->db, ui->today, &ui->iv);
	r->fs.save = save;
	str_copy(r->fs.heading, "A new referral: the case, the referral and "
		 "its registration", sizeof r->fs.heading);
	form_start(&r->fs);
	return s;
}
