/*
 * test_contact_context.c -- requests for contact, exceptions and context rules.
 */
#include "testutil.h"

#include <unistd.h>

static cg_result *
scan_from(const char *from, const char *body)
{
    static cg_config *cfg;
    static cg_engine *engine;
    if (!cfg) {
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
    /* request words inside other words */
    expect("The new login will bypass your phone number check.", FALSE, NULL);
    expect("Reply in the context your email client shows.", FALSE, NULL);
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

/* Scan body with a configuration made of the given lines. */
static cg_result *
scan_with_config(const char *config_text, const char *body, GError **error)
{
    char *path;
    int fd = g_file_open_tmp("cg-contact-XXXXXX.conf", &path, NULL);
    assert_true(fd >= 0);
    assert_true(g_file_set_contents(path, config_text, -1, NULL));
    close(fd);
    cg_config *cfg = cg_config_load(path, error);
    cg_engine *engine = cfg ? cg_engine_new(cfg, error) : NULL;
    cg_result *r = NULL;
    if (engine) {
        char *raw = g_strdup_printf("From: a@b.example\nTo: c@d.example\nSubject: t\n\n%s\n", body);
        cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &test_limits, NULL);
        r = cg_engine_scan(engine, msg);
        cg_message_free(msg);
        g_free(raw);
    }
    cg_engine_free(engine);
    cg_config_free(cfg);
    unlink(path);
    g_free(path);
    return r;
}

static char *
rules_file(const char *contents)
{
    char *path;
    int fd = g_file_open_tmp("cg-rules-XXXXXX", &path, NULL);
    assert_true(fd >= 0);
    close(fd);
    assert_true(g_file_set_contents(path, contents, -1, NULL));
    return path;
}

static void
test_user_rules(void **state)
{
    (void)state;
    char *rules = rules_file("# our pager numbers\npager phone 0.8 \\bpager\\s*:?\\s*\\d{4,}\n");
    char *conf = g_strdup_printf("contact_rules_file = %s\n", rules);
    GError *error = NULL;
    cg_result *r = scan_with_config(conf, "beep my Pager: 48213 any time", &error);
    assert_non_null(r);
    const cg_finding *f = first_of(r, "phone");
    assert_non_null(f);
    assert_string_equal(f->rule, "user.pager");
    assert_string_equal(f->original, "Pager: 48213");
    assert_true(r->cat[CG_CAT_CONTACT].violation);
    cg_result_free(r);
    g_free(conf);
    unlink(rules);
    g_free(rules);

    /* Bad lines are refused with file and line. */
    rules = rules_file("ok email 0.5 x@y\nbad fax 0.5 x\nworse phone 2 x\nbroken phone 0.5 (unclosed\nshort phone\n");
    conf = g_strdup_printf("contact_rules_file = %s\n", rules);
    r = scan_with_config(conf, "x", &error);
    assert_null(r);
    assert_non_null(error);
    char *want = g_strdup_printf("%s:2: contact_rules_file: \"fax\" is not one of", rules);
    assert_non_null(strstr(error->message, want));
    g_free(want);
    want = g_strdup_printf("%s:3: contact_rules_file: score \"2\"", rules);
    assert_non_null(strstr(error->message, want));
    g_free(want);
    want = g_strdup_printf("%s:4: contact_rules_file: rule broken:", rules);
    assert_non_null(strstr(error->message, want));
    g_free(want);
    want = g_strdup_printf("%s:5: contact_rules_file: expected NAME KIND SCORE PATTERN", rules);
    assert_non_null(strstr(error->message, want));
    g_free(want);
    g_clear_error(&error);
    g_free(conf);
    unlink(rules);
    g_free(rules);
}

static void
test_allow_domains_and_extra_terms(void **state)
{
    (void)state;
    GError *error = NULL;
    const char *body = "Write to ana@portfolio.example.net or see https://calendly.com/ana/30min";
    cg_result *r = scan_with_config("contact_allow_domains = example.net\n", body, &error);
    assert_non_null(r);
    const cg_finding *f = first_of(r, "email");
    assert_true(f->score < 0.6);                    /* allowed domain */
    assert_true(r->cat[CG_CAT_CONTACT].violation);  /* the booking link still counts */
    cg_result_free(r);

    body = "Please invite ana@example.com to our Basecamp project so I can scope it.";
    r = scan_with_config("", body, &error);
    assert_null(first_of(r, "email")->exception);
    cg_result_free(r);
    r = scan_with_config("contact_systems_terms = basecamp\n", body, &error);
    assert_string_equal(first_of(r, "email")->exception, "systems_access");
    cg_result_free(r);

    body = "For the notarial deed I need your address: ana@example.com";
    r = scan_with_config("contact_legal_terms = notarial\n", body, &error);
    assert_string_equal(first_of(r, "email")->exception, "legal");
    cg_result_free(r);
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
        cmocka_unit_test(test_user_rules),
        cmocka_unit_test(test_allow_domains_and_extra_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
