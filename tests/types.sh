#!/bin/sh
# types.sh -- the words that are types are compared as types (issue 14):
# the statuses of a case, a meeting, a referral and minutes (scheduled,
# held, cancelled; unregistered, community, custody, exited; pending,
# accepted, declined, withdrawn; draft, approved), a level decision
# (stay, up, down, exit), an agenda reason (initial,
# review, level_change, exit, other), an agency's attendance (present,
# apologies, report, absent) and a person's role (present, apologies,
# report, guest) are enums with their names once in the core
# (core/status.c, core/agenda.c); no strcmp or strncmp against one of
# those spellings remains anywhere in src, a call over several lines
# included.  The names round-trip in test_util.
. "${top_srcdir:-.}/tests/lib.sh"
src=$top_srcdir/src
words='scheduled|held|cancelled|unregistered|community|custody|exited|pending|accepted|declined|withdrawn|draft|approved'
words="$words|stay|up|down|exit|initial|review|level_change|other|present|apologies|report|absent|guest"

# Each file read whole, so that a call's arguments over several lines
# are one statement; comments dropped.
compared() {
	find "$src" -name '*.[ch]' | sort | while read -r f; do
		perl -0777 -ne '
			s{/\*.*?\*/}{}gs;
			while (/\bstrn?cmp\s*(\((?:[^()]++|(?1))*\))/gs) {
				my $args = substr($1, 1, -1);
				print "$ARGV: strcmp($args)\n"
				    if $args =~ /"('"$words"')"/;
			}' "$f"
	done
}

# The check finds what it looks for: a comparison over two lines, and
# one on a line, are both caught; a spelling in a comment is not.
mkdir -p "$T/src/x"
printf '%s\n' 'int f(const char *d) { /* strcmp(d, "stay") */' \
	'	return strcmp(d,' '		      "exit") == 0 ||' \
	'	       strncmp(d, "guest", 5) == 0 ||' \
	'	       strcmp((const char *)d,' '		      "cancelled") == 0; }' \
	>"$T/src/x/a.c"
bad=$(src=$T/src compared)
[ "$(printf '%s\n' "$bad" | grep -c 'strn\{0,1\}cmp(')" = 3 ] && ok ||
	fail "the check misses a comparison: $bad"

bad=$(compared)
[ -z "$bad" ] && ok || fail "a type compared by its spelling: $bad"

# The names tables, once each, in the core.
n=$(grep -rlE '\[MEETING_HELD\] = "held"|\[CASE_EXITED\] = "exited"|\[REFERRAL_PENDING\] = "pending"|\[MINUTES_DRAFT\] = "draft"' \
	"$src" --include='*.c')
[ "$n" = "$src/core/status.c" ] && ok ||
	fail "the statuses' names are not in core/status.c alone: $n"
n=$(grep -rlE '\[DECISION_STAY\] = "stay"' "$src" --include='*.c')
[ "$n" = "$src/core/status.c" ] && ok ||
	fail "the level decisions' names are not in core/status.c alone: $n"
n=$(grep -rlE '\[ATTENDED_ABSENT\] = "absent"|\[PERSON_GUEST\] = "guest"' \
	"$src" --include='*.c')
[ "$n" = "$src/core/agenda.c" ] && ok ||
	fail "the attendances' and roles' names are not in core/agenda.c alone: $n"
finish
