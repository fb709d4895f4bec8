/*
 * Agent dictionaries:
 *
 *   !MARK! = A, B, C             a substitution set, used as CONGRESS!MARK!
 *   PHRASE {PLURALS} [~CODE]     ~CODE goes after the actor code, CODE~ before it
 *
 * The regular plural of the last word is added unless {...} is given; "{}" means
 * no plural, "{A_B C_D}" lists the plural phrases.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder/dict.h"

#define MAX_SUBST 64
/* One line may not expand to more phrases than this, nor nest markers deeper: a
 * set that names itself or a few markers of big sets would otherwise never end. */
#define MAX_EXPANSIONS 4096
#define MAX_MARK_DEPTH 8

typedef struct subst {
    char mark[64];
    char *items[64];
    int n;
} subst;

/* Substitution sets live only while the file loads. */
typedef struct agent_load {
    subst sets[MAX_SUBST];
    int nsets;
    int budget; /* phrases the current line may still add */
} agent_load;


static int add_agent_phrase(dict_ctx *c, const char *s, size_t n, uint32_t entry, int plural) {
    uint32_t w[64];
    while (n && (s[n - 1] == '_' || isspace((unsigned char)s[n - 1]))) n--;
    int k = dict_split_words(c->d, s, n, w, NULL, 63);
    if (k <= 0) { dict_problem(c, "empty agent phrase"); return 0; }
    if (dict_phrase_add(c->d, &c->d->agent_phr, w, (uint16_t)k, 0, entry) < 0) return GESTA_ENOMEM;
    if (plural) {
        char pl[300];
        const char *last = dict_word_text(c->d, w[k - 1]);
        dict_plural(last, strlen(last), pl, sizeof pl);
        w[k - 1] = dict_word(c->d, pl, strlen(pl));
        if (dict_phrase_add(c->d, &c->d->agent_phr, w, (uint16_t)k, 0, entry) < 0) return GESTA_ENOMEM;
    }
    return 0;
}

/* Expands the first !MARK! in s (recursively for several marks). */
static int expand(dict_ctx *c, const char *s, size_t n, uint32_t entry, int plural, int depth) {
    agent_load *al = c->state;
    /* every step counts, also those that end in a report (an unknown marker) */
    if (al->budget-- <= 0) {
        if (al->budget == -1) dict_problem(c, "line expands to more than %d phrases; the rest are skipped", MAX_EXPANSIONS);
        return 0;
    }
    const char *b = memchr(s, '!', n);
    if (!b) return add_agent_phrase(c, s, n, entry, plural);
    const char *e = memchr(b + 1, '!', n - (size_t)(b + 1 - s));
    if (!e) { dict_problem(c, "unclosed substitution marker"); return 0; }
    size_t mlen = (size_t)(e - b + 1);
    if (depth >= MAX_MARK_DEPTH) {
        dict_problem(c, "substitution markers nested more than %d deep (a set naming itself?)", MAX_MARK_DEPTH);
        al->budget = -2; /* stop the line, without the budget message */
        return 0;
    }
    for (int i = 0; i < al->nsets; i++) {
        if (strlen(al->sets[i].mark) != mlen || strncmp(al->sets[i].mark, b, mlen)) continue;
        for (int j = 0; j < al->sets[i].n; j++) {
            char buf[1024];
            int len = snprintf(buf, sizeof buf, "%.*s%s%.*s", (int)(b - s), s, al->sets[i].items[j],
                               (int)(n - (size_t)(e + 1 - s)), e + 1);
            if (len >= (int)sizeof buf) continue;
            /* items of a substitution set are whole forms: no extra plural */
            int rc = expand(c, buf, (size_t)len, entry, 0, depth + 1);
            if (rc < 0) return rc;
        }
        return 0;
    }
    dict_problem(c, "unknown substitution marker '%.*s'", (int)mlen, b);
    return 0;
}

