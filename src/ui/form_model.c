/*
 * form_model.c -- the fields and rules of the forms that change records.
 *
 * Identity fields are checked one at a time by db_offender_check() itself:
 * each value is put into an otherwise valid record, so every field shows
 * its own error at once, in the layer's own words.  Events are checked by
 * placing the new event in the history where the data layer will put it
 * (after the other events of its date) and replaying the whole history.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agency.h"
#include "core/agenda.h"
#include "core/process.h"
#include "core/util.h"
#include "ui/form_model.h"

static const char *const genders[] = {
	"not recorded", "M", "F", "X", "U", NULL
};
/* The lead agency's choices: none, then the lead agencies (core/agency.h). */
static const char *const *
agency_choices(void)
{
	static const char *v[LEAD_AGENCY_COUNT + 2];

	if (v[0] == NULL) {
		v[0] = "not recorded";
		for (size_t i = 0; i < LEAD_AGENCY_COUNT; i++)
			v[i + 1] = lead_agencies[i];
	}
	return v;
}

/* Who referred: the names of the agencies (core/agenda.h), in the
 * table's order; the choice's index is the table's. */
static const char *const *
referrer_choices(void)
{
	static const char *v[32];

	if (v[0] == NULL)
		for (size_t i = 0; i < agenda_agency_count && i + 1 < NELEM(v);
		     i++)
			v[i] = agenda_agencies[i].name;
	return v;
}

/* The categories, numbered, from core's one list (ev_category_name). */
static const char *const *
category_choices(void)
{
	static char text[EV_CATEGORY_MAX][64];
	static const char *v[EV_CATEGORY_MAX + 1];

	if (v[0] == NULL)
		for (int c = 1; c <= EV_CATEGORY_MAX; c++) {
			str_printf(text[c - 1], sizeof text[0], "%d  %s", c,
				   ev_category_name(c));
			v[c - 1] = text[c - 1];
		}
	return v;
}
static const char *const levels[] = {
	"1  ordinary agency management", "2  multi-agency: MAPP meetings",
	"3  multi-agency: senior MAPP meetings", NULL
};
static const char *const meetings[] = {
	"none: an emergency decision", "a Level 2 MAPP meeting",
	"a Level 3 MAPP meeting", NULL
};

const int forms_event_types[] = {
	EV_LEVEL, EV_CATEGORY, EV_CUSTODY, EV_RELEASE, EV_ORDER,
	EV_NOTIFICATION_BREACH, EV_EXIT, EV_REGISTER, EV_SFO_CHARGE,
	EV_NOTIFICATION_REVIEW,
};
const int forms_event_type_count = (int)NELEM(forms_event_types);

static const char *const type_labels[] = {
	"level change", "category change", "custody", "release from custody",
	"order", "notification breach", "exit from MAPPA", "registration",
	"serious further offence charge", "review of indefinite notification",
	NULL
};

/* The kinds of each event type, spelt for people ("licence breach"); a
 * type whose kind is optional (register) offers "none" first. */
#define KINDS_MAX 12
static char kind_text[EV_TYPE_COUNT][KINDS_MAX][24];
static const char *kind_labels[EV_TYPE_COUNT][KINDS_MAX + 2];
static const char *const no_kinds[] = { "-", NULL };

/* The kind the form's choice C stands for, with TYPE's kinds shown. */
static uint8_t
kind_of_choice(int type, int c)
{
	return (uint8_t)(ev_needs_kind(type) ? c + 1 : c);
}

static const char *const *
kinds_of(int type)
{
	int n = ev_kind_count(type), at = 0;

	if (n == 0 || n > KINDS_MAX)
		return no_kinds;
	if (kind_labels[type][0] == NULL) {
		if (!ev_needs_kind(type))
			kind_labels[type][at++] = "none";
		for (int k = 1; k <= n; k++) {
			char *t = kind_text[type][k - 1];

			str_copy(t, ev_kind_name(type, k), sizeof kind_text[0][0]);
			for (char *p = t; *p; p++)
				if (*p == '_')
					*p = ' ';
			kind_labels[type][at++] = t;
		}
		kind_labels[type][at] = NULL;
	}
	return kind_labels[type];
}

