# tui_lib.sh -- the private tmux server the screen tests drive mappa in:
# start a session, send keys, read the screen, poll for text (never a
# blind sleep), wait for an exit status.  Source it after lib.sh; it sets
# DB to $T/area.db and needs tmux and sqlite3 (skips, 77, without them).
#
# What start does can be set after sourcing:
#   TUI_SIZE   the size of each session, COLSxROWS (100x30);
#   TUI_READY  the text start waits for, as a check ("mappa"); empty,
#              start does not wait;
#   tui_env NAME=VALUE...  more of mappa's environment (after LANG,
#              LC_ALL and TERM), for every session started after;
#   LOC        the locale (C.UTF-8 where there is one, or C); start -l
#              LOCALE for one session.
#
# Every wait is a poll with a deadline, TUI_SLOW times its usual length
# (an integer from the environment, 1 unless set; make check sets 3 for
# a build with the sanitizers, which draws several times slower): ticks N
# is N tenths of a second so scaled.
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

TUI_SIZE=100x30
TUI_READY=mappa
TUI_ENV=
case ${TUI_SLOW:-} in
'' | *[!0-9]* | 0) TUI_SLOW=1 ;;
esac

# ticks N: how many tenth-of-a-second polls a wait of N tenths may take.
ticks() { echo $(($1 * TUI_SLOW)); }

# tui_env NAME=VALUE...: add to the environment start gives mappa.
tui_env() {
	for a in "$@"; do TUI_ENV="$TUI_ENV '$a'"; done
}

# start [-l LOCALE] NAME ARGS...: mappa ARGS in its own session NAME;
# $T/pid.NAME holds its pid, $T/status.NAME its exit status once it has
# exited.
start() {
	loc=$LOC
	if [ "$1" = -l ]; then
		loc=$2
		shift 2
	fi
	name=$1
	shift
	{
		echo '#!/bin/sh'
		[ -n "${NOHUP:-}" ] && echo "trap '' HUP"
		printf 'cd %s || exit 99\n' "'$T'"
		printf "sh -c 'echo \$\$ > pid.%s; exec \"\$@\"' sh " "$name"
		printf "env LANG=%s LC_ALL=%s TERM=screen%s %s --db %s" "$loc" \
			"$loc" "$TUI_ENV" "'$MAPPA'" "'$DB'"
		for a in "$@"; do printf " '%s'" "$a"; done
		printf '\necho $? > status.%s\n' "$name"
	} > "$T/run.$name"
	chmod +x "$T/run.$name"
	rm -f "$T/pid.$name" "$T/status.$name"
	tm new-session -d -s "$name" -x "${TUI_SIZE%x*}" -y "${TUI_SIZE#*x}" \
		"$T/run.$name; sleep 600"
	[ -z "$TUI_READY" ] || wait_for "$name" "$TUI_READY"
}

screen() { tm capture-pane -p -t "$1"; }
keys() { n=$1; shift; tm send-keys -t "$n" "$@"; }
type_text() { tm send-keys -t "$1" -l "$2"; }

# poll NAME GREP-OPTION PATTERN SHOWN: up to 10 s (ticks) for PATTERN on
# NAME's screen; one check.
poll() {
	i=0 end=$(ticks 100)
	while [ $i -lt "$end" ]; do
		if screen "$1" | grep -q"$2" -- "$3"; then ok; return 0; fi
		i=$((i + 1))
		sleep 0.1
	done
	fail "$1: $4 never shown; the screen:"
	screen "$1" >&2
	return 1
}

# wait_for NAME TEXT: up to 10 s for TEXT on NAME's screen.
wait_for() { poll "$1" F "$2" "'$2'"; }

# wait_re NAME REGEX: the same for an extended regular expression.
wait_re() { poll "$1" E "$2" "/$2/"; }

