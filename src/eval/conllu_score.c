/* CoNLL-U reading, writing and scoring by character alignment (see conllu_score.h). */
#include "eval/conllu_score.h"

#include <errno.h>
#include <stdio.h>
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"

/* ---- corpus ---- */

gesta_cu_corpus *gesta_cu_new(void) {
    gesta_cu_corpus *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->arena = gesta_arena_new();
    if (!c->arena) { free(c); return NULL; }
    return c;
}

void gesta_cu_free(gesta_cu_corpus *c) {
    if (!c) return;
    gesta_arena_free(c->arena);
    free(c->items);
    free(c->sents);
    free(c);
}

gesta_cu_sent *gesta_cu_add_sent(gesta_cu_corpus *c) {
    if (c->nsents == c->cap_sents) {
        size_t nc = c->cap_sents ? c->cap_sents * 2 : 1024;
        gesta_cu_sent *p = realloc(c->sents, nc * sizeof *p);
        if (!p) return NULL;
        c->sents = p;
        c->cap_sents = nc;
    }
    gesta_cu_sent *s = &c->sents[c->nsents++];
    memset(s, 0, sizeof *s);
    s->first = c->nitems;
    return s;
}

static const char *dup_or(gesta_cu_corpus *c, const char *s, const char *dflt) {
    return gesta_arena_strdup(c->arena, s ? s : dflt);
}

gesta_cu_item *gesta_cu_add_item(gesta_cu_corpus *c, const gesta_cu_item *it) {
    if (!c->nsents) return NULL;
    if (c->nitems == c->cap_items) {
        size_t nc = c->cap_items ? c->cap_items * 2 : 16384;
        gesta_cu_item *p = realloc(c->items, nc * sizeof *p);
        if (!p) return NULL;
        c->items = p;
        c->cap_items = nc;
    }
    gesta_cu_item *d = &c->items[c->nitems];
    d->mwt = it->mwt;
    d->id = it->id;
    d->id_end = it->id_end;
    d->form = dup_or(c, it->form, "_");
    d->lemma = dup_or(c, it->lemma, "_");
    d->upos = dup_or(c, it->upos, "_");
    d->xpos = dup_or(c, it->xpos, "_");
    d->head = dup_or(c, it->head, "_");
    d->deprel = dup_or(c, it->deprel, "_");
    d->misc = dup_or(c, it->misc, "_");
    if (!d->form || !d->lemma || !d->upos || !d->xpos || !d->head || !d->deprel || !d->misc) return NULL;
    c->nitems++;
    c->sents[c->nsents - 1].n++;
    return d;
}

/* ---- reading ---- */

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
    return s;
}

int gesta_cu_read(const char *path, gesta_cu_corpus **out, size_t *nbad, gesta_error *err) {
    *out = NULL;
    if (nbad) *nbad = 0;
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) return gesta_error_set(err, GESTA_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    gesta_cu_corpus *c = gesta_cu_new();
    if (!c) { if (f != stdin) fclose(f); return GESTA_ENOMEM; }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    long lineno = 0;
    int in_sent = 0, rc = GESTA_OK;
    /* comments seen before the sentence's first word */
    const char *p_text = NULL, *p_id = NULL, *p_doc = NULL;
    int p_par = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        char *l = line;
        while (got > 0 && (l[got - 1] == '\n' || l[got - 1] == '\r')) l[--got] = '\0';
        char *tl = l;
        while (*tl == ' ' || *tl == '\t') tl++;
        if (!*tl) { in_sent = 0; continue; }
        if (l[0] == '#') {
            if (in_sent) continue; /* comments inside a sentence: ignore */
            if (!strncmp(l, "# newdoc", 8)) {
                char *eq = strchr(l, '=');
                p_doc = gesta_arena_strdup(c->arena, eq ? trim(eq + 1) : "");
            } else if (!strncmp(l, "# newpar", 8)) {
                p_par = 1;
            } else if (!strncmp(l, "# text =", 8)) {
                p_text = gesta_arena_strdup(c->arena, l + 8);
            } else if (!strncmp(l, "# sent_id", 9)) {
                char *eq = strchr(l, '=');
                p_id = gesta_arena_strdup(c->arena, eq ? trim(eq + 1) : "");
            }
            continue;
        }
        char *col[10] = {0};
        int nc = 0;
        char *s = l;
        while (nc < 10) {
            col[nc++] = s;
            char *tab = strchr(s, '\t');
            if (!tab) break;
            *tab = '\0';
            s = tab + 1;
        }
        if (nc < 8) {
            if (nbad && (*nbad)++ == 0)
                gesta_error_set(err, GESTA_EINPUT, path, lineno, 0, "a word line needs 10 tab-separated columns, found %d", nc);
            continue;
        }
        if (strchr(col[0], '.')) continue; /* empty nodes */
        if (!in_sent) {
            gesta_cu_sent *st = gesta_cu_add_sent(c);
            if (!st) { rc = GESTA_ENOMEM; break; }
            st->text = p_text;
            st->sent_id = p_id;
            st->newdoc = p_doc;
            st->newpar = p_par;
            p_text = p_id = p_doc = NULL;
            p_par = 0;
            in_sent = 1;
        }
        gesta_cu_item it = {0};
        char *dash = strchr(col[0], '-');
        if (dash) {
            it.mwt = 1;
            it.id = atoi(col[0]);
            it.id_end = atoi(dash + 1);
        } else {
            it.id = atoi(col[0]);
            it.id_end = it.id;
        }
        it.form = col[1];
        it.lemma = col[2];
        it.upos = col[3];
        it.xpos = col[4];
        it.head = col[6];
        it.deprel = col[7];
        it.misc = nc >= 10 ? col[9] : "_";
        if (!gesta_cu_add_item(c, &it)) { rc = GESTA_ENOMEM; break; }
    }
    free(line);
    if (f != stdin) fclose(f);
    if (rc < 0) { gesta_cu_free(c); return rc; }
    *out = c;
    return GESTA_OK;
}

