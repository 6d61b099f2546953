#!/bin/sh
# cli_import.sh -- `mappa import` and `mappa export` (interchange.md,
# cli.md): every class of bad input refused with the database left as it
# was, what spreadsheets write accepted, the round trip (also of the demo
# area, with its 2010-11 figures), and the export's safety.
. "${top_srcdir:-.}/tests/lib.sh"
db=$T/area.db
in=$T/in
mkdir "$in"

# run_in DIR CMD...: CMD in DIR, so that files are named as a person
# would name them.
run_in() {
	(cd "$1" && shift && "$@")
}

# The number of completed imports in the audit trail of $db.
imports() {
	"$MAPPA" --db "$db" audit --format csv | grep -c '^[0-9]*,[^,]*,[^,]*,import,' || true
}

cat >"$in/offenders.csv" <<'EOF'
ref,surname,forenames,dob,gender,pnc,crn,visor,district,lead_agency,notes
A1,Smith,John,1970-01-02,M,05/123456R,X123456,VS1,North,police,
A2,Jones,Mary,,F,,,,,probation,"Two lines,
with a comma"
A3,Brown,,,,,,,,,
EOF
cat >"$in/events.csv" <<'EOF'
ref,date,event,category,level,kind,note
A1,2010-01-01,register,1,1,,
A1,2010-06-01,level,,2,,Raised after a breach
A2,2010-02-01,register,2,2,,
A2,2010-05-01,custody,,,licence_breach,
A3,2010-03-01,register,3,2,,
EOF
printf 'year,population_10_plus,source\n2010,700000,ONS mid-2010\n' \
	>"$in/population.csv"

# --- a good import into a new database ----------------------------------------
expect 0 "$MAPPA" --db "$db" import --offenders "$in/offenders.csv" \
	--events "$in/events.csv" --population "$in/population.csv"
contains "$T/err" "imported 3 offenders, 5 events and 1 population figure"
[ "$(stat -c %a "$db")" = 600 ] && ok || fail "new database mode $(stat -c %a "$db")"
# Quiet when standard error is not a terminal: no progress.
lacks "$T/err" "/s)"
[ ! -s "$T/out" ] && ok || fail "import wrote to standard output"
expect 0 "$MAPPA" --db "$db" export "$T/base" --recipient "Test Area MAPPA unit"
contains "$T/err" "exported 3 offenders, 5 events and 1 population figure"
[ "$(stat -c %a "$T/base")" = 700 ] && ok || fail "export folder mode $(stat -c %a "$T/base")"
for f in offenders events population; do
	[ "$(stat -c %a "$T/base/$f.csv")" = 600 ] && ok || fail "$f.csv mode"
done
ls -A "$T/base" | grep -q '^\.' && fail "temporary files left behind" || ok
diff "$in/offenders.csv" "$T/base/offenders.csv" >/dev/null && ok || fail "offenders.csv differs from what was imported"
diff "$in/events.csv" "$T/base/events.csv" >/dev/null && ok || fail "events.csv differs from what was imported"
diff "$in/population.csv" "$T/base/population.csv" >/dev/null && ok || fail "population.csv differs"
expect 0 "$MAPPA" --db "$db" audit --format csv
contains "$T/out" ",export,"
contains "$T/out" "recipient: Test Area MAPPA unit"
contains "$T/out" ",import,offenders 1-3,"
base=$T/base
base_imports=$(imports)

# --- every class of bad input: refused, and nothing written -------------------
n=0
# refused TEXT ARGS...: `import ARGS` fails (1), says TEXT, and the database
# holds what it held.
refused() {
	says=$1
	shift
	expect 1 "$MAPPA" --db "$db" import "$@"
	contains "$T/err" "$says"
	contains "$T/err" "nothing was imported"
	check_unchanged "$says"
}
check_unchanged() {
	n=$((n + 1))
	if "$MAPPA" --db "$db" export "$T/check$n" --recipient test >/dev/null 2>"$T/check.err" &&
	   diff -r "$base" "$T/check$n" >/dev/null; then
		ok
	else
		fail "the database changed after a refused import ($1): $(cat "$T/check.err"; diff -r "$base" "$T/check$n" 2>&1 | head -5)"
	fi
	[ "$(imports)" = "$base_imports" ] && ok || fail "an import was logged ($1)"
}
# bad NAME: standard input into $T/NAME.csv.
bad() {
	cat >"$T/$1.csv"
}
ev_head='ref,date,event,category,level,kind,note'

