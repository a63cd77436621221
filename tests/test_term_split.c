/*
 * test_term_split.c -- a term split by first byte finds what its whole
 * pattern finds: for every term of both lexicons, the split's regex run
 * anchored at every offset gives exactly the matches of a plain unanchored
 * search, on the fixtures, the holdout set and texts written for the edges
 * (a match at the start, at the end, in capitals, after non-ASCII bytes).
 */
#include "lexicon_texts.h"
#include "term_split.h"

/* Edge texts of this test beyond lexicon_texts.h's. */
static const char *const more_edge_texts[] = {
    "Übernahme, Fusion und Preiserhöhung; fermeture d'usine; adquisición en mayo",
    "I'm a reporter at the Times; interview your CEO by Jan 12 or 12 jan, Q4 FY'24 2023-11",
    "/mo",
};

/* Every match of re from the start of text, as "start-end" strings, the
 * way the term set walks them: a match's end is where the next may start. */
static GPtrArray *
plain_matches(const cg_regex *re, const char *text, size_t len)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    gssize ov[2];
    size_t pos = 0;
    while (pos <= len && cg_regex_find(re, text, len, pos, ov, 1)) {
        g_ptr_array_add(out, g_strdup_printf("%zd-%zd", ov[0], ov[1]));
        pos = ov[1] > ov[0] ? (size_t)ov[1] : (size_t)ov[0] + 1;
    }
    return out;
}

/* The same through the split, tried at every offset in turn. */
static GPtrArray *
split_matches(const cg_term_split *s, const char *text, size_t len)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    gssize ov[2];
    for (size_t pos = 0; pos <= len;) {
        const cg_regex *re = cg_term_split_at(s, text, len, pos);
        if (!re || !cg_regex_find(re, text, len, pos, ov, 1)) {
            pos++;
            continue;
        }
        g_ptr_array_add(out, g_strdup_printf("%zd-%zd", ov[0], ov[1]));
        pos = ov[1] > ov[0] ? (size_t)ov[1] : (size_t)ov[0] + 1;
    }
    return out;
}

/* How many matches of pattern in text; fails unless the split finds the
 * same as a plain search. */
static unsigned
compare_split(const char *name, const cg_term_split *s, const char *pattern, const char *text,
              size_t len)
{
    cg_regex *plain = cg_regex_new(pattern, CG_RE_CASELESS, NULL);
    assert_non_null(plain);
    GPtrArray *want = plain_matches(plain, text, len);
    GPtrArray *got = split_matches(s, text, len);
    if (want->len != got->len)
        fail_msg("%s: %u matches, split %u", name, want->len, got->len);
    for (guint k = 0; k < want->len; k++)
        if (strcmp(g_ptr_array_index(want, k), g_ptr_array_index(got, k)) != 0)
            fail_msg("%s: match %s, split %s", name, (char *)g_ptr_array_index(want, k),
                     (char *)g_ptr_array_index(got, k));
    unsigned found = want->len;
    g_ptr_array_free(want, TRUE);
    g_ptr_array_free(got, TRUE);
    cg_regex_free(plain);
    return found;
}

/* TRUE when s runs less than the whole pattern at some byte. */
static gboolean
is_split(const cg_term_split *s)
{
    for (guint b = 0; b < 256; b++)
        if (s->by_byte[b] != s->whole)
            return TRUE;
    return FALSE;
}

/* Matches of every term over every text; *n_split counts the terms split. */
static unsigned
check_lexicon(const cg_term *terms, size_t n, GPtrArray *texts, cg_regex_pool *pool,
              unsigned *n_split)
{
    unsigned found = 0;
    for (size_t i = 0; i < n; i++) {
        cg_term_split s;
        assert_true(cg_term_split_init(&s, pool, terms[i].pattern, CG_RE_CASELESS, NULL));
        *n_split += is_split(&s);
        for (guint t = 0; t < texts->len; t++) {
            const GString *text = g_ptr_array_index(texts, t);
            found += compare_split(terms[i].rule, &s, terms[i].pattern, text->str, text->len);
        }
    }
    return found;
}

