#!/bin/sh
# tui_process.sh -- the case process on the screens (issue 12), in a
# private tmux server: the pending referrals, overdue first, withdrawn
# from the list; the agenda builder adds every proposed case, keeps the
# selection in the proposal, asks the reason and warns before a case at
# the wrong level goes on; H refuses a meeting before its date and asks
# before holding one; d warns when no level decision is recorded and
# never un-discusses, U asks first; level decisions in the command
# line's words: up one level said "to Level N", a named level, exit
# kinds picked from the list before the reason, a refused decision or
# kind open again as typed, a recorded decision shown and replaced only
# on a yes -- also when a second chair recorded one meanwhile.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui_lib.sh"
TUI_SIZE=120x36
MAPPA_HOLIDAYS=$(cd "$top_srcdir" && pwd)/data/bank-holidays.txt
MAPPA_TODAY=2012-06-29
export MAPPA_HOLIDAYS MAPPA_TODAY
tui_env "MAPPA_HOLIDAYS=$MAPPA_HOLIDAYS" "MAPPA_TODAY=$MAPPA_TODAY"
m() { "$MAPPA" --db "$DB" "$@"; }

expect 0 m init --area "Test Area"
expect 0 m user add bob --role member
expect 0 m case add R2 --surname Redd --category 1 --level 1 --date 2012-04-02
expect 0 m case add R3 --surname Rowe --category 2 --level 2 --date 2012-04-02
expect 0 m case add X4 --surname Exe --category 1 --level 2 --date 2012-04-02
expect 0 m case add L1C --surname Lamb --category 1 --level 1 --date 2012-04-02
for p in P1 P2 P3; do
	expect 0 m case add "$p" --surname "Pea$p" --category 1 --level 2 --date 2012-03-01
done
expect 0 m referral add R2 --level 2 --agency police --reason "new risk" --date 2012-05-02
expect 0 m referral add R3 --level 3 --agency probation --reason threats --date 2012-06-01
expect 0 m referral add L1C --level 2 --agency housing --reason concern --date 2012-06-27
rw=$(cat "$T/out")
expect 0 m meeting add 2012-06-05 --level 2 --chair "DCI Chair"
m1=$(cat "$T/out")
expect 0 m meeting add 2012-07-03 --level 2 --chair "DCI Chair"
m2=$(cat "$T/out")
expect 0 m meeting agenda-add "$m1" R2
expect 0 m meeting agenda-add "$m1" X4
expect 0 m meeting add 2012-06-12 --level 2
m3=$(cat "$T/out")
expect 0 m meeting hold "$m3"

# R3's agency as written before referrals took codes.
sql "UPDATE referrals SET agency = 'Probation (NPS North)' WHERE offender_id = (SELECT id FROM offenders WHERE ref = 'R3')"

start a
wait_for a "Register"

# --- the pending referrals ---------------------------------------------
keys a P
wait_for a "Pending referrals: 3, 2 overdue"
screen a | grep -A1 "Meet by" | tail -1 | grep -q "R2 .*OVERDUE" && ok ||
	fail "R2 not first and overdue: $(screen a)"
# Who referred: the agency table's name for a code; text stored before
# referrals took codes, as it was written.
screen a | grep -q "R2 .* Police  .*OVERDUE" && ok || fail "R2's agency not named: $(screen a)"
screen a | grep -q "R3 .* Probation (NPS North) .*OVERDUE" && ok || fail "R3's older text not shown: $(screen a)"
screen a | grep -q "L1C .* Housing  " && ok || fail "L1C's agency not named: $(screen a)"
# Opening it is one consultation naming the three cases.
[ "$(sql "SELECT action || ' ' || detail FROM audit ORDER BY id DESC LIMIT 1")" = "referrals.view pending referrals; cases shown: 3" ] &&
	ok || fail "the referrals screen's consultation: $(sql "SELECT action, record, detail FROM audit ORDER BY id DESC LIMIT 2")"
keys a j j
keys a w
wait_for a "Withdraw referral $rw of L1C? (y/n)"
keys a y
wait_for a "Why withdrawn (optional):"
type_text a "moved out of the area"
keys a Enter
wait_for a "Referral $rw of L1C withdrawn."
wait_for a "Pending referrals: 2, 2 overdue"
[ "$(sql "SELECT outcome FROM referrals WHERE id = $rw")" = withdrawn ] && ok || fail "not withdrawn"
keys a q
wait_for a "Register"

