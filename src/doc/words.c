/*
 * Closed word lists the document layer needs: pronouns, role nouns, verbs of
 * saying, nationality words, months and weekdays. They are small and closed, so
 * they live in code (sorted tables, binary search) rather than in data files.
 * Matching is on the token's `norm` (case-folded, quotes folded).
 */
#include <stdlib.h>
#include <string.h>

#include "doc/dl.h"

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int in_list(const char *w, const char *const *list, size_t n) {
    if (!w || !*w) return 0;
    return bsearch(&w, list, n, sizeof *list, cmp_str) != NULL;
}
#define IN(w, list) in_list((w), (list), sizeof(list) / sizeof((list)[0]))

int gesta_dl_pronoun(const char *w) {
    static const char *const person[] = {"he", "her", "hers", "herself", "him", "himself", "his", "she"};
    static const char *const thing[] = {"it", "its", "itself"};
    static const char *const plural[] = {"their", "theirs", "them", "themselves", "they"};
    if (IN(w, person)) return GESTA_DL_PERSON;
    if (IN(w, thing)) return GESTA_DL_ORG;
    if (IN(w, plural)) return -1;
    return 0;
}

int gesta_dl_first_person(const char *w) {
    static const char *const list[] = {"i", "me", "my", "our", "ours", "us", "we"};
    return IN(w, list);
}

static const char *const person_nouns[] = {
    "ambassador", "chairman", "chairwoman", "chancellor", "chief", "commander", "diplomat",
    "diplomats", "emir", "envoy", "foreign-minister", "general", "governor", "king", "leader",
    "leaders", "mayor", "minister", "ministers", "monarch", "negotiator", "official", "officials",
    "premier", "president", "presidents", "prime-minister", "prince", "queen", "secretary",
    "senator", "spokesman", "spokesperson", "spokeswoman", "sultan"};

int gesta_dl_person_noun(const char *w) { return IN(w, person_nouns); }

int gesta_dl_org_noun(const char *w) {
    static const char *const list[] = {
        "administration", "agency", "alliance", "army", "bloc", "cabinet", "coalition",
        "commission", "committee", "company", "council", "court", "government", "group",
        "junta", "kremlin", "military", "ministry", "movement", "organisation", "organization",
        "parliament", "party", "pentagon", "police", "regime", "union"};
    return IN(w, list);
}

int gesta_dl_country_noun(const char *w) {
    static const char *const list[] = {"country", "kingdom", "nation", "republic"};
    return IN(w, list);
}

int gesta_dl_office_title(const char *w) {
    static const char *const list[] = {"chancellor", "emir", "king", "monarch", "premier",
                                       "president", "prime-minister", "queen", "sultan"};
    return IN(w, list);
}

int gesta_dl_speech_verb(const gesta_tok *t) {
    static const char *const lemmas[] = {
        "acknowledge", "add", "admit", "affirm", "announce", "argue", "assert", "claim",
        "comment", "confirm", "declare", "deny", "emphasise", "emphasize", "explain", "insist",
        "mention", "note", "reiterate", "remark", "reply", "respond", "say", "state", "stress",
        "suggest", "tell", "tweet", "underline", "warn", "write"};
    static const char *const forms[] = {
        "acknowledged", "acknowledges", "added", "adding", "adds", "admits", "admitted",
        "affirmed", "affirms", "announced", "announces", "argued", "argues", "asserted",
        "asserts", "claimed", "claims", "commented", "confirmed", "confirms", "declared",
        "declares", "denied", "denies", "emphasised", "emphasized", "emphasizes", "explained",
        "explains", "insisted", "insists", "mentioned", "noted", "notes", "reiterated",
        "remarked", "replied", "responded", "said", "saying", "says", "stated", "states",
        "stressed", "stresses", "suggested", "tells", "told", "tweeted", "underlined",
        "warned", "warns", "wrote"};
    if (t->lemma && IN(t->lemma, lemmas)) return 1;
    return IN(t->norm, forms) || IN(t->norm, lemmas);
}

/* Nationality adjectives and short country names used in titles ("Russian
 * President", "US Prime Minister"). Facts, written for gesta. Sorted. */
