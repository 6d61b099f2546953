#!/bin/sh
# cli_shared.sh -- what the commands share (issue 14): the area's name and
# today come from one context (src/app/context.c) for every command that
# shows them, so the statistics, the report, the indicators and the papers
# agree on them; and an option the command does not know, an argument it
# does not take, a date or an id that is none, or a --format, --year or
# --template value, is refused the same way everywhere, with nothing
# written.
. "${top_srcdir:-.}/tests/lib.sh"
d=$T/demo.db
expect 0 "$MAPPA" --db "$d" demo

# The first meeting, for the papers.
expect 0 "$MAPPA" --db "$d" meetings --format csv
m=$(sed -n 2p "$T/out" | cut -d, -f1)
[ -n "$m" ] && ok || fail "no meeting in the demo"

# Titles: "AREA, YEAR" or "AREA: ..." for each command, in $T/titles.
titles() {
	: >"$T/titles"
	expect 0 "$MAPPA" --db "$d" stats
	sed -n 1p "$T/out" >>"$T/titles"
	expect 0 "$MAPPA" --db "$d" report
	sed -n 1p "$T/out" | sed 's/^# //' >>"$T/titles"
	expect 0 "$MAPPA" --db "$d" kpi
	sed -n 1p "$T/out" >>"$T/titles"
	expect 0 "$MAPPA" --db "$d" agenda "$m"
	sed -n 3p "$T/out" >>"$T/titles"
	expect 0 "$MAPPA" --db "$d" minutes "$m"
	sed -n 3p "$T/out" >>"$T/titles"
}

# The demo on its own today: last reporting year is 2011-12 for all.
titles
contains "$T/titles" "MAPPA statistics for Wessex Fens (demo), 2011-12"
[ "$(grep -c '^MAPPA statistics for Wessex Fens (demo), 2011-12$' "$T/titles")" -eq 2 ] \
	&& ok || fail "stats and report disagree: $(cat "$T/titles")"
contains "$T/titles" "Wessex Fens (demo): performance indicators 2011-12"
contains "$T/titles" "Wessex Fens (demo): Level "
[ "$(grep -c '^Wessex Fens (demo): ' "$T/titles")" -eq 3 ] \
	&& ok || fail "kpi and the papers disagree: $(cat "$T/titles")"

# Another today and another name: every command follows both.
expect 0 "$MAPPA" --db "$d" settings set area_name "Fenland East"
MAPPA_TODAY=2009-06-01
export MAPPA_TODAY
titles
[ "$(grep -c '^MAPPA statistics for Fenland East, 2008-09$' "$T/titles")" -eq 2 ] \
	&& ok || fail "stats and report do not follow today or the area: $(cat "$T/titles")"
contains "$T/titles" "Fenland East: performance indicators 2008-09"
[ "$(grep -c '^Fenland East: ' "$T/titles")" -eq 3 ] \
	&& ok || fail "kpi and the papers do not follow the area: $(cat "$T/titles")"
lacks "$T/titles" "Wessex"

# A today that is no date is refused by each, naming it.
MAPPA_TODAY=2009-13-01
for cmd in stats report kpi "agenda $m" "minutes $m"; do
	# shellcheck disable=SC2086
	expect 1 "$MAPPA" --db "$d" $cmd
	contains "$T/err" 'MAPPA_TODAY: "2009-13-01" is not a date (YYYY-MM-DD)'
done
unset MAPPA_TODAY

# --format for the commands that write text or CSV (cli_format_parse):
# any other value is a usage error naming the command and the value,
# with nothing written and nothing logged; csv and text are taken.
audit_rows() { "$MAPPA" --db "$d" audit --format csv | wc -l; }
for cmd in kpi meetings actions keydates audit retention "retention list" \
    "user list" "referral list"; do
	name=$cmd
	[ "$cmd" = "retention list" ] && name=retention
	[ "$cmd" = "user list" ] && name=user
	before=$(audit_rows)
	# shellcheck disable=SC2086
	expect 2 "$MAPPA" --db "$d" $cmd --format xml
	contains "$T/err" "mappa: $name: --format: \"xml\" is not text or csv"
	[ ! -s "$T/out" ] && ok || fail "$cmd --format xml wrote: $(head -c 200 "$T/out")"
	# An empty value is no format either.
	# shellcheck disable=SC2086
	expect 2 "$MAPPA" --db "$d" $cmd --format ""
	contains "$T/err" "mappa: $name: --format: \"\" is not text or csv"
	# Nor is one that differs only in case.
	# shellcheck disable=SC2086
	expect 2 "$MAPPA" --db "$d" $cmd --format CSV
	# One row more: the reading of the trail itself.
	[ "$(audit_rows)" -eq $((before + 1)) ] && ok || fail "$cmd --format xml was logged"
	# shellcheck disable=SC2086
	expect 0 "$MAPPA" --db "$d" $cmd --format csv
	# shellcheck disable=SC2086
	expect 0 "$MAPPA" --db "$d" $cmd --format text
	# Text is the default (the trail grows with each reading: not it).
	if [ "$name" != audit ]; then
		cp "$T/out" "$T/text"
		# shellcheck disable=SC2086
		expect 0 "$MAPPA" --db "$d" $cmd
		cmp -s "$T/out" "$T/text" && ok || fail "$cmd: --format text is not the default"
	fi
