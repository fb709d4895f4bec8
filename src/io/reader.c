/*
 * The reader core: opening (plain, .gz, stdin), buffered line reading, format
 * detection, diagnostics, and dispatch to the per-format readers.
 *
 * zlib's gzopen reads uncompressed files unchanged, so every input goes through
 * one gzFile. Line-based formats (JSONL, CoNLL-U) are streamed; text and XML are
 * read whole by their readers.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/engine.h"
#include "io/reader_int.h"

#define CHUNK 65536
#define SNIFF 8192

int gesta_input_format_parse(const char *name) {
    if (!strcmp(name, "auto")) return GESTA_IN_AUTO;
    if (!strcmp(name, "text")) return GESTA_IN_TEXT;
    if (!strcmp(name, "jsonl")) return GESTA_IN_JSONL;
    if (!strcmp(name, "petrarch-xml")) return GESTA_IN_PXML;
    if (!strcmp(name, "conllu")) return GESTA_IN_CONLLU;
    return -1;
}

const char *gesta_input_format_name(gesta_input_format f) {
    switch (f) {
    case GESTA_IN_TEXT: return "text";
    case GESTA_IN_JSONL: return "jsonl";
    case GESTA_IN_PXML: return "petrarch-xml";
    case GESTA_IN_CONLLU: return "conllu";
    default: return "auto";
    }
}

/* Reads one more chunk into r->in. 1: got bytes, 0: end, -1: broke off. */
static int fill(gesta_reader *r) {
    if (r->eof) return r->ioerr ? -1 : 0;
    if (r->pos > 0 && r->pos * 2 >= r->in.len) { /* compact: keep the buffer small */
        memmove(r->in.data, r->in.data + r->pos, r->in.len - r->pos);
        r->in.len -= r->pos;
        r->pos = 0;
    }
    if (gesta_buf_reserve(&r->in, CHUNK + 1) < 0) {
        r->eof = r->ioerr = 1;
        snprintf(r->errmsg, sizeof r->errmsg, "out of memory");
        return -1;
    }
    int n = gzread(r->gz, r->in.data + r->in.len, CHUNK);
    int zerr = Z_OK;
    const char *zmsg = gzerror(r->gz, &zerr);
    if (n > 0 && (zerr == Z_OK || zerr == Z_STREAM_END)) {
        r->in.len += (size_t)n;
        r->in.data[r->in.len] = '\0';
        return 1;
    }
    if (n > 0) { /* bytes before an error: keep them, report the error next time */
        r->in.len += (size_t)n;
        r->in.data[r->in.len] = '\0';
    }
    r->eof = 1;
    if (n < 0 || (zerr != Z_OK && zerr != Z_STREAM_END)) {
        r->ioerr = 1;
        /* zlib says "unexpected end of file" for a truncated stream */
        snprintf(r->errmsg, sizeof r->errmsg, "%s",
                 zerr == Z_ERRNO ? strerror(errno) : (zmsg && *zmsg ? zmsg : "read error"));
        if (n > 0) return 1;
        return -1;
    }
    return n > 0 ? 1 : 0;
}

int reader_getline(gesta_reader *r, const char **line, size_t *len) {
    size_t from = 0; /* bytes after pos already known to hold no newline */
    for (;;) {
        size_t avail = r->in.len - r->pos;
        char *start = avail ? r->in.data + r->pos : NULL;
        char *nl = avail > from ? memchr(start + from, '\n', avail - from) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - start);
            *nl = '\0';
            r->pos += n + 1;
            if (n && start[n - 1] == '\r') start[--n] = '\0';
            *line = start;
            *len = n;
            r->line++;
            return 1;
        }
        from = avail;
        int f = fill(r); /* may move the data; `from` stays valid relative to pos */
        if (f > 0) continue;
        if (f < 0) { /* a line cut off by a broken input is not worth reading */
            r->pos = r->in.len;
            return -1;
        }
        if (avail == 0) return 0;
        start = r->in.data + r->pos; /* the last line has no newline */
        size_t n = avail;
        if (start[n - 1] == '\r') start[--n] = '\0';
        r->pos = r->in.len;
        *line = start;
        *len = n;
        r->line++;
        return 1;
    }
}

int reader_slurp(gesta_reader *r, gesta_buf *out) {
    for (;;) {
        if (r->pos < r->in.len) gesta_buf_append(out, r->in.data + r->pos, r->in.len - r->pos);
        r->pos = r->in.len = 0;
        int f = fill(r);
        if (f < 0) {
            if (r->pos < r->in.len) gesta_buf_append(out, r->in.data + r->pos, r->in.len - r->pos);
            r->pos = r->in.len = 0;
            return -1;
        }
        if (f == 0) break;
    }
    if (out->oom) {
        r->ioerr = 1;
        snprintf(r->errmsg, sizeof r->errmsg, "out of memory");
        return -1;
    }
    if (!out->data) gesta_buf_reserve(out, 1);
    return 0;
}

