/*
 * The document loop: documents are read in batches on the main thread, processed
 * by up to -j workers (each takes the next unprocessed document of the batch),
 * and written in input order. A batch bounds memory however large the input.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define BATCH 256

typedef struct job {
    gesta_doc *doc;
    gesta_buf out;
    int rc;
} job;

typedef struct batch {
    job jobs[BATCH];
    int n;
    atomic_int next;
    const gesta_engine *engine;
    cli_doc_fn fn;
    void *ctx;
} batch;

static void *worker(void *arg) {
    batch *b = arg;
    for (;;) {
        int i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n) break;
        job *j = &b->jobs[i];
        j->rc = b->fn(b->engine, j->doc, &j->out, b->ctx);
    }
    return NULL;
}

static int flush_batch(batch *b, int jobs, FILE *out, cli_after_fn after, void *ctx) {
    int bad = 0;
    atomic_store(&b->next, 0);
    int nthreads = jobs > b->n ? b->n : jobs;
    pthread_t tids[256];
    int started = 0;
    for (int t = 1; t < nthreads; t++)
        if (pthread_create(&tids[started], NULL, worker, b) == 0) started++;
    worker(b); /* the main thread works too */
    for (int t = 0; t < started; t++) pthread_join(tids[t], NULL);
    for (int i = 0; i < b->n; i++) {
        job *j = &b->jobs[i];
        if (j->rc < 0) {
            gesta_error e = {0};
            gesta_error_set(&e, j->rc, j->doc->origin_file, j->doc->origin_line, 0,
                            "document '%s' could not be processed: %s", j->doc->id, gesta_strerror(j->rc));
            cli_report(&e);
            bad = 1;
        }
        if (after && j->rc >= 0 && after(j->doc, &j->out, ctx) < 0) bad = 1;
        if (j->out.len) fwrite(j->out.data, 1, j->out.len, out);
        gesta_buf_free(&j->out);
        gesta_doc_free(j->doc);
        j->doc = NULL;
    }
    b->n = 0;
    return bad;
}

int cli_run(const cli_opts *o, const gesta_engine *e, cli_doc_fn fn, cli_after_fn after, void *ctx, FILE *out) {
    static char *stdin_only[] = {"-", NULL};
    char **files = o->nfiles ? o->files : stdin_only;
    int nfiles = o->nfiles ? o->nfiles : 1;
    batch *b = calloc(1, sizeof *b);
    if (!b) return CLI_EXIT_USAGE;
    b->engine = e;
    b->fn = fn;
    b->ctx = ctx;
    int status = CLI_EXIT_OK;
    for (int f = 0; f < nfiles; f++) {
        gesta_reader_options ro = {0};
        ro.format = o->input_format ? (gesta_input_format)gesta_input_format_parse(o->input_format) : GESTA_IN_AUTO;
        ro.default_date = o->date;
        ro.diag = cli_diag;
        gesta_reader *r;
        gesta_error err = {0};
        if (gesta_reader_open(&r, files[f], &ro, &err) < 0) {
            cli_report(&err);
            status = CLI_EXIT_SOME_BAD;
            continue;
        }
        gesta_doc *doc;
        while (cli_next_doc(r, &doc, &status)) {
            b->jobs[b->n++].doc = doc;
            if (b->n == BATCH && flush_batch(b, o->jobs, out, after, ctx)) status = CLI_EXIT_SOME_BAD;
        }
        if (b->n && flush_batch(b, o->jobs, out, after, ctx)) status = CLI_EXIT_SOME_BAD;
        if (gesta_reader_skipped(r)) status = CLI_EXIT_SOME_BAD;
        gesta_reader_close(r);
    }
    free(b);
    fflush(out);
    return status;
}

int cli_next_doc(gesta_reader *r, gesta_doc **doc, int *status) {
    gesta_error err = {0};
    for (;;) {
        int rc = gesta_reader_next(r, doc, &err);
        if (rc == GESTA_EOF) return 0;
        if (rc >= 0) return 1;
        cli_report(&err);
        *status = CLI_EXIT_SOME_BAD;
        if (rc == GESTA_EIO || rc == GESTA_ENOMEM) return 0;
    }
}

gesta_engine *cli_engine(const cli_opts *o, int load_model, int load_dicts, const char *env_from_file) {
    gesta_engine_options eo = GESTA_ENGINE_OPTIONS_INIT;
    eo.data_dir = o->data_dir;
    eo.model_path = o->model;
    eo.load_model = load_model && !(o->use_parse && o->input_format && !strcmp(o->input_format, "petrarch-xml") && 0);
    eo.load_dictionaries = load_dicts;
    eo.verb_file = o->verbs;
    eo.actor_files = o->nactors ? o->actors : NULL;
    eo.agent_file = o->agents;
    eo.discard_file = o->discards;
    eo.issue_file = o->issues;
    eo.use_parse = o->use_parse;
    eo.parse_search = o->parse_search;
    eo.document_layer = load_dicts && !o->no_doclayer;

    /* A PETRARCH validation file names its own dictionaries in <Environment>. */
    gesta_reader *r = NULL;
    static const char *env_actors[2];
    if (load_dicts && env_from_file && !o->verbs && !o->nactors && !o->agents && !o->discards) {
        gesta_reader_options ro = {0};
        ro.format = o->input_format ? (gesta_input_format)gesta_input_format_parse(o->input_format) : GESTA_IN_AUTO;
        gesta_error err = {0};
        if (strcmp(env_from_file, "-") && gesta_reader_open(&r, env_from_file, &ro, &err) == 0 &&
            gesta_reader_environment(r, "Verbfile")) {
            eo.verb_file = gesta_reader_environment(r, "Verbfile");
            env_actors[0] = gesta_reader_environment(r, "Actorfile");
            env_actors[1] = NULL;
            if (env_actors[0]) eo.actor_files = env_actors;
            eo.agent_file = gesta_reader_environment(r, "Agentfile");
            eo.discard_file = gesta_reader_environment(r, "Discardfile");
            eo.issue_file = gesta_reader_environment(r, "Issuefile");
        }
    }
    gesta_engine *e = NULL;
    gesta_error err = {0};
    int rc = gesta_engine_new(&e, &eo, &err);
    gesta_reader_close(r);
    if (rc < 0) {
        cli_report(&err);
        return NULL;
    }
    for (size_t i = 0; i < gesta_engine_warning_count(e); i++)
        fprintf(stderr, "gesta: %s\n", gesta_engine_warning(e, i));
    return e;
}
