/* What every dictionary loader shares: lines, comments, words, dates, phrases. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder/dict.h"

/* Longer lines are reported and skipped: no dictionary entry is anywhere near
 * this, and it bounds the work a corrupt file can cause. */
#define MAX_LINE 65536

void dict_problem(dict_ctx *c, const char *fmt, ...) {
    char msg[768], full[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (c->line) snprintf(full, sizeof full, "%s:%u: %s", c->file, c->line, msg);
    else snprintf(full, sizeof full, "%s: %s", c->file, msg);
    c->d->nproblems++;
    if (c->report) c->report(c->report_arg, full);
    else if (c->warn) gesta_engine_warn(c->warn, "%s", full);
}

int dict_each_line(dict_ctx *c, const char *path, int (*fn)(dict_ctx *c, char *line, size_t len)) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    c->file = dict_strdup(c->d, path, strlen(path));
    c->line = 0;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t got;
    int rc = 0;
    while ((got = getline(&buf, &cap, f)) >= 0) {
        c->line++;
        c->d->file_bytes += (size_t)got;
        size_t n = (size_t)got;
        while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) n--;
        buf[n] = 0;
        if (n > MAX_LINE) {
            dict_problem(c, "line of %zu bytes is too long (limit %d); skipped", n, MAX_LINE);
            continue;
        }
        if (memchr(buf, 0, n)) {
            dict_problem(c, "NUL byte in line; skipped");
            continue;
        }
        if ((rc = fn(c, buf, n)) < 0) break;
    }
    free(buf);
    fclose(f);
    c->line = 0;
    return rc < 0 ? rc : 0;
}

char *dict_content(char *s, size_t *n, size_t *len) {
    *n = dict_strip(s, *n);
    size_t i = 0;
    while (i < *n && isspace((unsigned char)s[i])) i++;
    if (i == *n) return NULL;
    *len = *n - i;
    return s + i;
}

size_t dict_strip(char *s, size_t n) {
    /* HTML-style comment lines: <!-- ... --> */
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i])) i++;
    if (n - i >= 4 && !strncmp(s + i, "<!--", 4)) { s[0] = 0; return 0; }
    char *h = memchr(s, '#', n);
    if (h) n = (size_t)(h - s);
    while (n && isspace((unsigned char)s[n - 1])) n--;
    s[n] = 0;
    return n;
}

char *dict_strdup(struct gesta_dicts *d, const char *s, size_t n) { return gesta_arena_strndup(d->arena, s, n); }

uint32_t dict_word(struct gesta_dicts *d, const char *w, size_t n) {
    char tmp[256];
    if (n >= sizeof tmp) n = sizeof tmp - 1;
    for (size_t i = 0; i < n; i++) tmp[i] = (char)tolower((unsigned char)w[i]);
    int64_t id = gesta_strmap_intern(d->words, tmp, n);
    return id < 0 ? NO_WORD : (uint32_t)id;
}

uint32_t dict_word_find(const struct gesta_dicts *d, const char *w, size_t n) {
    uint64_t v;
    /* ids are interned in order; strmap_intern stores id as value */
    if (!gesta_strmap_get(d->words, w, n, &v)) return NO_WORD;
    return (uint32_t)v;
}

const char *dict_word_text(const struct gesta_dicts *d, uint32_t id) {
    const char *s = gesta_strmap_key(d->words, id);
    return s ? s : "?";
}

int32_t dict_parse_date(const char *s, size_t n) {
    if (n != 6 && n != 8) return -1;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return -1;
    int v = atoi(s);
    if (n == 6) {
        /* TABARI's two-digit years: 00-29 → 2000s, 30-99 → 1900s */
        int yy = v / 10000;
        v += (yy < 30 ? 20000000 : 19000000);
    }
    int mm = v / 100 % 100, dd = v % 100;
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return -1;
    return v;
}

int dict_event_code_ok(const struct gesta_dicts *d, const char *code) {
    if (!strcmp(code, "---")) return 1;
    return gesta_ontology_event(d->onto, code, NULL);
}

void *dict_grow(struct gesta_dicts *d, void *arr, uint32_t *cap, uint32_t n, size_t elem) {
    if (n < *cap) return arr;
    uint32_t nc = *cap ? *cap * 2 : 64;
    void *p = gesta_arena_grow(d->arena, arr, n, nc, elem);
    if (p) *cap = nc;
    return p;
}

int dict_phrase_add(struct gesta_dicts *d, phrase_table *t, const uint32_t *w, uint16_t n, uint8_t stem,
                    uint32_t payload) {
    if (!n) return -1;
    if (!t->first && !(t->first = gesta_strmap_new(1024))) return -1;
    phrase *np = dict_grow(d, t->p, &t->cap, t->n, sizeof *t->p);
    if (!np) return -1;
    t->p = np;
    phrase *p = &t->p[t->n];
    p->w = gesta_arena_alloc(d->arena, n * sizeof *w);
    if (!p->w) return -1;
    memcpy(p->w, w, n * sizeof *w);
    p->n = n;
    p->stem = stem;
    p->payload = payload;
    p->next = -1;
    /* keep each chain ordered longest first, so the first match is the longest */
    uint64_t head;
    uint32_t key = w[0];
    if (gesta_strmap_get(t->first, (const char *)&key, sizeof key, &head)) {
        int32_t *link = NULL, cur = (int32_t)head;
        int32_t prev = -1;
        while (cur >= 0 && t->p[cur].n >= n) { prev = cur; cur = t->p[cur].next; }
        (void)link;
        p->next = cur;
        if (prev < 0) gesta_strmap_put(t->first, (const char *)&key, sizeof key, t->n);
        else t->p[prev].next = (int32_t)t->n;
    } else {
        gesta_strmap_put(t->first, (const char *)&key, sizeof key, t->n);
    }
    return (int)t->n++;
}

