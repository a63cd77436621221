/*
 * test_policy.c -- flows, exemptions, the order of actions, dry runs and the
 * summaries that go into headers and log lines.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "policy.h"

/* Headers for a test: "Name: value" strings, NULL-terminated. */
static const char *
lookup(const void *data, const char *name)
{
    size_t n = strlen(name);
    for (const char *const *h = data; h && *h; h++)
        if (g_ascii_strncasecmp(*h, name, n) == 0 && (*h)[n] == ':')
            return *h + n + 1;
    return NULL;
}

static cg_config *
config(const char *text)
{
    char *path = NULL;
    int fd = g_file_open_tmp("cg-test-policy-XXXXXX.conf", &path, NULL);
    assert_true(fd >= 0);
    close(fd);
    assert_true(g_file_set_contents(path, text, -1, NULL));
    GError *err = NULL;
    cg_config *cfg = cg_config_load(path, &err);
    if (!cfg)
        fail_msg("%s", err->message);
    g_unlink(path);
    g_free(path);
    return cfg;
}

static const char *const BASE =
    "internal_domains = example.com\n"
    "platform_domains = market.test\n"
    "platform_header = X-Platform-Message: yes\n"
    "contact_exempt_header = X-Account-Plan: Business|Enterprise\n"
    "contract_header = X-Contract-Status: started|active\n"
    "media_action = redirect\n"
    "media_redirect_to = press@example.com\n";

static cg_envelope
envelope(const char *sender, const char *const *rcpts, const char *const *headers)
{
    cg_envelope env = { .sender = sender, .recipients = rcpts, .header = lookup, .header_data = headers };
    return env;
}

static cg_result *
verdict(gboolean contact, gboolean confidential, gboolean media)
{
    cg_result *r = cg_result_new();
    gboolean v[CG_CAT_COUNT] = { contact, confidential, media };
    for (int c = 0; c < CG_CAT_COUNT; c++) {
        r->cat[c].violation = v[c];
        r->cat[c].score = v[c] ? 0.9 : 0;
    }
    return r;
}

static void
test_address_matches(void **state)
{
    (void)state;
    assert_true(cg_address_matches("a@example.com", "example.com"));
    assert_true(cg_address_matches("a@Mail.Example.COM", "example.com"));
    assert_false(cg_address_matches("a@badexample.com", "example.com"));
    assert_false(cg_address_matches("a@example.com.evil", "example.com"));
    assert_true(cg_address_matches("Press@Example.com", "press@example.com"));
    assert_false(cg_address_matches("press2@example.com", "press@example.com"));
    assert_false(cg_address_matches("", "example.com"));
    assert_false(cg_address_matches("a@example.com", ""));
}

static void
test_header_matches(void **state)
{
    (void)state;
    const char *const h[] = { "X-Account-Plan:  business ", "X-Other: a|b", NULL };
    assert_true(cg_header_matches("X-Account-Plan: Business|Enterprise", lookup, h));
    assert_true(cg_header_matches("x-account-plan:enterprise | business", lookup, h));
    assert_false(cg_header_matches("X-Account-Plan: Free|Basic", lookup, h));
    assert_false(cg_header_matches("X-Account-Plan: Busi", lookup, h));
    assert_false(cg_header_matches("X-Missing: yes", lookup, h));
    assert_false(cg_header_matches("", lookup, h));
    /* the value is one alternative, not the alternatives' syntax */
    assert_false(cg_header_matches("X-Other: a|b", lookup, h));
}

