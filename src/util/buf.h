/* A growable byte buffer on malloc, for output and for reading lines. */
#ifndef GESTA_UTIL_BUF_H
#define GESTA_UTIL_BUF_H
#include <stddef.h>

typedef struct gesta_buf {
    char *data;    /* always NUL-terminated when len > 0 or after any append */
    size_t len, cap;
    int oom;       /* set when an append failed: later appends are no-ops */
} gesta_buf;

#define GESTA_BUF_INIT { NULL, 0, 0, 0 }

int gesta_buf_reserve(gesta_buf *b, size_t extra);
void gesta_buf_append(gesta_buf *b, const char *s, size_t n);
void gesta_buf_puts(gesta_buf *b, const char *s);
void gesta_buf_putc(gesta_buf *b, char c);
void gesta_buf_printf(gesta_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** Appends s[0..n) as the inside of a JSON string (no surrounding quotes). */
void gesta_buf_json_escape(gesta_buf *b, const char *s, size_t n);
/** Appends s as a quoted JSON string. NULL is written as "". */
void gesta_buf_json_str(gesta_buf *b, const char *s);
void gesta_buf_clear(gesta_buf *b);
void gesta_buf_free(gesta_buf *b);
/** Hands the data to the caller (malloc'd, NUL-terminated) and empties b. */
char *gesta_buf_detach(gesta_buf *b, size_t *len);

#endif
