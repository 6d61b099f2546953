/*
 * minutes.h -- the headings of a case's minutes at a MAPP meeting, once:
 * the field each is stored in, its label on the screens and its short
 * label on the printed minutes, in the order they are minuted and
 * printed (minutes.c).  The data layer's db_minutes_text (db/minutes.h)
 * indexes the same headings.
 */
#ifndef MAPPA_CORE_MINUTES_H
#define MAPPA_CORE_MINUTES_H

/* The free-text headings of a case's minutes. */
enum minutes_text {
	MINUTES_DECISION,
	MINUTES_RATIONALE,
	MINUTES_DISSENT,
	MINUTES_RMP_SUPERVISION,    /* the risk management plan: */
	MINUTES_RMP_MONITORING,     /*   monitoring and control */
	MINUTES_RMP_INTERVENTIONS,  /*   interventions and treatment */
	MINUTES_RMP_VICTIM_SAFETY,  /*   victim safety */
	MINUTES_CONTINGENCIES,
	MINUTES_VICTIM_ISSUES,
	MINUTES_DISCLOSURE,
	MINUTES_TEXTS
};

/* A heading of the minutes. */
struct minutes_heading {
	const char *field;       /* its stored name: "rmp_supervision" */
	const char *label;       /* on the screens: "RMP: supervision" */
	const char *short_label; /* on the printed minutes, under "Risk
				    management plan": "Supervision" */
};

/* The headings, indexed by enum minutes_text. */
extern const struct minutes_heading minutes_headings[MINUTES_TEXTS];

#endif
