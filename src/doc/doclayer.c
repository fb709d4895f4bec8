/* PLACEHOLDER (replaced by the document-layer work): boilerplate units are reported. */
#include "doc/doclayer.h"

int gesta_gazetteer_load(struct gesta_gazetteer **out, const char *data_dir, gesta_error *err) {
    (void)data_dir; (void)err; *out = NULL; return GESTA_OK;
}
void gesta_gazetteer_free(struct gesta_gazetteer *g) { (void)g; }
int gesta_doclayer_run(const gesta_engine *engine, gesta_doc *doc) { (void)engine; (void)doc; return GESTA_OK; }
