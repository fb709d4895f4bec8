/* Dictionary loading: each construct of the verb, actor, agent, discard and
 * issue formats, and bad lines reported as FILE:LINE with the rest loaded. */
#include <stdint.h>

#include "check.h"
#include "coder/dict.h"
#include "coder/sentview.h"

static char msgs[64][512];
static int nmsg;

static void collect(void *arg, const char *m) {
    (void)arg;
    if (nmsg < 64) snprintf(msgs[nmsg++], sizeof msgs[0], "%s", m);
}

static int has_msg(const char *needle) {
    for (int i = 0; i < nmsg; i++)
        if (strstr(msgs[i], needle)) return 1;
    return 0;
}

static const char *data(const char *name) {
    static char path[8][1024];
    static int k;
    const char *d = getenv("GESTA_TESTDATA");
    if (!d) d = "tests/data";
    k = (k + 1) % 8;
    snprintf(path[k], sizeof path[k], "%s/coder/%s", d, name);
    return path[k];
}

static uint32_t W(struct gesta_dicts *d, const char *w) { return dict_word_find(d, w, strlen(w)); }

static int syn_has(struct gesta_dicts *d, const char *name, const char *words) {
    uint64_t v;
    if (!gesta_strmap_get(d->syn_index, name, strlen(name), &v)) return 0;
    synset *s = &d->syns[v];
    uint32_t w[8];
    int n = 0;
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", words);
    char *sv = NULL;
    for (char *t = strtok_r(tmp, " ", &sv); t; t = strtok_r(NULL, " ", &sv)) w[n++] = W(d, t);
    for (uint32_t i = 0; i < s->n; i++)
        if (s->plen[i] == n && !memcmp(s->phr[i], w, (size_t)n * sizeof *w)) return 1;
    return 0;
}

static const verb_form *form(struct gesta_dicts *d, const char *word) {
    uint32_t w = W(d, word);
    uint64_t v;
    if (w == NO_WORD || !gesta_strmap_get(d->verb_index, (const char *)&w, sizeof w, &v)) return NULL;
    return &d->forms[v];
}

static int phrase_entry(struct gesta_dicts *d, phrase_table *t, const char *words, uint32_t *payload) {
    uint32_t w[8];
    int n = 0;
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", words);
    char *sv = NULL;
    for (char *x = strtok_r(tmp, " ", &sv); x; x = strtok_r(NULL, " ", &sv)) {
        w[n++] = W(d, x);
        if (w[n - 1] == NO_WORD) return 0;
    }
    for (int32_t p = dict_phrase_first(t, w[0]); p >= 0; p = t->p[p].next)
        if (t->p[p].n == n && !memcmp(t->p[p].w, w, (size_t)n * sizeof *w)) { *payload = t->p[p].payload; return 1; }
    return 0;
}

