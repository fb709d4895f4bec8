/*
 * Penn constituency trees → UD basic dependencies.
 *
 * Heads follow Collins' head rules, changed for UD's content heads: in a PP the
 * object heads and the preposition is its case (or mark before a clause); in a
 * VP with a VP inside, the inner VP heads and the verbs before it are aux
 * (aux:pass for "be" before a VBN); "be" with a predicate NP/ADJP/PP is cop;
 * in an SBAR the clause heads and the complementizer is mark. Coordination is
 * found first: the first conjunct heads, later conjuncts are conj, and each cc
 * or comma attaches to the conjunct after it (UD v2). Relations come from the
 * phrase, the dependent's category and its position relative to the head.
 * Phrases are visited in reverse creation order, which is bottom-up because a
 * phrase is always created before its children (no recursion).
 */
#include <string.h>
#include <strings.h>

#include "syntax/penn.h"

#define KID(t, nd, i) (&(t)->nodes[PENN_KID(t, nd, i)])

static int eq(const char *a, const char *b) { return strcmp(a, b) == 0; }

static int in_list(const char *s, const char *const *list) {
    for (; *list; list++)
        if (eq(s, *list)) return 1;
    return 0;
}

static int is_punct_tag(const char *t) {
    static const char *const p[] = {".", ",", ":", "``", "''", "-LRB-", "-RRB-", "-LCB-", "-RCB-", "-LSB-", "-RSB-",
                                    "HYPH", "NFP", "#", NULL};
    return in_list(t, p);
}
static int is_verb_tag(const char *t) {
    return (t[0] == 'V' && t[1] == 'B') || !strncmp(t, "AUX", 3);
}
static int is_noun_tag(const char *t) {
    return (t[0] == 'N' && t[1] == 'N') || eq(t, "NX") || eq(t, "NML") || eq(t, "FW");
}

static int word_is(const penn_tree *t, int w, const char *const *list) {
    const penn_word *x = &t->words[w];
    for (; *list; list++)
        if (strlen(*list) == x->len && !strncasecmp(x->word, *list, x->len)) return 1;
    return 0;
}