done
# The audit trail as text is no CSV.
expect 0 "$MAPPA" --db "$d" audit
lacks "$T/out" ",stats.view,"
contains "$T/out" "stats.view"

# --year (cli_year_parse) and --template (cli_template_parse): the same
# refusal, naming the command, for each that takes them; a good value
# taken.
for cmd in stats report kpi; do
	expect 2 "$MAPPA" --db "$d" $cmd --year 2010-12
	contains "$T/err" "mappa: $cmd: --year: \"2010-12\" is not a reporting year (e.g. 2010-11)"
	[ ! -s "$T/out" ] && ok || fail "$cmd --year 2010-12 wrote: $(head -c 200 "$T/out")"
	expect 0 "$MAPPA" --db "$d" $cmd --year 2010-11
	contains "$T/out" "2010-11"
done
for cmd in stats report; do
	expect 2 "$MAPPA" --db "$d" $cmd --template 2011
	contains "$T/err" "mappa: $cmd: --template: \"2011\" is not 2010 or 2015"
	expect 0 "$MAPPA" --db "$d" $cmd --year 2010-11 --template 2015
done

# An option a command does not know, or one without its argument
# (cli_option_fault): refused alike by every command, naming it.
for cmd in init demo stats report kpi "user list" audit \
    retention import export meetings agenda minutes actions "action done" \
    "referral list" "case add" "event add" keydates; do
	name=${cmd%% *}
	# shellcheck disable=SC2086
	expect 2 "$MAPPA" --db "$T/none.db" $cmd --bogus
	case $cmd in
	"referral list"|"case add"|"event add") contains "$T/err" "mappa: $cmd: '--bogus': unknown option" ;;
	*) contains "$T/err" "mappa: $name: '--bogus': unknown option" ;;
	esac
done
for cmd in stats report kpi audit actions keydates meetings; do
	expect 2 "$MAPPA" --db "$d" $cmd --format
	contains "$T/err" "mappa: $cmd: '--format' needs an argument"
done
# An argument a command does not take (cli_argument_fault): refused alike
# by every command, naming the command and the argument.
for cmd in init demo stats report kpi audit "retention list R" import \
    "export D" meetings actions keydates "referral list" "case add R" \
    "event add R"; do
	name=${cmd%% [A-Z]}
	[ "$name" = "retention list" ] && name=retention
	# shellcheck disable=SC2086
	expect 2 "$MAPPA" --db "$T/none.db" $cmd extra
	contains "$T/err" "mappa: $name: unexpected argument 'extra'"
	[ ! -s "$T/out" ] && ok || fail "$cmd extra wrote: $(head -c 200 "$T/out")"
done
# A date that is none (cli_date_arg): refused alike, naming the command,
# the option and the value, with nothing written.
bad=2012-02-30
for c in "meetings|--from|meetings --from $bad" \
    "meeting|add|meeting add $bad --level 2" \
    "meeting|--date|meeting edit 1 --date $bad" \
    "audit|--since|audit --since $bad" \
    "action|--date|action done 1 --date $bad" \
    "retention|--due|retention --due $bad" \
    "retention|--until|retention keep R --until $bad --reason y" \
    "case add|--date|case add R --surname S --category 1 --level 1 --date $bad"; do
	name=${c%%|*}
	what=${c#*|}
	what=${what%%|*}
	# shellcheck disable=SC2086
	expect 2 "$MAPPA" --db "$d" ${c##*|}
	contains "$T/err" "mappa: $name: $what: \"$bad\" is not a date (YYYY-MM-DD)"
	[ ! -s "$T/out" ] && ok || fail "${c##*|} wrote: $(head -c 200 "$T/out")"
done
# An id that is none (cli_id_arg): refused alike, nothing written.
for c in 'agenda|a meeting|agenda x1' 'minutes|a meeting|minutes 0' \
    'meeting|a meeting|meeting hold abc' \
    'actions|--meeting: |a meeting|actions --meeting 1x' \
    'action|an action|action done zz' \
    'referral accept|a referral|referral accept 1a' \
    'referral accept|--meeting: |a meeting|referral accept 1 --meeting 0'; do
	name=${c%%|*}
	rest=${c#*|}
	what=
	case $rest in --*) what=${rest%%|*}; rest=${rest#*|} ;; esac
	noun=${rest%%|*}
	args=${rest#*|}
	value=${args##* }
	# shellcheck disable=SC2086
	expect 2 "$MAPPA" --db "$d" $args
	contains "$T/err" "mappa: $name: $what\"$value\" is not $noun id"
	[ ! -s "$T/out" ] && ok || fail "$args wrote: $(head -c 200 "$T/out")"
done
# meeting's options want their argument as every command's do.
expect 2 "$MAPPA" --db "$d" meeting edit 1 --venue
contains "$T/err" "mappa: meeting: '--venue' needs an argument"
expect 2 "$MAPPA" --db "$d" import --offenders
contains "$T/err" "mappa: import: '--offenders' needs an argument"
expect 2 "$MAPPA" --bogus
contains "$T/err" "mappa: '--bogus': unknown option"
expect 2 "$MAPPA" --db
contains "$T/err" "mappa: '--db' needs an argument"
[ ! -e "$T/none.db" ] && ok || fail "a refused option made a database"

finish
