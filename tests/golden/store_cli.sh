#!/usr/bin/env bash
# gesta code --db: idempotent reruns, a killed writer leaves a consistent
# database that a rerun completes, and unwritable / full databases give a clear
# error with no partial rows.
set -u
gesta="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0; pass=0
ok() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }
q() { sqlite3_cli "$1" "$2"; }
# A tiny SQLite client through python3's sqlite3 module would add a dependency; use gesta's own
# test helper instead: the sqlite3 command if present, else skip the SQL checks.
if command -v sqlite3 >/dev/null; then sqlite3_cli() { sqlite3 "$1" "$2"; }
elif command -v python3 >/dev/null; then
  sqlite3_cli() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print("\n".join("|".join(str(x) for x in r) for r in c.execute(sys.argv[2])))' "$1" "$2"; }
else echo "SKIP: neither sqlite3 nor python3 to read the database"; exit 77; fi

src="${GESTA_SRC:-$(dirname "$0")/../..}"
article="$src/examples/putin-sochi-press-conference.txt"
python_json() { python3 -c 'import json,sys; print(json.dumps({"id":sys.argv[1],"date":"2021-12-08","text":open(sys.argv[2]).read()}))' "$1" "$2"; }
# Build a corpus of N copies of the example with distinct ids (pure bash: escape the text for JSON).
text=$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' "$article" | awk '{printf "%s\\n", $0}')
for i in $(seq 1 200); do printf '{"id":"doc-%d","date":"2021-12-08","text":"%s"}\n' "$i" "$text"; done > "$tmp/corpus.jsonl"

# 1. Idempotent rerun.
"$gesta" code --db "$tmp/a.db" "$tmp/corpus.jsonl" > /dev/null 2>"$tmp/err1"; rc1=$?
ok "first run exits 0 (got $rc1: $(head -c 300 "$tmp/err1"))" '[ $rc1 -eq 0 ]'
n1=$(q "$tmp/a.db" "select count(*) from articles"); s1=$(q "$tmp/a.db" "select count(*) from sentences")
e1=$(q "$tmp/a.db" "select count(*) from events")
"$gesta" code --db "$tmp/a.db" "$tmp/corpus.jsonl" > /dev/null 2>&1
n2=$(q "$tmp/a.db" "select count(*) from articles"); s2=$(q "$tmp/a.db" "select count(*) from sentences")
e2=$(q "$tmp/a.db" "select count(*) from events")
ok "200 articles stored (got $n1)" '[ "$n1" = 200 ]'
ok "sentences stored ($s1)" '[ "$s1" -gt 200 ]'
ok "rerun adds no rows (articles $n1→$n2, sentences $s1→$s2, events $e1→$e2)" '[ "$n1" = "$n2" ] && [ "$s1" = "$s2" ] && [ "$e1" = "$e2" ]'
ok "each article's sentence count matches its rows" \
   '[ "$(q "$tmp/a.db" "select count(*) from articles a where nsentences <> (select count(*) from sentences s where s.article_id=a.id)")" = 0 ]'

# 2. A killed writer: SIGKILL mid-run, then the database is consistent and a rerun completes it.
for i in 1 2 3 4 5; do cat "$tmp/corpus.jsonl"; done | awk '{sub(/"id":"doc-/, "\"id\":\"r" NR "-"); print}' > "$tmp/big.jsonl"
"$gesta" code --db "$tmp/k.db" "$tmp/big.jsonl" > /dev/null 2>&1 &
pid=$!
sleep 0.7
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
ok "integrity_check after kill" '[ "$(q "$tmp/k.db" "pragma integrity_check")" = ok ]'
ok "no partially stored article after kill" \
   '[ "$(q "$tmp/k.db" "select count(*) from articles a where nsentences <> (select count(*) from sentences s where s.article_id=a.id) or nevents <> (select count(*) from events e where e.article_id=a.id)")" = 0 ]'
"$gesta" code --db "$tmp/k.db" "$tmp/big.jsonl" > /dev/null 2>&1
ok "rerun after kill completes (1000 articles)" '[ "$(q "$tmp/k.db" "select count(*) from articles")" = 1000 ]'

# 3. A full disk: clear error, no partial rows, exit status 1 or 2.
"$gesta" code --db "$tmp/ok.db" "$article" --date 2021-12-08 > /dev/null 2>&1
pages=$(q "$tmp/ok.db" "pragma page_count")
GESTA_DB_MAX_PAGES=$((pages)) "$gesta" code --db "$tmp/ok.db" "$tmp/corpus.jsonl" > /dev/null 2>"$tmp/err3"; rc3=$?
ok "full disk exits non-zero (got $rc3)" '[ $rc3 -ne 0 ]'
ok "full disk message names the file and the reason" 'grep -q "cannot store the article: database or disk is full" "$tmp/err3"'
ok "full disk leaves no partial article" \
   '[ "$(q "$tmp/ok.db" "select count(*) from articles a where nsentences <> (select count(*) from sentences s where s.article_id=a.id)")" = 0 ]'

# 4. An unwritable database path: exit 2 with a message.
"$gesta" code --db /proc/version "$article" > /dev/null 2>"$tmp/err4"; rc4=$?
ok "unwritable database exits 2 (got $rc4)" '[ $rc4 -eq 2 ]'
ok "unwritable database message" 'grep -q "/proc/version" "$tmp/err4"'

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
