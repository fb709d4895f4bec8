/* The table writer (src/out/table.c; named test_reader_* as it belongs to the IO work):
 * every field shows up, lines stay within 100 columns, long UTF-8 is cut on character
 * boundaries, and a document without events still gets its header. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "out/writer.h"
#include "text/utf8.h"

static int max_columns(const char *s, size_t n, int *valid) {
    int maxc = 0, c = 0;
    *valid = gesta_utf8_count_invalid(s, n, NULL) == 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') { if (c > maxc) maxc = c; c = 0; continue; }
        if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    }
    return c > maxc ? c : maxc;
}

int main(void) {
    const char *text = "Russian President Vladimir Putin met Greek Prime Minister Kyriakos Mitsotakis in Sochi.";
    gesta_doc *d;
    CHECK_INT(gesta_doc_new(&d, "sochi-\xC3\xA9t\xC3\xA9", "2021-12-08", text, strlen(text), NULL), 0);
    gesta_sent *s = gesta_doc_add_sent(d);
    s->start = 0;
    s->end = (uint32_t)strlen(text);
    /* tokens: split at spaces, enough for spans */
    uint32_t a = 0;
    for (uint32_t i = 0; i <= strlen(text); i++)
        if (text[i] == ' ' || text[i] == '\0') {
            gesta_tok *t = gesta_doc_add_tok(d);
            t->start = a;
            t->end = i;
            t->form = gesta_arena_strndup(d->arena, text + a, i - a);
            a = i + 1;
        }
    s->ntok = d->ntok;
    gesta_event *e = gesta_doc_add_event(d);
    e->sentence = 0;
    memcpy(e->date, "2021-12-08", 11);
    e->source = "RUSGOV";
    e->target = "GRCGOVXXXXXXXXXXXXXXXXXX"; /* too long: cut with … */
    e->code = "036";
    e->root_code = "03";
    e->goldstein = 4.0;
    e->quad_class = 1;
    e->plover = "CONSULT";
    e->plover_mode = "";
    e->date_source = "document";
    e->src_span = (gesta_span){0, 4};
    e->verb_span = (gesta_span){4, 5};
    e->tgt_span = (gesta_span){5, 10};
    e->verb_ev = (gesta_evidence_ref){"/data/dict/CAMEO.2.0.txt", 4321, "  MEET WITH  "};
    e->src_ev = (gesta_evidence_ref){"/data/dict/gesta.people.actors.txt", 69,
                                     "VLADIMIR_PUTIN_ \xE2\x80\x94 a long phrase that goes on and on and on and on"};
    e->tgt_ev = (gesta_evidence_ref){"/data/dict/gesta.people.actors.txt", 70, "KYRIAKOS_MITSOTAKIS"};
    e->flags = GESTA_EV_COMPOUND_SRC;
    e->dup_of = -1;
    gesta_quote *q = gesta_doc_add_quote(d);
    q->quote = "Russia will formulate its proposals in a few days, and they will be quite specific \xE2\x80\x94 "
               "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
    q->speaker = "Putin";
    q->speaker_code = "RUSGOV";
    q->direct = 1;
    gesta_doc_add_flag(d, 3, "role-conflict",
                       "\"US Prime Minister Joe Biden\" (sentence 2) and \"Russian President Biden\" (sentence 3) "
                       "describe one person with different countries and different offices");
    gesta_buf b = GESTA_BUF_INIT;
    gesta_write_table(&b, d);
    const char *out = b.data;
    printf("%s", out);
    int valid;
    CHECK(max_columns(out, b.len, &valid) <= 100);
    CHECK(valid);
    CHECK(strstr(out, "== sochi-\xC3\xA9t\xC3\xA9  2021-12-08  1 event, 1 quote, 1 flag") != NULL);
    CHECK(strstr(out, "RUSGOV") != NULL);
    CHECK(strstr(out, "036") != NULL);
    CHECK(strstr(out, "GRCGOVXXXXXXXX\xE2\x80\xA6") != NULL);
    CHECK(strstr(out, "  met") != NULL);
    CHECK(strstr(out, "verb: CAMEO.2.0.txt:4321 \"MEET WITH\"") != NULL);
    CHECK(strstr(out, "source: gesta.people.actors.txt:69") != NULL);
    CHECK(strstr(out, "target: gesta.people.actors.txt:70 \"KYRIAKOS_MITSOTAKIS\"") != NULL);
    CHECK(strstr(out, "source words: \"Russian President Vladimir Putin\"") != NULL);
    CHECK(strstr(out, "Express intent to meet or negotiate;") != NULL); /* the CAMEO name of 036 */
    CHECK(strstr(out, "Goldstein 4.0, quad class 1") != NULL);
    CHECK(strstr(out, "PLOVER CONSULT") != NULL);
    CHECK(strstr(out, "flags: compound-source") != NULL);
    CHECK(strstr(out, "quote (sentence 0, direct): Putin [RUSGOV]: \"Russia will") != NULL);
    CHECK(strstr(out, "flag role-conflict (sentence 3):") != NULL);
    CHECK(strstr(out, "different offices") != NULL); /* wrapped, not cut */
    gesta_buf_free(&b);
    gesta_doc_free(d);

    /* no events: the header only */
    CHECK_INT(gesta_doc_new(&d, "empty", NULL, "", 0, NULL), 0);
    gesta_write_table(&b, d);
    CHECK_STR(b.data, "== empty  (no date)  0 events, 0 quotes, 0 flags\n\n");
    gesta_buf_free(&b);
    gesta_doc_free(d);
    return check_done();
}
