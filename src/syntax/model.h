/*
 * Internal interfaces of the syntax stage: the averaged perceptron (frozen and
 * training forms), word features, the tagger, the arc-hybrid parser, the
 * lemmatizer, the model file and a small CoNLL-U loader for training.
 *
 * Everything a loaded model holds points into one buffer read from the model
 * file; the model is never written after loading, so threads share it freely.
 */
#ifndef GESTA_SYNTAX_MODEL_H
#define GESTA_SYNTAX_MODEL_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gesta.h"

#define GESTA_MODEL_MAGIC "GESTAMDL"
#define GESTA_MODEL_VERSION 6u
#define GESTA_MAX_TAGS 250      /* tagger classes (UPOS+XPOS pairs); 255 = none, 254 = root */
#define GESTA_MAX_LABELS 120    /* parser classes = 1 + 2 * labels must fit in 8 bits */
#define GESTA_TAG_NONE 255
#define GESTA_TAG_ROOT 254

/* ---- hashing ------------------------------------------------------------ */

static inline uint64_t gesta_mix64(uint64_t x) {
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27; x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}
/* Feature keys: template id and up to three values. Never 0 (0 marks an empty slot). */
static inline uint64_t gesta_fk1(uint64_t t, uint64_t a) {
    uint64_t k = gesta_mix64(a ^ (t * 0x9E3779B97F4A7C15ull));
    return k ? k : 1;
}
static inline uint64_t gesta_fk2(uint64_t t, uint64_t a, uint64_t b) {
    return gesta_fk1(t, a ^ gesta_mix64(b + 0x632BE59BD9B4E019ull));
}
static inline uint64_t gesta_fk3(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
    return gesta_fk2(t, a, b ^ gesta_mix64(c + 0x8CB92BA72F3D8DD7ull));
}
uint64_t gesta_syn_hash(const char *s, size_t n);

/* ---- frozen averaged perceptron ---------------------------------------- */

/* The weight table is a hash table of buckets of 8 slots, one cache line each:
 * the 8 keys' fingerprints (the key's upper 32 bits, 0 = empty; a bucket fills
 * from the front), then their 8 weight references, each either a sparse run of
 * entries packed as off << 7 | n (n < 127, off < 2^25) or, with n == 127, the
 * dense row number off (features with weights for many classes are cheaper to
 * add as one contiguous row). A key lives in its home bucket or, when that was
 * full, in the next ones; a bucket with a free slot ends the search. One lookup
 * is one cache line and one SIMD compare of 8 fingerprints. */
#define GESTA_PSLOT_DENSE 127u
#define GESTA_PERCEP_SCALE 4096   /* a sparse entry's weight w is stored as round(w * 4096) */
#define GESTA_PBUCKET_SLOTS 8
typedef struct gesta_pbucket { uint32_t fp[GESTA_PBUCKET_SLOTS], run[GESTA_PBUCKET_SLOTS]; } gesta_pbucket;
#define GESTA_PSLOT_FP(key) ((uint32_t)((key) >> 32) ? (uint32_t)((key) >> 32) : 1u)
/* Home bucket of a key in a table of nb buckets (any size: multiply-shift range reduction). */
#define GESTA_PSLOT_HOME(key, nb) ((uint32_t)(((uint64_t)(uint32_t)(key) * (uint64_t)(nb)) >> 32))

/* Weights of (feature, class) pairs that survived pruning: bucket table → a
 * run of entries, each (weight << 8 | class) with the weight in fixed point. */
typedef struct gesta_percep {
    uint32_t nclass;
    uint32_t nbucket;          /* any size; at least one slot is empty */
    uint32_t nent;
    uint32_t ndense, stride;   /* dense rows of stride (nclass rounded up to 16) int16 weights */
    uint32_t dshift;           /* a dense weight w stands for w << dshift in entry units */
    const gesta_pbucket *bk;
    const int32_t *ent;
    const int16_t *dense;
} gesta_percep;
#define GESTA_DENSE_STRIDE(nclass) (((nclass) + 15u) & ~15u)

/** Adds the weights of keys[0..nkeys) into scores[0..stride) (caller zeroes all of it). */
void gesta_percep_score(const gesta_percep *p, const uint64_t *keys, int nkeys, int32_t *scores);

/* ---- training perceptron ------------------------------------------------ */

