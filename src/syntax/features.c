/*
 * Word features: what the tagger and the parser know about a word by itself
 * (lower-cased form, shape, affixes), computed once per word as 64-bit hashes.
 * Lower-casing is ASCII-only on purpose: it must be identical at training and
 * run time, and does not depend on the text layer's normalisation.
 */
#include <string.h>

#include "syntax/model.h"

uint64_t gesta_syn_hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return gesta_mix64(h ^ n);
}

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Shape: X for upper, x for lower, d for digit, other bytes as is; runs longer
 * than 2 collapsed ("Xxx" for "Washington", "dd.dd" for "12.50"). */
static uint64_t shape_hash(const char *f, size_t n) {
    char buf[64];
    size_t k = 0;
    char prev = 0;
    int run = 0;
    for (size_t i = 0; i < n && k < sizeof buf - 1; i++) {
        unsigned char c = (unsigned char)f[i];
        char s = is_upper(c) ? 'X' : is_lower(c) ? 'x' : is_digit(c) ? 'd' : c >= 0x80 ? 'u' : (char)c;
        if (s == prev) {
            if (++run > 2) continue;
        } else {
            run = 1;
        }
        prev = s;
        buf[k++] = s;
    }
    return gesta_syn_hash(buf, k);
}

void gesta_wfeat_fill(gesta_wfeat *wf, const char *const *forms, int n, const gesta_taglex *lex) {
    char low[256];
    for (int i = 0; i < n; i++) {
        const char *f = forms[i] ? forms[i] : "";
        size_t len = strlen(f);
        size_t ln = len < sizeof low ? len : sizeof low;
        int up = 0, lo = 0, dig = 0, hy = 0;
        for (size_t j = 0; j < ln; j++) {
            unsigned char c = (unsigned char)f[j];
            if (is_upper(c)) { up++; c = (unsigned char)(c + 32); }
            else if (is_lower(c)) lo++;
            else if (is_digit(c)) dig++;
            else if (c == '-') hy++;
            low[j] = (char)c;
        }
        gesta_wfeat *w = &wf[i];
        w->lw = gesta_syn_hash(low, ln);
        w->fw = gesta_syn_hash(f, len);
        w->shape = shape_hash(f, len);
        for (int k = 0; k < 4; k++) {
            size_t m = (size_t)k + 1 < ln ? (size_t)k + 1 : ln;
            w->suf[k] = gesta_syn_hash(low + ln - m, m) + (uint64_t)k;
        }
        for (int k = 0; k < 2; k++) {
            size_t m = (size_t)k + 1 < ln ? (size_t)k + 1 : ln;
            w->pre[k] = gesta_syn_hash(low, m) + 7 + (uint64_t)k;
        }
        w->flags = (uint64_t)(dig > 0) | (uint64_t)(hy > 0) << 1 | (uint64_t)(up > 0) << 2 |
                   (uint64_t)(up > 0 && lo == 0) << 3 | (uint64_t)(up == 1 && is_upper((unsigned char)f[0])) << 4 |
                   (uint64_t)(i == 0) << 5;
        const gesta_lexslot *e = lex ? gesta_lexslot_find(lex->slots, lex->nslot, w->lw) : NULL;
        w->amb = e ? ((uint64_t)e->a << 8 | e->b | 1ull << 63) : 0;
        /* Rare words share one parser feature per suffix and shape: fewer, better
         * trained weights, and a smaller table that stays in cache. */
        w->pw = e ? w->lw : gesta_mix64(w->suf[2] ^ (w->shape << 1) ^ 0x554e4bull);
    }
}
