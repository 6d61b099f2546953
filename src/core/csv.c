/*
 * csv.c -- an RFC 4180 reader and writer (csv.h).
 *
 * The reader is a small state machine over a block buffer.  Runs of
 * ordinary bytes are found with a class table and copied at once, so the
 * cost per byte is a table lookup; the fields of a record are gathered in
 * one growing buffer and checked (UTF-8, control characters) once the
 * record is whole.  Line numbers count every LF, quoted or not, so that a
 * record's line is the one an editor shows.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/chars.h"
#include "core/csv.h"
#include "core/util.h"

#define CSV_BLOCK ((size_t)256 << 10)

/* Byte classes: what ends a run of ordinary bytes in each state. */
enum { STOP_PLAIN = 1, STOP_QUOTED = 2 };

static unsigned char byte_class[256];

static void
init_classes(void)
{
	if (byte_class[','])
		return;
	byte_class['\n'] = STOP_PLAIN | STOP_QUOTED;
	byte_class['"'] = STOP_PLAIN | STOP_QUOTED;
	byte_class['\r'] = STOP_PLAIN;
	byte_class[','] = STOP_PLAIN;
}

/* Parser states, at a byte boundary. */
enum state {
	S_START,  /* at the start of a field */
	S_PLAIN,  /* inside an unquoted field */
	S_QUOTED, /* inside quotes */
	S_QUOTE,  /* just after a quote inside quotes: closing, or doubled */
	S_CLOSED  /* after a closing quote */
};

struct pending {
	size_t start, len;
	unsigned flags;
};

struct csv_reader {
	csv_read_fn fn;
	void *ctx;
	int fd;
	/* Input: IN[POS..LEN) is unread; OWN is our buffer (NULL over
	 * memory). */
	const char *in;
	size_t pos, len;
	char *own;
	bool eof, started;
	uint64_t offset;
	unsigned long line;
	/* The record being gathered. */
	char *buf;
	size_t blen, bcap;
	struct pending *pf;
	size_t npf, pfcap;
	struct csv_field *fields;
	size_t fcap;
	char err[160];
	unsigned long errline;
};

struct csv_reader *
csv_reader_new(csv_read_fn fn, void *ctx)
{
	struct csv_reader *r = calloc(1, sizeof *r);

	init_classes();
	if (r == NULL)
		return NULL;
	r->fn = fn;
	r->ctx = ctx;
	r->fd = -1;
	r->line = 1;
	if ((r->own = malloc(CSV_BLOCK)) == NULL) {
		free(r);
		return NULL;
	}
	r->in = r->own;
	return r;
}

static long
read_fd(void *ctx, char *buf, size_t n)
{
	const struct csv_reader *r = ctx;
	ssize_t got;

	do
		got = read(r->fd, buf, n);
	while (got < 0 && errno == EINTR);
	return (long)got;
}

struct csv_reader *
csv_reader_fd(int fd)
{
	struct csv_reader *r = csv_reader_new(read_fd, NULL);

	if (r) {
		r->ctx = r;
		r->fd = fd;
	}
	return r;
}

struct csv_reader *
csv_reader_mem(const char *data, size_t len)
{
	struct csv_reader *r = calloc(1, sizeof *r);

	init_classes();
	if (r == NULL)
		return NULL;
	r->fd = -1;
	r->line = 1;
	r->in = data;
	r->len = len;
	r->eof = true;
	return r;
}

void
csv_reader_free(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->own);
	free(r->buf);
	free(r->pf);
	free(r->fields);
	free(r);
}

const char *
csv_reader_error(const struct csv_reader *r)
{
	return r->err;
}

unsigned long
csv_reader_error_line(const struct csv_reader *r)
{
	return r->errline;
}

uint64_t
csv_reader_offset(const struct csv_reader *r)
{
	return r->offset + r->pos;
}

/*
 * Read more input after IN[0..LEN) (kept, at the front of our buffer)
 * until at least WANT bytes are held or the input ends.  Returns 0, or -1
 * with r->err set.
 */
static int
fill(struct csv_reader *r, size_t want)
{
	if (r->eof)
		return 0;
	if (r->pos > 0) {
		memmove(r->own, r->own + r->pos, r->len - r->pos);
		r->offset += r->pos;
		r->len -= r->pos;
		r->pos = 0;
	}
	while (r->len < want && !r->eof) {
		long got = r->fn(r->ctx, r->own + r->len, CSV_BLOCK - r->len);

		if (got < 0) {
			str_printf(r->err, sizeof r->err, "reading failed: %s",
				   strerror(errno));
			r->errline = r->line;
			return -1;
		}
		if (got == 0)
			r->eof = true;
		r->len += (size_t)got;
	}
	return 0;
}

static int
too_long(struct csv_reader *r, unsigned long line)
{
	str_printf(r->err, sizeof r->err, "the record that starts here is "
		   "longer than %zu MiB (a quote never closed?)",
		   CSV_MAX_RECORD >> 20);
	r->errline = line;
	return -1;
}

