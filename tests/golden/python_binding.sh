#!/usr/bin/env bash
# The Python binding (python/gesta, ctypes over libgesta.so) against the command:
#   - its ctypes struct mirrors match gesta.h (a C probe prints sizeof/offsetof);
#   - coding examples/putin-sochi-press-conference.txt through the binding gives
#     exactly the records `gesta code --date 2021-12-08` prints (the event
#     (sentence, source, target, code) multiset), and exactly the records of
#     `gesta code --no-dedup` (every field: no cross-story fields either way);
#   - parse() tokens and heads form one well-formed tree per sentence;
#   - a bad date raises gesta.Error with a readable "ID: message";
#   - threads sharing one Engine get the same records as one thread;
#   - 300 code()/parse() calls do not grow the process (documents and strings freed);
#   - python/examples/dask_corpus.py on a small corpus made here agrees with
#     `gesta code --no-dedup` (only when `import dask.bag` works; SKIP otherwise).
# Usage: python_binding.sh GESTA_BINARY.  Exit 77 (skip) without python3, without
# a usable model, or for a sanitizer build (ctypes would need LD_PRELOAD=libasan).
set -u
gesta=${1:?usage: python_binding.sh GESTA_BINARY}
build=$(cd "$(dirname "$gesta")" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
lib=$build/libgesta.so
article=$root/examples/putin-sochi-press-conference.txt
command -v python3 >/dev/null || { echo "SKIP: python3 not found"; exit 77; }
[ -e "$lib" ] || { echo "FAIL: $lib not built"; exit 1; }
case $(basename "$build") in *asan*) echo "SKIP: $build looks like a sanitizer build: loading it from python3 needs LD_PRELOAD of libasan"; exit 77;; esac
if ldd "$lib" 2>/dev/null | grep -q 'libasan\|libubsan'; then
    echo "SKIP: $lib is linked with ASan/UBSan: loading it from python3 needs LD_PRELOAD of libasan"; exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$gesta" code --date 2021-12-08 "$article" > "$tmp/cli.jsonl" 2> "$tmp/err"; rc=$?
if [ $rc -ne 0 ] && grep -q model "$tmp/err"; then echo "SKIP: no usable parser model: $(head -1 "$tmp/err")"; exit 77; fi
[ $rc -eq 0 ] || { echo "FAIL: gesta code exited $rc"; cat "$tmp/err"; exit 1; }
"$gesta" code --no-dedup --date 2021-12-08 "$article" > "$tmp/cli-nodedup.jsonl" || { echo "FAIL: gesta code --no-dedup"; exit 1; }
# Dictionaries given by path (two actor files: the NULL-terminated actor_files array).
dict=$root/data/dict
"$gesta" code --no-dedup --date 2021-12-08 --verbs "$dict/gesta.verbs.txt" --agents "$dict/gesta.agents.txt" \
    --actors "$dict/gesta.countries.actors.txt,$dict/gesta.international.actors.txt" \
    "$article" > "$tmp/cli-dicts.jsonl" || { echo "FAIL: gesta code --actors ..."; exit 1; }

# The C side of the layout check: what the compiler makes of gesta.h.
probe=""
if command -v cc >/dev/null; then
    cat > "$tmp/probe.c" <<'C'
