/* Plain text: the whole input is one document, its id the file name, its date --date. */
#include <string.h>

#include "io/reader_int.h"

static int text_next(gesta_reader *r, gesta_doc **doc, gesta_error *err) {
    if (r->state) return GESTA_EOF;
    r->state = r; /* done after this one */
    gesta_buf all = GESTA_BUF_INIT;
    if (reader_slurp(r, &all) < 0) {
        gesta_buf_free(&all);
        return reader_ioerror(r, err);
    }
    gesta_doc *d = reader_new_doc(r, r->base, strlen(r->base), 1);
    if (!d || gesta_doc_set_text(d, all.data ? all.data : "", all.len) < 0) {
        gesta_buf_free(&all);
        gesta_doc_free(d);
        return gesta_error_set(err, GESTA_ENOMEM, r->shown, 0, 0, "out of memory");
    }
    gesta_buf_free(&all);
    if (r->opts.default_date && gesta_doc_set_date(d, r->opts.default_date) < 0) {
        gesta_doc_free(d);
        return gesta_error_set(err, GESTA_EUSAGE, r->shown, 0, 0, "invalid --date \"%s\" (want YYYY-MM-DD)",
                               r->opts.default_date);
    }
    *doc = d;
    return GESTA_OK;
}

const reader_ops gesta_read_text_ops = {NULL, text_next, NULL};
