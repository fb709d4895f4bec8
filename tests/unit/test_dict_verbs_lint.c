/*
 * Lint for data/dict/gesta.verbs.txt (gesta's own CAMEO verb dictionary, in the
 * PETRARCH-2 verb dialect; see docs/DICT-VERBS.md).
 *
 * It has its own small line parser, independent of the coder's loader, so a
 * loader bug cannot hide a dictionary bug. It checks:
 *   - every line is a comment, a blank, a synset header (&NAME), a synset
 *     member or multi-word verb ('+'), a block header (--- NAME [code] ---), a
 *     verb line (VERB {FORMS} [code]), a pattern (- ... * ... [code]) or a
 *     transformation (~ ... = a b code);
 *   - patterns have exactly one '*', balanced (...) and {...}, no nesting of
 *     the same bracket, and every &SYNSET they use is defined earlier;
 *   - every code is ---, a CAMEO code, or a pair X:Y / :Y of them; with
 *     ../shared present, every CAMEO code exists in cameo/eventcodes.tsv and
 *     every event code there (3 or 4 digits) is used by some verb or pattern;
 *   - no verb form is defined in two blocks, no pattern appears twice in a
 *     block (with the same or a conflicting code), no synset is defined twice;
 *   - the entry count (verb forms written in the file, irregular forms
 *     included, plus patterns; regular inflections the loader generates are
 *     not counted) is at least 3,000.
 * It first lints deliberately bad snippets to prove each check can fail.
 *
 * Run by hand on another file: build-x/test_dict_verbs_lint path/to/file.txt
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include <ctype.h>
#include <stdint.h>

#define MIN_ENTRIES 3000

/* ---------------- a tiny string set / map (open addressing) ---------------- */

typedef struct {
    char **keys;
    int *vals;
    size_t cap, n;
} smap;

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void smap_free(smap *m) {
    for (size_t i = 0; i < m->cap; i++) free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static size_t smap_slot(const smap *m, const char *k) {
    size_t i = (size_t)hash_str(k) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], k) != 0) i = (i + 1) & (m->cap - 1);
    return i;
}

/* Returns a pointer to the value of k, or NULL when absent. */
static int *smap_get(const smap *m, const char *k) {
    if (!m->cap) return NULL;
    size_t i = smap_slot(m, k);
    return m->keys[i] ? &m->vals[i] : NULL;
}

static void smap_put(smap *m, const char *k, int v) {
    if ((m->n + 1) * 2 > m->cap) {
        smap old = *m;
        m->cap = old.cap ? old.cap * 2 : 256;
        m->keys = calloc(m->cap, sizeof *m->keys);
        m->vals = calloc(m->cap, sizeof *m->vals);
        m->n = 0;
        if (!m->keys || !m->vals) { fprintf(stderr, "out of memory\n"); exit(2); }
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = smap_slot(m, old.keys[i]);
                m->keys[j] = old.keys[i];
                m->vals[j] = old.vals[i];
                m->n++;
            }
        free(old.keys);
        free(old.vals);
    }
    size_t i = smap_slot(m, k);
    if (!m->keys[i]) {
        m->keys[i] = strdup(k);
        if (!m->keys[i]) { fprintf(stderr, "out of memory\n"); exit(2); }
        m->n++;
    }
    m->vals[i] = v;
}

/* ---------------- the linter ---------------- */

typedef struct {
    const char *file;
    const smap *cameo;   /* valid CAMEO codes (NULL: check syntax only) */
    smap synsets;        /* defined synset names */
    smap verbs;          /* verb form -> block number */
    smap patterns;       /* "block|pattern" -> line number */
    smap used;           /* CAMEO codes used */
    smap pcode;          /* "block|pattern" -> index in codes */
    smap bcode;          /* "block" -> index in codes (the block default) */
    smap vcode;          /* verb -> index in codes (its own [code], when it has one) */
    char (*codes)[12];   /* every code seen, for the requirement checks */
    int ncodes, capcodes;
    int verb_forms, patterns_n, blocks, synset_n, members, transforms;
    int errors;
    int quiet;           /* 1: do not print messages (self-tests) */
} lint;

static void lint_free(lint *L) {
    smap_free(&L->synsets);
    smap_free(&L->verbs);
    smap_free(&L->patterns);
    smap_free(&L->used);
    smap_free(&L->pcode);
    smap_free(&L->bcode);
    smap_free(&L->vcode);
    free(L->codes);
}