static int
out_of_memory(struct csv_reader *r)
{
	str_copy(r->err, "out of memory", sizeof r->err);
	r->errline = r->line;
	return -1;
}

static int
append(struct csv_reader *r, const char *s, size_t n)
{
	if (array_reserve(&r->buf, &r->bcap, r->blen + n + 1, 1) != 0)
		return out_of_memory(r);
	memcpy(r->buf + r->blen, s, n);
	r->blen += n;
	return 0;
}

/* End the field that began at START with FLAGS. */
static int
end_field(struct csv_reader *r, size_t start, unsigned flags)
{
	struct pending *p;

	if (array_reserve(&r->pf, &r->pfcap, r->npf + 1, sizeof *r->pf) != 0)
		return out_of_memory(r);
	p = &r->pf[r->npf++];
	p->start = start;
	p->len = r->blen - start;
	p->flags = flags;
	return append(r, "", 1);
}

/* Hand over the gathered fields as REC; 0 when it is a blank line. */
static int
end_record(struct csv_reader *r, struct csv_record *rec, unsigned long line)
{
	if (r->npf == 1 && r->pf[0].len == 0 && r->pf[0].flags == 0)
		return 0;
	if (array_reserve(&r->fields, &r->fcap, r->npf, sizeof *r->fields) != 0)
		return out_of_memory(r);
	rec->line = line;
	rec->n = r->npf;
	rec->f = r->fields;
	rec->flags = 0;
	for (size_t i = 0; i < r->npf; i++) {
		struct csv_field *f = &r->fields[i];

		f->s = r->buf + r->pf[i].start;
		f->len = r->pf[i].len;
		f->ctrl = 0;
		f->flags = r->pf[i].flags | csv_scan(f->s, f->len, &f->ctrl);
		rec->flags |= f->flags;
	}
	return 1;
}

/* Whether BUF[START..BLEN) is all blanks. */
static bool
all_blank(const struct csv_reader *r, size_t start)
{
	for (size_t i = start; i < r->blen; i++)
		if (r->buf[i] != ' ')
			return false;
	return true;
}

int
csv_read(struct csv_reader *r, struct csv_record *rec)
{
	enum state st = S_START;
	unsigned flags = 0;
	size_t start = 0;
	unsigned long line = r->line;
	bool cr = false;      /* the last byte kept was an unquoted CR */
	bool crpend = false;  /* a CR seen after a closing quote */
	int rc;

	if (!r->started) {
		r->started = true;
		if (r->fn && fill(r, 3) != 0)
			return -1;
		if (r->len - r->pos >= 3 &&
		    memcmp(r->in + r->pos, "\xEF\xBB\xBF", 3) == 0)
			r->pos += 3;
	}
	r->blen = 0;
	r->npf = 0;
	for (;;) {
		const char *p, *end;

		if (r->pos == r->len) {
			if (r->fn && fill(r, 1) != 0)
				return -1;
			if (r->pos == r->len)
				break; /* the end of input */
		}
		p = r->in + r->pos;
		end = r->in + r->len;
		while (p < end) {
			unsigned char c = (unsigned char)*p;
			const char *q;

			switch (st) {
			case S_START:
				start = r->blen;
				flags = 0;
				cr = crpend = false;
				if (c == '"') {
					flags = CSV_QUOTED;
					st = S_QUOTED;
					p++;
				} else {
					st = S_PLAIN;
				}
				break;
			case S_PLAIN:
				for (q = p; q < end &&
				     !(byte_class[(unsigned char)*q] &
				       STOP_PLAIN); q++)
					;
				if (q > p) {
					if (append(r, p, (size_t)(q - p)) != 0)
						return -1;
					cr = false;
					p = q;
					break;
				}
				p++;
				if (c == ',') {
					if (end_field(r, start, flags) != 0)
						return -1;
					st = S_START;
				} else if (c == '\n') {
					if (cr)
						r->blen--;
					goto line_end;
				} else if (c == '\r') {
					if (append(r, "\r", 1) != 0)
						return -1;
					cr = true;
				} else if (!(flags & CSV_QUOTED) &&
					   all_blank(r, start)) {
					/* Blanks before an opening quote. */
					r->blen = start;
					flags |= CSV_QUOTED;
					st = S_QUOTED;
				} else {
					flags |= CSV_STRAY_QUOTE;
					if (append(r, "\"", 1) != 0)
						return -1;
					cr = false;
				}
				break;
			case S_QUOTED:
				for (q = p; q < end &&
				     !(byte_class[(unsigned char)*q] &
				       STOP_QUOTED); q++)
					;
				if (q > p) {
					if (append(r, p, (size_t)(q - p)) != 0)
						return -1;
					p = q;
					break;
				}
				p++;
				if (c == '\n') {
					r->line++;
					if (append(r, "\n", 1) != 0)
						return -1;
				} else {
					st = S_QUOTE;
				}
				break;
			case S_QUOTE:
				if (c == '"') {
					if (append(r, "\"", 1) != 0)
						return -1;
					st = S_QUOTED;
					p++;
				} else {
					st = S_CLOSED;
				}
				break;
			case S_CLOSED:
				if (c == ',') {
					p++;
					if (crpend)
						flags |= CSV_AFTER_QUOTE;
					if (end_field(r, start, flags) != 0)
						return -1;
					st = S_START;
				} else if (c == '\n') {
					p++;
					goto line_end;
				} else if (c == ' ' || c == '\r') {
					p++;
					if (crpend)
						flags |= CSV_AFTER_QUOTE;
					crpend = c == '\r';
				} else {
					flags |= CSV_AFTER_QUOTE;
					crpend = false;
					st = S_PLAIN;
				}
				break;
			}
			if (r->blen > CSV_MAX_RECORD)
				return too_long(r, line);
			continue;
line_end:
			r->line++;
			r->pos = (size_t)(p - r->in);
			if (end_field(r, start, flags) != 0)
				return -1;
			if ((rc = end_record(r, rec, line)) != 0)
				return rc;
			/* A blank line: start again on the next. */
			r->blen = 0;
			r->npf = 0;
			line = r->line;
			st = S_START;
			p = r->in + r->pos;
			end = r->in + r->len;
		}
		r->pos = (size_t)(p - r->in);
	}
	/* The end of input. */
	if (st == S_START && r->npf == 0)
		return 0;
	if (st == S_QUOTED)
		flags |= CSV_UNCLOSED;
	if (st == S_START)
		start = r->blen, flags = 0;
	else if (st == S_PLAIN && cr)
		r->blen--; /* a CR just before the end counts as a line end */
	if (end_field(r, start, flags) != 0)
		return -1;
	rc = end_record(r, rec, line);
	r->blen = 0;
	r->npf = 0;
	return rc;
}

