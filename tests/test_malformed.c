/*
 * test_malformed.c -- hostile and broken mail is parsed and scanned within the limits.
 *
 * The small samples live in tests/malformed/; the big ones (deep nesting,
 * thousands of parts, megabyte lines) are generated here so that the
 * repository stays small.  Every message must parse or fail with an error,
 * give only valid UTF-8 text within max_scan_bytes, record each limit it
 * went over, and survive a full scan.  Run under --enable-sanitizers or
 * `make check-valgrind` this also proves memory safety on these inputs.
 */
#include "testutil.h"

#include <string.h>

/* Small limits so the generated messages go over them quickly. */
static const cg_limits small_limits = {
    .max_parts = 200,
    .max_depth = 16,
    .max_scan_bytes = 256 * 1024,
};

static const cg_engine *
shared_engine(void)
{
    static cg_config *cfg;
    static cg_engine *engine;
    if (!cfg) {
        cfg = cg_config_new_default();
        engine = cg_engine_new(cfg, NULL);
        assert_non_null(engine);
    }
    return engine;
}

static gboolean
hit(const cg_message *msg, const char *limit)
{
    for (guint i = 0; i < msg->limits_hit->len; i++)
        if (strcmp(g_ptr_array_index(msg->limits_hit, i), limit) == 0)
            return TRUE;
    return FALSE;
}

/* The invariants every parsed message keeps, whatever its input. */
static void
check_message(const char *name, const cg_message *msg, const cg_limits *limits)
{
    size_t total = 0;
    for (guint i = 0; i < msg->segments->len; i++) {
        const cg_segment *s = g_ptr_array_index(msg->segments, i);
        if (!g_utf8_validate(s->text, (gssize)s->len, NULL))
            fail_msg("%s: segment %s is not valid UTF-8 (or holds a NUL)", name, s->where);
        if (s->text[s->len] != '\0')
            fail_msg("%s: segment %s is not NUL-terminated at its length", name, s->where);
        total += s->len;
    }
    if (total > limits->max_scan_bytes)
        fail_msg("%s: %zu bytes kept, max_scan_bytes is %zu", name, total, limits->max_scan_bytes);
    if (msg->truncated != (msg->limits_hit->len > 0))
        fail_msg("%s: truncated is %d with %u limits hit", name, msg->truncated, msg->limits_hit->len);

    cg_result *r = cg_engine_scan(shared_engine(), msg);
    assert_int_equal(r->truncated, msg->truncated);
    cg_result_free(r);
}

/* Parse data; returns the message (NULL with an error is allowed). */
static cg_message *
parse_checked(const char *name, const char *data, size_t len, const cg_limits *limits)
{
    GError *error = NULL;
    cg_message *msg = cg_message_parse_bytes(data, len, limits, &error);
    if (!msg) {
        if (!error)
            fail_msg("%s: no message and no error", name);
        g_error_free(error);
        return NULL;
    }
    assert_null(error);
    check_message(name, msg, limits);
    return msg;
}

static void
test_sample_files(void **state)
{
    (void)state;
    char *dir_path = g_build_filename(CG_TOP_SRCDIR, "tests", "malformed", NULL);
    GDir *dir = g_dir_open(dir_path, 0, NULL);
    assert_non_null(dir);
    unsigned samples = 0;
    const char *name;
    while ((name = g_dir_read_name(dir))) {
        if (!g_str_has_suffix(name, ".eml"))
            continue;
        char *path = g_build_filename(dir_path, name, NULL);
        char *data;
        gsize len;
        assert_true(g_file_get_contents(path, &data, &len, NULL));
        const cg_limits *limits[] = { &test_limits, &small_limits };
        for (size_t l = 0; l < G_N_ELEMENTS(limits); l++) {
            cg_message *msg = parse_checked(name, data, len, limits[l]);
            if (msg)
                cg_message_free(msg);
        }
        /* every prefix of a broken message is another broken message */
        for (gsize cut = 1; cut < len; cut += 1 + len / 64) {
            cg_message *msg = parse_checked(name, data, cut, &small_limits);
            if (msg)
                cg_message_free(msg);
        }
        g_free(data);
        g_free(path);
        samples++;
    }
    g_dir_close(dir);
    g_free(dir_path);
    assert_true(samples >= 15);
}

static const char headers[] = "From: a@b.example\nTo: c@d.example\nSubject: generated\nMIME-Version: 1.0\n";

