/*
 * Loading the full Phoenix dictionary set (CAMEO.2.0 verbs, the three actor
 * files, agents, discards, issues) from $GESTA_SHARED/petrarch/phoenix.
 *
 *   build-coder/bench/bench_dictload [ROUNDS]      (default 11)
 *
 * Prints each round's time, the median, and the memory the loaded set holds
 * (arena + hash tables) and the process's peak RSS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "coder/dict.h"

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void ignore(void *arg, const char *m) { (void)arg; (void)m; }

static size_t held(const struct gesta_dicts *d) {
    return gesta_arena_used(d->arena) + gesta_strmap_bytes(d->words) + gesta_strmap_bytes(d->verb_index) +
           gesta_strmap_bytes(d->syn_index) + gesta_strmap_bytes(d->actor_phr.first) +
           gesta_strmap_bytes(d->agent_phr.first) + gesta_strmap_bytes(d->discard_phr.first) +
           gesta_strmap_bytes(d->issue_phr.first);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 11;
    if (rounds < 1) rounds = 1;
    const char *sh = getenv("GESTA_SHARED");
    if (!sh || !*sh) sh = "../shared";
    char p[7][1024];
    const char *names[7] = {"CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                            "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt",
                            "Phoenix.IssueCoding.txt"};
    for (int i = 0; i < 7; i++) snprintf(p[i], sizeof p[i], "%s/petrarch/phoenix/%s", sh, names[i]);
    dict_files f;
    memset(&f, 0, sizeof f);
    f.verbs = p[0];
    f.actors[0] = p[1]; f.actors[1] = p[2]; f.actors[2] = p[3];
    f.nactors = 3;
    f.agents = p[4];
    f.discards = p[5];
    f.issues = p[6];
    double *ms = calloc((size_t)rounds, sizeof *ms);
    size_t bytes = 0, fbytes = 0;
    unsigned npat = 0, nact = 0, nprob = 0;
    for (int r = 0; r < rounds; r++) {
        struct gesta_dicts *d;
        gesta_error err = {0};
        double t0 = now_ms();
        if (dict_load_files(&d, &f, NULL, ignore, NULL, 0, &err) < 0) {
            fprintf(stderr, "bench_dictload: %s: %s (set GESTA_SHARED)\n", err.file, err.message);
            return 2;
        }
        ms[r] = now_ms() - t0;
        bytes = held(d);
        fbytes = d->file_bytes;
        npat = d->npat;
        nact = d->nactor;
        nprob = d->nproblems;
        gesta_dicts_free(d);
        printf("round %d: %.1f ms\n", r + 1, ms[r]);
    }
    qsort(ms, (size_t)rounds, sizeof *ms, cmp_d);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("phoenix set: %.1f MB of files, %u verb patterns, %u actor entries, %u line problems\n",
           (double)fbytes / 1e6, npat, nact, nprob);
    printf("median load %.1f ms over %d rounds; held %.1f MB; peak RSS %.1f MB\n", ms[rounds / 2], rounds,
           (double)bytes / 1048576.0, (double)ru.ru_maxrss / 1024.0);
    free(ms);
    return 0;
}
