/*
 * Event coding speed from given parses: the documents of a PETRARCH validation
 * file are read and parsed once (--use-parse style), then only the coder runs,
 * ROUNDS times over all of them. The dictionaries are the file's own
 * (<Environment>) or, with PHOENIX=1, the full Phoenix set.
 *
 *   GESTA_SHARED=../shared build-coder/bench/bench_coder [FILE.xml] [ROUNDS]
 *   (default: universal-petrarch/PETR_Validate_records_2_02.xml, 200 rounds)
 *
 * Prints sentences per second of CPU time (median of 7 runs) on one thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coder/dict.h"
#include "core/engine.h"
#include "io/reader.h"
#include "syntax/syntax.h"

/* CPU time of this (single-threaded) process: on a shared machine wall-clock
 * time also counts the other jobs' turns on the core. */
static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void ignore(void *arg, const char *m) { (void)arg; (void)m; }

int main(int argc, char **argv) {
    const char *sh = getenv("GESTA_SHARED");
    if (!sh || !*sh) sh = "../shared";
    char def[1024];
    snprintf(def, sizeof def, "%s/universal-petrarch/PETR_Validate_records_2_02.xml", sh);
    const char *file = argc > 1 && *argv[1] ? argv[1] : def;
    int rounds = argc > 2 ? atoi(argv[2]) : 200;
    gesta_reader *r;
    gesta_reader_options ro;
    memset(&ro, 0, sizeof ro);
    ro.format = GESTA_IN_AUTO;
    gesta_error err = {0};
    if (gesta_reader_open(&r, file, &ro, &err) < 0) {
        fprintf(stderr, "bench_coder: cannot open %s (set GESTA_SHARED)\n", file);
        return 2;
    }
    dict_files f;
    memset(&f, 0, sizeof f);
    char ph[7][1024];
    if (getenv("PHOENIX")) {
        const char *n[7] = {"CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                            "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt",
                            "Phoenix.IssueCoding.txt"};
        for (int i = 0; i < 7; i++) snprintf(ph[i], sizeof ph[i], "%s/petrarch/phoenix/%s", sh, n[i]);
        f.verbs = ph[0];
        f.actors[0] = ph[1]; f.actors[1] = ph[2]; f.actors[2] = ph[3];
        f.nactors = 3;
        f.agents = ph[4];
        f.discards = ph[5];
        f.issues = ph[6];
    } else {
        f.verbs = gesta_reader_environment(r, "Verbfile");
        if ((f.actors[0] = gesta_reader_environment(r, "Actorfile"))) f.nactors = 1;
        f.agents = gesta_reader_environment(r, "Agentfile");
        f.discards = gesta_reader_environment(r, "Discardfile");
    }
    gesta_engine *e = calloc(1, sizeof *e);
    if (dict_load_files(&e->dicts, &f, NULL, ignore, NULL, 0, &err) < 0) {
        fprintf(stderr, "bench_coder: dictionaries: %s %s\n", err.file, err.message);
        return 2;
    }
    gesta_ontology_load(&e->ontology, &err);
    gesta_doc **docs = NULL;
    size_t ndoc = 0, cap = 0, nsent = 0;
    for (;;) {
        gesta_doc *d;
        int rc = gesta_reader_next(r, &d, &err);
        if (rc == GESTA_EOF) break;
        if (rc < 0) continue;
        if (gesta_syntax_given(d) < 0 || !d->nsent) { gesta_doc_free(d); continue; }
        if (ndoc == cap) {
            cap = cap ? cap * 2 : 512;
            docs = realloc(docs, cap * sizeof *docs);
        }
        docs[ndoc++] = d;
        nsent += d->nsent;
    }
    gesta_reader_close(r);
    double rates[7];
    size_t nev = 0;
    for (int run = 0; run < 7; run++) {
        double t0 = now_s();
        nev = 0;
        for (int k = 0; k < rounds; k++)
            for (size_t i = 0; i < ndoc; i++) {
                docs[i]->nevent = 0;
                gesta_coder_run(e, docs[i]);
                nev += docs[i]->nevent;
            }
        double dt = now_s() - t0;
        rates[run] = (double)nsent * rounds / dt;
        printf("run %d: %.0f sentences/s\n", run + 1, rates[run]);
    }
    qsort(rates, 7, sizeof *rates, cmp_d);
    printf("%zu documents, %zu sentences x %d rounds, %zu events per round; median %.0f sentences per CPU second (one thread)\n",
           ndoc, nsent, rounds, nev / (size_t)rounds, rates[3]);
    for (size_t i = 0; i < ndoc; i++) gesta_doc_free(docs[i]);
    free(docs);
    gesta_dicts_free(e->dicts);
    free(e);
    return 0;
}
