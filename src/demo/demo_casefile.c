/*
 * demo_casefile.c -- the demo area's case files (demo_casefile.h).
 *
 * What a case holds follows what it is: its category says what it was
 * convicted of and who is at risk, its level how serious the risk, its
 * custody and orders what dates matter.  Numbers come from a small
 * generator seeded by the reference, never from the demo's own.
 */
#include "config.h"

#include <string.h>

#include "core/casefile.h"
#include "demo/demo_casefile.h"
#include "core/util.h"

struct rng {
	uint64_t s;
};

static uint32_t
next(struct rng *r)
{
	/* splitmix64 */
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return (uint32_t)((z ^ (z >> 31)) >> 32);
}

/* A number from LO to HI, both included. */
static int
range(struct rng *r, int lo, int hi)
{
	return lo + (int)(next(r) % (uint32_t)(hi - lo + 1));
}

static bool
chance(struct rng *r, int percent)
{
	return (int)(next(r) % 100) < percent;
}

#define PICK(r, a) ((a)[next(r) % NELEM(a)])

static const char *const assessors[] = {
	"R. Okafor (NPS)", "H. Lindqvist (NPS)", "DC P. Marsh",
	"S. Achterberg (NPS)", "T. Bell (HMPPS psychology)",
	"DS K. Nowak", "M. Farrow (YOT)",
};
static const char *const courts[] = {
	"Fenchester Crown Court", "Marshby Crown Court",
	"Fenchester Magistrates' Court", "Cambridge Crown Court",
	"Peterborough Crown Court",
};
static const char *const authors[] = {
	"chair", "R. Okafor", "DC P. Marsh", "H. Lindqvist", "J. Quayle",
};

/* What category C's cases were convicted of. */
static const char *const sexual[] = {
	"Sexual assault (s.3 Sexual Offences Act 2003)",
	"Rape (s.1 Sexual Offences Act 2003)",
	"Sexual activity with a child (s.9 Sexual Offences Act 2003)",
	"Making indecent photographs of children (s.1 PCA 1978)",
	"Meeting a child following sexual grooming (s.15 SOA 2003)",
	"Exposure (s.66 Sexual Offences Act 2003)",
};
static const char *const violent[] = {
	"Wounding with intent (s.18 OAPA 1861)",
	"Inflicting grievous bodily harm (s.20 OAPA 1861)",
	"Manslaughter",
	"Robbery (s.8 Theft Act 1968)",
	"Arson with intent to endanger life",
	"Assault occasioning actual bodily harm (s.47 OAPA 1861)",
};
static const char *const other[] = {
	"Controlling or coercive behaviour (s.76 SCA 2015)",
	"Stalking involving fear of violence (s.4A PHA 1997)",
	"Threats to kill (s.16 OAPA 1861)",
	"Possession of a firearm with intent to endanger life",
};
static const char *const further[] = {
	"Breach of notification requirements (s.91 SOA 2003)",
	"Breach of a Sexual Offences Prevention Order",
	"Common assault", "Possession of a bladed article",
	"Criminal damage", "Harassment (s.2 PHA 1997)",
};
static const char *const custodial[] = {
	"18 months' imprisonment", "3 years' imprisonment",
	"4 years' imprisonment", "6 years' imprisonment",
	"Extended sentence: 5 years' custody, 3 years' extension",
	"Imprisonment for public protection, tariff 2 years",
};
static const char *const community[] = {
	"Community order, 3 years, with a sex offender programme",
	"Suspended sentence, 2 years, supervision requirement",
	"Community order, 2 years, with an accredited programme",
};

