/*
 * kpi.c -- the performance indicators: periods, percentages, targets and
 * the printed figures (kpi.h, where the rules are written down).
 *
 * Counting is in integers throughout, so that the figures printed, the
 * figures on screen and a lay adviser's own sums agree to the unit.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/casefile.h"
#include "core/chars.h"
#include "core/csv.h"
#include "core/kpi.h"
#include "core/util.h"

static const char *const period_codes[KPI_PERIODS] = {
	"q1", "q2", "q3", "q4", "year",
};

static const struct {
	const char *code, *name, *key;
} indicators[KPI_INDICATORS] = {
	{ "attendance", "Attendance at Level 2/3 meetings",
	  "kpi_attendance_pct" },
	{ "initial_meeting", "Initial meeting within the interval",
	  "kpi_initial_meeting_pct" },
	{ "reviews_on_time", "Level 2/3 reviews within the interval",
	  "kpi_reviews_on_time_pct" },
	{ "level_before_release", "Level set before release",
	  "kpi_level_before_release_pct" },
	{ "actions_on_time", "Actions done by their due date",
	  "kpi_actions_on_time_pct" },
};

void
kpi_init(struct kpi *k, int year, bool identified)
{
	memset(k, 0, sizeof *k);
	k->year = year;
	k->identified = identified;
	for (size_t i = 0; i < agenda_agency_count && i < KPI_MAX_AGENCIES;
	     i++) {
		k->agency[i] = agenda_agencies[i].code;
		k->agency_name[i] = agenda_agencies[i].name;
		k->agency_ra[i] = agenda_agencies[i].ra;
		k->nagencies++;
	}
}

void
kpi_free(struct kpi *k)
{
	for (int p = 0; p < KPI_PERIODS; p++) {
		free(k->days[p]);
		k->days[p] = NULL;
		k->ndays[p] = k->capdays[p] = 0;
	}
	free(k->sf);
	k->sf = NULL;
	k->nsf = k->capsf = 0;
}

mdate
kpi_period_start(int year, int p)
{
	static const int month[4] = { 4, 7, 10, 1 };

	if (p < KPI_Q1 || p > KPI_Q4)
		return report_year_start(year);
	return date_from_ymd(p == KPI_Q4 ? year + 1 : year, month[p], 1);
}

mdate
kpi_period_end(int year, int p)
{
	if (p < KPI_Q1 || p >= KPI_Q4)
		return report_year_end(year);
	return kpi_period_start(year, p + 1) - 1;
}

int
kpi_quarter(int year, mdate d)
{
	if (d == MDATE_NONE || d < report_year_start(year) ||
	    d > report_year_end(year))
		return -1;
	for (int q = KPI_Q1; q < KPI_Q4; q++)
		if (d <= kpi_period_end(year, q))
			return q;
	return KPI_Q4;
}

const char *
kpi_period_code(int p)
{
	return p >= 0 && p < KPI_PERIODS ? period_codes[p] : "";
}

const char *
kpi_indicator_name(enum kpi_indicator i)
{
	return (unsigned)i < KPI_INDICATORS ? indicators[i].name : "";
}

const char *
kpi_indicator_code(enum kpi_indicator i)
{
	return (unsigned)i < KPI_INDICATORS ? indicators[i].code : "";
}

const char *
kpi_target_key(enum kpi_indicator i)
{
	return (unsigned)i < KPI_INDICATORS ? indicators[i].key : "";
}

int
kpi_percent(int64_t met, int64_t total)
{
	if (total <= 0)
		return -1;
	/* Half up: (200 * met + total) / (2 * total), in integers. */
	return (int)((200 * met + total) / (2 * total));
}

int
kpi_meets(int percent, int target)
{
	if (percent < 0)
		return -1;
	return percent >= target;
}

int
kpi_agency_index(const struct kpi *k, const char *code)
{
	for (int i = 0; code && i < k->nagencies; i++)
		if (strcmp(k->agency[i], code) == 0)
			return i;
	return -1;
}

static int
add_days(struct kpi *k, int p, int days)
{
	if (array_reserve(&k->days[p], &k->capdays[p], k->ndays[p] + 1,
			  sizeof *k->days[p]) != 0)
		return -1;
	k->days[p][k->ndays[p]++] = days;
	return 0;
}

