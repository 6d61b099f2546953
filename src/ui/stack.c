/*
 * stack.c -- the screen stack: the screen on top takes the keys; closing
 * it hands a result to the one below.  Below the screens: they open and
 * close one another through it, and the loop (tui.c) reads its top.
 */
#include "config.h"

#include <stdlib.h>

#include "ui/ui.h"

struct screen *
ui_screen_new(struct ui *ui, const struct screen_ops *ops, size_t size)
{
	struct screen *s = calloc(1, sizeof *s);
	void *data = calloc(1, size);

	if (s == NULL || data == NULL) {
		free(s);
		free(data);
		ui_error(ui, "Out of memory.");
		return NULL;
	}
	s->ops = ops;
	s->data = data;
	return s;
}

struct screen *
ui_top(struct ui *ui)
{
	return ui->depth ? ui->stack[ui->depth - 1] : NULL;
}

void
ui_screen_free(struct screen *s)
{
	if (s && s->ops->destroy)
		s->ops->destroy(s);
}

unsigned
ui_push(struct ui *ui, struct screen *s)
{
	unsigned d = DRAW_ALL;

	if (s == NULL)
		return DRAW_STATUS;
	if (ui->depth == UI_STACK_MAX) {
		ui_screen_free(s);
		ui_error(ui, "Too many screens open: close one first.");
		return DRAW_STATUS;
	}
	ui->stack[ui->depth++] = s;
	if (!ui->small && s->ops->layout)
		d |= s->ops->layout(ui, s);
	return d;
}

unsigned
ui_pop(struct ui *ui, int result)
{
	struct screen *s;
	unsigned d = DRAW_ALL;

	if (ui->depth <= 1)
		return DRAW_NONE;
	if (ui->ask.kind && ui->ask.owner == ui_top(ui))
		ui->ask.kind = 0;
	ui_screen_free(ui->stack[--ui->depth]);
	s = ui_top(ui);
	if (!ui->small && s->ops->layout)
		d |= s->ops->layout(ui, s);
	if (s->ops->resumed)
		d |= s->ops->resumed(ui, s, result);
	return d;
}
