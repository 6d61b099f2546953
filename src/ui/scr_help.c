/*
 * scr_help.c -- the keys of the screen below, generated from its handler
 * table, the binding table and the list of actions (keys.c), so that it
 * cannot disagree with what the keys do.  For a form it adds the keys
 * that edit a field (form.c handles those itself), from a table here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/list.h"
#include "ui/editor.h"
#include "ui/ui.h"
#include "ui/view.h"

/* The keys of a field, which form_field_key() handles. */
static const struct {
	const char *keys, *help;
} editing[] = {
	{ "Left Right", "move in the text; in a choice, the previous or "
			"next choice" },
	{ "Space", "in a choice, the next choice" },
	{ "a letter or digit", "in a choice, the next choice starting with it" },
	{ "Home Ctrl-A", "to the start of the text" },
	{ "End Ctrl-E", "to the end of the text" },
	{ "Backspace", "delete the character before the cursor" },
	{ "Delete Ctrl-D", "delete the character under the cursor" },
	{ "Ctrl-U", "delete to the start" },
	{ "Ctrl-K", "delete to the end" },
	{ "Ctrl-W", "delete the word before the cursor" },
};

/* The handlers the loop provides on every screen (tui.c). */
static const enum ui_action global[] = { A_HELP, A_REDRAW, A_BACK, A_QUIT };

struct help {
	struct view v;
	const struct screen_ops *of;
};

static void
entry(struct help *h, struct ui *ui, enum ui_context ctx, enum ui_action a,
      unsigned needs, const char **group)
{
	char keys[96], line[400];
	const struct ui_action_info *info = &ui_actions[a];
	bool writes = (needs & NEED_WRITE) && ui->lay;
	bool admin = (needs & NEED_ADMIN) && db_role(ui->db) != ROLE_ADMIN;

	ui_keys_of(ctx, a, false, keys, sizeof keys);
	if (!keys[0])
		return;
	if (*group == NULL || strcmp(*group, info->group) != 0) {
		*group = info->group;
		view_add(&h->v, R_NORMAL, 0, "");
		view_add(&h->v, R_SECTION, 1, info->group);
	}
	ui_fmt(line, sizeof line, "%-18s %s%s", keys, info->help,
	       admin ? "  (refused: admins only)"
	       : writes ? "  (refused: read-only)" : "");
	view_wrap_hang(&h->v, writes || admin ? R_DIM : R_NORMAL, 3, 19,
		       line, ui->cols - 2);
}

static void
build(struct ui *ui, struct help *h)
{
	const char *group = NULL;
	char line[200];

	view_clear(&h->v);
	view_add(&h->v, R_SECTION, 0, ui_fmt(line, sizeof line, "Keys: %s",
					     h->of->name));
	if (ui->lay)
		view_add(&h->v, R_DIM, 1, "You are a lay adviser: you may "
			 "look at the register, never change it.");
	/* The screen's own actions, in the order of the action list; the
	 * moves of a screen that moves (screen_ops.moving) among them. */
	for (int a = 1; a < A_COUNT; a++) {
		bool own = false;

		for (const struct ui_handler *x = h->of->handlers;
		     x && x->action != A_NONE; x++)
			if (x->action == (enum ui_action)a) {
				entry(h, ui, h->of->ctx, x->action, x->needs,
				      &group);
				own = true;
			}
		if (!own && h->of->moving && list_moving((enum ui_action)a))
			entry(h, ui, h->of->ctx, (enum ui_action)a, 0, &group);
	}
	if (h->of->ctx == CTX_FORM) {
		view_add(&h->v, R_NORMAL, 0, "");
		view_add(&h->v, R_SECTION, 1, "Editing a field");
		for (size_t i = 0; i < NELEM(editing); i++)
			view_wrap_hang(&h->v, R_NORMAL, 3, 19,
				       ui_fmt(line, sizeof line, "%-18s %s",
					      editing[i].keys,
					      editing[i].help),
				       ui->cols - 2);
	}
	if (h->of->edit_handlers) {
		/* A text edited in place (editor.h): its keys. */
		view_add(&h->v, R_NORMAL, 0, "");
		view_add(&h->v, R_SECTION, 1, "Editing a text (Enter on a "
			 "heading opens it)");
		for (const struct ui_handler *x = h->of->edit_handlers;
		     x->action != A_NONE; x++) {
			char keys[96];

			ui_keys_of(CTX_EDITOR, x->action, false, keys,
				   sizeof keys);
			view_wrap_hang(&h->v, R_NORMAL, 3, 19,
				       ui_fmt(line, sizeof line, "%-18s %s",
					      keys, x->action == A_SAVE
					      ? "save the text"
					      : ui_actions[x->action].help),
				       ui->cols - 2);
		}
		for (size_t i = 0; i < editor_nhelp; i++)
			view_wrap_hang(&h->v, R_NORMAL, 3, 19,
				       ui_fmt(line, sizeof line, "%-18s %s",
					      editor_help[i].keys,
					      editor_help[i].help),
				       ui->cols - 2);
	}
	group = NULL;
	for (size_t i = 0; i < NELEM(global); i++) {
		bool own = false;

		for (const struct ui_handler *x = h->of->handlers;
		     x && x->action != A_NONE; x++)
			own |= x->action == global[i];
		if (!own)
			entry(h, ui, h->of->ctx, global[i], 0, &group);
	}
	view_add(&h->v, R_NORMAL, 0, "");
	view_add(&h->v, R_DIM, 1, "Esc or q closes this help.  See also "
		 "mappa(1), THE SCREENS.");
}

static int
rows(const struct ui *ui)
{
	return ui_body_rows(ui);
}

static unsigned
moving(struct ui *ui, struct screen *s, enum ui_action a)
{
	return view_move(&((struct help *)s->data)->v, a, rows(ui));
}

/* The moves are the loop's (moving()); these only name two on the hint
 * line. */
static const struct ui_handler handlers[] = {
	{ A_PAGE_UP, 0, NULL, "page up" },
	{ A_PAGE_DOWN, 0, NULL, "page down" },
	{ A_NONE, 0, NULL, NULL },
};

static unsigned
layout(struct ui *ui, struct screen *s)
{
	build(ui, s->data);
	return DRAW_BODY;
}

static void
draw(struct ui *ui, struct screen *s, unsigned what)
{
	if (what & (DRAW_BODY | DRAW_CURSOR))
		view_draw(&((struct help *)s->data)->v, UI_BODY_TOP, rows(ui),
			  ui->cols);
}

static void
title(struct ui *ui, struct screen *s, char *buf, size_t n)
{
	(void)ui;
	ui_fmt(buf, n, "Help: %s", ((struct help *)s->data)->of->name);
}

static void
destroy(struct screen *s)
{
	struct help *h = s->data;

	view_free(&h->v);
	free(h);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Help",
	.ctx = CTX_HELP,
	.handlers = handlers,
	.moving = moving,
	.title = title,
	.layout = layout,
	.draw = draw,
	.destroy = destroy,
};

struct screen *
scr_help_new(struct ui *ui, const struct screen *of)
{
	struct help *h;
	struct screen *s = ui_screen_new(ui, &ops, sizeof *h);

	if (s == NULL)
		return NULL;
	h = s->data;
	h->of = of->ops;
	return s;
}
