/*
 * `gesta code --format table`: each document's events as an aligned table a
 * person can read in a 100-column terminal, each event followed by its
 * evidence (the dictionary file:line that fired), then quotes and flags.
 *
 *   == doc-1  2021-12-08  2 events, 1 quote, 1 flag
 *     #  sent  date        source           code  target           verb
 *     0     3  2021-12-08  RUSGOV           042   USAGOV           met
 *          verb: CAMEO.2.0.txt:120 "MEET WITH"   source: actors.txt:88 "PUTIN"
 *          Make a visit; source words: "Putin"; Goldstein 1.9, quad class 1; PLOVER CONSULT;
 *          flags: compound-source
 *
 * Widths are counted in code points, so non-ASCII names stay aligned.
 */
#include <stdio.h>
#include <string.h>

#include "coder/coder.h"
#include "coder/ontology.h"
#include "out/writer.h"
#include "text/utf8.h"

#define WIDTH 100

/* Appends s[0..n) padded or cut to `width` code points (cut text ends in "…"). */
static void cell(gesta_buf *out, const char *s, size_t n, int width, int pad) {
    if (!s) s = "", n = 0;
    int cps = 0;
    size_t i = 0, cut = 0;
    while (i < n) {
        if (cps == width - 1) cut = i;
        int32_t cp;
        size_t l = gesta_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l == 0) l = 1;
        i += l;
        cps++;
    }
    if (cps > width) {
        gesta_buf_append(out, s, cut);
        gesta_buf_puts(out, "\xE2\x80\xA6");
        cps = width;
    } else {
        gesta_buf_append(out, s, n);
    }
    if (pad)
        for (; cps < width; cps++) gesta_buf_putc(out, ' ');
}

static void cell_str(gesta_buf *out, const char *s, int width, int pad) {
    cell(out, s, s ? strlen(s) : 0, width, pad);
}

/* Flattens newlines and tabs so one record stays on its lines. */
static void put_flat(gesta_buf *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) gesta_buf_putc(out, s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i]);
}

/* Appends text wrapped at WIDTH, continuation lines indented by `indent` spaces;
 * `col` is the column where the text starts. */
static void wrapped(gesta_buf *out, const char *s, int col, int indent) {
    if (!s) return;
    while (*s) {
        while (*s == ' ') s++;
        const char *w = s;
        while (*s && *s != ' ') s++;
        int wl = 0;
        for (const char *p = w; p < s; p++) wl += ((unsigned char)*p & 0xC0) != 0x80;
        if (col > indent && col + 1 + wl > WIDTH) {
            gesta_buf_putc(out, '\n');
            for (col = 0; col < indent; col++) gesta_buf_putc(out, ' ');
        } else if (col > indent) {
            gesta_buf_putc(out, ' ');
            col++;
        }
        put_flat(out, w, (size_t)(s - w));
        col += wl;
    }
}

static int span_bytes(const gesta_doc *doc, const gesta_event *e, gesta_span sp, uint32_t *a, uint32_t *b) {
    if (sp.begin < 0 || sp.end <= sp.begin || e->sentence >= doc->nsent) return 0;
    const gesta_sent *s = &doc->sents[e->sentence];
    if ((uint32_t)sp.end > s->ntok) return 0;
    *a = doc->toks[s->tok0 + sp.begin].start;
    *b = doc->toks[s->tok0 + sp.end - 1].end;
    return *b >= *a && *b <= doc->len;
}

static void evidence(gesta_buf *out, const char *what, const gesta_evidence_ref *r, int *col) {
    if (!r->file) return;
    gesta_buf e = GESTA_BUF_INIT;
    const char *base = strrchr(r->file, '/');
    gesta_buf_printf(&e, "%s: %s:%u", what, base ? base + 1 : r->file, r->line);
    if (r->text) { /* dictionary lines carry padding: show the words only, cut to fit one line */
        const char *a = r->text, *b = r->text + strlen(r->text);
        while (a < b && (*a == ' ' || *a == '\t')) a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t')) b--;
        int room = WIDTH - 9 - (int)e.len - 3;
        if (b > a && room > 4) {
            gesta_buf_puts(&e, " \"");
            cell(&e, a, (size_t)(b - a), room, 0);
            gesta_buf_putc(&e, '"');
        }
    }
    int len = 0;
    for (size_t i = 0; i < e.len; i++) len += ((unsigned char)e.data[i] & 0xC0) != 0x80;
    if (*col > 9 && *col + 3 + len > WIDTH) {
        gesta_buf_puts(out, "\n         ");
        *col = 9;
    } else if (*col > 9) {
        gesta_buf_puts(out, "   ");
        *col += 3;
    }
    put_flat(out, e.data, e.len);
    *col += len;
    gesta_buf_free(&e);
}