int dict_index_pairs(struct gesta_dicts *d, phrase_table *t) {
    (void)d;
    if (!t->n) return 0;
    if (!(t->pair = gesta_strmap_new(t->n)) || !(t->single = gesta_strmap_new(t->n / 4 + 16))) return GESTA_ENOMEM;
    /* walk each first-word chain (longest first) backwards so pair chains keep that order */
    for (uint32_t i = t->n; i-- > 0;) t->p[i].next2 = -1;
    for (uint32_t i = 0; i < t->n; i++) {
        const phrase *ph = &t->p[i];
        uint64_t head;
        if (!gesta_strmap_get(t->first, (const char *)&ph->w[0], sizeof ph->w[0], &head) || head != i) continue;
        /* the whole chain: phrases past a fixed cap would be missing from the indexes */
        uint32_t nc = 0;
        for (int32_t q = (int32_t)head; q >= 0; q = t->p[q].next) nc++;
        int32_t *chain = malloc(nc * sizeof *chain);
        if (!chain) return GESTA_ENOMEM;
        nc = 0;
        for (int32_t q = (int32_t)head; q >= 0; q = t->p[q].next) chain[nc++] = q;
        for (uint32_t k = nc; k-- > 0;) {
            phrase *x = &t->p[chain[k]];
            if (x->n == 1) {
                if (gesta_strmap_put(t->single, (const char *)&x->w[0], sizeof x->w[0], (uint64_t)chain[k]) < 0) {
                    free(chain);
                    return GESTA_ENOMEM;
                }
                continue;
            }
            uint32_t key[2] = {x->w[0], x->w[1]};
            uint64_t h2;
            x->next2 = gesta_strmap_get(t->pair, (const char *)key, sizeof key, &h2) ? (int32_t)h2 : -1;
            if (gesta_strmap_put(t->pair, (const char *)key, sizeof key, (uint64_t)chain[k]) < 0) {
                free(chain);
                return GESTA_ENOMEM;
            }
        }
        free(chain);
    }
    return 0;
}

int32_t dict_phrase_first(const phrase_table *t, uint32_t w) {
    uint64_t v;
    if (!t->first || !gesta_strmap_get(t->first, (const char *)&w, sizeof w, &v)) return -1;
    return (int32_t)v;
}

void dict_plural(const char *w, size_t n, char *out, size_t cap) {
    if (n + 3 >= cap) { snprintf(out, cap, "%.*s", (int)n, w); return; }
    memcpy(out, w, n);
    if (n > 1 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2])) {
        memcpy(out + n - 1, "ies", 4);
    } else if ((n > 1 && w[n - 1] == 's' && w[n - 2] == 's') || (n && (w[n - 1] == 'x' || w[n - 1] == 'z')) ||
               (n > 1 && w[n - 1] == 'h' && (w[n - 2] == 'c' || w[n - 2] == 's'))) {
        memcpy(out + n, "es", 3);
    } else {
        memcpy(out + n, "s", 2);
    }
}

int dict_split_words(struct gesta_dicts *d, const char *s, size_t n, uint32_t *w, uint8_t *joined, int max) {
    int k = 0;
    size_t i = 0;
    int after_us = 0;
    while (i < n) {
        if (s[i] == ' ' || s[i] == '\t') { after_us = 0; i++; continue; }
        if (s[i] == '_') { after_us = 1; i++; continue; }
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '_') j++;
        if (k == max) return -1;
        if (joined) joined[k] = (uint8_t)(k > 0 && after_us);
        w[k++] = dict_word(d, s + i, j - i);
        after_us = 0;
        i = j;
    }
    return k;
}

int dict_new(struct gesta_dicts **out) {
    struct gesta_dicts *d = calloc(1, sizeof *d);
    if (!d) return GESTA_ENOMEM;
    d->arena = gesta_arena_new();
    d->words = gesta_strmap_new(4096);
    d->verb_index = gesta_strmap_new(4096);
    d->syn_index = gesta_strmap_new(256);
    if (!d->arena || !d->words || !d->verb_index || !d->syn_index) {
        gesta_dicts_free(d);
        return GESTA_ENOMEM;
    }
    gesta_ontology_load((struct gesta_ontology **)&d->onto, NULL);
    *out = d;
    return GESTA_OK;
}

void gesta_dicts_free(struct gesta_dicts *d) {
    if (!d) return;
    gesta_strmap_free(d->words);
    gesta_strmap_free(d->verb_index);
    gesta_strmap_free(d->syn_index);
    gesta_strmap_free(d->syn_first);
    gesta_strmap_free(d->stem_pre);
    gesta_strmap_free(d->actor_phr.first);
    gesta_strmap_free(d->actor_phr.pair);
    gesta_strmap_free(d->actor_phr.single);
    gesta_strmap_free(d->agent_phr.pair);
    gesta_strmap_free(d->agent_phr.single);
    gesta_strmap_free(d->agent_phr.first);
    gesta_strmap_free(d->discard_phr.first);
    gesta_strmap_free(d->issue_phr.first);
    gesta_arena_free(d->arena);
    free(d);
}
