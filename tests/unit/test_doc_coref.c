/* Coreference on a hand-built document: pronouns, descriptions, subject
 * preference, plural antecedents, the window, and unresolved anaphors. */
#include "check.h"
#include "test_doc_fixture.h"

static const fx_actor actors[] = {
    {"putin", "RUSGOV"}, {"biden", "USAGOV"}, {"mitsotakis", "GRCGOV"}, {"nato", "IGOWSTNAT"},
    {"russian president", "RUSGOV"}, {"russia", "RUS"}, {"president", "---GOV"}, {NULL, NULL}};

static gesta_doc *build(void) {
    gesta_doc *doc = fx_doc("2021-12-08");
    fx_sent(doc, GESTA_UNIT_PROSE, 1,
            "Russian|ADJ|4|amod President|PROPN|4|compound Vladimir|PROPN|4|compound Putin|PROPN|5|nsubj "
            "met|VERB|0|root Greek|ADJ|10|amod Prime|PROPN|8|compound Minister|PROPN|10|compound "
            "Kyriakos|PROPN|10|compound Mitsotakis|PROPN|5|obj .|PUNCT|5|punct");
    uint32_t s1 = fx_sent(doc, GESTA_UNIT_PROSE, 0, "He|PRON|2|nsubj criticised|VERB|0|root NATO|PROPN|2|obj .|PUNCT|2|punct");
    uint32_t s2 = fx_sent(doc, GESTA_UNIT_PROSE, 0,
            "The|DET|2|det alliance|NOUN|3|nsubj rejected|VERB|0|root his|PRON|5|nmod:poss claims|NOUN|3|obj .|PUNCT|3|punct");
    fx_sent(doc, GESTA_UNIT_PROSE, 1,
            "Putin|PROPN|4|nsubj and|CCONJ|3|cc Biden|PROPN|1|conj spoke|VERB|0|root .|PUNCT|4|punct");
    uint32_t s4 = fx_sent(doc, GESTA_UNIT_PROSE, 0,
            "The|DET|3|det two|NUM|3|nummod sides|NOUN|4|nsubj agreed|VERB|0|root to|PART|6|mark talk|VERB|4|xcomp .|PUNCT|4|punct");
    uint32_t s5 = fx_sent(doc, GESTA_UNIT_PROSE, 0,
            "It|PRON|2|nsubj welcomed|VERB|0|root the|DET|4|det talks|NOUN|2|obj .|PUNCT|2|punct");
    for (int i = 0; i < 5; i++) fx_sent(doc, GESTA_UNIT_PROSE, 1, "Markets|NOUN|2|nsubj rose|VERB|0|root .|PUNCT|2|punct");
    uint32_t s11 = fx_sent(doc, GESTA_UNIT_PROSE, 1, "She|PRON|2|nsubj refused|VERB|0|root .|PUNCT|2|punct");
    fx_event(doc, s1, "", 0, 1, 1, 2, "IGOWSTNAT", 2, 3, "111");
    fx_event(doc, s2, "", 0, 2, 2, 3, "", -1, -1, "114");
    fx_event(doc, s4, "", 0, 3, 3, 4, "", -1, -1, "030");
    fx_event(doc, s5, "", 0, 1, 1, 2, "", -1, -1, "051");
    fx_event(doc, s11, "", 0, 1, 1, 2, "USAGOV", -1, -1, "125");
    return doc;
}

