/* PLACEHOLDER (replaced by the text-layer work): one unit per line, tokens at spaces. */
#include <string.h>

#include "text/text.h"

int gesta_text_normalize_tokens(gesta_doc *doc) {
    for (uint32_t i = 0; i < doc->ntok; i++)
        if (!doc->toks[i].norm) doc->toks[i].norm = doc->toks[i].form;
    return GESTA_OK;
}

int gesta_text_segment(gesta_doc *doc) {
    if (doc->flags & (GESTA_DOC_PRETOKENIZED | GESTA_DOC_SEGMENTED)) return GESTA_OK;
    const char *t = doc->text;
    size_t i = 0, n = doc->len;
    while (i < n) {
        while (i < n && (t[i] == '\n' || t[i] == ' ' || t[i] == '\r' || t[i] == '\t')) i++;
        if (i >= n) break;
        size_t e = i;
        while (e < n && t[e] != '\n') e++;
        gesta_sent *s = gesta_doc_add_sent(doc);
        if (!s) return GESTA_ENOMEM;
        s->start = (uint32_t)i; s->end = (uint32_t)e; s->tok0 = doc->ntok;
        size_t j = i;
        while (j < e) {
            while (j < e && t[j] == ' ') j++;
            if (j >= e) break;
            size_t k = j;
            while (k < e && t[k] != ' ') k++;
            gesta_tok *tk = gesta_doc_add_tok(doc);
            if (!tk) return GESTA_ENOMEM;
            tk->start = (uint32_t)j; tk->end = (uint32_t)k;
            tk->form = tk->norm = gesta_arena_strndup(doc->arena, t + j, k - j);
            if (k >= e || t[k] != ' ') tk->flags |= GESTA_TOK_NO_SPACE_AFTER;
            j = k;
        }
        s = &doc->sents[doc->nsent - 1];
        s->ntok = doc->ntok - s->tok0;
        i = e;
    }
    doc->flags |= GESTA_DOC_SEGMENTED;
    return GESTA_OK;
}
