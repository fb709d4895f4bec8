/*
 * PETRARCH-style XML: one <Sentence> per coded sentence with its <Text> and an
 * <EventCoding> per event — the shape of PETRARCH's validation files, so the
 * output can be read back by gesta (and PETRARCH tools) as input or gold.
 */
#include <stdio.h>
#include <string.h>

#include "out/writer.h"

static void xml_escape(gesta_buf *out, const char *s, size_t n) {
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        default: break;
        }
        if (!rep) continue;
        gesta_buf_append(out, s + run, i - run);
        gesta_buf_puts(out, rep);
        run = i + 1;
    }
    gesta_buf_append(out, s + run, n - run);
}

static void attr(gesta_buf *out, const char *name, const char *v) {
    gesta_buf_printf(out, " %s=\"", name);
    if (v) xml_escape(out, v, strlen(v));
    gesta_buf_putc(out, '"');
}

void gesta_write_pxml(gesta_buf *out, const gesta_doc *doc) {
    char date[9] = "";
    if (doc->date[0]) snprintf(date, sizeof date, "%.4s%.2s%.2s", doc->date, doc->date + 5, doc->date + 8);
    for (uint32_t si = 0; si < doc->nsent; si++) {
        const gesta_sent *s = &doc->sents[si];
        int any = 0;
        for (uint32_t i = 0; i < doc->nevent; i++) any |= doc->events[i].sentence == si;
        if (!any) continue;
        char id[600];
        snprintf(id, sizeof id, "%s-%u", doc->id, si);
        gesta_buf_puts(out, "<Sentence");
        attr(out, "id", id);
        attr(out, "date", date);
        attr(out, "source", doc->source_name ? doc->source_name : doc->id);
        gesta_buf_puts(out, " sentence=\"true\">\n");
        for (uint32_t i = 0; i < doc->nevent; i++) {
            const gesta_event *e = &doc->events[i];
            if (e->sentence != si || !e->code) continue;
            gesta_buf_puts(out, "<EventCoding");
            attr(out, "sourcecode", e->source);
            attr(out, "targetcode", e->target);
            attr(out, "eventcode", e->code);
            if (e->date[0] && strcmp(e->date, doc->date)) attr(out, "date", e->date);
            if (e->dup_of >= 0) gesta_buf_printf(out, " duplicate_of=\"%d\"", e->dup_of);
            if (e->verb_ev.file) {
                char ev[1200];
                snprintf(ev, sizeof ev, "%s:%u", e->verb_ev.file, e->verb_ev.line);
                attr(out, "rule", ev);
            }
            gesta_buf_puts(out, "/>\n");
        }
        gesta_buf_puts(out, "<Text>\n");
        xml_escape(out, doc->text + s->start, s->end - s->start);
        gesta_buf_puts(out, "\n</Text>\n</Sentence>\n");
    }
}