static int add_code(lint *L, const char *code) {
    if (L->ncodes == L->capcodes) {
        L->capcodes = L->capcodes ? L->capcodes * 2 : 1024;
        L->codes = realloc(L->codes, (size_t)L->capcodes * sizeof *L->codes);
        if (!L->codes) { fprintf(stderr, "out of memory\n"); exit(2); }
    }
    snprintf(L->codes[L->ncodes], sizeof L->codes[0], "%s", code);
    return L->ncodes++;
}

static void err(lint *L, int line, const char *fmt, const char *a) {
    L->errors++;
    if (L->quiet) return;
    fprintf(stderr, "%s:%d: ", L->file, line);
    fprintf(stderr, fmt, a ? a : "");
    fputc('\n', stderr);
}

static int is_code_part(const char *s, size_t n) {
    if (n == 3 && memcmp(s, "---", 3) == 0) return 1;
    if (n != 3 && n != 4) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* Checks "[...]" content: ---, C, C:C, :C. Marks CAMEO codes used. */
static void check_code(lint *L, int line, const char *code) {
    const char *colon = strchr(code, ':');
    const char *parts[2] = {code, colon ? colon + 1 : NULL};
    size_t lens[2] = {colon ? (size_t)(colon - code) : strlen(code), colon ? strlen(colon + 1) : 0};
    if (colon && strchr(colon + 1, ':')) { err(L, line, "bad code [%s]", code); return; }
    for (int i = 0; i < 2; i++) {
        if (!parts[i]) continue;
        if (i == 0 && colon && lens[0] == 0) continue; /* [:C] */
        if (!is_code_part(parts[i], lens[i])) { err(L, line, "bad code [%s]", code); return; }
        if (memcmp(parts[i], "---", 3) == 0) continue;
        char c[8];
        memcpy(c, parts[i], lens[i]);
        c[lens[i]] = 0;
        if (L->cameo && !smap_get(L->cameo, c)) { err(L, line, "code %s is not in the CAMEO codebook", c); continue; }
        smap_put(&L->used, c, 1);
    }
    if (colon && lens[1] == 0) err(L, line, "bad code [%s]", code);
}

/* Finds a trailing "[code]" in s (whitespace-trimmed); cuts it off; returns code or NULL. */
static char *cut_code(char *s) {
    size_t n = strlen(s);
    if (!n || s[n - 1] != ']') return NULL;
    char *open = strrchr(s, '[');
    if (!open) return NULL;
    s[n - 1] = 0;
    *open = 0;
    char *e = open;
    while (e > s && isspace((unsigned char)e[-1])) *--e = 0;
    return open + 1;
}

static int word_ok(const char *w, int allow_plus) {
    if (!*w) return 0;
    int pluses = 0, alnum = 0;
    for (const char *p = w; *p; p++)
        if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80) alnum = 1;
    if (!alnum) return 0;
    for (const char *p = w; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '+') { pluses++; if (!allow_plus) return 0; continue; }
        if (!(isupper(c) || isdigit(c) || c == '_' || c == '-' || c == '\'' || c == '.' || c >= 0x80)) return 0;
    }
    return allow_plus ? pluses <= 1 : 1;
}

/* A multi-word verb has '+' before its inflecting word: at start or after '_'. */
static int multiword_ok(const char *w) {
    const char *p = strchr(w, '+');
    if (!p) return 1;
    if (!(p == w || p[-1] == '_')) return 0;
    return p[1] && p[1] != '_' && strchr(w, '_') != NULL;
}

static void add_verb_counted(lint *L, int line, const char *form, int counted);
static void add_verb(lint *L, int line, const char *form) { add_verb_counted(L, line, form, 1); }

/*
 * Registers the regular forms the loader will generate for a verb written
 * without {...} (PETRARCH's rule: +S/+ES/+IES, +D/+ED/+IED, +ING with a final
 * E dropped), so that a generated form colliding with a verb of another block
 * is caught too. They are not counted as entries.
 */
