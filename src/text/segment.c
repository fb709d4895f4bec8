/*
 * The sentence splitter: a document's text → units (sentences, headings,
 * boilerplate), each a run of tokens with a byte span.
 *
 * Lines first. A blank line ends a paragraph; a single line break ends a unit
 * too, except where the line is visibly wrapped (it lacks final punctuation and
 * the next line goes on in lower case). So a title or section heading — a line
 * without final punctuation followed by more text — is a unit of its own
 * (GESTA_UNIT_HEADING), never glued to the next sentence; and text with one
 * paragraph per line (UD's raw text) splits at every paragraph.
 *
 * Within a line, a unit ends after . ! ? … (and runs of them) plus any closing
 * quotes or brackets, when what follows does not continue the sentence: a
 * lower-case word continues it; after an abbreviation's period ("Inc.", "U.S.")
 * only a common sentence opener ("The", "He", ...) starts a new one; after a
 * title ("Mr.", "Gen.") or an initial ("J.") nothing does. Decimals, "U.S." and
 * the like never reach here as separate periods: the tokenizer keeps them.
 *
 * Boilerplate (boiler.c) is marked per line: read-more lines, bylines, sources,
 * datelines at the head of a paragraph, and author bios at the end.
 */
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "text/textint.h"

/* A unit longer than this is cut (at the last comma or semicolon if there is
 * one): later stages need not cope with megabyte "sentences". */
#define MAX_UNIT_TOKENS 400

/* Headlines are short; a long line without final punctuation is prose that
 * lost its period. */
#define MAX_HEADING_TOKENS 24

static int is_space_cp(int32_t cp) { return (tx_class(cp) & TX_SPACE) != 0; }

/* ---- token predicates ---- */

static int tok_is_terminal(const gesta_tok *t) {
    const char *f = t->form;
    unsigned char c0 = (unsigned char)f[0];
    if (c0 != '.' && c0 != '!' && c0 != '?' && c0 != 0xE2) return 0; /* … ‼ ⁇ start with 0xE2 */
    size_t n = strlen(f), l;
    for (size_t i = 0; i < n; i += l) {
        int32_t cp = tx_cp(f, i, n, &l);
        if (!(cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203C || cp == 0x2047 ||
              cp == 0x2048 || cp == 0x2049)) return 0;
    }
    return 1;
}

static int tok_is_closer(const gesta_doc *doc, uint32_t i) {
    const gesta_tok *t = &doc->toks[i];
    size_t l, n = strlen(t->form);
    int32_t cp = tx_cp(t->form, 0, n, &l);
    if (l != n) /* multi-character '' ’’ ‘’: closing when glued to what precedes */
        return (!strcmp(t->norm, "''") || !strcmp(t->norm, "\"")) && i > 0 &&
               (doc->toks[i - 1].flags & GESTA_TOK_NO_SPACE_AFTER);
    if (cp == ')' || cp == ']' || cp == '}' || cp == 0x201D || cp == 0x2019 || cp == 0xBB) return 1;
    /* straight quotes close when glued to what precedes them */
    if ((cp == '"' || cp == '\'') && i > 0 && (doc->toks[i - 1].flags & GESTA_TOK_NO_SPACE_AFTER)) return 1;
    return 0;
}

static int tok_is_opener_punct(const gesta_tok *t) {
    size_t l, n = strlen(t->form);
    int32_t cp = tx_cp(t->form, 0, n, &l);
    if (l != n) return !strcmp(t->form, "``");
    return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' || cp == 0x201C || cp == 0x2018 ||
           cp == 0xAB || cp == 0x201E;
}

static int tok_is_url(const gesta_tok *t) {
    return !strncmp(t->norm, "http://", 7) || !strncmp(t->norm, "https://", 8) || !strncmp(t->norm, "www.", 4);
}

/* ":)", ";-)", "^_^": an emoticon ends the sentence it follows */
static int tok_is_emoticon(const gesta_tok *t) {
    const char *f = t->form;
    size_t n = strlen(f);
    return n >= 2 && n <= 3 && (f[0] == ':' || f[0] == ';' || f[0] == '=' || f[0] == '^') && f[1] != f[0];
}

static unsigned first_class(const gesta_tok *t) {
    size_t l;
    unsigned char c0 = (unsigned char)t->form[0];
    if (c0 < 0x80) return tx_class(c0);
    return tx_class(tx_cp(t->form, 0, strlen(t->form), &l));
}