# The example of interchange.md, to the letter: line 42, file as given.
mkdir "$T/ex"
{
	echo "ref,surname"
	i=1
	while [ $i -le 41 ]; do echo "E$i,Surname$i"; i=$((i + 1)); done
} >"$T/ex/offenders.csv"
{
	echo "$ev_head"
	i=1
	while [ $i -le 40 ]; do echo "E$i,2010-01-01,register,1,1,,"; i=$((i + 1)); done
	echo "E41,2010-01-01,register,1,4,,"
} >"$T/ex/events.csv"
expect 1 run_in "$T/ex" "$MAPPA" --db "$db" import --offenders offenders.csv --events events.csv
[ "$(head -n 1 "$T/err")" = 'events.csv:42: column "level": "4" is not a level (1, 2 or 3)' ] &&
	ok || fail "the example message: $(head -n 1 "$T/err")"
check_unchanged "example"

# Dates.
printf '%s\nA1,2010-02-30,level,,3,,\n' "$ev_head" | bad dates
refused 'dates.csv:2: column "date": "2010-02-30" is not a date (YYYY-MM-DD, a real calendar date)' --events "$T/dates.csv"
printf 'ref,surname,dob\nB1,Black,02/01/1970\n' | bad dob
refused 'dob.csv:2: column "dob": "02/01/1970" is not a date' --offenders "$T/dob.csv"

# Unknown and missing columns.
printf 'ref,surname,colour\nB1,Black,red\n' | bad unknown
refused 'unknown.csv:1: column "colour" is not a column of an offenders file' --offenders "$T/unknown.csv"
printf 'ref,event\nA1,release\n' | bad nodate
refused 'nodate.csv:1: column "date" is missing (an events file needs it)' --events "$T/nodate.csv"
printf 'year,people\n2011,5\n' | bad nopop
refused 'nopop.csv:1: column "people" is not a column of a population file' --population "$T/nopop.csv"

# Missing required values.
printf 'ref,surname\nB1,\n' | bad nosurname
refused 'nosurname.csv:2: column "surname": no value; a surname is required' --offenders "$T/nosurname.csv"
printf '%s\nA3,2011-01-01,category,,,,\n' "$ev_head" | bad nocat
refused 'nocat.csv:2: column "category": no value; a category event needs a category (1, 2, 3 or 4)' --events "$T/nocat.csv"
printf '%s\nA3,2011-01-01,exit,,,,\n' "$ev_head" | bad nokind
refused 'nokind.csv:2: column "kind": no value; an exit event needs a kind (registration_ended, licence_ended, risk_reduced, died, transferred_out or other)' --events "$T/nokind.csv"

# Unknown refs; duplicate refs, in the file and already recorded.
printf '%s\nZZ9,2011-01-01,release,,,,\n' "$ev_head" | bad unknownref
refused 'unknownref.csv:2: column "ref": "ZZ9" is not an offender in the database' --events "$T/unknownref.csv"
printf 'ref,surname\nB1,Black\nB2,White\nB1,Grey\n' | bad dupref
refused 'dupref.csv:4: column "ref": "B1" is given twice (also on line 2)' --offenders "$T/dupref.csv"
printf 'ref,surname\nA2,Jones\n' | bad known
refused 'known.csv:2: column "ref": "A2" is already in the database; an import never overwrites a record' --offenders "$T/known.csv"

