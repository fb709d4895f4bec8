/*
 * The averaged perceptron shared by the tagger and the parser.
 *
 * Training keeps, per feature key, a small growable list of (class, weight,
 * running sum) for the classes that feature was ever updated for; most features
 * touch only a few classes, so this stays small where dense rows of ~100
 * classes would not. Averaging uses the w - u/c trick (Daumé): each update at
 * clock c adds c*delta to u, and the average is w - u/c.
 *
 * Freezing averages, drops tiny weights (and, if asked, features updated
 * only a few times: gesta_ptrain_set_prune), quantizes the rest to 24-bit fixed
 * point and lays them out as a hash table of 8-slot buckets (one cache line
 * each) pointing into one flat entry array: what the model file stores and
 * what scoring reads.
 * Features with weights for many classes (tag bigrams, common suffixes: the
 * ones every word hits) get a dense row of int16 instead, added with SIMD:
 * profiling showed the sparse (class, weight) loop was most of the tagger's and
 * parser's time.
 */

/* A row with at least this many weights is stored dense. */
#define DENSE_MIN 20
/* Weights smaller than this (in perceptron units) are dropped: they change
 * almost no decision and would fill the model file. */
#define MIN_WEIGHT 0.05
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/model.h"

/* Weights are stored as round(w * SCALE); SCALE is chosen so that a sum of
 * ~100 weights cannot overflow int32 (weights are clamped to ±2^21). */
#define PERCEP_SCALE ((double)GESTA_PERCEP_SCALE)
#define PERCEP_QMAX ((1 << 21) - 1)

/* Adds dense rows into scores: with AVX2 when the CPU has it (checked at run
 * time, so the build stays plain x86-64), else a loop the compiler vectorizes
 * as it can. */
static void add_dense_plain(int32_t *scores, const int16_t *const *rows, int nrows, uint32_t stride,
                            uint32_t shift) {
    for (uint32_t c = 0; c < stride; c++) {
        int32_t acc = 0;
        for (int r = 0; r < nrows; r++) acc += rows[r][c];
        scores[c] += (int32_t)((uint32_t)acc << shift);
    }
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
/* 16 classes at a time: sign-extending loads straight into 32-bit lanes, the
 * running sums in two registers. */
__attribute__((target("avx2"))) static void add_dense_avx2(int32_t *scores, const int16_t *const *rows, int nrows,
                                                          uint32_t stride, uint32_t shift) {
    __m128i sh = _mm_cvtsi32_si128((int)shift);
    for (uint32_t c = 0; c < stride; c += 16) {
        __m256i a0 = _mm256_setzero_si256(), a1 = _mm256_setzero_si256();
        for (int r = 0; r < nrows; r++) {
            a0 = _mm256_add_epi32(a0, _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)(rows[r] + c))));
            a1 = _mm256_add_epi32(a1, _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)(rows[r] + c + 8))));
        }
        __m256i s0 = _mm256_loadu_si256((const __m256i *)(scores + c));
        __m256i s1 = _mm256_loadu_si256((const __m256i *)(scores + c + 8));
        _mm256_storeu_si256((__m256i *)(scores + c), _mm256_add_epi32(s0, _mm256_sll_epi32(a0, sh)));
        _mm256_storeu_si256((__m256i *)(scores + c + 8), _mm256_add_epi32(s1, _mm256_sll_epi32(a1, sh)));
    }
}
static void add_dense(int32_t *scores, const int16_t *const *rows, int nrows, uint32_t stride, uint32_t shift) {
    if (__builtin_cpu_supports("avx2")) add_dense_avx2(scores, rows, nrows, stride, shift);
    else add_dense_plain(scores, rows, nrows, stride, shift);
}
#else
#define add_dense add_dense_plain
#endif

/* The slot of fp in bucket b as a bit (1 << slot), 0 if absent. */
#if defined(__SSE2__)
#include <emmintrin.h>
static inline unsigned bucket_match(const gesta_pbucket *b, uint32_t fp) {
    __m128i f = _mm_set1_epi32((int)fp);
    __m128i lo = _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)b->fp), f);
    __m128i hi = _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)(b->fp + 4)), f);
    return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(lo)) | (unsigned)_mm_movemask_ps(_mm_castsi128_ps(hi)) << 4;
}
#else
static inline unsigned bucket_match(const gesta_pbucket *b, uint32_t fp) {
    unsigned m = 0;
    for (int i = 0; i < GESTA_PBUCKET_SLOTS; i++) m |= (unsigned)(b->fp[i] == fp) << i;
    return m;
}
#endif

