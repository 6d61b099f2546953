/*
 * test_ui_editor.c -- the multi-line text editor without a terminal
 * (issue 16): its keys (ui/editor.c) on its text (ui/editbuf.c) --
 * wrapping at words, moving by character, word, row and to either end,
 * deleting, a paste of several lines, undo of the last change -- the
 * editor's bindings, and the colour roles legible on light and dark
 * terminals alike (ui/colour.c).
 */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/util.h"
#include "ui/editor.h"
#include "ui/text.h"
#include "ui/ui.h"

/* Type S into EB a key at a time, as the loop gives keys. */
static void
type(struct editbuf *eb, const char *s)
{
	while (*s) {
		struct text_unit u;

		if ((unsigned char)*s < 0x80) {
			/* '\r' as Enter sends it. */
			assert_int_equal(editor_key(eb, *s++), ED_CHANGED);
			continue;
		}
		text_next(s, strlen(s), &u);
		assert_int_equal(editor_key(eb, (int)u.wc), ED_CHANGED);
		s += u.len;
	}
}

static void
key(struct editbuf *eb, int k, enum editor_did want)
{
	assert_int_equal(editor_key(eb, k), want);
}

/* Row I of EB, as text. */
static const char *
row(const struct editbuf *eb, size_t i)
{
	static char buf[256];
	size_t n;

	assert_true(i < eb->nrows);
	n = eb->rows[i].end - eb->rows[i].start;
	memcpy(buf, eb->text + eb->rows[i].start, n);
	buf[n] = '\0';
	return buf;
}

static void
editor__typed_paragraph__wrapped_at_words_in_place(void **state)
{
	struct editbuf eb;

	(void)state;
	eb_init(&eb, 4000, 10);
	type(&eb, "the quick brown fox jumps over");
	assert_string_equal(eb_text(&eb), "the quick brown fox jumps over");
	assert_int_equal(eb.nrows, 3);
	assert_string_equal(row(&eb, 0), "the quick");
	assert_string_equal(row(&eb, 1), "brown fox");
	assert_string_equal(row(&eb, 2), "jumps over");
	assert_int_equal(eb_cursor_row(&eb), 2);
	assert_int_equal(eb_cursor_col(&eb), 10);
	assert_true(eb.changed);
	/* Narrower: the same text, more rows; a word longer than a row is
	 * cut at the edge. */
	eb_set_width(&eb, 5);
	assert_string_equal(row(&eb, 0), "the");
	assert_string_equal(row(&eb, 1), "quick");
	eb_set(&eb, "abcdefghijkl");
	assert_false(eb.changed);
	assert_int_equal(eb.nrows, 3);
	assert_string_equal(row(&eb, 0), "abcde");
	assert_string_equal(row(&eb, 2), "kl");
	/* Enter is a line break, a row of its own. */
	eb_set(&eb, "");
	type(&eb, "one");
	key(&eb, '\r', ED_CHANGED);
	key(&eb, '\r', ED_CHANGED);
	type(&eb, "two");
	assert_string_equal(eb_text(&eb), "one\n\ntwo");
	assert_int_equal(eb.nrows, 3);
	assert_string_equal(row(&eb, 1), "");
	eb_free(&eb);
}

