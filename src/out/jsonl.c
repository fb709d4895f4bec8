#include <stdlib.h>
#include <string.h>

#include "out/writer.h"

static void span(gesta_buf *out, const char *name, gesta_span sp) {
    gesta_buf_printf(out, ",\"%s\":", name);
    if (sp.begin < 0) gesta_buf_puts(out, "null");
    else gesta_buf_printf(out, "[%d,%d]", sp.begin, sp.end);
}

static void span_text(gesta_buf *out, const gesta_doc *doc, const gesta_event *e, const char *name, gesta_span sp) {
    if (sp.begin < 0 || e->sentence >= doc->nsent) return;
    const gesta_sent *s = &doc->sents[e->sentence];
    if ((uint32_t)sp.end > s->ntok || sp.begin >= sp.end) return;
    const gesta_tok *a = &doc->toks[s->tok0 + sp.begin], *b = &doc->toks[s->tok0 + sp.end - 1];
    gesta_buf_printf(out, ",\"%s\":", name);
    gesta_buf_putc(out, '"');
    gesta_buf_json_escape(out, doc->text + a->start, b->end - a->start);
    gesta_buf_putc(out, '"');
    gesta_buf_printf(out, ",\"%s_bytes\":[%u,%u]", name, a->start, b->end);
}

static void evidence(gesta_buf *out, const char *name, const gesta_evidence_ref *r) {
    if (!r->file) return;
    gesta_buf_printf(out, ",\"%s\":{\"file\":", name);
    gesta_buf_json_str(out, r->file);
    gesta_buf_printf(out, ",\"line\":%u,\"text\":", r->line);
    gesta_buf_json_str(out, r->text);
    gesta_buf_putc(out, '}');
}

static void write_event(gesta_buf *out, const gesta_doc *doc, const gesta_event *e, uint32_t idx) {
    gesta_buf_puts(out, "{\"type\":\"event\",\"doc_id\":");
    gesta_buf_json_str(out, doc->id);
    gesta_buf_printf(out, ",\"event\":%u,\"sentence\":%u,\"date\":", idx, e->sentence);
    gesta_buf_json_str(out, e->date);
    gesta_buf_puts(out, ",\"source\":");
    gesta_buf_json_str(out, e->source);
    gesta_buf_puts(out, ",\"target\":");
    gesta_buf_json_str(out, e->target);
    gesta_buf_puts(out, ",\"code\":");
    gesta_buf_json_str(out, e->code);
    if (e->root_code) { gesta_buf_puts(out, ",\"root_code\":"); gesta_buf_json_str(out, e->root_code); }
    if (e->quad_class) gesta_buf_printf(out, ",\"goldstein\":%.1f,\"quad_class\":%d", e->goldstein, e->quad_class);
    gesta_buf_puts(out, ",\"plover\":");
    gesta_buf_json_str(out, e->plover);
    if (e->plover_mode && *e->plover_mode) { gesta_buf_puts(out, ",\"plover_mode\":"); gesta_buf_json_str(out, e->plover_mode); }
    gesta_buf_puts(out, ",\"date_source\":");
    gesta_buf_json_str(out, e->date_source);
    span(out, "source_tokens", e->src_span);
    span(out, "verb_tokens", e->verb_span);
    span(out, "target_tokens", e->tgt_span);
    span_text(out, doc, e, "source_text", e->src_span);
    span_text(out, doc, e, "verb_text", e->verb_span);
    span_text(out, doc, e, "target_text", e->tgt_span);
    evidence(out, "verb_rule", &e->verb_ev);
    evidence(out, "source_rule", &e->src_ev);
    evidence(out, "target_rule", &e->tgt_ev);
    if (e->issues) { gesta_buf_puts(out, ",\"issues\":"); gesta_buf_json_str(out, e->issues); }
    gesta_buf_puts(out, ",\"flags\":[");
    int first = 1;
    for (size_t i = 0; i < GESTA_EVENT_FLAG_COUNT; i++) {
        if (!(e->flags & gesta_event_flags[i].bit)) continue;
        if (!first) gesta_buf_putc(out, ',');
        gesta_buf_json_str(out, gesta_event_flags[i].name);
        first = 0;
    }
    gesta_buf_putc(out, ']');
    if (e->dup_of >= 0) gesta_buf_printf(out, ",\"duplicate_of\":%d", e->dup_of);
    if (e->dup_group) { gesta_buf_puts(out, ",\"duplicate_group\":"); gesta_buf_json_str(out, e->dup_group); }
    if (doc->story_group) { gesta_buf_puts(out, ",\"story_group\":"); gesta_buf_json_str(out, doc->story_group); }
    if (e->has_place) {
        gesta_buf_puts(out, ",\"place\":{\"name\":");
        gesta_buf_json_str(out, e->place_name);
        gesta_buf_puts(out, ",\"country\":");
        gesta_buf_json_str(out, e->place_country);
        gesta_buf_printf(out, ",\"lat\":%.5f,\"lon\":%.5f}", e->lat, e->lon);
    }
    gesta_buf_puts(out, "}\n");
}

