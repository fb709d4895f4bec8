/*
 * The text layer: from a document's text to sentences (with heading and
 * boilerplate units marked) and UD-style tokens, all with byte offsets.
 * See docs/TEXT.md for the rules and their measured accuracy.
 */
#ifndef GESTA_TEXT_TEXT_H
#define GESTA_TEXT_TEXT_H
#include "core/doc.h"
#include "util/arena.h"

/**
 * Splits doc->text into units and tokens, filling doc->sents and doc->toks
 * (form, norm, start, end, flags; sent->kind and sent->boiler_why). Tokens
 * follow UD English EWT: clitics are separate words marked GESTA_TOK_JOINED
 * (a multiword token with the word before them). Documents already
 * GESTA_DOC_SEGMENTED are left alone; GESTA_DOC_PRETOKENIZED ones only get
 * their tok->norm filled. Returns GESTA_OK or GESTA_ENOMEM.
 */
int gesta_text_segment(gesta_doc *doc);

/** Fills tok->norm for tokens that lack it (used by readers of pre-tokenized input). */
int gesta_text_normalize_tokens(gesta_doc *doc);

/**
 * The matching form of s[0..n) (valid UTF-8): NFC, case-folded, curly and other
 * quotes and apostrophes folded to ' and ", dashes to '-', "…" to "...", NBSP to
 * a space. Dictionary phrases folded with it compare equal to tok->norm.
 * Returns a NUL-terminated string in the arena, or NULL when out of memory.
 */
char *gesta_text_fold(gesta_arena *arena, const char *s, size_t n);

/**
 * Tokenizes a phrase (a dictionary entry such as "U.S. President" or "don't
 * negotiate") exactly as running text is tokenized, and folds each token:
 * *out gets *n NUL-terminated norms, array and strings in `arena`. A phrase
 * then matches the tok->norm sequence of the text it occurs in. Returns
 * GESTA_OK or GESTA_ENOMEM.
 */
int gesta_text_phrase_norms(gesta_arena *arena, const char *s, size_t len, const char ***out, size_t *n);

#endif
