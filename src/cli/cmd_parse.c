#include <string.h>

#include "cli/cli.h"
#include "out/writer.h"

static int parse_one(const gesta_engine *e, gesta_doc *doc, gesta_buf *out, void *ctx) {
    const cli_opts *o = ctx;
    int rc = gesta_process(e, doc, NULL);
    if (rc < 0) return rc;
    gesta_write_conllu(out, doc, o->all_units);
    return GESTA_OK;
}

static const char help[] =
    "usage: gesta parse [OPTIONS] [FILE...]\n"
    "Sentences, tokens, lemmas, tags and dependency trees, as CoNLL-U (stdin when no FILE).\n"
    "FORM is the exact input text, \"# text\" the unit's original text, SpaceAfter=No where no\n"
    "space followed; headings and boilerplate units are marked \"# unit = ...\".\n"
    "\n"
    "  --input-format text|jsonl|petrarch-xml|conllu   default: detected (.gz read transparently)\n"
    "                          conllu: keep the given sentences and tokens, fill in the rest\n"
    "  --use-parse             keep a parse given in the input instead of parsing again\n"
    "  -o FILE                 write there instead of stdout\n"
    "  -j N                    worker threads (output stays in input order)\n"
    "  --data DIR, --model FILE   as for gesta code\n"
    "  --parse-search N        retry the parser's N least certain decisions (default 4; 0 greedy)\n"
    "\n"
    "Exit status: 0 all input processed; 1 some records could not be processed; 2 usage error,\n"
    "or the model could not be loaded.\n";

int cmd_parse(int argc, char **argv) {
    cli_set_help(help);
    cli_opts o;
    int rc = cli_parse_options(argc, argv, "parse", "--all-units", &o);
    if (rc) return rc;
    if (cli_extra(&o, "--all-units")) o.all_units = 1;
    if (o.format && strcmp(o.format, "conllu")) {
        fprintf(stderr, "gesta parse: --format %s: parse writes conllu\n", o.format);
        return CLI_EXIT_USAGE;
    }
    gesta_engine *e = cli_engine(&o, 1, 0, NULL);
    if (!e) return CLI_EXIT_USAGE;
    FILE *out = cli_open_output(&o);
    if (!out) { gesta_engine_free(e); return CLI_EXIT_USAGE; }
    rc = cli_run(&o, e, parse_one, NULL, &o, out);
    if (out != stdout) fclose(out);
    gesta_engine_free(e);
    return rc;
}