void reader_bad(gesta_reader *r, long line, long col, const char *fmt, ...) {
    r->skipped++;
    if (!r->opts.diag) return;
    gesta_error e = {0};
    e.code = GESTA_EINPUT;
    snprintf(e.file, sizeof e.file, "%s", r->shown);
    e.line = line;
    e.col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    r->opts.diag(r->opts.diag_ctx, &e);
}

int reader_ioerror(gesta_reader *r, gesta_error *err) {
    return gesta_error_set(err, GESTA_EIO, r->shown, r->line > 0 ? r->line : 0, 0, "%s",
                           r->errmsg[0] ? r->errmsg : "read error");
}

gesta_doc *reader_new_doc(gesta_reader *r, const char *id, size_t idlen, long line) {
    gesta_doc *d = gesta_doc_alloc();
    if (!d) return NULL;
    d->id = gesta_arena_strndup(d->arena, id, idlen);
    d->origin_file = gesta_arena_strdup(d->arena, r->shown);
    d->origin_line = line;
    if (!d->id || !d->origin_file) { gesta_doc_free(d); return NULL; }
    return d;
}

int reader_set_env(gesta_reader *r, const char *key, const char *value) {
    char **p = realloc(r->env, (r->nenv + 1) * 2 * sizeof *p);
    if (!p) return GESTA_ENOMEM;
    r->env = p;
    char *k = strdup(key);
    size_t need = strlen(r->dir) + strlen(value) + 2;
    char *v = malloc(need);
    if (!k || !v) { free(k); free(v); return GESTA_ENOMEM; }
    if (value[0] == '/' || !strcmp(r->dir, ".")) snprintf(v, need, "%s", value);
    else snprintf(v, need, "%s/%s", r->dir, value);
    r->env[2 * r->nenv] = k;
    r->env[2 * r->nenv + 1] = v;
    r->nenv++;
    return GESTA_OK;
}

const char *gesta_reader_environment(const gesta_reader *r, const char *key) {
    if (!r) return NULL;
    for (size_t i = 0; i < r->nenv; i++)
        if (!strcmp(r->env[2 * i], key)) return r->env[2 * i + 1];
    return NULL;
}

/* ---- detection ---------------------------------------------------------- */

static int starts(const char *s, const char *e, const char *word) {
    size_t n = strlen(word);
    return (size_t)(e - s) >= n && memcmp(s, word, n) == 0;
}

/* A CoNLL-U word row: ID (1, 1-2, 1.1) then exactly 9 more tab-separated columns. */
static int conllu_row(const char *s, const char *e) {
    if (s >= e || *s < '0' || *s > '9') return 0;
    int tabs = 0;
    for (const char *p = s; p < e; p++) tabs += *p == '\t';
    return tabs == 9;
}

static gesta_input_format detect(const char *s, size_t n, const char *path) {
    const char *e = s + n, *p = s;
    if (starts(p, e, "\xEF\xBB\xBF")) p += 3;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++;
    if (p < e && *p == '<') {
        if (reader_memmem(p, (size_t)(e - p), "<Sentence", 9) || reader_memmem(p, (size_t)(e - p), "<Validation", 11))
            return GESTA_IN_PXML;
    }
    if (p < e && *p == '{') {
        /* JSONL when a line among the first few is a whole object, {...}: the
         * first line alone may be the broken record (reported and skipped by the
         * JSONL reader, not read as prose with the rest of the file). */
        const char *ls = p;
        for (int line = 0; line < 8 && ls < e; line++) {
            const char *nl = memchr(ls, '\n', (size_t)(e - ls));
            const char *le = nl ? nl : e;
            while (le > ls && (le[-1] == '\r' || le[-1] == ' ' || le[-1] == '\t')) le--;
            if (line == 0 && !nl && n == SNIFF) return GESTA_IN_JSONL;   /* one line longer than the window */
            if (le > ls && *ls == '{' && le[-1] == '}') return GESTA_IN_JSONL;
            if (!nl) break;
            ls = nl + 1;
            while (ls < e && (*ls == '\r' || *ls == '\n')) ls++;
        }
    }
    /* CoNLL-U: its comment lines, or a first row with ten columns */
    if (starts(p, e, "# newdoc") || starts(p, e, "# sent_id") || starts(p, e, "# text") ||
        starts(p, e, "# newpar") || starts(p, e, "# global.columns"))
        return GESTA_IN_CONLLU;
    {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        if (conllu_row(p, nl ? nl : e)) return GESTA_IN_CONLLU;
    }
    /* nothing conclusive in the content: a telling file name */
    const char *dot = strrchr(path, '/');
    dot = dot ? dot + 1 : path;
    if (strstr(dot, ".jsonl") || strstr(dot, ".ndjson")) return GESTA_IN_JSONL;
    if (strstr(dot, ".conllu")) return GESTA_IN_CONLLU;
    if (strstr(dot, ".xml") && p < e && *p == '<') return GESTA_IN_PXML;
    return GESTA_IN_TEXT;
}

