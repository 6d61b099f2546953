/*
 * test_ui_list.c -- the list widget (ui/list.c) and the one set of
 * moving keys every list inherits (keys.c), without a terminal.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ui/list.h"
#include "ui/text.h"
#include "ui/ui.h"

static void
list_move__each_move__clamped_top_follows(void **state)
{
	struct list l = { .n = 100 };

	(void)state;
	assert_int_equal(list_move(&l, A_UP, 10), DRAW_BODY);
	assert_int_equal(l.cur, 0);
	list_move(&l, A_DOWN, 10);
	assert_int_equal(l.cur, 1);
	list_move(&l, A_PAGE_DOWN, 10);
	assert_int_equal(l.cur, 11);
	assert_int_equal(l.top, 2);
	list_move(&l, A_END, 10);
	assert_int_equal(l.cur, 99);
	assert_int_equal(l.top, 90);
	list_move(&l, A_DOWN, 10);
	assert_int_equal(l.cur, 99);
	list_move(&l, A_PAGE_UP, 10);
	assert_int_equal(l.cur, 89);
	assert_int_equal(l.top, 89);
	list_move(&l, A_HOME, 10);
	assert_int_equal(l.cur, 0);
	assert_int_equal(l.top, 0);
	assert_int_equal(list_move(&l, A_OPEN, 10), UI_UNHANDLED);
}

static void
list_move__empty__nothing_to_draw(void **state)
{
	struct list l = { 0 };

	(void)state;
	assert_int_equal(list_move(&l, A_DOWN, 10), DRAW_NONE);
	assert_int_equal(l.cur, 0);
}

static void
list_fit__fewer_rows__selection_kept_in_range(void **state)
{
	struct list l = { .n = 50, .cur = 40, .top = 35 };

	(void)state;
	list_fit(&l, 20);
	assert_int_equal(l.n, 20);
	assert_int_equal(l.cur, 19);
	assert_int_equal(l.top, 19);
	list_fit(&l, 0);
	assert_int_equal(l.cur, 0);
	assert_int_equal(l.top, 0);
}

static bool
is_multiple_of(int row, void *ctx)
{
	return row % *(int *)ctx == 0;
}

static void
list_find__forward_backward_wrapping(void **state)
{
	struct list l = { .n = 10 };
	int seven = 7, eleven = 11;

	(void)state;
	assert_int_equal(list_find(&l, 1, 1, false, is_multiple_of, &seven),
			 7);
	assert_int_equal(list_find(&l, 8, 1, false, is_multiple_of, &seven),
			 -1);
	assert_int_equal(list_find(&l, 8, 1, true, is_multiple_of, &seven),
			 0);
	assert_int_equal(list_find(&l, 6, -1, false, is_multiple_of, &seven),
			 0);
	assert_int_equal(list_find(&l, 0, 1, true, is_multiple_of, &eleven),
			 0);
	l.n = 0;
	assert_int_equal(list_find(&l, 0, 1, true, is_multiple_of, &seven),
			 -1);
}

static void
list_marker__selected_one_column(void **state)
{
	(void)state;
	assert_string_equal(list_marker(false), " ");
	assert_true(strcmp(list_marker(true), ">") == 0 ||
		    strcmp(list_marker(true), "\xe2\x96\xb6") == 0);
}

/* Every screen that moves takes the same moving keys ... */
static void
lookup__moving_keys__inherited_by_every_list(void **state)
{
	static const enum ui_context lists[] = {
		CTX_LIST, CTX_RECORD, CTX_HELP, CTX_AUDIT, CTX_RETENTION,
		CTX_MEETINGS, CTX_AGENDA, CTX_ACTIONS, CTX_SETTINGS,
	};

	(void)state;
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		assert_int_equal(ui_lookup(lists[i], 'j'), A_DOWN);
		assert_int_equal(ui_lookup(lists[i], UI_FN(KEY_UP)), A_UP);
		assert_int_equal(ui_lookup(lists[i], UI_FN(KEY_NPAGE)),
				 A_PAGE_DOWN);
		assert_int_equal(ui_lookup(lists[i], 'G'), A_END);
	}
	/* ... unless it binds the key itself; a form types it. */
	assert_int_equal(ui_lookup(CTX_STATS, UI_FN(KEY_NPAGE)),
			 A_TABLE_NEXT);
	assert_int_equal(ui_lookup(CTX_STATS, 'j'), A_DOWN);
	assert_int_equal(ui_lookup(CTX_MEETING, ' '), A_MEET_NEXT);
	assert_int_equal(ui_lookup(CTX_FORM, 'j'), A_NONE);
	assert_int_equal(ui_lookup(CTX_FORM, UI_FN(KEY_DOWN)), A_NEXT_FIELD);
	assert_int_equal(ui_lookup(CTX_CONFLICT, 'j'), A_NONE);
}

