#!/bin/bash
# Empty inputs are not errors: exit 0, no crash, in every format and from stdin.
. "$(dirname "$0")/lib.bash"
: >"$T/empty.txt"
run a "${PARSE[@]}" "$T/empty.txt"; expect_rc a 0
for fmt in text jsonl petrarch-xml conllu; do
    run "e-$fmt" "${PARSE[@]}" --input-format "$fmt" "$T/empty.txt"; expect_rc "e-$fmt" 0
done
run s "${PARSE[@]}" - </dev/null; expect_rc s 0
printf '\n\n  \n' >"$T/blank.jsonl"
run b "${PARSE[@]}" --input-format jsonl "$T/blank.jsonl"; expect_rc b 0
[ ! -s "$T/b.out" ] && ok "blank JSONL lines give no documents" || fail "blank JSONL lines gave output"
gzip -c <"$T/empty.txt" >"$T/empty.txt.gz"
run z "${PARSE[@]}" "$T/empty.txt.gz"; expect_rc z 0
finish
