/*
 * text.h -- text as the terminal will show it: UTF-8 decoded by hand (the
 * data may hold anything), each character measured with wcwidth(), and
 * everything that must never reach the terminal raw -- control
 * characters, C1 codes, bidirectional overrides and other invisible
 * format characters, bytes that are not UTF-8 -- turned into a visible
 * escape such as ^[ or <U+202E>.
 *
 * No curses here, so that the rules can be tested without a terminal.
 */
#ifndef MAPPA_TEXT_H
#define MAPPA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* One unit of display: a printable character, or an escape. */
struct text_unit {
	size_t len;     /* bytes of the source it stands for */
	int width;      /* columns it takes */
	bool escaped;   /* ESC holds the escape to show instead */
	wchar_t wc;     /* the character, when not escaped */
	char esc[16];   /* e.g. "^[", "\x9B", "<U+202E>" */
};

/*
 * Whether the terminal takes UTF-8 (set once by the front end from the
 * locale).  When false, every character beyond ASCII is shown escaped.
 */
void text_set_utf8(bool utf8);
bool text_utf8(void);

/* Decode the unit at S (LEN bytes remain, LEN > 0) into U. */
void text_next(const char *s, size_t len, struct text_unit *u);

/* The columns S takes on the screen. */
int text_width(const char *s);

/*
 * How many bytes of S fit in WIDTH columns without splitting a unit;
 * *USED (if not NULL) gets the columns they take.
 */
size_t text_fit(const char *s, int width, int *used);

/* The number of bytes of the character that ends before byte AT of S
 * (0 at the start), and of the one that starts at AT (0 at the end). */
size_t text_prev_len(const char *s, size_t at);
size_t text_next_len(const char *s, size_t at);

/* Encode WC as UTF-8 into BUF (at least 4 bytes); the number of bytes,
 * or 0 when WC is not a character. */
size_t text_encode(wchar_t wc, char *buf);

/* Whether WC may be typed into a field (printable, not a control or an
 * invisible format character). */
bool text_typable(wchar_t wc);

#endif
