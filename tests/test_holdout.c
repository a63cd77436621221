/*
 * test_holdout.c -- the confidential and media detectors on a held-out set of
 * realistic messages written apart from the sample corpus.
 *
 * tests/fixtures/holdout/<category>/ holds .eml files named pos-*.eml (the
 * detector must flag them) and neg-*.eml (hard negatives it must not flag).
 * The set exists to measure generalisation, so it is never tuned against
 * sentence by sentence: the test asks for 90% right per detector, not all,
 * and prints every miss so a change's effect can be read off.
 */
#include "testutil.h"

#define REQUIRED_ACCURACY 0.90
#define MIN_CASES 40

static void
check_category(const char *category, cg_category cat)
{
    cg_config *cfg = cg_config_new_default();
    cg_engine *engine = cg_engine_new(cfg, NULL);
    assert_non_null(engine);
    char *dir = g_build_filename(CG_TOP_SRCDIR, "tests", "fixtures", "holdout", category, NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    assert_non_null(d);
    unsigned total = 0, right = 0, npos = 0;
    const char *name;
    while ((name = g_dir_read_name(d))) {
        if (!g_str_has_suffix(name, ".eml"))
            continue;
        gboolean expected = g_str_has_prefix(name, "pos-");
        if (!expected && !g_str_has_prefix(name, "neg-"))
            fail_msg("%s/%s: name must start with pos- or neg-", category, name);
        char *path = g_build_filename(dir, name, NULL);
        GError *error = NULL;
        cg_message *msg = cg_message_parse_file(path, &test_limits, &error);
        if (!msg)
            fail_msg("%s: %s", path, error->message);
        cg_result *r = cg_engine_scan(engine, msg);
        const cg_category_result *c = &r->cat[cat];
        total++;
        npos += expected;
        if (c->violation == expected)
            right++;
        else
            print_message("miss %s/%s: expected %s, score %.2f\n", category, name,
                          expected ? "violation" : "clean", c->score);
        cg_result_free(r);
        cg_message_free(msg);
        g_free(path);
    }
    g_dir_close(d);
    print_message("%s holdout: %u/%u right (%.2f)\n", category, right, total,
                  total ? (double)right / total : 0.0);
    assert_true(total >= MIN_CASES);
    assert_true(npos * 3 >= total && npos * 3 <= total * 2);   /* roughly balanced */
    assert_true(right >= REQUIRED_ACCURACY * total);
    g_free(dir);
    cg_engine_free(engine);
    cg_config_free(cfg);
}

static void
test_confidential_holdout(void **state)
{
    (void)state;
    check_category("confidential", CG_CAT_CONFIDENTIAL);
}

static void
test_media_holdout(void **state)
{
    (void)state;
    check_category("media", CG_CAT_MEDIA);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_confidential_holdout),
        cmocka_unit_test(test_media_holdout),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
