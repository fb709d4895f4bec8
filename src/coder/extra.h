/*
 * Events that are not "subject verb object" (internal to src/coder):
 *   nominal.c   event nouns ("talks with X", "the expulsion of X's diplomats",
 *               "Y's attack on Z"), coded with the verb dictionary's entry for
 *               the noun's verb (expulsion → EXPEL, talks → NEGOTIATE);
 *   predicate.c copula predicates ("X's approach is hostile to Y", "X is in
 *               talks with Y"), coded with the verb dictionary's BE block;
 *   question.c  clauses that state no fact ("asked if X was planning an attack",
 *               "whether X will ...", "if X invades ...", "Will X attack?").
 * The coder's per-sentence loop calls gesta_coder_in_question for each verb and
 * gesta_coder_extra once after its verbs. Rules: docs/CODER.md, "Beyond verbs".
 */
#ifndef GESTA_CODER_EXTRA_H
#define GESTA_CODER_EXTRA_H
#include "coder/sentview.h"

/** 1 when token v heads (or sits in) a clause that asks or supposes rather than
 *  states: events there are not coded. */
int gesta_coder_in_question(const sentview *sv, int32_t v);

/** Codes the sentence's event nouns and copula predicates, appending events to
 *  doc (after the verbs' events, which start at index first). */
void gesta_coder_extra(const gesta_engine *e, gesta_doc *doc, const sentview *sv, uint32_t first,
                       gesta_arena *scratch);

/** Copula predicates of the sentence (predicate.c; called by gesta_coder_extra). */
void gesta_coder_predicates(const gesta_engine *e, gesta_doc *doc, const sentview *sv, gesta_arena *scratch);

/** upper.c: an appeal/intent/demand/refusal verb (020/030/100/120) governing an
 *  action ("urged X to release", "refused to meet") takes the sub-code of the
 *  action's family. Returns 1 and replaces *code (and clears *code2) when it does. */
int gesta_coder_upper_combine(const sentview *sv, int32_t v, const char **code, const char **code2);

/* ---- shared by nominal.c and predicate.c ---- */

/** Appends an event (unless the sentence already has the same triple). */
void gesta_coder_emit_at(const gesta_engine *e, gesta_doc *doc, const sentview *sv, int32_t v, const char *code,
                         const np_code *src, const np_code *tgt, const gesta_evidence_ref *vev, uint32_t flags);
/** The actors of the noun phrase headed by h and of its conjuncts/appositions;
 *  returns how many were written to out (codes in doc's arena). */
int gesta_coder_np_actors(const sentview *sv, int32_t h, gesta_arena *a, np_code *out, int max);
/** The plain (one-word) verb form of lemma in the verb dictionary, or NULL. */
const verb_form *gesta_coder_verb_form(const struct gesta_dicts *d, const char *lemma);
/** The code a block gives token v (a pattern, else the form's, else the block's);
 *  NULL when it gives none (a [---] trap). Fills ev, code2 and the pattern's $/+. */
const char *gesta_coder_form_code(const sentview *sv, int32_t v, const verb_form *f, const char **code2,
                                  gesta_evidence_ref *ev, match_result *m);
/** 1 when token v has "not"/"n't"/"never"/"no" as a modifier. */
int gesta_coder_negated(const sentview *sv, int32_t v);
/** The nearest clause subject above token n that codes an actor (climbing
 *  through complement clauses when the subject is a pronoun), or -1. */
int32_t gesta_coder_clause_subject(const sentview *sv, int32_t v);

#endif
