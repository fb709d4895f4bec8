/* The CoNLL-U scorer (src/eval/conllu_score.c): character alignment, multiword
 * tokens, sentences, tags and heads; raw-text rebuilding and gold tokenisation. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "eval/conllu_score.h"
#include "text/text.h"

static const char gold_txt[] =
    "# newdoc id = d1\n# newpar\n# sent_id = s1\n# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
    "# sent_id = s2\n# text = Yes.\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct:x\t_\t_\n\n"
    "# newpar\n# sent_id = s3\n# text = Go home\n"
    "1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "2\thome\thome\tADV\tRB\t_\t1\tadvmod\t_\t_\n\n";

/* one sentence, "don't" as two tokens, "know" a NOUN, heads partly wrong */
static const char sys_txt[] =
    "# text = I don't know. Yes.\n"
    "1\tI\t_\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2\tdo\t_\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\t_\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\t_\tNOUN\tNN\t_\t0\troot\t_\t_\n"
    "5\t.\t_\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "6\tYes\t_\tINTJ\tUH\t_\t4\tparataxis\t_\t_\n"
    "7\t.\t_\tPUNCT\t.\t_\t6\tpunct\t_\t_\n\n"
    "# text = Go home\n"
    "1\tGo\t_\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "2\thome\t_\tADV\tRB\t_\t1\tadvmod:foo\t_\t_\n\n";

static char *write_tmp(const char *text) {
    char *p = strdup("/tmp/gesta-cu-XXXXXX");
    int fd = mkstemp(p);
    if (fd < 0) return p;
    size_t n = strlen(text);
    if (write(fd, text, n) != (ssize_t)n) CHECK(0);
    close(fd);
    return p;
}

#define NEAR(a, b) CHECK((a) > (b) - 0.01 && (a) < (b) + 0.01)

