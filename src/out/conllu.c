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
    /* Every unit is written, boilerplate included (marked "# unit = boilerplate"),
     * so sentence numbers match the "sentence" field of gesta code's records and the
     * text can be rebuilt whole. all_units is kept for callers that ask explicitly. */
    (void)all_units;
    gesta_buf_printf(out, "# newdoc id = %s\n", doc->id);
    for (uint32_t si = 0; si < doc->nsent; si++) {
        const gesta_sent *s = &doc->sents[si];
        if (s->ntok == 0) continue;
        if (s->sent_id)
            gesta_buf_printf(out, "# sent_id = %s\n", s->sent_id);
        else
            gesta_buf_printf(out, "# sent_id = %s-%u\n", doc->id, si);
        if (s->kind != GESTA_UNIT_PROSE) gesta_buf_printf(out, "# unit = %s\n", kind_name(s->kind));
        if (s->kind == GESTA_UNIT_BOILERPLATE && s->boiler_why)
            gesta_buf_printf(out, "# boilerplate = %s\n", s->boiler_why);
        gesta_buf_puts(out, "# text = ");
        put_oneline(out, doc->text + s->start, s->end - s->start);
        gesta_buf_putc(out, '\n');
        const gesta_tok *t = doc->toks + s->tok0;
        for (uint32_t k = 0; k < s->ntok; k++) {
            /* Words that share one surface token ("do" + "n't" in "don't") are a
             * multiword token: a range line carries the surface form and SpaceAfter. */
            if (k + 1 < s->ntok && (t[k + 1].flags & GESTA_TOK_JOINED) && !(t[k].flags & GESTA_TOK_JOINED)) {
                uint32_t m = k + 1;
                while (m + 1 < s->ntok && (t[m + 1].flags & GESTA_TOK_JOINED)) m++;
                gesta_buf_printf(out, "%u-%u\t", k + 1, m + 1);
                if (t[m].end >= t[k].start)
                    put_oneline(out, doc->text + t[k].start, t[m].end - t[k].start);
                else
                    put_oneline(out, t[k].form, strlen(t[k].form));
                gesta_buf_printf(out, "\t_\t_\t_\t_\t_\t_\t_\t%s\n",
                                 (t[m].flags & GESTA_TOK_NO_SPACE_AFTER) ? "SpaceAfter=No" : "_");
            }
            gesta_buf_printf(out, "%u\t", k + 1);
            put_oneline(out, t[k].form, strlen(t[k].form));
            gesta_buf_printf(out, "\t%s\t%s\t%s\t%s\t", t[k].lemma ? t[k].lemma : "_", gesta_upos_name(t[k].upos),
                             t[k].xpos ? t[k].xpos : "_", t[k].feats ? t[k].feats : "_");
            if (t[k].head >= 0) gesta_buf_printf(out, "%d", t[k].head); else gesta_buf_putc(out, '_');
            int in_mwt = (t[k].flags & GESTA_TOK_JOINED) || (k + 1 < s->ntok && (t[k + 1].flags & GESTA_TOK_JOINED));
            gesta_buf_printf(out, "\t%s\t_\t%s\n", t[k].deprel ? t[k].deprel : "_",
                             !in_mwt && (t[k].flags & GESTA_TOK_NO_SPACE_AFTER) ? "SpaceAfter=No" : "_");
        }
        gesta_buf_putc(out, '\n');
    }
}
