/*
 * gesta.h — the public API of libgesta: news text in, political event records out.
 *
 * Two handles carry everything:
 *   gesta_engine  loaded once (model, dictionaries, ontology tables), then read-only.
 *                 One engine may be shared by any number of threads without locks.
 *   gesta_doc     one input document and everything the pipeline makes for it, held
 *                 in one arena and released by gesta_doc_free(). A document is used
 *                 by one thread at a time.
 *
 * Conventions (see docs/API.md):
 *   - Functions that can fail return an int status: GESTA_OK (0) or a negative
 *     gesta_status, and fill a caller-supplied gesta_error when one is given.
 *   - What comes back through an `out` parameter belongs to the caller and has a
 *     matching _free() that accepts NULL.
 *   - Pointers returned by getters are borrowed: they live as long as their parent
 *     handle and must not be freed.
 *   - The library never prints, never exits, and reports out-of-memory as
 *     GESTA_ENOMEM.
 */
#ifndef GESTA_H
#define GESTA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(GESTA_STATIC_ONLY)
#define GESTA_API __attribute__((visibility("default")))
#else
#define GESTA_API
#endif

/** Status codes: 0 is success, failures are negative. */
typedef enum gesta_status {
    GESTA_OK = 0,
    GESTA_ENOMEM = -1,   /**< out of memory */
    GESTA_EIO = -2,      /**< a file could not be opened, read or written */
    GESTA_EINPUT = -3,   /**< malformed input record (skipped; others go on) */
    GESTA_EDICT = -4,    /**< a dictionary could not be loaded */
    GESTA_EMODEL = -5,   /**< the model is missing, corrupt or of another version */
    GESTA_EUSAGE = -6,   /**< invalid argument */
    GESTA_EDB = -7,      /**< the SQLite store failed */
    GESTA_EOF = -8       /**< no more records (readers) */
} gesta_status;

/**
 * Where and why something failed. `file`, `line` and `col` are 0/"" when unknown;
 * `line` and `col` count from 1. Render as "FILE:LINE[:COL]: message".
 */
typedef struct gesta_error {
    int code;
    char file[512];
    long line;
    long col;
    char message[512];
} gesta_error;

/** The library's version string, e.g. "0.1.0". Static storage. */
GESTA_API const char *gesta_version(void);

/** A short English description of a status code. Static storage. */
GESTA_API const char *gesta_strerror(int status);

/** Writes "file:line:col: message" (omitting unknown parts) into buf. Returns buf. */
GESTA_API char *gesta_error_format(const gesta_error *err, char *buf, size_t size);

/* ------------------------------------------------------------------------ */
/* Engine                                                                    */
/* ------------------------------------------------------------------------ */

typedef struct gesta_engine gesta_engine;

/** What an engine loads. Start from GESTA_ENGINE_OPTIONS_INIT. */
typedef struct gesta_engine_options {
    int version;              /**< GESTA_ENGINE_OPTIONS_VERSION */
    const char *data_dir;     /**< gesta's data/ folder; NULL: $GESTA_DATA, then the build default */
    const char *model_path;   /**< tagger/parser model; NULL: data_dir/model/gesta-en.model */
    int load_model;           /**< 1: load the tagger/parser (needed to parse raw text) */
    int load_dictionaries;    /**< 1: load verb/actor/agent/discard/issue dictionaries */
    /* Dictionary files. When one is non-NULL it replaces gesta's own of that kind.
     * actor_files is a NULL-terminated list. */
    const char *verb_file;
    const char *const *actor_files;
    const char *agent_file;
    const char *discard_file;
    const char *issue_file;
    int use_parse;            /**< 1: code from parses embedded in the input when present */
    int document_layer;       /**< 1: coreference, quotes, dates, places, duplicates, flags */
    int parse_search;         /**< parser search: -1 the default (4), 0 greedy (fastest), N: the N
                                   least certain decisions are retried (docs/SYNTAX.md) */
} gesta_engine_options;

#define GESTA_ENGINE_OPTIONS_VERSION 2
#define GESTA_ENGINE_OPTIONS_INIT { GESTA_ENGINE_OPTIONS_VERSION, NULL, NULL, 1, 1, \
    NULL, NULL, NULL, NULL, NULL, 0, 1, -1 }

/**
 * Loads an engine. On success *out is the caller's; free it with gesta_engine_free().
 * Problems in dictionary lines are not failures: they are collected as warnings
 * (see gesta_engine_warning_count()). Returns GESTA_EMODEL or GESTA_EDICT when a
 * required file cannot be loaded at all.
 */
GESTA_API int gesta_engine_new(gesta_engine **out, const gesta_engine_options *opts,
                               gesta_error *err);

