#!/bin/bash
# Both PETRARCH suites coded from their raw <Text> with gesta's own tokenizer,
# tagger and parser (no given parse): the exact-record rate must stay at or above
# the floor (70%, below the 76% measured with the model of 29 Nov 2026). Skips
# when ../shared or the parser model is missing.
set -u
gesta=$1
here=$(cd "$(dirname "$0")" && pwd)
shared=${GESTA_SHARED:-}
[ -n "$shared" ] || shared=${GESTA_SHARED_DEFAULT:-$here/../../../shared}
floor=${FLOOR:-70.0}
[ -r "$shared/petrarch/validate/PETR.UnitTest.records.xml" ] || { echo "SKIP: ../shared not found"; exit 77; }
fail=0
for rel in petrarch/validate/PETR.UnitTest.records.xml universal-petrarch/PETR_Validate_records_2_02.xml; do
    out=$("$gesta" eval "$shared/$rel" 2>&1)
    if echo "$out" | grep -q "no parser model\|model format\|model has\|cannot.*model"; then
        echo "SKIP: the parser model does not load"; exit 77
    fi
    rate=$(echo "$out" | sed -n 's/^exact=\([0-9.]*\) .*/\1/p')
    [ -n "$rate" ] || { echo "FAIL: $rel: no result"; echo "$out" | tail -5; fail=1; continue; }
    echo "$rel: exact $rate% (floor $floor%)"
    awk -v r="$rate" -v f="$floor" 'BEGIN { exit !(r + 0 >= f + 0) }' || { echo "FAIL: below the floor"; fail=1; }
done
exit $fail