typedef struct gesta_ptrain gesta_ptrain;
gesta_ptrain *gesta_ptrain_new(uint32_t nclass);
void gesta_ptrain_free(gesta_ptrain *t);
void gesta_ptrain_score(const gesta_ptrain *t, const uint64_t *keys, int nkeys, float *scores);
/** Freezing drops averaged weights below min_weight (default 0.05) and features
 * updated fewer than min_updates times (default 1: none). */
void gesta_ptrain_set_prune(gesta_ptrain *t, double min_weight, uint32_t min_updates);
/** Fill of the frozen bucket table in percent (default 75; fewer overflowing buckets below). */
void gesta_ptrain_set_load(gesta_ptrain *t, uint32_t pct);
/** A new perceptron whose weights are the mean of the averaged weights of ts[0..n)
 * (independently shuffled runs: a cheap ensemble with one model's scoring cost). */
gesta_ptrain *gesta_ptrain_mean(gesta_ptrain *const *ts, int n);
/** One example seen (advances the averaging clock). */
void gesta_ptrain_tick(gesta_ptrain *t);
uint32_t gesta_ptrain_nclass(const gesta_ptrain *t);
/** Moves weights towards gold and away from pred (no-op when equal). */
void gesta_ptrain_update(gesta_ptrain *t, const uint64_t *keys, int nkeys, int gold, int pred);
/** Averages, quantizes and prunes into malloc'd arrays (*bk, *ent, *dense; caller frees *bk
 * with gesta_pbucket_free: it is allocated aligned to a cache line). */
int gesta_ptrain_freeze(const gesta_ptrain *t, gesta_percep *out, gesta_pbucket **bk, int32_t **ent, int16_t **dense);
void gesta_pbucket_free(gesta_pbucket *bk);

/* ---- word features ------------------------------------------------------ */

typedef struct gesta_wfeat {
    uint64_t lw;        /* lower-cased form */
    uint64_t fw;        /* form as written */
    uint64_t shape;     /* Xxxx, dd, ... */
    uint64_t suf[4];    /* last 1..4 bytes of the lower-cased form */
    uint64_t pre[2];    /* first 1..2 bytes */
    uint64_t flags;     /* has digit, hyphen, upper, all upper, title, first */
    uint64_t amb;       /* the set of tags the word had in training (0: rare word) */
    uint64_t pw;        /* the parser's word: lw for words seen ≥ 3 times, else suffix+shape */
} gesta_wfeat;

/* The tag lexicon: lower-cased form hash → (ambiguity class hash, most frequent tag). */
typedef struct gesta_lexslot { uint64_t key; uint32_t a, b; } gesta_lexslot;
typedef struct gesta_taglex { const gesta_lexslot *slots; uint32_t nslot; } gesta_taglex;

/** Fills the word features of forms[0..n); lex may have no slots. */
void gesta_wfeat_fill(gesta_wfeat *wf, const char *const *forms, int n, const gesta_taglex *lex);
/** Looks a key up in a lexslot table (power-of-two size); NULL if absent. */
const gesta_lexslot *gesta_lexslot_find(const gesta_lexslot *t, uint32_t nslot, uint64_t key);

/* ---- the model ---------------------------------------------------------- */

struct gesta_model {
    unsigned char *buf;         /* the whole file (owned) */
    size_t size;
    uint32_t ntag, nlab;
    const char *tag_xpos[GESTA_MAX_TAGS];
    uint8_t tag_upos[GESTA_MAX_TAGS];
    const char *lab_name[GESTA_MAX_LABELS];
    gesta_percep tagger, tagger2, parser;  /* tagger2: second pass (nslot 0: none) */
    /* lemmatizer: exceptions (lower form, tag) → kind/lemma, suffix rules */
    uint32_t nlex, nsuf;        /* slot counts (powers of two) */
    const gesta_lexslot *lex, *suf;
    const char *pool;
    uint32_t pool_len;
    gesta_taglex taglex;
    int16_t base_tag[GESTA_MAX_TAGS]; /* VBD → VB, NNS → NN, JJR → JJ ...; -1 (derived at load) */
    int search;                 /* parser search (gesta_parser_run); set at load, changed only before use */
};