static const struct {
	const char *subject, *text;
} notes[] = {
	{ "Home visit", "Seen at his address with the police offender "
	  "manager. Address clean, no sign of children's belongings. "
	  "Compliant, if guarded about his new partner." },
	{ "Supervision", "Attended supervision on time. Discussed his "
	  "routine and the conditions of his licence; he says he has not "
	  "used the internet other than at the library." },
	{ "Intelligence", "Police report a sighting near the primary school "
	  "at home time. Not a breach of his conditions; raised with him "
	  "at supervision." },
	{ "Accommodation", "Approved premises place ends next month. "
	  "Housing have offered a flat away from the school; he has "
	  "accepted." },
	{ "Victim liaison", "Victim liaison officer reports the victim's "
	  "family have moved; the exclusion zone is still needed." },
	{ "Employment", "Started work with a warehouse; the employer has "
	  "been told of the conviction under the disclosure agreed at the "
	  "last meeting." },
	{ "Treatment", "Completed six sessions of the accredited programme. "
	  "The facilitator reports engagement is improving." },
};
static const char *const correction =
	"Correction: the sighting was on the Tuesday, not the Monday, and "
	"not at the primary school but at the leisure centre next to it.";

static const struct {
	const char *recipient, *what, *why;
} disclosures[] = {
	{ "Head teacher, St Audrey's Primary School",
	  "His conviction, his photograph and the conditions of his order",
	  "He has been seen near the school; staff need to recognise him" },
	{ "New partner", "The nature of his convictions against children",
	  "She has two children of primary school age" },
	{ "Employer (warehouse manager)", "His index offence and licence "
	  "conditions", "The role brings him into contact with young "
	  "agency workers" },
	{ "Housing provider", "The risk he poses to a known adult",
	  "The flat offered is in the same block as the victim's sister" },
	{ "Church minister", "His conviction and the SOPO's conditions",
	  "He has asked to help with the youth group" },
};

/* The case's state after its history, and facts from it. */
struct seen {
	struct ev_state st;
	mdate first, last_custody, last_release;
	int ncust;
};

static void
replay(const struct demo_offender *o, struct seen *s)
{
	memset(s, 0, sizeof *s);
	s->first = s->last_custody = s->last_release = MDATE_NONE;
	for (size_t i = 0; i < o->nev; i++) {
		const struct ev *e = &o->evs[i].ev;

		ev_apply(&s->st, e);
		if (e->type == EV_REGISTER && s->first == MDATE_NONE)
			s->first = e->date;
		if (e->type == EV_CUSTODY) {
			s->last_custody = e->date;
			s->ncust++;
		}
		if (e->type == EV_RELEASE)
			s->last_release = e->date;
	}
}

static void
risk(struct rng *r, const struct seen *s, mdate today,
     struct demo_casefile *cf)
{
	int level = s->st.level, cat = s->st.category;
	int top = level == 3 ? CF_ROSH_VERY_HIGH
		: level == 2 ? CF_ROSH_HIGH : CF_ROSH_MEDIUM;
	unsigned at = cat == 1 ? 1u << CF_RISK_CHILDREN
		    : cat == 2 ? 1u << CF_RISK_KNOWN_ADULT
			       : 1u << CF_RISK_PUBLIC;
	mdate d = s->first + range(r, 0, 20);

	if (chance(r, 50))
		at |= 1u << CF_RISK_PUBLIC;
	if (s->ncust && chance(r, 25))
		at |= 1u << CF_RISK_STAFF;
	if (s->st.in_custody && chance(r, 20))
		at |= 1u << CF_RISK_PRISONERS;
	/* First assessed one band lower or at the band, then reviewed. */
	cf->risk[cf->nrisk].date = d;
	cf->risk[cf->nrisk].rosh = top > 0 && chance(r, 40) ? top - 1 : top;
	cf->risk[cf->nrisk].at_risk = at;
	cf->risk[cf->nrisk++].assessor = PICK(r, assessors);
	d = today - range(r, 20, 300);
	if (d > cf->risk[0].date + 60) {
		cf->risk[cf->nrisk].date = d;
		cf->risk[cf->nrisk].rosh = top;
		cf->risk[cf->nrisk].at_risk = at;
		cf->risk[cf->nrisk++].assessor = PICK(r, assessors);
	}
}

