/*
 * A small CoNLL-U loader for training and evaluating the syntax models. It keeps
 * each sentence's raw lines so an evaluation can write the same block back with
 * the predicted columns (multiword-token ranges and comments stay as given).
 * Empty nodes (ids like 8.1) are kept as raw lines but are not words.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "syntax/model.h"

static int vocab_find(char **names, int *count, int max, const char *s, int grow) {
    for (int i = 0; i < *count; i++)
        if (!strcmp(names[i], s)) return i;
    if (!grow || *count >= max) return -1;
    names[*count] = strdup(s);
    if (!names[*count]) return -1;
    return (*count)++;
}

void gesta_vocab_free(gesta_vocab *v) {
    for (int i = 0; i < v->ntag; i++) free(v->tag_name[i]);
    for (int i = 0; i < v->nlab; i++) free(v->lab_name[i]);
    memset(v, 0, sizeof *v);
}

static void csent_free(gesta_tbsent *s) {
    for (int i = 0; i < s->n; i++) {
        free(s->form[i]);
        free(s->lemma[i]);
    }
    for (int i = 0; i < s->nline; i++) free(s->line[i]);
    free(s->form); free(s->lemma); free(s->tag); free(s->head); free(s->lab);
    free(s->line); free(s->line_word);
    memset(s, 0, sizeof *s);
}

void gesta_tb_free(gesta_tb *c) {
    for (int i = 0; i < c->n; i++) csent_free(&c->s[i]);
    free(c->s);
    c->s = NULL;
    c->n = 0;
}

/* Split a line on tabs into at most 10 fields (in place). */
static int split(char *line, char **f) {
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            *p = '\0';
            if (n == 10) return 11;
            f[n++] = p + 1;
        }
    return n;
}

typedef struct block {
    char **lines;
    int n, cap;
} block;

static int finish(gesta_tb *c, int *cap, block *b, gesta_vocab *voc, int grow, const char *path,
                  long first_line, gesta_error *err) {
    if (!b->n) return 0;
    gesta_tbsent s = {0};
    int words = 0;
    for (int i = 0; i < b->n; i++) {
        const char *l = b->lines[i];
        if (l[0] == '#') continue;
        size_t d = strspn(l, "0123456789");
        if (d && l[d] == '\t') words++;
    }
    s.n = words;
    s.form = calloc((size_t)words + 1, sizeof *s.form);
    s.lemma = calloc((size_t)words + 1, sizeof *s.lemma);
    s.tag = calloc((size_t)words + 1, sizeof *s.tag);
    s.head = calloc((size_t)words + 1, sizeof *s.head);
    s.lab = calloc((size_t)words + 1, sizeof *s.lab);
    s.line_word = calloc((size_t)b->n, sizeof *s.line_word);
    s.line = b->lines;
    s.nline = b->n;
    b->lines = NULL;
    b->n = b->cap = 0;
    if (!s.form || !s.lemma || !s.tag || !s.head || !s.lab || !s.line_word) goto oom;
    int w = 0;
    for (int i = 0; i < s.nline; i++) {
        s.line_word[i] = -1;
        const char *l = s.line[i];
        if (l[0] == '#') continue;
        size_t d = strspn(l, "0123456789");
        if (!d || l[d] != '\t') continue;
        char *copy = strdup(l), *f[11];
        if (!copy) goto oom;
        int nf = split(copy, f);
        if (nf != 10 || atoi(f[0]) != w + 1) {
            free(copy);
            s.n = w;
            csent_free(&s);
            return gesta_error_set(err, GESTA_EINPUT, path, first_line + i, 0,
                                   "expected a CoNLL-U word line with 10 columns numbered %d", w + 1);
        }
        s.line_word[i] = w;
        s.form[w] = strdup(f[1]);
        s.lemma[w] = strdup(f[2]);
        if (!s.form[w] || !s.lemma[w]) { free(copy); s.n = w + 1; goto oom; }
        char tag[128];
        snprintf(tag, sizeof tag, "%s\t%s", f[3], f[4]);
        s.tag[w] = vocab_find(voc->tag_name, &voc->ntag, GESTA_MAX_TAGS - 6, tag, grow);
        char *end;
        long h = strtol(f[6], &end, 10);
        s.head[w] = (*end || end == f[6]) ? -1 : (int)h;
        s.lab[w] = vocab_find(voc->lab_name, &voc->nlab, GESTA_MAX_LABELS, f[7], grow);
        free(copy);
        w++;
    }
    if (w == 0) { csent_free(&s); return 0; }
    if (c->n == *cap) {
        int nc = *cap ? *cap * 2 : 1024;
        gesta_tbsent *p = realloc(c->s, (size_t)nc * sizeof *p);
        if (!p) goto oom;
        c->s = p;
        *cap = nc;
    }
    c->s[c->n++] = s;
    return 0;
oom:
    csent_free(&s);
    return gesta_error_set(err, GESTA_ENOMEM, path, 0, 0, "out of memory");
}

