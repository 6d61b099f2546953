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
# MAPP meetings (issue 7): the list without chairs, actions without
# their words or owners; the papers, the proposal and every change
# refused.
held=$("$SQLITE3_BIN" "$d" "SELECT min(id) FROM meetings WHERE status = 'held'")
sched=$("$SQLITE3_BIN" "$d" "SELECT min(id) FROM meetings WHERE status = 'scheduled'")
lay meetings
lay meetings --format csv
lay meetings --from 2012-01-01 --level 3
lay actions
lay actions --all --format csv
lay actions --overdue
for id in "$held" "$sched"; do
	lay agenda "$id"
	lay agenda "$id" --format markdown
	lay minutes "$id"
	lay minutes "$id" --format markdown --recipient x
	lay meeting propose "$id"
	lay meeting hold "$id"
	lay meeting attend "$id" police present
done
lay meeting add 2012-07-03 --level 2
lay action done 1
lay meeting --help
# What the day's branches added (issues 12 to 17), scanned with the rest.
lay referral list
lay referral list --format csv
lay meeting attendees "$held"
lay meetings --status held --format csv
lay minutes "$held" --format pdf --output -
lay audit --case "$("$SQLITE3_BIN" "$d" "SELECT ref FROM offenders LIMIT 1")"
lay stats --board
lay stats --board --template 2015 --format csv
lay report --board --format html
lay export - --recipient x --pseudonymised
lay case add ZZ1 --surname Leak --category 1 --level 1
lay event add "$("$SQLITE3_BIN" "$d" "SELECT ref FROM offenders LIMIT 1")" --event level --date 2012-05-01 --level 2 --note x --decided-by y
lay export "$T/lay-export" --recipient test
lay import --offenders /dev/null
# Performance indicators (issue 8): counts only, --cases refused.
lay kpi
lay kpi --year 2010-11
lay kpi --year 2010-11 --format csv
lay kpi --year 2011-12 --cases
lay kpi --year 2010-11 --format csv --cases
SSH_ORIGINAL_COMMAND="stats --year 2010-11" lay
# The per-case lists show a lay adviser months, never days.
: > "$T/case-views"
for args in "actions" "actions --all" "actions --all --format csv" "actions --overdue"; do
	"$MAPPA" --db "$d" --user lay $args >>"$T/case-views" 2>&1
done
cat "$T/case-views" >> "$out"
grep -Eq ',[0-9]{4}-[0-9]{2},' "$T/case-views" && ok || fail "lay actions show no month"
if grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}' "$T/case-views" > "$T/days"; then
	fail "a lay adviser saw a case's exact day: $(head -3 "$T/days")"
else
	ok
fi
# The case file (issue 15): the key-date lists refused, the new files
# neither read nor written.
lay keydates
lay keydates --format csv
lay keydates --list mappa-j
for f in risk assessments dates orders offences notes disclosures; do
	lay import "--$f" /dev/null
done

if grep -F -w -f "$T/secrets" "$out" > "$T/leaks"; then
	fail "a lay adviser saw identities: $(head -5 "$T/leaks")"
else
	ok
fi
[ ! -e "$T/lay-backup.db" ] && [ ! -e "$T/lay-export" ] && ok || fail "a lay command wrote a file"
# Nor chairs' names, action owners or the words of actions and minutes.
"$SQLITE3_BIN" "$d" "SELECT chair FROM meetings WHERE chair IS NOT NULL UNION SELECT owner_person FROM actions WHERE owner_person IS NOT NULL UNION SELECT text FROM actions UNION SELECT decision FROM minutes WHERE decision IS NOT NULL" |
	sort -u > "$T/meeting-secrets"
[ "$(wc -l < "$T/meeting-secrets")" -gt 20 ] && ok || fail "too few meeting texts to look for"
if grep -F -f "$T/meeting-secrets" "$out" > "$T/leaks"; then
	fail "a lay adviser saw meeting details: $(head -5 "$T/leaks")"
else
	ok
fi
# Nor anything of the case file: assessors, offences, courts, notes,
# disclosures.
"$SQLITE3_BIN" "$d" "SELECT assessor FROM risk_assessments WHERE assessor IS NOT NULL UNION SELECT description FROM offences UNION SELECT court FROM offences WHERE court IS NOT NULL UNION SELECT sentence FROM offences WHERE sentence IS NOT NULL UNION SELECT subject FROM case_notes WHERE subject IS NOT NULL UNION SELECT text FROM case_notes WHERE text IS NOT NULL UNION SELECT recipient FROM disclosures UNION SELECT what FROM disclosures UNION SELECT why FROM disclosures" |
	sort -u > "$T/casefile-secrets"
[ "$(wc -l < "$T/casefile-secrets")" -gt 30 ] && ok || fail "too few case file texts to look for"
if grep -F -f "$T/casefile-secrets" "$out" > "$T/leaks"; then
	fail "a lay adviser saw the case file: $(head -5 "$T/leaks")"
else
	ok
fi
expect 3 "$MAPPA" --db "$d" --user lay keydates
[ ! -s "$T/out" ] && ok || fail "lay keydates printed something"
# The lists the merge of issues 12 and 16 brought: refused before a
# byte, not a header and then a refusal.
for args in "referral list" "referral list --pending --format csv" \
	"meeting attendees $held" "minutes $held --format pdf --output -" \
	"agenda $sched --format pdf --output -"; do
	expect 3 "$MAPPA" --db "$d" --user lay $args
	[ ! -s "$T/out" ] && ok || fail "lay $args printed: $(head -c 200 "$T/out")"
done
for id in "$held" "$sched"; do
	expect 3 "$MAPPA" --db "$d" --user lay agenda "$id"
	[ ! -s "$T/out" ] && ok || fail "lay agenda $id printed something"
	expect 3 "$MAPPA" --db "$d" --user lay minutes "$id"
	[ ! -s "$T/out" ] && ok || fail "lay minutes $id printed something"
done
expect 0 "$MAPPA" --db "$d" --user lay meetings --format csv
[ "$(head -n 1 "$T/out")" = "id,date,time,level,status,chair,venue,cases" ] && ok || fail "lay meetings header"
[ "$(cut -d, -f6 "$T/out" | sort -u | tr -d '\n')" = "chair" ] && ok || fail "lay meetings show a chair"
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
