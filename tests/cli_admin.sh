#!/bin/sh
# cli_admin.sh -- backups and the review of what is kept, end to end.
. "${top_srcdir:-.}/tests/lib.sh"
d=$T/demo.db
expect 0 "$MAPPA" --db "$d" demo

# A backup is a consistent copy, mode 0600, and never overwrites.
expect 0 "$MAPPA" --db "$d" backup "$T/b.db"
[ "$(stat -c %a "$T/b.db")" = 600 ] && ok || fail "backup mode $(stat -c %a "$T/b.db")"
[ "$("$SQLITE3_BIN" "$T/b.db" 'PRAGMA integrity_check')" = ok ] && ok || fail "backup integrity"
expect 0 "$MAPPA" --db "$T/b.db" stats --year 2010-11 --format csv
cmp -s "$T/out" "$SPECDIR/demo-2010-11.csv" && ok || fail "backup statistics differ"
expect 1 "$MAPPA" --db "$d" backup "$T/b.db"
contains "$T/err" "never overwrites"
expect 3 "$MAPPA" --db "$d" --user chair backup "$T/c.db"
[ ! -e "$T/c.db" ] && ok || fail "a refused backup left a file"
# A backup taken while another process writes is still consistent.
( for i in 1 2 3 4 5; do "$MAPPA" --db "$d" settings set review_weeks_level2 1$i; done ) &
expect 0 "$MAPPA" --db "$d" backup "$T/during.db"
wait
[ "$("$SQLITE3_BIN" "$T/during.db" 'PRAGMA integrity_check')" = ok ] && ok || fail "backup during writes"

# Retention: due as of a date; keep needs a reason that does not identify.
expect 0 env MAPPA_TODAY=2016-01-01 "$MAPPA" --db "$d" retention --format csv
[ "$(head -n 1 "$T/out")" = "ref,pseudo,category,exited,review" ] && ok || fail "retention header"
n=$(($(wc -l < "$T/out") - 1))
[ "$n" -gt 10 ] && ok || fail "only $n records due by 2016"
ref=$(sed -n 2p "$T/out" | cut -d, -f1)
surname=$("$SQLITE3_BIN" "$d" "SELECT surname FROM offenders WHERE ref = '$ref'")
expect 2 "$MAPPA" --db "$d" retention erase "$ref" --reason "Not needed"
expect 1 "$MAPPA" --db "$d" retention keep "$ref" --until 2030-01-01 --reason "about $surname"
contains "$T/err" "must not identify"
expect 0 "$MAPPA" --db "$d" retention keep "$ref" --until 2030-01-01 --reason "Open inquiry"
expect 3 "$MAPPA" --db "$d" --user chair retention erase "$ref" --reason "x" --yes
expect 3 "$MAPPA" --db "$d" --user lay retention
expect 0 "$MAPPA" --db "$d" retention erase "$ref" --reason "Reviewed: no longer needed" --yes
[ -z "$("$SQLITE3_BIN" "$d" "SELECT 1 FROM offenders WHERE surname = '$surname' AND ref = '$ref'")" ] && ok || fail "erased identity survives"
"$SQLITE3_BIN" "$d" .dump > "$T/dump.sql"
lacks "$T/dump.sql" "'$ref'"
# The statistics never change.
expect 0 "$MAPPA" --db "$d" stats --year 2010-11 --format csv
cmp -s "$T/out" "$SPECDIR/demo-2010-11.csv" && ok || fail "erasure changed the statistics"
expect 0 "$MAPPA" --db "$d" audit --format csv
contains "$T/out" "offender.erase"
contains "$T/out" "justification: Reviewed: no longer needed"
finish