# changes NAME LINE KEYS...: send KEYS; up to 5 s (ticks) for line LINE
# of NAME's screen to differ from what it was before.
changes() {
	n=$1 l=$2
	shift 2
	was=$(screen "$n" | sed -n "${l}p")
	keys "$n" "$@"
	i=0 end=$(ticks 50)
	while [ $i -lt "$end" ] && [ "$(screen "$n" | sed -n "${l}p")" = "$was" ]; do
		i=$((i + 1)); sleep 0.1
	done
	[ "$(screen "$n" | sed -n "${l}p")" != "$was" ] && ok ||
		fail "$n: '$*' changed nothing on line $l"
}

# wait_exit NAME STATUS: up to 10 s (ticks) for mappa in NAME to exit
# with STATUS.
wait_exit() {
	i=0 end=$(ticks 100)
	while [ $i -lt "$end" ] && [ ! -s "$T/status.$1" ]; do
		i=$((i + 1))
		sleep 0.1
	done
	got=$(cat "$T/status.$1" 2>/dev/null)
	[ "$got" = "$2" ] && ok || fail "$1: exit status '$got', wanted $2"
}

# alive PID: whether the process is still running (one that has exited
# but is not yet reaped, a zombie, is not).
alive() {
	kill -0 "$1" 2>/dev/null || return 1
	state=$(sed -n 's/^[0-9]* ([^)]*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null)
	[ "$state" != Z ]
}

# gone PID: up to 20 s (ticks) for the process to be gone; if it is not,
# what it is doing goes to the log.
gone() {
	i=0 end=$(ticks 200)
	while [ $i -lt "$end" ] && alive "$1"; do
		i=$((i + 1))
		sleep 0.1
	done
	if alive "$1"; then
		fail "process $1 still running"
		ps -o pid,ppid,stat,etime,wchan:20,args -p "$1" >&2
		cat "/proc/$1/stack" "/proc/$1/wchan" >&2 2>/dev/null
		kill -9 "$1" 2>/dev/null # never left spinning after the test
	else
		ok
	fi
}

# marked NAME: the selected row of NAME's list, as "LINE:TEXT" (the line
# that starts with the marker), or nothing unless exactly one line does
# (a screen caught mid-redraw).
marked() { screen "$1" | marked_in; }
marked_in() {
	awk -v mark='▶ ' 'index($0, mark) == 1 { n++; m = NR ":" $0 }
		END { if (n == 1) print m }'
}

# select_row NAME REGEX: move the selection of NAME's list, one Up or
# Down at a time, until the selected row matches ^▶ REGEX (basic, as grep);
# one check.  Each key waits (ticks 100) for the marker to move before
# the next is sent, so that a slow screen is never overshot.  It goes
# toward the row when the row is on the screen (Down else); a key that
# moves nothing (an end of the list) turns it round once.
select_row() {
	n=$1 re="^▶ $2" dir=Down turned=0 j=0
	while [ $j -lt 200 ]; do
		j=$((j + 1))
		i=0 end=$(ticks 100)
		while [ $i -lt "$end" ] && [ -z "$(marked "$n")" ]; do
			i=$((i + 1)); sleep 0.1
		done
		s=$(screen "$n")
		if printf '%s\n' "$s" | grep -q -- "$re"; then ok; return 0; fi
		at=$(printf '%s\n' "$s" | marked_in)
		[ -n "$at" ] || continue
		to=$(printf '%s\n' "$s" | grep -n -- "^  $2" | head -n 1 | cut -d: -f1)
		[ $turned = 0 ] && [ -n "$to" ] && [ -n "$at" ] &&
			[ "$to" -lt "${at%%:*}" ] && dir=Up
		keys "$n" $dir
		i=0 end=$(ticks 100)
		while [ $i -lt "$end" ]; do
			now=$(marked "$n")
			[ -n "$now" ] && [ "$now" != "$at" ] && break
			i=$((i + 1)); sleep 0.1
		done
		if [ $i -ge "$end" ]; then
			[ $turned = 1 ] && break
			turned=1
			if [ $dir = Down ]; then dir=Up; else dir=Down; fi
		fi
	done
	fail "$n: no row /$2/ to select; the screen:"
	screen "$n" >&2
	return 1
}