/* ... from one set: no context binds a moving key to the move it
 * inherits anyway. */
static void
bindings__moves__written_once(void **state)
{
	(void)state;
	for (size_t i = 0; i < ui_nbindings; i++) {
		const struct ui_binding *b = &ui_bindings[i];

		if (b->ctx == CTX_MOVE || !ui_context_moves(b->ctx) ||
		    !list_moving(b->action))
			continue;
		for (size_t j = 0; j < ui_nbindings; j++)
			if (ui_bindings[j].ctx == CTX_MOVE &&
			    ui_bindings[j].key == b->key)
				assert_int_not_equal(ui_bindings[j].action,
						     b->action);
	}
}

/* The help and the hint line name the inherited keys. */
static void
keys_of__inherited__named(void **state)
{
	char buf[96];

	(void)state;
	ui_keys_of(CTX_SETTINGS, A_DOWN, false, buf, sizeof buf);
	assert_string_equal(buf, "Down j");
	ui_keys_of(CTX_STATS, A_PAGE_DOWN, false, buf, sizeof buf);
	assert_string_equal(buf, "");
	ui_keys_of(CTX_ACTIONS, A_PAGE_UP, false, buf, sizeof buf);
	assert_string_equal(buf, "PgUp Ctrl-B");
}

/* --- list_draw: on a terminal of its own, off screen, read back ------ */

static SCREEN *term;
static FILE *term_out, *term_in;

static int
term_open(void **state)
{
	(void)state;
	term_out = fopen("/dev/null", "w");
	term_in = fopen("/dev/null", "r");
	if (term_out == NULL || term_in == NULL)
		return -1;
	term = newterm("vt100", term_out, term_in);
	if (term == NULL)
		return -1;
	set_term(term);
	text_set_utf8(false);
	return 0;
}

static int
term_close(void **state)
{
	(void)state;
	endwin();
	delscreen(term);
	fclose(term_out);
	fclose(term_in);
	return 0;
}

/* Row Y's text, N columns of it; the attributes at Y, X as they stand on the screen. */
static const char *
line_at(int y, char *buf, int n)
{
	mvinnstr(y, 0, buf, n);
	return buf;
}

static attr_t
attr_at(int y, int x)
{
	return (attr_t)(mvinch(y, x) & A_ATTRIBUTES);
}

/* Rows 0..4: row 1 a heading, row 3 overdue. */
static void
sample_row(int k, void *ctx, struct list_row *r)
{
	(void)ctx;
	snprintf(r->text, sizeof r->text, "row %d", k);
	if (k == 1) {
		r->heading = true;
		r->attr = ui_attr(R_SECTION);
	}
	if (k == 3)
		r->attr = ui_attr(R_OVERDUE);
}

static void
list_draw__rows__marker_selection_attributes_padding(void **state)
{
	struct ui ui = { .rows = 9, .cols = 20 }; /* body rows 1 to 6 */
	struct list l = { .n = 5, .cur = 2, .top = 1, .y = 2 };
	char buf[32];

	(void)state;
	assert_int_not_equal(ui_attr(R_SELECTED), ui_attr(R_OVERDUE));
	for (int y = 0; y < 8; y++)
		mvaddstr(y, 0, "XXXXXXXXXXXXXXXXXXXXZZ");
	list_draw(&ui, &l, "None.", sample_row, NULL);
	/* From the top: the heading as it is, then the marked selection,
	 * each padded to the width and no further. */
	assert_string_equal(line_at(1, buf, 22), "XXXXXXXXXXXXXXXXXXXXZZ");
	assert_string_equal(line_at(2, buf, 22), "row 1               ZZ");
	assert_int_equal(attr_at(2, 0), ui_attr(R_SECTION));
	assert_string_equal(line_at(3, buf, 22), "> row 2             ZZ");
	assert_int_equal(attr_at(3, 0), ui_attr(R_SELECTED));
	assert_int_equal(attr_at(3, 19), ui_attr(R_SELECTED));
	assert_string_equal(line_at(4, buf, 22), "  row 3             ZZ");
	assert_int_equal(attr_at(4, 2), ui_attr(R_OVERDUE));
	assert_string_equal(line_at(5, buf, 22), "  row 4             ZZ");
	assert_int_equal(attr_at(5, 2), ui_attr(R_NORMAL));
	/* Past the last row: blank. */
	assert_string_equal(line_at(6, buf, 22), "                    ZZ");
	assert_string_equal(line_at(7, buf, 22), "XXXXXXXXXXXXXXXXXXXXZZ");
}

