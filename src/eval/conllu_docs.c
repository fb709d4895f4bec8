/*
 * Gold tokenisation as a document: the rebuilt raw text of a gold file's
 * document, with the gold sentences and words placed on it by byte offset, so
 * that `gesta eval --gold-tok` scores tagging and parsing alone.
 */
#include <string.h>

#include "eval/conllu_score.h"
#include "text/text.h"

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Finds form in text from *pos, skipping whitespace on both sides; returns the
 * byte span. 0 when the form is not there. */
static int place(const char *text, size_t len, size_t *pos, const char *form, size_t *s, size_t *e) {
    size_t p = *pos;
    while (p < len && is_ws(text[p])) p++;
    size_t q = p, f = 0, fl = strlen(form);
    while (f < fl) {
        if (is_ws(form[f])) { f++; continue; }
        while (q < len && is_ws(text[q]) && q > p) q++;
        if (q >= len || text[q] != form[f]) return 0;
        q++;
        f++;
    }
    *s = p;
    *e = q;
    *pos = q;
    return 1;
}

static gesta_tok *add_word(gesta_doc *doc, const gesta_cu_item *it, size_t s, size_t e, unsigned flags) {
    gesta_tok *t = gesta_doc_add_tok(doc);
    if (!t) return NULL;
    t->start = (uint32_t)s;
    t->end = (uint32_t)e;
    t->form = gesta_arena_strdup(doc->arena, it->form);
    if (!t->form) return NULL;
    t->flags = (uint8_t)flags;
    if (strstr(it->misc, "SpaceAfter=No")) t->flags |= GESTA_TOK_NO_SPACE_AFTER;
    return t;
}

int gesta_cu_pretok_doc(const gesta_cu_corpus *gold, const gesta_cu_rawdoc *rd, gesta_doc **out,
                        size_t *misaligned) {
    *out = NULL;
    gesta_doc *doc;
    int rc = gesta_doc_new(&doc, rd->id, NULL, rd->text, rd->len, NULL);
    if (rc < 0) return rc;
    const char *text = doc->text;
    size_t len = doc->len, pos = 0;
    for (size_t si = rd->first_sent; si < rd->first_sent + rd->nsents; si++) {
        const gesta_cu_sent *cs = &gold->sents[si];
        gesta_sent *st = gesta_doc_add_sent(doc);
        if (!st) goto oom;
        st->tok0 = doc->ntok;
        st->kind = GESTA_UNIT_PROSE;
        st->start = (uint32_t)pos;
        if (cs->sent_id && !(st->sent_id = gesta_arena_strdup(doc->arena, cs->sent_id))) goto oom;
        for (size_t i = cs->first; i < cs->first + cs->n; i++) {
            const gesta_cu_item *it = &gold->items[i];
            size_t s = pos, e = pos;
            if (!place(text, len, &pos, it->form, &s, &e)) {
                (*misaligned)++;
                s = e = pos;
            }
            if (it->mwt) {
                /* its words: consecutive pieces when they spell the token, else the whole span */
                size_t k = i + 1, off = s;
                int spell = 1;
                size_t total = 0;
                for (size_t m = k; m < cs->first + cs->n && !gold->items[m].mwt && gold->items[m].id <= it->id_end; m++)
                    total += strlen(gold->items[m].form);
                if (total != e - s) spell = 0;
                for (; k < cs->first + cs->n && !gold->items[k].mwt && gold->items[k].id <= it->id_end; k++) {
                    const gesta_cu_item *w = &gold->items[k];
                    size_t wl = strlen(w->form);
                    size_t ws = spell ? off : s, we = spell ? off + wl : e;
                    if (spell && memcmp(text + off, w->form, wl) != 0) { ws = s; we = e; }
                    gesta_tok *t = add_word(doc, w, ws, we, k > i + 1 ? GESTA_TOK_JOINED : 0);
                    if (!t) goto oom;
                    off += wl;
                }
                if (strstr(it->misc, "SpaceAfter=No")) doc->toks[doc->ntok - 1].flags |= GESTA_TOK_NO_SPACE_AFTER;
                i = k - 1;
                continue;
            }
            if (!add_word(doc, it, s, e, 0)) goto oom;
        }
        st = &doc->sents[doc->nsent - 1];
        st->ntok = doc->ntok - st->tok0;
        if (st->ntok) {
            st->start = doc->toks[st->tok0].start;
            st->end = doc->toks[doc->ntok - 1].end;
            doc->toks[st->tok0].flags |= GESTA_TOK_SENT_START;
        } else {
            st->end = st->start;
        }
    }
    doc->flags |= GESTA_DOC_PRETOKENIZED;
    if ((rc = gesta_text_normalize_tokens(doc)) < 0) { gesta_doc_free(doc); return rc; }
    *out = doc;
    return GESTA_OK;
oom:
    gesta_doc_free(doc);
    return GESTA_ENOMEM;
}
