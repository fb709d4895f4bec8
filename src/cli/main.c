#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
    "usage: gesta COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "commands:\n"
    "  code    news text in, event records out (JSONL, table, GDELT TSV, PETRARCH XML, SQLite)\n"
    "  parse   sentences, tokens, tags and dependency trees out, as CoNLL-U\n"
    "  eval    score coding or parsing against gold files\n"
    "  train   train the tagger, lemmatizer and parser from UD treebanks\n"
    "  dict    dictionary tools (dict check FILE...)\n"
    "\n"
    "`gesta COMMAND --help` lists a command's options. Exit status: 0 all input\n"
    "processed; 1 some records could not be processed (each reported on stderr as\n"
    "FILE:LINE[:COL]: message); 2 usage error, or a dictionary or model could not be loaded.\n";

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs(usage, stderr);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return CLI_EXIT_OK;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("gesta %s\n", gesta_version());
        return CLI_EXIT_OK;
    }
    if (!strcmp(cmd, "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "parse")) return cmd_parse(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "train")) return cmd_train(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 1, argv + 1);
    fprintf(stderr, "gesta: unknown command '%s'\n\n%s", cmd, usage);
    return CLI_EXIT_USAGE;
}
