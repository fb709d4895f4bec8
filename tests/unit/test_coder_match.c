/* The coder on hand-built dependency trees with the small test dictionaries in
 * tests/data/coder: patterns, compound actors, passive, negation, agents,
 * date-restricted actors, multi-word verbs, synsets, paired codes, discards,
 * both dialects, evidence, and the document layer's lookups. */
#include <stdint.h>

#include "check.h"
#include "coder/dict.h"
#include "core/engine.h"

static const char *data(const char *name) {
    static char path[8][1024];
    static int k;
    const char *d = getenv("GESTA_TESTDATA");
    if (!d) d = "tests/data";
    k = (k + 1) % 8;
    snprintf(path[k], sizeof path[k], "%s/coder/%s", d, name);
    return path[k];
}

/* "Form/lemma/UPOS/head/deprel" tokens separated by blanks. */
static gesta_doc *mkdoc(const char *date, const char *spec) {
    gesta_doc *doc = gesta_doc_alloc();
    gesta_doc_set_date(doc, date);
    gesta_doc_set_text(doc, spec, strlen(spec));
    gesta_sent *s = gesta_doc_add_sent(doc);
    s->kind = GESTA_UNIT_PROSE;
    s->tagged = s->parsed = 1;
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", spec);
    char *sv = NULL;
    for (char *t = strtok_r(buf, " ", &sv); t; t = strtok_r(NULL, " ", &sv)) {
        char *f[5];
        int n = 0;
        char *sv2 = NULL;
        for (char *x = strtok_r(t, "/", &sv2); x && n < 5; x = strtok_r(NULL, "/", &sv2)) f[n++] = x;
        if (n != 5) continue;
        gesta_tok *k = gesta_doc_add_tok(doc);
        s = &doc->sents[0];
        k->form = gesta_arena_strdup(doc->arena, f[0]);
        char *low = gesta_arena_strdup(doc->arena, f[0]);
        for (char *p = low; *p; p++) *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        k->norm = low;
        k->lemma = gesta_arena_strdup(doc->arena, f[1]);
        k->upos = (uint8_t)gesta_upos_from_name(f[2]);
        k->xpos = k->upos == GESTA_UPOS_VERB ? "VB" : "NN";
        k->head = atoi(f[3]);
        k->deprel = gesta_arena_strdup(doc->arena, f[4]);
        s->ntok++;
    }
    return doc;
}

static int has_event(const gesta_doc *d, const char *src, const char *tgt, const char *code) {
    for (uint32_t i = 0; i < d->nevent; i++)
        if (!strcmp(d->events[i].source, src) && !strcmp(d->events[i].target, tgt) && !strcmp(d->events[i].code, code))
            return 1;
    return 0;
}

static gesta_engine *engine(const char *verbs) {
    gesta_engine *e = calloc(1, sizeof *e);
    dict_files f = {0};
    f.verbs = data(verbs);
    f.actors[f.nactors++] = data("test.actors.txt");
    f.agents = data("test.agents.txt");
    f.discards = data("test.discards.txt");
    f.issues = data("test.issues.txt");
    gesta_error err = {0};
    if (dict_load_files(&e->dicts, &f, e, NULL, NULL, 0, &err) < 0) {
        fprintf(stderr, "load failed: %s\n", err.message);
        exit(1);
    }
    gesta_ontology_load(&e->ontology, &err);
    return e;
}

static void free_engine(gesta_engine *e) {
    gesta_dicts_free(e->dicts);
    for (size_t i = 0; i < e->nwarn; i++) free(e->warnings[i]);
    free(e->warnings);
    free(e);
}

static gesta_doc *run(gesta_engine *e, const char *date, const char *spec) {
    gesta_doc *d = mkdoc(date, spec);
    CHECK_INT(gesta_coder_run(e, d), 0);
    return d;
}

