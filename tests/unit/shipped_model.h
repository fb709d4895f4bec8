/* Loading the shipped model (data/model/gesta-en.model, or $GESTA_DATA's) in
 * the tests that check it; a failure to load is a test failure, reported. */
#ifndef GESTA_TEST_SHIPPED_MODEL_H
#define GESTA_TEST_SHIPPED_MODEL_H
#include <stdlib.h>

#include "check.h"
#include "syntax/model.h"
#include "syntax/syntax.h"

/* The model (the caller frees it with gesta_model_free), or NULL after a failed CHECK. */
static inline struct gesta_model *check_load_shipped_model(void) {
    const char *data = getenv("GESTA_DATA");
    char mpath[4096];
    snprintf(mpath, sizeof mpath, "%s/model/gesta-en.model", data && *data ? data : GESTA_DATA_DIR);
    gesta_error err = {0};
    struct gesta_model *m = NULL;
    int rc = gesta_model_load(&m, mpath, &err);
    CHECK_INT(rc, GESTA_OK);
    if (rc < 0) {
        fprintf(stderr, "%s: %s\n", err.file, err.message);
        return NULL;
    }
    return m;
}
#endif
