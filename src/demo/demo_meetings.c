/*
 * demo_meetings.c -- the demo area's meeting history (demo_meetings.h).
 *
 * A case's history is walked once.  Each event decided at a meeting
 * becomes an agenda item of that meeting (an initial meeting for a
 * registration, a level change, an exit), minuted with the event's
 * reason.  While the case sits at Level 2 or 3 it is reviewed at the last
 * meeting of its level on or before each review date (8 or 16 weeks after
 * the last decision), until its next event; a few cases miss their
 * latest review, so that the register shows some overdue, as a real one
 * does.  The minutes' wording comes from small tables that fit the
 * case's category, level and custody; the actions from a table of the
 * usual tasks, owned by invented officers, nearly all done by their due
 * date once it has passed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/process.h"
#include "demo/demo_meetings.h"
#include "core/util.h"

#define PICK(r, a) ((a)[rnd((r), NELEM(a))])

/* splitmix64, as demo/demo.c. */
static uint64_t
next64(uint64_t *r)
{
	uint64_t z = (*r += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static uint32_t
rnd(uint64_t *r, uint32_t n)
{
	return (uint32_t)(((next64(r) >> 32) * (uint64_t)n) >> 32);
}

static bool
chance(uint64_t *r, int permille)
{
	return (int)rnd(r, 1000) < permille;
}

/* --- the words ---------------------------------------------------------------- */

static const char *const review_rationales[] = {
	"Compliant with supervision and licence conditions; no new "
	"intelligence since the last meeting.",
	"Police home visits found no concerns; engaging with the offender "
	"manager.  The plan is working and the risk is unchanged.",
	"Stable accommodation; attends every appointment.  Agencies agree "
	"the present level of management is still needed.",
	"Some missed appointments, explained and followed up; no indication "
	"of increased risk.  Continue the plan.",
	"New relationship disclosed to the offender manager; checks under "
	"way.  Risk unchanged while they are completed.",
	"Progress in treatment reported by the programme team; the panel "
	"wants a further period of stability before any change.",
};

static const char *const initial_rationales[] = {
	"The risk of serious harm is assessed as high and needs active "
	"multi-agency management: the plan below sets out each agency's "
	"part.",
	"A multi-agency plan is needed for accommodation, supervision and "
	"victim safety, which no single agency can deliver.",
};

static const char *const dissents[] = {
	"Children's social care would have preferred a higher level; the "
	"panel agreed to review sooner if there is any new concern.",
	"Housing could not commit to the move-on address within the "
	"timescale; the chair noted the risk this carries.",
	"The police representative asked for a curfew variation that "
	"probation did not support; the chair decided on the evidence.",
};

static const char *const supervision_community[] = {
	"Weekly supervision with the offender manager; the police offender "
	"manager visits at home at least monthly.",
	"Fortnightly supervision with the offender manager; approved "
	"premises staff report on any change in behaviour.",
	"Weekly reporting to probation; joint home visit by police and "
	"probation within two weeks.",
};

static const char *const supervision_custody[] = {
	"Offender supervisor in custody; the community offender manager "
	"keeps contact and plans for release.",
	"Sentence plan reviewed with the prison; pre-release meeting to be "
	"held at least eight weeks before release.",
};

static const char *const monitoring_cat1[] = {
	"Notification requirements checked; ViSOR record updated; "
	"unannounced home visits; SOPO conditions monitored.",
	"Notification checks and ViSOR updates; internet use monitored "
	"under the SOPO; devices examined on each visit.",
};

static const char *const monitoring_cat2[] = {
	"Licence conditions: curfew with an electronic tag, exclusion zone "
	"and non-contact with the victim; breaches reported the same day.",
	"Licence conditions monitored: residence at the approved premises, "
	"curfew, no contact with the victim.",
};

static const char *const monitoring_cat3[] = {
	"Police markers on the home and the victim's address; intelligence "
	"shared between police and the mental health trust.",
	"Regular checks by the neighbourhood team; a marker on the victim's "
	"address for a priority response.",
};

static const char *const interventions[] = {
	"Accredited sex offender treatment programme; polygraph testing "
	"under the licence.",
	"Thinking Skills Programme; referral to the substance misuse "
	"service.",
	"Mental health assessment and treatment by the community team; "
	"medication reviewed monthly.",
	"Domestic abuse programme; support into training and work through "
	"Jobcentre Plus.",
	"One-to-one work on victim awareness; alcohol treatment "
	"requirement.",
};

static const char *const victim_safety[] = {
	"Exclusion zone around the victim's home; the victim liaison "
	"officer keeps the victim informed of relevant licence conditions.",
	"Target hardening at the victim's home; a priority marker for any "
	"call from the address.",
	"Children's social care to safeguard the children at the partner's "
	"address; no unsupervised contact.",
	"No identified victim at present; general public protection "
	"measures apply.",
};

static const char *const contingencies[] = {
	"On any breach of licence, probation to consider recall the same "
	"day; police to locate and arrest.",
	"If contact with children is reported: immediate joint visit by "
	"police and children's social care; chair to be told.",
	"If the accommodation fails: the coordinator to call an emergency "
	"meeting within 48 hours.",
	"If the offender goes missing: police to circulate as wanted and "
	"alert the victim liaison officer.",
};

static const char *const victim_issues[] = {
	"The victim has opted in to the victim contact scheme and is kept "
	"informed through the victim liaison officer.",
	"The victim has asked for an exclusion zone condition; agreed.",
	"No victim issues raised at this meeting.",
	"The victim's family raised concerns about the release address; "
	"police to reassure and review the safety plan.",
};

static const char *const disclosures[] = {
	"No disclosure at present; to be kept under review.",
	"Disclosure to the new partner agreed; police to make it within "
	"seven days and report back.",
	"Limited disclosure to the employer agreed, as the job brings "
	"contact with vulnerable adults.",
	"Disclosure to the school considered and not agreed: the risk is "
	"managed by the other measures.",
};

/* An action template: what, by which agency. */
static const struct {
	const char *agency;
	const char *text;
	bool custody; /* only for a case in custody */
} action_table[] = {
	{ "police", "Unannounced home visit and ViSOR update", false },
	{ "police", "Check compliance with notification requirements", false },
	{ "probation", "Review licence conditions with the offender and "
	  "report any breach to the chair", false },
	{ "probation", "Referral to the accredited programme; confirm the "
	  "start date", false },
	{ "probation", "Update the victim liaison officer on the licence "
	  "conditions", false },
	{ "housing", "Confirm a move-on address away from the victim's "
	  "area", false },
	{ "childrens_services", "Check for contact with children at the "
	  "partner's address", false },
	{ "mental_health", "Complete a mental health assessment and share "
	  "the outcome", false },
	{ "police", "Prepare the agreed disclosure and report back to the "
	  "coordinator", false },
	{ "prison", "Share the pre-release report and the sentence plan",
	  true },
	{ "probation", "Arrange the approved premises place for release",
	  true },
};

/* The officers who own actions, by agency. */
static const struct {
	const char *agency;
	const char *names[3];
} owners[] = {
	{ "police", { "DC Sam Ferrow", "PC Dana Hollick", "DS Lee Marrable" } },
	{ "probation", { "Kim Oddering", "Priya Castell", "Tom Wendale" } },
	{ "prison", { "Rhys Balcombe", "Ruth Ellington", "Ade Okonjo" } },
	{ "housing", { "Mo Strand", "Bev Tannock", "Ian Rusholme" } },
	{ "childrens_services", { "Ann Grisedale", "Femi Adeyoola",
				  "Claire Vosper" } },
	{ "mental_health", { "Dr Nadia Kellow", "Gareth Pym",
			     "Sue Abernant" } },
};

static const char *
owner_for(uint64_t *r, const char *agency)
{
	for (size_t i = 0; i < NELEM(owners); i++)
		if (strcmp(owners[i].agency, agency) == 0)
			return owners[i].names[rnd(r, 3)];
	return NULL;
}

const char *
demo_attendee(mdate date, int level, const char *agency)
{
	char key[48];
	uint64_t r;

	str_printf(key, sizeof key, "%ld:%d:%s", (long)date, level, agency);
	r = str_hash(key, 0x50454f50);
	return owner_for(&r, agency);
}

/* Why an agency refers a case for Level 2 or 3 management, by category. */
static const char *const referral_reasons_cat1[] = {
	"Registered sex offender whose risk of serious harm has risen; "
	"needs the active involvement of several agencies.",
	"Release on licence due; victims in the area of release and "
	"conditions that need more than one agency to enforce.",
	"Breach of notification requirements and new intelligence of "
	"contact with children.",
};
static const char *const referral_reasons_cat2[] = {
	"High risk of serious harm to a known partner; housing, police and "
	"probation must act together.",
	"Release from a long sentence for violence; exclusion zone and "
	"accommodation to be agreed before release.",
	"Threats to a named victim reported by the police; the plan needs "
	"commitment from several agencies.",
};
static const char *const referral_reasons_cat3[] = {
	"Not otherwise eligible, but the risk of serious harm to the public "
	"needs multi-agency management (Category 3).",
	"Previous offending of serious harm and current concerns raised by "
	"the mental health trust.",
};

/* Who refers, as a code of the agencies (core/agenda.h): mostly the lead
 * agency (whose codes are the table's too); now and then, and for a case
 * led by "other", another. */
static const char *
referrer_for(uint64_t *r, const char *lead)
{
	static const char *const others[] = {
		"police", "probation", "prison", "childrens_services",
		"mental_health",
	};
	const struct agenda_agency *a;

	if (lead && chance(r, 750) && (a = agenda_agency_find(lead)) &&
	    a != agenda_agency_find("other"))
		return a->code;
	return PICK(r, others);
}

/* N working days (Monday to Friday) before D. */
static mdate
working_days_before(mdate d, int n)
{
	while (n > 0) {
		d--;
		if (date_weekday(d) < 5)
			n--;
	}
	return d;
}

/* --- meeting days ------------------------------------------------------------- */

static int
weekday_of(int level)
{
	return level >= 3 ? DEMO_MEETING_WEEKDAY_L3 : DEMO_MEETING_WEEKDAY_L2;
}

/* Whether no demo meeting sits on D (Christmas to New Year, as demo.c). */
static bool
christmas(mdate d)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	return (m == 12 && dd >= 24) || (m == 1 && dd == 1);
}

/* The last meeting day of LEVEL on or before D. */
static mdate
meeting_on_or_before(mdate d, int level)
{
	d -= (date_weekday(d) - weekday_of(level) + 7) % 7;
	while (christmas(d))
		d -= 7;
	return d;
}

/* --- a case's history ---------------------------------------------------------- */

static struct demo_item *
new_item(struct demo_history *h)
{
	if (array_reserve(&h->items, &h->cap, h->n + 1, sizeof *h->items) != 0)
		return NULL;
	memset(&h->items[h->n], 0, sizeof h->items[h->n]);
	return &h->items[h->n++];
}

/* The plan headings and the rest of the minutes of IT, for a case of
 * CATEGORY at LEVEL, IN_CUSTODY or not. */
static void
fill_minutes(uint64_t *r, struct demo_item *it, int category, int level,
	     bool in_custody)
{
	it->text[2] = chance(r, 60) ? PICK(r, dissents) : NULL;
	it->text[3] = in_custody ? PICK(r, supervision_custody)
				 : PICK(r, supervision_community);
	it->text[4] = category == 1 ? PICK(r, monitoring_cat1)
		      : category == 2 ? PICK(r, monitoring_cat2)
				      : PICK(r, monitoring_cat3);
	it->text[5] = PICK(r, interventions);
	it->text[6] = PICK(r, victim_safety);
	it->text[7] = level >= 2 ? PICK(r, contingencies) : NULL;
	it->text[8] = PICK(r, victim_issues);
	it->text[9] = PICK(r, disclosures);
}

/* Agree 1-3 actions at IT's meeting, done or not by TODAY. */
static void
add_actions(uint64_t *r, struct demo_item *it, bool in_custody, mdate today)
{
	size_t want = 1 + rnd(r, DEMO_ITEM_ACTIONS);
	int tries = 0;

	while (it->nactions < want && tries++ < 12) {
		size_t k = rnd(r, NELEM(action_table));
		struct demo_action *a;
		bool dup = false;

		if (action_table[k].custody && !in_custody)
			continue;
		for (size_t j = 0; j < it->nactions; j++)
			dup |= it->actions[j].text == action_table[k].text;
		if (dup)
			continue;
		a = &it->actions[it->nactions++];
		a->text = action_table[k].text;
		a->agency = action_table[k].agency;
		a->owner = owner_for(r, a->agency);
		a->due = it->meeting + 14 + 7 * (int)rnd(r, 5);
		a->done = MDATE_NONE;
		if (a->due < today) {
			/* Nearly all done by the due date; some late; a few
			 * recent ones still open. */
			if (a->due >= today - 90 && chance(r, 80))
				continue;
			a->done = chance(r, 850)
				  ? a->due - (int)rnd(r, 12)
				  : a->due + 1 + (int)rnd(r, 20);
			if (a->done >= today)
				a->done = today - 1;
			if (a->done <= it->meeting)
				a->done = it->meeting + 1;
		} else if (it->meeting + 10 < today && chance(r, 250)) {
			a->done = it->meeting + 3 + (int)rnd(r, 7);
		}
	}
}

/* When a case at LEVEL (the demo meets Level 2 and 3 cases) reviewed on
 * D is next due: the default intervals, by the process's rule. */
static mdate
review_due(int level, mdate d)
{
	struct process_settings ps;

	process_settings_default(&ps);
	return process_review_due(&ps, level >= 3 ? 3 : 2, d);
}

/* Add a review of a case at LEVEL (CATEGORY, custody) at meeting day D. */
static int
add_review(struct demo_history *h, uint64_t *r, mdate d, int level,
	   int category, bool in_custody, mdate today)
{
	struct demo_item *it = new_item(h);

	if (it == NULL)
		return -1;
	it->meeting = d;
	it->level = (uint8_t)level;
	it->chair = demo_chair(d, level);
	it->reason = AGENDA_REVIEW;
	it->level_decision = DECISION_STAY;
	str_printf(it->decision, sizeof it->decision, "Level %d management "
		   "to continue; the risk management plan is reviewed and "
		   "updated below.", level);
	str_copy(it->rationale, PICK(r, review_rationales),
		 sizeof it->rationale);
	fill_minutes(r, it, category, level, in_custody);
	it->next_review = review_due(level, d);
	add_actions(r, it, in_custody, today);
	return 0;
}

/* Add (or merge into the item of the same meeting) the decision E. */
static int
add_decision(struct demo_history *h, uint64_t *r, const struct demo_event *e,
	     const struct ev_state *before, const struct ev_state *after,
	     mdate today)
{
	struct demo_item *it = NULL;
	int category = after->registered ? after->category : before->category;

	if (h->n > 0 && h->items[h->n - 1].meeting == e->meeting &&
	    h->items[h->n - 1].level == e->meeting_level)
		it = &h->items[h->n - 1];
	else if ((it = new_item(h)) == NULL)
		return -1;
	it->meeting = e->meeting;
	it->level = e->meeting_level;
	it->chair = e->chair;
	it->decided_event = true;
	switch (e->ev.type) {
	case EV_REGISTER:
		it->reason = AGENDA_INITIAL;
		it->level_decision = DECISION_STAY;
		it->referred_level = e->ev.level;
		str_printf(it->decision, sizeof it->decision, "Accepted for "
			   "MAPPA management at Level %d as a %s (Category "
			   "%d).", e->ev.level,
			   ev_category_name(category),
			   category);
		str_printf(it->rationale, sizeof it->rationale, "%s%s%s",
			   e->note ? e->note : "", e->note ? ".  " : "",
			   PICK(r, initial_rationales));
		break;
	case EV_EXIT:
		it->reason = AGENDA_EXIT;
		it->level_decision = DECISION_EXIT;
		str_printf(it->decision, sizeof it->decision, "The case leaves "
			   "MAPPA management (was Level %d).", before->level);
		str_printf(it->rationale, sizeof it->rationale, "%s.",
			   e->note ? e->note : "Risk reduced");
		break;
	default:
		it->reason = AGENDA_LEVEL_CHANGE;
		it->level_decision = e->ev.level > before->level
					     ? DECISION_UP : DECISION_DOWN;
		if (before->level == 1 && e->ev.level >= 2)
			it->referred_level = e->ev.level;
		str_printf(it->decision, sizeof it->decision, "%s from Level %d "
			   "to Level %d.", e->ev.level > before->level
			   ? "Raised" : "Reduced", before->level, e->ev.level);
		str_printf(it->rationale, sizeof it->rationale, "%s.",
			   e->note ? e->note : "Risk reassessed");
		break;
	}
	fill_minutes(r, it, category, after->registered ? after->level
							  : before->level,
		     after->in_custody);
	if (e->ev.type == EV_EXIT) {
		it->text[7] = NULL;
		it->next_review = MDATE_NONE;
		it->nactions = 0;
	} else {
		int level = after->level;

		it->next_review = level >= 2
			? review_due(level, e->meeting)
			: e->meeting + 365;
		it->nactions = 0;
		add_actions(r, it, after->in_custody, today);
	}
	return 0;
}

/*
 * The referrals behind H's items that took a case on at Level 2 or 3,
 * from a stream of their own (so that the minutes and actions drawn
 * before referrals were made stay as they were).
 */
static void
add_referrals(const struct demo_offender *o, struct demo_history *h)
{
	uint64_t r = str_hash(o->ref, 0x52454652);

	for (size_t i = 0; i < h->n; i++) {
		struct demo_item *it = &h->items[i];
		int within, category = 0;

		it->referred = MDATE_NONE;
		if (it->referred_level < 2)
			continue;
		/* The category the case had when it was taken on. */
		for (size_t k = 0; k < o->nev && o->evs[k].ev.date <= it->meeting;
		     k++)
			if (o->evs[k].ev.category)
				category = o->evs[k].ev.category;
		within = it->referred_level >= 3 ? 5 : 20;
		/* One in ten met late. */
		it->referred = working_days_before(it->meeting, chance(&r, 100)
			? within + 1 + (int)rnd(&r, 10)
			: 1 + (int)rnd(&r, (uint32_t)within));
		it->referrer = referrer_for(&r, o->lead_agency);
		it->referral_reason = category == 1
			? PICK(&r, referral_reasons_cat1)
			: category == 2 ? PICK(&r, referral_reasons_cat2)
					: PICK(&r, referral_reasons_cat3);
	}
}

int
demo_case_meetings(const struct demo_offender *o, mdate today,
		   struct demo_history *h)
{
	struct ev_state st = { 0 };
	uint64_t r = str_hash(o->ref, 0x4d454554);
	mdate last = MDATE_NONE;
	bool skip_latest = chance(&r, 100);

	h->n = 0;
	h->next_review = MDATE_NONE;
	for (size_t i = 0; i < o->nev; i++) {
		const struct demo_event *e = &o->evs[i];
		struct ev_state before = st;
		mdate bound;

		ev_apply(&st, &e->ev);
		if (e->meeting != MDATE_NONE &&
		    (e->meeting_level == 2 || e->meeting_level == 3) &&
		    (e->ev.type == EV_REGISTER || e->ev.type == EV_LEVEL ||
		     e->ev.type == EV_EXIT)) {
			if (add_decision(h, &r, e, &before, &st, today) != 0)
				return -1;
			last = e->ev.date;
		} else if (e->ev.type == EV_REGISTER ||
			   e->ev.type == EV_LEVEL) {
			last = e->ev.date;
		}
		/* Reviews until the next event (or today). */
		bound = i + 1 < o->nev ? o->evs[i + 1].ev.date : today;
		while (st.registered && st.level >= 2 && last != MDATE_NONE) {
			mdate due = review_due(st.level, last);
			mdate d = meeting_on_or_before(due, st.level);

			if (d <= last || d >= bound || d >= today)
				break;
			/* A few cases miss their latest review. */
			if (i + 1 == o->nev && skip_latest &&
			    review_due(st.level, due) > today)
				break;
			if (add_review(h, &r, d, st.level, st.category,
				       st.in_custody, today) != 0)
				return -1;
			last = d;
		}
	}
	if (st.registered && last != MDATE_NONE) {
		if (st.level >= 2)
			h->next_review = review_due(st.level, last);
	}
	/* The texts composed into each item, now that they stay put. */
	for (size_t i = 0; i < h->n; i++) {
		h->items[i].text[0] = h->items[i].decision;
		h->items[i].text[1] = h->items[i].rationale;
	}
	add_referrals(o, h);
	return 0;
}

void
demo_history_free(struct demo_history *h)
{
	free(h->items);
	h->items = NULL;
	h->n = h->cap = 0;
}

/* --- attendance and the schedule --------------------------------------------- */

size_t
demo_attendance(mdate date, int level, const char **agency,
		const char **attendance, size_t max)
{
	static const struct {
		const char *code;
		int invite_l2, invite_l3; /* permille */
		int present, report;      /* permille of those invited */
	} table[] = {
		{ "police", 1000, 1000, 980, 0 },
		{ "probation", 1000, 1000, 980, 0 },
		{ "prison", 1000, 1000, 650, 250 },
		{ "childrens_services", 1000, 1000, 700, 150 },
		{ "adult_services", 800, 1000, 600, 200 },
		{ "health", 900, 1000, 600, 250 },
		{ "mental_health", 700, 1000, 650, 200 },
		{ "housing", 900, 1000, 650, 150 },
		{ "jobcentre", 300, 500, 500, 300 },
		{ "yot", 200, 300, 700, 200 },
		{ "em", 0, 600, 600, 300 },
	};
	char key[16];
	uint64_t r;
	size_t n = 0;

	str_printf(key, sizeof key, "%ld:%d", (long)date, level);
	r = str_hash(key, 0x41545445);
	for (size_t i = 0; i < NELEM(table) && n < max; i++) {
		int invite = level >= 3 ? table[i].invite_l3
					: table[i].invite_l2;
		int x;

		if (!chance(&r, invite))
			continue;
		x = (int)rnd(&r, 1000);
		agency[n] = table[i].code;
		attendance[n] = agenda_attendance_name(
			x < table[i].present ? ATTENDED_PRESENT
			: x < table[i].present + table[i].report
				? ATTENDED_REPORT
			: x < 960 ? ATTENDED_APOLOGIES : ATTENDED_ABSENT);
		n++;
	}
	return n;
}

const char *
demo_venue(int level)
{
	return level >= 3 ? "Hallowmere Probation Office, room 1"
			  : "Corvenham Police Station, conference room 2";
}

size_t
demo_schedule(mdate today, int weeks, struct demo_scheduled *out, size_t max)
{
	/* England and Wales bank holidays of the demo's schedule (the
	 * demo does not depend on the installed file). */
	mdate hol[] = {
		date_from_ymd(2012, 5, 7), date_from_ymd(2012, 6, 4),
		date_from_ymd(2012, 6, 5), date_from_ymd(2012, 8, 27),
		date_from_ymd(2012, 12, 25), date_from_ymd(2012, 12, 26),
	};
	struct agenda_holidays h = { hol, NELEM(hol) };
	size_t n = 0;

	for (int w = 0; w < weeks; w++) {
		for (int level = 2; level <= 3; level++) {
			mdate d = today + 1 + 7 * w;

			d += (weekday_of(level) - date_weekday(d) + 7) % 7;
			if (process_is_holiday(&h, d) || christmas(d) ||
			    n == max)
				continue;
			out[n].date = d;
			out[n].level = level;
			out[n].time = level >= 3 ? "14:00" : "09:30";
			out[n].chair = demo_chair(d, level);
			out[n].venue = demo_venue(level);
			n++;
		}
	}
	return n;
}
