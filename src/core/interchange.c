/*
 * interchange.c -- reading and checking the interchange files
 * (interchange.h, interchange.md).
 *
 * Values are copied once, into an arena of large blocks that never move,
 * so a million-line file costs a few allocations.  Refs are found through
 * an open-addressing hash table; an event whose ref is not in the
 * offenders file is looked up in the database once, and that offender's
 * recorded history is kept beside it for ix_check().  Each offender's
 * events are grouped by a counting sort (stable, so file order survives
 * within a date) and sorted by date only when the file had them out of
 * order.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/agency.h"
#include "core/casefile.h"
#include "core/interchange.h"
#include "core/util.h"

static const char *const offender_cols[IX_O_NCOLS] = {
	"ref", "surname", "forenames", "dob", "gender", "pnc", "crn",
	"visor", "district", "lead_agency", "notes",
};
static const char *const event_cols[IX_E_NCOLS] = {
	"ref", "date", "event", "category", "level", "kind", "note",
};
static const char *const population_cols[IX_P_NCOLS] = {
	"year", "population_10_plus", "source",
};

/* The case file's files (issue 15, doc/interchange-casefile.md). */
static const char *const risk_cols[IX_R_NCOLS] = {
	"ref", "date", "rosh", "at_risk", "assessor",
};
static const char *const assessment_cols[IX_A_NCOLS] = {
	"ref", "date", "tool", "score",
};
static const char *const date_cols[IX_D_NCOLS] = {
	"ref", "sentence_expiry", "licence_expiry", "expected_release",
	"release_type", "notification_end", "mappa_j_sent",
};
static const char *const order_cols[IX_OR_NCOLS] = {
	"ref", "kind", "made", "ends",
};
static const char *const offence_cols[IX_F_NCOLS] = {
	"ref", "index", "description", "date", "court", "sentence",
};
static const char *const note_cols[IX_N_NCOLS] = {
	"ref", "date", "author", "subject", "note", "corrects",
};
static const char *const disclosure_cols[IX_X_NCOLS] = {
	"ref", "date", "decision", "recipient", "what", "why", "meeting",
	"level", "decided_by", "undertaking",
};

#define MAX_COLS IX_O_NCOLS
_Static_assert(IX_FACT_COLS <= MAX_COLS, "a fact's columns fit a record");

static const struct {
	const char *name;
	const char *a_file; /* "an offenders file", for messages */
	const char *const *cols;
	int ncols;
	unsigned required; /* a bit per column */
	unsigned free_text; /* a bit per column that may hold tabs and line
			       breaks */
} formats[IX_NFILES] = {
	{ "offenders", "an offenders file", offender_cols, IX_O_NCOLS,
	  1u << IX_O_REF | 1u << IX_O_SURNAME, 1u << IX_O_NOTES },
	{ "events", "an events file", event_cols, IX_E_NCOLS,
	  1u << IX_E_REF | 1u << IX_E_DATE | 1u << IX_E_EVENT,
	  1u << IX_E_NOTE },
	{ "population", "a population file", population_cols, IX_P_NCOLS,
	  1u << IX_P_YEAR | 1u << IX_P_PEOPLE, 0 },
	{ "risk", "a risk file", risk_cols, IX_R_NCOLS,
	  1u << IX_R_REF | 1u << IX_R_DATE | 1u << IX_R_ROSH, 0 },
	{ "assessments", "an assessments file", assessment_cols, IX_A_NCOLS,
	  1u << IX_A_REF | 1u << IX_A_DATE | 1u << IX_A_TOOL |
	  1u << IX_A_SCORE, 0 },
	{ "dates", "a dates file", date_cols, IX_D_NCOLS, 1u << IX_D_REF, 0 },
	{ "orders", "an orders file", order_cols, IX_OR_NCOLS,
	  1u << IX_OR_REF | 1u << IX_OR_KIND | 1u << IX_OR_MADE, 0 },
	{ "offences", "an offences file", offence_cols, IX_F_NCOLS,
	  1u << IX_F_REF | 1u << IX_F_DESCRIPTION, 0 },
	{ "notes", "a notes file", note_cols, IX_N_NCOLS,
	  1u << IX_N_REF | 1u << IX_N_DATE | 1u << IX_N_AUTHOR |
	  1u << IX_N_SUBJECT | 1u << IX_N_NOTE, 1u << IX_N_NOTE },
	{ "disclosures", "a disclosures file", disclosure_cols, IX_X_NCOLS,
	  1u << IX_X_REF | 1u << IX_X_DATE | 1u << IX_X_DECISION |
	  1u << IX_X_RECIPIENT | 1u << IX_X_WHAT | 1u << IX_X_WHY,
	  1u << IX_X_WHAT | 1u << IX_X_WHY },
};

/* Whether column C of FILE is free text. */
static bool
is_free_text(enum ix_file file, int c)
{
	return (formats[file].free_text >> c) & 1u;
}

#define CHUNK_SIZE ((size_t)64 << 10)
#define PROGRESS_EVERY 65536

struct chunk {
	struct chunk *next;
	size_t used, cap;
	char data[];
};

/* What ix keeps beside each offender. */
struct side {
	struct ev *hist; /* the recorded history (offenders already there) */
	size_t nhist;
	bool bad;        /* an event of theirs had a fault: no replay */
	int notes;       /* notes of theirs so far in the import */
};

struct ix {
	struct ix_hooks h;
	int (*tool)(void *ctx, const char *tool);
	struct chunk *chunks;
	struct ix_offender *off;
	struct side *side;
	size_t noff, offcap;
	struct ix_event *ev;
	size_t nev, evcap;
	struct ix_population *pop;
	size_t npop, popcap;
	struct ix_fact *fact;
	size_t nfact, factcap;
	struct fact_key { mdate date; int kind; } *fkey; /* orders.csv: the
							    order named */
	uint32_t *slots; /* ref hash: offender index + 1, 0 = empty */
	size_t nslots;
	unsigned long year_line[IX_YEAR_MAX - IX_YEAR_MIN + 1];
	char *err[IX_MAX_ERRORS];
	size_t nerr;
	bool more, failed, checked;
	const char *offenders_name;
	const char *events_name;
	const char *file_name[IX_NFILES];
	char *tmp; /* the current record's values */
	size_t tmpcap;
};

/* Reading one file. */
struct rd {
	struct ix *ix;
	enum ix_file file;
	const char *name;
	int pos[MAX_COLS];  /* each column's place in a record, or -1 */
	size_t nheader;
	unsigned long line; /* the current record's */
	const char *val[MAX_COLS];
	size_t vlen[MAX_COLS];
	bool bad;           /* the current record has a fault */
};

/* --- memory ------------------------------------------------------------- */

static char *
arena_dup(struct ix *ix, const char *s, size_t n)
{
	struct chunk *c = ix->chunks;

	if (n + 1 > CHUNK_SIZE / 4) {
		/* A large value gets a block of its own, behind the current. */
		struct chunk *big = malloc(sizeof *big + n + 1);

		if (big == NULL)
			return NULL;
		big->used = big->cap = n + 1;
		if (c) {
			big->next = c->next;
			c->next = big;
		} else {
			big->next = NULL;
			ix->chunks = big;
		}
		memcpy(big->data, s, n);
		big->data[n] = '\0';
		return big->data;
	}
	if (c == NULL || c->cap - c->used < n + 1) {
		if ((c = malloc(sizeof *c + CHUNK_SIZE)) == NULL)
			return NULL;
		c->used = 0;
		c->cap = CHUNK_SIZE;
		c->next = ix->chunks;
		ix->chunks = c;
	}
	memcpy(c->data + c->used, s, n);
	c->data[c->used + n] = '\0';
	c->used += n + 1;
	return c->data + c->used - n - 1;
}

