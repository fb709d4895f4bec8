/*
 * gesta dict check FILE... : loads dictionaries the way gesta code does and lists
 * every problem as FILE:LINE: message (malformed lines, bad or overlapping dates,
 * codes outside CAMEO, patterns that can never match). Exit 1 when any.
 * A file's kind comes from its option (--verbs, --actors, ...) or its name
 * (*verbs*, *actors*, *agents*, *discards*, *issues*), else from its content.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "coder/dict.h"

typedef struct check_ctx { long n; FILE *out; } check_ctx;

static void show(void *arg, const char *msg) {
    check_ctx *c = arg;
    c->n++;
    fprintf(c->out, "%s\n", msg);
}

static int name_has(const char *path, const char *what) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(what);
    for (const char *p = base; *p; p++)
        if (!strncasecmp(p, what, n)) return 1;
    return 0;
}

enum { K_VERBS, K_ACTORS, K_AGENTS, K_DISCARDS, K_ISSUES };
static const char *const kind_name[] = {"verbs", "actors", "agents", "discards", "issues"};

/* Guesses a file's kind from its first meaningful lines. */
static int sniff(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) return K_VERBS;
    char line[4096];
    int kind = K_ACTORS;
    for (int i = 0; i < 400 && fgets(line, sizeof line, f); i++) {
        if (!strncmp(line, "---", 3) || line[0] == '&') { kind = K_VERBS; break; }
        if (strstr(line, "[~") || strstr(line, "~]")) { kind = K_AGENTS; break; }
        if (strstr(line, "n:") || strstr(line, "<ISSUE")) { kind = K_ISSUES; break; }
    }
    fclose(f);
    return kind;
}

static int check(cli_opts *o);

int cmd_dict(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "check")) {
        fprintf(stderr, "usage: gesta dict check [--verbs F] [--actors F,...] [--agents F] [--discards F] [--issues F] "
                        "[FILE...]\n");
        return argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) ? CLI_EXIT_OK : CLI_EXIT_USAGE;
    }
    cli_opts o;
    int rc = cli_parse_options(argc - 1, argv + 1, "dict check", NULL, &o);
    if (rc) return rc;
    return check(&o);
}

static int check(cli_opts *o) {
    int rc;
    dict_files f;
    memset(&f, 0, sizeof f);
    f.verbs = o->verbs;
    f.agents = o->agents;
    f.discards = o->discards;
    f.issues = o->issues;
    for (int i = 0; i < o->nactors && f.nactors < 64; i++) f.actors[f.nactors++] = o->actors[i];
    int clash = 0;
    for (int i = 0; i < o->nfiles; i++) {
        const char *p = o->files[i];
        int kind = name_has(p, "verb") ? K_VERBS : name_has(p, "actor") ? K_ACTORS
                 : name_has(p, "agent") ? K_AGENTS : name_has(p, "discard") ? K_DISCARDS
                 : name_has(p, "issue") ? K_ISSUES : sniff(p);
        const char **slot = kind == K_VERBS ? &f.verbs : kind == K_AGENTS ? &f.agents
                          : kind == K_DISCARDS ? &f.discards : kind == K_ISSUES ? &f.issues : NULL;
        if (!slot) {
            if (f.nactors < 64) f.actors[f.nactors++] = p;
            continue;
        }
        if (*slot) {
            /* one dictionary of each kind per check: run the others separately */
            fprintf(stderr, "gesta dict check: %s: a second %s file (check it on its own)\n", p, kind_name[kind]);
            clash = 1;
            continue;
        }
        *slot = p;
    }
    if (!f.verbs && !f.agents && !f.discards && !f.issues && !f.nactors) {
        fprintf(stderr, "gesta dict check: no dictionary files given\n");
        return CLI_EXIT_USAGE;
    }
    check_ctx c = {0, stdout};
    struct gesta_dicts *d = NULL;
    gesta_error err = {0};
    rc = dict_load_files(&d, &f, NULL, show, &c, 1, &err);
    if (rc < 0) {
        cli_report(&err);
        return CLI_EXIT_USAGE;
    }
    fprintf(stderr, "gesta dict check: %ld problem%s; %u verb patterns, %u verb forms, %u synsets, %u actors, %u agents, "
                    "%u discards, %u issues\n",
            c.n, c.n == 1 ? "" : "s", d->npat, d->nform, d->nsyn, d->nactor, d->nagent, d->ndiscard, d->nissue);
    gesta_dicts_free(d);
    fflush(stdout);
    return c.n || clash ? CLI_EXIT_SOME_BAD : CLI_EXIT_OK;
}
