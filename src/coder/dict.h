/*
 * The loaded dictionaries (internal to src/coder). Everything lives in one arena
 * owned by struct gesta_dicts and is read-only after gesta_dicts_load, so any
 * number of threads can code with one engine.
 *
 * Words are interned: every dictionary word, lower-cased, gets a small id
 * (gesta_strmap). At coding time a token's norm and lemma are looked up once
 * and then compared as integers.
 */
#ifndef GESTA_CODER_DICT_H
#define GESTA_CODER_DICT_H
#include <stdint.h>

#include "coder/coder.h"
#include "coder/ontology.h"
#include "util/arena.h"
#include "util/strmap.h"

#define NO_WORD UINT32_MAX

/* What a word id starts: tested before any hash lookup at coding time. */
enum { WF_ACTOR = 1, WF_AGENT = 2, WF_DISCARD = 4, WF_VERB = 8, WF_ISSUE = 16 };
static inline int dict_wflag(const struct gesta_dicts *d, uint32_t w, int bit);

/* ---- phrases: a run of word ids, for actors, agents, discards, issues ---- */
typedef struct phrase {
    uint32_t *w;          /* word ids */
    uint16_t n;
    uint8_t stem;         /* 1: the last word may be a prefix of the token (discards) */
    uint32_t payload;     /* index into the owner's entries */
    int32_t next;         /* next phrase with the same first word, -1 */
    int32_t next2;        /* next phrase with the same first two words, -1 (longest first) */
} phrase;

typedef struct phrase_table {
    phrase *p;
    uint32_t n, cap;
    gesta_strmap *first;  /* first word id (as text) → index of first phrase */
    gesta_strmap *pair;   /* (first, second word) → first phrase of that pair (dict_index_pairs) */
    gesta_strmap *single; /* first word → its one-word phrase */
} phrase_table;

/* ---- actors ---- */
typedef struct actor_code {
    const char *code;
    int32_t from, to;     /* yyyymmdd inclusive; 0 = open */
    gesta_evidence_ref ev;
} actor_code;

typedef struct actor_entry {
    actor_code *codes;    /* dated codes in file order; an undated one is a default */
    uint16_t ncode, cap;
    const char *deflt;    /* code on the primary line, or NULL */
    gesta_evidence_ref ev;/* the primary line */
} actor_entry;

/* ---- agents ---- */
typedef struct agent_entry {
    const char *code;     /* without the ~ */
    uint8_t prefix;       /* 1: "NGO~" goes before the actor code */
    gesta_evidence_ref ev;
} agent_entry;

/* ---- verbs ---- */
enum { PE_WORD = 1, PE_SYN, PE_SRC, PE_TGT, PE_COMP, PE_SKIP };

typedef struct pat_el {
    uint8_t kind;         /* PE_* */
    uint8_t joined;       /* 1: must follow the previous element directly ("_") */
    uint8_t group;        /* 0 bare, 1 inside {...}, 2 inside (...) */
    uint8_t head;         /* 1: the head noun of a (PREP NOUN) or {ADJ NOUN} */
    uint32_t id;          /* word id or synset index */
} pat_el;

typedef struct verb_pattern {
    pat_el *pre, *post;   /* before and after the verb, in word order */
    uint16_t npre, npost;
    uint16_t weight;      /* how many words it needs: more specific patterns win */
    uint32_t anchor;      /* a word the sentence must hold for it to match, or NO_WORD */
    const char *code, *code2; /* code2: the second of a paired code "042:043" */
    gesta_evidence_ref ev;
} verb_pattern;

typedef struct verb_block {
    const char *code;     /* the block's code; NULL = "---" (no event alone) */
    const char *code2;    /* "[042:043]": the code of the reverse event, or NULL */
    uint32_t pat0, npat;  /* patterns [pat0, pat0+npat) of d->pats */
    gesta_evidence_ref ev;
} verb_block;

