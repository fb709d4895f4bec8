/*
 * The document layer: runs after the coder on a whole document. Each pass lives
 * in its own file (see dl.h); this file wires them to the engine and sets the
 * order: boilerplate → coreference → quotes → dates → places → duplicates →
 * consistency. Coreference comes first because quotes (speakers), places (the
 * actors' countries) and duplicates (complete source/target) use what it fills.
 */
#include <stdlib.h>
#include <string.h>

#include "doc/dl.h"
#include "doc/doclayer.h"

static int env_int(const char *name, int def) {
    const char *v = getenv(name);
    if (!v || !*v) return def;
    char *end;
    long x = strtol(v, &end, 10);
    return *end || x < -1 || x > 100000 ? def : (int)x;
}

void gesta_dl_config_from_env(gesta_dl_config *cfg) {
    cfg->dedup_days = env_int("GESTA_DEDUP_DAYS", 1);
    cfg->dedup_off = cfg->dedup_days < 0;
    if (cfg->dedup_days < 0) cfg->dedup_days = 0;
    const char *m = getenv("GESTA_DEDUP_MATCH");
    cfg->dedup_by_root = m && !strcmp(m, "root");
    cfg->coref_window = env_int("GESTA_COREF_WINDOW", 4);
    if (cfg->coref_window < 0) cfg->coref_window = 4;
    cfg->keep_unresolved = env_int("GESTA_COREF_KEEP", 0) > 0;
}

static int hook_np(void *user, const gesta_doc *doc, uint32_t sent, uint32_t head, const char *date,
                   const char **code, gesta_evidence_ref *ref) {
    const gesta_engine *e = user;
    if (!e || !e->dicts) return 0;
    return gesta_coder_np_code(e, doc, sent, head, date, code, ref);
}

static int hook_roles(void *user, const gesta_doc *doc, uint32_t sent, uint32_t tok, gesta_actor_role *out,
                      int max, uint32_t *ntok) {
    const gesta_engine *e = user;
    *ntok = 0;
    if (!e || !e->dicts) return 0;
    return gesta_coder_actor_roles(e, doc, sent, tok, out, max, ntok);
}

int gesta_dl_init(gesta_dl *dl, const gesta_engine *engine, gesta_doc *doc) {
    memset(dl, 0, sizeof *dl);
    dl->engine = engine;
    dl->doc = doc;
    dl->np_code = hook_np;
    dl->actor_roles = hook_roles;
    dl->user = (void *)engine;
    dl->gaz = engine ? engine->gazetteer : NULL;
    const gesta_dl_config *c = gesta_gazetteer_config(dl->gaz);
    if (c) dl->cfg = *c;
    else gesta_dl_config_from_env(&dl->cfg);
    return GESTA_OK;
}

/* The passes walk head chains: a head outside its sentence (a broken given parse)
 * would send them out of bounds, so such heads are dropped (-1 = no parse) first. */
static void drop_bad_heads(gesta_doc *doc) {
    for (uint32_t s = 0; s < doc->nsent; s++) {
        const gesta_sent *st = &doc->sents[s];
        if (st->tok0 > doc->ntok || st->ntok > doc->ntok - st->tok0) continue;
        for (uint32_t k = 0; k < st->ntok; k++) {
            gesta_tok *t = &doc->toks[st->tok0 + k];
            if (t->head > (int32_t)st->ntok || t->head == (int32_t)k + 1) t->head = -1;
        }
    }
}

int gesta_dl_run_all(gesta_dl *dl) {
    int rc;
    const gesta_doc *doc = dl->doc;
    for (uint32_t s = 0; s < doc->nsent; s++)
        if (doc->sents[s].tok0 > doc->ntok || doc->sents[s].ntok > doc->ntok - doc->sents[s].tok0)
            return GESTA_OK; /* an inconsistent document: nothing here can be trusted */
    drop_bad_heads(dl->doc);
    if ((rc = gesta_dl_boilerplate(dl)) < 0) return rc;
    if ((rc = gesta_dl_coref(dl)) < 0) return rc;
    if ((rc = gesta_dl_quotes(dl)) < 0) return rc;
    if ((rc = gesta_dl_dates(dl)) < 0) return rc;
    if ((rc = gesta_dl_places(dl)) < 0) return rc;
    if ((rc = gesta_dl_dedup(dl)) < 0) return rc;
    if ((rc = gesta_dl_consistency(dl)) < 0) return rc;
    return GESTA_OK;
}

int gesta_doclayer_run(const gesta_engine *engine, gesta_doc *doc) {
    gesta_dl dl;
    int rc = gesta_dl_init(&dl, engine, doc);
    if (rc < 0) return rc;
    return gesta_dl_run_all(&dl);
}
