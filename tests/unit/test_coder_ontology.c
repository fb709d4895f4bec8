/* The built-in CAMEO tables: lookups, QuadClass by root, Goldstein, PLOVER, order. */
#include "check.h"
#include "coder/coder.h"
#include "coder/ontology.h"

int main(void) {
    struct gesta_ontology *o;
    gesta_error err = {0};
    CHECK_INT(gesta_ontology_load(&o, &err), 0);
    gesta_code_info ci;
    CHECK_INT(gesta_ontology_event(o, "042", &ci), 1);
    CHECK_STR(ci.name, "Make a visit");
    CHECK_STR(ci.root, "04");
    CHECK_INT(ci.quad_class, 1);
    CHECK(ci.goldstein > 1.8 && ci.goldstein < 2.0);
    CHECK_STR(ci.plover, "CONSULT");
    CHECK_STR(ci.plover_mode, "visit");
    CHECK_INT(gesta_ontology_event(o, "190", &ci), 1);
    CHECK_INT(ci.quad_class, 4);
    CHECK(ci.goldstein == -10.0);
    CHECK_STR(ci.plover, "ASSAULT");
    /* QuadClass boundaries: 05 verbal cooperation, 06-09 material, 10-14 verbal conflict */
    CHECK_INT(gesta_ontology_event(o, "057", &ci), 1);
    CHECK_INT(ci.quad_class, 1);
    CHECK_INT(gesta_ontology_event(o, "090", &ci), 1);
    CHECK_INT(ci.quad_class, 2);
    CHECK_INT(gesta_ontology_event(o, "141", &ci), 1);
    CHECK_INT(ci.quad_class, 3);
    CHECK_INT(gesta_ontology_event(o, "150", &ci), 1);
    CHECK_INT(ci.quad_class, 4);
    /* four-digit codes; statements and appeals (01, 02) have no PLOVER type in the 2021 table */
    CHECK_INT(gesta_ontology_event(o, "0874", &ci), 1);
    CHECK_STR(ci.plover, "RETREAT");
    CHECK_STR(ci.root, "08");
    CHECK_INT(gesta_ontology_event(o, "0211", &ci), 1);
    CHECK_STR(ci.plover, "");
    CHECK_INT(ci.quad_class, 1);
    /* unknown codes */
    CHECK_INT(gesta_ontology_event(o, "999", &ci), 0);
    CHECK_INT(gesta_ontology_event(o, "", &ci), 0);
    CHECK_INT(gesta_ontology_event(o, NULL, &ci), 0);
    /* enumeration in code order, every code findable */
    unsigned n = gesta_ontology_event_count(o);
    CHECK(n > 280 && n < 330);
    const char *prev = "";
    int sorted = 1, found = 1;
    for (unsigned i = 0; i < n; i++) {
        CHECK_INT(gesta_ontology_event_at(o, i, &ci), 1);
        if (strcmp(prev, ci.code) >= 0) sorted = 0;
        gesta_code_info again;
        if (!gesta_ontology_event(o, ci.code, &again) || strcmp(again.name, ci.name)) found = 0;
        prev = ci.code;
    }
    CHECK(sorted);
    CHECK(found);
    CHECK_INT(gesta_ontology_event_at(o, n, &ci), 0);
    /* actor code pieces */
    CHECK_INT(gesta_ontology_actor_piece(o, "GOV"), 1);
    CHECK_INT(gesta_ontology_actor_piece(o, "RUS"), 1);
    CHECK_INT(gesta_ontology_actor_piece(o, "IGOUNO"), 1);
    CHECK_INT(gesta_ontology_actor_piece(o, "gov"), 0);
    CHECK_INT(gesta_ontology_actor_piece(o, "XY"), 0);
    gesta_ontology_free(o);
    return check_done();
}
