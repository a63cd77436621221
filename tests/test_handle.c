/*
 * test_handle.c -- the handle rule family: app accounts, plain, disguised and implied, and near misses.
 */
#include "testutil.h"
#include "rules.h"







/* The best score among contact findings of kind handle in body (0 if none). */
static double
handle_score(const char *body)
{
    cg_result *r = scan_text(body);
    double best = 0;
    GPtrArray *f = r->cat[CG_CAT_CONTACT].findings;
    for (guint i = 0; i < f->len; i++) {
        const cg_finding *x = g_ptr_array_index(f, i);
        if (strcmp(x->kind, "handle") == 0 && x->score > best)
            best = x->score;
    }
    cg_result_free(r);
    return best;
}

static void
expect_handles(const char *const *bodies, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (handle_score(bodies[i]) < 0.6)
            fail_msg("\"%s\": wanted a handle finding of at least 0.6", bodies[i]);
}

static void
expect_no_violation(const char *const *bodies, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cg_result *r = scan_text(bodies[i]);
        if (r->cat[CG_CAT_CONTACT].violation)
            fail_msg("\"%s\": no violation wanted (score %.2f)", bodies[i],
                     r->cat[CG_CAT_CONTACT].score);
        cg_result_free(r);
    }
}

static void
test_named_apps(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "my skype is ana.lee88, add me",
        "Skype ID: anastasia_k",
        "WhatsApp: @ana_whats",
        "ping me on telegram @sasha_motion, I'm online",
        "TG @dev_ana_ux, faster replies",
        "Schreib mir auf Telegram: @jonas_codet",
        "I'm on Signal as ana.42",
        "please add my WeChat: zhangwei_sz88",
        "weixin id: li_ming2024",
        "LINE ID: yuki.t-design",
        "Viber: ana_viber77",
        "find me on Slack, handle @ana.lee",
        "add me on discord: ravenbyte_77 - we can vc",
        "my discord is raven#1234",
        "DM me on insta @studio.lumen_ph",
        "IG: @ana.design",
        "facebook: ana.lee.design",
        "DM on X (@nadia_builds_dev)",
        "twitter @ana_codes",
        "snapchat: ana_snaps",
        "LinkedIn username: ana-lee-5502",
        "Instagram, same username as here",
    };
    expect_handles(bodies, G_N_ELEMENTS(bodies));
}

static void
test_disguised_and_implied(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "sky pe: ana.lee88",
        "s.k.y.p.e: ana.lee88",
        "s k y p e: ana_lee88",
        "what's app: ana_w88",
        "h1t m3 up on t3l3gr4m: @r0b_d3v_77",
        "wh\xd0\xb0tsapp: @ana_w88",                          /* Cyrillic a */
        "add me on the green app, @ana_w88",
        "the blue bird app: @ana_codes",
        "me chama no zap @ana_w88",
        "the app with the paper plane, @ana_tg",
        "sky pe: live:.cid.7f3a9c21e0b4",
        "add me: live:cid.7f3a91c2e0d4b",
    };
    expect_handles(bodies, G_N_ELEMENTS(bodies));
}

static void
test_requests(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "what's your WhatsApp? easier to send voice notes there",
        "Let's continue on Skype - what's your Skype ID?",
        "Kindly share your whatsapp no. so I will send the demo",
    };
    expect_handles(bodies, G_N_ELEMENTS(bodies));
}

static void
test_near_misses(void **state)
{
    (void)state;
    static const char *const clean[] = {
        "I don't use Skype anymore. We can talk on the platform's call feature instead of Skype.",
        "Sorry, I can't share my WhatsApp before a contract starts.",
        "ping @maria about the logo",
        "I've added @PriyaR_design to this conversation",
        "@Component({ selector: 'app' }) and @Override",
        "@media (max-width: 768px) { .nav { display: none } }",
        "npm i @babel/core @types/node",
        "Create the bot with @BotFather in Telegram and set /start",
        "telegram: @price_alert_bot answers /price",
        "we need a WhatsApp integration with click-to-chat links like wa.me/<number>",
        "Telegram bot with python-telegram-bot 21.1",
        "the signal is weak in the basement: check @router_admin",
        "I use Slack at work and Discord for gaming",
        "the line is busy, call @reception later",
    };
    expect_no_violation(clean, G_N_ELEMENTS(clean));
    /* A bare number for an app is the phone family's finding, not a handle. */
    assert_true(handle_score("WhatsApp: +44 7700 900123") < 0.6);
}

static void
test_scan_limits_hold(void **state)
{
    (void)state;
    GString *s = g_string_new(NULL);
    /* Long runs of app names, @names, tags and IDs must stay fast and bounded. */
    for (int i = 0; i < 5000; i++)
        g_string_append(s, "skype telegram: @a_b your whatsapp a#1 live:cid. ");
    handle_score(s->str);
    g_string_free(s, TRUE);
    assert_int_equal(cg_regex_limit_hits(), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_named_apps),
        cmocka_unit_test(test_disguised_and_implied),
        cmocka_unit_test(test_requests),
        cmocka_unit_test(test_near_misses),
        cmocka_unit_test(test_scan_limits_hold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
