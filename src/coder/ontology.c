/* PLACEHOLDER (replaced by the ontology tables work). */
#include "coder/coder.h"
#include "coder/ontology.h"

int gesta_ontology_load(struct gesta_ontology **out, gesta_error *err) { (void)err; *out = NULL; return GESTA_OK; }
void gesta_ontology_free(struct gesta_ontology *o) { (void)o; }
int gesta_ontology_event(const struct gesta_ontology *o, const char *code, gesta_code_info *out) {
    (void)o; (void)code; (void)out; return 0;
}
unsigned gesta_ontology_event_count(const struct gesta_ontology *o) { (void)o; return 0; }
int gesta_ontology_event_at(const struct gesta_ontology *o, unsigned i, gesta_code_info *out) {
    (void)o; (void)i; (void)out; return 0;
}
int gesta_ontology_actor_piece(const struct gesta_ontology *o, const char *piece) { (void)o; (void)piece; return 0; }