unsigned
csv_scan(const char *str, size_t len, uint32_t *ctrl)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned flags = 0;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		enum chars_kind kind;
		uint32_t cp;

		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (c == '\t' || c == '\n' || c == '\r') {
			flags |= CSV_BREAK;
			i++;
			continue;
		}
		/* The one classification (chars.h): C0, DEL, C1 and the
		 * invisible format characters are refused alike. */
		i += chars_next(str + i, len - i, &cp, &kind);
		if (kind == CHARS_BAD) {
			flags |= CSV_BAD_UTF8;
		} else if (kind != CHARS_PRINT) {
			if (!(flags & CSV_CONTROL))
				*ctrl = cp;
			flags |= CSV_CONTROL;
		}
	}
	return flags;
}

int
csv_needs_quotes(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t')
		return 1;
	for (size_t i = 0; i < len; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return 1;
	return 0;
}

/* The characters that make a spreadsheet read a cell as a formula. */
static bool
formula_lead(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	       c == '\r';
}

/* Whether S[0..LEN) is a plain number: an optional sign, digits, and
 * an optional decimal part.  A spreadsheet reads it as a number, so it
 * is left alone (a negative count stays a number). */
static bool
plain_number(const char *s, size_t len)
{
	size_t i = 0, digits = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	}
	return digits > 0 && i == len;
}

bool
csv_formula_risk(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] == '\'')
		i++;
	if (i == len || !formula_lead(s[i]))
		return false;
	return i > 0 || !plain_number(s, len);
}

size_t
csv_formula_undo(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] == '\'')
		i++;
	return i > 0 && i < len && formula_lead(s[i]) ? 1 : 0;
}

int
csv_write_field(FILE *out, const char *s, size_t len)
{
	const char *q;

	if (csv_formula_risk(s, len)) {
		/* Written as the apostrophe and the rest: quoted, so that
		 * a leading tab survives the reader's trimming. */
		if (fputs("\"'", out) == EOF)
			return -1;
		goto quoted;
	}
	if (!csv_needs_quotes(s, len))
		return len && fwrite(s, 1, len, out) != len ? -1 : 0;
	if (putc('"', out) == EOF)
		return -1;
quoted:
	while ((q = memchr(s, '"', len)) != NULL) {
		size_t k = (size_t)(q - s) + 1;

		if (fwrite(s, 1, k, out) != k || putc('"', out) == EOF)
			return -1;
		s += k;
		len -= k;
	}
	if (len && fwrite(s, 1, len, out) != len)
		return -1;
	return putc('"', out) == EOF ? -1 : 0;
}

int
csv_write_record(FILE *out, const char *const *fields, size_t n)
{
	/* A lone empty field would read back as a blank line. */
	if (n == 1 && (fields[0] == NULL || fields[0][0] == '\0'))
		return fputs("\"\"\n", out) == EOF ? -1 : 0;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && putc(',', out) == EOF)
			return -1;
		if (fields[i] &&
		    csv_write_field(out, fields[i], strlen(fields[i])) != 0)
			return -1;
	}
	return putc('\n', out) == EOF ? -1 : 0;
}
