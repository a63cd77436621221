/*
 * test_adversarial.c -- hostile inputs against every detector at once.
 *
 * Each input is about a megabyte of what one rule family looks for, repeated
 * or degenerate (one byte a million times).  Every pattern must finish
 * inside its match and depth limits: a limit hit would mean a pattern can
 * backtrack without bound, and the text after it would go unscanned.
 */
#include "testutil.h"
#include "rules.h"

static void
scan_repeated(const char *unit, size_t bytes)
{
    GString *s = g_string_sized_new(bytes + 64);
    while (s->len < bytes)
        g_string_append(s, unit);
    unsigned long before = cg_regex_limit_hits();
    cg_result_free(scan_text(s->str));
    if (cg_regex_limit_hits() != before)
        fail_msg("\"%.40s...\" x %zu bytes hit a regex limit", unit, bytes);
    g_string_free(s, TRUE);
}

static void
test_degenerate_bytes(void **state)
{
    (void)state;
    static const char *const units[] = { "a", "1", "@", ".", "-", " ", "\n", "#", "+", "(", "&#", "\xc3\xa9" };
    for (size_t i = 0; i < G_N_ELEMENTS(units); i++)
        scan_repeated(units[i], 1024 * 1024);
}

static void
test_request_family(void **state)
{
    (void)state;
    scan_repeated("send me your ", 1024 * 1024);
    scan_repeated("what's your what is your can I get your ", 1024 * 1024);
    scan_repeated("me pasas tu me passa seu donne-moi ton gib mir deine ", 1024 * 1024);
    scan_repeated("please don't don't not never ", 1024 * 1024);
}

static void
test_confidential_terms(void **state)
{
    (void)state;
    scan_repeated("revenue 12% Q3 ", 1024 * 1024);
    scan_repeated("ARR $4.2M churn 7% FY25 internal only ", 1024 * 1024);
    scan_repeated("layoff RIF PIP severance salary band ", 1024 * 1024);
    scan_repeated("1.2.3,4,5 ", 1024 * 1024);
}

static void
test_media_terms(void **state)
{
    (void)state;
    scan_repeated("reporter interview comment deadline ", 1024 * 1024);
    scan_repeated("I'm a journalist at the Daily could you comment by 5pm ", 1024 * 1024);
    scan_repeated("keynote panel speaker podcast analyst briefing ", 1024 * 1024);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_degenerate_bytes),
        cmocka_unit_test(test_request_family),
        cmocka_unit_test(test_confidential_terms),
        cmocka_unit_test(test_media_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
