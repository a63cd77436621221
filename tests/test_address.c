/*
 * test_address.c -- the address rule family: street lines with postcodes and
 * cities in several countries, PO boxes, vCard/iCalendar fields, and the
 * numbers, postcodes and street words that are not addresses.
 */
#include "testutil.h"
#include "rules.h"

static void
expect_address(const char *body, const char *rule, const char *match)
{
    expect_contact_finding(body, "address", rule, match);
}

static void
expect_none(const char *body)
{
    char *got = contact_findings(body, "address");
    if (*got)
        fail_msg("\"%s\": wanted no address, got \"%s\"", body, got);
    g_free(got);
}

static void
test_english_speaking(void **state)
{
    (void)state;
    expect_address("Mail it to 1234 Maple Ave, Springfield, IL 62704 please", "address.postal",
                   "1234 Maple Ave, Springfield, IL 62704");
    expect_address("1234 Maple Ave., Suite 200, Springfield, IL 62704-1234", "address.postal",
                   "1234 Maple Ave., Suite 200, Springfield, IL 62704-1234");
    expect_address("221B Baker Street, London NW1 6XE", "address.postal",
                   "221B Baker Street, London NW1 6XE");
    expect_address("123 Main St, Toronto, ON M5V 2T6", "address.postal",
                   "123 Main St, Toronto, ON M5V 2T6");
    expect_address("Flat 4B, 12 MG Road, Bengaluru 560001", "address.postal",
                   "12 MG Road, Bengaluru 560001");
    expect_address("45 Gandhi Nagar, Jaipur - 302015", "address.postal",
                   "45 Gandhi Nagar, Jaipur - 302015");
    expect_address("221B Baker Street, London.", "address.street-city", "221B Baker Street, London");
    expect_address("office on MG Road, Bengaluru 560001", "address.street-postcode",
                   "MG Road, Bengaluru 560001");
    expect_contact_violation("we're at 4127 Larkspur Avenue, Suite 210, Maple Falls, OR 97999", TRUE);
}

static void
test_european(void **state)
{
    (void)state;
    expect_address("Musterstraße 12, 10115 Berlin", "address.postal", "Musterstraße 12, 10115 Berlin");
    expect_address("MUSTERSTRASSE 12, 10115 Berlin", "address.postal",
                   "MUSTERSTRASSE 12, 10115 Berlin");
    expect_address("Berliner Straße 3a, 10115 Berlin", "address.postal",
                   "Berliner Straße 3a, 10115 Berlin");
    expect_address("12 rue de la Paix, 75002 Paris", "address.postal", "12 rue de la Paix, 75002 Paris");
    expect_address("8, boulevard Saint-Germain, 75005 Paris", "address.postal",
                   "8, boulevard Saint-Germain, 75005 Paris");
    /* "º" is "o" after NFKC, then "0" inside a digit token. */
    expect_address("Calle Mayor 5, 3º B, 28013 Madrid", "address.postal",
                   "Calle Mayor 5, 30 B, 28013 Madrid");
    expect_address("C/ Mayor 5, 28013 Madrid", "address.postal", "C/ Mayor 5, 28013 Madrid");
    expect_address("Rua das Flores, 123, Apto 45, São Paulo - SP, 01234-567", "address.postal",
                   "Rua das Flores, 123, Apto 45, São Paulo - SP, 01234-567");
    expect_address("Av. Paulista 1000, São Paulo - SP", "address.street-city",
                   "Av. Paulista 1000, São Paulo");
    expect_address("Paseo de la Castellana 100, 28046 Madrid", "address.postal",
                   "Paseo de la Castellana 100, 28046 Madrid");
    expect_address("Keizersgracht 123, 1015 CJ Amsterdam", "address.postal",
                   "Keizersgracht 123, 1015 CJ Amsterdam");
    expect_address("Via Roma 1, 00184 Roma", "address.postal", "Via Roma 1, 00184 Roma");
    /* The address ends with its city, not on the next line's first word. */
    expect_address("Musterweg 41, 10435 Berlin\n\nSobald", "address.postal",
                   "Musterweg 41, 10435 Berlin");
}

static void
test_multi_line_and_boxes(void **state)
{
    (void)state;
    expect_address("Hannah\n18 Mill Lane, Apt 3B\nWestbrook Falls, VT 05999\n", "address.postal",
                   "18 Mill Lane, Apt 3B\nWestbrook Falls, VT 05999");
    expect_address("Firma\nHauptstr. 5\n10115 Berlin", "address.postal", "Hauptstr. 5\n10115 Berlin");
    expect_address("P.O. Box 123, Springfield, IL 62704", "address.po-box",
                   "P.O. Box 123, Springfield, IL 62704");
    expect_address("Postfach 10 02 03, 10115 Berlin", "address.po-box",
                   "Postfach 10 02 03, 10115 Berlin");
    expect_address("Apartado de Correos 45, 28080 Madrid", "address.po-box",
                   "Apartado de Correos 45, 28080 Madrid");
    expect_address("Caixa Postal 45, 01234-567 São Paulo", "address.po-box",
                   "Caixa Postal 45, 01234-567");
}

