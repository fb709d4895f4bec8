/*
 * Discards: a sentence (or, with "+", the whole story) holding a discard phrase is
 * not coded. Phrases match on the tokens' forms; a phrase not ending in "_" may
 * end in a stem ("BASEBALL" also finds "baseballs").
 */
#include <string.h>

#include "coder/sentview.h"

int sv_discarded(const sentview *sv, int *story) {
    const struct gesta_dicts *d = sv->d;
    if (!d->ndiscard) return 0;
    for (int32_t i = 0; i < sv->n; i++) {
        const char *norm = sv->tk[i].t->norm;
        if (!norm) continue;
        size_t L = strlen(norm);
        /* the first word exactly, or as a one-word stem of this token: only the
         * stem lengths some discard has are looked up */
        uint64_t one;
        /* no one-word stem begins like this token: only the exact word can match */
        int stems = L >= 4 && d->stem_pre && gesta_strmap_get(d->stem_pre, norm, 4, &one);
        for (int k = 0; k < d->nshort_stem && !stems; k++) {
            const char *sw = dict_word_text(d, d->short_stem[k]);
            stems = !strncmp(norm, sw, strlen(sw));
        }
        for (size_t cut = L; cut >= 1; cut--) {
            if (cut != L && !stems) break;
            if (cut != L && (cut >= 64 || !((d->stem_lens >> cut) & 1))) continue;
            uint32_t w = cut == L ? sv->tk[i].nid : dict_word_find(d, norm, cut);
            if (w == NO_WORD || !dict_wflag(d, w, WF_DISCARD)) continue;
            for (int32_t p = dict_phrase_first(&d->discard_phr, w); p >= 0; p = d->discard_phr.p[p].next) {
                const phrase *ph = &d->discard_phr.p[p];
                if (cut != L && !(ph->stem && ph->n == 1)) continue;
                if (i + ph->n > sv->n) continue;
                int ok = 1;
                for (uint16_t k = 1; k < ph->n && ok; k++) {
                    const char *tn = sv->tk[i + k].t->norm;
                    const char *pw = dict_word_text(d, ph->w[k]);
                    ok = tn && (!strcmp(tn, pw) || (k == ph->n - 1 && ph->stem && !strncmp(tn, pw, strlen(pw))));
                }
                if (ok) {
                    *story = d->discards[ph->payload].story;
                    return 1;
                }
            }
        }
    }
    return 0;
}

/*
 * Issues: the codes of the issue phrases in the sentence, joined by ";" in file
 * order of first mention, or NULL. An ignore phrase ("~famine relief") anywhere in
 * the sentence cancels them all, as in PETRARCH.
 */
const char *sv_issues(const sentview *sv, gesta_arena *a) {
    const struct gesta_dicts *d = sv->d;
    if (!d->nissue) return NULL;
    const char *found[16];
    int nf = 0;
    for (int32_t i = 0; i < sv->n; i++) {
        uint32_t w = sv->tk[i].nid;
        if (!dict_wflag(d, w, WF_ISSUE)) continue;
        for (int32_t p = dict_phrase_first(&d->issue_phr, w); p >= 0; p = d->issue_phr.p[p].next) {
            const phrase *ph = &d->issue_phr.p[p];
            if (i + ph->n > sv->n) continue;
            int ok = 1;
            for (uint16_t k = 1; k < ph->n && ok; k++) ok = sv->tk[i + k].nid == ph->w[k];
            if (!ok) continue;
            const char *code = d->issues[ph->payload].code;
            if (!code) return NULL;
            int dup = 0;
            for (int k = 0; k < nf; k++) dup |= !strcmp(found[k], code);
            if (!dup && nf < 16) found[nf++] = code;
            break;
        }
    }
    if (!nf) return NULL;
    size_t len = 0;
    for (int k = 0; k < nf; k++) len += strlen(found[k]) + 1;
    char *out = gesta_arena_alloc(a, len);
    if (!out) return NULL;
    char *q = out;
    for (int k = 0; k < nf; k++) {
        size_t L = strlen(found[k]);
        memcpy(q, found[k], L);
        q += L;
        *q++ = k + 1 < nf ? ';' : '\0';
    }
    return out;
}
