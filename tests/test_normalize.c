/*
 * test_normalize.c -- the detector view (cg_view_build) and its offset map.
 *
 * Every view built here is checked against the invariants of normalize.h:
 * NUL-terminated valid UTF-8 without embedded NULs, a map of len + 1 entries
 * (read through cg_view_orig_offset) that never decreases, whose entries
 * point at the first byte of an original character, with all bytes of one
 * view character mapping to the same place; and anchors that are each
 * needed: sorted, and none where the one before already predicts it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "normalize.h"

/* An original text in a buffer of exactly its length (no terminator), so
 * that valgrind sees any read past the end, and its view. */
typedef struct {
    char *orig;
    size_t orig_len;
    cg_view view;
} built;

static void check_invariants(const built *b)
{
    const cg_view *v = &b->view;

    assert_non_null(v->text);
    assert_true(v->len == 0 || (v->n_anchors > 0 && v->anchors[0].view == 0));
    assert_int_equal(v->text[v->len], '\0');
    assert_int_equal(strlen(v->text), v->len);            /* no NUL inside */
    assert_true(g_utf8_validate(v->text, (gssize) v->len, NULL));
    assert_true(cg_view_orig_offset(v, v->len) <= b->orig_len);
    for (size_t k = 1; k < v->n_anchors; k++) {
        const cg_view_anchor *prev = &v->anchors[k - 1], *a = &v->anchors[k];
        assert_true(a->view > prev->view && a->view < v->len);
        assert_int_not_equal(a->orig - prev->orig, a->view - prev->view);
    }
    for (size_t i = 0; i < v->len; i++) {
        assert_true(cg_view_orig_offset(v, i) < b->orig_len);
        assert_true(cg_view_orig_offset(v, i) <= cg_view_orig_offset(v, i + 1));
        /* points at the start of an original character */
        assert_int_not_equal((unsigned char) b->orig[cg_view_orig_offset(v, i)] & 0xC0, 0x80);
        /* continuation bytes of a view character map with their lead byte */
        if (((unsigned char) v->text[i] & 0xC0) == 0x80) {
            assert_true(i > 0);
            assert_int_equal(cg_view_orig_offset(v, i), cg_view_orig_offset(v, i - 1));
        }
    }
}

static built *build_len(const char *s, size_t len)
{
    built *b = g_new0(built, 1);
    b->orig = g_malloc(len ? len : 1);
    memcpy(b->orig, s, len);
    b->orig_len = len;
    cg_view_build(&b->view, b->orig, len);
    check_invariants(b);
    return b;
}

static built *build(const char *s)
{
    return build_len(s, strlen(s));
}

static void built_free(built *b)
{
    cg_view_clear(&b->view);
    assert_null(b->view.text);
    assert_null(b->view.anchors);
    assert_int_equal(b->view.len, 0);
    g_free(b->orig);
    g_free(b);
}

static void expect_view(const char *orig, const char *want)
{
    built *b = build(orig);
    assert_string_equal(b->view.text, want);
    assert_int_equal(b->view.len, strlen(want));
    built_free(b);
}

static void expect_unchanged(const char *orig)
{
    expect_view(orig, orig);
}

/* The view of orig contains needle (first occurrence); its span must be
 * exactly the first occurrence of want_orig in orig. */
static void expect_span(const char *orig, const char *needle, const char *want_orig)
{
    built *b = build(orig);
    const char *hit = strstr(b->view.text, needle);
    const char *want_at = strstr(orig, want_orig);
    size_t os = (size_t) -1, oe = (size_t) -1;

    if (!hit)
        fail_msg("\"%s\" not in view \"%s\"", needle, b->view.text);
    assert_non_null(want_at);
    size_t start = (size_t) (hit - b->view.text);
    cg_view_span(&b->view, start, start + strlen(needle), &os, &oe);
    assert_true(os <= oe);
    assert_true(oe <= b->orig_len);
    char *got = g_strndup(b->orig + os, oe - os);
    assert_string_equal(got, want_orig);
    assert_int_equal(os, (size_t) (want_at - orig));
    g_free(got);
    built_free(b);
}

/* ---- NFKC ---------------------------------------------------------------- */

static void test_nfkc_fullwidth(void **state)
{
    (void) state;
    expect_view("\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x92", "012");            /* ０１２ */
    expect_view("\xEF\xBC\xA1\xEF\xBC\xA2", "AB");                          /* ＡＢ */
    expect_view("\xEF\xBD\x87\xEF\xBD\x8D", "gm");                          /* ｇｍ */
    expect_view("john\xEF\xBC\xA0" "example\xEF\xBC\x8E" "com",            /* ＠ ． */
                "john@example.com");
    expect_view("\xEF\xBC\x8B\xEF\xBC\x97 555", "+7 555");                  /* ＋７ */
    expect_view("a\xE3\x80\x80" "b", "a b");                                /* U+3000 */
}

static void test_nfkc_circled(void **state)
{
    (void) state;
    expect_view("\xE2\x91\xA0", "1");                /* ① */
    expect_view("\xE2\x91\xA9", "10");               /* ⑩ */
    expect_view("\xE2\x91\xB3", "20");               /* ⑳ */
    expect_view("\xE2\x91\xB4", "(1)");              /* ⑴ */
    expect_view("\xE2\x92\x88", "1.");               /* ⒈ */
    expect_view("\xE2\x93\x90", "a");                /* ⓐ */
    expect_view("\xE2\x91\xA0\xE2\x91\xA1\xE2\x91\xA2", "123");
}

