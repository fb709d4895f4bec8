/*
 * Syntax: tagger, lemmatizer and dependency parser, and the conversion of
 * parses given in the input (Penn bracketing, CoNLL-U) into one tree shape.
 */
#ifndef GESTA_SYNTAX_SYNTAX_H
#define GESTA_SYNTAX_SYNTAX_H
#include "core/doc.h"

struct gesta_model;

/** Loads a model file. *out is the caller's (gesta_model_free). */
int gesta_model_load(struct gesta_model **out, const char *path, gesta_error *err);
void gesta_model_free(struct gesta_model *m);
/** Sets the parser search (0 greedy, N: retry the N least certain decisions; a
 * new model has GESTA_PARSE_SEARCH_DEFAULT). Call before the model is shared. */
void gesta_model_set_search(struct gesta_model *m, int search);

/**
 * Tags, lemmatizes and parses every prose/heading unit of the document that is
 * not already parsed. With use_given, sentences carrying a given parse (Penn
 * bracketing in sent->penn, or CoNLL-U heads already filled) are converted or
 * kept instead. model may be NULL: then only given parses are used.
 */
int gesta_syntax_run(const struct gesta_model *model, gesta_doc *doc, int use_given);

/**
 * Builds the document's sentences and tokens from its given parse
 * (doc->given_penn via head rules, or doc->given_conllu as is), aligning tokens
 * to byte offsets in doc->text where they can be found, and marks the document
 * GESTA_DOC_PRETOKENIZED with every sentence parsed and given_parse set.
 * Returns GESTA_EINPUT when the given parse is malformed (the caller then falls
 * back to the text layer).
 */
int gesta_syntax_given(gesta_doc *doc);

#endif
