/*
 * csv.h -- CSV as interchange.md takes it: RFC 4180, UTF-8, read as a
 * stream and written back.
 *
 * The reader hands over one record at a time, each field with flags that
 * say what it held (quoting, control characters, line breaks, bytes that
 * are not UTF-8), so that the caller, who knows the columns, decides what
 * is an error and names the column.  It keeps going after a quoting fault
 * the way a lenient reader would, so one stray quote costs one error and
 * not the rest of the file.  Only a failure to read, a record too long to
 * be real, or running out of memory stops it.
 *
 * The writer quotes a field only when it must (a comma, a quote, a line
 * break, or a leading or trailing blank) and ends lines with LF.  It is
 * the one CSV writer of mappa, and it neutralises cells a spreadsheet
 * would run as a formula (csv_formula_risk()); the interchange reader
 * takes them back (csv_formula_undo()), so that a round trip is exact.
 */
#ifndef MAPPA_CSV_H
#define MAPPA_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The longest record the reader accepts (bytes of field text). */
#define CSV_MAX_RECORD ((size_t)16 << 20)

/* What a field held. */
enum {
	CSV_QUOTED = 1 << 0,       /* the field was quoted */
	CSV_STRAY_QUOTE = 1 << 1,  /* a quote inside an unquoted field */
	CSV_AFTER_QUOTE = 1 << 2,  /* text after a closing quote */
	CSV_UNCLOSED = 1 << 3,     /* a quote still open at the end of input */
	CSV_CONTROL = 1 << 4,      /* a control character but tab, CR, LF,
				      or an invisible format character
				      (chars.h) */
	CSV_BREAK = 1 << 5,        /* a tab, CR or LF */
	CSV_BAD_UTF8 = 1 << 6      /* bytes that are not UTF-8 */
};
#define CSV_BAD_QUOTING (CSV_STRAY_QUOTE | CSV_AFTER_QUOTE | CSV_UNCLOSED)

struct csv_field {
	const char *s;  /* the value, NUL-terminated (a NUL inside is
			   CSV_CONTROL) */
	size_t len;
	unsigned flags;
	uint32_t ctrl;  /* with CSV_CONTROL, the first such character's
			   code point (C0, DEL, C1 or a format character) */
};

struct csv_record {
	unsigned long line; /* the line the record starts on, from 1 */
	size_t n;           /* fields, at least 1 */
	const struct csv_field *f;
	unsigned flags;     /* the union of the fields' flags */
};

/*
 * Where the bytes come from: fill BUF with up to N bytes; return how many
 * (0 at the end of input), or -1 on failure with errno set.
 */
typedef long (*csv_read_fn)(void *ctx, char *buf, size_t n);

struct csv_reader;

/* A reader over FN; NULL when out of memory. */
struct csv_reader *csv_reader_new(csv_read_fn fn, void *ctx);

/* A reader over the open file descriptor FD (not closed by the reader). */
struct csv_reader *csv_reader_fd(int fd);

/* A reader over DATA[0..LEN), which must outlive it. */
struct csv_reader *csv_reader_mem(const char *data, size_t len);

void csv_reader_free(struct csv_reader *r);

/*
 * Read the next record into *REC; it stays valid until the next call.
 * A byte-order mark at the start is dropped; LF and CRLF end lines;
 * blank lines are skipped.  Returns 1 for a record, 0 at the end, or -1
 * when reading failed (csv_reader_error() says why).
 */
int csv_read(struct csv_reader *r, struct csv_record *rec);

/* Why csv_read() returned -1, and the line it happened on. */
const char *csv_reader_error(const struct csv_reader *r);
unsigned long csv_reader_error_line(const struct csv_reader *r);

/* Bytes consumed so far, for progress. */
uint64_t csv_reader_offset(const struct csv_reader *r);

/*
 * Check S[0..LEN) as UTF-8 and for control characters: returns the
 * CSV_CONTROL, CSV_BREAK and CSV_BAD_UTF8 flags it earns, and the first
 * control character (not tab, CR or LF) in *CTRL.
 */
unsigned csv_scan(const char *s, size_t len, uint32_t *ctrl);

/* Whether a field S[0..LEN) must be quoted when written. */
int csv_needs_quotes(const char *s, size_t len);

/*
 * Whether a cell S[0..LEN) would run as a formula in a spreadsheet, so
 * that the writer puts an apostrophe before it: it begins with = + - @,
 * a tab or a carriage return, after any number of apostrophes (so that
 * a value that already begins with apostrophes comes back exactly).  A
 * plain number (-2, +3.5) is left alone: a spreadsheet reads it as a
 * number, and a negative figure stays one; dates (YYYY-MM-DD) never
 * begin with a sign.
 */
bool csv_formula_risk(const char *s, size_t len);

/*
 * How many bytes to drop from the start of a cell S[0..LEN) read back:
 * 1 when it is a neutralised cell (apostrophes, then a character of
 * csv_formula_risk()), else 0.
 */
size_t csv_formula_undo(const char *s, size_t len);

/*
 * Write S[0..LEN) as one field to OUT, quoted when it must be, with an
 * apostrophe before it when csv_formula_risk() says so.  Returns
 * 0, or -1 on a write error.
 */
int csv_write_field(FILE *out, const char *s, size_t len);

/*
 * Write one record: FIELDS[0..N) (NULL is an empty field), separated by
 * commas and ended by LF.  Returns 0, or -1 on a write error.
 */
int csv_write_record(FILE *out, const char *const *fields, size_t n);

#endif
