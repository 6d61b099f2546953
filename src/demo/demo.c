/*
 * demo.c -- the fictional demo area, "Wessex Fens" (issue 3).
 *
 * The demo is the first thing a newcomer sees and the proof that the
 * statistics are right: for reporting year 2010-11 it reproduces every
 * figure of the published report (statistics.md, demo-2010-11.csv), and
 * around that year it looks like a real unit's register from 2005, when
 * the unit's records begin, to DEMO_TODAY.
 *
 * How the figures come out.  Events outside P = 2010-04-01..2011-03-31
 * change the 2010-11 tables only through the state an offender is in on
 * E = 2010-03-31.  So the offenders who touch P are planned one by one:
 * the plan[] table gives, for each "role", how many offenders play it,
 * their state on E and their exact events within P, and what each adds to
 * each cell of 2010-11; plan_tally() checks the table against the
 * published figures (the target_* constants).  Before P each of them gets
 * a random history that ends in the state the role starts from (the
 * cases at Level 2 or 3 on E are the unit's Level 2 and 3 cases of the
 * time: see PLAN_QUIET_DAYS); after P their history goes on at random.
 * The other offenders never touch P: those whose registration ends before
 * it (a fixed number each year, which with a steady inflow keeps the
 * register growing), and those who register after it.  With scale N > 0
 * the same model makes N offenders with random registration dates and no
 * plan.
 *
 * The model: an offender's history is simulated forward in time.  Planned
 * events (a release, a level review, the end of a licence) are "dues";
 * random events (an escalation, a recall while on licence, a breach) come
 * at rates that depend on the category and level.  Every decision taken at
 * a MAPP meeting is dated on the meeting's weekday and names its chair.
 *
 * Everything is deterministic: each offender draws from a splitmix64
 * stream seeded from a fixed seed and the offender's place in the plan,
 * using integer arithmetic only, so every run, on every machine, gives
 * the same records.
 */
#include "config.h"

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casefile.h"
#include "core/date.h"
#include "demo/demo.h"
#include "core/event.h"
#include "core/process.h"
#include "core/util.h"

/* No date yet: later than every real date (MDATE_NONE is earlier). */
#define NEVER INT32_MAX

/* The seed of every stream ("MAPPA-WF"). */
#define DEMO_SEED UINT64_C(0x4d415050412d5746)

/* Room for one offender's formatted notes. */
#define ARENA_SIZE 16384

#define DAYS_PER_YEAR 365

/*
 * A case of the plan enters P in the state its role needs: the cases at
 * Level 2 or 3 on E are the unit's Level 2 and 3 cases of the time.  A
 * random escalation of the others in the year before E would only be
 * stepped down again, and would count in 2009-10 beside the planned ones:
 * so their random lives stop escalating this long before E.  The planned
 * episodes began on E minus about PLAN_EPISODE_AGE days (exponential),
 * as the cases on a register at any one time are of all ages.
 */
#define PLAN_QUIET_DAYS 365
#define PLAN_EPISODE_AGE 270

/* ---------------------------------------------------------------------
 * The published 2010-11 figures (statistics.md), which plan[] must add up
 * to: table 1 (snapshot), table 2 (yearly), 3, 4, 5(a) and 5(b).
 * Rows are levels 1-3, columns categories 1-3.
 */
/* clang-format off */
static const int target_snapshot[4][4] = {
	[1] = { 0, 512, 154, 0 },
	[2] = { 0, 31, 22, 5 },
	[3] = { 0, 2, 0, 0 },
};
static const int target_yearly[4][4] = {
	[2] = { 0, 65, 42, 15 },
	[3] = { 0, 2, 1, 4 },
};
static const int target_licence[4][4] = {
	[2] = { 0, 3, 8, 1 },
};
static const int target_sopo[4][4] = {
	[2] = { 0, 1, 0, 0 },
};
/* clang-format on */
enum {
	TARGET_BREACH = 2,
	TARGET_SOPO_ORDERS = 44,
	TARGET_NO_ORDERS = 4,
	TARGET_FTO_ORDERS = 0,
};

/* Category 1 community total on 31 March 2011, for table 6. */
#define TARGET_RSO_COMMUNITY 545

/* ---------------------------------------------------------------------
 * The roles of 2010-11.  P1_* are Category 1, P2_* Category 2, P3_*
 * Category 3.  "E" is the state on 2010-03-31, "S" on 2011-03-31.
 */
enum role_id {
	/* Category 1: in the community on S at Level 1 (table 1: 512). */
	P1_QUIET,	     /* L1 all year */
	P1_RECALL_L1,	     /* L1, recalled and re-released: not 5(a) */
	P1_SOPO_APP,	     /* L1, SOPO on police application */
	P1_NB_CAUTION,	     /* L1, cautioned for a notification breach */
	P1_RELEASE,	     /* in custody on E, released at L1 */
	P1_NEW_COMM,	     /* registers in P in the community */
	P1_NEW_COMM_SOPO,    /* the same, with a SOPO at conviction */
	P1_NEW_NO,	     /* registers by a notification order */
	P1_NEW_RELEASE,	     /* convicted in P, short sentence, released */
	P1_NEW_RELEASE_SOPO, /* the same, with a SOPO */
	P1_STEP_DOWN,	     /* L2 on E, down to L1 at a meeting */
	P1_L2_RECALL_DOWN,   /* L2 recalled (5a), re-released, down to L1 */
	P1_UP_DOWN,	     /* L1, up to L2 and down again */
	/* Category 1: in the community on S at Level 2 (31) or 3 (2). */
	P1_L2_THROUGH,	   /* L2 all year */
	P1_UP_L2,	   /* L1 up to L2 at a meeting */
	P1_RELEASE_L2,	   /* level 2 set before release, released */
	P1_NEW_L2,	   /* registers at L2 at a meeting */
	P1_NEW_L2_SOPO,	   /* the same, with a SOPO */
	P1_L2_RECALL_BACK, /* L2 recalled (5a) and re-released */
	P1_EMERGENCY_L2,   /* L1 up to L2 by the coordinator */
	P1_UP_L3_FROM_L2,  /* L2 up to L3 */
	P1_UP_L3_FROM_L1,  /* L1 up to L3 */
	/* Category 1: in custody on S. */
	P1_L2_RECALL_HELD,   /* L2 recalled (5a), still inside */
	P1_L2_SOPO_BREACH,   /* L2, custody for breach of SOPO (5b) */
	P1_L2_CUSTODY,	     /* L2, remanded or sentenced */
	P1_PRERELEASE_L2,    /* in custody, L2 set before a release after S */
	P1_CUSTODY_THROUGH,  /* in custody all year, L1 */
	P1_NEW_CUSTODY,	     /* convicted in P, in custody on S */
	P1_NEW_CUSTODY_SOPO, /* the same, with a SOPO */
	P1_NB_CUSTODY,	     /* convicted of a notification breach, jailed */
	P1_L1_SOPO_BREACH,   /* L1, custody for breach of SOPO: not 5(b) */
	P1_L1_RECALL_HELD,   /* L1 recalled: not 5(a) */
	P1_L1_CUSTODY,	     /* L1, remanded or sentenced */
	/* Category 1: leave MAPPA in P. */
	P1_L2_EXIT,    /* L2, moves away or dies */
	P1_EXIT_ENDED, /* L1, notification period ends */
	P1_EXIT_MOVED, /* L1, transferred out */
	P1_EXIT_DIED,  /* L1, dies */

	/* Category 2. */
	P2_L3_TO_L2,	    /* L3 on E, down to L2 (table 2: Level 3) */
	P2_L2_THROUGH,	    /* L2 all year */
	P2_RELEASE_L2,	    /* level 2 set before release, released */
	P2_UP_L2,	    /* L1 up to L2 */
	P2_L2_RECALL_BACK,  /* L2 recalled (5a), re-released */
	P2_L2_RECALL_HELD,  /* L2 recalled (5a), still inside */
	P2_STEP_DOWN,	    /* L2 down to L1 */
	P2_L2_LICENCE_END,  /* L2, licence ends */
	P2_PRERELEASE_L2,   /* in custody, L2 set before release after S */
	P2_QUIET,	    /* L1 on licence all year */
	P2_RECALL_L1_BACK,  /* L1 recalled (not 5a), re-released */
	P2_RELEASE,	    /* in custody on E, released at L1 */
	P2_NEW_RELEASE,	    /* sentenced in P, released in P */
	P2_LICENCE_END,	    /* L1, licence ends */
	P2_RELEASE_END,	    /* recalled before E, released as licence ends */
	P2_OTHER_EXIT,	    /* L1, moves away or dies */
	P2_CUSTODY_THROUGH, /* in custody all year */
	P2_NEW_CUSTODY,	    /* sentenced in P, in custody on S */
	P2_RECALL_L1_HELD,  /* L1 recalled (not 5a), still inside */

	/* Category 3 (never at Level 1). */
	P3_L3_TO_L2,	     /* L3 down to L2 */
	P3_NEW_L3_DOWN_EXIT, /* registers at L3, down to L2, exits */
	P3_L3_EXIT,	     /* L3, transferred out */
	P3_L2_UP_DOWN_EXIT,  /* L2 up to L3, down, exits */
	P3_NEW_L2,	     /* registers at L2 */
	P3_L2_THROUGH,	     /* L2 all year */
	P3_L2_EXIT,	     /* L2, risk reduced */
	P3_NEW_L2_EXIT,	     /* registers at L2 and exits */
	P3_L2_RECALL_HELD,   /* L2 recalled (5a), still inside */
	P3_NEW_L2_DIED,	     /* registers at L2, dies */
	ROLE_COUNT
};

/*
 * One role: how many offenders play it and what each adds to 2010-11.
 * snap: the row of table 1 (0: not counted: in custody, exited or not
 * registered on S); yearly: the row of table 2 (0: never at Level 2 or 3
 * in P); lic, sopo: the row of 5(a), 5(b) (0: not counted); breach, sopos,
 * nos: notification breaches, SOPOs and NOs dated in P.
 */
struct role {
	uint8_t id, cat;
	uint16_t count;
	uint8_t snap, yearly, lic, sopo;
	uint8_t breach, sopos, nos;
};

