/*
 * bench_pipeline: the whole `gesta code` pipeline in one process — raw text in,
 * JSONL records out — with gesta's own model and dictionaries, on one thread.
 *
 *   bench_pipeline [RUNS] [WHICH]     RUNS default 5; WHICH = all (default), example, ewt, pud
 *   bench_pipeline load [ROUNDS]      load times and memory (default 11 rounds)
 *   bench_pipeline rawjsonl ewt|pud|example FILE
 *                                     writes the corpus as JSONL articles {"id","date","text"}
 *                                     (for timing `gesta code` on the same text; put FILE
 *                                     in /tmp: treebank text never goes into the repository)
 *
 * Corpora (read before timing, never written anywhere):
 *   example  examples/putin-sochi-press-conference.txt (or $GESTA_EXAMPLE), the
 *            document repeated 200 times per run;
 *   ewt      raw text of UD English EWT train+dev+test, rebuilt from the gold files
 *            the way ../shared/tools/rawtext.py does (gesta_cu_rawdocs);
 *   pud      raw text of UD English PUD, rebuilt the same way.
 * $GESTA_SHARED (default ../shared) locates the treebanks; the EWT/PUD parts exit 77
 * when they are absent. $GESTA_DATA chooses the data folder (default: the build's).
 *
 * Each run times, per corpus and in this order:
 *   tokenize  gesta_doc_new + gesta_text_segment (the baseline: the same code in
 *             the same run, so the ratio survives a noisy machine);
 *   pipeline  gesta_doc_new + gesta_process (text, syntax, coder, document layer)
 *             + gesta_corpus_add (cross-story duplicates) + gesta_write_jsonl,
 *             which is what `gesta code` does per document with -j 1;
 *   stages    the same work stage by stage (as engine.c calls them), for the
 *             breakdown.
 * Times are CPU time of the thread (CLOCK_THREAD_CPUTIME_ID): on a shared machine
 * wall-clock time also counts other jobs' turns. The wall-clock median of the
 * pipeline is printed beside it. Every figure is the median over the runs, with
 * the minimum and maximum.
 *
 * Load mode times gesta_engine_new for: the model alone, gesta's own
 * dictionaries alone, and the engine `gesta code` loads (model + dictionaries +
 * gazetteer), and reports what each holds: malloc'd bytes in use after the load
 * minus before (glibc mallinfo2), and for the dictionaries their arena and hash
 * tables.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "coder/coder.h"
#include "coder/dict.h"
#include "core/doc.h"
#include "core/engine.h"
#include "corpus/corpus.h"
#include "doc/doclayer.h"
#include "eval/conllu_score.h"
#include "gesta.h"
#include "out/writer.h"
#include "syntax/model.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include "util/buf.h"

#define MAXRUNS 64
#define EXAMPLE_REPEAT 200

enum { ST_TEXT, ST_SYNTAX, ST_CODER, ST_DOCLAYER, ST_CORPUS, ST_WRITE, NSTAGE };
static const char *const stage_name[NSTAGE] = {"text", "tag+parse", "coder", "doc layer", "dedup", "write"};

static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double wall_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Median of v[0..n) (sorts a copy); min and max through the pointers. */
static double median(const double *v, int n, double *mn, double *mx) {
    double s[MAXRUNS];
    memcpy(s, v, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, cmp_d);
    if (mn) *mn = s[0];
    if (mx) *mx = s[n - 1];
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/* Bytes the process has malloc'd and not freed (glibc: heap chunks in use plus
 * mmap'd blocks). Unlike RSS it does not depend on what earlier frees left behind. */
static size_t heap_in_use(void) {
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

static double peak_rss_mb(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

/* ---- inputs ---- */

typedef struct input {
    const char *name;
    const char **id;
    const char **text;
    size_t *len;
    size_t n;
    size_t bytes;
    char *owned;              /* the example's text */
    gesta_cu_corpus *gold[3]; /* treebank texts live in these arenas */
    gesta_cu_rawdoc *raw[3];
    size_t nraw[3];
} input;

static void input_free(input *in) {
    free(in->id);
    free(in->text);
    free(in->len);
    free(in->owned);
    for (int k = 0; k < 3; k++) {
        free(in->raw[k]);
        gesta_cu_free(in->gold[k]);
    }
}

static int read_example(input *in) {
    char def[1200];
    const char *path = getenv("GESTA_EXAMPLE");
    if (!path || !*path) {
        snprintf(def, sizeof def, "%s/../examples/putin-sochi-press-conference.txt", GESTA_DATA_DIR);
        path = def;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_pipeline: cannot read %s (set GESTA_EXAMPLE)\n", path);
        return -1;
    }
    gesta_buf b = GESTA_BUF_INIT;
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) gesta_buf_append(&b, chunk, k);
    fclose(f);
    size_t len;
    in->owned = gesta_buf_detach(&b, &len);
    in->name = "example article x200";
    in->n = EXAMPLE_REPEAT;
    in->id = calloc(in->n, sizeof *in->id);
    in->text = calloc(in->n, sizeof *in->text);
    in->len = calloc(in->n, sizeof *in->len);
    if (!in->id || !in->text || !in->len) return -1;
    for (size_t i = 0; i < in->n; i++) {
        in->id[i] = "example";
        in->text[i] = in->owned;
        in->len[i] = len;
        in->bytes += len;
    }
    return 0;
}

/* Returns 0, -1 on error, 77 when the treebank is absent. */
static int read_treebank(input *in, const char *name, const char *const *files, int nfiles) {
    const char *shared = getenv("GESTA_SHARED");
    if (!shared || !*shared) shared = "../shared";
    size_t total = 0;
    for (int k = 0; k < nfiles; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/ud/%s", shared, files[k]);
        size_t nbad = 0;
        gesta_error err = {0};
        if (gesta_cu_read(path, &in->gold[k], &nbad, &err) < 0) {
            printf("SKIP: %s not readable (set GESTA_SHARED)\n", path);
            return 77;
        }
        if (gesta_cu_rawdocs(in->gold[k], &in->raw[k], &in->nraw[k]) < 0) return -1;
        total += in->nraw[k];
    }
    in->name = name;
    in->id = calloc(total, sizeof *in->id);
    in->text = calloc(total, sizeof *in->text);
    in->len = calloc(total, sizeof *in->len);
    if (!in->id || !in->text || !in->len) return -1;
    for (int k = 0; k < nfiles; k++)
        for (size_t i = 0; i < in->nraw[k]; i++) {
            in->id[in->n] = in->raw[k][i].id;
            in->text[in->n] = in->raw[k][i].text;
            in->len[in->n] = in->raw[k][i].len;
            in->bytes += in->raw[k][i].len;
            in->n++;
        }
    return 0;
}

/* ---- the timed passes ---- */

typedef struct counts {
    size_t docs, units, tokens, events, bytes_out;
} counts;

static double pass_tokenize(const input *in) {
    double t0 = cpu_now();
    for (size_t i = 0; i < in->n; i++) {
        gesta_doc *d;
        if (gesta_doc_new(&d, in->id[i], NULL, in->text[i], in->len[i], NULL) < 0) exit(1);
        gesta_text_segment(d);
        gesta_doc_free(d);
    }
    return cpu_now() - t0;
}

/* What `gesta code -j 1` does for each document, through the same calls. */
static double pass_pipeline(const gesta_engine *e, const input *in, counts *c, double *wall) {
    gesta_corpus_options co = GESTA_CORPUS_OPTIONS_INIT;
    gesta_corpus *corpus = gesta_corpus_new(&co);
    gesta_buf out = GESTA_BUF_INIT;
    memset(c, 0, sizeof *c);
    double w0 = wall_now(), t0 = cpu_now();
    for (size_t i = 0; i < in->n; i++) {
        gesta_doc *d;
        if (gesta_doc_new(&d, in->id[i], "2021-12-08", in->text[i], in->len[i], NULL) < 0) exit(1);
        if (gesta_process(e, d, NULL) == GESTA_OK) {
            gesta_corpus_add(corpus, d);
            out.len = 0;
            gesta_write_jsonl(&out, d);
            c->bytes_out += out.len;
        }
        c->docs++;
        c->units += d->nsent;
        c->tokens += d->ntok;
        c->events += d->nevent;
        gesta_doc_free(d);
    }
    double t = cpu_now() - t0;
    *wall = wall_now() - w0;
    gesta_buf_free(&out);
    gesta_corpus_free(corpus);
    return t;
}

/* The same work stage by stage, each stage's CPU time added to st[]. Also the
 * memory one processed document holds (malloc'd bytes in use just before it is
 * freed, minus before it was made), outside the timers: `gesta code` holds up to
 * a batch of 256 such documents at once. */
static void pass_stages(const gesta_engine *e, const input *in, double st[NSTAGE], size_t *mem_sum,
                        size_t *mem_max) {
    *mem_sum = *mem_max = 0;
    gesta_corpus_options co = GESTA_CORPUS_OPTIONS_INIT;
    gesta_corpus *corpus = gesta_corpus_new(&co);
    gesta_buf out = GESTA_BUF_INIT;
    for (int s = 0; s < NSTAGE; s++) st[s] = 0;
    for (size_t i = 0; i < in->n; i++) {
        gesta_doc *d;
        size_t m0 = heap_in_use();
        double a = cpu_now(), b;
        if (gesta_doc_new(&d, in->id[i], "2021-12-08", in->text[i], in->len[i], NULL) < 0) exit(1);
        gesta_text_segment(d);
        b = cpu_now(); st[ST_TEXT] += b - a; a = b;
        gesta_syntax_run(e->model, d, 0);
        b = cpu_now(); st[ST_SYNTAX] += b - a; a = b;
        if (e->dicts) gesta_coder_run(e, d);
        b = cpu_now(); st[ST_CODER] += b - a; a = b;
        if (e->opts.document_layer) gesta_doclayer_run(e, d);
        b = cpu_now(); st[ST_DOCLAYER] += b - a; a = b;
        gesta_corpus_add(corpus, d);
        b = cpu_now(); st[ST_CORPUS] += b - a; a = b;
        out.len = 0;
        gesta_write_jsonl(&out, d);
        b = cpu_now(); st[ST_WRITE] += b - a;
        size_t m1 = heap_in_use(), m = m1 > m0 ? m1 - m0 : 0;
        *mem_sum += m;
        if (m > *mem_max) *mem_max = m;
        gesta_doc_free(d);
    }
    gesta_buf_free(&out);
    gesta_corpus_free(corpus);
}

/* Untimed: mean malloc'd bytes a document holds after each stage (how a document's
 * memory builds up; `gesta code` keeps up to 256 processed documents at once). */
static void memory_by_stage(const gesta_engine *e, const input *in) {
    double sum[NSTAGE] = {0};
    for (size_t i = 0; i < in->n; i++) {
        gesta_doc *d;
        size_t m0 = heap_in_use();
        if (gesta_doc_new(&d, in->id[i], "2021-12-08", in->text[i], in->len[i], NULL) < 0) exit(1);
        gesta_text_segment(d);
        sum[ST_TEXT] += (double)(heap_in_use() - m0);
        gesta_syntax_run(e->model, d, 0);
        sum[ST_SYNTAX] += (double)(heap_in_use() - m0);
        if (e->dicts) gesta_coder_run(e, d);
        sum[ST_CODER] += (double)(heap_in_use() - m0);
        if (e->opts.document_layer) gesta_doclayer_run(e, d);
        sum[ST_DOCLAYER] += (double)(heap_in_use() - m0);
        gesta_doc_free(d);
    }
    printf("  mean KB a document holds after: text %.0f, tag+parse %.0f, coder %.0f, doc layer %.0f\n",
           sum[ST_TEXT] / (double)in->n / 1024, sum[ST_SYNTAX] / (double)in->n / 1024,
           sum[ST_CODER] / (double)in->n / 1024, sum[ST_DOCLAYER] / (double)in->n / 1024);
}

static void bench_input(const gesta_engine *e, const input *in, int runs) {
    double tok[MAXRUNS], pipe[MAXRUNS], wall[MAXRUNS], st[NSTAGE][MAXRUNS];
    counts c = {0};
    size_t mem_sum = 0, mem_max = 0;
    for (int r = 0; r < runs; r++) {
        tok[r] = pass_tokenize(in);
        pipe[r] = pass_pipeline(e, in, &c, &wall[r]);
        double s[NSTAGE];
        pass_stages(e, in, s, &mem_sum, &mem_max);
        for (int k = 0; k < NSTAGE; k++) st[k][r] = s[k];
    }
    double mn, mx, tmn, tmx;
    double mt = median(tok, runs, &tmn, &tmx), mp = median(pipe, runs, &mn, &mx), mw = median(wall, runs, NULL, NULL);
    printf("\n== %s: %zu documents, %.2f MB, %zu units, %zu tokens, %zu events, %zu bytes of JSONL\n", in->name,
           c.docs, (double)in->bytes / 1e6, c.units, c.tokens, c.events, c.bytes_out);
    printf("  tokenize only (baseline)  %8.0f tokens/s  %8.0f units/s   (CPU %.3f s; runs %.0f..%.0f tokens/s)\n",
           (double)c.tokens / mt, (double)c.units / mt, mt, (double)c.tokens / tmx, (double)c.tokens / tmn);
    printf("  whole pipeline, 1 thread  %8.0f tokens/s  %8.0f units/s   (CPU %.3f s; runs %.0f..%.0f units/s)\n",
           (double)c.tokens / mp, (double)c.units / mp, mp, (double)c.units / mx, (double)c.units / mn);
    printf("  whole pipeline, wall      %8.0f tokens/s  %8.0f units/s   (wall %.3f s)\n", (double)c.tokens / mw,
           (double)c.units / mw, mw);
    printf("  pipeline / tokenize time ratio: %.1fx\n", mp / mt);
    double sum = 0, med[NSTAGE];
    for (int k = 0; k < NSTAGE; k++) sum += (med[k] = median(st[k], runs, NULL, NULL));
    printf("  stages (median CPU s, share, tokens/s of that stage alone):\n");
    for (int k = 0; k < NSTAGE; k++)
        printf("    %-10s %8.3f s  %5.1f%%  %12.0f tokens/s\n", stage_name[k], med[k], 100 * med[k] / sum,
               med[k] > 0 ? (double)c.tokens / med[k] : 0.0);
    printf("  memory a processed document holds: mean %.0f KB, max %.0f KB\n",
           (double)mem_sum / (double)(c.docs ? c.docs : 1) / 1024.0, (double)mem_max / 1024.0);
    memory_by_stage(e, in);
    printf("  RESULT %s units_per_s=%.0f tokens_per_s=%.0f tokenize_tokens_per_s=%.0f ratio=%.2f\n",
           !strncmp(in->name, "example", 7) ? "example" : !strncmp(in->name, "EWT", 3) ? "ewt" : "pud",
           (double)c.units / mp, (double)c.tokens / mp, (double)c.tokens / mt, mp / mt);
}

/* ---- load mode ---- */

static size_t dict_held(const struct gesta_dicts *d) {
    if (!d) return 0;
    return gesta_arena_used(d->arena) + gesta_strmap_bytes(d->words) + gesta_strmap_bytes(d->verb_index) +
           gesta_strmap_bytes(d->syn_index) + gesta_strmap_bytes(d->syn_first) + gesta_strmap_bytes(d->stem_pre) +
           gesta_strmap_bytes(d->actor_phr.first) + gesta_strmap_bytes(d->agent_phr.first) +
           gesta_strmap_bytes(d->discard_phr.first) + gesta_strmap_bytes(d->issue_phr.first);
}

static int bench_load(int rounds) {
    static const char *const what[3] = {"model only", "gesta's own dictionaries only",
                                        "engine of `gesta code` (model + dictionaries + gazetteer)"};
    for (int w = 0; w < 3; w++) {
        double ms[MAXRUNS];
        size_t grow = 0, held = 0, msize = 0;
        unsigned npat = 0, nact = 0;
        for (int r = 0; r < rounds; r++) {
            gesta_engine_options o = GESTA_ENGINE_OPTIONS_INIT;
            o.load_model = w != 1;
            o.load_dictionaries = w != 0;
            o.document_layer = w == 2;
            gesta_error err = {0};
            gesta_engine *e;
            size_t r0 = heap_in_use();
            double t0 = wall_now();
            if (gesta_engine_new(&e, &o, &err) < 0) {
                char buf[1200];
                fprintf(stderr, "bench_pipeline: %s\n", gesta_error_format(&err, buf, sizeof buf));
                return 2;
            }
            ms[r] = 1000 * (wall_now() - t0);
            size_t r1 = heap_in_use();
            if (r == 0) grow = r1 > r0 ? r1 - r0 : 0;
            held = dict_held(e->dicts);
            if (e->model) msize = e->model->size;
            if (e->dicts) { npat = e->dicts->npat; nact = e->dicts->nactor; }
            gesta_engine_free(e);
        }
        double mn, mx, med = median(ms, rounds, &mn, &mx);
        printf("%s: median %.1f ms over %d rounds (%.1f..%.1f ms wall); holds %.1f MB of malloc'd memory\n",
               what[w], med, rounds, mn, mx, (double)grow / 1048576.0);
        if (w == 0) printf("  model file %zu bytes (%.1f MB)\n", msize, (double)msize / 1048576.0);
        if (w == 1) printf("  %u verb patterns, %u actor entries; dictionaries hold %.1f MB (arena + hash tables)\n",
                           npat, nact, (double)held / 1048576.0);
        printf("  RESULT load_%s_ms=%.1f\n", w == 0 ? "model" : w == 1 ? "dicts" : "engine", med);
    }
    printf("peak RSS %.1f MB\n", peak_rss_mb());
    return 0;
}

static int load_input(input *in, const char *which) {
    static const char *const ewt[] = {"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"};
    static const char *const pud[] = {"en_pud-ud-test.conllu"};
    if (!strcmp(which, "example")) return read_example(in) < 0 ? -1 : 0;
    if (!strcmp(which, "ewt")) return read_treebank(in, "EWT train+dev+test raw text", ewt, 3);
    if (!strcmp(which, "pud")) return read_treebank(in, "PUD raw text", pud, 1);
    fprintf(stderr, "bench_pipeline: unknown corpus '%s' (example, ewt, pud)\n", which);
    return -1;
}

/* One JSONL article per document, dated like the pipeline runs. */
static int write_jsonl(const char *which, const char *path) {
    input in = {0};
    int rc = load_input(&in, which);
    if (rc) {
        input_free(&in);
        return rc < 0 ? 2 : rc;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "bench_pipeline: cannot write %s\n", path);
        input_free(&in);
        return 2;
    }
    gesta_buf b = GESTA_BUF_INIT;
    size_t n = !strcmp(which, "example") ? 1 : in.n, units = 0, tokens = 0;
    for (size_t i = 0; i < n; i++) {
        gesta_doc *d; /* segmented only to count what the file holds */
        if (gesta_doc_new(&d, in.id[i], NULL, in.text[i], in.len[i], NULL) == GESTA_OK &&
            gesta_text_segment(d) == GESTA_OK) {
            units += d->nsent;
            tokens += d->ntok;
        }
        gesta_doc_free(d);
        b.len = 0;
        gesta_buf_puts(&b, "{\"id\":");
        gesta_buf_json_str(&b, in.id[i]);
        gesta_buf_puts(&b, ",\"date\":\"2021-12-08\",\"text\":\"");
        gesta_buf_json_escape(&b, in.text[i], in.len[i]);
        gesta_buf_puts(&b, "\"}\n");
        fwrite(b.data, 1, b.len, f);
    }
    gesta_buf_free(&b);
    int bad = fclose(f) != 0;
    printf("%s: %zu articles, %zu bytes of text, %zu units, %zu tokens\n", path, n, n == in.n ? in.bytes : in.len[0],
           units, tokens);
    input_free(&in);
    return bad ? 2 : 0;
}

int main(int argc, char **argv) {
    if (argc > 3 && !strcmp(argv[1], "rawjsonl")) return write_jsonl(argv[2], argv[3]);
    if (argc > 1 && !strcmp(argv[1], "load")) {
        int rounds = argc > 2 ? atoi(argv[2]) : 11;
        if (rounds < 1) rounds = 1;
        if (rounds > MAXRUNS) rounds = MAXRUNS;
        return bench_load(rounds);
    }
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (runs < 1) runs = 1;
    if (runs > MAXRUNS) runs = MAXRUNS;
    const char *which = argc > 2 ? argv[2] : "all";
    int all = !strcmp(which, "all");

    gesta_engine_options o = GESTA_ENGINE_OPTIONS_INIT; /* what `gesta code` loads by default */
    gesta_error err = {0};
    gesta_engine *e;
    double t0 = wall_now();
    if (gesta_engine_new(&e, &o, &err) < 0) {
        char buf[1200];
        fprintf(stderr, "bench_pipeline: %s\n", gesta_error_format(&err, buf, sizeof buf));
        return 2;
    }
    if (!e->model) {
        fprintf(stderr, "bench_pipeline: no parser model in %s/model\n", e->data_dir);
        gesta_engine_free(e);
        return 2;
    }
    printf("engine (model %zu bytes, own dictionaries, gazetteer) loaded in %.1f ms; %d runs, medians\n",
           e->model->size, 1000 * (wall_now() - t0), runs);

    int status = 0;
    static const char *const names[3] = {"example", "ewt", "pud"};
    for (int k = 0; k < 3; k++) {
        if (!all && strcmp(which, names[k])) continue;
        input in = {0};
        int rc = load_input(&in, names[k]);
        if (rc == 0) bench_input(e, &in, runs);
        else if (!status) status = rc < 0 ? 1 : rc;
        input_free(&in);
    }
    printf("\npeak RSS %.1f MB\n", peak_rss_mb());
    gesta_engine_free(e);
    return status;
}
