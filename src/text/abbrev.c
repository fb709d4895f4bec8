/*
 * Abbreviations whose period belongs to the word, and the words that often open
 * a sentence (used to decide whether "Inc. The" ends a sentence). Hand-written
 * for English news; words that are also common sentence-final words ("Wash.",
 * "Mass.") are left out on purpose, and "etc" is not here because UD splits
 * its period off.
 */
#include <string.h>

#include "text/textint.h"

typedef struct abbr { const char *w; int kind; } abbr;

static const abbr table[] = {
    /* titles and ranks: a name follows */
    {"mr", ABBR_TITLE}, {"mrs", ABBR_TITLE}, {"ms", ABBR_TITLE}, {"dr", ABBR_TITLE},
    {"prof", ABBR_TITLE}, {"gen", ABBR_TITLE}, {"col", ABBR_TITLE}, {"lt", ABBR_TITLE},
    {"sgt", ABBR_TITLE}, {"capt", ABBR_TITLE}, {"cpt", ABBR_TITLE}, {"maj", ABBR_TITLE},
    {"adm", ABBR_TITLE}, {"cmdr", ABBR_TITLE}, {"cdr", ABBR_TITLE}, {"brig", ABBR_TITLE},
    {"cpl", ABBR_TITLE}, {"pvt", ABBR_TITLE}, {"gov", ABBR_TITLE}, {"sen", ABBR_TITLE},
    {"rep", ABBR_TITLE}, {"reps", ABBR_TITLE}, {"rev", ABBR_TITLE}, {"hon", ABBR_TITLE},
    {"pres", ABBR_TITLE}, {"supt", ABBR_TITLE}, {"amb", ABBR_TITLE}, {"atty", ABBR_TITLE},
    {"messrs", ABBR_TITLE}, {"mme", ABBR_TITLE}, {"msgr", ABBR_TITLE}, {"fr", ABBR_TITLE},
    {"st", ABBR_TITLE}, {"mt", ABBR_TITLE}, {"ft", ABBR_TITLE}, {"pt", ABBR_TITLE},
    {"sr", ABBR_OTHER}, {"jr", ABBR_OTHER}, {"esq", ABBR_OTHER},
    /* months */
    {"jan", ABBR_MONTH}, {"feb", ABBR_MONTH}, {"mar", ABBR_MONTH}, {"apr", ABBR_MONTH},
    {"jun", ABBR_MONTH}, {"jul", ABBR_MONTH}, {"aug", ABBR_MONTH}, {"sep", ABBR_MONTH},
    {"sept", ABBR_MONTH}, {"oct", ABBR_MONTH}, {"nov", ABBR_MONTH}, {"dec", ABBR_MONTH},
    /* before a number */
    {"no", ABBR_NUMBER}, {"nos", ABBR_NUMBER}, {"art", ABBR_NUMBER}, {"arts", ABBR_NUMBER},
    {"p", ABBR_NUMBER}, {"pp", ABBR_NUMBER}, {"vol", ABBR_NUMBER}, {"fig", ABBR_NUMBER},
    {"figs", ABBR_NUMBER}, {"ch", ABBR_NUMBER}, {"chap", ABBR_NUMBER}, {"sec", ABBR_NUMBER},
    {"para", ABBR_NUMBER}, {"tel", ABBR_NUMBER}, {"ext", ABBR_NUMBER}, {"op", ABBR_NUMBER},
    {"approx", ABBR_NUMBER}, {"ca", ABBR_NUMBER}, {"nr", ABBR_NUMBER}, {"rt", ABBR_NUMBER},
    /* companies, places, Latin */
    {"inc", ABBR_OTHER}, {"corp", ABBR_OTHER}, {"co", ABBR_OTHER}, {"ltd", ABBR_OTHER},
    {"bros", ABBR_OTHER}, {"plc", ABBR_OTHER}, {"assn", ABBR_OTHER}, {"assoc", ABBR_OTHER},
    {"dept", ABBR_OTHER}, {"univ", ABBR_OTHER}, {"govt", ABBR_OTHER}, {"admin", ABBR_NONE},
    {"ave", ABBR_OTHER}, {"blvd", ABBR_OTHER}, {"rd", ABBR_OTHER}, {"hwy", ABBR_OTHER},
    {"vs", ABBR_TITLE}, {"v", ABBR_TITLE}, {"cf", ABBR_TITLE},
    {"al", ABBR_OTHER}, {"ibid", ABBR_OTHER}, {"viz", ABBR_TITLE}, {"est", ABBR_OTHER},
    {"min", ABBR_OTHER}, {"max", ABBR_OTHER}, {"wk", ABBR_OTHER}, {"yr", ABBR_OTHER},
    {"etc", ABBR_LOWER}, {"yrs", ABBR_LOWER}, {"info", ABBR_LOWER}, {"et", ABBR_LOWER},
    {"hrs", ABBR_OTHER}, {"mins", ABBR_OTHER}, {"eg", ABBR_OTHER}, {"ie", ABBR_OTHER},
    {"lb", ABBR_OTHER}, {"lbs", ABBR_OTHER}, {"oz", ABBR_OTHER}, {"sq", ABBR_OTHER},
    {"attn", ABBR_TITLE}, {"arrv", ABBR_OTHER}, {"la", ABBR_OTHER}, {"spec", ABBR_OTHER},
    /* weekdays: a date usually follows */
    {"mon", ABBR_MONTH}, {"tue", ABBR_MONTH}, {"tues", ABBR_MONTH}, {"wed", ABBR_MONTH},
    {"thu", ABBR_MONTH}, {"thur", ABBR_MONTH}, {"thurs", ABBR_MONTH}, {"fri", ABBR_MONTH},
    {"sat", ABBR_MONTH}, {"sun", ABBR_MONTH},
    {"ala", ABBR_OTHER}, {"ariz", ABBR_OTHER}, {"ark", ABBR_OTHER}, {"calif", ABBR_OTHER},
    {"colo", ABBR_OTHER}, {"conn", ABBR_OTHER}, {"del", ABBR_OTHER}, {"fla", ABBR_OTHER},
    {"ga", ABBR_OTHER}, {"ill", ABBR_NONE}, {"ind", ABBR_OTHER}, {"kan", ABBR_OTHER},
    {"kans", ABBR_OTHER}, {"ky", ABBR_OTHER}, {"md", ABBR_OTHER}, {"mich", ABBR_OTHER},
    {"minn", ABBR_OTHER}, {"mont", ABBR_OTHER}, {"neb", ABBR_OTHER}, {"nev", ABBR_OTHER},
    {"okla", ABBR_OTHER}, {"ore", ABBR_OTHER}, {"penn", ABBR_NONE}, {"pa", ABBR_OTHER},
    {"tenn", ABBR_OTHER}, {"tex", ABBR_OTHER}, {"va", ABBR_OTHER}, {"vt", ABBR_OTHER},
    {"wis", ABBR_OTHER}, {"wyo", ABBR_OTHER}, {"ont", ABBR_OTHER}, {"que", ABBR_OTHER},
    {"alta", ABBR_OTHER},
};

