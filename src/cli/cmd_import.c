/*
 * cmd_import.c -- `mappa import [--offenders F] [--events F]
 * [--population F] [--risk F] [--assessments F] [--dates F] [--orders F]
 * [--offences F] [--notes F] [--disclosures F]`: the interchange files
 * (interchange.md, doc/interchange-casefile.md) into the database, all or
 * nothing.
 *
 * Every file is read whole into memory before the database is opened, so
 * a slow or stuck input (a pipe, a FIFO, a dropped link) holds up only
 * this command, never the others' reads and writes.  Then the import
 * takes the database's write lock, so what the checks see (refs and
 * histories already recorded) is what the writes meet.
 * core/interchange.c checks the files; only when they are faultless does
 * anything reach the data layer, which checks every record again as it
 * writes.  "-" is standard input (one file per run): the way files
 * travel under a forced command (mappa(1), DEPLOYMENT).  Any fault, at either stage, rolls the one
 * transaction back; a database this command created for the import is
 * removed again, so a failed import leaves nothing behind.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/casefile.h"
#include "core/interchange.h"
#include "core/util.h"

#define YEARS (IX_YEAR_MAX - IX_YEAR_MIN + 1)

struct importer {
	struct db *db;
	bool tty, shown_any;
	struct timespec start, shown;
	size_t total;         /* events to write */
	unsigned char year[YEARS]; /* population years already recorded */
	const char *const *path;   /* the files, as given */
};

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	       (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/*
 * Show progress on a terminal only, at most ten times a second (always
 * when FINAL): "mappa: WHAT DONE[/TOTAL] UNIT (RATE/s)".
 */
static void
show(struct importer *im, const char *what, size_t done, size_t total,
     const char *unit, bool final)
{
	struct timespec now;
	double secs, rate;
	char count[64];

	if (!im->tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!final && since(&im->shown, &now) < 0.1)
		return;
	im->shown = now;
	im->shown_any = true;
	secs = since(&im->start, &now);
	rate = secs > 0 ? (double)done / secs : 0;
	if (total)
		snprintf(count, sizeof count, "%zu/%zu", done, total);
	else
		snprintf(count, sizeof count, "%zu", done);
	fprintf(stderr, "\r%s: %s %s %s (%.0f/s)\033[K", cli_progname, what,
		count, unit, rate);
	fflush(stderr);
}

static void
end_progress(struct importer *im)
{
	if (im->shown_any)
		fputc('\n', stderr);
	im->shown_any = false;
}

static int
hook_offender(void *ctx, const char *ref, int64_t *id, struct ev **evs,
	      size_t *n)
{
	struct importer *im = ctx;
	bool erased = false;

	switch (db_offender_find(im->db, ref, id, &erased, evs, n)) {
	case DB_OK:
		return erased ? 2 : 1;
	case DB_NOTFOUND:
		return 0;
	default:
		return -1;
	}
}

static int
hook_population(void *ctx, int year)
{
	struct importer *im = ctx;

	return year >= IX_YEAR_MIN && year <= IX_YEAR_MAX &&
	       im->year[year - IX_YEAR_MIN];
}

static int
hook_tool(void *ctx, const char *tool)
{
	struct importer *im = ctx;
	struct db_tools tools = { 0 };
	int found = 0;

	if (db_score_tools(im->db, &tools) != DB_OK)
		return -1;
	for (int i = 0; i < tools.n && !found; i++)
		found = strcasecmp(tool, tools.v[i].name) == 0;
	db_list_free(&tools);
	return found;
}

static void
hook_progress(void *ctx, enum ix_file file, size_t records)
{
	struct importer *im = ctx;
	char what[48];

	snprintf(what, sizeof what, "reading %s:", ix_file_name(file));
	show(im, what, records, 0, "lines", false);
}

/* Note the years whose population the database holds already. */
static enum db_status
note_years(struct importer *im)
{
	struct db_populations list = { 0 };
	enum db_status st = db_population_list(im->db, &list);

	for (int i = 0; st == DB_OK && i < list.n; i++)
		if (list.v[i].year >= IX_YEAR_MIN &&
		    list.v[i].year <= IX_YEAR_MAX)
			im->year[list.v[i].year - IX_YEAR_MIN] = 1;
	db_list_free(&list);
	return st;
}

/* Fill R from the checked line O. */
static void
offender_record(struct db_offender *r, const struct ix_offender *o)
{
	static const struct {
		int col;
		size_t off, size;
	} text[] = {
#define F(c, m) { c, offsetof(struct db_offender, m), \
		  sizeof(((struct db_offender *)0)->m) }
		F(IX_O_REF, ref), F(IX_O_SURNAME, surname),
		F(IX_O_FORENAMES, forenames), F(IX_O_DOB, dob),
		F(IX_O_GENDER, gender), F(IX_O_PNC, pnc), F(IX_O_CRN, crn),
		F(IX_O_VISOR, visor), F(IX_O_DISTRICT, district),
		F(IX_O_LEAD_AGENCY, lead_agency),
#undef F
	};

	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < NELEM(text); i++)
		if (o->col[text[i].col])
			str_copy((char *)r + text[i].off, o->col[text[i].col],
				 text[i].size);
	r->notes = (char *)o->col[IX_O_NOTES];
}