static void test_p1_verbs(void) {
    dict_files f = {0};
    f.verbs = data("p1.verbs.txt");
    struct gesta_dicts *d;
    gesta_error err = {0};
    nmsg = 0;
    CHECK_INT(dict_load_files(&d, &f, NULL, collect, NULL, 0, &err), 0);
    CHECK_INT(nmsg, 0);
    CHECK_INT(d->verb_dialect, 1);
    /* synsets: members, automatic plurals, no plural after "_" label or member */
    CHECK(syn_has(d, "&bonds", "ties"));
    CHECK(!syn_has(d, "&bonds", "tiess"));
    CHECK(syn_has(d, "&coin", "credit"));
    CHECK(syn_has(d, "&coin", "credits"));
    CHECK(syn_has(d, "&coin", "gold coins"));
    CHECK(syn_has(d, "&coin", "silver coin"));
    CHECK(!syn_has(d, "&coin", "silver coins"));
    /* a synset inside a synset */
    CHECK(syn_has(d, "&wider", "gold coin"));
    CHECK(syn_has(d, "&wider", "barter"));
    /* verbs: irregular forms, regular forms, multi-word verbs */
    CHECK(form(d, "met") != NULL);
    CHECK(form(d, "meet") != NULL);
    CHECK(form(d, "conferred") == NULL); /* regular: "confered" — the rule is simple on purpose */
    CHECK(form(d, "confers") != NULL);
    CHECK(form(d, "conferring") == NULL);
    CHECK(form(d, "attacked") != NULL);
    const verb_form *bl = form(d, "blew");
    CHECK(bl != NULL);
    if (bl) {
        CHECK_INT(bl->nafter, 1);
        CHECK_INT(bl->after[0], W(d, "up"));
        CHECK_STR(d->blocks[bl->block].code, "190");
    }
    /* blocks and their codes; [---] block = NULL code */
    const verb_form *pr = form(d, "promise");
    CHECK(pr && d->blocks[pr->block].code == NULL);
    /* patterns: elements, paired codes, null codes */
    const verb_form *mt = form(d, "meet");
    CHECK(mt != NULL);
    if (mt) {
        const verb_block *b = &d->blocks[mt->block];
        CHECK_INT(b->npat, 2);
        const verb_pattern *p = &d->pats[b->pat0];
        CHECK_STR(p->code, "043");
        CHECK_INT(p->npre, 0);
        CHECK_INT(p->npost, 2);
        CHECK_INT(p->post[0].kind, PE_WORD);
        CHECK_INT(p->post[1].kind, PE_TGT);
        const verb_pattern *q = &d->pats[b->pat0 + 1];
        CHECK_INT(q->npost, 2);
        CHECK_INT(q->post[1].joined, 1); /* IN_SECRET */
        CHECK_INT(q->post[0].joined, 0);
    }
    if (pr) {
        const verb_block *b = &d->blocks[pr->block];
        CHECK_STR(d->pats[b->pat0].code, "0331");
        CHECK_STR(d->pats[b->pat0].code2, "0331");
        CHECK_STR(d->pats[b->pat0 + 1].code, "");
    }
    /* ^ skip element */
    const verb_form *at = form(d, "attack");
    if (at) CHECK_INT(d->pats[d->blocks[at->block].pat0 + 2].post[0].kind, PE_SKIP);
    /* transformation */
    CHECK_INT(d->ntrans, 1);
    if (d->ntrans) {
        CHECK_STR(d->trans[0].rcode, "138");
        CHECK_INT(d->trans[0].lsrc, 'a');
        CHECK_STR(d->trans[0].lcode, "ATTACK");
    }
    gesta_dicts_free(d);
}

static void test_p2_verbs(void) {
    dict_files f = {0};
    f.verbs = data("p2.verbs.txt");
    struct gesta_dicts *d;
    gesta_error err = {0};
    nmsg = 0;
    CHECK_INT(dict_load_files(&d, &f, NULL, collect, NULL, 0, &err), 0);
    CHECK_INT(nmsg, 0);
    CHECK_INT(d->verb_dialect, 2);
    const verb_form *g = form(d, "gave");
    CHECK(g != NULL);
    if (g) {
        const verb_block *b = &d->blocks[g->block];
        CHECK_INT(b->npat, 3);
        const verb_pattern *p = &d->pats[b->pat0];
        CHECK_INT(p->npost, 2);
        CHECK_INT(p->post[0].group, 1);
        CHECK_INT(p->post[1].head, 1);
        const verb_pattern *q = &d->pats[b->pat0 + 1];
        CHECK_INT(q->npost, 3);
        CHECK_INT(q->post[1].group, 2);
        CHECK_INT(q->post[2].kind, PE_TGT);
        CHECK_STR(d->pats[b->pat0 + 2].code2, "036");
    }
    gesta_dicts_free(d);
}