static int agent_line(dict_ctx *c, char *s, size_t n) {
    agent_load *al = c->state;
    struct gesta_dicts *d = c->d;
    size_t pn;
    char *p = dict_content(s, &n, &pn);
    if (!p) return 0;
    if (p[0] == '!' && memchr(p, '=', pn) && !memchr(p, '[', pn)) {
        char *eq = memchr(p, '=', pn);
        char *e2 = memchr(p + 1, '!', pn - 1);
        if (!eq || !e2 || e2 > eq) { dict_problem(c, "malformed substitution set (expected !NAME! = A, B)"); return 0; }
        if (al->nsets == MAX_SUBST) { dict_problem(c, "too many substitution sets"); return 0; }
        subst *ss = &al->sets[al->nsets];
        snprintf(ss->mark, sizeof ss->mark, "%.*s", (int)(e2 - p + 1), p);
        ss->n = 0;
        char *q = eq + 1, *end = p + pn;
        while (q < end && ss->n < 64) {
            char *comma = memchr(q, ',', (size_t)(end - q));
            char *ie = comma ? comma : end;
            while (q < ie && isspace((unsigned char)*q)) q++;
            char *te = ie;
            while (te > q && isspace((unsigned char)te[-1])) te--;
            if (te > q) ss->items[ss->n++] = dict_strdup(d, q, (size_t)(te - q));
            q = ie + 1;
        }
        if (!ss->n) { dict_problem(c, "empty substitution set"); return 0; }
        al->nsets++;
        return 0;
    }
    char *br = memchr(p, '[', pn);
    if (!br) { dict_problem(c, "agent line without [CODE]"); return 0; }
    char *close = memchr(br, ']', pn - (size_t)(br - p));
    if (!close) close = memchr(br, '}', pn - (size_t)(br - p)); /* "[~LEG}" occurs in the wild */
    if (!close) { dict_problem(c, "missing ']' after agent code"); return 0; }
    const char *code = br + 1;
    size_t cn = (size_t)(close - br - 1);
    while (cn && isspace((unsigned char)*code)) { code++; cn--; }
    while (cn && isspace((unsigned char)code[cn - 1])) cn--;
    int prefix;
    if (cn > 1 && code[0] == '~') { prefix = 0; code++; cn--; }
    else if (cn > 1 && code[cn - 1] == '~') { prefix = 1; cn--; }
    else { dict_problem(c, "agent code '%.*s' needs a ~ before or after it", (int)cn, code); return 0; }
    for (size_t k = 0; k < cn; k++)
        if (!isalnum((unsigned char)code[k])) {
            dict_problem(c, "bad agent code '%.*s'", (int)cn, code);
            return 0;
        }
    /* phrase and optional {plurals} */
    char *brace = memchr(p, '{', (size_t)(br - p));
    size_t plen = (size_t)((brace ? brace : br) - p);
    al->budget = MAX_EXPANSIONS;
    agent_entry *na = dict_grow(d, d->agents, &d->agent_cap, d->nagent, sizeof *d->agents);
    if (!na) return GESTA_ENOMEM;
    d->agents = na;
    agent_entry *e = &d->agents[d->nagent];
    char *cc = dict_strdup(d, code, cn);
    for (char *q = cc; *q; q++) *q = (char)toupper((unsigned char)*q);
    e->code = cc;
    e->prefix = (uint8_t)prefix;
    e->ev.file = c->file;
    e->ev.line = c->line;
    e->ev.text = dict_strdup(d, p, (size_t)(br - p));
    uint32_t idx = d->nagent++;
    int rc;
    if (brace) {
        char *bclose = memchr(brace, '}', (size_t)(br - brace));
        if (!bclose) { dict_problem(c, "missing '}' after plurals"); return 0; }
        if ((rc = expand(c, p, plen, idx, 0, 0)) < 0) return rc;
        /* each plural phrase */
        char *q = brace + 1;
        while (q < bclose) {
            while (q < bclose && isspace((unsigned char)*q)) q++;
            char *we = q;
            while (we < bclose && !isspace((unsigned char)*we)) we++;
            if (we > q && (rc = expand(c, q, (size_t)(we - q), idx, 0, 0)) < 0) return rc;
            q = we;
        }
        return 0;
    }
    return expand(c, p, plen, idx, 1, 0);
}

int dict_load_agents(dict_ctx *c, const char *path) {
    agent_load st;
    memset(&st, 0, sizeof st);
    c->state = &st;
    int rc = dict_each_line(c, path, agent_line);
    c->state = NULL;
    return rc;
}

/* ---- discards ---- */

static int discard_line(dict_ctx *c, char *s, size_t n) {
    struct gesta_dicts *d = c->d;
    char *semi = memchr(s, ';', n);
    if (semi) { *semi = 0; n = (size_t)(semi - s); }
    size_t pn;
    char *p = dict_content(s, &n, &pn);
    if (!p) return 0;
    int story = p[0] == '+';
    if (story) p++, pn--;
    if (memchr(p, '[', pn)) { dict_problem(c, "discard phrases take no [code]"); return 0; }
    int stem = !(pn && p[pn - 1] == '_');
    while (pn && p[pn - 1] == '_') pn--;
    uint32_t w[64];
    int k = dict_split_words(d, p, pn, w, NULL, 64);
    if (k <= 0) { dict_problem(c, "empty discard phrase"); return 0; }
    discard *nd = dict_grow(d, d->discards, &d->discard_cap, d->ndiscard, sizeof *d->discards);
    if (!nd) return GESTA_ENOMEM;
    d->discards = nd;
    discard *e = &d->discards[d->ndiscard];
    e->story = (uint8_t)story;
    e->ev.file = c->file;
    e->ev.line = c->line;
    e->ev.text = dict_strdup(d, s, n);
    if (dict_phrase_add(d, &d->discard_phr, w, (uint16_t)k, (uint8_t)stem, d->ndiscard) < 0) return GESTA_ENOMEM;
    if (stem && k == 1) {
        size_t L = strlen(dict_word_text(d, w[0]));
        if (L < 64) d->stem_lens |= 1ull << L;
        if (L < 4) {
            if (d->nshort_stem < 16) d->short_stem[d->nshort_stem++] = w[0];
            else dict_problem(c, "too many one-word stems shorter than 4 letters; this one is matched whole");
        }
        else if ((d->stem_pre || (d->stem_pre = gesta_strmap_new(256))) &&
                 gesta_strmap_put(d->stem_pre, dict_word_text(d, w[0]), 4, 1) < 0)
            return GESTA_ENOMEM;
    }
    d->ndiscard++;
    return 0;
}

