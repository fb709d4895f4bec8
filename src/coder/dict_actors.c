/*
 * Actor dictionaries (PETRARCH / TABARI format):
 *
 *   PRIMARY_PHRASE [CODE]        a new entry, with an optional default code
 *   +SYNONYM_PHRASE              another phrase for the same entry
 *   <tab>[CODE yymmdd-yymmdd]    a dated code (also <date, >date, or no date)
 *
 * Words are joined by blanks or underscores; a trailing underscore is dropped.
 * "; ..." and "# ..." are comments.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "coder/dict.h"


/* "USAGOV", "---" (no code), "+++" (TABARI: complex, no code), "ELR/GAL" (both) */
static int code_chars_ok(const char *s, size_t n) {
    if (n == 3 && (!strncmp(s, "---", 3) || !strncmp(s, "+++", 3))) return 1;
    if (!n || s[0] == '/' || s[n - 1] == '/') return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '/') return 0;
    return 1;
}

static const char *upper_code(struct gesta_dicts *d, const char *s, size_t n) {
    char *c = dict_strdup(d, s, n);
    if (!c) return NULL;
    for (char *p = c; *p; p++) *p = (char)toupper((unsigned char)*p);
    return c;
}

/* Parses "CODE", "CODE a-b", "CODE <a", "CODE >a" (inside the brackets). */
static int parse_restriction(dict_ctx *c, const char *s, size_t n, actor_code *out) {
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i])) i++;
    size_t c0 = i;
    while (i < n && !isspace((unsigned char)s[i])) i++;
    if (!code_chars_ok(s + c0, i - c0)) {
        dict_problem(c, "bad actor code '%.*s'", (int)(i - c0), s + c0);
        return -1;
    }
    out->code = upper_code(c->d, s + c0, i - c0);
    out->from = out->to = 0;
    while (i < n && isspace((unsigned char)s[i])) i++;
    if (i == n) return 0;
    const char *r = s + i;
    size_t rn = n - i;
    while (rn && isspace((unsigned char)r[rn - 1])) rn--;
    if (r[0] == '<' || r[0] == '>') {
        size_t k = 1;
        while (k < rn && isspace((unsigned char)r[k])) k++;
        int32_t dt = dict_parse_date(r + k, rn - k);
        if (dt < 0) { dict_problem(c, "bad date '%.*s'", (int)rn, r); return -1; }
        /* "<d": before d; ">d": after d (limits inclusive) */
        if (r[0] == '<') out->to = dt; else out->from = dt;
        return 0;
    }
    const char *dash = memchr(r, '-', rn);
    if (!dash) { dict_problem(c, "bad date restriction '%.*s'", (int)rn, r); return -1; }
    const char *ae = dash, *bs = dash + 1;
    while (ae > r && isspace((unsigned char)ae[-1])) ae--;
    while (bs < r + rn && isspace((unsigned char)*bs)) bs++;
    int32_t a = dict_parse_date(r, (size_t)(ae - r)), b = dict_parse_date(bs, (size_t)(r + rn - bs));
    if (a < 0 || b < 0) { dict_problem(c, "bad date range '%.*s'", (int)rn, r); return -1; }
    if (a > b) { dict_problem(c, "date range '%.*s' ends before it starts", (int)rn, r); return -1; }
    out->from = a;
    out->to = b;
    return 0;
}

static int add_code(dict_ctx *c, actor_entry *e, const actor_code *ac) {
    if (e->ncode == UINT16_MAX) { dict_problem(c, "more than %d codes for one actor; skipped", UINT16_MAX); return 0; }
    if (e->ncode == e->cap) {
        uint32_t nc = e->cap ? e->cap * 2u : 4;
        if (nc > UINT16_MAX) nc = UINT16_MAX; /* ncode and cap are uint16_t */
        actor_code *p = gesta_arena_grow(c->d->arena, e->codes, e->ncode, nc, sizeof *p);
        if (!p) return GESTA_ENOMEM;
        e->codes = p;
        e->cap = (uint16_t)nc;
    }
    e->codes[e->ncode++] = *ac;
    return 0;
}

