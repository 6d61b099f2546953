/*
 * cmd_papers.c -- `mappa agenda ID` and `mappa minutes ID`: the papers of
 * a MAPP meeting, as text or Markdown (issue 7).
 *
 * Both are OFFICIAL-SENSITIVE and say so at the top and the bottom.  The
 * minutes follow the MAPPA minutes template: the meeting, attendance by
 * agency, the confidentiality and diversity statement, then each case
 * with enough about it (who, category, level, status, lead agency) to be
 * read by someone who does not know it, the decision with its rationale
 * and any dissent, the risk management plan under its four headings,
 * victim issues, disclosure, the level decision with its reason, the
 * actions and the next review.
 *
 * Printing is a disclosure: it is logged (with the recipient, when given)
 * before the first line goes out.  Everything is read before anything is
 * printed, so a refusal (a lay adviser) prints nothing.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/context.h"
#include "cli/cli.h"
#include "core/escape.h"
#include "core/outfile.h"
#include "cli/pdf.h"
#include "core/util.h"

/* Minutes heading T as the paper prints it (core/minutes.h). */
static const char *
heading_label(int t)
{
	return minutes_headings[t].short_label;
}

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* "Tuesday 15 May 2012" for the date S (S itself when not a date). */
static const char *
long_date(const char *s, char *buf, size_t n)
{
	mdate d;
	int y, m, dd;
	char day[16];

	if (date_parse(s, &d) != 0) {
		str_copy(buf, s, n);
		return buf;
	}
	date_to_ymd(d, &y, &m, &dd);
	str_copy(day, date_weekday_name(date_weekday(d)), sizeof day);
	day[0] = (char)(day[0] - 'a' + 'A');
	str_printf(buf, n, "%s %d %s %d", day, dd, month_names[m - 1], y);
	return buf;
}

/* --- output: text, Markdown or PDF --------------------------------------------- */

struct paper {
	bool md;
	struct pdf *pdf;  /* PDF: the blocks go here, written at the end */
	const char *fmt;  /* its name, for the audit */
};

/* The marking at the top and the bottom of every paper and page. */
static const char marking[] = "OFFICIAL-SENSITIVE";

/* A text left out of a Markdown paper (out of memory): not whole. */
static bool md_lost;

/* Text S (a name, a minute, the statement) into a Markdown paper as it
 * reads (core/escape.h): never markup.  The writers below put each text
 * they are given through here; their own markup goes out as it is. */
static void
md_text(const char *s, enum escape_md_place where)
{
	struct strbuf sb;

	sb_init(&sb);
	escape_markdown(&sb, s, where);
	if (sb.failed)
		md_lost = true;
	fputs(sb_str(&sb), stdout);
	sb_free(&sb);
}

/* Write TEXT wrapped at 76 columns, each line indented by INDENT. */
static void
wrap(const char *text, int indent)
{
	int col = 0;
	const char *p = text;

	while (*p) {
		const char *w;
		int len;

		if (*p == '\n') {
			if (col > 0)
				putchar('\n');
			col = 0;
			p++;
			if (*p == '\n') {
				putchar('\n');
				while (*p == '\n')
					p++;
			}
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '\r') {
			p++;
			continue;
		}
		for (w = p; *w && *w != ' ' && *w != '\n' && *w != '\t' &&
			    *w != '\r'; w++)
			;
		len = (int)(w - p);
		if (col > indent && col + 1 + len > 76) {
			putchar('\n');
			col = 0;
		}
		if (col == 0) {
			printf("%*s", indent, "");
			col = indent;
		} else {
			putchar(' ');
			col++;
		}
		fwrite(p, 1, (size_t)len, stdout);
		col += len;
		p = w;
	}
	if (col > 0)
		putchar('\n');
}

static void
heading(const struct paper *pp, int level, const char *text)
{
	if (pp->pdf) {
		pdf_heading(pp->pdf, level, text);
	} else if (pp->md) {
		printf("\n%.*s ", level + 1, "####");
		md_text(text, ESCAPE_MD_LINE);
		printf("\n\n");
	} else {
		size_t n = strlen(text);

		printf("\n%s\n", text);
		for (size_t i = 0; i < n && i < 76; i++)
			putchar(level == 0 ? '=' : '-');
		putchar('\n');
	}
}

/* A labelled field; VALUE NULL or "" prints NONE (or nothing if NULL). */
static void
field(const struct paper *pp, const char *label, const char *value,
      const char *none)
{
	if (value == NULL || *value == '\0') {
		if (none == NULL)
			return;
		value = none;
	}
	if (pp->pdf) {
		pdf_field(pp->pdf, label, value);
	} else if (pp->md) {
		printf("**%s:** ", label);
		if (strchr(value, '\n'))
			printf("\n\n");
		md_text(value, ESCAPE_MD_LINES);
		putchar('\n');
		putchar('\n');
	} else if (strlen(label) + strlen(value) < 60 &&
		   strchr(value, '\n') == NULL) {
		printf("  %s: %s\n", label, value);
	} else {
		printf("  %s:\n", label);
		wrap(value, 6);
	}
}