int
kpi_add(struct kpi *k, enum kpi_indicator i, int agency, mdate d, bool met,
	int days, const struct kpi_case *c)
{
	int q = kpi_quarter(k->year, d);
	struct kpi_shortfall *s;

	if (q < 0 || (unsigned)i >= KPI_INDICATORS)
		return 0;
	if (i != KPI_ATTENDANCE || agency < 0 || agency >= k->nagencies)
		agency = i == KPI_ATTENDANCE ? -1 : 0;
	if (agency < 0)
		return 0;
	for (int j = 0; j < 2; j++) {
		int p = j ? KPI_YEAR : q;

		k->cell[i][agency][p].total++;
		k->cell[i][agency][p].met += met;
		if (met && days >= 0 && add_days(k, p, days) != 0)
			goto oom;
	}
	if (met || !k->identified || c == NULL)
		return 0;
	if (array_reserve(&k->sf, &k->capsf, k->nsf + 1, sizeof *k->sf) != 0)
		goto oom;
	s = &k->sf[k->nsf++];
	memset(s, 0, sizeof *s);
	s->ind = i;
	s->agency = i == KPI_ATTENDANCE ? agency : -1;
	s->quarter = q;
	s->date = d;
	s->offender_id = c->offender_id;
	s->meeting_id = c->meeting_id;
	str_copy(s->ref, c->ref ? c->ref : "", sizeof s->ref);
	str_copy(s->name, c->name ? c->name : "", sizeof s->name);
	str_copy(s->detail, c->detail ? c->detail : "", sizeof s->detail);
	return 0;
oom:
	k->failed = true;
	return -1;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int
kpi_median_days(struct kpi *k, int p)
{
	size_t n;

	if (p < 0 || p >= KPI_PERIODS || k->ndays[p] == 0)
		return -1;
	n = k->ndays[p];
	qsort(k->days[p], n, sizeof(int), cmp_int);
	if (n % 2)
		return k->days[p][n / 2];
	return (k->days[p][n / 2 - 1] + k->days[p][n / 2] + 1) / 2;
}

const struct kpi_cell *
kpi_cell(const struct kpi *k, enum kpi_indicator i, int a, int p)
{
	static const struct kpi_cell none;

	if ((unsigned)i >= KPI_INDICATORS || a < 0 || a >= KPI_MAX_AGENCIES ||
	    p < 0 || p >= KPI_PERIODS)
		return &none;
	return &k->cell[i][a][p];
}

/* --- writing -------------------------------------------------------------- */

/* Whether attendance row A is shown: the Responsible Authority always,
 * other agencies when invited at all in the year. */
static bool
agency_shown(const struct kpi *k, int a)
{
	return k->agency_ra[a] ||
	       k->cell[KPI_ATTENDANCE][a][KPI_YEAR].total > 0;
}

/* A CSV field, by the one CSV writer (csv.h), then a comma or LF. */
static void
csv_field(FILE *out, const char *s, bool last)
{
	csv_write_field(out, s, strlen(s));
	fputc(last ? '\n' : ',', out);
}

static void
csv_row(FILE *out, struct kpi *k, enum kpi_indicator i, int a, int p)
{
	const struct kpi_cell *c = kpi_cell(k, i, a, p);
	int pct = kpi_percent(c->met, c->total);
	int med = i == KPI_INITIAL ? kpi_median_days(k, p) : -1;

	fprintf(out, "%s,%s,%s,%lld,%lld,", kpi_period_code(p),
		kpi_indicator_code(i), i == KPI_ATTENDANCE ? k->agency[a] : "",
		(long long)c->met, (long long)c->total);
	if (pct >= 0)
		fprintf(out, "%d,%d,%s,", pct, k->target[i],
			kpi_meets(pct, k->target[i]) ? "yes" : "no");
	else
		fprintf(out, ",%d,,", k->target[i]);
	if (med >= 0)
		fprintf(out, "%d\n", med);
	else
		fputc('\n', out);
}

static void
write_csv(FILE *out, struct kpi *k, bool cases)
{
	char date[MDATE_BUFSZ], mid[24];

	if (cases) {
		fputs("period,indicator,agency,date,ref,name,meeting,detail\n",
		      out);
		for (size_t j = 0; j < k->nsf; j++) {
			const struct kpi_shortfall *s = &k->sf[j];

			fprintf(out, "%s,%s,", kpi_period_code(s->quarter),
				kpi_indicator_code(s->ind));
			csv_field(out, s->agency >= 0 ? k->agency[s->agency]
						      : "", false);
			csv_field(out, date_format(s->date, date), false);
			csv_field(out, s->ref, false);
			csv_field(out, s->name, false);
			if (s->meeting_id)
				snprintf(mid, sizeof mid, "%lld",
					 (long long)s->meeting_id);
			else
				mid[0] = '\0';
			csv_field(out, mid, false);
			csv_field(out, s->detail, true);
		}
		return;
	}
	fputs("period,indicator,agency,met,total,percent,target,met_target,"
	      "median_days\n", out);
	for (int p = 0; p < KPI_PERIODS; p++)
		for (int i = 0; i < KPI_INDICATORS; i++) {
			if (i != KPI_ATTENDANCE) {
				csv_row(out, k, (enum kpi_indicator)i, 0, p);
				continue;
			}
			for (int a = 0; a < k->nagencies; a++)
				if (agency_shown(k, a))
					csv_row(out, k, KPI_ATTENDANCE, a, p);
		}
}

/* PCT as "67%", or "-". */
static const char *
pct_text(char *buf, size_t n, int pct)
{
	if (pct < 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%d%%", pct);
	return buf;
}

/* One row: the quarters' percentages, the year's with its counts, and
 * whether the year met the target. */
static void
text_line(FILE *out, struct kpi *k, const char *label, enum kpi_indicator i,
	  int a)
{
	char buf[40], counts[48];
	const struct kpi_cell *y = kpi_cell(k, i, a, KPI_YEAR);
	int pct = kpi_percent(y->met, y->total);
	int m = kpi_meets(pct, k->target[i]);

	fprintf(out, "  %-24.24s", label);
	for (int p = KPI_Q1; p <= KPI_Q4; p++) {
		const struct kpi_cell *c = kpi_cell(k, i, a, p);

		fprintf(out, " %5s", pct_text(buf, sizeof buf,
					      kpi_percent(c->met, c->total)));
	}
	snprintf(counts, sizeof counts, "%lld/%lld", (long long)y->met,
		 (long long)y->total);
	fprintf(out, " %5s %-13s %s\n", pct_text(buf, sizeof buf, pct),
		counts, m < 0 ? "-" : m ? "met" : "NOT MET");
}

static int
count_shortfalls(const struct kpi *k, enum kpi_indicator i)
{
	int n = 0;

	for (size_t j = 0; j < k->nsf; j++)
		n += k->sf[j].ind == i;
	return n;
}

static void
write_text(FILE *out, struct kpi *k, const char *area, bool cases)
{
	char yb[8], date[MDATE_BUFSZ];
	struct strbuf title;

	sb_init(&title);
	if (area && *area)
		chars_show(&title, area, strlen(area), false);
	fprintf(out, "%s: performance indicators %s\n\n",
		title.len ? sb_str(&title) : "MAPPA area",
		report_year_format(k->year, yb));
	sb_free(&title);
	for (int i = 0; i < KPI_INDICATORS; i++) {
		fprintf(out, "%s (target %d%%)\n",
			kpi_indicator_name((enum kpi_indicator)i),
			k->target[i]);
		fprintf(out, "  %-24s    Q1    Q2    Q3    Q4  Year "
			"met/of          target\n", "");
		if (i == KPI_ATTENDANCE) {
			for (int a = 0; a < k->nagencies; a++)
				if (agency_shown(k, a))
					text_line(out, k, k->agency_name[a],
						  KPI_ATTENDANCE, a);
		} else {
			text_line(out, k, "area", (enum kpi_indicator)i, 0);
		}
		if (i == KPI_INITIAL) {
			fprintf(out, "  %-24s", "median working days");
			for (int p = 0; p < KPI_PERIODS; p++) {
				int d = kpi_median_days(k, p);

				if (d < 0)
					fprintf(out, " %5s", "-");
				else
					fprintf(out, " %5d", d);
			}
			fputc('\n', out);
		}
		fputc('\n', out);
	}
	fprintf(out, "Shortfalls in the year (not meeting the standard):");
	for (int i = 0; i < KPI_INDICATORS; i++) {
		int64_t n = 0;

		if (i == KPI_ATTENDANCE) {
			for (int a = 0; a < k->nagencies; a++)
				n += k->cell[i][a][KPI_YEAR].total -
				     k->cell[i][a][KPI_YEAR].met;
		} else {
			n = k->cell[i][0][KPI_YEAR].total -
			    k->cell[i][0][KPI_YEAR].met;
		}
		fprintf(out, "%s %s %lld", i ? ";" : "",
			kpi_indicator_code((enum kpi_indicator)i),
			(long long)n);
	}
	fputc('\n', out);
	if (!cases)
		return;
	if (!k->identified) {
		fprintf(out, "(The cases are not shown to lay advisers.)\n");
		return;
	}
	for (int i = 0; i < KPI_INDICATORS; i++) {
		if (count_shortfalls(k, (enum kpi_indicator)i) == 0)
			continue;
		fprintf(out, "\n%s: shortfalls\n",
			kpi_indicator_name((enum kpi_indicator)i));
		for (size_t j = 0; j < k->nsf; j++) {
			const struct kpi_shortfall *s = &k->sf[j];
			struct strbuf name, detail;

			if (s->ind != (enum kpi_indicator)i)
				continue;
			/* One line each, whatever the name holds (chars.h). */
			sb_init(&name);
			sb_init(&detail);
			if (s->agency < 0)
				chars_show(&name, s->name, strlen(s->name),
					   false);
			chars_show(&detail, s->detail, strlen(s->detail),
				   false);
			fprintf(out, "  %s  %s  %-12s %-28.28s %s\n",
				period_codes[s->quarter],
				date_format(s->date, date),
				s->agency >= 0 ? k->agency[s->agency] : s->ref,
				sb_str(&name), sb_str(&detail));
			sb_free(&name);
			sb_free(&detail);
		}
	}
}

int
kpi_write(FILE *out, struct kpi *k, const char *area, int fmt, bool cases)
{
	if (fmt == KPI_CSV)
		write_csv(out, k, cases);
	else
		write_text(out, k, area, cases);
	return ferror(out) ? -1 : 0;
}

mdate
kpi_release_deadline(mdate custody, mdate expected, mdate release)
{
	mdate d = cf_level_deadline(expected != MDATE_NONE ? expected
							  : release);

	return custody != MDATE_NONE && d < custody ? custody : d;
}