static void
test_flows(void **state)
{
    (void)state;
    cg_config *cfg = config(BASE);
    const char *const out[] = { "x@elsewhere.test", NULL };
    const char *const in[] = { "b@example.com", NULL };
    const char *const mixed[] = { "b@example.com", "x@elsewhere.test", NULL };
    const char *const to_platform[] = { "u@market.test", NULL };
    const char *const platform_hdr[] = { "X-Platform-Message: YES", NULL };

    cg_envelope e = envelope("x@elsewhere.test", in, NULL);
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_INBOUND);
    e = envelope("a@example.com", out, NULL);
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_OUTBOUND);
    e = envelope("a@example.com", mixed, NULL);
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_OUTBOUND);
    e = envelope("a@example.com", in, NULL);
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_INTERNAL);
    /* an authenticated sender is internal whatever its domain */
    e = envelope("someone@gmail.test", out, NULL);
    e.authenticated = TRUE;
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_OUTBOUND);
    e = envelope("", in, NULL);
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_INBOUND);
    /* platform by header, sender domain or recipient domain, before anything else */
    e = envelope("x@elsewhere.test", in, platform_hdr);
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_PLATFORM);
    e = envelope("n@mail.market.test", in, NULL);
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_PLATFORM);
    e = envelope("a@example.com", to_platform, NULL);
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_PLATFORM);
    cg_config_free(cfg);
}

static void
test_default_flows_per_category(void **state)
{
    (void)state;
    cg_config *cfg = config(BASE);
    const char *const in[] = { "b@example.com", NULL };
    const char *const out[] = { "x@elsewhere.test", NULL };
    const char *const platform_hdr[] = { "X-Platform-Message: yes", NULL };
    cg_result *all = verdict(TRUE, TRUE, TRUE);
    cg_decision d;

    cg_envelope e = envelope("x@elsewhere.test", in, platform_hdr);
    cg_policy_decide(cfg, &e, all, &d);
    assert_int_equal(d.flow, CG_FLOW_PLATFORM);
    assert_true(d.cat[CG_CAT_CONTACT].applies);
    assert_false(d.cat[CG_CAT_CONFIDENTIAL].applies);
    assert_false(d.cat[CG_CAT_MEDIA].applies);
    assert_int_equal(d.action, CG_ACTION_QUARANTINE);
    assert_string_equal(d.reason, "contact");

    e = envelope("a@example.com", out, NULL);
    cg_policy_decide(cfg, &e, all, &d);
    assert_int_equal(d.flow, CG_FLOW_OUTBOUND);
    assert_int_equal(d.action, CG_ACTION_QUARANTINE);
    assert_string_equal(d.reason, "confidential");

    e = envelope("x@elsewhere.test", in, NULL);
    cg_policy_decide(cfg, &e, all, &d);
    assert_int_equal(d.flow, CG_FLOW_INBOUND);
    assert_int_equal(d.action, CG_ACTION_REDIRECT);
    assert_string_equal(d.reason, "media");
    assert_string_equal(d.redirect_to, "press@example.com");

    /* internal mail: no category acts by default */
    e = envelope("a@example.com", in, NULL);
    cg_policy_decide(cfg, &e, all, &d);
    assert_int_equal(d.action, CG_ACTION_ACCEPT);
    assert_null(d.reason);
    cg_result_free(all);

    /* so the milter runs one detector per flow, and none on internal mail */
    assert_int_equal(cg_policy_scan_mask(cfg, CG_FLOW_PLATFORM), 1u << CG_CAT_CONTACT);
    assert_int_equal(cg_policy_scan_mask(cfg, CG_FLOW_OUTBOUND), 1u << CG_CAT_CONFIDENTIAL);
    assert_int_equal(cg_policy_scan_mask(cfg, CG_FLOW_INBOUND), 1u << CG_CAT_MEDIA);
    assert_int_equal(cg_policy_scan_mask(cfg, CG_FLOW_INTERNAL), 0);
    cg_config_free(cfg);
}

static void
test_scan_mask_follows_flows(void **state)
{
    (void)state;
    cg_config *cfg = config("contact_flows = inbound, platform\nconfidential_flows = inbound\n"
                            "media_flows = outbound\n");
    assert_int_equal(cg_policy_scan_mask(cfg, CG_FLOW_INBOUND),
                     1u << CG_CAT_CONTACT | 1u << CG_CAT_CONFIDENTIAL);
    assert_int_equal(cg_policy_scan_mask(cfg, CG_FLOW_PLATFORM), 1u << CG_CAT_CONTACT);
    assert_int_equal(cg_policy_scan_mask(cfg, CG_FLOW_OUTBOUND), 1u << CG_CAT_MEDIA);
    assert_int_equal(cg_policy_scan_mask(cfg, CG_FLOW_INTERNAL), 0);
    cg_config_free(cfg);
}

