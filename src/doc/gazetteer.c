/*
 * The gazetteer: place names → country and coordinates.
 *
 * Sources, both Debian packages already in scripts/install-deps.sh:
 *   - the GeoNames cities table that libgeonames0 ships (CC BY 4.0, geonames.org;
 *     credited in data/gazetteer/LICENSE.md and docs/DOCUMENT.md). The package
 *     keeps it inside the shared library, as a GResource (a GVDB file in the ELF
 *     section ".gresource.geonames") holding "cities.compiled": a zlib-compressed,
 *     serialised GVariant array of (id, name, admin1 code, state, country code,
 *     country, timezone, population, latitude, longitude). We read the file as
 *     data: we neither link nor run the library's (GPL-3) code, so libgesta's
 *     licence is unaffected. About 24,000 cities.
 *   - iso-codes' ISO 3166-1 list (alpha-2 → alpha-3, country names).
 * States (first-level subdivisions) and countries get the population-weighted
 * centroid of their cities as coordinates.
 *
 * Where the library file is: $GESTA_GEONAMES, else the usual multiarch paths.
 * When it is absent the gazetteer still knows countries (no coordinates for
 * them then: lat/lon 0 and has_place set only for places with coordinates).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <zlib.h>

#include "doc/dl.h"
#include "doc/doclayer.h"
#include "util/arena.h"
#include "util/strmap.h"

typedef struct gesta_gazetteer gesta_gazetteer;

struct gesta_gazetteer {
    gesta_arena *arena;
    gesta_dl_config cfg;
    gesta_place *places;
    uint32_t nplace, cap, ncity;
    gesta_strmap *names;      /* folded name → list id */
    uint32_t *name_of;        /* per place-name pair, during build */
    uint32_t *off, *idx;      /* CSR: list id → idx[off[id] .. off[id+1]) */
    gesta_strmap *a2;         /* alpha-2 → index into a3 */
    char (*a3)[4];
    uint32_t na3;
    int max_words;
    /* build-time pairs (place, name id) */
    uint32_t *pair_place, *pair_name;
    uint32_t npair, pair_cap;
};

/* ---------- small helpers ---------- */

static char *fold(const char *s, int strip) {
    /* most names are ASCII: lowercase them without utf8proc (load time) */
    size_t n = 0;
    int ascii = 1;
    for (; s[n]; n++) ascii &= (unsigned char)s[n] < 0x80;
    if (ascii) {
        char *r = malloc(n + 1);
        if (!r) return NULL;
        for (size_t i = 0; i <= n; i++) r[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
        return r;
    }
    utf8proc_uint8_t *out = NULL;
    int opts = UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    if (strip) opts = UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out, (utf8proc_option_t)opts) < 0) return NULL;
    if (strip) {
        /* recompose what stripping left (it only removed marks) */
        utf8proc_uint8_t *c = NULL;
        if (utf8proc_map(out, 0, &c, (utf8proc_option_t)(UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE)) >= 0) {
            free(out);
            out = c;
        }
    }
    return (char *)out;
}

static int words_in(const char *s) {
    int n = 1;
    for (; *s; s++)
        if (*s == ' ' || *s == '-') n++;
    return n;
}

static int add_pair(gesta_gazetteer *g, uint32_t place, const char *name) {
    if (!name || !*name) return 0;
    int ascii = 1;
    for (const char *p = name; *p; p++) ascii &= (unsigned char)*p < 0x80;
    for (int strip = 0; strip <= 1 - ascii; strip++) {
        char *f = fold(name, strip);
        if (!f) return -1;
        int64_t id = gesta_strmap_intern(g->names, f, strlen(f));
        int w = words_in(f);
        free(f);
        if (id < 0) return -1;
        /* skip the second key when stripping changed nothing (same id as the first) */
        if (strip && g->npair && g->pair_place[g->npair - 1] == place && g->pair_name[g->npair - 1] == (uint32_t)id)
            continue;
        if (g->npair == g->pair_cap) {
            uint32_t nc = g->pair_cap ? g->pair_cap * 2 : 65536;
            uint32_t *a = realloc(g->pair_place, nc * sizeof *a);
            if (!a) return -1;
            g->pair_place = a;
            uint32_t *b = realloc(g->pair_name, nc * sizeof *b);
            if (!b) return -1;
            g->pair_name = b;
            g->pair_cap = nc;
        }
        g->pair_place[g->npair] = place;
        g->pair_name[g->npair] = (uint32_t)id;
        g->npair++;
        if (w > g->max_words) g->max_words = w;
    }
    return 0;
}

