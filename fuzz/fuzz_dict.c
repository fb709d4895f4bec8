/*
 * Fuzz target for the dictionary loaders (src/coder/dict_*.c, discards.c).
 *
 * LLVMFuzzerTestOneInput writes the input to a scratch file and loads it
 *   1. as each kind alone through dict_load_files (the loader behind
 *      gesta_dicts_load and `gesta dict check`), with the extra checks on:
 *      verbs as they are, verbs after a TABARI-dialect header and after a
 *      PETRARCH-2 header (a file's first pattern fixes its dialect), actors,
 *      agents, discards, issues;
 *   2. as verbs, actors, agents and issues at once through gesta_dicts_load
 *      (gesta's own discards), with an engine as the
 *      warning sink, and codes a fixed parsed document with those dictionaries
 *      (gesta_process: given CoNLL-U parse, coder, document layer), so what a
 *      dictionary line turns into is also matched against text.
 * Everything is freed after each input: LeakSanitizer sees any leak.
 *
 * Built with clang -fsanitize=fuzzer (fuzz/build.sh dict) it is a libFuzzer
 * target; without FUZZ_LIBFUZZER, fuzz/replay.h gives it a main() that replays
 * files and folders. tests/unit/test_dict_fuzz_corpus.c replays
 * fuzz/corpus/dict/ under CTest.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coder/coder.h"
#include "coder/dict.h"
#include "core/engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fz_path[256];

static void fz_cleanup(void) {
    if (fz_path[0]) unlink(fz_path);
}

/* The loaders take paths: the input goes to one scratch file, rewritten each time. */
static int fz_write(const char *head, const uint8_t *data, size_t size) {
    if (!fz_path[0]) {
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        snprintf(fz_path, sizeof fz_path, "%s/gesta-fuzzdict-XXXXXX", dir);
        int fd = mkstemp(fz_path);
        if (fd < 0) { fz_path[0] = '\0'; return -1; }
        close(fd);
        atexit(fz_cleanup);
    }
    FILE *f = fopen(fz_path, "wb");
    if (!f) return -1;
    size_t hl = head ? strlen(head) : 0;
    if (hl && fwrite(head, 1, hl, f) != hl) { fclose(f); return -1; }
    if (size && fwrite(data, 1, size, f) != size) { fclose(f); return -1; }
    return fclose(f);
}

static void fz_report(void *arg, const char *msg) {
    (*(size_t *)arg) += strlen(msg) > 0; /* the message must be a readable string */
}

enum { K_VERBS, K_ACTORS, K_AGENTS, K_DISCARDS, K_ISSUES };

static void fz_load_kind(int kind) {
    dict_files f;
    memset(&f, 0, sizeof f);
    switch (kind) {
    case K_VERBS: f.verbs = fz_path; break;
    case K_ACTORS: f.actors[f.nactors++] = fz_path; break;
    case K_AGENTS: f.agents = fz_path; break;
    case K_DISCARDS: f.discards = fz_path; break;
    default: f.issues = fz_path; break;
    }
    size_t nrep = 0;
    struct gesta_dicts *d = NULL;
    gesta_error err;
    if (dict_load_files(&d, &f, NULL, fz_report, &nrep, 1, &err) == GESTA_OK) gesta_dicts_free(d);
}

/* ---- the document coded with the fuzzed dictionaries ---------------------- */

static const char fz_text[] =
    "Russian President Vladimir Putin met German officials in Moscow on Tuesday. "
    "The rebels attacked police near the border and threatened to kill hostages. "
    "Hostages were freed by the army in Gaza.";

