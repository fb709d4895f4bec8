/*
 * Event nouns: "talks with Greek Prime Minister Mitsotakis", "the expulsion of
 * Russian diplomats", "Israel's air strikes on Gaza", "US sanctions against
 * Iran", "his meeting with Biden". News states many events this way, with no
 * verb that the verb dictionary could code.
 *
 * A noun is an event noun when its lemma is in the table below, which names the
 * verb it nominalises (expulsion → expel, talks → negotiate). The code comes
 * from the verb dictionary's entry for that verb, exactly as for the verb: a
 * pattern of its block matched against the noun's own dependents ("expulsion of
 * diplomats" → EXPEL's "* &DIPLOMAT" 161), else the verb's code, else the
 * block's; a [---] pattern or a verb with no code gives nothing ("the closure
 * of the factory"). So the table holds no codes, only which verb a noun
 * belongs to and which prepositions introduce its participants — and it works
 * with any verb dictionary that has those verbs (Phoenix's too).
 *
 * Participants:
 *   target  the actors of an nmod/obl dependent whose preposition the entry
 *           lists ("with", "against", "on", "to", and "of" for nouns of
 *           transitive verbs: "expulsion of X" is X expelled);
 *   source  a possessive ("Russia's attack"), an actor modifier ("US
 *           sanctions", "Israeli strikes"), a "by" phrase, "of" for nouns of
 *           intransitive verbs ("the visit of the president"), "from" for
 *           visits and calls; failing those, the subject of the clause the
 *           noun belongs to — only when the noun is that clause's adverbial
 *           ("after talks with X, Y said"), the object of a light verb ("Y held
 *           talks with X", "Y launched an attack on X"), or has a possessive
 *           pronoun ("Putin spoke of his meeting with Biden");
 *   "between X and Y" with no source: X and Y act on each other.
 * A noun coded nothing when it is negated ("no talks"), its governing verb is
 * negated, it sits in a question or condition (question.c), or a verb above it
 * already made an event between the same actors (that verb consumed it:
 * "held talks with X" is HOLD's event).
 */
#include <stdlib.h>
#include <string.h>

#include "coder/extra.h"

#define MAXA 8

typedef struct noun_entry {
    const char *noun;   /* lemma, lower case */
    const char *verb;   /* the verb it nominalises */
    const char *tprep;  /* prepositions giving targets, space-separated */
    const char *sprep;  /* prepositions giving sources besides "by" */
} noun_entry;

