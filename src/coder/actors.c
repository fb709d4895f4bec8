/*
 * Sentence views and noun-phrase coding: actors, agents joined to actors
 * ("Gondor police" → GON + COP), and date-restricted actor codes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder/sentview.h"

int32_t date_to_int(const char *ymd) {
    if (!ymd || strlen(ymd) < 10) return 0;
    return atoi(ymd) * 10000 + atoi(ymd + 5) * 100 + atoi(ymd + 8);
}

static uint32_t lookup(const struct gesta_dicts *d, const char *s) {
    if (!s) return NO_WORD;
    return dict_word_find(d, s, strlen(s));
}

int sv_build(sentview *sv, const struct gesta_dicts *d, const gesta_doc *doc, uint32_t s, gesta_arena *a) {
    const gesta_sent *st = &doc->sents[s];
    sv->d = d;
    sv->doc = doc;
    sv->sent = s;
    sv->n = (int32_t)st->ntok;
    sv->date = date_to_int(doc->date);
    sv->tk = gesta_arena_calloc(a, st->ntok + 1, sizeof *sv->tk);
    sv->kids = gesta_arena_calloc(a, st->ntok + 1, sizeof *sv->kids);
    if (!sv->tk || !sv->kids) return GESTA_ENOMEM;
    for (int32_t i = 0; i < sv->n; i++) {
        sv_tok *k = &sv->tk[i];
        k->t = &doc->toks[st->tok0 + (uint32_t)i];
        k->nid = lookup(d, k->t->norm);
        k->lid = NO_WORD;
        const char *lem = k->t->lemma;
        if (lem && k->t->norm && !strcmp(lem, k->t->norm)) {
            k->lid = k->nid;
        } else if (lem) {
            /* lemmas from given parses may keep capitals: look the lower-case form up */
            char low[128];
            size_t L = strlen(lem);
            if (L < sizeof low) {
                for (size_t j = 0; j <= L; j++) {
                    char c = lem[j];
                    low[j] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                }
                k->lid = dict_word_find(d, low, L);
            }
        }
        int32_t h = k->t->head;
        k->head = (h >= 1 && h <= sv->n && h - 1 != i) ? h - 1 : -1;
        const char *rel = k->t->deprel ? k->t->deprel : "";
        const char *colon = strchr(rel, ':');
        if (colon) {
            k->rel = gesta_arena_strndup(a, rel, (size_t)(colon - rel));
            k->sub = colon + 1;
        } else {
            k->rel = rel;
            k->sub = "";
        }
        if (!k->rel) return GESTA_ENOMEM;
        /* UD v1 names → v2 */
        if (STREQ(k->rel, "dobj")) k->rel = "obj";
        else if (STREQ(k->rel, "nmod") && k->head >= 0) {
            int hu = sv->n ? 0 : 0;
            (void)hu;
        }
    }
    sv->npc = gesta_arena_alloc(a, (size_t)(sv->n + 1) * sizeof *sv->npc);
    sv->npdone = gesta_arena_calloc(a, (size_t)sv->n + 1, 1);
    if (!sv->npc || !sv->npdone) return GESTA_ENOMEM;
    memset(sv->wset, 0xff, sizeof sv->wset);
    for (int32_t i = 0; i < sv->n; i++) {
        uint32_t ids[2] = {sv->tk[i].nid, sv->tk[i].lid};
        for (int k = 0; k < 2; k++) {
            uint32_t w = ids[k];
            if (w == NO_WORD) continue;
            for (uint32_t j = (w * 2654435761u) >> 24, q = 0; q < 255; j = (j + 1) & 255, q++) {
                if (sv->wset[j] == w) break;
                if (sv->wset[j] == NO_WORD) { sv->wset[j] = w; break; }
            }
        }
    }
    /* children in order: count, prefix sums, fill */
    for (int32_t i = 0; i < sv->n; i++)
        if (sv->tk[i].head >= 0) sv->tk[sv->tk[i].head].nkid++;
    int32_t off = 0;
    for (int32_t i = 0; i < sv->n; i++) {
        sv->tk[i].kid0 = off;
        off += sv->tk[i].nkid;
        sv->tk[i].nkid = 0;
    }
    for (int32_t i = 0; i < sv->n; i++) {
        int32_t h = sv->tk[i].head;
        if (h >= 0) sv->kids[sv->tk[h].kid0 + sv->tk[h].nkid++] = i;
    }
    return 0;
}