static void add_regular_forms(lint *L, int line, const char *verb) {
    char w[256];
    snprintf(w, sizeof w, "%s", verb);
    char *plus = strchr(w, '+');
    char *word = plus ? plus + 1 : w;
    char *wend = strchr(word, '_');
    size_t wlen = wend ? (size_t)(wend - word) : strlen(word);
    const char *rest = wend ? verb + (size_t)(wend - w) : "";
    size_t pre = (size_t)(word - w);
    if (wlen < 2 || wlen > 60) return;
    char base[64];
    memcpy(base, word, wlen);
    base[wlen] = 0;
    char last = base[wlen - 1], prev = base[wlen - 2];
    int cons_y = last == 'Y' && !strchr("AEIOU", prev);
    char s_form[80], d_form[80], g_form[80];
    if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S')))
        snprintf(s_form, sizeof s_form, "%sES", base);
    else if (cons_y)
        snprintf(s_form, sizeof s_form, "%.*sIES", (int)wlen - 1, base);
    else
        snprintf(s_form, sizeof s_form, "%sS", base);
    if (last == 'E') {
        snprintf(d_form, sizeof d_form, "%sD", base);
        snprintf(g_form, sizeof g_form, "%.*sING", (int)wlen - 1, base);
    } else if (cons_y) {
        snprintf(d_form, sizeof d_form, "%.*sIED", (int)wlen - 1, base);
        snprintf(g_form, sizeof g_form, "%sING", base);
    } else {
        snprintf(d_form, sizeof d_form, "%sED", base);
        snprintf(g_form, sizeof g_form, "%sING", base);
    }
    const char *forms[3] = {s_form, d_form, g_form};
    for (int i = 0; i < 3; i++) {
        char full[400];
        snprintf(full, sizeof full, "%.*s%s%s", (int)pre, w, forms[i], rest);
        add_verb_counted(L, line, full, 0);
    }
}

static void add_verb_counted(lint *L, int line, const char *form, int counted) {
    char key[256];
    size_t k = 0;
    for (const char *p = form; *p && k + 1 < sizeof key; p++)
        if (*p != '+') key[k++] = *p;
    key[k] = 0;
    int *b = smap_get(&L->verbs, key);
    if (b) {
        if (*b == L->blocks && !counted) return; /* e.g. LAMBAST and LAMBASTE both give LAMBASTED */
        if (*b == L->blocks) err(L, line, "verb form %s listed twice in its block", key);
        else err(L, line, "verb form %s is already defined in another block", key);
        return;
    }
    smap_put(&L->verbs, key, L->blocks);
    if (counted) L->verb_forms++;
}

static void lint_verb_line(lint *L, int line, char *s) {
    char *code = cut_code(s);
    if (code) check_code(L, line, code);
    char *brace = strchr(s, '{');
    if (brace) {
        char *close = strchr(brace, '}');
        if (!close || close[1] != 0) { err(L, line, "bad irregular-form list: %s", s); return; }
        *close = 0;
        *brace = 0;
    }
    char *base = strtok(s, " \t");
    if (!base || strtok(NULL, " \t")) { err(L, line, "a verb line needs exactly one verb: %s", s); return; }
    if (!word_ok(base, 1) || !multiword_ok(base)) { err(L, line, "bad verb %s", base); return; }
    int multi = strchr(base, '+') != NULL;
    add_verb(L, line, base);
    if (code) {
        char key[256];
        size_t k = 0;
        for (const char *q = base; *q && k + 1 < sizeof key; q++)
            if (*q != '+') key[k++] = *q;
        key[k] = 0;
        smap_put(&L->vcode, key, add_code(L, code));
    }
    if (!brace) add_regular_forms(L, line, base);
    if (brace) {
        int nforms = 0;
        for (char *f = strtok(brace + 1, " \t"); f; f = strtok(NULL, " \t")) {
            nforms++;
            if (!word_ok(f, 1) || !multiword_ok(f) || (multi != (strchr(f, '+') != NULL)))
                err(L, line, "bad irregular form %s", f);
            else
                add_verb(L, line, f);
        }
        if (!nforms) err(L, line, "empty irregular-form list%s", NULL);
    }
}

/* The words that may open a (PREP ...) phrase: prepositions and verb particles. */
static const char *const prepositions[] = {
    "ABOARD", "ABOUT", "ABOVE", "ACROSS", "AFTER", "AGAINST", "AHEAD", "ALONG", "ALONGSIDE", "AMID",
    "AMIDST", "AMONG", "AMONGST", "AROUND", "AS", "AT", "AWAY", "BACK", "BECAUSE", "BEFORE", "BEHIND",
    "BELOW", "BENEATH", "BESIDE", "BESIDES", "BETWEEN", "BEYOND", "BY", "DESPITE", "DOWN", "DUE",
    "DURING", "EN", "EXCEPT", "FOLLOWING", "FOR", "FROM", "IN", "INSIDE", "INTO", "LIKE", "NEAR",
    "OF", "OFF", "ON", "ONTO", "OUT", "OUTSIDE", "OVER", "PAST", "PER", "SINCE", "THAN", "THROUGH",
    "THROUGHOUT", "TO", "TOWARD", "TOWARDS", "UNDER", "UNTIL", "UP", "UPON", "VIA", "WITH", "WITHIN",
    "WITHOUT", NULL};

