/* The sentence splitter: abbreviations, quotes, decimals, initials, ellipses,
 * headings, wrapped lines, boilerplate and over-long units. */
#include <string.h>

#include "check.h"
#include "text/text.h"

/* The units of text as "P|text", "H|text" or "B:why|text", joined by " ## ". */
static char out[8192];
static const char *units(const char *text) {
    gesta_doc *d;
    out[0] = '\0';
    if (gesta_doc_new(&d, "t", NULL, text, strlen(text), NULL) != GESTA_OK) return "(oom)";
    if (gesta_text_segment(d) != GESTA_OK) { gesta_doc_free(d); return "(fail)"; }
    size_t o = 0;
    for (uint32_t i = 0; i < d->nsent; i++) {
        const gesta_sent *s = &d->sents[i];
        const char *k = s->kind == GESTA_UNIT_HEADING ? "H" : s->kind == GESTA_UNIT_BOILERPLATE ? "B" : "P";
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%s%s%s|%.*s", i ? " ## " : "", k, s->boiler_why ? ":" : "",
                              s->boiler_why ? s->boiler_why : "", (int)(s->end - s->start), d->text + s->start);
        /* units cover their tokens exactly, in order */
        if (s->ntok == 0 || s->start != d->toks[s->tok0].start || s->end != d->toks[s->tok0 + s->ntok - 1].end)
            o += (size_t)snprintf(out + o, sizeof out - o, "(bad span)");
        if (i + 1 < d->nsent && d->sents[i + 1].tok0 != s->tok0 + s->ntok)
            o += (size_t)snprintf(out + o, sizeof out - o, "(gap)");
    }
    gesta_doc_free(d);
    return out;
}

