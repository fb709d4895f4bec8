#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

typedef struct slot {
    uint64_t hash;      /* 0 = empty */
    uint32_t key_off;   /* offset into pool */
    uint32_t klen;
    uint64_t value;
} slot;

struct gesta_strmap {
    slot *slots;
    size_t cap, count;
    char *pool;          /* keys, NUL-terminated, back to back */
    size_t pool_len, pool_cap;
    uint32_t *order;     /* key offsets by id, for gesta_strmap_key */
    size_t order_cap;
};

uint64_t gesta_hash_bytes(const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 1099511628211ull; }
    return h ? h : 1;
}

gesta_strmap *gesta_strmap_new(size_t expected) {
    gesta_strmap *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    size_t cap = 16;
    while (cap < expected * 2) cap *= 2;
    m->slots = calloc(cap, sizeof *m->slots);
    if (!m->slots) { free(m); return NULL; }
    m->cap = cap;
    return m;
}

void gesta_strmap_free(gesta_strmap *m) {
    if (!m) return;
    free(m->slots);
    free(m->pool);
    free(m->order);
    free(m);
}

static slot *find(const gesta_strmap *m, const char *key, size_t klen, uint64_t h) {
    size_t mask = m->cap - 1, i = (size_t)h & mask;
    for (;;) {
        slot *s = &m->slots[i];
        if (s->hash == 0) return s;
        if (s->hash == h && s->klen == klen && memcmp(m->pool + s->key_off, key, klen) == 0) return s;
        i = (i + 1) & mask;
    }
}

static int grow(gesta_strmap *m) {
    size_t ncap = m->cap * 2;
    slot *ns = calloc(ncap, sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < m->cap; i++) {
        slot *s = &m->slots[i];
        if (!s->hash) continue;
        size_t j = (size_t)s->hash & (ncap - 1);
        while (ns[j].hash) j = (j + 1) & (ncap - 1);
        ns[j] = *s;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
    return 0;
}

static slot *insert(gesta_strmap *m, const char *key, size_t klen, int *fresh) {
    if ((m->count + 1) * 4 > m->cap * 3 && grow(m) < 0) return NULL;
    uint64_t h = gesta_hash_bytes(key, klen);
    slot *s = find(m, key, klen, h);
    *fresh = 0;
    if (s->hash) return s;
    if (m->pool_len + klen + 1 > m->pool_cap) {
        size_t nc = m->pool_cap ? m->pool_cap : 4096;
        while (nc < m->pool_len + klen + 1) nc *= 2;
        if (nc > UINT32_MAX) return NULL;
        char *np = realloc(m->pool, nc);
        if (!np) return NULL;
        m->pool = np;
        m->pool_cap = nc;
    }
    if (m->count + 1 > m->order_cap) {
        size_t nc = m->order_cap ? m->order_cap * 2 : 64;
        uint32_t *no = realloc(m->order, nc * sizeof *no);
        if (!no) return NULL;
        m->order = no;
        m->order_cap = nc;
    }
    memcpy(m->pool + m->pool_len, key, klen);
    m->pool[m->pool_len + klen] = '\0';
    s->hash = h;
    s->key_off = (uint32_t)m->pool_len;
    s->klen = (uint32_t)klen;
    s->value = 0;
    m->order[m->count] = s->key_off;
    m->pool_len += klen + 1;
    m->count++;
    *fresh = 1;
    return s;
}

int gesta_strmap_put(gesta_strmap *m, const char *key, size_t klen, uint64_t value) {
    int fresh;
    slot *s = insert(m, key, klen, &fresh);
    if (!s) return -1;
    s->value = value;
    return 0;
}

int gesta_strmap_get(const gesta_strmap *m, const char *key, size_t klen, uint64_t *value) {
    if (!m || !m->count) return 0;
    slot *s = find(m, key, klen, gesta_hash_bytes(key, klen));
    if (!s->hash) return 0;
    if (value) *value = s->value;
    return 1;
}

int64_t gesta_strmap_intern(gesta_strmap *m, const char *key, size_t klen) {
    int fresh;
    slot *s = insert(m, key, klen, &fresh);
    if (!s) return -1;
    if (fresh) s->value = m->count - 1;
    return (int64_t)s->value;
}

const char *gesta_strmap_key(const gesta_strmap *m, uint64_t id) {
    return id < m->count ? m->pool + m->order[id] : NULL;
}

size_t gesta_strmap_count(const gesta_strmap *m) { return m ? m->count : 0; }

size_t gesta_strmap_bytes(const gesta_strmap *m) {
    return m ? m->cap * sizeof(slot) + m->pool_cap + m->order_cap * sizeof(uint32_t) : 0;
}