/* Sorted by noun (bsearch). Prepositions: " with " etc. with spaces around. */
static const noun_entry NOUNS[] = {
    {"abduction", "kidnap", " of ", ""},
    {"accusation", "accuse", " against ", ""},
    {"aid", "aid", " to for ", " from "},
    {"air-strike", "bomb", " on against in ", ""},
    {"airstrike", "bomb", " on against in ", ""},
    {"ambush", "attack", " on against ", ""},
    {"annexation", "annex", " of ", ""},
    {"apology", "apologize", " to ", ""},
    {"arrest", "arrest", " of ", ""},
    {"assassination", "assassinate", " of ", ""},
    {"assault", "attack", " on against ", ""},
    {"assistance", "aid", " to for ", " from "},
    {"attack", "attack", " on against ", ""},
    {"blockade", "blockade", " of on against ", ""},
    {"bombardment", "shell", " of on ", ""},
    {"bombing", "bomb", " of on in ", ""},
    {"boycott", "boycott", " of ", ""},
    {"call", "call", " with to ", " from "},
    {"clash", "clash", " with ", ""},
    {"closure", "close", " of ", ""},
    {"condemnation", "condemn", " of ", ""},
    {"consultation", "consult", " with ", ""},
    {"conversation", "converse", " with ", ""},
    {"cooperation", "cooperate", " with ", ""},
    {"crackdown", "repress", " on against ", ""},
    {"criticism", "criticize", " of ", ""},
    {"deportation", "deport", " of ", ""},
    {"detention", "detain", " of ", ""},
    {"dialog", "negotiate", " with ", ""},
    {"dialogue", "negotiate", " with ", ""},
    {"discussion", "discuss", " with ", ""},
    {"endorsement", "endorse", " of ", ""},
    {"execution", "execute", " of ", ""},
    {"expulsion", "expel", " of ", ""},
    {"extradition", "extradite", " of ", ""},
    {"incursion", "invade", " into of ", ""},
    {"invasion", "invade", " of into ", ""},
    {"kidnapping", "kidnap", " of ", ""},
    {"killing", "kill", " of ", ""},
    {"massacre", "kill", " of ", ""},
    {"mediation", "mediate", " between ", ""},
    {"meeting", "meet", " with ", " of "},
    {"negotiation", "negotiate", " with ", ""},
    {"occupation", "occupy", " of ", ""},
    {"offensive", "attack", " on against in ", ""},
    {"praise", "praise", " for of ", ""},
    {"raid", "raid", " on against in ", ""},
    {"recognition", "recognize", " of ", ""},
    {"sanction", "sanction", " against on ", ""},
    {"shelling", "shell", " of on ", ""},
    {"siege", "blockade", " of on ", ""},
    {"strike", "strike", " on against ", ""},
    {"summit", "meet", " with ", " of "},
    {"talk", "negotiate", " with ", " of "},
    {"threat", "threaten", " against to ", ""},
    {"trip", "visit", " to ", " of "},
    {"visit", "visit", " to ", " of from by "},
    {"war", "fight", " on against with in ", ""},
    {"warning", "warn", " to against ", ""},
    {"withdrawal", "withdraw", " from ", ""},
};

static int cmp_noun(const void *k, const void *e) { return strcmp((const char *)k, ((const noun_entry *)e)->noun); }

static const noun_entry *noun_entry_of(const sentview *sv, int32_t n) {
    const gesta_tok *t = sv->tk[n].t;
    if (t->upos != GESTA_UPOS_NOUN) return NULL;
    const char *src[2] = {t->lemma, t->norm};
    for (int k = 0; k < 2; k++) {
        const char *w = src[k];
        if (!w) continue;
        char low[32];
        size_t L = strlen(w);
        if (L >= sizeof low || L < 3) continue;
        for (size_t i = 0; i <= L; i++) low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
        const noun_entry *e = bsearch(low, NOUNS, sizeof NOUNS / sizeof NOUNS[0], sizeof NOUNS[0], cmp_noun);
        if (e) return e;
    }
    return NULL;
}

/* ---------- shared helpers (extra.h) ---------- */

static int add_one(const sentview *sv, int32_t h, gesta_arena *a, np_code *out, int n, int max) {
    np_parts p;
    if (n >= max || h < 0 || !sv_np_parts(sv, h, &p) || !p.actor) return n;
    const char *code = np_compose(&p, p.actor, a);
    if (!code) return n;
    for (int i = 0; i < n; i++)
        if (STREQ(out[i].code, code)) return n;
    out[n].code = code;
    out[n].head = h;
    out[n].span = p.span;
    out[n].ev = p.actor_ev;
    return n + 1;
}

int gesta_coder_np_actors(const sentview *sv, int32_t h, gesta_arena *a, np_code *out, int max) {
    if (h < 0) return 0;
    int n = add_one(sv, h, a, out, 0, max);
    const sv_tok *k = &sv->tk[h];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        if (sv_is(sv, c, "conj") || sv_is(sv, c, "appos")) n = add_one(sv, c, a, out, n, max);
    }
    return n;
}

const verb_form *gesta_coder_verb_form(const struct gesta_dicts *d, const char *lemma) {
    uint32_t w = dict_word_find(d, lemma, strlen(lemma));
    uint64_t head;
    if (w == NO_WORD || !dict_wflag(d, w, WF_VERB) || !gesta_strmap_get(d->verb_index, (const char *)&w, sizeof w, &head))
        return NULL;
    for (int32_t f = (int32_t)head; f >= 0; f = d->forms[f].next)
        if (!d->forms[f].nbefore && !d->forms[f].nafter) return &d->forms[f];
    return NULL;
}

