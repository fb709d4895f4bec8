/*
 * Arena: bump allocation for per-document work, released in one call.
 *
 * Nothing allocated from an arena is freed piecemeal. Built with
 * GESTA_ARENA_DEBUG=1 (the sanitizer build), every allocation is a real malloc
 * kept on a list, so AddressSanitizer and valgrind see each block's bounds.
 */
#ifndef GESTA_UTIL_ARENA_H
#define GESTA_UTIL_ARENA_H
#include <stddef.h>

typedef struct gesta_arena gesta_arena;

/** A new empty arena, or NULL when out of memory. */
gesta_arena *gesta_arena_new(void);
/** Frees every block and the arena. Accepts NULL. */
void gesta_arena_free(gesta_arena *a);
/** Forgets every allocation but keeps the first block for reuse. */
void gesta_arena_reset(gesta_arena *a);
/** n bytes aligned for any type, or NULL when out of memory. Contents undefined. */
void *gesta_arena_alloc(gesta_arena *a, size_t n);
/** n zeroed bytes. */
void *gesta_arena_calloc(gesta_arena *a, size_t count, size_t size);
/** A NUL-terminated copy of s[0..n). */
char *gesta_arena_strndup(gesta_arena *a, const char *s, size_t n);
char *gesta_arena_strdup(gesta_arena *a, const char *s);
/** printf into the arena. */
char *gesta_arena_printf(gesta_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/** Grows an arena array: returns a block of new_cap elements holding the old ones. */
void *gesta_arena_grow(gesta_arena *a, void *old, size_t old_count, size_t new_count, size_t elem);
/** Bytes handed out so far (for memory reports). */
size_t gesta_arena_used(const gesta_arena *a);

#endif
