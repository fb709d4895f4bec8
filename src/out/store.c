#include "out/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "util/strmap.h"

/* Bump when the schema changes; gesta_store_open refuses newer databases. */
#define STORE_SCHEMA_VERSION 1

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);\n"
    "CREATE TABLE IF NOT EXISTS articles(\n"
    "  id TEXT PRIMARY KEY, date TEXT, title TEXT, source TEXT, url TEXT,\n"
    "  text_hash TEXT, nsentences INTEGER, nevents INTEGER, story_group TEXT,\n"
    "  coded_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), gesta_version TEXT);\n"
    "CREATE TABLE IF NOT EXISTS sentences(\n"
    "  article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL, kind TEXT,\n"
    "  start INTEGER, end INTEGER, text TEXT, PRIMARY KEY(article_id, idx)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS events(\n"
    "  article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL, sentence INTEGER,\n"
    "  date TEXT, date_source TEXT, source TEXT, target TEXT, code TEXT, root_code TEXT,\n"
    "  quad_class INTEGER, goldstein REAL, plover TEXT, source_text TEXT, verb_text TEXT, target_text TEXT,\n"
    "  verb_rule_file TEXT, verb_rule_line INTEGER, verb_rule TEXT, flags INTEGER,\n"
    "  duplicate_of INTEGER, dup_group TEXT, place TEXT, place_country TEXT, lat REAL, lon REAL,\n"
    "  PRIMARY KEY(article_id, idx));\n"
    "CREATE TABLE IF NOT EXISTS quotes(\n"
    "  article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL, sentence INTEGER,\n"
    "  speaker TEXT, speaker_code TEXT, quote TEXT, direct INTEGER, PRIMARY KEY(article_id, idx));\n"
    "CREATE TABLE IF NOT EXISTS flags(\n"
    "  article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL, sentence INTEGER,\n"
    "  kind TEXT, message TEXT, PRIMARY KEY(article_id, idx));\n"
    "CREATE TABLE IF NOT EXISTS dup_groups(\n"
    "  group_id TEXT PRIMARY KEY, kind TEXT, first_article TEXT, first_index INTEGER, mentions INTEGER);\n"
    "CREATE INDEX IF NOT EXISTS events_dyad_day ON events(source, target, date);\n"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);\n"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code);\n"
    "CREATE INDEX IF NOT EXISTS events_group ON events(dup_group);\n"
    "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_code);\n"
    "CREATE INDEX IF NOT EXISTS articles_date ON articles(date);\n"
    "CREATE INDEX IF NOT EXISTS flags_kind ON flags(kind);\n";

enum { ST_DEL_A, ST_DEL_S, ST_DEL_E, ST_DEL_Q, ST_DEL_F, ST_ART, ST_SENT, ST_EV, ST_QUOTE, ST_FLAG, ST_GROUP,
       ST_HAS, ST_COUNT };

static const char *const stmt_sql[ST_COUNT] = {
    "DELETE FROM articles WHERE id=?1",
    "DELETE FROM sentences WHERE article_id=?1",
    "DELETE FROM events WHERE article_id=?1",
    "DELETE FROM quotes WHERE article_id=?1",
    "DELETE FROM flags WHERE article_id=?1",
    "INSERT INTO articles(id,date,title,source,url,text_hash,nsentences,nevents,story_group,gesta_version)"
    " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    "INSERT INTO sentences(article_id,idx,kind,start,end,text) VALUES(?1,?2,?3,?4,?5,?6)",
    "INSERT INTO events VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,"
    "?23,?24,?25)",
    "INSERT INTO quotes VALUES(?1,?2,?3,?4,?5,?6,?7)",
    "INSERT INTO flags VALUES(?1,?2,?3,?4,?5)",
    "INSERT OR REPLACE INTO dup_groups VALUES(?1,?2,?3,?4,?5)",
    "SELECT 1 FROM articles WHERE id=?1 AND text_hash=?2",
};

struct gesta_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *st[ST_COUNT];
};

static int db_error(gesta_store *s, gesta_error *err, const char *what) {
    return gesta_error_set(err, GESTA_EDB, s->path, 0, 0, "%s: %s", what, sqlite3_errmsg(s->db));
}

