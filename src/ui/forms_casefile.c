/*
 * forms_casefile.c -- the case file's forms (issue 15): a risk
 * assessment, a case note, an offence, a disclosure decision, the key
 * dates.  Fields and rules only, as forms.c: no curses.
 *
 * The names offered are core/casefile.h's; the values are checked here as
 * the data layer will check them (dates real, not in the future where
 * they record what happened; a decision made by a meeting or a person;
 * an undertaking only with a disclosure), so the form never accepts what
 * the save would refuse.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casefile.h"
#include "core/util.h"
#include "ui/form_model.h"

static const char *const no_yes[] = { "no", "yes", NULL };
static const char *const decisions[] = { "disclose", "do not disclose",
					 NULL };
static const char *rosh_labels[CF_ROSH_N + 1];
static const char *release_labels[CF_REL_N + 2];

static void
names(void)
{
	for (int i = 0; i < CF_ROSH_N; i++)
		rosh_labels[i] = cf_rosh_label(i);
	release_labels[0] = "not released";
	for (int i = 0; i < CF_REL_N; i++)
		release_labels[i + 1] = cf_release_label(i);
}

static void
start(struct form_model *fm, enum form_kind kind, const char *title, int n,
      mdate today)
{
	memset(fm, 0, sizeof *fm);
	fm->kind = kind;
	fm->title = title;
	fm->today = today;
	fm->n = n;
	names();
}

static void
date_field(struct field *f, const char *name, const char *label,
	   bool required, const char *value, const char *help)
{
	field_init_text(f, name, label, FIELD_DATE, MDATE_BUFSZ - 1, required,
			help);
	field_set(f, value ? value : "");
}

static void
text_field(struct field *f, const char *name, const char *label, size_t max,
	   bool required, const char *help)
{
	field_init_text(f, name, label, FIELD_TEXT, max, required, help);
}

void
forms_risk(struct form_model *fm, mdate today)
{
	struct field *f = fm->f;
	char d[MDATE_BUFSZ];
	static const char *const labels[CF_RISK_N] = {
		"At risk: children", "At risk: known adult",
		"At risk: public", "At risk: staff", "At risk: prisoners",
	};

	start(fm, FORM_RISK, "Record a risk assessment", XF_RISK_COUNT, today);
	date_field(&f[XF_RISK_DATE], "date", "Assessed on", true,
		   date_format(today, d), "YYYY-MM-DD, not after today");
	field_init_choice(&f[XF_RISK_ROSH], "rosh", "Risk of serious harm",
			  rosh_labels, CF_ROSH_MEDIUM, "Left, Right or "
			  "Space: low, medium, high, very high");
	for (int g = 0; g < CF_RISK_N; g++)
		field_init_choice(&f[XF_RISK_GROUP + g], cf_at_risk_name(g),
				  labels[g], no_yes, 0, "whether this group "
				  "is at risk: Space");
	text_field(&f[XF_RISK_ASSESSOR], "assessor", "Assessed by",
		   CF_FIELD_MAX, false, "who assessed, and their agency");
	forms_check(fm);
}

void
forms_note(struct form_model *fm, mdate today)
{
	struct field *f = fm->f;
	char d[MDATE_BUFSZ];

	start(fm, FORM_NOTE, "Add a case note", XF_NOTE_COUNT, today);
	date_field(&f[XF_NOTE_DATE], "date", "Date", true,
		   date_format(today, d), "YYYY-MM-DD, not after today");
	text_field(&f[XF_NOTE_SUBJECT], "subject", "Subject", CF_FIELD_MAX,
		   true, "a few words: home visit, intelligence, ...");
	text_field(&f[XF_NOTE_TEXT], "text", "Note", 4000, true,
		   "what happened; notes are never changed afterwards");
	text_field(&f[XF_NOTE_CORRECTS], "corrects", "Corrects note", 12,
		   false, "the number of the note this one corrects, or "
		   "empty");
	forms_check(fm);
}

void
forms_offence(struct form_model *fm, mdate today, bool has_index)
{
	struct field *f = fm->f;

	start(fm, FORM_OFFENCE, "Record an offence", XF_OFF_COUNT, today);
	field_init_choice(&f[XF_OFF_INDEX], "index", "Index offence", no_yes,
			  has_index ? 0 : 1, "yes: the offence MAPPA manages "
			  "the case for (it becomes the index offence)");
	text_field(&f[XF_OFF_DESCRIPTION], "description", "Offence",
		   CF_LONG_MAX, true, "the offence, and the Act and section");
	date_field(&f[XF_OFF_DATE], "date", "Committed on", false, NULL,
		   "YYYY-MM-DD, or empty when not known");
	text_field(&f[XF_OFF_COURT], "court", "Court", CF_FIELD_MAX, false,
		   "where convicted");
	text_field(&f[XF_OFF_SENTENCE], "sentence", "Sentence", CF_LONG_MAX,
		   false, "e.g. 4 years' imprisonment");
	forms_check(fm);
}

void
forms_disclosure(struct form_model *fm, mdate today)
{
	struct field *f = fm->f;
	char d[MDATE_BUFSZ];

	start(fm, FORM_DISCLOSURE, "Record a disclosure decision",
	      XF_DISC_COUNT, today);
	date_field(&f[XF_DISC_DATE], "date", "Decided on", true,
		   date_format(today, d), "YYYY-MM-DD, not after today");
	field_init_choice(&f[XF_DISC_DECISION], "decision", "Decision",
			  decisions, 0, "Left, Right or Space");
	text_field(&f[XF_DISC_RECIPIENT], "recipient", "To whom",
		   CF_FIELD_MAX, true, "the third party, and their role");
	text_field(&f[XF_DISC_WHAT], "what", "What", 2000, true,
		   "what is disclosed (or would have been)");
	text_field(&f[XF_DISC_WHY], "why", "Why", 2000, true,
		   "the reasons for the decision");
	text_field(&f[XF_DISC_MEETING], "meeting", "Meeting number", 12,
		   false, "the held MAPP meeting that decided it (its number "
		   "in the meetings list), or empty");
	text_field(&f[XF_DISC_DECIDED_BY], "decided_by", "Decided by",
		   CF_FIELD_MAX, false, "the person who decided, when no "
		   "meeting did");
	field_init_choice(&f[XF_DISC_UNDERTAKING], "undertaking",
			  "Undertaking signed", no_yes, 0, "whether the "
			  "recipient signed the confidentiality undertaking");
	forms_check(fm);
}

void
forms_dates(struct form_model *fm, const struct db_key_dates *k, mdate today)
{
	struct field *f = fm->f;

	start(fm, FORM_DATES, "Key dates", XF_DATES_COUNT, today);
	date_field(&f[XF_DATES_SENTENCE], "sentence_expiry", "Sentence expiry",
		   false, k->sentence_expiry, "YYYY-MM-DD, or empty");
	date_field(&f[XF_DATES_LICENCE], "licence_expiry", "Licence expiry",
		   false, k->licence_expiry, "YYYY-MM-DD, or empty");
	date_field(&f[XF_DATES_RELEASE], "expected_release",
		   "Expected release", false, k->expected_release,
		   "while in custody: YYYY-MM-DD; MAPPA J is due six weeks "
		   "before");
	field_init_choice(&f[XF_DATES_RELEASE_TYPE], "release_type",
			  "Released on", release_labels, k->release_type + 1,
			  "once released: how");
	text_field(&f[XF_DATES_NOTIFICATION], "notification_end",
		   "Notification ends", MDATE_BUFSZ, false,
		   "YYYY-MM-DD, or \"" CF_INDEFINITE "\", or empty");
	field_set(&f[XF_DATES_NOTIFICATION], k->notification_end);
	date_field(&f[XF_DATES_MAPPA_J], "mappa_j_sent", "MAPPA J sent",
		   false, k->mappa_j_sent, "the day the MAPPA J notification "
		   "went to Jobcentre Plus, YYYY-MM-DD");
	for (int i = 0; i < fm->n; i++)
		f[i].changed = false;
	forms_check(fm);
}

void
forms_score(struct form_model *fm, const char *const *tools, mdate today)
{
	struct field *f = fm->f;
	char d[MDATE_BUFSZ];

	start(fm, FORM_SCORE, "Record a scored assessment", XF_SCORE_COUNT,
	      today);
	date_field(&f[XF_SCORE_DATE], "date", "Assessed on", true,
		   date_format(today, d), "YYYY-MM-DD, not after today");
	field_init_choice(&f[XF_SCORE_TOOL], "tool", "Tool", tools, 0,
			  "the area's tools (the setting assessment_tools)");
	text_field(&f[XF_SCORE_SCORE], "score", "Score or band",
		   CF_SCORE_MAX, true, "as the tool gives it: 24, high, "
		   "very high ...");
	forms_check(fm);
}

void
forms_order_end(struct form_model *fm, const char *const *orders,
		mdate today)
{
	struct field *f = fm->f;

	start(fm, FORM_ORDER_END, "When an order ends", XF_END_COUNT, today);
	field_init_choice(&f[XF_END_ORDER], "order", "Order", orders, 0,
			  "the case's orders, from its history");
	date_field(&f[XF_END_ENDS], "ends", "Ends on", false, NULL,
		   "YYYY-MM-DD, or empty for no end");
	forms_check(fm);
}

/* --- the rules ------------------------------------------------------------- */

