#!/bin/sh
# tui_editor.sh -- the minutes typed in meeting mode's text editor (issue
# 16), at 80x24 as on a small projector: a paragraph typed under its
# heading is shown whole, wrapped at words; moved about by word, row and
# end, edited, undone, saved; Esc on a changed text asks before dropping
# it; lines pasted (bracketed) stay lines, and a paste outside a text is
# not read as keys; at 120x36 the text is whole again.  A form's long
# text (a case's notes) opened whole in the editor, kept into the form,
# saved with it.  The agenda reordered at another desk while a text is
# typed: the page stays on its case, and the text is saved to it.  Every wait is a
# bounded poll of the screen.
. "${top_srcdir:-.}/tests/lib.sh"

. "${top_srcdir:-.}/tests/tui_lib.sh"
TUI_SIZE=80x24

expect 0 "$MAPPA" --db "$DB" demo
# The latest held meeting, and its first case.
set -- $(sql "SELECT m.id, m.date FROM meetings m WHERE m.status = 'held' AND EXISTS (SELECT 1 FROM agenda_items a WHERE a.meeting_id = m.id) ORDER BY m.date DESC LIMIT 1" | tr '|' ' ')
M=$1 DATE=$2
[ -n "$M" ] && ok || fail "no held meeting in the demo"
ITEM=$(sql "SELECT id FROM agenda_items WHERE meeting_id = $M ORDER BY position LIMIT 1")
DISSENT="SELECT coalesce(dissent, '') FROM minutes WHERE agenda_item_id = $ITEM"
BEFORE=$(sql "$DISSENT")

# The text under the heading HEADING, its rows joined by spaces.
text_under() {
	screen "$1" | awk -v h="$2" '
		index($0, "▶ " h) == 1 { on = 1; next }
		on && !/^    / { exit }
		on { sub(/^    /, ""); sub(/ +$/, ""); out = out (n++ ? " " : "") $0 }
		END { print out }'
}

# poll_text NAME HEADING WANT: up to 5 s for the text under HEADING.
poll_text() {
	i=0
	while [ $i -lt "$(ticks 50)" ] && [ "$(text_under "$1" "$2")" != "$3" ]; do
		i=$((i + 1)); sleep 0.1
	done
	[ "$(text_under "$1" "$2")" = "$3" ] && ok ||
		fail "$1: under $2: '$(text_under "$1" "$2")', wanted '$3'; the screen:
$(screen "$1")"
}

start a
wait_for a "Register"
keys a M
wait_for a "MAPP meetings:"
keys a /
wait_for a "Go to the date"
type_text a "$DATE"
keys a Enter Enter
# Every case discussed: it resumes at the last.
wait_for a "CASE 1 OF 1"
keys a Down Down
wait_for a "▶ Dissent"

# --- a paragraph typed, wrapped at words under its heading ---------------
P="The probation officer disagreed with the level chosen, saying that the accommodation plan had not yet been agreed with the housing provider and that a review within four weeks would be safer for everyone concerned."
keys a Enter
wait_for a "Dissent: editing (F2 or Ctrl-X saves, Esc closes"
keys a C-e C-u
type_text a "$P"
poll_text a "Dissent: editing" "$P"
rows=$(screen a | awk 'index($0, "▶ Dissent") == 1 { on = 1; next } on && !/^    / { exit } on { n++ } END { print n }')
[ "$rows" -ge 3 ] && ok || fail "the paragraph is not wrapped over rows ($rows)"
[ "$(screen a | awk 'index($0, "▶ Dissent") == 1 { on = 1; next } on && !/^    / { exit } on && length($0) > 80' | wc -l)" = 0 ] && ok ||
	fail "a row of the text wider than the terminal"
[ "$(screen a | grep -c 'no such key')" = 0 ] && ok || fail "a key of the text read as a command"

# --- moved about and edited ----------------------------------------------
# To the start of the text; a word on: insert there.
keys a C-Home C-Right C-Right
type_text a "Senior "
poll_text a "Dissent: editing" "The probation Senior officer${P#The probation officer}"
# Undo takes back that typing only.
keys a C-_
poll_text a "Dissent: editing" "$P"
# Up from the last row keeps the column; End, Backspace; Delete.
keys a C-End BSpace
type_text a "!"
poll_text a "Dissent: editing" "${P%.}!"
# Home and Delete on the last row: its first character goes; undone.
keys a Home Delete
i=0
while [ $i -lt "$(ticks 50)" ] && [ "$(text_under a "Dissent: editing")" = "${P%.}!" ]; do
	i=$((i + 1)); sleep 0.1
