#include "util/buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int gesta_buf_reserve(gesta_buf *b, size_t extra) {
    if (b->oom) return -1;
    if (extra > SIZE_MAX - b->len - 1) { b->oom = 1; return -1; }
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) { b->oom = 1; return -1; }
    b->data = p;
    b->cap = cap;
    return 0;
}

void gesta_buf_append(gesta_buf *b, const char *s, size_t n) {
    if (gesta_buf_reserve(b, n) < 0) return;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void gesta_buf_puts(gesta_buf *b, const char *s) { gesta_buf_append(b, s, strlen(s)); }
void gesta_buf_putc(gesta_buf *b, char c) { gesta_buf_append(b, &c, 1); }

void gesta_buf_printf(gesta_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) { va_end(ap2); return; }
    if ((size_t)n < sizeof tmp) {
        gesta_buf_append(b, tmp, (size_t)n);
    } else if (gesta_buf_reserve(b, (size_t)n) == 0) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void gesta_buf_json_escape(gesta_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        gesta_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': gesta_buf_append(b, "\\\"", 2); break;
        case '\\': gesta_buf_append(b, "\\\\", 2); break;
        case '\n': gesta_buf_append(b, "\\n", 2); break;
        case '\r': gesta_buf_append(b, "\\r", 2); break;
        case '\t': gesta_buf_append(b, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            gesta_buf_append(b, u, 6);
        }
        }
    }
    gesta_buf_append(b, s + run, n - run);
}

void gesta_buf_json_str(gesta_buf *b, const char *s) {
    gesta_buf_putc(b, '"');
    if (s) gesta_buf_json_escape(b, s, strlen(s));
    gesta_buf_putc(b, '"');
}

void gesta_buf_clear(gesta_buf *b) {
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void gesta_buf_free(gesta_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

char *gesta_buf_detach(gesta_buf *b, size_t *len) {
    if (gesta_buf_reserve(b, 0) < 0) { gesta_buf_free(b); return NULL; }
    char *p = b->data;
    if (len) *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}