const char *
forms_event_type_label(int type)
{
	for (int i = 0; i < forms_event_type_count; i++)
		if (forms_event_types[i] == type)
			return type_labels[i];
	return ev_type_name(type);
}

/* --- dates ----------------------------------------------------------- */

struct ev_state
forms_state_on(const struct ev *hist, size_t n, mdate date)
{
	struct ev_state st = { 0 };

	for (size_t i = 0; i < n && hist[i].date <= date; i++)
		ev_apply(&st, &hist[i]);
	return st;
}

/* Check a date field: required or not, real, not after LATEST (unless
 * MDATE_NONE), not before EARLIEST (unless MDATE_NONE).  *OUT gets it. */
static bool
check_date(struct field *f, mdate earliest, const char *before_what,
	   mdate latest, mdate *out)
{
	char d[MDATE_BUFSZ];

	*out = MDATE_NONE;
	if (field_blank(f)) {
		if (f->required)
			field_error(f, "a date is required (YYYY-MM-DD)");
		return !f->required;
	}
	if (date_parse(field_text(f), out) != 0) {
		field_error(f, "not a date: write YYYY-MM-DD");
		return false;
	}
	if (latest != MDATE_NONE && *out > latest) {
		field_error(f, "after today (%s)", date_format(latest, d));
		return false;
	}
	if (earliest != MDATE_NONE && *out < earliest) {
		field_error(f, "before the %s", before_what);
		return false;
	}
	return true;
}

/* Set a review date field F to WHEN unless the person has edited it. */
static void
default_date(struct field *f, mdate when)
{
	char d[MDATE_BUFSZ];

	if (f->changed || f->hidden)
		return;
	field_set(f, when == MDATE_NONE ? "" : date_format(when, d));
}

/* --- identity fields ---------------------------------------------------- */

static void
identity_fields(struct form_model *fm)
{
	struct field *f = fm->f;

	field_init_text(&f[RF_REF], "ref", "Reference", FIELD_TEXT,
			DB_REF_MAX - 1, true,
			"the area's case reference: A-Z, 0-9, - / _");
	field_init_text(&f[RF_SURNAME], "surname", "Surname", FIELD_TEXT,
			DB_FIELD_MAX - 1, true, NULL);
	field_init_text(&f[RF_FORENAMES], "forenames", "Forenames",
			FIELD_TEXT, DB_FIELD_MAX - 1, false, NULL);
	field_init_text(&f[RF_DOB], "dob", "Date of birth", FIELD_DATE,
			MDATE_BUFSZ - 1, false, "YYYY-MM-DD");
	field_init_choice(&f[RF_GENDER], "gender", "Gender", genders, 0,
			  "Left and Right (or Space) choose");
	field_init_text(&f[RF_PNC], "pnc", "PNC ID", FIELD_TEXT,
			DB_FIELD_MAX - 1, false,
			"Police National Computer, e.g. 10/123456A");
	field_init_text(&f[RF_CRN], "crn", "CRN", FIELD_TEXT,
			DB_FIELD_MAX - 1, false,
			"probation case reference, e.g. X123456");
	field_init_text(&f[RF_VISOR], "visor", "ViSOR", FIELD_TEXT,
			DB_FIELD_MAX - 1, false, NULL);
	field_init_text(&f[RF_DISTRICT], "district", "District", FIELD_TEXT,
			DB_FIELD_MAX - 1, false, NULL);
	field_init_choice(&f[RF_AGENCY], "lead_agency", "Lead agency",
			  agency_choices(), 0,
			  "Left and Right (or Space) choose");
}

static int
choice_of(const char *const *choices, const char *value)
{
	for (int i = 0; choices[i]; i++)
		if (strcmp(choices[i], value) == 0)
			return i;
	return 0;
}

/* The value of identity field I as the record holds it. */
static const char *
identity_value(const struct form_model *fm, int i)
{
	const struct field *f = &fm->f[i];

	if (f->kind == FIELD_CHOICE)
		return f->choice == 0 ? "" : field_text(f);
	return field_text(f);
}