/* The period-final abbreviation kind of a token ("Inc." → OTHER, "J." → TITLE). */
static int abbrev_token(const gesta_tok *t) {
    size_t n = strlen(t->form);
    if (n < 2 || t->form[n - 1] != '.') return ABBR_NONE;
    if (n == 2 && (first_class(t) & TX_UPPER)) return ABBR_TITLE; /* an initial */
    if (memchr(t->form, '.', n - 1)) return ABBR_OTHER; /* "U.S.", "a.m.": may end a sentence */
    int k = tx_abbrev_kind(t->form, n - 1);
    return k ? k : ABBR_OTHER;
}

/*
 * Does a unit that began at token u end after token i (a terminal or an
 * abbreviation), the next one starting at token j (after closers)? e is the
 * line's end.
 */
static int boundary_before(const gesta_doc *doc, uint32_t u, uint32_t i, uint32_t j, uint32_t e) {
    const gesta_tok *t = &doc->toks[i];
    /* look through opening quotes and brackets at the first word */
    uint32_t w = j;
    while (w < e && w < j + 2 && tok_is_opener_punct(&doc->toks[w])) w++;
    if (w >= e) w = j;
    const gesta_tok *nx = &doc->toks[w];
    unsigned c = first_class(nx);
    /* what continues a sentence: ", ; : ) ? !" glued after the period */
    if (nx == &doc->toks[j] && strchr(",;:)]}?!%", nx->form[0]) && nx->form[0]) return 0;
    if (tok_is_terminal(t)) {
        /* "1. The first ...": a list number, not the end of a sentence */
        if (!strcmp(t->form, ".") && (i == u + 1 || (i >= u + 2 && !strcmp(doc->toks[i - 2].form, ":")))) {
            const char *num = doc->toks[i - 1].form;
            if (strlen(num) <= 2 && num[0] >= '0' && num[0] <= '9') return 0;
        }
        if (tok_is_url(nx)) return 1;
        const char *f = t->form;
        int dots_only = 1;
        for (const char *p = f; *p; p++) if (*p != '.') dots_only = 0;
        if ((dots_only && strlen(f) > 1) || !strcmp(t->norm, "..."))
            return (c & (TX_UPPER | TX_DIGIT)) != 0; /* an ellipsis mostly goes on */
        /* a closing quote then a lower-case word: '"Why?" he asked' */
        if ((c & TX_LOWER) && j > i + 1) return 0;
        return 1;
    }
    int kind = abbrev_token(t);
    switch (kind) {
    case ABBR_TITLE: return 0;
    case ABBR_MONTH:
    case ABBR_NUMBER:
        if (c & TX_DIGIT) return 0;
        return tx_is_opener(nx->form, strlen(nx->form));
    default:
        if (!(c & TX_UPPER)) return 0;
        return tx_is_opener(nx->form, strlen(nx->form));
    }
}

/* Words that open a new sentence even without punctuation before them, when
 * they follow a lower-case word ("... see below Please call me"): measured on
 * EWT train, each starts a sentence in at least 3 of 4 such places. */
static const char *const strong_openers[] = {"Please", "If", "This", "FYI", "Sorry", "Hi", "Attached", "Dear",
                                             "Thanks", NULL};

/* Sign-offs: "Regards," then a name starts a new unit. */
static const char *const signoffs[] = {"regards", "thanks", "sincerely", "cheers", "best", "kind", "warm",
                                       "warmest", "yours", "love", "thank", NULL};

static int in_list(const char *const *l, const char *s) {
    for (int k = 0; l[k]; k++) if (!strcmp(l[k], s)) return 1;
    return 0;
}

/* A boundary without sentence punctuation before token j? */
static int unpunctuated_boundary(const gesta_doc *doc, uint32_t u, uint32_t j) {
    const gesta_tok *p = &doc->toks[j - 1], *nx = &doc->toks[j];
    if (!(first_class(nx) & TX_UPPER) || (nx->flags & GESTA_TOK_JOINED)) return 0;
    if (p->form[0] != ',' && !(first_class(p) & TX_LOWER)) return 0;
    if ((first_class(p) & TX_LOWER) && in_list(strong_openers, nx->form)) return 1;
    if (!strcmp(p->form, ",") && j - u <= 3 && in_list(signoffs, doc->toks[u].norm)) return 1;
    return 0;
}

/* Is token i a candidate end: sentence punctuation, or a word with its period? */
static int tok_may_end(const gesta_tok *t) {
    if (tok_is_terminal(t)) return 1;
    size_t n = t->end - t->start; /* the form is the span's bytes */
    return n >= 2 && t->form[n - 1] == '.' && (first_class(t) & (TX_ALPHA | TX_DIGIT));
}

/* ---- building units ---- */