static int add_phrase(dict_ctx *c, const char *s, size_t n, uint32_t entry) {
    uint32_t w[64];
    while (n && (s[n - 1] == '_' || isspace((unsigned char)s[n - 1]))) n--;
    int k = dict_split_words(c->d, s, n, w, NULL, 64);
    if (k <= 0) {
        dict_problem(c, k < 0 ? "actor phrase has too many words" : "empty actor phrase");
        return 0;
    }
    if (dict_phrase_add(c->d, &c->d->actor_phr, w, (uint16_t)k, 0, entry) < 0) return GESTA_ENOMEM;
    return 0;
}

static int actor_line(dict_ctx *c, char *s, size_t n) {
    struct gesta_dicts *d = c->d;
    int indented = n && (s[0] == '\t' || s[0] == ' ');
    char *semi = memchr(s, ';', n);
    if (semi) { *semi = 0; n = (size_t)(semi - s); }
    size_t pn;
    char *p = dict_content(s, &n, &pn);
    if (!p) return 0;
    if (p[0] == '[') {
        /* a date restriction (or bare default code) for the current entry */
        char *close = memchr(p, ']', pn);
        if (!close) { dict_problem(c, "missing ']' in date restriction"); return 0; }
        if (c->cur < 0) { dict_problem(c, "code line before any actor phrase"); return 0; }
        (void)indented;
        actor_code ac;
        if (parse_restriction(c, p + 1, (size_t)(close - p - 1), &ac) < 0) return 0;
        ac.ev.file = c->file;
        ac.ev.line = c->line;
        ac.ev.text = d->actors[c->cur].ev.text;
        return add_code(c, &d->actors[c->cur], &ac);
    }
    if (p[0] == '+') {
        if (c->cur < 0) { dict_problem(c, "synonym before any actor phrase"); return 0; }
        char *br = memchr(p, '[', pn);
        size_t len = br ? (size_t)(br - p - 1) : pn - 1;
        return add_phrase(c, p + 1, len, (uint32_t)c->cur);
    }
    /* a primary phrase, maybe with [CODE] */
    actor_entry *na = dict_grow(d, d->actors, &d->actor_cap, d->nactor, sizeof *d->actors);
    if (!na) return GESTA_ENOMEM;
    d->actors = na;
    actor_entry *e = &d->actors[d->nactor];
    memset(e, 0, sizeof *e);
    char *br = memchr(p, '[', pn);
    size_t plen = br ? (size_t)(br - p) : pn;
    e->ev.file = c->file;
    e->ev.line = c->line;
    e->ev.text = dict_strdup(d, p, plen);
    while (plen && isspace((unsigned char)p[plen - 1])) plen--;
    if (!plen) { dict_problem(c, "actor line without a phrase"); c->cur = -1; return 0; }
    if (br) {
        char *close = memchr(br, ']', pn - (size_t)(br - p));
        if (!close) { dict_problem(c, "missing ']' after actor code"); c->cur = -1; return 0; }
        actor_code ac;
        if (parse_restriction(c, br + 1, (size_t)(close - br - 1), &ac) < 0) { c->cur = -1; return 0; }
        ac.ev = e->ev;
        if (ac.from || ac.to) {
            if (add_code(c, e, &ac) < 0) return GESTA_ENOMEM;
        } else {
            e->deflt = ac.code;
        }
    }
    uint32_t idx = d->nactor++;
    c->cur = (int32_t)idx;
    return add_phrase(c, p, plen, idx);
}

int dict_load_actors(dict_ctx *c, const char *path) {
    c->cur = -1;
    return dict_each_line(c, path, actor_line);
}

void dict_check_actors(dict_ctx *c) {
    struct gesta_dicts *d = c->d;
    for (uint32_t a = 0; a < d->nactor; a++) {
        actor_entry *e = &d->actors[a];
        for (uint16_t i = 0; i < e->ncode; i++) {
            for (uint16_t j = i + 1; j < e->ncode; j++) {
                actor_code *x = &e->codes[i], *y = &e->codes[j];
                if (!(x->from || x->to) || !(y->from || y->to)) continue;
                if (!strcmp(x->code, y->code)) continue;
                int32_t xf = x->from, xt = x->to ? x->to : 99999999;
                int32_t yf = y->from, yt = y->to ? y->to : 99999999;
                /* ranges share more than an end day (handovers share the day) */
                if (xf < yt && yf < xt) {
                    c->file = y->ev.file;
                    c->line = y->ev.line;
                    dict_problem(c, "date range of %s overlaps %s (line %u) for actor '%s'", y->code, x->code,
                                 x->ev.line, e->ev.text);
                }
            }
        }
    }
    c->line = 0;
}
