/*
 * test_quarantine.c -- items are whole, private, and never half-written.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "quarantine.h"

static void
test_store(void **state)
{
    (void)state;
    char *base = g_dir_make_tmp("cg-test-quarantine-XXXXXX", NULL);
    char *dir = g_build_filename(base, "q", NULL);   /* created on demand */
    const char *raw = "Subject: hi\r\n\r\nbody\r\n";
    GMimeStream *msg = g_mime_stream_mem_new_with_buffer(raw, strlen(raw));
    GError *err = NULL;
    char *id = cg_quarantine_store(dir, "4Xy/Z.1", msg, "{\"a\": 1}\n", &err);
    assert_null(err);
    assert_non_null(id);
    assert_true(g_regex_match_simple("^[0-9]{8}T[0-9]{6}-4XyZ1-[0-9a-f]{8}$", id, 0, 0));

    struct stat st;
    assert_int_equal(g_stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    char *item = g_build_filename(dir, id, NULL);
    assert_int_equal(g_stat(item, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    const char *const files[] = { "message.eml", "meta.json" };
    const char *const want[] = { raw, "{\"a\": 1}\n" };
    for (int i = 0; i < 2; i++) {
        char *path = g_build_filename(item, files[i], NULL), *data;
        assert_int_equal(g_stat(path, &st), 0);
        assert_int_equal(st.st_mode & 0777, 0600);
        assert_true(g_file_get_contents(path, &data, NULL, NULL));
        assert_string_equal(data, want[i]);
        g_free(data);
        g_unlink(path);
        g_free(path);
    }
    /* nothing but the item: no temporary folder left behind */
    GDir *d = g_dir_open(dir, 0, NULL);
    assert_string_equal(g_dir_read_name(d), id);
    assert_null(g_dir_read_name(d));
    g_dir_close(d);

    g_rmdir(item);
    g_rmdir(dir);
    g_rmdir(base);
    g_free(item);
    g_free(id);
    g_object_unref(msg);
    g_free(dir);
    g_free(base);
}

static void
test_store_fails_cleanly(void **state)
{
    (void)state;
    GMimeStream *msg = g_mime_stream_mem_new_with_buffer("x", 1);
    GError *err = NULL;
    assert_null(cg_quarantine_store("/dev/null/quarantine", "ID", msg, "{}", &err));
    assert_non_null(err);
    assert_non_null(strstr(err->message, "/dev/null/quarantine"));
    g_error_free(err);
    g_object_unref(msg);
}

int
main(void)
{
    g_mime_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store),
        cmocka_unit_test(test_store_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
