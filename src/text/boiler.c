/*
 * Boilerplate: the parts of a news page that are not the story. They stay in
 * the document as units of kind GESTA_UNIT_BOILERPLATE (so offsets and the
 * text are intact) with a reason, and the coder skips them.
 *
 *   read-more   "Read more", "Read more: ...", "See also: ...", "Related: ..."
 *   dateline    "MOSCOW, Dec 8 (Reuters) -" opening a paragraph
 *   byline      "By Jane Doe", "Reporting by ...; Editing by ..."
 *   source      "Source: ...", "Sources: ...", "Copyright ...", "(c) 2021 ..."
 *   author-bio  trailing lines of short descriptor fragments ("Coffee maven.
 *               Communicator.") or "NAME is a reporter for ..."
 *   promo       "Advertisement", "Sign up for ...", "Share this", "Follow us ..."
 *   timestamp   "Published 8 December 2021", "Updated 3:45 PM ET"
 * (photo credits "Photo: ..." count as source)
 */
#include <string.h>

#include "text/text.h"
#include "text/textint.h"

static int norm_is(const gesta_doc *doc, uint32_t i, const char *w) {
    return strcmp(doc->toks[i].norm, w) == 0;
}

static int first_upper(const char *s) {
    size_t l;
    return (tx_class(tx_cp(s, 0, strlen(s), &l)) & TX_UPPER) != 0;
}

static int is_word(const char *s) {
    size_t l;
    return (tx_class(tx_cp(s, 0, strlen(s), &l)) & (TX_ALPHA | TX_DIGIT)) != 0;
}

static int is_dash_tok(const char *norm) {
    return !strcmp(norm, "-") || !strcmp(norm, "--");
}

static int is_open_paren(const gesta_doc *doc, uint32_t i) { return norm_is(doc, i, "(") || norm_is(doc, i, "["); }

/* Line openers of page furniture: folded tokens separated by spaces, the reason,
 * the longest line (in tokens) they may open, and whether the line must hold a
 * digit (a time or a date). */
typedef struct opener_rule { const char *words; const char *why; uint32_t max; int digit; } opener_rule;
static const opener_rule page_rules[] = {
    {"advertisement", "promo", 3, 0},
    {"story continues below", "promo", 8, 0},
    {"sign up", "promo", 25, 0},
    {"subscribe", "promo", 20, 0},
    {"share this", "promo", 12, 0},
    {"follow us", "promo", 20, 0},
    {"watch :", "promo", 25, 0},
    {"photo :", "source", 25, 0},
    {"photograph :", "source", 25, 0},
    {"image :", "source", 25, 0},
    {"picture :", "source", 25, 0},
    {"credit :", "source", 25, 0},
    {"file photo", "source", 25, 0},
    {"published", "timestamp", 15, 1},
    {"updated", "timestamp", 15, 1},
    {"last updated", "timestamp", 15, 1},
    {"posted", "timestamp", 15, 1},
};

/* Do the tokens from a on spell `words`? */
static int spells(const gesta_doc *doc, uint32_t a, uint32_t t1, const char *words) {
    const char *w = words;
    while (*w) {
        const char *sp = strchr(w, ' ');
        size_t l = sp ? (size_t)(sp - w) : strlen(w);
        if (a >= t1 || strlen(doc->toks[a].norm) != l || strncmp(doc->toks[a].norm, w, l)) return 0;
        a++;
        w += l;
        if (*w == ' ') w++;
    }
    return 1;
}

static const char *page_furniture(const gesta_doc *doc, uint32_t a, uint32_t t1, uint32_t n) {
    for (size_t r = 0; r < sizeof page_rules / sizeof page_rules[0]; r++) {
        const opener_rule *pr = &page_rules[r];
        if (n > pr->max || !spells(doc, a, t1, pr->words)) continue;
        if (pr->digit) {
            int digit = 0;
            for (uint32_t i = a; i < t1 && !digit; i++) digit = doc->toks[i].form[0] >= '0' && doc->toks[i].form[0] <= '9';
            if (!digit) continue;
        }
        return pr->why;
    }
    return NULL;
}