int32_t sv_child(const sentview *sv, int32_t i, const char *rel) {
    const sv_tok *k = &sv->tk[i];
    for (int32_t j = 0; j < k->nkid; j++)
        if (!strcmp(sv->tk[sv->kids[k->kid0 + j]].rel, rel)) return sv->kids[k->kid0 + j];
    return -1;
}

const char *actor_code_on(const actor_entry *e, int32_t date, gesta_evidence_ref *ev) {
    const actor_code *undated = NULL, *latest = NULL;
    for (uint16_t i = 0; i < e->ncode; i++) {
        const actor_code *c = &e->codes[i];
        if (!c->from && !c->to) {
            if (!undated) undated = c;
            continue;
        }
        if (!latest || c->from > latest->from) latest = c;
        if (date && (!c->from || date >= c->from) && (!c->to || date <= c->to)) {
            if (ev) *ev = c->ev;
            return c->code;
        }
    }
    if (ev) *ev = e->ev;
    if (e->deflt) return e->deflt;
    if (undated) { if (ev) *ev = undated->ev; return undated->code; }
    /* no date to choose by: the most recent role */
    if (!date && latest) { if (ev) *ev = latest->ev; return latest->code; }
    return NULL;
}

/* Longest phrase of table t starting at token i, not past hi. Returns length, *payload. */
/* Matches phrase ph from token i: consecutive words, or (gaps = 1) with up to two
 * other words before each later word ("Ithilen state-run television" for
 * ITHILEN TELEVISION). Returns the tokens covered, or 0. */
static int phrase_here(const sentview *sv, const phrase *ph, int32_t i, int32_t hi, int actor, int gaps) {
    int32_t at = i + 1;
    for (uint16_t k = 1; k < ph->n; k++) {
        int found = 0;
        for (int32_t j = at; j < hi && j <= at + (gaps ? 2 : 0); j++) {
            const sv_tok *tk = &sv->tk[j];
            /* by form; an actor's last word may be a plural's lemma */
            if (tk->nid == ph->w[k] || (actor && k == ph->n - 1 && tk->lid == ph->w[k])) {
                at = j + 1;
                found = 1;
                break;
            }
        }
        if (!found) return 0;
    }
    return at - i;
}

/* With the pair index: only phrases whose second word is one of the next tokens
 * are tried (a common first word like "the" starts hundreds of phrases). */
static int phrase_at_pairs(const sentview *sv, const phrase_table *t, int32_t i, int32_t hi, uint32_t *payload,
                           int gaps, int actor) {
    int best = 0, best_words = 0;
    uint32_t best_pay = 0;
    for (int pass = 0; pass < (actor ? 2 : 1); pass++) {
        uint32_t w0 = pass ? sv->tk[i].lid : sv->tk[i].nid;
        if (w0 == NO_WORD || (pass && w0 == sv->tk[i].nid) || !dict_wflag(sv->d, w0, actor ? WF_ACTOR : WF_AGENT))
            continue;
        for (int32_t j = i + 1; j < hi && j <= i + 1 + (gaps ? 2 : 0); j++) {
            for (int p2 = 0; p2 < (actor ? 2 : 1); p2++) {
                uint32_t w1 = p2 ? sv->tk[j].lid : sv->tk[j].nid;
                if (w1 == NO_WORD || (p2 && w1 == sv->tk[j].nid)) continue;
                uint32_t key[2] = {w0, w1};
                uint64_t head;
                if (!gesta_strmap_get(t->pair, (const char *)key, sizeof key, &head)) continue;
                for (int32_t q = (int32_t)head; q >= 0; q = t->p[q].next2) {
                    const phrase *ph = &t->p[q];
                    if (ph->n <= best_words) break; /* chains run longest first */
                    if (i + ph->n > hi) continue;
                    int n = phrase_here(sv, ph, i, hi, actor, gaps);
                    if (n) {
                        best = n;
                        best_words = ph->n;
                        best_pay = ph->payload;
                        break;
                    }
                }
            }
        }
        if (best) break;
        uint64_t one;
        if (gesta_strmap_get(t->single, (const char *)&w0, sizeof w0, &one)) {
            best = 1;
            best_pay = t->p[one].payload;
            break;
        }
    }
    if (best) *payload = best_pay;
    return best;
}

