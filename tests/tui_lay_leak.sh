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

TMUX_BIN=${TMUX_BIN:-$(command -v tmux || true)}
SQLITE3_BIN=${SQLITE3_BIN:-$(command -v sqlite3 || true)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ] || [ -z "$SQLITE3_BIN" ] ||
   [ ! -x "$SQLITE3_BIN" ]; then
	echo "tmux or sqlite3 missing: skipped"
	exit 77
fi

SOCK=mappa-lay$$
DB=$T/area.db
tm() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
sql() { "$SQLITE3_BIN" "$DB" "$@"; }

if locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$'; then
	LOC=C.UTF-8
else
	LOC=C
fi

expect 0 "$MAPPA" --db "$DB" demo
sql "SELECT surname FROM offenders UNION SELECT forenames FROM offenders
	UNION SELECT pnc FROM offenders UNION SELECT crn FROM offenders
	UNION SELECT ref FROM offenders" |
	tr ' ' '\n' | awk 'length($0) >= 3' | sort -u > "$T/secrets"
[ "$(wc -l < "$T/secrets")" -gt 1000 ] && ok || fail "too few identities to look for"

sql .dump | grep -v '^INSERT INTO audit' > "$T/before.sql"

S=lay
{
	echo '#!/bin/sh'
	printf 'cd %s || exit 99\n' "'$T'"
	printf "env LANG=%s LC_ALL=%s TERM=screen %s --db %s --user lay\n" \
		"$LOC" "$LOC" "'$MAPPA'" "'$DB'"
	echo 'echo $? > status'
} > "$T/run"
chmod +x "$T/run"
tm new-session -d -s $S -x 120 -y 40 "$T/run; sleep 600"

screen() { tm capture-pane -p -t $S; }
keys() { tm send-keys -t $S "$@"; }
type_text() { tm send-keys -t $S -l "$1"; }
CAPTURED=$T/captured
: > "$CAPTURED"
capture() { screen >> "$CAPTURED"; }

# wait_for TEXT: up to 10 s for TEXT on the screen.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		if screen | grep -qF -- "$1"; then ok; return 0; fi
		i=$((i + 1))
		sleep 0.1
	done
	fail "'$1' never shown; the screen:"
	screen >&2
	return 1
}

# press KEYS...: send them, wait (up to $WAIT tenths of a second, 1 s
# unless set) for the screen to change and then to hold still, and
# capture it.  A key may rightly change nothing; screens that take time
# to open are pressed with a longer WAIT.
press() {
	before=$(screen)
	keys "$@"
	i=0
	while [ $i -lt "${WAIT:-10}" ] && [ "$(screen)" = "$before" ]; do
		i=$((i + 1)); sleep 0.1
	done
	last=$(screen)
	i=0
	while [ $i -lt 20 ]; do
		sleep 0.05
		now=$(screen)
		[ "$now" = "$last" ] && break
		last=$now
		i=$((i + 1))
	done
	capture
}

at_register() { screen | head -n 1 | grep -q 'Register [0-9]'; }

# home: back to the register (Esc closes screens, questions and help).
home() {
	i=0
	while [ $i -lt 10 ] && ! at_register; do
		WAIT=50 press Escape
		i=$((i + 1))
	done
	at_register && ok || { fail "cannot get back to the register"; screen >&2; }
}

# help_keys: the single-character keys the help of the screen shown lists
# (every page of it), one a line; the help is captured too.
help_keys() {
	press '?'
	: > "$T/help"
	i=0
	while [ $i -lt 30 ]; do
		screen >> "$T/help"
		screen | grep -qF "Esc or q closes this help" && break
		press PageDown
		i=$((i + 1))
	done
	cat "$T/help" >> "$CAPTURED"
	press Escape
	# "    c                  show one category": the keys column.
	sed -n 's/^    \([^ ].\{17\}\) [^ ].*$/\1/p' "$T/help" |
		tr ' ' '\n' | grep -x '.' | sort -u
}

wait_for "Register"
wait_for "Pseudonym"
capture

# --- the register, sorted, filtered and searched ----------------------------
for k in '>' '>' '>' I '<' c c l s s s o x; do press "$k"; done
PSEUDO=$(sql "SELECT pseudo FROM offenders WHERE status = 'community' LIMIT 1")
press /
type_text "$PSEUDO"
press Enter
wait_for "next match for '$PSEUDO'"
press Enter
wait_for "$PSEUDO"
wait_for "History"
# The record and its history, every page.
for i in 1 2 3 4 5 6; do press PageDown; done
press G
for k in e r L; do press "$k"; done
help_keys > /dev/null
home

# --- the admin keys are refused ------------------------------------------------
press A
wait_for "only an admin may do this (you are lay, role lay)"
press R
wait_for "only an admin may do this (you are lay, role lay)"
home
! screen | grep -qF "Audit trail" && ok || fail "lay reached the audit trail"
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
# And the lay adviser changed nothing but the audit trail.
sql .dump | grep -v '^INSERT INTO audit' > "$T/after.sql"
cmp -s "$T/before.sql" "$T/after.sql" && ok ||
	fail "the lay session changed the database: $(diff "$T/before.sql" "$T/after.sql" | head -5)"
[ "$(sql "SELECT count(*) FROM audit WHERE actor = 'lay'")" -gt 0 ] && ok ||
	fail "the lay adviser's views were not logged"
home
keys q
i=0
while [ $i -lt 100 ] && [ ! -s "$T/status" ]; do i=$((i + 1)); sleep 0.1; done
[ "$(cat "$T/status" 2>/dev/null)" = 0 ] && ok ||
	fail "mappa did not quit cleanly (status $(cat "$T/status" 2>/dev/null))"
finish
