#!/bin/sh
# cli_casefile.sh -- the case file's interchange files
# (doc/interchange-casefile.md): a good import, the round trip exact
# (export, import into an empty database, export again: the same files),
# every class of bad input in each file refused with its file, line and
# column and nothing written, and the three older files still importing
# on their own.
. "${top_srcdir:-.}/tests/lib.sh"
db=$T/area.db
in=$T/in
mkdir "$in"

cat >"$in/offenders.csv" <<'EOF'
ref,surname,forenames,dob,pnc,crn,notes
wf/12/0001,Smith,John,1970-01-02,2011/0275516Q,x123456,The old notes field
WF/12/0002,Jones,Amy,1980-03-04,,,
EOF
cat >"$in/events.csv" <<'EOF'
ref,date,event,category,level,kind,note
WF/12/0001,2012-01-10,register,1,2,,
wf/12/0001,2012-02-01,order,,,SOPO,
WF/12/0001,2012-03-01,custody,,,new_sentence,
WF/12/0002,2012-01-10,register,2,1,,
EOF
cat >"$in/risk.csv" <<'EOF'
ref,date,rosh,at_risk,assessor
WF/12/0001,2012-01-05,high,children;public,J Smith (NPS)
WF/12/0001,2012-06-05,very_high,children,"Doe, Jane"
EOF
cat >"$in/assessments.csv" <<'EOF'
ref,date,tool,score
WF/12/0001,2012-01-05,rm2000,very high
EOF
cat >"$in/dates.csv" <<'EOF'
ref,sentence_expiry,licence_expiry,expected_release,release_type,notification_end,mappa_j_sent
WF/12/0001,2016-01-01,2016-01-01,2013-01-01,,indefinite,
WF/12/0001,2016-01-01,2016-01-01,2013-01-01,,indefinite,2012-11-01
EOF
cat >"$in/orders.csv" <<'EOF'
ref,kind,made,ends
WF/12/0001,SOPO,2012-02-01,2017-02-01
EOF
cat >"$in/offences.csv" <<'EOF'
ref,index,description,date,court,sentence
WF/12/0001,yes,Sexual assault (s.3 SOA 2003),2011-10-01,Leeds Crown Court,4 years' imprisonment
WF/12/0001,no,Breach of SOPO,,,
EOF
cat >"$in/notes.csv" <<'EOF'
ref,date,author,subject,note,corrects
WF/12/0001,2012-02-02,jsmith,Home visit,"Seen at home.
	All well.",
WF/12/0001,2012-02-03,jsmith,Correction,Seen at his sister's address,2
WF/12/0001,2012-02-04,adoe,Correction of the old notes,The old notes were wrong,1
EOF
cat >"$in/disclosures.csv" <<'EOF'
ref,date,decision,recipient,what,why,meeting,level,decided_by,undertaking
WF/12/0001,2012-05-22,disclose,Head teacher,Conviction and SOPO conditions,Contact with pupils,2012-05-22,2,DCI Chair,yes
WF/12/0001,2012-06-01,not_disclose,Employer,Index offence,No access to children in the role,,,DI Police,no
EOF

files="offenders events population risk assessments dates orders offences notes disclosures"
facts="risk assessments dates orders offences notes disclosures"

# --- a good import, and the round trip ----------------------------------
args=""
for f in offenders events $facts; do args="$args --$f $in/$f.csv"; done
# shellcheck disable=SC2086
expect 0 "$MAPPA" --db "$db" import $args
contains "$T/err" "imported 2 offenders, 4 events"
contains "$T/err" "and 13 facts of the case file"
expect 0 "$MAPPA" --db "$db" export "$T/base" --recipient "Test"
contains "$T/err" "and 13 facts of the case file"
base=$T/base
for f in $files; do
	[ "$(stat -c %a "$base/$f.csv")" = 600 ] && ok || fail "$f.csv mode"
done
# What was imported comes out as it went in (references upper case).
for f in $facts; do
	sed 's/wf\/12/WF\/12/' "$in/$f.csv" | sed 's/rm2000/RM2000/' |
		diff - "$base/$f.csv" >/dev/null && ok ||
		fail "$f.csv differs from what was imported"