done
got=$(text_under a "Dissent: editing")
[ "${#got}" -eq $((${#P} - 1)) ] && ok ||
	fail "Home Delete: '$got'"
keys a C-_
poll_text a "Dissent: editing" "${P%.}!"
keys a C-x
wait_for a "Dissent saved."
SAVED=$(sql "$DISSENT")
[ "$SAVED" = "${P%.}!" ] && ok || fail "the dissent as saved: '$SAVED'"

# --- Esc on a changed text asks ------------------------------------------
keys a Enter
wait_for a "Dissent: editing"
type_text a " Not to be minuted."
keys a Escape
wait_for a "Close Dissent and lose what you typed? (y/n)"
keys a n
wait_for a "Still editing."
poll_text a "Dissent: editing" "$SAVED Not to be minuted."
keys a Escape
wait_for a "lose what you typed?"
keys a y
wait_for a "Closed without saving."
[ "$(sql "$DISSENT")" = "$SAVED" ] && ok || fail "Esc saved: $(sql "$DISSENT")"
poll_text a "Dissent" "$SAVED"
# Unchanged, Esc closes without asking.
keys a Enter
wait_for a "Dissent: editing"
keys a Escape
wait_for a "Closed without saving."

# --- lines pasted stay lines; a paste outside a text is ignored ----------
tm set-buffer -b p "Police: agreed.
Housing: not present."
tm paste-buffer -p -b p -t a
wait_for a "Pasted text is typed only into a field or a text"
# Not read as keys: "d" in it would have marked the case not discussed.
[ "$(sql "SELECT discussed FROM agenda_items WHERE id = $ITEM")" = 1 ] && ok ||
	fail "a paste in the page was read as keys"
[ "$(sql "$DISSENT")" = "$SAVED" ] && ok || fail "a paste in the page changed the minutes"
keys a Enter
wait_for a "Dissent: editing"
keys a C-End Enter
tm paste-buffer -p -b p -t a
wait_for a "    Police: agreed."
wait_for a "    Housing: not present."
keys a C-x
wait_for a "Dissent saved."
[ "$(sql "$DISSENT")" = "$SAVED
Police: agreed.
Housing: not present." ] && ok || fail "pasted lines saved as: $(sql "$DISSENT")"

# --- at 120x36 the whole text, wrapped again -------------------------------
tm resize-window -t a -x 120 -y 36
wait_for a "Housing: not present."
poll_text a "Dissent" "$SAVED Police: agreed. Housing: not present."
[ "$BEFORE" != "$(sql "$DISSENT")" ] && ok || fail "nothing saved"

# --- a form's long text, whole in the editor (F4) ------------------------
keys a q q
wait_for a "Reference"
REF=$(sql "SELECT ref FROM offenders WHERE status = 'community' ORDER BY id LIMIT 1")
NOTES="SELECT coalesce(group_concat(n.text, '|'), '') FROM case_notes n JOIN offenders o ON o.id = n.offender_id WHERE o.ref = '$REF' AND n.subject = 'Home visit'"
keys a /
wait_for a "reference, name"
type_text a "$REF"
keys a Enter Enter
wait_for a "Case $REF"
keys a n
wait_for a "Add a case note"
keys a F4
wait_for a "Date is not a long text: F4 opens notes and reasons"
keys a Tab
type_text a "Home visit"
# The note itself, a long text.
keys a Tab
wait_for a "F4: the whole text in the editor."
keys a F4
wait_for a "Note: the whole text"
keys a C-End
N="Lives with his mother at the address on the register; she has been told of the conditions of his licence and agreed to report any breach to the police."
type_text a "$N"
wait_for a "  Lives with his mother at the address"
wait_for a "breach to the police."
keys a Escape
wait_for a "Close the text and lose what you typed? (y/n)"
keys a n
keys a C-x
wait_for a "Note: the text is in the form; the form saves it."
wait_for a "Add a case note"
[ "$(sql "$NOTES")" != "$N" ] && ok || fail "the editor saved the note before the form"
keys a F2
wait_for a "Note added for $REF."
case $(sql "$NOTES") in
"$N") ok ;;
*) fail "the note as saved: $(sql "$NOTES")" ;;
esac

keys a q q
wait_exit a 0

# --- the agenda reordered at another desk while a text is typed ---------
# The page stays on the case being minuted, and the text is saved to it.
set -- $(sql "SELECT m.id, m.date, count(*) FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id WHERE m.status = 'held' GROUP BY m.id HAVING count(*) >= 2 ORDER BY m.date DESC LIMIT 1" | tr '|' ' ')
M2=$1 DATE2=$2 N2=$3
REF1=$(sql "SELECT o.ref FROM agenda_items a JOIN offenders o ON o.id = a.offender_id WHERE a.meeting_id = $M2 ORDER BY a.position LIMIT 1")
ITEM1=$(sql "SELECT a.id FROM agenda_items a JOIN offenders o ON o.id = a.offender_id WHERE a.meeting_id = $M2 AND o.ref = '$REF1'")
start b
wait_for b "Register"
keys b M
wait_for b "MAPP meetings:"
keys b /
wait_for b "Go to the date"
type_text b "$DATE2"
keys b Enter Enter
wait_for b "CASE $N2 OF $N2"
i=1
while [ $i -lt "$N2" ]; do keys b Left; i=$((i + 1)); done
wait_for b "CASE 1 OF $N2:  $REF1"
keys b Down Down Enter
wait_for b "Dissent: editing"
keys b C-End
type_text b " Reordered meanwhile."
expect 0 "$MAPPA" --db "$DB" meeting agenda-move "$M2" "$REF1" 2
wait_for b "CASE 2 OF $N2:  $REF1"
keys b C-x
wait_for b "Dissent saved."
case $(sql "SELECT coalesce(dissent, '') FROM minutes WHERE agenda_item_id = $ITEM1") in
*" Reordered meanwhile.") ok ;;
*) fail "the text typed on $REF1 was not saved to it" ;;
esac
[ "$(sql "SELECT count(*) FROM minutes m JOIN agenda_items a ON a.id = m.agenda_item_id WHERE a.meeting_id = $M2 AND m.dissent LIKE '%Reordered meanwhile.'")" = 1 ] &&
	ok || fail "the text went to another case too"
keys b q q q
wait_exit b 0

finish
