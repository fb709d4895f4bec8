/* The SHIPPED model (data/model/gesta-en.model, default parser search) on a
 * fixed slice of EWT dev: its first 1,000 sentences, gold tokens, punctuation
 * included, LAS on the universal relation as the CoNLL 2018 scorer counts it.
 *
 * UPOS and lemma are held to the project's "must reach" lines (95.0, 97.0).
 * The UAS and LAS lines (85.5, 82.5) are defined on EWT test, where the model
 * has 86.08 and 83.25; this slice of dev is harder (85.47 and 82.34 here), so
 * the floors below sit 0.07-0.09 under what the model scores on the slice. That
 * is stricter than the test-set line, not looser: a change that cost the
 * 0.58 UAS or 0.75 LAS it would take to fall to the line on test would fail
 * here long before. Raise the floors with the model (docs/TRAINING.md).
 * Skipped (77) without ../shared. */
#include <stdlib.h>

#include "check.h"
#include "shipped_model.h"
#include "syntax/model.h"
#include "syntax/syntax.h"

int main(void) {
    SKIP_WITHOUT_SHARED(shared);
    char gpath[4096];
    snprintf(gpath, sizeof gpath, "%s/ud/en_ewt-ud-dev.conllu", shared);
    gesta_error err = {0};
    struct gesta_model *m = check_load_shipped_model();
    if (!m) return check_done();
    gesta_vocab v = {0};
    gesta_tb c;
    CHECK_INT(gesta_tb_read(&c, gpath, &v, 1, &err), GESTA_OK);
    gesta_tb_truncate(&c, 1000);
    gesta_syn_score sc;
    CHECK_INT(gesta_syntax_eval(m, &c, &v, &sc, NULL), GESTA_OK);
    double w = sc.words ? (double)sc.words : 1;
    double upos = 100 * sc.upos / w, uas = 100 * sc.uas / w, las = 100 * sc.las_u / w, lemma = 100 * sc.lemma / w;
    printf("EWT dev[0:1000]: %ld words, UPOS %.2f, UAS %.2f, LAS %.2f, lemma %.2f\n", sc.words, upos, uas, las, lemma);
    CHECK(sc.words > 10000);
    CHECK(upos >= 95.0);
    CHECK(uas >= 85.40);
    CHECK(las >= 82.25);
    CHECK(lemma >= 97.0);
    gesta_tb_free(&c);
    gesta_vocab_free(&v);
    gesta_model_free(m);
    return check_done();
}
