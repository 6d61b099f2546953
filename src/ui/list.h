/*
 * list.h -- the list widget: rows, the selection, scrolling, the marker
 * of the selected row, and search within the rows.
 *
 * A list screen keeps a struct list as the first member of its data (as
 * a form screen its form_screen, form.h), so that the callbacks below
 * serve as its has_row, moving and layout: the six moves (A_UP .. A_END)
 * have one handler and one set of bindings (CTX_MOVE in keys.c) on every
 * list.  It draws its header and hands list_draw() the rows: each row's
 * text and role come from the screen, the marker, the selection and the
 * blank lines from here.
 */
#ifndef MAPPA_LIST_H
#define MAPPA_LIST_H

#include <stdbool.h>

#include "ui/ui.h"

struct list {
	int n;   /* rows */
	int cur; /* the selected row (0 when there is none) */
	int top; /* the first row shown */
	int y;   /* the screen row it is drawn from (list_draw()) */
};

/* How many rows a list drawn from screen row TOP shows: the body's rows
 * from there down (0 when none). */
int list_height(const struct ui *ui, int top);

/* Whether A is one of the six moves a list takes (A_UP .. A_END). */
bool list_moving(enum ui_action a);

/* A relative move's rows (A_UP -1, A_PAGE_DOWN +PAGE ...), 0 for any
 * other action: for a list that pages through the data layer itself. */
int list_step(enum ui_action a, int page);

/* The row a move A goes to from CUR in N rows, a page being PAGE rows
 * (not clamped); CUR for an action that is not a move. */
int list_target(enum ui_action a, int cur, int n, int page);

/* Select row TO of L (clamped), ROWS of them shown: the top follows.
 * DRAW_BODY, or DRAW_NONE when the list is empty. */
unsigned list_go(struct list *l, int rows, int to);

/* Move L by A, a page being ROWS rows: DRAW_* flags, or UI_UNHANDLED
 * when A is not a move. */
unsigned list_move(struct list *l, enum ui_action a, int rows);

/* The rows became N (read again): keep the selection and the top in
 * range. */
void list_fit(struct list *l, int n);

/* What stands before a row: the marker when SELECTED (one column: "▶",
 * or ">" without UTF-8), else a blank as wide. */
const char *list_marker(bool selected);

/* The selection kept in view when ROWS rows are shown (a layout).
 * DRAW_BODY. */
unsigned list_layout(struct list *l, int rows);

/* One row as list_draw() asks for it. */
struct list_row {
	char text[512]; /* what follows the marker */
	attr_t attr;    /* when not selected (ui_attr(R_NORMAL) unless set) */
	bool heading;   /* drawn as it is, with no marker: a section's line */
};

/* Fill ROW for row K of the screen whose state is CTX. */
typedef void (*list_row_fn)(int k, void *ctx, struct list_row *row);

/* Draw L from its row L->Y to the body's end, the whole width: each row
 * the marker and its text from ROW (the selected one in R_SELECTED, the
 * others in their own attribute), cut with an ellipsis; the lines past
 * the last row blank, and on the first line of an empty list EMPTY,
 * dim, from column 2. */
void list_draw(struct ui *ui, const struct list *l, const char *empty,
	       list_row_fn row, void *ctx);

/* Start row Y of a list drawn in columns (from column 1): the whole
 * line blank in ATTR (the selection's bar when SELECTED), the marker in
 * column 0 when SELECTED. */
void list_row_start(struct ui *ui, int y, bool selected, attr_t attr);

/* A list screen's callbacks (its data begins with its struct list): how
 * many rows it shows; whether a row is selected (has_row); the moves
 * (moving); the selection kept in view (layout). */
int list_screen_rows(const struct ui *ui, const struct screen *s);
bool list_screen_has_row(const struct screen *s);
unsigned list_screen_moving(struct ui *ui, struct screen *s,
			    enum ui_action a);
unsigned list_screen_layout(struct ui *ui, struct screen *s);

/* The three as members of a list screen's screen_ops initializer. */
#define LIST_SCREEN_CALLBACKS                                             \
	.has_row = list_screen_has_row, .moving = list_screen_moving,     \
	.layout = list_screen_layout

/* Search within: the first row from FROM on in direction DIR (1 or -1),
 * wrapping round when WRAP, for which MATCH(ROW, CTX) holds; -1 if none. */
int list_find(const struct list *l, int from, int dir, bool wrap,
	      bool (*match)(int row, void *ctx), void *ctx);

#endif
