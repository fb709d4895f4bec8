/* A small test harness: CHECK macros count passes and failures, and
 * check_done() prints "N passed, N failed" and returns the exit status. */
#ifndef GESTA_TEST_CHECK_H
#define GESTA_TEST_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond) do { if (cond) check_passed++; else { check_failed++; \
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_INT(a, b) do { long long _a = (long long)(a), _b = (long long)(b); \
    if (_a == _b) check_passed++; else { check_failed++; \
    fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, _a, _b); } } while (0)
#define CHECK_STR(a, b) do { const char *_a = (a), *_b = (b); \
    if (_a && _b && strcmp(_a, _b) == 0) check_passed++; else { check_failed++; \
    fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
            _a ? _a : "(null)", _b ? _b : "(null)"); } } while (0)

/* The folder holding ../shared: $GESTA_SHARED, else the build's default; NULL when absent. */
static inline const char *check_shared_dir(void) {
    const char *d = getenv("GESTA_SHARED");
    if (!d || !*d) d = getenv("GESTA_SHARED_DEFAULT");
    if (!d || !*d) d = "../shared";
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/README.md", d);
    FILE *f = fopen(probe, "r");
    if (!f) return NULL;
    fclose(f);
    return d;
}
#define SKIP_WITHOUT_SHARED(dirvar) const char *dirvar = check_shared_dir(); \
    if (!dirvar) { printf("SKIP: ../shared not found (set GESTA_SHARED)\n"); return 77; }

/* The fuzz corpus of `kind` in the source tree, found from a test's __FILE__
 * (<root>/tests/unit/x.c → <root>/fuzz/corpus/<kind>); 0 when it cannot be located. */
static inline int check_fuzz_corpus(const char *source_file, const char *kind, char *dir, size_t size) {
    snprintf(dir, size, "%s", source_file);
    char *cut = strstr(dir, "tests/unit/");
    if (!cut) return 0;
    snprintf(cut, size - (size_t)(cut - dir), "fuzz/corpus/%s", kind);
    return 1;
}

static inline int check_done(void) {
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}
#endif