void gesta_store_close(gesta_store *s) {
    if (!s) return;
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

int gesta_store_open(gesta_store **out, const char *path, gesta_error *err) {
    *out = NULL;
    gesta_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return gesta_error_set(err, GESTA_ENOMEM, path, 0, 0, "out of memory");
    }
    int rc = GESTA_OK;
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL) !=
        SQLITE_OK) {
        rc = db_error(s, err, "cannot open database");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 5000);
    /* WAL: readers (analysts' queries) never block the writer; a killed writer
     * leaves the last committed article as the state. */
    sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", NULL,
                 NULL, NULL);
    /* Test hook: a tiny page limit stands in for a full disk (docs/STORE.md). */
    const char *maxp = getenv("GESTA_DB_MAX_PAGES");
    if (maxp && *maxp) {
        char q[64];
        snprintf(q, sizeof q, "PRAGMA max_page_count=%ld", strtol(maxp, NULL, 10));
        sqlite3_exec(s->db, q, NULL, NULL, NULL);
    }
    int version = 0;
    sqlite3_stmt *v;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &v, NULL) == SQLITE_OK) {
        if (sqlite3_step(v) == SQLITE_ROW) version = sqlite3_column_int(v, 0);
        sqlite3_finalize(v);
    }
    if (version > STORE_SCHEMA_VERSION) {
        rc = gesta_error_set(err, GESTA_EDB, path, 0, 0, "database schema version %d is newer than this gesta (%d)",
                             version, STORE_SCHEMA_VERSION);
        goto fail;
    }
    char *msg = NULL;
    if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(s->db, schema, NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(s->db, "PRAGMA user_version=1; COMMIT", NULL, NULL, &msg) != SQLITE_OK) {
        rc = gesta_error_set(err, GESTA_EDB, path, 0, 0, "cannot create the schema: %s", msg ? msg : "?");
        sqlite3_free(msg);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        goto fail;
    }
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v2(s->db, stmt_sql[i], -1, &s->st[i], NULL) != SQLITE_OK) {
            rc = db_error(s, err, "cannot prepare a statement");
            goto fail;
        }
    }
    *out = s;
    return GESTA_OK;
fail:
    gesta_store_close(s);
    return rc;
}

static void hash_hex(const char *text, size_t len, char out[17]) {
    snprintf(out, 17, "%016llx", (unsigned long long)gesta_hash_bytes(text, len));
}

