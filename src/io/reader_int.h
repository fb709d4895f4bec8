/*
 * Internals shared by the reader core (reader.c) and the per-format readers
 * (read_text.c, read_jsonl.c, read_pxml.c, read_conllu.c). Not a public header.
 */
#ifndef GESTA_IO_READER_INT_H
#define GESTA_IO_READER_INT_H
#include <zlib.h>

#include <string.h>

#include "core/engine.h"
#include "io/reader.h"
#include "util/buf.h"

typedef struct reader_ops {
    /* Called once after detection; may read the whole input (XML). */
    int (*start)(gesta_reader *r, gesta_error *err);
    /* GESTA_OK + *doc, GESTA_EOF, or GESTA_EIO / GESTA_ENOMEM with err filled. */
    int (*next)(gesta_reader *r, gesta_doc **doc, gesta_error *err);
    void (*close)(gesta_reader *r);
} reader_ops;

struct gesta_reader {
    gesta_reader_options opts;
    char *path;        /* as given ("-" for stdin) */
    char *shown;       /* the name used in messages and origin_file */
    char *base;        /* file name without folders and .gz: plain-text ids */
    char *dir;         /* folder of the file ("." for stdin): <Environment> paths */
    gzFile gz;
    gesta_buf in;      /* bytes read but not consumed: in.data[pos .. in.len) */
    size_t pos;
    int eof;           /* gz exhausted */
    int ioerr;         /* the input broke off; errmsg says why */
    char errmsg[256];
    long line;         /* lines handed out by reader_getline so far */
    gesta_input_format fmt;
    size_t skipped;
    const reader_ops *ops;
    void *state;       /* the format reader's own */
    char **env;        /* <Environment> key, value pairs (values resolved to paths) */
    size_t nenv;
};

extern const reader_ops gesta_read_text_ops, gesta_read_jsonl_ops, gesta_read_pxml_ops,
    gesta_read_conllu_ops;

/** The next line (without "\n" or "\r\n") as a view valid until the next call:
 *  1, or 0 at the end, or -1 when the input broke off (r->ioerr set). */
int reader_getline(gesta_reader *r, const char **line, size_t *len);

/** Everything not yet consumed, appended to out: 0, or -1 when the input broke off. */
int reader_slurp(gesta_reader *r, gesta_buf *out);

/** Reports a malformed record at line:col (col 0 = unknown) and counts it skipped. */
void reader_bad(gesta_reader *r, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/** Fills err for a broken input (truncated .gz, read error). Returns GESTA_EIO. */
int reader_ioerror(gesta_reader *r, gesta_error *err);

/** A fresh document with id, origin_file and origin_line set; NULL when out of memory. */
gesta_doc *reader_new_doc(gesta_reader *r, const char *id, size_t idlen, long line);

/** Remembers an <Environment> value; the value is resolved beside the input file. */
int reader_set_env(gesta_reader *r, const char *key, const char *value);

/** memmem (not in POSIX): the first n-byte needle in h[0..hn), or NULL. */
static inline const char *reader_memmem(const char *h, size_t hn, const char *needle, size_t n) {
    if (n == 0) return h;
    while (hn >= n) {
        const char *p = memchr(h, needle[0], hn - n + 1);
        if (!p) return NULL;
        if (!memcmp(p, needle, n)) return p;
        hn -= (size_t)(p - h) + 1;
        h = p + 1;
    }
    return NULL;
}

#endif
