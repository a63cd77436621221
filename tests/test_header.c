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
#include "notify.h"
#include "policy.h"
#include "testutil.h"

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

/* No CR in block, and none of its lines starts one of the headers the
 * hostile subject below tries to smuggle in. */
static void
assert_no_injected_header(const char *block)
{
    assert_null(strchr(block, '\r'));
    char **lines = g_strsplit(block, "\n", -1);
    for (size_t i = 0; lines[i]; i++)
        if (g_str_has_prefix(lines[i], "Bcc:") || g_str_has_prefix(lines[i], "X-Spam:"))
            fail_msg("line %zu starts a header: %s", i, lines[i]);
    g_strfreev(lines);
}

/* A subject whose encoded-words hide CR, LF and NUL, in a message with a
 * finding in that subject: nothing commguard writes into a header from it
 * (the tag prefix, the redirect notice, the verdict headers) splits a line. */
static void
test_hostile_subject_with_finding(void **state)
{
    (void)state;
    static const char raw[] =
        "From: eve@example.org\nTo: bob@example.org\n"
        "Subject: =?utf-8?q?call_me_on_+1_415_555_0100_=00=0D=0ABcc:_victim@evil.example=0AX-Spam:_no?=\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nsee subject\n";
    cg_config *cfg = cg_config_new_default();
    cg_engine *engine = cg_engine_new(cfg, NULL);
    cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &cfg->limits, NULL);
    assert_non_null(msg);
    cg_result *result = cg_engine_scan(engine, msg);
    char *findings = cg_findings_summary(result);
    assert_non_null(strstr(findings, "phone"));    /* the subject's number was found */

    const char *subject = cg_message_header(msg, "Subject");
    char *tagged = cg_header_prefix_subject(subject, "[commguard]");
    assert_no_injected_header(tagged);
    char *encoded = cg_header_encode("X-Commguard-Findings", findings);
    assert_no_injected_header(encoded);
    const char *recipients[] = { "bob@example.org", NULL };
    char *notice = cg_notice_build("eve@example.org", recipients, "legal@example.org", subject);
    char *body = strstr(notice, "\n\n");
    assert_non_null(body);
    *body = '\0';
    assert_no_injected_header(notice);

    g_free(notice);
    g_free(encoded);
    g_free(tagged);
    g_free(findings);
    cg_result_free(result);
    cg_message_free(msg);
    cg_engine_free(engine);
    cg_config_free(cfg);
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
        cmocka_unit_test(test_hostile_subject_with_finding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