/* A Markdown table cell: its pipes escaped, its line breaks spaces. */
static void
md_cell(const char *s)
{
	putchar(' ');
	md_text(s, ESCAPE_MD_LINE);
	printf(" |");
}

/* TEXT in place of what a section would list: there is nothing. */
static void
none(const struct paper *pp, const char *text)
{
	if (pp->pdf)
		pdf_para(pp->pdf, 0, false, text);
	else
		printf(pp->md ? "%s\n" : "  %s\n", text);
}

/*
 * A row of a table of N CELLS, in a PDF (column I WIDTHS[I] of the width)
 * or in Markdown; HEAD: the header row (in Markdown with its rule under
 * it).  Plain text lays out each table its own way.
 */
static void
table_row(const struct paper *pp, int n, const double *widths,
	  const char *const *cells, bool head)
{
	if (pp->pdf) {
		pdf_row(pp->pdf, n, widths, cells, head);
		return;
	}
	putchar('|');
	for (int i = 0; i < n; i++)
		md_cell(cells[i]);
	putchar('\n');
	if (head) {
		putchar('|');
		for (int i = 0; i < n; i++)
			fputs("---|", stdout);
		putchar('\n');
	}
}

/* A paragraph of TEXT, indented one step. */
static void
para(const struct paper *pp, const char *text)
{
	if (pp->pdf)
		pdf_para(pp->pdf, 0, false, text);
	else if (pp->md) {
		md_text(text, ESCAPE_MD_LINES);
		printf("\n\n");
	} else {
		wrap(text, 2);
	}
}

static void
banner(const struct paper *pp)
{
	if (pp->pdf)
		return;  /* in every page's header */
	if (pp->md)
		printf("**%s**\n", marking);
	else
		printf("%s\n", marking);
}

static void
closing(const struct paper *pp)
{
	static const char text[] =
		"This document is OFFICIAL-SENSITIVE.  It must not be shared "
		"beyond its recipients without the permission of the chair, "
		"and it is exempt from disclosure under the Freedom of "
		"Information Act 2000.";

	if (pp->pdf) {
		pdf_para(pp->pdf, 0, false, "");
		pdf_para(pp->pdf, 0, false, text);
	} else if (pp->md) {
		printf("\n---\n\n%s\n\n**%s**\n", text, marking);
	} else {
		putchar('\n');
		wrap(text, 0);
		printf("\n%s\n", marking);
	}
}

/* --- what the papers read ---------------------------------------------------- */

/* Parse the options shared by agenda and minutes: the format (text,
 * markdown, pdf), the recipient, the file to write (*OUTPUT, or NULL for
 * standard output) and the meeting. */
static int
paper_options(const char *cmd, int argc, char **argv, struct paper *pp,
	      const char **recipient, const char **output, int64_t *id)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "recipient", required_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *fmt = "text";
	int rc;
	int opt;

	*recipient = NULL;
	*output = NULL;
	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			fmt = optarg;
			if (strcmp(fmt, "text") != 0 &&
			    strcmp(fmt, "markdown") != 0 &&
			    strcmp(fmt, "pdf") != 0)
				return cli_usage(cmd, "--format: \"%s\" is not "
						 "text, markdown or pdf", fmt);
			break;
		case 'r':
			*recipient = optarg;
			if (!cli_text_ok(cmd, "--recipient", optarg, false))
				return EXIT_FAILED;
			break;
		case 'o':
			if (*optarg == '\0')
				return cli_usage(cmd, "--output: which file?");
			*output = optarg;
			break;
		case 'h':
			cli_command_help(cmd);
			return -1;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault(cmd, opt, argv);
		}
	}
	if (optind + 1 != argc)
		return cli_usage(cmd, "which meeting? (its ID)");
	if ((rc = cli_id_arg(cmd, NULL, argv[optind], "a meeting", id)) !=
	    EXIT_DONE)
		return rc;
	pp->md = strcmp(fmt, "markdown") == 0;
	pp->pdf = NULL;
	pp->fmt = fmt;
	if (strcmp(fmt, "pdf") == 0) {
		if (*output == NULL && isatty(STDOUT_FILENO))
			return cli_usage(cmd, "a PDF is not for the terminal: "
					 "--output FILE, or redirect it");
		pp->pdf = pdf_new(marking, cmd);
		if (pp->pdf == NULL) {
			cli_error("out of memory");
			return EXIT_FAILED;
		}
	}
	return EXIT_DONE;
}

/* The file named by --output, while it is written (outfile.h). */
static struct outfile paper_file = { .fd = -1 };

/*
 * Send what follows to FILE (NULL: leave standard output as it is): a
 * new file, readable by its owner only (the papers are
 * OFFICIAL-SENSITIVE), written through the descriptor mappa made and
 * named only when whole (outfile.h), as backups and exports are.  Under
 * a forced command FILE names a path on the server: refused (status 3).
 */
