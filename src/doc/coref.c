/*
 * Coreference: who "he", "it", "they", "the alliance", "the two sides" are.
 *
 * One pass over the document in reading order:
 *   1. every noun phrase the coder's lookup codes is a mention, with a kind
 *      (person / organisation / country / unknown) and a number, read from its
 *      words: role nouns ("president"), organisation nouns ("alliance"),
 *      country nouns, capitalised names (a gazetteer country or large city is
 *      a country by metonymy, "Moscow said"; an acronym is an organisation;
 *      another name is a person); conjoined mentions ("Putin and Biden") also
 *      make one plural mention;
 *   2. every pronoun, and every definite description the lookup could not code
 *      ("the president", "the alliance", "the two sides"), is an anaphor and
 *      takes the codes of an earlier compatible mention: searching back sentence
 *      by sentence (at most GESTA_COREF_WINDOW sentences, default 4), in the
 *      nearest sentence that has a compatible mention, a subject mention wins,
 *      else the closest one. A resolved anaphor is itself a mention, so chains
 *      ("Putin ... He ... he") carry.
 *   3. events whose source or target span is such an anaphor, with that side
 *      empty, get the resolved code and GESTA_EV_COREF_SRC/_TGT. A plural
 *      antecedent with several codes gives one event per code (flagged
 *      compound, as the coder does for conjoined actors). An event whose anaphor
 *      side stays unresolved is removed (the coder would not have coded it
 *      without an actor) unless GESTA_COREF_KEEP=1.
 */
#include <string.h>

#include "coder/coder.h"
#include "doc/dl.h"

/* ---------- tree helpers (exported in dl.h) ---------- */

static const gesta_tok *tok_at(const gesta_doc *doc, uint32_t sent, uint32_t k) {
    return &doc->toks[doc->sents[sent].tok0 + k];
}

static int deprel_is(const gesta_tok *t, const char *prefix) {
    return t->deprel && !strncmp(t->deprel, prefix, strlen(prefix));
}

uint32_t gesta_dl_span_head(const gesta_doc *doc, uint32_t sent, uint32_t b, uint32_t e) {
    if (e <= b + 1) return b;
    for (uint32_t k = b; k < e; k++) {
        int32_t h = tok_at(doc, sent, k)->head;
        if (h < 0) continue;
        if (h == 0 || (uint32_t)h - 1 < b || (uint32_t)h - 1 >= e) return k;
    }
    /* no parse: the last noun-like token */
    for (uint32_t k = e; k-- > b;) {
        uint8_t u = tok_at(doc, sent, k)->upos;
        if (u == GESTA_UPOS_NOUN || u == GESTA_UPOS_PROPN || u == GESTA_UPOS_PRON) return k;
    }
    return e - 1;
}

void gesta_dl_np_extent(const gesta_doc *doc, uint32_t sent, uint32_t head, uint32_t *b, uint32_t *e) {
    const gesta_sent *s = &doc->sents[sent];
    uint32_t lo = head, hi = head + 1;
    int parsed = tok_at(doc, sent, head)->head >= 0;
    while (lo > 0) {
        const gesta_tok *t = tok_at(doc, sent, lo - 1);
        int in;
        if (parsed) {
            in = t->head > 0 && (uint32_t)t->head - 1 >= lo && (uint32_t)t->head - 1 <= head &&
                 (deprel_is(t, "det") || deprel_is(t, "amod") || deprel_is(t, "compound") || deprel_is(t, "flat") ||
                  deprel_is(t, "nummod") || deprel_is(t, "nmod:poss"));
        } else {
            in = t->upos == GESTA_UPOS_DET || t->upos == GESTA_UPOS_ADJ || t->upos == GESTA_UPOS_NOUN ||
                 t->upos == GESTA_UPOS_PROPN || t->upos == GESTA_UPOS_NUM;
        }
        if (!in) break;
        lo--;
    }
    while (hi < s->ntok) {
        const gesta_tok *t = tok_at(doc, sent, hi);
        int in = parsed ? (t->head == (int32_t)head + 1 && deprel_is(t, "flat"))
                        : (t->upos == GESTA_UPOS_PROPN && tok_at(doc, sent, head)->upos == GESTA_UPOS_PROPN);
        if (!in) break;
        hi++;
    }
    *b = lo;
    *e = hi;
}

