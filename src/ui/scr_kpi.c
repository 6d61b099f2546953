/*
 * scr_kpi.c -- the performance indicators of one reporting year on
 * screen (core/kpi.h holds the rules): for each indicator the quarters'
 * and the year's figures against the target, then the cases that fall
 * short -- reference and name for members and admins, who may open a
 * case with Enter; for a lay adviser only how many.  Left and right
 * change the year.
 *
 * The screen is a list of lines made once per year from the struct kpi
 * the data layer fills (one query per indicator), so scrolling reads
 * nothing.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/kpi.h"
#include "core/util.h"
#include "ui/text.h"
#include "ui/list.h"
#include "ui/ui.h"

struct line {
	char text[240];
	enum ui_role role;
	int64_t offender_id; /* a shortfall's case, or 0 */
};

struct kp {
	int year;
	struct kpi k;
	bool have;
	struct line *v;
	int n, cap;
	int top, cur;
};

#define LIST_TOP UI_BODY_TOP

static struct kp *
kp_of(const struct screen *s)
{
	return s->data;
}

static int
list_rows(const struct ui *ui)
{
	return ui_body_rows(ui) > 1 ? ui_body_rows(ui) : 1;
}

static struct line *
add(struct kp *p, enum ui_role role, int64_t id)
{
	struct line l = { .role = role, .offender_id = id };

	if (array_push(&p->v, &p->n, &p->cap, &l, sizeof l) != 0)
		return NULL;
	return &p->v[p->n - 1];
}

