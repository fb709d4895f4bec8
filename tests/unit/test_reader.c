/* The readers: JSONL, plain text, CoNLL-U, PETRARCH XML, .gz, detection, bad records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "check.h"
#include "io/reader.h"

static char diag_log[8192];
static void diag(void *ctx, const gesta_error *e) {
    (void)ctx;
    char line[1200];
    gesta_error_format(e, line, sizeof line);
    strncat(diag_log, line, sizeof diag_log - strlen(diag_log) - 2);
    strcat(diag_log, "\n");
}

static char tmpdir[] = "/tmp/gesta-test-reader-XXXXXX";

static const char *write_file(const char *name, const char *content, size_t n, int gz) {
    static char path[4][512];
    static int k;
    char *p = path[k++ % 4];
    snprintf(p, 512, "%s/%s", tmpdir, name);
    if (gz) {
        gzFile f = gzopen(p, "wb");
        gzwrite(f, content, (unsigned)n);
        gzclose(f);
    } else {
        FILE *f = fopen(p, "wb");
        fwrite(content, 1, n, f);
        fclose(f);
    }
    return p;
}

/* Reads every document of path; returns how many, keeps up to 8. */
static int read_all(const char *path, gesta_input_format fmt, gesta_doc **docs, size_t *skipped, gesta_input_format *seen) {
    gesta_reader_options o = {0};
    o.format = fmt;
    o.default_date = "2021-12-08";
    o.diag = diag;
    gesta_reader *r;
    gesta_error err = {0};
    diag_log[0] = '\0';
    if (gesta_reader_open(&r, path, &o, &err) < 0) return -1;
    int n = 0;
    gesta_doc *d;
    int rc;
    while ((rc = gesta_reader_next(r, &d, &err)) == GESTA_OK) {
        if (n < 8) docs[n] = d;
        else gesta_doc_free(d);
        n++;
    }
    if (skipped) *skipped = gesta_reader_skipped(r);
    if (seen) *seen = gesta_reader_format(r);
    gesta_reader_close(r);
    return rc == GESTA_EOF ? n : -2;
}

static void free_docs(gesta_doc **docs, int n) {
    for (int i = 0; i < n && i < 8; i++) gesta_doc_free(docs[i]);
}

static void test_jsonl(int gz) {
    const char *j =
        "{\"id\":\"a1\",\"date\":\"2021-12-08\",\"text\":\"Putin met Biden.\",\"title\":\"T\"}\n"
        "{\"id\":\"a2\",\"text\":oops}\n"
        "\n"
        "{\"id\":\"a3\",\"date\":\"2021-12-08\"}\n"
        "{\"id\":\"a4\",\"date\":\"8 Dec\",\"text\":\"x\"}\n"
        "[1,2]\n"
        "{\"id\":7,\"date\":\"20211209\",\"text\":\"Second \\u00e9 story.\",\"url\":\"http://x\"}";
    const char *p = write_file(gz ? "a.jsonl.gz" : "a.jsonl", j, strlen(j), gz);
    gesta_doc *d[8];
    size_t skipped;
    gesta_input_format f;
    int n = read_all(p, GESTA_IN_AUTO, d, &skipped, &f);
    CHECK_INT(n, 2);
    CHECK_INT(skipped, 4);
    CHECK_INT(f, GESTA_IN_JSONL);
    if (n == 2) {
        CHECK_STR(d[0]->id, "a1");
        CHECK_STR(d[0]->title, "T");
        CHECK_STR(d[0]->text, "Putin met Biden.");
        CHECK_STR(d[1]->id, "7");
        CHECK_STR(d[1]->date, "2021-12-09");
        CHECK_STR(d[1]->url, "http://x");
        CHECK_STR(d[1]->text, "Second \xC3\xA9 story.");
        CHECK_INT(d[1]->origin_line, 7);
        CHECK(strstr(d[0]->origin_file, gz ? "a.jsonl.gz" : "a.jsonl") != NULL);
    }
    char want[600];
    snprintf(want, sizeof want, "%s:2:", p);
    CHECK(strstr(diag_log, want) != NULL);
    snprintf(want, sizeof want, "%s:4: \"text\" is missing", p);
    CHECK(strstr(diag_log, want) != NULL);
    snprintf(want, sizeof want, "%s:5: bad date", p);
    CHECK(strstr(diag_log, want) != NULL);
    snprintf(want, sizeof want, "%s:6:", p);
    CHECK(strstr(diag_log, want) != NULL);
    free_docs(d, n);
}

