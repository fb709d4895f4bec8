/* gesta_engine_options through the public API only (gesta.h): the version is
 * checked, parse_search is range-checked (a bad value is GESTA_EUSAGE with a
 * message, nothing leaks), and the shipped model parses a document the same
 * way whether parse_search is left at its default (-1) or set to 4, while 0
 * (greedy) still gives a complete tree. */
#include <string.h>

#include "check.h"
#include "gesta.h"

static const char text[] =
    "Russian President Vladimir Putin, speaking in Sochi on Wednesday, said that talks with "
    "the United States, which had stalled for months, would resume after the holidays.";

/* Heads and labels of the one-sentence document, parsed by an engine with search ps. */
static int parse_with(int ps, int *heads, char labels[][32], int max) {
    gesta_engine_options o = GESTA_ENGINE_OPTIONS_INIT;
    o.load_dictionaries = 0;
    o.document_layer = 0;
    o.parse_search = ps;
    gesta_engine *e;
    gesta_error err;
    int rc = gesta_engine_new(&e, &o, &err);
    CHECK_INT(rc, GESTA_OK);
    if (rc < 0) return 0;
    gesta_doc *doc;
    CHECK_INT(gesta_doc_new(&doc, "t", "2021-12-08", text, strlen(text), &err), GESTA_OK);
    CHECK_INT(gesta_process(e, doc, &err), GESTA_OK);
    int n = (int)gesta_doc_token_count(doc), roots = 0;
    for (int i = 0; i < n && i < max; i++) {
        gesta_token_info t;
        CHECK_INT(gesta_doc_token(doc, (size_t)i, &t), GESTA_OK);
        heads[i] = t.head;
        snprintf(labels[i], 32, "%s", t.deprel);
        CHECK(t.head >= 0 && t.head <= n && strcmp(t.deprel, "_"));
        roots += t.head == 0;
    }
    CHECK_INT(roots, 1);
    gesta_doc_free(doc);
    gesta_engine_free(e);
    return n;
}

int main(void) {
    gesta_engine *e = (gesta_engine *)1;
    gesta_error err;

    gesta_engine_options old = GESTA_ENGINE_OPTIONS_INIT;
    old.version = 1;
    CHECK_INT(gesta_engine_new(&e, &old, &err), GESTA_EUSAGE);
    CHECK(strstr(err.message, "version") != NULL);

    int bad[] = {65, 1000, -2};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        gesta_engine_options o = GESTA_ENGINE_OPTIONS_INIT;
        o.load_dictionaries = 0;
        o.document_layer = 0;
        o.parse_search = bad[k];
        CHECK_INT(gesta_engine_new(&e, &o, &err), GESTA_EUSAGE);
        CHECK(strstr(err.message, "parse_search") != NULL);
    }

    int hd[64], h4[64], h0[64];
    char ld[64][32], l4[64][32], l0[64][32];
    int n = parse_with(-1, hd, ld, 64);
    CHECK(n > 20 && n <= 64);
    CHECK_INT(parse_with(4, h4, l4, 64), n);
    CHECK_INT(parse_with(0, h0, l0, 64), n);
    int same = 1;
    for (int i = 0; i < n; i++) same &= hd[i] == h4[i] && !strcmp(ld[i], l4[i]);
    CHECK(same);   /* the default is search 4 */
    return check_done();
}
