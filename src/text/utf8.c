#include "text/utf8.h"

#include <string.h>

size_t gesta_utf8_decode(const unsigned char *s, size_t n, int32_t *cp) {
    if (n == 0) return 0;
    unsigned char c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t len;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

size_t gesta_utf8_count_invalid(const char *s, size_t n, size_t *first_bad) {
    const unsigned char *u = (const unsigned char *)s;
    size_t bad = 0, i = 0;
    if (first_bad) *first_bad = n;
    while (i < n) {
        int32_t cp;
        size_t l = gesta_utf8_decode(u + i, n - i, &cp);
        if (l == 0 || cp == 0) {
            if (bad == 0 && first_bad) *first_bad = i;
            bad++;
            i++;
        } else {
            i += l;
        }
    }
    return bad;
}

size_t gesta_utf8_repair(const char *s, size_t n, char *dst, size_t *replaced) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0, bad = 0;
    while (i < n) {
        int32_t cp;
        size_t l = gesta_utf8_decode(u + i, n - i, &cp);
        if (l == 0 || cp == 0) {
            memcpy(dst + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            bad++;
        } else {
            memcpy(dst + o, s + i, l);
            o += l;
            i += l;
        }
    }
    dst[o] = '\0';
    if (replaced) *replaced = bad;
    return o;
}

size_t gesta_utf8_encode(int32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { o[0] = (unsigned char)(0xC0 | (cp >> 6)); o[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12)); o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F)); return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18)); o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
