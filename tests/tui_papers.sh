#!/bin/sh
# tui_papers.sh -- the meeting room on the screens (issue 16, items 3
# and 4), as a chair and a minute-taker use it on the demo area in a
# private tmux server: the confidentiality statement shown in meeting
# mode is word for word the one the PDF minutes print; the people at the
# meeting typed with name, agency and role, a role changed, one chosen
# at the next meeting from those who came before; the agenda at a glance
# and "go to case N"; an action agreed with a named owner, then changed
# and another removed, each audited; the case's full record opened and
# left back to the meeting; the chair approves the minutes, which then
# refuse a late change.  The PDF minutes, read back with pdftotext,
# list the people and the action's owner.  Every wait is a bounded poll.
. "${top_srcdir:-.}/tests/lib.sh"
: "${PDFTOTEXT_BIN:=pdftotext}"
command -v "$PDFTOTEXT_BIN" >/dev/null 2>&1 || { echo "no pdftotext: skipped"; exit 77; }
. "${top_srcdir:-.}/tests/tui_lib.sh"
TUI_SIZE=120x36 TUI_READY=
flat() { "$PDFTOTEXT_BIN" -layout "$1" - | tr '\n\f' '  ' | tr -s ' '; }

expect 0 "$MAPPA" --db "$DB" demo
# Two held meetings of the same level, the second the one after the first.
M=$(sql "SELECT m.id FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id WHERE m.status = 'held' AND m.level = 2 GROUP BY m.id HAVING count(*) >= 4 ORDER BY m.date LIMIT 1")
MDATE=$(sql "SELECT date FROM meetings WHERE id = $M")
N=$(sql "SELECT count(*) FROM agenda_items WHERE meeting_id = $M")
M2=$(sql "SELECT id FROM meetings WHERE status = 'held' AND level = 2 AND date > '$MDATE' ORDER BY date LIMIT 1")
M2DATE=$(sql "SELECT date FROM meetings WHERE id = $M2")
[ -n "$M" ] && [ -n "$M2" ] && ok || fail "no two held Level 2 meetings"
REF3=$(sql "SELECT o.ref FROM agenda_items a JOIN offenders o ON o.id = a.offender_id WHERE a.meeting_id = $M AND a.position = 3")

# open_meeting NAME DATE: meeting mode on the meeting of DATE.
open_meeting() {
	keys "$1" M
	wait_for "$1" "MAPP meetings:"
	keys "$1" /
	wait_for "$1" "Go to the date"
	type_text "$1" "$2"
	keys "$1" Enter
	wait_for "$1" "$2"
	keys "$1" Enter
	wait_for "$1" "discussed; Level"
}

start a
wait_for a "Register"
open_meeting a "$MDATE"

# --- the statement: one text, shown and printed the same ------------------
# Back a page at a time, each Left drawn before the next.
i=0
while [ $i -le "$N" ] && ! screen a | grep -q "CONFIDENTIALITY AND DIVERSITY"; do
	was=$(screen a)
	keys a Left
	j=0 end=$(ticks 100)
	while [ $j -lt "$end" ] && [ "$(screen a)" = "$was" ]; do
		j=$((j + 1)); sleep 0.1
	done
	i=$((i + 1))
done
wait_for a "CONFIDENTIALITY AND DIVERSITY"
wait_for a "Chair:"
screen a | sed -n '/CONFIDENTIALITY AND DIVERSITY/,/Chair:/p' | sed '1d;$d' |
	tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//' >"$T/shown"
expect 0 "$MAPPA" --db "$DB" settings get meeting_statement
tr -s ' ' <"$T/out" | tr -d '\n' >"$T/setting"
[ "$(cat "$T/shown")" = "$(cat "$T/setting")" ] && ok ||
	fail "the statement on screen differs from the setting: '$(cat "$T/shown")' / '$(cat "$T/setting")'"
expect 0 "$MAPPA" --db "$DB" minutes "$M" --format pdf --output "$T/before.pdf"
flat "$T/before.pdf" >"$T/before.flat"
contains "$T/before.flat" "$(cat "$T/shown")"

