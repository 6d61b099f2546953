/*
 * message.c -- the message line: information and errors, and the
 * questions asked on it (a line of text, or yes or no) with the keys
 * that answer them.  Below the screens: they call it, the loop (tui.c)
 * hands it the keys while a question is open.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/form.h"
#include "ui/ui.h"

/* Set the message line from FMT and AP, an error or not. */
static void __attribute__((format(printf, 3, 0)))
say(struct ui *ui, bool error, const char *fmt, va_list ap)
{
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	ui->msg_error = error;
}

void
ui_msg(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(ui, false, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(ui, true, fmt, ap);
	va_end(ap);
	beep();
}

void
ui_holidays_note(struct ui *ui)
{
	if (ui->holidays_err[0])
		ui_msg(ui, "Bank holidays: %s; counting weekends only.",
		       ui->holidays_err);
}

const char *
ui_read_only_msg(void)
{
	return "Read-only: a lay adviser may look, but not change records.";
}

static unsigned
ask(struct ui *ui, struct screen *s, int kind, const char *label,
    size_t max, ui_answer_fn answer, ui_typed_fn typed)
{
	field_free(&ui->ask.f);
	field_init_text(&ui->ask.f, "ask", label, FIELD_TEXT, max, false,
			NULL);
	field_set(&ui->ask.f, "");
	str_copy(ui->ask.label, label, sizeof ui->ask.label);
	ui->ask.kind = kind;
	ui->ask.answer = answer;
	ui->ask.typed = typed;
	ui->ask.owner = s;
	return DRAW_STATUS;
}

unsigned
ui_ask_line(struct ui *ui, struct screen *s, const char *label,
	    ui_answer_fn answer, ui_typed_fn typed)
{
	return ask(ui, s, 'l', label, UI_LINE_MAX, answer, typed);
}

unsigned
ui_ask_text(struct ui *ui, struct screen *s, const char *label, size_t max,
	    ui_answer_fn answer, ui_typed_fn typed)
{
	return ask(ui, s, 'l', label, max, answer, typed);
}

unsigned
ui_ask_yes(struct ui *ui, struct screen *s, const char *question,
	   ui_answer_fn answer)
{
	return ask(ui, s, 'y', question, 1, answer, NULL);
}

unsigned
ui_ask_key(struct ui *ui, int key)
{
	ui_answer_fn answer = ui->ask.answer;
	struct screen *owner = ui->ask.owner;
	unsigned d;
	char *text;
	bool ok, changed;

	if (ui->ask.kind == 'y') {
		if (key == 'y' || key == 'Y')
			ok = true;
		else if (key == 'n' || key == 'N' || key == UI_ESC)
			ok = false;
		else
			return DRAW_NONE;
		ui->ask.kind = 0;
		ui->msg[0] = '\0';
		return answer(ui, owner, ok, NULL) | DRAW_STATUS;
	}
	if (key == '\n' || key == '\r' || key == UI_FN(KEY_ENTER) ||
	    key == UI_ESC) {
		/* The whole line, however long: the answer may ask again,
		 * which empties the field. */
		if ((text = strdup(field_text(&ui->ask.f))) == NULL) {
			ui_error(ui, "Out of memory: the line is kept; try "
				 "again.");
			return DRAW_STATUS;
		}
		ui->ask.kind = 0;
		ui->msg[0] = '\0';
		d = answer(ui, owner, key != UI_ESC, text) | DRAW_STATUS;
		free(text);
		return d;
	}
	if (!form_field_key(&ui->ask.f, key, &changed))
		return DRAW_NONE;
	if (changed && ui->ask.typed) {
		if ((text = strdup(field_text(&ui->ask.f))) == NULL)
			return DRAW_STATUS;
		d = ui->ask.typed(ui, owner, text) | DRAW_STATUS;
		free(text);
		return d;
	}
	return DRAW_STATUS;
}
