#include <string.h>

#include "out/writer.h"

static const char *kind_name(int k) {
    return k == GESTA_UNIT_HEADING ? "heading" : k == GESTA_UNIT_BOILERPLATE ? "boilerplate" : "prose";
}

/* CoNLL-U text fields may not hold tabs or newlines; a token never does, but
 * "# text" is the sentence's raw span, which may cross a line break. */
static void put_oneline(gesta_buf *out, const char *s, size_t n) {
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
            gesta_buf_append(out, s + run, i - run);
            gesta_buf_putc(out, ' ');
            run = i + 1;
        }
    }
    gesta_buf_append(out, s + run, n - run);
}

void gesta_write_conllu(gesta_buf *out, const gesta_doc *doc, int all_units) {
    gesta_buf_printf(out, "# newdoc id = %s\n", doc->id);
    for (uint32_t si = 0; si < doc->nsent; si++) {
        const gesta_sent *s = &doc->sents[si];
        if (s->ntok == 0) continue;
        if (!all_units && s->kind == GESTA_UNIT_BOILERPLATE) continue;
        if (s->sent_id)
            gesta_buf_printf(out, "# sent_id = %s\n", s->sent_id);
        else
            gesta_buf_printf(out, "# sent_id = %s-%u\n", doc->id, si);
        if (s->kind != GESTA_UNIT_PROSE) gesta_buf_printf(out, "# unit = %s\n", kind_name(s->kind));
        gesta_buf_puts(out, "# text = ");
        put_oneline(out, doc->text + s->start, s->end - s->start);
        gesta_buf_putc(out, '\n');
        for (uint32_t k = 0; k < s->ntok; k++) {
            const gesta_tok *t = &doc->toks[s->tok0 + k];
            gesta_buf_printf(out, "%u\t", k + 1);
            put_oneline(out, t->form, strlen(t->form));
            gesta_buf_printf(out, "\t%s\t%s\t%s\t%s\t", t->lemma ? t->lemma : "_", gesta_upos_name(t->upos),
                             t->xpos ? t->xpos : "_", t->feats ? t->feats : "_");
            if (t->head >= 0) gesta_buf_printf(out, "%d", t->head); else gesta_buf_putc(out, '_');
            gesta_buf_printf(out, "\t%s\t_\t%s\n", t->deprel ? t->deprel : "_",
                             (t->flags & GESTA_TOK_NO_SPACE_AFTER) ? "SpaceAfter=No" : "_");
        }
        gesta_buf_putc(out, '\n');
    }
}