static gesta_place *new_place(gesta_gazetteer *g) {
    if (g->nplace == g->cap) {
        uint32_t nc = g->cap ? g->cap * 2 : 32768;
        void *p = gesta_arena_grow(g->arena, g->places, g->nplace, nc, sizeof *g->places);
        if (!p) return NULL;
        g->places = p;
        g->cap = nc;
    }
    gesta_place *p = &g->places[g->nplace++];
    memset(p, 0, sizeof *p);
    p->state = "";
    return p;
}

const char *gesta_gazetteer_alpha3(const gesta_gazetteer *g, const char *alpha2) {
    uint64_t v;
    if (!g || !alpha2 || !gesta_strmap_get(g->a2, alpha2, strlen(alpha2), &v)) return NULL;
    return g->a3[v];
}

/* ---------- iso-codes ---------- */

static int load_iso(gesta_gazetteer *g, json_t **countries_out) {
    const char *paths[] = {getenv("GESTA_ISO3166"), "/usr/share/iso-codes/json/iso_3166-1.json"};
    json_t *root = NULL;
    for (size_t i = 0; i < 2 && !root; i++)
        if (paths[i] && *paths[i]) root = json_load_file(paths[i], 0, NULL);
    *countries_out = root;
    if (!root) return 0;
    json_t *arr = json_object_get(root, "3166-1");
    size_t n = json_array_size(arr);
    g->a3 = gesta_arena_calloc(g->arena, n + 1, sizeof *g->a3);
    if (!g->a3) return -1;
    for (size_t i = 0; i < n; i++) {
        json_t *c = json_array_get(arr, i);
        const char *a2 = json_string_value(json_object_get(c, "alpha_2"));
        const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
        if (!a2 || !a3 || strlen(a3) != 3) continue;
        memcpy(g->a3[g->na3], a3, 4);
        if (gesta_strmap_put(g->a2, a2, strlen(a2), g->na3) < 0) return -1;
        g->na3++;
    }
    return 0;
}

/* ---------- GeoNames data inside libgeonames0 ---------- */

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    unsigned char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 1 << 20;
            if (nc > (64u << 20)) { free(buf); fclose(f); return NULL; }
            unsigned char *p = realloc(buf, nc);
            if (!p) { free(buf); fclose(f); return NULL; }
            buf = p;
            cap = nc;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    fclose(f);
    *len = n;
    return buf;
}

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t rd64(const unsigned char *p) { return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32; }

/* The bytes of an ELF64 (little-endian) section by name. */
static int elf_section(const unsigned char *f, size_t len, const char *name, size_t *off, size_t *size) {
    if (len < 64 || memcmp(f, "\x7f" "ELF", 4) || f[4] != 2 || f[5] != 1) return -1;
    uint64_t shoff = rd64(f + 0x28);
    uint16_t shentsize = rd16(f + 0x3a), shnum = rd16(f + 0x3c), shstrndx = rd16(f + 0x3e);
    if (shentsize < 64 || shoff > len || (uint64_t)shnum * shentsize > len - shoff || shstrndx >= shnum) return -1;
    const unsigned char *strsh = f + shoff + (size_t)shstrndx * shentsize;
    uint64_t stroff = rd64(strsh + 24), strsize = rd64(strsh + 32);
    if (stroff > len || strsize > len - stroff) return -1;
    for (uint16_t i = 0; i < shnum; i++) {
        const unsigned char *sh = f + shoff + (size_t)i * shentsize;
        uint32_t nm = rd32(sh);
        if (nm >= strsize) continue;
        const char *sn = (const char *)f + stroff + nm;
        if (strnlen(sn, strsize - nm) == strsize - nm || strcmp(sn, name)) continue;
        uint64_t o = rd64(sh + 24), s = rd64(sh + 32);
        if (o > len || s > len - o) return -1;
        *off = (size_t)o;
        *size = (size_t)s;
        return 0;
    }
    return -1;
}

