#!/bin/sh
# cli_basic.sh -- the command line's grammar and exit statuses (cli.md).
. "${top_srcdir:-.}/tests/lib.sh"

expect 0 "$MAPPA" --help
contains "$T/out" "Usage: mappa [--db FILE] [--user NAME] [COMMAND [ARGS...]]"
contains "$T/out" "stats"
contains "$T/out" "Exit status"
# The overview's usage is each command's own --help line (one table):
# the papers' PDF and --output, action edit and remove, the lists.
cp "$T/out" "$T/overview"
for cmd in agenda minutes action actions meetings keydates; do
	expect 0 "$MAPPA" $cmd --help
	usage=$(head -n 1 "$T/out" | sed "s/^Usage: mappa //")
	grep -qxF "            $usage" "$T/overview" && ok ||
		fail "mappa --help lacks '$usage'"
done
contains "$T/overview" "minutes ID [--format text|markdown|pdf]"
contains "$T/overview" "action done ID [--date DATE] | edit ID"
expect 0 "$MAPPA" --version
contains "$T/out" "mappa 0."
[ "$(head -n 1 "$T/out" | grep -c '^mappa [0-9]')" -eq 1 ] && ok || fail "--version first line"

# Usage errors: 2, with a message on stderr and nothing on stdout.
expect 2 "$MAPPA" --frobnicate
contains "$T/err" "unknown option"
expect 2 "$MAPPA" frobnicate
contains "$T/err" "unknown command"
expect 2 "$MAPPA" --db
contains "$T/err" "needs an argument"
expect 2 "$MAPPA" --db "$T/x.db" stats --year 2010-12
contains "$T/err" "not a reporting year"
expect 2 "$MAPPA" --db "$T/x.db" stats --format xml
expect 2 "$MAPPA" --db "$T/a.db" --db "$T/b.db" user list
expect 2 "$MAPPA" demo
contains "$T/err" "--db FILE is required"
expect 2 "$MAPPA" --db "$T/d.db" demo --scale 0
expect 2 "$MAPPA" user
expect 2 "$MAPPA" settings frob
[ ! -s "$T/out" ] && ok || fail "usage error wrote to stdout"

# A missing database: 1, and nothing created.
expect 1 "$MAPPA" --db "$T/none.db" stats
contains "$T/err" "no mappa database"
[ ! -e "$T/none.db" ] && ok || fail "a missing database was created"
expect 1 "$MAPPA" --db "$T/none.db" user list

# Not a mappa database.
echo "hello" > "$T/text.db"
expect 1 "$MAPPA" --db "$T/text.db" stats
contains "$T/err" "not a"

finish
