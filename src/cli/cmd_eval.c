/*
 * gesta eval: scores against gold files. The gold file's kind chooses the scorer:
 * PETRARCH / UniversalPetrarch validation XML → event coding (cmd_eval_events.c);
 * CoNLL-U → tokens, sentences, tags, lemmas and trees (cmd_eval_conllu.c).
 */
#include <string.h>

#include "cli/cli.h"

int cmd_eval_events(int argc, char **argv);
int cmd_eval_conllu(int argc, char **argv);

static int looks_like_xml(const char *path) {
    size_t n = strlen(path);
    if (n > 4 && !strcmp(path + n - 4, ".xml")) return 1;
    if (n > 7 && !strcmp(path + n - 7, ".xml.gz")) return 1;
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char buf[64] = {0};
    size_t got = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    for (size_t i = 0; i < got; i++) {
        if (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t') continue;
        return buf[i] == '<';
    }
    return 0;
}

int cmd_eval(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: gesta eval [OPTIONS] GOLD...\n"
                   "  GOLD.xml (PETRARCH validation): codes the records and scores the events\n"
                   "  GOLD.conllu [SYSTEM.conllu]: scores tokens, sentences, UPOS, XPOS, lemmas, UAS, LAS\n"
                   "see docs/EVAL.md\n");
            return CLI_EXIT_OK;
        }
        if (argv[i][0] == '-' && strcmp(argv[i], "-")) {
            /* options taking a separate value: skip the value too */
            static const char *const valued[] = {"--input-format", "--date", "--format", "--db", "-o", "-j",
                                                 "--verbs", "--actors", "--agents", "--discards", "--issues",
                                                 "--model", "--data", "--write-system", "--show-errors",
                                                 "--parse-search", NULL};
            for (int k = 0; valued[k]; k++)
                if (!strcmp(argv[i], valued[k]) && i + 1 < argc) { i++; break; }
            continue;
        }
        return looks_like_xml(argv[i]) ? cmd_eval_events(argc, argv) : cmd_eval_conllu(argc, argv);
    }
    fprintf(stderr, "gesta eval: no gold file given (see gesta eval --help)\n");
    return CLI_EXIT_USAGE;
}