const char *tx_boiler_line(const gesta_doc *doc, uint32_t t0, uint32_t t1) {
    uint32_t n = t1 - t0;
    if (n == 0) return NULL;
    uint32_t a = t0;
    if (is_open_paren(doc, a) && n > 2) a++; /* "(Reporting by ...)", "(Source: ...)" */
    const char *why = page_furniture(doc, a, t1, n);
    if (why) return why;
    /* read-more */
    if (a + 1 < t1 && norm_is(doc, a, "read") && (norm_is(doc, a + 1, "more") || norm_is(doc, a + 1, "also")) && n <= 40)
        return "read-more";
    if (a + 2 < t1 && (norm_is(doc, a, "also") || norm_is(doc, a, "see")) &&
        (norm_is(doc, a + 1, "read") || norm_is(doc, a + 1, "also")) && norm_is(doc, a + 2, ":"))
        return "read-more";
    if (a + 1 < t1 && (norm_is(doc, a, "related") || norm_is(doc, a, "recommended")) && norm_is(doc, a + 1, ":"))
        return "read-more";
    if (a + 1 < t1 && ((norm_is(doc, a, "click") && norm_is(doc, a + 1, "here")) ||
                       (norm_is(doc, a, "continue") && norm_is(doc, a + 1, "reading"))) && n <= 25)
        return "read-more";
    /* source */
    if (a + 1 < t1 && (norm_is(doc, a, "source") || norm_is(doc, a, "sources")) && norm_is(doc, a + 1, ":") && n <= 25)
        return "source";
    if ((norm_is(doc, a, "copyright") || norm_is(doc, a, "\xc2\xa9")) && n <= 40) return "source";
    if (a + 1 < t1 && norm_is(doc, a, "all") && norm_is(doc, a + 1, "rights") && n <= 12) return "source";
    /* byline: "By First [Middle] Last[, Title]", "Reporting by ..." */
    if (a + 1 < t1 && norm_is(doc, a, "by") && first_upper(doc->toks[a].form) && n <= 12) {
        int names = 0, ok = 1;
        for (uint32_t i = a + 1; i < t1; i++) {
            const char *f = doc->toks[i].form;
            if (first_upper(f)) names++;
            else if (!strcmp(f, ",") || !strcmp(f, "and") || !strcmp(f, "in") || !strcmp(f, "&") || !strcmp(f, ")") ||
                     !strcmp(f, "|") || !strcmp(f, "-") || !strcmp(f, "of")) continue;
            else { ok = 0; break; }
        }
        if (ok && names >= 1) return "byline";
    }
    for (uint32_t i = a; i + 1 < t1 && i < a + 3; i++) {
        if (norm_is(doc, i + 1, "by") && (norm_is(doc, i, "reporting") || norm_is(doc, i, "writing") ||
                                          norm_is(doc, i, "editing") || norm_is(doc, i, "compiled") ||
                                          norm_is(doc, i, "written") || norm_is(doc, i, "reported")))
            if (i == a || (i == a + 1 && norm_is(doc, a, "additional"))) return "byline";
    }
    return NULL;
}

/* Words in capitals that open a line without being a place. */
static int not_a_place(const char *f) {
    static const char *const w[] = {"FYI", "PS", "NOTE", "UPDATE", "UPDATED", "BREAKING", "MUST", "READ", "WARNING",
                                    "NEWS", "ALERT", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "WATCH",
                                    "LIVE", "VIDEO", "PHOTOS", "RE", "FW", "FWD", NULL};
    for (int i = 0; w[i]; i++) if (!strcmp(f, w[i])) return 1;
    return 0;
}

