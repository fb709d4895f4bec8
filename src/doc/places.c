/*
 * Places: "in Sochi", "at Geneva", "near Kharkiv" → the gazetteer's entry, its
 * ISO alpha-3 country and coordinates, given to the events of that sentence.
 *
 * Which words: a capitalised name right after "in", "at", "near", "outside" or
 * "inside", longest match first (up to the gazetteer's longest name). Bare names
 * elsewhere are not places here: "Moscow said" is an actor (the coder's), not a
 * location.
 *
 * Which entry, when a name has several (Paris FR / Paris TX, Georgia the country
 * / the US state): each candidate scores
 *     log10(population + 10)            cities (states: minus 0.5; countries: 7.5;
 *                                       cities also known as "X City"/"X D.C.": plus 0.5)
 *   + 1.5  its country is that of a state or country the document names
 *          unambiguously ("in Texas", "in Russia")
 *   + 0.25 its country is that of a city the document names unambiguously
 *   + 1.0  (cities) its state is a state the document names
 *   + 0.25 its country is the country of one of the event's actors
 * and the highest wins (ties: the first, i.e. the gazetteer's order). So Paris is
 * Paris, France (6.3) even in a story about US actors (Paris TX: 4.4 + 0.25), and
 * Geneva is Geneva, Switzerland (5.3) in a story with American actors that also
 * mentions New York (Geneva, Illinois: 4.3 + 0.25 + 0.25), but Paris is Paris,
 * Texas when the story also says "in Texas" (4.4 + 1.5 + 1.0 + 0.25 = 7.2).
 * Georgia is the country (7.5) unless the story names a US state or the United
 * States (the state: 6.5 - 0.5 + 1.5 = 7.5, and it comes first).
 *
 * Which events (gesta_dl_attach): in a parsed sentence, the event whose verb the
 * place phrase hangs from; a place in the main clause goes to every event of the
 * sentence, one inside another clause to none. Unparsed: a sentence's only place
 * goes to all its events, several go to the nearest event verb before, else after.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "doc/dl.h"

static int cap_word(const char *form) {
    unsigned char c = (unsigned char)form[0];
    return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

static int connector(const char *norm) {
    static const char *const w[] = {"and", "of", "de", "del", "la", "le", "el", "al", "on", "upon", "-", "am", "an", "der"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (!strcmp(norm, w[i])) return 1;
    return 0;
}

static int place_prep(const char *norm) {
    return !strcmp(norm, "in") || !strcmp(norm, "at") || !strcmp(norm, "near") || !strcmp(norm, "outside") ||
           !strcmp(norm, "inside");
}

int gesta_dl_place_choose(const struct gesta_gazetteer *g, const uint32_t *cand, int n,
                          const char *const *actor_ctx, int nactor,
                          const char *const *region_ctx, int nregion,
                          const char *const *city_ctx, int ncity,
                          const char *const *state_ctx, int nstate) {
    int best = 0;
    double best_s = -1e9;
    for (int i = 0; i < n; i++) {
        const gesta_place *p = gesta_gazetteer_place(g, cand[i]);
        if (!p) continue;
        double s = p->kind == GESTA_PLACE_COUNTRY ? 7.5 : log10(p->population + 10.0);
        if (p->kind == GESTA_PLACE_STATE) s -= 0.5;
        if (p->big_city) s += 0.5; /* "New York", "Washington": the city over the state */
        for (int k = 0; k < nregion; k++)
            if (!strncmp(region_ctx[k], p->country, 3)) { s += 1.5; break; }
        for (int k = 0; k < ncity; k++)
            if (!strncmp(city_ctx[k], p->country, 3)) { s += 0.25; break; }
        if (p->kind == GESTA_PLACE_CITY && p->state[0])
            for (int k = 0; k < nstate; k++)
                if (!strcmp(state_ctx[k], p->state)) { s += 1.0; break; }
        for (int k = 0; k < nactor; k++)
            if (actor_ctx[k] && !strncmp(actor_ctx[k], p->country, 3)) { s += 0.25; break; }
        if (s > best_s + 1e-9) { best_s = s; best = i; }
    }
    return best;
}