static int phrase_at_g(const sentview *sv, const phrase_table *t, int32_t i, int32_t hi, uint32_t *payload,
                       int gaps) {
    int bit = t == &sv->d->actor_phr ? WF_ACTOR : t == &sv->d->agent_phr ? WF_AGENT : WF_DISCARD;
    if (t->pair && bit != WF_DISCARD) return phrase_at_pairs(sv, t, i, hi, payload, gaps, bit == WF_ACTOR);
    /* agents list their plurals (or none): only actors also match by lemma */
    /* chains run longest first, so a longer phrase with gaps beats a shorter exact one */
    for (int pass = 0; pass < (bit == WF_ACTOR ? 2 : 1); pass++) {
        uint32_t w = pass ? sv->tk[i].lid : sv->tk[i].nid;
        if (w == NO_WORD || (pass && w == sv->tk[i].nid) || !dict_wflag(sv->d, w, bit)) continue;
        for (int32_t p = dict_phrase_first(t, w); p >= 0; p = t->p[p].next) {
            const phrase *ph = &t->p[p];
            if (i + ph->n > hi) continue;
            for (int g = 0; g <= (ph->n > 1 ? gaps : 0); g++) {
                int n = phrase_here(sv, ph, i, hi, bit == WF_ACTOR, g);
                if (n) { *payload = ph->payload; return n; }
            }
        }
    }
    return 0;
}

static int phrase_at(const sentview *sv, const phrase_table *t, int32_t i, int32_t hi, uint32_t *payload) {
    return phrase_at_g(sv, t, i, hi, payload, 0);
}

int sv_actor_at(const sentview *sv, int32_t i, int32_t hi, uint32_t *entry) {
    return phrase_at(sv, &sv->d->actor_phr, i, hi, entry);
}

/* Relations that stay inside a noun phrase for actor matching. */
static int np_internal(const sentview *sv, int32_t c) {
    const sv_tok *k = &sv->tk[c];
    const char *rel = k->rel;
    if (STREQ(rel, "nmod")) {
        /* "Ministry of Silly Walks", "the Prince of Dol Amroth": "of" phrases belong to the noun */
        /* nmod:desc is EWT's title before a name ("President Biden") */
        if (STREQ(k->sub, "poss") || STREQ(k->sub, "of") || STREQ(k->sub, "desc")) return 1;
        for (int32_t j = 0; j < k->nkid; j++) {
            int32_t g = sv->kids[k->kid0 + j];
            if (sv_is(sv, g, "case") && sv->tk[g].t->norm && STREQ(sv->tk[g].t->norm, "of")) return 1;
        }
        return 0;
    }
    return STREQ(rel, "compound") || STREQ(rel, "amod") || STREQ(rel, "flat") || STREQ(rel, "det") ||
           STREQ(rel, "nummod") || STREQ(rel, "name") || STREQ(rel, "goeswith") || STREQ(rel, "fixed") ||
           STREQ(rel, "mwe") || STREQ(rel, "poss") || STREQ(rel, "case") || STREQ(rel, "punct");
}

static void np_extent(const sentview *sv, int32_t h, int32_t *lo, int32_t *hi, int depth) {
    if (h < *lo) *lo = h;
    if (h + 1 > *hi) *hi = h + 1;
    if (depth > 6) return;
    const sv_tok *k = &sv->tk[h];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        if (np_internal(sv, c)) np_extent(sv, c, lo, hi, depth + 1);
    }
}

static int np_parts_compute(const sentview *sv, int32_t h, int32_t lo_from, np_parts *out);

int sv_np_parts(const sentview *sv, int32_t h, np_parts *out) {
    /* the same phrases are asked about for every verb of the sentence */
    if (sv->npdone && h >= 0 && h < sv->n) {
        if (!sv->npdone[h]) {
            sv->npdone[h] = (uint8_t)(np_parts_compute(sv, h, -1, &sv->npc[h]) ? 2 : 1);
        }
        *out = sv->npc[h];
        return sv->npdone[h] == 2;
    }
    return np_parts_compute(sv, h, -1, out);
}

void sv_np_span(const sentview *sv, int32_t h, int32_t *lo, int32_t *hi) {
    *lo = h;
    *hi = h + 1;
    np_extent(sv, h, lo, hi, 0);
}

