/*
 * scr_statcases.c -- the cases that make up one figure of the
 * statistics: their reference and name for members and admins, only the
 * pseudonymous reference for a lay adviser (never a name, date of birth,
 * PNC, CRN or free text), with each case's category, level and status
 * today.  Enter opens the case's record.
 *
 * The statistics screen hands over the offender ids (statsmodel.c); this
 * screen reads only the rows it shows, through the register reader
 * (db_reg_get()), which gives a lay adviser's row without any identity,
 * so a list of 100,000 cases opens as fast as a list of two.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/statsmodel.h"
#include "ui/text.h"
#include "ui/list.h"
#include "ui/ui.h"

struct sc {
	struct sm_cases c;
	int figure;                /* the figure as counted on opening */
	struct db_register *reg;
	struct db_reg_query q;
	int top, cur;
	struct db_reg_row *rows;   /* the rows top .. top + nrows - 1 */
	bool *missing;             /* a row no longer recorded */
	size_t rows_cap, missing_cap; /* allocated (array_reserve) */
	int nrows, cap;
	bool loaded;               /* ROWS hold TOP's page */
	char what[200];            /* what the figure counts */
};

#define LIST_TOP (UI_BODY_TOP + 2)

static struct sc *
sc_of(const struct screen *s)
{
	return s->data;
}

static int
list_rows(const struct ui *ui)
{
	return ui->rows - 5 > 1 ? ui->rows - 5 : 1;
}

static int
count(const struct sc *p)
{
	return (int)p->c.n;
}

/* Read the rows of the page from TOP; false (the message says why) on
 * a database failure. */
static bool
fill(struct ui *ui, struct sc *p)
{
	int h = list_rows(ui);

	if (h > p->cap) {
		if (array_reserve(&p->rows, &p->rows_cap, (size_t)h,
				  sizeof *p->rows) != 0 ||
		    array_reserve(&p->missing, &p->missing_cap, (size_t)h,
				  sizeof *p->missing) != 0) {
			ui_error(ui, "Out of memory.");
			return false;
		}
		p->cap = h;
	}
	p->nrows = 0;
	for (int i = 0; i < h && p->top + i < count(p); i++) {
		enum db_status st = db_reg_get(p->reg, &p->q,
					       p->c.v[p->top + i].id,
					       &p->rows[i]);

		p->missing[i] = st == DB_NOTFOUND;
		if (st != DB_OK && st != DB_NOTFOUND) {
			ui_error(ui, "%s", db_errmsg(ui->db));
			p->loaded = false;
			return false;
		}
		p->nrows++;
	}
	p->loaded = true;
	return true;
}

/* Keep CUR on the page; read the page again when it moved or RELOAD. */
static unsigned
settle(struct ui *ui, struct sc *p, bool reload)
{
	int h = list_rows(ui), top = p->top, n = count(p);

	if (p->cur >= n)
		p->cur = n - 1;
	if (p->cur < 0)
		p->cur = 0;
	if (p->cur < top)
		top = p->cur;
	if (p->cur >= top + h)
		top = p->cur - h + 1;
	if (top > n - h)
		top = n - h;
	if (top < 0)
		top = 0;
	if (top != p->top || reload || !p->loaded) {
		p->top = top;
		fill(ui, p);
		return DRAW_BODY;
	}
	return DRAW_BODY;
}

/* --- drawing ------------------------------------------------------------------ */

static void
draw_summary(struct ui *ui, struct sc *p)
{
	char line[400], a[32], b[32];
	size_t n;

	if (p->c.cell.table == SM_ORDERS)
		n = (size_t)snprintf(line, sizeof line, "%s orders in %s "
				     "cases: %s", ui_count(a, sizeof a,
							   p->c.total),
				     ui_count(b, sizeof b, count(p)), p->what);
	else
		n = (size_t)snprintf(line, sizeof line, "%s case%s: %s",
				     ui_count(a, sizeof a, count(p)),
				     count(p) == 1 ? "" : "s", p->what);
	if (p->c.total != p->figure && n < sizeof line)
		snprintf(line + n, sizeof line - n, "  (the figure counted "
			 "when the statistics opened: %s)",
			 ui_count(a, sizeof a, p->figure));
	ui_put(UI_BODY_TOP, 1, ui->cols - 2, line, ui_attr(R_DIM),
	       PUT_PAD | PUT_ELLIPSIS);
}

