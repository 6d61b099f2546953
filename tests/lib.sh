# lib.sh -- helpers for the shell tests.  Source it; it makes $T, a
# private temporary folder removed on exit, and counts checks.
set -u
: "${MAPPA:?MAPPA must name the binary (make check sets it)}"
: "${top_srcdir:=.}"
SPECDIR=${SPECDIR:-$top_srcdir/tests/spec}
T=$(mktemp -d "${TMPDIR:-/tmp}/mappa-sh-XXXXXX")
trap 'rm -rf "$T"' EXIT
unset MAPPA_DB MAPPA_TODAY SSH_ORIGINAL_COMMAND
checks=0
failures=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

ok() {
	checks=$((checks + 1))
}

# expect STATUS CMD...: run CMD, output in $T/out and $T/err; check status.
expect() {
	want=$1
	shift
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "$* -> exit $got, wanted $want; stderr: $(head -c 400 "$T/err")"
	else
		ok
	fi
}

# contains FILE TEXT: FILE holds TEXT (fixed string).
contains() {
	if grep -qF -- "$2" "$1"; then ok; else fail "$1 lacks '$2': $(head -c 400 "$1")"; fi
}

lacks() {
	if grep -qF -- "$2" "$1"; then fail "$1 holds '$2'"; else ok; fi
}

finish() {
	echo "$checks checks, $failures failed"
	[ "$failures" -eq 0 ]
	exit $?
}
