/*
 * Standalone replay for the fuzz targets fuzz_dict.c and fuzz_text.c: built
 * without FUZZ_LIBFUZZER, a target gets functions (and, unless FUZZ_NO_MAIN, a
 * main()) that run each file, or each regular file of each folder, named on the
 * command line through LLVMFuzzerTestOneInput. The CTest programs
 * tests/unit/test_{dict,text}_fuzz_corpus.c include the targets with
 * FUZZ_NO_MAIN and replay fuzz/corpus/<kind>/.
 */
#ifndef GESTA_FUZZ_REPLAY_H
#define GESTA_FUZZ_REPLAY_H
#ifndef FUZZ_LIBFUZZER
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Runs one file through the target; returns 1 if it was read. */
static int fuzz_replay_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    uint8_t *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            uint8_t *p = realloc(buf, cap);
            if (!p) break;
            buf = p;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!got) break;
        n += got;
    }
    fclose(f);
    /* a copy of exactly n bytes, so ASan sees any read past the input's end */
    uint8_t *exact = malloc(n ? n : 1);
    if (exact) {
        if (n) memcpy(exact, buf, n);
        LLVMFuzzerTestOneInput(exact, n);
        free(exact);
    }
    free(buf);
    return exact != NULL;
}

/* Replays a file or every regular file of a folder; returns how many ran. */
static int fuzz_replay(const char *path) {
    struct stat st;
    if (stat(path, &st) < 0) return 0;
    if (!S_ISDIR(st.st_mode)) return fuzz_replay_file(path);
    DIR *d = opendir(path);
    if (!d) return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char p[4096 + 256 + 2];
        snprintf(p, sizeof p, "%.4096s/%.256s", path, e->d_name);
        if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) n += fuzz_replay_file(p);
    }
    closedir(d);
    return n;
}

#ifndef FUZZ_NO_MAIN
int main(int argc, char **argv) {
    int n = 0;
    for (int i = 1; i < argc; i++) n += fuzz_replay(argv[i]);
    printf("replayed %d input(s)\n", n);
    return n > 0 ? 0 : 1;
}
#endif
#endif /* FUZZ_LIBFUZZER */
#endif
