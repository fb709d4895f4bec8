/*
 * Verb dictionaries, in both dialects (docs/DICTIONARIES.md):
 *
 *   &NAME / +member ...            synsets (plurals added unless NAME_ or member_)
 *   --- NAME [CODE] ---            a verb block; CODE "---" = no event by itself
 *   VERB {FORMS} [CODE]            a primary verb with irregular forms and own code
 *   WORD_+VERB {...} / +VERB_PART  multi-word verbs ('+' marks the verb word)
 *   - PRE * POST [CODE[:CODE2]]    a pattern
 *   ~ a (b c LOWER) UPPER = x y CODE   a transformation
 *
 * PETRARCH-1/TABARI patterns are word sequences ("_" = adjacent, blank = gaps
 * allowed) with $ source, + target, % compound, ^ skip; PETRARCH-2 patterns add
 * {ADJ HEAD} noun phrases and (PREP NOUN) prepositional phrases. One file is one
 * dialect: the first pattern with { or ( makes it PETRARCH-2; both are parsed
 * into the same element list (pat_el), so the matcher handles either.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder/dict.h"

#define MAX_EL 48

/* ---- synsets ---- */

static int syn_add_phrase(struct gesta_dicts *d, synset *s, const uint32_t *w, uint16_t n) {
    for (uint32_t i = 0; i < s->n; i++)
        if (s->plen[i] == n && !memcmp(s->phr[i], w, n * sizeof *w)) return 0;
    if (s->n == s->cap) {
        uint32_t nc = s->cap ? s->cap * 2 : 8;
        uint32_t **np = gesta_arena_grow(d->arena, s->phr, s->n, nc, sizeof *np);
        uint16_t *nl = gesta_arena_grow(d->arena, s->plen, s->n, nc, sizeof *nl);
        if (!np || !nl) return GESTA_ENOMEM;
        s->phr = np;
        s->plen = nl;
        s->cap = nc;
    }
    uint32_t *copy = gesta_arena_alloc(d->arena, n * sizeof *w);
    if (!copy) return GESTA_ENOMEM;
    memcpy(copy, w, n * sizeof *w);
    s->phr[s->n] = copy;
    s->plen[s->n++] = n;
    return 0;
}

static int32_t syn_find(const struct gesta_dicts *d, const char *name, size_t n) {
    char tmp[256];
    if (n >= sizeof tmp) return -1;
    for (size_t i = 0; i < n; i++) tmp[i] = (char)tolower((unsigned char)name[i]);
    /* "&NAME_" and "&NAME" are one synset */
    while (n > 1 && tmp[n - 1] == '_') n--;
    uint64_t v;
    return gesta_strmap_get(d->syn_index, tmp, n, &v) ? (int32_t)v : -1;
}

typedef struct syn_state { int32_t syn; int noplural; } syn_state;

static int syn_begin(dict_ctx *c, const char *p, size_t n, syn_state *ss) {
    struct gesta_dicts *d = c->d;
    size_t e = 0;
    while (e < n && !isspace((unsigned char)p[e])) e++;
    ss->noplural = e > 1 && p[e - 1] == '_';
    int32_t old = syn_find(d, p, e);
    if (old >= 0) {
        /* a repeated label (the validation dictionaries do this) adds to the first */
        ss->syn = old;
        return 0;
    }
    synset *ns = dict_grow(d, d->syns, &d->syn_cap, d->nsyn, sizeof *d->syns);
    if (!ns) return GESTA_ENOMEM;
    d->syns = ns;
    memset(&d->syns[d->nsyn], 0, sizeof *d->syns);
    char tmp[256];
    size_t k = e < sizeof tmp ? e : sizeof tmp - 1;
    for (size_t i = 0; i < k; i++) tmp[i] = (char)tolower((unsigned char)p[i]);
    while (k > 1 && tmp[k - 1] == '_') k--;
    d->syns[d->nsyn].name = dict_word(d, tmp, k);
    gesta_strmap_put(d->syn_index, tmp, k, d->nsyn);
    ss->syn = (int32_t)d->nsyn++;
    return 0;
}

