#!/bin/sh
# tui_casefile.sh -- the case file on the screens (issue 15): a case opened
# at 120x36 shows above its history, on the first screen, what a panel
# asks first (RoSH and who is at risk, key dates with MAPPA J, the index
# offence, the last disclosure, open actions); the forms add a risk
# assessment, a note, an offence, a disclosure decision and key dates,
# each seen on the case at once and stored; the key-date lists open from
# the register; a new referral matching a recorded person names it before
# saving.  Every wait is a bounded poll.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui_lib.sh"
S=a TUI_SIZE=120x36

expect 0 "$MAPPA" --db "$DB" demo
# A case in custody, its release expected, with a disclosure decision.
REF=$(sql "SELECT o.ref FROM offenders o WHERE o.status = 'custody' AND
	EXISTS (SELECT 1 FROM disclosures d WHERE d.offender_id = o.id) AND
	EXISTS (SELECT 1 FROM key_dates k WHERE k.offender_id = o.id AND
	k.expected_release IS NOT NULL) ORDER BY o.ref LIMIT 1")
[ -n "$REF" ] && ok || fail "the demo has no custody case with a disclosure"
ID=$(sql "SELECT id FROM offenders WHERE ref = '$REF'")

start $S
wait_for $S "Register"
keys $S /
type_text $S "$REF"
keys $S Enter
wait_for $S "next match for '$REF'"
keys $S Enter
wait_for $S "History"

# --- what a panel asks first, above the history, on one screen ------------------
screen $S > "$T/case"
hist=$(grep -n '^ History' "$T/case" | cut -d: -f1)
[ -n "$hist" ] && ok || fail "History is not on the first screen"
for what in "Risk of serious harm:" "at risk:" "Key dates:" "MAPPA J" \
	    "Index offence:" "Last disclosure decision:" "Open actions:"; do
	line=$(grep -nF -- "$what" "$T/case" | head -n 1 | cut -d: -f1)
	if [ -n "$line" ] && [ -n "$hist" ] && [ "$line" -lt "$hist" ]; then
		ok
	else
		fail "'$what' is not above the history: $(cat "$T/case")"
	fi
done

# --- a risk assessment ---------------------------------------------------------
keys $S R
wait_for $S "Record a risk assessment"
# Very high (two steps right of medium), children and staff at risk.
keys $S Tab Right Right Tab Space Tab Tab Tab Space Tab Tab
type_text $S "T. Tester (NPS)"
keys $S F2
wait_for $S "Risk assessment recorded for $REF"
wait_for $S "Risk of serious harm: VERY HIGH"
wait_for $S "by T. Tester (NPS); at risk: children, staff"
[ "$(sql "SELECT rosh || ' ' || at_risk FROM risk_assessments WHERE offender_id = $ID ORDER BY id DESC LIMIT 1")" = "very_high 9" ] && ok || fail "the risk assessment was not stored"

# --- a scored assessment: a tool of the setting ----------------------------------
keys $S s
wait_for $S "Record a scored assessment"
wait_for $S "OASys"
keys $S Tab Right Tab
type_text $S "37%"
keys $S F2
wait_for $S "Scored assessment recorded for $REF"
wait_for $S "Scores: OGRS 37% ("

# --- when an order ends: one of the case's orders, or none to choose ---------------
ORDER=$(sql "SELECT kind || ' made ' || date FROM events WHERE offender_id = $ID AND type = 'order' ORDER BY date LIMIT 1")
keys $S E
if [ -n "$ORDER" ]; then
	wait_for $S "When an order ends"
	wait_for $S "$ORDER"
	keys $S Tab
	type_text $S "2030-01-31"
	keys $S F2
	wait_for $S "Order's end saved for $REF"
	wait_for $S "ends 2030-01-31"
else
	wait_for $S "This case's history has no order"
fi

# --- a note, then one that corrects it -------------------------------------------
keys $S n
wait_for $S "Add a case note"
keys $S Tab
type_text $S "Home visit"
keys $S Tab
type_text $S "Seen at the address on the licence."
keys $S F2
wait_for $S "Note added for $REF"
NOTE=$(sql "SELECT max(id) FROM case_notes WHERE offender_id = $ID")
keys $S n
wait_for $S "Add a case note"
keys $S Tab
type_text $S "Correction"
keys $S Tab
type_text $S "Seen at his sister's address."
keys $S Tab
type_text $S "$NOTE"
keys $S F2
wait_for $S "Note added for $REF"
[ "$(sql "SELECT corrects FROM case_notes WHERE offender_id = $ID ORDER BY id DESC LIMIT 1")" = "$NOTE" ] && ok || fail "the correction does not point at its note"
keys $S G
wait_for $S "Correction, by "
wait_for $S "(corrects note $NOTE)"
keys $S g

# --- an offence, made the index offence --------------------------------------------
keys $S o
wait_for $S "Record an offence"
keys $S Space Tab
type_text $S "Robbery (s.8 Theft Act 1968)"
keys $S Tab
type_text $S "2010-02-03"
keys $S Tab
type_text $S "Fenchester Crown Court"
keys $S F2
wait_for $S "Offence recorded for $REF"
wait_for $S "Index offence: Robbery (s.8 Theft Act 1968), 2010-02-03, Fenchester Crown Court"

# --- a disclosure decision: the form refuses it without a decider --------------------
keys $S D
wait_for $S "Record a disclosure decision"
keys $S Tab Tab
type_text $S "Employer"
keys $S Tab
type_text $S "The index offence"
keys $S Tab
type_text $S "Driving job with contact with children"
keys $S F2
wait_for $S "give the meeting that decided, or the person who did"
keys $S Tab Tab
type_text $S "ACO Probation"
keys $S Tab Space F2
wait_for $S "Disclosure decision recorded for $REF"
wait_for $S "Last disclosure decision: "
wait_for $S "disclosed to Employer, decided by ACO Probation; undertaking signed"

# --- key dates: MAPPA J sent ------------------------------------------------------------
keys $S d
wait_for $S "Key dates: $REF"
keys $S Tab Tab Tab Tab Tab C-u
type_text $S "2012-05-01"
keys $S F2
wait_for $S "Key dates saved for $REF"
wait_for $S "MAPPA J sent 2012-05-01"
[ "$(sql "SELECT count(*) FROM key_dates WHERE offender_id = $ID")" -ge 2 ] && ok || fail "the key dates kept no history"
# Each form's write left an audit row naming fields, never values.
[ "$(sql "SELECT count(*) FROM audit WHERE record = 'offender $ID' AND action IN ('offender.risk','offender.note','offender.offence','offender.disclosure','offender.dates','offender.score')")" = 7 ] && ok || fail "the forms' audit rows"
[ "$(sql "SELECT count(*) FROM audit WHERE detail LIKE '%Tester%' OR detail LIKE '%Employer%' OR detail LIKE '%Robbery%'")" = 0 ] && ok || fail "the audit holds values"

# --- the key-date lists from the register -------------------------------------------------
keys $S Escape
wait_for $S "Register"
keys $S J
wait_for $S "MAPPA J due or overdue"
"$MAPPA" --db "$DB" keydates --list mappa-j --format csv > "$T/j.csv" 2>/dev/null
FIRST=$(sed -n '2p' "$T/j.csv" | cut -d, -f2)
[ -n "$FIRST" ] && ok || fail "the demo has no MAPPA J due"
wait_for $S "$FIRST"
keys $S NPage
wait_for $S "Releases in the next 6 weeks"
keys $S G
wait_for $S "Notification ending in the next 6 weeks"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'keydates.view' AND detail LIKE 'screen; cases shown: %'")" = 1 ] && ok || fail "the key-date screen logged other than once"
# Naming the cases it showed, the first on the screen among them.
FIRST_ID=$(sql "SELECT id FROM offenders WHERE ref = '$FIRST'")
sql "SELECT record FROM audit WHERE action = 'keydates.view' AND detail LIKE 'screen;%'" | tr ' ,' '\n\n' | grep -qx "$FIRST_ID" && ok ||
	fail "the key-date screen's consultation does not name $FIRST ($FIRST_ID)"
keys $S Escape
wait_for $S "Register"

# --- a possible duplicate person is named before saving --------------------------------------
PNC=$(sql "SELECT pnc FROM offenders WHERE ref = '$REF'")
keys $S a
wait_for $S "New case"
type_text $S "wf/12/9991"
keys $S Tab
type_text $S "Newname"
keys $S Tab Tab Tab Tab
type_text $S "$PNC"
keys $S F2
wait_for $S "Possibly the same person as $REF"
wait_for $S "save as a new case all the same? (y/n)"
keys $S n
wait_for $S "Not saved: look the case up first"
[ "$(sql "SELECT count(*) FROM offenders WHERE ref = 'WF/12/9991'")" = 0 ] && ok || fail "saved without a yes"
keys $S F2
wait_for $S "save as a new case all the same? (y/n)"
keys $S y
wait_for $S "Case added: WF/12/9991"
[ "$(sql "SELECT count(*) FROM offenders WHERE ref = 'WF/12/9991'")" = 1 ] && ok || fail "not saved after yes"

keys $S q
wait_exit $S 0
finish
