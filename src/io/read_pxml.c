/*
 * PETRARCH / UniversalPetrarch sentence XML, read with a small lenient scanner
 * rather than an XML parser, because real files are not well-formed: some
 * self-close <Sentence .../> and then close it again with </Sentence>, and a
 * broken record must not lose the rest of the file. The reading matches
 * ../shared/tools/petrxml.py: comments are dropped, each <Sentence> up to its
 * </Sentence> is one record, attributes are name="v" or name='v'.
 *
 * Each <Sentence id= date= category=> becomes a document: the <Text>
 * (whitespace collapsed, entities decoded), the <Parse> (Penn bracketing →
 * doc->given_penn, CoNLL-U rows → doc->given_conllu), and the expectations of
 * its <EventCoding> elements (gold events, noevents, error). <Environment>
 * children become reader environment values resolved beside the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/reader_int.h"
#include "text/utf8.h"

typedef struct pxml_state {
    gesta_buf xml;
    size_t pos;            /* where the scan for the next <Sentence> resumes */
    size_t line_off;       /* line-number cursor: xml[line_off] is on line line_no */
    long line_no;
    int no_dyad;           /* the last <Config option="require_dyad"> said false */
} pxml_state;

static long line_of(pxml_state *st, size_t off) {
    const char *x = st->xml.data;
    if (off >= st->line_off) {
        for (size_t i = st->line_off; i < off; i++) st->line_no += x[i] == '\n';
    } else {
        for (size_t i = off; i < st->line_off; i++) st->line_no -= x[i] == '\n';
    }
    st->line_off = off;
    return st->line_no;
}

/* Finds needle in x[from..to), or returns to. */
static size_t find(const char *x, size_t from, size_t to, const char *needle) {
    size_t n = strlen(needle);
    if (from >= to || to - from < n) return to;
    const char *p = reader_memmem(x + from, to - from, needle, n);
    return p ? (size_t)(p - x) : to;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_name(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == ':' || c == '.';
}

/* Finds the next start tag <name ...> with exactly that name in x[from..to);
 * returns its '<' or to. */
static size_t find_tag(const char *x, size_t from, size_t to, const char *name) {
    char open[64];
    snprintf(open, sizeof open, "<%s", name);
    size_t n = strlen(open);
    for (size_t p = from;; p += n) {
        p = find(x, p, to, open);
        if (p >= to) return to;
        char c = p + n < to ? x[p + n] : '\0';
        if (is_space(c) || c == '>' || c == '/') return p;
    }
}

/* The end of a start tag beginning at x[p] == '<': the offset just past '>',
 * or 0 when the tag is broken (a '<' or the end comes first). *selfclose set for "/>". */
static size_t tag_end(const char *x, size_t p, size_t to, int *selfclose) {
    char quote = 0;
    for (size_t i = p + 1; i < to; i++) {
        char c = x[i];
        if (quote) {
            if (c == quote) quote = 0;
            else if (c == '<') return 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '<') {
            return 0;
        } else if (c == '>') {
            *selfclose = x[i - 1] == '/';
            return i + 1;
        }
    }
    return 0;
}

/* Decodes XML entities of s[0..n) into out (appending). */
static void decode(gesta_buf *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '&') { gesta_buf_putc(out, s[i]); continue; }
        const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
        if (!semi) { gesta_buf_putc(out, '&'); continue; }
        size_t el = (size_t)(semi - (s + i)) - 1; /* name length */
        const char *e = s + i + 1;
        const char *rep = NULL;
        char u8[5];
        if (el == 3 && !memcmp(e, "amp", 3)) rep = "&";
        else if (el == 2 && !memcmp(e, "lt", 2)) rep = "<";
        else if (el == 2 && !memcmp(e, "gt", 2)) rep = ">";
        else if (el == 4 && !memcmp(e, "quot", 4)) rep = "\"";
        else if (el == 4 && !memcmp(e, "apos", 4)) rep = "'";
        else if (el >= 2 && e[0] == '#') {
            long cp = 0;
            int hex = e[1] == 'x' || e[1] == 'X', ok = 1;
            for (size_t k = hex ? 2 : 1; k < el && ok; k++) {
                char c = e[k];
                int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0 || cp > 0x10FFFF) ok = 0;
                else cp = cp * (hex ? 16 : 10) + d;
            }
            if (ok && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                u8[gesta_utf8_encode((int32_t)cp, u8)] = '\0';
                rep = u8;
            }
        }
        if (!rep) { gesta_buf_putc(out, '&'); continue; }
        gesta_buf_puts(out, rep);
        i += el + 1;
    }
}

