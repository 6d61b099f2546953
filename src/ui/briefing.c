/*
 * briefing.c -- what a panel asks first about a case, and its events in
 * words: one place for the case screen (above the history) and meeting
 * mode (above the minutes).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casefile.h"
#include "core/util.h"
#include "ui/briefing.h"
#include "ui/text.h"

static const char *
arrow(void)
{
	return text_utf8() ? " \xe2\x86\x92 " : " -> ";
}

const char *
ui_kind_text(int type, int kind, char *buf, size_t n)
{
	const char *k = ev_kind_name(type, kind);

	str_copy(buf, k ? k : "", n);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	return buf;
}

void
ui_event_words(const struct ev *e, const struct ev_state *before, char *buf,
	 size_t n)
{
	char k[40];

	switch (e->type) {
	case EV_REGISTER:
		ui_fmt(buf, n, "registered: Category %d, Level %d%s",
		       e->category, e->level,
		       e->kind == REGISTER_SRO_BREACH
			   ? " (after a breach of a Sexual Risk Order)" : "");
		break;
	case EV_CATEGORY:
		ui_fmt(buf, n, "category %d%s%d", before->category, arrow(),
		       e->category);
		break;
	case EV_LEVEL:
		ui_fmt(buf, n, "level %d%s%d", before->level, arrow(),
		       e->level);
		break;
	case EV_EXIT:
		ui_fmt(buf, n, "exit from MAPPA: %s",
		       ui_kind_text(e->type, e->kind, k, sizeof k));
		break;
	case EV_CUSTODY:
		ui_fmt(buf, n, "into custody: %s",
		       ui_kind_text(e->type, e->kind, k, sizeof k));
		break;
	case EV_RELEASE:
		ui_fmt(buf, n, "released from custody");
		break;
	case EV_NOTIFICATION_BREACH:
		ui_fmt(buf, n, "notification breach: %s",
		       ui_kind_text(e->type, e->kind, k, sizeof k));
		break;
	case EV_ORDER:
		ui_fmt(buf, n, "order: %s",
		       ui_kind_text(e->type, e->kind, k, sizeof k));
		break;
	case EV_SFO_CHARGE:
		ui_fmt(buf, n, "charged with a serious further offence");
		break;
	case EV_NOTIFICATION_REVIEW:
		ui_fmt(buf, n, "review of indefinite notification: %s",
		       ui_kind_text(e->type, e->kind, k, sizeof k));
		break;
	default:
		ui_fmt(buf, n, "event");
	}
}



bool
cf_lines_add(struct cf_lines *a, enum ui_role role, int indent,
	     bool is_section, const char *fmt, ...)
{
	struct cf_line l;
	char buf[2400];
	va_list ap;

	if (a == NULL)
		return true;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	l.role = role;
	l.indent = indent;
	l.section = is_section;
	if ((l.text = strdup(buf)) == NULL)
		return false;
	if (array_push(&a->v, &a->n, &a->cap, &l, sizeof l) != 0) {
		free(l.text);
		return false;
	}
	return true;
}

void
cf_lines_clear(struct cf_lines *a)
{
	for (int i = 0; i < a->n; i++)
		free(a->v[i].text);
	a->n = 0;
}

/* What was read, while the lines are made. */
struct cf_read {
	struct cf_lines *top, *rest;
	int nrisk, nscore, noffence, nnote, ndisc;
	bool index_done;
	char scores[600];
	char last_disclosure[1200];
	mdate today;
};