/* Add a line of text; quietly nothing when out of memory. */
static void
addf(struct kp *p, enum ui_role role, int64_t id, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
addf(struct kp *p, enum ui_role role, int64_t id, const char *fmt, ...)
{
	struct line *l = add(p, role, id);
	va_list ap;

	if (l == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
}

static const char *
pct(char *buf, size_t n, const struct kpi_cell *c)
{
	int v = kpi_percent(c->met, c->total);

	if (v < 0)
		str_copy(buf, "-", n);
	else
		snprintf(buf, n, "%d%%", v);
	return buf;
}

/* One figure's row: quarters, the year with its counts, met or not. */
static void
figure_line(struct kp *p, const char *label, enum kpi_indicator i, int a)
{
	const struct kpi_cell *y = kpi_cell(&p->k, i, a, KPI_YEAR);
	int m = kpi_meets(kpi_percent(y->met, y->total), p->k.target[i]);
	char q[4][16], yb[16], counts[48];

	for (int j = 0; j < 4; j++)
		pct(q[j], sizeof q[j], kpi_cell(&p->k, i, a, j));
	snprintf(counts, sizeof counts, "%lld/%lld", (long long)y->met,
		 (long long)y->total);
	addf(p, m == 0 ? R_OVERDUE : R_NORMAL, 0,
	     "  %-24.24s %5s %5s %5s %5s %5s %-13s %s", label, q[0], q[1],
	     q[2], q[3], pct(yb, sizeof yb, y), counts,
	     m < 0 ? "-" : m ? "met" : "NOT MET");
}

static void
build(struct ui *ui, struct kp *p)
{
	struct kpi *k = &p->k;

	p->n = 0;
	for (int i = 0; i < KPI_INDICATORS; i++) {
		enum kpi_indicator ind = (enum kpi_indicator)i;

		addf(p, R_SECTION, 0, "%s (target %d%%)",
		     kpi_indicator_name(ind), k->target[i]);
		addf(p, R_HEADER, 0, "  %-24s %5s %5s %5s %5s %5s %-13s %s",
		     "", "Q1", "Q2", "Q3", "Q4", "Year", "met/of", "target");
		if (ind == KPI_ATTENDANCE) {
			for (int a = 0; a < k->nagencies; a++)
				if (k->agency_ra[a] ||
				    k->cell[i][a][KPI_YEAR].total > 0)
					figure_line(p, k->agency_name[a], ind,
						    a);
		} else {
			figure_line(p, "area", ind, 0);
		}
		if (ind == KPI_INITIAL) {
			char d[KPI_PERIODS][16];

			for (int j = 0; j < KPI_PERIODS; j++) {
				int v = kpi_median_days(k, j);

				if (v < 0)
					str_copy(d[j], "-", sizeof d[j]);
				else
					snprintf(d[j], sizeof d[j], "%d", v);
			}
			addf(p, R_DIM, 0, "  %-24s %5s %5s %5s %5s %5s",
			     "median working days", d[0], d[1], d[2], d[3],
			     d[4]);
		}
		addf(p, R_NORMAL, 0, "%s", "");
	}
	addf(p, R_SECTION, 0, "Shortfalls in the year");
	for (int i = 0; i < KPI_INDICATORS; i++) {
		int64_t n = 0;
		char c[32];

		for (int a = 0; a < (i == KPI_ATTENDANCE ? k->nagencies : 1);
		     a++)
			n += k->cell[i][a][KPI_YEAR].total -
			     k->cell[i][a][KPI_YEAR].met;
		addf(p, R_NORMAL, 0, "  %-40s %s",
		     kpi_indicator_name((enum kpi_indicator)i),
		     ui_count(c, sizeof c, n));
	}
	if (ui->lay || !k->identified) {
		addf(p, R_DIM, 0, "%s", "");
		addf(p, R_DIM, 0, "The cases are not shown to lay advisers.");
		return;
	}
	for (int i = 0; i < KPI_INDICATORS; i++) {
		bool head = false;

		for (size_t j = 0; j < k->nsf; j++) {
			const struct kpi_shortfall *s = &k->sf[j];
			char date[MDATE_BUFSZ];

			if (s->ind != (enum kpi_indicator)i)
				continue;
			if (!head) {
				addf(p, R_NORMAL, 0, "%s", "");
				addf(p, R_SECTION, 0, "%s: shortfalls",
				     kpi_indicator_name(s->ind));
				head = true;
			}
			date_format(s->date, date);
			if (s->agency >= 0)
				addf(p, R_NORMAL, 0, "  %s  %s  %-22.22s %s",
				     kpi_period_code(s->quarter), date,
				     k->agency_name[s->agency], s->detail);
			else
				addf(p, R_NORMAL, s->offender_id,
				     "  %s  %s  %-12.12s %-26.26s %s",
				     kpi_period_code(s->quarter), date, s->ref,
				     s->name, s->detail);
		}
	}
}

/* Read YEAR's indicators; false (the message says why) on failure, the
 * year shown before kept. */
static bool
load(struct ui *ui, struct kp *p, int year)
{
	struct kpi k;
	enum db_status st = db_kpi(ui->db, year, ui->today, &ui->holidays,
				   &k);

	if (st != DB_OK) {
		ui_error(ui, "%s", db_errmsg(ui->db));
		kpi_free(&k);
		return false;
	}
	/* The cases that fall short are shown with their names: one
	 * consultation row for a year shown, not for each refresh. */
	if (!ui->lay && k.identified && (!p->have || p->year != year)) {
		int64_t *ids = malloc((k.nsf ? k.nsf : 1) * sizeof *ids);
		char yb[8], detail[48];
		bool oom = ids == NULL;

		for (size_t i = 0; ids && i < k.nsf; i++)
			ids[i] = k.sf[i].offender_id;
		ui_fmt(detail, sizeof detail, "year %s",
		       report_year_format(year, yb));
		st = oom ? DB_ERROR : db_audit_consult(ui->db, "kpi.cases",
						       ids, k.nsf, detail);
		free(ids);
		if (st != DB_OK) {
			ui_error(ui, "The cases are not shown: %s", oom
				 ? "out of memory" : db_errmsg(ui->db));
			kpi_free(&k);
			return false;
		}
	}
	if (p->have)
		kpi_free(&p->k);
	p->k = k;
	p->have = true;
	p->year = year;
	p->top = p->cur = 0;
	build(ui, p);
	return true;
}

/* --- drawing ------------------------------------------------------------------ */

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct kp *p = kp_of(s);
	int h = list_rows(ui);

	if (!(what & (DRAW_BODY | DRAW_CURSOR)))
		return;
	for (int i = 0; i < h; i++) {
		int k = p->top + i, y = LIST_TOP + i;
		bool sel = k == p->cur;
		attr_t a;

		if (k >= p->n) {
			ui_blank(y, 0, ui->cols, A_NORMAL);
			continue;
		}
		a = ui_attr(sel ? R_SELECTED : p->v[k].role);
		list_row_start(ui, y, sel, a);
		ui_put(y, 1, ui->cols - 2, p->v[k].text, a,
		       PUT_PAD | PUT_ELLIPSIS);
	}
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	char y[8];

	(void)ui;
	ui_fmt(buf, n, "Performance indicators %s",
	       report_year_format(kp_of(s)->year, y));
}

/* --- handlers ------------------------------------------------------------------ */

static unsigned
move_to(struct ui *ui, struct screen *s, int cur)
{
	struct kp *p = kp_of(s);
	int h = list_rows(ui);

	if (cur >= p->n)
		cur = p->n - 1;
	if (cur < 0)
		cur = 0;
	if (cur == p->cur)
		return DRAW_NONE;
	p->cur = cur;
	if (p->cur < p->top)
		p->top = p->cur;
	if (p->cur >= p->top + h)
		p->top = p->cur - h + 1;
	return DRAW_BODY;
}

static unsigned
moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct kp *p = kp_of(s);

	return move_to(ui, s, list_target(a, p->cur, p->n, list_rows(ui)));
}