/* levels of multipart/mixed, each inside the one before, text at the bottom. */
static GString *
nested_multiparts(unsigned levels)
{
    GString *s = g_string_new(headers);
    g_string_append(s, "Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
    for (unsigned i = 0; i < levels; i++)
        g_string_append_printf(s, "--b%u\nContent-Type: multipart/mixed; boundary=\"b%u\"\n\n", i, i + 1);
    g_string_append_printf(s, "--b%u\nContent-Type: text/plain\n\ndeepest text\n--b%u--\n", levels, levels);
    for (unsigned i = levels; i-- > 0;)
        g_string_append_printf(s, "--b%u--\n", i);
    return s;
}

/* s, parsed with the small limits, is a message that hit limit; frees s. */
static void
expect_limit_hit(const char *name, GString *s, const char *limit)
{
    cg_message *msg = parse_checked(name, s->str, s->len, &small_limits);
    assert_non_null(msg);
    assert_true(hit(msg, limit));
    cg_message_free(msg);
    g_string_free(s, TRUE);
}

static void
test_deep_nesting(void **state)
{
    (void)state;
    GString *s = nested_multiparts(1000);
    expect_limit_hit("1000 levels", s, "max_depth");

    /* attached messages inside attached messages */
    s = g_string_new(NULL);
    for (unsigned i = 0; i < 1000; i++)
        g_string_append(s, "From: a@b.example\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n");
    g_string_append(s, "From: a@b.example\nSubject: innermost\n\ntext\n");
    expect_limit_hit("1000 attached messages", s, "max_depth");
}

static void
test_many_parts(void **state)
{
    (void)state;
    GString *s = g_string_new(headers);
    g_string_append(s, "Content-Type: multipart/mixed; boundary=\"p\"\n\n");
    for (unsigned i = 0; i < 10000; i++)
        g_string_append_printf(s, "--p\nContent-Type: %s\n\npart %u\n", i % 2 ? "text/plain" : "image/png", i);
    g_string_append(s, "--p--\n");
    cg_message *msg = parse_checked("10000 parts", s->str, s->len, &small_limits);
    assert_non_null(msg);
    assert_true(hit(msg, "max_parts"));
    assert_true(msg->segments->len + msg->attachments->len <= small_limits.max_parts);
    cg_message_free(msg);
    g_string_free(s, TRUE);
}

static void
test_megabyte_lines(void **state)
{
    (void)state;
    /* a 1 MB Subject: decoded, then cut to the budget */
    GString *s = g_string_new("From: a@b.example\nTo: c@d.example\nSubject: ");
    for (unsigned i = 0; i < 1024 * 1024 / 8; i++)
        g_string_append(s, "w\xc3\xa9rds 1 ");
    g_string_append(s, "\nX-Long: ");
    for (unsigned i = 0; i < 1024 * 1024; i++)
        g_string_append_c(s, (char)('a' + i % 26));
    g_string_append(s, "\n\nshort body\n");
    expect_limit_hit("1 MB header lines", s, "max_scan_bytes");

    /* a 4 MB body on one line, with invalid UTF-8 and NULs scattered in it */
    s = g_string_new(headers);
    g_string_append(s, "Content-Type: text/plain; charset=utf-8\n\n");
    for (unsigned i = 0; s->len < 4 * 1024 * 1024; i++)
        g_string_append_len(s, i % 7 ? "call 555 123 4567 " : "\xc3\x00\xff\xed\xa0\x80 ", i % 7 ? 18 : 7);
    expect_limit_hit("4 MB single line", s, "max_scan_bytes");
}

/* A scan that runs out of max_scan_time stops early and says so; the
 * message's own limits are unaffected. */
static void
test_scan_time_budget(void **state)
{
    (void)state;
    GString *s = g_string_new(headers);
    g_string_append(s, "Content-Type: text/plain; charset=utf-8\n\n");
    while (s->len < 4 * 1024 * 1024)
        g_string_append(s, "1 (2) 3-4 five 6.7 eight\n");
    cg_message *msg = cg_message_parse_bytes(s->str, s->len, &test_limits, NULL);
    assert_non_null(msg);
    assert_false(msg->truncated);

    cg_config *cfg = cg_config_new_default();
    cfg->max_scan_time = 1;    /* ms: far less than building the text's view takes */
    cg_engine *engine = cg_engine_new(cfg, NULL);
    cg_result *r = cg_engine_scan(engine, msg);
    assert_true(r->out_of_time);
    assert_true(r->truncated);
    cg_result_free(r);
    cg_engine_free(engine);

    cfg->max_scan_time = 0;    /* no budget */
    engine = cg_engine_new(cfg, NULL);
    r = cg_engine_scan(engine, msg);
    assert_false(r->out_of_time);
    assert_false(r->truncated);
    cg_result_free(r);
    cg_engine_free(engine);
    cg_config_free(cfg);
    cg_message_free(msg);
    g_string_free(s, TRUE);
}

int
main(void)
{
    cg_message_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_files),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_many_parts),
        cmocka_unit_test(test_megabyte_lines),
        cmocka_unit_test(test_scan_time_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
