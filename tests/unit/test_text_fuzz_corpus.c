/* Replays fuzz/corpus/text/ through the raw-text fuzz target: the text layer alone,
 * then the shipped model and the full pipeline when they load. No crash, no leak. */
#define FUZZ_NO_MAIN 1
#include <stdlib.h>
#include "../../fuzz/fuzz_text.c"

#include "check.h"

int main(void) {
    char dir[4096];
    if (!check_fuzz_corpus(__FILE__, "text", dir, sizeof dir)) {
        printf("SKIP: cannot locate fuzz/corpus from %s\n", __FILE__);
        return 77;
    }
    if (!getenv("GESTA_FUZZ_TEXT")) setenv("GESTA_FUZZ_TEXT", "text,model,full", 1);
    int n = fuzz_replay(dir);
    printf("replayed %d text input(s) from %s (engines: text %d, model %d, full %d)\n", n, dir,
           fz_on[M_TEXT], fz_on[M_MODEL], fz_on[M_FULL]);
    CHECK(n >= 10);
    CHECK(fz_on[M_TEXT]);
    return check_done();
}
