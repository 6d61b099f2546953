/*
 * cmd_export.c -- `mappa export DIR|- --recipient TEXT [selection]`: the
 * records out as the interchange files (interchange.md), for another
 * system, a partner agency or a spreadsheet.
 *
 * An export is a disclosure: the recipient is required, the selection
 * (cases, columns, pseudonymised) narrows what leaves, and the data layer
 * logs who gets which cases and which columns before the first row
 * leaves.  Without a selection: every case and every column, the round
 * trip.
 *
 * Into DIR the files never overwrite anything and never appear half
 * written: each is written through its own unnamed file (outfile.h) and
 * only when all three are whole and on disk are they linked into place.
 * To "-" (the way an export travels under a forced command) the three
 * files go to standard output as one tar stream, built in memory first so
 * that a slow link never holds the database.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/interchange.h"
#include "core/outfile.h"
#include "core/util.h"

_Static_assert((int)DB_EXPORT_FILES == (int)IX_NFILES &&
	       (int)DB_EXPORT_DISCLOSURES == (int)IX_DISCLOSURES &&
	       (int)DB_EXPORT_RISK == (int)IX_RISK,
	       "the data layer's export files are the interchange files");

struct exporter {
	struct outfile file[IX_NFILES]; /* into DIR */
	FILE *f[IX_NFILES];             /* what each row is written to */
	char *mem[IX_NFILES];           /* to "-": each file in memory */
	size_t memlen[IX_NFILES];
	unsigned keep[IX_NFILES];       /* the columns written */
	size_t rows[IX_NFILES];
	bool failed;
	int err; /* errno of the first write failure */
};

static int
put_row(void *ctx, enum db_export_file which, const char *const *col,
	size_t n)
{
	struct exporter *ex = ctx;
	enum ix_file f = (enum ix_file)which; /* the same order */
	size_t want;

	ix_columns(f, &want);
	if (n != want ||
	    ix_write_row_keep(ex->f[f], f, col, ex->keep[f]) != 0) {
		ex->failed = true;
		ex->err = n != want ? EINVAL : errno;
		return -1;
	}
	ex->rows[f]++;
	return 0;
}

/* Start the three files, into DIR or (DIR NULL) memory, each with its
 * header; -1 after a message. */