/* ---- from documents ---- */

static const char *oneline(gesta_cu_corpus *c, const char *s, size_t n) {
    char *o = gesta_arena_strndup(c->arena, s, n);
    if (!o) return NULL;
    for (size_t i = 0; i < n; i++)
        if (o[i] == '\n' || o[i] == '\r' || o[i] == '\t') o[i] = ' ';
    return o;
}

int gesta_cu_add_doc(gesta_cu_corpus *c, const gesta_doc *doc) {
    int first = 1;
    for (uint32_t si = 0; si < doc->nsent; si++) {
        const gesta_sent *s = &doc->sents[si];
        if (s->ntok == 0) continue;
        gesta_cu_sent *cs = gesta_cu_add_sent(c);
        if (!cs) return GESTA_ENOMEM;
        if (first) cs->newdoc = gesta_arena_strdup(c->arena, doc->id);
        first = 0;
        cs->sent_id = s->sent_id ? gesta_arena_strdup(c->arena, s->sent_id)
                                 : gesta_arena_printf(c->arena, "%s-%u", doc->id, si + 1);
        cs->text = oneline(c, doc->text + s->start, s->end - s->start);
        const gesta_tok *t = doc->toks + s->tok0;
        for (uint32_t k = 0; k < s->ntok; k++) {
            if (k + 1 < s->ntok && (t[k + 1].flags & GESTA_TOK_JOINED) && !(t[k].flags & GESTA_TOK_JOINED)) {
                uint32_t m = k + 1;
                while (m + 1 < s->ntok && (t[m + 1].flags & GESTA_TOK_JOINED)) m++;
                gesta_cu_item mw = {0};
                mw.mwt = 1;
                mw.id = (int)k + 1;
                mw.id_end = (int)m + 1;
                mw.form = t[m].end >= t[k].start ? oneline(c, doc->text + t[k].start, t[m].end - t[k].start) : t[k].form;
                mw.misc = (t[m].flags & GESTA_TOK_NO_SPACE_AFTER) ? "SpaceAfter=No" : "_";
                if (!mw.form || !gesta_cu_add_item(c, &mw)) return GESTA_ENOMEM;
            }
            gesta_cu_item w = {0};
            w.id = w.id_end = (int)k + 1;
            w.form = t[k].form;
            w.lemma = t[k].lemma;
            w.upos = gesta_upos_name(t[k].upos);
            w.xpos = t[k].xpos;
            char hb[16];
            if (t[k].head >= 0) { snprintf(hb, sizeof hb, "%d", (int)t[k].head); w.head = hb; }
            w.deprel = t[k].deprel;
            int in_mwt = (t[k].flags & GESTA_TOK_JOINED) || (k + 1 < s->ntok && (t[k + 1].flags & GESTA_TOK_JOINED));
            w.misc = !in_mwt && (t[k].flags & GESTA_TOK_NO_SPACE_AFTER) ? "SpaceAfter=No" : "_";
            if (!gesta_cu_add_item(c, &w)) return GESTA_ENOMEM;
        }
    }
    return GESTA_OK;
}