static const char *
or_empty(const char *s)
{
	return s ? s : "";
}

/*
 * The id of the note that note fact I (of IX's facts; NOTE_ID[0..I) the
 * ids written so far) corrects, its place C among the case's notes; 0
 * when not found.
 */
static int64_t
corrected(struct db *db, const struct ix *ix, size_t i, int c,
	  const int64_t *note_id, int64_t offender)
{
	const struct ix_fact *f = ix_fact(ix, i);
	struct db_notes notes = { 0 };
	int64_t id = 0;

	while (i-- > 0) {
		const struct ix_fact *g = ix_fact(ix, i);

		if (g->file == IX_NOTES && g->offender == f->offender &&
		    g->position == c)
			return note_id[i];
	}
	/* The first note, from offenders.csv's notes column: the last
	 * listed, newest first. */
	if (c == 1 && db_note_list(db, offender, &notes) == DB_OK &&
	    notes.n > 0)
		id = notes.v[notes.n - 1].id;
	db_list_free(&notes);
	return id;
}

/* Write fact I of IX for the offender with id OFFENDER. */
static enum db_status
write_fact(struct db *db, const struct ix *ix, size_t i, int64_t offender,
	   int64_t *note_id)
{
	const struct ix_fact *f = ix_fact(ix, i);
	const char *const *v = f->col;
	enum db_status st = DB_INVALID;

	switch (f->file) {
	case IX_RISK: {
		struct db_risk r = { 0 };

		str_copy(r.date, v[IX_R_DATE], sizeof r.date);
		r.rosh = cf_rosh_parse(v[IX_R_ROSH]);
		if (v[IX_R_AT_RISK])
			cf_at_risk_parse_set(v[IX_R_AT_RISK], &r.at_risk, NULL);
		str_copy(r.assessor, or_empty(v[IX_R_ASSESSOR]),
			 sizeof r.assessor);
		st = db_risk_add(db, offender, &r);
		break;
	}
	case IX_ASSESSMENTS: {
		struct db_score sc = { 0 };

		str_copy(sc.date, v[IX_A_DATE], sizeof sc.date);
		str_copy(sc.tool, v[IX_A_TOOL], sizeof sc.tool);
		str_copy(sc.score, v[IX_A_SCORE], sizeof sc.score);
		st = db_score_add(db, offender, &sc);
		break;
	}
	case IX_DATES: {
		struct db_key_dates k;

		db_key_dates_init(&k);
		str_copy(k.sentence_expiry, or_empty(v[IX_D_SENTENCE_EXPIRY]),
			 sizeof k.sentence_expiry);
		str_copy(k.licence_expiry, or_empty(v[IX_D_LICENCE_EXPIRY]),
			 sizeof k.licence_expiry);
		str_copy(k.expected_release,
			 or_empty(v[IX_D_EXPECTED_RELEASE]),
			 sizeof k.expected_release);
		k.release_type = v[IX_D_RELEASE_TYPE]
			? cf_release_parse(v[IX_D_RELEASE_TYPE]) : -1;
		str_copy(k.notification_end,
			 or_empty(v[IX_D_NOTIFICATION_END]),
			 sizeof k.notification_end);
		str_copy(k.mappa_j_sent, or_empty(v[IX_D_MAPPA_J_SENT]),
			 sizeof k.mappa_j_sent);
		st = db_key_dates_set(db, offender, &k);
		break;
	}
	case IX_ORDERS: {
		struct db_order_end oe = { 0 };

		oe.kind = ev_kind_parse(EV_ORDER, v[IX_OR_KIND]);
		str_copy(oe.made, v[IX_OR_MADE], sizeof oe.made);
		str_copy(oe.ends, or_empty(v[IX_OR_ENDS]), sizeof oe.ends);
		st = db_order_end_set(db, offender, &oe);
		break;
	}
	case IX_OFFENCES: {
		struct db_offence o = { 0 };

		o.is_index = v[IX_F_INDEX] && strcmp(v[IX_F_INDEX], IX_YES) == 0;
		str_copy(o.description, or_empty(v[IX_F_DESCRIPTION]),
			 sizeof o.description);
		str_copy(o.date, or_empty(v[IX_F_DATE]), sizeof o.date);
		str_copy(o.court, or_empty(v[IX_F_COURT]), sizeof o.court);
		str_copy(o.sentence, or_empty(v[IX_F_SENTENCE]),
			 sizeof o.sentence);
		st = db_offence_add(db, offender, &o);
		break;
	}
	case IX_NOTES: {
		struct db_note n = { 0 };

		str_copy(n.date, v[IX_N_DATE], sizeof n.date);
		str_copy(n.author, v[IX_N_AUTHOR], sizeof n.author);
		str_copy(n.subject, or_empty(v[IX_N_SUBJECT]),
			 sizeof n.subject);
		str_copy(n.text, or_empty(v[IX_N_NOTE]), sizeof n.text);
		if (v[IX_N_CORRECTS] &&
		    (n.corrects = corrected(db, ix, i, atoi(v[IX_N_CORRECTS]),
					    note_id, offender)) == 0) {
			cli_error("%s: the note it corrects was not found",
				  v[IX_N_REF]);
			return DB_INVALID;
		}
		st = db_note_add(db, offender, &n);
		note_id[i] = n.id;
		break;
	}
	case IX_DISCLOSURES: {
		struct db_disclosure d = { 0 };
		mdate md;

		str_copy(d.date, v[IX_X_DATE], sizeof d.date);
		d.disclosed = strcmp(v[IX_X_DECISION], IX_DISCLOSE) == 0;
		str_copy(d.recipient, or_empty(v[IX_X_RECIPIENT]),
			 sizeof d.recipient);
		str_copy(d.what, or_empty(v[IX_X_WHAT]), sizeof d.what);
		str_copy(d.why, or_empty(v[IX_X_WHY]), sizeof d.why);
		d.undertaking = v[IX_X_UNDERTAKING] &&
				strcmp(v[IX_X_UNDERTAKING], IX_YES) == 0;
		if (v[IX_X_MEETING] && date_parse(v[IX_X_MEETING], &md) == 0) {
			st = db_meeting_ensure(db, md, atoi(v[IX_X_LEVEL]),
					       v[IX_X_DECIDED_BY],
					       &d.meeting_id);
			if (st != DB_OK)
				break;
		} else {
			str_copy(d.decided_by, or_empty(v[IX_X_DECIDED_BY]),
				 sizeof d.decided_by);
		}
		st = db_disclosure_add(db, offender, &d);
		break;
	}
	default:
		break;
	}
	return st;
}

