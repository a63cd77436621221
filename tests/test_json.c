/*
 * test_json.c -- the JSON writer: escaping and structure.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "json.h"

/* ---- a strict JSON reader, to check that output parses ----------------------- */

static gboolean parse_value(const char **p, int depth);

static void skip_ws(const char **p)
{
    while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
        (*p)++;
}

static gboolean parse_string(const char **p)
{
    const char *s = *p;
    if (*s++ != '"')
        return FALSE;
    for (;;) {
        unsigned char c = (unsigned char) *s;
        if (c == '"')
            break;
        if (c < 0x20)
            return FALSE;                  /* includes the terminator */
        if (c == '\\') {
            s++;
            if (*s == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (!g_ascii_isxdigit(s[k]))
                        return FALSE;
                s += 5;
                continue;
            }
            if (!*s || !strchr("\"\\/bfnrt", *s))
                return FALSE;
        }
        s++;
    }
    *p = s + 1;
    return TRUE;
}

static gboolean parse_number(const char **p)
{
    const char *s = *p;
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (*s >= '1' && *s <= '9')
        while (g_ascii_isdigit(*s))
            s++;
    else
        return FALSE;
    if (*s == '.') {
        s++;
        if (!g_ascii_isdigit(*s))
            return FALSE;
        while (g_ascii_isdigit(*s))
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!g_ascii_isdigit(*s))
            return FALSE;
        while (g_ascii_isdigit(*s))
            s++;
    }
    *p = s;
    return TRUE;
}

static gboolean parse_container(const char **p, int depth, char close, gboolean object)
{
    (*p)++;
    skip_ws(p);
    if (**p == close) {
        (*p)++;
        return TRUE;
    }
    for (;;) {
        if (object) {
            skip_ws(p);
            if (!parse_string(p))
                return FALSE;
            skip_ws(p);
            if (*(*p)++ != ':')
                return FALSE;
        }
        if (!parse_value(p, depth + 1))
            return FALSE;
        skip_ws(p);
        if (**p == close) {
            (*p)++;
            return TRUE;
        }
        if (*(*p)++ != ',')
            return FALSE;
    }
}

static gboolean parse_value(const char **p, int depth)
{
    if (depth > 200)
        return FALSE;
    skip_ws(p);
    switch (**p) {
    case '{': return parse_container(p, depth, '}', TRUE);
    case '[': return parse_container(p, depth, ']', FALSE);
    case '"': return parse_string(p);
    case 't': if (strncmp(*p, "true", 4)) return FALSE; *p += 4; return TRUE;
    case 'f': if (strncmp(*p, "false", 5)) return FALSE; *p += 5; return TRUE;
    case 'n': if (strncmp(*p, "null", 4)) return FALSE; *p += 4; return TRUE;
    default:  return parse_number(p);
    }
}

/* TRUE when s is exactly one JSON value (surrounding whitespace allowed). */
static gboolean json_parses(const char *s)
{
    const char *p = s;
    if (!parse_value(&p, 0))
        return FALSE;
    skip_ws(&p);
    return *p == '\0';
}

static void test_reader_self_check(void **state)
{
    (void) state;
    /* the reader used below must itself reject bad JSON */
    assert_true(json_parses("{\"a\":[1,-2.5e+3,true,false,null,\"\\u00e9\\n\"],\"b\":{}}"));
    assert_true(json_parses(" [ ] "));
    assert_false(json_parses("{\"a\":1,}"));
    assert_false(json_parses("[1,,2]"));
    assert_false(json_parses("[1 2]"));
    assert_false(json_parses("{\"a\" 1}"));
    assert_false(json_parses("{\"a\":1"));
    assert_false(json_parses("\"a\nb\""));           /* raw newline in a string */
    assert_false(json_parses("\"\\x\""));
    assert_false(json_parses("01"));
    assert_false(json_parses("1."));
    assert_false(json_parses("nan"));
    assert_false(json_parses("[1][2]"));
    assert_false(json_parses(""));
}

/* Escape a copy of exactly len bytes (no terminator), so that valgrind sees
 * any read past the end. */
static void expect_escape_len(const char *s, size_t len, const char *want)
{
    char *copy = g_malloc(len ? len : 1);
    GString *out = g_string_new("prefix");
    memcpy(copy, s, len);
    cg_json_escape(out, copy, len);
    g_free(copy);
    assert_true(g_str_has_prefix(out->str, "prefix"));     /* appends */
    assert_string_equal(out->str + 6, want);
    assert_int_equal(strlen(out->str), out->len);
    assert_true(g_utf8_validate(out->str, (gssize) out->len, NULL));
    g_string_free(out, TRUE);
}