const char *gesta_coder_form_code(const sentview *sv, int32_t v, const verb_form *f, const char **code2,
                                  gesta_evidence_ref *ev, match_result *m) {
    const verb_block *b = &sv->d->blocks[f->block];
    match_verb(sv, v, b, m);
    const char *c;
    if (m->pat) {
        c = m->pat->code;
        *code2 = m->pat->code2;
        *ev = m->pat->ev;
    } else if (f->code) {
        c = f->code;
        *code2 = f->code2;
        *ev = f->ev;
    } else {
        c = b->code;
        *code2 = b->code2;
        *ev = f->ev;
    }
    if (c && !*c) c = NULL;
    if (*code2 && !**code2) *code2 = NULL;
    return c;
}

int gesta_coder_negated(const sentview *sv, int32_t v) {
    const sv_tok *k = &sv->tk[v];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        const char *r = sv->tk[c].rel;
        const char *n = sv->tk[c].t->norm;
        if (STREQ(r, "neg")) return 1;
        if (!n) continue;
        if ((STREQ(r, "advmod") || STREQ(r, "aux") || STREQ(r, "part") || STREQ(r, "det")) &&
            (STREQ(n, "not") || STREQ(n, "n't") || STREQ(n, "never") || STREQ(n, "no")))
            return 1;
    }
    return 0;
}

/* The subject of v; of several (a parse that took a fronted phrase for a
 * subject), the one that names an actor. */
static int32_t subj_child(const sentview *sv, int32_t v) {
    const sv_tok *k = &sv->tk[v];
    int32_t first = -1;
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        if (!sv_is(sv, c, "nsubj")) continue;
        np_parts p;
        if (sv_np_parts(sv, c, &p) && p.actor) return c;
        if (first < 0) first = c;
    }
    return first;
}

int32_t gesta_coder_clause_subject(const sentview *sv, int32_t v) {
    for (int hop = 0; hop < 5 && v >= 0; hop++) {
        int32_t s = subj_child(sv, v);
        np_parts p;
        if (s >= 0 && sv_np_parts(sv, s, &p) && p.actor) return s;
        if (s >= 0 && sv->tk[s].t->upos != GESTA_UPOS_PRON) return -1;
        /* no subject, or a pronoun: the clause above speaks for it ("X said it
         * would ...", "X agreed to ...") */
        const char *r = sv->tk[v].rel;
        if (!STREQ(r, "xcomp") && !STREQ(r, "ccomp") && !STREQ(r, "conj") && !STREQ(r, "advcl") &&
            !STREQ(r, "parataxis") && !(s < 0 && (STREQ(r, "acl") && !STREQ(sv->tk[v].sub, "relcl"))))
            return -1;
        v = sv->tk[v].head;
    }
    return -1;
}

/* ---------- nouns ---------- */

static int prep_in(const sentview *sv, int32_t c, const char *list, char *which) {
    const sv_tok *k = &sv->tk[c];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t g = sv->kids[k->kid0 + j];
        if (!sv_is(sv, g, "case") || !sv->tk[g].t->norm) continue;
        const char *w = sv->tk[g].t->norm;
        size_t L = strlen(w);
        if (L == 0 || L > 12) continue;
        char key[16];
        key[0] = ' ';
        memcpy(key + 1, w, L);
        key[L + 1] = ' ';
        key[L + 2] = 0;
        if (strstr(list, key)) {
            if (which) { strncpy(which, w, 15); which[15] = 0; }
            return 1;
        }
    }
    return 0;
}

static int is_pron(const sentview *sv, int32_t t) { return sv->tk[t].t->upos == GESTA_UPOS_PRON; }

