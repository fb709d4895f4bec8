/*
 * The tokenizer: a span of text → UD English (EWT) tokens with byte offsets.
 *
 * Whitespace separates chunks; each chunk is scanned left to right. Words take
 * in the characters that UD keeps inside a token (decimal points and thousands
 * separators, "U.S.", times, dates, e-mail addresses, URLs, "AT&T"); hyphens
 * split a word except after a few prefixes ("non-", "anti-", "e-") and inside
 * phone numbers and dates, as EWT does. Clitics ('s n't 're 'll 'd 've 'm, also
 * with ’) become separate words marked GESTA_TOK_JOINED: they and the word
 * before them form one surface token, a UD multiword token ("don't" = do + n't).
 * Runs of the same punctuation ("...", "!!!", "--") are one token.
 *
 * Every step moves forward at least one character and looks ahead a bounded
 * distance, except URL/e-mail/word scans that consume what they look at: the
 * tokenizer is linear in the input.
 */
#include <string.h>

#include "text/text.h"
#include "text/textint.h"

typedef struct tz {
    gesta_doc *doc;
    const char *t;
    size_t n; /* doc->len */
} tz;

static unsigned cls_at(const tz *z, size_t i, size_t end, int32_t *cp, size_t *len) {
    if (i >= end) { *cp = 0; *len = 0; return 0; }
    *cp = tx_cp(z->t, i, z->n, len);
    return tx_class(*cp);
}

#define WORDCH (TX_ALPHA | TX_DIGIT | TX_MARK)

static int emit(tz *z, size_t s, size_t e, unsigned flags) {
    gesta_tok *tk = gesta_doc_add_tok(z->doc);
    if (!tk) return GESTA_ENOMEM;
    tk->start = (uint32_t)s;
    tk->end = (uint32_t)e;
    tk->flags = (uint8_t)flags;
    if (e < z->n) {
        size_t l;
        int32_t cp = tx_cp(z->t, e, z->n, &l);
        if (!(tx_class(cp) & TX_SPACE)) tk->flags |= GESTA_TOK_NO_SPACE_AFTER;
    }
    char *f = gesta_arena_strndup(z->doc->arena, z->t + s, e - s);
    if (!f) return GESTA_ENOMEM;
    tk->form = f;
    return tx_norm_token(z->doc, tk);
}

static int lower_eq(const char *s, size_t n, const char *w) {
    if (n == 0 || ((s[0] | 0x20) != w[0] && s[0] != w[0])) return w[0] == '\0' && n == 0; /* cheap first test */
    size_t wl = strlen(w);
    if (wl != n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != w[i]) return 0;
    }
    return 1;
}

static int is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* ---- URLs, e-mail addresses, emoticons ---- */

static int has_prefix_ci(const char *s, size_t n, const char *p) {
    size_t l = strlen(p);
    if (n < l) return 0;
    return lower_eq(s, l, p);
}

/* Trailing characters that end a sentence or a bracket rather than a URL. */
static size_t trim_url_tail(const char *t, size_t s, size_t e) {
    int open = 0, sq = 0;
    for (size_t i = s; i < e; i++) { open += t[i] == '('; sq += t[i] == '['; }
    while (e > s) {
        unsigned char c = (unsigned char)t[e - 1];
        if (strchr(".,;:!?'\"", c) && c) { e--; continue; }
        if ((c == ')' && !open) || (c == ']' && !sq)) { e--; continue; }
        if (c >= 0x80) { /* closing curly quotes */
            size_t p = tx_prev(t, e), l;
            int32_t cp = tx_cp(t, p, e, &l);
            if (cp == 0x201D || cp == 0x2019 || cp == 0xBB) { e = p; continue; }
        }
        break;
    }
    return e;
}

