/*
 * test_escape.c -- text as literal text in Markdown and HTML
 * (core/escape.c): what a viewer would read as markup is escaped,
 * ordinary text is not touched.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/escape.h"

/* S escaped for WHERE, compared with WANT. */
static void
md_is(const char *s, enum escape_md_place where, const char *want)
{
	struct strbuf sb;

	sb_init(&sb);
	escape_markdown(&sb, s, where);
	assert_false(sb.failed);
	assert_string_equal(sb_str(&sb), want);
	sb_free(&sb);
}

static void
markdown__ordinary_text__unchanged(void **state)
{
	static const char *const plain[] = {
		"", "Smith, John", "O'Neill-Brown", "Raise to Level 3 (from 2).",
		"Visit weekly; report back by 2031-01-31, then review.",
		"level_change", "j_smith@example.org", "Pérez, José Ñ",
		"Two lines\nof minutes", "50% of visits? Yes!",
	};

	(void)state;
	for (size_t i = 0; i < NELEM(plain); i++) {
		md_is(plain[i], ESCAPE_MD_LINES, plain[i]);
		if (strchr(plain[i], '\n') == NULL)
			md_is(plain[i], ESCAPE_MD_LINE, plain[i]);
	}
	md_is(NULL, ESCAPE_MD_LINES, "");
}

static void
markdown__html__character_references(void **state)
{
	(void)state;
	md_is("<script>alert(1)</script>", ESCAPE_MD_LINE,
	      "&lt;script&gt;alert(1)&lt;/script&gt;");
	md_is("<img src=x onerror=alert(1)>", ESCAPE_MD_LINES,
	      "&lt;img src=x onerror=alert(1)&gt;");
	md_is("Police & Probation", ESCAPE_MD_LINE, "Police &amp; Probation");
	/* An entity typed stays as typed, not the character it names. */
	md_is("&lt;b&gt;", ESCAPE_MD_LINE, "&amp;lt;b&amp;gt;");
	md_is("<https://evil.example>", ESCAPE_MD_LINE,
	      "&lt;https://evil.example&gt;");
}

static void
markdown__specials__backslashed(void **state)
{
	(void)state;
	md_is("[link](javascript:alert(1))", ESCAPE_MD_LINE,
	      "\\[link\\](javascript:alert(1))");
	md_is("![x](http://x/y.png)", ESCAPE_MD_LINE,
	      "!\\[x\\](http://x/y.png)");
	md_is("*bold* `code` ~~gone~~ a\\b", ESCAPE_MD_LINE,
	      "\\*bold\\* \\`code\\` \\~\\~gone\\~\\~ a\\\\b");
	md_is("_emph_ and __strong__", ESCAPE_MD_LINE,
	      "\\_emph\\_ and \\_\\_strong\\_\\_");
	md_is("# Heading", ESCAPE_MD_LINES, "\\# Heading");
	md_is("Flat #3", ESCAPE_MD_LINE, "Flat \\#3");
}

static void
markdown__cell__pipes_and_line_breaks(void **state)
{
	(void)state;
	md_is("a | b", ESCAPE_MD_LINE, "a \\| b");
	md_is("one\ntwo\r\nthree", ESCAPE_MD_LINE, "one two  three");
	/* The start of a cell starts no block: no guard there. */
	md_is("- 1. x", ESCAPE_MD_LINE, "- 1. x");
}

static void
markdown__lines__each_start_guarded(void **state)
{
	(void)state;
	md_is("- item\n+ item\n* item\n> quote\n  1. first\n2) second",
	      ESCAPE_MD_LINES,
	      "\\- item\n\\+ item\n\\* item\n&gt; quote\n  1\\. first\n"
	      "2\\) second");
	md_is("Title\n===\n\n---", ESCAPE_MD_LINES,
	      "Title\n\\===\n\n\\---");
	/* Not at a line's start: as typed. */
	md_is("a - b + c = d, 1. e", ESCAPE_MD_LINES, "a - b + c = d, 1. e");
	md_is("2031-01-31", ESCAPE_MD_LINES, "2031-01-31");
}

static void
html__references_and_no_controls(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb);
	escape_html(&sb, "Fens \"<b>\" & Co\033[2J\x7f, Pérez");
	escape_html(&sb, NULL);
	assert_string_equal(sb_str(&sb), "Fens &quot;&lt;b&gt;&quot; &amp; "
			    "Co[2J, Pérez");
	sb_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(markdown__ordinary_text__unchanged),
		cmocka_unit_test(markdown__html__character_references),
		cmocka_unit_test(markdown__specials__backslashed),
		cmocka_unit_test(markdown__cell__pipes_and_line_breaks),
		cmocka_unit_test(markdown__lines__each_start_guarded),
		cmocka_unit_test(html__references_and_no_controls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
