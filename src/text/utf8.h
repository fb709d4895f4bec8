/* UTF-8 validation and repair. */
#ifndef GESTA_TEXT_UTF8_H
#define GESTA_TEXT_UTF8_H
#include <stddef.h>
#include <stdint.h>

/**
 * Length of the valid UTF-8 sequence at s[0..n), or 0 when the byte at s is not
 * the start of one (overlong forms, surrogates and code points past U+10FFFF
 * are invalid). *cp receives the code point.
 */
size_t gesta_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/** Number of invalid bytes in s[0..n); *first_bad gets the offset of the first (or n). */
size_t gesta_utf8_count_invalid(const char *s, size_t n, size_t *first_bad);

/**
 * Copies s[0..n) into dst replacing each invalid byte by U+FFFD (3 bytes); NUL bytes
 * also become U+FFFD so the text stays a C string. dst must hold 3*n+1 bytes.
 * Returns the output length and writes the number of replaced bytes to *replaced.
 */
size_t gesta_utf8_repair(const char *s, size_t n, char *dst, size_t *replaced);

/** Encodes cp into out (4 bytes max); returns the length. */
size_t gesta_utf8_encode(int32_t cp, char *out);

#endif