static void test_actors_agents(void) {
    dict_files f = {0};
    f.actors[f.nactors++] = data("test.actors.txt");
    f.agents = data("test.agents.txt");
    f.discards = data("test.discards.txt");
    f.issues = data("test.issues.txt");
    struct gesta_dicts *d;
    gesta_error err = {0};
    nmsg = 0;
    CHECK_INT(dict_load_files(&d, &f, NULL, collect, NULL, 1, &err), 0);
    for (int i = 0; i < nmsg; i++) fprintf(stderr, "unexpected: %s\n", msgs[i]);
    CHECK_INT(nmsg, 0);
    uint32_t e;
    CHECK(phrase_entry(d, &d->actor_phr, "eldorian", &e));
    CHECK_STR(d->actors[e].deflt, "ELD");
    CHECK(phrase_entry(d, &d->actor_phr, "valmere", &e));
    CHECK_STR(d->actors[e].deflt, "VAL");
    /* date-restricted codes */
    CHECK(phrase_entry(d, &d->actor_phr, "queen isolde", &e));
    uint32_t e2;
    CHECK(phrase_entry(d, &d->actor_phr, "isolde", &e2));
    CHECK_INT(e, e2);
    const actor_entry *q = &d->actors[e];
    CHECK_INT(q->ncode, 3);
    CHECK_STR(actor_code_on(q, 20120601, NULL), "ELDGOV");
    CHECK_STR(actor_code_on(q, 20151231, NULL), "ELDGOV");   /* limits are inclusive */
    CHECK_STR(actor_code_on(q, 20170101, NULL), "ELDELI");   /* yymmdd dates */
    CHECK_STR(actor_code_on(q, 19900101, NULL), "ELDELI");   /* the undated default */
    CHECK(phrase_entry(d, &d->actor_phr, "marshal oren", &e));
    CHECK_STR(actor_code_on(&d->actors[e], 20000101, NULL), "VALMIL");
    CHECK_STR(actor_code_on(&d->actors[e], 20100101, NULL), "VALGOV");
    CHECK_STR(actor_code_on(&d->actors[e], 20050101, NULL), "VALMIL"); /* "<d" includes d */
    CHECK_STR(actor_code_on(&d->actors[e], 20050102, NULL), "VALGOV");
    /* agents: placement, plurals, {} no plural, substitution sets, listed plurals */
    CHECK(phrase_entry(d, &d->agent_phr, "police", &e));
    CHECK_STR(d->agents[e].code, "COP");
    CHECK_INT(d->agents[e].prefix, 0);
    CHECK(!phrase_entry(d, &d->agent_phr, "polices", &e));
    CHECK(phrase_entry(d, &d->agent_phr, "ministers", &e));
    CHECK_STR(d->agents[e].code, "GOV");
    CHECK(phrase_entry(d, &d->agent_phr, "rights group", &e));
    CHECK_INT(d->agents[e].prefix, 1);
    CHECK_STR(d->agents[e].code, "NGO");
    CHECK(phrase_entry(d, &d->agent_phr, "congressmen", &e));
    CHECK(phrase_entry(d, &d->agent_phr, "congresswoman", &e));
    CHECK(!phrase_entry(d, &d->agent_phr, "congressmans", &e));
    CHECK(phrase_entry(d, &d->agent_phr, "attorneys general", &e));
    CHECK_STR(d->agents[e].code, "JUD");
    /* discards: sentence / story, stems */
    CHECK_INT(d->ndiscard, 4);
    CHECK_INT(d->nshort_stem, 1);
    CHECK(phrase_entry(d, &d->discard_phr, "chess tournament", &e));
    CHECK_INT(d->discards[e].story, 1);
    CHECK(phrase_entry(d, &d->discard_phr, "football", &e));
    CHECK_INT(d->discards[e].story, 0);
    CHECK(phrase_entry(d, &d->discard_phr, "grand prix", &e));
    CHECK_INT(d->discard_phr.p[0].stem, 1);
    /* issues: n: plural, v: forms, ~ ignore */
    CHECK(phrase_entry(d, &d->issue_phr, "famines", &e));
    CHECK_STR(d->issues[e].code, "FOOD_SECURITY");
    CHECK(phrase_entry(d, &d->issue_phr, "crop failed", &e));
    CHECK(phrase_entry(d, &d->issue_phr, "crop failing", &e));
    CHECK(phrase_entry(d, &d->issue_phr, "famine relief", &e));
    CHECK(d->issues[e].code == NULL);
    gesta_dicts_free(d);
}

