/*
 * The document: one input item and every layer the pipeline adds to it.
 *
 * Each stage reads the earlier layers and appends its own. Everything here lives
 * in doc->arena and is released by gesta_doc_free(); no stage frees piecemeal.
 * Byte offsets are into doc->text (the input after UTF-8 repair; when no byte
 * was invalid, that is the input byte for byte).
 */
#ifndef GESTA_CORE_DOC_H
#define GESTA_CORE_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "gesta.h"
#include "util/arena.h"

/* Universal POS tags, in UD's order. GESTA_UPOS_NONE = not tagged yet. */
typedef enum gesta_upos {
    GESTA_UPOS_NONE = 0,
    GESTA_UPOS_ADJ, GESTA_UPOS_ADP, GESTA_UPOS_ADV, GESTA_UPOS_AUX, GESTA_UPOS_CCONJ,
    GESTA_UPOS_DET, GESTA_UPOS_INTJ, GESTA_UPOS_NOUN, GESTA_UPOS_NUM, GESTA_UPOS_PART,
    GESTA_UPOS_PRON, GESTA_UPOS_PROPN, GESTA_UPOS_PUNCT, GESTA_UPOS_SCONJ, GESTA_UPOS_SYM,
    GESTA_UPOS_VERB, GESTA_UPOS_X,
    GESTA_UPOS_COUNT
} gesta_upos;

/** "ADJ" ... for a gesta_upos; "_" for NONE. */
const char *gesta_upos_name(int upos);
/** The gesta_upos for a name, or GESTA_UPOS_NONE. */
int gesta_upos_from_name(const char *name);

enum {
    GESTA_TOK_NO_SPACE_AFTER = 1u << 0,  /* SpaceAfter=No */
    GESTA_TOK_SENT_START = 1u << 1,
    /* This word and the one before it are parts of one surface token, a UD
     * multiword token: "don't" = do + n't (the second has the flag). */
    GESTA_TOK_JOINED = 1u << 2
};

typedef struct gesta_tok {
    uint32_t start, end;     /* byte span in doc->text */
    const char *form;        /* the exact input characters, NUL-terminated */
    const char *norm;        /* matching form: NFC, quotes/dashes folded, case-folded */
    const char *lemma;       /* NULL until tagged */
    const char *xpos;        /* Penn tag; NULL until tagged */
    const char *feats;       /* UD features; NULL = "_" */
    const char *deprel;      /* UD relation ("nsubj", "obl:tmod"); NULL until parsed */
    int32_t head;            /* 1-based within the sentence, 0 = root, -1 = none yet */
    uint8_t upos;            /* gesta_upos */
    uint8_t flags;           /* GESTA_TOK_* */
} gesta_tok;

typedef struct gesta_sent {
    uint32_t start, end;     /* byte span in doc->text */
    uint32_t tok0, ntok;     /* tokens doc->toks[tok0 .. tok0+ntok) */
    uint8_t kind;            /* gesta_unit_kind */
    uint8_t tagged;          /* 1: upos/xpos/lemma filled */
    uint8_t parsed;          /* 1: head/deprel filled */
    uint8_t given_parse;     /* 1: tags/tree came from the input, not our parser */
    const char *penn;        /* a Penn bracketing from the input (PETRARCH XML), or NULL */
    const char *sent_id;     /* an id from the input (CoNLL-U sent_id), or NULL */
    const char *boiler_why;  /* for BOILERPLATE units: why ("read-more", "byline", ...) */
} gesta_sent;

/* Event flags: what the coder saw. */
enum {
    GESTA_EV_PASSIVE = 1u << 0,     /* source came from a passive "by" agent */
    GESTA_EV_COMPOUND_SRC = 1u << 1,/* one of several conjoined sources */
    GESTA_EV_COMPOUND_TGT = 1u << 2,
    GESTA_EV_COREF_SRC = 1u << 3,   /* source resolved from a pronoun/description */
    GESTA_EV_COREF_TGT = 1u << 4,
    GESTA_EV_TRANSFORMED = 1u << 5, /* produced by a transformation rule */
    GESTA_EV_COMBINED = 1u << 6,    /* code combined from modal/intent verbs */
    GESTA_EV_IN_QUOTE = 1u << 7,
    GESTA_EV_DUPLICATE = 1u << 8,   /* dup_of points to the first telling */
    GESTA_EV_REPEAT = 1u << 9       /* not the first mention of its cross-story group (dup_group) */
};

typedef struct gesta_span { int32_t begin, end; } gesta_span; /* sentence-relative tokens [begin,end); -1 = none */

typedef struct gesta_evidence_ref {
    const char *file;        /* dictionary file (borrowed from the engine) */
    uint32_t line;           /* 1-based line */
    const char *text;        /* the pattern or phrase as written */
} gesta_evidence_ref;

