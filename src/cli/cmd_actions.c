/*
 * cmd_actions.c -- `mappa actions` (open and overdue actions by agency
 * and owner) and `mappa action done ID` (issue 7).
 *
 * A lay adviser may list actions: they see the case's pseudonymous
 * reference, the owning agency and the dates, which is what the SMB's
 * "actions completed by their due date" indicator needs; never the
 * wording or the owner's name.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/util.h"

/* S on one line: line breaks and tabs as spaces. */
static void
one_line(const char *s, int width)
{
	int n = 0;

	for (; s && *s && (width <= 0 || n < width); s++, n++)
		putchar(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s);
}

struct listing {
	bool csv;
	bool lay;  /* dates by the month (date_case()) */
};

static void
print_action(const struct listing *l, const struct db_action *a)
{
	const char *state = a->overdue ? "OVERDUE"
				       : action_state_name(ACTION_OPEN);
	char due[MDATE_BUFSZ], done[MDATE_BUFSZ];
	const char *due_s = date_case(a->due, l->lay, due);
	const char *done_s = date_case(a->done, l->lay, done);
	char dropped[8 + MDATE_BUFSZ];

	/* A dropped action is closed like a done one: its date says so. */
	if (a->state == ACTION_DROPPED) {
		str_printf(dropped, sizeof dropped, "%s %s",
			   action_state_name(a->state), done_s);
		done_s = dropped;
	}

	if (l->csv) {
		printf("%lld,", (long long)a->id);
		cli_csv_field(a->ref);
		/* A lay adviser's list names no meeting: its date is a day. */
		if (a->meeting_id && !l->lay)
			printf(",%lld,", (long long)a->meeting_id);
		else
			printf(",,");
		cli_csv_field(a->owner_agency);
		putchar(',');
		cli_csv_field(a->owner_person);
		printf(",%s,%s,%s,", due_s, done_s, a->overdue ? "yes" : "no");
		cli_csv_field(a->text);
		putchar('\n');
		return;
	}
	printf("%6lld  %-10s  %-18s  %-22.22s  %-10s  %-7s  ",
	       (long long)a->id,
	       a->ref, a->owner_agency,
	       a->owner_person ? a->owner_person : "", due_s,
	       a->done[0] ? done_s : state);
	one_line(a->text, 60);
	putchar('\n');
}

int
cmd_actions(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "overdue", no_argument, NULL, 'o' },
		{ "all", no_argument, NULL, 'a' },
		{ "agency", required_argument, NULL, 'g' },
		{ "owner", required_argument, NULL, 'w' },
		{ "meeting", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_action_query q;
	struct listing l = { .csv = false };
	struct db_actions list = { 0 };
	int64_t *ids = NULL;
	struct db *db;
	enum db_status st;
	int opt, rc;

	memset(&q, 0, sizeof q);
	q.open_only = true;
	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			q.overdue_only = true;
			break;
		case 'a':
			q.open_only = false;
			break;
		case 'g':
			q.agency = optarg;
			break;
		case 'w':
			q.owner = optarg;
			break;
		case 'm':
			if ((rc = cli_id_arg("actions", "--meeting", optarg,
					     "a meeting", &q.meeting_id)) !=
			    EXIT_DONE)
				return rc;
			break;
		case 'f':
			if ((rc = cli_format_parse("actions", optarg, &l.csv))
			    != EXIT_DONE)
				return rc;
			break;
		case 'h':
			cli_command_help("actions");
			return EXIT_DONE;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("actions", opt, argv);
		}
	}
	if (optind < argc)
		return cli_argument_fault("actions", argv[optind]);
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (cli_db_today(db, &q.today) != 0) {
		db_close(db);
		return EXIT_FAILED;
	}
	l.lay = db_role(db) == ROLE_LAY;
	if (l.csv)
		printf("id,case,meeting,agency,owner,due,done,overdue,text\n");
	else
		printf("%6s  %-10s  %-18s  %-22s  %-10s  %-7s  %s\n", "ID",
		       "Case", "Agency", "Owner", "Due", "Done", "Action");
	st = db_action_list(db, &q, &list);
	if (st == DB_OK &&
	    (ids = calloc((size_t)list.n + 1, sizeof *ids)) == NULL) {
		cli_error("actions: out of memory");
		st = DB_ERROR;
	}
	for (int i = 0; st == DB_OK && i < list.n; i++) {
		print_action(&l, &list.v[i]);
		ids[i] = list.v[i].offender_id;
	}
	/* One row for the list: who saw which cases' actions. */
	if (st == DB_OK)
		st = db_audit_consult(db, "actions.view", ids,
				      (size_t)list.n,
				      q.overdue_only ? "overdue actions"
				      : q.open_only ? "open actions"
						    : "all actions");
	if (st != DB_OK)
		cli_error("%s", db_errmsg(db));
	else if (!l.csv)
		printf("%d action%s\n", list.n, list.n == 1 ? "" : "s");
	free(ids);
	db_actions_free(&list);
	db_close(db);
	return cli_status(st);
}