int32_t gesta_dl_subject_of(const gesta_doc *doc, uint32_t sent, uint32_t verb) {
    const gesta_sent *s = &doc->sents[sent];
    for (uint32_t k = 0; k < s->ntok; k++) {
        const gesta_tok *t = tok_at(doc, sent, k);
        if (t->head == (int32_t)verb + 1 && deprel_is(t, "nsubj")) return (int32_t)k;
    }
    /* no parse: the nearest noun phrase head before the verb */
    if (tok_at(doc, sent, verb)->head < 0)
        for (uint32_t k = verb; k-- > 0;) {
            uint8_t u = tok_at(doc, sent, k)->upos;
            if (u == GESTA_UPOS_PROPN || u == GESTA_UPOS_PRON || u == GESTA_UPOS_NOUN) return (int32_t)k;
            if (u == GESTA_UPOS_PUNCT || u == GESTA_UPOS_VERB) break;
        }
    return -1;
}

static int event_verb(const gesta_doc *doc, uint32_t si, int32_t k) {
    for (uint32_t i = 0; i < doc->nevent; i++) {
        const gesta_event *ev = &doc->events[i];
        if (ev->sentence == si && ev->verb_span.begin >= 0 && k >= ev->verb_span.begin && k < ev->verb_span.end) return 1;
    }
    return 0;
}

int32_t gesta_dl_attach(const gesta_doc *doc, uint32_t si, uint32_t b, uint32_t e) {
    const gesta_sent *s = &doc->sents[si];
    int32_t g = -1;
    for (uint32_t k = b; k < e && k < s->ntok; k++) {
        int32_t h = tok_at(doc, si, k)->head;
        if (h < 0) return GESTA_DL_ATTACH_UNPARSED;
        if (h == 0) return event_verb(doc, si, (int32_t)k) ? (int32_t)k : GESTA_DL_ATTACH_MAIN;
        if ((uint32_t)h - 1 < b || (uint32_t)h - 1 >= e) { g = h - 1; break; }
    }
    if (g < 0) return GESTA_DL_ATTACH_UNPARSED;
    for (uint32_t hop = 0; hop <= s->ntok; hop++) {
        if (event_verb(doc, si, g)) return g;
        const gesta_tok *t = tok_at(doc, si, (uint32_t)g);
        if (t->head == 0) return GESTA_DL_ATTACH_MAIN;
        if (t->head < 0) return GESTA_DL_ATTACH_UNPARSED;
        if (deprel_is(t, "acl") || deprel_is(t, "advcl") || deprel_is(t, "ccomp") || deprel_is(t, "xcomp") ||
            deprel_is(t, "csubj") || deprel_is(t, "parataxis") ||
            (deprel_is(t, "conj") && (t->upos == GESTA_UPOS_VERB || t->upos == GESTA_UPOS_AUX)))
            return GESTA_DL_ATTACH_CLAUSE;
        g = t->head - 1;
    }
    return GESTA_DL_ATTACH_CLAUSE; /* a cycle */
}

int gesta_dl_codes_at(const gesta_dl *dl, uint32_t sent, uint32_t head, const char *const **codes) {
    if (!dl->tok_ment || sent >= dl->doc->nsent) return 0;
    int32_t m = dl->tok_ment[dl->doc->sents[sent].tok0 + head];
    if (m < 0) return 0;
    *codes = dl->ment[m].codes;
    return dl->ment[m].ncode;
}

/* ---------- mentions ---------- */

static int add_mention(gesta_dl *dl, const gesta_dl_mention *m) {
    if (dl->nment == dl->ment_cap) {
        uint32_t nc = dl->ment_cap ? dl->ment_cap * 2 : 32;
        void *p = gesta_arena_grow(dl->doc->arena, dl->ment, dl->nment, nc, sizeof *dl->ment);
        if (!p) return -1;
        dl->ment = p;
        dl->ment_cap = nc;
    }
    dl->ment[dl->nment] = *m;
    return (int)dl->nment++;
}

