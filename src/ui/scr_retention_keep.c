/*
 * scr_retention_keep.c -- the form that keeps a record past its retention
 * review (admin only): until when, and why.  Opened from the review of
 * what is kept (scr_retention.c); the justification goes into the audit
 * trail, so the banner asks never to name the person.
 */
#include "config.h"

#include <stdlib.h>

#include "core/util.h"
#include "ui/form.h"
#include "ui/ui.h"

struct keep {
	struct form_screen fs; /* first: the form handlers use it */
	int64_t id;
	char ref[DB_REF_MAX];
};

static unsigned
keep_save(struct ui *ui, struct screen *s)
{
	struct keep *k = s->data;
	struct form_model *fm = &k->fs.fm;
	mdate until;

	if (date_parse(field_text(&fm->f[KF_UNTIL]), &until) != 0)
		return DRAW_BODY; /* the form has said why */
	if (db_retention_keep(ui->db, k->id, until,
			      field_text(&fm->f[KF_WHY])) != DB_OK) {
		ui_error(ui, "Not kept: %s", db_errmsg(ui->db));
		return DRAW_BODY;
	}
	ui->saved_id = k->id;
	ui_msg(ui, "Kept %s until %s.", k->ref,
	       field_text(&fm->f[KF_UNTIL]));
	return ui_pop(ui, RESULT_SAVED);
}

static void
keep_title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	(void)ui;
	ui_fmt(buf, n, "Keep %s", ((struct keep *)s->data)->ref);
}

static const struct screen_ops keep_ops = {
	.name = "Keep a record",
	FORM_SCREEN_CALLBACKS,
	.title = keep_title,
	.destroy = form_destroy,
};

struct screen *
scr_retention_keep_new(struct ui *ui, const struct db_retention *r)
{
	struct keep *k;
	struct screen *s = ui_screen_new(ui, &keep_ops, sizeof *k);
	mdate review;

	if (s == NULL)
		return NULL;
	if (date_parse(r->review, &review) != 0)
		review = ui->today;
	k = s->data;
	k->id = r->id;
	str_copy(k->ref, r->ref, sizeof k->ref);
	forms_keep(&k->fs.fm, review, ui->today);
	k->fs.save = keep_save;
	ui_fmt(k->fs.heading, sizeof k->fs.heading, "Keep %s (%s) past its "
	       "retention review due %s", r->ref, r->pseudo, r->review);
	str_copy(k->fs.banner, "The justification is kept in the audit "
		 "trail: never name the person.", sizeof k->fs.banner);
	form_start(&k->fs);
	return s;
}