static int eq_lower(const char *s, size_t n, const char *w) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != w[i] || !w[i]) return 0;
    }
    return w[n] == '\0';
}

int tx_abbrev_kind(const char *s, size_t n) {
    if (n == 0 || n > 8) return ABBR_NONE;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].w[0] == (s[0] | 0x20) && eq_lower(s, n, table[i].w)) return table[i].kind;
    return ABBR_NONE;
}

/* Words that open sentences far more often than they follow an abbreviation
 * inside one ("U.S. President" vs "in the U.S. The"). */
static const char *const openers[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "There", "His", "Her", "Its", "Their", "Our", "My", "But", "And", "Or", "So",
    "In", "On", "At", "For", "As", "If", "When", "While", "After", "Before", "Since",
    "Although", "However", "Meanwhile", "Yet", "Still", "Then", "Now", "What", "Who",
    "Why", "How", "Where", "Some", "Many", "Most", "All", "No", "Not", "One", "Both",
    "Each", "Also", "Earlier", "Later", "Last", "Asked", "According", "Thanks", "Please",
    "Yes", "Our", "Your", "Such", "Other", "Another", "Under", "By", "With", "From",
    "To", "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Can", "Will", "Would",
    "Should", "Could", "Let", "Here", "Hi", "Thank", "Just", "Even", "Only", NULL};

int tx_is_opener(const char *s, size_t n) {
    for (int i = 0; openers[i]; i++)
        if (strlen(openers[i]) == n && memcmp(openers[i], s, n) == 0) return 1;
    return 0;
}