/* Binds text or NULL. SQLITE_TRANSIENT is not needed: values outlive the step. */
static void bt(sqlite3_stmt *st, int i, const char *v) {
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

static int step(sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static const char *kind_name(int k) {
    return k == GESTA_UNIT_HEADING ? "heading" : k == GESTA_UNIT_BOILERPLATE ? "boilerplate" : "prose";
}

static char *span_text(const gesta_doc *doc, const gesta_event *e, gesta_span sp) {
    if (sp.begin < 0 || e->sentence >= doc->nsent) return NULL;
    const gesta_sent *s = &doc->sents[e->sentence];
    if ((uint32_t)sp.end > s->ntok || sp.begin >= sp.end) return NULL;
    const gesta_tok *a = &doc->toks[s->tok0 + sp.begin], *b = &doc->toks[s->tok0 + sp.end - 1];
    return gesta_arena_strndup(doc->arena, doc->text + a->start, b->end - a->start);
}

int gesta_store_put(gesta_store *s, const gesta_doc *doc, gesta_error *err) {
    char hash[17];
    hash_hex(doc->text, doc->len, hash);
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s, err, "cannot begin a transaction");
    for (int i = ST_DEL_S; i <= ST_DEL_F; i++) {
        bt(s->st[i], 1, doc->id);
        if (step(s->st[i]) < 0) goto fail;
    }
    bt(s->st[ST_DEL_A], 1, doc->id);
    if (step(s->st[ST_DEL_A]) < 0) goto fail;

    sqlite3_stmt *st = s->st[ST_ART];
    bt(st, 1, doc->id);
    bt(st, 2, doc->date[0] ? doc->date : NULL);
    bt(st, 3, doc->title);
    bt(st, 4, doc->source_name);
    bt(st, 5, doc->url);
    bt(st, 6, hash);
    sqlite3_bind_int(st, 7, (int)doc->nsent);
    sqlite3_bind_int(st, 8, (int)doc->nevent);
    bt(st, 9, doc->story_group);
    bt(st, 10, gesta_version());
    if (step(st) < 0) goto fail;

    st = s->st[ST_SENT];
    for (uint32_t i = 0; i < doc->nsent; i++) {
        const gesta_sent *x = &doc->sents[i];
        bt(st, 1, doc->id);
        sqlite3_bind_int(st, 2, (int)i);
        bt(st, 3, kind_name(x->kind));
        sqlite3_bind_int(st, 4, (int)x->start);
        sqlite3_bind_int(st, 5, (int)x->end);
        sqlite3_bind_text(st, 6, doc->text + x->start, (int)(x->end - x->start), SQLITE_STATIC);
        if (step(st) < 0) goto fail;
    }
    st = s->st[ST_EV];
    for (uint32_t i = 0; i < doc->nevent; i++) {
        const gesta_event *e = &doc->events[i];
        bt(st, 1, doc->id);
        sqlite3_bind_int(st, 2, (int)i);
        sqlite3_bind_int(st, 3, (int)e->sentence);
        bt(st, 4, e->date);
        bt(st, 5, e->date_source);
        bt(st, 6, e->source);
        bt(st, 7, e->target);
        bt(st, 8, e->code);
        bt(st, 9, e->root_code);
        sqlite3_bind_int(st, 10, e->quad_class);
        sqlite3_bind_double(st, 11, e->goldstein);
        bt(st, 12, e->plover);
        bt(st, 13, span_text(doc, e, e->src_span));
        bt(st, 14, span_text(doc, e, e->verb_span));
        bt(st, 15, span_text(doc, e, e->tgt_span));
        bt(st, 16, e->verb_ev.file);
        sqlite3_bind_int(st, 17, (int)e->verb_ev.line);
        bt(st, 18, e->verb_ev.text);
        sqlite3_bind_int(st, 19, (int)e->flags);
        if (e->dup_of >= 0) sqlite3_bind_int(st, 20, e->dup_of); else sqlite3_bind_null(st, 20);
        bt(st, 21, e->dup_group);
        if (e->has_place) {
            bt(st, 22, e->place_name);
            bt(st, 23, e->place_country);
            sqlite3_bind_double(st, 24, e->lat);
            sqlite3_bind_double(st, 25, e->lon);
        }
        if (step(st) < 0) goto fail;
    }
    st = s->st[ST_QUOTE];
    for (uint32_t i = 0; i < doc->nquote; i++) {
        const gesta_quote *q = &doc->quotes[i];
        bt(st, 1, doc->id);
        sqlite3_bind_int(st, 2, (int)i);
        sqlite3_bind_int(st, 3, (int)q->sentence);
        bt(st, 4, q->speaker);
        bt(st, 5, q->speaker_code);
        bt(st, 6, q->quote);
        sqlite3_bind_int(st, 7, q->direct);
        if (step(st) < 0) goto fail;
    }
    st = s->st[ST_FLAG];
    for (uint32_t i = 0; i < doc->nflag; i++) {
        const gesta_flag *f = &doc->flagrecs[i];
        bt(st, 1, doc->id);
        sqlite3_bind_int(st, 2, (int)i);
        sqlite3_bind_int(st, 3, f->sentence);
        bt(st, 4, f->kind);
        bt(st, 5, f->message);
        if (step(st) < 0) goto fail;
    }
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) goto fail;
    return GESTA_OK;
fail: {
        int rc = db_error(s, err, "cannot store the article");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
}

int gesta_store_put_group(gesta_store *s, const char *group_id, const char *kind, const char *first_article,
                          int first_index, int mentions, gesta_error *err) {
    sqlite3_stmt *st = s->st[ST_GROUP];
    bt(st, 1, group_id);
    bt(st, 2, kind);
    bt(st, 3, first_article);
    sqlite3_bind_int(st, 4, first_index);
    sqlite3_bind_int(st, 5, mentions);
    if (step(st) < 0) return db_error(s, err, "cannot store a duplicate group");
    return GESTA_OK;
}

int gesta_store_has(gesta_store *s, const char *id, const char *text, size_t len) {
    char hash[17];
    hash_hex(text, len, hash);
    sqlite3_stmt *st = s->st[ST_HAS];
    bt(st, 1, id);
    bt(st, 2, hash);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return found;
}