typedef struct verb_form {
    uint32_t block;
    const char *code;     /* its own [code], NULL: the block's; "" = explicit "---" */
    const char *code2;    /* its own paired code, or NULL */
    uint32_t before[4], after[4]; /* words around the verb word (multi-word verbs) */
    uint8_t nbefore, nafter;
    gesta_evidence_ref ev;
    int32_t next;         /* next form keyed by the same word, -1 */
} verb_form;

typedef struct synset {
    uint32_t name;        /* word id of "&NAME" */
    uint32_t **phr;       /* member phrases (word ids) */
    uint16_t *plen;
    uint32_t n, cap;
    uint64_t fmask;       /* bit (w & 63) for each member's first word w: a quick "cannot start here" */
    int32_t *next;        /* member → next member with the same first word, -1 */
} synset;

/* "~ a (a b ATTACK) SAY = a b 015": upper verb code, lower source/target/code → result */
typedef struct transform {
    char usrc;            /* upper source variable */
    char lsrc, ltgt;      /* lower source / target variable ('.', '_', or letter) */
    const char *lcode;    /* lower verb code, or "Q" any */
    const char *ucode;    /* upper verb code */
    char rsrc, rtgt;
    const char *rcode;    /* result code, or "Q" = the lower code */
    gesta_evidence_ref ev;
} transform;

typedef struct discard {
    uint8_t story;        /* 1: the whole story is dropped */
    gesta_evidence_ref ev;
} discard;

typedef struct issue_entry {
    const char *code;     /* NULL: an ignore phrase (~) */
    gesta_evidence_ref ev;
} issue_entry;

struct gesta_dicts {
    gesta_arena *arena;
    gesta_strmap *words;  /* word → id */
    const struct gesta_ontology *onto;

    verb_block *blocks; uint32_t nblock, block_cap;
    verb_pattern *pats; uint32_t npat, pat_cap;
    uint32_t *porder;     /* per block, its patterns by weight (heaviest first, then file order) */
    verb_form *forms; uint32_t nform, form_cap;
    gesta_strmap *verb_index; /* word id text → first form index */
    synset *syns; uint32_t nsyn, syn_cap;
    gesta_strmap *syn_index;  /* "&NAME" → synset index */
    gesta_strmap *syn_first;  /* (synset, first word) → its first member with that word */
    transform *trans; uint32_t ntrans, trans_cap;
    int verb_dialect;     /* 1 PETRARCH-1/TABARI, 2 PETRARCH-2 */

    actor_entry *actors; uint32_t nactor, actor_cap;
    phrase_table actor_phr;
    agent_entry *agents; uint32_t nagent, agent_cap;
    phrase_table agent_phr;
    discard *discards; uint32_t ndiscard, discard_cap;
    uint64_t stem_lens;   /* bit n: some one-word stem discard has n letters */
    gesta_strmap *stem_pre; /* the first 4 letters of each one-word stem of 4+ letters */
    uint32_t short_stem[16]; /* one-word stems of 1-3 letters (word ids), checked one by one */
    int nshort_stem;
    phrase_table discard_phr;
    issue_entry *issues; uint32_t nissue, issue_cap;
    phrase_table issue_phr;

    uint8_t *wflag;       /* per word id: WF_* (which tables it starts an entry of) */
    uint32_t nwflag;
    uint32_t nproblems;   /* lines reported */
    size_t file_bytes;
};

/* ---- loading helpers (dict_common.c) ---- */

/* The reporter: lines go to the engine as warnings, or are counted by dict check. */
typedef struct dict_ctx {
    struct gesta_dicts *d;
    gesta_engine *warn;   /* may be NULL */
    void (*report)(void *arg, const char *msg);
    void *report_arg;
    const char *file;     /* interned in d->arena */
    uint32_t line;
    int check;            /* 1: extra checks (gesta dict check) */
    int32_t cur;          /* the entry or block being read, -1 */
    int verb_pats;        /* verbs: lines seen in the current block */
    void *state;          /* the loader's own state while a file loads */
} dict_ctx;

