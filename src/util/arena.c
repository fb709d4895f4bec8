#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks double from 16 KiB up to 1 MiB; a request larger than a block gets a
 * block of its own, so a 10 MB line costs one allocation, not a chain. */
#define ARENA_FIRST 16384u
#define ARENA_MAX_BLOCK (1u << 20)
#define ARENA_ALIGN 16u

typedef struct block {
    struct block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} block;

struct gesta_arena {
    block *head;
    size_t next_size;
    size_t total;
};

gesta_arena *gesta_arena_new(void) {
    gesta_arena *a = calloc(1, sizeof *a);
    if (a) a->next_size = ARENA_FIRST;
    return a;
}

void gesta_arena_free(gesta_arena *a) {
    if (!a) return;
    block *b = a->head;
    while (b) {
        block *n = b->next;
        free(b);
        b = n;
    }
    free(a);
}

void gesta_arena_reset(gesta_arena *a) {
    if (!a) return;
#if GESTA_ARENA_DEBUG
    block *b = a->head;
    while (b) { block *n = b->next; free(b); b = n; }
    a->head = NULL;
#else
    /* Keep the oldest (last in the chain) block, drop the others. */
    block *b = a->head, *keep = NULL;
    while (b) {
        block *n = b->next;
        if (!n) keep = b; else free(b);
        b = n;
    }
    a->head = keep;
    if (keep) keep->used = 0;
#endif
    a->total = 0;
}

void *gesta_arena_alloc(gesta_arena *a, size_t n) {
    if (n == 0) n = 1;
    if (n > SIZE_MAX / 2) return NULL;
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
#if GESTA_ARENA_DEBUG
    block *b = malloc(sizeof *b + n);
    if (!b) return NULL;
    b->size = n; b->used = n;
    b->next = a->head; a->head = b;
    a->total += need;
    return b->data;
#else
    block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t size = a->next_size;
        if (need > size) size = need;
        b = malloc(sizeof *b + size);
        if (!b) return NULL;
        b->size = size; b->used = 0;
        if (a->next_size < ARENA_MAX_BLOCK) a->next_size *= 2;
        if (a->head && need > ARENA_MAX_BLOCK && a->head->size - a->head->used > 4096) {
            /* Oversized request: put its block behind the current one so the
             * current block's free space is still used. */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->data + b->used;
    b->used += need;
    a->total += need;
    return p;
#endif
}

void *gesta_arena_calloc(gesta_arena *a, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = gesta_arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *gesta_arena_strndup(gesta_arena *a, const char *s, size_t n) {
    char *p = gesta_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *gesta_arena_strdup(gesta_arena *a, const char *s) {
    return gesta_arena_strndup(a, s, strlen(s));
}

char *gesta_arena_printf(gesta_arena *a, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = NULL;
    if (n >= 0 && (p = gesta_arena_alloc(a, (size_t)n + 1)))
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void *gesta_arena_grow(gesta_arena *a, void *old, size_t old_count, size_t new_count, size_t elem) {
    if (elem && new_count > SIZE_MAX / elem) return NULL;
    void *p = gesta_arena_alloc(a, new_count * elem);
    if (p && old && old_count) memcpy(p, old, (old_count < new_count ? old_count : new_count) * elem);
    return p;
}

size_t gesta_arena_used(const gesta_arena *a) { return a ? a->total : 0; }