static void
scores(struct rng *r, const struct seen *s, struct demo_casefile *cf)
{
	static const char *const bands[] = { "low", "medium", "high",
					     "very high" };
	mdate d = cf->risk[0].date;

	if (s->st.category == 1) {
		cf->score[cf->nscore].date = d;
		cf->score[cf->nscore].tool = "RM2000";
		str_copy(cf->score[cf->nscore++].score,
			 bands[range(r, 1, 3)], sizeof cf->score[0].score);
		if (chance(r, 40)) {
			cf->score[cf->nscore].date = d + range(r, 30, 200);
			cf->score[cf->nscore].tool = "ARMS";
			str_copy(cf->score[cf->nscore++].score,
				 bands[range(r, 1, 2)],
				 sizeof cf->score[0].score);
		}
	} else {
		cf->score[cf->nscore].date = d;
		cf->score[cf->nscore].tool = "OGRS";
		str_printf(cf->score[cf->nscore++].score,
			   sizeof cf->score[0].score, "%d%%",
			   range(r, 25, 88));
		cf->score[cf->nscore].date = d;
		cf->score[cf->nscore].tool = "OVP";
		str_printf(cf->score[cf->nscore++].score,
			   sizeof cf->score[0].score, "%d%%",
			   range(r, 20, 75));
	}
}

/* The notification period the register note names: 1 with *YEARS (0:
 * indefinite), or 0 when it names none. */
static int
notification_years(const struct demo_offender *o, int *years)
{
	for (size_t i = 0; i < o->nev; i++) {
		const char *n = o->evs[i].note, *p;

		if (o->evs[i].ev.type != EV_REGISTER || n == NULL)
			continue;
		if ((p = strstr(n, "notification ")) == NULL)
			return 0;
		p += 13;
		if (strncmp(p, "indefinite", 10) == 0) {
			*years = 0;
			return 1;
		}
		*years = 0;
		while (*p >= '0' && *p <= '9')
			*years = *years * 10 + (*p++ - '0');
		return *years > 0 && strncmp(p, " year", 5) == 0;
	}
	return 0;
}

static void
dates(struct rng *r, const struct demo_offender *o, const struct seen *s,
      mdate today, struct demo_casefile *cf)
{
	int years = 0, y, m, d;

	cf->has_dates = true;
	cf->dates.release_type = -1;
	cf->dates.expected_release = MDATE_NONE;
	cf->dates.sentence_expiry = cf->dates.licence_expiry = MDATE_NONE;
	cf->dates.notification_end = MDATE_NONE;
	cf->dates.mappa_j_sent = MDATE_NONE;
	if (s->st.in_custody) {
		/* Releases spread over the next year: some within six
		 * weeks, their MAPPA J sent or not, a few overdue. */
		mdate rel = today + range(r, 3, 360);

		cf->dates.expected_release = rel;
		cf->dates.sentence_expiry = rel + range(r, 365, 3 * 365);
		cf->dates.licence_expiry = cf->dates.sentence_expiry;
		if (cf_mappa_j_due(rel) < today && chance(r, 80))
			cf->dates.mappa_j_sent = cf_mappa_j_due(rel) +
						 range(r, -10, 5);
	} else if (s->last_release != MDATE_NONE) {
		cf->dates.release_type = range(r, 0, 10) < 7 ? CF_REL_LICENCE
				       : chance(r, 50) ? CF_REL_AUTOMATIC
						       : CF_REL_PAROLE;
		cf->dates.licence_expiry = today + range(r, 5, 700);
		cf->dates.sentence_expiry = cf->dates.licence_expiry;
		cf->dates.mappa_j_sent = s->last_release - range(r, 35, 50);
	} else if (s->st.category != 1) {
		cf->dates.licence_expiry = today + range(r, 10, 900);
		cf->dates.sentence_expiry = cf->dates.licence_expiry;
	}
	if (s->st.category == 1 && notification_years(o, &years)) {
		/* As the history's register note says. */
		date_to_ymd(s->first, &y, &m, &d);
		cf->dates.indefinite = years == 0;
		if (years)
			cf->dates.notification_end =
				date_from_ymd(y + years, m, d > 28 ? 28 : d);
	} else if (s->st.category == 1) {
		if (chance(r, 35))
			cf->dates.indefinite = true;
		else
			cf->dates.notification_end =
				s->first + range(r, 5, 10) * 365;
		/* Some ending soon, for the list. */
		if (!cf->dates.indefinite &&
		    cf->dates.notification_end < today)
			cf->dates.notification_end = today + range(r, 1, 200);
	}
}

