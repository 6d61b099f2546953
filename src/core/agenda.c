/*
 * agenda.c -- meeting days, the agencies, the bank holidays file and the
 * proposed agenda of a MAPP meeting (agenda.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/agenda.h"
#include "core/process.h"
#include "core/util.h"

#ifndef MAPPA_DATADIR
#define MAPPA_DATADIR "/usr/local/share/mappa"
#endif

mdate
agenda_meeting_day(const struct agenda_holidays *h, int weekday, mdate d)
{
	d += (weekday - date_weekday(d) + 7) % 7;
	for (int i = 0; i < 520 && process_is_holiday(h, d); i++)
		d += 7;
	return d;
}

const struct agenda_agency agenda_agencies[] = {
	{ "police", "Police", true, true, NULL },
	{ "probation", "Probation", true, true, NULL },
	{ "prison", "Prison Service", true, true, NULL },
	{ "childrens_services", "Children's social care", false, true,
	  "children's services" },
	{ "adult_services", "Adult social care", false, true, NULL },
	{ "health", "Health", false, true, NULL },
	{ "mental_health", "Mental health trust", false, true, NULL },
	{ "yot", "Youth offending team", false, false, NULL },
	{ "housing", "Housing", false, true, NULL },
	{ "jobcentre", "Jobcentre Plus", false, false, NULL },
	{ "immigration", "Immigration Enforcement", false, false, NULL },
	{ "em", "Electronic monitoring", false, false, NULL },
	{ "education", "Education", false, false, NULL },
	{ "other", "Other", false, false, NULL },
};
const size_t agenda_agency_count = NELEM(agenda_agencies);

const char *const agenda_roles[AGENDA_ROLES] = {
	[PERSON_PRESENT] = "present",
	[PERSON_APOLOGIES] = "apologies",
	[PERSON_REPORT] = "report",
	[PERSON_GUEST] = "guest",
};
const size_t agenda_role_count = NELEM(agenda_roles);

const char *const agenda_attendances[AGENDA_ATTENDANCES] = {
	[ATTENDED_PRESENT] = "present",
	[ATTENDED_APOLOGIES] = "apologies",
	[ATTENDED_REPORT] = "report",
	[ATTENDED_ABSENT] = "absent",
};
const size_t agenda_attendance_count = NELEM(agenda_attendances);

const char *
agenda_role_name(int r)
{
	return r >= 0 && r < AGENDA_ROLES ? agenda_roles[r] : "";
}

const char *
agenda_attendance_name(int a)
{
	return a >= 0 && a < AGENDA_ATTENDANCES ? agenda_attendances[a] : "";
}

int
agenda_attendance_parse(const char *name)
{
	for (int i = 0; name && i < AGENDA_ATTENDANCES; i++)
		if (strcmp(name, agenda_attendances[i]) == 0)
			return i;
	return -1;
}

bool
agenda_attended(int a)
{
	return a == ATTENDED_PRESENT || a == ATTENDED_REPORT;
}

int
agenda_role_find(const char *role)
{
	for (size_t i = 0; role && i < agenda_role_count; i++)
		if (strcmp(role, agenda_roles[i]) == 0)
			return (int)i;
	return -1;
}

size_t
agenda_invited_default(const char **codes, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < NELEM(agenda_agencies) && n < max; i++)
		if (agenda_agencies[i].invited)
			codes[n++] = agenda_agencies[i].code;
	return n;
}

const struct agenda_agency *
agenda_agency_find(const char *code)
{
	for (size_t i = 0; code && i < NELEM(agenda_agencies); i++)
		if (strcmp(code, agenda_agencies[i].code) == 0)
			return &agenda_agencies[i];
	return NULL;
}

const struct agenda_agency *
agenda_agency_lookup(const char *text)
{
	for (size_t i = 0; text && i < NELEM(agenda_agencies); i++) {
		const struct agenda_agency *a = &agenda_agencies[i];

		if (strcasecmp(text, a->code) == 0 ||
		    strcasecmp(text, a->name) == 0 ||
		    (a->alias && strcasecmp(text, a->alias) == 0))
			return a;
	}
	return NULL;
}

const char *
agenda_agency_label(const char *stored)
{
	const struct agenda_agency *a = agenda_agency_find(stored);

	return a ? a->name : stored ? stored : "";
}

const char *
agenda_agency_list(void)
{
	static char list[256];

	if (list[0] == '\0') {
		struct strbuf sb;

		sb_init(&sb);
		for (size_t i = 0; i < NELEM(agenda_agencies); i++)
			sb_printf(&sb, "%s%s", i ? ", " : "",
				  agenda_agencies[i].code);
		str_copy(list, sb_str(&sb), sizeof list);
		sb_free(&sb);
	}
	return list;
}

static const char *const reason_names[AGENDA_REASONS] = {
	"initial", "review", "level_change", "exit", "other",
};

const char *
agenda_reason_name(int reason)
{
	return reason >= 0 && reason < AGENDA_REASONS ? reason_names[reason]
						      : NULL;
}

int
agenda_reason_parse(const char *name)
{
	for (int i = 0; i < AGENDA_REASONS; i++)
		if (name && strcmp(name, reason_names[i]) == 0)
			return i;
	return -1;
}

static int
cmp_candidate(const void *pa, const void *pb)
{
	const struct agenda_candidate *a = pa, *b = pb;

	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	/* MDATE_NONE (a referral without a deadline) sorts first: it has
	 * waited longest for want of one. */
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if ((a->reason == AGENDA_INITIAL) != (b->reason == AGENDA_INITIAL))
		return a->reason == AGENDA_INITIAL ? -1 : 1;
	if (a->offender_id != b->offender_id)
		return a->offender_id < b->offender_id ? -1 : 1;
	return a->referral_id < b->referral_id ? -1
	       : a->referral_id > b->referral_id;
}

