#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char common_help[] =
    "common options:\n"
    "  --input-format text|jsonl|petrarch-xml|conllu   (default: detected; .gz read transparently)\n"
    "  --date YYYY-MM-DD     document date when the input carries none\n"
    "  --format FMT          output format\n"
    "  -o FILE               write there instead of stdout\n"
    "  -j N                  worker threads (default 1)\n"
    "  --data DIR            gesta's data folder (default: $GESTA_DATA, then the build's data/)\n"
    "  --model FILE          tagger/parser model\n"
    "  --parse-search N      parser search: 0 greedy (fastest), N: retry the N least certain\n"
    "                        decisions (default 4; more is slower and barely better)\n"
    "dictionary options (code):\n"
    "  --verbs FILE  --actors FILE[,FILE...]  --agents FILE  --discards FILE  --issues FILE\n"
    "  --use-parse           code from the parse embedded in petrarch-xml or conllu input\n"
    "  --db FILE             also store everything in a SQLite database\n";

static const char *command_help;

void cli_set_help(const char *text) { command_help = text; }

/* Does `own` (comma-separated "--name" or "--name=") list name? Returns 1 flag, 2 valued, 0 no. */
static int own_kind(const char *own, const char *name) {
    if (!own) return 0;
    size_t nl = strlen(name);
    const char *p = own;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l && p[l - 1] == '=' && l - 1 == nl && !strncmp(p, name, nl)) return 2;
        if (l == nl && !strncmp(p, name, nl)) return 1;
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

const char *cli_extra(const cli_opts *o, const char *name) {
    for (int i = 0; i + 1 < o->nextra; i += 2)
        if (!strcmp(o->extra[i], name)) return o->extra[i + 1];
    return NULL;
}

int cli_parse_options(int argc, char **argv, const char *cmd, const char *own, cli_opts *o) {
    memset(o, 0, sizeof *o);
    o->jobs = 1;
    o->parse_search = -1;
    /* No heap here: the file names are gathered at the front of argv itself
     * (slot k is only written after argument k was read), and "--name=value"
     * is split in place, so nothing needs freeing. */
    o->files = argv;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (a[0] != '-' || !strcmp(a, "-")) {
            o->files[o->nfiles++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            while (++i < argc) o->files[o->nfiles++] = argv[i];
            break;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            if (command_help) {
                fputs(command_help, stdout);
            } else {
                printf("usage: gesta %s [OPTIONS] [FILE...]\n%s", cmd, common_help);
                if (own) printf("options of %s: %s\n", cmd, own);
            }
            exit(0);
        }
        /* --name=value is accepted as well as --name value */
        char *name = a;
        const char *val = NULL;
        char *eq = strchr(a, '=');
        if (eq) {
            *eq = '\0';
            val = eq + 1;
        }
        static const char *const valued[] = {"--input-format", "--date", "--format", "--db", "-o", "-j",
                                             "--verbs", "--actors", "--agents", "--discards", "--issues",
                                             "--model", "--data", "--parse-search", NULL};
        int is_valued = 0;
        for (int k = 0; valued[k]; k++) if (!strcmp(name, valued[k])) is_valued = 1;
        int ok = own_kind(own, name);
        if (ok == 2) is_valued = 1;
        if (is_valued && !val) {
            if (i + 1 >= argc) {
                fprintf(stderr, "gesta %s: option %s needs a value\n", cmd, name);
                return CLI_EXIT_USAGE;
            }
            val = argv[++i];
        }
        if (ok) {
            if (o->nextra + 2 > 16) { fprintf(stderr, "gesta %s: too many options\n", cmd); return CLI_EXIT_USAGE; }
            o->extra[o->nextra++] = name;
            o->extra[o->nextra++] = val ? val : "";
        } else if (!strcmp(name, "--input-format")) {
            if (gesta_input_format_parse(val) < 0) {
                fprintf(stderr, "gesta %s: unknown input format '%s' (text, jsonl, petrarch-xml, conllu)\n", cmd, val);
                return CLI_EXIT_USAGE;
            }
            o->input_format = val;
        } else if (!strcmp(name, "--date")) {
            gesta_doc *probe;
            if (gesta_doc_new(&probe, "", val, "", 0, NULL) < 0) {
                fprintf(stderr, "gesta %s: --date '%s' is not YYYY-MM-DD\n", cmd, val);
                return CLI_EXIT_USAGE;
            }
            gesta_doc_free(probe);
            o->date = val;
        } else if (!strcmp(name, "--format")) o->format = val;
        else if (!strcmp(name, "--db")) o->db = val;
        else if (!strcmp(name, "-o")) o->out_path = val;
        else if (!strcmp(name, "-j")) {
            char *end;
            long j = strtol(val, &end, 10);
            if (*end || j < 1 || j > 256) {
                fprintf(stderr, "gesta %s: -j wants a number from 1 to 256\n", cmd);
                return CLI_EXIT_USAGE;
            }
            o->jobs = (int)j;
        } else if (!strcmp(name, "--parse-search")) {
            char *end;
            long k = strtol(val, &end, 10);
            if (end == val || *end || k < 0 || k > 64) {
                fprintf(stderr, "gesta %s: --parse-search wants a number from 0 to 64\n", cmd);
                return CLI_EXIT_USAGE;
            }
            o->parse_search = (int)k;
        } else if (!strcmp(name, "--verbs")) o->verbs = val;
        else if (!strcmp(name, "--agents")) o->agents = val;
        else if (!strcmp(name, "--discards")) o->discards = val;
        else if (!strcmp(name, "--issues")) o->issues = val;
        else if (!strcmp(name, "--model")) o->model = val;
        else if (!strcmp(name, "--data")) o->data_dir = val;
        else if (!strcmp(name, "--actors")) {
            char *save = NULL;
            for (char *tok = strtok_r((char *)val, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                if (o->nactors >= CLI_MAX_ACTORS) {
                    fprintf(stderr, "gesta %s: at most %d actor files\n", cmd, CLI_MAX_ACTORS);
                    return CLI_EXIT_USAGE;
                }
                o->actors[o->nactors++] = tok;
            }
        } else if (!strcmp(name, "--use-parse")) o->use_parse = 1;
        else if (!strcmp(name, "--all-units")) o->all_units = 1;
        else if (!strcmp(name, "--no-document-layer")) o->no_doclayer = 1;
        else {
            fprintf(stderr, "gesta %s: unknown option '%s' (see gesta %s --help)\n", cmd, name, cmd);
            return CLI_EXIT_USAGE;
        }
    }
    return 0;
}

void cli_report(const gesta_error *err) {
    char buf[1200];
    fprintf(stderr, "gesta: %s\n", gesta_error_format(err, buf, sizeof buf));
}

void cli_diag(void *ctx, const gesta_error *err) {
    (void)ctx;
    cli_report(err);
}

FILE *cli_open_output(const cli_opts *o) {
    if (!o->out_path || !strcmp(o->out_path, "-")) return stdout;
    FILE *f = fopen(o->out_path, "w");
    if (!f) perror(o->out_path);
    return f;
}