/* Write the case file's facts of IX, after the offenders (their ids in
 * IDS, by IX's offender index). */
static enum db_status
write_facts(struct importer *im, struct db_import *dbi, const struct ix *ix,
	    const int64_t *ids)
{
	size_t n = ix_fact_count(ix);
	int64_t *note_id;
	enum db_status st;

	if (n == 0)
		return DB_OK;
	if ((st = db_import_facts(dbi)) != DB_OK)
		return st;
	if ((note_id = calloc(n, sizeof *note_id)) == NULL) {
		cli_error("out of memory");
		return DB_ERROR;
	}
	for (size_t i = 0; i < n && st == DB_OK; i++) {
		const struct ix_fact *f = ix_fact(ix, i);

		st = write_fact(im->db, ix, i, ids[f->offender], note_id);
		if (st != DB_OK && db_errmsg(im->db)[0])
			cli_error("%s:%lu: %s", im->path[f->file], f->line,
				  db_errmsg(im->db));
	}
	free(note_id);
	return st;
}

/* Write what IX holds through the data layer; the import's outcome. */
static enum db_status
write_all(struct importer *im, struct db_import *dbi, const struct ix *ix)
{
	struct db_event *evs = NULL;
	size_t cap = 0;
	enum db_status st = DB_OK;
	struct db_offender r;
	int64_t *ids = calloc(ix_offender_count(ix) + 1, sizeof *ids);

	if (ids == NULL) {
		cli_error("out of memory");
		return DB_ERROR;
	}
	clock_gettime(CLOCK_MONOTONIC, &im->start);
	for (size_t k = 0; k < ix_offender_count(ix) && st == DB_OK; k++) {
		const struct ix_offender *o = ix_offender(ix, k);

		if (array_reserve(&evs, &cap, o->nev, sizeof *evs) != 0) {
			free(evs);
			free(ids);
			cli_error("out of memory");
			return DB_ERROR;
		}
		for (size_t i = 0; i < o->nev; i++) {
			memset(&evs[i], 0, sizeof evs[i]);
			evs[i].ev = o->evs[i].ev;
			evs[i].note = o->evs[i].note;
			evs[i].source = SRC_IMPORT;
		}
		if (o->db_id) {
			st = db_import_events(dbi, o->db_id, evs, o->nev);
			ids[k] = o->db_id;
		} else {
			offender_record(&r, o);
			st = db_import_offender(dbi, &r, evs, o->nev);
			ids[k] = r.id;
		}
		if (st == DB_OK && (k & 255) == 0)
			show(im, "writing:", db_import_done(dbi), im->total,
			     "events", false);
	}
	free(evs);
	for (size_t i = 0; i < ix_population_count(ix) && st == DB_OK; i++) {
		const struct ix_population *p = ix_population(ix, i);

		st = db_population_add(im->db, p->year, p->people, p->source);
	}
	if (st == DB_OK)
		st = write_facts(im, dbi, ix, ids);
	free(ids);
	if (st == DB_OK)
		show(im, "writing:", db_import_done(dbi), im->total, "events",
		     true);
	return st;
}