static void test_nfkc_super_subscripts(void **state)
{
    (void) state;
    expect_view("\xC2\xB9\xC2\xB2\xC2\xB3", "123");          /* ¹²³ */
    expect_view("\xE2\x81\xB4\xE2\x81\xB5", "45");           /* ⁴⁵ */
    expect_view("x\xE2\x82\x80", "x0");                      /* ₀ */
    expect_view("\xE2\x81\xBF", "n");                        /* ⁿ */
    expect_view("\xC2\xBD", "1\xE2\x81\x84" "2");            /* ½ -> 1⁄2 */
}

static void test_nfkc_ligatures_and_letterlike(void **state)
{
    (void) state;
    expect_view("\xEF\xAC\x81le", "file");                   /* ﬁ */
    expect_view("o\xEF\xAC\x83" "ce", "office");             /* ﬃ */
    expect_view("\xE2\x84\xA2", "TM");                       /* ™ */
    expect_view("\xE3\x8E\x8F", "kg");                       /* ㎏ */
    expect_view("\xF0\x9D\x90\x80\xF0\x9D\x90\x81", "AB");   /* 𝐀𝐁 (4-byte) */
    expect_view("\xF0\x9D\x9F\x8E", "0");                    /* 𝟎 */
}

static void test_nfkc_latin_block(void **state)
{
    (void) state;
    /* Precomposed Latin letters are their own NFKC (the fast path)... */
    expect_unchanged("caf\xC3\xA9 \xC3\x85" "ngstr\xC3\xB6m \xC5\x81\xC3\xB3" "d\xC5\xBA");
    expect_unchanged("\xC3\x97 \xC3\xB7");                   /* × ÷ */
    /* ...but not the compatibility ones in the same blocks. */
    expect_view("\xC4\xB3", "ij");                           /* ĳ */
    expect_view("\xC4\xB2", "IJ");                           /* Ĳ */
    expect_view("\xC5\xBF", "s");                            /* ſ */
    expect_view("\xC7\x86", "d\xC5\xBE");                    /* ǆ -> dž */
    expect_view("\xC7\x89", "lj");                           /* ǉ */
    expect_view("\xC7\xB3", "dz");                           /* ǳ */
    expect_view("\xC5\x80", "l\xC2\xB7");                    /* ŀ -> l· */
}

/* ---- invisibles ------------------------------------------------------------ */

static void test_invisibles_removed(void **state)
{
    static const char *const invisibles[] = {
        "\xE2\x80\x8B",      /* U+200B zero width space */
        "\xE2\x80\x8C",      /* U+200C ZWNJ */
        "\xE2\x80\x8D",      /* U+200D ZWJ */
        "\xE2\x81\xA0",      /* U+2060 word joiner */
        "\xC2\xAD",          /* U+00AD soft hyphen */
        "\xEF\xBB\xBF",      /* U+FEFF BOM */
        "\xE2\x80\xAE",      /* U+202E RLO */
        "\xE2\x80\xAC",      /* U+202C PDF */
        "\xE2\x81\xA6",      /* U+2066 LRI */
        "\xE2\x81\xA9",      /* U+2069 PDI */
        "\xE2\x80\x8E",      /* U+200E LRM */
        "\xD8\x9C",          /* U+061C Arabic letter mark */
        "\xEF\xB8\x8F",      /* U+FE0F VS16 */
        "\xEF\xB8\x80",      /* U+FE00 VS1 */
        "\xE2\x83\xA3",      /* U+20E3 keycap */
        "\xCD\x8F",          /* U+034F CGJ */
        "\xE1\xA0\x8E",      /* U+180E Mongolian vowel separator */
        "\xF3\xA0\x81\x81",  /* U+E0041 tag A */
        "\xF3\xA0\x84\x80",  /* U+E0100 VS17 */
        "\xE3\x85\xA4",      /* U+3164 Hangul filler */
    };
    (void) state;
    for (size_t i = 0; i < G_N_ELEMENTS(invisibles); i++) {
        char *in = g_strconcat("ex", invisibles[i], "am", invisibles[i], invisibles[i], "ple", NULL);
        expect_view(in, "example");
        g_free(in);
        expect_view(invisibles[i], "");
        in = g_strconcat("a ", invisibles[i], " b", NULL);       /* no empty token */
        expect_view(in, "a b");
        g_free(in);
    }
}

static void test_invisible_does_not_split_word(void **state)
{
    (void) state;
    /* the Cyrillic а still sits in a word with ASCII letters */
    expect_view("gm\xE2\x80\x8B\xD0\xB0\xC2\xAD" "il", "gmail");
    /* a digit token stays one token */
    expect_view("7\xE2\x80\x8C\xD0\x97" "00", "7300");
}

static void test_keycap(void **state)
{
    (void) state;
    expect_view("1\xEF\xB8\x8F\xE2\x83\xA3", "1");                           /* 1️⃣ */
    expect_view("1\xE2\x83\xA3", "1");                                       /* without VS16 */
    expect_view("1\xEF\xB8\x8F\xE2\x83\xA3" "2\xEF\xB8\x8F\xE2\x83\xA3" "3\xEF\xB8\x8F\xE2\x83\xA3",
                "123");
    expect_view("#\xEF\xB8\x8F\xE2\x83\xA3", "#");
}

/* ---- digits ---------------------------------------------------------------- */