#include <gesta.h>
#include <stddef.h>
#include <stdio.h>
#define F(s, f) printf("%s\"%s\": %zu", first ? "" : ", ", #f, offsetof(s, f)), first = 0
int main(void) {
    int first;
    printf("{\"version\": %d", GESTA_ENGINE_OPTIONS_VERSION);
#define OPEN(s) printf(", \"" #s "\": {\"sizeof\": %zu", sizeof(s)); first = 0
    OPEN(gesta_error); F(gesta_error, code); F(gesta_error, file); F(gesta_error, line);
    F(gesta_error, col); F(gesta_error, message); printf("}");
    OPEN(gesta_engine_options); F(gesta_engine_options, version); F(gesta_engine_options, data_dir);
    F(gesta_engine_options, model_path); F(gesta_engine_options, load_model);
    F(gesta_engine_options, load_dictionaries); F(gesta_engine_options, verb_file);
    F(gesta_engine_options, actor_files); F(gesta_engine_options, agent_file);
    F(gesta_engine_options, discard_file); F(gesta_engine_options, issue_file);
    F(gesta_engine_options, use_parse); F(gesta_engine_options, document_layer);
    F(gesta_engine_options, parse_search); printf("}");
    OPEN(gesta_sentence_info); F(gesta_sentence_info, start); F(gesta_sentence_info, end);
    F(gesta_sentence_info, first_token); F(gesta_sentence_info, ntokens);
    F(gesta_sentence_info, kind); printf("}");
    OPEN(gesta_token_info); F(gesta_token_info, start); F(gesta_token_info, end);
    F(gesta_token_info, form); F(gesta_token_info, lemma); F(gesta_token_info, upos);
    F(gesta_token_info, xpos); F(gesta_token_info, head); F(gesta_token_info, deprel);
    F(gesta_token_info, space_after); printf("}");
    printf("}\n");
    return 0;
}
C
    if cc -std=c11 -I "$root/include" -o "$tmp/probe" "$tmp/probe.c" && "$tmp/probe" > "$tmp/layout.json"; then
        probe=$tmp/layout.json
    else
        echo "FAIL: the layout probe did not build or run"; exit 1
    fi
else
    echo "SKIP (part): no C compiler, struct layouts checked only against the LP64 sizes in gesta/__init__.py"
fi

GESTA_LIB=$lib PYTHONPATH=$root/python python3 - "$tmp/cli.jsonl" "$tmp/cli-nodedup.jsonl" "$article" "$probe" <<'PY' || exit 1
import collections, json, os, sys, threading
import gesta

cli_path, nodedup_path, article, probe = sys.argv[1:5]
fails = 0
def check(ok, what):
    global fails
    print(("ok:   " if ok else "FAIL: ") + what)
    fails += not ok

print("libgesta", gesta.version(), "from", gesta.library_path)
check(gesta.library_path == os.environ["GESTA_LIB"], "GESTA_LIB is the library loaded")
if probe:
    c = json.load(open(probe))
    check(c.pop("version") == gesta._OPTIONS_VERSION, "GESTA_ENGINE_OPTIONS_VERSION matches")
    py = gesta._layout()
    for name in c:
        check(c[name] == py[name], "ctypes layout of %s matches the C compiler's %s" % (name, c[name]))

def ev_key(r):
    return (r["sentence"], r["source"], r["target"], r["code"])

