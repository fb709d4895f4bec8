/*
 * Training the syntax model from CoNLL-U treebanks.
 *
 *  1. Read the training set (tags = UPOS+XPOS pairs, labels = full relations).
 *  2. Lemmatizer tables (lemma_train.c).
 *  3. Tagger: greedy averaged perceptron, predicted tags as history; after each
 *     epoch the averaged weights are frozen and scored on dev; the best is kept.
 *  4. Parser: trained on the tags the final tagger predicts for the training
 *     set, so that it sees (some) tagging errors. Arc-hybrid with the dynamic
 *     oracle: after the first epoch, a wrong prediction is followed with
 *     probability `explore`, so the parser learns to recover from its errors.
 *     Sentences whose gold tree is non-projective (about 2% of EWT) are made
 *     projective by lifting (the oracle's costs are exact only for projective
 *     trees); only malformed trees are skipped. With parse_models > 1, that
 *     many parsers learn on different shuffles and the mean of their averaged
 *     weights is frozen (an ensemble that costs one parser at run time).
 *  5. Everything is serialized and loaded back, so the returned model is
 *     exactly what the file will hold.
 *
 * Deterministic for a given seed: shuffling and exploration draw from our own
 * splitmix64 generator, never from rand().
 */
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "syntax/lemma_train.h"
#include "syntax/model.h"
#include "syntax/syntax.h"
#include "util/strmap.h"

static uint64_t rng_next(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    return gesta_mix64(z);
}
static double rng_unit(uint64_t *s) { return (double)(rng_next(s) >> 11) * (1.0 / 9007199254740992.0); }

