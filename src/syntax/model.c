/*
 * The model file: gesta's own binary format, read with one fread and used in
 * place (no parsing, no per-entry allocation).
 *
 *   header   "GESTAMDL", u32 version, u32 section count, u32 CRC-32 of the
 *            section table, u32 0, u64 file size        (32 bytes)
 *   table    per section: u32 id, u32 CRC-32 of its bytes, u64 offset, u64 size
 *   sections at 64-byte aligned offsets (a weight bucket is one cache line),
 *   little-endian, in id order:
 *     1 META      u32 counts (tags, labels, buckets and entries of both perceptrons,
 *                 lemma slots, pool length)
 *     2 NAMES     per tag: UPOS byte + XPOS string + NUL; then labels, NUL-ended
 *     3/4 tagger buckets / entries   5/6 parser buckets / entries
 *     7/8 lemma exception / suffix-rule slots   9 string pool
 *     10 TAGLEX   word → (ambiguity class, most frequent tag) slots
 *     11/12 second-pass tagger buckets / entries (may be empty)
 *     13/14/15 dense weight rows of the tagger, second tagger and parser
 *           (int16, nclass rounded up to 16 per row; META has their shifts)
 *
 * Loading checks everything an index could go wrong with (sizes, CRCs, slot
 * ranges, entry classes, string offsets, a free slot in every probe table), so
 * a truncated or corrupt file is refused with GESTA_EMODEL and never read
 * out of bounds. The format assumes a little-endian host (x86-64, arm64).
 */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1   /* madvise(MADV_HUGEPAGE): Linux-specific, see model_alloc */
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "core/doc.h"
#include "core/engine.h"
#include "syntax/model.h"
#include "syntax/syntax.h"
#include "util/buf.h"

enum { SEC_META = 1, SEC_NAMES, SEC_TSLOT, SEC_TENT, SEC_PSLOT, SEC_PENT, SEC_LEX, SEC_SUF, SEC_POOL, SEC_TAGLEX, SEC_T2SLOT, SEC_T2ENT, SEC_TDENSE, SEC_T2DENSE, SEC_PDENSE, NSEC = 15 };
enum { M_NTAG, M_NLAB, M_TSLOT, M_TENT, M_PSLOT, M_PENT, M_NLEX, M_NSUF, M_POOL, M_NTAGLEX, M_T2SLOT, M_T2ENT, M_TDENSE, M_T2DENSE, M_PDENSE,
       M_TSHIFT, M_T2SHIFT, M_PSHIFT, M_COUNT = 32 };

typedef struct sec_entry { uint32_t id, crc; uint64_t off, size; } sec_entry;
#define HEADER_SIZE 32

static uint32_t crc_of(const void *p, size_t n) {
    uLong c = crc32(0L, Z_NULL, 0);
    const unsigned char *b = p;
    while (n) {
        uInt k = n > (1u << 30) ? (1u << 30) : (uInt)n;
        c = crc32(c, b, k);
        b += k;
        n -= k;
    }
    return (uint32_t)c;
}

/* ---- writing ------------------------------------------------------------ */

