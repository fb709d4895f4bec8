/*
 * The dependency parser: the arc-hybrid transition system (Kuhlmann et al.
 * 2011), greedy decoding with an averaged perceptron, and the dynamic oracle
 * of Goldberg & Nivre (2013) used in training.
 *
 * One classifier scores every labelled transition at once (SHIFT, LEFT-l,
 * RIGHT-l: ~100 classes). A factored design (choose SHIFT/LEFT/RIGHT, then the
 * label) was tried: 2.5x cheaper but 1.2 LAS worse on EWT dev, so speed comes
 * from the weight layout instead (percep.c: dense rows for busy features).
 *
 * Words are 1..n and 0 is the root, which starts at the bottom of the stack.
 *   SHIFT      (σ, b|β)      → (σ|b, β)
 *   LEFT-l     (σ|s0, b|β)   → (σ, b|β)   adds b -l-> s0
 *   RIGHT-l    (σ|s1|s0, β)  → (σ|s1, β)  adds s1 -l-> s0
 * RIGHT onto the root is allowed only once the buffer is empty, so every
 * parse has exactly one word attached to the root, as in UD.
 * Each sentence takes exactly 2n transitions: parsing is linear.
 */
#include <stdint.h>
#include <string.h>

#include "syntax/model.h"

/* Two uint64 label-set arrays first (8-byte aligned: one int skipped if need be), then nine int arrays. */
size_t gesta_pstate_ints(int n) { return (size_t)(n + 1) * 13 + 2; }

void gesta_pstate_init(gesta_pstate *s, int n, int *mem) {
    size_t m = (size_t)n + 1;
    s->n = n;
    if ((uintptr_t)mem & 7) mem++;
    s->lset = (uint64_t *)(void *)mem;
    s->rset = s->lset + m;
    mem += 4 * m;
    s->stack = mem;
    s->head = mem + m;
    s->lab = mem + 2 * m;
    s->lc1 = mem + 3 * m;
    s->lc2 = mem + 4 * m;
    s->rc1 = mem + 5 * m;
    s->rc2 = mem + 6 * m;
    s->nl = mem + 7 * m;
    s->nr = mem + 8 * m;
    for (size_t i = 0; i < m; i++) {
        s->head[i] = -1;
        s->lab[i] = -1;
        s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = -1;
        s->nl[i] = s->nr[i] = 0;
        s->lset[i] = s->rset[i] = 0;
    }
    s->stack[0] = 0;
    s->sp = 1;
    s->b = 1;
}

int gesta_pstate_done(const gesta_pstate *s) { return s->b > s->n && s->sp <= 1; }

int gesta_pstate_legal(const gesta_pstate *s, int cls) {
    if (cls == GESTA_TR_SHIFT) return s->b <= s->n;
    if (GESTA_TR_IS_LEFT(cls)) return s->sp >= 1 && s->b <= s->n && s->stack[s->sp - 1] != 0;
    return s->sp >= 2 && (s->stack[s->sp - 2] != 0 || s->b > s->n);
}

static void attach(gesta_pstate *s, int h, int d, int l) {
    s->head[d] = h;
    s->lab[d] = l;
    if (d < h) {            /* new left children are always further left */
        s->lc2[h] = s->lc1[h];
        s->lc1[h] = d;
        s->nl[h]++;
        s->lset[h] |= 1ull << (l & 63);
    } else {                /* new right children are always further right */
        s->rc2[h] = s->rc1[h];
        s->rc1[h] = d;
        s->nr[h]++;
        s->rset[h] |= 1ull << (l & 63);
    }
}

void gesta_pstate_apply(gesta_pstate *s, int cls) {
    if (cls == GESTA_TR_SHIFT) {
        s->stack[s->sp++] = s->b++;
    } else if (GESTA_TR_IS_LEFT(cls)) {
        int s0 = s->stack[--s->sp];
        attach(s, s->b, s0, GESTA_TR_LABEL(cls));
    } else {
        int s0 = s->stack[--s->sp];
        attach(s, s->stack[s->sp - 1], s0, GESTA_TR_LABEL(cls));
    }
}

/* Gold dependents of x still in the buffer (they can no longer reach x). */
static int deps_in_buffer(const gesta_pstate *s, int x, const int *ghead) {
    int c = 0;
    for (int d = s->b; d <= s->n; d++) c += ghead[d] == x;
    return c;
}

