#!/bin/sh
# cli_audit_chain.sh -- `mappa audit verify` and `mappa audit head`
# (issue 13): an intact trail passes; a row changed in the middle by
# whoever holds the file is named, with status 1; a hash kept elsewhere
# shows a trail rewritten from some row on.
. "${top_srcdir:-.}/tests/lib.sh"
: "${SQLITE3_BIN:=sqlite3}"
command -v "$SQLITE3_BIN" >/dev/null 2>&1 || { echo "no sqlite3: skipped"; exit 77; }
db=$T/a.db
q() { "$SQLITE3_BIN" "$db" "$1"; }

expect 0 "$MAPPA" --db "$db" init --area "Test Area"
for u in ann ben cat dan; do
	expect 0 "$MAPPA" --db "$db" user add "$u"
done
n=$(q "SELECT count(*) FROM audit")
expect 0 "$MAPPA" --db "$db" audit verify
contains "$T/out" "audit trail intact: $n rows"
expect 0 "$MAPPA" --db "$db" audit head
head=$(cut -d' ' -f2 "$T/out")
[ "$(cut -d' ' -f1 "$T/out")" = "$(q "SELECT max(id) FROM audit")" ] && ok ||
	fail "audit head names row $(cut -d' ' -f1 "$T/out")"
[ "${#head}" -eq 64 ] && ok || fail "audit head: '$head'"
expect 0 "$MAPPA" --db "$db" audit verify --head "$head"
contains "$T/out" "the kept hash is row"
# Members may not check it (--user is honoured: we own the file).
expect 3 "$MAPPA" --db "$db" --user ben audit verify

# A row in the middle rewritten by someone who holds the file.
# (The trigger that refuses it put back as it was, or the schema check
# would refuse the database first.)
trig=$(q "SELECT sql FROM sqlite_schema WHERE name = 'audit_no_update'")
q "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'role: - -> admin' WHERE id = 3; $trig;"
expect 0 "$MAPPA" --db "$db" repair
n=$(q "SELECT count(*) FROM audit")
expect 1 "$MAPPA" --db "$db" audit verify
contains "$T/err" "the hash chain breaks at row 3"
expect 0 "$MAPPA" --db "$db" audit --format csv
contains "$T/out" "audit.verify,,rows: $n; broken at: 3"
finish
