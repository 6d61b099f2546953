#!/bin/sh
# cli_kpi.sh -- `mappa kpi` on the demo area (issue 8): the default year
# is the latest complete one; the CSV header is as the man page says; the
# quarters add up to the year; the figures agree with the records counted
# straight from the database; --cases names cases for members and admins
# and is refused to lay advisers; bad options are usage errors; every
# consultation is audited.
. "${top_srcdir:-.}/tests/lib.sh"
: "${SQLITE3_BIN:=sqlite3}"
command -v "$SQLITE3_BIN" >/dev/null 2>&1 || { echo "no sqlite3: skipped"; exit 77; }
MAPPA_HOLIDAYS=$top_srcdir/data/bank-holidays.txt
export MAPPA_HOLIDAYS
d=$T/demo.db
expect 0 "$MAPPA" --db "$d" demo
q() { "$SQLITE3_BIN" "$d" "$1"; }

# The default year: the demo's today is 2012-05-14, so 2011-12.
expect 0 "$MAPPA" --db "$d" kpi
contains "$T/out" "performance indicators 2011-12"
contains "$T/out" "Attendance at Level 2/3 meetings (target 90%)"
contains "$T/out" "Actions done by their due date (target 85%)"
lacks "$T/out" "mappa:"

expect 0 "$MAPPA" --db "$d" kpi --year 2010-11 --format csv
csv=$T/kpi.csv
cp "$T/out" "$csv"
[ "$(head -n 1 "$csv")" = "period,indicator,agency,met,total,percent,target,met_target,median_days" ] &&
	ok || fail "kpi CSV header: $(head -n 1 "$csv")"
# Each row's percent is met/total rounded half up, and met_target says
# whether it reaches the target.
awk -F, 'NR > 1 && $5 > 0 { p = int((200 * $4 + $5) / (2 * $5));
	if (p != $6 || ($6 >= $7 ? "yes" : "no") != $8) print }' "$csv" > "$T/bad"
[ ! -s "$T/bad" ] && ok || fail "percentages wrong: $(head -3 "$T/bad")"
# The four quarters add up to the year, indicator by indicator.
awk -F, 'NR > 1 { k = $2 "," $3; if ($1 == "year") { ym[k] = $4; yt[k] = $5 }
	else { qm[k] += $4; qt[k] += $5 } }
	END { for (k in ym) if (ym[k] != qm[k] || yt[k] != qt[k]) print k }' "$csv" > "$T/bad"
[ ! -s "$T/bad" ] && ok || fail "quarters do not add up: $(head -3 "$T/bad")"

# The figures, counted straight from the records.
row() { grep "^year,$1,$2," "$csv" | cut -d, -f4,5; }
want=$(q "SELECT sum(ma.attendance IN ('present','report')) || ',' || count(*) FROM meetings m JOIN meeting_agencies ma ON ma.meeting_id = m.id WHERE m.status = 'held' AND ma.invited = 1 AND ma.agency = 'police' AND m.date BETWEEN '2010-04-01' AND '2011-03-31'")
[ "$(row attendance police)" = "$want" ] && ok || fail "police attendance $(row attendance police), wanted $want"
want=$(q "SELECT sum(done IS NOT NULL AND done <= due) || ',' || count(*) FROM actions WHERE due BETWEEN '2010-04-01' AND '2011-03-31' AND (done IS NOT NULL OR due < '2012-05-14')")
[ "$(row actions_on_time "")" = "$want" ] && ok || fail "actions $(row actions_on_time ""), wanted $want"
want=$(q "SELECT count(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.status = 'held' AND a.reason = 'review' AND a.discussed = 1 AND m.date BETWEEN '2010-04-01' AND '2011-03-31'")
[ "$(row reviews_on_time "" | cut -d, -f2)" = "$want" ] && ok || fail "reviews $(row reviews_on_time ""), wanted $want held"
# Initial meetings: every referral of the year, each met at a meeting.
want=$(q "SELECT count(*) FROM referrals WHERE date BETWEEN '2010-04-01' AND '2011-03-31' AND outcome = 'accepted' AND meeting_id IS NOT NULL")
[ "$want" -gt 0 ] && [ "$(row initial_meeting "" | cut -d, -f2)" = "$want" ] && ok ||
	fail "initial meetings $(row initial_meeting ""), wanted $want referrals"
[ "$(q "SELECT count(*) FROM referrals r WHERE NOT EXISTS (SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.referral_id = r.id AND m.id = r.meeting_id AND m.date > r.date)")" = 0 ] && ok ||
	fail "a demo referral is not met by a later meeting's agenda item"
[ "$(grep -c '^q[1-4],' "$csv")" -eq "$(($(grep -c '^year,' "$csv") * 4))" ] && ok || fail "not four quarters a year row"

# The cases behind the shortfalls, for an admin.
expect 0 "$MAPPA" --db "$d" kpi --year 2010-11 --cases
contains "$T/out" "Actions done by their due date: shortfalls"
ref=$(q "SELECT o.ref FROM actions a JOIN offenders o ON o.id = a.offender_id WHERE a.due BETWEEN '2010-04-01' AND '2011-03-31' AND a.done > a.due ORDER BY a.due LIMIT 1")
contains "$T/out" "$ref"
expect 0 "$MAPPA" --db "$d" kpi --year 2010-11 --cases --format csv
[ "$(head -n 1 "$T/out")" = "period,indicator,agency,date,ref,name,meeting,detail" ] &&
	ok || fail "shortfall CSV header: $(head -n 1 "$T/out")"
contains "$T/out" "$ref"
short=$(awk -F, 'NR > 1 && $1 == "year" { s += $5 - $4 } END { print s }' "$csv")
[ "$(($(wc -l < "$T/out") - 1))" -eq "$short" ] && ok || fail "shortfall rows $(wc -l < "$T/out") for $short"

# Lay advisers: the counts, no cases.
expect 0 "$MAPPA" --db "$d" --user lay kpi --year 2010-11 --format csv
cmp -s "$T/out" "$csv" && ok || fail "a lay adviser's figures differ"
expect 3 "$MAPPA" --db "$d" --user lay kpi --cases
contains "$T/err" "not shown to lay advisers"

# Usage.
expect 2 "$MAPPA" --db "$d" kpi --year 20x0
expect 2 "$MAPPA" --db "$d" kpi --format xml
expect 2 "$MAPPA" --db "$d" kpi extra
expect 2 "$MAPPA" --db "$d" kpi --year
expect 1 "$MAPPA" --db "$T/none.db" kpi

# Audited.
[ "$(q "SELECT count(*) FROM audit WHERE action = 'kpi.view' AND detail = 'year 2010-11'")" -ge 3 ] &&
	ok || fail "kpi consultations not audited"
finish
