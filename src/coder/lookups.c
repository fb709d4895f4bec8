/*
 * The coder's actor lookups for the document layer: a noun phrase's code, and the
 * dated roles of the actor entry a phrase names.
 */
#include <stdio.h>
#include <string.h>

#include "coder/sentview.h"


int gesta_coder_np_code(const gesta_engine *engine, const gesta_doc *doc, uint32_t sent, uint32_t head,
                        const char *date, const char **code, gesta_evidence_ref *ref) {
    if (!engine || !engine->dicts || sent >= doc->nsent || head >= doc->sents[sent].ntok) return 0;
    /* The sentence view is working memory: built in a scratch arena so that the
     * document layer's many lookups do not pile up in the document's arena;
     * only the code string is kept, in the document. */
    gesta_arena *scratch = gesta_arena_new();
    if (!scratch) return 0;
    int found = 0;
    sentview sv;
    np_code c;
    if (sv_build(&sv, engine->dicts, doc, sent, scratch) == 0) {
        if (date && *date) sv.date = date_to_int(date);
        if (sv_code_np(&sv, (int32_t)head, scratch, &c) && c.code) {
            *code = gesta_arena_strdup(doc->arena, c.code);
            if (ref) *ref = c.ev;
            found = *code != NULL;
        }
    }
    gesta_arena_free(scratch);
    return found;
}

static void ymd(int32_t v, char out[11]) {
    if (!v) { out[0] = 0; return; }
    unsigned y = (unsigned)(v / 10000) % 10000u, m = (unsigned)(v / 100) % 100u, dd = (unsigned)v % 100u;
    char buf[16];
    snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, dd);
    memcpy(out, buf, 10);
    out[10] = 0;
}

int gesta_coder_actor_roles(const gesta_engine *engine, const gesta_doc *doc, uint32_t sent, uint32_t tok,
                            gesta_actor_role *out, int max, uint32_t *ntok) {
    *ntok = 0;
    if (!engine || !engine->dicts || sent >= doc->nsent || tok >= doc->sents[sent].ntok) return 0;
    gesta_arena *scratch = gesta_arena_new();
    if (!scratch) return 0;
    sentview sv;
    uint32_t entry;
    int n = sv_build(&sv, engine->dicts, doc, sent, scratch) == 0 ? sv_actor_at(&sv, (int32_t)tok, sv.n, &entry) : 0;
    gesta_arena_free(scratch);
    if (!n) return 0;
    *ntok = (uint32_t)n;
    const actor_entry *a = &engine->dicts->actors[entry];
    int k = 0;
    if (a->deflt && k < max) {
        out[k].code = a->deflt;
        out[k].from[0] = out[k].to[0] = 0;
        out[k].ref = a->ev;
        k++;
    }
    for (uint16_t i = 0; i < a->ncode && k < max; i++, k++) {
        out[k].code = a->codes[i].code;
        ymd(a->codes[i].from, out[k].from);
        ymd(a->codes[i].to, out[k].to);
        out[k].ref = a->codes[i].ev;
    }
    return k;
}
