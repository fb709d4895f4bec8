/*
 * Quotes and their speakers.
 *
 * Direct quotes: words between quote marks (straight or curly, « »), which may
 * run over several sentences; an unclosed quote ends at the end of its paragraph
 * (a line break in the text). Quotes of fewer than three words ("positive") are
 * scare quotes, not speech, and are skipped. The speaker, first found wins:
 *   1. `X said: "..."` / `X said, "..."`: the verb of saying before the opening
 *      mark, and its subject;
 *   2. `"...," X said` / `"...," said X`: a verb of saying within four words
 *      after the closing mark;
 *   3. the verb of saying the quote hangs from in the parse
 *      (`Putin confirmed that ... "the expansion of NATO ..."`);
 *   4. when its sentence has no verb of saying outside quotes: the last verb of
 *      saying of the sentence before, in the same paragraph ("He added that ...
 *      . “Of course, ...");
 *   5. a quote that opens a sentence with none of these continues the previous
 *      quote's speaker when that quote ended in the sentence before.
 * A verb of saying without a subject of its own ("..., adding that") speaks for
 * the clause it hangs from (advcl, conj, xcomp, parataxis).
 * Indirect quotes: `X said (that) ...` (the verb's clausal complement) and
 * `according to X, ...` / `..., according to X`.
 * Speaker codes come from the coreference pass (so "He added:" gets Putin's
 * code) or, failing that, the coder's noun-phrase lookup.
 * Events whose verb lies inside a direct quote get GESTA_EV_IN_QUOTE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/dl.h"

#define MIN_QUOTE_WORDS 3
#define MAX_QUOTE_SENTS 8 /* an unclosed quote ends after this many sentences at most */

static const gesta_tok *tk(const gesta_doc *doc, uint32_t sent, uint32_t k) { return &doc->toks[doc->sents[sent].tok0 + k]; }

static int is_punct(const gesta_tok *t) {
    if (t->upos == GESTA_UPOS_PUNCT) return 1;
    unsigned char c = (unsigned char)t->form[0];
    return t->upos == GESTA_UPOS_NONE && c && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80) ;
}

/* Fills speaker fields of q from the NP headed by token h of sentence si. */
static int set_speaker(gesta_dl *dl, gesta_quote *q, uint32_t si, uint32_t h) {
    gesta_doc *doc = dl->doc;
    uint32_t b, e;
    gesta_dl_np_extent(doc, si, h, &b, &e);
    const gesta_tok *a = tk(doc, si, b), *z = tk(doc, si, e - 1);
    q->speaker = gesta_arena_strndup(doc->arena, doc->text + a->start, z->end - a->start);
    if (!q->speaker) return -1;
    q->speaker_start = a->start;
    q->speaker_end = z->end;
    const char *const *codes;
    int n = gesta_dl_codes_at(dl, si, h, &codes);
    if (n > 0) {
        q->speaker_code = codes[0];
        int32_t m = dl->tok_ment[doc->sents[si].tok0 + h];
        q->speaker_coref = (uint8_t)(m >= 0 && dl->ment[m].anaphor);
        return 0;
    }
    const char *code = NULL;
    gesta_evidence_ref ref;
    if (dl->np_code(dl->user, doc, si, h, doc->date, &code, &ref) && code) q->speaker_code = code;
    return 0;
}

/* The speaker token for a verb of saying v: its subject, or "said Putin" (a noun right after). */
static int32_t speaker_of(const gesta_doc *doc, uint32_t si, uint32_t v) {
    int32_t s = gesta_dl_subject_of(doc, si, v);
    if (s >= 0) return s;
    /* "Putin confirmed ..., adding that ...", "Putin regretted ... and stressed that ...":
     * a verb without its own subject speaks for the clause it hangs from */
    uint32_t x = v;
    for (int hop = 0; hop < 3; hop++) {
        const gesta_tok *t = tk(doc, si, x);
        if (t->head <= 0 || !t->deprel) break;
        if (strncmp(t->deprel, "advcl", 5) && strncmp(t->deprel, "conj", 4) && strncmp(t->deprel, "xcomp", 5) &&
            strncmp(t->deprel, "parataxis", 9))
            break;
        x = (uint32_t)t->head - 1;
        s = gesta_dl_subject_of(doc, si, x);
        if (s >= 0) return s;
    }
    const gesta_sent *st = &doc->sents[si];
    for (uint32_t k = v + 1; k < st->ntok && k < v + 4; k++) {
        const gesta_tok *t = tk(doc, si, k);
        if (t->upos == GESTA_UPOS_PROPN || t->upos == GESTA_UPOS_PRON || t->upos == GESTA_UPOS_NOUN) {
            /* the last word of a name run */
            while (k + 1 < st->ntok && tk(doc, si, k + 1)->upos == GESTA_UPOS_PROPN) k++;
            return (int32_t)k;
        }
        if (t->upos != GESTA_UPOS_DET && t->upos != GESTA_UPOS_ADJ) break;
    }
    return -1;
}

