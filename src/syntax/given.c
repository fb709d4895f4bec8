/*
 * Parses given by the input: a Penn bracketing (PETRARCH XML <Parse>) converted
 * to UD by head rules (penn_tree.c, penn_ud.c), or CoNLL-U rows
 * (UniversalPetrarch XML) taken as they are, except that UD v1 relation names
 * (dobj, nsubjpass, auxpass, neg, ...) become their v2 names so the coder sees
 * one vocabulary. Tokens are aligned to byte spans of doc->text: the parse's
 * words are matched in order, case-insensitively, with Penn escapes (-LRB-, ``)
 * undone; a word that cannot be found gets an empty span at the previous
 * token's end and keeps the parse's spelling as its form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "syntax/penn.h"
#include "syntax/syntax.h"
#include "text/text.h"

/* ---- alignment ----------------------------------------------------------- */

typedef struct aligner {
    const char *text;
    size_t len, cur;     /* the text and where the next word may start */
    uint32_t last_end;
} aligner;

static int ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Penn escapes back to the characters they stand for (a few alternatives each). */
static const char *const *unescape(const char *w, size_t n) {
    static const char *const lrb[] = {"(", "[", "{", NULL}, *const rrb[] = {")", "]", "}", NULL};
    static const char *const lsb[] = {"[", "(", NULL}, *const rsb[] = {"]", ")", NULL};
    static const char *const lcb[] = {"{", "(", NULL}, *const rcb[] = {"}", ")", NULL};
    static const char *const oq[] = {"``", "\"", "\xE2\x80\x9C", "'", "\xE2\x80\x98", NULL};
    static const char *const cq[] = {"''", "\"", "\xE2\x80\x9D", "'", "\xE2\x80\x99", NULL};
    static const char *const dash[] = {"--", "\xE2\x80\x94", "\xE2\x80\x93", "-", NULL};
#define IS(s) (n == sizeof(s) - 1 && !strncasecmp(w, s, n))
    if (IS("-LRB-")) return lrb;
    if (IS("-RRB-")) return rrb;
    if (IS("-LSB-")) return lsb;
    if (IS("-RSB-")) return rsb;
    if (IS("-LCB-")) return lcb;
    if (IS("-RCB-")) return rcb;
    if (IS("``")) return oq;
    if (IS("''")) return cq;
    if (IS("--")) return dash;
#undef IS
    return NULL;
}

/* Length of w (n bytes) matched at text[p], case-insensitively, or 0. */
static size_t match_at(const aligner *a, size_t p, const char *w, size_t n) {
    if (p + n > a->len || n == 0) return 0;
    return strncasecmp(a->text + p, w, n) == 0 ? n : 0;
}

/* Finds the word near the cursor (its span into *start, *end); 0 when not found. */
static int align_word(aligner *a, const char *w, size_t n, uint32_t *start, uint32_t *end) {
    const char *const *alts = unescape(w, n);
    const char *single[3] = {NULL, NULL, NULL};
    char tmp[256], tmp2[260];
    if (!alts) {
        /* "\/" and "\*" are escaped in some treebanks */
        size_t k = 0;
        for (size_t i = 0; i < n && k + 1 < sizeof tmp; i++) {
            if (w[i] == '\\' && i + 1 < n && (w[i + 1] == '/' || w[i + 1] == '*')) continue;
            tmp[k++] = w[i];
        }
        tmp[k] = '\0';
        single[0] = tmp;
        /* news text has typographic apostrophes where the parse has ' ("nations’", "n’t") */
        char *q = strchr(tmp, '\'');
        if (q && k + 3 < sizeof tmp2) {
            size_t at = (size_t)(q - tmp);
            memcpy(tmp2, tmp, at);
            memcpy(tmp2 + at, "\xE2\x80\x99", 3);
            memcpy(tmp2 + at + 3, q + 1, k - at); /* with the NUL */
            single[1] = tmp2;
        }
        alts = single;
    }
    size_t p = a->cur;
    while (p < a->len && ws(a->text[p])) p++;
    /* at the cursor, or a little further on (skipping what the parse left out) */
    size_t window = n >= 2 ? 64 : 2;
    for (size_t q = p; q < a->len && q <= p + window; q++) {
        for (const char *const *alt = alts; *alt; alt++) {
            size_t m = match_at(a, q, *alt, strlen(*alt));
            if (m) {
                *start = (uint32_t)q;
                *end = (uint32_t)(q + m);
                a->cur = q + m;
                a->last_end = *end;
                return 1;
            }
        }
    }
    *start = *end = a->last_end;
    return 0;
}