int gesta_pstate_cost(const gesta_pstate *s, int cls, const int *ghead, const int *glab) {
    int b = s->b, n = s->n;
    if (cls == GESTA_TR_SHIFT) {
        /* b goes onto the stack: it loses heads deeper than s0 and its dependents on the stack. */
        int c = 0;
        for (int i = 0; i < s->sp; i++) {
            int k = s->stack[i];
            if (i < s->sp - 1 && ghead[b] == k) c++;
            if (ghead[k] == b) c++;
        }
        return c;
    }
    int s0 = s->stack[s->sp - 1];
    int s1 = s->sp >= 2 ? s->stack[s->sp - 2] : -1;
    int c = deps_in_buffer(s, s0, ghead);
    int l = GESTA_TR_LABEL(cls);
    if (GESTA_TR_IS_LEFT(cls)) {
        if (ghead[s0] == b) c += glab[s0] != l;
        else if (ghead[s0] == s1 || (ghead[s0] > b && ghead[s0] <= n)) c++;
    } else {
        if (ghead[s0] == s1) c += glab[s0] != l;
        else if (ghead[s0] >= b && ghead[s0] <= n) c++;
    }
    return c;
}

/* ---- features ----------------------------------------------------------- */

#define W_NONE 0x4e4f4e45ull
#define W_ROOT 0x524f4f54ull

