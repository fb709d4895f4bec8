/* The document layer on random documents: broken heads (out of range, cycles),
 * events with odd spans, quote marks everywhere, boilerplate mixed in. Nothing
 * may crash (the sanitizer build checks memory), and the results stay coherent. */
#include "check.h"
#include "test_doc_fixture.h"

static const fx_actor actors[] = {{"putin", "RUSGOV"}, {"biden", "USAGOV"}, {"nato", "IGOWSTNAT"}, {NULL, NULL}};
static const fx_role roles[] = {{"biden", "USAGOV", "2021-01-20", "", 1}, {NULL, NULL, NULL, NULL, 0}};

static unsigned rnd_state = 12345;
static unsigned rnd(unsigned n) {
    rnd_state = rnd_state * 1103515245u + 12345u;
    return (rnd_state >> 16) % n;
}

int main(void) {
    static const char *words[] = {"Putin", "Biden", "NATO", "he", "He", "they", "it", "the", "alliance", "said",
                                  "added", ":", "\"", "\xe2\x80\x9c", "\xe2\x80\x9d", ",", ".", "on", "Tuesday",
                                  "in", "Sochi", "Paris", "Russian", "President", "US", "Prime", "Minister",
                                  "according", "to", "that", "two", "sides", "days", "ago", "7", "December", "last"};
    static const char *upos[] = {"PROPN", "NOUN", "PRON", "VERB", "PUNCT", "DET", "ADP", "ADJ"};
    static const char *rels[] = {"nsubj", "obj", "ccomp", "conj", "flat", "compound", "det", "obl", "punct", "advcl"};
    fx_actors = actors;
    fx_roles = roles;
    int runs = 0, coherent = 1;
    for (int it = 0; it < 1500; it++) {
        gesta_doc *doc = fx_doc(rnd(5) ? "2021-12-08" : NULL);
        unsigned nsent = 1 + rnd(6);
        for (unsigned s = 0; s < nsent; s++) {
            char spec[2048] = "";
            unsigned ntok = 1 + rnd(14);
            for (unsigned k = 0; k < ntok; k++) {
                char tok[96];
                int mode = (int)rnd(3);
                const char *w = words[rnd(sizeof words / sizeof words[0])];
                if (mode == 0) snprintf(tok, sizeof tok, "%s%s", k ? " " : "", w);
                else if (mode == 1) snprintf(tok, sizeof tok, "%s%s|%s", k ? " " : "", w, upos[rnd(8)]);
                else snprintf(tok, sizeof tok, "%s%s|%s|%d|%s", k ? " " : "", w, upos[rnd(8)],
                              (int)rnd(ntok + 3), rels[rnd(10)]); /* heads may point past the sentence */
                strncat(spec, tok, sizeof spec - strlen(spec) - 1);
            }
            fx_sent(doc, rnd(6) ? GESTA_UNIT_PROSE : GESTA_UNIT_BOILERPLATE, (int)rnd(2), spec);
        }
        unsigned nev = rnd(6);
        for (unsigned e = 0; e < nev; e++) {
            int sb = (int)rnd(16) - 1, vb = (int)rnd(16) - 1, tb = (int)rnd(16) - 1;
            fx_event(doc, rnd(nsent), rnd(2) ? "" : "RUSGOV", sb, sb + 1 + (int)rnd(3), vb, vb + 1,
                     rnd(2) ? "" : "USAGOV", tb, tb + 1, rnd(2) ? "040" : "111");
        }
        gesta_dl dl;
        fx_dl(&dl, doc, NULL);
        dl.cfg.keep_unresolved = (int)rnd(2);
        if (gesta_dl_run_all(&dl) == GESTA_OK) runs++;
        for (uint32_t i = 0; i < doc->nevent; i++) {
            const gesta_event *e = &doc->events[i];
            if (e->sentence >= doc->nsent || e->dup_of >= (int32_t)i ||
                (e->dup_of >= 0 && !(e->flags & GESTA_EV_DUPLICATE)) ||
                doc->sents[e->sentence].kind == GESTA_UNIT_BOILERPLATE)
                coherent = 0;
        }
        for (uint32_t i = 0; i < doc->nquote; i++) {
            const gesta_quote *q = &doc->quotes[i];
            if (q->start > q->end || q->end > doc->len || q->last_sentence < q->sentence) coherent = 0;
        }
        fx_free(doc);
    }
    CHECK_INT(runs, 1500);
    CHECK(coherent);
    fx_done();
    return check_done();
}
