/*
 * gesta_syntax_run: tags, lemmatizes and parses every sentence of a document
 * that does not keep a parse given by the input.
 *
 * The model is only read. Per-sentence scratch is one malloc'd block sized for
 * the document's longest sentence and freed before returning; strings the
 * tokens point to are the model's (tags, labels, listed lemmas) or copies in
 * doc->arena (lemmas made by rules), so they live as long as the document
 * provided the engine outlives it.
 */
#include <stdlib.h>
#include <string.h>

#include "syntax/model.h"
#include "syntax/syntax.h"

typedef struct scratch {
    gesta_wfeat *wf;
    const char **forms;
    uint8_t *tags, *tmp;
    int *mem, *head, *lab;
} scratch;

static int scratch_alloc(scratch *s, uint32_t n) {
    s->wf = malloc(((size_t)n + 1) * sizeof *s->wf);
    s->forms = malloc(((size_t)n + 1) * sizeof *s->forms);
    s->tags = malloc((size_t)n + 1);
    s->tmp = malloc((size_t)n + 1);
    s->mem = malloc(gesta_parser_ints((int)n) * sizeof *s->mem);
    s->head = malloc(((size_t)n + 1) * sizeof *s->head);
    s->lab = malloc(((size_t)n + 1) * sizeof *s->lab);
    return s->wf && s->forms && s->tags && s->tmp && s->mem && s->head && s->lab ? 0 : -1;
}

static void scratch_free(scratch *s) {
    free(s->wf); free(s->forms); free(s->tags); free(s->tmp); free(s->mem); free(s->head); free(s->lab);
}

/* Tags and parses one sentence's tokens in place. */
static int run_sentence(const struct gesta_model *m, gesta_doc *doc, gesta_sent *st, scratch *s) {
    int n = (int)st->ntok;
    gesta_tok *t = doc->toks + st->tok0;
    for (int i = 0; i < n; i++) s->forms[i] = t[i].form ? t[i].form : "";
    gesta_wfeat_fill(s->wf, s->forms, n, &m->taglex);
    gesta_tagger_run(m, s->wf, n, s->tags, s->tmp);
    gesta_parser_run(m, s->wf, s->tags, n, m->search, s->mem, s->head, s->lab);
    char buf[512];
    for (int i = 0; i < n; i++) {
        int tag = s->tags[i];
        t[i].upos = m->tag_upos[tag];
        t[i].xpos = m->tag_xpos[tag];
        const char *l = gesta_lemmatize(m, s->forms[i], tag, buf, sizeof buf);
        if (!l) l = s->forms[i];
        else if (l == buf && !(l = gesta_arena_strdup(doc->arena, buf))) return GESTA_ENOMEM;
        t[i].lemma = l;
        t[i].head = s->head[i + 1];
        t[i].deprel = s->lab[i + 1] >= 0 ? m->lab_name[s->lab[i + 1]] : "dep";
    }
    st->tagged = st->parsed = 1;
    st->given_parse = 0;
    return GESTA_OK;
}

int gesta_syntax_run(const struct gesta_model *m, gesta_doc *doc, int use_given) {
    if (!m || !doc) return GESTA_OK;
    uint32_t maxn = 0;
    for (uint32_t i = 0; i < doc->nsent; i++)
        if (doc->sents[i].ntok > maxn) maxn = doc->sents[i].ntok;
    scratch s = {0};
    if (scratch_alloc(&s, maxn) < 0) {
        scratch_free(&s);
        return GESTA_ENOMEM;
    }
    int rc = GESTA_OK;
    for (uint32_t i = 0; i < doc->nsent && rc == GESTA_OK; i++) {
        gesta_sent *st = &doc->sents[i];
        if (st->given_parse && use_given) continue;
        if (st->tok0 > doc->ntok || st->ntok > doc->ntok - st->tok0) continue;
        if (st->ntok == 0) {
            st->tagged = st->parsed = 1;
            continue;
        }
        rc = run_sentence(m, doc, st, &s);
    }
    scratch_free(&s);
    return rc;
}