/* The columns: x and width of each, for this terminal. */
struct cols {
	int ref, name, cat, lvl, status, orders;
	int ref_w, name_w;
};

static void
columns(const struct ui *ui, const struct sc *p, struct cols *c)
{
	int x = 1;

	c->ref = x;
	c->ref_w = ui->cols >= 80 ? 18 : 12;
	x += c->ref_w + 1;
	c->name = c->name_w = 0;
	if (!ui->lay) {
		/* The name takes what the other columns leave (the
		 * narrowest terminal leaves it 6 columns). */
		c->name = x;
		c->name_w = ui->cols - 1 - x - (3 + 1) * 2 - (9 + 1) -
			    (p->c.cell.table == SM_ORDERS ? 7 : 0);
		if (c->name_w > 40)
			c->name_w = 40;
		if (c->name_w < 1)
			c->name_w = 1;
		x += c->name_w + 1;
	}
	c->cat = x;
	x += 4;
	c->lvl = x;
	x += 4;
	c->status = x;
	x += 10;
	c->orders = p->c.cell.table == SM_ORDERS ? x : 0;
}

static void
draw_header(struct ui *ui, struct sc *p, const struct cols *c)
{
	attr_t h = ui_attr(R_HEADER);

	ui_blank(UI_BODY_TOP + 1, 0, ui->cols, h);
	ui_put(UI_BODY_TOP + 1, c->ref, c->ref_w,
	       ui->lay ? "Pseudonym" : "Reference", h, PUT_PAD);
	if (c->name_w)
		ui_put(UI_BODY_TOP + 1, c->name, c->name_w, "Name", h, PUT_PAD);
	ui_put(UI_BODY_TOP + 1, c->cat, 3, "Cat", h, PUT_PAD);
	ui_put(UI_BODY_TOP + 1, c->lvl, 3, "Lvl", h, PUT_PAD);
	ui_put(UI_BODY_TOP + 1, c->status, 9, "Today", h, PUT_PAD);
	if (c->orders)
		ui_put(UI_BODY_TOP + 1, c->orders, 6, "Orders", h, PUT_PAD);
}

static void
draw_row(struct ui *ui, struct sc *p, const struct cols *c, int i)
{
	int y = LIST_TOP + i, k = p->top + i;
	bool sel = k == p->cur;
	attr_t base = ui_attr(sel ? R_SELECTED : R_NORMAL);
	const struct db_reg_row *r;
	char buf[300];

	list_row_start(ui, y, sel, base);
	if (i >= p->nrows)
		return;
	r = &p->rows[i];
	if (p->missing[i]) {
		ui_put(y, c->ref, ui->cols - 1 - c->ref,
		       "(no longer recorded)", ui_attr(sel ? R_SELECTED
							   : R_DIM),
		       PUT_ELLIPSIS);
		return;
	}
	ui_put(y, c->ref, c->ref_w, r->ref, base, PUT_PAD | PUT_ELLIPSIS);
	if (c->name_w && !ui->lay) {
		if (r->forenames[0])
			ui_fmt(buf, sizeof buf, "%s, %s", r->surname,
			       r->forenames);
		else
			str_copy(buf, r->surname, sizeof buf);
		ui_put(y, c->name, c->name_w, buf, base,
		       PUT_PAD | PUT_ELLIPSIS);
	}
	ui_put(y, c->cat, 3, ui_fmt(buf, sizeof buf, r->category ? "%d" : "-",
				    r->category), base, PUT_PAD);
	ui_put(y, c->lvl, 3, ui_fmt(buf, sizeof buf, r->level ? "%d" : "-",
				    r->level), base, PUT_PAD);
	ui_put(y, c->status, 9, case_status_name(r->status), base,
	       PUT_PAD | PUT_ELLIPSIS);
	if (c->orders)
		ui_put(y, c->orders, 6, ui_fmt(buf, sizeof buf, "%d",
					       p->c.v[k].count), base,
		       PUT_PAD | PUT_RIGHT);
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct sc *p = sc_of(s);
	struct cols c;
	int h = list_rows(ui);

	if (!(what & (DRAW_BODY | DRAW_CURSOR)))
		return;
	columns(ui, p, &c);
	draw_summary(ui, p);
	draw_header(ui, p, &c);
	for (int i = 0; i < h; i++) {
		if (p->top + i < count(p))
			draw_row(ui, p, &c, i);
		else
			ui_blank(LIST_TOP + i, 0, ui->cols, A_NORMAL);
	}
	if (count(p) == 0)
		ui_put(LIST_TOP + 1, 2, ui->cols - 4, "No case makes up this "
		       "figure now.", ui_attr(R_DIM), PUT_ELLIPSIS);
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	struct sc *p = sc_of(s);
	char a[8], b[32];

	(void)ui;
	ui_fmt(buf, n, "Statistics %s: %s case%s",
	       report_year_format(p->c.year, a),
	       ui_count(b, sizeof b, count(p)), count(p) == 1 ? "" : "s");
}

