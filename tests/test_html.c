/*
 * test_html.c -- cg_html_to_text and cg_html_entity.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "html.h"

/* Render a copy of exactly len bytes (no terminator), so that valgrind sees
 * any read past the end. */
static char *render_len(const char *html, size_t len, size_t *out_len)
{
    char *copy = g_malloc(len ? len : 1);
    char *text;
    size_t n = (size_t) -1;
    memcpy(copy, html, len);
    text = cg_html_to_text(copy, len, &n);
    g_free(copy);
    assert_non_null(text);
    assert_int_equal(n, strlen(text));
    assert_true(g_utf8_validate(text, (gssize) n, NULL));
    if (out_len)
        *out_len = n;
    return text;
}

static char *render(const char *html)
{
    return render_len(html, strlen(html), NULL);
}

static void expect_text(const char *html, const char *want)
{
    char *got = render(html);
    assert_string_equal(got, want);
    g_free(got);
}

static void expect_contains(const char *html, const char *want)
{
    char *got = render(html);
    if (strstr(got, want) == NULL)
        fail_msg("\"%s\" not in \"%s\"", want, got);
    g_free(got);
}

static void expect_lacks(const char *html, const char *unwanted)
{
    char *got = render(html);
    if (strstr(got, unwanted) != NULL)
        fail_msg("\"%s\" found in \"%s\"", unwanted, got);
    g_free(got);
}

/* Entity decoding of one string that follows '&'. */
static size_t entity(const char *s, gunichar *cp)
{
    size_t len = strlen(s);
    char *copy = g_malloc(len ? len : 1);
    size_t used;
    memcpy(copy, s, len);
    *cp = 0x12345;
    used = cg_html_entity(copy, len, cp);
    g_free(copy);
    return used;
}

static void test_entity_named(void **state)
{
    static const struct { const char *s; gunichar cp; } cases[] = {
        { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' },
        { "apos;", '\'' }, { "nbsp;", 0xA0 }, { "copy;", 0xA9 }, { "reg;", 0xAE },
        { "trade;", 0x2122 }, { "hellip;", 0x2026 }, { "mdash;", 0x2014 },
        { "ndash;", 0x2013 }, { "lsquo;", 0x2018 }, { "rsquo;", 0x2019 },
        { "ldquo;", 0x201C }, { "rdquo;", 0x201D }, { "bull;", 0x2022 },
        { "middot;", 0xB7 }, { "euro;", 0x20AC }, { "pound;", 0xA3 }, { "yen;", 0xA5 },
        { "cent;", 0xA2 }, { "sect;", 0xA7 }, { "deg;", 0xB0 }, { "times;", 0xD7 },
        { "divide;", 0xF7 }, { "laquo;", 0xAB }, { "raquo;", 0xBB },
        { "commat;", '@' }, { "period;", '.' }, { "lpar;", '(' }, { "rpar;", ')' },
        { "lsqb;", '[' }, { "rsqb;", ']' }, { "colon;", ':' }, { "sol;", '/' },
        { "plus;", '+' }, { "num;", '#' }, { "dash;", 0x2010 }, { "hyphen;", 0x2010 },
    };
    gunichar cp;
    (void) state;
    for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
        size_t used = entity(cases[k].s, &cp);
        if (used != strlen(cases[k].s) || cp != cases[k].cp)
            fail_msg("&%s -> %zu U+%04X", cases[k].s, used, (unsigned) cp);
    }
    /* Only the entity is consumed, not what follows. */
    assert_int_equal(entity("commat;xyz", &cp), 7);
    assert_int_equal(cp, '@');
    /* Case matters: &Commat; is not &commat;. */
    assert_int_equal(entity("Commat;", &cp), 0);
}

static void test_entity_numeric(void **state)
{
    gunichar cp;
    (void) state;
    assert_int_equal(entity("#64;", &cp), 4);
    assert_int_equal(cp, '@');
    assert_int_equal(entity("#x40;", &cp), 5);
    assert_int_equal(cp, '@');
    assert_int_equal(entity("#X4a;", &cp), 5);
    assert_int_equal(cp, 'J');
    assert_int_equal(entity("#064;", &cp), 5);
    assert_int_equal(cp, '@');
    assert_int_equal(entity("#x1F600;", &cp), 8);
    assert_int_equal(cp, 0x1F600);
    /* Windows-1252 range, as browsers render it. */
    assert_int_equal(entity("#150;", &cp), 5);
    assert_int_equal(cp, 0x2013);
}

