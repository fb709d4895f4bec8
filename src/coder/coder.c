/*
 * The event coder: for each prose sentence, every verb the verb dictionary
 * knows (by lemma or form) is matched against its patterns; the source comes
 * from the subject (or the passive "by" agent), the target from the object or
 * the phrase the pattern names; conjoined actors give one event per pair.
 * Negated verbs give nothing. Each event carries the dictionary lines that made it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder/sentview.h"
#include "coder/extra.h" /* event nouns, copulas, questions (REALTEXT helper) */

#define MAX_ACT 8

typedef struct actset {
    np_code a[MAX_ACT];
    int n;
    int passive;
} actset;

static int is_subj(const sentview *sv, int32_t c);

static int is_verbish(const sentview *sv, int32_t i) {
    const gesta_tok *t = sv->tk[i].t;
    if (t->upos == GESTA_UPOS_VERB) return 1;
    if (t->xpos && t->xpos[0] == 'V' && t->xpos[1] == 'B') return 1;
    return 0;
}

/* The verb form (dictionary entry) for token v, or NULL. */
static const verb_form *find_form(const sentview *sv, int32_t v) {
    const struct gesta_dicts *d = sv->d;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t w = pass ? sv->tk[v].nid : sv->tk[v].lid;
        if (w == NO_WORD || (pass && w == sv->tk[v].lid) || !dict_wflag(d, w, WF_VERB)) continue;
        uint64_t head;
        if (!gesta_strmap_get(d->verb_index, (const char *)&w, sizeof w, &head)) continue;
        const verb_form *plain = NULL;
        for (int32_t f = (int32_t)head; f >= 0; f = d->forms[f].next) {
            const verb_form *vf = &d->forms[f];
            int ok = 1;
            for (int k = 0; k < vf->nbefore && ok; k++) {
                int32_t t = v - vf->nbefore + k;
                ok = t >= 0 && sv_word(sv, t, vf->before[k]);
            }
            int32_t at = v + 1;
            for (int k = 0; k < vf->nafter && ok; k++) {
                /* particles may be a word or two away ("broke the talks down" is rare; allow one gap) */
                int found = 0;
                for (int32_t t = at; t < sv->n && t <= at + 1; t++)
                    if (sv_word(sv, t, vf->after[k])) { found = 1; at = t + 1; break; }
                ok = found;
            }
            if (!ok) continue;
            if (vf->nbefore || vf->nafter) return vf; /* multi-word beats single */
            if (!plain) plain = vf;
        }
        if (plain) return plain;
    }
    return NULL;
}

static int negated(const sentview *sv, int32_t v) {
    const sv_tok *k = &sv->tk[v];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        const char *r = sv->tk[c].rel;
        if (STREQ(r, "neg")) return 1;
        if (STREQ(r, "advmod") || STREQ(r, "aux") || STREQ(r, "part")) {
            const char *n = sv->tk[c].t->norm;
            if (n && (STREQ(n, "not") || STREQ(n, "n't") || STREQ(n, "never"))) return 1;
        }
    }
    return 0;
}

static void push(actset *s, const char *code, const np_parts *p, int32_t h) {
    if (!code || s->n >= MAX_ACT) return;
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->a[i].code, code)) return;
    np_code *c = &s->a[s->n++];
    c->code = code;
    c->head = h;
    c->span = p->span;
    c->ev = p->actor ? p->actor_ev : p->agent_ev;
}

/* Actors in an agent's prepositional modifiers ("officials in Arnor and Gondor"). */
static int pp_actors(const sentview *sv, int32_t h, const char **acts, int max) {
    int n = 0;
    const sv_tok *k = &sv->tk[h];
    for (int32_t j = 0; j < k->nkid && n < max; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        if (!sv_is(sv, c, "nmod") || STREQ(sv->tk[c].sub, "poss")) continue;
        np_parts p;
        if (sv_np_parts(sv, c, &p) && p.actor && !p.nagent) acts[n++] = p.actor;
        const sv_tok *ck = &sv->tk[c];
        for (int32_t q = 0; q < ck->nkid && n < max; q++) {
            int32_t cc = sv->kids[ck->kid0 + q];
            if (sv_is(sv, cc, "conj") && sv_np_parts(sv, cc, &p) && p.actor && !p.nagent) acts[n++] = p.actor;
        }
    }
    return n;
}

static int has_case(const sentview *sv, int32_t n, const char *word);

/* "Gunmen killed twelve villagers in central Mali": when the parser attaches the
 * place phrase to the verb rather than to its object, an object agent without a
 * country of its own takes the country of the verb's "in" phrase after it, as
 * "villagers in Mali" would give it. */
static int verb_place_actors(const sentview *sv, int32_t h, const char **acts, int max) {
    if (!sv_is(sv, h, "obj") || sv->tk[h].head < 0) return 0;
    const sv_tok *v = &sv->tk[sv->tk[h].head];
    int n = 0;
    for (int32_t j = 0; j < v->nkid && n < max; j++) {
        int32_t c = sv->kids[v->kid0 + j];
        if (c <= h || !sv_is(sv, c, "obl") || !has_case(sv, c, "in")) continue;
        np_parts p;
        if (sv_np_parts(sv, c, &p) && p.actor && !p.nagent) acts[n++] = p.actor;
    }
    return n;
}

/* Adds the actor(s) of NP head h and of its conjuncts. An agent without its own
 * actor takes the actors of its "in/of X" phrase, else those of the conjunct it
 * follows ("Danish media and government" → DNKMED, DNKGOV). */
