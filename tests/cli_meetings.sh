#!/bin/sh
# cli_meetings.sh -- a MAPP meeting scripted from the command line, end
# to end (issue 7): schedule it, build its agenda, hold it, record
# attendance, raise a case to Level 3 with a reason, agree an action and
# the next review; then the minutes show the decision and its reason, the
# export shows the level event, the statistics count the case at Level 3;
# lay advisers are refused the papers; the meetings CSV is as cli.md says.
. "${top_srcdir:-.}/tests/lib.sh"
: "${SQLITE3_BIN:=sqlite3}"
command -v "$SQLITE3_BIN" >/dev/null 2>&1 || { echo "no sqlite3: skipped"; exit 77; }
MAPPA_HOLIDAYS=$top_srcdir/data/bank-holidays.txt
export MAPPA_HOLIDAYS
d=$T/demo.db
expect 0 "$MAPPA" --db "$d" demo
q() { "$SQLITE3_BIN" "$d" "$1"; }

# The demo's meeting history: a held meeting, minuted, behind every
# decision taken at a meeting; scheduled meetings after its today.
[ "$(q "SELECT count(*) FROM events WHERE meeting_id IS NOT NULL AND id NOT IN (SELECT level_event_id FROM minutes WHERE level_event_id IS NOT NULL)")" = 0 ] &&
	ok || fail "a demo decision without minutes"
[ "$(q "SELECT count(*) FROM meetings m WHERE status = 'held' AND NOT EXISTS (SELECT 1 FROM meeting_agencies a WHERE a.meeting_id = m.id AND attendance IS NOT NULL)")" = 0 ] &&
	ok || fail "a held demo meeting without attendance"
[ "$(q "SELECT count(*) FROM actions")" -gt 1000 ] && ok || fail "too few demo actions"
[ "$(q "SELECT count(*) FROM meetings WHERE status = 'scheduled' AND date > '2012-05-14'")" -ge 4 ] &&
	ok || fail "no scheduled meetings after the demo's today"