/** Frees an engine. Accepts NULL. No document may still be in use with it. */
GESTA_API void gesta_engine_free(gesta_engine *engine);

/** Number of warnings collected while loading (malformed dictionary lines, ...). */
GESTA_API size_t gesta_engine_warning_count(const gesta_engine *engine);

/** Warning i, formatted "FILE:LINE: message". Borrowed from the engine. */
GESTA_API const char *gesta_engine_warning(const gesta_engine *engine, size_t i);

/* ------------------------------------------------------------------------ */
/* Documents                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct gesta_doc gesta_doc;

/**
 * Makes a document from raw bytes. `text` is copied (invalid UTF-8 is replaced by
 * U+FFFD and reported as a flag record); `id` and `date` ("YYYY-MM-DD" or NULL)
 * are copied. On success *out is the caller's; free it with gesta_doc_free().
 */
GESTA_API int gesta_doc_new(gesta_doc **out, const char *id, const char *date,
                            const char *text, size_t len, gesta_error *err);

/** Releases a document and everything made for it, in one call. Accepts NULL. */
GESTA_API void gesta_doc_free(gesta_doc *doc);

/**
 * Runs the whole pipeline on one document: text layer, syntax, event coding and
 * the document layer, as far as the engine was loaded for. Thread-safe for
 * distinct documents sharing one engine.
 */
GESTA_API int gesta_process(const gesta_engine *engine, gesta_doc *doc, gesta_error *err);

/** The document's id. Borrowed. */
GESTA_API const char *gesta_doc_id(const gesta_doc *doc);
/** The document's date "YYYY-MM-DD", or "" when unknown. Borrowed. */
GESTA_API const char *gesta_doc_date(const gesta_doc *doc);
/** The (validated) text and its length in bytes. Borrowed. */
GESTA_API const char *gesta_doc_text(const gesta_doc *doc, size_t *len);

/** Kinds of text unit the splitter finds. */
typedef enum gesta_unit_kind {
    GESTA_UNIT_PROSE = 0,
    GESTA_UNIT_HEADING = 1,      /**< a title or section heading: its own unit, not coded as prose */
    GESTA_UNIT_BOILERPLATE = 2   /**< "Read more", datelines, bylines, bios, "Source: ..." */
} gesta_unit_kind;

/** A sentence (or heading, or boilerplate unit) as the caller sees it. */
typedef struct gesta_sentence_info {
    size_t start, end;           /**< byte span in gesta_doc_text() */
    size_t first_token, ntokens; /**< tokens [first_token, first_token + ntokens) */
    gesta_unit_kind kind;
} gesta_sentence_info;

/** A token as the caller sees it. Strings are borrowed from the document. */
typedef struct gesta_token_info {
    size_t start, end;           /**< byte span in gesta_doc_text() */
    const char *form;            /**< exact input characters */
    const char *lemma;           /**< "_" until tagged */
    const char *upos;            /**< "_" until tagged */
    const char *xpos;            /**< "_" until tagged */
    int head;                    /**< 1-based within the sentence, 0 = root, -1 = none yet */
    const char *deprel;          /**< "_" until parsed */
    int space_after;             /**< 0 when no space followed in the input */
} gesta_token_info;

GESTA_API size_t gesta_doc_sentence_count(const gesta_doc *doc);
GESTA_API int gesta_doc_sentence(const gesta_doc *doc, size_t i, gesta_sentence_info *out);
GESTA_API size_t gesta_doc_token_count(const gesta_doc *doc);
GESTA_API int gesta_doc_token(const gesta_doc *doc, size_t i, gesta_token_info *out);

/** An event as the caller sees it. Strings are borrowed from the document. */
typedef struct gesta_event_info {
    size_t sentence;             /**< sentence index in the document */
    const char *date;            /**< "YYYY-MM-DD" */
    const char *source;          /**< CAMEO actor code, "" when absent */
    const char *target;
    const char *code;            /**< CAMEO event code, e.g. "042" */
    double goldstein;
    int quad_class;              /**< 1..4 */
    const char *plover;          /**< PLOVER event type, "" when unmapped */
} gesta_event_info;

GESTA_API size_t gesta_doc_event_count(const gesta_doc *doc);
GESTA_API int gesta_doc_event(const gesta_doc *doc, size_t i, gesta_event_info *out);

/**
 * Writes every record of the document (events, quotes, flags) as JSON lines,
 * the format of `gesta code --format jsonl` (docs/RECORDS.md), into a malloc'd
 * NUL-terminated string that the caller frees with free().
 */
GESTA_API int gesta_doc_to_jsonl(const gesta_doc *doc, char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif /* GESTA_H */