static void
editor__cursor__by_character_word_row_and_end(void **state)
{
	struct editbuf eb;

	(void)state;
	eb_init(&eb, 4000, 10);
	eb_set(&eb, "the quick brown fox jumps over");
	/* Row ends. */
	key(&eb, UI_FN(KEY_HOME), ED_MOVED);
	assert_int_equal(eb.cur, 20); /* "jumps" */
	key(&eb, UI_FN(KEY_UP), ED_MOVED);
	assert_int_equal(eb.cur, 10); /* "brown" */
	key(&eb, UI_FN(KEY_END), ED_MOVED);
	assert_int_equal(eb.cur, 19); /* after "fox", on the space */
	assert_int_equal(eb_cursor_row(&eb), 1);
	key(&eb, UI_CTRL('A'), ED_MOVED);
	assert_int_equal(eb.cur, 10);
	/* Characters, across a row's end. */
	key(&eb, UI_FN(KEY_LEFT), ED_MOVED);
	assert_int_equal(eb.cur, 9);
	assert_int_equal(eb_cursor_row(&eb), 0);
	key(&eb, UI_FN(KEY_RIGHT), ED_MOVED);
	assert_int_equal(eb.cur, 10);
	assert_int_equal(eb_cursor_row(&eb), 1);
	/* Words. */
	key(&eb, UI_FN(UI_KEY_WORD_RIGHT), ED_MOVED);
	assert_int_equal(eb.cur, 16); /* "fox" */
	key(&eb, UI_FN(UI_KEY_WORD_LEFT), ED_MOVED);
	key(&eb, UI_FN(UI_KEY_WORD_LEFT), ED_MOVED);
	assert_int_equal(eb.cur, 4); /* "quick" */
	/* Rows keep the column they started from. */
	key(&eb, UI_FN(KEY_DOWN), ED_MOVED);
	assert_int_equal(eb.cur, 14); /* "brow|n" */
	key(&eb, UI_FN(KEY_DOWN), ED_MOVED);
	assert_int_equal(eb.cur, 24);
	key(&eb, UI_FN(KEY_DOWN), ED_MOVED); /* the last row: stays */
	assert_int_equal(eb.cur, 24);
	/* The text's ends. */
	key(&eb, UI_FN(UI_KEY_TEXT_START), ED_MOVED);
	assert_int_equal(eb.cur, 0);
	key(&eb, UI_FN(KEY_LEFT), ED_MOVED); /* at the edge: nothing */
	assert_int_equal(eb.cur, 0);
	key(&eb, UI_FN(UI_KEY_TEXT_END), ED_MOVED);
	assert_int_equal(eb.cur, eb.len);
	key(&eb, UI_FN(KEY_PPAGE), ED_MOVED);
	assert_int_equal(eb_cursor_row(&eb), 0);
	assert_false(eb.changed);
	eb_free(&eb);
}

static void
editor__delete_backspace_and_kill(void **state)
{
	struct editbuf eb;

	(void)state;
	eb_init(&eb, 4000, 40);
	eb_set(&eb, "café au lait");
	key(&eb, UI_FN(KEY_HOME), ED_MOVED);
	key(&eb, UI_FN(KEY_DC), ED_CHANGED);
	assert_string_equal(eb_text(&eb), "afé au lait");
	key(&eb, UI_CTRL('D'), ED_CHANGED);
	assert_string_equal(eb_text(&eb), "fé au lait");
	key(&eb, UI_FN(KEY_RIGHT), ED_MOVED);
	key(&eb, UI_FN(KEY_RIGHT), ED_MOVED);
	key(&eb, 0x7f, ED_CHANGED); /* é, two bytes, one character */
	assert_string_equal(eb_text(&eb), "f au lait");
	key(&eb, UI_FN(KEY_BACKSPACE), ED_CHANGED);
	assert_string_equal(eb_text(&eb), " au lait");
	key(&eb, UI_FN(KEY_BACKSPACE), ED_MOVED); /* at the start */
	/* Kills stop at a line break. */
	eb_set(&eb, "first line\nsecond line");
	key(&eb, UI_FN(KEY_LEFT), ED_MOVED);
	key(&eb, UI_FN(KEY_LEFT), ED_MOVED);
	key(&eb, UI_FN(KEY_LEFT), ED_MOVED);
	key(&eb, UI_FN(KEY_LEFT), ED_MOVED);
	key(&eb, UI_CTRL('U'), ED_CHANGED);
	assert_string_equal(eb_text(&eb), "first line\nline");
	key(&eb, UI_CTRL('K'), ED_CHANGED);
	assert_string_equal(eb_text(&eb), "first line\n");
	key(&eb, UI_FN(KEY_UP), ED_MOVED);
	key(&eb, UI_FN(KEY_END), ED_MOVED);
	key(&eb, UI_CTRL('K'), ED_CHANGED); /* at the end: joins */
	assert_string_equal(eb_text(&eb), "first line");
	/* What may not be typed, and what does not fit. */
	eb_set(&eb, "");
	key(&eb, 0x202e, ED_REFUSED); /* a bidirectional override */
	key(&eb, 0x07, ED_UNHANDLED);
	eb.max = 3;
	type(&eb, "abc");
	key(&eb, 'd', ED_REFUSED);
	assert_string_equal(eb_text(&eb), "abc");
	/* Keys the screen has: saving, closing, undo. */
	key(&eb, UI_FN(KEY_F(2)), ED_UNHANDLED);
	key(&eb, UI_CTRL('X'), ED_UNHANDLED);
	key(&eb, UI_ESC, ED_UNHANDLED);
	eb_free(&eb);
}

