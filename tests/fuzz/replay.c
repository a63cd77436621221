/*
 * replay.c -- `make check` runs a fuzz target on the inputs kept for it.
 *
 * Every input that once crashed a target (and the hand-written seeds) lives
 * in tests/fuzz/regressions/FUZZ_TARGET/ and tests/fuzz/seeds/FUZZ_TARGET/;
 * a crash, sanitizer report or failed assertion in the target fails the test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <glib.h>

#include "fuzz.h"

static int
replay_dir(const char *kind)
{
    char *dir_path = g_build_filename(CG_TOP_SRCDIR, "tests", "fuzz", kind, FUZZ_TARGET, NULL);
    GDir *dir = g_dir_open(dir_path, 0, NULL);
    int count = 0;
    for (const char *name; dir && (name = g_dir_read_name(dir));) {
        char *path = g_build_filename(dir_path, name, NULL), *data;
        gsize len;
        if (!g_file_get_contents(path, &data, &len, NULL))
            fail_msg("%s: cannot read", path);
        print_message("%s\n", path);
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
        g_free(data);
        g_free(path);
        count++;
    }
    if (dir)
        g_dir_close(dir);
    g_free(dir_path);
    return count;
}

static void
test_replay(void **state)
{
    (void)state;
    int count = replay_dir("regressions") + replay_dir("seeds");
    assert_true(count > 0);    /* the inputs were found */
}

int
main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_replay) };
    return cmocka_run_group_tests_name(FUZZ_TARGET, tests, NULL, NULL);
}