int gesta_parser_features(const gesta_pstate *s, const gesta_wfeat *wf, const uint8_t *tags, uint64_t *k) {
    int n = s->n;
    int s0 = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    int s1 = s->sp >= 2 ? s->stack[s->sp - 2] : -1;
    int s2 = s->sp >= 3 ? s->stack[s->sp - 3] : -1;
    int b0 = s->b <= n ? s->b : -1;
    int b1 = s->b + 1 <= n ? s->b + 1 : -1;
    int b2 = s->b + 2 <= n ? s->b + 2 : -1;
#define CH(arr, x) ((x) >= 0 ? s->arr[x] : -1)
    int s0L = CH(lc1, s0), s0L2 = CH(lc2, s0), s0R = CH(rc1, s0), s0R2 = CH(rc2, s0);
    int s1L = CH(lc1, s1), s1R = CH(rc1, s1), b0L = CH(lc1, b0), b0L2 = CH(lc2, b0);
#define W(x) ((x) < 0 ? W_NONE : (x) == 0 ? W_ROOT : wf[(x) - 1].pw)
#define T(x) ((uint64_t)((x) < 0 ? GESTA_TAG_NONE : (x) == 0 ? GESTA_TAG_ROOT : tags[(x) - 1]))
#define L(x) ((uint64_t)((x) <= 0 ? 250 : s->lab[x] + 1))
    uint64_t s0w = W(s0), s1w = W(s1), b0w = W(b0), b1w = W(b1);
    uint64_t s0t = T(s0), s1t = T(s1), s2t = T(s2), b0t = T(b0), b1t = T(b1), b2t = T(b2);
    uint64_t s0Lt = T(s0L), s0Rt = T(s0R), s1Lt = T(s1L), s1Rt = T(s1R), b0Lt = T(b0L);
    uint64_t s0Ll = L(s0L), s0Rl = L(s0R), b0Ll = L(b0L), s1Rl = L(s1R);
    uint64_t d = (s0 >= 0 && b0 >= 0) ? (uint64_t)(b0 - s0 < 10 ? b0 - s0 : 10) : 0;
    uint64_t s0vl = s0 >= 0 ? (uint64_t)s->nl[s0] : 99, s0vr = s0 >= 0 ? (uint64_t)s->nr[s0] : 99;
    uint64_t b0vl = b0 >= 0 ? (uint64_t)s->nl[b0] : 99;
    int m = 0;
    k[m++] = gesta_fk1(1, s0w);
    k[m++] = gesta_fk1(2, s0t);
    k[m++] = gesta_fk2(3, s0w, s0t);
    k[m++] = gesta_fk1(4, s1w);
    k[m++] = gesta_fk1(5, s1t);
    k[m++] = gesta_fk2(6, s1w, s1t);
    k[m++] = gesta_fk1(7, b0w);
    k[m++] = gesta_fk1(8, b0t);
    k[m++] = gesta_fk2(9, b0w, b0t);
    k[m++] = gesta_fk1(10, b1w);
    k[m++] = gesta_fk1(11, b1t);
    k[m++] = gesta_fk2(12, b1w, b1t);
    k[m++] = gesta_fk1(13, W(b2));
    k[m++] = gesta_fk1(14, b2t);
    k[m++] = gesta_fk1(15, s2t);
    k[m++] = gesta_fk1(16, W(s2));
    k[m++] = gesta_fk3(17, s0w, b0w, s0t << 8 | b0t);
    k[m++] = gesta_fk3(18, s0w, b0w, s0t);
    k[m++] = gesta_fk3(19, s0w, b0w, b0t);
    k[m++] = gesta_fk3(20, s0w, s0t, b0t);
    k[m++] = gesta_fk3(21, b0w, s0t, b0t);
    k[m++] = gesta_fk2(22, s0w, b0w);
    k[m++] = gesta_fk2(23, s0t, b0t);
    k[m++] = gesta_fk2(24, b0t, b1t);
    k[m++] = gesta_fk2(25, s1t, s0t);
    k[m++] = gesta_fk2(26, s1w, s0w);
    k[m++] = gesta_fk3(27, s1w, s1t, s0t);
    k[m++] = gesta_fk3(28, s0w, s0t, s1t);
    k[m++] = gesta_fk3(29, b0t, b1t, b2t);
    k[m++] = gesta_fk3(30, s0t, b0t, b1t);
    k[m++] = gesta_fk3(31, s1t, s0t, b0t);
    k[m++] = gesta_fk3(32, s2t, s1t, s0t);
    k[m++] = gesta_fk3(33, s0t, s0Lt, b0t);
    k[m++] = gesta_fk3(34, s0t, s0Rt, b0t);
    k[m++] = gesta_fk3(35, s1t, s0t, s0Lt);
    k[m++] = gesta_fk3(36, s1t, s0t, s0Rt);
    k[m++] = gesta_fk3(37, s0t, b0t, b0Lt);
    k[m++] = gesta_fk3(38, s1t, s1Rt, s0t);
    k[m++] = gesta_fk3(39, s1t, s1Lt, s0t);
    k[m++] = gesta_fk3(40, s1t, s0t, b1t);
    k[m++] = gesta_fk2(41, s0w, d);
    k[m++] = gesta_fk2(42, s0t, d);
    k[m++] = gesta_fk2(43, b0w, d);
    k[m++] = gesta_fk2(44, b0t, d);
    k[m++] = gesta_fk3(45, s0t, b0t, d);
    k[m++] = gesta_fk3(46, s0w, b0w, d);
    k[m++] = gesta_fk2(47, s0w, s0vr);
    k[m++] = gesta_fk2(48, s0t, s0vr);
    k[m++] = gesta_fk2(49, s0w, s0vl);
    k[m++] = gesta_fk2(50, s0t, s0vl);
    k[m++] = gesta_fk2(51, b0w, b0vl);
    k[m++] = gesta_fk2(52, b0t, b0vl);
    k[m++] = gesta_fk1(53, W(s0L));
    k[m++] = gesta_fk1(54, s0Lt);
    k[m++] = gesta_fk1(55, s0Ll);
    k[m++] = gesta_fk1(56, W(s0R));
    k[m++] = gesta_fk1(57, s0Rt);
    k[m++] = gesta_fk1(58, s0Rl);
    k[m++] = gesta_fk1(59, W(b0L));
    k[m++] = gesta_fk1(60, b0Lt);
    k[m++] = gesta_fk1(61, b0Ll);
    k[m++] = gesta_fk1(62, s1Rt);
    k[m++] = gesta_fk1(63, s1Rl);
    k[m++] = gesta_fk1(64, s1Lt);
    k[m++] = gesta_fk1(65, T(s0L2));
    k[m++] = gesta_fk1(66, L(s0L2));
    k[m++] = gesta_fk1(67, T(s0R2));
    k[m++] = gesta_fk1(68, L(s0R2));
    k[m++] = gesta_fk1(69, T(b0L2));
    k[m++] = gesta_fk1(70, L(b0L2));
    k[m++] = gesta_fk3(71, s0t, s0Lt, T(s0L2));
    k[m++] = gesta_fk3(72, s0t, s0Rt, T(s0R2));
    k[m++] = gesta_fk3(73, b0t, b0Lt, T(b0L2));
    k[m++] = gesta_fk3(74, s0t, s0Ll, s0Rl);
    k[m++] = gesta_fk3(75, b0t, b0Ll, L(b0L2));
    k[m++] = gesta_fk2(76, s1t, b0t);
    k[m++] = gesta_fk2(77, s1w, b0w);
    k[m++] = gesta_fk3(78, s0w, s0t, s0Rl);
    /* Zhang & Nivre (2011): label sets of the children, s1-s0 distance, s1's
     * valency and children; one tag further ahead. */
    uint64_t s0ls = s0 >= 0 ? s->lset[s0] : 1ull << 63, s0rs = s0 >= 0 ? s->rset[s0] : 1ull << 63;
    uint64_t b0ls = b0 >= 0 ? s->lset[b0] : 1ull << 63, s1rs = s1 >= 0 ? s->rset[s1] : 1ull << 63;
    uint64_t d10 = (s1 >= 0 && s0 >= 0) ? (uint64_t)(s0 - s1 < 10 ? s0 - s1 : 10) : 0;
    uint64_t s1vl = s1 >= 0 ? (uint64_t)s->nl[s1] : 99, s1vr = s1 >= 0 ? (uint64_t)s->nr[s1] : 99;
    int b3 = s->b + 3 <= n ? s->b + 3 : -1;
    k[m++] = gesta_fk2(79, s0w, s0rs);
    k[m++] = gesta_fk2(80, s0t, s0rs);
    k[m++] = gesta_fk2(81, s0w, s0ls);
    k[m++] = gesta_fk2(82, s0t, s0ls);
    k[m++] = gesta_fk2(83, b0w, b0ls);
    k[m++] = gesta_fk2(84, b0t, b0ls);
    k[m++] = gesta_fk2(85, s1t, s1rs);
    k[m++] = gesta_fk3(86, s1t, s0t, d10);
    k[m++] = gesta_fk3(87, s1w, s0w, d10);
    k[m++] = gesta_fk2(88, s1t, s1vr);
    k[m++] = gesta_fk2(89, s1w, s1vr);
    k[m++] = gesta_fk2(90, s1t, s1vl);
    k[m++] = gesta_fk1(91, L(s1L));
    k[m++] = gesta_fk3(92, b1t, b2t, T(b3));
#undef CH
#undef W
#undef T
#undef L
    return m;
}

