#!/bin/sh
# cli_consult.sh -- the consultation log (Data Protection Act 2018 s.62;
# issue 13): the lists that show cases (actions, meeting propose, the KPI
# cases, the retention review) write one audit row naming the cases they
# showed, and `mappa audit --case REF` answers "who looked at this
# person, and why": the case's own changes and every list that showed it,
# and nothing about another case.
. "${top_srcdir:-.}/tests/lib.sh"
: "${SQLITE3_BIN:=sqlite3}"
command -v "$SQLITE3_BIN" >/dev/null 2>&1 || { echo "no sqlite3: skipped"; exit 77; }
MAPPA_HOLIDAYS=$top_srcdir/data/bank-holidays.txt
export MAPPA_HOLIDAYS
db=$T/a.db
q() { "$SQLITE3_BIN" "$db" "$1"; }
rows() { q "SELECT count(*) FROM audit WHERE action = '$1'"; }

expect 0 "$MAPPA" --db "$db" demo
expect 0 "$MAPPA" --db "$db" user add mo --role member

# The actions list: one row for the list, naming its cases.
ref=$(q "SELECT o.ref FROM actions a JOIN offenders o ON o.id = a.offender_id WHERE a.done IS NULL ORDER BY o.id LIMIT 1")
id=$(q "SELECT id FROM offenders WHERE ref = '$ref'")
before=$(rows actions.view)
expect 0 "$MAPPA" --db "$db" --user mo actions
[ "$(rows actions.view)" -eq $((before + 1)) ] && ok || fail "actions: $(rows actions.view) rows, wanted $((before + 1))"
expect 0 "$MAPPA" --db "$db" audit --case "$ref" --format csv
contains "$T/out" ",mo,actions.view,"
lacks "$T/out" ",kpi.cases,"

# meeting propose: the cases it proposes.
expect 0 "$MAPPA" --db "$db" meeting add 2012-07-03 --level 2
m=$(cat "$T/out")
expect 0 "$MAPPA" --db "$db" --user mo meeting propose "$m"
pref=$(head -n 1 "$T/out" | cut -d' ' -f1)
[ -n "$pref" ] && ok || fail "meeting propose proposed nothing"
expect 0 "$MAPPA" --db "$db" audit --case "$pref" --format csv
contains "$T/out" ",mo,meeting.propose,"
contains "$T/out" "meeting $m; cases shown:"

# kpi --cases: the cases behind the figures.
expect 0 "$MAPPA" --db "$db" --user mo kpi --year 2011-12 --cases --format csv
kref=$(awk -F, 'NR > 1 && $5 != "" { print $5; exit }' "$T/out")
[ -n "$kref" ] && ok || fail "no KPI case"
expect 0 "$MAPPA" --db "$db" audit --case "$kref" --format csv
contains "$T/out" ",mo,kpi.cases,"

# The case's own changes are there; another case's are not (offender 1
# is not offender 12), and the pseudonym finds the same rows.
expect 0 "$MAPPA" --db "$db" meeting agenda-add "$m" "$ref" --force
expect 0 "$MAPPA" --db "$db" audit --case "$ref" --format csv
contains "$T/out" ",agenda.add,meeting $m item"
cp "$T/out" "$T/byref"
grep -c "offender ${id}[0-9]" "$T/byref" >/dev/null && fail "rows of another case listed" || ok
pseudo=$(q "SELECT pseudo FROM offenders WHERE id = $id")
expect 0 "$MAPPA" --db "$db" audit --case "$pseudo" --format csv
# (The reading itself is logged between the two: compare the rows before.)
head -n "$(wc -l <"$T/byref")" "$T/out" | cmp -s - "$T/byref" && ok ||
	fail "by pseudonym: other rows than by reference"
# Reading the trail of a case is itself logged against it.
contains "$T/out" ",audit.read,offender $id,"
# An import's range of cases counts too ("offenders 1201-1203").
printf 'ref,surname\nIM/1,Aaa\nIM/2,Bbb\nIM/3,Ccc\n' >"$T/off.csv"
expect 0 "$MAPPA" --db "$db" import --offenders "$T/off.csv"
range=$(q "SELECT record FROM audit WHERE action = 'import' ORDER BY id DESC LIMIT 1")
case "$range" in offenders\ *-*) ok ;; *) fail "import record '$range'" ;; esac
expect 0 "$MAPPA" --db "$db" audit --case IM/2 --format csv
contains "$T/out" ",import,$range,"
expect 0 "$MAPPA" --db "$db" audit --case "$ref" --format csv
lacks "$T/out" ",import,$range,"

# A paper names its cases: who printed one about the person is found.
expect 0 "$MAPPA" --db "$db" --user mo agenda "$m" --recipient "the panel"
expect 0 "$MAPPA" --db "$db" audit --case "$ref" --format csv
contains "$T/out" ",mo,papers.cases,"
contains "$T/out" "agenda.print of meeting $m"

# The retention review names the records it showed: who reviewed a
# record is found by it, and a case that was not shown has no such row.
rref=$(q "SELECT ref FROM offenders WHERE retention_review IS NOT NULL AND erased IS NULL ORDER BY retention_review, ref LIMIT 1")
rid=$(q "SELECT id FROM offenders WHERE ref = '$rref'")
rdue=$(q "SELECT retention_review FROM offenders WHERE ref = '$rref'")
[ -n "$rref" ] && ok || fail "no record with a retention review"
expect 0 "$MAPPA" --db "$db" retention --due "$rdue"
contains "$T/out" "$rref"
row=$(q "SELECT record || '|' || detail FROM audit WHERE action = 'retention.view' ORDER BY id DESC LIMIT 1")
case "$row" in
"offender $rid|review due by $rdue; cases shown: "*|"offenders "*"|review due by $rdue; cases shown: "*) ok ;;
*) fail "retention.view row: '$row'" ;;
esac
expect 0 "$MAPPA" --db "$db" audit --case "$rref" --format csv
contains "$T/out" ",retention.view,"
contains "$T/out" "review due by $rdue; cases shown:"
oref=$(q "SELECT ref FROM offenders WHERE retention_review IS NULL OR retention_review > '$rdue' ORDER BY id LIMIT 1")
expect 0 "$MAPPA" --db "$db" audit --case "$oref" --format csv
lacks "$T/out" ",retention.view,"

expect 1 "$MAPPA" --db "$db" audit --case NO/SUCH/1
contains "$T/err" "no case NO/SUCH/1"
expect 3 "$MAPPA" --db "$db" --user mo audit --case "$ref"
finish
