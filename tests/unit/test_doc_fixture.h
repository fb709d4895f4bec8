/*
 * Hand-built documents for the document-layer tests: sentences written as
 * "form|UPOS|head|deprel" tokens (head 1-based, 0 = root; "form" alone leaves a
 * token untagged and unparsed), events added by hand, and table-driven stand-ins
 * for the coder's actor lookups so each pass runs without dictionaries.
 */
#ifndef GESTA_TEST_DOC_FIXTURE_H
#define GESTA_TEST_DOC_FIXTURE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "doc/dl.h"
#include "util/buf.h"

typedef struct fx_tokspec { uint32_t sent, start, end; } fx_tokspec;

static gesta_buf fx_text;

static gesta_doc *fx_doc(const char *date) {
    gesta_doc *d = gesta_doc_alloc();
    gesta_doc_set_date(d, date);
    gesta_buf_clear(&fx_text);
    return d;
}

static char *fx_lower(gesta_doc *doc, const char *s) {
    /* fold like the text layer: ASCII lowercase, curly double quotes → '"' */
    if (!strcmp(s, "\xe2\x80\x9c") || !strcmp(s, "\xe2\x80\x9d")) return gesta_arena_strdup(doc->arena, "\"");
    char *r = gesta_arena_strdup(doc->arena, s);
    for (char *p = r; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return r;
}

/* Adds a sentence; para = 1 starts a new paragraph (a line break before it). */
static uint32_t fx_sent(gesta_doc *doc, int kind, int para, const char *spec) {
    gesta_sent *s = gesta_doc_add_sent(doc);
    uint32_t si = doc->nsent - 1;
    s->kind = (uint8_t)kind;
    s->tok0 = doc->ntok;
    if (fx_text.len) gesta_buf_putc(&fx_text, para ? '\n' : ' ');
    s->start = (uint32_t)fx_text.len;
    char *copy = strdup(spec);
    int first = 1;
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char *f[6] = {w, NULL, NULL, NULL, NULL, NULL};
        int nf = 1;
        for (char *p = w; *p && nf < 6; p++)
            if (*p == '|') { *p = '\0'; f[nf++] = p + 1; }
        if (!first) gesta_buf_putc(&fx_text, ' ');
        first = 0;
        gesta_tok *t = gesta_doc_add_tok(doc);
        t->start = (uint32_t)fx_text.len;
        gesta_buf_puts(&fx_text, f[0]);
        t->end = (uint32_t)fx_text.len;
        t->form = gesta_arena_strdup(doc->arena, f[0]);
        t->norm = fx_lower(doc, f[0]);
        if (nf >= 2) { t->upos = (uint8_t)gesta_upos_from_name(f[1]); s->tagged = 1; }
        if (nf >= 4) { t->head = atoi(f[2]); t->deprel = gesta_arena_strdup(doc->arena, f[3]); s->parsed = 1; }
        if (nf >= 5) t->lemma = gesta_arena_strdup(doc->arena, f[4]);
        if (nf >= 6) t->xpos = gesta_arena_strdup(doc->arena, f[5]);
        s->ntok++;
    }
    s->end = (uint32_t)fx_text.len;
    free(copy);
    /* the text so far: later sentences only append, so earlier offsets stay valid */
    doc->text = gesta_arena_strndup(doc->arena, fx_text.data, fx_text.len);
    doc->len = fx_text.len;
    return si;
}

static gesta_event *fx_event(gesta_doc *doc, uint32_t sent, const char *src, int sb, int se, int vb, int ve,
                             const char *tgt, int tb, int te, const char *code) {
    gesta_event *e = gesta_doc_add_event(doc);
    e->sentence = sent;
    e->source = src;
    e->target = tgt;
    e->code = code;
    e->root_code = gesta_arena_strndup(doc->arena, code, 2);
    e->src_span = (gesta_span){sb, se};
    e->verb_span = (gesta_span){vb, ve};
    e->tgt_span = (gesta_span){tb, te};
    return e;
}

/* ---- stand-in actor lookups ---- */
typedef struct fx_actor { const char *phrase, *code; } fx_actor;
static const fx_actor *fx_actors;

static int fx_np(void *user, const gesta_doc *doc, uint32_t sent, uint32_t head, const char *date,
                 const char **code, gesta_evidence_ref *ref) {
    (void)user; (void)date;
    uint32_t b, e;
    gesta_dl_np_extent(doc, sent, head, &b, &e);
    const gesta_tok *t0 = &doc->toks[doc->sents[sent].tok0];
    /* try the phrase without determiners, then ever shorter suffixes ending at the head */
    for (uint32_t from = b; from <= head; from++) {
        char phrase[256] = "";
        for (uint32_t k = from; k < e; k++) {
            if (t0[k].upos == GESTA_UPOS_DET) continue;
            if (phrase[0]) strncat(phrase, " ", sizeof phrase - strlen(phrase) - 1);
            strncat(phrase, t0[k].norm, sizeof phrase - strlen(phrase) - 1);
        }
        for (const fx_actor *a = fx_actors; a && a->phrase; a++)
            if (!strcmp(a->phrase, phrase)) {
                *code = a->code;
                if (ref) { ref->file = "test-actors.txt"; ref->line = (uint32_t)(a - fx_actors) + 1; ref->text = a->phrase; }
                return 1;
            }
    }
    return 0;
}

typedef struct fx_role { const char *name, *code, *from, *to; uint32_t line; } fx_role;
static const fx_role *fx_roles;

static int fx_actor_roles(void *user, const gesta_doc *doc, uint32_t sent, uint32_t tok, gesta_actor_role *out,
                          int max, uint32_t *ntok) {
    (void)user;
    const gesta_sent *s = &doc->sents[sent];
    /* the name runs over capitalised words from tok; match on its last word */
    uint32_t e = tok;
    while (e < s->ntok && doc->toks[s->tok0 + e].form[0] >= 'A' && doc->toks[s->tok0 + e].form[0] <= 'Z') e++;
    *ntok = e - tok;
    if (e == tok) return 0;
    const char *last = doc->toks[s->tok0 + e - 1].norm;
    int n = 0;
    for (const fx_role *r = fx_roles; r && r->name && n < max; r++) {
        if (strcmp(r->name, last)) continue;
        gesta_actor_role *o = &out[n++];
        memset(o, 0, sizeof *o);
        o->code = r->code;
        snprintf(o->from, sizeof o->from, "%s", r->from);
        snprintf(o->to, sizeof o->to, "%s", r->to);
        o->ref.file = "test-actors.txt";
        o->ref.line = r->line;
        o->ref.text = r->name;
    }
    return n;
}

/* A context on the stand-ins (no engine, no gazetteer unless given). */
static void fx_dl(gesta_dl *dl, gesta_doc *doc, const struct gesta_gazetteer *gaz) {
    gesta_dl_init(dl, NULL, doc);
    dl->np_code = fx_np;
    dl->actor_roles = fx_actor_roles;
    dl->gaz = gaz;
    dl->cfg.dedup_days = 1;
    dl->cfg.dedup_by_root = 1;
    dl->cfg.dedup_off = 0;
    dl->cfg.coref_window = 4;
    dl->cfg.keep_unresolved = 0;
}

static void fx_free(gesta_doc *doc) {
    gesta_doc_free(doc);
}

static void fx_done(void) { gesta_buf_free(&fx_text); }

#endif
