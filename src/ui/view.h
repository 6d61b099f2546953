/*
 * view.h -- a scrolling page of lines (the offender record, the help):
 * each line a text in a colour role, long texts wrapped at spaces to the
 * screen's width, line breaks in the data kept as line breaks.
 */
#ifndef MAPPA_VIEW_H
#define MAPPA_VIEW_H

#include "ui/ui.h"

struct view_line {
	char *text;
	enum ui_role role;
	int indent;
};

struct view {
	struct view_line *line;
	int n, cap;
	int top; /* the first line shown */
};

/* Empty V (keeping where it was scrolled to). */
void view_clear(struct view *v);
void view_free(struct view *v);

/* Add TEXT as one line, cut to the screen's width when drawn. */
void view_add(struct view *v, enum ui_role role, int indent,
	      const char *text);

/* Add TEXT wrapped to WIDTH columns (INDENT more on each line), each
 * line break in it starting a new line. */
void view_wrap(struct view *v, enum ui_role role, int indent,
	       const char *text, int width);

/* The same, with the lines after the first of each paragraph indented
 * HANG columns more (a key and what it does, the text under the key). */
void view_wrap_hang(struct view *v, enum ui_role role, int indent, int hang,
		    const char *text, int width);

/* Draw lines from V->top in rows Y .. Y + H - 1, W columns wide. */
void view_draw(struct view *v, int y, int h, int w);

/* Scroll V for a moving action in a page H rows high; DRAW_* flags. */
unsigned view_move(struct view *v, enum ui_action a, int h);

#endif