# --- the people -------------------------------------------------------------
HERE=$(sql "SELECT count(*) FROM attendees WHERE meeting_id = $M")
keys a P
wait_re a "Meeting $M: $HERE attendees?"
wait_for a "From earlier meetings"
keys a a
wait_for a "Name:"
type_text a "Maud Testchair"
keys a Enter
wait_for a "Agency:"
type_text a "polce"
keys a Enter
wait_for a 'No agency "polce"'
keys a C-u
type_text a "police"
keys a Enter
wait_for a "Role (present"
keys a Enter
wait_for a "Maud Testchair (Police): present."
keys a a
wait_for a "Name:"
type_text a "Priya Testcase"
keys a Enter
wait_for a "Agency:"
type_text a "probation"
keys a Enter
wait_for a "Role (present"
keys a C-u
type_text a "apologies"
keys a Enter
wait_for a "Priya Testcase (Probation): apologies."
# Enter on her: the next role, a report sent.
select_row a 'Priya Testcase'
keys a Enter
wait_for a "Priya Testcase (Probation): report."
[ "$(sql "SELECT name || ':' || agency || ':' || role FROM attendees WHERE meeting_id = $M AND name IN ('Maud Testchair', 'Priya Testcase') ORDER BY name" | tr '\n' ' ')" = "Maud Testchair:police:present Priya Testcase:probation:report " ] &&
	ok || fail "attendees: $(sql "SELECT * FROM attendees")"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'meeting.attendee' AND record = 'meeting $M'")" = 3 ] &&
	ok || fail "the attendees' changes were not audited"
keys a Escape
wait_for a "discussed; Level"

# --- the agenda at a glance; go to case N -------------------------------------
keys a o
wait_for a "Meeting $M: $N cases"
wait_for a "Level decision"
keys a Home Down
keys a Enter
wait_for a "CASE 2 OF $N"
keys a g
wait_for a "Go to case number:"
type_text a "99"
keys a Enter
wait_for a "No case 99 on the agenda"
keys a g
wait_for a "Go to case number:"
type_text a "3"
keys a Enter
wait_for a "CASE 3 OF $N:  $REF3"

# --- an action with a named owner; changed; another removed -----------------
keys a a
wait_for a "Action:"
type_text a "Check the new address with the landlord"
keys a Enter
wait_for a "Owner agency:"
type_text a "housing"
keys a Enter
wait_for a "Owner (name"
type_text a "Bev Testowner"
keys a Enter
wait_for a "Due (YYYY-MM-DD):"
keys a C-u
type_text a "2030-06-30"
keys a Enter
wait_for a "added for housing (Bev Testowner), due 2030-06-30."
ACT=$(sql "SELECT id FROM actions WHERE text = 'Check the new address with the landlord'")
[ "$(sql "SELECT meeting_id || ':' || owner_agency || ':' || owner_person || ':' || due FROM actions WHERE id = '$ACT'")" = "$M:housing:Bev Testowner:2030-06-30" ] &&
	ok || fail "the action as stored: $(sql "SELECT * FROM actions WHERE id = '$ACT'")"
NACT=$(sql "SELECT count(*) FROM actions a JOIN offenders o ON o.id = a.offender_id WHERE a.meeting_id = $M AND o.ref = '$REF3'")
keys a A
wait_re a "Meeting $M: $NACT actions?"
wait_for a "Bev Testowner"
# Select the new one (the list is by agency, owner, due).
select_row a '.*Bev Testowner'
keys a e
wait_for a "Action:Check the new address"
keys a Enter
wait_for a "Owner agency:housing"
keys a Enter
wait_for a "Owner (name; empty: the agency):Bev Testowner"
keys a C-u
type_text a "Jo Newowner"
keys a Enter
wait_for a "Due (YYYY-MM-DD):2030-06-30"
keys a C-u
type_text a "2030-07-31"
keys a Enter
wait_for a "Action $ACT saved."
wait_for a "Jo Newowner"
[ "$(sql "SELECT owner_person || ':' || due || ':' || version FROM actions WHERE id = '$ACT'")" = "Jo Newowner:2030-07-31:2" ] &&
	ok || fail "the edit as stored: $(sql "SELECT * FROM actions WHERE id = '$ACT'")"