static void shuffle(int *a, int n, uint64_t *rng) {
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(rng_next(rng) % (uint64_t)(i + 1));
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

static void logf_(const gesta_train_opts *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void logf_(const gesta_train_opts *o, const char *fmt, ...) {
    if (!o->log) return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    o->log(o->log_ctx, buf);
}

typedef struct ws {   /* per-sentence working arrays, sized for the longest sentence */
    gesta_wfeat *wf;
    uint8_t *tags, *tmp;
    int *mem, *ghead, *glab, *head, *lab;
    const gesta_taglex *lex;  /* the tag lexicon being trained with */
} ws;

static int ws_alloc(ws *w, int n) {
    w->wf = malloc((size_t)(n + 1) * sizeof *w->wf);
    w->tags = malloc((size_t)n + 1);
    w->tmp = malloc((size_t)n + 1);
    w->mem = malloc(gesta_parser_ints(n) * sizeof *w->mem);   /* also gesta_pstate_ints(n) */
    w->ghead = malloc((size_t)(n + 1) * sizeof(int));
    w->glab = malloc((size_t)(n + 1) * sizeof(int));
    w->head = malloc((size_t)(n + 1) * sizeof(int));
    w->lab = malloc((size_t)(n + 1) * sizeof(int));
    return w->wf && w->tags && w->tmp && w->mem && w->ghead && w->glab && w->head && w->lab ? 0 : -1;
}
static void ws_free(ws *w) {
    free(w->wf); free(w->tags); free(w->tmp); free(w->mem); free(w->ghead); free(w->glab); free(w->head); free(w->lab);
}

static void fill_wf(ws *w, const gesta_tbsent *s) {
    gesta_wfeat_fill(w->wf, (const char *const *)s->form, s->n, w->lex);
}

/* ---- tag lexicon -------------------------------------------------------- */

#define TAGLEX_MIN_COUNT 3   /* rarer words would hand the tagger their gold tag */

static int build_taglex(const gesta_tb *c, int ntag, gesta_lexslot **out, uint32_t *nout) {
    gesta_strmap *words = gesta_strmap_new(1 << 15);
    uint32_t *cnt = NULL;
    size_t cap = 0;
    int rc = -1;
    char low[256];
    if (!words) return -1;
    for (int i = 0; i < c->n; i++)
        for (int j = 0; j < c->s[i].n; j++) {
            const char *f = c->s[i].form[j];
            size_t n = strlen(f);
            if (n >= sizeof low || c->s[i].tag[j] < 0) continue;
            for (size_t k = 0; k < n; k++) low[k] = (f[k] >= 'A' && f[k] <= 'Z') ? (char)(f[k] + 32) : f[k];
            int64_t id = gesta_strmap_intern(words, low, n);
            if (id < 0) goto done;
            if ((size_t)id >= cap) {
                size_t nc = cap ? cap * 2 : 8192;
                uint32_t *p = realloc(cnt, nc * (size_t)ntag * sizeof *p);
                if (!p) goto done;
                memset(p + cap * (size_t)ntag, 0, (nc - cap) * (size_t)ntag * sizeof *p);
                cnt = p;
                cap = nc;
            }
            cnt[(size_t)id * (size_t)ntag + (size_t)c->s[i].tag[j]]++;
        }
    size_t nw = gesta_strmap_count(words);
    uint32_t nslot = 1024;
    while (nslot < nw * 2) nslot *= 2;
    gesta_lexslot *t = calloc(nslot, sizeof *t);
    if (!t) goto done;
    for (size_t id = 0; id < nw; id++) {
        const uint32_t *row = cnt + id * (size_t)ntag;
        uint32_t tot = 0, best = 0;
        for (int k = 0; k < ntag; k++) {
            tot += row[k];
            if (row[k] > row[best]) best = (uint32_t)k;
        }
        if (tot < TAGLEX_MIN_COUNT) continue;
        uint64_t cls = 0x9e37;
        for (int k = 0; k < ntag; k++)
            if (row[k] * 20 >= tot) cls = gesta_mix64(cls ^ (uint64_t)(k + 1));
        const char *wd = gesta_strmap_key(words, id);
        uint64_t key = gesta_syn_hash(wd, strlen(wd));
        uint32_t h = (uint32_t)key & (nslot - 1);
        while (t[h].key) h = (h + 1) & (nslot - 1);
        t[h] = (gesta_lexslot){key, (uint32_t)cls, best};
    }
    *out = t;
    *nout = nslot;
    rc = 0;
done:
    gesta_strmap_free(words);
    free(cnt);
    return rc;
}

/* ---- tagger ------------------------------------------------------------- */

/* One epoch over the sentences order[0..n); right[i]: first-pass tags of sentence i
 * for the second pass, or right == NULL for the first. */
static void tagger_epoch(gesta_ptrain *pt, const gesta_tb *c, const int *order, int n, uint8_t *const *right,
                         int ntag, ws *w) {
    uint64_t keys[GESTA_TAGGER_MAXF];
    float sc[256];
    for (int k = 0; k < n; k++) {
        const gesta_tbsent *s = &c->s[order[k]];
        const uint8_t *r = right ? right[order[k]] : NULL;
        fill_wf(w, s);
        for (int i = 0; i < s->n; i++) {
            int nk = gesta_tagger_features(w->wf, s->n, i, w->tags, r, keys);
            memset(sc, 0, (size_t)ntag * sizeof *sc);
            gesta_ptrain_score(pt, keys, nk, sc);
            int best = 0;
            for (int t = 1; t < ntag; t++)
                if (sc[t] > sc[best]) best = t;
            if (s->tag[i] >= 0) gesta_ptrain_update(pt, keys, nk, s->tag[i], best);
            gesta_ptrain_tick(pt);
            w->tags[i] = (uint8_t)best;
        }
    }
}

/* Tag accuracy and parse attachment of a frozen model on a corpus (gold tokens). */
static void dev_score(const struct gesta_model *m, const gesta_tb *c, ws *w, int parse, double *tag_acc,
                      double *las) {
    long words = 0, tag_ok = 0, las_ok = 0;
    for (int k = 0; k < c->n; k++) {
        const gesta_tbsent *s = &c->s[k];
        fill_wf(w, s);
        gesta_tagger_run(m, w->wf, s->n, w->tags, w->tmp);
        if (parse) gesta_parser_run(m, w->wf, w->tags, s->n, 0, w->mem, w->head, w->lab);   /* epochs are chosen greedy */
        for (int i = 0; i < s->n; i++) {
            words++;
            tag_ok += w->tags[i] == s->tag[i];
            if (parse) las_ok += w->head[i + 1] == s->head[i] && w->lab[i + 1] == s->lab[i];
        }
    }
    *tag_acc = words ? 100.0 * tag_ok / words : 0;
    *las = words ? 100.0 * las_ok / words : 0;
}

/* ---- parser ------------------------------------------------------------- */

static void parser_sentence(gesta_ptrain *pt, const gesta_tbsent *s, ws *w, int ncls, double explore, uint64_t *rng) {
    int n = s->n;
    for (int i = 0; i < n; i++) {
        w->ghead[i + 1] = s->head[i];
        w->glab[i + 1] = s->lab[i];
    }
    w->ghead[0] = -1;
    w->glab[0] = -1;
    gesta_pstate st;
    gesta_pstate_init(&st, n, w->mem);
    uint64_t keys[GESTA_PARSER_MAXF];
    float sc[256];
    int cost[256];
    while (!gesta_pstate_done(&st)) {
        int nk = gesta_parser_features(&st, w->wf, w->tags, keys);
        memset(sc, 0, (size_t)ncls * sizeof *sc);
        gesta_ptrain_score(pt, keys, nk, sc);
        int pred = -1, gold = -1, mincost = 1 << 30;
        /* Costs of SHIFT, LEFT and RIGHT with the right label (when the arc is
         * gold, else any); a wrong label on a gold arc costs one more. */
        int s0 = st.sp >= 1 ? st.stack[st.sp - 1] : -1, s1 = st.sp >= 2 ? st.stack[st.sp - 2] : -1;
        int lgl = s0 >= 0 && st.b <= n && w->ghead[s0] == st.b ? w->glab[s0] : -1;
        int lgr = s0 >= 0 && s1 >= 0 && w->ghead[s0] == s1 ? w->glab[s0] : -1;
        int csh = gesta_pstate_legal(&st, 0) ? gesta_pstate_cost(&st, 0, w->ghead, w->glab) : -1;
        int cl = gesta_pstate_legal(&st, 1) ? gesta_pstate_cost(&st, 1 + 2 * (lgl < 0 ? 0 : lgl), w->ghead, w->glab) : -1;
        int cr = gesta_pstate_legal(&st, 2) ? gesta_pstate_cost(&st, 2 + 2 * (lgr < 0 ? 0 : lgr), w->ghead, w->glab) : -1;
        for (int c = 0; c < ncls; c++) {
            if (c == 0) cost[c] = csh;
            else if (c & 1) cost[c] = cl < 0 ? -1 : cl + (lgl >= 0 && GESTA_TR_LABEL(c) != lgl);
            else cost[c] = cr < 0 ? -1 : cr + (lgr >= 0 && GESTA_TR_LABEL(c) != lgr);
            if (cost[c] < 0) continue;
            if (cost[c] < mincost) mincost = cost[c];
            if (pred < 0 || sc[c] > sc[pred]) pred = c;
        }
        for (int c = 0; c < ncls; c++)
            if (cost[c] >= 0 && cost[c] == mincost && (gold < 0 || sc[c] > sc[gold])) gold = c;
        if (cost[pred] > mincost) gesta_ptrain_update(pt, keys, nk, gold, pred);
        gesta_ptrain_tick(pt);
        int next = gold;
        if (cost[pred] > mincost && explore > 0 && rng_unit(rng) < explore) next = pred;
        gesta_pstate_apply(&st, next);
    }
}

/* ---- assembly ----------------------------------------------------------- */

typedef struct frozen { gesta_percep p; gesta_pbucket *bk; int32_t *ent; int16_t *dense; } frozen;
static void frozen_free(frozen *f) { gesta_pbucket_free(f->bk); free(f->ent); free(f->dense); memset(f, 0, sizeof *f); }

static int freeze(const gesta_ptrain *pt, frozen *f) {
    return gesta_ptrain_freeze(pt, &f->p, &f->bk, &f->ent, &f->dense);
}

#define JACKKNIFE 4
#define GESTA_MAX_PARSE_MODELS 4

/*
 * Trains one tagger pass (pass 0 or 1) on the sentences order[0..n). With a dev
 * set, every epoch's averaged weights are scored and the best kept (its epoch
 * count in *best_ep); without, all `epochs` run. m is used to score dev: the
 * pass being trained is installed in it temporarily.
 */
static int train_tagger(struct gesta_model *m, const gesta_tb *tr, int *order, int n, uint8_t *const *right,
                        const gesta_tb *dev, int epochs, int pass, ws *w, uint64_t *rng, const gesta_train_opts *o,
                        frozen *out, int *best_ep) {
    gesta_ptrain *pt = gesta_ptrain_new(m->ntag);
    if (!pt) return -1;
    frozen cand = {0};
    double best = -1;
    gesta_percep saved1 = m->tagger, saved2 = m->tagger2;
    *best_ep = epochs;
    for (int ep = 0; ep < epochs; ep++) {
        shuffle(order, n, rng);
        tagger_epoch(pt, tr, order, n, right, (int)m->ntag, w);
        if (!dev || !dev->n) continue;
        if (freeze(pt, &cand) < 0) break;
        if (pass) m->tagger2 = cand.p;
        else { m->tagger = cand.p; m->tagger2.nbucket = 0; }
        double acc = 0, unused;
        dev_score(m, dev, w, 0, &acc, &unused);
        logf_(o, "tagger pass %d epoch %d: dev tag accuracy %.2f (%u weights)", pass + 1, ep + 1, acc, cand.p.nent);
        if (acc > best) {
            best = acc;
            *best_ep = ep + 1;
            frozen_free(out);
            *out = cand;
            memset(&cand, 0, sizeof cand);
        } else {
            frozen_free(&cand);
            if (ep >= 3 && acc < best - 0.3) break;
        }
    }
    m->tagger = saved1;
    m->tagger2 = saved2;
    int rc = 0;
    if (!dev || !dev->n) rc = freeze(pt, out);
    else if (!out->bk) rc = -1;
    gesta_ptrain_free(pt);
    return rc;
}

int gesta_syntax_train(const gesta_train_opts *o, struct gesta_model **out, gesta_error *err) {
    *out = NULL;
    gesta_vocab voc = {0};
    gesta_tb tr = {0}, dev = {0};
    gesta_lemma_tables lt = {0};
    gesta_buf pool = GESTA_BUF_INIT;
    frozen ftag = {0}, ftag2 = {0}, fpar = {0}, cand = {0};
    uint8_t **jk = NULL;
    gesta_ptrain *pts[GESTA_MAX_PARSE_MODELS] = {0};
    gesta_lexslot *taglex = NULL;
    int *order = NULL;
    ws w = {0};
    int rc;
    uint64_t rng = o->seed * 0x2545F4914F6CDD1Dull + 1;

    if ((rc = gesta_tb_read(&tr, o->train_path, &voc, 1, err)) < 0) goto done;
    if (o->max_sents > 0) gesta_tb_truncate(&tr, o->max_sents);
    if (o->dev_path && (rc = gesta_tb_read(&dev, o->dev_path, &voc, 0, err)) < 0) goto done;
    if (voc.ntag < 1 || voc.nlab < 1) {
        rc = gesta_error_set(err, GESTA_EINPUT, o->train_path, 0, 0, "no tagged words in the training set");
        goto done;
    }
    int maxn = 1;
    for (int i = 0; i < tr.n; i++) if (tr.s[i].n > maxn) maxn = tr.s[i].n;
    for (int i = 0; i < dev.n; i++) if (dev.s[i].n > maxn) maxn = dev.s[i].n;
    order = malloc((size_t)tr.n * sizeof *order);
    if (!order || ws_alloc(&w, maxn) < 0) { rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory"); goto done; }
    for (int i = 0; i < tr.n; i++) order[i] = i;
    logf_(o, "training set: %d sentences, %d tags, %d labels", tr.n, voc.ntag, voc.nlab);

    /* the model under construction; tables point into voc/pool/frozen arrays */
    struct gesta_model m = {0};
    m.ntag = (uint32_t)voc.ntag;
    m.nlab = (uint32_t)voc.nlab;
    for (int i = 0; i < voc.ntag; i++) {
        char *tab = strchr(voc.tag_name[i], '\t');
        *tab = '\0';
        m.tag_upos[i] = (uint8_t)gesta_upos_from_name(voc.tag_name[i]);
        *tab = '\t';
        m.tag_xpos[i] = tab + 1;
    }
    for (int i = 0; i < voc.nlab; i++) m.lab_name[i] = voc.lab_name[i];

    uint8_t proper[GESTA_MAX_TAGS] = {0};
    for (int i = 0; i < voc.ntag; i++) proper[i] = m.tag_upos[i] == GESTA_UPOS_PROPN;
    if (build_taglex(&tr, voc.ntag, &taglex, &m.taglex.nslot) < 0) { rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory"); goto done; }
    m.taglex.slots = taglex;
    w.lex = &m.taglex;
    if (gesta_lemma_build(&tr, proper, &lt, &pool) < 0) { rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory"); goto done; }

    /* tagger, first pass: epochs chosen on dev */
    int ep1 = 0;
    if (train_tagger(&m, &tr, order, tr.n, NULL, &dev, o->tag_epochs, 0, &w, &rng, o, &ftag, &ep1) < 0) {
        rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    m.tagger = ftag.p;

    /* first-pass tags of every training sentence from a tagger that never saw it
     * (JACKKNIFE folds): the second pass and the parser learn from tags as
     * wrong as they will be on new text */
    jk = calloc((size_t)tr.n, sizeof *jk);
    int *fold = malloc((size_t)tr.n * sizeof *fold);
    if (!jk || !fold) { free(fold); rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory"); goto done; }
    for (int f = 0; f < JACKKNIFE && tr.n >= JACKKNIFE; f++) {
        int nin = 0;
        for (int i = 0; i < tr.n; i++)
            if (i % JACKKNIFE != f) fold[nin++] = i;
        frozen fj = {0};
        int unused_ep;
        if (train_tagger(&m, &tr, fold, nin, NULL, NULL, ep1, 0, &w, &rng, o, &fj, &unused_ep) < 0) {
            free(fold);
            rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory");
            goto done;
        }
        struct gesta_model mj = m;
        mj.tagger = fj.p;
        mj.tagger2.nbucket = 0;
        for (int i = f; i < tr.n; i += JACKKNIFE) {
            if (!(jk[i] = malloc((size_t)tr.s[i].n + 1))) continue;
            fill_wf(&w, &tr.s[i]);
            gesta_tagger_run(&mj, w.wf, tr.s[i].n, jk[i], w.tmp);
        }
        frozen_free(&fj);
        logf_(o, "jackknife fold %d of %d tagged", f + 1, JACKKNIFE);
    }
    free(fold);
    int have_jk = tr.n >= JACKKNIFE;
    for (int i = 0; i < tr.n && have_jk; i++) have_jk = jk[i] != NULL;

    /* tagger, second pass, over the jackknifed first-pass tags */
    if (have_jk && o->tag_epochs > 0 && o->tag_passes >= 2) {
        int ep2;
        for (int i = 0; i < tr.n; i++) order[i] = i;
        if (train_tagger(&m, &tr, order, tr.n, jk, &dev, o->tag_epochs, 1, &w, &rng, o, &ftag2, &ep2) < 0) {
            rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory");
            goto done;
        }
        m.tagger2 = ftag2.p;
    }
    for (int i = 0; i < tr.n; i++) order[i] = i;

    /* parser: train on predicted tags of the training set */
    int ncls = 1 + 2 * voc.nlab;
    int nmod = o->parse_models < 1 ? 1 : o->parse_models > GESTA_MAX_PARSE_MODELS ? GESTA_MAX_PARSE_MODELS : o->parse_models;
    for (int j = 0; j < nmod; j++) {
        pts[j] = gesta_ptrain_new((uint32_t)ncls);
        if (!pts[j]) { rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory"); goto done; }
        gesta_ptrain_set_prune(pts[j], o->parse_min_weight > 0 ? o->parse_min_weight : 0.05,
                               o->parse_min_updates > 0 ? (uint32_t)o->parse_min_updates : 1u);
        /* the parser looks up 92 features per step, many absent: a sparser table
         * makes those misses cheaper (~5 probes instead of ~8), for ~1 MB */
        gesta_ptrain_set_load(pts[j], 66);
    }
    uint8_t **ptags = calloc((size_t)tr.n, sizeof *ptags);
    if (!ptags) { rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory"); goto done; }
    int nproj = 0, nlifted = 0;
    for (int i = 0; i < tr.n; i++) {
        /* the tagger and lemmatizer are done with the gold heads: lift in place */
        int lifts = gesta_tbsent_projectivize(&tr.s[i]);
        if (lifts < 0) continue;
        nlifted += lifts > 0;
        nproj++;
        ptags[i] = malloc((size_t)tr.s[i].n + 1);
        if (!ptags[i]) continue;
        if (have_jk) {
            memcpy(ptags[i], jk[i], (size_t)tr.s[i].n);
        } else {
            fill_wf(&w, &tr.s[i]);
            gesta_tagger_run(&m, w.wf, tr.s[i].n, ptags[i], w.tmp);
        }
    }
    logf_(o, "parser: %d of %d sentences usable, %d of them projectivized by lifting (the rest are skipped)",
          nproj, tr.n, nlifted);
    double best = -1;
    for (int ep = 0; ep < o->parse_epochs; ep++) {
        for (int j = 0; j < nmod; j++) {
            shuffle(order, tr.n, &rng);
            for (int k = 0; k < tr.n; k++) {
                int i = order[k];
                if (!ptags[i]) continue;
                fill_wf(&w, &tr.s[i]);
                memcpy(w.tags, ptags[i], (size_t)tr.s[i].n);
                parser_sentence(pts[j], &tr.s[i], &w, ncls, ep > 0 ? o->explore : 0, &rng);
            }
        }
        gesta_ptrain *mean = nmod > 1 ? gesta_ptrain_mean(pts, nmod) : pts[0];
        int frc = mean ? freeze(mean, &cand) : -1;
        if (mean && mean != pts[0]) gesta_ptrain_free(mean);
        if (frc < 0) {
            rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        m.parser = cand.p;
        double acc = 0, las = 0;
        if (dev.n) dev_score(&m, &dev, &w, 1, &acc, &las);
        logf_(o, "parser epoch %d: dev LAS %.2f (%u weights)", ep + 1, las, cand.p.nent);
        if (!dev.n || las > best) {
            best = las;
            frozen_free(&fpar);
            fpar = cand;
            memset(&cand, 0, sizeof cand);
        } else {
            frozen_free(&cand);
            if (ep >= 4 && las < best - 0.5) break;
        }
    }
    for (int i = 0; i < tr.n; i++) free(ptags[i]);
    free(ptags);
    if (rc < 0) goto done;

    gesta_model_parts parts = {0};
    parts.ntag = m.ntag;
    parts.nlab = m.nlab;
    memcpy(parts.tag_xpos, m.tag_xpos, sizeof parts.tag_xpos);
    memcpy(parts.tag_upos, m.tag_upos, sizeof parts.tag_upos);
    memcpy(parts.lab_name, m.lab_name, sizeof parts.lab_name);
    parts.tagger = ftag.p;
    parts.tagger2 = ftag2.p;
    parts.parser = fpar.p;
    parts.lex = lt.lex;
    parts.nlex = lt.nlex;
    parts.suf = lt.suf;
    parts.nsuf = lt.nsuf;
    parts.pool = pool.data ? pool.data : "";
    parts.pool_len = pool.data ? (uint32_t)pool.len : 1;
    parts.taglex = m.taglex;
    unsigned char *buf;
    size_t len;
    if (gesta_model_serialize(&parts, &buf, &len) < 0) { rc = gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory"); goto done; }
    rc = gesta_model_from_buffer(out, buf, len, "(trained model)", err);
done:
    for (int j = 0; j < GESTA_MAX_PARSE_MODELS; j++) gesta_ptrain_free(pts[j]);
    frozen_free(&ftag);
    frozen_free(&ftag2);
    frozen_free(&fpar);
    frozen_free(&cand);
    if (jk)
        for (int i = 0; i < tr.n; i++) free(jk[i]);
    free(jk);
    free(lt.lex);
    free(lt.suf);
    free(taglex);
    gesta_buf_free(&pool);
    free(order);
    ws_free(&w);
    gesta_tb_free(&tr);
    gesta_tb_free(&dev);
    gesta_vocab_free(&voc);
    return rc;
}
