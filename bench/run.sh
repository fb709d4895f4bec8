#!/usr/bin/env bash
# Runs every gesta benchmark with the exact commands of docs/PERFORMANCE.md, prints
# each command before its output, and ends with a summary of medians and ratios.
#
#   bench/run.sh [SECTION...]
#
# SECTIONS: info tokenize parse load dictload coder doclayer pipeline cli callgrind
#           (default: all of them, in that order; callgrind takes a few minutes).
# Environment:
#   BUILD         build directory (default build-bench; built if missing:
#                 cmake -S . -B build-bench && cmake --build build-bench -j2)
#   GESTA_SHARED  ../shared (treebanks, Phoenix dictionaries); sections that need
#                 it print SKIP when it is absent
#   RUNS          runs per timing (default 7; bench_pipeline uses RUNS-2, min 3)
#   NICE          priority prefix for timed commands (default "nice -n -5" when the
#                 system allows it, else none)
#   OUT           folder for logs and scratch files (default /tmp/gesta-bench)
#
# Benchmarks are never run by CI or ctest. Wall-clock figures on a shared machine
# are noisy: compare the ratios printed beside them, the CPU-time figures, and the
# callgrind instruction counts, which do not depend on the machine's load.
# Tools: hyperfine (cli section; falls back to repeated /usr/bin/time), GNU time
# (peak RSS), valgrind (callgrind section). Missing tools skip their part.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build-bench}
export GESTA_SHARED=${GESTA_SHARED:-$ROOT/../shared}
RUNS=${RUNS:-7}
OUT=${OUT:-/tmp/gesta-bench}
mkdir -p "$OUT"
if [ -z "${NICE+x}" ]; then
  if nice -n -5 true 2>/dev/null && [ "$(nice -n -5 nice)" -lt "$(nice)" ]; then NICE="nice -n -5"; else NICE=""; fi
fi
B=$BUILD/bench
MODEL=$ROOT/data/model/gesta-en.model
SUMMARY=$OUT/summary.txt
: >"$SUMMARY"
exec > >(tee "$OUT/run.log") 2>&1   # the whole transcript, beside the per-command logs

if [ ! -x "$B/bench_pipeline" ] || [ ! -x "$BUILD/gesta" ]; then
  cmake -S . -B "$BUILD" >/dev/null && cmake --build "$BUILD" -j2 >/dev/null || { echo "run.sh: build failed" >&2; exit 2; }
fi

# run NAME CMD...: prints and runs a command, output to the screen and $OUT/NAME.log.
run() {
  local name=$1; shift
  echo "\$ $*"
  "$@" 2>&1 | tee "$OUT/$name.log"
  return "${PIPESTATUS[0]}"
}
say() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }
have_shared() { [ -d "$GESTA_SHARED/ud" ] || { echo "SKIP: $GESTA_SHARED/ud absent (set GESTA_SHARED)"; return 1; }; }

sec_info() {
  echo "== machine and build"
  date -u
  grep -m1 'model name' /proc/cpuinfo
  echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "build: $BUILD, CMAKE_BUILD_TYPE=$(grep -m1 '^CMAKE_BUILD_TYPE' "$BUILD/CMakeCache.txt" | cut -d= -f2)"
  echo "priority prefix: ${NICE:-(none)}"
  if [ -f "$MODEL" ]; then
    echo "model: $MODEL, $(stat -c '%s bytes, modified %y' "$MODEL"), md5 $(md5sum "$MODEL" | cut -c1-12)"
  else
    echo "model: $MODEL absent"
  fi
  say "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); build $(grep -m1 '^CMAKE_BUILD_TYPE' "$BUILD/CMakeCache.txt" | cut -d= -f2); model $(stat -c %s "$MODEL" 2>/dev/null) bytes md5 $(md5sum "$MODEL" 2>/dev/null | cut -c1-12)"
}

sec_tokenize() {
  echo; echo "== text layer (bench_tokenize, EWT raw text)"
  have_shared || return 0
  run tokenize $NICE "$B/bench_tokenize" "$RUNS"
  say "text layer:        $(grep '^median' "$OUT/tokenize.log")"
}

sec_parse() {
  echo; echo "== tag + parse (bench_parse, EWT test, one core)"
  have_shared || return 0
  run parse $NICE "$B/bench_parse" "$MODEL" "$GESTA_SHARED/ud/en_ewt-ud-test.conllu" "$RUNS"
  say "tag+parse:         $(grep 'syntax_run' "$OUT/parse.log" | sed 's/  */ /g')"
  say "tag+parse, greedy: $(grep 'greedy:' "$OUT/parse.log" | grep -v takes | sed 's/  */ /g')"
  say "                   $(grep 'takes' "$OUT/parse.log" | sed 's/^ *//')"
  say "model load:        $(grep '^model' "$OUT/parse.log")"
}

