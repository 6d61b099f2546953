/*
 * test_chars.c -- the one classification of characters (core/chars.c):
 * what input refuses, how output escapes it, and that the screens'
 * escapes (ui/text.c) are the same.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/chars.h"
#include "core/util.h"
#include "ui/text.h"

/* The corpus of issue 13, each with its escape. */
static const struct {
	const char *s, *shown;
	uint32_t cp;
	bool free_ok; /* allowed in free text */
} corpus[] = {
	{ "a\033]0;x\007b", "a^[]0;x^Gb", 0x1B, false },
	{ "a\rb", "a^Mb", 0x0D, true },
	{ "a\nb", "a^Jb", 0x0A, true },
	{ "a\tb", "a^Ib", 0x09, true },
	{ "a\302\233b", "a\\x9Bb", 0x9B, false },
	{ "a\302\205b", "a\\x85b", 0x85, false },
	{ "a\233b", "a\\x9Bb", 0x9B, false },
	{ "a\342\200\256b", "a<U+202E>b", 0x202E, false },
	{ "a\342\201\246b", "a<U+2066>b", 0x2066, false },
	{ "a\342\200\213b", "a<U+200B>b", 0x200B, false },
	{ "a\177b", "a^?b", 0x7F, false },
	{ "a\300\200b", "a\\xC0\\x80b", 0xC0, false },
};

static void
refused__corpus__named_character(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
		uint32_t cp = 0;
		const char *at = chars_refused(corpus[i].s, false, &cp);

		assert_non_null(at);
		assert_ptr_equal(at, corpus[i].s + 1);
		assert_int_equal(cp, corpus[i].cp);
		assert_true((chars_refused(corpus[i].s, true, NULL) == NULL) ==
			    corpus[i].free_ok);
		assert_true(str_has_control(corpus[i].s, false));
	}
	assert_null(chars_refused("Łukasz Żółć 山田 O'Brien", false, NULL));
	assert_null(chars_refused(NULL, false, NULL));
}

static void
show__corpus__escaped_the_screens_way(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
		struct strbuf sb;
		const char *s = corpus[i].s;
		size_t len = strlen(s), at = 0;
		char screen[64] = "";

		sb_init(&sb);
		chars_show(&sb, s, len, false);
		assert_string_equal(sb_str(&sb), corpus[i].shown);
		sb_free(&sb);
		/* The screen escapes each unit the same way. */
		while (at < len) {
			struct text_unit u;
			char ch[8] = "";

			text_next(s + at, len - at, &u);
			if (u.escaped) {
				strcat(screen, u.esc);
			} else {
				memcpy(ch, s + at, u.len);
				strcat(screen, ch);
			}
			at += u.len;
		}
		assert_string_equal(screen, corpus[i].shown);
	}
}

static void
show__lines__keeps_line_feed_and_tab_only(void **state)
{
	struct strbuf sb;
	const char *s = "one\ntwo\tthree\r\n";

	(void)state;
	sb_init(&sb);
	chars_show(&sb, s, strlen(s), true);
	assert_string_equal(sb_str(&sb), "one\ntwo\tthree^M\n");
	sb_free(&sb);
}

static void
name__says_which(void **state)
{
	char buf[32];

	(void)state;
	chars_name(0x1B, CHARS_CONTROL, buf);
	assert_string_equal(buf, "U+001B (ESC)");
	chars_name(0x9B, CHARS_CONTROL, buf);
	assert_string_equal(buf, "U+009B (CSI)");
	chars_name(0x9B, CHARS_BAD, buf);
	assert_string_equal(buf, "byte 0x9B (not UTF-8)");
	chars_name(0x202E, CHARS_FORMAT, buf);
	assert_string_equal(buf, "U+202E");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refused__corpus__named_character),
		cmocka_unit_test(show__corpus__escaped_the_screens_way),
		cmocka_unit_test(show__lines__keeps_line_feed_and_tab_only),
		cmocka_unit_test(name__says_which),
	};

	text_set_utf8(true);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