static void finish_sentence(gesta_doc *doc, gesta_sent *s) {
    s->ntok = doc->ntok - s->tok0;
    s->tagged = s->parsed = s->given_parse = 1;
    s->start = s->ntok ? doc->toks[s->tok0].start : 0;
    s->end = s->ntok ? doc->toks[doc->ntok - 1].end : 0;
    for (uint32_t i = s->tok0; i < doc->ntok; i++) {
        gesta_tok *t = &doc->toks[i];
        if (i == s->tok0) t->flags |= GESTA_TOK_SENT_START;
        if (i + 1 < doc->ntok && doc->toks[i + 1].start == t->end) t->flags |= GESTA_TOK_NO_SPACE_AFTER;
    }
}

/* ---- a small rule lemmatizer for Penn tags (there is no model here) ------- */

static int vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

static int ends(const char *s, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n >= k && !memcmp(s + n - k, suf, k);
}

/* l[0..n) is a verb with -ed/-ing cut off: undo consonant doubling ("stopp" → "stop")
 * or put back a silent e ("welcom" → "welcome", "vot" → "vote"). Heuristic, for
 * regular verbs; irregular ones are in the table of gesta_penn_lemma. */
static void restore_stem(char *l, size_t n) {
    l[n] = '\0';
    if (n < 2) return;
    char c1 = l[n - 1], c2 = l[n - 2];
    int vgroups = 0; /* syllables, roughly */
    for (size_t i = 0; i < n; i++) vgroups += vowel(l[i]) && (i == 0 || !vowel(l[i - 1]));
    if (c1 == c2 && !vowel(c1) && c1 != 's' && c1 != 'z' && c1 != 'f' &&
        (c1 != 'l' || (vgroups > 1 && n >= 3 && (l[n - 3] == 'e' || l[n - 3] == 'o')))) {
        l[n - 1] = '\0'; /* stopped → stop, expelled → expel (but called, passed stay) */
        return;
    }
    int add_e = 0;
    static const char *const clusters[] = {"dg", "rg", "rc", "nc", "rs", "ps", "ns", "ls", "lv", "rv", "ang", "eng",
                                           "eas", "aus", "uid", "iev", "eav", "uir", "uar", NULL};
    /* -VC endings that take an e even in longer verbs (created, declined, opposed, restored);
     * not -er -en -on -et -it -al -el -ol -ip (ordered, opened, visited) */
    static const char *const take[] = {"at", "iz", "is", "ys", "yz", "ur", "us", "ud", "id", "ot", "om", "in", "ir",
                                       "ar", "or", "ut", "ib", "ov", "uc", "ap", "ok", "ik", "ic", "ag", "os", "ac",
                                       NULL};
    for (const char *const *c = clusters; *c && !add_e; c++) add_e = ends(l, n, *c);
    if (!add_e && (c1 == 'u' || c1 == 'v' || c1 == 'z' || (c1 == 'c' && c2 != 'c')))
        add_e = 1; /* continued, moved, seized, replaced */
    if (!add_e && n >= 3 && !vowel(c1) && c1 != 'w' && c1 != 'x' && c1 != 'y' && vowel(c2)) {
        char c3 = l[n - 3];
        if (!vowel(c3) && vgroups <= 1) add_e = 1; /* one syllable: voted, named, hoped */
        else if (!vowel(c3) || ((c3 == 'u' || c3 == 'i') && c2 == 'a'))
            for (const char *const *k = take; *k && !add_e; k++) add_e = ends(l, n, *k); /* evacuated, not treated */
    }
    if (add_e) { l[n] = 'e'; l[n + 1] = '\0'; }
}

