/*
 * Contradictions: a person described with roles that cannot all be true.
 *
 * A described name is a run of title words right before a capitalised name:
 * "Russian President Vladimir Putin", "US Prime Minister Joe Biden". The title
 * gives a country (a nationality word or short country name: "Russian", "US")
 * and an office ("president", "prime minister", "chancellor", "king", ...).
 * Names are the same person when their last words match ("Joe Biden", "Biden").
 *
 * Two checks, each a flag record of kind "role-conflict":
 *   - within the document: one person with two different countries, or two
 *     different heads-of-government offices ("president" vs "prime minister"),
 *     unless a title says "former"/"ex"/"then"/"acting"/"deputy"/"vice";
 *   - against the actor dictionary: the person's entry, through the coder's
 *     gesta_coder_actor_roles(), has a code valid on the document date whose
 *     country (its first three letters) differs from the description's.
 * Each message names both descriptions, their sentences and, when the
 * dictionary knows the person, the dictionary line.
 */
#include <stdio.h>
#include <string.h>

#include "doc/dl.h"

typedef struct described {
    uint32_t sent, tb, te, nb, ne;   /* title [tb,te), name [nb,ne) */
    const char *title, *name;        /* their words as written */
    const char *key;                 /* last name word, folded */
    const char *country;             /* ISO alpha-3 or NULL */
    char office[32];                 /* "president", "prime-minister", "" */
    int hedged;                      /* former / acting / deputy ... */
} described;

static const gesta_tok *tk(const gesta_doc *doc, uint32_t sent, uint32_t k) { return &doc->toks[doc->sents[sent].tok0 + k]; }

