#!/bin/sh
# cli_files.sh -- files that leave mappa (issue 13): under a forced
# command no argument names a server path, and files travel over the link
# (import -, backup -, export - as tar); backups and exports are written
# through their own descriptor, never swapped, never left half written
# or hidden when mappa is killed; an export for a partner discloses only
# what is chosen, and the audit says what.
. "${top_srcdir:-.}/tests/lib.sh"
db=$T/area.db
export MAPPA_TODAY=2011-06-01
expect 0 "$MAPPA" --db "$db" init --area "Test Area"
expect 0 "$MAPPA" --db "$db" user add lee --role lay
cat >"$T/off.csv" <<'EOF'
ref,surname,forenames,dob,gender,pnc,district,notes
A1,Smith,John,1970-01-01,M,2011/0275516Q,North,seen at the hostel
A2,Jones,Mary,1980-02-02,F,,South,
A3,Brown,Alan,1975-03-03,M,,South,
EOF
cat >"$T/ev.csv" <<'EOF'
ref,date,event,category,level,kind,note
A1,2010-05-04,register,1,2,,met on 4 May
A2,2010-06-07,register,2,1,,
A3,2010-07-08,register,1,3,,
EOF
expect 0 "$MAPPA" --db "$db" import --offenders "$T/off.csv" --events "$T/ev.csv"

# --- forced command: no server path, refused with status 3, nothing made ----
remote() { SSH_ORIGINAL_COMMAND=$1 expect "$2" "$MAPPA" --db "$db"; }
audits() { "$SQLITE3_BIN" "$db" 'SELECT count(*) FROM audit'; }
expect 0 "$MAPPA" --db "$db" meeting add 2012-07-03 --level 2
mid=$("$SQLITE3_BIN" "$db" 'SELECT max(id) FROM meetings')
before=$(audits)
remote "backup $T/stolen.db" 3
contains "$T/err" "names a file on the server"
remote "export $T/stolen --recipient x" 3
remote "import --events /etc/passwd" 3
lacks "$T/err" "root:"
remote "import --offenders $T/off.csv" 3
# Every file the import reads (its usage line names them), and the
# papers' --output: refused before the database is opened, so no
# "printed" is logged for a paper never written.
opts=$("$MAPPA" --help | grep -A1 '^  import ' | tail -n 1 |
	grep -o -- '--[a-z]* F\]' | cut -d' ' -f1)
case " $(echo $opts) " in
*" --offenders "*" --disclosures "*) ok ;;
*) fail "import's file options not found: $opts" ;;
esac
for opt in $opts; do
	remote "import $opt=$T/off.csv" 3
