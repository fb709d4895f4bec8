#!/bin/bash
# Malformed JSON lines between good ones: each reported as FILE:LINE:COL, skipped, the rest written, exit 1.
. "$(dirname "$0")/lib.bash"
f=$T/news.jsonl
cat >"$f" <<'J'
{"id":"good-1","date":"2021-12-08","text":"Putin met Mitsotakis in Sochi."}
{"id":"bad-json","date":"2021-12-08","text":"unterminated
{"id":"bad-text","date":"2021-12-08","text":42}
{"id":"no-text","date":"2021-12-08"}
{"id":"bad-date","date":"December 8","text":"A story."}
["not","an","object"]

{"id":"good-2","date":"2021-12-09","text":"Biden spoke with Putin by video link."}
J
run p "${PARSE[@]}" "$f"
expect_rc p 1
expect_err p "$f:2:[0-9]+: malformed JSON"
expect_err p "$f:3: \"text\" is a number"
expect_err p "$f:4: \"text\" is missing"
expect_err p "$f:5: bad date"
expect_err p "$f:6:[0-9]+: expected a JSON object"
expect_out p "^# newdoc id = good-1$"
expect_out p "^# newdoc id = good-2$"
expect_no_out p "newdoc id = (bad|no-text)"
[ "$(grep -c '^# newdoc' "$T/p.out")" -eq 2 ] && ok "two documents" || fail "expected two documents"
# the same read from stdin and through --input-format
run s "${PARSE[@]}" --input-format jsonl - <"$f"
expect_rc s 1
expect_err s "<stdin>:2:[0-9]+: malformed JSON"
expect_out s "^# newdoc id = good-2$"
# a pipe (process substitution): nothing may be lost to a probe before reading
run pipe "${PARSE[@]}" <(cat "$f")
expect_rc pipe 1
expect_out pipe "^# newdoc id = good-1$"
expect_out pipe "^# newdoc id = good-2$"
# the FIRST line broken, read from stdin with no file name to go by: still JSONL
# (a later line is a whole object), the broken record reported and skipped
printf '{"id": "broken", "text": "no closing\n{"id": "good-3", "text": "Talks resumed."}\n' >"$T/first.txt"
run first "${PARSE[@]}" - <"$T/first.txt"
expect_rc first 1
expect_err first "<stdin>:1:[0-9]+: malformed JSON"
expect_out first "^# newdoc id = good-3$"
expect_no_out first "no closing"
finish
