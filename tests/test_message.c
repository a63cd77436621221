/*
 * test_message.c -- MIME shapes, encodings and charsets into text segments.
 */
#include "testutil.h"

#include "utf8_text.h"

static const cg_segment *
must_find(const cg_message *msg, const char *where)
{
    const cg_segment *s = find_segment(msg, where);
    if (!s)
        fail_msg("no segment at %s", where);
    return s;
}

static void
assert_contains(const cg_segment *s, const char *needle)
{
    if (!strstr(s->text, needle))
        fail_msg("segment %s lacks \"%s\": \"%s\"", s->where, needle, s->text);
    assert_true(g_utf8_validate(s->text, s->len, NULL));
}

static void
test_plain(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("plain-clean.eml");
    assert_string_equal(msg->message_id, "plain@test.example");
    assert_string_equal(must_find(msg, "header:Subject")->text, "Landing page");
    assert_string_equal(must_find(msg, "header:From")->text, "Ana Lee");
    assert_null(find_segment(msg, "header:To"));        /* bare address: no display name */
    const cg_segment *body = must_find(msg, "1");
    assert_int_equal(body->origin, CG_SEG_BODY);
    assert_string_equal(body->content_type, "text/plain");
    assert_contains(body, "budget is $450");
    assert_false(msg->truncated);
    assert_string_equal(cg_message_header(msg, "Date"), "Sat, 21 Nov 2026 10:00:00 +0000");
    cg_message_free(msg);
}

static void
test_quoted_printable_soft_break(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("qp-softbreak.eml");
    const cg_segment *body = must_find(msg, "1");
    assert_contains(body, "ana.lee@example.com");
    assert_contains(body, "caf\xc3\xa9 later");
    cg_message_free(msg);
}

static void
test_base64(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("base64.eml");
    assert_contains(must_find(msg, "1"), "Gr\xc3\xbc\xc3\x9f" "e");
    cg_message_free(msg);
}

static void
test_html_only(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("html-only.eml");
    const cg_segment *body = must_find(msg, "1");
    assert_string_equal(body->content_type, "text/html");
    assert_contains(body, "mailto:ana.lee@example.com");
    assert_contains(body, "click here");
    assert_contains(body, "hidden comment");
    assert_contains(body, "secret text");
    assert_null(strchr(body->text, '<') && strstr(body->text, "<p") ? "tag" : NULL);
    cg_message_free(msg);
}

static void
test_alternative(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("alternative.eml");
    assert_contains(must_find(msg, "1"), "plain version");
    assert_contains(must_find(msg, "2"), "html & version");
    cg_message_free(msg);
}

static void
test_mixed_attachments(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("mixed-attachments.eml");
    assert_contains(must_find(msg, "1.1"), "body text");
    assert_contains(must_find(msg, "1.2"), "body html");
    const cg_segment *csv = must_find(msg, "2:list.csv");
    assert_int_equal(csv->origin, CG_SEG_ATTACHMENT);
    assert_string_equal(csv->content_type, "text/csv");
    assert_contains(csv, "ana@example.com");
    assert_contains(must_find(msg, "3:ana.vcf"), "TEL:+44 20 7946 0123");
    assert_contains(must_find(msg, "4:invite.ics"), "SUMMARY:Kick-off");
    /* Binary parts are recorded, not read. */
    assert_int_equal(msg->attachments->len, 2);
    const cg_attachment *pdf = g_ptr_array_index(msg->attachments, 0);
    assert_string_equal(pdf->where, "5");
    assert_string_equal(pdf->content_type, "application/pdf");
    assert_string_equal(pdf->filename, "brief.pdf");
    const cg_attachment *png = g_ptr_array_index(msg->attachments, 1);
    assert_string_equal(png->content_type, "image/png");
    assert_null(png->filename);
    assert_null(find_segment(msg, "5:brief.pdf"));
    cg_message_free(msg);
}

static void
test_forwarded_message(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("forwarded.eml");
    assert_contains(must_find(msg, "1"), "See below.");
    assert_string_equal(must_find(msg, "2:header:Subject")->text, "inner subject");
    assert_string_equal(must_find(msg, "2:header:From")->text, "Bob Stone");
    assert_contains(must_find(msg, "2.1"), "bob.stone@example.net");
    assert_contains(must_find(msg, "2.2"), "inner html");
    /* Message order: outer body before the forwarded one. */
    const cg_segment *first_body = NULL;
    for (guint i = 0; i < msg->segments->len && !first_body; i++) {
        const cg_segment *s = g_ptr_array_index(msg->segments, i);
        if (s->origin == CG_SEG_BODY)
            first_body = s;
    }
    assert_string_equal(first_body->where, "1");
    cg_message_free(msg);
}

