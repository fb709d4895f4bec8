/* The tokenizer: UD English (EWT) conventions, byte offsets, multiword tokens. */
#include <string.h>

#include "check.h"
#include "text/text.h"

/* The tokens of text, joined by spaces; a word marked GESTA_TOK_JOINED is
 * written "+form" (it shares a surface token with the word before it). */
static char out[4096];
static const char *toks(const char *text) {
    gesta_doc *d;
    out[0] = '\0';
    if (gesta_doc_new(&d, "t", NULL, text, strlen(text), NULL) != GESTA_OK) return "(oom)";
    if (gesta_text_segment(d) != GESTA_OK) { gesta_doc_free(d); return "(fail)"; }
    size_t o = 0;
    for (uint32_t i = 0; i < d->ntok; i++) {
        const gesta_tok *t = &d->toks[i];
        /* the form is exactly the input bytes of its span */
        if (strlen(t->form) != t->end - t->start || memcmp(t->form, d->text + t->start, t->end - t->start)) {
            gesta_doc_free(d);
            return "(form does not match its span)";
        }
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%s%s", i ? " " : "",
                              (t->flags & GESTA_TOK_JOINED) ? "+" : "", t->form);
    }
    gesta_doc_free(d);
    return out;
}

int main(void) {
    /* clitics: one surface token, two words (EWT multiword tokens) */
    CHECK_STR(toks("I don't know."), "I do +n't know .");
    CHECK_STR(toks("She's here, we're there; they'll go, I'd stay, you've seen, I'm in."),
              "She +'s here , we +'re there ; they +'ll go , I +'d stay , you +'ve seen , I +'m in .");
    CHECK_STR(toks("can't won't cannot gonna"), "ca +n't wo +n't can +not gon +na");
    CHECK_STR(toks("the students' books"), "the students +' books");
    CHECK_STR(toks("DON'T"), "DO +N'T");
    /* the curly apostrophe: split too, as separate tokens (as PUD writes them) */
    CHECK_STR(toks("Russia\xe2\x80\x99s proposals"), "Russia \xe2\x80\x99s proposals");
    CHECK_STR(toks("don\xe2\x80\x99t"), "do n\xe2\x80\x99t");
    /* apostrophes inside names stay */
    CHECK_STR(toks("O'Connell and Shi'ite"), "O'Connell and Shi'ite");
    /* abbreviations, initials, dotted forms keep their period */
    CHECK_STR(toks("U.S. officials met Mr. Smith, Gen. Milley and J. R. R. Tolkien."),
              "U.S. officials met Mr. Smith , Gen. Milley and J. R. R. Tolkien .");
    CHECK_STR(toks("e.g. at 5 p.m. on Jan. 5 in Calif."), "e.g. at 5 p.m. on Jan. 5 in Calif.");
    CHECK_STR(toks("No. 10 said no."), "No. 10 said no .");
    CHECK_STR(toks("books, etc."), "books , etc .");
    /* numbers */
    CHECK_STR(toks("1,000.5 and 3.14 and 200,000"), "1,000.5 and 3.14 and 200,000");
    CHECK_STR(toks("10% of $5"), "10 % of $ 5");
    CHECK_STR(toks("won 2-0 in 1969-1970"), "won 2 - 0 in 1969 - 1970");
    CHECK_STR(toks("call 713-853-3989 or 345-9945"), "call 713-853-3989 or 345-9945");
    CHECK_STR(toks("on 11/28/2000 and 9/11, 1/2 cup"), "on 11/28/2000 and 9/11 , 1 / 2 cup");
    CHECK_STR(toks("at 5:30 or 10am, 221bn, the 1990s, 21st"), "at 5:30 or 10 am , 221 bn , the 1990s , 21st");
    /* hyphens: split, except after prefixes */
    CHECK_STR(toks("a search-engine, a 15-year term"), "a search - engine , a 15 - year term");
    CHECK_STR(toks("non-stop e-mail anti-American mid-1980s co-workers"),
              "non-stop e-mail anti-American mid-1980s co-workers");
    CHECK_STR(toks("US-led"), "US - led");
    /* e-mail addresses, URLs, hashtags, mentions */
    CHECK_STR(toks("write to jane.doe@example.com."), "write to jane.doe@example.com .");
    CHECK_STR(toks("(see https://www.example.com/a?b=1)."), "( see https://www.example.com/a?b=1 ) .");
    CHECK_STR(toks("at www.reuters.com, now"), "at www.reuters.com , now");
    CHECK_STR(toks("#Ukraine and @kremlin_ru"), "#Ukraine and @kremlin_ru");
    /* punctuation */
    CHECK_STR(toks("wait... What?! No!!!"), "wait ... What ?! No !!!");
    CHECK_STR(toks("\xe2\x80\x9cHello,\xe2\x80\x9d he said."),
              "\xe2\x80\x9c Hello , \xe2\x80\x9d he said .");
    CHECK_STR(toks("\"Yes\" -- (maybe) [no]"), "\" Yes \" -- ( maybe ) [ no ]");
    CHECK_STR(toks("great :) really"), "great :) really");
    CHECK_STR(toks("AT&T and PG&E"), "AT&T and PG&E");
    CHECK_STR(toks("and/or b/c"), "and / or b/c");
    CHECK_STR(toks("Moscow\xe2\x80\x94Washington"), "Moscow \xe2\x80\x94 Washington");
    CHECK_STR(toks(""), "");
    CHECK_STR(toks("   \n\n  "), "");

    /* offsets, multibyte characters and SpaceAfter */
    gesta_doc *d;
    const char *s = "NATO\xe2\x80\x99s \xe2\x80\x9cwar\xe2\x80\x9d. Don't";
    CHECK_INT(gesta_doc_new(&d, "t", NULL, s, strlen(s), NULL), GESTA_OK);
    CHECK_INT(gesta_text_segment(d), GESTA_OK);
    CHECK_INT(d->ntok, 8);
    CHECK_INT(d->toks[0].start, 0);
    CHECK_INT(d->toks[0].end, 4);
    CHECK_INT(d->toks[1].start, 4);
    CHECK_INT(d->toks[1].end, 8);        /* ’s: 3 + 1 bytes */
    CHECK(d->toks[0].flags & GESTA_TOK_NO_SPACE_AFTER);
    CHECK(!(d->toks[1].flags & GESTA_TOK_NO_SPACE_AFTER));
    CHECK(!(d->toks[1].flags & GESTA_TOK_JOINED));
    CHECK_STR(d->toks[3].form, "war");
    CHECK(d->toks[3].flags & GESTA_TOK_NO_SPACE_AFTER);
    if (d->ntok == 8) {
        CHECK_STR(d->toks[6].form, "Do");
        CHECK_STR(d->toks[7].form, "n't");
        CHECK(d->toks[7].flags & GESTA_TOK_JOINED);
        CHECK(d->toks[6].flags & GESTA_TOK_NO_SPACE_AFTER);
    }
    CHECK_INT(d->nsent, 2);
    gesta_doc_free(d);
    return check_done();
}
