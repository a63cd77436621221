/*
 * test_confidential.c -- the confidential detector: each kind of disclosure,
 * in English and another language, and the near misses that must stay quiet
 * (public figures, ordinary correspondence, legal footers).
 */
#include "testutil.h"
#include "detectors.h"

#include <glib/gstdio.h>

static gboolean
has_kind(const cg_result *r, const char *kind)
{
    const GPtrArray *f = r->cat[CG_CAT_CONFIDENTIAL].findings;
    for (guint i = 0; i < f->len; i++)
        if (strcmp(((const cg_finding *)g_ptr_array_index(f, i))->kind, kind) == 0)
            return TRUE;
    return FALSE;
}

/* body's verdict must be violation, and (when kind is set) a finding of kind must be there. */
static void
expect(const char *body, gboolean violation, const char *kind)
{
    cg_result *r = scan_text(body);
    const cg_category_result *c = &r->cat[CG_CAT_CONFIDENTIAL];
    if (c->violation != violation)
        fail_msg("\"%s\": violation should be %d (score %.2f)", body, violation, c->score);
    if (kind && !has_kind(r, kind))
        fail_msg("\"%s\": no %s finding", body, kind);
    cg_result_free(r);
}

static void test_metric(void **state)
{
    (void)state;
    expect("Between us, net revenue retention slipped to 94% in Q2 and MRR is $1.3M.", TRUE, "metric");
    expect("Te cuento en privado: los ingresos del trimestre fueron 12,4 millones, todavía no publicados.",
           TRUE, "metric");
    /* a metric word with no figure, and public figures */
    expect("How is revenue looking these days? Hope the team is well.", FALSE, NULL);
    expect("As stated in our published annual report, revenue was $90M in FY24 and margin 11%.", FALSE, NULL);
    expect("Wie in der Pressemitteilung veröffentlicht: Umsatz 2024 bei 40 Mio. EUR.", FALSE, NULL);
}

static void test_forecast_and_strategy(void **state)
{
    (void)state;
    expect("Attached is the internal forecast for next year, please keep it to yourself.", TRUE, "forecast");
    expect("Heads-up, not public yet: we plan to acquire a small analytics startup in Q4.", TRUE, "strategy");
    expect("Nos prévisions internes pour 2026 : 30 M€, ne le dis surtout pas.", TRUE, "forecast");
    expect("A diretoria aprovou o aumento de preços em 10% para agosto, ainda não foi anunciado.", TRUE,
           "strategy");
    /* a public roadmap post */
    expect("Our public roadmap is on the blog post we published last week: https://example.com/roadmap",
           FALSE, NULL);
}

static void test_process_internal_secret(void **state)
{
    (void)state;
    expect("Copied from the on-call runbook: page the DBA if lag exceeds 30 seconds. Don't share this.",
           TRUE, "process");
    expect("Fwd of the internal memo from the all-hands, nothing public yet.", TRUE, "internal");
    expect("Our scoring thresholds are 0.72 and 0.9; it's proprietary so don't repeat it.", TRUE,
           "trade_secret");
    expect("La fórmula exacta: 3,5 % de arcilla y 1 % de aceite, no compartir con nadie.", TRUE,
           "trade_secret");
    /* a talk abstract about algorithms in general */
    expect("Abstract: this talk compares ranking algorithms on public datasets. Length: 30 minutes.",
           FALSE, NULL);
}

static void test_metric_needs_figure_and_period(void **state)
{
    (void)state;
    /* a metric, a figure and a period together are a disclosure on their own */
    expect("Paid conversion is 3.1% this month and runway is about 14 months.", TRUE, "metric");
    expect("We burn roughly $220k a month right now.", TRUE, "metric");
    /* a metric word without numbers, or numbers someone published */
    expect("Retention matters more than acquisition for a subscription product.", FALSE, NULL);
    expect("Our revenue grew 9% in 2024, as our published annual report shows.", FALSE, NULL);
}

/* A figure qualifies a metric within 90 bytes of the view on either side:
 * after, when it starts by the metric's end + 90; before, when it ends by
 * the metric's start - 90 or later.  One filler byte more is too far. */
static void test_figure_reach(void **state)
{
    (void)state;
    for (int extra = 0; extra <= 1; extra++) {
        char *filler = g_strnfill(82 + extra, 'z');
        char *after = g_strdup_printf("Churn in Q2 %s 3.1%%", filler);  /* "3" at 12 + 82 + 1 = 5 + 90 */
        expect(after, !extra, NULL);
        g_free(filler);
        filler = g_strnfill(88 + extra, 'z');
        char *before = g_strdup_printf("3.1%% %s churn in Q2", filler); /* "churn" at 4 + 90 */
        expect(before, !extra, NULL);
        g_free(filler);
        g_free(after);
        g_free(before);
    }
}

static void test_corroborated_strategy(void **state)
{
    (void)state;
    /* two independent pieces of the same plan */
    expect("We're in talks to acquire a payroll startup and the term sheet lands in March.", TRUE,
           "strategy");
    expect("The Basic tier goes from $9 to $12 from 1 June; customers get the email next month.", TRUE,
           "strategy");
}

static void test_hr(void **state)
{
    (void)state;
    expect("Off the record: they put Sam on a performance improvement plan last week.", TRUE, "hr");
    expect("Bitte nicht weitergeben: der Stellenabbau betrifft 80 Leute im Lager.", TRUE, "hr");
    /* an HR action with a head count or a named person needs no marker */
    expect("They are letting 12 people go from the warehouse team after Easter.", TRUE, "hr");
    expect("Our director fired Tomasz last week over the audit findings.", TRUE, "hr");
    expect("Senior analysts here earn 95k base, the band starts at 80k.", TRUE, "hr");
    /* HR words in ordinary talk */
    expect("Could you send me the severance clause template from your public HR blog post?", FALSE, NULL);
    /* a public job posting with its salary range */
    expect("Here is our job posting; as listed there the salary range is $90,000-$110,000.", FALSE, NULL);
}

