#!/bin/sh
# cli_process.sh -- the case process from the command line, as cli.md
# spells it (issue 12): a case registered at Level 1 is no referral;
# referrals carry Level 2 or 3 and are accepted or declined at a held
# meeting of their level, or withdrawn; a meeting is held only on or
# after its date; a level decision recorded is never replaced silently
# (status 4 unless --replace; the audit keeps both); reopening a held
# meeting is an admin's act with a reason; events outside meetings; the
# initial-meeting indicator counts only real Level 2/3 referrals, on a
# new database and on the demo.
. "${top_srcdir:-.}/tests/lib.sh"
: "${SQLITE3_BIN:=sqlite3}"
command -v "$SQLITE3_BIN" >/dev/null 2>&1 || { echo "no sqlite3: skipped"; exit 77; }
MAPPA_HOLIDAYS=$top_srcdir/data/bank-holidays.txt
MAPPA_TODAY=2012-06-29
export MAPPA_HOLIDAYS MAPPA_TODAY
d=$T/area.db
q() { "$SQLITE3_BIN" "$d" "$1"; }
m() { "$MAPPA" --db "$d" "$@"; }
# kpi_initial DB: the year's initial-meeting total (reporting year 2012).
kpi_initial() {
	"$MAPPA" --db "$1" kpi --year 2012 --format csv |
		grep '^year,initial_meeting,' | cut -d, -f5
}

expect 0 "$MAPPA" --db "$d" init
expect 0 "$MAPPA" --db "$d" user add bob --role member

# --- case add: a case and its registration, no referral ----------------
expect 0 m case add L1A --surname Able --category 1 --level 1 --date 2012-05-01
[ ! -s "$T/out" ] && ok || fail "case add printed: $(cat "$T/out")"
expect 0 m case add L1B --surname Brown --category 2 --level 1
expect 0 m case add L1C --surname Cole --category 1 --level 1 --date 2012-04-10
expect 0 m case add R2 --surname Dane --category 1 --level 1 --date 2012-05-01 \
	--forenames "Dan" --dob 1970-01-02 --gender M --district North --lead police
expect 0 m case add R3 --surname Ebb --category 2 --level 2 --date 2012-05-20
[ "$(q "SELECT count(*) FROM referrals")" = 0 ] && ok || fail "case add made a referral"
[ "$(q "SELECT next_review FROM offenders WHERE ref = 'L1A'")" = 2013-05-01 ] &&
	ok || fail "Level 1 first review not a year on"
[ "$(q "SELECT date FROM events WHERE type = 'register' AND offender_id = (SELECT id FROM offenders WHERE ref = 'L1B')")" = 2012-06-29 ] &&
	ok || fail "case add date not today"
expect 2 m case add X1 --surname X --category 1
expect 2 m case add X1 --surname X --category 5 --level 1
expect 1 m case add L1A --surname Again --category 1 --level 1
expect 1 m case add X2 --surname X --category 3 --level 1
contains "$T/err" "Level 1"
expect 0 m referral list --format csv
[ "$(cat "$T/out")" = "id,ref,date,agency,level,outcome,meeting" ] && ok ||
	fail "referral list CSV: $(cat "$T/out")"
# Three Level 1 registrations count for no initial meeting.
[ "$(kpi_initial "$d")" = 0 ] && ok || fail "KPI counts Level 1 registrations: $(kpi_initial "$d")"

# --- referral add -------------------------------------------------------
expect 0 m referral add R2 --level 2 --agency police --reason "new risk" --date 2012-05-02
r2=$(cat "$T/out")
[ "$r2" -gt 0 ] 2>/dev/null && [ "$(wc -l <"$T/out")" = 1 ] && ok || fail "referral id: '$r2'"
expect 2 m referral add R2 --level 1 --agency police --reason x
expect 2 m referral add R2 --level 2 --agency police
expect 1 m referral add R2 --level 3 --agency police --reason again
contains "$T/err" "pending already"
expect 1 m referral add NOSUCH --level 2 --agency police --reason x
expect 1 m referral add R3 --level 3 --agency probation --reason x --date 2012-07-01
contains "$T/err" "after today"
expect 0 m referral add R3 --level 3 --agency probation --reason escalation --date 2012-06-01
r3=$(cat "$T/out")
expect 0 m referral add L1C --level 2 --agency housing --reason concern --date 2012-06-20
rw=$(cat "$T/out")
expect 0 m referral list --pending --format csv
[ "$(sed -n 2p "$T/out")" = "$r2,R2,2012-05-02,police,2,pending," ] && ok ||
	fail "referral list row: $(sed -n 2p "$T/out")"