static void
list_draw__empty__says_so_on_a_blank_first_line(void **state)
{
	struct ui ui = { .rows = 5, .cols = 20 }; /* body rows 1 and 2 */
	struct list l = { .y = 1 };
	char buf[32];

	(void)state;
	for (int y = 0; y < 4; y++)
		mvaddstr(y, 0, "XXXXXXXXXXXXXXXXXXXXZZ");
	list_draw(&ui, &l, "None.", sample_row, NULL);
	assert_string_equal(line_at(1, buf, 22), "  None.             ZZ");
	assert_int_equal(attr_at(1, 2), ui_attr(R_DIM));
	assert_string_equal(line_at(2, buf, 22), "                    ZZ");
	assert_string_equal(line_at(3, buf, 22), "XXXXXXXXXXXXXXXXXXXXZZ");
}

static void
list_row_start__selected__bar_and_marker(void **state)
{
	struct ui ui = { .rows = 24, .cols = 20 };
	char buf[32];

	(void)state;
	for (int y = 0; y < 3; y++)
		mvaddstr(y, 0, "XXXXXXXXXXXXXXXXXXXXZZ");
	list_row_start(&ui, 1, true, ui_attr(R_SELECTED));
	list_row_start(&ui, 2, false, ui_attr(R_OVERDUE));
	assert_string_equal(line_at(0, buf, 22), "XXXXXXXXXXXXXXXXXXXXZZ");
	assert_string_equal(line_at(1, buf, 22), ">                   ZZ");
	assert_int_equal(attr_at(1, 0), ui_attr(R_SELECTED));
	assert_int_equal(attr_at(1, 19), ui_attr(R_SELECTED));
	assert_string_equal(line_at(2, buf, 22), "                    ZZ");
	assert_int_equal(attr_at(2, 0), ui_attr(R_OVERDUE));
	assert_int_equal(attr_at(2, 19), ui_attr(R_OVERDUE));
}

static void
list_layout__narrower__selection_kept_in_view(void **state)
{
	struct list l = { .n = 50, .cur = 30, .top = 5 };

	(void)state;
	assert_int_equal(list_layout(&l, 10), DRAW_BODY);
	assert_int_equal(l.cur, 30);
	assert_int_equal(l.top, 21);
	assert_int_equal(list_layout(&l, 40), DRAW_BODY);
	assert_int_equal(l.top, 21);
}

/* A list screen's data begins with its list: the callbacks find it. */
static void
list_screen__callbacks__the_list_first_in_the_data(void **state)
{
	struct {
		struct list l;
		int other;
	} data = { { .n = 30, .y = 3 }, 7 };
	struct screen s = { NULL, &data };
	struct ui ui = { .rows = 13 }; /* body rows 1 to 10, the list's 3 to 10 */

	(void)state;
	assert_int_equal(list_screen_rows(&ui, &s), 8);
	assert_true(list_screen_has_row(&s));
	assert_int_equal(list_screen_moving(&ui, &s, A_END), DRAW_BODY);
	assert_int_equal(data.l.cur, 29);
	assert_int_equal(data.l.top, 22);
	assert_int_equal(list_screen_moving(&ui, &s, A_OPEN), UI_UNHANDLED);
	ui.rows = 8; /* the list's 3 to 5 */
	assert_int_equal(list_screen_layout(&ui, &s), DRAW_BODY);
	assert_int_equal(data.l.top, 27);
	assert_int_equal(data.other, 7);
	data.l.n = 0;
	data.l.cur = 0;
	assert_false(list_screen_has_row(&s));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(list_move__each_move__clamped_top_follows),
		cmocka_unit_test(list_move__empty__nothing_to_draw),
		cmocka_unit_test(list_fit__fewer_rows__selection_kept_in_range),
		cmocka_unit_test(list_find__forward_backward_wrapping),
		cmocka_unit_test(list_marker__selected_one_column),
		cmocka_unit_test(lookup__moving_keys__inherited_by_every_list),
		cmocka_unit_test(bindings__moves__written_once),
		cmocka_unit_test(keys_of__inherited__named),
		cmocka_unit_test(list_layout__narrower__selection_kept_in_view),
		cmocka_unit_test(
			list_screen__callbacks__the_list_first_in_the_data),
	};
	const struct CMUnitTest drawn[] = {
		cmocka_unit_test(
			list_draw__rows__marker_selection_attributes_padding),
		cmocka_unit_test(list_draw__empty__says_so_on_a_blank_first_line),
		cmocka_unit_test(list_row_start__selected__bar_and_marker),
	};

	return cmocka_run_group_tests(tests, NULL, NULL) |
	       cmocka_run_group_tests_name("drawn", drawn, term_open,
					   term_close);
}