typedef struct qpos { uint32_t sent, tok; } qpos;

/* Global token index → (sentence, token): a binary search over the sentences,
 * which the text layer lays out in token order. */
static qpos locate(const gesta_doc *doc, uint32_t g) {
    uint32_t lo = 0, hi = doc->nsent;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const gesta_sent *s = &doc->sents[mid];
        if (g < s->tok0) hi = mid;
        else if (g >= s->tok0 + s->ntok) lo = mid + 1;
        else return (qpos){mid, g - s->tok0};
    }
    return (qpos){UINT32_MAX, 0};
}

/* A paragraph break between two tokens: a line break in plain text (one paragraph
 * per line, as news text comes), a blank line in CoNLL-U input, whose reader puts
 * each sentence on its own line and "# newpar" as a blank line. */
static int newline_between(const gesta_doc *doc, const gesta_tok *a, const gesta_tok *b) {
    int need = doc->flags & GESTA_DOC_PRETOKENIZED ? 2 : 1, n = 0;
    for (uint32_t i = a->end; i < b->start && i < doc->len; i++)
        if (doc->text[i] == '\n' && ++n >= need) return 1;
    return 0;
}

static int is_ancestor(const gesta_doc *doc, uint32_t si, uint32_t anc, uint32_t k) {
    uint32_t n = doc->sents[si].ntok;
    for (uint32_t hop = 0; hop <= n; hop++) {
        int32_t h = tk(doc, si, k)->head;
        if (h <= 0) return 0;
        k = (uint32_t)h - 1;
        if (k == anc) return 1;
    }
    return 0;
}

