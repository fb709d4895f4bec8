/*
 * Character classes and folding: the matching form of a token (tok->norm) and
 * of a dictionary phrase, so that both sides compare equal whatever quotes,
 * dashes, case or Unicode composition the writer used.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"
#include "text/textint.h"

/* Classes of the ASCII code points (TX_* bits): letters, digits, whitespace and
 * controls, the symbols $+<=>^`|~, and punctuation for the rest. */
static const unsigned short ascii_tab[128] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 3, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 128, 128, 128, 256, 128, 128, 128, 128, 128, 128, 256, 128, 128, 128, 128,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 128, 128, 256, 256, 256, 128,
    128, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20,
    20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 128, 128, 128, 256, 128,
    256, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
    24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 128, 256, 128, 256, 1,
};

unsigned tx_class(int32_t cp) {
    if (cp < 0x80) return cp >= 0 ? ascii_tab[cp] : TX_PUNCT;
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) return TX_SPACE | TX_NEWLINE;
    if (cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060) return TX_MARK;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return TX_UPPER | TX_ALPHA;
    case UTF8PROC_CATEGORY_LL: return TX_LOWER | TX_ALPHA;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return TX_ALPHA;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: return TX_MARK;
    case UTF8PROC_CATEGORY_ND: return TX_DIGIT;
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return TX_ALPHA;
    case UTF8PROC_CATEGORY_ZS: return TX_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: return TX_SPACE | TX_NEWLINE;
    case UTF8PROC_CATEGORY_CC: return TX_SPACE;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: return TX_SYMBOL;
    case UTF8PROC_CATEGORY_CF: return TX_MARK; /* format characters stay inside words */
    default: return TX_PUNCT;
    }
}

/* The folded replacement for a punctuation code point, or NULL to keep it. */
static const char *fold_punct(int32_t cp) {
    if (tx_is_apos(cp) || cp == 0x201A || cp == 0x201B || cp == 0x2032) return "'";
    if (tx_is_dquote(cp)) return "\"";
    if (tx_is_dash(cp)) return "-";
    if (cp == 0x2026) return "...";
    if (cp == 0xA0 || cp == 0x202F || cp == 0x2007) return " ";
    return NULL;
}

char *gesta_text_fold(gesta_arena *arena, const char *s, size_t n) {
    /* Fast path: ASCII needs only lowercasing (and ` → '). */
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    if (i == n) {
        char *o = gesta_arena_alloc(arena, n + 1);
        if (!o) return NULL;
        for (size_t k = 0; k < n; k++) {
            char c = s[k];
            o[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c == '`' ? '\'' : c;
        }
        o[n] = '\0';
        return o;
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t ml = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    const char *src = s;
    size_t sl = n;
    if (ml >= 0 && m) { src = (const char *)m; sl = (size_t)ml; }
    /* Every replacement is no longer than what it replaces. */
    char *o = gesta_arena_alloc(arena, sl + 1);
    if (!o) { free(m); return NULL; }
    size_t w = 0;
    for (size_t k = 0; k < sl;) {
        size_t l;
        int32_t cp = tx_cp(src, k, sl, &l);
        const char *r = cp >= 0x80 || cp == '`' ? fold_punct(cp) : NULL;
        if (r) {
            size_t rl = strlen(r);
            memcpy(o + w, r, rl);
            w += rl;
        } else if (src == s && cp < 0x80) {
            /* utf8proc failed (cannot happen on valid text): lowercase ASCII at least */
            o[w++] = (cp >= 'A' && cp <= 'Z') ? (char)(cp + 32) : (char)cp;
        } else {
            memcpy(o + w, src + k, l);
            w += l;
        }
        k += l;
    }
    o[w] = '\0';
    free(m);
    return o;
}

int tx_norm_token(gesta_doc *doc, gesta_tok *t) {
    const char *f = t->form ? t->form : "";
    /* most tokens are lower-case ASCII: their norm is their form */
    const unsigned char *u = (const unsigned char *)f;
    while (*u && *u < 0x80 && !(*u >= 'A' && *u <= 'Z') && *u != '`') u++;
    if (!*u) { t->norm = f; return GESTA_OK; }
    char *n = gesta_text_fold(doc->arena, f, strlen(f));
    if (!n) return GESTA_ENOMEM;
    /* Share the form's storage when folding changed nothing. */
    t->norm = strcmp(n, f) == 0 ? f : n;
    return GESTA_OK;
}

int gesta_text_normalize_tokens(gesta_doc *doc) {
    for (uint32_t i = 0; i < doc->ntok; i++) {
        if (doc->toks[i].norm) continue;
        if (tx_norm_token(doc, &doc->toks[i]) < 0) return GESTA_ENOMEM;
    }
    return GESTA_OK;
}
