/*
 * field.c -- editing one field of a form, a UTF-8 character at a time.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/field.h"
#include "ui/text.h"

static int
reserve(struct field *f, size_t need)
{
	bool fresh = f->text == NULL;

	if (array_reserve(&f->text, &f->cap, need + 1, 1) != 0)
		return -1;
	if (fresh)
		f->text[0] = '\0';
	return 0;
}

/* F, emptied, named NAME, labelled LABEL, of KIND, with HELP. */
static void
field_start(struct field *f, const char *name, const char *label,
	    enum field_kind kind, const char *help)
{
	memset(f, 0, sizeof *f);
	f->name = name;
	f->label = label;
	f->help = help;
	f->kind = kind;
}

void
field_init_text(struct field *f, const char *name, const char *label,
		enum field_kind kind, size_t max, bool required, const char *help)
{
	field_start(f, name, label, kind, help);
	f->max = max;
	f->required = required;
}

void
field_init_choice(struct field *f, const char *name, const char *label,
		  const char *const *choices, int initial, const char *help)
{
	field_start(f, name, label, FIELD_CHOICE, help);
	f->choices = choices;
	while (choices[f->nchoices])
		f->nchoices++;
	f->choice = initial >= 0 && initial < f->nchoices ? initial : 0;
}

void
field_free(struct field *f)
{
	free(f->text);
	f->text = NULL;
	f->len = f->cap = f->cur = 0;
}

int
field_set(struct field *f, const char *text)
{
	size_t n = text ? strlen(text) : 0;

	if (reserve(f, n) != 0)
		return -1;
	if (n)
		memcpy(f->text, text, n);
	f->text[n] = '\0';
	f->len = f->cur = n;
	f->scroll = 0;
	return 0;
}

const char *
field_text(const struct field *f)
{
	if (f->kind == FIELD_CHOICE)
		return f->nchoices ? f->choices[f->choice] : "";
	return f->text ? f->text : "";
}

bool
field_blank(const struct field *f)
{
	const char *s = field_text(f);

	return s[strspn(s, " \t")] == '\0';
}

bool
field_insert(struct field *f, wchar_t wc)
{
	char buf[4];
	size_t n;

	if (f->kind == FIELD_CHOICE || !text_typable(wc))
		return false;
	if ((n = text_encode(wc, buf)) == 0 || f->len + n > f->max)
		return false;
	if (reserve(f, f->len + n) != 0)
		return false;
	memmove(f->text + f->cur + n, f->text + f->cur, f->len - f->cur + 1);
	memcpy(f->text + f->cur, buf, n);
	f->len += n;
	f->cur += n;
	f->changed = true;
	return true;
}

/* Remove bytes [FROM, TO) of the text. */
static bool
cut(struct field *f, size_t from, size_t to)
{
	if (f->kind == FIELD_CHOICE || from >= to || to > f->len)
		return false;
	memmove(f->text + from, f->text + to, f->len - to + 1);
	f->len -= to - from;
	if (f->cur >= to)
		f->cur -= to - from;
	else if (f->cur > from)
		f->cur = from;
	f->changed = true;
	return true;
}

bool
field_backspace(struct field *f)
{
	if (f->text == NULL || f->cur == 0)
		return false;
	return cut(f, f->cur - text_prev_len(f->text, f->cur), f->cur);
}

bool
field_delete(struct field *f)
{
	if (f->text == NULL || f->cur >= f->len)
		return false;
	return cut(f, f->cur, f->cur + text_next_len(f->text, f->cur));
}

bool
field_left(struct field *f)
{
	if (f->kind == FIELD_CHOICE)
		return field_step(f, -1);
	if (f->text == NULL || f->cur == 0)
		return false;
	f->cur -= text_prev_len(f->text, f->cur);
	return true;
}

bool
field_right(struct field *f)
{
	if (f->kind == FIELD_CHOICE)
		return field_step(f, 1);
	if (f->text == NULL || f->cur >= f->len)
		return false;
	f->cur += text_next_len(f->text, f->cur);
	return true;
}

bool
field_home(struct field *f)
{
	if (f->kind == FIELD_CHOICE || f->cur == 0)
		return false;
	f->cur = 0;
	return true;
}

bool
field_end(struct field *f)
{
	if (f->kind == FIELD_CHOICE || f->cur == f->len)
		return false;
	f->cur = f->len;
	return true;
}

bool
field_kill_start(struct field *f)
{
	return cut(f, 0, f->cur);
}

bool
field_kill_end(struct field *f)
{
	return cut(f, f->cur, f->len);
}

bool
field_kill_word(struct field *f)
{
	size_t at = f->cur;

	if (f->text == NULL)
		return false;
	while (at > 0 && f->text[at - 1] == ' ')
		at--;
	while (at > 0 && f->text[at - 1] != ' ')
		at -= text_prev_len(f->text, at);
	return cut(f, at, f->cur);
}

bool
field_step(struct field *f, int delta)
{
	if (f->kind != FIELD_CHOICE || f->nchoices < 2)
		return false;
	f->choice = ((f->choice + delta) % f->nchoices + f->nchoices) %
		    f->nchoices;
	f->changed = true;
	return true;
}

void
field_error(struct field *f, const char *fmt, ...)
{
	va_list ap;

	if (fmt == NULL) {
		f->error = NULL;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(f->errbuf, sizeof f->errbuf, fmt, ap);
	va_end(ap);
	f->error = f->errbuf;
}
