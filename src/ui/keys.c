/*
 * keys.c -- the one list of actions and the one table of key bindings.
 *
 * Keys that change records (a, e, r, L) are letters no moving key uses,
 * and they ask for a role that may change records before anything opens.
 * The administration keys (A, R) ask for an admin in the same way.
 * The help screen and the hint line read these tables; nothing else
 * knows which key does what.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/util.h"
#include "ui/ui.h"

#define MOVING "Moving"
#define FINDING "Finding, sorting and filtering"
#define CHANGING "Changing records (members and admins)"
#define FORMS "Forms"
#define CONFLICT "Someone else saved first"
#define STATS "The statistics"
#define ADMIN "Administration (admins only)"
#define MEETINGS "MAPP meetings"
#define PROGRAM "The program"

const struct ui_action_info ui_actions[A_COUNT] = {
	[A_UP] = { MOVING, "up one line" },
	[A_DOWN] = { MOVING, "down one line" },
	[A_PAGE_UP] = { MOVING, "up one page" },
	[A_PAGE_DOWN] = { MOVING, "down one page" },
	[A_HOME] = { MOVING, "to the first line" },
	[A_END] = { MOVING, "to the last line" },
	[A_OPEN] = { MOVING, "open the selected case" },
	[A_SEARCH] = { FINDING, "search by reference, name (\"smith, jo\"), "
			       "PNC or CRN, as you type; Enter keeps, Esc "
			       "returns" },
	[A_SEARCH_NEXT] = { FINDING, "the next match" },
	[A_SEARCH_PREV] = { FINDING, "the previous match" },
	[A_SORT_NEXT] = { FINDING, "sort by the next column" },
	[A_SORT_PREV] = { FINDING, "sort by the previous column" },
	[A_SORT_INVERT] = { FINDING, "reverse the order" },
	[A_FILTER_CATEGORY] = { FINDING, "show one category: 1, 2, 3, 4, "
					"or all" },
	[A_FILTER_LEVEL] = { FINDING, "show one level: 1, 2, 3, or all" },
	[A_FILTER_STATUS] = { FINDING, "show current cases, in the community, "
				      "in custody, exited, or all" },
	[A_FILTER_OVERDUE] = { FINDING, "show only cases whose review is "
				       "overdue, or all" },
	[A_FILTER_CLEAR] = { FINDING, "clear the filters" },
	[A_REFERRAL] = { CHANGING, "take a new case: its registration and, at "
				   "Level 2 or 3, its referral" },
	[A_EDIT] = { CHANGING, "edit the case's identity" },
	[A_CF_RISK] = { CHANGING, "record a risk of serious harm assessment "
				  "and who is at risk" },
	[A_CF_NOTE] = { CHANGING, "add a case note (or one that corrects "
				  "another)" },
	[A_CF_OFFENCE] = { CHANGING, "record the index offence or another "
				     "relevant one" },
	[A_CF_DISCLOSURE] = { CHANGING, "record a decision to disclose, or "
					"not, to a third party" },
	[A_CF_DATES] = { CHANGING, "set the key dates: sentence, licence, "
				   "release, notification, MAPPA J sent" },
	[A_CF_SCORE] = { CHANGING, "record a scored assessment (a tool of the "
				   "setting assessment_tools)" },
	[A_CF_ORDER_END] = { CHANGING, "set when one of the case's orders "
				       "ends" },
	[A_KEYDATES] = { STATS, "MAPPA J due or overdue; releases, licences "
				"and notifications ending in the next 6 "
				"weeks (members and admins)" },
	[A_EVENT] = { CHANGING, "record an event: category, level, custody, "
				"release, order, notification breach, exit, "
				"serious further offence charge, review of "
				"notification" },
	[A_LEVEL] = { CHANGING, "record a level change (with its reason and "
				"who decided)" },
	[A_NEXT_FIELD] = { FORMS, "the next field" },
	[A_PREV_FIELD] = { FORMS, "the previous field" },
	[A_ENTER] = { FORMS, "the next field; on the last, save" },
	[A_SAVE] = { FORMS, "save (only when every field is valid)" },
	[A_CANCEL] = { FORMS, "close without saving (asks first if you "
			      "typed anything)" },
	[A_UNDO] = { FORMS, "in a text: undo the last change (again: do it "
			    "again)" },
	[A_EDIT_TEXT] = { FORMS, "a long text (notes, a reason): read and "
				 "write it whole in the text editor" },
	[A_KEEP_MINE] = { CONFLICT, "save your version over theirs" },
	[A_TAKE_THEIRS] = { CONFLICT, "keep their version, drop yours" },
	[A_EDIT_AGAIN] = { CONFLICT, "back to your form, to merge by hand" },
	[A_STATS] = { STATS, "the annual statistics: each year's tables, "
			     "each figure year on year with a bar chart, the "
			     "cases behind a figure" },
	[A_YEAR_PREV] = { STATS, "the year before" },
	[A_YEAR_NEXT] = { STATS, "the year after" },
	[A_COLUMN_PREV] = { STATS, "the figure to the left" },
	[A_COLUMN_NEXT] = { STATS, "the figure to the right" },
	[A_TABLE_PREV] = { STATS, "the table before" },
	[A_TABLE_NEXT] = { STATS, "the next table" },
	[A_CHART] = { STATS, "the table year on year, with a bar chart of "
			     "the selected figure; again, back to the year" },
	[A_CASES] = { STATS, "list the cases that make up the selected "
			     "figure" },
	[A_BOARD] = { STATS, "the board's tables: how cases moved between "
			     "levels, serious further offences, reviews of "
			     "notification; again, back to the template" },
	[A_KPI] = { STATS, "the performance indicators per quarter against "
			   "the targets, with the cases that fall short" },
	[A_AUDIT] = { ADMIN, "the audit trail: who did what, when, to which "
			     "record" },
	[A_RETENTION] = { ADMIN, "the records due for retention review: keep "
				 "or erase" },
	[A_AUDIT_ACTOR] = { ADMIN, "show only one user's rows (empty: all)" },
	[A_AUDIT_ACTION] = { ADMIN, "show only one action, or a kind of action "
				    "(\"offender\", \"retention\"; empty: "
				    "all)" },
	[A_AUDIT_TEXT] = { ADMIN, "show only rows holding a text, anywhere in "
				  "the row (empty: all)" },
	[A_AUDIT_CASE] = { ADMIN, "show only rows about one case, by reference "
				  "or pseudonym: its changes and who looked "
				  "at it (empty: all)" },
	[A_RETAIN_KEEP] = { ADMIN, "keep the record until a later date, with "
				   "a justification" },
	[A_RETAIN_ERASE] = { ADMIN, "erase who the person is and every note "
				    "about them (asks first; cannot be "
				    "undone); the pseudonymous history "
				    "stays" },
	[A_MEETINGS] = { MEETINGS, "the MAPP meetings: upcoming and past, by "
				   "level and status" },
	[A_REFERRALS] = { CHANGING, "the pending referrals, overdue first: "
				    "accept, decline, withdraw" },
	[A_REF_ACCEPT] = { CHANGING, "accept the referral (the meeting that "
				     "decided)" },
	[A_REF_DECLINE] = { CHANGING, "decline the referral (the meeting that "
				      "decided)" },
	[A_REF_WITHDRAW] = { CHANGING, "withdraw the referral (asks first)" },
	[A_MEET_NEW] = { MEETINGS, "schedule a meeting (members and admins)" },
	[A_MEET_EDIT] = { MEETINGS, "edit the meeting's date, time, level, "
				    "chair and venue" },
	[A_MEET_MODE] = { MEETINGS, "meeting mode, for the projector: resumes "
				    "at the first case not yet discussed" },
	[A_MEET_HOLD] = { MEETINGS, "mark the meeting held, on or after its "
				    "date (asks first; it may then be "
				    "minuted)" },
	[A_MEET_CANCEL] = { MEETINGS, "cancel the meeting (asks first)" },
	[A_MEET_REOPEN] = { MEETINGS, "(admins) reopen a held meeting, with "
				      "the reason, kept in the audit trail" },
	[A_MEET_WHEN] = { MEETINGS, "show upcoming meetings, past ones, or "
				    "all" },
	[A_MEET_GOTO] = { MEETINGS, "go to the first meeting on or after a "
				    "date" },
	[A_MEET_NEXT] = { MEETINGS, "the next page: statement, attendance, "
				    "each case" },
	[A_MEET_PREV] = { MEETINGS, "the page before" },
	[A_MEET_SET] = { MEETINGS, "attendance: the next of present, "
				   "apologies, report, absent; a heading of "
				   "the minutes: edit its text in place" },
	[A_MEET_LEVEL] = { MEETINGS, "the level decision: stay, up or down "
				     "one level, to a named level, or exit "
				     "(its kind from a list), with its reason; "
				     "a recorded one is replaced only on a "
				     "yes" },
	[A_MEET_ACTION] = { MEETINGS, "a new action: what, which agency, by "
				      "when" },
	[A_MEET_DISCUSSED] = { MEETINGS, "mark the case discussed and go on to "
					 "the next (asks first when no level "
					 "decision is recorded)" },
	[A_MEET_UNDISCUSS] = { MEETINGS, "mark the case not discussed (asks "
					 "first)" },
	[A_AGENDA] = { MEETINGS, "the agenda builder: the cases due, overdue "
				 "first" },
	[A_AGENDA_ADD] = { MEETINGS, "put the selected proposed case on the "
				     "agenda" },
	[A_AGENDA_ADD_REF] = { MEETINGS, "put a case on the agenda by its "
					 "reference, for a reason (initial "
					 "when a referral is pending)" },
	[A_AGENDA_ADD_ALL] = { MEETINGS, "put every proposed case on the "
					 "agenda" },
	[A_AGENDA_REMOVE] = { MEETINGS, "take the selected case off the "
					"agenda" },
	[A_AGENDA_UP] = { MEETINGS, "move the selected case up the agenda" },
	[A_AGENDA_DOWN] = { MEETINGS, "move the selected case down the "
				      "agenda" },
	[A_ACTIONS] = { MEETINGS, "the open actions by agency and owner, "
				  "overdue marked" },
	[A_ACTION_DONE] = { MEETINGS, "mark the selected action done today "
				      "(members and admins)" },
	[A_ACTION_AGENCY] = { MEETINGS, "show one owner agency's actions "
					"(empty: all)" },
	[A_SETTINGS] = { ADMIN, "the area's settings: name, review "
				"intervals, meeting days, KPI targets" },
	[A_SETTING_EDIT] = { ADMIN, "change the selected setting" },
	[A_MEET_PEOPLE] = { MEETINGS, "the people at the meeting: name, "
				      "agency and role" },
	[A_MEET_OVERVIEW] = { MEETINGS, "the agenda at a glance: each case's "
					"state; Enter goes to one" },
	[A_MEET_GOTO_CASE] = { MEETINGS, "go to case number N" },
	[A_MEET_RECORD] = { MEETINGS, "the case's full record (Esc comes "
				      "back)" },
	[A_MEET_ACTIONS] = { MEETINGS, "the case's actions at this meeting "
				       "(edit, remove) and the open ones of "
				       "earlier meetings (done, carried "
				       "forward, dropped)" },
	[A_PERSON_ROLE] = { MEETINGS, "the selected person's next role "
				      "(present, apologies, report, guest); "
				      "one from an earlier meeting: add as "
				      "present" },
	[A_PERSON_ADD] = { MEETINGS, "add a person: name, agency, role" },
	[A_ROW_REMOVE] = { MEETINGS, "remove the selected person or action "
				     "(asks first)" },
	[A_CASE_GOTO] = { MEETINGS, "go to the selected case" },
	[A_CASE_NUMBER] = { MEETINGS, "go to case number N" },
	[A_ACTION_EDIT] = { MEETINGS, "change the selected action: wording, "
				      "owner agency, owner, due date" },
	[A_ACTION_CARRY] = { MEETINGS, "carry the selected open action of an "
				       "earlier meeting forward to a new due "
				       "date" },
	[A_ACTION_DROP] = { MEETINGS, "drop the selected open action of an "
				      "earlier meeting (asks first; kept, "
				      "recorded as dropped today)" },
	[A_MEET_APPROVE] = { MEETINGS, "the chair approves the minutes (asks "
				       "first); approved: reopen them as the "
				       "next version" },
	[A_BACK] = { PROGRAM, "go back" },
	[A_QUIT] = { PROGRAM, "go back; on the register, quit" },
	[A_HELP] = { PROGRAM, "this help" },
	[A_REDRAW] = { PROGRAM, "redraw the screen" },
};

const struct ui_binding ui_bindings[] = {
	/* Everywhere, unless a screen binds the key itself. */
	{ CTX_GLOBAL, 'q', A_QUIT },
	{ CTX_GLOBAL, UI_ESC, A_BACK },
	{ CTX_GLOBAL, '?', A_HELP },
	{ CTX_GLOBAL, UI_FN(KEY_F(1)), A_HELP },
	{ CTX_GLOBAL, UI_CTRL('L'), A_REDRAW },

	/* The moves, on every screen that moves through rows or lines
	 * (ui_context_moves()), unless it binds the key itself. */
	{ CTX_MOVE, UI_FN(KEY_UP), A_UP },
	{ CTX_MOVE, 'k', A_UP },
	{ CTX_MOVE, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_MOVE, 'j', A_DOWN },
	{ CTX_MOVE, UI_FN(KEY_PPAGE), A_PAGE_UP },
	{ CTX_MOVE, UI_CTRL('B'), A_PAGE_UP },
	{ CTX_MOVE, UI_FN(KEY_NPAGE), A_PAGE_DOWN },
	{ CTX_MOVE, UI_CTRL('F'), A_PAGE_DOWN },
	{ CTX_MOVE, ' ', A_PAGE_DOWN },
	{ CTX_MOVE, UI_FN(KEY_HOME), A_HOME },
	{ CTX_MOVE, 'g', A_HOME },
	{ CTX_MOVE, UI_FN(KEY_END), A_END },
	{ CTX_MOVE, 'G', A_END },

	{ CTX_LIST, '\n', A_OPEN },
	{ CTX_LIST, '\r', A_OPEN },
	{ CTX_LIST, UI_FN(KEY_ENTER), A_OPEN },
	{ CTX_LIST, '/', A_SEARCH },
	{ CTX_LIST, 'n', A_SEARCH_NEXT },
	{ CTX_LIST, 'N', A_SEARCH_PREV },
	{ CTX_LIST, '>', A_SORT_NEXT },
	{ CTX_LIST, '<', A_SORT_PREV },
	{ CTX_LIST, 'I', A_SORT_INVERT },
	{ CTX_LIST, 'c', A_FILTER_CATEGORY },
	{ CTX_LIST, 'l', A_FILTER_LEVEL },
	{ CTX_LIST, 's', A_FILTER_STATUS },
	{ CTX_LIST, 'o', A_FILTER_OVERDUE },
	{ CTX_LIST, 'x', A_FILTER_CLEAR },
	{ CTX_LIST, 'a', A_REFERRAL },
	{ CTX_LIST, 'e', A_EDIT },
	{ CTX_LIST, 'r', A_EVENT },
	{ CTX_LIST, 'L', A_LEVEL },
	{ CTX_LIST, 'S', A_STATS },
	{ CTX_LIST, 'K', A_KPI },
	{ CTX_LIST, 'A', A_AUDIT },
	{ CTX_LIST, 'R', A_RETENTION },
	{ CTX_LIST, 'M', A_MEETINGS },
	{ CTX_LIST, 'O', A_ACTIONS },
	{ CTX_LIST, 'C', A_SETTINGS },
	{ CTX_LIST, 'P', A_REFERRALS },

	{ CTX_REFERRALS, 'a', A_REF_ACCEPT },
	{ CTX_REFERRALS, 'd', A_REF_DECLINE },
	{ CTX_REFERRALS, 'w', A_REF_WITHDRAW },
	{ CTX_LIST, 'J', A_KEYDATES },

	{ CTX_ACTIONS, 'D', A_ACTION_DONE },
	{ CTX_ACTIONS, 'o', A_FILTER_OVERDUE },
	{ CTX_ACTIONS, 'f', A_ACTION_AGENCY },
	{ CTX_ACTIONS, 'x', A_FILTER_CLEAR },

	{ CTX_SETTINGS, '\n', A_SETTING_EDIT },
	{ CTX_SETTINGS, '\r', A_SETTING_EDIT },
	{ CTX_SETTINGS, UI_FN(KEY_ENTER), A_SETTING_EDIT },

	{ CTX_MEETINGS, '\n', A_MEET_MODE },
	{ CTX_MEETINGS, '\r', A_MEET_MODE },
	{ CTX_MEETINGS, UI_FN(KEY_ENTER), A_MEET_MODE },
	{ CTX_MEETINGS, 'a', A_MEET_NEW },
	{ CTX_MEETINGS, 'e', A_MEET_EDIT },
	{ CTX_MEETINGS, 'b', A_AGENDA },
	{ CTX_MEETINGS, 'H', A_MEET_HOLD },
	{ CTX_MEETINGS, 'C', A_MEET_CANCEL },
	{ CTX_MEETINGS, 'R', A_MEET_REOPEN },
	{ CTX_MEETINGS, 'l', A_FILTER_LEVEL },
	{ CTX_MEETINGS, 's', A_FILTER_STATUS },
	{ CTX_MEETINGS, 'w', A_MEET_WHEN },
	{ CTX_MEETINGS, '/', A_MEET_GOTO },

	{ CTX_MEETING, UI_FN(KEY_RIGHT), A_MEET_NEXT },
	{ CTX_MEETING, 'n', A_MEET_NEXT },
	{ CTX_MEETING, ' ', A_MEET_NEXT },
	{ CTX_MEETING, UI_FN(KEY_LEFT), A_MEET_PREV },
	{ CTX_MEETING, 'p', A_MEET_PREV },
	{ CTX_MEETING, '\n', A_MEET_SET },
	{ CTX_MEETING, '\r', A_MEET_SET },
	{ CTX_MEETING, UI_FN(KEY_ENTER), A_MEET_SET },
	{ CTX_MEETING, 'L', A_MEET_LEVEL },
	{ CTX_MEETING, 'a', A_MEET_ACTION },
	{ CTX_MEETING, 'd', A_MEET_DISCUSSED },
	{ CTX_MEETING, 'U', A_MEET_UNDISCUSS },
	{ CTX_MEETING, 'H', A_MEET_HOLD },
	{ CTX_MEETING, 'b', A_AGENDA },
	{ CTX_MEETING, 'P', A_MEET_PEOPLE },
	{ CTX_MEETING, 'o', A_MEET_OVERVIEW },
	{ CTX_MEETING, 'g', A_MEET_GOTO_CASE },
	{ CTX_MEETING, 'c', A_MEET_RECORD },
	{ CTX_MEETING, 'A', A_MEET_ACTIONS },
	{ CTX_MEETING, 'Y', A_MEET_APPROVE },

	{ CTX_PEOPLE, '\n', A_PERSON_ROLE },
	{ CTX_PEOPLE, '\r', A_PERSON_ROLE },
	{ CTX_PEOPLE, UI_FN(KEY_ENTER), A_PERSON_ROLE },
	{ CTX_PEOPLE, 'a', A_PERSON_ADD },
	{ CTX_PEOPLE, '-', A_ROW_REMOVE },
	{ CTX_PEOPLE, UI_FN(KEY_DC), A_ROW_REMOVE },

	{ CTX_OVERVIEW, '\n', A_CASE_GOTO },
	{ CTX_OVERVIEW, '\r', A_CASE_GOTO },
	{ CTX_OVERVIEW, UI_FN(KEY_ENTER), A_CASE_GOTO },
	{ CTX_OVERVIEW, 'g', A_CASE_NUMBER },

	{ CTX_CASE_ACTIONS, 'e', A_ACTION_EDIT },
	{ CTX_CASE_ACTIONS, '\n', A_ACTION_EDIT },
	{ CTX_CASE_ACTIONS, '\r', A_ACTION_EDIT },
	{ CTX_CASE_ACTIONS, UI_FN(KEY_ENTER), A_ACTION_EDIT },
	{ CTX_CASE_ACTIONS, '-', A_ROW_REMOVE },
	{ CTX_CASE_ACTIONS, 'D', A_ACTION_DONE },
	{ CTX_CASE_ACTIONS, 'F', A_ACTION_CARRY },
	{ CTX_CASE_ACTIONS, 'X', A_ACTION_DROP },
	{ CTX_CASE_ACTIONS, UI_FN(KEY_DC), A_ROW_REMOVE },

	{ CTX_AGENDA, '\n', A_AGENDA_ADD },
	{ CTX_AGENDA, '\r', A_AGENDA_ADD },
	{ CTX_AGENDA, UI_FN(KEY_ENTER), A_AGENDA_ADD },
	{ CTX_AGENDA, '+', A_AGENDA_ADD },
	{ CTX_AGENDA, '/', A_AGENDA_ADD_REF },
	{ CTX_AGENDA, 'A', A_AGENDA_ADD_ALL },
	{ CTX_AGENDA, UI_FN(KEY_DC), A_AGENDA_REMOVE },
	{ CTX_AGENDA, '-', A_AGENDA_REMOVE },
	{ CTX_AGENDA, 'K', A_AGENDA_UP },
	{ CTX_AGENDA, 'J', A_AGENDA_DOWN },

	{ CTX_RECORD, 'e', A_EDIT },
	{ CTX_RECORD, 'r', A_EVENT },
	{ CTX_RECORD, 'L', A_LEVEL },
	{ CTX_RECORD, 'R', A_CF_RISK },
	{ CTX_RECORD, 'n', A_CF_NOTE },
	{ CTX_RECORD, 'o', A_CF_OFFENCE },
	{ CTX_RECORD, 'D', A_CF_DISCLOSURE },
	{ CTX_RECORD, 'd', A_CF_DATES },
	{ CTX_RECORD, 's', A_CF_SCORE },
	{ CTX_RECORD, 'E', A_CF_ORDER_END },


	{ CTX_STATS, UI_FN(KEY_LEFT), A_YEAR_PREV },
	{ CTX_STATS, 'h', A_YEAR_PREV },
	{ CTX_STATS, UI_FN(KEY_RIGHT), A_YEAR_NEXT },
	{ CTX_STATS, 'l', A_YEAR_NEXT },
	{ CTX_STATS, '\t', A_COLUMN_NEXT },
	{ CTX_STATS, UI_FN(KEY_BTAB), A_COLUMN_PREV },
	{ CTX_STATS, UI_FN(KEY_PPAGE), A_TABLE_PREV },
	{ CTX_STATS, UI_CTRL('B'), A_TABLE_PREV },
	{ CTX_STATS, UI_FN(KEY_NPAGE), A_TABLE_NEXT },
	{ CTX_STATS, UI_CTRL('F'), A_TABLE_NEXT },
	{ CTX_STATS, ' ', A_TABLE_NEXT },
	{ CTX_STATS, '\n', A_CASES },
	{ CTX_STATS, '\r', A_CASES },
	{ CTX_STATS, UI_FN(KEY_ENTER), A_CASES },
	{ CTX_STATS, 't', A_CHART },
	{ CTX_STATS, 'b', A_BOARD },

	{ CTX_AUDIT, '/', A_AUDIT_TEXT },
	{ CTX_AUDIT, 'u', A_AUDIT_ACTOR },
	{ CTX_AUDIT, 'a', A_AUDIT_ACTION },
	{ CTX_AUDIT, 'c', A_AUDIT_CASE },
	{ CTX_AUDIT, 'I', A_SORT_INVERT },
	{ CTX_AUDIT, 'x', A_FILTER_CLEAR },

	{ CTX_RETENTION, 'K', A_RETAIN_KEEP },
	{ CTX_RETENTION, 'E', A_RETAIN_ERASE },

	{ CTX_FORM, '\t', A_NEXT_FIELD },
	{ CTX_FORM, UI_FN(KEY_DOWN), A_NEXT_FIELD },
	{ CTX_FORM, UI_FN(KEY_BTAB), A_PREV_FIELD },
	{ CTX_FORM, UI_FN(KEY_UP), A_PREV_FIELD },
	{ CTX_FORM, '\n', A_ENTER },
	{ CTX_FORM, '\r', A_ENTER },
	{ CTX_FORM, UI_FN(KEY_ENTER), A_ENTER },
	{ CTX_FORM, UI_FN(KEY_F(2)), A_SAVE },
	{ CTX_FORM, UI_CTRL('X'), A_SAVE },
	{ CTX_FORM, UI_FN(KEY_F(4)), A_EDIT_TEXT },
	{ CTX_FORM, UI_FN(KEY_NPAGE), A_PAGE_DOWN },
	{ CTX_FORM, UI_FN(KEY_PPAGE), A_PAGE_UP },
	{ CTX_FORM, UI_ESC, A_CANCEL },

	/* A text being edited (editor.h): every other key edits it. */
	{ CTX_EDITOR, UI_FN(KEY_F(2)), A_SAVE },
	{ CTX_EDITOR, UI_CTRL('X'), A_SAVE },
	{ CTX_EDITOR, UI_ESC, A_CANCEL },
	{ CTX_EDITOR, UI_CTRL('_'), A_UNDO },

	{ CTX_CONFLICT, 'm', A_KEEP_MINE },
	{ CTX_CONFLICT, 't', A_TAKE_THEIRS },
	{ CTX_CONFLICT, 'e', A_EDIT_AGAIN },
	{ CTX_CONFLICT, UI_ESC, A_EDIT_AGAIN },
	{ CTX_CONFLICT, 'q', A_EDIT_AGAIN },
};
const size_t ui_nbindings = NELEM(ui_bindings);