expect 0 m referral list
# Overdue first: R2 (due 2012-05-31), R3 (2012-06-08); L1C not yet.
sed -n 2p "$T/out" | grep -q "R2 .*OVERDUE" && ok || fail "overdue first: $(cat "$T/out")"
sed -n 4p "$T/out" | grep -q "L1C" && ok || fail "not overdue last: $(cat "$T/out")"
# A consultation of the cases listed: audit --case finds it.
[ "$(q "SELECT detail FROM audit WHERE action = 'referrals.view' ORDER BY id DESC LIMIT 1")" = "all referrals; cases shown: 3" ] &&
	ok || fail "referral list not logged with its cases"
expect 0 m audit --case R3 --format csv
grep -q ',referrals\.view,' "$T/out" && ok || fail "audit --case R3 lacks referrals.view"
[ "$(kpi_initial "$d")" = 2 ] && ok || fail "KPI initial total: $(kpi_initial "$d")"

# --- meetings: held only on or after the date ------------------------------
expect 0 m meeting add 2012-06-05 --level 2 --chair "DCI Chair"
m1=$(cat "$T/out")
expect 0 m meeting add 2012-07-03 --level 2 --chair "DCI Chair"
m2=$(cat "$T/out")
expect 0 m meeting add 2012-06-07 --level 3 --chair "DCS Senior"
m3=$(cat "$T/out")
expect 1 m meeting hold "$m2"
contains "$T/err" "after today"
[ "$(q "SELECT status FROM meetings WHERE id = $m2")" = scheduled ] && ok || fail "held before its date"
expect 0 m meeting hold "$m1"
expect 0 m meeting hold "$m3"
expect 1 m meeting cancel "$m1"

# --- referral accept, decline, withdraw --------------------------------------
expect 1 m referral accept "$r2" --meeting "$m2"
contains "$T/err" "not a held Level 2 meeting"
expect 1 m referral accept "$r2" --meeting "$m3"
expect 1 m referral accept "$r2"
contains "$T/err" "name the meeting"
expect 0 m referral accept "$r2" --meeting "$m1" --reason "agreed by the panel"
expect 0 m referral accept "$r2" --meeting "$m1"
expect 4 m referral decline "$r2" --meeting "$m1"
contains "$T/err" "accepted already at meeting $m1"
expect 0 m referral decline "$r3" --meeting "$m3"
expect 0 m referral withdraw "$rw" --reason "moved out of the area"
expect 4 m referral accept "$rw" --meeting "$m1"
expect 2 m referral accept abc
expect 0 m referral list --format csv
grep -qx "$r2,R2,2012-05-02,police,2,accepted,$m1" "$T/out" && ok || fail "accepted row: $(cat "$T/out")"
grep -qx "$r3,R3,2012-06-01,probation,3,declined,$m3" "$T/out" && ok || fail "declined row"
grep -qx "$rw,L1C,2012-06-20,housing,2,withdrawn," "$T/out" && ok || fail "withdrawn row"
expect 0 m referral list --pending --format csv
[ "$(wc -l <"$T/out")" = 1 ] && ok || fail "pending after deciding: $(cat "$T/out")"
expect 0 m audit --format csv
contains "$T/out" "referral.accept,offender"
contains "$T/out" "outcome: pending -> withdrawn"

# --- a level decision is never replaced silently ---------------------------
expect 0 m meeting agenda-add "$m1" R2 --reason level_change
expect 0 m meeting level "$m1" R2 stay
expect 4 "$MAPPA" --db "$d" --user bob meeting level "$m1" R2 up --reason "escalating"
contains "$T/err" "stay at Level 1 (yours: up to Level 2)"
[ "$(q "SELECT level FROM offenders WHERE ref = 'R2'")" = 1 ] && ok || fail "level changed on a conflict"
[ "$(q "SELECT count(*) FROM events WHERE type = 'level'")" = 0 ] && ok || fail "event on a conflict"
expect 0 "$MAPPA" --db "$d" --user bob meeting level "$m1" R2 up --reason "escalating" --replace
[ "$(q "SELECT level FROM offenders WHERE ref = 'R2'")" = 2 ] && ok || fail "replace did not raise"
[ "$(q "SELECT detail FROM audit WHERE action = 'minutes.level' ORDER BY id DESC LIMIT 1")" = \
  "level_decision: stay at Level 1 -> up to Level 2; level: 1 -> 2; next_review: -> 2012-09-25; event $(q "SELECT max(id) FROM events"); fields: reason" ] &&
	ok || fail "audit: $(q "SELECT detail FROM audit WHERE action = 'minutes.level' ORDER BY id DESC LIMIT 1")"