typedef struct place_expr {
    uint32_t sent, prep, begin, end; /* sentence-relative: preposition, name [begin,end) */
    const uint32_t *cand;
    int ncand;
} place_expr;

/* The folded key of tokens [b,e) of a sentence, spaced as in the text. */
static int key_of(const gesta_doc *doc, const gesta_sent *s, uint32_t b, uint32_t e, char *out, size_t cap) {
    size_t n = 0;
    for (uint32_t k = b; k < e; k++) {
        const gesta_tok *t = &doc->toks[s->tok0 + k];
        const char *w = t->norm ? t->norm : t->form;
        size_t l = strlen(w);
        if (k > b && doc->toks[s->tok0 + k - 1].end < t->start) {
            if (n + 1 >= cap) return -1;
            out[n++] = ' ';
        }
        if (n + l >= cap) return -1;
        memcpy(out + n, w, l);
        n += l;
    }
    out[n] = '\0';
    return 0;
}

static int find_places(gesta_dl *dl, place_expr **out, uint32_t *nout) {
    gesta_doc *doc = dl->doc;
    uint32_t cap = 0, n = 0;
    place_expr *xs = NULL;
    int maxw = gesta_gazetteer_max_words(dl->gaz);
    if (maxw > 6) maxw = 6;
    for (uint32_t si = 0; si < doc->nsent; si++) {
        const gesta_sent *s = &doc->sents[si];
        if (s->kind != GESTA_UNIT_PROSE) continue;
        for (uint32_t k = 0; k + 1 < s->ntok; k++) {
            const gesta_tok *t = &doc->toks[s->tok0 + k];
            if (!t->norm || !place_prep(t->norm)) continue;
            uint32_t b = k + 1;
            /* "in the Netherlands": skip a determiner */
            if (doc->toks[s->tok0 + b].norm && !strcmp(doc->toks[s->tok0 + b].norm, "the") && b + 1 < s->ntok) b++;
            if (!cap_word(doc->toks[s->tok0 + b].form)) continue;
            for (int len = maxw; len >= 1; len--) {
                uint32_t e = b + (uint32_t)len;
                if (e > s->ntok) continue;
                int ok = 1;
                for (uint32_t j = b; j < e && ok; j++) {
                    const gesta_tok *u = &doc->toks[s->tok0 + j];
                    int edge = j == b || j == e - 1;
                    ok = cap_word(u->form) || (!edge && u->norm && connector(u->norm));
                }
                if (!ok) continue;
                char key[256];
                if (key_of(doc, s, b, e, key, sizeof key) < 0) continue;
                const uint32_t *cand;
                int nc = gesta_gazetteer_lookup(dl->gaz, key, &cand);
                if (nc <= 0) continue;
                if (n == cap) {
                    uint32_t ncap = cap ? cap * 2 : 16;
                    void *p = gesta_arena_grow(doc->arena, xs, n, ncap, sizeof *xs);
                    if (!p) return GESTA_ENOMEM;
                    xs = p;
                    cap = ncap;
                }
                xs[n++] = (place_expr){si, k, b, e, cand, nc};
                k = e - 1;
                break;
            }
        }
    }
    *out = xs;
    *nout = n;
    return GESTA_OK;
}

