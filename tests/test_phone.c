/*
 * test_phone.c -- the phone rule family: numbers in digits, words and links, and near misses.
 */
#include "testutil.h"
#include "rules.h"

/* The best phone finding in body: its rule, match and score (rule NULL if none). */
typedef struct {
    char *rule, *match;
    double score;
} best_phone;

static best_phone
phone_in(const char *body)
{
    cg_result *r = scan_text(body);
    best_phone best = {NULL, NULL, 0};
    GPtrArray *f = r->cat[CG_CAT_CONTACT].findings;
    for (guint i = 0; i < f->len; i++) {
        const cg_finding *x = g_ptr_array_index(f, i);
        if (strcmp(x->kind, "phone") == 0 && x->score > best.score) {
            g_free(best.rule);
            g_free(best.match);
            best = (best_phone){g_strdup(x->rule), g_strdup(x->match), x->score};
        }
    }
    cg_result_free(r);
    return best;
}

static void
best_clear(best_phone *b)
{
    g_free(b->rule);
    g_free(b->match);
}

/* body holds a phone number: rule and match as given, score at least min_score. */
static void
expect_phone(const char *body, const char *rule, const char *match, double min_score)
{
    best_phone b = phone_in(body);
    if (!b.rule || strcmp(b.rule, rule) != 0 || strcmp(b.match, match) != 0 || b.score < min_score)
        fail_msg("\"%s\": wanted %s|%s >= %.2f, got %s|%s %.2f", body, rule, match, min_score,
                 b.rule ? b.rule : "-", b.match ? b.match : "-", b.score);
    best_clear(&b);
}

/* body holds no phone number scored at or above max_score. */
static void
expect_below(const char *body, double max_score)
{
    best_phone b = phone_in(body);
    if (b.rule && b.score >= max_score)
        fail_msg("\"%s\": wanted nothing >= %.2f, got %s|%s %.2f", body, max_score, b.rule,
                 b.match, b.score);
    best_clear(&b);
}

static void
test_international_formats(void **state)
{
    (void)state;
    expect_phone("ring me on +44 20 7946 0123 tomorrow", "phone.number", "+44 20 7946 0123", 0.8);
    expect_phone("Sie erreichen mich unter 0049 30 1234567.", "phone.number", "0049 30 1234567", 0.8);
    expect_phone("My no. is +91 98765 43210", "phone.number", "+91 98765 43210", 0.8);
    expect_phone("(415) 555-0142 after six", "phone.number", "(415) 555-0142", 0.8);
    expect_phone("me chama no zap: +55 11 95550-0132", "phone.number", "+55 11 95550-0132", 0.8);
    expect_phone("+61 491 570 156", "phone.number", "+61 491 570 156", 0.8);
    expect_phone("My Viber: +380 44 555 0163 - send files there", "phone.number",
                 "+380 44 555 0163", 0.8);
    expect_phone("Büro 030 7946 0123", "phone.number", "030 7946 0123", 0.8);
    expect_phone("mon portable : 06 12 34 56 78", "phone.number", "06 12 34 56 78", 0.8);
    /* A country code that does not exist is not an international number. */
    expect_below("+0 555 123 4567", 0.6);
    expect_below("+1 155 555 0142", 0.6);      /* NANP area codes start with 2-9 */
    expect_below("+1 415 155 0142", 0.6);      /* and so do exchanges */
}

static void
test_separators(void **state)
{
    (void)state;
    expect_phone("cell 206.555.0119", "phone.number", "206.555.0119", 0.8);
    expect_phone("415/555/0142", "phone.number", "415/555/0142", 0.8);
    expect_phone("4~1~5~5~5~5~0~1~4~2 after 6pm", "phone.number", "4~1~5~5~5~5~0~1~4~2", 0.8);
    expect_phone("(4~1~5) 5*5*5 0|1|4|2", "phone.number", "(4~1~5) 5*5*5 0|1|4|2", 0.8);
    expect_phone("text: 7-1-8-5-5-5-0-1-2-9", "phone.number", "7-1-8-5-5-5-0-1-2-9", 0.8);
    expect_phone("call 4 1 5 5 5 5 0 1 4 2", "phone.number", "4155550142", 0.8);
    expect_phone("+1 415\xe2\x80\x93" "555\xe2\x80\x93" "0142", "phone.number",
                 "+1 415\xe2\x80\x93" "555\xe2\x80\x93" "0142", 0.8);
    /* Split over lines, with an unrelated number on the line before. */
    expect_phone("reach me on\n+61 491\n570 156\nafter 5pm", "phone.number", "+61 491\n570 156", 0.8);
    expect_phone("office (415) 555-0142 / cell (415) 555-0199", "phone.number", "(415) 555-0199", 0.8);
    expect_phone("(415) 555-0142 / (415) 555-0199", "phone.number", "(415) 555-0142", 0.8);
    expect_phone("ZIP 94999\n(415) 555-0194", "phone.number", "(415) 555-0194", 0.8);
}