cli = [json.loads(l) for l in open(cli_path, encoding="utf-8")]
text = open(article, encoding="utf-8").read()
with gesta.Engine() as engine:
    check(isinstance(engine.warnings, list), "engine.warnings is a list (%d)" % len(engine.warnings))
    recs = engine.code(text, id=os.path.basename(article), date="2021-12-08")
    a = collections.Counter(ev_key(r) for r in cli if r["type"] == "event")
    b = collections.Counter(ev_key(r) for r in recs if r["type"] == "event")
    check(len(a) > 0, "the command found events (%d)" % sum(a.values()))
    check(a == b, "binding events == command events (%d vs %d; only command: %s; only binding: %s)"
          % (sum(a.values()), sum(b.values()), sorted(a - b)[:5], sorted(b - a)[:5]))
    nodedup = [json.loads(l) for l in open(nodedup_path, encoding="utf-8")]
    check(nodedup == recs, "every record (events, quotes, flags) == gesta code --no-dedup (%d records)" % len(recs))

    sents = engine.parse("Russian President Vladimir Putin met Greek Prime Minister Kyriakos "
                         "Mitsotakis in Sochi on Wednesday.", id="p")
    check(len(sents) == 1, "one sentence parsed (%d)" % len(sents))
    toks = sents[0]["tokens"] if sents else []
    n = len(toks)
    body = sents[0]["text"].encode() if sents else b""
    words = ("Russian President Vladimir Putin met Greek Prime Minister Kyriakos Mitsotakis "
             "in Sochi on Wednesday .").split()
    check([t["form"] for t in toks] == words, "tokens are the words (%s)" % [t["form"] for t in toks])
    check([t["id"] for t in toks] == list(range(1, n + 1)), "token ids run 1..n")
    check(all(body[t["start"]:t["end"]].decode() == t["form"] for t in toks), "token byte spans give the forms")
    check(all(0 <= t["head"] <= n and t["head"] != t["id"] for t in toks), "every head is 0..n, not itself")
    roots = [t for t in toks if t["head"] == 0]
    check(len(roots) == 1 and roots[0]["deprel"] == "root", "exactly one root, labelled root")
    def reaches_root(t, seen=()):
        return t["head"] == 0 or (t["id"] not in seen and reaches_root(toks[t["head"] - 1], seen + (t["id"],)))
    check(all(reaches_root(t) for t in toks), "no cycles: every token reaches the root")
    check(all(t["upos"] != "_" and t["lemma"] != "_" for t in toks), "every token tagged and lemmatized")
    met = [t for t in toks if t["form"] == "met"]
    check(met and met[0]["lemma"] == "meet" and met[0]["upos"] == "VERB", "'met' is the verb meet")

    try:
        engine.code("Putin met Mitsotakis.", id="bad-doc", date="2021-13-45")
        check(False, "a bad date raises gesta.Error")
    except gesta.Error as e:
        check(str(e).startswith("bad-doc: ") and "invalid date" in str(e) and "2021-13-45" in str(e)
              and e.status < 0, "a bad date raises gesta.Error: %s" % e)
        import pickle
        f = pickle.loads(pickle.dumps(e))
        check(str(f) == str(e) and (f.status, f.file, f.message) == (e.status, e.file, e.message),
              "gesta.Error survives pickling (status %d, file %r)" % (f.status, f.file))
    try:
        gesta.Engine(verbs="/nonexistent/dir/verbs.txt")
        check(False, "a missing dictionary raises gesta.Error")
    except gesta.Error as e:
        check("/nonexistent/dir/verbs.txt" in str(e), "a missing dictionary raises gesta.Error: %s" % e)

    # Memory: every document and every JSONL string must be freed.  Without the
    # frees, 300 codings of the article leak > 10 MB; allow 4 MB of noise.
    # Current RSS (not the peak: loading the model peaks higher than a leak reaches).
    def rss_kb():
        return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    for _ in range(20):
        engine.code(text, date="2021-12-08")
    rss0 = rss_kb()
    for _ in range(300):
        engine.code(text, date="2021-12-08")
        engine.parse(text[:400])
    grew = rss_kb() - rss0
    check(grew < 4096, "300 code() + parse() calls: RSS grew %d KB (< 4096)" % grew)

    d = os.path.join(os.path.dirname(os.path.dirname(article)), "data", "dict")
    with gesta.Engine(verbs=os.path.join(d, "gesta.verbs.txt"), agents=os.path.join(d, "gesta.agents.txt"),
                      actors=[os.path.join(d, "gesta.countries.actors.txt"),
                              os.path.join(d, "gesta.international.actors.txt")]) as e2:
        mine = e2.code(text, id=os.path.basename(article), date="2021-12-08")
    theirs = [json.loads(l) for l in open(os.path.join(os.path.dirname(cli_path), "cli-dicts.jsonl"))]
    check(mine == theirs and mine != recs,
          "Engine(verbs=, agents=, actors=[2 files]) == gesta code --verbs --agents --actors A,B (%d vs %d records)"
          % (len(mine), len(theirs)))

    pe = gesta.process_engine(document_layer=False)
    check(pe is gesta.process_engine(document_layer=False) and pe is not gesta.process_engine(),
          "process_engine() loads once per process and per set of arguments")

    out = [None] * 4
    def work(i):
        out[i] = engine.code(text, id=os.path.basename(article), date="2021-12-08")
    ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in ts: t.start()
    for t in ts: t.join()
    check(all(o == recs for o in out), "4 threads sharing one Engine get the single-thread records")
