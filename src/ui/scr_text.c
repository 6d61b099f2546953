/*
 * scr_text.c -- a long text read and written whole, full screen, in the
 * multi-line editor (editor.h): a form's notes or reason, which its one-
 * line box shows only in part.
 *
 * The text is the caller's until F2 (or Ctrl-X) hands it back through
 * DONE; nothing is saved to the database here -- the form below saves
 * as it always does.  Esc closes, asking first when the text changed.
 * The page scrolls to keep the cursor in view.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/editor.h"
#include "ui/ui.h"

struct st {
	char label[96];
	struct editbuf eb;
	ui_text_done_fn done;
	void *ctx;
	int scroll;           /* the first row of the text shown */
};

static struct st *
st_of(const struct screen *s)
{
	return s->data;
}

static unsigned
st_input(struct ui *ui, struct screen *s, int key)
{
	(void)ui;
	return editor_input(&st_of(s)->eb, key);
}

static unsigned
st_save(struct ui *ui, struct screen *s)
{
	struct st *t = st_of(s);

	t->done(t->ctx, eb_text(&t->eb));
	ui_msg(ui, "%s: the text is in the form; the form saves it.",
	       t->label);
	return ui_pop(ui, RESULT_NONE);
}

static unsigned
st_discard(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)s;
	(void)text;
	if (!ok) {
		ui_msg(ui, "Still editing.");
		return DRAW_STATUS;
	}
	ui_msg(ui, "The text is as it was.");
	return ui_pop(ui, RESULT_NONE);
}

static unsigned
st_cancel(struct ui *ui, struct screen *s)
{
	if (st_of(s)->eb.changed)
		return ui_ask_yes(ui, s, "Close the text and lose what you "
				  "typed? (y/n) ", st_discard);
	return st_discard(ui, s, true, NULL);
}

static unsigned
st_undo(struct ui *ui, struct screen *s)
{
	if (!eb_undo(&st_of(s)->eb))
		ui_msg(ui, "Nothing to undo.");
	return DRAW_BODY;
}

static const struct ui_handler st_handlers[] = {
	{ A_SAVE, 0, st_save, "keep" },
	{ A_CANCEL, 0, st_cancel, "close" },
	{ A_UNDO, 0, st_undo, "undo" },
	{ A_NONE, 0, NULL, NULL },
};

static bool
st_editing(const struct screen *s)
{
	(void)s;
	return true;
}

static bool
st_unsaved(const struct screen *s)
{
	return st_of(s)->eb.changed;
}

static void
st_title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	(void)ui;
	ui_fmt(buf, n, "%s: the whole text", st_of(s)->label);
}

static void
st_draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct st *t = st_of(s);
	int top = UI_BODY_TOP + 2, last = UI_BODY_TOP + ui_body_rows(ui) - 1;
	int rows = last - top + 1, cr;
	char line[200];

	(void)what;
	for (int y = UI_BODY_TOP; y <= last; y++)
		ui_blank(y, 0, ui->cols, A_NORMAL);
	ui_put(UI_BODY_TOP, 1, ui->cols - 2, ui_fmt(line, sizeof line,
	       "%s (%zu of %zu bytes)", t->label, t->eb.len, t->eb.max),
	       ui_attr(R_SECTION), PUT_ELLIPSIS);
	if (rows < 1)
		return;
	eb_set_width(&t->eb, editor_wrap_width(ui->cols - 4));
	cr = (int)eb_cursor_row(&t->eb);
	if (cr < t->scroll)
		t->scroll = cr;
	if (cr >= t->scroll + rows)
		t->scroll = cr - rows + 1;
	ui_clip(top, last);
	editor_draw(&t->eb, top - t->scroll, 2, ui->cols - 4,
		    ui_attr(R_FIELD_FOCUS), &ui->cursor_y, &ui->cursor_x);
	ui_clip_off();
}

static void
st_destroy(struct screen *s)
{
	eb_free(&st_of(s)->eb);
	free(s->data);
	free(s);
}

static const struct screen_ops st_ops = {
	.name = "Editing a text",
	.ctx = CTX_EDITOR,
	.handlers = st_handlers,
	.editing = st_editing,
	.edit_handlers = st_handlers,
	.input = st_input,
	.title = st_title,
	.draw = st_draw,
	.unsaved = st_unsaved,
	.destroy = st_destroy,
};

struct screen *
scr_text_new(struct ui *ui, const char *label, const char *text, size_t max,
	     bool oneline, ui_text_done_fn done, void *ctx)
{
	struct st *t;
	struct screen *s = ui_screen_new(ui, &st_ops, sizeof *t);

	if (s == NULL)
		return NULL;
	t = s->data;
	str_copy(t->label, label, sizeof t->label);
	t->done = done;
	t->ctx = ctx;
	eb_init(&t->eb, max, editor_wrap_width(ui->cols - 4));
	t->eb.oneline = oneline;
	if (eb_set(&t->eb, text) != 0) {
		st_destroy(s);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	return s;
}