/* The value of attribute `name` in the tag text x[from..to) → out (decoded). 1 found, 0 not. */
static int attr(const char *x, size_t from, size_t to, const char *name, gesta_buf *out) {
    size_t nl = strlen(name);
    size_t i = from + 1;
    while (i < to && is_name(x[i])) i++; /* the element name */
    while (i < to) {
        while (i < to && !is_name(x[i])) {
            if (x[i] == '"' || x[i] == '\'') { /* stray quoted text: skip it */
                const char *q = memchr(x + i + 1, x[i], to - i - 1);
                i = q ? (size_t)(q - x) + 1 : to;
            } else {
                i++;
            }
        }
        size_t ns = i;
        while (i < to && is_name(x[i])) i++;
        size_t ne = i;
        while (i < to && is_space(x[i])) i++;
        if (i >= to || x[i] != '=') continue;
        i++;
        while (i < to && is_space(x[i])) i++;
        size_t vs, ve;
        if (i < to && (x[i] == '"' || x[i] == '\'')) {
            const char *q = memchr(x + i + 1, x[i], to - i - 1);
            vs = i + 1;
            ve = q ? (size_t)(q - x) : to;
            i = q ? ve + 1 : to;
        } else {
            vs = i;
            while (i < to && !is_space(x[i]) && x[i] != '>' && x[i] != '/') i++;
            ve = i;
        }
        if (ne - ns == nl && !memcmp(x + ns, name, nl)) {
            gesta_buf_clear(out);
            decode(out, x + vs, ve - vs);
            gesta_buf_putc(out, '\0');
            out->len--;
            return 1;
        }
    }
    return 0;
}

/* The content of the first <name>...</name> in x[from..to): *cs, *ce; 0 when absent. */
static int element(const char *x, size_t from, size_t to, const char *name, size_t *cs, size_t *ce) {
    size_t p = find_tag(x, from, to, name);
    if (p >= to) return 0;
    int sc = 0;
    size_t s = tag_end(x, p, to, &sc);
    if (!s) return 0;
    if (sc) { *cs = *ce = s; return 1; }
    char close[64];
    snprintf(close, sizeof close, "</%s", name);
    size_t e = find(x, s, to, close);
    if (e >= to) return 0;
    *cs = s;
    *ce = e;
    return 1;
}

/* Blanks comments (keeping newlines, so line numbers stay right). */
static void strip_comments(gesta_reader *r, pxml_state *st) {
    char *x = st->xml.data;
    size_t n = st->xml.len;
    for (size_t p = 0; (p = find(x, p, n, "<!--")) < n;) {
        size_t e = find(x, p + 4, n, "-->");
        if (e >= n) {
            reader_bad(r, line_of(st, p), 0, "comment not closed");
            e = n;
        } else {
            e += 3;
        }
        for (size_t i = p; i < e; i++)
            if (x[i] != '\n') x[i] = ' ';
        p = e;
    }
}

static void read_environment(gesta_reader *r, pxml_state *st) {
    const char *x = st->xml.data;
    size_t cs, ce;
    if (!element(x, 0, st->xml.len, "Environment", &cs, &ce)) return;
    gesta_buf v = GESTA_BUF_INIT;
    for (size_t p = cs; (p = find(x, p, ce, "<")) < ce;) {
        size_t ns = p + 1, ne = ns;
        while (ne < ce && is_name(x[ne])) ne++;
        int sc = 0;
        size_t s = tag_end(x, p, ce, &sc);
        if (ne == ns || !s || sc || x[ns] == '/') { p++; continue; }
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(ne - ns), x + ns);
        size_t e = find(x, s, ce, "</");
        gesta_buf_clear(&v);
        size_t a = s, b = e;
        while (a < b && is_space(x[a])) a++;
        while (b > a && is_space(x[b - 1])) b--;
        decode(&v, x + a, b - a);
        gesta_buf_putc(&v, '\0');
        if (v.data && v.data[0] && strchr(name, 'f') && !gesta_reader_environment(r, name))
            reader_set_env(r, name, v.data); /* the *file entries */
        p = e < ce ? e + 2 : ce;
    }
    gesta_buf_free(&v);
}

