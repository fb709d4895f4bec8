/* gesta_text_fold and tok->norm: the matching form. */
#include <string.h>

#include "check.h"
#include "text/text.h"

static const char *fold(gesta_arena *a, const char *s) { return gesta_text_fold(a, s, strlen(s)); }

int main(void) {
    gesta_arena *a = gesta_arena_new();
    CHECK_STR(fold(a, "Putin"), "putin");
    CHECK_STR(fold(a, "NATO\xe2\x80\x99s"), "nato's");                 /* NATO’s */
    CHECK_STR(fold(a, "\xe2\x80\x9cpositive\xe2\x80\x9d"), "\"positive\""); /* “positive” */
    CHECK_STR(fold(a, "\xe2\x80\x98hi\xe2\x80\x99"), "'hi'");
    CHECK_STR(fold(a, "pro\xe2\x80\x93Russian"), "pro-russian");        /* en dash */
    CHECK_STR(fold(a, "a\xe2\x80\x94" "b"), "a-b");                     /* em dash */
    CHECK_STR(fold(a, "\xe2\x88\x92" "5"), "-5");                       /* minus sign */
    CHECK_STR(fold(a, "wait\xe2\x80\xa6"), "wait...");                  /* ellipsis */
    CHECK_STR(fold(a, "``quoted''"), "''quoted''");
    /* NFC: e + combining acute → é; case folding beyond ASCII */
    CHECK_STR(fold(a, "Caf" "e\xcc\x81"), "caf\xc3\xa9");
    CHECK_STR(fold(a, "\xc3\x89MIGR\xc3\x89"), "\xc3\xa9migr\xc3\xa9");  /* ÉMIGRÉ */
    CHECK_STR(fold(a, "Stra\xc3\x9f" "e"), "strasse");                  /* ß folds to ss */
    CHECK_STR(fold(a, "\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90"), "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"); /* МОСКВА */
    CHECK_STR(fold(a, "New\xc2\xa0York"), "new york");                  /* NBSP */
    CHECK_STR(fold(a, ""), "");
    /* a phrase folded for a dictionary equals the norms of its tokens */
    gesta_doc *d;
    const char *text = "Russia\xe2\x80\x99s \xe2\x80\x9cSECURITY\xe2\x80\x9d";
    CHECK_INT(gesta_doc_new(&d, "t", NULL, text, strlen(text), NULL), GESTA_OK);
    CHECK_INT(gesta_text_segment(d), GESTA_OK);
    CHECK_INT(d->ntok, 5);
    CHECK_STR(d->toks[0].norm, "russia");
    CHECK_STR(d->toks[1].norm, "'s");
    CHECK_STR(d->toks[1].form, "\xe2\x80\x99s");
    CHECK_STR(d->toks[2].norm, "\"");
    CHECK_STR(d->toks[3].norm, "security");
    CHECK_STR(d->toks[3].form, "SECURITY");
    gesta_doc_free(d);
    /* tokens made by a reader get their norm filled */
    d = gesta_doc_alloc();
    gesta_doc_set_text(d, "The U.S. \xe2\x80\x94", strlen("The U.S. \xe2\x80\x94"));
    gesta_tok *t = gesta_doc_add_tok(d);
    t->form = "The";
    t = gesta_doc_add_tok(d);
    t->form = "\xe2\x80\x94";
    t->norm = "kept";
    d->flags |= GESTA_DOC_PRETOKENIZED;
    CHECK_INT(gesta_text_segment(d), GESTA_OK);
    CHECK_STR(d->toks[0].norm, "the");
    CHECK_STR(d->toks[1].norm, "kept");
    CHECK_INT(d->nsent, 0); /* a pretokenized document is not re-segmented */
    gesta_doc_free(d);
    /* dictionary phrases tokenized and folded like running text */
    const char **v;
    size_t nv;
    CHECK_INT(gesta_text_phrase_norms(a, "U.S. President\xe2\x80\x99s don't", strlen("U.S. President\xe2\x80\x99s don't"), &v, &nv), GESTA_OK);
    CHECK_INT(nv, 5);
    if (nv == 5) {
        CHECK_STR(v[0], "u.s.");
        CHECK_STR(v[1], "president");
        CHECK_STR(v[2], "'s");
        CHECK_STR(v[3], "do");
        CHECK_STR(v[4], "n't");
        CHECK(v[5] == NULL);
    }
    CHECK_INT(gesta_text_phrase_norms(a, "", 0, &v, &nv), GESTA_OK);
    CHECK_INT(nv, 0);
    gesta_arena_free(a);
    return check_done();
}
