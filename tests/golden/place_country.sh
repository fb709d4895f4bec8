#!/bin/bash
# An object agent without a country takes the country of "in <country>" whether
# the parser attaches the place phrase to the object ("villagers in Mali") or to
# the verb ("killed ... in Mali"): greedy parsing and the parser's search attach
# "in central Mali" differently in this sentence, and both must code MLICVL.
# Also: a place phrase BEFORE the object, or one with another preposition, is
# not taken ("In Mali, gunmen killed villagers" keeps ---CVL).
# Usage: place_country.sh GESTA_BINARY
set -u
gesta=${1:?usage: place_country.sh GESTA_BINARY}
fail=0
check() { # WANT SEARCH TEXT
    local out
    out=$(printf '%s\n' "$3" | "$gesta" code --parse-search "$2" --format table --date 2024-01-01 - 2>&1)
    if echo "$out" | grep -Eq "^ +0 +0 +2024-01-01 +[-A-Z]+ +19[0-9]* +$1 "; then
        echo "ok: search $2: $1 in \"$3\""
    else
        echo "FAIL: search $2: expected target $1 in \"$3\""; echo "$out" | head -4; fail=1
    fi
}
for s in 0 4; do
    check MLICVL "$s" "Gunmen killed twelve villagers in central Mali."
done
check ---CVL 0 "In Mali, gunmen killed twelve villagers."
exit $fail
