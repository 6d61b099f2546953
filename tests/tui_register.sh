#!/bin/sh
# tui_register.sh -- the screens, driven as a person drives them: the real
# binary in a private tmux server at 100x30, keys in, screen text out.
# Browse, search, open, edit, a refused edit, a level change with its
# reason (checked in the database and the audit trail), two people
# editing one record, a resize to 30x8 and back, SIGHUP in the middle of
# an edit, a dropped terminal, quit.  Every wait is a bounded poll of the
# screen, never a blind sleep.
. "${top_srcdir:-.}/tests/lib.sh"

. "${top_srcdir:-.}/tests/tui_lib.sh"

expect 0 "$MAPPA" --db "$DB" demo
# Cases to work on: in the community, Category 1 at Level 1.
set -- $(sql "SELECT ref, surname FROM offenders WHERE status = 'community'
	AND category = 1 AND level = 1 ORDER BY id LIMIT 3" | tr '|' ' ')
REF1=$1 NAME1=$2 REF2=$3 NAME2=$4 REF3=$5
ID1=$(sql "SELECT id FROM offenders WHERE ref = '$REF1'")
ID2=$(sql "SELECT id FROM offenders WHERE ref = '$REF2'")

# --- browse ---------------------------------------------------------------
start a
wait_for a "DEMO DATA"
wait_for a "Register"
wait_for a "Reference"
first=$(screen a | sed -n 4p)
keys a PageDown
i=0
while [ $i -lt "$(ticks 50)" ] && [ "$(screen a | sed -n 4p)" = "$first" ]; do
	i=$((i + 1)); sleep 0.1
done
[ "$(screen a | sed -n 4p)" != "$first" ] && ok || fail "PgDn moved nothing"
keys a '>'
wait_for a "Sorted by Name."
keys a c
wait_for a "category 1"
keys a x '<'
wait_for a "Sorted by Reference."
keys a '?'
wait_for a "Keys: Register"
wait_for a "take a new case"
keys a q
wait_for a "Reference"

# --- search and open -------------------------------------------------------
keys a /
wait_for a "/ reference, name, PNC or CRN:"
type_text a "$REF1"
keys a Enter
wait_for a "next match for '$REF1'"
keys a Enter
wait_for a "Case $REF1"
wait_for a "History"
wait_for a "registered: Category"

# --- edit -----------------------------------------------------------------
keys a e
wait_for a "The identity of $REF1"
keys a Tab Tab C-u
type_text a "Tmuxtest"
keys a F2
wait_for a "Saved the identity of $REF1"
[ "$(sql "SELECT forenames FROM offenders WHERE id = $ID1")" = Tmuxtest ] &&
	ok || fail "forenames not saved"

# --- a level change needs its reason; with it, it is saved and audited -------
keys a L
wait_for a "Record an event for $REF1"
keys a Right F2
wait_for a "Not saved: Reason: a level change needs its reason"
type_text a "tmux test: new intelligence"
keys a Tab
type_text a "Test Chair"
keys a F2
wait_for a "Saved: level change"
wait_for a "why: tmux test: new intelligence"
[ "$(sql "SELECT level FROM offenders WHERE id = $ID1")" = 2 ] && ok ||
	fail "level not changed"
[ "$(sql "SELECT count(*) FROM events WHERE offender_id = $ID1 AND
	type = 'level' AND note = 'tmux test: new intelligence' AND
	decided_by = 'Test Chair' AND source = 'mappa'")" = 1 ] && ok ||
	fail "level event not recorded with its reason"
expect 0 "$MAPPA" --db "$DB" audit --format csv
contains "$T/out" "event.add,offender $ID1 event"
contains "$T/out" "level: 1 -> 2"
lacks "$T/out" "new intelligence"
keys a q
wait_for a "Reference"

# --- a lay adviser: read-only, no identities -------------------------------
start l --user lay
wait_for l "READ-ONLY"
wait_for l "Pseudonym"
screen l > "$T/lay.txt"
lacks "$T/lay.txt" "$NAME1"
lacks "$T/lay.txt" "$REF1"
keys l e
wait_for l "Read-only: a lay adviser may look, but not change records."
keys l L
wait_for l "Read-only"
keys l Enter
wait_for l "pseudonymous reference"
screen l > "$T/lay.txt"
lacks "$T/lay.txt" "PNC"
lacks "$T/lay.txt" "Born"
lacks "$T/lay.txt" "recorded by"
keys l q q
wait_exit l 0

# --- two people edit one record: refused, both shown, nothing lost ----------
start c --user chair
for s in a c; do
	keys $s /
	type_text $s "$REF2"
	keys $s Enter Enter
	wait_for $s "Case $REF2"
	keys $s e
	wait_for $s "The identity of $REF2"
done
# The chair changes the surname and saves first.
keys c Tab C-u
type_text c "Chairsname"
keys c F2
wait_for c "Saved the identity of $REF2"
# The admin sees within seconds that someone else saved, then changes
# the forenames and saves: refused, both versions shown.
wait_for a "Someone else has just saved this record"
keys a Tab Tab C-u
type_text a "Adminsname"
keys a F2
wait_for a "Someone else saved $REF2"
wait_for a "Yours (not saved)"
wait_for a "Theirs (saved)"
wait_for a "Chairsname"
wait_for a "Adminsname"
[ "$(sql "SELECT forenames FROM offenders WHERE id = $ID2")" != Adminsname ] &&
	ok || fail "a stale save was written"
keys a m
wait_for a "Save your version over theirs? (y/n)"
keys a y
wait_for a "Saved the identity of $REF2"
[ "$(sql "SELECT surname || ',' || forenames FROM offenders WHERE id =
	$ID2")" = "Chairsname,Adminsname" ] && ok ||
	fail "a change was lost: $(sql "SELECT surname, forenames FROM offenders WHERE id = $ID2")"
keys c q q
wait_exit c 0

# --- resize to 30x8 and back ----------------------------------------------------
tm resize-window -t a -x 30 -y 8
wait_for a "terminal too small"
tm resize-window -t a -x 100 -y 30
wait_for a "Case $REF2"
wait_for a "History"

# --- SIGHUP in the middle of an edit: nothing saved, status 129, no process ---
start h
keys h /
type_text h "$REF3"
keys h Enter Enter e
wait_for h "The identity of $REF3"
keys h Tab C-u
type_text h "NOTSAVED"
wait_for h "NOTSAVED"
before=$(sql "SELECT * FROM offenders; SELECT * FROM events" | cksum)
pid=$(cat "$T/pid.h")
kill -HUP "$pid"
wait_exit h 129
gone "$pid"
after=$(sql "SELECT * FROM offenders; SELECT * FROM events" | cksum)
[ "$before" = "$after" ] && ok || fail "SIGHUP mid-edit changed the database"
[ "$(sql "SELECT count(*) FROM offenders WHERE surname = 'NOTSAVED'")" = 0 ] &&
	ok || fail "a half-typed edit was saved"

# --- the terminal goes away (SIGHUP ignored): it ends, it does not spin --------
# Under the sanitizers with the leak check at exit: the SIGCONT the dead
# terminal's session leader sends its old foreground group as it exits
# once undid the stop LeakSanitizer's tracer waited for, and mappa spun
# for ever (4 times in 20 under load); mappa now leaves that session first.
NOHUP=1 start d
pid=$(cat "$T/pid.d")
tm kill-session -t d
gone "$pid"

# --- quit ---------------------------------------------------------------------
keys a q
wait_for a "Reference"
keys a q
wait_exit a 0
finish