static void
orders(struct rng *r, const struct demo_offender *o, struct demo_casefile *cf)
{
	for (size_t i = 0; i < o->nev && cf->norder < DEMO_CF_MAX; i++) {
		const struct ev *e = &o->evs[i].ev;

		if (e->type != EV_ORDER)
			continue;
		cf->order[cf->norder].kind = ev_kind_name(EV_ORDER, e->kind);
		cf->order[cf->norder].made = e->date;
		cf->order[cf->norder++].ends =
			chance(r, 25) ? MDATE_NONE
				      : e->date + range(r, 5, 10) * 365;
	}
}

/* Copy S[0..N) into BUF (200 bytes); BUF. */
static const char *
cut(char *buf, const char *s, size_t n)
{
	if (n > 199)
		n = 199;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

/*
 * Take an offence from a history note the demo wrote: "Convicted at
 * COURT of OFFENCE: SENTENCE; ..." or "Sentenced at COURT to SENTENCE for
 * OFFENCE" (the court, offence and sentence the history already names, so
 * that the case file agrees with it).  False when NOTE is neither.
 */
static bool
from_note(const char *note, int k, struct demo_casefile *cf)
{
	const char *a, *b, *c, *end;

	if (note == NULL)
		return false;
	if (strncmp(note, "Convicted at ", 13) == 0 &&
	    (a = strstr(note, " of ")) && (b = strstr(a, ": "))) {
		end = b + 2 + strcspn(b + 2, ";");
		cf->offence[k].court = cut(cf->offence[k].buf[0], note + 13,
					   (size_t)(a - note - 13));
		cf->offence[k].description = cut(cf->offence[k].buf[1], a + 4,
						 (size_t)(b - a - 4));
		cf->offence[k].sentence = cut(cf->offence[k].buf[2], b + 2,
					      (size_t)(end - b - 2));
		return true;
	}
	if (strncmp(note, "Sentenced at ", 13) == 0 &&
	    (a = strstr(note, " to ")) && (b = strstr(a, " for "))) {
		c = b + 5;
		cf->offence[k].court = cut(cf->offence[k].buf[0], note + 13,
					   (size_t)(a - note - 13));
		cf->offence[k].sentence = cut(cf->offence[k].buf[2], a + 4,
					      (size_t)(b - a - 4));
		cf->offence[k].description = cut(cf->offence[k].buf[1], c,
						 strlen(c));
		return true;
	}
	return false;
}

static void
offences(struct rng *r, const struct demo_offender *o, const struct seen *s,
	 struct demo_casefile *cf)
{
	int cat = s->st.category;
	bool custody = s->ncust > 0;
	const char *reg = NULL;
	size_t later = 0;

	/* The register event's note names the index offence when the demo
	 * wrote one; a later sentence is another relevant offence. */
	for (size_t i = 0; i < o->nev; i++) {
		if (o->evs[i].ev.type == EV_REGISTER && reg == NULL) {
			reg = o->evs[i].note ? o->evs[i].note : "";
			continue;
		}
		if (reg && o->evs[i].ev.type == EV_CUSTODY && !later &&
		    o->evs[i].note &&
		    strncmp(o->evs[i].note, "Sentenced at ", 13) == 0)
			later = i + 1;
	}
	cf->offence[0].index = true;
	cf->offence[0].date = s->first - range(r, 120, 900);
	if (from_note(reg, 0, cf)) {
		cf->noffence = 1;
		if (later && from_note(o->evs[later - 1].note, 1, cf)) {
			cf->offence[1].index = false;
			cf->offence[1].date = o->evs[later - 1].ev.date -
					      range(r, 60, 300);
			cf->noffence = 2;
		}
		return;
	}
	cf->offence[0].index = true;
	cf->offence[0].description = cat == 1 ? PICK(r, sexual)
				   : cat == 2 ? PICK(r, violent)
					      : PICK(r, other);
	cf->offence[0].date = s->first - range(r, 120, 900);
	cf->offence[0].court = PICK(r, courts);
	cf->offence[0].sentence = custody || cat != 1 ? PICK(r, custodial)
						      : PICK(r, community);
	cf->noffence = 1;
	if (chance(r, 45)) {
		cf->offence[1].index = false;
		cf->offence[1].description = PICK(r, further);
		cf->offence[1].date = cf->offence[0].date - range(r, 200, 2000);
		cf->offence[1].court = PICK(r, courts);
		cf->offence[1].sentence = "Fine and costs";
		cf->noffence = 2;
	}
}

static void
case_notes(struct rng *r, mdate today, struct demo_casefile *cf)
{
	int n = range(r, 1, 3), first = range(r, 0, (int)NELEM(notes) - 1);

	for (int i = 0; i < n; i++) {
		cf->note[cf->nnote].date = today - range(r, 1, 40) * (n - i);
		cf->note[cf->nnote].author = PICK(r, authors);
		cf->note[cf->nnote].subject =
			notes[(first + i) % NELEM(notes)].subject;
		cf->note[cf->nnote++].text =
			notes[(first + i) % NELEM(notes)].text;
	}
	/* Now and then a correction of an intelligence note. */
	for (size_t i = 0; i < cf->nnote && cf->nnote < DEMO_CF_MAX; i++) {
		if (strcmp(cf->note[i].subject, "Intelligence") != 0 ||
		    !chance(r, 60))
			continue;
		cf->note[cf->nnote].date = cf->note[i].date + 1;
		cf->note[cf->nnote].author = cf->note[i].author;
		cf->note[cf->nnote].subject = "Intelligence (corrected)";
		cf->note[cf->nnote].text = correction;
		cf->note[cf->nnote++].corrects = (int)i + 1;
		break;
	}
}

static void
disclosure(struct rng *r, const struct demo_offender *o,
	   const struct seen *s, struct demo_casefile *cf)
{
	const struct demo_event *at = NULL;
	int k;

	if (s->st.level < 2 || !chance(r, 45))
		return;
	/* Decided at the last meeting that decided something, or by the
	 * coordinator between meetings. */
	for (size_t i = 0; i < o->nev; i++)
		if (o->evs[i].meeting != MDATE_NONE)
			at = &o->evs[i];
	k = range(r, 0, (int)NELEM(disclosures) - 1);
	if (s->st.category != 1 && k != 2 && k != 3)
		k = 3;
	cf->disclosure[0].recipient = disclosures[k].recipient;
	cf->disclosure[0].what = disclosures[k].what;
	cf->disclosure[0].why = disclosures[k].why;
	cf->disclosure[0].disclosed = chance(r, 80);
	cf->disclosure[0].undertaking = cf->disclosure[0].disclosed &&
					chance(r, 70);
	if (at) {
		cf->disclosure[0].date = at->meeting;
		cf->disclosure[0].meeting = at->meeting;
		cf->disclosure[0].level = at->meeting_level;
		cf->disclosure[0].decided_by = at->chair;
	} else {
		cf->disclosure[0].date = s->first + range(r, 10, 60);
		cf->disclosure[0].meeting = MDATE_NONE;
		cf->disclosure[0].decided_by = demo_coordinator();
	}
	cf->ndisclosure = 1;
}

int
demo_casefile(const struct demo_offender *o, mdate today,
	      struct demo_casefile *cf)
{
	struct rng r = { str_hash(o->ref, 0) };
	struct seen s;

	memset(cf, 0, sizeof *cf);
	replay(o, &s);
	if (!s.st.registered || s.first == MDATE_NONE)
		return 1;
	risk(&r, &s, today, cf);
	scores(&r, &s, cf);
	dates(&r, o, &s, today, cf);
	orders(&r, o, cf);
	offences(&r, o, &s, cf);
	case_notes(&r, today, cf);
	disclosure(&r, o, &s, cf);
	return 0;
}