const char *gesta_penn_lemma(gesta_arena *ar, const char *form, const char *tag) {
    size_t n = strlen(form);
    char *l = gesta_arena_strdup(ar, form);
    if (!l) return NULL;
    int proper = !strncmp(tag, "NNP", 3);
    if (!proper)
        for (size_t i = 0; i < n; i++)
            if (l[i] >= 'A' && l[i] <= 'Z') l[i] = (char)(l[i] + 32);
    static const char *const irregular[][2] = {
        {"is", "be"}, {"are", "be"}, {"was", "be"}, {"were", "be"}, {"been", "be"}, {"being", "be"}, {"am", "be"},
        {"'s", "be"}, {"'re", "be"}, {"'m", "be"}, {"has", "have"}, {"had", "have"}, {"having", "have"},
        {"'ve", "have"}, {"does", "do"}, {"did", "do"}, {"done", "do"}, {"n't", "not"}, {"said", "say"},
        {"made", "make"}, {"went", "go"}, {"gone", "go"}, {"took", "take"}, {"taken", "take"}, {"gave", "give"},
        {"given", "give"}, {"met", "meet"}, {"held", "hold"}, {"told", "tell"}, {"sent", "send"}, {"came", "come"},
        {"saw", "see"}, {"seen", "see"}, {"got", "get"}, {"left", "leave"}, {"brought", "bring"}, {"sought", "seek"},
        {"fought", "fight"}, {"threw", "throw"}, {"thrown", "throw"}, {"struck", "strike"}, {"stole", "steal"},
        {"killed", "kill"}, {"began", "begin"}, {"begun", "begin"}, {"wrote", "write"}, {"written", "write"},
        {"spoke", "speak"}, {"spoken", "speak"}, {"won", "win"}, {"lost", "lose"}, {"paid", "pay"}, {"led", "lead"},
        {"broke", "break"}, {"broken", "break"}, {"shot", "shoot"}, {"fled", "flee"}, {"sold", "sell"},
        {"bought", "buy"}, {"felt", "feel"}, {"kept", "keep"}, {"knew", "know"}, {"known", "know"}, {"meant", "mean"},
        {"ran", "run"}, {"became", "become"}, {"stood", "stand"}, {"understood", "understand"}, {"wo", "will"},
        {"ca", "can"}, {"'ll", "will"}, {"'d", "would"}, {"men", "man"}, {"women", "woman"}, {"children", "child"},
        {"people", "people"}, {"added", "add"}, {"adding", "add"}, {"going", "go"}, {"doing", "do"},
        {"being", "be"}, {"having", "have"}, {"thought", "think"}, {"found", "find"}, {"heard", "hear"},
        {"stolen", "steal"}, {"rose", "rise"}, {"risen", "rise"}, {"withdrew", "withdraw"}, {"used", "use"},
        {"using", "use"}, {"goes", "go"}, {"taught", "teach"}, {"caught", "catch"}, {"built", "build"},
        {"spent", "spend"}, {"fell", "fall"}, {"fallen", "fall"}, {"grew", "grow"}, {"grown", "grow"},
        {"drew", "draw"}, {"drawn", "draw"}, {"flew", "fly"}, {"hid", "hide"}, {"hidden", "hide"}, {"bit", "bite"},
        {"ate", "eat"}, {"eaten", "eat"}, {"chose", "choose"}, {"chosen", "choose"}, {"froze", "freeze"},
        {"forgot", "forget"}, {"forgiven", "forgive"}, {"shook", "shake"}, {"swore", "swear"}, {"sworn", "swear"},
        {"tore", "tear"}, {"torn", "tear"}, {"wore", "wear"}, {"worn", "wear"}, {"woke", "wake"}, {"arose", "arise"},
        {"bore", "bear"}, {"borne", "bear"}, {"bound", "bind"}, {"dealt", "deal"}, {"fed", "feed"},
        {"fought", "fight"}, {"hung", "hang"}, {"laid", "lay"}, {"lent", "lend"}, {"lit", "light"},
        {"overtook", "overtake"}, {"rode", "ride"}, {"rang", "ring"}, {"sang", "sing"}, {"sank", "sink"},
        {"slept", "sleep"}, {"spun", "spin"}, {"stuck", "stick"}, {"swept", "sweep"}, {"swam", "swim"},
        {"undertook", "undertake"}, {"upheld", "uphold"}, {"withheld", "withhold"}, {"won", "win"},
        {"overthrew", "overthrow"}, {"overthrown", "overthrow"}, {"forbade", "forbid"}, {"sped", "speed"},
        {"fled", "flee"}, {"wept", "weep"}, {"wound", "wind"}, {"ground", "grind"}, {"sought", "seek"}, {"saying", "say"}, {"dying", "die"},
        {"lying", "lie"}, {"tying", "tie"}};
    int verb = tag[0] == 'V' || !strncmp(tag, "AUX", 3) || !strcmp(tag, "MD") || !strcmp(tag, "RB") ||
               !strcmp(tag, "NNS");
    if (verb)
        for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
            if (!strcmp(l, irregular[i][0])) return irregular[i][1];
    static const char *const closed[][2] = {
        {"i", "I"}, {"me", "I"}, {"him", "he"}, {"her", "she"}, {"us", "we"}, {"them", "they"}, {"an", "a"},
        {"those", "that"}, {"these", "this"}, {"best", "good"}, {"better", "good"}, {"worse", "bad"},
        {"worst", "bad"}, {"'s", "'s"}, {"s", "'s"}, {"’s", "'s"}};
    if (!strcmp(tag, "PRP") || !strcmp(tag, "DT") || !strncmp(tag, "JJ", 2) || !strcmp(tag, "POS"))
        for (size_t i = 0; i < sizeof closed / sizeof closed[0]; i++)
            if (!strcmp(l, closed[i][0]) && (strcmp(tag, "POS") != 0) == (closed[i][1][0] != '\''))
                return closed[i][1];
    if (!strcmp(tag, "NNPS") && n > 3 && l[n - 1] == 's') l[n - 1] = '\0'; /* Palestinians → Palestinian */
    if (!strcmp(tag, "NNS") || !strcmp(tag, "VBZ")) {
        if (n > 4 && !strcmp(l + n - 3, "ies")) strcpy(l + n - 3, "y");
        else if (n > 4 && !strcmp(tag, "VBZ") && !strcmp(l + n - 3, "oes")) l[n - 2] = '\0'; /* echoes → echo */
        else if (n > 4 && (!strcmp(l + n - 4, "sses") || !strcmp(l + n - 4, "ches") || !strcmp(l + n - 4, "shes") ||
                           !strcmp(l + n - 3, "xes")))
            l[n - 2] = '\0';
        else if (n > 3 && l[n - 1] == 's' && l[n - 2] != 's' && l[n - 2] != 'u' && l[n - 2] != 'i') l[n - 1] = '\0';
    } else if ((!strcmp(tag, "VBD") || !strcmp(tag, "VBN")) && n > 4 && !strcmp(l + n - 2, "ed")) {
        if (!strcmp(l + n - 3, "ied")) strcpy(l + n - 3, "y");
        else if (!strcmp(l + n - 3, "eed")) l[n - 1] = '\0'; /* agreed → agree */
        else restore_stem(l, n - 2);
    } else if (!strcmp(tag, "VBG") && n > 5 && !strcmp(l + n - 3, "ing")) {
        restore_stem(l, n - 3);
    }
    return l;
}

