#!/bin/sh
# cli_report.sh -- `mappa report`: the statistical section with charts,
# as Markdown and as one self-contained HTML file, opened in headless
# Chromium and checked for its tables and charts.
. "${top_srcdir:-.}/tests/lib.sh"
d=$T/demo.db
expect 0 "$MAPPA" --db "$d" demo

expect 0 "$MAPPA" --db "$d" report --year 2010-11
contains "$T/out" "# MAPPA statistics for Wessex Fens (demo), 2010-11"
contains "$T/out" "| Level 1 | 512 | 154 | - | 666 |"
contains "$T/out" "## How the figures moved"
contains "$T/out" "2010-11 "
contains "$T/out" " 545"
expect 2 "$MAPPA" --db "$d" report --format pdf
expect 2 "$MAPPA" --db "$d" report --year 2010-12

expect 0 "$MAPPA" --db "$d" report --year 2010-11 --format html
cp "$T/out" "$T/report.html"
contains "$T/report.html" "<!DOCTYPE html>"
lacks "$T/report.html" "src=\"http"
lacks "$T/report.html" "href=\"http"
lacks "$T/report.html" "<script"
[ "$(grep -c '<svg' "$T/report.html")" -eq 3 ] && ok || fail "three charts expected"

# Open it as a browser does and read the tables back from the DOM.
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
	echo "chromium is not installed (bootstrap installs it)" >&2
	fail "no chromium"
else
	timeout 120 "$chrome" --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$T/chrome" --dump-dom "file://$T/report.html" \
		> "$T/dom.html" 2> "$T/chrome.err"
	contains "$T/dom.html" '<table class="levels" id="eligible_snapshot">'
	contains "$T/dom.html" '<th scope="row">Level 1</th><td>512</td><td>154</td><td>-</td><td>666</td>'
	contains "$T/dom.html" '<th scope="row">Total</th><td>67</td><td>43</td><td>19</td><td>129</td>'
	contains "$T/dom.html" '<th scope="row">SOPOs</th><td>44</td>'
	contains "$T/dom.html" 'id="rso_per_100k"'
	contains "$T/dom.html" '<figure id="chart_register">'
	contains "$T/dom.html" '<title>2010-11 Category 1: 545</title>'
fi

# A lay adviser may have the report: it is statistics only.
expect 0 "$MAPPA" --db "$d" --user lay report --year 2010-11 --format html
contains "$T/out" "eligible_snapshot"
finish