static void test_p1(void) {
    gesta_engine *e = engine("p1.verbs.txt");
    CHECK_INT(e->nwarn, 0);
    /* a pattern with a + target, and the evidence it leaves */
    gesta_doc *d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj met/meet/VERB/0/root with/with/ADP/4/case "
                                        "Valmere/Valmere/PROPN/2/obl ./././PUNCT/2/punct");
    CHECK_INT(d->nevent, 1);
    CHECK(has_event(d, "ELD", "VAL", "043"));
    if (d->nevent) {
        const gesta_event *ev = &d->events[0];
        CHECK_INT(ev->verb_ev.line, 18);
        CHECK(strstr(ev->verb_ev.file, "p1.verbs.txt") != NULL);
        CHECK(strstr(ev->verb_ev.text, "WITH +") != NULL);
        CHECK_INT(ev->src_ev.line, 2);
        CHECK_INT(ev->tgt_ev.line, 4);
        CHECK_INT(ev->verb_span.begin, 1);
        CHECK_INT(ev->src_span.begin, 0);
        CHECK_INT(ev->tgt_span.begin, 3);
        CHECK_STR(ev->root_code, "04");
        CHECK_INT(ev->quad_class, 1);
        CHECK_STR(ev->plover, "CONSULT");
        CHECK_STR(ev->date, "2012-01-01");
    }
    gesta_doc_free(d);
    /* the verb alone: the block code; "_" joined pattern needs adjacency */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj met/meet/VERB/0/root Valmere/Valmere/PROPN/2/obj "
                             "in/in/ADP/5/case secret/secret/NOUN/2/obl");
    CHECK(has_event(d, "ELD", "VAL", "044"));
    gesta_doc_free(d);
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj met/meet/VERB/0/root Valmere/Valmere/PROPN/2/obj "
                             "in/in/ADP/6/case great/great/ADJ/6/amod secret/secret/NOUN/2/obl");
    CHECK(has_event(d, "ELD", "VAL", "040"));
    gesta_doc_free(d);
    /* conjoined subjects: one event each; date-restricted target */
    d = run(e, "2012-06-01", "Eldoria/Eldoria/PROPN/4/nsubj and/and/CCONJ/3/cc Valmere/Valmere/PROPN/1/conj "
                             "attacked/attack/VERB/0/root Queen/Queen/PROPN/4/obj Isolde/Isolde/PROPN/5/flat");
    CHECK_INT(d->nevent, 2);
    CHECK(has_event(d, "ELD", "ELDGOV", "190"));
    CHECK(has_event(d, "VAL", "ELDGOV", "190"));
    if (d->nevent) CHECK(d->events[0].flags & GESTA_EV_COMPOUND_SRC);
    gesta_doc_free(d);
    d = run(e, "2017-06-01", "Valmere/Valmere/PROPN/2/nsubj attacked/attack/VERB/0/root Isolde/Isolde/PROPN/2/obj");
    CHECK(has_event(d, "VAL", "ELDELI", "190"));
    gesta_doc_free(d);
    /* negation: nothing */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod "
                             "attack/attack/VERB/0/root Valmere/Valmere/PROPN/4/obj");
    CHECK_INT(d->nevent, 0);
    gesta_doc_free(d);
    /* passive with "by": the agent is the source */
    d = run(e, "2012-01-01", "Valmere/Valmere/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass attacked/attack/VERB/0/root "
                             "by/by/ADP/5/case Eldoria/Eldoria/PROPN/3/obl");
    CHECK_INT(d->nevent, 1);
    CHECK(has_event(d, "ELD", "VAL", "190"));
    if (d->nevent) CHECK(d->events[0].flags & GESTA_EV_PASSIVE);
    gesta_doc_free(d);
    /* agents joined to actors: suffix, substitution set */
    d = run(e, "2012-01-01", "Eldorian/Eldorian/ADJ/2/amod police/police/NOUN/3/nsubj attacked/attack/VERB/0/root "
                             "Valmerian/Valmerian/ADJ/5/amod congressmen/congressman/NOUN/3/obj");
    CHECK(has_event(d, "ELDCOP", "VALLEG", "190"));
    gesta_doc_free(d);
    /* an agent alone gets "---"; a prefix agent goes first */
    d = run(e, "2012-01-01", "the/the/DET/2/det minister/minister/NOUN/3/nsubj attacked/attack/VERB/0/root "
                             "Valmere/Valmere/PROPN/5/compound rights/rights/NOUN/6/compound group/group/NOUN/3/obj");
    CHECK(has_event(d, "---GOV", "NGOVAL", "190"));
    gesta_doc_free(d);
    /* a multi-word verb and a pattern on its object; the object's actor in a compound */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj blew/blow/VERB/0/root up/up/ADP/2/compound:prt "
                             "the/the/DET/6/det Valmere/Valmere/PROPN/6/compound embassy/embassy/NOUN/2/obj");
    CHECK(has_event(d, "ELD", "VAL", "181"));
    gesta_doc_free(d);
    /* synset in a pattern (plural member), ^ skipping a noun phrase */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj attacked/attack/VERB/0/root ties/tie/NOUN/2/obj "
                             "with/with/ADP/5/case Valmere/Valmere/PROPN/3/nmod");
    CHECK(has_event(d, "ELD", "VAL", "161"));
    gesta_doc_free(d);
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj attacked/attack/VERB/0/root Valmere/Valmere/PROPN/2/obj "
                             "with/with/ADP/5/case rockets/rocket/NOUN/2/obl");
    CHECK(has_event(d, "ELD", "VAL", "195"));
    gesta_doc_free(d);
    /* a paired code gives the reverse event too; a [---] pattern gives none */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj promised/promise/VERB/0/root gold/gold/NOUN/4/compound "
                             "coins/coin/NOUN/2/obj to/to/ADP/6/case Valmere/Valmere/PROPN/2/obl");
    CHECK_INT(d->nevent, 2);
    CHECK(has_event(d, "ELD", "VAL", "0331"));
    CHECK(has_event(d, "VAL", "ELD", "0331"));
    gesta_doc_free(d);
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj promised/promise/VERB/0/root barter/barter/NOUN/4/compound "
                             "deal/deal/NOUN/2/obj to/to/ADP/6/case Valmere/Valmere/PROPN/2/obl");
    CHECK_INT(d->nevent, 0);
    gesta_doc_free(d);
    /* the block code "---" alone codes nothing */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj promised/promise/VERB/0/root Valmere/Valmere/PROPN/2/obj");
    CHECK_INT(d->nevent, 0);
    gesta_doc_free(d);
    /* a sentence discard */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj attacked/attack/VERB/0/root Valmere/Valmere/PROPN/2/obj "
                             "in/in/ADP/5/case footballs/football/NOUN/2/obl");
    CHECK_INT(d->nevent, 0);
    gesta_doc_free(d);
    /* issues ride on the sentence's events; an ignore phrase cancels them */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj attacked/attack/VERB/0/root Valmere/Valmere/PROPN/2/obj "
                             "over/over/ADP/5/case famines/famine/NOUN/2/obl");
    CHECK_INT(d->nevent, 1);
    if (d->nevent) CHECK_STR(d->events[0].issues, "FOOD_SECURITY");
    gesta_doc_free(d);
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj attacked/attack/VERB/0/root Valmere/Valmere/PROPN/2/obj "
                             "over/over/ADP/6/case famine/famine/NOUN/6/compound relief/relief/NOUN/2/obl");
    CHECK_INT(d->nevent, 1);
    if (d->nevent) CHECK(d->events[0].issues == NULL);
    gesta_doc_free(d);
    /* a short one-word stem discard ("QRX") finds "qrxball" */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj attacked/attack/VERB/0/root Valmere/Valmere/PROPN/2/obj "
                             "at/at/ADP/5/case qrxball/qrxball/NOUN/2/obl");
    CHECK_INT(d->nevent, 0);
    gesta_doc_free(d);
    /* a source without a target codes nothing */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj attacked/attack/VERB/0/root");
    CHECK_INT(d->nevent, 0);
    gesta_doc_free(d);
    free_engine(e);
}

