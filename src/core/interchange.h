/*
 * interchange.h -- the interchange files (interchange.md) read into typed
 * records and checked, before anything is written; and their columns
 * written back out.  Prefix ix_.
 *
 * An import reads offenders.csv, then events.csv, then population.csv
 * into one struct ix, line by line, reporting every fault as a sentence
 * that names the file as it was given, the line a record starts on, the
 * column, the value and what was expected:
 *
 *   events.csv:42: column "level": "4" is not a level (1, 2 or 3)
 *
 * ix_check() then replays each offender's events, merged with the history
 * the database already holds for them, through ev_apply(): the state
 * machine lives in core/event.c alone.  Up to IX_MAX_ERRORS faults are
 * kept; reading stops at the next one.  The core knows nothing of
 * storage: what is already recorded comes through struct ix_hooks.
 */
#ifndef MAPPA_INTERCHANGE_H
#define MAPPA_INTERCHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/csv.h"
#include "core/event.h"

/* The most faults reported. */
#define IX_MAX_ERRORS 20

/* The longest ref, and the longest value of the other short text columns
 * (bytes; the data layer's DB_FIELD_MAX holds one more). */
#define IX_REF_MAX 32
#define IX_TEXT_MAX 127

/* The years a population estimate may have. */
#define IX_YEAR_MIN 1900
#define IX_YEAR_MAX 2999

/* The files: the first three, and the case file's (issue 15,
 * doc/interchange-casefile.md), read after them in this order. */
enum ix_file { IX_OFFENDERS, IX_EVENTS, IX_POPULATION,
	       IX_RISK, IX_ASSESSMENTS, IX_DATES, IX_ORDERS, IX_OFFENCES,
	       IX_NOTES, IX_DISCLOSURES, IX_NFILES };

/* The first of the case file's files. */
#define IX_FIRST_FACT IX_RISK

/* Columns, in interchange.md's order (the order export writes). */
enum {
	IX_O_REF, IX_O_SURNAME, IX_O_FORENAMES, IX_O_DOB, IX_O_GENDER,
	IX_O_PNC, IX_O_CRN, IX_O_VISOR, IX_O_DISTRICT, IX_O_LEAD_AGENCY,
	IX_O_NOTES, IX_O_NCOLS
};
enum {
	IX_E_REF, IX_E_DATE, IX_E_EVENT, IX_E_CATEGORY, IX_E_LEVEL,
	IX_E_KIND, IX_E_NOTE, IX_E_NCOLS
};
enum { IX_P_YEAR, IX_P_PEOPLE, IX_P_SOURCE, IX_P_NCOLS };
enum { IX_R_REF, IX_R_DATE, IX_R_ROSH, IX_R_AT_RISK, IX_R_ASSESSOR,
       IX_R_NCOLS };
enum { IX_A_REF, IX_A_DATE, IX_A_TOOL, IX_A_SCORE, IX_A_NCOLS };
enum { IX_D_REF, IX_D_SENTENCE_EXPIRY, IX_D_LICENCE_EXPIRY,
       IX_D_EXPECTED_RELEASE, IX_D_RELEASE_TYPE, IX_D_NOTIFICATION_END,
       IX_D_MAPPA_J_SENT, IX_D_NCOLS };
enum { IX_OR_REF, IX_OR_KIND, IX_OR_MADE, IX_OR_ENDS, IX_OR_NCOLS };
enum { IX_F_REF, IX_F_INDEX, IX_F_DESCRIPTION, IX_F_DATE, IX_F_COURT,
       IX_F_SENTENCE, IX_F_NCOLS };
enum { IX_N_REF, IX_N_DATE, IX_N_AUTHOR, IX_N_SUBJECT, IX_N_NOTE,
       IX_N_CORRECTS, IX_N_NCOLS };
enum { IX_X_REF, IX_X_DATE, IX_X_DECISION, IX_X_RECIPIENT, IX_X_WHAT,
       IX_X_WHY, IX_X_MEETING, IX_X_LEVEL, IX_X_DECIDED_BY,
       IX_X_UNDERTAKING, IX_X_NCOLS };

/* The most columns a case-file file has. */
#define IX_FACT_COLS 10

/* A line of one of the case file's files: its values as written (NULL
 * when empty; checked), whose they are, and for notes.csv its place. */
struct ix_fact {
	enum ix_file file;
	uint32_t offender;           /* index of its offender */
	unsigned long line;
	const char *col[IX_FACT_COLS];
	int position;                /* notes.csv: the note's place among
					the case's notes (1 = first) */
};

/* The words of a yes-or-no column, and of a disclosure's decision. */
#define IX_YES "yes"
#define IX_NO "no"
#define IX_DISCLOSE "disclose"
#define IX_NOT_DISCLOSE "not_disclose"

/* The column names of FILE in order; *N (if not NULL) gets how many. */
const char *const *ix_columns(enum ix_file file, size_t *n);