done
remote "minutes $mid --output $T/stolen.txt" 3
remote "agenda $mid --format pdf --output=$T/stolen.pdf" 3
[ ! -e "$T/stolen.txt" ] && [ ! -e "$T/stolen.pdf" ] && ok || fail "a remote --output made a file"
# Nor for one that cannot be written.
expect 1 "$MAPPA" --db "$db" minutes "$mid" --output "$T/no/such/minutes.txt"
contains "$T/err" "no/such/minutes.txt"
[ ! -e "$T/stolen.db" ] && [ ! -e "$T/stolen" ] && ok || fail "a refused remote command made a file"
[ "$(audits)" -eq "$before" ] && ok || fail "a refused remote command touched the database"
# Files travel over the link instead.
SSH_ORIGINAL_COMMAND="backup -" "$MAPPA" --db "$db" >"$T/remote.db" 2>"$T/err" && ok || fail "remote backup -: $(cat "$T/err")"
[ "$("$SQLITE3_BIN" "$T/remote.db" 'PRAGMA integrity_check')" = ok ] && ok || fail "remote backup is not a whole database"
[ "$("$SQLITE3_BIN" "$T/remote.db" 'SELECT surname FROM offenders WHERE ref = "A2"')" = Jones ] && ok || fail "remote backup lacks the records"
SSH_ORIGINAL_COMMAND="export - --recipient 'the partner'" "$MAPPA" --db "$db" >"$T/remote.tar" 2>"$T/err" && ok || fail "remote export -: $(cat "$T/err")"
mkdir "$T/untar" && tar -xf "$T/remote.tar" -C "$T/untar" && ok || fail "remote export is not a tar stream"
[ "$(ls "$T/untar" | tr '\n' ' ')" = "assessments.csv dates.csv disclosures.csv events.csv notes.csv offences.csv offenders.csv orders.csv population.csv risk.csv " ] && ok || fail "remote export files: $(ls "$T/untar")"
"$MAPPA" --db "$db" export "$T/local" --recipient "the partner" 2>/dev/null
diff -r "$T/local" "$T/untar" >/dev/null && ok || fail "the tar stream differs from the files"
printf 'ref,date,event,category,level,kind,note\nA2,2011-01-02,level,,2,,up\n' >"$T/more.csv"
SSH_ORIGINAL_COMMAND="import --events -" expect 0 "$MAPPA" --db "$db" <"$T/more.csv"
SSH_ORIGINAL_COMMAND="import --events - --offenders -" expect 2 "$MAPPA" --db "$db" </dev/null
contains "$T/err" "only one file can come from standard input"
# A database is never written to a terminal (script(1) gives one).
if command -v script >/dev/null 2>&1; then
	script -qec "\"$MAPPA\" --db \"$db\" backup -" /dev/null >"$T/tty.out" 2>&1
	contains "$T/tty.out" "standard output is a terminal"
fi

# --- an import reads its input before it takes the write lock ---------------
mkfifo "$T/fifo"
"$MAPPA" --db "$db" import --population "$T/fifo" >"$T/imp.out" 2>&1 &
imp=$!
exec 3>"$T/fifo"
printf 'year,population_10_plus\n' >&3
n=0
until grep -q pipe "/proc/$imp/wchan" 2>/dev/null || [ $n -ge 500 ]; do
	n=$((n + 1)); sleep 0.01
done
# The input is stuck; others still write, at once.
start=$(date +%s)
timeout 8 "$MAPPA" --db "$db" user add stuckuser --role member >/dev/null 2>&1 && ok || fail "a stuck import input blocked a writer"
[ $(($(date +%s) - start)) -lt 5 ] && ok || fail "a writer waited for a stuck import"
printf '2010,100000\n' >&3
exec 3>&-
wait $imp && ok || fail "the import from a FIFO failed: $(cat "$T/imp.out")"