static void add_np_inh(const sentview *sv, int32_t h, gesta_arena *a, actset *s, const char **inh, int ninh,
                       int depth) {
    if (h < 0 || depth > 8) return;
    np_parts p;
    const char *acts[MAX_ACT];
    int nacts = 0;
    int p_found = sv_np_parts(sv, h, &p);
    if (p_found) {
        if (p.actor && sv->d->verb_dialect != 2 && strchr(p.actor, '/')) {
            /* TABARI's "FRO/BIL/SAM": one actor per code */
            const char *q = p.actor;
            while (*q && nacts < MAX_ACT) {
                const char *sl = strchr(q, '/');
                size_t L = sl ? (size_t)(sl - q) : strlen(q);
                const char *one = gesta_arena_strndup(a, q, L);
                if (one) {
                    push(s, np_compose(&p, one, a), &p, h);
                    acts[nacts++] = one;
                }
                q = sl ? sl + 1 : q + L;
            }
        } else if (p.actor) {
            push(s, np_compose(&p, p.actor, a), &p, h);
            acts[nacts++] = p.actor;
            /* "Eriadori and Calenardhon leaders": conjoined modifiers share the noun */
            const sv_tok *hk = &sv->tk[h];
            for (int32_t j = 0; j < hk->nkid; j++) {
                int32_t c = sv->kids[hk->kid0 + j];
                if (!sv_is(sv, c, "compound") && !sv_is(sv, c, "amod")) continue;
                const sv_tok *ck = &sv->tk[c];
                for (int32_t q = 0; q < ck->nkid && nacts < MAX_ACT; q++) {
                    int32_t cc = sv->kids[ck->kid0 + q];
                    np_parts cp;
                    if (sv_is(sv, cc, "conj") && sv_np_parts(sv, cc, &cp) && cp.actor && !cp.nagent) {
                        push(s, np_compose(&p, cp.actor, a), &p, h);
                        acts[nacts++] = cp.actor;
                    }
                }
            }
            if (p.nagent) {
                /* "the ambassadors of Arnor, Osgiliath and Gondor": one per country */
                const char *more[MAX_ACT];
                int nm = pp_actors(sv, h, more, MAX_ACT);
                int inside = 0;
                for (int i = 0; i < nm; i++) inside |= more[i] == p.actor || STREQ(more[i], p.actor);
                if (inside)
                    for (int i = 0; i < nm && nacts < MAX_ACT; i++) {
                        push(s, np_compose(&p, more[i], a), &p, h);
                        acts[nacts++] = more[i];
                    }
            }
        } else {
            nacts = pp_actors(sv, h, acts, MAX_ACT);
            if (!nacts) for (int i = 0; i < ninh && nacts < MAX_ACT; i++) acts[nacts++] = inh[i];
            if (!nacts) nacts = verb_place_actors(sv, h, acts, MAX_ACT);
            if (nacts) for (int i = 0; i < nacts; i++) push(s, np_compose(&p, acts[i], a), &p, h);
            else push(s, np_compose(&p, NULL, a), &p, h);
        }
    }
    const sv_tok *k = &sv->tk[h];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t cj = sv->kids[k->kid0 + j];
        if (sv_is(sv, cj, "conj")) add_np_inh(sv, cj, a, s, nacts ? acts : inh, nacts ? nacts : ninh, depth + 1);
        /* "old foes Gondor and Osgiliath", "Mordor, the awful Arnor, and Gondor": an
         * apposition names (more) actors */
        else if (sv_is(sv, cj, "appos")) add_np_inh(sv, cj, a, s, inh, ninh, depth + 1);
    }
}

static void add_np(const sentview *sv, int32_t h, gesta_arena *a, actset *s) { add_np_inh(sv, h, a, s, NULL, 0, 0); }

static int is_subj(const sentview *sv, int32_t c) { return sv_is(sv, c, "nsubj") || sv_is(sv, c, "nsubjpass"); }
static int is_pass_subj(const sentview *sv, int32_t c) {
    return sv_is(sv, c, "nsubjpass") || (sv_is(sv, c, "nsubj") && STREQ(sv->tk[c].sub, "pass"));
}

static int has_case(const sentview *sv, int32_t n, const char *word) {
    const sv_tok *k = &sv->tk[n];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        if (sv_is(sv, c, "case") && sv->tk[c].t->norm && !strcmp(sv->tk[c].t->norm, word)) return 1;
    }
    return 0;
}

/* The subject of v (climbing through xcomp/conj/ccomp/advcl), and whether it is passive. */
/* subject_of's answer when the verb has a subject that is known to name no
 * actor (a relative pronoun for an event noun): unlike -1, no fallback guess. */
#define SUBJ_NONE (-2)

