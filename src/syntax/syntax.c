/* PLACEHOLDER (replaced by the syntax work): no model yet. */
#include "syntax/syntax.h"
#include "core/engine.h"

struct gesta_model { int unused; };

int gesta_model_load(struct gesta_model **out, const char *path, gesta_error *err) {
    *out = NULL;
    return gesta_error_set(err, GESTA_EMODEL, path, 0, 0, "no parser model in this build yet");
}
void gesta_model_free(struct gesta_model *m) { (void)m; }
int gesta_syntax_run(const struct gesta_model *model, gesta_doc *doc, int use_given) {
    (void)model; (void)doc; (void)use_given;
    return GESTA_OK;
}