/* clang-format off */
static const struct role plan[] = {
	/* id                    cat  n  snap yr lic sopo br so no */
	{ P1_QUIET,		 1, 379, 1, 0, 0, 0, 0, 0, 0 },
	{ P1_RECALL_L1,		 1, 3, 1, 0, 0, 0, 0, 0, 0 },
	{ P1_SOPO_APP,		 1, 12, 1, 0, 0, 0, 0, 1, 0 },
	{ P1_NB_CAUTION,	 1, 1, 1, 0, 0, 0, 1, 0, 0 },
	{ P1_RELEASE,		 1, 51, 1, 0, 0, 0, 0, 0, 0 },
	{ P1_NEW_COMM,		 1, 21, 1, 0, 0, 0, 0, 0, 0 },
	{ P1_NEW_COMM_SOPO,	 1, 9, 1, 0, 0, 0, 0, 1, 0 },
	{ P1_NEW_NO,		 1, 4, 1, 0, 0, 0, 0, 0, 1 },
	{ P1_NEW_RELEASE,	 1, 5, 1, 0, 0, 0, 0, 0, 0 },
	{ P1_NEW_RELEASE_SOPO,	 1, 3, 1, 0, 0, 0, 0, 1, 0 },
	{ P1_STEP_DOWN,		 1, 21, 1, 2, 0, 0, 0, 0, 0 },
	{ P1_L2_RECALL_DOWN,	 1, 1, 1, 2, 2, 0, 0, 0, 0 },
	{ P1_UP_DOWN,		 1, 2, 1, 2, 0, 0, 0, 0, 0 },
	{ P1_L2_THROUGH,	 1, 8, 2, 2, 0, 0, 0, 0, 0 },
	{ P1_UP_L2,		 1, 13, 2, 2, 0, 0, 0, 0, 0 },
	{ P1_RELEASE_L2,	 1, 6, 2, 2, 0, 0, 0, 0, 0 },
	{ P1_NEW_L2,		 1, 1, 2, 2, 0, 0, 0, 0, 0 },
	{ P1_NEW_L2_SOPO,	 1, 1, 2, 2, 0, 0, 0, 1, 0 },
	{ P1_L2_RECALL_BACK,	 1, 1, 2, 2, 2, 0, 0, 0, 0 },
	{ P1_EMERGENCY_L2,	 1, 1, 2, 2, 0, 0, 0, 0, 0 },
	{ P1_UP_L3_FROM_L2,	 1, 1, 3, 3, 0, 0, 0, 0, 0 },
	{ P1_UP_L3_FROM_L1,	 1, 1, 3, 3, 0, 0, 0, 0, 0 },
	{ P1_L2_RECALL_HELD,	 1, 1, 0, 2, 2, 0, 0, 0, 0 },
	{ P1_L2_SOPO_BREACH,	 1, 1, 0, 2, 0, 2, 0, 0, 0 },
	{ P1_L2_CUSTODY,	 1, 2, 0, 2, 0, 0, 0, 0, 0 },
	{ P1_PRERELEASE_L2,	 1, 3, 0, 2, 0, 0, 0, 0, 0 },
	{ P1_CUSTODY_THROUGH,	 1, 55, 0, 0, 0, 0, 0, 0, 0 },
	{ P1_NEW_CUSTODY,	 1, 29, 0, 0, 0, 0, 0, 0, 0 },
	{ P1_NEW_CUSTODY_SOPO,	 1, 19, 0, 0, 0, 0, 0, 1, 0 },
	{ P1_NB_CUSTODY,	 1, 1, 0, 0, 0, 0, 1, 0, 0 },
	{ P1_L1_SOPO_BREACH,	 1, 1, 0, 0, 0, 0, 0, 0, 0 },
	{ P1_L1_RECALL_HELD,	 1, 1, 0, 0, 0, 0, 0, 0, 0 },
	{ P1_L1_CUSTODY,	 1, 2, 0, 0, 0, 0, 0, 0, 0 },
	{ P1_L2_EXIT,		 1, 3, 0, 2, 0, 0, 0, 0, 0 },
	{ P1_EXIT_ENDED,	 1, 35, 0, 0, 0, 0, 0, 0, 0 },
	{ P1_EXIT_MOVED,	 1, 15, 0, 0, 0, 0, 0, 0, 0 },
	{ P1_EXIT_DIED,		 1, 5, 0, 0, 0, 0, 0, 0, 0 },

	{ P2_L3_TO_L2,		 2, 1, 2, 3, 0, 0, 0, 0, 0 },
	{ P2_L2_THROUGH,	 2, 5, 2, 2, 0, 0, 0, 0, 0 },
	{ P2_RELEASE_L2,	 2, 9, 2, 2, 0, 0, 0, 0, 0 },
	{ P2_UP_L2,		 2, 4, 2, 2, 0, 0, 0, 0, 0 },
	{ P2_L2_RECALL_BACK,	 2, 3, 2, 2, 2, 0, 0, 0, 0 },
	{ P2_L2_RECALL_HELD,	 2, 5, 0, 2, 2, 0, 0, 0, 0 },
	{ P2_STEP_DOWN,		 2, 4, 1, 2, 0, 0, 0, 0, 0 },
	{ P2_L2_LICENCE_END,	 2, 9, 0, 2, 0, 0, 0, 0, 0 },
	{ P2_PRERELEASE_L2,	 2, 3, 0, 2, 0, 0, 0, 0, 0 },
	{ P2_QUIET,		 2, 22, 1, 0, 0, 0, 0, 0, 0 },
	{ P2_RECALL_L1_BACK,	 2, 10, 1, 0, 0, 0, 0, 0, 0 },
	{ P2_RELEASE,		 2, 98, 1, 0, 0, 0, 0, 0, 0 },
	{ P2_NEW_RELEASE,	 2, 20, 1, 0, 0, 0, 0, 0, 0 },
	{ P2_LICENCE_END,	 2, 102, 0, 0, 0, 0, 0, 0, 0 },
	{ P2_RELEASE_END,	 2, 6, 0, 0, 0, 0, 0, 0, 0 },
	{ P2_OTHER_EXIT,	 2, 3, 0, 0, 0, 0, 0, 0, 0 },
	{ P2_CUSTODY_THROUGH,	 2, 60, 0, 0, 0, 0, 0, 0, 0 },
	{ P2_NEW_CUSTODY,	 2, 95, 0, 0, 0, 0, 0, 0, 0 },
	{ P2_RECALL_L1_HELD,	 2, 8, 0, 0, 0, 0, 0, 0, 0 },

	{ P3_L3_TO_L2,		 3, 1, 2, 3, 0, 0, 0, 0, 0 },
	{ P3_NEW_L3_DOWN_EXIT,	 3, 1, 0, 3, 0, 0, 0, 0, 0 },
	{ P3_L3_EXIT,		 3, 1, 0, 3, 0, 0, 0, 0, 0 },
	{ P3_L2_UP_DOWN_EXIT,	 3, 1, 0, 3, 0, 0, 0, 0, 0 },
	{ P3_NEW_L2,		 3, 3, 2, 2, 0, 0, 0, 0, 0 },
	{ P3_L2_THROUGH,	 3, 1, 2, 2, 0, 0, 0, 0, 0 },
	{ P3_L2_EXIT,		 3, 5, 0, 2, 0, 0, 0, 0, 0 },
	{ P3_NEW_L2_EXIT,	 3, 4, 0, 2, 0, 0, 0, 0, 0 },
	{ P3_L2_RECALL_HELD,	 3, 1, 0, 2, 2, 0, 0, 0, 0 },
	{ P3_NEW_L2_DIED,	 3, 1, 0, 2, 0, 0, 0, 0, 0 },
};
/* clang-format on */

/*
 * The cohorts that never touch P.  Offenders whose registration ends in
 * each reporting year 2005-06..2009-10 (a steady outflow, so that the
 * register, fed by a steady inflow, grows by about 35 a year), and those
 * who register after 31 March 2011, by category.
 */
static const uint16_t pre_exits[3][5] = {
    {50, 53, 55, 57, 58},
    {112, 116, 118, 120, 118},
    {13, 14, 15, 14, 15},
};
static const uint16_t post_registrations[3] = {104, 130, 17};

/* Scale N: the share of each category, and of each category's cases
 * already registered when the records begin, in per mille (as in the
 * standard area). */
static const int scale_category[3] = {460, 495, 45};
static const int scale_legacy[3] = {380, 310, 0};

/* Mid-year populations aged 10 and over, 2005..2012 (illustrative). */
#define POP_FIRST 2005
static const int32_t population[] = {
    672900, 678100, 683500, 688600, 693700, 698400, 703900, 708800,
};
static const char population_source[] =
    "illustrative figure for the fictional demo area, not an ONS "
    "estimate";

/* ---------------------------------------------------------------------
 * Names, places and words.  Surnames are made of invented syllables.
 */
static const char *const sur_a[] = {
    "Brax",  "Quill", "Dorv", "Fenth", "Pryn",	"Skell", "Vorn", "Zeld",
    "Thrum", "Gwill", "Yarr", "Osk",   "Crumm", "Nettl", "Jask", "Wimm",
    "Lorp",  "Ulv",   "Kest", "Tibb",  "Quor",	"Drax",	 "Fimm", "Hask",
};
static const char *const sur_b[] = {
    "aby",   "erwick", "oven",	"ingale", "ash",   "elow",  "idge",
    "umber", "eth",    "ock",	"ardine", "ollis", "ewell", "ury",
    "anks",  "imer",   "odine", "erly",	  "usk",   "aston",
};
static const char *const male_names[] = {
    "Aaron",   "Adam",	  "Alan",   "Andrew",  "Barry",	  "Ben",   "Carl",
    "Chris",   "Craig",	  "Daniel", "Darren",  "David",	  "Dean",  "Gary",
    "Graham",  "Ian",	  "Jamie",  "Jason",   "Karl",	  "Kevin", "Lee",
    "Liam",    "Mark",	  "Martin", "Matthew", "Michael", "Neil",  "Paul",
    "Peter",   "Richard", "Robert", "Ryan",    "Scott",	  "Shaun", "Simon",
    "Stephen", "Stuart",  "Terry",  "Tony",    "Wayne",
};
static const char *const female_names[] = {
    "Amanda", "Claire", "Donna",    "Emma",   "Gemma", "Joanne", "Karen",
    "Kelly",  "Lisa",	"Michelle", "Nicola", "Sarah", "Tracy",
};
static const char *const districts[] = {
    "Brindlemere", "Corvenham",	 "Dunnowmarsh",
    "Fennickby",   "Hallowmere", "Saltwyke",
};
static const char *const courts[] = {
    "Corvenham Crown Court",
    "Hallowmere Crown Court",
    "Saltwyke Magistrates' Court",
    "Fennickby Magistrates' Court",
};
static const char *const crown_courts[] = {
    "Corvenham Crown Court",
    "Hallowmere Crown Court",
};
static const char *const offender_notes[] = {
    "Interpreter needed at meetings (Polish).",
    "Lives in approved premises.",
    "Victim contact scheme: the victim opted in.",
    "Disclosure to employer agreed at MAPP meeting.",
    "Wheelchair user: home visits on the ground floor.",
    "Has a supportive family; sister attends appointments.",
};

/* Chairs of Level 2 and Level 3 meetings, and the coordinator, who takes
 * emergency decisions between meetings. */
static const char *const chairs_l2[] = {
    "Detective Inspector Ros Pellowin",
    "Senior Probation Officer Idris Quanbury",
    "Detective Inspector Amrit Solvenne",
    "Senior Probation Officer Gail Tressamer",
};
static const char *const chairs_l3[] = {
    "Detective Superintendent Colm Ardwyke",
    "Assistant Chief Officer Nessa Brindlow",
    "Detective Chief Inspector Owain Kellasky",
};
static const char coordinator[] = "Jo Vennacott, MAPPA Coordinator";

static const char *const sex_offences[] = {
    "sexual assault",
    "rape",
    "sexual activity with a child",
    "making indecent images of children",
    "possessing indecent images of children",
    "exposure",
    "voyeurism",
    "sexual assault of a child under 13",
    "meeting a child following sexual grooming",
};
static const char *const violent_offences[] = {
    "wounding with intent",
    "grievous bodily harm",
    "robbery",
    "unlawful wounding",
    "assault occasioning actual bodily harm",
    "arson with intent to endanger life",
    "threats to kill",
    "kidnapping",
    "aggravated burglary",
};
static const char *const cat3_reasons[] = {
    "Referred by children's social care: risk of serious harm to a "
    "former partner's children",
    "Referred by the police: stalking and threats to a former partner",
    "Referred by the mental health trust: threats to staff",
    "Referred by probation: fire-setting, no qualifying sentence",
    "Referred by the police: domestic abuse with escalating violence",
};
static const char *const countries[] = {
    "Spain", "Thailand", "Poland", "Australia", "Cyprus", "Ireland",
};
static const char *const up_reasons[] = {
    "Escalating risk: breach of exclusion zone reported by the police",
    "New intelligence of contact with children",
    "Loss of accommodation: a multi-agency plan is needed",
    "Deteriorating mental health reported by the community team",
    "Domestic abuse incident: victim safety plan needed",
    "Concerns raised by children's social care",
};
static const char *const prerelease_reasons[] = {
    "Release plan: approved premises, exclusion zone, victim contact",
    "Level set before release: licence conditions and police visits",
    "Release plan: accommodation, curfew and disclosure to the partner",
};
static const char *const l3_reasons[] = {
    "Risk of imminent serious harm: senior resources needed",
    "High media interest: senior oversight needed",
    "Threats to a named victim: resources needed at short notice",
};
static const char *const l3_down_reasons[] = {
    "Risk reduced: the plan is working and Level 2 is sufficient",
    "Media interest has passed: Level 2 can manage",
};
static const char *const down_reasons[] = {
    "Risk management plan embedded: lead agency management sufficient",
    "Stable accommodation and compliance for six months",
    "Engaging with the treatment programme: the lead agency can manage",
    "No concerns since the last review: back to ordinary management",
};
static const char *const emergency_reasons[] = {
    "Emergency decision by the coordinator: arrested for a new offence; "
    "interim plan until the next meeting",
    "Emergency decision by the coordinator: threats to a victim reported "
    "out of hours",
};
static const char *const recall_reasons[] = {
    "Recalled: failed to reside at the approved premises",
    "Recalled: breach of exclusion zone",
    "Recalled: missed supervision appointments",
    "Recalled: drug use and loss of contact",
    "Recalled: unapproved contact with the victim",
};
static const char *const cat3_exit_reasons[] = {
    "MAPP meeting agreed the risk has reduced: case closed to MAPPA",
    "Risk reduced: stable, engaging with services; closed to MAPPA",
};

/* Per-offender lead agencies. */
static const char agency_police[] = "police";
static const char agency_probation[] = "probation";
static const char agency_prison[] = "prison";
static const char agency_yot[] = "yot";
static const char agency_health[] = "health";
static const char agency_other[] = "other";

#define PICK(g, a) ((a)[rnd((g), NELEM(a))])

/* ---------------------------------------------------------------------
 * The generator's state: the run, and the offender being built.
 */
struct gen {
	const struct demo_sink *sink;
	int status; /* a callback's non-zero value, or -1: stop */

	/* Key dates of the run. */
	mdate rec0, rec1; /* the legacy register is entered in this span */
	mdate first_new;  /* registrations after the records begin */
	mdate p0, e, s;	  /* 2010-04-01, 2010-03-31, 2011-03-31 */
	mdate today;

	/* The offender being built. */
	uint64_t rng;
	struct demo_event *evs;
	size_t nev, cap;
	char arena[ARENA_SIZE];
	size_t arena_len;
	struct ev_state st;
	uint8_t cat;
	mdate last;	 /* date of the last event */
	mdate t;	 /* the simulation's clock: nothing happens before it */
	mdate rel_d;	 /* in custody: the planned release */
	mdate pre_d;	 /* in custody: a meeting to set the level first */
	uint8_t pre_lvl; /* ... to this level */
	mdate lvl_d;	 /* above the baseline: the planned step down */
	mdate lic_end;	 /* on licence until (MDATE_NONE: not) */
	mdate notif_end; /* Category 1: the notification period ends */
	mdate quiet;	 /* no random escalation from this day on */
	uint8_t cust_kind;
	bool sopo;   /* holds a SOPO */
	bool broken; /* an event was refused (a bug) */
	bool oom;

	/* Identities. */
	unsigned serial;      /* offenders made so far */
	unsigned refseq[128]; /* case numbers by year of registration */
	size_t done, total;
};

