# tui_lib.sh -- the private tmux server the screen tests drive mappa in:
# start a session, send keys, read the screen, poll for text (never a
# blind sleep), wait for an exit status.  Source it after lib.sh; it sets
# DB to $T/area.db and needs tmux and sqlite3 (skips, 77, without them).
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

