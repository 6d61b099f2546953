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
	[A_REFERRAL] = { CHANGING, "take a new referral: a new case and its "
				   "registration" },
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
				"release, order, notification breach, exit" },
	[A_LEVEL] = { CHANGING, "record a level change (with its reason and "
				"who decided)" },
	[A_NEXT_FIELD] = { FORMS, "the next field" },
	[A_PREV_FIELD] = { FORMS, "the previous field" },
	[A_ENTER] = { FORMS, "the next field; on the last, save" },
	[A_SAVE] = { FORMS, "save (only when every field is valid)" },
	[A_CANCEL] = { FORMS, "close without saving (asks first if you "
			      "typed anything)" },
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
	[A_RETAIN_KEEP] = { ADMIN, "keep the record until a later date, with "
				   "a justification" },
	[A_RETAIN_ERASE] = { ADMIN, "erase who the person is and every note "
				    "about them (asks first; cannot be "
				    "undone); the pseudonymous history "
				    "stays" },
	[A_MEETINGS] = { MEETINGS, "the MAPP meetings: upcoming and past, by "
				   "level and status" },
	[A_MEET_NEW] = { MEETINGS, "schedule a meeting (members and admins)" },
	[A_MEET_EDIT] = { MEETINGS, "edit the meeting's date, time, level, "
				    "chair and venue" },
	[A_MEET_MODE] = { MEETINGS, "meeting mode, for the projector: resumes "
				    "at the first case not yet discussed" },
	[A_MEET_HOLD] = { MEETINGS, "mark the meeting held (it may then be "
				    "minuted)" },
	[A_MEET_CANCEL] = { MEETINGS, "cancel the meeting (asks first)" },
	[A_MEET_WHEN] = { MEETINGS, "show upcoming meetings, past ones, or "
				    "all" },
	[A_MEET_GOTO] = { MEETINGS, "go to the first meeting on or after a "
				    "date" },
	[A_MEET_NEXT] = { MEETINGS, "the next page: statement, attendance, "
				    "each case" },
	[A_MEET_PREV] = { MEETINGS, "the page before" },
	[A_MEET_SET] = { MEETINGS, "attendance: the next of present, "
				   "apologies, report, absent; a minutes "
				   "line: edit it" },
	[A_MEET_LEVEL] = { MEETINGS, "the level decision: stay, up, down or "
				     "exit, with its reason" },
	[A_MEET_ACTION] = { MEETINGS, "a new action: what, which agency, by "
				      "when" },
	[A_MEET_DISCUSSED] = { MEETINGS, "mark the case discussed (again: not) "
					 "and go on to the next" },
	[A_AGENDA] = { MEETINGS, "the agenda builder: the cases due, overdue "
				 "first" },
	[A_AGENDA_ADD] = { MEETINGS, "put the selected proposed case on the "
				     "agenda" },
	[A_AGENDA_ADD_REF] = { MEETINGS, "put a case on the agenda by its "
					 "reference" },
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

	{ CTX_LIST, UI_FN(KEY_UP), A_UP },
	{ CTX_LIST, 'k', A_UP },
	{ CTX_LIST, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_LIST, 'j', A_DOWN },
	{ CTX_LIST, UI_FN(KEY_PPAGE), A_PAGE_UP },
	{ CTX_LIST, UI_CTRL('B'), A_PAGE_UP },
	{ CTX_LIST, UI_FN(KEY_NPAGE), A_PAGE_DOWN },
	{ CTX_LIST, UI_CTRL('F'), A_PAGE_DOWN },
	{ CTX_LIST, ' ', A_PAGE_DOWN },
	{ CTX_LIST, UI_FN(KEY_HOME), A_HOME },
	{ CTX_LIST, 'g', A_HOME },
	{ CTX_LIST, UI_FN(KEY_END), A_END },
	{ CTX_LIST, 'G', A_END },
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
	{ CTX_LIST, 'J', A_KEYDATES },

	{ CTX_ACTIONS, UI_FN(KEY_UP), A_UP },
	{ CTX_ACTIONS, 'k', A_UP },
	{ CTX_ACTIONS, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_ACTIONS, 'j', A_DOWN },
	{ CTX_ACTIONS, UI_FN(KEY_PPAGE), A_PAGE_UP },
	{ CTX_ACTIONS, UI_FN(KEY_NPAGE), A_PAGE_DOWN },
	{ CTX_ACTIONS, ' ', A_PAGE_DOWN },
	{ CTX_ACTIONS, UI_FN(KEY_HOME), A_HOME },
	{ CTX_ACTIONS, 'g', A_HOME },
	{ CTX_ACTIONS, UI_FN(KEY_END), A_END },
	{ CTX_ACTIONS, 'G', A_END },
	{ CTX_ACTIONS, 'D', A_ACTION_DONE },
	{ CTX_ACTIONS, 'o', A_FILTER_OVERDUE },
	{ CTX_ACTIONS, 'f', A_ACTION_AGENCY },
	{ CTX_ACTIONS, 'x', A_FILTER_CLEAR },

	{ CTX_SETTINGS, UI_FN(KEY_UP), A_UP },
	{ CTX_SETTINGS, 'k', A_UP },
	{ CTX_SETTINGS, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_SETTINGS, 'j', A_DOWN },
	{ CTX_SETTINGS, UI_FN(KEY_HOME), A_HOME },
	{ CTX_SETTINGS, 'g', A_HOME },
	{ CTX_SETTINGS, UI_FN(KEY_END), A_END },
	{ CTX_SETTINGS, 'G', A_END },
	{ CTX_SETTINGS, '\n', A_SETTING_EDIT },
	{ CTX_SETTINGS, '\r', A_SETTING_EDIT },
	{ CTX_SETTINGS, UI_FN(KEY_ENTER), A_SETTING_EDIT },

	{ CTX_MEETINGS, UI_FN(KEY_UP), A_UP },
	{ CTX_MEETINGS, 'k', A_UP },
	{ CTX_MEETINGS, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_MEETINGS, 'j', A_DOWN },
	{ CTX_MEETINGS, UI_FN(KEY_HOME), A_HOME },
	{ CTX_MEETINGS, 'g', A_HOME },
	{ CTX_MEETINGS, UI_FN(KEY_END), A_END },
	{ CTX_MEETINGS, 'G', A_END },
	{ CTX_MEETINGS, '\n', A_MEET_MODE },
	{ CTX_MEETINGS, '\r', A_MEET_MODE },
	{ CTX_MEETINGS, UI_FN(KEY_ENTER), A_MEET_MODE },
	{ CTX_MEETINGS, 'a', A_MEET_NEW },
	{ CTX_MEETINGS, 'e', A_MEET_EDIT },
	{ CTX_MEETINGS, 'b', A_AGENDA },
	{ CTX_MEETINGS, 'H', A_MEET_HOLD },
	{ CTX_MEETINGS, 'C', A_MEET_CANCEL },
	{ CTX_MEETINGS, 'l', A_FILTER_LEVEL },
	{ CTX_MEETINGS, 's', A_FILTER_STATUS },
	{ CTX_MEETINGS, 'w', A_MEET_WHEN },
	{ CTX_MEETINGS, '/', A_MEET_GOTO },

	{ CTX_MEETING, UI_FN(KEY_RIGHT), A_MEET_NEXT },
	{ CTX_MEETING, 'n', A_MEET_NEXT },
	{ CTX_MEETING, ' ', A_MEET_NEXT },
	{ CTX_MEETING, UI_FN(KEY_LEFT), A_MEET_PREV },
	{ CTX_MEETING, 'p', A_MEET_PREV },
	{ CTX_MEETING, UI_FN(KEY_UP), A_UP },
	{ CTX_MEETING, 'k', A_UP },
	{ CTX_MEETING, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_MEETING, 'j', A_DOWN },
	{ CTX_MEETING, '\n', A_MEET_SET },
	{ CTX_MEETING, '\r', A_MEET_SET },
	{ CTX_MEETING, UI_FN(KEY_ENTER), A_MEET_SET },
	{ CTX_MEETING, 'L', A_MEET_LEVEL },
	{ CTX_MEETING, 'a', A_MEET_ACTION },
	{ CTX_MEETING, 'd', A_MEET_DISCUSSED },
	{ CTX_MEETING, 'H', A_MEET_HOLD },
	{ CTX_MEETING, 'b', A_AGENDA },

	{ CTX_AGENDA, UI_FN(KEY_UP), A_UP },
	{ CTX_AGENDA, 'k', A_UP },
	{ CTX_AGENDA, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_AGENDA, 'j', A_DOWN },
	{ CTX_AGENDA, '\n', A_AGENDA_ADD },
	{ CTX_AGENDA, '\r', A_AGENDA_ADD },
	{ CTX_AGENDA, UI_FN(KEY_ENTER), A_AGENDA_ADD },
	{ CTX_AGENDA, '+', A_AGENDA_ADD },
	{ CTX_AGENDA, '/', A_AGENDA_ADD_REF },
	{ CTX_AGENDA, UI_FN(KEY_DC), A_AGENDA_REMOVE },
	{ CTX_AGENDA, '-', A_AGENDA_REMOVE },
	{ CTX_AGENDA, 'K', A_AGENDA_UP },
	{ CTX_AGENDA, 'J', A_AGENDA_DOWN },

	{ CTX_RECORD, UI_FN(KEY_UP), A_UP },
	{ CTX_RECORD, 'k', A_UP },
	{ CTX_RECORD, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_RECORD, 'j', A_DOWN },
	{ CTX_RECORD, UI_FN(KEY_PPAGE), A_PAGE_UP },
	{ CTX_RECORD, UI_CTRL('B'), A_PAGE_UP },
	{ CTX_RECORD, UI_FN(KEY_NPAGE), A_PAGE_DOWN },
	{ CTX_RECORD, UI_CTRL('F'), A_PAGE_DOWN },
	{ CTX_RECORD, ' ', A_PAGE_DOWN },
	{ CTX_RECORD, UI_FN(KEY_HOME), A_HOME },
	{ CTX_RECORD, 'g', A_HOME },
	{ CTX_RECORD, UI_FN(KEY_END), A_END },
	{ CTX_RECORD, 'G', A_END },
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

	{ CTX_HELP, UI_FN(KEY_UP), A_UP },
	{ CTX_HELP, 'k', A_UP },
	{ CTX_HELP, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_HELP, 'j', A_DOWN },
	{ CTX_HELP, UI_FN(KEY_PPAGE), A_PAGE_UP },
	{ CTX_HELP, UI_FN(KEY_NPAGE), A_PAGE_DOWN },
	{ CTX_HELP, ' ', A_PAGE_DOWN },
	{ CTX_HELP, UI_FN(KEY_HOME), A_HOME },
	{ CTX_HELP, 'g', A_HOME },
	{ CTX_HELP, UI_FN(KEY_END), A_END },
	{ CTX_HELP, 'G', A_END },

	{ CTX_STATS, UI_FN(KEY_UP), A_UP },
	{ CTX_STATS, 'k', A_UP },
	{ CTX_STATS, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_STATS, 'j', A_DOWN },
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
	{ CTX_STATS, UI_FN(KEY_HOME), A_HOME },
	{ CTX_STATS, 'g', A_HOME },
	{ CTX_STATS, UI_FN(KEY_END), A_END },
	{ CTX_STATS, 'G', A_END },
	{ CTX_STATS, '\n', A_CASES },
	{ CTX_STATS, '\r', A_CASES },
	{ CTX_STATS, UI_FN(KEY_ENTER), A_CASES },
	{ CTX_STATS, 't', A_CHART },

	{ CTX_AUDIT, UI_FN(KEY_UP), A_UP },
	{ CTX_AUDIT, 'k', A_UP },
	{ CTX_AUDIT, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_AUDIT, 'j', A_DOWN },
	{ CTX_AUDIT, UI_FN(KEY_PPAGE), A_PAGE_UP },
	{ CTX_AUDIT, UI_CTRL('B'), A_PAGE_UP },
	{ CTX_AUDIT, UI_FN(KEY_NPAGE), A_PAGE_DOWN },
	{ CTX_AUDIT, UI_CTRL('F'), A_PAGE_DOWN },
	{ CTX_AUDIT, ' ', A_PAGE_DOWN },
	{ CTX_AUDIT, UI_FN(KEY_HOME), A_HOME },
	{ CTX_AUDIT, 'g', A_HOME },
	{ CTX_AUDIT, UI_FN(KEY_END), A_END },
	{ CTX_AUDIT, 'G', A_END },
	{ CTX_AUDIT, '/', A_AUDIT_TEXT },
	{ CTX_AUDIT, 'u', A_AUDIT_ACTOR },
	{ CTX_AUDIT, 'a', A_AUDIT_ACTION },
	{ CTX_AUDIT, 'I', A_SORT_INVERT },
	{ CTX_AUDIT, 'x', A_FILTER_CLEAR },

	{ CTX_RETENTION, UI_FN(KEY_UP), A_UP },
	{ CTX_RETENTION, 'k', A_UP },
	{ CTX_RETENTION, UI_FN(KEY_DOWN), A_DOWN },
	{ CTX_RETENTION, 'j', A_DOWN },
	{ CTX_RETENTION, UI_FN(KEY_PPAGE), A_PAGE_UP },
	{ CTX_RETENTION, UI_CTRL('B'), A_PAGE_UP },
	{ CTX_RETENTION, UI_FN(KEY_NPAGE), A_PAGE_DOWN },
	{ CTX_RETENTION, UI_CTRL('F'), A_PAGE_DOWN },
	{ CTX_RETENTION, ' ', A_PAGE_DOWN },
	{ CTX_RETENTION, UI_FN(KEY_HOME), A_HOME },
	{ CTX_RETENTION, 'g', A_HOME },
	{ CTX_RETENTION, UI_FN(KEY_END), A_END },
	{ CTX_RETENTION, 'G', A_END },
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
	{ CTX_FORM, UI_ESC, A_CANCEL },

	{ CTX_CONFLICT, 'm', A_KEEP_MINE },
	{ CTX_CONFLICT, 't', A_TAKE_THEIRS },
	{ CTX_CONFLICT, 'e', A_EDIT_AGAIN },
	{ CTX_CONFLICT, UI_ESC, A_EDIT_AGAIN },
	{ CTX_CONFLICT, 'q', A_EDIT_AGAIN },
};
const size_t ui_nbindings = NELEM(ui_bindings);

enum ui_action
ui_lookup(enum ui_context ctx, int key)
{
	for (size_t i = 0; i < ui_nbindings; i++)
		if (ui_bindings[i].ctx == ctx && ui_bindings[i].key == key)
			return ui_bindings[i].action;
	for (size_t i = 0; i < ui_nbindings; i++)
		if (ui_bindings[i].ctx == CTX_GLOBAL &&
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
};

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

	buf[0] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		enum ui_context c = pass == 0 ? ctx : CTX_GLOBAL;

		if (pass == 1 && ctx == CTX_GLOBAL)
			break;
		for (size_t i = 0; i < ui_nbindings; i++) {
			const struct ui_binding *b = &ui_bindings[i];

			if (b->ctx != c || b->action != action)
				continue;
			/* A global key the context takes for itself is not
			 * this action's here, nor is a printable one where
			 * keys are typed into fields. */
			if (pass == 1 && (ui_lookup(ctx, b->key) != action ||
					  (ctx == CTX_FORM && b->key >= 0x20 &&
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