int main(void) {
    char *gp = write_tmp(gold_txt), *sp = write_tmp(sys_txt);
    gesta_cu_corpus *gold = NULL, *sys = NULL;
    size_t nbad = 0;
    gesta_error err = {0};
    CHECK_INT(gesta_cu_read(gp, &gold, &nbad, &err), GESTA_OK);
    CHECK_INT(gesta_cu_read(sp, &sys, &nbad, &err), GESTA_OK);
    CHECK_INT(nbad, 0);
    if (!gold || !sys) return check_done();
    CHECK_INT(gold->nsents, 3);
    CHECK_INT(gold->nitems, 10);

    /* gold against itself: everything 100 */
    gesta_cu_scores s;
    CHECK_INT(gesta_cu_score(gold, gold, &s), GESTA_OK);
    NEAR(s.tokens.f, 100);
    NEAR(s.sentences.f, 100);
    NEAR(s.las.f, 100);
    NEAR(s.lemmas.f, 100);

    CHECK_INT(gesta_cu_score(gold, sys, &s), GESTA_OK);
    CHECK_INT(s.gold_chars, s.sys_chars);
    /* tokens: gold I don't know . Yes . Go home (8); system 9, 7 shared */
    CHECK_INT(s.tokens.gold, 8);
    CHECK_INT(s.tokens.sys, 9);
    CHECK_INT(s.tokens.correct, 7);
    NEAR(s.tokens.p, 100.0 * 7 / 9);
    NEAR(s.tokens.r, 100.0 * 7 / 8);
    /* words: do and n't sit inside a multiword token in gold only */
    CHECK_INT(s.words.gold, 9);
    CHECK_INT(s.words.sys, 9);
    CHECK_INT(s.words.correct, 7);
    /* sentences: only "Go home" matches */
    CHECK_INT(s.sentences.gold, 3);
    CHECK_INT(s.sentences.sys, 2);
    CHECK_INT(s.sentences.correct, 1);
    /* UPOS: 6 of the 7 aligned words (know is wrong) */
    CHECK_INT(s.upos.correct, 6);
    NEAR(s.upos.aligned_acc, 100.0 * 6 / 7);
    NEAR(s.upos.f, 100.0 * 6 / 9);
    /* lemmas: the system has none; gold lemmas are never "_" here */
    CHECK_INT(s.lemmas.correct, 0);
    /* heads: I→know wrong (gold: I→know? gold head 3 is n't... ) — count directly:
     * I: gold head id 3 (n't, inside the MWT), system 4 (know): wrong;
     * know: root both: right; "." → know both: right; Yes: gold root, sys → know: wrong;
     * "." → Yes both: right; Go root: right; home → Go: right (relation subtype ignored). */
    CHECK_INT(s.uas.correct, 5);
    CHECK_INT(s.las.correct, 5);

    /* raw documents: sentences of a paragraph joined by a space, paragraphs by a blank line */
    gesta_cu_rawdoc *docs;
    size_t nd;
    CHECK_INT(gesta_cu_rawdocs(gold, &docs, &nd), GESTA_OK);
    CHECK_INT(nd, 1);
    CHECK_STR(docs[0].id, "d1");
    CHECK_STR(docs[0].text, "I don't know. Yes.\n\nGo home");

    /* gold tokenisation as a document: offsets, multiword tokens */
    gesta_doc *d;
    size_t mis = 0;
    CHECK_INT(gesta_cu_pretok_doc(gold, &docs[0], &d, &mis), GESTA_OK);
    CHECK_INT(mis, 0);
    CHECK(d->flags & GESTA_DOC_PRETOKENIZED);
    CHECK_INT(d->nsent, 3);
    CHECK_INT(d->ntok, 9);
    CHECK_STR(d->toks[1].form, "do");
    CHECK_INT(d->toks[1].start, 2);
    CHECK_INT(d->toks[1].end, 4);
    CHECK_INT(d->toks[2].start, 4);
    CHECK_INT(d->toks[2].end, 7);
    CHECK(d->toks[2].flags & GESTA_TOK_JOINED);
    CHECK_STR(d->toks[2].norm, "n't");
    CHECK_INT(d->sents[2].start, 20);
    /* and back: the document as a system corpus scores 100 on tokens and words */
    gesta_cu_corpus *back = gesta_cu_new();
    CHECK_INT(gesta_cu_add_doc(back, d), GESTA_OK);
    CHECK_INT(gesta_cu_score(gold, back, &s), GESTA_OK);
    NEAR(s.tokens.f, 100);
    NEAR(s.words.f, 100);
    NEAR(s.sentences.f, 100);
    gesta_doc_free(d);
    gesta_cu_free(back);

    /* the text layer on the raw text: the same tokens and sentences */
    CHECK_INT(gesta_doc_new(&d, "d1", NULL, docs[0].text, docs[0].len, NULL), GESTA_OK);
    CHECK_INT(gesta_text_segment(d), GESTA_OK);
    back = gesta_cu_new();
    CHECK_INT(gesta_cu_add_doc(back, d), GESTA_OK);
    CHECK_INT(gesta_cu_score(gold, back, &s), GESTA_OK);
    NEAR(s.tokens.f, 100);
    NEAR(s.words.f, 100);
    NEAR(s.sentences.f, 100);
    /* written out, it reads back the same */
    gesta_buf b = GESTA_BUF_INIT;
    gesta_cu_write(back, &b);
    CHECK(b.data && strstr(b.data, "2-3\tdon't\t") != NULL);
    char *wp = write_tmp(b.data ? b.data : "");
    gesta_cu_corpus *again = NULL;
    CHECK_INT(gesta_cu_read(wp, &again, &nbad, &err), GESTA_OK);
    if (again) {
        CHECK_INT(gesta_cu_score(gold, again, &s), GESTA_OK);
        NEAR(s.tokens.f, 100);
    }
    gesta_buf_clear(&b);
    gesta_cu_print_errors(gold, sys, 10, &b);
    CHECK(b.data && strstr(b.data, "token  gold: don't  |  system: do n't") != NULL);
    CHECK(b.data && strstr(b.data, "sentence missed") != NULL);
    gesta_buf_free(&b);
    gesta_cu_free(again);
    gesta_cu_free(back);
    gesta_doc_free(d);
    free(docs);

    /* a malformed line is counted and skipped; a missing file is an error */
    char *bp = write_tmp("# text = a b\n1\ta\n2\tb\t_\tX\t_\t_\t0\troot\t_\t_\n\n");
    gesta_cu_corpus *bad = NULL;
    CHECK_INT(gesta_cu_read(bp, &bad, &nbad, &err), GESTA_OK);
    CHECK_INT(nbad, 1);
    CHECK_INT(err.line, 2);
    gesta_cu_free(bad);
    CHECK_INT(gesta_cu_read("/nonexistent/x.conllu", &bad, &nbad, &err), GESTA_EIO);

    unlink(gp); unlink(sp); unlink(wp); unlink(bp);
    free(gp); free(sp); free(wp); free(bp);
    gesta_cu_free(gold);
    gesta_cu_free(sys);
    return check_done();
}
