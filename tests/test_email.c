/*
 * test_email.c -- the email rule family: plain and disguised addresses, and near misses.
 */
#include "testutil.h"
#include "rules.h"

static void
expect_email(const char *body, const char *rule, const char *match)
{
    expect_contact_finding(body, "email", rule, match);
}

static void
test_plain(void **state)
{
    (void)state;
    expect_email("mail me at ana.lee+work@example.com today", "email.address",
                 "ana.lee+work@example.com");
    expect_email("ANA_LEE@Mail.Example.CO.UK.", "email.address", "ANA_LEE@Mail.Example.CO.UK");
    expect_email("<mailto:bo@example.test>", "email.address", "bo@example.test");
    expect_contact_violation("reach me: bo@example.org", TRUE);
}

static void
test_obfuscated(void **state)
{
    (void)state;
    expect_email("john dot smith at gmail dot com", "email.obfuscated",
                 "john dot smith at gmail dot com");
    expect_email("jdoe [at] example [dot] com", "email.obfuscated", "jdoe [at] example [dot] com");
    expect_email("jdoe(at)example(dot)org", "email.obfuscated", "jdoe(at)example(dot)org");
    expect_email("jdoe {at} example {dot} net", "email.obfuscated", "jdoe {at} example {dot} net");
    expect_email("joana.prado arroba example ponto net", "email.obfuscated",
                 "joana.prado arroba example ponto net");
    expect_email("claire arobase example point fr", "email.obfuscated", "claire arobase example point fr");
    expect_email("ana @ example . com", "email.obfuscated", "ana @ example . com");
    expect_email("ana&#64;example&#46;com", "email.obfuscated", "ana&#64;example&#46;com");
    expect_email("ana at gmail.com", "email.obfuscated", "ana at gmail.com");
    expect_contact_violation("write me: lukas dot brenner at example dot net", TRUE);
}

static void
test_disguised_characters(void **state)
{
    (void)state;
    /* Spaced out letter by letter. */
    expect_email("d a n i e l . k o r h o n e n @ e x a m p l e . c o m", "email.address",
                 "daniel.korhonen@example.com");
    /* Zero-width characters inside. */
    expect_email("ana\xe2\x80\x8b@\xe2\x80\x8b" "example\xe2\x80\x8b.com", "email.address",
                 "ana@example.com");
    /* Cyrillic look-alikes in the domain (е, х, а). */
    expect_email("irina.p\xd0\xb0vlova@\xd0\xb5\xd1\x85" "ample.net", "email.address",
                 "irina.pavlova@example.net");
    /* Fullwidth at sign and dot. */
    expect_email("ana\xef\xbc\xa0" "example\xef\xbc\x8e" "com", "email.address", "ana@example.com");
}

static void
test_original_text_quoted(void **state)
{
    (void)state;
    cg_result *r = scan_text("x irina.p\xd0\xb0vlova@example.net y");
    const cg_finding *f = g_ptr_array_index(r->cat[CG_CAT_CONTACT].findings, 0);
    assert_string_equal(f->original, "irina.p\xd0\xb0vlova@example.net");
    assert_string_equal(f->where, "1");
    assert_int_equal(f->offset, 2);
    assert_null(f->exception);
    cg_result_free(r);
}

static void
test_near_misses(void **state)
{
    (void)state;
    static const char *const clean[] = {
        "git clone git@github.com:acme/app.git fails",
        "@media (max-width: 600px) { .nav { display: none } }",
        "npm i @babel/core and @types/node",
        "@Component({ selector: 'app' }) and @Override",
        "ping @maria about the logo",
        "use logo@2x.png for retina screens",
        "I work at acme.com as a designer",
        "meet at noon. It works for me",
        "see you at 5 pm",
        "user@localhost rejected",
        "ssh deploy@10.0.0.5",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(clean); i++)
        expect_contact_violation(clean[i], FALSE);
}

static void
test_scan_limits_hold(void **state)
{
    (void)state;
    /* Adversarial: long runs of local-part characters and "at"s must stay fast and bounded. */
    GString *s = g_string_new(NULL);
    for (int i = 0; i < 20000; i++)
        g_string_append(s, "a.b at c dot ");
    for (int i = 0; i < 5000; i++)
        g_string_append(s, "a_b.");
    for (int i = 0; i < 5000; i++)
        g_string_append(s, "ab-");
    char *got = contact_findings(s->str, "email");
    g_free(got);
    assert_int_equal(cg_regex_limit_hits(), 0);
    /* An address after a megabyte of one long word is still found. */
    g_string_truncate(s, 0);
    for (int i = 0; i < 1024 * 1024; i++)
        g_string_append_c(s, 'Z');
    g_string_append(s, " mail me: ana@example.com");
    expect_email(s->str, "email.address", "ana@example.com");
    assert_int_equal(cg_regex_limit_hits(), 0);
    g_string_free(s, TRUE);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_obfuscated),
        cmocka_unit_test(test_disguised_characters),
        cmocka_unit_test(test_original_text_quoted),
        cmocka_unit_test(test_near_misses),
        cmocka_unit_test(test_scan_limits_hold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
