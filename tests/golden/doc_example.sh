#!/usr/bin/env bash
# The document layer end to end: the example article and a small input of our own
# go through `gesta code`; every line of doc_example/expected*.txt must match one
# output record. An expected line lists fixed strings separated by " | " that must
# all occur in one record (JSON field order is fixed by src/out/jsonl.c).
set -u
GESTA=${1:?usage: doc_example.sh path/to/gesta}
SRC=${GESTA_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
DIR="$SRC/tests/golden/doc_example"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0; pass=0; skipped=0

run() { # name, input, date, extra options...
    local name=$1 input=$2 date=$3
    shift 3
    "$GESTA" code --date "$date" "$@" "$input" >"$tmp/$name.jsonl" 2>"$tmp/$name.err"
    local rc=$?
    # the parser model is the syntax stage's: without a usable one the raw-text part
    # cannot say anything (the --use-parse parts below still run)
    if [ "$rc" -eq 2 ] && grep -q "gesta-en.model" "$tmp/$name.err"; then
        echo "SKIP (part): $input: no usable parser model: $(head -1 "$tmp/$name.err")"; skipped=$((skipped + 1)); return 1
    fi
    if [ "$rc" -ne 0 ]; then
        echo "FAIL: gesta code $input exited $rc:"; cat "$tmp/$name.err"; fail=$((fail + 1)); return 1
    fi
}

check() { # expected-file, output-file
    while IFS= read -r want; do
        case "$want" in ''|'#'*) continue ;; esac
        # (through the environment: awk -v would eat the backslashes of \")
        if WANT="$want" awk 'BEGIN { n = split(ENVIRON["WANT"], parts, / \| /) }
            { ok = 1; for (i = 1; i <= n; i++) if (index($0, parts[i]) == 0) { ok = 0; break } if (ok) { found = 1; exit } }
            END { exit found ? 0 : 1 }' "$2"; then
            pass=$((pass + 1))
        else
            echo "FAIL: no record in $(basename "$2") has: $want"; fail=$((fail + 1))
        fi
    done <"$1"
}

# Given parses: a data folder with gesta's dictionaries and no model, so these parts
# need neither the parser nor its model.
mkdir -p "$tmp/data"
ln -s "$SRC/data/dict" "$tmp/data/dict"
run example_conllu "$DIR/example.conllu" 2021-12-08 --input-format conllu --use-parse --data "$tmp/data" &&
    check "$DIR/expected_example_conllu.txt" "$tmp/example_conllu.jsonl"
run input "$DIR/input.conllu" 2021-12-08 --input-format conllu --use-parse --data "$tmp/data" &&
    check "$DIR/expected_input.txt" "$tmp/input.jsonl"
# The whole pipeline on the raw article.
run example "$SRC/examples/putin-sochi-press-conference.txt" 2021-12-08 &&
    check "$DIR/expected_example.txt" "$tmp/example.jsonl"

# Nothing is coded from boilerplate units (sentences the flags name).
if [ -s "$tmp/example.jsonl" ] && [ -f "$tmp/example.jsonl" ]; then
    for s in $(grep '"kind":"boilerplate"' "$tmp/example.jsonl" | sed 's/.*"sentence":\([0-9]*\).*/\1/'); do
        if grep '"type":"event"' "$tmp/example.jsonl" | grep -q "\"sentence\":$s,"; then
            echo "FAIL: an event was coded in boilerplate unit $s"; fail=$((fail + 1))
        else pass=$((pass + 1)); fi
    done
    # Every event of the Putin-Biden call (sentence 2, "meeting ... on Tuesday") is dated 2021-12-07.
    while IFS= read -r ev; do
        case "$ev" in *'"date":"2021-12-07"'*) pass=$((pass + 1)) ;;
            *) echo "FAIL: sentence 2 event not dated Tuesday: $ev"; fail=$((fail + 1)) ;; esac
    done < <(grep '"type":"event"' "$tmp/example.jsonl" | grep '"sentence":2,' | grep '"target":"USA')
fi

# Every event the coder makes from "He added: ..." is Putin's, through coreference
# (the coder leaves a pronoun subject's side empty for the document layer).
pronoun_events() { # output-file, sentence
    [ -s "$1" ] || return 0
    while IFS= read -r ev; do
        case "$ev" in *'"source":"RUSGOV"'*'coref-source'*) pass=$((pass + 1)) ;;
            *) echo "FAIL: sentence $2 event without Putin as resolved source: $ev"; fail=$((fail + 1)) ;; esac
    done < <(grep '"type":"event"' "$1" | grep "\"sentence\":$2," | grep '"source_text":"He"')
}
pronoun_events "$tmp/example.jsonl" 5
pronoun_events "$tmp/example_conllu.jsonl" 4

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] || exit 1
[ "$pass" -gt 0 ] || exit 77