static int syn_member(dict_ctx *c, const char *p, size_t n, syn_state *ss) {
    struct gesta_dicts *d = c->d;
    synset *s = &d->syns[ss->syn];
    while (n && isspace((unsigned char)p[n - 1])) n--;
    if (n && p[0] == '&') {
        int32_t other = syn_find(d, p, n);
        if (other < 0) { dict_problem(c, "synset '%.*s' used before it is defined", (int)n, p); return 0; }
        if (other == ss->syn) return 0;
        synset *o = &d->syns[other];
        for (uint32_t i = 0; i < o->n; i++) {
            int rc = syn_add_phrase(d, &d->syns[ss->syn], o->phr[i], o->plen[i]);
            if (rc < 0) return rc;
        }
        return 0;
    }
    int noplural = ss->noplural || (n && p[n - 1] == '_');
    while (n && p[n - 1] == '_') n--;
    uint32_t w[32];
    int k = dict_split_words(d, p, n, w, NULL, 32);
    if (k <= 0) { dict_problem(c, k < 0 ? "synset phrase too long" : "empty synset member"); return 0; }
    for (int i = 0; i < k; i++) {
        const char *t = dict_word_text(d, w[i]);
        if (t[0] == '$' || t[0] == '%' || t[0] == '^' || (t[0] == '+' && t[1] == 0)) {
            dict_problem(c, "synset members are words only, not '%s'", t);
            return 0;
        }
    }
    int rc = syn_add_phrase(d, s, w, (uint16_t)k);
    if (rc < 0 || noplural) return rc;
    char pl[300];
    const char *last = dict_word_text(d, w[k - 1]);
    dict_plural(last, strlen(last), pl, sizeof pl);
    w[k - 1] = dict_word(d, pl, strlen(pl));
    return syn_add_phrase(d, s, w, (uint16_t)k);
}

/* ---- codes ---- */

/* "[042]", "[042:043]", "[---]" → code / code2. Returns 0 ok, -1 malformed. */
static int parse_code(dict_ctx *c, const char *s, size_t n, const char **code, const char **code2) {
    *code = *code2 = NULL;
    while (n && isspace((unsigned char)*s)) { s++; n--; }
    while (n && isspace((unsigned char)s[n - 1])) n--;
    const char *colon = memchr(s, ':', n);
    size_t n1 = colon ? (size_t)(colon - s) : n;
    for (int part = 0; part < (colon ? 2 : 1); part++) {
        const char *p = part ? colon + 1 : s;
        size_t pn = part ? n - n1 - 1 : n1;
        while (pn && isspace((unsigned char)*p)) { p++; pn--; }
        while (pn && isspace((unsigned char)p[pn - 1])) pn--;
        /* "[:173]": no event one way, 173 the other */
        if (colon && pn == 0 && part == 0) { *code = ""; continue; }
        int ok = pn > 0 && pn <= 8;
        /* "---": no event. TABARI's "+++" and "###" codes are not event codes: their
         * patterns are reported and skipped (a block header with one codes nothing) */
        int dashes = pn == 3 && !strncmp(p, "---", 3);
        for (size_t i = 0; ok && !dashes && i < pn; i++)
            if (!isalnum((unsigned char)p[i])) ok = 0;
        if (!ok) {
            dict_problem(c, "malformed code '[%.*s]'", (int)n, s);
            return -1;
        }
        const char *v = dashes ? "" : dict_strdup(c->d, p, pn);
        if (c->check && !dashes && !dict_event_code_ok(c->d, v))
            dict_problem(c, "code '%s' is not a CAMEO event code", v);
        if (part) *code2 = v; else *code = v;
    }
    return 0;
}

/* ---- verbs ---- */

