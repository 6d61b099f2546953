/*
 * scr_overview.c -- the agenda at a glance (issue 16), opened from
 * meeting mode (o): every case with its state (discussed, minuted, its
 * level decision); Enter, or a number typed after g, goes to that case in
 * meeting mode.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/util.h"
#include "ui/room.h"
#include "ui/text.h"
#include "ui/ui.h"

static unsigned
go_case(struct ui *ui, struct screen *s)
{
	return ui_pop(ui, UI_RESULT_GOTO_CASE + room_of(s)->cur);
}

static unsigned
number_answered(struct ui *ui, struct screen *s, bool ok, const char *text)
{
	struct room *r = room_of(s);
	char *end;
	long n;

	if (!ok)
		return DRAW_NONE;
	n = strtol(text, &end, 10);
	if (*text == '\0' || *end || n < 1 || n > r->n) {
		ui_error(ui, "No case %s: 1 to %d.", text, r->n);
		return DRAW_STATUS;
	}
	return ui_pop(ui, UI_RESULT_GOTO_CASE + (int)n - 1);
}

static unsigned
go_number(struct ui *ui, struct screen *s)
{
	return ui_ask_line(ui, s, "Go to case number:", number_answered,
			   NULL);
}

static const struct ui_handler overview_handlers[] = {
	{ A_CASE_GOTO, NEED_ROW, go_case, "go to case" },
	{ A_CASE_NUMBER, 0, go_number, "case number" },
	{ A_NONE, 0, NULL, NULL },
};

static const struct screen_ops ops =
	ROOM_SCREEN_OPS("The agenda at a glance", CTX_OVERVIEW,
			overview_handlers);

struct screen *
scr_overview_new(struct ui *ui, int64_t meeting_id, int cur)
{
	return room_open(ui, &ops, ROOM_OVERVIEW, meeting_id, 0, cur);
}