# --- the agenda builder of the meeting to come --------------------------
keys a M
wait_for a "MAPP meetings:"
keys a /
wait_for a "Go to the date"
type_text a "2012-07-03"
keys a Enter
keys a H
wait_for a "Meeting $m2 is on 2012-07-03: it can be marked held on or after that day."
[ "$(sql "SELECT status FROM meetings WHERE id = $m2")" = scheduled ] && ok || fail "held before its date"
keys a b
wait_for a "Agenda of meeting $m2, Level 2, 2012-07-03: 0 cases, 3 proposed"
wait_for a "▶     P1"
keys a Enter
wait_for a "P1 added to the agenda (review)."
wait_for a "1 cases, 2 proposed"
# The selection stays in the proposal, on the case after the one added.
wait_for a "▶     P2"
keys a A
wait_for a "Add all 2 proposed cases to the agenda? (y/n)"
keys a y
wait_for a "2 proposed cases added to the agenda."
[ "$(sql "SELECT count(*) FROM agenda_items WHERE meeting_id = $m2")" = 3 ] && ok || fail "add all"
# By reference: the reason asked (initial: a referral is pending) and,
# the referral being for Level 3, a yes before it goes on.
keys a /
wait_for a "Case reference:"
type_text a "R3"
keys a Enter
wait_for a "Reason for R3 (initial, review, level_change, exit, other):initial"
keys a Enter
wait_for a "R3: the referral is for Level 3, not 2. Add it anyway? (y/n)"
keys a n
wait_for a "R3 not added."
[ "$(sql "SELECT count(*) FROM agenda_items WHERE meeting_id = $m2")" = 3 ] && ok || fail "R3 added on a no"
keys a q
wait_for a "MAPP meetings:"

# --- meeting mode: held on a yes ---------------------------------------
keys a /
wait_for a "Go to the date"
type_text a "2012-06-05"
keys a Enter
keys a Enter
wait_for a "CONFIDENTIALITY AND DIVERSITY"
keys a H
wait_for a "Mark meeting $m1 of 2012-06-05 held? It can then be minuted. (y/n)"
keys a n
[ "$(sql "SELECT status FROM meetings WHERE id = $m1")" = scheduled ] && ok || fail "held on a no"
keys a H
wait_for a "Mark meeting $m1 of 2012-06-05 held?"
keys a y
wait_for a "The meeting is held: it may be minuted."
keys a Right Right
wait_for a "CASE 1 OF 2:  R2"

# d with no decision warns; no marks nothing.
keys a d
wait_for a "No level decision is recorded for R2.  Mark it discussed anyway? (y/n)"
keys a n
[ "$(sql "SELECT discussed FROM agenda_items WHERE meeting_id = $m1 AND position = 1")" = 0 ] && ok ||
	fail "discussed on a no"

# A decision that cannot be opens again as typed; up is one level.
keys a L
wait_for a "Level decision, now Level 1 (stay, up, down, to N, exit):"
type_text a "down"
keys a Enter
wait_for a "NOT A DECISION: the case is at Level 1: there is no Level 0 to go down to."
wait_for a "exit):down"
keys a C-u
type_text a "up"
keys a Enter
wait_for a "Reason for up to Level 2 (kept on the level event):"
type_text a "escalating risk"
keys a Enter
wait_for a "Level decision recorded: up to Level 2 (the level event is written)"
wait_for a "LEVEL DECISION: up to Level 2"
[ "$(sql "SELECT level FROM offenders WHERE ref = 'R2'")" = 2 ] && ok || fail "R2 not at Level 2"
[ "$(sql "SELECT outcome FROM referrals WHERE offender_id = (SELECT id FROM offenders WHERE ref = 'R2')")" = accepted ] &&
	ok || fail "R2's referral not accepted with the decision"
# A recorded decision is shown and replaced only on a yes.
keys a L
wait_for a "Recorded: up to Level 2.  Replace it? (y/n)"
keys a n
[ "$(sql "SELECT count(*) FROM events WHERE type = 'level'")" = 1 ] && ok || fail "replaced on a no"

