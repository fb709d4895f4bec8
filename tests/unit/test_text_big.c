/* A 10 MB line and adversarial chunks: the text layer stays linear (timed),
 * never crashes, and cuts over-long units. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "text/text.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: other processes on a busy machine do not count */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A line of n bytes: long words, commas, numbers, no newline, no final period. */
static char *make_line(size_t n) {
    static const char *const words[] = {"supercalifragilistic,", "internationalization", "1,000,000.25",
                                        "antidisestablishmentarian", "Mr.", "counterrevolutionaries;", "U.S.",
                                        "e-mail", "don't", "\xe2\x80\x9cquoted\xe2\x80\x9d"};
    char *s = malloc(n + 1);
    if (!s) return NULL;
    size_t o = 0, k = 0;
    while (o < n) {
        const char *w = words[k++ % 10];
        size_t l = strlen(w);
        if (o + l + 1 > n) { memset(s + o, 'x', n - o); o = n; break; }
        memcpy(s + o, w, l);
        o += l;
        s[o++] = ' ';
    }
    s[n] = '\0';
    return s;
}

static double seg_time(const char *s, size_t n, uint32_t *ntok, uint32_t *nsent, uint32_t *maxunit) {
    gesta_doc *d;
    if (gesta_doc_new(&d, "big", NULL, s, n, NULL) != GESTA_OK) return -1;
    double t0 = now();
    int rc = gesta_text_segment(d);
    double t = now() - t0;
    *ntok = d->ntok;
    *nsent = d->nsent;
    *maxunit = 0;
    for (uint32_t i = 0; i < d->nsent; i++) if (d->sents[i].ntok > *maxunit) *maxunit = d->sents[i].ntok;
    gesta_doc_free(d);
    return rc == GESTA_OK ? t : -1;
}

/* One chunk without whitespace made of a repeated pattern. */
static void adversarial(const char *pat, size_t n) {
    size_t pl = strlen(pat);
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) s[i] = pat[i % pl];
    s[n] = '\0';
    uint32_t nt, ns, mu;
    double t1 = seg_time(s, n / 10, &nt, &ns, &mu);
    double t10 = seg_time(s, n, &nt, &ns, &mu);
    printf("pattern \"%s\" x %zu bytes: %.3f s (1/10: %.3f s), %u tokens\n", pat, n, t10, t1, nt);
    CHECK(t10 >= 0 && t1 >= 0);
    CHECK(mu <= 400);
    /* linear: ten times the input takes about ten times as long, not a hundred */
    CHECK(t10 < 25 * (t1 + 0.002));
    free(s);
}

int main(void) {
    size_t big = 10u << 20, small = 1u << 20;
    char *s = make_line(big);
    CHECK(s != NULL);
    uint32_t nt1, ns1, mu1, nt10, ns10, mu10;
    double t1 = seg_time(s, small, &nt1, &ns1, &mu1);
    double t10 = seg_time(s, big, &nt10, &ns10, &mu10);
    printf("1 MB line: %.3f s, %u tokens, %u units; 10 MB line: %.3f s, %u tokens, %u units\n", t1, nt1, ns1, t10,
           nt10, ns10);
    CHECK(t1 > 0 && t10 > 0);
    CHECK(nt10 > 9 * nt1);
    CHECK(t10 < 25 * (t1 + 0.002));
    CHECK(t10 < 60.0); /* generous: sanitizer builds are slow */
    CHECK(mu10 <= 400);
    free(s);
    /* many lines: headings, boilerplate, quotes, blank lines, wrapped lines */
    {
        static const char para[] =
            "Cyber security\nMOSCOW, Dec 8 (Reuters) - Putin said \xe2\x80\x9cRussia will respond.\xe2\x80\x9d He met U.S. "
            "officials.\nRead more\n\n\nThe talks went on and the minister said that they\nwould continue. By Jane Doe\n"
            "Problem solver. Coffee maven. Communicator.\n";
        size_t pl = sizeof para - 1, nb = (4u << 20) / pl * pl;
        char *m = malloc(nb + 1);
        for (size_t o = 0; o < nb; o += pl) memcpy(m + o, para, pl);
        m[nb] = '\0';
        uint32_t a, b, c;
        double u1 = seg_time(m, nb / 10 / pl * pl, &a, &b, &c), u10 = seg_time(m, nb, &a, &b, &c);
        printf("4 MB of short lines: %.3f s (1/10: %.3f s), %u tokens, %u units\n", u10, u1, a, b);
        CHECK(u1 >= 0 && u10 >= 0);
        CHECK(u10 < 25 * (u1 + 0.002));
        CHECK(b > (uint32_t)(nb / pl) * 6);
        free(m);
    }
    /* one 10 MB word, and chunks that tempt each look-ahead */
    adversarial("a", big);
    adversarial("a,", 1u << 20);
    adversarial("a.b@", 1u << 20);
    adversarial("1-", 1u << 20);
    adversarial("x'", 1u << 20);
    adversarial("http://", 1u << 20);
    adversarial("\xe2\x80\x99", 1u << 20);
    return check_done();
}
