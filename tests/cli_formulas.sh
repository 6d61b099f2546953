#!/bin/sh
# cli_formulas.sh -- every CSV mappa writes neutralises the cells a
# spreadsheet would run (a leading = + - @, tab or carriage return gets an
# apostrophe before it), plain numbers and dates are left alone, and
# import takes the neutralised form back, so that export, import, export
# gives the same files (issue 13).
. "${top_srcdir:-.}/tests/lib.sh"
db=$T/a.db
db2=$T/b.db
in=$T/in
mkdir "$in"
cat >"$in/offenders.csv" <<'CSV'
ref,surname,forenames,dob,gender,pnc,crn,visor,district,lead_agency,notes
A1,"=HYPERLINK(""http://x.invalid"",""click"")",+cmd|' /C calc'!A0,1970-01-02,M,,,,@SUM(A1),police,-2+3
A2,O'Brien,-1,,F,,,,,probation,"=1+1
second line"
A3,"''=twice",it's,,,,,,,,	tab first
CSV
cat >"$in/events.csv" <<'CSV'
ref,date,event,category,level,kind,note
A1,2010-01-01,register,1,2,,
A1,2010-06-01,level,,3,,=cmd|'/C calc'!A0
A2,2010-02-01,register,2,2,,
A3,2010-02-01,register,1,1,,
CSV
printf 'year,population_10_plus,source\n2010,700000,@ONS\n' >"$in/population.csv"

# No cell begins with what a spreadsheet runs (a sign before a digit is a
# number: checked apart).
no_formula() {
	if grep -En '(^|,)"?([=+@]|-[^0-9.]|	)' "$1" >"$T/hits"; then
		fail "$2: a cell a spreadsheet would run: $(head -n 3 "$T/hits")"
	else
		ok
	fi
}

expect 0 "$MAPPA" --db "$db" import --offenders "$in/offenders.csv" \
	--events "$in/events.csv" --population "$in/population.csv"
expect 0 "$MAPPA" --db "$db" export "$T/one" --recipient "=HYPERLINK(1)"
contains "$T/one/offenders.csv" "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\""
contains "$T/one/offenders.csv" "\"'+cmd|' /C calc'!A0\""
contains "$T/one/offenders.csv" "\"'@SUM(A1)\""
contains "$T/one/offenders.csv" "\"'-2+3\""
contains "$T/one/offenders.csv" "\"'=1+1"
# A value that begins with apostrophes before a formula gets one more.
contains "$T/one/offenders.csv" "\"''=twice\""
contains "$T/one/offenders.csv" "\"'	tab first\""
# Numbers and other text as they are.
contains "$T/one/offenders.csv" "A2,O'Brien,-1,"
contains "$T/one/offenders.csv" ",it's,"
contains "$T/one/events.csv" "\"'=cmd|'/C calc'!A0\""
contains "$T/one/population.csv" "\"'@ONS\""
for f in offenders events population; do
	no_formula "$T/one/$f.csv" "export $f.csv"
done

# The round trip: what was exported imports as it was, and exports again
# byte for byte.
expect 0 "$MAPPA" --db "$db2" import --offenders "$T/one/offenders.csv" \
	--events "$T/one/events.csv" --population "$T/one/population.csv"
expect 0 "$MAPPA" --db "$db2" export "$T/two" --recipient test
for f in offenders events population; do
	cmp -s "$T/one/$f.csv" "$T/two/$f.csv" && ok ||
		fail "$f.csv changed on the round trip: $(diff "$T/one/$f.csv" "$T/two/$f.csv" | head -n 6)"
done

# The other CSV outputs: meetings, actions, the KPI cases, the audit
# trail, the users, the retention review.
expect 0 "$MAPPA" --db "$db" meeting add 2010-07-01 --level 3 \
	--chair '=HYPERLINK("x")' --venue '@SUM(1)'
m=$(cat "$T/out")
expect 0 "$MAPPA" --db "$db" meeting agenda-add "$m" A1
expect 0 "$MAPPA" --db "$db" meeting action "$m" A1 --text '+cmd|x' \
	--agency police --owner '-Owner' --due 2010-08-01
expect 0 "$MAPPA" --db "$db" meetings --format csv
contains "$T/out" "\"'=HYPERLINK(\"\"x\"\")\",\"'@SUM(1)\""
no_formula "$T/out" "meetings"
expect 0 "$MAPPA" --db "$db" actions --format csv
contains "$T/out" "\"'+cmd|x\""
no_formula "$T/out" "actions"
expect 0 "$MAPPA" --db "$db" kpi --year 2010-11 --cases --format csv
contains "$T/out" "\"'=HYPERLINK("
no_formula "$T/out" "kpi --cases"
expect 0 "$MAPPA" --db "$db" audit --format csv
no_formula "$T/out" "audit"
expect 0 "$MAPPA" --db "$db" user list --format csv
no_formula "$T/out" "user list"
expect 0 "$MAPPA" --db "$db" retention list --format csv
no_formula "$T/out" "retention list"
finish
