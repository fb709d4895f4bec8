/* The frozen weight table (percep.c): 8-slot buckets, one cache line each.
 *
 * A training perceptron gets thousands of random features, some with weights
 * for a few classes (sparse runs), some for many (dense rows); frozen at 90 %
 * load so that many buckets overflow into the next. Every feature must then
 * score its averaged weights (up to pruning and fixed-point rounding), features
 * never trained must add nothing, and a lookup of many keys must add up the
 * lookups of each. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "syntax/model.h"

#define NCLASS 103
#define NFEAT 20000

static uint64_t rng = 0x1234567;
static uint64_t next(void) { return rng = gesta_mix64(rng + 0x9E3779B97F4A7C15ull); }

int main(void) {
    gesta_ptrain *t = gesta_ptrain_new(NCLASS);
    CHECK(t != NULL);
    if (!t) return check_done();
    gesta_ptrain_set_load(t, 90);
    static uint64_t keys[NFEAT];
    for (int i = 0; i < NFEAT; i++) {
        keys[i] = gesta_fk1((uint64_t)(i % 7), next());
        /* one feature in ten is busy (updated for most classes: a dense row) */
        int nupd = i % 10 == 0 ? 60 : 1 + (int)(next() % 4);
        for (int u = 0; u < nupd; u++) {
            int gold = (int)(next() % NCLASS), pred = (int)(next() % NCLASS);
            gesta_ptrain_update(t, &keys[i], 1, gold, pred);
        }
        gesta_ptrain_tick(t);
    }
    gesta_percep p;
    gesta_pbucket *bk;
    int32_t *ent;
    int16_t *dense;
    CHECK_INT(gesta_ptrain_freeze(t, &p, &bk, &ent, &dense), 0);
    CHECK(p.ndense > 0);
    CHECK(p.nent > 0);
    /* at 90 % load some buckets must be full, so searches go on to the next */
    int full = 0;
    for (uint32_t b = 0; b < p.nbucket; b++) full += bk[b].fp[GESTA_PBUCKET_SLOTS - 1] != 0;
    CHECK(full > 0);

    /* the mean of one perceptron holds its averaged weights as plain weights */
    gesta_ptrain *avg = gesta_ptrain_mean(&t, 1);
    CHECK(avg != NULL);
    if (!avg) return check_done();
    /* pruning drops |w| < 0.05; dense rows lose dshift low bits */
    double tol = 0.05 + (double)(1u << p.dshift) / 4096.0 + 1e-6;
    int bad = 0;
    for (int i = 0; i < NFEAT; i++) {
        float want[256] = {0};
        int32_t got[256] = {0};
        gesta_ptrain_score(avg, &keys[i], 1, want);
        gesta_percep_score(&p, &keys[i], 1, got);
        for (int c = 0; c < NCLASS; c++) {
            if (fabs(got[c] / 4096.0 - want[c]) > tol) bad++;
        }
    }
    CHECK_INT(bad, 0);

    /* keys never trained find nothing */
    int stray = 0;
    for (int i = 0; i < 20000; i++) {
        uint64_t k = gesta_fk1(99, next());
        int32_t sc[256] = {0};
        gesta_percep_score(&p, &k, 1, sc);
        for (int c = 0; c < NCLASS; c++) stray += sc[c] != 0;
    }
    CHECK_INT(stray, 0);

    /* many keys in one lookup: the sum of the single lookups */
    int32_t all[256] = {0}, each[256] = {0};
    gesta_percep_score(&p, keys, 90, all);
    for (int i = 0; i < 90; i++) gesta_percep_score(&p, &keys[i], 1, each);
    int diff = 0;
    for (int c = 0; c < NCLASS; c++) diff += all[c] != each[c];
    CHECK_INT(diff, 0);

    gesta_ptrain_free(avg);
    gesta_pbucket_free(bk);
    free(ent);
    free(dense);
    gesta_ptrain_free(t);
    return check_done();
}
