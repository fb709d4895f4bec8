#!/bin/bash
# gesta eval's event scores must agree with the independent scorer
# ../shared/tools/score_events.py on the same coding (exact-record rate and F1),
# for both PETRARCH suites. Skips without python3 or ../shared.
set -u
gesta=$1
here=$(cd "$(dirname "$0")" && pwd)
shared=${GESTA_SHARED:-}
[ -n "$shared" ] || shared=${GESTA_SHARED_DEFAULT:-$here/../../../shared}
command -v python3 > /dev/null || { echo "SKIP: no python3"; exit 77; }
[ -r "$shared/tools/score_events.py" ] || { echo "SKIP: $shared/tools not found (set GESTA_SHARED)"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
for rel in petrarch/validate/PETR.UnitTest.records.xml universal-petrarch/PETR_Validate_records_2_02.xml; do
    f=$shared/$rel
    python3 "$shared/tools/petrxml.py" "$f" > "$tmp/gold.jsonl" || { echo "FAIL: petrxml.py"; exit 1; }
    "$gesta" code --data "$tmp" --use-parse --no-document-layer "$f" > "$tmp/sys.jsonl" 2> /dev/null
    theirs=$(python3 "$shared/tools/score_events.py" "$tmp/gold.jsonl" "$tmp/sys.jsonl" | tail -1 | awk '{print $1, $2}')
    ours=$("$gesta" eval --data "$tmp" --use-parse "$f" 2> /dev/null | tail -1 | awk '{print $1, $2}')
    echo "$rel: gesta eval [$ours] score_events.py [$theirs]"
    [ -n "$ours" ] && [ "$ours" = "$theirs" ] || { echo "FAIL: the scores differ"; fail=1; }
done
[ $fail -eq 0 ] && echo ok
exit $fail
