/*
 * The SQLite store behind `gesta code --db FILE`: articles, sentences, events,
 * quotes, flags and duplicate groups (schema: docs/STORE.md).
 *
 * Each article is written in one transaction that first deletes whatever an
 * earlier run stored for the same article id, so a rerun never duplicates rows
 * and a killed run leaves every article either wholly stored or absent.
 * Used from one thread (the command's writer).
 */
#ifndef GESTA_OUT_STORE_H
#define GESTA_OUT_STORE_H
#include "core/doc.h"

typedef struct gesta_store gesta_store;

/** Opens (creating if absent) and migrates the database. *out is the caller's. */
int gesta_store_open(gesta_store **out, const char *path, gesta_error *err);

/** Replaces everything stored for doc->id with this document's records. */
int gesta_store_put(gesta_store *s, const gesta_doc *doc, gesta_error *err);

/** Records a duplicate group (story or event) and its members' counts. */
int gesta_store_put_group(gesta_store *s, const char *group_id, const char *kind, const char *first_article,
                          int first_index, int mentions, gesta_error *err);

/** 1 when the article id is stored with this exact text (for resumable runs). */
int gesta_store_has(gesta_store *s, const char *id, const char *text, size_t len);

/** Closes. Accepts NULL. */
void gesta_store_close(gesta_store *s);

#endif
