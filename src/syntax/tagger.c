/*
 * The tagger: greedy left to right, one averaged-perceptron decision per word
 * over UPOS+XPOS pairs (so both tags come from one decision and always agree).
 * Features look two words ahead (forms, suffixes, shapes, the tags a word had
 * in training) and two tags back. A second pass sees, in addition, the first
 * pass's tags of the next two words: right context a greedy left-to-right
 * decision cannot otherwise have.
 */
#include <string.h>

#include "syntax/model.h"

/* Sentinel hashes for positions outside the sentence. */
#define W_START 0x5354415254ull
#define W_END 0x454e44ull

int gesta_tagger_features(const gesta_wfeat *wf, int n, int i, const uint8_t *tags, const uint8_t *right, uint64_t *k) {
    const gesta_wfeat *w = &wf[i];
    uint64_t lm1 = i > 0 ? wf[i - 1].lw : W_START, lm2 = i > 1 ? wf[i - 2].lw : W_START;
    uint64_t lp1 = i + 1 < n ? wf[i + 1].lw : W_END, lp2 = i + 2 < n ? wf[i + 2].lw : W_END;
    uint64_t sm1 = i > 0 ? wf[i - 1].suf[2] : W_START, sp1 = i + 1 < n ? wf[i + 1].suf[2] : W_END;
    uint64_t shp1 = i + 1 < n ? wf[i + 1].shape : W_END, shm1 = i > 0 ? wf[i - 1].shape : W_START;
    uint64_t t1 = i > 0 ? tags[i - 1] : 300, t2 = i > 1 ? tags[i - 2] : 300;
    int m = 0;
    k[m++] = gesta_fk1(1, 0);
    k[m++] = gesta_fk1(2, w->lw);
    k[m++] = gesta_fk1(3, w->fw);
    k[m++] = gesta_fk1(4, w->suf[0]);
    k[m++] = gesta_fk1(5, w->suf[1]);
    k[m++] = gesta_fk1(6, w->suf[2]);
    k[m++] = gesta_fk1(7, w->suf[3]);
    k[m++] = gesta_fk1(8, w->pre[0]);
    k[m++] = gesta_fk1(9, w->pre[1]);
    k[m++] = gesta_fk1(10, w->shape);
    k[m++] = gesta_fk1(11, w->flags);
    k[m++] = gesta_fk1(12, t1);
    k[m++] = gesta_fk1(13, t2);
    k[m++] = gesta_fk2(14, t1, t2);
    k[m++] = gesta_fk2(15, t1, w->lw);
    k[m++] = gesta_fk1(16, lm1);
    k[m++] = gesta_fk1(17, sm1);
    k[m++] = gesta_fk1(18, lm2);
    k[m++] = gesta_fk1(19, lp1);
    k[m++] = gesta_fk1(20, sp1);
    k[m++] = gesta_fk1(21, lp2);
    k[m++] = gesta_fk2(22, w->lw, lp1);
    k[m++] = gesta_fk2(23, lm1, w->lw);
    k[m++] = gesta_fk1(24, shp1);
    k[m++] = gesta_fk1(25, shm1);
    k[m++] = gesta_fk2(26, t1, lp1);
    k[m++] = gesta_fk2(27, t1, w->suf[2]);
    k[m++] = gesta_fk2(28, w->shape, lp1);
    k[m++] = gesta_fk2(29, w->flags, t1);
    k[m++] = gesta_fk3(30, lm1, w->lw, lp1);
    uint64_t ap1 = i + 1 < n ? wf[i + 1].amb : W_END, ap2 = i + 2 < n ? wf[i + 2].amb : W_END;
    uint64_t am1 = i > 0 ? wf[i - 1].amb : W_START;
    k[m++] = gesta_fk1(31, w->amb);
    k[m++] = gesta_fk1(32, ap1);
    k[m++] = gesta_fk1(33, ap2);
    k[m++] = gesta_fk1(34, am1);
    k[m++] = gesta_fk2(35, w->amb, ap1);
    k[m++] = gesta_fk2(36, t1, w->amb);
    k[m++] = gesta_fk2(37, w->lw, ap1);
    k[m++] = gesta_fk3(38, t1, w->amb, ap1);
    k[m++] = gesta_fk1(39, i > 0 ? wf[i - 1].fw : W_START);
    k[m++] = gesta_fk1(40, i + 1 < n ? wf[i + 1].fw : W_END);
    k[m++] = gesta_fk2(41, w->shape, t1);
    k[m++] = gesta_fk2(42, w->suf[2], ap1);
    k[m++] = gesta_fk2(43, w->fw, w->flags & 32);
    if (right) {
        uint64_t r1 = i + 1 < n ? right[i + 1] : 300, r2 = i + 2 < n ? right[i + 2] : 300;
        uint64_t r0 = right[i];
        k[m++] = gesta_fk1(50, r1);
        k[m++] = gesta_fk2(51, r1, r2);
        k[m++] = gesta_fk2(52, t1, r1);
        k[m++] = gesta_fk2(53, w->lw, r1);
        k[m++] = gesta_fk3(54, t1, r0, r1);
        k[m++] = gesta_fk2(55, w->suf[2], r1);
        k[m++] = gesta_fk2(56, w->amb, r1);
        k[m++] = gesta_fk1(57, r0);
    }
    return m;
}

static void tag_pass(const gesta_percep *p, uint32_t ntag, const gesta_wfeat *wf, int n, const uint8_t *right,
                     uint8_t *tags) {
    uint64_t keys[GESTA_TAGGER_MAXF];
    int32_t sc[256];
    for (int i = 0; i < n; i++) {
        int nk = gesta_tagger_features(wf, n, i, tags, right, keys);
        memset(sc, 0, p->stride * sizeof *sc);
        gesta_percep_score(p, keys, nk, sc);
        int best = 0;
        for (uint32_t c = 1; c < ntag; c++)
            if (sc[c] > sc[best]) best = (int)c;
        tags[i] = (uint8_t)best;
    }
}

void gesta_tagger_run(const struct gesta_model *m, const gesta_wfeat *wf, int n, uint8_t *tags, uint8_t *tmp) {
    if (!m->tagger2.nbucket) {
        tag_pass(&m->tagger, m->ntag, wf, n, NULL, tags);
        return;
    }
    tag_pass(&m->tagger, m->ntag, wf, n, NULL, tmp);
    tag_pass(&m->tagger2, m->ntag, wf, n, tmp, tags);
}
