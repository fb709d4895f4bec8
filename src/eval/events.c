/* Event scoring (see events.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/events.h"

typedef struct triple { char *s, *t, *c; } triple;
typedef struct tset { triple *v; size_t n, cap; } tset;

typedef struct record {
    char *id, *category;
    int error;
    tset gold, sys;
} record;

struct gesta_evscore {
    record *r;
    size_t n, cap;
};

static int tset_add(tset *s, const char *a, const char *b, const char *c) {
    a = a ? a : ""; b = b ? b : ""; c = c ? c : "";
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].s, a) && !strcmp(s->v[i].t, b) && !strcmp(s->v[i].c, c)) return 0;
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 4;
        triple *p = realloc(s->v, nc * sizeof *p);
        if (!p) return GESTA_ENOMEM;
        s->v = p;
        s->cap = nc;
    }
    triple *x = &s->v[s->n];
    x->s = strdup(a); x->t = strdup(b); x->c = strdup(c);
    if (!x->s || !x->t || !x->c) { free(x->s); free(x->t); free(x->c); return GESTA_ENOMEM; }
    s->n++;
    return 0;
}

static int tset_has(const tset *s, const triple *x) {
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].s, x->s) && !strcmp(s->v[i].t, x->t) && !strcmp(s->v[i].c, x->c)) return 1;
    return 0;
}

static void tset_free(tset *s) {
    for (size_t i = 0; i < s->n; i++) { free(s->v[i].s); free(s->v[i].t); free(s->v[i].c); }
    free(s->v);
}

gesta_evscore *gesta_evscore_new(void) { return calloc(1, sizeof(gesta_evscore)); }

void gesta_evscore_free(gesta_evscore *s) {
    if (!s) return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->r[i].id);
        free(s->r[i].category);
        tset_free(&s->r[i].gold);
        tset_free(&s->r[i].sys);
    }
    free(s->r);
    free(s);
}

int gesta_evscore_add(gesta_evscore *s, const gesta_doc *doc) {
    const char *id = doc->id ? doc->id : "";
    record *r = NULL;
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->r[i].id, id)) { r = &s->r[i]; break; }
    if (!r) {
        if (s->n == s->cap) {
            size_t nc = s->cap ? s->cap * 2 : 256;
            record *p = realloc(s->r, nc * sizeof *p);
            if (!p) return GESTA_ENOMEM;
            s->r = p;
            s->cap = nc;
        }
        r = &s->r[s->n];
        memset(r, 0, sizeof *r);
        r->id = strdup(id);
        r->category = strdup(doc->category && *doc->category ? doc->category : "ALL");
        if (!r->id || !r->category) return GESTA_ENOMEM;
        r->error = doc->gold_error;
        s->n++;
    }
    for (uint32_t i = 0; i < doc->ngold; i++)
        if (tset_add(&r->gold, doc->gold[i].source, doc->gold[i].target, doc->gold[i].code) < 0) return GESTA_ENOMEM;
    for (uint32_t i = 0; i < doc->nevent; i++) {
        const gesta_event *e = &doc->events[i];
        if (tset_add(&r->sys, e->source, e->target, e->code) < 0) return GESTA_ENOMEM;
    }
    return 0;
}

static int exact(const record *r) {
    if (r->gold.n != r->sys.n) return 0;
    for (size_t i = 0; i < r->gold.n; i++)
        if (!tset_has(&r->sys, &r->gold.v[i])) return 0;
    return 1;
}

void gesta_evscore_totals(const gesta_evscore *s, size_t *records, size_t *nexact, size_t *errors) {
    *records = *nexact = *errors = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (s->r[i].error) { (*errors)++; continue; }
        (*records)++;
        *nexact += (size_t)exact(&s->r[i]);
    }
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static void put_set(gesta_buf *out, const tset *t, int json) {
    gesta_buf_puts(out, "[");
    for (size_t i = 0; i < t->n; i++) {
        if (json) {
            gesta_buf_puts(out, i ? ",[" : "[");
            gesta_buf_json_str(out, t->v[i].s); gesta_buf_putc(out, ',');
            gesta_buf_json_str(out, t->v[i].t); gesta_buf_putc(out, ',');
            gesta_buf_json_str(out, t->v[i].c); gesta_buf_putc(out, ']');
        } else {
            gesta_buf_printf(out, "%s(%s %s %s)", i ? " " : "", t->v[i].s, t->v[i].t, t->v[i].c);
        }
    }
    gesta_buf_puts(out, "]");
}

void gesta_evscore_report(const gesta_evscore *s, gesta_buf *out, int json, int misses) {
    /* categories in name order */
    const char **cats = calloc(s->n + 1, sizeof *cats);
    size_t ncat = 0;
    size_t tp = 0, nsys = 0, ngold = 0, tot = 0, ok = 0, errs = 0;
    for (size_t i = 0; i < s->n; i++) {
        const record *r = &s->r[i];
        if (r->error) { errs++; continue; }
        int seen = 0;
        for (size_t c = 0; c < ncat && cats; c++) seen |= !strcmp(cats[c], r->category);
        if (!seen && cats) cats[ncat++] = r->category;
        tot++;
        ok += (size_t)exact(r);
        for (size_t k = 0; k < r->sys.n; k++) tp += (size_t)tset_has(&r->gold, &r->sys.v[k]);
        nsys += r->sys.n;
        ngold += r->gold.n;
    }
    if (cats) qsort(cats, ncat, sizeof *cats, cmp_str);
    double p = nsys ? (double)tp / (double)nsys : 0, rc = ngold ? (double)tp / (double)ngold : 0;
    double f = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
    double ex = tot ? 100.0 * (double)ok / (double)tot : 0;
    if (json) gesta_buf_puts(out, "{\"categories\":{");
    for (size_t c = 0; c < ncat; c++) {
        size_t ct = 0, co = 0;
        for (size_t i = 0; i < s->n; i++)
            if (!s->r[i].error && !strcmp(s->r[i].category, cats[c])) { ct++; co += (size_t)exact(&s->r[i]); }
        if (json) {
            gesta_buf_printf(out, "%s", c ? "," : "");
            gesta_buf_json_str(out, cats[c]);
            gesta_buf_printf(out, ":{\"records\":%zu,\"exact\":%zu,\"rate\":%.1f}", ct, co, 100.0 * (double)co / (double)ct);
        } else {
            gesta_buf_printf(out, "%-12s %4zu/%-4zu %5.1f%%\n", cats[c], co, ct, 100.0 * (double)co / (double)ct);
        }
    }
    if (json) {
        gesta_buf_printf(out, "},\"records\":%zu,\"exact\":%zu,\"exact_rate\":%.1f,\"error_records\":%zu,"
                              "\"tp\":%zu,\"system\":%zu,\"gold\":%zu,\"precision\":%.1f,\"recall\":%.1f,\"f1\":%.1f",
                         tot, ok, ex, errs, tp, nsys, ngold, 100 * p, 100 * rc, 100 * f);
    } else {
        gesta_buf_printf(out, "records %zu (plus %zu expecting an error, not scored)\n", tot, errs);
        gesta_buf_printf(out, "triples P=%.1f R=%.1f F1=%.1f (tp=%zu sys=%zu gold=%zu)\n", 100 * p, 100 * rc, 100 * f,
                         tp, nsys, ngold);
        gesta_buf_printf(out, "exact=%.1f f1=%.1f records=%zu\n", ex, 100 * f, tot);
    }
    if (misses) {
        if (json) gesta_buf_puts(out, ",\"misses\":[");
        int first = 1;
        for (size_t i = 0; i < s->n; i++) {
            const record *r = &s->r[i];
            if (r->error || exact(r)) continue;
            if (json) {
                gesta_buf_puts(out, first ? "{\"id\":" : ",{\"id\":");
                gesta_buf_json_str(out, r->id);
                gesta_buf_puts(out, ",\"expected\":");
                put_set(out, &r->gold, 1);
                gesta_buf_puts(out, ",\"got\":");
                put_set(out, &r->sys, 1);
                gesta_buf_puts(out, "}");
            } else {
                gesta_buf_printf(out, "MISS %s expected ", r->id);
                put_set(out, &r->gold, 0);
                gesta_buf_puts(out, " got ");
                put_set(out, &r->sys, 0);
                gesta_buf_puts(out, "\n");
            }
            first = 0;
        }
        if (json) gesta_buf_puts(out, "]");
    }
    if (json) gesta_buf_puts(out, "}\n");
    free(cats);
}
