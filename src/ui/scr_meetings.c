/*
 * scr_meetings.c -- the MAPP meetings (issue 7): upcoming and past, by
 * level and status, one line each with its progress; the form to
 * schedule a meeting or edit one (scr_meeting_form.c); from a meeting,
 * meeting mode (scr_meeting.c) and the agenda builder (scr_agenda.c),
 * hold and cancel.
 *
 * Everyone reads the list; a lay adviser's has no chairs (the data
 * layer withholds them) and no names, as the command line's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/status.h"
#include "core/process.h"
#include "core/util.h"
#include "ui/list.h"
#include "ui/ui.h"

#define LIST_TOP (UI_BODY_TOP + 2)

enum when { WHEN_UPCOMING, WHEN_PAST, WHEN_ALL };

struct mlist {
	struct list list;   /* first (list.h); list.n: m.n */
	struct db_meetings m;
	enum when when;
	int level;          /* 0: both */
	int status;         /* 0 all, else 1 + enum meeting_status */
	int64_t cancelling; /* the meeting a cancel or reopen question is
			       about */
};

static struct mlist *
ml_of(const struct screen *s)
{
	return s->data;
}

static int
list_rows(const struct ui *ui)
{
	return list_height(ui, LIST_TOP);
}

/* Read the list again, keeping the selected meeting selected. */
static bool
load(struct ui *ui, struct mlist *l)
{
	struct db_meeting_query q = { MDATE_NONE, MDATE_NONE, l->level,
				      l->status - 1 };
	int64_t was = l->list.cur < l->list.n ? l->m.v[l->list.cur].id : 0;

	if (l->when == WHEN_UPCOMING)
		q.from = ui->today;
	else if (l->when == WHEN_PAST)
		q.to = ui->today - 1;
	l->list.n = 0;
	if (db_meeting_list(ui->db, &q, &l->m) != DB_OK) {
		ui_error(ui, "The meetings cannot be read: %s",
			 db_errmsg(ui->db));
		return false;
	}
	l->list.n = l->m.n;
	l->list.cur = 0;
	for (int i = 0; i < l->list.n; i++)
		if (l->m.v[i].id == was)
			l->list.cur = i;
	if (l->list.top > l->list.cur)
		l->list.top = l->list.cur;
	return true;
}

/* --- handlers ------------------------------------------------------------ */

static unsigned
go_row(struct ui *ui, struct mlist *l, int to)
{
	return list_go(&l->list, list_rows(ui), to);
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

	l->status = (l->status + 1) % (MEETING_STATUSES + 1);
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
	return ui_push(ui, scr_meeting_form_new(ui, 0));
}

static unsigned
edit(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	return ui_push(ui, scr_meeting_form_new(ui, l->m.v[l->list.cur].id));
}

static unsigned
mode(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	return ui_push(ui, scr_meeting_new(ui, l->m.v[l->list.cur].id));
}

static unsigned
agenda(struct ui *ui, struct screen *s)
{
	struct mlist *l = ml_of(s);

	return ui_push(ui, scr_agenda_new(ui, l->m.v[l->list.cur].id));
}

