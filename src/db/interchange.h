/*
 * interchange.h -- import and export in the interchange format
 * (interchange.md): one transaction per import, one snapshot per export
 * (interchange.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_INTERCHANGE_H
#define MAPPA_DB_INTERCHANGE_H

#include "db/offenders.h"

/* --- import and export ------------------------------------------------------ */

/*
 * Find the offender with REF (admin or member): DB_OK with its id in *ID,
 * whether the record was erased in *ERASED (if not NULL) and, when EVS is
 * not NULL, its history in history order in *EVS (malloc'd; free() it)
 * and *N.  DB_NOTFOUND when there is none.
 */
enum db_status db_offender_find(struct db *db, const char *ref, int64_t *id,
				bool *erased, struct ev **evs, size_t *n);

/*
 * An import (interchange.md): one transaction that every write of it
 * joins, opened by db_import_begin() (admin only) and closed by
 * db_import_end().  db_offender_find() and db_population_add() may be
 * used inside it.  A failed call poisons the import: db_import_end() then
 * rolls everything back, whatever it is told.  Rows are written in
 * batches, so a fault met while writing (a ref already taken) may be
 * reported by a later call or by db_import_end().  The import gets one
 * audit row, naming the range of offender ids it added; each recorded
 * offender it adds events to gets one more.
 *
 * Imported events are stored with source 'import', no meeting, and as
 * decided by the import itself: decided_by "import", and who ran it and
 * when are the row's recorded_by and recorded_at (db_event_decider()
 * spells it out); the caller's meeting_id, decided_by and source are
 * ignored.  A level change needs no note.  New offenders get the derived
 * state of their history (category, level, status) as every write does,
 * and O->next_review as given.  Values are checked in C by the rules the
 * schema's CHECK constraints hold, so those are not evaluated again for
 * the import's transaction.
 */
struct db_import;

enum db_status db_import_begin(struct db *db, struct db_import **out);

/*
 * Add the new offender O (checked as db_offender_add() checks; a ref
 * already present is DB_INVALID) with its whole history EVS[0..N) in
 * history order, checked by ev_check_history().  On success O->id,
 * O->version, O->pseudo and the derived state are set.
 */
enum db_status db_import_offender(struct db_import *im,
				  struct db_offender *o,
				  const struct db_event *evs, size_t n);

/*
 * Add EVS[0..N) (in history order) to the history of offender ID, which
 * is already recorded: each goes after the events recorded on its date,
 * the merged history is checked whole, and the offender's version moves
 * on (DB_NOTFOUND for no such offender, DB_INVALID for an erased record).
 */
enum db_status db_import_events(struct db_import *im, int64_t id,
				const struct db_event *evs, size_t n);

/*
 * Close the import and free IM: with ST == DB_OK (and no call failed)
 * write its summary audit row and commit; otherwise roll back, leaving
 * the database as it was.  Returns the outcome.
 */
enum db_status db_import_end(struct db_import *im, enum db_status st);

/*
 * Tell the import it will add about N offenders.  When that is many
 * (1,000 or more) and at least as many as are recorded, the register's
 * indexes on offenders are dropped now and built again by
 * db_import_end(), inside the same transaction: building an index once
 * is many times faster than updating it row by row.
 */
enum db_status db_import_expect(struct db_import *im, size_t n);

/*
 * After the offenders and events: write what is waiting, so that the
 * case file's facts (casefacts.c: db_risk_add() and the others) may
 * follow inside the import.  Until db_import_end(), those writes are in
 * bulk (db_casefile_bulk()); the import's audit row counts them.
 */
enum db_status db_import_facts(struct db_import *im);

/* Events imported so far (for progress). */
size_t db_import_done(const struct db_import *im);

/*
 * What to show as the reason of event E: its note; for an imported level
 * change without one, "no reason recorded (imported)"; else NULL.
 */
const char *db_event_reason(const struct db_event *e);

/*
 * Who decided event E, fit to show: for an imported event "import by USER
 * at YYYY-MM-DDTHH:MM:SSZ" (written into BUF, N bytes); else its
 * decided_by, or NULL when none.
 */
const char *db_event_decider(const struct db_event *e, char *buf, size_t n);

/* The files of an export, and a row of one as text. */
enum db_export_file {
	DB_EXPORT_OFFENDERS,
	DB_EXPORT_EVENTS,
	DB_EXPORT_POPULATION,
	/* The case file (issue 15, doc/interchange-casefile.md): */
	DB_EXPORT_RISK,
	DB_EXPORT_ASSESSMENTS,
	DB_EXPORT_DATES,
	DB_EXPORT_ORDERS,
	DB_EXPORT_OFFENCES,
	DB_EXPORT_NOTES,
	DB_EXPORT_DISCLOSURES,
	DB_EXPORT_FILES
};
typedef int (*db_export_cb)(void *ctx, enum db_export_file file,
			    const char *const *col, size_t n);

/*
 * What an export discloses (cli.md, export; mappa(1)).  Zeroed: every
 * case and every column, the round trip.  REFS (NREFS of them) names the
 * cases; LEVEL, CATEGORY (0: any) and DISTRICT (NULL: any) narrow them
 * by their present state.  COLUMNS, when not 0, has bit 1 << c set for
 * each offenders.csv column c to write (ref is always written); events'
 * note goes with the offenders' notes.  PSEUDONYMISED writes the
 * pseudonym for the ref and never an identifying column
 * (ix_identifying()) nor an event's note.
 */
struct db_export_sel {
	const char *const *refs;
	size_t nrefs;
	int level, category;
	const char *district;
	unsigned columns;
	bool pseudonymised;
};

/* The offenders.csv columns SEL writes, as a bit set (bit 1 << c). */
unsigned db_export_columns(const struct db_export_sel *sel);

/*
 * Export (admin only).  First find the cases SEL selects (a ref in REFS
 * that is not recorded fails with DB_NOTFOUND, naming it) and log the
 * disclosure in the audit trail (action "export": the RECIPIENT, required,
 * WHERE the files go, the cases by ref or "all", the columns, and whether
 * pseudonymised), then hand CB the rows of the three interchange files
 * for those cases from one snapshot, as text in interchange.md's column
 * order (NULL for no value, and for a column SEL leaves out): offenders
 * by ref; events by ref, then date, then recorded order; populations by
 * year (never personal: always all of them).  An erased record keeps its
 * pseudonymous history, and so the statistics, in the files: its surname
 * (required in the files) is given as "(erased)".  A non-zero return
 * from CB stops the walk with DB_ERROR.
 */
enum db_status db_export(struct db *db, const char *recipient,
			 const char *where, const struct db_export_sel *sel,
			 db_export_cb cb, void *ctx);

#endif