/* ---- writing ---- */

void gesta_cu_write(const gesta_cu_corpus *c, gesta_buf *out) {
    for (size_t si = 0; si < c->nsents; si++) {
        const gesta_cu_sent *s = &c->sents[si];
        if (s->newdoc) gesta_buf_printf(out, "# newdoc id = %s\n", s->newdoc);
        if (s->newpar) gesta_buf_puts(out, "# newpar\n");
        if (s->sent_id) gesta_buf_printf(out, "# sent_id = %s\n", s->sent_id);
        if (s->text) gesta_buf_printf(out, "# text = %s\n", s->text);
        for (size_t i = s->first; i < s->first + s->n; i++) {
            const gesta_cu_item *it = &c->items[i];
            if (it->mwt)
                gesta_buf_printf(out, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", it->id, it->id_end, it->form, it->misc);
            else
                gesta_buf_printf(out, "%d\t%s\t%s\t%s\t%s\t_\t%s\t%s\t_\t%s\n", it->id, it->form, it->lemma, it->upos,
                                 it->xpos, it->head, it->deprel, it->misc);
        }
        gesta_buf_putc(out, '\n');
    }
}

/* ---- raw documents ---- */

static int is_py_space(int32_t cp) {
    return (cp >= 9 && cp <= 13) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

static int32_t dec(const char *s, size_t i, size_t n, size_t *len) {
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0x80) { *len = 1; return u[0]; }
    if (u[0] < 0xE0 && i + 1 < n) { *len = 2; return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F); }
    if (u[0] < 0xF0 && i + 2 < n) { *len = 3; return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F); }
    if (i + 3 < n) {
        *len = 4;
        return ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
    *len = 1;
    return 0xFFFD;
}

