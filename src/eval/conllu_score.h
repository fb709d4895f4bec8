/*
 * CoNLL-U scoring by character alignment (the CoNLL 2018 shared task's idea):
 * gold and system are aligned on their characters with all whitespace removed,
 * so tokens, words and sentences match when they cover the same characters.
 *
 *   tokens     F1 over surface-token spans (a multiword token is one span)
 *   sentences  F1 over sentence spans
 *   words      F1 over (span, index inside the multiword token)
 *   UPOS, XPOS, lemmas, UAS, LAS
 *              F1 over words: a word counts when it aligns and the field agrees
 *              (heads agree when they point at aligned words, or both at the
 *              root; relations compare without subtypes); "aligned accuracy" is
 *              the same count over aligned words only. A gold lemma "_" matches.
 *
 * Spans count Unicode code points, and whitespace is what Python's str.split()
 * splits on, so the figures agree with ../shared/tools/score_conllu.py.
 */
#ifndef GESTA_EVAL_CONLLU_SCORE_H
#define GESTA_EVAL_CONLLU_SCORE_H
#include <stddef.h>

#include "core/doc.h"
#include "util/arena.h"
#include "util/buf.h"

/* One line of a sentence: a word, or a multiword-token range ("3-4 don't"). */
typedef struct gesta_cu_item {
    int mwt;            /* 1: a range line; id..id_end */
    int id, id_end;
    const char *form, *lemma, *upos, *xpos, *head, *deprel, *misc;
} gesta_cu_item;

typedef struct gesta_cu_sent {
    size_t first, n;    /* items[first .. first+n) */
    const char *text;   /* "# text", or NULL */
    const char *sent_id;
    const char *newdoc; /* "# newdoc" id ("" when the line has no id), or NULL */
    int newpar;         /* a "# newpar" line came before this sentence */
} gesta_cu_sent;

typedef struct gesta_cu_corpus {
    gesta_arena *arena;
    gesta_cu_item *items; size_t nitems, cap_items;
    gesta_cu_sent *sents; size_t nsents, cap_sents;
} gesta_cu_corpus;

/** An empty corpus; NULL when out of memory. Free with gesta_cu_free. */
gesta_cu_corpus *gesta_cu_new(void);
void gesta_cu_free(gesta_cu_corpus *c);

/**
 * Reads a CoNLL-U file. Lines with fewer than 8 columns are reported through
 * err's message for the first one and skipped (*nbad counts them). Returns
 * GESTA_OK, GESTA_EIO (err filled) or GESTA_ENOMEM.
 */
int gesta_cu_read(const char *path, gesta_cu_corpus **out, size_t *nbad, gesta_error *err);

/** Adds a sentence (items follow with gesta_cu_add_item). NULL when out of memory. */
gesta_cu_sent *gesta_cu_add_sent(gesta_cu_corpus *c);
/** Adds an item to the last sentence; strings are copied. NULL when out of memory. */
gesta_cu_item *gesta_cu_add_item(gesta_cu_corpus *c, const gesta_cu_item *it);

/**
 * Appends a processed document's units as sentences: every unit with tokens,
 * whatever its kind; words joined by GESTA_TOK_JOINED become one multiword
 * token. The first sentence carries newdoc = the document's id.
 */
int gesta_cu_add_doc(gesta_cu_corpus *c, const gesta_doc *doc);

/** Appends the corpus as CoNLL-U. */
void gesta_cu_write(const gesta_cu_corpus *c, gesta_buf *out);

/** One raw document rebuilt from a gold file. */
typedef struct gesta_cu_rawdoc {
    const char *id;
    char *text;         /* in the corpus arena */
    size_t len;
    size_t first_sent, nsents; /* the gold sentences it holds */
} gesta_cu_rawdoc;

/**
 * Rebuilds the raw documents of a gold file the way ../shared/tools/rawtext.py
 * does: "# newdoc" starts a document, sentences of a paragraph are joined by a
 * space, paragraphs by a blank line; a sentence's text is its "# text" (or its
 * forms and SpaceAfter=No when that is missing), trimmed. *out is malloc'd.
 */
int gesta_cu_rawdocs(gesta_cu_corpus *gold, gesta_cu_rawdoc **out, size_t *n);

typedef struct gesta_cu_prf {
    size_t gold, sys, correct, aligned;
    double p, r, f, aligned_acc; /* percentages */
} gesta_cu_prf;

typedef struct gesta_cu_scores {
    gesta_cu_prf tokens, sentences, words, upos, xpos, lemmas, uas, las;
    size_t gold_chars, sys_chars;   /* characters without whitespace */
} gesta_cu_scores;

/** Scores sys against gold. Returns GESTA_OK or GESTA_ENOMEM. */
int gesta_cu_score(const gesta_cu_corpus *gold, const gesta_cu_corpus *sys, gesta_cu_scores *out);

/**
 * Appends up to `max` token and up to `max` sentence disagreements, with their
 * context, to out (for tuning the tokenizer and splitter).
 */
void gesta_cu_print_errors(const gesta_cu_corpus *gold, const gesta_cu_corpus *sys, size_t max, gesta_buf *out);

/**
 * Makes a pretokenized document (GESTA_DOC_PRETOKENIZED) for a rebuilt raw
 * document: its text, and the gold sentences and words with byte offsets into
 * it, no tags. *misaligned counts words whose form was not found in the text
 * where expected (they get an empty span). *out is the caller's.
 */
int gesta_cu_pretok_doc(const gesta_cu_corpus *gold, const gesta_cu_rawdoc *rd, gesta_doc **out,
                        size_t *misaligned);

#endif