done
contains "$base/offenders.csv" "WF/12/0001,Smith,John,1970-01-02,,2011/0275516Q,X123456,,,,The old notes field"
# Into an empty database and out again: the same files, byte for byte.
args=""
for f in $files; do args="$args --$f $base/$f.csv"; done
# shellcheck disable=SC2086
expect 0 "$MAPPA" --db "$T/copy.db" import $args
expect 0 "$MAPPA" --db "$T/copy.db" export "$T/again" --recipient "Test"
diff -r "$base" "$T/again" >/dev/null && ok || fail "the round trip changed the files: $(diff -r "$base" "$T/again" | head -20)"
# The import is one audit row, counting the facts.
"$MAPPA" --db "$T/copy.db" audit --format csv >"$T/audit"
contains "$T/audit" "case file facts: 13"
lacks "$T/audit" ",offender.risk,"
# The old three files alone still import (nothing of the case file).
expect 0 "$MAPPA" --db "$T/old.db" import --offenders "$base/offenders.csv" \
	--events "$base/events.csv" --population "$base/population.csv"
lacks "$T/err" "facts of the case file"

# --- bad input: refused, file and line named, nothing written -------------
n=0
check_unchanged() {
	n=$((n + 1))
	if "$MAPPA" --db "$db" export "$T/check$n" --recipient check >/dev/null 2>"$T/check.err" &&
	   diff -r "$base" "$T/check$n" >/dev/null; then
		ok
	else
		fail "the database changed after a refused import ($1)"
	fi
}
refused() {
	says=$1
	shift
	expect 1 "$MAPPA" --db "$db" import "$@"
	contains "$T/err" "$says"
	contains "$T/err" "nothing was imported"
	check_unchanged "$says"
}
bad() {
	cat >"$T/$1.csv"
}
# Each file refuses with file:line: column; a good line before a bad one
# is not written either.
R='ref,date,rosh,at_risk,assessor'
printf '%s\nWF/12/0002,2012-01-01,low,,\nWF/12/0002,2012-01-01,severe,,\n' "$R" | bad risk1
refused 'risk1.csv:3: column "rosh": "severe" is not a risk of serious harm (low, medium, high or very_high)' --risk "$T/risk1.csv"
printf '%s\nWF/12/0002,2012-01-01,low,children;victims,\n' "$R" | bad risk2
refused 'risk2.csv:2: column "at_risk": "children;victims" is not a list of groups at risk' --risk "$T/risk2.csv"
printf '%s\nWF/12/0002,2012-02-30,low,,\n' "$R" | bad risk3
refused 'risk3.csv:2: column "date": "2012-02-30" is not a date' --risk "$T/risk3.csv"
printf '%s\nWF/12/9999,2012-02-01,low,,\n' "$R" | bad risk4
refused 'risk4.csv:2: column "ref": "WF/12/9999" is not an offender in the database' --risk "$T/risk4.csv"
printf 'ref,date\nWF/12/0002,2012-02-01\n' | bad risk5
refused 'risk5.csv:1: column "rosh" is missing (a risk file needs it)' --risk "$T/risk5.csv"
printf '%s,colour\nWF/12/0002,2012-02-01,low,,,red\n' "$R" | bad risk6
refused 'risk6.csv:1: column "colour" is not a column of a risk file' --risk "$T/risk6.csv"
printf '%s\nWF/12/0002,2012-02-01,low,,A\001B\n' "$R" | bad risk7
refused 'risk7.csv:2: column "assessor": control character U+0001 is not allowed' --risk "$T/risk7.csv"
printf 'ref,date,tool,score\nWF/12/0002,2012-02-01,Crystal ball,9\n' | bad tool
refused 'tool.csv:2: column "tool": "Crystal ball" is not an assessment tool of the area' --assessments "$T/tool.csv"
printf 'ref,date,tool,score\nWF/12/0002,2012-02-01,OASys,\n' | bad score
refused 'score.csv:2: column "score": no value; a score or band is required' --assessments "$T/score.csv"
D='ref,sentence_expiry,licence_expiry,expected_release,release_type,notification_end,mappa_j_sent'
printf '%s\nWF/12/0002,,,,,,\n' "$D" | bad dates1
refused 'dates1.csv:2: no key date is given' --dates "$T/dates1.csv"
printf '%s\nWF/12/0002,,,2013-01-01,early,,\n' "$D" | bad dates2
refused 'dates2.csv:2: column "release_type": "early" is not a release type (licence, parole, automatic, end_of_sentence or other)' --dates "$T/dates2.csv"
printf '%s\nWF/12/0002,,,,,forever,\n' "$D" | bad dates3
refused 'dates3.csv:2: column "notification_end": "forever" is neither a date (YYYY-MM-DD) nor indefinite' --dates "$T/dates3.csv"
printf '%s\nWF/12/0002,,,13/01/2013,,,\n' "$D" | bad dates4
refused 'dates4.csv:2: column "expected_release": "13/01/2013" is not a date' --dates "$T/dates4.csv"
printf 'ref,kind,made,ends\nWF/12/0002,SOPO,2012-02-01,\n' | bad orders1
refused 'orders1.csv:2: column "kind": "SOPO" made on 2012-02-01 is not an order of the case' --orders "$T/orders1.csv"
printf 'ref,kind,made,ends\nWF/12/0001,ASBO,2012-02-01,\n' | bad orders2
refused 'orders2.csv:2: column "kind": "ASBO" is not an order (SOPO, NO, FTO' --orders "$T/orders2.csv"
printf 'ref,kind,made,ends\nWF/12/0001,SOPO,2012-02-01,2011-01-01\n' | bad orders3
refused 'orders3.csv:2: column "ends": "2011-01-01" is before the order was made' --orders "$T/orders3.csv"
F='ref,index,description,date,court,sentence'
printf '%s\nWF/12/0002,maybe,Theft,,,\n' "$F" | bad off1
refused 'off1.csv:2: column "index": "maybe" is not yes or no' --offences "$T/off1.csv"
printf '%s\nWF/12/0002,yes,,,,\n' "$F" | bad off2
refused 'off2.csv:2: column "description": no value; a description is required' --offences "$T/off2.csv"
N='ref,date,author,subject,note,corrects'
printf '%s\nWF/12/0002,2012-02-01,me,Visit,Seen,1\n' "$N" | bad notes1
refused 'notes1.csv:2: column "corrects": "1" is not the place of an earlier note of this case in the import' --notes "$T/notes1.csv"
printf '%s\nWF/12/0002,2012-02-01,me,Visit,,\n' "$N" | bad notes2
refused 'notes2.csv:2: column "note": no value; the note is required' --notes "$T/notes2.csv"
printf '%s\nWF/12/0002,2012-02-01,me,"Two\nlines",Seen,\n' "$N" | bad notes3
refused 'notes3.csv:2: column "subject": control character U+000A (line feed) is not allowed' --notes "$T/notes3.csv"
X='ref,date,decision,recipient,what,why,meeting,level,decided_by,undertaking'
printf '%s\nWF/12/0002,2012-02-01,maybe,Employer,Offence,Risk,,,DI Police,no\n' "$X" | bad disc1
refused 'disc1.csv:2: column "decision": "maybe" is not a decision (disclose or not_disclose)' --disclosures "$T/disc1.csv"
printf '%s\nWF/12/0002,2012-02-01,disclose,Employer,Offence,Risk,,,,no\n' "$X" | bad disc2
refused 'disc2.csv:2: column "decided_by": no value; a decision not made at a meeting needs the person who made it' --disclosures "$T/disc2.csv"
printf '%s\nWF/12/0002,2012-02-01,not_disclose,Employer,Offence,Risk,,,DI Police,yes\n' "$X" | bad disc3
refused 'disc3.csv:2: column "undertaking": "yes" is not allowed: nothing was disclosed' --disclosures "$T/disc3.csv"
printf '%s\nWF/12/0002,2012-02-01,disclose,Employer,Offence,Risk,2012-02-01,4,DCI,no\n' "$X" | bad disc4
refused 'disc4.csv:2: column "level": "4" is not a meeting'"'"'s level (2 or 3)' --disclosures "$T/disc4.csv"
printf '%s\nWF/12/0002,2012-02-01,disclose,Employer,,Risk,,,DI Police,no\n' "$X" | bad disc5
refused 'disc5.csv:2: column "what": no value; what was disclosed is required' --disclosures "$T/disc5.csv"
# A line with a field too many; broken quoting.
printf '%s\nWF/12/0002,2012-02-01,low,,,x\n' "$R" | bad fields
refused 'fields.csv:2: the line has 6 fields but the header has 5' --risk "$T/fields.csv"
printf '%s\nWF/12/0002,2012-02-01,low,,"never closed\n' "$R" | bad quote
refused 'quote.csv:2: column "assessor": broken quoting' --risk "$T/quote.csv"
# A good file with a bad one: neither is written.
printf '%s\nWF/12/0002,2012-02-01,low,,\n' "$R" | bad goodrisk
refused 'off2.csv:2: column "description"' --risk "$T/goodrisk.csv" --offences "$T/off2.csv"
# The old files' own rules: a PNC ID's check letter, a CRN's shape.
printf 'ref,surname,pnc\nB1,Black,2011/0275516R\n' | bad pnc
refused 'pnc.csv:2: column "pnc": "2011/0275516R" is not a PNC ID: the PNC ID'"'"'s check letter is wrong' --offenders "$T/pnc.csv"
printf 'ref,surname,crn\nB1,Black,X12345\n' | bad crn
refused 'crn.csv:2: column "crn": "X12345" is not a CRN: a CRN is a letter and six digits' --offenders "$T/crn.csv"
# An erased record takes no facts.
printf '%s\nWF/12/0002,2012-03-01,exit,,,other,\n' 'ref,date,event,category,level,kind,note' | bad exit
expect 0 "$MAPPA" --db "$db" import --events "$T/exit.csv"
expect 0 "$MAPPA" --db "$db" retention erase WF/12/0002 --reason "no longer needed" --yes
gone=$("$SQLITE3_BIN" "$db" "SELECT ref FROM offenders WHERE erased IS NOT NULL")
printf '%s\n%s,2012-02-01,low,,\n' "$R" "$gone" | bad erased
expect 1 "$MAPPA" --db "$db" import --risk "$T/erased.csv"
contains "$T/err" "erased.csv:2: column \"ref\": \"$gone\" is an erased record; no facts can be added to it"