static int pxml_start(gesta_reader *r, gesta_error *err) {
    pxml_state *st = calloc(1, sizeof *st);
    if (!st) return gesta_error_set(err, GESTA_ENOMEM, r->shown, 0, 0, "out of memory");
    r->state = st;
    st->line_no = 1;
    if (reader_slurp(r, &st->xml) < 0) return reader_ioerror(r, err);
    strip_comments(r, st);
    read_environment(r, st);
    return GESTA_OK;
}

static void pxml_close(gesta_reader *r) {
    pxml_state *st = r->state;
    if (!st) return;
    gesta_buf_free(&st->xml);
    free(st);
}

/* Appends s[0..n) with runs of whitespace collapsed to one space, trimmed. */
static void collapse(gesta_buf *out, const char *s, size_t n) {
    int pending = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_space(s[i])) { pending = out->len > 0; continue; }
        if (pending) gesta_buf_putc(out, ' ');
        pending = 0;
        gesta_buf_putc(out, s[i]);
    }
}

/* petrxml.py's clean(): trim whitespace, then quote characters, from both ends. */
static const char *clean_code(gesta_doc *d, const char *s) {
    size_t a = 0, b = strlen(s);
    while (a < b && is_space(s[a])) a++;
    while (b > a && is_space(s[b - 1])) b--;
    while (a < b && (s[a] == '"' || s[a] == '\'')) a++;
    while (b > a && (s[b - 1] == '"' || s[b - 1] == '\'')) b--;
    return gesta_arena_strndup(d->arena, s + a, b - a);
}

/* Builds one record's document from the tag at [tag, tag_stop) and the body [bs, be).
 * NULL with *oom = 0: malformed (reported). */
static gesta_doc *record(gesta_reader *r, pxml_state *st, size_t tag, size_t tag_stop, size_t bs, size_t be, int *oom) {
    const char *x = st->xml.data;
    long line = line_of(st, tag);
    gesta_buf v = GESTA_BUF_INIT, t = GESTA_BUF_INIT;
    gesta_doc *d = NULL;
    size_t cs, ce;
    if (!attr(x, tag, tag_stop, "id", &v) || !v.data[0]) {
        reader_bad(r, line, 0, "<Sentence> without an id attribute; record skipped");
        goto fail;
    }
    if (!element(x, bs, be, "Text", &cs, &ce)) {
        reader_bad(r, line, 0, "<Sentence id=\"%.80s\"> has no <Text>...</Text>; record skipped", v.data);
        goto fail;
    }
    d = reader_new_doc(r, v.data, v.len, line);
    if (!d) goto oom;
    gesta_buf raw = GESTA_BUF_INIT;
    decode(&raw, x + cs, ce - cs);
    collapse(&t, raw.data ? raw.data : "", raw.len);
    gesta_buf_free(&raw);
    if (gesta_doc_set_text(d, t.data ? t.data : "", t.len) < 0) goto oom;
    if (attr(x, tag, tag_stop, "date", &v) && v.data[0]) {
        if (gesta_doc_set_date(d, v.data) < 0) {
            reader_bad(r, line, 0, "<Sentence id=\"%.80s\">: bad date \"%.20s\" (want YYYYMMDD); record skipped", d->id,
                       v.data);
            goto fail;
        }
    } else if (r->opts.default_date) {
        gesta_doc_set_date(d, r->opts.default_date);
    }
    if (attr(x, tag, tag_stop, "category", &v) && !(d->category = gesta_arena_strdup(d->arena, v.data))) goto oom;
    if (element(x, bs, be, "Parse", &cs, &ce)) {
        gesta_buf_clear(&t);
        decode(&t, x + cs, ce - cs);
        gesta_buf_putc(&t, '\0');
        const char *p = t.data;
        while (is_space(*p)) p++;
        size_t n = strlen(p);
        while (n && is_space(p[n - 1])) n--;
        if (n && p[0] == '(') {
            if (!(d->given_penn = gesta_arena_strndup(d->arena, p, n))) goto oom;
        } else if (n && memchr(p, '\t', n)) {
            if (!(d->given_conllu = gesta_arena_strndup(d->arena, p, n))) goto oom;
        }
    }
    for (size_t p = bs; (p = find_tag(x, p, be, "EventCoding")) < be; p++) {
        int sc;
        size_t e = tag_end(x, p, be, &sc);
        if (!e) {
            reader_bad(r, line_of(st, p), 0, "broken <EventCoding> tag; record skipped");
            goto fail;
        }
        d->has_gold = 1;
        if (attr(x, p, e, "error", &v)) { d->gold_error = 1; continue; }
        if (attr(x, p, e, "noevents", &v)) { d->gold_noevents = 1; continue; }
        gesta_gold_event g;
        g.source = attr(x, p, e, "sourcecode", &v) ? clean_code(d, v.data) : "";
        g.target = attr(x, p, e, "targetcode", &v) ? clean_code(d, v.data) : "";
        g.code = attr(x, p, e, "eventcode", &v) ? clean_code(d, v.data) : "";
        if (!g.source || !g.target || !g.code) goto oom;
        gesta_gold_event *ng = gesta_arena_grow(d->arena, d->gold, d->ngold, d->ngold + 1, sizeof *ng);
        if (!ng) goto oom;
        d->gold = ng;
        d->gold[d->ngold++] = g;
    }
    gesta_buf_free(&v);
    gesta_buf_free(&t);
    return d;
oom:
    *oom = 1;
fail:
    gesta_buf_free(&v);
    gesta_buf_free(&t);
    gesta_doc_free(d);
    return NULL;
}

