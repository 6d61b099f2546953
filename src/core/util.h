/*
 * util.h -- small helpers shared by every layer.
 */
#ifndef MAPPA_UTIL_H
#define MAPPA_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Copy SRC into DST of size N, always terminated; returns strlen(SRC). */
size_t str_copy(char *dst, const char *src, size_t n);

/* Whether S (NULL is fine) holds a character that may not be stored
 * (chars_refused(): C0, DEL, C1, an invisible format character such as
 * U+202E, or bytes that are not UTF-8); tab and line breaks are allowed
 * when FREE_TEXT (notes, reasons, minutes). */
bool str_has_control(const char *s, bool free_text);

/*
 * The 64-bit FNV-1a hash of S, from the offset basis XOR SALT (0: the
 * standard hash): the one hash of a string, for the import's table of
 * references and the seeds of the demo's streams (which its figures
 * depend on: never change it).
 */
uint64_t str_hash(const char *s, uint64_t salt);

/* Format into DST of size N, always terminated (truncating quietly). */
void str_printf(char *dst, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Append the SIZE bytes at ELEM to the array *V of *N elements, *CAP of
 * them allocated, doubling it (from 16) when full: the one growth loop
 * behind the lists the data layer hands over a row at a time.  V is the
 * address of the array's pointer (&x->rows).  Returns 0, or -1 out of
 * memory with the array as it was.
 */
int array_push(void *v, int *n, int *cap, const void *elem, size_t size);

/*
 * Make room in the array *V (V the address of its pointer), *CAP elements
 * of SIZE bytes allocated, for NEED elements, doubling from 16: the one
 * growth rule, behind array_push() and every buffer that grows.  Returns
 * 0, or -1 out of memory with the array as it was.
 */
int array_reserve(void *v, size_t *cap, size_t need, size_t size);

/* A growable string. */
struct strbuf {
	char *s;
	size_t len, cap;
	int failed; /* an allocation failed: the contents are incomplete */
};

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The contents, never NULL ("" when empty or failed). */
const char *sb_str(const struct strbuf *sb);

#endif