/* Put identity field I of FM into O. */
static void
put_identity(struct db_offender *o, const struct form_model *fm, int i)
{
	const char *v = identity_value(fm, i);

	switch (i) {
	case RF_REF:
		str_copy(o->ref, v, sizeof o->ref);
		break;
	case RF_SURNAME:
		str_copy(o->surname, v, sizeof o->surname);
		break;
	case RF_FORENAMES:
		str_copy(o->forenames, v, sizeof o->forenames);
		break;
	case RF_DOB:
		str_copy(o->dob, v, sizeof o->dob);
		break;
	case RF_GENDER:
		str_copy(o->gender, v, sizeof o->gender);
		break;
	case RF_PNC:
		str_copy(o->pnc, v, sizeof o->pnc);
		break;
	case RF_CRN:
		str_copy(o->crn, v, sizeof o->crn);
		break;
	case RF_VISOR:
		str_copy(o->visor, v, sizeof o->visor);
		break;
	case RF_DISTRICT:
		str_copy(o->district, v, sizeof o->district);
		break;
	case RF_AGENCY:
		str_copy(o->lead_agency, v, sizeof o->lead_agency);
		break;
	default:
		break;
	}
}

/* Check identity field I alone, by the data layer's rules. */
static void
check_identity_field(struct form_model *fm, int i)
{
	struct db_offender o;
	struct field *f = &fm->f[i];
	const char *name, *why;
	mdate d;

	if (f->required && field_blank(f))
		return; /* "required", below */
	memset(&o, 0, sizeof o);
	str_copy(o.ref, "A", sizeof o.ref);
	str_copy(o.surname, "A", sizeof o.surname);
	if (i == IF_NOTES && fm->kind == FORM_IDENTITY) {
		o.notes = f->text;
	} else {
		if (strlen(identity_value(fm, i)) > f->max &&
		    f->kind != FIELD_CHOICE) {
			field_error(f, "too long: at most %zu bytes", f->max);
			return;
		}
		put_identity(&o, fm, i);
	}
	if ((why = db_offender_check(&o, &name)) != NULL && name &&
	    strcmp(name, f->name) == 0) {
		field_error(f, "%s", why);
		return;
	}
	if (i == RF_DOB && date_parse(field_text(f), &d) == 0 && d > fm->today)
		field_error(f, "a date of birth cannot be after today");
}

/* A reference another case already has. */
static void
check_ref_taken(struct form_model *fm)
{
	struct field *f = &fm->f[RF_REF];
	bool taken = false;

	if (f->error || fm->db == NULL)
		return;
	if (fm->original && strcmp(fm->original->ref, field_text(f)) == 0)
		return;
	if (db_ref_taken(fm->db, field_text(f), &taken) == DB_OK && taken)
		field_error(f, "a case with this reference already exists");
}

/* --- the referral ---------------------------------------------------------- */

void
forms_referral(struct form_model *fm, struct db *db, mdate today,
	       const struct form_intervals *iv)
{
	const struct agenda_agency *probation = agenda_agency_find("probation");
	struct field *f = fm->f;
	char d[MDATE_BUFSZ];

	memset(fm, 0, sizeof *fm);
	fm->kind = FORM_REFERRAL;
	fm->title = "New case";
	fm->db = db;
	fm->today = today;
	fm->iv = *iv;
	fm->n = RF_COUNT;
	identity_fields(fm);
	field_init_text(&f[RF_DATE], "date", "Referral date", FIELD_DATE,
			MDATE_BUFSZ - 1, true, "the date the referral was "
			"received, YYYY-MM-DD");
	field_set(&f[RF_DATE], date_format(today, d));
	/* Probation chosen at first, as before. */
	field_init_choice(&f[RF_REFERRER], "agency", "Referred by",
			  referrer_choices(), (int)(probation - agenda_agencies),
			  "the agency that referred the case");
	field_init_choice(&f[RF_CATEGORY], "category", "Category",
			  category_choices(),
			  0, NULL);
	field_init_choice(&f[RF_LEVEL], "level", "Level", levels, 0,
			  "the level the case is managed at from now");
	field_init_text(&f[RF_REVIEW], "next_review", "Initial meeting by",
			FIELD_DATE, MDATE_BUFSZ - 1, false,
			"Level 2/3: the initial meeting's deadline; Level 1: "
			"the first review");
	field_init_text(&f[RF_REASON], "reason", "Reason for referral",
			FIELD_TEXT, 1000, false, NULL);
	forms_check(fm);
}