static const char *const BE[] = {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", NULL};
static const char *const TEMPORAL[] = {
    "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "week", "weeks", "month", "months", "year", "years", "day", "days", "morning",
    "afternoon", "evening", "night", "weekend", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "time", "hour", "hours", "decade", NULL};

/* punctuation preterminal */
static int kid_punct(const penn_tree *t, const penn_node *k) { return k->tok >= 0 && is_punct_tag(k->label); }
static const char *kid_headtag(const penn_tree *t, const penn_node *k) { return t->words[k->head].tag; }

/* ---- head rules ---------------------------------------------------------- */

/* The first kid in [lo,hi) (scanning left-to-right, or right-to-left when rev)
 * whose label is in the list; label-first: each label is tried over all kids. */
static int by_label(const penn_tree *t, const penn_node *nd, int lo, int hi, int rev, const char *const *labels) {
    for (; *labels; labels++)
        for (int j = 0; j < hi - lo; j++) {
            int i = rev ? hi - 1 - j : lo + j;
            if (eq(KID(t, nd, i)->label, *labels)) return i;
        }
    return -1;
}
/* kid-first: the first kid whose label is any in the list */
static int by_kid(const penn_tree *t, const penn_node *nd, int lo, int hi, int rev, const char *const *labels) {
    for (int j = 0; j < hi - lo; j++) {
        int i = rev ? hi - 1 - j : lo + j;
        if (in_list(KID(t, nd, i)->label, labels)) return i;
    }
    return -1;
}
static int first_nonpunct(const penn_tree *t, const penn_node *nd, int lo, int hi, int rev) {
    for (int j = 0; j < hi - lo; j++) {
        int i = rev ? hi - 1 - j : lo + j;
        if (!kid_punct(t, KID(t, nd, i))) return i;
    }
    return rev ? hi - 1 : lo;
}

static int is_nounish(const char *l) {
    return eq(l, "NP") || eq(l, "NE") || eq(l, "NEC") || eq(l, "NX") || eq(l, "NML") || eq(l, "NAC") || eq(l, "WHNP");
}

/* Does the clause node have an existential "there" subject? */
static int ex_subject(const penn_tree *t, int clause) {
    if (clause < 0) return 0;
    const penn_node *c = &t->nodes[clause];
    for (int i = 0; i < c->nkid; i++) {
        const penn_node *k = KID(t, c, i);
        if (is_nounish(k->label) && k->head >= 0 && eq(t->words[k->head].tag, "EX")) return 1;
    }
    return 0;
}

static int vp_head(const penn_tree *t, const penn_node *nd, int lo, int hi) {
    static const char *const VPS[] = {"VP", NULL};
    int vp = by_kid(t, nd, lo, hi, 0, VPS);
    int nverb = 0, verb = -1;
    for (int i = lo; i < hi; i++) {
        const penn_node *k = KID(t, nd, i);
        if (k->tok >= 0 && is_verb_tag(k->label)) {
            nverb++;
            if (verb < 0) verb = i;
        }
    }
    if (vp >= 0 && (verb < 0 || verb < vp)) return vp; /* auxiliaries before the main VP */
    if (verb >= 0 && nverb == 1 && word_is(t, KID(t, nd, verb)->tok, BE) && !ex_subject(t, nd->parent)) {
        static const char *const PRED[] = {"NP", "ADJP", "UCP", "NE", NULL};
        static const char *const PRED2[] = {"PP", NULL};
        int p = by_kid(t, nd, verb + 1, hi, 0, PRED);
        if (p < 0) p = by_kid(t, nd, verb + 1, hi, 0, PRED2);
        if (p >= 0) return p; /* copula: the predicate heads */
    }
    if (verb >= 0) return verb;
    static const char *const MDL[] = {"MD", "VP", "ADJP", "NP", "S", "SBAR", "PP", NULL};
    int h = by_label(t, nd, lo, hi, 0, MDL);
    return h >= 0 ? h : first_nonpunct(t, nd, lo, hi, 0);
}

static int choose_head(const penn_tree *t, const penn_node *nd, int lo, int hi) {
    const char *L = nd->label;
    int h = -1;
    if (eq(L, "VP")) return vp_head(t, nd, lo, hi);
    if (eq(L, "S") || eq(L, "SQ") || eq(L, "SINV") || eq(L, "FRAG") || eq(L, "RRC")) {
        static const char *const A[] = {"VP", "S", "SBAR", "ADJP", "UCP", "NP", "PP", "FRAG", "SINV", "SQ", "X", NULL};
        static const char *const V[] = {"VBZ", "VBD", "VBP", "VB", "MD", "VBN", "VBG", NULL};
        if ((h = by_label(t, nd, lo, hi, 0, A)) < 0) h = by_kid(t, nd, lo, hi, 0, V);
    } else if (eq(L, "PP") || eq(L, "WHPP")) {
        static const char *const PREP[] = {"IN", "TO", "RP", "VBG", "VBN", "JJ", "RB", NULL};
        static const char *const OBJ[] = {"NP", "WHNP", "NE", "NEC", "S", "SBAR", "SBARQ", "SQ", "SINV", "VP", "ADJP",
                                          "QP", "UCP", "PP", "NX", "NML", "FRAG", "NN", "NNS", "NNP", "NNPS", "PRP",
                                          "CD", "WP", "WDT", "DT", "ADVP", "RB", NULL};
        int prep = by_kid(t, nd, lo, hi, 0, PREP);
        h = by_kid(t, nd, prep >= 0 ? prep + 1 : lo, hi, 0, OBJ);
        if (h < 0 && prep >= 0) h = prep;
    } else if (eq(L, "SBAR")) {
        static const char *const A[] = {"S", "SQ", "SINV", "SBAR", "FRAG", "VP", "NP", NULL};
        h = by_label(t, nd, lo, hi, 0, A);
    } else if (eq(L, "SBARQ")) {
        static const char *const A[] = {"SQ", "S", "SINV", "SBARQ", "FRAG", NULL};
        h = by_label(t, nd, lo, hi, 0, A);
    } else if (is_nounish(L) || eq(L, "NP")) {
        static const char *const N1[] = {"NN", "NNP", "NNPS", "NNS", "NX", "NML", "JJR", "FW", NULL};
        static const char *const N2[] = {"NP", "NE", "NEC", NULL};
        static const char *const N3[] = {"$", "ADJP", "PRN", NULL};
        static const char *const N4[] = {"CD", NULL};
        static const char *const N5[] = {"JJ", "JJS", "RB", "QP", "DT", "WDT", "RBR", "ADVP", "PRP", "WP", "EX", NULL};
        if ((h = by_kid(t, nd, lo, hi, 1, N1)) < 0 && (h = by_label(t, nd, lo, hi, 0, N2)) < 0 &&
            (h = by_kid(t, nd, lo, hi, 1, N3)) < 0 && (h = by_kid(t, nd, lo, hi, 1, N4)) < 0)
            h = by_kid(t, nd, lo, hi, 1, N5);
    } else if (eq(L, "ADJP") || eq(L, "WHADJP")) {
        static const char *const A[] = {"JJ", "JJR", "JJS", "VBN", "VBG", "ADJP", "NN", "NNS", "NNP", "QP", "CD", "NP",
                                        "RB", "RBR", "ADVP", NULL};
        h = by_label(t, nd, lo, hi, 0, A);
    } else if (eq(L, "ADVP") || eq(L, "WHADVP")) {
        static const char *const A[] = {"RB", "RBR", "RBS", "WRB", "FW", "ADVP", "TO", "CD", "JJR", "JJ", "IN", "NP",
                                        "JJS", "NN", NULL};
        h = by_label(t, nd, lo, hi, 1, A);
    } else if (eq(L, "QP")) {
        static const char *const A[] = {"CD", "QP", "NN", "NNS", "$", "JJ", NULL};
        h = by_label(t, nd, lo, hi, 1, A);
    } else if (eq(L, "PRT")) {
        static const char *const A[] = {"RP", NULL};
        h = by_label(t, nd, lo, hi, 0, A);
    } else if (eq(L, "INTJ")) {
        static const char *const A[] = {"UH", NULL};
        h = by_label(t, nd, lo, hi, 0, A);
    } else if (eq(L, "CONJP")) {
        h = lo;
    }
    return h >= 0 ? h : first_nonpunct(t, nd, lo, hi, 0);
}

/* ---- relations ----------------------------------------------------------- */

/* Does the clause (S) have an NP subject before its VP? */
static int has_subject(const penn_tree *t, const penn_node *c) {
    for (int i = 0; i < c->nkid; i++) {
        const penn_node *k = KID(t, c, i);
        if (eq(k->label, "VP")) return 0;
        if (is_nounish(k->label) || eq(k->ftag, "SBJ")) return 1;
    }
    return 0;
}

/* Is the node a clause whose VP begins with "to"? */
static int to_clause(const penn_tree *t, const penn_node *c) {
    for (int depth = 0; depth < 3 && c->nkid; depth++) {
        const penn_node *k = KID(t, c, 0);
        for (int i = 0; i < c->nkid; i++)
            if (eq(KID(t, c, i)->label, "VP")) { k = KID(t, c, i); break; }
        if (k->tok >= 0) return eq(k->label, "TO");
        if (eq(k->label, "VP") && k->nkid && eq(KID(t, k, 0)->label, "TO")) return 1;
        c = k;
    }
    return 0;
}

static int temporal(const penn_tree *t, const penn_node *k) {
    return eq(k->ftag, "TMP") || word_is(t, k->head, TEMPORAL);
}

static const char *sbar_rel(const penn_tree *t, const penn_node *k, int in_noun) {
    if (!k->nkid) return "advcl";
    const penn_node *f = KID(t, k, 0);
    if (in_noun) {
        if (!strncmp(f->label, "WH", 2)) return "acl:relcl";
        if (f->tok >= 0 && (eq(f->label, "IN") || eq(f->label, "WDT") || eq(f->label, "DT")) && word_is(t, f->tok, (const char *const[]){"that", NULL})) {
            /* "the report that he wrote" (relative) vs "the fact that he left" (complement) */
            for (int i = 1; i < k->nkid; i++)
                if (eq(KID(t, k, i)->label, "S")) return has_subject(t, KID(t, k, i)) ? "acl" : "acl:relcl";
        }
        return "acl";
    }
    if (eq(f->label, "S") || eq(f->label, "SQ") || eq(f->label, "SINV")) return "ccomp";
    if (f->tok >= 0 && word_is(t, f->tok, (const char *const[]){"that", "whether", "if", NULL})) return "ccomp";
    if (eq(f->label, "WHNP")) return "ccomp";
    return "advcl";
}

static const char *clause_rel(const penn_tree *t, const penn_node *nd, int i, int h) {
    const penn_node *k = KID(t, nd, i);
    if (has_subject(t, k)) return i < h ? "ccomp" : "parataxis";
    if (eq(nd->label, "VP") && (to_clause(t, k) || i == h + 1 ||
                                (i > 0 && !kid_punct(t, KID(t, nd, i - 1)))))
        return "xcomp";
    return "advcl";
}

/* The relation of kid i to the head kid h within phrase nd (over kids [lo,hi)). */
static const char *relation(const penn_tree *t, const penn_node *nd, int lo, int hi, int h, int i) {
    const penn_node *k = KID(t, nd, i), *hk = KID(t, nd, h);
    const char *P = nd->label, *C = k->label;
    int pre = k->tok >= 0;
    int before = i < h;
    if (pre && is_punct_tag(C)) return "punct";
    if (eq(C, "CC")) return "cc";
    if (eq(C, "CONJP")) return "cc";
    if (eq(C, "POS")) return "case";
    if (eq(C, "EX")) return "expl";
    if (eq(C, "UH") || eq(C, "INTJ")) return "discourse";
    if (eq(C, "MD")) return "aux";
    if (eq(C, "PRN")) return is_nounish(P) ? "appos" : "parataxis";
    if (pre && (eq(C, "RB") || eq(C, "RBR") || eq(C, "RBS") || eq(C, "WRB"))) return "advmod";
    if (eq(C, "ADVP") || eq(C, "WHADVP")) return "advmod";
    if (eq(C, "PRT") || eq(C, "RP")) return "compound:prt";

    if (eq(P, "PP") || eq(P, "WHPP")) {
        if (pre && before && (eq(C, "IN") || eq(C, "TO") || eq(C, "VBG") || eq(C, "VBN") || eq(C, "JJ")))
            return is_verb_tag(kid_headtag(t, hk)) && !is_nounish(hk->label) ? "mark" : "case";
        if (eq(C, "PP")) return "nmod";
        return before ? "obl" : "dep";
    }
    if (eq(P, "SBAR")) {
        if (pre && (eq(C, "IN") || eq(C, "DT") || eq(C, "WDT") || eq(C, "TO"))) return "mark";
        if (eq(C, "WHNP")) return has_subject(t, hk) ? "obj" : "nsubj";
        if (eq(C, "WHPP") || eq(C, "PP")) return "obl";
        if (is_nounish(C)) return "obl:npmod"; /* "(SBAR (NP five years) (IN after) (S ...))" */
        return "dep";
    }
    if (eq(P, "VP")) {
        if (pre && is_verb_tag(C)) {
            if (!before) return "xcomp";
            if (eq(hk->label, "VP"))
                return word_is(t, k->tok, BE) && eq(kid_headtag(t, hk), "VBN") ? "aux:pass" : "aux";
            return word_is(t, k->tok, BE) ? "cop" : "aux";
        }
        if (pre && eq(C, "TO")) return "mark";
        if (is_nounish(C) || eq(C, "NP")) {
            if (before) return "obl";
            if (temporal(t, k) && !eq(k->ftag, "PRD")) return "obl:tmod";
            /* "gave (NP him) (NP a book)": the first of two object NPs is iobj */
            for (int j = i + 1; j < hi; j++) {
                const penn_node *n2 = KID(t, nd, j);
                if (is_nounish(n2->label) && !temporal(t, n2)) return "iobj";
                if (!kid_punct(t, n2)) break;
            }
            return "obj";
        }
        if (eq(C, "PP")) return is_verb_tag(kid_headtag(t, k)) && k->nkid && !is_nounish(KID(t, k, k->nkid - 1)->label) ? "advcl" : "obl";
        if (eq(C, "S") || eq(C, "SQ") || eq(C, "SINV")) return clause_rel(t, nd, i, h);
        if (eq(C, "SBAR") || eq(C, "SBARQ")) return sbar_rel(t, k, 0);
        if (eq(C, "ADJP") || (pre && (eq(C, "JJ") || eq(C, "JJR")))) return "xcomp";
        if (eq(C, "VP")) return "xcomp";
        if (pre && eq(C, "IN")) return "mark";
        if (pre && (eq(C, "DT") || eq(C, "PDT"))) return "det";
        if (eq(C, "UCP")) return "obj";
        return "dep";
    }
    if (eq(P, "S") || eq(P, "SQ") || eq(P, "SINV") || eq(P, "SBARQ") || eq(P, "FRAG") || eq(P, "RRC")) {
        if (is_nounish(C) || eq(C, "NP")) {
            /* the subject: the noun phrase nearest before the head (in SINV/SQ, the first one) */
            int subj = -1;
            if (eq(P, "SINV") || eq(P, "SQ")) {
                for (int j = lo; j < hi; j++)
                    if (j != h && is_nounish(KID(t, nd, j)->label) && !temporal(t, KID(t, nd, j))) { subj = j; break; }
            } else {
                for (int j = h - 1; j >= lo; j--)
                    if (is_nounish(KID(t, nd, j)->label)) {
                        if (temporal(t, KID(t, nd, j)) && j > lo) {
                            int other = 0;
                            for (int m = lo; m < j; m++) other |= is_nounish(KID(t, nd, m)->label);
                            if (other) continue;
                        }
                        subj = j;
                        break;
                    }
            }
            if (eq(k->ftag, "SBJ") || i == subj) return t->words[k->head].tag[0] && eq(t->words[k->head].tag, "EX") ? "expl" : "nsubj";
            return temporal(t, k) ? "obl:tmod" : "obl";
        }
        if (eq(C, "PP")) return "obl";
        if (eq(C, "S") || eq(C, "SQ") || eq(C, "SINV")) return clause_rel(t, nd, i, h);
        if (eq(C, "SBAR")) return before && has_subject(t, nd) ? "advcl" : sbar_rel(t, k, 0);
        if (eq(C, "ADJP")) return "advcl";
        if (eq(C, "VP")) return "dep";
        if (pre && is_verb_tag(C)) return word_is(t, k->tok, BE) && !eq(hk->label, "VP") ? "cop" : "aux";
        if (pre && eq(C, "IN")) return "mark";
        return "dep";
    }
    if (is_nounish(P) || eq(P, "NP")) {
        if (pre) {
            if (eq(C, "DT") || eq(C, "WDT") || eq(C, "WP")) return "det";
            if (eq(C, "PDT")) return "det:predet";
            if (eq(C, "PRP$") || eq(C, "WP$")) return "nmod:poss";
            if (eq(C, "CD")) return "nummod";
            if (eq(C, "JJ") || eq(C, "JJR") || eq(C, "JJS") || eq(C, "AFX")) return "amod";
            if (eq(C, "VBN") || eq(C, "VBG")) return before ? "amod" : "acl";
            if (is_noun_tag(C) || eq(C, "PRP")) {
                if (i + 1 < hi && eq(KID(t, nd, i + 1)->label, "POS")) return "nmod:poss";
                return before ? "compound" : "dep";
            }
            if (eq(C, "IN") || eq(C, "TO")) return "case";
            if (eq(C, "$") || eq(C, "SYM")) return "dep";
            if (is_verb_tag(C)) return before ? "amod" : "acl";
            return "dep";
        }
        if (eq(C, "ADJP")) return "amod";
        if (eq(C, "QP")) return "nummod";
        if (eq(C, "PP") || eq(C, "WHPP")) return "nmod";
        if (eq(C, "SBAR")) return sbar_rel(t, k, 1);
        if (eq(C, "VP") || eq(C, "S") || eq(C, "RRC")) return "acl";
        if (is_nounish(C)) {
            if (before) {
                for (int j = 0; j < k->nkid; j++)
                    if (eq(KID(t, k, j)->label, "POS")) return "nmod:poss";
                if (eq(t->words[k->head].tag, "PRP$") || eq(t->words[k->head].tag, "WP$")) return "nmod:poss";
                return "compound";
            }
            if (temporal(t, k) && !(i > lo && kid_punct(t, KID(t, nd, i - 1)))) return "nmod:tmod";
            return "appos"; /* "(NP (NP old foes) (NP Gondor and Osgiliath))", with or without a comma */
        }
        return "dep";
    }
    if (eq(P, "ADJP") || eq(P, "WHADJP") || eq(P, "ADVP") || eq(P, "WHADVP")) {
        if (eq(C, "PP")) return "obl";
        if (eq(C, "S")) return "xcomp";
        if (eq(C, "SBAR")) return sbar_rel(t, k, 0);
        if (is_nounish(C)) return "obl:npmod";
        if (eq(C, "QP") || (pre && eq(C, "CD"))) return "nummod";
        if (pre && (eq(C, "DT") || eq(C, "PDT"))) return "det";
        if (pre && (eq(C, "JJ") || eq(C, "JJR") || eq(C, "JJS"))) return eq(P, "ADJP") ? "amod" : "advmod";
        if (pre && (eq(C, "IN") || eq(C, "TO"))) return "case";
        return "dep";
    }
    if (eq(P, "QP")) {
        if (pre && eq(C, "CD")) return "compound";
        if (pre && (eq(C, "IN") || eq(C, "JJ") || eq(C, "JJR") || eq(C, "RB") || eq(C, "DT"))) return "advmod";
        if (pre && eq(C, "TO")) return "case";
        return "dep";
    }
    return "dep";
}

/* ---- the conversion ------------------------------------------------------ */

static void attach(penn_tree *t, int dep_word, int head_word, const char *rel) {
    if (dep_word == head_word || dep_word < 0) return;
    t->words[dep_word].head = head_word;
    t->words[dep_word].rel = rel;
}

/* Attaches the kids of [lo,hi) (one conjunct, or the whole phrase) to their head; returns the head kid. */
static int attach_range(penn_tree *t, penn_node *nd, int lo, int hi) {
    int h = choose_head(t, nd, lo, hi);
    int hw = KID(t, nd, h)->head;
    for (int i = lo; i < hi; i++) {
        if (i == h) continue;
        const penn_node *k = KID(t, nd, i);
        const char *rel = relation(t, nd, lo, hi, h, i);
        int target = hw;
        /* a possessive 's belongs to the noun before it */
        if (eq(k->label, "POS") && i > lo && i - 1 != h) target = KID(t, nd, i - 1)->head;
        attach(t, k->head, target, rel);
    }
    return h;
}

static int is_separator(const penn_tree *t, const penn_node *k) {
    return eq(k->label, "CC") || eq(k->label, "CONJP") ||
           (k->tok >= 0 && (eq(k->label, ",") || eq(k->label, ":")));
}

/* Coordination: kids split at CC/CONJP and , ; into conjuncts. 1 when handled. */
static int coordinate(penn_tree *t, penn_node *nd) {
    int lo = 0, hi = nd->nkid;
    while (lo < hi && kid_punct(t, KID(t, nd, lo))) lo++; /* outer quotes, final stop: on the phrase head */
    while (hi > lo && kid_punct(t, KID(t, nd, hi - 1))) hi--;
    int cc = -1;
    for (int i = lo + 1; i < hi; i++)
        if (eq(KID(t, nd, i)->label, "CC") || eq(KID(t, nd, i)->label, "CONJP")) { cc = i; break; }
    if (cc < 0 || eq(nd->label, "PRN")) return 0;
    int seg_lo[64], seg_hi[64], nseg = 0;
    for (int i = lo; i < hi && nseg < 64;) {
        while (i < hi && is_separator(t, KID(t, nd, i))) i++;
        if (i >= hi) break;
        int s = i;
        while (i < hi && !is_separator(t, KID(t, nd, i))) i++;
        seg_lo[nseg] = s;
        seg_hi[nseg] = i;
        nseg++;
    }
    if (nseg < 2 || nseg >= 64 || seg_lo[0] > cc) return 0;
    int heads[64];
    for (int s = 0; s < nseg; s++) heads[s] = KID(t, nd, attach_range(t, nd, seg_lo[s], seg_hi[s]))->head;
    for (int s = 1; s < nseg; s++) attach(t, heads[s], heads[0], "conj");
    for (int i = 0; i < nd->nkid; i++) { /* separators and outer punctuation */
        const penn_node *k = KID(t, nd, i);
        int inside = 0;
        for (int s = 0; s < nseg && !inside; s++) inside = i >= seg_lo[s] && i < seg_hi[s];
        if (inside) continue;
        int target = heads[0];
        if (i >= lo && i < hi)
            for (int s = 0; s < nseg; s++)
                if (seg_lo[s] > i) { target = heads[s]; break; }
        attach(t, k->head, target, kid_punct(t, k) ? "punct" : "cc");
    }
    nd->head = heads[0];
    return 1;
}

int penn_to_ud(penn_tree *t) {
    if (t->nword == 0 || t->root < 0) return -1;
    for (int n = t->nnode - 1; n >= 0; n--) {
        penn_node *nd = &t->nodes[n];
        if (nd->tok >= 0 || nd->nkid == 0) continue;
        if (coordinate(t, nd)) continue;
        int h = attach_range(t, nd, 0, nd->nkid);
        nd->head_kid = h;
        nd->head = KID(t, nd, h)->head;
    }
    int root = t->nodes[t->root].head;
    t->words[root].head = -1;
    t->words[root].rel = "root";
    /* a subject whose head also has an aux:pass is a passive subject (linear, not pairwise) */
    for (int w = 0; w < t->nword; w++)
        if (t->words[w].rel && eq(t->words[w].rel, "aux:pass") && t->words[w].head >= 0)
            t->words[t->words[w].head].passive = 1;
    for (int w = 0; w < t->nword; w++) {
        penn_word *x = &t->words[w];
        if (x->rel && eq(x->rel, "nsubj") && x->head >= 0 && t->words[x->head].passive) x->rel = "nsubj:pass";
    }
    for (int w = 0; w < t->nword; w++)
        if (!t->words[w].rel) { t->words[w].rel = "dep"; if (w != root && t->words[w].head < 0) t->words[w].head = root; }
    return 0;
}

const char *penn_upos(const char *tag, const char *word, size_t len, const char *rel) {
    int func = rel && (eq(rel, "aux") || eq(rel, "aux:pass") || eq(rel, "cop"));
    if (is_punct_tag(tag)) return "PUNCT";
    if (is_verb_tag(tag)) return func ? "AUX" : "VERB";
    if (eq(tag, "MD")) return "AUX";
    if (eq(tag, "NN") || eq(tag, "NNS")) return "NOUN";
    if (eq(tag, "NNP") || eq(tag, "NNPS")) return "PROPN";
    if (!strncmp(tag, "JJ", 2) || eq(tag, "AFX")) return "ADJ";
    if (eq(tag, "RB") && len >= 2 &&
        ((len == 3 && !strncasecmp(word, "not", 3)) || (len == 3 && !strncasecmp(word, "n't", 3))))
        return "PART";
    if (!strncmp(tag, "RB", 2) || eq(tag, "WRB")) return "ADV";
    if (eq(tag, "IN")) return rel && eq(rel, "mark") ? "SCONJ" : "ADP";
    if (eq(tag, "TO")) return rel && eq(rel, "case") ? "ADP" : "PART";
    if (eq(tag, "DT") || eq(tag, "PDT") || eq(tag, "WDT")) return "DET";
    if (eq(tag, "PRP") || eq(tag, "PRP$") || eq(tag, "WP") || eq(tag, "WP$") || eq(tag, "EX")) return "PRON";
    if (eq(tag, "CD")) return "NUM";
    if (eq(tag, "CC")) return "CCONJ";
    if (eq(tag, "UH")) return "INTJ";
    if (eq(tag, "RP")) return "ADP";
    if (eq(tag, "POS")) return "PART";
    if (eq(tag, "SYM") || eq(tag, "$")) return "SYM";
    return "X";
}