static size_t match_url(const tz *z, size_t p, size_t ce) {
    const char *s = z->t + p;
    size_t n = ce - p;
    size_t pre = 0;
    char c0 = (char)(s[0] | 0x20);
    if (n < 5 || (c0 != 'h' && c0 != 'f' && c0 != 'w' && c0 != 'm')) return 0;
    if (has_prefix_ci(s, n, "http://")) pre = 7;
    else if (has_prefix_ci(s, n, "https://")) pre = 8;
    else if (has_prefix_ci(s, n, "ftp://")) pre = 6;
    else if (has_prefix_ci(s, n, "www.")) pre = 4;
    else if (has_prefix_ci(s, n, "mailto:")) pre = 7;
    if (!pre || pre >= n || !is_ascii_alnum(s[pre])) return 0;
    size_t e = trim_url_tail(z->t, p, ce);
    return e > p + pre ? e - p : 0;
}

static int email_local(char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
static int email_domain(char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '-'; }

/* "name@host.com", "Rice@ENRON": returns the length, or 0. */
/* *bad_until: positions before it cannot start an address (a non-address
 * character lies between them and the '@'), which keeps long chunks linear. */
static size_t match_email(const tz *z, size_t p, size_t ce, size_t at, size_t *bad_until) {
    const char *t = z->t;
    if (at <= p || at + 1 >= ce || p < *bad_until) return 0;
    for (size_t i = p; i < at; i++)
        if (!email_local(t[i])) { *bad_until = i + 1; return 0; }
    size_t e = at + 1;
    while (e < ce && email_domain(t[e])) e++;
    while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-')) e--;
    if (e == at + 1 || !is_ascii_alnum(t[at + 1])) { *bad_until = at + 1; return 0; }
    return e - p;
}

static const char *const emoticons[] = {
    ":-)", ":-(", ";-)", ":-D", ":-P", ":'(", ">:(", ":)", ":(", ";)", ":D", ":P", ":p", ";P",
    ";p", "=)", "=(", ":/", "<3", ":o", ":O", "^_^", NULL};

static size_t match_emoticon(const tz *z, size_t p, size_t ce, size_t cs) {
    const char *t = z->t;
    for (int i = 0; emoticons[i]; i++) {
        size_t l = strlen(emoticons[i]);
        if (p + l > ce || memcmp(t + p, emoticons[i], l) != 0) continue;
        /* an emoticon stands apart: not glued to a following letter or digit */
        if (p + l < ce && is_ascii_alnum(t[p + l])) continue;
        /* ":/" and ":o" only as a whole chunk (they occur inside URLs and times) */
        if ((emoticons[i][1] == '/' || emoticons[i][1] == 'o' || emoticons[i][1] == 'O') &&
            (p != cs || p + l != ce)) continue;
        if (p > cs && is_ascii_alnum(t[p - 1]) && emoticons[i][0] != ':' && emoticons[i][0] != ';') continue;
        return l;
    }
    if (p == cs && ce - p == 2 && t[p] == '(' && t[p + 1] == ':') return 2;
    return 0;
}

/* ---- words ---- */

static const char *const hyphen_prefixes[] = {
    "e", "non", "co", "post", "pre", "pro", "ex", "multi", "mid", "re", "anti", "semi",
    "over", "sub", "neo", "cross", "socio", "psycho", "arch", "counter", "inter", "intra",
    "micro", "macro", "ultra", "mega", "meta", "pseudo", "quasi", "trans", "tri", "bi",
    "un", "de", "extra", "wi", NULL};

static int keep_hyphen_prefix(const char *s, size_t n) {
    for (int i = 0; hyphen_prefixes[i]; i++)
        if (lower_eq(s, n, hyphen_prefixes[i])) return 1;
    return 0;
}

/* At a hyphen inside digits: phone numbers, zip+4 and dates stay whole; ranges
 * and scores ("3-4", "1969-1970") split, as in EWT. p is the word start. */
static int keep_digit_hyphens(const char *t, size_t p, size_t ce) {
    size_t groups = 0, lens[8] = {0}, i = p;
    while (i < ce && groups < 8) {
        size_t s = i;
        while (i < ce && t[i] >= '0' && t[i] <= '9') i++;
        if (i == s) return 0;
        lens[groups++] = i - s;
        if (i < ce && t[i] == '-' && i + 1 < ce && t[i + 1] >= '0' && t[i + 1] <= '9') { i++; continue; }
        break;
    }
    if (i < ce && is_ascii_alnum(t[i])) return 0; /* "15-year", "5-10am" */
    if (groups >= 3) return 1;
    if (groups == 2 && lens[1] == 4 && lens[0] != 4) return 1; /* 345-9945, 77030-2707 */
    return 0;
}

static int only_digits(const char *t, size_t s, size_t e) {
    if (s >= e) return 0;
    for (size_t i = s; i < e; i++) if (t[i] < '0' || t[i] > '9') return 0;
    return 1;
}

/* Clitics written without an apostrophe, as EWT splits them. */
typedef struct fused { const char *w; unsigned cut, len; } fused;
#define FUSED(w, cut) {w, cut, sizeof w - 1}
static const fused fused_words[] = {
    FUSED("cannot", 3), FUSED("gonna", 3), FUSED("wanna", 3), FUSED("gotta", 3), FUSED("outta", 3),
    FUSED("dont", 2), FUSED("didnt", 3), FUSED("doesnt", 4), FUSED("cant", 2), FUSED("couldnt", 5),
    FUSED("wouldnt", 5), FUSED("shouldnt", 6), FUSED("isnt", 2), FUSED("wasnt", 3), FUSED("arent", 3),
    FUSED("werent", 4), FUSED("havent", 4), FUSED("hasnt", 3), FUSED("hadnt", 3), FUSED("aint", 2),
    FUSED("im", 1), FUSED("ive", 1), FUSED("youre", 3), FUSED("theyre", 4), FUSED("thats", 4),
    FUSED("whats", 4), FUSED("theres", 5), {NULL, 0, 0}};

/* Is s[0..n) (after an apostrophe) a clitic: s m d ll re ve? */
static int is_clitic_tail(const char *s, size_t n) {
    return lower_eq(s, n, "s") || lower_eq(s, n, "m") || lower_eq(s, n, "d") || lower_eq(s, n, "ll") ||
           lower_eq(s, n, "re") || lower_eq(s, n, "ve");
}

static const char *const units[] = {
    "am", "pm", "m", "k", "b", "bn", "mn", "mm", "cm", "km", "ft", "kg", "mg", "ml", "hz", "khz",
    "mhz", "ghz", "kb", "mb", "gb", "tb", "mph", "kph", "kmh", "x", "lb", "lbs", "oz", "mi", NULL};

static int is_unit(const char *s, size_t n) {
    for (int i = 0; units[i]; i++)
        if (lower_eq(s, n, units[i])) return 1;
    return 0;
}

/* Should the period at t[q] join the word [p,q)? */
static int period_joins(const char *t, size_t p, size_t q, size_t ce, size_t total) {
    if (q + 1 < ce && t[q + 1] == '.') return 0; /* "etc..." is etc + ... */
    size_t n = q - p;
    /* single capital: an initial ("J. R. R. Tolkien") */
    if (n == 1 && t[p] >= 'A' && t[p] <= 'Z') return 1;
    /* dotted abbreviation: U.S, e.g, a.m, Ph.D: every part short and alphabetic */
    int dots = 0, ok = 1;
    size_t seg = 0;
    for (size_t i = p; i < q; i++) {
        char c = t[i];
        if (c == '.') { if (seg == 0 || seg > 2) ok = 0; dots++; seg = 0; continue; }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) { ok = 0; break; }
        seg++;
    }
    if (dots && ok && seg >= 1 && seg <= 2) return 1;
    int kind = tx_abbrev_kind(t + p, n);
    if (kind == ABBR_NUMBER || kind == ABBR_LOWER) { /* "No. 5" but "said no."; "etc. are" but "etc. The" */
        size_t r = q + 1;
        while (r < total && (t[r] == ' ' || t[r] == '\t')) r++;
        if (kind == ABBR_LOWER) return r < total && ((t[r] >= 'a' && t[r] <= 'z') || t[r] == ',');
        return r < total && t[r] >= '0' && t[r] <= '9';
    }
    return kind != ABBR_NONE;
}

