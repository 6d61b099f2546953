#!/bin/sh
# tui_meetings.sh -- a MAPP meeting run on the screens (issue 7), as a
# coordinator and a chair run it: the real binary on the demo area in a
# private tmux server.  Schedule a meeting through the form, build its
# agenda (a case added by reference), hold it, record attendance, raise
# the case to Level 3 with a reason, minute the decision, agree an
# action and the next review, mark it discussed; both edit the decision
# at once, and the second is shown the collision with its text kept; a second session on the
# same meeting shows the first one's saves without a key pressed; leaving
# and coming back resumes at the case.  Then the command line: the
# minutes show the decision and its reason, the export the level event,
# the 2011-12 statistics one more case at Level 3.  The actions screen
# shows the action overdue and marks it done; the settings list.  Last, a
# lay adviser sees the meetings without chairs or any name and the
# actions without wording, and is refused meeting mode and the settings.  Every wait is a bounded poll of the screen.
. "${top_srcdir:-.}/tests/lib.sh"

. "${top_srcdir:-.}/tests/tui_lib.sh"
# Sessions of 120x40, not waited for as they start.
TUI_SIZE=120x40 TUI_READY=
typed() { type_text "$@"; }
MAPPA_HOLIDAYS=$top_srcdir/data/bank-holidays.txt
export MAPPA_HOLIDAYS
tui_env "MAPPA_HOLIDAYS=$MAPPA_HOLIDAYS"

expect 0 "$MAPPA" --db "$DB" demo

# A Level 2 case in the community, neither changed nor met since
# February 2012 (as cli_meetings.sh picks it).
REF=$(sql "SELECT o.ref FROM offenders o WHERE o.level = 2 AND o.category = 1 AND o.status = 'community' AND (SELECT max(date) FROM events e WHERE e.offender_id = o.id) < '2012-03-01' AND NOT EXISTS (SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.offender_id = o.id AND m.date >= '2012-03-01') ORDER BY o.ref LIMIT 1")
[ -n "$REF" ] && ok || fail "no Level 2 case to raise"
SURNAME=$(sql "SELECT surname FROM offenders WHERE ref = '$REF'")
expect 0 "$MAPPA" --db "$DB" stats --year 2011-12 --format csv
L3_BEFORE=$(grep '^eligible_snapshot,level3,cat1,' "$T/out" | cut -d, -f4)

# --- the coordinator schedules the meeting -------------------------------
start a
wait_for a "Register"
keys a M
wait_for a "MAPP meetings:"
keys a a
wait_for a "Schedule a MAPP meeting"
# The form invites as `meeting add` without --invite does (core/agenda.c).
wait_for a "adult_services health mental_health housing"
keys a C-u
typed a "2012-03-22"
keys a Tab
typed a "14:00"
keys a Tab Right Tab
typed a "DCI Maud Testchair"
keys a Tab
typed a "Room 7"
keys a Tab C-u
typed a "police probation housing"
keys a C-x
wait_for a "saved: Level 3 on 2012-03-22"
M=$(sql "SELECT id FROM meetings WHERE date = '2012-03-22' AND venue = 'Room 7'")
[ -n "$M" ] && ok || fail "the meeting is not stored"
[ "$(sql "SELECT level || ' ' || time || ' ' || status FROM meetings WHERE id = '$M'")" = "3 14:00 scheduled" ] &&
	ok || fail "the meeting as stored: $(sql "SELECT * FROM meetings WHERE id = '$M'")"
wait_for a "Room 7"

# An edit is one write: when inviting an agency fails (a trigger stands
# in for a full disk), the new venue is not saved either, and the form
# keeps it.
sql "CREATE TRIGGER test_full BEFORE INSERT ON meeting_agencies WHEN NEW.agency = 'em' BEGIN SELECT RAISE(ABORT, 'the disk is full'); END;"
keys a e
wait_for a "Meeting $M, scheduled"
keys a Tab Tab Tab Tab C-u
typed a "Room 12"
keys a Tab End
typed a " em"
keys a C-x
wait_for a "Not saved:"
wait_for a "Room 12"
[ "$(sql "SELECT venue FROM meetings WHERE id = $M")" = "Room 7" ] && ok ||
	fail "a meeting edit that was not saved changed the venue to: $(sql "SELECT venue FROM meetings WHERE id = $M")"
sql "DROP TRIGGER test_full"
keys a Escape
wait_for a "lose what you typed?"
keys a y
wait_for a "MAPP meetings:"

