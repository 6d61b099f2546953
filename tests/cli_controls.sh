#!/bin/sh
# cli_controls.sh -- control characters never reach a terminal from the
# command line (issue 13): a corpus (ESC sequences, CR, a line feed in a
# one-line field, C1 as UTF-8, a bare 0x9B, U+202E) is refused on every
# text input, naming the field, and nothing is stored; and the same
# corpus already in a database (from before, or put there by hand) comes
# out escaped from every text output.
. "${top_srcdir:-.}/tests/lib.sh"
: "${SQLITE3_BIN:=sqlite3}"
command -v "$SQLITE3_BIN" >/dev/null 2>&1 || { echo "no sqlite3: skipped"; exit 77; }
MAPPA_HOLIDAYS=$top_srcdir/data/bank-holidays.txt
export MAPPA_HOLIDAYS
db=$T/a.db
q() { "$SQLITE3_BIN" "$db" "$1"; }

esc=$(printf '\033')
cr=$(printf '\r')
lf='
'
c1=$(printf '\302\233')   # U+009B, the CSI, as UTF-8
b9b=$(printf '\233')      # a bare 0x9B byte
rlo=$(printf '\342\200\256') # U+202E RIGHT-TO-LEFT OVERRIDE
title="T${esc}]0;owned${esc}\\"
one_line="$title|A${cr}B|A${lf}FAKE ROW|A${c1}B|A${b9b}B|A${rlo}B"
free_text="$title|A${c1}B|A${b9b}B|A${rlo}B"

expect 0 "$MAPPA" --db "$db" demo
expect 0 "$MAPPA" --db "$db" user add lee --role lay
set -- $(q "SELECT a.meeting_id || ' ' || o.ref FROM agenda_items a JOIN offenders o ON o.id = a.offender_id JOIN meetings m ON m.id = a.meeting_id WHERE m.status = 'scheduled' ORDER BY m.date LIMIT 1")
m=$1 ref=$2
held=$(q "SELECT m.id FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id JOIN minutes n ON n.agenda_item_id = a.id WHERE m.status = 'held' ORDER BY m.date DESC LIMIT 1")
exited=$(q "SELECT ref FROM offenders WHERE retention_review IS NOT NULL LIMIT 1")
[ -n "$m" ] && [ -n "$held" ] && [ -n "$exited" ] && ok || fail "demo facts: '$m' '$held' '$exited'"

# --- every text input refuses the corpus, naming the field ----------------
# refused WHAT CMD...: the last argument is replaced by each value of the
# corpus in turn; each run fails (status 1) and says WHAT.
refused() {
	what=$1
	values=$2
	shift 2
	IFS='|'
	for v in $values; do
		IFS=' 	
'
		"$MAPPA" --db "$db" "$@" "$v" >"$T/out" 2>"$T/err"
		got=$?
		[ "$got" -eq 1 ] && ok || fail "$* <corpus> -> exit $got: $(head -c 300 "$T/err")"
		contains "$T/err" "$what"
		IFS='|'
	done
	IFS=' 	
'
}
refused "chair:" "$one_line" meeting add 2012-09-03 --level 2 --chair
refused "venue:" "$one_line" meeting edit "$m" --venue
refused "chair:" "$one_line" meeting edit "$m" --chair
refused "decision:" "$free_text" meeting minute "$m" "$ref" --decision
refused "rationale:" "$free_text" meeting minute "$m" "$ref" --rationale
refused "reason:" "$free_text" meeting level "$m" "$ref" up --reason
refused "action:" "$free_text" meeting action "$m" "$ref" --agency police \
	--due 2012-06-01 --text
refused "owner:" "$one_line" meeting action "$m" "$ref" --agency police \
	--due 2012-06-01 --text "Visit" --owner