/* ---- Penn ----------------------------------------------------------------- */

static int from_penn(gesta_doc *doc) {
    const char *s = doc->given_penn;
    size_t n = strlen(s), pos = 0;
    penn_tree t = {0};
    aligner al = {doc->text, doc->len, 0, 0};
    int rc = GESTA_OK, r;
    char formbuf[512];
    while ((r = penn_read_tree(s, n, &pos, &t)) == 1) {
        /* "(ROOT (S ...) (S ...))" or "( (S ...))": the wrapper is not a word */
        if (penn_to_ud(&t) < 0) { rc = GESTA_EINPUT; goto out; }
        gesta_sent *se = gesta_doc_add_sent(doc);
        if (!se) { rc = GESTA_ENOMEM; goto out; }
        se->tok0 = doc->ntok;
        for (int w = 0; w < t.nword; w++) {
            penn_word *pw = &t.words[w];
            gesta_tok *tk = gesta_doc_add_tok(doc);
            if (!tk) { rc = GESTA_ENOMEM; goto out; }
            uint32_t a, b;
            if (align_word(&al, pw->word, pw->len, &a, &b)) {
                tk->form = gesta_arena_strndup(doc->arena, doc->text + a, b - a);
            } else {
                const char *const *alts = unescape(pw->word, pw->len);
                snprintf(formbuf, sizeof formbuf, "%.*s", (int)(alts ? strlen(alts[0]) : pw->len),
                         alts ? alts[0] : pw->word);
                tk->form = gesta_arena_strdup(doc->arena, formbuf);
            }
            tk->start = a;
            tk->end = b;
            tk->xpos = gesta_arena_strdup(doc->arena, pw->tag);
            tk->upos = (uint8_t)gesta_upos_from_name(penn_upos(pw->tag, pw->word, pw->len, pw->rel));
            tk->head = pw->head + 1; /* -1 (root) → 0 */
            tk->deprel = pw->rel;
            if (!tk->form || !tk->xpos) { rc = GESTA_ENOMEM; goto out; }
            tk->lemma = gesta_penn_lemma(doc->arena, tk->form, pw->tag);
            if (!tk->lemma) { rc = GESTA_ENOMEM; goto out; }
        }
        se->penn = NULL;
        finish_sentence(doc, se);
    }
    if (r == -2) rc = GESTA_ENOMEM;
    else if (r < 0 || doc->nsent == 0) rc = GESTA_EINPUT;
out:
    penn_tree_free(&t);
    return rc;
}

