/* Places: the gazetteer built from libgeonames0's data and iso-codes, the choice
 * among same-named places, and events getting the place of their sentence. */
#include <math.h>

#include "check.h"
#include "doc/doclayer.h"
#include "test_doc_fixture.h"

static const gesta_place *pick(const struct gesta_gazetteer *g, const char *name, const char *actor,
                               const char *place_ctx, const char *state_ctx) {
    const uint32_t *cand;
    int n = gesta_gazetteer_lookup(g, name, &cand);
    if (n <= 0) return NULL;
    const char *a[1] = {actor}, *p[1] = {place_ctx}, *s[1] = {state_ctx};
    int i = gesta_dl_place_choose(g, cand, n, a, actor ? 1 : 0, p, place_ctx ? 1 : 0, NULL, 0, s, state_ctx ? 1 : 0);
    return gesta_gazetteer_place(g, cand[i]);
}

int main(void) {
    struct gesta_gazetteer *g = NULL;
    gesta_error err;
    CHECK_INT(gesta_gazetteer_load(&g, NULL, &err), GESTA_OK);
    uint32_t ncity = 0;
    uint32_t n = gesta_gazetteer_size(g, &ncity);
    CHECK(n > 200); /* countries from iso-codes at least */
    CHECK_STR(gesta_gazetteer_alpha3(g, "RU"), "RUS");
    CHECK_STR(gesta_gazetteer_alpha3(g, "US"), "USA");
    if (ncity == 0) {
        printf("SKIP: libgeonames0's data not found (set GESTA_GEONAMES)\n");
        gesta_gazetteer_free(g);
        return 77;
    }
    CHECK(ncity > 20000);
    const gesta_place *p = pick(g, "sochi", NULL, NULL, NULL);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->country, "RUS");
        CHECK(fabs(p->lat - 43.6) < 0.3 && fabs(p->lon - 39.7) < 0.3);
    }
    /* accents folded and stripped: "São Paulo" and "sao paulo" */
    p = pick(g, "sao paulo", NULL, NULL, NULL);
    CHECK(p && !strcmp(p->country, "BRA"));
    /* Paris: France by population, even with an American actor ... */
    p = pick(g, "paris", "USAGOV", NULL, NULL);
    CHECK(p && !strcmp(p->country, "FRA"));
    /* ... but Texas when the story is in Texas */
    p = pick(g, "paris", "USAGOV", "USA", "Texas");
    CHECK(p && !strcmp(p->country, "USA") && !strcmp(p->state, "Texas"));
    /* Georgia: the country, even with an American actor, unless the story names
     * other places in the United States */
    p = pick(g, "georgia", NULL, NULL, NULL);
    CHECK(p && !strcmp(p->country, "GEO") && p->kind == GESTA_PLACE_COUNTRY);
    p = pick(g, "georgia", "USAGOV", NULL, NULL);
    CHECK(p && !strcmp(p->country, "GEO") && p->kind == GESTA_PLACE_COUNTRY);
    p = pick(g, "georgia", NULL, "USA", NULL); /* e.g. "in Texas" elsewhere in the story */
    CHECK(p && !strcmp(p->country, "USA") && p->kind == GESTA_PLACE_STATE);
    /* countries under short and ISO names */
    p = pick(g, "russia", NULL, NULL, NULL);
    CHECK(p && !strcmp(p->country, "RUS") && p->kind == GESTA_PLACE_COUNTRY && isfinite(p->lat));
    p = pick(g, "russian federation", NULL, NULL, NULL);
    CHECK(p && !strcmp(p->country, "RUS"));
    p = pick(g, "ukraine", NULL, NULL, NULL);
    CHECK(p && !strcmp(p->country, "UKR"));
    CHECK(pick(g, "no such place anywhere", NULL, NULL, NULL) == NULL);
    /* "Washington" is the capital, not the state nor Washington, England */
    p = pick(g, "washington", NULL, NULL, NULL);
    CHECK(p && !strcmp(p->country, "USA") && p->kind == GESTA_PLACE_CITY && fabs(p->lat - 38.9) < 0.2);
    p = pick(g, "new york", NULL, NULL, NULL);
    CHECK(p && p->kind == GESTA_PLACE_CITY && fabs(p->lat - 40.71) < 0.05);

    /* the pass: "in Sochi" gives the sentence's events Sochi; "from Brussels" is no place */
    gesta_doc *doc = fx_doc("2021-12-08");
    uint32_t s0 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Putin|PROPN met|VERB Mitsotakis|PROPN in|ADP Sochi|PROPN on|ADP Wednesday|PROPN .|PUNCT");
    uint32_t s1 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Russia|PROPN expelled|VERB diplomats|NOUN from|ADP Brussels|PROPN .|PUNCT");
    uint32_t s2 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "The|DET presidents|NOUN met|VERB in|ADP Geneva|PROPN and|CCONJ talked|VERB in|ADP New|PROPN York|PROPN .|PUNCT");
    /* parsed: a place in a relative clause is not the event's; one hanging from
     * the event's object is */
    uint32_t s3 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Putin|PROPN|2|nsubj criticised|VERB|0|root the|DET|4|det mission|NOUN|2|obj that|PRON|6|nsubj "
        "opened|VERB|4|acl:relcl in|ADP|8|case Moscow|PROPN|6|obl .|PUNCT|2|punct");
    uint32_t s4 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Putin|PROPN|2|nsubj criticised|VERB|0|root the|DET|4|det closure|NOUN|2|obj of|ADP|7|case "
        "the|DET|7|det mission|NOUN|4|nmod in|ADP|9|case Moscow|PROPN|7|nmod .|PUNCT|2|punct");
    fx_event(doc, s0, "RUSGOV", 0, 1, 1, 2, "GRCGOV", 2, 3, "040");
    fx_event(doc, s1, "RUS", 0, 1, 1, 2, "BEL", 4, 5, "174");
    fx_event(doc, s2, "RUSGOV", 0, 2, 2, 3, "USAGOV", 0, 2, "040");
    fx_event(doc, s2, "USAGOV", 0, 2, 6, 7, "RUSGOV", 0, 2, "040");
    fx_event(doc, s3, "RUSGOV", 0, 1, 1, 2, "IGOWSTNAT", 2, 4, "111");
    fx_event(doc, s4, "RUSGOV", 0, 1, 1, 2, "IGOWSTNAT", 2, 4, "111");
    gesta_dl dl;
    fx_dl(&dl, doc, g);
    CHECK_INT(gesta_dl_places(&dl), GESTA_OK);
    CHECK(doc->events[0].has_place);
    if (doc->events[0].has_place) {
        CHECK_STR(doc->events[0].place_name, "Sochi");
        CHECK_STR(doc->events[0].place_country, "RUS");
    }
    CHECK(!doc->events[1].has_place);
    CHECK(doc->events[2].has_place && !strcmp(doc->events[2].place_name, "Geneva") &&
          !strcmp(doc->events[2].place_country, "CHE"));
    /* New York the city (40.71 N), not the state (its centroid is further north) */
    CHECK(doc->events[3].has_place && !strcmp(doc->events[3].place_country, "USA") &&
          fabs(doc->events[3].lat - 40.71) < 0.05);
    CHECK(!doc->events[4].has_place);
    CHECK(doc->events[5].has_place && !strcmp(doc->events[5].place_name, "Moscow") &&
          !strcmp(doc->events[5].place_country, "RUS"));
    for (uint32_t i = 0; i < doc->nevent; i++)
        printf("event %u: %s %s %.3f %.3f\n", i, doc->events[i].has_place ? doc->events[i].place_name : "-",
               doc->events[i].has_place ? doc->events[i].place_country : "-", doc->events[i].lat, doc->events[i].lon);
    fx_free(doc);
    fx_done();
    gesta_gazetteer_free(g);
    return check_done();
}