# --- its agenda: the case, by its reference ------------------------------
keys a b
wait_for a "Agenda of meeting $M"
keys a /
wait_for a "Case reference:"
typed a "$REF"
keys a Enter
# The reason asked, review offered (no referral pending); a Level 2
# case at a Level 3 meeting goes on only when the person says so.
wait_for a "Reason for $REF"
keys a Enter
wait_for a "the case is at Level 2, not 3. Add it anyway? (y/n)"
keys a y
wait_for a "$REF added to the agenda (review)."
wait_for a "ON THE AGENDA"
keys a Escape
wait_for a "MAPP meetings:"

# --- held; meeting mode -----------------------------------------------------
keys a H
wait_for a "Mark meeting $M of 2012-03-22 held?"
keys a y
wait_for a "is held: it may be minuted."
keys a Enter
wait_for a "CONFIDENTIALITY AND DIVERSITY"
wait_for a "0 of 1 discussed"
keys a Right
wait_for a "ATTENDANCE BY AGENCY"
keys a Enter
keys a Down Enter
keys a Down Enter
wait_for a "present"
keys a Enter
i=0
while [ $i -lt "$(ticks 100)" ] &&
      [ "$(sql "SELECT attendance FROM meeting_agencies WHERE meeting_id = $M AND agency = 'housing'")" != apologies ]; do
	i=$((i + 1)); sleep 0.1
done
[ "$(sql "SELECT agency || ':' || attendance FROM meeting_agencies WHERE meeting_id = $M ORDER BY agency" | tr '\n' ' ')" = "housing:apologies police:present probation:present " ] &&
	ok || fail "attendance: $(sql "SELECT agency, attendance FROM meeting_agencies WHERE meeting_id = $M")"

# A second person (the coordinator's desk) on the same meeting.
start b
wait_for b "Register"
keys b M
wait_for b "MAPP meetings:"
keys b /
wait_for b "Go to the date"
typed b "2012-03-22"
keys b Enter
wait_for b "Room 7"
keys b Enter
wait_for b "Meeting $M"

keys a Right
wait_for a "CASE 1 OF 1"
wait_for a "$REF"
keys b Right Right
wait_for b "CASE 1 OF 1"

# A decision begun, then the case changes under it (an event imported):
# the decision is refused, says so, and nothing is written.
REASON="Threats to a named victim reported by the police"
keys a L
wait_for a "Level decision, now Level 2 (stay"
typed a "up 3"
keys a Enter
wait_for a "Reason"
printf 'ref,date,event,category,level,kind,note\n%s,2012-03-01,notification_breach,,,caution,\n' "$REF" >"$T/breach.csv"
expect 0 "$MAPPA" --db "$DB" import --events "$T/breach.csv"
typed a "$REASON"
keys a Enter
wait_for a "NOT RECORDED: the case changed meanwhile (now Level 2, community)."
[ "$(sql "SELECT level FROM offenders WHERE ref = '$REF'")" = 2 ] && ok ||
	fail "a decision over an unseen change was recorded"
[ "$(sql "SELECT count(*) FROM events e JOIN offenders o ON o.id = e.offender_id WHERE o.ref = '$REF' AND e.type = 'level' AND e.date = '2012-03-22'")" = 0 ] && ok ||
	fail "a level event was written over an unseen change"
# Decided again on the case as it now is: the decision and its reason
# come back as typed; here Esc drops them.
wait_for a "2012-03-01  notification breach: caution"
wait_for a "Level decision, now Level 2 (stay, up, down, to N, exit):up 3"
keys a Enter
wait_for a "Reason for up to Level 3 (kept on the level event):$REASON"
keys a Escape
wait_for a "LEVEL DECISION: not yet made"

# The level decision: up to 3, with its reason.  The first try fails
# (a trigger stands in for a full disk): nothing is written, and the
# reason typed opens again on the line; the second is recorded.
sql "CREATE TRIGGER no_level BEFORE INSERT ON events WHEN NEW.type = 'level' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
keys a L
wait_for a "Level decision, now Level 2 (stay"
typed a "up 3"
keys a Enter
wait_for a "Reason"
typed a "$REASON"
keys a Enter
wait_for a "NOT RECORDED:"
wait_for a "Reason for up to Level 3 (kept on the level event):"
wait_for a "$REASON"
[ "$(sql "SELECT level FROM offenders WHERE ref = '$REF'")" = 2 ] && ok ||
	fail "a failed level decision changed the case"
sql "DROP TRIGGER no_level"
keys a Enter
wait_for a "Level decision recorded: up to Level 3 (the level event is written)"
[ "$(sql "SELECT note FROM events e JOIN offenders o ON o.id = e.offender_id WHERE o.ref = '$REF' AND e.type = 'level' AND e.date = '2012-03-22'")" = "$REASON" ] && ok ||
	fail "the reason kept on the line was not the one recorded"
