/*
 * JSONL articles, one JSON object per line:
 *   {"id": "...", "date": "YYYY-MM-DD", "text": "...", "title"?, "source"?, "url"?}
 * A line that is not such an object is reported as FILE:LINE:COL and skipped.
 * A missing id becomes "FILE:LINE"; a missing date falls back to --date.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "io/reader_int.h"
#include "text/utf8.h"

/* An optional string member: 0 absent/null, 1 present (*s, *n), -1 wrong type. */
static int opt_string(json_t *obj, const char *key, const char **s, size_t *n) {
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) return 0;
    if (!json_is_string(v)) return -1;
    *s = json_string_value(v);
    *n = json_string_length(v);
    return 1;
}

static const char *kind_name(json_t *v) {
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: case JSON_REAL: return "a number";
    case JSON_TRUE: case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

/* Builds the document from one parsed object, or reports why not (NULL, *oom set on OOM). */
static gesta_doc *from_object(gesta_reader *r, json_t *o, long line, int *oom) {
    const char *text, *id = NULL, *date = NULL, *s;
    size_t tlen, idlen = 0, n;
    char numid[64];
    int k = opt_string(o, "text", &text, &tlen);
    if (k <= 0) {
        json_t *t = json_object_get(o, "text");
        reader_bad(r, line, 0, "\"text\" is %s; expected a string", t ? kind_name(t) : "missing");
        return NULL;
    }
    json_t *jid = json_object_get(o, "id");
    if (jid && json_is_string(jid)) {
        id = json_string_value(jid);
        idlen = json_string_length(jid);
    } else if (jid && json_is_integer(jid)) {
        idlen = (size_t)snprintf(numid, sizeof numid, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
        id = numid;
    } else if (jid && !json_is_null(jid)) {
        reader_bad(r, line, 0, "\"id\" is %s; expected a string", kind_name(jid));
        return NULL;
    }
    k = opt_string(o, "date", &date, &n);
    if (k < 0) {
        reader_bad(r, line, 0, "\"date\" is %s; expected \"YYYY-MM-DD\"", kind_name(json_object_get(o, "date")));
        return NULL;
    }
    char fallback[600];
    if (!id) {
        idlen = (size_t)snprintf(fallback, sizeof fallback, "%s:%ld", r->base, line);
        if (idlen >= sizeof fallback) idlen = sizeof fallback - 1;
        id = fallback;
    }
    gesta_doc *d = reader_new_doc(r, id, idlen, line);
    if (!d) { *oom = 1; return NULL; }
    if (date && *date) {
        if (gesta_doc_set_date(d, date) < 0) {
            reader_bad(r, line, 0, "bad date \"%.40s\" (want YYYY-MM-DD)", date);
            gesta_doc_free(d);
            return NULL;
        }
    } else if (r->opts.default_date) {
        gesta_doc_set_date(d, r->opts.default_date);
    }
    static const char *const extra[] = {"title", "source", "url"};
    for (int i = 0; i < 3; i++) {
        k = opt_string(o, extra[i], &s, &n);
        if (k < 0) {
            reader_bad(r, line, 0, "\"%s\" is %s; expected a string", extra[i], kind_name(json_object_get(o, extra[i])));
            gesta_doc_free(d);
            return NULL;
        }
        if (k == 0) continue;
        char *copy = gesta_arena_strndup(d->arena, s, n);
        if (!copy) { gesta_doc_free(d); *oom = 1; return NULL; }
        if (i == 0) d->title = copy;
        else if (i == 1) d->source_name = copy;
        else d->url = copy;
    }
    if (gesta_doc_set_text(d, text, tlen) < 0) { gesta_doc_free(d); *oom = 1; return NULL; }
    return d;
}

static int jsonl_next(gesta_reader *r, gesta_doc **doc, gesta_error *err) {
    const char *line;
    size_t len;
    int g;
    while ((g = reader_getline(r, &line, &len)) > 0) {
        size_t i = 0;
        if (r->line == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) i = 3; /* BOM */
        while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
        if (i == len) continue; /* blank lines are not records */
        /* Invalid UTF-8 would make jansson drop the whole article: repair it (each bad
         * byte becomes U+FFFD, as for plain text) and flag the document instead. */
        char *fixed = NULL;
        size_t first_bad, nbad = gesta_utf8_count_invalid(line + i, len - i, &first_bad);
        if (nbad) {
            fixed = malloc(3 * (len - i) + 1);
            if (!fixed) return gesta_error_set(err, GESTA_ENOMEM, r->shown, r->line, 0, "out of memory");
            size_t rep;
            len = gesta_utf8_repair(line + i, len - i, fixed, &rep);
            line = fixed;
            i = 0;
        }
        json_error_t je;
        /* JSON_ALLOW_NUL: a \u0000 in the text is repaired later, not a reason to drop the article */
        json_t *o = json_loadb(line + i, len - i, JSON_ALLOW_NUL, &je);
        free(fixed);
        if (!o) {
            long col = je.column > 0 ? je.column + (long)i : (long)i + 1;
            reader_bad(r, r->line, col, "malformed JSON: %s", je.text);
            continue;
        }
        if (!json_is_object(o)) {
            reader_bad(r, r->line, (long)i + 1, "expected a JSON object, found %s", kind_name(o));
            json_decref(o);
            continue;
        }
        int oom = 0;
        gesta_doc *d = from_object(r, o, r->line, &oom);
        json_decref(o);
        if (oom) return gesta_error_set(err, GESTA_ENOMEM, r->shown, r->line, 0, "out of memory");
        if (!d) continue;
        if (nbad)
            gesta_doc_add_flag(d, -1, "invalid-utf8", "%zu invalid UTF-8 byte(s) in the JSON line were replaced by U+FFFD",
                               nbad);
        *doc = d;
        return GESTA_OK;
    }
    if (g < 0) return reader_ioerror(r, err);
    return GESTA_EOF;
}

const reader_ops gesta_read_jsonl_ops = {NULL, jsonl_next, NULL};
