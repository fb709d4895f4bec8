/* The SHIPPED model (data/model/gesta-en.model) on a fixed slice of EWT dev
 * (its first 1,000 sentences, gold tokens, LAS on full relations with
 * subtypes, punctuation included).
 *
 * UPOS and lemma are held to the project's "must reach" figures (95.0, 97.0).
 * UAS and LAS are held to floors just under what the shipped model scores on
 * this slice (85.06 / 81.71; the previous model had 84.38 / 80.90). On EWT
 * test the model reaches LAS 82.65 (must reach 82.5) but UAS 85.43 (must reach
 * 85.5, see docs/SYNTAX.md); dev is harder than test, so this slice stays
 * under the must-reach line and a floor there would always fail, guarding
 * nothing. Raise the floors with the model.
 * Skipped (77) without ../shared. */
#include <stdlib.h>

#include "check.h"
#include "syntax/model.h"
#include "syntax/syntax.h"

int main(void) {
    SKIP_WITHOUT_SHARED(shared);
    const char *data = getenv("GESTA_DATA");
    char mpath[4096], gpath[4096];
    snprintf(mpath, sizeof mpath, "%s/model/gesta-en.model", data && *data ? data : GESTA_DATA_DIR);
    snprintf(gpath, sizeof gpath, "%s/ud/en_ewt-ud-dev.conllu", shared);
    gesta_error err = {0};
    struct gesta_model *m;
    int rc = gesta_model_load(&m, mpath, &err);
    CHECK_INT(rc, GESTA_OK);
    if (rc < 0) {
        fprintf(stderr, "%s: %s\n", err.file, err.message);
        return check_done();
    }
    gesta_vocab v = {0};
    gesta_tb c;
    CHECK_INT(gesta_tb_read(&c, gpath, &v, 1, &err), GESTA_OK);
    gesta_tb_truncate(&c, 1000);
    gesta_syn_score sc;
    CHECK_INT(gesta_syntax_eval(m, &c, &v, &sc, NULL), GESTA_OK);
    double w = sc.words ? (double)sc.words : 1;
    double upos = 100 * sc.upos / w, uas = 100 * sc.uas / w, las = 100 * sc.las / w, lemma = 100 * sc.lemma / w;
    printf("EWT dev[0:1000]: %ld words, UPOS %.2f, UAS %.2f, LAS %.2f, lemma %.2f\n", sc.words, upos, uas, las, lemma);
    CHECK(sc.words > 10000);
    CHECK(upos >= 95.0);
    CHECK(uas >= 84.8);
    CHECK(las >= 81.4);
    CHECK(lemma >= 97.0);
    gesta_tb_free(&c);
    gesta_vocab_free(&v);
    gesta_model_free(m);
    return check_done();
}