uint32_t tx_dateline_len(const gesta_doc *doc, uint32_t t0, uint32_t t1) {
    if (t1 - t0 < 3 || !first_upper(doc->toks[t0].form)) return 0;
    uint32_t lim = t0 + 14 < t1 ? t0 + 14 : t1;
    for (uint32_t d = t0 + 1; d < lim; d++) {
        const char *nm = doc->toks[d].norm;
        if (strchr(".!?;\"", nm[0]) && strlen(nm) <= 3 && !is_word(nm)) return 0; /* a sentence, not a dateline */
        if (!is_dash_tok(nm) || d + 1 >= t1) continue;
        if (doc->toks[d - 1].flags & GESTA_TOK_NO_SPACE_AFTER) return 0; /* "WWW-", "NIGHT-" */
        /* (a) an agency in brackets right before the dash: "(Reuters) -" */
        if (norm_is(doc, d - 1, ")")) {
            uint32_t o = d - 1;
            while (o > t0 && !norm_is(doc, o, "(")) o--;
            /* "(Reuters)", "(AP)", "(dpa)": one to three words in the brackets */
            if (o > t0 && d - 1 - o >= 2 && d - 1 - o <= 4 && is_word(doc->toks[o + 1].form)) return d + 1 - t0;
            return 0;
        }
        /* (b) a place in capitals: "WASHINGTON —", "SAN FRANCISCO, Calif. -" */
        int caps = 0, ok = 1;
        for (uint32_t i = t0; i < d; i++) {
            const char *f = doc->toks[i].form;
            if (!strcmp(f, ",")) break;
            if (!is_word(f)) { ok = 0; break; }
            size_t letters = 0, upper = 0, l;
            for (size_t k = 0; f[k]; k += l) {
                unsigned c = tx_class(tx_cp(f, k, strlen(f), &l));
                if (c & TX_ALPHA) letters++;
                if (c & TX_UPPER) upper++;
            }
            if (letters < 2 || upper != letters || not_a_place(f)) { ok = 0; break; }
            caps++;
        }
        /* a place name of three letters or more ("PS -" is a postscript), and a sentence after it */
        if (ok && caps >= 1 && strlen(doc->toks[t0].form) >= 3 && first_upper(doc->toks[d + 1].form))
            return d + 1 - t0;
        return 0;
    }
    return 0;
}

/* Words in a unit (tokens that hold a letter or digit). */
static uint32_t unit_words(const gesta_doc *doc, const gesta_sent *s) {
    uint32_t w = 0;
    for (uint32_t i = s->tok0; i < s->tok0 + s->ntok; i++) w += is_word(doc->toks[i].form);
    return w;
}

static const char *const bio_roles[] = {
    "reporter", "correspondent", "writer", "editor", "journalist", "columnist", "contributor",
    "author", "analyst", "producer", "blogger", "freelance", NULL};

/* "Jane Doe is a reporter for ...", "About the author" */
static int bio_sentence(const gesta_doc *doc, const gesta_sent *s) {
    uint32_t a = s->tok0, e = s->tok0 + s->ntok;
    if (s->ntok >= 2 && norm_is(doc, a, "about") && norm_is(doc, a + 1, "the") && s->ntok <= 4) return 1;
    for (uint32_t i = a + 1; i + 2 < e && i < a + 5; i++) {
        if (!norm_is(doc, i, "is") || !(norm_is(doc, i + 1, "a") || norm_is(doc, i + 1, "an"))) continue;
        for (uint32_t k = a; k < i; k++) if (!first_upper(doc->toks[k].form)) return 0;
        for (uint32_t k = i + 2; k < e && k < i + 8; k++)
            for (int r = 0; bio_roles[r]; r++)
                if (!strncmp(doc->toks[k].norm, bio_roles[r], strlen(bio_roles[r]))) return 1;
    }
    return 0;
}

/* A line of short capitalised fragments: "Problem solver. Coffee maven. Communicator." */
static int fragment_line(const gesta_doc *doc, uint32_t s0, uint32_t s1) {
    if (s1 - s0 < 3) return 0;
    uint32_t total = 0;
    for (uint32_t i = s0; i < s1; i++) {
        const gesta_sent *s = &doc->sents[i];
        uint32_t w = unit_words(doc, s);
        if (w == 0 || w > 5 || !first_upper(doc->toks[s->tok0].form)) return 0;
        /* descriptors, not sentences: no "It ...", "But ...", no "?" or "!" */
        const char *f0 = doc->toks[s->tok0].form;
        if (tx_is_opener(f0, strlen(f0))) return 0;
        const char *last = doc->toks[s->tok0 + s->ntok - 1].form;
        if (strchr(last, '?') || strchr(last, '!') || !strcmp(last, "...")) return 0;
        total += w;
    }
    return total <= 4 * (s1 - s0);
}

int tx_is_bio_line(const gesta_doc *doc, uint32_t s0, uint32_t s1) {
    if (s0 >= s1) return 0;
    if (fragment_line(doc, s0, s1)) return 1;
    return s1 - s0 == 1 && bio_sentence(doc, &doc->sents[s0]);
}
