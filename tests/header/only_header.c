/* gesta.h must compile on its own with -std=c11 -pedantic -Werror. */
#include <gesta.h>
int main(void) { return gesta_version() ? 0 : 1; }