/* Light verbs: their object names the event, their subject does it. */
static int light_verb(const sentview *sv, int32_t v) {
    static const char *L[] = {"hold", "have", "conduct", "attend", "make", "launch", "carry", "stage", "begin",
                              "start", "continue", "resume", "conclude", "end", "wrap", "join", "plan", "propose",
                              "seek", "want", "announce", "order", "mount", "wage", "step", "intensify", "escalate",
                              "impose", "expand", "extend", "tighten", "schedule", "arrange", "request", "prepare",
                              "approve", "authorize", "authorise", "pay", "undertake", "open", "finish", "complete",
                              "renew", "unleash", "carry", "deliver", "send", "provide", "offer", "pledge", "give",
                              "levy", "introduce", "slap", "hit", "order", "issue", "lodge", "file", "express", "voice"};
    const char *lem = sv->tk[v].t->lemma;
    if (!lem) return 0;
    for (size_t i = 0; i < sizeof L / sizeof L[0]; i++)
        if (!strcmp(lem, L[i])) return 1;
    return 0;
}

static int verbish(const sentview *sv, int32_t i) {
    const gesta_tok *t = sv->tk[i].t;
    return t->upos == GESTA_UPOS_VERB || (t->xpos && t->xpos[0] == 'V' && t->xpos[1] == 'B' && t->upos != GESTA_UPOS_AUX);
}

/* The source the clause gives noun n, or -1: see the rules at the top. */
static int32_t clause_source(const sentview *sv, int32_t n, int poss_pron) {
    int32_t x = n;
    int adverbial = 0;
    for (int k = 0; k < 6; k++) {
        int32_t h = sv->tk[x].head;
        if (h < 0) return -1;
        const char *r = sv->tk[x].rel;
        if (STREQ(r, "nsubj") || STREQ(r, "csubj")) {
            /* the noun is what the clause is about — unless the verb has a second,
             * later subject that names an actor: a parse that took a fronted
             * adverbial ("Following talks with X, Y said") for a subject */
            const sv_tok *hk = &sv->tk[h];
            for (int32_t j = 0; j < hk->nkid; j++) {
                int32_t c = sv->kids[hk->kid0 + j];
                np_parts p;
                if (c > x && sv_is(sv, c, "nsubj") && verbish(sv, h) && !gesta_coder_negated(sv, h) &&
                    sv_np_parts(sv, c, &p) && p.actor)
                    return c;
            }
            return -1;
        }
        if (!(STREQ(r, "obj") || STREQ(r, "obl") || STREQ(r, "nmod") || STREQ(r, "conj") || STREQ(r, "appos") ||
              STREQ(r, "iobj") || (STREQ(r, "acl") && !STREQ(sv->tk[x].sub, "relcl")) || STREQ(r, "xcomp")))
            return -1;
        if (STREQ(r, "nmod") && STREQ(sv->tk[x].sub, "poss")) return -1;
        /* an adverbial of time or occasion ("after/during/at talks with X"), not
         * of topic ("spoke about the visit to X") */
        if ((STREQ(r, "obl") || STREQ(r, "acl")) &&
            (x != n || !STREQ(r, "obl") || sv_child(sv, x, "case") < 0 ||
             prep_in(sv, x, " after following during before at in on ahead upon since amid via ", NULL)))
            adverbial = 1;
        if (verbish(sv, h)) {
            if (gesta_coder_negated(sv, h)) return -1;
            if (!poss_pron && !adverbial && !light_verb(sv, h)) return -1;
            return gesta_coder_clause_subject(sv, h);
        }
        x = h;
    }
    return -1;
}

/* 1 when a verb above n already made an event between src and tgt that stands
 * for the noun's: a light verb's ("held talks with X", "made a call to X") or
 * one of the same family ("signed an agreement ... after talks"); a verb that
 * only reports the noun ("described his meeting with X as useful") does not. */