static int direct_quotes(gesta_dl *dl, uint8_t *in_quote) {
    gesta_doc *doc = dl->doc;
    int32_t prev_quote = -1; /* index of the previous direct quote record */
    for (uint32_t g = 0; g < doc->ntok; g++) {
        const gesta_tok *o = &doc->toks[g];
        int qc = gesta_dl_quote_char(o->form);
        if (qc != 1) continue;
        qpos op = locate(doc, g);
        if (op.sent == UINT32_MAX || doc->sents[op.sent].kind != GESTA_UNIT_PROSE) continue;
        int straight = o->form[0] == '"';
        /* find the closer, stopping at a paragraph break or 8 sentences on */
        uint32_t c = g + 1, last = g;
        int closed = 0;
        uint32_t cs = op.sent; /* the sentence of token c */
        for (; c < doc->ntok; c++) {
            const gesta_tok *t = &doc->toks[c];
            if (newline_between(doc, &doc->toks[c - 1], t)) break;
            while (cs + 1 < doc->nsent && c >= doc->sents[cs].tok0 + doc->sents[cs].ntok) cs++;
            if (cs >= op.sent + MAX_QUOTE_SENTS) break;
            int k = gesta_dl_quote_char(t->form);
            if ((straight && !strcmp(t->form, "\"")) || (!straight && k == 2)) { closed = 1; break; }
            if (!straight && k == 1) break; /* a new opening: this one never closed */
            last = c;
        }
        if (last == g) { g = c; continue; }
        uint32_t words = 0;
        for (uint32_t k = g + 1; k <= last; k++) words += !is_punct(&doc->toks[k]);
        uint32_t next = closed ? c : last;
        if (words < MIN_QUOTE_WORDS) { g = next; continue; }
        /* trim trailing punctuation that belongs to the sentence, not the words */
        uint32_t qe = last;
        while (qe > g + 1 && is_punct(&doc->toks[qe]) && strcmp(doc->toks[qe].form, ".") && strcmp(doc->toks[qe].form, "?") &&
               strcmp(doc->toks[qe].form, "!"))
            qe--;
        qpos lp = locate(doc, qe);
        gesta_quote *q = gesta_doc_add_quote(doc);
        if (!q) return -1;
        q->sentence = op.sent;
        q->last_sentence = lp.sent;
        q->direct = 1;
        q->start = doc->toks[g + 1].start;
        q->end = doc->toks[qe].end;
        q->quote = gesta_arena_strndup(doc->arena, doc->text + q->start, q->end - q->start);
        if (!q->quote) return -1;
        for (uint32_t k = g + 1; k <= qe; k++) in_quote[k] = 1;
        uint32_t qi = doc->nquote - 1;

        /* speaker */
        int32_t spk = -1;
        uint32_t spk_sent = op.sent;
        uint32_t si = op.sent, ko = op.tok;
        /* 1. said: "..." */
        if (ko >= 1) {
            const gesta_tok *p = tk(doc, si, ko - 1);
            if (!strcmp(p->form, ":") || !strcmp(p->form, ",")) {
                for (uint32_t k = ko - 1; k-- > 0;) {
                    if (gesta_dl_speech_verb(tk(doc, si, k))) { spk = speaker_of(doc, si, k); break; }
                }
            }
        }
        /* 2. "...," X said */
        if (spk < 0 && closed) {
            qpos cp = locate(doc, c);
            const gesta_sent *cst = &doc->sents[cp.sent];
            for (uint32_t k = cp.tok + 1; k < cst->ntok && k <= cp.tok + 5; k++) {
                if (gesta_dl_speech_verb(tk(doc, cp.sent, k))) {
                    spk = speaker_of(doc, cp.sent, k);
                    spk_sent = cp.sent;
                    break;
                }
            }
        }
        /* 3. the verb of saying the quoted words hang from (unparsed: the nearest before) */
        if (spk < 0) {
            const gesta_sent *s = &doc->sents[si];
            for (uint32_t k = ko; k-- > 0 && spk < 0;) {
                const gesta_tok *v = tk(doc, si, k);
                if (!gesta_dl_speech_verb(v)) continue;
                int hangs = v->head < 0;
                /* the quote's first words are enough to tell, and keep this linear */
                for (uint32_t j = ko + 1; j < s->ntok && j <= ko + 4 && !hangs; j++) hangs = is_ancestor(doc, si, k, j);
                if (hangs) spk = speaker_of(doc, si, k);
            }
        }
        /* 4. no verb of saying in its sentence: the last one of the sentence before,
         * in the same paragraph ("He added that ... . “Of course, ...") */
        if (spk < 0 && si > 0 && doc->sents[si - 1].kind == GESTA_UNIT_PROSE && doc->sents[si - 1].ntok &&
            !newline_between(doc, tk(doc, si - 1, doc->sents[si - 1].ntok - 1), tk(doc, si, 0))) {
            int said_here = 0;
            for (uint32_t k = 0; k < doc->sents[si].ntok && !said_here; k++)
                said_here = !in_quote[doc->sents[si].tok0 + k] && gesta_dl_speech_verb(tk(doc, si, k));
            for (uint32_t k = doc->sents[si - 1].ntok; !said_here && k-- > 0 && spk < 0;)
                if (!in_quote[doc->sents[si - 1].tok0 + k] && gesta_dl_speech_verb(tk(doc, si - 1, k))) {
                    spk = speaker_of(doc, si - 1, k);
                    spk_sent = si - 1;
                }
        }
        /* 5. a quote opening its sentence continues the previous speaker */
        if (spk < 0 && ko == 0 && prev_quote >= 0) {
            const gesta_quote *pq = &doc->quotes[prev_quote];
            if (pq->last_sentence + 1 >= op.sent && pq->speaker && *pq->speaker) {
                q->speaker = pq->speaker;
                q->speaker_code = pq->speaker_code;
                q->speaker_start = pq->speaker_start;
                q->speaker_end = pq->speaker_end;
                q->speaker_coref = pq->speaker_coref;
            }
        }
        if (spk >= 0 && set_speaker(dl, &doc->quotes[qi], spk_sent, (uint32_t)spk) < 0) return -1;
        prev_quote = (int32_t)qi;
        g = next;
    }
    return 0;
}