/* ---- open / next / close ------------------------------------------------- */

static char *base_name(const char *path) {
    if (!strcmp(path, "-")) return strdup("stdin");
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (n > 3 && !strcmp(b + n - 3, ".gz")) n -= 3;
    return strndup(b, n);
}

static char *dir_name(const char *path) {
    const char *b = strrchr(path, '/');
    if (!strcmp(path, "-") || !b) return strdup(".");
    if (b == path) return strdup("/");
    return strndup(path, (size_t)(b - path));
}

int gesta_reader_open(gesta_reader **out, const char *path, const gesta_reader_options *opts,
                      gesta_error *err) {
    *out = NULL;
    gesta_reader *r = calloc(1, sizeof *r);
    if (!r) return gesta_error_set(err, GESTA_ENOMEM, path, 0, 0, "out of memory");
    r->opts = *opts;
    r->path = strdup(path);
    r->shown = strdup(strcmp(path, "-") ? path : "<stdin>");
    r->base = base_name(path);
    r->dir = dir_name(path);
    if (!r->path || !r->shown || !r->base || !r->dir) {
        gesta_reader_close(r);
        return gesta_error_set(err, GESTA_ENOMEM, path, 0, 0, "out of memory");
    }
    /* one open() (no probe-then-reopen, which would lose bytes of a pipe such as <(cmd)) */
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : dup(0);
    if (fd < 0) {
        int rc = gesta_error_set(err, GESTA_EIO, r->shown, 0, 0, "cannot open: %s", strerror(errno));
        gesta_reader_close(r);
        return rc;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) { /* gzdopen would "open" a folder */
        close(fd);
        int rc = gesta_error_set(err, GESTA_EIO, r->shown, 0, 0, "cannot read: %s", strerror(EISDIR));
        gesta_reader_close(r);
        return rc;
    }
    errno = 0;
    r->gz = gzdopen(fd, "rb");
    if (!r->gz) close(fd);
    if (!r->gz) {
        int e = errno;
        int rc = gesta_error_set(err, GESTA_EIO, r->shown, 0, 0, "cannot open: %s", e ? strerror(e) : "out of memory");
        gesta_reader_close(r);
        return rc;
    }
    gzbuffer(r->gz, CHUNK);
    r->fmt = opts->format;
    if (r->fmt == GESTA_IN_AUTO) {
        while (r->in.len < SNIFF && fill(r) > 0) {}
        r->fmt = detect(r->in.data ? r->in.data : "", r->in.len < SNIFF ? r->in.len : SNIFF, path);
    }
    switch (r->fmt) {
    case GESTA_IN_JSONL: r->ops = &gesta_read_jsonl_ops; break;
    case GESTA_IN_PXML: r->ops = &gesta_read_pxml_ops; break;
    case GESTA_IN_CONLLU: r->ops = &gesta_read_conllu_ops; break;
    default: r->fmt = GESTA_IN_TEXT; r->ops = &gesta_read_text_ops; break;
    }
    if (r->ops->start) {
        int rc = r->ops->start(r, err);
        if (rc < 0) {
            gesta_reader_close(r);
            return rc;
        }
    }
    *out = r;
    return GESTA_OK;
}

int gesta_reader_next(gesta_reader *r, gesta_doc **doc, gesta_error *err) {
    *doc = NULL;
    return r->ops->next(r, doc, err);
}

gesta_input_format gesta_reader_format(const gesta_reader *r) { return r->fmt; }
size_t gesta_reader_skipped(const gesta_reader *r) { return r->skipped; }

void gesta_reader_close(gesta_reader *r) {
    if (!r) return;
    if (r->ops && r->ops->close) r->ops->close(r);
    if (r->gz) gzclose(r->gz);
    gesta_buf_free(&r->in);
    for (size_t i = 0; i < 2 * r->nenv; i++) free(r->env[i]);
    free(r->env);
    free(r->path);
    free(r->shown);
    free(r->base);
    free(r->dir);
    free(r);
}
