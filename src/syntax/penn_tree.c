/*
 * Reading Penn treebank bracketings: "(ROOT (S (NP (NNP Arnor)) (VP ...)))".
 * An explicit stack instead of recursion, so a hostile input nested a million
 * deep cannot overflow the C stack.
 */
#include <stdlib.h>
#include <string.h>

#include "syntax/penn.h"

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static size_t skip_ws(const char *s, size_t n, size_t p) {
    while (p < n && is_ws(s[p])) p++;
    return p;
}

/* An atom: everything up to whitespace or a parenthesis. */
static size_t atom_end(const char *s, size_t n, size_t p) {
    while (p < n && !is_ws(s[p]) && s[p] != '(' && s[p] != ')') p++;
    return p;
}

#define GROW(arr, n, cap, fail)                                          \
    do {                                                                 \
        if ((n) == (cap)) {                                              \
            int nc_ = (cap) ? (cap) * 2 : 64;                            \
            void *p_ = realloc((arr), (size_t)nc_ * sizeof *(arr));      \
            if (!p_) fail;                                               \
            (arr) = p_;                                                  \
            (cap) = nc_;                                                 \
        }                                                                \
    } while (0)

/* "NP-SBJ-1" → label "NP", ftag "SBJ"; "-LRB-", "-NONE-" stay whole. */
static void set_label(penn_node *nd, const char *s, size_t n) {
    nd->label[0] = nd->ftag[0] = '\0';
    if (n == 0) return;
    size_t cut = n;
    if (s[0] != '-') {
        for (size_t i = 1; i < n; i++)
            if (s[i] == '-' || s[i] == '=') { cut = i; break; }
    }
    size_t l = cut < sizeof nd->label ? cut : sizeof nd->label - 1;
    memcpy(nd->label, s, l);
    nd->label[l] = '\0';
    if (cut < n && s[cut] == '-') {
        size_t a = cut + 1, b = a;
        while (b < n && s[b] != '-' && s[b] != '=') b++;
        size_t fl = b - a < sizeof nd->ftag ? b - a : sizeof nd->ftag - 1;
        memcpy(nd->ftag, s + a, fl);
        nd->ftag[fl] = '\0';
    }
}

static int new_node(penn_tree *t, const char *lab, size_t labn, int parent) {
    GROW(t->nodes, t->nnode, t->node_cap, return -1);
    penn_node *nd = &t->nodes[t->nnode];
    memset(nd, 0, sizeof *nd);
    set_label(nd, lab, labn);
    nd->tok = -1;
    nd->head_kid = -1;
    nd->head = -1;
    nd->parent = parent;
    return t->nnode++;
}

typedef struct frame { int node; int kids_from; } frame;

int penn_read_tree(const char *s, size_t n, size_t *pos, penn_tree *t) {
    t->nnode = t->nkidpool = t->nword = 0;
    t->root = -1;
    size_t p = skip_ws(s, n, *pos);
    *pos = p;
    if (p >= n) return 0;
    if (s[p] != '(') return -1;
    frame *st = NULL;
    int nst = 0, capst = 0;
    int *tmp = NULL, ntmp = 0, captmp = 0; /* kids collected for the open phrases */
    int rc = -1;
    for (;;) {
        p = skip_ws(s, n, p);
        if (p >= n) goto out; /* unbalanced */
        if (s[p] == '(') {
            p = skip_ws(s, n, p + 1);
            size_t ls = p, le = atom_end(s, n, p);
            p = skip_ws(s, n, le);
            int parent = nst ? st[nst - 1].node : -1;
            if (p < n && s[p] != '(' && s[p] != ')') { /* a preterminal: (TAG word) */
                size_t ws = p, we = atom_end(s, n, p);
                p = skip_ws(s, n, we);
                if (p >= n || s[p] != ')') goto out; /* (NNP Minas Tirith): not Penn */
                p++;
                if (le - ls == 6 && !memcmp(s + ls, "-NONE-", 6)) {
                    if (!nst) { rc = -1; goto out; }
                    continue; /* an empty element: no word */
                }
                int nd = new_node(t, s + ls, le - ls, parent);
                if (nd < 0) { rc = -2; goto out; }
                GROW(t->words, t->nword, t->word_cap, { rc = -2; goto out; });
                penn_word *w = &t->words[t->nword];
                memset(w, 0, sizeof *w);
                w->word = s + ws;
                w->len = we - ws;
                memcpy(w->tag, t->nodes[nd].label, sizeof w->tag);
                w->head = -1;
                t->nodes[nd].tok = t->nword++;
                t->nodes[nd].head = t->nodes[nd].tok;
                if (!nst) { t->root = nd; rc = 1; goto out; }
                GROW(tmp, ntmp, captmp, { rc = -2; goto out; });
                tmp[ntmp++] = nd;
            } else {
                int nd = new_node(t, s + ls, le - ls, parent);
                if (nd < 0) { rc = -2; goto out; }
                GROW(st, nst, capst, { rc = -2; goto out; });
                st[nst].node = nd;
                st[nst].kids_from = ntmp;
                nst++;
            }
        } else if (s[p] == ')') {
            p++;
            if (!nst) goto out;
            frame f = st[--nst];
            int nk = ntmp - f.kids_from;
            if (nk > 0) {
                while (t->nkidpool + nk > t->kidpool_cap) {
                    int nc = t->kidpool_cap ? t->kidpool_cap * 2 : 128;
                    int *q = realloc(t->kidpool, (size_t)nc * sizeof *q);
                    if (!q) { rc = -2; goto out; }
                    t->kidpool = q;
                    t->kidpool_cap = nc;
                }
                penn_node *nd = &t->nodes[f.node];
                nd->kid0 = t->nkidpool;
                nd->nkid = nk;
                memcpy(t->kidpool + t->nkidpool, tmp + f.kids_from, (size_t)nk * sizeof *tmp);
                t->nkidpool += nk;
                ntmp = f.kids_from;
            }
            if (!nst) {
                if (nk == 0) goto out; /* nothing but empty elements */
                t->root = f.node;
                rc = 1;
                goto out;
            }
            if (nk > 0) { /* an emptied phrase is dropped */
                GROW(tmp, ntmp, captmp, { rc = -2; goto out; });
                tmp[ntmp++] = f.node;
            }
        } else {
            goto out; /* a bare word inside a phrase */
        }
    }
out:
    free(st);
    free(tmp);
    *pos = p;
    return rc;
}

void penn_tree_free(penn_tree *t) {
    free(t->nodes);
    free(t->kidpool);
    free(t->words);
    memset(t, 0, sizeof *t);
}