static int consumed(const gesta_doc *doc, const sentview *sv, uint32_t first, int32_t n, const char *src,
                    const char *tgt, const char *code) {
    for (uint32_t i = first; i < doc->nevent; i++) {
        const gesta_event *o = &doc->events[i];
        if (o->sentence != sv->sent || strcmp(o->source, src) || strcmp(o->target, tgt)) continue;
        int32_t v = o->verb_span.begin;
        if (v < 0 || v >= sv->n) continue;
        int same = code && o->code && !strncmp(o->code, code, 2);
        if (!same && !light_verb(sv, v)) continue;
        for (int32_t h = sv->tk[n].head, k = 0; h >= 0 && k < 12; h = sv->tk[h].head, k++)
            if (h == v) return 1;
    }
    return 0;
}

/* One past the last token of n's subtree. */
static int32_t subtree_end(const sentview *sv, int32_t n) {
    int32_t end = n + 1;
    const sv_tok *k = &sv->tk[n];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        if (c > n && !sv_is(sv, c, "punct") && !sv_is(sv, c, "acl") && !sv_is(sv, c, "conj")) {
            int32_t e = subtree_end(sv, c);
            if (e > end) end = e;
        }
    }
    return end;
}

/* The nmod/obl whose phrase (with its preposition) starts at token at, or -1. */
static int32_t phrase_at(const sentview *sv, int32_t at) {
    if (at >= sv->n || !sv_is(sv, at, "case")) return -1;
    int32_t c = sv->tk[at].head;
    if (c < 0 || !(sv_is(sv, c, "nmod") || sv_is(sv, c, "obl")) || STREQ(sv->tk[c].sub, "poss")) return -1;
    int32_t lo, hi;
    sv_np_span(sv, c, &lo, &hi);
    return lo == at ? c : -1;
}

