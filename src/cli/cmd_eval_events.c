/*
 * gesta eval GOLD.xml: codes each PETRARCH validation record and scores the
 * events against its <EventCoding> expectations (src/eval/events.c).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "eval/events.h"

int cmd_eval_events(int argc, char **argv);

typedef struct ev_ctx {
    gesta_evscore *score;
    int failed;
} ev_ctx;

static int eval_one(const gesta_engine *e, gesta_doc *doc, gesta_buf *out, void *ctx) {
    (void)out;
    (void)ctx;
    return gesta_process(e, doc, NULL);
}

static int eval_after(gesta_doc *doc, gesta_buf *out, void *ctx) {
    (void)out;
    ev_ctx *c = ctx;
    /* a record without <EventCoding> expects nothing, as score_events.py reads it */
    if (gesta_evscore_add(c->score, doc) < 0) { c->failed = 1; return GESTA_ENOMEM; }
    return 0;
}

static int eval_events(cli_opts *o);

int cmd_eval_events(int argc, char **argv) {
    cli_opts o;
    int rc = cli_parse_options(argc, argv, "eval", "--json,--show-misses", &o);
    if (!rc) rc = eval_events(&o);
    return rc;
}

static int eval_events(cli_opts *op) {
    cli_opts o = *op;
    int rc;
    if (!o.nfiles) {
        fprintf(stderr, "gesta eval: no gold file given\n");
        return CLI_EXIT_USAGE;
    }
    if (!o.input_format) o.input_format = "petrarch-xml";
    o.no_doclayer = 1; /* the suites test sentence coding alone */
    /* with --use-parse every record brings its parse: no model needed */
    gesta_engine *e = cli_engine(&o, !o.use_parse, 1, o.files[0]);
    if (!e) return CLI_EXIT_USAGE;
    ev_ctx c = {gesta_evscore_new(), 0};
    if (!c.score) { gesta_engine_free(e); return CLI_EXIT_USAGE; }
    FILE *out = cli_open_output(&o);
    if (!out) { gesta_evscore_free(c.score); gesta_engine_free(e); return CLI_EXIT_USAGE; }
    FILE *devnull = fopen("/dev/null", "w");
    rc = cli_run(&o, e, eval_one, eval_after, &c, devnull ? devnull : out);
    if (devnull) fclose(devnull);
    gesta_buf b = GESTA_BUF_INIT;
    gesta_evscore_report(c.score, &b, cli_extra(&o, "--json") != NULL, cli_extra(&o, "--show-misses") != NULL);
    fwrite(b.data ? b.data : "", 1, b.len, out);
    gesta_buf_free(&b);
    if (out != stdout) fclose(out);
    else fflush(out);
    gesta_evscore_free(c.score);
    gesta_engine_free(e);
    return c.failed ? CLI_EXIT_SOME_BAD : rc;
}
