/*
 * Internals of the document layer (the files in src/doc): the per-run context every pass
 * shares, the word lists, and the functions each pass exports to doclayer.c
 * and to the unit tests.
 *
 * The passes never call the coder directly: they go through the two hooks in
 * gesta_dl (np_code, actor_roles). gesta_dl_init points them at the coder's
 * lookups; unit tests point them at small tables, so every pass can be tested
 * on hand-built documents without dictionaries.
 */
#ifndef GESTA_DOC_DL_H
#define GESTA_DOC_DL_H

#include "coder/coder.h"
#include "core/doc.h"
#include "core/engine.h"

typedef int (*gesta_dl_np_fn)(void *user, const gesta_doc *doc, uint32_t sent, uint32_t head,
                              const char *date, const char **code, gesta_evidence_ref *ref);
typedef int (*gesta_dl_roles_fn)(void *user, const gesta_doc *doc, uint32_t sent, uint32_t tok,
                                 gesta_actor_role *out, int max, uint32_t *ntok);

/* What a mention (or an anaphor) can stand for. */
enum { GESTA_DL_UNKNOWN = 0, GESTA_DL_PERSON = 1, GESTA_DL_ORG = 2, GESTA_DL_COUNTRY = 3 };

#define GESTA_DL_MAX_CODES 4

/* An actor mention: a noun phrase the coder's lookup codes, or a resolved anaphor. */
typedef struct gesta_dl_mention {
    uint32_t sent, head, begin, end;  /* sentence-relative tokens; [begin,end) */
    uint8_t kind;                     /* GESTA_DL_* */
    uint8_t plural;
    uint8_t subject;                  /* nsubj / nsubj:pass of its clause */
    uint8_t anaphor;                  /* 1: a pronoun/description resolved to antecedent */
    int32_t antecedent;               /* for anaphors: the mention index it resolved to */
    const char *codes[GESTA_DL_MAX_CODES];
    int ncode;
} gesta_dl_mention;

/* Tunables, read once per engine from the environment (see docs/DOCUMENT.md). */
typedef struct gesta_dl_config {
    int dedup_days;         /* GESTA_DEDUP_DAYS: max date distance of duplicates (default 1) */
    int dedup_by_root;      /* GESTA_DEDUP_MATCH=code|root (default code) */
    int dedup_off;          /* GESTA_DEDUP_DAYS=-1 turns in-story deduplication off */
    int coref_window;       /* GESTA_COREF_WINDOW: sentences searched back (default 4) */
    int keep_unresolved;    /* GESTA_COREF_KEEP=1: keep events whose pronoun stayed unresolved */
} gesta_dl_config;

struct gesta_gazetteer;

typedef struct gesta_dl {
    const gesta_engine *engine;
    gesta_doc *doc;
    gesta_dl_np_fn np_code;
    gesta_dl_roles_fn actor_roles;
    void *user;
    const struct gesta_gazetteer *gaz;
    gesta_dl_config cfg;
    gesta_dl_mention *ment;           /* in doc->arena */
    uint32_t nment, ment_cap;
    int32_t *tok_ment;                /* per doc token: mention whose head it is, or -1 */
} gesta_dl;

/** The defaults of gesta_dl_config, overridden by the environment variables above. */
void gesta_dl_config_from_env(gesta_dl_config *cfg);
/** Sets up a context on the coder's lookups and the engine's gazetteer (engine may be NULL). */
int gesta_dl_init(gesta_dl *dl, const gesta_engine *engine, gesta_doc *doc);
/** Runs every pass in order. */
int gesta_dl_run_all(gesta_dl *dl);

/* The passes, in the order gesta_dl_run_all calls them. Each returns GESTA_OK or GESTA_ENOMEM. */
int gesta_dl_boilerplate(gesta_dl *dl);   /* boilerplate.c: flags; drops events coded there */
int gesta_dl_coref(gesta_dl *dl);         /* coref.c: mentions; fills pronoun sources/targets */
int gesta_dl_quotes(gesta_dl *dl);        /* quotes.c */
int gesta_dl_dates(gesta_dl *dl);         /* dates.c */
int gesta_dl_places(gesta_dl *dl);        /* places.c */
int gesta_dl_dedup(gesta_dl *dl);         /* dedup_story.c */
int gesta_dl_consistency(gesta_dl *dl);   /* consistency.c: role conflicts */

/* ---- coref.c helpers used by other passes ---- */
/** The actor code(s) the NP headed by `head` stands for: a coded mention or a resolved
 * anaphor there. Returns the number of codes (0 = none) and points *codes at them. */
int gesta_dl_codes_at(const gesta_dl *dl, uint32_t sent, uint32_t head, const char *const **codes);
/** The head token of span [b,e) of a sentence: the token whose head lies outside. */
uint32_t gesta_dl_span_head(const gesta_doc *doc, uint32_t sent, uint32_t b, uint32_t e);
/** The NP around head: extends *b,*e over its left modifiers (det, amod, compound, flat). */
void gesta_dl_np_extent(const gesta_doc *doc, uint32_t sent, uint32_t head, uint32_t *b, uint32_t *e);
/* Results of gesta_dl_attach besides an event verb token. */
enum { GESTA_DL_ATTACH_CLAUSE = -1, GESTA_DL_ATTACH_MAIN = -2, GESTA_DL_ATTACH_UNPARSED = -3 };
/**
 * Which event a phrase [b,e) of sentence si (a date, a place) belongs to, by the
 * parse: walking up from the phrase, the first token inside some event's verb
 * span (returned), GESTA_DL_ATTACH_MAIN when the walk reaches the root without
 * one and without leaving the main clause, GESTA_DL_ATTACH_CLAUSE when it enters
 * a subordinate clause (acl, advcl, ccomp, xcomp, csubj, parataxis, a conjoined
 * verb) that holds no event verb first, GESTA_DL_ATTACH_UNPARSED without a parse.
 */
