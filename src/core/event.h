/*
 * event.h -- the events of an offender's MAPPA history and the rules that
 * order them (interchange.md, statistics.md).
 *
 * A history is an array of events sorted by date and, within a date, by
 * the order they were recorded.  The state after each event follows from
 * the state before it; ev_apply() is the one place that rule lives, and
 * the importer, the data layer, the statistics and the demo generator all
 * call it.
 */
#ifndef MAPPA_EVENT_H
#define MAPPA_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

enum ev_type {
	EV_REGISTER,
	EV_CATEGORY,
	EV_LEVEL,
	EV_EXIT,
	EV_CUSTODY,
	EV_RELEASE,
	EV_NOTIFICATION_BREACH,
	EV_ORDER,
	EV_SFO_CHARGE,
	EV_NOTIFICATION_REVIEW,
	EV_TYPE_COUNT
};

/* Kinds, per event type; 0 is "no kind". */

/* A register event's kind is optional: none is an ordinary registration. */
enum ev_register_kind { REGISTER_SRO_BREACH = 1 };

enum ev_exit_kind {
	EXIT_REGISTRATION_ENDED = 1,
	EXIT_LICENCE_ENDED,
	EXIT_RISK_REDUCED,
	EXIT_DIED,
	EXIT_TRANSFERRED_OUT,
	EXIT_OTHER
};

enum ev_custody_kind {
	CUSTODY_LICENCE_BREACH = 1,
	CUSTODY_SOPO_BREACH,
	CUSTODY_SHPO_BREACH,
	CUSTODY_NEW_SENTENCE,
	CUSTODY_REMAND,
	CUSTODY_OTHER
};

enum ev_breach_kind { BREACH_CAUTION = 1, BREACH_CONVICTION };

enum ev_review_kind { REVIEW_GRANTED = 1, REVIEW_REFUSED };

/* Order kinds, in the order the 2010 template prints them (the 2015
 * template's order is stats_order_rows()). */
enum ev_order_kind {
	ORDER_SOPO = 1,
	ORDER_NO,
	ORDER_FTO,
	ORDER_SHPO,
	ORDER_SRO,
	ORDER_RSHO,
	ORDER_SHPO_FTR,
	ORDER_ISHPO,
	ORDER_ISRO,
	ORDER_KIND_MAX = ORDER_ISRO
};

/* Categories 1-4 and levels 1-3; 0 means "not given". */
#define EV_CATEGORY_MAX 4
#define EV_LEVEL_MAX 3

/* One event, as the rules see it (no identity, no free text). */
struct ev {
	mdate date;
	uint8_t type;     /* enum ev_type */
	uint8_t category; /* 1-4, or 0 */
	uint8_t level;    /* 1-3, or 0 */
	uint8_t kind;     /* per type, or 0 */
};

/* An offender's MAPPA state after some prefix of their history. */
struct ev_state {
	bool registered;
	bool in_custody;
	uint8_t category; /* meaningful while registered */
	uint8_t level;    /* meaningful while registered */
};

/* The name of an event type ("register", ...), or NULL. */
const char *ev_type_name(int type);

/* The type named NAME (exact, lower case), or -1. */
int ev_type_parse(const char *name);

/* The name of KIND for TYPE ("licence_breach", "SOPO", ...), or NULL. */
const char *ev_kind_name(int type, int kind);

/* The kind of TYPE named NAME (exact spelling), or -1. */
int ev_kind_parse(int type, const char *name);

/* The number of kinds TYPE has (0 for types without kinds). */
int ev_kind_count(int type);

/*
 * Which fields TYPE needs.  A field a type does not use must be 0
 * (interchange.md: nothing is silently dropped).  A type may take a kind
 * without needing one (register: `sro_breach` or none).
 */
bool ev_needs_category(int type);
bool ev_needs_level(int type);
bool ev_needs_kind(int type);
bool ev_takes_kind(int type);

/*
 * Check that E's own fields fit its type (ranges; needed fields present;
 * unused fields absent).  Returns NULL when they do, or a sentence saying
 * what is wrong.
 */
const char *ev_check_fields(const struct ev *e);

/*
 * Apply E to ST.  When E is not allowed in state ST (interchange.md's
 * state machine, or Category 3 at Level 1 afterwards), ST is unchanged and
 * a sentence saying why is returned; otherwise NULL.  E's fields must
 * already pass ev_check_fields().
 */
const char *ev_apply(struct ev_state *st, const struct ev *e);

/*
 * Check a whole history: sorted by date (ties in array order), every
 * event's fields, every transition.  Returns NULL, or a sentence; *AT (if
 * not NULL) receives the index of the offending event.
 */
const char *ev_check_history(const struct ev *evs, size_t n, size_t *at);

/* What category C (1-4) is: "registered sexual offender" ...; "" for
 * any other number.  The one list of them, for every screen and paper. */
const char *ev_category_name(int c);

/* Parse a category ("1".."4" or Delius "M1".."M4"); 0 and -1 on failure. */
int ev_category_parse(const char *s, uint8_t *out);

/* Parse a level ("1".."3" or Delius "M1".."M3"); 0, or -1 on failure. */
int ev_level_parse(const char *s, uint8_t *out);

#endif
