/* PLACEHOLDER (replaced by the coder work). */
#include "coder/coder.h"

int gesta_dicts_load(struct gesta_dicts **out, const gesta_engine_options *opts,
                     const char *data_dir, gesta_engine *warn_sink, gesta_error *err) {
    (void)opts; (void)data_dir; (void)warn_sink; (void)err;
    *out = NULL;
    return GESTA_OK;
}
void gesta_dicts_free(struct gesta_dicts *d) { (void)d; }
int gesta_coder_run(const gesta_engine *engine, gesta_doc *doc) { (void)engine; (void)doc; return GESTA_OK; }
