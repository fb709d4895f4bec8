/*
 * Readers: files (plain or .gz, or stdin) → documents, one at a time.
 *
 * A malformed record is reported through the diagnostic callback as
 * "FILE:LINE[:COL]: message", counted, and skipped; reading goes on. Only an
 * unreadable file ends a reader early.
 */
#ifndef GESTA_IO_READER_H
#define GESTA_IO_READER_H
#include "core/doc.h"

typedef enum gesta_input_format {
    GESTA_IN_AUTO = 0,
    GESTA_IN_TEXT,
    GESTA_IN_JSONL,
    GESTA_IN_PXML,     /* PETRARCH / UniversalPetrarch validation or sentence XML */
    GESTA_IN_CONLLU
} gesta_input_format;

/** "text", "jsonl", "petrarch-xml", "conllu" → format; GESTA_IN_AUTO for "auto"; -1 if unknown. */
int gesta_input_format_parse(const char *name);
const char *gesta_input_format_name(gesta_input_format f);

typedef void (*gesta_diag_fn)(void *ctx, const gesta_error *diag);

typedef struct gesta_reader gesta_reader;

typedef struct gesta_reader_options {
    gesta_input_format format;   /* AUTO: detected from the content */
    const char *default_date;    /* for inputs that carry none (plain text), or NULL */
    gesta_diag_fn diag;          /* malformed records; may be NULL */
    void *diag_ctx;
} gesta_reader_options;

/**
 * Opens path ("-" = stdin), gzip-compressed or not. The whole input may be read
 * here for formats that need it (XML). *out is the caller's (gesta_reader_close).
 * Returns GESTA_EIO with err filled when the file cannot be opened or read.
 */
int gesta_reader_open(gesta_reader **out, const char *path, const gesta_reader_options *opts,
                      gesta_error *err);

/**
 * The next document: GESTA_OK and *doc (the caller's), GESTA_EOF at the end, or
 * GESTA_EIO when the input broke off (truncated .gz, read error; err filled).
 */
int gesta_reader_next(gesta_reader *r, gesta_doc **doc, gesta_error *err);

/** The format in use (after detection). */
gesta_input_format gesta_reader_format(const gesta_reader *r);

/** Records reported malformed and skipped so far. */
size_t gesta_reader_skipped(const gesta_reader *r);

/**
 * A value from a PETRARCH validation file's <Environment> ("Verbfile",
 * "Actorfile", "Agentfile", "Discardfile", "Issuefile"), resolved to a path
 * beside the input file; NULL when absent. Borrowed from the reader.
 */
const char *gesta_reader_environment(const gesta_reader *r, const char *key);

void gesta_reader_close(gesta_reader *r);

#endif