int gesta_model_serialize(const gesta_model_parts *p, unsigned char **bufp, size_t *lenp) {
    *bufp = NULL;
    *lenp = 0;
    gesta_buf names = GESTA_BUF_INIT;
    for (uint32_t i = 0; i < p->ntag; i++) {
        gesta_buf_putc(&names, (char)p->tag_upos[i]);
        gesta_buf_append(&names, p->tag_xpos[i], strlen(p->tag_xpos[i]) + 1);
    }
    for (uint32_t i = 0; i < p->nlab; i++) gesta_buf_append(&names, p->lab_name[i], strlen(p->lab_name[i]) + 1);
    uint32_t meta[M_COUNT] = {0};
    meta[M_NTAG] = p->ntag;
    meta[M_NLAB] = p->nlab;
    meta[M_TSLOT] = p->tagger.nbucket;
    meta[M_TENT] = p->tagger.nent;
    meta[M_PSLOT] = p->parser.nbucket;
    meta[M_PENT] = p->parser.nent;
    meta[M_NLEX] = p->nlex;
    meta[M_NSUF] = p->nsuf;
    meta[M_POOL] = p->pool_len;
    meta[M_NTAGLEX] = p->taglex.nslot;
    meta[M_T2SLOT] = p->tagger2.nbucket;
    meta[M_T2ENT] = p->tagger2.nent;
    meta[M_TDENSE] = p->tagger.ndense;
    meta[M_T2DENSE] = p->tagger2.ndense;
    meta[M_PDENSE] = p->parser.ndense;
    meta[M_TSHIFT] = p->tagger.dshift;
    meta[M_T2SHIFT] = p->tagger2.dshift;
    meta[M_PSHIFT] = p->parser.dshift;
    const void *data[NSEC] = {meta, names.data, p->tagger.bk, p->tagger.ent, p->parser.bk, p->parser.ent,
                              p->lex, p->suf, p->pool, p->taglex.slots, p->tagger2.bk, p->tagger2.ent,
                              p->tagger.dense, p->tagger2.dense, p->parser.dense};
    uint64_t size[NSEC] = {sizeof meta, names.len, (uint64_t)p->tagger.nbucket * sizeof(gesta_pbucket),
                           (uint64_t)p->tagger.nent * 4, (uint64_t)p->parser.nbucket * sizeof(gesta_pbucket),
                           (uint64_t)p->parser.nent * 4, (uint64_t)p->nlex * sizeof(gesta_lexslot),
                           (uint64_t)p->nsuf * sizeof(gesta_lexslot), p->pool_len,
                           (uint64_t)p->taglex.nslot * sizeof(gesta_lexslot),
                           (uint64_t)p->tagger2.nbucket * sizeof(gesta_pbucket), (uint64_t)p->tagger2.nent * 4,
                           (uint64_t)p->tagger.ndense * p->tagger.stride * 2,
                           (uint64_t)p->tagger2.ndense * p->tagger2.stride * 2,
                           (uint64_t)p->parser.ndense * p->parser.stride * 2};
    sec_entry tab[NSEC];
    uint64_t off = HEADER_SIZE + sizeof tab;
    for (int i = 0; i < NSEC; i++) {
        off = (off + 63) & ~(uint64_t)63;
        tab[i] = (sec_entry){(uint32_t)(i + 1), crc_of(data[i], size[i]), off, size[i]};
        off += size[i];
    }
    unsigned char hdr[HEADER_SIZE] = {0};
    memcpy(hdr, GESTA_MODEL_MAGIC, 8);
    uint32_t v = GESTA_MODEL_VERSION, ns = NSEC, tcrc = crc_of(tab, sizeof tab);
    memcpy(hdr + 8, &v, 4);
    memcpy(hdr + 12, &ns, 4);
    memcpy(hdr + 16, &tcrc, 4);
    memcpy(hdr + 24, &off, 8);
    unsigned char *buf = calloc(1, (size_t)off);
    if (!buf || names.oom) {
        free(buf);
        gesta_buf_free(&names);
        return GESTA_ENOMEM;
    }
    memcpy(buf, hdr, HEADER_SIZE);
    memcpy(buf + HEADER_SIZE, tab, sizeof tab);
    for (int i = 0; i < NSEC; i++)
        if (size[i]) memcpy(buf + tab[i].off, data[i], size[i]);
    gesta_buf_free(&names);
    *bufp = buf;
    *lenp = (size_t)off;
    return GESTA_OK;
}

int gesta_model_write(const char *path, const gesta_model_parts *p, gesta_error *err) {
    unsigned char *buf;
    size_t len;
    if (gesta_model_serialize(p, &buf, &len) < 0) return gesta_error_set(err, GESTA_ENOMEM, path, 0, 0, "out of memory");
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(buf);
        return gesta_error_set(err, GESTA_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    }
    int ok = fwrite(buf, 1, len, f) == len;
    if (fclose(f) != 0) ok = 0;
    free(buf);
    return ok ? GESTA_OK : gesta_error_set(err, GESTA_EIO, path, 0, 0, "could not write the model");
}