# up and down move one level unless --to names it.
expect 0 m meeting agenda-add "$m3" R3 --reason level_change
expect 0 m meeting level "$m3" R3 up --reason "more risk"
[ "$(q "SELECT level FROM offenders WHERE ref = 'R3'")" = 3 ] && ok || fail "up is one level"
expect 4 m meeting level "$m3" R3 down --to 1 --reason "less risk"
expect 0 m meeting level "$m3" R3 down --to 1 --reason "less risk" --replace
[ "$(q "SELECT level FROM offenders WHERE ref = 'R3'")" = 1 ] && ok || fail "down --to 1 from 2"
[ "$(q "SELECT count(*) FROM audit WHERE action = 'event.remove'")" = 1 ] && ok || fail "replaced event not audited"

# --- reopening a held meeting ------------------------------------------------------
expect 0 m meeting add 2012-06-26 --level 2
m4=$(cat "$T/out")
expect 0 m meeting hold "$m4"
expect 3 "$MAPPA" --db "$d" --user bob meeting reopen "$m4" --reason "held by mistake"
expect 2 m meeting reopen "$m4"
expect 0 m meeting reopen "$m4" --reason "held by mistake"
[ "$(q "SELECT status FROM meetings WHERE id = $m4")" = scheduled ] && ok || fail "not reopened"
[ "$(q "SELECT detail FROM audit WHERE action = 'meeting.reopen'")" = "status: held -> scheduled; reason: held by mistake" ] &&
	ok || fail "reopen audit"
expect 1 m meeting reopen "$m1" --reason "wrong"
contains "$T/err" "replace those decisions first"

# --- agendas that warn: --force, or nothing changes ---------------------------
expect 0 m case add W2 --surname Wren --category 1 --level 2 --date 2012-05-01
expect 0 m case add W3 --surname Wade --category 1 --level 2 --date 2012-05-01
expect 0 m referral add W3 --level 3 --agency police --reason "threats" --date 2012-06-25
w3=$(cat "$T/out")
# The wrong level: a Level 2 case for review at a Level 3 meeting.
expect 0 m meeting add 2012-07-05 --level 3
m5=$(cat "$T/out")
expect 1 m meeting agenda-add "$m5" W2
contains "$T/err" "the case is at Level 2, not 3"
contains "$T/err" "--force"
[ "$(q "SELECT count(*) FROM agenda_items WHERE meeting_id = $m5")" = 0 ] && ok || fail "added without --force"
expect 0 m meeting agenda-add "$m5" W2 --force
[ "$(q "SELECT count(*) FROM audit WHERE action = 'agenda.add' AND detail LIKE '%added despite 1 warning%'")" = 1 ] &&
	ok || fail "forced add not audited"
# Already on another scheduled agenda.
expect 1 m meeting agenda-add "$m2" W2
contains "$T/err" "it is on meeting $m5's agenda (2012-07-05)"
# A pending referral: initial, at the level it asks for, by default.
expect 0 m meeting agenda-add "$m5" W3
[ "$(q "SELECT reason || ' ' || referral_id FROM agenda_items WHERE meeting_id = $m5 AND offender_id = (SELECT id FROM offenders WHERE ref = 'W3')")" = "initial $w3" ] &&
	ok || fail "pending referral not initial"
expect 1 m meeting agenda-add "$m2" W3 --reason review
# An exited case.
expect 0 m event add W2 --event exit --date 2012-06-20 --kind risk_reduced
expect 1 m meeting agenda-add "$m2" W2 --reason other
contains "$T/err" "the case has exited MAPPA"

# --- event add ---------------------------------------------------------------
expect 1 m event add L1A --event level --date 2012-06-01 --level 2
contains "$T/err" "--note"
expect 0 m event add L1A --event level --date 2012-06-01 --level 2 --note "new offence" --decided-by "Mrs Duty"
[ "$(q "SELECT level FROM offenders WHERE ref = 'L1A'")" = 2 ] && ok || fail "event add level"
expect 1 m event add L1A --event custody --date 2012-06-02 --level 2
expect 1 m event add L1A --event custody --date 2012-06-02 --kind holiday
expect 0 m event add L1A --event custody --date 2012-06-02 --kind remand
expect 1 m event add L1A --event custody --date 2012-06-03 --kind remand
contains "$T/err" "custody"
expect 2 m event add L1A --event party --date 2012-06-02
expect 1 m event add L1A --event release --date 2012-07-02
[ "$(q "SELECT status FROM offenders WHERE ref = 'L1A'")" = custody ] && ok || fail "custody"

