/*
 * text.c -- decoding, measuring and escaping text for the screen.
 *
 * The decoding and the classification are the core's (core/chars.h),
 * so that the screens and the command line escape alike: a malformed
 * byte is shown as \xNN and the rest of the string still reads, whatever
 * the locale; a control, a C1 code or an invisible format character
 * (which could reorder or hide what follows it on the line) is escaped,
 * and so is a character wcwidth() calls unprintable.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "core/chars.h"
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

bool
text_typable(wchar_t wc)
{
	uint32_t c = (uint32_t)wc;

	if (c < 0x20 || (c >= 0x7F && c < 0xA0) || chars_is_format(c) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return false;
	return wcwidth(wc) >= 0;
}

void
text_next(const char *s, size_t len, struct text_unit *u)
{
	enum chars_kind kind;
	uint32_t c;
	int w;

	/* The classification is the core's (chars.h), shared with every
	 * text the command line prints; the screen adds wcwidth(). */
	u->len = chars_next(s, len, &c, &kind);
	u->escaped = true;
	u->wc = 0;
	if (kind == CHARS_PRINT && c < 0x80) {
		u->escaped = false;
		u->wc = (wchar_t)c;
		u->width = 1;
		return;
	}
	if (kind == CHARS_PRINT && utf8_terminal &&
	    (w = wcwidth((wchar_t)c)) >= 0) {
		u->escaped = false;
		u->wc = (wchar_t)c;
		u->width = w;
		return;
	}
	chars_escape(c, kind, u->esc);
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