static void
test_other_scripts_and_lookalikes(void **state)
{
    (void)state;
    /* Fullwidth and Arabic-Indic digits, Cyrillic look-alikes, zero-width joiners. */
    expect_phone("tel \xef\xbc\x8b\xef\xbc\x91 \xef\xbc\x88\xef\xbc\x94\xef\xbc\x91\xef\xbc\x95\xef\xbc\x89 "
                 "\xef\xbc\x95\xef\xbc\x95\xef\xbc\x95\xef\xbc\x8d\xef\xbc\x90\xef\xbc\x91\xef\xbc\x96\xef\xbc\x92",
                 "phone.number", "+1 (415) 555-0162", 0.8);
    expect_phone("whatsapp +\xd9\xa1 \xd9\xa2\xd9\xa1\xd9\xa2 \xd9\xa5\xd9\xa5\xd9\xa5 \xd9\xa0\xd9\xa1\xd9\xa5\xd9\xa8",
                 "phone.number", "+1 212 555 0158", 0.8);
    expect_phone("WhatsApp +44 7\xd0\x97" "00 9\xd0\x9e\xd0\x9e" "123", "phone.number", "+44 7300 900123", 0.8);
    expect_phone("call (303) 555\xe2\x80\x8b-01\xe2\x80\x8d" "91", "phone.number", "(303) 555-0191", 0.8);
}

static void
test_spelled(void **state)
{
    (void)state;
    expect_phone("on phone: four one five, five five five, zero one seven three", "phone.spelled",
                 "four one five, five five five, zero one seven three", 0.85);
    expect_phone("five five five, oh one four two, double eight 3 1", "phone.spelled",
                 "five five five, oh one four two, double eight 3 1", 0.85);
    expect_phone("my number is five-five-five oh one 2 eight, area code 773", "phone.spelled",
                 "five-five-five oh one 2 eight", 0.85);
    expect_phone("five 5 five O 1 4 2", "phone.spelled", "five 5 five O 1 4 2", 0.85);
    expect_phone("fifty-five, fifty-five, triple 0, twelve", "phone.spelled",
                 "fifty-five, fifty-five, triple 0, twelve", 0.85);
    expect_phone("mi número es tres uno dos, cinco cinco cinco, cero uno cuatro nueve", "phone.spelled",
                 "tres uno dos, cinco cinco cinco, cero uno cuatro nueve", 0.85);
    expect_phone("treinta y cinco, doble cinco, cero uno cuatro", "phone.spelled",
                 "treinta y cinco, doble cinco, cero uno cuatro", 0.85);
    expect_phone("zero um um, nove oito sete, seis cinco quatro", "phone.spelled",
                 "zero um um, nove oito sete, seis cinco quatro", 0.85);
    expect_phone("z\xc3\xa9ro six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
                 "phone.spelled", "z\xc3\xa9ro six, douze, trente-quatre, cinquante-six, soixante-dix-huit", 0.85);
    expect_phone("Handy: null eins sieben zwei, f\xc3\xbcnf f\xc3\xbcnf f\xc3\xbcnf, "
                 "dreiundzwanzig", "phone.spelled",
                 "null eins sieben zwei, f\xc3\xbcnf f\xc3\xbcnf f\xc3\xbcnf, dreiundzwanzig", 0.85);
    expect_phone("for80 2sixseven one9zerofor", "phone.spelled", "for80 2sixseven one9zerofor", 0.85);
    expect_below("I waited for two hours to get eight or nine tickets for one show", 0.1);
    expect_phone("fivefivefive oh one four two", "phone.spelled", "fivefivefive oh one four two", 0.85);
    /* A tens word then a teen is one number only below a hundred
     * (soixante-dix): "ninety nineteen" is 90 19, not a digit "10" (the
     * sanitizer build caught it reading past a ten-digit count). */
    expect_phone("ninety nineteen, five five five, one two", "phone.spelled",
                 "ninety nineteen, five five five, one two", 0.85);
    /* Fewer than seven digits is not a phone number. */
    expect_below("one or two, maybe three or four", 0.1);
    expect_below("page one, two, three, four, five, six, seven", 0.1);   /* counting */
    expect_below("step one: two 2025 0614 1430", 0.6);                   /* mostly digits */
}

