/*
 * test_csv.c -- the CSV reader and writer (core/csv.c): RFC 4180 as real
 * spreadsheets write it, the faults the reader reports, and the writer's
 * round trip.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/csv.h"

/* Read all of TEXT; the records as "line:f1|f2|...;" into OUT. */
static int
read_all(struct csv_reader *r, char *out, size_t n)
{
	struct csv_record rec;
	size_t o = 0;
	int rc;

	out[0] = '\0';
	while ((rc = csv_read(r, &rec)) == 1) {
		o += (size_t)snprintf(out + o, n - o, "%lu:", rec.line);
		for (size_t i = 0; i < rec.n; i++)
			o += (size_t)snprintf(out + o, n - o, "%s%s",
					      i ? "|" : "", rec.f[i].s);
		o += (size_t)snprintf(out + o, n - o, ";");
	}
	return rc;
}

static void
expect_records(const char *text, size_t len, const char *want)
{
	struct csv_reader *r = csv_reader_mem(text, len);
	char got[4096];

	assert_non_null(r);
	assert_int_equal(read_all(r, got, sizeof got), 0);
	assert_string_equal(got, want);
	csv_reader_free(r);
}

#define EXPECT(text, want) expect_records(text, sizeof(text) - 1, want)

/* The first record of TEXT, for its flags. */
static unsigned
first_flags(const char *text, size_t field, uint32_t *ctrl)
{
	struct csv_reader *r = csv_reader_mem(text, strlen(text));
	struct csv_record rec;
	unsigned fl;

	assert_int_equal(csv_read(r, &rec), 1);
	assert_true(field < rec.n);
	fl = rec.f[field].flags;
	if (ctrl)
		*ctrl = rec.f[field].ctrl;
	csv_reader_free(r);
	return fl;
}

static void
read__plain_lines(void **state)
{
	(void)state;
	EXPECT("a,b,c\n1,2,3\n", "1:a|b|c;2:1|2|3;");
	EXPECT("a,b\n1,2", "1:a|b;2:1|2;");
	EXPECT("a,,c,\n", "1:a||c|;");
	EXPECT("", "");
}

static void
read__bom_dropped(void **state)
{
	(void)state;
	EXPECT("\xEF\xBB\xBFref,x\nA,1\n", "1:ref|x;2:A|1;");
	/* Only at the very start. */
	EXPECT("a\n\xEF\xBB\xBF" "b\n", "1:a;2:\xEF\xBB\xBF" "b;");
}

static void
read__crlf_line_ends(void **state)
{
	(void)state;
	EXPECT("a,b\r\n1,2\r\n", "1:a|b;2:1|2;");
	EXPECT("a,\"b\"\r\n1,\"2\"\r\n", "1:a|b;2:1|2;");
	/* A CR just before the end counts as a line end too. */
	EXPECT("a,b\r", "1:a|b;");
}

static void
read__quoted_commas_quotes_breaks(void **state)
{
	(void)state;
	EXPECT("\"a,b\",\"say \"\"hi\"\"\"\n", "1:a,b|say \"hi\";");
	EXPECT("x,\"one\ntwo\"\ny,z\n", "1:x|one\ntwo;3:y|z;");
	/* CRLF inside quotes is kept as written. */
	EXPECT("x,\"one\r\ntwo\"\r\ny,z\r\n", "1:x|one\r\ntwo;3:y|z;");
	EXPECT("\"\",\"\"\n", "1:|;");
	/* Blanks before an opening quote, after a closing one. */
	EXPECT("a,  \"b,c\"  ,d\n", "1:a|b,c|d;");
}

static void
read__blank_lines_skipped_line_numbers_kept(void **state)
{
	(void)state;
	EXPECT("a\n\n\nb\n\r\nc\n", "1:a;4:b;6:c;");
	EXPECT("\n\na,\"x\n\ny\"\n\nb\n", "3:a|x\n\ny;7:b;");
}

static void
read__ragged_lines_kept_as_read(void **state)
{
	(void)state;
	EXPECT("a,b,c\n1,2\n1,2,3,4\n", "1:a|b|c;2:1|2;3:1|2|3|4;");
}

static void
read__broken_quoting_flagged(void **state)
{
	(void)state;
	assert_true(first_flags("ab\"c,d\n", 0, NULL) & CSV_STRAY_QUOTE);
	assert_true(first_flags("\"ab\"c,d\n", 0, NULL) & CSV_AFTER_QUOTE);
	assert_true(first_flags("x,\"abc\n", 1, NULL) & CSV_UNCLOSED);
	assert_false(first_flags("\"a\"\"b\",d\n", 0, NULL) & CSV_BAD_QUOTING);
	/* The reader goes on after a stray quote. */
	EXPECT("a\"b,c\nd,e\n", "1:a\"b|c;2:d|e;");
}