static int32_t subject_of(const sentview *sv, int32_t v, int *passive, int32_t *agent, int dialect) {
    *passive = 0;
    *agent = -1;
    for (int hop = 0; hop < 4 && v >= 0; hop++) {
        const sv_tok *k = &sv->tk[v];
        int32_t subj = -1;
        for (int32_t j = 0; j < k->nkid; j++) {
            int32_t c = sv->kids[k->kid0 + j];
            /* several subjects (a split name): the one nearest the verb */
            if (is_subj(sv, c) && subj < 0) subj = c;
            if ((sv_is(sv, c, "obl") || sv_is(sv, c, "nmod")) && (has_case(sv, c, "by") || STREQ(sv->tk[c].sub, "agent")))
                if (hop == 0) *agent = c;
            if (hop == 0 && *agent < 0 && sv_is(sv, c, "advmod")) {
                /* "opposed earlier by X": the by-phrase hangs from the adverb */
                const sv_tok *ak = &sv->tk[c];
                for (int32_t q = 0; q < ak->nkid; q++) {
                    int32_t g = sv->kids[ak->kid0 + q];
                    if ((sv_is(sv, g, "obl") || sv_is(sv, g, "nmod")) && has_case(sv, g, "by")) *agent = g;
                }
            }
        }
        if (subj >= 0 && hop == 0 && dialect == 2 && STREQ(k->rel, "acl") && k->head >= 0 && sv->tk[subj].t->xpos &&
            (STREQ(sv->tk[subj].t->xpos, "WDT") || STREQ(sv->tk[subj].t->xpos, "WP"))) {
            /* "the expulsion ..., which led to the closure": a relative pronoun
             * stands for the noun the clause modifies. A name is the subject; a
             * common noun (an event, a thing) is no actor, and no guess is made
             * from the nearest name before the verb. */
            int32_t ante = k->head;
            return sv->tk[ante].t->upos == GESTA_UPOS_PROPN ? ante : SUBJ_NONE;
        }
        if (subj >= 0 && sv->tk[subj].t->upos == GESTA_UPOS_PRON && k->head >= 0 && hop < 3) {
            /* "Ethiopia indicated it would act": a pronoun stands for the subject above */
            np_parts tmp;
            if (!sv_np_parts(sv, subj, &tmp)) {
                if (hop == 0 && is_pass_subj(sv, subj)) *passive = 1;
                v = k->head;
                continue;
            }
        }
        if (subj >= 0) {
            if (hop == 0 && is_pass_subj(sv, subj)) *passive = 1;
            return subj;
        }
        if (hop == 0 && dialect == 2 && *agent >= 0 && sv->tk[v].t->xpos && STREQ(sv->tk[v].t->xpos, "VBN")) {
            /* a reduced passive ("Gondor, attacked by Arnor") */
            *passive = 1;
            return sv->tk[v].head;
        }
        const char *r = k->rel;
        if (STREQ(r, "acl") && sv->tk[v].head >= 0) return sv->tk[v].head;
        if (!STREQ(r, "xcomp") && !STREQ(r, "conj") && !STREQ(r, "ccomp") && !STREQ(r, "advcl") && !STREQ(r, "parataxis"))
            return -1;
        v = k->head;
    }
    return -1;
}

/* 1 when t is in v's subtree, within a few levels. */
static int under_verb(const sentview *sv, int32_t t, int32_t v) {
    int32_t h = sv->tk[t].head;
    for (int depth = 0; h >= 0 && depth < 6; depth++) {
        if (h == v) return 1;
        h = sv->tk[h].head;
    }
    return 0;
}

/* 1 when t may give a target of v in the PETRARCH-2 dialect: not inside an
 * adverbial or coordinated clause, and in a complement clause only as its subject
 * ("noted that X regretted"). */
static int clause_ok(const sentview *sv, int32_t t, int32_t v) {
    int32_t prev = -1;
    for (int32_t x = t, k = 0; x >= 0 && x != v && k < 64; prev = x, x = sv->tk[x].head, k++) {
        const char *r = sv->tk[x].rel;
        /* the subject of another predicate is that predicate's, not v's */
        if (is_subj(sv, x) && sv->tk[x].head != v && !sv_is(sv, sv->tk[x].head, "ccomp")) return 0;
        if (STREQ(r, "ccomp")) {
            if (prev < 0 || !is_subj(sv, prev)) return 0;
        } else if (STREQ(r, "advcl") || STREQ(r, "xcomp")) {
            /* "after X was reported" does not reach X; "vowed to wage war on X" leaves X
             * to "wage" when the dictionary codes that verb (PETRARCH-2 codes the lower
             * verb and folds the upper one into it) */
            int32_t mk = sv_child(sv, x, "mark");
            if (STREQ(r, "advcl") && mk >= 0 && (!sv->tk[mk].t->norm || !STREQ(sv->tk[mk].t->norm, "to"))) return 0;
            if (is_verbish(sv, x) && find_form(sv, x)) return 0;
        } else if (STREQ(r, "parataxis") || STREQ(r, "csubj") || (STREQ(r, "conj") && is_verbish(sv, x))) {
            return 0;
        }
    }
    return 1;
}

/* 1 when t sits in a clause below v (ccomp, xcomp, advcl, acl, parataxis, conj verb). */
static int in_clause(const sentview *sv, int32_t t, int32_t v) {
    for (int32_t x = t, k = 0; x >= 0 && x != v && k < 64; x = sv->tk[x].head, k++) {
        const char *r = sv->tk[x].rel;
        if (STREQ(r, "ccomp") || STREQ(r, "xcomp") || STREQ(r, "advcl") || STREQ(r, "acl") ||
            STREQ(r, "parataxis") || STREQ(r, "csubj") || (STREQ(r, "conj") && is_verbish(sv, x)))
            return 1;
    }
    return 0;
}

static const verb_block *block_of(const struct gesta_dicts *d, const verb_form *f) { return &d->blocks[f->block]; }

/* "Putin agreed with Russia to meet": a state's official acting on his own state
 * is no interaction between two actors. In news mode (the document layer on)
 * such self-directed events are dropped (same country, one side the bare
 * country), except statements (01x: "Putin said Russia will ..." is a statement
 * about Russia, as CAMEO codes it). The PETRARCH suites (news mode off) keep
 * PETRARCH's behaviour. */
