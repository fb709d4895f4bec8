/*
 * The document layer's cost, apart from the rest of the pipeline.
 *
 *   bench_doclayer FILE [DATE] [REPS] [--use-parse]
 *
 * FILE is any input gesta reads (text, JSONL, CoNLL-U, PETRARCH XML; with
 * --use-parse a given parse is used, so no parser model is needed). Each
 * repetition reads and codes every document with an engine whose document layer
 * is off, then times gesta_doclayer_run() alone on them with a second engine
 * (gazetteer + dictionaries, no model). Prints the median over repetitions and
 * the time to load that second engine (mostly the gazetteer).
 *
 * Example (docs/DOCUMENT.md):
 *   GESTA_DATA=<data dir without model> build/bench/bench_doclayer \
 *       tests/golden/doc_example/example.conllu 2021-12-08 300 --use-parse
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/doc.h"
#include "core/engine.h"
#include "doc/doclayer.h"
#include "gesta.h"
#include "io/reader.h"

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bench_doclayer FILE [DATE] [REPS] [--use-parse]\n");
        return 2;
    }
    const char *file = argv[1];
    const char *date = argc > 2 ? argv[2] : "2021-12-08";
    int reps = argc > 3 ? atoi(argv[3]) : 200;
    int use_parse = argc > 4 && !strcmp(argv[4], "--use-parse");
    if (reps < 1) reps = 1;

    gesta_error err;
    gesta_engine_options o = GESTA_ENGINE_OPTIONS_INIT;
    o.document_layer = 0;
    o.use_parse = use_parse;
    gesta_engine *coder;
    if (gesta_engine_new(&coder, &o, &err) < 0) { fprintf(stderr, "engine: %s\n", err.message); return 2; }
    gesta_engine_options o2 = GESTA_ENGINE_OPTIONS_INIT;
    o2.load_model = 0;
    double t0 = now_ms();
    gesta_engine *layer;
    if (gesta_engine_new(&layer, &o2, &err) < 0) { fprintf(stderr, "engine: %s\n", err.message); return 2; }
    double load = now_ms() - t0;

    double *ms = malloc(sizeof *ms * (size_t)reps);
    uint64_t units = 0, events = 0, quotes = 0, flags = 0;
    for (int r = 0; r < reps; r++) {
        gesta_reader *rd;
        gesta_reader_options ro = {0};
        ro.default_date = date;
        if (gesta_reader_open(&rd, file, &ro, &err) < 0) { fprintf(stderr, "%s: %s\n", file, err.message); return 2; }
        double total = 0;
        gesta_doc *d;
        while (gesta_reader_next(rd, &d, &err) == GESTA_OK) {
            if (!d->date[0]) gesta_doc_set_date(d, date);
            if (gesta_process(coder, d, &err) == GESTA_OK) {
                double a = now_ms();
                gesta_doclayer_run(layer, d);
                total += now_ms() - a;
                if (r == 0) { units += d->nsent; events += d->nevent; quotes += d->nquote; flags += d->nflag; }
            }
            gesta_doc_free(d);
        }
        gesta_reader_close(rd);
        ms[r] = total;
    }
    qsort(ms, (size_t)reps, sizeof *ms, cmp_d);
    double med = ms[reps / 2];
    printf("%s: %llu units, %llu events, %llu quotes, %llu flags after the layer\n", file,
           (unsigned long long)units, (unsigned long long)events, (unsigned long long)quotes, (unsigned long long)flags);
    printf("document layer: median %.3f ms per pass over the file (%.0f units/s), %d repetitions\n", med,
           med > 0 ? units / (med / 1e3) : 0.0, reps);
    printf("engine with gazetteer + dictionaries, no model: loaded in %.1f ms\n", load);
    free(ms);
    gesta_engine_free(layer);
    gesta_engine_free(coder);
    return 0;
}
