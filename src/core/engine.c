#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coder/coder.h"
#include "core/engine.h"
#include "doc/doclayer.h"
#include "syntax/syntax.h"
#include "text/text.h"

void gesta_engine_warn(gesta_engine *e, const char *fmt, ...) {
    if (e->nwarn == e->warn_cap) {
        size_t nc = e->warn_cap ? e->warn_cap * 2 : 32;
        char **p = realloc(e->warnings, nc * sizeof *p);
        if (!p) return;
        e->warnings = p;
        e->warn_cap = nc;
    }
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *s = strdup(buf);
    if (s) e->warnings[e->nwarn++] = s;
}

size_t gesta_engine_warning_count(const gesta_engine *e) { return e ? e->nwarn : 0; }
const char *gesta_engine_warning(const gesta_engine *e, size_t i) {
    return e && i < e->nwarn ? e->warnings[i] : NULL;
}

int gesta_engine_new(gesta_engine **out, const gesta_engine_options *opts, gesta_error *err) {
    *out = NULL;
    gesta_engine_options defaults = GESTA_ENGINE_OPTIONS_INIT;
    if (!opts) opts = &defaults;
    if (opts->version != GESTA_ENGINE_OPTIONS_VERSION)
        return gesta_error_set(err, GESTA_EUSAGE, NULL, 0, 0, "gesta_engine_options version %d, expected %d",
                               opts->version, GESTA_ENGINE_OPTIONS_VERSION);
    gesta_engine *e = calloc(1, sizeof *e);
    if (!e) return gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory");
    e->opts = *opts;
    const char *dd = opts->data_dir;
    if (!dd || !*dd) dd = getenv("GESTA_DATA");
    if (!dd || !*dd) dd = GESTA_DATA_DIR;
    snprintf(e->data_dir, sizeof e->data_dir, "%s", dd);
    struct stat st;
    if (stat(e->data_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        /* a mistyped --data or GESTA_DATA would otherwise load nothing, silently */
        gesta_error_set(err, GESTA_EUSAGE, e->data_dir, 0, 0, "data directory not found");
        free(e);
        return GESTA_EUSAGE;
    }

    int rc = GESTA_OK;
    if ((rc = gesta_ontology_load(&e->ontology, err)) < 0) goto fail;
    if (opts->parse_search < -1 || opts->parse_search > 64) {
        rc = gesta_error_set(err, GESTA_EUSAGE, NULL, 0, 0, "parse_search %d is out of range (-1 to 64)",
                             opts->parse_search);
        goto fail;
    }
    if (opts->load_model) {
        char path[1200];
        const char *mp = opts->model_path;
        if (!mp || !*mp) {
            snprintf(path, sizeof path, "%s/model/gesta-en.model", e->data_dir);
            mp = path;
        }
        /* Without an explicit --model, a missing default model is not fatal: given
         * parses (--use-parse) still work, and raw text is only segmented. */
        if (!opts->model_path && access(mp, R_OK) != 0)
            gesta_engine_warn(e, "%s: no parser model; raw text will be segmented but not parsed", mp);
        else if ((rc = gesta_model_load(&e->model, mp, err)) < 0)
            goto fail;
        /* set before any document is parsed: the model is read-only from here on */
        if (e->model && opts->parse_search >= 0) gesta_model_set_search(e->model, opts->parse_search);
    }
    if (opts->load_dictionaries && (rc = gesta_dicts_load(&e->dicts, opts, e->data_dir, e, err)) < 0) goto fail;
    if (opts->document_layer && (rc = gesta_gazetteer_load(&e->gazetteer, e->data_dir, err)) < 0) goto fail;
    *out = e;
    return GESTA_OK;
fail:
    gesta_engine_free(e);
    return rc;
}

void gesta_engine_free(gesta_engine *e) {
    if (!e) return;
    gesta_model_free(e->model);
    gesta_dicts_free(e->dicts);
    gesta_ontology_free(e->ontology);
    gesta_gazetteer_free(e->gazetteer);
    for (size_t i = 0; i < e->nwarn; i++) free(e->warnings[i]);
    free(e->warnings);
    free(e);
}

int gesta_process(const gesta_engine *e, gesta_doc *doc, gesta_error *err) {
    int rc;
    if (e->opts.use_parse && (doc->given_penn || doc->given_conllu) && !(doc->flags & GESTA_DOC_PRETOKENIZED)) {
        rc = gesta_syntax_given(doc);
        if (rc == GESTA_EINPUT) {
            gesta_doc_add_flag(doc, -1, "bad-parse", "the given parse could not be read; parsed the text instead");
            doc->nsent = doc->ntok = 0;
            doc->flags &= ~(uint32_t)GESTA_DOC_PRETOKENIZED;
        } else if (rc < 0) {
            goto done;
        }
    }
    if ((rc = gesta_text_segment(doc)) < 0) goto done;
    if ((rc = gesta_syntax_run(e->model, doc, e->opts.use_parse)) < 0) goto done;
    if (e->dicts && (rc = gesta_coder_run(e, doc)) < 0) goto done;
    if (e->opts.document_layer && (rc = gesta_doclayer_run(e, doc)) < 0) goto done;
done:
    if (rc < 0) gesta_error_set(err, rc, doc->origin_file, doc->origin_line, 0, "%s: %s",
                                doc->id, gesta_strerror(rc));
    return rc;
}