# --- the demo: a decision taken at a meeting is in its minutes -------------
expect 0 "$MAPPA" --db "$T/demo.db" demo
: "${SQLITE3_BIN:=sqlite3}"
set -- $("$SQLITE3_BIN" -separator ' ' "$T/demo.db" "SELECT d.meeting_id, d.id FROM disclosures d JOIN agenda_items ai ON ai.meeting_id = d.meeting_id AND ai.offender_id = d.offender_id ORDER BY d.id LIMIT 1")
mid=${1:-}
did=${2:-}
[ -n "$mid" ] && ok || fail "no demo disclosure decided at a meeting with the case on its agenda"
who=$("$SQLITE3_BIN" "$T/demo.db" "SELECT recipient FROM disclosures WHERE id = ${did:-0}")
expect 0 "$MAPPA" --db "$T/demo.db" minutes "${mid:-0}"
contains "$T/out" "Disclosure decision:"
tr '\n' ' ' <"$T/out" | tr -s ' ' >"$T/flat"
contains "$T/flat" "$who"
# The demo's case files, its key-date lists and MAPPA J overdue.
expect 0 "$MAPPA" --db "$T/demo.db" keydates --format csv
[ "$(head -n 1 "$T/out")" = "list,ref,name,level,status,date,due,state" ] && ok || fail "keydates header"
grep -q '^mappa-j,.*,overdue$' "$T/out" && ok || fail "no MAPPA J overdue in the demo"
grep -q '^releases,' "$T/out" && ok || fail "no releases in the demo's next six weeks"
grep -q '^licences,' "$T/out" && ok || fail "no licences ending in the demo"
grep -q '^notifications,' "$T/out" && ok || fail "no notifications ending in the demo"
# One consultation, one audit row.
[ "$("$SQLITE3_BIN" "$T/demo.db" "SELECT count(*) FROM audit WHERE action = 'keydates.view'")" = 1 ] && ok || fail "keydates logged other than once"
# A consultation that names the cases it showed: audit --case finds who
# saw a case on the lists.
shown=$(sed -n '2p' "$T/out" | cut -d, -f2)
expect 0 "$MAPPA" --db "$T/demo.db" audit --case "$shown" --format csv
grep -Eq ',keydates\.view,"?offenders? [0-9,]+"?,all lists; cases shown: [0-9]+$' "$T/out" && ok ||
	fail "audit --case $shown lacks the keydates consultation: $(tail -n 3 "$T/out")"

finish