/* A date field: real, and not after LATEST (MDATE_NONE: any). */
static void
check_day(struct field *f, mdate latest)
{
	char d[MDATE_BUFSZ];
	mdate v;

	if (field_blank(f))
		return; /* required: forms_check() says so */
	if (date_parse(field_text(f), &v) != 0)
		field_error(f, "not a date: write YYYY-MM-DD");
	else if (latest != MDATE_NONE && v > latest)
		field_error(f, "after today (%s)", date_format(latest, d));
}

static void
check_number(struct field *f)
{
	const char *s = field_text(f);
	char *end;
	long long v;

	if (field_blank(f))
		return;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v <= 0)
		field_error(f, "a number (as shown on the case screen), or "
			    "empty");
}

static void
check_control(struct field *f)
{
	if (str_has_control(field_text(f), false))
		field_error(f, "control characters are not allowed");
}

void
forms_casefile_check(struct form_model *fm)
{
	struct field *f = fm->f;

	for (int i = 0; i < fm->n; i++)
		if (f[i].kind == FIELD_TEXT)
			check_control(&f[i]);
	switch (fm->kind) {
	case FORM_RISK:
		check_day(&f[XF_RISK_DATE], fm->today);
		break;
	case FORM_NOTE:
		check_day(&f[XF_NOTE_DATE], fm->today);
		check_number(&f[XF_NOTE_CORRECTS]);
		break;
	case FORM_OFFENCE:
		check_day(&f[XF_OFF_DATE], fm->today);
		break;
	case FORM_SCORE:
		check_day(&f[XF_SCORE_DATE], fm->today);
		break;
	case FORM_ORDER_END: {
		const char *o = field_text(&f[XF_END_ORDER]);
		const char *made = strstr(o, " made ");
		mdate m, e;

		check_day(&f[XF_END_ENDS], MDATE_NONE);
		if (made && date_parse(made + 6, &m) == 0 &&
		    date_parse(field_text(&f[XF_END_ENDS]), &e) == 0 && e < m)
			field_error(&f[XF_END_ENDS], "before the order was "
				    "made");
		break;
	}
	case FORM_DISCLOSURE:
		check_day(&f[XF_DISC_DATE], fm->today);
		check_number(&f[XF_DISC_MEETING]);
		if (field_blank(&f[XF_DISC_MEETING]) ==
		    field_blank(&f[XF_DISC_DECIDED_BY]))
			str_copy(fm->problem, "give the meeting that decided, "
				 "or the person who did: one of them",
				 sizeof fm->problem);
		if (f[XF_DISC_DECISION].choice == 1 &&
		    f[XF_DISC_UNDERTAKING].choice == 1)
			field_error(&f[XF_DISC_UNDERTAKING], "nothing is "
				    "disclosed: there is no undertaking to "
				    "sign");
		break;
	case FORM_DATES: {
		const char *ne = field_text(&f[XF_DATES_NOTIFICATION]);
		mdate d;

		check_day(&f[XF_DATES_SENTENCE], MDATE_NONE);
		check_day(&f[XF_DATES_LICENCE], MDATE_NONE);
		check_day(&f[XF_DATES_RELEASE], MDATE_NONE);
		check_day(&f[XF_DATES_MAPPA_J], fm->today);
		if (!field_blank(&f[XF_DATES_NOTIFICATION]) &&
		    strcmp(ne, CF_INDEFINITE) != 0 && date_parse(ne, &d) != 0)
			field_error(&f[XF_DATES_NOTIFICATION], "a date "
				    "(YYYY-MM-DD) or \"" CF_INDEFINITE "\"");
		break;
	}
	default:
		break;
	}
}