static void
test_nested(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("nested.eml");
    assert_contains(must_find(msg, "1.1.1"), "deep plain");
    assert_contains(must_find(msg, "1.1.2"), "deep html");
    assert_int_equal(msg->attachments->len, 1);
    assert_string_equal(((cg_attachment *)g_ptr_array_index(msg->attachments, 0))->where, "1.2");
    cg_message_free(msg);
}

static void
test_charsets(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("iso-8859-1.eml");
    /* Latin-1 labels are read as Windows-1252: curly quotes survive. */
    assert_contains(must_find(msg, "1"), "Caf\xc3\xa9 cr\xc3\xa8me \xe2\x80\x9cquoted\xe2\x80\x9d");
    cg_message_free(msg);

    msg = load_fixture("windows-1252.eml");
    assert_contains(must_find(msg, "1"), "\xe2\x80\x9cSmart\xe2\x80\x9d quotes \xe2\x82\xac 10 \xe2\x80\x93 done");
    cg_message_free(msg);

    msg = load_fixture("unknown-charset.eml");
    assert_contains(must_find(msg, "1"), "na\xc3\xafve");
    cg_message_free(msg);

    msg = load_fixture("invalid-utf8.eml");
    const cg_segment *s = must_find(msg, "1");
    assert_contains(s, "valid \xc3\xa9 then bad ");
    assert_contains(s, "\xef\xbf\xbd");
    cg_message_free(msg);
}

static void
test_rfc2047_headers(void **state)
{
    (void)state;
    cg_message *msg = load_fixture("rfc2047-b.eml");
    assert_string_equal(must_find(msg, "header:Subject")->text, "Mail: ana.lee@example.com");
    assert_string_equal(must_find(msg, "header:From")->text, "\xc3\x81na L\xc3\xa9" "e");
    cg_message_free(msg);

    msg = load_fixture("rfc2047-q.eml");
    assert_string_equal(must_find(msg, "header:Subject")->text, "R\xc3\xa9sum\xc3\xa9 attached");
    cg_message_free(msg);
}

static cg_message *
load_with_limits(const char *name, const cg_limits *limits)
{
    char *path = g_build_filename(CG_TOP_SRCDIR, "tests", "fixtures", name, NULL);
    cg_message *msg = cg_message_parse_file(path, limits, NULL);
    g_free(path);
    assert_non_null(msg);
    return msg;
}

static gboolean
limit_recorded(const cg_message *msg, const char *which)
{
    for (guint i = 0; i < msg->limits_hit->len; i++)
        if (strcmp(g_ptr_array_index(msg->limits_hit, i), which) == 0)
            return TRUE;
    return FALSE;
}

static void
test_limit_parts(void **state)
{
    (void)state;
    cg_limits limits = test_limits;
    limits.max_parts = 3;
    cg_message *msg = load_with_limits("mixed-attachments.eml", &limits);
    assert_true(msg->truncated);
    assert_true(limit_recorded(msg, "max_parts"));
    assert_non_null(find_segment(msg, "1.1"));
    assert_null(find_segment(msg, "3:ana.vcf"));
    cg_message_free(msg);
}

static void
test_limit_depth(void **state)
{
    (void)state;
    cg_limits limits = test_limits;
    limits.max_depth = 1;
    cg_message *msg = load_with_limits("nested.eml", &limits);
    assert_true(msg->truncated);
    assert_true(limit_recorded(msg, "max_depth"));
    assert_null(find_segment(msg, "1.1.1"));
    cg_message_free(msg);
}

static void
test_limit_scan_bytes(void **state)
{
    (void)state;
    cg_limits limits = test_limits;
    limits.max_scan_bytes = 20;     /* cuts inside the body; must stay valid UTF-8 */
    cg_message *msg = load_with_limits("base64.eml", &limits);
    assert_true(msg->truncated);
    assert_true(limit_recorded(msg, "max_scan_bytes"));
    size_t total = 0;
    for (guint i = 0; i < msg->segments->len; i++) {
        const cg_segment *s = g_ptr_array_index(msg->segments, i);
        assert_true(g_utf8_validate(s->text, s->len, NULL));
        total += s->len;
    }
    assert_true(total <= 20);
    cg_message_free(msg);
}

