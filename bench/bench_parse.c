/*
 * Tag+parse speed on one core: gesta_syntax_run over pre-tokenized documents
 * (EWT test by default, 50 sentences per document), with the model's default
 * parser search and greedy, against a baseline measured in the same run:
 * gesta_text_segment (tokenizing and sentence splitting) of the same text.
 * Prints the median of several runs of each.
 *
 *   bench_parse [MODEL] [CONLLU] [RUNS] [SEARCH]
 * defaults: $GESTA_DATA/model/gesta-en.model (or the build's data/),
 *           $GESTA_SHARED/ud/en_ewt-ud-test.conllu (or ../shared), 7 runs,
 *           the model's default parser search (GESTA_PARSE_SEARCH_DEFAULT).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "syntax/model.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include "util/buf.h"

#define PER_DOC 50

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Pre-tokenized documents of PER_DOC sentences, and their raw text. */
static int build(const gesta_tb *c, gesta_doc ***docs_out, char ***texts_out, size_t **lens_out) {
    int nd = (c->n + PER_DOC - 1) / PER_DOC;
    gesta_doc **docs = calloc((size_t)nd, sizeof *docs);
    char **texts = calloc((size_t)nd, sizeof *texts);
    size_t *lens = calloc((size_t)nd, sizeof *lens);
    for (int d = 0; d < nd; d++) {
        gesta_buf b = GESTA_BUF_INIT;
        for (int k = d * PER_DOC; k < c->n && k < (d + 1) * PER_DOC; k++)
            for (int i = 0; i < c->s[k].n; i++) {
                gesta_buf_puts(&b, c->s[k].form[i]);
                gesta_buf_putc(&b, ' ');
            }
        texts[d] = gesta_buf_detach(&b, &lens[d]);
        gesta_doc_new(&docs[d], "bench", NULL, texts[d], lens[d], NULL);
        gesta_doc *doc = docs[d];
        uint32_t off = 0;
        for (int k = d * PER_DOC; k < c->n && k < (d + 1) * PER_DOC; k++) {
            gesta_sent *s = gesta_doc_add_sent(doc);
            s->tok0 = doc->ntok;
            s->ntok = (uint32_t)c->s[k].n;
            for (int i = 0; i < c->s[k].n; i++) {
                gesta_tok *t = gesta_doc_add_tok(doc);
                uint32_t l = (uint32_t)strlen(c->s[k].form[i]);
                t->start = off;
                t->end = off + l;
                off += l + 1;
                t->form = t->norm = gesta_arena_strdup(doc->arena, c->s[k].form[i]);
                t->head = -1;
            }
        }
        doc->flags |= GESTA_DOC_PRETOKENIZED | GESTA_DOC_SEGMENTED;
    }
    *docs_out = docs;
    *texts_out = texts;
    *lens_out = lens;
    return nd;
}

int main(int argc, char **argv) {
    char mpath[4096], cpath[4096];
    const char *data = getenv("GESTA_DATA"), *shared = getenv("GESTA_SHARED");
    snprintf(mpath, sizeof mpath, "%s/model/gesta-en.model", data && *data ? data : GESTA_DATA_DIR);
    snprintf(cpath, sizeof cpath, "%s/ud/en_ewt-ud-test.conllu", shared && *shared ? shared : "../shared");
    const char *model_path = argc > 1 ? argv[1] : mpath, *conllu = argc > 2 ? argv[2] : cpath;
    int runs = argc > 3 ? atoi(argv[3]) : 7;
    if (runs < 1) runs = 1;
    if (runs > 100) runs = 100;

    gesta_error err = {0};
    struct gesta_model *m;
    double t0 = now();
    if (gesta_model_load(&m, model_path, &err) < 0) {
        fprintf(stderr, "%s: %s\n", err.file, err.message);
        return 2;
    }
    double load = now() - t0;
    gesta_vocab v = {0};
    gesta_tb c;
    if (gesta_tb_read(&c, conllu, &v, 1, &err) < 0) {
        fprintf(stderr, "%s: %s\n", err.file, err.message);
        return 77;
    }
    gesta_doc **docs;
    char **texts;
    size_t *lens;
    int nd = build(&c, &docs, &texts, &lens);
    long words = 0;
    for (int k = 0; k < c.n; k++) words += c.s[k].n;

    double tp[100], tt[100], tg[100], t0s[100];
    int search = argc > 4 ? atoi(argv[4]) : m->search;
    int maxn = 0;
    for (int k = 0; k < c.n; k++) if (c.s[k].n > maxn) maxn = c.s[k].n;
    gesta_wfeat *wf = malloc((size_t)(maxn + 1) * sizeof *wf);
    uint8_t *tags = malloc((size_t)maxn + 1), *tmp = malloc((size_t)maxn + 1);
    for (int r = 0; r < runs; r++) {
        /* baseline: the text layer over the same text */
        double a = now();
        for (int d = 0; d < nd; d++) {
            gesta_doc *doc;
            gesta_doc_new(&doc, "b", NULL, texts[d], lens[d], NULL);
            gesta_text_segment(doc);
            gesta_doc_free(doc);
        }
        tt[r] = now() - a;
        /* the tagger alone (word features + every tagger pass the model has) */
        a = now();
        for (int k = 0; k < c.n; k++) {
            gesta_wfeat_fill(wf, (const char *const *)c.s[k].form, c.s[k].n, &m->taglex);
            gesta_tagger_run(m, wf, c.s[k].n, tags, tmp);
        }
        tg[r] = now() - a;
        /* tag + lemmatize + parse through the API: greedy, then with the default search */
        gesta_model_set_search(m, 0);
        a = now();
        for (int d = 0; d < nd; d++) gesta_syntax_run(m, docs[d], 0);
        t0s[r] = now() - a;
        gesta_model_set_search(m, search);
        a = now();
        for (int d = 0; d < nd; d++) gesta_syntax_run(m, docs[d], 0);
        tp[r] = now() - a;
    }
    double mp = median(tp, runs), mt = median(tt, runs), mg = median(tg, runs), m0 = median(t0s, runs);
    printf("model %s (%zu bytes) loaded in %.1f ms\n", model_path, m->size, 1000 * load);
    printf("%s: %d sentences, %ld words, %d runs (medians)\n", conllu, c.n, words, runs);
    printf("  tokenize (text layer, baseline): %8.3f s  %10.0f words/s\n", mt, words / mt);
    printf("  tag only:                        %8.3f s  %10.0f words/s\n", mg, words / mg);
    printf("  tag+lemma+parse, greedy:         %8.3f s  %10.0f words/s  (--parse-search 0)\n", m0, words / m0);
    printf("  tag+lemma+parse (syntax_run):    %8.3f s  %10.0f words/s  (search %d)\n", mp, words / mp,
           search);
    printf("  tag+parse takes %.1fx the time of tokenizing (greedy: %.1fx)\n", mp / mt, m0 / mt);
    for (int d = 0; d < nd; d++) {
        gesta_doc_free(docs[d]);
        free(texts[d]);
    }
    free(docs); free(texts); free(lens); free(wf); free(tags); free(tmp);
    gesta_tb_free(&c);
    gesta_vocab_free(&v);
    gesta_model_free(m);
    return 0;
}
