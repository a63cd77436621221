/*
 * test_media.c -- the media detector: each kind of request, in English and
 * another language, and the look-alikes that must stay quiet (bulk mail,
 * PR agencies, sales, recruiting, code review, support questions).
 */
#include "testutil.h"

static gboolean
has_kind(const cg_result *r, const char *kind)
{
    const GPtrArray *f = r->cat[CG_CAT_MEDIA].findings;
    for (guint i = 0; i < f->len; i++)
        if (strcmp(((const cg_finding *)g_ptr_array_index(f, i))->kind, kind) == 0)
            return TRUE;
    return FALSE;
}

static cg_result *
scan_mail(const char *headers, const char *body, const char *conf_line)
{
    cg_config *cfg = cg_config_new_default();
    if (conf_line) {
        char *path = NULL;
        int fd = g_file_open_tmp("cg-conf-XXXXXX", &path, NULL);
        assert_true(fd >= 0);
        close(fd);
        assert_true(g_file_set_contents(path, conf_line, -1, NULL));
        cg_config_free(cfg);
        cfg = cg_config_load(path, NULL);
        assert_non_null(cfg);
        remove(path);
        g_free(path);
    }
    cg_engine *e = cg_engine_new(cfg, NULL);
    assert_non_null(e);
    char *raw = g_strdup_printf("%sSubject: hello\nContent-Type: text/plain; charset=utf-8\n"
                                "Content-Transfer-Encoding: 8bit\n\n%s\n", headers, body);
    cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &test_limits, NULL);
    assert_non_null(msg);
    cg_result *r = cg_engine_scan(e, msg);
    cg_message_free(msg);
    g_free(raw);
    cg_engine_free(e);
    cg_config_free(cfg);
    return r;
}

static void
expect(const char *body, gboolean violation, const char *kind)
{
    cg_result *r = scan_text(body);
    const cg_category_result *c = &r->cat[CG_CAT_MEDIA];
    if (c->violation != violation)
        fail_msg("\"%s\": violation should be %d (score %.2f)", body, violation, c->score);
    if (kind && !has_kind(r, kind))
        fail_msg("\"%s\": no %s finding", body, kind);
    cg_result_free(r);
}

static void test_journalist_interview(void **state)
{
    (void)state;
    expect("I'm a reporter at the Harbour Times. Could we interview your CTO for a story next week?",
           TRUE, "interview_request");
    expect("Sou jornalista da Folha do Norte e gostaria de entrevistar a diretora para uma reportagem.",
           TRUE, "journalist");
    /* a journalist with a support question */
    expect("My card was charged twice, please refund it.\n-- Ana Lee, Staff Writer, Harbour Times",
           FALSE, NULL);
    /* a job candidate asking about their own interview */
    expect("Hi, I had my interview for the Data Engineer position on Monday; any news on next steps?",
           FALSE, NULL);
}

static void test_comment_and_deadline(void **state)
{
    (void)state;
    expect("I'm an editor at Grid Weekly. Would you like to comment on the recall before we publish? "
           "I'm on deadline, by 4pm ET.", TRUE, "deadline");
    expect("Ich bin Redakteur beim Stadtanzeiger. Können Sie uns bis Freitag eine Stellungnahme schicken?",
           TRUE, "comment_request");
    /* code review */
    expect("Could you comment on the PR when you get a chance? Line 42 of the diff looks off.", FALSE,
           NULL);
}

static void test_speaker_and_analyst(void **state)
{
    (void)state;
    expect("I organise the Rust Lisbon meetup; would you give a talk at our June event?", TRUE,
           "speaker");
    expect("Nous organisons une conférence à Lyon et cherchons un intervenant pour la table ronde. "
           "Je suis l'organisateur.", TRUE, "speaker");
    expect("I'm a principal analyst at a research firm preparing a market guide; could we schedule a "
           "briefing with your product team by May 3?", TRUE, "analyst");
    expect("I'm the host of the Cloud Costs webinar series; would you speak at our May session as a "
           "guest?", TRUE, "speaker");
    /* an invitation to attend a webinar */
    expect("Join us for a free webinar with three speakers on cloud costs. Register now to save your seat.",
           FALSE, NULL);
    /* conference sponsorship sales */
    expect("Our summit sponsorship packages include a booth and lead scanning. Early-bird pricing ends soon.",
           FALSE, NULL);
}

static void test_pitches_and_bulk(void **state)
{
    (void)state;
    /* PR agencies pitching are never media requests */
    expect("I'm with a PR agency that gets founders featured in national outlets and interviewed on TV. "
           "Could we pitch you for an interview with our clients' CEO? Retainer from $5k.", FALSE, NULL);
    expect("Somos una agencia de relaciones públicas: conseguimos entrevistas en prensa para su empresa.",
           FALSE, NULL);
    cg_result *r = scan_mail("From: news@paper.example\nList-Unsubscribe: <mailto:u@paper.example>\n",
                             "Today's story: our reporter interviews the mayor. Request for comment "
                             "from the council went unanswered.", NULL);
    assert_false(r->cat[CG_CAT_MEDIA].violation);
    cg_result_free(r);
}

