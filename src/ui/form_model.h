/*
 * form_model.h -- the forms that change records, as fields and rules: a new
 * referral, an offender's identity, and an event (a change of category or
 * level, custody, release, an order, a notification breach, an exit, a
 * registration).
 *
 * Each form is checked whole after every keystroke (forms_check()): each
 * field gets its error, and the form a problem that no single field owns
 * (the event state machine, Category 3 at Level 1).  The data layer's own
 * checks are used wherever it has them -- db_offender_check() for identity
 * fields, ev_apply() and ev_check_history() for events -- so the form can
 * never accept what the save would refuse, nor refuse what it would take.
 *
 * No curses: form.c draws and edits these; the tests fill and check them.
 */
#ifndef MAPPA_FORM_MODEL_H
#define MAPPA_FORM_MODEL_H

#include <stdbool.h>

#include "core/agenda.h"
#include "core/process.h"
#include "core/event.h"
#include "db/db.h"
#include "ui/field.h"

#define FORM_MAX_FIELDS 20

enum form_kind { FORM_REFERRAL, FORM_IDENTITY, FORM_EVENT, FORM_KEEP,
		 FORM_MEETING,
		 /* the case file (issue 15), forms_casefile.c: */
		 FORM_RISK, FORM_NOTE, FORM_OFFENCE, FORM_DISCLOSURE,
		 FORM_DATES, FORM_SCORE, FORM_ORDER_END };

/* The area's schedule settings (db_process_settings()), for default
 * review dates, and its bank holidays (NULL: none), which are not
 * working days. */
struct form_intervals {
	struct process_settings ps;
	const struct agenda_holidays *holidays;
};

struct form_model {
	enum form_kind kind;
	const char *title;
	struct field f[FORM_MAX_FIELDS];
	int n;
	char problem[300];  /* what no single field owns, or "" */
	int nerrors;        /* fields in error, plus one for a problem */
	/* What the rules need: */
	struct db *db;      /* for references already taken; may be NULL */
	mdate today;
	struct form_intervals iv;
	const struct db_offender *original; /* FORM_IDENTITY */
	const struct ev *hist;              /* FORM_EVENT: the history */
	size_t nhist;
	int shown_type;                     /* FORM_EVENT: kinds offered */
	mdate keep_after;                   /* FORM_KEEP: the review date */
};

/* Field positions. */
enum {
	RF_REF, RF_SURNAME, RF_FORENAMES, RF_DOB, RF_GENDER, RF_PNC, RF_CRN,
	RF_VISOR, RF_DISTRICT, RF_AGENCY,
	/* referral only: */
	RF_DATE, RF_REFERRER, RF_CATEGORY, RF_LEVEL, RF_REVIEW, RF_REASON,
	RF_COUNT
};
enum { IF_NOTES = RF_AGENCY + 1, IF_COUNT };
enum {
	EF_TYPE, EF_DATE, EF_CATEGORY, EF_LEVEL, EF_KIND, EF_REASON,
	EF_DECIDER, EF_MEETING, EF_REVIEW, EF_COUNT
};

enum { KF_UNTIL, KF_WHY, KF_COUNT };
enum { MF_DATE, MF_TIME, MF_LEVEL, MF_CHAIR, MF_VENUE, MF_AGENCIES,
       MF_COUNT };

/* The case file's forms (forms_casefile.c). */
enum { XF_RISK_DATE, XF_RISK_ROSH, XF_RISK_GROUP, /* five groups */
       XF_RISK_ASSESSOR = XF_RISK_GROUP + 5, XF_RISK_COUNT };
enum { XF_NOTE_DATE, XF_NOTE_SUBJECT, XF_NOTE_TEXT, XF_NOTE_CORRECTS,
       XF_NOTE_COUNT };
enum { XF_OFF_INDEX, XF_OFF_DESCRIPTION, XF_OFF_DATE, XF_OFF_COURT,
       XF_OFF_SENTENCE, XF_OFF_COUNT };
enum { XF_DISC_DATE, XF_DISC_DECISION, XF_DISC_RECIPIENT, XF_DISC_WHAT,
       XF_DISC_WHY, XF_DISC_MEETING, XF_DISC_DECIDED_BY,
       XF_DISC_UNDERTAKING, XF_DISC_COUNT };
enum { XF_DATES_SENTENCE, XF_DATES_LICENCE, XF_DATES_RELEASE,
       XF_DATES_RELEASE_TYPE, XF_DATES_NOTIFICATION, XF_DATES_MAPPA_J,
       XF_DATES_COUNT };
enum { XF_SCORE_DATE, XF_SCORE_TOOL, XF_SCORE_SCORE, XF_SCORE_COUNT };
enum { XF_END_ORDER, XF_END_ENDS, XF_END_COUNT };

