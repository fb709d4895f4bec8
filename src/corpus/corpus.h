/*
 * Cross-story duplicates: one real event reported by 50 outlets should be one
 * event with 50 mentions.
 *
 * Two passes, fed one document at a time in input order (single thread):
 *  1. Stories: a MinHash sketch over word shingles of each story's prose, with
 *     LSH banding to find candidates; a story whose estimated Jaccard similarity
 *     to an earlier one reaches `story_threshold` joins that story's group
 *     (wire copies, light rewrites).
 *  2. Events: the Phoenix one-a-day key (date, source, target, code) groups
 *     events across all stories; in addition, an event joins an earlier group
 *     with the same source and target country (first three letters of the
 *     codes), the same root code and a date within `window_days` (outlets code
 *     the same meeting as KENGOV or KEN, and a rewrite's date may be a day off).
 * Nothing is deleted: each event gets dup_group, and every mention after the
 * first is flagged GESTA_EV_REPEAT.
 */
#ifndef GESTA_CORPUS_CORPUS_H
#define GESTA_CORPUS_CORPUS_H
#include "core/doc.h"

typedef struct gesta_corpus gesta_corpus;

typedef struct gesta_corpus_options {
    double story_threshold;  /* estimated Jaccard for "same story"; default 0.5 */
    int shingle;             /* words per shingle; default 4 */
    int window_days;         /* days apart that country-level event matches may be; default 1 */
} gesta_corpus_options;

#define GESTA_CORPUS_OPTIONS_INIT { 0.5, 4, 1 }

gesta_corpus *gesta_corpus_new(const gesta_corpus_options *opts);
void gesta_corpus_free(gesta_corpus *c);

/** Assigns doc->story_group and each event's dup_group (strings in doc->arena). */
int gesta_corpus_add(gesta_corpus *c, gesta_doc *doc);

/** Groups so far, for the store: kind "story" or "event". Returns the count. */
size_t gesta_corpus_group_count(const gesta_corpus *c);
void gesta_corpus_group(const gesta_corpus *c, size_t i, const char **id, const char **kind,
                        const char **first_article, int *first_index, int *mentions);

/** Estimated Jaccard similarity of two texts' shingle sets (for tests and tuning). */
double gesta_corpus_similarity(const char *a, const char *b, int shingle);

#endif
