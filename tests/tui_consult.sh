#!/bin/sh
# tui_consult.sh -- the consultation log on the screens (issue 13): a
# register search by name writes one audit row when it ends (not one per
# keystroke), saying what it was by and naming the case it found but
# never the text; n writes another; the audit screen filters by case
# (c): that case's rows, the search among them, the reading logged
# against it; the open actions, the KPI shortfalls and the retention
# review log the cases they show when they open.
. "${top_srcdir:-.}/tests/lib.sh"

. "${top_srcdir:-.}/tests/tui_lib.sh"

expect 0 "$MAPPA" --db "$DB" demo
set -- $(sql "SELECT id, ref, surname FROM offenders WHERE surname IS NOT NULL AND status != 'exited' AND (SELECT count(*) FROM offenders o2 WHERE o2.surname = offenders.surname) = 1 ORDER BY id LIMIT 1" | tr '|' ' ')
ID=$1 REF=$2 NAME=$3
[ -n "$NAME" ] && ok || fail "no surname to search for"
searches() { sql "SELECT count(*) FROM audit WHERE action = 'register.search'"; }

start a
wait_for a "Register"
keys a /
wait_for a "/ reference, name, PNC or CRN:"
type_text a "$NAME"
wait_for a "$REF"
# Typing is not logged: only the search that ends.
[ "$(searches)" -eq 0 ] && ok || fail "a search logged per keystroke"
keys a Enter
wait_for a "next match for '$NAME'"
[ "$(searches)" -eq 1 ] && ok || fail "$(searches) search rows, wanted 1"
row=$(sql "SELECT ifnull(record, '-') || '|' || detail FROM audit WHERE action = 'register.search'")
[ "$row" = "offender $ID|by: name; cases shown: 1" ] && ok || fail "search row: '$row'"
sql "SELECT * FROM audit WHERE action = 'register.search'" | grep -qF "$NAME" &&
	fail "the search text is in the audit" || ok
keys a n
wait_for a "wrapped"
[ "$(searches)" -eq 2 ] && ok || fail "n: $(searches) search rows, wanted 2"

# The audit screen, by case.
keys a A
wait_for a "Audit trail"
keys a c
wait_for a "Rows about case"
type_text a "NO/SUCH"
keys a Enter
wait_for a "no case NO/SUCH"
keys a c
wait_for a "Rows about case"
type_text a "$REF"
keys a Enter
wait_for a "Only rows about case '$REF'"
wait_for a "case $REF"
wait_for a "register.search"
# Reading the case's trail is logged against it, and shown.
wait_for a "the audit screen; cases shown: 1"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'audit.read' AND record = 'offender $ID'")" -eq 1 ] &&
	ok || fail "the case's trail read, not logged against it"
screen a >"$T/screen"
n=$(sql "SELECT count(*) FROM audit WHERE (' ' || record || ' ') LIKE '% offender $ID %' OR record = 'offender $ID'")
contains "$T/screen" "$n rows"
keys a x
wait_for a "Filters cleared"
keys a q
wait_for a "Register"

# The lists that show cases: the open actions, the KPI shortfalls; one
# row each when they open, naming their cases.
count() { sql "SELECT count(*) FROM audit WHERE action = '$1'"; }
keys a O
wait_for a "OVERDUE"
[ "$(count actions.view)" -eq 1 ] && ok || fail "actions list: $(count actions.view) rows"
aid=$(sql "SELECT offender_id FROM actions WHERE done IS NULL ORDER BY offender_id LIMIT 1")
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'actions.view' AND (',' || substr(record, 11) || ',') LIKE '%,$aid,%'")" -eq 1 ] &&
	ok || fail "the actions row does not name case $aid"
keys a q
wait_for a "Register"
keys a K
wait_for a "Performance indicators 2011-12"
wait_for a "Level set before release"
[ "$(count kpi.cases)" -eq 1 ] && ok || fail "KPI: $(count kpi.cases) case rows"
keys a Left
wait_for a "Performance indicators 2010-11"
[ "$(count kpi.cases)" -eq 2 ] && ok || fail "KPI, another year: $(count kpi.cases) case rows"
keys a q
wait_for a "Register"
# The retention review: one row when it opens, naming the records due
# (on the screens' today in 2012, none is: one brought forward).
rid=$(sql "SELECT id FROM offenders WHERE retention_review IS NOT NULL AND erased IS NULL ORDER BY id LIMIT 1")
[ -n "$rid" ] && ok || fail "no record with a retention review"
sql "UPDATE offenders SET retention_review = '2011-01-03' WHERE id = $rid"
keys a R
wait_for a "Retention review"
[ "$(count retention.view)" -eq 1 ] && ok || fail "retention: $(count retention.view) rows"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'retention.view' AND (record = 'offender $rid' OR (',' || substr(record, 11) || ',') LIKE '%,$rid,%')")" -eq 1 ] &&
	ok || fail "the retention row does not name record $rid: $(sql "SELECT substr(record, 1, 80), detail FROM audit WHERE action = 'retention.view'")"
keys a q
wait_for a "Register"
keys a q
wait_exit a 0
finish
