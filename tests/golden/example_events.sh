#!/bin/bash
# The example article (examples/putin-sochi-press-conference.txt, 8 Dec 2021)
# coded with NO dictionary options: gesta's own dictionaries and parser model.
# Requirements a reader of the article would state, not today's exact output:
#   1. Russia and the United States consult or negotiate (RUS*/USA* either way,
#      root 03 or 04) — the article reports it in several sentences: at least 2;
#   2. the talks in Sochi with the Greek prime minister: RUS* → GRCGOV, root 04;
#   3. NATO and Russia reduce relations or disapprove of each other (expelled
#      diplomats, a closed mission, "declared Russia an adversary"): an event
#      between IGOWSTNAT* and RUS*, either way, root 11, 12 or 16;
#   4. "Russia does not want to clash with any party" gives no event (no event
#      whose verb is "clash" or "want", no conflict code 13-20 in that sentence);
#   5. "asked if Russia was planning an attack on Ukraine" is a question, not an
#      attack: no RUS* → UKR* event with a conflict root (13-20).
# Usage: example_events.sh GESTA_BINARY
set -u
gesta=${1:?usage: example_events.sh GESTA_BINARY}
root=$(cd "$(dirname "$0")/../.." && pwd)
art=$root/examples/putin-sochi-press-conference.txt
[ -f "$art" ] || { echo "FAIL: $art missing"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$gesta" code --date 2021-12-08 "$art" > "$tmp/out.jsonl" 2> "$tmp/err" || { echo "FAIL: gesta code failed"; cat "$tmp/err"; exit 1; }
"$gesta" parse --date 2021-12-08 "$art" > "$tmp/parse.conllu" 2> "$tmp/err" || { echo "FAIL: gesta parse failed"; cat "$tmp/err"; exit 1; }
# the sentence index of "does not want to clash" (sent_id ends in -N, the coder's sentence N)
clash=$(awk '/^# sent_id/ { n = $NF; sub(/.*-/, "", n) } /^# text/ && /not want to clash/ { print n; exit }' "$tmp/parse.conllu")
[ -n "$clash" ] || { echo "FAIL: the clash sentence was not found in the parse"; exit 1; }

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
/"type":"event"/ {
    printf "%d\t%s\t%s\t%s\t%s\n", num($0, "sentence"), field($0, "source"), field($0, "code"), field($0, "target"), field($0, "verb_text")
}' "$tmp/out.jsonl" > "$tmp/ev.tsv"
echo "events (sentence, source, code, target, verb):"; sed 's/^/  /' "$tmp/ev.tsv"

awk -F'\t' -v clash="$clash" '
function conflict(c) { r = substr(c, 1, 2) + 0; return r >= 13 && r <= 20 }
{
    r = substr($3, 1, 2)
    if ((($2 ~ /^RUS/ && $4 ~ /^USA/) || ($2 ~ /^USA/ && $4 ~ /^RUS/)) && (r == "03" || r == "04")) ruusa[$1] = 1
    if ($2 ~ /^RUS/ && $4 == "GRCGOV" && r == "04") grc = 1
    if ((($2 ~ /^IGOWSTNAT/ && $4 ~ /^RUS/) || ($2 ~ /^RUS/ && $4 ~ /^IGOWSTNAT/)) && (r == "11" || r == "12" || r == "16")) nato = 1
    if ($5 == "clash" || $5 == "want" || ($1 == clash && conflict($3))) { bad_clash = bad_clash " [" $0 "]" }
    if ($2 ~ /^RUS/ && $4 ~ /^UKR/ && conflict($3)) { bad_q = bad_q " [" $0 "]" }
}
END {
    fail = 0
    n = 0; for (s in ruusa) n++
    if (n >= 2) print "ok 1: Russia-US consultation/negotiation in " n " sentences"
    else { print "FAIL 1: Russia-US 03x/04x events in " n " sentences (want >= 2)"; fail = 1 }
    if (grc) print "ok 2: Russia-Greece talks (RUS* -> GRCGOV 04x)"
    else { print "FAIL 2: no RUS* -> GRCGOV 04x event"; fail = 1 }
    if (nato) print "ok 3: NATO-Russia 11x/12x/16x event"
    else { print "FAIL 3: no IGOWSTNAT*/RUS* 11x/12x/16x event"; fail = 1 }
    if (bad_clash == "") print "ok 4: nothing from \"does not want to clash\" (sentence " clash ")"
    else { print "FAIL 4: events from the clash sentence:" bad_clash; fail = 1 }
    if (bad_q == "") print "ok 5: the question about an attack on Ukraine codes no attack"
    else { print "FAIL 5: RUS -> UKR conflict events:" bad_q; fail = 1 }
    exit fail
}' "$tmp/ev.tsv"
