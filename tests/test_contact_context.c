/*
 * test_contact_context.c -- requests for contact, exceptions and context rules.
 */
#include "testutil.h"

static cg_result *
scan_from(const char *from, const char *body)
{
    static cg_config *cfg;
    static cg_engine *engine;
    if (!engine) {
        cfg = cg_config_new_default();
        engine = cg_engine_new(cfg, NULL);
    }
    char *raw = g_strdup_printf("From: %s\nTo: c@d.example\nSubject: t\nMIME-Version: 1.0\n"
                                "Content-Type: text/plain; charset=utf-8\n\n%s\n", from, body);
    cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &test_limits, NULL);
    cg_result *r = cg_engine_scan(engine, msg);
    cg_message_free(msg);
    g_free(raw);
    return r;
}

/* The first finding of kind, or NULL. */
static const cg_finding *
first_of(const cg_result *r, const char *kind)
{
    GPtrArray *f = r->cat[CG_CAT_CONTACT].findings;
    for (guint i = 0; i < f->len; i++)
        if (strcmp(((cg_finding *)g_ptr_array_index(f, i))->kind, kind) == 0)
            return g_ptr_array_index(f, i);
    return NULL;
}

static void
expect(const char *body, gboolean violation, const char *kind)
{
    cg_result *r = scan_text(body);
    if (r->cat[CG_CAT_CONTACT].violation != violation)
        fail_msg("\"%s\": violation should be %d (score %.2f)", body, violation,
                 r->cat[CG_CAT_CONTACT].score);
    if (kind && !first_of(r, kind))
        fail_msg("\"%s\": no %s finding", body, kind);
    cg_result_free(r);
}

static void
test_requests(void **state)
{
    (void)state;
    expect("Nice work! What's your WhatsApp?", TRUE, "phone");
    expect("could you send me your email so we can talk", TRUE, "email");
    expect("what is your Skype ID?", TRUE, "handle");
    expect("Can I call you directly tomorrow?", TRUE, "phone");
    expect("do you have Telegram?", TRUE, "handle");
    expect("\xc2\xbfMe pasas tu n\xc3\xbamero?", TRUE, "phone");
    expect("me passa seu zap", TRUE, "phone");
    expect("Quel est ton num\xc3\xa9ro ?", TRUE, "phone");
    expect("Gib mir deine Handynummer", TRUE, "phone");
    expect("send me your home address for the samples", TRUE, "address");
}

static void
test_not_requests(void **state)
{
    (void)state;
    expect("Please don't send me your phone number, the platform forbids it.", FALSE, NULL);
    expect("I can't share my WhatsApp before a contract starts.", FALSE, NULL);
    expect("Send me your portfolio and your rate.", FALSE, NULL);
    expect("We can call it done after the review.", FALSE, NULL);
    expect("Can I call you on the platform's call feature?", FALSE, NULL);
}

static void
test_systems_access_exception(void **state)
{
    (void)state;
    cg_result *r = scan_text("Please invite ana.dev@example.com to the GitHub repo so I can scope it.");
    const cg_finding *f = first_of(r, "email");
    assert_non_null(f);
    assert_string_equal(f->exception, "systems_access");
    assert_false(r->cat[CG_CAT_CONTACT].violation);
    cg_result_free(r);

    expect("Add analytics@example.org as a Viewer on the GA4 property.", FALSE, "email");
    /* The access context must be there: a repo alone is not an invitation. */
    expect("I liked your GitHub work. Mail me at ana.dev@example.com", TRUE, "email");
}

static void
test_legal_exception(void **state)
{
    (void)state;
    cg_result *r = scan_text("For the NDA our lawyer needs your legal email: bo@example.net");
    const cg_finding *f = first_of(r, "email");
    assert_non_null(f);
    assert_string_equal(f->exception, "legal");
    assert_false(r->cat[CG_CAT_CONTACT].violation);
    cg_result_free(r);
}

static void
test_exception_never_covers_other_kinds(void **state)
{
    (void)state;
    /* The email is excepted, the request for a WhatsApp is not. */
    cg_result *r = scan_text("Invite me to the GitHub repo: ana@example.com. Also, what's your WhatsApp?");
    assert_string_equal(first_of(r, "email")->exception, "systems_access");
    assert_null(first_of(r, "phone")->exception);
    assert_true(r->cat[CG_CAT_CONTACT].violation);
    cg_result_free(r);
}

static void
test_own_site_and_examples(void **state)
{
    (void)state;
    /* The marketplace relay's own addresses are not shared by the user. */
    cg_result *r = scan_from("Ana via Gigloft <relay@mail.gigloft.example.com>",
                             "Reply here or write to support@gigloft.example.com");
    assert_false(r->cat[CG_CAT_CONTACT].violation);
    cg_result_free(r);
    /* ...but the shared documentation domain is not the platform's. */
    r = scan_from("Ana via Gigloft <relay@mail.gigloft.example.com>", "write to ana@example.com");
    assert_true(r->cat[CG_CAT_CONTACT].violation);
    cg_result_free(r);
    /* Example data in a technical discussion. */
    expect("Your regex rejects user+tag@example.com while the fixture in signup.spec.ts passes.",
           FALSE, "email");
    expect("Your regex is wrong; the validation fails. Anyway, reach me at mara.k@example.com",
           TRUE, "email");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_requests),
        cmocka_unit_test(test_not_requests),
        cmocka_unit_test(test_systems_access_exception),
        cmocka_unit_test(test_legal_exception),
        cmocka_unit_test(test_exception_never_covers_other_kinds),
        cmocka_unit_test(test_own_site_and_examples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