static void
check_referral(struct form_model *fm)
{
	struct field *f = fm->f;
	struct ev_state st = { 0 };
	struct ev e = { 0 };
	const char *why;
	mdate date, review;
	int level = f[RF_LEVEL].choice + 1;

	for (int i = RF_REF; i <= RF_AGENCY; i++)
		check_identity_field(fm, i);
	check_ref_taken(fm);
	/* A Level 1 registration is no referral: nobody referred it. */
	f[RF_REFERRER].hidden = level < 2;
	f[RF_REASON].hidden = level < 2;
	f[RF_DATE].label = level >= 2 ? "Referral date" : "Registration date";
	if (check_date(&f[RF_DATE], MDATE_NONE, NULL, fm->today, &date)) {
		mdate due = level >= 2
			? process_initial_due(&fm->iv.ps, fm->iv.holidays,
					      level, date)
			: process_review_due(&fm->iv.ps, level, date);

		f[RF_REVIEW].label = level >= 2 ? "Initial meeting by"
						: "First review by";
		default_date(&f[RF_REVIEW], due);
		check_date(&f[RF_REVIEW], date, "referral date", MDATE_NONE,
			   &review);
	}
	e.type = EV_REGISTER;
	e.category = (uint8_t)(f[RF_CATEGORY].choice + 1);
	e.level = (uint8_t)level;
	if ((why = ev_apply(&st, &e)) != NULL)
		field_error(&f[RF_LEVEL], "%s", why);
}

void
forms_referral_get(const struct form_model *fm, struct db_offender *o,
		   struct db_referral *r, int *category, int *level,
		   mdate *next_review)
{
	const struct field *f = fm->f;

	memset(o, 0, sizeof *o);
	memset(r, 0, sizeof *r);
	for (int i = RF_REF; i <= RF_AGENCY; i++)
		put_identity(o, fm, i);
	str_copy(r->date, field_text(&f[RF_DATE]), sizeof r->date);
	str_copy(r->agency, agenda_agencies[f[RF_REFERRER].choice].code,
		 sizeof r->agency);
	r->reason = field_blank(&f[RF_REASON]) ? NULL
					       : field_text(&f[RF_REASON]);
	*category = f[RF_CATEGORY].choice + 1;
	*level = f[RF_LEVEL].choice + 1;
	if (field_blank(&f[RF_REVIEW]) ||
	    date_parse(field_text(&f[RF_REVIEW]), next_review) != 0)
		*next_review = MDATE_NONE;
}

/* --- identity ------------------------------------------------------------- */

int
forms_identity(struct form_model *fm, struct db *db,
	       const struct db_offender *o, mdate today)
{
	struct field *f = fm->f;
	const char *text[] = {
		[RF_REF] = o->ref, [RF_SURNAME] = o->surname,
		[RF_FORENAMES] = o->forenames, [RF_DOB] = o->dob,
		[RF_PNC] = o->pnc, [RF_CRN] = o->crn, [RF_VISOR] = o->visor,
		[RF_DISTRICT] = o->district,
	};

	memset(fm, 0, sizeof *fm);
	fm->kind = FORM_IDENTITY;
	fm->title = "Edit identity";
	fm->db = db;
	fm->today = today;
	fm->original = o;
	fm->n = IF_COUNT;
	identity_fields(fm);
	field_init_text(&f[IF_NOTES], "notes", "Notes", FIELD_TEXT, 4000,
			false, "line breaks already in the notes are kept "
			"(shown as ^J)");
	for (int i = RF_REF; i <= RF_DISTRICT; i++)
		if (f[i].kind != FIELD_CHOICE && field_set(&f[i], text[i]) != 0)
			return -1;
	if (field_set(&f[IF_NOTES], o->notes ? o->notes : "") != 0)
		return -1;
	/* The notes are case notes now (issue 15), added on the case
	 * screen: the form no longer shows the old single field. */
	f[IF_NOTES].hidden = true;
	f[RF_GENDER].choice = o->gender[0] ? choice_of(genders, o->gender) : 0;
	f[RF_AGENCY].choice = o->lead_agency[0]
		? choice_of(agency_choices(), o->lead_agency) : 0;
	for (int i = 0; i < fm->n; i++)
		f[i].changed = false;
	forms_check(fm);
	return 0;
}