static int add_unit(gesta_doc *doc, uint32_t a, uint32_t b, int kind, const char *why) {
    if (a >= b) return GESTA_OK;
    gesta_sent *s = gesta_doc_add_sent(doc);
    if (!s) return GESTA_ENOMEM;
    s->tok0 = a;
    s->ntok = b - a;
    s->start = doc->toks[a].start;
    s->end = doc->toks[b - 1].end;
    s->kind = (uint8_t)kind;
    s->boiler_why = why;
    doc->toks[a].flags |= GESTA_TOK_SENT_START;
    return GESTA_OK;
}

/* Cuts an over-long run [a, b) into units of at most MAX_UNIT_TOKENS. */
static int add_prose(gesta_doc *doc, uint32_t a, uint32_t b) {
    while (b - a > MAX_UNIT_TOKENS) {
        uint32_t cut = a + MAX_UNIT_TOKENS;
        for (uint32_t k = cut; k > a + MAX_UNIT_TOKENS / 2; k--) {
            const char *f = doc->toks[k - 1].form;
            if (!strcmp(f, ",") || !strcmp(f, ";") || !strcmp(f, ":")) { cut = k; break; }
        }
        /* never inside a multiword token */
        while (cut > a + 1 && (doc->toks[cut].flags & GESTA_TOK_JOINED)) cut--;
        int rc = add_unit(doc, a, cut, GESTA_UNIT_PROSE, NULL);
        if (rc < 0) return rc;
        a = cut;
    }
    return add_unit(doc, a, b, GESTA_UNIT_PROSE, NULL);
}

/* Splits the tokens [a, e) of one line (or wrapped block) into prose units. */
static int split_block(gesta_doc *doc, uint32_t a, uint32_t e) {
    uint32_t u = a;
    /* where the last scan of closers ("! ! ! ...") stopped: every token between a
     * later candidate inside that run and this point is a closer too, so the scan
     * resumes here instead of walking the run again (quadratic on long runs) */
    uint32_t jrun = a;
    for (uint32_t i = a; i < e; i++) {
        /* a list of links: each its own unit */
        if (tok_is_url(&doc->toks[i]) && i + 1 < e && tok_is_url(&doc->toks[i + 1])) {
            int rc = add_prose(doc, u, i + 1);
            if (rc < 0) return rc;
            u = i + 1;
            continue;
        }
        if (i > u && unpunctuated_boundary(doc, u, i)) {
            int rc = add_prose(doc, u, i);
            if (rc < 0) return rc;
            u = i;
        }
        if (!tok_may_end(&doc->toks[i])) continue;
        uint32_t j = i + 1 > jrun ? i + 1 : jrun;
        /* closing quotes and brackets, and more sentence punctuation ("? ? ?"), stay */
        while (j < e && (tok_is_closer(doc, j) || tok_is_emoticon(&doc->toks[j]) || !strcmp(doc->toks[j].form, "*") ||
                         (tok_is_terminal(&doc->toks[j]) &&
                          ((doc->toks[j - 1].flags & GESTA_TOK_NO_SPACE_AFTER) || strlen(doc->toks[j].form) == 1))))
            j++;
        jrun = j;
        if (j >= e) break;
        if (doc->toks[j].flags & GESTA_TOK_JOINED) continue;
        if (!boundary_before(doc, u, i, j, e)) continue;
        int rc = add_prose(doc, u, j);
        if (rc < 0) return rc;
        u = j;
        i = j - 1;
    }
    return add_prose(doc, u, e);
}

/* Does the line text[s, e) end with sentence punctuation (before closing quotes)? */
static int line_has_final_punct(const char *t, size_t s, size_t e) {
    while (e > s) {
        size_t p = tx_prev(t, e), l;
        int32_t cp = tx_cp(t, p, e, &l);
        if (is_space_cp(cp) || cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
            cp == 0x2019 || cp == 0xBB || cp == '*') {
            e = p;
            continue;
        }
        return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ':' || cp == ';' || cp == ',';
    }
    return 0;
}

/* First non-space code point's class in text[s, e), or 0. */
static unsigned first_nonspace_class(const char *t, size_t s, size_t e, size_t n) {
    while (s < e) {
        size_t l;
        int32_t cp = tx_cp(t, s, n, &l);
        if (!is_space_cp(cp)) return tx_class(cp);
        s += l;
    }
    return 0;
}

/* The end of the line starting at s (the position of its newline, or n). */
static size_t line_end(const char *t, size_t s, size_t n) {
    const char *nl = memchr(t + s, '\n', n - s);
    size_t e = nl ? (size_t)(nl - t) : n;
    return e;
}