/* A part far over max_scan_bytes is read only in part; unlabelled UTF-8 cut
 * inside a character must still be read as UTF-8, not as windows-1252. */
static void
test_limit_scan_bytes_large_part(void **state)
{
    (void)state;
    GString *text = g_string_new("x");
    for (int i = 0; i < 20000; i++)
        g_string_append(text, "\xC3\xA9");           /* é */
    char *b64 = g_base64_encode((const guchar *)text->str, text->len);
    char *raw = g_strdup_printf("From: a@example.com\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
                                "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n", b64);
    cg_limits limits = test_limits;
    limits.max_scan_bytes = 1025;    /* the Subject takes 1: the part is read up to an odd byte count */
    cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &limits, NULL);
    assert_non_null(msg);
    assert_true(limit_recorded(msg, "max_scan_bytes"));
    const cg_segment *s = must_find(msg, "1");
    assert_int_equal(s->len, 1023);   /* "x" and 511 whole characters */
    assert_true(g_utf8_validate(s->text, s->len, NULL));
    assert_memory_equal(s->text, text->str, s->len);
    cg_message_free(msg);
    g_free(raw);
    g_free(b64);
    g_string_free(text, TRUE);
}

static void
test_unreadable_file(void **state)
{
    (void)state;
    GError *error = NULL;
    assert_null(cg_message_parse_file("/nonexistent/x.eml", &test_limits, &error));
    assert_non_null(error);
    assert_non_null(strstr(error->message, "/nonexistent/x.eml"));
    g_error_free(error);
}

static void
test_garbage_input(void **state)
{
    (void)state;
    static const char junk[] = "\x00\xff\xfe binary junk \x01\x02 no headers at all";
    cg_message *msg = cg_message_parse_bytes(junk, sizeof junk - 1, &test_limits, NULL);
    /* Either refused with an error or parsed into valid segments: never a crash. */
    if (msg) {
        for (guint i = 0; i < msg->segments->len; i++) {
            const cg_segment *s = g_ptr_array_index(msg->segments, i);
            assert_true(g_utf8_validate(s->text, s->len, NULL));
        }
        cg_message_free(msg);
    }
}

/* A text part with the given charset label and body (sent as base64, so any
 * byte goes through), parsed; returns its segment text. */
static char *
parse_body_as(const char *charset, const char *body, size_t len)
{
    char *b64 = g_base64_encode((const guchar *)body, len);
    char *raw = g_strdup_printf("From: a@example.com\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
                                "Content-Type: text/plain; charset=%s\r\n"
                                "Content-Transfer-Encoding: base64\r\n\r\n%s\r\n", charset, b64);
    cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &test_limits, NULL);
    char *text = g_strdup(must_find(msg, "1")->text);
    cg_message_free(msg);
    g_free(raw);
    g_free(b64);
    return text;
}

/* Windows-1252 by hand: what iconv makes of each byte, U+FFFD where it has
 * nothing (and for NUL, which the segment cannot hold). */
static void
append_cp1252(GString *out, guchar c)
{
    static const gunichar high[32] = {
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    };
    gunichar cp = c >= 0x80 && c < 0xA0 ? high[c - 0x80] : c;
    g_string_append_unichar(out, cp ? cp : 0xFFFD);
}

/* Text in ASCII-based 8-bit charsets has its long ASCII runs copied and the
 * rest converted: random mixes of runs of every length around the cut-off,
 * high bytes (some undefined) and NULs must read exactly as the charset says,
 * in either spelling of the label; a stateful charset, where ASCII bytes are
 * not ASCII text, must still be converted whole. */
static void
test_charset_ascii_runs(void **state)
{
    (void)state;
    GRand *rand = g_rand_new_with_seed(1252);
    GString *body = g_string_new(NULL), *want = g_string_new(NULL);
    for (int round = 0; round < 60; round++) {
        g_string_truncate(body, 0);
        g_string_truncate(want, 0);
        int pieces = g_rand_int_range(rand, 1, 12);
        for (int k = 0; k < pieces; k++) {
            int run = g_rand_int_range(rand, 0, 3) == 0 ? g_rand_int_range(rand, 25, 40)
                                                        : g_rand_int_range(rand, 0, 90);
            for (int r = 0; r < run; r++)
                g_string_append_c(body, (char)g_rand_int_range(rand, 0x20, 0x7F));
            int high = g_rand_int_range(rand, 0, 4);
            for (int h = 0; h < high; h++)
                g_string_append_c(body, (char)(g_rand_int_range(rand, 0, 9) == 0 ? 0 : g_rand_int_range(rand, 0x80, 0x100)));
        }
        for (size_t i = 0; i < body->len; i++)
            append_cp1252(want, (guchar)body->str[i]);
        char *got = parse_body_as(round % 2 ? "iso-8859-1" : "windows-1252", body->str, body->len);
        assert_string_equal(got, want->str);
        g_free(got);
    }
    g_rand_free(rand);
    g_string_free(body, TRUE);
    g_string_free(want, TRUE);

    static const char utf7[] = "Forty or more ASCII bytes that are UTF-7: caf+AOk- and A+ImIDkQ. done";
    char *got = parse_body_as("utf-7", utf7, strlen(utf7));
    assert_string_equal(got, "Forty or more ASCII bytes that are UTF-7: caf\xc3\xa9 and A\xe2\x89\xa2\xce\x91. done");
    g_free(got);
}

