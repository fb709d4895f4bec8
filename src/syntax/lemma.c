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

static char *capitalized(char *lower) {
    lower[0] = (char)(lower[0] - 32);
    return lower;
}

/* Is lemma[0..n) a base form the treebank showed with the base tag (its lemma itself)? */
static int known_base(const struct gesta_model *m, const char *lemma, size_t n, int base) {
    if (base < 0) return 0;
    const gesta_lexslot *e = gesta_lexslot_find(m->lex, m->nlex, gesta_lemma_key(lemma, n, base));
    return e && e->a != 2;
}

/* The rule for the longest suffix of buf[0..n) with tag, applied into out; 0 if none. */
static int apply_rule(const struct gesta_model *m, const char *buf, size_t n, int tag, size_t kmax, size_t *kused,
                      char *out, size_t outsize) {
    for (size_t k = kmax + 1; k-- > 0;) {
        const gesta_lexslot *r = gesta_lexslot_find(m->suf, m->nsuf, gesta_lemma_suffix_key(buf + n - k, k, tag));
        if (!r) continue;
        uint32_t cut = r->a & 0xffff, lower = r->a >> 16;
        if (cut > n) continue;
        *kused = k;
        if (!lower) return -1;             /* "the form itself" */
        const char *add = m->pool + r->b;
        size_t al = strlen(add);
        if (n - cut + al + 1 > outsize) return 0;
        memcpy(out, buf, n - cut);
        memcpy(out + n - cut, add, al + 1);
        return 1;
    }
    return 0;
}

const char *gesta_lemmatize(const struct gesta_model *m, const char *form, int tag, char *buf, size_t bufsize) {
    size_t n = strlen(form);
    if (n + 1 > bufsize || n == 0 || n >= 256) return NULL;
    int lower_only = 1, upper = 0, digits = 0, commas = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        char c = form[i];
        buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        if (c >= 'A' && c <= 'Z') upper++;
        else if (c >= '0' && c <= '9') digits++;
        else if (c == ',') commas++;
        else if (!(c >= 'a' && c <= 'z')) other++;
        if (!(c >= 'a' && c <= 'z')) lower_only = 0;
    }
    buf[n] = '\0';
    int upos = m->tag_upos[tag];
    int proper = upos == GESTA_UPOS_PROPN;
    /* a letter standing alone keeps its case ("P", "K") */
    if (n == 1 && upper && (upos == GESTA_UPOS_NOUN || proper)) return NULL;
    /* numbers lose their thousands separators (EWT: "6,363,217" → "6363217") */
    if (upos == GESTA_UPOS_NUM && digits && commas && (size_t)(digits + commas) == n) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (form[i] != ',') buf[k++] = form[i];
        buf[k] = '\0';
        return buf;
    }
    const gesta_lexslot *e = gesta_lexslot_find(m->lex, m->nlex, gesta_lemma_key(buf, n, tag));
    if (e) {
        if (e->a == 0) return proper && lower_only ? capitalized(buf) : NULL; /* "chicago" → "Chicago" */
        if (e->a == 1) return buf;
        return m->pool + e->b;
    }
    /* Unseen words. Numbers, addresses and codes are their own lemma; a proper
     * noun written in lower case gets its capital back. */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)form[i];
        if ((c >= '0' && c <= '9') || c == '@' || c == '/' || c == ':') return NULL;
    }
    if (proper && lower_only) return capitalized(buf);
    if (proper && strcmp(m->tag_xpos[tag], "NNPS") != 0) return NULL;
    /* Suffix rules, longest suffix first. For inflected forms, a shorter suffix's
     * rule wins when only it yields a base form the treebank knows
     * ("upgraded": "-aded" says "upgrad", "-ed" + e says "upgrade", a known verb). */
    char cand[256], first[256];
    size_t kmax = n < LEMMA_MAX_SUFFIX ? n : LEMMA_MAX_SUFFIX, k;
    int base = m->base_tag[tag];
    int got = apply_rule(m, buf, n, tag, kmax, &k, first, sizeof first);
    if (got < 0) return NULL;
    if (!got) return NULL;
    if (base >= 0 && !known_base(m, first, strlen(first), base)) {
        size_t kk = k;
        while (kk > 0) {
            int g = apply_rule(m, buf, n, tag, kk - 1, &kk, cand, sizeof cand);
            if (g <= 0) break;
            if (known_base(m, cand, strlen(cand), base)) {
                memcpy(first, cand, strlen(cand) + 1);
                break;
            }
        }
        /* regular endings the rules may have missed */
        static const char *const strip[][2] = {{"ied", "y"}, {"ies", "y"}, {"ed", ""}, {"ed", "e"}, {"d", ""},
                                               {"ing", ""}, {"ing", "e"}, {"es", ""}, {"s", ""}, {"er", ""},
                                               {"est", ""}, {"r", ""}, {"st", ""}};
        for (size_t i = 0; i < sizeof strip / sizeof strip[0] && !known_base(m, first, strlen(first), base); i++) {
            size_t sl = strlen(strip[i][0]), al = strlen(strip[i][1]);
            if (n <= sl + 1 || memcmp(buf + n - sl, strip[i][0], sl) || n - sl + al + 1 > sizeof cand) continue;
            memcpy(cand, buf, n - sl);
            memcpy(cand + n - sl, strip[i][1], al + 1);
            if (known_base(m, cand, strlen(cand), base)) memcpy(first, cand, strlen(cand) + 1);
        }
    }
    size_t fl = strlen(first);
    if (fl + 1 > bufsize) return NULL;
    memcpy(buf, first, fl + 1);
    return buf;
}
