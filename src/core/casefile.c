/*
 * casefile.c -- the case file's names, identifier checks and key-date
 * deadlines (casefile.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/casefile.h"
#include "core/util.h"

static const char *const rosh_names[CF_ROSH_N] = {
	"low", "medium", "high", "very_high"
};
static const char *const rosh_labels[CF_ROSH_N] = {
	"Low", "Medium", "High", "Very high"
};
static const char *const risk_names[CF_RISK_N] = {
	"children", "known_adult", "public", "staff", "prisoners"
};
static const char *const risk_labels[CF_RISK_N] = {
	"children", "known adult", "public", "staff", "prisoners"
};
static const char *const release_names[CF_REL_N] = {
	"licence", "parole", "automatic", "end_of_sentence", "other"
};
static const char *const release_labels[CF_REL_N] = {
	"licence", "parole", "automatic", "end of sentence", "other"
};

static const char *
pick(const char *const *v, int n, int i)
{
	return i >= 0 && i < n ? v[i] : NULL;
}

static int
parse(const char *const *v, int n, const char *name)
{
	for (int i = 0; name && i < n; i++)
		if (strcasecmp(v[i], name) == 0)
			return i;
	return -1;
}

const char *cf_rosh_name(int r) { return pick(rosh_names, CF_ROSH_N, r); }
const char *cf_rosh_label(int r) { return pick(rosh_labels, CF_ROSH_N, r); }
const char *cf_at_risk_name(int g) { return pick(risk_names, CF_RISK_N, g); }
const char *cf_release_name(int t) { return pick(release_names, CF_REL_N, t); }
const char *
cf_release_label(int t)
{
	return pick(release_labels, CF_REL_N, t);
}

int cf_rosh_parse(const char *s) { return parse(rosh_names, CF_ROSH_N, s); }
int
cf_at_risk_parse(const char *s)
{
	return parse(risk_names, CF_RISK_N, s);
}
int
cf_release_parse(const char *s)
{
	return parse(release_names, CF_REL_N, s);
}

int
cf_at_risk_parse_set(const char *text, unsigned *mask, const char **bad)
{
	static const char seps[] = ";, ";
	const char *p = text;
	char word[32];

	*mask = 0;
	while (*p) {
		size_t len;
		int g;

		p += strspn(p, seps);
		if (*p == '\0')
			break;
		len = strcspn(p, seps);
		g = -1;
		if (len < sizeof word) {
			memcpy(word, p, len);
			word[len] = '\0';
			g = cf_at_risk_parse(word);
		}
		if (g < 0) {
			if (bad)
				*bad = p;
			return -1;
		}
		*mask |= 1u << g;
		p += len;
	}
	return 0;
}

char *
cf_at_risk_format(unsigned mask, const char *sep, bool labels, char *buf,
		  size_t n)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int g = 0; g < CF_RISK_N && o < n; g++) {
		int k;

		if (!(mask & (1u << g)))
			continue;
		k = snprintf(buf + o, n - o, "%s%s", o ? sep : "",
			     labels ? risk_labels[g] : risk_names[g]);
		if (k < 0)
			break;
		o += (size_t)k;
	}
	return buf;
}

/* --- identifiers ----------------------------------------------------- */

char
cf_pnc_check_char(int yy, long serial)
{
	static const char letters[] = "ZABCDEFGHJKLMNPQRTUVWXY";

	return letters[((long long)(yy % 100) * 10000000LL + serial) % 23];
}

static size_t
digits(const char *s)
{
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

const char *
cf_pnc_check(const char *s, char *norm, size_t n)
{
	size_t ny = digits(s), ns;
	int yy;
	long serial = 0;
	char c;

	if (ny != 2 && ny != 4)
		return "a PNC ID starts with a year of 2 or 4 digits";
	if (s[ny] != '/')
		return "a PNC ID has '/' after the year";
	ns = digits(s + ny + 1);
	if (ns < 1 || ns > 7)
		return "a PNC ID has a serial of 1 to 7 digits after the '/'";
	c = s[ny + 1 + ns];
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c < 'A' || c > 'Z' || s[ny + 2 + ns] != '\0')
		return "a PNC ID ends with one check letter";
	yy = (s[ny - 2] - '0') * 10 + (s[ny - 1] - '0');
	for (size_t i = 0; i < ns; i++)
		serial = serial * 10 + (s[ny + 1 + i] - '0');
	if (cf_pnc_check_char(yy, serial) != c)
		return "the PNC ID's check letter is wrong";
	if (norm) {
		str_copy(norm, s, n);
		if (ny + 1 + ns < n)
			norm[ny + 1 + ns] = c;
	}
	return NULL;
}

const char *
cf_crn_check(const char *s, char *norm, size_t n)
{
	char c = s[0];

	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c < 'A' || c > 'Z' || digits(s + 1) != 6 || s[7] != '\0')
		return "a CRN is a letter and six digits, e.g. X123456";
	if (norm) {
		str_copy(norm, s, n);
		norm[0] = c;
	}
	return NULL;
}

void
cf_ref_upper(char *ref)
{
	for (; *ref; ref++)
		if (*ref >= 'a' && *ref <= 'z')
			*ref = (char)(*ref - 'a' + 'A');
}

/* --- key dates ------------------------------------------------------- */

mdate
cf_mappa_j_due(mdate release)
{
	return release == MDATE_NONE ? MDATE_NONE : release - CF_MAPPA_J_DAYS;
}

enum cf_mappa_j
cf_mappa_j_state(mdate release, mdate sent, mdate today)
{
	mdate due = cf_mappa_j_due(release);

	if (release == MDATE_NONE)
		return CF_J_NONE;
	if (sent != MDATE_NONE)
		return CF_J_SENT;
	if (today > due)
		return CF_J_OVERDUE;
	if (cf_in_window(due, today))
		return CF_J_DUE;
	return CF_J_PENDING;
}

bool
cf_in_window(mdate date, mdate today)
{
	return date != MDATE_NONE && date >= today &&
	       date <= today + CF_WINDOW_DAYS;
}

mdate
cf_level_deadline(mdate release)
{
	int y, m, d, dim;

	if (release == MDATE_NONE)
		return MDATE_NONE;
	date_to_ymd(release, &y, &m, &d);
	m -= CF_LEVEL_BEFORE_RELEASE_MONTHS;
	while (m < 1) {
		m += 12;
		y--;
	}
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d < dim ? d : dim);
}