/*
 * In a GVDB file, finds the item whose key ends with `leaf` and returns its value
 * (a serialised GVariant 'v' holding "(uuay)": size, flags, data).
 */
static int gvdb_find(const unsigned char *d, size_t len, const char *leaf, const unsigned char **val, size_t *vlen) {
    if (len < 24 || memcmp(d, "GVariant", 8)) return -1;
    uint32_t rs = rd32(d + 16), re = rd32(d + 20);
    if (rs > re || re > len || re - rs < 8) return -1;
    uint32_t nbloom = rd32(d + rs) & ((1u << 27) - 1), nbuckets = rd32(d + rs + 4);
    uint64_t items = (uint64_t)rs + 8 + 4ull * nbloom + 4ull * nbuckets;
    if (items > re) return -1;
    size_t nitems = (re - items) / 24;
    size_t leaf_len = strlen(leaf);
    for (size_t i = 0; i < nitems; i++) {
        const unsigned char *it = d + items + i * 24;
        uint32_t ks = rd32(it + 8);
        uint16_t kl = rd16(it + 12);
        char type = (char)it[14];
        if (type != 'v' || ks > len || kl > len - ks || kl < leaf_len) continue;
        if (memcmp(d + ks + kl - leaf_len, leaf, leaf_len)) continue;
        uint32_t vs = rd32(it + 16), ve = rd32(it + 20);
        if (vs > ve || ve > len) return -1;
        *val = d + vs;
        *vlen = ve - vs;
        return 0;
    }
    return -1;
}

/* Unpacks the resource value: returns malloc'd data and its length. */
static unsigned char *resource_data(const unsigned char *v, size_t vlen, size_t *out_len) {
    /* variant = child bytes, '\0', type string "(uuay)" */
    const char *sig = "(uuay)";
    size_t sl = strlen(sig);
    if (vlen < 8 + 1 + sl || memcmp(v + vlen - sl, sig, sl) || v[vlen - sl - 1] != 0) return NULL;
    uint32_t size = rd32(v), flags = rd32(v + 4);
    const unsigned char *data = v + 8;
    size_t dlen = vlen - sl - 1 - 8;
    unsigned char *out = malloc(size ? size : 1);
    if (!out) return NULL;
    if (flags & 1u) { /* G_RESOURCE_FLAGS_COMPRESSED: zlib */
        uLongf ol = size;
        if (uncompress(out, &ol, data, (uLong)dlen) != Z_OK || ol != size) { free(out); return NULL; }
    } else {
        if (dlen < size) { free(out); return NULL; }
        memcpy(out, data, size);
    }
    *out_len = size;
    return out;
}

static size_t rd_off(const unsigned char *p, int w) { return w == 1 ? p[0] : w == 2 ? rd16(p) : rd32(p); }
static int off_width(size_t n) { return n <= 0xff ? 1 : n <= 0xffff ? 2 : 4; }

typedef struct city_rec {
    const char *f[7]; /* id, name, admin1, state, cc, country, tz */
    uint32_t pop;
    double lat, lon;
} city_rec;

/* One (sssssssudd) element. */
static int parse_city(const unsigned char *e, size_t n, city_rec *r) {
    int w = off_width(n);
    if (n < 7u * (size_t)w + 24) return -1;
    size_t prev = 0;
    for (int i = 0; i < 7; i++) {
        size_t end = rd_off(e + n - (size_t)(i + 1) * w, w);
        if (end > n - 7u * (size_t)w || end <= prev || e[end - 1] != 0) return -1;
        r->f[i] = (const char *)e + prev;
        prev = end;
    }
    size_t p = (prev + 3) & ~(size_t)3;
    r->pop = rd32(e + p);
    p = (p + 4 + 7) & ~(size_t)7;
    if (p + 16 > n) return -1;
    uint64_t a = rd64(e + p), b = rd64(e + p + 8);
    memcpy(&r->lat, &a, 8);
    memcpy(&r->lon, &b, 8);
    return 0;
}

typedef struct agg { double w, lat, lon; } agg;

/* "RUS\tMoscow Oblast" without snprintf (called 50,000 times at load) */
static size_t join_key(char *out, size_t cap, const char *a3, const char *name) {
    size_t nl = strlen(name);
    if (nl > cap - 5) nl = cap - 5;
    memcpy(out, a3, 3);
    out[3] = '\t';
    memcpy(out + 4, name, nl);
    out[4 + nl] = '\0';
    return 4 + nl;
}

