#!/bin/sh
# cli_papers.sh -- the papers as PDF (issue 16): `mappa minutes ID
# --format pdf` read back with pdftotext holds OFFICIAL-SENSITIVE at the
# top and bottom of every page with its number, the attendance, the
# statement exactly as the settings hold it, and each case's decisions;
# the people by name, agency and role and the actions' named owners; the
# printing is logged with its recipient, format and the minutes' version
# (approved by the chair, reopened as version 2); an action dropped on
# approved minutes shows as dropped in the lists and papers; a lay adviser
# gets nothing, not even an empty file.  In Markdown every text a person
# typed (names, the chair, minutes, actions, disclosure reasons, the area
# and the statement) reads as typed, never as HTML or Markdown; the text
# papers print it unchanged.
. "${top_srcdir:-.}/tests/lib.sh"
: "${SQLITE3_BIN:=sqlite3}"
: "${PDFTOTEXT_BIN:=pdftotext}"
command -v "$SQLITE3_BIN" >/dev/null 2>&1 || { echo "no sqlite3: skipped"; exit 77; }
command -v "$PDFTOTEXT_BIN" >/dev/null 2>&1 || { echo "no pdftotext: skipped"; exit 77; }
d=$T/demo.db
expect 0 "$MAPPA" --db "$d" demo
q() { "$SQLITE3_BIN" "$d" "$1"; }
# The text of a PDF as laid out, in one line, words separated by one
# space.
flat() { "$PDFTOTEXT_BIN" -layout "$1" - | tr '\n\f' '  ' | tr -s ' '; }

# The held meeting with the most cases.
m=$(q "SELECT m.id FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id WHERE m.status = 'held' GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1")
[ -n "$m" ] && ok || fail "no held meeting in the demo"

# People by name, agency and role (issue 16, item 3); one changes role.
expect 0 "$MAPPA" --db "$d" meeting attendee "$m" "Maud Testchair" --agency police
expect 0 "$MAPPA" --db "$d" meeting attendee "$m" "Priya Testcase" --agency probation --role apologies
expect 0 "$MAPPA" --db "$d" meeting attendee "$m" "Priya Testcase" --agency probation --role report
expect 0 "$MAPPA" --db "$d" meeting attendee "$m" "Dr Olu Fenwick" --agency health --role guest
expect 1 "$MAPPA" --db "$d" meeting attendee "$m" "Nobody" --agency police --role boss
contains "$T/err" "role: \"boss\" is not one of present, apologies, report, guest"
expect 1 "$MAPPA" --db "$d" meeting attendee "$m" "  " --agency police
expect 0 "$MAPPA" --db "$d" meeting attendees "$m"
[ "$(grep -c 'Testchair\|Testcase\|Fenwick' "$T/out")" = 3 ] && ok || fail "attendees: $(cat "$T/out")"
# The demo's meetings list their people: the chair and each agency's officer.
[ "$(q "SELECT count(*) FROM attendees a JOIN meetings m ON m.id = a.meeting_id WHERE m.id = $m AND a.name = m.chair")" = 1 ] &&
	ok || fail "the demo meeting's chair is not among its attendees"
contains "$T/out" "report     probation            Priya Testcase"
# An action: a named owner and a due date changed, then one removed;
# each change audited.
act=$(q "SELECT a.id FROM actions a WHERE a.meeting_id = $m ORDER BY a.id LIMIT 1")
act2=$(q "SELECT a.id FROM actions a WHERE a.meeting_id = $m ORDER BY a.id LIMIT 1 OFFSET 1")
expect 0 "$MAPPA" --db "$d" action edit "$act" --owner "Ann Testowner" --due 2031-01-31 --text "Visit the address with the police and report back"
expect 1 "$MAPPA" --db "$d" action edit "$act" --due 2031-02-30
expect 2 "$MAPPA" --db "$d" action edit "$act"
expect 0 "$MAPPA" --db "$d" action remove "$act2"
expect 1 "$MAPPA" --db "$d" action remove "$act2"
[ "$(q "SELECT count(*) FROM actions WHERE id = $act2")" = 0 ] && ok || fail "the action was not removed"
contains_q() { [ "$(q "$1")" = "$2" ] && ok || fail "$1: $(q "$1"), wanted $2"; }
contains_q "SELECT count(*) FROM audit WHERE action = 'action.edit' AND record LIKE 'action $act %' AND detail LIKE '%due: % -> 2031-01-31; fields: text,owner_person'" 1
contains_q "SELECT count(*) FROM audit WHERE action = 'action.remove' AND record LIKE 'action $act2 %'" 1

