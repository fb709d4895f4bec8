/* The parser's search (parser.c: the least certain decisions of the greedy
 * parse retried, the best-scoring parse kept), with the shipped model:
 *   - search 0 is the greedy parse, and gesta_model_set_search switches it;
 *   - every search width gives a well-formed tree (one root, no cycles, heads
 *     in range, a label on every word), the same one on every run;
 *   - with search, some sentences change; on the fixed slice of EWT dev used by
 *     the regression test, search 4 attaches more words correctly than greedy
 *     (skipped without ../shared: the hand-written sentences still run). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "shipped_model.h"
#include "syntax/model.h"
#include "syntax/syntax.h"

static const char *const sents[] = {
    "The minister said on Tuesday that talks with Iran would resume in Geneva next week .",
    "Putin , speaking in Sochi , accused the United States of provoking the crisis and warned Kyiv .",
    "If you want a quiet room , ask for one facing the garden , not the street .",
    "Rebels shelled the town overnight , killing three civilians , officials said .",
    "I 'd recommend this place to anyone who likes good food and has time to wait .",
    "The council , which met for six hours , rejected the plan but asked for a new one .",
};

static gesta_doc *doc_of(const char *text) {
    gesta_doc *doc;
    if (gesta_doc_new(&doc, "t", NULL, text, strlen(text), NULL) < 0) return NULL;
    gesta_sent *s = gesta_doc_add_sent(doc);
    s->tok0 = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *e = p;
        while (*e && *e != ' ') e++;
        gesta_tok *t = gesta_doc_add_tok(doc);
        t->start = (uint32_t)(p - text);
        t->end = (uint32_t)(e - text);
        t->form = t->norm = gesta_arena_strndup(doc->arena, p, (size_t)(e - p));
        t->head = -1;
        p = e;
    }
    doc->sents[0].ntok = doc->ntok;
    doc->flags |= GESTA_DOC_PRETOKENIZED | GESTA_DOC_SEGMENTED;
    return doc;
}

static int well_formed(const gesta_doc *doc) {
    int n = (int)doc->ntok, roots = 0;
    for (int i = 0; i < n; i++) {
        const gesta_tok *t = &doc->toks[i];
        if (t->head < 0 || t->head > n || t->head == i + 1 || !t->deprel || !strcmp(t->deprel, "dep")) return 0;
        roots += t->head == 0;
    }
    if (roots != 1) return 0;
    for (int i = 0; i < n; i++) {
        int x = i + 1, steps = 0;
        while (x != 0 && steps++ <= n) x = doc->toks[x - 1].head;
        if (x != 0) return 0;
    }
    return 1;
}

/* Parses text with the given search; heads[] and labels (pointers into the model) out. */
static int parse(struct gesta_model *m, int search, const char *text, int *heads, const char **labs) {
    gesta_model_set_search(m, search);
    gesta_doc *doc = doc_of(text);
    CHECK(doc != NULL);
    if (!doc) return 0;
    CHECK_INT(gesta_syntax_run(m, doc, 0), GESTA_OK);
    CHECK(well_formed(doc));
    int n = (int)doc->ntok;
    for (int i = 0; i < n; i++) {
        heads[i] = doc->toks[i].head;
        labs[i] = doc->toks[i].deprel;
    }
    gesta_doc_free(doc);
    return n;
}

int main(void) {
    gesta_error err = {0};
    struct gesta_model *m = check_load_shipped_model();
    if (!m) return check_done();
    CHECK_INT(m->search, GESTA_PARSE_SEARCH_DEFAULT);

    int changed = 0;
    for (size_t k = 0; k < sizeof sents / sizeof *sents; k++) {
        int h0[64], h[64], h2[64];
        const char *l0[64], *l[64], *l2[64];
        int n = parse(m, 0, sents[k], h0, l0);
        for (int search = 1; search <= 16; search *= 2) {
            CHECK_INT(parse(m, search, sents[k], h, l), n);
            CHECK_INT(parse(m, search, sents[k], h2, l2), n);
            CHECK(!memcmp(h, h2, sizeof(int) * (size_t)n));   /* deterministic */
            for (int i = 0; i < n; i++) changed += h[i] != h0[i] || strcmp(l[i], l0[i]);
        }
    }
    printf("hand-written sentences: %d word-parses changed by search\n", changed);

    const char *shared = check_shared_dir();
    if (shared) {
        /* the same slice as test_syntax_regression */
        char gpath[4096];
        snprintf(gpath, sizeof gpath, "%s/ud/en_ewt-ud-dev.conllu", shared);
        gesta_vocab v = {0};
        gesta_tb c;
        CHECK_INT(gesta_tb_read(&c, gpath, &v, 1, &err), GESTA_OK);
        gesta_tb_truncate(&c, 1000);
        gesta_syn_score greedy, searched;
        gesta_model_set_search(m, 0);
        CHECK_INT(gesta_syntax_eval(m, &c, &v, &greedy, NULL), GESTA_OK);
        gesta_model_set_search(m, 4);
        CHECK_INT(gesta_syntax_eval(m, &c, &v, &searched, NULL), GESTA_OK);
        printf("EWT dev[0:1000]: UAS greedy %ld, search 4 %ld of %ld words; LAS %ld, %ld\n", greedy.uas, searched.uas,
               greedy.words, greedy.las_u, searched.las_u);
        CHECK(searched.uas > greedy.uas);
        CHECK(searched.las_u > greedy.las_u);
        gesta_tb_free(&c);
        gesta_vocab_free(&v);
    } else {
        printf("SKIP (part): ../shared not found, EWT dev comparison not run\n");
    }
    gesta_model_free(m);
    return check_done();
}