/* --- handlers ------------------------------------------------------------------ */

static unsigned
move_to(struct ui *ui, struct screen *s, int cur)
{
	struct sc *p = sc_of(s);

	if (count(p) == 0 || cur == p->cur ||
	    (cur < 0 && p->cur == 0) || (cur >= count(p) &&
					 p->cur == count(p) - 1))
		return DRAW_NONE;
	p->cur = cur;
	return settle(ui, p, false);
}

static unsigned
moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct sc *p = sc_of(s);

	return move_to(ui, s, list_target(a, p->cur, count(p),
					  list_rows(ui)));
}

static bool
has_row(const struct screen *s)
{
	const struct sc *p = sc_of(s);
	int i = p->cur - p->top;

	return count(p) > 0 && p->loaded && i >= 0 && i < p->nrows &&
	    !p->missing[i];
}

static unsigned
open_case(struct ui *ui, struct screen *s)
{
	struct sc *p = sc_of(s);

	return ui_push(ui, scr_offender_new(ui, p->c.v[p->cur].id));
}

static const struct ui_handler handlers[] = {
	{ A_OPEN, NEED_ROW, open_case, "open" },
	{ A_NONE, 0, NULL, NULL },
};

/* --- the screen's life ------------------------------------------------------- */

static unsigned
layout(struct ui *ui, struct screen *s)
{
	return settle(ui, sc_of(s), true);
}

/* Others' changes: the rows shown are read again (a case's level or
 * status today may have moved); the list itself is the count's. */
static unsigned
changed(struct ui *ui, struct screen *s)
{
	return settle(ui, sc_of(s), true);
}

static unsigned
resumed(struct ui *ui, struct screen *s, int result)
{
	(void)result;
	return settle(ui, sc_of(s), true);
}

static void
destroy(struct screen *s)
{
	struct sc *p = sc_of(s);

	db_reg_close(p->reg);
	sm_cases_free(&p->c);
	free(p->rows);
	free(p->missing);
	free(p);
	free(s);
}

static const struct screen_ops ops = {
	.name = "The cases behind a figure",
	.ctx = CTX_LIST,
	.handlers = handlers,
	.has_row = has_row,
	.moving = moving,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = changed,
	.resumed = resumed,
	.destroy = destroy,
};

struct screen *
scr_statcases_new(struct ui *ui, struct sm_cases *cases, int figure)
{
	struct sc *p;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *p);

	if (s == NULL) {
		sm_cases_free(cases);
		free(cases);
		return NULL;
	}
	p = s->data;
	p->c = *cases;
	free(cases);
	p->figure = figure;
	p->q.sort = DB_REG_REF;
	p->q.state = DB_REG_ALL;
	p->q.today = ui->today;
	sm_cell_describe(p->c.cell, p->c.year, p->what, sizeof p->what);
	if (db_reg_open(ui->db, &p->reg) != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		destroy(s);
		return NULL;
	}
	return s;
}
