/*
 * Learning the lemmatizer's tables from a treebank (see lemma.c for their use).
 *
 * Exceptions keep, for each (lower-cased form, tag), the most frequent way its
 * lemma relates to the form. Suffix rules are counted over word TYPES, not
 * tokens, so that a few very frequent irregular words ("was" → "be") do not
 * teach rules to the rare regular words the rules exist for.
 */
#include <stdlib.h>
#include <string.h>

#include "syntax/lemma_train.h"
#include "util/strmap.h"

#define LEMMA_MAX_SUFFIX 7
#define RULE_MIN_COUNT 2

typedef struct counter {
    gesta_strmap *pair;   /* "key\x1f candidate" → id */
    long *count;
    size_t cap;
} counter;

static int count_add(counter *c, const char *s, size_t n, long by) {
    int64_t id = gesta_strmap_intern(c->pair, s, n);
    if (id < 0) return -1;
    if ((size_t)id >= c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 4096;
        while (nc <= (size_t)id) nc *= 2;
        long *p = realloc(c->count, nc * sizeof *p);
        if (!p) return -1;
        memset(p + c->cap, 0, (nc - c->cap) * sizeof *p);
        c->count = p;
        c->cap = nc;
    }
    c->count[id] += by;
    return 0;
}

/* For every key, the id of its most frequent candidate (ties: first seen). */
static int best_per_key(const counter *c, gesta_strmap *keys, int64_t **best_out) {
    size_t n = gesta_strmap_count(c->pair);
    int64_t *best = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = gesta_strmap_key(c->pair, i);
        const char *sep = strchr(s, '\x1f');
        int64_t k = gesta_strmap_intern(keys, s, (size_t)(sep - s));
        if (k < 0) { free(best); return -1; }
        if ((size_t)k >= cap) {
            size_t nc = cap ? cap * 2 : 4096;
            while (nc <= (size_t)k) nc *= 2;
            int64_t *p = realloc(best, nc * sizeof *p);
            if (!p) { free(best); return -1; }
            for (size_t j = cap; j < nc; j++) p[j] = -1;
            best = p;
            cap = nc;
        }
        if (best[k] < 0 || c->count[i] > c->count[best[k]]) best[k] = (int64_t)i;
    }
    *best_out = best;
    return 0;
}

static uint32_t pool_add(gesta_buf *pool, const char *s) {
    uint32_t off = (uint32_t)pool->len;
    gesta_buf_append(pool, s, strlen(s) + 1);
    return off;
}

static void slot_put(gesta_lexslot *t, uint32_t nslot, gesta_lexslot v) {
    uint32_t h = (uint32_t)v.key & (nslot - 1);
    while (t[h].key && t[h].key != v.key) h = (h + 1) & (nslot - 1);
    t[h] = v;
}

static void lower(char *dst, const char *src, size_t n) {
    for (size_t i = 0; i < n; i++) dst[i] = (src[i] >= 'A' && src[i] <= 'Z') ? (char)(src[i] + 32) : src[i];
    dst[n] = '\0';
}