static void test_script_digits(void **state)
{
    (void) state;
    expect_view("\xD9\xA4\xD9\xA1\xD9\xA5", "415");          /* Arabic-Indic ٤١٥ */
    expect_view("\xD9\xA0\xD9\xA9", "09");                   /* ٠٩ */
    expect_view("\xDB\xB4\xDB\xB0", "40");                   /* Extended Arabic-Indic ۴۰ */
    expect_view("\xE0\xA5\xAA\xE0\xA5\xA6", "40");           /* Devanagari ४० */
    expect_view("\xE0\xA7\xAB", "5");                        /* Bengali ৫ */
    expect_view("\xE0\xB9\x93", "3");                        /* Thai ๓ */
    expect_view("\xEF\xBC\x99", "9");                        /* fullwidth ９ */
    expect_view("+\xD9\xA4\xD9\xA4 \xDB\xB2\xDB\xB0", "+44 20");
    /* mixed scripts in one number */
    expect_view("5\xD9\xA5\xDB\xB5\xE0\xA5\xAB\xEF\xBC\x95", "55555");
}

static void test_dingbat_digits(void **state)
{
    (void) state;
    expect_view("\xE2\x9D\xB6", "1");                        /* ❶ U+2776 */
    expect_view("\xE2\x9D\xBE", "9");                        /* ❾ U+277E */
    expect_view("\xE2\x9D\xBF", "10");                       /* ❿ U+277F */
    expect_view("\xE2\x9E\x80", "1");                        /* ➀ U+2780 */
    expect_view("\xE2\x9E\x89", "10");                       /* ➉ U+2789 */
    expect_view("\xE2\x9E\x8A", "1");                        /* ➊ U+278A */
    expect_view("\xE2\x9E\x93", "10");                       /* ➓ U+2793 */
    expect_view("\xE2\x9E\x8A\xE2\x9E\x8B\xE2\x9E\x8C", "123");
    /* neighbours of the range are not digits */
    expect_unchanged("\xE2\x9D\xB5");                        /* U+2775 */
    expect_unchanged("\xE2\x9E\x94");                        /* U+2794 ➔ */
}

/* ---- look-alike letters ------------------------------------------------------ */

static void test_skeleton_mixed_words(void **state)
{
    (void) state;
    expect_view("gm\xD0\xB0il", "gmail");                            /* Cyrillic а */
    expect_view("\xD1\x80\xD0\xB0\xD1\x83\xD1\x80\xD0\xB0l", "paypal"); /* раураl */
    expect_view("g\xCE\xBF\xCE\xBFgle", "google");                   /* Greek ο */
    expect_view("\xD0\xA0\xD0\xB0yPal", "PayPal");                   /* Ра */
    expect_view("\xCE\x91pple", "Apple");                            /* Greek Α */
    expect_view("\xC4\xB1" "d", "id");                               /* dotless ı */
    expect_view("x\xC9\xA1", "xg");                                  /* ɡ */
    expect_view("a\xD4\x81" "d", "add");                             /* ԁ */
    expect_view("user@ex\xD0\xB0mple.c\xD0\xBEm", "user@example.com");
    /* fullwidth letters count as ASCII once folded */
    expect_view("\xEF\xBD\x87\xEF\xBD\x8D\xD0\xB0\xEF\xBD\x89\xEF\xBD\x8C", "gmail");
    /* only the word with an ASCII letter is folded */
    expect_view("\xD0\xB0\xD0\xB0 a\xD0\xB0", "\xD0\xB0\xD0\xB0 aa");
    /* Cyrillic letters without a Latin look-alike stay */
    expect_view("a\xD0\xB1\xD0\xB4", "a\xD0\xB1\xD0\xB4");
}

static void test_skeleton_single_script_unchanged(void **state)
{
    (void) state;
    expect_unchanged("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");        /* Привет */
    expect_unchanged("\xD1\x80\xD0\xB0\xD1\x83\xD1\x80\xD0\xB0\xD0\xBB");        /* раурал */
    expect_unchanged("\xD0\xA0\xD0\x95\xD0\xA1\xD0\xA2");                        /* РЕСТ */
    expect_unchanged("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1");                /* Αθήνα */
    expect_unchanged("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 world");
    expect_unchanged("\xD0\xBE\xD0\xBA");                                        /* ок */
}

static void test_digit_lookalikes_folded(void **state)
{
    (void) state;
    expect_view("7\xD0\x97" "00", "7300");                   /* 7З00 */
    expect_view("55O-0l23", "550-0123");
    expect_view("call 55O-0l23 now", "call 550-0123 now");
    expect_view("1\xD0\x9E" "0", "100");                     /* Cyrillic О */
    expect_view("1\xCE\x9F" "0", "100");                     /* Greek Ο */
    expect_view("2o2o", "2020");
    expect_view("5\xD0\xA7", "54");                          /* Ч */
    expect_view("5\xD0\xB1", "56");                          /* б */
    expect_view("(9\xD0\x97" "3)", "(933)");
    expect_view("l0", "10");
    expect_view("\xEF\xBC\x91O", "10");                      /* fullwidth 1 */
    expect_view("\xD9\xA4O\xD9\xA5", "405");                 /* script digits count */
    expect_view("\xE2\x9E\x8AO", "10");                      /* so do dingbats */
    expect_view("+1 (555) 0l2-34O5", "+1 (555) 012-3405");
    /* inside a line of plain words, which the view copies in one piece */
    expect_view("so we can call 55O-0l23 or 2o2o later", "so we can call 550-0123 or 2020 later");
    expect_view("Il0ve v1.0 l0l 1O0 OOO 5 O", "Il0ve v1.0 l0l 100 OOO 5 O");
    expect_view("plain words then 1O", "plain words then 10");
    expect_span("plain words then 1O0 and more words", "100 and", "1O0 and");
    expect_span("plain words then 1O0 and more words", "more words", "more words");
}