int gesta_model_save(const struct gesta_model *m, const char *path, gesta_error *err) {
    FILE *f = fopen(path, "wb");
    if (!f) return gesta_error_set(err, GESTA_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    int ok = fwrite(m->buf, 1, m->size, f) == m->size;
    if (fclose(f) != 0) ok = 0;
    return ok ? GESTA_OK : gesta_error_set(err, GESTA_EIO, path, 0, 0, "could not write the model");
}

/* ---- loading ------------------------------------------------------------ */

void gesta_model_free(struct gesta_model *m) {
    if (!m) return;
    free(m->buf);
    free(m);
}

void gesta_model_base_tags(struct gesta_model *m) {
    static const struct { const char *infl, *base; int upos; } map[] = {
        {"VBD", "VB", GESTA_UPOS_VERB}, {"VBN", "VB", GESTA_UPOS_VERB}, {"VBG", "VB", GESTA_UPOS_VERB},
        {"VBZ", "VB", GESTA_UPOS_VERB}, {"VBP", "VB", GESTA_UPOS_VERB}, {"NNS", "NN", GESTA_UPOS_NOUN},
        {"JJR", "JJ", GESTA_UPOS_ADJ}, {"JJS", "JJ", GESTA_UPOS_ADJ}, {"RBR", "RB", GESTA_UPOS_ADV},
        {"RBS", "RB", GESTA_UPOS_ADV}};
    for (uint32_t t = 0; t < GESTA_MAX_TAGS; t++) m->base_tag[t] = -1;
    for (uint32_t t = 0; t < m->ntag; t++)
        for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
            if (strcmp(m->tag_xpos[t], map[i].infl)) continue;
            for (uint32_t b = 0; b < m->ntag; b++)
                if (!strcmp(m->tag_xpos[b], map[i].base) && m->tag_upos[b] == map[i].upos) m->base_tag[t] = (int16_t)b;
        }
}

void gesta_model_set_search(struct gesta_model *m, int search) {
    if (m) m->search = search < 0 ? 0 : search;
}

static int is_pow2(uint32_t x) { return x && !(x & (x - 1)); }

static int check_percep(gesta_percep *p, const unsigned char *bk, uint64_t sbk, const unsigned char *ent,
                        uint64_t sent, const unsigned char *dense, uint64_t sdense, uint32_t nbucket, uint32_t nent,
                        uint32_t ndense, uint32_t dshift, uint32_t nclass) {
    uint32_t stride = GESTA_DENSE_STRIDE(nclass);
    if (!nbucket || sbk != (uint64_t)nbucket * sizeof(gesta_pbucket) || sent != (uint64_t)nent * 4 ||
        sdense != (uint64_t)ndense * stride * 2 || dshift > 8)
        return -1;
    p->ndense = ndense;
    p->stride = stride;
    p->dshift = dshift;
    p->dense = (const int16_t *)dense;
    p->nclass = nclass;
    p->nbucket = nbucket;
    p->nent = nent;
    p->bk = (const gesta_pbucket *)bk;
    p->ent = (const int32_t *)ent;
    int open = 0;
    for (uint32_t i = 0; i < nbucket; i++) {
        const gesta_pbucket *b = &p->bk[i];
        for (int j = 0; j < GESTA_PBUCKET_SLOTS; j++) {
            if (!b->fp[j]) {
                open = 1;
                /* buckets fill from the front: a search stops at the first gap */
                for (int k = j + 1; k < GESTA_PBUCKET_SLOTS; k++)
                    if (b->fp[k]) return -1;
                break;
            }
            uint32_t off = b->run[j] >> 7, n = b->run[j] & 127;
            if (n == GESTA_PSLOT_DENSE) {
                if (off >= ndense) return -1;
            } else if (off > nent || n > nent - off || n > nclass) {
                return -1;
            }
        }
    }
    if (!open) return -1;   /* searching needs a free slot to stop */
    for (uint32_t i = 0; i < nent; i++)
        if ((uint32_t)(p->ent[i] & 0xff) >= nclass) return -1;
    return 0;
}