static int load_geonames(gesta_gazetteer *g, const char *path) {
    size_t flen = 0, so = 0, ss = 0, vlen = 0, clen = 0;
    unsigned char *file = read_file(path, &flen);
    if (!file) return 0;
    int rc = 0;
    unsigned char *cities = NULL;
    const unsigned char *val;
    gesta_strmap *states = NULL, *countries = NULL;
    agg *sagg = NULL, *cagg = NULL;
    if (elf_section(file, flen, ".gresource.geonames", &so, &ss) < 0 ||
        gvdb_find(file + so, ss, "cities.compiled", &val, &vlen) < 0 ||
        !(cities = resource_data(val, vlen, &clen)) || clen < 8)
        goto done;
    int w = off_width(clen);
    size_t last = rd_off(cities + clen - w, w);
    if (last > clen) goto done;
    size_t n = (clen - last) / (size_t)w;
    states = gesta_strmap_new(4096);
    countries = gesta_strmap_new(512);
    sagg = calloc(n + 1, sizeof *sagg);
    cagg = calloc(n + 1, sizeof *cagg);
    if (!states || !countries || !sagg || !cagg) { rc = -1; goto done; }
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        size_t end = rd_off(cities + last + i * (size_t)w, w);
        if (end > last || end < start) break;
        city_rec r;
        if (parse_city(cities + start, end - start, &r) == 0) {
            const char *a3 = gesta_gazetteer_alpha3(g, r.f[4]);
            if (a3 && r.f[1][0]) {
                gesta_place *p = new_place(g);
                if (!p) { rc = -1; goto done; }
                uint32_t pi = g->nplace - 1;
                p->name = gesta_arena_strdup(g->arena, r.f[1]);
                p->state = gesta_arena_strdup(g->arena, r.f[3]);
                if (!p->name || !p->state) { rc = -1; goto done; }
                memcpy(p->country, a3, 4);
                p->kind = GESTA_PLACE_CITY;
                p->lat = r.lat;
                p->lon = r.lon;
                p->population = r.pop;
                g->ncity++;
                if (add_pair(g, pi, r.f[1]) < 0) { rc = -1; goto done; }
                /* "New York City" is "New York" in the news; countries still win
                 * "Mexico" and "Kuwait" by their higher prior */
                size_t nl = strlen(r.f[1]);
                size_t cut = nl > 5 && !strcmp(r.f[1] + nl - 5, " City") ? 5
                           : nl > 5 && !strcmp(r.f[1] + nl - 5, " D.C.") ? 5 : 0; /* "Washington D.C." */
                if (cut) {
                    char shortn[256];
                    snprintf(shortn, sizeof shortn, "%.*s", (int)(nl - cut), r.f[1]);
                    if (add_pair(g, pi, shortn) < 0) { rc = -1; goto done; }
                    p->big_city = 1;
                }
                double wt = r.pop > 0 ? r.pop : 1;
                if (r.f[3][0]) {
                    char key[512];
                    size_t kl = join_key(key, sizeof key, a3, r.f[3]);
                    int64_t sid = gesta_strmap_intern(states, key, kl);
                    if (sid < 0) { rc = -1; goto done; }
                    sagg[sid].w += wt; sagg[sid].lat += wt * r.lat; sagg[sid].lon += wt * r.lon;
                }
                char ckey[600];
                size_t ckl = join_key(ckey, sizeof ckey, a3, r.f[5]);
                int64_t cid = gesta_strmap_intern(countries, ckey, ckl);
                if (cid < 0) { rc = -1; goto done; }
                cagg[cid].w += wt; cagg[cid].lat += wt * r.lat; cagg[cid].lon += wt * r.lon;
            }
        }
        start = (end + 7) & ~(size_t)7;
    }
    /* states: "Texas", "Georgia", "Moscow Oblast" */
    for (size_t i = 0; i < gesta_strmap_count(states); i++) {
        const char *key = gesta_strmap_key(states, i);
        gesta_place *p = new_place(g);
        if (!p) { rc = -1; goto done; }
        memcpy(p->country, key, 3);
        p->country[3] = '\0';
        p->name = gesta_arena_strdup(g->arena, key + 4);
        p->state = p->name;
        if (!p->name) { rc = -1; goto done; }
        p->kind = GESTA_PLACE_STATE;
        p->population = sagg[i].w;
        p->lat = sagg[i].lat / sagg[i].w;
        p->lon = sagg[i].lon / sagg[i].w;
        if (add_pair(g, g->nplace - 1, p->name) < 0) { rc = -1; goto done; }
    }
    /* countries under GeoNames' short names ("Russia", "United States") */
    for (size_t i = 0; i < gesta_strmap_count(countries); i++) {
        const char *key = gesta_strmap_key(countries, i);
        gesta_place *p = new_place(g);
        if (!p) { rc = -1; goto done; }
        memcpy(p->country, key, 3);
        p->country[3] = '\0';
        p->name = gesta_arena_strdup(g->arena, key + 4);
        if (!p->name) { rc = -1; goto done; }
        p->kind = GESTA_PLACE_COUNTRY;
        p->population = cagg[i].w;
        p->lat = cagg[i].lat / cagg[i].w;
        p->lon = cagg[i].lon / cagg[i].w;
        if (add_pair(g, g->nplace - 1, p->name) < 0) { rc = -1; goto done; }
    }