sec_load() {
  echo; echo "== load times and memory (bench_pipeline load)"
  run load $NICE "$B/bench_pipeline" load 11
  while read -r l; do say "load:              $l"; done < <(grep -E '^(model only|gesta.s own|engine of)|hold ' "$OUT/load.log")
}

sec_dictload() {
  echo; echo "== Phoenix dictionary load (bench_dictload)"
  [ -d "$GESTA_SHARED/petrarch/phoenix" ] || { echo "SKIP: no Phoenix set"; return 0; }
  run dictload $NICE "$B/bench_dictload" 11
  say "Phoenix load:      $(grep '^median' "$OUT/dictload.log")"
}

sec_coder() {
  echo; echo "== coding from given parses (bench_coder, UniversalPetrarch suite)"
  [ -d "$GESTA_SHARED/universal-petrarch" ] || { echo "SKIP: no UniversalPetrarch suite"; return 0; }
  run coder $NICE "$B/bench_coder" "" 200
  say "coder (suite dicts):   $(grep 'median' "$OUT/coder.log" | sed 's/.*median/median/')"
  run coder-phoenix env PHOENIX=1 $NICE "$B/bench_coder" "" 200
  say "coder (Phoenix dicts): $(grep 'median' "$OUT/coder-phoenix.log" | sed 's/.*median/median/')"
}

sec_doclayer() {
  echo; echo "== document layer alone (bench_doclayer, example parse)"
  mkdir -p "$OUT/data-nomodel" && ln -sfn "$ROOT/data/dict" "$OUT/data-nomodel/dict"
  run doclayer env GESTA_DATA="$OUT/data-nomodel" $NICE "$B/bench_doclayer" tests/golden/doc_example/example.conllu 2021-12-08 300 --use-parse
  say "document layer:    $(grep '^document layer' "$OUT/doclayer.log" | sed 's/document layer: //')"
}

sec_pipeline() {
  echo; echo "== whole pipeline in-process (bench_pipeline: raw text -> JSONL records, one thread)"
  local pr=$((RUNS - 2)); [ "$pr" -lt 3 ] && pr=3
  run pipeline $NICE "$B/bench_pipeline" "$pr"
  while read -r l; do say "pipeline:          $l"; done < <(grep 'RESULT' "$OUT/pipeline.log" | sed 's/ *RESULT //')
}

# gesta code on JSONL articles, one thread and -j 2: wall clock and peak RSS.
sec_cli() {
  echo; echo "== gesta code (the command), wall clock and peak RSS"
  have_shared || return 0
  local c j units m
  for c in ewt pud; do
    run "rawjsonl-$c" "$B/bench_pipeline" rawjsonl "$c" "$OUT/$c.jsonl" || return 0
    units=$(sed -n 's/.*text, \([0-9]*\) units.*/\1/p' "$OUT/rawjsonl-$c.log")
    for j in 1 2; do
      if command -v hyperfine >/dev/null; then
        run "cli-$c-j$j" $NICE hyperfine -N --warmup 1 --runs 5 --export-json "$OUT/cli-$c-j$j.json" \
          "$BUILD/gesta code -j $j -o /dev/null $OUT/$c.jsonl"
        m=$(python3 -c "import json; r=json.load(open('$OUT/cli-$c-j$j.json'))['results'][0]; print('%.3f %.3f %.3f %.3f' % (r['median'], min(r['times']), max(r['times']), r['user']))" 2>/dev/null)
        [ -n "$m" ] && set -- $m && say "gesta code $c -j $j: median wall $1 s (runs $2..$3 s; user $4 s), $(awk "BEGIN{printf \"%.0f\", $units/$1}") units/s wall for $units units (load incl.)"
      else
        echo "(hyperfine not installed: 5 runs of /usr/bin/time)"
        m=$(for i in 1 2 3 4 5; do /usr/bin/time -f '%e' "$BUILD/gesta" code -j "$j" -o /dev/null "$OUT/$c.jsonl" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 3p)
        say "gesta code $c -j $j: median wall $m s of 5 runs, $(awk "BEGIN{printf \"%.0f\", $units/$m}") units/s for $units units"
      fi
      if [ -x /usr/bin/time ]; then
        echo "\$ /usr/bin/time -v $BUILD/gesta code -j $j -o /dev/null $OUT/$c.jsonl"
        /usr/bin/time -v "$BUILD/gesta" code -j "$j" -o /dev/null "$OUT/$c.jsonl" 2>"$OUT/time-$c-j$j.log"
        say "                      peak RSS $(awk '/Maximum resident/ {printf "%.1f MB", $6/1024}' "$OUT/time-$c-j$j.log") (/usr/bin/time -v; wall $(awk -F': ' '/Elapsed/ {print $2}' "$OUT/time-$c-j$j.log"), user $(awk -F': ' '/User time/ {print $2}' "$OUT/time-$c-j$j.log") s)"
      fi
    done
  done
  # -j 2 against -j 1 in alternating pairs: the machine's load drifts over minutes, and
  # the median of the per-pair ratios cancels most of the drift.
  echo "\$ 5 x { /usr/bin/time -f %e $BUILD/gesta code -j 1 -o /dev/null $OUT/ewt.jsonl; same with -j 2 }"
  local r1 r2 ratios
  for i in 1 2 3 4 5; do
    r1=$( { /usr/bin/time -f '%e' $NICE "$BUILD/gesta" code -j 1 -o /dev/null "$OUT/ewt.jsonl" >/dev/null; } 2>&1 | tail -1)
    r2=$( { /usr/bin/time -f '%e' $NICE "$BUILD/gesta" code -j 2 -o /dev/null "$OUT/ewt.jsonl" >/dev/null; } 2>&1 | tail -1)
    echo "pair $i: -j 1 $r1 s, -j 2 $r2 s"
  done | tee "$OUT/cli-pairs.log"
  ratios=$(awk '{printf "%.2f\n", $5/$9}' "$OUT/cli-pairs.log" | sort -n | tr '\n' ' ')
  say "gesta code ewt, -j 1 time / -j 2 time over 5 alternating pairs: median $(echo $ratios | awk '{print $3}') (all: $ratios)"
}

