/* PLACEHOLDER: gesta dict arrives with its issue. */
#include "cli/cli.h"

int cmd_dict(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "gesta dict: not available in this build yet\n");
    return CLI_EXIT_USAGE;
}