/* ---- CoNLL-U rows --------------------------------------------------------- */

static const char *v2_relation(const char *rel) {
    static const char *const map[][2] = {{"dobj", "obj"}, {"nsubjpass", "nsubj:pass"}, {"auxpass", "aux:pass"},
                                         {"csubjpass", "csubj:pass"}, {"neg", "advmod"}, {"mwe", "fixed"},
                                         {"name", "flat"}, {"remnant", "orphan"}, {"foreign", "flat:foreign"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(rel, map[i][0])) return map[i][1];
    return rel;
}

static int from_conllu(gesta_doc *doc) {
    char *rows = gesta_arena_strdup(doc->arena, doc->given_conllu);
    if (!rows) return GESTA_ENOMEM;
    aligner al = {doc->text, doc->len, 0, 0};
    gesta_sent *se = NULL;
    long nword = 0;
    for (char *line = rows, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r') line[--len] = '\0';
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (!*p) { /* a blank line ends the sentence */
            if (se) finish_sentence(doc, se);
            se = NULL;
            continue;
        }
        if (*p == '#') continue;
        char *col[10];
        int nc = 0;
        col[nc++] = p;
        for (char *q = p; *q && nc <= 10; q++)
            if (*q == '\t') { *q = '\0'; if (nc < 10) col[nc] = q + 1; nc++; }
        if (nc != 10) return GESTA_EINPUT;
        if (strchr(col[0], '-') || strchr(col[0], '.')) continue; /* ranges, empty nodes */
        if (!se) {
            if (!(se = gesta_doc_add_sent(doc))) return GESTA_ENOMEM;
            se->tok0 = doc->ntok;
            nword = 0;
        }
        char *end;
        long id = strtol(col[0], &end, 10);
        if (*end || id != nword + 1) return GESTA_EINPUT;
        nword++;
        long head = strtol(col[6], &end, 10);
        if (*end || head < 0 || head == id) return GESTA_EINPUT;
        gesta_tok *tk = gesta_doc_add_tok(doc);
        if (!tk) return GESTA_ENOMEM;
        uint32_t a, b;
        tk->form = align_word(&al, col[1], strlen(col[1]), &a, &b) ? gesta_arena_strndup(doc->arena, doc->text + a, b - a)
                                                                     : col[1];
        tk->start = a;
        tk->end = b;
        tk->lemma = strcmp(col[2], "_") ? col[2] : tk->form;
        tk->upos = (uint8_t)gesta_upos_from_name(col[3]);
        tk->xpos = strcmp(col[4], "_") ? col[4] : NULL;
        tk->feats = strcmp(col[5], "_") ? col[5] : NULL;
        tk->head = (int32_t)head;
        tk->deprel = v2_relation(col[7]);
        if (!tk->form) return GESTA_ENOMEM;
    }
    if (se) finish_sentence(doc, se);
    /* heads must point inside their sentence */
    for (uint32_t i = 0; i < doc->nsent; i++)
        for (uint32_t k = 0; k < doc->sents[i].ntok; k++)
            if ((uint32_t)doc->toks[doc->sents[i].tok0 + k].head > doc->sents[i].ntok) return GESTA_EINPUT;
    return doc->nsent ? GESTA_OK : GESTA_EINPUT;
}

int gesta_syntax_given(gesta_doc *doc) {
    if (!doc->given_penn && !doc->given_conllu) return GESTA_EINPUT;
    uint32_t nsent0 = doc->nsent, ntok0 = doc->ntok;
    int rc = doc->given_penn ? from_penn(doc) : from_conllu(doc);
    if (rc == GESTA_OK) rc = gesta_text_normalize_tokens(doc);
    if (rc < 0) {
        doc->nsent = nsent0; /* leave no half-built layer behind */
        doc->ntok = ntok0;
        return rc;
    }
    doc->flags |= GESTA_DOC_PRETOKENIZED;
    return GESTA_OK;
}
