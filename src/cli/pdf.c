/*
 * pdf.c -- a paper as PDF, laid out by Pango and written by Cairo
 * (issue 16); see pdf.h.
 *
 * The blocks are kept until pdf_write(), which lays them out twice: once
 * to count the pages, once to draw them with "Page N of M" in each
 * footer.  The layout does not depend on the count, so both passes break
 * the pages in the same places.  Text is drawn line by line, so a long
 * paragraph runs on to the next page instead of being cut.  Whatever the
 * data holds is set as text, never as markup, and invalid UTF-8 is
 * replaced before Pango sees it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cli/pdf.h"
#include "core/util.h"

/* A4 in points, and the margins. */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN_X 56.0
#define MARGIN_TOP 64.0
#define MARGIN_BOTTOM 64.0
#define INDENT_STEP 14.0
#define FONT "Sans"

enum block_kind { B_HEADING, B_FIELD, B_PARA, B_ROW };

#define MAX_CELLS 12

struct block {
	enum block_kind kind;
	int level;                 /* heading level, paragraph indent */
	bool bold;                 /* paragraph or header row */
	int n;                     /* cells */
	char *text[MAX_CELLS];     /* heading, field label+value, cells */
	double widths[MAX_CELLS];
};

struct pdf {
	char *marking, *title;
	struct block *b;
	size_t n, cap;
	bool failed;
};

/* --- the blocks ----------------------------------------------------------- */

static char *
valid_copy(const char *s)
{
	return g_utf8_make_valid(s ? s : "", -1);
}

static struct block *
add(struct pdf *p, enum block_kind kind)
{
	struct block *b;

	if (p == NULL || p->failed)
		return NULL;
	if (array_reserve(&p->b, &p->cap, p->n + 1, sizeof *p->b) != 0) {
		p->failed = true;
		return NULL;
	}
	b = &p->b[p->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

struct pdf *
pdf_new(const char *marking, const char *title)
{
	struct pdf *p = calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	p->marking = valid_copy(marking);
	p->title = valid_copy(title);
	return p;
}

void
pdf_free(struct pdf *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->n; i++)
		for (int c = 0; c < MAX_CELLS; c++)
			g_free(p->b[i].text[c]);
	free(p->b);
	g_free(p->marking);
	g_free(p->title);
	free(p);
}

void
pdf_heading(struct pdf *p, int level, const char *text)
{
	struct block *b = add(p, B_HEADING);

	if (b == NULL)
		return;
	b->level = level;
	b->text[0] = valid_copy(text);
}

void
pdf_field(struct pdf *p, const char *label, const char *value)
{
	struct block *b = add(p, B_FIELD);

	if (b == NULL)
		return;
	b->text[0] = valid_copy(label);
	b->text[1] = valid_copy(value);
}

void
pdf_para(struct pdf *p, int indent, bool bold, const char *text)
{
	struct block *b = add(p, B_PARA);

	if (b == NULL)
		return;
	b->level = indent;
	b->bold = bold;
	b->text[0] = valid_copy(text);
}

void
pdf_row(struct pdf *p, int n, const double *widths,
	const char *const *cells, bool header)
{
	struct block *b = add(p, B_ROW);

	if (b == NULL)
		return;
	b->n = n < MAX_CELLS ? n : MAX_CELLS;
	b->bold = header;
	for (int i = 0; i < b->n; i++) {
		b->text[i] = valid_copy(cells[i]);
		b->widths[i] = widths[i];
	}
}

/* --- layout ---------------------------------------------------------------- */

struct pen {
	struct pdf *p;
	cairo_t *cr;
	bool draw;        /* false: counting pages */
	int page, pages;  /* this page (1, 2, ...), and all (0: not known) */
	double y;         /* where the next line goes */
};

static PangoLayout *
layout_new(struct pen *w, const char *text, double size, bool bold,
	   bool italic, double width)
{
	PangoLayout *l = pango_cairo_create_layout(w->cr);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);

	/* In points: the surface's unit (not the 96 dpi Pango assumes). */
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (italic)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_text(l, text, -1);
	return l;
}

static double
layout_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	(void)w;
	return (double)h / PANGO_SCALE;
}

