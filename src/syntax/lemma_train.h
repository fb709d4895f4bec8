/* Learning the lemmatizer's tables from a treebank (lemma_train.c). */
#ifndef GESTA_SYNTAX_LEMMA_TRAIN_H
#define GESTA_SYNTAX_LEMMA_TRAIN_H
#include "syntax/model.h"
#include "util/buf.h"

typedef struct gesta_lemma_tables {
    gesta_lexslot *lex, *suf;   /* malloc'd; caller frees */
    uint32_t nlex, nsuf;
} gesta_lemma_tables;

/** Builds the tables from c's gold lemmas and tags (proper[tag]: a proper-noun tag,
 * whose lemma is the form as written); strings go into pool. */
int gesta_lemma_build(const gesta_tb *c, const uint8_t *proper, gesta_lemma_tables *out, gesta_buf *pool);

#endif