static void test_text(void) {
    const char *t = "Russian President Vladimir Putin spoke.\nSecond line.\n";
    const char *p = write_file("story.txt", t, strlen(t), 0);
    gesta_doc *d[8];
    gesta_input_format f;
    int n = read_all(p, GESTA_IN_AUTO, d, NULL, &f);
    CHECK_INT(n, 1);
    CHECK_INT(f, GESTA_IN_TEXT);
    if (n == 1) {
        CHECK_STR(d[0]->id, "story.txt");
        CHECK_STR(d[0]->date, "2021-12-08");
        CHECK_STR(d[0]->text, t);
    }
    free_docs(d, n);
    /* .gz: the id drops .gz; an empty file is one empty document */
    p = write_file("story2.txt.gz", t, strlen(t), 1);
    n = read_all(p, GESTA_IN_AUTO, d, NULL, &f);
    CHECK_INT(n, 1);
    if (n == 1) { CHECK_STR(d[0]->id, "story2.txt"); CHECK_STR(d[0]->text, t); }
    free_docs(d, n);
    /* a truncated .gz breaks off with GESTA_EIO */
    char big[20000];
    for (size_t i = 0; i < sizeof big; i++) big[i] = (char)('a' + (i * 7919) % 26);
    p = write_file("cut.txt.gz", big, sizeof big, 1);
    FILE *fp = fopen(p, "rb");
    char gzbytes[40000];
    size_t gn = fread(gzbytes, 1, sizeof gzbytes, fp);
    fclose(fp);
    p = write_file("cut.txt.gz", gzbytes, gn / 2, 0);
    n = read_all(p, GESTA_IN_AUTO, d, NULL, NULL);
    CHECK_INT(n, -2);
}

static void test_conllu(void) {
    const char *c =
        "# newdoc id = d1\n"
        "# sent_id = s1\n"
        "# text = I don't know.\n"
        "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
        "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
        "\n"
        "# sent_id = bad\n"
        "1\tBroken\t_\t_\t_\t_\t9\tdep\t_\t_\n"
        "2\trow\n"
        "\n"
        "# newpar\n"
        "1\tYes\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "2\t!\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "\n"
        "# newdoc id = d2\n"
        "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n"
        "\n";
    const char *p = write_file("x.conllu", c, strlen(c), 0);
    gesta_doc *d[8];
    size_t skipped;
    gesta_input_format f;
    int n = read_all(p, GESTA_IN_AUTO, d, &skipped, &f);
    CHECK_INT(f, GESTA_IN_CONLLU);
    CHECK_INT(n, 2);
    CHECK_INT(skipped, 1);
    char want[600];
    snprintf(want, sizeof want, "%s:13: expected 10", p);
    CHECK(strstr(diag_log, want) != NULL);
    if (n == 2) {
        gesta_doc *a = d[0];
        CHECK_STR(a->id, "d1");
        CHECK_STR(a->text, "I don't know.\n\nYes!");
        CHECK_INT(a->nsent, 2);
        CHECK_INT(a->ntok, 7);
        CHECK(a->flags & GESTA_DOC_PRETOKENIZED);
        if (a->ntok == 7) {
            CHECK_STR(a->toks[1].form, "do");
            CHECK_INT(a->toks[1].start, 2);
            CHECK_INT(a->toks[1].end, 4);
            CHECK_INT(a->toks[2].start, 4);
            CHECK_INT(a->toks[2].end, 7);
            CHECK_STR(a->toks[2].lemma, "not");
            CHECK_INT(a->toks[3].head, 0);
            CHECK_STR(a->toks[3].deprel, "root");
            CHECK_INT(a->toks[3].upos, GESTA_UPOS_VERB);
            CHECK(a->toks[3].flags & GESTA_TOK_NO_SPACE_AFTER);
            CHECK(a->toks[0].norm != NULL);
            CHECK_INT(a->toks[5].start, 15);
            CHECK_INT(a->toks[5].head, -1);
        }
        if (a->nsent == 2) {
            CHECK(a->sents[0].parsed && a->sents[0].tagged && a->sents[0].given_parse);
            CHECK(!a->sents[1].parsed && !a->sents[1].tagged);
            CHECK_STR(a->sents[0].sent_id, "s1");
            CHECK_INT(a->sents[0].start, 0);
            CHECK_INT(a->sents[0].end, 13);
        }
        CHECK_STR(d[1]->id, "d2");
        CHECK_STR(d[1]->text, "Hello");
    }
    free_docs(d, n);
}

