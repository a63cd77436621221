/*
 * test_report.c -- digest rendering: message content is escaped in the HTML
 * (a <script> subject stays text), the mail is multipart/alternative with
 * both parts, counts and tokens are there, and no line could be mistaken
 * for a command when a reply quotes the digest.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "report.h"

static const char hostile_meta[] =
    "{\"categories\": {\"contact\": {\"violation\": true, \"score\": 0.9, \"findings\": ["
    "{\"kind\": \"email\", \"excerpt\": \"mail me <img src=x onerror=alert(1)> at a@b.test & co\"}]}}}";

static cg_qitem *
hostile_item(void)
{
    cg_qitem *it = g_new0(cg_qitem, 1);
    it->id = g_strdup("20261121T065533-Q1-0000abcd");
    it->received = 1795244133;
    it->sender = g_strdup("\"<b>x</b>\"@market.test");
    it->recipients = g_strsplit("buyer@x.test", ",", -1);
    it->subject = g_strdup("<script>alert('x')</script> \"quoted\" & more");
    it->categories = g_strsplit("contact,media", ",", -1);
    it->score = 0.9;
    it->queue_id = g_strdup("Q1");
    it->flow = g_strdup("platform");
    it->actor = g_strdup("");
    return it;
}

typedef struct {
    cg_qitem *item;
    cg_jv *meta;
    cg_digest_entry entry;
    cg_digest digest;
} fixture;

static const char *const reviewers[] = { "trust@x.test", NULL };

static int
setup(void **state)
{
    fixture *f = g_new0(fixture, 1);
    f->item = hostile_item();
    f->meta = cg_jv_parse(hostile_meta, strlen(hostile_meta), NULL);
    f->entry = (cg_digest_entry){ .item = f->item, .meta = f->meta,
                                  .release_token = g_strdup("20261121T065533-Q1-0000abcd.2000.aaaa"),
                                  .delete_token = g_strdup("20261121T065533-Q1-0000abcd.2000.dddd") };
    f->digest = (cg_digest){ .group = "contact", .from = "commguard@x.test", .to = reviewers,
                             .control_address = "control@x.test", .token_expires = 2000,
                             .entries = &f->entry, .n_entries = 1 };
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    g_free(f->entry.release_token);
    g_free(f->entry.delete_token);
    cg_jv_free(f->meta);
    cg_qitem_free(f->item);
    g_free(f);
    return 0;
}

static void
test_html_escapes_message_content(void **state)
{
    fixture *f = *state;
    char *html = cg_digest_html(&f->digest);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<img"));
    assert_null(strstr(html, "<b>x"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &quot;quoted&quot; &amp; more"));
    assert_non_null(strstr(html, "&lt;img src=x onerror=alert(1)&gt; at a@b.test &amp; co"));
    /* the only tags are the digest's own */
    GRegex *tag = g_regex_new("<(/?)([a-zA-Z!]+)", 0, 0, NULL);
    GMatchInfo *mi;
    g_regex_match(tag, html, 0, &mi);
    const char *allowed[] = { "!DOCTYPE", "html", "head", "meta", "title", "body", "p", "table", "tr", "th",
                              "td", "ul", "li", "code", "a", "br", "small", NULL };
    while (g_match_info_matches(mi)) {
        char *name = g_match_info_fetch(mi, 2);
        assert_true(g_strv_contains(allowed, name));
        g_free(name);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_regex_unref(tag);
    /* mailto links carry the command, URI-encoded */
    assert_non_null(strstr(html, "href=\"mailto:control@x.test?subject=release&amp;body=release%20"
                                 "20261121T065533-Q1-0000abcd.2000.aaaa\""));
    g_free(html);
}

static void
test_text_has_items_counts_and_commands(void **state)
{
    fixture *f = *state;
    char *text = cg_digest_text(&f->digest);
    assert_non_null(strstr(text, "1 new message (contact: 1, media: 1)"));
    assert_non_null(strstr(text, "subject:  <script>alert('x')</script>"));    /* plain text needs no escaping */
    assert_non_null(strstr(text, "release 20261121T065533-Q1-0000abcd.2000.aaaa\n"));
    assert_non_null(strstr(text, "delete 20261121T065533-Q1-0000abcd.2000.dddd\n"));
    assert_non_null(strstr(text, "commguardctl quarantine release 20261121T065533-Q1-0000abcd"));
    /* quoted without "> ", the digest must not act: no line starts with a command */
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++)
        assert_false(g_regex_match_simple("^(release|delete)\\s", *l, G_REGEX_CASELESS, 0));
    g_strfreev(lines);
    g_free(text);
}

static void
test_commands_only_without_control_address(void **state)
{
    fixture *f = *state;
    f->digest.control_address = "";
    char *text = cg_digest_text(&f->digest), *html = cg_digest_html(&f->digest);
    assert_null(strstr(text, "aaaa"));
    assert_null(strstr(html, "mailto:"));
    assert_non_null(strstr(text, "commguardctl quarantine delete 20261121T065533-Q1-0000abcd"));
    g_free(html);
    g_free(text);
}

static void
test_message_is_multipart_alternative(void **state)
{
    fixture *f = *state;
    GBytes *bytes = cg_digest_message(&f->digest);
    gsize len;
    const char *data = g_bytes_get_data(bytes, &len);
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(data, len);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
    assert_non_null(msg);
    assert_string_equal(g_mime_object_get_header(GMIME_OBJECT(msg), "Auto-Submitted"), "auto-generated");
    char *reply_to = internet_address_list_to_string(g_mime_message_get_reply_to(msg), NULL, FALSE);
    assert_string_equal(reply_to, "control@x.test");
    GMimeObject *body = g_mime_message_get_mime_part(msg);
    assert_true(GMIME_IS_MULTIPART(body));
    assert_string_equal(g_mime_content_type_get_media_subtype(g_mime_object_get_content_type(body)), "alternative");
    GMimeMultipart *alt = GMIME_MULTIPART(body);
    assert_int_equal(g_mime_multipart_get_count(alt), 2);
    const char *want[] = { "plain", "html" };
    for (int i = 0; i < 2; i++) {
        GMimeObject *part = g_mime_multipart_get_part(alt, i);
        assert_string_equal(g_mime_content_type_get_media_subtype(g_mime_object_get_content_type(part)), want[i]);
        char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
        assert_non_null(strstr(text, i == 0 ? "<script>" : "&lt;script&gt;"));
        g_free(text);
    }
    g_free(reply_to);
    g_object_unref(msg);
    g_object_unref(parser);
    g_object_unref(stream);
    g_bytes_unref(bytes);
}

int
main(void)
{
    g_mime_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_html_escapes_message_content, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_has_items_counts_and_commands, setup, teardown),
        cmocka_unit_test_setup_teardown(test_commands_only_without_control_address, setup, teardown),
        cmocka_unit_test_setup_teardown(test_message_is_multipart_alternative, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
