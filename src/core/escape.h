/*
 * escape.h -- text a person typed, shown as literal text in the markups
 * mappa writes: Markdown (the papers, the statistics) and HTML (the
 * annual report, the statistics).  A name, a minute or an area's name
 * that holds "<script>", "<img onerror=...>", "[x](javascript:...)", "|",
 * a leading "#" or "*", or backticks reads in any viewer as it was typed,
 * never as markup.  The writer's own headings, emphasis and tables are
 * its markup: only the text it is given goes through here.
 */
#ifndef MAPPA_ESCAPE_H
#define MAPPA_ESCAPE_H

#include "core/util.h"

/* Where a text sits in Markdown. */
enum escape_md_place {
	ESCAPE_MD_LINES, /* running text: its line breaks kept, the start of
			    each line kept from reading as a list, a heading
			    or a rule */
	ESCAPE_MD_LINE,  /* one line (a table cell, a heading): each line
			    break (CR or LF) a space */
};

/*
 * Append S (NULL: nothing) to SB as Markdown that reads as S: "&", "<" and
 * ">" as character references (&amp; &lt; &gt;: raw HTML and autolinks
 * never form); \ ` * [ ] | # ~ with a backslash; "_" with a backslash
 * unless between two letters or digits (where it never emphasises, so a
 * code such as level_change stays as written); at the start of a line
 * (after its indent) "-", "+", "=" and the "." or ")" after a number with
 * a backslash.  Text with none of these is appended unchanged.
 */
void escape_markdown(struct strbuf *sb, const char *s,
		     enum escape_md_place where);

/*
 * Append S (NULL: nothing) to SB as HTML text or an attribute's value
 * that reads as S: &, <, > and " as character references; control
 * characters (C0 and DEL) dropped.
 */
void escape_html(struct strbuf *sb, const char *s);

#endif