static void
read__control_characters_flagged(void **state)
{
	uint32_t c = 0;

	(void)state;
	assert_true(first_flags("a\x07" "b,c\n", 0, &c) & CSV_CONTROL);
	assert_int_equal(c, 7);
	assert_true(first_flags("\"a\tb\",c\n", 0, NULL) & CSV_BREAK);
	assert_false(first_flags("\"a\tb\",c\n", 0, NULL) & CSV_CONTROL);
	assert_true(first_flags("\"a\nb\",c\n", 0, NULL) & CSV_BREAK);
	/* A lone CR in an unquoted field is data: a line break. */
	assert_true(first_flags("a\rb,c\n", 0, NULL) & CSV_BREAK);
	assert_true(first_flags("a\x7f,c\n", 0, &c) & CSV_CONTROL);
	assert_int_equal(c, 0x7f);
	/* C1 controls are control characters too (U+0085). */
	assert_true(first_flags("a\xC2\x85,c\n", 0, &c) & CSV_CONTROL);
	assert_int_equal(c, 0x85);
}

static void
read__nul_byte_is_a_control_character(void **state)
{
	static const char text[] = "a\0b,c\n";
	struct csv_reader *r = csv_reader_mem(text, sizeof text - 1);
	struct csv_record rec;

	(void)state;
	assert_int_equal(csv_read(r, &rec), 1);
	assert_int_equal(rec.f[0].len, 3);
	assert_true(rec.f[0].flags & CSV_CONTROL);
	assert_int_equal(rec.f[0].ctrl, 0);
	csv_reader_free(r);
}

static void
read__utf8_checked(void **state)
{
	(void)state;
	/* Names as spreadsheets write them. */
	assert_int_equal(first_flags("Ø'Súilleabháin,José,Łukasz,"
				     "山田,👍\n", 0, NULL), 0);
	assert_int_equal(first_flags("山田,x\n", 0, NULL), 0);
	assert_true(first_flags("M\xFCller,x\n", 0, NULL) & CSV_BAD_UTF8);
	assert_true(first_flags("\xC0\x80,x\n", 0, NULL) & CSV_BAD_UTF8);
	assert_true(first_flags("\xED\xA0\x80,x\n", 0, NULL) & CSV_BAD_UTF8);
	assert_true(first_flags("\xF4\x90\x80\x80,x\n", 0, NULL) &
		    CSV_BAD_UTF8);
	assert_true(first_flags("ab\xE2\x82,x\n", 0, NULL) & CSV_BAD_UTF8);
}

/* A read function that hands over one byte at a time. */
struct trickle {
	const char *s;
	size_t len, pos;
};

static long
trickle_read(void *ctx, char *buf, size_t n)
{
	struct trickle *t = ctx;

	if (t->pos == t->len || n == 0)
		return 0;
	buf[0] = t->s[t->pos++];
	return 1;
}

static void
read__byte_at_a_time_same_as_whole(void **state)
{
	static const char text[] =
		"\xEF\xBB\xBFref,\"a,b\"\r\n\r\nx,\"one\r\ntwo \"\"q\"\"\"\r\n"
		"y,  \"z\"  \r\nlast,\"\"";
	struct trickle t = { text, sizeof text - 1, 0 };
	struct csv_reader *r = csv_reader_new(trickle_read, &t);
	char a[1024], b[1024];

	(void)state;
	assert_int_equal(read_all(r, a, sizeof a), 0);
	csv_reader_free(r);
	r = csv_reader_mem(text, sizeof text - 1);
	assert_int_equal(read_all(r, b, sizeof b), 0);
	csv_reader_free(r);
	assert_string_equal(a, b);
	assert_string_equal(a, "1:ref|a,b;3:x|one\r\ntwo \"q\";5:y|z;"
			       "6:last|;");
}

static void
read__file_descriptor(void **state)
{
	char path[] = "/tmp/mappa-csv-XXXXXX", got[256];
	int fd = mkstemp(path);
	struct csv_reader *r;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "a,b\n1,2\n", 8), 8);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	r = csv_reader_fd(fd);
	assert_int_equal(read_all(r, got, sizeof got), 0);
	assert_string_equal(got, "1:a|b;2:1|2;");
	assert_true(csv_reader_offset(r) == 8);
	csv_reader_free(r);
	close(fd);
	unlink(path);
}

static void
read__unclosed_quote_too_long_fails(void **state)
{
	size_t n = CSV_MAX_RECORD + 1024;
	char *text = malloc(n);
	struct csv_reader *r;
	struct csv_record rec;

	(void)state;
	assert_non_null(text);
	memcpy(text, "a,b\nx,\"", 7);
	memset(text + 7, 'y', n - 7);
	r = csv_reader_mem(text, n);
	assert_int_equal(csv_read(r, &rec), 1);
	assert_int_equal(csv_read(r, &rec), -1);
	assert_int_equal(csv_reader_error_line(r), 2);
	assert_non_null(strstr(csv_reader_error(r), "longer than"));
	csv_reader_free(r);
	free(text);
}