static void test_digit_lookalikes_not_folded(void **state)
{
    (void) state;
    expect_unchanged("Oslo");
    expect_unchanged("lol");
    expect_unchanged("IO");
    expect_unchanged("OOO");
    expect_unchanged("l0l");                 /* fewer digits than look-alikes */
    expect_unchanged("5OO");
    expect_unchanged("10am");                /* a letter that is no look-alike */
    expect_unchanged("l0am");
    expect_unchanged("john0l@example.com");
    expect_unchanged("Il0ve");
    expect_unchanged("v1.0");
    /* an all-Cyrillic digit-free word with З stays Cyrillic */
    expect_unchanged("\xD0\x97\xD0\xBE\xD0\xBE");
    /* look-alikes are only counted within their own token */
    expect_view("5 O", "5 O");
}

/* ---- whitespace -------------------------------------------------------------- */

static void test_whitespace(void **state)
{
    (void) state;
    expect_view("a\t\tb", "a b");
    expect_view("a \xC2\xA0\xE2\x80\x83\t b", "a b");         /* NBSP, EM SPACE */
    expect_view("a\xC2\xA0" "b", "a b");
    expect_view("a\xE2\x80\x83" "b", "a b");
    expect_view("a\xE2\x80\xAF" "b", "a b");                  /* U+202F */
    expect_view("a\xE1\x9A\x80" "b", "a b");                  /* U+1680 ogham */
    expect_view("a \n\t b", "a\nb");
    expect_view("a\r\nb", "a\nb");
    expect_view("a\n\n\nb", "a\nb");
    expect_view("a\rb", "a b");
    expect_view("a\vb", "a\nb");
    expect_view("a\fb", "a\nb");
    expect_view("a\xE2\x80\xA8" "b", "a\nb");                 /* U+2028 */
    expect_view("a\xE2\x80\xA9" "b", "a\nb");                 /* U+2029 */
    expect_view("a \xC2\xA0\n\xE2\x80\x83 b", "a\nb");
    expect_view("  \t\n lead", "lead");
    expect_view("trail \t\n ", "trail");
    expect_view(" \t\n\xC2\xA0", "");
    expect_view("one  two\t\tthree", "one two three");
    /* a space made of invisibles and blanks still collapses to one */
    expect_view("a \xE2\x80\x8B b", "a b");
}

/* ---- spelled-out words -------------------------------------------------------- */

static void test_spelled_runs(void **state)
{
    (void) state;
    expect_view("j o h n @ e x a m p l e . c o m", "john@example.com");
    expect_view("write to j o h n @ e x a m p l e . c o m now",
                "write to john@example.com now");
    expect_view("a b c d e", "abcde");
    expect_view("5 5 5 1 2 3 4", "5551234");
    expect_view("a\tb  c\xC2\xA0" "d e", "abcde");           /* after collapsing */
    expect_view("ab c d e f g", "ab cdefg");
    expect_view("a b c d e\nf g h i j", "abcde\nfghij");     /* not across lines */
    expect_view("\xEF\xBD\x8A \xEF\xBD\x8F h n x", "johnx"); /* fullwidth letters */
    expect_view("1\xEF\xB8\x8F\xE2\x83\xA3 2\xEF\xB8\x8F\xE2\x83\xA3 3\xEF\xB8\x8F\xE2\x83\xA3 "
                "4\xEF\xB8\x8F\xE2\x83\xA3 5\xEF\xB8\x8F\xE2\x83\xA3", "12345");
    expect_view("\xE2\x9D\xB6 \xE2\x9D\xB7 \xE2\x9D\xB8 \xE2\x9D\xB9 \xE2\x9D\xBA", "12345");
}

static void test_spelled_runs_too_short(void **state)
{
    (void) state;
    expect_unchanged("a b c d");
    expect_unchanged("a b");
    expect_unchanged("x");
    expect_unchanged("I am a b c");          /* four single characters */
    expect_view("a b c d\ne f g h", "a b c d\ne f g h");
    /* a non-ASCII single character is not a spelled letter */
    expect_unchanged("j \xD0\xBE h n x");
    /* a double-width token breaks the run */
    expect_unchanged("a b cd e f");
}

/* ---- sixteen-byte steps ---------------------------------------------------- */

/* The plain-stretch and spelled-run scans step sixteen bytes at a time: orig,
 * after words that put it at every place of a chunk and with or without a
 * word after it, has the view of orig alone (want) there, with the same
 * offsets moved by what went before, and ends where orig alone ends. */
