/*
 * Boilerplate units ("Read more", bylines, author bios, "Source: ..."): the text
 * layer marks them (sent->kind == GESTA_UNIT_BOILERPLATE, sent->boiler_why). They
 * are not news, so nothing coded there may stand: the coder is expected to skip
 * them, and this pass removes any event that still points into one (a guard, so
 * a coder change cannot leak "Incurable bacon specialist" events). Each unit is
 * reported as a flag record of kind "boilerplate".
 */
#include <string.h>

#include "doc/dl.h"

int gesta_dl_boilerplate(gesta_dl *dl) {
    gesta_doc *doc = dl->doc;
    for (uint32_t i = 0; i < doc->nsent; i++) {
        const gesta_sent *s = &doc->sents[i];
        if (s->kind != GESTA_UNIT_BOILERPLATE) continue;
        uint32_t len = s->end > s->start ? s->end - s->start : 0;
        if (len > 120) {
            len = 120;
            while (len > 0 && ((unsigned char)doc->text[s->start + len] & 0xC0) == 0x80) len--; /* whole characters */
        }
        gesta_flag *f = gesta_doc_add_flag(doc, (int32_t)i, "boilerplate", "unit %u is boilerplate (%s), not coded: \"%.*s%s\"",
                                           i, s->boiler_why && *s->boiler_why ? s->boiler_why : "boilerplate",
                                           (int)len, doc->text + s->start, s->end - s->start > len ? "..." : "");
        if (!f) return GESTA_ENOMEM;
        f->start = s->start;
        f->end = s->end;
    }
    /* drop events that sit in boilerplate units; later passes see a clean list */
    uint32_t w = 0;
    for (uint32_t r = 0; r < doc->nevent; r++) {
        const gesta_event *e = &doc->events[r];
        if (e->sentence < doc->nsent && doc->sents[e->sentence].kind == GESTA_UNIT_BOILERPLATE) continue;
        if (w != r) doc->events[w] = *e;
        w++;
    }
    doc->nevent = w;
    return GESTA_OK;
}