wait_for a "LEVEL DECISION: up"
[ "$(sql "SELECT level FROM offenders WHERE ref = '$REF'")" = 3 ] && ok ||
	fail "the case is not at Level 3"

# The decision, minuted in place (F2 or Ctrl-X saves); the other session
# shows it unprompted.
keys a Enter
wait_for a "Decision: editing"
typed a "Raise to Level 3 with immediate effect"
keys a C-x
wait_for a "Decision saved."
wait_for b "Raise to Level 3 with immediate effect"
wait_for b "LEVEL DECISION: up"

# Both edit the decision at once: the second save is refused, shown,
# and the text typed is kept in the editor; Esc then asks before it is
# dropped.
keys b Enter
wait_for b "Decision:"
keys a Enter
wait_for a "Decision:"
keys a C-u
typed a "Raise to Level 3 today"
keys a C-x
wait_for a "Decision saved."
keys b C-u
typed b "Keep at Level 2 for now"
keys b C-x
wait_for b "NOT SAVED:"
wait_for b "Keep at Level 2 for now"
DECIDED="SELECT decision FROM minutes WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = $M)"
[ "$(sql "$DECIDED")" = "Raise to Level 3 today" ] &&
	ok || fail "the first save was lost: $(sql "$DECIDED")"
keys b Escape
wait_for b "Close Decision and lose what you typed? (y/n)"
keys b y
wait_for b "Raise to Level 3 today"

# A rationale longer than a line, written from the command line: shown
# whole, wrapped; opened in the editor and saved unchanged it keeps every
# character; typed on, it grows.
LONG="The police and probation reports agree that the risk to the named victim has risen since the last review: two sightings near her home, a message sent through a third party, and a missed appointment. The panel raises the case to Level 3 so that every agency commits resources at once, and will review it in eight weeks."
expect 0 "$MAPPA" --db "$DB" meeting minute "$M" "$REF" --rationale "$LONG"
wait_for a "The police and probation reports agree"
RATIONALE="SELECT rationale FROM minutes WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = $M)"
wait_for a "a message sent through a third party, and a missed appointment."
wait_for a "and will review it in eight weeks."
keys a Down Enter
wait_for a "Rationale: editing"
keys a F2
wait_for a "Rationale saved."
[ "$(sql "$RATIONALE")" = "$LONG" ] && ok ||
	fail "a long rationale saved unchanged came back as: $(sql "$RATIONALE")"
keys a Enter
wait_for a "Rationale: editing"
keys a C-End
typed a " Agreed by all agencies present."
keys a C-x
wait_for a "Rationale saved."
[ "$(sql "$RATIONALE")" = "$LONG Agreed by all agencies present." ] && ok ||
	fail "a long rationale typed on came back as: $(sql "$RATIONALE")"
keys a Up

# An action, and the next review on the last line.  An agency or a date
# mistyped is refused, not cut to fit, and its line opens again as typed
# with the steps before it kept.
keys a a
wait_for a "Action:"
typed a "Fit the curfew tag"
keys a Enter
wait_for a "Owner agency:"
typed a "emm"
keys a Enter
wait_for a 'NOT ADDED: no agency "emm"'
wait_for a "Owner agency:emm"
keys a BSpace Enter
wait_for a "Owner (name; empty: the agency):"
keys a Enter
wait_for a "Due (YYYY-MM-DD):"
keys a C-u
typed a "2012-03-299"
keys a Enter
wait_for a "NOT ADDED: the action is due on a date"
wait_for a "Due (YYYY-MM-DD):2012-03-299"
[ "$(sql "SELECT count(*) FROM actions WHERE text = 'Fit the curfew tag'")" = 0 ] && ok ||
	fail "a mistyped due date added the action"
keys a BSpace Enter
wait_for a "added for em, due 2012-03-29"
keys a Down Down Down Down Down Down Down Down Down Down Enter
wait_for a "Next review (YYYY-MM-DD):"
keys a C-u
typed a "2012-04-199"
keys a Enter
wait_for a "NOT SAVED: the next review is a date"
wait_for a "Next review (YYYY-MM-DD):2012-04-199"
[ "$(sql "SELECT next_review FROM offenders WHERE ref = '$REF'")" != 2012-04-19 ] && ok ||
	fail "a mistyped next review was saved cut short"