# --- export for a partner: recipient required; the selection ---------------
expect 2 "$MAPPA" --db "$db" export "$T/none"
contains "$T/err" "--recipient TEXT is required"
[ ! -e "$T/none" ] && ok || fail "an export without a recipient made its folder"
expect 0 "$MAPPA" --db "$db" export "$T/one" --recipient "Probation" --case a1 --columns ref,district,notes
[ "$(cat "$T/one/offenders.csv")" = "ref,district,notes
A1,North,seen at the hostel" ] && ok || fail "selected export: $(cat "$T/one/offenders.csv")"
lacks "$T/one/events.csv" "A2"
contains "$T/one/events.csv" "A1,2010-05-04,register,1,2,,met on 4 May"
expect 0 "$MAPPA" --db "$db" export "$T/south" --recipient "Research" --district South --pseudonymised
lacks "$T/south/offenders.csv" "Jones"
lacks "$T/south/offenders.csv" "A2"
lacks "$T/south/events.csv" "A2,"
contains "$T/south/offenders.csv" "ref,gender,district,lead_agency"
[ "$(wc -l <"$T/south/offenders.csv")" -eq 3 ] && ok || fail "pseudonymised export: $(cat "$T/south/offenders.csv")"
expect 0 "$MAPPA" --db "$db" export "$T/l3" --recipient "Police" --level 3 --columns surname
[ "$(cat "$T/l3/offenders.csv")" = "ref,surname
A3,Brown" ] && ok || fail "--level 3 export: $(cat "$T/l3/offenders.csv")"
expect 2 "$MAPPA" --db "$db" export "$T/bad" --recipient x --pseudonymised --columns surname
contains "$T/err" "identifies the person"
expect 2 "$MAPPA" --db "$db" export "$T/bad" --recipient x --columns shoe_size
expect 2 "$MAPPA" --db "$db" export "$T/bad" --recipient x --level 4
expect 1 "$MAPPA" --db "$db" export "$T/bad" --recipient x --case NOPE
contains "$T/err" "NOPE"
[ ! -e "$T/bad" ] && ok || fail "a failed export left its folder"
expect 0 "$MAPPA" --db "$db" audit --format csv
contains "$T/out" "recipient: Probation; to: $T/one; cases: 1 (A1); columns: ref,district,notes"
contains "$T/out" "recipient: Research; to: $T/south; cases: 2 (A2, A3); columns: ref,gender,district,lead_agency; pseudonymised"
contains "$T/out" "recipient: Police; to: $T/l3; cases: 1 (A3); columns: ref,surname"
contains "$T/out" "recipient: the partner; to: standard output; cases: all (3); columns: all"

# --- killed mid-write: nothing under the name, nothing hidden ---------------
# A file size limit kills the writer (SIGXFSZ) part-way through.
expect 0 "$MAPPA" --db "$T/big.db" demo
mkdir "$T/killed"
(ulimit -f 200; exec "$MAPPA" --db "$T/big.db" backup "$T/killed/b.db") >/dev/null 2>&1
[ $? -gt 128 ] && ok || fail "the backup was not killed by the size limit"
[ -z "$(ls -A "$T/killed")" ] && ok || fail "a killed backup left: $(ls -A "$T/killed")"
(ulimit -f 200; exec "$MAPPA" --db "$T/big.db" export "$T/killed/x" --recipient test) >/dev/null 2>&1
[ $? -gt 128 ] && ok || fail "the export was not killed by the size limit"
[ -z "$(ls -A "$T/killed/x" 2>/dev/null)" ] && ok || fail "a killed export left: $(ls -A "$T/killed/x")"
rm -rf "$T/killed/x"

# --- the backup race: a second user who can write the folder swaps names ----
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null 2>&1; then
	echo "SKIP: the backup race needs root and useradd"
	finish
fi
other=mappa-race-$$
useradd -M -N -s /bin/sh "$other" 2>/dev/null || { fail "useradd $other"; finish; }
trap 'userdel "$other" 2>/dev/null; rm -rf "$T"' EXIT
chmod 0755 "$T"
mkdir "$T/drop"
chmod 0777 "$T/drop"
cat >"$T/thief.sh" <<'EOF'
# Swap the backup's name for a file of our own, mode 0666, as fast as we can.
d=$1
i=0
while [ ! -e "$d/.stop" ]; do
	if [ -e "$d/b.db" ] && [ ! -O "$d/b.db" ]; then
		mv -f "$d/b.db" "$d/taken.$i" 2>/dev/null
		: >"$d/b.db" 2>/dev/null && chmod 666 "$d/b.db" 2>/dev/null
		i=$((i + 1))
	fi
done
EOF
chmod 0644 "$T/thief.sh"
stolen=0
for try in 1 2 3 4 5; do
	rm -rf "$T/drop"/* "$T/drop/.stop"
	setpriv --reuid="$other" --regid=nogroup --clear-groups sh "$T/thief.sh" "$T/drop" &
	thief=$!
	"$MAPPA" --db "$db" backup "$T/drop/b.db" >/dev/null 2>&1
	: >"$T/drop/.stop"
	wait $thief
	# Whatever the other user can read must hold no database.
	for f in "$T/drop"/*; do
		[ -e "$f" ] || continue
		if setpriv --reuid="$other" --regid=nogroup --clear-groups \
			cat "$f" 2>/dev/null | grep -q 'SQLite format 3'; then
			stolen=$((stolen + 1))
		fi
	done
done
[ "$stolen" -eq 0 ] && ok || fail "the other user read the backup in $stolen of 5 tries"
finish
