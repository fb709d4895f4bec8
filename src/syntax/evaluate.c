/*
 * Evaluating the syntax model through the document API, the way the pipeline
 * uses it: gold tokens (each treebank sentence becomes a pre-tokenized
 * document) or raw text (each treebank document's text is rebuilt from its
 * "# text" comments and goes through the text layer first).
 */
#include <stdlib.h>
#include <string.h>

#include "syntax/model.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include "util/buf.h"

static const char *col(const char *line, int k, size_t *len) {
    const char *p = line;
    for (int i = 0; i < k && p; i++) {
        p = strchr(p, '\t');
        if (p) p++;
    }
    if (!p) { *len = 1; return "_"; }
    const char *e = strchr(p, '\t');
    *len = e ? (size_t)(e - p) : strlen(p);
    return p;
}

static int has_no_space(const char *misc, size_t n) {
    static const char key[] = "SpaceAfter=No";
    for (size_t i = 0; i + sizeof key - 1 <= n; i++)
        if (!memcmp(misc + i, key, sizeof key - 1)) return 1;
    return 0;
}

static void write_tok(FILE *out, int id, const gesta_tok *t, const char *misc, size_t misc_len) {
    fprintf(out, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%.*s\n", id, t->form, t->lemma ? t->lemma : "_",
            gesta_upos_name(t->upos), t->xpos ? t->xpos : "_", t->head < 0 ? 0 : t->head,
            t->deprel ? t->deprel : "_", (int)misc_len, misc);
}

int gesta_syntax_eval(const struct gesta_model *m, const gesta_tb *c, const gesta_vocab *v, gesta_syn_score *sc,
                      FILE *out) {
    memset(sc, 0, sizeof *sc);
    for (int k = 0; k < c->n; k++) {
        const gesta_tbsent *s = &c->s[k];
        size_t len = 0;
        for (int i = 0; i < s->n; i++) len += strlen(s->form[i]) + 1;
        char *text = malloc(len + 1), *p = text;
        if (!text) return GESTA_ENOMEM;
        for (int i = 0; i < s->n; i++) {
            size_t l = strlen(s->form[i]);
            memcpy(p, s->form[i], l);
            p += l;
            *p++ = ' ';
        }
        *p = '\0';
        gesta_doc *doc;
        int rc = gesta_doc_new(&doc, "eval", NULL, text, len, NULL);
        free(text);
        if (rc < 0) return rc;
        gesta_sent *st = gesta_doc_add_sent(doc);
        if (!st) { gesta_doc_free(doc); return GESTA_ENOMEM; }
        st->tok0 = 0;
        uint32_t off = 0;
        for (int i = 0; i < s->n; i++) {
            gesta_tok *t = gesta_doc_add_tok(doc);
            if (!t) { gesta_doc_free(doc); return GESTA_ENOMEM; }
            uint32_t l = (uint32_t)strlen(s->form[i]);
            t->start = off;
            t->end = off + l;
            off += l + 1;
            t->form = t->norm = gesta_arena_strdup(doc->arena, s->form[i]);
            t->head = -1;
        }
        st = &doc->sents[0];
        st->ntok = (uint32_t)s->n;
        st->end = off;
        doc->flags |= GESTA_DOC_PRETOKENIZED | GESTA_DOC_SEGMENTED;
        if ((rc = gesta_syntax_run(m, doc, 0)) < 0) { gesta_doc_free(doc); return rc; }
        for (int i = 0; i < s->n; i++) {
            const gesta_tok *t = &doc->toks[i];
            sc->words++;
            if (s->tag[i] >= 0) {
                const char *g = v->tag_name[s->tag[i]], *tab = strchr(g, '\t');
                sc->upos += !strncmp(g, gesta_upos_name(t->upos), (size_t)(tab - g)) &&
                            strlen(gesta_upos_name(t->upos)) == (size_t)(tab - g);
                sc->xpos += t->xpos && !strcmp(tab + 1, t->xpos);
            }
            if (t->head == s->head[i]) {
                sc->uas++;
                if (s->lab[i] >= 0 && t->deprel) {
                    const char *g = v->lab_name[s->lab[i]];
                    size_t gl = strcspn(g, ":"), pl = strcspn(t->deprel, ":");
                    sc->las += !strcmp(g, t->deprel);
                    sc->las_u += gl == pl && !strncmp(g, t->deprel, gl);
                }
            }
            /* a gold lemma "_" (unannotated) counts as right, as in the CoNLL 2018 scorer */
            sc->lemma += !s->lemma[i] || !strcmp(s->lemma[i], "_") || (t->lemma && !strcmp(t->lemma, s->lemma[i]));
        }
        if (out) {
            for (int li = 0; li < s->nline; li++) {
                int wi = s->line_word[li];
                if (wi < 0) {
                    fprintf(out, "%s\n", s->line[li]);
                    continue;
                }
                size_t ml;
                const char *misc = col(s->line[li], 9, &ml);
                write_tok(out, wi + 1, &doc->toks[wi], misc, ml);
            }
            fputc('\n', out);
        }
        gesta_doc_free(doc);
    }
    return GESTA_OK;
}