int
forms_identity_get(const struct form_model *fm, struct db_offender *o)
{
	const char *notes = field_text(&fm->f[IF_NOTES]);

	*o = *fm->original;
	o->notes = NULL;
	for (int i = RF_REF; i <= RF_AGENCY; i++)
		put_identity(o, fm, i);
	if (*notes && (o->notes = strdup(notes)) == NULL)
		return -1;
	return 0;
}

/* The stored value of identity field I of O, as a field shows it. */
static const char *
stored(const struct db_offender *o, int i)
{
	switch (i) {
	case RF_REF:
		return o->ref;
	case RF_SURNAME:
		return o->surname;
	case RF_FORENAMES:
		return o->forenames;
	case RF_DOB:
		return o->dob;
	case RF_GENDER:
		return o->gender;
	case RF_PNC:
		return o->pnc;
	case RF_CRN:
		return o->crn;
	case RF_VISOR:
		return o->visor;
	case RF_DISTRICT:
		return o->district;
	case RF_AGENCY:
		return o->lead_agency;
	case IF_NOTES:
		return o->notes ? o->notes : "";
	default:
		return "";
	}
}

int
forms_identity_rebase(struct form_model *fm, const struct db_offender *theirs)
{
	const struct db_offender *old = fm->original;

	for (int i = RF_REF; i <= IF_NOTES; i++) {
		struct field *f = &fm->f[i];
		const char *mine = i == IF_NOTES ? field_text(f)
						 : identity_value(fm, i);
		const char *was = stored(old, i), *now = stored(theirs, i);

		if (strcmp(mine, was) != 0 || strcmp(was, now) == 0)
			continue; /* changed here, or not there */
		if (f->kind == FIELD_CHOICE) {
			f->choice = now[0]
				? choice_of(i == RF_GENDER ? genders
					    : agency_choices(), now) : 0;
		} else if (field_set(f, now) != 0) {
			return -1;
		}
	}
	forms_check(fm);
	return 0;
}

/* --- events --------------------------------------------------------------- */

void
forms_event(struct form_model *fm, int type, const struct ev *hist,
	    size_t n, mdate today, const struct form_intervals *iv)
{
	struct field *f = fm->f;
	struct ev_state st = forms_state_on(hist, n, today);
	char d[MDATE_BUFSZ];
	int t = 0;

	memset(fm, 0, sizeof *fm);
	fm->kind = FORM_EVENT;
	fm->title = "Record an event";
	fm->today = today;
	fm->iv = *iv;
	fm->hist = hist;
	fm->nhist = n;
	fm->n = EF_COUNT;
	fm->shown_type = -1;
	for (int i = 0; i < forms_event_type_count; i++)
		if (forms_event_types[i] == type)
			t = i;
	field_init_choice(&f[EF_TYPE], "type", "Event", type_labels, t,
			  "Left and Right (or Space) choose the event");
	field_init_text(&f[EF_DATE], "date", "Date", FIELD_DATE,
			MDATE_BUFSZ - 1, true, "YYYY-MM-DD");
	field_set(&f[EF_DATE], date_format(today, d));
	field_init_choice(&f[EF_CATEGORY], "category", "Category",
			  category_choices(),
			  st.registered && st.category ? st.category - 1 : 0,
			  NULL);
	field_init_choice(&f[EF_LEVEL], "level", "Level", levels,
			  st.registered && st.level ? st.level - 1 : 0, NULL);
	field_init_choice(&f[EF_KIND], "kind", "Kind", no_kinds, 0, NULL);
	field_init_text(&f[EF_REASON], "note", "Reason", FIELD_TEXT, 1000,
			false, NULL);
	field_init_text(&f[EF_DECIDER], "decided_by", "Decided by",
			FIELD_TEXT, DB_FIELD_MAX - 1, false,
			"the meeting's chair, or the person who decided");
	field_init_choice(&f[EF_MEETING], "meeting", "Decided at", meetings,
			  st.registered && st.level >= 2 ? st.level - 1 : 0,
			  NULL);
	field_init_text(&f[EF_REVIEW], "next_review", "Next review",
			FIELD_DATE, MDATE_BUFSZ - 1, false,
			"YYYY-MM-DD; by default one review interval on");
	forms_check(fm);
}