static void
test_no_violation_accepts(void **state)
{
    (void)state;
    cg_config *cfg = config(BASE);
    const char *const in[] = { "b@example.com", NULL };
    const char *const platform_hdr[] = { "X-Platform-Message: yes", NULL };
    cg_result *none = verdict(FALSE, FALSE, FALSE);
    cg_decision d;
    cg_envelope e = envelope("x@elsewhere.test", in, platform_hdr);
    cg_policy_decide(cfg, &e, none, &d);
    assert_int_equal(d.action, CG_ACTION_ACCEPT);
    assert_int_equal(d.would, CG_ACTION_ACCEPT);
    assert_null(d.reason);
    assert_null(d.redirect_to);
    cg_result_free(none);
    cg_config_free(cfg);
}

static void
test_exemptions(void **state)
{
    (void)state;
    GString *text = g_string_new(BASE);
    g_string_append(text, "contact_exempt_senders = vip@elsewhere.test, partner.test\n"
                          "contact_exempt_recipients = support@example.com, help.example.com\n");
    cg_config *cfg = config(text->str);
    const char *const in[] = { "b@example.com", NULL };
    const char *const support[] = { "support@example.com", "x@help.example.com", NULL };
    const char *const partly[] = { "support@example.com", "b@example.com", NULL };
    const char *const plat[] = { "X-Platform-Message: yes", NULL };
    const char *const business[] = { "X-Platform-Message: yes", "X-Account-Plan: Business", NULL };
    const char *const free_plan[] = { "X-Platform-Message: yes", "X-Account-Plan: Free", NULL };
    const char *const contract[] = { "X-Platform-Message: yes", "X-Contract-Status: active", NULL };
    cg_result *contact = verdict(TRUE, FALSE, FALSE);
    cg_decision d;
    struct { const char *sender; const char *const *rcpts; const char *const *headers; const char *why; } cases[] = {
        { "x@elsewhere.test", in, business, "account plan" },
        { "x@elsewhere.test", in, contract, "contract" },
        { "vip@elsewhere.test", in, plat, "exempt sender" },
        { "a@mx.partner.test", in, plat, "exempt sender" },
        { "x@elsewhere.test", support, plat, "exempt recipients" },
        { "x@elsewhere.test", partly, plat, NULL },
        { "x@elsewhere.test", in, free_plan, NULL },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        cg_envelope e = envelope(cases[i].sender, cases[i].rcpts, cases[i].headers);
        cg_policy_decide(cfg, &e, contact, &d);
        if (cases[i].why) {
            assert_string_equal(d.cat[CG_CAT_CONTACT].exempt, cases[i].why);
            assert_int_equal(d.action, CG_ACTION_ACCEPT);
        } else {
            assert_null(d.cat[CG_CAT_CONTACT].exempt);
            assert_int_equal(d.action, CG_ACTION_QUARANTINE);
        }
    }
    cg_result_free(contact);
    cg_config_free(cfg);
    g_string_free(text, TRUE);
}

