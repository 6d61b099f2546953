#!/bin/sh
# layers.sh -- the layers show in the folders: only src/ui includes
# curses, only src/db includes sqlite3, the core includes neither, and
# the demo generator (src/demo) stands on the core alone, and the command
# line (src/cli) knows nothing of the screens.
. "${top_srcdir:-.}/tests/lib.sh"
src=$top_srcdir/src

bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|form|menu|panel)' "$src" --include='*.[ch]' | grep -v "^$src/ui/" || true)
[ -z "$bad" ] && ok || fail "curses included outside src/ui: $bad"
bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"]sqlite3' "$src" --include='*.[ch]' | grep -v "^$src/db/" || true)
[ -z "$bad" ] && ok || fail "sqlite3.h included outside src/db: $bad"
bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*"(db|ui|cli|demo)/' "$src/core" || true)
[ -z "$bad" ] && ok || fail "the core depends on an upper layer: $bad"
# The demo generator is a tool over the core: it knows no storage or screen.
bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](db|ui|cli)/|sqlite3|curses' "$src/demo" || true)
[ -z "$bad" ] && ok || fail "the demo generator depends on an upper layer: $bad"
bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*"(ui|cli)/' "$src/db" || true)
[ -z "$bad" ] && ok || fail "the data layer depends on an upper layer: $bad"
# Pango and Cairo in the PDF writer only (issue 16).
bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](pango|cairo)' "$src" --include='*.[ch]' | grep -v "^$src/cli/pdf.c$" || true)
[ -z "$bad" ] && ok || fail "Pango or Cairo included outside src/cli/pdf.c: $bad"
# What the front ends share knows neither of them.
bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](ui/|cli/|n?curses|ncursesw/)' "$src/app" || true)
[ -z "$bad" ] && ok || fail "src/app depends on a front end: $bad"
# The command line works without a terminal: no screen, no curses; only
# the entry point (src/main.c) knows both.
bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](ui/|n?curses|ncursesw/)' "$src/cli" || true)
[ -z "$bad" ] && ok || fail "the command line depends on the screens: $bad"
# SQL text lives in src/db only.
bad=$(grep -rlE '"(SELECT|INSERT INTO|UPDATE [a-z]+ SET|DELETE FROM) ' "$src" --include='*.c' | grep -v "^$src/db/" || true)
[ -z "$bad" ] && ok || fail "SQL outside src/db: $bad"
# config.h first in every .c.
for f in $(find "$src" -name '*.c'); do
	first=$(grep -m1 '#include' "$f")
	[ "$first" = '#include "config.h"' ] && ok || fail "$f: config.h is not the first include"
done
finish