static void test_entity_missing_semicolon(void **state)
{
    gunichar cp;
    (void) state;
    assert_int_equal(entity("#64", &cp), 3);
    assert_int_equal(cp, '@');
    assert_int_equal(entity("#64abc", &cp), 3);
    assert_int_equal(cp, '@');
    assert_int_equal(entity("#x40 ", &cp), 4);
    assert_int_equal(cp, '@');
    assert_int_equal(entity("amp", &cp), 3);
    assert_int_equal(cp, '&');
    assert_int_equal(entity("lt b", &cp), 2);
    assert_int_equal(cp, '<');
    assert_int_equal(entity("nbsp", &cp), 4);
    assert_int_equal(cp, 0xA0);
    /* Newer names need their ';'. */
    assert_int_equal(entity("commat", &cp), 0);
    assert_int_equal(entity("hellip x", &cp), 0);
}

static void test_entity_unknown(void **state)
{
    gunichar cp;
    (void) state;
    assert_int_equal(entity("", &cp), 0);
    assert_int_equal(entity(";", &cp), 0);
    assert_int_equal(entity(" amp;", &cp), 0);
    assert_int_equal(entity("bogus;", &cp), 0);
    assert_int_equal(entity("ampx;", &cp), 0);
    assert_int_equal(entity("commatcommatcommat;", &cp), 0);
    assert_int_equal(entity("#", &cp), 0);
    assert_int_equal(entity("#;", &cp), 0);
    assert_int_equal(entity("#x", &cp), 0);
    assert_int_equal(entity("#x;", &cp), 0);
    assert_int_equal(entity("#xg;", &cp), 0);
    assert_int_equal(entity("#-1;", &cp), 0);
    assert_int_equal(cg_html_entity(NULL, 0, &cp), 0);
    /* len is authoritative: "amp;" cut to "am". */
    assert_int_equal(cg_html_entity("amp;", 2, &cp), 0);
    assert_int_equal(cg_html_entity("#64;", 2, &cp), 2);
    assert_int_equal(cp, 6);
}

static void test_entity_out_of_range(void **state)
{
    gunichar cp;
    (void) state;
    assert_int_equal(entity("#0;", &cp), 3);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(entity("#x0000;", &cp), 7);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(entity("#xD800;", &cp), 7);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(entity("#57343;", &cp), 7);   /* U+DFFF */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(entity("#x10FFFF;", &cp), 9);
    assert_int_equal(cp, 0x10FFFF);
    assert_int_equal(entity("#x110000;", &cp), 9);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(entity("#99999999999999999999999;", &cp), 25);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(entity("#xFFFFFFFFFFFFFFFFFFFF41;", &cp), 25);
    assert_int_equal(cp, 0xFFFD);
}

