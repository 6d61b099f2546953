#!/bin/sh
# cli_stats.sh -- `mappa demo` and `mappa stats` end to end: the 2010-11
# figures from the demo area, every cell; the formats; series; national
# totals over several databases; a missing population.
. "${top_srcdir:-.}/tests/lib.sh"
d=$T/demo.db

expect 0 "$MAPPA" --db "$d" demo
[ ! -s "$T/err" ] && ok || fail "demo wrote to stderr off a terminal: $(head -c 300 "$T/err")"
# The demo lives on its own today (app_today(), the one rule), for the
# statistics as for the screens: its year under way is provisional.
expect 0 "$MAPPA" --db "$d" stats --year 2012-13
contains "$T/err" "2012-13 is not over: its figures are provisional"
contains "$T/out" "(provisional: the year ends on 2013-03-31)"
expect 0 "$MAPPA" --db "$d" report --year 2012-13
contains "$T/out" "(provisional: the year ends on 2013-03-31)"
[ "$(stat -c %a "$d")" = 600 ] && ok || fail "demo database mode $(stat -c %a "$d")"
expect 1 "$MAPPA" --db "$d" demo
contains "$T/err" "already holds data"

# Every figure of the published 2010-11 report.
expect 0 "$MAPPA" --db "$d" stats --year 2010-11 --format csv
if cmp -s "$T/out" "$SPECDIR/demo-2010-11.csv"; then ok; else
	fail "2010-11 CSV differs from the published figures:"
	diff "$SPECDIR/demo-2010-11.csv" "$T/out" | head -20 >&2
fi
expect 0 "$MAPPA" --db "$d" stats --year 2010 --format csv
cmp -s "$T/out" "$SPECDIR/demo-2010-11.csv" && ok || fail "--year 2010 differs from 2010-11"
# The shared copy of the contract is the same file as ours.
if [ -f "$top_srcdir/../shared/spec/demo-2010-11.csv" ]; then
	cmp -s "$top_srcdir/../shared/spec/demo-2010-11.csv" "$SPECDIR/demo-2010-11.csv" &&
		ok || fail "tests/spec/demo-2010-11.csv is out of date with shared/spec"
fi

# Text is laid out like the report, titled with the area.
expect 0 "$MAPPA" --db "$d" stats --year 2010-11
contains "$T/out" "MAPPA-eligible offenders on 31 March 2011"
contains "$T/out" "Wessex Fens (demo)"
contains "$T/out" "Restrictive orders for Category 1 offenders"
contains "$T/out" "per 100,000 population"
expect 0 "$MAPPA" --db "$d" stats --year 2010-11 --format markdown
contains "$T/out" "|"
expect 0 "$MAPPA" --db "$d" stats --year 2010-11 --format json
contains "$T/out" '"eligible_snapshot"'

# The default year is the latest complete one (the demo's today: 2012-05).
expect 0 "$MAPPA" --db "$d" stats
contains "$T/out" "31 March 2012"
MAPPA_TODAY=2011-06-01 expect 0 "$MAPPA" --db "$d" stats
contains "$T/out" "31 March 2011"
MAPPA_TODAY=2011-02-30 expect 1 "$MAPPA" --db "$d" stats
contains "$T/err" "MAPPA_TODAY"

# The series: a line per cell per year; the register grows every year.
expect 0 "$MAPPA" --db "$d" stats --years 2006-07..2011-12 --format csv
[ "$(head -n 1 "$T/out")" = "year,table,row,column,value" ] && ok || fail "series header: $(head -n 1 "$T/out")"
contains "$T/out" "2010-11,eligible_snapshot,total,cat1,545"
prev=0
for y in 2006-07 2007-08 2008-09 2009-10 2010-11 2011-12; do
	n=$(grep "^$y,eligible_snapshot,total,cat1," "$T/out" | cut -d, -f5)
	if [ -n "$n" ] && [ "$n" -gt "$prev" ]; then ok; else fail "Category 1 register $y: '$n' after $prev"; fi
	prev=${n:-0}
done
expect 0 "$MAPPA" --db "$d" stats --years 2009..2011
contains "$T/out" "2009-10"
expect 2 "$MAPPA" --db "$d" stats --years 2011..2009

# National totals: two areas add up, populations too.
cp "$d" "$T/second.db"
expect 0 "$MAPPA" --db "$d" --db "$T/second.db" stats --year 2010-11 --format csv
contains "$T/out" "eligible_snapshot,total,total,1452"
contains "$T/out" "restrictive_orders,SOPO,value,88"
contains "$T/out" "rso_per_100k,count,value,78"
expect 0 "$MAPPA" --db "$d" --db "$T/second.db" stats --year 2010-11
contains "$T/out" "Total of 2 areas"

# Deterministic: a second demo holds the same records.
expect 0 "$MAPPA" --db "$T/again.db" demo
if [ -n "${SQLITE3_BIN:-}" ] && [ -x "$SQLITE3_BIN" ]; then
	q="SELECT o.ref, o.pseudo, o.surname, o.forenames, o.dob, o.pnc, e.date, e.type, e.category, e.level, e.kind, e.note, e.decided_by FROM offenders o JOIN events e ON e.offender_id = o.id ORDER BY o.ref, e.date, e.id"
	"$SQLITE3_BIN" "$d" "$q" > "$T/a.txt"
	"$SQLITE3_BIN" "$T/again.db" "$q" > "$T/b.txt"
	cmp -s "$T/a.txt" "$T/b.txt" && [ -s "$T/a.txt" ] && ok || fail "two demos differ"
else
	fail "sqlite3 is not installed (bootstrap installs it)"
fi

# A lay adviser may read the statistics; the view is logged.
expect 0 "$MAPPA" --db "$d" --user lay stats --year 2010-11 --format csv
cmp -s "$T/out" "$SPECDIR/demo-2010-11.csv" && ok || fail "lay stats differ"
expect 0 "$MAPPA" --db "$d" audit --actor lay --format csv
contains "$T/out" "lay,stats.view,,year 2010-11"

# No population recorded: table 6 is '-', a warning names it, status 0.
expect 0 "$MAPPA" --db "$T/empty.db" init
expect 0 "$MAPPA" --db "$T/empty.db" stats --year 2010-11 --format csv
contains "$T/out" "rso_per_100k,count,value,-"
contains "$T/out" "eligible_snapshot,total,total,0"
contains "$T/err" "mid-2010"

# --scale makes a proportional area of N offenders.
expect 0 "$MAPPA" --db "$T/scaled.db" demo --scale 3000
expect 0 "$MAPPA" --db "$T/scaled.db" stats --year 2010-11 --format csv
n=$(grep '^eligible_snapshot,total,total,' "$T/out" | cut -d, -f4)
[ -n "$n" ] && [ "$n" -gt 600 ] && [ "$n" -lt 3000 ] && ok || fail "scale 3000 snapshot total: '$n'"
expect 0 "$MAPPA" --db "$T/scaled.db" --user "$(id -un)" user list --format csv
[ "$(sqlite3 "$T/scaled.db" 'SELECT count(*) FROM offenders')" -eq 3000 ] && ok || fail "scale 3000 did not make 3000 offenders"
finish
