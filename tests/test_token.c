/*
 * test_token.c -- tokens verify only with their secret, action, item and
 * expiry; any change to them is caught.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>

#include "token.h"

#define SECRET "correct horse battery staple"
#define ID "20261121T065533-7E4D55148C4-ccbf9906"

static void
test_round_trip(void **state)
{
    (void)state;
    char *token = cg_token_make(SECRET, ID, "release", 2000), *id;
    assert_true(g_str_has_prefix(token, ID ".2000."));
    assert_int_equal(cg_token_verify(SECRET, token, "release", 1999, &id), CG_TOKEN_OK);
    assert_string_equal(id, ID);
    g_free(id);
    /* a mail client that upper-cases the hex does not break it */
    char *upper = g_ascii_strup(token, -1);
    memcpy(upper, token, strlen(ID));    /* the ID keeps its case */
    assert_int_equal(cg_token_verify(SECRET, upper, "release", 1999, &id), CG_TOKEN_OK);
    g_free(id);
    g_free(upper);
    g_free(token);
}

static void
test_tampering_is_caught(void **state)
{
    (void)state;
    char *token = cg_token_make(SECRET, ID, "release", 2000), *id = NULL;
    /* another item, a later expiry, a changed MAC */
    char *other_item = g_strdup(token);
    other_item[strlen(ID) - 1] = other_item[strlen(ID) - 1] == '6' ? '7' : '6';
    assert_int_equal(cg_token_verify(SECRET, other_item, "release", 1000, &id), CG_TOKEN_FORGED);
    char *later = g_strdup_printf("%s.9999.%s", ID, strrchr(token, '.') + 1);
    assert_int_equal(cg_token_verify(SECRET, later, "release", 3000, &id), CG_TOKEN_FORGED);
    char *flipped = g_strdup(token);
    char *last = flipped + strlen(flipped) - 1;
    *last = *last == '0' ? '1' : '0';
    assert_int_equal(cg_token_verify(SECRET, flipped, "release", 1000, &id), CG_TOKEN_FORGED);
    /* another action, another secret */
    assert_int_equal(cg_token_verify(SECRET, token, "delete", 1000, &id), CG_TOKEN_FORGED);
    assert_int_equal(cg_token_verify(SECRET "x", token, "release", 1000, &id), CG_TOKEN_FORGED);
    assert_null(id);
    g_free(flipped);
    g_free(later);
    g_free(other_item);
    g_free(token);
}

static void
test_expiry(void **state)
{
    (void)state;
    char *token = cg_token_make(SECRET, ID, "delete", 2000), *id = NULL;
    assert_int_equal(cg_token_verify(SECRET, token, "delete", 2000, &id), CG_TOKEN_EXPIRED);
    assert_int_equal(cg_token_verify(SECRET, token, "delete", 5000, &id), CG_TOKEN_EXPIRED);
    assert_null(id);
    g_free(token);
}

static void
test_malformed(void **state)
{
    (void)state;
    char *id = NULL;
    const char *bad[] = {
        "", "release", ID, ID ".2000", ID ".2000.abc",
        ".2000.0123456789012345678901234567890123456789012345678901234567890123",
        ID "..0123456789012345678901234567890123456789012345678901234567890123",
        "../etc.2000.0123456789012345678901234567890123456789012345678901234567890123",
        /* nothing before the MAC's dot: once read before the token (found by fuzz_control) */
        ".0123456789012345678901234567890123456789012345678901234567890123",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++)
        assert_int_equal(cg_token_verify(SECRET, bad[i], "release", 1000, &id), CG_TOKEN_MALFORMED);
    assert_null(id);
}

static void
test_secret_from_config(void **state)
{
    (void)state;
    cg_config *cfg = cg_config_new_default();
    GError *err = NULL;
    assert_null(cg_token_secret(cfg, &err));    /* none configured */
    g_clear_error(&err);
    g_free(cfg->release_secret);
    cfg->release_secret = g_strdup("short");
    assert_null(cg_token_secret(cfg, &err));
    g_clear_error(&err);

    char *dir = g_dir_make_tmp("cg-test-token-XXXXXX", NULL);
    char *file = g_build_filename(dir, "secret", NULL);
    assert_true(g_file_set_contents(file, "0123456789abcdef0123\nsecond line\n", -1, NULL));
    g_free(cfg->release_secret);
    cfg->release_secret = g_strdup("");
    g_free(cfg->release_secret_file);
    cfg->release_secret_file = g_strdup(file);
    char *secret = cg_token_secret(cfg, &err);
    assert_string_equal(secret, "0123456789abcdef0123");
    g_free(secret);
    g_unlink(file);
    g_rmdir(dir);
    g_free(file);
    g_free(dir);
    cg_config_free(cfg);
}

/* A secret every local user can read is warned about, naming the file and
 * never the secret itself; group-readable (the service's group) is fine. */
static void
test_secret_exposure(void **state)
{
    (void)state;
    char *dir = g_dir_make_tmp("cg-test-token-XXXXXX", NULL);
    char *conf = g_build_filename(dir, "commguard.conf", NULL);
    char *file = g_build_filename(dir, "secret", NULL);
    assert_true(g_file_set_contents(conf, "release_secret = exposed-secret-0123456789\n", -1, NULL));
    assert_true(g_file_set_contents(file, "file-secret-0123456789abcdef\n", -1, NULL));
    cg_config *cfg = cg_config_load(conf, NULL);
    assert_non_null(cfg);

    assert_int_equal(g_chmod(conf, 0644), 0);
    char *why = cg_token_secret_exposure(cfg);
    assert_non_null(why);
    assert_non_null(strstr(why, conf));
    assert_null(strstr(why, "exposed-secret"));
    g_free(why);
    assert_int_equal(g_chmod(conf, 0640), 0);
    assert_null(cg_token_secret_exposure(cfg));

    /* release_secret_file: that file is the one that matters */
    g_free(cfg->release_secret);
    cfg->release_secret = g_strdup("");
    g_free(cfg->release_secret_file);
    cfg->release_secret_file = g_strdup(file);
    assert_int_equal(g_chmod(conf, 0644), 0);
    assert_int_equal(g_chmod(file, 0600), 0);
    assert_null(cg_token_secret_exposure(cfg));
    assert_int_equal(g_chmod(file, 0604), 0);
    why = cg_token_secret_exposure(cfg);
    assert_non_null(why);
    assert_non_null(strstr(why, file));
    g_free(why);

    cg_config_free(cfg);
    g_unlink(file);
    g_unlink(conf);
    g_rmdir(dir);
    g_free(file);
    g_free(conf);
    g_free(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_tampering_is_caught),
        cmocka_unit_test(test_expiry),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_secret_from_config),
        cmocka_unit_test(test_secret_exposure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