void dict_problem(dict_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** Calls fn(line, len) for each line of the file (without the newline). -1 when unreadable. */
int dict_each_line(dict_ctx *c, const char *path, int (*fn)(dict_ctx *c, char *line, size_t len));
/** Cuts a "#" comment (and "<!-- -->" lines) off, trims; returns the new length. */
size_t dict_strip(char *line, size_t len);
/** dict_strip, then the line's content without leading white space: *len bytes at the
 *  returned pointer (*n becomes the stripped length); NULL when nothing is left. */
char *dict_content(char *line, size_t *n, size_t *len);
/** Interns a word (lower-cased, copied). */
uint32_t dict_word(struct gesta_dicts *d, const char *w, size_t n);
/** Looks a lower-case word up; NO_WORD when no dictionary uses it. */
uint32_t dict_word_find(const struct gesta_dicts *d, const char *w, size_t n);
const char *dict_word_text(const struct gesta_dicts *d, uint32_t id);
char *dict_strdup(struct gesta_dicts *d, const char *s, size_t n);
/** "YYYYMMDD" / "YYMMDD" → yyyymmdd, or -1. */
int32_t dict_parse_date(const char *s, size_t n);
/** Checks a CAMEO event code ("042", "---" ...) against the ontology. */
int dict_event_code_ok(const struct gesta_dicts *d, const char *code);
/** Adds a phrase to a table; returns its index or -1 on OOM. */
int dict_phrase_add(struct gesta_dicts *d, phrase_table *t, const uint32_t *w, uint16_t n, uint8_t stem,
                    uint32_t payload);
/** Builds the pair and single-word indexes of a table (after loading). */
int dict_index_pairs(struct gesta_dicts *d, phrase_table *t);
/** First phrase index whose first word is w, or -1. */
int32_t dict_phrase_first(const phrase_table *t, uint32_t w);
/** The regular plural of a lower-case word into out (size cap). */
void dict_plural(const char *w, size_t n, char *out, size_t cap);
/** Splits "A_B C" into words (lower-cased, interned); joined[i] = 1 when word i followed "_". */
int dict_split_words(struct gesta_dicts *d, const char *s, size_t n, uint32_t *w, uint8_t *joined, int max);
void *dict_grow(struct gesta_dicts *d, void *arr, uint32_t *cap, uint32_t n, size_t elem);

/* ---- the loaders ---- */
int dict_load_verbs(dict_ctx *c, const char *path);
int dict_load_actors(dict_ctx *c, const char *path);
int dict_load_agents(dict_ctx *c, const char *path);
int dict_load_discards(dict_ctx *c, const char *path);
int dict_load_issues(dict_ctx *c, const char *path);
/** After loading: each block's patterns ordered by weight (dict_verbs.c). */
int dict_finish_verbs(struct gesta_dicts *d);
/** Final checks after every file: overlapping dates (dict check only). */
void dict_check_actors(dict_ctx *c);

int dict_new(struct gesta_dicts **out);

static inline int dict_wflag(const struct gesta_dicts *d, uint32_t w, int bit) {
    return w < d->nwflag && (d->wflag[w] & bit);
}

/* What to load: NULL = nothing of that kind. */
typedef struct dict_files {
    const char *verbs, *agents, *discards, *issues;
    const char *actors[64];
    int nactors;
} dict_files;

/**
 * Loads the files into a fresh dictionary set. Problems go to report(arg, "FILE:LINE: msg")
 * or, when report is NULL, to warn. check = 1 adds the checks of `gesta dict check`.
 * A file that cannot be read: GESTA_EDICT with err filled.
 */
int dict_load_files(struct gesta_dicts **out, const dict_files *f, gesta_engine *warn,
                    void (*report)(void *, const char *), void *arg, int check, gesta_error *err);

#endif