# Each transition the state machine refuses.
printf 'ref,surname\nB1,Black\n' | bad b1
# state TEXT LINES: events.csv LINES (a printf format) for B1 give TEXT.
state() {
	printf "%s\n$2" "$ev_head" >"$T/state.csv"
	refused "$1" --offenders "$T/b1.csv" --events "$T/state.csv"
}
state 'state.csv:3: column "event": "register" is not allowed on 2010-02-01: the offender is already registered' \
	'B1,2010-01-01,register,1,2,,\nB1,2010-02-01,register,1,2,,\n'
state 'state.csv:2: column "event": "category" is not allowed on 2010-01-01: the offender is not registered' \
	'B1,2010-01-01,category,2,,,\n'
state 'state.csv:2: column "event": "level" is not allowed on 2010-01-01: the offender is not registered' \
	'B1,2010-01-01,level,,2,,\n'
state 'state.csv:2: column "event": "exit" is not allowed on 2010-01-01: the offender is not registered' \
	'B1,2010-01-01,exit,,,died,\n'
state 'state.csv:3: column "event": "custody" is not allowed on 2010-02-01: the offender is already in custody' \
	'B1,2010-01-01,custody,,,remand,\nB1,2010-02-01,custody,,,new_sentence,\n'
state 'state.csv:2: column "event": "release" is not allowed on 2010-01-01: the offender is not in custody' \
	'B1,2010-01-01,release,,,,\n'
# Same date, in the order of the file.
state 'state.csv:2: column "event": "release" is not allowed on 2010-01-01: the offender is not in custody' \
	'B1,2010-01-01,release,,,,\nB1,2010-01-01,custody,,,remand,\n'
# Against the history already recorded.
printf '%s\nA1,2011-01-01,register,1,2,,\n' "$ev_head" | bad again
refused 'again.csv:2: column "event": "register" is not allowed on 2011-01-01: the offender is already registered (with the history already in the database)' --events "$T/again.csv"
printf '%s\nA2,2011-01-01,custody,,,remand,\n' "$ev_head" | bad incustody
refused 'incustody.csv:2: column "event": "custody" is not allowed on 2011-01-01: the offender is already in custody (with the history already in the database)' --events "$T/incustody.csv"
printf '%s\nA2,2010-04-01,custody,,,remand,\n' "$ev_head" | bad breaks
refused 'breaks.csv:2: column "event": "custody" on 2010-04-01 is not allowed: the custody on 2010-05-01 already in the database would then fail (the offender is already in custody)' --events "$T/breaks.csv"

# Category 3 at Level 1.
state 'state.csv:2: column "level": "1" is not allowed on 2010-01-01: a Category 3 offender cannot be managed at Level 1' \
	'B1,2010-01-01,register,3,1,,\n'
state 'state.csv:3: column "category": "3" is not allowed on 2010-02-01: a Category 3 offender cannot be managed at Level 1 (on one day, change the level before the category)' \
	'B1,2010-01-01,register,1,1,,\nB1,2010-02-01,category,3,,,\n'
printf '%s\nA3,2011-01-01,level,,1,,\n' "$ev_head" | bad cat3
refused 'cat3.csv:2: column "level": "1" is not allowed on 2011-01-01: a Category 3 offender cannot be managed at Level 1' --events "$T/cat3.csv"

# A value in a column the event does not use; values that are not values.
printf '%s\nA2,2011-01-01,release,,2,,\n' "$ev_head" | bad unused
refused 'unused.csv:2: column "level": "2" is not used by a release event (leave it empty)' --events "$T/unused.csv"
printf '%s\nA2,2011-01-01,Release,,,,\n' "$ev_head" | bad evname
refused 'evname.csv:2: column "event": "Release" is not an event' --events "$T/evname.csv"
printf '%s\nA2,2011-01-01,order,,,sopo,\n' "$ev_head" | bad kind
refused 'kind.csv:2: column "kind": "sopo" is not a kind of order event (SOPO, NO, FTO, SHPO, SRO, RSHO, SHPO_FTR, ISHPO or ISRO)' --events "$T/kind.csv"