static int add_form(dict_ctx *c, const char *word, size_t wn, uint32_t block, const char *code, const char *code2,
                    const uint32_t *before,
                    int nb, const uint32_t *after, int na, const char *text) {
    struct gesta_dicts *d = c->d;
    verb_form *nf = dict_grow(d, d->forms, &d->form_cap, d->nform, sizeof *d->forms);
    if (!nf) return GESTA_ENOMEM;
    d->forms = nf;
    verb_form *f = &d->forms[d->nform];
    memset(f, 0, sizeof *f);
    f->block = block;
    f->code = code;
    f->code2 = code2 && *code2 ? code2 : NULL;
    f->nbefore = (uint8_t)(nb > 4 ? 4 : nb);
    f->nafter = (uint8_t)(na > 4 ? 4 : na);
    memcpy(f->before, before, f->nbefore * sizeof *before);
    memcpy(f->after, after, f->nafter * sizeof *after);
    f->ev.file = c->file;
    f->ev.line = c->line;
    f->ev.text = text;
    uint32_t key = dict_word(d, word, wn);
    uint64_t head;
    f->next = gesta_strmap_get(d->verb_index, (const char *)&key, sizeof key, &head) ? (int32_t)head : -1;
    gesta_strmap_put(d->verb_index, (const char *)&key, sizeof key, d->nform);
    d->nform++;
    return 0;
}

/* Regular forms of an English verb: base, -s, -ed, -ing. */
static int regular_forms(const char *w, size_t n, char out[4][300]) {
    if (n == 0 || n > 280) return 0;
    snprintf(out[0], 300, "%.*s", (int)n, w);
    dict_plural(w, n, out[1], 300);
    char last = w[n - 1];
    if (last == 'e') snprintf(out[2], 300, "%.*sd", (int)n, w);
    else if (last == 'y' && n > 1 && !strchr("aeiou", w[n - 2])) snprintf(out[2], 300, "%.*sied", (int)n - 1, w);
    else snprintf(out[2], 300, "%.*sed", (int)n, w);
    if (last == 'e' && n > 2 && w[n - 2] != 'e') snprintf(out[3], 300, "%.*sing", (int)n - 1, w);
    else snprintf(out[3], 300, "%.*sing", (int)n, w);
    return 4;
}

/* One verb phrase "WORD_+VERB" or "VERB": adds the form(s). regular: add -s/-ed/-ing. */
static int verb_phrase(dict_ctx *c, const char *p, size_t n, uint32_t block, const char *code, const char *code2,
                       int regular,
                       const char *text) {
    struct gesta_dicts *d = c->d;
    while (n && (isspace((unsigned char)p[n - 1]) || p[n - 1] == '_')) n--;
    if (n && p[0] == '+' && memchr(p + 1, '_', n - 1) == NULL) { p++; n--; } /* "+WORD" */
    /* split on '_' / blanks, find the '+' word */
    char words[8][128];
    char forms[4][300];
    int nw = 0, vi = -1;
    size_t i = 0;
    while (i < n) {
        while (i < n && (p[i] == '_' || isspace((unsigned char)p[i]))) i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && p[j] != '_' && !isspace((unsigned char)p[j])) j++;
        if (nw == 8 || j - i >= 127) { dict_problem(c, "verb phrase too long"); return 0; }
        const char *s = p + i;
        size_t sl = j - i;
        if (s[0] == '+') { vi = nw; s++; sl--; }
        for (size_t k = 0; k < sl; k++) words[nw][k] = (char)tolower((unsigned char)s[k]);
        words[nw][sl] = 0;
        if (!sl) { dict_problem(c, "empty word in verb phrase"); return 0; }
        nw++;
        i = j;
    }
    if (!nw) return 0;
    if (vi < 0) vi = 0; /* "LASH OUT": without '+', the first word is the verb */
    uint32_t before[8], after[8];
    int nb = 0, na = 0;
    for (int k = 0; k < nw; k++) {
        if (k < vi) before[nb++] = dict_word(d, words[k], strlen(words[k]));
        else if (k > vi) after[na++] = dict_word(d, words[k], strlen(words[k]));
    }
    int nf = regular ? regular_forms(words[vi], strlen(words[vi]), forms) : 1;
    if (!regular) snprintf(forms[0], 300, "%s", words[vi]);
    for (int f = 0; f < nf; f++) {
        int rc = add_form(c, forms[f], strlen(forms[f]), block, code, code2, before, nb, after, na, text);
        if (rc < 0) return rc;
    }
    return 0;
}