static void expect_view_at_every_offset(const char *orig, const char *want)
{
    built *alone = build(orig);
    assert_string_equal(alone->view.text, want);
    /* a word after trailing whitespace would turn it into a space */
    int tails = g_ascii_isspace(orig[strlen(orig) - 1]) ? 1 : 2;
    for (size_t pad = 0; pad <= 34; pad = pad ? pad + 1 : 2) {
        for (int tail = 0; tail < tails; tail++) {
            GString *lead = g_string_new(NULL);
            if (pad > 0) {
                for (size_t k = 0; k < pad; k++)
                    g_string_append_c(lead, "xyz"[k % 3]);
                g_string_append_c(lead, ' ');
            }
            char *in = g_strconcat(lead->str, orig, tail ? " zz" : "", NULL);
            char *out = g_strconcat(lead->str, want, tail ? " zz" : "", NULL);
            built *b = build(in);
            assert_string_equal(b->view.text, out);
            for (size_t i = 0; i < lead->len; i++)
                assert_int_equal(cg_view_orig_offset(&b->view, i), i);
            for (size_t j = 0; j < alone->view.len; j++)
                assert_int_equal(cg_view_orig_offset(&b->view, lead->len + j),
                                 lead->len + cg_view_orig_offset(&alone->view, j));
            if (!tail)
                assert_int_equal(b->view.end_orig, lead->len + alone->view.end_orig);
            built_free(b);
            g_free(out);
            g_free(in);
            g_string_free(lead, TRUE);
        }
    }
    built_free(alone);
}

static void test_chunk_edges(void **state)
{
    static const struct {
        const char *orig, *want;
    } cases[] = {
        { "j o h n s", "johns" },
        { "j o h n", "j o h n" },
        { "a b c d e f g h i j k l m n o p q r s", "abcdefghijklmnopqrs" },
        { "a b c d e\nf g h i j", "abcde\nfghij" },
        { "ab c d e f g", "ab cdefg" },
        { "abcdefg h i j k l", "abcdefg hijkl" },
        { "I am a b c", "I am a b c" },
        { "5 5 5 1 2 3 4", "5551234" },
        { "a", "a" },
        { "0O0l", "0001" },
        { "O0O0O0O0O0O0O0O0l0", "000000000000000010" },
        { "0O0l0O0l0O0l0O0lx", "0O0l0O0l0O0l0O0lx" },
        { "x0O0l0O0l0O0l", "x0O0l0O0l0O0l" },
        { "internationalization standardization", "internationalization standardization" },
        { "to:  ab\tcd\r\nef", "to: ab cd\nef" },
        { "abcdefgh\x01ijklmnop qr", "abcdefgh\x01ijklmnop qr" },
        { "gm\xD0\xB0il.com", "gmail.com" },
        { "caf\xC3\xA9s au lait", "caf\xC3\xA9s au lait" },
        { "abcdefghijklmno\n", "abcdefghijklmno" },
        { "x y z w v\n", "xyzwv" },
    };
    (void) state;
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
        expect_view_at_every_offset(cases[i].orig, cases[i].want);
}

/* ---- the offset map -------------------------------------------------------------- */

/* The map costs an anchor only where the view stops copying the original. */
static void test_map_anchors(void **state)
{
    (void) state;
    built *b = build("plain text, copied as it is \xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 x");
    assert_int_equal(b->view.n_anchors, 1);
    assert_int_equal(b->view.anchors[0].view, 0);
    assert_int_equal(b->view.anchors[0].orig, 0);
    built_free(b);

    b = build("  lead\r\nx  y");                       /* dropped, collapsed, collapsed */
    assert_string_equal(b->view.text, "lead\nx y");
    assert_int_equal(b->view.n_anchors, 3);
    assert_int_equal(cg_view_orig_offset(&b->view, 0), 2);
    assert_int_equal(cg_view_orig_offset(&b->view, 5), 8);
    assert_int_equal(cg_view_orig_offset(&b->view, 7), 11);
    built_free(b);

    b = build("gm\xD0\xB0il");                             /* folded: 2 bytes become 1 */
    assert_string_equal(b->view.text, "gmail");
    assert_int_equal(b->view.n_anchors, 2);
    assert_int_equal(cg_view_orig_offset(&b->view, 3), 4);
    built_free(b);
}

static void test_span_cyrillic(void **state)
{
    (void) state;
    expect_span("write gm\xD0\xB0il now", "gmail", "gm\xD0\xB0il");
    expect_span("write gm\xD0\xB0il now", "ail", "\xD0\xB0il");
    expect_span("write gm\xD0\xB0il now", "a", "\xD0\xB0");
    expect_span("write gm\xD0\xB0il now", "now", "now");
    expect_span("write gm\xD0\xB0il now", "write", "write");
}

static void test_span_fullwidth(void **state)
{
    (void) state;
    expect_span("tel \xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x92 x", "1", "\xEF\xBC\x91");
    expect_span("tel \xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x92 x", "012",
                "\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x92");
    expect_span("x\xF0\x9D\x90\x80y", "A", "\xF0\x9D\x90\x80");
}

static void test_span_expansions(void **state)
{
    (void) state;
    /* one original character folded into several view bytes is quoted whole */
    expect_span("a \xE2\x9E\x93 b", "10", "\xE2\x9E\x93");
    expect_span("a \xE2\x9E\x93 b", "1", "\xE2\x9E\x93");
    expect_span("a \xE2\x9E\x93 b", "0", "\xE2\x9E\x93");
    expect_span("\xEF\xAC\x81le", "f", "\xEF\xAC\x81");
    expect_span("\xEF\xAC\x81le", "i", "\xEF\xAC\x81");
    expect_span("\xEF\xAC\x81le", "le", "le");
    expect_span("x \xE2\x91\xB4 y", "(1)", "\xE2\x91\xB4");
    expect_span("x \xE2\x91\xB4 y", "1", "\xE2\x91\xB4");
}

