/* Quotes: direct (colon, trailing "X said", multi-sentence, unclosed, curly),
 * indirect ("said that", "according to"), scare quotes skipped, speakers
 * resolved through coreference, events inside quotes flagged. */
#include "check.h"
#include "test_doc_fixture.h"

static const fx_actor actors[] = {
    {"putin", "RUSGOV"}, {"biden", "USAGOV"}, {"peskov", "RUSGOV"}, {"lavrov", "RUSGOV"}, {"russia", "RUS"}, {NULL, NULL}};

static const gesta_quote *find(const gesta_doc *doc, uint32_t sent, int direct) {
    for (uint32_t i = 0; i < doc->nquote; i++)
        if (doc->quotes[i].sentence == sent && doc->quotes[i].direct == direct) return &doc->quotes[i];
    return NULL;
}

int main(void) {
    fx_actors = actors;
    gesta_doc *doc = fx_doc("2021-12-08");
    uint32_t s0 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Putin|PROPN|2|nsubj said|VERB|0|root that|SCONJ|6|mark Russia|PROPN|6|nsubj does|AUX|6|aux "
        "want|VERB|2|ccomp peace|NOUN|6|obj .|PUNCT|2|punct");
    uint32_t s1 = fx_sent(doc, GESTA_UNIT_PROSE, 0,
        "He|PRON|2|nsubj added|VERB|0|root :|PUNCT|2|punct \xe2\x80\x9c|PUNCT|7|punct Russia|PROPN|7|nsubj "
        "will|AUX|7|aux formulate|VERB|2|ccomp its|PRON|9|nmod:poss proposals|NOUN|7|obj .|PUNCT|7|punct "
        "\xe2\x80\x9d|PUNCT|7|punct");
    uint32_t s2 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "\"|PUNCT We|PRON want|VERB peace|NOUN ,|PUNCT \"|PUNCT Biden|PROPN said|VERB .|PUNCT");
    uint32_t s3 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Putin|PROPN described|VERB the|DET move|NOUN as|ADP \xe2\x80\x9c|PUNCT provocative|ADJ \xe2\x80\x9d|PUNCT .|PUNCT");
    uint32_t s4 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "According|VERB to|ADP Peskov|PROPN ,|PUNCT the|DET talks|NOUN were|AUX useful|ADJ .|PUNCT");
    uint32_t s5 = fx_sent(doc, GESTA_UNIT_PROSE, 1, "Biden|PROPN said|VERB :|PUNCT \"|PUNCT We|PRON will|AUX talk|VERB .|PUNCT");
    uint32_t s6 = fx_sent(doc, GESTA_UNIT_PROSE, 0, "It|PRON is|AUX time|NOUN to|PART act|VERB .|PUNCT \"|PUNCT");
    uint32_t s7 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Lavrov|PROPN said|VERB :|PUNCT \xe2\x80\x9c|PUNCT This|PRON is|AUX unacceptable|ADJ .|PUNCT");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Markets|NOUN rose|VERB .|PUNCT");
    uint32_t s9 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "The|DET spokesman|NOUN said|VERB the|DET deal|NOUN was|AUX dead|ADJ ,|PUNCT according|VERB to|ADP Lavrov|PROPN .|PUNCT");
    /* "He added that Moscow was right . “Of course , every country has rights ." — the
     * quote's own sentence has no verb of saying: the one before, same paragraph */
    fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "He|PRON|2|nsubj added|VERB|0|root that|SCONJ|6|mark Moscow|PROPN|6|nsubj was|AUX|6|cop right|ADJ|2|ccomp .|PUNCT|2|punct");
    uint32_t s11 = fx_sent(doc, GESTA_UNIT_PROSE, 0,
        "\xe2\x80\x9c|PUNCT|6|punct Of|ADP|3|case course|NOUN|6|obl ,|PUNCT|3|punct every|DET|5|det country|NOUN|6|nsubj "
        "has|VERB|0|root rights|NOUN|6|obj .|PUNCT|6|punct");
    /* a quote paragraph right after a quote continues its speaker (rule 5) ... */
    uint32_t s12 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "\xe2\x80\x9c|PUNCT|4|punct Every|DET|3|det country|NOUN|4|nsubj has|VERB|0|root rights|NOUN|4|obj .|PUNCT|4|punct");
    /* ... but not after a paragraph of other words */
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Markets|NOUN|2|nsubj rose|VERB|0|root .|PUNCT|2|punct");
    uint32_t s14 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "\xe2\x80\x9c|PUNCT|4|punct Every|DET|3|det country|NOUN|4|nsubj has|VERB|0|root duties|NOUN|4|obj .|PUNCT|4|punct");
    /* first person inside a quote is its speaker; without a speaker the event goes */
    uint32_t s15 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Putin|PROPN said|VERB :|PUNCT \"|PUNCT We|PRON will|AUX respond|VERB to|ADP NATO|PROPN .|PUNCT \"|PUNCT");
    fx_sent(doc, GESTA_UNIT_PROSE, 1, "Markets|NOUN rose|VERB .|PUNCT");
    uint32_t s17 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "\"|PUNCT We|PRON reject|VERB NATO|PROPN and|CCONJ US|PROPN demands|NOUN .|PUNCT \"|PUNCT");
    fx_event(doc, s0, "RUSGOV", 0, 1, 1, 2, "", -1, -1, "010");
    fx_event(doc, s1, "RUS", 4, 5, 6, 7, "", -1, -1, "010");
    fx_event(doc, s15, "", 4, 5, 6, 7, "IGOWSTNAT", 8, 9, "110");
    fx_event(doc, s17, "", 1, 2, 2, 3, "IGOWSTNAT", 3, 4, "110");
    fx_event(doc, s17, "RUSGOV", -1, -1, 2, 3, "", 5, 6, "110"); /* "US" is no pronoun */

    gesta_dl dl;
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_coref(&dl), GESTA_OK);
    CHECK_INT(gesta_dl_quotes(&dl), GESTA_OK);

    const gesta_quote *q = find(doc, s0, 0);
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->quote, "Russia does want peace");
        CHECK_STR(q->speaker, "Putin");
        CHECK_STR(q->speaker_code, "RUSGOV");
        CHECK_STR(doc->text + q->speaker_start, doc->text + doc->toks[0].start);
    }
    q = find(doc, s1, 1);
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->quote, "Russia will formulate its proposals .");
        CHECK_STR(q->speaker, "He");
        CHECK_STR(q->speaker_code, "RUSGOV"); /* through coreference */
        CHECK_INT(q->speaker_coref, 1);
        CHECK_INT(q->end - q->start, (uint32_t)strlen("Russia will formulate its proposals ."));
    }
    CHECK(find(doc, s1, 0) == NULL); /* the quoted clause is not also an indirect quote */
    q = find(doc, s2, 1);
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->quote, "We want peace");
        CHECK_STR(q->speaker, "Biden");
        CHECK_STR(q->speaker_code, "USAGOV");
    }
    CHECK(find(doc, s3, 1) == NULL); /* "provocative": a scare quote */
    q = find(doc, s4, 0);
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->quote, "the talks were useful");
        CHECK_STR(q->speaker, "Peskov");
        CHECK_STR(q->speaker_code, "RUSGOV");
    }
    q = find(doc, s5, 1);
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->quote, "We will talk . It is time to act .");
        CHECK_INT(q->last_sentence, s6);
        CHECK_STR(q->speaker, "Biden");
    }
    q = find(doc, s7, 1);
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->quote, "This is unacceptable .");  /* unclosed: ends with its paragraph */
        CHECK_INT(q->last_sentence, s7);
        CHECK_STR(q->speaker, "Lavrov");
    }
    q = find(doc, s9, 0);
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->quote, "The spokesman said the deal was dead"); /* "..., according to X" */
        CHECK_STR(q->speaker, "Lavrov");
    }
    q = find(doc, s11, 1);
    CHECK(q != NULL);
    if (q) {
        CHECK_STR(q->quote, "Of course , every country has rights .");
        CHECK_STR(q->speaker, "He");
        CHECK_STR(q->speaker_code, "RUSGOV"); /* He → Lavrov, the last person subject before */
    }
    q = find(doc, s12, 1);
    CHECK(q != NULL);
    if (q) CHECK_STR(q->speaker, "He");
    q = find(doc, s14, 1);
    CHECK(q != NULL);
    if (q) CHECK_STR(q->speaker, "");
    CHECK_INT(doc->nevent, 4);
    CHECK_STR(doc->events[2].source, "RUSGOV"); /* "We" in Putin's quote */
    CHECK(doc->events[2].flags & GESTA_EV_COREF_SRC);
    CHECK(doc->events[2].flags & GESTA_EV_IN_QUOTE);
    CHECK_STR(doc->events[3].code, "110");      /* the speakerless "We" event is gone ... */
    CHECK_STR(doc->events[3].source, "RUSGOV"); /* ... the "US" one stays, its target empty */
    CHECK_STR(doc->events[3].target, "");
    CHECK(!(doc->events[0].flags & GESTA_EV_IN_QUOTE));
    CHECK(doc->events[1].flags & GESTA_EV_IN_QUOTE);
    fx_free(doc);
    fx_done();
    return check_done();
}
