/*
 * briefing.h -- what a panel asks first about a case, as lines, and an
 * event in words (briefing.c): the case screen shows them above its
 * history, meeting mode above each case's minutes (issue 16).
 */
#ifndef MAPPA_UI_BRIEFING_H
#define MAPPA_UI_BRIEFING_H

#include "ui/ui.h"

/* A line of the case file, owned: wrapped by whoever draws it. */
struct cf_line {
	enum ui_role role;
	int indent;
	bool section;   /* a section's heading */
	char *text;
};

/* A growable list of lines ({0} is empty). */
struct cf_lines {
	struct cf_line *v;
	int n, cap;
};

/* Add a line to A (NULL: none wanted, true); false out of memory. */
bool cf_lines_add(struct cf_lines *a, enum ui_role role, int indent,
		  bool is_section, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Free A's lines, keeping its storage for the next read. */
void cf_lines_clear(struct cf_lines *a);

/*
 * Add case ID's file to TOP and REST (NULL: not wanted).  TOP gets what
 * a panel asks first: the risk of serious harm and who is at risk, the
 * scores, the key dates with MAPPA J, the orders, the index offence and
 * the last disclosure decision; REST the risk assessments, offences,
 * disclosures and case notes.  Nothing for a lay adviser.  False on a
 * database error (db_errmsg()).
 */
bool cf_lines_read(struct ui *ui, int64_t id, struct cf_lines *top,
		   struct cf_lines *rest);

/*
 * Add to LINES the disclosure decisions on case ID before the last one
 * (which cf_lines_read() gives), each with what and why: the whole
 * history, for the meeting's briefing.  Nothing for a lay adviser.
 * False on a database error.
 */
bool cf_disclosure_history(struct ui *ui, int64_t id, struct cf_lines *lines);

/* KIND of TYPE for people: "licence breach". */
const char *ui_kind_text(int type, int kind, char *buf, size_t n);

/* Event E in words ("into custody: new sentence", "level 2 -> 3"), the
 * case's state BEFORE it. */
void ui_event_words(const struct ev *e, const struct ev_state *before,
		    char *buf, size_t n);

#endif
