#!/bin/bash
# A truncated .gz: the records before the cut are written, the break is reported, exit 1.
. "$(dirname "$0")/lib.bash"
for i in $(seq 1 2000); do
    printf '{"id":"doc-%d","date":"2021-12-08","text":"Story %d: Putin met Biden and Mitsotakis in Sochi on %d December."}\n' "$i" "$i" "$i"
done | gzip -c >"$T/full.jsonl.gz"
size=$(stat -c %s "$T/full.jsonl.gz")
head -c $((size / 2)) "$T/full.jsonl.gz" >"$T/cut.jsonl.gz"
run j "${PARSE[@]}" "$T/cut.jsonl.gz"
expect_rc j 1
expect_err j "$T/cut.jsonl.gz(:[0-9]+)?: .*(unexpected end|error)"
expect_out j "^# newdoc id = doc-1$"
n=$(grep -c '^# newdoc' "$T/j.out")
[ "$n" -gt 100 ] && [ "$n" -lt 2000 ] && ok "$n documents before the cut" || fail "$n documents before the cut"
# a truncated plain-text .gz
head -c 3000 /dev/zero | tr '\0' 'x' | gzip -c | head -c 20 >"$T/cut.txt.gz"
run t "${PARSE[@]}" "$T/cut.txt.gz"
expect_rc t 1
expect_err t "$T/cut.txt.gz"
finish
