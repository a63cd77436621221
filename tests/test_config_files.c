/*
 * test_config_files.c -- the lists a configuration reads from other files:
 * "file:/path" entries of address, domain and network lists, the contract
 * file, and the network syntax of trusted_networks, with their error paths.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>

#include "config.h"

typedef struct {
    char *dir;
} fixture;

static int
setup(void **state)
{
    fixture *f = g_new0(fixture, 1);
    f->dir = g_dir_make_tmp("cg-test-cfgfiles-XXXXXX", NULL);
    assert_non_null(f->dir);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    GDir *d = g_dir_open(f->dir, 0, NULL);
    for (const char *name; (name = g_dir_read_name(d));) {
        char *p = g_build_filename(f->dir, name, NULL);
        g_unlink(p);
        g_free(p);
    }
    g_dir_close(d);
    g_rmdir(f->dir);
    g_free(f->dir);
    g_free(f);
    return 0;
}

/* Write name in the fixture's directory; returns its path. */
static char *
write_file(const fixture *f, const char *name, const char *text)
{
    char *path = g_build_filename(f->dir, name, NULL);
    assert_true(g_file_set_contents(path, text, -1, NULL));
    return path;
}

/* Load a config; on failure return NULL and put the error in *message. */
static cg_config *
load(const fixture *f, const char *text, char **message)
{
    char *path = write_file(f, "commguard.conf", text);
    GError *err = NULL;
    cg_config *cfg = cg_config_load(path, &err);
    if (message)
        *message = err ? g_strdup(err->message) : NULL;
    else if (!cfg)
        fail_msg("%s", err->message);
    g_clear_error(&err);
    g_free(path);
    return cfg;
}

static void
expect_problem(const fixture *f, const char *text, const char *want)
{
    char *message = NULL;
    assert_null(load(f, text, &message));
    assert_non_null(message);
    if (!strstr(message, want))
        fail_msg("error \"%s\" lacks \"%s\"", message, want);
    g_free(message);
}

static void
test_file_entries_join_the_list(void **state)
{
    fixture *f = *state;
    char *list = write_file(f, "senders", "# partners\nvip@elsewhere.test\n\n  partner.test   # whole domain\n");
    char *text = g_strdup_printf("contact_exempt_senders = first.test, file:%s, last@x.test\n", list);
    cg_config *cfg = load(f, text, NULL);
    char **got = cfg->exempt_senders[CG_CAT_CONTACT];
    assert_int_equal(g_strv_length(got), 4);
    assert_string_equal(got[0], "first.test");
    assert_string_equal(got[1], "vip@elsewhere.test");
    assert_string_equal(got[2], "partner.test");
    assert_string_equal(got[3], "last@x.test");
    cg_config_free(cfg);
    g_free(text);
    g_free(list);
}

static void
test_file_entries_errors(void **state)
{
    fixture *f = *state;
    char *bad = write_file(f, "bad", "ok.test\n\nx@@y\n");
    char *two = write_file(f, "two", "a.test b.test\n");
    char *text;

    text = g_strdup_printf("internal_domains = file:%s\n", bad);
    char *want = g_strdup_printf(":1: internal_domains: %s:3: \"x@@y\" is not an address or a domain", bad);
    expect_problem(f, text, want);
    g_free(want);
    g_free(text);

    text = g_strdup_printf("platform_domains = file:%s\n", two);
    want = g_strdup_printf("%s:1: \"a.test b.test\" is more than one entry", two);
    expect_problem(f, text, want);
    g_free(want);
    g_free(text);

    expect_problem(f, "media_exempt_recipients = file:relative/list\n",
                   ":1: media_exempt_recipients: \"file:relative/list\": the file path must be absolute");
    text = g_strdup_printf("contact_exempt_senders = file:%s/absent\n", f->dir);
    expect_problem(f, text, ":1: contact_exempt_senders: ");
    expect_problem(f, text, "absent");
    g_free(text);
    g_free(bad);
    g_free(two);
}

static void
test_networks(void **state)
{
    fixture *f = *state;
    char *nets = write_file(f, "nets", "2001:db8::/32\n");
    char *text = g_strdup_printf("trusted_networks = 192.0.2.0/24, 198.51.100.7, file:%s\n", nets);
    cg_config *cfg = load(f, text, NULL);
    assert_int_equal(g_strv_length(cfg->trusted_networks), 3);
    assert_string_equal(cfg->trusted_networks[2], "2001:db8::/32");
    cg_config_free(cfg);
    expect_problem(f, "trusted_networks = 10.0.0.1/8\n", ":1: trusted_networks: \"10.0.0.1/8\" is not a network");
    expect_problem(f, "trusted_networks = 10.0.0.0/33\n", "\"10.0.0.0/33\" is not a network");
    expect_problem(f, "trusted_networks = example.com\n", "\"example.com\" is not a network");
    g_free(text);
    g_free(nets);
}

static void
test_contract_file(void **state)
{
    fixture *f = *state;
    char *contracts = write_file(f, "contracts",
                                 "# started contracts\n"
                                 "Client@Buyer.test  seller@market.test\n"
                                 "agency@market.test   # any counterpart\n");
    char *text = g_strdup_printf("contract_file = %s\n", contracts);
    cg_config *cfg = load(f, text, NULL);
    assert_non_null(cfg->contracts);
    assert_true(cg_contract_between(cfg->contracts, "client@buyer.test", "seller@market.test"));
    assert_true(cg_contract_between(cfg->contracts, "SELLER@market.test", "client@BUYER.test"));
    assert_true(cg_contract_between(cfg->contracts, "anyone@else.test", "agency@market.test"));
    assert_true(cg_contract_between(cfg->contracts, "agency@market.test", "anyone@else.test"));
    assert_false(cg_contract_between(cfg->contracts, "client@buyer.test", "other@market.test"));
    assert_false(cg_contract_between(NULL, "client@buyer.test", "seller@market.test"));
    cg_config_free(cfg);
    g_free(text);
    g_free(contracts);

    /* no file configured: no table */
    cfg = load(f, "contract_file =\n", NULL);
    assert_null(cfg->contracts);
    cg_config_free(cfg);
}

static void
test_contract_file_errors(void **state)
{
    fixture *f = *state;
    char *three = write_file(f, "three", "a@x.test b@y.test c@z.test\n");
    char *domain = write_file(f, "domain", "a@x.test\nbuyer.test\n");
    char *text = g_strdup_printf("max_parts = 10\ncontract_file = %s\n", three);
    char *want = g_strdup_printf(":2: contract_file: %s:1: \"a@x.test b@y.test c@z.test\" is not an address or two addresses", three);
    expect_problem(f, text, want);
    g_free(want);
    g_free(text);
    text = g_strdup_printf("contract_file = %s\n", domain);
    want = g_strdup_printf("%s:2: \"buyer.test\" is not an address", domain);
    expect_problem(f, text, want);
    g_free(want);
    g_free(text);
    text = g_strdup_printf("contract_file = %s/absent\n", f->dir);
    expect_problem(f, text, ":1: contract_file: ");
    g_free(text);
    expect_problem(f, "contract_file = contracts.txt\n", "is not an absolute path");
    g_free(three);
    g_free(domain);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_file_entries_join_the_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_entries_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_networks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_contract_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_contract_file_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
