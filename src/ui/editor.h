/*
 * editor.h -- the multi-line text editor as a widget: keys onto the text
 * (editbuf.h holds the text and its rules) and the text drawn word-
 * wrapped in place, wherever a screen puts it.
 *
 * A screen with a long text to edit keeps a struct editbuf, feeds it the
 * keys its input hook receives through editor_key(), and draws it with
 * editor_draw() under the text's heading; saving (F2, Ctrl-X), closing
 * (Esc, asking first when the text changed) and undo (Ctrl-_) are the
 * screen's handlers for the actions A_SAVE, A_CANCEL and A_UNDO, bound
 * in CTX_EDITOR (keys.c), so that the hint line and the help show them.
 */
#ifndef MAPPA_EDITOR_H
#define MAPPA_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/editbuf.h"
#include "ui/ui.h"

/* What editor_key() did with a key. */
enum editor_did {
	ED_UNHANDLED, /* not an editing key: the screen's bindings decide */
	ED_MOVED,     /* the cursor moved, or nothing happened */
	ED_CHANGED,   /* the text changed */
	ED_REFUSED    /* a character that may not be typed or does not fit */
};

/* Apply KEY (as the loop gives keys: characters, UI_FN(KEY_*)) to EB. */
enum editor_did editor_key(struct editbuf *eb, int key);

/* KEY for EB as a screen's input hook answers it: UI_UNHANDLED when it
 * is not an editing key (the screen's bindings decide), else DRAW_BODY,
 * with a beep when the key was refused. */
unsigned editor_input(struct editbuf *eb, int key);

/* The columns of text in a box WIDTH columns wide: one is kept for the
 * cursor after a full row. */
int editor_wrap_width(int width);

/*
 * Draw EB's rows from row Y down, at column X in WIDTH columns, in ATTR
 * (rows outside the screen's clip are skipped, see ui_clip()).  Returns
 * the number of rows; *CY and *CX (if not NULL) get the cursor's place.
 */
int editor_draw(struct editbuf *eb, int y, int x, int width, attr_t attr,
		int *cy, int *cx);

/* The keys editor_key() handles and what they do, for the help. */
struct editor_key_help {
	const char *keys, *help;
};
extern const struct editor_key_help editor_help[];
extern const size_t editor_nhelp;

#endif
