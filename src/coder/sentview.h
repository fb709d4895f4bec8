/*
 * A sentence prepared for coding: each token's dictionary word ids and its
 * children in the dependency tree. Built per sentence in the document's arena.
 */
#ifndef GESTA_CODER_SENTVIEW_H
#define GESTA_CODER_SENTVIEW_H
#include "coder/dict.h"
#include "core/doc.h"

#include <string.h>

/* String equality against a literal, the first byte compared inline (relations
 * and tags are compared in every inner loop). */
#define STREQ(a, lit) ((a)[0] == (lit)[0] && !strcmp((a), (lit)))

typedef struct sv_tok {
    const gesta_tok *t;
    uint32_t nid, lid;     /* norm / lemma word ids, NO_WORD if no dictionary uses them */
    int32_t head;          /* 0-based head, -1 root */
    int32_t kid0, nkid;    /* children: sv->kids[kid0 .. kid0+nkid) in order */
    const char *rel;       /* deprel without subtype ("nsubj" for "nsubj:pass") */
    const char *sub;       /* subtype or "" */
} sv_tok;

typedef struct sentview {
    const struct gesta_dicts *d;
    const gesta_doc *doc;
    uint32_t sent;
    int32_t n;
    sv_tok *tk;
    int32_t *kids;
    int32_t date;          /* yyyymmdd of the document, 0 unknown */
    uint32_t wset[256];    /* the sentence's word ids (norms and lemmas), open addressing */
    struct np_parts *npc;  /* per token: its noun phrase's parts, computed once */
    uint8_t *npdone;       /* 0 not yet, 1 none, 2 found */
} sentview;

/** 1 when some token of the sentence has word id w as norm or lemma. */
static inline int sv_has_word(const sentview *sv, uint32_t w) {
    for (uint32_t i = (w * 2654435761u) >> 24, k = 0; k < 256; i = (i + 1) & 255, k++) {
        if (sv->wset[i] == w) return 1;
        if (sv->wset[i] == NO_WORD) return 0;
    }
    return 1; /* full: assume present */
}

/** Builds the view of sentence s (arena of doc). Returns 0 or GESTA_ENOMEM. */
int sv_build(sentview *sv, const struct gesta_dicts *d, const gesta_doc *doc, uint32_t s, gesta_arena *a);
/** 1 when token i's relation is rel (base part: "nsubj" matches "nsubj:pass"). */
static inline int sv_is(const sentview *sv, int32_t i, const char *rel) {
    return i >= 0 && sv->tk[i].rel[0] == rel[0] && !strcmp(sv->tk[i].rel, rel);
}
/** First child of i with relation rel, or -1. */
int32_t sv_child(const sentview *sv, int32_t i, const char *rel);
/** 1 when token i matches word id w (form or lemma). */
static inline int sv_word(const sentview *sv, int32_t i, uint32_t w) {
    return w != NO_WORD && (sv->tk[i].nid == w || sv->tk[i].lid == w);
}

/* ---- actors.c ---- */
typedef struct np_code {
    const char *code;      /* in the arena or dictionary; NULL = none */
    int32_t head;          /* the noun phrase head */
    gesta_span span;       /* the actor/agent words */
    gesta_evidence_ref ev; /* the actor entry (or the agent when alone) */
} np_code;

/* What a noun phrase holds: its actor and its agents, before they are joined. */
typedef struct np_parts {
    int32_t head;
    const char *actor;      /* NULL: none */
    gesta_evidence_ref actor_ev, agent_ev;
    const char *agents[4];
    uint8_t prefix[4];
    int nagent;
    gesta_span span;
} np_parts;

int sv_np_parts(const sentview *sv, int32_t h, np_parts *out);
/** The tokens [lo, hi) of the noun phrase headed by h. */
void sv_np_span(const sentview *sv, int32_t h, int32_t *lo, int32_t *hi);
/** Like sv_np_parts, with the phrase widened to start at lo_from (not cached). */
int sv_np_parts_from(const sentview *sv, int32_t h, int32_t lo_from, np_parts *out);
/** actor + agents ("GON" + "~GOV" → "GONGOV"); an agent alone gets "---". */
const char *np_compose(const np_parts *p, const char *actor, gesta_arena *a);
/** Codes the noun phrase headed by token h: actor + agents. Returns 1 when coded. */
int sv_code_np(const sentview *sv, int32_t h, gesta_arena *a, np_code *out);
/** The actor entry code valid on date (yyyymmdd, 0 = unknown). */
const char *actor_code_on(const actor_entry *e, int32_t date, gesta_evidence_ref *ev);
/** Longest actor phrase starting at token i (within [lo,hi)); returns its length and entry. */
int sv_actor_at(const sentview *sv, int32_t i, int32_t hi, uint32_t *entry);
int32_t date_to_int(const char *ymd);

/* ---- discards.c ---- */
/** 1 when a discard phrase occurs in the sentence; *story = 1 for a story discard. */
int sv_discarded(const sentview *sv, int *story);
/** The sentence's issue codes joined by ";" (in a), or NULL. */
const char *sv_issues(const sentview *sv, gesta_arena *a);

/* ---- match.c ---- */
/** The head of the noun phrase token i sits in (climbs compound, amod, poss ...). */
int32_t sv_np_head(const sentview *sv, int32_t i);
typedef struct match_result {
    const verb_pattern *pat; /* NULL: no pattern matched */
    int32_t src, tgt;        /* tokens marked by $ / + in the pattern, -1 */
    int compound;            /* % matched */
} match_result;

/** Finds the best pattern of the block for verb token v. */
void match_verb(const sentview *sv, int32_t v, const verb_block *b, match_result *out);

#endif