/* <Config option="require_dyad" value="..."> elements between records switch
 * PETRARCH's dyad requirement for the records after them (other options are
 * not used by gesta). Reads those in x[from, to). */
static void read_config(pxml_state *st, size_t from, size_t to) {
    const char *x = st->xml.data;
    for (size_t p = find_tag(x, from, to, "Config"); p < to; p = find_tag(x, p + 7, to, "Config")) {
        int sc = 0;
        size_t e = tag_end(x, p, to, &sc);
        if (!e) break;
        gesta_buf opt = GESTA_BUF_INIT, val = GESTA_BUF_INIT;
        if (attr(x, p, e, "option", &opt) && attr(x, p, e, "value", &val) && opt.data && val.data &&
            !strcmp(opt.data, "require_dyad")) {
            if (!strcasecmp(val.data, "false")) st->no_dyad = 1;
            else if (!strcasecmp(val.data, "true")) st->no_dyad = 0;
        }
        gesta_buf_free(&opt);
        gesta_buf_free(&val);
    }
}

static int pxml_next(gesta_reader *r, gesta_doc **doc, gesta_error *err) {
    pxml_state *st = r->state;
    const char *x = st->xml.data;
    size_t n = st->xml.len;
    while (st->pos < n) {
        size_t p = find_tag(x, st->pos, n, "Sentence");
        read_config(st, st->pos, p < n ? p : n);
        if (p >= n) { st->pos = n; break; }
        int sc = 0;
        size_t bs = tag_end(x, p, n, &sc);
        if (!bs) {
            reader_bad(r, line_of(st, p), 0, "broken <Sentence> tag; record skipped");
            st->pos = p + 9;
            continue;
        }
        /* the record ends at </Sentence>, or (unclosed) where the next one starts */
        size_t next = find_tag(x, bs, n, "Sentence");
        size_t close = find(x, bs, next, "</Sentence>");
        size_t be;
        if (close < next) {
            be = close;
            st->pos = close + 11;
        } else {
            be = next;
            st->pos = next;
            size_t end_all = find(x, bs, next, "</Sentences>");
            if (end_all < be) be = end_all;
            if (!sc) {
                reader_bad(r, line_of(st, p), 0, "<Sentence> not closed by </Sentence>; record skipped");
                continue;
            }
        }
        int oom = 0;
        gesta_doc *d = record(r, st, p, bs, bs, be, &oom);
        if (oom) return gesta_error_set(err, GESTA_ENOMEM, r->shown, line_of(st, p), 0, "out of memory");
        if (!d) continue;
        d->no_dyad = (uint8_t)st->no_dyad;
        *doc = d;
        return GESTA_OK;
    }
    return GESTA_EOF;
}

const reader_ops gesta_read_pxml_ops = {pxml_start, pxml_next, pxml_close};