static void
test_trusted_networks(void **state)
{
    (void)state;
    GString *text = g_string_new(BASE);
    g_string_append(text, "trusted_networks = 192.0.2.0/24, 2001:db8::/32\n"
                          "confidential_exempt_trusted = no\n");
    cg_config *cfg = config(text->str);
    const char *const out[] = { "x@elsewhere.test", NULL };
    cg_envelope e = envelope("relay@gmail.test", out, NULL);
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_INBOUND);
    /* a client in a trusted network sends like an internal user, v4 and v6 */
    e.client_address = "192.0.2.77";
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_OUTBOUND);
    e.client_address = "2001:db8:5::1";
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_OUTBOUND);
    e.client_address = "198.51.100.1";
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_INBOUND);
    e.client_address = "2001:db9::1";
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_INBOUND);
    e.client_address = "not an address";
    assert_int_equal(cg_policy_flow(cfg, &e), CG_FLOW_INBOUND);

    /* so its confidential mail to outside is acted on */
    cg_result *conf = verdict(FALSE, TRUE, FALSE);
    cg_decision d;
    e.client_address = "192.0.2.1";
    cg_policy_decide(cfg, &e, conf, &d);
    assert_int_equal(d.action, CG_ACTION_QUARANTINE);
    assert_null(d.cat[CG_CAT_CONFIDENTIAL].exempt);

    assert_true(cg_network_matches("192.0.2.255", cfg->trusted_networks));
    assert_false(cg_network_matches("192.0.3.0", cfg->trusted_networks));
    assert_false(cg_network_matches(NULL, cfg->trusted_networks));
    assert_false(cg_network_matches("192.0.2.1", NULL));
    cg_result_free(conf);
    cg_config_free(cfg);
    g_string_free(text, TRUE);
}

static void
test_exempt_trusted(void **state)
{
    (void)state;
    GString *text = g_string_new(BASE);
    g_string_append(text, "trusted_networks = 192.0.2.0/24\n"
                          "contact_exempt_trusted = yes\n");
    cg_config *cfg = config(text->str);
    const char *const in[] = { "b@example.com", NULL };
    const char *const plat[] = { "X-Platform-Message: yes", NULL };
    cg_result *contact = verdict(TRUE, FALSE, FALSE);
    cg_decision d;

    cg_envelope e = envelope("x@elsewhere.test", in, plat);
    cg_policy_decide(cfg, &e, contact, &d);
    assert_int_equal(d.action, CG_ACTION_QUARANTINE);
    e.client_address = "192.0.2.9";
    cg_policy_decide(cfg, &e, contact, &d);
    assert_string_equal(d.cat[CG_CAT_CONTACT].exempt, "trusted network");
    assert_int_equal(d.action, CG_ACTION_ACCEPT);
    e.client_address = NULL;
    e.authenticated = TRUE;
    cg_policy_decide(cfg, &e, contact, &d);
    assert_string_equal(d.cat[CG_CAT_CONTACT].exempt, "authenticated sender");
    cg_config_free(cfg);

    /* off (the default), neither exempts */
    cfg = config(BASE);
    cg_policy_decide(cfg, &e, contact, &d);
    assert_null(d.cat[CG_CAT_CONTACT].exempt);
    assert_int_equal(d.action, CG_ACTION_QUARANTINE);
    cg_result_free(contact);
    cg_config_free(cfg);
    g_string_free(text, TRUE);
}

static void
test_contract_file_exempts(void **state)
{
    (void)state;
    char *path = NULL;
    int fd = g_file_open_tmp("cg-test-contracts-XXXXXX", &path, NULL);
    assert_true(fd >= 0);
    close(fd);
    assert_true(g_file_set_contents(path, "seller@market.test buyer@example.com\nagency@market.test\n", -1, NULL));
    GString *text = g_string_new(BASE);
    g_string_append_printf(text, "contract_file = %s\n", path);
    cg_config *cfg = config(text->str);
    g_unlink(path);
    const char *const buyer[] = { "buyer@example.com", NULL };
    const char *const buyer_and_other[] = { "buyer@example.com", "other@example.com", NULL };
    const char *const anyone[] = { "x@example.com", "y@example.com", NULL };
    cg_result *contact = verdict(TRUE, FALSE, FALSE);
    cg_decision d;
    struct { const char *sender; const char *const *rcpts; const char *why; } cases[] = {
        { "seller@market.test", buyer, "contract file" },
        { "Seller@Market.test", buyer, "contract file" },
        { "seller@market.test", buyer_and_other, NULL },   /* every recipient needs one */
        { "agency@market.test", anyone, "contract file" },
        { "other@market.test", buyer, NULL },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        cg_envelope e = envelope(cases[i].sender, cases[i].rcpts, NULL);
        cg_policy_decide(cfg, &e, contact, &d);
        assert_int_equal(d.flow, CG_FLOW_PLATFORM);
        if (cases[i].why)
            assert_string_equal(d.cat[CG_CAT_CONTACT].exempt, cases[i].why);
        else
            assert_null(d.cat[CG_CAT_CONTACT].exempt);
    }
    /* the other direction: the buyer writing to the seller */
    cg_envelope e = envelope("buyer@example.com", (const char *const[]){ "seller@market.test", NULL }, NULL);
    cg_policy_decide(cfg, &e, contact, &d);
    assert_string_equal(d.cat[CG_CAT_CONTACT].exempt, "contract file");
    cg_result_free(contact);
    cg_config_free(cfg);
    g_string_free(text, TRUE);
    g_free(path);
}

