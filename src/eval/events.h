/*
 * Scoring coded events against PETRARCH validation expectations: per-category
 * exact-record rates and micro P/R/F1 over (source, target, code) triples, the
 * same rules as ../shared/tools/score_events.py (records sharing an id are
 * merged; records expecting an error are counted apart).
 */
#ifndef GESTA_EVAL_EVENTS_H
#define GESTA_EVAL_EVENTS_H
#include <stddef.h>

#include "core/doc.h"
#include "util/buf.h"

typedef struct gesta_evscore gesta_evscore;

gesta_evscore *gesta_evscore_new(void);
void gesta_evscore_free(gesta_evscore *s);
/** Adds one coded document that carries expectations (doc->has_gold). 0 or GESTA_ENOMEM. */
int gesta_evscore_add(gesta_evscore *s, const gesta_doc *doc);
/** Totals: records scored (errors excluded), exact ones, error records. */
void gesta_evscore_totals(const gesta_evscore *s, size_t *records, size_t *exact, size_t *errors);
/** The table (or JSON with json=1); misses lists failing records with expected vs got. */
void gesta_evscore_report(const gesta_evscore *s, gesta_buf *out, int json, int misses);

#endif
