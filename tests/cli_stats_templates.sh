#!/bin/sh
# cli_stats_templates.sh -- `mappa stats` in each year's template and with
# the board's tables (statistics.md, "Later templates, and the board's own
# tables"): the CSV names and orders of both templates through the binary,
# --template and --board, a year not yet over marked provisional, one
# database refused when given twice.
. "${top_srcdir:-.}/tests/lib.sh"
d=$T/area.db

printf 'ref,surname\nA1,One\nA2,Two\nA3,Three\n' >"$T/o.csv"
cat >"$T/e.csv" <<'CSV'
ref,date,event,category,level,kind
A1,2014-06-01,register,1,2,
A1,2015-03-10,custody,,,shpo_breach
A1,2015-03-20,release,,,
A1,2015-04-01,level,,3,
A1,2015-06-01,custody,,,sopo_breach
A1,2015-06-01,sfo_charge,,,
A1,2015-07-01,order,,,SHPO_FTR
A1,2015-08-01,order,,,ISRO
A2,2015-04-01,register,1,1,sro_breach
A2,2015-04-01,level,,2,
A2,2016-03-31,exit,,,registration_ended
A3,2015-05-05,notification_review,,,refused
CSV
expect 0 "$MAPPA" --db "$d" import --offenders "$T/o.csv" --events "$T/e.csv"

# The tables, in order, each once: TABLES FILE prints them on one line.
tables() { cut -d, -f1 "$1" | sed 1d | uniq | tr '\n' ' '; }
t2010="eligible_snapshot level23_yearly notification_breach restrictive_orders custody_licence_breach custody_sopo_breach rso_per_100k "
t2015="eligible_snapshot level23_yearly notification_breach restrictive_orders sro_breach_registrations custody_licence_breach custody_shpo_breach rso_per_100k "
board="level_movements sfo_charged notification_reviews "

# 2014-15 starts before 1 April 2015: the 2010 template; 2015-16 the 2015.
expect 0 "$MAPPA" --db "$d" stats --year 2014-15 --format csv
[ "$(tables "$T/out")" = "$t2010" ] && ok || fail "2014-15 tables: $(tables "$T/out")"
grep '^restrictive_orders,' "$T/out" | cut -d, -f2 | tr '\n' ' ' >"$T/rows"
[ "$(cat "$T/rows")" = "SOPO NO FTO " ] && ok || fail "2010 order rows: $(cat "$T/rows")"
contains "$T/out" "custody_sopo_breach,level2,cat1,0"
expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --format csv
[ "$(tables "$T/out")" = "$t2015" ] && ok || fail "2015-16 tables: $(tables "$T/out")"
grep '^restrictive_orders,' "$T/out" | cut -d, -f2 | tr '\n' ' ' >"$T/rows"
[ "$(cat "$T/rows")" = "SHPO SHPO_FTR NO ISRO " ] && ok || fail "2015 order rows: $(cat "$T/rows")"
contains "$T/out" "sro_breach_registrations,count,value,1"
contains "$T/out" "custody_shpo_breach,level3,cat1,1"

# --template overrides the choice; both templates of one year.
expect 0 "$MAPPA" --db "$d" stats --year 2014-15 --template 2015 --format csv
[ "$(tables "$T/out")" = "$t2015" ] && ok || fail "--template 2015 tables: $(tables "$T/out")"
contains "$T/out" "custody_shpo_breach,level2,cat1,1"
expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --template 2010 --format csv
[ "$(tables "$T/out")" = "$t2010" ] && ok || fail "--template 2010 tables: $(tables "$T/out")"
grep '^restrictive_orders,' "$T/out" | cut -d, -f2 | tr '\n' ' ' >"$T/rows"
[ "$(cat "$T/rows")" = "SOPO NO FTO SHPO_FTR ISRO " ] && ok || fail "2010 order rows of 2015-16: $(cat "$T/rows")"
contains "$T/out" "custody_sopo_breach,level3,cat1,1"
expect 2 "$MAPPA" --db "$d" stats --year 2015-16 --template 2016
contains "$T/err" "not 2010 or 2015"