int gesta_codes_self_directed(const char *a, const char *b) {
    if (!a || !b || strlen(a) < 3 || strlen(b) < 3 || strncmp(a, b, 3)) return 0;
    if (!strncmp(a, "IGO", 3) || !strncmp(a, "NGO", 3) || !strncmp(a, "---", 3)) return 0;
    return strlen(a) == 3 || strlen(b) == 3;
}

/* Appends the event unless the sentence already has the same triple. */
static void add_event(const gesta_engine *e, gesta_doc *doc, const sentview *sv, int32_t v, const char *code,
                      const np_code *src, const np_code *tgt, const gesta_evidence_ref *vev, uint32_t flags) {
    for (uint32_t i = 0; i < doc->nevent; i++) {
        const gesta_event *o = &doc->events[i];
        if (o->sentence == sv->sent && !strcmp(o->code, code) && !strcmp(o->source, src->code) &&
            !strcmp(o->target, tgt->code))
            return;
    }
    gesta_event *ev = gesta_doc_add_event(doc);
    if (!ev) return;
    ev->sentence = sv->sent;
    memcpy(ev->date, doc->date, sizeof ev->date);
    ev->date_source = "document";
    ev->source = src->code;
    ev->target = tgt->code;
    ev->code = code;
    gesta_code_info ci;
    if (gesta_ontology_event(e->ontology, code, &ci)) {
        ev->root_code = ci.root;
        ev->goldstein = ci.goldstein;
        ev->quad_class = ci.quad_class;
        ev->plover = ci.plover;
        ev->plover_mode = ci.plover_mode;
    } else {
        ev->root_code = "";
        ev->plover = ev->plover_mode = "";
    }
    ev->src_span = src->span;
    ev->tgt_span = tgt->span;
    ev->verb_span.begin = v;
    ev->verb_span.end = v + 1;
    ev->verb_ev = *vev;
    ev->src_ev = src->ev;
    ev->tgt_ev = tgt->ev;
    ev->flags = flags;
    ev->dup_of = -1;
}

static void emit(const gesta_engine *e, gesta_doc *doc, const sentview *sv, int32_t v, const char *code,
                 const np_code *src, const np_code *tgt, const gesta_evidence_ref *vev, uint32_t flags) {
    if (e->opts.document_layer && strncmp(code, "01", 2) && gesta_codes_self_directed(src->code, tgt->code)) return;
    add_event(e, doc, sv, v, code, src, tgt, vev, flags);
}

/* extra.h: events of nouns and predicates (nominal.c, predicate.c) need both
 * actors, and never code an actor acting on itself. */
void gesta_coder_emit_at(const gesta_engine *e, gesta_doc *doc, const sentview *sv, int32_t v, const char *code,
                         const np_code *src, const np_code *tgt, const gesta_evidence_ref *vev, uint32_t flags) {
    if (!code || !*code || !src->code || !tgt->code || STREQ(src->code, tgt->code)) return;
    emit(e, doc, sv, v, code, src, tgt, vev, flags);
}

/* The code a verb has in this sentence (pattern, its own, or its block's), or NULL. */
static const char *verb_code(const sentview *sv, int32_t v) {
    if (v < 0 || !is_verbish(sv, v)) return NULL;
    const verb_form *f = find_form(sv, v);
    if (!f) return NULL;
    const verb_block *b = &sv->d->blocks[f->block];
    match_result m;
    match_verb(sv, v, b, &m);
    const char *c = m.pat ? m.pat->code : f->code ? f->code : b->code;
    return c && *c ? c : NULL;
}

/*
 * Intent and threat verbs over a verb of action: CAMEO's "express intent to ..."
 * (03) and "threaten ..." (13) codes for the action's family. Returns the
 * combined code (static), or NULL when there is none.
 */
