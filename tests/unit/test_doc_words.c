/* The document layer's word lists (binary-searched: a mis-sorted table would
 * lose words, so first, last and middle entries of each are probed). */
#include "check.h"
#include "doc/dl.h"

static int speech(const char *form, const char *lemma) {
    gesta_tok t;
    memset(&t, 0, sizeof t);
    t.form = t.norm = form;
    t.lemma = lemma;
    return gesta_dl_speech_verb(&t);
}

int main(void) {
    const char *said[] = {"acknowledged", "added", "said", "says", "tells", "told", "tweeted", "warns", "wrote",
                          "stressed", "insisted", "confirmed", "responded"};
    for (size_t i = 0; i < sizeof said / sizeof said[0]; i++) CHECK(speech(said[i], NULL));
    CHECK(speech("xyz", "say"));
    CHECK(speech("write", NULL));
    CHECK(!speech("met", "meet"));
    CHECK(!speech("sad", NULL));
    const char *persons[] = {"ambassador", "chairman", "president", "presidents", "spokeswoman", "sultan", "minister"};
    for (size_t i = 0; i < sizeof persons / sizeof persons[0]; i++) CHECK(gesta_dl_person_noun(persons[i]));
    CHECK(!gesta_dl_person_noun("troops"));
    CHECK(gesta_dl_org_noun("administration") && gesta_dl_org_noun("union") && gesta_dl_org_noun("kremlin"));
    CHECK(!gesta_dl_org_noun("president"));
    CHECK(gesta_dl_country_noun("country") && gesta_dl_country_noun("republic"));
    CHECK(gesta_dl_office_title("chancellor") && gesta_dl_office_title("sultan") && gesta_dl_office_title("prime-minister"));
    CHECK(!gesta_dl_office_title("spokesman"));
    CHECK_INT(gesta_dl_pronoun("he"), GESTA_DL_PERSON);
    CHECK_INT(gesta_dl_pronoun("herself"), GESTA_DL_PERSON);
    CHECK_INT(gesta_dl_pronoun("its"), GESTA_DL_ORG);
    CHECK_INT(gesta_dl_pronoun("they"), -1);
    CHECK_INT(gesta_dl_pronoun("their"), -1);
    CHECK_INT(gesta_dl_pronoun("we"), 0);
    CHECK_STR(gesta_dl_demonym("afghan"), "AFG");
    CHECK_STR(gesta_dl_demonym("vietnamese"), "VNM");
    CHECK_STR(gesta_dl_demonym("russian"), "RUS");
    CHECK_STR(gesta_dl_demonym("us"), "USA");
    CHECK_STR(gesta_dl_demonym("u.s."), "USA");
    CHECK_STR(gesta_dl_demonym("greek"), "GRC");
    CHECK(gesta_dl_demonym("martian") == NULL);
    CHECK_INT(gesta_dl_month("dec."), 12);
    CHECK_INT(gesta_dl_month("sept"), 9);
    CHECK_INT(gesta_dl_month("january"), 1);
    CHECK_INT(gesta_dl_month("decembre"), 0);
    CHECK_INT(gesta_dl_weekday("sunday"), 6);
    CHECK_INT(gesta_dl_weekday("monday"), 0);
    CHECK_INT(gesta_dl_number("twelve"), 12);
    CHECK_INT(gesta_dl_number("an"), 1);
    CHECK_INT(gesta_dl_number("42"), 42);
    CHECK_INT(gesta_dl_number("4x"), -1);
    CHECK_INT(gesta_dl_quote_char("\xe2\x80\x9c"), 1);
    CHECK_INT(gesta_dl_quote_char("\xe2\x80\x9d"), 2);
    CHECK_INT(gesta_dl_quote_char("\""), 1);
    CHECK_INT(gesta_dl_quote_char("'"), 0);
    return check_done();
}
