#!/bin/sh
# cli_sshd.sh -- the shared deployment over a real sshd (mappa(1),
# DEPLOYMENT): a private sshd on the loopback, one key per person with a
# forced command naming them.  The client's command may name no file on
# the server (status 3, nothing touched); files travel over the link:
# import -, backup -, export - (tar), byte for byte.
. "${top_srcdir:-.}/tests/lib.sh"
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
if [ ! -x "$SSHD" ] || ! command -v ssh >/dev/null 2>&1 ||
   ! command -v ssh-keygen >/dev/null 2>&1; then
	echo "SKIP: sshd, ssh or ssh-keygen missing"
	exit 77
fi
if [ "$(id -u)" -ne 0 ]; then
	# sshd's privilege separation needs root.
	echo "SKIP: a real sshd needs root"
	exit 77
fi
db=$T/area.db
s=$T/ssh
mkdir -m 0700 "$s"
export MAPPA_TODAY=2011-06-01
expect 0 "$MAPPA" --db "$db" init --area "Over SSH"
expect 0 "$MAPPA" --db "$db" user add alice --role admin
expect 0 "$MAPPA" --db "$db" user add lee --role lay
printf 'ref,surname\nA1,Smith\n' >"$T/o.csv"
printf 'ref,date,event,category,level,kind,note\nA1,2010-05-04,register,1,2,,\n' >"$T/e.csv"
expect 0 "$MAPPA" --db "$db" import --offenders "$T/o.csv" --events "$T/e.csv"

ssh-keygen -q -t ed25519 -N '' -f "$s/host" || fail "host key"
ssh-keygen -q -t ed25519 -N '' -f "$s/alice" || fail "alice's key"
ssh-keygen -q -t ed25519 -N '' -f "$s/lee" || fail "lee's key"
# As deployment.example has it (MAPPA_TODAY fixed for the test).
{
	printf 'restrict,command="MAPPA_TODAY=2011-06-01 %s --db %s --user alice" %s\n' \
		"$MAPPA" "$db" "$(cat "$s/alice.pub")"
	printf 'restrict,command="MAPPA_TODAY=2011-06-01 %s --db %s --user lee" %s\n' \
		"$MAPPA" "$db" "$(cat "$s/lee.pub")"
} >"$s/authorized_keys"
chmod 0600 "$s/authorized_keys"
mkdir -p /run/sshd

sshd_pid=
trap '[ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null; rm -rf "$T"' EXIT
port=
for try in 1 2 3 4 5; do
	p=$((20000 + ($$ * 7 + try * 977) % 40000))
	cat >"$s/sshd_config" <<EOF
Port $p
ListenAddress 127.0.0.1
HostKey $s/host
PidFile $s/sshd.pid
AuthorizedKeysFile $s/authorized_keys
StrictModes no
UsePAM no
PermitRootLogin forced-commands-only
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AllowUsers root
EOF
	"$SSHD" -D -e -f "$s/sshd_config" 2>"$s/sshd.log" &
	sshd_pid=$!
	n=0
	while [ $n -lt 100 ] && kill -0 "$sshd_pid" 2>/dev/null &&
	      ! grep -q "listening on" "$s/sshd.log"; do
		n=$((n + 1)); sleep 0.05
	done
	if grep -q "listening on" "$s/sshd.log"; then
		port=$p
		break
	fi
	kill "$sshd_pid" 2>/dev/null
	wait "$sshd_pid" 2>/dev/null
	sshd_pid=
done
[ -n "$port" ] && ok || { fail "sshd did not start: $(tail -3 "$s/sshd.log")"; finish; }

# as WHO COMMAND...: the client's command over the link.
as() {
	who=$1
	shift
	ssh -F /dev/null -T -i "$s/$who" -p "$port" -o BatchMode=yes \
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o LogLevel=ERROR -- root@127.0.0.1 "$@"
}

expect 0 as alice settings get area_name
contains "$T/out" "Over SSH"
# The client may not choose the database or the user.
expect 3 as alice --db /etc/passwd stats
expect 3 as alice settings list --user=lee
expect 3 as lee user list

# No argument names a file on the server; nothing is touched.
before=$("$SQLITE3_BIN" "$db" 'SELECT count(*) FROM audit')
expect 3 as alice backup "$T/stolen.db"
expect 3 as alice export "$T/stolen" --recipient x
expect 3 as alice import --events /etc/passwd
lacks "$T/err" "root:"
[ ! -e "$T/stolen.db" ] && [ ! -e "$T/stolen" ] && ok || fail "a remote command made a file on the server"
[ "$("$SQLITE3_BIN" "$db" 'SELECT count(*) FROM audit')" = "$before" ] && ok || fail "a refused remote command touched the database"

# Files travel over the link, unchanged.
printf 'ref,date,event,category,level,kind,note\nA1,2011-01-02,level,,1,,reviewed\n' >"$T/more.csv"
as alice import --events - <"$T/more.csv" >"$T/out" 2>"$T/err" && ok || fail "import - over ssh: $(cat "$T/err")"
[ "$("$SQLITE3_BIN" "$db" "SELECT count(*) FROM events WHERE date = '2011-01-02'")" = 1 ] && ok || fail "the event sent over ssh was not recorded"
as alice backup - >"$T/copy.db" 2>"$T/err" && ok || fail "backup - over ssh: $(cat "$T/err")"
[ "$("$SQLITE3_BIN" "$T/copy.db" 'PRAGMA integrity_check')" = ok ] && ok || fail "the backup over ssh is not a whole database"
[ "$("$SQLITE3_BIN" "$T/copy.db" "SELECT surname FROM offenders WHERE ref = 'A1'")" = Smith ] && ok || fail "the backup over ssh lacks the records"
as alice export - --recipient "'the partner'" >"$T/x.tar" 2>"$T/err" && ok || fail "export - over ssh: $(cat "$T/err")"
mkdir "$T/x"
tar -xf "$T/x.tar" -C "$T/x" && ok || fail "the export over ssh is not a tar stream"
"$MAPPA" --db "$db" export "$T/local" --recipient "the partner" 2>/dev/null
diff -r "$T/local" "$T/x" >/dev/null && ok || fail "the export over ssh differs from the files"
# A lay adviser gets no files at all.
expect 3 as lee backup -
[ ! -s "$T/out" ] && ok || fail "a lay backup over ssh wrote something"
# The audit names the person the key names.
"$SQLITE3_BIN" "$db" "SELECT actor || ' ' || action FROM audit" >"$T/audit"
contains "$T/audit" "alice backup"
contains "$T/audit" "alice export"
finish