static void test_bad(void) {
    dict_files f = {0};
    f.verbs = data("bad.verbs.txt");
    f.actors[f.nactors++] = data("bad.actors.txt");
    struct gesta_dicts *d;
    gesta_error err = {0};
    nmsg = 0;
    CHECK_INT(dict_load_files(&d, &f, NULL, collect, NULL, 1, &err), 0);
    for (int i = 0; i < nmsg; i++) printf("  reported: %s\n", msgs[i]);
    CHECK(has_msg("bad.verbs.txt:4: code '9999' is not a CAMEO event code"));
    CHECK(has_msg("bad.verbs.txt:5: pattern without [CODE]"));
    CHECK(has_msg("bad.verbs.txt:6: pattern has no verb marker"));
    CHECK(has_msg("bad.verbs.txt:7: undefined synset"));
    CHECK(has_msg("bad.verbs.txt:8: malformed code"));
    CHECK(has_msg("bad.verbs.txt:9: pattern line must start with '-'"));
    CHECK(has_msg("bad.actors.txt:1: synonym before any actor phrase"));
    CHECK(has_msg("bad.actors.txt:2: code line before any actor phrase"));
    CHECK(has_msg("bad.actors.txt:5: bad date range"));
    CHECK(has_msg("bad.actors.txt:6: date range '20150101-20100101' ends before it starts"));
    CHECK(has_msg("bad.actors.txt:9: date range of OVB overlaps OVA"));
    CHECK(has_msg("bad.actors.txt:10: missing ']'"));
    /* the good lines around them still loaded */
    const verb_form *b = form(d, "break");
    CHECK(b != NULL);
    if (b) CHECK_INT(d->blocks[b->block].npat, 2); /* 9999 still loads (unknown code is reported) + GOOD_PATTERN */
    uint32_t e;
    CHECK(phrase_entry(d, &d->actor_phr, "lastgood", &e));
    CHECK(phrase_entry(d, &d->actor_phr, "goodland", &e));
    gesta_dicts_free(d);
    /* an unreadable file is GESTA_EDICT */
    dict_files g = {0};
    g.verbs = data("no-such-file.txt");
    CHECK_INT(dict_load_files(&d, &g, NULL, collect, NULL, 0, &err), GESTA_EDICT);
    CHECK(strstr(err.file, "no-such-file.txt") != NULL);
}

static void test_long_line(void) {
    char path[] = "/tmp/gesta-test-longline-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    FILE *f = fdopen(fd, "w");
    fputs("FIRSTLAND [FST]\n", f);
    for (int i = 0; i < 1024 * 1024; i++) fputc('A', f);
    fputs(" [LNG]\nSECONDLAND [SND]\n", f);
    fclose(f);
    dict_files df = {0};
    df.actors[df.nactors++] = path;
    struct gesta_dicts *d;
    gesta_error err = {0};
    nmsg = 0;
    CHECK_INT(dict_load_files(&d, &df, NULL, collect, NULL, 0, &err), 0);
    CHECK_INT(nmsg, 1);
    CHECK(has_msg(":2: line of 1048582 bytes is too long"));
    uint32_t e;
    CHECK(phrase_entry(d, &d->actor_phr, "secondland", &e));
    CHECK(phrase_entry(d, &d->actor_phr, "firstland", &e));
    gesta_dicts_free(d);
    remove(path);
}

int main(void) {
    test_p1_verbs();
    test_p2_verbs();
    test_actors_agents();
    test_bad();
    test_long_line();
    return check_done();
}