# Control characters, and text that is not UTF-8.
printf 'ref,surname\nB1,Bl\007ack\n' | bad bell
refused 'bell.csv:2: column "surname": control character U+0007 is not allowed (tab and line breaks are allowed only in notes)' --offenders "$T/bell.csv"
printf 'ref,surname,notes\nB1,Black,"red \033[31m"\n' | bad escape
refused 'escape.csv:2: column "notes": control character U+001B is not allowed (only tab and line breaks are)' --offenders "$T/escape.csv"
printf 'ref,surname\nB1,"Black\nSmith"\n' | bad newline
refused 'newline.csv:2: column "surname": control character U+000A (line feed) is not allowed (tab and line breaks are allowed only in notes)' --offenders "$T/newline.csv"
printf 'ref,surname\nB1,M\374ller\n' | bad latin1
refused 'latin1.csv:2: column "surname": "M\xFCller" is not UTF-8 text (save the file as UTF-8)' --offenders "$T/latin1.csv"

# Broken quoting; ragged lines.
printf 'ref,surname,notes\nB1,Black,said "no"\n' | bad stray
refused 'stray.csv:2: column "notes": broken quoting: a quote inside an unquoted field' --offenders "$T/stray.csv"
printf 'ref,surname,notes\nB1,Black,"never closed\nB2,White,\n' | bad unclosed
refused 'unclosed.csv:2: column "notes": broken quoting: a quoted field that starts here is not closed before the end of the file' --offenders "$T/unclosed.csv"
printf 'ref,surname\nB1,Black,extra\n' | bad ragged
refused 'ragged.csv:2: the line has 3 fields but the header has 2' --offenders "$T/ragged.csv"

# Population years given twice, or already recorded; bad figures.
printf 'year,population_10_plus\n2011,5\n2011,6\n' | bad twice
refused 'twice.csv:3: column "year": "2011" is given twice (also on line 2)' --population "$T/twice.csv"
printf 'year,population_10_plus\n2010,5\n' | bad recorded
refused 'recorded.csv:2: column "year": "2010" is already recorded in the database' --population "$T/recorded.csv"
printf 'year,population_10_plus\n2011,-5\n' | bad negative
refused 'negative.csv:2: column "population_10_plus": "-5" is not a whole number above 0' --population "$T/negative.csv"

# An error in one file: the good files given with it are not written.
refused 'twice.csv:3:' --offenders "$T/b1.csv" --population "$T/twice.csv"

# At most 20 errors.
{
	echo "ref,surname"
	i=1
	while [ $i -le 25 ]; do echo "bad ref $i,Black"; i=$((i + 1)); done
} | bad many
refused 'import: stopped after 20 errors' --offenders "$T/many.csv"
[ "$(grep -c 'many\.csv:[0-9]*: ' "$T/err")" -eq 20 ] && ok || fail "not 20 errors: $(grep -c 'many.csv:' "$T/err")"
contains "$T/err" "many.csv:21: column \"ref\""
lacks "$T/err" "many.csv:22:"

# --- what spreadsheets write is accepted ---------------------------------------
printf '\357\273\277Ref,SURNAME,Forenames,Notes\r\nS1,Ó Súilleabháin,José,"Two lines\r\nand ""quotes"", too"\r\n\r\n  S2 , Łukasz Żółć ,山田,\ttabbed\r\n' >"$T/sheet-off.csv"
printf 'ref,date,event,category,level,kind,note\r\nS1,2010-01-01,register,M1,M2,,\r\nS2,2010-01-01,register,M3,M3,,\r\nS2,2010-01-01,level,,M2,,\r\n' >"$T/sheet-ev.csv"
expect 0 "$MAPPA" --db "$T/sheet.db" import --offenders "$T/sheet-off.csv" --events "$T/sheet-ev.csv"
expect 0 "$MAPPA" --db "$T/sheet.db" export "$T/sheet" --recipient test
contains "$T/sheet/offenders.csv" 'S1,Ó Súilleabháin,José,,,,,,,,"Two lines'
contains "$T/sheet/offenders.csv" 'and ""quotes"", too"'
# (A note that begins with a tab is written behind an apostrophe, so
# that a spreadsheet does not take it for a formula; cli_formulas.sh.)
contains "$T/sheet/offenders.csv" "S2,Łukasz Żółć,山田,,,,,,,,\"'	tabbed\""
contains "$T/sheet/events.csv" 'S1,2010-01-01,register,1,2,,'
contains "$T/sheet/events.csv" 'S2,2010-01-01,register,3,3,,'
contains "$T/sheet/events.csv" 'S2,2010-01-01,level,,2,,'
grep -q "$(printf '\r')" "$T/sheet/events.csv" && fail "export wrote CR line ends" || ok

