/*
 * scr_meetings.c -- the MAPP meetings (issue 7): upcoming and past, by
 * level and status, one line each with its progress; a form to schedule
 * a meeting or edit one (date, time, level, chair, venue, invited
 * agencies); from a meeting, meeting mode and the agenda builder
 * (scr_meeting.c), hold and cancel.
 *
 * Everyone reads the list; a lay adviser's has no chairs (the data
 * layer withholds them) and no names, as the command line's.  The form
 * saves a meeting's details by the data layer's three-way merge from
 * what it opened, so that a chair editing the same meeting loses
 * nothing; a collision is shown and the form stays as typed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/process.h"
#include "core/util.h"
#include "ui/form.h"
#include "ui/ui.h"

#define LIST_TOP (UI_BODY_TOP + 2)

enum when { WHEN_UPCOMING, WHEN_PAST, WHEN_ALL };

struct mlist {
	struct db_meeting *v;
	int n, cap;
	int cur, top;
	enum when when;
	int level;          /* 0: both */
	int status;         /* 0 all, 1 scheduled, 2 held, 3 cancelled */
	int64_t cancelling; /* the meeting a cancel or reopen question is
			       about */
};

static const char *const status_names[] = { NULL, "scheduled", "held",
					    "cancelled" };

static struct mlist *
ml_of(const struct screen *s)
{
	return s->data;
}

static int
list_rows(const struct ui *ui)
{
	int h = ui_body_rows(ui) - (LIST_TOP - UI_BODY_TOP);

	return h > 0 ? h : 0;
}

static int
collect(void *ctx, const struct db_meeting *m)
{
	struct mlist *l = ctx;

	if (l->n == l->cap) {
		int nc = l->cap ? l->cap * 2 : 32;
		struct db_meeting *v = realloc(l->v, (size_t)nc * sizeof *v);

		if (v == NULL)
			return 1;
		l->v = v;
		l->cap = nc;
	}
	l->v[l->n++] = *m;
	return 0;
}

/* Read the list again, keeping the selected meeting selected. */
static bool
load(struct ui *ui, struct mlist *l)
{
	struct db_meeting_query q = { MDATE_NONE, MDATE_NONE, l->level,
				      status_names[l->status] };
	int64_t was = l->cur < l->n ? l->v[l->cur].id : 0;

	if (l->when == WHEN_UPCOMING)
		q.from = ui->today;
	else if (l->when == WHEN_PAST)
		q.to = ui->today - 1;
	l->n = 0;
	if (db_meeting_list(ui->db, &q, collect, l) != DB_OK) {
		ui_error(ui, "The meetings cannot be read: %s",
			 db_errmsg(ui->db));
		return false;
	}
	l->cur = 0;
	for (int i = 0; i < l->n; i++)
		if (l->v[i].id == was)
			l->cur = i;
	if (l->top > l->cur)
		l->top = l->cur;
	return true;
}

static bool
has_row(const struct screen *s)
{
	const struct mlist *l = ml_of(s);

	return l->cur < l->n;
}

/* --- the form ------------------------------------------------------------ */

struct mform {
	struct form_screen fs; /* first: the form handlers use it */
	struct db_meeting base; /* as opened (id 0: a new one) */
	char agencies[400];     /* invited, as opened */
};

