/*
 * Request, intent and refusal verbs that take a target of their own and govern
 * an action: "urged Iran to release the detainees" (0253), "demanded that Russia
 * withdraw its troops" (106), "called on both sides to agree to a ceasefire"
 * (0256), "refused to meet the delegation" (125), "agreed with Biden to continue
 * discussing security" (036). The upper verb makes the event (it has the
 * target), so the coder's combine() — which folds an intent into the *lower*
 * verb when the upper one has no target — never sees these. Here the upper
 * verb's generic code (020 appeal, 030 intent, 100 demand, 120 reject) becomes
 * the CAMEO sub-code for the action's family.
 *
 * The action: the upper verb's xcomp, or an advcl/ccomp introduced by "to" (or,
 * for appeals and demands, "that": "demanded that X withdraw"), going down
 * through verbs with no code of their own ("continue", "start", "try", "help")
 * at most twice. A negated action, or one the dictionary does not code, changes
 * nothing; a specific upper code (a pattern's 0256, 1056 ...) is kept.
 */
#include <string.h>

#include "coder/extra.h"

typedef struct fam_row { const char *lower, *appeal, *intent, *demand, *reject; } fam_row;

/* Longest prefix first within each family (the first matching row wins). */
static const fam_row ROWS[] = {
    {"045", "028", "039", "105", "126"},
    {"04", "026", "036", "108", "125"},
    {"057", "027", "037", "102", "127"},
    {"05", "022", "032", "102", "120"},
    {"061", "0211", "0311", "1011", "1211"},
    {"062", "0212", "0312", "1012", "1212"},
    {"063", "0213", "0313", "1013", "121"},
    {"064", "0214", "0314", "1014", "121"},
    {"06", "021", "031", "101", "121"},
    {"071", "0231", "0331", "1031", "122"},
    {"072", "0232", "0332", "1032", "122"},
    {"073", "0233", "0333", "1033", "122"},
    {"074", "0234", "0334", "1034", "122"},
    {"07", "023", "033", "103", "122"},
    {"081", "0251", "0351", "1051", "1241"},
    {"082", "0252", "0352", "1052", "1242"},
    {"0831", "0241", "0341", "1041", "1231"},
    {"0832", "0242", "0342", "1042", "1232"},
    {"0833", "0243", "0343", "1043", "1233"},
    {"0834", "0244", "0344", "1044", "1234"},
    {"083", "024", "034", "104", "123"},
    {"084", "0253", "0353", "1053", "1243"},
    {"085", "0254", "0354", "1054", "1244"},
    {"086", "0255", "0355", "1055", "1245"},
    {"0871", "0256", "0356", "107", "1246"},
    {"0874", "0256", "0356", "106", "1246"},
    {"087", "0256", "0356", "1056", "1246"},
    {"08", "025", "035", "100", "124"},
};

/* The action's code family: 'a' appeal, 'i' intent, 'd' demand, 'r' reject; 0 none. */
static char family(const char *code) {
    if (STREQ(code, "020") || STREQ(code, "02")) return 'a';
    if (STREQ(code, "030") || STREQ(code, "03")) return 'i';
    if (STREQ(code, "100") || STREQ(code, "10")) return 'd';
    if (STREQ(code, "120") || STREQ(code, "12")) return 'r';
    return 0;
}

static int mark_is(const sentview *sv, int32_t c, const char *w) {
    int32_t m = sv_child(sv, c, "mark");
    return m >= 0 && sv->tk[m].t->norm && !strcmp(sv->tk[m].t->norm, w);
}

static int is_verb(const sentview *sv, int32_t i) {
    const gesta_tok *t = sv->tk[i].t;
    return t->upos == GESTA_UPOS_VERB || (t->xpos && t->xpos[0] == 'V' && t->xpos[1] == 'B' && t->upos != GESTA_UPOS_AUX);
}

/* The governed action of v: an xcomp, or a "to"/"that" clause. */
static int32_t action_of(const sentview *sv, int32_t v, int allow_that) {
    const sv_tok *k = &sv->tk[v];
    for (int32_t j = 0; j < k->nkid; j++) {
        int32_t c = sv->kids[k->kid0 + j];
        if (!is_verb(sv, c)) continue;
        if (sv_is(sv, c, "xcomp")) return c;
        if ((sv_is(sv, c, "advcl") || sv_is(sv, c, "ccomp")) &&
            (mark_is(sv, c, "to") || (allow_that && sv_is(sv, c, "ccomp") && mark_is(sv, c, "that"))))
            return c;
    }
    return -1;
}

