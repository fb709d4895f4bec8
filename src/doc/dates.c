/*
 * Relative dates: "on Tuesday", "yesterday", "two days ago", "on 7 December"...
 * resolved against the article date, and given to the events they modify.
 *
 * Conventions (news usage; docs/DOCUMENT.md lists them with their limits):
 *   - a bare weekday is the most recent such day before the article date, or the
 *     article date itself when it is that weekday ("on Wednesday" in a Wednesday
 *     article); "last <weekday>" is strictly before, "next <weekday>" strictly after;
 *   - "last week/month/year" is one week/month/year before the article date;
 *   - "earlier this week/month/year" is the start of that period (Monday, the 1st,
 *     1 January), or the article date when the period starts that day;
 *   - a day and month without a year take the year that puts the date within
 *     ten months before / two months after the article date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/dl.h"

/* Days from civil (proleptic Gregorian), after H. Hinnant's public-domain algorithm. */
long gesta_dl_days(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void gesta_dl_civil(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

int gesta_dl_weekday_of(long days) {
    /* 1970-01-01 was a Thursday (3 with Monday = 0). */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int month_len(int y, int m) {
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : len[m - 1];
}

/* The same day n months earlier (n may be negative), clamped to the month's end. */
static long add_months(long ref, int n) {
    int y, m, d;
    gesta_dl_civil(ref, &y, &m, &d);
    int idx = y * 12 + (m - 1) + n;
    y = idx / 12;
    m = idx % 12 + 1;
    if (d > month_len(y, m)) d = month_len(y, m);
    return gesta_dl_days(y, m, d);
}

static void fmt(long days, char out[11]) {
    int y, m, d;
    gesta_dl_civil(days, &y, &m, &d);
    if (y < 0) y = 0;
    if (y > 9999) y = 9999;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

static int is(const char *const *w, int n, int i, const char *s) { return i < n && w[i] && !strcmp(w[i], s); }

/* A day of the month: "7", "07", "7th", "1st". */
static int day_num(const char *s) {
    if (!s) return 0;
    int v = 0, k = 0;
    while (s[k] >= '0' && s[k] <= '9' && k < 3) v = v * 10 + (s[k++] - '0');
    if (k == 0 || k > 2) return 0;
    const char *rest = s + k;
    if (*rest && strcmp(rest, "st") && strcmp(rest, "nd") && strcmp(rest, "rd") && strcmp(rest, "th")) return 0;
    return v >= 1 && v <= 31 ? v : 0;
}

static int year_num(const char *s) {
    if (!s || strlen(s) != 4) return 0;
    int v = 0;
    for (int k = 0; k < 4; k++) {
        if (s[k] < '0' || s[k] > '9') return 0;
        v = v * 10 + (s[k] - '0');
    }
    return v >= 1900 && v <= 2100 ? v : 0;
}

/* A day and month without a year: the year that keeps the date within ten months
 * before and two months after the article. */
static long infer_year(long ref, int mon, int day) {
    int y, m, d;
    gesta_dl_civil(ref, &y, &m, &d);
    for (int dy = 0; dy <= 1; dy++) {
        int cands[2] = {y - dy, y + dy};
        for (int c = 0; c < 2; c++) {
            int yy = cands[c];
            if (day > month_len(yy, mon)) continue;
            long t = gesta_dl_days(yy, mon, day);
            if (t - ref <= 62 && ref - t <= 305) return t;
        }
    }
    return day <= month_len(y, mon) ? gesta_dl_days(y, mon, day) : -1000000;
}

/* Every word a date expression can start with (sorted), and any word starting
 * with a digit: a cheap test that spares the full matcher nearly every token. */
static const char *const first_words[] = {
    "a", "an", "apr", "apr.", "april", "aug", "aug.", "august", "dec", "dec.", "december", "earlier",
    "eight", "eleven", "feb", "feb.", "february", "five", "four", "friday", "jan", "jan.", "january", "jul",
    "jul.", "july", "jun", "jun.", "june", "last", "mar", "mar.", "march", "may", "monday", "next", "nine",
    "nov", "nov.", "november", "oct", "oct.", "october", "on", "one", "past", "saturday", "sep", "sep.",
    "sept", "sept.", "september", "seven", "six", "sunday", "ten", "the", "this", "three", "thursday",
    "today", "tomorrow", "tonight", "tuesday", "twelve", "two", "wednesday", "yesterday", "zero"};

static int cmp_word(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static int may_start_date(const char *w) {
    if (w[0] >= '0' && w[0] <= '9') return 1;
    return bsearch(&w, first_words, sizeof first_words / sizeof first_words[0], sizeof first_words[0], cmp_word) != NULL;
}

int gesta_dl_date_match(const char *const *w, int n, int i, long ref, char out[11]) {
    if (i >= n || !w[i] || !may_start_date(w[i])) return 0;
    const char *a = w[i];
    long t;
    int k;
    /* ISO date as one token */
    int yy, mm, dd;
    char tail;
    if (strlen(a) == 10 && sscanf(a, "%4d-%2d-%2d%c", &yy, &mm, &dd, &tail) == 3 && yy >= 1900 && yy <= 2100 &&
        mm >= 1 && mm <= 12 && dd >= 1 && dd <= month_len(yy, mm)) {
        fmt(gesta_dl_days(yy, mm, dd), out);
        return 1;
    }
    if (!strcmp(a, "today") || !strcmp(a, "tonight")) { fmt(ref, out); return 1; }
    if (!strcmp(a, "yesterday")) { fmt(ref - 1, out); return 1; }
    if (!strcmp(a, "tomorrow")) { fmt(ref + 1, out); return 1; }
    if (!strcmp(a, "this") && (is(w, n, i + 1, "morning") || is(w, n, i + 1, "afternoon") || is(w, n, i + 1, "evening"))) {
        fmt(ref, out);
        return 2;
    }
    if (!strcmp(a, "last") && is(w, n, i + 1, "night")) { fmt(ref - 1, out); return 2; }
    if (!strcmp(a, "the") && is(w, n, i + 1, "day") && is(w, n, i + 2, "before") && is(w, n, i + 3, "yesterday")) {
        fmt(ref - 2, out);
        return 4;
    }
    /* [on] [last|this|next|past] WEEKDAY */
    k = i;
    if (!strcmp(a, "on")) k++;
    int mod = 0; /* 0 plain, -1 last/past, +1 next, 2 this */
    if (is(w, n, k, "last") || is(w, n, k, "past")) { mod = -1; k++; }
    else if (is(w, n, k, "next")) { mod = 1; k++; }
    else if (is(w, n, k, "this")) { mod = 2; k++; }
    if (k < n) {
        int wd = gesta_dl_weekday(w[k]);
        if (wd >= 0) {
            int rw = gesta_dl_weekday_of(ref);
            int back = (rw - wd + 7) % 7; /* days back to the most recent such day, 0 = today */
            if (mod == 1) t = ref + ((wd - rw + 7) % 7 == 0 ? 7 : (wd - rw + 7) % 7);
            else if (mod == -1) t = ref - (back == 0 ? 7 : back);
            else t = ref - back;
            fmt(t, out);
            return k + 1 - i;
        }
    }
    /* [on] [the] DAY [of] MONTH [,] [YEAR]  /  [on] MONTH DAY [,] [YEAR] */
    k = i;
    if (!strcmp(a, "on")) k++;
    if (is(w, n, k, "the")) k++;
    int day = k < n ? day_num(w[k]) : 0;
    int mon = 0, after;
    if (day) {
        int j = k + 1;
        if (is(w, n, j, "of")) j++;
        mon = j < n ? gesta_dl_month(w[j]) : 0;
        after = j + 1;
    } else {
        mon = k < n ? gesta_dl_month(w[k]) : 0;
        /* "may" is a modal far more often than a month: only with a day after it */
        day = mon && k + 1 < n ? day_num(w[k + 1]) : 0;
        after = k + 2;
    }
    if (mon && day) {
        int j = after;
        if (is(w, n, j, ",")) j++;
        int year = j < n ? year_num(w[j]) : 0;
        if (year) {
            if (day > month_len(year, mon)) return 0;
            t = gesta_dl_days(year, mon, day);
            after = j + 1;
        } else {
            t = infer_year(ref, mon, day);
            if (t == -1000000) return 0;
        }
        fmt(t, out);
        return after - i;
    }
    /* N days/weeks/months/years ago */
    int num = gesta_dl_number(a);
    if (num > 0 && num <= 1000 && i + 2 < n && !strcmp(w[i + 2], "ago")) {
        const char *u = w[i + 1];
        if (!strcmp(u, "day") || !strcmp(u, "days")) t = ref - num;
        else if (!strcmp(u, "week") || !strcmp(u, "weeks")) t = ref - 7L * num;
        else if (!strcmp(u, "month") || !strcmp(u, "months")) t = add_months(ref, -num);
        else if (!strcmp(u, "year") || !strcmp(u, "years")) t = add_months(ref, -12 * num);
        else return 0;
        fmt(t, out);
        return 3;
    }
    /* last week/month/year */
    if (!strcmp(a, "last") && i + 1 < n) {
        const char *u = w[i + 1];
        if (!strcmp(u, "week")) t = ref - 7;
        else if (!strcmp(u, "month")) t = add_months(ref, -1);
        else if (!strcmp(u, "year")) t = add_months(ref, -12);
        else return 0;
        fmt(t, out);
        return 2;
    }
    /* earlier this week/month/year */
    if (!strcmp(a, "earlier") && is(w, n, i + 1, "this") && i + 2 < n) {
        const char *u = w[i + 2];
        int y, m, d;
        gesta_dl_civil(ref, &y, &m, &d);
        if (!strcmp(u, "week")) t = ref - gesta_dl_weekday_of(ref);
        else if (!strcmp(u, "month")) t = gesta_dl_days(y, m, 1);
        else if (!strcmp(u, "year")) t = gesta_dl_days(y, 1, 1);
        else return 0;
        fmt(t, out);
        return 3;
    }
    return 0;
}

int gesta_dl_date_phrase(const char *article, const char *phrase, char out[11]) {
    int y, m, d;
    char tail;
    if (!article || sscanf(article, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return 0;
    long ref = gesta_dl_days(y, m, d);
    char buf[512];
    snprintf(buf, sizeof buf, "%s", phrase);
    const char *w[64];
    int n = 0;
    char *save = NULL; /* strtok_r: the document layer runs on several threads */
    for (char *p = strtok_r(buf, " ", &save); p && n < 64; p = strtok_r(NULL, " ", &save)) {
        for (char *q = p; *q; q++)
            if (*q >= 'A' && *q <= 'Z') *q = (char)(*q - 'A' + 'a');
        w[n++] = p;
    }
    for (int i = 0; i < n; i++)
        if (gesta_dl_date_match(w, n, i, ref, out)) return 1;
    return 0;
}

/* ---- the pass ---- */

typedef struct date_expr {
    uint32_t begin, end; /* sentence-relative tokens */
    char date[11];
} date_expr;

int gesta_dl_dates(gesta_dl *dl) {
    gesta_doc *doc = dl->doc;
    if (!doc->date[0] || doc->nevent == 0) return GESTA_OK;
    int y, m, d;
    char tail;
    if (sscanf(doc->date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return GESTA_OK;
    long ref = gesta_dl_days(y, m, d);
    /* the first event of each sentence (events of a sentence may not be contiguous:
     * the loops below check each event's sentence) */
    uint32_t *first = gesta_arena_alloc(doc->arena, (doc->nsent + 1) * sizeof *first);
    if (!first) return GESTA_ENOMEM;
    for (uint32_t si = 0; si < doc->nsent; si++) first[si] = UINT32_MAX;
    for (uint32_t e = doc->nevent; e-- > 0;)
        if (doc->events[e].sentence < doc->nsent) first[doc->events[e].sentence] = e;

    for (uint32_t si = 0; si < doc->nsent; si++) {
        const gesta_sent *s = &doc->sents[si];
        if (s->kind != GESTA_UNIT_PROSE || s->ntok == 0) continue;
        uint32_t first_ev = first[si];
        if (first_ev == UINT32_MAX) continue;

        const char **w = gesta_arena_alloc(doc->arena, s->ntok * sizeof *w);
        if (!w) return GESTA_ENOMEM;
        for (uint32_t k = 0; k < s->ntok; k++) w[k] = doc->toks[s->tok0 + k].norm ? doc->toks[s->tok0 + k].norm : "";
        date_expr xs[8];
        int nx = 0;
        for (uint32_t k = 0; k < s->ntok && nx < 8;) {
            int len = gesta_dl_date_match(w, (int)s->ntok, (int)k, ref, xs[nx].date);
            if (len > 0) {
                /* a leading "on" is part of the phrase but not of the attachment */
                xs[nx].begin = k;
                xs[nx].end = k + (uint32_t)len;
                nx++;
                k += (uint32_t)len;
            } else {
                k++;
            }
        }
        if (nx == 0) continue;

        for (int xi = 0; xi < nx; xi++) {
            const date_expr *x = &xs[xi];
            /* parsed: the event whose verb the expression hangs from; a main-clause
             * expression dates every event of the sentence; one inside another
             * clause dates none. Unparsed: the nearest event verb before it, else after. */
            int32_t target = gesta_dl_attach(doc, si, x->begin, x->end);
            int all = target == GESTA_DL_ATTACH_MAIN;
            if (target == GESTA_DL_ATTACH_CLAUSE) continue;
            if (target == GESTA_DL_ATTACH_UNPARSED) {
                int32_t best_before = -1, best_after = -1;
                for (uint32_t e = first_ev; e < doc->nevent; e++) {
                    if (doc->events[e].sentence != si) continue;
                    const gesta_event *ev = &doc->events[e];
                    if (ev->verb_span.begin < 0) continue;
                    int32_t v = ev->verb_span.begin;
                    if (v < (int32_t)x->begin && v > best_before) best_before = v;
                    if (v >= (int32_t)x->end && (best_after < 0 || v < best_after)) best_after = v;
                }
                target = best_before >= 0 ? best_before : best_after;
                all = target < 0; /* no verb spans at all: the sentence's date */
            }
            const gesta_tok *a = &doc->toks[s->tok0 + x->begin], *b = &doc->toks[s->tok0 + x->end - 1];
            const char *src = NULL;
            for (uint32_t e = first_ev; e < doc->nevent; e++) {
                if (doc->events[e].sentence != si) continue;
                gesta_event *ev = &doc->events[e];
                int hit = all || (ev->verb_span.begin >= 0 && target >= ev->verb_span.begin && target < ev->verb_span.end);
                if (!hit || strcmp(ev->date_source ? ev->date_source : "document", "document") != 0) continue;
                if (!src) {
                    src = gesta_arena_printf(doc->arena, "sentence:%.*s", (int)(b->end - a->start), doc->text + a->start);
                    if (!src) return GESTA_ENOMEM;
                }
                memcpy(ev->date, x->date, sizeof ev->date);
                ev->date_source = src;
            }
        }
    }
    return GESTA_OK;
}