static void
test_strongest_action_wins(void **state)
{
    (void)state;
    /* every category acts on inbound mail, so each pair can be compared */
    static const char *const order[] = { "accept", "tag", "redirect", "quarantine", "discard", "reject" };
    const char *const in[] = { "b@example.com", NULL };
    for (size_t a = 0; a < G_N_ELEMENTS(order); a++)
        for (size_t b = 0; b < G_N_ELEMENTS(order); b++) {
            char *text = g_strdup_printf("contact_flows = inbound\nconfidential_flows = inbound\n"
                                         "contact_action = %s\nconfidential_action = %s\n"
                                         "contact_redirect_to = c@example.com\n"
                                         "confidential_redirect_to = f@example.com\n",
                                         order[a], order[b]);
            cg_config *cfg = config(text);
            cg_result *r = verdict(TRUE, TRUE, FALSE);
            cg_envelope e = envelope("x@elsewhere.test", in, NULL);
            cg_decision d;
            cg_policy_decide(cfg, &e, r, &d);
            size_t strongest = a >= b ? a : b;
            assert_string_equal(cg_action_name(d.action), order[strongest]);
            assert_string_equal(d.reason, a >= b ? "contact" : "confidential");
            if (strongest == 2)
                assert_string_equal(d.redirect_to, a >= b ? "c@example.com" : "f@example.com");
            else
                assert_null(d.redirect_to);
            cg_result_free(r);
            cg_config_free(cfg);
            g_free(text);
        }
}

static void
test_dry_run(void **state)
{
    (void)state;
    GString *text = g_string_new(BASE);
    g_string_append(text, "dry_run = yes\n");
    cg_config *cfg = config(text->str);
    const char *const in[] = { "b@example.com", NULL };
    const char *const plat[] = { "X-Platform-Message: yes", NULL };
    cg_result *contact = verdict(TRUE, FALSE, FALSE);
    cg_decision d;
    cg_envelope e = envelope("x@elsewhere.test", in, plat);
    cg_policy_decide(cfg, &e, contact, &d);
    assert_int_equal(d.action, CG_ACTION_TAG);
    assert_int_equal(d.would, CG_ACTION_QUARANTINE);
    char *s = cg_decision_summary(&d, contact);
    assert_string_equal(s, "tag; dry-run would=quarantine (contact); flow=platform; contact=0.90");
    g_free(s);
    cg_result_free(contact);
    cg_config_free(cfg);
    g_string_free(text, TRUE);
}

static void
add_finding(cg_result *r, cg_category c, const char *kind, const char *rule, const char *exception)
{
    cg_finding *f = g_new0(cg_finding, 1);
    f->category = c;
    f->kind = g_strdup(kind);
    f->rule = g_strdup(rule);
    f->exception = exception;
    g_ptr_array_add(r->cat[c].findings, f);
}