/* ---- decoding ----------------------------------------------------------- */

/* Legality depends only on the kind of transition: SHIFT (class 0), LEFT (odd
 * classes), RIGHT (even classes from 2). */
#define KIND(c) ((c) == 0 ? 0 : ((c) & 1) ? 1 : 2)

/* The best legal transition (ties: the lowest class), and in *alt the best
 * legal one of another kind (-1 if none): the decision that would change the
 * tree's shape, not just a label. */
static int best_legal(const gesta_pstate *st, const int32_t *sc, int ncls, int *alt) {
    int kb[3] = {-1, -1, -1};
    if (gesta_pstate_legal(st, GESTA_TR_SHIFT)) kb[0] = 0;
    for (int kind = 1; kind <= 2; kind++) {
        if (!gesta_pstate_legal(st, kind)) continue;
        int b = kind;
        for (int c = kind + 2; c < ncls; c += 2)
            if (sc[c] > sc[b]) b = c;
        kb[kind] = b;
    }
    int best = -1;
    for (int k = 0; k < 3; k++)
        if (kb[k] >= 0 && (best < 0 || sc[kb[k]] > sc[best] || (sc[kb[k]] == sc[best] && kb[k] < best))) best = kb[k];
    if (alt) {
        *alt = -1;
        for (int k = 0; k < 3; k++)
            if (kb[k] >= 0 && k != KIND(best) && (*alt < 0 || sc[kb[k]] > sc[*alt])) *alt = kb[k];
    }
    return best;
}

/* Scores the transitions of state st into sc (stride entries). */
static void score(const struct gesta_model *m, const gesta_pstate *st, const gesta_wfeat *wf, const uint8_t *tags,
                  int32_t *sc) {
    uint64_t keys[GESTA_PARSER_MAXF];
    int nk = gesta_parser_features(st, wf, tags, keys);
    memset(sc, 0, m->parser.stride * sizeof *sc);
    gesta_percep_score(&m->parser, keys, nk, sc);
}

/* Memory of gesta_parser_run, in ints: three parser states (the greedy parse,
 * a branch, the greedy parse replayed beside it), the greedy parse's running
 * scores (int64), decisions, alternatives and margins, and its tree. */
size_t gesta_parser_ints(int n) {
    size_t t = 2 * (size_t)n;
    return 3 * gesta_pstate_ints(n) + 2 * (t + 1) + 3 * t + 2 * ((size_t)n + 1) + 2;
}

