#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/engine.h"

const char *gesta_version(void) { return "0.1.0"; }

const char *gesta_strerror(int status) {
    switch (status) {
    case GESTA_OK: return "success";
    case GESTA_ENOMEM: return "out of memory";
    case GESTA_EIO: return "input/output error";
    case GESTA_EINPUT: return "malformed input";
    case GESTA_EDICT: return "dictionary error";
    case GESTA_EMODEL: return "model error";
    case GESTA_EUSAGE: return "invalid argument";
    case GESTA_EDB: return "database error";
    case GESTA_EOF: return "end of input";
    default: return "unknown error";
    }
}

int gesta_error_set(gesta_error *err, int code, const char *file, long line, long col,
                    const char *fmt, ...) {
    if (!err) return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

char *gesta_error_format(const gesta_error *err, char *buf, size_t size) {
    if (!size) return buf;
    if (!err) { buf[0] = '\0'; return buf; }
    if (err->file[0] && err->line > 0 && err->col > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s", err->file, err->line, err->col, err->message);
    else if (err->file[0] && err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", err->file, err->line, err->message);
    else if (err->file[0])
        snprintf(buf, size, "%s: %s", err->file, err->message);
    else
        snprintf(buf, size, "%s", err->message[0] ? err->message : gesta_strerror(err->code));
    return buf;
}
