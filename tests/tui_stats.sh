#!/bin/sh
# tui_stats.sh -- the statistics screen, driven as a person drives it: the
# real binary on the demo area in a private tmux server at 100x30.  The
# 2010-11 tables as published, Left and Right for the year, the cases
# behind a figure (Level 3 x Category 1 of 2010-11: two) and the record
# of one, the year-on-year chart in block characters (UTF-8) and in '#'
# (LANG=C), the audit trail; and the same as the lay adviser, whose every
# captured screen is checked against every surname, forename, PNC and CRN
# in the database.  Every wait is a bounded poll of the screen.
. "${top_srcdir:-.}/tests/lib.sh"

. "${top_srcdir:-.}/tests/tui_lib.sh"
if [ "$LOC" != C.UTF-8 ]; then
	echo "no C.UTF-8 locale for the block characters: skipped"
	exit 77
fi

BLOCK=$(printf '\342\226\210') # U+2588 FULL BLOCK

expect 0 "$MAPPA" --db "$DB" demo

# --- a member of staff: the tables, the years, a figure's cases ------------
start a
wait_for a "Register"
keys a S
wait_for a "Statistics 2011-12"
wait_for a "MAPPA-eligible offenders on 31 March 2012"
wait_re a '^.Level 1 +539 +164 +- +703 *$'
keys a Left
wait_for a "Statistics 2010-11"
wait_for a "MAPPA-eligible offenders on 31 March 2011"
wait_re a '^.Level 1 +512 +154 +- +666 *$'
wait_re a '^.Total +545 +176 +5 +726 *$'
wait_re a 'RSOs cautioned or convicted for breach of notification requirements +2 *$'
screen a | grep -q 'Cat 4' && fail "a Category 4 column nobody is counted in" || ok
keys a Right
wait_for a "Statistics 2011-12"
# The year under way, one step on, marked provisional (statistics.md).
keys a Right
wait_for a "Statistics 2012-13 (provisional)"
wait_for a "(provisional: the year ends on 2013-03-31)"
keys a Right
wait_for a "2012-13 is the latest year: it is not over yet."
keys a Left
wait_for a "Statistics 2011-12"
keys a Left
wait_for a "Statistics 2010-11"

# The Category 1 total is selected; Up is Level 3, Category 1: two cases.
keys a Up Enter
wait_for a "2 cases: MAPPA-eligible offenders on 31 March 2011, Category 1 at Level 3"
wait_for a "Statistics 2010-11: 2 cases"
screen a > "$T/cases.txt"
refs=$(sed -n '4,5p' "$T/cases.txt" | grep -o 'WF/[0-9/]*')
[ "$(echo "$refs" | grep -c '^WF/')" = 2 ] && ok ||
	fail "two case references expected: $(cat "$T/cases.txt")"
for r in $refs; do
	sn=$(sql "SELECT surname FROM offenders WHERE ref = '$r'")
	[ -n "$sn" ] && grep -qF "$r" "$T/cases.txt" &&
		grep -qF "$sn" "$T/cases.txt" && ok ||
		fail "case $r is not shown with its name '$sn'"
done
REF1=$(echo "$refs" | head -n 1)
keys a Enter
wait_for a "Case $REF1"
wait_for a "History"
keys a Escape
wait_for a "2 cases: MAPPA-eligible"
keys a Escape
wait_for a "Statistics 2010-11"

# A dash is no count; nor is the rate.
keys a Home Tab Tab Enter
wait_for a "This cell cannot hold a number"
keys a End Enter
wait_for a "A rate, not a count"

# --- year on year, in block characters -----------------------------------
keys a Home BTab BTab Down Down Down t
wait_for a "Statistics 2010-11, year on year"
wait_for a "MAPPA-eligible offenders on 31 March, year on year"
wait_for a "Category 1, all levels"
wait_re a "^ 2010-11 +(${BLOCK})+[^ ]* +545 *\$"
wait_re a "^ 2011-12 +(${BLOCK})+[^ ]* +585 *\$"
wait_re a "^ 2012-13\\* +(${BLOCK})+[^ ]* +590 *\$"
wait_for a "(* provisional: not yet over)"
wait_re a '^ +2004-05 +2005-06 +2006-07 +2007-08'
screen a | grep -q '#' && fail "ASCII bars in a UTF-8 terminal" || ok
# The register's growth shows: each year's bar at least as long as the
# year before's, from 2005-06.
screen a | awk -v b="$BLOCK" '/^ 20(0[5-9]|1[01])-[0-9][0-9] /{
	n = gsub(b, b); if (n < last) bad = 1; last = n }
	END { exit bad }' && ok || fail "the Category 1 bars do not grow"