bool
ui_context_moves(enum ui_context ctx)
{
	return ctx != CTX_GLOBAL && ctx != CTX_FORM && ctx != CTX_CONFLICT &&
	       ctx != CTX_EDITOR && ctx != CTX_MOVE;
}

/* The contexts whose bindings apply in CTX, nearest first; their count. */
static int
chain(enum ui_context ctx, enum ui_context c[3])
{
	int n = 0;

	c[n++] = ctx;
	if (ui_context_moves(ctx))
		c[n++] = CTX_MOVE;
	if (ctx != CTX_GLOBAL)
		c[n++] = CTX_GLOBAL;
	return n;
}

enum ui_action
ui_lookup(enum ui_context ctx, int key)
{
	enum ui_context c[3];
	int n = chain(ctx, c);

	for (int k = 0; k < n; k++)
		for (size_t i = 0; i < ui_nbindings; i++)
			if (ui_bindings[i].ctx == c[k] &&
			    ui_bindings[i].key == key)
				return ui_bindings[i].action;
	return A_NONE;
}

static const struct {
	int key;
	const char *name;
} key_names[] = {
	{ UI_FN(KEY_UP), "Up" },       { UI_FN(KEY_DOWN), "Down" },
	{ UI_FN(KEY_LEFT), "Left" },   { UI_FN(KEY_RIGHT), "Right" },
	{ UI_FN(KEY_PPAGE), "PgUp" },  { UI_FN(KEY_NPAGE), "PgDn" },
	{ UI_FN(KEY_HOME), "Home" },   { UI_FN(KEY_END), "End" },
	{ UI_FN(KEY_ENTER), "Enter" }, { UI_FN(KEY_BTAB), "Shift-Tab" },
	{ UI_FN(KEY_BACKSPACE), "Backspace" }, { UI_FN(KEY_DC), "Delete" },
	{ UI_FN(KEY_RESIZE), "resize" },
	{ '\n', "Enter" },             { '\r', "Enter" },
	{ '\t', "Tab" },               { ' ', "Space" },
	{ UI_ESC, "Esc" },             { 0x7f, "Backspace" },
	{ UI_FN(KEY_IC), "Insert" },
	{ UI_FN(UI_KEY_WORD_LEFT), "Ctrl-Left" },
	{ UI_FN(UI_KEY_WORD_RIGHT), "Ctrl-Right" },
	{ UI_FN(UI_KEY_TEXT_START), "Ctrl-Home" },
	{ UI_FN(UI_KEY_TEXT_END), "Ctrl-End" },
};

