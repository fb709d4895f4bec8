#!/bin/bash
# Bad dictionaries: every malformed line is a FILE:LINE problem, the rest loads,
# a 1 MB line is an error (not a crash), an unreadable dictionary is exit 2.
set -u
gesta=$1
src=${GESTA_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
d=$src/tests/data/coder
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { grep -qF -- "$2" "$1" || { echo "FAIL: expected '$2' in $1:"; cat "$1"; fail=1; }; }

"$gesta" dict check "$d/bad.verbs.txt" "$d/bad.actors.txt" > "$tmp/out" 2> "$tmp/err"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL: dict check on bad files: exit $rc, expected 1"; fail=1; }
expect "$tmp/out" "bad.verbs.txt:4: code '9999' is not a CAMEO event code"
expect "$tmp/out" "bad.verbs.txt:5: pattern without [CODE]"
expect "$tmp/out" "bad.verbs.txt:6: pattern has no verb marker"
expect "$tmp/out" "bad.verbs.txt:7: undefined synset"
expect "$tmp/out" "bad.verbs.txt:8: malformed code"
expect "$tmp/out" "bad.actors.txt:5: bad date range"
expect "$tmp/out" "bad.actors.txt:9: date range of OVB overlaps OVA"
expect "$tmp/out" "bad.actors.txt:10: missing ']'"
expect "$tmp/err" "12 problems; 2 verb patterns"
[ "$(wc -l < "$tmp/out")" -eq 12 ] || { echo "FAIL: expected 12 problem lines"; cat "$tmp/out"; fail=1; }

# good files: no problems, exit 0
"$gesta" dict check "$d/p1.verbs.txt" "$d/test.actors.txt" "$d/test.agents.txt" "$d/test.discards.txt" \
    "$d/test.issues.txt" > "$tmp/good" 2>&1 || { echo "FAIL: good dictionaries reported problems"; cat "$tmp/good"; fail=1; }

# a 1 MB line between two good entries
{ echo "FIRSTLAND [FST]"; head -c 1048576 /dev/zero | tr '\0' 'A'; echo " [LNG]"; echo "SECONDLAND [SND]"; } > "$tmp/long.actors.txt"
"$gesta" dict check "$tmp/long.actors.txt" > "$tmp/out2" 2> "$tmp/err2"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL: 1 MB line: exit $rc, expected 1"; fail=1; }
expect "$tmp/out2" "long.actors.txt:2: line of 1048582 bytes is too long"
expect "$tmp/err2" "2 actors"

# an unknown code for the ontology in a pattern, and an unreadable file
"$gesta" dict check --verbs "$tmp/no-such-file.txt" > "$tmp/out3" 2>&1
rc=$?
[ $rc -eq 2 ] || { echo "FAIL: unreadable dictionary: exit $rc, expected 2"; fail=1; }
expect "$tmp/out3" "no-such-file.txt"
printf '<Validation><Sentences><Sentence id="A" date="20120101"><Text>Eldoria met Valmere.</Text></Sentence></Sentences></Validation>\n' > "$tmp/doc.xml"
"$gesta" eval --data "$tmp" --verbs "$tmp/no-such-file.txt" "$tmp/doc.xml" > /dev/null 2> "$tmp/err4"
rc=$?
[ $rc -eq 2 ] || { echo "FAIL: gesta eval with an unreadable --verbs: exit $rc, expected 2"; fail=1; }
expect "$tmp/err4" "no-such-file.txt"

[ $fail -eq 0 ] && echo "ok"
exit $fail