/* ---------------------------------------------------------------------
 * Random numbers: splitmix64, integers only.
 */

/* The next 64 random bits of G's stream. */
static uint64_t
next64(struct gen *g)
{
	uint64_t z = (g->rng += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A uniform integer in [0, N), N >= 1. */
static uint32_t
rnd(struct gen *g, uint32_t n)
{
	return (uint32_t)(((next64(g) >> 32) * (uint64_t)n) >> 32);
}

/* A uniform integer in [LO, HI]; LO when HI < LO. */
static int32_t
range(struct gen *g, int32_t lo, int32_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int32_t)rnd(g, (uint32_t)(hi - lo) + 1);
}

/* True with probability PERMILLE / 1000. */
static bool
chance(struct gen *g, int permille)
{
	return (int)rnd(g, 1000) < permille;
}

/* -log2(X / 2^32) for X in [1, 2^32), in 16.16 fixed point. */
static uint32_t
neg_log2_q16(uint32_t x)
{
	int k = 31;
	uint64_t m;
	uint32_t frac = 0;

	while (!(x >> k))
		k--;
	m = (uint64_t)x << (31 - k); /* m / 2^31 in [1, 2) */
	for (int i = 0; i < 16; i++) {
		m = (m * m) >> 31;
		frac <<= 1;
		if (m >= (UINT64_C(1) << 32)) {
			m >>= 1;
			frac |= 1;
		}
	}
	return ((uint32_t)(32 - k) << 16) - frac;
}

/* An exponentially distributed number of days with mean MEAN. */
static int32_t
exp_days(struct gen *g, int32_t mean)
{
	uint32_t x = (uint32_t)(next64(g) >> 32);
	uint64_t d;

	if (x == 0)
		x = 1;
	/* ln 2 = 45426 / 65536 */
	d = ((uint64_t)mean * neg_log2_q16(x) * 45426) >> 32;
	return d > 200 * DAYS_PER_YEAR ? 200 * DAYS_PER_YEAR : (int32_t)d;
}

/* ---------------------------------------------------------------------
 * Dates.
 */

static mdate
ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static mdate
min_date(mdate a, mdate b)
{
	return a < b ? a : b;
}

static mdate
max_date(mdate a, mdate b)
{
	return a > b ? a : b;
}

/* The weekday of LEVEL's meetings. */
static int
meeting_weekday(int level)
{
	return level >= 3 ? DEMO_MEETING_WEEKDAY_L3 : DEMO_MEETING_WEEKDAY_L2;
}

/* Whether no meeting sits on D (Christmas to New Year). */
static bool
holiday(mdate d)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	return (m == 12 && dd >= 24) || (m == 1 && dd == 1);
}

/* The first meeting day of LEVEL on or after D. */
static mdate
meeting_on_or_after(mdate d, int level)
{
	d += (meeting_weekday(level) - date_weekday(d) + 7) % 7;
	while (holiday(d))
		d += 7;
	return d;
}

/* A random meeting day of LEVEL in [LO, HI], or NEVER when none. */
static mdate
meeting_between(struct gen *g, mdate lo, mdate hi, int level)
{
	mdate m;

	if (hi < lo)
		return NEVER;
	m = meeting_on_or_after(range(g, lo, hi), level);
	if (m > hi)
		m = meeting_on_or_after(lo, level);
	return m <= hi ? m : NEVER;
}

/* The first working day (Monday to Friday) on or after D. */
static mdate
workday(mdate d)
{
	int w = date_weekday(d);

	return w >= 5 ? d + (7 - w) : d;
}

/* The chair of LEVEL's meeting on D: one chair per meeting. */
static const char *
chair_for(mdate d, int level)
{
	uint32_t week = (uint32_t)(d / 7);

	if (level >= 3)
		return chairs_l3[week % NELEM(chairs_l3)];
	return chairs_l2[week % NELEM(chairs_l2)];
}

/* ---------------------------------------------------------------------
 * Building one history.
 */

/* Start offender number INDEX of cohort COHORT, of category CAT. */
static void
begin(struct gen *g, unsigned cohort, unsigned index, int cat)
{
	g->rng = DEMO_SEED ^ ((uint64_t)cohort << 40) ^ index;
	(void)next64(g);
	g->nev = 0;
	g->arena_len = 0;
	memset(&g->st, 0, sizeof g->st);
	g->cat = (uint8_t)cat;
	g->last = MDATE_NONE;
	g->t = MDATE_NONE;
	g->rel_d = g->pre_d = g->lvl_d = NEVER;
	g->pre_lvl = 0;
	g->lic_end = MDATE_NONE;
	g->notif_end = NEVER;
	g->quiet = NEVER;
	g->cust_kind = 0;
	g->sopo = false;
}

/* A note formatted into the offender's arena (valid until the next
 * offender). */