static void test_plain_asks_need_press(void **state)
{
    (void)state;
    /* a plain ask is a press request when the sender says they are press */
    expect("We're reporting on the recall at the Valley Courier. Can you confirm whether it covers 2023 models?",
           TRUE, "interview_request");
    expect("Columnist here: would you be available to talk about remote payroll this week?", TRUE, NULL);
    expect("Estou preparando uma reportagem sobre crédito rural e queria conversar com alguém da empresa.",
           TRUE, NULL);
    /* the same asks from customers and vendors */
    expect("Can you confirm whether my card payment went through? I need it for my accounts.", FALSE, NULL);
    expect("I'd love to set up a call with your finance team to show you our expense tool.", FALSE, NULL);
    expect("Could someone respond to my ticket by Monday? The export is still broken.", FALSE, NULL);
}

static void test_exec_invitations(void **state)
{
    (void)state;
    /* an invitation for a named executive to a stage or a show */
    expect("We'd like to have your founder on our main stage at GrowthCamp 2027.", TRUE, "speaker");
    expect("I host a weekly show on logistics and would love to have your COO on an episode.", TRUE,
           "speaker");
    /* an invitation to attend */
    expect("Join us at GrowthCamp 2027! Register now to save your seat, early tickets end Friday.", FALSE,
           NULL);
}

static void test_internal_mail_about_press(void **state)
{
    (void)state;
    const char *body = "The reporter at the Ledger asked for comment on the outage by 5pm ET; "
                       "can you draft a short statement?";
    cg_result *outside = scan_mail("From: a@ledger.example\nTo: b@corp.example\n", body, NULL);
    cg_result *inside = scan_mail("From: a@corp.example\nTo: b@corp.example\n", body, NULL);
    assert_true(outside->cat[CG_CAT_MEDIA].violation);
    assert_false(inside->cat[CG_CAT_MEDIA].violation);
    cg_result_free(outside);
    cg_result_free(inside);
}

static void test_sender_domains(void **state)
{
    (void)state;
    /* a request with no role: the outlet's domain tips it over */
    const char *body = "Would someone be able to give a comment on the price change for a piece?";
    cg_result *plain = scan_mail("From: Kim <kim@desk.example>\n", body, NULL);
    cg_result *listed = scan_mail("From: Kim <kim@news.wire.example>\n", body,
                                  "media_domains = wire.example\n");
    assert_true(listed->cat[CG_CAT_MEDIA].score > plain->cat[CG_CAT_MEDIA].score);
    assert_true(listed->cat[CG_CAT_MEDIA].violation);
    cg_result_free(plain);
    cg_result_free(listed);
}

/* The media and confidential detectors share one term set: scanning for
 * one category finds what a full scan finds for it, and nothing for the
 * other, whose terms are not tried. */
static void test_one_category_of_shared_terms(void **state)
{
    (void)state;
    const char *raw = "From: Kim <kim@ledger.example>\nTo: b@corp.example\nSubject: q\n\n"
                      "I'm a reporter at the Ledger writing a story; could you give a comment "
                      "by 5pm? Between us, Q3 revenue fell 12% to $4.2M and churn hit 9%.\n";
    cg_config *cfg = cg_config_new_default();
    cg_engine *e = cg_engine_new(cfg, NULL);
    assert_non_null(e);
    cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &test_limits, NULL);
    cg_result *all = cg_engine_scan(e, msg);
    assert_true(all->cat[CG_CAT_MEDIA].violation);
    assert_true(all->cat[CG_CAT_CONFIDENTIAL].violation);
    const cg_category cats[] = { CG_CAT_MEDIA, CG_CAT_CONFIDENTIAL };
    for (size_t i = 0; i < G_N_ELEMENTS(cats); i++) {
        cg_category other = cats[1 - i];
        cg_result *one = cg_engine_scan_only(e, msg, 1u << cats[i]);
        assert_int_equal(one->cat[cats[i]].findings->len, all->cat[cats[i]].findings->len);
        assert_true(one->cat[cats[i]].score == all->cat[cats[i]].score);
        assert_int_equal(one->cat[other].findings->len, 0);
        cg_result_free(one);
    }
    cg_result_free(all);
    cg_message_free(msg);
    cg_engine_free(e);
    cg_config_free(cfg);
}

int main(void)
{
    cg_message_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_journalist_interview),
        cmocka_unit_test(test_comment_and_deadline),
        cmocka_unit_test(test_speaker_and_analyst),
        cmocka_unit_test(test_pitches_and_bulk),
        cmocka_unit_test(test_plain_asks_need_press),
        cmocka_unit_test(test_exec_invitations),
        cmocka_unit_test(test_internal_mail_about_press),
        cmocka_unit_test(test_sender_domains),
        cmocka_unit_test(test_one_category_of_shared_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