int32_t gesta_dl_attach(const gesta_doc *doc, uint32_t si, uint32_t b, uint32_t e);
/** The subject (nsubj, nsubj:pass) of the token `verb`, or -1. */
int32_t gesta_dl_subject_of(const gesta_doc *doc, uint32_t sent, uint32_t verb);

/* ---- words.c: small closed word lists ---- */
/** Pronoun class: returns GESTA_DL_PERSON / _ORG (it) / -1 plural (they), or 0 when not a pronoun. */
int gesta_dl_pronoun(const char *norm);
/** First-person pronouns ("I", "we", "our"): inside a direct quote, its speaker. */
int gesta_dl_first_person(const char *norm);
/** Nouns that describe a person by office or role ("president", "spokesman"). */
int gesta_dl_person_noun(const char *norm);
/** Nouns that describe an organisation ("alliance", "government", "kremlin"). */
int gesta_dl_org_noun(const char *norm);
/** Nouns that describe a country ("country", "nation"). */
int gesta_dl_country_noun(const char *norm);
/** Titles of office that contradict each other when one person holds two ("president"). */
int gesta_dl_office_title(const char *norm);
/** Verbs of saying, by lemma or inflected form ("said", "adds"). */
int gesta_dl_speech_verb(const gesta_tok *t);
/** ISO alpha-3 country for a nationality word or short country name ("russian", "us"), or NULL. */
const char *gesta_dl_demonym(const char *norm);
/** 1..12 for a month name or abbreviation, else 0. */
int gesta_dl_month(const char *norm);
/** 0 (Monday) .. 6 (Sunday) for a weekday name, else -1. */
int gesta_dl_weekday(const char *norm);
/** Small numbers as words or digits ("two", "3"), else -1. */
int gesta_dl_number(const char *norm);
/** Quote characters: 1 opening-or-straight, 2 closing (curly right), 0 none. */
int gesta_dl_quote_char(const char *form);

/* ---- dates.c: calendar arithmetic, exported for tests ---- */
/** Days since 1970-01-01 for a civil date. */
long gesta_dl_days(int y, int m, int d);
/** The civil date of a day number. */
void gesta_dl_civil(long days, int *y, int *m, int *d);
/** 0 (Monday) .. 6 (Sunday). */
int gesta_dl_weekday_of(long days);
/**
 * Finds a date expression in words w[0..n) (case-folded) starting at word i.
 * On a match returns the number of words it spans, writes the resolved date
 * (YYYY-MM-DD) against article date `ref` (days) into out. 0 when none starts at i.
 */
int gesta_dl_date_match(const char *const *w, int n, int i, long ref, char out[11]);
/** Convenience for tests: resolves the first date expression in a space-separated
 * phrase against article date "YYYY-MM-DD"; 1 and out on success, else 0. */
int gesta_dl_date_phrase(const char *article, const char *phrase, char out[11]);

/* ---- gazetteer.c ---- */
enum { GESTA_PLACE_CITY = 0, GESTA_PLACE_STATE = 1, GESTA_PLACE_COUNTRY = 2 };
typedef struct gesta_place {
    const char *name;        /* as the gazetteer writes it */
    const char *state;       /* first-level subdivision name, "" for countries */
    char country[4];         /* ISO alpha-3 */
    uint8_t kind;            /* GESTA_PLACE_* */
    uint8_t big_city;        /* known as "X City" / "X D.C." and also as plain "X" */
    double lat, lon;
    double population;       /* cities: their own; states/countries: sum of their cities */
} gesta_place;

/** Candidates for a case-folded name; returns how many and points *out at their indexes. */
int gesta_gazetteer_lookup(const struct gesta_gazetteer *g, const char *folded, const uint32_t **out);
const gesta_place *gesta_gazetteer_place(const struct gesta_gazetteer *g, uint32_t i);
/** Number of places (cities + states + countries) and of cities alone. */
uint32_t gesta_gazetteer_size(const struct gesta_gazetteer *g, uint32_t *ncities);
/** The configuration read when the gazetteer was loaded. */
const gesta_dl_config *gesta_gazetteer_config(const struct gesta_gazetteer *g);
/** Longest name the gazetteer knows, in words (for the matcher). */
int gesta_gazetteer_max_words(const struct gesta_gazetteer *g);
/** ISO alpha-3 for an alpha-2 code, or NULL. */
const char *gesta_gazetteer_alpha3(const struct gesta_gazetteer *g, const char *alpha2);

/* ---- places.c: choice among candidates, exported for tests ---- */
/**
 * Picks the best of n candidates given the countries of the event's actors, of
 * the states/countries and of the cities the document names unambiguously, and
 * the states it names (weights in places.c). Returns the chosen index into cand.
 */
int gesta_dl_place_choose(const struct gesta_gazetteer *g, const uint32_t *cand, int n,
                          const char *const *actor_ctx, int nactor,
                          const char *const *region_ctx, int nregion,
                          const char *const *city_ctx, int ncity,
                          const char *const *state_ctx, int nstate);

#endif