void gesta_percep_score(const gesta_percep *p, const uint64_t *keys, int nkeys, int32_t *scores) {
    enum { MAXK = GESTA_PARSER_MAXF > GESTA_TAGGER_MAXF ? GESTA_PARSER_MAXF : GESTA_TAGGER_MAXF };
    const gesta_pbucket *home[MAXK], *end = p->bk + p->nbucket;
    uint32_t run[MAXK];
    const int16_t *rows[MAXK];
    /* First pass: locate the home buckets and prefetch them, so the cache
     * misses of all features overlap instead of being paid one after another. */
    for (int i = 0; i < nkeys; i++) {
        home[i] = p->bk + GESTA_PSLOT_HOME(keys[i], p->nbucket);
        __builtin_prefetch(home[i]);
    }
    int nh = 0, nd = 0;
    for (int i = 0; i < nkeys; i++) {
        uint32_t fp = GESTA_PSLOT_FP(keys[i]);
        for (const gesta_pbucket *b = home[i];;) {
            unsigned m = bucket_match(b, fp);
            if (m) {
                uint32_t r = b->run[__builtin_ctz(m)];
                if ((r & 127) == GESTA_PSLOT_DENSE) {
                    rows[nd] = p->dense + (size_t)(r >> 7) * p->stride;
                    __builtin_prefetch(rows[nd]);
                    nd++;
                } else {
                    run[nh++] = r;
                    __builtin_prefetch(&p->ent[r >> 7]);
                }
                break;
            }
            if (!b->fp[GESTA_PBUCKET_SLOTS - 1]) break;   /* not full: the key is absent */
            if (++b == end) b = p->bk;
        }
    }
    for (int i = 0; i < nh; i++) {
        const int32_t *e = p->ent + (run[i] >> 7);
        uint32_t n = run[i] & 127;
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC unroll 4
#endif
        for (uint32_t j = 0; j < n; j++)
            scores[e[j] & 0xff] += e[j] >> 8; /* arithmetic shift (gcc, clang) */
    }
    if (nd) add_dense(scores, rows, nd, p->stride, p->dshift);
}

/* ---- training ---------------------------------------------------------- */

typedef struct tent { float w; uint32_t cls; double u; } tent;
typedef struct trow { uint64_t key; tent *e; uint32_t n, cap, nupd; } trow;

struct gesta_ptrain {
    uint32_t nclass;
    trow *rows;
    size_t cap, used;     /* cap: power of two */
    double clock;
    double min_weight;    /* freezing drops smaller averaged weights */
    uint32_t min_updates; /* ... and features updated fewer times than this */
    uint32_t load_pct;    /* fill of the frozen slot table, percent */
};

gesta_ptrain *gesta_ptrain_new(uint32_t nclass) {
    gesta_ptrain *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->nclass = nclass;
    t->cap = 1u << 16;
    t->rows = calloc(t->cap, sizeof *t->rows);
    t->clock = 1;
    t->min_weight = MIN_WEIGHT;
    t->min_updates = 1;
    t->load_pct = 75;
    if (!t->rows) { free(t); return NULL; }
    return t;
}

void gesta_ptrain_free(gesta_ptrain *t) {
    if (!t) return;
    for (size_t i = 0; i < t->cap; i++) free(t->rows[i].e);
    free(t->rows);
    free(t);
}

static trow *find_row(const gesta_ptrain *t, uint64_t key) {
    size_t mask = t->cap - 1;
    for (size_t h = key & mask;; h = (h + 1) & mask) {
        trow *r = &t->rows[h];
        if (r->key == key) return r;
        if (!r->key) return NULL;
    }
}

static int grow(gesta_ptrain *t) {
    size_t nc = t->cap * 2;
    trow *nr = calloc(nc, sizeof *nr);
    if (!nr) return -1;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->rows[i].key) continue;
        size_t h = t->rows[i].key & (nc - 1);
        while (nr[h].key) h = (h + 1) & (nc - 1);
        nr[h] = t->rows[i];
    }
    free(t->rows);
    t->rows = nr;
    t->cap = nc;
    return 0;
}

static trow *get_row(gesta_ptrain *t, uint64_t key) {
    if ((t->used + 1) * 2 > t->cap && grow(t) < 0) return NULL;
    size_t mask = t->cap - 1;
    for (size_t h = key & mask;; h = (h + 1) & mask) {
        trow *r = &t->rows[h];
        if (r->key == key) return r;
        if (!r->key) {
            r->key = key;
            t->used++;
            return r;
        }
    }
}