/* Assert cg_utf8_validate gives g_utf8_validate's answer and stopping point. */
static void
assert_validates_like_glib(const char *s, size_t len)
{
    const char *want_end, *got_end;
    gboolean want = g_utf8_validate(s, (gssize)len, &want_end);
    gboolean got = cg_utf8_validate(s, len, &got_end);
    if (got != want || got_end != want_end)
        fail_msg("cg_utf8_validate on %zu bytes: %d stopping at %td, g_utf8_validate %d at %td", len, got,
                 got_end - s, want, want_end - s);
}

/* The word-at-a-time runs must stop exactly where glib's byte-by-byte check
 * would: every fragment (NUL, good, cut short, overlong, surrogate, too high,
 * stray) at every offset of ASCII text across two words, and random mixes
 * with long runs of both kinds. */
static void
test_utf8_validate_like_glib(void **state)
{
    (void)state;
    static const char *const fragments[] = {
        "\0", "\xC3\xA9", "\xC3", "\xA9", "\xE2\x82\xAC", "\xE2\x82", "\xF0\x9F\x98\x80",
        "\xF0\x9F\x98", "\xED\xA0\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xF4\x90\x80\x80", "\xFF",
        "\x7F", "\x01", "abcdefgh", "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82",
    };
    static const size_t fragment_len[] = { 1, 2, 1, 1, 3, 2, 4, 3, 3, 2, 3, 4, 1, 1, 1, 8, 12 };
    GString *buf = g_string_new(NULL);
    for (size_t f = 0; f < G_N_ELEMENTS(fragments); f++)
        for (size_t before = 0; before <= 17; before++)
            for (size_t after = 0; after <= 9; after++) {
                g_string_truncate(buf, 0);
                for (size_t k = 0; k < before; k++)
                    g_string_append_c(buf, (char)('a' + k));
                g_string_append_len(buf, fragments[f], (gssize)fragment_len[f]);
                for (size_t k = 0; k < after; k++)
                    g_string_append_c(buf, (char)('A' + k));
                assert_validates_like_glib(buf->str, buf->len);
            }
    GRand *rand = g_rand_new_with_seed(8);
    for (int round = 0; round < 4000; round++) {
        g_string_truncate(buf, 0);
        int pieces = g_rand_int_range(rand, 0, 12);
        for (int k = 0; k < pieces; k++) {
            int f = g_rand_int_range(rand, 0, G_N_ELEMENTS(fragments));
            /* Mostly good text, so a bad byte often comes after long runs. */
            if (g_rand_int_range(rand, 0, 4) != 0)
                f = g_rand_boolean(rand) ? 15 : 16;
            g_string_append_len(buf, fragments[f], (gssize)fragment_len[f]);
        }
        assert_validates_like_glib(buf->str, buf->len);
    }
    g_rand_free(rand);
    g_string_free(buf, TRUE);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_quoted_printable_soft_break),
        cmocka_unit_test(test_base64),
        cmocka_unit_test(test_html_only),
        cmocka_unit_test(test_alternative),
        cmocka_unit_test(test_mixed_attachments),
        cmocka_unit_test(test_forwarded_message),
        cmocka_unit_test(test_nested),
        cmocka_unit_test(test_charsets),
        cmocka_unit_test(test_rfc2047_headers),
        cmocka_unit_test(test_limit_parts),
        cmocka_unit_test(test_limit_depth),
        cmocka_unit_test(test_limit_scan_bytes),
        cmocka_unit_test(test_limit_scan_bytes_large_part),
        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_garbage_input),
        cmocka_unit_test(test_utf8_validate_like_glib),
        cmocka_unit_test(test_charset_ascii_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