static const char *note(struct gen *g, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static const char *
note(struct gen *g, const char *fmt, ...)
{
	va_list ap;
	char *p = g->arena + g->arena_len;
	size_t room = sizeof g->arena - g->arena_len;
	int n;

	if (room < 2)
		return "";
	va_start(ap, fmt);
	n = vsnprintf(p, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return "";
	g->arena_len += (size_t)n < room ? (size_t)n + 1 : room;
	return p;
}

/*
 * Append an event on D and apply it.  The generator only makes events
 * the state machine allows; one it refuses is a bug (caught by the
 * assertion, and dropped so that the history stays valid).
 */
static void
emit(struct gen *g, mdate d, int type, int cat, int level, int kind,
     const char *why, mdate meeting, int mlevel, const char *chair)
{
	struct demo_event *e;
	const char *err;

	assert(d >= g->last);
	if (array_reserve(&g->evs, &g->cap, g->nev + 1, sizeof *g->evs) != 0) {
		g->oom = true;
		return;
	}
	e = &g->evs[g->nev];
	memset(e, 0, sizeof *e);
	e->ev.date = d;
	e->ev.type = (uint8_t)type;
	e->ev.category = (uint8_t)cat;
	e->ev.level = (uint8_t)level;
	e->ev.kind = (uint8_t)kind;
	e->note = why;
	e->meeting = meeting;
	e->meeting_level = (uint8_t)mlevel;
	e->chair = chair;
	err = ev_apply(&g->st, &e->ev);
	assert(err == NULL);
	if (err != NULL) {
		g->broken = true;
		return;
	}
	g->nev++;
	g->last = d;
	if (g->t < d)
		g->t = d;
}

/* Register on D at LEVEL; at Level 2 or 3 D is that level's meeting. */
static void
do_register(struct gen *g, mdate d, int level, const char *why)
{
	if (level >= 2) {
		assert(date_weekday(d) == meeting_weekday(level));
		emit(g, d, EV_REGISTER, g->cat, level, 0, why, d, level,
		     chair_for(d, level));
	} else {
		emit(g, d, EV_REGISTER, g->cat, level, 0, why, MDATE_NONE, 0,
		     NULL);
	}
}

/* Change the level on D, at the meeting of the higher of the two levels
 * held that day, or in an emergency by the coordinator. */
static void
do_level(struct gen *g, mdate d, int level, bool emergency, const char *why)
{
	int ml = level > g->st.level ? level : g->st.level;

	if (emergency) {
		emit(g, d, EV_LEVEL, 0, level, 0, why, MDATE_NONE, 0,
		     coordinator);
		return;
	}
	assert(date_weekday(d) == meeting_weekday(ml));
	emit(g, d, EV_LEVEL, 0, level, 0, why, d, ml, chair_for(d, ml));
}

/* The usual reason for going from the current level to LEVEL. */
static const char *
level_reason(struct gen *g, int level)
{
	if (level == 3)
		return PICK(g, l3_reasons);
	if (level == 2 && g->st.level == 3)
		return PICK(g, l3_down_reasons);
	if (level == 2)
		return PICK(g, up_reasons);
	return PICK(g, down_reasons);
}

/* Change to LEVEL at a meeting on D (a meeting day), for the usual
 * reason. */
static void
level_at(struct gen *g, mdate d, int level)
{
	do_level(g, d, level, false, level_reason(g, level));
}

static void
do_custody(struct gen *g, mdate d, int kind, const char *why)
{
	emit(g, d, EV_CUSTODY, 0, 0, kind, why, MDATE_NONE, 0, NULL);
	g->cust_kind = (uint8_t)kind;
	g->pre_d = NEVER;
}

/* Leave custody on D, with a note that fits why they were inside. */
static void
do_release(struct gen *g, mdate d)
{
	const char *why;

	if (g->cust_kind == CUSTODY_REMAND)
		why = chance(g, 700) ? "Released on bail"
				     : "Acquitted at trial and released";
	else if (g->lic_end != MDATE_NONE && g->lic_end <= d)
		why = "Released at the end of the sentence";
	else if (g->cust_kind == CUSTODY_LICENCE_BREACH)
		why = chance(g, 500) ? "Re-released on licence"
				     : "Re-released on licence after review";
	else
		why = chance(g, 500) ? "Released on licence"
				     : "Released on licence to approved "
				       "premises";
	emit(g, d, EV_RELEASE, 0, 0, 0, why, MDATE_NONE, 0, NULL);
	g->rel_d = NEVER;
	g->pre_d = NEVER;
}

static void
do_order(struct gen *g, mdate d, int kind, const char *why)
{
	emit(g, d, EV_ORDER, 0, 0, kind, why, MDATE_NONE, 0, NULL);
	if (kind == ORDER_SOPO)
		g->sopo = true;
}

static void
do_breach(struct gen *g, mdate d, int kind)
{
	emit(g, d, EV_NOTIFICATION_BREACH, 0, 0, kind,
	     kind == BREACH_CAUTION
		 ? "Cautioned: failed to notify a change of address"
		 : "Convicted: failed to notify foreign travel",
	     MDATE_NONE, 0, NULL);
}

/* Plan, for someone in custody at Level 1, a meeting that sets a higher
 * level before the release: with the usual odds, no earlier than LO. */
static void
plan_prerelease(struct gen *g, mdate lo)
{
	int p2 = g->cat == 1 ? 120 : 150, p3 = g->cat == 1 ? 10 : 8;
	int u = (int)rnd(g, 1000);
	int level = u < p3 ? 3 : u < p3 + p2 ? 2 : 0;
	mdate m;

	g->pre_d = NEVER;
	if (!level || g->cat == 3 || !g->st.in_custody || g->st.level != 1 ||
	    g->rel_d == NEVER)
		return;
	m = meeting_between(g, max_date(lo, g->rel_d - 56), g->rel_d - 7,
			    level);
	if (m == NEVER || m <= g->last || m >= g->quiet)
		return;
	g->pre_d = m;
	g->pre_lvl = (uint8_t)level;
}

/* Go into custody on D to serve MONTHS (half inside, then on licence). */
static void
sentence(struct gen *g, mdate d, int months, int kind, const char *why)
{
	mdate end = process_add_months(d, months);

	do_custody(g, d, kind, why);
	g->rel_d = d + (end - d) / 2;
	g->lic_end = end;
	plan_prerelease(g, d + 1);
}

/* A Category 1 custodial sentence, in months. */
static int
months_c1(struct gen *g)
{
	int u = (int)rnd(g, 100);

	if (u < 20)
		return range(g, 8, 24);
	if (u < 65)
		return range(g, 25, 60);
	return range(g, 61, 120);
}

/* A Category 2 sentence, in months (12 months or more). */
static int
months_c2(struct gen *g)
{
	int u = (int)rnd(g, 100);

	if (u < 40)
		return range(g, 12, 18);
	if (u < 80)
		return range(g, 19, 48);
	return range(g, 49, 120);
}

/* A sentence of about MONTHS as a court states it: "18 months", "3
 * years", "4 years 6 months". */
static const char *
term(struct gen *g, int months)
{
	if (months > 24)
		months = (months + 3) / 6 * 6;
	if (months < 24 || months % 12 == 0)
		return months < 24 ? note(g, "%d months", months)
				   : note(g, "%d years", months / 12);
	return note(g, "%d years %d months", months / 12, months % 12);
}

/* ---------------------------------------------------------------------
 * The simulation.
 */

enum {
	RE_ESC,
	RE_RECALL,
	RE_NEWSENT,
	RE_REMAND,
	RE_SOPOBREACH,
	RE_BREACH,
	RE_SOPOAPP,
	RE_FTO,
	RE_N
};

/* Random events in the community, per mille per year, by category and
 * level.  Recalls need a licence, breaches of SOPO a SOPO, a SOPO on
 * application none yet. */
static const int16_t rates[4][4][RE_N] =
    {
	[1] =
	    {
		[1] = {55, 150, 15, 10, 25, 5, 22, 2},
		[2] = {45, 400, 50, 40, 80, 10, 30, 5},
		[3] = {0, 400, 60, 60, 80, 0, 0, 0},
	    },
	[2] =
	    {
		[1] = {50, 250, 0, 20, 0, 0, 0, 0},
		[2] = {30, 400, 0, 50, 0, 0, 0, 0},
		[3] = {0, 400, 0, 60, 0, 0, 0, 0},
	    },
	[3] =
	    {
		[2] = {250, 400, 0, 60, 0, 0, 0, 0},
		[3] = {0, 0, 0, 100, 0, 0, 0, 0},
	    },
};

/* The rates that apply now, into W; returns their sum. */
static int
current_rates(struct gen *g, int w[RE_N])
{
	int sum = 0;

	for (int k = 0; k < RE_N; k++)
		w[k] = 0;
	if (!g->st.registered || g->st.in_custody)
		return 0;
	for (int k = 0; k < RE_N; k++)
		w[k] = rates[g->cat][g->st.level][k];
	if (g->lic_end == MDATE_NONE || g->lic_end <= g->t + 30)
		w[RE_RECALL] = 0;
	if (!g->sopo)
		w[RE_SOPOBREACH] = 0;
	else
		w[RE_SOPOAPP] = 0;
	if (g->t >= g->quiet)
		w[RE_ESC] = 0;
	for (int k = 0; k < RE_N; k++)
		sum += w[k];
	return sum;
}

/* The earliest planned event, or NEVER. */
static mdate
next_due(struct gen *g)
{
	mdate d = NEVER;

	if (!g->st.registered)
		return NEVER;
	if (g->st.in_custody) {
		d = min_date(d, g->rel_d);
		if (g->pre_d != NEVER && g->pre_d < g->rel_d)
			d = min_date(d, g->pre_d);
	}
	if (g->lvl_d != NEVER)
		d = min_date(d, g->lvl_d);
	return d < g->t ? g->t : d;
}

/* The level a case above its baseline steps down to, and when. */
static void
plan_step_down(struct gen *g, mdate from)
{
	int level = g->st.level;

	if (level == 3)
		g->lvl_d = meeting_on_or_after(from + range(g, 42, 120), 3);
	else if (level == 2 && g->cat != 3)
		g->lvl_d = meeting_on_or_after(
		    from +
			(g->cat == 1 ? range(g, 200, 600) : range(g, 240, 720)),
		    2);
	else
		g->lvl_d = NEVER;
}

/* Carry out the planned event due on D. */
static void
do_due(struct gen *g, mdate d)
{
	if (g->st.in_custody && g->pre_d == d && g->pre_d < g->rel_d) {
		do_level(g, d, g->pre_lvl, false, PICK(g, prerelease_reasons));
		g->pre_d = NEVER;
		g->lvl_d = NEVER;
		return;
	}
	if (g->st.in_custody && g->rel_d <= d) {
		do_release(g, d);
		if (g->st.level >= 2 && g->lvl_d == NEVER)
			plan_step_down(g, d);
		return;
	}
	/* The step down, at a meeting of the level being left. */
	if (g->st.in_custody) {
		g->lvl_d = NEVER; /* reviewed after the release */
		return;
	}
	if (date_weekday(d) != meeting_weekday(g->st.level)) {
		g->lvl_d = meeting_on_or_after(d, g->st.level);
		return;
	}
	level_at(g, d, g->st.level - 1);
	plan_step_down(g, d);
}

/* Pick an index of W (summing to SUM) with probability W[k] / SUM. */
static int
pick_weighted(struct gen *g, const int *w, int n, int sum)
{
	int u = (int)rnd(g, (uint32_t)sum);

	for (int k = 0; k < n; k++) {
		if (u < w[k])
			return k;
		u -= w[k];
	}
	return n - 1;
}

/* A random event of kind K arriving on T, with the next due on DUE and
 * the window ending before TO. */
static void
random_event(struct gen *g, int k, mdate t, mdate due, mdate to)
{
	mdate d, end;
	int level, months;

	switch (k) {
	case RE_ESC: {
		bool emergency = chance(g, 40);

		/* One level up; now and then straight from 1 to 3. */
		level = g->st.level == 1 && !chance(g, 40) ? 2 : 3;
		d = emergency ? workday(t) : meeting_on_or_after(t, level);
		if (d >= to || d >= due)
			break;
		if (emergency)
			do_level(g, d, level, true, PICK(g, emergency_reasons));
		else
			level_at(g, d, level);
		plan_step_down(g, d);
		break;
	}
	case RE_RECALL:
		do_custody(g, t, CUSTODY_LICENCE_BREACH,
			   PICK(g, recall_reasons));
		end = t + (chance(g, 500) ? 28 : range(g, 60, 270));
		g->rel_d = min_date(end, g->lic_end);
		break;
	case RE_NEWSENT:
		months = range(g, 6, 48);
		sentence(g, t, months, CUSTODY_NEW_SENTENCE,
			 note(g, "Sentenced at %s to %s for %s",
			      PICK(g, courts), term(g, months),
			      g->cat == 1 ? PICK(g, sex_offences)
					  : PICK(g, violent_offences)));
		break;
	case RE_REMAND:
		do_custody(g, t, CUSTODY_REMAND,
			   note(g, "Remanded in custody: charged with %s",
				g->cat == 1 ? PICK(g, sex_offences)
					    : PICK(g, violent_offences)));
		g->rel_d = t + range(g, 21, 150);
		break;
	case RE_SOPOBREACH:
		months = range(g, 6, 24);
		sentence(g, t, months, CUSTODY_SOPO_BREACH,
			 note(g,
			      "Breach of SOPO (unsupervised contact with "
			      "a child): %s",
			      term(g, months)));
		break;
	case RE_BREACH:
		if (chance(g, 600)) {
			do_breach(g, t, BREACH_CAUTION);
		} else {
			do_breach(g, t, BREACH_CONVICTION);
			if (chance(g, 500)) {
				months = range(g, 4, 12);
				sentence(g, t, months, CUSTODY_NEW_SENTENCE,
					 note(g,
					      "Sentenced to %s for failing "
					      "to notify",
					      term(g, months)));
			}
		}
		break;
	case RE_SOPOAPP:
		do_order(g, t, ORDER_SOPO,
			 note(g, "SOPO on police application at %s",
			      PICK(g, courts)));
		break;
	case RE_FTO:
		do_order(g, t, ORDER_FTO, "Foreign travel order made");
		break;
	default:
		break;
	}
}

/*
 * Run the offender's life forward from the clock up to, not including,
 * TO: planned events and random ones.  Afterwards the clock stands on the
 * day before TO.
 */
static void
sim(struct gen *g, mdate to)
{
	int w[RE_N];

	while (g->st.registered && !g->broken && !g->oom) {
		mdate due = next_due(g);
		int sum = current_rates(g, w);
		mdate arr = NEVER;

		if (sum > 0)
			arr =
			    g->t + 1 + exp_days(g, DAYS_PER_YEAR * 1000 / sum);
		if (due != NEVER && due <= arr) {
			if (due >= to)
				break;
			do_due(g, due);
			if (g->t < due)
				g->t = due;
			continue;
		}
		if (arr >= to)
			break;
		g->t = arr;
		random_event(g, pick_weighted(g, w, RE_N, sum), arr, due, to);
	}
	if (g->t < to - 1)
		g->t = to - 1;
}

/* Leave MAPPA on X for KIND (a risk_reduced exit is decided at the next
 * meeting, which must fall no later than BOUND).  A licence or order that
 * ends with the offender inside ends with the release. */
static void
do_exit(struct gen *g, mdate x, int kind, mdate bound)
{
	const char *why;
	mdate meeting = MDATE_NONE;
	int ml = 0;

	if (kind == EXIT_RISK_REDUCED) {
		mdate m = meeting_on_or_after(x, g->st.level);

		if (m <= bound && m >= g->last) {
			x = m;
			meeting = m;
			ml = g->st.level;
		}
	}
	if (g->st.in_custody &&
	    (kind == EXIT_LICENCE_ENDED || kind == EXIT_RISK_REDUCED ||
	     kind == EXIT_OTHER))
		do_release(g, x);
	switch (kind) {
	case EXIT_REGISTRATION_ENDED:
		why = "Notification period ended";
		break;
	case EXIT_LICENCE_ENDED:
		why = "Licence expired";
		break;
	case EXIT_RISK_REDUCED:
		why = PICK(g, cat3_exit_reasons);
		break;
	case EXIT_DIED:
		why = "Died";
		break;
	case EXIT_TRANSFERRED_OUT:
		why = "Moved to another MAPPA area: case transferred";
		break;
	default:
		why = "Detained in hospital under the Mental Health Act";
		break;
	}
	emit(g, x, EV_EXIT, 0, 0, kind, why, meeting, ml,
	     meeting != MDATE_NONE ? chair_for(meeting, ml) : NULL);
}

/* Live on to X and leave for KIND, or, when X is after today, up to
 * today. */
static void
finish(struct gen *g, mdate x, int kind)
{
	if (x <= g->today) {
		sim(g, x);
		do_exit(g, x, kind, g->today);
	} else {
		sim(g, g->today + 1);
	}
}

/* ---------------------------------------------------------------------
 * Openings: how a case comes onto the register.
 */

enum open1 {
	O1_CUSTODY,
	O1_COMMUNITY,
	O1_CAUTION,
	O1_SUSPENDED,
	O1_TRANSFER,
	O1_NO,
	O1_N
};

/* The notification period a Category 1 opening of KIND on R gives. */
static mdate
notification_end(struct gen *g, mdate r, int kind, int months)
{
	switch (kind) {
	case O1_CUSTODY:
		if (months >= 30)
			return NEVER;
		return process_add_months(r, months >= 6 ? 120 : 84);
	case O1_COMMUNITY:
		return process_add_months(r, 60);
	case O1_CAUTION:
		return process_add_months(r, 24);
	case O1_SUSPENDED:
		return process_add_months(r, 120);
	case O1_TRANSFER:
		return chance(g, 500)
			   ? NEVER
			   : r + range(g, DAYS_PER_YEAR, 10 * DAYS_PER_YEAR);
	default:
		return chance(g, 600) ? NEVER : process_add_months(r, 60);
	}
}

/* "indefinite", "10 years", ... for a notification period from R. */
static const char *
period_words(struct gen *g, mdate r, mdate end)
{
	if (end == NEVER)
		return "indefinite";
	return note(g, "%d years", (end - r + 180) / DAYS_PER_YEAR);
}

/*
 * Put a Category 1 case on the register on R at LEVEL (a meeting day when
 * 2 or 3), opening KIND; for custody, MONTHS with the release on REL (or
 * NEVER for half the sentence).  SOPO: 1 a SOPO at conviction, 0 none,
 * -1 the usual odds.  A remand before R may start no earlier than LO.
 */
static void
open_c1(struct gen *g, mdate r, int level, int kind, int months, mdate rel,
	int sopo, mdate lo)
{
	const char *offence = PICK(g, sex_offences);
	const char *court = PICK(g, crown_courts);
	bool conviction =
	    kind == O1_CUSTODY || kind == O1_COMMUNITY || kind == O1_SUSPENDED;
	bool remanded = false;
	const char *why;

	g->notif_end = notification_end(g, r, kind, months);
	if (kind == O1_CUSTODY && chance(g, 400) && r - 40 >= lo) {
		mdate rd = r - range(g, 30, min_date(150, r - lo));

		do_custody(
		    g, rd, CUSTODY_REMAND,
		    note(g, "Remanded in custody: charged with %s", offence));
		remanded = true;
	}
	switch (kind) {
	case O1_CUSTODY:
		why = note(g,
			   "Convicted at %s of %s: %s' imprisonment; "
			   "notification %s",
			   court, offence, term(g, months),
			   period_words(g, r, g->notif_end));
		break;
	case O1_COMMUNITY:
		why = note(g,
			   "Convicted at %s of %s: community order; "
			   "notification 5 years",
			   PICK(g, courts), offence);
		break;
	case O1_CAUTION:
		why =
		    note(g, "Cautioned for %s; notification 2 years", offence);
		break;
	case O1_SUSPENDED:
		why = note(g,
			   "Convicted at %s of %s: suspended sentence; "
			   "notification 10 years",
			   court, offence);
		break;
	case O1_TRANSFER:
		why = "Transferred in from another MAPPA area";
		break;
	default:
		why = note(g, "Notification order: convicted in %s of %s",
			   PICK(g, countries), offence);
		break;
	}
	do_register(g, r, level, why);
	if (kind == O1_CUSTODY) {
		mdate end = process_add_months(r, months);

		if (!remanded)
			do_custody(g, r, CUSTODY_NEW_SENTENCE,
				   note(g, "Sentenced to %s", term(g, months)));
		g->cust_kind = CUSTODY_NEW_SENTENCE;
		g->rel_d = rel != NEVER ? rel : r + (end - r) / 2;
		g->lic_end = rel != NEVER ? rel + (rel - r) : end;
	}
	if (kind == O1_NO)
		do_order(g, r, ORDER_NO, "Notification order made");
	if (conviction && (sopo > 0 || (sopo < 0 && chance(g, 400))))
		do_order(g, r, ORDER_SOPO,
			 note(g, "SOPO made at conviction (%s)", court));
	if (g->st.in_custody)
		plan_prerelease(g, r + 1);
}

/* A random Category 1 opening kind. */
static int
random_open1(struct gen *g)
{
	static const int w[O1_N] = {520, 220, 80, 60, 80, 40};

	return pick_weighted(g, w, O1_N, 1000);
}

/*
 * Choose a Category 1 opening on R whose notification runs past KEEP and
 * whose release (if custodial) falls before LATEST; *MONTHS receives the
 * sentence.
 */
static int
choose_open1(struct gen *g, mdate r, mdate keep, mdate latest, int *months)
{
	for (int tries = 0; tries < 24; tries++) {
		int kind = random_open1(g);
		int m = kind == O1_CUSTODY ? months_c1(g) : 0;
		mdate end;

		if (kind == O1_CUSTODY) {
			end = process_add_months(r, m);
			if (r + (end - r) / 2 >= latest)
				continue;
			if (m < 30 && process_add_months(r, m >= 6 ? 120 : 84) <= keep)
				continue;
		} else if ((kind == O1_COMMUNITY &&
			    process_add_months(r, 60) <= keep) ||
			   (kind == O1_CAUTION && process_add_months(r, 24) <= keep)) {
			continue;
		}
		*months = m;
		return kind;
	}
	*months = 0;
	return O1_SUSPENDED;
}

/* The legacy register: cases already known when the records begin. */
enum legacy { LEG_COMMUNITY, LEG_LICENCE, LEG_CUSTODY };

/* Enter a case found on the register on R (between rec0 and rec1) at
 * LEVEL 1: in the community, on licence until LIC_END, or in custody
 * until REL with the licence until LIC_END. */
static void
open_legacy(struct gen *g, mdate r, int mode, mdate rel, mdate lic_end)
{
	const char *why;

	if (g->cat == 1)
		why = note(g,
			   "On the register when the unit's records began "
			   "(%s)",
			   PICK(g, sex_offences));
	else
		why = note(g,
			   "Known to MAPPA when the unit's records began "
			   "(%s)",
			   PICK(g, violent_offences));
	if (mode != LEG_CUSTODY && chance(g, g->cat == 1 ? 60 : 120)) {
		/* Managed at Level 2 already: entered at the first Level 2
		 * meeting of the records (the records begin on a Tuesday). */
		r -= (date_weekday(r) - DEMO_MEETING_WEEKDAY_L2 + 7) % 7;
		if (r < g->rec0)
			r = meeting_on_or_after(g->rec0, 2);
		do_register(g, r, 2, why);
		plan_step_down(g, r - range(g, 0, 200));
		if (g->lvl_d <= r)
			g->lvl_d = meeting_on_or_after(r + 28, 2);
	} else {
		do_register(g, r, 1, why);
	}
	if (mode == LEG_CUSTODY) {
		do_custody(g, r, CUSTODY_OTHER,
			   "In custody when the unit's records began");
		g->rel_d = rel;
	}
	if (mode != LEG_COMMUNITY)
		g->lic_end = lic_end;
	if (g->cat == 1 && chance(g, 150))
		g->sopo = true; /* an order made before the records */
}

/* Register a Category 2 case sentenced on R, released on REL, licence to
 * LE; a remand before R may start no earlier than LO. */
static void
open_c2(struct gen *g, mdate r, mdate rel, mdate le, mdate lo)
{
	const char *offence = PICK(g, violent_offences);
	int months = (le - r + 15) / 30;
	bool remanded = false;

	if (chance(g, 500) && r - 40 >= lo) {
		do_custody(
		    g, r - range(g, 30, min_date(180, r - lo)), CUSTODY_REMAND,
		    note(g, "Remanded in custody: charged with %s", offence));
		remanded = true;
	}
	do_register(g, r, 1,
		    note(g, "Sentenced at %s to %s for %s",
			 PICK(g, crown_courts), term(g, months), offence));
	if (!remanded)
		do_custody(g, r, CUSTODY_NEW_SENTENCE,
			   note(g, "Sentenced to %s", term(g, months)));
	g->cust_kind = CUSTODY_NEW_SENTENCE;
	g->rel_d = rel;
	g->lic_end = le;
	plan_prerelease(g, r + 1);
}

/* Register a Category 2 case whose sentence (released REL, licence to
 * LE) began on R, which may be before the records: then it is entered
 * on a legacy date, inside or already on licence. */
static void
open_c2_any(struct gen *g, mdate r, mdate rel, mdate le)
{
	if (r >= g->rec0 + 30) {
		open_c2(g, r, rel, le, g->rec0);
		return;
	}
	r = range(g, g->rec0, g->rec1);
	if (rel > r + 7)
		open_legacy(g, r, LEG_CUSTODY, rel, le);
	else
		open_legacy(g, r, LEG_LICENCE, NEVER, le);
}

/* Register a Category 3 case on R (a meeting day of LEVEL). */
static void
open_c3(struct gen *g, mdate r, int level)
{
	do_register(g, r, level, PICK(g, cat3_reasons));
}

/* ---------------------------------------------------------------------
 * Random lives: the cohorts outside P and the scaled area.
 */

/* A Category 1 case registered on R (LEGACY: when the records begin),
 * living on to its end or today. */
static void
life_c1(struct gen *g, mdate r, bool legacy)
{
	mdate x;
	int kind, months;

	if (legacy) {
		int u = (int)rnd(g, 100);

		if (u < 25)
			open_legacy(g, r, LEG_CUSTODY,
				    r + range(g, 30, 4 * DAYS_PER_YEAR), NEVER);
		else
			open_legacy(g, r, u < 45 ? LEG_LICENCE : LEG_COMMUNITY,
				    NEVER, r + range(g, 30, 3 * DAYS_PER_YEAR));
		if (g->st.in_custody)
			g->lic_end =
			    g->rel_d + range(g, 180, 3 * DAYS_PER_YEAR);
		g->notif_end = chance(g, 450)
				   ? NEVER
				   : r + range(g, 30, 16 * DAYS_PER_YEAR);
	} else {
		kind = choose_open1(g, r, MDATE_NONE, NEVER, &months);
		open_c1(g, r, 1, kind, months, NEVER, -1, g->rec0);
	}
	x = r + 1 + exp_days(g, 11000);
	kind = chance(g, 750) ? EXIT_TRANSFERRED_OUT : EXIT_DIED;
	if (g->notif_end <= x) {
		x = g->notif_end;
		kind = EXIT_REGISTRATION_ENDED;
	}
	finish(g, x, kind);
}

/* The sentence of a Category 2 case registered on R: release and licence
 * end. */
static void
sentence_c2(struct gen *g, mdate r, mdate *rel, mdate *le)
{
	int months = months_c2(g);
	mdate end = process_add_months(r, months);

	*rel = r + (end - r) / 2;
	*le = end;
}

/* A Category 2 case registered on R, living on to its licence's end or
 * today. */
static void
life_c2(struct gen *g, mdate r, bool legacy)
{
	mdate rel, le, x;
	int kind = EXIT_LICENCE_ENDED;

	if (legacy) {
		if (chance(g, 450)) {
			rel = r + range(g, 30, 3 * DAYS_PER_YEAR);
			le = rel + range(g, 180, 3 * DAYS_PER_YEAR);
			open_legacy(g, r, LEG_CUSTODY, rel, le);
		} else {
			le = r + range(g, 30, 2 * DAYS_PER_YEAR);
			open_legacy(g, r, LEG_LICENCE, NEVER, le);
		}
	} else {
		sentence_c2(g, r, &rel, &le);
		open_c2(g, r, rel, le, r - 180);
	}
	x = r + 1 + exp_days(g, 40000);
	if (x < le)
		kind = chance(g, 600) ? EXIT_TRANSFERRED_OUT : EXIT_DIED;
	else
		x = le;
	finish(g, x, kind);
}

/* A Category 3 exit's kind. */
static int
exit_kind_c3(struct gen *g)
{
	int u = (int)rnd(g, 100);

	return u < 75	? EXIT_RISK_REDUCED
	       : u < 85 ? EXIT_TRANSFERRED_OUT
	       : u < 89 ? EXIT_DIED
			: EXIT_OTHER;
}

/* A Category 3 case registered on (the meeting after) R. */
static void
life_c3(struct gen *g, mdate r)
{
	int level = chance(g, 200) ? 3 : 2;

	r = meeting_on_or_after(r, level);
	open_c3(g, r, level);
	if (chance(g, 250))
		g->lic_end = r + range(g, 30, 270);
	if (level == 3)
		plan_step_down(g, r);
	finish(g, r + range(g, 90, 480), exit_kind_c3(g));
}

/* A Category 1 case whose registration ends on X for KIND, before E. */
static void
pre_exit_c1(struct gen *g, mdate x, int kind)
{
	mdate r;
	int open, months;

	if (kind == EXIT_REGISTRATION_ENDED &&
	    process_add_months(x, -24) >= g->first_new && chance(g, 300)) {
		r = process_add_months(x, -24);
		open_c1(g, r, 1, O1_CAUTION, 0, NEVER, -1, g->rec0);
	} else if (kind != EXIT_REGISTRATION_ENDED && chance(g, 450) &&
		   x - 90 > g->first_new) {
		r = range(g, g->first_new, x - 90);
		open = choose_open1(g, r, x, x - 30, &months);
		open_c1(g, r, 1, open, months, NEVER, -1, g->rec0);
	} else {
		r = range(g, g->rec0, min_date(g->rec1, x - 7));
		if (chance(g, 200) && x > r + 60)
			open_legacy(g, r, LEG_CUSTODY, range(g, r + 30, x - 30),
				    NEVER);
		else
			open_legacy(
			    g, r, chance(g, 250) ? LEG_LICENCE : LEG_COMMUNITY,
			    NEVER, r + range(g, 30, 900));
		if (g->st.in_custody)
			g->lic_end = g->rel_d + range(g, 180, 900);
	}
	g->notif_end = kind == EXIT_REGISTRATION_ENDED ? x : NEVER;
	sim(g, x);
	do_exit(g, x, kind, g->e - 1);
}

/* A Category 2 case whose licence ends on X, before E. */
static void
pre_exit_c2(struct gen *g, mdate x)
{
	int months = months_c2(g);
	mdate len = (process_add_months(x, months) - x) / 2;
	mdate rel = x - len, r = rel - len;

	open_c2_any(g, r, rel, x);
	sim(g, x);
	do_exit(g, x, chance(g, 40) ? EXIT_DIED : EXIT_LICENCE_ENDED, g->e - 1);
}

/* A Category 3 case that exits on about X, before E. */
static void
pre_exit_c3(struct gen *g, mdate x)
{
	int level = chance(g, 200) ? 3 : 2;
	mdate r = max_date(g->rec0, x - range(g, 90, 480));

	r = meeting_on_or_after(r, level);
	open_c3(g, r, level);
	if (level == 3)
		plan_step_down(g, r);
	sim(g, x);
	do_exit(g, x, exit_kind_c3(g), g->e - 1);
}

/* ---------------------------------------------------------------------
 * Histories before P: a random life that arrives on E in the state a
 * role starts from.
 */

/* What a role needs on E. */
struct entry {
	int level;	 /* 1..3 */
	bool custody;	 /* inside on E, serving until REL */
	mdate rel;	 /* custody: the release (after E) */
	mdate lic_until; /* community: on licence until at least this */
	mdate since;	 /* level 2 or 3: about when it began (or NEVER) */
	bool sopo;	 /* Category 1: holds a SOPO by E */
	mdate keep;	 /* Category 1: registered until after this */
	int open;	 /* Category 1: a forced opening; -1 any; -2 legacy */
	mdate r;	 /* a forced registration date, or MDATE_NONE */
};

/* An entry at LEVEL in the community, registered until after S. */
static struct entry
entry_at(struct gen *g, int level)
{
	struct entry en;

	memset(&en, 0, sizeof en);
	en.level = level;
	en.rel = NEVER;
	en.lic_until = MDATE_NONE;
	en.since = NEVER;
	en.keep = g->s;
	en.open = -1;
	en.r = MDATE_NONE;
	return en;
}

/*
 * From wherever sim() left the case, reach on E the state EN asks for:
 * release or recall first, then the level, at a meeting within three
 * weeks of the clock.  Dues are cleared: the role decides what follows.
 */
static void
steer(struct gen *g, const struct entry *en)
{
	mdate lo, d;

	if (g->st.in_custody && !en->custody) {
		lo = max_date(g->t + 1, g->last);
		d = g->rel_d > lo && g->rel_d <= g->e - 10
			? g->rel_d
			: range(g, lo, min_date(lo + 14, g->e - 10));
		do_release(g, d);
	}
	if (!g->st.in_custody && en->custody) {
		lo = max_date(max_date(g->t + 1, g->last), g->e - 90);
		do_custody(g, range(g, lo, g->e - 10), CUSTODY_LICENCE_BREACH,
			   PICK(g, recall_reasons));
	}
	if (en->sopo && !g->sopo) {
		lo = max_date(g->t + 1, g->last);
		do_order(g, range(g, lo, min_date(lo + 14, g->e - 10)),
			 ORDER_SOPO,
			 note(g, "SOPO on police application at %s",
			      PICK(g, courts)));
	}
	if (g->st.level != en->level) {
		int ml = en->level > g->st.level ? en->level : g->st.level;

		lo = max_date(g->t + 1, g->last);
		d = meeting_between(g, lo, min_date(lo + 21, g->e - 1), ml);
		if (d == NEVER)
			d = meeting_between(g, lo, g->e - 1, ml);
		if (en->custody && en->level > g->st.level)
			do_level(g, d, en->level, false,
				 PICK(g, prerelease_reasons));
		else
			level_at(g, d, en->level);
	}
	g->pre_d = g->lvl_d = NEVER;
	g->rel_d = en->custody ? en->rel : NEVER;
	g->t = g->e;
}

/* The clock up to which a case entering P as EN lives at random. */
static mdate
steer_from(struct gen *g, const struct entry *en)
{
	mdate t0;

	if (en->level >= 2)
		t0 = en->since != NEVER
			 ? en->since
			 : g->e - 30 -
			       min_date(exp_days(g, PLAN_EPISODE_AGE), 900);
	else
		t0 = g->e - range(g, 35, 80);
	t0 = min_date(t0, g->e - 30);
	return max_date(t0, g->last + 1);
}

/* A Category 1 case's history up to E, arriving as EN. */
static void
pre_c1(struct gen *g, const struct entry *en)
{
	mdate e = g->e, r;
	int kind, months;

	g->quiet = e - PLAN_QUIET_DAYS;
	if (en->custody) {
		/* Serving a sentence that ends after E. */
		mdate served =
		    en->rel - (e - 30) + range(g, 0, 3 * DAYS_PER_YEAR);

		r = en->rel - served;
		months = (2 * served + 15) / 30;
		if (r < g->rec0 + 30) {
			r = range(g, g->rec0, g->rec1);
			open_legacy(g, r, LEG_CUSTODY, en->rel,
				    en->rel + served);
			g->notif_end = NEVER;
		} else {
			open_c1(g, r, 1, O1_CUSTODY, months, en->rel,
				en->sopo ? 1 : -1, g->rec0);
		}
		g->pre_d = NEVER;
	} else if (en->lic_until != MDATE_NONE) {
		/* Released before E with a licence that runs on. */
		mdate rel = e - range(g, 30, 420);
		mdate len = max_date(en->lic_until - rel, 200) +
			    range(g, 0, DAYS_PER_YEAR);

		r = rel - len;
		if (r < g->rec0 + 30) {
			r = range(g, g->rec0, g->rec1);
			if (rel > r + 7)
				open_legacy(g, r, LEG_CUSTODY, rel, rel + len);
			else
				open_legacy(g, r, LEG_LICENCE, NEVER,
					    rel + len);
			g->notif_end = NEVER;
		} else {
			months = (2 * len + 15) / 30;
			open_c1(g, r, 1, O1_CUSTODY, months, rel, -1, g->rec0);
		}
	} else if (en->open == O1_CAUTION || en->open == O1_COMMUNITY) {
		open_c1(g, en->r, 1, en->open, 0, NEVER, -1, g->rec0);
	} else {
		bool legacy =
		    en->open == -2 || (en->open == -1 && chance(g, 420));

		if (legacy) {
			r = range(g, g->rec0, g->rec1);
			if (chance(g, 250) && e - r > 400)
				open_legacy(g, r, LEG_CUSTODY,
					    range(g, r + 30, e - 200), NEVER);
			else
				open_legacy(g, r, LEG_COMMUNITY, NEVER, NEVER);
			if (g->st.in_custody)
				g->lic_end = g->rel_d + range(g, 180, 900);
			g->notif_end =
			    chance(g, 500)
				? NEVER
				: en->keep + range(g, 30, 15 * DAYS_PER_YEAR);
		} else {
			/* Registered since the records began; a custodial
			 * sentence must have let them out by E (those still
			 * inside are other roles). */
			r = range(g, g->first_new, e - 100);
			kind = random_open1(g);
			months = 0;
			for (int i = 0; kind == O1_CUSTODY && i < 8; i++) {
				months = months_c1(g);
				if (r + months * 15 < e - 90)
					break;
				months = 0;
			}
			if (kind != O1_CUSTODY || months == 0)
				kind = choose_open1(g, r, en->keep, r, &months);
			open_c1(g, r, 1, kind, months, NEVER, en->sopo ? 1 : -1,
				g->rec0);
		}
	}
	if (g->notif_end <= en->keep)
		g->notif_end = NEVER;
	sim(g, steer_from(g, en));
	steer(g, en);
}

/* A Category 2 case's history up to E, arriving as EN, with the sentence
 * released on REL, licence to LE; RECALLED: inside on E after a recall. */
static void
pre_c2(struct gen *g, const struct entry *en, mdate rel, mdate le,
       bool recalled)
{
	struct entry want = *en;

	g->quiet = g->e - PLAN_QUIET_DAYS;
	open_c2_any(g, rel - (le - rel), rel, le);
	if (en->custody)
		g->pre_d = NEVER;
	want.custody = en->custody || recalled;
	want.rel = en->custody ? rel : le;
	if (want.level >= 2 && want.since == NEVER)
		want.since = max_date(
		    g->e - 30 - min_date(exp_days(g, PLAN_EPISODE_AGE), 900),
		    rel - 50);
	sim(g, steer_from(g, &want));
	steer(g, &want);
}

/* A Category 3 case's history up to E, registered between R_LO and R_HI,
 * arriving at LEVEL; LICENCE: on licence into P. */
static void
pre_c3(struct gen *g, int level, mdate r_lo, mdate r_hi, bool licence)
{
	struct entry en = entry_at(g, level);
	int reg = level == 3 && chance(g, 500) ? 3 : 2;
	mdate r = meeting_between(g, r_lo, r_hi, reg);

	g->quiet = g->e - PLAN_QUIET_DAYS;
	open_c3(g, r, reg);
	if (licence)
		g->lic_end = g->s + range(g, 60, 240);
	if (reg == 3)
		plan_step_down(g, r);
	en.since = g->e - range(g, 25, 40);
	sim(g, steer_from(g, &en));
	steer(g, &en);
}

/* ---------------------------------------------------------------------
 * After S: the case lives on from its state on S.
 */

/* Plan what is pending on S: the release, a meeting before it, the next
 * step down. */
static void
post_dues(struct gen *g)
{
	g->t = g->s;
	g->quiet = NEVER;
	if (g->st.in_custody) {
		assert(g->rel_d > g->s);
		if (g->st.level == 1)
			plan_prerelease(g, g->s + 1);
	} else if (g->st.level >= 2 && g->lvl_d == NEVER &&
		   (g->cat != 3 || g->st.level == 3)) {
		plan_step_down(g, g->s - range(g, 0, 150));
		if (g->lvl_d <= g->s)
			g->lvl_d = meeting_on_or_after(g->s + range(g, 7, 60),
						       g->st.level);
	}
}

static void
post_c1(struct gen *g)
{
	mdate x = g->s + 1 + exp_days(g, 11000);
	int kind = chance(g, 750) ? EXIT_TRANSFERRED_OUT : EXIT_DIED;

	post_dues(g);
	if (g->notif_end <= x) {
		x = g->notif_end;
		kind = EXIT_REGISTRATION_ENDED;
	}
	assert(x > g->s);
	finish(g, x, kind);
}

static void
post_c2(struct gen *g, mdate le)
{
	mdate x = g->s + 1 + exp_days(g, 40000);
	int kind = chance(g, 600) ? EXIT_TRANSFERRED_OUT : EXIT_DIED;

	post_dues(g);
	if (le <= x) {
		x = le;
		kind = EXIT_LICENCE_ENDED;
	}
	finish(g, x, kind);
}

static void
post_c3(struct gen *g)
{
	mdate x = g->s + range(g, 30, 300);

	post_dues(g);
	if (g->st.in_custody)
		x = max_date(x, g->rel_d + range(g, 30, 120));
	finish(g, x, exit_kind_c3(g));
}

/* ---------------------------------------------------------------------
 * The roles' years.
 */

/* Recalled to custody on D for breach of licence. */
static void
recall(struct gen *g, mdate d)
{
	do_custody(g, d, CUSTODY_LICENCE_BREACH, PICK(g, recall_reasons));
}

/* Recalled on D and still inside on S: the release comes after S (and
 * no later than the licence's end). */
static void
recall_held(struct gen *g, mdate d)
{
	mdate rel;

	recall(g, d);
	rel = d + range(g, g->s - d + 10, g->s - d + 240);
	if (g->lic_end != MDATE_NONE && g->lic_end > g->s + 1)
		rel = min_date(rel, g->lic_end);
	g->rel_d = rel;
}

/* Into custody on D at the current level, for KIND, still inside on S. */
static void
custody_held(struct gen *g, mdate d, int kind)
{
	int months;

	if (kind == CUSTODY_REMAND) {
		do_custody(g, d, kind,
			   note(g, "Remanded in custody: charged with %s",
				g->cat == 1 ? PICK(g, sex_offences)
					    : PICK(g, violent_offences)));
		g->rel_d = g->s + range(g, 14, 120);
		return;
	}
	months = range(g, 6, 60);
	if (d + (process_add_months(d, months) - d) / 2 <= g->s + 14)
		months = (g->s - d) / 15 + range(g, 2, 12);
	if (kind == CUSTODY_SOPO_BREACH)
		do_custody(g, d, kind,
			   note(g,
				"Breach of SOPO (unsupervised contact with "
				"a child): %s",
				term(g, months)));
	else
		do_custody(g, d, kind,
			   note(g, "Sentenced at %s to %s for %s",
				PICK(g, courts), term(g, months),
				g->cat == 1 ? PICK(g, sex_offences)
					    : PICK(g, violent_offences)));
	g->rel_d = d + (process_add_months(d, months) - d) / 2;
	g->lic_end = process_add_months(d, months);
}

/* A Category 1 conviction on R in P, in custody on S: the release
 * first (most within a year or so), the sentence twice the time to it. */
static void
new_custody_c1(struct gen *g, mdate r, int sopo)
{
	mdate rel = g->s + 14 + min_date(exp_days(g, 420), 6 * DAYS_PER_YEAR);

	open_c1(g, r, 1, O1_CUSTODY, (int)((rel - r) / 15), rel, sopo, g->rec0);
	g->pre_d = NEVER;
}

/* Play one offender of Category 1 role ID. */
static void
play_c1(struct gen *g, int id)
{
	struct entry en = entry_at(g, 1);
	mdate p0 = g->p0, s = g->s, d, r;
	int kind;

	switch (id) {
	case P1_QUIET:
		pre_c1(g, &en);
		if (chance(g, 80)) {
			d = range(g, p0 + 14, s - 150);
			do_custody(g, d, CUSTODY_REMAND,
				   note(g,
					"Remanded in custody: charged with "
					"%s",
					PICK(g, sex_offences)));
			do_release(g, d + range(g, 21, 120));
		}
		break;
	case P1_RECALL_L1:
		en.lic_until = s + 90;
		pre_c1(g, &en);
		d = range(g, p0 + 14, s - 150);
		recall(g, d);
		do_release(g, d + (chance(g, 500) ? 28 : range(g, 60, 120)));
		break;
	case P1_SOPO_APP:
		pre_c1(g, &en);
		do_order(g, range(g, p0 + 7, s - 7), ORDER_SOPO,
			 note(g, "SOPO on police application at %s",
			      PICK(g, courts)));
		break;
	case P1_NB_CAUTION:
		pre_c1(g, &en);
		do_breach(g, range(g, p0 + 7, s - 7), BREACH_CAUTION);
		break;
	case P1_RELEASE:
		en.custody = true;
		en.rel = range(g, p0 + 14, s - 14);
		pre_c1(g, &en);
		do_release(g, en.rel);
		break;
	case P1_NEW_COMM:
	case P1_NEW_COMM_SOPO: {
		static const int plain[] = {O1_COMMUNITY, O1_COMMUNITY,
					    O1_CAUTION, O1_SUSPENDED,
					    O1_TRANSFER};
		static const int convicted[] = {O1_COMMUNITY, O1_SUSPENDED};
		bool sopo = id == P1_NEW_COMM_SOPO;

		kind = sopo ? PICK(g, convicted) : PICK(g, plain);
		open_c1(g, range(g, p0 + 7, s - 7), 1, kind, 0, NEVER, sopo,
			g->rec0);
		break;
	}
	case P1_NEW_NO:
		open_c1(g, range(g, p0 + 7, s - 7), 1, O1_NO, 0, NEVER, 0,
			g->rec0);
		break;
	case P1_NEW_RELEASE:
	case P1_NEW_RELEASE_SOPO:
		open_c1(g, range(g, p0 + 7, p0 + 120), 1, O1_CUSTODY,
			range(g, 8, 12), NEVER, id == P1_NEW_RELEASE_SOPO,
			g->rec0);
		g->pre_d = NEVER;
		do_release(g, g->rel_d);
		break;
	case P1_STEP_DOWN:
		en.level = 2;
		pre_c1(g, &en);
		level_at(g, meeting_between(g, p0 + 14, s - 14, 2), 1);
		break;
	case P1_L2_RECALL_DOWN:
		en.level = 2;
		en.lic_until = s + 120;
		pre_c1(g, &en);
		d = range(g, p0 + 14, p0 + 150);
		recall(g, d);
		do_release(g, d + 28);
		level_at(g, meeting_between(g, d + 60, s - 14, 2), 1);
		break;
	case P1_UP_DOWN:
		pre_c1(g, &en);
		d = meeting_between(g, p0 + 7, p0 + 150, 2);
		level_at(g, d, 2);
		level_at(g, meeting_between(g, d + 90, s - 14, 2), 1);
		break;
	case P1_L2_THROUGH:
		en.level = 2;
		pre_c1(g, &en);
		break;
	case P1_UP_L2:
		pre_c1(g, &en);
		level_at(g, meeting_between(g, p0 + 14, s - 14, 2), 2);
		break;
	case P1_RELEASE_L2:
		en.custody = true;
		en.rel = range(g, p0 + 70, s - 14);
		pre_c1(g, &en);
		do_level(g,
			 meeting_between(g, max_date(p0 + 7, en.rel - 56),
					 en.rel - 7, 2),
			 2, false, PICK(g, prerelease_reasons));
		do_release(g, en.rel);
		break;
	case P1_NEW_L2:
	case P1_NEW_L2_SOPO:
		r = meeting_between(g, p0 + 7, s - 14, 2);
		open_c1(g, r, 2,
			id == P1_NEW_L2_SOPO ? O1_COMMUNITY
			: chance(g, 500)     ? O1_TRANSFER
					     : O1_SUSPENDED,
			0, NEVER, id == P1_NEW_L2_SOPO, g->rec0);
		break;
	case P1_L2_RECALL_BACK:
		en.level = 2;
		en.lic_until = s + 120;
		pre_c1(g, &en);
		d = range(g, p0 + 14, s - 60);
		recall(g, d);
		do_release(g, d + 28);
		break;
	case P1_EMERGENCY_L2:
		pre_c1(g, &en);
		do_level(g, workday(range(g, p0 + 14, s - 14)), 2, true,
			 PICK(g, emergency_reasons));
		break;
	case P1_UP_L3_FROM_L2:
		en.level = 2;
		pre_c1(g, &en);
		level_at(g, meeting_between(g, p0 + 60, s - 14, 3), 3);
		break;
	case P1_UP_L3_FROM_L1:
		pre_c1(g, &en);
		level_at(g, meeting_between(g, p0 + 60, s - 14, 3), 3);
		break;
	case P1_L2_RECALL_HELD:
		en.level = 2;
		en.lic_until = s + 250;
		pre_c1(g, &en);
		recall_held(g, range(g, s - 90, s - 7));
		break;
	case P1_L2_SOPO_BREACH:
		en.level = 2;
		en.sopo = true;
		pre_c1(g, &en);
		custody_held(g, range(g, p0 + 30, s - 30), CUSTODY_SOPO_BREACH);
		break;
	case P1_L2_CUSTODY:
		en.level = 2;
		pre_c1(g, &en);
		custody_held(g, range(g, s - 200, s - 14),
			     chance(g, 500) ? CUSTODY_REMAND
					    : CUSTODY_NEW_SENTENCE);
		break;
	case P1_PRERELEASE_L2:
		en.custody = true;
		en.rel = range(g, s + 14, s + 90);
		pre_c1(g, &en);
		do_level(g, meeting_between(g, en.rel - 100, s - 7, 2), 2,
			 false, PICK(g, prerelease_reasons));
		g->rel_d = en.rel;
		break;
	case P1_CUSTODY_THROUGH:
		/* As in P, about half are out within the next year. */
		en.custody = true;
		en.rel = chance(g, 500)
			     ? s + range(g, 14, DAYS_PER_YEAR)
			     : s + range(g, DAYS_PER_YEAR, 5 * DAYS_PER_YEAR);
		pre_c1(g, &en);
		break;
	case P1_NEW_CUSTODY:
	case P1_NEW_CUSTODY_SOPO:
		new_custody_c1(g, range(g, p0 + 7, s - 7),
			       id == P1_NEW_CUSTODY_SOPO);
		break;
	case P1_NB_CUSTODY:
		pre_c1(g, &en);
		d = range(g, p0 + 30, s - 30);
		do_breach(g, d, BREACH_CONVICTION);
		custody_held(g, d, CUSTODY_NEW_SENTENCE);
		break;
	case P1_L1_SOPO_BREACH:
		en.sopo = true;
		pre_c1(g, &en);
		custody_held(g, range(g, p0 + 30, s - 30), CUSTODY_SOPO_BREACH);
		break;
	case P1_L1_RECALL_HELD:
		en.lic_until = s + 250;
		pre_c1(g, &en);
		recall_held(g, range(g, s - 100, s - 7));
		break;
	case P1_L1_CUSTODY:
		pre_c1(g, &en);
		custody_held(g, range(g, p0 + 30, s - 30),
			     chance(g, 500) ? CUSTODY_REMAND
					    : CUSTODY_NEW_SENTENCE);
		break;
	case P1_L2_EXIT:
		en.level = 2;
		d = range(g, p0 + 14, s - 14);
		en.keep = d;
		pre_c1(g, &en);
		do_exit(g, d, chance(g, 670) ? EXIT_TRANSFERRED_OUT : EXIT_DIED,
			s - 1);
		return;
	case P1_EXIT_ENDED: {
		int u = (int)rnd(g, 100);

		d = range(g, p0 + 7, s - 7);
		en.keep = d - 1;
		if (u < 40) {
			en.open = O1_COMMUNITY;
			en.r = process_add_months(d, -60);
		} else if (u < 65) {
			en.open = O1_CAUTION;
			en.r = process_add_months(d, -24);
		} else {
			en.open = -2; /* legacy */
		}
		pre_c1(g, &en);
		g->notif_end = d;
		do_exit(g, d, EXIT_REGISTRATION_ENDED, s - 1);
		return;
	}
	case P1_EXIT_MOVED:
	case P1_EXIT_DIED:
		d = range(g, p0 + 7, s - 7);
		en.keep = d;
		pre_c1(g, &en);
		do_exit(g, d,
			id == P1_EXIT_MOVED ? EXIT_TRANSFERRED_OUT : EXIT_DIED,
			s - 1);
		return;
	default:
		assert(!"unknown Category 1 role");
		return;
	}
	post_c1(g);
}

/* A licence (half a Category 2 sentence), in days, of at least MIN:
 * drawn from the sentences, or just above MIN when none is that long. */
static mdate
licence_at_least(struct gen *g, mdate min)
{
	for (int i = 0; i < 12; i++) {
		mdate len = months_c2(g) * 61 / 4; /* months / 2, in days */

		if (len >= min)
			return len;
	}
	return max_date(min, 183) + range(g, 0, 180);
}

/* Play one offender of Category 2 role ID. */
static void
play_c2(struct gen *g, int id)
{
	struct entry en = entry_at(g, 1);
	mdate p0 = g->p0, e = g->e, s = g->s, rel, le, d;

	/* Most roles: released before E, on licence past S. */
	le = s + range(g, 60, 600);
	rel = le - licence_at_least(g, le - e + 30);
	switch (id) {
	case P2_L3_TO_L2:
		en.level = 3;
		en.since = e - range(g, 40, 120);
		pre_c2(g, &en, rel, le, false);
		level_at(g, meeting_between(g, p0 + 30, s - 30, 3), 2);
		break;
	case P2_L2_THROUGH:
		en.level = 2;
		pre_c2(g, &en, rel, le, false);
		break;
	case P2_RELEASE_L2:
		rel = range(g, p0 + 60, s - 14);
		le = rel +
		     licence_at_least(g, max_date(rel - e + 30, s + 30 - rel));
		en.custody = true;
		pre_c2(g, &en, rel, le, false);
		do_level(
		    g,
		    meeting_between(g, max_date(p0 + 7, rel - 56), rel - 7, 2),
		    2, false, PICK(g, prerelease_reasons));
		do_release(g, rel);
		break;
	case P2_UP_L2:
		pre_c2(g, &en, rel, le, false);
		level_at(g, meeting_between(g, p0 + 14, s - 14, 2), 2);
		break;
	case P2_L2_RECALL_BACK:
		en.level = 2;
		pre_c2(g, &en, rel, le, false);
		d = range(g, p0 + 14, s - 60);
		recall(g, d);
		do_release(g, d + 28);
		break;
	case P2_L2_RECALL_HELD:
		en.level = 2;
		pre_c2(g, &en, rel, le, false);
		recall_held(g, range(g, s - 150, s - 10));
		break;
	case P2_STEP_DOWN:
		en.level = 2;
		pre_c2(g, &en, rel, le, false);
		level_at(g, meeting_between(g, p0 + 14, s - 14, 2), 1);
		break;
	case P2_L2_LICENCE_END:
		le = range(g, p0 + 30, s - 7);
		rel = le - licence_at_least(g, le - e + 30);
		en.level = 2;
		pre_c2(g, &en, rel, le, false);
		do_exit(g, le, EXIT_LICENCE_ENDED, s - 1);
		return;
	case P2_PRERELEASE_L2:
		rel = range(g, s + 14, s + 90);
		le = rel + licence_at_least(g, rel - e + 30);
		en.custody = true;
		pre_c2(g, &en, rel, le, false);
		do_level(g, meeting_between(g, rel - 100, s - 7, 2), 2, false,
			 PICK(g, prerelease_reasons));
		g->rel_d = rel;
		break;
	case P2_QUIET:
		pre_c2(g, &en, rel, le, false);
		break;
	case P2_RECALL_L1_BACK:
		pre_c2(g, &en, rel, le, false);
		d = range(g, p0 + 14, s - 100);
		recall(g, d);
		do_release(g, d + (chance(g, 600) ? 28 : range(g, 60, 90)));
		break;
	case P2_RELEASE:
		rel = range(g, p0 + 7, s - 7);
		le = rel +
		     licence_at_least(g, max_date(rel - e + 30, s + 14 - rel));
		en.custody = true;
		pre_c2(g, &en, rel, le, false);
		do_release(g, rel);
		break;
	case P2_NEW_RELEASE: {
		mdate r = range(g, p0 + 7, p0 + 80);
		mdate end = process_add_months(r, range(g, 12, 18));

		rel = r + (end - r) / 2;
		le = end;
		open_c2(g, r, rel, le, r - 180);
		g->pre_d = NEVER;
		do_release(g, rel);
		break;
	}
	case P2_LICENCE_END:
		le = range(g, p0 + 7, s - 7);
		rel = le - licence_at_least(g, le - e + 30);
		pre_c2(g, &en, rel, le, false);
		do_exit(g, le, EXIT_LICENCE_ENDED, s - 1);
		return;
	case P2_RELEASE_END:
		le = range(g, p0 + 14, s - 14);
		rel = le - licence_at_least(g, le - e + 120);
		pre_c2(g, &en, rel, le, true);
		do_exit(g, le, EXIT_LICENCE_ENDED, s - 1);
		return;
	case P2_OTHER_EXIT:
		pre_c2(g, &en, rel, le, false);
		do_exit(g, range(g, p0 + 14, s - 14),
			chance(g, 500) ? EXIT_TRANSFERRED_OUT : EXIT_DIED,
			s - 1);
		return;
	case P2_CUSTODY_THROUGH:
		/* Most are out within the next year, as in P. */
		rel = chance(g, 650) ? s + range(g, 14, 330)
				     : s + range(g, 331, 3 * DAYS_PER_YEAR);
		le = rel + licence_at_least(g, rel - e + 30);
		en.custody = true;
		pre_c2(g, &en, rel, le, false);
		break;
	case P2_NEW_CUSTODY: {
		/* Sentenced in P to at least 12 months, half served after
		 * S: the release comes first, the sentence follows. */
		mdate r = range(g, p0 + 7, s - 7);

		rel = s + 7 + exp_days(g, 240);
		rel = min_date(max_date(rel, r + 183), s + 5 * DAYS_PER_YEAR);
		le = rel + (rel - r);
		open_c2(g, r, rel, le, r - 180);
		g->pre_d = NEVER;
		break;
	}
	case P2_RECALL_L1_HELD:
		le = s + range(g, 90, 500);
		rel = le - licence_at_least(g, le - e + 30);
		pre_c2(g, &en, rel, le, false);
		recall_held(g, range(g, s - 120, s - 10));
		break;
	default:
		assert(!"unknown Category 2 role");
		return;
	}
	post_c2(g, le);
}

/* Play one offender of Category 3 role ID. */
static void
play_c3(struct gen *g, int id)
{
	mdate p0 = g->p0, e = g->e, s = g->s, d, d2;

	switch (id) {
	case P3_L3_TO_L2:
		pre_c3(g, 3, e - 300, e - 60, false);
		level_at(g, meeting_between(g, p0 + 14, p0 + 200, 3), 2);
		break;
	case P3_NEW_L3_DOWN_EXIT:
		d = meeting_between(g, p0 + 7, p0 + 120, 3);
		open_c3(g, d, 3);
		d2 = meeting_between(g, d + 42, d + 100, 3);
		level_at(g, d2, 2);
		do_exit(g, meeting_between(g, d2 + 56, s - 14, 2),
			EXIT_RISK_REDUCED, s - 1);
		return;
	case P3_L3_EXIT:
		pre_c3(g, 3, e - 300, e - 60, false);
		do_exit(g, range(g, p0 + 14, p0 + 200), EXIT_TRANSFERRED_OUT,
			s - 1);
		return;
	case P3_L2_UP_DOWN_EXIT:
		pre_c3(g, 2, e - 300, e - 60, false);
		d = meeting_between(g, p0 + 14, p0 + 120, 3);
		level_at(g, d, 3);
		d2 = meeting_between(g, d + 42, d + 120, 3);
		level_at(g, d2, 2);
		do_exit(g, meeting_between(g, d2 + 30, s - 14, 2),
			EXIT_RISK_REDUCED, s - 1);
		return;
	case P3_NEW_L2:
		open_c3(g, meeting_between(g, p0 + 120, s - 14, 2), 2);
		break;
	case P3_L2_THROUGH:
		pre_c3(g, 2, e - 150, e - 40, false);
		break;
	case P3_L2_EXIT:
		pre_c3(g, 2, e - 330, e - 40, false);
		do_exit(g, meeting_between(g, p0 + 7, s - 14, 2),
			EXIT_RISK_REDUCED, s - 1);
		return;
	case P3_NEW_L2_EXIT:
		d = meeting_between(g, p0 + 7, p0 + 200, 2);
		open_c3(g, d, 2);
		do_exit(g, meeting_between(g, d + 90, s - 14, 2),
			EXIT_RISK_REDUCED, s - 1);
		return;
	case P3_L2_RECALL_HELD:
		pre_c3(g, 2, e - 200, e - 40, true);
		recall_held(g, range(g, s - 100, s - 10));
		break;
	case P3_NEW_L2_DIED:
		d = meeting_between(g, p0 + 7, p0 + 200, 2);
		open_c3(g, d, 2);
		do_exit(g, range(g, d + 30, s - 14), EXIT_DIED, s - 1);
		return;
	default:
		assert(!"unknown Category 3 role");
		return;
	}
	post_c3(g);
}

/*
 * Add up what plan[] gives each cell of 2010-11 and compare with the
 * published figures.  Returns true when every figure matches.
 */
static bool
plan_tally(void)
{
	int snap[4][4] = {{0}}, yearly[4][4] = {{0}};
	int lic[4][4] = {{0}}, sopo[4][4] = {{0}};
	int breach = 0, sopos = 0, nos = 0;

	for (size_t i = 0; i < NELEM(plan); i++) {
		const struct role *p = &plan[i];

		snap[p->snap][p->cat] += p->count;
		yearly[p->yearly][p->cat] += p->count;
		lic[p->lic][p->cat] += p->count;
		sopo[p->sopo][p->cat] += p->count;
		breach += p->breach * p->count;
		sopos += p->sopos * p->count;
		nos += p->nos * p->count;
	}
	for (int l = 1; l <= 3; l++) {
		for (int c = 1; c <= 3; c++) {
			if (snap[l][c] != target_snapshot[l][c] ||
			    (l >= 2 && (yearly[l][c] != target_yearly[l][c] ||
					lic[l][c] != target_licence[l][c] ||
					sopo[l][c] != target_sopo[l][c])))
				return false;
		}
	}
	return breach == TARGET_BREACH && sopos == TARGET_SOPO_ORDERS &&
	       nos == TARGET_NO_ORDERS && TARGET_FTO_ORDERS == 0 &&
	       snap[1][1] + snap[2][1] + snap[3][1] == TARGET_RSO_COMMUNITY;
}

/* ---------------------------------------------------------------------
 * Identities.
 */


/* The first registration date of the history being built. */
static mdate
first_registration(const struct gen *g)
{
	for (size_t i = 0; i < g->nev; i++)
		if (g->evs[i].ev.type == EV_REGISTER)
			return g->evs[i].ev.date;
	return g->nev ? g->evs[0].ev.date : g->today;
}

/*
 * Serious further offences (the board's table 8): now and then a case
 * registered after P is charged with one.  The charge changes no state,
 * so it is placed among the events already built, after those of its
 * day; its own stream (from the offender's serial N) leaves every other
 * draw, and so every figure of 2010-11, as it was.  (Reviews of
 * indefinite notification began in September 2012, after DEMO_TODAY, and
 * the 2015 orders later still: the demo has none.)
 */
#define SFO_PERMILLE 8

static void
add_sfo_charge(struct gen *g, unsigned n)
{
	uint64_t saved = g->rng;
	struct ev_state st = { 0 };
	struct demo_event *e;
	size_t at;
	mdate d;

	g->rng = DEMO_SEED ^ (UINT64_C(0x53464f2d43484152) * (n + 1u));
	if (g->nev == 0 || !chance(g, SFO_PERMILLE))
		goto out;
	d = range(g, g->s + 1, g->today);
	for (at = 0; at < g->nev && g->evs[at].ev.date <= d; at++)
		ev_apply(&st, &g->evs[at].ev);
	if (!st.registered)
		goto out;
	if (array_reserve(&g->evs, &g->cap, g->nev + 1, sizeof *g->evs) != 0) {
		g->oom = true;
		goto out;
	}
	memmove(&g->evs[at + 1], &g->evs[at], (g->nev - at) * sizeof *e);
	e = &g->evs[at];
	memset(e, 0, sizeof *e);
	e->ev.date = d;
	e->ev.type = EV_SFO_CHARGE;
	e->note = note(g, "Charged with %s; serious further offence review "
		       "notified", g->cat == 1 ? PICK(g, sex_offences)
					       : PICK(g, violent_offences));
	e->meeting = MDATE_NONE;
	g->nev++;
out:
	g->rng = saved;
}

/* Give the history built an invented identity and hand it to the sink. */
static void
deliver(struct gen *g)
{
	struct demo_offender o;
	mdate r = first_registration(g);
	int y, m, d, age, first_arrest;
	unsigned n = g->serial++;
	unsigned serial = (n * 7919u + 104729u) % 1000000u;
	bool female, young = false;

	if (g->oom) {
		g->status = -1;
		return;
	}
	memset(&o, 0, sizeof o);
	date_to_ymd(r, &y, &m, &d);
	str_printf(o.ref, sizeof o.ref, "WF/%02d/%04u", y % 100,
		   ++g->refseq[(unsigned)(y - 1990) % NELEM(g->refseq)]);

	/* Who. */
	female = chance(g, g->cat == 1 ? 25 : g->cat == 2 ? 70 : 100);
	str_printf(o.surname, sizeof o.surname, "%s%s", PICK(g, sur_a),
		   PICK(g, sur_b));
	if (chance(g, 250))
		str_printf(o.forenames, sizeof o.forenames, "%s %s",
			   female ? PICK(g, female_names) : PICK(g, male_names),
			   female ? PICK(g, female_names)
				  : PICK(g, male_names));
	else
		str_copy(o.forenames,
			 female ? PICK(g, female_names) : PICK(g, male_names),
			 sizeof o.forenames);
	o.gender = female ? 'F' : 'M';
	if (g->cat == 1 && chance(g, 40)) {
		age = range(g, 15, 17);
		young = true;
	} else if (g->cat == 1) {
		age = 18 + (range(g, 0, 50) + range(g, 0, 50)) / 2;
	} else if (g->cat == 2) {
		age = 18 + min_date(range(g, 0, 40), range(g, 0, 40));
		young = chance(g, 30);
		if (young)
			age = 17;
	} else {
		age = range(g, 20, 60);
	}
	o.dob = ymd(y - age, 1, 1) + range(g, 0, 364);
	if (o.dob > r - age * DAYS_PER_YEAR)
		o.dob -= DAYS_PER_YEAR;

	/* Identifiers: unique serials, a first arrest after the tenth
	 * birthday. */
	first_arrest = y - range(g, 0, age > 28 ? 14 : age - 14);
	str_printf(o.pnc, sizeof o.pnc, "%02d/%06u%c", first_arrest % 100,
		   serial, cf_pnc_check_char(first_arrest % 100, (long)serial));
	str_printf(o.crn, sizeof o.crn, "%c%06u", "DEFGHJ"[n % 6],
		   (n * 4649u + 31337u) % 1000000u);
	str_printf(o.visor, sizeof o.visor, "VWF%07u",
		   (n * 7121u + 55555u) % 10000000u);
	o.district = PICK(g, districts);

	if (young)
		o.lead_agency = agency_yot;
	else if (g->cat == 1)
		o.lead_agency = chance(g, 680)	 ? agency_police
				: chance(g, 900) ? agency_probation
						 : agency_health;
	else if (g->cat == 2)
		o.lead_agency = g->st.in_custody && g->st.registered
				    ? agency_prison
				: chance(g, 930) ? agency_probation
						 : agency_health;
	else
		o.lead_agency = chance(g, 400)	 ? agency_police
				: chance(g, 400) ? agency_probation
				: chance(g, 600) ? agency_health
						 : agency_other;
	o.notes = chance(g, 150) ? PICK(g, offender_notes) : NULL;
	add_sfo_charge(g, n);
	o.evs = g->evs;
	o.nev = g->nev;

	if (g->sink->offender != NULL)
		g->status = g->sink->offender(g->sink->ctx, &o);
	g->done++;
	if (g->sink->progress != NULL &&
	    (g->done % 1000 == 0 || g->done == g->total))
		g->sink->progress(g->sink->ctx, g->done, g->total);
}

/* ---------------------------------------------------------------------
 * The whole area.
 */

/* The I-th of N dates spread evenly over [LO, HI], jittered. */
static mdate
spread(struct gen *g, mdate lo, mdate hi, unsigned i, unsigned n)
{
	int64_t span = (int64_t)(hi - lo) + 1;

	return lo + (mdate)(((int64_t)i * span + rnd(g, (uint32_t)span)) /
			    (int64_t)n);
}

/* How many offenders the standard area holds. */
static size_t
standard_total(void)
{
	size_t n = 0;

	for (int c = 0; c < 3; c++) {
		for (int y = 0; y < 5; y++)
			n += pre_exits[c][y];
		n += post_registrations[c];
	}
	for (size_t i = 0; i < NELEM(plan); i++)
		n += plan[i].count;
	return n;
}

enum { COHORT_PRE = 1, COHORT_POST = 4, COHORT_SCALE = 7, COHORT_ROLE = 16 };

/* The standard area: the pre-P cohorts, the roles of P, the post-P
 * cohorts. */
static void
generate_standard(struct gen *g)
{
	unsigned idx;

	for (int c = 1; c <= 3 && !g->status; c++) {
		idx = 0;
		for (int y = 0; y < 5 && !g->status; y++) {
			mdate lo = ymd(2005 + y, 4, 1);
			mdate hi = min_date(ymd(2006 + y, 3, 31), g->e - 21);
			unsigned n = pre_exits[c - 1][y];

			for (unsigned i = 0; i < n && !g->status; i++) {
				mdate x = spread(g, lo, hi, i, n);

				begin(g, COHORT_PRE + (unsigned)c - 1, idx++,
				      c);
				if (c == 1) {
					int u = (int)rnd(g, 100);

					pre_exit_c1(
					    g, x,
					    u < 58   ? EXIT_REGISTRATION_ENDED
					    : u < 90 ? EXIT_TRANSFERRED_OUT
						     : EXIT_DIED);
				} else if (c == 2) {
					pre_exit_c2(g, x);
				} else {
					pre_exit_c3(g, x);
				}
				deliver(g);
			}
		}
	}
	for (size_t i = 0; i < NELEM(plan) && !g->status; i++) {
		const struct role *p = &plan[i];

		for (unsigned k = 0; k < p->count && !g->status; k++) {
			begin(g, COHORT_ROLE + p->id, k, p->cat);
			if (p->cat == 1)
				play_c1(g, p->id);
			else if (p->cat == 2)
				play_c2(g, p->id);
			else
				play_c3(g, p->id);
			deliver(g);
		}
	}
	for (int c = 1; c <= 3 && !g->status; c++) {
		unsigned n = post_registrations[c - 1];

		for (unsigned i = 0; i < n && !g->status; i++) {
			mdate r = spread(g, g->s + 1, g->today - 7, i, n);

			begin(g, COHORT_POST + (unsigned)c - 1, i, c);
			if (c == 1)
				life_c1(g, r, false);
			else if (c == 2)
				life_c2(g, r, false);
			else
				life_c3(g, r);
			deliver(g);
		}
	}
}

/* N offenders, registered at random from the records' start to today. */
static void
generate_scaled(struct gen *g, size_t n)
{
	for (size_t i = 0; i < n && !g->status; i++) {
		int c, u;
		bool legacy;
		mdate r;

		begin(g, COHORT_SCALE + (unsigned)(i >> 32), (unsigned)i, 1);
		u = (int)rnd(g, 1000);
		c = u < scale_category[0]			? 1
		    : u < scale_category[0] + scale_category[1] ? 2
								: 3;
		g->cat = (uint8_t)c;
		legacy = chance(g, scale_legacy[c - 1]);
		r = legacy ? range(g, g->rec0, g->rec1)
			   : range(g, g->first_new, g->today - 10);
		if (c == 1)
			life_c1(g, r, legacy);
		else if (c == 2)
			life_c2(g, r, legacy);
		else
			life_c3(g, r);
		deliver(g);
	}
}

int
demo_generate(size_t scale, const struct demo_sink *sink)
{
	struct gen *g;
	size_t standard = standard_total();
	bool planned = plan_tally();
	int status;

	/* The roles of 2010-11 must add up to the published figures. */
	assert(planned);
	(void)planned;
	if ((g = calloc(1, sizeof *g)) == NULL)
		return -1;
	g->sink = sink;
	g->rec0 = ymd(2005, 1, 4);
	g->rec1 = ymd(2005, 3, 31);
	g->first_new = ymd(2005, 4, 1);
	g->p0 = ymd(2010, 4, 1);
	g->e = g->p0 - 1;
	g->s = ymd(2011, 3, 31);
	g->today = demo_today();
	g->total = scale ? scale : standard;

	for (size_t i = 0; i < NELEM(population) && !g->status; i++) {
		int64_t p = population[i];

		if (scale)
			p = p * (int64_t)scale / (int64_t)standard;
		if (p < 1)
			p = 1;
		if (sink->population != NULL)
			g->status =
			    sink->population(sink->ctx, POP_FIRST + (int)i, p,
					     population_source);
	}
	if (!g->status) {
		if (scale)
			generate_scaled(g, scale);
		else
			generate_standard(g);
	}
	status = g->status;
	free(g->evs);
	free(g);
	return status;
}

mdate
demo_today(void)
{
	return date_from_ymd(DEMO_TODAY_Y, DEMO_TODAY_M, DEMO_TODAY_D);
}

const char *
demo_chair(mdate date, int level)
{
	return chair_for(date, level);
}

const char *
demo_coordinator(void)
{
	return coordinator;
}