# An action longer than a page runs on to the next: no word lost.
ref1=$(q "SELECT o.ref FROM agenda_items a JOIN offenders o ON o.id = a.offender_id WHERE a.meeting_id = $m AND a.position = 1")
long=$(i=1; while [ $i -le 900 ]; do printf 'step%d ' $i; i=$((i + 1)); done; printf 'Lastwordoftheaction')
expect 0 "$MAPPA" --db "$d" meeting action "$m" "$ref1" --text "$long" --agency police --due 2031-02-28

# Approved by the chair: version 1; then nothing changes until reopened.
expect 0 "$MAPPA" --db "$d" meeting approve "$m"
expect 1 "$MAPPA" --db "$d" meeting attendee "$m" "Late Comer" --agency police
contains "$T/err" "are approved (version 1): reopen them first"
expect 1 "$MAPPA" --db "$d" action edit "$act" --due 2031-03-01
expect 0 "$MAPPA" --db "$d" minutes "$m"
contains "$T/out" "These minutes: version 1, approved"
expect 0 "$MAPPA" --db "$d" meeting redraft "$m"
expect 0 "$MAPPA" --db "$d" minutes "$m"
contains "$T/out" "These minutes: version 2, DRAFT (not yet approved)"
expect 0 "$MAPPA" --db "$d" meeting approve "$m"

# An action reviewed at a later meeting and dropped (issue 16): allowed on
# approved minutes, kept, closed on the day and shown as dropped in the
# lists and the minutes; a closed one is refused, and a lay adviser.
act3=$(q "SELECT id FROM actions WHERE meeting_id = $m AND done IS NULL AND id <> $act AND text NOT LIKE 'step1 %' ORDER BY id LIMIT 1")
[ -n "$act3" ] || act3=$(q "SELECT id FROM actions WHERE meeting_id = $m AND done IS NULL AND id <> $act ORDER BY id LIMIT 1")
[ -n "$act3" ] && ok || fail "no open action of meeting $m"
expect 3 "$MAPPA" --db "$d" --user lay action drop "$act3"
expect 2 "$MAPPA" --db "$d" action drop "$act3" --date 2031-02-30
expect 0 "$MAPPA" --db "$d" action drop "$act3" --date 2031-01-15
contains_q "SELECT done || ' ' || dropped FROM actions WHERE id = $act3" "2031-01-15 1"
contains_q "SELECT count(*) FROM audit WHERE action = 'action.drop' AND record LIKE 'action $act3 %' AND detail = 'done: - -> 2031-01-15; dropped'" 1
expect 1 "$MAPPA" --db "$d" action drop "$act3"
contains "$T/err" "action $act3 was dropped on 2031-01-15: only an open action is dropped"
expect 1 "$MAPPA" --db "$d" action done "$act3"
contains "$T/err" "action $act3 was dropped on 2031-01-15: it is not done"
done1=$(q "SELECT id FROM actions WHERE done IS NOT NULL AND dropped = 0 ORDER BY id LIMIT 1")
expect 1 "$MAPPA" --db "$d" action drop "$done1"
contains "$T/err" "only an open action is dropped"
contains_q "SELECT count(*) FROM actions WHERE dropped = 1" 1
expect 0 "$MAPPA" --db "$d" actions --all --meeting "$m"
grep -q "^ *$act3 .* dropped 2031-01-15 " "$T/out" && ok || fail "actions --all: $(grep "^ *$act3 " "$T/out")"
expect 0 "$MAPPA" --db "$d" actions --all --meeting "$m" --format csv
contains "$T/out" "id,case,meeting,agency,owner,due,done,overdue,text"
grep -q "^$act3,.*,dropped 2031-01-15,no," "$T/out" && ok || fail "actions csv: $(grep "^$act3," "$T/out")"
expect 0 "$MAPPA" --db "$d" actions --meeting "$m"
grep -q "^ *$act3 " "$T/out" && fail "a dropped action is listed as open" || ok
expect 0 "$MAPPA" --db "$d" minutes "$m"
contains "$T/out" "; dropped 2031-01-15"
expect 0 "$MAPPA" --db "$d" minutes "$m" --format markdown
contains "$T/out" "| dropped 2031-01-15 |"

expect 0 "$MAPPA" --db "$d" minutes "$m" --format pdf --recipient "SMB chair" \
	--output "$T/m.pdf"