/* The header and footer of the page W is on. */
static void
furniture(struct pen *w)
{
	char num[64];
	PangoLayout *l;
	double width = PAGE_W - 2 * MARGIN_X;

	if (!w->draw)
		return;
	l = layout_new(w, w->p->marking, 10, true, false, width);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	cairo_move_to(w->cr, MARGIN_X, 28);
	pango_cairo_show_layout(w->cr, l);
	cairo_move_to(w->cr, MARGIN_X, PAGE_H - 40);
	pango_cairo_show_layout(w->cr, l);
	g_object_unref(l);
	snprintf(num, sizeof num, "Page %d of %d", w->page, w->pages);
	l = layout_new(w, num, 8, false, false, width);
	pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	cairo_move_to(w->cr, MARGIN_X, PAGE_H - 40);
	pango_cairo_show_layout(w->cr, l);
	g_object_unref(l);
	cairo_set_line_width(w->cr, 0.5);
	cairo_move_to(w->cr, MARGIN_X, 44);
	cairo_line_to(w->cr, PAGE_W - MARGIN_X, 44);
	cairo_move_to(w->cr, MARGIN_X, PAGE_H - 46);
	cairo_line_to(w->cr, PAGE_W - MARGIN_X, PAGE_H - 46);
	cairo_stroke(w->cr);
}

static void
new_page(struct pen *w)
{
	if (w->draw)
		cairo_show_page(w->cr);
	w->page++;
	w->y = MARGIN_TOP;
	furniture(w);
}

/* Room for H more points on this page, or a new one. */
static void
need(struct pen *w, double h)
{
	if (w->y + h > PAGE_H - MARGIN_BOTTOM && w->y > MARGIN_TOP)
		new_page(w);
}

/* The height in points of the line at IT; *BASE (NULL: not wanted) its
 * baseline below the line's top. */
static double
line_height(PangoLayoutIter *it, double *base)
{
	PangoRectangle ink, logical;

	pango_layout_iter_get_line_extents(it, &ink, &logical);
	if (base)
		*base = (double)(pango_layout_iter_get_baseline(it) -
				 logical.y) / PANGO_SCALE;
	return (double)logical.height / PANGO_SCALE;
}

/* Draw L at X line by line from the pen, breaking pages between lines;
 * KEEP more points are kept on the page with the first line. */
static void
flow(struct pen *w, PangoLayout *l, double x, double keep)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	bool first = true;

	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		double base, h = line_height(it, &base);

		need(w, h + (first ? keep : 0));
		first = false;
		if (w->draw) {
			cairo_move_to(w->cr, x, w->y + base);
			pango_cairo_show_layout_line(w->cr, line);
		}
		w->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/*
 * A table row: its cells side by side, line by line, so that a cell
 * longer than a page runs on to the next one like a paragraph.  A row
 * that fits on a page is kept whole.
 */
static void
lay_row(struct pen *w, const struct block *b, double width)
{
	PangoLayout *cell[MAX_CELLS];
	PangoLayoutIter *it[MAX_CELLS];
	bool more[MAX_CELLS];
	double h = 0, x0[MAX_CELLS], x = MARGIN_X;
	bool any = true;

	for (int i = 0; i < b->n; i++) {
		cell[i] = layout_new(w, b->text[i], 8.5, b->bold, false,
				     b->widths[i] * width - 4);
		it[i] = pango_layout_get_iter(cell[i]);
		more[i] = true;
		x0[i] = x;
		x += b->widths[i] * width;
		if (layout_height(cell[i]) > h)
			h = layout_height(cell[i]);
	}
	if (h + 2 <= PAGE_H - MARGIN_TOP - MARGIN_BOTTOM)
		need(w, h + 2);
	w->y += 1;
	while (any) {
		double lh = 0;

		/* The height of this line of the row: its tallest cell's. */
		for (int i = 0; i < b->n; i++) {
			double ch = more[i] ? line_height(it[i], NULL) : 0;

			if (ch > lh)
				lh = ch;
		}
		need(w, lh);
		any = false;
		for (int i = 0; i < b->n; i++) {
			double base;

			if (!more[i])
				continue;
			line_height(it[i], &base);
			if (w->draw) {
				cairo_move_to(w->cr, x0[i], w->y + base);
				pango_cairo_show_layout_line(w->cr,
					pango_layout_iter_get_line_readonly(it[i]));
			}
			more[i] = pango_layout_iter_next_line(it[i]);
			any |= more[i];
		}
		w->y += lh;
	}
	for (int i = 0; i < b->n; i++) {
		pango_layout_iter_free(it[i]);
		g_object_unref(cell[i]);
	}
	w->y += 1;
	if (b->bold && w->draw) {
		cairo_set_line_width(w->cr, 0.5);
		cairo_move_to(w->cr, MARGIN_X, w->y);
		cairo_line_to(w->cr, PAGE_W - MARGIN_X, w->y);
		cairo_stroke(w->cr);
	}
	w->y += 1;
}

