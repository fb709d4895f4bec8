/*
 * Penn treebank bracketing → UD dependencies (internal to src/syntax).
 *
 * penn_tree.c reads a bracketing into nodes; penn_ud.c finds content heads and
 * UD relations over them; given.c puts the result into the document.
 */
#ifndef GESTA_SYNTAX_PENN_H
#define GESTA_SYNTAX_PENN_H
#include <stddef.h>

typedef struct penn_node {
    char label[24];    /* base label, function tags stripped ("NP" of "NP-SBJ-1"); the tag of a preterminal */
    char ftag[16];     /* the first function tag ("SBJ", "TMP"), or "" */
    int tok;           /* preterminals: word index within the tree, else -1 */
    int kid0, nkid;    /* children: t->kidpool[kid0 .. kid0+nkid), in order */
    int parent;        /* -1 for the top */
    int head_kid;      /* position in kids of the head child, -1 for preterminals */
    int head;          /* lexical head word */
} penn_node;

typedef struct penn_word {
    const char *word;  /* the leaf as written (points into the tree's copy of the text) */
    size_t len;
    char tag[24];
    int head;          /* 0-based word index, -1 = root */
    const char *rel;   /* UD relation (static string) */
    int passive;       /* some dependent is aux:pass */
} penn_word;

typedef struct penn_tree {
    penn_node *nodes; int nnode, node_cap;
    int *kidpool; int nkidpool, kidpool_cap;
    penn_word *words; int nword, word_cap;
    int root;          /* index of the top node */
} penn_tree;

/**
 * Reads the next tree of the bracketing s[*pos..n): fills t (reset first) and
 * advances *pos. Returns 1 for a tree, 0 at the end, -1 when malformed (*pos
 * then points at the problem), -2 out of memory. Empty elements (-NONE-) and
 * the phrases left empty by them are dropped.
 */
int penn_read_tree(const char *s, size_t n, size_t *pos, penn_tree *t);

/** Fills every word's head and rel (content heads, UD relations). 0, or -1 when the tree is empty. */
int penn_to_ud(penn_tree *t);

/** The UPOS name for a Penn tag given the word's relation ("AUX" for an auxiliary VB*). */
const char *penn_upos(const char *tag, const char *word, size_t len, const char *rel);

void penn_tree_free(penn_tree *t);

struct gesta_arena;
/** A lemma for form with Penn tag (rules and a table of irregular forms; no model), in ar. NULL on OOM. */
const char *gesta_penn_lemma(struct gesta_arena *ar, const char *form, const char *tag);

#define PENN_KID(t, nd, i) ((t)->kidpool[(nd)->kid0 + (i)])

#endif