static int is_preposition(const char *w) {
    for (int i = 0; prepositions[i]; i++)
        if (strcmp(w, prepositions[i]) == 0) return 1;
    return 0;
}

/* Checks one pattern body (without "- " and code); returns 0 when bad. */
static int lint_pattern_body(lint *L, int line, const char *body) {
    int stars = 0, paren = 0, brace = 0;
    const char *p = body;
    while (*p) {
        if (isspace((unsigned char)*p)) { p++; continue; }
        if (*p == '(') {
            if (paren) { err(L, line, "nested ( in pattern: %s", body); return 0; }
            paren = 1;
            p++;
            /* a preposition (or verb particle) must follow the '(' */
            char prep[32];
            size_t k = 0;
            while (*p && !isspace((unsigned char)*p) && !strchr("(){}", *p) && k + 1 < sizeof prep) prep[k++] = *p++;
            prep[k] = 0;
            if (!is_preposition(prep)) { err(L, line, "( must start with a preposition: %s", body); return 0; }
            continue;
        }
        if (*p == ')') {
            if (!paren || brace) { err(L, line, "unbalanced ) in pattern: %s", body); return 0; }
            paren = 0;
            p++;
            continue;
        }
        if (*p == '{') {
            if (brace) { err(L, line, "nested { in pattern: %s", body); return 0; }
            brace = 1;
            p++;
            continue;
        }
        if (*p == '}') {
            if (!brace) { err(L, line, "unbalanced } in pattern: %s", body); return 0; }
            brace = 0;
            p++;
            continue;
        }
        /* a token up to space or bracket */
        char tok[128];
        size_t n = 0;
        while (*p && !isspace((unsigned char)*p) && !strchr("(){}", *p) && n + 1 < sizeof tok) tok[n++] = *p++;
        tok[n] = 0;
        if (!n) { p++; continue; }
        if (strcmp(tok, "*") == 0) {
            if (paren || brace) { err(L, line, "'*' inside a phrase: %s", body); return 0; }
            stars++;
        } else if (tok[0] == '&') {
            if (!smap_get(&L->synsets, tok)) { err(L, line, "synset %s used before it is defined", tok); return 0; }
        } else if (!strcmp(tok, "$") || !strcmp(tok, "+") || !strcmp(tok, "%") || !strcmp(tok, "^")) {
            /* source / target / compound / skip markers */
        } else if (!word_ok(tok, 0)) {
            err(L, line, "bad word in pattern: %s", tok);
            return 0;
        }
    }
    if (paren || brace) { err(L, line, "unclosed bracket in pattern: %s", body); return 0; }
    if (stars != 1) { err(L, line, "a pattern needs exactly one '*': %s", body); return 0; }
    return 1;
}

static void lint_pattern(lint *L, int line, char *s) {
    char *code = cut_code(s);
    if (!code) { err(L, line, "pattern without [code]: %s", s); return; }
    check_code(L, line, code);
    char *body = s + 1;
    while (isspace((unsigned char)*body)) body++;
    if (!lint_pattern_body(L, line, body)) return;
    /* normalise spacing for the duplicate check */
    char key[512];
    int k = snprintf(key, sizeof key, "%d|", L->blocks);
    int sp = 0;
    for (const char *p = body; *p && k + 2 < (int)sizeof key; p++) {
        if (isspace((unsigned char)*p)) { sp = 1; continue; }
        if (sp && key[k - 1] != '|') key[k++] = ' ';
        sp = 0;
        key[k++] = *p;
    }
    key[k] = 0;
    int *prev = smap_get(&L->patterns, key);
    if (prev) {
        char msg[64];
        snprintf(msg, sizeof msg, "%d", *prev);
        err(L, line, "pattern repeated in its block (first on line %s)", msg);
        return;
    }
    smap_put(&L->patterns, key, line);
    smap_put(&L->pcode, key, add_code(L, code));
    L->patterns_n++;
}