/* --- reading a checked form ------------------------------------------------ */

void
forms_risk_get(const struct form_model *fm, struct db_risk *r)
{
	const struct field *f = fm->f;

	memset(r, 0, sizeof *r);
	str_copy(r->date, field_text(&f[XF_RISK_DATE]), sizeof r->date);
	r->rosh = f[XF_RISK_ROSH].choice;
	for (int g = 0; g < CF_RISK_N; g++)
		if (f[XF_RISK_GROUP + g].choice == 1)
			r->at_risk |= 1u << g;
	str_copy(r->assessor, field_text(&f[XF_RISK_ASSESSOR]),
		 sizeof r->assessor);
}

void
forms_note_get(const struct form_model *fm, struct db_note *n)
{
	const struct field *f = fm->f;

	memset(n, 0, sizeof *n);
	str_copy(n->date, field_text(&f[XF_NOTE_DATE]), sizeof n->date);
	str_copy(n->subject, field_text(&f[XF_NOTE_SUBJECT]),
		 sizeof n->subject);
	str_copy(n->text, field_text(&f[XF_NOTE_TEXT]), sizeof n->text);
	n->corrects = strtoll(field_text(&f[XF_NOTE_CORRECTS]), NULL, 10);
}

void
forms_offence_get(const struct form_model *fm, struct db_offence *o)
{
	const struct field *f = fm->f;

	memset(o, 0, sizeof *o);
	o->is_index = f[XF_OFF_INDEX].choice == 1;
	str_copy(o->description, field_text(&f[XF_OFF_DESCRIPTION]),
		 sizeof o->description);
	str_copy(o->date, field_text(&f[XF_OFF_DATE]), sizeof o->date);
	str_copy(o->court, field_text(&f[XF_OFF_COURT]), sizeof o->court);
	str_copy(o->sentence, field_text(&f[XF_OFF_SENTENCE]),
		 sizeof o->sentence);
}

