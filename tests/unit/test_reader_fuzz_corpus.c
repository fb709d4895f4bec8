/* Replays fuzz/corpus/reader/ through the fuzz target (readers + given parses): no crash, no leak, no hang. */
#define FUZZ_NO_MAIN 1
#include "../../fuzz/fuzz_reader.c"

#include "check.h"

int main(void) {
    char dir[4096];
    if (!check_fuzz_corpus(__FILE__, "reader", dir, sizeof dir)) {
        printf("SKIP: cannot locate fuzz/corpus from %s\n", __FILE__);
        return 77;
    }
    int n = fuzz_replay(dir);
    printf("replayed %d corpus input(s) from %s\n", n, dir);
    CHECK(n >= 20);
    return check_done();
}
