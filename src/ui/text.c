/*
 * text.c -- decoding, measuring and escaping text for the screen.
 *
 * The decoder is our own rather than mbrtowc(), so that a malformed byte
 * is shown as \xNN and the rest of the string still reads, whatever the
 * locale; wcwidth() measures what decodes.  A character wcwidth() calls
 * unprintable, a control, a C1 code or an invisible format character
 * (which could reorder or hide what follows it on the line) is escaped.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "ui/text.h"

static bool utf8_terminal = true;

void
text_set_utf8(bool utf8)
{
	utf8_terminal = utf8;
}

bool
text_utf8(void)
{
	return utf8_terminal;
}

/* Invisible characters that change how the rest of a line shows. */
static bool
is_format(unsigned long c)
{
	return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || c == 0x00AD ||
	       c == 0x061C || (c >= 0xFFF9 && c <= 0xFFFB) ||
	       (c >= 0xE0000 && c <= 0xE007F);
}

bool
text_typable(wchar_t wc)
{
	unsigned long c = (unsigned long)wc;

	if (c < 0x20 || (c >= 0x7F && c < 0xA0) || is_format(c) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return false;
	return wcwidth(wc) >= 0;
}

/* Decode one UTF-8 sequence; the code point, or -1 (then *LEN = 1). */
static long
decode(const unsigned char *s, size_t len, size_t *n)
{
	unsigned long c;
	size_t need, i;

	*n = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 4;
		c = s[0] & 0x07;
	} else {
		return -1;
	}
	if (len < need)
		return -1;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates, beyond Unicode. */
	if ((need == 3 && c < 0x800) || (need == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return -1;
	*n = need;
	return (long)c;
}

void
text_next(const char *s, size_t len, struct text_unit *u)
{
	const unsigned char *p = (const unsigned char *)s;
	long c = decode(p, len, &u->len);
	int w;

	u->escaped = true;
	u->wc = 0;
	if (c < 0) {
		snprintf(u->esc, sizeof u->esc, "\\x%02X", p[0]);
	} else if (c < 0x20 || c == 0x7F) {
		snprintf(u->esc, sizeof u->esc, "^%c",
			 c == 0x7F ? '?' : (char)(c + '@'));
	} else if (c >= 0x80 && c < 0xA0) {
		snprintf(u->esc, sizeof u->esc, "\\x%02lX", (unsigned long)c);
	} else if (c < 0x80) {
		u->escaped = false;
		u->wc = (wchar_t)c;
		u->width = 1;
		return;
	} else if (!utf8_terminal || is_format((unsigned long)c) ||
		   (w = wcwidth((wchar_t)c)) < 0) {
		snprintf(u->esc, sizeof u->esc, "<U+%04lX>",
			 (unsigned long)c & 0x1FFFFF);
	} else {
		u->escaped = false;
		u->wc = (wchar_t)c;
		u->width = w;
		return;
	}
	u->width = (int)strlen(u->esc);
}

int
text_width(const char *s)
{
	size_t len = strlen(s);
	struct text_unit u;
	int w = 0;

	while (len > 0) {
		text_next(s, len, &u);
		w += u.width;
		s += u.len;
		len -= u.len;
	}
	return w;
}

size_t
text_fit(const char *s, int width, int *used)
{
	size_t len = strlen(s), at = 0;
	struct text_unit u;
	int w = 0;

	while (at < len) {
		text_next(s + at, len - at, &u);
		if (w + u.width > width)
			break;
		w += u.width;
		at += u.len;
	}
	if (used)
		*used = w;
	return at;
}

size_t
text_next_len(const char *s, size_t at)
{
	size_t len = strlen(s + at);
	struct text_unit u;

	if (len == 0)
		return 0;
	text_next(s + at, len, &u);
	return u.len;
}

size_t
text_prev_len(const char *s, size_t at)
{
	size_t start = at;

	if (at == 0)
		return 0;
	/* Back over continuation bytes to a lead byte, at most 3. */
	while (start > 0 && at - start < 4) {
		start--;
		if (((unsigned char)s[start] & 0xC0) != 0x80)
			break;
	}
	/* Take it only if it decodes to exactly the bytes up to AT. */
	if (text_next_len(s, start) == at - start)
		return at - start;
	return 1;
}

size_t
text_encode(wchar_t wc, char *buf)
{
	unsigned long c = (unsigned long)wc;

	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xC0 | c >> 6);
		buf[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c >= 0xD800 && c <= 0xDFFF)
		return 0;
	if (c < 0x10000) {
		buf[0] = (char)(0xE0 | c >> 12);
		buf[1] = (char)(0x80 | (c >> 6 & 0x3F));
		buf[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	if (c <= 0x10FFFF) {
		buf[0] = (char)(0xF0 | c >> 18);
		buf[1] = (char)(0x80 | (c >> 12 & 0x3F));
		buf[2] = (char)(0x80 | (c >> 6 & 0x3F));
		buf[3] = (char)(0x80 | (c & 0x3F));
		return 4;
	}
	return 0;
}
