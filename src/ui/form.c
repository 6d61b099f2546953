/*
 * form.c -- drawing and editing a form.
 *
 * Every change re-checks the whole form (forms_check()), so each field
 * shows what is wrong with it as it is typed, and the line under the
 * fields says whether the form can be saved.  Nothing is written until
 * the person saves and nothing is wrong; Esc asks before throwing typed
 * input away.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/form.h"
#include "ui/text.h"

bool
form_field_key(struct field *f, int key, bool *changed)
{
	bool moved = false;

	*changed = false;
	if (f->kind == FIELD_CHOICE) {
		if (key == ' ' || key == UI_FN(KEY_RIGHT)) {
			*changed = field_step(f, 1);
			return true;
		}
		if (key == UI_FN(KEY_LEFT)) {
			*changed = field_step(f, -1);
			return true;
		}
		if (key > 0x20 && key < 0x7f) {
			/* The next choice that starts with KEY. */
			for (int i = 1; i <= f->nchoices; i++) {
				int c = (f->choice + i) % f->nchoices;
				int first = (unsigned char)f->choices[c][0];

				if (first == key ||
				    (first >= 'a' && first <= 'z' &&
				     first - 'a' + 'A' == key) ||
				    (first >= 'A' && first <= 'Z' &&
				     first - 'A' + 'a' == key)) {
					*changed = c != f->choice;
					f->choice = c;
					f->changed |= *changed;
					break;
				}
			}
			return true;
		}
		return false;
	}
	if (!(key & UI_KEY_FN) && key >= 0x20 && key != 0x7f) {
		if (!(*changed = field_insert(f, (wchar_t)key)))
			beep();
		return true;
	}
	switch (key) {
	case UI_FN(KEY_BACKSPACE):
	case 0x7f:
	case 0x08:
		*changed = field_backspace(f);
		return true;
	case UI_FN(KEY_DC):
	case UI_CTRL('D'):
		*changed = field_delete(f);
		return true;
	case UI_FN(KEY_LEFT):
		moved = field_left(f);
		break;
	case UI_FN(KEY_RIGHT):
		moved = field_right(f);
		break;
	case UI_FN(KEY_HOME):
	case UI_CTRL('A'):
		moved = field_home(f);
		break;
	case UI_FN(KEY_END):
	case UI_CTRL('E'):
		moved = field_end(f);
		break;
	case UI_CTRL('U'):
		*changed = field_kill_start(f);
		return true;
	case UI_CTRL('K'):
		*changed = field_kill_end(f);
		return true;
	case UI_CTRL('W'):
		*changed = field_kill_word(f);
		return true;
	default:
		return false;
	}
	(void)moved;
	return true;
}

static struct form_screen *
fs_of(const struct screen *s)
{
	return s->data;
}

/* The next visible field from AT in direction DIR, or -1. */
static int
visible_from(const struct form_model *fm, int at, int dir)
{
	for (int i = at; i >= 0 && i < fm->n; i += dir)
		if (!fm->f[i].hidden)
			return i;
	return -1;
}

void
form_start(struct form_screen *fs)
{
	fs->focus = visible_from(&fs->fm, 0, 1);
	if (fs->focus < 0)
		fs->focus = 0;
	fs->top = 0;
}

unsigned
form_input(struct ui *ui, struct screen *s, int key)
{
	struct form_screen *fs = fs_of(s);
	bool changed;

	(void)ui;
	if (!form_field_key(&fs->fm.f[fs->focus], key, &changed))
		return UI_UNHANDLED;
	if (changed) {
		forms_check(&fs->fm);
		/* A choice may hide the field that had the focus. */
		if (fs->fm.f[fs->focus].hidden)
			fs->focus = visible_from(&fs->fm, fs->focus, -1);
	}
	return DRAW_BODY;
}

/* The focus N visible fields on (DIR 1) or back (-1), or to the last
 * or first there is. */
static unsigned
focus_by(struct screen *s, int dir, int n)
{
	struct form_screen *fs = fs_of(s);
	int to = fs->focus;

	for (int i; n > 0 && (i = visible_from(&fs->fm, to + dir, dir)) >= 0;
	     n--)
		to = i;
	if (to == fs->focus)
		return DRAW_NONE;
	fs->focus = to;
	return DRAW_BODY;
}

static unsigned
next_field(struct ui *ui, struct screen *s)
{
	(void)ui;
	return focus_by(s, 1, 1);
}

static unsigned
prev_field(struct ui *ui, struct screen *s)
{
	(void)ui;
	return focus_by(s, -1, 1);
}

/* PgDn, PgUp: the field a page of fields on or back, or the last or
 * first. */
static unsigned
page_by(struct screen *s, int dir)
{
	int page = fs_of(s)->page;

	return focus_by(s, dir, page > 1 ? page : 1);
}

static unsigned
page_down(struct ui *ui, struct screen *s)
{
	(void)ui;
	return page_by(s, 1);
}

