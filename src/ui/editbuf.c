/*
 * editbuf.c -- the multi-line editor's text and its rules (editbuf.h).
 *
 * Wrapping: a row takes as many characters as fit in the width; a word
 * that would cross the edge goes to the next row whole, the space before
 * it staying at the end of this row (where the cursor may sit on it, one
 * column past the text: editor.c leaves that column free); a word longer
 * than the width is cut where it reaches the edge.  A line break ends a
 * row.  The rows are made again after every edit: a text of minutes is a
 * few thousand characters, which takes microseconds.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/editbuf.h"
#include "ui/text.h"

/* The kinds of change (eb->group). */
enum { G_NONE, G_TYPE, G_BREAK, G_BACK, G_FORWARD, G_KILL, G_PASTE };

/* The columns bytes A to B of S take. */
static int
width_of(const char *s, size_t a, size_t b)
{
	int w = 0;

	while (a < b) {
		struct text_unit u;

		text_next(s + a, b - a, &u);
		w += u.width;
		a += u.len;
	}
	return w;
}

static bool
add_row(struct editbuf *eb, size_t start, size_t end, bool hard)
{
	if (array_reserve(&eb->rows, &eb->rcap, eb->nrows + 1,
			  sizeof *eb->rows) != 0)
		return false;
	eb->rows[eb->nrows].start = start;
	eb->rows[eb->nrows].end = end;
	eb->rows[eb->nrows++].hard = hard;
	return true;
}

static void
rewrap(struct editbuf *eb)
{
	const char *t = eb->text;
	size_t pos = 0;

	eb->nrows = 0;
	for (;;) {
		size_t start = pos, p = pos, after_space = 0;
		int col = 0;

		for (;;) {
			struct text_unit u;

			if (p >= eb->len) {
				add_row(eb, start, eb->len, true);
				return;
			}
			if (t[p] == '\n') {
				if (!add_row(eb, start, p, true))
					return;
				pos = p + 1;
				break;
			}
			text_next(t + p, eb->len - p, &u);
			if (col + u.width > eb->width) {
				if (t[p] == ' ') {
					/* The space at the edge ends the
					 * row; the next starts after it. */
					add_row(eb, start, p, false);
					pos = p + 1;
				} else if (after_space > start) {
					add_row(eb, start, after_space - 1,
						false);
					pos = after_space;
				} else {
					if (p == start)
						p += u.len;
					add_row(eb, start, p, false);
					pos = p;
				}
				break;
			}
			if (t[p] == ' ')
				after_space = p + 1;
			col += u.width;
			p += u.len;
		}
	}
}

void
eb_init(struct editbuf *eb, size_t max, int width)
{
	memset(eb, 0, sizeof *eb);
	eb->max = max;
	eb->goal = -1;
	eb->width = width < 2 ? 2 : width;
	eb_set(eb, "");
}

void
eb_free(struct editbuf *eb)
{
	free(eb->text);
	free(eb->rows);
	free(eb->undo);
	memset(eb, 0, sizeof *eb);
}

/* Make room for N bytes of text. */
static bool
reserve(char **buf, size_t *cap, size_t n)
{
	return array_reserve(buf, cap, n + 1, 1) == 0;
}

int
eb_set(struct editbuf *eb, const char *text)
{
	size_t n = strlen(text);

	if (!reserve(&eb->text, &eb->cap, n))
		return -1;
	memcpy(eb->text, text, n + 1);
	eb->len = eb->cur = n;
	eb->goal = -1;
	eb->changed = false;
	eb->can_undo = false;
	eb->group = G_NONE;
	rewrap(eb);
	return 0;
}

const char *
eb_text(const struct editbuf *eb)
{
	return eb->text ? eb->text : "";
}

void
eb_set_width(struct editbuf *eb, int width)
{
	if (width < 2)
		width = 2;
	if (width != eb->width) {
		eb->width = width;
		rewrap(eb);
	}
}