/* A branch is tried where the greedy parse's best transition beat the best one
 * of another kind by less than this (perceptron weight units): the decisions
 * the model was least sure of. Chosen on EWT dev (docs/SYNTAX.md). */
#define SEARCH_MARGIN (20 * GESTA_PERCEP_SCALE)

/*
 * Greedy parsing, then a small search (search > 0): the `search` least certain
 * decisions of the greedy parse are taken the other way in turn, each branch
 * continues greedily, and the parse with the highest total score wins. Every
 * parse of n words has 2n transitions, so totals compare fairly. A branch
 * whose stack and buffer come back to where the greedy parse was after the
 * same number of steps is assumed to go on as the greedy parse did (its total
 * is completed with the greedy parse's remaining scores and the tree with the
 * greedy parse's remaining arcs): most branches rejoin within a few steps, so
 * a search of 4 costs about a third of a second greedy parse, not four.
 */
void gesta_parser_run(const struct gesta_model *m, const gesta_wfeat *wf, const uint8_t *tags, int n, int search,
                      int *mem, int *head_out, int *lab_out) {
    const int T = 2 * n, ncls = (int)m->parser.nclass;
    size_t ps = gesta_pstate_ints(n);
    if ((uintptr_t)mem & 7) mem++;
    int64_t *pre = (int64_t *)(void *)mem;   /* pre[t]: score of the first t decisions */
    int *seq = mem + 2 * (T + 1), *alt = seq + T, *mg = alt + T, *mh = mg + T, *ml = mh + n + 1;
    int *smain = ml + n + 1, *sbr = smain + ps, *srep = sbr + ps;
    int32_t sc[256];
    gesta_pstate st;
    gesta_pstate_init(&st, n, smain);
    int t = 0;
    pre[0] = 0;
    while (!gesta_pstate_done(&st)) {
        score(m, &st, wf, tags, sc);
        int a, b = best_legal(&st, sc, ncls, &a);
        seq[t] = b;
        alt[t] = a;
        mg[t] = a < 0 ? INT32_MAX : sc[b] - sc[a];
        pre[t + 1] = pre[t] + sc[b];
        t++;
        gesta_pstate_apply(&st, b);
    }
    for (int i = 1; i <= n; i++) {
        head_out[i] = mh[i] = st.head[i] < 0 ? 0 : st.head[i];
        lab_out[i] = ml[i] = st.lab[i];
    }
    int64_t best_total = pre[t];
    for (int k = 0; k < search; k++) {
        int bt = -1;   /* the least certain decision not yet tried */
        for (int i = 0; i < t; i++)
            if (mg[i] < SEARCH_MARGIN && (bt < 0 || mg[i] < mg[bt])) bt = i;
        if (bt < 0) break;
        /* the alternative scored the greedy decision's score minus the margin */
        int64_t total = pre[bt + 1] - mg[bt];
        mg[bt] = INT32_MAX;
        gesta_pstate br, rep;
        gesta_pstate_init(&br, n, sbr);
        gesta_pstate_init(&rep, n, srep);
        for (int i = 0; i < bt; i++) {
            gesta_pstate_apply(&br, seq[i]);
            gesta_pstate_apply(&rep, seq[i]);
        }
        gesta_pstate_apply(&br, alt[bt]);
        gesta_pstate_apply(&rep, seq[bt]);
        int tt = bt + 1, rejoined = 0;
        while (!gesta_pstate_done(&br)) {
            if (br.b == rep.b && br.sp == rep.sp && !memcmp(br.stack, rep.stack, sizeof(int) * (size_t)br.sp)) {
                rejoined = 1;
                total += pre[t] - pre[tt];
                break;
            }
            score(m, &br, wf, tags, sc);
            int c = best_legal(&br, sc, ncls, NULL);
            total += sc[c];
            gesta_pstate_apply(&br, c);
            if (tt < t) gesta_pstate_apply(&rep, seq[tt]);
            tt++;
        }
        if (total <= best_total) continue;
        best_total = total;
        for (int i = 1; i <= n; i++) {
            int own = br.head[i] >= 0;   /* attached in the branch, else as in the greedy parse */
            head_out[i] = own ? br.head[i] : rejoined ? mh[i] : 0;
            lab_out[i] = own ? br.lab[i] : rejoined ? ml[i] : -1;
        }
    }
}