static int new_block(dict_ctx *c, const char *code, const char *code2, const char *text) {
    struct gesta_dicts *d = c->d;
    verb_block *nb = dict_grow(d, d->blocks, &d->block_cap, d->nblock, sizeof *d->blocks);
    if (!nb) return GESTA_ENOMEM;
    d->blocks = nb;
    verb_block *b = &d->blocks[d->nblock];
    memset(b, 0, sizeof *b);
    b->code = code && *code ? code : NULL;
    b->code2 = code2 && *code2 ? code2 : NULL;
    b->pat0 = d->npat;
    b->ev.file = c->file;
    b->ev.line = c->line;
    b->ev.text = text;
    c->cur = (int32_t)d->nblock++;
    c->verb_pats = 0;
    return 0;
}

/* A primary verb line: "VERB {FORMS} [CODE]" or a multi-word verb. */
static int verb_line(dict_ctx *c, char *p, size_t n) {
    struct gesta_dicts *d = c->d;
    const char *code = NULL, *code2 = NULL;
    char *br = memchr(p, '[', n);
    size_t end = n;
    if (br) {
        char *close = memchr(br, ']', n - (size_t)(br - p));
        if (!close) { dict_problem(c, "missing ']' after verb code"); return 0; }
        if (parse_code(c, br + 1, (size_t)(close - br - 1), &code, &code2) < 0) return 0;
        end = (size_t)(br - p);
    }
    /* a primary verb after patterns starts a new (unnamed) block */
    if (c->cur < 0 || c->verb_pats) {
        int rc = new_block(c, code, code2, dict_strdup(d, p, n));
        if (rc < 0) return rc;
    }
    char *brace = memchr(p, '{', end);
    size_t vend = brace ? (size_t)(brace - p) : end;
    const char *text = dict_strdup(d, p, n);
    int rc = verb_phrase(c, p, vend, (uint32_t)c->cur, code, code2, brace == NULL, text);
    if (rc < 0 || !brace) return rc;
    /* irregular forms: the base form is kept, plus each listed form */
    char *bclose = memchr(brace, '}', end - (size_t)(brace - p));
    if (!bclose) { dict_problem(c, "missing '}' after irregular forms"); return 0; }
    char *q = brace + 1;
    while (q < bclose) {
        while (q < bclose && isspace((unsigned char)*q)) q++;
        char *we = q;
        while (we < bclose && !isspace((unsigned char)*we)) we++;
        if (we > q && (rc = verb_phrase(c, q, (size_t)(we - q), (uint32_t)c->cur, code, code2, 0, text)) < 0) return rc;
        q = we;
    }
    return 0;
}

