/*
 * status.c -- the lines every screen has: the title line at the top (the
 * area, the screen and its counts; the user, role and database; DEMO DATA
 * and READ-ONLY where they apply), the message line (or a question being
 * asked) and the key hint at the bottom, made from the top screen's
 * handler table.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/text.h"
#include "ui/ui.h"

static const char *
sep(void)
{
	return text_utf8() ? " \xe2\x94\x82 " : " | ";
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

void
status_draw_title(struct ui *ui)
{
	struct screen *top = ui->depth ? ui->stack[ui->depth - 1] : NULL;
	const char *flags[2];
	char left[512], right[512], screen[256] = "";
	int nflags = 0, flagw = 0, w = ui->cols, rw;

	if (ui->demo)
		flags[nflags++] = "DEMO DATA";
	if (ui->lay)
		flags[nflags++] = "READ-ONLY";
	for (int i = 0; i < nflags; i++)
		flagw += (int)strlen(flags[i]) + 2;
	if (top && top->ops->title)
		top->ops->title(ui, top, screen, sizeof screen);
	else if (top)
		str_copy(screen, top->ops->name, sizeof screen);
	ui_fmt(left, sizeof left, " mappa%s%s%s%s", sep(), ui->area, sep(),
	       screen);
	ui_fmt(right, sizeof right, "%s (%s)%s%s ", db_user(ui->db),
	       db_role_name(db_role(ui->db)), sep(), ui->path);
	rw = text_width(right);
	/* Shorten what matters least first: the path, then the user. */
	if (text_width(left) + 1 + rw + flagw > w) {
		ui_fmt(right, sizeof right, "%s (%s)%s%s ", db_user(ui->db),
		       db_role_name(db_role(ui->db)), sep(),
		       base_name(ui->path));
		rw = text_width(right);
	}
	if (text_width(left) + 1 + rw + flagw > w) {
		ui_fmt(right, sizeof right, "%s (%s) ", db_user(ui->db),
		       db_role_name(db_role(ui->db)));
		rw = text_width(right);
	}
	if (rw + flagw > w - 12)
		rw = 0;
	ui_blank(0, 0, w, ui_attr(R_TITLE));
	ui_put(0, 0, w - rw - flagw - 1, left, ui_attr(R_TITLE),
	       PUT_PAD | PUT_ELLIPSIS);
	if (rw)
		ui_put(0, w - rw - flagw, rw, right, ui_attr(R_TITLE), 0);
	for (int i = 0, x = w - flagw; i < nflags; i++) {
		char f[32];

		ui_fmt(f, sizeof f, " %s ", flags[i]);
		x += ui_put(0, x, w - x, f, ui_attr(R_FLAG), 0);
	}
}

void
status_draw_message(struct ui *ui)
{
	int y = ui->rows - 2, w = ui->cols;

	if (ui->ask.kind) {
		const struct field *f = &ui->ask.f;
		int lw = ui_put(y, 0, w, ui->ask.label, ui_attr(R_INFO), 0);
		int room = w - lw - 1, cw;
		const char *t = field_text(f);
		size_t from = 0;

		/* Keep the cursor in view: show the text's tail. */
		while (text_width(t + from) > room && from < f->cur)
			from += text_next_len(t, from);
		ui_put(y, lw, w - lw, t + from, A_NORMAL, PUT_PAD);
		{
			char *head = strndup(t + from, f->cur - from);

			cw = head ? text_width(head) : room;
			free(head);
		}
		ui->cursor_y = y;
		ui->cursor_x = lw + cw < w ? lw + cw : w - 1;
		return;
	}
	ui_put(y, 0, w, ui->msg, ui_attr(ui->msg_error ? R_ERROR : R_INFO),
	       PUT_PAD | PUT_ELLIPSIS);
}

/* Put one "key label" pair at *X if it fits; false when it does not. */
static bool
hint(int y, int *x, int w, const char *key, const char *label)
{
	int need = text_width(key) + 1 + text_width(label) + 2;

	if (*x + need > w)
		return false;
	*x += ui_put(y, *x, w - *x, key, ui_attr(R_HINT_KEY), 0);
	*x += ui_put(y, *x, w - *x, " ", ui_attr(R_HINT), 0);
	*x += ui_put(y, *x, w - *x, label, ui_attr(R_HINT), 0);
	*x += ui_put(y, *x, w - *x, "  ", ui_attr(R_HINT), 0);
	return true;
}

void
status_draw_hint(struct ui *ui)
{
	struct screen *top = ui->depth ? ui->stack[ui->depth - 1] : NULL;
	int y = ui->rows - 1, w = ui->cols, x = 1;
	char keys[64];

	ui_blank(y, 0, w, ui_attr(R_HINT));
	if (ui->ask.kind == 'l') {
		hint(y, &x, w, "Enter", "accept");
		hint(y, &x, w, "Esc", "cancel");
		return;
	}
	if (ui->ask.kind == 'y') {
		hint(y, &x, w, "y", "yes");
		hint(y, &x, w, "n", "no");
		return;
	}
	if (top == NULL)
		return;
	for (const struct ui_handler *h = ui_handlers_of(top);
	     h && h->action != A_NONE; h++) {
		if (h->hint == NULL || (ui->lay && (h->needs & NEED_WRITE)) ||
		    ((h->needs & NEED_ADMIN) &&
		     db_role(ui->db) != ROLE_ADMIN))
			continue;
		ui_keys_of(ui_ctx_of(top), h->action, true, keys,
			   sizeof keys);
		if (keys[0] && !hint(y, &x, w, keys, h->hint))
			break;
	}
	ui_keys_of(ui_ctx_of(top), A_HELP, true, keys, sizeof keys);
	hint(y, &x, w, keys, "help");
	if (ui_ctx_of(top) != CTX_FORM && ui_ctx_of(top) != CTX_CONFLICT &&
	    ui_ctx_of(top) != CTX_EDITOR)
		hint(y, &x, w, "q", ui->depth > 1 ? "back" : "quit");
}