/*
 * Set up FM for the case file on TODAY: a risk assessment (the RoSH
 * bands and groups at risk of core/casefile.h), a case note, an offence
 * (offered as the index offence unless the case HAS_INDEX one), a
 * disclosure decision, the key dates starting from K (the current ones).
 */
void forms_risk(struct form_model *fm, mdate today);
void forms_note(struct form_model *fm, mdate today);
void forms_offence(struct form_model *fm, mdate today, bool has_index);
void forms_disclosure(struct form_model *fm, mdate today);
void forms_dates(struct form_model *fm, const struct db_key_dates *k,
		 mdate today);
/* A scored assessment with one of TOOLS (the setting assessment_tools,
 * NULL-terminated; must outlive FM); when an order ends, one of ORDERS
 * ("SOPO made 2011-02-01", NULL-terminated; must outlive FM). */
void forms_score(struct form_model *fm, const char *const *tools,
		 mdate today);
void forms_order_end(struct form_model *fm, const char *const *orders,
		     mdate today);

/* The case file forms' own rules (forms_check() calls it). */
void forms_casefile_check(struct form_model *fm);

/* Read a checked case-file form; strings point into FM. */
void forms_risk_get(const struct form_model *fm, struct db_risk *r);
void forms_note_get(const struct form_model *fm, struct db_note *n);
void forms_offence_get(const struct form_model *fm, struct db_offence *o);
void forms_disclosure_get(const struct form_model *fm,
			  struct db_disclosure *d);
void forms_dates_get(const struct form_model *fm, struct db_key_dates *k);
void forms_score_get(const struct form_model *fm, struct db_score *sc);
/* ORDERS as given to forms_order_end(): "KIND made DATE". */
void forms_order_end_get(const struct form_model *fm,
			 struct db_order_end *oe);

/* The event types the event form offers, in its order. */
extern const int forms_event_types[];
extern const int forms_event_type_count;
/* An event type as people say it ("level change", "exit from MAPPA"):
 * the event form's words, for whatever names a type on the screens. */
const char *forms_event_type_label(int type);

/* Set up FM as a new referral on TODAY. */
void forms_referral(struct form_model *fm, struct db *db, mdate today,
		    const struct form_intervals *iv);

/* Set up FM to edit O's identity on TODAY (O must outlive FM).  Returns
 * 0, or -1 when out of memory. */
int forms_identity(struct form_model *fm, struct db *db,
		   const struct db_offender *o, mdate today);

/*
 * Set up FM to record an event of TYPE (enum ev_type) for a case with
 * history HIST[0..N) (must outlive FM), on TODAY.
 */
void forms_event(struct form_model *fm, int type, const struct ev *hist,
		 size_t n, mdate today, const struct form_intervals *iv);

/*
 * Set up FM to keep a record past its retention review on REVIEW: a date
 * after it (offered: a year from the later of REVIEW and TODAY) and the
 * justification (the data layer refuses one that names the person).
 */
void forms_keep(struct form_model *fm, mdate review, mdate today);

/*
 * Set up FM to schedule a MAPP meeting (M NULL; offered: Level 2 on
 * TODAY) or to edit M, whose invited agencies are INVITED (codes of
 * core/agenda.h, separated by spaces or commas).  The agencies field
 * takes the same; each must be one mappa knows.
 */
void forms_meeting(struct form_model *fm, const struct db_meeting *m,
		   const char *invited, mdate today);

/* Check FM whole: every field's error, the problem, the count; first
 * the fields that follow others are brought up to date (which fields an
 * event type shows, a review date not yet edited by hand). */
void forms_check(struct form_model *fm);

/* Whether any field has been edited. */
bool forms_changed(const struct form_model *fm);

void forms_free(struct form_model *fm);

/*
 * Read a checked form into records.  The strings of the results point into
 * FM (valid while it lives), except O->notes, which is malloc'd (free with
 * db_offender_clear()).
 */
void forms_referral_get(const struct form_model *fm, struct db_offender *o,
			struct db_referral *r, int *category, int *level,
			mdate *next_review);
int forms_identity_get(const struct form_model *fm, struct db_offender *o);

/*
 * Someone else saved THEIRS over the record FM was opened on
 * (FM->original): every field the person has not changed takes their
 * value, so that saving afterwards keeps both people's changes and, where
 * both changed a field, the person's.  The caller then points
 * FM->original at THEIRS (or a copy).  Returns 0, or -1 when out of
 * memory.
 */
int forms_identity_rebase(struct form_model *fm,
			  const struct db_offender *theirs);
void forms_event_get(const struct form_model *fm, struct db_event *e,
		     int *meeting_level, mdate *next_review);

/* The state after the events of HIST dated on or before DATE. */
struct ev_state forms_state_on(const struct ev *hist, size_t n, mdate date);

#endif
