/*
 * Clauses that state no fact. News reports questions ("when asked if Russia was
 * planning an attack on Ukraine"), open issues ("it is unclear whether Iran will
 * attend the talks") and conditions ("if Russia invades, ...", "unless Hamas
 * releases the hostages, ..."): the event of such a clause did not happen, so it
 * is not coded. The rule:
 *   1. a direct question — the sentence's last word, before closing quotes or
 *      brackets, is "?" — codes nothing;
 *   2. a verb (or event noun) inside a clause introduced by "whether", "if" or
 *      "unless" (a `mark` child of the clause's head, found by climbing at most
 *      8 heads) codes nothing.
 * "As if" and "even if" fall under rule 2 too. The upper clause still codes
 * ("Biden warned that Russia would face sanctions if it invaded" gives the
 * warning, not the invasion).
 */
#include <string.h>

#include "coder/extra.h"

static int is_mark_word(const char *n) {
    return n && (STREQ(n, "whether") || STREQ(n, "if") || STREQ(n, "unless"));
}

static int direct_question(const sentview *sv) {
    for (int32_t i = sv->n - 1; i >= 0; i--) {
        const char *n = sv->tk[i].t->norm;
        if (!n) return 0;
        if (STREQ(n, "?")) return 1;
        if (sv->tk[i].t->upos != GESTA_UPOS_PUNCT || STREQ(n, ".") || STREQ(n, "!")) return 0;
    }
    return 0;
}

int gesta_coder_in_question(const sentview *sv, int32_t v) {
    if (v < 0 || v >= sv->n) return 0;
    if (direct_question(sv)) return 1;
    for (int32_t x = v, k = 0; x >= 0 && k < 8; x = sv->tk[x].head, k++) {
        const sv_tok *t = &sv->tk[x];
        for (int32_t j = 0; j < t->nkid; j++) {
            int32_t c = sv->kids[t->kid0 + j];
            if (sv_is(sv, c, "mark") && is_mark_word(sv->tk[c].t->norm)) return 1;
        }
    }
    return 0;
}