[ ! -s "$T/out" ] && ok || fail "minutes --output wrote to standard output"
[ "$(head -c 5 "$T/m.pdf")" = "%PDF-" ] && ok || fail "not a PDF"
[ "$(stat -c %a "$T/m.pdf")" = 600 ] && ok || fail "the PDF is readable by others: $(stat -c %a "$T/m.pdf")"

# Every page: the marking in its header and its footer, and its number.
"$PDFTOTEXT_BIN" -layout "$T/m.pdf" "$T/m.txt"
pages=$(tr -cd '\f' <"$T/m.txt" | wc -c)
[ "$pages" -ge 3 ] && ok || fail "only $pages pages for $m"
p=1
while [ "$p" -le "$pages" ]; do
	awk -v p="$p" 'BEGIN { RS = "\f" } NR == p' "$T/m.txt" >"$T/page"
	[ "$(grep -c 'OFFICIAL-SENSITIVE' "$T/page")" -ge 2 ] && ok ||
		fail "page $p lacks its marking at the top or bottom"
	contains "$T/page" "Page $p of $pages"
	p=$((p + 1))
done

flat "$T/m.pdf" >"$T/m.flat"
# The attendance.
contains "$T/m.flat" "Attendance"
contains "$T/m.flat" "Probation yes present"
# The people, with their agency and role; the action's named owner.
contains "$T/m.flat" "Attendees"
contains "$T/m.flat" "Maud Testchair Police Present"
contains "$T/m.flat" "Priya Testcase Probation Sent a report"
contains "$T/m.flat" "Dr Olu Fenwick Health Guests"
contains "$T/m.flat" "Testowner)"
contains "$T/m.flat" "Visit the address"
contains "$T/m.flat" "2031-01-31"
contains "$T/m.flat" "version 2, approved"
contains "$T/m.flat" "Lastwordoftheaction"
[ "$(grep -o 'step[0-9]*' "$T/m.flat" | sort -u | wc -l)" = 900 ] && ok ||
	fail "words of the long action lost: $(grep -o 'step[0-9]*' "$T/m.flat" | sort -u | wc -l) of 900"