[ "$(sql "SELECT detail FROM audit WHERE action = 'action.edit' AND record LIKE 'action $ACT %'")" = "due: 2030-06-30 -> 2030-07-31; fields: owner_person" ] &&
	ok || fail "the edit's audit: $(sql "SELECT detail FROM audit WHERE action = 'action.edit'")"
# Remove one of the case's other actions, if it has one; else this one.
if [ "$NACT" -gt 1 ]; then
	select_row a ".*$(sql "SELECT substr(a.text, 1, 20) FROM actions a JOIN offenders o ON o.id = a.offender_id WHERE a.meeting_id = $M AND o.ref = '$REF3' AND a.id <> '$ACT' ORDER BY a.id LIMIT 1")"
else
	select_row a '.*Jo Newowner'
fi
GONE=$(screen a | sed -n 's/^▶ //p')
keys a -
wait_for a "Remove action"
GONEID=$(screen a | sed -n 's/.*Remove action \([0-9]*\) .*/\1/p' | head -n 1)
keys a y
wait_for a "Removed."
[ "$(sql "SELECT count(*) FROM actions WHERE id = '$GONEID'")" = 0 ] && ok ||
	fail "action $GONEID ($GONE) was not removed"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'action.remove' AND record LIKE 'action $GONEID %'")" = 1 ] &&
	ok || fail "the removal was not audited"
keys a Escape
wait_for a "CASE 3 OF $N"

# --- the full record, and back ------------------------------------------------
keys a c
wait_for a "Case $REF3"
wait_for a "History"
keys a Escape
wait_for a "CASE 3 OF $N:  $REF3"

# --- the chair approves the minutes: then they do not change ---------------
keys a Y
wait_for a "Approve the minutes, version 1, as chaired by"
keys a y
wait_for a "The minutes are approved: version 1."
[ "$(sql "SELECT minutes_state || ':' || minutes_version || ':' || (minutes_approved_by = chair) FROM meetings WHERE id = $M")" = "approved:1:1" ] &&
	ok || fail "approval as stored: $(sql "SELECT minutes_state, minutes_version, minutes_approved_by FROM meetings WHERE id = $M")"
keys a P
wait_for a "From earlier meetings"
keys a a
wait_for a "Name:"
type_text a "Too Late"
keys a Enter
type_text a "police"
keys a Enter
wait_for a "Role (present"
keys a Enter
wait_for a "are approved (version 1): reopen them first"
[ "$(sql "SELECT count(*) FROM attendees WHERE name = 'Too Late'")" = 0 ] && ok ||
	fail "a person was added to approved minutes"
keys a Escape Escape
wait_for a "CASE 3 OF $N"
keys a Escape
wait_for a "MAPP meetings:"
keys a q q
wait_exit a 0

# --- the next meeting: a person chosen from those who came before ----------
start b
wait_for b "Register"
open_meeting b "$M2DATE"
HERE2=$(sql "SELECT count(*) FROM attendees WHERE meeting_id = $M2")
keys b P
wait_re b "Meeting $M2: $HERE2 attendees?"
wait_for b "From earlier meetings"
select_row b 'Maud Testchair'
keys b Enter
wait_for b "Maud Testchair (Police): present."
wait_for b "Meeting $M2: $((HERE2 + 1)) attendees"
[ "$(sql "SELECT name || ':' || agency || ':' || role FROM attendees WHERE meeting_id = $M2 AND name = 'Maud Testchair'")" = "Maud Testchair:police:present" ] &&
	ok || fail "M2's attendees: $(sql "SELECT * FROM attendees WHERE meeting_id = $M2")"
keys b Escape Escape
wait_for b "MAPP meetings:"
keys b q q
wait_exit b 0

# --- the printed minutes: the people and the owner ----------------------------
expect 0 "$MAPPA" --db "$DB" minutes "$M" --format pdf --output "$T/m.pdf"
flat "$T/m.pdf" >"$T/m.flat"
contains "$T/m.flat" "Maud Testchair Police Present"
contains "$T/m.flat" "Priya Testcase Probation Sent a report"
contains "$T/m.flat" "Jo Newowner)"
contains "$T/m.flat" "Check the new address"
contains "$T/m.flat" "2030-07-31"
lacks "$T/m.flat" "Bev Testowner"
contains "$T/m.flat" "$(cat "$T/shown")"
contains "$T/m.flat" "version 1, approved"
finish