#define ROW(id, form, lemma, upos, xpos, head, rel) id "\t" form "\t" lemma "\t" upos "\t" xpos "\t_\t" head "\t" rel "\t_\t_\n"
static const char fz_conllu[] =
    ROW("1", "Russian", "russian", "ADJ", "JJ", "2", "amod")
    ROW("2", "President", "president", "PROPN", "NNP", "4", "compound")
    ROW("3", "Vladimir", "vladimir", "PROPN", "NNP", "4", "compound")
    ROW("4", "Putin", "putin", "PROPN", "NNP", "5", "nsubj")
    ROW("5", "met", "meet", "VERB", "VBD", "0", "root")
    ROW("6", "German", "german", "ADJ", "JJ", "7", "amod")
    ROW("7", "officials", "official", "NOUN", "NNS", "5", "obj")
    ROW("8", "in", "in", "ADP", "IN", "9", "case")
    ROW("9", "Moscow", "moscow", "PROPN", "NNP", "5", "obl")
    ROW("10", "on", "on", "ADP", "IN", "11", "case")
    ROW("11", "Tuesday", "tuesday", "PROPN", "NNP", "5", "obl")
    ROW("12", ".", ".", "PUNCT", ".", "5", "punct")
    "\n"
    ROW("1", "The", "the", "DET", "DT", "2", "det")
    ROW("2", "rebels", "rebel", "NOUN", "NNS", "3", "nsubj")
    ROW("3", "attacked", "attack", "VERB", "VBD", "0", "root")
    ROW("4", "police", "police", "NOUN", "NN", "3", "obj")
    ROW("5", "near", "near", "ADP", "IN", "7", "case")
    ROW("6", "the", "the", "DET", "DT", "7", "det")
    ROW("7", "border", "border", "NOUN", "NN", "3", "obl")
    ROW("8", "and", "and", "CCONJ", "CC", "9", "cc")
    ROW("9", "threatened", "threaten", "VERB", "VBD", "3", "conj")
    ROW("10", "to", "to", "PART", "TO", "11", "mark")
    ROW("11", "kill", "kill", "VERB", "VB", "9", "xcomp")
    ROW("12", "hostages", "hostage", "NOUN", "NNS", "11", "obj")
    ROW("13", ".", ".", "PUNCT", ".", "3", "punct")
    "\n"
    ROW("1", "Hostages", "hostage", "NOUN", "NNS", "3", "nsubj:pass")
    ROW("2", "were", "be", "AUX", "VBD", "3", "aux:pass")
    ROW("3", "freed", "free", "VERB", "VBN", "0", "root")
    ROW("4", "by", "by", "ADP", "IN", "6", "case")
    ROW("5", "the", "the", "DET", "DT", "6", "det")
    ROW("6", "army", "army", "NOUN", "NN", "3", "obl:agent")
    ROW("7", "in", "in", "ADP", "IN", "8", "case")
    ROW("8", "Gaza", "gaza", "PROPN", "NNP", "3", "obl")
    ROW("9", ".", ".", "PUNCT", ".", "3", "punct")
    "\n";
#undef ROW

/* One engine for the process (ontology, gazetteer); its dictionaries are swapped per input. */
static gesta_engine *fz_engine;
static size_t fz_nevent; /* events coded so far (the replay test checks coding happened) */

static void fz_engine_free(void) { gesta_engine_free(fz_engine); }

static gesta_engine *fz_get_engine(void) {
    static int tried;
    if (tried) return fz_engine;
    tried = 1;
    gesta_engine_options o = GESTA_ENGINE_OPTIONS_INIT;
    o.load_model = 0;
    o.load_dictionaries = 0;
    o.use_parse = 1;
    o.document_layer = getenv("GESTA_FUZZ_NO_DOCLAYER") ? 0 : 1;
    gesta_error err;
    if (gesta_engine_new(&fz_engine, &o, &err) < 0) {
        o.document_layer = 0; /* no gazetteer data: still code */
        if (gesta_engine_new(&fz_engine, &o, &err) < 0) fz_engine = NULL;
    }
    if (fz_engine) atexit(fz_engine_free);
    return fz_engine;
}

static void fz_clear_warnings(gesta_engine *e) {
    for (size_t i = 0; i < e->nwarn; i++) free(e->warnings[i]);
    e->nwarn = 0;
}

static void fz_code_with_all_kinds(void) {
    gesta_engine *e = fz_get_engine();
    if (!e) return;
    const char *actors[] = {fz_path, NULL};
    gesta_engine_options o = e->opts;
    /* not as discards: a file whose every line is a discard phrase would drop every sentence */
    o.verb_file = o.agent_file = o.issue_file = fz_path;
    o.actor_files = actors;
    gesta_error err;
    struct gesta_dicts *d = NULL;
    int rc = gesta_dicts_load(&d, &o, e->data_dir, e, &err);
    for (size_t i = 0; i < gesta_engine_warning_count(e); i++)
        if (!gesta_engine_warning(e, i)) abort();
    fz_clear_warnings(e);
    if (rc < 0) return;
    e->dicts = d;
    gesta_doc *doc;
    if (gesta_doc_new(&doc, "fuzz", "2021-12-08", fz_text, sizeof fz_text - 1, NULL) == GESTA_OK) {
        doc->given_conllu = gesta_arena_strndup(doc->arena, fz_conllu, sizeof fz_conllu - 1);
        if (doc->given_conllu && gesta_process(e, doc, &err) == GESTA_OK) fz_nevent += doc->nevent;
        gesta_doc_free(doc);
    }
    e->dicts = NULL;
    gesta_dicts_free(d);
}

/* A verb file's first pattern fixes its dialect: these headers fix it before the input's lines. */
static const char fz_head_tabari[] = "--- FUZZ1 [010] ---\nfuzzsay\n- $ * + [010]\n";
static const char fz_head_petrarch2[] = "--- FUZZ2 [010] ---\nfuzztell\n- * (ABOUT {NUCLEAR DEAL}) [010]\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (fz_write(NULL, data, size) < 0) return 0;
    for (int k = K_VERBS; k <= K_ISSUES; k++) fz_load_kind(k);
    fz_code_with_all_kinds();
    if (fz_write(fz_head_tabari, data, size) == 0) fz_load_kind(K_VERBS);
    if (fz_write(fz_head_petrarch2, data, size) == 0) fz_load_kind(K_VERBS);
    return 0;
}

#include "replay.h"
