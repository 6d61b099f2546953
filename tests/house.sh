#!/bin/sh
# house.sh -- one home for each thing (issue 14), held by the tree itself:
# a status is held as a type (types.sh: never compared by its spelling);
# a list is handed over whole by the one row walker, never a row at a
# time into a caller's collector; memory grows by the one rule; a screen
# has a file of its own; db.h only indexes the subject headers.
. "${top_srcdir:-.}/tests/lib.sh"
src=$top_srcdir/src

# Statuses are types (core/status.h): that none is compared by its
# spelling is tests/types.sh's, with the other words that are types ...
# ... and none is held in a struct as a char array.
bad=$(grep -rnE '^[[:space:]]*char[[:space:]]+(status|outcome|state)\[' "$src" --include='*.h' || true)
[ -z "$bad" ] && ok || fail "a status held as a string: $bad"

# One row walker: db_rows (db.c).  Every other loop over a statement's
# rows in the data layer reads one row, a count, or a streaming feed
# (those named here), never a list into a caller's array.
bad=$(grep -nE 'typedef [a-z ]+\(\*db_[a-z_]+_cb\)' "$src"/db/*.h | grep -vE 'db_(export|history|audit|repair)_cb' || true)
[ -z "$bad" ] && ok || fail "a list handed over a row at a time: $bad"

# One growth rule: array_reserve (core/util.c); every buffer grows by it.
bad=$(grep -rn 'realloc(' "$src" --include='*.c' | grep -v "^$src/core/util.c:" || true)
[ -z "$bad" ] && ok || fail "a growth loop of its own: $bad"

# One screen per file: a screen is a struct screen_ops table.
for f in "$src"/ui/*.c; do
	n=$(grep -c 'static const struct screen_ops' "$f")
	[ "$n" -le 1 ] && ok || fail "$f holds $n screens"
done

# db.h is a short index of the subject headers.
n=$(wc -l < "$src/db/db.h")
[ "$n" -le 60 ] && ok || fail "db.h is $n lines: more than an index"
bad=$(grep -vE '^(#include "db/[a-z_]+\.h"|#(ifndef|define|endif).*|/\*.*|[[:space:]]*\*.*|[[:space:]]*)$' "$src/db/db.h" || true)
[ -z "$bad" ] && ok || fail "db.h holds more than includes: $bad"
# HACKING.md maps every file of src/ (a line naming it, or "x.c, .h").
for f in $(cd "$src" && find . -name '*.[ch]' | sed 's|^\./||' | sort); do
	b=${f##*/}
	case $b in
	*.h) pair="${b%.h}.c, .h" ;;
	*) pair=$b ;;
	esac
	grep -qF -e "$b" -e "$pair" "$top_srcdir/HACKING.md" && ok ||
		fail "HACKING.md does not name src/$f"
done
finish