static void
test_summaries(void **state)
{
    (void)state;
    cg_config *cfg = config(BASE);
    const char *const in[] = { "b@example.com", NULL };
    const char *const business[] = { "X-Platform-Message: yes", "X-Account-Plan: Business", NULL };
    cg_result *r = verdict(TRUE, FALSE, FALSE);
    add_finding(r, CG_CAT_CONTACT, "email", "email.address", NULL);
    add_finding(r, CG_CAT_CONTACT, "email", "email.address", NULL);
    add_finding(r, CG_CAT_CONTACT, "phone", "phone.intl", NULL);
    add_finding(r, CG_CAT_CONTACT, "url", "url.support", "systems_access");
    add_finding(r, CG_CAT_MEDIA, "press", "media.request", NULL);
    char *f = cg_findings_summary(r);
    assert_string_equal(f, "contact: email/email.address phone/phone.intl; media: press/media.request");
    g_free(f);

    cg_decision d;
    cg_envelope e = envelope("x@elsewhere.test", in, business);
    cg_policy_decide(cfg, &e, r, &d);
    char *s = cg_decision_summary(&d, r);
    assert_string_equal(s, "clean; flow=platform; contact=0.90 (exempt: account plan)");
    g_free(s);
    cg_result_free(r);

    r = verdict(FALSE, FALSE, FALSE);
    f = cg_findings_summary(r);
    assert_string_equal(f, "");
    g_free(f);
    cg_result_free(r);
    cg_config_free(cfg);
}

static void
test_names(void **state)
{
    (void)state;
    assert_string_equal(cg_flow_name(CG_FLOW_INBOUND), "inbound");
    assert_string_equal(cg_flow_name(CG_FLOW_PLATFORM), "platform");
    assert_int_equal(cg_action_from_name("reject"), CG_ACTION_REJECT);
    assert_int_equal(cg_action_from_name("quarantine"), CG_ACTION_QUARANTINE);
    assert_int_equal(cg_action_from_name("nonsense"), CG_ACTION_ACCEPT);
    assert_string_equal(cg_action_name(CG_ACTION_DISCARD), "discard");
    cg_flow flow = CG_FLOW_INBOUND;
    assert_true(cg_flow_from_name("platform", &flow));
    assert_int_equal(flow, CG_FLOW_PLATFORM);
    assert_false(cg_flow_from_name("sideways", &flow));
    assert_int_equal(flow, CG_FLOW_PLATFORM);
}

/* A message cut short by a limit: scan decides on what was read; another
 * oversize_action is the least a watched message gets, never for mail no
 * category watches (other flows, exemptions). */
