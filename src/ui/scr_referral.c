/*
 * scr_referral.c -- a new case: its identity, its registration (category
 * and the level it is managed at) and, at Level 2 or 3, the referral
 * there (date, who referred, why) and the deadline of its initial
 * meeting, saved in one transaction (db_referral_add()) or not at all.
 * A Level 1 registration is no referral.
 */
#include "config.h"

#include <stdlib.h>

#include "core/util.h"
#include "ui/form.h"

struct referral {
	struct form_screen fs; /* first: the form handlers use it */
};

static unsigned
save(struct ui *ui, struct screen *s)
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

static void
destroy(struct screen *s)
{
	struct referral *r = s->data;

	forms_free(&r->fs.fm);
	free(r);
	free(s);
}

static const struct screen_ops ops = {
	.name = "New case",
	.ctx = CTX_FORM,
	.handlers = form_handlers,
	.input = form_input,
	.title = title,
	.draw = form_draw,
	.changed = changed,
	.unsaved = form_unsaved,
	.destroy = destroy,
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
