/*
 * chars.c -- the classification of characters (chars.h).
 *
 * The decoder is our own rather than mbrtowc(), so that a malformed byte
 * is one escape and the rest of the string still reads, whatever the
 * locale.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/chars.h"

bool
chars_is_format(uint32_t c)
{
	return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || c == 0x00AD ||
	       c == 0x061C || (c >= 0xFFF9 && c <= 0xFFFB) ||
	       (c >= 0xE0000 && c <= 0xE007F);
}

size_t
chars_next(const char *str, size_t len, uint32_t *cp, enum chars_kind *kind)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t need;

	*cp = s[0];
	*kind = CHARS_BAD;
	if (s[0] < 0x80) {
		*kind = s[0] < 0x20 || s[0] == 0x7F ? CHARS_CONTROL
						    : CHARS_PRINT;
		return 1;
	}
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
		return 1;
	}
	if (len < need)
		return 1;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 1;
		c = c << 6 | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates, beyond Unicode. */
	if ((need == 3 && c < 0x800) || (need == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 1;
	*cp = c;
	*kind = c < 0xA0 ? CHARS_CONTROL
		: chars_is_format(c) ? CHARS_FORMAT : CHARS_PRINT;
	return need;
}

void
chars_escape(uint32_t cp, enum chars_kind kind, char esc[16])
{
	if (kind == CHARS_BAD || (cp >= 0x80 && cp < 0xA0))
		snprintf(esc, 16, "\\x%02X", (unsigned)cp & 0xFF);
	else if (cp < 0x20 || cp == 0x7F)
		snprintf(esc, 16, "^%c", cp == 0x7F ? '?' : (char)(cp + '@'));
	else
		snprintf(esc, 16, "<U+%04lX>", (unsigned long)cp & 0x1FFFFF);
}

const char *
chars_refused(const char *s, bool free_text, uint32_t *cp)
{
	size_t len = s ? strlen(s) : 0, at = 0;

	while (at < len) {
		enum chars_kind k;
		uint32_t c;
		size_t n = chars_next(s + at, len - at, &c, &k);

		if (k != CHARS_PRINT &&
		    !(free_text && (c == '\t' || c == '\n' || c == '\r') &&
		      k == CHARS_CONTROL)) {
			if (cp)
				*cp = c;
			return s + at;
		}
		at += n;
	}
	return NULL;
}

void
chars_show(struct strbuf *sb, const char *s, size_t len, bool lines)
{
	size_t at = 0, run = 0;

	while (at < len) {
		enum chars_kind k;
		uint32_t c;
		size_t n = chars_next(s + at, len - at, &c, &k);
		char esc[16];

		if (k == CHARS_PRINT ||
		    (lines && (c == '\n' || c == '\t') && k == CHARS_CONTROL)) {
			at += n;
			continue;
		}
		sb_addn(sb, s + run, at - run);
		chars_escape(c, k, esc);
		sb_add(sb, esc);
		at += n;
		run = at;
	}
	sb_addn(sb, s + run, at - run);
}

void
chars_name(uint32_t cp, enum chars_kind kind, char buf[32])
{
	static const char *const c0[] = {
		"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",
		"tab", "line feed", "VT", "FF", "carriage return", "SO", "SI",
		"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN",
		"EM", "SUB", "ESC", "FS", "GS", "RS", "US",
	};

	if (kind == CHARS_BAD)
		snprintf(buf, 32, "byte 0x%02X (not UTF-8)", (unsigned)cp);
	else if (cp < 0x20)
		snprintf(buf, 32, "U+%04X (%s)", (unsigned)cp, c0[cp]);
	else if (cp == 0x9B)
		snprintf(buf, 32, "U+009B (CSI)");
	else
		snprintf(buf, 32, "U+%04lX", (unsigned long)cp);
}