static void write_quote(gesta_buf *out, const gesta_doc *doc, const gesta_quote *q) {
    gesta_buf_puts(out, "{\"type\":\"quote\",\"doc_id\":");
    gesta_buf_json_str(out, doc->id);
    gesta_buf_printf(out, ",\"sentence\":%u,\"speaker\":", q->sentence);
    gesta_buf_json_str(out, q->speaker);
    gesta_buf_puts(out, ",\"speaker_code\":");
    gesta_buf_json_str(out, q->speaker_code);
    gesta_buf_puts(out, ",\"quote\":");
    gesta_buf_json_str(out, q->quote);
    gesta_buf_printf(out, ",\"direct\":%s,\"quote_bytes\":[%u,%u]", q->direct ? "true" : "false", q->start, q->end);
    if (q->speaker_end > q->speaker_start)
        gesta_buf_printf(out, ",\"speaker_bytes\":[%u,%u]", q->speaker_start, q->speaker_end);
    if (q->speaker_coref) gesta_buf_puts(out, ",\"speaker_coref\":true");
    if (q->last_sentence > q->sentence) gesta_buf_printf(out, ",\"last_sentence\":%u", q->last_sentence);
    gesta_buf_puts(out, "}\n");
}

static void write_flag(gesta_buf *out, const gesta_doc *doc, const gesta_flag *f) {
    gesta_buf_puts(out, "{\"type\":\"flag\",\"doc_id\":");
    gesta_buf_json_str(out, doc->id);
    gesta_buf_printf(out, ",\"sentence\":%d,\"kind\":", f->sentence);
    gesta_buf_json_str(out, f->kind);
    gesta_buf_puts(out, ",\"message\":");
    gesta_buf_json_str(out, f->message);
    if (f->end > f->start) gesta_buf_printf(out, ",\"bytes\":[%u,%u]", f->start, f->end);
    gesta_buf_puts(out, "}\n");
}

void gesta_write_jsonl(gesta_buf *out, const gesta_doc *doc) {
    for (uint32_t i = 0; i < doc->nevent; i++) write_event(out, doc, &doc->events[i], i);
    for (uint32_t i = 0; i < doc->nquote; i++) write_quote(out, doc, &doc->quotes[i]);
    for (uint32_t i = 0; i < doc->nflag; i++) write_flag(out, doc, &doc->flagrecs[i]);
}

int gesta_doc_to_jsonl(const gesta_doc *doc, char **out, size_t *len) {
    gesta_buf b = GESTA_BUF_INIT;
    gesta_write_jsonl(&b, doc);
    *out = gesta_buf_detach(&b, len);
    return *out ? GESTA_OK : GESTA_ENOMEM;
}
