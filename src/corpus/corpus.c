#include "corpus/corpus.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"

#define NHASH 64            /* MinHash functions */
#define BANDS 16            /* LSH bands of ROWS rows: a pair at Jaccard 0.5 collides with p ≈ 0.65, */
#define ROWS 4              /* at 0.7 with p ≈ 0.99, at 0.2 with p ≈ 0.03 */

typedef struct story {
    uint32_t sig[NHASH];
    int group;              /* index into groups */
    int empty;              /* no shingles: never matched */
} story;

typedef struct group {
    char *id, *kind, *first_article;
    int first_index, mentions;
} group;

typedef struct event_key {
    int group;
    int story_group;
    int day;                /* days since 1970 */
} event_key;

struct gesta_corpus {
    gesta_corpus_options o;
    story *stories; size_t nstories, story_cap;
    group *groups; size_t ngroups, group_cap;
    gesta_strmap *bands;    /* "band:hash" → story index + 1 (the first story seen there) */
    gesta_strmap *keys;     /* Phoenix key "date|src|tgt|code" → group index */
    gesta_strmap *near;     /* "srcC|tgtC|root|day" → index into nearv */
    event_key *nearv; size_t nnear, near_cap;
};

static uint64_t mix(uint64_t x) {
    x ^= x >> 33; x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

gesta_corpus *gesta_corpus_new(const gesta_corpus_options *opts) {
    gesta_corpus *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    gesta_corpus_options d = GESTA_CORPUS_OPTIONS_INIT;
    c->o = opts ? *opts : d;
    if (c->o.shingle < 1) c->o.shingle = 1;
    c->bands = gesta_strmap_new(1024);
    c->keys = gesta_strmap_new(1024);
    c->near = gesta_strmap_new(1024);
    if (!c->bands || !c->keys || !c->near) { gesta_corpus_free(c); return NULL; }
    return c;
}

void gesta_corpus_free(gesta_corpus *c) {
    if (!c) return;
    for (size_t i = 0; i < c->ngroups; i++) {
        free(c->groups[i].id);
        free(c->groups[i].kind);
        free(c->groups[i].first_article);
    }
    free(c->groups);
    free(c->stories);
    free(c->nearv);
    gesta_strmap_free(c->bands);
    gesta_strmap_free(c->keys);
    gesta_strmap_free(c->near);
    free(c);
}

static int new_group(gesta_corpus *c, const char *kind, const char *article, int index) {
    if (c->ngroups == c->group_cap) {
        size_t nc = c->group_cap ? c->group_cap * 2 : 64;
        group *g = realloc(c->groups, nc * sizeof *g);
        if (!g) return -1;
        c->groups = g;
        c->group_cap = nc;
    }
    group *g = &c->groups[c->ngroups];
    char id[32];
    snprintf(id, sizeof id, "%c%zu", kind[0] == 's' ? 'S' : 'E', c->ngroups + 1);
    g->id = strdup(id);
    g->kind = strdup(kind);
    g->first_article = strdup(article);
    g->first_index = index;
    g->mentions = 1;
    if (!g->id || !g->kind || !g->first_article) return -1;
    return (int)c->ngroups++;
}

/* Words of a text, lower-cased ASCII letters and digits; others separate. Calls
 * fn for each word-shingle hash. */
static void shingles(const char *text, size_t len, int k, void (*fn)(void *, uint64_t), void *ctx) {
    uint64_t ring[16] = {0};
    int have = 0;
    if (k > 16) k = 16;
    size_t i = 0;
    while (i < len) {
        while (i < len && !isalnum((unsigned char)text[i]) && !((unsigned char)text[i] & 0x80)) i++;
        size_t s = i;
        uint64_t h = 1469598103934665603ull;
        while (i < len && (isalnum((unsigned char)text[i]) || ((unsigned char)text[i] & 0x80))) {
            h ^= (unsigned char)tolower((unsigned char)text[i]);
            h *= 1099511628211ull;
            i++;
        }
        if (i == s) break;
        ring[have % k] = h;
        have++;
        if (have >= k) {
            uint64_t sh = 0;
            for (int j = 0; j < k; j++) sh = mix(sh ^ ring[(have - k + j) % k]);
            fn(ctx, sh);
        }
    }
    if (have > 0 && have < k) { /* short text: one shingle of all its words */
        uint64_t sh = 0;
        for (int j = 0; j < have; j++) sh = mix(sh ^ ring[j]);
        fn(ctx, sh);
    }
}

typedef struct sigctx { uint32_t *sig; int n; } sigctx;

static void update_sig(void *p, uint64_t h) {
    sigctx *s = p;
    s->n++;
    for (int j = 0; j < NHASH; j++) {
        uint32_t v = (uint32_t)mix(h + 0x9e3779b97f4a7c15ull * (uint64_t)(j + 1));
        if (v < s->sig[j]) s->sig[j] = v;
    }
}

static int sketch(const char *text, size_t len, int k, uint32_t sig[NHASH]) {
    for (int j = 0; j < NHASH; j++) sig[j] = UINT32_MAX;
    sigctx s = {sig, 0};
    shingles(text, len, k, update_sig, &s);
    return s.n;
}

static double estimate(const uint32_t *a, const uint32_t *b) {
    int same = 0;
    for (int j = 0; j < NHASH; j++) same += a[j] == b[j];
    return (double)same / NHASH;
}

double gesta_corpus_similarity(const char *a, const char *b, int shingle) {
    uint32_t sa[NHASH], sb[NHASH];
    if (!sketch(a, strlen(a), shingle, sa) || !sketch(b, strlen(b), shingle, sb)) return 0.0;
    return estimate(sa, sb);
}

static int days_from_date(const char *d) {
    int y, m, dd;
    if (sscanf(d, "%d-%d-%d", &y, &m, &dd) != 3) return 0;
    /* days from civil (Howard Hinnant's algorithm, public domain arithmetic) */
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int gesta_corpus_add(gesta_corpus *c, gesta_doc *doc) {
    /* The story text: prose and headings only, so shared boilerplate ("Read more",
     * agency bios) does not make unrelated stories look alike. */
    if (c->nstories == c->story_cap) {
        size_t nc = c->story_cap ? c->story_cap * 2 : 256;
        story *s = realloc(c->stories, nc * sizeof *s);
        if (!s) return GESTA_ENOMEM;
        c->stories = s;
        c->story_cap = nc;
    }
    story *st = &c->stories[c->nstories];
    memset(st, 0, sizeof *st);
    for (int j = 0; j < NHASH; j++) st->sig[j] = UINT32_MAX;
    sigctx sc = {st->sig, 0};
    if (doc->nsent) {
        for (uint32_t i = 0; i < doc->nsent; i++)
            if (doc->sents[i].kind != GESTA_UNIT_BOILERPLATE)
                shingles(doc->text + doc->sents[i].start, doc->sents[i].end - doc->sents[i].start, c->o.shingle,
                         update_sig, &sc);
    } else {
        shingles(doc->text, doc->len, c->o.shingle, update_sig, &sc);
    }
    st->empty = sc.n == 0;

    /* Candidates from the LSH bands; keep the most similar at or above threshold. */
    int best = -1;
    double best_sim = 0;
    char key[64];
    if (!st->empty) {
        for (int b = 0; b < BANDS; b++) {
            uint64_t h = (uint64_t)b;
            for (int r = 0; r < ROWS; r++) h = mix(h ^ st->sig[b * ROWS + r]);
            int kl = snprintf(key, sizeof key, "%d:%016llx", b, (unsigned long long)h);
            uint64_t v;
            if (gesta_strmap_get(c->bands, key, (size_t)kl, &v)) {
                double sim = estimate(st->sig, c->stories[v - 1].sig);
                if (sim >= c->o.story_threshold && sim > best_sim) { best = (int)(v - 1); best_sim = sim; }
            } else if (gesta_strmap_put(c->bands, key, (size_t)kl, c->nstories + 1) < 0) {
                return GESTA_ENOMEM;
            }
        }
    }
    if (best >= 0) {
        st->group = c->stories[best].group;
        c->groups[st->group].mentions++;
    } else {
        st->group = new_group(c, "story", doc->id, -1);
        if (st->group < 0) return GESTA_ENOMEM;
    }
    c->nstories++;
    doc->story_group = gesta_arena_strdup(doc->arena, c->groups[st->group].id);

    /* Events. */
    for (uint32_t i = 0; i < doc->nevent; i++) {
        gesta_event *e = &doc->events[i];
        if (!e->code || !*e->code) continue;
        char k[256];
        int kl = snprintf(k, sizeof k, "%s|%s|%s|%s", e->date, e->source, e->target, e->code);
        if (kl >= (int)sizeof k) kl = (int)sizeof k - 1;
        int day = days_from_date(e->date);
        uint64_t v;
        int g = -1;
        if (gesta_strmap_get(c->keys, k, (size_t)kl, &v)) g = (int)v;
        /* Country level: the same dyad of countries (or organisations), the same
         * root code, within the window of days — one outlet's "KENGOV" is
         * another's "KEN", and a rewrite's date may be a day off. */
        char nk[128];
        for (int dd = 0; g < 0 && dd <= c->o.window_days; dd++) {
            for (int sign = 0; sign < (dd ? 2 : 1) && g < 0; sign++) {
                int nkl = snprintf(nk, sizeof nk, "%.3s|%.3s|%.2s|%d", e->source, e->target, e->code,
                                   day + (sign ? -dd : dd));
                if (gesta_strmap_get(c->near, nk, (size_t)nkl, &v)) g = c->nearv[v].group;
            }
        }
        if (g >= 0) {
            c->groups[g].mentions++;
            e->flags |= GESTA_EV_REPEAT;
        } else {
            g = new_group(c, "event", doc->id, (int)i);
            if (g < 0) return GESTA_ENOMEM;
        }
        if (gesta_strmap_put(c->keys, k, (size_t)kl, (uint64_t)g) < 0) return GESTA_ENOMEM;
        int nkl = snprintf(nk, sizeof nk, "%.3s|%.3s|%.2s|%d", e->source, e->target, e->code, day);
        if (!gesta_strmap_get(c->near, nk, (size_t)nkl, &v)) {
            if (c->nnear == c->near_cap) {
                size_t nc = c->near_cap ? c->near_cap * 2 : 256;
                event_key *p = realloc(c->nearv, nc * sizeof *p);
                if (!p) return GESTA_ENOMEM;
                c->nearv = p;
                c->near_cap = nc;
            }
            c->nearv[c->nnear] = (event_key){g, st->group, day};
            if (gesta_strmap_put(c->near, nk, (size_t)nkl, c->nnear++) < 0) return GESTA_ENOMEM;
        }
        e->dup_group = gesta_arena_strdup(doc->arena, c->groups[g].id);
    }
    return GESTA_OK;
}

size_t gesta_corpus_group_count(const gesta_corpus *c) { return c->ngroups; }

void gesta_corpus_group(const gesta_corpus *c, size_t i, const char **id, const char **kind,
                        const char **first_article, int *first_index, int *mentions) {
    const group *g = &c->groups[i];
    *id = g->id;
    *kind = g->kind;
    *first_article = g->first_article;
    *first_index = g->first_index;
    *mentions = g->mentions;
}
