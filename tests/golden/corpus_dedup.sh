#!/usr/bin/env bash
# Cross-story duplicates on a small corpus written for this test
# (tests/golden/corpus/stories.jsonl): a wire story and its copy, a rewrite told
# from another day with relative dates, an unrelated story, and a story that tells
# one event twice. Asserts the story groups, the event groups, the resolved
# dates, the in-story duplicate, the mention counts in --db, and the thresholds.
set -u
gesta="$1"
dir="$(cd "$(dirname "$0")" && pwd)/corpus"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }

"$gesta" code "$dir/stories.jsonl" > "$tmp/out.jsonl" 2>"$tmp/err"; rc=$?
if [ $rc -ne 0 ] && grep -q "model" "$tmp/err"; then echo "SKIP: no usable parser model: $(head -1 "$tmp/err")"; exit 77; fi
ok "gesta code exits 0 (got $rc)" '[ $rc -eq 0 ]'

# field DOC FIELD: the values of FIELD in DOC's event records, one per line
field() { grep "\"type\":\"event\",\"doc_id\":\"$1\"" "$tmp/out.jsonl" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }
story() { field "$1" story_group | head -1; }
# group of DOC's first event whose source starts with $2 and target with $3 and date is $4
group_of() { grep "\"doc_id\":\"$1\"" "$tmp/out.jsonl" | grep "\"type\":\"event\"" |
             grep "\"date\":\"$4\",\"date_source\":[^,]*,\"source\":\"$2[A-Z]*\",\"target\":\"$3" ; }
ev() { grep "\"type\":\"event\",\"doc_id\":\"$1\"" "$tmp/out.jsonl" |
       grep -E "\"date\":\"$4\"" | grep -E "\"source\":\"$2[A-Z]*\",\"target\":\"$3[A-Z]*\"" | head -1; }
grp() { sed -n 's/.*"duplicate_group":"\([^"]*\)".*/\1/p' <<<"$1"; }

# Story groups: the wire copy joins the wire story; the others stand alone.
ok "wire copy in the wire story's group" '[ -n "$(story wire-a)" ] && [ "$(story wire-a)" = "$(story wire-a-copy)" ]'
ok "unrelated story in its own group" '[ "$(story told-twice-e)" != "$(story wire-a)" ]'

# Relative dates: "on Monday" in a Tuesday (2024-03-05) story and in a Wednesday
# (2024-03-06) rewrite both mean 2024-03-04.
a=$(ev wire-a KEN ETH 2024-03-04); b=$(ev wire-a-copy KEN ETH 2024-03-04); c=$(ev rewrite-c KEN ETH 2024-03-04)
ok "wire story: Kenya-Ethiopia meeting dated 2024-03-04 from \"on Monday\"" '[ -n "$a" ] && grep -q "sentence:on Monday" <<<"$a"'
ok "rewrite: the same meeting dated 2024-03-04 from its own \"On Monday\"" '[ -n "$c" ] && grep -qi "sentence:on Monday" <<<"$c"'
# Event groups: one real event, three mentions; later mentions are flagged repeat.
ok "wire copy's event in the wire event's group" '[ -n "$(grp "$a")" ] && [ "$(grp "$a")" = "$(grp "$b")" ]'
ok "rewrite's event in the same group (relative dates resolved first)" '[ "$(grp "$a")" = "$(grp "$c")" ]'
ok "first mention not flagged repeat" '! grep -q "\"repeat\"" <<<"$a"'
ok "later mentions flagged repeat" 'grep -q "\"repeat\"" <<<"$b" && grep -q "\"repeat\"" <<<"$c"'

# In-story duplicate: Germany condemned Iran, told twice; "on Thursday" in a
# Friday (2024-03-08) story is 2024-03-07.
first=$(ev told-twice-e DEU IRN 2024-03-07)
second=$(grep "\"doc_id\":\"told-twice-e\"" "$tmp/out.jsonl" | grep '"duplicate_of":' | head -1)
ok "told twice: first telling dated 2024-03-07" '[ -n "$first" ]'
ok "told twice: second telling points to the first" '[ -n "$second" ] && grep -q "\"duplicate\"" <<<"$second"'
ok "told twice: both in one event group" '[ "$(grp "$first")" = "$(grp "$second")" ]'

# The store counts mentions per group.
"$gesta" code --db "$tmp/c.db" "$dir/stories.jsonl" > /dev/null 2>&1
if command -v sqlite3 >/dev/null; then
  g=$(grp "$a")
  ok "dup_groups counts 3 mentions of the meeting" '[ "$(sqlite3 "$tmp/c.db" "select mentions from dup_groups where group_id='"'"'$g'"'"'")" = 3 ]'
  ok "stored story group of the copy" '[ "$(sqlite3 "$tmp/c.db" "select story_group from articles where id='"'"'wire-a-copy'"'"'")" = "$(story wire-a)" ]'
fi

# Thresholds are configurable: at 1.0 the copy (one extra line) is its own story;
# --no-dedup writes no groups.
"$gesta" code --dedup-threshold 1.0 "$dir/stories.jsonl" > "$tmp/strict.jsonl" 2>/dev/null
s1=$(grep '"doc_id":"wire-a"' "$tmp/strict.jsonl" | grep -o '"story_group":"[^"]*"' | head -1)
s2=$(grep '"doc_id":"wire-a-copy"' "$tmp/strict.jsonl" | grep -o '"story_group":"[^"]*"' | head -1)
ok "--dedup-threshold 1.0 separates the copy" '[ -n "$s1" ] && [ "$s1" != "$s2" ]'
"$gesta" code --no-dedup "$dir/stories.jsonl" > "$tmp/none.jsonl" 2>/dev/null
ok "--no-dedup writes no groups" '! grep -q "duplicate_group" "$tmp/none.jsonl"'
"$gesta" code --dedup-threshold 2 "$dir/stories.jsonl" > /dev/null 2>&1; rc=$?
ok "a bad threshold is a usage error (exit 2, got $rc)" '[ $rc -eq 2 ]'

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