/* Read all of FD (named NAME) into SB; -1 after a message. */
static int
slurp(int fd, const char *name, struct strbuf *sb)
{
	char buf[1 << 16];

	for (;;) {
		ssize_t got = read(fd, buf, sizeof buf);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			cli_error("%s: %s", name, strerror(errno));
			return -1;
		}
		if (got == 0)
			break;
		sb_addn(sb, buf, (size_t)got);
		if (sb->failed) {
			cli_error("%s: out of memory", name);
			return -1;
		}
	}
	return 0;
}

/* Check the files read into DATA; 0 when they are faultless. */
static int
check_files(struct importer *im, struct ix *ix, const char *const *path,
	    const struct strbuf *data)
{
	int rc = 0;

	for (int f = 0; f < IX_NFILES && rc == 0; f++) {
		struct csv_reader *r;

		if (path[f] == NULL)
			continue;
		if ((r = csv_reader_mem(data[f].s ? data[f].s : "",
					data[f].len)) == NULL) {
			cli_error("out of memory");
			return -1;
		}
		clock_gettime(CLOCK_MONOTONIC, &im->start);
		if (ix_read(ix, (enum ix_file)f, path[f], r) != 0)
			rc = -1;
		csv_reader_free(r);
	}
	if (ix_check(ix) != 0) {
		cli_error("out of memory");
		return -1;
	}
	end_progress(im);
	for (size_t i = 0; i < ix_error_count(ix); i++)
		fprintf(stderr, "%s\n", ix_error(ix, i));
	if (ix_more_errors(ix))
		cli_error("import: stopped after %d errors", IX_MAX_ERRORS);
	return rc == 0 && ix_error_count(ix) == 0 ? 0 : -1;
}