# --board: the three tables after the template's own, every cell named.
expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --board --format csv
[ "$(tables "$T/out")" = "$t2015$board" ] && ok || fail "--board tables: $(tables "$T/out")"
grep '^level_movements,' "$T/out" | cut -d, -f2,3 | tr '\n' ' ' >"$T/cells"
want="new,level1 new,level2 new,level3 new,exit new,total level1,level1 level1,level2 level1,level3 level1,exit level1,total level2,level1 level2,level2 level2,level3 level2,exit level2,total level3,level1 level3,level2 level3,level3 level3,exit level3,total total,level1 total,level2 total,level3 total,exit total,total "
[ "$(cat "$T/cells")" = "$want" ] && ok || fail "movement cells: $(cat "$T/cells")"
contains "$T/out" "level_movements,new,level1,1"
contains "$T/out" "level_movements,level1,level2,1"
contains "$T/out" "level_movements,level2,level3,1"
contains "$T/out" "level_movements,level2,exit,1"
contains "$T/out" "level_movements,new,exit,-"
contains "$T/out" "level_movements,total,total,4"
contains "$T/out" "sfo_charged,level3,cat1,1"
contains "$T/out" "sfo_charged,level1,cat3,-"
contains "$T/out" "notification_reviews,granted,value,0"
contains "$T/out" "notification_reviews,refused,value,1"
expect 0 "$MAPPA" --db "$d" stats --year 2014-15 --board --format csv
[ "$(tables "$T/out")" = "$t2010$board" ] && ok || fail "2010 --board tables: $(tables "$T/out")"
for f in text markdown; do
	expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --board --format $f
	contains "$T/out" "How cases moved during the year"
	contains "$T/out" "Up a level: 2"
done
expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --board --format json
contains "$T/out" '"level_movements": {'
contains "$T/out" '"template": 2015'

# A series: each year its own template, unless one is asked for.
expect 0 "$MAPPA" --db "$d" stats --years 2014..2015 --format csv
contains "$T/out" "2014-15,custody_sopo_breach,level2,cat1,0"
contains "$T/out" "2015-16,custody_shpo_breach,level3,cat1,1"
lacks "$T/out" "2015-16,custody_sopo_breach"
expect 0 "$MAPPA" --db "$d" stats --years 2014..2015 --template 2015 --format csv
contains "$T/out" "2014-15,custody_shpo_breach,level2,cat1,1"
lacks "$T/out" "custody_sopo_breach"

# A year not yet over: provisional in every title, a warning, CSV as is.
MAPPA_TODAY=2016-04-01 expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --format csv
cp "$T/out" "$T/over.csv"
lacks "$T/err" "provisional"
MAPPA_TODAY=2016-03-31 expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --format csv
lacks "$T/err" "provisional"
MAPPA_TODAY=2016-03-30 expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --format csv
cmp -s "$T/out" "$T/over.csv" && ok || fail "a provisional year changed the CSV"
contains "$T/err" "2015-16 is not over: its figures are provisional (the year ends on 2016-03-31)"
MAPPA_TODAY=2016-03-30 expect 0 "$MAPPA" --db "$d" stats --year 2015-16
contains "$T/out" "(provisional: the year ends on 2016-03-31)"
MAPPA_TODAY=2016-03-30 expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --format markdown
contains "$T/out" "(provisional: the year ends on 2016-03-31)"
MAPPA_TODAY=2016-03-30 expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --format json
contains "$T/out" '"provisional": true'
MAPPA_TODAY=2016-04-01 expect 0 "$MAPPA" --db "$d" stats --year 2015-16 --format json
contains "$T/out" '"provisional": false'
MAPPA_TODAY=2016-03-30 expect 0 "$MAPPA" --db "$d" stats --years 2014..2015
contains "$T/out" "2015-16 (provisional: the year ends on 2016-03-31)"
MAPPA_TODAY=2016-03-30 expect 0 "$MAPPA" --db "$d" report --year 2015-16 --format html --board
contains "$T/out" "statistics (provisional: the year ends on 2016-03-31)</h1>"
contains "$T/out" '<table class="moves" id="level_movements">'
contains "$T/out" '<td class="up">1</td>'
contains "$T/out" "provisional"
contains "$T/err" "provisional"
MAPPA_TODAY=2016-03-30 expect 0 "$MAPPA" --db "$d" report --year 2015-16 --format markdown
contains "$T/out" "(provisional: the year ends on 2016-03-31)"

# The same database twice is refused, however it is named; nothing read.
expect 2 "$MAPPA" --db "$d" --db "$d" stats --year 2015-16
contains "$T/err" "are the same file"
ln "$d" "$T/hard.db"
ln -s "$d" "$T/soft.db"
expect 2 "$MAPPA" --db "$d" --db "$T/hard.db" stats --year 2015-16
expect 2 "$MAPPA" --db "$T/soft.db" --db "$T/./area.db" stats --year 2015-16
n=$(sqlite3 "$d" "SELECT count(*) FROM audit WHERE action = 'stats.view'")
cp "$d" "$T/other.db"
expect 0 "$MAPPA" --db "$d" --db "$T/other.db" stats --year 2015-16 --format csv
contains "$T/out" "sro_breach_registrations,count,value,2"
[ "$(sqlite3 "$d" "SELECT count(*) FROM audit WHERE action = 'stats.view'")" -eq $((n + 1)) ] && ok ||
	fail "a refused run was logged, or an accepted one was not"

finish