# Enter on the chart: 2010-11's cases of the figure shown.
keys a Enter
wait_for a "545 cases: MAPPA-eligible offenders on 31 March 2011, Category 1, all levels"
keys a Escape
wait_for a "year on year"
keys a t
wait_for a "1 April 2010 to 31 March 2011"
keys a '?'
wait_for a "Keys: Statistics"
wait_for a "list the cases that make up the selected figure"
keys a q
wait_for a "Statistics 2010-11"

# --- the board's tables, one key away: the movements as `mappa stats` ------
expect 0 "$MAPPA" --db "$DB" stats --year 2010-11 --board --format csv
tot=$(grep '^level_movements,total,total,' "$T/out" | cut -d, -f4)
up=$(grep -E '^level_movements,(level1,level[23]|level2,level3),' "$T/out" | awk -F, '{ n += $4 } END { print n }')
keys a b
wait_for a "Statistics 2010-11, the board's tables"
wait_for a "How cases moved during the year"
wait_re a "^ Up a level: $up +Down a level: [0-9]+ +Left MAPPA: [0-9]+ +Newly registered: [0-9]+ *\$"
wait_re a "^ Total +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +$tot *\$"
wait_for a "MAPPA-eligible offenders charged with a serious further offence"
wait_for a "Reviews of indefinite notification requirements"
keys a b
wait_for a "MAPPA-eligible offenders on 31 March 2011"

expect 0 "$MAPPA" --db "$DB" audit --format csv
contains "$T/out" "stats.view"
contains "$T/out" "year 2010-11; eligible_snapshot level3 cat1; 2 cases"
contains "$T/out" "year 2010-11; eligible_snapshot total cat1; 545 cases"
keys a q q
wait_exit a 0

# --- without UTF-8: the same chart in '#' ----------------------------------
start -l C c
wait_for c "Register"
keys c S
wait_for c "Statistics 2011-12"
keys c t
wait_for c "year on year"
wait_re c '^ 2011-12 +#+ +585 *$'
wait_re c '^ 2005-06 +#+ +375 *$'
screen c | grep -qF "$BLOCK" && fail "block characters under LANG=C" || ok
keys c q q
wait_exit c 0

# --- a lay adviser: the same figures, pseudonyms only ------------------------
sql "SELECT surname FROM offenders UNION SELECT forenames FROM offenders" |
	tr ' ' '\n' | grep -v '^$' | sort -u > "$T/names"
sql "SELECT pnc FROM offenders WHERE pnc <> '' UNION
	SELECT crn FROM offenders WHERE crn <> ''" | sort -u > "$T/ids"
[ "$(wc -l < "$T/names")" -gt 100 ] && [ "$(wc -l < "$T/ids")" -gt 100 ] &&
	ok || fail "too few names and identifiers to look for"
# The check itself finds the names on the member's list of the same cases.
grep -wqFf "$T/names" "$T/cases.txt" && ok ||
	fail "the leak check finds no name even on the member's list"
nshot=0
shot() {
	nshot=$((nshot + 1))
	screen l > "$T/lay.$nshot"
}
start l --user lay
wait_for l "READ-ONLY"
keys l S
wait_for l "Statistics 2011-12"
keys l Left
wait_re l '^.Level 1 +512 +154 +- +666 *$'
shot
keys l Up Enter
wait_for l "2 cases: MAPPA-eligible offenders on 31 March 2011, Category 1 at Level 3"
wait_for l "Pseudonym"
shot
screen l | grep -q 'WF/' && fail "a case reference shown to a lay adviser" || ok
keys l Enter
wait_for l "(pseudonymous reference)"
shot
keys l Escape
wait_for l "Pseudonym"
keys l Escape t
wait_for l "year on year"
shot
keys l Enter
wait_for l "Category 1 at Level 3"
shot
keys l End
shot
keys l q t PageDown PageDown Enter
wait_for l "RSOs cautioned or convicted for breach of notification requirements in 2010-11"
shot
# The board's tables, and the cases behind a serious further offence.
keys l q Right b
wait_for l "1 April 2011 to 31 March 2012"
wait_for l "How cases moved during the year"
shot
keys l PageDown Enter
wait_for l "Charged with a serious further offence in 2011-12"
wait_for l "Pseudonym"
shot
keys l q q q
wait_exit l 0
i=1
while [ $i -le $nshot ]; do
	if grep -wFf "$T/names" "$T/lay.$i" >/dev/null ||
	   grep -Ff "$T/ids" "$T/lay.$i" >/dev/null; then
		fail "screen $i shown to the lay adviser holds an identity:"
		grep -wFf "$T/names" "$T/lay.$i" >&2
		grep -Ff "$T/ids" "$T/lay.$i" >&2
	else
		ok
	fi
	i=$((i + 1))
done
# The lay adviser's views are in the audit trail too.
[ "$(sql "SELECT count(*) FROM audit WHERE actor = 'lay' AND
	action = 'stats.cases'")" -ge 2 ] && ok ||
	fail "the lay adviser's lists are not in the audit trail"
finish