static void write_event(gesta_buf *out, const gesta_doc *doc, const gesta_event *e, uint32_t i) {
    char num[32];
    snprintf(num, sizeof num, "%3u  %4u  ", i, e->sentence);
    gesta_buf_puts(out, num);
    cell_str(out, e->date[0] ? e->date : "-", 10, 1);
    gesta_buf_puts(out, "  ");
    cell_str(out, e->source && *e->source ? e->source : "-", 15, 1);
    gesta_buf_puts(out, "  ");
    cell_str(out, e->code, 4, 1);
    gesta_buf_puts(out, "  ");
    cell_str(out, e->target && *e->target ? e->target : "-", 15, 1);
    gesta_buf_puts(out, "  ");
    uint32_t a, b;
    gesta_buf vt = GESTA_BUF_INIT;
    if (span_bytes(doc, e, e->verb_span, &a, &b)) put_flat(&vt, doc->text + a, b - a);
    cell(out, vt.data, vt.len, WIDTH - 63, 0); /* the columns before take 63 */
    gesta_buf_free(&vt);
    gesta_buf_putc(out, '\n');
    /* evidence: the dictionary entries that fired */
    if (e->verb_ev.file || e->src_ev.file || e->tgt_ev.file) {
        int col = 9;
        gesta_buf_puts(out, "         ");
        evidence(out, "verb", &e->verb_ev, &col);
        evidence(out, "source", &e->src_ev, &col);
        evidence(out, "target", &e->tgt_ev, &col);
        gesta_buf_putc(out, '\n');
    }
    /* words, scores, flags */
    gesta_buf extra = GESTA_BUF_INIT;
    /* the ontology is built in (a static table: loading allocates nothing) */
    struct gesta_ontology *onto = NULL;
    gesta_code_info info;
    if (gesta_ontology_load(&onto, NULL) == GESTA_OK && gesta_ontology_event(onto, e->code, &info) && info.name)
        gesta_buf_printf(&extra, "%s;", info.name);
    if (span_bytes(doc, e, e->src_span, &a, &b)) {
        gesta_buf_puts(&extra, " source words: \"");
        put_flat(&extra, doc->text + a, b - a);
        gesta_buf_puts(&extra, "\";");
    }
    if (span_bytes(doc, e, e->tgt_span, &a, &b)) {
        gesta_buf_puts(&extra, " target words: \"");
        put_flat(&extra, doc->text + a, b - a);
        gesta_buf_puts(&extra, "\";");
    }
    if (e->quad_class) gesta_buf_printf(&extra, " Goldstein %.1f, quad class %d;", e->goldstein, e->quad_class);
    if (e->plover && *e->plover)
        gesta_buf_printf(&extra, " PLOVER %s%s%s;", e->plover, e->plover_mode && *e->plover_mode ? "/" : "",
                         e->plover_mode ? e->plover_mode : "");
    if (e->date_source && *e->date_source) gesta_buf_printf(&extra, " date from %s;", e->date_source);
    if (e->issues) gesta_buf_printf(&extra, " issues %s;", e->issues);
    if (e->has_place)
        gesta_buf_printf(&extra, " place %s (%s) %.3f,%.3f;", e->place_name ? e->place_name : "",
                         e->place_country ? e->place_country : "", e->lat, e->lon);
    int nf = 0;
    for (size_t k = 0; k < GESTA_EVENT_FLAG_COUNT; k++)
        if (e->flags & gesta_event_flags[k].bit)
            gesta_buf_printf(&extra, "%s%s", nf++ ? ", " : " flags: ", gesta_event_flags[k].name);
    if (e->dup_of >= 0) gesta_buf_printf(&extra, " (repeats event %d)", e->dup_of);
    if (e->dup_group) gesta_buf_printf(&extra, " event group %s", e->dup_group);
    if (extra.len) {
        if (extra.data[extra.len - 1] == ';') extra.data[--extra.len] = '\0';
        gesta_buf_puts(out, "         ");
        wrapped(out, extra.data, 9, 9);
        gesta_buf_putc(out, '\n');
    }
    gesta_buf_free(&extra);
}

static const char *plural(uint32_t n, const char *one, const char *many) { return n == 1 ? one : many; }

void gesta_write_table(gesta_buf *out, const gesta_doc *doc) {
    gesta_buf_puts(out, "== ");
    cell_str(out, doc->id, 50, 0);
    gesta_buf_printf(out, "  %s  %u %s, %u %s, %u %s\n", doc->date[0] ? doc->date : "(no date)", doc->nevent,
                     plural(doc->nevent, "event", "events"), doc->nquote, plural(doc->nquote, "quote", "quotes"),
                     doc->nflag, plural(doc->nflag, "flag", "flags"));
    if (doc->nevent) {
        gesta_buf_puts(out, "  #  sent  date        source           code  target           verb\n");
        for (uint32_t i = 0; i < doc->nevent; i++) write_event(out, doc, &doc->events[i], i);
    }
    for (uint32_t i = 0; i < doc->nquote; i++) {
        const gesta_quote *q = &doc->quotes[i];
        gesta_buf line = GESTA_BUF_INIT;
        gesta_buf_printf(&line, "quote (sentence %u, %s): ", q->sentence, q->direct ? "direct" : "indirect");
        gesta_buf_puts(&line, q->speaker && *q->speaker ? q->speaker : "(unknown speaker)");
        if (q->speaker_code && *q->speaker_code) gesta_buf_printf(&line, " [%s]", q->speaker_code);
        gesta_buf_puts(&line, ": \"");
        gesta_buf_puts(&line, q->quote ? q->quote : "");
        gesta_buf_putc(&line, '"');
        gesta_buf_puts(out, "  ");
        cell(out, line.data, line.len, WIDTH - 2, 0);
        gesta_buf_putc(out, '\n');
        gesta_buf_free(&line);
    }
    for (uint32_t i = 0; i < doc->nflag; i++) {
        const gesta_flag *f = &doc->flagrecs[i];
        gesta_buf line = GESTA_BUF_INIT;
        if (f->sentence >= 0) gesta_buf_printf(&line, "flag %s (sentence %d): ", f->kind ? f->kind : "", f->sentence);
        else gesta_buf_printf(&line, "flag %s: ", f->kind ? f->kind : "");
        gesta_buf_puts(&line, f->message ? f->message : "");
        gesta_buf_puts(out, "  ");
        wrapped(out, line.data, 2, 4);
        gesta_buf_putc(out, '\n');
        gesta_buf_free(&line);
    }
    gesta_buf_putc(out, '\n');
}
