#!/bin/sh
# tui_admin.sh -- the admin screens, driven in a private tmux server at
# 100x30: the audit trail (recent rows, paging, filters, the order; its
# opening logged once; refused to a member), and the records due for
# retention review on 2016-01-01 in the demo: keep one (checked with
# `mappa retention`), an erasure whose justification names the person
# (refused, nothing changed), an erasure declined at the question, and
# one made (the identity gone, the 2010-11 statistics unchanged).  Every
# wait is a bounded poll of the screen, never a blind sleep.
. "${top_srcdir:-.}/tests/lib.sh"

. "${top_srcdir:-.}/tests/tui_lib.sh"
# Every session runs on 2016-01-01.
tui_env MAPPA_TODAY=2016-01-01

expect 0 "$MAPPA" --db "$DB" demo
ADMIN=$(sql "SELECT name FROM users WHERE role = 'admin' LIMIT 1")
# The two records due first: keep one, erase the other.
set -- $(env MAPPA_TODAY=2016-01-01 "$MAPPA" --db "$DB" retention \
	--format csv | sed -n '2,3p' | cut -d, -f1,2 | tr ',' ' ')
REF1=$1 REF2=$3 PSEUDO2=$4
[ -n "$REF1" ] && [ -n "$PSEUDO2" ] && ok || fail "no records due in 2016"
ID2=$(sql "SELECT id FROM offenders WHERE ref = '$REF2'")
SURNAME2=$(sql "SELECT surname FROM offenders WHERE id = $ID2")

# --- the audit trail -------------------------------------------------------
reads() { sql "SELECT count(*) FROM audit WHERE action = 'audit.read'"; }
before=$(reads)
start a
wait_for a "Register"
keys a A
wait_for a "Audit trail"
wait_for a "newest first"
wait_for a "Time (UTC)"
# Newest first: the opening itself is the top row, the demo's rows below.
wait_for a "audit.read by $ADMIN"
wait_for a "the audit screen"
wait_for a "agenda.add"
[ "$(reads)" -eq $((before + 1)) ] && ok || fail "opening not logged once"
changes a 5 PageDown
changes a 5 PageDown
changes a 5 g
wait_for a "audit.read"
keys a G
wait_for a "database.demo"
keys a I
wait_for a "Oldest first."
wait_for a "oldest first"
keys a a
wait_for a "Rows of action"
type_text a "offender.erase"
keys a Enter
wait_for a "Only rows of action 'offender.erase'"
wait_for a "No row matches the filters"
keys a u
wait_for a "Rows by user"
type_text a "$ADMIN"
keys a Enter
keys a x
wait_for a "Filters cleared: every row."
keys a /
wait_for a "/ rows holding"
type_text a "database.demo"
keys a Enter
wait_for a "1 row, oldest first"
keys a '?'
wait_for a "Keys: Audit trail"
wait_for a "show only one user's rows"
keys a q
wait_for a "1 row, oldest first"
# Paging and filtering are part of one reading: still one row.
[ "$(reads)" -eq $((before + 1)) ] && ok || fail "paging was logged"
keys a q
wait_for a "Reference"

# --- a member is refused the admin keys ------------------------------------
start m --user chair
wait_for m "Register"
keys m A
wait_for m "only an admin may do this (you are chair, role member)"
keys m j R
wait_for m "only an admin may do this (you are chair, role member)"
keys m '?'
wait_for m "Keys: Register"
keys m G
wait_for m "the audit trail: who did what"
wait_for m "(refused: admins only)"
keys m q q

# --- retention: keep -------------------------------------------------------
keys a R
wait_for a "due for retention review by 2016-01-01"
wait_for a "$REF1"
keys a K
wait_for a "Keep $REF1"
wait_for a "never name the person"
# The date offered is a year on; a date not after the review is refused.
keys a C-u
type_text a "2015-01-01"
wait_for a "not after the review due"
keys a C-u
type_text a "2019-06-30"
keys a Tab
type_text a "Open inquiry"
keys a F2
wait_for a "Kept $REF1 until 2019-06-30."
expect 0 env MAPPA_TODAY=2016-01-01 "$MAPPA" --db "$DB" retention --format csv
lacks "$T/out" "$REF1,"
contains "$T/out" "$REF2,"
expect 0 env MAPPA_TODAY=2020-01-01 "$MAPPA" --db "$DB" retention --format csv
contains "$T/out" "$REF1,"
[ "$(sql "SELECT retention_review FROM offenders WHERE ref = '$REF1'")" = 2019-06-30 ] &&
	ok || fail "keep: review date not set"
sql "SELECT detail FROM audit WHERE action = 'retention.keep'" > "$T/keep"
contains "$T/keep" "justification: Open inquiry"

# --- retention: an erasure that names the person is refused ----------------
wait_for a "$REF2"
keys a E
wait_for a "Why erase"
type_text a "no longer needed for $SURNAME2"
keys a Enter
wait_for a "Erase $PSEUDO2 ($REF2) for ever? It cannot be undone."
keys a y
wait_for a "Not erased: the justification must not identify the person"
[ "$(sql "SELECT surname FROM offenders WHERE id = $ID2")" = "$SURNAME2" ] &&
	ok || fail "a refused erasure changed the record"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'offender.erase'")" = 0 ] &&
	ok || fail "a refused erasure was logged as done"
# The justification typed opens again, to be put right; Esc drops it.
wait_for a "Why erase"
wait_for a "no longer needed for $SURNAME2"
keys a Escape
wait_for a "Not erased; nothing was changed."
# Declined at the question: nothing changed.
keys a E
wait_for a "Why erase"
type_text a "Reviewed: no longer needed"
keys a Enter
wait_for a "It cannot be undone."
keys a n
wait_for a "Not erased; nothing was changed."
[ "$(sql "SELECT surname FROM offenders WHERE id = $ID2")" = "$SURNAME2" ] &&
	ok || fail "a declined erasure changed the record"

# --- retention: erased ------------------------------------------------------
keys a E
wait_for a "Why erase"
type_text a "Reviewed: no longer needed"
keys a Enter
wait_for a "Erase $PSEUDO2 ($REF2) for ever?"
keys a y
wait_for a "Erased $REF2: its history stays as $PSEUDO2."
[ "$(sql "SELECT count(*) FROM offenders WHERE id = $ID2 AND surname IS NULL
	AND forenames IS NULL AND pnc IS NULL AND crn IS NULL AND
	erased IS NOT NULL")" = 1 ] && ok || fail "the identity was not erased"
[ "$(sql "SELECT count(*) FROM offenders WHERE surname = '$SURNAME2' AND id = $ID2")" = 0 ] &&
	ok || fail "the surname is still there"
sql "SELECT detail FROM audit WHERE action = 'offender.erase'" > "$T/erase"
contains "$T/erase" "justification: Reviewed: no longer needed"
lacks "$T/erase" "$SURNAME2"
expect 0 "$MAPPA" --db "$DB" stats --year 2010-11 --format csv
cmp -s "$T/out" "$SPECDIR/demo-2010-11.csv" && ok ||
	fail "the statistics changed after an erasure"
keys a q q
wait_exit a 0
finish