static const char *combine(const sentview *sv, int32_t upper, const char *lower) {
    const char *uc = verb_code(sv, upper);
    if (!uc || !(STREQ(uc, "030") || STREQ(uc, "130") || STREQ(uc, "13") || STREQ(uc, "03"))) return NULL;
    int intent = uc[1] == '3' && uc[0] == '0';
    static const struct { const char *lower, *intent, *threat; } table[] = {
        {"04", "036", NULL},  {"05", "032", NULL},  {"061", "0311", NULL}, {"062", "0312", NULL},
        {"063", "0313", NULL}, {"064", "0314", NULL}, {"06", "031", NULL},  {"071", "0331", NULL},
        {"072", "0332", NULL}, {"073", "0333", NULL}, {"074", "0334", NULL}, {"07", "033", NULL},
        {"081", "0351", NULL}, {"082", "0352", NULL}, {"083", "034", NULL},  {"084", "0353", NULL},
        {"085", "0354", NULL}, {"086", "0355", NULL}, {"087", "0356", NULL}, {"08", "035", NULL},
        {"16", "131", "131"}, {"17", "137", "137"}, {"18", "138", "138"}, {"19", "138", "138"},
        {"20", "138", "138"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        size_t L = strlen(table[i].lower);
        if (strncmp(lower, table[i].lower, L)) continue;
        return intent ? table[i].intent : table[i].threat;
    }
    return NULL;
}


/* 1 when only commas and conjunctions stand between the phrases of a and b. */
static int list_gap(const sentview *sv, int32_t a, int32_t b) {
    int32_t la, ha, lb, hb;
    sv_np_span(sv, a, &la, &ha);
    sv_np_span(sv, b, &lb, &hb);
    int32_t from = ha <= lb ? ha : hb, to = ha <= lb ? lb : la;
    if (from >= to) return 0;
    for (int32_t t = from; t < to; t++) {
        const gesta_tok *k = sv->tk[t].t;
        if (k->upos == GESTA_UPOS_CCONJ) continue;
        if (k->upos == GESTA_UPOS_PUNCT && k->norm && STREQ(k->norm, ",")) continue;
        /* the conjuncts of a's list sit between too */
        if (sv_is(sv, t, "conj") || sv_is(sv, t, "cc") || sv_is(sv, t, "punct")) continue;
        int32_t h = sv_np_head(sv, t);
        if (h != t && sv_is(sv, h, "conj")) continue;
        return 0;
    }
    return 1;
}

/* A parse may split one name into two subjects of the verb ("Bree | Prime Minister
 * Romendacil"): when another subject's phrase starts right where this one ends,
 * the two are coded as one phrase. Returns 1 when it added the source. */
static int split_subject(const sentview *sv, int32_t subj, gesta_arena *a, actset *src) {
    if (subj < 0 || sv->tk[subj].head < 0) return 0;
    const sv_tok *hv = &sv->tk[sv->tk[subj].head];
    int32_t lo1, hi1;
    sv_np_span(sv, subj, &lo1, &hi1);
    for (int32_t j = 0; j < hv->nkid; j++) {
        int32_t c = sv->kids[hv->kid0 + j];
        if (c == subj || !is_subj(sv, c)) continue;
        int32_t lo2, hi2;
        sv_np_span(sv, c, &lo2, &hi2);
        if (lo2 != hi1) continue;
        np_parts p;
        if (!sv_np_parts_from(sv, c, lo1, &p)) return 0;
        push(src, np_compose(&p, p.actor, a), &p, c);
        return 1;
    }
    return 0;
}

/* What one verb says: its code(s), the dictionary line, its sources and targets. */
typedef struct verb_an {
    const char *code, *code2;
    gesta_evidence_ref vev;
    actset src, tgt;
    int passive, compound;
    uint32_t flags;
    const verb_form *f;
    int32_t subj, obj;      /* the verb's subject and object tokens, -1 (for anaphora) */
} verb_an;

/* Analyses verb v. Returns 1 when it has a code (sources and targets may still be
 * missing), 0 when it codes nothing. */
static int analyze(const sentview *sv, int32_t v, gesta_arena *a, verb_an *out) {
    const struct gesta_dicts *d = sv->d;
    memset(out, 0, sizeof *out);
    const verb_form *f = find_form(sv, v);
    if (!f) return 0;
    const verb_block *b = block_of(d, f);
    match_result m;
    match_verb(sv, v, b, &m);
    /* a negated verb codes only through a pattern that spells out the words
     * before it ("- &NEGATVAUXVRB * OVER EFFORTS") */
    if (negated(sv, v) && !(m.pat && m.pat->npre)) return 0;
    const char *code, *code2;
    gesta_evidence_ref vev;
    if (m.pat) {
        code = m.pat->code;
        code2 = m.pat->code2;
        vev = m.pat->ev;
    } else if (f->code) {
        code = f->code;
        code2 = f->code2;
        vev = f->ev;
    } else {
        code = b->code;
        code2 = b->code2;
        vev = f->ev;
    }
    if ((!code || !*code) && (!code2 || !*code2)) return 0;
    uint32_t combo_flag = 0;
    if (code && *code && sv_is(sv, v, "xcomp")) {
        /* "agreed to meet", "threatened to attack": the upper verb's intent folds
         * into this verb's code (PETRARCH-2's code combination) */
        const char *cc = combine(sv, sv->tk[v].head, code);
        if (cc) {
            code = cc;
            code2 = NULL;
            combo_flag = GESTA_EV_COMBINED;
        }
    }
    if (code && *code && !combo_flag && gesta_coder_upper_combine(sv, v, &code, &code2)) combo_flag = GESTA_EV_COMBINED; /* upper.c */
    actset *src = &out->src, *tgt = &out->tgt;
    int passive = 0;
    int32_t agent = -1;
    int32_t subj = subject_of(sv, v, &passive, &agent, d->verb_dialect);
    /* TABARI-dialect coding knows a passive only by its "by" phrase */
    if (passive && agent < 0 && d->verb_dialect != 2) passive = 0;
    if (m.src >= 0) add_np(sv, m.src, a, src);
    else if (passive) add_np(sv, agent, a, src);
    else if (!split_subject(sv, subj, a, src)) {
        add_np(sv, subj, a, src);
        /* "Mordor, Rohan, Fornost and Bree welcomed": a parse that made two subjects
         * of one list; every subject before the verb is a source */
        if (subj >= 0 && sv->tk[subj].head >= 0) {
            int32_t hv = sv->tk[subj].head;
            const sv_tok *hk = &sv->tk[hv];
            for (int32_t j = 0; j < hk->nkid; j++) {
                int32_t c = sv->kids[hk->kid0 + j];
                if (c != subj && c < hv && is_subj(sv, c) && list_gap(sv, subj, c)) add_np(sv, c, a, src);
            }
        }
    }
    if (subj == -1 && m.src < 0 && !passive) {
        /* no subject reachable through the tree (a parse that hung the clause off a
         * noun or an adposition): the nearest actor before the verb, as TABARI did */
        for (int32_t t = v - 1; t >= 0 && !src->n; t--) {
            int u = sv->tk[t].t->upos;
            if (u != GESTA_UPOS_PROPN && u != GESTA_UPOS_NOUN) continue;
            int32_t h = sv_np_head(sv, t);
            if (h > v) continue;
            add_np(sv, h, a, src);
        }
    }
    if (m.tgt >= 0 && m.src < 0 && !passive && subj >= 0 && sv_np_head(sv, subj) == m.tgt) {
        /* "- NOTED + * [115]": the pattern made the subject the target, so the
         * source is the subject of the clause above */
        src->n = 0;
        int p2;
        int32_t a2;
        int32_t up = sv->tk[v].head >= 0 ? subject_of(sv, sv->tk[v].head, &p2, &a2, d->verb_dialect) : -1;
        add_np(sv, up, a, src);
    }
    if (m.tgt >= 0) add_np(sv, m.tgt, a, tgt);
    else if (passive) add_np(sv, subj, a, tgt);
    if (!tgt->n) {
        int32_t o = sv_child(sv, v, "obj");
        if (o < 0) o = sv_child(sv, v, "iobj");
        add_np(sv, o, a, tgt);
    }
    if (!tgt->n) {
        /* the first actor among the verb's other dependents, in sentence order;
         * TABARI-dialect dictionaries take the first actor after the verb, the
         * PETRARCH-2 dialect stays out of other clauses */
        for (int32_t t = v + 1; t < sv->n && !tgt->n; t++) {
            int32_t h = sv->tk[t].head;
            int depth = 0;
            while (h >= 0 && h != v && depth++ < 6) h = sv->tk[h].head;
            if (h != v || t == agent) continue;
            if (d->verb_dialect == 2 && !clause_ok(sv, t, v)) continue;
            int u = sv->tk[t].t->upos;
            if (u != GESTA_UPOS_PROPN && u != GESTA_UPOS_NOUN) continue;
            add_np(sv, sv_np_head(sv, t), a, tgt);
        }
    }
    if (passive && !src->n) {
        /* a passive without "by": the other actor among the verb's dependents */
        for (int32_t t = 0; t < sv->n && !src->n; t++) {
            if (t == v || !under_verb(sv, t, v) || in_clause(sv, t, v)) continue;
            int u = sv->tk[t].t->upos;
            if (u != GESTA_UPOS_PROPN && u != GESTA_UPOS_NOUN) continue;
            int32_t h = sv_np_head(sv, t);
            int clash = 0;
            for (int j = 0; j < tgt->n; j++) clash |= tgt->a[j].head == h;
            if (!clash) add_np(sv, h, a, src);
        }
    }
    out->code = code;
    out->code2 = code2;
    out->vev = vev;
    out->passive = passive;
    out->compound = m.compound;
    out->flags = combo_flag;
    out->f = f;
    out->subj = passive ? -1 : subj;
    out->obj = sv_child(sv, v, "obj");
    return 1;
}

/* A pronoun ("he", "they", "it", "we") or a definite description that no
 * dictionary codes ("the alliance", "the two sides"): the document layer
 * resolves it to an earlier actor (src/doc/coref.c). */
static int anaphoric(const sentview *sv, int32_t t) {
    if (t < 0) return 0;
    const gesta_tok *k = sv->tk[t].t;
    if (k->upos == GESTA_UPOS_PRON) {
        static const char *const pro[] = {"he", "she", "they", "it", "we", "him", "her", "them", "us", "i", NULL};
        for (int i = 0; pro[i]; i++)
            if (k->norm && STREQ(k->norm, pro[i])) return 1;
        return 0;
    }
    if (k->upos != GESTA_UPOS_NOUN) return 0;
    int32_t d = sv_child(sv, t, "det");
    if (d < 0 || !sv->tk[d].t->norm || !STREQ(sv->tk[d].t->norm, "the")) return 0;
    /* only descriptions of actors: an agent noun ("the president") or a word
     * for a state, an organisation or a party to talks */
    np_parts p;
    if (sv_np_parts(sv, t, &p) && p.nagent && !p.actor) return 1;
    static const char *const org[] = {"alliance", "bloc", "side", "sides", "country", "countries", "union",
                                      "organisation", "organization", "group", "coalition", "kremlin", NULL};
    for (int i = 0; org[i]; i++)
        if (k->norm && STREQ(k->norm, org[i])) return 1;
    return 0;
}

static void unresolved_agents(const sentview *sv, actset *s) {
    for (int i = 0; i < s->n; i++) {
        np_code *c = &s->a[i];
        if (!c->code || strncmp(c->code, "---", 3) || c->head < 0) continue;
        int32_t d = sv_child(sv, c->head, "det");
        if (d >= 0 && sv->tk[d].t->norm && STREQ(sv->tk[d].t->norm, "the")) c->code = "";
    }
}

/* The event with its anaphoric side left empty for the document layer, with the
 * span on the words it must resolve. Returns the number emitted. */
static int emit_anaphoric(const gesta_engine *e, gesta_doc *doc, const sentview *sv, int32_t v, const verb_an *an) {
    if (!e->opts.document_layer || (!an->src.n && !an->tgt.n)) return 0;
    np_code hole = {"", -1, {-1, -1}, {NULL, 0, NULL}};
    const actset *src = &an->src, *tgt = &an->tgt;
    int32_t t = !src->n ? an->subj : an->obj;
    if (!anaphoric(sv, t)) return 0;
    int32_t lo, hi;
    sv_np_span(sv, t, &lo, &hi);
    hole.head = t;
    hole.span.begin = lo;
    hole.span.end = hi;
    const char *code = an->code && *an->code ? an->code : an->code2;
    if (!code || !*code) return 0;
    uint32_t n0 = doc->nevent;
    const actset *known = src->n ? src : tgt;
    for (int i = 0; i < known->n; i++) {
        if (known->a[i].head == t) continue;
        if (src->n) emit(e, doc, sv, v, code, &known->a[i], &hole, &an->vev, an->flags);
        else emit(e, doc, sv, v, code, &hole, &known->a[i], &an->vev, an->flags);
    }
    return (int)(doc->nevent - n0);
}

/* 1 when verb form f belongs to the block of the verb called name ("ATTACK"). */
static int verb_named(const struct gesta_dicts *d, const verb_form *f, const char *name) {
    char low[64];
    size_t n = strlen(name);
    if (!f || n >= sizeof low) return 0;
    for (size_t i = 0; i <= n; i++) low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    uint32_t w = dict_word_find(d, low, n);
    uint64_t head;
    if (w == NO_WORD || !gesta_strmap_get(d->verb_index, (const char *)&w, sizeof w, &head)) return 0;
    for (int32_t k = (int32_t)head; k >= 0; k = d->forms[k].next)
        if (d->forms[k].block == f->block) return 1;
    return 0;
}

/* Binds a transformation variable to an actor: letters name actors, '.' any actor,
 * '_' none. Returns 0 when the binding contradicts an earlier one. */
typedef struct tbind { char var[4]; const np_code *who[4]; int n; } tbind;

static int bind(tbind *b, char var, const actset *s) {
    if (var == '_') return s->n == 0;
    if (s->n == 0) return 0;
    if (var == '.') return 1;
    for (int i = 0; i < b->n; i++)
        if (b->var[i] == var) return STREQ(b->who[i]->code, s->a[0].code);
    for (int i = 0; i < b->n; i++)
        if (STREQ(b->who[i]->code, s->a[0].code)) return 0; /* another letter: another actor */
    if (b->n == 4) return 0;
    b->var[b->n] = var;
    b->who[b->n++] = &s->a[0];
    return 1;
}

static const np_code *bound(const tbind *b, char var) {
    for (int i = 0; i < b->n; i++)
        if (b->var[i] == var) return b->who[i];
    return NULL;
}

/*
 * Transformations ("~ a (a b ATTACK) SAY = a b 138"): when verb u is the upper
 * verb of a rule and a complement clause below it is the lower one, the rule's
 * event replaces both. Returns 1 when one fired.
 */
static int apply_transform(const gesta_engine *e, gesta_doc *doc, const sentview *sv, int32_t u, const verb_an *ua) {
    const struct gesta_dicts *d = sv->d;
    if (!d->ntrans || !ua->src.n) return 0;
    const sv_tok *k = &sv->tk[u];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t l = sv->kids[k->kid0 + j];
        if (!(sv_is(sv, l, "ccomp") || sv_is(sv, l, "xcomp")) || !is_verbish(sv, l)) continue;
        verb_an la;
        if (!analyze(sv, l, doc->arena, &la) || !la.code || !*la.code) continue;
        for (uint32_t t = 0; t < d->ntrans; t++) {
            const transform *x = &d->trans[t];
            if (!verb_named(d, ua->f, x->ucode)) continue;
            if (!STREQ(x->lcode, "Q") && !verb_named(d, la.f, x->lcode)) continue;
            tbind b = {{0}, {0}, 0};
            if (!bind(&b, x->usrc, &ua->src) || !bind(&b, x->lsrc, &la.src) || !bind(&b, x->ltgt, &la.tgt)) continue;
            const np_code *rs = bound(&b, x->rsrc), *rt = bound(&b, x->rtgt);
            if (!rs || !rt) continue;
            const char *code = STREQ(x->rcode, "Q") ? la.code : x->rcode;
            uint32_t n0 = doc->nevent;
            emit(e, doc, sv, l, code, rs, rt, &x->ev, GESTA_EV_TRANSFORMED);
            if (doc->nevent > n0) return 1;
        }
    }
    return 0;
}

