/* PLACEHOLDER: gesta train arrives with its issue. */
#include "cli/cli.h"

int cmd_train(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "gesta train: not available in this build yet\n");
    return CLI_EXIT_USAGE;
}
