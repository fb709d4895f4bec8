/*
 * The CAMEO ontology: built-in tables generated from the CAMEO codebook
 * (tools/gen_ontology.sh → ontology_tables.inc). The handle is a static,
 * read-only singleton: loading allocates nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "coder/coder.h"
#include "coder/ontology.h"

#include "coder/ontology_tables.inc"

#define NEVENTS (sizeof ontology_events / sizeof ontology_events[0])

struct gesta_ontology { int unused; };
static struct gesta_ontology the_ontology;

/* CAMEO actor code pieces (facts from the CAMEO actor codebook): regions and
 * special country-like codes, then roles/sectors, then IGO/NGO groups. ISO
 * alpha-3 country codes are accepted by shape (three capitals) because the
 * dictionaries use the whole ISO list. */
static const char *const actor_pieces[] = {
    "AFR", "ASA", "BAL", "BLK", "CAF", "CAS", "CAU", "CEU", "CRB", "EAF", "EEU", "EIN",
    "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN",
    "WAF", "WEU", "WST", "CHE", "KSV", "PSE", "ROM", "SRB", "TMP", "ZAR",
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
    "CVL", "LAB", "LEG", "HLH", "REF", "AGR", "ELI", "MOD", "RAD", "UAF", "IGO", "NGO",
    "NGM", "MNC", "IMG", "INS", "SEP", "DEV", "ENV", "HRI", "PPL", "REL", "SET", "STU",
    "UNO", "WBK", "IMF", "WTO", "NAT", "EUR", "ASN", "OPC", "AFB", "ARL", "CPA", "GCC",
    "AMN", "HRW", "ICG", "IRC", "MSF", "CHR", "MOS", "JEW", "BUD", "HIN", "SHI", "SUN",
    "CTH", "PRO", "ORT", "ITH", "ATH", "HIN", NULL};

int gesta_ontology_load(struct gesta_ontology **out, gesta_error *err) {
    (void)err;
    *out = &the_ontology;
    return GESTA_OK;
}

void gesta_ontology_free(struct gesta_ontology *o) { (void)o; }

static int find(const char *code) {
    size_t lo = 0, hi = NEVENTS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(ontology_events[mid].code, code);
        if (c == 0) return (int)mid;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

int gesta_ontology_event(const struct gesta_ontology *o, const char *code, gesta_code_info *out) {
    (void)o;
    if (!code) return 0;
    int i = find(code);
    if (i < 0) return 0;
    if (out) *out = ontology_events[i];
    return 1;
}

unsigned gesta_ontology_event_count(const struct gesta_ontology *o) {
    (void)o;
    return (unsigned)NEVENTS;
}

int gesta_ontology_event_at(const struct gesta_ontology *o, unsigned i, gesta_code_info *out) {
    (void)o;
    if (i >= NEVENTS) return 0;
    if (out) *out = ontology_events[i];
    return 1;
}

int gesta_ontology_actor_piece(const struct gesta_ontology *o, const char *piece) {
    (void)o;
    if (!piece) return 0;
    size_t n = strlen(piece);
    if (n == 3 && piece[0] >= 'A' && piece[0] <= 'Z' && piece[1] >= 'A' && piece[1] <= 'Z' &&
        piece[2] >= 'A' && piece[2] <= 'Z')
        return 1;
    if (n == 6 && !strncmp(piece, "IGO", 3)) return gesta_ontology_actor_piece(o, piece + 3);
    for (int i = 0; actor_pieces[i]; i++)
        if (!strcmp(actor_pieces[i], piece)) return 1;
    return 0;
}
