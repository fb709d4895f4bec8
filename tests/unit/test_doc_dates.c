/* Relative dates: calendar arithmetic, each kind of expression, month and year
 * boundaries, weekday arithmetic, and which events of a sentence get the date. */
#include "check.h"
#include "test_doc_fixture.h"

static const char *res(const char *article, const char *phrase) {
    static char out[11];
    if (!gesta_dl_date_phrase(article, phrase, out)) return "(none)";
    return out;
}

static void calendar(void) {
    int y, m, d;
    CHECK_INT(gesta_dl_days(1970, 1, 1), 0);
    CHECK_INT(gesta_dl_days(2000, 3, 1) - gesta_dl_days(2000, 2, 28), 2); /* 2000 is a leap year */
    CHECK_INT(gesta_dl_days(1900, 3, 1) - gesta_dl_days(1900, 2, 28), 1); /* 1900 is not */
    gesta_dl_civil(gesta_dl_days(2021, 12, 8), &y, &m, &d);
    CHECK(y == 2021 && m == 12 && d == 8);
    for (long t = gesta_dl_days(1999, 12, 25); t < gesta_dl_days(2001, 1, 5); t++) {
        gesta_dl_civil(t, &y, &m, &d);
        if (gesta_dl_days(y, m, d) != t) { CHECK(!"round trip"); break; }
    }
    CHECK_INT(gesta_dl_weekday_of(gesta_dl_days(2021, 12, 8)), 2);  /* Wednesday */
    CHECK_INT(gesta_dl_weekday_of(gesta_dl_days(1970, 1, 1)), 3);   /* Thursday */
    CHECK_INT(gesta_dl_weekday_of(gesta_dl_days(2024, 2, 29)), 3);  /* Thursday */
}

static void phrases(void) {
    /* 2021-12-08 was a Wednesday */
    CHECK_STR(res("2021-12-08", "on Tuesday"), "2021-12-07");
    CHECK_STR(res("2021-12-08", "on Wednesday"), "2021-12-08"); /* the article's own weekday */
    CHECK_STR(res("2021-12-08", "on Thursday"), "2021-12-02");  /* most recent before */
    CHECK_STR(res("2021-12-08", "last Wednesday"), "2021-12-01");
    CHECK_STR(res("2021-12-08", "next Monday"), "2021-12-13");
    CHECK_STR(res("2021-12-08", "next Wednesday"), "2021-12-15");
    CHECK_STR(res("2021-12-06", "on Sunday"), "2021-12-05");
    CHECK_STR(res("2022-01-01", "on Friday"), "2021-12-31");    /* back over a year boundary */
    CHECK_STR(res("2021-12-08", "today"), "2021-12-08");
    CHECK_STR(res("2022-01-01", "yesterday"), "2021-12-31");
    CHECK_STR(res("2020-03-01", "yesterday"), "2020-02-29");
    CHECK_STR(res("2021-03-01", "yesterday"), "2021-02-28");
    CHECK_STR(res("2021-12-31", "tomorrow"), "2022-01-01");
    CHECK_STR(res("2021-12-08", "last night"), "2021-12-07");
    CHECK_STR(res("2021-12-08", "on 7 December"), "2021-12-07");
    CHECK_STR(res("2021-12-08", "December 7"), "2021-12-07");
    CHECK_STR(res("2021-12-08", "on the 7th of December"), "2021-12-07");
    CHECK_STR(res("2021-12-08", "Dec. 7 , 2020"), "2020-12-07");
    CHECK_STR(res("2021-12-08", "7 December 2019"), "2019-12-07");
    CHECK_STR(res("2022-01-03", "on 30 December"), "2021-12-30"); /* last year's December */
    CHECK_STR(res("2021-12-30", "on 2 January"), "2022-01-02");   /* soon: next year */
    CHECK_STR(res("2021-06-15", "on 2 January"), "2021-01-02");
    CHECK_STR(res("2021-12-08", "two days ago"), "2021-12-06");
    CHECK_STR(res("2021-03-01", "two days ago"), "2021-02-27");
    CHECK_STR(res("2021-12-08", "3 weeks ago"), "2021-11-17");
    CHECK_STR(res("2021-03-31", "a month ago"), "2021-02-28");    /* clamped to the month's end */
    CHECK_STR(res("2020-02-29", "a year ago"), "2019-02-28");
    CHECK_STR(res("2021-12-08", "last week"), "2021-12-01");
    CHECK_STR(res("2021-12-08", "last month"), "2021-11-08");
    CHECK_STR(res("2021-01-15", "last month"), "2020-12-15");
    CHECK_STR(res("2021-12-08", "last year"), "2020-12-08");
    CHECK_STR(res("2021-12-08", "earlier this month"), "2021-12-01");
    CHECK_STR(res("2021-12-08", "earlier this week"), "2021-12-06");
    CHECK_STR(res("2021-12-08", "earlier this year"), "2021-01-01");
    CHECK_STR(res("2021-12-08", "2021-11-30"), "2021-11-30");
    /* not dates */
    CHECK_STR(res("2021-12-08", "they may meet"), "(none)");
    CHECK_STR(res("2021-12-08", "on 31 February"), "(none)");
    CHECK_STR(res("2021-12-08", "last resort"), "(none)");
    CHECK_STR(res("2021-12-08", "the 1990s"), "(none)");
}