# --- adding events to offenders already recorded ------------------------------
printf '%s\nA1,2011-01-01,exit,,,registration_ended,\nA2,2010-05-01,release,,,,\n' "$ev_head" >"$T/more.csv"
expect 0 "$MAPPA" --db "$db" import --events "$T/more.csv"
contains "$T/err" "imported 0 offenders, 2 events and 0 population figures"
expect 0 "$MAPPA" --db "$db" export "$T/more" --recipient test
contains "$T/more/events.csv" "A1,2011-01-01,exit,,,registration_ended,"
base=$T/more
base_imports=$(imports)
# Recorded order within a date: the custody recorded first, then release.
[ "$(grep -n '^A2,2010-05-01' "$T/more/events.csv" | cut -d, -f3 | tr '\n' ' ')" = "custody release " ] &&
	ok || fail "same-date order: $(grep '^A2,2010-05-01' "$T/more/events.csv")"

# --- the round trip --------------------------------------------------------------
expect 0 "$MAPPA" --db "$T/rt.db" import --offenders "$T/more/offenders.csv" \
	--events "$T/more/events.csv" --population "$T/more/population.csv"
expect 0 "$MAPPA" --db "$T/rt.db" export "$T/rt" --recipient test
diff -r "$T/more" "$T/rt" >/dev/null && ok || fail "round trip: the files differ"
"$MAPPA" --db "$db" stats --year 2010-11 --format csv >"$T/s1.csv" 2>/dev/null
"$MAPPA" --db "$T/rt.db" stats --year 2010-11 --format csv >"$T/s2.csv" 2>/dev/null
[ -s "$T/s1.csv" ] && cmp -s "$T/s1.csv" "$T/s2.csv" && ok || fail "round trip: the statistics differ"

# --- the later events and kinds (interchange.md): in and out unchanged ---------
mkdir -p "$T/later"
printf 'ref,surname\nL1,Later\nL2,Later\n' >"$T/later/offenders.csv"
cat >"$T/later/events.csv" <<'EOF2'
ref,date,event,category,level,kind,note
L1,2015-03-01,sfo_charge,,,,charged before registration
L1,2015-04-01,register,1,2,sro_breach,
L1,2015-05-01,order,,,SHPO_FTR,
L1,2015-05-01,order,,,ISHPO,
L1,2015-05-01,order,,,ISRO,
L1,2015-06-01,custody,,,shpo_breach,
L1,2016-01-01,notification_review,,,refused,
L2,2015-04-01,register,2,1,,
L2,2016-02-01,notification_review,,,granted,
EOF2
expect 0 "$MAPPA" --db "$T/later.db" import --offenders "$T/later/offenders.csv" --events "$T/later/events.csv"
expect 0 "$MAPPA" --db "$T/later.db" export "$T/later-out" --recipient "round trip test"
cut -d, -f1-6 "$T/later-out/events.csv" >"$T/later-got"
cut -d, -f1-6 "$T/later/events.csv" >"$T/later-want"
cmp -s "$T/later-got" "$T/later-want" && ok || fail "later events: the export differs: $(diff "$T/later-got" "$T/later-want" | head -4)"