done:
    gesta_strmap_free(states);
    gesta_strmap_free(countries);
    free(sagg);
    free(cagg);
    free(cities);
    free(file);
    return rc;
}

/* Country places from iso-codes under their ISO names, and common short names,
 * pointing at the GeoNames country entry's coordinates when there is one. */
static int add_iso_names(gesta_gazetteer *g, json_t *root) {
    static const struct { const char *name, *a3; } extra[] = {
        {"US", "USA"}, {"U.S.", "USA"}, {"USA", "USA"}, {"America", "USA"}, {"UK", "GBR"},
        {"U.K.", "GBR"}, {"Britain", "GBR"}, {"Great Britain", "GBR"}, {"Russia", "RUS"},
        {"South Korea", "KOR"}, {"North Korea", "PRK"}, {"Iran", "IRN"}, {"Syria", "SYR"},
        {"Taiwan", "TWN"}, {"Vietnam", "VNM"}, {"Laos", "LAO"}, {"Bolivia", "BOL"},
        {"Venezuela", "VEN"}, {"Tanzania", "TZA"}, {"Moldova", "MDA"}, {"Palestine", "PSE"}};
    /* country index by alpha-3 over what load_geonames made */
    uint32_t ncountry_before = g->nplace;
    gesta_strmap *by3 = gesta_strmap_new(512);
    if (!by3) return -1;
    for (uint32_t i = 0; i < ncountry_before; i++)
        if (g->places[i].kind == GESTA_PLACE_COUNTRY &&
            gesta_strmap_put(by3, g->places[i].country, 3, i) < 0) { gesta_strmap_free(by3); return -1; }
    int rc = 0;
    json_t *arr = root ? json_object_get(root, "3166-1") : NULL;
    size_t n = json_array_size(arr);
    size_t nextra = sizeof extra / sizeof extra[0];
    for (size_t i = 0; i < n + nextra; i++) {
        const char *a3, *names[3] = {NULL, NULL, NULL};
        if (i < n) {
            json_t *c = json_array_get(arr, i);
            a3 = json_string_value(json_object_get(c, "alpha_3"));
            names[0] = json_string_value(json_object_get(c, "name"));
            names[1] = json_string_value(json_object_get(c, "common_name"));
            names[2] = json_string_value(json_object_get(c, "official_name"));
        } else {
            a3 = extra[i - n].a3;
            names[0] = extra[i - n].name;
        }
        if (!a3 || strlen(a3) != 3) continue;
        uint64_t at;
        int have = gesta_strmap_get(by3, a3, 3, &at);
        for (int k = 0; k < 3; k++) {
            if (!names[k]) continue;
            /* the GeoNames name is there already */
            if (have && !strcmp(g->places[at].name, names[k])) continue;
            gesta_place *p = new_place(g);
            if (!p) { rc = -1; goto done; }
            if (have) *p = g->places[at];
            else { memcpy(p->country, a3, 4); p->kind = GESTA_PLACE_COUNTRY; p->lat = p->lon = NAN; }
            p->name = gesta_arena_strdup(g->arena, names[k]);
            p->state = "";
            if (!p->name || add_pair(g, g->nplace - 1, p->name) < 0) { rc = -1; goto done; }
        }
    }
done:
    gesta_strmap_free(by3);
    return rc;
}