/* What the trainer hands to the writer. */
typedef struct gesta_model_parts {
    uint32_t ntag, nlab;
    const char *tag_xpos[GESTA_MAX_TAGS];
    uint8_t tag_upos[GESTA_MAX_TAGS];
    const char *lab_name[GESTA_MAX_LABELS];
    gesta_percep tagger, tagger2, parser;
    uint32_t nlex, nsuf;
    const gesta_lexslot *lex, *suf;
    const char *pool;
    uint32_t pool_len;
    gesta_taglex taglex;
} gesta_model_parts;

/** Lays the parts out in the file format: *buf is malloc'd (caller frees). */
int gesta_model_serialize(const gesta_model_parts *parts, unsigned char **buf, size_t *len);
int gesta_model_write(const char *path, const gesta_model_parts *parts, gesta_error *err);
/** Fills m->base_tag from the tag names (the lemmatizer checks candidates against base forms). */
void gesta_model_base_tags(struct gesta_model *m);
/** Loads from memory (takes ownership of buf, malloc'd). */
int gesta_model_from_buffer(struct gesta_model **out, unsigned char *buf, size_t size, const char *name,
                            gesta_error *err);

/* ---- tagger ------------------------------------------------------------- */

#define GESTA_TAGGER_MAXF 64
/** Features of word i given the tags already chosen for words before it and
 * (second pass) the first pass's tags of all words (right), or NULL. */
int gesta_tagger_features(const gesta_wfeat *wf, int n, int i, const uint8_t *tags, const uint8_t *right,
                          uint64_t *keys);
/** Tags the n words into tags[] (class ids); tmp: n bytes of scratch. */
void gesta_tagger_run(const struct gesta_model *m, const gesta_wfeat *wf, int n, uint8_t *tags, uint8_t *tmp);

/* ---- parser (arc-hybrid) ------------------------------------------------ */

/* Transition classes: 0 SHIFT, 1 + 2*l LEFT-l, 2 + 2*l RIGHT-l. */
enum { GESTA_TR_SHIFT = 0 };
#define GESTA_TR_IS_LEFT(c) ((c) > 0 && ((c) & 1))
#define GESTA_TR_IS_RIGHT(c) ((c) > 0 && !((c) & 1))
#define GESTA_TR_LABEL(c) (((c) - 1) / 2)

/* Parser state over words 1..n, 0 = root. All arrays have n + 1 elements. */
typedef struct gesta_pstate {
    int n;
    int *stack, sp;       /* stack[0..sp) */
    int b;                /* buffer front; buffer = b..n; b > n = empty */
    int *head, *lab;
    int *lc1, *lc2, *rc1, *rc2; /* leftmost, 2nd leftmost, rightmost, 2nd rightmost child */
    int *nl, *nr;         /* number of left / right children */
    uint64_t *lset, *rset; /* labels of the left / right children, as bit sets (label & 63) */
} gesta_pstate;

/** Scratch for a sentence of n words: ints needed by gesta_pstate_init. */
size_t gesta_pstate_ints(int n);
void gesta_pstate_init(gesta_pstate *s, int n, int *mem);
int gesta_pstate_done(const gesta_pstate *s);
int gesta_pstate_legal(const gesta_pstate *s, int cls);
void gesta_pstate_apply(gesta_pstate *s, int cls);
/** Cost (dynamic oracle) of cls: gold arcs it makes unreachable. */
int gesta_pstate_cost(const gesta_pstate *s, int cls, const int *ghead, const int *glab);

#define GESTA_PARSER_MAXF 96
int gesta_parser_features(const gesta_pstate *s, const gesta_wfeat *wf, const uint8_t *tags, uint64_t *keys);
/** Scratch ints needed by gesta_parser_run for n words. */
size_t gesta_parser_ints(int n);
/** Parses words with tags: fills head[1..n], lab[1..n]. search: 0 for greedy
 * decoding, else how many uncertain decisions to try the other way (see
 * parser.c). mem: gesta_parser_ints(n) ints. */
void gesta_parser_run(const struct gesta_model *m, const gesta_wfeat *wf, const uint8_t *tags, int n, int search,
                      int *mem, int *head_out, int *lab_out);
/** The parser search used unless the caller sets one (gesta_model.search). */
#define GESTA_PARSE_SEARCH_DEFAULT 4


/* ---- lemmatizer --------------------------------------------------------- */

/* Exception entries: kind in a (0 = the form itself, 1 = lower-cased form, 2 = the
 * string at pool + b); rules: cut a bytes, append pool + b. */