static void lint_transform(lint *L, int line, char *s) {
    char *eq = strchr(s, '=');
    if (!eq) { err(L, line, "transformation without '=': %s", s); return; }
    int depth = 0;
    for (char *p = s; p < eq; p++) {
        if (*p == '(') depth++;
        if (*p == ')' && --depth < 0) break;
    }
    if (depth != 0) { err(L, line, "unbalanced transformation: %s", s); return; }
    char *last = NULL, *tok, *save = NULL;
    int n = 0;
    for (tok = strtok_r(eq + 1, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) { last = tok; n++; }
    if (n != 3 || !last) { err(L, line, "transformation result must be: source target code%s", NULL); return; }
    check_code(L, line, last);
    L->transforms++;
}

enum { ST_NONE, ST_SYNSET, ST_BLOCK };

static void lint_text(lint *L, const char *text) {
    int state = ST_NONE, line = 0;
    const char *p = text;
    char buf[1024];
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        line++;
        if (n >= sizeof buf) n = sizeof buf - 1;
        memcpy(buf, p, n);
        buf[n] = 0;
        p += nl ? (size_t)(nl - p) + 1 : strlen(p);
        char *hash = strchr(buf, '#');
        if (hash) *hash = 0;
        char *s = buf;
        while (isspace((unsigned char)*s)) s++;
        size_t len = strlen(s);
        while (len && isspace((unsigned char)s[len - 1])) s[--len] = 0;
        if (!len) continue;
        if (s[0] == '&') {
            if (!word_ok(s + 1, 0)) { err(L, line, "bad synset name %s", s); continue; }
            if (smap_get(&L->synsets, s)) err(L, line, "synset %s defined twice", s);
            smap_put(&L->synsets, s, line);
            L->synset_n++;
            state = ST_SYNSET;
        } else if (strncmp(s, "---", 3) == 0) {
            char *code = NULL;
            size_t m = strlen(s);
            if (m < 7 || strcmp(s + m - 3, "---") != 0) { err(L, line, "bad block header: %s", s); continue; }
            s[m - 3] = 0;
            char *inner = s + 3;
            len = strlen(inner);
            while (len && isspace((unsigned char)inner[len - 1])) inner[--len] = 0;
            code = cut_code(inner);
            while (isspace((unsigned char)*inner)) inner++;
            if (!*inner || strchr(inner, ' ') || !word_ok(inner, 0)) { err(L, line, "bad block name: %s", inner); continue; }
            if (!code) { err(L, line, "block header without [code]: %s", inner); continue; }
            check_code(L, line, code);
            L->blocks++;
            char bkey[16];
            snprintf(bkey, sizeof bkey, "%d", L->blocks);
            smap_put(&L->bcode, bkey, add_code(L, code));
            state = ST_BLOCK;
        } else if (s[0] == '+' && state == ST_SYNSET) {
            if (strpbrk(s + 1, "$%^*[]{}()") || !s[1]) err(L, line, "bad synset member %s", s);
            else if (s[1] == '&' && !smap_get(&L->synsets, s + 1)) err(L, line, "synset %s used before it is defined", s + 1);
            else L->members++;
        } else if (s[0] == '-') {
            if (state != ST_BLOCK) { err(L, line, "pattern outside a verb block: %s", s); continue; }
            lint_pattern(L, line, s);
        } else if (s[0] == '~') {
            lint_transform(L, line, s);
        } else if (state == ST_BLOCK) {
            lint_verb_line(L, line, s);
        } else {
            err(L, line, "line outside any block: %s", s);
        }
    }
}

/* ---- requirement checks: the entries the brief and docs/DICT-VERBS.md promise ---- */

/* The code a bare verb gets: its own [code], else its block's default. NULL: no such verb. */
static const char *verb_code(const lint *L, const char *verb) {
    const int *b = smap_get(&L->verbs, verb);
    if (!b) return NULL;
    const int *v = smap_get(&L->vcode, verb);
    if (v) return L->codes[*v];
    char bkey[16];
    snprintf(bkey, sizeof bkey, "%d", *b);
    const int *c = smap_get(&L->bcode, bkey);
    return c ? L->codes[*c] : NULL;
}

/* The code of pattern `pat` (spacing as in the file) in the block of `verb`, or NULL. */
static const char *pattern_code(const lint *L, const char *verb, const char *pat) {
    const int *b = smap_get(&L->verbs, verb);
    if (!b) return NULL;
    char key[512];
    snprintf(key, sizeof key, "%d|%s", *b, pat);
    const int *c = smap_get(&L->pcode, key);
    return c ? L->codes[*c] : NULL;
}