try:
    engine.code("x")
    check(False, "a closed engine refuses work")
except ValueError:
    check(True, "a closed engine refuses work")
sys.exit(1 if fails else 0)
PY

# Dask: a small corpus of three articles cut from the example, one bad date, one bad line.
# Debian's python3-dask lives in the system python, which may not be the first
# python3 on PATH (pyenv, venvs): use whichever can import it.
py=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import dask.bag' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
    echo "SKIP (part): dask is not installed (apt-get install python3-dask); dask_corpus.py not run"
    exit 0
fi
echo "dask: $("$py" -c 'import dask; print(dask.__version__)') under $(command -v "$py")"
python3 - "$article" "$tmp/corpus.jsonl" <<'PY'
import json, sys
paras = [p for p in open(sys.argv[1], encoding="utf-8").read().split("\n") if p.strip()]
third = max(1, len(paras) // 3)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i in range(3):
        f.write(json.dumps({"id": "part-%d" % i, "date": "2021-12-0%d" % (7 + i),
                            "text": "\n".join(paras[i * third:(i + 1) * third])}) + "\n")
    f.write(json.dumps({"id": "bad-date", "date": "yesterday", "text": "Putin met Mitsotakis."}) + "\n")
    f.write("{not json\n")
PY
"$gesta" code --no-dedup "$tmp/corpus.jsonl" > "$tmp/cli-corpus.jsonl" 2>/dev/null
schedulers=processes
if "$py" -c 'import dask.distributed' 2>/dev/null; then schedulers="processes distributed"
else echo "SKIP (part): dask.distributed not installed (python3-distributed); only the processes scheduler"; fi
for sched in $schedulers; do
echo "dask_corpus.py --scheduler $sched:"
GESTA_LIB=$lib "$py" "$root/python/examples/dask_corpus.py" "$tmp/corpus.jsonl" -o "$tmp/dask.jsonl" \
    -j 2 --partition-size 1 --scheduler $sched 2> "$tmp/dask.err"; rc=$?
python3 - "$tmp/cli-corpus.jsonl" "$tmp/dask.jsonl" "$tmp/dask.err" "$rc" <<'PY' || exit 1
import collections, json, sys
cli = [json.loads(l) for l in open(sys.argv[1])]
dsk = [json.loads(l) for l in open(sys.argv[2])]
err, rc = open(sys.argv[3]).read(), int(sys.argv[4])
key = lambda r: (r["doc_id"], r["sentence"], r["source"], r["target"], r["code"], r["date"])
a = collections.Counter(key(r) for r in cli if r["type"] == "event")
b = collections.Counter(key(r) for r in dsk if r["type"] == "event")
fails = 0
for ok, what in [
        (len({k[0] for k in a}) == 3, "the command coded events in all 3 good articles"),
        (a == b, "dask_corpus.py events == gesta code --no-dedup events (%d vs %d)" % (sum(a.values()), sum(b.values()))),
        (dsk == cli, "every record == gesta code --no-dedup (so in input order too)"),
        (rc == 1 and "article 4: bad-date: invalid date" in err and "article 5: " in err,
         "the 2 bad articles are reported and the exit status is 1 (rc %d, stderr %r)" % (rc, err.strip()[:200]))]:
    print(("ok:   " if ok else "FAIL: ") + what)
    fails += not ok
sys.exit(1 if fails else 0)
PY
done
