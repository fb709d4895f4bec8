/*
 * bench_tokenize: speed of the text layer (UTF-8 check, sentence splitting,
 * tokenization, folding) on the raw text of UD English EWT (train+dev+test,
 * rebuilt from the gold files the way `gesta eval --raw` does).
 *
 *   build-text/bench/bench_tokenize [RUNS]       (default 7 runs)
 *
 * Prints the median over the runs of tokens/s, sentences/s and MB/s, counting
 * only gesta_doc_new + gesta_text_segment (not reading the gold files). Reads
 * $GESTA_SHARED (default ../shared); exits 77 when it is absent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eval/conllu_score.h"
#include "text/text.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    int runs = argc > 1 ? atoi(argv[1]) : 7;
    if (runs < 1) runs = 1;
    const char *shared = getenv("GESTA_SHARED");
    if (!shared || !*shared) shared = "../shared";
    static const char *const sets[] = {"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"};
    gesta_cu_corpus *gold[3] = {0};
    gesta_cu_rawdoc *docs[3] = {0};
    size_t nd[3] = {0}, bytes = 0, ndocs = 0;
    for (int k = 0; k < 3; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/ud/%s", shared, sets[k]);
        size_t nbad;
        gesta_error err = {0};
        if (gesta_cu_read(path, &gold[k], &nbad, &err) < 0) {
            printf("SKIP: %s not readable (set GESTA_SHARED)\n", path);
            return 77;
        }
        if (gesta_cu_rawdocs(gold[k], &docs[k], &nd[k]) < 0) return 1;
        for (size_t i = 0; i < nd[k]; i++) bytes += docs[k][i].len;
        ndocs += nd[k];
    }
    double *tps = calloc((size_t)runs, sizeof *tps), *sps = calloc((size_t)runs, sizeof *sps),
           *mbs = calloc((size_t)runs, sizeof *mbs);
    size_t ntok = 0, nsent = 0;
    for (int r = 0; r < runs; r++) {
        double t = 0;
        ntok = nsent = 0;
        for (int k = 0; k < 3; k++) {
            for (size_t i = 0; i < nd[k]; i++) {
                double t0 = now();
                gesta_doc *d;
                if (gesta_doc_new(&d, docs[k][i].id, NULL, docs[k][i].text, docs[k][i].len, NULL) < 0) return 1;
                if (gesta_text_segment(d) < 0) return 1;
                t += now() - t0;
                ntok += d->ntok;
                nsent += d->nsent;
                gesta_doc_free(d);
            }
        }
        tps[r] = (double)ntok / t;
        sps[r] = (double)nsent / t;
        mbs[r] = (double)bytes / t / 1e6;
    }
    qsort(tps, (size_t)runs, sizeof *tps, cmp_double);
    qsort(sps, (size_t)runs, sizeof *sps, cmp_double);
    qsort(mbs, (size_t)runs, sizeof *mbs, cmp_double);
    printf("text layer on EWT raw text: %zu documents, %zu bytes, %zu tokens, %zu units\n", ndocs, bytes, ntok, nsent);
    printf("median of %d runs: %.0f tokens/s, %.0f units/s, %.1f MB/s (min %.0f, max %.0f tokens/s)\n", runs,
           tps[runs / 2], sps[runs / 2], mbs[runs / 2], tps[0], tps[runs - 1]);
    for (int k = 0; k < 3; k++) { free(docs[k]); gesta_cu_free(gold[k]); }
    free(tps); free(sps); free(mbs);
    return 0;
}