static void
write__quotes_only_when_needed(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *rec[] = { "plain", "a,b", "say \"hi\"", "two\nlines",
			      " lead", "trail ", NULL, "", "café" };

	(void)state;
	assert_int_equal(csv_write_record(f, rec, 9), 0);
	assert_int_equal(csv_write_record(f, rec + 6, 1), 0);
	fclose(f);
	assert_string_equal(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\n"
				 "lines\",\" lead\",\"trail \",,,café\n\"\"\n");
	free(buf);
}

static void
write__reads_back_the_same(void **state)
{
	const char *rec[] = { "x\r\ny", "\"", ",", "", "\t", "  ", "a\"\"b" };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct csv_reader *r;
	struct csv_record got;

	(void)state;
	assert_int_equal(csv_write_record(f, rec, 7), 0);
	fclose(f);
	r = csv_reader_mem(buf, len);
	assert_int_equal(csv_read(r, &got), 1);
	assert_int_equal(got.n, 7);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(got.f[i].s + csv_formula_undo(got.f[i].s,
					got.f[i].len), rec[i]);
	assert_int_equal(csv_read(r, &got), 0);
	csv_reader_free(r);
	free(buf);
}

/* What a spreadsheet would run, what it would not. */
static const char *const formula_corpus[] = {
	"=HYPERLINK(\"http://x.invalid\",\"click\")", "+cmd|' /C calc'!A0",
	"@SUM(A1:A9)", "-2+3", "=1+1", "\tlead tab", "\r=1", "-", "+",
	"'=already", "''+two", "'plain", "it's", "a=b", "-2", "+3.5", "-0.25",
	"2010-11-05", "", "O'Brien", "'", "''", "--1", "-.5", "1-2",
};

static void
write__formulas_neutralised(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *rec[] = { "=1+1", "+cmd", "@SUM(A1)", "-2+3", "\tx",
			      "-2", "+3.5", "2010-11-05", "'=x", "it's" };

	(void)state;
	assert_int_equal(csv_write_record(f, rec, 10), 0);
	fclose(f);
	assert_string_equal(buf, "\"'=1+1\",\"'+cmd\",\"'@SUM(A1)\","
				 "\"'-2+3\",\"'\tx\",-2,+3.5,2010-11-05,"
				 "\"''=x\",it's\n");
	free(buf);
}

static void
write__formula_corpus_round_trip(void **state)
{
	size_t n = sizeof formula_corpus / sizeof formula_corpus[0];
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct csv_reader *r;
	struct csv_record got;

	(void)state;
	assert_int_equal(csv_write_record(f, formula_corpus, n), 0);
	fclose(f);
	r = csv_reader_mem(buf, len);
	assert_int_equal(csv_read(r, &got), 1);
	assert_int_equal(got.n, n);
	for (size_t i = 0; i < n; i++) {
		const char *s = got.f[i].s;
		size_t k = csv_formula_undo(s, got.f[i].len);
		const char *o = formula_corpus[i];

		/* A cell a spreadsheet would run is written behind an
		 * apostrophe; any other exactly as it is. */
		if (csv_formula_risk(o, strlen(o)))
			assert_true(s[0] == '\'' && strcmp(s + 1, o) == 0);
		else
			assert_string_equal(s, o);
		assert_string_equal(s + k, formula_corpus[i]);
	}
	csv_reader_free(r);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(read__plain_lines),
		cmocka_unit_test(read__bom_dropped),
		cmocka_unit_test(read__crlf_line_ends),
		cmocka_unit_test(read__quoted_commas_quotes_breaks),
		cmocka_unit_test(read__blank_lines_skipped_line_numbers_kept),
		cmocka_unit_test(read__ragged_lines_kept_as_read),
		cmocka_unit_test(read__broken_quoting_flagged),
		cmocka_unit_test(read__control_characters_flagged),
		cmocka_unit_test(read__nul_byte_is_a_control_character),
		cmocka_unit_test(read__utf8_checked),
		cmocka_unit_test(read__byte_at_a_time_same_as_whole),
		cmocka_unit_test(read__file_descriptor),
		cmocka_unit_test(read__unclosed_quote_too_long_fails),
		cmocka_unit_test(write__quotes_only_when_needed),
		cmocka_unit_test(write__reads_back_the_same),
		cmocka_unit_test(write__formulas_neutralised),
		cmocka_unit_test(write__formula_corpus_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
