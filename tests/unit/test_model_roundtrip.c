/* The model file: a tiny model trained here (hand-written sentences, and 50
 * EWT sentences when ../shared is there) is saved and loaded back and makes
 * the same predictions; corrupt, truncated, empty and missing files are
 * refused with GESTA_EMODEL naming the file, never a crash. Training is
 * deterministic for a seed. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "syntax/model.h"
#include "syntax/syntax.h"

static const char tiny[] =
    "# text = John saw Mary.\n"
    "1\tJohn\tJohn\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tMary\tMary\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdogs\tdog\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tbarked\tbark\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\theld\thold\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\ttalks\ttalk\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
    "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tParis\tParis\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tnothing\tnothing\tPRON\tNN\t_\t2\tobj\t_\t_\n\n"
    "1\tA\ta\tDET\tDT\t_\t3\tdet\t_\t_\n"
    "2\tbig\tbig\tADJ\tJJ\t_\t3\tamod\t_\t_\n"
    "3\tcat\tcat\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
    "4\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\t_\n\n";

static gesta_doc *doc_of(const char *const *forms, int n) {
    gesta_doc *doc;
    if (gesta_doc_new(&doc, "t", NULL, "x", 1, NULL) < 0) return NULL;
    gesta_sent *s = gesta_doc_add_sent(doc);
    s->tok0 = 0;
    for (int i = 0; i < n; i++) {
        gesta_tok *t = gesta_doc_add_tok(doc);
        t->form = t->norm = forms[i];
        t->head = -1;
    }
    doc->sents[0].ntok = (uint32_t)n;
    return doc;
}

static int same_predictions(const struct gesta_model *a, const struct gesta_model *b, const gesta_tb *c) {
    int same = 1;
    for (int k = 0; k < c->n; k++) {
        gesta_doc *da = doc_of((const char *const *)c->s[k].form, c->s[k].n);
        gesta_doc *db = doc_of((const char *const *)c->s[k].form, c->s[k].n);
        gesta_syntax_run(a, da, 0);
        gesta_syntax_run(b, db, 0);
        for (int i = 0; i < c->s[k].n; i++) {
            gesta_tok *x = &da->toks[i], *y = &db->toks[i];
            if (x->upos != y->upos || strcmp(x->xpos, y->xpos) || x->head != y->head || strcmp(x->deprel, y->deprel) ||
                strcmp(x->lemma, y->lemma))
                same = 0;
        }
        gesta_doc_free(da);
        gesta_doc_free(db);
    }
    return same;
}

static int write_file(const char *path, const void *data, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    fwrite(data, 1, n, f);
    fclose(f);
    return 0;
}

static unsigned char *read_file(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(*n);
    if (fread(b, 1, *n, f) != *n) { free(b); b = NULL; }
    fclose(f);
    return b;
}

static void expect_refused(const char *path, const char *what) {
    struct gesta_model *m = (struct gesta_model *)1;
    gesta_error err = {0};
    int rc = gesta_model_load(&m, path, &err);
    CHECK_INT(rc, GESTA_EMODEL);
    CHECK(m == NULL);
    CHECK_STR(err.file, path);
    CHECK(err.message[0] != '\0');
    if (rc != GESTA_EMODEL) fprintf(stderr, "%s was not refused\n", what);
    gesta_model_free(m == (struct gesta_model *)1 ? NULL : m);
}

static void roundtrip(const char *train_path, int max_sents, const char *tmpdir) {
    gesta_train_opts o = {0};
    o.train_path = train_path;
    o.seed = 7;
    o.tag_epochs = 2;
    o.tag_passes = 2;   /* exercise the second pass too */
    o.parse_epochs = 2;
    o.parse_models = 2;      /* two parsers averaged, rare features pruned: still deterministic */
    o.parse_min_updates = 2;
    o.max_sents = max_sents;
    o.explore = 0.9;
    gesta_error err = {0};
    struct gesta_model *m = NULL, *m2 = NULL, *again = NULL;
    int rc = gesta_syntax_train(&o, &m, &err);
    CHECK_INT(rc, GESTA_OK);
    if (rc < 0) { fprintf(stderr, "train: %s\n", err.message); return; }
    char path[4200];
    snprintf(path, sizeof path, "%s/roundtrip.model", tmpdir);
    CHECK_INT(gesta_model_save(m, path, &err), GESTA_OK);
    CHECK_INT(gesta_model_load(&m2, path, &err), GESTA_OK);

    gesta_vocab v = {0};
    gesta_tb c;
    CHECK_INT(gesta_tb_read(&c, train_path, &v, 1, &err), GESTA_OK);
    if (max_sents) gesta_tb_truncate(&c, max_sents);
    if (m2) CHECK(same_predictions(m, m2, &c));

    /* the model learned something: training-set tags mostly right */
    gesta_syn_score sc;
    CHECK_INT(gesta_syntax_eval(m2 ? m2 : m, &c, &v, &sc, NULL), GESTA_OK);
    CHECK(sc.words > 0 && sc.upos * 10 >= sc.words * 8);
    CHECK(sc.lemma * 10 >= sc.words * 9);

    /* same seed, same model, byte for byte */
    CHECK_INT(gesta_syntax_train(&o, &again, &err), GESTA_OK);
    if (again) CHECK(again->size == m->size && !memcmp(again->buf, m->buf, m->size));
    gesta_model_free(again);

    /* damaged files */
    size_t n;
    unsigned char *bytes = read_file(path, &n);
    CHECK(bytes != NULL);
    if (bytes) {
        char bad[4300];
        snprintf(bad, sizeof bad, "%s/truncated.model", tmpdir);
        write_file(bad, bytes, n / 2);
        expect_refused(bad, "truncated");
        write_file(bad, bytes, 20);
        expect_refused(bad, "truncated header");
        write_file(bad, bytes, 0);
        expect_refused(bad, "empty");
        for (size_t at = 100; at < n; at += n / 7) {   /* a flipped byte anywhere */
            bytes[at] ^= 0x5a;
            snprintf(bad, sizeof bad, "%s/corrupt.model", tmpdir);
            write_file(bad, bytes, n);
            expect_refused(bad, "corrupt");
            bytes[at] ^= 0x5a;
        }
        memcpy(bytes, "NOTMODEL", 8);
        write_file(bad, bytes, n);
        expect_refused(bad, "bad magic");
        unlink(bad);
        snprintf(bad, sizeof bad, "%s/truncated.model", tmpdir);
        unlink(bad);
        free(bytes);
    }
    snprintf(path, sizeof path, "%s/does-not-exist.model", tmpdir);
    expect_refused(path, "missing");
    snprintf(path, sizeof path, "%s/roundtrip.model", tmpdir);
    unlink(path);
    gesta_tb_free(&c);
    gesta_vocab_free(&v);
    gesta_model_free(m);
    gesta_model_free(m2);
}

int main(void) {
    char tmpdir[] = "/tmp/gesta-model-test-XXXXXX";
    if (!mkdtemp(tmpdir)) return 1;
    char path[4200];
    snprintf(path, sizeof path, "%s/tiny.conllu", tmpdir);
    /* repeat the tiny treebank so the jackknife folds have material */
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 4; i++) fputs(tiny, f);
    fclose(f);
    roundtrip(path, 0, tmpdir);
    unlink(path);

    const char *shared = check_shared_dir();
    if (shared) {
        snprintf(path, sizeof path, "%s/ud/en_ewt-ud-train.conllu", shared);
        roundtrip(path, 50, tmpdir);
    } else {
        printf("note: ../shared not found; the EWT part is skipped\n");
    }
    rmdir(tmpdir);
    return check_done();
}
