#!/usr/bin/env bash
# The example article's full split: the kind and exact text of every unit, from
# `gesta parse --all-units`. Headings ("Cyber security", "Putin: NATO's approach
# is hostile to us") are units of their own; "Read more", the source line and the
# author bio are boilerplate. The model is not needed: --data points at an empty
# folder so only the text layer runs and tags cannot change the result.
set -u
gesta="$1"
src="${GESTA_SRC:-$(dirname "$0")/../..}"
here="$(dirname "$0")/example_split"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data"
"$gesta" parse --all-units --data "$tmp/data" "$src/examples/putin-sochi-press-conference.txt" \
    > "$tmp/out.conllu" 2> "$tmp/err"
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: gesta parse exited $rc: $(head -c 500 "$tmp/err")"; exit 1; fi
# One line per unit: KIND<TAB>TEXT (KIND from "# unit = ...", prose when absent).
awk '/^# sent_id/ {kind="prose"} /^# unit = / {kind=substr($0, 10)} /^# text = / {print kind "\t" substr($0, 10)}' \
    "$tmp/out.conllu" > "$tmp/units.tsv"
if diff -u "$here/units.tsv" "$tmp/units.tsv"; then
    echo "ok: $(wc -l < "$tmp/units.tsv") units as expected"
else
    echo "FAIL: the example article's units differ from $here/units.tsv"
    exit 1
fi
# Every token line's form is the exact input text: the forms of a unit, joined
# by their spacing, give back its text.
awk -F'\t' '/^# text = / {text=substr($0, 10); built=""; next}
    /^[0-9]+\t/ {built = built $2; if ($10 !~ /SpaceAfter=No/) built = built " "; next}
    /^$/ {sub(/ $/, "", built); if (built != text) {print "mismatch: [" built "] vs [" text "]"; bad=1}}
    END {exit bad}' "$tmp/out.conllu" || { echo "FAIL: token forms do not rebuild the unit text"; exit 1; }
echo "ok: token forms rebuild every unit's text"