/*
 * Whether HIST with E put after the events of its date still obeys the
 * rules; if not, a sentence in BUF (as the data layer would say it).
 */
static bool
fits_history(const struct ev *hist, size_t n, const struct ev *e, char *buf,
	     size_t len)
{
	struct ev *v = malloc((n + 1) * sizeof *v);
	char d1[MDATE_BUFSZ], d2[MDATE_BUFSZ];
	const char *why;
	size_t pos, at = 0;

	if (v == NULL) {
		str_copy(buf, "out of memory", len);
		return false;
	}
	for (pos = n; pos > 0 && hist[pos - 1].date > e->date; pos--)
		;
	if (pos)
		memcpy(v, hist, pos * sizeof *v);
	v[pos] = *e;
	if (n > pos)
		memcpy(v + pos + 1, hist + pos, (n - pos) * sizeof *v);
	why = ev_check_history(v, n + 1, &at);
	if (why && at == pos)
		str_printf(buf, len, "%s on %s: %s",
			   forms_event_type_label(e->type),
			   date_format(e->date, d1), why);
	else if (why)
		str_printf(buf, len, "%s on %s would break the later %s on "
			   "%s: %s", forms_event_type_label(e->type),
			   date_format(e->date, d1),
			   forms_event_type_label(v[at].type),
			   date_format(v[at].date, d2), why);
	free(v);
	return why == NULL;
}

static void
check_event(struct form_model *fm)
{
	struct field *f = fm->f;
	int type = forms_event_types[f[EF_TYPE].choice];
	struct ev e = { 0 };
	struct ev_state st;
	const char *why;
	mdate date, review;

	/* Which fields this type takes. */
	if (type != fm->shown_type) {
		f[EF_KIND].choices = kinds_of(type);
		f[EF_KIND].nchoices = 0;
		while (f[EF_KIND].choices[f[EF_KIND].nchoices])
			f[EF_KIND].nchoices++;
		f[EF_KIND].choice = 0;
		fm->shown_type = type;
	}
	f[EF_CATEGORY].hidden = !ev_needs_category(type);
	f[EF_LEVEL].hidden = !ev_needs_level(type);
	f[EF_KIND].hidden = !ev_takes_kind(type);
	f[EF_REASON].label = type == EV_LEVEL ? "Reason" : "Note";
	f[EF_REASON].required = type == EV_LEVEL;
	f[EF_DECIDER].hidden = type != EV_LEVEL && type != EV_CATEGORY &&
			       type != EV_EXIT && type != EV_REGISTER;
	f[EF_DECIDER].required = type == EV_LEVEL;
	f[EF_MEETING].hidden = type != EV_LEVEL && type != EV_CATEGORY &&
			       type != EV_EXIT;
	f[EF_REVIEW].hidden = type != EV_LEVEL && type != EV_REGISTER;

	if (f[EF_REASON].required && field_blank(&f[EF_REASON]))
		field_error(&f[EF_REASON], "a level change needs its reason");
	if (!f[EF_DECIDER].hidden && f[EF_DECIDER].required &&
	    field_blank(&f[EF_DECIDER]))
		field_error(&f[EF_DECIDER], "who decided: the chair or the "
			    "person");
	if (!check_date(&f[EF_DATE], MDATE_NONE, NULL, fm->today, &date))
		return;
	st = forms_state_on(fm->hist, fm->nhist, date);
	e.date = date;
	e.type = (uint8_t)type;
	if (!f[EF_CATEGORY].hidden)
		e.category = (uint8_t)(f[EF_CATEGORY].choice + 1);
	if (!f[EF_LEVEL].hidden)
		e.level = (uint8_t)(f[EF_LEVEL].choice + 1);
	if (!f[EF_KIND].hidden)
		e.kind = kind_of_choice(type, f[EF_KIND].choice);
	if (!f[EF_REVIEW].hidden) {
		default_date(&f[EF_REVIEW],
			     process_review_due(&fm->iv.ps, e.level, date));
		check_date(&f[EF_REVIEW], date, "event's date", MDATE_NONE,
			   &review);
	}
	if ((why = ev_check_fields(&e)) != NULL) {
		str_copy(fm->problem, why, sizeof fm->problem);
		return;
	}
	if (type == EV_LEVEL && st.registered && st.level == e.level) {
		field_error(&f[EF_LEVEL], "the case is at Level %d already "
			    "on that date", e.level);
		return;
	}
	if (type == EV_CATEGORY && st.registered && st.category == e.category) {
		field_error(&f[EF_CATEGORY], "the case is in Category %d "
			    "already on that date", e.category);
		return;
	}
	fits_history(fm->hist, fm->nhist, &e, fm->problem, sizeof fm->problem);
}

