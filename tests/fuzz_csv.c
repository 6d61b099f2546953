/*
 * fuzz_csv.c -- a libFuzzer target for the CSV reader (core/csv.c) and
 * the importer's checks (core/interchange.c), and, built with
 * -DFUZZ_STANDALONE, a driver that runs saved inputs through the same
 * code for `make check` (tests/fuzz/corpus, tests/fuzz/regress).
 *
 * Beside "no crash, no leak, no undefined behaviour", it holds three
 * properties:
 *
 *   - reading in chunks of any size gives the records reading all at
 *     once gives;
 *   - whatever the reader returns, the writer writes so that the reader
 *     reads it back the same;
 *   - whatever the importer accepts, export writes so that the importer
 *     accepts it again with the same values (the round trip).
 *
 * The first byte chooses what to run: 0 the reader; 1 offenders.csv;
 * 2 events.csv (after a small offenders file, with two offenders "in the
 * database"); 3 population.csv; 4 offenders and events, split at the
 * first line "%%".
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/interchange.h"
#include "core/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                           \
	do {                                                               \
		if (!(c)) {                                                \
			fprintf(stderr, "%s:%d: property failed: %s\n",    \
				__FILE__, __LINE__, #c);                   \
			abort();                                           \
		}                                                          \
	} while (0)

/* --- the reader ----------------------------------------------------------- */

struct chunks {
	const char *s;
	size_t len, pos, step;
};

static long
chunk_read(void *ctx, char *buf, size_t n)
{
	struct chunks *c = ctx;
	size_t k = c->len - c->pos;

	if (k > c->step)
		k = c->step;
	if (k > n)
		k = n;
	memcpy(buf, c->s + c->pos, k);
	c->pos += k;
	return (long)k;
}

/* Every record of R, spelled out with lengths and flags, into SB;
 * the last csv_read() result. */
static int
spell(struct csv_reader *r, struct strbuf *sb)
{
	struct csv_record rec;
	int rc;

	while ((rc = csv_read(r, &rec)) == 1) {
		sb_printf(sb, "%lu/%zu/%x:", rec.line, rec.n, rec.flags);
		for (size_t i = 0; i < rec.n; i++) {
			sb_printf(sb, "%zu/%x/%x=", rec.f[i].len,
				  rec.f[i].flags, (unsigned)rec.f[i].ctrl);
			sb_addn(sb, rec.f[i].s, rec.f[i].len);
		}
		sb_add(sb, "\n");
	}
	return rc;
}

/* Write REC (after a header line, so that a leading BOM in a value is not
 * taken for the file's) and read it back: the same values. */
static void
write_back(const struct csv_record *rec)
{
	const char **v = malloc(rec->n * sizeof *v);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct csv_reader *r;
	struct csv_record got;
	bool has_nul = false;

	CHECK(v && f);
	for (size_t i = 0; i < rec->n; i++) {
		v[i] = rec->f[i].s;
		has_nul |= strlen(rec->f[i].s) != rec->f[i].len;
	}
	fputs("h\n", f);
	CHECK(csv_write_record(f, v, rec->n) == 0);
	fclose(f);
	free(v);
	if (has_nul) {
		/* The writer takes C strings: a NUL ends the value. */
		free(buf);
		return;
	}
	r = csv_reader_mem(buf, len);
	CHECK(r);
	CHECK(csv_read(r, &got) == 1);
	CHECK(csv_read(r, &got) == 1);
	CHECK(got.n == rec->n);
	for (size_t i = 0; i < rec->n; i++) {
		/* A cell a spreadsheet would run went out behind an
		 * apostrophe; the interchange reader takes it back. */
		size_t skip = csv_formula_undo(got.f[i].s, got.f[i].len);

		CHECK(skip == (csv_formula_risk(rec->f[i].s, rec->f[i].len)
			       ? 1u : 0u));
		CHECK(got.f[i].len - skip == rec->f[i].len);
		CHECK(memcmp(got.f[i].s + skip, rec->f[i].s,
			     rec->f[i].len) == 0);
	}
	CHECK(csv_read(r, &got) == 0);
	csv_reader_free(r);
	free(buf);
}

static void
fuzz_reader(const char *s, size_t len, size_t step)
{
	struct strbuf a, b;
	struct csv_reader *r;
	struct chunks c = { s, len, 0, step };
	struct csv_record rec;
	int ra, rb, n = 0;

	sb_init(&a);
	sb_init(&b);
	r = csv_reader_mem(s, len);
	CHECK(r);
	ra = spell(r, &a);
	csv_reader_free(r);
	r = csv_reader_new(chunk_read, &c);
	CHECK(r);
	rb = spell(r, &b);
	csv_reader_free(r);
	CHECK(ra == rb);
	CHECK(!a.failed && !b.failed);
	CHECK(a.len == b.len && memcmp(sb_str(&a), sb_str(&b), a.len) == 0);
	sb_free(&a);
	sb_free(&b);
	r = csv_reader_mem(s, len);
	while (n++ < 64 && csv_read(r, &rec) == 1)
		write_back(&rec);
	csv_reader_free(r);
}