static int
collect_invited(void *ctx, const struct db_meeting_agency *a)
{
	char *buf = ctx;
	size_t len = strlen(buf);

	if (a->invited)
		str_printf(buf + len, 400 - len, "%s%s", len ? " " : "",
			   a->agency);
	return 0;
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

static void
mform_destroy(struct screen *s)
{
	struct mform *f = s->data;

	forms_free(&f->fs.fm);
	free(f);
	free(s);
}

static const struct screen_ops mform_ops = {
	.name = "A MAPP meeting",
	.ctx = CTX_FORM,
	.handlers = form_handlers,
	.input = form_input,
	.title = mform_title,
	.draw = form_draw,
	.unsaved = form_unsaved,
	.destroy = mform_destroy,
};

/* The form for meeting ID (0: a new one). */
static struct screen *
mform_new(struct ui *ui, int64_t id)
{
	struct screen *s = calloc(1, sizeof *s);
	struct mform *f = calloc(1, sizeof *f);

	if (s == NULL || f == NULL) {
		free(s);
		free(f);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	s->ops = &mform_ops;
	s->data = f;
	if (id) {
		if (db_meeting_get(ui->db, id, &f->base) != DB_OK ||
		    db_meeting_agencies(ui->db, id, collect_invited,
					f->agencies) != DB_OK) {
			ui_error(ui, "Meeting %lld cannot be read: %s",
				 (long long)id, db_errmsg(ui->db));
			free(f);
			free(s);
			return NULL;
		}
		forms_meeting(&f->fs.fm, &f->base, f->agencies, ui->today);
		ui_fmt(f->fs.heading, sizeof f->fs.heading, "Meeting %lld, "
		       "%s", (long long)id, f->base.status);
	} else {
		str_copy(f->agencies, "police probation prison",
			 sizeof f->agencies);
		forms_meeting(&f->fs.fm, NULL, f->agencies, ui->today);
		str_copy(f->fs.heading, "Schedule a MAPP meeting",
			 sizeof f->fs.heading);
	}
	f->fs.save = mform_save;
	form_start(&f->fs);
	return s;
}

/* --- handlers ------------------------------------------------------------ */

static unsigned
go_row(struct ui *ui, struct mlist *l, int to)
{
	return ui_list_go(l->n, &l->cur, &l->top, list_rows(ui), to);
}

static unsigned
up(struct ui *ui, struct screen *s)
{
	return go_row(ui, ml_of(s), ml_of(s)->cur - 1);
}

static unsigned
down(struct ui *ui, struct screen *s)
{
	return go_row(ui, ml_of(s), ml_of(s)->cur + 1);
}

static unsigned
home(struct ui *ui, struct screen *s)
{
	return go_row(ui, ml_of(s), 0);
}

static unsigned
end(struct ui *ui, struct screen *s)
{
	return go_row(ui, ml_of(s), ml_of(s)->n - 1);
}

static unsigned
reload(struct ui *ui, struct screen *s)
{
	load(ui, ml_of(s));
	return DRAW_BODY | DRAW_TITLE;
}

static unsigned
filter_level(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	l->level = l->level == 0 ? 2 : l->level == 2 ? 3 : 0;
	return reload(ui, s);
}

static unsigned
filter_status(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	l->status = (l->status + 1) % 4;
	return reload(ui, s);
}

static unsigned
when(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	l->when = (enum when)((l->when + 1) % 3);
	return reload(ui, s);
}

static unsigned
new_meeting(struct ui *ui, struct screen *s)
{
	(void)s;
	return ui_push(ui, mform_new(ui, 0));
}

static unsigned
edit(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	return ui_push(ui, mform_new(ui, l->v[l->cur].id));
}

static unsigned
mode(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	return ui_push(ui, scr_meeting_new(ui, l->v[l->cur].id));
}

static unsigned
agenda(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	return ui_push(ui, scr_agenda_new(ui, l->v[l->cur].id));
}

unsigned
ui_meeting_ask_hold(struct ui *ui, struct screen *s,
		    const struct db_meeting *m, char *q, size_t n,
		    ui_answer_fn answer)
{
	mdate date;

	if (strcmp(m->status, "scheduled") != 0) {
		ui_error(ui, "Meeting %lld is %s already.", (long long)m->id,
			 m->status);
		return DRAW_STATUS;
	}
	if (date_parse(m->date, &date) != 0 ||
	    !process_may_hold(date, ui->today)) {
		ui_error(ui, "Meeting %lld is on %s: it can be marked held on "
			 "or after that day.", (long long)m->id, m->date);
		return DRAW_STATUS;
	}
	return ui_ask_yes(ui, s, ui_fmt(q, n, "Mark meeting %lld of %s held? "
				       "It can then be minuted. (y/n)",
				       (long long)m->id, m->date), answer);
}

static unsigned
hold_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mlist *l = ml_of(s);
	int64_t id = l->v[l->cur].id;

	(void)text;
	if (!ok)
		return DRAW_NONE;
	if (db_meeting_hold(ui->db, id, ui->today, NULL) != DB_OK)
		ui_error(ui, "Not held: %s", db_errmsg(ui->db));
	else
		ui_msg(ui, "Meeting %lld is held: it may be minuted.",
		       (long long)id);
	return reload(ui, s);
}

static unsigned
hold(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);
	char q[160];

	return ui_meeting_ask_hold(ui, s, &l->v[l->cur], q, sizeof q,
				   hold_answered);
}

