/* The arc-hybrid transition system and its dynamic oracle: following the
 * zero-cost transitions from the start reproduces every projective gold tree
 * (hand-written sentences, and a slice of EWT dev when ../shared is there),
 * takes exactly 2n steps, and wrong moves have a positive cost. */
#include <stdlib.h>

#include "check.h"
#include "syntax/model.h"

/* Runs the oracle over gold heads/labels (1-based arrays, [0] unused); returns 1 if
 * the tree is reproduced exactly in 2n steps with every chosen step of cost 0. */
static int oracle_reproduces(int n, const int *ghead, const int *glab, int nlab, int *wrong_moves_costly) {
    int *mem = malloc(gesta_pstate_ints(n) * sizeof *mem);
    gesta_pstate st;
    gesta_pstate_init(&st, n, mem);
    int steps = 0, ok = 1;
    while (!gesta_pstate_done(&st) && steps <= 2 * n) {
        int best = -1;
        for (int c = 0; c < 1 + 2 * nlab; c++) {
            if (!gesta_pstate_legal(&st, c)) continue;
            int cost = gesta_pstate_cost(&st, c, ghead, glab);
            if (cost == 0 && best < 0) best = c;
            if (cost > 0) (*wrong_moves_costly)++;
        }
        if (best < 0) { ok = 0; break; }
        gesta_pstate_apply(&st, best);
        steps++;
    }
    if (steps != 2 * n || !gesta_pstate_done(&st)) ok = 0;
    for (int i = 1; i <= n && ok; i++)
        if (st.head[i] != ghead[i] || st.lab[i] != glab[i]) ok = 0;
    free(mem);
    return ok;
}

static void hand_written(void) {
    /* heads are 1-based with [0] unused; labels are small ints */
    static const int h1[] = {-1, 2, 0, 2};                          /* John saw Mary */
    static const int l1[] = {-1, 0, 1, 2};
    static const int h2[] = {-1, 3, 3, 4, 0, 6, 4, 9, 9, 4, 4};     /* The old man saw the dog in the park . */
    static const int l2[] = {-1, 3, 4, 0, 1, 3, 2, 5, 3, 6, 7};
    static const int h3[] = {-1, 0};                                /* Yes */
    static const int l3[] = {-1, 1};
    static const int h4[] = {-1, 4, 3, 4, 0, 4, 7, 5, 4};           /* left and right chains */
    static const int l4[] = {-1, 2, 2, 2, 1, 2, 2, 2, 7};
    int costly = 0;
    CHECK(oracle_reproduces(3, h1, l1, 8, &costly));
    CHECK(oracle_reproduces(10, h2, l2, 8, &costly));
    CHECK(oracle_reproduces(1, h3, l3, 8, &costly));
    CHECK(oracle_reproduces(8, h4, l4, 8, &costly));
    CHECK(costly > 0);

    /* a wrong label on a gold arc costs exactly one */
    int mem[64];
    gesta_pstate st;
    gesta_pstate_init(&st, 3, mem);
    gesta_pstate_apply(&st, GESTA_TR_SHIFT);             /* stack: root John; buffer: saw Mary */
    CHECK_INT(gesta_pstate_cost(&st, 1 + 2 * 0, h1, l1), 0); /* LEFT-0: saw -> John, right label */
    CHECK_INT(gesta_pstate_cost(&st, 1 + 2 * 3, h1, l1), 1); /* LEFT-3: wrong label */
    CHECK(gesta_pstate_cost(&st, GESTA_TR_SHIFT, h1, l1) > 0); /* John would lose its head */
    CHECK(!gesta_pstate_legal(&st, 2));                  /* RIGHT onto the root needs an empty buffer */

    /* the projectivity check */
    char *form[4] = {"a", "b", "c", "d"};
    int head_np[4] = {3, 4, 0, 3}, head_p[4] = {2, 0, 2, 3}, lab[4] = {0, 0, 0, 0};
    gesta_tbsent s = {0};
    s.n = 4;
    s.form = form;
    s.head = head_np;
    s.lab = lab;
    CHECK(!gesta_tbsent_projective(&s));                 /* 1->3 and 2->4 cross */
    s.head = head_p;
    CHECK(gesta_tbsent_projective(&s));

    /* projectivizing lifts 2->4 (it spans the root word 3) to 4's head: 3 */
    s.head = head_np;
    CHECK_INT(gesta_tbsent_projectivize(&s), 1);
    CHECK_INT(head_np[0], 3);
    CHECK_INT(head_np[1], 3);
    CHECK_INT(head_np[2], 0);
    CHECK_INT(head_np[3], 3);
    CHECK(gesta_tbsent_projective(&s));
    CHECK_INT(gesta_tbsent_projectivize(&s), 0);         /* already projective: unchanged */
    int head_bad[4] = {2, 1, 0, 3};                      /* a cycle: refused, left as is */
    s.head = head_bad;
    CHECK_INT(gesta_tbsent_projectivize(&s), -1);
    CHECK_INT(head_bad[0], 2);
}

static void ewt_slice(const char *shared) {
    char path[4096];
    snprintf(path, sizeof path, "%s/ud/en_ewt-ud-dev.conllu", shared);
    gesta_vocab v = {0};
    gesta_tb c;
    gesta_error err = {0};
    if (gesta_tb_read(&c, path, &v, 1, &err) < 0) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        CHECK(0);
        return;
    }
    int tried = 0, reproduced = 0, costly = 0;
    for (int k = 0; k < c.n && tried < 600; k++) {
        gesta_tbsent *s = &c.s[k];
        if (!gesta_tbsent_projective(s)) continue;
        int *gh = malloc((size_t)(s->n + 1) * sizeof *gh), *gl = malloc((size_t)(s->n + 1) * sizeof *gl);
        gh[0] = gl[0] = -1;
        for (int i = 0; i < s->n; i++) {
            gh[i + 1] = s->head[i];
            gl[i + 1] = s->lab[i];
        }
        tried++;
        reproduced += oracle_reproduces(s->n, gh, gl, v.nlab, &costly);
        free(gh);
        free(gl);
    }
    CHECK_INT(tried, 600);
    CHECK_INT(reproduced, tried);
    /* every non-projective tree of dev becomes projective, keeps its root, and the
     * oracle then reproduces it */
    int nonproj = 0, fixed = 0;
    for (int k = 0; k < c.n; k++) {
        gesta_tbsent *s = &c.s[k];
        if (gesta_tbsent_projective(s)) continue;
        int root = -1;
        for (int i = 0; i < s->n; i++) if (s->head[i] == 0) root = i;
        int lifts = gesta_tbsent_projectivize(s);
        if (lifts < 0) continue;
        nonproj++;
        int *gh = malloc((size_t)(s->n + 1) * sizeof *gh), *gl = malloc((size_t)(s->n + 1) * sizeof *gl);
        gh[0] = gl[0] = -1;
        for (int i = 0; i < s->n; i++) {
            gh[i + 1] = s->head[i];
            gl[i + 1] = s->lab[i];
        }
        fixed += lifts > 0 && gesta_tbsent_projective(s) && s->head[root] == 0 &&
                 oracle_reproduces(s->n, gh, gl, v.nlab, &costly);
        free(gh);
        free(gl);
    }
    CHECK(nonproj > 10);
    CHECK_INT(fixed, nonproj);
    gesta_tb_free(&c);
    gesta_vocab_free(&v);
}

int main(void) {
    hand_written();
    const char *shared = check_shared_dir();
    if (shared) ewt_slice(shared);
    else printf("note: ../shared not found; EWT part skipped\n");
    return check_done();
}