refused "recipient" "$one_line" export "$T/ex" --recipient
refused "--recipient:" "$one_line" agenda "$m" --recipient
refused "--recipient:" "$one_line" minutes "$held" --recipient
refused "area_name" "$one_line" settings set area_name
refused "justification" "$one_line" retention keep "$exited" --until 2030-01-01 --reason
# The day's new inputs (issues 12, 15, 16).
refused "attendee:" "$one_line" meeting attendee "$m" --agency police --role guest
refused "referred by:" "$one_line" referral add "$ref" --level 3 --reason r --agency
refused "reason" "$free_text" referral add "$ref" --level 3 --agency police --reason
refused "note:" "$free_text" event add "$ref" --event level --date 2012-05-01 --level 3 --decided-by x --note
refused "surname:" "$one_line" case add ZZ9 --category 1 --level 1 --surname
refused "action:" "$free_text" action edit 1 --text
# The refusal shows the character, escaped.
expect 1 "$MAPPA" --db "$db" agenda "$m" --recipient "A${esc}B"
contains "$T/err" "U+001B (ESC)"
expect 1 "$MAPPA" --db "$db" agenda "$m" --recipient "A${rlo}B"
contains "$T/err" "U+202E"
expect 1 "$MAPPA" --db "$db" agenda "$m" --recipient "A${b9b}B"
contains "$T/err" "byte 0x9B"
# Nothing of it was stored anywhere.
q ".dump" >"$T/dump"
for bad in "$esc" "$c1" "A${b9b}B" "$rlo" "FAKE ROW"; do
	if LC_ALL=C grep -qF -- "$bad" "$T/dump"; then
		fail "the database holds a refused character"
	else
		ok
	fi
done

# --- every text output escapes what is already stored ----------------------
# Put the corpus where the outputs read it, as an older mappa or someone
# with the file could have.
hex() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }
X="CAST(X'$(hex "$free_text")' AS TEXT)"
XL="CAST(X'$(hex "$one_line")' AS TEXT)"
q "UPDATE meetings SET chair = $XL, venue = $XL WHERE id IN ($m, $held);
   UPDATE minutes SET decision = $X, rationale = $XL WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = $held);
   UPDATE actions SET text = $XL, owner_person = $XL;
   UPDATE settings SET value = $XL WHERE key = 'area_name';
   UPDATE offenders SET surname = $XL, forenames = $XL WHERE surname IS NOT NULL;"
