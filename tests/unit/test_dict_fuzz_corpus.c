/* Replays fuzz/corpus/dict/ through the dictionary fuzz target (every kind, then coding
 * a fixed document with them): no crash, no leak, no sanitizer report. */
#define FUZZ_NO_MAIN 1
#include "../../fuzz/fuzz_dict.c"

#include "check.h"

int main(void) {
    char dir[4096];
    if (!check_fuzz_corpus(__FILE__, "dict", dir, sizeof dir)) {
        printf("SKIP: cannot locate fuzz/corpus from %s\n", __FILE__);
        return 77;
    }
    int n = fuzz_replay(dir);
    printf("replayed %d dictionary input(s) from %s\n", n, dir);
    CHECK(n >= 7);
    /* the fixed document really is coded: the seeds give it events */
    CHECK(fz_get_engine() != NULL);
    printf("%zu event(s) coded with the fuzzed dictionaries\n", fz_nevent);
    CHECK(fz_nevent > 0);
    return check_done();
}