/* 1 when some pattern of verb's block contains the word w. */
static int block_mentions(const lint *L, const char *verb, const char *w) {
    const int *b = smap_get(&L->verbs, verb);
    if (!b) return 0;
    char pre[16];
    int n = snprintf(pre, sizeof pre, "%d|", *b);
    size_t wl = strlen(w);
    for (size_t i = 0; i < L->patterns.cap; i++) {
        const char *k = L->patterns.keys[i];
        if (!k || strncmp(k, pre, (size_t)n)) continue;
        for (const char *q = strstr(k, w); q; q = strstr(q + 1, w))
            if (!isalnum((unsigned char)q[wl]) && q[wl] != '_' && (q == k || !isalnum((unsigned char)q[-1])))
                return 1;
    }
    return 0;
}

static void requirement_checks(const lint *L) {
    static const struct { const char *verb, *code; } verbs[] = {
        /* intent / appeal / demand / threat / refusal verbs carry the codes the coder combines */
        {"AGREE", "030"}, {"PLAN", "030"}, {"PROMISE", "030"}, {"PLEDGE", "030"}, {"INTEND", "030"},
        {"OFFER", "030"}, {"URGE", "020"}, {"APPEAL", "020"}, {"DEMAND", "100"}, {"THREATEN", "130"},
        {"WARN", "130"}, {"REFUSE", "120"}, {"REJECT", "120"},
        /* pass-through verbs have no code of their own */
        {"WANT", "---"}, {"WISH", "---"}, {"SEEK", "---"}, {"TRY", "---"}, {"CONTINUE", "---"},
        /* modern news vocabulary */
        {"CONDEMN", "111"}, {"DENOUNCE", "111"}, {"PRAISE", "051"}, {"WELCOME", "051"}, {"ACCUSE", "112"},
        {"DENY", "016"}, {"APOLOGISE", "055"}, {"APOLOGIZE", "055"}, {"MEDIATE", "045"}, {"SIGN", "057"},
        {"RATIFY", "057"}, {"DONATE", "070"}, {"INVADE", "192"}, {"OCCUPY", "192"}, {"ANNEX", "192"},
        {"BOMB", "195"}, {"SHOOT_DOWN", "190"}, {"ASSASSINATE", "186"}, {"ABDUCT", "181"},
        {"TORTURE", "1822"}, {"VETO", "129"}, {"BOYCOTT", "143"}, {"WALK_OUT", "143"}, {"EXTRADITE", "063"},
        {"INDICT", "173"}, {"MOBILISE", "154"}, {"MOBILIZE", "154"}, {"DEPLOY", "154"}, {"VIDEOCONFERENCE", "041"},
        {"TELEPHONE", "041"}, {"VISIT", "042:043"}, {"HOST", "043:042"}, {"SANCTION", "163"},
        {"IMPOSE_SANCTIONS", "163"}, {"RECALL_AMBASSADOR", "161"}, {"EXPEL_DIPLOMATS", "161"},
        {"SEVER", "161"}, {"CUT_TIES", "161"}, {"BLOCKADE", "191"}, {"DECLARE_MARTIAL_LAW", "1724"},
        {"GO_ON_HUNGER_STRIKE", "142"}, {"EXCHANGE_FIRE", "193:193"}, {"HACK", "171"},
        {"CRITICISE", "111"}, {"CRITICIZE", "111"}, {"EXPEL", "166"}, {"DEPORT", "174"},
    };
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
        const char *c = verb_code(L, verbs[i].verb);
        if (!c || strcmp(c, verbs[i].code)) {
            check_failed++;
            fprintf(stderr, "%s: verb %s codes %s, expected %s\n", L->file, verbs[i].verb, c ? c : "(absent)",
                    verbs[i].code);
        } else check_passed++;
    }
    static const struct { const char *verb, *pat, *code; } pats[] = {
        /* the example article */
        {"DECLARE", "* &ADVERSARY", "111"}, {"DISCUSS", "* (WITH)", "040"},
        {"MAKE", "* (VIA {VIDEO LINK})", "041"}, {"ESTABLISH", "* {CONSTRUCTIVE DIALOGUE}", "046"},
        {"EXPEL", "* &DIPLOMAT", "161"}, {"CLOSE", "* &MISSION", "161"}, {"HOLD", "* TALKS", "046"},
        {"FOLLOW", "* TALKS (WITH)", "046"},
        /* sanctions, aid, ceasefires, conflict */
        {"LIFT", "* &SANCTION", "085"}, {"EASE", "* &SANCTION", "085"}, {"LAUNCH", "* &AIRSTRIKE", "195"},
        {"LAUNCH", "* {DRONE STRIKE}", "195"}, {"CARRY_OUT", "* &AIRSTRIKE", "195"},
        {"PLEDGE", "* &MILAID", "0332"}, {"SEND", "* &MILAID", "072"}, {"SEND", "* &TROOPS", "154"},
        {"URGE", "* &CEASEFIRE", "0256"}, {"DEMAND", "* WITHDRAWAL", "106"}, {"AGREE", "* (TO &CEASEFIRE)", "0871"},
        {"DECLARE", "* &CEASEFIRE", "0871"}, {"VIOLATE", "* &CEASEFIRE", "196"}, {"RECALL", "* &DIPLOMAT", "161"},
        {"WITHDRAW", "* &TROOPS", "0874"}, {"IMPOSE", "* &SANCTION", "163"}, {"REJECT", "* &PEACEDEAL", "127"},
        {"SIGN", "* &AGREEMENT", "057"}, {"GRANT", "* &ASYLUM", "075"}, {"ISSUE", "* {ARREST WARRANT}", "173"},
        {"STAGE", "* COUP", "190"}, {"USE", "* {TEAR GAS}", "175"}, {"DOWNGRADE", "* &RELATION", "161"},
        /* traps: the non-political readings give no event */
        {"MEET", "* EXPECTATIONS", "---"}, {"MEET", "* DEADLINE", "---"}, {"MEET", "* TARGET", "---"},
        {"FIGHT", "* CORRUPTION", "---"}, {"FIGHT", "* CANCER", "---"}, {"STRIKE", "* BALANCE", "---"},
        {"STRIKE", "* DEAL", "057"}, {"SHOOT", "* FILM", "---"}, {"FIRE", "* COACH", "---"},
        {"EXECUTE", "* PLAN", "---"}, {"BEAT", "* EXPECTATIONS", "---"}, {"CHARGE", "* FEE", "---"},
        {"ARREST", "* DECLINE", "---"}, {"LAUNCH", "* SATELLITE", "---"}, {"SEIZE", "* OPPORTUNITY", "---"},
        {"PROTEST", "* INNOCENCE", "016"},
    };
    for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
        const char *c = pattern_code(L, pats[i].verb, pats[i].pat);
        if (!c || strcmp(c, pats[i].code)) {
            check_failed++;
            fprintf(stderr, "%s: %s \"%s\" codes %s, expected %s\n", L->file, pats[i].verb, pats[i].pat,
                    c ? c : "(absent)", pats[i].code);
        } else check_passed++;
    }
    /* "Russia does not want to clash": nothing under WANT may code a clash by itself */
    CHECK(!block_mentions(L, "WANT", "CLASH"));
    CHECK(!block_mentions(L, "WANT", "FIGHT"));
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
    if (b) b[n] = 0;
    fclose(f);
    return b;
}