static unsigned
cancel_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mlist *l = ml_of(s);

	(void)text;
	if (!ok)
		return DRAW_NONE;
	if (db_meeting_cancel(ui->db, l->cancelling, NULL) != DB_OK)
		ui_error(ui, "Not cancelled: %s", db_errmsg(ui->db));
	else
		ui_msg(ui, "Meeting %lld cancelled.",
		       (long long)l->cancelling);
	return reload(ui, s);
}

static unsigned
cancel(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	l->cancelling = l->v[l->cur].id;
	return ui_ask_yes(ui, s, "Cancel this meeting? (y/n)",
			  cancel_answered);
}

static unsigned
reopen_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mlist *l = ml_of(s);

	if (!ok)
		return DRAW_NONE;
	if (db_meeting_reopen(ui->db, l->cancelling, text, NULL) != DB_OK) {
		ui_error(ui, "Not reopened: %s", db_errmsg(ui->db));
		return DRAW_STATUS;
	}
	ui_msg(ui, "Meeting %lld is scheduled again; the reason is in the "
	       "audit trail.", (long long)l->cancelling);
	return reload(ui, s);
}

/* An admin's act: a held meeting back to scheduled, with the reason. */
static unsigned
reopen(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);
	char label[96];

	if (strcmp(l->v[l->cur].status, "held") != 0) {
		ui_error(ui, "Meeting %lld is %s, not held.",
			 (long long)l->v[l->cur].id, l->v[l->cur].status);
		return DRAW_STATUS;
	}
	l->cancelling = l->v[l->cur].id;
	return ui_ask_line(ui, s, ui_fmt(label, sizeof label, "Why reopen "
				      "held meeting %lld? (kept in the audit "
				      "trail):", (long long)l->cancelling),
			   reopen_answered, NULL);
}

/* The first meeting on or after DATE ("YYYY-MM-DD"), else the last. */
static int
first_from(const struct mlist *l, const char *date)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->v[i].date, date) >= 0)
			return i;
	return l->n - 1;
}

static unsigned
goto_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct mlist *l = ml_of(s);
	mdate d;

	if (!ok || !text[0])
		return DRAW_NONE;
	if (date_parse(text, &d) != 0) {
		ui_error(ui, "A date reads YYYY-MM-DD.");
		return DRAW_STATUS;
	}
	return go_row(ui, l, first_from(l, text));
}

static unsigned
goto_date(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Go to the date (YYYY-MM-DD):",
			   goto_answered, NULL);
}

static const struct ui_handler handlers[] = {
	{ A_MEET_MODE, NEED_ROW | NEED_WRITE, mode, "meeting mode" },
	{ A_MEET_NEW, NEED_WRITE, new_meeting, "new" },
	{ A_MEET_EDIT, NEED_ROW | NEED_WRITE, edit, "edit" },
	{ A_AGENDA, NEED_ROW | NEED_WRITE, agenda, "agenda" },
	{ A_MEET_HOLD, NEED_ROW | NEED_WRITE, hold, "held" },
	{ A_MEET_CANCEL, NEED_ROW | NEED_WRITE, cancel, NULL },
	{ A_MEET_REOPEN, NEED_ROW | NEED_ADMIN, reopen, NULL },
	{ A_MEET_WHEN, 0, when, "upcoming/past" },
	{ A_MEET_GOTO, 0, goto_date, "date" },
	{ A_FILTER_LEVEL, 0, filter_level, "level" },
	{ A_FILTER_STATUS, 0, filter_status, "status" },
	{ A_UP, 0, up, NULL },
	{ A_DOWN, 0, down, NULL },
	{ A_HOME, 0, home, NULL },
	{ A_END, 0, end, NULL },
	{ A_NONE, 0, NULL, NULL },
};

/* --- drawing ------------------------------------------------------------- */

