/*
 * Copula predicates: "NATO's approach is hostile to Russia", "Iran remains in
 * talks with the IAEA", "the two countries are at war", "Hamas is ready for
 * talks with Israel". In a UD tree the copula is a leaf under its predicate
 * ("hostile" heads "is"), so a verb pattern of the copula ("- * HOSTILE (TO)
 * [110]" in the BE block) sees no words after it. Here the copula is lifted
 * over its predicate, the way a constituency tree has it (a copy of the tree
 * where "is" heads "hostile" and the subject), and the copula's block is matched
 * on that copy. Only patterns code: BE by itself means nothing.
 *
 * Source: the pattern's $, else the predicate's subject (a pronoun: the clause
 * above, as for verbs). Target: the pattern's +, else the first actor among the
 * predicate's dependents after the copula (not the subject). A negated
 * predicate ("is not hostile") or one in a question or condition codes nothing.
 * Conjoined subjects with no target act on each other ("Armenia and Azerbaijan
 * are at war").
 */
#include <string.h>

#include "coder/extra.h"

#define MAXA 8

/* A copy of the view with copula c heading predicate p and p's subjects. */
static int lift_copula(const sentview *sv, int32_t c, int32_t p, gesta_arena *a, sentview *out) {
    *out = *sv;
    out->tk = gesta_arena_alloc(a, (size_t)(sv->n + 1) * sizeof *out->tk);
    out->kids = gesta_arena_alloc(a, (size_t)(sv->n + 1) * sizeof *out->kids);
    if (!out->tk || !out->kids) return -1;
    memcpy(out->tk, sv->tk, (size_t)sv->n * sizeof *out->tk);
    sv_tok *tk = out->tk;
    tk[c].head = sv->tk[p].head;
    tk[c].rel = sv->tk[p].rel;
    tk[c].sub = sv->tk[p].sub;
    tk[p].head = c;
    tk[p].rel = "xcomp";
    tk[p].sub = "";
    for (int32_t i = 0; i < sv->n; i++) {
        if (sv->tk[i].head != p || i == c) continue;
        const char *r = sv->tk[i].rel;
        if (STREQ(r, "nsubj") || STREQ(r, "csubj") || STREQ(r, "aux") || STREQ(r, "mark")) tk[i].head = c;
    }
    for (int32_t i = 0; i < sv->n; i++) tk[i].nkid = 0;
    for (int32_t i = 0; i < sv->n; i++)
        if (tk[i].head >= 0) tk[tk[i].head].nkid++;
    int32_t off = 0;
    for (int32_t i = 0; i < sv->n; i++) {
        tk[i].kid0 = off;
        off += tk[i].nkid;
        tk[i].nkid = 0;
    }
    for (int32_t i = 0; i < sv->n; i++) {
        int32_t h = tk[i].head;
        if (h >= 0) out->kids[tk[h].kid0 + tk[h].nkid++] = i;
    }
    return 0;
}

static const verb_form *copula_form(const sentview *sv, int32_t c) {
    const gesta_tok *t = sv->tk[c].t;
    const verb_form *f = t->lemma ? gesta_coder_verb_form(sv->d, t->lemma) : NULL;
    if (!f && t->norm) f = gesta_coder_verb_form(sv->d, t->norm);
    return f;
}

static void code_copula(const gesta_engine *e, gesta_doc *doc, const sentview *sv, int32_t c, gesta_arena *scratch) {
    int32_t p = sv->tk[c].head;
    if (p < 0 || p <= c) return;
    const verb_form *f = copula_form(sv, c);
    if (!f) return;
    if (gesta_coder_negated(sv, p) || gesta_coder_in_question(sv, p)) return;
    sentview lv;
    if (lift_copula(sv, c, p, scratch, &lv) < 0) return;
    const char *code2 = NULL;
    gesta_evidence_ref vev;
    match_result m;
    const char *code = gesta_coder_form_code(&lv, c, f, &code2, &vev, &m);
    if (!m.pat || (!code && !code2)) return; /* BE alone is no event */
    gesta_arena *a = doc->arena;
    np_code src[MAXA], tgt[MAXA];
    int ns = 0, nt = 0;
    if (m.src >= 0) ns = gesta_coder_np_actors(sv, m.src, a, src, MAXA);
    else {
        int32_t s = gesta_coder_clause_subject(&lv, c);
        if (s >= 0) ns = gesta_coder_np_actors(sv, s, a, src, MAXA);
    }
    if (m.tgt >= 0) nt = gesta_coder_np_actors(sv, m.tgt, a, tgt, MAXA);
    if (!nt) {
        /* the first actor among the predicate's own dependents after the copula */
        const sv_tok *k = &sv->tk[p];
        for (int32_t j = 0; j < k->nkid && !nt; j++) {
            int32_t d = sv->kids[k->kid0 + j];
            if (d < c || !(sv_is(sv, d, "obl") || sv_is(sv, d, "nmod"))) continue;
            if (STREQ(sv->tk[d].sub, "poss")) continue;
            nt = gesta_coder_np_actors(sv, d, a, tgt, MAXA);
            /* "in talks with Israel": the actor hangs one level lower */
            const sv_tok *dk = &sv->tk[d];
            for (int32_t q = 0; q < dk->nkid && !nt; q++) {
                int32_t g = sv->kids[dk->kid0 + q];
                if ((sv_is(sv, g, "nmod") || sv_is(sv, g, "obl")) && !STREQ(sv->tk[g].sub, "poss"))
                    nt = gesta_coder_np_actors(sv, g, a, tgt, MAXA);
            }
        }
    }
    if (!ns) return;
    if (!nt) {
        if (ns < 2 || !code) return;
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++)
                if (i != j) gesta_coder_emit_at(e, doc, sv, p, code, &src[i], &src[j], &vev, GESTA_EV_COMPOUND_SRC);
        return;
    }
    uint32_t flags = (ns > 1 ? GESTA_EV_COMPOUND_SRC : 0) | (nt > 1 ? GESTA_EV_COMPOUND_TGT : 0);
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            if (code) gesta_coder_emit_at(e, doc, sv, p, code, &src[i], &tgt[j], &vev, flags);
            if (code2) gesta_coder_emit_at(e, doc, sv, p, code2, &tgt[j], &src[i], &vev, flags);
        }
}

void gesta_coder_predicates(const gesta_engine *e, gesta_doc *doc, const sentview *sv, gesta_arena *scratch) {
    for (int32_t c = 0; c < sv->n; c++)
        if (sv_is(sv, c, "cop")) code_copula(e, doc, sv, c, scratch);
}