static void
test_links_and_apps(void **state)
{
    (void)state;
    expect_phone("message me here wa.me/13125550176 ok", "phone.link", "13125550176", 0.9);
    expect_phone("<tel:+14155550142>", "phone.link", "+14155550142", 0.9);
    expect_phone("my WhatsApp is +44 7700 900418", "phone.number", "+44 7700 900418", 0.9);
    expect_phone("I'm on Signal: 917 555 0176", "phone.number", "917 555 0176", 0.85);
}

static void
test_scores(void **state)
{
    (void)state;
    /* Bare 7-9 digit runs are weak evidence alone, and stronger after a context word. */
    expect_below("the code is 5550142 ok", 0.6);
    expect_below("see 555-0142", 0.6);
    expect_phone("Telefon: 555-0142", "phone.number", "555-0142", 0.8);
    expect_phone("m\xc3\xb3vil 612 345 678", "phone.number", "612 345 678", 0.8);
    expect_below("we shipped 4155550142 units", 0.6);
    /* Outside the plans checked, only a context word makes a number. */
    expect_phone("fone: (11) 98765-4321", "phone.number", "(11) 98765-4321", 0.8);
    expect_below("(11) 98765-4321", 0.6);
}

static void
test_not_phones(void **state)
{
    (void)state;
    /* Numbered lists, one number per line or per token. */
    expect_below("Steps\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", 0.6);
    expect_below("rows 4 5 6 7 8 9 10 11 12", 0.6);
    static const char *const clean[] = {
        "Quote $4,150.55 for 3 pages, due 2025-06-14 14:30",
        "Ihr Angebot \xc3\xbc" "ber 1.500 \xe2\x82\xac netto, Lieferung in KW 23",
        "or\xc3\xa7" "amento de R$ 2.000,00 e R$ 3.500.000,00",
        "budget 1 250 000 EUR",
        "available 14/06/2025 10:00 - 12:00 or 2025-06-14 14:30",
        "dates 14.06.2025 and 06/14/2025",
        "between 2019-2024 we grew",
        "Order #4155550142 shipped, tracking 1Z999AA10123456784",
        "order 4155550142 and invoice 7735550199",
        "Rechnung 2025 0042 117 und Auftrag 555 0142 999",
        "pedido 5550 1234 567, factura 98765 4321, commande 06 12 34 56 78",
        "ticket 8 555 0142, ref 2125550142, PO 3125550100, case 6465550187",
        "Upgrade to v10.4.2 and ping 192.168.10.142 or 203.0.113.17:8080",
        "commit 4f9a2c1 7e5b3d29a1c0ffee and hash 9f86d081884c7d659a2feaa0c55ad015",
        "See pages 211-227 (2003), ISBN 978-0-306-40615-7",
        "ISBN 9780306406157",
        "we deliver to ZIP codes 94107, 94110 and 94124",
        "card 4111 1111 1111 1111 or 4012 8888 8888 1881",
        "test card 378282246310005",
        "artwork 3000 x 2000 px, 4500 \xc3\x97 5400 px at 300 dpi, 2,000 units",
        "SKU TS-555-0192-BLK and TS-555-0193-WHT",
        "mask +1 (___) ___-____ or (###) ###-#### stored as +1XXXXXXXXXX",
        "E.164 format like +15550000000 or +1 555 555 5555",
        "I'm in UTC+05:30, GMT+5:30, so 09:30-11:30 your time",
        "durations: 6-8 hours, 3-5 days, 10 - 12 weeks",
        "numbers 1234567890 and 0123456789 are examples",
        "https://gigloft.example.com/messages/th_8812031 and /p/FZ-211907",
        "https://example.com/item/4155550142",
        "uno o dos o tres",
        "Gewerbeanmeldung Nr. 12-0487/2019, Bezirksamt Pankow",
        "Registro n\xc2\xba 1987654321 and Aktenzeichen Nr. 1987654321",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(clean); i++)
        expect_below(clean[i], 0.6);
}

