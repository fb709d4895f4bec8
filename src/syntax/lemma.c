/*
 * The lemmatizer at run time. Two tables learned from the training treebank:
 *   exceptions  (lower-cased form, tag) → the form itself / its lower case / a string
 *               ("said"+VBD → "say", "AP"+NNP → the form, "The"+DT → "the");
 *   rules       (tag, last k bytes of the lower-cased form) → cut c bytes and
 *               append a string, for words the treebank never showed
 *               ("-ies"+NNS → cut 3, add "y").
 * The longest matching suffix wins; without any rule, the lemma is the form.
 */
#include <string.h>

#include "core/doc.h"
#include "syntax/model.h"

uint64_t gesta_lemma_key(const char *lower, size_t n, int tag) {
    return gesta_fk1(1000 + (uint64_t)tag, gesta_syn_hash(lower, n));
}

uint64_t gesta_lemma_suffix_key(const char *lower_suffix, size_t n, int tag) {
    return gesta_fk2(2000, (uint64_t)tag, gesta_syn_hash(lower_suffix, n) + n);
}

const gesta_lexslot *gesta_lexslot_find(const gesta_lexslot *t, uint32_t nslot, uint64_t key) {
    if (!nslot) return NULL;
    uint32_t mask = nslot - 1;
    for (uint32_t h = (uint32_t)key & mask;; h = (h + 1) & mask) {
        if (t[h].key == key) return &t[h];
        if (!t[h].key) return NULL;
    }
}

#define LEMMA_MAX_SUFFIX 7

const char *gesta_lemmatize(const struct gesta_model *m, const char *form, int tag, char *buf, size_t bufsize) {
    size_t n = strlen(form);
    if (n + 1 > bufsize || n == 0) return NULL;
    for (size_t i = 0; i < n; i++) {
        char c = form[i];
        buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[n] = '\0';
    const gesta_lexslot *e = gesta_lexslot_find(m->lex, m->nlex, gesta_lemma_key(buf, n, tag));
    if (e) {
        if (e->a == 0) return NULL;
        if (e->a == 1) return buf;
        return m->pool + e->b;
    }
    /* Unseen words. Numbers, addresses and codes are their own lemma; a proper
     * noun written in lower case gets its capital back (EWT: "chicago" → "Chicago"). */
    int lower_only = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)form[i];
        if ((c >= '0' && c <= '9') || c == '@' || c == '/' || c == ':') return NULL;
        if (!(c >= 'a' && c <= 'z')) lower_only = 0;
    }
    if (m->tag_upos[tag] == GESTA_UPOS_PROPN && lower_only) {
        buf[0] = (char)(buf[0] - 32);
        return buf;
    }
    if (m->tag_upos[tag] == GESTA_UPOS_PROPN && strcmp(m->tag_xpos[tag], "NNPS") != 0) return NULL;
    size_t kmax = n < LEMMA_MAX_SUFFIX ? n : LEMMA_MAX_SUFFIX;
    for (size_t k = kmax + 1; k-- > 0;) {
        const gesta_lexslot *r = gesta_lexslot_find(m->suf, m->nsuf, gesta_lemma_suffix_key(buf + n - k, k, tag));
        if (!r) continue;
        uint32_t cut = r->a & 0xffff, lower = r->a >> 16;
        if (!lower) return NULL;
        if (cut > n) continue;
        const char *add = m->pool + r->b;
        size_t al = strlen(add);
        if (n - cut + al + 1 > bufsize) return NULL;
        memcpy(buf + n - cut, add, al + 1);
        return buf;
    }
    return NULL;
}
