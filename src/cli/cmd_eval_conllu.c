/*
 * gesta eval for CoNLL-U (docs/EVAL.md):
 *   gesta eval GOLD.conllu SYSTEM.conllu      score a system file
 *   gesta eval --raw GOLD.conllu              rebuild the raw text, run gesta on it, score
 *   gesta eval --gold-tok GOLD.conllu         gold sentences and tokens, gesta's tags and trees
 * Prints a table (or --json); --write-system FILE keeps what gesta produced;
 * --show-errors N lists token and sentence disagreements on stderr.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "eval/conllu_score.h"

int cmd_eval_conllu(int argc, char **argv);

static void row(const char *name, const gesta_cu_prf *m, int acc) {
    if (acc)
        printf("%-10s | %9.2f | %9.2f | %9.2f | %9.2f\n", name, m->p, m->r, m->f, m->aligned_acc);
    else
        printf("%-10s | %9.2f | %9.2f | %9.2f |\n", name, m->p, m->r, m->f);
}

static void json_prf(const char *name, const gesta_cu_prf *m, int acc, int last) {
    printf("  \"%s\": {\"precision\": %.2f, \"recall\": %.2f, \"f1\": %.2f", name, m->p, m->r, m->f);
    if (acc) printf(", \"aligned_accuracy\": %.2f", m->aligned_acc);
    printf(", \"gold\": %zu, \"system\": %zu, \"correct\": %zu}%s\n", m->gold, m->sys, m->correct, last ? "" : ",");
}

static void print_scores(const gesta_cu_scores *s, int json, const char *mode) {
    if (json) {
        printf("{\n  \"mode\": \"%s\",\n", mode);
        json_prf("tokens", &s->tokens, 0, 0);
        json_prf("sentences", &s->sentences, 0, 0);
        json_prf("words", &s->words, 0, 0);
        json_prf("upos", &s->upos, 1, 0);
        json_prf("xpos", &s->xpos, 1, 0);
        json_prf("lemmas", &s->lemmas, 1, 0);
        json_prf("uas", &s->uas, 1, 0);
        json_prf("las", &s->las, 1, 0);
        printf("  \"gold_chars\": %zu,\n  \"system_chars\": %zu\n}\n", s->gold_chars, s->sys_chars);
        return;
    }
    printf("Metric     | Precision |    Recall |  F1 Score | AligndAcc\n");
    printf("-----------+-----------+-----------+-----------+-----------\n");
    row("Tokens", &s->tokens, 0);
    row("Sentences", &s->sentences, 0);
    row("Words", &s->words, 0);
    row("UPOS", &s->upos, 1);
    row("XPOS", &s->xpos, 1);
    row("Lemmas", &s->lemmas, 1);
    row("UAS", &s->uas, 1);
    row("LAS", &s->las, 1);
}

/* --gold-tok: the gold file read by gesta's own CoNLL-U reader (the gold
 * sentences, words and multiword tokens, byte for byte), its annotation wiped,
 * then tagged and parsed. */
static int run_gold_tok(const cli_opts *o, const gesta_engine *e, gesta_cu_corpus *sys) {
    gesta_reader_options ro = {0};
    ro.format = GESTA_IN_CONLLU;
    ro.diag = cli_diag;
    gesta_reader *r;
    gesta_error err = {0};
    if (gesta_reader_open(&r, o->files[0], &ro, &err) < 0) {
        cli_report(&err);
        return CLI_EXIT_USAGE;
    }
    int status = CLI_EXIT_OK;
    gesta_doc *doc;
    while (cli_next_doc(r, &doc, &status)) {
        for (uint32_t i = 0; i < doc->ntok; i++) {
            gesta_tok *t = &doc->toks[i];
            t->lemma = t->xpos = t->feats = t->deprel = NULL;
            t->upos = GESTA_UPOS_NONE;
            t->head = -1;
        }
        for (uint32_t i = 0; i < doc->nsent; i++) doc->sents[i].tagged = doc->sents[i].parsed = doc->sents[i].given_parse = 0;
        int rc = gesta_process(e, doc, &err);
        if (rc == GESTA_OK) rc = gesta_cu_add_doc(sys, doc);
        if (rc < 0) {
            fprintf(stderr, "gesta eval: document %s: %s\n", doc->id, gesta_strerror(rc));
            status = CLI_EXIT_SOME_BAD;
        }
        gesta_doc_free(doc);
        if (rc == GESTA_ENOMEM) break;
    }
    if (gesta_reader_skipped(r)) status = CLI_EXIT_SOME_BAD;
    gesta_reader_close(r);
    return status;
}

