/*
 * editbuf.h -- the text a multi-line editor holds, and every rule of
 * editing it: word-wrapped rows at a width, the cursor moved by character,
 * word, row and to either end, insertion of a character, a line break or
 * a pasted text, deletion, killing to either end of a line, and undo of
 * the last change.
 *
 * No curses here, so that the tests drive it without a terminal: editor.c
 * maps keys onto these calls and draws the rows.  The text is UTF-8 and
 * is edited a character at a time, never a byte; a character that may not
 * be typed (text_typable()) is refused, a line break ('\n') is taken.
 *
 * A change is a run of one kind of edit -- typing, deleting backwards,
 * deleting forwards, one paste, one kill -- with no move of the cursor
 * between; undo puts the text and the cursor back as they were before
 * it, and undo again puts the change back.
 */
#ifndef MAPPA_EDITBUF_H
#define MAPPA_EDITBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* One row on the screen: bytes START to END of the text (END excludes the
 * line break ending it, or the spaces a soft wrap broke at stay on it). */
struct eb_row {
	size_t start, end;
	bool hard; /* ends at a line break, or at the end of the text */
};

struct editbuf {
	char *text;          /* owned, always terminated */
	size_t len, cap;
	size_t max;          /* bytes typing may take */
	size_t cur;          /* the cursor: a byte offset on a character */
	int goal;            /* the column up and down keep, or -1 */
	bool changed;        /* edited since it was set */
	/* The wrapped rows at WIDTH columns, made again after each edit. */
	int width;
	struct eb_row *rows;
	size_t nrows, rcap;
	/* Undo: the text before the change in progress or last made. */
	char *undo;
	size_t undo_len, undo_cur, undo_cap;
	bool can_undo;
	int group;           /* the kind of change in progress, or 0 */
	bool pasting;        /* between eb_paste_begin() and _end() */
	bool oneline;        /* a line break is taken as a space */
};

/* An empty text that typing may fill to MAX bytes, wrapped at WIDTH. */
void eb_init(struct editbuf *eb, size_t max, int width);
void eb_free(struct editbuf *eb);

/* Replace the text, whole (MAX limits only typing); the cursor at the
 * end, nothing to undo, not changed.  0, or -1 out of memory. */
int eb_set(struct editbuf *eb, const char *text);
const char *eb_text(const struct editbuf *eb);

/* Wrap at WIDTH columns (at least 2); the rows follow every edit. */
void eb_set_width(struct editbuf *eb, int width);

/* The row the cursor is on, and its column there. */
size_t eb_cursor_row(const struct editbuf *eb);
int eb_cursor_col(const struct editbuf *eb);

/*
 * Editing.  Each returns true when the text changed (or, for moves, the
 * cursor moved); false when it cannot: a character refused or not
 * fitting, a move at the edge, nothing to undo.
 */
/* '\n' or '\r': a line break (a space when EB->oneline). */
bool eb_insert(struct editbuf *eb, wchar_t wc);
bool eb_backspace(struct editbuf *eb);
bool eb_delete(struct editbuf *eb);
bool eb_kill_start(struct editbuf *eb); /* the line before the cursor */
bool eb_kill_end(struct editbuf *eb);   /* the line from the cursor on */
bool eb_undo(struct editbuf *eb);

bool eb_left(struct editbuf *eb);
bool eb_right(struct editbuf *eb);
bool eb_word_left(struct editbuf *eb);  /* to the start of a word */
bool eb_word_right(struct editbuf *eb); /* to the start of the next */
bool eb_up(struct editbuf *eb);         /* a row, keeping the column */
bool eb_down(struct editbuf *eb);
bool eb_home(struct editbuf *eb);       /* the start of the row */
bool eb_end(struct editbuf *eb);        /* the end of the row */
bool eb_text_start(struct editbuf *eb);
bool eb_text_end(struct editbuf *eb);

/* A paste: everything inserted between is one change, line breaks
 * ('\r' too) kept as line breaks. */
void eb_paste_begin(struct editbuf *eb);
void eb_paste_end(struct editbuf *eb);

#endif