static void test_span_digits(void **state)
{
    (void) state;
    expect_span("call 7\xD0\x97" "00 now", "7300", "7\xD0\x97" "00");
    expect_span("call 7\xD0\x97" "00 now", "3", "\xD0\x97");
    expect_span("n \xD9\xA4\xD9\xA1\xD9\xA5 m", "415", "\xD9\xA4\xD9\xA1\xD9\xA5");
    expect_span("n \xD9\xA4\xD9\xA1\xD9\xA5 m", "1", "\xD9\xA1");
}

static void test_span_spelled(void **state)
{
    (void) state;
    const char *orig = "mail j o h n @ e x a m p l e . c o m today";
    expect_span(orig, "john@example.com", "j o h n @ e x a m p l e . c o m");
    expect_span(orig, "today", "today");
    expect_span(orig, "mail", "mail");
    expect_span("j o h n @ e x a m p l e . c o m", "john@example.com",
                "j o h n @ e x a m p l e . c o m");
}

static void test_span_whitespace(void **state)
{
    (void) state;
    /* a collapsed run maps back to the whole run */
    expect_span("a \t\xC2\xA0 b", " ", " \t\xC2\xA0 ");
    expect_span("a \n\t b", "\n", " \n\t ");
    expect_span("a \t\xC2\xA0 b", "a", "a");
    expect_span("a \t\xC2\xA0 b", "a b", "a \t\xC2\xA0 b");
    /* leading and trailing whitespace is not part of a quote */
    expect_span("  \t lead", "lead", "lead");
    expect_span("Contact: john@example.com\n", "john@example.com", "john@example.com");
    expect_span("Contact: john@example.com \t\r\n\xC2\xA0", "john@example.com", "john@example.com");
    expect_span("trail\n\xE2\x80\x8B", "trail", "trail");
}

static void test_span_invisibles(void **state)
{
    (void) state;
    /* invisibles inside a quote are quoted as written */
    expect_span("x ex\xE2\x80\x8B" "ample y", "example", "ex\xE2\x80\x8B" "ample");
    expect_span("x \xE2\x80\x8B" "example y", "example", "example");
    /* a keycap quotes the whole key */
    expect_span("dial 1\xEF\xB8\x8F\xE2\x83\xA3 now", "1", "1\xEF\xB8\x8F\xE2\x83\xA3");
    expect_span("dial 1\xEF\xB8\x8F\xE2\x83\xA3", "1", "1\xEF\xB8\x8F\xE2\x83\xA3");
}

static void test_span_clamping(void **state)
{
    built *b = build("ab cd");
    size_t os, oe;
    (void) state;

    assert_string_equal(b->view.text, "ab cd");
    cg_view_span(&b->view, 0, b->view.len, &os, &oe);
    assert_int_equal(os, 0);
    assert_int_equal(oe, 5);
    cg_view_span(&b->view, 2, 2, &os, &oe);            /* empty */
    assert_int_equal(os, 2);
    assert_int_equal(oe, 2);
    cg_view_span(&b->view, 3, 1, &os, &oe);            /* end before start */
    assert_int_equal(os, 3);
    assert_int_equal(oe, 3);
    cg_view_span(&b->view, 3, 1000, &os, &oe);         /* end past the view */
    assert_int_equal(os, 3);
    assert_int_equal(oe, 5);
    cg_view_span(&b->view, 1000, 2000, &os, &oe);      /* both past */
    assert_int_equal(os, oe);
    assert_true(os <= 5);
    built_free(b);
}

/* ---- edges -------------------------------------------------------------------------- */

static void test_empty(void **state)
{
    size_t os = 99, oe = 99;
    (void) state;

    built *b = build_len("", 0);
    assert_string_equal(b->view.text, "");
    assert_int_equal(b->view.len, 0);
    assert_int_equal(cg_view_orig_offset(&b->view, 0), 0);
    cg_view_span(&b->view, 0, 0, &os, &oe);
    assert_int_equal(os, 0);
    assert_int_equal(oe, 0);
    cg_view_span(&b->view, 0, 10, &os, &oe);
    assert_int_equal(os, 0);
    assert_int_equal(oe, 0);
    built_free(b);

    /* clearing twice is harmless */
    cg_view v;
    cg_view_build(&v, "x", 1);
    cg_view_clear(&v);
    cg_view_clear(&v);
    assert_null(v.text);
}

static void test_nul_dropped(void **state)
{
    size_t os, oe;
    (void) state;

    built *b = build_len("a\0b", 3);
    assert_string_equal(b->view.text, "ab");
    assert_int_equal(cg_view_orig_offset(&b->view, 0), 0);
    assert_int_equal(cg_view_orig_offset(&b->view, 1), 2);
    cg_view_span(&b->view, 0, 2, &os, &oe);
    assert_int_equal(os, 0);
    assert_int_equal(oe, 3);
    built_free(b);

    b = build_len("\0", 1);
    assert_string_equal(b->view.text, "");
    built_free(b);

    b = build_len("gm\0\xD0\xB0il\0 x\0", 11);
    assert_string_equal(b->view.text, "gmail x");
    built_free(b);

    b = build_len("7\0\xD0\x97" "00", 6);
    assert_string_equal(b->view.text, "7300");
    built_free(b);
}

