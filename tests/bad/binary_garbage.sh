#!/bin/bash
# Binary garbage in every input format: no crash, no hang, exit 0 or 1 (never a signal).
. "$(dirname "$0")/lib.bash"
# deterministic pseudo-random bytes (no /dev/urandom, so a failure can be replayed)
awk 'BEGIN { srand(7); for (i = 0; i < 200000; i++) printf "%c", int(rand() * 256) }' LC_ALL=C >"$T/garbage.bin"
head -c 5000 "$T/garbage.bin" | tr '\n' ' ' >"$T/garbage-oneline.bin"
for fmt in auto text jsonl petrarch-xml conllu; do
    run "g-$fmt" "${PARSE[@]}" --input-format "$fmt" "$T/garbage.bin"
    if [ "$RC" -le 1 ]; then ok "$fmt: exit $RC"; else fail "$fmt: exit $RC"; fi
done
# garbage posing as JSONL must be reported with a line number
printf '{"id":"ok","text":"Putin spoke."}\n' >"$T/mixed.jsonl"
cat "$T/garbage-oneline.bin" >>"$T/mixed.jsonl"
printf '\n{"id":"ok2","text":"Biden spoke."}\n' >>"$T/mixed.jsonl"
run m "${PARSE[@]}" --input-format jsonl "$T/mixed.jsonl"
expect_rc m 1
expect_err m "$T/mixed.jsonl:2:[0-9]+: "
expect_out m "^# newdoc id = ok2$"
# garbage inside a .gz
gzip -c "$T/garbage.bin" >"$T/garbage.gz"
run z "${PARSE[@]}" --input-format jsonl "$T/garbage.gz"
expect_rc z 1
finish
