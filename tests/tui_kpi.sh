#!/bin/sh
# tui_kpi.sh -- the performance indicators screen (issue 8), driven in a
# private tmux server at 100x30 on the demo area: K from the register
# opens the latest complete year (2011-12), left goes to 2010-11 with the
# same figures as `mappa kpi`, the shortfalls name cases for an admin and
# Enter opens one; a lay adviser sees the counts and no identity.
. "${top_srcdir:-.}/tests/lib.sh"

. "${top_srcdir:-.}/tests/tui_lib.sh"
MAPPA_HOLIDAYS=$top_srcdir/data/bank-holidays.txt
export MAPPA_HOLIDAYS
expect 0 "$MAPPA" --db "$DB" demo
expect 0 "$MAPPA" --db "$DB" kpi --year 2010-11 --format csv
police=$(grep '^year,attendance,police,' "$T/out" | cut -d, -f4,5 | tr , /)
expect 0 "$MAPPA" --db "$DB" kpi --year 2010-11 --format csv --cases
ref=$(grep '^q4,actions_on_time,' "$T/out" | tail -n 1 | cut -d, -f5)
[ -n "$ref" ] && ok || fail "no action shortfall to look for"

# --- an admin ---------------------------------------------------------------
start a
wait_for a "Register"
keys a K
wait_for a "Performance indicators 2011-12"
wait_for a "Attendance at Level 2/3 meetings (target 90%)"
keys a Left
wait_for a "Performance indicators 2010-11"
wait_for a "Police"
screen a | grep "Police" | grep -qF "$police" && ok ||
	fail "police attendance on screen is not $police"
keys a G
wait_for a "days late"
wait_for a "$ref"
# The selected shortfall (the last): its case opens with Enter.
sel=$(screen a | grep -E '^(▶|>)' | grep -oE 'WF/[0-9]+/[0-9]+' | head -n 1)
[ -n "$sel" ] && ok || fail "no case on the selected shortfall"
keys a Enter
wait_for a "Case $sel"
keys a q
wait_for a "Performance indicators 2010-11"
keys a q
wait_for a "Register"
keys a q
wait_exit a 0

# --- a lay adviser ---------------------------------------------------------------
start l --user lay
wait_for l "Register"
keys l K
wait_for l "Performance indicators 2011-12"
keys l Left
wait_for l "Performance indicators 2010-11"
keys l G
wait_for l "The cases are not shown to lay advisers."
screen l > "$T/lay-screen"
keys l g
wait_for l "Attendance at Level 2/3 meetings"
screen l >> "$T/lay-screen"
lacks "$T/lay-screen" "$ref"
# No surname, forename or reference of any case anywhere on it.
sql "SELECT surname FROM offenders UNION SELECT forenames FROM offenders UNION SELECT ref FROM offenders" |
	tr ' ' '\n' | awk 'length($0) >= 3' | sort -u > "$T/secrets"
if grep -F -w -f "$T/secrets" "$T/lay-screen" > "$T/leaks"; then
	fail "a lay adviser saw identities: $(head -3 "$T/leaks")"
else
	ok
fi
lacks "$T/lay-screen" "shortfalls"
keys l q
keys l q
wait_exit l 0
finish
