#include "core/doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

static const char *const upos_names[GESTA_UPOS_COUNT] = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
    "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *gesta_upos_name(int upos) {
    return upos > 0 && upos < GESTA_UPOS_COUNT ? upos_names[upos] : "_";
}

int gesta_upos_from_name(const char *name) {
    for (int i = 1; i < GESTA_UPOS_COUNT; i++)
        if (strcmp(upos_names[i], name) == 0) return i;
    return GESTA_UPOS_NONE;
}

gesta_doc *gesta_doc_alloc(void) {
    gesta_arena *a = gesta_arena_new();
    if (!a) return NULL;
    gesta_doc *d = gesta_arena_calloc(a, 1, sizeof *d);
    if (!d) { gesta_arena_free(a); return NULL; }
    d->arena = a;
    d->id = "";
    d->text = "";
    return d;
}

void gesta_doc_free(gesta_doc *doc) {
    if (doc) gesta_arena_free(doc->arena); /* the doc itself lives in its arena */
}

int gesta_doc_set_text(gesta_doc *doc, const char *text, size_t len) {
    if (len > (SIZE_MAX - 1) / 3) return GESTA_ENOMEM;
    size_t first_bad;
    size_t bad = gesta_utf8_count_invalid(text, len, &first_bad);
    if (bad == 0) {
        doc->text = gesta_arena_strndup(doc->arena, text, len);
        if (!doc->text) return GESTA_ENOMEM;
        doc->len = len;
        doc->invalid_bytes = 0;
        return GESTA_OK;
    }
    char *dst = gesta_arena_alloc(doc->arena, len + 2 * bad + 1);
    if (!dst) return GESTA_ENOMEM;
    size_t replaced;
    doc->len = gesta_utf8_repair(text, len, dst, &replaced);
    doc->text = dst;
    doc->invalid_bytes = (uint32_t)(replaced > UINT32_MAX ? UINT32_MAX : replaced);
    gesta_doc_add_flag(doc, -1, "invalid-utf8",
                       "%zu invalid UTF-8 byte(s) replaced by U+FFFD, the first at byte %zu",
                       replaced, first_bad);
    return GESTA_OK;
}

int gesta_doc_set_date(gesta_doc *doc, const char *date) {
    doc->date[0] = '\0';
    if (!date || !*date) return 0;
    int y, m, d;
    char tail;
    if (sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
        (strlen(date) == 8 && sscanf(date, "%4d%2d%2d%c", &y, &m, &d, &tail) == 3)) {
        if (y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
            snprintf(doc->date, sizeof doc->date, "%04d-%02d-%02d", y, m, d);
            return 0;
        }
    }
    return -1;
}

int gesta_doc_new(gesta_doc **out, const char *id, const char *date, const char *text,
                  size_t len, gesta_error *err) {
    *out = NULL;
    gesta_doc *d = gesta_doc_alloc();
    if (!d) goto oom;
    d->id = gesta_arena_strdup(d->arena, id ? id : "");
    if (!d->id) goto oom;
    if (gesta_doc_set_date(d, date) < 0) {
        gesta_doc_free(d);
        if (err) {
            err->code = GESTA_EUSAGE;
            snprintf(err->message, sizeof err->message, "invalid date \"%s\" (want YYYY-MM-DD)", date);
        }
        return GESTA_EUSAGE;
    }
    if (gesta_doc_set_text(d, text ? text : "", text ? len : 0) < 0) goto oom;
    *out = d;
    return GESTA_OK;
oom:
    gesta_doc_free(d);
    if (err) { err->code = GESTA_ENOMEM; snprintf(err->message, sizeof err->message, "out of memory"); }
    return GESTA_ENOMEM;
}

/* Amortised growth of an arena array: the old block stays in the arena (unused),
 * which costs at most as much again as the final array. */
#define GROW(doc, arr, n, cap)                                                             \
    do {                                                                                   \
        if ((n) == (cap)) {                                                                \
            uint32_t nc = (cap) ? (cap) * 2 : 16;                                          \
            void *p = gesta_arena_grow((doc)->arena, (arr), (n), nc, sizeof *(arr));       \
            if (!p) return NULL;                                                           \
            (arr) = p;                                                                     \
            (cap) = nc;                                                                    \
        }                                                                                  \
    } while (0)

