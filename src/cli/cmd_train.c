/*
 * gesta train: trains the tagger, lemmatizer and parser on a CoNLL-U treebank,
 * or (with --eval) scores a model on a CoNLL-U file and writes its output.
 *
 *   gesta train --train TRAIN.conllu [--dev DEV.conllu] [--seed N] -o MODEL
 *               [--tag-epochs N] [--tag-passes 1|2] [--parse-epochs N] [--explore P]
 *               [--prune-updates N] [--prune-weight W]   (parser weights kept when frozen)
 *               [--parse-models N]   (parsers on different shuffles, weights averaged)
 *   gesta train --eval GOLD.conllu [--model MODEL] [--raw] [-o SYSTEM.conllu]
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "syntax/model.h"
#include "syntax/syntax.h"

static void log_line(void *ctx, const char *msg) {
    (void)ctx;
    fprintf(stderr, "gesta train: %s\n", msg);
}

static int int_opt(const cli_opts *o, const char *name, int def, int lo, int hi, int *out) {
    const char *v = cli_extra(o, name);
    *out = def;
    if (!v) return 0;
    char *end;
    long x = strtol(v, &end, 10);
    if (*end || end == v || x < lo || x > hi) {
        fprintf(stderr, "gesta train: %s wants a number from %d to %d\n", name, lo, hi);
        return -1;
    }
    *out = (int)x;
    return 0;
}

static int do_eval(const cli_opts *o, const char *gold) {
    char path[1200];
    const char *mp = o->model;
    if (!mp) {
        const char *dd = o->data_dir ? o->data_dir : getenv("GESTA_DATA");
        snprintf(path, sizeof path, "%s/model/gesta-en.model", dd && *dd ? dd : GESTA_DATA_DIR);
        mp = path;
    }
    gesta_error err = {0};
    struct gesta_model *m;
    if (gesta_model_load(&m, mp, &err) < 0) {
        cli_report(&err);
        return CLI_EXIT_USAGE;
    }
    if (o->parse_search >= 0) gesta_model_set_search(m, o->parse_search);
    gesta_vocab v = {0};
    gesta_tb c;
    if (gesta_tb_read(&c, gold, &v, 1, &err) < 0) {
        cli_report(&err);
        gesta_model_free(m);
        return CLI_EXIT_USAGE;
    }
    FILE *out = o->out_path ? cli_open_output(o) : NULL;
    if (o->out_path && !out) {
        gesta_tb_free(&c);
        gesta_vocab_free(&v);
        gesta_model_free(m);
        return CLI_EXIT_USAGE;
    }
    int rc;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (cli_extra(o, "--raw")) {
        rc = gesta_syntax_eval_raw(m, &c, out ? out : stdout);
    } else {
        gesta_syn_score sc;
        rc = gesta_syntax_eval(m, &c, &v, &sc, out);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double w = sc.words ? (double)sc.words : 1;
        if (rc == 0)
            printf("words %ld  UPOS %.2f  XPOS %.2f  UAS %.2f  LAS %.2f  (full labels %.2f)  lemma %.2f  (%.2f s)\n",
                   sc.words, 100 * sc.upos / w, 100 * sc.xpos / w, 100 * sc.uas / w, 100 * sc.las_u / w,
                   100 * sc.las / w, 100 * sc.lemma / w,
                   (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec));
    }
    if (out && out != stdout) fclose(out);
    gesta_tb_free(&c);
    gesta_vocab_free(&v);
    gesta_model_free(m);
    if (rc < 0) {
        fprintf(stderr, "gesta train: evaluation failed: %s\n", gesta_strerror(rc));
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

int cmd_train(int argc, char **argv) {
    cli_opts o;
    int rc = cli_parse_options(argc, argv, "train",
                               "--train=,--dev=,--seed=,--tag-epochs=,--tag-passes=,--parse-epochs=,--explore=,--max-sents=,--eval=,--raw,"
                               "--prune-updates=,--prune-weight=,--parse-models=",
                               &o);
    if (rc) return rc;
    const char *eval = cli_extra(&o, "--eval");
    if (eval) {
        rc = do_eval(&o, eval);
        goto done;
    }
    gesta_train_opts t = {0};
    t.train_path = cli_extra(&o, "--train");
    t.dev_path = cli_extra(&o, "--dev");
    if (!t.train_path || !o.out_path) {
        fprintf(stderr, "usage: gesta train --train TRAIN.conllu [--dev DEV.conllu] [--seed N] -o MODEL\n"
                        "       gesta train --eval GOLD.conllu [--model MODEL] [--raw] [-o SYSTEM.conllu]\n");
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    int seed;
    if (int_opt(&o, "--seed", 1, 0, 1 << 30, &seed) < 0 || int_opt(&o, "--tag-epochs", 8, 1, 100, &t.tag_epochs) < 0 ||
        int_opt(&o, "--parse-epochs", 12, 1, 100, &t.parse_epochs) < 0 ||
        int_opt(&o, "--tag-passes", 1, 1, 2, &t.tag_passes) < 0 ||
        int_opt(&o, "--max-sents", 0, 0, 1 << 30, &t.max_sents) < 0 ||
        int_opt(&o, "--prune-updates", 1, 1, 1000, &t.parse_min_updates) < 0 ||
        int_opt(&o, "--parse-models", 1, 1, 4, &t.parse_models) < 0) {
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    t.seed = (uint64_t)seed;
    t.explore = 0.9;
    const char *ex = cli_extra(&o, "--explore");
    if (ex) {
        char *end;
        t.explore = strtod(ex, &end);
        if (*end || t.explore < 0 || t.explore > 1) {
            fprintf(stderr, "gesta train: --explore wants a probability from 0 to 1\n");
            rc = CLI_EXIT_USAGE;
            goto done;
        }
    }
    t.parse_min_weight = 0.05;
    const char *pw = cli_extra(&o, "--prune-weight");
    if (pw) {
        char *end;
        t.parse_min_weight = strtod(pw, &end);
        if (*end || !(t.parse_min_weight > 0) || t.parse_min_weight > 100) {
            fprintf(stderr, "gesta train: --prune-weight wants a number above 0 (at most 100)\n");
            rc = CLI_EXIT_USAGE;
            goto done;
        }
    }
    t.log = log_line;
    gesta_error err = {0};
    struct gesta_model *m;
    if (gesta_syntax_train(&t, &m, &err) < 0) {
        cli_report(&err);
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    if (gesta_model_save(m, o.out_path, &err) < 0) {
        cli_report(&err);
        rc = CLI_EXIT_USAGE;
    } else {
        fprintf(stderr, "gesta train: wrote %s (%zu bytes)\n", o.out_path, m->size);
    }
    gesta_model_free(m);
done:
    return rc;
}