/* Python's str.strip(): trims Unicode whitespace at both ends. */
static void py_strip(const char *s, size_t *a, size_t *b) {
    size_t n = *b, l;
    while (*a < n && is_py_space(dec(s, *a, n, &l))) *a += l;
    while (*b > *a) {
        size_t p = *b - 1;
        while (p > *a && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
        if (!is_py_space(dec(s, p, n, &l))) break;
        *b = p;
    }
}

static void sent_text(const gesta_cu_corpus *c, const gesta_cu_sent *s, gesta_buf *b) {
    if (s->text) {
        size_t a = 0, e = strlen(s->text);
        py_strip(s->text, &a, &e);
        gesta_buf_append(b, s->text + a, e - a);
        return;
    }
    /* no "# text": the tokens and their SpaceAfter */
    int skip_to = 0;
    for (size_t i = s->first; i < s->first + s->n; i++) {
        const gesta_cu_item *it = &c->items[i];
        if (!it->mwt && it->id <= skip_to) continue;
        if (it->mwt) skip_to = it->id_end;
        gesta_buf_puts(b, it->form);
        if (!strstr(it->misc, "SpaceAfter=No") && i + 1 < s->first + s->n) gesta_buf_putc(b, ' ');
    }
}

int gesta_cu_rawdocs(gesta_cu_corpus *gold, gesta_cu_rawdoc **out, size_t *n) {
    *out = NULL;
    *n = 0;
    size_t cap = 0, nd = 0;
    gesta_cu_rawdoc *docs = NULL;
    gesta_buf b = GESTA_BUF_INIT;
    size_t i = 0;
    while (i < gold->nsents) {
        /* a document: sentences up to the next "# newdoc" */
        size_t j = i + 1;
        while (j < gold->nsents && !gold->sents[j].newdoc) j++;
        gesta_buf_clear(&b);
        int para_open = 0;
        for (size_t k = i; k < j; k++) {
            const gesta_cu_sent *s = &gold->sents[k];
            if (s->newpar && para_open) { gesta_buf_puts(&b, "\n\n"); para_open = 0; }
            if (para_open) gesta_buf_putc(&b, ' ');
            sent_text(gold, s, &b);
            para_open = 1;
        }
        if (b.oom) { free(docs); gesta_buf_free(&b); return GESTA_ENOMEM; }
        if (nd == cap) {
            cap = cap ? cap * 2 : 256;
            gesta_cu_rawdoc *p = realloc(docs, cap * sizeof *p);
            if (!p) { free(docs); gesta_buf_free(&b); return GESTA_ENOMEM; }
            docs = p;
        }
        gesta_cu_rawdoc *d = &docs[nd++];
        const char *id = gold->sents[i].newdoc;
        d->id = id && *id ? id : gesta_arena_printf(gold->arena, "doc%zu", nd - 1);
        d->text = gesta_arena_strndup(gold->arena, b.data ? b.data : "", b.len);
        d->len = b.len;
        d->first_sent = i;
        d->nsents = j - i;
        if (!d->id || !d->text) { free(docs); gesta_buf_free(&b); return GESTA_ENOMEM; }
        i = j;
    }
    gesta_buf_free(&b);
    *out = docs;
    *n = nd;
    return GESTA_OK;
}

/* ---- alignment ---- */

typedef struct span { uint32_t s, e, sub; size_t item; } span;
typedef struct hkey { int kind; uint32_t s, e, sub; } hkey; /* 0 none, 1 root, 2 word */

typedef struct aligned {
    span *toks; size_t ntok;
    span *words; size_t nword;
    hkey *heads;            /* per word */
    span *sents; size_t nsent;
    size_t chars;
} aligned;

static size_t nonspace_chars(const char *s) {
    size_t n = strlen(s), c = 0, l;
    for (size_t i = 0; i < n; i += l)
        if (!is_py_space(dec(s, i, n, &l))) c++;
    return c;
}

static int parse_head(const char *h, long *v) {
    char *end;
    errno = 0;
    long x = strtol(h, &end, 10);
    if (end == h || *end || errno) return 0;
    *v = x;
    return 1;
}

static void free_aligned(aligned *a) {
    free(a->toks);
    free(a->words);
    free(a->heads);
    free(a->sents);
}

static int build_aligned(const gesta_cu_corpus *c, aligned *a) {
    memset(a, 0, sizeof *a);
    a->toks = malloc((c->nitems + 1) * sizeof *a->toks);
    a->words = malloc((c->nitems + 1) * sizeof *a->words);
    a->heads = malloc((c->nitems + 1) * sizeof *a->heads);
    a->sents = malloc((c->nsents + 1) * sizeof *a->sents);
    if (!a->toks || !a->words || !a->heads || !a->sents) { free_aligned(a); return GESTA_ENOMEM; }
    uint32_t pos = 0;
    size_t idcap = 0;
    long *idmap = NULL; /* word id → word index */
    for (size_t si = 0; si < c->nsents; si++) {
        const gesta_cu_sent *s = &c->sents[si];
        uint32_t s0 = pos;
        int mwt_end = 0, in_mwt = 0;
        uint32_t ms = 0, me = 0, sub = 0;
        size_t w0 = a->nword;
        long maxid = 0;
        for (size_t i = s->first; i < s->first + s->n; i++) {
            const gesta_cu_item *it = &c->items[i];
            if (it->mwt) {
                uint32_t len = (uint32_t)nonspace_chars(it->form);
                ms = pos;
                me = pos + len;
                pos = me;
                a->toks[a->ntok++] = (span){ms, me, 0, i};
                mwt_end = it->id_end;
                in_mwt = 1;
                sub = 0;
                continue;
            }
            span w;
            if (in_mwt && it->id <= mwt_end) {
                w = (span){ms, me, ++sub, i};
            } else {
                uint32_t len = (uint32_t)nonspace_chars(it->form);
                w = (span){pos, pos + len, 0, i};
                pos += len;
                a->toks[a->ntok++] = w;
                in_mwt = 0;
                sub = 0;
            }
            a->words[a->nword++] = w;
            if (it->id > maxid) maxid = it->id;
        }
        /* heads: the span of the head word in this sentence */
        if ((size_t)maxid + 1 > idcap) {
            idcap = (size_t)maxid + 1 + 64;
            long *p = realloc(idmap, idcap * sizeof *p);
            if (!p) { free(idmap); free_aligned(a); return GESTA_ENOMEM; }
            idmap = p;
        }
        for (long k = 0; k <= maxid; k++) idmap[k] = -1;
        for (size_t k = w0; k < a->nword; k++) {
            int id = c->items[a->words[k].item].id;
            if (id >= 0) idmap[id] = (long)k;
        }
        for (size_t k = w0; k < a->nword; k++) {
            long h;
            hkey hk = {0, 0, 0, 0};
            if (parse_head(c->items[a->words[k].item].head, &h)) {
                if (h == 0) hk.kind = 1;
                else if (h > 0 && h <= maxid && idmap[h] >= 0) {
                    const span *hw = &a->words[idmap[h]];
                    hk = (hkey){2, hw->s, hw->e, hw->sub};
                }
            }
            a->heads[k] = hk;
        }
        if (pos > s0) a->sents[a->nsent++] = (span){s0, pos, 0, si};
    }
    free(idmap);
    a->chars = pos;
    return GESTA_OK;
}

static int span_cmp(const span *x, const span *y) {
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->e != y->e) return x->e < y->e ? -1 : 1;
    if (x->sub != y->sub) return x->sub < y->sub ? -1 : 1;
    return 0;
}

