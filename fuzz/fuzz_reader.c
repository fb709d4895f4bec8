/*
 * Fuzz target for the readers and the given-parse conversion.
 *
 * LLVMFuzzerTestOneInput runs every input through each reader format (text,
 * JSONL, PETRARCH XML, CoNLL-U, and detection; .gz when the bytes are gzip),
 * converts any given parse the records carry, and also hands the raw bytes to
 * gesta_syntax_given as a Penn bracketing and as CoNLL-U rows.
 *
 * Built with clang -fsanitize=fuzzer (see fuzz/README.md) it is a libFuzzer
 * target. Built without FUZZ_LIBFUZZER it has a main() that replays files and
 * folders given on the command line; tests/unit/test_reader_fuzz_corpus.c
 * includes this file (FUZZ_NO_MAIN) to replay fuzz/corpus/reader/ under CTest.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/reader.h"
#include "syntax/syntax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_path[256];

static void fuzz_cleanup(void) {
    if (fuzz_path[0]) unlink(fuzz_path);
}

/* The readers take paths: the input goes to one scratch file, rewritten each time. */
static int fuzz_write(const uint8_t *data, size_t size) {
    if (!fuzz_path[0]) {
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        snprintf(fuzz_path, sizeof fuzz_path, "%s/gesta-fuzz-XXXXXX", dir);
        int fd = mkstemp(fuzz_path);
        if (fd < 0) { fuzz_path[0] = '\0'; return -1; }
        close(fd);
        atexit(fuzz_cleanup);
    }
    FILE *f = fopen(fuzz_path, "wb");
    if (!f) return -1;
    if (size && fwrite(data, 1, size, f) != size) { fclose(f); return -1; }
    return fclose(f);
}

static void fuzz_diag(void *ctx, const gesta_error *e) {
    char buf[1300];
    gesta_error_format(e, buf, sizeof buf); /* formatting must not crash either */
    (*(size_t *)ctx)++;
}

static void fuzz_one_format(gesta_input_format fmt) {
    size_t ndiag = 0;
    gesta_reader_options o = {0};
    o.format = fmt;
    o.default_date = "2021-12-08";
    o.diag = fuzz_diag;
    o.diag_ctx = &ndiag;
    gesta_reader *r;
    gesta_error err;
    if (gesta_reader_open(&r, fuzz_path, &o, &err) < 0) return;
    gesta_reader_environment(r, "Verbfile");
    gesta_doc *d;
    int rc, n = 0;
    while ((rc = gesta_reader_next(r, &d, &err)) != GESTA_EOF) {
        if (rc < 0) {
            if (rc == GESTA_EIO || rc == GESTA_ENOMEM) break;
            continue;
        }
        if (d->given_penn || d->given_conllu) gesta_syntax_given(d);
        gesta_doc_free(d);
        if (++n > 100000) break;
    }
    gesta_reader_close(r);
}

static void fuzz_given(const uint8_t *data, size_t size, int conllu) {
    gesta_doc *d;
    if (gesta_doc_new(&d, "fuzz", NULL, "Arnor met Gondor (again) in \"Minas Tirith\".", 44, NULL) < 0) return;
    char *s = gesta_arena_strndup(d->arena, (const char *)data, size); /* stops at a NUL byte, as a C string would */
    if (!s) { gesta_doc_free(d); return; }
    if (conllu) d->given_conllu = s;
    else d->given_penn = s;
    gesta_syntax_given(d);
    gesta_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (fuzz_write(data, size) < 0) return 0;
    static const gesta_input_format fmts[] = {GESTA_IN_AUTO, GESTA_IN_TEXT, GESTA_IN_JSONL, GESTA_IN_PXML,
                                              GESTA_IN_CONLLU};
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) fuzz_one_format(fmts[i]);
    fuzz_given(data, size, 0);
    fuzz_given(data, size, 1);
    return 0;
}

/* The standalone replay (built without FUZZ_LIBFUZZER) is shared by every target. */
#include "replay.h"