struct ix *
ix_new(const struct ix_hooks *hooks)
{
	struct ix *ix = calloc(1, sizeof *ix);

	if (ix && hooks)
		ix->h = *hooks;
	return ix;
}

void
ix_set_tool_check(struct ix *ix, int (*tool)(void *ctx, const char *))
{
	ix->tool = tool;
}

void
ix_free(struct ix *ix)
{
	struct chunk *c, *next;

	if (ix == NULL)
		return;
	for (c = ix->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	for (size_t i = 0; i < ix->noff; i++)
		free(ix->side[i].hist);
	for (size_t i = 0; i < ix->nerr; i++)
		free(ix->err[i]);
	free(ix->off);
	free(ix->side);
	free(ix->ev);
	free(ix->pop);
	free(ix->fact);
	free(ix->fkey);
	free(ix->slots);
	free(ix->tmp);
	free(ix);
}

/* --- names ---------------------------------------------------------------- */

const char *const *
ix_columns(enum ix_file file, size_t *n)
{
	if (n)
		*n = (size_t)formats[file].ncols;
	return formats[file].cols;
}

const char *
ix_file_name(enum ix_file file)
{
	return formats[file].name;
}

bool
ix_ref_valid(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++) {
		char c = s[n];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '/' ||
		      c == '_'))
			return false;
	}
	return n >= 1 && n <= IX_REF_MAX;
}

/* --- faults --------------------------------------------------------------- */

static char *
vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

