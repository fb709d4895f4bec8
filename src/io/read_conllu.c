/*
 * CoNLL-U: "# newdoc" starts a document (without one, the whole file is one
 * document named after the file). The text is rebuilt from the FORMs: one space
 * between tokens unless MISC has SpaceAfter=No, a newline between sentences and
 * a blank line at "# newpar". Tokens keep the given columns; a sentence with a
 * malformed row is reported (FILE:LINE) and skipped as a whole.
 *
 * Multiword tokens ("1-2 don't" over "1 do", "2 n't"): the text holds the
 * surface form once and the document's tokens are the syntactic words (the
 * tree is over words). Each word gets its span inside the surface when the
 * words spell it out in order ("do"+"n't"); otherwise the first word gets the
 * whole surface span and the others an empty span at its end. SpaceAfter=No is
 * read from the range line. Empty nodes (8.1) of enhanced graphs are dropped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/reader_int.h"
#include "text/text.h"
#include "text/utf8.h"

typedef struct row {
    size_t off;       /* the line in conllu_state.rows_text */
    long line;
} row;

typedef struct conllu_state {
    gesta_doc *doc;           /* being built; NULL between documents */
    gesta_buf text;           /* its text so far */
    char *next_id;            /* id from a "# newdoc id" seen before the document began */
    long next_line;
    int have_newdoc;
    int newpar;               /* a "# newpar" came before the coming sentence */
    gesta_buf rows_text;      /* the current sentence's rows, NUL-separated */
    row *rows; size_t nrows, rows_cap;
    char *sent_id;
    long sent_line;
    int sent_bad;             /* a row was malformed: skip to the blank line */
    int oom;
} conllu_state;

static int conllu_start(gesta_reader *r, gesta_error *err) {
    conllu_state *st = calloc(1, sizeof *st);
    if (!st) return gesta_error_set(err, GESTA_ENOMEM, r->shown, 0, 0, "out of memory");
    r->state = st;
    return GESTA_OK;
}

static void conllu_close(gesta_reader *r) {
    conllu_state *st = r->state;
    if (!st) return;
    gesta_doc_free(st->doc);
    gesta_buf_free(&st->text);
    gesta_buf_free(&st->rows_text);
    free(st->rows);
    free(st->next_id);
    free(st->sent_id);
    free(st);
}

/* Splits a row at tabs into exactly 10 columns; returns how many there were. */
static int split10(char *s, char *col[10]) {
    int n = 0;
    col[n++] = s;
    for (char *p = s; *p; p++) {
        if (*p != '\t') continue;
        *p = '\0';
        if (n < 10) col[n] = p + 1;
        n++;
    }
    return n;
}

/* A whole non-negative decimal number in s, or -1. */
static long number(const char *s) {
    if (!*s) return -1;
    long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 100000000) return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

static int space_after_no(const char *misc) {
    for (const char *p = misc; (p = strstr(p, "SpaceAfter=No")) != NULL; p++)
        if ((p == misc || p[-1] == '|') && (p[13] == '\0' || p[13] == '|')) return 1;
    return 0;
}

static const char *dup_col(gesta_doc *d, const char *s) {
    return strcmp(s, "_") ? gesta_arena_strdup(d->arena, s) : NULL;
}

static int ensure_doc(gesta_reader *r, conllu_state *st, long line) {
    if (st->doc) return 0;
    const char *id = st->next_id ? st->next_id : r->base;
    st->doc = reader_new_doc(r, id, strlen(id), st->next_id ? st->next_line : line);
    if (!st->doc) return -1;
    free(st->next_id);
    st->next_id = NULL;
    if (r->opts.default_date) gesta_doc_set_date(st->doc, r->opts.default_date);
    st->doc->flags |= GESTA_DOC_PRETOKENIZED;
    gesta_buf_clear(&st->text);
    st->newpar = 0;
    return 0;
}