void gesta_ptrain_score(const gesta_ptrain *t, const uint64_t *keys, int nkeys, float *scores) {
    for (int i = 0; i < nkeys; i++) {
        const trow *r = find_row(t, keys[i]);
        if (!r) continue;
        for (uint32_t j = 0; j < r->n; j++) scores[r->e[j].cls] += r->e[j].w;
    }
}

void gesta_ptrain_tick(gesta_ptrain *t) { t->clock += 1; }
void gesta_ptrain_set_prune(gesta_ptrain *t, double min_weight, uint32_t min_updates) {
    t->min_weight = min_weight;
    t->min_updates = min_updates;
}
void gesta_ptrain_set_load(gesta_ptrain *t, uint32_t pct) { t->load_pct = pct < 25 ? 25 : pct > 90 ? 90 : pct; }
uint32_t gesta_ptrain_nclass(const gesta_ptrain *t) { return t->nclass; }

/* The entry of class cls in row r, appended with zero weights when new; NULL when out of memory. */
static tent *row_entry(trow *r, uint32_t cls) {
    for (uint32_t j = 0; j < r->n; j++)
        if (r->e[j].cls == cls) return &r->e[j];
    if (r->n == r->cap) {
        uint32_t nc = r->cap ? r->cap * 2 : 2;
        tent *ne = realloc(r->e, nc * sizeof *ne);
        if (!ne) return NULL;
        r->e = ne;
        r->cap = nc;
    }
    r->e[r->n] = (tent){0, cls, 0};
    return &r->e[r->n++];
}

static void bump(gesta_ptrain *t, uint64_t key, uint32_t cls, float d, int count) {
    trow *r = get_row(t, key);
    if (!r) return;
    r->nupd += (uint32_t)count;   /* updates, not classes touched */
    tent *e = row_entry(r, cls);
    if (!e) return;
    e->w += d;
    e->u += t->clock * d;
}

void gesta_ptrain_update(gesta_ptrain *t, const uint64_t *keys, int nkeys, int gold, int pred) {
    if (gold == pred) return;
    for (int i = 0; i < nkeys; i++) {
        bump(t, keys[i], (uint32_t)gold, 1.0f, 1);
        if (pred >= 0) bump(t, keys[i], (uint32_t)pred, -1.0f, 0);
    }
}

/* Adds d to the (current, not averaged) weight of cls in r. */
static void add_weight(trow *r, uint32_t cls, float d) {
    tent *e = row_entry(r, cls);
    if (e) e->w += d;
}

gesta_ptrain *gesta_ptrain_mean(gesta_ptrain *const *ts, int n) {
    gesta_ptrain *o = gesta_ptrain_new(ts[0]->nclass);
    if (!o) return NULL;
    o->min_weight = ts[0]->min_weight;
    o->min_updates = ts[0]->min_updates;
    o->load_pct = ts[0]->load_pct;
    for (int k = 0; k < n; k++) {
        const gesta_ptrain *t = ts[k];
        for (size_t i = 0; i < t->cap; i++) {
            const trow *r = &t->rows[i];
            if (!r->key) continue;
            trow *d = get_row(o, r->key);
            if (!d) { gesta_ptrain_free(o); return NULL; }
            d->nupd += r->nupd;
            for (uint32_t j = 0; j < r->n; j++)
                add_weight(d, r->e[j].cls, (float)((r->e[j].w - r->e[j].u / t->clock) / n));
        }
    }
    return o;   /* clock 1 and u 0: its averaged weights are the weights */
}

static uint32_t surviving(const gesta_ptrain *t, const trow *r) {
    uint32_t c = 0;
    if (r->nupd < t->min_updates) return 0;
    for (uint32_t j = 0; j < r->n; j++)
        c += fabs(r->e[j].w - r->e[j].u / t->clock) >= t->min_weight;
    return c;
}

static long quantize(double avg) {
    long q = lround(avg * PERCEP_SCALE);
    return q > PERCEP_QMAX ? PERCEP_QMAX : q < -PERCEP_QMAX ? -PERCEP_QMAX : q;
}

/* The slot for fp from bucket h on: its address, or NULL when fp is already in
 * the chain (a fingerprint clash: the first feature keeps it). */