/* Scans the word at p (a letter, digit or mark) and emits it with its clitics. */
static int word(tz *z, size_t p, size_t ce, size_t *next) {
    const char *t = z->t;
    size_t q = p, seg = p;
    size_t clitic_s = 0, clitic_e = 0; /* a clitic found after the word */
    unsigned clitic_flag = GESTA_TOK_JOINED;
    int digit_chain = 0;               /* inside a kept phone number or date */
    while (q < ce) {
        int32_t c, nx;
        size_t l, nl;
        unsigned k = cls_at(z, q, ce, &c, &l);
        if (k & WORDCH) { q += l; continue; }
        unsigned nk = cls_at(z, q + l, ce, &nx, &nl);
        int prev_digit = q > p && t[q - 1] >= '0' && t[q - 1] <= '9';
        int prev_alpha = q > p && ((t[q - 1] | 0x20) >= 'a' && (t[q - 1] | 0x20) <= 'z');
        if (c == '.' && (nk & (TX_ALPHA | TX_DIGIT))) { q += l; continue; }
        if (c == ',' && prev_digit && q + 4 <= ce && only_digits(t, q + 1, q + 4) &&
            (q + 4 == ce || !(t[q + 4] >= '0' && t[q + 4] <= '9'))) { q += l; continue; }
        if (c == ':' && prev_digit && (nk & TX_DIGIT)) { q += l; continue; }
        if (c == '/') {
            if (prev_digit && (nk & TX_DIGIT)) {
                /* dates stay whole ("9/11", "11/28/2000"); fractions split ("1 / 2") */
                size_t lb = q, rb = q + 1;
                while (lb > p && t[lb - 1] >= '0' && t[lb - 1] <= '9') lb--;
                while (rb < ce && t[rb] >= '0' && t[rb] <= '9') rb++;
                if (q - lb == 1 && rb - (q + 1) == 1 && lb == p && (rb == ce || t[rb] != '/')) break;
                q += l;
                continue;
            }
            /* "b/c", "I/C", "w/": one letter each side */
            if (q - seg == 1 && prev_alpha) {
                size_t r = q + 1;
                while (r < ce && is_ascii_alnum(t[r])) r++;
                if (r - (q + 1) <= 1 && (r - (q + 1) == 1 || r == ce || !(nk & WORDCH))) {
                    q = r;
                    seg = r;
                    continue;
                }
            }
            break;
        }
        if (c == '&' && prev_alpha && (nk & TX_ALPHA) && q - seg <= 4) { q += l; continue; }
        if (c == '_' && (nk & WORDCH)) { q += l; continue; }
        if (c == '-' && (nk & (TX_ALPHA | TX_DIGIT))) {
            if (prev_digit && (nk & TX_DIGIT) && (digit_chain || (seg == p && keep_digit_hyphens(t, p, ce)))) {
                digit_chain = 1;
                q += l;
                continue;
            }
            if (!prev_digit && ((nk & TX_ALPHA) || ((nk & TX_DIGIT) && q - seg == 3)) && keep_hyphen_prefix(t + seg, q - seg)) {
                q += l;
                seg = q;
                continue;
            }
            break;
        }
        if (tx_is_apos(c) && c != 0xB4 && q > p) {
            /* UD English EWT makes "don't" one token of two words; PUD, the news
             * treebank, writes the curly "don’t" as two tokens. Follow each. */
            if (c == 0x2019 || c == 0x2018) clitic_flag = 0;
            size_t r = q + l;
            while (r < ce && ((t[r] | 0x20) >= 'a' && (t[r] | 0x20) <= 'z')) r++;
            int ends = r == ce || !(cls_at(z, r, ce, &nx, &nl) & WORDCH);
            if (ends && r > q + l && is_clitic_tail(t + q + l, r - (q + l))) {
                clitic_s = q;
                clitic_e = r;
                break;
            }
            if (ends && lower_eq(t + q + l, r - (q + l), "t") && q - p >= 2 && (t[q - 1] | 0x20) == 'n') {
                q -= 1; /* "don't" = do + n't */
                clitic_s = q;
                clitic_e = r;
                break;
            }
            if (r == q + l && (t[q - 1] | 0x20) == 's' && q - p >= 2 && c != '`') {
                /* plural possessive "students'" */
                clitic_s = q;
                clitic_e = q + l;
                break;
            }
            if (r > q + l && !ends) { q = r; continue; }      /* O'Connell, d'etat */
            if (r > q + l && (nk & TX_ALPHA) && r - (q + l) > 2) { q = r; continue; } /* Shi'ite */
            break;
        }
        break;
    }
    /* a period that belongs to the word */
    size_t we = q;
    if (!clitic_e && we < ce && t[we] == '.' && period_joins(t, p, we, ce, z->n)) we++;
    int rc;
    /* fused clitics without apostrophe: cannot = can + not */
    if (!clitic_e && we == q && q - p >= 2 && q - p <= 8) {
        for (int i = 0; fused_words[i].w; i++) {
            if (fused_words[i].len == q - p && lower_eq(t + p, q - p, fused_words[i].w)) {
                size_t cut = p + fused_words[i].cut;
                if ((rc = emit(z, p, cut, 0)) < 0) return rc;
                if ((rc = emit(z, cut, q, GESTA_TOK_JOINED)) < 0) return rc;
                *next = q;
                return GESTA_OK;
            }
        }
    }
    /* a number glued to a unit: "10am", "221bn", "35mm" are two tokens in UD */
    if (!clitic_e && we == q && (t[p] >= '0' && t[p] <= '9')) {
        size_t u = p;
        while (u < q && ((t[u] >= '0' && t[u] <= '9') || t[u] == '.' || t[u] == ',' || t[u] == ':')) u++;
        if (u > p && u < q && t[u - 1] >= '0' && t[u - 1] <= '9' && is_unit(t + u, q - u)) {
            if ((rc = emit(z, p, u, 0)) < 0) return rc;
            if ((rc = emit(z, u, q, 0)) < 0) return rc;
            *next = q;
            return GESTA_OK;
        }
    }
    /* "Yahoo!" is a name */
    if (!clitic_e && we == q && q < ce && t[q] == '!' && lower_eq(t + p, q - p, "yahoo")) we++;
    if ((rc = emit(z, p, we, 0)) < 0) return rc;
    if (clitic_e) {
        if ((rc = emit(z, clitic_s, clitic_e, clitic_flag)) < 0) return rc;
        we = clitic_e;
    }
    *next = we;
    return GESTA_OK;
}

