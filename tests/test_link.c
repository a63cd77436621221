/*
 * test_link.c -- the link rule family: chat, profile, booking and form URLs, and links that are no channel.
 */
#include "testutil.h"
#include "rules.h"

/* The best score among contact findings of the given kind in body (0 if none). */
static double
kind_score(const char *body, const char *kind)
{
    cg_result *r = scan_text(body);
    double best = 0;
    GPtrArray *f = r->cat[CG_CAT_CONTACT].findings;
    for (guint i = 0; i < f->len; i++) {
        const cg_finding *x = g_ptr_array_index(f, i);
        if (strcmp(x->kind, kind) == 0 && x->score > best)
            best = x->score;
    }
    cg_result_free(r);
    return best;
}

static void
expect_kind(const char *const *bodies, size_t n, const char *kind)
{
    for (size_t i = 0; i < n; i++)
        if (kind_score(bodies[i], kind) < 0.85)
            fail_msg("\"%s\": wanted a %s finding of at least 0.85", bodies[i], kind);
}

static void
test_booking(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "book a 30 min slot: https://calendly.com/hvargas-studio/intro-30",
        "Grab a slot: calendly.com/ana-ux/30min",
        "Buchen Sie einen Termin: https://cal.com/anke-vogel-ux/erstgespraech",
        "Pick any free slot on my booking page: https://calendar.app.google/Xr4TqP9mN2vBw7Ks8",
        "https://calendar.google.com/calendar/appointments/schedules/AcZssZ1",
        "jump into my personal room: https://zoom.us/my/annalee.design",
        "https://outlook.office365.com/owa/calendar/Acme@acme.example/bookings/",
        "meetings.hubspot.com/ana-lee",
        "savvycal.com/ana/intro and tidycal.com/ana/15",
    };
    expect_kind(bodies, G_N_ELEMENTS(bodies), "booking");
}

static void
test_chat_and_profiles(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "Write me here: t.me/olenka_ux_4471",
        "https://telegram.me/ana_ux",
        "m.me/ana.lee.design",
        "join us: discord.gg/AbCd123",
        "Join our Slack: https://join.slack.com/t/orchard/shared_invite/zt-2k9x7q",
        "https://chat.whatsapp.com/KxYz123AbC",
        "https://signal.me/#eu/AbCdEf",
        "wa.me/ana_design",
        "Connect with me on LinkedIn: linkedin.com/in/bruno-carvalho-dev-5502, message me there",
        "B\xc3\xbascame en Facebook como facebook.com/valentina.cruz.ilustra y hablamos",
        "DM me at instagram.com/studio.lumen",
        "follow me: x.com/ana_codes",
    };
    expect_kind(bodies, G_N_ELEMENTS(bodies), "handle");
}

static void
test_forms_and_applicant_systems(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "Fill our intake form first: forms.gle/AbC123xyz",
        "https://docs.google.com/forms/d/e/1FAIpQL/viewform",
        "Apply via jobs.lever.co/acme/1234 instead",
        "submit at https://boards.greenhouse.io/acme/jobs/42",
        "https://acme.typeform.com/to/AbC123",
        "tally.so/r/w4Ab",
        "Please fill in the short form at https://www.acme.example.com/contact and mention this job",
        "Please re-submit at https://apply.acme.example.org/p/ux-2291 - not on this platform",
    };
    expect_kind(bodies, G_N_ELEMENTS(bodies), "link");
}

static void
test_not_channels(void **state)
{
    (void)state;
    static const char *const clean[] = {
        "Portfolio: behance.net/anaux and dribbble.com/anaux",
        "see https://github.com/redis/redis-py and https://github.com/pallets/flask",
        "https://gitlab.com/ana/site",
        "I updated my proposal: https://taskharbor.test/proposals/771203",
        "Our site https://www.harborbakery.example.com/menu is slow on mobile",
        "The contact form on our website https://www.dental.example.com/kontakt doesn't send any emails. Please fix it.",
        "our contact form at ourshop.example/contact is broken, please fix it",
        "click-to-chat links of the form https://wa.me/<reception-number>",
        "the button should open wa.me/XXXXXXXX",
        "my work: https://ana.example.com/work",
        "share buttons use facebook.com/sharer and twitter.com/intent",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(clean); i++) {
        cg_result *r = scan_text(clean[i]);
        if (r->cat[CG_CAT_CONTACT].violation)
            fail_msg("\"%s\": no violation wanted (score %.2f)", clean[i],
                     r->cat[CG_CAT_CONTACT].score);
        cg_result_free(r);
    }
}

static void
test_scan_limits_hold(void **state)
{
    (void)state;
    /* Long runs of hosts, paths and schemes must stay fast and bounded. */
    GString *s = g_string_new(NULL);
    for (int i = 0; i < 5000; i++)
        g_string_append(s, "https://calendly.com/ t.me/ wa.me/1 x.com/a/b/c/ apply.a-b.co/contact ");
    kind_score(s->str, "link");
    g_string_free(s, TRUE);
    assert_int_equal(cg_regex_limit_hits(), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_booking),
        cmocka_unit_test(test_chat_and_profiles),
        cmocka_unit_test(test_forms_and_applicant_systems),
        cmocka_unit_test(test_not_channels),
        cmocka_unit_test(test_scan_limits_hold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
