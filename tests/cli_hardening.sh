#!/bin/sh
# cli_hardening.sh -- the smaller faults a hostile tester found (issue 13,
# item 8), each reproduced and refused: a negative schema version, a
# creation killed part-way, HOME unset, an imported ERASED- ref, a date at
# the end of the calendar, the same area twice, an endless bank-holiday
# file, a long justification.
. "${top_srcdir:-.}/tests/lib.sh"
d=$T/area.db
expect 0 "$MAPPA" --db "$d" init --area "Test Area"

# --- a negative PRAGMA user_version is refused, not run --------------------
cp "$d" "$T/neg.db"
"$SQLITE3_BIN" "$T/neg.db" 'PRAGMA user_version = -1' || fail "sqlite3"
expect 1 "$MAPPA" --db "$T/neg.db" settings list
contains "$T/err" "not a mappa database"

# --- creation killed part-way: the file is still new -------------------------
# A file size limit kills init (SIGXFSZ) at each stage of its writing.
for lim in 1 4 16 64 128 192 256; do
	rm -f "$T/k.db" "$T/k.db-wal" "$T/k.db-shm"
	(ulimit -f $lim; exec "$MAPPA" --db "$T/k.db" init) >/dev/null 2>&1
	if "$MAPPA" --db "$T/k.db" init >"$T/out" 2>"$T/err" ||
	   "$MAPPA" --db "$T/k.db" settings list >"$T/out" 2>"$T/err"; then
		ok
	else
		fail "init killed at ${lim} KB left: $(cat "$T/err")"
	fi
done
# One left with its schema but neither key nor admin (by an older mappa)
# is made afresh.
cp "$d" "$T/half.db"
"$SQLITE3_BIN" "$T/half.db" 'DELETE FROM meta; DELETE FROM users' || fail "sqlite3"
expect 0 "$MAPPA" --db "$T/half.db" init --area "Again"
expect 0 "$MAPPA" --db "$T/half.db" settings get area_name
contains "$T/out" "Again"

# --- HOME unset: no database relative to the current folder ----------------
mkdir "$T/cwd"
(cd "$T/cwd" && env -u HOME -u MAPPA_DB -u XDG_DATA_HOME "$MAPPA" init) >"$T/out" 2>"$T/err"
[ $? -eq 2 ] && ok || fail "init without HOME: $(cat "$T/err")"
contains "$T/err" "HOME is not set"
[ -z "$(ls -A "$T/cwd")" ] && ok || fail "init without HOME made $(ls -A "$T/cwd")"

# --- an imported ERASED-<pseudonym> ref leaves the other case erasable ------
printf 'ref,surname\nA1,Smith\n' >"$T/o1.csv"
printf 'ref,date,event,category,level,kind,note\nA1,2010-01-01,register,1,1,,\nA1,2010-06-01,exit,,,died,\n' >"$T/e1.csv"
expect 0 "$MAPPA" --db "$d" import --offenders "$T/o1.csv" --events "$T/e1.csv"
p=$("$SQLITE3_BIN" "$d" "SELECT pseudo FROM offenders WHERE ref = 'A1'")
printf 'ref,surname\nERASED-%s,Squatter\n' "$p" >"$T/o2.csv"
expect 0 "$MAPPA" --db "$d" import --offenders "$T/o2.csv"
expect 0 "$MAPPA" --db "$d" retention erase A1 --reason "no longer needed" --yes
[ "$("$SQLITE3_BIN" "$d" "SELECT count(*) FROM offenders WHERE erased IS NOT NULL AND ref LIKE 'ERASED-$p%'")" = 1 ] && ok || fail "A1 was not erased"
[ "$("$SQLITE3_BIN" "$d" "SELECT surname FROM offenders WHERE ref = 'ERASED-$p'")" = Squatter ] && ok || fail "the imported case changed"

# --- a date at the end of the calendar still gets a retention review ---------
printf 'ref,surname\nZ9,Late\n' >"$T/o3.csv"
printf 'ref,date,event,category,level,kind,note\nZ9,2010-01-01,register,1,1,,\nZ9,9999-12-31,exit,,,died,\n' >"$T/e3.csv"
expect 0 "$MAPPA" --db "$d" import --offenders "$T/o3.csv" --events "$T/e3.csv"
expect 0 "$MAPPA" --db "$d" retention --due 9999-12-31 --format csv
contains "$T/out" "Z9,"

# --- the same area twice is refused, by file, not by name --------------------
expect 2 "$MAPPA" --db "$d" --db "$d" stats
contains "$T/err" "same file"
ln "$d" "$T/link.db"
expect 2 "$MAPPA" --db "$d" --db "$T/link.db" stats
expect 2 "$MAPPA" --db "$d" --db "$T/../$(basename "$T")/area.db" stats

# --- an endless bank-holiday file is read only so far ------------------------
MAPPA_HOLIDAYS=/dev/zero expect 0 timeout 60 "$MAPPA" --db "$d" kpi
contains "$T/err" "larger than"

# --- a long justification is kept whole, or refused -------------------------
printf 'ref,surname\nK1,Keep\n' >"$T/o4.csv"
printf 'ref,date,event,category,level,kind,note\nK1,2010-01-01,register,1,1,,\nK1,2010-06-01,exit,,,died,\n' >"$T/e4.csv"
expect 0 "$MAPPA" --db "$d" import --offenders "$T/o4.csv" --events "$T/e4.csv"
long=$(printf 'reason%.0s ' $(seq 1 70))end-of-the-reason
expect 0 "$MAPPA" --db "$d" retention keep K1 --until 2040-01-01 --reason "$long"
expect 0 "$MAPPA" --db "$d" audit --format csv
contains "$T/out" "end-of-the-reason"
huge=$(printf 'x%.0s' $(seq 1 2100))
expect 1 "$MAPPA" --db "$d" retention keep K1 --until 2041-01-01 --reason "$huge"
contains "$T/err" "longer than"
finish
