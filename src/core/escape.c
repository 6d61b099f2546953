/*
 * escape.c -- text as literal text in Markdown and HTML (escape.h): the
 * one rule of what each markup would read as its own.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "core/escape.h"

static bool
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* The character reference both markups read C as, or NULL: the one
 * list of what HTML (and Markdown, which passes HTML through) would take
 * for markup. */
static const char *
entity(char c)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	default:
		return NULL;
	}
}

/* At P, the start of a line of running text (its indent skipped): the
 * bytes before which a backslash keeps it from opening a block (a list
 * item, a setext underline or a rule), or NULL. */
static const char *
line_start_mark(const char *p)
{
	const char *q = p;

	if (*p == '-' || *p == '+' || *p == '=')
		return p;
	while (*q >= '0' && *q <= '9')
		q++;
	if (q > p && (*q == '.' || *q == ')'))
		return q;
	return NULL;
}

void
escape_html(struct strbuf *sb, const char *s)
{
	const char *e;

	for (; s && *s; s++) {
		if ((e = entity(*s)) != NULL)
			sb_add(sb, e);
		else if (*s == '"')
			sb_add(sb, "&quot;");
		else if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			sb_addn(sb, s, 1);
	}
}

void
escape_markdown(struct strbuf *sb, const char *s, enum escape_md_place where)
{
	const char *mark = NULL;
	bool line_start = where == ESCAPE_MD_LINES;

	for (const char *p = s; p && *p; p++) {
		if (line_start && *p != ' ' && *p != '\t') {
			mark = line_start_mark(p);
			line_start = false;
		}
		if (p == mark) {
			sb_add(sb, "\\");
			mark = NULL;
		}
		if (entity(*p) != NULL) {
			sb_add(sb, entity(*p));
			continue;
		}
		switch (*p) {
		case '\\': case '`': case '*': case '[': case ']': case '|':
		case '#': case '~':
			sb_addn(sb, "\\", 1);
			sb_addn(sb, p, 1);
			break;
		case '_':
			if (p == s || !is_alnum(p[-1]) || !is_alnum(p[1]))
				sb_add(sb, "\\");
			sb_add(sb, "_");
			break;
		case '\n':
		case '\r':
			if (where == ESCAPE_MD_LINE) {
				sb_add(sb, " ");
				break;
			}
			sb_addn(sb, p, 1);
			if (*p == '\n')
				line_start = true;
			break;
		default:
			sb_addn(sb, p, 1);
		}
	}
}