static int span_qcmp(const void *a, const void *b) {
    int c = span_cmp(a, b);
    if (c) return c;
    const span *x = a, *y = b; /* keep input order among equals: the last one wins below */
    return x->item < y->item ? -1 : x->item > y->item;
}

/* Sorts by (s, e, sub) and keeps one element per key (the last, as a Python
 * dict would). Returns the new count. */
static size_t sort_unique(span *v, size_t n) {
    qsort(v, n, sizeof *v, span_qcmp);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (w && span_cmp(&v[w - 1], &v[i]) == 0) { v[w - 1] = v[i]; continue; }
        v[w++] = v[i];
    }
    return w;
}

static void prf(gesta_cu_prf *m, size_t gold, size_t sys, size_t correct, size_t aligned_n) {
    m->gold = gold;
    m->sys = sys;
    m->correct = correct;
    m->aligned = aligned_n;
    double p = sys ? (double)correct / (double)sys : 0, r = gold ? (double)correct / (double)gold : 0;
    m->p = 100 * p;
    m->r = 100 * r;
    m->f = p + r > 0 ? 100 * 2 * p * r / (p + r) : 0;
    m->aligned_acc = aligned_n ? 100.0 * (double)correct / (double)aligned_n : 0;
}

static size_t intersect(const span *a, size_t na, const span *b, size_t nb) {
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        int c = span_cmp(&a[i], &b[j]);
        if (c == 0) { k++; i++; j++; }
        else if (c < 0) i++;
        else j++;
    }
    return k;
}

static int deprel_eq(const char *a, const char *b) {
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && !strncmp(a, b, la);
}

int gesta_cu_score(const gesta_cu_corpus *gold, const gesta_cu_corpus *sys, gesta_cu_scores *out) {
    memset(out, 0, sizeof *out);
    aligned g, s;
    if (build_aligned(gold, &g) < 0) return GESTA_ENOMEM;
    if (build_aligned(sys, &s) < 0) { free_aligned(&g); return GESTA_ENOMEM; }
    out->gold_chars = g.chars;
    out->sys_chars = s.chars;
    /* words keep their head keys: index words by item before sorting */
    hkey *gh = malloc((g.nword + 1) * sizeof *gh), *sh = malloc((s.nword + 1) * sizeof *sh);
    size_t *gpos = malloc((gold->nitems + 1) * sizeof *gpos), *spos = malloc((sys->nitems + 1) * sizeof *spos);
    if (!gh || !sh || !gpos || !spos) {
        free(gh); free(sh); free(gpos); free(spos);
        free_aligned(&g); free_aligned(&s);
        return GESTA_ENOMEM;
    }
    for (size_t i = 0; i < g.nword; i++) gpos[g.words[i].item] = i;
    for (size_t i = 0; i < s.nword; i++) spos[s.words[i].item] = i;
    memcpy(gh, g.heads, g.nword * sizeof *gh);
    memcpy(sh, s.heads, s.nword * sizeof *sh);
    g.ntok = sort_unique(g.toks, g.ntok);
    s.ntok = sort_unique(s.toks, s.ntok);
    g.nsent = sort_unique(g.sents, g.nsent);
    s.nsent = sort_unique(s.sents, s.nsent);
    g.nword = sort_unique(g.words, g.nword);
    s.nword = sort_unique(s.words, s.nword);
    size_t tc = intersect(g.toks, g.ntok, s.toks, s.ntok);
    size_t sc = intersect(g.sents, g.nsent, s.sents, s.nsent);
    prf(&out->tokens, g.ntok, s.ntok, tc, tc);
    prf(&out->sentences, g.nsent, s.nsent, sc, sc);
    size_t common = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
    size_t i = 0, j = 0;
    while (i < g.nword && j < s.nword) {
        int c = span_cmp(&g.words[i], &s.words[j]);
        if (c < 0) { i++; continue; }
        if (c > 0) { j++; continue; }
        const gesta_cu_item *gw = &gold->items[g.words[i].item], *sw = &sys->items[s.words[j].item];
        const hkey *ghk = &gh[gpos[g.words[i].item]], *shk = &sh[spos[s.words[j].item]];
        common++;
        upos += !strcmp(gw->upos, sw->upos);
        xpos += !strcmp(gw->xpos, sw->xpos);
        lemma += !strcmp(gw->lemma, "_") || !strcmp(gw->lemma, sw->lemma);
        int head_ok = ghk->kind == shk->kind &&
                      (ghk->kind != 2 || (ghk->s == shk->s && ghk->e == shk->e && ghk->sub == shk->sub));
        uas += head_ok;
        las += head_ok && deprel_eq(gw->deprel, sw->deprel);
        i++;
        j++;
    }
    prf(&out->words, g.nword, s.nword, common, common);
    prf(&out->upos, g.nword, s.nword, upos, common);
    prf(&out->xpos, g.nword, s.nword, xpos, common);
    prf(&out->lemmas, g.nword, s.nword, lemma, common);
    prf(&out->uas, g.nword, s.nword, uas, common);
    prf(&out->las, g.nword, s.nword, las, common);
    free(gh); free(sh); free(gpos); free(spos);
    free_aligned(&g);
    free_aligned(&s);
    return GESTA_OK;
}