int
cmd_action(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "text", required_argument, NULL, 't' },
		{ "agency", required_argument, NULL, 'a' },
		{ "owner", required_argument, NULL, 'o' },
		{ "due", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *date = NULL, *text = NULL, *agency = NULL, *owner = NULL,
		   *due = NULL, *sub;
	struct db *db;
	enum db_status st;
	int64_t id;
	mdate d = MDATE_NONE;
	int opt, rc;

	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		cli_command_help("action");
		return EXIT_DONE;
	}
	if (argc < 2 || (strcmp(argv[1], "done") != 0 &&
			 strcmp(argv[1], "drop") != 0 &&
			 strcmp(argv[1], "edit") != 0 &&
			 strcmp(argv[1], "remove") != 0))
		return cli_usage("action", "%s",
				 cli_command_usage("action"));
	sub = argv[1];
	argc--;
	argv++;
	while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		bool edit = strcmp(sub, "edit") == 0;

		switch (opt) {
		case 'd':
			if (strcmp(sub, "done") != 0 &&
			    strcmp(sub, "drop") != 0)
				return cli_usage("action", "%s: '--date': "
						 "unknown option", sub);
			date = optarg;
			if ((rc = cli_date_arg("action", "--date", date,
					       &d)) != EXIT_DONE)
				return rc;
			break;
		case 't':
		case 'a':
		case 'o':
		case 'u':
			if (!edit)
				return cli_usage("action", "%s: '%s': unknown "
						 "option", sub,
						 argv[optind - 1]);
			if (opt == 't')
				text = optarg;
			else if (opt == 'a')
				agency = optarg;
			else if (opt == 'o')
				owner = optarg;
			else
				due = optarg;
			break;
		case 'h':
			cli_command_help("action");
			return EXIT_DONE;
		default: /* '?', or ':' for a missing argument */
			return cli_option_fault("action", opt, argv);
		}
	}
	if (optind + 1 != argc)
		return cli_usage("action", "%s",
				 cli_command_usage("action"));
	if ((rc = cli_id_arg("action", NULL, argv[optind], "an action",
			     &id)) != EXIT_DONE)
		return rc;
	if (strcmp(sub, "edit") == 0 && !text && !agency && !owner && !due)
		return cli_usage("action", "edit: what? --text, --agency, "
				 "--owner or --due");
	if ((rc = cli_open(c, cli_db_path(c), 0, &db)) != EXIT_DONE)
		return rc;
	if (strcmp(sub, "done") == 0 || strcmp(sub, "drop") == 0) {
		if (date == NULL && cli_db_today(db, &d) != 0) {
			db_close(db);
			return EXIT_FAILED;
		}
		st = strcmp(sub, "done") == 0 ? db_action_done(db, id, d, NULL)
					       : db_action_drop(db, id, d, NULL);
	} else if (strcmp(sub, "edit") == 0) {
		st = db_action_edit(db, id, NULL, text, agency, owner, due);
	} else {
		st = db_action_remove(db, id, 0);
	}
	if (st != DB_OK)
		cli_error("action %s: %s", sub, db_errmsg(db));
	db_close(db);
	return cli_status(st);
}