static void test_long_input(void **state)
{
    const size_t n = 1024 * 1024;
    (void) state;

    /* 1 MB of ASCII words */
    GString *s = g_string_sized_new(n + 16);
    while (s->len < n)
        g_string_append(s, "word 0123456789 ");
    g_string_truncate(s, n);
    built *b = build_len(s->str, s->len);
    assert_int_equal(b->view.len, n - 1);              /* trailing space dropped */
    assert_memory_equal(b->view.text, s->str, n - 1);
    for (size_t i = 0; i < b->view.len; i++)
        assert_int_equal(cg_view_orig_offset(&b->view, i), i);
    built_free(b);
    g_string_free(s, TRUE);

    /* 1 MB of disguises */
    s = g_string_sized_new(n + 64);
    size_t appended = 0;
    while (s->len < n) {
        g_string_append(s, "gm\xD0\xB0il \xEF\xBC\x90\xEF\xBC\x91 7\xD0\x97" "00\xE2\x80\x8B\t\xC2\xA0 ");
        appended++;
    }
    b = build_len(s->str, s->len);
    size_t reps = 0;
    for (const char *p = b->view.text; (p = strstr(p, "gmail 01 7300 ")) != NULL; p++)
        reps++;
    assert_int_equal(reps, appended - 1);              /* every repetition folded */
    assert_int_equal(b->view.len, 14 * appended - 1);  /* the last space dropped */
    built_free(b);
    g_string_free(s, TRUE);

    /* one 1 MB token */
    char *big = g_malloc(n);
    memset(big, 'x', n);
    b = build_len(big, n);
    assert_int_equal(b->view.len, n);
    g_free(big);
    built_free(b);

    /* 1 MB spelled run */
    s = g_string_sized_new(n + 2);
    while (s->len < n)
        g_string_append(s, "a ");
    b = build_len(s->str, s->len);
    assert_int_equal(b->view.len, n / 2);
    for (size_t i = 0; i < b->view.len; i++)
        assert_int_equal(cg_view_orig_offset(&b->view, i), 2 * i);
    built_free(b);
    g_string_free(s, TRUE);
}

/* Random strings from troublesome pieces: the invariants always hold, every
 * view character's span is non-empty, and the whole view spans from its
 * first character to its last. */
static void test_random_invariants(void **state)
{
    static const char *const pieces[] = {
        "a", "b", "O", "l", "I", "5", "0", " ", "  ", "\t", "\n", "\r\n", "@", ".", "-",
        "\xD0\xB0", "\xD0\x97", "\xD0\x9E", "\xCE\xBF", "\xEF\xBC\x91", "\xEF\xBC\xA0",
        "\xE2\x80\x8B", "\xC2\xAD", "\xEF\xB8\x8F", "\xE2\x83\xA3", "\xC2\xA0", "\xE2\x80\x83",
        "\xE2\x9E\x93", "\xE2\x91\xB4", "\xEF\xAC\x81", "\xD9\xA4", "\xF0\x9D\x90\x80",
        "\xC4\xB3", "\xE2\x80\xA8", "\xC3\xA9", "\xE4\xB8\xAD",
    };
    GRand *rng = g_rand_new_with_seed(20240601);
    (void) state;

    for (int round = 0; round < 3000; round++) {
        GString *s = g_string_new(NULL);
        int n = g_rand_int_range(rng, 0, 40);
        for (int i = 0; i < n; i++)
            g_string_append(s, pieces[g_rand_int_range(rng, 0, G_N_ELEMENTS(pieces))]);
        built *b = build_len(s->str, s->len);
        const cg_view *v = &b->view;
        size_t os, oe;

        for (size_t i = 0; i < v->len; i = (size_t) (g_utf8_next_char(v->text + i) - v->text)) {
            size_t next = (size_t) (g_utf8_next_char(v->text + i) - v->text);
            cg_view_span(v, i, next, &os, &oe);
            assert_int_equal(os, cg_view_orig_offset(v, i));
            assert_true(oe > os);
            assert_true(oe <= b->orig_len);
        }
        if (v->len > 0) {
            cg_view_span(v, 0, v->len, &os, &oe);
            assert_int_equal(os, cg_view_orig_offset(v, 0));
            assert_true(oe > cg_view_orig_offset(v, v->len - 1));
        }
        /* the view is already folded: building it again changes nothing
         * except joining spelled runs and look-alikes that joining creates */
        built *again = build_len(v->text, v->len);
        assert_true(again->view.len <= v->len);
        built_free(again);
        built_free(b);
        g_string_free(s, TRUE);
    }
    g_rand_free(rng);
}

/* ---- per-character folds ---------------------------------------------------- */

static void test_char_is_invisible(void **state)
{
    static const gunichar yes[] = {
        0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0xFEFF, 0x202A, 0x202E, 0x2066, 0x2069,
        0x200E, 0x200F, 0x061C, 0xFE00, 0xFE0F, 0xE0100, 0xE01EF, 0x20E3, 0x034F, 0x115F,
        0x1160, 0x3164, 0xFFA0, 0x17B4, 0x17B5, 0x180E, 0xE0001, 0xE0041, 0xE007F,
    };
    static const gunichar no[] = {
        'a', 'Z', '0', ' ', '\t', '\n', 0, 0x00A0, 0x2003, 0x3000, 0x0430, 0x0301, 0x20E2,
        0xFDFF, 0xFE10, 0xE00FF, 0xE01F0, 0x2776, 0xFF10, 0x4E2D, 0x1F600,
    };
    (void) state;
    for (size_t i = 0; i < G_N_ELEMENTS(yes); i++)
        if (!cg_char_is_invisible(yes[i]))
            fail_msg("U+%04X should be invisible", yes[i]);
    for (size_t i = 0; i < G_N_ELEMENTS(no); i++)
        if (cg_char_is_invisible(no[i]))
            fail_msg("U+%04X should not be invisible", no[i]);
}