size_t
agenda_propose(struct agenda_candidate *c, size_t n, int meeting_level,
	       mdate meeting_date, mdate today)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		struct agenda_candidate x = c[i];
		bool keep;

		if (x.referral_id != 0) {
			/* A referral asks for Level 2 or 3: never any other. */
			keep = x.level == meeting_level &&
			       (x.level == 2 || x.level == 3);
			x.reason = AGENDA_INITIAL;
		} else {
			keep = x.level == meeting_level &&
			       x.due != MDATE_NONE && x.due <= meeting_date;
			x.reason = AGENDA_REVIEW;
		}
		if (!keep)
			continue;
		x.overdue = x.due != MDATE_NONE && x.due < today;
		c[k++] = x;
	}
	if (k > 1)
		qsort(c, k, sizeof *c, cmp_candidate);
	return k;
}

static int
cmp_mdate(const void *pa, const void *pb)
{
	mdate a = *(const mdate *)pa, b = *(const mdate *)pb;

	return (a > b) - (a < b);
}

int
agenda_holidays_parse(const char *text, size_t len,
		      struct agenda_holidays *h, size_t *bad_line)
{
	size_t cap = 0, line = 0, i = 0;

	h->day = NULL;
	h->n = 0;
	while (i < len) {
		size_t start = i, end;
		mdate d;

		while (i < len && text[i] != '\n')
			i++;
		end = i;
		if (i < len)
			i++;
		line++;
		while (start < end && (text[start] == ' ' ||
				       text[start] == '\t'))
			start++;
		if (end > start && text[end - 1] == '\r')
			end--;
		if (start == end || text[start] == '#')
			continue;
		if (end - start < 10 || date_parse_n(text + start, 10, &d) != 0 ||
		    (end - start > 10 && text[start + 10] != ' ' &&
		     text[start + 10] != '\t')) {
			agenda_holidays_free(h);
			if (bad_line)
				*bad_line = line;
			return -1;
		}
		if (array_reserve(&h->day, &cap, h->n + 1, sizeof *h->day)
		    != 0) {
			agenda_holidays_free(h);
			return -2;
		}
		h->day[h->n++] = d;
	}
	if (h->n > 1)
		qsort(h->day, h->n, sizeof *h->day, cmp_mdate);
	return 0;
}

int
agenda_holidays_load(const char *path, struct agenda_holidays *h, char *err,
		     size_t errlen)
{
	struct strbuf sb;
	char buf[4096];
	size_t got, bad = 0;
	FILE *f;
	int rc;

	h->day = NULL;
	h->n = 0;
	if (path == NULL)
		path = agenda_holidays_path();
	if ((f = fopen(path, "r")) == NULL) {
		str_printf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	sb_init(&sb);
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 &&
	       sb.len <= AGENDA_HOLIDAYS_MAX_BYTES)
		sb_addn(&sb, buf, got);
	rc = ferror(f) ? -3 : sb.len > AGENDA_HOLIDAYS_MAX_BYTES ? -4 : 0;
	fclose(f);
	if (rc == 0 && sb.failed)
		rc = -2;
	if (rc == 0)
		rc = agenda_holidays_parse(sb.s ? sb.s : "", sb.len, h, &bad);
	sb_free(&sb);
	if (rc == -1)
		str_printf(err, errlen, "%s:%zu: not a date (YYYY-MM-DD)",
			   path, bad);
	else if (rc == -2)
		str_printf(err, errlen, "%s: out of memory", path);
	else if (rc == -3)
		str_printf(err, errlen, "%s: could not be read", path);
	else if (rc == -4)
		str_printf(err, errlen, "%s: larger than %d bytes; not a list "
			   "of bank holidays", path, AGENDA_HOLIDAYS_MAX_BYTES);
	return rc == 0 ? 0 : -1;
}

void
agenda_holidays_free(struct agenda_holidays *h)
{
	free(h->day);
	h->day = NULL;
	h->n = 0;
}

const char *
agenda_holidays_path(void)
{
	static char beside[4096];
	const char *env = getenv("MAPPA_HOLIDAYS");
	ssize_t n;
	char *slash;

	if (env && *env)
		return env;
	if (access(MAPPA_DATADIR "/bank-holidays.txt", R_OK) == 0)
		return MAPPA_DATADIR "/bank-holidays.txt";
	/* Not installed: a program run from its build tree (src/mappa)
	 * finds the file in the tree's data folder. */
	n = readlink("/proc/self/exe", beside, sizeof beside - 32);
	if (n > 0) {
		beside[n] = '\0';
		if ((slash = strrchr(beside, '/')) != NULL) {
			strcpy(slash, "/../data/bank-holidays.txt");
			if (access(beside, R_OK) == 0)
				return beside;
		}
	}
	return MAPPA_DATADIR "/bank-holidays.txt";
}