static int build_index(gesta_gazetteer *g) {
    size_t nn = gesta_strmap_count(g->names);
    g->off = gesta_arena_calloc(g->arena, nn + 1, sizeof *g->off);
    g->idx = gesta_arena_calloc(g->arena, g->npair + 1, sizeof *g->idx);
    if (!g->off || !g->idx) return -1;
    for (uint32_t i = 0; i < g->npair; i++) g->off[g->pair_name[i] + 1]++;
    for (size_t i = 0; i < nn; i++) g->off[i + 1] += g->off[i];
    uint32_t *fill = calloc(nn + 1, sizeof *fill);
    if (!fill) return -1;
    for (uint32_t i = 0; i < g->npair; i++) {
        uint32_t id = g->pair_name[i];
        g->idx[g->off[id] + fill[id]++] = g->pair_place[i];
    }
    free(fill);
    free(g->pair_place);
    free(g->pair_name);
    g->pair_place = g->pair_name = NULL;
    return 0;
}

void gesta_dl_config_from_env(gesta_dl_config *cfg);

int gesta_gazetteer_load(struct gesta_gazetteer **out, const char *data_dir, gesta_error *err) {
    (void)data_dir;
    *out = NULL;
    gesta_gazetteer *g = calloc(1, sizeof *g);
    json_t *iso = NULL;
    if (!g) goto oom;
    gesta_dl_config_from_env(&g->cfg);
    g->arena = gesta_arena_new();
    g->names = gesta_strmap_new(65536);
    g->a2 = gesta_strmap_new(512);
    if (!g->arena || !g->names || !g->a2) goto oom;
    if (load_iso(g, &iso) < 0) goto oom;
    const char *env = getenv("GESTA_GEONAMES");
    const char *paths[] = {env, "/usr/lib/x86_64-linux-gnu/libgeonames.so.0",
                           "/usr/lib/aarch64-linux-gnu/libgeonames.so.0", "/usr/lib/libgeonames.so.0",
                           "/usr/lib64/libgeonames.so.0"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0] && g->ncity == 0; i++) {
        if (!paths[i] || !*paths[i]) continue;
        if (load_geonames(g, paths[i]) < 0) goto oom;
        if (env && *env && i == 0) break; /* an explicit path is the only one tried */
    }
    if (add_iso_names(g, iso) < 0) goto oom;
    if (build_index(g) < 0) goto oom;
    json_decref(iso);
    *out = g;
    return GESTA_OK;
oom:
    json_decref(iso);
    gesta_gazetteer_free(g);
    return gesta_error_set(err, GESTA_ENOMEM, NULL, 0, 0, "out of memory loading the gazetteer");
}

void gesta_gazetteer_free(struct gesta_gazetteer *g) {
    if (!g) return;
    gesta_strmap_free(g->names);
    gesta_strmap_free(g->a2);
    free(g->pair_place);
    free(g->pair_name);
    gesta_arena_free(g->arena);
    free(g);
}

int gesta_gazetteer_lookup(const struct gesta_gazetteer *g, const char *folded, const uint32_t **out) {
    uint64_t id;
    if (!g || !g->off || !folded || !gesta_strmap_get(g->names, folded, strlen(folded), &id)) return 0;
    *out = g->idx + g->off[id];
    return (int)(g->off[id + 1] - g->off[id]);
}

const gesta_place *gesta_gazetteer_place(const struct gesta_gazetteer *g, uint32_t i) {
    return g && i < g->nplace ? &g->places[i] : NULL;
}

uint32_t gesta_gazetteer_size(const struct gesta_gazetteer *g, uint32_t *ncities) {
    if (ncities) *ncities = g ? g->ncity : 0;
    return g ? g->nplace : 0;
}

const gesta_dl_config *gesta_gazetteer_config(const struct gesta_gazetteer *g) { return g ? &g->cfg : NULL; }

int gesta_gazetteer_max_words(const struct gesta_gazetteer *g) { return g ? g->max_words : 0; }
