#!/bin/bash
# --parse-search takes a number from 0 to 64; anything else is a usage error
# (exit 2, a message naming the option), for every command that parses.
. "$(dirname "$0")/lib.bash"
printf 'The minister said talks would resume.\n' >"$T/a.txt"
for bad in 65 -1 abc 4x ""; do
    run "p$bad" "${PARSE[@]}" --parse-search "$bad" "$T/a.txt"; expect_rc "p$bad" 2
    expect_err "p$bad" "--parse-search wants a number from 0 to 64"
done
run c "$GESTA" code --parse-search 99 "$T/a.txt"; expect_rc c 2; expect_err c "--parse-search"
run m "${PARSE[@]}" --parse-search; expect_rc m 2; expect_err m "needs a value"
for good in 0 4 64; do
    run "g$good" "${PARSE[@]}" --parse-search "$good" "$T/a.txt"; expect_rc "g$good" 0
done
# with the shipped model: greedy and searched parses are both full CoNLL-U trees
run s0 "$GESTA" parse --parse-search 0 "$T/a.txt"; expect_rc s0 0; expect_out s0 "	root	"
run s8 "$GESTA" parse --parse-search 8 "$T/a.txt"; expect_rc s8 0; expect_out s8 "	root	"
finish