void
forms_event_get(const struct form_model *fm, struct db_event *e,
		int *meeting_level, mdate *next_review)
{
	const struct field *f = fm->f;
	int type = forms_event_types[f[EF_TYPE].choice];

	memset(e, 0, sizeof *e);
	date_parse(field_text(&f[EF_DATE]), &e->ev.date);
	e->ev.type = (uint8_t)type;
	if (!f[EF_CATEGORY].hidden)
		e->ev.category = (uint8_t)(f[EF_CATEGORY].choice + 1);
	if (!f[EF_LEVEL].hidden)
		e->ev.level = (uint8_t)(f[EF_LEVEL].choice + 1);
	if (!f[EF_KIND].hidden)
		e->ev.kind = kind_of_choice(type, f[EF_KIND].choice);
	e->note = field_blank(&f[EF_REASON]) ? NULL : field_text(&f[EF_REASON]);
	e->decided_by = f[EF_DECIDER].hidden || field_blank(&f[EF_DECIDER])
		? NULL : field_text(&f[EF_DECIDER]);
	e->source = SRC_MAPPA;
	*meeting_level = f[EF_MEETING].hidden || f[EF_MEETING].choice == 0
		? 0 : f[EF_MEETING].choice + 1;
	if (f[EF_REVIEW].hidden || field_blank(&f[EF_REVIEW]) ||
	    date_parse(field_text(&f[EF_REVIEW]), next_review) != 0)
		*next_review = MDATE_NONE;
}

/* --- keeping a record past its retention review ------------------------ */

void
forms_keep(struct form_model *fm, mdate review, mdate today)
{
	struct field *f = fm->f;
	char d[MDATE_BUFSZ];

	memset(fm, 0, sizeof *fm);
	fm->kind = FORM_KEEP;
	fm->title = "Keep the record";
	fm->today = today;
	fm->keep_after = review;
	fm->n = KF_COUNT;
	field_init_text(&f[KF_UNTIL], "until", "Keep until", FIELD_DATE,
			MDATE_BUFSZ - 1, true, "the next retention review, "
			"after the one due now; YYYY-MM-DD");
	field_set(&f[KF_UNTIL], date_format(process_add_months(
		review > today ? review : today, 12), d));
	field_init_text(&f[KF_WHY], "reason", "Justification", FIELD_TEXT,
			300, true, "why it is still needed; kept in the audit "
			"trail, so never name the person");
	forms_check(fm);
}

static void
check_keep(struct form_model *fm)
{
	struct field *f = &fm->f[KF_UNTIL];
	char d[MDATE_BUFSZ];
	mdate until;

	if (check_date(f, MDATE_NONE, NULL, MDATE_NONE, &until) &&
	    until != MDATE_NONE && until <= fm->keep_after)
		field_error(f, "not after the review due (%s)",
			    date_format(fm->keep_after, d));
}

/* --- a MAPP meeting ------------------------------------------------------ */

static const char *const meeting_levels[] = { "Level 2", "Level 3", NULL };