/* Runs gesta over the gold file's documents; fills sys. Returns an exit status. */
static int run_gesta(const cli_opts *o, gesta_cu_corpus *gold, int gold_tok, gesta_cu_corpus *sys) {
    gesta_engine *e = cli_engine(o, 1, 0, NULL);
    if (!e) return CLI_EXIT_USAGE;
    if (gold_tok) {
        int st = run_gold_tok(o, e, sys);
        gesta_engine_free(e);
        return st;
    }
    gesta_cu_rawdoc *docs;
    size_t nd;
    int status = CLI_EXIT_OK;
    if (gesta_cu_rawdocs(gold, &docs, &nd) < 0) {
        fprintf(stderr, "gesta eval: out of memory\n");
        gesta_engine_free(e);
        return CLI_EXIT_USAGE;
    }
    for (size_t i = 0; i < nd; i++) {
        gesta_doc *doc = NULL;
        gesta_error err = {0};
        int rc = gesta_doc_new(&doc, docs[i].id, NULL, docs[i].text, docs[i].len, &err);
        if (rc == GESTA_OK) rc = gesta_process(e, doc, &err);
        if (rc == GESTA_OK) rc = gesta_cu_add_doc(sys, doc);
        if (rc < 0) {
            fprintf(stderr, "gesta eval: document %s: %s\n", docs[i].id, gesta_strerror(rc));
            status = CLI_EXIT_SOME_BAD;
        }
        gesta_doc_free(doc);
        if (rc == GESTA_ENOMEM) break;
    }
    free(docs);
    gesta_engine_free(e);
    return status;
}

int cmd_eval_conllu(int argc, char **argv) {
    cli_opts o;
    int rc = cli_parse_options(argc, argv, "eval", "--raw,--gold-tok,--json,--write-system=,--show-errors=", &o);
    if (rc) return rc;
    int raw = cli_extra(&o, "--raw") != NULL, gold_tok = cli_extra(&o, "--gold-tok") != NULL;
    int json = cli_extra(&o, "--json") != NULL;
    const char *write_sys = cli_extra(&o, "--write-system");
    const char *show = cli_extra(&o, "--show-errors");
    int status = CLI_EXIT_OK;
    gesta_cu_corpus *gold = NULL, *sys = NULL;
    gesta_error err = {0};
    size_t nbad = 0;
    if (raw && gold_tok) {
        fprintf(stderr, "gesta eval: --raw and --gold-tok exclude each other\n");
        status = CLI_EXIT_USAGE;
    } else if ((raw || gold_tok) ? o.nfiles != 1 : o.nfiles != 2) {
        fprintf(stderr, "usage: gesta eval GOLD.conllu SYSTEM.conllu | gesta eval --raw|--gold-tok GOLD.conllu\n"
                        "       [--json] [--write-system FILE] [--show-errors N] [--model FILE] [--data DIR]\n"
                        "       [--parse-search N]\n");
        status = CLI_EXIT_USAGE;
    } else if (write_sys && !raw && !gold_tok) {
        fprintf(stderr, "gesta eval: --write-system goes with --raw or --gold-tok\n");
        status = CLI_EXIT_USAGE;
    }
    if (status) goto done;

    if ((rc = gesta_cu_read(o.files[0], &gold, &nbad, &err)) < 0) {
        cli_report(&err);
        status = CLI_EXIT_USAGE;
        goto done;
    }
    if (nbad) { cli_report(&err); fprintf(stderr, "gesta eval: %zu malformed line(s) skipped in %s\n", nbad, o.files[0]); status = CLI_EXIT_SOME_BAD; }
    if (raw || gold_tok) {
        sys = gesta_cu_new();
        if (!sys) { status = CLI_EXIT_USAGE; goto done; }
        int st = run_gesta(&o, gold, gold_tok, sys);
        if (st == CLI_EXIT_USAGE) { status = st; goto done; }
        if (st) status = st;
        if (write_sys) {
            FILE *f = strcmp(write_sys, "-") ? fopen(write_sys, "w") : stdout;
            if (!f) { perror(write_sys); status = CLI_EXIT_USAGE; goto done; }
            gesta_buf b = GESTA_BUF_INIT;
            gesta_cu_write(sys, &b);
            if (b.len) fwrite(b.data, 1, b.len, f);
            gesta_buf_free(&b);
            if (f != stdout) fclose(f);
        }
    } else {
        err = (gesta_error){0};
        if ((rc = gesta_cu_read(o.files[1], &sys, &nbad, &err)) < 0) {
            cli_report(&err);
            status = CLI_EXIT_USAGE;
            goto done;
        }
        if (nbad) { cli_report(&err); status = CLI_EXIT_SOME_BAD; }
    }
    gesta_cu_scores sc;
    if (gesta_cu_score(gold, sys, &sc) < 0) { fprintf(stderr, "gesta eval: out of memory\n"); status = CLI_EXIT_USAGE; goto done; }
    if (sc.gold_chars != sc.sys_chars)
        fprintf(stderr, "gesta eval: warning: text lengths differ (gold %zu characters, system %zu); "
                        "spans after the first difference will not align\n", sc.gold_chars, sc.sys_chars);
    print_scores(&sc, json, raw ? "raw" : gold_tok ? "gold-tok" : "files");
    if (show) {
        gesta_buf b = GESTA_BUF_INIT;
        gesta_cu_print_errors(gold, sys, (size_t)strtoul(show, NULL, 10), &b);
        if (b.len) fwrite(b.data, 1, b.len, stderr);
        gesta_buf_free(&b);
    }
done:
    gesta_cu_free(gold);
    gesta_cu_free(sys);
    return status;
}