static void
test_whole_lexicons(void **state)
{
    (void)state;
    GPtrArray *texts = lexicon_texts(more_edge_texts, G_N_ELEMENTS(more_edge_texts));
    cg_regex_pool *pool = cg_regex_pool_new();
    unsigned n_split = 0;
    unsigned found = check_lexicon(cg_confidential_terms, cg_n_confidential_terms, texts, pool,
                                   &n_split) +
                     check_lexicon(cg_media_terms, cg_n_media_terms, texts, pool, &n_split);
    assert_true(found > 1000);
    /* all but the few terms that are no alternation */
    assert_true(n_split + 4 >= cg_n_confidential_terms + cg_n_media_terms);
    cg_regex_pool_free(pool);
    g_ptr_array_free(texts, TRUE);
}

/* The first alternative that matches wins, whatever later ones would
 * match: the order must survive the split, at the text's end too. */
static void
test_alternative_order(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "(?<![\\w])(?:ab|abc|a\\w+|\\w{2,3}|b)(?![\\w])",
        "ab|\\w+c|abc",
        "(?:x|)(?:ab|y)",
        "\\b(?:a|b)?c",
        "(?:(?=\\d)\\w+|(?<=x)ab|b)",
    };
    static const char *const texts[] = { "abc abcd ab b xab yab xy c bc ac 9a", "abcab" };
    cg_regex_pool *pool = cg_regex_pool_new();
    unsigned found = 0;
    for (guint i = 0; i < G_N_ELEMENTS(patterns); i++) {
        cg_term_split s;
        assert_true(cg_term_split_init(&s, pool, patterns[i], CG_RE_CASELESS, NULL));
        for (guint t = 0; t < G_N_ELEMENTS(texts); t++)
            found += compare_split(patterns[i], &s, patterns[i], texts[t], strlen(texts[t]));
    }
    assert_true(found > 15);
    cg_regex_pool_free(pool);
}

/* Which patterns are split, and how. */
static void
test_shapes(void **state)
{
    (void)state;
    cg_regex_pool *pool = cg_regex_pool_new();
    cg_term_split s;
    assert_true(cg_term_split_init(&s, pool, "(?<![\\w])(?:cat|Dog|\\dx)(?![\\w])",
                                   CG_RE_CASELESS, NULL));
    assert_null(s.by_byte['z']);
    assert_null(s.by_byte[' ']);
    assert_true(s.by_byte['c'] == s.by_byte['C'] && s.by_byte['d'] == s.by_byte['D']);
    assert_true(s.by_byte['c'] != s.by_byte['d'] && s.by_byte['c'] != s.whole);
    assert_true(s.by_byte['0'] == s.by_byte['9']);
    assert_true(s.by_byte[0xc3] == s.whole);
    const cg_regex *cat = s.by_byte['c'];
    /* the same pattern again compiles nothing new */
    assert_true(cg_term_split_init(&s, pool, "(?<![\\w])(?:cat|Dog|\\dx)(?![\\w])",
                                   CG_RE_CASELESS, NULL));
    assert_true(s.by_byte['c'] == cat);
    /* case matters without CG_RE_CASELESS */
    assert_true(cg_term_split_init(&s, pool, "cat|Dog", 0, NULL));
    assert_null(s.by_byte['C']);
    assert_non_null(s.by_byte['c']);
    /* an alternative that can match empty may begin with anything */
    assert_true(cg_term_split_init(&s, pool, "(?:cat|x?)y", CG_RE_CASELESS, NULL));
    assert_non_null(s.by_byte['y']);
    assert_non_null(s.by_byte['z']);
    /* kept whole: a repeated group, something before the group, an option
     * for later alternatives, a back-reference, one alternative */
    static const char *const whole[] = {
        "(?:cat|dog)+", "(?:x|y)?(?:cat|dog)", "a(?:cat|dog)", "(?:cat|(?-i)dog|cow)", "(c)at|\\1og", "(?:cat)",
    };
    for (guint i = 0; i < G_N_ELEMENTS(whole); i++) {
        assert_true(cg_term_split_init(&s, pool, whole[i], CG_RE_CASELESS, NULL));
        assert_false(is_split(&s));
    }
    GError *error = NULL;
    assert_false(cg_term_split_init(&s, pool, "(?:cat|dog", CG_RE_CASELESS, &error));
    assert_non_null(error);
    g_error_free(error);
    cg_regex_pool_free(pool);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_lexicons),
        cmocka_unit_test(test_alternative_order),
        cmocka_unit_test(test_shapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