# ir FILE FUNCTION: inclusive instruction count of FUNCTION in a callgrind output.
ir() {
  callgrind_annotate --inclusive=yes --threshold=100 "$1" 2>/dev/null | grep -v '=>' | grep -E "[ :*]$2( |$)" | head -1 |
    awk '{gsub(",", "", $1); print $1}'
}

sec_callgrind() {
  echo; echo "== callgrind instruction counts (stable on a noisy machine)"
  command -v valgrind >/dev/null || { echo "SKIP: valgrind not installed"; return 0; }
  have_shared || return 0
  # Instruction counts do not depend on priority: run at low priority.
  local cg="nice valgrind --tool=callgrind --callgrind-out-file"
  run cg-tokenize $cg="$OUT/cg.tokenize" "$B/bench_tokenize" 1
  local tok; tok=$(sed -n 's/.* bytes, \([0-9]*\) tokens, \([0-9]*\) units.*/\1 \2/p' "$OUT/cg-tokenize.log")
  local i; i=$(ir "$OUT/cg.tokenize" gesta_text_segment)
  say "callgrind text layer: gesta_text_segment $i Ir / ${tok% *} tokens = $((i / ${tok% *})) per token, $((i / ${tok#* })) per unit"

  # bench_parse runs gesta_syntax_run twice per round: greedy, then with the search
  # given as its 4th argument. Search 0 makes both greedy; the default search's
  # count is what the second run adds beyond one greedy run.
  run cg-parse0 $cg="$OUT/cg.parse0" "$B/bench_parse" "$MODEL" "$GESTA_SHARED/ud/en_ewt-ud-test.conllu" 1 0
  run cg-parse $cg="$OUT/cg.parse" "$B/bench_parse" "$MODEL" "$GESTA_SHARED/ud/en_ewt-ud-test.conllu" 1
  local words; words=$(sed -n 's/.* sentences, \([0-9]*\) words.*/\1/p' "$OUT/cg-parse.log")
  local sents; sents=$(sed -n 's/.*: \([0-9]*\) sentences, .*/\1/p' "$OUT/cg-parse.log")
  local p0 p t; p0=$(ir "$OUT/cg.parse0" gesta_syntax_run); t=$(ir "$OUT/cg.parse" gesta_text_segment)
  p=$(( $(ir "$OUT/cg.parse" gesta_syntax_run) - p0 / 2 )); p0=$((p0 / 2))
  say "callgrind tag+parse, greedy: gesta_syntax_run $p0 Ir / $words words = $((p0 / words)) per token; text layer on the same text $((t / words)) per token (ratio $(awk "BEGIN{printf \"%.1f\", $p0/$t}")x)"
  say "callgrind tag+parse, default search: gesta_syntax_run $p Ir / $words words = $((p / words)) per token, $((p / sents)) per sentence (ratio $(awk "BEGIN{printf \"%.1f\", $p/$t}")x)"

  # Cache misses of the same run, simulated with the last level set to the 4 MB L2 of
  # this machine's cores (the real L3 is shared with every other job).
  run cache-parse nice valgrind --tool=cachegrind --cache-sim=yes --LL=4194304,16,64 \
    --cachegrind-out-file="$OUT/cache.parse" "$B/bench_parse" "$MODEL" "$GESTA_SHARED/ud/en_ewt-ud-test.conllu" 1
  local d1 ll; d1=$(sed -n 's/.*D1  misses: *\([0-9,]*\).*/\1/p' "$OUT/cache-parse.log" | tr -d ,)
  ll=$(sed -n 's/.*LLd misses: *\([0-9,]*\).*/\1/p' "$OUT/cache-parse.log" | tr -d ,)
  local wl; wl=$(cg_annotate "$OUT/cache.parse" 2>/dev/null | grep -E ':(gesta_percep_score|add_dense_[a-z0-9]*)$' |
    sed 's/([^)]*)//g' | awk '{gsub(",", "", $5); gsub(",", "", $6); d += $5; l += $6} END {print d, l}')
  say "cachegrind bench_parse 1 (model load + tokenize + tagger pass + syntax_run greedy and with search, LL = 4 MB): per token $((d1 / words)) D1 and $((ll / words)) L2 (LL) data misses; weight lookups alone (percep_score, add_dense) $(( ${wl% *} / words )) D1 and $(( ${wl#* } / words )) L2 read misses"
  run cg-coder $cg="$OUT/cg.coder" "$B/bench_coder" "" 3
  local n; n=$(sed -n 's/.*documents, \([0-9]*\) sentences x \([0-9]*\) rounds.*/\1 \2/p' "$OUT/cg-coder.log")
  local codings=$(( ${n% *} * ${n#* } * 7 ))
  i=$(ir "$OUT/cg.coder" gesta_coder_run)
  say "callgrind coder (suite dicts): gesta_coder_run $i Ir / $codings sentence codings = $((i / codings)) per sentence"
  run cg-coder-phoenix env PHOENIX=1 $cg="$OUT/cg.coderp" "$B/bench_coder" "" 3
  i=$(ir "$OUT/cg.coderp" gesta_coder_run)
  say "callgrind coder (Phoenix):     gesta_coder_run $i Ir / $codings sentence codings = $((i / codings)) per sentence"
  local l; l=$(ir "$OUT/cg.coderp" dict_load_files)
  say "callgrind Phoenix load:        dict_load_files $l Ir"

  run cg-pipeline $cg="$OUT/cg.pipeline" "$B/bench_pipeline" 1 pud
  local pt pu; pt=$(sed -n 's/.*MB, \([0-9]*\) units, \([0-9]*\) tokens.*/\2/p' "$OUT/cg-pipeline.log")
  pu=$(sed -n 's/.*MB, \([0-9]*\) units, \([0-9]*\) tokens.*/\1/p' "$OUT/cg-pipeline.log")
  i=$(ir "$OUT/cg.pipeline" gesta_process); t=$(ir "$OUT/cg.pipeline" gesta_engine_new)
  say "callgrind pipeline (PUD raw): gesta_process $i Ir / $pt tokens = $((i / pt)) per token, $((i / pu)) per unit; engine load $t Ir"
  # Calls per bench_pipeline run: the text layer 4 (tokenize baseline, gesta_process, stage
  # pass, memory pass), syntax, coder and document layer 3, dedup and writing 2.
  local st="" f k
  for f in gesta_text_segment:4 gesta_syntax_run:3 gesta_coder_run:3 gesta_doclayer_run:3 gesta_corpus_add:2 gesta_write_jsonl:2; do
    k=${f#*:}; f=${f%:*}
    i=$(ir "$OUT/cg.pipeline" "$f"); st="$st ${f#gesta_}=$((i / k / pt))"
  done
  say "callgrind pipeline stages, Ir per token:$st"
}

sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(info tokenize parse load dictload coder doclayer pipeline cli callgrind)
for s in "${sections[@]}"; do
  declare -F "sec_$s" >/dev/null || { echo "run.sh: unknown section '$s'" >&2; exit 2; }
  "sec_$s"
done
echo; echo "== summary (also in $SUMMARY)"
cat "$SUMMARY"