/* --- the importer ------------------------------------------------------------ */

/* Two offenders "in the database": DB1 registered, DB2 in custody. */
static int
fake_offender(void *ctx, const char *ref, int64_t *id, struct ev **evs,
	      size_t *n)
{
	(void)ctx;
	if (strcmp(ref, "DB1") != 0 && strcmp(ref, "DB2") != 0)
		return 0;
	*id = ref[2] == '1' ? 1 : 2;
	if (evs) {
		if ((*evs = calloc(1, sizeof **evs)) == NULL)
			return -1;
		date_parse("2010-01-01", &(*evs)[0].date);
		(*evs)[0].type = ref[2] == '1' ? EV_REGISTER : EV_CUSTODY;
		(*evs)[0].category = ref[2] == '1' ? 1 : 0;
		(*evs)[0].level = ref[2] == '1' ? 2 : 0;
		(*evs)[0].kind = ref[2] == '1' ? 0 : CUSTODY_REMAND;
		*n = 1;
	}
	return 1;
}

static int
fake_population(void *ctx, int year)
{
	(void)ctx;
	return year == 2000;
}

static const struct ix_hooks hooks = {
	NULL, fake_offender, fake_population, NULL
};

static struct ix *
import(const char *const text[IX_NFILES], const size_t len[IX_NFILES])
{
	static const char *const names[IX_NFILES] = {
		"offenders.csv", "events.csv", "population.csv",
	};
	struct ix *ix = ix_new(&hooks);

	CHECK(ix);
	for (int f = 0; f < IX_NFILES; f++) {
		struct csv_reader *r;

		if (text[f] == NULL)
			continue;
		r = csv_reader_mem(text[f], len[f]);
		CHECK(r);
		ix_read(ix, (enum ix_file)f, names[f], r);
		csv_reader_free(r);
	}
	CHECK(ix_check(ix) == 0);
	CHECK(ix_error_count(ix) <= IX_MAX_ERRORS);
	for (size_t i = 0; i < ix_error_count(ix); i++)
		CHECK(strlen(ix_error(ix, i)) > 0);
	return ix;
}

/* Write what IX accepted as export would, one string per file. */
static void
export(const struct ix *ix, char *buf[IX_NFILES], size_t len[IX_NFILES])
{
	FILE *f[IX_NFILES];
	char date[MDATE_BUFSZ], a[8], b[8], y[8], p[24];

	for (int k = 0; k < IX_NFILES; k++) {
		f[k] = open_memstream(&buf[k], &len[k]);
		CHECK(f[k]);
		CHECK(ix_write_header(f[k], (enum ix_file)k) == 0);
	}
	for (size_t i = 0; i < ix_offender_count(ix); i++) {
		const struct ix_offender *o = ix_offender(ix, i);

		if (o->line)
			CHECK(ix_write_row(f[IX_OFFENDERS], IX_OFFENDERS,
					   o->col) == 0);
		for (size_t j = 0; j < o->nev; j++) {
			const struct ev *e = &o->evs[j].ev;
			const char *col[IX_E_NCOLS];

			snprintf(a, sizeof a, "%d", e->category);
			snprintf(b, sizeof b, "%d", e->level);
			col[IX_E_REF] = o->col[IX_O_REF];
			col[IX_E_DATE] = date_format(e->date, date);
			col[IX_E_EVENT] = ev_type_name(e->type);
			col[IX_E_CATEGORY] = e->category ? a : NULL;
			col[IX_E_LEVEL] = e->level ? b : NULL;
			col[IX_E_KIND] = ev_kind_name(e->type, e->kind);
			col[IX_E_NOTE] = o->evs[j].note;
			CHECK(ix_write_row(f[IX_EVENTS], IX_EVENTS, col) == 0);
		}
	}
	for (size_t i = 0; i < ix_population_count(ix); i++) {
		const struct ix_population *q = ix_population(ix, i);
		const char *col[IX_P_NCOLS] = { y, p, q->source };

		snprintf(y, sizeof y, "%d", q->year);
		snprintf(p, sizeof p, "%lld", (long long)q->people);
		CHECK(ix_write_row(f[IX_POPULATION], IX_POPULATION, col) == 0);
	}
	for (int k = 0; k < IX_NFILES; k++)
		fclose(f[k]);
}

static bool
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a && b && strcmp(a, b) == 0);
}