static const char *const when_names[] = { "upcoming", "past", "all" };

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct mlist *l = ml_of(s);

	(void)ui;
	ui_fmt(buf, n, "MAPP meetings: %d %s", l->n, when_names[l->when]);
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct mlist *l = ml_of(s);
	int h = list_rows(ui);
	char line[512], lv[16];

	if (!(what & (DRAW_BODY | DRAW_CURSOR)))
		return;
	if (l->level)
		ui_fmt(lv, sizeof lv, "Level %d", l->level);
	else
		str_copy(lv, "both levels", sizeof lv);
	ui_put(UI_BODY_TOP, 0, ui->cols, ui_fmt(line, sizeof line,
	       "Showing %s meetings, %s, %s", when_names[l->when], lv,
	       l->status ? status_names[l->status] : "any status"),
	       ui_attr(R_INFO), PUT_PAD);
	ui_put(UI_BODY_TOP + 1, 0, ui->cols, ui_fmt(line, sizeof line,
	       "  %5s  %-10s %-5s %-5s %-9s %-9s %-20s %s", "Id", "Date",
	       "Time", "Level", "Status", "Progress", "Chair", "Venue"),
	       ui_attr(R_HEADER), PUT_PAD);
	for (int i = 0; i < h; i++) {
		int k = l->top + i, y = LIST_TOP + i;
		const struct db_meeting *m;
		char prog[24];
		attr_t a;

		if (k >= l->n) {
			if (i == 0 && l->n == 0)
				ui_put(y, 2, ui->cols - 2, "No meetings.",
				       ui_attr(R_DIM), PUT_PAD);
			else
				ui_blank(y, 0, ui->cols, A_NORMAL);
			continue;
		}
		m = &l->v[k];
		a = ui_attr(k == l->cur ? R_SELECTED
			    : strcmp(m->status, "cancelled") == 0 ? R_DIM
			    : m->level == 3 ? R_LEVEL3 : R_NORMAL);
		ui_fmt(prog, sizeof prog, "%d of %d", m->discussed, m->cases);
		ui_put(y, 0, ui->cols, ui_fmt(line, sizeof line,
		       "%s %5lld  %-10s %-5s %-5d %-9s %-9s %-20.20s %s",
		       k == l->cur ? ">" : " ", (long long)m->id, m->date,
		       m->time, m->level, m->status, prog, m->chair,
		       m->venue), a, PUT_PAD | PUT_ELLIPSIS);
	}
}

static unsigned
layout(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	return go_row(ui, l, l->cur) | DRAW_BODY;
}

static unsigned
changed(struct ui *ui, struct screen *s)
{
	return reload(ui, s);
}

static unsigned
resumed(struct ui *ui, struct screen *s, int result)
{
	struct mlist *l = ml_of(s);

	load(ui, l);
	if (result == RESULT_SAVED)
		for (int i = 0; i < l->n; i++)
			if (l->v[i].id == ui->saved_id)
				go_row(ui, l, i);
	return DRAW_ALL;
}

static void
destroy(struct screen *s)
{
	struct mlist *l = ml_of(s);

	free(l->v);
	free(l);
	free(s);
}

static const struct screen_ops ops = {
	.name = "MAPP meetings",
	.ctx = CTX_MEETINGS,
	.handlers = handlers,
	.has_row = has_row,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = changed,
	.resumed = resumed,
	.destroy = destroy,
};

struct screen *
scr_meetings_new(struct ui *ui)
{
	struct screen *s = calloc(1, sizeof *s);
	struct mlist *l = calloc(1, sizeof *l);

	if (s == NULL || l == NULL) {
		free(s);
		free(l);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	s->ops = &ops;
	s->data = l;
	l->when = WHEN_ALL;
	if (!load(ui, l)) {
		destroy(s);
		return NULL;
	}
	/* The next meeting to sit first; the past above it. */
	{
		char d[MDATE_BUFSZ];
		int h = list_rows(ui);

		l->cur = l->n ? first_from(l, date_format(ui->today, d)) : 0;
		l->top = h > 0 && l->cur >= h / 2 ? l->cur - h / 2 : 0;
	}
	return s;
}