static void
lay_block(struct pen *w, const struct block *b)
{
	double width = PAGE_W - 2 * MARGIN_X;
	PangoLayout *l;

	switch (b->kind) {
	case B_HEADING: {
		static const double size[] = { 16, 13, 11 };
		int lv = b->level < 0 ? 0 : b->level > 2 ? 2 : b->level;

		w->y += lv == 0 ? 0 : 10;
		l = layout_new(w, b->text[0], size[lv], true, false, width);
		/* A heading stays with three lines of what follows. */
		flow(w, l, MARGIN_X, 3 * 13.0);
		g_object_unref(l);
		if (lv < 2 && w->draw) {
			cairo_set_line_width(w->cr, lv == 0 ? 1.0 : 0.5);
			cairo_move_to(w->cr, MARGIN_X, w->y + 1);
			cairo_line_to(w->cr, PAGE_W - MARGIN_X, w->y + 1);
			cairo_stroke(w->cr);
		}
		w->y += 5;
		break;
	}
	case B_FIELD: {
		double lw = 120;
		PangoLayout *lab = layout_new(w, b->text[0], 10, true, false,
					      lw - 8);
		double lh = layout_height(lab);

		l = layout_new(w, b->text[1], 10, false, false, width - lw);
		need(w, lh);
		if (w->draw) {
			cairo_move_to(w->cr, MARGIN_X, w->y);
			pango_cairo_show_layout(w->cr, lab);
		}
		{
			double y0 = w->y;
			int page = w->page;

			flow(w, l, MARGIN_X + lw, 0);
			/* The label may be longer than a short value. */
			if (w->page == page && w->y < y0 + lh)
				w->y = y0 + lh;
		}
		g_object_unref(lab);
		g_object_unref(l);
		w->y += 3;
		break;
	}
	case B_PARA: {
		double x = MARGIN_X + b->level * INDENT_STEP;

		l = layout_new(w, b->text[0], 10, b->bold, false,
			       width - b->level * INDENT_STEP);
		flow(w, l, x, 0);
		g_object_unref(l);
		w->y += 3;
		break;
	}
	case B_ROW:
		lay_row(w, b, width);
		break;
	}
}

/* Lay every block out on CR; the number of pages. */
static int
lay_out(struct pdf *p, cairo_t *cr, bool draw, int pages)
{
	struct pen w = { .p = p, .cr = cr, .draw = draw, .page = 1,
			 .pages = pages, .y = MARGIN_TOP };

	cairo_set_source_rgb(cr, 0, 0, 0);
	furniture(&w);
	for (size_t i = 0; i < p->n; i++)
		lay_block(&w, &p->b[i]);
	if (draw)
		cairo_show_page(cr);
	return w.page;
}

static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int length)
{
	FILE *out = closure;

	if (out == NULL)
		return CAIRO_STATUS_SUCCESS;
	return fwrite(data, 1, length, out) == length
		       ? CAIRO_STATUS_SUCCESS
		       : CAIRO_STATUS_WRITE_ERROR;
}

/* One pass on a PDF surface writing to OUT (NULL: nowhere); the pages,
 * or -1. */
static int
pass(struct pdf *p, FILE *out, bool draw, int pages)
{
	cairo_surface_t *s;
	cairo_t *cr;
	cairo_status_t st;
	int n;

	s = cairo_pdf_surface_create_for_stream(write_out, out, PAGE_W,
						PAGE_H);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return -1;
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, p->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
				       PACKAGE_STRING);
	cr = cairo_create(s);
	n = lay_out(p, cr, draw, pages);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return st == CAIRO_STATUS_SUCCESS ? n : -1;
}

int
pdf_write(struct pdf *p, FILE *out)
{
	int pages;

	if (p == NULL || p->failed)
		return -1;
	if ((pages = pass(p, NULL, false, 0)) < 0)
		return -1;
	if (pass(p, out, true, pages) != pages)
		return -1;
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

void
pdf_release(void)
{
	/* Only the font map: cairo_debug_reset_static_data() and FcFini()
	 * are debugging aids that assert when Pango's font thread still
	 * holds a face, which aborted about one paper in sixteen.  What
	 * fontconfig keeps to the end is its own (tests/lsan.supp). */
	pango_cairo_font_map_set_default(NULL);
}
