/*
 * cmd_export.c -- `mappa export DIR [--recipient TEXT]`: the records out
 * as the interchange files (interchange.md), for another system or a
 * spreadsheet.
 *
 * An export is a disclosure: the data layer logs it, with its recipient,
 * before the first row leaves.  The files never overwrite anything and
 * never appear half written: each is written to a hidden temporary file
 * in DIR, flushed to disk, and only when all three are whole are they
 * linked into place (link() refuses an existing name, where rename()
 * would silently replace it), the folder flushed after them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/interchange.h"
#include "core/util.h"

_Static_assert((int)DB_EXPORT_FILES == (int)IX_NFILES &&
	       (int)DB_EXPORT_DISCLOSURES == (int)IX_DISCLOSURES &&
	       (int)DB_EXPORT_RISK == (int)IX_RISK,
	       "the data layer's export files are the interchange files");

struct out_file {
	char tmp[4200];   /* the temporary file, "" when none */
	char final[4200]; /* its place */
	FILE *f;
	bool linked;
	size_t rows;
};

struct exporter {
	struct out_file file[IX_NFILES];
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
	if (n != want || ix_write_row(ex->file[f].f, f, col) != 0) {
		ex->failed = true;
		ex->err = n != want ? EINVAL : errno;
		return -1;
	}
	ex->file[f].rows++;
	return 0;
}