static const char *
rosh_upper(int rosh, char *buf, size_t n)
{
	const char *l = cf_rosh_label(rosh);

	str_copy(buf, l ? l : "?", n);
	for (char *p = buf; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return buf;
}

static void
cf_risk(struct cf_read *c, const struct db_risk *r)
{
	char band[32], groups[160];

	cf_at_risk_format(r->at_risk, ", ", true, groups, sizeof groups);
	if (c->nrisk++ == 0) {
		cf_lines_add(c->top, r->rosh >= CF_ROSH_HIGH ? R_LEVEL3 : R_NORMAL, 2,
		       false, "Risk of serious harm: %s, assessed %s%s%s%s; "
		       "at risk: %s",
		       rosh_upper(r->rosh, band, sizeof band), r->date,
		       r->assessor[0] ? " by " : "", r->assessor,
		       "", groups[0] ? groups : "no one recorded");
		cf_lines_add(c->rest, R_SECTION, 0, true, "Risk assessments");
	}
	cf_lines_add(c->rest, c->nrisk == 1 ? R_NORMAL : R_DIM, 2, false,
	       "%s  %-9s  at risk: %s%s%s%s", r->date,
	       cf_rosh_label(r->rosh) ? cf_rosh_label(r->rosh) : "?",
	       groups[0] ? groups : "-",
	       r->assessor[0] ? "  (" : "", r->assessor,
	       r->assessor[0] ? ")" : "");
}

static void
cf_score(struct cf_read *c, const struct db_score *sc)
{
	size_t n = strlen(c->scores);

	if (c->nscore++ < 4)
		snprintf(c->scores + n, sizeof c->scores - n, "%s%s %s (%s)",
			 n ? "; " : "", sc->tool, sc->score, sc->date);
}

static void
cf_offence(struct cf_read *c, const struct db_offence *f)
{
	char when[64] = "";

	if (f->date[0])
		ui_fmt(when, sizeof when, ", %s", f->date);
	if (f->is_index && !c->index_done) {
		c->index_done = true;
		cf_lines_add(c->top, R_NORMAL, 2, false, "Index offence: %s%s%s%s%s%s",
		       f->description, when, f->court[0] ? ", " : "",
		       f->court, f->sentence[0] ? ": " : "", f->sentence);
	}
	if (c->noffence++ == 0)
		cf_lines_add(c->rest, R_SECTION, 0, true, "Offences");
	cf_lines_add(c->rest, R_NORMAL, 2, false, "%s%s%s%s%s%s%s",
	       f->is_index ? "index: " : "", f->description, when,
	       f->court[0] ? ", " : "", f->court,
	       f->sentence[0] ? ": " : "", f->sentence);
}

static void
cf_note(struct cf_read *c, const struct db_note *n)
{
	char corr[48] = "";

	if (n->text[0] == '\0')
		return; /* erased */
	if (c->nnote++ == 0)
		cf_lines_add(c->rest, R_SECTION, 0, true, "Case notes (newest first)");
	if (n->corrects)
		ui_fmt(corr, sizeof corr, " (corrects note %lld)",
		       (long long)n->corrects);
	cf_lines_add(c->rest, R_NORMAL, 2, false, "%s  note %lld  %s, by %s%s",
	       n->date, (long long)n->id, n->subject, n->author, corr);
	cf_lines_add(c->rest, R_DIM, 14, false, "%s", n->text);
}

static void
decided(const struct db_disclosure *d, char *buf, size_t n)
{
	if (d->meeting_id)
		ui_fmt(buf, n, "at the MAPP meeting of %s", d->meeting_date);
	else
		ui_fmt(buf, n, "by %s", d->decided_by[0] ? d->decided_by : "?");
}

static void
cf_disclosure(struct cf_read *c, const struct db_disclosure *d)
{
	char who[300];

	decided(d, who, sizeof who);
	if (c->ndisc++ == 0) {
		ui_fmt(c->last_disclosure, sizeof c->last_disclosure,
		       "Last disclosure decision: %s, %s to %s, decided %s%s",
		       d->date, d->disclosed ? "disclosed" : "NOT disclosed",
		       d->recipient, who,
		       d->disclosed ? (d->undertaking
				       ? "; undertaking signed"
				       : "; no undertaking signed") : "");
		cf_lines_add(c->rest, R_SECTION, 0, true, "Disclosures");
	}
	cf_lines_add(c->rest, R_NORMAL, 2, false, "%s  %s to %s, decided %s%s",
	       d->date, d->disclosed ? "disclosed" : "not disclosed",
	       d->recipient, who,
	       d->disclosed ? (d->undertaking ? "; undertaking signed"
					      : "; no undertaking") : "");
	cf_lines_add(c->rest, R_DIM, 14, false, "what: %s", d->what);
	cf_lines_add(c->rest, R_DIM, 14, false, "why: %s", d->why);
}

/* An earlier decision, after the last one (the newest comes first). */
static void
cf_earlier_disclosure(struct cf_lines *lines, const struct db_disclosure *d)
{
	char who[300];

	decided(d, who, sizeof who);
	cf_lines_add(lines, R_NORMAL, 4, false, "%s  %s to %s, decided "
		     "%s%s; what: %s; why: %s", d->date,
		     d->disclosed ? "disclosed" : "not disclosed",
		     d->recipient, who,
		     d->disclosed ? (d->undertaking ? "; undertaking signed"
						    : "; no undertaking") : "",
		     d->what, d->why);
}

bool
cf_disclosure_history(struct ui *ui, int64_t id, struct cf_lines *lines)
{
	struct db_disclosures dl = { 0 };
	bool ok;

	if (ui->lay)
		return true;
	ok = db_disclosure_list(ui->db, id, &dl) == DB_OK;
	for (int i = 1; ok && i < dl.n; i++) {
		if (i == 1)
			cf_lines_add(lines, R_NORMAL, 2, false, "Earlier "
				     "disclosure decisions:");
		cf_earlier_disclosure(lines, &dl.v[i]);
	}
	db_list_free(&dl);
	return ok;
}

/* The orders' ends, into BUF (N bytes). */
static void
cf_orders(const struct db_order_ends *oes, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < oes->n && len < n; i++) {
		const struct db_order_end *oe = &oes->v[i];
		const char *kind = ev_kind_name(EV_ORDER, oe->kind);

		snprintf(buf + len, n - len, "%s%s made %s, %s%s",
			 len ? "; " : "", kind ? kind : "?", oe->made,
			 oe->ends[0] ? "ends " : "no end date", oe->ends);
		len = strlen(buf);
	}
}

