#!/bin/sh
# cli_schema.sh -- a schema mappa did not make is refused (issue 13): a
# trigger planted on the audit trail by someone who holds the file, which
# would show a lay adviser a name, stops every opening with status 1 and
# a message naming it; `mappa repair` lists it, `mappa repair
# --drop-unknown` removes it (logged), and the database opens again.
. "${top_srcdir:-.}/tests/lib.sh"
: "${SQLITE3_BIN:=sqlite3}"
command -v "$SQLITE3_BIN" >/dev/null 2>&1 || { echo "no sqlite3: skipped"; exit 77; }
db=$T/a.db
q() { "$SQLITE3_BIN" "$db" "$1"; }

expect 0 "$MAPPA" --db "$db" demo
expect 0 "$MAPPA" --db "$db" user add lee --role lay
expect 0 "$MAPPA" --db "$db" repair
contains "$T/out" "the schema is as mappa made it"
name=$(q "SELECT surname FROM offenders WHERE surname IS NOT NULL ORDER BY id LIMIT 1")
[ -n "$name" ] && ok || fail "no surname in the demo"

# The plant: on every audit row (a lay adviser's statistics write one),
# copy a surname into the area's name, which lay advisers read.
q "CREATE TRIGGER audit_leak AFTER INSERT ON audit BEGIN UPDATE settings SET value = (SELECT surname FROM offenders WHERE surname IS NOT NULL ORDER BY id LIMIT 1) WHERE key = 'area_name'; END;"
for who in "" "--user lee"; do
	# shellcheck disable=SC2086
	expect 1 "$MAPPA" --db "$db" $who stats --year 2010-11
	contains "$T/err" "trigger \"audit_leak\" on audit is not mappa's"
	contains "$T/err" "mappa repair --drop-unknown"
	lacks "$T/out" "$name"
done
[ "$(q "SELECT value FROM settings WHERE key = 'area_name'")" != "$name" ] &&
	ok || fail "the planted trigger ran"
# A view and a changed trigger too; lay advisers cannot repair.
q "CREATE VIEW names AS SELECT surname FROM offenders"
q "DROP TRIGGER audit_no_delete; CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END;"
expect 3 "$MAPPA" --db "$db" --user lee repair --drop-unknown
expect 1 "$MAPPA" --db "$db" repair
contains "$T/out" "drop trigger \"audit_leak\" on audit"
contains "$T/out" "drop view \"names\""
contains "$T/out" "rewrite trigger \"audit_no_delete\" on audit"
[ "$(q "SELECT count(*) FROM sqlite_schema WHERE name IN ('audit_leak', 'names')")" = 2 ] &&
	ok || fail "repair without --drop-unknown changed the schema"
expect 0 "$MAPPA" --db "$db" repair --drop-unknown
contains "$T/out" "dropped trigger \"audit_leak\" on audit"
[ "$(q "SELECT count(*) FROM sqlite_schema WHERE name IN ('audit_leak', 'names')")" = 0 ] &&
	ok || fail "repair left the plant"
# mappa's own trigger is back as it was: the audit refuses deletes.
q "DELETE FROM audit WHERE id = 1" 2>/dev/null && fail "audit row deleted" || ok
expect 0 "$MAPPA" --db "$db" --user lee stats --year 2010-11
lacks "$T/out" "$name"
expect 0 "$MAPPA" --db "$db" audit --format csv
contains "$T/out" "schema.repair,,"
expect 0 "$MAPPA" --db "$db" audit verify

# A table of mappa's changed cannot be mended: refused, nothing done.
q "CREATE TRIGGER t2 AFTER INSERT ON audit BEGIN SELECT 1; END; ALTER TABLE users ADD COLUMN x"
expect 1 "$MAPPA" --db "$db" repair --drop-unknown
contains "$T/err" "table \"users\" is not as mappa made it"
[ "$(q "SELECT count(*) FROM sqlite_schema WHERE name = 't2'")" = 1 ] &&
	ok || fail "a refused repair changed something"
finish