size_t
eb_cursor_row(const struct editbuf *eb)
{
	size_t i = 0;

	while (i + 1 < eb->nrows && eb->rows[i + 1].start <= eb->cur)
		i++;
	return i;
}

int
eb_cursor_col(const struct editbuf *eb)
{
	const struct eb_row *r = &eb->rows[eb_cursor_row(eb)];

	return width_of(eb->text, r->start, eb->cur);
}

/* --- changes --------------------------------------------------------- */

/* A change of KIND begins, or goes on: keep the text as it was before. */
static bool
begin(struct editbuf *eb, int kind)
{
	if (eb->pasting)
		kind = G_PASTE;
	if (eb->group == kind && kind != G_KILL)
		return true;
	if (!reserve(&eb->undo, &eb->undo_cap, eb->len))
		return false;
	memcpy(eb->undo, eb->text, eb->len + 1);
	eb->undo_len = eb->len;
	eb->undo_cur = eb->cur;
	eb->can_undo = true;
	eb->group = kind;
	return true;
}

static void
edited(struct editbuf *eb)
{
	eb->changed = true;
	eb->goal = -1;
	rewrap(eb);
}

/* Remove bytes A to B. */
static void
cut(struct editbuf *eb, size_t a, size_t b)
{
	memmove(eb->text + a, eb->text + b, eb->len - b + 1);
	eb->len -= b - a;
	eb->cur = a;
}

bool
eb_insert(struct editbuf *eb, wchar_t wc)
{
	char buf[8];
	size_t n;

	if (wc == L'\r')
		wc = L'\n';
	if (wc == L'\n' && eb->oneline)
		wc = L' ';
	if (wc == L'\n') {
		buf[0] = '\n';
		n = 1;
	} else if (!text_typable(wc) || (n = text_encode(wc, buf)) == 0) {
		return false;
	}
	if (eb->len + n > eb->max || !reserve(&eb->text, &eb->cap, eb->len + n))
		return false;
	if (!begin(eb, wc == L'\n' ? G_BREAK : G_TYPE))
		return false;
	memmove(eb->text + eb->cur + n, eb->text + eb->cur,
		eb->len - eb->cur + 1);
	memcpy(eb->text + eb->cur, buf, n);
	eb->len += n;
	eb->cur += n;
	edited(eb);
	return true;
}

bool
eb_backspace(struct editbuf *eb)
{
	size_t n = text_prev_len(eb->text, eb->cur);

	if (n == 0 || !begin(eb, G_BACK))
		return false;
	cut(eb, eb->cur - n, eb->cur);
	edited(eb);
	return true;
}

bool
eb_delete(struct editbuf *eb)
{
	size_t n = text_next_len(eb->text, eb->cur);

	if (n == 0 || !begin(eb, G_FORWARD))
		return false;
	cut(eb, eb->cur, eb->cur + n);
	edited(eb);
	return true;
}

bool
eb_kill_start(struct editbuf *eb)
{
	size_t a = eb->cur;

	while (a > 0 && eb->text[a - 1] != '\n')
		a--;
	if (a == eb->cur || !begin(eb, G_KILL))
		return false;
	cut(eb, a, eb->cur);
	edited(eb);
	return true;
}

bool
eb_kill_end(struct editbuf *eb)
{
	size_t b = eb->cur;

	while (b < eb->len && eb->text[b] != '\n')
		b++;
	if (b == eb->cur && b < eb->len)
		b++; /* at the end of a line: join the next */
	if (b == eb->cur || !begin(eb, G_KILL))
		return false;
	cut(eb, eb->cur, b);
	edited(eb);
	return true;
}