static void
test_adversarial(void **state)
{
    (void)state;
    /* About 1 MB each of digit runs, separators and number words, through the
     * phone family alone: no finding in a run far longer than any number (make bench
     * measures how long they take). */
    cg_config *cfg = cg_config_new_default();
    g_strfreev(cfg->contact_rules);
    cfg->contact_rules = g_strsplit("phone", " ", -1);
    cg_engine *engine = cg_engine_new(cfg, NULL);
    assert_non_null(engine);
    const char *const pieces[] = {
        "1", "12 ", "4-", "(4) ", "0\n", "one ", "five-five ", "fivefive", "double ", "o ",
    };
    for (size_t p = 0; p < G_N_ELEMENTS(pieces); p++) {
        GString *s = g_string_new("From: a@b.example\nTo: c@d.example\nSubject: t\n"
                                  "Content-Type: text/plain; charset=utf-8\n\n");
        while (s->len < 1000000)
            g_string_append(s, pieces[p]);
        cg_message *msg = cg_message_parse_bytes(s->str, s->len, &test_limits, NULL);
        assert_non_null(msg);
        cg_result *r = cg_engine_scan(engine, msg);
        if (r->cat[CG_CAT_CONTACT].findings->len != 0)
            fail_msg("\"%s\" x 1 MB: %u findings", pieces[p], r->cat[CG_CAT_CONTACT].findings->len);
        cg_result_free(r);
        cg_message_free(msg);
        g_string_free(s, TRUE);
    }
    assert_int_equal(cg_regex_limit_hits(), 0);
    cg_engine_free(engine);
    cg_config_free(cfg);
}

/* Every kind of word start the scan's start tables let through (one byte,
 * two, three, four or more, capitals, letters of 0x80 or more, digits,
 * run-together words) inside a number: a start table that loses one breaks
 * the number in two, each too short. */
static void
test_spelled_word_starts(void **state)
{
    (void)state;
    static const char *const tokens[] = {
        "o", "O", "y", "e", "oh", "OH", "Oh", "um", "un", "et", "UND", "to2", "for80", "2ate", "dos",
        "DOS", "dez", "elf", "Elf", "six", "SIX", "ten", "and", "null", "zwei", "ZWEI", "Vier",
        "f\xc3\xbcnf", "F\xc3\x9cNF", "z\xc3\xa9ro", "Z\xc3\x89RO", "zw\xc3\xb6lf", "dreiundzwanzig",
        "fivefive", "NinetyNine", "soixante", "quatorze", "diecis\xc3\xa9is", "triple 3", "doppel 8",
        "meia", "3", "42", "2sixseven", "one9zerofor",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(tokens); i++) {
        char *match = g_strdup_printf("five five five %s one two three four", tokens[i]);
        char *body = g_strdup_printf("call %s today", match);
        expect_phone(body, "phone.spelled", match, 0.85);
        g_free(body);
        g_free(match);
    }
}

/* A word running into a number through every printable ASCII character and
 * two others, found as with the word cut to its first letter: the word long
 * enough to cross the eight-byte steps of the scan at every offset, and
 * made of number words after its first letter so that a start mistaken
 * inside it joins the number.  For a few joins, words before it move it
 * through the steps, so that a short one crosses into the text's end too. */
static void
test_spelled_after_long_words(void **state)
{
    (void)state;
    GPtrArray *joins = g_ptr_array_new_with_free_func(g_free);
    for (char c = 0x21; c < 0x7f; c++)
        g_ptr_array_add(joins, g_strdup_printf("%c", c));
    g_ptr_array_add(joins, g_strdup("\xc3\xa9"));      /* a letter */
    g_ptr_array_add(joins, g_strdup("\xe2\x80\x94")); /* a dash */
    unsigned found = 0;
    for (guint j = 0; j < joins->len; j++) {
        const char *join = g_ptr_array_index(joins, j);
        int pads = strchr(" -z", join[0]) || (guchar)join[0] >= 0x80 ? 32 : 4;
        for (int pad = 0; pad < pads; pad++) {
            GString *body = g_string_new(NULL);
            for (int p = 0; p < pad; p++)
                g_string_append(body, "q ");
            g_string_append_c(body, 'x');
            gsize word_end = body->len;
            g_string_append_printf(body, "%s%s", join, "five five five oh one four two eight eight");
            best_phone want = phone_in(body->str);
            found += want.rule != NULL;
            for (int fives = 0; fives < 18; fives++) {
                g_string_insert(body, word_end, "five");
                best_phone got = phone_in(body->str);
                if (g_strcmp0(got.rule, want.rule) || g_strcmp0(got.match, want.match) || got.score != want.score)
                    fail_msg("\"%s\": got %s, with the word cut short %s", body->str,
                             got.match ? got.match : "-", want.match ? want.match : "-");
                best_clear(&got);
            }
            best_clear(&want);
            g_string_free(body, TRUE);
        }
    }
    assert_true(found > 300);
    g_ptr_array_free(joins, TRUE);
}

