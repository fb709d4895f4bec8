/*
 * The engine: everything loaded once and then only read. Each component is
 * optional; a NULL component means that stage is skipped.
 */
#ifndef GESTA_CORE_ENGINE_H
#define GESTA_CORE_ENGINE_H

#include "gesta.h"

struct gesta_model;      /* syntax/model.h: tagger, lemmatizer, parser */
struct gesta_dicts;      /* coder/dict.h: verbs, actors, agents, discards, issues */
struct gesta_ontology;   /* coder/ontology.h: CAMEO names, Goldstein, QuadClass, PLOVER */
struct gesta_gazetteer;  /* doc/gazetteer.h: places */

struct gesta_engine {
    gesta_engine_options opts;
    char data_dir[1024];
    struct gesta_model *model;
    struct gesta_dicts *dicts;
    struct gesta_ontology *ontology;
    struct gesta_gazetteer *gazetteer;
    char **warnings;
    size_t nwarn, warn_cap;
};

/** Adds a load-time warning ("FILE:LINE: message"). Only during gesta_engine_new. */
void gesta_engine_warn(gesta_engine *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** Fills err (if not NULL) and returns code. */
int gesta_error_set(gesta_error *err, int code, const char *file, long line, long col,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