unsigned
ui_meeting_ask_hold(struct ui *ui, struct screen *s,
		    const struct db_meeting *m, char *q, size_t n,
		    ui_answer_fn answer)
{
	mdate date;

	if (m->status != MEETING_SCHEDULED) {
		ui_error(ui, "Meeting %lld is %s already.", (long long)m->id,
			 meeting_status_name(m->status));
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
	int64_t id = l->m.v[l->list.cur].id;

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

	return ui_meeting_ask_hold(ui, s, &l->m.v[l->list.cur], q, sizeof q,
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

	l->cancelling = l->m.v[l->list.cur].id;
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

	if (l->m.v[l->list.cur].status != MEETING_HELD) {
		ui_error(ui, "Meeting %lld is %s, not held.",
			 (long long)l->m.v[l->list.cur].id,
			 meeting_status_name(l->m.v[l->list.cur].status));
		return DRAW_STATUS;
	}
	l->cancelling = l->m.v[l->list.cur].id;
	return ui_ask_line(ui, s, ui_fmt(label, sizeof label, "Why reopen "
				      "held meeting %lld? (kept in the audit "
				      "trail):", (long long)l->cancelling),
			   reopen_answered, NULL);
}

struct from {
	const struct mlist *l;
	const char *date;
};

static bool
on_or_after(int row, void *ctx)
{
	const struct from *f = ctx;

	return strcmp(f->l->m.v[row].date, f->date) >= 0;
}

/* The first meeting on or after DATE ("YYYY-MM-DD"), else the last. */
static int
first_from(const struct mlist *l, const char *date)
{
	struct from f = { l, date };
	int k = list_find(&l->list, 0, 1, false, on_or_after, &f);

	return k >= 0 ? k : l->list.n - 1;
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
	{ A_NONE, 0, NULL, NULL },
};

/* --- drawing ------------------------------------------------------------- */

static const char *const when_names[] = { "upcoming", "past", "all" };

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct mlist *l = ml_of(s);

	(void)ui;
	ui_fmt(buf, n, "MAPP meetings: %d %s", l->list.n, when_names[l->when]);
}

static void
row(int k, void *ctx, struct list_row *out)
{
	const struct mlist *l = ctx;
	const struct db_meeting *m = &l->m.v[k];
	char prog[24];

	ui_fmt(prog, sizeof prog, "%d of %d", m->discussed, m->cases);
	ui_fmt(out->text, sizeof out->text, "%5lld  %-10s %-5s %-5d %-9s "
	       "%-9s %-20.20s %s", (long long)m->id, m->date, m->time,
	       m->level, meeting_status_name(m->status), prog, m->chair,
	       m->venue);
	if (m->status == MEETING_CANCELLED)
		out->attr = ui_attr(R_DIM);
	else if (m->level == 3)
		out->attr = ui_attr(R_LEVEL3);
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct mlist *l = ml_of(s);
	char line[512], lv[16];

	if (!(what & (DRAW_BODY | DRAW_CURSOR)))
		return;
	if (l->level)
		ui_fmt(lv, sizeof lv, "Level %d", l->level);
	else
		str_copy(lv, "both levels", sizeof lv);
	ui_put(UI_BODY_TOP, 0, ui->cols, ui_fmt(line, sizeof line,
	       "Showing %s meetings, %s, %s", when_names[l->when], lv,
	       l->status ? meeting_status_name(l->status - 1) : "any status"),
	       ui_attr(R_INFO), PUT_PAD);
	ui_put(UI_BODY_TOP + 1, 0, ui->cols, ui_fmt(line, sizeof line,
	       "  %5s  %-10s %-5s %-5s %-9s %-9s %-20s %s", "Id", "Date",
	       "Time", "Level", "Status", "Progress", "Chair", "Venue"),
	       ui_attr(R_HEADER), PUT_PAD);
	list_draw(ui, &l->list, "No meetings.", row, l);
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
		for (int i = 0; i < l->list.n; i++)
			if (l->m.v[i].id == ui->saved_id)
				go_row(ui, l, i);
	return DRAW_ALL;
}

static void
destroy(struct screen *s)
{
	struct mlist *l = ml_of(s);

	db_list_free(&l->m);
	free(l);
	free(s);
}

static const struct screen_ops ops = {
	.name = "MAPP meetings",
	.ctx = CTX_MEETINGS,
	.handlers = handlers,
	LIST_SCREEN_CALLBACKS,
	.title = title,
	.draw = draw,
	.changed = changed,
	.resumed = resumed,
	.destroy = destroy,
};

struct screen *
scr_meetings_new(struct ui *ui)
{
	struct mlist *l;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *l);

	if (s == NULL)
		return NULL;
	l = s->data;
	l->list.y = LIST_TOP;
	l->when = WHEN_ALL;
	if (!load(ui, l)) {
		destroy(s);
		return NULL;
	}
	/* The next meeting to sit first; the past above it. */
	{
		char d[MDATE_BUFSZ];
		int h = list_rows(ui);

		l->list.cur = l->list.n ? first_from(l, date_format(ui->today,
								      d)) : 0;
		l->list.top = h > 0 && l->list.cur >= h / 2
			      ? l->list.cur - h / 2 : 0;
	}
	return s;
}