gesta_sent *gesta_doc_add_sent(gesta_doc *doc) {
    GROW(doc, doc->sents, doc->nsent, doc->sent_cap);
    gesta_sent *s = &doc->sents[doc->nsent++];
    memset(s, 0, sizeof *s);
    return s;
}

gesta_tok *gesta_doc_add_tok(gesta_doc *doc) {
    GROW(doc, doc->toks, doc->ntok, doc->tok_cap);
    gesta_tok *t = &doc->toks[doc->ntok++];
    memset(t, 0, sizeof *t);
    t->head = -1;
    return t;
}

gesta_event *gesta_doc_add_event(gesta_doc *doc) {
    GROW(doc, doc->events, doc->nevent, doc->event_cap);
    gesta_event *e = &doc->events[doc->nevent++];
    memset(e, 0, sizeof *e);
    e->source = e->target = "";
    e->plover = e->plover_mode = "";
    e->dup_of = -1;
    e->src_span.begin = e->src_span.end = -1;
    e->verb_span.begin = e->verb_span.end = -1;
    e->tgt_span.begin = e->tgt_span.end = -1;
    memcpy(e->date, doc->date, sizeof e->date);
    e->date_source = "document";
    return e;
}

gesta_quote *gesta_doc_add_quote(gesta_doc *doc) {
    GROW(doc, doc->quotes, doc->nquote, doc->quote_cap);
    gesta_quote *q = &doc->quotes[doc->nquote++];
    memset(q, 0, sizeof *q);
    q->speaker = q->speaker_code = "";
    return q;
}

gesta_flag *gesta_doc_add_flag(gesta_doc *doc, int32_t sentence, const char *kind, const char *fmt, ...) {
    GROW(doc, doc->flagrecs, doc->nflag, doc->flag_cap);
    gesta_flag *f = &doc->flagrecs[doc->nflag++];
    memset(f, 0, sizeof *f);
    f->sentence = sentence;
    f->kind = kind;
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = n >= 0 ? gesta_arena_alloc(doc->arena, (size_t)n + 1) : NULL;
    if (msg) vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    f->message = msg ? msg : "";
    return f;
}

/* ---- public accessors ---- */

const char *gesta_doc_id(const gesta_doc *doc) { return doc->id; }
const char *gesta_doc_date(const gesta_doc *doc) { return doc->date; }
const char *gesta_doc_text(const gesta_doc *doc, size_t *len) {
    if (len) *len = doc->len;
    return doc->text;
}
size_t gesta_doc_sentence_count(const gesta_doc *doc) { return doc->nsent; }
size_t gesta_doc_token_count(const gesta_doc *doc) { return doc->ntok; }
size_t gesta_doc_event_count(const gesta_doc *doc) { return doc->nevent; }

int gesta_doc_sentence(const gesta_doc *doc, size_t i, gesta_sentence_info *out) {
    if (i >= doc->nsent) return GESTA_EUSAGE;
    const gesta_sent *s = &doc->sents[i];
    out->start = s->start;
    out->end = s->end;
    out->first_token = s->tok0;
    out->ntokens = s->ntok;
    out->kind = (gesta_unit_kind)s->kind;
    return GESTA_OK;
}

int gesta_doc_token(const gesta_doc *doc, size_t i, gesta_token_info *out) {
    if (i >= doc->ntok) return GESTA_EUSAGE;
    const gesta_tok *t = &doc->toks[i];
    out->start = t->start;
    out->end = t->end;
    out->form = t->form;
    out->lemma = t->lemma ? t->lemma : "_";
    out->upos = gesta_upos_name(t->upos);
    out->xpos = t->xpos ? t->xpos : "_";
    out->head = t->head;
    out->deprel = t->deprel ? t->deprel : "_";
    out->space_after = !(t->flags & GESTA_TOK_NO_SPACE_AFTER);
    return GESTA_OK;
}

int gesta_doc_event(const gesta_doc *doc, size_t i, gesta_event_info *out) {
    if (i >= doc->nevent) return GESTA_EUSAGE;
    const gesta_event *e = &doc->events[i];
    out->sentence = e->sentence;
    out->date = e->date;
    out->source = e->source;
    out->target = e->target;
    out->code = e->code;
    out->goldstein = e->goldstein;
    out->quad_class = e->quad_class;
    out->plover = e->plover;
    return GESTA_OK;
}
