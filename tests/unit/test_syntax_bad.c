/* Bad input for the syntax stage: an empty sentence, a 5,000-token sentence
 * (parsed in linear time, a well-formed tree), odd tokens (empty, very long,
 * non-ASCII), out-of-range sentence records, no model at all, and sentences
 * with a given parse kept only when asked to. Uses the shipped model. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "shipped_model.h"
#include "syntax/model.h"
#include "syntax/syntax.h"

static gesta_doc *doc_with(int nsent, const int *ntok, const char *const *forms, int nforms) {
    gesta_doc *doc;
    if (gesta_doc_new(&doc, "bad", NULL, "x", 1, NULL) < 0) return NULL;
    int k = 0;
    for (int s = 0; s < nsent; s++) {
        gesta_sent *st = gesta_doc_add_sent(doc);
        st->tok0 = doc->ntok;
        st->ntok = (uint32_t)ntok[s];
        for (int i = 0; i < ntok[s]; i++) {
            gesta_tok *t = gesta_doc_add_tok(doc);
            t->form = t->norm = forms[k++ % nforms];
            t->head = -1;
        }
    }
    return doc;
}

/* every word has a head in 0..n, exactly one is the root, no cycles */
static int well_formed(const gesta_doc *doc, const gesta_sent *s) {
    int n = (int)s->ntok, roots = 0;
    const gesta_tok *t = doc->toks + s->tok0;
    for (int i = 0; i < n; i++) {
        if (t[i].head < 0 || t[i].head > n || t[i].head == i + 1 || !t[i].deprel || !t[i].xpos || !t[i].lemma) return 0;
        roots += t[i].head == 0;
    }
    if (roots != 1) return 0;
    for (int i = 0; i < n; i++) {
        int x = i + 1, steps = 0;
        while (x != 0 && steps++ <= n) x = t[x - 1].head;
        if (x != 0) return 0;
    }
    return 1;
}

static double seconds_for(const struct gesta_model *m, int n) {
    static const char *const words[] = {"The", "minister", "said", "on", "Tuesday", "that", "talks", "would",
                                        "resume", ",", "and", "he", "held", "them", "in", "Sochi", "."};
    gesta_doc *doc = doc_with(1, &n, words, 17);
    struct timespec a, b;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a); /* CPU time: robust on a busy machine */
    CHECK_INT(gesta_syntax_run(m, doc, 0), GESTA_OK);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    CHECK(well_formed(doc, &doc->sents[0]));
    gesta_doc_free(doc);
    return (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
}

int main(void) {
    struct gesta_model *m = check_load_shipped_model();
    if (!m) return check_done();

    /* an empty sentence between two normal ones */
    static const char *const f1[] = {"Russia", "condemned", "the", "strike", "."};
    int counts[] = {5, 0, 5};
    gesta_doc *doc = doc_with(3, counts, f1, 5);
    CHECK_INT(gesta_syntax_run(m, doc, 0), GESTA_OK);
    CHECK(well_formed(doc, &doc->sents[0]));
    CHECK(well_formed(doc, &doc->sents[2]));
    CHECK(doc->sents[1].parsed);
    CHECK_STR(doc->toks[1].lemma, "condemn");
    gesta_doc_free(doc);

    /* odd tokens: empty form, a 10,000-byte form, non-ASCII, control bytes */
    char *longw = malloc(10001);
    memset(longw, 'a', 10000);
    longw[10000] = '\0';
    const char *f2[] = {"", longw, "Zürich", "\x01\x02", "—", "12,5%", "said"};
    int c2 = 7;
    doc = doc_with(1, &c2, f2, 7);
    CHECK_INT(gesta_syntax_run(m, doc, 0), GESTA_OK);
    CHECK(well_formed(doc, &doc->sents[0]));
    gesta_doc_free(doc);
    free(longw);

    /* a 5,000-token sentence: linear time (10x the words must not take 30x the time) */
    double t500 = seconds_for(m, 500), t5000 = seconds_for(m, 5000);
    printf("500 words: %.4f s, 5000 words: %.4f s\n", t500, t5000);
    CHECK(t5000 < 40 * t500 + 0.1);   /* generous: sanitizer builds and busy machines are noisy */

    /* a sentence record pointing past the tokens is left alone */
    int c3 = 3;
    doc = doc_with(1, &c3, f1, 5);
    doc->sents[0].ntok = 99;
    CHECK_INT(gesta_syntax_run(m, doc, 0), GESTA_OK);
    CHECK(doc->toks[0].xpos == NULL);
    gesta_doc_free(doc);

    /* given parses are kept with use_given, replaced without */
    doc = doc_with(1, &c3, f1, 5);
    doc->sents[0].given_parse = 1;
    for (int i = 0; i < 3; i++) { doc->toks[i].head = 0; doc->toks[i].deprel = "given"; }
    CHECK_INT(gesta_syntax_run(m, doc, 1), GESTA_OK);
    CHECK_STR(doc->toks[0].deprel, "given");
    CHECK_INT(gesta_syntax_run(m, doc, 0), GESTA_OK);
    CHECK(strcmp(doc->toks[0].deprel, "given") != 0);
    CHECK(well_formed(doc, &doc->sents[0]));
    gesta_doc_free(doc);

    /* no model: nothing happens, nothing breaks */
    doc = doc_with(1, &c3, f1, 5);
    CHECK_INT(gesta_syntax_run(NULL, doc, 0), GESTA_OK);
    CHECK(doc->toks[0].xpos == NULL);
    gesta_doc_free(doc);

    gesta_model_free(m);
    return check_done();
}