static int blank(const char *t, size_t s, size_t e, size_t n) { return first_nonspace_class(t, s, e, n) == 0; }

typedef struct block_rec { uint32_t s0, s1; } block_rec;

int gesta_text_segment(gesta_doc *doc) {
    if (doc->flags & GESTA_DOC_PRETOKENIZED) return gesta_text_normalize_tokens(doc);
    if (doc->flags & GESTA_DOC_SEGMENTED) return GESTA_OK;
    const char *t = doc->text;
    size_t n = doc->len, pos = 0;
    int rc = GESTA_OK;
    uint32_t nblocks = 0;
    /* the last few blocks, for the author-bio rule at the end */
    enum { KEEP = 8 };
    block_rec last[KEEP];
    while (pos < n) {
        size_t ls = pos, le = line_end(t, pos, n);
        if (blank(t, ls, le, n)) { pos = le + 1; continue; }
        /* a block: this line plus the lines that visibly continue it */
        size_t be = le;
        int lines = 1;
        while (be < n && !line_has_final_punct(t, ls, be)) {
            size_t ns = be + 1, ne = line_end(t, ns, n);
            if (ns >= n || blank(t, ns, ne, n)) break;
            if (!(first_nonspace_class(t, ns, ne, n) & TX_LOWER)) break;
            be = ne;
            lines++;
        }
        pos = be + 1;
        uint32_t t0 = doc->ntok, s0 = doc->nsent;
        if ((rc = tx_tokenize(doc, ls, be)) < 0) return rc;
        uint32_t t1 = doc->ntok;
        if (t1 == t0) continue;
        const char *why = tx_boiler_line(doc, t0, t1);
        if (why) {
            rc = add_unit(doc, t0, t1, GESTA_UNIT_BOILERPLATE, why);
        } else {
            uint32_t a = t0;
            uint32_t d = tx_dateline_len(doc, t0, t1);
            if (d && (rc = add_unit(doc, t0, t0 + d, GESTA_UNIT_BOILERPLATE, "dateline")) < 0) return rc;
            a = t0 + d;
            rc = split_block(doc, a, t1);
            /* a heading: one line, one unit, no final punctuation, more text after it */
            if (rc == GESTA_OK && lines == 1 && doc->nsent == s0 + 1 && a == t0 && t1 - t0 <= MAX_HEADING_TOKENS &&
                !line_has_final_punct(t, ls, be)) {
                size_t p = pos;
                while (p < n && is_space_cp((unsigned char)t[p])) p++;
                if (p < n) doc->sents[s0].kind = GESTA_UNIT_HEADING;
            }
        }
        if (rc < 0) return rc;
        last[nblocks % KEEP].s0 = s0;
        last[nblocks % KEEP].s1 = doc->nsent;
        nblocks++;
    }
    /* author bios: trailing lines of descriptor fragments */
    for (uint32_t k = 0; k < KEEP && k + 1 < nblocks && k < 3; k++) { /* never the only line */
        block_rec *b = &last[(nblocks - 1 - k) % KEEP];
        if (b->s1 > b->s0 && doc->sents[b->s0].kind == GESTA_UNIT_BOILERPLATE) continue; /* "Source: ..." */
        if (!tx_is_bio_line(doc, b->s0, b->s1)) break;
        for (uint32_t i = b->s0; i < b->s1; i++) {
            doc->sents[i].kind = GESTA_UNIT_BOILERPLATE;
            doc->sents[i].boiler_why = "author-bio";
        }
    }
    doc->flags |= GESTA_DOC_SEGMENTED;
    return GESTA_OK;
}

int gesta_text_phrase_norms(gesta_arena *arena, const char *s, size_t len, const char ***out, size_t *n) {
    *out = NULL;
    *n = 0;
    gesta_doc *d;
    int rc = gesta_doc_new(&d, "", NULL, s, len, NULL);
    if (rc < 0) return rc;
    if ((rc = tx_tokenize(d, 0, d->len)) == GESTA_OK) {
        const char **v = gesta_arena_alloc(arena, (d->ntok + 1) * sizeof *v);
        if (!v) rc = GESTA_ENOMEM;
        for (uint32_t i = 0; v && i < d->ntok; i++)
            if (!(v[i] = gesta_arena_strdup(arena, d->toks[i].norm))) rc = GESTA_ENOMEM;
        if (rc == GESTA_OK) {
            v[d->ntok] = NULL;
            *out = v;
            *n = d->ntok;
        }
    }
    gesta_doc_free(d);
    return rc;
}