int
cmd_import(struct cli *c, int argc, char **argv)
{
	/* One option per file, named as the file (ix_file_name()); the
	 * option's value is the file's index + 1. */
	struct option longopts[IX_NFILES + 1];
	const char *path[IX_NFILES] = { NULL };
	int fd[IX_NFILES];
	struct strbuf data[IX_NFILES];
	struct importer im;
	struct ix_hooks hooks;
	struct db_import *dbi = NULL;
	struct ix *ix = NULL;
	const char *dbpath = cli_db_path(c);
	struct stat sb;
	bool existed, created = false, bad_files = false, stdin_used = false;
	size_t added = 0;
	enum db_status st;
	int opt, rc, f;
	bool any = false;

	memset(longopts, 0, sizeof longopts);
	for (f = 0; f < IX_NFILES; f++) {
		longopts[f].name = ix_file_name((enum ix_file)f);
		longopts[f].has_arg = required_argument;
		longopts[f].val = f + 1;
		fd[f] = -1;
	}
	while ((opt = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		switch (opt) {
		case ':':
		case '?':
			return cli_option_fault("import", opt, argv);
		default:
			f = opt - 1;
			if (path[f])
				return cli_usage("import", "--%s is given "
						 "twice", ix_file_name(
							 (enum ix_file)f));
			path[f] = optarg;
			any = true;
			break;
		}
	}
	if (optind < argc)
		return cli_argument_fault("import", argv[optind]);
	if (!any)
		return cli_usage("import", "give at least one of --offenders, "
				 "--events and --population (or of the case "
				 "file's --risk, --assessments, --dates, "
				 "--orders, --offences, --notes and "
				 "--disclosures)");

	for (f = 0; f < IX_NFILES; f++) {
		if (path[f] == NULL)
			continue;
		if ((rc = cli_path_arg(c, "import", path[f])) != EXIT_DONE)
			return rc;
		if (strcmp(path[f], "-") == 0) {
			if (stdin_used)
				return cli_usage("import", "only one file can "
						 "come from standard input (-) "
						 "in one run");
			stdin_used = true;
		}
	}
	/* Every file must open, and be read whole, before the database is
	 * touched. */
	for (f = 0; f < IX_NFILES; f++)
		sb_init(&data[f]);
	rc = EXIT_DONE;
	for (f = 0; f < IX_NFILES && rc == EXIT_DONE; f++) {
		if (path[f] == NULL)
			continue;
		if (strcmp(path[f], "-") == 0)
			fd[f] = dup(STDIN_FILENO);
		else
			fd[f] = open(path[f], O_RDONLY | O_CLOEXEC);
		if (fd[f] < 0) {
			cli_error("%s: %s", path[f], strerror(errno));
			rc = EXIT_FAILED;
		}
	}
	for (f = 0; f < IX_NFILES && rc == EXIT_DONE; f++)
		if (fd[f] >= 0 && slurp(fd[f], path[f], &data[f]) != 0)
			rc = EXIT_FAILED;
	if (rc != EXIT_DONE)
		goto out;
	existed = stat(dbpath, &sb) == 0;
	memset(&im, 0, sizeof im);
	im.tty = isatty(STDERR_FILENO);
	im.path = path;
	rc = cli_open(c, dbpath, DB_OPEN_CREATE, &im.db);
	if (rc != EXIT_DONE)
		goto out;
	created = db_created(im.db);
	st = db_import_begin(im.db, &dbi);
	if (st == DB_OK)
		st = note_years(&im);
	if (st != DB_OK) {
		cli_error("import: %s", db_errmsg(im.db));
		rc = cli_status(st);
		goto done;
	}
	memset(&hooks, 0, sizeof hooks);
	hooks.ctx = &im;
	hooks.offender = hook_offender;
	hooks.population = hook_population;
	hooks.progress = hook_progress;
	if ((ix = ix_new(&hooks)) != NULL)
		ix_set_tool_check(ix, hook_tool);
	if (ix == NULL) {
		cli_error("out of memory");
		st = DB_ERROR;
		bad_files = true;
	} else if (check_files(&im, ix, path, data) != 0) {
		st = DB_INVALID;
		bad_files = true;
	} else {
		im.total = ix_event_count(ix);
		st = db_import_expect(dbi, ix_offender_count(ix));
		if (st == DB_OK)
			st = write_all(&im, dbi, ix);
		end_progress(&im);
	}
	st = db_import_end(dbi, st);
	dbi = NULL;
	if (st == DB_OK) {
		for (size_t k = 0; k < ix_offender_count(ix); k++)
			added += ix_offender(ix, k)->db_id == 0;
		fprintf(stderr, "%s: imported %zu offender%s, %zu event%s and "
			"%zu population figure%s into %s\n", cli_progname,
			added, added == 1 ? "" : "s",
			ix_event_count(ix), ix_event_count(ix) == 1 ? "" : "s",
			ix_population_count(ix),
			ix_population_count(ix) == 1 ? "" : "s", dbpath);
		if (ix_fact_count(ix))
			fprintf(stderr, "%s: and %zu fact%s of the case file "
				"(risk, dates, offences, notes, disclosures)\n",
				cli_progname, ix_fact_count(ix),
				ix_fact_count(ix) == 1 ? "" : "s");
		rc = EXIT_DONE;
	} else if (bad_files) {
		cli_error("import: nothing was imported");
		rc = EXIT_FAILED;
	} else {
		cli_error("import: %s; nothing was imported",
			  db_errmsg(im.db));
		rc = cli_status(st);
	}
done:
	ix_free(ix);
	db_close(im.db);
	if (rc != EXIT_DONE && created)
		db_remove_created(dbpath, existed);
out:
	for (f = 0; f < IX_NFILES; f++) {
		if (fd[f] >= 0)
			close(fd[f]);
		sb_free(&data[f]);
	}
	return rc;
}
