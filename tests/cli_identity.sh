#!/bin/sh
# cli_identity.sh -- who may act (cli.md, Identity): the uid's own name,
# --user only for the database file's owner, the forced-command rule,
# roles refused with status 3.
. "${top_srcdir:-.}/tests/lib.sh"
db=$T/area.db
me=$(id -un)

expect 0 "$MAPPA" --db "$db" init --area "Test Area"
[ "$(stat -c %a "$db")" = 600 ] && ok || fail "new database mode is $(stat -c %a "$db")"
expect 1 "$MAPPA" --db "$db" init
contains "$T/err" "already holds data"
expect 0 "$MAPPA" --db "$db" user list --format csv
contains "$T/out" "name,role,status,created"
contains "$T/out" "$me,admin,active,"
expect 0 "$MAPPA" --db "$db" settings get area_name
contains "$T/out" "Test Area"

# --user: honoured for the owner of the file, so unknown names get nothing.
expect 3 "$MAPPA" --db "$db" --user mallory user list
contains "$T/err" "'mallory' is not a user of this database"
expect 0 "$MAPPA" --db "$db" user add bob --role member
expect 0 "$MAPPA" --db "$db" user add lee --role lay
expect 3 "$MAPPA" --db "$db" --user bob user list
contains "$T/err" "not allowed for bob (role member)"
expect 3 "$MAPPA" --db "$db" --user lee settings set area_name X
expect 0 "$MAPPA" --db "$db" --user lee settings get area_name
expect 3 "$MAPPA" --db "$db" --user lee audit
expect 0 "$MAPPA" --db "$db" user disable bob
expect 3 "$MAPPA" --db "$db" --user bob settings list
contains "$T/err" "disabled"
expect 1 "$MAPPA" --db "$db" user set-role "$me" member
contains "$T/err" "last active admin"

# The audit trail saw all of it, with before and after for roles.
expect 0 "$MAPPA" --db "$db" audit --format csv
contains "$T/out" "id,time,actor,action,record,detail"
contains "$T/out" "user.add,user bob,role: - -> member"
contains "$T/out" "user.disable,user bob,status: active -> disabled"
expect 0 "$MAPPA" --db "$db" audit --actor lee --format csv
lacks "$T/out" "user.add"
expect 2 "$MAPPA" --db "$db" audit --since 2011-02-30

# Under a forced command the client's words are the command; the server's
# --db and --user stand, and the client may name neither.
SSH_ORIGINAL_COMMAND="settings get area_name" expect 0 "$MAPPA" --db "$db" --user lee
contains "$T/out" "Test Area"
SSH_ORIGINAL_COMMAND="mappa settings get 'area_name'" expect 0 "$MAPPA" --db "$db" --user lee
contains "$T/out" "Test Area"
SSH_ORIGINAL_COMMAND="--db /etc/passwd stats" expect 3 "$MAPPA" --db "$db" --user lee
contains "$T/err" "refused"
SSH_ORIGINAL_COMMAND="settings get area_name --user=$me" expect 3 "$MAPPA" --db "$db" --user lee
SSH_ORIGINAL_COMMAND="user list" expect 3 "$MAPPA" --db "$db" --user lee
SSH_ORIGINAL_COMMAND="settings 'get" expect 2 "$MAPPA" --db "$db" --user lee

# Another uid: --user is refused (it does not own the file), and the file
# (mode 0600) cannot even be read.
if [ "$(id -u)" -eq 0 ]; then
	# A folder of nobody's own, as a service account would have.
	mkdir "$T/nb"
	cp "$db" "$T/nb/other.db"
	chown -R nobody "$T/nb"
	expect 3 "$MAPPA" --db "$T/nb/other.db" --user lee settings list
	contains "$T/err" "do not own"
	chmod 0755 "$T"
	expect 1 setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$MAPPA" --db "$db" settings list
	expect 3 setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$MAPPA" --db "$T/nb/other.db" settings list
	contains "$T/err" "'nobody' is not a user"
	# ... and as the owner, nobody may act as lee.
	expect 0 setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$MAPPA" --db "$T/nb/other.db" --user lee settings list
else
	echo "not root: the other-uid checks ran as $(id -un) only"
	ok
fi
finish