static void expect_escape(const char *s, const char *want)
{
    expect_escape_len(s, strlen(s), want);
}

/* The output is one JSON string: quoted, no raw control characters, no
 * unescaped quote inside. */
static void assert_json_string_token(const char *out)
{
    size_t n = strlen(out);
    assert_true(n >= 2);
    assert_int_equal(out[0], '"');
    assert_int_equal(out[n - 1], '"');
    for (size_t i = 1; i + 1 < n; i++) {
        unsigned char c = (unsigned char) out[i];
        assert_true(c >= 0x20 && c != 0x7f);
        if (c == '\\') {
            char e = out[++i];
            assert_non_null(strchr("\"\\/bfnrtu", e));
            if (e == 'u')
                for (int k = 0; k < 4; k++)
                    assert_true(g_ascii_isxdigit(out[++i]));
        } else {
            assert_int_not_equal(c, '"');
        }
    }
}

/* ---- escaping --------------------------------------------------------------- */

static void test_escape_plain(void **state)
{
    (void) state;
    expect_escape("", "\"\"");
    expect_escape("hello world", "\"hello world\"");
    expect_escape("/ ' ` < > &", "\"/ ' ` < > &\"");       /* not escaped */
    expect_escape("~ }{", "\"~ }{\"");
}

static void test_escape_specials(void **state)
{
    (void) state;
    expect_escape("\"", "\"\\\"\"");
    expect_escape("\\", "\"\\\\\"");
    expect_escape("say \"hi\"\\n", "\"say \\\"hi\\\"\\\\n\"");
    expect_escape("\n", "\"\\n\"");
    expect_escape("\r", "\"\\r\"");
    expect_escape("\t", "\"\\t\"");
    expect_escape("\b", "\"\\b\"");
    expect_escape("\f", "\"\\f\"");
    expect_escape("a\r\nb", "\"a\\r\\nb\"");
    expect_escape("\\\"\\", "\"\\\\\\\"\\\\\"");
}

static void test_escape_controls(void **state)
{
    (void) state;
    expect_escape("\x01", "\"\\u0001\"");
    expect_escape("\x07", "\"\\u0007\"");
    expect_escape("\x0b", "\"\\u000b\"");
    expect_escape("\x0e", "\"\\u000e\"");
    expect_escape("\x1b[31m", "\"\\u001b[31m\"");
    expect_escape("\x1f", "\"\\u001f\"");
    expect_escape("\x7f", "\"\\u007f\"");
    expect_escape(" ", "\" \"");                            /* 0x20 is not a control */
    expect_escape_len("\0", 1, "\"\\u0000\"");
    expect_escape_len("a\0b", 3, "\"a\\u0000b\"");
    expect_escape_len("\0\0", 2, "\"\\u0000\\u0000\"");
    /* every control character */
    for (int c = 0; c < 0x20; c++) {
        char in = (char) c;
        GString *out = g_string_new(NULL);
        cg_json_escape(out, &in, 1);
        assert_json_string_token(out->str);
        assert_true(out->len == 4 || out->len == 8);      /* "\x" or "\u00XX" */
        g_string_free(out, TRUE);
    }
}

static void test_escape_line_separators(void **state)
{
    (void) state;
    expect_escape("a\xE2\x80\xA8" "b", "\"a\\u2028b\"");
    expect_escape("\xE2\x80\xA9", "\"\\u2029\"");
    /* their neighbours pass through */
    expect_escape("\xE2\x80\xA7\xE2\x80\xAA", "\"\xE2\x80\xA7\xE2\x80\xAA\"");
}