static void
test_calendar_and_vcard(void **state)
{
    (void)state;
    expect_address("BEGIN:VCARD\nADR;TYPE=work:;;123 Main St;Springfield;IL;62704;USA\nEND:VCARD",
                   "address.vcard", ";;123 Main St;Springfield;IL;62704;USA");
    expect_none("BEGIN:VCARD\nADR;TYPE=home:;;;;;;\nEND:VCARD");
    expect_address("BEGIN:VEVENT\nLOCATION:221B Baker Street\\, London NW1 6XE\nEND:VEVENT",
                   "address.postal", "221B Baker Street\\, London NW1 6XE");
    expect_none("BEGIN:VEVENT\nLOCATION:Conference Room B\nEND:VEVENT");
}

static void
test_street_alone_needs_context(void **state)
{
    (void)state;
    expect_address("the shop on 12 Baker Street", "address.street", "12 Baker Street");
    expect_contact_violation("the shop on 12 Baker Street", FALSE);
    /* A year is not a postcode. */
    expect_address("see 12 Main Street, 2024 Annual Report", "address.street", "12 Main Street");
    expect_address("my address is 12 Baker Street", "address.street-context", "12 Baker Street");
    expect_contact_violation("my address is 12 Baker Street", TRUE);
    expect_contact_violation("Meine Anschrift: Hauptstr. 5", TRUE);
    expect_contact_violation("Meu endereço é Rua das Flores, 123", TRUE);
    expect_contact_violation("Mi dirección: Calle Mayor 5", TRUE);
    expect_contact_violation("just come to 12 Baker Street on Monday", TRUE);
}

static void
test_not_addresses(void **state)
{
    (void)state;
    expect_none("we deliver to 10115, 10117 and 10119");
    expect_none("we only deliver to ZIP codes 94107, 94110 and 94124 for now, minimum order $35");
    expect_none("I love London, Berlin and Paris.");
    expect_none("Check Google Street View for 3 Street View images");
    expect_none("it costs $12 Main Street Deli prices");
    expect_none("meeting at 10:30 Central Park Place on 2024-05-01");
    expect_none("version 2.3 Road Map, build 1.2.3 Drive");
    expect_none("we're on the 3rd floor");
    expect_none("Main Street is our product name, see Main Street Pro 2.0");
    expect_none("we have 12 Designers Working on it");
    expect_none("see page 12 Chapter Three");
    expect_none("int x = 12; Street s = new Street(5); // 3 Street");
    expect_none("Share the 2 Google Drive folders");
    expect_none("Spring 2024 release, Arbeitsweg 2024");
    expect_none("send via Slack 2 times");
    expect_none("Smith et al. Nature 2019, Cambridge");
    expect_none("Windows 11 Pro Drive C: and Tier 3 Support Lane, see Section 4 Data Place");
    expect_none("I scored 1st Place in 2019, Boston");
    expect_none("Main Street, Springfield edition");
}

/* Scan body with only the address family enabled, so its patterns alone are measured. */
static void
scan_with_address_family_only(cg_engine *engine, const char *body)
{
    char *raw = g_strdup_printf("From: a@b.example\nTo: c@d.example\nSubject: t\n"
                                "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n%s\n",
                                body);
    cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &test_limits, NULL);
    assert_non_null(msg);
    cg_result_free(cg_engine_scan(engine, msg));
    cg_message_free(msg);
    g_free(raw);
}

static void
test_scan_limits_hold(void **state)
{
    (void)state;
    static const char *const units[] = {
        "12 Street ", "12 Main Street, ", "Calle Mayor 5, ", "Musterstraße 1 ", "Main Street, ",
        "Aa Bb Cc Dd ", "1 Aa, ", "Zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        "Musterstraßestraßestraßestraße", "rue de la de la de la ", "P.O. Box 1, ",
    };
    cg_config *cfg = cg_config_new_default();
    g_strfreev(cfg->contact_rules);
    cfg->contact_rules = g_strsplit("address", " ", -1);
    cg_engine *engine = cg_engine_new(cfg, NULL);
    assert_non_null(engine);
    unsigned long hits_before = cg_regex_limit_hits();
    for (size_t u = 0; u < G_N_ELEMENTS(units); u++) {
        GString *s = g_string_new(NULL);
        while (s->len < 1024 * 1024)
            g_string_append(s, units[u]);
        scan_with_address_family_only(engine, s->str);
        g_string_free(s, TRUE);
        if (cg_regex_limit_hits() != hits_before)
            fail_msg("\"%s\" repeated hit a match limit", units[u]);
    }
    cg_engine_free(engine);
    cg_config_free(cfg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_speaking),
        cmocka_unit_test(test_european),
        cmocka_unit_test(test_multi_line_and_boxes),
        cmocka_unit_test(test_calendar_and_vcard),
        cmocka_unit_test(test_street_alone_needs_context),
        cmocka_unit_test(test_not_addresses),
        cmocka_unit_test(test_scan_limits_hold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