static int
open_files(struct exporter *ex, const char *dir)
{
	char err[4400];

	for (int f = 0; f < IX_NFILES; f++) {
		const char *name = ix_file_name((enum ix_file)f);

		if (dir == NULL) {
			ex->f[f] = open_memstream(&ex->mem[f],
						  &ex->memlen[f]);
			if (ex->f[f] == NULL) {
				cli_error("export: %s", strerror(errno));
				return -1;
			}
		} else {
			char path[4200];

			snprintf(path, sizeof path, "%s/%s.csv", dir, name);
			if (outfile_open(&ex->file[f], path, err,
					 sizeof err) != 0) {
				cli_error("export: %s", err);
				return -1;
			}
			ex->f[f] = fdopen(dup(ex->file[f].fd), "w");
			if (ex->f[f] == NULL) {
				cli_error("%s: %s", path, strerror(errno));
				return -1;
			}
			setvbuf(ex->f[f], NULL, _IOFBF, 1 << 16);
		}
		if (ix_write_header_keep(ex->f[f], (enum ix_file)f,
					 ex->keep[f]) != 0) {
			cli_error("export: %s: %s", name, strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* Finish the streams; -1 after a message. */
static int
close_streams(struct exporter *ex)
{
	int rc = 0;

	for (int f = 0; f < IX_NFILES; f++) {
		if (ex->f[f] == NULL)
			continue;
		if ((fflush(ex->f[f]) != 0 || ferror(ex->f[f])) && rc == 0) {
			cli_error("export: %s: %s",
				  ix_file_name((enum ix_file)f),
				  strerror(errno));
			rc = -1;
		}
		if (fclose(ex->f[f]) != 0 && rc == 0) {
			cli_error("export: %s: %s",
				  ix_file_name((enum ix_file)f),
				  strerror(errno));
			rc = -1;
		}
		ex->f[f] = NULL;
	}
	return rc;
}

/* Put each whole file in its place, never over another. */
static int
link_files(struct exporter *ex)
{
	char err[4400];

	for (int f = 0; f < IX_NFILES; f++) {
		if (outfile_commit(&ex->file[f], err, sizeof err) != 0) {
			cli_error("export: %s", err);
			return -1;
		}
	}
	return 0;
}

/* The three files as one tar stream on standard output. */
static int
write_tar(struct exporter *ex)
{
	time_t now = time(NULL);

	/* The stream's bytes are not text: past the control-character
	 * filter of the text output. */
	cli_stdout_raw();
	for (int f = 0; f < IX_NFILES; f++) {
		char name[64];

		snprintf(name, sizeof name, "%s.csv",
			 ix_file_name((enum ix_file)f));
		if (tar_add(stdout, name, ex->mem[f], ex->memlen[f], now)
		    != 0) {
			cli_error("export: standard output: %s",
				  strerror(errno));
			return -1;
		}
	}
	if (tar_end(stdout) != 0) {
		cli_error("export: standard output: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Let go of everything; on failure take back the files put in place. */
static void
clean_up(struct exporter *ex, bool failed)
{
	close_streams(ex);
	for (int f = 0; f < IX_NFILES; f++) {
		outfile_close(&ex->file[f], failed);
		free(ex->mem[f]);
		ex->mem[f] = NULL;
	}
}

/* Make DIR (mode 0700) when missing (*MADE says so); -1 after a
 * message. */
static int
prepare_dir(const char *dir, bool *made)
{
	struct stat sb;

	*made = false;
	if (stat(dir, &sb) != 0) {
		if (errno != ENOENT || mkdir(dir, 0700) != 0) {
			cli_error("%s: %s", dir, strerror(errno));
			return -1;
		}
		*made = true;
		if (chmod(dir, 0700) != 0) {
			cli_error("%s: %s", dir, strerror(errno));
			return -1;
		}
	} else if (!S_ISDIR(sb.st_mode)) {
		cli_error("%s: not a folder", dir);
		return -1;
	}
	return 0;
}

/* --columns LIST into SEL; -1 after a usage message. */
static int
parse_columns(const char *list, struct db_export_sel *sel)
{
	char buf[512], *save = NULL;

	if (str_copy(buf, list, sizeof buf) >= sizeof buf) {
		cli_usage("export", "--columns: the list is too long");
		return -1;
	}
	sel->columns = 0;
	for (char *w = strtok_r(buf, ",", &save); w;
	     w = strtok_r(NULL, ",", &save)) {
		int col;

		while (*w == ' ')
			w++;
		for (char *e = w + strlen(w); e > w && e[-1] == ' '; )
			*--e = '\0';
		if ((col = ix_offender_column(w)) < 0) {
			cli_usage("export", "--columns: \"%s\" is not a column "
				  "of offenders.csv", w);
			return -1;
		}
		sel->columns |= 1u << col;
	}
	if (sel->columns == 0) {
		cli_usage("export", "--columns: name at least one column");
		return -1;
	}
	return 0;
}

/* A level or category option's value: 1..MAX, else -1. */
static int
small_number(const char *s, int max)
{
	return s[0] >= '1' && s[0] <= '0' + max && s[1] == '\0'
	       ? s[0] - '0' : -1;
}

int
cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "recipient", required_argument, NULL, 'r' },
		{ "case", required_argument, NULL, 'c' },
		{ "level", required_argument, NULL, 'l' },
		{ "category", required_argument, NULL, 'C' },
		{ "district", required_argument, NULL, 'd' },
		{ "columns", required_argument, NULL, 'k' },
		{ "pseudonymised", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const char *recipient = NULL, *dir = NULL;
	const char **refs = NULL;
	struct db_export_sel sel;
	struct exporter ex;
	struct db *db = NULL;
	enum db_status st = DB_OK;
	bool made = false, out;
	unsigned cols;
	int opt, rc;

	memset(&sel, 0, sizeof sel);
	memset(&ex, 0, sizeof ex);
	for (int f = 0; f < IX_NFILES; f++)
		ex.file[f].fd = -1;
	/* At most one ref per argument. */
	if ((refs = calloc((size_t)argc + 1, sizeof *refs)) == NULL) {
		cli_error("out of memory");
		return EXIT_FAILED;
	}
	sel.refs = refs;
	rc = EXIT_DONE;
	while (rc == EXIT_DONE &&
	       (opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			if (recipient)
				rc = cli_usage("export", "--recipient is "
					       "given twice");
			recipient = optarg;
			break;
		case 'c':
			refs[sel.nrefs++] = optarg;
			break;
		case 'l':
			if ((sel.level = small_number(optarg, 3)) < 0)
				rc = cli_usage("export", "--level: \"%s\" is "
					       "not a level (1, 2 or 3)",
					       optarg);
			break;
		case 'C':
			if ((sel.category = small_number(optarg, 4)) < 0)
				rc = cli_usage("export", "--category: \"%s\" "
					       "is not a category (1 to 4)",
					       optarg);
			break;
		case 'd':
			sel.district = optarg;
			break;
		case 'k':
			if (parse_columns(optarg, &sel) != 0)
				rc = EXIT_USAGE;
			break;
		case 'p':
			sel.pseudonymised = true;
			break;
		default: /* '?', or ':' for a missing argument */
			rc = cli_option_fault("export", opt, argv);
			break;
		}
	}
	if (rc != EXIT_DONE)
		goto out;
	if (optind >= argc) {
		rc = cli_usage("export", "the folder DIR (or - for standard "
			       "output) is required");
		goto out;
	}
	if (optind + 1 < argc) {
		rc = cli_argument_fault("export", argv[optind + 1]);
		goto out;
	}
	dir = argv[optind];
	out = strcmp(dir, "-") == 0;
	if (recipient == NULL || *recipient == '\0') {
		rc = cli_usage("export", "--recipient TEXT is required: who "
			       "gets the records");
		goto out;
	}
	if (sel.pseudonymised && sel.columns) {
		for (int k = 0; k < IX_O_NCOLS; k++) {
			if (k != IX_O_REF && (sel.columns & (1u << k)) &&
			    ix_identifying(k)) {
				rc = cli_usage("export", "--columns: \"%s\" "
					       "identifies the person; a "
					       "pseudonymised export never "
					       "writes it",
					       ix_columns(IX_OFFENDERS,
							  NULL)[k]);
				goto out;
			}
		}
	}
	if (strlen(dir) > 4000) {
		rc = cli_usage("export", "the folder's name is too long");
		goto out;
	}
	if ((rc = cli_path_arg(c, "export", dir)) != EXIT_DONE)
		goto out;
	if (out && isatty(STDOUT_FILENO)) {
		cli_error("export -: standard output is a terminal; send it "
			  "to a file or a pipe (a tar stream)");
		rc = EXIT_FAILED;
		goto out;
	}

	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		goto out;
	/* The data layer refuses too; asking first keeps a refused export
	 * from making the folder. */
	if (db_role(db) != ROLE_ADMIN) {
		cli_error("export: not allowed for %s (role %s)", db_user(db),
			  db_role_name(db_role(db)));
		rc = EXIT_REFUSED;
		goto out;
	}
	cols = db_export_columns(&sel);
	ex.keep[IX_OFFENDERS] = cols;
	ex.keep[IX_EVENTS] = (1u << IX_E_NCOLS) - 1;
	if (!(cols & (1u << IX_O_NOTES)))
		ex.keep[IX_EVENTS] &= ~(1u << IX_E_NOTE);
	ex.keep[IX_POPULATION] = (1u << IX_P_NCOLS) - 1;
	/* The case file's files whole (the data layer sends their rows
	 * only with a whole export). */
	for (int f = IX_FIRST_FACT; f < IX_NFILES; f++) {
		size_t ncols;

		ix_columns((enum ix_file)f, &ncols);
		ex.keep[f] = (1u << ncols) - 1;
	}
	if ((!out && prepare_dir(dir, &made) != 0) ||
	    open_files(&ex, out ? NULL : dir) != 0) {
		rc = EXIT_FAILED;
		goto out;
	}
	st = db_export(db, recipient, out ? "standard output" : dir, &sel,
		       put_row, &ex);
	if (st != DB_OK) {
		if (ex.failed)
			cli_error("export: writing %s failed: %s", dir,
				  strerror(ex.err));
		else
			cli_error("export: %s", db_errmsg(db));
		rc = cli_status(st);
	} else if (close_streams(&ex) != 0 ||
		   (out ? write_tar(&ex) : link_files(&ex)) != 0) {
		rc = EXIT_FAILED;
	}
	if (rc == EXIT_DONE) {
		if (!out)
			outfile_sync_dir(ex.file[0].path);
		fprintf(stderr, "%s: exported %zu offender%s, %zu event%s and "
			"%zu population figure%s to %s\n", cli_progname,
			ex.rows[IX_OFFENDERS],
			ex.rows[IX_OFFENDERS] == 1 ? "" : "s",
			ex.rows[IX_EVENTS],
			ex.rows[IX_EVENTS] == 1 ? "" : "s",
			ex.rows[IX_POPULATION],
			ex.rows[IX_POPULATION] == 1 ? "" : "s",
			out ? "standard output" : dir);
		{
			size_t facts = 0;

			for (int f = IX_FIRST_FACT; f < IX_NFILES; f++)
				facts += ex.rows[f];
			fprintf(stderr, "%s: and %zu fact%s of the case file "
				"(risk, dates, offences, notes, disclosures)\n",
				cli_progname, facts, facts == 1 ? "" : "s");
		}
	} else if (st == DB_OK || ex.failed) {
		/* Logged as a disclosure; log that none took place. */
		db_audit_log(db, "export.failed", NULL, "no files written");
	}
out:
	clean_up(&ex, rc != EXIT_DONE);
	if (rc != EXIT_DONE && made)
		rmdir(dir);
	db_close(db);
	free(refs);
	return rc;
}
