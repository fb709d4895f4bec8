/* Role conflicts (within the document and against the dictionary's dated roles)
 * and boilerplate units. */
#include "check.h"
#include "test_doc_fixture.h"

static const fx_role roles[] = {
    {"biden", "USAELI", "1973-01-03", "2009-01-15", 10},
    {"biden", "USAGOV", "2009-01-20", "2017-01-20", 11},
    {"biden", "USAGOV", "2021-01-20", "", 12},
    {"putin", "RUSGOV", "2000-05-07", "", 20},
    {NULL, NULL, NULL, NULL, 0}};

static int count_kind(const gesta_doc *doc, const char *kind) {
    int n = 0;
    for (uint32_t i = 0; i < doc->nflag; i++) n += !strcmp(doc->flagrecs[i].kind, kind);
    return n;
}

static const gesta_flag *first_kind(const gesta_doc *doc, const char *kind) {
    for (uint32_t i = 0; i < doc->nflag; i++)
        if (!strcmp(doc->flagrecs[i].kind, kind)) return &doc->flagrecs[i];
    return NULL;
}

int main(void) {
    fx_roles = roles;
    gesta_dl dl;
    /* the example article's mistake: "US Prime Minister Joe Biden", later "Russian President Biden" */
    gesta_doc *doc = fx_doc("2021-12-08");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Russian President Vladimir Putin spoke on Wednesday .");
    fx_sent(doc, GESTA_UNIT_BOILERPLATE, 1, "Read more");
    doc->sents[1].boiler_why = "read-more";
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Putin met US Prime Minister Joe Biden on Tuesday .");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Putin talked with Russian President Biden , he said .");
    fx_event(doc, 1, "", -1, -1, 0, 1, "", -1, -1, "010"); /* coded in boilerplate: must go */
    fx_event(doc, 2, "RUSGOV", 0, 1, 1, 2, "USAGOV", 2, 7, "040");
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_boilerplate(&dl), GESTA_OK);
    CHECK_INT(gesta_dl_consistency(&dl), GESTA_OK);
    CHECK_INT(doc->nevent, 1);
    CHECK_INT(doc->events[0].sentence, 2);
    CHECK_INT(count_kind(doc, "boilerplate"), 1);
    const gesta_flag *f = first_kind(doc, "boilerplate");
    CHECK(f && f->sentence == 1 && strstr(f->message, "read-more") && strstr(f->message, "Read more"));
    CHECK_INT(count_kind(doc, "role-conflict"), 1);
    f = first_kind(doc, "role-conflict");
    CHECK(f != NULL);
    if (f) {
        printf("%s\n", f->message);
        CHECK_INT(f->sentence, 3);
        CHECK(strstr(f->message, "\"US Prime Minister Joe Biden\" (sentence 2)") != NULL);
        CHECK(strstr(f->message, "\"Russian President Biden\" (sentence 3)") != NULL);
        CHECK(strstr(f->message, "different countries and different offices") != NULL);
        CHECK(strstr(f->message, "USAGOV on 2021-12-08") != NULL);
        CHECK(strstr(f->message, "test-actors.txt:12") != NULL);
        CHECK_STR(doc->text + f->start, "Russian President Biden , he said .");
    }
    fx_free(doc);

    /* only against the dictionary: one description, the wrong country */
    doc = fx_doc("2021-12-08");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Russian President Joe Biden spoke .");
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_consistency(&dl), GESTA_OK);
    CHECK_INT(count_kind(doc, "role-conflict"), 1);
    f = first_kind(doc, "role-conflict");
    CHECK(f && strstr(f->message, "the description says RUS") && strstr(f->message, "USAGOV"));
    fx_free(doc);

    /* the dictionary's dates matter: in 2015 Biden was vice president (USAGOV), in 2018 no government role */
    doc = fx_doc("2018-06-01");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Russian President Joe Biden spoke .");
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_consistency(&dl), GESTA_OK);
    CHECK_INT(count_kind(doc, "role-conflict"), 0);
    fx_free(doc);

    /* no conflict: consistent descriptions, and hedged ones ("former") */
    doc = fx_doc("2021-12-08");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "US President Joe Biden met Russian President Vladimir Putin .");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "President Biden said Putin was serious .");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Former Russian Prime Minister Putin was there too .");
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_consistency(&dl), GESTA_OK);
    CHECK_INT(count_kind(doc, "role-conflict"), 0);
    fx_free(doc);
    fx_done();
    return check_done();
}