/* The key dates line(s) of what a panel asks first. */
static void
cf_dates(struct ui *ui, int64_t id, struct cf_read *c)
{
	struct db_key_dates k;
	struct db_order_ends oes = { 0 };
	char line[800], orders[600] = "";
	size_t n = 0;
	mdate rel, sent;

	if (db_key_dates_get(ui->db, id, &k) != DB_OK || k.id == 0) {
		cf_lines_add(c->top, R_DIM, 2, false, "Key dates: none recorded");
	} else {
		line[0] = '\0';
#define ADD(...) (n += (size_t)snprintf(line + n, n < sizeof line \
	? sizeof line - n : 0, __VA_ARGS__), n = n < sizeof line ? n \
	: sizeof line - 1)
		if (k.expected_release[0] &&
		    date_parse(k.expected_release, &rel) == 0) {
			enum cf_mappa_j j;
			char due[MDATE_BUFSZ];

			sent = MDATE_NONE;
			if (k.mappa_j_sent[0])
				date_parse(k.mappa_j_sent, &sent);
			j = cf_mappa_j_state(rel, sent, c->today);
			ADD("expected release %s; MAPPA J %s%s", k.expected_release,
			    j == CF_J_SENT ? "sent " : "due ",
			    j == CF_J_SENT ? k.mappa_j_sent
					   : date_format(cf_mappa_j_due(rel),
							 due));
			if (j == CF_J_OVERDUE)
				ADD(", OVERDUE");
		}
		if (k.release_type >= 0)
			ADD("%sreleased on %s", n ? " | " : "",
			    cf_release_label(k.release_type));
		if (k.sentence_expiry[0])
			ADD("%ssentence expiry %s", n ? " | " : "",
			    k.sentence_expiry);
		if (k.licence_expiry[0])
			ADD("%slicence expiry %s", n ? " | " : "",
			    k.licence_expiry);
		if (k.notification_end[0])
			ADD("%snotification ends %s", n ? " | " : "",
			    k.notification_end);
#undef ADD
		cf_lines_add(c->top, strstr(line, "OVERDUE") ? R_OVERDUE : R_NORMAL,
		       2, false, "Key dates: %s", n ? line : "none set");
	}
	if (db_order_end_list(ui->db, id, &oes) == DB_OK)
		cf_orders(&oes, orders, sizeof orders);
	db_list_free(&oes);
	if (orders[0])
		cf_lines_add(c->top, R_NORMAL, 2, false, "Orders: %s", orders);
}


bool
cf_lines_read(struct ui *ui, int64_t id, struct cf_lines *top,
	      struct cf_lines *rest)
{
	struct cf_read c;
	struct db_risks risks = { 0 };
	struct db_scores scores = { 0 };
	struct db_offences offences = { 0 };
	struct db_disclosures disclosures = { 0 };
	struct db_notes notes = { 0 };
	bool ok = false;

	if (ui->lay)
		return true;
	memset(&c, 0, sizeof c);
	c.top = top;
	c.rest = rest;
	c.today = ui->today;
	if (db_risk_list(ui->db, id, &risks) != DB_OK)
		goto out;
	for (int i = 0; i < risks.n; i++)
		cf_risk(&c, &risks.v[i]);
	if (db_score_list(ui->db, id, &scores) != DB_OK)
		goto out;
	for (int i = 0; i < scores.n; i++)
		cf_score(&c, &scores.v[i]);
	if (c.nrisk == 0)
		cf_lines_add(c.top, R_DIM, 2, false, "Risk of serious harm: "
			     "not assessed");
	if (c.scores[0])
		cf_lines_add(c.top, R_NORMAL, 2, false, "Scores: %s",
			     c.scores);
	cf_dates(ui, id, &c);
	if (db_offence_list(ui->db, id, &offences) != DB_OK)
		goto out;
	for (int i = 0; i < offences.n; i++)
		cf_offence(&c, &offences.v[i]);
	if (!c.index_done)
		cf_lines_add(c.top, R_DIM, 2, false, "Index offence: not "
			     "recorded");
	if (db_disclosure_list(ui->db, id, &disclosures) != DB_OK)
		goto out;
	for (int i = 0; i < disclosures.n; i++)
		cf_disclosure(&c, &disclosures.v[i]);
	cf_lines_add(c.top, c.ndisc ? R_NORMAL : R_DIM, 2, false, "%s",
		     c.ndisc ? c.last_disclosure
			     : "Disclosures: none recorded");
	if (db_note_list(ui->db, id, &notes) != DB_OK)
		goto out;
	for (int i = 0; i < notes.n; i++)
		cf_note(&c, &notes.v[i]);
	if (c.nnote == 0) {
		cf_lines_add(c.rest, R_SECTION, 0, true, "Case notes");
		cf_lines_add(c.rest, R_DIM, 2, false, "None.");
	}
	ok = true;
out:
	db_list_free(&risks);
	db_list_free(&scores);
	db_list_free(&offences);
	db_list_free(&disclosures);
	db_list_free(&notes);
	return ok;
}
