#include <string.h>

#include "cli/cli.h"
#include "out/writer.h"

typedef struct code_ctx {
    int format;
} code_ctx;

static int code_one(const gesta_engine *e, gesta_doc *doc, gesta_buf *out, void *ctx) {
    code_ctx *c = ctx;
    int rc = gesta_process(e, doc, NULL);
    if (rc < 0) return rc;
    gesta_write_doc(out, doc, (gesta_output_format)c->format);
    return GESTA_OK;
}

int cmd_code(int argc, char **argv) {
    cli_opts o;
    int rc = cli_parse_options(argc, argv, "code", "--no-document-layer", &o);
    if (rc) return rc;
    if (cli_extra(&o, "--no-document-layer")) o.no_doclayer = 1;
    code_ctx c = {GESTA_OUT_JSONL};
    if (o.format) {
        c.format = gesta_output_format_parse(o.format);
        if (c.format < 0 || c.format == GESTA_OUT_CONLLU) {
            fprintf(stderr, "gesta code: unknown --format '%s' (jsonl, table, gdelt, petrarch-xml)\n", o.format);
            return CLI_EXIT_USAGE;
        }
    }
    if (o.db) {
        fprintf(stderr, "gesta code: --db is not available in this build yet\n");
        return CLI_EXIT_USAGE;
    }
    gesta_engine *e = cli_engine(&o, 1, 1, o.nfiles ? o.files[0] : NULL);
    if (!e) return CLI_EXIT_USAGE;
    FILE *out = cli_open_output(&o);
    if (!out) { gesta_engine_free(e); return CLI_EXIT_USAGE; }
    gesta_buf head = GESTA_BUF_INIT;
    gesta_write_begin(&head, (gesta_output_format)c.format);
    if (head.len) fwrite(head.data, 1, head.len, out);
    gesta_buf_free(&head);
    rc = cli_run(&o, e, code_one, NULL, &c, out);
    gesta_buf tail = GESTA_BUF_INIT;
    gesta_write_end(&tail, (gesta_output_format)c.format);
    if (tail.len) fwrite(tail.data, 1, tail.len, out);
    gesta_buf_free(&tail);
    if (out != stdout) fclose(out);
    gesta_engine_free(e);
    return rc;
}