# And an audit row, chained as mappa chains them (core/chain.h: SHA-256
# of the row before's hash, then each field as 1, its length in 8 bytes
# big-endian, its bytes; sha256sum from coreutils).
byte() { printf "\\$(printf %03o "$1")"; }
field() {
	printf '\001'
	len=$(printf '%s' "$1" | wc -c)
	for sh in 56 48 40 32 24 16 8 0; do byte $(((len >> sh) & 255)); done
	printf '%s' "$1"
}
unhex() {
	h=$1
	while [ -n "$h" ]; do
		byte "0x${h%"${h#??}"}"
		h=${h#??}
	done
}
last=$(q "SELECT id || ' ' || hash FROM audit ORDER BY id DESC LIMIT 1")
id=$((${last%% *} + 1))
when=2012-05-01T10:00:00Z
hash=$({ unhex "${last#* }"; field "$id"; field "$when"; field old
	 field agenda.print; field "$one_line"; field "recipient: $one_line"
       } | sha256sum | cut -d' ' -f1)
q "INSERT INTO audit(id, time, actor, action, record, detail, hash) VALUES ($id, '$when', 'old', 'agenda.print', $XL, 'recipient: ' || $XL, '$hash')"
expect 0 "$MAPPA" --db "$db" audit verify

# clean NAME: the last output holds none of the corpus raw.
clean() {
	for f in "$T/out" "$T/err"; do
		for bad in "$esc" "$cr" "$rlo" "A${b9b}B"; do
			if LC_ALL=C grep -qF -- "$bad" "$f"; then
				fail "$1: a raw control character in $(basename "$f"): $(LC_ALL=C grep -F -- "$bad" "$f" | head -n 2 | od -c | head -n 4)"
				return
			fi
		done
		if LC_ALL=C grep -q "$(printf '\302')[$(printf '\200')-$(printf '\237')]" "$f"; then
			fail "$1: a C1 control in $(basename "$f")"
			return
		fi
	done
	ok
}
# one_row NAME: and no line of it starts a fake row.
one_row() {
	if grep -q '^FAKE ROW' "$T/out"; then fail "$1: a line break let a row be faked"; else ok; fi
}

expect 0 "$MAPPA" --db "$db" audit
clean "audit"; one_row "audit"
contains "$T/out" "^[]0;owned^[\\"
contains "$T/out" "A^MB"
contains "$T/out" "A^JFAKE ROW"
contains "$T/out" "A\\x9BB"
contains "$T/out" "A<U+202E>B"
expect 0 "$MAPPA" --db "$db" audit --format csv
clean "audit csv"
expect 0 "$MAPPA" --db "$db" meetings
clean "meetings"; one_row "meetings"
expect 0 "$MAPPA" --db "$db" meetings --format csv
clean "meetings csv"
expect 0 "$MAPPA" --db "$db" --user lee meetings
clean "meetings (lay)"; one_row "meetings (lay)"
for fmt in text markdown; do
	expect 0 "$MAPPA" --db "$db" agenda "$m" --format "$fmt"
	clean "agenda $fmt"
	expect 0 "$MAPPA" --db "$db" minutes "$held" --format "$fmt"
	clean "minutes $fmt"
done
contains "$T/out" "A<U+202E>B"
expect 0 "$MAPPA" --db "$db" meeting propose "$m"
clean "meeting propose"; one_row "meeting propose"
expect 0 "$MAPPA" --db "$db" actions --all
clean "actions"; one_row "actions"
expect 0 "$MAPPA" --db "$db" actions --all --format csv
clean "actions csv"
expect 0 "$MAPPA" --db "$db" kpi --year 2011-12 --cases
clean "kpi --cases"; one_row "kpi --cases"
expect 0 "$MAPPA" --db "$db" kpi --year 2011-12 --cases --format csv
clean "kpi --cases csv"
for fmt in text csv markdown json; do
	expect 0 "$MAPPA" --db "$db" stats --year 2010-11 --format "$fmt"
	clean "stats $fmt"
done
for fmt in markdown html; do
	expect 0 "$MAPPA" --db "$db" report --year 2010-11 --format "$fmt"
	clean "report $fmt"
done
expect 0 "$MAPPA" --db "$db" settings list
clean "settings list"; one_row "settings list"
expect 0 "$MAPPA" --db "$db" settings get area_name
clean "settings get"
expect 0 "$MAPPA" --db "$db" user list
clean "user list"
expect 0 "$MAPPA" --db "$db" retention list
clean "retention list"; one_row "retention list"
expect 0 "$MAPPA" --db "$db" retention list --format csv
clean "retention csv"
# The day's new lists (issues 12, 15, 16): the key dates, the referrals,
# a meeting's people.
q "UPDATE referrals SET agency = $XL; UPDATE attendees SET name = $XL || id WHERE meeting_id = $held"
expect 0 "$MAPPA" --db "$db" keydates
clean "keydates"; one_row "keydates"
contains "$T/out" "T^[]0;owned"
expect 0 "$MAPPA" --db "$db" keydates --format csv
clean "keydates csv"
expect 0 "$MAPPA" --db "$db" referral list
clean "referral list"; one_row "referral list"
expect 0 "$MAPPA" --db "$db" referral list --format csv
clean "referral list csv"
expect 0 "$MAPPA" --db "$db" meeting attendees "$held"
clean "meeting attendees"; one_row "meeting attendees"
contains "$T/out" "A^JFAKE ROW"
# Messages too: a value echoed back in an error.
expect 2 "$MAPPA" --db "$db" audit --since "2012${esc}[2J"
clean "a usage message"
expect 1 "$MAPPA" --db "$db" settings set area_name "A${esc}B"
clean "a refusal"
finish