/* ---- punctuation and symbols ---- */

static int punct(tz *z, size_t p, size_t ce, size_t cs, size_t *next) {
    const char *t = z->t;
    int32_t c, nx;
    size_t l, nl;
    cls_at(z, p, ce, &c, &l);
    size_t q = p + l;
    if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
        /* runs of sentence punctuation: "...", "!!!", "?!", ".?" */
        size_t dots = c == '.';
        while (q < ce) {
            int32_t d;
            size_t dl;
            cls_at(z, q, ce, &d, &dl);
            if (!(d == '.' || d == '!' || d == '?' || d == 0x2026)) break;
            if (dots >= 2 && dots == q - p && d != '.') break; /* "... ?" but ".?" */
            dots += d == '.';
            q += dl;
        }
        /* a file extension standing alone: ".doc" */
        if (c == '.' && q == p + 1 && p == cs) {
            size_t r = q;
            while (r < ce && ((t[r] | 0x20) >= 'a' && (t[r] | 0x20) <= 'z')) r++;
            if (r - q >= 2 && r - q <= 4 && (r == ce || !is_ascii_alnum(t[r]))) q = r;
        }
    } else if (c == '-' || c == '*' || c == '=' || c == '+' || c == '~' || c == '_' || c == '<' ||
               c == '>' || c == '|' || c == '#' || c == '^' || c == '/' || c == '\\' || c == 0x2014 || c == '$') {
        /* runs of one symbol ("--", "***", "$$$"); rules mix - and = ("==----") */
        while (q < ce) {
            int32_t d;
            size_t dl;
            cls_at(z, q, ce, &d, &dl);
            if (d == c || ((c == '-' || c == '=') && (d == '-' || d == '='))) q += dl; else break;
        }
        /* hashtag or mention-like: "#tag" */
        if (c == '#' && q == p + 1 && (cls_at(z, q, ce, &nx, &nl) & TX_ALPHA)) {
            while (q < ce && ((cls_at(z, q, ce, &nx, &nl) & WORDCH) || nx == '_')) q += nl;
        }
        /* "+44", "+1": a telephone prefix */
        if (c == '+' && q == p + 1 && p == cs && q < ce && t[q] >= '0' && t[q] <= '9')
            while (q < ce && t[q] >= '0' && t[q] <= '9') q++;
    } else if (c == '@') {
        if (cls_at(z, q, ce, &nx, &nl) & TX_ALPHA)
            while (q < ce && ((cls_at(z, q, ce, &nx, &nl) & WORDCH) || nx == '_')) q += nl;
    } else if (c == '\'' || c == 0x2019 || c == '`' || c == 0x2018) {
        cls_at(z, q, ce, &nx, &nl);
        if (((c == '\'' || c == '`' || c == 0x2019 || c == 0x2018) && nx == c) || (c == 0x2018 && nx == 0x2019)) {
            q += nl; /* '' `` ’’ ‘’ */
        } else if (nx >= '0' && nx <= '9' && q + 2 <= ce && only_digits(t, q, q + 2) &&
                   (q + 2 == ce || !is_ascii_alnum(t[q + 2]) || t[q + 2] == 's')) {
            q += 2; /* '72, '90s */
            if (q < ce && t[q] == 's') q++;
        } else if (p == cs || !(tx_class(tx_cp(t, tx_prev(t, p), z->n, &nl)) & WORDCH)) {
            /* a clitic standing alone: "'s", "n't" separated by a space */
            size_t r = q;
            while (r < ce && ((t[r] | 0x20) >= 'a' && (t[r] | 0x20) <= 'z')) r++;
            if (r > q && (r == ce || !is_ascii_alnum(t[r])) && is_clitic_tail(t + q, r - q)) q = r;
        }
    }
    *next = q;
    return emit(z, p, q, 0);
}

