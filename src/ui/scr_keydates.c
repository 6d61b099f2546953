/*
 * scr_keydates.c -- the key-date lists of the case file (issue 15):
 * MAPPA J due or overdue, releases, licences and notifications ending in
 * the next six weeks, reached from the register (J).
 *
 * Members and admins only: the data layer refuses a lay adviser.
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

struct kd {
	struct view v;
	int cases[DB_KEY_LISTS];
	bool failed;
};

/* Case K of list L as a line of view V, WIDTH columns. */
static void
kd_case(struct view *v, int width, enum db_key_list l,
	const struct db_key_case *k)
{
	char line[600], name[2 * DB_FIELD_MAX + 4];
	/* The name takes what the row leaves, 12 to 32 columns. */
	int w = width - 66;	/* 2 + ref 11 + the rest 53 */

	size_t len;
	int used = 0;

	w = w < 12 ? 12 : w > 32 ? 32 : w;
	ui_fmt(name, sizeof name, "%s%s%s", k->surname,
	       k->forenames[0] ? ", " : "", k->forenames);
	/* Cut and padded in columns, never inside a character. */
	len = text_fit(name, w, &used);
	while (used < w && len + 1 < sizeof name) {
		name[len++] = ' ';
		used++;
	}
	name[len] = '\0';
	if (l == DB_KEY_MAPPA_J)
		ui_fmt(line, sizeof line, "%-11s  %s  L%d  release %s  "
		       "J due %s%s", k->ref, name, k->level, k->date,
		       k->due, k->j_state == CF_J_OVERDUE ? "  OVERDUE" : "");
	else
		ui_fmt(line, sizeof line, "%-11s  %s  L%d  %-9s  %s",
		       k->ref, name, k->level, case_status_name(k->status),
		       k->date);
	view_wrap(v, k->j_state == CF_J_OVERDUE ? R_OVERDUE : R_NORMAL, 2,
		  line, width);
}

static void
kd_build(struct ui *ui, struct kd *k)
{
	char d[MDATE_BUFSZ], line[200];
	struct db_key_cases cases = { 0 };

	view_clear(&k->v);
	k->failed = false;
	view_add(&k->v, R_DIM, 0, ui_fmt(line, sizeof line, "As of %s; the "
					 "window is %d days (six weeks).",
					 date_format(ui->today, d),
					 CF_WINDOW_DAYS));
	for (int l = 0; l < DB_KEY_LISTS; l++) {
		enum db_key_list list = (enum db_key_list)l;

		view_add(&k->v, R_NORMAL, 0, "");
		view_add(&k->v, R_SECTION, 0, db_key_list_title(list));
		if (db_key_list(ui->db, list, ui->today, &cases) != DB_OK) {
			view_add(&k->v, R_ERROR, 2, db_errmsg(ui->db));
			k->failed = true;
		} else if (cases.n == 0) {
			view_add(&k->v, R_DIM, 2, "None.");
		}
		for (int i = 0; i < cases.n; i++)
			kd_case(&k->v, ui->cols - 2, list, &cases.v[i]);
		k->cases[l] = cases.n;
	}
	db_list_free(&cases);
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

/* Only the six moves: the loop hands them to kd_move(). */
static const struct ui_handler kd_handlers[] = {
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
	.moving = kd_move,
	.title = kd_title,
	.layout = kd_layout,
	.draw = kd_draw,
	.changed = kd_changed,
	.destroy = kd_destroy,
};

/* Log the lists' consultation, naming the cases they show (as a list of
 * actions does), so that `audit --case` finds who looked. */
static enum db_status
kd_consult(struct ui *ui)
{
	struct db_key_cases cases = { 0 };
	int64_t *ids = NULL;
	int n = 0, cap = 0;
	enum db_status st = DB_OK;

	/* The cases the lists show, in their order. */
	for (int l = 0; l < DB_KEY_LISTS && st == DB_OK; l++) {
		st = db_key_list(ui->db, (enum db_key_list)l, ui->today,
				 &cases);
		for (int i = 0; st == DB_OK && i < cases.n; i++)
			if (array_push(&ids, &n, &cap, &cases.v[i].id,
				       sizeof cases.v[i].id) != 0)
				st = DB_ERROR;
	}
	if (st == DB_OK)
		st = db_audit_consult(ui->db, "keydates.view", ids,
				      (size_t)n, "screen");
	db_list_free(&cases);
	free(ids);
	return st;
}

struct screen *
scr_keydates_new(struct ui *ui)
{
	struct screen *s = ui_screen_new(ui, &kd_ops, sizeof(struct kd));

	if (s == NULL)
		return NULL;
	/* Logged once, on opening; refreshes are part of that reading. */
	if (kd_consult(ui) != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		kd_destroy(s);
		return NULL;
	}
	return s;
}