/* Open a temporary file beside each of the three; -1 after a message. */
static int
open_files(struct exporter *ex, const char *dir)
{
	for (int f = 0; f < IX_NFILES; f++) {
		struct out_file *o = &ex->file[f];
		const char *name = ix_file_name((enum ix_file)f);
		int fd;

		snprintf(o->final, sizeof o->final, "%s/%s.csv", dir, name);
		snprintf(o->tmp, sizeof o->tmp, "%s/.%s.csv.XXXXXX", dir, name);
		if ((fd = mkstemp(o->tmp)) < 0) {
			cli_error("%s: cannot write here: %s", dir,
				  strerror(errno));
			o->tmp[0] = '\0';
			return -1;
		}
		if (fchmod(fd, 0600) != 0 || (o->f = fdopen(fd, "w")) == NULL) {
			cli_error("%s: %s", o->tmp, strerror(errno));
			close(fd);
			return -1;
		}
		setvbuf(o->f, NULL, _IOFBF, 1 << 16);
		if (ix_write_header(o->f, (enum ix_file)f) != 0) {
			cli_error("%s: %s", o->tmp, strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* Flush each file to disk and close it; -1 after a message. */
static int
close_files(struct exporter *ex)
{
	int rc = 0;

	for (int f = 0; f < IX_NFILES; f++) {
		struct out_file *o = &ex->file[f];

		if (o->f == NULL)
			continue;
		if (rc == 0 && (fflush(o->f) != 0 || ferror(o->f) ||
				fsync(fileno(o->f)) != 0)) {
			cli_error("%s: %s", o->final, strerror(errno));
			rc = -1;
		}
		if (fclose(o->f) != 0 && rc == 0) {
			cli_error("%s: %s", o->final, strerror(errno));
			rc = -1;
		}
		o->f = NULL;
	}
	return rc;
}

/* Put each whole file in its place, never over another. */
static int
link_files(struct exporter *ex)
{
	struct stat sb;

	for (int f = 0; f < IX_NFILES; f++) {
		struct out_file *o = &ex->file[f];

		if (link(o->tmp, o->final) == 0) {
			o->linked = true;
			continue;
		}
		if (errno == EEXIST) {
			cli_error("%s: already exists; an export never "
				  "overwrites a file", o->final);
			return -1;
		}
		/* A file system without hard links: check, then rename. */
		if (lstat(o->final, &sb) == 0) {
			cli_error("%s: already exists; an export never "
				  "overwrites a file", o->final);
			return -1;
		}
		if (rename(o->tmp, o->final) != 0) {
			cli_error("%s: %s", o->final, strerror(errno));
			return -1;
		}
		o->linked = true;
		o->tmp[0] = '\0';
	}
	return 0;
}

/* Remove the temporary files, and on failure the files put in place. */
static void
clean_up(struct exporter *ex, bool failed)
{
	for (int f = 0; f < IX_NFILES; f++) {
		struct out_file *o = &ex->file[f];

		if (o->f)
			fclose(o->f);
		o->f = NULL;
		if (o->tmp[0])
			unlink(o->tmp);
		if (failed && o->linked)
			unlink(o->final);
	}
}

static void
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Make DIR (mode 0700) when missing (*MADE says so); refuse one that
 * holds any of the files.  -1 after a message. */
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
	for (int f = 0; f < IX_NFILES; f++) {
		char path[4200];

		snprintf(path, sizeof path, "%s/%s.csv", dir,
			 ix_file_name((enum ix_file)f));
		if (lstat(path, &sb) == 0) {
			cli_error("%s: already exists; an export never "
				  "overwrites a file", path);
			return -1;
		}
	}
	return 0;
}

int
cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "recipient", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const char *recipient = NULL, *dir;
	struct exporter ex;
	struct db *db;
	enum db_status st;
	bool made = false;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			if (recipient)
				return cli_usage("export", "--recipient is "
						 "given twice");
			recipient = optarg;
			break;
		case ':':
			return cli_usage("export", "'%s' needs an argument",
					 argv[optind - 1]);
		default:
			return cli_usage("export", "'%s': unknown option",
					 argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage("export", "the folder DIR is required");
	if (optind + 1 < argc)
		return cli_usage("export", "unexpected argument '%s'",
				 argv[optind + 1]);
	dir = argv[optind];
	if (strlen(dir) > 4000)
		return cli_usage("export", "the folder's name is too long");

	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	/* The data layer refuses too; asking first keeps a refused export
	 * from making the folder. */
	if (db_role(db) != ROLE_ADMIN) {
		cli_error("export: not allowed for %s (role %s)", db_user(db),
			  db_role_name(db_role(db)));
		db_close(db);
		return EXIT_REFUSED;
	}
	memset(&ex, 0, sizeof ex);
	if (prepare_dir(dir, &made) != 0 || open_files(&ex, dir) != 0) {
		clean_up(&ex, true);
		if (made)
			rmdir(dir);
		db_close(db);
		return EXIT_FAILED;
	}
	st = db_export(db, recipient, dir, put_row, &ex);
	if (st != DB_OK) {
		if (ex.failed)
			cli_error("export: writing %s failed: %s", dir,
				  strerror(ex.err));
		else
			cli_error("export: %s", db_errmsg(db));
		rc = cli_status(st);
	} else if (close_files(&ex) != 0 || link_files(&ex) != 0) {
		rc = EXIT_FAILED;
	}
	clean_up(&ex, rc != EXIT_DONE);
	if (rc != EXIT_DONE && made)
		rmdir(dir);
	if (rc == EXIT_DONE) {
		sync_dir(dir);
		fprintf(stderr, "%s: exported %zu offender%s, %zu event%s and "
			"%zu population figure%s to %s\n", cli_progname,
			ex.file[IX_OFFENDERS].rows,
			ex.file[IX_OFFENDERS].rows == 1 ? "" : "s",
			ex.file[IX_EVENTS].rows,
			ex.file[IX_EVENTS].rows == 1 ? "" : "s",
			ex.file[IX_POPULATION].rows,
			ex.file[IX_POPULATION].rows == 1 ? "" : "s", dir);
		{
			size_t facts = 0;

			for (int f = IX_FIRST_FACT; f < IX_NFILES; f++)
				facts += ex.file[f].rows;
			fprintf(stderr, "%s: and %zu fact%s of the case file "
				"(risk, dates, offences, notes, disclosures)\n",
				cli_progname, facts, facts == 1 ? "" : "s");
		}
	} else if (st == DB_OK || ex.failed) {
		/* Logged as a disclosure; log that none took place. */
		db_audit_log(db, "export.failed", NULL, "no files written");
	}
	db_close(db);
	return rc;
}