static void test_pxml_small(void) {
    const char *x =
        "<Validation>\n<Environment>\n  <Verbfile>v.txt</Verbfile>\n  <Actorfile> a.txt </Actorfile>\n</Environment>\n"
        "<Sentences>\n"
        "<!-- <Sentence id=\"commented\"><Text>no</Text></Sentence> -->\n"
        "<Sentence date=\"19950101\" id=\"S-1\" category=\"DEMO\"/>\n"
        "<EventCoding sourcecode='\"A B\"' targetcode=\"GON\" eventcode=\"064\"/>\n"
        "<Text>\n  Arnor   met &amp; greeted\n Gondor.\n</Text>\n"
        "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .)))</Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\"19950101\" category=\"DEMO\"><Text>no id</Text></Sentence>\n"
        "<Sentence date=\"19950101\" id=\"S-2\"><Text>unclosed</Text>\n"
        "<Sentence date=\"1995-13-01\" id=\"S-3\"><Text>bad date</Text></Sentence>\n"
        "<Sentence date=\"19950102\" id=\"S-4\">\n<EventCoding noevents = \"True\"></EventCoding>\n"
        "<EventCoding error=\"dateline\"></EventCoding>\n<Text>Fine.</Text></Sentence>\n"
        "</Sentences></Validation>\n";
    const char *p = write_file("v.xml", x, strlen(x), 0);
    gesta_doc *d[8];
    size_t skipped;
    gesta_input_format f;
    gesta_reader_options o = {0};
    o.diag = diag;
    gesta_reader *r;
    gesta_error err;
    CHECK_INT(gesta_reader_open(&r, p, &o, &err), 0);
    char want[600];
    snprintf(want, sizeof want, "%s/v.txt", tmpdir);
    CHECK_STR(gesta_reader_environment(r, "Verbfile"), want);
    snprintf(want, sizeof want, "%s/a.txt", tmpdir);
    CHECK_STR(gesta_reader_environment(r, "Actorfile"), want);
    CHECK(gesta_reader_environment(r, "Issuefile") == NULL);
    gesta_reader_close(r);
    int n = read_all(p, GESTA_IN_AUTO, d, &skipped, &f);
    CHECK_INT(f, GESTA_IN_PXML);
    CHECK_INT(n, 2);
    CHECK_INT(skipped, 3);
    snprintf(want, sizeof want, "%s:16: <Sentence> without an id", p);
    CHECK(strstr(diag_log, want) != NULL);
    snprintf(want, sizeof want, "%s:17: <Sentence> not closed", p);
    CHECK(strstr(diag_log, want) != NULL);
    snprintf(want, sizeof want, "%s:18: <Sentence id=\"S-3\">: bad date", p);
    CHECK(strstr(diag_log, want) != NULL);
    if (n == 2) {
        CHECK_STR(d[0]->id, "S-1");
        CHECK_STR(d[0]->date, "1995-01-01");
        CHECK_STR(d[0]->category, "DEMO");
        CHECK_STR(d[0]->text, "Arnor met & greeted Gondor.");
        CHECK(d[0]->given_penn && !strncmp(d[0]->given_penn, "(ROOT", 5));
        CHECK_INT(d[0]->ngold, 1);
        if (d[0]->ngold) {
            CHECK_STR(d[0]->gold[0].source, "A B");
            CHECK_STR(d[0]->gold[0].code, "064");
        }
        CHECK_INT(d[0]->origin_line, 8);
        CHECK_STR(d[1]->id, "S-4");
        CHECK(d[1]->has_gold && d[1]->gold_noevents && d[1]->gold_error);
        CHECK_INT(d[1]->ngold, 0);
    }
    free_docs(d, n);
}

