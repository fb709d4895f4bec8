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

#endif
