/* Cross-story duplicate grouping: near-duplicate stories share a group, unrelated
 * ones do not; events get Phoenix one-a-day groups and near-duplicate-story groups. */
#include <string.h>

#include "check.h"
#include "corpus/corpus.h"

static gesta_doc *story(const char *id, const char *date, const char *text) {
    gesta_doc *d = NULL;
    gesta_doc_new(&d, id, date, text, strlen(text), NULL);
    return d;
}

static gesta_event *event(gesta_doc *d, const char *src, const char *tgt, const char *code, const char *date) {
    gesta_event *e = gesta_doc_add_event(d);
    e->source = src;
    e->target = tgt;
    e->code = code;
    if (date) memcpy(e->date, date, 11);
    return e;
}

static const char *wire =
    "Russian President Vladimir Putin said on Wednesday that Russia's security proposals would be presented "
    "to the United States within a week, after a video call with US President Joe Biden on Tuesday in which "
    "the two leaders discussed Ukraine and the expansion of NATO to the east.";
static const char *rewrite =
    "Russian President Vladimir Putin said on Wednesday that Russia's security proposals will be presented "
    "to the United States within a week, after a video call with US President Joe Biden on Tuesday in which "
    "the two leaders discussed Ukraine and the expansion of NATO to the east, the Kremlin said.";
static const char *other =
    "Floods in the south of the country forced thousands of families from their homes on Monday, and the "
    "regional government asked the army to help with the evacuation of villages along the river.";

int main(void) {
    CHECK(gesta_corpus_similarity(wire, wire, 4) == 1.0);
    CHECK(gesta_corpus_similarity(wire, rewrite, 4) > 0.5);
    CHECK(gesta_corpus_similarity(wire, other, 4) < 0.2);

    gesta_corpus *c = gesta_corpus_new(NULL);
    CHECK(c != NULL);
    gesta_doc *a = story("a", "2021-12-08", wire);
    gesta_doc *b = story("b", "2021-12-08", rewrite);
    gesta_doc *x = story("x", "2021-12-08", other);
    gesta_event *ea = event(a, "RUSGOV", "USAGOV", "036", NULL);
    gesta_event *ea2 = event(a, "RUSGOV", "USAGOV", "036", NULL); /* told twice in one story */
    gesta_event *eb = event(b, "RUSGOV", "USAGOV", "0311", "2021-12-09"); /* rewrite: other code, next day */
    gesta_event *ex = event(x, "RUSGOV", "USAGOV", "036", NULL);  /* same key in an unrelated story */
    gesta_event *ex2 = event(x, "RUSGOV", "USAGOV", "0311", "2021-12-09"); /* unrelated story: no near match */

    CHECK_INT(gesta_corpus_add(c, a), GESTA_OK);
    CHECK_INT(gesta_corpus_add(c, b), GESTA_OK);
    CHECK_INT(gesta_corpus_add(c, x), GESTA_OK);
    CHECK_STR(a->story_group, b->story_group);
    CHECK(strcmp(a->story_group, x->story_group) != 0);
    /* Phoenix key: same date/source/target/code groups even across unrelated stories. */
    CHECK_STR(ea->dup_group, ea2->dup_group);
    CHECK_STR(ea->dup_group, ex->dup_group);
    CHECK(!(ea->flags & GESTA_EV_REPEAT));
    CHECK(ea2->flags & GESTA_EV_REPEAT);
    /* Near-duplicate story: same dyad and root code within the window joins. */
    CHECK_STR(eb->dup_group, ea->dup_group);
    CHECK(eb->flags & GESTA_EV_REPEAT);
    /* Unrelated story, different code: no near-duplicate grouping... but the
     * Phoenix key of eb (2021-12-09|RUSGOV|USAGOV|0311) is the same: one-a-day joins it. */
    CHECK_STR(ex2->dup_group, eb->dup_group);

    /* Groups report mentions: the event group has 5 mentions, the story group 2. */
    int found_event = 0, found_story = 0;
    for (size_t i = 0; i < gesta_corpus_group_count(c); i++) {
        const char *id, *kind, *first;
        int fi, m;
        gesta_corpus_group(c, i, &id, &kind, &first, &fi, &m);
        if (!strcmp(id, ea->dup_group)) { found_event = 1; CHECK_INT(m, 5); CHECK_STR(first, "a"); CHECK_INT(fi, 0); }
        if (!strcmp(id, a->story_group)) { found_story = 1; CHECK_INT(m, 2); CHECK_STR(kind, "story"); }
    }
    CHECK(found_event && found_story);

    /* A stricter threshold separates the rewrite. */
    gesta_corpus_options o = GESTA_CORPUS_OPTIONS_INIT;
    o.story_threshold = 0.99;
    gesta_corpus *strict = gesta_corpus_new(&o);
    gesta_doc *a2 = story("a", "2021-12-08", wire), *b2 = story("b", "2021-12-08", rewrite);
    gesta_corpus_add(strict, a2);
    gesta_corpus_add(strict, b2);
    CHECK(strcmp(a2->story_group, b2->story_group) != 0);

    /* Empty documents never match each other. */
    gesta_doc *e1 = story("e1", "2021-12-08", ""), *e2 = story("e2", "2021-12-08", "");
    gesta_corpus_add(c, e1);
    gesta_corpus_add(c, e2);
    CHECK(strcmp(e1->story_group, e2->story_group) != 0);

    gesta_doc_free(a); gesta_doc_free(b); gesta_doc_free(x); gesta_doc_free(a2); gesta_doc_free(b2);
    gesta_doc_free(e1); gesta_doc_free(e2);
    gesta_corpus_free(c);
    gesta_corpus_free(strict);
    return check_done();
}