static void test_p2(void) {
    gesta_engine *e = engine("p2.verbs.txt");
    gesta_doc *d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj gave/give/VERB/0/root Valmere/Valmere/PROPN/2/iobj "
                                        "military/military/ADJ/5/amod aid/aid/NOUN/2/obj");
    CHECK(has_event(d, "ELD", "VAL", "0332"));
    CHECK_INT(d->nevent, 1);
    gesta_doc_free(d);
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj gave/give/VERB/0/root aid/aid/NOUN/2/obj "
                             "to/to/ADP/5/case Valmere/Valmere/PROPN/3/nmod");
    CHECK(has_event(d, "ELD", "VAL", "071"));
    gesta_doc_free(d);
    /* passive without "by" in the PETRARCH-2 dialect: the other actor is the source */
    d = run(e, "2012-01-01", "Valmere/Valmere/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass given/give/VERB/0/root "
                             "aid/aid/NOUN/3/obj from/from/ADP/6/case Eldoria/Eldoria/PROPN/3/obl");
    CHECK(has_event(d, "ELD", "VAL", "070"));
    gesta_doc_free(d);
    /* an intent verb over a meeting: "express intent to meet" */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj pledged/pledge/VERB/0/root to/to/PART/4/mark "
                             "meet/meet/VERB/2/xcomp Valmere/Valmere/PROPN/4/obj");
    CHECK_INT(d->nevent, 1);
    CHECK(has_event(d, "ELD", "VAL", "036"));
    if (d->nevent) CHECK(d->events[0].flags & GESTA_EV_COMBINED);
    gesta_doc_free(d);
    /* a transformation: "A said A will attack B" is a threat */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj said/say/VERB/0/root it/it/PRON/5/nsubj "
                             "will/will/AUX/5/aux attack/attack/VERB/2/ccomp Valmere/Valmere/PROPN/5/obj");
    CHECK_INT(d->nevent, 1);
    CHECK(has_event(d, "ELD", "VAL", "138"));
    if (d->nevent) {
        CHECK(d->events[0].flags & GESTA_EV_TRANSFORMED);
        CHECK(strstr(d->events[0].verb_ev.text, "SAY = a b 138") != NULL);
    }
    gesta_doc_free(d);
    /* the rule needs the same actor above and below: here the saying is coded, its
     * target the subject of what was said (PETRARCH-2's "noted that X ...") */
    d = run(e, "2012-01-01", "Eldoria/Eldoria/PROPN/2/nsubj said/say/VERB/0/root Queen/Queen/PROPN/4/compound "
                             "Isolde/Isolde/PROPN/5/nsubj attacked/attack/VERB/2/ccomp Valmere/Valmere/PROPN/5/obj");
    CHECK(has_event(d, "ELD", "ELDGOV", "010"));
    CHECK(!has_event(d, "ELD", "VAL", "138"));
    gesta_doc_free(d);
    free_engine(e);
}