/* <Config option="require_dyad"> between records: in force from the next record
 * on, any letter case; other options and malformed Config tags change nothing. */
static void test_pxml_config(void) {
    const char *x =
        "<Validation><Sentences>\n"
        "<Sentence id=\"C-1\"><Text>One.</Text></Sentence>\n"
        "<Config option=\"require_dyad\" value=\"FALSE\"></Config>\n"
        "<Sentence id=\"C-2\"><Text>Two.</Text></Sentence>\n"
        "<Config option=\"comma_emax\" value=\"0\" />\n"
        "<Sentence id=\"C-3\"><Text>Three.</Text></Sentence>\n"
        "<Config option=\"require_dyad\" value=\"True\" />\n"
        "<Sentence id=\"C-4\"><Text>Four.</Text></Sentence>\n"
        "<Config option=\"require_dyad\" value=\"maybe\" />\n<Config option=\"require_dyad\"\n"
        "<Sentence id=\"C-5\"><Text>Five.</Text></Sentence>\n"
        "</Sentences></Validation>\n";
    const char *p = write_file("c.xml", x, strlen(x), 0);
    gesta_doc *d[8];
    size_t skipped;
    gesta_input_format f;
    int n = read_all(p, GESTA_IN_AUTO, d, &skipped, &f);
    CHECK_INT(n, 5);
    if (n == 5) {
        CHECK_INT(d[0]->no_dyad, 0);
        CHECK_INT(d[1]->no_dyad, 1);
        CHECK_INT(d[2]->no_dyad, 1);
        CHECK_INT(d[3]->no_dyad, 0);
        CHECK_INT(d[4]->no_dyad, 0);
    }
    free_docs(d, n);
}

static void test_pxml_shared(const char *shared) {
    struct { const char *file; int count; int penn; } files[] = {
        {"petrarch/validate/PETR.UnitTest.records.xml", 284, 1},
        {"universal-petrarch/PETR_Validate_records_2_02.xml", 274, 0}};
    for (int i = 0; i < 2; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", shared, files[i].file);
        gesta_reader_options o = {0};
        o.diag = diag;
        gesta_reader *r;
        gesta_error err;
        diag_log[0] = '\0';
        if (gesta_reader_open(&r, path, &o, &err) < 0) { CHECK(!"open"); continue; }
        CHECK_INT(gesta_reader_format(r), GESTA_IN_PXML);
        const char *vf = gesta_reader_environment(r, "Verbfile");
        CHECK(vf && access(vf, R_OK) == 0);
        int n = 0, parses = 0, gold = 0, noev = 0, errs = 0;
        gesta_doc *d;
        while (gesta_reader_next(r, &d, &err) == GESTA_OK) {
            n++;
            parses += files[i].penn ? d->given_penn != NULL : d->given_conllu != NULL;
            gold += (int)d->ngold;
            noev += d->gold_noevents;
            errs += d->gold_error;
            if (!d->id[0] || !d->date[0] || !d->len) CHECK(!"empty id/date/text");
            gesta_doc_free(d);
        }
        CHECK_INT(n, files[i].count);
        CHECK_INT(parses, files[i].count);
        CHECK_INT(gesta_reader_skipped(r), 0);
        CHECK(gold > n / 2);
        printf("%s: %d records, %d gold events, %d noevents, %d error\n", files[i].file, n, gold, noev, errs);
        gesta_reader_close(r);
        if (diag_log[0]) fprintf(stderr, "%s", diag_log);
    }
}

int main(void) {
    if (!mkdtemp(tmpdir)) return 1;
    test_jsonl(0);
    test_jsonl(1);
    test_text();
    test_conllu();
    test_pxml_small();
    test_pxml_config();
    const char *shared = check_shared_dir();
    if (shared) test_pxml_shared(shared);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
    if (!shared) { /* the checks above ran; the ones on ../shared cannot: a CTest skip */
        printf("SKIP: ../shared not found (set GESTA_SHARED); %d built-in checks passed\n", check_passed);
        return check_failed ? 1 : 77;
    }
    return check_done();
}
