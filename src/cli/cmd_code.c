/*
 * gesta code: documents in, event/quote/flag records out. Per-document work runs
 * on the worker threads; cross-story grouping and the SQLite store run in input
 * order on the main thread (they see the whole corpus).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "corpus/corpus.h"
#include "out/store.h"
#include "out/writer.h"

typedef struct code_ctx {
    int format;
    gesta_corpus *corpus;   /* NULL with --no-dedup */
    gesta_store *store;     /* NULL without --db */
    long stored, store_failed;
} code_ctx;

static int code_one(const gesta_engine *e, gesta_doc *doc, gesta_buf *out, void *ctx) {
    (void)out;
    (void)ctx;
    return gesta_process(e, doc, NULL);
}

/* Runs on the main thread in input order, before the document is written:
 * cross-story groups need every earlier story. */
static int code_after(gesta_doc *doc, gesta_buf *out, void *ctx) {
    code_ctx *c = ctx;
    int rc = GESTA_OK;
    if (c->corpus && (rc = gesta_corpus_add(c->corpus, doc)) < 0) return rc;
    if (c->store) {
        gesta_error err = {0};
        if (gesta_store_put(c->store, doc, &err) < 0) {
            /* The article's transaction was rolled back: the database holds no part of it. */
            err.line = doc->origin_line;
            snprintf(err.file, sizeof err.file, "%s", doc->origin_file ? doc->origin_file : doc->id);
            cli_report(&err);
            c->store_failed++;
            rc = GESTA_EDB;
        } else {
            c->stored++;
        }
    }
    gesta_write_doc(out, doc, (gesta_output_format)c->format);
    return rc;
}

static const char help[] =
    "usage: gesta code [OPTIONS] [FILE...]\n"
    "News text in, event records out (stdin when no FILE; \"-\" is stdin).\n"
    "\n"
    "input:\n"
    "  --input-format text|jsonl|petrarch-xml|conllu   default: detected (.gz read transparently)\n"
    "  --date YYYY-MM-DD       the document date when the input carries none (plain text)\n"
    "  --use-parse             code from the parse embedded in petrarch-xml or conllu input\n"
    "output:\n"
    "  --format jsonl|table|gdelt|petrarch-xml   default jsonl (docs/RECORDS.md, docs/GDELT.md)\n"
    "  -o FILE                 write there instead of stdout\n"
    "  --db FILE               also store everything in a SQLite database (docs/STORE.md)\n"
    "dictionaries (PETRARCH-2 / TABARI formats; each replaces gesta's own of that kind):\n"
    "  --verbs FILE  --actors FILE[,FILE...]  --agents FILE  --discards FILE  --issues FILE\n"
    "  A PETRARCH validation file coded without these uses the ones its <Environment> names.\n"
    "document layer and duplicates:\n"
    "  --no-document-layer     no coreference, quotes, dates, places or flags\n"
    "  --no-dedup              no cross-story duplicate groups\n"
    "  --dedup-threshold X     estimated Jaccard similarity for near-duplicate stories (0-1, default 0.5)\n"
    "  --dedup-window DAYS     days apart that grouped country-level events may be (default 1)\n"
    "other:\n"
    "  -j N                    worker threads (output stays in input order)\n"
    "  --data DIR              gesta's data folder (default: $GESTA_DATA, then the build's data/)\n"
    "  --model FILE            tagger/parser model\n"
    "  --parse-search N        retry the parser's N least certain decisions (default 4; 0 greedy,\n"
    "                          about 20% faster)\n"
    "\n"
    "Exit status: 0 all input processed; 1 some records could not be processed (each reported\n"
    "as FILE:LINE[:COL]: message); 2 usage error, or a dictionary or model could not be loaded.\n";

int cmd_code(int argc, char **argv) {
    cli_set_help(help);
    cli_opts o;
    int rc = cli_parse_options(argc, argv, "code",
                               "--no-document-layer,--no-dedup,--dedup-threshold=,--dedup-window=", &o);
    if (rc) return rc;
    if (cli_extra(&o, "--no-document-layer")) o.no_doclayer = 1;
    code_ctx c = {GESTA_OUT_JSONL, NULL, NULL, 0, 0};
    if (o.format) {
        c.format = gesta_output_format_parse(o.format);
        if (c.format < 0 || c.format == GESTA_OUT_CONLLU) {
            fprintf(stderr, "gesta code: unknown --format '%s' (jsonl, table, gdelt, petrarch-xml)\n", o.format);
            return CLI_EXIT_USAGE;
        }
    }
    gesta_corpus_options co = GESTA_CORPUS_OPTIONS_INIT;
    const char *v;
    if ((v = cli_extra(&o, "--dedup-threshold"))) {
        char *end;
        co.story_threshold = strtod(v, &end);
        if (*end || co.story_threshold <= 0 || co.story_threshold > 1) {
            fprintf(stderr, "gesta code: --dedup-threshold wants a number in (0, 1]\n");
            return CLI_EXIT_USAGE;
        }
    }
    if ((v = cli_extra(&o, "--dedup-window"))) {
        char *end;
        long d = strtol(v, &end, 10);
        if (*end || d < 0 || d > 365) {
            fprintf(stderr, "gesta code: --dedup-window wants whole days from 0 to 365\n");
            return CLI_EXIT_USAGE;
        }
        co.window_days = (int)d;
    }
    gesta_engine *e = cli_engine(&o, 1, 1, o.nfiles ? o.files[0] : NULL);
    if (!e) return CLI_EXIT_USAGE;
    if (!cli_extra(&o, "--no-dedup") && !(c.corpus = gesta_corpus_new(&co))) {
        fprintf(stderr, "gesta code: out of memory\n");
        gesta_engine_free(e);
        return CLI_EXIT_USAGE;
    }
    if (o.db) {
        gesta_error err = {0};
        if (gesta_store_open(&c.store, o.db, &err) < 0) {
            cli_report(&err);
            gesta_corpus_free(c.corpus);
            gesta_engine_free(e);
            return CLI_EXIT_USAGE;
        }
    }
    FILE *out = cli_open_output(&o);
    if (!out) {
        gesta_store_close(c.store);
        gesta_corpus_free(c.corpus);
        gesta_engine_free(e);
        return CLI_EXIT_USAGE;
    }
    gesta_buf head = GESTA_BUF_INIT;
    gesta_write_begin(&head, (gesta_output_format)c.format);
    if (head.len) fwrite(head.data, 1, head.len, out);
    gesta_buf_free(&head);
    rc = cli_run(&o, e, code_one, code_after, &c, out);
    gesta_buf tail = GESTA_BUF_INIT;
    gesta_write_end(&tail, (gesta_output_format)c.format);
    if (tail.len) fwrite(tail.data, 1, tail.len, out);
    gesta_buf_free(&tail);
    if (c.store && c.corpus) {
        gesta_error err = {0};
        for (size_t i = 0; i < gesta_corpus_group_count(c.corpus); i++) {
            const char *id, *kind, *first;
            int first_index, mentions;
            gesta_corpus_group(c.corpus, i, &id, &kind, &first, &first_index, &mentions);
            if (gesta_store_put_group(c.store, id, kind, first, first_index, mentions, &err) < 0) {
                cli_report(&err);
                rc = CLI_EXIT_SOME_BAD;
                break;
            }
        }
    }
    if (out != stdout && fclose(out) != 0) {
        perror(o.out_path);
        rc = CLI_EXIT_SOME_BAD;
    }
    gesta_store_close(c.store);
    gesta_corpus_free(c.corpus);
    gesta_engine_free(e);
    return rc;
}
