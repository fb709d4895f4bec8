/* Loading a dictionary set: named files, or gesta's own from data_dir/dict. */
#include <glob.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "coder/dict.h"

static int load_one(dict_ctx *c, int (*fn)(dict_ctx *, const char *), const char *path, gesta_error *err) {
    c->cur = -1;
    int rc = fn(c, path);
    if (rc == -1) return gesta_error_set(err, GESTA_EDICT, path, 0, 0, "cannot read dictionary file");
    return rc;
}

int dict_load_files(struct gesta_dicts **out, const dict_files *f, gesta_engine *warn,
                    void (*report)(void *, const char *), void *arg, int check, gesta_error *err) {
    *out = NULL;
    struct gesta_dicts *d;
    int rc = dict_new(&d);
    if (rc < 0) return gesta_error_set(err, rc, NULL, 0, 0, "out of memory");
    dict_ctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.warn = warn;
    c.report = report;
    c.report_arg = arg;
    c.check = check;
    c.file = "";
    if (f->verbs && (rc = load_one(&c, dict_load_verbs, f->verbs, err)) < 0) goto fail;
    for (int i = 0; i < f->nactors; i++)
        if ((rc = load_one(&c, dict_load_actors, f->actors[i], err)) < 0) goto fail;
    if (f->agents && (rc = load_one(&c, dict_load_agents, f->agents, err)) < 0) goto fail;
    if (f->discards && (rc = load_one(&c, dict_load_discards, f->discards, err)) < 0) goto fail;
    if (f->issues && (rc = load_one(&c, dict_load_issues, f->issues, err)) < 0) goto fail;
    if ((rc = dict_finish_verbs(d)) < 0) goto fail;
    if (check) dict_check_actors(&c);
    *out = d;
    return GESTA_OK;
fail:
    if (rc == GESTA_ENOMEM) gesta_error_set(err, rc, NULL, 0, 0, "out of memory loading dictionaries");
    gesta_dicts_free(d);
    return rc;
}

/* gesta's own dictionary of a kind, when present: data_dir/dict/gesta.KIND.txt */
static const char *own(char *buf, size_t cap, const char *data_dir, const char *kind) {
    snprintf(buf, cap, "%s/dict/gesta.%s.txt", data_dir, kind);
    return access(buf, R_OK) == 0 ? buf : NULL;
}

int gesta_dicts_load(struct gesta_dicts **out, const gesta_engine_options *opts, const char *data_dir,
                     gesta_engine *warn_sink, gesta_error *err) {
    dict_files f;
    memset(&f, 0, sizeof f);
    char vb[1200], ag[1200], ds[1200], is[1200];
    if (!data_dir) data_dir = ".";
    f.verbs = opts->verb_file ? opts->verb_file : own(vb, sizeof vb, data_dir, "verbs");
    f.agents = opts->agent_file ? opts->agent_file : own(ag, sizeof ag, data_dir, "agents");
    f.discards = opts->discard_file ? opts->discard_file : own(ds, sizeof ds, data_dir, "discards");
    f.issues = opts->issue_file ? opts->issue_file : own(is, sizeof is, data_dir, "issues");
    glob_t g;
    memset(&g, 0, sizeof g);
    if (opts->actor_files) {
        for (int i = 0; opts->actor_files[i] && f.nactors < 64; i++) f.actors[f.nactors++] = opts->actor_files[i];
    } else {
        char pat[1200];
        snprintf(pat, sizeof pat, "%s/dict/gesta.*actors.txt", data_dir);
        if (glob(pat, 0, NULL, &g) == 0)
            for (size_t i = 0; i < g.gl_pathc && f.nactors < 64; i++) f.actors[f.nactors++] = g.gl_pathv[i];
    }
    int rc = dict_load_files(out, &f, warn_sink, NULL, NULL, 0, err);
    globfree(&g);
    return rc;
}