# --- the demo area: round trip, and the 2010-11 figures after it ----------------
expect 0 "$MAPPA" --db "$T/demo.db" demo
expect 0 "$MAPPA" --db "$T/demo.db" export "$T/demo" --recipient "round trip test"
# All ten files: the three, and the case file's seven (issue 15).
expect 0 "$MAPPA" --db "$T/demo2.db" import --offenders "$T/demo/offenders.csv" \
	--events "$T/demo/events.csv" --population "$T/demo/population.csv" \
	--risk "$T/demo/risk.csv" --assessments "$T/demo/assessments.csv" \
	--dates "$T/demo/dates.csv" --orders "$T/demo/orders.csv" \
	--offences "$T/demo/offences.csv" --notes "$T/demo/notes.csv" \
	--disclosures "$T/demo/disclosures.csv"
expect 0 "$MAPPA" --db "$T/demo2.db" export "$T/demo2" --recipient test
diff -r "$T/demo" "$T/demo2" >/dev/null && ok || fail "demo round trip: the files differ"
expect 0 "$MAPPA" --db "$T/demo2.db" stats --year 2010-11 --format csv
cmp -s "$T/out" "$SPECDIR/demo-2010-11.csv" && ok || fail "imported demo: 2010-11 figures differ: $(diff "$T/out" "$SPECDIR/demo-2010-11.csv" | head -5)"
"$MAPPA" --db "$T/demo.db" stats --years 2005-06..2011-12 --format csv >"$T/d1.csv" 2>/dev/null
"$MAPPA" --db "$T/demo2.db" stats --years 2005-06..2011-12 --format csv >"$T/d2.csv" 2>/dev/null
[ -s "$T/d1.csv" ] && cmp -s "$T/d1.csv" "$T/d2.csv" && ok || fail "demo round trip: the series differ"

