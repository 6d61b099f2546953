/*
 * scr_meeting_form.c -- the form that schedules a MAPP meeting or edits
 * one (date, time, level, chair, venue, invited agencies), opened from
 * the meetings list (scr_meetings.c).
 *
 * The form saves a meeting's details by the data layer's three-way merge
 * from what it opened, so that a chair editing the same meeting loses
 * nothing; a collision is shown and the form stays as typed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/util.h"
#include "ui/form.h"
#include "ui/ui.h"

struct mform {
	struct form_screen fs; /* first: the form handlers use it */
	struct db_meeting base; /* as opened (id 0: a new one) */
	char agencies[400];     /* invited, as opened */
};

/* The agencies meeting ID invited, space-separated, into BUF (N
 * bytes). */
static enum db_status
read_invited(struct ui *ui, int64_t id, char *buf, size_t n)
{
	struct db_meeting_agencies list = { 0 };
	enum db_status st = db_meeting_agencies(ui->db, id, &list);
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < list.n; i++)
		if (list.v[i].invited) {
			str_printf(buf + len, n - len, "%s%s", len ? " " : "",
				   list.v[i].agency);
			len = strlen(buf);
		}
	db_list_free(&list);
	return st;
}

/* Whether the space- or comma-separated LIST holds WORD. */
static bool
listed(const char *list, const char *word)
{
	size_t wn = strlen(word);

	for (const char *p = list; *p;) {
		size_t n = strcspn(p, " ,");

		if (n == wn && strncmp(p, word, n) == 0)
			return true;
		p += n;
		p += strspn(p, " ,");
	}
	return false;
}

static unsigned
mform_save(struct ui *ui, struct screen *s)
{
	struct mform *f = s->data;
	struct form_model *fm = &f->fs.fm;
	struct db_meeting m = f->base;
	const char *want = field_text(&fm->f[MF_AGENCIES]);
	const char *codes[64];
	char words[400], *save = NULL;
	size_t n = 0;
	enum db_status st;

	str_copy(m.date, field_text(&fm->f[MF_DATE]), sizeof m.date);
	str_copy(m.time, field_text(&fm->f[MF_TIME]), sizeof m.time);
	m.level = fm->f[MF_LEVEL].choice == 1 ? 3 : 2;
	str_copy(m.chair, field_text(&fm->f[MF_CHAIR]), sizeof m.chair);
	str_copy(m.venue, field_text(&fm->f[MF_VENUE]), sizeof m.venue);
	str_copy(words, want, sizeof words);
	for (char *w = strtok_r(words, " ,", &save); w && n < 64;
	     w = strtok_r(NULL, " ,", &save))
		codes[n++] = w;
	if (f->base.id == 0) {
		st = db_meeting_add(ui->db, &m, codes, n);
	} else if ((st = db_begin(ui->db)) == DB_OK) {
		/* The details and the invitations are one write: a part
		 * refused saves none of it. */
		st = db_meeting_update(ui->db, &f->base, &m);
		for (size_t i = 0; st == DB_OK && i < n; i++)
			if (!listed(f->agencies, codes[i]))
				st = db_meeting_invite(ui->db, m.id, codes[i],
						       true);
		str_copy(words, f->agencies, sizeof words);
		for (char *w = strtok_r(words, " ,", &save); st == DB_OK && w;
		     w = strtok_r(NULL, " ,", &save))
			if (!listed(want, w))
				st = db_meeting_invite(ui->db, m.id, w, false);
		if (st == DB_OK)
			st = db_commit(ui->db);
		else
			db_rollback(ui->db);
	}
	if (st == DB_CONFLICT && f->base.id &&
	    db_meeting_get(ui->db, f->base.id, &f->base) == DB_OK) {
		/* The form keeps what was typed; saving again puts it over
		 * the version now stored, knowingly. */
		ui_fmt(f->fs.banner, sizeof f->fs.banner, "Not saved: %s "
		       "Save again to put yours over theirs, Esc to drop "
		       "yours.", db_errmsg(ui->db));
		f->fs.banner_error = true;
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		return DRAW_BODY;
	}
	if (st != DB_OK) {
		/* The form keeps what was typed; the banner says why. */
		ui_fmt(f->fs.banner, sizeof f->fs.banner, "Not saved: %s",
		       db_errmsg(ui->db));
		f->fs.banner_error = true;
		ui_error(ui, "Not saved: %s", db_errmsg(ui->db));
		return DRAW_BODY;
	}
	ui->saved_id = m.id;
	ui_msg(ui, "Meeting %lld saved: Level %d on %s.", (long long)m.id,
	       m.level, m.date);
	return ui_pop(ui, RESULT_SAVED);
}

static void
mform_title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct mform *f = s->data;

	(void)ui;
	if (f->base.id)
		ui_fmt(buf, n, "Meeting %lld", (long long)f->base.id);
	else
		ui_fmt(buf, n, "New meeting");
}

static const struct screen_ops mform_ops = {
	.name = "A MAPP meeting",
	FORM_SCREEN_CALLBACKS,
	.title = mform_title,
	.destroy = form_destroy,
};

struct screen *
scr_meeting_form_new(struct ui *ui, int64_t id)
{
	struct mform *f;
	struct screen *s = ui_screen_new(ui, &mform_ops, sizeof *f);

	if (s == NULL)
		return NULL;
	f = s->data;
	if (id) {
		if (db_meeting_get(ui->db, id, &f->base) != DB_OK ||
		    read_invited(ui, id, f->agencies, sizeof f->agencies) !=
			    DB_OK) {
			ui_error(ui, "Meeting %lld cannot be read: %s",
				 (long long)id, db_errmsg(ui->db));
			free(f);
			free(s);
			return NULL;
		}
		forms_meeting(&f->fs.fm, &f->base, f->agencies, ui->today);
		ui_fmt(f->fs.heading, sizeof f->fs.heading, "Meeting %lld, "
		       "%s", (long long)id,
		       meeting_status_name(f->base.status));
	} else {
		const char *inv[32];
		size_t n = agenda_invited_default(inv, NELEM(inv));

		/* The agencies a new meeting invites: the same as
		 * `meeting add` without --invite (core/agenda.c). */
		f->agencies[0] = '\0';
		for (size_t i = 0; i < n; i++)
			ui_fmt(f->agencies + strlen(f->agencies),
			       sizeof f->agencies - strlen(f->agencies),
			       "%s%s", i ? " " : "", inv[i]);
		forms_meeting(&f->fs.fm, NULL, f->agencies, ui->today);
		str_copy(f->fs.heading, "Schedule a MAPP meeting",
			 sizeof f->fs.heading);
	}
	f->fs.save = mform_save;
	form_start(&f->fs);
	return s;
}