/* Validates the buffered sentence and appends it to the document. -1 on OOM. */
static int finish_sentence(gesta_reader *r, conllu_state *st) {
    int rc = 0;
    if (st->nrows == 0 || st->sent_bad) goto reset;
    /* first pass: check every row, count the words */
    char *col[10];
    long nwords = 0, mwt_end = 0;
    for (size_t i = 0; i < st->nrows; i++) {
        char *s = st->rows_text.data + st->rows[i].off;
        char tmp[64];
        int n = split10(s, col);
        long ln = st->rows[i].line;
        if (n != 10) {
            reader_bad(r, ln, 0, "expected 10 tab-separated columns, found %d; sentence skipped", n);
            goto reset;
        }
        snprintf(tmp, sizeof tmp, "%s", col[0]);
        char *dash = strchr(tmp, '-'), *dot = strchr(tmp, '.');
        if (dot) continue; /* empty node */
        if (dash) {
            *dash = '\0';
            long a = number(tmp), b = number(dash + 1);
            if (a != nwords + 1 || b <= a) {
                reader_bad(r, ln, 0, "bad multiword token range \"%s\"; sentence skipped", col[0]);
                goto reset;
            }
            mwt_end = b;
            continue;
        }
        long id = number(tmp);
        if (id != nwords + 1) {
            reader_bad(r, ln, 0, "word id \"%s\" out of sequence (expected %ld); sentence skipped", col[0], nwords + 1);
            goto reset;
        }
        if (!*col[1]) {
            reader_bad(r, ln, 0, "empty FORM; sentence skipped");
            goto reset;
        }
        nwords++;
    }
    if (mwt_end > nwords) {
        reader_bad(r, st->rows[st->nrows - 1].line, 0, "multiword token range ends past the last word; sentence skipped");
        goto reset;
    }
    for (size_t i = 0; i < st->nrows; i++) { /* heads, now that the word count is known */
        char *s = st->rows_text.data + st->rows[i].off;
        /* the columns are NUL-separated now: s is the ID column */
        if (strchr(s, '-') || strchr(s, '.')) continue;
        const char *head = s;
        for (int c = 0; c < 6; c++) head += strlen(head) + 1;
        if (!strcmp(head, "_")) continue;
        long h = number(head);
        if (h < 0 || h > nwords || h == number(s)) {
            reader_bad(r, st->rows[i].line, 0, "bad HEAD \"%s\" (the sentence has %ld words); sentence skipped", head, nwords);
            goto reset;
        }
    }
    if (nwords == 0) goto reset;
    if (ensure_doc(r, st, st->rows[0].line) < 0) { rc = -1; goto reset; }
    gesta_doc *d = st->doc;
    /* second pass: build the text and the tokens */
    if (d->nsent) gesta_buf_puts(&st->text, st->newpar ? "\n\n" : "\n");
    st->newpar = 0;
    gesta_sent *sent = gesta_doc_add_sent(d);
    if (!sent) { rc = -1; goto reset; }
    sent->tok0 = d->ntok;
    sent->start = (uint32_t)st->text.len;
    sent->sent_id = st->sent_id ? gesta_arena_strdup(d->arena, st->sent_id) : NULL;
    int all_heads = 1, any_tag = 0;
    long mwt_last = 0, mwt_first = 0;
    size_t mwt_start = 0, mwt_stop = 0, mwt_pos = 0;
    int mwt_nsa = 0;
    for (size_t i = 0; i < st->nrows; i++) {
        char *s = st->rows_text.data + st->rows[i].off;
        char *c[10];
        c[0] = s;
        for (int k = 1; k < 10; k++) c[k] = c[k - 1] + strlen(c[k - 1]) + 1;
        if (strchr(c[0], '.')) continue;
        char *dash = strchr(c[0], '-');
        if (dash) {
            mwt_last = number(dash + 1);
            mwt_first = strtol(c[0], NULL, 10); /* c[0] is "3-4" */
            mwt_start = st->text.len;
            gesta_buf_puts(&st->text, c[1]);
            mwt_stop = st->text.len;
            mwt_pos = mwt_start;
            mwt_nsa = space_after_no(c[9]);
            continue;
        }
        long id = number(c[0]);
        gesta_tok *t = gesta_doc_add_tok(d);
        if (!t) { rc = -1; goto reset; }
        t->form = gesta_arena_strdup(d->arena, c[1]);
        int nsa;
        if (id <= mwt_last) { /* a word inside a multiword token */
            size_t fl = strlen(c[1]);
            const char *surf = st->text.data ? st->text.data : "";
            if (mwt_pos + fl <= mwt_stop && strncasecmp(surf + mwt_pos, c[1], fl) == 0 &&
                (id < mwt_last || mwt_pos + fl == mwt_stop)) {
                t->start = (uint32_t)mwt_pos;
                t->end = (uint32_t)(mwt_pos + fl);
            } else if (mwt_pos == mwt_start) {
                t->start = (uint32_t)mwt_start;
                t->end = (uint32_t)mwt_stop;
            } else {
                t->start = t->end = (uint32_t)mwt_stop;
            }
            mwt_pos = t->end;
            nsa = id < mwt_last ? 1 : mwt_nsa;
            /* the later words of "don't" share its surface token (as the text layer marks them) */
            if (id > mwt_first) t->flags |= GESTA_TOK_JOINED;
        } else {
            t->start = (uint32_t)st->text.len;
            gesta_buf_puts(&st->text, c[1]);
            t->end = (uint32_t)st->text.len;
            nsa = space_after_no(c[9]);
        }
        int last = id == nwords;
        if (nsa) t->flags |= GESTA_TOK_NO_SPACE_AFTER;
        if (id == 1) t->flags |= GESTA_TOK_SENT_START;
        /* after the last word comes the sentence break, not a space */
        if (!last && !(id < mwt_last) && !nsa) gesta_buf_putc(&st->text, ' ');
        t->lemma = dup_col(d, c[2]);
        t->upos = (uint8_t)(strcmp(c[3], "_") ? gesta_upos_from_name(c[3]) : GESTA_UPOS_NONE);
        t->xpos = dup_col(d, c[4]);
        t->feats = dup_col(d, c[5]);
        t->head = strcmp(c[6], "_") ? (int32_t)number(c[6]) : -1;
        t->deprel = dup_col(d, c[7]);
        if (t->head < 0) all_heads = 0;
        if (t->upos || t->xpos || t->lemma) any_tag = 1;
    }
    sent->ntok = d->ntok - sent->tok0;
    sent->end = (uint32_t)st->text.len;
    sent->tagged = (uint8_t)any_tag;
    sent->parsed = (uint8_t)all_heads;
    sent->given_parse = (uint8_t)(any_tag || all_heads);
    if (st->text.oom) rc = -1;
reset:
    gesta_buf_clear(&st->rows_text);
    st->nrows = 0;
    st->sent_bad = 0;
    free(st->sent_id);
    st->sent_id = NULL;
    return rc;
}