# --- two chairs on X4 -----------------------------------------------------
keys a Right
wait_for a "CASE 2 OF 2:  X4"
keys a L
wait_for a "Level decision, now Level 2"
type_text a "exit"
keys a Enter
# The kinds listed before the reason; a wrong one opens again as typed.
wait_for a "Exit kind (1-6, or its name):"
wait_for a "3  risk_reduced"
wait_for a "6  other"
type_text a "holiday"
keys a Enter
wait_for a "NOT A KIND: \"holiday\"."
wait_for a "its name):holiday"
keys a C-u
type_text a "3"
keys a Enter
wait_for a "Reason for exit (risk_reduced) (kept on the level event):"
type_text a "risk has reduced"
# Meanwhile the other chair records "stay".
expect 0 "$MAPPA" --db "$DB" --user bob meeting level "$m1" X4 stay
keys a Enter
wait_for a "Replace stay at Level 2 with exit (risk_reduced)? (y/n)"
wait_for a "NOT RECORDED: someone recorded stay at Level 2 meanwhile."
keys a n
wait_for a "The recorded decision stands."
[ "$(sql "SELECT status FROM offenders WHERE ref = 'X4'")" = community ] && ok || fail "X4 exited on a no"
# Replaced on purpose, to a named level.
keys a L
wait_for a "Recorded: stay at Level 2.  Replace it? (y/n)"
keys a y
wait_for a "Level decision, now Level 2"
type_text a "to 3"
keys a Enter
wait_for a "Reason for up to Level 3 (kept on the level event):"
type_text a "more risk"
keys a Enter
wait_for a "Level decision recorded: up to Level 3"
[ "$(sql "SELECT level FROM offenders WHERE ref = 'X4'")" = 3 ] && ok || fail "X4 not at Level 3"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'minutes.level' AND detail LIKE 'level_decision: stay at Level 2 -> up to Level 3;%'")" = 1 ] &&
	ok || fail "the audit lacks the true before and after"

# --- discussed, and not ---------------------------------------------------------
keys a d
wait_for a "1 of 2 discussed"
keys a d
wait_for a "X4 is discussed already (U marks it not discussed)."
keys a U
wait_for a "Mark X4 not discussed? (y/n)"
keys a y
wait_for a "X4 is marked not discussed."
[ "$(sql "SELECT discussed FROM agenda_items a JOIN offenders o ON o.id = a.offender_id WHERE o.ref = 'X4' AND a.meeting_id = $m1")" = 0 ] &&
	ok || fail "U did not un-discuss"

# --- reopening a held meeting: an admin's act with a reason -----------------
keys a q
wait_for a "MAPP meetings:"
keys a R
wait_for a "Why reopen held meeting $m1? (kept in the audit trail):"
type_text a "wrong day"
keys a Enter
wait_for a "Not reopened: the meeting's decisions changed 2 cases' levels"
keys a /
wait_for a "Go to the date"
type_text a "2012-06-12"
keys a Enter
keys a R
wait_for a "Why reopen held meeting $m3? (kept in the audit trail):"
type_text a "held by mistake"
keys a Enter
wait_for a "Meeting $m3 is scheduled again; the reason is in the audit trail."
[ "$(sql "SELECT detail FROM audit WHERE action = 'meeting.reopen'")" = "status: held -> scheduled; reason: held by mistake" ] &&
	ok || fail "reopen not audited with its reason"
keys a q
wait_for a "Register"

# --- a new case at Level 2: who referred, offered from the agency table ----
keys a a
wait_for a "New case"
type_text a "N2"
keys a Tab
type_text a "Newby"
for i in 1 2 3 4 5 6 7 8 9 10 11; do keys a Tab; done
keys a Right
wait_for a "Referred by  ◂ Probation ▸"
keys a BTab BTab Right Right
wait_for a "Referred by  ◂ Children's social care ▸"
keys a F2
wait_for a "Referral taken: N2"
[ "$(sql "SELECT r.agency FROM referrals r JOIN offenders o ON o.id = r.offender_id WHERE o.ref = 'N2'")" = childrens_services ] &&
	ok || fail "the form's agency not stored as the code: $(sql "SELECT agency FROM referrals")"
keys a q
wait_exit a 0
finish
