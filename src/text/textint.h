/*
 * Internals shared by the text layer's files (character classes, the
 * abbreviation table, the tokenizer and boilerplate rules). Not used outside
 * src/text/.
 */
#ifndef GESTA_TEXT_TEXTINT_H
#define GESTA_TEXT_TEXTINT_H
#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"

/* Character classes of one code point (a bit set). */
enum {
    TX_SPACE = 1u << 0,   /* whitespace, including NBSP and the Unicode spaces */
    TX_NEWLINE = 1u << 1, /* \n, \r, U+2028, U+2029, U+0085 */
    TX_UPPER = 1u << 2,   /* uppercase or titlecase letter */
    TX_LOWER = 1u << 3,   /* lowercase letter */
    TX_ALPHA = 1u << 4,   /* any letter (also other-letter: CJK, Arabic, ...) */
    TX_DIGIT = 1u << 5,   /* decimal digit */
    TX_MARK = 1u << 6,    /* combining mark */
    TX_PUNCT = 1u << 7,   /* punctuation */
    TX_SYMBOL = 1u << 8   /* symbol (currency, math, emoji, ...) */
};

/** Decodes the code point at s[i] (text is valid UTF-8); *len gets its byte length. */
static inline int32_t tx_cp(const char *s, size_t i, size_t n, size_t *len) {
    const unsigned char *u = (const unsigned char *)s + i;
    unsigned char c = u[0];
    if (c < 0x80 || i + 1 >= n) { *len = 1; return c; }
    if (c < 0xE0 && i + 1 < n) { *len = 2; return ((c & 0x1F) << 6) | (u[1] & 0x3F); }
    if (c < 0xF0 && i + 2 < n) { *len = 3; return ((c & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F); }
    if (i + 3 < n) {
        *len = 4;
        return ((c & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
    *len = 1;
    return 0xFFFD;
}

/** The start of the code point before byte i (i > 0). */
static inline size_t tx_prev(const char *s, size_t i) {
    do { i--; } while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

/** TX_* classes of a code point. */
unsigned tx_class(int32_t cp);

/** Apostrophes: ' ’ ‘ ` ´ and the modifier letter apostrophe. */
static inline int tx_is_apos(int32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == '`' || cp == 0xB4 || cp == 0x2BC;
}
/** Dashes used between words: - ‐ ‑ ‒ – — ― − */
static inline int tx_is_dash(int32_t cp) {
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}
/** Quotation marks of any kind (not the apostrophe-like single quotes). */
static inline int tx_is_dquote(int32_t cp) {
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F ||
           cp == 0xAB || cp == 0xBB || cp == 0x2033;
}

/* Kinds of abbreviation: how a final period behaves. */
enum {
    ABBR_NONE = 0,
    ABBR_TITLE = 1,   /* Mr. Dr. Gen. Sen.: a name follows, never ends a sentence */
    ABBR_MONTH = 2,   /* Jan. Sept.: a date usually follows */
    ABBR_NUMBER = 3,  /* No. Nos. Art. p.: ends no sentence when a number follows */
    ABBR_OTHER = 4,   /* Inc. Calif.: may end a sentence */
    ABBR_LOWER = 5    /* etc. yrs.: keep the period only when the sentence goes on in lower case */
};

/** Looks word s[0..n) (without its period) up in the abbreviation table. */
int tx_abbrev_kind(const char *s, size_t n);

/** 1 when the word s[0..n) is a common sentence opener ("The", "He", "But", ...). */
int tx_is_opener(const char *s, size_t n);

/**
 * Tokenizes doc->text[start,end) (no line breaks inside are required; whitespace
 * separates) and appends the tokens to doc->toks with form, norm and flags.
 * Returns GESTA_OK or GESTA_ENOMEM.
 */
int tx_tokenize(gesta_doc *doc, size_t start, size_t end);

/** Fills tok->norm with the folded form. */
int tx_norm_token(gesta_doc *doc, gesta_tok *t);

/**
 * Boilerplate rules over one line's tokens doc->toks[t0, t1). Each returns the
 * reason ("read-more", "byline", "source") or NULL.
 */
const char *tx_boiler_line(const gesta_doc *doc, uint32_t t0, uint32_t t1);

/** Number of leading tokens of doc->toks[t0, t1) that form a dateline, or 0. */
uint32_t tx_dateline_len(const gesta_doc *doc, uint32_t t0, uint32_t t1);

/** 1 when the units doc->sents[s0, s1) (one line) read as an author bio. */
int tx_is_bio_line(const gesta_doc *doc, uint32_t s0, uint32_t s1);

#endif