/* Tokens [b,e) of the subtree of token r (contiguous hull). */
static void subtree(const gesta_doc *doc, uint32_t si, uint32_t r, uint32_t *b, uint32_t *e) {
    uint32_t lo = r, hi = r;
    const gesta_sent *s = &doc->sents[si];
    if (s->ntok > 400) { /* a runaway "sentence": take the rest of it rather than go quadratic */
        *b = r;
        *e = s->ntok;
        return;
    }
    for (uint32_t k = 0; k < s->ntok; k++)
        if (k != r && is_ancestor(doc, si, r, k)) {
            if (k < lo) lo = k;
            if (k > hi) hi = k;
        }
    *b = lo;
    *e = hi + 1;
}

static int add_indirect(gesta_dl *dl, uint32_t si, uint32_t b, uint32_t e, int32_t spk_sent, int32_t spk) {
    gesta_doc *doc = dl->doc;
    while (e > b && is_punct(tk(doc, si, e - 1))) e--;
    while (b < e && is_punct(tk(doc, si, b))) b++;
    /* a quoted phrase the clause ends on ("were “positive”"): keep its closing mark */
    int open = 0;
    for (uint32_t k = b; k < e; k++) {
        int q = gesta_dl_quote_char(tk(doc, si, k)->form);
        if (q == 1 && strcmp(tk(doc, si, k)->form, "\"")) open++;
        else if (q == 2 && open > 0) open--;
        else if (q == 1) open = !open; /* straight marks alternate */
    }
    if (open > 0 && e < doc->sents[si].ntok && gesta_dl_quote_char(tk(doc, si, e)->form)) e++;
    if (b < e && tk(doc, si, b)->norm && !strcmp(tk(doc, si, b)->norm, "that")) b++;
    uint32_t words = 0;
    for (uint32_t k = b; k < e; k++) words += !is_punct(tk(doc, si, k));
    if (words < MIN_QUOTE_WORDS) return 0;
    gesta_quote *q = gesta_doc_add_quote(doc);
    if (!q) return -1;
    q->sentence = q->last_sentence = si;
    q->direct = 0;
    q->start = tk(doc, si, b)->start;
    q->end = tk(doc, si, e - 1)->end;
    q->quote = gesta_arena_strndup(doc->arena, doc->text + q->start, q->end - q->start);
    if (!q->quote) return -1;
    if (spk >= 0 && set_speaker(dl, q, (uint32_t)spk_sent, (uint32_t)spk) < 0) return -1;
    return 0;
}

static int indirect_quotes(gesta_dl *dl, const uint8_t *in_quote) {
    gesta_doc *doc = dl->doc;
    for (uint32_t si = 0; si < doc->nsent; si++) {
        const gesta_sent *s = &doc->sents[si];
        if (s->kind != GESTA_UNIT_PROSE) continue;
        for (uint32_t k = 0; k < s->ntok; k++) {
            const gesta_tok *t = tk(doc, si, k);
            if (in_quote[s->tok0 + k]) continue;
            /* according to X, ... / ..., according to X */
            if (t->norm && !strcmp(t->norm, "according") && k + 2 < s->ntok && tk(doc, si, k + 1)->norm &&
                !strcmp(tk(doc, si, k + 1)->norm, "to")) {
                uint32_t xb = k + 2, xe = xb;
                while (xe < s->ntok && !is_punct(tk(doc, si, xe))) xe++;
                if (xe == xb) continue;
                uint32_t h = gesta_dl_span_head(doc, si, xb, xe);
                int rc;
                if (k <= 1)
                    rc = add_indirect(dl, si, xe, s->ntok, (int32_t)si, (int32_t)h);
                else
                    rc = add_indirect(dl, si, 0, k, (int32_t)si, (int32_t)h);
                if (rc < 0) return -1;
                continue;
            }
            if (!gesta_dl_speech_verb(t)) continue;
            int32_t spk = speaker_of(doc, si, k);
            if (t->head >= 0) {
                for (uint32_t j = k + 1; j < s->ntok; j++) {
                    const gesta_tok *c = tk(doc, si, j);
                    if (c->head != (int32_t)k + 1 || !c->deprel || strcmp(c->deprel, "ccomp")) continue;
                    uint32_t b, e;
                    subtree(doc, si, j, &b, &e);
                    if (b <= k) b = k + 1;
                    int direct = 0;
                    for (uint32_t x = b; x < e && !direct; x++) direct = in_quote[s->tok0 + x];
                    if (!direct && add_indirect(dl, si, b, e, (int32_t)si, spk) < 0) return -1;
                    break;
                }
            } else if (k + 1 < s->ntok && tk(doc, si, k + 1)->norm && !strcmp(tk(doc, si, k + 1)->norm, "that")) {
                uint32_t e = k + 2;
                while (e < s->ntok && !in_quote[s->tok0 + e]) e++;
                if (add_indirect(dl, si, k + 1, e, (int32_t)si, spk) < 0) return -1;
            }
        }
    }
    return 0;
}

