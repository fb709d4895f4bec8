#!/bin/bash
# -j 2 writes exactly what -j 1 writes (input order), on a multi-document JSONL input.
. "$(dirname "$0")/lib.bash"
for i in $(seq 1 600); do
    printf '{"id":"d%d","date":"2021-12-%02d","text":"Russian President Vladimir Putin met Greek Prime Minister Mitsotakis in Sochi (%d). He said talks with Biden went well."}\n' "$i" $((i % 28 + 1)) "$i"
done >"$T/many.jsonl"
run one "${PARSE[@]}" -j 1 "$T/many.jsonl"
expect_rc one 0
run two "${PARSE[@]}" -j 2 "$T/many.jsonl"
expect_rc two 0
if cmp -s "$T/one.out" "$T/two.out"; then ok "parse: -j 2 output equals -j 1"; else fail "parse: -j 2 output differs"; fi
[ "$(grep -c '^# newdoc' "$T/one.out")" -eq 600 ] && ok "600 documents" || fail "not 600 documents"
# code too, when it can load its dictionaries
run c1 "$GESTA" code -j 1 "$T/many.jsonl"
if [ "$RC" -eq 0 ]; then
    run c2 "$GESTA" code -j 2 "$T/many.jsonl"
    if cmp -s "$T/c1.out" "$T/c2.out"; then ok "code: -j 2 output equals -j 1"; else fail "code: -j 2 output differs"; fi
else
    echo "gesta code could not run here (exit $RC); compared parse only"
fi
finish