int gesta_tb_read(gesta_tb *c, const char *path, gesta_vocab *voc, int grow, gesta_error *err) {
    memset(c, 0, sizeof *c);
    FILE *fp = fopen(path, "r");
    if (!fp) return gesta_error_set(err, GESTA_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    long lineno = 0, first = 1;
    int cap = 0, rc = GESTA_OK;
    block b = {0};
    while ((len = getline(&line, &lcap, fp)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (len == 0) {
            if ((rc = finish(c, &cap, &b, voc, grow, path, first, err)) < 0) break;
            first = lineno + 1;
            continue;
        }
        if (b.n == b.cap) {
            int nc = b.cap ? b.cap * 2 : 64;
            char **p = realloc(b.lines, (size_t)nc * sizeof *p);
            if (!p) { rc = gesta_error_set(err, GESTA_ENOMEM, path, lineno, 0, "out of memory"); break; }
            b.lines = p;
            b.cap = nc;
        }
        if (!(b.lines[b.n] = strdup(line))) { rc = gesta_error_set(err, GESTA_ENOMEM, path, lineno, 0, "out of memory"); break; }
        b.n++;
    }
    if (rc == GESTA_OK) rc = finish(c, &cap, &b, voc, grow, path, first, err);
    for (int i = 0; i < b.n; i++) free(b.lines[i]);
    free(b.lines);
    free(line);
    fclose(fp);
    if (rc < 0) gesta_tb_free(c);
    return rc;
}

int gesta_tbsent_projective(const gesta_tbsent *s) {
    int n = s->n, roots = 0;
    for (int i = 0; i < n; i++) {
        int h = s->head[i];
        if (h < 0 || h > n || h == i + 1 || s->lab[i] < 0) return 0;
        roots += h == 0;
    }
    if (roots != 1) return 0;
    /* arcs (i, h) cross when exactly one end of one lies strictly inside the other */
    for (int i = 1; i <= n; i++) {
        int a = i < s->head[i - 1] ? i : s->head[i - 1], b = i < s->head[i - 1] ? s->head[i - 1] : i;
        for (int j = 1; j <= n; j++) {
            int c = j < s->head[j - 1] ? j : s->head[j - 1], d = j < s->head[j - 1] ? s->head[j - 1] : j;
            if (a < c && c < b && d > b) return 0;
        }
    }
    /* and no cycles: every word reaches the root */
    for (int i = 1; i <= n; i++) {
        int x = i, steps = 0;
        while (x != 0 && steps++ <= n) x = s->head[x - 1];
        if (x != 0) return 0;
    }
    return 1;
}

void gesta_tb_truncate(gesta_tb *c, int n) {
    for (int i = n; i < c->n; i++) csent_free(&c->s[i]);
    if (n < c->n) c->n = n;
}

/* Does head h dominate word k (k reaches h by following heads)? heads: 1-based words, 0 = root. */
static int dominates(const int *head, int n, int h, int k) {
    for (int steps = 0; k != 0 && steps <= n; steps++) {
        if (k == h) return 1;
        k = head[k - 1];
    }
    return h == 0;
}

int gesta_tbsent_projectivize(gesta_tbsent *s) {
    int n = s->n, roots = 0;
    for (int i = 0; i < n; i++) {
        int h = s->head[i];
        if (h < 0 || h > n || h == i + 1 || s->lab[i] < 0) return -1;
        roots += h == 0;
    }
    if (roots != 1) return -1;
    for (int i = 1; i <= n; i++) {
        int x = i, steps = 0;
        while (x != 0 && steps++ <= n) x = s->head[x - 1];
        if (x != 0) return -1;
    }
    /* Lift the shortest non-projective arc (h, d) to h's head, until none is
     * left (Nivre & Nilsson 2005, without encoding the lift in the label):
     * each lift shortens nothing but moves d up one level, so this ends. */
    int lifts = 0;
    for (;;) {
        int best = -1, bestlen = n + 2;
        for (int d = 1; d <= n; d++) {
            int h = s->head[d - 1];
            if (h == 0) continue;
            int a = d < h ? d : h, b = d < h ? h : d;
            if (b - a >= bestlen) continue;
            for (int k = a + 1; k < b; k++)
                if (!dominates(s->head, n, h, k)) { best = d; bestlen = b - a; break; }
        }
        if (best < 0) break;
        s->head[best - 1] = s->head[s->head[best - 1] - 1];
        lifts++;
    }
    return lifts;
}
