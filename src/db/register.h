/*
 * register.h -- the register as pages of rows for a sort and a filter (never
 * the whole table), its search and its counts (register.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_REGISTER_H
#define MAPPA_DB_REGISTER_H

#include "core/date.h"
#include "core/status.h"
#include "db/connection.h"

/* --- the register list (issue 5, the TUI) ---------------------------------
 *
 * What the screens read beyond single records: the register as pages of
 * rows for a sort and a filter (never the whole table), the search, the
 * counts.  A lay adviser gets the pseudonymous reference in place of the
 * case reference, never a name or district, and searches and sorts only
 * by what they may see.
 */

/* The register's columns, each one a sort order (ties: the order cases
 * were added). */
enum db_reg_column {
	DB_REG_REF,      /* case reference; for a lay adviser the pseudonym */
	DB_REG_NAME,     /* surname, forenames (not for lay advisers) */
	DB_REG_CATEGORY, /* never-registered cases first */
	DB_REG_LEVEL,
	DB_REG_STATUS,
	DB_REG_AGENCY,   /* the lead agency */
	DB_REG_DISTRICT, /* not for lay advisers */
	DB_REG_REVIEW,   /* next review; cases without one last */
	DB_REG_COLUMNS
};

/* Which cases, by status. */
enum db_reg_state {
	DB_REG_CURRENT,   /* all but exited cases */
	DB_REG_ALL,
	DB_REG_COMMUNITY,
	DB_REG_CUSTODY,
	DB_REG_EXITED,
	DB_REG_STATES
};

/* A view of the register: its order and its filter. */
struct db_reg_query {
	enum db_reg_column sort;
	bool desc;
	int category;             /* 1-4, or 0 for any */
	int level;                /* 1-3, or 0 for any */
	enum db_reg_state state;
	bool overdue;             /* only cases whose next review is before
				     TODAY and that are still managed */
	mdate today;
};

/* Where a row sits in its query's order; callers keep it to page from. */
struct db_reg_key {
	int64_t id;
	int64_t num;
	char text[2][DB_FIELD_MAX];
};

/* One row of the register. */
struct db_reg_row {
	int64_t id;
	char ref[DB_REF_MAX];         /* for a lay adviser the pseudonym */
	char surname[DB_FIELD_MAX];   /* "" for a lay adviser */
	char forenames[DB_FIELD_MAX]; /* "" for a lay adviser */
	char district[DB_FIELD_MAX];  /* "" for a lay adviser */
	int category, level;          /* 0 when never registered */
	enum case_status status;
	char lead_agency[16];
	char next_review[MDATE_BUFSZ]; /* "" when none */
	bool overdue;                  /* next review before the query's today */
	struct db_reg_key key;         /* in the query it was read with */
};

/* A register reader: its prepared queries live until db_reg_close(),
 * which must come before db_close(). */
struct db_register;

enum db_status db_reg_open(struct db *db, struct db_register **out);
void db_reg_close(struct db_register *r);

/*
 * Counts for Q: the cases its filter lets through, all cases on the
 * register, and the overdue cases among those still managed.  Any
 * pointer may be NULL.
 */
enum db_status db_reg_count(struct db_register *r,
			    const struct db_reg_query *q, int64_t *matching,
			    int64_t *total, int64_t *overdue);

/*
 * Up to MAX rows of Q in order from FROM: after it, or with BACKWARD
 * before it (nearest first); INCLUSIVE takes FROM's own position too.
 * FROM NULL is the start (with BACKWARD the end).  *N gets the number of
 * rows.  DB_REFUSED when a lay adviser asks for a name or district order.
 */
enum db_status db_reg_page(struct db_register *r,
			   const struct db_reg_query *q,
			   const struct db_reg_key *from, bool backward,
			   bool inclusive, struct db_reg_row *rows, int max,
			   int *n);

/*
 * The first row of Q from FROM (as db_reg_page()) whose reference, name
 * ("surname" or "surname, forenames", each a prefix; while TEXT has no
 * digit), PNC or CRN (once TEXT has a digit) starts with TEXT, case
 * aside; for a lay adviser only the pseudonymous reference.  DB_NOTFOUND
 * when none.
 */
enum db_status db_reg_find(struct db_register *r,
			   const struct db_reg_query *q, const char *text,
			   const struct db_reg_key *from, bool backward,
			   bool inclusive, struct db_reg_row *row);

/* The row of offender ID with its key in Q's order (whether or not Q's
 * filter lets it through); DB_NOTFOUND when there is no such case. */
enum db_status db_reg_get(struct db_register *r,
			  const struct db_reg_query *q, int64_t id,
			  struct db_reg_row *row);

#endif