static int code_sentence(const gesta_engine *e, gesta_doc *doc, uint32_t s, int *story_out, gesta_arena *scratch) {
    const struct gesta_dicts *d = e->dicts;
    sentview sv;
    int rc = sv_build(&sv, d, doc, s, scratch);
    if (rc < 0) return rc;
    int story = 0;
    uint32_t first = doc->nevent;
    if (sv_discarded(&sv, &story)) {
        if (story) *story_out = 1;
        return 0;
    }
    /* Verbs are coded from the top of the tree down; a verb under one that made
     * an event is not coded again (its clause was that event's object), the way
     * TABARI consumed the rest of a clause. */
    int32_t *order = gesta_arena_alloc(scratch, (size_t)(sv.n + 1) * sizeof *order);
    uint8_t *fired = gesta_arena_calloc(scratch, (size_t)sv.n + 1, 1);
    int32_t *depth = gesta_arena_alloc(scratch, (size_t)(sv.n + 1) * sizeof *depth);
    if (!order || !fired || !depth) return GESTA_ENOMEM;
    int32_t nord = 0, maxd = 0;
    for (int32_t i = 0; i < sv.n; i++) {
        int32_t dd = 0;
        for (int32_t h = sv.tk[i].head; h >= 0 && dd < sv.n; h = sv.tk[h].head) dd++;
        depth[i] = dd;
        if (dd > maxd) maxd = dd;
    }
    for (int32_t dd = 0; dd <= maxd; dd++)
        for (int32_t i = 0; i < sv.n; i++)
            if (depth[i] == dd) order[nord++] = i;
    for (int32_t oi = 0; oi < nord; oi++) {
        int32_t v = order[oi];
        if (!is_verbish(&sv, v)) continue;
        if (gesta_coder_in_question(&sv, v)) continue; /* question.c: no fact stated */
        /* coordinated verbs ("condemned ... and promised ...") are events of their own */
        int above = 0;
        int32_t x = v;
        for (int k = 0; x >= 0 && k < sv.n; k++) {
            int32_t h = sv.tk[x].head;
            if (h < 0) break;
            if (!sv_is(&sv, x, "conj")) above |= fired[h] & 1;
            x = h;
        }
        if (above) continue;
        uint32_t nev0 = doc->nevent;
        verb_an an;
        if (!analyze(&sv, v, doc->arena, &an)) continue;
        if (apply_transform(e, doc, &sv, v, &an)) {
            fired[v] = 1;
            continue;
        }
        const char *code = an.code, *code2 = an.code2;
        const gesta_evidence_ref vev = an.vev;
        actset src = an.src, tgt = an.tgt;
        if (e->opts.document_layer) {
            /* "the two presidents met": an agent with no country ("---GOV") in a
             * definite description is someone the story already named; leave the
             * code empty for the document layer to resolve (or drop). */
            unresolved_agents(&sv, &src);
            unresolved_agents(&sv, &tgt);
        }
        int passive = an.passive;
        uint32_t combo_flag = an.flags;
        match_result m;
        m.compound = an.compound;
        if (src.n >= 2 && (!tgt.n || m.compound)) {
            /* "Gondor and Osgiliath renewed ties": conjoined sources act on each other */
            for (int i = 0; i < src.n; i++)
                for (int j = 0; j < src.n; j++)
                    if (i != j) emit(e, doc, &sv, v, code && *code ? code : code2, &src.a[i], &src.a[j], &vev,
                                     GESTA_EV_COMPOUND_SRC);
            if (doc->nevent > nev0) fired[v] = 1;
            continue;
        }
        if (!src.n || !tgt.n) {
            if (emit_anaphoric(e, doc, &sv, v, &an)) fired[v] = 1;
            else if (doc->no_dyad && d->verb_dialect != 2 && (src.n || tgt.n) && ((code && *code) || (code2 && *code2))) {
                /* PETRARCH's require_dyad = false: the missing side is "---". Only
                 * with PETRARCH-1/TABARI-dialect verb dictionaries: UniversalPetrarch
                 * (PETRARCH-2 patterns) codes no one-sided statements under the
                 * same option in its validation suite. */
                np_code none = {"---", -1, {-1, -1}, {NULL, 0, NULL}};
                const actset *known = src.n ? &src : &tgt;
                for (int i = 0; i < known->n; i++) {
                    const np_code *s1 = src.n ? &known->a[i] : &none, *t1 = src.n ? &none : &known->a[i];
                    if (code && *code) emit(e, doc, &sv, v, code, s1, t1, &vev, an.flags);
                    else emit(e, doc, &sv, v, code2, t1, s1, &vev, an.flags);
                }
                /* a one-sided event does not take its clause's events away */
                if (doc->nevent > nev0) fired[v] = 2;
            }
            continue;
        }
        uint32_t flags = (passive ? GESTA_EV_PASSIVE : 0) | combo_flag;
        if (src.n > 1) flags |= GESTA_EV_COMPOUND_SRC;
        if (tgt.n > 1) flags |= GESTA_EV_COMPOUND_TGT;
        for (int i = 0; i < src.n; i++)
            for (int j = 0; j < tgt.n; j++) {
                if (src.a[i].head == tgt.a[j].head) continue;
                if (code && *code) emit(e, doc, &sv, v, code, &src.a[i], &tgt.a[j], &vev, flags);
                if (code2 && *code2) emit(e, doc, &sv, v, code2, &tgt.a[j], &src.a[i], &vev, flags);
            }
        if (doc->nevent > nev0) {
            /* A statement ("officials said that A met B") does not consume its
             * clause: what was said happened is an event of its own. In the
             * PETRARCH dialects (validation suites) the clause stays consumed,
             * as TABARI and PETRARCH code it. */
            int statement = e->opts.document_layer;
            for (uint32_t k = nev0; k < doc->nevent && statement; k++)
                statement = doc->events[k].code && !strncmp(doc->events[k].code, "01", 2);
            fired[v] = statement ? 2 : 1;
        }
    }
    gesta_coder_extra(e, doc, &sv, first, scratch); /* nominal.c, predicate.c */
    if (doc->nevent > first && d->nissue) {
        const char *iss = sv_issues(&sv, doc->arena);
        for (uint32_t i = first; i < doc->nevent; i++) doc->events[i].issues = iss;
    }
    return 0;
}

int gesta_coder_run(const gesta_engine *engine, gesta_doc *doc) {
    if (!engine->dicts) return GESTA_OK;
    int story = 0;
    uint32_t first_event = doc->nevent;
    /* per-sentence working memory, reused; only events and their codes go to the doc */
    gesta_arena *scratch = gesta_arena_new();
    if (!scratch) return GESTA_ENOMEM;
    for (uint32_t s = 0; s < doc->nsent && !story; s++) {
        const gesta_sent *st = &doc->sents[s];
        if (st->kind != GESTA_UNIT_PROSE || !st->parsed || !st->ntok) continue;
        gesta_arena_reset(scratch);
        int rc = code_sentence(engine, doc, s, &story, scratch);
        if (rc < 0) { gesta_arena_free(scratch); return rc; }
    }
    gesta_arena_free(scratch);
    if (story) doc->nevent = first_event; /* a story discard drops everything */
    return GESTA_OK;
}