/* ---- error listing ---- */

static void put_tokens(gesta_buf *out, const gesta_cu_corpus *c, const span *v, size_t a, size_t b) {
    for (size_t k = a; k < b; k++) {
        if (k > a) gesta_buf_putc(out, ' ');
        gesta_buf_puts(out, c->items[v[k].item].form);
    }
}

/* Index of the first token whose start is >= pos. */
static size_t tok_at(const span *v, size_t n, uint32_t pos) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].s < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}

void gesta_cu_print_errors(const gesta_cu_corpus *gold, const gesta_cu_corpus *sys, size_t max, gesta_buf *out) {
    aligned g, s;
    if (build_aligned(gold, &g) < 0) return;
    if (build_aligned(sys, &s) < 0) { free_aligned(&g); return; }
    size_t shown = 0, i = 0, j = 0;
    while (i < g.ntok && j < s.ntok && shown < max) {
        if (g.toks[i].s == s.toks[j].s && g.toks[i].e == s.toks[j].e) { i++; j++; continue; }
        /* a disagreement: extend both sides until they end at the same character */
        size_t i2 = i, j2 = j;
        uint32_t ge = g.toks[i2].e, se = s.toks[j2].e;
        while (ge != se && i2 < g.ntok && j2 < s.ntok) {
            if (ge < se) { if (++i2 < g.ntok) ge = g.toks[i2].e; }
            else { if (++j2 < s.ntok) se = s.toks[j2].e; }
        }
        gesta_buf_puts(out, "token  gold: ");
        put_tokens(out, gold, g.toks, i, i2 < g.ntok ? i2 + 1 : g.ntok);
        gesta_buf_puts(out, "  |  system: ");
        put_tokens(out, sys, s.toks, j, j2 < s.ntok ? j2 + 1 : s.ntok);
        gesta_buf_puts(out, "\n");
        shown++;
        i = i2 + 1;
        j = j2 + 1;
    }
    /* sentence boundaries (ends) present on one side only */
    shown = 0;
    i = j = 0;
    while ((i < g.nsent || j < s.nsent) && shown < max) {
        uint32_t ge = i < g.nsent ? g.sents[i].e : UINT32_MAX, se = j < s.nsent ? s.sents[j].e : UINT32_MAX;
        if (ge == se) { i++; j++; continue; }
        int missed = ge < se;
        uint32_t at = missed ? ge : se;
        size_t k = tok_at(g.toks, g.ntok, at);
        size_t a = k >= 6 ? k - 6 : 0, b = k + 6 < g.ntok ? k + 6 : g.ntok;
        gesta_buf_puts(out, missed ? "sentence missed: " : "sentence extra:  ");
        put_tokens(out, gold, g.toks, a, k);
        gesta_buf_puts(out, " || ");
        put_tokens(out, gold, g.toks, k, b);
        gesta_buf_putc(out, '\n');
        shown++;
        if (missed) i++; else j++;
    }
    free_aligned(&g);
    free_aligned(&s);
}