static void events(void) {
    gesta_doc *doc = fx_doc("2021-12-08");
    /* 0: "Putin said on Wednesday that Russia would talk to Biden ." (parsed) */
    uint32_t s0 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Putin|PROPN|2|nsubj said|VERB|0|root on|ADP|4|case Wednesday|PROPN|2|obl that|SCONJ|8|mark "
        "Russia|PROPN|8|nsubj would|AUX|8|aux talk|VERB|2|ccomp to|ADP|10|case Biden|PROPN|8|obl .|PUNCT|2|punct");
    /* 1: "Putin met Biden on Tuesday and Mitsotakis in Sochi ." (unparsed) */
    uint32_t s1 = fx_sent(doc, GESTA_UNIT_PROSE, 1, "Putin met Biden on Tuesday and Mitsotakis in Sochi .");
    /* 2: "Yesterday , NATO criticised Russia ." (unparsed, expression before the verb) */
    uint32_t s2 = fx_sent(doc, GESTA_UNIT_PROSE, 1, "Yesterday , NATO criticised Russia .");
    /* 3: no expression */
    uint32_t s3 = fx_sent(doc, GESTA_UNIT_PROSE, 1, "Russia criticised NATO .");
    /* 4: "On Tuesday , Putin said Russia attacked Ukraine ." (parsed; only "attacked" is an
     * event): a main-clause date dates every event of the sentence */
    uint32_t s4 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "On|ADP|2|case Tuesday|PROPN|5|obl ,|PUNCT|5|punct Putin|PROPN|5|nsubj said|VERB|0|root "
        "Russia|PROPN|7|nsubj attacked|VERB|5|ccomp Ukraine|PROPN|7|obj .|PUNCT|5|punct");
    /* 5: "Putin criticised the mission that opened on Monday ." (parsed): the date
     * belongs to the relative clause, not to the criticism */
    uint32_t s5 = fx_sent(doc, GESTA_UNIT_PROSE, 1,
        "Putin|PROPN|2|nsubj criticised|VERB|0|root the|DET|4|det mission|NOUN|2|obj that|PRON|6|nsubj "
        "opened|VERB|4|acl:relcl on|ADP|8|case Monday|PROPN|6|obl .|PUNCT|2|punct");
    fx_event(doc, s0, "RUSGOV", 0, 1, 1, 2, "", -1, -1, "010");
    fx_event(doc, s0, "RUS", 5, 6, 7, 8, "USAGOV", 9, 10, "040");
    fx_event(doc, s1, "RUSGOV", 0, 1, 1, 2, "USAGOV", 2, 3, "040");
    fx_event(doc, s2, "IGOWSTNAT", 2, 3, 3, 4, "RUS", 4, 5, "111");
    fx_event(doc, s3, "RUS", 0, 1, 1, 2, "IGOWSTNAT", 2, 3, "111");
    fx_event(doc, s4, "RUS", 5, 6, 6, 7, "UKR", 7, 8, "190");
    fx_event(doc, s5, "RUSGOV", 0, 1, 1, 2, "", 2, 4, "111");
    gesta_dl dl;
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_dates(&dl), GESTA_OK);
    CHECK_STR(doc->events[0].date, "2021-12-08");                 /* "said on Wednesday" */
    CHECK_STR(doc->events[0].date_source, "sentence:on Wednesday");
    CHECK_STR(doc->events[1].date, "2021-12-08");                 /* talk: nothing hangs on it */
    CHECK_STR(doc->events[1].date_source, "document");
    CHECK_STR(doc->events[2].date, "2021-12-07");                 /* met ... on Tuesday */
    CHECK_STR(doc->events[2].date_source, "sentence:on Tuesday");
    CHECK_STR(doc->events[3].date, "2021-12-07");                 /* Yesterday, ... criticised */
    CHECK_STR(doc->events[4].date, "2021-12-08");
    CHECK_STR(doc->events[4].date_source, "document");
    CHECK_STR(doc->events[5].date, "2021-12-07");
    CHECK_STR(doc->events[5].date_source, "sentence:On Tuesday");
    CHECK_STR(doc->events[6].date, "2021-12-08");
    CHECK_STR(doc->events[6].date_source, "document");
    fx_free(doc);

    /* a document without a date keeps event dates empty and does not fail */
    doc = fx_doc(NULL);
    s0 = fx_sent(doc, GESTA_UNIT_PROSE, 1, "Putin met Biden on Tuesday .");
    fx_event(doc, s0, "RUSGOV", 0, 1, 1, 2, "USAGOV", 2, 3, "040");
    fx_dl(&dl, doc, NULL);
    CHECK_INT(gesta_dl_dates(&dl), GESTA_OK);
    CHECK_STR(doc->events[0].date, "");
    fx_free(doc);
}

int main(void) {
    calendar();
    phrases();
    events();
    fx_done();
    return check_done();
}
