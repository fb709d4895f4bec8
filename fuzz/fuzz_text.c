/*
 * Fuzz target for raw text through the pipeline.
 *
 * Each input becomes a document (gesta_doc_new: UTF-8 validation) and is
 * processed (gesta_process) by the engines named in $GESTA_FUZZ_TEXT (a comma
 * list; default "text,model"):
 *   text   no model, no dictionaries: the text layer only (segmentation,
 *          tokenization, boilerplate), plus gesta_text_fold and
 *          gesta_text_phrase_norms on the same bytes;
 *   model  the shipped tagger/parser (data/model/gesta-en.model, or
 *          $GESTA_DATA/model/...) if it loads: tagging, lemmas, parsing;
 *   full   the model, gesta's own dictionaries and the document layer.
 * An engine that cannot be loaded is skipped (once, with a note on stderr).
 *
 * Built with clang -fsanitize=fuzzer (fuzz/build.sh text) it is a libFuzzer
 * target; without FUZZ_LIBFUZZER, fuzz/replay.h gives it a main() that replays
 * files and folders. tests/unit/test_text_fuzz_corpus.c replays
 * fuzz/corpus/text/ under CTest.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/engine.h"
#include "text/text.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { M_TEXT, M_MODEL, M_FULL, M_N };
static const char *const fz_mode_name[M_N] = {"text", "model", "full"};
static gesta_engine *fz_eng[M_N];
static int fz_on[M_N];

static void fz_free_engines(void) {
    for (int m = 0; m < M_N; m++) gesta_engine_free(fz_eng[m]);
}

static void fz_init(void) {
    static int done;
    if (done) return;
    done = 1;
    const char *want = getenv("GESTA_FUZZ_TEXT");
    if (!want || !*want) want = "text,model";
    for (int m = 0; m < M_N; m++) {
        const char *p = strstr(want, fz_mode_name[m]);
        if (!p) continue;
        gesta_engine_options o = GESTA_ENGINE_OPTIONS_INIT;
        o.load_model = m != M_TEXT;
        o.load_dictionaries = m == M_FULL;
        o.document_layer = m == M_FULL;
        o.use_parse = 0;
        if (m != M_TEXT) {
            /* an explicit model path: a missing model is an error, not a silent "segment only" */
            static char path[1200];
            const char *dd = getenv("GESTA_DATA");
#ifdef GESTA_DATA_DIR
            if (!dd || !*dd) dd = GESTA_DATA_DIR;
#endif
            if (!dd || !*dd) dd = "data";
            snprintf(path, sizeof path, "%s/model/gesta-en.model", dd);
            o.model_path = path;
            o.data_dir = dd;
        }
        gesta_error err;
        if (gesta_engine_new(&fz_eng[m], &o, &err) < 0) {
            char msg[1300];
            gesta_error_format(&err, msg, sizeof msg);
            fprintf(stderr, "fuzz_text: engine '%s' not loaded, skipped: %s\n", fz_mode_name[m], msg);
            fz_eng[m] = NULL;
            continue;
        }
        fz_on[m] = 1;
    }
    atexit(fz_free_engines);
}

static void fz_text_helpers(const uint8_t *data, size_t size) {
    /* fold and phrase_norms want valid UTF-8: give them what gesta_doc_new made of the bytes */
    gesta_doc *d;
    if (gesta_doc_new(&d, "fuzz", NULL, (const char *)data, size, NULL) != GESTA_OK) return;
    const char *t = d->text;
    size_t n = d->len;
    size_t cut = n > 256 ? 256 : n; /* a dictionary phrase is short */
    while (cut < n && ((unsigned char)t[cut] & 0xC0) == 0x80) cut++;
    (void)gesta_text_fold(d->arena, t, n);
    const char **norms;
    size_t nn;
    if (gesta_text_phrase_norms(d->arena, t, cut, &norms, &nn) == GESTA_OK)
        for (size_t i = 0; i < nn; i++)
            if (!norms[i]) abort();
    gesta_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz_init();
    for (int m = 0; m < M_N; m++) {
        if (!fz_on[m]) continue;
        gesta_doc *d;
        gesta_error err;
        if (gesta_doc_new(&d, "fuzz", "2021-12-08", (const char *)data, size, &err) != GESTA_OK) continue;
        gesta_process(fz_eng[m], d, &err);
        /* every token must lie inside the text, in order */
        for (uint32_t i = 0; i < d->ntok; i++)
            if (d->toks[i].end < d->toks[i].start || d->toks[i].end > d->len) abort();
        gesta_doc_free(d);
        if (m == M_TEXT) fz_text_helpers(data, size);
    }
    return 0;
}

#include "replay.h"