/* Hands the finished document over. */
static int finish_doc(gesta_reader *r, conllu_state *st, gesta_doc **doc, gesta_error *err) {
    gesta_doc *d = st->doc;
    st->doc = NULL;
    if (gesta_doc_set_text(d, st->text.data ? st->text.data : "", st->text.len) < 0 ||
        gesta_text_normalize_tokens(d) < 0) {
        gesta_doc_free(d);
        return gesta_error_set(err, GESTA_ENOMEM, r->shown, r->line, 0, "out of memory");
    }
    gesta_buf_clear(&st->text);
    *doc = d;
    return GESTA_OK;
}

static int add_row(conllu_state *st, const char *line, size_t len, long ln) {
    if (st->nrows == st->rows_cap) {
        size_t nc = st->rows_cap ? st->rows_cap * 2 : 64;
        row *p = realloc(st->rows, nc * sizeof *p);
        if (!p) return -1;
        st->rows = p;
        st->rows_cap = nc;
    }
    st->rows[st->nrows].off = st->rows_text.len;
    st->rows[st->nrows].line = ln;
    st->nrows++;
    gesta_buf_append(&st->rows_text, line, len);
    gesta_buf_putc(&st->rows_text, '\0');
    return st->rows_text.oom ? -1 : 0;
}

static int conllu_next(gesta_reader *r, gesta_doc **doc, gesta_error *err) {
    conllu_state *st = r->state;
    const char *line;
    size_t len;
    int g;
    char *fixed = NULL;
    while ((g = reader_getline(r, &line, &len)) > 0) {
        free(fixed);
        fixed = NULL;
        if (r->line == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) { line += 3; len -= 3; }
        size_t nbad = gesta_utf8_count_invalid(line, len, NULL);
        if (nbad) { /* repair here so the rebuilt text and the offsets agree */
            fixed = malloc(3 * len + 1);
            if (!fixed) goto oom;
            size_t rep;
            len = gesta_utf8_repair(line, len, fixed, &rep);
            line = fixed;
        }
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t')) k++;
        if (k == len) { /* blank: the sentence ends */
            if (finish_sentence(r, st) < 0) goto oom;
            continue;
        }
        if (line[0] == '#') {
            if (st->nrows) { /* a comment inside a sentence ends it (lenient) */
                if (finish_sentence(r, st) < 0) goto oom;
            }
            const char *p = line + 1;
            while (*p == ' ') p++;
            if (!strncmp(p, "newdoc", 6) && (p[6] == '\0' || p[6] == ' ' || p[6] == '=')) {
                const char *v = p + 6;
                while (*v == ' ') v++;
                if (!strncmp(v, "id", 2)) { v += 2; while (*v == ' ') v++; if (*v == '=') v++; while (*v == ' ') v++; }
                else v = "";
                char idbuf[600];
                if (!*v) snprintf(idbuf, sizeof idbuf, "%s:%ld", r->base, r->line);
                else snprintf(idbuf, sizeof idbuf, "%s", v);
                free(st->next_id);
                st->next_id = strdup(idbuf);
                st->next_line = r->line;
                if (!st->next_id) goto oom;
                if (st->doc && st->doc->nsent) {
                    free(fixed);
                    return finish_doc(r, st, doc, err);
                }
                if (st->doc) { gesta_doc_free(st->doc); st->doc = NULL; }
            } else if (!strncmp(p, "newpar", 6)) {
                st->newpar = 1;
            } else if (!strncmp(p, "sent_id", 7)) {
                const char *v = p + 7;
                while (*v == ' ') v++;
                if (*v == '=') v++;
                while (*v == ' ') v++;
                free(st->sent_id);
                st->sent_id = strdup(v);
                if (!st->sent_id) goto oom;
            }
            continue;
        }
        if (st->sent_bad) continue;
        if (add_row(st, line, len, r->line) < 0) goto oom;
    }
    free(fixed);
    fixed = NULL;
    if (finish_sentence(r, st) < 0) goto oom;
    if (g < 0) return reader_ioerror(r, err);
    if (st->doc && st->doc->nsent) return finish_doc(r, st, doc, err);
    return GESTA_EOF;
oom:
    free(fixed);
    return gesta_error_set(err, GESTA_ENOMEM, r->shown, r->line, 0, "out of memory");
}

const reader_ops gesta_read_conllu_ops = {conllu_start, conllu_next, conllu_close};