static unsigned
page_up(struct ui *ui, struct screen *s)
{
	(void)ui;
	return page_by(s, -1);
}

static unsigned
save(struct ui *ui, struct screen *s)
{
	struct form_screen *fs = fs_of(s);
	struct form_model *fm = &fs->fm;

	forms_check(fm);
	if (fm->nerrors == 0)
		return fs->save(ui, s);
	for (int i = 0; i < fm->n; i++) {
		if (!fm->f[i].hidden && fm->f[i].error) {
			fs->focus = i;
			ui_error(ui, "Not saved: %s: %s", fm->f[i].label,
				 fm->f[i].error);
			return DRAW_BODY;
		}
	}
	ui_error(ui, "Not saved: %s", fm->problem);
	return DRAW_BODY;
}

static unsigned
enter(struct ui *ui, struct screen *s)
{
	struct form_screen *fs = fs_of(s);

	if (visible_from(&fs->fm, fs->focus + 1, 1) < 0)
		return save(ui, s);
	return next_field(ui, s);
}

static unsigned
discard(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	(void)s;
	(void)text;
	if (!ok) {
		ui_msg(ui, "Still editing.");
		return DRAW_STATUS;
	}
	ui_msg(ui, "Closed without saving.");
	return ui_pop(ui, RESULT_NONE);
}

static unsigned
cancel(struct ui *ui, struct screen *s)
{
	if (form_unsaved(s))
		return ui_ask_yes(ui, s, "Close the form and lose what you "
				  "typed? (y/n) ", discard);
	ui_msg(ui, "Closed; nothing was changed.");
	return ui_pop(ui, RESULT_NONE);
}

static bool
long_text(const struct field *f)
{
	return f->kind != FIELD_CHOICE && f->max >= FORM_LONG_TEXT;
}

/* The editor hands the text back: into the field that had the focus. */
static void
text_done(void *ctx, const char *text)
{
	struct form_screen *fs = ctx;
	struct field *f = &fs->fm.f[fs->focus];

	if (strcmp(field_text(f), text) == 0)
		return;
	if (field_set(f, text) == 0)
		f->changed = true;
	forms_check(&fs->fm);
}

static unsigned
edit_text(struct ui *ui, struct screen *s)
{
	struct form_screen *fs = fs_of(s);
	struct field *f = &fs->fm.f[fs->focus];

	if (!long_text(f)) {
		char key[32];

		ui_keys_of(CTX_FORM, A_EDIT_TEXT, true, key, sizeof key);
		ui_error(ui, "%s is not a long text: %s opens notes and "
			 "reasons in the editor.", f->label, key);
		return DRAW_STATUS;
	}
	return ui_push(ui, scr_text_new(ui, f->label, field_text(f), f->max,
					true, text_done, fs));
}

const struct ui_handler form_handlers[] = {
	{ A_NEXT_FIELD, 0, next_field, "next" },
	{ A_PREV_FIELD, 0, prev_field, NULL },
	{ A_ENTER, 0, enter, NULL },
	{ A_SAVE, NEED_WRITE, save, "save" },
	{ A_CANCEL, 0, cancel, "cancel" },
	{ A_EDIT_TEXT, 0, edit_text, NULL },
	{ A_PAGE_DOWN, 0, page_down, NULL },
	{ A_PAGE_UP, 0, page_up, NULL },
	{ A_NONE, 0, NULL, NULL },
};

void
form_destroy(struct screen *s)
{
	forms_free(&fs_of(s)->fm);
	free(s->data);
	free(s);
}

bool
form_unsaved(const struct screen *s)
{
	return forms_changed(&fs_of(s)->fm);
}

/* Keep F's cursor inside a box WIDTH columns wide. */
static void
scroll_text(struct field *f, int width)
{
	const char *t = field_text(f);
	char head[4096];

	if (f->scroll > f->cur)
		f->scroll = f->cur;
	for (;;) {
		size_t k = f->cur - f->scroll;

		str_copy(head, t + f->scroll, k + 1 < sizeof head
						  ? k + 1 : sizeof head);
		if (text_width(head) < width || f->scroll >= f->cur)
			break;
		f->scroll += text_next_len(t, f->scroll);
	}
}

/* Columns from the box's start to the cursor. */
static int
cursor_col(const struct field *f)
{
	char head[4096];
	size_t k = f->cur - f->scroll;

	str_copy(head, field_text(f) + f->scroll,
		 k + 1 < sizeof head ? k + 1 : sizeof head);
	return text_width(head);
}