/* Splits a pattern into elements. Returns 0, or -1 after reporting. */
static int pattern_line(dict_ctx *c, char *p, size_t n) {
    struct gesta_dicts *d = c->d;
    if (c->cur < 0) { dict_problem(c, "pattern before any verb block"); return 0; }
    char *br = NULL;
    /* the code is the last [...] on the line */
    for (size_t i = n; i-- > 0;)
        if (p[i] == '[') { br = p + i; break; }
    if (!br) { dict_problem(c, "pattern without [CODE]"); return 0; }
    char *close = memchr(br, ']', n - (size_t)(br - p));
    if (!close) { dict_problem(c, "missing ']' after pattern code"); return 0; }
    const char *code, *code2;
    if (parse_code(c, br + 1, (size_t)(close - br - 1), &code, &code2) < 0) return 0;
    /* space out the brackets so they are separate tokens */
    char buf[2048];
    size_t bl = 0, pl = (size_t)(br - p);
    for (size_t i = 0; i < pl && bl + 4 < sizeof buf; i++) {
        char ch = p[i];
        if (ch == '{' || ch == '}' || ch == '(' || ch == ')') {
            buf[bl++] = ' '; buf[bl++] = ch; buf[bl++] = ' ';
            if (d->verb_dialect == 0 || d->verb_dialect == 1) d->verb_dialect = 2;
        } else {
            buf[bl++] = ch;
        }
    }
    if (bl + 4 >= sizeof buf) { dict_problem(c, "pattern too long"); return 0; }
    buf[bl] = 0;
    pat_el el[MAX_EL];
    int nel = 0, star = -1, group = 0, nstar = 0;
    uint16_t weight = 0;
    char *save = NULL;
    for (char *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
        if (!strcmp(t, "{")) { group = 1; continue; }
        if (!strcmp(t, "(")) { group = 2; continue; }
        if (!strcmp(t, "}") || !strcmp(t, ")")) {
            /* the last element of a {...} is its head; in (PREP NOUN) the noun. In a
             * {...} the head's own modifier sits right before it ("{DEATH TOLL}" is
             * not "death and injury toll"); earlier words may have others between */
            if (nel && group) el[nel - 1].head = 1;
            if (nel >= 2 && group == 1 && el[nel - 2].group == 1) el[nel - 1].joined = 1;
            group = 0;
            continue;
        }
        if (!strcmp(t, "*") || !strcmp(t, "**")) {
            if (star >= 0) { dict_problem(c, "pattern has two verb markers '*'"); return 0; }
            star = nel;
            nstar++;
            continue;
        }
        /* a unit: words joined by "_" */
        int first = 1;
        char *save2 = NULL;
        size_t tl = strlen(t);
        int lead_us = t[0] == '_', trail_us = tl && t[tl - 1] == '_';
        for (char *w = strtok_r(t, "_", &save2); w; w = strtok_r(NULL, "_", &save2)) {
            if (nel == MAX_EL) { dict_problem(c, "pattern has too many elements"); return 0; }
            pat_el *e = &el[nel];
            memset(e, 0, sizeof *e);
            e->joined = (uint8_t)(!first || lead_us);

            e->group = (uint8_t)group;
            if (!strcmp(w, "*")) {
                /* "IN_*": the verb glued to a word */
                if (star >= 0) { dict_problem(c, "pattern has two verb markers '*'"); return 0; }
                star = nel;
                first = 0;
                continue;
            }
            if (!strcmp(w, "$")) e->kind = PE_SRC;
            else if (!strcmp(w, "+")) e->kind = PE_TGT;
            else if (!strcmp(w, "%")) e->kind = PE_COMP;
            else if (!strcmp(w, "^")) e->kind = PE_SKIP;
            else if (w[0] == '&') {
                int32_t s = syn_find(d, w, strlen(w));
                if (s < 0) { dict_problem(c, "undefined synset '%s'; pattern skipped", w); return 0; }
                e->kind = PE_SYN;
                e->id = (uint32_t)s;
                weight++;
            } else {
                e->kind = PE_WORD;
                e->id = dict_word(d, w, strlen(w));
                weight++;
            }
            nel++;
            first = 0;
        }
        (void)trail_us;
    }
    if (star < 0) { dict_problem(c, "pattern has no verb marker '*'"); return 0; }
    if (group) { dict_problem(c, "unclosed '{' or '(' in pattern"); return 0; }
    if (d->verb_dialect == 0) d->verb_dialect = 1;
    verb_pattern *np = dict_grow(d, d->pats, &d->pat_cap, d->npat, sizeof *d->pats);
    if (!np) return GESTA_ENOMEM;
    d->pats = np;
    verb_pattern *vp = &d->pats[d->npat];
    memset(vp, 0, sizeof *vp);
    vp->npre = (uint16_t)star;
    vp->npost = (uint16_t)(nel - star);
    if (nel) {
        pat_el *copy = gesta_arena_alloc(d->arena, (size_t)nel * sizeof *copy);
        if (!copy) return GESTA_ENOMEM;
        memcpy(copy, el, (size_t)nel * sizeof *copy);
        vp->pre = copy;
        vp->post = copy + star;
        if (vp->npost) vp->post[0].joined = (uint8_t)(vp->post[0].joined); /* "*_X": adjacent to the verb */
    }
    vp->weight = (uint16_t)(weight * 4 + (uint16_t)nel);
    vp->anchor = NO_WORD;
    for (int k = 0; k < nel; k++)
        if (el[k].kind == PE_WORD) { vp->anchor = el[k].id; break; }
    vp->code = code;
    vp->code2 = code2;
    vp->ev.file = c->file;
    vp->ev.line = c->line;
    vp->ev.text = dict_strdup(d, p, (size_t)(close - p + 1));
    /* blocks own contiguous pattern ranges; a pattern line after a foreign
     * block's patterns would break that, so blocks are closed on new headers */
    verb_block *b = &d->blocks[c->cur];
    if (c->check) {
        /* an earlier pattern with the same elements always wins: this one never fires */
        for (uint32_t q = 0; q < b->npat; q++) {
            const verb_pattern *o = &d->pats[b->pat0 + q];
            if (o->npre != vp->npre || o->npost != vp->npost) continue;
            if (nel && memcmp(o->pre, vp->pre, (size_t)nel * sizeof *el)) continue;
            dict_problem(c, "pattern repeats line %u and can never match", o->ev.line);
            break;
        }
    }
    if (b->pat0 + b->npat != d->npat) {
        dict_problem(c, "internal: pattern out of its block");
        return 0;
    }
    b->npat++;
    d->npat++;
    c->verb_pats++;
    if (c->check && nel == star && weight == 0 && (!code || !*code)) dict_problem(c, "pattern '*' with null code never codes anything");
    return 0;
}

