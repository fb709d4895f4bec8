/* The document layer: coreference, quotes, dates, places, duplicates, flags. */
#ifndef GESTA_DOC_DOCLAYER_H
#define GESTA_DOC_DOCLAYER_H
#include "core/doc.h"
#include "core/engine.h"

struct gesta_gazetteer;
int gesta_gazetteer_load(struct gesta_gazetteer **out, const char *data_dir, gesta_error *err);
void gesta_gazetteer_free(struct gesta_gazetteer *g);

/** Runs over a coded document: resolves actors, dates, places; adds quotes and flags. */
int gesta_doclayer_run(const gesta_engine *engine, gesta_doc *doc);

#endif