static void test_lookups(void) {
    gesta_engine *e = engine("p1.verbs.txt");
    gesta_doc *d = mkdoc("2012-01-01", "the/the/DET/3/det Eldorian/Eldorian/ADJ/3/amod minister/minister/NOUN/4/nsubj "
                                       "spoke/speak/VERB/0/root with/with/ADP/7/case Queen/Queen/PROPN/7/compound "
                                       "Isolde/Isolde/PROPN/4/obl");
    const char *code = NULL;
    gesta_evidence_ref ref = {0};
    CHECK_INT(gesta_coder_np_code(e, d, 0, 2, "", &code, &ref), 1);
    CHECK_STR(code, "ELDGOV");
    CHECK_INT(gesta_coder_np_code(e, d, 0, 6, "", &code, &ref), 1);
    CHECK_STR(code, "ELDGOV");
    CHECK_INT(gesta_coder_np_code(e, d, 0, 6, "2018-03-01", &code, &ref), 1);
    CHECK_STR(code, "ELDELI");
    CHECK_INT(gesta_coder_np_code(e, d, 0, 3, "", &code, &ref), 0);
    gesta_actor_role roles[8];
    uint32_t ntok = 0;
    int n = gesta_coder_actor_roles(e, d, 0, 5, roles, 8, &ntok);
    CHECK_INT(n, 3);
    CHECK_INT(ntok, 2);
    if (n == 3) {
        CHECK_STR(roles[0].code, "ELDGOV");
        CHECK_STR(roles[0].from, "2010-01-01");
        CHECK_STR(roles[0].to, "2015-12-31");
        CHECK_STR(roles[1].from, "2016-01-01");
        CHECK_STR(roles[2].code, "ELDELI");
        CHECK_STR(roles[2].from, "");
        CHECK_INT(roles[0].ref.line, 8);
    }
    CHECK_INT(gesta_coder_actor_roles(e, d, 0, 0, roles, 8, &ntok), 0);
    gesta_doc_free(d);
    free_engine(e);
}

int main(void) {
    test_p1();
    test_p2();
    test_lookups();
    return check_done();
}