int dict_load_discards(dict_ctx *c, const char *path) { return dict_each_line(c, path, discard_line); }

/* ---- issues ---- */

/* Adds every expansion of words[k..] (n: noun sing/plural, v: verb forms, a+b: "a b" and "a-b"). */
static int issue_expand(dict_ctx *c, char **words, int nw, int k, uint32_t *acc, int nacc, uint32_t entry,
                        int *budget) {
    if (*budget < 0) return 0;
    if (k == nw) {
        if (!nacc) return 0;
        if ((*budget)-- == 0) {
            dict_problem(c, "issue phrase expands to more than %d phrases; the rest are skipped", MAX_EXPANSIONS);
            return 0;
        }
        if (dict_phrase_add(c->d, &c->d->issue_phr, acc, (uint16_t)nacc, 0, entry) < 0) return GESTA_ENOMEM;
        return 0;
    }
    if (nacc >= 60) return 0;
    char *w = words[k];
    char forms[6][300];
    int nf = 0;
    if (!strncmp(w, "n:", 2)) {
        w += 2;
        snprintf(forms[nf++], 300, "%s", w);
        dict_plural(w, strlen(w), forms[nf++], 300);
    } else if (!strncmp(w, "v:", 2)) {
        w += 2;
        size_t L = strlen(w);
        snprintf(forms[nf++], 300, "%s", w);
        dict_plural(w, L, forms[nf++], 300);
        int e = L && w[L - 1] == 'e';
        snprintf(forms[nf++], 300, "%s%s", w, e ? "d" : "ed");
        snprintf(forms[nf++], 300, "%.*sing", (int)(e ? L - 1 : L), w);
    } else {
        snprintf(forms[nf++], 300, "%s", w);
    }
    for (int f = 0; f < nf; f++) {
        char *plus = strchr(forms[f], '+');
        if (plus) {
            /* "a+b": two words, or one hyphenated word */
            *plus = 0;
            uint32_t a2[64];
            memcpy(a2, acc, (size_t)nacc * sizeof *acc);
            a2[nacc] = dict_word(c->d, forms[f], strlen(forms[f]));
            a2[nacc + 1] = dict_word(c->d, plus + 1, strlen(plus + 1));
            int rc = issue_expand(c, words, nw, k + 1, a2, nacc + 2, entry, budget);
            if (rc < 0) return rc;
            *plus = '-';
        }
        acc[nacc] = dict_word(c->d, forms[f], strlen(forms[f]));
        int rc = issue_expand(c, words, nw, k + 1, acc, nacc + 1, entry, budget);
        if (rc < 0) return rc;
    }
    return 0;
}

static int issue_line(dict_ctx *c, char *s, size_t n) {
    struct gesta_dicts *d = c->d;
    size_t pn;
    char *p = dict_content(s, &n, &pn);
    if (!p) return 0;
    if (p[0] == '<') return 0; /* <ISSUE CATEGORY=...> grouping tags */
    int ignore = 0;
    while (pn && p[0] == '~') { ignore = 1; p++; pn--; }
    char *br = memchr(p, '[', pn);
    const char *code = NULL;
    size_t plen = pn;
    if (br) {
        char *close = memchr(br, ']', pn - (size_t)(br - p));
        if (!close) { dict_problem(c, "missing ']' after issue code"); return 0; }
        code = dict_strdup(d, br + 1, (size_t)(close - br - 1));
        plen = (size_t)(br - p);
    } else if (!ignore) {
        dict_problem(c, "issue phrase without [CODE]");
        return 0;
    }
    issue_entry *ni = dict_grow(d, d->issues, &d->issue_cap, d->nissue, sizeof *d->issues);
    if (!ni) return GESTA_ENOMEM;
    d->issues = ni;
    issue_entry *e = &d->issues[d->nissue];
    e->code = ignore ? NULL : code;
    e->ev.file = c->file;
    e->ev.line = c->line;
    e->ev.text = dict_strdup(d, p, plen);
    char tmp[1024];
    if (plen >= sizeof tmp) { dict_problem(c, "issue phrase too long"); return 0; }
    memcpy(tmp, p, plen);
    tmp[plen] = 0;
    for (char *q = tmp; *q; q++) *q = (char)tolower((unsigned char)*q);
    char *words[32];
    int nw = 0;
    char *sv = NULL;
    for (char *tok = strtok_r(tmp, " \t", &sv); tok && nw < 32; tok = strtok_r(NULL, " \t", &sv)) words[nw++] = tok;
    if (!nw) { dict_problem(c, "empty issue phrase"); return 0; }
    uint32_t acc[64];
    int budget = MAX_EXPANSIONS;
    int rc = issue_expand(c, words, nw, 0, acc, 0, d->nissue, &budget);
    d->nissue++;
    return rc;
}

int dict_load_issues(dict_ctx *c, const char *path) { return dict_each_line(c, path, issue_line); }