static int is_plural(const gesta_tok *t) {
    if (t->xpos && (!strcmp(t->xpos, "NNS") || !strcmp(t->xpos, "NNPS"))) return 1;
    if (t->feats && strstr(t->feats, "Number=Plur")) return 1;
    return 0;
}

static int acronym(const char *form) {
    int n = 0;
    for (const char *p = form; *p; p++, n++)
        if (!(*p >= 'A' && *p <= 'Z')) return 0;
    return n >= 2;
}

static int capitalised(const char *form) {
    unsigned char c = (unsigned char)form[0];
    return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

/* Is the name [b,e) a country or a big city (metonymy for a government)? */
static int place_name(const gesta_dl *dl, uint32_t sent, uint32_t b, uint32_t e) {
    const gesta_doc *doc = dl->doc;
    char key[256];
    size_t n = 0;
    for (uint32_t k = b; k < e; k++) {
        const gesta_tok *t = tok_at(doc, sent, k);
        if (t->upos == GESTA_UPOS_DET) continue;
        const char *w = t->norm ? t->norm : t->form;
        size_t l = strlen(w);
        if (n + l + 2 >= sizeof key) return 0;
        if (n) key[n++] = ' ';
        memcpy(key + n, w, l);
        n += l;
    }
    key[n] = '\0';
    if (e == b + 1 && gesta_dl_demonym(key) && capitalised(tok_at(doc, sent, b)->form) &&
        tok_at(doc, sent, b)->upos != GESTA_UPOS_ADJ)
        return 1; /* "Russia", "US", "Britain" even without a gazetteer */
    const uint32_t *cand;
    int nc = gesta_gazetteer_lookup(dl->gaz, key, &cand);
    for (int i = 0; i < nc; i++) {
        const gesta_place *p = gesta_gazetteer_place(dl->gaz, cand[i]);
        if (p->kind == GESTA_PLACE_COUNTRY || (p->kind == GESTA_PLACE_CITY && p->population >= 300000)) return 1;
    }
    return 0;
}

static void classify(const gesta_dl *dl, gesta_dl_mention *m) {
    const gesta_doc *doc = dl->doc;
    const gesta_tok *h = tok_at(doc, m->sent, m->head);
    const char *w = h->norm ? h->norm : "";
    m->plural = (uint8_t)is_plural(h);
    if (gesta_dl_person_noun(w)) { m->kind = GESTA_DL_PERSON; return; }
    if (gesta_dl_org_noun(w)) { m->kind = GESTA_DL_ORG; return; }
    if (gesta_dl_country_noun(w)) { m->kind = GESTA_DL_COUNTRY; return; }
    if (h->upos == GESTA_UPOS_PROPN || (h->upos == GESTA_UPOS_NONE && capitalised(h->form))) {
        uint32_t b = m->head, e = m->head + 1;
        while (b > m->begin && tok_at(doc, m->sent, b - 1)->upos == GESTA_UPOS_PROPN) b--;
        while (e < m->end && tok_at(doc, m->sent, e)->upos == GESTA_UPOS_PROPN) e++;
        if (place_name(dl, m->sent, b, e)) { m->kind = GESTA_DL_COUNTRY; return; }
        for (uint32_t k = b; k < e; k++) {
            const gesta_tok *t = tok_at(doc, m->sent, k);
            if (gesta_dl_org_noun(t->norm ? t->norm : "")) { m->kind = GESTA_DL_ORG; return; }
        }
        if (acronym(h->form)) { m->kind = GESTA_DL_ORG; return; }
        m->kind = GESTA_DL_PERSON;
        m->plural = 0;
        return;
    }
    m->kind = GESTA_DL_UNKNOWN;
}

/* An anaphor's wants: kind (0 = any of person/org for "they"), plural. */
typedef struct want {
    int kind;      /* GESTA_DL_*; GESTA_DL_ORG for "it" also accepts COUNTRY */
    int plural;    /* 1: plural wanted (an ORG also fits "they") */
    int strict;    /* descriptions: "the alliance" wants an organisation, not a country */
} want;

static int fits(const want *w, const gesta_dl_mention *m) {
    if (m->ncode == 0) return 0;
    if (w->plural) {
        if (!m->plural) return !w->strict && (m->kind == GESTA_DL_ORG || m->kind == GESTA_DL_COUNTRY);
        return !w->strict || !w->kind || m->kind == w->kind; /* "the two presidents" want persons */
    }
    if (m->plural) return 0;
    if (w->kind == GESTA_DL_ORG && !w->strict) return m->kind == GESTA_DL_ORG || m->kind == GESTA_DL_COUNTRY;
    return m->kind == w->kind;
}

/* Is head token k of sentence si an anaphor? Fills what it wants. */
static int anaphor(const gesta_dl *dl, uint32_t si, uint32_t k, want *w, uint32_t *b, uint32_t *e) {
    const gesta_doc *doc = dl->doc;
    const gesta_tok *t = tok_at(doc, si, k);
    const char *n = t->norm ? t->norm : "";
    *b = k;
    *e = k + 1;
    int p = gesta_dl_pronoun(n);
    if (p) {
        w->kind = p > 0 ? p : 0;
        w->plural = p < 0;
        w->strict = 0;
        return 1;
    }
    if (t->upos != GESTA_UPOS_NOUN && !(t->upos == GESTA_UPOS_NONE && !capitalised(t->form))) return 0;
    int kind = gesta_dl_person_noun(n) ? GESTA_DL_PERSON : gesta_dl_org_noun(n) ? GESTA_DL_ORG
             : gesta_dl_country_noun(n) ? GESTA_DL_COUNTRY : 0;
    int sides = !strcmp(n, "sides") || !strcmp(n, "parties");
    if (!strcmp(n, "countries") || !strcmp(n, "nations")) kind = GESTA_DL_COUNTRY;
    if (!kind && !sides) return 0;
    gesta_dl_np_extent(doc, si, k, b, e);
    int definite = 0, two = 0;
    for (uint32_t j = *b; j < k; j++) {
        const char *x = tok_at(doc, si, j)->norm;
        if (!x) continue;
        if (!strcmp(x, "the") || !strcmp(x, "this") || !strcmp(x, "that") || !strcmp(x, "these") || !strcmp(x, "those"))
            definite = 1;
        if (!strcmp(x, "both") || !strcmp(x, "two")) two = definite = 1;
    }
    if (!definite) return 0;
    w->plural = two || sides || is_plural(t) ||
                (n[0] && n[strlen(n) - 1] == 's' && (kind == GESTA_DL_PERSON || kind == GESTA_DL_COUNTRY));
    w->kind = sides ? 0 : kind;
    w->strict = 1;
    return 1;
}

static int32_t resolve(const gesta_dl *dl, uint32_t si, uint32_t k, const want *w) {
    /* Mentions are appended sentence by sentence, so walking back from the end
     * meets the sentences in reverse order: stop at the first sentence (searching
     * back from si, at most the window) that has a compatible mention. */
    uint32_t window = (uint32_t)dl->cfg.coref_window, cur = UINT32_MAX;
    int32_t best = -1, best_subj = -1;
    for (uint32_t i = dl->nment; i-- > 0;) {
        const gesta_dl_mention *m = &dl->ment[i];
        if (m->sent != cur) {
            if (best_subj >= 0) return best_subj;
            if (best >= 0) return best;
            cur = m->sent;
            if (cur > si || si - cur > window) break;
        }
        if (m->sent == si && m->end > k) continue;
        if (!fits(w, m)) continue;
        if (best < 0) best = (int32_t)i;
        if (m->subject && best_subj < 0) best_subj = (int32_t)i;
    }
    return best_subj >= 0 ? best_subj : best;
}

/* ---------- the pass ---------- */

static int fill_side(gesta_dl *dl, uint32_t ei, int target, int *drop) {
    gesta_doc *doc = dl->doc;
    gesta_event *ev = &doc->events[ei];
    gesta_span sp = target ? ev->tgt_span : ev->src_span;
    const char *cur = target ? ev->target : ev->source;
    if (sp.begin < 0 || (cur && *cur) || ev->sentence >= doc->nsent) return 0;
    uint32_t ntok = doc->sents[ev->sentence].ntok;
    if ((uint32_t)sp.end > ntok || sp.begin >= sp.end) return 0;
    uint32_t h = gesta_dl_span_head(doc, ev->sentence, (uint32_t)sp.begin, (uint32_t)sp.end);
    int32_t mi = dl->tok_ment[doc->sents[ev->sentence].tok0 + h];
    want w;
    uint32_t b, e;
    if (mi < 0 || !dl->ment[mi].anaphor) {
        /* a pronoun or description we could not resolve: the event has no actor there */
        if (anaphor(dl, ev->sentence, h, &w, &b, &e)) *drop = 1;
        return 0;
    }
    const gesta_dl_mention *m = &dl->ment[mi];
    if (m->ncode == 0) { *drop = 1; return 0; }
    uint32_t bit = target ? GESTA_EV_COREF_TGT : GESTA_EV_COREF_SRC;
    uint32_t comp = target ? GESTA_EV_COMPOUND_TGT : GESTA_EV_COMPOUND_SRC;
    if (target) ev->target = m->codes[0];
    else ev->source = m->codes[0];
    ev->flags |= bit;
    if (m->ncode > 1) ev->flags |= comp;
    for (int c = 1; c < m->ncode; c++) {
        gesta_event *copy = gesta_doc_add_event(doc);
        if (!copy) return -1;
        *copy = doc->events[ei]; /* re-read: adding may have moved the array */
        if (target) copy->target = m->codes[c];
        else copy->source = m->codes[c];
    }
    return 0;
}

int gesta_dl_coref(gesta_dl *dl) {
    gesta_doc *doc = dl->doc;
    dl->tok_ment = gesta_arena_alloc(doc->arena, (doc->ntok + 1) * sizeof *dl->tok_ment);
    if (!dl->tok_ment) return GESTA_ENOMEM;
    for (uint32_t i = 0; i < doc->ntok; i++) dl->tok_ment[i] = -1;

    for (uint32_t si = 0; si < doc->nsent; si++) {
        const gesta_sent *s = &doc->sents[si];
        if (s->kind != GESTA_UNIT_PROSE) continue;
        uint32_t first = dl->nment;
        for (uint32_t k = 0; k < s->ntok; k++) {
            const gesta_tok *t = tok_at(doc, si, k);
            int nounish = t->upos == GESTA_UPOS_NOUN || t->upos == GESTA_UPOS_PROPN || t->upos == GESTA_UPOS_PRON ||
                          (t->upos == GESTA_UPOS_NONE && t->norm && *t->norm);
            if (!nounish) continue;
            if (t->head >= 0 && (deprel_is(t, "compound") || deprel_is(t, "flat") || deprel_is(t, "amod") ||
                                 deprel_is(t, "nmod:desc")))
                continue; /* parts of a longer name or title, not a mention of their own */
            if (t->head < 0 && k + 1 < s->ntok && t->upos != GESTA_UPOS_PRON) {
                /* no parse: only the last word of a noun run heads it */
                uint8_t u = tok_at(doc, si, k + 1)->upos;
                if (u == GESTA_UPOS_NOUN || u == GESTA_UPOS_PROPN) continue;
            }
            gesta_dl_mention m;
            memset(&m, 0, sizeof m);
            m.sent = si;
            m.head = k;
            m.antecedent = -1;
            /* unparsed: English puts the subject first, so the sentence's first mention is it */
            m.subject = (uint8_t)(t->head < 0 ? dl->nment == first : deprel_is(t, "nsubj"));
            want w;
            const char *code = NULL;
            gesta_evidence_ref ref;
            memset(&ref, 0, sizeof ref);
            /* a bare agent ("---GOV" for "the president") names no actor: it may be a description */
            if (t->upos != GESTA_UPOS_PRON && dl->np_code(dl->user, doc, si, k, doc->date, &code, &ref) && code && *code &&
                strncmp(code, "---", 3) != 0) {
                gesta_dl_np_extent(doc, si, k, &m.begin, &m.end);
                m.codes[0] = code;
                m.ncode = 1;
                classify(dl, &m);
            } else if (anaphor(dl, si, k, &w, &m.begin, &m.end)) {
                int32_t a = resolve(dl, si, k, &w);
                if (a < 0) continue;
                const gesta_dl_mention *ant = &dl->ment[a];
                m.anaphor = 1;
                m.antecedent = a;
                m.kind = ant->kind;
                m.plural = ant->plural;
                m.ncode = ant->ncode;
                memcpy(m.codes, ant->codes, sizeof m.codes);
            } else {
                continue;
            }
            int id = add_mention(dl, &m);
            if (id < 0) return GESTA_ENOMEM;
            dl->tok_ment[s->tok0 + k] = id;
        }
        /* conjoined mentions: "Putin and Biden", "he and Biden" → one plural mention */
        uint32_t last = dl->nment;
        for (uint32_t i = first; i < last; i++) {
            gesta_dl_mention pl = dl->ment[i];
            if (pl.ncode == 0) continue;
            int grew = 0;
            for (uint32_t j = first; j < last; j++) {
                const gesta_dl_mention *c = &dl->ment[j];
                const gesta_tok *ct = tok_at(doc, si, c->head);
                if (j == i || ct->head != (int32_t)pl.head + 1 || !ct->deprel || strcmp(ct->deprel, "conj")) continue;
                /* "A and B": a coordinating conjunction between them, attached to B */
                int cc = 0;
                for (uint32_t x = pl.head + 1; x < c->head && !cc; x++) {
                    const gesta_tok *xt = tok_at(doc, si, x);
                    cc = xt->upos == GESTA_UPOS_CCONJ && xt->head == (int32_t)c->head + 1;
                }
                if (!cc) continue;
                for (int x = 0; x < c->ncode && pl.ncode < GESTA_DL_MAX_CODES; x++) {
                    int dup = 0;
                    for (int y = 0; y < pl.ncode; y++) dup |= !strcmp(pl.codes[y], c->codes[x]);
                    if (!dup) pl.codes[pl.ncode++] = c->codes[x];
                }
                if (c->end > pl.end) pl.end = c->end;
                grew = 1;
            }
            if (!grew) continue;
            pl.plural = 1;
            pl.anaphor = 0;
            if (add_mention(dl, &pl) < 0) return GESTA_ENOMEM;
        }
    }

    /* fill events whose actor was a pronoun or description; copies made for plural
     * antecedents are appended and visited too (their other side may be pending) */
    const uint32_t DROP = 1u << 31;
    for (uint32_t i = 0; i < doc->nevent; i++) {
        int d = 0;
        if (fill_side(dl, i, 0, &d) < 0 || fill_side(dl, i, 1, &d) < 0) return GESTA_ENOMEM;
        if (d && !dl->cfg.keep_unresolved) doc->events[i].flags |= DROP;
        /* a resolved side can make the event self-directed ("He agreed with Russia
         * to ...", Putin): dropped, as the coder drops its own (statements stay) */
        const gesta_event *ev = &doc->events[i];
        if ((ev->flags & (GESTA_EV_COREF_SRC | GESTA_EV_COREF_TGT)) && ev->code && strncmp(ev->code, "01", 2) &&
            gesta_codes_self_directed(ev->source, ev->target))
            doc->events[i].flags |= DROP;
    }
    uint32_t wr = 0;
    for (uint32_t r = 0; r < doc->nevent; r++) {
        if (doc->events[r].flags & DROP) continue;
        if (wr != r) doc->events[wr] = doc->events[r];
        wr++;
    }
    doc->nevent = wr;
    return GESTA_OK;
}