static int check_lex(const gesta_lexslot *t, uint32_t nslot, uint32_t pool_len, int rules) {
    if (!nslot) return 0;
    if (!is_pow2(nslot)) return -1;
    uint32_t used = 0;
    for (uint32_t i = 0; i < nslot; i++) {
        if (!t[i].key) continue;
        used++;
        if (rules || t[i].a == 2) {
            if (t[i].b >= pool_len) return -1;
        } else if (t[i].a > 2) {
            return -1;
        }
    }
    return used < nslot ? 0 : -1;
}

static int check_taglex(const gesta_taglex *t, uint32_t ntag) {
    if (!t->nslot) return 0;
    if (!is_pow2(t->nslot)) return -1;
    uint32_t used = 0;
    for (uint32_t i = 0; i < t->nslot; i++) {
        if (!t->slots[i].key) continue;
        used++;
        if (t->slots[i].b >= ntag) return -1;
    }
    return used < t->nslot ? 0 : -1;
}

#define BAD(...) do { gesta_error_set(err, GESTA_EMODEL, name, 0, 0, __VA_ARGS__); goto fail; } while (0)

int gesta_model_from_buffer(struct gesta_model **out, unsigned char *buf, size_t size, const char *name,
                            gesta_error *err) {
    *out = NULL;
    struct gesta_model *m = calloc(1, sizeof *m);
    if (!m) {
        free(buf);
        return gesta_error_set(err, GESTA_ENOMEM, name, 0, 0, "out of memory");
    }
    m->buf = buf;
    m->size = size;
    sec_entry tab[NSEC];
    if (size < HEADER_SIZE + sizeof tab) BAD("not a gesta model (too short: %zu bytes)", size);
    if (memcmp(buf, GESTA_MODEL_MAGIC, 8)) BAD("not a gesta model (bad magic)");
    uint32_t v, ns, tcrc;
    uint64_t fsize;
    memcpy(&v, buf + 8, 4);
    memcpy(&ns, buf + 12, 4);
    memcpy(&tcrc, buf + 16, 4);
    memcpy(&fsize, buf + 24, 8);
    if (v != GESTA_MODEL_VERSION) BAD("model format version %u, this gesta reads version %u", v, GESTA_MODEL_VERSION);
    if (ns != NSEC) BAD("model has %u sections, expected %d", ns, NSEC);
    if (fsize != size) BAD("model is truncated or padded: %zu bytes, header says %llu", size, (unsigned long long)fsize);
    memcpy(tab, buf + HEADER_SIZE, sizeof tab);
    if (crc_of(tab, sizeof tab) != tcrc) BAD("model section table is corrupt (checksum)");
    const unsigned char *sec[NSEC];
    for (int i = 0; i < NSEC; i++) {
        if (tab[i].id != (uint32_t)(i + 1) || tab[i].off % 64 || tab[i].off > size || tab[i].size > size - tab[i].off)
            BAD("model section %d is out of bounds", i + 1);
        sec[i] = buf + tab[i].off;
        if (crc_of(sec[i], tab[i].size) != tab[i].crc) BAD("model section %d is corrupt (checksum)", i + 1);
    }
    if (tab[0].size != M_COUNT * 4) BAD("model META section has the wrong size");
    uint32_t meta[M_COUNT];
    memcpy(meta, sec[0], sizeof meta);
    m->ntag = meta[M_NTAG];
    m->nlab = meta[M_NLAB];
    if (!m->ntag || m->ntag > GESTA_MAX_TAGS - 6 || !m->nlab || m->nlab > GESTA_MAX_LABELS)
        BAD("model has %u tags and %u labels", m->ntag, m->nlab);
    /* names */
    const char *p = (const char *)sec[1], *end = p + tab[1].size;
    for (uint32_t i = 0; i < m->ntag + m->nlab; i++) {
        if (i < m->ntag) {
            if (p >= end) BAD("model NAMES section is truncated");
            m->tag_upos[i] = (uint8_t)*p++;
            if (m->tag_upos[i] >= GESTA_UPOS_COUNT) BAD("model tag %u has a bad UPOS", i);
        }
        const char *z = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
        if (!z) BAD("model NAMES section is truncated");
        if (i < m->ntag) m->tag_xpos[i] = p;
        else m->lab_name[i - m->ntag] = p;
        p = z + 1;
    }
    if (check_percep(&m->tagger, sec[2], tab[2].size, sec[3], tab[3].size, sec[12], tab[12].size, meta[M_TSLOT],
                     meta[M_TENT], meta[M_TDENSE], meta[M_TSHIFT], m->ntag) < 0)
        BAD("model tagger weights are inconsistent");
    if (check_percep(&m->parser, sec[4], tab[4].size, sec[5], tab[5].size, sec[14], tab[14].size, meta[M_PSLOT],
                     meta[M_PENT], meta[M_PDENSE], meta[M_PSHIFT], 1 + 2 * m->nlab) < 0)
        BAD("model parser weights are inconsistent");
    m->nlex = meta[M_NLEX];
    m->nsuf = meta[M_NSUF];
    m->pool_len = meta[M_POOL];
    if (tab[6].size != (uint64_t)m->nlex * sizeof(gesta_lexslot) || tab[7].size != (uint64_t)m->nsuf * sizeof(gesta_lexslot) ||
        tab[8].size != m->pool_len || (m->pool_len && sec[8][m->pool_len - 1] != '\0'))
        BAD("model lemma tables have the wrong size");
    m->lex = (const gesta_lexslot *)sec[6];
    m->suf = (const gesta_lexslot *)sec[7];
    m->pool = (const char *)sec[8];
    if (check_lex(m->lex, m->nlex, m->pool_len, 0) < 0 || check_lex(m->suf, m->nsuf, m->pool_len, 1) < 0)
        BAD("model lemma tables are inconsistent");
    m->taglex.nslot = meta[M_NTAGLEX];
    m->taglex.slots = (const gesta_lexslot *)sec[9];
    if (tab[9].size != (uint64_t)m->taglex.nslot * sizeof(gesta_lexslot) || check_taglex(&m->taglex, m->ntag) < 0)
        BAD("model tag lexicon is inconsistent");
    if (meta[M_T2SLOT] && check_percep(&m->tagger2, sec[10], tab[10].size, sec[11], tab[11].size, sec[13],
                                       tab[13].size, meta[M_T2SLOT], meta[M_T2ENT], meta[M_T2DENSE], meta[M_T2SHIFT], m->ntag) < 0)
        BAD("model second-pass tagger weights are inconsistent");
    if (!meta[M_T2SLOT] && (tab[10].size || tab[11].size || tab[13].size))
        BAD("model second-pass tagger weights are inconsistent");
    gesta_model_base_tags(m);
    m->search = GESTA_PARSE_SEARCH_DEFAULT;
    *out = m;
    return GESTA_OK;
fail:
    gesta_model_free(m);
    return GESTA_EMODEL;
}

