/*
 * test_corpus.c -- every message of the shared sample corpus parses into text.
 *
 * The corpus lives outside the project (../shared/corpus beside the source
 * tree, or $CG_CORPUS); without it the test is skipped.
 */
#include "testutil.h"

static char *
corpus_dir(void)
{
    const char *env = g_getenv("CG_CORPUS");
    char *dir = env ? g_strdup(env) : g_build_filename(CG_TOP_SRCDIR, "..", "shared", "corpus", NULL);
    char *cases = g_build_filename(dir, "cases", NULL);
    gboolean ok = g_file_test(cases, G_FILE_TEST_IS_DIR);
    g_free(cases);
    if (!ok) {
        g_free(dir);
        return NULL;
    }
    return dir;
}

static void
test_every_case_yields_text(void **state)
{
    (void)state;
    char *dir = corpus_dir();
    if (!dir)
        skip();
    char *cases = g_build_filename(dir, "cases", NULL);
    GDir *d = g_dir_open(cases, 0, NULL);
    assert_non_null(d);
    const char *name;
    unsigned n = 0;
    while ((name = g_dir_read_name(d))) {
        if (!g_str_has_suffix(name, ".eml"))
            continue;
        char *path = g_build_filename(cases, name, NULL);
        GError *error = NULL;
        cg_message *msg = cg_message_parse_file(path, &test_limits, &error);
        if (!msg)
            fail_msg("%s: %s", path, error->message);
        gboolean body_text = FALSE;
        for (guint i = 0; i < msg->segments->len; i++) {
            const cg_segment *s = g_ptr_array_index(msg->segments, i);
            assert_true(g_utf8_validate(s->text, s->len, NULL));
            if (s->origin != CG_SEG_HEADER && s->len > 0)
                body_text = TRUE;
        }
        if (!body_text)
            fail_msg("%s: no text segment", path);
        assert_false(msg->truncated);
        cg_message_free(msg);
        g_free(path);
        n++;
    }
    g_dir_close(d);
    assert_true(n > 0);
    g_free(cases);
    g_free(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_case_yields_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