/* The direct quote holding byte b, or NULL. */
static const gesta_quote *quote_at(const gesta_doc *doc, uint32_t b) {
    for (uint32_t i = 0; i < doc->nquote; i++)
        if (doc->quotes[i].direct && b >= doc->quotes[i].start && b < doc->quotes[i].end) return &doc->quotes[i];
    return NULL;
}

/*
 * "I" and "we" inside a direct quote are its speaker: an event coded in the quote
 * with an empty side on a first-person pronoun ("... then we will put them before
 * the American side") takes the speaker's code (flag coref-source/-target). Such
 * an event whose quote has no coded speaker is removed, like other unresolved
 * pronoun events (kept with GESTA_COREF_KEEP=1).
 */
static int first_person(gesta_dl *dl) {
    gesta_doc *doc = dl->doc;
    const uint32_t DROP = 1u << 31;
    for (uint32_t i = 0; i < doc->nevent; i++) {
        gesta_event *e = &doc->events[i];
        if (e->sentence >= doc->nsent) continue;
        const gesta_sent *s = &doc->sents[e->sentence];
        for (int side = 0; side < 2; side++) {
            gesta_span sp = side ? e->tgt_span : e->src_span;
            const char *cur = side ? e->target : e->source;
            if ((cur && *cur) || sp.begin < 0 || sp.begin >= sp.end || (uint32_t)sp.end > s->ntok) continue;
            uint32_t h = gesta_dl_span_head(doc, e->sentence, (uint32_t)sp.begin, (uint32_t)sp.end);
            const gesta_tok *t = tk(doc, e->sentence, h);
            if (!gesta_dl_first_person(t->norm) || !strcmp(t->form, "US")) continue; /* "US" the country */
            const gesta_quote *q = quote_at(doc, t->start);
            if (q && q->speaker_code && *q->speaker_code) {
                if (side) { e->target = q->speaker_code; e->flags |= GESTA_EV_COREF_TGT; }
                else { e->source = q->speaker_code; e->flags |= GESTA_EV_COREF_SRC; }
            } else if (!dl->cfg.keep_unresolved) {
                e->flags |= DROP;
            }
        }
    }
    uint32_t w = 0;
    for (uint32_t r = 0; r < doc->nevent; r++) {
        if (doc->events[r].flags & DROP) continue;
        if (w != r) doc->events[w] = doc->events[r];
        w++;
    }
    doc->nevent = w;
    return 0;
}

int gesta_dl_quotes(gesta_dl *dl) {
    gesta_doc *doc = dl->doc;
    if (doc->ntok == 0) return GESTA_OK;
    uint8_t *in_quote = gesta_arena_calloc(doc->arena, doc->ntok, 1);
    if (!in_quote) return GESTA_ENOMEM;
    if (direct_quotes(dl, in_quote) < 0) return GESTA_ENOMEM;
    if (indirect_quotes(dl, in_quote) < 0) return GESTA_ENOMEM;
    for (uint32_t i = 0; i < doc->nevent; i++) {
        gesta_event *e = &doc->events[i];
        if (e->sentence >= doc->nsent || e->verb_span.begin < 0) continue;
        uint32_t g = doc->sents[e->sentence].tok0 + (uint32_t)e->verb_span.begin;
        if (g < doc->ntok && in_quote[g]) e->flags |= GESTA_EV_IN_QUOTE;
    }
    return first_person(dl) < 0 ? GESTA_ENOMEM : GESTA_OK;
}
