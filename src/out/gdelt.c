/*
 * GDELT 2.0 event table (61 tab-separated columns, no header), so existing GDELT
 * tooling reads gesta's events. Column mapping and deviations: docs/GDELT.md.
 */
#include <stdio.h>
#include <string.h>

#include "out/writer.h"
#include "util/strmap.h"

/* A CAMEO actor code is a 3-letter country or IGO/region piece followed by
 * 3-letter role pieces ("RUSGOV", "USAMILREB", "IGOUNO"). */
static void actor_fields(gesta_buf *out, const gesta_doc *doc, const gesta_event *e, const char *code,
                         gesta_span sp) {
    size_t n = strlen(code);
    char country[4] = "", group[8] = "", t1[4] = "", t2[4] = "", t3[4] = "";
    const char *p = code;
    if (n >= 3) {
        if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "MNC", 3)) {
            /* IGOs and NGOs: GDELT puts the organisation in KnownGroupCode. */
            snprintf(group, sizeof group, "%.3s", n >= 6 ? code + 3 : code);
            snprintf(t1, sizeof t1, "%.3s", code);
            p = code + (n >= 6 ? 6 : 3);
        } else {
            snprintf(country, sizeof country, "%.3s", code);
            p = code + 3;
        }
    }
    char *types[3] = {t1[0] ? t2 : t1, t1[0] ? t3 : t2, t1[0] ? NULL : t3};
    for (int i = 0; i < 3 && types[i] && strlen(p) >= 3; i++, p += 3) snprintf(types[i], 4, "%.3s", p);
    /* Actor name: the words the source/target came from, upper-cased as GDELT does. */
    char name[256] = "";
    if (sp.begin >= 0 && e->sentence < doc->nsent) {
        const gesta_sent *s = &doc->sents[e->sentence];
        size_t o = 0;
        for (int32_t k = sp.begin; k < sp.end && (uint32_t)k < s->ntok; k++) {
            const char *f = doc->toks[s->tok0 + k].form;
            for (size_t c = 0; f[c] && o + 2 < sizeof name; c++) {
                char ch = f[c];
                if (ch == '\t' || ch == '\n') ch = ' ';
                name[o++] = (ch >= 'a' && ch <= 'z') ? (char)(ch - 32) : ch;
            }
            if (o + 2 < sizeof name && k + 1 < sp.end) name[o++] = ' ';
        }
        name[o] = '\0';
    }
    gesta_buf_printf(out, "%s\t%s\t%s\t%s\t\t\t\t%s\t%s\t%s\t", code, name, country, group, t1, t2, t3);
}

static void geo_fields(gesta_buf *out, const gesta_event *e) {
    if (!e->has_place) {
        gesta_buf_puts(out, "0\t\t\t\t\t\t\t\t");
        return;
    }
    /* Geo type 4 = world city (GDELT); country code is ISO alpha-3 (see docs/GDELT.md). */
    gesta_buf_printf(out, "4\t%s\t%s\t\t\t%.4f\t%.4f\t\t", e->place_name ? e->place_name : "",
                     e->place_country ? e->place_country : "", e->lat, e->lon);
}

void gesta_write_gdelt(gesta_buf *out, const gesta_doc *doc) {
    for (uint32_t i = 0; i < doc->nevent; i++) {
        const gesta_event *e = &doc->events[i];
        if (!e->code) continue;
        char key[600];
        snprintf(key, sizeof key, "%s#%u", doc->id, i);
        unsigned long long id = gesta_hash_bytes(key, strlen(key)) & 0x7fffffffffffffffull;
        int y = 0, m = 0, d = 0;
        sscanf(e->date, "%d-%d-%d", &y, &m, &d);
        double frac = y + ((m - 1) * 30.4375 + d) / 365.25;
        gesta_buf_printf(out, "%llu\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", id, y, m, d, y, m, y, frac);
        actor_fields(out, doc, e, e->source, e->src_span);
        actor_fields(out, doc, e, e->target, e->tgt_span);
        char base[4] = "";
        snprintf(base, sizeof base, "%.3s", e->code);
        /* IsRootEvent: GDELT marks events from a story's lead; gesta: sentence 0. */
        gesta_buf_printf(out, "%d\t%s\t%s\t%s\t%d\t%.1f\t", e->sentence == 0 ? 1 : 0, e->code, base,
                         e->root_code ? e->root_code : "", e->quad_class, e->goldstein);
        /* NumMentions/NumSources/NumArticles: this record is one mention in one article. */
        gesta_buf_puts(out, "1\t1\t1\t0\t");
        geo_fields(out, e); /* Actor1Geo */
        geo_fields(out, e); /* Actor2Geo */
        geo_fields(out, e); /* ActionGeo */
        gesta_buf_printf(out, "%04d%02d%02d000000\t", y, m, d);
        if (doc->url) gesta_buf_puts(out, doc->url); else gesta_buf_puts(out, doc->id);
        gesta_buf_putc(out, '\n');
    }
}