static void test_escape_utf8_passthrough(void **state)
{
    (void) state;
    expect_escape("caf\xC3\xA9", "\"caf\xC3\xA9\"");                           /* 2 bytes */
    expect_escape("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82",          /* Привет */
                  "\"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\"");
    expect_escape("\xE4\xB8\xAD\xE6\x96\x87", "\"\xE4\xB8\xAD\xE6\x96\x87\"");   /* 中文 */
    expect_escape("\xF0\x9F\x98\x80", "\"\xF0\x9F\x98\x80\"");                 /* 😀 */
    expect_escape("\xEF\xBB\xBF", "\"\xEF\xBB\xBF\"");                         /* BOM */
    expect_escape("\xC2\x80\xC2\x9F", "\"\xC2\x80\xC2\x9F\"");                 /* C1 controls */
    expect_escape("\xEF\xBF\xBD", "\"\xEF\xBF\xBD\"");                         /* U+FFFD itself */
    expect_escape("\xF4\x8F\xBF\xBF", "\"\xF4\x8F\xBF\xBF\"");                 /* U+10FFFF */
    expect_escape("\xC2\x80", "\"\xC2\x80\"");                                 /* lowest 2-byte */
    expect_escape("\xE0\xA0\x80", "\"\xE0\xA0\x80\"");                         /* lowest 3-byte */
    expect_escape("\xF0\x90\x80\x80", "\"\xF0\x90\x80\x80\"");                 /* lowest 4-byte */
}

