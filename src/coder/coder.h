/* The event coder: sentences + dependency trees + dictionaries → CAMEO events. */
#ifndef GESTA_CODER_CODER_H
#define GESTA_CODER_CODER_H
#include "core/doc.h"
#include "core/engine.h"

struct gesta_dicts;
struct gesta_ontology;

/**
 * Loads the dictionaries named in opts (or gesta's own from data_dir/dict when a
 * kind is not named). Malformed lines become engine warnings ("FILE:LINE: msg")
 * and are skipped. Returns GESTA_EDICT when a named file cannot be read.
 */
int gesta_dicts_load(struct gesta_dicts **out, const gesta_engine_options *opts,
                     const char *data_dir, gesta_engine *warn_sink, gesta_error *err);
void gesta_dicts_free(struct gesta_dicts *d);

/** CAMEO names, Goldstein, QuadClass and PLOVER tables (built in). */
int gesta_ontology_load(struct gesta_ontology **out, gesta_error *err);
void gesta_ontology_free(struct gesta_ontology *o);

/** Codes every prose sentence of a parsed document, appending doc->events. */
int gesta_coder_run(const gesta_engine *engine, gesta_doc *doc);

/*
 * Actor lookups for the document layer (coreference, quotes, role checks). They
 * use the same dictionaries and the same noun-phrase rules as the coder.
 */

/**
 * Codes the noun phrase headed by token `head` (sentence-relative, 0-based) of
 * sentence `sent`, as the coder codes a subject or object: actors, agents joined
 * to actors ("Russian president" → RUSGOV), date-restricted codes chosen by
 * `date` (YYYY-MM-DD; "" = the document's). Returns 1 and sets *code (borrowed
 * from the engine or the doc arena) and *ref, or 0 when the phrase is no actor.
 */
int gesta_coder_np_code(const gesta_engine *engine, const gesta_doc *doc, uint32_t sent, uint32_t head,
                        const char *date, const char **code, gesta_evidence_ref *ref);

/**
 * 1 when an event from a to b is a state's own people speaking of that state
 * ("RUSGOV" and "RUS"): same country, one side the bare country code. News mode
 * drops such events (docs/CODER.md).
 */
int gesta_codes_self_directed(const char *a, const char *b);

/** One dated code of an actor entry: valid from..to inclusive ("" = open). */
typedef struct gesta_actor_role {
    const char *code;
    char from[11], to[11];
    gesta_evidence_ref ref;
} gesta_actor_role;

/**
 * For the actor phrase that starts at token `tok` of sentence `sent` (e.g. a
 * person's name), lists every dated code its dictionary entry has, up to max.
 * Returns the number written (0 when no actor starts there); *ntok gets the
 * phrase's length in tokens.
 */
int gesta_coder_actor_roles(const gesta_engine *engine, const gesta_doc *doc, uint32_t sent, uint32_t tok,
                            gesta_actor_role *out, int max, uint32_t *ntok);

#endif
