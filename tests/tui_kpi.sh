#!/bin/sh
# tui_kpi.sh -- the performance indicators screen (issue 8), driven in a
# private tmux server at 100x30 on the demo area: K from the register
# opens the latest complete year (2011-12), left goes to 2010-11 with the
# same figures as `mappa kpi`, the shortfalls name cases for an admin and
# Enter opens one; a lay adviser sees the counts and no identity.
. "${top_srcdir:-.}/tests/lib.sh"

TMUX_BIN=${TMUX_BIN:-$(command -v tmux || true)}
SQLITE3_BIN=${SQLITE3_BIN:-$(command -v sqlite3 || true)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ] || [ -z "$SQLITE3_BIN" ] ||
   [ ! -x "$SQLITE3_BIN" ]; then
	echo "tmux or sqlite3 missing: skipped"
	exit 77
fi

SOCK=mappa$$
DB=$T/area.db
tm() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
sql() { "$SQLITE3_BIN" "$DB" "$@"; }

# A UTF-8 locale for the screens if there is one; the checks are ASCII.
if locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$'; then
	LOC=C.UTF-8
else
	LOC=C
fi

# start NAME ARGS...: mappa ARGS in its own session NAME; $T/pid.NAME holds
# its pid, $T/status.NAME its exit status once it has exited.
start() {
	name=$1
	shift
	{
		echo '#!/bin/sh'
		[ -n "${NOHUP:-}" ] && echo "trap '' HUP"
		printf 'cd %s || exit 99\n' "'$T'"
		printf "sh -c 'echo \$\$ > pid.%s; exec \"\$@\"' sh " "$name"
		printf "env LANG=%s LC_ALL=%s TERM=screen %s --db %s" "$LOC" \
			"$LOC" "'$MAPPA'" "'$DB'"
		for a in "$@"; do printf " '%s'" "$a"; done
		printf '\necho $? > status.%s\n' "$name"
	} > "$T/run.$name"
	chmod +x "$T/run.$name"
	rm -f "$T/pid.$name" "$T/status.$name"
	tm new-session -d -s "$name" -x 100 -y 30 "$T/run.$name; sleep 600"
	wait_for "$name" "mappa"
}

screen() { tm capture-pane -p -t "$1"; }
keys() { n=$1; shift; tm send-keys -t "$n" "$@"; }
type_text() { tm send-keys -t "$1" -l "$2"; }

# wait_for NAME TEXT: up to 10 s for TEXT on NAME's screen.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		if screen "$1" | grep -qF -- "$2"; then ok; return 0; fi
		i=$((i + 1))
		sleep 0.1
	done
	fail "$1: '$2' never shown; the screen:"
	screen "$1" >&2
	return 1
}

# wait_exit NAME STATUS: up to 10 s for mappa in NAME to exit with STATUS.
wait_exit() {
	i=0
	while [ $i -lt 100 ] && [ ! -s "$T/status.$1" ]; do
		i=$((i + 1))
		sleep 0.1
	done
	got=$(cat "$T/status.$1" 2>/dev/null)
	[ "$got" = "$2" ] && ok || fail "$1: exit status '$got', wanted $2"
}

# gone PID: up to 10 s for the process to be gone.
gone() {
	i=0
	while [ $i -lt 100 ] && kill -0 "$1" 2>/dev/null; do
		i=$((i + 1))
		sleep 0.1
	done
	kill -0 "$1" 2>/dev/null && fail "process $1 still running" || ok
}
MAPPA_HOLIDAYS=$top_srcdir/data/bank-holidays.txt
export MAPPA_HOLIDAYS
expect 0 "$MAPPA" --db "$DB" demo
expect 0 "$MAPPA" --db "$DB" kpi --year 2010-11 --format csv
police=$(grep '^year,attendance,police,' "$T/out" | cut -d, -f4,5 | tr , /)
expect 0 "$MAPPA" --db "$DB" kpi --year 2010-11 --format csv --cases
ref=$(grep '^q4,actions_on_time,' "$T/out" | tail -n 1 | cut -d, -f5)
[ -n "$ref" ] && ok || fail "no action shortfall to look for"

# --- an admin ---------------------------------------------------------------
start a
wait_for a "Register"
keys a K
wait_for a "Performance indicators 2011-12"
wait_for a "Attendance at Level 2/3 meetings (target 90%)"
keys a Left
wait_for a "Performance indicators 2010-11"
wait_for a "Police"
screen a | grep "Police" | grep -qF "$police" && ok ||
	fail "police attendance on screen is not $police"
keys a G
wait_for a "days late"
wait_for a "$ref"
# The selected shortfall (the last): its case opens with Enter.
sel=$(screen a | grep -E '^(▶|>)' | grep -oE 'WF/[0-9]+/[0-9]+' | head -n 1)
[ -n "$sel" ] && ok || fail "no case on the selected shortfall"
keys a Enter
wait_for a "Case $sel"
keys a q
wait_for a "Performance indicators 2010-11"
keys a q
wait_for a "Register"
keys a q
wait_exit a 0

# --- a lay adviser ---------------------------------------------------------------
start l --user lay
wait_for l "Register"
keys l K
wait_for l "Performance indicators 2011-12"
keys l Left
wait_for l "Performance indicators 2010-11"
keys l G
wait_for l "The cases are not shown to lay advisers."
screen l > "$T/lay-screen"
keys l g
wait_for l "Attendance at Level 2/3 meetings"
screen l >> "$T/lay-screen"
lacks "$T/lay-screen" "$ref"
# No surname, forename or reference of any case anywhere on it.
sql "SELECT surname FROM offenders UNION SELECT forenames FROM offenders UNION SELECT ref FROM offenders" |
	tr ' ' '\n' | awk 'length($0) >= 3' | sort -u > "$T/secrets"
if grep -F -w -f "$T/secrets" "$T/lay-screen" > "$T/leaks"; then
	fail "a lay adviser saw identities: $(head -3 "$T/leaks")"
else
	ok
fi
lacks "$T/lay-screen" "shortfalls"
keys l q
keys l q
wait_exit l 0
finish
