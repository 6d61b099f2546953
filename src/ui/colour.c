/*
 * colour.c -- colour by role, from one table.
 *
 * Each role has a colour form and a monochrome form; the monochrome one is
 * used when the terminal has no colour or NO_COLOR is set, and it never
 * relies on colour to carry meaning: the selection is reverse video, an
 * overdue review is bold and also marked with '!', errors are bold.  The
 * colour forms add colour to the same attributes, never replace them, so
 * the screen reads the same either way.
 *
 * Light and dark terminals alike: text on the terminal's own background
 * (-1) is in its own foreground, red or magenta only -- yellow, cyan,
 * green, white and blue vanish on one background or the other -- and
 * emphasis is bold, underline and reverse video.  The selection and the
 * field being typed in are reverse video, legible on any background.
 * Only bars (the title line, the flags) set a background, and then a
 * foreground that reads on it.
 */
#include "config.h"

#include "core/util.h"
#include "ui/ui.h"

static const struct role {
	short fg, bg;     /* colour form; -1 is the terminal's default */
	attr_t colour;    /* attributes with colour */
	attr_t mono;      /* attributes without */
} roles[R_COUNT] = {
	[R_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[R_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[R_FLAG] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[R_HEADER] = { -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[R_SORTED] = { COLOR_MAGENTA, -1, A_BOLD | A_UNDERLINE,
		       A_BOLD | A_UNDERLINE | A_REVERSE },
	[R_SELECTED] = { -1, -1, A_REVERSE, A_REVERSE },
	[R_HINT] = { -1, -1, A_NORMAL, A_NORMAL },
	[R_HINT_KEY] = { -1, -1, A_BOLD, A_BOLD },
	[R_INFO] = { -1, -1, A_NORMAL, A_NORMAL },
	[R_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[R_OVERDUE] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[R_LEVEL3] = { COLOR_MAGENTA, -1, A_BOLD, A_BOLD },
	[R_LEVEL2] = { -1, -1, A_NORMAL, A_NORMAL },
	[R_EXITED] = { -1, -1, A_DIM, A_DIM },
	[R_SECTION] = { -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[R_LABEL] = { -1, -1, A_NORMAL, A_NORMAL },
	[R_FIELD] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[R_FIELD_FOCUS] = { -1, -1, A_REVERSE, A_REVERSE },
	[R_FIELD_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[R_ESCAPE] = { COLOR_MAGENTA, -1, A_REVERSE, A_REVERSE },
	[R_DIM] = { -1, -1, A_DIM, A_DIM },
	[R_MINE] = { -1, -1, A_BOLD, A_BOLD },
	[R_THEIRS] = { COLOR_MAGENTA, -1, A_UNDERLINE, A_UNDERLINE },
};

static bool colour_on;

void
colour_init(bool use)
{
	colour_on = false;
	if (!use || start_color() == ERR)
		return;
	/* Without default colours, -1 fails below and white on black is
	 * taken instead. */
	use_default_colors();
	for (int r = 1; r < R_COUNT; r++) {
		short fg = roles[r].fg, bg = roles[r].bg;

		if (COLORS < 8)
			return;
		if (init_pair((short)r, fg, bg) == ERR &&
		    init_pair((short)r, fg < 0 ? COLOR_WHITE : fg,
			      bg < 0 ? COLOR_BLACK : bg) == ERR)
			return;
	}
	colour_on = true;
}

attr_t
ui_attr(enum ui_role role)
{
	if ((unsigned)role >= R_COUNT)
		role = R_NORMAL;
	if (!colour_on)
		return roles[role].mono;
	if (role == R_NORMAL)
		return A_NORMAL;
	return roles[role].colour | (attr_t)COLOR_PAIR(role);
}

void
colour_role(enum ui_role role, short *fg, short *bg, attr_t *colour,
	    attr_t *mono)
{
	if ((unsigned)role >= R_COUNT)
		role = R_NORMAL;
	*fg = roles[role].fg;
	*bg = roles[role].bg;
	*colour = roles[role].colour;
	*mono = roles[role].mono;
}