# --- export: never overwrites, whole files, admin only -----------------------------
sum_before=$(cat "$T/base"/*.csv | cksum)
expect 1 "$MAPPA" --db "$db" export "$T/base" --recipient test
contains "$T/err" "already exists; mappa never overwrites a file"
[ "$(cat "$T/base"/*.csv | cksum)" = "$sum_before" ] && ok || fail "export overwrote files"
ls -A "$T/base" | grep -q '^\.' && fail "temporary files left behind" || ok
mkdir "$T/partial"
echo keep >"$T/partial/population.csv"
expect 1 "$MAPPA" --db "$db" export "$T/partial" --recipient test
[ ! -e "$T/partial/offenders.csv" ] && [ ! -e "$T/partial/events.csv" ] && ok || fail "export wrote beside an existing file"
[ "$(cat "$T/partial/population.csv")" = keep ] && ok || fail "export changed an existing file"
echo x >"$T/afile"
expect 1 "$MAPPA" --db "$db" export "$T/afile" --recipient test
contains "$T/err" "not a folder"
expect 0 "$MAPPA" --db "$db" user add bob --role member
expect 3 "$MAPPA" --db "$db" --user bob export "$T/bob" --recipient test
[ ! -e "$T/bob" ] && ok || fail "a refused export made its folder"
expect 3 "$MAPPA" --db "$db" --user bob import --events "$T/more.csv"
check_unchanged "member"

# --- usage, missing files, and no half-made databases -----------------------------
expect 2 "$MAPPA" --db "$db" import
contains "$T/err" "give at least one of --offenders, --events and --population"
expect 2 "$MAPPA" --db "$db" import --offenders a --offenders b
expect 2 "$MAPPA" --db "$db" import --frob
expect 2 "$MAPPA" --db "$db" import --offenders
expect 2 "$MAPPA" --db "$db" export
expect 2 "$MAPPA" --db "$db" export a b
expect 1 "$MAPPA" --db "$T/none.db" import --offenders "$T/missing.csv"
contains "$T/err" "missing.csv: No such file or directory"
[ ! -e "$T/none.db" ] && ok || fail "a database was made for a missing file"
expect 1 "$MAPPA" --db "$T/none.db" import --offenders "$T/ragged.csv"
[ ! -e "$T/none.db" ] && [ ! -e "$T/none.db-wal" ] && ok || fail "a failed import left a new database behind"
expect 1 "$MAPPA" --db "$T/none.db" export "$T/nowhere" --recipient test
[ ! -e "$T/nowhere" ] && ok || fail "export without a database made its folder"

# --- an erased record: its pseudonymous history goes round too -----------------
expect 0 "$MAPPA" --db "$db" retention erase A1 --reason "no longer needed" --yes
expect 0 "$MAPPA" --db "$db" export "$T/erased" --recipient test
contains "$T/erased/offenders.csv" ",(erased),,,,,,,,,"
lacks "$T/erased/offenders.csv" "Smith"
gone=$(sed -n 's/^\(ERASED-[^,]*\),.*/\1/p' "$T/erased/offenders.csv")
[ -n "$gone" ] && ok || fail "no erased record in the export"
contains "$T/erased/events.csv" "$gone,2011-01-01,exit,,,registration_ended,"
expect 0 "$MAPPA" --db "$T/er.db" import --offenders "$T/erased/offenders.csv" \
	--events "$T/erased/events.csv" --population "$T/erased/population.csv"
expect 0 "$MAPPA" --db "$T/er.db" export "$T/erased2" --recipient test
diff -r "$T/erased" "$T/erased2" >/dev/null && ok || fail "round trip with an erased record: the files differ"
"$MAPPA" --db "$T/er.db" stats --year 2010-11 --format csv >"$T/s3.csv" 2>/dev/null
cmp -s "$T/s1.csv" "$T/s3.csv" && ok || fail "erasure or its round trip changed the statistics"
printf '%s\n%s,2012-01-01,register,1,2,,\n' "$ev_head" "$gone" >"$T/toerased.csv"
expect 1 "$MAPPA" --db "$db" import --events "$T/toerased.csv"
contains "$T/err" "toerased.csv:2: column \"ref\": \"$gone\" is an erased record; no events can be added to it"

# --- progress on a terminal ---------------------------------------------------------
if command -v script >/dev/null 2>&1; then
	sh "$top_srcdir/tests/gen_interchange.sh" "$T/gen" 7000
	script -qec "'$MAPPA' --db '$T/gen.db' import --offenders '$T/gen/offenders.csv' --events '$T/gen/events.csv'" /dev/null >"$T/tty.out" 2>&1
	contains "$T/tty.out" "events ("
	contains "$T/tty.out" "/s)"
	contains "$T/tty.out" "imported 7000 offenders, 70000 events"
fi

# --- a new database: a rollback journal for the import, WAL after ---------------
# Killed mid-import, it holds everything or nothing, and stays usable.
sh "$top_srcdir/tests/gen_interchange.sh" "$T/big" 40000
expect 0 "$MAPPA" --db "$T/new.db" import --offenders "$T/big/offenders.csv"
[ "$(sqlite3 "$T/new.db" "PRAGMA journal_mode")" = wal ] && ok || fail "an import left a new database out of WAL mode"
"$MAPPA" --db "$T/killed.db" import --offenders "$T/big/offenders.csv" \
	--events "$T/big/events.csv" 2>/dev/null &
pid=$!
i=0
while [ ! -e "$T/killed.db-journal" ] && [ $i -lt 2000 ] && kill -0 $pid 2>/dev/null; do
	sleep 0.01
	i=$((i + 1))
done
sleep 0.5
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
n=$(sqlite3 "$T/killed.db" "SELECT count(*) FROM offenders")
[ "$n" = 0 ] || [ "$n" = 40000 ] && ok || fail "a killed import left $n offenders"
[ "$(sqlite3 "$T/killed.db" "PRAGMA integrity_check")" = ok ] && ok || fail "a killed import left a damaged database"
if [ "$n" = 0 ]; then
	expect 0 "$MAPPA" --db "$T/killed.db" import --offenders "$T/big/offenders.csv" \
		--events "$T/big/events.csv"
	contains "$T/err" "imported 40000 offenders, 400000 events"
fi
[ "$(sqlite3 "$T/killed.db" "PRAGMA journal_mode")" = wal ] && ok || fail "the database is not in WAL mode after the import"
[ ! -e "$T/killed.db-journal" ] && ok || fail "a journal was left behind"

finish