static void test_client(void **state)
{
    (void)state;
    expect("Keep this quiet: our engagement budget with the bank went up to $1.1M this quarter.", TRUE,
           "client");
    /* a client relationship with figures */
    expect("Tidewater is one of our biggest customers; they added 3,000 licences in May.", TRUE, "client");
    /* approved names make a reference, and an invoice is ordinary */
    expect("Tidewater is our customer and agreed to be a public reference in our case study.", FALSE, NULL);
    /* an invoice to the client it concerns */
    expect("Please find attached invoice 2291 for $3,200.00, payable within 30 days.", FALSE, NULL);
}

static void test_marker_and_footer(void **state)
{
    (void)state;
    expect("Between us, I am so tired of this week.", FALSE, "marker");
    expect("Lunch on Friday at noon?\n\nThis email may contain confidential information and is intended "
           "only for the addressee. If you received it in error, delete it.", FALSE, NULL);
    expect("Le confirmo la cita del martes.\n\nEste mensaje y sus anexos son confidenciales.", FALSE, NULL);
    expect("Invoice attached.\n\nThis e-mail and any files transmitted with it are confidential and "
           "intended solely for the addressee; do not forward.", FALSE, NULL);
    expect("Diese E-Mail enthält vertrauliche Informationen. Bitte nicht weitergeben.", FALSE, NULL);
    /* company numbers sent to a private mailbox */
    expect("Sending this to my personal email to finish at home: gross margin 58% last quarter.", TRUE,
           "marker");
    /* a footer does not hide a real leak above it */
    expect("Q3 churn hit 4.2% monthly, not yet reported.\n\nThis email may be confidential.", TRUE,
           "metric");
}

/* A default configuration plus one extra line. */
static cg_engine *
engine_with(const char *line, cg_config **cfg)
{
    char *path = NULL;
    int fd = g_file_open_tmp("cg-conf-XXXXXX", &path, NULL);
    assert_true(fd >= 0);
    assert_true(g_file_set_contents(path, line, -1, NULL));
    close(fd);
    *cfg = cg_config_load(path, NULL);
    assert_non_null(*cfg);
    g_unlink(path);
    g_free(path);
    cg_engine *e = cg_engine_new(*cfg, NULL);
    assert_non_null(e);
    return e;
}

static double
scan_score(cg_engine *e, const char *body)
{
    char *raw = g_strdup_printf("From: a@b.example\nSubject: t\n\n%s\n", body);
    cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &test_limits, NULL);
    cg_result *r = cg_engine_scan(e, msg);
    double score = r->cat[CG_CAT_CONFIDENTIAL].score;
    cg_result_free(r);
    cg_message_free(msg);
    g_free(raw);
    return score;
}

static char *
write_temp(const char *contents)
{
    char *path = NULL;
    int fd = g_file_open_tmp("cg-names-XXXXXX", &path, NULL);
    assert_true(fd >= 0);
    close(fd);
    assert_true(g_file_set_contents(path, contents, -1, NULL));
    return path;
}

static void test_configured_names_and_terms(void **state)
{
    (void)state;
    char *clients = write_temp("# clients\nNorthwind Traders\nContoso\n");
    char *approved = write_temp("Contoso\n");
    char *conf = g_strdup_printf("confidential_clients_file = %s\nconfidential_approved_file = %s\n"
                                 "confidential_terms = bluefin\n", clients, approved);
    cg_config *cfg;
    cg_engine *e = engine_with(conf, &cfg);

    const char *leak = "Northwind  Traders pays us $40k a month under the contract, keep it quiet.";
    assert_true(scan_score(e, leak) >= 0.6);
    /* approved for reference: the same sentence is fine */
    assert_true(scan_score(e, "Contoso pays us $40k a month under the contract.") < 0.6);
    /* a name that only starts like a listed one */
    assert_true(scan_score(e, "Northwind Tradersville is a nice town.") < 0.3);
    /* a configured code name counts as internal information */
    assert_true(scan_score(e, "Project bluefin ships soon, nobody outside knows.") >= 0.6);

    cg_engine_free(e);
    cg_config_free(cfg);
    g_unlink(clients);
    g_unlink(approved);
    g_free(clients);
    g_free(approved);
    g_free(conf);
}

static void test_missing_names_file_is_an_error(void **state)
{
    (void)state;
    cg_config *cfg = cg_config_new_default();
    g_free(cfg->confidential_clients_file);
    cfg->confidential_clients_file = g_strdup("/nonexistent/clients.txt");
    GError *error = NULL;
    assert_null(cg_engine_new(cfg, &error));
    assert_non_null(error);
    g_error_free(error);
    cg_config_free(cfg);
}

int main(void)
{
    cg_message_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_metric),
        cmocka_unit_test(test_forecast_and_strategy),
        cmocka_unit_test(test_process_internal_secret),
        cmocka_unit_test(test_metric_needs_figure_and_period),
        cmocka_unit_test(test_figure_reach),
        cmocka_unit_test(test_corroborated_strategy),
        cmocka_unit_test(test_hr),
        cmocka_unit_test(test_client),
        cmocka_unit_test(test_marker_and_footer),
        cmocka_unit_test(test_configured_names_and_terms),
        cmocka_unit_test(test_missing_names_file_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