/*
 * Whether column COL of offenders.csv names or identifies the person
 * (surname, forenames, dob, pnc, crn, visor, notes): what a pseudonymised
 * export never writes.  The ref is identifying too; a pseudonymised
 * export writes the pseudonym in its place.
 */
bool ix_identifying(int col);

/* The offenders.csv column called NAME (case-insensitive), or -1. */
int ix_offender_column(const char *name);

/* "offenders", "events", "population". */
const char *ix_file_name(enum ix_file file);

/* Whether S (NUL-terminated) is a valid ref: 1 to 32 of A-Z a-z 0-9 - / _. */
bool ix_ref_valid(const char *s);

struct ix_event;

/* An offender: a line of offenders.csv, or one already in the database
 * that events.csv adds to. */
struct ix_offender {
	const char *col[IX_O_NCOLS]; /* values (NULL when empty); only the
					ref for one already recorded */
	unsigned long line;          /* 0: already in the database */
	int64_t db_id;               /* its database id, or 0 */
	const struct ix_event *evs;  /* its new events in history order */
	size_t nev;                  /* (both set by ix_check()) */
};

/* A line of events.csv. */
struct ix_event {
	struct ev ev;
	uint32_t offender; /* index of its offender */
	unsigned long line;
	const char *note;  /* NULL when empty; kept as written */
};

/* A line of population.csv. */
struct ix_population {
	int year;
	int64_t people;
	const char *source; /* NULL when empty */
	unsigned long line;
};

/* What the caller knows of the database, and where progress goes.  Any
 * member may be NULL (then nothing is recorded already). */
struct ix_hooks {
	void *ctx;
	/*
	 * Whether an offender with REF is already recorded: 1, with its id
	 * in *ID and, when EVS is not NULL, its history in history order in
	 * *EVS (malloc'd; ix frees it with free()) and *N; 2 when it is but
	 * the record was erased (no events may be added); 0 when not; -1
	 * when the database could not be read.
	 */
	int (*offender)(void *ctx, const char *ref, int64_t *id,
			struct ev **evs, size_t *n);
	/* Whether a population for YEAR is recorded: 1, 0, or -1. */
	int (*population)(void *ctx, int year);
	/* Every so often while reading: records of FILE read so far. */
	void (*progress)(void *ctx, enum ix_file file, size_t records);
};

struct ix;

/* A new, empty set of records; NULL when out of memory.  HOOKS is copied. */
struct ix *ix_new(const struct ix_hooks *hooks);

/* Check assessments.csv's tools with TOOL (called with the hooks' ctx):
 * 1 when it is a scored assessment tool of the area's (case aside), 0
 * when not, -1 when the database could not be read.  Without one, any
 * tool is taken. */
void ix_set_tool_check(struct ix *ix, int (*tool)(void *ctx, const char *));
void ix_free(struct ix *ix);

/*
 * Read FILE, named NAME in messages (NAME must outlive IX), from R.  Read
 * offenders before
 * events (events find their refs among them).  Faulty lines are reported
 * and left out.  Returns 0 when the file was read to its end or the error
 * limit stopped it, -1 when reading failed (I/O, memory, the database):
 * that too is reported as an error.
 */
int ix_read(struct ix *ix, enum ix_file file, const char *name,
	    struct csv_reader *r);

/*
 * After every file: put each offender's events in history order (date,
 * then file order, after the events already recorded on that date) and
 * check every transition.  Returns 0, or -1 when out of memory.
 */
int ix_check(struct ix *ix);

/* The faults found: how many are kept (at most IX_MAX_ERRORS), each a
 * sentence without a trailing newline, and whether there were more. */
size_t ix_error_count(const struct ix *ix);
const char *ix_error(const struct ix *ix, size_t i);
bool ix_more_errors(const struct ix *ix);

/* The records, valid while IX lives.  Offenders from the file come first,
 * in file order, then those already recorded. */
size_t ix_offender_count(const struct ix *ix);
const struct ix_offender *ix_offender(const struct ix *ix, size_t i);
size_t ix_event_count(const struct ix *ix);
size_t ix_population_count(const struct ix *ix);
const struct ix_population *ix_population(const struct ix *ix, size_t i);

/* The case file's lines read, in file order (files in enum order). */
size_t ix_fact_count(const struct ix *ix);
const struct ix_fact *ix_fact(const struct ix *ix, size_t i);

/*
 * Write FILE's header line, or one row COL[0..ncols) (NULL is no value),
 * as export does: blanks trimmed from every column but notes and note, so
 * that an import reads back exactly what was written.  Return 0, or -1 on
 * a write error.
 */
int ix_write_header(FILE *out, enum ix_file file);
int ix_write_row(FILE *out, enum ix_file file, const char *const *col);
/* As ix_write_header() and ix_write_row(), but only the columns whose
 * bit (1 << column) is set in KEEP: what an export for a partner writes. */
int ix_write_header_keep(FILE *out, enum ix_file file, unsigned keep);
int ix_write_row_keep(FILE *out, enum ix_file file, const char *const *col,
		      unsigned keep);

#endif
