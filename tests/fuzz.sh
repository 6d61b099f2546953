#!/bin/sh
# fuzz.sh -- build the libFuzzer target for the CSV reader and the
# importer's checks (tests/fuzz_csv.c) with AddressSanitizer and
# UndefinedBehaviorSanitizer, and run it for SECONDS (default 60).
#
#   sh tests/fuzz.sh [SECONDS]
#
# Seeds: tests/fuzz/corpus and tests/fuzz/regress (read only; new inputs
# go to a scratch folder, FUZZ_DIR to keep it).  An input that fails is
# saved there as crash-* or leak-*: copy it into tests/fuzz/regress, where
# `make check` runs it every time (tests/fuzz_csv_regress), and fix the
# bug.  Without clang the run is skipped, with a note.
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
build=${top_builddir:-$top}
cc=${FUZZ_CC:-clang}

if ! command -v "$cc" >/dev/null 2>&1; then
	echo "fuzz.sh: $cc not found; fuzzing skipped"
	exit 0
fi
work=${FUZZ_DIR:-}
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/mappa-fuzz-XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/corpus"

# config.h comes from configure; without one, the little the core needs.
if [ -f "$build/config.h" ]; then
	inc=$build
else
	inc=$work
	printf '#define _GNU_SOURCE 1\n' >"$work/config.h"
fi

# The whole core but the hash chain (Nettle's, not the reader's): what
# the reader calls grows with the files it reads.
core=$(ls "$top"/src/core/*.c | grep -v '/chain\.c$')
# shellcheck disable=SC2086
"$cc" -g -O1 -std=c11 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -I"$inc" -I"$top/src" \
	"$top/tests/fuzz_csv.c" $core -o "$work/fuzz_csv"

echo "fuzz.sh: fuzzing for $secs s"
status=0
"$work/fuzz_csv" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	-max_len=8192 -print_final_stats=1 -artifact_prefix="$work/" \
	"$work/corpus" "$top/tests/fuzz/corpus" "$top/tests/fuzz/regress" \
	>"$work/fuzz.log" 2>&1 || status=$?
grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)' \
	"$work/fuzz.log" || true
if [ "$status" -ne 0 ]; then
	tail -n 60 "$work/fuzz.log"
	for f in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
		[ -e "$f" ] || continue
		cp "$f" "${TMPDIR:-/tmp}/" 2>/dev/null || true
		echo "fuzz.sh: failing input kept as ${TMPDIR:-/tmp}/$(basename "$f");"
		echo "  copy it into tests/fuzz/regress/ as a regression test"
	done
	echo "fuzz.sh: FAILED"
	exit 1
fi
echo "fuzz.sh: no failures"