static void
editor__paste_of_several_lines__one_change_undone(void **state)
{
	struct editbuf eb;

	(void)state;
	eb_init(&eb, 4000, 40);
	eb_set(&eb, "Agreed:");
	key(&eb, UI_FN(UI_KEY_PASTE_BEGIN), ED_MOVED);
	type(&eb, " police\rprobation\nhousing");
	key(&eb, UI_FN(UI_KEY_PASTE_END), ED_MOVED);
	assert_string_equal(eb_text(&eb), "Agreed: police\nprobation\nhousing");
	assert_int_equal(eb.nrows, 3);
	assert_int_equal(eb_cursor_row(&eb), 2);
	/* Undone whole, and done again. */
	assert_true(eb_undo(&eb));
	assert_string_equal(eb_text(&eb), "Agreed:");
	assert_int_equal(eb.cur, 7);
	assert_true(eb_undo(&eb));
	assert_string_equal(eb_text(&eb), "Agreed: police\nprobation\nhousing");
	eb_free(&eb);
}

static void
editor__undo__the_last_change_only(void **state)
{
	struct editbuf eb;

	(void)state;
	eb_init(&eb, 4000, 40);
	eb_set(&eb, "Level 3");
	assert_false(eb_undo(&eb)); /* nothing yet */
	type(&eb, " today");
	key(&eb, UI_FN(KEY_HOME), ED_MOVED);
	type(&eb, "Raise to ");
	assert_string_equal(eb_text(&eb), "Raise to Level 3 today");
	assert_true(eb_undo(&eb));
	assert_string_equal(eb_text(&eb), "Level 3 today");
	assert_int_equal(eb.cur, 0);
	/* A run of deletes is one change too. */
	key(&eb, UI_FN(KEY_END), ED_MOVED);
	for (int i = 0; i < 6; i++)
		key(&eb, 0x7f, ED_CHANGED);
	assert_string_equal(eb_text(&eb), "Level 3");
	assert_true(eb_undo(&eb));
	assert_string_equal(eb_text(&eb), "Level 3 today");
	eb_free(&eb);
}

/* A form's long text is one line: a line break typed or pasted is a
 * space; one already stored is kept. */
static void
editor__one_line__breaks_typed_as_spaces(void **state)
{
	struct editbuf eb;

	(void)state;
	eb_init(&eb, 1000, 40);
	eb.oneline = true;
	eb_set(&eb, "kept\nas stored");
	key(&eb, '\r', ED_CHANGED);
	key(&eb, UI_FN(UI_KEY_PASTE_BEGIN), ED_MOVED);
	type(&eb, "a\nb");
	key(&eb, UI_FN(UI_KEY_PASTE_END), ED_MOVED);
	assert_string_equal(eb_text(&eb), "kept\nas stored a b");
	eb_free(&eb);
}

/* A screen's input hook: an editing key draws, another is the
 * bindings'. */
