/*
 * form.h -- the form widget: a form_model (form_model.h) drawn as labelled
 * fields, edited key by key, checked after every change, and saved only
 * when nothing is wrong.
 *
 * A form screen keeps a struct form_screen as the first member of its
 * data, so that the handlers here serve every form: each form screen
 * adds only how it saves and what it does when the case changes.
 */
#ifndef MAPPA_FORM_H
#define MAPPA_FORM_H

#include "ui/ui.h"

struct form_screen {
	struct form_model fm;
	int focus;             /* the field with the focus */
	int top;               /* the first field row shown */
	int page;              /* how many field rows are shown (form_draw) */
	char heading[256];     /* what the form is about */
	char banner[320];      /* a notice above the fields, or "" */
	bool banner_error;
	/* Save the checked form; DRAW_* flags (it closes the screen, or
	 * says why not). */
	unsigned (*save)(struct ui *ui, struct screen *s);
};

/* A text field taking at least this many bytes is a long text: F4 opens
 * it whole in the text editor (scr_text_new). */
#define FORM_LONG_TEXT 200

/* The form handlers: next and previous field, Enter, save, cancel, a
 * long text in the editor. */
extern const struct ui_handler form_handlers[];

/* Start FS on its first visible field (FS->fm already set up). */
void form_start(struct form_screen *fs);

/* Screen callbacks shared by every form screen. */
unsigned form_input(struct ui *ui, struct screen *s, int key);
void form_draw(struct ui *ui, struct screen *s, unsigned what);
bool form_unsaved(const struct screen *s);
/* The model's fields freed, then the screen's data and the screen: a
 * form screen's destroy, or the end of one that frees more first. */
void form_destroy(struct screen *s);

/* What every form screen's screen_ops take from here (members of its
 * initializer); the screen adds its name, title, destroy and what it
 * does when others change the case. */
#define FORM_SCREEN_CALLBACKS                                             \
	.ctx = CTX_FORM, .handlers = form_handlers, .input = form_input,  \
	.draw = form_draw, .unsaved = form_unsaved

/*
 * Edit F with KEY as a line editor does (characters, Backspace, Delete,
 * Left, Right, Home, End, Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-K, Ctrl-W; for a
 * choice Left, Right, Space or its first letter).  Returns whether the
 * key was one of these; *CHANGED whether the content changed.
 */
bool form_field_key(struct field *f, int key, bool *changed);

#endif