void
forms_meeting(struct form_model *fm, const struct db_meeting *m,
	      const char *invited, mdate today)
{
	struct field *f = fm->f;
	char d[MDATE_BUFSZ];

	memset(fm, 0, sizeof *fm);
	fm->kind = FORM_MEETING;
	fm->title = m ? "Edit the meeting" : "Schedule a MAPP meeting";
	fm->today = today;
	fm->n = MF_COUNT;
	field_init_text(&f[MF_DATE], "date", "Date", FIELD_DATE,
			MDATE_BUFSZ - 1, true, "YYYY-MM-DD");
	field_set(&f[MF_DATE], m ? m->date : date_format(today, d));
	field_init_text(&f[MF_TIME], "time", "Time", FIELD_TEXT, 5, false,
			"HH:MM, or empty");
	field_set(&f[MF_TIME], m ? m->time : "");
	field_init_choice(&f[MF_LEVEL], "level", "Level", meeting_levels,
			  m && m->level == 3 ? 1 : 0, "Left, Right or Space");
	field_init_text(&f[MF_CHAIR], "chair", "Chair", FIELD_TEXT,
			DB_FIELD_MAX - 1, false, "who chairs it (needed before "
			"a level decision)");
	field_set(&f[MF_CHAIR], m ? m->chair : "");
	field_init_text(&f[MF_VENUE], "venue", "Venue", FIELD_TEXT,
			DB_FIELD_MAX - 1, false, "where it sits");
	field_set(&f[MF_VENUE], m ? m->venue : "");
	field_init_text(&f[MF_AGENCIES], "agencies", "Invited agencies",
			FIELD_TEXT, 300, false, "codes separated by spaces: "
			"police probation prison ...");
	field_set(&f[MF_AGENCIES], invited ? invited : "");
	forms_check(fm);
}

static void
check_meeting(struct form_model *fm)
{
	struct field *f = fm->f;
	const char *t = field_text(&f[MF_TIME]);
	mdate date;
	char word[64];

	check_date(&f[MF_DATE], MDATE_NONE, NULL, MDATE_NONE, &date);
	if (!field_blank(&f[MF_TIME]) &&
	    (strlen(t) != 5 || t[2] != ':' || t[0] < '0' || t[0] > '2' ||
	     t[1] < '0' || t[1] > '9' || t[3] < '0' || t[3] > '5' ||
	     t[4] < '0' || t[4] > '9' || (t[0] == '2' && t[1] > '3')))
		field_error(&f[MF_TIME], "a time reads HH:MM (24-hour)");
	for (const char *p = field_text(&f[MF_AGENCIES]); *p;) {
		size_t n = strcspn(p, " ,");

		if (n > 0) {
			str_copy(word, p, n + 1 < sizeof word ? n + 1
							      : sizeof word);
			if (agenda_agency_find(word) == NULL) {
				field_error(&f[MF_AGENCIES], "no agency "
					    "\"%s\"", word);
				return;
			}
		}
		p += n;
		p += strspn(p, " ,");
	}
}

/* --- every form --------------------------------------------------------- */

void
forms_check(struct form_model *fm)
{
	fm->problem[0] = '\0';
	for (int i = 0; i < fm->n; i++)
		field_error(&fm->f[i], NULL);
	switch (fm->kind) {
	case FORM_REFERRAL:
		check_referral(fm);
		break;
	case FORM_IDENTITY:
		for (int i = RF_REF; i <= IF_NOTES; i++)
			check_identity_field(fm, i);
		check_ref_taken(fm);
		break;
	case FORM_EVENT:
		check_event(fm);
		break;
	case FORM_KEEP:
		check_keep(fm);
		break;
	case FORM_MEETING:
		check_meeting(fm);
		break;
	default:
		forms_casefile_check(fm);
		break;
	}
	fm->nerrors = fm->problem[0] != '\0';
	for (int i = 0; i < fm->n; i++) {
		struct field *f = &fm->f[i];

		if (f->hidden) {
			f->error = NULL;
			continue;
		}
		if (!f->error && f->required && field_blank(f))
			field_error(f, "required");
		fm->nerrors += f->error != NULL;
	}
}

bool
forms_changed(const struct form_model *fm)
{
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].changed)
			return true;
	return false;
}

void
forms_free(struct form_model *fm)
{
	for (int i = 0; i < fm->n; i++)
		field_free(&fm->f[i]);
	fm->n = 0;
}