static void
editor_input__editing_keys_drawn_others_left(void **state)
{
	struct editbuf eb;

	(void)state;
	eb_init(&eb, 1000, 40);
	assert_int_equal(editor_input(&eb, 'a'), DRAW_BODY);
	assert_int_equal(editor_input(&eb, UI_FN(KEY_LEFT)), DRAW_BODY);
	assert_int_equal(editor_input(&eb, UI_FN(KEY_F(2))), UI_UNHANDLED);
	assert_int_equal(editor_input(&eb, UI_ESC), UI_UNHANDLED);
	assert_string_equal(eb_text(&eb), "a");
	eb_free(&eb);
}

static void
editor__keys__bound_in_the_table(void **state)
{
	char keys[96];

	(void)state;
	assert_int_equal(ui_lookup(CTX_EDITOR, UI_FN(KEY_F(2))), A_SAVE);
	assert_int_equal(ui_lookup(CTX_EDITOR, UI_CTRL('X')), A_SAVE);
	assert_int_equal(ui_lookup(CTX_EDITOR, UI_ESC), A_CANCEL);
	assert_int_equal(ui_lookup(CTX_EDITOR, UI_CTRL('_')), A_UNDO);
	assert_int_equal(ui_lookup(CTX_FORM, UI_FN(KEY_F(4))), A_EDIT_TEXT);
	/* Printable keys are typed: the help names F1, not '?'. */
	ui_keys_of(CTX_EDITOR, A_HELP, false, keys, sizeof keys);
	assert_string_equal(keys, "F1");
	ui_keys_of(CTX_EDITOR, A_SAVE, false, keys, sizeof keys);
	assert_string_equal(keys, "F2 Ctrl-X");
	/* Every key the editor's help names, it handles. */
	assert_true(editor_nhelp > 10);
	for (size_t i = 0; i < editor_nhelp; i++)
		assert_non_null(editor_help[i].help);
}

/* No yellow, cyan, green, white or blue text on the terminal's own
 * background: each vanishes on a light or a dark one.  The selection and
 * the field typed in are reverse video, with colour or without. */
static void
colour__roles__legible_on_light_and_dark(void **state)
{
	(void)state;
	for (int r = 0; r < R_COUNT; r++) {
		short fg, bg;
		attr_t c, m;

		colour_role((enum ui_role)r, &fg, &bg, &c, &m);
		if (bg == -1)
			assert_true(fg == -1 || fg == COLOR_RED ||
				    fg == COLOR_MAGENTA);
		else
			assert_true(fg != -1 && fg != bg);
	}
	for (int r = 0; r < 2; r++) {
		enum ui_role role = r ? R_FIELD_FOCUS : R_SELECTED;
		short fg, bg;
		attr_t c, m;

		colour_role(role, &fg, &bg, &c, &m);
		assert_true(c & A_REVERSE);
		assert_true(m & A_REVERSE);
		assert_int_equal(bg, -1);
	}
	/* Without colour (NO_COLOR), the monochrome forms. */
	colour_init(false);
	assert_true(ui_attr(R_SELECTED) & A_REVERSE);
	assert_true(ui_attr(R_ERROR) & A_BOLD);
	assert_int_equal(ui_attr(R_SELECTED) & A_COLOR, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			editor__typed_paragraph__wrapped_at_words_in_place),
		cmocka_unit_test(
			editor__cursor__by_character_word_row_and_end),
		cmocka_unit_test(editor__delete_backspace_and_kill),
		cmocka_unit_test(
			editor__paste_of_several_lines__one_change_undone),
		cmocka_unit_test(editor__undo__the_last_change_only),
		cmocka_unit_test(editor__one_line__breaks_typed_as_spaces),
		cmocka_unit_test(editor_input__editing_keys_drawn_others_left),
		cmocka_unit_test(editor__keys__bound_in_the_table),
		cmocka_unit_test(colour__roles__legible_on_light_and_dark),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "no C.UTF-8 locale: skipped\n");
		return 77;
	}
	text_set_utf8(true);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