/* ---- raw text ----------------------------------------------------------- */

static int run_raw_doc(const struct gesta_model *m, gesta_buf *text, int ndoc, FILE *out) {
    if (!text->len) return GESTA_OK;
    gesta_doc *doc;
    char id[32];
    snprintf(id, sizeof id, "doc%d", ndoc);
    int rc = gesta_doc_new(&doc, id, NULL, text->data, text->len, NULL);
    if (rc < 0) return rc;
    if ((rc = gesta_text_segment(doc)) < 0 || (rc = gesta_syntax_run(m, doc, 0)) < 0) {
        gesta_doc_free(doc);
        return rc;
    }
    for (uint32_t i = 0; i < doc->nsent; i++) {
        const gesta_sent *s = &doc->sents[i];
        if (!s->ntok) continue;
        fprintf(out, "# sent_id = %s-%u\n", id, i + 1);
        for (uint32_t j = 0; j < s->ntok; j++) {
            const gesta_tok *t = &doc->toks[s->tok0 + j];
            int nsa = (t->flags & GESTA_TOK_NO_SPACE_AFTER) != 0;
            write_tok(out, (int)j + 1, t, nsa ? "SpaceAfter=No" : "_", nsa ? 13 : 1);
        }
        fputc('\n', out);
    }
    gesta_doc_free(doc);
    gesta_buf_clear(text);
    return GESTA_OK;
}

int gesta_syntax_eval_raw(const struct gesta_model *m, const gesta_tb *c, FILE *out) {
    gesta_buf text = GESTA_BUF_INIT;
    int ndoc = 0, rc = GESTA_OK;
    for (int k = 0; k < c->n && rc == GESTA_OK; k++) {
        const gesta_tbsent *s = &c->s[k];
        const char *sent_text = NULL;
        int newdoc = 0, newpar = 0;
        for (int li = 0; li < s->nline; li++) {
            const char *l = s->line[li];
            if (!strncmp(l, "# newdoc", 8)) newdoc = 1;
            else if (!strncmp(l, "# newpar", 8)) newpar = 1;
            else if (!strncmp(l, "# text = ", 9)) sent_text = l + 9;
        }
        if (newdoc) rc = run_raw_doc(m, &text, ++ndoc, out);
        if (text.len) gesta_buf_puts(&text, newpar ? "\n\n" : " ");
        if (sent_text) {
            gesta_buf_puts(&text, sent_text);
        } else {  /* no text comment: the words, spaced as SpaceAfter says */
            for (int li = 0; li < s->nline; li++) {
                if (s->line_word[li] < 0) continue;
                size_t ml;
                const char *misc = col(s->line[li], 9, &ml);
                gesta_buf_puts(&text, s->form[s->line_word[li]]);
                if (!has_no_space(misc, ml)) gesta_buf_putc(&text, ' ');
            }
        }
    }
    if (rc == GESTA_OK) rc = run_raw_doc(m, &text, ++ndoc, out);
    gesta_buf_free(&text);
    return rc;
}