int sv_np_parts_from(const sentview *sv, int32_t h, int32_t lo_from, np_parts *out) {
    return np_parts_compute(sv, h, lo_from, out);
}

static int np_parts_compute(const sentview *sv, int32_t h, int32_t lo_from, np_parts *out) {
    const struct gesta_dicts *d = sv->d;
    memset(out, 0, sizeof *out);
    out->head = h;
    out->span.begin = out->span.end = -1;
    int32_t lo = h, hi = h + 1;
    np_extent(sv, h, &lo, &hi, 0);
    if (lo_from >= 0 && lo_from < lo) lo = lo_from;
    int32_t abeg = -1, aend = -1;
    for (int32_t i = lo; i < hi;) {
        uint32_t e;
        int n = phrase_at_g(sv, &d->actor_phr, i, hi, &e, 1);
        if (n) {
            gesta_evidence_ref ev;
            const char *c = actor_code_on(&d->actors[e], sv->date, &ev);
            if (c && *c && !STREQ(c, "---")) {
                /* the first actor of the phrase wins ("Ithilen's minister Calimehtar" is
                 * Ithilen's), except that a named person at the phrase's head with a
                 * full dated code beats a bare country adjective before it: in
                 * "Russian President Biden" the name is the better evidence, and the
                 * document layer flags the contradicting title (role-conflict). */
                int person_head = out->actor && strlen(out->actor) == 3 && strlen(c) >= 6 && i <= h &&
                                  h < i + n && aend <= i && d->actors[e].ncode > 0;
                if (person_head) {
                    out->actor = c;
                    abeg = i;
                    aend = i + n;
                    out->actor_ev = ev;
                } else if (!out->actor) {
                    out->actor = c;
                    abeg = i;
                    aend = i + n;
                    out->actor_ev = ev;
                }
            }
            i += n;
            continue;
        }
        uint32_t g;
        int m = phrase_at_g(sv, &d->agent_phr, i, hi, &g, 1);
        if (m) {
            const agent_entry *ag = &d->agents[g];
            int dup = 0;
            for (int k = 0; k < out->nagent; k++) dup |= out->agents[k] == ag->code;
            if (!dup && out->nagent < 4) {
                out->agents[out->nagent] = ag->code;
                out->prefix[out->nagent++] = ag->prefix;
            }
            if (!out->agent_ev.file) out->agent_ev = ag->ev;
            if (out->span.begin < 0 || i < out->span.begin) out->span.begin = i;
            if (i + m > out->span.end) out->span.end = i + m;
            i += m;
            continue;
        }
        i++;
    }
    if (abeg >= 0) {
        if (out->span.begin < 0 || abeg < out->span.begin) out->span.begin = abeg;
        if (aend > out->span.end) out->span.end = aend;
    }
    return out->actor || out->nagent;
}

const char *np_compose(const np_parts *p, const char *actor, gesta_arena *a) {
    if (!p->nagent) return actor;
    char buf[128];
    size_t bl = 0;
    buf[0] = 0;
    for (int k = 0; k < p->nagent && bl < 100; k++)
        if (p->prefix[k]) bl += (size_t)snprintf(buf + bl, sizeof buf - bl, "%s", p->agents[k]);
    /* an agent without an actor: PETRARCH writes "---" for the missing country */
    if (bl < 100) bl += (size_t)snprintf(buf + bl, sizeof buf - bl, "%s", actor ? actor : "---");
    for (int k = 0; k < p->nagent && bl < 100; k++) {
        if (p->prefix[k]) continue;
        size_t L = strlen(p->agents[k]);
        if (bl >= L && !strcmp(buf + bl - L, p->agents[k])) continue; /* "GOV" after "...GOV" adds nothing */
        bl += (size_t)snprintf(buf + bl, sizeof buf - bl, "%s", p->agents[k]);
    }
    return gesta_arena_strdup(a, buf);
}

int sv_code_np(const sentview *sv, int32_t h, gesta_arena *a, np_code *out) {
    np_parts p;
    memset(out, 0, sizeof *out);
    out->head = h;
    if (!sv_np_parts(sv, h, &p)) return 0;
    out->code = np_compose(&p, p.actor, a);
    if (!out->code) return 0;
    out->span = p.span;
    out->ev = p.actor ? p.actor_ev : p.agent_ev;
    return 1;
}
