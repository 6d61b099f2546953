#!/bin/sh
# gen_interchange.sh -- write made-up interchange files (interchange.md)
# for benchmarks and tests: N offenders with ten valid events each.
#
#   sh tests/gen_interchange.sh DIR N
#
# writes DIR/offenders.csv, DIR/events.csv and DIR/population.csv.  The
# same N always gives the same files.
set -eu
dir=$1
n=$2
mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" '
function date(t,   y, m) {
	y = int(t / 12); m = t % 12 + 1
	return sprintf("%04d-%02d-%02d", y, m, 1 + int(rand() * 28))
}
BEGIN {
	srand(20101);
	off = dir "/offenders.csv"; ev = dir "/events.csv"
	print "ref,surname,forenames,dob,gender,pnc,crn,visor,district,lead_agency,notes" > off
	print "ref,date,event,category,level,kind,note" > ev
	split("Abbott Baker Clarke Dawson Ellis Fletcher Grant Hughes", sn, " ")
	split("Adam Ben Carl Dan Eric Finn Gary Hugo", fn, " ")
	split("police probation prison yot health other", ag, " ")
	for (i = 1; i <= n; i++) {
		ref = sprintf("R%07d", i)
		# The PNC ID check letter (interchange.md).
		chk = substr("ZABCDEFGHJKLMNPQRTUVWXY", \
			((i % 100) * 10000000 + i) % 23 + 1, 1)
		printf "%s,%s,%s,19%02d-%02d-%02d,M,%02d/%06d%s,X%06d,V%07d,District %d,%s,\n", \
			ref, sn[1 + i % 8], fn[1 + int(i / 8) % 8], 50 + i % 40, \
			1 + i % 12, 1 + i % 28, i % 100, i, chk, i % 1000000, i, \
			i % 7, ag[1 + i % 6] > off
		t = (2000 + int(rand() * 10)) * 12 + int(rand() * 12)
		cat = 1 + int(rand() * 2); lvl = 1 + int(rand() * 3)
		printf "%s,%s,register,%d,%d,,\n", ref, date(t), cat, lvl > ev
		t += 1 + int(rand() * 3)
		lvl = 1 + (lvl % 3)
		printf "%s,%s,level,,%d,,\"reviewed, level %d\"\n", ref, date(t), lvl, lvl > ev
		t += 1 + int(rand() * 3)
		printf "%s,%s,custody,,,licence_breach,\n", ref, date(t) > ev
		t += 1 + int(rand() * 3)
		printf "%s,%s,release,,,,\n", ref, date(t) > ev
		t += 1 + int(rand() * 3)
		printf "%s,%s,order,,,SOPO,Crown Court\n", ref, date(t) > ev
		t += 1 + int(rand() * 3)
		printf "%s,%s,notification_breach,,,caution,\n", ref, date(t) > ev
		t += 1 + int(rand() * 3)
		printf "%s,%s,category,%d,,,\n", ref, date(t), 3 - cat > ev
		t += 1 + int(rand() * 3)
		printf "%s,%s,level,,%d,,\n", ref, date(t), 1 + (lvl % 3) > ev
		t += 1 + int(rand() * 3)
		printf "%s,%s,custody,,,new_sentence,\n", ref, date(t) > ev
		t += 1 + int(rand() * 3)
		printf "%s,%s,release,,,,\n", ref, date(t) > ev
	}
	pop = dir "/population.csv"
	print "year,population_10_plus,source" > pop
	for (y = 2000; y <= 2020; y++)
		printf "%d,%d,made up\n", y, 600000 + (y - 2000) * 5000 > pop
}'