[ "$(q "SELECT count(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.status = 'scheduled'")" -gt 0 ] &&
	ok || fail "no proposed agendas"

# A Level 2 case in the community, neither changed nor met since
# February 2012.
ref=$(q "SELECT o.ref FROM offenders o WHERE o.level = 2 AND o.category = 1 AND o.status = 'community' AND (SELECT max(date) FROM events e WHERE e.offender_id = o.id) < '2012-03-01' AND NOT EXISTS (SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.offender_id = o.id AND m.date >= '2012-03-01') ORDER BY o.ref LIMIT 1")
[ -n "$ref" ] && ok || fail "no Level 2 case to raise"
expect 0 "$MAPPA" --db "$d" stats --year 2011-12 --format csv
l3_before=$(grep '^eligible_snapshot,level3,cat1,' "$T/out" | cut -d, -f4)

# The CSV header, exactly.
expect 0 "$MAPPA" --db "$d" meetings --format csv
[ "$(head -n 1 "$T/out")" = "id,date,time,level,status,chair,venue,cases" ] && ok ||
	fail "meetings CSV header: $(head -n 1 "$T/out")"
# --status: each of the statuses (core/status.h) selects its meetings.
for st in scheduled held cancelled; do
	expect 0 "$MAPPA" --db "$d" meetings --status "$st" --format csv
	[ "$(tail -n +2 "$T/out" | cut -d, -f5 | sort -u | tr -d '\n')" = \
	  "$(q "SELECT DISTINCT status FROM meetings WHERE status = '$st'")" ] &&
		ok || fail "meetings --status $st: $(head -3 "$T/out")"
done
expect 2 "$MAPPA" --db "$d" meetings --status Held
contains "$T/err" "--status: scheduled, held or cancelled"

# Schedule.
expect 0 "$MAPPA" --db "$d" meeting add 2012-03-22 --level 3 --time 14:00 \
	--chair "DCI Maud Testchair" --venue "Room 7" --invite police,probation,housing
m=$(cat "$T/out")
[ "$m" -gt 0 ] 2>/dev/null && ok || fail "meeting add printed '$m'"
expect 2 "$MAPPA" --db "$d" meeting add 2012-03-22
expect 1 "$MAPPA" --db "$d" meeting add 2012-03-22 --level 3 --invite polce
expect 0 "$MAPPA" --db "$d" meetings --from 2012-03-22 --to 2012-03-22 --format csv
contains "$T/out" "$m,2012-03-22,14:00,3,scheduled,DCI Maud Testchair,Room 7,0"
expect 0 "$MAPPA" --db "$d" meeting edit "$m" --venue "Room 8"
expect 0 "$MAPPA" --db "$d" meetings --from 2012-03-22 --to 2012-03-22
contains "$T/out" "Room 8"
# A chair or venue longer than a meeting keeps (127 bytes) is refused
# with a message, not cut short; an --invite list too long, likewise.
long=$(printf '%0140d' 0 | tr 0 v)
expect 1 "$MAPPA" --db "$d" meeting edit "$m" --venue "Room 9, $long"
contains "$T/err" "--venue: at most 127 bytes"
expect 1 "$MAPPA" --db "$d" meeting edit "$m" --chair "DCI $long"
contains "$T/err" "--chair: at most 127 bytes"
[ "$(q "SELECT chair || '|' || venue FROM meetings WHERE id = $m")" = "DCI Maud Testchair|Room 8" ] &&
	ok || fail "a refused edit changed the meeting: $(q "SELECT chair || '|' || venue FROM meetings WHERE id = $m")"
n0=$(q "SELECT count(*) FROM meetings")
expect 1 "$MAPPA" --db "$d" meeting add 2012-03-29 --level 2 --venue "$long"
contains "$T/err" "--venue: at most 127 bytes"
expect 1 "$MAPPA" --db "$d" meeting add 2012-03-29 --level 2 \
	--invite "$(printf 'police,%.0s' $(seq 40))housing"
contains "$T/err" "--invite: at most 32 agencies"
[ "$(q "SELECT count(*) FROM meetings")" = "$n0" ] && ok ||
	fail "a refused meeting add wrote a meeting"

# The agenda: the case, then the proposal for a meeting after today.
expect 0 "$MAPPA" --db "$d" meeting agenda-add "$m" "$ref" --reason level_change
expect 1 "$MAPPA" --db "$d" meeting agenda-add "$m" "$ref"
expect 0 "$MAPPA" --db "$d" agenda "$m"
contains "$T/out" "OFFICIAL-SENSITIVE"
contains "$T/out" "$ref"
contains "$T/out" "level_change"
contains "$T/out" "Thursday 22 March 2012, 14:00"
expect 0 "$MAPPA" --db "$d" agenda "$m" --format markdown
contains "$T/out" "| 1 | $ref |"
expect 0 "$MAPPA" --db "$d" meeting add 2012-06-19 --level 2
m2=$(cat "$T/out")
expect 0 "$MAPPA" --db "$d" meeting propose "$m2"
contains "$T/err" "proposed"
expect 0 "$MAPPA" --db "$d" meeting propose "$m2" --add
expect 0 "$MAPPA" --db "$d" meetings --from 2012-06-19 --to 2012-06-19 --format csv
n2=$(cut -d, -f8 < "$T/out" | tail -n 1)
[ "${n2:-0}" -gt 0 ] && ok || fail "the proposal added nothing ($n2)"

# Minutes only once the meeting is held.
expect 1 "$MAPPA" --db "$d" meeting minute "$m" "$ref" --decision "x"
expect 0 "$MAPPA" --db "$d" meeting hold "$m"
expect 1 "$MAPPA" --db "$d" meeting cancel "$m"
expect 0 "$MAPPA" --db "$d" meeting attend "$m" police present
expect 0 "$MAPPA" --db "$d" meeting attend "$m" probation present
expect 0 "$MAPPA" --db "$d" meeting attend "$m" housing apologies
expect 0 "$MAPPA" --db "$d" meeting attend "$m" childrens_services report
expect 1 "$MAPPA" --db "$d" meeting attend "$m" police late

# The case raised to Level 3, with its reason.
reason="Threats to a named victim reported by the police"
expect 1 "$MAPPA" --db "$d" meeting level "$m" "$ref" up --to 3
contains "$T/err" "reason"
expect 0 "$MAPPA" --db "$d" meeting level "$m" "$ref" up --to 3 --reason "$reason"
contains "$T/out" "next review 2012-05-17"
expect 4 "$MAPPA" --db "$d" meeting level "$m" "$ref" down --to 2 --reason "changed mind"
contains "$T/err" "up to Level 3 (yours: down to Level 2)"
expect 0 "$MAPPA" --db "$d" meeting minute "$m" "$ref" \
	--decision "Raise to Level 3 with immediate effect" \
	--rationale "Senior resources needed at short notice" \
	--dissent "Housing (by report) preferred Level 2" \
	--supervision "Twice-weekly reporting" \
	--monitoring "Curfew and tag" \
	--interventions "Refer to the treatment programme" \
	--victim-safety "Alarm fitted at the victim's home" \
	--victim-issues "Victim informed through the VLO" \
	--disclosure "No disclosure" \
	--next-review 2012-04-19 --discussed
expect 0 "$MAPPA" --db "$d" meeting action "$m" "$ref" --text "Fit the curfew tag" \
	--agency em --owner "Val Tunnock" --due 2012-03-29
a=$(cat "$T/out")
expect 1 "$MAPPA" --db "$d" meeting action "$m" "$ref" --text "x" --agency nobody --due 2012-03-29

# The review date is the case's.
[ "$(q "SELECT next_review FROM offenders WHERE ref = '$ref'")" = 2012-04-19 ] && ok ||
	fail "next review: $(q "SELECT next_review FROM offenders WHERE ref = '$ref'")"
[ "$(q "SELECT level FROM offenders WHERE ref = '$ref'")" = 3 ] && ok || fail "the case is not at Level 3"

# The minutes, readable without knowing the case.
expect 0 "$MAPPA" --db "$d" minutes "$m" --recipient "SMB chair"
contains "$T/out" "OFFICIAL-SENSITIVE"
contains "$T/out" "Confidentiality and diversity statement"
# Long lines are wrapped: look for phrases in the text run together.
tr -s ' \n' '  ' < "$T/out" > "$T/flat"
contains "$T/flat" "Raise to Level 3 with immediate effect"
contains "$T/flat" "Senior resources needed at short notice"
contains "$T/flat" "Raised from Level 2 to Level 3, effective 2012-03-22"
contains "$T/flat" "$reason"
contains "$T/flat" "DCI Maud Testchair"
contains "$T/flat" "Housing (by report) preferred Level 2"
contains "$T/flat" "Twice-weekly reporting"
contains "$T/flat" "Fit the curfew tag"
contains "$T/flat" "Next review: 2012-04-19"
contains "$T/flat" "1 of 1 cases discussed"
contains "$T/flat" "Category 1 (registered sexual offender)"
contains "$T/flat" "Housing apologies"
expect 0 "$MAPPA" --db "$d" minutes "$m" --format markdown
contains "$T/out" "## Attendance"
contains "$T/out" "| Fit the curfew tag |"
[ "$(q "SELECT count(*) FROM audit WHERE action = 'minutes.print' AND detail LIKE 'recipient: SMB chair;%'")" = 1 ] &&
	ok || fail "printing the minutes was not logged with its recipient"

# The export shows the level event with its reason and date.
expect 0 "$MAPPA" --db "$d" export "$T/exp" --recipient test
contains "$T/exp/events.csv" "$ref,2012-03-22,level,,3,,$reason"

# The statistics count the case at Level 3 on 31 March 2012.
expect 0 "$MAPPA" --db "$d" stats --year 2011-12 --format csv
l3_after=$(grep '^eligible_snapshot,level3,cat1,' "$T/out" | cut -d, -f4)
[ "$l3_after" -eq $((l3_before + 1)) ] && ok || fail "Level 3 Category 1: $l3_before -> $l3_after"

# Actions: open, overdue, done.
expect 0 "$MAPPA" --db "$d" actions --overdue --agency em
contains "$T/out" "Fit the curfew tag"
expect 0 "$MAPPA" --db "$d" actions --format csv
[ "$(head -n 1 "$T/out")" = "id,case,meeting,agency,owner,due,done,overdue,text" ] && ok ||
	fail "actions CSV header: $(head -n 1 "$T/out")"
expect 0 "$MAPPA" --db "$d" action done "$a" --date 2012-03-28
expect 0 "$MAPPA" --db "$d" actions --agency em
lacks "$T/out" "Fit the curfew tag"
expect 3 "$MAPPA" --db "$d" --user lay action done "$a"

# Lay advisers: the list without chairs; no papers, no changes.
expect 0 "$MAPPA" --db "$d" --user lay meetings --format csv
[ "$(head -n 1 "$T/out")" = "id,date,time,level,status,chair,venue,cases" ] && ok || fail "lay CSV header"
lacks "$T/out" "Testchair"
lacks "$T/out" "Detective"
contains "$T/out" "$m,2012-03-22,14:00,3,held,,Room 8,1"
expect 3 "$MAPPA" --db "$d" --user lay agenda "$m"
[ ! -s "$T/out" ] && ok || fail "lay agenda printed something"
expect 3 "$MAPPA" --db "$d" --user lay minutes "$m"
[ ! -s "$T/out" ] && ok || fail "lay minutes printed something"
expect 3 "$MAPPA" --db "$d" --user lay meeting add 2012-07-01 --level 2
expect 3 "$MAPPA" --db "$d" --user lay meeting propose "$m2"
expect 0 "$MAPPA" --db "$d" --user lay actions
lacks "$T/out" "$ref"
lacks "$T/out" "Val Tunnock"

# Usage.
expect 2 "$MAPPA" --db "$d" meeting frobnicate
expect 2 "$MAPPA" --db "$d" meetings --format xml
expect 2 "$MAPPA" --db "$d" minutes
expect 2 "$MAPPA" --db "$d" agenda "$m" --format rtf
expect 0 "$MAPPA" meeting --help
contains "$T/out" "agenda-add"
finish