/* A digit run with a currency or unit right before or after is an amount,
 * in any case: every one of the lists, so that none is passed over. */
static void
test_amounts(void **state)
{
    (void)state;
    static const char *const before[] = { "$", "\xe2\x82\xac", "\xc2\xa3", "USD ", "eur ", "Chf " };
    static const char *const after[] = {
        "%", " px", "pt", " MM", "kg", " units", " Pages", " copies", " x 2", "\xc3\x97", " usd",
        " EUR", " reais", " Dollar", " pesos", "\xe2\x82\xac", " \xe2\x82\xb9",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(before); i++) {
        char *body = g_strdup_printf("call %s415 555 0142 now", before[i]);
        expect_below(body, 0.5);
        g_free(body);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(after); i++) {
        char *body = g_strdup_printf("call 415 555 0142%s now", after[i]);
        expect_below(body, 0.5);
        g_free(body);
    }
    expect_phone("call 415 555 0142 now", "phone.number", "415 555 0142", 0.5);
}

/* A number in digits after every length of text without digits, so that its
 * first digit falls at every byte of the sixteen the digit search reads at
 * once, and among the last bytes it reads one by one. */
static void
test_digits_at_every_offset(void **state)
{
    (void)state;
    for (int pad = 0; pad < 40; pad++) {
        char *lead = g_strnfill(pad, 'x');
        char *body = g_strdup_printf("%s ring me on +44 20 7946 0123", lead);
        expect_phone(body, "phone.number", "+44 20 7946 0123", 0.8);
        g_free(body);
        g_free(lead);
    }
}

/* Runs with fewer than seven digits are not judged: a number of exactly
 * seven, alone or split into groups every way, still is, and six are not. */
static void
test_seven_digits_in_any_groups(void **state)
{
    (void)state;
    static const char digits[] = "8675309";
    for (unsigned splits = 0; splits < 64; splits++) {
        GString *number = g_string_new(NULL);
        for (unsigned k = 0; k < 7; k++) {
            if (k > 0 && (splits >> (k - 1) & 1))
                g_string_append_c(number, ' ');
            g_string_append_c(number, digits[k]);
        }
        /* the normaliser joins runs of five single digits: compare the digits */
        char *body = g_strdup_printf("call %s today", number->str);
        best_phone b = phone_in(body);
        GString *found = g_string_new(NULL);
        for (const char *c = b.match ? b.match : ""; *c; c++)
            if (*c != ' ')
                g_string_append_c(found, *c);
        if (!b.rule || strcmp(found->str, digits) != 0)
            fail_msg("\"%s\": wanted %s, got %s", body, digits, b.match ? b.match : "-");
        g_string_free(found, TRUE);
        best_clear(&b);
        g_free(body);
        g_string_free(number, TRUE);
    }
    expect_below("call 867 530 today", 0.01);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_international_formats),
        cmocka_unit_test(test_separators),
        cmocka_unit_test(test_other_scripts_and_lookalikes),
        cmocka_unit_test(test_spelled),
        cmocka_unit_test(test_spelled_word_starts),
        cmocka_unit_test(test_spelled_after_long_words),
        cmocka_unit_test(test_digits_at_every_offset),
        cmocka_unit_test(test_seven_digits_in_any_groups),
        cmocka_unit_test(test_amounts),
        cmocka_unit_test(test_links_and_apps),
        cmocka_unit_test(test_scores),
        cmocka_unit_test(test_not_phones),
        cmocka_unit_test(test_adversarial),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