static void
test_oversize(void **state)
{
    (void)state;
    const char *const rcpts[] = { "buyer@elsewhere.test", NULL };
    const char *const platform[] = { "X-Platform-Message: yes", NULL };
    const char *const business[] = { "X-Platform-Message: yes", "X-Account-Plan: Business", NULL };
    cg_envelope env = envelope("seller@elsewhere.test", rcpts, platform);
    cg_result *clean = verdict(FALSE, FALSE, FALSE), *contact = verdict(TRUE, FALSE, FALSE);
    clean->truncated = contact->truncated = TRUE;
    cg_decision d;

    cg_config *cfg = config(BASE);
    assert_string_equal(cfg->oversize_action, "scan");
    cg_policy_decide(cfg, &env, clean, &d);
    assert_int_equal(d.action, CG_ACTION_ACCEPT);
    assert_null(d.reason);
    char *summary = cg_decision_summary(&d, clean);
    assert_string_equal(summary, "clean; flow=platform; truncated");
    g_free(summary);
    cg_policy_decide(cfg, &env, contact, &d);
    assert_int_equal(d.action, CG_ACTION_QUARANTINE);
    assert_string_equal(d.reason, "contact");
    cg_config_free(cfg);

    char *text = g_strconcat(BASE, "oversize_action = quarantine\n", NULL);
    cfg = config(text);
    cg_policy_decide(cfg, &env, clean, &d);
    assert_int_equal(d.action, CG_ACTION_QUARANTINE);
    assert_string_equal(d.reason, "oversize");
    summary = cg_decision_summary(&d, clean);
    assert_string_equal(summary, "quarantine (oversize); flow=platform; truncated");
    g_free(summary);
    /* a category asking for as much keeps the reason */
    cg_policy_decide(cfg, &env, contact, &d);
    assert_string_equal(d.reason, "contact");
    /* a message read to the end is not oversize */
    clean->truncated = FALSE;
    cg_policy_decide(cfg, &env, clean, &d);
    assert_int_equal(d.action, CG_ACTION_ACCEPT);
    clean->truncated = TRUE;
    /* media watches inbound mail, so that is held too ... */
    cg_envelope inbound = envelope("seller@elsewhere.test", rcpts, NULL);
    cg_policy_decide(cfg, &inbound, clean, &d);
    assert_int_equal(d.action, CG_ACTION_QUARANTINE);
    cg_config_free(cfg);
    g_free(text);

    /* ... unless media's exemption covers the recipients: then nothing watches it */
    text = g_strconcat(BASE, "oversize_action = quarantine\nmedia_exempt_recipients = elsewhere.test\n", NULL);
    cfg = config(text);
    cg_policy_decide(cfg, &inbound, clean, &d);
    assert_int_equal(d.action, CG_ACTION_ACCEPT);
    assert_string_equal(d.cat[CG_CAT_MEDIA].exempt, "exempt recipients");
    /* the contact exemption by account plan also exempts from the oversize action */
    env.header_data = business;
    cg_policy_decide(cfg, &env, clean, &d);
    assert_int_equal(d.action, CG_ACTION_ACCEPT);
    cg_config_free(cfg);
    g_free(text);

    /* a stronger verdict wins over the oversize action; dry run only tags */
    text = g_strconcat(BASE, "oversize_action = tag\ncontact_action = reject\n", NULL);
    cfg = config(text);
    env.header_data = platform;
    cg_policy_decide(cfg, &env, contact, &d);
    assert_int_equal(d.action, CG_ACTION_REJECT);
    cg_policy_decide(cfg, &env, clean, &d);
    assert_int_equal(d.action, CG_ACTION_TAG);
    assert_string_equal(d.reason, "oversize");
    cg_config_free(cfg);
    g_free(text);
    text = g_strconcat(BASE, "oversize_action = reject\ndry_run = yes\n", NULL);
    cfg = config(text);
    cg_policy_decide(cfg, &env, clean, &d);
    assert_int_equal(d.would, CG_ACTION_REJECT);
    assert_int_equal(d.action, CG_ACTION_TAG);
    cg_config_free(cfg);
    g_free(text);

    cg_result_free(clean);
    cg_result_free(contact);
}

/* A flow given by the caller overrides what the envelope would say. */
static void
test_decide_in_given_flow(void **state)
{
    (void)state;
    cg_config *cfg = config(BASE);
    const char *const rcpts[] = { "buyer@elsewhere.test", NULL };
    const char *const no_headers[] = { NULL };
    cg_envelope env = envelope("someone@outside.test", rcpts, no_headers);
    cg_result *r = verdict(TRUE, FALSE, FALSE);
    cg_decision d;
    cg_policy_decide(cfg, &env, r, &d);
    assert_int_equal(d.flow, CG_FLOW_INBOUND);
    assert_int_equal(d.action, CG_ACTION_ACCEPT);
    cg_policy_decide_in_flow(cfg, &env, CG_FLOW_PLATFORM, r, &d);
    assert_int_equal(d.flow, CG_FLOW_PLATFORM);
    assert_int_equal(d.action, CG_ACTION_QUARANTINE);
    assert_string_equal(d.reason, "contact");
    cg_result_free(r);
    cg_config_free(cfg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_address_matches),
        cmocka_unit_test(test_header_matches),
        cmocka_unit_test(test_flows),
        cmocka_unit_test(test_default_flows_per_category),
        cmocka_unit_test(test_scan_mask_follows_flows),
        cmocka_unit_test(test_no_violation_accepts),
        cmocka_unit_test(test_exemptions),
        cmocka_unit_test(test_trusted_networks),
        cmocka_unit_test(test_exempt_trusted),
        cmocka_unit_test(test_contract_file_exempts),
        cmocka_unit_test(test_strongest_action_wins),
        cmocka_unit_test(test_dry_run),
        cmocka_unit_test(test_summaries),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_decide_in_given_flow),
        cmocka_unit_test(test_oversize),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