/* What IX accepted comes back the same through export and import. */
static void
round_trip(const struct ix *ix)
{
	char *buf[IX_NFILES];
	size_t len[IX_NFILES];
	const char *text[IX_NFILES];
	struct ix *back;

	export(ix, buf, len);
	for (int k = 0; k < IX_NFILES; k++)
		text[k] = buf[k];
	back = import(text, len);
	for (size_t i = 0; i < ix_error_count(back); i++)
		fprintf(stderr, "round trip: %s\n", ix_error(back, i));
	CHECK(ix_error_count(back) == 0);
	CHECK(ix_offender_count(back) == ix_offender_count(ix));
	CHECK(ix_event_count(back) == ix_event_count(ix));
	CHECK(ix_population_count(back) == ix_population_count(ix));
	for (size_t i = 0; i < ix_offender_count(ix); i++) {
		const struct ix_offender *a = ix_offender(ix, i);
		const struct ix_offender *b = ix_offender(back, i);

		CHECK(a->nev == b->nev);
		CHECK(a->db_id == b->db_id);
		for (int c = 0; c < IX_O_NCOLS; c++)
			CHECK(same(a->col[c], b->col[c]));
		for (size_t j = 0; j < a->nev; j++) {
			CHECK(memcmp(&a->evs[j].ev, &b->evs[j].ev,
				     sizeof a->evs[j].ev) == 0);
			CHECK(same(a->evs[j].note, b->evs[j].note));
		}
	}
	for (size_t i = 0; i < ix_population_count(ix); i++) {
		CHECK(ix_population(ix, i)->year ==
		      ix_population(back, i)->year);
		CHECK(ix_population(ix, i)->people ==
		      ix_population(back, i)->people);
		CHECK(same(ix_population(ix, i)->source,
			   ix_population(back, i)->source));
	}
	ix_free(back);
	for (int k = 0; k < IX_NFILES; k++)
		free(buf[k]);
}

static const char some_offenders[] =
	"ref,surname\nA1,Smith\nA2,Jones\nB/7,O'Neill\n";

static void
fuzz_import(int mode, const char *s, size_t n)
{
	const char *text[IX_NFILES] = { NULL, NULL, NULL };
	size_t len[IX_NFILES] = { 0, 0, 0 };
	const char *cut;
	struct ix *ix;

	switch (mode) {
	case 1:
		text[IX_OFFENDERS] = s;
		len[IX_OFFENDERS] = n;
		break;
	case 2:
		text[IX_OFFENDERS] = some_offenders;
		len[IX_OFFENDERS] = sizeof some_offenders - 1;
		text[IX_EVENTS] = s;
		len[IX_EVENTS] = n;
		break;
	case 3:
		text[IX_POPULATION] = s;
		len[IX_POPULATION] = n;
		break;
	default:
		cut = memmem(s, n, "\n%%\n", 4);
		text[IX_OFFENDERS] = s;
		len[IX_OFFENDERS] = cut ? (size_t)(cut - s) + 1 : n;
		if (cut) {
			text[IX_EVENTS] = cut + 4;
			len[IX_EVENTS] = n - (size_t)(cut + 4 - s);
		}
		break;
	}
	ix = import(text, len);
	if (ix_error_count(ix) == 0 && !ix_more_errors(ix))
		round_trip(ix);
	ix_free(ix);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + 2;
	int mode;

	if (size < 2)
		return 0;
	mode = data[0] % 5;
	if (mode == 0)
		fuzz_reader(s, size - 2, 1 + data[1] % 13);
	else
		fuzz_import(mode, s, size - 2);
	return 0;
}

#ifdef FUZZ_STANDALONE
/* Run every file named, or every file of the folders named, once. */
#include <dirent.h>
#include <sys/stat.h>

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		perror(path);
		if (f)
			fclose(f);
		return 1;
	}
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		free(buf);
		fclose(f);
		return 1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 0;
}

static int
run_path(const char *path, int *count)
{
	struct stat sb;
	DIR *d;
	struct dirent *de;
	char sub[4200];
	int bad = 0;

	if (stat(path, &sb) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		(*count)++;
		return run_file(path);
	}
	if ((d = opendir(path)) == NULL) {
		perror(path);
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
		bad |= run_path(sub, count);
	}
	closedir(d);
	return bad;
}

int
main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir");
	char corpus[4200], regress[4200];
	int bad = 0, count = 0;

	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			bad |= run_path(argv[i], &count);
	} else {
		snprintf(corpus, sizeof corpus, "%s/tests/fuzz/corpus",
			 top ? top : ".");
		snprintf(regress, sizeof regress, "%s/tests/fuzz/regress",
			 top ? top : ".");
		bad |= run_path(corpus, &count);
		bad |= run_path(regress, &count);
	}
	printf("%d inputs run\n", count);
	return bad;
}
#endif
