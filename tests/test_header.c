/*
 * test_header.c -- header values we add: cleaned of CR/LF and controls,
 * RFC 2047-encoded where needed (checked by decoding with GMime), folded.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <gmime/gmime.h>
#include <string.h>

#include "header.h"

/* Every line of the header "name: value" fits, and continuation lines start
 * with a space. */
static void
assert_folded(const char *name, const char *value)
{
    char *full = g_strdup_printf("%s: %s", name, value);
    char **lines = g_strsplit(full, "\n", -1);
    for (size_t i = 0; lines[i]; i++) {
        if (strlen(lines[i]) > CG_HEADER_LINE_MAX)
            fail_msg("line %zu is %zu long: %s", i, strlen(lines[i]), lines[i]);
        if (i > 0)
            assert_int_equal(lines[i][0], ' ');
        assert_null(strchr(lines[i], '\r'));
    }
    g_strfreev(lines);
    g_free(full);
}

/* Unfold and decode as a mail reader would. */
static char *
decoded(const char *value)
{
    GString *unfolded = g_string_new(NULL);
    for (const char *p = value; *p; p++)
        if (*p != '\n')
            g_string_append_c(unfolded, *p);
    char *text = g_mime_utils_header_decode_text(NULL, unfolded->str);
    g_string_free(unfolded, TRUE);
    return text;
}

static void
test_plain_ascii_unchanged(void **state)
{
    (void)state;
    char *v = cg_header_encode("X-Commguard-Verdict", "quarantine (contact); flow=platform");
    assert_string_equal(v, "quarantine (contact); flow=platform");
    g_free(v);
    v = cg_header_encode("X", "");
    assert_string_equal(v, "");
    g_free(v);
}

static void
test_no_injection(void **state)
{
    (void)state;
    char *v = cg_header_encode("X-Test", "a\r\nBcc: victim@example.com\nX: y\tz\x01");
    assert_null(strchr(v, '\r'));
    assert_null(strchr(v, '\n'));
    assert_null(strchr(v, '\t'));
    assert_null(strchr(v, '\x01'));
    assert_string_equal(v, "a Bcc: victim@example.com X: y z");
    g_free(v);
}

static void
test_folding(void **state)
{
    (void)state;
    GString *long_value = g_string_new(NULL);
    for (int i = 0; i < 60; i++)
        g_string_append_printf(long_value, "%sword%d/rule.number%d", i ? " " : "", i, i);
    char *v = cg_header_encode("X-Commguard-Findings", long_value->str);
    assert_non_null(strchr(v, '\n'));
    assert_folded("X-Commguard-Findings", v);
    char *back = decoded(v);
    assert_string_equal(back, long_value->str);
    g_free(back);
    g_free(v);
    g_string_free(long_value, TRUE);
}

static void
test_non_ascii_encoded(void **state)
{
    (void)state;
    static const char *const values[] = {
        "Café crème",
        "Olá, tudo bem? 電話番号 をください and more",
        "ünïcödé ünïcödé ünïcödé ünïcödé ünïcödé ünïcödé ünïcödé ünïcödé ünïcödé ünïcödé",
        "один два три четыре пять шесть семь восемь девять десять одиннадцать",
        "=?UTF-8?B?Zm9v?= looks encoded",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(values); i++) {
        char *v = cg_header_encode("X-Commguard-Original-Recipients", values[i]);
        for (const char *p = v; *p; p++)
            assert_true((unsigned char)*p < 128);
        assert_folded("X-Commguard-Original-Recipients", v);
        char *back = decoded(v);
        assert_string_equal(back, values[i]);
        g_free(back);
        g_free(v);
    }
}

static void
test_invalid_utf8_repaired(void **state)
{
    (void)state;
    char *v = cg_header_encode("X", "bad \xff\xfe byte");
    for (const char *p = v; *p; p++)
        assert_true((unsigned char)*p < 128);
    char *back = decoded(v);
    assert_true(g_utf8_validate(back, -1, NULL));
    assert_true(g_str_has_prefix(back, "bad "));
    assert_true(g_str_has_suffix(back, " byte"));
    g_free(back);
    g_free(v);
}

static void
test_long_word_split(void **state)
{
    (void)state;
    char *word = g_strnfill(300, 'x');
    char *v = cg_header_encode("X", word);
    assert_folded("X", v);
    char *back = decoded(v);
    assert_string_equal(back, word);
    g_free(back);
    g_free(v);
    g_free(word);
}

/* The Subject as a reader decodes it. */
static char *
reader_sees(const char *value)
{
    char *unfolded = g_mime_utils_header_unfold(value);
    char *text = g_mime_utils_header_decode_text(NULL, unfolded);
    g_free(unfolded);
    return text;
}

static void
test_subject_prefix(void **state)
{
    (void)state;
    struct { const char *raw, *want; } cases[] = {
        { "Order 42", "[commguard] Order 42" },
        /* encoded-words in another charset, and folded */
        { "=?ISO-8859-1?Q?Caf=E9?= menu", "[commguard] Caf\xc3\xa9 menu" },
        { "=?UTF-8?B?w6l0w6k=?=\n =?UTF-8?Q?_ensoleill=C3=A9?=", "[commguard] \xc3\xa9t\xc3\xa9 ensoleill\xc3\xa9" },
        /* a literal "=?" that is no encoded-word stays text */
        { "price =?5", "[commguard] price =?5" },
        { NULL, "[commguard]" },
        { "", "[commguard]" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *v = cg_header_prefix_subject(cases[i].raw, "[commguard]");
        assert_non_null(v);
        assert_folded("Subject", v);
        char *back = reader_sees(v);
        assert_string_equal(back, cases[i].want);
        g_free(back);
        g_free(v);
    }
    /* a long non-ASCII subject is folded into valid encoded-words */
    GString *longer = g_string_new("=?UTF-8?B?");
    char *b64 = g_base64_encode((const guchar *)"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 ", 13);
    for (int i = 0; i < 20; i++)
        g_string_append_printf(longer, "%s%s", i ? "?= =?UTF-8?B?" : "", b64);
    g_string_append(longer, "?=");
    char *v = cg_header_prefix_subject(longer->str, "[commguard]");
    assert_folded("Subject", v);
    char *back = reader_sees(v);
    assert_true(g_str_has_prefix(back, "[commguard] \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82"));
    assert_true(g_utf8_validate(back, -1, NULL));
    g_free(back);
    g_free(v);
    g_free(b64);
    g_string_free(longer, TRUE);

    /* already prefixed: left alone */
    assert_null(cg_header_prefix_subject("[commguard] Order 42", "[commguard]"));
    assert_null(cg_header_prefix_subject("  [commguard] Order 42", "[commguard]"));
}

static void
test_decode(void **state)
{
    (void)state;
    char *text = cg_header_decode("=?UTF-8?Q?caf=C3=A9?=\n\tbar \xff");
    assert_true(g_utf8_validate(text, -1, NULL));
    assert_non_null(strstr(text, "caf\xc3\xa9"));
    assert_null(strchr(text, '\n'));
    g_free(text);
}

int
main(void)
{
    g_mime_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_ascii_unchanged),
        cmocka_unit_test(test_no_injection),
        cmocka_unit_test(test_folding),
        cmocka_unit_test(test_non_ascii_encoded),
        cmocka_unit_test(test_invalid_utf8_repaired),
        cmocka_unit_test(test_long_word_split),
        cmocka_unit_test(test_subject_prefix),
        cmocka_unit_test(test_decode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
