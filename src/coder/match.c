/*
 * Verb patterns against a sentence's tree. The words after '*' are looked for
 * among the verb's own dependents (its subtree minus the subject), in their
 * order; the words before '*' among the tokens before the verb. A blank in a
 * pattern lets other words come between, "_" does not; $, +, % and ^ each take
 * one noun phrase. The most specific matching pattern (most words) wins.
 */
#include <string.h>

#include "coder/sentview.h"

#define MAX_LIST 256
#define BUDGET 4000

typedef struct mstate {
    const sentview *sv;
    const int32_t *list;
    int32_t n;
    int32_t src, tgt;
    int comp;
    int steps;
} mstate;

static int nominal(const sentview *sv, int32_t i) {
    int u = sv->tk[i].t->upos;
    return u == GESTA_UPOS_NOUN || u == GESTA_UPOS_PROPN || u == GESTA_UPOS_PRON || u == GESTA_UPOS_NUM;
}

/* The head of the noun phrase token i sits in. */
int32_t sv_np_head(const sentview *sv, int32_t i) {
    for (int k = 0; k < 8; k++) {
        const char *r = sv->tk[i].rel;
        if (sv->tk[i].head < 0) break;
        if (!STREQ(r, "compound") && !STREQ(r, "flat") && !STREQ(r, "amod") && !STREQ(r, "det") &&
            !STREQ(r, "nummod") && !STREQ(r, "name") && !STREQ(r, "poss") &&
            !(STREQ(r, "nmod") && (STREQ(sv->tk[i].sub, "poss") || STREQ(sv->tk[i].sub, "desc"))))
            break;
        i = sv->tk[i].head;
    }
    return i;
}

static int32_t np_last(const sentview *sv, int32_t h) {
    int32_t last = h;
    const sv_tok *k = &sv->tk[h];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        const char *r = sv->tk[c].rel;
        if (c > last && (STREQ(r, "compound") || STREQ(r, "flat") || STREQ(r, "name"))) last = c;
    }
    return last;
}

static int run(mstate *m, const pat_el *el, int nel, int k, int32_t pos, int32_t prev);

/* Synset member phrases: consecutive tokens of the list, adjacent in the sentence. */
static int syn_here(mstate *m, const pat_el *el, int nel, int k, int32_t j, int32_t prev) {
    const synset *s = &m->sv->d->syns[el[k].id];
    const sv_tok *tk = &m->sv->tk[m->list[j]];
    if (!((tk->nid != NO_WORD && (s->fmask >> (tk->nid & 63)) & 1) ||
          (tk->lid != NO_WORD && (s->fmask >> (tk->lid & 63)) & 1)))
        return 0;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t w = pass ? tk->lid : tk->nid;
        if (w == NO_WORD || (pass && w == tk->nid)) continue;
        uint32_t key[2] = {el[k].id, w};
        uint64_t head;
        if (!gesta_strmap_get(m->sv->d->syn_first, (const char *)key, sizeof key, &head)) continue;
        for (int32_t p = (int32_t)head; p >= 0; p = s->next[p]) {
        uint16_t len = s->plen[p];
        if (j + len > m->n) continue;
        int ok = 1;
        for (uint16_t q = 0; q < len && ok; q++) {
            int32_t t = m->list[j + q];
            ok = sv_word(m->sv, t, s->phr[p][q]) && (q == 0 || t == m->list[j + q - 1] + 1);
        }
        if (ok && run(m, el, nel, k + 1, j + len, m->list[j + len - 1])) return 1;
        }
    }
    (void)prev;
    return 0;
}

static int run(mstate *m, const pat_el *el, int nel, int k, int32_t pos, int32_t prev) {
    if (++m->steps > BUDGET) return 0;
    if (k == nel) return 1;
    const pat_el *e = &el[k];
    int32_t last = e->joined ? pos + 1 : m->n;
    if (last > m->n) last = m->n;
    for (int32_t j = pos; j < last; j++) {
        int32_t t = m->list[j];
        if (e->joined && prev >= 0 && t != prev + 1) break;
        switch (e->kind) {
        case PE_WORD:
            if (sv_word(m->sv, t, e->id) && run(m, el, nel, k + 1, j + 1, t)) return 1;
            break;
        case PE_SYN:
            if (syn_here(m, el, nel, k, j, prev)) return 1;
            break;
        default: {
            if (!nominal(m->sv, t)) break;
            int32_t h = sv_np_head(m->sv, t);
            /* $, + and %: the next noun phrase that names an actor (TABARI's rule) */
            np_parts np;
            if (e->kind != PE_SKIP && !sv_np_parts(m->sv, h, &np)) {
                if (e->joined) return 0;
                break;
            }
            int32_t end = np_last(m->sv, h);
            if (end < t) end = t;
            int32_t nj = j + 1;
            while (nj < m->n && m->list[nj] <= end) nj++;
            int32_t os = m->src, ot = m->tgt;
            int oc = m->comp;
            if (e->kind == PE_SRC) m->src = h;
            else if (e->kind == PE_TGT) m->tgt = h;
            else if (e->kind == PE_COMP) m->comp = 1;
            if (run(m, el, nel, k + 1, nj, m->list[nj - 1])) return 1;
            m->src = os;
            m->tgt = ot;
            m->comp = oc;
            break;
        }
        }
    }
    return 0;
}

