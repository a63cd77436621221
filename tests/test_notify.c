/*
 * test_notify.c -- the redirect notice: what it says (sender, redirect
 * address, a clean subject) and what it never carries (the message's text,
 * injected header lines), and sending it through a sendmail program.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <gmime/gmime.h>
#include <string.h>
#include <sys/stat.h>

#include "notify.h"

static const char *const RCPTS[] = { "sales@example.com", "info@example.com", NULL };

/* The notice parsed back with GMime: headers decoded as a reader sees them. */
static GMimeMessage *
parse(const char *notice)
{
    GMimeStream *s = g_mime_stream_mem_new_with_buffer(notice, strlen(notice));
    GMimeParser *p = g_mime_parser_new_with_stream(s);
    GMimeMessage *m = g_mime_parser_construct_message(p, NULL);
    g_object_unref(p);
    g_object_unref(s);
    assert_non_null(m);
    return m;
}

static void
test_notice_content(void **state)
{
    (void)state;
    char *notice = cg_notice_build("reporter@news.test", RCPTS, "press@example.com",
                                   " Interview\n request =?UTF-8?B?w6l0w6k=?=");
    GMimeMessage *m = parse(notice);
    assert_string_equal(g_mime_message_get_subject(m),
                        "Forwarded to press@example.com: Interview request \xc3\xa9t\xc3\xa9");
    assert_string_equal(g_mime_object_get_header(GMIME_OBJECT(m), "Auto-Submitted"), "auto-generated");
    assert_non_null(strstr(notice, "To: sales@example.com, info@example.com\n"));
    assert_non_null(strstr(notice, "From: press@example.com\n"));
    assert_non_null(strstr(notice, "from reporter@news.test was forwarded to press@example.com"));
    assert_non_null(strstr(notice, "Its subject: Interview request \xc3\xa9t\xc3\xa9\n"));
    g_object_unref(m);
    g_free(notice);
}

static void
test_subject_cannot_inject(void **state)
{
    (void)state;
    /* a subject that tries to add a header or a body line stays one line */
    char *notice = cg_notice_build("", RCPTS, "press@example.com",
                                   "Hi\r\nBcc: victim@example.org\r\n\r\nclick here");
    char *body = strstr(notice, "\n\n");
    assert_non_null(body);
    *body = '\0';
    assert_null(strstr(notice, "\nBcc:"));
    *body = '\n';
    /* the whole subject on the one line after "Its subject: " */
    const char *line = strstr(body, "Its subject: Hi");
    assert_non_null(line);
    const char *end = strchr(line, '\n');
    assert_non_null(end);
    assert_false(end[1]);
    assert_non_null(g_strstr_len(line, end - line, "click here"));
    assert_non_null(strstr(body, "from (no sender)"));
    g_free(notice);

    notice = cg_notice_build("a@b.test", RCPTS, "press@example.com", NULL);
    assert_non_null(strstr(notice, "Its subject: (no subject)\n"));
    g_free(notice);
}

static void
test_long_subject_cut(void **state)
{
    (void)state;
    GString *subject = g_string_new(NULL);
    for (int i = 0; i < 300; i++)
        g_string_append(subject, "\xc3\xa9");      /* two bytes, one character */
    char *notice = cg_notice_build("a@b.test", RCPTS, "press@example.com", subject->str);
    GMimeMessage *m = parse(notice);
    const char *got = g_mime_message_get_subject(m);
    assert_true(g_utf8_validate(got, -1, NULL));
    /* "Forwarded to press@example.com: " + 200 characters + the ellipsis */
    assert_int_equal(g_utf8_strlen(got, -1), 32 + CG_NOTICE_SUBJECT_MAX + 1);
    g_object_unref(m);
    g_free(notice);
    g_string_free(subject, TRUE);
}

/* A stand-in sendmail that records its arguments and input. */
static char *
fake_sendmail(const char *dir, int status)
{
    char *path = g_build_filename(dir, "sendmail", NULL);
    char *script = g_strdup_printf("#!/bin/sh\nprintf '%%s\\n' \"$@\" >'%s/args'\ncat >'%s/input'\n"
                                   "echo 'queue file write error' >&2\nexit %d\n", dir, dir, status);
    assert_true(g_file_set_contents(path, script, -1, NULL));
    assert_int_equal(g_chmod(path, 0700), 0);
    g_free(script);
    return path;
}

static char *
read_in(const char *dir, const char *name)
{
    char *path = g_build_filename(dir, name, NULL), *text = NULL;
    assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_unlink(path);
    g_free(path);
    return text;
}

static void
test_send(void **state)
{
    (void)state;
    char *dir = g_dir_make_tmp("cg-test-notify-XXXXXX", NULL);
    char *ok = fake_sendmail(dir, 0);
    const char *const rcpts[] = { "a@example.com", "-oQ/tmp@evil.test", "b@example.com", NULL };
    GError *err = NULL;
    assert_true(cg_notice_send(ok, rcpts, "Subject: x\n\nbody\n", &err));
    char *args = read_in(dir, "args"), *input = read_in(dir, "input");
    /* the option-looking recipient is left out */
    assert_string_equal(args, "-i\n-f\n<>\na@example.com\nb@example.com\n");
    assert_string_equal(input, "Subject: x\n\nbody\n");
    g_free(args);
    g_free(input);
    g_unlink(ok);
    g_free(ok);

    char *failing = fake_sendmail(dir, 75);
    assert_false(cg_notice_send(failing, rcpts, "x\n", &err));
    assert_non_null(strstr(err->message, "queue file write error"));
    g_clear_error(&err);
    g_free(read_in(dir, "args"));
    g_free(read_in(dir, "input"));
    const char *const only_bad[] = { "-bad", NULL };
    assert_false(cg_notice_send(failing, only_bad, "x\n", &err));
    assert_string_equal(err->message, "no recipient to notify");
    g_clear_error(&err);
    g_unlink(failing);
    g_free(failing);

    char *absent = g_build_filename(dir, "absent", NULL);
    assert_false(cg_notice_send(absent, rcpts, "x\n", &err));
    assert_non_null(err);
    g_clear_error(&err);
    g_free(absent);
    g_rmdir(dir);
    g_free(dir);
}

int
main(void)
{
    g_mime_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_notice_content),
        cmocka_unit_test(test_subject_cannot_inject),
        cmocka_unit_test(test_long_subject_cut),
        cmocka_unit_test(test_send),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