void
forms_disclosure_get(const struct form_model *fm, struct db_disclosure *d)
{
	const struct field *f = fm->f;

	memset(d, 0, sizeof *d);
	str_copy(d->date, field_text(&f[XF_DISC_DATE]), sizeof d->date);
	d->disclosed = f[XF_DISC_DECISION].choice == 0;
	str_copy(d->recipient, field_text(&f[XF_DISC_RECIPIENT]),
		 sizeof d->recipient);
	str_copy(d->what, field_text(&f[XF_DISC_WHAT]), sizeof d->what);
	str_copy(d->why, field_text(&f[XF_DISC_WHY]), sizeof d->why);
	d->meeting_id = strtoll(field_text(&f[XF_DISC_MEETING]), NULL, 10);
	str_copy(d->decided_by, field_text(&f[XF_DISC_DECIDED_BY]),
		 sizeof d->decided_by);
	d->undertaking = f[XF_DISC_UNDERTAKING].choice == 1;
}

void
forms_dates_get(const struct form_model *fm, struct db_key_dates *k)
{
	const struct field *f = fm->f;

	db_key_dates_init(k);
	str_copy(k->sentence_expiry, field_text(&f[XF_DATES_SENTENCE]),
		 sizeof k->sentence_expiry);
	str_copy(k->licence_expiry, field_text(&f[XF_DATES_LICENCE]),
		 sizeof k->licence_expiry);
	str_copy(k->expected_release, field_text(&f[XF_DATES_RELEASE]),
		 sizeof k->expected_release);
	k->release_type = f[XF_DATES_RELEASE_TYPE].choice - 1;
	str_copy(k->notification_end, field_text(&f[XF_DATES_NOTIFICATION]),
		 sizeof k->notification_end);
	str_copy(k->mappa_j_sent, field_text(&f[XF_DATES_MAPPA_J]),
		 sizeof k->mappa_j_sent);
}

void
forms_score_get(const struct form_model *fm, struct db_score *sc)
{
	const struct field *f = fm->f;

	memset(sc, 0, sizeof *sc);
	str_copy(sc->date, field_text(&f[XF_SCORE_DATE]), sizeof sc->date);
	str_copy(sc->tool, field_text(&f[XF_SCORE_TOOL]), sizeof sc->tool);
	str_copy(sc->score, field_text(&f[XF_SCORE_SCORE]), sizeof sc->score);
}

void
forms_order_end_get(const struct form_model *fm, struct db_order_end *oe)
{
	const struct field *f = fm->f;
	const char *o = field_text(&f[XF_END_ORDER]);
	const char *made = strstr(o, " made ");

	memset(oe, 0, sizeof *oe);
	oe->kind = -1;
	if (made) {
		char kind[16];
		size_t n = (size_t)(made - o);

		if (n >= sizeof kind)
			n = sizeof kind - 1;
		memcpy(kind, o, n);
		kind[n] = '\0';
		oe->kind = ev_kind_parse(EV_ORDER, kind);
		str_copy(oe->made, made + 6, sizeof oe->made);
	}
	str_copy(oe->ends, field_text(&f[XF_END_ENDS]), sizeof oe->ends);
}