static uint32_t *bucket_place(gesta_pbucket *bk, uint32_t nb, uint32_t h, uint32_t fp, uint32_t **run) {
    for (;;) {
        gesta_pbucket *b = &bk[h];
        for (int i = 0; i < GESTA_PBUCKET_SLOTS; i++) {
            if (b->fp[i] == fp) return NULL;
            if (!b->fp[i]) {
                *run = &b->run[i];
                return &b->fp[i];
            }
        }
        if (++h == nb) h = 0;
    }
}

static gesta_pbucket *bucket_alloc(uint32_t nb) {
    void *mem = NULL;
    /* one bucket per cache line */
    if (posix_memalign(&mem, 64, (size_t)nb * sizeof(gesta_pbucket))) return NULL;
    memset(mem, 0, (size_t)nb * sizeof(gesta_pbucket));
    return mem;
}
void gesta_pbucket_free(gesta_pbucket *bk) { free(bk); }

int gesta_ptrain_freeze(const gesta_ptrain *t, gesta_percep *out, gesta_pbucket **bk_out, int32_t **ent_out,
                        int16_t **dense_out) {
    /* Count surviving entries, rows and dense rows; the largest dense weight
     * decides the dense rows' shift. */
    size_t nent = 0, nrow = 0, ndense = 0;
    uint32_t stride = GESTA_DENSE_STRIDE(t->nclass), shift = 0;
    long maxq = 0;
    for (size_t i = 0; i < t->cap; i++) {
        const trow *r = &t->rows[i];
        if (!r->key) continue;
        uint32_t c = surviving(t, r);
        if (c >= DENSE_MIN) {
            ndense++;
            for (uint32_t j = 0; j < r->n; j++) {
                long q = labs(quantize(r->e[j].w - r->e[j].u / t->clock));
                if (q > maxq) maxq = q;
            }
        } else {
            nent += c;
        }
        nrow += c > 0;
    }
    while ((maxq >> shift) > 32767) shift++;
    if (nent >= (1u << 25)) return -1;
    /* at 3/4 full, about one bucket in 5 overflows into the next (the next cache
     * line); at 2/3, one in 8. The +1 leaves a free slot for searches to stop. */
    uint32_t nb = (uint32_t)(nrow * 100 / t->load_pct / GESTA_PBUCKET_SLOTS + 1);
    gesta_pbucket *bk = bucket_alloc(nb);
    int32_t *ent = malloc((nent ? nent : 1) * sizeof *ent);
    int16_t *dense = calloc(ndense ? ndense * stride : 1, sizeof *dense);
    if (!bk || !ent || !dense) { free(bk); free(ent); free(dense); return -1; }
    uint32_t k = 0, nd = 0;
    for (size_t i = 0; i < t->cap; i++) {
        const trow *r = &t->rows[i];
        if (!r->key) continue;
        if (surviving(t, r) >= DENSE_MIN) {
            uint32_t fp = GESTA_PSLOT_FP(r->key), *run;
            uint32_t *slot = bucket_place(bk, nb, GESTA_PSLOT_HOME(r->key, nb), fp, &run);
            if (!slot) continue;
            int16_t *row = dense + (size_t)nd * stride;
            for (uint32_t j = 0; j < r->n; j++) {
                double avg = r->e[j].w - r->e[j].u / t->clock;
                if (fabs(avg) < t->min_weight) continue;
                long q = quantize(avg);
                q = shift ? (q + (1L << (shift - 1))) >> shift : q;   /* rounded */
                row[r->e[j].cls] = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
            }
            *slot = fp;
            *run = nd << 7 | GESTA_PSLOT_DENSE;
            nd++;
            continue;
        }
        if (r->nupd < t->min_updates) continue;
        uint32_t off = k;
        for (uint32_t j = 0; j < r->n; j++) {
            double avg = r->e[j].w - r->e[j].u / t->clock;
            if (fabs(avg) < t->min_weight) continue;
            long q = quantize(avg);
            ent[k++] = (int32_t)((uint32_t)q << 8) | (int32_t)r->e[j].cls;
        }
        if (k == off) continue;
        uint32_t fp = GESTA_PSLOT_FP(r->key), *run;
        uint32_t *slot = bucket_place(bk, nb, GESTA_PSLOT_HOME(r->key, nb), fp, &run);
        if (!slot) { k = off; continue; }
        *slot = fp;
        *run = off << 7 | (k - off);
    }
    out->nclass = t->nclass;
    out->nbucket = nb;
    out->nent = k;
    out->ndense = nd;
    out->stride = stride;
    out->dshift = shift;
    out->bk = bk;
    out->ent = ent;
    out->dense = dense;
    *bk_out = bk;
    *ent_out = ent;
    *dense_out = dense;
    return 0;
}
