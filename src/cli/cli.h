/* The gesta command: shared option handling and the document loop. */
#ifndef GESTA_CLI_CLI_H
#define GESTA_CLI_CLI_H
#include <stdio.h>

#include "core/doc.h"
#include "core/engine.h"
#include "io/reader.h"
#include "util/buf.h"

/* Exit statuses (INTERFACE.md). */
enum { CLI_EXIT_OK = 0, CLI_EXIT_SOME_BAD = 1, CLI_EXIT_USAGE = 2 };

#define CLI_MAX_ACTORS 32

typedef struct cli_opts {
    const char *input_format;   /* --input-format */
    const char *date;           /* --date */
    const char *format;         /* --format */
    const char *db;             /* --db */
    const char *out_path;       /* -o */
    int jobs;                   /* -j */
    const char *verbs, *agents, *discards, *issues;
    const char *actors[CLI_MAX_ACTORS + 1];
    int nactors;
    int use_parse;              /* --use-parse */
    const char *model;          /* --model */
    int parse_search;           /* --parse-search (-1: the model's default) */
    const char *data_dir;       /* --data */
    int all_units;              /* parse: --all-units (write boilerplate units too) */
    int no_doclayer;            /* code: --no-document-layer */
    char **files;
    int nfiles;
    /* anything a command wants to keep for itself */
    const char *extra[16];
    int nextra;
} cli_opts;

/**
 * Parses the common options (INTERFACE.md) into o. Options a command takes in
 * addition are named in `own` (e.g. "--seed=,--epochs=,--dev=", a trailing '='
 * means it takes a value) and land in o->extra as "--name" / "value" pairs.
 * Returns 0, or CLI_EXIT_USAGE after printing the problem.
 */
int cli_parse_options(int argc, char **argv, const char *cmd, const char *own, cli_opts *o);

/** The text `--help` prints for the command about to parse its options (static storage). */
void cli_set_help(const char *text);

/** The value of an own option, or NULL. For flags without value, returns "". */
const char *cli_extra(const cli_opts *o, const char *name);

/** Prints "gesta: FILE:LINE:COL: message" on stderr. */
void cli_report(const gesta_error *err);
void cli_diag(void *ctx, const gesta_error *err);
/** The reader's next document into *doc: 1, or 0 at the end of the input. A record
 *  that cannot be read is reported and skipped (*status becomes CLI_EXIT_SOME_BAD);
 *  a read or memory error also ends the input. */
int cli_next_doc(gesta_reader *r, gesta_doc **doc, int *status);

/** Loads an engine for the options; prints warnings; returns NULL on failure (message printed). */
gesta_engine *cli_engine(const cli_opts *o, int load_model, int load_dicts, const char *env_from_file);

/** Processes one document and formats its output into out. Called from worker threads. */
typedef int (*cli_doc_fn)(const gesta_engine *e, gesta_doc *doc, gesta_buf *out, void *ctx);
/** Called in input order on the main thread after the workers: may still add to
 *  the document's output (out) before it is written. */
typedef int (*cli_after_fn)(gesta_doc *doc, gesta_buf *out, void *ctx);

/**
 * Reads every input (o->files, or stdin), runs fn over the documents on o->jobs
 * threads, and writes the outputs to `out` in input order. Returns the exit status.
 */
int cli_run(const cli_opts *o, const gesta_engine *e, cli_doc_fn fn, cli_after_fn after, void *ctx,
            FILE *out);

/** Opens -o or stdout. */
FILE *cli_open_output(const cli_opts *o);

int cmd_code(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_dict(int argc, char **argv);

#endif