static int cap(const char *f) {
    unsigned char c = (unsigned char)f[0];
    return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

static int title_word(const char *n) {
    static const char *const extra[] = {"prime", "foreign", "defence", "defense", "deputy", "vice", "former",
                                        "acting", "interior", "finance", "state", "ex", "then", "chief"};
    if (gesta_dl_person_noun(n)) return 1;
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (!strcmp(n, extra[i])) return 1;
    return 0;
}

static int hedge_word(const char *n) {
    return !strcmp(n, "former") || !strcmp(n, "ex") || !strcmp(n, "then") || !strcmp(n, "acting") ||
           !strcmp(n, "deputy") || !strcmp(n, "vice");
}

static const char *span_text(gesta_doc *doc, uint32_t si, uint32_t b, uint32_t e) {
    const gesta_tok *a = tk(doc, si, b), *z = tk(doc, si, e - 1);
    return gesta_arena_strndup(doc->arena, doc->text + a->start, z->end - a->start);
}

static int collect(gesta_dl *dl, described **out, uint32_t *nout) {
    gesta_doc *doc = dl->doc;
    described *ds = NULL;
    uint32_t n = 0, capn = 0;
    for (uint32_t si = 0; si < doc->nsent; si++) {
        const gesta_sent *s = &doc->sents[si];
        if (s->kind != GESTA_UNIT_PROSE) continue;
        for (uint32_t k = 0; k < s->ntok; k++) {
            const gesta_tok *t = tk(doc, si, k);
            const char *nm = t->norm ? t->norm : "";
            if (!cap(t->form) || !(gesta_dl_demonym(nm) || title_word(nm))) continue;
            /* a title run: nationality and title words, capitalised */
            uint32_t tb = k, te = k;
            while (te < s->ntok) {
                const gesta_tok *u = tk(doc, si, te);
                const char *un = u->norm ? u->norm : "";
                if (!cap(u->form) || !(gesta_dl_demonym(un) || title_word(un))) break;
                te++;
            }
            uint32_t nb = te, ne = te;
            while (ne < s->ntok && cap(tk(doc, si, ne)->form) && !gesta_dl_quote_char(tk(doc, si, ne)->form) &&
                   tk(doc, si, ne)->upos != GESTA_UPOS_PUNCT)
                ne++;
            k = te > k ? te - 1 : k;
            if (ne == nb) continue;
            described d;
            memset(&d, 0, sizeof d);
            d.sent = si; d.tb = tb; d.te = te; d.nb = nb; d.ne = ne;
            d.key = tk(doc, si, ne - 1)->norm;
            for (uint32_t j = tb; j < te; j++) {
                const char *w = tk(doc, si, j)->norm;
                if (!w) continue;
                if (!d.country && gesta_dl_demonym(w)) d.country = gesta_dl_demonym(w);
                if (hedge_word(w)) d.hedged = 1;
                if (!strcmp(w, "minister") && j > tb && tk(doc, si, j - 1)->norm && !strcmp(tk(doc, si, j - 1)->norm, "prime"))
                    snprintf(d.office, sizeof d.office, "prime-minister");
                else if (gesta_dl_office_title(w))
                    snprintf(d.office, sizeof d.office, "%s", w);
            }
            if (!d.country && !d.office[0]) continue;
            d.title = span_text(doc, si, tb, te);
            d.name = span_text(doc, si, nb, ne);
            if (!d.title || !d.name) return -1;
            if (n == capn) {
                uint32_t nc = capn ? capn * 2 : 16;
                void *p = gesta_arena_grow(doc->arena, ds, n, nc, sizeof *ds);
                if (!p) return -1;
                ds = p;
                capn = nc;
            }
            ds[n++] = d;
            k = ne - 1;
        }
    }
    *out = ds;
    *nout = n;
    return 0;
}


/* The dictionary's code for the person on the document date; 1 when found. */
static int dict_role(gesta_dl *dl, const described *d, gesta_actor_role *out) {
    gesta_actor_role roles[16];
    uint32_t ntok = 0;
    int n = dl->actor_roles(dl->user, dl->doc, d->sent, d->nb, roles, 16, &ntok);
    const char *date = dl->doc->date;
    for (int i = 0; i < n && i < 16; i++) {
        const gesta_actor_role *r = &roles[i];
        if (!r->code) continue;
        if (date[0] && r->from[0] && strcmp(date, r->from) < 0) continue;
        if (date[0] && r->to[0] && strcmp(date, r->to) > 0) continue;
        *out = *r;
        return 1;
    }
    return 0;
}

static const char *dict_note(gesta_dl *dl, const described *d, const gesta_actor_role *r) {
    (void)d;
    char from[16], to[16];
    snprintf(from, sizeof from, "%s", r->from[0] ? r->from : "any time");
    snprintf(to, sizeof to, "%s", r->to[0] ? r->to : "open");
    return gesta_arena_printf(dl->doc->arena, "the actor dictionary gives %s on %s (valid %s..%s; %s:%u: %s)", r->code,
                              dl->doc->date[0] ? dl->doc->date : "the document date", from, to,
                              r->ref.file ? r->ref.file : "?", r->ref.line, r->ref.text ? r->ref.text : "");
}

int gesta_dl_consistency(gesta_dl *dl) {
    gesta_doc *doc = dl->doc;
    described *ds;
    uint32_t n;
    if (collect(dl, &ds, &n) < 0) return GESTA_ENOMEM;
    for (uint32_t j = 0; j < n; j++) {
        const described *b = &ds[j];
        const char *bt = b->title, *bn = b->name;
        gesta_actor_role role;
        memset(&role, 0, sizeof role);
        int have_role = dict_role(dl, b, &role);
        int flagged = 0;
        /* within the document: against each earlier description of the same person */
        for (uint32_t i = 0; i < j && !flagged; i++) {
            const described *a = &ds[i];
            if (!a->key || !b->key || strcmp(a->key, b->key) || a->hedged || b->hedged) continue;
            int country_clash = a->country && b->country && strcmp(a->country, b->country);
            int office_clash = a->office[0] && b->office[0] && strcmp(a->office, b->office);
            if (!country_clash && !office_clash) continue;
            const char *at = a->title, *an = a->name;
            if (!strcmp(at, bt)) continue;
            if (!have_role) have_role = dict_role(dl, a, &role);
            const char *note = have_role ? dict_note(dl, a, &role) : "the actor dictionary has no dated entry for this name";
            if (!note) return GESTA_ENOMEM;
            gesta_flag *f = gesta_doc_add_flag(doc, (int32_t)b->sent, "role-conflict",
                                               "\"%s %s\" (sentence %u) and \"%s %s\" (sentence %u) describe one person "
                                               "with %s%s%s; %s",
                                               at, an, a->sent, bt, bn, b->sent,
                                               country_clash ? "different countries" : "",
                                               country_clash && office_clash ? " and " : "",
                                               office_clash ? "different offices" : "", note);
            if (!f) return GESTA_ENOMEM;
            f->start = tk(doc, b->sent, b->tb)->start;
            f->end = tk(doc, b->sent, b->ne - 1)->end;
            flagged = 1;
        }
        /* against the dictionary */
        if (!flagged && !b->hedged && have_role && b->country && strlen(role.code) >= 3 &&
            strncmp(role.code, b->country, 3) != 0) {
            const char *note = dict_note(dl, b, &role);
            if (!note) return GESTA_ENOMEM;
            gesta_flag *f = gesta_doc_add_flag(doc, (int32_t)b->sent, "role-conflict",
                                               "\"%s %s\" (sentence %u): the description says %s but %s", bt, bn,
                                               b->sent, b->country, note);
            if (!f) return GESTA_ENOMEM;
            f->start = tk(doc, b->sent, b->tb)->start;
            f->end = tk(doc, b->sent, b->ne - 1)->end;
        }
    }
    return GESTA_OK;
}
