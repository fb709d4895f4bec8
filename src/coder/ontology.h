/*
 * The CAMEO ontology as built-in tables: event code → name, Goldstein score,
 * QuadClass, root code, PLOVER type and mode. Facts, compiled into gesta.
 */
#ifndef GESTA_CODER_ONTOLOGY_H
#define GESTA_CODER_ONTOLOGY_H

struct gesta_ontology;

typedef struct gesta_code_info {
    const char *code;        /* "0421" */
    const char *name;        /* "Make optimistic comment" ... */
    const char *root;        /* "04" */
    double goldstein;
    int quad_class;          /* 1..4 */
    const char *plover;      /* PLOVER event type or "" */
    const char *plover_mode; /* or "" */
} gesta_code_info;

/** Looks a CAMEO event code up ("042", "0421", "1721"...). Returns 1 and fills *out, or 0. */
int gesta_ontology_event(const struct gesta_ontology *o, const char *code, gesta_code_info *out);

/** Number of event codes, and the i-th (in code order), for enumeration. */
unsigned gesta_ontology_event_count(const struct gesta_ontology *o);
int gesta_ontology_event_at(const struct gesta_ontology *o, unsigned i, gesta_code_info *out);

/** 1 when code is a known CAMEO actor country/IGO/role code fragment ("RUS", "GOV", "IGOUNO"...). */
int gesta_ontology_actor_piece(const struct gesta_ontology *o, const char *piece);

#endif