int main(void) {
    fx_actors = actors;
    gesta_doc *doc = build();
    gesta_dl dl;
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_coref(&dl), GESTA_OK);
    /* "He" is the subject of the sentence before (Putin), not the object (Mitsotakis) */
    CHECK_INT(doc->nevent, 5);
    CHECK_STR(doc->events[0].source, "RUSGOV");
    CHECK(doc->events[0].flags & GESTA_EV_COREF_SRC);
    CHECK_STR(doc->events[0].target, "IGOWSTNAT");
    CHECK(!(doc->events[0].flags & GESTA_EV_COREF_TGT));
    const char *const *codes;
    CHECK_INT(gesta_dl_codes_at(&dl, 1, 0, &codes), 1);
    CHECK_STR(codes[0], "RUSGOV");
    /* "the alliance" → the organisation NATO */
    CHECK_STR(doc->events[1].source, "IGOWSTNAT");
    CHECK(doc->events[1].flags & GESTA_EV_COREF_SRC);
    /* "his" in sentence 2 is Putin again (the nearest person, through "He") */
    CHECK_INT(gesta_dl_codes_at(&dl, 2, 3, &codes), 1);
    CHECK_STR(codes[0], "RUSGOV");
    /* "the two sides" → Putin and Biden: one event each, flagged compound */
    CHECK_STR(doc->events[2].source, "RUSGOV");
    CHECK(doc->events[2].flags & GESTA_EV_COMPOUND_SRC);
    /* "It" → the alliance (organisation, three sentences back) */
    CHECK_STR(doc->events[3].source, "IGOWSTNAT");
    /* "She": no person within 4 sentences → dropped; the copy for Biden came last */
    CHECK_STR(doc->events[4].source, "USAGOV");
    CHECK_STR(doc->events[4].code, "030");
    CHECK(doc->events[4].flags & GESTA_EV_COREF_SRC);
    CHECK(doc->events[4].flags & GESTA_EV_COMPOUND_SRC);
    for (uint32_t i = 0; i < doc->nevent; i++) CHECK(strcmp(doc->events[i].code, "125") != 0);
    fx_free(doc);

    /* GESTA_COREF_KEEP: the unresolved event stays, with its source empty */
    doc = build();
    fx_dl(&dl, doc, NULL);
    dl.cfg.keep_unresolved = 1;
    CHECK_INT(gesta_dl_coref(&dl), GESTA_OK);
    CHECK_INT(doc->nevent, 6);
    CHECK_STR(doc->events[4].code, "125");
    CHECK_STR(doc->events[4].source, "");
    fx_free(doc);

    /* with a window of 10 sentences "She" reaches the persons of sentence 3 and
     * the event stays */
    doc = build();
    fx_dl(&dl, doc, NULL);
    dl.cfg.coref_window = 10;
    CHECK_INT(gesta_dl_coref(&dl), GESTA_OK);
    CHECK_INT(doc->nevent, 6);
    fx_free(doc);

    /* an untagged, unparsed sentence still resolves by kind */
    doc = fx_doc("2021-12-08");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Putin met Biden .");
    uint32_t s = fx_sent(doc, GESTA_UNIT_PROSE, 0, "He praised NATO .");
    fx_event(doc, s, "", 0, 1, 1, 2, "IGOWSTNAT", 2, 3, "051");
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_coref(&dl), GESTA_OK);
    CHECK_INT(doc->nevent, 1);
    CHECK(doc->nevent == 1 && !strcmp(doc->events[0].source, "RUSGOV"));
    fx_free(doc);

    /* "the alliance" wants an organisation even when a country is the subject;
     * "the president", coded only as a bare agent (---GOV), is a description */
    doc = fx_doc("2021-12-08");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Putin|PROPN|2|nsubj spoke|VERB|0|root .|PUNCT|2|punct");
    fx_sent(doc, GESTA_UNIT_PROSE, 0, "Russia|PROPN|2|nsubj warned|VERB|0|root NATO|PROPN|2|obj .|PUNCT|2|punct");
    s = fx_sent(doc, GESTA_UNIT_PROSE, 0, "The|DET|2|det alliance|NOUN|3|nsubj replied|VERB|0|root .|PUNCT|3|punct");
    uint32_t s3 = fx_sent(doc, GESTA_UNIT_PROSE, 0, "The|DET|2|det president|NOUN|3|nsubj left|VERB|0|root .|PUNCT|3|punct");
    uint32_t s4 = fx_sent(doc, GESTA_UNIT_PROSE, 0, "It|PRON|2|nsubj answered|VERB|0|root .|PUNCT|2|punct");
    fx_event(doc, s, "", 0, 2, 2, 3, "UKR", -1, -1, "020");
    fx_event(doc, s3, "", 0, 2, 2, 3, "UKR", -1, -1, "020");
    fx_event(doc, s4, "", 0, 1, 1, 2, "UKR", -1, -1, "020");
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_coref(&dl), GESTA_OK);
    CHECK_INT(doc->nevent, 3);
    if (doc->nevent == 3) {
        CHECK_STR(doc->events[0].source, "IGOWSTNAT");
        CHECK_STR(doc->events[1].source, "RUSGOV");
        /* "It": organisation or country, the subject of the nearest sentence that has one */
        CHECK_STR(doc->events[2].source, "IGOWSTNAT");
    }
    fx_free(doc);

    /* A resolved side that makes the event self-directed: Putin (RUSGOV) appealing
     * to Russia is dropped; Putin's statement about Russia (010) stays. */
    doc = fx_doc("2021-12-08");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Putin|PROPN|2|nsubj spoke|VERB|0|root .|PUNCT|2|punct");
    s = fx_sent(doc, GESTA_UNIT_PROSE, 0, "He|PRON|2|nsubj urged|VERB|0|root Russia|PROPN|2|obj .|PUNCT|2|punct");
    s3 = fx_sent(doc, GESTA_UNIT_PROSE, 0, "He|PRON|2|nsubj said|VERB|0|root Russia|PROPN|4|nsubj waits|VERB|2|ccomp");
    fx_event(doc, s, "", 0, 1, 2, 3, "RUS", -1, -1, "020");
    fx_event(doc, s3, "", 0, 1, 2, 3, "RUS", -1, -1, "010");
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_coref(&dl), GESTA_OK);
    CHECK_INT(doc->nevent, 1);
    if (doc->nevent == 1) {
        CHECK_STR(doc->events[0].source, "RUSGOV");
        CHECK_STR(doc->events[0].code, "010");
    }
    fx_free(doc);

    fx_done();
    return check_done();
}
