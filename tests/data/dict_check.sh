#!/usr/bin/env bash
# CI lint: gesta's own dictionaries in data/dict load with no problem at all
# (`gesta dict check` reports malformed lines, bad dates, overlapping date ranges,
# codes outside the ontology and patterns that can never match), and the check
# itself fails on a broken dictionary.
set -u
gesta="$1"
data="${GESTA_DATA:-$(dirname "$0")/../../data}"
pass=0; fail=0
out=$("$gesta" dict check "$data"/dict/gesta.*.txt 2>&1); rc=$?
if [ $rc -eq 0 ] && grep -q "0 problems" <<<"$out"; then pass=$((pass+1)); else
  echo "FAIL: gesta dict check on data/dict (exit $rc):"; echo "$out" | head -30; fail=$((fail+1)); fi
# Counts stay at the issue's floors: >= 3000 verb forms+patterns, >= 300 agents.
pat=$(sed -n 's/.*; \([0-9]*\) verb patterns, \([0-9]*\) verb forms.*/\1 \2/p' <<<"$out")
set -- $pat
if [ -n "${1:-}" ] && [ $(( $1 + $2 )) -ge 3000 ]; then pass=$((pass+1)); else echo "FAIL: verb forms+patterns below 3000 ($pat)"; fail=$((fail+1)); fi
agents=$(sed -n 's/.* \([0-9]*\) agents.*/\1/p' <<<"$out")
if [ -n "$agents" ] && [ "$agents" -ge 300 ]; then pass=$((pass+1)); else echo "FAIL: agents below 300 ($agents)"; fail=$((fail+1)); fi
# The check must be able to fail.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'GONDOR [GON]\nBROKEN [XX\n' > "$tmp/bad.actors.txt"
out=$("$gesta" dict check --actors "$tmp/bad.actors.txt" 2>&1); rc=$?
if [ $rc -eq 1 ] && grep -q "bad.actors.txt:2:" <<<"$out"; then pass=$((pass+1)); else echo "FAIL: a broken line is not reported as FILE:LINE (exit $rc)"; fail=$((fail+1)); fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