/* What xterm and the terminals modelled on it (kitty, alacritty, foot,
 * the Linux console, PuTTY, tmux, screen) send, whatever TERM says. */
static const struct {
	const char *seq;
	int key;
} xterm_keys[] = {
	{ "\033[A", KEY_UP },     { "\033OA", KEY_UP },
	{ "\033[B", KEY_DOWN },   { "\033OB", KEY_DOWN },
	{ "\033[C", KEY_RIGHT },  { "\033OC", KEY_RIGHT },
	{ "\033[D", KEY_LEFT },   { "\033OD", KEY_LEFT },
	{ "\033[H", KEY_HOME },   { "\033OH", KEY_HOME },
	{ "\033[1~", KEY_HOME },  { "\033[7~", KEY_HOME },
	{ "\033[F", KEY_END },    { "\033OF", KEY_END },
	{ "\033[4~", KEY_END },   { "\033[8~", KEY_END },
	{ "\033[2~", KEY_IC },    { "\033[3~", KEY_DC },
	{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[Z", KEY_BTAB },   { "\033OM", KEY_ENTER },
	{ "\033OP", KEY_F(1) },   { "\033OQ", KEY_F(2) },
	{ "\033OR", KEY_F(3) },   { "\033OS", KEY_F(4) },
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
	{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
	{ "\033[[A", KEY_F(1) },  { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) },  { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },
	{ "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) },
	{ "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
	{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) },
	{ "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
	{ "\033[1;5D", UI_KEY_WORD_LEFT }, { "\033[1;5C", UI_KEY_WORD_RIGHT },
	{ "\033[1;3D", UI_KEY_WORD_LEFT }, { "\033[1;3C", UI_KEY_WORD_RIGHT },
	{ "\033[5D", UI_KEY_WORD_LEFT },   { "\033[5C", UI_KEY_WORD_RIGHT },
	{ "\033Od", UI_KEY_WORD_LEFT },    { "\033Oc", UI_KEY_WORD_RIGHT },
	{ "\033[1;5H", UI_KEY_TEXT_START }, { "\033[1;5F", UI_KEY_TEXT_END },
	{ "\033[7^", UI_KEY_TEXT_START },   { "\033[8^", UI_KEY_TEXT_END },
	{ "\033[200~", UI_KEY_PASTE_BEGIN }, { "\033[201~", UI_KEY_PASTE_END },
};

/* Codes the terminfo entry gives to sequences of the table above, and
 * the key each sequence means there. */
static struct {
	int from, to;
} aliases[NELEM(xterm_keys)];
static size_t naliases;

void
ui_keys_setup(void)
{
	naliases = 0;
	for (size_t i = 0; i < NELEM(xterm_keys); i++) {
		int have = key_defined(xterm_keys[i].seq);
		bool known = false;

		if (have == 0) {
			define_key(xterm_keys[i].seq, xterm_keys[i].key);
			continue;
		}
		/* -1: a prefix of another key, left alone; the same code:
		 * nothing to do. */
		if (have < 0 || have == xterm_keys[i].key)
			continue;
		for (size_t j = 0; j < naliases; j++)
			known |= aliases[j].from == have;
		if (!known) {
			aliases[naliases].from = have;
			aliases[naliases++].to = xterm_keys[i].key;
		}
	}
}

int
ui_key_translate(int key)
{
	for (size_t i = 0; i < naliases; i++)
		if (aliases[i].from == key)
			return aliases[i].to;
	return key;
}

const char *
ui_key_name(int key, char *buf, size_t n)
{
	for (size_t i = 0; i < NELEM(key_names); i++) {
		if (key_names[i].key == key) {
			str_copy(buf, key_names[i].name, n);
			return buf;
		}
	}
	if (key & UI_KEY_FN) {
		int k = key & ~UI_KEY_FN;

		if (k >= KEY_F(1) && k <= KEY_F(24))
			snprintf(buf, n, "F%d", k - KEY_F(0));
		else
			snprintf(buf, n, "key %d", k);
	} else if (key < 0x20) {
		snprintf(buf, n, "Ctrl-%c", key + '@');
	} else if (key < 0x7f) {
		snprintf(buf, n, "%c", key);
	} else {
		snprintf(buf, n, "U+%04X", (unsigned)key);
	}
	return buf;
}

/* Whether the space-separated list LIST holds WORD. */
static bool
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; (p = strstr(p, word)) != NULL; p++)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

void
ui_keys_of(enum ui_context ctx, enum ui_action action, bool first, char *buf,
	   size_t n)
{
	char name[32];
	size_t len = 0;

	enum ui_context chained[3];
	int passes = chain(ctx, chained);

	buf[0] = '\0';
	for (int pass = 0; pass < passes; pass++) {
		enum ui_context c = chained[pass];

		for (size_t i = 0; i < ui_nbindings; i++) {
			const struct ui_binding *b = &ui_bindings[i];

			if (b->ctx != c || b->action != action)
				continue;
			/* An inherited key the context takes for itself is
			 * not this action's here, nor is a printable one
			 * where keys are typed into fields. */
			if (pass > 0 && (ui_lookup(ctx, b->key) != action ||
					  ((ctx == CTX_FORM || ctx == CTX_EDITOR) &&
					   b->key >= 0x20 &&
					   b->key < 0x7f)))
				continue;
			ui_key_name(b->key, name, sizeof name);
			if (has_word(buf, name))
				continue; /* "Enter" for \n and \r */
			if (len && len + 1 < n)
				buf[len++] = ' ', buf[len] = '\0';
			len += str_copy(buf + len, name, n - len);
			if (len >= n)
				len = n - 1;
			if (first)
				return;
		}
	}
}