static int chunk(tz *z, size_t cs, size_t ce) {
    const char *t = z->t;
    size_t at = 0, bad_until = 0;
    int has_at = 0, has_url = 0;
    for (size_t i = cs; i < ce; i++) {
        if (t[i] == '@') { has_at = 1; at = i; }
        else if (t[i] == ':' || (t[i] == '.' && i >= cs + 3)) has_url = 1;
    }
    size_t p = cs;
    int rc;
    while (p < ce) {
        int32_t c;
        size_t l;
        unsigned k = cls_at(z, p, ce, &c, &l);
        size_t m;
        if (has_url && (k & TX_ALPHA) && (m = match_url(z, p, ce)) > 0) {
            if ((rc = emit(z, p, p + m, 0)) < 0) return rc;
            p += m;
            continue;
        }
        if (has_at && at > p && (k & (TX_ALPHA | TX_DIGIT)) && (m = match_email(z, p, ce, at, &bad_until)) > 0) {
            if ((rc = emit(z, p, p + m, 0)) < 0) return rc;
            p += m;
            continue;
        }
        if (!(k & WORDCH) && (m = match_emoticon(z, p, ce, cs)) > 0) {
            if ((rc = emit(z, p, p + m, 0)) < 0) return rc;
            p += m;
            continue;
        }
        size_t next = p + l;
        if (k & WORDCH) rc = word(z, p, ce, &next);
        else rc = punct(z, p, ce, cs, &next);
        if (rc < 0) return rc;
        p = next > p ? next : p + l;
    }
    return GESTA_OK;
}

int tx_tokenize(gesta_doc *doc, size_t start, size_t end) {
    tz z = {doc, doc->text, doc->len};
    size_t i = start;
    while (i < end) {
        size_t l;
        int32_t cp = tx_cp(z.t, i, z.n, &l);
        if (tx_class(cp) & TX_SPACE) { i += l; continue; }
        size_t s = i;
        while (i < end) {
            cp = tx_cp(z.t, i, z.n, &l);
            if (tx_class(cp) & TX_SPACE) break;
            i += l;
        }
        int rc = chunk(&z, s, i);
        if (rc < 0) return rc;
    }
    return GESTA_OK;
}