int gesta_lemma_build(const gesta_tb *c, const uint8_t *proper, gesta_lemma_tables *out, gesta_buf *pool) {
    memset(out, 0, sizeof *out);
    counter ex = {gesta_strmap_new(1 << 16), NULL, 0}, ru = {gesta_strmap_new(1 << 16), NULL, 0};
    gesta_strmap *exkeys = gesta_strmap_new(1 << 16), *rukeys = gesta_strmap_new(1 << 16);
    int64_t *exbest = NULL, *rubest = NULL;
    int rc = -1;
    char low[512], tmp[1200];
    if (!ex.pair || !ru.pair || !exkeys || !rukeys) goto done;

    /* 1. exceptions over tokens: key "tag\x1elower", candidate "0" / "1" / "2lemma" */
    for (int i = 0; i < c->n; i++) {
        const gesta_tbsent *s = &c->s[i];
        for (int j = 0; j < s->n; j++) {
            const char *f = s->form[j], *l = s->lemma[j];
            size_t fl = strlen(f);
            if (s->tag[j] < 0 || fl >= 256 || !l || strlen(l) >= 256) continue;
            lower(low, f, fl);
            /* "1" lower case; "0" the form as written, only for proper nouns (elsewhere a
             * capitalised lemma like "I" is a string of its own, whatever the form's case) */
            const char *cand = !strcmp(l, low) ? "1" : (!strcmp(l, f) && proper[s->tag[j]]) ? "0" : NULL;
            int n = cand ? snprintf(tmp, sizeof tmp, "%d\x1e%s\x1f%s", s->tag[j], low, cand)
                         : snprintf(tmp, sizeof tmp, "%d\x1e%s\x1f" "2%s", s->tag[j], low, l);
            if (count_add(&ex, tmp, (size_t)n, 1) < 0) goto done;
        }
    }
    if (best_per_key(&ex, exkeys, &exbest) < 0) goto done;
    size_t nex = gesta_strmap_count(exkeys);
    uint32_t nlex = 1024;
    while (nlex < nex * 2) nlex *= 2;
    out->lex = calloc(nlex, sizeof *out->lex);
    if (!out->lex) goto done;
    out->nlex = nlex;

    /* 2. per type: store the exception, and count the rule it implies for each suffix */
    for (size_t k = 0; k < nex; k++) {
        const char *cand = strchr(gesta_strmap_key(ex.pair, (uint64_t)exbest[k]), '\x1f') + 1;
        const char *key = gesta_strmap_key(exkeys, k);
        int tag = atoi(key);
        const char *lw = strchr(key, '\x1e') + 1;
        size_t n = strlen(lw);
        gesta_lexslot e = {gesta_lemma_key(lw, n, tag), (uint32_t)(cand[0] - '0'), 0};
        if (cand[0] == '2') e.b = pool_add(pool, cand + 1);
        slot_put(out->lex, nlex, e);

        /* the rule: relative to the form itself ("0") or to its lower case */
        char rule[600];
        int rl;
        if (cand[0] == '0') {
            rl = snprintf(rule, sizeof rule, "0|0|");
        } else {
            const char *lem = cand[0] == '1' ? lw : cand + 1;
            size_t p = 0;
            while (lw[p] && lw[p] == lem[p]) p++;
            rl = snprintf(rule, sizeof rule, "1|%zu|%s", n - p, lem + p);
        }
        size_t kmax = n < LEMMA_MAX_SUFFIX ? n : LEMMA_MAX_SUFFIX;
        for (size_t sk = 0; sk <= kmax; sk++) {
            int m = snprintf(tmp, sizeof tmp, "%d\x1e%s\x1f%.*s", tag, lw + n - sk, rl, rule);
            if (count_add(&ru, tmp, (size_t)m, 1) < 0) goto done;
        }
    }
    if (best_per_key(&ru, rukeys, &rubest) < 0) goto done;
    size_t nru = gesta_strmap_count(rukeys);
    uint32_t nsuf = 1024;
    while (nsuf < nru * 2) nsuf *= 2;
    out->suf = calloc(nsuf, sizeof *out->suf);
    if (!out->suf) goto done;
    out->nsuf = nsuf;
    for (size_t k = 0; k < nru; k++) {
        if (ru.count[rubest[k]] < RULE_MIN_COUNT) continue;
        const char *cand = strchr(gesta_strmap_key(ru.pair, (uint64_t)rubest[k]), '\x1f') + 1;
        const char *key = gesta_strmap_key(rukeys, k);
        int tag = atoi(key);
        const char *suf = strchr(key, '\x1e') + 1;
        unsigned lowflag = cand[0] == '1', cut = (unsigned)atoi(cand + 2);
        const char *add = strchr(cand + 2, '|') + 1;
        gesta_lexslot r = {gesta_lemma_suffix_key(suf, strlen(suf), tag), lowflag << 16 | cut, pool_add(pool, add)};
        slot_put(out->suf, nsuf, r);
    }
    rc = pool->oom ? -1 : 0;
done:
    gesta_strmap_free(ex.pair);
    gesta_strmap_free(ru.pair);
    gesta_strmap_free(exkeys);
    gesta_strmap_free(rukeys);
    free(ex.count);
    free(ru.count);
    free(exbest);
    free(rubest);
    if (rc < 0) {
        free(out->lex);
        free(out->suf);
        memset(out, 0, sizeof *out);
    }
    return rc;
}