/* Reads the event codes of eventcodes.tsv into m; returns how many. */
static int load_cameo(smap *m, const char *shared) {
    char path[4096];
    snprintf(path, sizeof path, "%s/cameo/eventcodes.tsv", shared);
    char *t = slurp(path);
    if (!t) return 0;
    int n = 0;
    for (char *l = strtok(t, "\n"); l; l = strtok(NULL, "\n")) {
        char *tab = strchr(l, '\t');
        if (!tab) continue;
        *tab = 0;
        size_t len = strlen(l);
        if (len < 3 || len > 4 || !isdigit((unsigned char)l[0])) continue;
        smap_put(m, l, 1);
        n++;
    }
    free(t);
    return n;
}

static int lint_snippet(const char *text, const smap *cameo, int *entries) {
    lint L = {0};
    L.file = "snippet";
    L.cameo = cameo;
    L.quiet = 1;
    lint_text(&L, text);
    if (entries) *entries = L.verb_forms + L.patterns_n;
    int e = L.errors;
    lint_free(&L);
    return e;
}

static void self_tests(void) {
    smap mini = {0};
    smap_put(&mini, "010", 1);
    smap_put(&mini, "040", 1);
    smap_put(&mini, "046", 1);
    int n = 0;
    /* a good snippet: 4 forms + 1 multi-word form with 1 irregular + 2 patterns */
    CHECK_INT(lint_snippet("&TALKS\n+TALK\n+NEGOTIATION\n\n--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n"
                           "+SPEAK_OUT {+SPOKE_OUT}\n- * (WITH &TALKS) [046]\n- * {VIDEO LINK} [040:040] # c\n",
                           &mini, &n), 0);
    CHECK_INT(n, 8);
    /* each of these must be caught */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * &NOPE [010]\n", &mini, NULL) > 0);          /* undefined synset */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * TALKS [046]\n- * TALKS [040]\n", &mini, NULL) > 0); /* conflict */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * TALKS [999]\n", &mini, NULL) > 0);           /* unknown code */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * TALKS [01X]\n", NULL, NULL) > 0);            /* malformed code */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n--- TALK [040] ---\nSAY\n", &mini, NULL) > 0);    /* verb in 2 blocks */
    CHECK(lint_snippet("--- SAY [010] ---\nPLAN\n--- TALK [040] ---\nPLANS\n", &mini, NULL) > 0); /* generated form */
    CHECK(lint_snippet("--- SAY [010] ---\nDENY\n--- TALK [040] ---\n+DENIES_X\nDENIED\n", &mini, NULL) > 0);
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * (WITH * [010]\n", &mini, NULL) > 0);          /* unbalanced */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * * TALKS [010]\n", &mini, NULL) > 0);          /* two stars */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- TALKS [010]\n", &mini, NULL) > 0);              /* no star */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * TALKS\n", &mini, NULL) > 0);                  /* no code */
    CHECK(lint_snippet("SAY\n", &mini, NULL) > 0);                                                 /* outside block */
    CHECK(lint_snippet("--- SAY ---\nSAY\n", &mini, NULL) > 0);                                    /* header code */
    CHECK(lint_snippet("--- SAY [010] ---\nSPEAK_OUT+ {X}\n", &mini, NULL) > 0);                   /* bad multiword */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * (&X TALKS) [010]\n", &mini, NULL) > 0);       /* prep is a synset */
    CHECK(lint_snippet("&A\n+X\n&A\n+Y\n", &mini, NULL) > 0);                                      /* synset twice */
    CHECK(lint_snippet("~ a (a b ATTACK) SAY = a b\n", &mini, NULL) > 0);                          /* bad transform */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * - [010]\n", &mini, NULL) > 0);              /* word of punctuation */
    CHECK(lint_snippet("--- SAY [010] ---\nSAY\n- * (TALKS WITH) [010]\n", &mini, NULL) > 0);    /* ( without a preposition */
    smap_free(&mini);
}

