#!/bin/bash
# gesta eval on bad CoNLL-U input: a missing file is a usage error (2) with the
# file named; malformed word lines are reported FILE:LINE, skipped, and the rest
# is still scored (exit 1); wrong option combinations are usage errors.
. "$(dirname "$0")/lib.bash"
EVAL=(env "GESTA_DATA=$T/nodata" "$GESTA" eval)
printf '# text = Hi there.\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n' >"$T/gold.conllu"
printf '# text = Hi there.\n1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n2\tthere\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\n\n' >"$T/bad.conllu"

run missing "${EVAL[@]}" "$T/nope.conllu" "$T/gold.conllu"
expect_rc missing 2
expect_err missing "nope.conllu"

run malformed "${EVAL[@]}" "$T/gold.conllu" "$T/bad.conllu"
expect_rc malformed 1
expect_err malformed "bad.conllu:4: "
expect_out malformed "^Tokens +\\| +100.00 \\| +66.67 \\| +80.00"

run both "${EVAL[@]}" --raw --gold-tok "$T/gold.conllu"
expect_rc both 2
run nofile "${EVAL[@]}" --raw
expect_rc nofile 2
run write "${EVAL[@]}" --write-system "$T/x" "$T/gold.conllu" "$T/gold.conllu"
expect_rc write 2

# binary garbage as gold: no crash, a clean status
head -c 20000 /dev/urandom >"$T/junk.conllu"
run junk "${EVAL[@]}" --raw "$T/junk.conllu"
if [ "$RC" -le 2 ]; then ok "junk gold: exit $RC"; else fail "junk gold: exit $RC"; fi

# --raw on a good file: tokens and sentences are perfect here
run raw "${EVAL[@]}" --raw --json "$T/gold.conllu"
expect_rc raw 0
expect_out raw '"tokens": \{"precision": 100.00, "recall": 100.00, "f1": 100.00'
finish