static int transform_line(dict_ctx *c, char *p, size_t n) {
    struct gesta_dicts *d = c->d;
    /* ~ a (b c LOWER) UPPER = x y CODE */
    char buf[512];
    if (n >= sizeof buf) { dict_problem(c, "transformation too long"); return 0; }
    size_t bl = 0;
    for (size_t i = 1; i < n && bl + 3 < sizeof buf; i++) {
        if (p[i] == '(' || p[i] == ')' || p[i] == '=') { buf[bl++] = ' '; buf[bl++] = p[i]; buf[bl++] = ' '; }
        else buf[bl++] = p[i];
    }
    buf[bl] = 0;
    char *t[16];
    int nt = 0;
    char *save = NULL;
    for (char *w = strtok_r(buf, " \t", &save); w && nt < 16; w = strtok_r(NULL, " \t", &save)) t[nt++] = w;
    if (nt != 11 || strcmp(t[1], "(") || strcmp(t[5], ")") || strcmp(t[7], "=")) {
        dict_problem(c, "malformed transformation (expected '~ a (b c VERB) VERB = x y CODE')");
        return 0;
    }
    transform *nt2 = dict_grow(d, d->trans, &d->trans_cap, d->ntrans, sizeof *d->trans);
    if (!nt2) return GESTA_ENOMEM;
    d->trans = nt2;
    transform *x = &d->trans[d->ntrans];
    x->usrc = t[0][0];
    x->lsrc = t[2][0];
    x->ltgt = t[3][0];
    x->lcode = dict_strdup(d, t[4], strlen(t[4])); /* verb names; resolved to codes when coding */
    x->ucode = dict_strdup(d, t[6], strlen(t[6]));
    x->rsrc = t[8][0];
    x->rtgt = t[9][0];
    x->rcode = dict_strdup(d, t[10], strlen(t[10]));
    if (c->check && strcmp(x->rcode, "Q") && !dict_event_code_ok(d, x->rcode))
        dict_problem(c, "code '%s' is not a CAMEO event code", x->rcode);
    x->ev.file = c->file;
    x->ev.line = c->line;
    x->ev.text = dict_strdup(d, p, n);
    d->ntrans++;
    return 0;
}

typedef struct verb_load { syn_state syn; int in_syn; } verb_load;


static int verbs_line(dict_ctx *c, char *s, size_t n) {
    verb_load *vl = c->state;
    struct gesta_dicts *d = c->d;
    size_t pn;
    char *p = dict_content(s, &n, &pn);
    if (!p) return 0;
    if (pn >= 3 && !strncmp(p, "---", 3)) {
        vl->in_syn = 0;
        /* --- NAME [CODE] --- */
        char *br = memchr(p, '[', pn);
        const char *code = NULL, *code2 = NULL;
        if (br) {
            char *close = memchr(br, ']', pn - (size_t)(br - p));
            if (!close) { dict_problem(c, "missing ']' in block header"); return 0; }
            if (parse_code(c, br + 1, (size_t)(close - br - 1), &code, &code2) < 0) code = NULL;
        }
        if (!br || !code) code = NULL;
        int rc = new_block(c, code, code2, dict_strdup(d, p, pn));
        c->verb_pats = 0;
        /* verbs named in the header come on the following lines; mark the block fresh */
        return rc;
    }
    if (p[0] == '&') {
        vl->in_syn = 1;
        return syn_begin(c, p, pn, &vl->syn);
    }
    if (p[0] == '+' && vl->in_syn) return syn_member(c, p + 1, pn - 1, &vl->syn);
    vl->in_syn = 0;
    if (p[0] == '-') return pattern_line(c, p + 1, pn - 1);
    if (p[0] == '~') return transform_line(c, p, pn);
    if (p[0] == '*' || p[0] == '[' || p[0] == '(' || p[0] == '{') {
        dict_problem(c, "pattern line must start with '-'");
        return 0;
    }
    if (c->cur < 0) {
        dict_problem(c, "verb outside any '--- NAME [CODE] ---' block");
        return 0;
    }
    return verb_line(c, p, pn);
}

