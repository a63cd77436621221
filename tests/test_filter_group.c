/*
 * test_filter_group.c -- the engine's filter group serves each set of
 * categories: a scan for some categories finds, for each of them, exactly
 * what a scan for all finds, and a single category's pass carries no other
 * category's members.
 */
#include "filter_group.h"
#include "lexicon_texts.h"
#include "rules.h"

/* Contact-like members of the group beside the lexicons' terms. */
static const char *const contact_patterns[] = {
    "\\b(?:send|give)\\s+me\\s+your\\s+(?:number|e-?mail)",
    "(?<![a-z])(?:whats\\s?app|telegram|signal)(?![a-z])",
};

typedef struct {
    cg_category owner;
    const char *pattern;
    cg_term_bits bit;
} member;

/* Fails unless the anchored pattern, tried at the candidates, finds every
 * match a plain search finds in text; returns how many. */
static unsigned
same_matches(const member *m, const char *text, size_t len, const cg_term_candidates *cands)
{
    cg_regex *plain = cg_regex_new(m->pattern, CG_RE_CASELESS, NULL);
    cg_regex *anchored = cg_regex_new(m->pattern, CG_RE_CASELESS | CG_RE_ANCHORED, NULL);
    assert_non_null(plain);
    assert_non_null(anchored);
    size_t n, c = 0, pos = 0;
    const guint32 *at = cg_term_candidates_of(cands, m->bit, &n);
    unsigned found = 0;
    gssize want[2], got[2];
    while (pos <= len && cg_regex_find(plain, text, len, pos, want, 1)) {
        gboolean hit = FALSE;
        for (; c < n && !hit; c++)
            hit = at[c] >= pos && cg_regex_find(anchored, text, len, at[c], got, 1);
        if (!hit || got[0] != want[0] || got[1] != want[1])
            fail_msg("%s: match at %zd missed after candidates", m->pattern, want[0]);
        found++;
        pos = want[1] > want[0] ? (size_t)want[1] : (size_t)want[0] + 1;
    }
    cg_regex_free(plain);
    cg_regex_free(anchored);
    return found;
}

static void
test_every_mask(void **state)
{
    (void)state;
    size_t n_terms;
    cg_term *terms = both_lexicons(&n_terms);
    GArray *members = g_array_new(FALSE, FALSE, sizeof(member));
    for (size_t i = 0; i < G_N_ELEMENTS(contact_patterns); i++) {
        member m = { CG_CAT_CONTACT, contact_patterns[i], 0 };
        g_array_append_val(members, m);
    }
    for (size_t i = 0; i < n_terms; i++) {
        member m = { i < cg_n_confidential_terms ? CG_CAT_CONFIDENTIAL : CG_CAT_MEDIA,
                     terms[i].pattern, 0 };
        g_array_append_val(members, m);
    }
    cg_filter_group *g = cg_filter_group_new();
    guint taken = 0;
    for (guint i = 0; i < members->len; i++) {
        member *m = &g_array_index(members, member, i);
        m->bit = cg_filter_group_add(g, m->owner, m->pattern, TRUE);
        taken += m->bit != 0;
    }
    assert_true(taken > 30 && taken <= CG_TERM_BITS);

    GPtrArray *texts = lexicon_texts(NULL, 0);
    g_ptr_array_add(texts, g_string_new("Nice! Send me your number or WhatsApp; Q3 revenue "
                                        "fell 12%. I'm a reporter at the Ledger."));
    unsigned found[1u << CG_CAT_COUNT] = { 0 };
    cg_term_candidates cands = { 0 };
    for (guint t = 0; t < texts->len; t++) {
        const GString *text = g_ptr_array_index(texts, t);
        for (unsigned mask = 1; mask < G_N_ELEMENTS(found); mask++) {
            cg_filter_group_find(g, mask, text->str, text->len, &cands);
            for (guint i = 0; i < members->len; i++) {
                const member *m = &g_array_index(members, member, i);
                size_t n;
                if (!m->bit)
                    continue;
                if (mask & (1u << m->owner))
                    found[mask] += same_matches(m, text->str, text->len, &cands);
                else if (!(mask & (mask - 1)))
                    assert_true(cg_term_candidates_of(&cands, m->bit, &n) == NULL && n == 0);
            }
        }
    }
    /* every category's members matched, the same in every mask that has it */
    assert_true(found[1u << CG_CAT_CONTACT] >= 2);
    assert_true(found[1u << CG_CAT_CONFIDENTIAL] > 1000);
    assert_true(found[1u << CG_CAT_MEDIA] > 100);
    for (unsigned mask = 1; mask < G_N_ELEMENTS(found); mask++) {
        unsigned sum = 0;
        for (int c = 0; c < CG_CAT_COUNT; c++)
            sum += mask & (1u << c) ? found[1u << c] : 0;
        assert_int_equal(found[mask], sum);
    }
    cg_term_candidates_clear(&cands);
    g_ptr_array_free(texts, TRUE);
    cg_filter_group_free(g);
    g_array_free(members, TRUE);
    g_free(terms);
}

/* Over the fixtures, a scan for any set of categories finds for each what
 * the scan for all finds: the candidates were found for the right set. */
static void
test_scans_by_mask(void **state)
{
    (void)state;
    cg_config *cfg = cg_config_new_default();
    cg_engine *e = cg_engine_new(cfg, NULL);
    assert_non_null(e);
    GPtrArray *texts = fixture_texts();
    unsigned with_findings = 0;
    for (guint t = 0; t < texts->len; t++) {
        const GString *raw = g_ptr_array_index(texts, t);
        cg_message *msg = cg_message_parse_bytes(raw->str, raw->len, &test_limits, NULL);
        cg_result *all = cg_engine_scan(e, msg);
        for (unsigned mask = 1; mask < CG_ALL_CATEGORIES; mask++) {
            cg_result *some = cg_engine_scan_only(e, msg, mask);
            for (int c = 0; c < CG_CAT_COUNT; c++) {
                if (!(mask & (1u << c)))
                    continue;
                char *want = finding_lines(all, c, NULL), *got = finding_lines(some, c, NULL);
                if (strcmp(want, got) != 0 || all->cat[c].score != some->cat[c].score)
                    fail_msg("fixture %u, mask %u, %s:\n%s\nfound\n%s", t, mask,
                             cg_category_name(c), want, got);
                with_findings += all->cat[c].findings->len > 0;
                g_free(want);
                g_free(got);
            }
            cg_result_free(some);
        }
        cg_result_free(all);
        cg_message_free(msg);
    }
    assert_true(with_findings > 50);
    g_ptr_array_free(texts, TRUE);
    cg_engine_free(e);
    cg_config_free(cfg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_mask),
        cmocka_unit_test(test_scans_by_mask),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
