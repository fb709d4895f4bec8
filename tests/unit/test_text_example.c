/* The example article: every unit's kind and boilerplate reason (the golden
 * test tests/golden/example_split.sh checks the texts through the command). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text/text.h"

int main(void) {
    const char *td = getenv("GESTA_TESTDATA");
    char path[4096];
    snprintf(path, sizeof path, "%s/../../examples/putin-sochi-press-conference.txt", td && *td ? td : "tests/data");
    FILE *f = fopen(path, "rb");
    if (!f) { printf("SKIP: %s not found\n", path); return 77; }
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    gesta_doc *d;
    CHECK_INT(gesta_doc_new(&d, "putin", "2021-12-08", buf, n, NULL), GESTA_OK);
    CHECK_INT(gesta_text_segment(d), GESTA_OK);
    /* kind and reason per unit: P prose, H heading, or the boilerplate reason */
    static const char *const want[] = {
        "P", "read-more", "P", "P", "P", "P", "P", "P", "P", "P", "P", "H", "P", "P", "H", "P", "P", "P", "P", "P",
        "source", "author-bio", "author-bio", "author-bio", "author-bio", "author-bio"};
    size_t nw = sizeof want / sizeof want[0];
    CHECK_INT(d->nsent, nw);
    for (uint32_t i = 0; i < d->nsent && i < nw; i++) {
        const gesta_sent *s = &d->sents[i];
        const char *got = s->kind == GESTA_UNIT_HEADING ? "H" : s->kind == GESTA_UNIT_PROSE ? "P"
                          : s->boiler_why ? s->boiler_why : "(boilerplate without reason)";
        if (strcmp(got, want[i])) printf("unit %u: %.*s\n", i, (int)(s->end - s->start), d->text + s->start);
        CHECK_STR(got, want[i]);
    }
    /* headings are their own units: never glued to the next sentence */
    for (uint32_t i = 0; i < d->nsent; i++) {
        const gesta_sent *s = &d->sents[i];
        if (s->kind != GESTA_UNIT_HEADING) continue;
        CHECK(memchr(d->text + s->start, '\n', s->end - s->start) == NULL);
    }
    gesta_doc_free(d);
    return check_done();
}
