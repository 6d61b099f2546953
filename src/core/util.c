/*
 * util.c -- bounded string copies and a growable string.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chars.h"
#include "core/util.h"

bool
str_has_control(const char *s, bool free_text)
{
	return chars_refused(s, free_text, NULL) != NULL;
}

size_t
str_copy(char *dst, const char *src, size_t n)
{
	size_t len = strlen(src);

	if (n > 0) {
		size_t k = len < n - 1 ? len : n - 1;

		memcpy(dst, src, k);
		dst[k] = '\0';
	}
	return len;
}

void
str_printf(char *dst, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dst, n, fmt, ap);
	va_end(ap);
}

void
sb_init(struct strbuf *sb)
{
	sb->s = NULL;
	sb->len = sb->cap = 0;
	sb->failed = 0;
}

void
sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb_init(sb);
}

static int
sb_grow(struct strbuf *sb, size_t more)
{
	if (sb->failed)
		return -1;
	/* A length that cannot be counted is no room either. */
	if (more > SIZE_MAX - sb->len - 1 ||
	    array_reserve(&sb->s, &sb->cap, sb->len + more + 1, 1) != 0) {
		sb->failed = 1;
		return -1;
	}
	return 0;
}

void
sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	if (sb_grow(sb, n) != 0)
		return;
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void
sb_add(struct strbuf *sb, const char *s)
{
	sb_addn(sb, s, strlen(s));
}

void
sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || sb_grow(sb, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

const char *
sb_str(const struct strbuf *sb)
{
	return sb->s && !sb->failed ? sb->s : "";
}

uint64_t
str_hash(const char *s, uint64_t salt)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325) ^ salt;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

int
array_reserve(void *v, size_t *cap, size_t need, size_t size)
{
	char *p;
	size_t nc;

	if (need <= *cap)
		return 0;
	nc = *cap > 0 ? *cap : 16;
	while (nc < need) {
		if (nc > SIZE_MAX / 2)
			return -1;
		nc *= 2;
	}
	if (nc > SIZE_MAX / size)
		return -1;
	memcpy(&p, v, sizeof p);
	if ((p = realloc(p, nc * size)) == NULL)
		return -1;
	memcpy(v, &p, sizeof p);
	*cap = nc;
	return 0;
}

int
array_push(void *v, int *n, int *cap, const void *elem, size_t size)
{
	char *p;

	if (*n >= *cap) {
		size_t c = (size_t)*cap;

		/* The count is an int: a capacity that cannot double
		 * within one is refused. */
		if (*cap > INT_MAX / 2 ||
		    array_reserve(v, &c, (size_t)*n + 1, size) != 0)
			return -1;
		*cap = (int)c;
	}
	memcpy(&p, v, sizeof p);
	memcpy(p + (size_t)*n * size, elem, size);
	(*n)++;
	return 0;
}
