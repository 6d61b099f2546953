#!/bin/sh
# lay_leak.sh -- a lay adviser never sees who an offender is: after a lay
# session has run every command it may (and tried those it may not), no
# output holds any surname, forename, PNC or CRN in the database.
. "${top_srcdir:-.}/tests/lib.sh"
d=$T/demo.db
expect 0 "$MAPPA" --db "$d" demo
: "${SQLITE3_BIN:=sqlite3}"
"$SQLITE3_BIN" "$d" "SELECT surname FROM offenders UNION SELECT forenames FROM offenders UNION SELECT pnc FROM offenders UNION SELECT crn FROM offenders UNION SELECT ref FROM offenders" |
	tr ' ' '\n' | awk 'length($0) >= 3' | sort -u > "$T/secrets"
[ "$(wc -l < "$T/secrets")" -gt 1000 ] && ok || fail "too few identities to look for"

out=$T/lay-output
: > "$out"
lay() {
	"$MAPPA" --db "$d" --user lay "$@" >>"$out" 2>&1
	echo "exit $?" >> "$out"
}
lay stats
lay stats --year 2010-11 --format csv
lay stats --year 2010-11 --format markdown
lay stats --year 2010-11 --format json
lay stats --years 2005-06..2011-12
lay stats --years 2005-06..2011-12 --format csv
lay report --year 2010-11
lay report --year 2010-11 --format html
lay settings list
lay settings get area_name
lay user list
lay audit
lay audit --format csv
lay retention
lay backup "$T/lay-backup.db"
lay init
lay --help
lay frobnicate
for cmd in import export meetings agenda minutes; do
	lay $cmd --help
	lay $cmd 1
done
lay export "$T/lay-export"
lay import --offenders /dev/null
SSH_ORIGINAL_COMMAND="stats --year 2010-11" lay

if grep -F -w -f "$T/secrets" "$out" > "$T/leaks"; then
	fail "a lay adviser saw identities: $(head -5 "$T/leaks")"
else
	ok
fi
[ ! -e "$T/lay-backup.db" ] && [ ! -e "$T/lay-export" ] && ok || fail "a lay command wrote a file"
contains "$out" "MAPPA-eligible offenders"
# The lay adviser's consultations were logged, and nothing else was
# written by them.
"$SQLITE3_BIN" "$d" "SELECT DISTINCT action FROM audit WHERE actor = 'lay'" > "$T/actions"
contains "$T/actions" "stats.view"
if grep -v -E '^(stats\.view|[a-z]+\.view|[a-z]+\.read)$' "$T/actions"; then
	fail "a lay adviser wrote something other than views"
else
	ok
fi
finish
