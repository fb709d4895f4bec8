/*
 * In-story duplicates: a story often tells the same event twice (the lead and a
 * later paragraph). Two events are the same when source, target and code match
 * (by default the full code; with GESTA_DEDUP_MATCH=root the two-digit root
 * code, so "042" and "040" are one telling) and their dates are at most
 * GESTA_DEDUP_DAYS apart (default 1; -1 turns the pass off). The first telling
 * stays as it is; each later one gets GESTA_EV_DUPLICATE and dup_of = the index
 * of the first. Nothing is deleted: users filter on the flag.
 *
 * Events with neither source nor target are never merged (nothing says they are
 * the same), and neither are events of one sentence whose verbs differ: those
 * are distinct statements even when their codes agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/dl.h"

static long date_days(const char *d) {
    int y, m, dd;
    char tail;
    if (!d || sscanf(d, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3) return 0;
    return gesta_dl_days(y, m, dd);
}

static const char *root_of(const gesta_event *e) {
    if (e->root_code && *e->root_code) return e->root_code;
    return e->code ? e->code : "";
}

static int same(const gesta_dl_config *c, const gesta_event *a, const gesta_event *b) {
    if (strcmp(a->source ? a->source : "", b->source ? b->source : "")) return 0;
    if (strcmp(a->target ? a->target : "", b->target ? b->target : "")) return 0;
    if (c->dedup_by_root) {
        const char *ra = root_of(a), *rb = root_of(b);
        if (strncmp(ra, rb, 2)) return 0;
    } else if (strcmp(a->code ? a->code : "", b->code ? b->code : "")) {
        return 0;
    }
    long da = date_days(a->date), db = date_days(b->date);
    long diff = da > db ? da - db : db - da;
    if (diff > c->dedup_days) return 0;
    if (a->sentence == b->sentence && a->verb_span.begin != b->verb_span.begin) return 0;
    return 1;
}

int gesta_dl_dedup(gesta_dl *dl) {
    gesta_doc *doc = dl->doc;
    if (dl->cfg.dedup_off) return GESTA_OK;
    for (uint32_t j = 1; j < doc->nevent; j++) {
        gesta_event *b = &doc->events[j];
        if (!*(b->source ? b->source : "") && !*(b->target ? b->target : "")) continue;
        for (uint32_t i = 0; i < j; i++) {
            const gesta_event *a = &doc->events[i];
            if (a->flags & GESTA_EV_DUPLICATE) continue;
            if (same(&dl->cfg, a, b)) {
                b->flags |= GESTA_EV_DUPLICATE;
                b->dup_of = (int32_t)i;
                break;
            }
        }
    }
    return GESTA_OK;
}
