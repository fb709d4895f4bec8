/*
 * Writers: a processed document → bytes appended to a gesta_buf. The command
 * writes the buffers in input order, so workers can format in parallel.
 */
#ifndef GESTA_OUT_WRITER_H
#define GESTA_OUT_WRITER_H
#include "core/doc.h"
#include "util/buf.h"

typedef enum gesta_output_format {
    GESTA_OUT_JSONL = 0,
    GESTA_OUT_TABLE,
    GESTA_OUT_GDELT,
    GESTA_OUT_PXML,
    GESTA_OUT_CONLLU
} gesta_output_format;

/** The GESTA_EV_* flags and their names in records ("passive", "coref-source", ...), in the
 *  order records list them (docs/RECORDS.md). */
typedef struct gesta_event_flag { uint32_t bit; const char *name; } gesta_event_flag;
#define GESTA_EVENT_FLAG_COUNT 10
extern const gesta_event_flag gesta_event_flags[GESTA_EVENT_FLAG_COUNT];

/** "jsonl", "table", "gdelt", "petrarch-xml", "conllu" → format, or -1. */
int gesta_output_format_parse(const char *name);

/** CoNLL-U: # newdoc id, # sent_id, # text, ten columns, SpaceAfter=No. Prose and headings only
 *  unless all_units; boilerplate units are written with a "# unit = boilerplate" comment. */
void gesta_write_conllu(gesta_buf *out, const gesta_doc *doc, int all_units);

/** JSONL: one record per event, quote and flag (docs/RECORDS.md). */
void gesta_write_jsonl(gesta_buf *out, const gesta_doc *doc);

/** A readable table of the events with their evidence. */
void gesta_write_table(gesta_buf *out, const gesta_doc *doc);

/** GDELT 2.0 event table rows (61 columns; docs/GDELT.md). */
void gesta_write_gdelt(gesta_buf *out, const gesta_doc *doc);

/** PETRARCH-style <Sentence> elements with <EventCoding> per event. */
void gesta_write_pxml(gesta_buf *out, const gesta_doc *doc);

/** Written once before the first document / after the last (headers, XML roots). */
void gesta_write_begin(gesta_buf *out, gesta_output_format f);
void gesta_write_end(gesta_buf *out, gesta_output_format f);

/** Dispatches on f (conllu, jsonl, table, gdelt, petrarch-xml). */
void gesta_write_doc(gesta_buf *out, const gesta_doc *doc, gesta_output_format f);

#endif
