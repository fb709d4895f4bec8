#!/usr/bin/env python3
"""Codes a JSONL news corpus with gesta on Dask, writing JSONL event records.

Input: one article per line, {"id": ..., "date": "YYYY-MM-DD", "text": ...}
(gesta's JSONL input; "title", "source" and "url" are ignored here).  Output:
the records of `gesta code` (docs/RECORDS.md), in input order, minus the
corpus-wide fields (duplicate_group, story_group, the "repeat" flag) that need the whole corpus in
one process: run `gesta code` itself for those.

Each worker process loads one gesta.Engine, once, the first time it gets work
(gesta.process_engine); the threads of a worker share it, which gesta allows.

    python3 python/examples/dask_corpus.py corpus.jsonl -o records.jsonl -j 2
    python3 python/examples/dask_corpus.py corpus.jsonl -o out.jsonl --scheduler distributed

A bad article (unreadable JSON, a bad date) is reported on stderr as
"CORPUS: article N: ID: message", skipped, and the exit status is 1.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import gesta  # noqa: E402  (python/gesta, or an installed copy)

import dask.bag as db  # noqa: E402


def code_partition(lines, engine_args):
    """Codes one partition: (number, line) pairs in, JSON lines (records) and
    "\\0message" lines out (a bad article); errors travel with the data so none is lost."""
    # One engine per worker process, loaded by the first task the worker runs
    # and reused by the others (gesta.process_engine caches it per process).
    engine = gesta.process_engine(**dict(engine_args))
    out = []
    for number, line in lines:
        if not line.strip():
            continue
        try:
            art = json.loads(line)
            if not isinstance(art, dict) or not isinstance(art.get("text", ""), str):
                raise ValueError("not an article object with a \"text\" string")
            doc_id = str(art.get("id", "article-%d" % number))
            for rec in engine.code(art.get("text", ""), id=doc_id, date=art.get("date")):
                out.append(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
        except (ValueError, TypeError, gesta.Error) as e:  # gesta.Error reads "ID: message"
            out.append("\0article %d: %s" % (number, e))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="JSONL articles")
    ap.add_argument("-o", "--output", default="-", help="JSONL records (default stdout)")
    ap.add_argument("-j", "--workers", type=int, default=2, help="worker processes")
    ap.add_argument("--partition-size", type=int, default=200, help="articles per task")
    ap.add_argument("--scheduler", default="processes",
                    choices=["processes", "threads", "synchronous", "distributed"])
    ap.add_argument("--data", help="gesta's data folder")
    ap.add_argument("--no-document-layer", action="store_true")
    a = ap.parse_args(argv)

    # Engine arguments as a hashable tuple: compared by the per-worker cache.
    engine_args = tuple(sorted({"data_dir": a.data,
                                "document_layer": not a.no_document_layer}.items()))
    # Numbered lines so errors can name the article.  The corpus is read here
    # in the driver; for corpora larger than memory use db.read_text (and lose
    # the article numbers).
    with open(a.corpus, encoding="utf-8", errors="replace") as f:
        lines = list(enumerate(f, 1))
    bag = db.from_sequence(lines, partition_size=max(1, a.partition_size))
    bag = bag.map_partitions(code_partition, engine_args)

    if a.scheduler == "distributed":
        # A local cluster for the example; to use a running one, replace this
        # with Client("scheduler-address:8786") (workers need gesta importable
        # and libgesta.so reachable, e.g. through GESTA_LIB).
        from dask.distributed import Client, LocalCluster
        with LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster):
            results = bag.compute()
    else:
        results = bag.compute(scheduler=a.scheduler, num_workers=a.workers)

    bad = 0
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")
    try:
        for line in results:  # bag.compute keeps partition order: input order
            if line.startswith("\0"):
                print("%s: %s" % (a.corpus, line[1:]), file=sys.stderr)
                bad += 1
            else:
                out.write(line + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