/* The weight tables (tens of MB) are read at random, a few hundred lookups per
 * word: with 4 KB pages nearly every lookup also misses the TLB. On Linux the
 * buffer is 2 MB aligned and marked for transparent huge pages (a hint: where
 * THP is off this is an ordinary allocation). Freed with free(). */
static unsigned char *model_alloc(size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const size_t huge = (size_t)2 << 20;
    if (size >= 2 * huge) {
        void *p = NULL;
        size_t al = (size + huge - 1) & ~(huge - 1);
        if (posix_memalign(&p, huge, al) == 0) {
            (void)madvise(p, al, MADV_HUGEPAGE);
            return p;
        }
    }
#endif
    return malloc(size ? size : 1);
}

int gesta_model_load(struct gesta_model **out, const char *path, gesta_error *err) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return gesta_error_set(err, GESTA_EMODEL, path, 0, 0, "cannot open the model: %s", strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return gesta_error_set(err, GESTA_EMODEL, path, 0, 0, "the model is not a regular file");
    }
    size_t size = (size_t)st.st_size;
    unsigned char *buf = model_alloc(size);
    if (!buf) {
        fclose(f);
        return gesta_error_set(err, GESTA_ENOMEM, path, 0, 0, "out of memory reading the model");
    }
    size_t got = fread(buf, 1, size, f);
    fclose(f);
    if (got != size) {
        free(buf);
        return gesta_error_set(err, GESTA_EMODEL, path, 0, 0, "could not read the model");
    }
    return gesta_model_from_buffer(out, buf, size, path, err);
}