bool
eb_undo(struct editbuf *eb)
{
	char *t;
	size_t n, c, k;

	if (!eb->can_undo)
		return false;
	/* Swap: undo again puts the change back. */
	t = eb->text;
	n = eb->len;
	c = eb->cur;
	k = eb->cap;
	eb->text = eb->undo;
	eb->len = eb->undo_len;
	eb->cur = eb->undo_cur;
	eb->cap = eb->undo_cap;
	eb->undo = t;
	eb->undo_len = n;
	eb->undo_cur = c;
	eb->undo_cap = k;
	eb->group = G_NONE;
	edited(eb);
	return true;
}

void
eb_paste_begin(struct editbuf *eb)
{
	eb->group = G_NONE;
	eb->pasting = true;
}

void
eb_paste_end(struct editbuf *eb)
{
	eb->pasting = false;
	eb->group = G_NONE;
}

/* --- moves ----------------------------------------------------------- */

/* The cursor goes to AT: a move ends the change in progress. */
static bool
go(struct editbuf *eb, size_t at, bool keep_goal)
{
	if (!keep_goal)
		eb->goal = -1;
	if (at == eb->cur)
		return false;
	eb->cur = at;
	if (!eb->pasting)
		eb->group = G_NONE;
	return true;
}

bool
eb_left(struct editbuf *eb)
{
	return go(eb, eb->cur - text_prev_len(eb->text, eb->cur), false);
}

bool
eb_right(struct editbuf *eb)
{
	return go(eb, eb->cur + text_next_len(eb->text, eb->cur), false);
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

bool
eb_word_left(struct editbuf *eb)
{
	size_t p = eb->cur;

	while (p > 0 && is_space(eb->text[p - 1]))
		p--;
	while (p > 0 && !is_space(eb->text[p - 1]))
		p -= text_prev_len(eb->text, p);
	return go(eb, p, false);
}

bool
eb_word_right(struct editbuf *eb)
{
	size_t p = eb->cur;

	while (p < eb->len && !is_space(eb->text[p]))
		p += text_next_len(eb->text, p);
	while (p < eb->len && is_space(eb->text[p]))
		p++;
	return go(eb, p, false);
}

/* The last place the cursor may take on row I. */
static size_t
row_last(const struct editbuf *eb, size_t i)
{
	const struct eb_row *r = &eb->rows[i];

	/* A word cut at the edge: its next part starts the next row. */
	if (!r->hard && i + 1 < eb->nrows && r->end == eb->rows[i + 1].start &&
	    r->end > r->start)
		return r->end - text_prev_len(eb->text, r->end);
	return r->end;
}

/* The place on row I nearest column COL. */
static size_t
at_col(const struct editbuf *eb, size_t i, int col)
{
	size_t p = eb->rows[i].start, last = row_last(eb, i);
	int w = 0;

	while (p < last) {
		struct text_unit u;

		text_next(eb->text + p, last - p, &u);
		if (w + u.width > col)
			break;
		w += u.width;
		p += u.len;
	}
	return p;
}

static bool
vertical(struct editbuf *eb, int by)
{
	size_t i = eb_cursor_row(eb);

	if ((by < 0 && i == 0) || (by > 0 && i + 1 >= eb->nrows))
		return false;
	if (eb->goal < 0)
		eb->goal = eb_cursor_col(eb);
	return go(eb, at_col(eb, by < 0 ? i - 1 : i + 1, eb->goal), true);
}

bool
eb_up(struct editbuf *eb)
{
	return vertical(eb, -1);
}

bool
eb_down(struct editbuf *eb)
{
	return vertical(eb, 1);
}

bool
eb_home(struct editbuf *eb)
{
	return go(eb, eb->rows[eb_cursor_row(eb)].start, false);
}

bool
eb_end(struct editbuf *eb)
{
	return go(eb, row_last(eb, eb_cursor_row(eb)), false);
}

bool
eb_text_start(struct editbuf *eb)
{
	return go(eb, 0, false);
}

bool
eb_text_end(struct editbuf *eb)
{
	return go(eb, eb->len, false);
}
