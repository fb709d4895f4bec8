#!/bin/bash
# A 10 MB line (JSONL record and plain text) is read whole within the time limit, the records around it too.
. "$(dirname "$0")/lib.bash"
word=$(printf 'talks%.0s ' $(seq 1 20))
big=$(head -c 10485760 < <(yes "$word" | tr -d '\n'))
{
    echo '{"id":"before","date":"2021-12-08","text":"Putin met Biden."}'
    printf '{"id":"big","date":"2021-12-08","text":"%s"}\n' "$big"
    echo '{"id":"after","date":"2021-12-08","text":"Biden met Putin."}'
} >"$T/big.jsonl"
start=$(date +%s)
run j "${PARSE[@]}" "$T/big.jsonl"
end=$(date +%s)
expect_rc j 0
expect_out j "^# newdoc id = before$"
expect_out j "^# newdoc id = big$"
expect_out j "^# newdoc id = after$"
echo "10 MB JSONL line: $((end - start)) s"
printf '%s' "$big" >"$T/big.txt"
run t "${PARSE[@]}" "$T/big.txt"
expect_rc t 0
expect_out t "^# newdoc id = big.txt$"
finish
