/* PLACEHOLDER: arrives with its issue. */
#include "cli/cli.h"

int cmd_eval_events(int argc, char **argv);
int cmd_eval_events(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "gesta eval: this scorer is not available in this build yet\n");
    return CLI_EXIT_USAGE;
}
