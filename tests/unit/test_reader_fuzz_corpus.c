/* Replays fuzz/corpus/reader/ through the fuzz target (readers + given parses): no crash, no leak, no hang. */
#define FUZZ_NO_MAIN 1
#include "../../fuzz/fuzz_reader.c"

#include "check.h"

int main(void) {
    /* the corpus beside this source: <root>/tests/unit/this.c → <root>/fuzz/corpus/reader */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", __FILE__);
    char *cut = strstr(dir, "tests/unit/");
    if (!cut) {
        printf("SKIP: cannot locate fuzz/corpus from %s\n", __FILE__);
        return 77;
    }
    strcpy(cut, "fuzz/corpus/reader");
    int n = fuzz_replay(dir);
    printf("replayed %d corpus input(s) from %s\n", n, dir);
    CHECK(n >= 20);
    return check_done();
}
