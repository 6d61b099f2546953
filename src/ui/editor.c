/*
 * editor.c -- keys onto a multi-line text, and the text drawn wrapped
 * (editor.h).  The rules of the text are editbuf.c's; here only which key
 * does what, and where the rows go on the screen.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "core/util.h"
#include "ui/editor.h"

/* PgUp and PgDn move this many rows. */
#define PAGE_ROWS 10

const struct editor_key_help editor_help[] = {
	{ "Enter", "a new line (paste keeps the lines pasted)" },
	{ "Left Right", "a character back or on" },
	{ "Ctrl-Left Ctrl-Right", "a word back or on (also Alt-Left, "
				  "Alt-Right)" },
	{ "Up Down", "a row up or down, keeping the column" },
	{ "PgUp PgDn", "ten rows up or down" },
	{ "Home Ctrl-A", "to the start of the row" },
	{ "End Ctrl-E", "to the end of the row" },
	{ "Ctrl-Home Ctrl-End", "to the start or end of the text" },
	{ "Backspace", "delete the character before the cursor" },
	{ "Delete Ctrl-D", "delete the character under the cursor" },
	{ "Ctrl-U", "delete the line before the cursor" },
	{ "Ctrl-K", "delete the line from the cursor on" },
};
const size_t editor_nhelp = NELEM(editor_help);

enum editor_did
editor_key(struct editbuf *eb, int key)
{
	bool moved = false;

	if (!(key & UI_KEY_FN) && key >= 0x20 && key != 0x7f)
		return eb_insert(eb, (wchar_t)key) ? ED_CHANGED : ED_REFUSED;
	switch (key) {
	case '\r':
	case '\n':
	case UI_FN(KEY_ENTER):
		return eb_insert(eb, L'\n') ? ED_CHANGED : ED_REFUSED;
	case UI_FN(KEY_BACKSPACE):
	case 0x7f:
	case 0x08:
		return eb_backspace(eb) ? ED_CHANGED : ED_MOVED;
	case UI_FN(KEY_DC):
	case UI_CTRL('D'):
		return eb_delete(eb) ? ED_CHANGED : ED_MOVED;
	case UI_CTRL('U'):
		return eb_kill_start(eb) ? ED_CHANGED : ED_MOVED;
	case UI_CTRL('K'):
		return eb_kill_end(eb) ? ED_CHANGED : ED_MOVED;
	case UI_FN(UI_KEY_PASTE_BEGIN):
		eb_paste_begin(eb);
		return ED_MOVED;
	case UI_FN(UI_KEY_PASTE_END):
		eb_paste_end(eb);
		return ED_MOVED;
	case UI_FN(KEY_LEFT):
		moved = eb_left(eb);
		break;
	case UI_FN(KEY_RIGHT):
		moved = eb_right(eb);
		break;
	case UI_FN(KEY_UP):
		moved = eb_up(eb);
		break;
	case UI_FN(KEY_DOWN):
		moved = eb_down(eb);
		break;
	case UI_FN(KEY_PPAGE):
	case UI_FN(KEY_NPAGE):
		for (int i = 0; i < PAGE_ROWS; i++)
			moved |= key == UI_FN(KEY_PPAGE) ? eb_up(eb)
							 : eb_down(eb);
		break;
	case UI_FN(UI_KEY_WORD_LEFT):
		moved = eb_word_left(eb);
		break;
	case UI_FN(UI_KEY_WORD_RIGHT):
		moved = eb_word_right(eb);
		break;
	case UI_FN(KEY_HOME):
	case UI_CTRL('A'):
		moved = eb_home(eb);
		break;
	case UI_FN(KEY_END):
	case UI_CTRL('E'):
		moved = eb_end(eb);
		break;
	case UI_FN(UI_KEY_TEXT_START):
		moved = eb_text_start(eb);
		break;
	case UI_FN(UI_KEY_TEXT_END):
		moved = eb_text_end(eb);
		break;
	default:
		return ED_UNHANDLED;
	}
	(void)moved;
	return ED_MOVED;
}

unsigned
editor_input(struct editbuf *eb, int key)
{
	switch (editor_key(eb, key)) {
	case ED_UNHANDLED:
		return UI_UNHANDLED;
	case ED_REFUSED:
		beep();
		break;
	default:
		break;
	}
	return DRAW_BODY;
}

int
editor_wrap_width(int width)
{
	return width > 3 ? width - 1 : 2;
}

int
editor_draw(struct editbuf *eb, int y, int x, int width, attr_t attr,
	    int *cy, int *cx)
{
	char row[4096];
	size_t cr;

	eb_set_width(eb, editor_wrap_width(width));
	for (size_t i = 0; i < eb->nrows; i++) {
		const struct eb_row *r = &eb->rows[i];
		size_t n = r->end - r->start;

		/* A row is at most WIDTH columns: at most a few bytes each. */
		if (n >= sizeof row)
			n = sizeof row - 1;
		memcpy(row, eb->text + r->start, n);
		row[n] = '\0';
		ui_put(y + (int)i, x, width, row, attr, PUT_PAD);
	}
	cr = eb_cursor_row(eb);
	if (cy)
		*cy = y + (int)cr;
	if (cx)
		*cx = x + eb_cursor_col(eb);
	return (int)eb->nrows;
}