static const struct { const char *w, *iso3; } demonyms[] = {
    {"afghan", "AFG"}, {"america", "USA"}, {"american", "USA"}, {"armenian", "ARM"},
    {"australian", "AUS"}, {"austrian", "AUT"}, {"azerbaijani", "AZE"}, {"belarusian", "BLR"},
    {"belgian", "BEL"}, {"brazilian", "BRA"}, {"britain", "GBR"}, {"british", "GBR"},
    {"bulgarian", "BGR"}, {"canadian", "CAN"}, {"chinese", "CHN"}, {"croatian", "HRV"},
    {"cypriot", "CYP"}, {"czech", "CZE"}, {"danish", "DNK"}, {"dutch", "NLD"},
    {"egyptian", "EGY"}, {"estonian", "EST"}, {"finnish", "FIN"}, {"french", "FRA"},
    {"georgian", "GEO"}, {"german", "DEU"}, {"greek", "GRC"}, {"hungarian", "HUN"},
    {"indian", "IND"}, {"iranian", "IRN"}, {"iraqi", "IRQ"}, {"irish", "IRL"},
    {"israeli", "ISR"}, {"italian", "ITA"}, {"japanese", "JPN"}, {"jordanian", "JOR"},
    {"kazakh", "KAZ"}, {"korean", "KOR"}, {"latvian", "LVA"}, {"lebanese", "LBN"},
    {"libyan", "LBY"}, {"lithuanian", "LTU"}, {"mexican", "MEX"}, {"moldovan", "MDA"},
    {"nigerian", "NGA"}, {"norwegian", "NOR"}, {"pakistani", "PAK"}, {"palestinian", "PSE"},
    {"polish", "POL"}, {"portuguese", "PRT"}, {"romanian", "ROU"}, {"russia", "RUS"},
    {"russian", "RUS"}, {"saudi", "SAU"}, {"serbian", "SRB"}, {"slovak", "SVK"},
    {"spanish", "ESP"}, {"swedish", "SWE"}, {"swiss", "CHE"}, {"syrian", "SYR"},
    {"turkish", "TUR"}, {"u.k.", "GBR"}, {"u.s.", "USA"}, {"uk", "GBR"},
    {"ukrainian", "UKR"}, {"us", "USA"}, {"usa", "USA"}, {"venezuelan", "VEN"},
    {"vietnamese", "VNM"}};

static int cmp_demonym(const void *k, const void *e) {
    return strcmp((const char *)k, *(const char *const *)e);
}

const char *gesta_dl_demonym(const char *w) {
    if (!w || !*w) return NULL;
    const void *p = bsearch(w, demonyms, sizeof demonyms / sizeof demonyms[0], sizeof demonyms[0], cmp_demonym);
    return p ? ((const char *const *)p)[1] : NULL;
}

int gesta_dl_month(const char *w) {
    static const char *const full[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"};
    static const char *const abbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                       "aug", "sep", "oct", "nov", "dec"};
    if (!w) return 0;
    char b[16];
    size_t n = strlen(w);
    if (n == 0 || n >= sizeof b) return 0;
    memcpy(b, w, n + 1);
    if (b[n - 1] == '.') b[--n] = '\0';
    for (int i = 0; i < 12; i++)
        if (!strcmp(b, full[i]) || !strcmp(b, abbr[i]) || (i == 8 && !strcmp(b, "sept"))) return i + 1;
    return 0;
}

int gesta_dl_weekday(const char *w) {
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    if (!w) return -1;
    for (int i = 0; i < 7; i++)
        if (!strcmp(w, names[i])) return i;
    return -1;
}

int gesta_dl_number(const char *w) {
    static const char *const words[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
                                        "eight", "nine", "ten", "eleven", "twelve"};
    if (!w || !*w) return -1;
    if (!strcmp(w, "a") || !strcmp(w, "an")) return 1;
    for (int i = 0; i < 13; i++)
        if (!strcmp(w, words[i])) return i;
    int v = 0;
    for (const char *p = w; *p; p++) {
        if (*p < '0' || *p > '9' || v > 100000) return -1;
        v = v * 10 + (*p - '0');
    }
    return v;
}

int gesta_dl_quote_char(const char *f) {
    if (!f) return 0;
    if (!strcmp(f, "\"") || !strcmp(f, "\xe2\x80\x9c") /* “ */ || !strcmp(f, "\xc2\xab") /* « */ ||
        !strcmp(f, "\xe2\x80\x9e") /* „ */ || !strcmp(f, "``"))
        return 1;
    if (!strcmp(f, "\xe2\x80\x9d") /* ” */ || !strcmp(f, "\xc2\xbb") /* » */ || !strcmp(f, "''")) return 2;
    return 0;
}
