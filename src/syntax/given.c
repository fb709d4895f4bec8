/* PLACEHOLDER (replaced by the given-parse work: Penn bracketing and CoNLL-U from the input). */
#include "syntax/syntax.h"

int gesta_syntax_given(gesta_doc *doc) { (void)doc; return GESTA_EINPUT; }
