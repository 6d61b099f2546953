/*
 * demo_casefile.h -- the demo area's case files (issue 15): for each case
 * under management, a risk assessment history, a scored assessment, key
 * dates, its orders' ends, the index offence and another, case notes and
 * disclosure decisions, made up from its history.
 *
 * Deterministic, and drawn from a generator of its own seeded by the
 * case's reference, so the demo's histories -- and the 2010-11 figures
 * they reproduce -- are the same with or without it.
 */
#ifndef MAPPA_DEMO_CASEFILE_H
#define MAPPA_DEMO_CASEFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "demo/demo.h"

#define DEMO_CF_MAX 4

struct demo_casefile {
	struct {
		mdate date;
		int rosh;                 /* enum cf_rosh */
		unsigned at_risk;         /* bits of enum cf_at_risk */
		const char *assessor;
	} risk[DEMO_CF_MAX];
	size_t nrisk;
	struct {
		mdate date;
		const char *tool;
		char score[16];
	} score[DEMO_CF_MAX];
	size_t nscore;
	bool has_dates;
	struct {
		mdate sentence_expiry, licence_expiry, expected_release;
		mdate notification_end;   /* MDATE_NONE: see indefinite */
		bool indefinite;
		int release_type;         /* enum cf_release, or -1 */
		mdate mappa_j_sent;
	} dates;
	struct {
		const char *kind;
		mdate made, ends;         /* ends MDATE_NONE: no end */
	} order[DEMO_CF_MAX];
	size_t norder;
	struct {
		bool index;
		const char *description;
		mdate date;
		const char *court;
		const char *sentence;
		/* Room for what is taken from the history's notes: */
		char buf[3][200];
	} offence[DEMO_CF_MAX];
	size_t noffence;
	struct {
		mdate date;
		const char *author;
		const char *subject;
		const char *text;
		int corrects;             /* 1-based place of the note it
					     corrects among these, or 0 */
	} note[DEMO_CF_MAX];
	size_t nnote;
	struct {
		mdate date;
		bool disclosed;
		const char *recipient, *what, *why;
		mdate meeting;            /* or MDATE_NONE */
		int level;                /* the meeting's */
		const char *decided_by;   /* the chair, or the person */
		bool undertaking;
	} disclosure[DEMO_CF_MAX];
	size_t ndisclosure;
};

/*
 * The case file of demo case O as of TODAY into CF: 0, or 1 when the case
 * gets none (never registered, or its management ended).
 */
int demo_casefile(const struct demo_offender *o, mdate today,
		  struct demo_casefile *cf);

#endif
