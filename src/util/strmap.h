/*
 * A string → value hash map (open addressing, FNV-1a), for interning words and
 * for dictionary lookups. Keys are copied into the map's own storage. Built once
 * and then read by many threads: lookups never write.
 */
#ifndef GESTA_UTIL_STRMAP_H
#define GESTA_UTIL_STRMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct gesta_strmap gesta_strmap;

gesta_strmap *gesta_strmap_new(size_t expected);
void gesta_strmap_free(gesta_strmap *m);
/** Sets key → value (replacing). Returns 0, or -1 when out of memory. */
int gesta_strmap_put(gesta_strmap *m, const char *key, size_t klen, uint64_t value);
/** Looks key up; returns 1 and fills *value when present, else 0. */
int gesta_strmap_get(const gesta_strmap *m, const char *key, size_t klen, uint64_t *value);
/** Interns key: returns its id (0, 1, 2, ... in insertion order), or -1 on OOM. */
int64_t gesta_strmap_intern(gesta_strmap *m, const char *key, size_t klen);
/** The key with id i, as interned (NUL-terminated), or NULL. */
const char *gesta_strmap_key(const gesta_strmap *m, uint64_t id);
size_t gesta_strmap_count(const gesta_strmap *m);
/** Bytes held (for memory reports). */
size_t gesta_strmap_bytes(const gesta_strmap *m);
uint64_t gesta_hash_bytes(const void *p, size_t n);

#endif
