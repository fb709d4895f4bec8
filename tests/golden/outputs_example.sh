#!/usr/bin/env bash
# The example article through every output format of `gesta code`: JSONL record
# fields (INTERFACE.md), the GDELT 2.0 table's 61 columns, PETRARCH-style XML that
# gesta's own reader reads back with the same events, and the table.
set -u
gesta="$1"
src="${GESTA_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}"
art="$src/examples/putin-sochi-press-conference.txt"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }

"$gesta" code --date 2021-12-08 "$art" > "$tmp/e.jsonl" 2>"$tmp/err"; rc=$?
if [ $rc -ne 0 ] && grep -q "model" "$tmp/err"; then echo "SKIP: no usable parser model"; exit 77; fi
ok "jsonl exits 0 ($rc)" '[ $rc -eq 0 ]'
nev=$(grep -c '"type":"event"' "$tmp/e.jsonl")
ok "events coded ($nev)" '[ "$nev" -ge 5 ]'
# every event has the fields outside tools rely on
bad=$(grep '"type":"event"' "$tmp/e.jsonl" | grep -v -E '"doc_id":"[^"]+".*"sentence":[0-9]+,"date":"2021-12-0[0-9]".*"source":"[A-Z-]*","target":"[A-Z-]*","code":"[0-9]{3,4}"' | wc -l)
ok "every event has doc_id, sentence, date, source, target, code ($bad without)" '[ "$bad" -eq 0 ]'
bad=$(grep '"type":"event"' "$tmp/e.jsonl" | grep -v -E '"verb_rule":\{"file":"[^"]*gesta.verbs.txt","line":[0-9]+' | wc -l)
ok "every event names the verb dictionary line ($bad without)" '[ "$bad" -eq 0 ]'
ok "quotes have speaker, speaker_code, quote" 'grep "\"type\":\"quote\"" "$tmp/e.jsonl" | head -1 | grep -q "\"speaker\":\".*\"speaker_code\":\".*\"quote\":\""'
ok "flags have kind and message" 'grep "\"type\":\"flag\"" "$tmp/e.jsonl" | head -1 | grep -q "\"kind\":\".*\"message\":\""'

"$gesta" code --format gdelt --date 2021-12-08 "$art" > "$tmp/g.tsv" 2>/dev/null
ok "gdelt: one line per event ($(wc -l < "$tmp/g.tsv") for $nev)" '[ "$(wc -l < "$tmp/g.tsv")" -eq "$nev" ]'
ok "gdelt: 61 columns on every line" '[ "$(awk -F"\t" "NF != 61" "$tmp/g.tsv" | wc -l)" -eq 0 ]'
ok "gdelt: SQLDATE, codes and root code in place" \
   '[ "$(awk -F"\t" "\$2 !~ /^2021120[0-9]$/ || \$27 !~ /^[0-9][0-9][0-9]+$/ || \$29 != substr(\$27,1,2)" "$tmp/g.tsv" | wc -l)" -eq 0 ]'
ok "gdelt: the Sochi place has coordinates" 'awk -F"\t" "\$53 == \"Sochi\" && \$54 == \"RUS\" && \$57 > 43 && \$58 > 39" "$tmp/g.tsv" | grep -q .'

"$gesta" code --format petrarch-xml --date 2021-12-08 "$art" > "$tmp/p.xml" 2>/dev/null
nx=$(grep -c "<EventCoding " "$tmp/p.xml")
ok "petrarch-xml: one EventCoding per event ($nx for $nev)" '[ "$nx" -eq "$nev" ]'
"$gesta" parse --input-format petrarch-xml "$tmp/p.xml" > "$tmp/p.conllu" 2>"$tmp/perr"; rc=$?
ok "petrarch-xml output reads back without errors (exit $rc: $(head -c 200 "$tmp/perr"))" '[ $rc -eq 0 ]'
ns=$(grep -c "<Sentence " "$tmp/p.xml"); nd=$(grep -c "^# newdoc" "$tmp/p.conllu")
ok "petrarch-xml: every <Sentence> read back as a document ($nd of $ns)" '[ "$ns" -eq "$nd" ]'

"$gesta" code --format table --date 2021-12-08 "$art" > "$tmp/t.txt" 2>/dev/null
ok "table: a header naming the document and counts" 'head -1 "$tmp/t.txt" | grep -q "putin-sochi-press-conference.txt.*events"'
ok "table: evidence lines" 'grep -q "verb: gesta.verbs.txt:" "$tmp/t.txt"'

"$gesta" code --format nonsense "$art" > /dev/null 2>&1; rc=$?
ok "unknown --format is a usage error ($rc)" '[ $rc -eq 2 ]'
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
