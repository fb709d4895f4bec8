#include <string.h>

#include "out/writer.h"

const gesta_event_flag gesta_event_flags[GESTA_EVENT_FLAG_COUNT] = {
    {GESTA_EV_PASSIVE, "passive"}, {GESTA_EV_COMPOUND_SRC, "compound-source"},
    {GESTA_EV_COMPOUND_TGT, "compound-target"}, {GESTA_EV_COREF_SRC, "coref-source"},
    {GESTA_EV_COREF_TGT, "coref-target"}, {GESTA_EV_TRANSFORMED, "transformed"},
    {GESTA_EV_COMBINED, "combined"}, {GESTA_EV_IN_QUOTE, "in-quote"}, {GESTA_EV_DUPLICATE, "duplicate"},
    {GESTA_EV_REPEAT, "repeat"}};

int gesta_output_format_parse(const char *name) {
    if (!strcmp(name, "jsonl")) return GESTA_OUT_JSONL;
    if (!strcmp(name, "table")) return GESTA_OUT_TABLE;
    if (!strcmp(name, "gdelt")) return GESTA_OUT_GDELT;
    if (!strcmp(name, "petrarch-xml")) return GESTA_OUT_PXML;
    if (!strcmp(name, "conllu")) return GESTA_OUT_CONLLU;
    return -1;
}

void gesta_write_begin(gesta_buf *out, gesta_output_format f) {
    if (f == GESTA_OUT_PXML)
        gesta_buf_puts(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Sentences>\n");
}

void gesta_write_end(gesta_buf *out, gesta_output_format f) {
    if (f == GESTA_OUT_PXML) gesta_buf_puts(out, "</Sentences>\n");
}

void gesta_write_doc(gesta_buf *out, const gesta_doc *doc, gesta_output_format f) {
    switch (f) {
    case GESTA_OUT_CONLLU: gesta_write_conllu(out, doc, 0); break;
    case GESTA_OUT_TABLE: gesta_write_table(out, doc); break;
    case GESTA_OUT_GDELT: gesta_write_gdelt(out, doc); break;
    case GESTA_OUT_PXML: gesta_write_pxml(out, doc); break;
    default: gesta_write_jsonl(out, doc); break;
    }
}
