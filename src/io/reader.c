/* PLACEHOLDER core of the readers (the IO work extends it): plain text and gz. */
#include "io/reader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "core/engine.h"
#include "util/buf.h"

struct gesta_reader {
    gesta_reader_options opts;
    char *path;
    gesta_input_format fmt;
    gesta_buf data;
    int done;
    size_t skipped;
};

int gesta_input_format_parse(const char *name) {
    if (!strcmp(name, "auto")) return GESTA_IN_AUTO;
    if (!strcmp(name, "text")) return GESTA_IN_TEXT;
    if (!strcmp(name, "jsonl")) return GESTA_IN_JSONL;
    if (!strcmp(name, "petrarch-xml")) return GESTA_IN_PXML;
    if (!strcmp(name, "conllu")) return GESTA_IN_CONLLU;
    return -1;
}

const char *gesta_input_format_name(gesta_input_format f) {
    switch (f) {
    case GESTA_IN_TEXT: return "text";
    case GESTA_IN_JSONL: return "jsonl";
    case GESTA_IN_PXML: return "petrarch-xml";
    case GESTA_IN_CONLLU: return "conllu";
    default: return "auto";
    }
}

int gesta_reader_open(gesta_reader **out, const char *path, const gesta_reader_options *opts,
                      gesta_error *err) {
    *out = NULL;
    gesta_reader *r = calloc(1, sizeof *r);
    if (!r) return gesta_error_set(err, GESTA_ENOMEM, path, 0, 0, "out of memory");
    r->opts = *opts;
    r->path = strdup(path);
    gzFile gz = strcmp(path, "-") == 0 ? gzdopen(dup(0), "rb") : gzopen(path, "rb");
    if (!gz) {
        int e = errno;
        free(r->path); free(r);
        return gesta_error_set(err, GESTA_EIO, path, 0, 0, "cannot open: %s", strerror(e));
    }
    char chunk[65536];
    int n;
    while ((n = gzread(gz, chunk, sizeof chunk)) > 0) gesta_buf_append(&r->data, chunk, (size_t)n);
    int zerr = 0;
    const char *zmsg = n < 0 ? gzerror(gz, &zerr) : NULL;
    gzclose(gz);
    if (n < 0) {
        gesta_error_set(err, GESTA_EIO, path, 0, 0, "read error: %s", zmsg ? zmsg : "unknown");
        gesta_reader_close(r);
        return GESTA_EIO;
    }
    r->fmt = opts->format == GESTA_IN_AUTO ? GESTA_IN_TEXT : opts->format;
    *out = r;
    return GESTA_OK;
}

int gesta_reader_next(gesta_reader *r, gesta_doc **doc, gesta_error *err) {
    *doc = NULL;
    if (r->done) return GESTA_EOF;
    r->done = 1;
    const char *base = strrchr(r->path, '/');
    base = base ? base + 1 : r->path;
    int rc = gesta_doc_new(doc, base, r->opts.default_date, r->data.data ? r->data.data : "", r->data.len, err);
    if (rc == GESTA_OK) { (*doc)->origin_file = gesta_arena_strdup((*doc)->arena, r->path); (*doc)->origin_line = 1; }
    return rc;
}

gesta_input_format gesta_reader_format(const gesta_reader *r) { return r->fmt; }
size_t gesta_reader_skipped(const gesta_reader *r) { return r->skipped; }
const char *gesta_reader_environment(const gesta_reader *r, const char *key) { (void)r; (void)key; return NULL; }

void gesta_reader_close(gesta_reader *r) {
    if (!r) return;
    gesta_buf_free(&r->data);
    free(r->path);
    free(r);
}