int main(void) {
    /* abbreviations */
    CHECK_STR(units("Mr. Smith went to Washington. He met Gen. Milley and U.S. officials."),
              "P|Mr. Smith went to Washington. ## P|He met Gen. Milley and U.S. officials.");
    CHECK_STR(units("The company is based in the U.S. The rest is not."),
              "P|The company is based in the U.S. ## P|The rest is not.");
    CHECK_STR(units("He met U.S. President Biden and Acme Inc. staff in Calif. on Tuesday."),
              "P|He met U.S. President Biden and Acme Inc. staff in Calif. on Tuesday.");
    CHECK_STR(units("The vote is on Jan. 5 at No. 10 Downing St. in London."),
              "P|The vote is on Jan. 5 at No. 10 Downing St. in London.");
    CHECK_STR(units("He was born in Washington, D.C. He moved at 5 p.m. The end."),
              "P|He was born in Washington, D.C. ## P|He moved at 5 p.m. ## P|The end.");
    CHECK_STR(units("Prices rose, etc. and then fell. Books, etc. The end."),
              "P|Prices rose, etc. and then fell. ## P|Books, etc. ## P|The end.");
    /* initials */
    CHECK_STR(units("J. R. R. Tolkien wrote it. George W. Bush read it."),
              "P|J. R. R. Tolkien wrote it. ## P|George W. Bush read it.");
    /* decimals and numbers */
    CHECK_STR(units("Growth was 3.5 percent in 2021. Inflation rose 1,200.5 points."),
              "P|Growth was 3.5 percent in 2021. ## P|Inflation rose 1,200.5 points.");
    /* quotations: the period inside the closing quote ends the sentence */
    CHECK_STR(units("He said: \xe2\x80\x9cWe will win.\xe2\x80\x9d The crowd cheered."),
              "P|He said: \xe2\x80\x9cWe will win.\xe2\x80\x9d ## P|The crowd cheered.");
    CHECK_STR(units("\"Why?\" he asked. Nobody answered."), "P|\"Why?\" he asked. ## P|Nobody answered.");
    CHECK_STR(units("She said (quietly) that it was over. (It was not.) Then she left."),
              "P|She said (quietly) that it was over. ## P|(It was not.) ## P|Then she left.");
    /* ellipses */
    CHECK_STR(units("It was... fine. But then... Nothing."), "P|It was... fine. ## P|But then... ## P|Nothing.");
    /* question and exclamation marks, runs of them */
    CHECK_STR(units("Really?! Yes!!! OK."), "P|Really?! ## P|Yes!!! ## P|OK.");
    /* a list number is not a sentence */
    CHECK_STR(units("1. The first point is this."), "P|1. The first point is this.");

    /* headings: a line without final punctuation before more text */
    CHECK_STR(units("Cyber security\nThe president said so.\n"), "H|Cyber security ## P|The president said so.");
    CHECK_STR(units("Putin: NATO\xe2\x80\x99s approach is hostile to us\nAt a news conference, he spoke."),
              "H|Putin: NATO\xe2\x80\x99s approach is hostile to us ## P|At a news conference, he spoke.");
    CHECK_STR(units("Title Here\n\nBody text. More text."), "H|Title Here ## P|Body text. ## P|More text.");
    CHECK_STR(units("Title Here\r\nBody text.\r\n"), "H|Title Here ## P|Body text.");
    /* a long line that lost its period is prose, not a heading */
    CHECK_STR(units("The minister told reporters on Tuesday that the government would respond to the proposals within "
                    "a week and that the talks would go on for several more days\nHe left."),
              "P|The minister told reporters on Tuesday that the government would respond to the proposals within "
              "a week and that the talks would go on for several more days ## P|He left.");
    /* the last line is not a heading: nothing follows it */
    CHECK_STR(units("One sentence. Thanks John"), "P|One sentence. ## P|Thanks John");
    /* paragraph per line (UD raw text): every line break ends a unit */
    CHECK_STR(units("First one. Second one!\n\nThird one here\n\nFourth."),
              "P|First one. ## P|Second one! ## H|Third one here ## P|Fourth.");
    /* a wrapped line goes on in lower case */
    CHECK_STR(units("The minister said the talks\nwould continue next week."),
              "P|The minister said the talks\nwould continue next week.");

    /* boilerplate */
    CHECK_STR(units("MOSCOW, Dec 8 (Reuters) - Russia said on Wednesday it would respond."),
              "B:dateline|MOSCOW, Dec 8 (Reuters) - ## P|Russia said on Wednesday it would respond.");
    CHECK_STR(units("WASHINGTON \xe2\x80\x94 The Senate voted on Tuesday."),
              "B:dateline|WASHINGTON \xe2\x80\x94 ## P|The Senate voted on Tuesday.");
    CHECK_STR(units("Russia - the largest country - said no."), "P|Russia - the largest country - said no.");
    CHECK_STR(units("FYI - the call moved.\nPS - Bring it."), "P|FYI - the call moved. ## P|PS - Bring it.");
    CHECK_STR(units("It rained.\nLONDON (AP) \xe2\x80\x94 It stopped."),
              "P|It rained. ## B:dateline|LONDON (AP) \xe2\x80\x94 ## P|It stopped.");
    CHECK_STR(units("By Jane Doe\nThe story begins here."), "B:byline|By Jane Doe ## P|The story begins here.");
    CHECK_STR(units("By the way, it rained."), "P|By the way, it rained.");
    CHECK_STR(units("It rained.\nRead more\nIt stopped."), "P|It rained. ## B:read-more|Read more ## P|It stopped.");
    CHECK_STR(units("It rained.\nRead more: Storms hit Europe\nIt stopped."),
              "P|It rained. ## B:read-more|Read more: Storms hit Europe ## P|It stopped.");
    CHECK_STR(units("It rained.\nSource: Reuters"), "P|It rained. ## B:source|Source: Reuters");
    CHECK_STR(units("It rained.\n(Reporting by Jane Doe; Editing by John Smith)"),
              "P|It rained. ## B:byline|(Reporting by Jane Doe; Editing by John Smith)");
    CHECK_STR(units("It rained.\nProblem solver. Coffee maven. Falls down a lot. Communicator."),
              "P|It rained. ## B:author-bio|Problem solver. ## B:author-bio|Coffee maven. ## "
              "B:author-bio|Falls down a lot. ## B:author-bio|Communicator.");
    CHECK_STR(units("It rained.\nJane Doe is a reporter for Reuters covering energy."),
              "P|It rained. ## B:author-bio|Jane Doe is a reporter for Reuters covering energy.");
    CHECK_STR(units("Advertisement\nIt rained.\nPublished 8 December 2021, 10:15 GMT\nSign up for our newsletter\n"
                    "Photo: Reuters\nUpdated figures show more rain."),
              "B:promo|Advertisement ## P|It rained. ## B:timestamp|Published 8 December 2021, 10:15 GMT ## "
              "B:promo|Sign up for our newsletter ## B:source|Photo: Reuters ## P|Updated figures show more rain.");
    /* short sentences inside a story are not a bio */
    CHECK_STR(units("He won. She lost. They left.\nThe end came later, in March."),
              "P|He won. ## P|She lost. ## P|They left. ## P|The end came later, in March.");

    /* a unit without punctuation is cut: later stages never see megabyte sentences */
    {
        static char big[30000];
        size_t o = 0;
        for (int i = 0; i < 2000 && o + 8 < sizeof big; i++) o += (size_t)snprintf(big + o, sizeof big - o, "word%d ", i % 10);
        gesta_doc *d;
        CHECK_INT(gesta_doc_new(&d, "big", NULL, big, o, NULL), GESTA_OK);
        CHECK_INT(gesta_text_segment(d), GESTA_OK);
        CHECK_INT(d->ntok, 2000);
        CHECK(d->nsent >= 5);
        uint32_t total = 0, maxn = 0;
        for (uint32_t i = 0; i < d->nsent; i++) {
            total += d->sents[i].ntok;
            if (d->sents[i].ntok > maxn) maxn = d->sents[i].ntok;
        }
        CHECK_INT(total, 2000);
        CHECK(maxn <= 400);
        gesta_doc_free(d);
    }
    /* segmenting twice changes nothing */
    {
        gesta_doc *d;
        const char *s = "One. Two.";
        CHECK_INT(gesta_doc_new(&d, "t", NULL, s, strlen(s), NULL), GESTA_OK);
        CHECK_INT(gesta_text_segment(d), GESTA_OK);
        CHECK_INT(gesta_text_segment(d), GESTA_OK);
        CHECK_INT(d->nsent, 2);
        CHECK_INT(d->ntok, 4);
        CHECK(d->toks[2].flags & GESTA_TOK_SENT_START);
        gesta_doc_free(d);
    }
    return check_done();
}
