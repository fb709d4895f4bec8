/* The SQLite store: schema, rows per article, idempotent reruns, rollback on failure. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "out/store.h"

static long count(const char *path, const char *sql) {
    sqlite3 *db;
    long n = -1;
    if (sqlite3_open(path, &db) == SQLITE_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
}

static gesta_doc *make_doc(const char *id, int nevents) {
    const char *text = "Putin met Mitsotakis in Sochi. He said talks were useful.";
    gesta_doc *d = NULL;
    gesta_doc_new(&d, id, "2021-12-08", text, strlen(text), NULL);
    gesta_sent *s = gesta_doc_add_sent(d);
    s->start = 0; s->end = 30;
    s = gesta_doc_add_sent(d);
    s->start = 31; s->end = (uint32_t)strlen(text);
    for (int i = 0; i < nevents; i++) {
        gesta_event *e = gesta_doc_add_event(d);
        e->source = "RUSGOV"; e->target = "GRCGOV"; e->code = "036"; e->root_code = "03";
        e->quad_class = 1; e->goldstein = 4.0;
    }
    gesta_quote *q = gesta_doc_add_quote(d);
    q->speaker = "He"; q->speaker_code = "RUSGOV"; q->quote = "talks were useful";
    gesta_doc_add_flag(d, 1, "test", "a flag");
    return d;
}

int main(void) {
    char path[] = "/tmp/gesta-test-store-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    unlink(path);

    gesta_store *s = NULL;
    gesta_error err = {0};
    CHECK_INT(gesta_store_open(&s, path, &err), GESTA_OK);
    gesta_doc *d = make_doc("art-1", 3);
    CHECK_INT(gesta_store_put(s, d, &err), GESTA_OK);
    CHECK_INT(gesta_store_put(s, d, &err), GESTA_OK); /* rerun: replaces, no duplicates */
    gesta_doc *d2 = make_doc("art-2", 1);
    CHECK_INT(gesta_store_put(s, d2, &err), GESTA_OK);
    CHECK(gesta_store_has(s, "art-1", d->text, d->len));
    CHECK(!gesta_store_has(s, "art-1", "other text", 10));
    CHECK_INT(gesta_store_put_group(s, "E1", "event", "art-1", 0, 4, &err), GESTA_OK);
    gesta_store_close(s);

    CHECK_INT(count(path, "SELECT count(*) FROM articles"), 2);
    CHECK_INT(count(path, "SELECT count(*) FROM events"), 4);
    CHECK_INT(count(path, "SELECT count(*) FROM events WHERE article_id='art-1'"), 3);
    CHECK_INT(count(path, "SELECT count(*) FROM sentences"), 4);
    CHECK_INT(count(path, "SELECT count(*) FROM quotes"), 2);
    CHECK_INT(count(path, "SELECT count(*) FROM flags"), 2);
    CHECK_INT(count(path, "SELECT mentions FROM dup_groups WHERE group_id='E1'"), 4);
    CHECK_INT(count(path, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name='events_dyad_day'"), 1);

    /* A re-coded article with fewer events leaves no stale rows. */
    CHECK_INT(gesta_store_open(&s, path, &err), GESTA_OK);
    gesta_doc *d3 = make_doc("art-1", 1);
    CHECK_INT(gesta_store_put(s, d3, &err), GESTA_OK);
    gesta_store_close(s);
    CHECK_INT(count(path, "SELECT count(*) FROM events WHERE article_id='art-1'"), 1);

    /* A full disk (page limit) fails the article as a whole: nothing partial. */
    setenv("GESTA_DB_MAX_PAGES", "1", 1);
    char path2[] = "/tmp/gesta-test-store-full-XXXXXX";
    fd = mkstemp(path2);
    close(fd);
    unlink(path2);
    int rc = gesta_store_open(&s, path2, &err);
    CHECK(rc == GESTA_EDB); /* even the schema does not fit */
    CHECK(strstr(err.message, "full") != NULL || strstr(err.message, "schema") != NULL);
    gesta_store_close(s == NULL ? NULL : s);
    unsetenv("GESTA_DB_MAX_PAGES");

    /* Unwritable location: a clear error. */
    rc = gesta_store_open(&s, "/nonexistent-dir/x.db", &err);
    CHECK_INT(rc, GESTA_EDB);
    CHECK(strstr(err.message, "cannot open") != NULL);

    gesta_doc_free(d); gesta_doc_free(d2); gesta_doc_free(d3);
    char wal[256];
    unlink(path);
    snprintf(wal, sizeof wal, "%s-wal", path); unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path); unlink(wal);
    unlink(path2);
    return check_done();
}