static void test_char_latin_skeleton(void **state)
{
    static const struct { gunichar from, to; } cases[] = {
        {0x0430, 'a'}, {0x0410, 'A'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'},
        {0x0441, 'c'}, {0x0445, 'x'}, {0x0443, 'y'}, {0x0455, 's'}, {0x0456, 'i'},
        {0x0458, 'j'}, {0x04BB, 'h'}, {0x04CF, 'l'}, {0x0501, 'd'}, {0x051B, 'q'},
        {0x051D, 'w'}, {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x041D, 'H'},
        {0x0391, 'A'}, {0x039F, 'O'}, {0x03BF, 'o'}, {0x03B1, 'a'}, {0x03BD, 'v'},
        {0x03C1, 'p'}, {0x03C5, 'u'}, {0x0396, 'Z'}, {0x039D, 'N'},
        {0x0131, 'i'}, {0x0237, 'j'}, {0x0251, 'a'}, {0x0261, 'g'}, {0x026A, 'i'},
        {0x1D00, 'a'}, {0x1D04, 'c'}, {0x1D0F, 'o'}, {0x1D1C, 'u'}, {0x1D20, 'v'},
        /* unchanged */
        {'a', 'a'}, {'Z', 'Z'}, {'0', '0'}, {0, 0}, {0x00E9, 0x00E9}, {0x0130, 0x0130},
        {0x0431, 0x0431}, {0x0434, 0x0434}, {0x041F, 0x041F}, {0x03B8, 0x03B8},
        {0x4E2D, 0x4E2D}, {0x1F600, 0x1F600}, {0x0417, 0x0417},
    };
    (void) state;
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
        if (cg_char_latin_skeleton(cases[i].from) != cases[i].to)
            fail_msg("skeleton(U+%04X) = U+%04X, want U+%04X", cases[i].from,
                     cg_char_latin_skeleton(cases[i].from), cases[i].to);
    /* every fold lands on an ASCII letter */
    for (gunichar c = 0x80; c < 0x2000; c++) {
        gunichar t = cg_char_latin_skeleton(c);
        if (t != c && !g_ascii_isalpha((int) t))
            fail_msg("skeleton(U+%04X) = U+%04X", c, t);
    }
}

static void test_char_digit_lookalike(void **state)
{
    static const struct { gunichar c; int d; } cases[] = {
        {'O', 0}, {'o', 0}, {0x041E, 0}, {0x043E, 0}, {0x039F, 0}, {0x03BF, 0},
        {'l', 1}, {'I', 1}, {0x0406, 1}, {0x0456, 1}, {0x04CF, 1},
        {0x0417, 3}, {0x0437, 3}, {0x0427, 4}, {0x0447, 4},
        {0x0411, 6}, {0x0431, 6}, {0x042C, 6},
        {'0', -1}, {'1', -1}, {'9', -1}, {'i', -1}, {'L', -1}, {'S', -1}, {'B', -1},
        {'Z', -1}, {'g', -1}, {' ', -1}, {0, -1}, {0x0430, -1}, {0xFF10, -1}, {0x0664, -1},
    };
    (void) state;
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
        if (cg_char_digit_lookalike(cases[i].c) != cases[i].d)
            fail_msg("digit_lookalike(U+%04X) = %d, want %d", cases[i].c,
                     cg_char_digit_lookalike(cases[i].c), cases[i].d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nfkc_fullwidth),
        cmocka_unit_test(test_nfkc_circled),
        cmocka_unit_test(test_nfkc_super_subscripts),
        cmocka_unit_test(test_nfkc_ligatures_and_letterlike),
        cmocka_unit_test(test_nfkc_latin_block),
        cmocka_unit_test(test_invisibles_removed),
        cmocka_unit_test(test_invisible_does_not_split_word),
        cmocka_unit_test(test_keycap),
        cmocka_unit_test(test_script_digits),
        cmocka_unit_test(test_dingbat_digits),
        cmocka_unit_test(test_skeleton_mixed_words),
        cmocka_unit_test(test_skeleton_single_script_unchanged),
        cmocka_unit_test(test_digit_lookalikes_folded),
        cmocka_unit_test(test_digit_lookalikes_not_folded),
        cmocka_unit_test(test_whitespace),
        cmocka_unit_test(test_spelled_runs),
        cmocka_unit_test(test_spelled_runs_too_short),
        cmocka_unit_test(test_chunk_edges),
        cmocka_unit_test(test_span_cyrillic),
        cmocka_unit_test(test_span_fullwidth),
        cmocka_unit_test(test_span_expansions),
        cmocka_unit_test(test_span_digits),
        cmocka_unit_test(test_span_spelled),
        cmocka_unit_test(test_span_whitespace),
        cmocka_unit_test(test_span_invisibles),
        cmocka_unit_test(test_span_clamping),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_nul_dropped),
        cmocka_unit_test(test_map_anchors),
        cmocka_unit_test(test_long_input),
        cmocka_unit_test(test_random_invariants),
        cmocka_unit_test(test_char_is_invisible),
        cmocka_unit_test(test_char_latin_skeleton),
        cmocka_unit_test(test_char_digit_lookalike),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