# The statement as the settings hold it, word for word.
expect 0 "$MAPPA" --db "$d" settings get meeting_statement
statement=$(tr -s ' ' <"$T/out" | tr -d '\n')
[ ${#statement} -gt 200 ] && ok || fail "the statement is short: $statement"
contains "$T/m.flat" "$statement"
# Each case's decision, rationale and plan (their first words: the
# lines are wrapped, and pdftotext keeps the order).
n=0
q "SELECT coalesce(decision,'-'), coalesce(rationale,'-'), coalesce(rmp_supervision,'-') FROM minutes JOIN agenda_items a ON a.id = agenda_item_id WHERE a.meeting_id = $m ORDER BY a.position" >"$T/decisions"
while IFS='|' read -r dec rat sup; do
	for t in "$dec" "$rat" "$sup"; do
		[ "$t" = - ] && continue
		w=$(printf '%s' "$t" | tr -s ' \n' '  ' | cut -d' ' -f1-6)
		contains "$T/m.flat" "$w"
	done
	n=$((n + 1))
done <"$T/decisions"
[ "$n" -ge 3 ] && ok || fail "only $n minuted cases"
contains "$T/m.flat" "Case 1 of"
contains "$T/m.flat" "dropped 2031-01-15"

# Logged, with the recipient and the format, before it was written.
[ "$(q "SELECT count(*) FROM audit WHERE action = 'minutes.print' AND record = 'meeting $m' AND detail LIKE 'recipient: SMB chair; format: pdf;%; minutes: version 2, approved'")" = 1 ] &&
	ok || fail "the PDF printing was not logged with its recipient"

# A changed statement is the one printed, and the one shown (tui_papers.sh).
expect 0 "$MAPPA" --db "$d" settings set meeting_statement "What is said here stays here, said the chair, unless the public's safety needs it."
expect 0 "$MAPPA" --db "$d" minutes "$m" --format pdf --output "$T/m2.pdf"
flat "$T/m2.pdf" >"$T/m2.flat"
contains "$T/m2.flat" "What is said here stays here, said the chair, unless the public's safety needs it."
lacks "$T/m2.flat" "Criminal Justice Act 2003"
expect 1 "$MAPPA" --db "$d" settings set meeting_statement ""
# A long statement is kept whole, not cut at a buffer's size.
long="What is said here stays here."
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24; do
	long="$long Paragraph $k of the statement, kept whole."
done
expect 0 "$MAPPA" --db "$d" settings set meeting_statement "$long"
expect 0 "$MAPPA" --db "$d" settings get meeting_statement
[ "$(cat "$T/out")" = "$long" ] && ok || fail "a long statement came back as: $(cat "$T/out")"
expect 0 "$MAPPA" --db "$d" minutes "$m" --format pdf --output "$T/m3.pdf"
flat "$T/m3.pdf" >"$T/m3.flat"
contains "$T/m3.flat" "Paragraph 24 of the statement, kept whole."

# The agenda as PDF: marked, every case listed.
expect 0 "$MAPPA" --db "$d" agenda "$m" --format pdf >/dev/null
"$MAPPA" --db "$d" agenda "$m" --format pdf >"$T/a.pdf" 2>"$T/err"
flat "$T/a.pdf" >"$T/a.flat"
contains "$T/a.flat" "OFFICIAL-SENSITIVE"
contains "$T/a.flat" "Page 1 of"
for ref in $(q "SELECT o.ref FROM agenda_items a JOIN offenders o ON o.id = a.offender_id WHERE a.meeting_id = $m"); do
	contains "$T/a.flat" "$ref"
done

# Every PDF paper is written whole, run after run: tearing Pango's fonts
# down once aborted one paper in sixteen to thirty after the audit row
# was written, and the file was lost.
lost=0
for i in $(seq 60); do
	rm -f "$T/r.pdf"
	if ! "$MAPPA" --db "$d" agenda "$m" --format pdf --output "$T/r.pdf" \
		>/dev/null 2>"$T/r.err" || [ "$(head -c 5 "$T/r.pdf" 2>/dev/null)" != "%PDF-" ]; then
		lost=$((lost + 1))
	fi
done
[ "$lost" = 0 ] && ok || fail "$lost of 60 PDF agendas lost: $(head -c 300 "$T/r.err")"

# A lay adviser: refused, and no file.
expect 3 "$MAPPA" --db "$d" --user lay minutes "$m" --format pdf --output "$T/lay.pdf"
[ ! -e "$T/lay.pdf" ] && ok || fail "a lay adviser's refusal left a file"
# A PDF is not sent to a terminal (script(1) gives it one).
if command -v script >/dev/null 2>&1; then
	script -qc "'$MAPPA' --db '$d' minutes $m --format pdf; echo status=\$?" /dev/null >"$T/tty" 2>&1
	contains "$T/tty" "a PDF is not for the terminal"
	contains "$T/tty" "status=2"
	lacks "$T/tty" "%PDF"
fi
# Bad forms.
expect 2 "$MAPPA" --db "$d" minutes "$m" --format rtf
expect 2 "$MAPPA" --db "$d" minutes "$m" --output ""
expect 1 "$MAPPA" --db "$d" minutes "$m" --format pdf --output "$T/no/such/dir/m.pdf"
contains "$T/err" "$T/no/such/dir/m.pdf"
# Markdown papers escape what people typed (issue 14): HTML, links,
# pipes, a leading '#', emphasis and backticks come out as literal text;
# the text papers print the same words unchanged.
expect 0 "$MAPPA" --db "$d" case add XSS/1 --surname '<script>alert(1)</script>' \
	--forenames '[x](javascript:alert(1))' --category 2 --level 2 --date 2012-01-02
expect 0 "$MAPPA" --db "$d" meeting add 2012-06-01 --level 2 --chair '*Chair* <u>Lee</u>'
mx=$(cat "$T/out")
expect 0 "$MAPPA" --db "$d" meeting agenda-add "$mx" XSS/1 --force
MAPPA_TODAY=2012-06-02 expect 0 "$MAPPA" --db "$d" meeting hold "$mx"
expect 0 "$MAPPA" --db "$d" meeting minute "$mx" XSS/1 \
	--decision '# Raise *now* `x` | y' --rationale '<img src=x onerror=alert(1)>' \
	--supervision "$(printf -- '- weekly\n1. visits')"
expect 0 "$MAPPA" --db "$d" meeting action "$mx" XSS/1 --agency police \
	--text '| cell | [a](javascript:alert(1)) <b>x</b>' --owner '_Ann_ #1' --due 2031-01-01
expect 0 "$MAPPA" --db "$d" meeting attendee "$mx" '<b>Bob</b>' --agency police
xid=$(q "SELECT id FROM offenders WHERE ref = 'XSS/1'")
q "INSERT INTO disclosures (offender_id, date, disclosed, recipient, what, why, meeting_id, recorded_by, recorded_at) VALUES ($xid, '2012-06-01', 1, '<i>School</i>', 'the **risk**', '[why](javascript:alert(2))', $mx, 'test', '2012-06-01T00:00:00')"
expect 0 "$MAPPA" --db "$d" settings set area_name 'Fens <i>&</i>'
expect 0 "$MAPPA" --db "$d" settings set meeting_statement 'Said here stays here. <script>x</script> [y](javascript:z)'
expect 0 "$MAPPA" --db "$d" minutes "$mx" --format markdown
cp "$T/out" "$T/x.md"
# (Each of these is in the text, and none is left as it is.)
for raw in '<script>' '<img' '<b>' '<i>' '<u>' '*now*' '`x`' '| cell |' '_Ann_' '**risk**'; do
	lacks "$T/x.md" "$raw"
done
contains "$T/x.md" "# Fens &lt;i&gt;&amp;&lt;/i&gt;: minutes of a Level 2 MAPP meeting"
contains "$T/x.md" "## Case 1 of 1: XSS/1 &lt;script&gt;alert(1)&lt;/script&gt;, \\[x\\](javascript:alert(1))"
contains "$T/x.md" "**Chair:** \\*Chair\\* &lt;u&gt;Lee&lt;/u&gt;"
contains "$T/x.md" "**Decision:** \\# Raise \\*now\\* \\\`x\\\` \\| y"
contains "$T/x.md" "**Rationale:** &lt;img src=x onerror=alert(1)&gt;"
contains "$T/x.md" "- *Supervision:* \\- weekly"
grep -qx '1\\\. visits' "$T/x.md" && ok || fail "a minute's numbered line reads as a list"
grep -q '[^\\][[]\|[^\\]](\|[^\\]# Raise\|[^\\]| y$' "$T/x.md" && fail "a link, heading or pipe left as markup: $(grep '[^\\][[]\|[^\\]](\|[^\\]# Raise\|[^\\]| y$' "$T/x.md")" || ok
contains "$T/x.md" "| 1 | \\| cell \\| \\[a\\](javascript:alert(1)) &lt;b&gt;x&lt;/b&gt; | Police (\\_Ann\\_ \\#1) | 2031-01-01 | open |"
contains "$T/x.md" "| &lt;b&gt;Bob&lt;/b&gt; | Police | Present |"
contains "$T/x.md" "To disclose to &lt;i&gt;School&lt;/i&gt; (no undertaking signed).  What: the \\*\\*risk\\*\\*.  Why: \\[why\\](javascript:alert(2))"
contains "$T/x.md" "Said here stays here. &lt;script&gt;x&lt;/script&gt; \\[y\\](javascript:z)"
# The paper's own markup stays markup.
contains "$T/x.md" "**OFFICIAL-SENSITIVE**"
contains "$T/x.md" "| Name | Agency | Role |"
expect 0 "$MAPPA" --db "$d" agenda "$mx" --format markdown
contains "$T/out" "| 1 | XSS/1 | &lt;script&gt;alert(1)&lt;/script&gt;, \\[x\\](javascript:alert(1)) |"
lacks "$T/out" "<script>"
# As text: as typed.
expect 0 "$MAPPA" --db "$d" minutes "$mx"
cp "$T/out" "$T/x.txt"
contains "$T/x.txt" "Fens <i>&</i>: minutes of a Level 2 MAPP meeting"
contains "$T/x.txt" "Case 1 of 1: XSS/1 <script>alert(1)</script>, [x](javascript:alert(1))"
contains "$T/x.txt" "Chair: *Chair* <u>Lee</u>"
contains "$T/x.txt" 'Decision: # Raise *now* `x` | y'
contains "$T/x.txt" "Rationale: <img src=x onerror=alert(1)>"
contains "$T/x.txt" "        - weekly"
contains "$T/x.txt" "| cell | [a](javascript:alert(1)) <b>x</b>"
contains "$T/x.txt" "Owner: Police (_Ann_ #1)"
contains "$T/x.txt" "<b>Bob</b>"
contains "$T/x.txt" "[why](javascript:alert(2))"
expect 0 "$MAPPA" --db "$d" agenda "$mx"
contains "$T/out" " XSS/1      <script>alert(1)</script>, [ "
finish