/* 1 when token t lies in the subtree of v without passing through a subject of v. */
static int under(const sentview *sv, int32_t t, int32_t v, int p2) {
    for (int k = 0; k < 64 && t >= 0; k++) {
        int32_t h = sv->tk[t].head;
        const char *r = sv->tk[t].rel;
        /* PETRARCH-2 patterns describe the verb's own phrases, not other clauses */
        if (p2 && (STREQ(r, "ccomp") || STREQ(r, "advcl") || STREQ(r, "parataxis") ||
                   (STREQ(r, "conj") && sv->tk[t].t->upos == GESTA_UPOS_VERB)))
            return 0;
        if (h == v) return !STREQ(r, "nsubj") && !STREQ(r, "csubj");
        t = h;
    }
    return 0;
}

/* 1 when t lies in the subtree of s (or is s). */
static int within(const sentview *sv, int32_t t, int32_t s) {
    for (int k = 0; k < 64 && t >= 0; k++, t = sv->tk[t].head)
        if (t == s) return 1;
    return 0;
}

static int nounish(const sentview *sv, int32_t t) {
    int u = sv->tk[t].t->upos;
    return u == GESTA_UPOS_NOUN || u == GESTA_UPOS_PROPN || u == GESTA_UPOS_ADJ || u == GESTA_UPOS_NUM ||
           u == GESTA_UPOS_PRON;
}

/* Every plain word of the pattern must occur somewhere in the sentence: a cheap
 * test that rules most patterns out before the search. */
static int words_present(const sentview *sv, const verb_pattern *vp) {
    int n = vp->npre + vp->npost;
    for (int k = 0; k < n; k++)
        if (vp->pre[k].kind == PE_WORD && !sv_has_word(sv, vp->pre[k].id)) return 0;
    return 1;
}

void match_verb(const sentview *sv, int32_t v, const verb_block *b, match_result *out) {
    out->pat = NULL;
    out->src = out->tgt = -1;
    out->compound = 0;
    if (!b->npat) return;
    int32_t post[MAX_LIST], pre[MAX_LIST];
    int32_t npost = 0, npre = 0;
    /* TABARI-dialect words before '*' are any words before the verb; PETRARCH-2's
     * "pre-verb nouns" are the subject's */
    int p2 = sv->d->verb_dialect == 2;
    int32_t subj = -1;
    if (p2) {
        const sv_tok *k = &sv->tk[v];
        for (int32_t j = 0; j < k->nkid && subj < 0; j++) {
            int32_t c = sv->kids[k->kid0 + j];
            if (STREQ(sv->tk[c].rel, "nsubj")) subj = c;
        }
    }
    for (int32_t t = 0; t < sv->n && t < MAX_LIST; t++) {
        if (t < v) {
            if (!p2 || (subj >= 0 && within(sv, t, subj) && nounish(sv, t))) pre[npre++] = t;
        } else if (t > v && under(sv, t, v, p2)) {
            post[npost++] = t;
        }
    }
    /* heaviest patterns first (then file order): the first that matches wins */
    for (uint32_t p = 0; p < b->npat; p++) {
        const verb_pattern *vp = &sv->d->pats[sv->d->porder[b->pat0 + p]];
        if (vp->anchor != NO_WORD && !sv_has_word(sv, vp->anchor)) continue;
        if (!words_present(sv, vp)) continue;
        mstate m = {sv, post, npost, -1, -1, 0, 0};
        /* "*_X": the first word right after the verb */
        if (!run(&m, vp->post, vp->npost, 0, 0, vp->npost && vp->post[0].joined ? v : -1)) continue;
        if (vp->npre) {
            mstate m2 = {sv, pre, npre, m.src, m.tgt, m.comp, 0};
            if (!run(&m2, vp->pre, vp->npre, 0, 0, -1)) continue;
            m = m2;
        }
        out->pat = vp;
        out->src = m.src;
        out->tgt = m.tgt;
        out->compound = m.comp;
        return;
    }
}