static char *
vformat(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *s;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *
format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
format(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* Keep MSG (taken over) as a fault, or note that there were more. */
static void
keep(struct ix *ix, char *msg)
{
	if (msg == NULL) {
		ix->failed = true;
		return;
	}
	if (ix->nerr == IX_MAX_ERRORS) {
		ix->more = true;
		free(msg);
		return;
	}
	ix->err[ix->nerr++] = msg;
}

static bool
stopped(const struct ix *ix)
{
	return ix->more || ix->failed;
}

/*
 * Write S[0..LEN) into BUF (N bytes) fit to show: control characters
 * and bytes that are not UTF-8 escaped, long values cut short.
 */
static const char *
show(char *buf, size_t n, const char *s, size_t len)
{
	uint32_t ctrl = 0;
	bool raw8 = !(csv_scan(s, len, &ctrl) &
		      (CSV_BAD_UTF8 | CSV_CONTROL));
	size_t o = 0, chars = 0;

	for (size_t i = 0; i < len && o + 8 < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) != 0x80 && ++chars > 40) {
			str_copy(buf + o, "...", n - o);
			return buf;
		}
		if (c == '\t' || c == '\n' || c == '\r') {
			buf[o++] = '\\';
			buf[o++] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
		} else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !raw8)) {
			snprintf(buf + o, n - o, "\\x%02X", c);
			o += 4;
		} else {
			buf[o++] = (char)c;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* A fault on the current line: "NAME:LINE: " and the rest. */
static void
fault(struct rd *rd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
fault(struct rd *rd, const char *fmt, ...)
{
	va_list ap;
	char *tail, *msg = NULL;

	rd->bad = true;
	if (stopped(rd->ix))
		return;
	if (rd->ix->nerr == IX_MAX_ERRORS) {
		rd->ix->more = true;
		return;
	}
	va_start(ap, fmt);
	tail = vformat(fmt, ap);
	va_end(ap);
	if (tail)
		msg = format("%s:%lu: %s", rd->name, rd->line, tail);
	free(tail);
	keep(rd->ix, msg);
}

/* A fault in column COL: `column "NAME": ` and the rest. */
static void
col_fault(struct rd *rd, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
col_fault(struct rd *rd, int col, const char *fmt, ...)
{
	va_list ap;
	char *tail;

	rd->bad = true;
	if (stopped(rd->ix))
		return;
	va_start(ap, fmt);
	tail = vformat(fmt, ap);
	va_end(ap);
	if (tail == NULL) {
		rd->ix->failed = true;
		return;
	}
	fault(rd, "column \"%s\": %s", formats[rd->file].cols[col], tail);
	free(tail);
}

/* A fault in column COL's value: `column "NAME": "VALUE" ` and the rest. */
static void
val_fault(struct rd *rd, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
val_fault(struct rd *rd, int col, const char *fmt, ...)
{
	va_list ap;
	char *tail, v[256];

	rd->bad = true;
	if (stopped(rd->ix))
		return;
	va_start(ap, fmt);
	tail = vformat(fmt, ap);
	va_end(ap);
	if (tail == NULL) {
		rd->ix->failed = true;
		return;
	}
	fault(rd, "column \"%s\": \"%s\" %s", formats[rd->file].cols[col],
	      show(v, sizeof v, rd->val[col], rd->vlen[col]), tail);
	free(tail);
}

/* "a, b, c or d" from the NULL-terminated NAMES, into SB. */
static void
list_names(struct strbuf *sb, const char *const *names, size_t n,
	   const char *last)
{
	for (size_t i = 0; i < n; i++)
		sb_printf(sb, "%s%s", i == 0 ? "" : i + 1 == n ? last : ", ",
			  names[i]);
}

/* --- the ref table ---------------------------------------------------------- */

/* The offender with REF, or -1. */
static long
find(const struct ix *ix, const char *ref)
{
	size_t mask = ix->nslots - 1, i;

	if (ix->nslots == 0)
		return -1;
	for (i = str_hash(ref, 0) & mask; ix->slots[i]; i = (i + 1) & mask) {
		uint32_t k = ix->slots[i] - 1;

		if (strcmp(ix->off[k].col[IX_O_REF], ref) == 0)
			return (long)k;
	}
	return -1;
}

static void
slot_put(uint32_t *slots, size_t nslots, const char *ref, uint32_t v)
{
	size_t mask = nslots - 1, i;

	for (i = str_hash(ref, 0) & mask; slots[i]; i = (i + 1) & mask)
		;
	slots[i] = v;
}

/* Add an offender with the (arena) REF; its index, or -1. */
static long
add_offender(struct ix *ix, const char *ref)
{
	struct ix_offender *o;

	if (ix->noff >= UINT32_MAX - 1)
		return -1;
	if ((ix->noff + 1) * 2 > ix->nslots) {
		size_t n = ix->nslots ? ix->nslots * 2 : 1024;
		uint32_t *s = calloc(n, sizeof *s);

		if (s == NULL)
			return -1;
		for (size_t i = 0; i < ix->noff; i++)
			slot_put(s, n, ix->off[i].col[IX_O_REF],
				 (uint32_t)i + 1);
		free(ix->slots);
		ix->slots = s;
		ix->nslots = n;
	}
	if (ix->noff == ix->offcap) {
		size_t cap = ix->offcap;

		if (array_reserve(&ix->off, &cap, ix->noff + 1,
				  sizeof *ix->off))
			return -1;
		cap = ix->offcap;
		if (array_reserve(&ix->side, &cap, ix->noff + 1,
				  sizeof *ix->side))
			return -1;
		ix->offcap = cap;
	}
	o = &ix->off[ix->noff];
	memset(o, 0, sizeof *o);
	memset(&ix->side[ix->noff], 0, sizeof ix->side[ix->noff]);
	o->col[IX_O_REF] = ref;
	slot_put(ix->slots, ix->nslots, ref, (uint32_t)ix->noff + 1);
	return (long)ix->noff++;
}

/* --- header and fields ------------------------------------------------------- */

static int
read_header(struct rd *rd, const struct csv_record *rec)
{
	const char *const *cols = formats[rd->file].cols;
	int ncols = formats[rd->file].ncols;
	char name[48], v[256];

	rd->line = rec->line;
	rd->nheader = rec->n;
	for (int c = 0; c < ncols; c++)
		rd->pos[c] = -1;
	for (size_t i = 0; i < rec->n; i++) {
		const struct csv_field *f = &rec->f[i];
		const char *s = f->s;
		size_t len = f->len;
		int c;

		while (len && *s == ' ')
			s++, len--;
		while (len && s[len - 1] == ' ')
			len--;
		if (f->flags & CSV_BAD_QUOTING) {
			fault(rd, "column %zu of the header: broken quoting",
			      i + 1);
			continue;
		}
		if (len == 0) {
			struct strbuf sb;

			sb_init(&sb);
			list_names(&sb, cols, (size_t)ncols, " and ");
			fault(rd, "column %zu of the header has no name (%s "
			      "has %s)", i + 1, formats[rd->file].a_file,
			      sb_str(&sb));
			sb_free(&sb);
			continue;
		}
		for (c = 0; c < ncols; c++) {
			const char *k = cols[c];
			size_t j;

			for (j = 0; j < len && k[j]; j++) {
				char ch = s[j];

				if (ch >= 'A' && ch <= 'Z')
					ch = (char)(ch - 'A' + 'a');
				if (ch != k[j])
					break;
			}
			if (j == len && k[j] == '\0')
				break;
		}
		if (c == ncols) {
			struct strbuf sb;

			sb_init(&sb);
			list_names(&sb, cols, (size_t)ncols, " and ");
			fault(rd, "column \"%s\" is not a column of %s (it "
			      "has %s)", show(v, sizeof v, s, len),
			      formats[rd->file].a_file, sb_str(&sb));
			sb_free(&sb);
			continue;
		}
		if (rd->pos[c] >= 0) {
			fault(rd, "column \"%s\" is given twice", cols[c]);
			continue;
		}
		rd->pos[c] = (int)i;
	}
	for (int c = 0; c < ncols; c++) {
		if ((formats[rd->file].required & (1u << c)) &&
		    rd->pos[c] < 0) {
			str_copy(name, cols[c], sizeof name);
			fault(rd, "column \"%s\" is missing (%s needs it)",
			      name, formats[rd->file].a_file);
		}
	}
	return rd->bad ? -1 : 0;
}

static const char *
break_name(uint32_t c)
{
	return c == '\t' ? " (tab)" : c == '\n' ? " (line feed)"
					: " (carriage return)";
}

/*
 * Take the values of REC's fields: checked for encoding and control
 * characters, trimmed but in the free-text column, copied into ix->tmp.
 * Returns -1 when out of memory.
 */
static int
take_values(struct rd *rd, const struct csv_record *rec)
{
	struct ix *ix = rd->ix;
	int ncols = formats[rd->file].ncols;
	size_t need = 0, o = 0;

	for (size_t i = 0; i < rec->n; i++)
		need += rec->f[i].len + 1;
	if (array_reserve(&ix->tmp, &ix->tmpcap, need, 1) != 0)
		return -1;
	for (int c = 0; c < ncols; c++) {
		const struct csv_field *f;
		const char *s;
		size_t len, undo;
		bool free_text = is_free_text(rd->file, c);

		rd->val[c] = NULL;
		rd->vlen[c] = 0;
		if (rd->pos[c] < 0)
			continue;
		f = &rec->f[rd->pos[c]];
		s = f->s;
		len = f->len;
		if (!free_text) {
			while (len && *s == ' ')
				s++, len--;
			while (len && s[len - 1] == ' ')
				len--;
		}
		/* A cell export neutralised for spreadsheets ('=...)
		 * comes back as it was. */
		undo = csv_formula_undo(s, len);
		s += undo;
		len -= undo;
		if (len == 0)
			continue;
		memcpy(ix->tmp + o, s, len);
		ix->tmp[o + len] = '\0';
		/* References are one case aside: read upper case. */
		if (strcmp(formats[rd->file].cols[c], "ref") == 0)
			cf_ref_upper(ix->tmp + o);
		rd->val[c] = ix->tmp + o;
		rd->vlen[c] = len;
		o += len + 1;
		if (f->flags & CSV_BAD_UTF8) {
			val_fault(rd, c, "is not UTF-8 text (save the file as "
				  "UTF-8)");
		} else if (f->flags & CSV_CONTROL) {
			col_fault(rd, c, "control character U+%04X is not "
				  "allowed (%s)", (unsigned)f->ctrl,
				  free_text ? "only tab and line breaks are"
					    : "tab and line breaks are "
					      "allowed only in notes");
		} else if ((f->flags & CSV_BREAK) && !free_text) {
			uint32_t b = 0;

			for (size_t k = 0; k < len && !b; k++)
				if (s[k] == '\t' || s[k] == '\n' ||
				    s[k] == '\r')
					b = (unsigned char)s[k];
			col_fault(rd, c, "control character U+%04X%s is not "
				  "allowed (tab and line breaks are allowed "
				  "only in notes)", (unsigned)b,
				  break_name(b));
		}
	}
	return 0;
}

static bool
too_long(struct rd *rd, int col)
{
	if (rd->val[col] && rd->vlen[col] > IX_TEXT_MAX) {
		val_fault(rd, col, "is too long (at most %d bytes)",
			  IX_TEXT_MAX);
		return true;
	}
	return false;
}

/* --- offenders.csv ------------------------------------------------------------ */

static const char *const ref_rule =
	"is not a reference (1 to 32 characters from A-Z, a-z, 0-9, '-', "
	"'/' and '_', no spaces)";

static void
take_offender(struct rd *rd)
{
	struct ix *ix = rd->ix;
	const char *const *v = rd->val;
	const char *ref = v[IX_O_REF], *why;
	bool ref_ok = false;
	mdate d;
	long k;
	int64_t id;

	if (ref == NULL)
		col_fault(rd, IX_O_REF, "no value; a reference is required");
	else if (!ix_ref_valid(ref))
		val_fault(rd, IX_O_REF, "%s", ref_rule);
	else
		ref_ok = true;
	if (v[IX_O_SURNAME] == NULL)
		col_fault(rd, IX_O_SURNAME, "no value; a surname is required");
	too_long(rd, IX_O_SURNAME);
	too_long(rd, IX_O_FORENAMES);
	too_long(rd, IX_O_PNC);
	too_long(rd, IX_O_CRN);
	too_long(rd, IX_O_VISOR);
	too_long(rd, IX_O_DISTRICT);
	if (v[IX_O_PNC] && rd->vlen[IX_O_PNC] <= IX_TEXT_MAX &&
	    (why = cf_pnc_check(v[IX_O_PNC], NULL, 0)) != NULL)
		val_fault(rd, IX_O_PNC, "is not a PNC ID: %s (e.g. "
			  "2011/0275516Q)", why);
	if (v[IX_O_CRN] && rd->vlen[IX_O_CRN] <= IX_TEXT_MAX &&
	    (why = cf_crn_check(v[IX_O_CRN], NULL, 0)) != NULL)
		val_fault(rd, IX_O_CRN, "is not a CRN: %s", why);
	if (v[IX_O_DOB] && date_parse(v[IX_O_DOB], &d) != 0)
		val_fault(rd, IX_O_DOB, "is not a date (YYYY-MM-DD, a real "
			  "calendar date)");
	if (v[IX_O_GENDER] && (rd->vlen[IX_O_GENDER] != 1 ||
			       !strchr("MFXU", v[IX_O_GENDER][0])))
		val_fault(rd, IX_O_GENDER, "is not a gender (M, F, X or U)");
	if (v[IX_O_LEAD_AGENCY] && !lead_agency_valid(v[IX_O_LEAD_AGENCY]))
		val_fault(rd, IX_O_LEAD_AGENCY, "is not a lead agency (%s)",
			  lead_agency_list());
	if (!ref_ok || stopped(ix))
		return;
	if ((k = find(ix, ref)) >= 0) {
		val_fault(rd, IX_O_REF, "is given twice (also on line %lu)",
			  ix->off[k].line);
		return;
	}
	if (ix->h.offender) {
		int r = ix->h.offender(ix->h.ctx, ref, &id, NULL, NULL);

		if (r < 0) {
			fault(rd, "the database could not be read");
			ix->failed = true;
			return;
		}
		if (r > 0) {
			val_fault(rd, IX_O_REF, "is already in the database; "
				  "an import never overwrites a record");
			return;
		}
	}
	/* Kept even when faulty, so its events find it. */
	if ((ref = arena_dup(ix, ref, rd->vlen[IX_O_REF])) == NULL ||
	    (k = add_offender(ix, ref)) < 0) {
		ix->failed = true;
		return;
	}
	ix->off[k].line = rd->line;
	ix->side[k].notes = v[IX_O_NOTES] != NULL; /* its first note */
	for (int c = IX_O_REF + 1; c < IX_O_NCOLS; c++) {
		if (v[c] == NULL)
			continue;
		if ((ix->off[k].col[c] = arena_dup(ix, v[c], rd->vlen[c])) ==
		    NULL) {
			ix->failed = true;
			return;
		}
	}
}

/* --- events.csv ------------------------------------------------------------- */

/* The offender REF names, found in the file or the database; -1 after a
 * fault. */
static long
resolve(struct rd *rd, const char *ref, size_t len)
{
	struct ix *ix = rd->ix;
	struct ev *hist = NULL;
	size_t nhist = 0;
	int64_t id = 0;
	long k;
	int r = 0;
	const char *copy;

	if ((k = find(ix, ref)) >= 0)
		return k;
	if (ix->h.offender &&
	    (r = ix->h.offender(ix->h.ctx, ref, &id, &hist, &nhist)) < 0) {
		fault(rd, "the database could not be read");
		ix->failed = true;
		return -1;
	}
	if (r == 2) {
		free(hist);
		val_fault(rd, IX_E_REF, "is an erased record; no %s can be "
			  "added to it", rd->file == IX_EVENTS ? "events"
								: "facts");
		return -1;
	}
	if (r == 0) {
		if (ix->offenders_name)
			val_fault(rd, IX_E_REF, "is not an offender in %s or "
				  "the database", ix->offenders_name);
		else
			val_fault(rd, IX_E_REF, "is not an offender in the "
				  "database");
		return -1;
	}
	if ((copy = arena_dup(ix, ref, len)) == NULL ||
	    (k = add_offender(ix, copy)) < 0) {
		free(hist);
		ix->failed = true;
		return -1;
	}
	ix->off[k].db_id = id;
	ix->side[k].hist = hist;
	ix->side[k].nhist = nhist;
	return k;
}

/* "a register", "an exit": an event type with its article. */
static const char *
a_type(int type, char *buf, size_t n)
{
	const char *name = ev_type_name(type);

	snprintf(buf, n, "%s %s", strchr("aeiou", name[0]) ? "an" : "a", name);
	return buf;
}

/* Check column COL (category or level) against event TYPE. */
static uint8_t
take_code(struct rd *rd, int col, int type)
{
	const char *v = rd->val[col];
	bool needed = col == IX_E_CATEGORY ? ev_needs_category(type)
					   : ev_needs_level(type);
	const char *what = col == IX_E_CATEGORY ? "category (1, 2, 3 or 4)"
						: "level (1, 2 or 3)";
	uint8_t out = 0;
	char an[40];

	if (!needed) {
		if (v)
			val_fault(rd, col, "is not used by %s event (leave "
				  "it empty)", a_type(type, an, sizeof an));
		return 0;
	}
	if (v == NULL)
		col_fault(rd, col, "no value; %s event needs a %s",
			  a_type(type, an, sizeof an), what);
	else if ((col == IX_E_CATEGORY ? ev_category_parse(v, &out)
				       : ev_level_parse(v, &out)) != 0)
		val_fault(rd, col, "is not a %s", what);
	return out;
}

static uint8_t
take_kind(struct rd *rd, int type)
{
	const char *v = rd->val[IX_E_KIND];
	const char *names[16];
	int n = ev_kind_count(type), k;
	struct strbuf sb;
	char an[40];

	if (n == 0) {
		if (v)
			val_fault(rd, IX_E_KIND, "is not used by %s event "
				  "(leave it empty)",
				  a_type(type, an, sizeof an));
		return 0;
	}
	if (v && (k = ev_kind_parse(type, v)) > 0)
		return (uint8_t)k;
	if (v == NULL && !ev_needs_kind(type))
		return 0; /* register: an ordinary registration */
	for (k = 1; k <= n && k <= (int)NELEM(names); k++)
		names[k - 1] = ev_kind_name(type, k);
	sb_init(&sb);
	list_names(&sb, names, (size_t)(k - 1), " or ");
	if (v == NULL)
		col_fault(rd, IX_E_KIND, "no value; %s event needs a kind "
			  "(%s)", a_type(type, an, sizeof an), sb_str(&sb));
	else
		val_fault(rd, IX_E_KIND, "is not a kind of %s event (%s)",
			  ev_type_name(type), sb_str(&sb));
	sb_free(&sb);
	return 0;
}

/* The event column names no event: say which there are. */
static void
event_fault(struct rd *rd)
{
	const char *names[EV_TYPE_COUNT];
	struct strbuf sb;

	for (int t = 0; t < EV_TYPE_COUNT; t++)
		names[t] = ev_type_name(t);
	sb_init(&sb);
	list_names(&sb, names, EV_TYPE_COUNT, " or ");
	val_fault(rd, IX_E_EVENT, "is not an event (%s)", sb_str(&sb));
	sb_free(&sb);
}

static void
take_event(struct rd *rd)
{
	struct ix *ix = rd->ix;
	const char *const *v = rd->val;
	struct ix_event e;
	long k = -1;
	int type = -1;

	memset(&e, 0, sizeof e);
	if (v[IX_E_REF] == NULL)
		col_fault(rd, IX_E_REF, "no value; a reference is required");
	else if (!ix_ref_valid(v[IX_E_REF]))
		val_fault(rd, IX_E_REF, "%s", ref_rule);
	else
		k = resolve(rd, v[IX_E_REF], rd->vlen[IX_E_REF]);
	if (stopped(ix))
		return;
	if (v[IX_E_DATE] == NULL)
		col_fault(rd, IX_E_DATE, "no value; a date (YYYY-MM-DD) is "
			  "required");
	else if (date_parse(v[IX_E_DATE], &e.ev.date) != 0)
		val_fault(rd, IX_E_DATE, "is not a date (YYYY-MM-DD, a real "
			  "calendar date)");
	if (v[IX_E_EVENT] == NULL)
		col_fault(rd, IX_E_EVENT, "no value; an event is required");
	else if ((type = ev_type_parse(v[IX_E_EVENT])) < 0)
		event_fault(rd);
	if (type >= 0) {
		e.ev.type = (uint8_t)type;
		e.ev.category = take_code(rd, IX_E_CATEGORY, type);
		e.ev.level = take_code(rd, IX_E_LEVEL, type);
		e.ev.kind = take_kind(rd, type);
	}
	if (k >= 0 && rd->bad)
		ix->side[k].bad = true;
	if (rd->bad || stopped(ix))
		return;
	e.offender = (uint32_t)k;
	e.line = rd->line;
	if (v[IX_E_NOTE] &&
	    (e.note = arena_dup(ix, v[IX_E_NOTE], rd->vlen[IX_E_NOTE])) ==
		    NULL) {
		ix->failed = true;
		return;
	}
	if (array_reserve(&ix->ev, &ix->evcap, ix->nev + 1, sizeof *ix->ev)) {
		ix->failed = true;
		return;
	}
	ix->ev[ix->nev++] = e;
}

/* --- population.csv ----------------------------------------------------------- */

/* Parse S as digits only, into *OUT (at most MAX); -1 when it is not. */
static int
whole(const char *s, int64_t max, int64_t *out)
{
	int64_t v = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}

static void
take_population(struct rd *rd)
{
	struct ix *ix = rd->ix;
	const char *const *v = rd->val;
	struct ix_population p;
	int64_t y = 0;

	memset(&p, 0, sizeof p);
	if (v[IX_P_YEAR] == NULL)
		col_fault(rd, IX_P_YEAR, "no value; a year is required");
	else if (whole(v[IX_P_YEAR], IX_YEAR_MAX, &y) != 0 ||
		 y < IX_YEAR_MIN)
		val_fault(rd, IX_P_YEAR, "is not a year (%d to %d)",
			  IX_YEAR_MIN, IX_YEAR_MAX);
	else
		p.year = (int)y;
	if (v[IX_P_PEOPLE] == NULL)
		col_fault(rd, IX_P_PEOPLE, "no value; the population aged 10 "
			  "and over is required");
	else if (whole(v[IX_P_PEOPLE], INT64_C(999999999999), &p.people) !=
		 0 || p.people == 0)
		val_fault(rd, IX_P_PEOPLE, "is not a whole number above 0");
	if (p.year) {
		unsigned long *first = &ix->year_line[p.year - IX_YEAR_MIN];
		int r;

		if (*first) {
			val_fault(rd, IX_P_YEAR, "is given twice (also on line "
				  "%lu)", *first);
			return;
		}
		*first = rd->line;
		if (ix->h.population &&
		    (r = ix->h.population(ix->h.ctx, p.year)) != 0) {
			if (r < 0) {
				fault(rd, "the database could not be read");
				ix->failed = true;
				return;
			}
			val_fault(rd, IX_P_YEAR, "is already recorded in the "
				  "database; an import never overwrites a "
				  "record");
		}
	}
	if (rd->bad || stopped(ix))
		return;
	p.line = rd->line;
	if (v[IX_P_SOURCE] && (p.source = arena_dup(ix, v[IX_P_SOURCE],
						    rd->vlen[IX_P_SOURCE])) ==
				      NULL) {
		ix->failed = true;
		return;
	}
	if (array_reserve(&ix->pop, &ix->popcap, ix->npop + 1,
			  sizeof *ix->pop)) {
		ix->failed = true;
		return;
	}
	ix->pop[ix->npop++] = p;
}

/* --- the case file's files (issue 15) ------------------------------------------ */

/* Check date column COL (REQUIRED or not) into *OUT (MDATE_NONE when
 * empty); false after a fault. */
static bool
take_date(struct rd *rd, int col, bool required, mdate *out)
{
	const char *v = rd->val[col];

	*out = MDATE_NONE;
	if (v == NULL) {
		if (required)
			col_fault(rd, col, "no value; a date (YYYY-MM-DD) is "
				  "required");
		return !required;
	}
	if (date_parse(v, out) != 0) {
		val_fault(rd, col, "is not a date (YYYY-MM-DD, a real "
			  "calendar date)");
		*out = MDATE_NONE;
		return false;
	}
	return true;
}

/* Check text column COL: REQUIRED or not, at most MAX bytes. */
static void
take_text(struct rd *rd, int col, bool required, size_t max,
	  const char *what)
{
	if (rd->val[col] == NULL) {
		if (required)
			col_fault(rd, col, "no value; %s is required", what);
		return;
	}
	if (rd->vlen[col] > max)
		val_fault(rd, col, "is too long (at most %zu bytes)", max);
}

/* Check yes-or-no column COL into *OUT (empty: no). */
static void
take_yes_no(struct rd *rd, int col, bool *out)
{
	const char *v = rd->val[col];

	*out = false;
	if (v == NULL || strcmp(v, IX_NO) == 0)
		return;
	if (strcmp(v, IX_YES) == 0)
		*out = true;
	else
		val_fault(rd, col, "is not " IX_YES " or " IX_NO);
}

/* Check name column COL against NAME(0..N); -1 when empty or bad. */
static int
take_name(struct rd *rd, int col, bool required, const char *(*name)(int),
	  int (*parse)(const char *), int n, const char *what)
{
	const char *names[16];
	struct strbuf sb;
	int k;

	if (rd->val[col] && (k = parse(rd->val[col])) >= 0 &&
	    strcmp(rd->val[col], name(k)) == 0)
		return k;
	if (rd->val[col] == NULL && !required)
		return -1;
	for (k = 0; k < n && k < (int)NELEM(names); k++)
		names[k] = name(k);
	sb_init(&sb);
	list_names(&sb, names, (size_t)k, " or ");
	if (rd->val[col] == NULL)
		col_fault(rd, col, "no value; %s is required (%s)", what,
			  sb_str(&sb));
	else
		val_fault(rd, col, "is not %s (%s)", what, sb_str(&sb));
	sb_free(&sb);
	return -1;
}

static void
take_risk(struct rd *rd)
{
	unsigned mask;
	const char *bad = NULL;
	mdate d;

	take_date(rd, IX_R_DATE, true, &d);
	take_name(rd, IX_R_ROSH, true, cf_rosh_name, cf_rosh_parse,
		  CF_ROSH_N, "a risk of serious harm");
	if (rd->val[IX_R_AT_RISK] &&
	    cf_at_risk_parse_set(rd->val[IX_R_AT_RISK], &mask, &bad) != 0) {
		struct strbuf sb;
		const char *names[CF_RISK_N];

		for (int g = 0; g < CF_RISK_N; g++)
			names[g] = cf_at_risk_name(g);
		sb_init(&sb);
		list_names(&sb, names, CF_RISK_N, " and ");
		val_fault(rd, IX_R_AT_RISK, "is not a list of groups at risk "
			  "(any of %s, separated by ';')", sb_str(&sb));
		sb_free(&sb);
	}
	take_text(rd, IX_R_ASSESSOR, false, CF_FIELD_MAX, "an assessor");
}

static void
take_assessment(struct rd *rd)
{
	struct ix *ix = rd->ix;
	mdate d;
	int r;

	take_date(rd, IX_A_DATE, true, &d);
	take_text(rd, IX_A_TOOL, true, CF_FIELD_MAX, "a tool");
	take_text(rd, IX_A_SCORE, true, CF_SCORE_MAX, "a score or band");
	if (rd->val[IX_A_TOOL] && ix->tool &&
	    (r = ix->tool(ix->h.ctx, rd->val[IX_A_TOOL])) != 1) {
		if (r < 0) {
			fault(rd, "the database could not be read");
			ix->failed = true;
			return;
		}
		val_fault(rd, IX_A_TOOL, "is not an assessment tool of the "
			  "area (the setting assessment_tools)");
	}
}

static void
take_dates(struct rd *rd)
{
	static const int dates[] = {
		IX_D_SENTENCE_EXPIRY, IX_D_LICENCE_EXPIRY,
		IX_D_EXPECTED_RELEASE, IX_D_MAPPA_J_SENT,
	};
	const char *ne = rd->val[IX_D_NOTIFICATION_END];
	bool any = false;
	mdate d;

	for (size_t i = 0; i < NELEM(dates); i++) {
		take_date(rd, dates[i], false, &d);
		any |= rd->val[dates[i]] != NULL;
	}
	take_name(rd, IX_D_RELEASE_TYPE, false, cf_release_name,
		  cf_release_parse, CF_REL_N, "a release type");
	if (ne && strcmp(ne, CF_INDEFINITE) != 0 && date_parse(ne, &d) != 0)
		val_fault(rd, IX_D_NOTIFICATION_END, "is neither a date "
			  "(YYYY-MM-DD) nor " CF_INDEFINITE);
	any |= ne != NULL || rd->val[IX_D_RELEASE_TYPE] != NULL;
	if (!any && !rd->bad)
		fault(rd, "no key date is given (a line sets the case's key "
		      "dates as they then stood)");
}

static void
take_order(struct rd *rd, struct fact_key *key)
{
	const char *v = rd->val[IX_OR_KIND];
	mdate ends;

	key->kind = v ? ev_kind_parse(EV_ORDER, v) : 0;
	if (v && key->kind <= 0) {
		const char *names[16];
		int n = ev_kind_count(EV_ORDER), k;
		struct strbuf sb;

		for (k = 1; k <= n && k <= (int)NELEM(names); k++)
			names[k - 1] = ev_kind_name(EV_ORDER, k);
		sb_init(&sb);
		list_names(&sb, names, (size_t)(k - 1), " or ");
		val_fault(rd, IX_OR_KIND, "is not an order (%s)", sb_str(&sb));
		sb_free(&sb);
	}
	take_date(rd, IX_OR_MADE, true, &key->date);
	if (take_date(rd, IX_OR_ENDS, false, &ends) && ends != MDATE_NONE &&
	    key->date != MDATE_NONE && ends < key->date)
		val_fault(rd, IX_OR_ENDS, "is before the order was made");
}

static void
take_offence(struct rd *rd)
{
	bool index;
	mdate d;

	take_yes_no(rd, IX_F_INDEX, &index);
	take_text(rd, IX_F_DESCRIPTION, true, CF_LONG_MAX, "a description");
	take_date(rd, IX_F_DATE, false, &d);
	take_text(rd, IX_F_COURT, false, CF_FIELD_MAX, "a court");
	take_text(rd, IX_F_SENTENCE, false, CF_LONG_MAX, "a sentence");
}

static void
take_note(struct rd *rd, long k, int *position)
{
	struct ix *ix = rd->ix;
	const char *c = rd->val[IX_N_CORRECTS];
	int64_t n = 0;
	mdate d;

	take_date(rd, IX_N_DATE, true, &d);
	take_text(rd, IX_N_AUTHOR, true, CF_FIELD_MAX, "an author");
	take_text(rd, IX_N_SUBJECT, true, CF_FIELD_MAX, "a subject");
	take_text(rd, IX_N_NOTE, true, CF_TEXT_MAX, "the note");
	if (k < 0)
		return;
	*position = ++ix->side[k].notes;
	if (c && (whole(c, INT32_MAX, &n) != 0 || n < 1 || n >= *position))
		val_fault(rd, IX_N_CORRECTS, "is not the place of an earlier "
			  "note of this case in the import (1 to %d; the "
			  "notes of offenders.csv count first)",
			  *position - 1);
}

static void
take_disclosure(struct rd *rd)
{
	const char *dec = rd->val[IX_X_DECISION];
	bool undertaking;
	mdate d;

	take_date(rd, IX_X_DATE, true, &d);
	if (dec && strcmp(dec, IX_DISCLOSE) != 0 &&
	    strcmp(dec, IX_NOT_DISCLOSE) != 0)
		val_fault(rd, IX_X_DECISION, "is not a decision ("
			  IX_DISCLOSE " or " IX_NOT_DISCLOSE ")");
	else if (dec == NULL)
		col_fault(rd, IX_X_DECISION, "no value; a decision ("
			  IX_DISCLOSE " or " IX_NOT_DISCLOSE ") is required");
	take_text(rd, IX_X_RECIPIENT, true, CF_FIELD_MAX, "a recipient");
	take_text(rd, IX_X_WHAT, true, CF_TEXT_MAX, "what was disclosed");
	take_text(rd, IX_X_WHY, true, CF_TEXT_MAX, "why");
	take_text(rd, IX_X_DECIDED_BY, false, CF_FIELD_MAX, "who decided");
	take_yes_no(rd, IX_X_UNDERTAKING, &undertaking);
	if (undertaking && dec && strcmp(dec, IX_NOT_DISCLOSE) == 0)
		val_fault(rd, IX_X_UNDERTAKING, "is not allowed: nothing was "
			  "disclosed, so there is no undertaking to sign");
	if (take_date(rd, IX_X_MEETING, false, &d) && d != MDATE_NONE) {
		if (rd->val[IX_X_LEVEL] == NULL)
			col_fault(rd, IX_X_LEVEL, "no value; a meeting's "
				  "decision needs the meeting's level (2 or "
				  "3)");
		else if (strcmp(rd->val[IX_X_LEVEL], "2") != 0 &&
			 strcmp(rd->val[IX_X_LEVEL], "3") != 0)
			val_fault(rd, IX_X_LEVEL, "is not a meeting's level "
				  "(2 or 3)");
	} else if (rd->val[IX_X_MEETING] == NULL) {
		if (rd->val[IX_X_LEVEL])
			val_fault(rd, IX_X_LEVEL, "is not used without a "
				  "meeting (leave it empty)");
		if (rd->val[IX_X_DECIDED_BY] == NULL)
			col_fault(rd, IX_X_DECIDED_BY, "no value; a decision "
				  "not made at a meeting needs the person who "
				  "made it");
	}
}

static void
take_fact(struct rd *rd)
{
	struct ix *ix = rd->ix;
	const char *const *v = rd->val;
	struct fact_key key = { MDATE_NONE, 0 };
	struct ix_fact f;
	int ncols = formats[rd->file].ncols;
	long k = -1;

	memset(&f, 0, sizeof f);
	if (v[0] == NULL)
		col_fault(rd, 0, "no value; a reference is required");
	else if (!ix_ref_valid(v[0]))
		val_fault(rd, 0, "%s", ref_rule);
	else
		k = resolve(rd, v[0], rd->vlen[0]);
	if (stopped(ix))
		return;
	switch (rd->file) {
	case IX_RISK:
		take_risk(rd);
		break;
	case IX_ASSESSMENTS:
		take_assessment(rd);
		break;
	case IX_DATES:
		take_dates(rd);
		break;
	case IX_ORDERS:
		take_order(rd, &key);
		break;
	case IX_OFFENCES:
		take_offence(rd);
		break;
	case IX_NOTES:
		take_note(rd, k, &f.position);
		break;
	default:
		take_disclosure(rd);
		break;
	}
	if (rd->bad || stopped(ix) || k < 0)
		return;
	f.file = rd->file;
	f.offender = (uint32_t)k;
	f.line = rd->line;
	for (int c = 0; c < ncols; c++) {
		if (c == 0) {
			f.col[0] = ix->off[k].col[IX_O_REF];
			continue;
		}
		if (v[c] && (f.col[c] = arena_dup(ix, v[c], rd->vlen[c])) ==
			    NULL) {
			ix->failed = true;
			return;
		}
	}
	if (ix->nfact == ix->factcap) {
		size_t cap = ix->factcap;

		if (array_reserve(&ix->fact, &cap, ix->nfact + 1,
				  sizeof *ix->fact) ||
		    array_reserve(&ix->fkey, &ix->factcap, ix->nfact + 1,
				  sizeof *ix->fkey)) {
			ix->failed = true;
			return;
		}
	}
	ix->fkey[ix->nfact] = key;
	ix->fact[ix->nfact++] = f;
}

/* --- reading ------------------------------------------------------------------- */

static bool
blank_record(const struct csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		for (size_t k = 0; k < rec->f[i].len; k++)
			if (rec->f[i].s[k] != ' ')
				return false;
	return true;
}

static void
take_record(struct rd *rd, const struct csv_record *rec)
{
	rd->line = rec->line;
	rd->bad = false;
	if (rec->flags & CSV_BAD_QUOTING) {
		for (size_t i = 0; i < rec->n; i++) {
			unsigned fl = rec->f[i].flags;
			const char *why;
			char col[64];

			if (!(fl & CSV_BAD_QUOTING))
				continue;
			why = fl & CSV_UNCLOSED
				? "a quoted field that starts here is not "
				  "closed before the end of the file"
				: fl & CSV_STRAY_QUOTE
				? "a quote inside an unquoted field (quote the "
				  "whole field and double the quote: "
				  "\"a \"\"b\"\" c\")"
				: "text after the closing quote (double a quote "
				  "inside quotes: \"a \"\"b\"\" c\")";
			if (i < rd->nheader) {
				int c;

				for (c = 0; c < formats[rd->file].ncols; c++)
					if (rd->pos[c] == (int)i)
						break;
				snprintf(col, sizeof col, "column \"%s\"",
					 formats[rd->file].cols[c]);
			} else {
				snprintf(col, sizeof col, "field %zu", i + 1);
			}
			fault(rd, "%s: broken quoting: %s", col, why);
		}
		return;
	}
	if (blank_record(rec))
		return;
	if (rec->n != rd->nheader) {
		fault(rd, "the line has %zu field%s but the header has %zu "
		      "(a comma too many or too few, or a value with a comma "
		      "that is not quoted?)", rec->n, rec->n == 1 ? "" : "s",
		      rd->nheader);
		return;
	}
	if (take_values(rd, rec) != 0) {
		rd->ix->failed = true;
		return;
	}
	switch (rd->file) {
	case IX_OFFENDERS:
		take_offender(rd);
		break;
	case IX_EVENTS:
		take_event(rd);
		break;
	case IX_POPULATION:
		take_population(rd);
		break;
	default:
		take_fact(rd);
		break;
	}
}

int
ix_read(struct ix *ix, enum ix_file file, const char *name,
	struct csv_reader *r)
{
	struct csv_record rec;
	struct rd rd;
	size_t n = 0;
	int rc;

	memset(&rd, 0, sizeof rd);
	rd.ix = ix;
	rd.file = file;
	rd.name = name;
	rd.line = 1;
	ix->file_name[file] = name;
	if (file == IX_OFFENDERS)
		ix->offenders_name = name;
	else if (file == IX_EVENTS)
		ix->events_name = name;
	if (stopped(ix))
		return ix->failed ? -1 : 0;
	rc = csv_read(r, &rec);
	if (rc == 0) {
		struct strbuf sb;

		sb_init(&sb);
		for (int c = 0; c < formats[file].ncols; c++)
			sb_printf(&sb, "%s%s", c ? "," : "",
				  formats[file].cols[c]);
		fault(&rd, "the file is empty; its first line must be the "
		      "header, e.g. %s", sb_str(&sb));
		sb_free(&sb);
		return 0;
	}
	if (rc > 0 && read_header(&rd, &rec) != 0)
		return 0;
	while (rc > 0 && !stopped(ix) && (rc = csv_read(r, &rec)) > 0) {
		take_record(&rd, &rec);
		if (++n % PROGRESS_EVERY == 0 && ix->h.progress)
			ix->h.progress(ix->h.ctx, file, n);
	}
	if (rc < 0) {
		rd.line = csv_reader_error_line(r);
		rd.bad = false;
		if (ix->nerr == IX_MAX_ERRORS)
			free(ix->err[--ix->nerr]);
		fault(&rd, "%s", csv_reader_error(r));
		ix->failed = true;
		return -1;
	}
	if (ix->h.progress && !stopped(ix))
		ix->h.progress(ix->h.ctx, file, n);
	return ix->failed ? -1 : 0;
}

/* --- checking histories ---------------------------------------------------------- */

static int
cmp_event(const void *a, const void *b)
{
	const struct ix_event *x = a, *y = b;

	if (x->ev.date != y->ev.date)
		return x->ev.date < y->ev.date ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

struct late {
	unsigned long line;
	char *msg;
};

/* The faults found late, to be sorted by line. */
struct lates {
	struct late *v;
	size_t n, cap;
};

/* Add MSG (NULL: out of memory) at LINE to L; -1 out of memory, MSG
 * freed. */
static int
late_add(struct lates *l, unsigned long line, char *msg)
{
	if (msg == NULL ||
	    array_reserve(&l->v, &l->cap, l->n + 1, sizeof *l->v) != 0) {
		free(msg);
		return -1;
	}
	l->v[l->n].line = line;
	l->v[l->n++].msg = msg;
	return 0;
}

static int
cmp_late(const void *a, const void *b)
{
	const struct late *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

/* The fault of new event E, which WHY refused. */
static char *
refused(const struct ix *ix, const struct side *sd, const struct ix_event *e,
	const char *why)
{
	const char *name = ix->events_name;
	char date[MDATE_BUFSZ];
	const char *type = ev_type_name(e->ev.type);
	const char *known = sd->nhist ? " (with the history already in the "
					"database)" : "";

	date_format(e->ev.date, date);
	if (strstr(why, "Category 3")) {
		bool cat = e->ev.type == EV_CATEGORY;

		return format("%s:%lu: column \"%s\": \"%d\" is not allowed on "
			      "%s: %s (on one day, change the level before "
			      "the category)%s", name, e->line,
			      cat ? "category" : "level",
			      cat ? e->ev.category : e->ev.level, date, why,
			      known);
	}
	return format("%s:%lu: column \"event\": \"%s\" is not allowed on %s: "
		      "%s%s", name, e->line, type, date, why, known);
}

int
ix_check(struct ix *ix)
{
	struct ix_event *sorted;
	size_t *at;
	struct lates late = { 0 };

	if (ix->checked)
		return 0;
	ix->checked = true;
	/* Group the events by offender, keeping file order. */
	if ((at = calloc(ix->noff + 1, sizeof *at)) == NULL)
		return -1;
	if ((sorted = malloc((ix->nev ? ix->nev : 1) * sizeof *sorted)) ==
	    NULL) {
		free(at);
		return -1;
	}
	for (size_t i = 0; i < ix->nev; i++)
		at[ix->ev[i].offender + 1]++;
	for (size_t k = 0; k < ix->noff; k++)
		at[k + 1] += at[k];
	for (size_t k = 0; k < ix->noff; k++) {
		ix->off[k].evs = sorted + at[k];
		ix->off[k].nev = at[k + 1] - at[k];
	}
	for (size_t i = 0; i < ix->nev; i++)
		sorted[at[ix->ev[i].offender]++] = ix->ev[i];
	free(at);
	free(ix->ev);
	ix->ev = sorted;
	for (size_t k = 0; k < ix->noff; k++) {
		struct ix_event *v = sorted + (ix->off[k].evs - sorted);
		size_t n = ix->off[k].nev;

		for (size_t i = 1; i < n; i++) {
			if (v[i].ev.date < v[i - 1].ev.date) {
				qsort(v, n, sizeof *v, cmp_event);
				break;
			}
		}
	}
	if (stopped(ix))
		return 0;
	/* Replay each history, the recorded events first on a date. */
	for (size_t k = 0; k < ix->noff; k++) {
		const struct ix_offender *o = &ix->off[k];
		const struct side *sd = &ix->side[k];
		const struct ix_event *evs = o->evs;
		struct ev_state st = { 0 };
		size_t i = 0, j = 0;
		char *msg = NULL;
		unsigned long line = 0;

		if (sd->bad || o->nev == 0)
			continue;
		while ((i < sd->nhist || j < o->nev) && msg == NULL) {
			const char *why;

			if (i < sd->nhist &&
			    (j == o->nev || sd->hist[i].date <= evs[j].ev.date)) {
				if ((why = ev_apply(&st, &sd->hist[i])) != NULL) {
					char d1[MDATE_BUFSZ], d2[MDATE_BUFSZ];
					const struct ix_event *e =
						&evs[j ? j - 1 : 0];

					line = e->line;
					msg = format("%s:%lu: column \"event\": "
						     "\"%s\" on %s is not "
						     "allowed: the %s on %s "
						     "already in the database "
						     "would then fail (%s)",
						     ix->events_name, line,
						     ev_type_name(e->ev.type),
						     date_format(e->ev.date, d1),
						     ev_type_name(
							     sd->hist[i].type),
						     date_format(
							     sd->hist[i].date,
							     d2),
						     why);
					if (msg == NULL)
						goto oom;
				}
				i++;
			} else {
				if ((why = ev_apply(&st, &evs[j].ev)) != NULL) {
					line = evs[j].line;
					msg = refused(ix, sd, &evs[j], why);
					if (msg == NULL)
						goto oom;
				}
				j++;
			}
		}
		if (msg && late_add(&late, line, msg) != 0)
			goto oom;
	}
	/* An order's end names an order of the history. */
	for (size_t i = 0; i < ix->nfact; i++) {
		const struct ix_fact *f = &ix->fact[i];
		const struct fact_key *key = &ix->fkey[i];
		const struct ix_offender *o = &ix->off[f->offender];
		const struct side *sd = &ix->side[f->offender];
		bool found = false;
		char d[MDATE_BUFSZ], *msg;

		if (f->file != IX_ORDERS)
			continue;
		for (size_t j = 0; j < o->nev && !found; j++)
			found = o->evs[j].ev.type == EV_ORDER &&
				o->evs[j].ev.kind == key->kind &&
				o->evs[j].ev.date == key->date;
		for (size_t j = 0; j < sd->nhist && !found; j++)
			found = sd->hist[j].type == EV_ORDER &&
				sd->hist[j].kind == key->kind &&
				sd->hist[j].date == key->date;
		if (found)
			continue;
		msg = format("%s:%lu: column \"kind\": \"%s\" made on %s is not "
			     "an order of the case (an order event in %s or "
			     "the database)", ix->file_name[IX_ORDERS],
			     f->line, f->col[IX_OR_KIND],
			     date_format(key->date, d),
			     ix->events_name ? ix->events_name : "events.csv");
		if (late_add(&late, f->line, msg) != 0)
			goto oom;
	}
	if (late.n > 1)
		qsort(late.v, late.n, sizeof *late.v, cmp_late);
	for (size_t i = 0; i < late.n; i++)
		keep(ix, late.v[i].msg);
	free(late.v);
	return 0;
oom:
	for (size_t i = 0; i < late.n; i++)
		free(late.v[i].msg);
	free(late.v);
	return -1;
}

/* --- results -------------------------------------------------------------------- */

size_t
ix_error_count(const struct ix *ix)
{
	return ix->nerr;
}

const char *
ix_error(const struct ix *ix, size_t i)
{
	return i < ix->nerr ? ix->err[i] : NULL;
}

bool
ix_more_errors(const struct ix *ix)
{
	return ix->more;
}

size_t
ix_offender_count(const struct ix *ix)
{
	return ix->noff;
}

const struct ix_offender *
ix_offender(const struct ix *ix, size_t i)
{
	return &ix->off[i];
}

size_t
ix_event_count(const struct ix *ix)
{
	return ix->nev;
}

size_t
ix_population_count(const struct ix *ix)
{
	return ix->npop;
}

const struct ix_population *
ix_population(const struct ix *ix, size_t i)
{
	return &ix->pop[i];
}

size_t
ix_fact_count(const struct ix *ix)
{
	return ix->nfact;
}

const struct ix_fact *
ix_fact(const struct ix *ix, size_t i)
{
	return &ix->fact[i];
}

/* --- writing --------------------------------------------------------------------- */

int
ix_write_header(FILE *out, enum ix_file file)
{
	return ix_write_header_keep(out, file, ~0u);
}

int
ix_write_header_keep(FILE *out, enum ix_file file, unsigned keep)
{
	const char *names[16];
	size_t n = 0;

	for (int c = 0; c < formats[file].ncols; c++)
		if (keep & (1u << c))
			names[n++] = formats[file].cols[c];
	return csv_write_record(out, names, n);
}

int
ix_write_row(FILE *out, enum ix_file file, const char *const *col)
{
	return ix_write_row_keep(out, file, col, ~0u);
}

int
ix_write_row_keep(FILE *out, enum ix_file file, const char *const *col,
		  unsigned keep)
{
	bool first = true;

	for (int c = 0; c < formats[file].ncols; c++) {
		const char *s = col[c];
		size_t len;

		if (!(keep & (1u << c)))
			continue;
		if (!first && putc(',', out) == EOF)
			return -1;
		first = false;
		if (s == NULL)
			continue;
		len = strlen(s);
		if (!is_free_text(file, c)) {
			while (len && *s == ' ')
				s++, len--;
			while (len && s[len - 1] == ' ')
				len--;
		}
		if (csv_write_field(out, s, len) != 0)
			return -1;
	}
	return putc('\n', out) == EOF ? -1 : 0;
}

bool
ix_identifying(int col)
{
	switch (col) {
	case IX_O_REF: case IX_O_SURNAME: case IX_O_FORENAMES: case IX_O_DOB:
	case IX_O_PNC: case IX_O_CRN: case IX_O_VISOR: case IX_O_NOTES:
		return true;
	default:
		return false;
	}
}

int
ix_offender_column(const char *name)
{
	const char *const *cols = formats[IX_OFFENDERS].cols;

	for (int c = 0; c < formats[IX_OFFENDERS].ncols; c++)
		if (strcasecmp(cols[c], name) == 0)
			return c;
	return -1;
}