/* On the statistics' keys, the table before and after are a page. */
static unsigned
page_up(struct ui *ui, struct screen *s)
{
	return moving(ui, s, A_PAGE_UP);
}

static unsigned
page_down(struct ui *ui, struct screen *s)
{
	return moving(ui, s, A_PAGE_DOWN);
}

static unsigned
change_year(struct ui *ui, struct screen *s, int by)
{
	struct kp *p = kp_of(s);
	int last = date_report_year(ui->today);

	if (p->year + by > last || p->year + by < 1990) {
		ui_msg(ui, "No indicators for that year.");
		return DRAW_STATUS;
	}
	load(ui, p, p->year + by);
	return DRAW_ALL;
}

static unsigned
year_prev(struct ui *ui, struct screen *s)
{
	return change_year(ui, s, -1);
}

static unsigned
year_next(struct ui *ui, struct screen *s)
{
	return change_year(ui, s, 1);
}

static bool
has_row(const struct screen *s)
{
	const struct kp *p = kp_of(s);

	return p->cur >= 0 && p->cur < p->n && p->v[p->cur].offender_id > 0;
}

static unsigned
open_case(struct ui *ui, struct screen *s)
{
	struct kp *p = kp_of(s);

	return ui_push(ui, scr_offender_new(ui, p->v[p->cur].offender_id));
}

static const struct ui_handler handlers[] = {
	{ A_YEAR_PREV, 0, year_prev, "year" },
	{ A_YEAR_NEXT, 0, year_next, NULL },
	{ A_CASES, NEED_ROW, open_case, "open case" },
	{ A_TABLE_PREV, 0, page_up, NULL },
	{ A_TABLE_NEXT, 0, page_down, NULL },
	{ A_NONE, 0, NULL, NULL },
};

/* --- the screen's life ------------------------------------------------------- */

static unsigned
layout(struct ui *ui, struct screen *s)
{
	struct kp *p = kp_of(s);
	int h = list_rows(ui);

	if (p->cur >= p->top + h)
		p->top = p->cur - h + 1;
	return DRAW_BODY;
}

/* Others' changes: count the year again. */
static unsigned
changed(struct ui *ui, struct screen *s)
{
	struct kp *p = kp_of(s);
	int cur = p->cur, top = p->top;

	if (load(ui, p, p->year)) {
		p->cur = cur < p->n ? cur : p->n - 1;
		p->top = top <= p->cur ? top : p->cur;
	}
	return DRAW_BODY | DRAW_TITLE;
}

static void
destroy(struct screen *s)
{
	struct kp *p = kp_of(s);

	if (p->have)
		kpi_free(&p->k);
	free(p->v);
	free(p);
	free(s);
}

static const struct screen_ops ops = {
	.name = "The performance indicators",
	.ctx = CTX_STATS,
	.moving = moving,
	.handlers = handlers,
	.has_row = has_row,
	.title = title,
	.layout = layout,
	.draw = draw,
	.changed = changed,
	.destroy = destroy,
};

struct screen *
scr_kpi_new(struct ui *ui)
{
	struct kp *p;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *p);

	if (s == NULL)
		return NULL;
	p = s->data;
	ui_holidays_note(ui);
	if (!load(ui, p, date_report_year(ui->today) - 1)) {
		destroy(s);
		return NULL;
	}
	return s;
}
