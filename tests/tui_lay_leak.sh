#!/bin/sh
# tui_lay_leak.sh -- a lay adviser never sees who an offender is, on the
# screens either.  A lay session on the demo visits every screen it can
# reach: the register (sorted, filtered), a search by pseudonym, a record
# and its history, the help, and every screen behind a key the register's
# help lists (the statistics, the indicators, meetings ... whatever exists
# when this runs), with every key listed in each of those screens' help.
# Every screen is captured; none may hold a surname, forename, PNC, CRN
# or reference held in the database.  The admin-only keys are refused.
# Every wait is a bounded poll of the screen, never a blind sleep.
. "${top_srcdir:-.}/tests/lib.sh"

. "${top_srcdir:-.}/tests/tui_lib.sh"
# One session, S, of 120x40.
S=lay TUI_SIZE=120x40 TUI_READY=

expect 0 "$MAPPA" --db "$DB" demo
sql "SELECT surname FROM offenders UNION SELECT forenames FROM offenders
	UNION SELECT pnc FROM offenders UNION SELECT crn FROM offenders
	UNION SELECT ref FROM offenders" |
	tr ' ' '\n' | awk 'length($0) >= 3' | sort -u > "$T/secrets"
[ "$(wc -l < "$T/secrets")" -gt 1000 ] && ok || fail "too few identities to look for"

sql .dump | grep -v '^INSERT INTO audit' > "$T/before.sql"

start $S --user lay

CAPTURED=$T/captured
: > "$CAPTURED"
# The views of one case (the register, a record, the actions) are kept
# apart too, while CASE_VIEW is 1: they show months, never days.
CASE_VIEW=0
capture() {
	screen $S >> "$CAPTURED"
	[ "$CASE_VIEW" = 1 ] && screen $S >> "$T/caseviews"
	:
}

# press KEYS...: send them, wait (up to $WAIT tenths of a second, 1 s
# unless set) for the screen to change and then to hold still, and
# capture it.  A key may rightly change nothing; screens that take time
# to open are pressed with a longer WAIT.
press() {
	before=$(screen $S)
	keys $S "$@"
	i=0
	while [ $i -lt "${WAIT:-10}" ] && [ "$(screen $S)" = "$before" ]; do
		i=$((i + 1)); sleep 0.1
	done
	last=$(screen $S)
	i=0
	while [ $i -lt 20 ]; do
		sleep 0.05
		now=$(screen $S)
		[ "$now" = "$last" ] && break
		last=$now
		i=$((i + 1))
	done
	capture
}

at_register() { screen $S | head -n 1 | grep -q 'Register [0-9]'; }

# home: back to the register (Esc closes screens, questions and help).
home() {
	i=0
	while [ $i -lt 10 ] && ! at_register; do
		WAIT=50 press Escape
		i=$((i + 1))
	done
	at_register && ok || { fail "cannot get back to the register"; screen $S >&2; }
}

# help_keys: the single-character keys the help of the screen shown lists
# (every page of it), one a line; the help is captured too.
help_keys() {
	press '?'
	: > "$T/help"
	i=0
	while [ $i -lt 30 ]; do
		screen $S >> "$T/help"
		screen $S | grep -qF "Esc or q closes this help" && break
		press PageDown
		i=$((i + 1))
	done
	cat "$T/help" >> "$CAPTURED"
	press Escape
	# "    c                  show one category": the keys column.
	sed -n 's/^    \([^ ].\{17\}\) [^ ].*$/\1/p' "$T/help" |
		tr ' ' '\n' | grep -x '.' | sort -u
}

wait_for $S "Register"
wait_for $S "Pseudonym"
CASE_VIEW=1
capture

# --- the register, sorted, filtered and searched ----------------------------
for k in '>' '>' '>' I '<' c c l s s s o x; do press "$k"; done
PSEUDO=$(sql "SELECT pseudo FROM offenders WHERE status = 'community' LIMIT 1")
press /
type_text $S "$PSEUDO"
press Enter
wait_for $S "next match for '$PSEUDO'"
press Enter
wait_for $S "$PSEUDO"
wait_for $S "History"
# The record and its history, every page.
for i in 1 2 3 4 5 6; do press PageDown; done
press G
CASE_VIEW=0
# The record's changing keys, the case file's forms among them (issue
# 15), each refused.
for k in e r L R n o D d s E; do press "$k"; done
help_keys > /dev/null
home