static void code_noun(const gesta_engine *e, gesta_doc *doc, const sentview *sv, int32_t n, const noun_entry *ne,
                      uint32_t first) {
    if (gesta_coder_negated(sv, n) || gesta_coder_in_question(sv, n)) return;
    const verb_form *f = gesta_coder_verb_form(sv->d, ne->verb);
    if (!f) return;
    const char *code2 = NULL;
    gesta_evidence_ref vev;
    match_result m;
    const char *code = gesta_coder_form_code(sv, n, f, &code2, &vev, &m);
    if (!code && !code2) return;
    gesta_arena *a = doc->arena;
    np_code src[MAXA], tgt[MAXA], betw[MAXA];
    int ns = 0, nt = 0, nb = 0, poss_pron = 0;
    if (m.src >= 0) ns = gesta_coder_np_actors(sv, m.src, a, src, MAXA);
    if (m.tgt >= 0) nt = gesta_coder_np_actors(sv, m.tgt, a, tgt, MAXA);
    const sv_tok *k = &sv->tk[n];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        const char *r = sv->tk[c].rel;
        int poss = STREQ(r, "poss") || (STREQ(r, "nmod") && STREQ(sv->tk[c].sub, "poss"));
        if (poss || (c < n && (STREQ(r, "compound") || STREQ(r, "amod")))) {
            if (poss && is_pron(sv, c)) poss_pron = 1;
            else if (m.src < 0) ns += gesta_coder_np_actors(sv, c, a, src + ns, MAXA - ns);
            continue;
        }
        if (!STREQ(r, "nmod") && !STREQ(r, "obl")) continue;
        if (prep_in(sv, c, " between among ", NULL)) nb += gesta_coder_np_actors(sv, c, a, betw + nb, MAXA - nb);
        else if (m.src < 0 && prep_in(sv, c, " by ", NULL)) ns += gesta_coder_np_actors(sv, c, a, src + ns, MAXA - ns);
        else if (m.tgt < 0 && prep_in(sv, c, ne->tprep, NULL)) {
            nt += gesta_coder_np_actors(sv, c, a, tgt + nt, MAXA - nt);
            /* "the expulsion of X's diplomats by Y": a parse often hangs the agent's
             * "by" phrase on the object; it is still the noun's agent */
            const sv_tok *ck = &sv->tk[c];
            for (int32_t q = 0; q < ck->nkid && m.src < 0; q++) {
                int32_t g = sv->kids[ck->kid0 + q];
                if ((sv_is(sv, g, "nmod") || sv_is(sv, g, "obl")) && prep_in(sv, g, " by ", NULL))
                    ns += gesta_coder_np_actors(sv, g, a, src + ns, MAXA - ns);
            }
        }
        else if (m.src < 0 && prep_in(sv, c, ne->sprep, NULL)) ns += gesta_coder_np_actors(sv, c, a, src + ns, MAXA - ns);
    }
    if (sv->tk[n].head >= 0) {
        /* "After talks with X, Y said", "after a rocket attack by X on Y": a parse
         * often hangs the noun's phrases on a verb or noun above. Phrases that
         * follow the noun's own words without a gap, each starting where the last
         * ended, with one of the noun's prepositions, are the noun's. */
        int32_t hi = subtree_end(sv, n);
        for (int step = 0; step < 3; step++) {
            int32_t c = phrase_at(sv, hi);
            if (c < 0) break;
            if (prep_in(sv, c, " between among ", NULL)) {
                if (nb) break;
                nb = gesta_coder_np_actors(sv, c, a, betw, MAXA);
            } else if (prep_in(sv, c, " by ", NULL) || prep_in(sv, c, ne->sprep, NULL)) {
                if (ns || m.src >= 0) break;
                ns = gesta_coder_np_actors(sv, c, a, src, MAXA);
            } else if (prep_in(sv, c, ne->tprep, NULL)) {
                if (nt || m.tgt >= 0) break;
                nt = gesta_coder_np_actors(sv, c, a, tgt, MAXA);
            } else {
                break;
            }
            int32_t lo2, hi2;
            sv_np_span(sv, c, &lo2, &hi2);
            hi = hi2;
        }
    }
    if (!ns && nb >= 2 && !nt) {
        /* "talks between Moscow and Washington": each side acts on the other. A
         * verb pattern for "between" that codes mediation (045: "negotiated between
         * X and Y") does not fit the noun, whose sides are the two named, so the
         * noun then codes nothing. */
        if (code && !strncmp(code, "045", 3)) return;
        for (int i = 0; i < nb; i++)
            for (int j = 0; j < nb; j++)
                if (i != j && code) gesta_coder_emit_at(e, doc, sv, n, code, &betw[i], &betw[j], &vev, GESTA_EV_COMPOUND_SRC);
        return;
    }
    for (int i = 0; i < nb && nt < MAXA; i++) tgt[nt++] = betw[i];
    if (!ns) {
        int32_t s = clause_source(sv, n, poss_pron);
        if (s >= 0) ns = gesta_coder_np_actors(sv, s, a, src, MAXA);
    }
    if (!ns || !nt) return;
    uint32_t flags = (ns > 1 ? GESTA_EV_COMPOUND_SRC : 0) | (nt > 1 ? GESTA_EV_COMPOUND_TGT : 0);
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            if (consumed(doc, sv, first, n, src[i].code, tgt[j].code, code ? code : code2)) continue;
            if (code) gesta_coder_emit_at(e, doc, sv, n, code, &src[i], &tgt[j], &vev, flags);
            if (code2) gesta_coder_emit_at(e, doc, sv, n, code2, &tgt[j], &src[i], &vev, flags);
        }
}

void gesta_coder_extra(const gesta_engine *e, gesta_doc *doc, const sentview *sv, uint32_t first,
                       gesta_arena *scratch) {
    /* TABARI-dialect dictionaries carry TABARI's conventions, which code verbs
     * only (PETRARCH's unit tests expect no event from "during a visit to X") */
    for (int32_t n = 0; n < sv->n && sv->d->verb_dialect == 2; n++) {
        const noun_entry *ne = noun_entry_of(sv, n);
        if (ne) code_noun(e, doc, sv, n, ne, first);
    }
    gesta_coder_predicates(e, doc, sv, scratch);
}
