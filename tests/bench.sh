#!/bin/sh
# bench.sh -- figures for `make bench`: the national-size demo register
# (150,000 offenders) and how long its statistics take, beside the floor
# (the sqlite3 shell reading every event's date and type once).  Prints;
# asserts nothing.  BENCH_DIR keeps the database between runs.
set -eu
top_builddir=${top_builddir:-.}
MAPPA=${MAPPA:-$top_builddir/src/mappa}
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/mappa-bench}
scale=${BENCH_SCALE:-150000}
db=$dir/national-$scale.db
mkdir -p "$dir"

secs() { date +%s.%N; }

if [ ! -s "$db" ]; then
	t0=$(secs)
	"$MAPPA" --db "$db" demo --scale "$scale"
	t1=$(secs)
	awk -v a="$t0" -v b="$t1" -v n="$scale" 'BEGIN { printf "demo --scale %d: %.1f s\n", n, b - a }'
fi
events=$(sqlite3 "$db" "SELECT count(*) FROM events")
offenders=$(sqlite3 "$db" "SELECT count(*) FROM offenders")
printf 'database: %s offenders, %s events, %s bytes\n' "$offenders" "$events" "$(stat -c %s "$db")"

# Warm the page cache, then take the best of three for each.
sqlite3 "$db" "SELECT count(*) FROM events" >/dev/null
best() {
	b=999
	for i in 1 2 3; do
		t0=$(secs); "$@" >/dev/null; t1=$(secs)
		b=$(awk -v a="$t0" -v c="$t1" -v b="$b" 'BEGIN { t = c - a; print (t < b ? t : b) }')
	done
	echo "$b"
}
floor=$(best sqlite3 "$db" "SELECT min(date), max(date), sum(type = 'level') FROM events")
cli=$(best "$MAPPA" --db "$db" stats --year 2010-11 --format csv)
lib=$("$top_builddir/tests/bench_stats" "$db" 2010 5 | sed -n 's/^stats_seconds //p')
awk -v f="$floor" -v l="$lib" -v c="$cli" 'BEGIN {
	printf "floor (sqlite3 reads every event once): %.3f s\n", f
	printf "stats one year, in process:             %.3f s  (ratio %.2f)\n", l, l / f
	printf "mappa stats --year 2010-11 (whole run):  %.3f s  (ratio %.2f)\n", c, c / f
}'