int gesta_dl_places(gesta_dl *dl) {
    gesta_doc *doc = dl->doc;
    if (!dl->gaz || doc->nevent == 0) return GESTA_OK;
    place_expr *xs;
    uint32_t nx;
    int rc = find_places(dl, &xs, &nx);
    if (rc < 0 || nx == 0) return rc;

    /* document context: countries and states of unambiguous places */
    const char *rctx[64], *cctx[64], *sctx[64];
    int nr = 0, ncc = 0, ns = 0;
    for (uint32_t i = 0; i < nx; i++) {
        const gesta_place *p0 = gesta_gazetteer_place(dl->gaz, xs[i].cand[0]);
        int one_country = 1;
        for (int c = 1; c < xs[i].ncand && one_country; c++)
            one_country = !strcmp(gesta_gazetteer_place(dl->gaz, xs[i].cand[c])->country, p0->country);
        /* "New York" (city and state) counts as a city: only names that are no
         * city at all ("Texas", "Russia") say where the story is */
        int any_city = 0;
        for (int c = 0; c < xs[i].ncand; c++)
            any_city |= gesta_gazetteer_place(dl->gaz, xs[i].cand[c])->kind == GESTA_PLACE_CITY;
        if (one_country && any_city && ncc < 64) cctx[ncc++] = p0->country;
        else if (one_country && nr < 64) rctx[nr++] = p0->country;
        for (int c = 0; c < xs[i].ncand && ns < 64; c++) {
            const gesta_place *p = gesta_gazetteer_place(dl->gaz, xs[i].cand[c]);
            if (p->kind == GESTA_PLACE_STATE) sctx[ns++] = p->name;
        }
    }

    for (uint32_t i = 0; i < nx; i++) {
        const place_expr *x = &xs[i];
        const gesta_sent *s = &doc->sents[x->sent];
        const char *actx[32];
        int na = 0;
        int places_here = 0; /* places are found in sentence order: count the neighbours */
        for (uint32_t j = i; j-- > 0 && xs[j].sent == x->sent;) places_here++;
        for (uint32_t j = i; j < nx && xs[j].sent == x->sent; j++) places_here++;
        for (uint32_t e = 0; e < doc->nevent && na < 30; e++) {
            const gesta_event *ev = &doc->events[e];
            if (ev->sentence != x->sent) continue;
            if (ev->source && strlen(ev->source) >= 3) actx[na++] = ev->source;
            if (ev->target && strlen(ev->target) >= 3) actx[na++] = ev->target;
        }
        int pick = gesta_dl_place_choose(dl->gaz, x->cand, x->ncand, actx, na, rctx, nr, cctx, ncc, sctx, ns);
        const gesta_place *p = gesta_gazetteer_place(dl->gaz, x->cand[pick]);
        if (!p || !isfinite(p->lat) || !isfinite(p->lon)) continue;

        /* parsed: the event whose verb the phrase hangs from; a main-clause place
         * ("At a news conference in Sochi, Putin said") goes to every event of the
         * sentence; one inside another clause ("the mission in Moscow, which ...")
         * to none. Unparsed: a sentence's only place goes to all its events, else
         * the nearest event verb before it, else after it. */
        int32_t verb = gesta_dl_attach(doc, x->sent, x->prep, x->end);
        if (verb == GESTA_DL_ATTACH_CLAUSE) continue;
        if (verb == GESTA_DL_ATTACH_MAIN) verb = -1;
        if (verb == GESTA_DL_ATTACH_UNPARSED) {
            verb = -1;
            if (places_here > 1) {
                int32_t before = -1, after = -1;
                for (uint32_t e = 0; e < doc->nevent; e++) {
                    const gesta_event *ev = &doc->events[e];
                    if (ev->sentence != x->sent || ev->verb_span.begin < 0) continue;
                    int32_t v = ev->verb_span.begin;
                    if (v < (int32_t)x->prep && v > before) before = v;
                    if (v >= (int32_t)x->end && (after < 0 || v < after)) after = v;
                }
                verb = before >= 0 ? before : after;
            }
        }
        (void)s;
        for (uint32_t e = 0; e < doc->nevent; e++) {
            gesta_event *ev = &doc->events[e];
            if (ev->sentence != x->sent || ev->has_place) continue;
            if (verb >= 0 && !(ev->verb_span.begin >= 0 && verb >= ev->verb_span.begin && verb < ev->verb_span.end))
                continue;
            ev->has_place = 1;
            ev->place_name = p->name;
            ev->place_country = p->country;
            ev->lat = p->lat;
            ev->lon = p->lon;
        }
    }
    return GESTA_OK;
}