void
form_draw(struct ui *ui, struct screen *s, unsigned what)
{
	struct form_screen *fs = fs_of(s);
	struct form_model *fm = &fs->fm;
	int rows = ui->rows, cols = ui->cols, lw = 0, vw, ex, y;
	int first = UI_BODY_TOP + 2, avail = rows - 3 - first - 2;
	int vis[FORM_MAX_FIELDS], nvis = 0, pos = 0;
	const struct field *fo = &fm->f[fs->focus];
	bool inline_errors;
	char line[400], key[32];

	(void)what;
	for (int i = 0; i < fm->n; i++) {
		if (fm->f[i].hidden)
			continue;
		if (i == fs->focus)
			pos = nvis;
		vis[nvis++] = i;
		if (text_width(fm->f[i].label) + 1 > lw)
			lw = text_width(fm->f[i].label) + 1;
	}
	if (lw > 22)
		lw = 22;
	/* The boxes as wide as leaves room for errors beside them. */
	vw = cols - lw - 6 - 30;
	if (vw > 44)
		vw = 44;
	if (vw < 20)
		vw = cols - lw - 6 < 20 ? cols - lw - 6 : 20;
	ex = 1 + lw + 2 + vw + 2;
	inline_errors = cols - ex >= 16;
	if (avail < 1)
		avail = 1;
	fs->page = avail;
	if (pos < fs->top)
		fs->top = pos;
	if (pos >= fs->top + avail)
		fs->top = pos - avail + 1;

	for (y = UI_BODY_TOP; y <= rows - 3; y++)
		ui_blank(y, 0, cols, A_NORMAL);
	ui_put(UI_BODY_TOP, 1, cols - 2, fs->heading, ui_attr(R_SECTION),
	       PUT_ELLIPSIS);
	if (fs->banner[0])
		ui_put(UI_BODY_TOP + 1, 1, cols - 2, fs->banner,
		       ui_attr(fs->banner_error ? R_ERROR : R_INFO),
		       PUT_ELLIPSIS);
	ui->cursor_y = -1;
	for (int k = fs->top; k < nvis && k < fs->top + avail; k++) {
		struct field *f = &fm->f[vis[k]];
		bool focus = vis[k] == fs->focus;
		attr_t box = ui_attr(focus ? R_FIELD_FOCUS : R_FIELD);
		int bx = 1 + lw + 2;

		y = first + (k - fs->top);
		ui_put(y, 1, lw, f->label, ui_attr(R_LABEL), PUT_RIGHT);
		ui_put(y, 1 + lw, 2, f->required ? "*" : "", ui_attr(R_DIM), 0);
		if (f->kind == FIELD_CHOICE) {
			ui_fmt(line, sizeof line, "%s %s %s",
			       text_utf8() ? "\xe2\x97\x82" : "<",
			       field_text(f),
			       text_utf8() ? "\xe2\x96\xb8" : ">");
			ui_put(y, bx, vw, line, box, PUT_PAD | PUT_ELLIPSIS);
		} else {
			scroll_text(f, vw);
			ui_put(y, bx, vw, field_text(f) + f->scroll, box,
			       PUT_PAD);
			if (focus) {
				ui->cursor_y = y;
				ui->cursor_x = bx + cursor_col(f);
			}
		}
		if (f->error && inline_errors)
			ui_put(y, ex, cols - ex - 1, f->error,
			       ui_attr(R_FIELD_ERROR), PUT_ELLIPSIS);
		else if (f->error)
			ui_put(y, bx + vw, 1, "!", ui_attr(R_FIELD_ERROR), 0);
	}
	if (nvis > avail) {
		ui_fmt(line, sizeof line, "fields %d-%d of %d", fs->top + 1,
		       fs->top + avail < nvis ? fs->top + avail : nvis, nvis);
		ui_put(first + avail, 1 + lw + 2, vw, line, ui_attr(R_DIM), 0);
	}
	/* Whether it can be saved, and the focused field's help. */
	y = rows - 4;
	ui_keys_of(CTX_FORM, A_EDIT_TEXT, true, key, sizeof key);
	if (fm->problem[0])
		ui_put(y, 1, cols - 2, fm->problem, ui_attr(R_ERROR),
		       PUT_ELLIPSIS);
	else if (fm->nerrors)
		ui_put(y, 1, cols - 2, ui_fmt(line, sizeof line, "%d %s to "
					      "put right before saving",
					      fm->nerrors, fm->nerrors == 1
					      ? "thing" : "things"),
		       ui_attr(R_DIM), PUT_ELLIPSIS);
	else
		ui_put(y, 1, cols - 2, "Ready to save: F2, or Enter on the "
		       "last field", ui_attr(R_INFO), PUT_ELLIPSIS);
	if (fo->error && !inline_errors)
		ui_put(y + 1, 1, cols - 2, ui_fmt(line, sizeof line, "%s: %s",
						  fo->label, fo->error),
		       ui_attr(R_FIELD_ERROR), PUT_ELLIPSIS);
	else if (long_text(fo))
		ui_put(y + 1, 1, cols - 2, ui_fmt(line, sizeof line, "%s: the "
		       "whole text in the editor.  %s", key, fo->help
		       ? fo->help : ""), ui_attr(R_DIM), PUT_ELLIPSIS);
	else if (fo->help)
		ui_put(y + 1, 1, cols - 2, fo->help, ui_attr(R_DIM),
		       PUT_ELLIPSIS);
}