# --- the actions, open and all: a case's due dates by the month ---------------
CASE_VIEW=1
WAIT=50 press O
for i in 1 2 3; do press PageDown; done
CASE_VIEW=0
home
grep -q 'Actions: ' "$T/caseviews" && ok || fail "the actions were not captured"
grep -Eq '(^| )[0-9]{4}-[0-9]{2}( |$)' "$T/caseviews" && ok || fail "no month shown in a lay case view"
if grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}' "$T/caseviews" > "$T/days"; then
	fail "a lay adviser saw a case's exact day: $(head -3 "$T/days")"
else
	ok
fi

# --- the key-date lists are refused (issue 15) --------------------------------
press J
wait_for $S "not for lay advisers"

# --- the admin keys are refused ------------------------------------------------
press A
wait_for $S "only an admin may do this (you are lay, role lay)"
press R
wait_for $S "only an admin may do this (you are lay, role lay)"
home
! screen $S | grep -qF "Audit trail" && ok || fail "lay reached the audit trail"
[ "$(sql "SELECT count(*) FROM audit WHERE actor = 'lay' AND action IN
	('audit.read', 'retention.view')")" = 0 ] && ok ||
	fail "a lay adviser read the audit trail or the retention review"

# --- every screen behind a key of the register, and every key of each --------
help_keys > "$T/register-keys"
grep -qx S "$T/register-keys" && ok || fail "the register's help lists no S"
for k in $(cat "$T/register-keys"); do
	case $k in
	q|'?'|j|k|g|G|n|N) continue ;;
	esac
	WAIT=100 press "$k"
	if at_register; then
		press Escape
		continue
	fi
	echo "$k" >> "$T/screens"
	# A screen of its own: each key its help lists, and Enter, each
	# from a fresh opening.
	help_keys > "$T/keys.$k"
	for k2 in $(cat "$T/keys.$k") Enter; do
		case $k2 in
		q|'?') continue ;;
		esac
		home
		WAIT=100 press "$k"
		press "$k2"
		press Enter
	done
	home
done
[ -s "$T/screens" ] && ok || fail "no screen reached from the register"
echo "screens visited from the register: $(tr '\n' ' ' < "$T/screens")"
[ "$(wc -l < "$CAPTURED")" -gt 1000 ] && ok || fail "too little captured"
# What was looked for is there to be found: the record, the history,
# the pseudonyms.
contains "$CAPTURED" "Case $PSEUDO"
contains "$CAPTURED" "History"
contains "$CAPTURED" "Keys: Register"

if grep -F -w -f "$T/secrets" "$CAPTURED" > "$T/leaks"; then
	fail "a lay adviser saw identities on the screens: $(head -5 "$T/leaks")"
else
	ok
fi
# Nor anything of the case file (issue 15): assessors, offences,
# courts, sentences, notes, disclosures; nor "Risk of serious harm".
sql "SELECT assessor FROM risk_assessments WHERE assessor IS NOT NULL
	UNION SELECT description FROM offences UNION SELECT court FROM offences
	WHERE court IS NOT NULL UNION SELECT sentence FROM offences WHERE
	sentence IS NOT NULL UNION SELECT subject FROM case_notes WHERE subject
	IS NOT NULL UNION SELECT recipient FROM disclosures" |
	sort -u > "$T/casefile-secrets"
[ "$(wc -l < "$T/casefile-secrets")" -gt 30 ] && ok || fail "too few case file texts to look for"
if grep -F -f "$T/casefile-secrets" "$CAPTURED" > "$T/leaks"; then
	fail "a lay adviser saw the case file on the screens: $(head -5 "$T/leaks")"
else
	ok
fi
lacks "$CAPTURED" "Risk of serious harm"
lacks "$CAPTURED" "Index offence"

# And the lay adviser changed nothing but the audit trail.
sql .dump | grep -v '^INSERT INTO audit' > "$T/after.sql"
cmp -s "$T/before.sql" "$T/after.sql" && ok ||
	fail "the lay session changed the database: $(diff "$T/before.sql" "$T/after.sql" | head -5)"
[ "$(sql "SELECT count(*) FROM audit WHERE actor = 'lay'")" -gt 0 ] && ok ||
	fail "the lay adviser's views were not logged"
home
keys $S q
wait_exit $S 0
finish