keys a BSpace Enter
wait_for a "Next review saved."
[ "$(sql "SELECT next_review FROM offenders WHERE ref = '$REF'")" = 2012-04-19 ] && ok ||
	fail "next review: $(sql "SELECT next_review FROM offenders WHERE ref = '$REF'")"

# Discussed: the progress; leaving and coming back resumes at the case.
keys a d
wait_for a "1 of 1 discussed"
keys a Escape
wait_for a "MAPP meetings:"
keys a Enter
wait_for a "CASE 1 OF 1"
keys a q q
wait_for a "Register"
keys a q
wait_exit a 0
keys b q q q
wait_exit b 0

# --- the papers, the export, the statistics ---------------------------------
expect 0 "$MAPPA" --db "$DB" minutes "$M"
tr -s ' \n' '  ' < "$T/out" > "$T/flat"
contains "$T/flat" "Raise to Level 3 today"
contains "$T/flat" "$REASON"
contains "$T/flat" "Raised from Level 2 to Level 3, effective 2012-03-22"
contains "$T/flat" "Fit the curfew tag"
contains "$T/flat" "Next review: 2012-04-19"
contains "$T/flat" "Housing apologies"
expect 0 "$MAPPA" --db "$DB" export "$T/exp" --recipient test
contains "$T/exp/events.csv" "$REF,2012-03-22,level,,3,,$REASON"
expect 0 "$MAPPA" --db "$DB" stats --year 2011-12 --format csv
L3_AFTER=$(grep '^eligible_snapshot,level3,cat1,' "$T/out" | cut -d, -f4)
[ "$L3_AFTER" -eq $((L3_BEFORE + 1)) ] && ok ||
	fail "Level 3 Category 1: $L3_BEFORE -> $L3_AFTER"

# --- the actions: em's, overdue, then done; the settings ------------------
start c
wait_for c "Register"
keys c O
wait_for c "Actions:"
keys c f
wait_for c "Owner agency (empty: all):"
typed c "em"
keys c Enter
wait_for c "Actions: 1 open for em"
wait_for c "Fit the curfew tag"
wait_for c "OVERDUE"
keys c D
wait_for c "done."
wait_for c "Actions: 0 open for em"
[ "$(sql "SELECT done FROM actions WHERE text = 'Fit the curfew tag'")" != "" ] && ok ||
	fail "the action is not done"
keys c q C
wait_for c "Settings:"
wait_for c "review_weeks_level3"
# A value refused opens again as typed, the reason above the list.
SETTING="SELECT value FROM settings WHERE key = 'review_weeks_level3'"
keys c Down Enter
wait_for c "review_weeks_level3:"
keys c C-u
type_text c "abc"
keys c Enter
wait_for c "Not saved: setting review_weeks_level3:"
wait_for c "review_weeks_level3: abc"
[ "$(sql "SELECT count(*) FROM settings WHERE key = 'review_weeks_level3' AND value = 'abc'")" = 0 ] &&
	ok || fail "a refused setting was stored"
keys c C-u
type_text c "9"
keys c Enter
wait_for c "review_weeks_level3 saved."
[ "$(sql "$SETTING")" = 9 ] && ok || fail "the setting corrected was not saved: $(sql "$SETTING")"
keys c Enter
wait_for c "review_weeks_level3: 9"
keys c C-u
type_text c "8"
keys c Enter
wait_for c "review_weeks_level3 saved."
keys c q q
wait_exit c 0

# --- a lay adviser: the list, no chair, no name; no meeting mode ----------
sql "SELECT surname FROM offenders UNION SELECT forenames FROM offenders
	UNION SELECT pnc FROM offenders UNION SELECT crn FROM offenders" |
	tr ' ' '\n' | awk 'length($0) >= 3' | sort -u > "$T/secrets"
start l --user lay
wait_for l "Register"
keys l M
wait_for l "MAPP meetings:"
keys l /
typed l "2012-03-22"
keys l Enter
wait_for l "Room 7"
screen l > "$T/lay.1"
keys l Enter
wait_for l "Read-only"
screen l > "$T/lay.2"
keys l b
screen l > "$T/lay.3"
keys l q O
wait_for l "Actions:"
screen l > "$T/lay.4"
keys l q C
wait_for l "admin"
for f in "$T/lay.1" "$T/lay.2" "$T/lay.3" "$T/lay.4"; do
	if grep -wFf "$T/secrets" "$f" >/dev/null || grep -qF "Testchair" "$f" ||
	   grep -qF "$SURNAME" "$f"; then
		fail "the lay adviser's meetings screen holds an identity:"
		cat "$f" >&2
	else
		ok
	fi
done
keys l q q
wait_exit l 0
finish