static int
paper_output(const struct cli *c, const char *cmd, const char *file)
{
	char err[4400];
	int rc;

	if (file == NULL)
		return EXIT_DONE;
	if ((rc = cli_path_arg(c, cmd, file)) != EXIT_DONE)
		return rc;
	fflush(stdout);
	if (outfile_open(&paper_file, file, err, sizeof err) != 0) {
		cli_error("%s: %s", cmd, err);
		return EXIT_FAILED;
	}
	if (dup2(paper_file.fd, STDOUT_FILENO) < 0) {
		cli_error("%s: %s", file, strerror(errno));
		outfile_close(&paper_file, true);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/* The end of a paper: a PDF is written now; a failure to write said. */
static int
paper_finish(struct paper *pp, const char *output)
{
	bool pdf = pp->pdf != NULL;
	int bad = 0;

	if (pdf) {
		/* A PDF's bytes are not text: past the control-character
		 * filter of the text output. */
		cli_stdout_raw();
		bad = pdf_write(pp->pdf, stdout);
		pdf_free(pp->pdf);
		pp->pdf = NULL;
	}
	if (fflush(stdout) != 0 || ferror(stdout) || md_lost)
		bad = -1;
	if (output && paper_file.fd >= 0) {
		char err[4400];

		if (!bad && outfile_commit(&paper_file, err, sizeof err) != 0) {
			cli_error("%s", err);
			bad = -1;
		}
		outfile_close(&paper_file, bad != 0);
		if (!bad)
			outfile_sync_dir(output);
	}
	/* Only once the paper is in place: nothing that tears the fonts
	 * down can lose it. */
	if (pdf)
		pdf_release();
	if (bad) {
		cli_error("%s: the paper could not be written",
			  output ? output : "standard output");
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/* Read meeting ID, its agenda and its agencies, and for the minutes
 * (MS not NULL) their state; log the printing, with the recipient, the
 * format and the minutes' version. */
static enum db_status
read_meeting(struct db *db, int64_t id, const char *what,
	     const char *recipient, const struct paper *pp,
	     struct db_meeting *m, struct db_agenda *items,
	     struct db_meeting_agencies *ag, struct db_minutes_state *ms)
{
	enum db_status st;
	char rec[48], detail[512], version[64] = "";

	if ((st = db_meeting_get(db, id, m)) != DB_OK)
		return st;
	if (ms && (st = db_minutes_state(db, id, ms)) != DB_OK)
		return st;
	if (ms)
		snprintf(version, sizeof version, "; minutes: version %lld, %s",
			 (long long)ms->version, minutes_state_name(ms->state));
	if ((st = db_agenda_list(db, id, items)) != DB_OK)
		return st;
	if ((st = db_meeting_agencies(db, id, ag)) != DB_OK)
		return st;
	snprintf(rec, sizeof rec, "meeting %lld", (long long)id);
	snprintf(detail, sizeof detail, "recipient: %s; format: %s; cases: "
		 "%d%s", recipient && *recipient ? recipient : "-",
		 pp->fmt, items->n, version);
	if ((st = db_audit_log(db, what, rec, detail)) != DB_OK)
		return st;
	/* The paper names its cases: a consultation of each, so that
	 * `audit --case` finds who printed a paper about the person. */
	if (items->n > 0) {
		int64_t *ids = malloc((size_t)items->n * sizeof *ids);

		if (ids == NULL)
			return DB_ERROR;
		for (int i = 0; i < items->n; i++)
			ids[i] = items->v[i].offender_id;
		snprintf(detail, sizeof detail, "%s of meeting %lld",
			 what, (long long)id);
		st = db_audit_consult(db, "papers.cases", ids,
				      (size_t)items->n, detail);
		free(ids);
	}
	return st;
}

static void
meeting_fields(struct db *db, const struct paper *pp,
	       const struct db_meeting *m, const struct db_meeting_agencies *ag,
	       bool invited_list)
{
	char buf[64], when[96];
	struct strbuf sb;

	long_date(m->date, buf, sizeof buf);
	str_printf(when, sizeof when, "%s%s%s", buf, m->time[0] ? ", " : "",
		   m->time);
	field(pp, "Date", when, NULL);
	field(pp, "Venue", m->venue, "not recorded");
	field(pp, "Chair", m->chair, "not recorded");
	field(pp, "Status", meeting_status_name(m->status), NULL);
	if (invited_list) {
		sb_init(&sb);
		for (int i = 0; i < ag->n; i++)
			if (ag->v[i].invited)
				sb_printf(&sb, "%s%s", sb.len ? ", " : "",
					  agenda_agency_label(ag->v[i].agency));
		field(pp, "Invited", sb_str(&sb), "none recorded");
		sb_free(&sb);
	}
	(void)db;
}

static void
case_name(const struct db_agenda_item *it, char *buf, size_t n)
{
	str_printf(buf, n, "%s%s%s", it->surname, it->forenames[0] ? ", " : "",
		   it->forenames);
}

/* How an agenda reason reads. */
static const char *
reason_words(enum agenda_reason reason)
{
	static const char *const words[AGENDA_REASONS] = {
		[AGENDA_INITIAL] = "initial meeting after referral",
		[AGENDA_REVIEW] = "review",
		[AGENDA_LEVEL_CHANGE] = "change of level",
		[AGENDA_EXIT] = "exit from MAPPA",
		[AGENDA_OTHER] = "other business",
	};

	return (int)reason >= 0 && reason < AGENDA_REASONS ? words[reason]
							    : "";
}

/* The agenda's columns in a PDF, as fractions of the text width. */
static const double agenda_widths[9] = {
	0.03, 0.13, 0.21, 0.13, 0.05, 0.07, 0.11, 0.14, 0.13,
};

/* --- mappa agenda ------------------------------------------------------------ */

static void
print_agenda(struct db *db, const struct paper *pp, const char *area,
	     const struct db_meeting *m, const struct db_agenda *items,
	     const struct db_meeting_agencies *ag)
{
	char title[160], name[2 * DB_FIELD_MAX + 4];

	banner(pp);
	str_printf(title, sizeof title, "%s: Level %d MAPP meeting -- agenda",
		   area, m->level);
	heading(pp, 0, title);
	meeting_fields(db, pp, m, ag, true);
	if (pp->pdf)
		pdf_para(pp->pdf, 0, false, "The meeting opens with the "
			 "confidentiality and diversity statement.");
	else if (pp->md)
		printf("The meeting opens with the confidentiality and "
		       "diversity statement.\n\n");
	else
		printf("\n  The meeting opens with the confidentiality and "
		       "diversity statement.\n");
	heading(pp, 1, "Cases");
	if (items->n == 0) {
		none(pp, "No cases are on the agenda yet.");
	} else if (pp->pdf) {
		static const char *const head[] = {
			"#", "Case", "Name", "Born", "Cat", "Level", "Lead",
			"For", "Review due",
		};

		pdf_row(pp->pdf, 9, agenda_widths, head, true);
	} else if (pp->md) {
		printf("| # | Case | Name | Born | Category | Level | Lead "
		       "agency | For | Review due |\n");
		printf("|---|---|---|---|---|---|---|---|---|\n");
	} else {
		printf("  %-3s %-10s %-28s %-3s %-5s %-9s %-12s %s\n", "#",
		       "Case", "Name", "Cat", "Level", "Lead", "For",
		       "Review due");
	}
	for (int i = 0; i < items->n; i++) {
		const struct db_agenda_item *it = &items->v[i];
		char cat[4], lvl[4];

		case_name(it, name, sizeof name);
		snprintf(cat, sizeof cat, "%d", it->category);
		snprintf(lvl, sizeof lvl, "%d", it->level);
		if (pp->pdf) {
			char pos[16];
			const char *cells[9];

			snprintf(pos, sizeof pos, "%d", it->position);
			cells[0] = pos;
			cells[1] = it->ref;
			cells[2] = name;
			cells[3] = it->dob;
			cells[4] = cat;
			cells[5] = lvl;
			cells[6] = it->lead_agency;
			cells[7] = reason_words(it->reason);
			cells[8] = it->next_review;
			pdf_row(pp->pdf, 9, agenda_widths, cells, false);
		} else if (pp->md) {
			printf("| %d |", it->position);
			md_cell(it->ref);
			md_cell(name);
			md_cell(it->dob);
			md_cell(cat);
			md_cell(lvl);
			md_cell(it->lead_agency);
			md_cell(agenda_reason_name(it->reason));
			md_cell(it->next_review);
			putchar('\n');
		} else {
			printf("  %-3d %-10s %-28.28s %-3s %-5s %-9s %-12s %s\n",
			       it->position, it->ref, name, cat, lvl,
			       it->lead_agency, agenda_reason_name(it->reason),
			       it->next_review);
		}
	}
	if (pp->pdf) {
		char buf[32];

		snprintf(buf, sizeof buf, "%d case%s.", items->n,
			 items->n == 1 ? "" : "s");
		pdf_para(pp->pdf, 0, false, buf);
	} else if (!pp->md) {
		printf("\n  %d case%s.\n", items->n, items->n == 1 ? "" : "s");
	}
	closing(pp);
}

int
cmd_agenda(struct cli *c, int argc, char **argv)
{
	struct paper pp;
	struct db_meeting m;
	struct db_agenda items = { 0 };
	struct db_meeting_agencies ag = { 0 };
	const char *recipient, *output;
	struct db *db;
	struct app_context ctx;
	enum db_status st;
	int64_t id;
	int rc;

	if ((rc = paper_options("agenda", argc, argv, &pp, &recipient, &output,
				&id)) != EXIT_DONE)
		return rc < 0 ? EXIT_DONE : rc;
	/* The file before the database: a --output refused (a forced
	 * command) or not writable logs no printing. */
	if ((rc = paper_output(c, "agenda", output)) != EXIT_DONE ||
	    (rc = cli_open_context(c, 0, false, &db, &ctx)) != EXIT_DONE) {
		outfile_close(&paper_file, true);
		pdf_free(pp.pdf);
		return rc;
	}
	st = read_meeting(db, id, "agenda.print", recipient, &pp, &m, &items,
			  &ag, NULL);
	if (st == DB_OK) {
		print_agenda(db, &pp, ctx.area, &m, &items, &ag);
		rc = paper_finish(&pp, output);
	} else {
		cli_error("%s", db_errmsg(db));
		rc = cli_status(st);
	}
	outfile_close(&paper_file, true);  /* a paper never finished */
	pdf_free(pp.pdf);
	db_list_free(&ag);
	db_list_free(&items);
	app_context_free(&ctx);
	db_close(db);
	return rc;
}

/* --- mappa minutes ----------------------------------------------------------- */

/* What the history says about a case at a meeting. */
struct case_level {
	int64_t event_id;    /* the decision's event, or 0 */
	mdate date;          /* the meeting's date */
	int before, after;   /* levels before and after the decision */
	bool exited;
	char reason[1024];
	char decider[DB_FIELD_MAX];
	char event_date[MDATE_BUFSZ];
	struct ev_state st;  /* replayed so far */
	struct ev_state at;  /* when the case came to the meeting */
	bool found;
};

/* Replay event E into CL; non-zero when the rest need not be read. */
static int
scan_event(struct case_level *cl, const struct db_event *e)
{
	struct ev_state prev = cl->st;
	char buf[160];
	const char *s;

	if (cl->event_id && e->id == cl->event_id) {
		cl->found = true;
		cl->at = prev;
		cl->before = prev.registered ? prev.level : 0;
		ev_apply(&cl->st, &e->ev);
		cl->after = cl->st.registered ? cl->st.level : 0;
		cl->exited = e->ev.type == EV_EXIT;
		s = db_event_reason(e);
		str_copy(cl->reason, s ? s : "", sizeof cl->reason);
		s = db_event_decider(e, buf, sizeof buf);
		str_copy(cl->decider, s ? s : "", sizeof cl->decider);
		date_format(e->ev.date, cl->event_date);
		return 1;
	}
	if (cl->event_id == 0 && e->ev.date > cl->date)
		return 1;
	ev_apply(&cl->st, &e->ev);
	if (cl->event_id == 0) {
		cl->before = cl->after = cl->st.registered ? cl->st.level : 0;
		cl->at = cl->st;
	}
	return 0;
}

/* The actions' columns in a PDF: #, action, owner, due, done. */
static const double action_widths[5] = { 0.04, 0.40, 0.22, 0.16, 0.18 };

/* Action A, the Nth agreed (from 1), as PP prints it. */
static void
print_action(const struct paper *pp, int n, const struct db_action *a)
{
	char owner[2 * DB_FIELD_MAX];
	char state[40];

	str_printf(owner, sizeof owner, "%s%s%s%s",
		   agenda_agency_label(a->owner_agency),
		   a->owner_person && *a->owner_person ? " (" : "",
		   a->owner_person ? a->owner_person : "",
		   a->owner_person && *a->owner_person ? ")" : "");
	if (a->state != ACTION_OPEN)
		str_printf(state, sizeof state, "%s %s",
			   action_state_name(a->state), a->done);
	else
		str_copy(state, action_state_name(a->state), sizeof state);
	if (pp->pdf) {
		char num[16];
		const char *cells[5];

		snprintf(num, sizeof num, "%d", n);
		cells[0] = num;
		cells[1] = a->text ? a->text : "";
		cells[2] = owner;
		cells[3] = a->due;
		cells[4] = state;
		pdf_row(pp->pdf, 5, action_widths, cells, false);
	} else if (pp->md) {
		printf("| %d |", n);
		md_cell(a->text);
		md_cell(owner);
		md_cell(a->due);
		md_cell(state);
		putchar('\n');
	} else {
		printf("    %d. ", n);
		wrap(a->text ? a->text : "", 0);
		printf("       Owner: %s; due %s; %s\n", owner, a->due, state);
	}
}

/* A disclosure decision a meeting took for one case (issue 15). */
static void
print_disclosure(const struct paper *pp, const struct db_disclosure *d)
{
	char buf[3 * 1024];

	str_printf(buf, sizeof buf, "%s to %s%s.  What: %s.  Why: %s",
		   d->disclosed ? "To disclose" : "Not to disclose",
		   d->recipient,
		   d->disclosed ? (d->undertaking
				   ? " (confidentiality undertaking signed)"
				   : " (no undertaking signed)") : "",
		   d->what, d->why);
	field(pp, "Disclosure decision", buf, NULL);
}

/* The actions of earlier meetings the meeting reviewed (issue 16). */
struct earlier {
	const struct paper *pp;
	const struct db_meeting *m;
	int n;
};

/*
 * An action agreed at an earlier meeting that was still open when this
 * one met -- open now, or closed on or after its date: what became of it
 * (done, dropped, or open with its due date, carried forward if moved).
 */
static void
print_earlier(struct earlier *e, const struct db_case_action *a)
{
	char line[1200], outcome[64];

	if (a->meeting_id == 0 || a->meeting_id == e->m->id)
		return;
	if (a->done[0] && strcmp(a->done, e->m->date) < 0)
		return;
	if (a->done[0])
		str_printf(outcome, sizeof outcome, "%s %s",
			   action_state_name(a->state), a->done);
	else
		str_copy(outcome, "still open", sizeof outcome);
	str_printf(line, sizeof line, "%s (%s%s%s; due %s): %s",
		   a->text ? a->text : "",
		   agenda_agency_label(a->owner_agency),
		   a->owner_person && *a->owner_person ? ", " : "",
		   a->owner_person ? a->owner_person : "", a->due, outcome);
	if (e->n++ == 0) {
		if (e->pp->pdf)
			pdf_heading(e->pp->pdf, 2, "Actions of earlier "
				    "meetings, reviewed");
		else if (e->pp->md)
			printf("**Actions of earlier meetings, reviewed:**"
			       "\n\n");
		else
			printf("  Actions of earlier meetings, reviewed:\n");
	}
	if (e->pp->pdf) {
		pdf_para(e->pp->pdf, 0, false, line);
	} else if (e->pp->md) {
		printf("- ");
		md_text(line, ESCAPE_MD_LINES);
		putchar('\n');
	} else {
		char item[1210];

		str_printf(item, sizeof item, "- %s", line);
		wrap(item, 4);
	}
}

static enum db_status
print_case(struct db *db, const struct paper *pp, const struct db_meeting *m,
	   const struct db_agenda_item *it, size_t n)
{
	struct db_minutes mi;
	struct case_level cl;
	struct db_events evs = { 0 };
	struct db_action_query q;
	struct db_actions acts = { 0 };
	enum db_status st;
	char title[256], name[2 * DB_FIELD_MAX + 4], about[512], buf[1400];

	if ((st = db_minutes_get(db, it->id, &mi)) != DB_OK)
		return st;
	memset(&cl, 0, sizeof cl);
	cl.event_id = mi.level_event_id;
	if (date_parse(m->date, &cl.date) != 0)
		cl.date = MDATE_NONE;
	st = db_event_list(db, it->offender_id, &evs);
	for (int i = 0; st == DB_OK && i < evs.n; i++)
		if (scan_event(&cl, &evs.v[i]) != 0)
			break;
	db_events_free(&evs);
	if (st != DB_OK) {
		db_minutes_clear(&mi);
		return st;
	}
	case_name(it, name, sizeof name);
	str_printf(title, sizeof title, "Case %d of %zu: %s %s", it->position,
		   n, it->ref, name);
	heading(pp, 1, title);
	{
		const struct ev_state *at = &cl.at;
		enum case_status status = it->status;
		char now[96], cat[80];

		if (!case_status_managed(status))
			str_printf(now, sizeof now, "%s",
				   case_status_words(status, false));
		else
			str_printf(now, sizeof now, "Level %d, %s", it->level,
				   case_status_words(status, false));
		if (at->category >= 1 && at->category <= 4)
			str_printf(cat, sizeof cat, "Category %d (%s)",
				   at->category, ev_category_name(at->category));
		else
			str_copy(cat, "not yet registered", sizeof cat);
		str_printf(about, sizeof about, "%s%s%s%s; at this meeting "
			   "Level %d, %s; lead agency %s%s%s; now %s",
			   it->dob[0] ? "born " : "", it->dob,
			   it->dob[0] ? "; " : "",
			   cat,
			   at->registered ? at->level : 0,
			   at->in_custody ? "in custody" : "in the community",
			   it->lead_agency[0]
				   ? agenda_agency_label(it->lead_agency)
				   : "not recorded",
			   it->district[0] ? "; district " : "", it->district,
			   now);
	}
	field(pp, "About the case", about, NULL);
	str_printf(buf, sizeof buf, "%s%s", reason_words(it->reason),
		   it->discussed ? "" : " (not yet discussed)");
	field(pp, "On the agenda for", buf, NULL);
	field(pp, heading_label(DB_MIN_DECISION), mi.text[DB_MIN_DECISION],
	      "none recorded");
	field(pp, heading_label(DB_MIN_RATIONALE), mi.text[DB_MIN_RATIONALE],
	      "none recorded");
	field(pp, heading_label(DB_MIN_DISSENT), mi.text[DB_MIN_DISSENT],
	      "none recorded");
	if (pp->pdf)
		pdf_heading(pp->pdf, 2, "Risk management plan");
	else if (pp->md)
		printf("**Risk management plan**\n\n");
	else
		printf("  Risk management plan\n");
	for (int t = DB_MIN_RMP_SUPERVISION; t <= DB_MIN_RMP_VICTIM_SAFETY;
	     t++) {
		if (pp->pdf) {
			pdf_field(pp->pdf, heading_label(t),
				  mi.text[t] ? mi.text[t] : "none recorded");
		} else if (pp->md) {
			printf("- *%s:* ", heading_label(t));
			md_text(mi.text[t] ? mi.text[t] : "none recorded",
				ESCAPE_MD_LINES);
			putchar('\n');
		} else {
			printf("    %s:\n", heading_label(t));
			wrap(mi.text[t] ? mi.text[t] : "none recorded", 8);
		}
	}
	if (pp->md)
		putchar('\n');
	for (int t = DB_MIN_CONTINGENCIES; t <= DB_MIN_DISCLOSURE; t++)
		field(pp, heading_label(t), mi.text[t], "none recorded");
	/* The level decision, spelled out. */
	if (mi.level_decision == DECISION_NONE) {
		str_copy(buf, "not yet recorded", sizeof buf);
	} else if (cl.found && cl.before == 0) {
		str_printf(buf, sizeof buf, "Set at Level %d on registration, "
			   "effective %s; decided by this meeting, chaired by "
			   "%s.", cl.after, cl.event_date, cl.decider);
	} else if (mi.level_decision == DECISION_STAY || !cl.found) {
		str_printf(buf, sizeof buf, "Stays at Level %d.",
			   cl.after ? cl.after : it->level);
	} else if (cl.exited) {
		str_printf(buf, sizeof buf, "Exit from MAPPA (was Level %d), "
			   "effective %s; decided by this meeting, chaired by "
			   "%s.  Reason: %s", cl.before, cl.event_date,
			   cl.decider, cl.reason);
	} else {
		str_printf(buf, sizeof buf, "%s from Level %d to Level %d, "
			   "effective %s; decided by this meeting, chaired by "
			   "%s.  Reason: %s",
			   cl.after > cl.before ? "Raised" : "Lowered",
			   cl.before, cl.after, cl.event_date, cl.decider,
			   cl.reason);
	}
	field(pp, "Level decision", buf, NULL);
	memset(&q, 0, sizeof q);
	q.today = MDATE_NONE;
	q.meeting_id = m->id;
	q.offender_id = it->offender_id;
	st = db_action_list(db, &q, &acts);
	if (st == DB_OK && acts.n == 0) {
		field(pp, "Actions", NULL, "none agreed");
	} else if (st == DB_OK) {
		if (pp->pdf) {
			static const char *const head[] = {
				"#", "Action", "Owner", "Due", "Done",
			};

			pdf_heading(pp->pdf, 2, "Actions");
			pdf_row(pp->pdf, 5, action_widths, head, true);
		} else if (pp->md) {
			printf("**Actions:**\n\n| # | Action | Owner | Due | "
			       "Done |\n|---|---|---|---|---|\n");
		} else {
			printf("  Actions:\n");
		}
		for (int i = 0; i < acts.n; i++)
			print_action(pp, i + 1, &acts.v[i]);
		if (pp->md)
			putchar('\n');
	}
	db_actions_free(&acts);
	if (st == DB_OK) {
		struct earlier e = { pp, m, 0 };
		struct db_case_actions earlier = { 0 };

		st = db_case_action_list(db, it->offender_id, false, &earlier);
		for (int i = 0; st == DB_OK && i < earlier.n; i++)
			print_earlier(&e, &earlier.v[i]);
		db_case_actions_free(&earlier);
		if (e.n && pp->md)
			putchar('\n');
	}
	if (st == DB_OK) {
		struct db_meeting_disclosures dl = { 0 };

		st = db_meeting_disclosures(db, m->id, &dl);
		for (int i = 0; st == DB_OK && i < dl.n; i++)
			if (strcmp(dl.v[i].ref, it->ref) == 0)
				print_disclosure(pp, &dl.v[i].d);
		db_list_free(&dl);
	}
	field(pp, "Next review", mi.next_review, "not set");
	db_minutes_clear(&mi);
	return st;
}

static void
print_attendance(const struct paper *pp, const struct db_meeting_agencies *ag)
{
	static const double w[] = { 0.45, 0.15, 0.40 };
	static const char *const head[] = { "Agency", "Invited", "Attendance" };

	heading(pp, 1, "Attendance");
	if (ag->n == 0) {
		none(pp, "Not recorded.");
		return;
	}
	if (pp->pdf || pp->md)
		table_row(pp, 3, w, head, true);
	for (int i = 0; i < ag->n; i++) {
		const struct db_meeting_agency *a = &ag->v[i];
		const char *att = a->attendance >= 0
				  ? agenda_attendance_name(a->attendance)
				  : "not recorded";
		const char *cells[3] = {
			agenda_agency_label(a->agency), a->invited ? "yes" : "no", att,
		};

		if (pp->pdf || pp->md) {
			table_row(pp, 3, w, cells, false);
		} else {
			printf("  %-28s %s%s\n", agenda_agency_label(a->agency), att,
			       a->invited ? "" : " (not invited)");
		}
	}
}

/* The people at the meeting (issue 16). */
/* "Present", "Apologies", "Report", "Guest" for a role. */
static const char *
role_heading(int role)
{
	static const char *const words[AGENDA_ROLES] = {
		[PERSON_PRESENT] = "Present",
		[PERSON_APOLOGIES] = "Apologies",
		[PERSON_REPORT] = "Sent a report",
		[PERSON_GUEST] = "Guests",
	};
	return role >= 0 && role < AGENDA_ROLES ? words[role] : "";
}

/* The people, by role: name and agency. */
static void
print_people(const struct paper *pp, const struct db_attendees *p)
{
	static const double w[] = { 0.45, 0.35, 0.20 };
	static const char *const head[] = { "Name", "Agency", "Role" };

	heading(pp, 1, "Attendees");
	if (p->n == 0) {
		none(pp, "Not recorded by name.");
		return;
	}
	if (pp->pdf || pp->md)
		table_row(pp, 3, w, head, true);
	for (int i = 0; i < p->n; i++) {
		const struct db_attendee *a = &p->v[i];
		const char *role = role_heading(a->role);
		const char *cells[3] = {
			a->name, agenda_agency_label(a->agency), role,
		};

		if (pp->pdf || pp->md) {
			table_row(pp, 3, w, cells, false);
		} else {
			printf("  %-34s %-26s %s\n", a->name,
			       agenda_agency_label(a->agency), role);
		}
	}
}

int
cmd_minutes(struct cli *c, int argc, char **argv)
{
	struct paper pp;
	struct db_meeting m;
	struct db_agenda items = { 0 };
	struct db_meeting_agencies ag = { 0 };
	const char *recipient, *output;
	struct db *db;
	enum db_status st;
	struct app_context ctx;
	char title[200], buf[64];
	char statement[DB_STATEMENT_MAX + 1];
	struct db_minutes_state ms;
	struct db_attendees people = { 0 };
	int64_t id;
	int rc;

	if ((rc = paper_options("minutes", argc, argv, &pp, &recipient,
				&output, &id)) != EXIT_DONE)
		return rc < 0 ? EXIT_DONE : rc;
	/* The file before the database, as the agenda's. */
	if ((rc = paper_output(c, "minutes", output)) != EXIT_DONE ||
	    (rc = cli_open_context(c, 0, false, &db, &ctx)) != EXIT_DONE) {
		outfile_close(&paper_file, true);
		pdf_free(pp.pdf);
		return rc;
	}
	st = read_meeting(db, id, "minutes.print", recipient, &pp, &m, &items,
			  &ag, &ms);
	if (st == DB_OK)
		st = db_attendee_list(db, id, &people);
	if (st == DB_OK)
		st = db_setting_get(db, "meeting_statement", statement,
				    sizeof statement);
	if (st != DB_OK) {
		cli_error("%s", db_errmsg(db));
		goto done;
	}
	banner(&pp);
	str_printf(title, sizeof title, "%s: minutes of a Level %d MAPP "
		   "meeting", ctx.area, m.level);
	heading(&pp, 0, title);
	meeting_fields(db, &pp, &m, &ag, false);
	snprintf(buf, sizeof buf, "%d of %d cases discussed", m.discussed,
		 m.cases);
	field(&pp, "Progress", buf, NULL);
	if (ms.state == MINUTES_APPROVED)
		snprintf(buf, sizeof buf, "version %lld, approved",
			 (long long)ms.version);
	else
		snprintf(buf, sizeof buf, "version %lld, DRAFT (not yet "
			 "approved)", (long long)ms.version);
	field(&pp, "These minutes", buf, NULL);
	if (ms.state == MINUTES_APPROVED) {
		field(&pp, "Approved by", ms.approved_by, NULL);
		field(&pp, "Approved on", ms.approved_on, NULL);
	}
	if (recipient && *recipient)
		field(&pp, "Copy for", recipient, NULL);
	if (m.status != MEETING_HELD)
		field(&pp, "Note", "this meeting has not been held: these are "
		      "not minutes of a meeting", NULL);
	print_people(&pp, &people);
	print_attendance(&pp, &ag);
	heading(&pp, 1, "Confidentiality and diversity statement");
	para(&pp, statement);
	for (int i = 0; st == DB_OK && i < items.n; i++)
		st = print_case(db, &pp, &m, &items.v[i], items.n);
	if (st == DB_OK) {
		closing(&pp);
		rc = paper_finish(&pp, output);
	} else {
		fflush(stdout);
		cli_error("%s", db_errmsg(db));
	}
done:
	if (st != DB_OK)
		rc = cli_status(st);
	outfile_close(&paper_file, true);  /* a paper never finished */
	db_list_free(&people);
	pdf_free(pp.pdf);
	db_list_free(&ag);
	db_list_free(&items);
	app_context_free(&ctx);
	db_close(db);
	return rc;
}
