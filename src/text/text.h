/*
 * The text layer: from a document's text to sentences (with heading and
 * boilerplate units marked) and UD-style tokens, all with byte offsets.
 */
#ifndef GESTA_TEXT_TEXT_H
#define GESTA_TEXT_TEXT_H
#include "core/doc.h"

/**
 * Splits doc->text into units and tokens, filling doc->sents and doc->toks
 * (form, norm, start, end, flags). Skips documents already GESTA_DOC_PRETOKENIZED.
 * Returns GESTA_OK or GESTA_ENOMEM.
 */
int gesta_text_segment(gesta_doc *doc);

/** Fills tok->norm for tokens that lack it (used by readers of pre-tokenized input). */
int gesta_text_normalize_tokens(gesta_doc *doc);

#endif