static void test_escape_invalid_utf8(void **state)
{
    (void) state;
    expect_escape("\xff", "\"\\ufffd\"");
    expect_escape("a\xff" "b", "\"a\\ufffdb\"");
    expect_escape("\xfe\xff", "\"\\ufffd\\ufffd\"");
    expect_escape("ab\xc3", "\"ab\\ufffd\"");                    /* truncated at the end */
    expect_escape("\xe2\x82", "\"\\ufffd\\ufffd\"");             /* truncated 3-byte */
    expect_escape("\xf0\x9f\x98", "\"\\ufffd\\ufffd\\ufffd\"");  /* truncated 4-byte */
    expect_escape("\xc3(", "\"\\ufffd(\"");                      /* bad continuation */
    expect_escape("\xc0\xaf", "\"\\ufffd\\ufffd\"");             /* overlong '/' */
    expect_escape("\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"");  /* overlong, 3 bytes */
    expect_escape("\xc1\xbf", "\"\\ufffd\\ufffd\"");             /* overlong DEL */
    expect_escape("\x80", "\"\\ufffd\"");                        /* lone continuation */
    expect_escape("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");  /* surrogate D800 */
    expect_escape("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* > U+10FFFF */
    expect_escape("\xf8\x88\x80\x80\x80",
                  "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"");   /* 5-byte form */
    /* a valid character after garbage is kept */
    expect_escape("\xff\xC3\xA9", "\"\\ufffd\xC3\xA9\"");
    /* a NUL where a continuation byte should be */
    expect_escape_len("\xc3\0x", 3, "\"\\ufffd\\u0000x\"");
    /* a truncated sequence cut by the length, not by a NUL */
    expect_escape_len("\xC3\xA9", 1, "\"\\ufffd\"");
}

static void test_escape_random_bytes(void **state)
{
    GRand *rng = g_rand_new_with_seed(7);
    (void) state;
    for (int round = 0; round < 2000; round++) {
        size_t len = (size_t) g_rand_int_range(rng, 0, 64);
        char *buf = g_malloc(len ? len : 1);
        for (size_t i = 0; i < len; i++)
            buf[i] = (char) g_rand_int_range(rng, 0, 256);
        GString *out = g_string_new(NULL);
        cg_json_escape(out, buf, len);
        assert_int_equal(strlen(out->str), out->len);
        assert_true(g_utf8_validate(out->str, (gssize) out->len, NULL));
        assert_json_string_token(out->str);
        assert_true(json_parses(out->str));
        g_string_free(out, TRUE);
        g_free(buf);
    }
    g_rand_free(rng);
}


/* ---- the writer -------------------------------------------------------------- */

typedef struct {
    GString *out;
    cg_json j;
} writer;

static writer *writer_new(gboolean pretty)
{
    writer *w = g_new0(writer, 1);
    w->out = g_string_new(NULL);
    cg_json_init(&w->j, w->out, pretty);
    assert_ptr_equal(w->j.out, w->out);
    assert_int_equal(w->j.depth, 0);
    return w;
}

static void writer_expect(writer *w, const char *want)
{
    if (!json_parses(w->out->str))
        fail_msg("output does not parse: %s", w->out->str);
    assert_string_equal(w->out->str, want);
    assert_int_equal(w->j.depth, 0);
    g_string_free(w->out, TRUE);
    g_free(w);
}

/* {"a":1,"b":[true,null,"x"],"c":{}} */
static void write_sample(cg_json *j)
{
    cg_json_begin_object(j);
    cg_json_key(j, "a");
    cg_json_int(j, 1);
    cg_json_key(j, "b");
    cg_json_begin_array(j);
    cg_json_bool(j, TRUE);
    cg_json_null(j);
    cg_json_string(j, "x");
    cg_json_end_array(j);
    cg_json_key(j, "c");
    cg_json_begin_object(j);
    cg_json_end_object(j);
    cg_json_end_object(j);
}

static void test_compact_sample(void **state)
{
    writer *w = writer_new(FALSE);
    (void) state;
    write_sample(&w->j);
    writer_expect(w, "{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{}}");
}

static void test_pretty_sample(void **state)
{
    writer *w = writer_new(TRUE);
    (void) state;
    write_sample(&w->j);
    writer_expect(w,
                  "{\n"
                  "  \"a\": 1,\n"
                  "  \"b\": [\n"
                  "    true,\n"
                  "    null,\n"
                  "    \"x\"\n"
                  "  ],\n"
                  "  \"c\": {}\n"
                  "}");
}

static void test_empty_containers(void **state)
{
    writer *w;
    (void) state;

    w = writer_new(FALSE);
    cg_json_begin_object(&w->j);
    cg_json_end_object(&w->j);
    writer_expect(w, "{}");

    w = writer_new(TRUE);
    cg_json_begin_array(&w->j);
    cg_json_end_array(&w->j);
    writer_expect(w, "[]");

    w = writer_new(FALSE);
    cg_json_begin_array(&w->j);
    cg_json_begin_array(&w->j);
    cg_json_end_array(&w->j);
    cg_json_begin_object(&w->j);
    cg_json_end_object(&w->j);
    cg_json_begin_array(&w->j);
    cg_json_end_array(&w->j);
    cg_json_end_array(&w->j);
    writer_expect(w, "[[],{},[]]");

    w = writer_new(TRUE);
    cg_json_begin_array(&w->j);
    cg_json_begin_array(&w->j);
    cg_json_end_array(&w->j);
    cg_json_begin_object(&w->j);
    cg_json_end_object(&w->j);
    cg_json_end_array(&w->j);
    writer_expect(w, "[\n  [],\n  {}\n]");
}

static void test_deep_nesting(void **state)
{
    writer *w;
    (void) state;

    w = writer_new(FALSE);
    cg_json_begin_object(&w->j);
    cg_json_key(&w->j, "x");
    cg_json_begin_array(&w->j);
    cg_json_begin_object(&w->j);
    cg_json_key(&w->j, "y");
    cg_json_begin_array(&w->j);
    cg_json_int(&w->j, 1);
    cg_json_begin_array(&w->j);
    cg_json_end_array(&w->j);
    cg_json_int(&w->j, 2);
    cg_json_end_array(&w->j);
    cg_json_key(&w->j, "z");
    cg_json_string(&w->j, "q");
    cg_json_end_object(&w->j);
    cg_json_begin_object(&w->j);
    cg_json_end_object(&w->j);
    cg_json_end_array(&w->j);
    cg_json_key(&w->j, "w");
    cg_json_bool(&w->j, FALSE);
    cg_json_end_object(&w->j);
    writer_expect(w, "{\"x\":[{\"y\":[1,[],2],\"z\":\"q\"},{}],\"w\":false}");

    w = writer_new(TRUE);
    cg_json_begin_object(&w->j);
    cg_json_key(&w->j, "x");
    cg_json_begin_array(&w->j);
    cg_json_begin_object(&w->j);
    cg_json_key(&w->j, "y");
    cg_json_begin_array(&w->j);
    cg_json_int(&w->j, 1);
    cg_json_end_array(&w->j);
    cg_json_end_object(&w->j);
    cg_json_end_array(&w->j);
    cg_json_end_object(&w->j);
    writer_expect(w,
                  "{\n"
                  "  \"x\": [\n"
                  "    {\n"
                  "      \"y\": [\n"
                  "        1\n"
                  "      ]\n"
                  "    }\n"
                  "  ]\n"
                  "}");

    /* 100 levels */
    w = writer_new(FALSE);
    GString *want = g_string_new(NULL);
    for (int i = 0; i < 100; i++) {
        cg_json_begin_array(&w->j);
        g_string_append_c(want, '[');
    }
    cg_json_int(&w->j, 0);
    g_string_append_c(want, '0');
    for (int i = 0; i < 100; i++) {
        cg_json_end_array(&w->j);
        g_string_append_c(want, ']');
    }
    writer_expect(w, want->str);
    g_string_free(want, TRUE);
}

static void test_top_level_scalars(void **state)
{
    writer *w;
    (void) state;

    w = writer_new(FALSE);
    cg_json_string(&w->j, "s");
    writer_expect(w, "\"s\"");

    w = writer_new(TRUE);
    cg_json_int(&w->j, 42);
    writer_expect(w, "42");

    w = writer_new(TRUE);
    cg_json_null(&w->j);
    writer_expect(w, "null");
}

static void test_keys_escaped(void **state)
{
    writer *w = writer_new(FALSE);
    (void) state;
    cg_json_begin_object(&w->j);
    cg_json_key(&w->j, "a\"b\\c\nd");
    cg_json_string(&w->j, "v\t");
    cg_json_key(&w->j, "");
    cg_json_string(&w->j, "");
    cg_json_key(&w->j, "\xff");
    cg_json_int(&w->j, 0);
    cg_json_end_object(&w->j);
    writer_expect(w, "{\"a\\\"b\\\\c\\nd\":\"v\\t\",\"\":\"\",\"\\ufffd\":0}");
}

static void test_string_values(void **state)
{
    writer *w = writer_new(FALSE);
    (void) state;
    cg_json_begin_array(&w->j);
    cg_json_string(&w->j, NULL);
    cg_json_string(&w->j, "");
    cg_json_string_len(&w->j, "a\0b", 3);
    cg_json_string_len(&w->j, "abc", 2);
    cg_json_string_len(&w->j, "\x7f", 1);
    cg_json_string_len(&w->j, "ignored", 0);
    cg_json_string(&w->j, "\xE2\x80\xA8");
    cg_json_end_array(&w->j);
    writer_expect(w, "[null,\"\",\"a\\u0000b\",\"ab\",\"\\u007f\",\"\",\"\\u2028\"]");

    /* NULL as an object value */
    w = writer_new(TRUE);
    cg_json_begin_object(&w->j);
    cg_json_key(&w->j, "k");
    cg_json_string(&w->j, NULL);
    cg_json_end_object(&w->j);
    writer_expect(w, "{\n  \"k\": null\n}");
}

static void test_numbers(void **state)
{
    static const struct { double v; const char *want; } cases[] = {
        {0, "0"}, {0.9, "0.9"}, {1, "1"}, {-1, "-1"}, {0.5, "0.5"}, {0.25, "0.25"},
        {0.6, "0.6"}, {0.1234, "0.123"}, {0.9999, "1"}, {1.5, "1.5"}, {100, "100"},
        {-0.75, "-0.75"}, {0.001, "0.001"},
    };
    (void) state;
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        writer *w = writer_new(FALSE);
        cg_json_number(&w->j, cases[i].v);
        writer_expect(w, cases[i].want);
    }

    writer *w = writer_new(FALSE);
    cg_json_begin_array(&w->j);
    cg_json_number(&w->j, NAN);
    cg_json_number(&w->j, INFINITY);
    cg_json_number(&w->j, -INFINITY);
    cg_json_number(&w->j, 0.9);
    cg_json_end_array(&w->j);
    writer_expect(w, "[null,null,null,0.9]");

    /* large and small magnitudes are still JSON numbers */
    static const double odd[] = { 1234567.0, 1e300, -1e-300, 5e-5, 1e21, DBL_MIN, -DBL_MIN };
    for (size_t i = 0; i < G_N_ELEMENTS(odd); i++) {
        GString *out = g_string_new(NULL);
        cg_json j;
        cg_json_init(&j, out, FALSE);
        cg_json_number(&j, odd[i]);
        /* JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
        GRegex *re = g_regex_new("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$", 0, 0, NULL);
        if (!g_regex_match(re, out->str, 0, NULL))
            fail_msg("%g written as \"%s\"", odd[i], out->str);
        assert_true(fabs(g_ascii_strtod(out->str, NULL) - odd[i]) <= fabs(odd[i]) * 0.01);
        g_regex_unref(re);
        g_string_free(out, TRUE);
    }
}

static void test_numbers_locale_independent(void **state)
{
    static const char *const locales[] = { "de_DE.UTF-8", "de_DE", "fr_FR.UTF-8", "ru_RU.UTF-8", "C.UTF-8" };
    char *saved = g_strdup(setlocale(LC_NUMERIC, NULL));
    (void) state;
    /* Numbers never get a decimal comma, whatever LC_NUMERIC says (where
     * such a locale is installed). */
    for (size_t i = 0; i < G_N_ELEMENTS(locales); i++) {
        if (!setlocale(LC_NUMERIC, locales[i]))
            continue;
        writer *w = writer_new(FALSE);
        cg_json_begin_array(&w->j);
        cg_json_number(&w->j, 0.5);
        cg_json_number(&w->j, -1.25);
        cg_json_end_array(&w->j);
        setlocale(LC_NUMERIC, saved);
        writer_expect(w, "[0.5,-1.25]");
    }
    setlocale(LC_NUMERIC, saved);
    g_free(saved);
}

static void test_ints(void **state)
{
    writer *w = writer_new(FALSE);
    (void) state;
    cg_json_begin_array(&w->j);
    cg_json_int(&w->j, 0);
    cg_json_int(&w->j, -1);
    cg_json_int(&w->j, G_MAXINT64);
    cg_json_int(&w->j, G_MININT64);
    cg_json_int(&w->j, 4294967296LL);
    cg_json_end_array(&w->j);
    writer_expect(w, "[0,-1,9223372036854775807,-9223372036854775808,4294967296]");
}

static void test_bools_and_nulls(void **state)
{
    writer *w = writer_new(FALSE);
    (void) state;
    cg_json_begin_array(&w->j);
    cg_json_bool(&w->j, TRUE);
    cg_json_bool(&w->j, FALSE);
    cg_json_bool(&w->j, 2);            /* any non-zero gboolean is true */
    cg_json_null(&w->j);
    cg_json_end_array(&w->j);
    writer_expect(w, "[true,false,true,null]");
}

static void test_pretty_all_types(void **state)
{
    writer *w = writer_new(TRUE);
    (void) state;
    cg_json_begin_object(&w->j);
    cg_json_key(&w->j, "s");
    cg_json_string(&w->j, "a\nb");
    cg_json_key(&w->j, "n");
    cg_json_number(&w->j, 0.9);
    cg_json_key(&w->j, "i");
    cg_json_int(&w->j, -3);
    cg_json_key(&w->j, "t");
    cg_json_bool(&w->j, TRUE);
    cg_json_key(&w->j, "z");
    cg_json_null(&w->j);
    cg_json_key(&w->j, "e");
    cg_json_begin_array(&w->j);
    cg_json_end_array(&w->j);
    cg_json_key(&w->j, "o");
    cg_json_begin_object(&w->j);
    cg_json_key(&w->j, "k");
    cg_json_string(&w->j, NULL);
    cg_json_end_object(&w->j);
    cg_json_end_object(&w->j);
    writer_expect(w,
                  "{\n"
                  "  \"s\": \"a\\nb\",\n"
                  "  \"n\": 0.9,\n"
                  "  \"i\": -3,\n"
                  "  \"t\": true,\n"
                  "  \"z\": null,\n"
                  "  \"e\": [],\n"
                  "  \"o\": {\n"
                  "    \"k\": null\n"
                  "  }\n"
                  "}");
}

/* The writer appends to what the GString already holds. */
static void test_appends(void **state)
{
    GString *out = g_string_new("X=");
    cg_json j;
    (void) state;
    cg_json_init(&j, out, FALSE);
    cg_json_begin_array(&j);
    cg_json_int(&j, 1);
    cg_json_end_array(&j);
    assert_string_equal(out->str, "X=[1]");
    g_string_free(out, TRUE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_plain),
        cmocka_unit_test(test_escape_specials),
        cmocka_unit_test(test_escape_controls),
        cmocka_unit_test(test_escape_line_separators),
        cmocka_unit_test(test_escape_utf8_passthrough),
        cmocka_unit_test(test_escape_invalid_utf8),
        cmocka_unit_test(test_escape_random_bytes),
        cmocka_unit_test(test_reader_self_check),
        cmocka_unit_test(test_compact_sample),
        cmocka_unit_test(test_pretty_sample),
        cmocka_unit_test(test_empty_containers),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_top_level_scalars),
        cmocka_unit_test(test_keys_escaped),
        cmocka_unit_test(test_string_values),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_numbers_locale_independent),
        cmocka_unit_test(test_ints),
        cmocka_unit_test(test_bools_and_nulls),
        cmocka_unit_test(test_pretty_all_types),
        cmocka_unit_test(test_appends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
