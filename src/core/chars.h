/*
 * chars.h -- which characters may reach a terminal, or be stored.
 *
 * The one classification of text as mappa takes it in and shows it: a
 * character is printable, a control (C0, DEL, C1 -- ESC, CR, a line feed
 * in a one-line field, U+009B the CSI), an invisible format character
 * that can reorder or hide what follows it on the line (the bidirectional
 * overrides and isolates such as U+202E, zero-width characters, the soft
 * hyphen, tag characters), or a byte that is not UTF-8 (a bare 0x9B is a
 * CSI to many terminals).  Input refuses all but the printable (tab and
 * line breaks allowed in free text: notes, reasons, minutes); output
 * shows the others as visible escapes (^[, \x9B, <U+202E>).  The screens
 * (ui/text.c) and every text the command line prints use it.
 */
#ifndef MAPPA_CHARS_H
#define MAPPA_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/util.h"

enum chars_kind {
	CHARS_PRINT,   /* printable (as far as UTF-8 goes: the screens also
			  ask wcwidth()) */
	CHARS_CONTROL, /* C0, DEL or C1 */
	CHARS_FORMAT,  /* an invisible format character */
	CHARS_BAD      /* a byte that does not start valid UTF-8 */
};

/*
 * Decode the character at S (LEN > 0 bytes remain): its code point (the
 * byte itself for CHARS_BAD) in *CP and its kind in *KIND.  Returns the
 * bytes it takes (1 for CHARS_BAD).
 */
size_t chars_next(const char *s, size_t len, uint32_t *cp,
		  enum chars_kind *kind);

/* Whether code point CP is an invisible format character. */
bool chars_is_format(uint32_t cp);

/*
 * The visible escape of a character that is not shown as itself, into
 * ESC (16 bytes): "^[" for C0 and DEL, "\x9B" for C1 and for a byte that
 * is not UTF-8, "<U+202E>" for the rest.
 */
void chars_escape(uint32_t cp, enum chars_kind kind, char esc[16]);

/*
 * The first character of S (NULL is fine) that may not be stored: a
 * control (but tab, LF and CR when FREE_TEXT), a format character, or a
 * byte that is not UTF-8.  Returns a pointer to it (its code point in
 * *CP when CP is not NULL), or NULL when S is clean.
 */
const char *chars_refused(const char *s, bool free_text, uint32_t *cp);

/*
 * Append S[0..LEN) to SB fit to print on a terminal: every character
 * that is not printable as an escape; line feeds and tabs kept only
 * when LINES (else ^J and ^I).
 */
void chars_show(struct strbuf *sb, const char *s, size_t len, bool lines);

/* A name for CP in a message: "U+001B (ESC)", "U+202E", "byte 0x9B". */
void chars_name(uint32_t cp, enum chars_kind kind, char buf[32]);

#endif
