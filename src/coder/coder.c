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
int gesta_coder_np_code(const gesta_engine *engine, const gesta_doc *doc, uint32_t sent, uint32_t head,
                        const char *date, const char **code, gesta_evidence_ref *ref) {
    (void)engine; (void)doc; (void)sent; (void)head; (void)date; (void)code; (void)ref;
    return 0;
}
int gesta_coder_actor_roles(const gesta_engine *engine, const gesta_doc *doc, uint32_t sent, uint32_t tok,
                            gesta_actor_role *out, int max, uint32_t *ntok) {
    (void)engine; (void)doc; (void)sent; (void)tok; (void)out; (void)max; *ntok = 0;
    return 0;
}
