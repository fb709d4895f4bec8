#!/bin/bash
# Event nouns, copula predicates, questions/conditions and upper-verb combinations
# (src/coder/nominal.c, predicate.c, question.c, upper.c) on given parses, so the
# result does not depend on the parser model: every "+" line of
# beyond_verbs/expected.txt must be an event, no "-" line may match one.
# Usage: beyond_verbs.sh GESTA_BINARY
set -u
gesta=${1:?usage: beyond_verbs.sh GESTA_BINARY}
dir=$(cd "$(dirname "$0")" && pwd)/beyond_verbs
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
if ! "$gesta" code --input-format conllu --use-parse --no-document-layer --date 2021-12-08 \
        "$dir/sentences.conllu" > "$tmp/out.jsonl" 2> "$tmp/err"; then
    echo "FAIL: gesta code failed"; cat "$tmp/err"; exit 1
fi
awk '
function field(line, name,   re, s) {
    re = "\"" name "\":\"[^\"]*\""
    if (!match(line, re)) return ""
    s = substr(line, RSTART, RLENGTH); sub("^\"" name "\":\"", "", s); sub(/"$/, "", s); return s
}
function num(line, name,   re, s) {
    re = "\"" name "\":[0-9]+"
    if (!match(line, re)) return -1
    s = substr(line, RSTART, RLENGTH); sub(/.*:/, "", s); return s + 0
}
/"type":"event"/ { print num($0, "sentence"), field($0, "source"), field($0, "code"), field($0, "target") }
' "$tmp/out.jsonl" > "$tmp/ev.txt"
echo "events:"; sed 's/^/  /' "$tmp/ev.txt"
awk '
function like(pat, val) {
    if (pat == "*") return 1
    if (pat ~ /\*$/) return index(val, substr(pat, 1, length(pat) - 1)) == 1
    return pat == val
}
FNR == NR { n++; s[n] = $1; a[n] = $2; c[n] = $3; t[n] = $4; next }
/^[+-] / {
    hit = 0
    for (i = 1; i <= n; i++)
        if (s[i] == $2 && like($3, a[i]) && like($4, c[i]) && like($5, t[i])) hit = 1
    if ($1 == "+" && !hit) { print "FAIL: missing event: " $0; fail++ }
    else if ($1 == "-" && hit) { print "FAIL: unwanted event: " $0; fail++ }
    else ok++
}
END { printf "beyond_verbs: %d ok, %d failed\n", ok, fail; exit fail ? 1 : 0 }
' "$tmp/ev.txt" "$dir/expected.txt"