int dict_load_verbs(dict_ctx *c, const char *path) {
    verb_load st;
    memset(&st, 0, sizeof st);
    c->state = &st;
    c->cur = -1;
    c->verb_pats = 0;
    int rc = dict_each_line(c, path, verbs_line);
    c->state = NULL;
    return rc;
}

static void flag_table(struct gesta_dicts *d, const phrase_table *t, int bit) {
    for (uint32_t i = 0; i < t->n; i++)
        if (t->p[i].w[0] < d->nwflag) d->wflag[t->p[i].w[0]] |= (uint8_t)bit;
}

int dict_finish_verbs(struct gesta_dicts *d) {
    d->nwflag = (uint32_t)gesta_strmap_count(d->words);
    d->wflag = gesta_arena_calloc(d->arena, d->nwflag + 1, 1);
    if (!d->wflag) return GESTA_ENOMEM;
    if (dict_index_pairs(d, &d->actor_phr) < 0 || dict_index_pairs(d, &d->agent_phr) < 0) return GESTA_ENOMEM;
    flag_table(d, &d->actor_phr, WF_ACTOR);
    flag_table(d, &d->agent_phr, WF_AGENT);
    flag_table(d, &d->discard_phr, WF_DISCARD);
    flag_table(d, &d->issue_phr, WF_ISSUE);
    if (d->nsyn && !(d->syn_first = gesta_strmap_new(1024))) return GESTA_ENOMEM;
    for (uint32_t i = 0; i < d->nsyn; i++) {
        synset *sy = &d->syns[i];
        sy->next = gesta_arena_alloc(d->arena, (sy->n + 1) * sizeof *sy->next);
        if (!sy->next) return GESTA_ENOMEM;
        /* chains keep file order: walk members backwards, pushing on the front */
        for (uint32_t k = sy->n; k-- > 0;) {
            uint32_t key[2] = {i, sy->phr[k][0]};
            uint64_t head;
            sy->fmask |= 1ull << (sy->phr[k][0] & 63);
            sy->next[k] = gesta_strmap_get(d->syn_first, (const char *)key, sizeof key, &head) ? (int32_t)head : -1;
            if (gesta_strmap_put(d->syn_first, (const char *)key, sizeof key, k) < 0) return GESTA_ENOMEM;
        }
    }
    for (uint32_t w = 0; w < d->nwflag; w++) {
        uint64_t v;
        if (gesta_strmap_get(d->verb_index, (const char *)&w, sizeof w, &v)) d->wflag[w] |= WF_VERB;
    }
    if (!d->npat) return 0;
    d->porder = gesta_arena_alloc(d->arena, d->npat * sizeof *d->porder);
    if (!d->porder) return GESTA_ENOMEM;
    for (uint32_t b = 0; b < d->nblock; b++) {
        uint32_t *o = d->porder + d->blocks[b].pat0;
        uint32_t n = d->blocks[b].npat;
        /* insertion sort: stable, blocks are small */
        for (uint32_t i = 0; i < n; i++) {
            uint32_t v = d->blocks[b].pat0 + i, j = i;
            while (j > 0 && d->pats[o[j - 1]].weight < d->pats[v].weight) { o[j] = o[j - 1]; j--; }
            o[j] = v;
        }
    }
    return 0;
}