/* The code the dictionary gives action token a, or NULL; *pass = 1 when a is a
 * verb the dictionary knows but codes nothing (a pass-through: "continue"). */
static const char *action_code(const sentview *sv, int32_t a, int *pass) {
    *pass = 0;
    const gesta_tok *t = sv->tk[a].t;
    const verb_form *f = t->lemma ? gesta_coder_verb_form(sv->d, t->lemma) : NULL;
    if (!f && t->norm) f = gesta_coder_verb_form(sv->d, t->norm);
    if (!f) {
        *pass = 1; /* an unknown verb may still lead to a coded one ("try to") */
        return NULL;
    }
    if ((!f->code || !*f->code) && !sv->d->blocks[f->block].code && action_of(sv, a, 0) >= 0) {
        /* "continue discussing": a verb with no code of its own over another verb;
         * its noun patterns ("continue talks") would read the lower verb's words */
        *pass = 1;
        return NULL;
    }
    const char *c2 = NULL;
    gesta_evidence_ref ev;
    match_result m;
    const char *c = gesta_coder_form_code(sv, a, f, &c2, &ev, &m);
    if (!c && !m.pat) *pass = 1; /* [---] verb, not a [---] pattern (a trap) */
    return c;
}

static const char *map_row(char fam, const char *lc) {
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        size_t L = strlen(ROWS[i].lower);
        if (strncmp(lc, ROWS[i].lower, L)) continue;
        return fam == 'a' ? ROWS[i].appeal : fam == 'i' ? ROWS[i].intent : fam == 'd' ? ROWS[i].demand : ROWS[i].reject;
    }
    return NULL;
}

/* 1 when a is the action of verb u (see action_of). */
static int is_action_link(const sentview *sv, int32_t a) {
    return sv_is(sv, a, "xcomp") || ((sv_is(sv, a, "advcl") || sv_is(sv, a, "ccomp")) && mark_is(sv, a, "to"));
}

/*
 * The other direction: v is the action and the verb above it has no target of
 * its own, so v makes the event ("Iran refused to meet the delegation": MEET
 * would say 040; the refusal makes it 125). Climbs over one pass-through verb
 * ("refused to even begin talking").
 */
static int lower_combine(const sentview *sv, int32_t v, const char **code, const char **code2) {
    int32_t a = v;
    for (int hop = 0; hop < 2; hop++) {
        if (!is_action_link(sv, a)) return 0;
        int32_t u = sv->tk[a].head;
        if (u < 0 || !is_verb(sv, u) || gesta_coder_negated(sv, u)) return 0;
        int pass;
        const char *uc = action_code(sv, u, &pass);
        if (uc) {
            char fam = family(uc);
            const char *r = fam ? map_row(fam, *code) : NULL;
            /* the upper verb's own pattern already named the combination ("declined
             * ... the conference" 125): that code stands (not for intents and threats,
             * which combine() handles, and whose noun patterns can read the lower
             * verb as a noun: THREATEN's "* &STRIKE" 133 on "threatened to strike") */
            if (!fam && (!strncmp(uc, "02", 2) || !strncmp(uc, "10", 2) || !strncmp(uc, "12", 2)))
                r = uc;
            if (!r) return 0;
            *code = r;
            *code2 = NULL;
            return 1;
        }
        if (!pass) return 0;
        a = u;
    }
    return 0;
}

int gesta_coder_upper_combine(const sentview *sv, int32_t v, const char **code, const char **code2) {
    char fam = *code ? family(*code) : 0;
    if (!fam) return lower_combine(sv, v, code, code2);
    int32_t a = action_of(sv, v, fam == 'a' || fam == 'd');
    const char *lc = NULL;
    for (int depth = 0; a >= 0 && depth < 3; depth++) {
        if (gesta_coder_negated(sv, a)) return 0;
        int pass;
        lc = action_code(sv, a, &pass);
        if (lc || !pass) break;
        a = action_of(sv, a, 0);
    }
    const char *r = lc ? map_row(fam, lc) : NULL;
    if (!r) return 0;
    *code = r;
    *code2 = NULL;
    return 1;
}
