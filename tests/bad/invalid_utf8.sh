#!/bin/bash
# Invalid UTF-8 is repaired (U+FFFD), never fatal: the document is still processed.
. "$(dirname "$0")/lib.bash"
printf 'Putin met \xff\xfe Mitsotakis in So\xc3chi.\n' >"$T/bad.txt"
run t "${PARSE[@]}" "$T/bad.txt"
expect_rc t 0
expect_out t "^# newdoc id = bad.txt$"
expect_out t "Mitsotakis"
if iconv -f UTF-8 -t UTF-8 "$T/t.out" >/dev/null 2>&1; then ok "output is valid UTF-8"; else fail "output is not valid UTF-8"; fi
printf '{"id":"u1","date":"2021-12-08","text":"Caf\xe9 talks \xc3\x28 ended."}\n{"id":"u2","text":"Fine."}\n' >"$T/bad.jsonl"
run j "${PARSE[@]}" "$T/bad.jsonl"
expect_rc j 0
expect_out j "^# newdoc id = u1$"
expect_out j "^# newdoc id = u2$"
if iconv -f UTF-8 -t UTF-8 "$T/j.out" >/dev/null 2>&1; then ok "JSONL output is valid UTF-8"; else fail "JSONL output is not valid UTF-8"; fi
finish