int main(int argc, char **argv) {
    self_tests();

    char path[4096];
    if (argc > 1) {
        snprintf(path, sizeof path, "%s", argv[1]);
    } else {
        const char *data = getenv("GESTA_DATA");
        if (!data || !*data) data = "../data";
        snprintf(path, sizeof path, "%s/dict/gesta.verbs.txt", data);
    }
    char *text = slurp(path);
    CHECK(text != NULL);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", path);
        return check_done();
    }

    smap cameo = {0};
    const char *shared = check_shared_dir();
    int ncodes = shared ? load_cameo(&cameo, shared) : 0;
    if (!ncodes) printf("note: ../shared/cameo/eventcodes.tsv not found: code existence and coverage not checked\n");

    lint L = {0};
    L.file = path;
    L.cameo = ncodes ? &cameo : NULL;
    lint_text(&L, text);
    int entries = L.verb_forms + L.patterns_n;
    printf("%s: %d synsets (%d members), %d blocks, %d verb forms, %d patterns, %d transformations;"
           " entries (verb forms + patterns) = %d\n",
           path, L.synset_n, L.members, L.blocks, L.verb_forms, L.patterns_n, L.transforms, entries);
    CHECK_INT(L.errors, 0);
    CHECK(entries >= MIN_ENTRIES);
    if (argc <= 1) requirement_checks(&L); /* only gesta's own dictionary makes these promises */
    if (entries < MIN_ENTRIES) fprintf(stderr, "%s: only %d entries, need %d\n", path, entries, MIN_ENTRIES);

    if (ncodes) {
        int missing = 0;
        for (size_t i = 0; i < cameo.cap; i++)
            if (cameo.keys[i] && !smap_get(&L.used, cameo.keys[i])) {
                fprintf(stderr, "%s: CAMEO code %s is not reachable from any verb or pattern\n", path, cameo.keys[i]);
                missing++;
            }
        printf("CAMEO event codes: %d in the codebook, %d used, %d unreachable\n", ncodes, (int)L.used.n, missing);
        CHECK_INT(missing, 0);
    }
    lint_free(&L);
    smap_free(&cameo);
    free(text);
    return check_done();
}