# --- who referred: a code or a name of the one agency table ------------------
# Stored as the code; the list's text shows the table's name, its CSV the
# code; anything else is bad input (status 1, as for an action's agency),
# naming the codes, and stores
# nothing.
expect 0 m case add AG1 --surname Agee --category 1 --level 1 --date 2012-05-01
expect 0 m case add AG2 --surname Agnew --category 2 --level 1 --date 2012-05-01
n=$(q "SELECT count(*) FROM referrals")
expect 1 m referral add AG1 --level 2 --agency "Police, PPU" --reason x --date 2012-06-01
contains "$T/err" 'referral add: --agency: "Police, PPU" is not an agency (one of police, probation, prison, childrens_services, adult_services, health, mental_health, yot, housing, jobcentre, immigration, em, education, other)'
expect 1 m referral add AG1 --level 2 --agency polce --reason x --date 2012-06-01
contains "$T/err" "is not an agency (one of police,"
[ "$(q "SELECT count(*) FROM referrals")" = "$n" ] && ok || fail "a refused agency stored a referral"
expect 0 m referral --help
contains "$T/out" "Agencies (a code, or its name): police, probation,"
expect 0 m referral add AG1 --level 2 --agency "Children's social care" --reason x --date 2012-06-01
ag1=$(cat "$T/out")
expect 0 m referral add AG2 --level 3 --agency "children's services" --reason x --date 2012-06-01
ag2=$(cat "$T/out")
[ "$(q "SELECT group_concat(agency, ' ') FROM (SELECT agency FROM referrals WHERE id IN ($ag1, $ag2) ORDER BY id)")" = "childrens_services childrens_services" ] &&
	ok || fail "names not stored as the code: $(q "SELECT agency FROM referrals WHERE id IN ($ag1, $ag2)")"
expect 0 m referral withdraw "$ag2"
expect 0 m referral add AG2 --level 3 --agency MENTAL_HEALTH --reason x --date 2012-06-02
ag3=$(cat "$T/out")
[ "$(q "SELECT agency FROM referrals WHERE id = $ag3")" = mental_health ] && ok || fail "code in capitals not stored as the code"
expect 0 m referral list --format csv
grep -q "^$ag1,AG1,2012-06-01,childrens_services,2,pending,\$" "$T/out" && ok || fail "CSV not the code: $(cat "$T/out")"
expect 0 m referral list
grep "AG1 " "$T/out" | grep -q "2012-06-01  Children's social care  " && ok || fail "list not the name: $(cat "$T/out")"
grep "AG2 " "$T/out" | grep -q "Mental health trust" && ok || fail "list not the name: $(cat "$T/out")"
# Text written before referrals took codes is shown as it was written.
q "UPDATE referrals SET agency = 'Police, PPU' WHERE id = $ag1"
expect 0 m referral list
grep "AG1 " "$T/out" | grep -q "2012-06-01  Police, PPU  " && ok || fail "legacy text not shown: $(cat "$T/out")"
expect 0 m referral list --format csv
grep -q "^$ag1,AG1,2012-06-01,\"Police, PPU\",2," "$T/out" && ok || fail "legacy CSV: $(cat "$T/out")"

# --- the demo: no referral without a level; Level 1 cases change nothing ------
demo=$T/demo.db
expect 0 "$MAPPA" --db "$demo" demo
[ "$("$SQLITE3_BIN" "$demo" "SELECT count(*) FROM referrals WHERE proposed_level IS NULL OR proposed_level NOT IN (2, 3)")" = 0 ] &&
	ok || fail "demo referral without a level"
unset MAPPA_TODAY
before=$(kpi_initial "$demo")
[ "$before" -gt 0 ] && ok || fail "demo initial total: $before"
for i in 1 2 3 4 5; do
	expect 0 "$MAPPA" --db "$demo" case add "NEWL1$i" --surname "New$i" --category 1 --level 1 --date 2012-05-0$i
done
[ "$(kpi_initial "$demo")" = "$before" ] && ok || fail "Level 1 registrations counted: $before -> $(kpi_initial "$demo")"
finish