static void test_text_entities(void **state)
{
    (void) state;
    expect_text("john&commat;example&period;com", "john@example.com");
    expect_text("&lt;x&gt; &#64;&#x40;&#X40 &quot;q&apos;", "<x> @@@ \"q'");
    expect_text("AT&T &bogus; &amp &; &#; &", "AT&T &bogus; & &; &#; &");
    expect_text("&lpar;555&rpar;&nbsp;123&dash;4567",
                "(555)\xC2\xA0" "123\xE2\x80\x90" "4567");
    expect_text("x&#0;y&#xD800;z", "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
    expect_text("tail &#x4", "tail \x04");
}

static void test_href_mailto_tel(void **state)
{
    (void) state;
    expect_text("<a href=\"mailto:x@y.com\">write</a> now", "write <mailto:x@y.com>  now");
    expect_text("<a href='tel:+1&#32;555&#x2D;0100'>call</a>", "call <tel:+1 555-0100> ");
    expect_text("<A HREF=mailto:a&commat;b.c>m</A>", "m <mailto:a@b.c> ");
    expect_text("<a href=\"  https://e.com/?a=1&amp;b=2&amp=3 \">x</a>",
                "x <https://e.com/?a=1&b=2&amp=3> ");
    expect_text("<a href=\"#\">x</a><a href=\" JavaScript:alert(1)\">y</a><a href=\"\">z</a>",
                "xyz");
    /* An <a> left open is closed by the next one, or by the end of input. */
    expect_text("<a href=x>a<a href=y>b", "a <x> b <y> ");
    expect_contains("<map><area shape=rect href=\"tel:5550100\" alt=\"Map\"></map>",
                    " Map  <tel:5550100> ");
    expect_text("<img src=a.png alt=\"call 555 0100\"><span title=\"me&commat;x.org\">t</span>",
                " call 555 0100  me@x.org t");
    expect_lacks("<img src=\"http://tracker/p.gif\">", "tracker");
}

static void test_comments(void **state)
{
    (void) state;
    /* Comment text is kept, after the document's own text. */
    expect_text("a<!-- hidden 555 -->b", "ab\n  hidden 555  ");
    expect_text("a<!-- x --!>b", "ab\n  x  ");
    expect_text("a<!---->b<!-->c", "ab c\n  ");
    expect_text("a<!-- <b>bold</b> --> b", "a b\n  bold  ");
    expect_text("a<!-- never closed", "a\n  never closed");
    expect_text("x<!--[if mso]><p>mso only</p><![endif]-->y", "xy\n \nmso only\n ");
    /* Comments splitting an address do not break it. */
    expect_contains("k.wanjiru<!-- -->@<!-- x -->example<!-- .com -->.org", "k.wanjiru@example.org\n");
    expect_lacks("<!--[if !mso]><!-->shown<!--<![endif]-->", "endif");
    expect_contains("<!--[if !mso]><!-->shown<!--<![endif]-->", "shown");
    expect_text("<!DOCTYPE html><?xml version=\"1.0\"?>x", "x");
    expect_text("<![CDATA[a<b&amp;]]>c", "a<b&amp;c");
}

static void test_style_script_title(void **state)
{
    (void) state;
    expect_text("<style>.x{color:red}</style>hi", "hi");
    expect_text("<STYLE type=\"text/css\">p{}</Style >ok<style></style>", "ok");
    expect_text("<style>a{}</styles></style>z", "z");
    /* A <style> never closed hides nothing from the detectors. */
    expect_contains("<style>secret 555 0100", "secret 555 0100");
    expect_text("<script>if (a<b) x=\"&#64;\";</script>z", " if (a<b) x=\"&#64;\"; z");
    expect_text("<script>open", " open ");
    expect_text("<html><head><title>Invoice</title></head><body>hi</body></html>",
                "\nInvoice\nhi");
}

static void test_block_newlines(void **state)
{
    (void) state;
    expect_text("<p>a</p><p>b</p>", "\na\n\nb\n");
    expect_text("a<br>b<br/>c<BR />d", "a\nb\nc\nd");
    expect_text("a<br><br><br><br><div><p>b", "a\n\nb");
    expect_text("<ul><li>one<li>two</ul>", "\n\none\ntwo\n");
    expect_text("<h1>T</h1><blockquote>q</blockquote><hr>e", "\nT\n\nq\n\ne");
    expect_text("<b>a</b><i>b</i><span>c</span>", "abc");
}

static void test_table_cells(void **state)
{
    (void) state;
    expect_text("<table><tr><td>555</td><td>0100</td></tr><tr><th>a</th><th>b</th></tr></table>",
                "\n\n 555  0100 \n\n a  b \n\n");
    expect_lacks("<td>555</td><td>0100</td>", "5550100");
}

static void test_unterminated(void **state)
{
    (void) state;
    /* No '>' anywhere after the '<': it was never a tag. */
    expect_text("hello <b", "hello <b");
    expect_text("x <a href=\"mailto:q@r.s", "x <a href=\"mailto:q@r.s");
    /* Unclosed attribute quote: the value ends at the next '>'. */
    expect_text("<a href=\"mailto:q@r.s>mail me</a>", "mail me <mailto:q@r.s> ");
    expect_text("<img alt='oops>visible", " oops visible");
    expect_text("<p class=\"x>a</p>b", "\na\nb");
    expect_text("<a title=\"", "<a title=\"");
    expect_text("<", "<");
    expect_text("&", "&");
    expect_text("</", "</");
    expect_text("<!", "<!");
    expect_text("<!-", "<!-");
    expect_text("<![CDATA[open", "open");
}

static void test_lone_less_than(void **state)
{
    (void) state;
    expect_text("a < b && c <3 d <= e </ f", "a < b && c <3 d <= e </ f");
    expect_text("1<2>3", "1<2>3");
    expect_text("x </> y", "x </> y");
}

static void test_nul_inside(void **state)
{
    static const char in[] = "a\0b<p\0>c<a href=\"t\0el:1\">d</a>\0";
    size_t n;
    char *got;
    (void) state;
    got = render_len(in, sizeof in - 1, &n);
    assert_int_equal(n, strlen("ab\ncd <tel:1> "));
    assert_string_equal(got, "ab\ncd <tel:1> ");
    g_free(got);
    /* Text after a NUL is not lost. */
    got = render_len("x\0&commat;y", 11, &n);
    assert_string_equal(got, "x@y");
    g_free(got);
    got = render_len("", 0, &n);
    assert_int_equal(n, 0);
    assert_string_equal(got, "");
    g_free(got);
    got = cg_html_to_text(NULL, 0, &n);
    assert_string_equal(got, "");
    g_free(got);
}

static void test_invalid_input(void **state)
{
    static const char *const cases[] = {
        "\xff\xfe<b>\xc3</b>\xe2\x82",
        "<a href=\"\xc0\xaf\">\xed\xa0\x80</a>",
        "<img alt=\"\xf8\x88\x80\x80\x80\">",
        "<<<<>>>>&&&&;;;;<!--<!--<!---->-->--><a<a<a href=href=>",
        "<a href='x' href=\"y\" title=t alt=>z</a",
        "<p =x ==y \"q\"=r / / />w",
        "\xc3\xa9t\xc3\xa9 <b>caf\xc3\xa9</b> \xe2\x82\xac",
    };
    char *got;
    (void) state;
    for (size_t k = 0; k < G_N_ELEMENTS(cases); k++)
        g_free(render(cases[k]));              /* render() checks validity */
    got = render("\xc3\xa9t\xc3\xa9 <b>caf\xc3\xa9</b>");
    assert_string_equal(got, "\xc3\xa9t\xc3\xa9 caf\xc3\xa9");
    g_free(got);
    /* Every prefix of a tricky document, so each parser state meets the end. */
    {
        const char *doc = "<a href=\"mailto:a&commat;b\" title='t&#x40'>x</a><!--c-->"
                          "<style>s</style><script>j</script><![CDATA[d]]>&#1234;&amp";
        for (size_t len = 0; len <= strlen(doc); len++)
            g_free(render_len(doc, len, NULL));
    }
}

/* count occurrences of a byte */
static size_t count_char(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

static char *repeat(const char *unit, size_t total, size_t *len)
{
    size_t ul = strlen(unit), reps = total / ul;
    char *buf = g_malloc(reps * ul + 1);
    for (size_t r = 0; r < reps; r++)
        memcpy(buf + r * ul, unit, ul);
    buf[reps * ul] = '\0';
    *len = reps * ul;
    return buf;
}

static void test_large_input(void **state)
{
    static const char *const patterns[] = {
        "<div><span><b>",                      /* deep nesting, never closed */
        "<a x='",                              /* unclosed quotes, no ' later */
        "<a x=\"y",
        "<!x",                                  /* declarations with no '>' */
        "<a ",                                  /* tags with no '>' */
        "<style>",                              /* styles never closed */
        "<script>a",
        "<!--",
        "&#x",
        "&commat",
        "<a href=m>",
    };
    size_t len, n;
    char *in, *got;
    (void) state;
    in = repeat("<div><span>x</span>", 1 << 20, &len);
    got = render_len(in, len, &n);
    assert_int_equal(count_char(got, n, 'x'), len / strlen("<div><span>x</span>"));
    g_free(got);
    g_free(in);
    for (size_t k = 0; k < G_N_ELEMENTS(patterns); k++) {
        in = repeat(patterns[k], 1 << 20, &len);
        g_free(render_len(in, len, NULL));
        g_free(in);
    }
}

/* Text runs are read eight bytes a step: a tag, an entity, a NUL and a
 * comment's end must each be seen at every offset, in a word and in the tail,
 * and a '-' in a comment that ends nothing must stay. */
static void test_text_runs_every_offset(void **state)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
    static const char *const middles[] = { "<b>", "&amp;", "", "-->", "-x-->" };
    (void) state;
    for (int kind = 0; kind < 5; kind++)
        for (int k = 0; k < 20; k++)
            for (int m = 0; m < 20; m++) {
                GString *in = g_string_new(kind >= 3 ? "<!--" : "");
                char *want, *got;
                g_string_append_len(in, letters, k);
                g_string_append_len(in, middles[kind], kind == 2 ? 1 : (gssize) strlen(middles[kind]));
                g_string_append_len(in, letters, m);
                if (kind < 3)
                    want = g_strdup_printf("%.*s%s%.*s", k, letters, kind == 1 ? "&" : "", m, letters);
                else
                    want = g_strdup_printf("%.*s\n %.*s%s ", m, letters, k, letters, kind == 4 ? "-x" : "");
                got = cg_html_to_text(in->str, in->len, NULL);
                if (strcmp(got, want) != 0)
                    fail_msg("kind %d, %d then %d letters: \"%s\", want \"%s\"", kind, k, m, got, want);
                g_free(got);
                g_free(want);
                g_string_free(in, TRUE);
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entity_named),
        cmocka_unit_test(test_entity_numeric),
        cmocka_unit_test(test_entity_missing_semicolon),
        cmocka_unit_test(test_entity_unknown),
        cmocka_unit_test(test_entity_out_of_range),
        cmocka_unit_test(test_text_entities),
        cmocka_unit_test(test_href_mailto_tel),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_style_script_title),
        cmocka_unit_test(test_block_newlines),
        cmocka_unit_test(test_table_cells),
        cmocka_unit_test(test_unterminated),
        cmocka_unit_test(test_lone_less_than),
        cmocka_unit_test(test_nul_inside),
        cmocka_unit_test(test_invalid_input),
        cmocka_unit_test(test_large_input),
        cmocka_unit_test(test_text_runs_every_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
