/* In-story duplicates: same source, target, root code (or code) and close date. */
#include "check.h"
#include "test_doc_fixture.h"

static gesta_doc *build(void) {
    gesta_doc *doc = fx_doc("2021-12-08");
    for (int i = 0; i < 4; i++) fx_sent(doc, GESTA_UNIT_PROSE, 1, "Putin met Biden .");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Putin met Biden and then met Biden again .");
    fx_event(doc, 0, "RUSGOV", 0, 1, 1, 2, "USAGOV", 2, 3, "042");  /* 0: first telling */
    fx_event(doc, 1, "RUSGOV", 0, 1, 1, 2, "USAGOV", 2, 3, "040");  /* 1: same root 04 → dup of 0 (fx_dl matches on roots) */
    fx_event(doc, 2, "USAGOV", 0, 1, 1, 2, "RUSGOV", 2, 3, "042");  /* 2: reversed roles: distinct */
    gesta_event *e = fx_event(doc, 3, "RUSGOV", 0, 1, 1, 2, "USAGOV", 2, 3, "042"); /* 3: three days later */
    memcpy(e->date, "2021-12-11", 11);
    e = fx_event(doc, 3, "RUSGOV", 0, 1, 1, 2, "USAGOV", 2, 3, "042");              /* 4: a day before: dup of 0 */
    memcpy(e->date, "2021-12-07", 11);
    fx_event(doc, 4, "RUSGOV", 0, 1, 1, 2, "USAGOV", 2, 3, "042");  /* 5: dup of 0 */
    fx_event(doc, 4, "RUSGOV", 0, 1, 5, 6, "USAGOV", 6, 7, "042");  /* 6: another verb, same sentence as 5: dup of 0 still */
    fx_event(doc, 4, "", -1, -1, 1, 2, "", -1, -1, "042");          /* 7: no actors: never merged */
    fx_event(doc, 4, "", -1, -1, 5, 6, "", -1, -1, "042");
    return doc;
}

int main(void) {
    gesta_doc *doc = build();
    gesta_dl dl;
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_dedup(&dl), GESTA_OK);
    CHECK_INT(doc->nevent, 9); /* never deletes */
    CHECK(!(doc->events[0].flags & GESTA_EV_DUPLICATE));
    CHECK_INT(doc->events[0].dup_of, -1);
    CHECK(doc->events[1].flags & GESTA_EV_DUPLICATE);
    CHECK_INT(doc->events[1].dup_of, 0);
    CHECK_INT(doc->events[2].dup_of, -1);
    CHECK_INT(doc->events[3].dup_of, -1);
    CHECK_INT(doc->events[4].dup_of, 0);
    CHECK_INT(doc->events[5].dup_of, 0);
    CHECK_INT(doc->events[6].dup_of, 0);
    CHECK_INT(doc->events[7].dup_of, -1);
    CHECK_INT(doc->events[8].dup_of, -1);
    fx_free(doc);

    /* GESTA_DEDUP_MATCH=code (the default): 040 and 042 are different events */
    doc = build();
    fx_dl(&dl, doc, NULL);
    dl.cfg.dedup_by_root = 0;
    CHECK_INT(gesta_dl_dedup(&dl), GESTA_OK);
    CHECK_INT(doc->events[1].dup_of, -1);
    CHECK_INT(doc->events[5].dup_of, 0);
    fx_free(doc);

    /* GESTA_DEDUP_DAYS=3: the telling three days later joins too */
    doc = build();
    fx_dl(&dl, doc, NULL);
    dl.cfg.dedup_days = 3;
    CHECK_INT(gesta_dl_dedup(&dl), GESTA_OK);
    CHECK_INT(doc->events[3].dup_of, 0);
    fx_free(doc);

    /* GESTA_DEDUP_DAYS=-1: off */
    doc = build();
    fx_dl(&dl, doc, NULL);
    dl.cfg.dedup_off = 1;
    CHECK_INT(gesta_dl_dedup(&dl), GESTA_OK);
    for (uint32_t i = 0; i < doc->nevent; i++) CHECK_INT(doc->events[i].dup_of, -1);
    fx_free(doc);

    /* the environment sets the configuration */
    gesta_dl_config c;
    setenv("GESTA_DEDUP_DAYS", "5", 1);
    setenv("GESTA_DEDUP_MATCH", "code", 1);
    gesta_dl_config_from_env(&c);
    CHECK_INT(c.dedup_days, 5);
    CHECK_INT(c.dedup_by_root, 0);
    CHECK_INT(c.dedup_off, 0);
    setenv("GESTA_DEDUP_DAYS", "-1", 1);
    gesta_dl_config_from_env(&c);
    CHECK_INT(c.dedup_off, 1);
    setenv("GESTA_DEDUP_DAYS", "junk", 1);
    unsetenv("GESTA_DEDUP_MATCH");
    gesta_dl_config_from_env(&c);
    CHECK_INT(c.dedup_days, 1);
    CHECK_INT(c.dedup_by_root, 0);
    setenv("GESTA_DEDUP_MATCH", "root", 1);
    gesta_dl_config_from_env(&c);
    CHECK_INT(c.dedup_by_root, 1);
    fx_done();
    return check_done();
}
