/* UTF-8 validation and repair (src/text/utf8.c) and its use by documents. */
#include <string.h>

#include "check.h"
#include "core/doc.h"
#include "text/text.h"
#include "text/utf8.h"

static void decode(void) {
    int32_t cp = 0;
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"A", 1, &cp), 1);
    CHECK_INT(cp, 'A');
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"\xc3\xa9", 2, &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"\xe2\x80\x99", 3, &cp), 3);
    CHECK_INT(cp, 0x2019);
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
    /* overlong, surrogate, past U+10FFFF, truncated, stray continuation */
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"\xc0\xaf", 2, &cp), 0);
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"\xe0\x80\xaf", 3, &cp), 0);
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0);
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0);
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"\xe2\x80", 2, &cp), 0);
    CHECK_INT(gesta_utf8_decode((const unsigned char *)"\x80", 1, &cp), 0);
}

static void repair(void) {
    const char bad[] = "ok \xff\xfe x\xe2\x80 \xc3\xa9";
    size_t n = sizeof bad - 1, first;
    CHECK_INT(gesta_utf8_count_invalid(bad, n, &first), 4);
    CHECK_INT(first, 3);
    char out[3 * sizeof bad + 1];
    size_t replaced;
    size_t len = gesta_utf8_repair(bad, n, out, &replaced);
    CHECK_INT(replaced, 4);
    CHECK_STR(out, "ok \xef\xbf\xbd\xef\xbf\xbd x\xef\xbf\xbd\xef\xbf\xbd \xc3\xa9");
    CHECK_INT(len, strlen(out));
    CHECK_INT(gesta_utf8_count_invalid(out, len, NULL), 0);
    /* NUL bytes become U+FFFD so the text stays a C string */
    const char nul[] = {'a', 0, 'b'};
    len = gesta_utf8_repair(nul, 3, out, &replaced);
    CHECK_INT(replaced, 1);
    CHECK_STR(out, "a\xef\xbf\xbd" "b");
    char enc[4];
    CHECK_INT(gesta_utf8_encode(0x2019, enc), 3);
    CHECK(memcmp(enc, "\xe2\x80\x99", 3) == 0);
    CHECK_INT(gesta_utf8_encode(0x1F600, enc), 4);
}

/* A document with invalid bytes: repaired, flagged, and segmented without harm. */
static void document(void) {
    const char text[] = "Mr. Smith\xff said \xc3 no.\x80 Then he \xe2\x80 left.";
    gesta_doc *d;
    CHECK_INT(gesta_doc_new(&d, "bad", NULL, text, sizeof text - 1, NULL), GESTA_OK);
    CHECK_INT(d->invalid_bytes, 5);
    CHECK_INT(d->nflag, 1);
    CHECK_STR(d->flagrecs[0].kind, "invalid-utf8");
    CHECK_INT(gesta_utf8_count_invalid(d->text, d->len, NULL), 0);
    CHECK_INT(gesta_text_segment(d), GESTA_OK);
    CHECK(d->ntok > 5);
    for (uint32_t i = 0; i < d->ntok; i++) {
        CHECK(d->toks[i].end <= d->len);
        CHECK(d->toks[i].start < d->toks[i].end);
        CHECK_INT(gesta_utf8_count_invalid(d->toks[i].norm, strlen(d->toks[i].norm), NULL), 0);
    }
    gesta_doc_free(d);
    /* random bytes: never a crash, every token inside the text */
    unsigned seed = 12345;
    char junk[4096];
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof junk; i++) {
            seed = seed * 1103515245u + 12345u;
            junk[i] = (char)(seed >> 16);
        }
        CHECK_INT(gesta_doc_new(&d, "junk", NULL, junk, sizeof junk, NULL), GESTA_OK);
        CHECK_INT(gesta_text_segment(d), GESTA_OK);
        uint32_t prev_end = 0;
        int ordered = 1;
        for (uint32_t i = 0; i < d->ntok; i++) {
            if (d->toks[i].start < prev_end || d->toks[i].end > d->len) ordered = 0;
            prev_end = d->toks[i].end;
        }
        CHECK(ordered);
        gesta_doc_free(d);
    }
}

int main(void) {
    decode();
    repair();
    document();
    return check_done();
}