typedef struct gesta_event {
    uint32_t sentence;
    char date[11];           /* YYYY-MM-DD */
    const char *date_source; /* "document", "sentence:on Tuesday", ... */
    const char *source;      /* CAMEO actor code; "" when absent */
    const char *target;
    const char *code;        /* CAMEO event code, e.g. "042" */
    const char *root_code;   /* two digits */
    double goldstein;
    int quad_class;          /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    const char *plover;      /* PLOVER type, "" */
    const char *plover_mode;
    gesta_span src_span, verb_span, tgt_span;
    gesta_evidence_ref verb_ev, src_ev, tgt_ev;
    const char *issues;      /* issue codes joined by ";" or NULL */
    uint32_t flags;          /* GESTA_EV_* */
    int32_t dup_of;          /* index of the event this duplicates, -1 */
    const char *dup_group;   /* cross-story group id, or NULL */
    /* place (document layer) */
    const char *place_name;
    const char *place_country; /* ISO alpha-3 */
    double lat, lon;
    uint8_t has_place;
} gesta_event;

typedef struct gesta_quote {
    uint32_t sentence;
    uint32_t start, end;         /* byte span of the quoted words */
    const char *quote;
    const char *speaker;         /* words naming the speaker */
    const char *speaker_code;    /* actor code or "" */
    int direct;                  /* 1 direct, 0 indirect */
    uint32_t speaker_start, speaker_end;
    uint32_t last_sentence;      /* a quote running over several sentences ends here (document layer) */
    uint8_t speaker_coref;       /* the speaker was a pronoun/description resolved by coreference */
} gesta_quote;

typedef struct gesta_flag {
    int32_t sentence;            /* -1: the whole document */
    const char *kind;            /* "role-conflict", "boilerplate", "invalid-utf8", ... */
    const char *message;         /* a sentence a person can read */
    uint32_t start, end;         /* byte span, or 0,0 */
} gesta_flag;

/* What a PETRARCH validation record expects (for gesta eval). */
typedef struct gesta_gold_event {
    const char *source, *target, *code;
} gesta_gold_event;

enum {
    GESTA_DOC_PRETOKENIZED = 1u << 0,  /* sentences and tokens came from the input (CoNLL-U) */
    GESTA_DOC_SEGMENTED = 1u << 1      /* the text layer has run */
};

struct gesta_doc {
    gesta_arena *arena;
    const char *id;
    char date[11];            /* "YYYY-MM-DD" or "" */
    const char *title, *source_name, *url;
    const char *origin_file;  /* where the record came from, for messages */
    long origin_line;

    char *text;               /* NUL-terminated, valid UTF-8 */
    size_t len;
    uint32_t invalid_bytes;   /* how many bytes were replaced by U+FFFD */
    uint32_t flags;           /* GESTA_DOC_* */

    gesta_sent *sents; uint32_t nsent, sent_cap;
    gesta_tok *toks; uint32_t ntok, tok_cap;
    gesta_event *events; uint32_t nevent, event_cap;
    gesta_quote *quotes; uint32_t nquote, quote_cap;
    gesta_flag *flagrecs; uint32_t nflag, flag_cap;

    /* Parses given by the input, used instead of ours with --use-parse: a Penn
     * bracketing (PETRARCH XML <Parse>) or CoNLL-U rows (UniversalPetrarch XML). */
    const char *given_penn;
    const char *given_conllu;

    /* Cross-story grouping (corpus/corpus.h): the near-duplicate story group. */
    const char *story_group;

    /* PETRARCH validation expectations, when the input had them */
    const char *category;
    gesta_gold_event *gold; uint32_t ngold;
    uint8_t gold_noevents, gold_error, has_gold;
    /* PETRARCH <Config option="require_dyad" value="false"> in force for this
     * record: events with one side missing are coded, the side as "---". */
    uint8_t no_dyad;
};

/* Appending to a document's layers. Each returns the new element (zeroed) or NULL on OOM. */
gesta_sent *gesta_doc_add_sent(gesta_doc *doc);
gesta_tok *gesta_doc_add_tok(gesta_doc *doc);
gesta_event *gesta_doc_add_event(gesta_doc *doc);
gesta_quote *gesta_doc_add_quote(gesta_doc *doc);
gesta_flag *gesta_doc_add_flag(gesta_doc *doc, int32_t sentence, const char *kind,
                               const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/** Makes an empty document (no text yet) in a fresh arena. */
gesta_doc *gesta_doc_alloc(void);
/** Sets the text: copies, repairs invalid UTF-8 (each bad byte → U+FFFD). */
int gesta_doc_set_text(gesta_doc *doc, const char *text, size_t len);
/** Sets the date from "YYYY-MM-DD" or "YYYYMMDD"; returns -1 if malformed (date left ""). */
int gesta_doc_set_date(gesta_doc *doc, const char *date);

#endif