uint64_t gesta_lemma_key(const char *lower, size_t n, int tag);
uint64_t gesta_lemma_suffix_key(const char *lower_suffix, size_t n, int tag);
/**
 * The lemma of form with tag. Returns a model-owned string, or writes into buf
 * (size bufsize) and returns buf; NULL means "the form itself".
 */
const char *gesta_lemmatize(const struct gesta_model *m, const char *form, int tag, char *buf, size_t bufsize);

/* ---- CoNLL-U corpus for training and evaluation ------------------------- */

typedef struct gesta_tbsent {
    int n;                 /* words */
    char **form, **lemma;
    int *tag, *head, *lab; /* -1 = unknown */
    char **line;           /* raw lines of the block (comments, ranges, words) */
    int *line_word;        /* per line: word index 0..n-1, or -1 */
    int nline;
} gesta_tbsent;

typedef struct gesta_tb {
    gesta_tbsent *s;
    int n;
} gesta_tb;

/* Tag and label vocabularies: built from the training corpus, reused for dev. */
typedef struct gesta_vocab {
    int ntag, nlab;
    char *tag_name[GESTA_MAX_TAGS];   /* "UPOS\tXPOS" */
    char *lab_name[GESTA_MAX_LABELS];
} gesta_vocab;

/** Reads a CoNLL-U file. grow: add unseen tags/labels to voc (training). */
int gesta_tb_read(gesta_tb *c, const char *path, gesta_vocab *voc, int grow, gesta_error *err);
void gesta_tb_free(gesta_tb *c);
/** Keeps the first n sentences. */
void gesta_tb_truncate(gesta_tb *c, int n);
void gesta_vocab_free(gesta_vocab *v);
/** Is the gold tree of s projective (and single-rooted, all heads valid)? */
int gesta_tbsent_projective(const gesta_tbsent *s);
/** Makes the gold tree of s projective by lifting non-projective arcs to the
 * head's head (labels kept). Returns the number of lifts, or -1 if the tree is
 * not a single-rooted tree over valid heads (left unchanged). */
int gesta_tbsent_projectivize(gesta_tbsent *s);

/* ---- training and evaluation (train.c, evaluate.c) ---------------------- */

typedef struct gesta_train_opts {
    const char *train_path, *dev_path;  /* dev may be NULL: fixed epochs */
    uint64_t seed;
    int tag_epochs, parse_epochs;       /* maximum epochs; the best on dev is kept */
    int tag_passes;                     /* 1, or 2: a second pass sees the first's right context */
    int max_sents;                      /* 0 = all (tests train on a few) */
    double explore;                     /* probability of following a wrong prediction */
    double parse_min_weight;            /* parser pruning: smallest averaged weight kept (0: 0.05) */
    int parse_min_updates;              /* parser pruning: fewest updates a feature needs (0: 1) */
    int parse_models;                   /* parsers trained on different shuffles, weights averaged (0: 1) */
    void (*log)(void *ctx, const char *msg);
    void *log_ctx;
} gesta_train_opts;

/** Trains tagger, lemmatizer and parser; returns the model in memory (*out, gesta_model_free). */
int gesta_syntax_train(const gesta_train_opts *o, struct gesta_model **out, gesta_error *err);
/** Writes a (trained or loaded) model to a file. */
int gesta_model_save(const struct gesta_model *m, const char *path, gesta_error *err);

/* las: the full relation (subtype included) must match; las_u: its universal
 * part only, as the CoNLL 2018 scorer and `gesta eval` count LAS. */
typedef struct gesta_syn_score { long words, upos, xpos, uas, las, las_u, lemma; } gesta_syn_score;
/**
 * Scores m on c with gold tokens through the document API (gesta_syntax_run);
 * punctuation included. When out is not
 * NULL, writes the system's CoNLL-U there.
 */
int gesta_syntax_eval(const struct gesta_model *m, const gesta_tb *c, const gesta_vocab *v,
                      gesta_syn_score *sc, FILE *out);
/** Rebuilds the raw text of c's documents (# newdoc, # newpar, # text), runs the whole
 * text layer and the syntax on it, and writes CoNLL-U to out (score it by alignment). */
int gesta_syntax_eval_raw(const struct gesta_model *m, const gesta_tb *c, FILE *out);

#endif
