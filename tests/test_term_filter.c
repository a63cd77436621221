/*
 * test_term_filter.c -- the term filter never loses a match: for every term
 * of both lexicons, matching the anchored pattern at the filter's
 * candidates finds exactly what a plain unanchored search finds, on the
 * fixtures, the holdout set and texts written to sit on the filter's edges.
 */
#include "lexicon_texts.h"
#include "pattern_prefix.h"
#include "rules.h"
#include "term_filter.h"

/* Edge texts of this test beyond lexicon_texts.h's. */
static const char *const more_edge_texts[] = {
    "our sub contractor, EBIT margins and Absatzprognosen; TechCrunch con 2024 or SaaSfest '25",
};

static GPtrArray *
matches(const cg_regex *re, const char *text, size_t len, GArray *cands, cg_term_bits bit)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    gssize ov[2];
    size_t pos = 0;
    guint c = 0;
    for (;;) {
        gboolean found = FALSE;
        if (!cands) {
            found = pos <= len && cg_regex_find(re, text, len, pos, ov, 1);
        } else {
            for (; c < cands->len && !found; c++) {
                const cg_term_candidate *cd = &g_array_index(cands, cg_term_candidate, c);
                found = (cd->terms & bit) && cd->pos >= pos &&
                        cg_regex_find(re, text, len, cd->pos, ov, 1);
            }
        }
        if (!found)
            return out;
        g_ptr_array_add(out, g_strdup_printf("%zd-%zd", ov[0], ov[1]));
        pos = ov[1] > ov[0] ? (size_t)ov[1] : (size_t)ov[0] + 1;
    }
}

/* How many matches of pattern a plain search finds in text; fails unless
 * the anchored pattern, tried only at the candidates of term index, finds
 * the same. */
static unsigned
compare_pattern(const char *name, guint index, const char *pattern, const char *text,
                size_t len, GArray *cands)
{
    cg_regex *plain = cg_regex_new(pattern, CG_RE_CASELESS, NULL);
    cg_regex *anchored = cg_regex_new(pattern, CG_RE_CASELESS | CG_RE_ANCHORED, NULL);
    assert_non_null(plain);
    assert_non_null(anchored);
    GPtrArray *want = matches(plain, text, len, NULL, 0);
    GPtrArray *got = matches(anchored, text, len, cands, CG_TERM_BIT(index));
    if (want->len != got->len)
        fail_msg("%s: %u matches, filtered %u", name, want->len, got->len);
    for (guint k = 0; k < want->len; k++)
        assert_string_equal(g_ptr_array_index(want, k), g_ptr_array_index(got, k));
    unsigned found = want->len;
    g_ptr_array_free(want, TRUE);
    g_ptr_array_free(got, TRUE);
    cg_regex_free(plain);
    cg_regex_free(anchored);
    return found;
}

/* How many matches of pattern in text; fails when the filter's candidates
 * find other matches than a plain search.  Patterns beyond the filter
 * count nothing. */
static unsigned
check_pattern(const char *name, guint index, const char *pattern, const char *text, size_t len)
{
    cg_term_filter *f = cg_term_filter_new_lookback();
    if (!cg_term_filter_add(f, index, pattern, TRUE)) {
        cg_term_filter_free(f);    /* searched the plain way */
        return 0;
    }
    GArray *cands = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
    cg_term_filter_candidates(f, text, len, cands);
    unsigned found = compare_pattern(name, index, pattern, text, len, cands);
    g_array_free(cands, TRUE);
    cg_term_filter_free(f);
    return found;
}

static unsigned
check_terms(const cg_term *terms, size_t n, const char *text, size_t len)
{
    unsigned found = 0;
    for (size_t i = 0; i < n; i++)
        found += check_pattern(terms[i].rule, (guint)i, terms[i].pattern, text, len);
    return found;
}

/* check_pattern for each pattern (as its own name) over each text. */
static unsigned
check_patterns(const char *const *patterns, size_t np, const char *const *texts, size_t nt)
{
    unsigned found = 0;
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < nt; j++)
            found += check_pattern(patterns[i], 0, patterns[i], texts[j], strlen(texts[j]));
    return found;
}

static unsigned
check_text(const char *text, size_t len)
{
    return check_terms(cg_confidential_terms, cg_n_confidential_terms, text, len) +
           check_terms(cg_media_terms, cg_n_media_terms, text, len);
}

static void
test_edge_texts(void **state)
{
    (void)state;
    GPtrArray *texts = g_ptr_array_new_with_free_func((GDestroyNotify)(void (*)(void))g_string_free);
    add_lexicon_edge_texts(texts, more_edge_texts, G_N_ELEMENTS(more_edge_texts));
    unsigned found = 0;
    for (guint i = 0; i < texts->len; i++) {
        const GString *text = g_ptr_array_index(texts, i);
        found += check_text(text->str, text->len);
    }
    g_ptr_array_free(texts, TRUE);
    assert_true(found > 20);
}

static void
test_fixture_messages(void **state)
{
    (void)state;
    GPtrArray *texts = fixture_texts();
    unsigned found = 0;
    for (guint i = 0; i < texts->len; i++) {
        const GString *text = g_ptr_array_index(texts, i);
        found += check_text(text->str, text->len);
    }
    assert_true(found > 1000);
    g_ptr_array_free(texts, TRUE);
}

/* Every term of both lexicons in one filter, as the engine's term set has
 * them, and each once more: its second-stage table grows several times and
 * drops repeated entries on the way, terms past the CG_TERM_BITS-th share
 * bits with the first ones, and every term must still pass wherever it
 * matches in the fixtures. */
static unsigned
check_lexicon_filter(const cg_term *terms, size_t n, GPtrArray *texts)
{
    cg_term_filter *f = cg_term_filter_new_lookback();
    gboolean *taken = g_new0(gboolean, n);
    for (size_t i = 0; i < n; i++)
        taken[i] = cg_term_filter_add(f, (guint)i, terms[i].pattern, TRUE);
    unsigned found = 0;
    GArray *cands = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
    for (guint t = 0; t < texts->len; t++) {
        const GString *text = g_ptr_array_index(texts, t);
        g_array_set_size(cands, 0);
        cg_term_filter_candidates(f, text->str, text->len, cands);
        for (size_t i = 0; i < n; i++) {
            if (taken[i])
                found += compare_pattern(terms[i].rule, (guint)i, terms[i].pattern, text->str,
                                         text->len, cands);
        }
    }
    g_array_free(cands, TRUE);
    g_free(taken);
    cg_term_filter_free(f);
    return found;
}

static void
test_whole_lexicons(void **state)
{
    (void)state;
    GPtrArray *texts = lexicon_texts(more_edge_texts, G_N_ELEMENTS(more_edge_texts));
    size_t n;
    cg_term *both = both_lexicons(&n);
    cg_term *twice = g_new(cg_term, 2 * n);
    memcpy(twice, both, n * sizeof *both);
    memcpy(twice + n, both, n * sizeof *both);
    assert_true(2 * n > CG_TERM_BITS);
    unsigned found = check_lexicon_filter(twice, 2 * n, texts);
    assert_true(found > 2000);
    g_free(twice);
    g_free(both);
    g_ptr_array_free(texts, TRUE);
}

/* How many of shared's candidates carry bit but are no candidate for it
 * in alone; both are in ascending order.  The last CG_PREFIX_MAX bytes of
 * a text of len bytes are left out: there the hashed first stage decides. */
static unsigned
candidates_not_in(const GArray *shared, const GArray *alone, cg_term_bits bit, size_t len)
{
    unsigned extra = 0;
    guint j = 0;
    for (guint i = 0; i < shared->len; i++) {
        const cg_term_candidate *c = &g_array_index(shared, cg_term_candidate, i);
        if (!(c->terms & bit) || c->pos + CG_PREFIX_MAX > len)
            continue;
        while (j < alone->len && (g_array_index(alone, cg_term_candidate, j).pos < c->pos ||
                                  !(g_array_index(alone, cg_term_candidate, j).terms & bit)))
            j++;
        if (j == alone->len || g_array_index(alone, cg_term_candidate, j).pos != c->pos)
            extra++;
    }
    return extra;
}

/* The second stage answers for each symbol string exactly: with both
 * lexicons in one filter, a term gets no candidate in words that the terms
 * sharing its bit do not get in a filter of their own.  A hashed table
 * without keys handed out the bits of whatever other prefixes shared a
 * slot (" delivery" passed the strategy term, which no "d" word begins).
 * Lower-case words and spaces only: the second stage reads every other
 * byte as one symbol and keeps [A-Z][a-z]{2,} as its first symbol alone,
 * so where it decides alone a byte another term allows may pass.  For the
 * same reason apostrophes and hyphens go, not turn into spaces: where the
 * other terms stop at "i d like", the walk reads "i'd like". */
static void
test_shared_filter_adds_nothing(void **state)
{
    (void)state;
    GPtrArray *texts = lexicon_texts(more_edge_texts, G_N_ELEMENTS(more_edge_texts));
    g_ptr_array_add(texts, g_string_new(" delivery your few me, and our delivery plan"));
    size_t n;
    cg_term *both = both_lexicons(&n);
    cg_term_filter *shared = cg_term_filter_new_lookback();
    cg_term_filter *alone[CG_TERM_BITS];
    for (guint b = 0; b < CG_TERM_BITS; b++)
        alone[b] = cg_term_filter_new_lookback();
    for (size_t i = 0; i < n; i++) {
        gboolean taken = cg_term_filter_add(shared, (guint)i, both[i].pattern, TRUE);
        assert_int_equal(cg_term_filter_add(alone[i % CG_TERM_BITS], (guint)i, both[i].pattern, TRUE),
                         taken);
    }
    GArray *in_shared = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
    GArray *in_alone = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
    unsigned extra = 0, shared_count = 0;
    for (guint t = 0; t < texts->len; t++) {
        GString *text = g_ptr_array_index(texts, t);
        gsize kept = 0;
        for (gsize i = 0; i < text->len; i++)
            if (text->str[i] != '\'' && text->str[i] != '-')
                text->str[kept++] = g_ascii_isalpha(text->str[i]) ? g_ascii_tolower(text->str[i]) : ' ';
        g_string_truncate(text, kept);
        g_array_set_size(in_shared, 0);
        cg_term_filter_candidates(shared, text->str, text->len, in_shared);
        shared_count += in_shared->len;
        for (guint b = 0; b < CG_TERM_BITS; b++) {
            g_array_set_size(in_alone, 0);
            cg_term_filter_candidates(alone[b], text->str, text->len, in_alone);
            extra += candidates_not_in(in_shared, in_alone, CG_TERM_BIT(b), text->len);
        }
    }
    assert_true(shared_count > 800);
    assert_int_equal(extra, 0);
    g_array_free(in_shared, TRUE);
    g_array_free(in_alone, TRUE);
    for (guint b = 0; b < CG_TERM_BITS; b++)
        cg_term_filter_free(alone[b]);
    cg_term_filter_free(shared);
    g_free(both);
    g_ptr_array_free(texts, TRUE);
}

/* What the analyser cannot read it says so, and the caller searches plainly. */
/* What the byte before a match may be: \b before a word byte and
 * (?<=... ) prove a word start, (?<![a-z]) only that no letter comes before,
 * so the filter must still pass positions after digits, '_' and non-ASCII
 * bytes, at the text's start, and in capitals. */
static void
test_start_classes(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "(?<![a-z])s[k.]ype(?![a-z])",
        "\\bthe\\s+green\\b|wass?ap",
        "(?:(?<=\\bon )|(?<=\\bvia ))x\\b",
        "\\b(?:-|\\+)?ig\\b",
        "(?<![\\w.])@[a-z]{2,8}",
    };
    static const char text[] =
        "Skype 9skype _skype xskype S.KYPE\xc3\xa9skype;skype\n"
        "the green THE  green bathe green 2the green wassap was sap xwasap\n"
        "on x, via x; won x icon x ON X\n"
        "ig big -ig 7ig _ig +IG\n"
        "@ana x@bob .@cy \xe2\x80\x94@dee @e";
    const char *const texts[] = { text };
    unsigned found = check_patterns(patterns, G_N_ELEMENTS(patterns), texts, 1);
    assert_true(found >= 15);
}

/* Matches that begin with a lead of word bytes and spaces are found by the
 * word after it and a walk back: over several words, long words, repeated
 * hits (a walk stops where the last one began), at the text's start, and
 * not past more spaces than the lead holds. */
static void
test_leads(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "(?<![\\w])(?:\\w+ ){0,2}margins?(?![\\w])",
        "(?<![\\w])(?:\\w+ )?contractor",
        "(?<![\\w])\\w*planung",
        "(?<![\\w])(?:[a-z]+ ?(?:con|fest) ?20\\d\\d|fest)",
        "(?<![\\w])(?:\\w{2,4} margin|net margin)(?![\\w])",
    };
    static const char text[] =
        "margin a b c margin margin d  margin gross margins, x-y margin\n"
        "subcontractor sub contractor a  contractor contractor contractorcontractor\n"
        "Absatzplanung planungplanung xplanung planung-x\n"
        "pycon 2024 pycon2025 py con 2023 summerfest 2021 fest con 20\n"
        "ebit margin, ab margin abcde margin net margin";
    /* a late prefix whose walk ends at once, in a text with no candidate */
    const char *const texts[] = { text, "9fest" };
    unsigned found = check_patterns(patterns, G_N_ELEMENTS(patterns), texts, G_N_ELEMENTS(texts));
    assert_true(found >= 20);
}

/* Terms sharing one look-back filter over a text with more candidates than
 * the scan hands out at once: main and late candidates at the same
 * positions come out merged, in order, one per position, and each term
 * still finds every match a plain search does. */
static void
test_shared_candidates(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "(?<![\\w])(?:\\w+ ){0,2}margins?(?![\\w])",
        "(?<![\\w])(?:gross|net) margin",
        "(?<![\\w])margin",
        "(?<![\\w])(?:\\w+ )?contractor",
    };
    GString *text = g_string_new("");
    for (int i = 0; i < 150; i++)
        g_string_append(text, i % 3 ? "net margin, gross margins a sub contractor; "
                                     : "x margin contractor\n");
    cg_term_filter *f = cg_term_filter_new_lookback();
    for (guint i = 0; i < G_N_ELEMENTS(patterns); i++)
        assert_true(cg_term_filter_add(f, i, patterns[i], TRUE));
    GArray *cands = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
    cg_term_filter_candidates(f, text->str, text->len, cands);
    assert_true(cands->len > 200);
    for (guint c = 1; c < cands->len; c++)
        assert_true(g_array_index(cands, cg_term_candidate, c - 1).pos <
                    g_array_index(cands, cg_term_candidate, c).pos);
    for (guint i = 0; i < G_N_ELEMENTS(patterns); i++) {
        assert_true(compare_pattern(patterns[i], i, patterns[i], text->str, text->len, cands) >= 100);
    }
    g_array_free(cands, TRUE);
    cg_term_filter_free(f);
    g_string_free(text, TRUE);
}

/* The second stage reads whole words and the byte after: "he" must still
 * pass at the very end of a text, and a case-sensitive capital only capitals. */
static void
test_whole_prefixes(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "(?<![\\w])(?:he|his|head of \\w+)(?![\\w])",
        "(?-i:(?<=[a-z] )[A-Z][a-z]{2,}(?![\\w]))",
        "(?<![\\w])(?:revenues?|q[1-4])(?![\\w])",
    };
    static const char *const texts[] = {
        "help he her his; HIS head of sales head ofx he",
        "he",
        "met Alice and bob then Bob, x Carol",
        "revenue revenues revenuesx Q3 q5 q4",
        "Q4",
    };
    unsigned found = check_patterns(patterns, G_N_ELEMENTS(patterns), texts, G_N_ELEMENTS(texts));
    assert_true(found >= 12);
}

/* Every digit is one symbol to the second stage, so a term led by a number
 * ((?:\d+ )?roles) keeps its words: numbers followed by other words are no
 * candidates, and every match is still found. */
static void
test_number_prefixes(void **state)
{
    (void)state;
    static const char pattern[] = "(?<![\\w])(?:\\d+[- ]?)?(?:roles|jobs|min talk)(?![\\w])";
    static const char text[] = "cut 450 roles, 12 jobs and 300 more; 7 rolex 99-jobs 5min talk 2024 and more";
    cg_term_filter *f = cg_term_filter_new_lookback();
    assert_true(cg_term_filter_add(f, 0, pattern, TRUE));
    GArray *cands = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
    cg_term_filter_candidates(f, text, strlen(text), cands);
    for (guint c = 0; c < cands->len; c++) {
        const char *at = text + g_array_index(cands, cg_term_candidate, c).pos;
        assert_false(g_str_has_prefix(at, "300") || g_str_has_prefix(at, "7 ") ||
                     g_str_has_prefix(at, "2024"));
    }
    assert_int_equal(compare_pattern("numbers", 0, pattern, text, strlen(text), cands), 4);
    g_array_free(cands, TRUE);
    cg_term_filter_free(f);
}

/* Patterns with \s+ and runs of punctuation have many prefixes (one per run
 * length): matches across runs of every length and mix (spaces, tabs, line
 * breaks, punctuation), cut anywhere, must all pass. */
static void
test_non_word_runs(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "share\\s+(?:me\\s+)?your\\s+number",
        "a[ .,\\-]{0,3}b[.\\s]+c",
        "(?<![\\w])x\\s*-\\s*y(?![\\w])",
        "q\\W+\\d",
    };
    static const char *const texts[] = {
        "share your number; share  me   your number; share\t\nyour \n number",
        "ab c a b  c a.,-b\n\nc a . b . c a  b c a.. b.c a,b..  .c",
        "x-y x - y x  --  y x   -y x--y xx-y x-yy",
        "q 1 q.,;2 q  \t 3 q_4 q\n\n\n5 q",
    };
    unsigned found = check_patterns(patterns, G_N_ELEMENTS(patterns), texts, G_N_ELEMENTS(texts));
    assert_int_equal(found, 17);
}

/* Sets whose bytes lie far apart in the bitmap (punctuation, digits, both
 * cases, bytes above ASCII), with a case-sensitive first byte: every match
 * of each must still be found through the filter. */
static void
test_scattered_sets(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "(?-i:[A-Z_9~])(?i:ab)",
        "[!-/:-@\\[-`{-~\xc3]xy",
        "(?<![\\w])(?:Zeta|\xc3\xa9t\xc3\xa9|9lives|_x)(?![\\w])",
    };
    static const char *const texts[] = {
        "Aab aab ~AB _ab 9aB zab Zab",
        "!xy ~XY {xy \xc3xy axy [xy",
        "zeta ZETA \xc3\xa9t\xc3\xa9 9lives _x x_x zetas",
    };
    unsigned found = check_patterns(patterns, G_N_ELEMENTS(patterns), texts, G_N_ELEMENTS(texts));
    assert_int_equal(found, 15);     /* 5 each: so the filter took all three */
}

/* The skip loop tests two positions at a time and the whole-prefix stage
 * stops reading once no longer prefix continues: a term at every offset
 * (odd and even, up to the last bytes), after every kind of byte, and
 * prefixes cut short one symbol before the end must all still be found. */
static void
test_every_offset(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "(?<![\\w])margins?(?![\\w])", "\\blive:cid[a-z0-9]{6,40}", "(?<![a-z])ebit(?:da)?",
    };
    static const char *const words[] = { "margin", "margins", "live:cid1234567", "EBITDA", "ebit" };
    static const char *const pads[] = { "", "a", "ab", "1", "_ ", "x.", "marg ", "margi ", "live:ci " };
    for (guint i = 0; i < G_N_ELEMENTS(patterns); i++) {
        unsigned found = 0;
        for (guint w = 0; w < G_N_ELEMENTS(words); w++)
            for (guint a = 0; a < G_N_ELEMENTS(pads); a++)
                for (guint b = 0; b < G_N_ELEMENTS(pads); b++) {
                    char *text = g_strconcat(pads[a], words[w], pads[b], NULL);
                    size_t len = strlen(text);
                    found += check_pattern(patterns[i], 0, patterns[i], text, len);
                    g_free(text);
                }
        assert_true(found > 0);
    }
}

static void
test_unsupported_patterns(void **state)
{
    (void)state;
    cg_term_filter *f = cg_term_filter_new();
    assert_false(cg_term_filter_add(f, 0, "(a)\\1", TRUE));
    assert_false(cg_term_filter_add(f, 0, "\\x{41}", TRUE));
    assert_false(cg_term_filter_add(f, 0, "a)", TRUE));
    /* a lead needs a look-back filter */
    assert_false(cg_term_filter_add(f, 0, "(?<![\\w])(?:\\w+ )?contractor", TRUE));
    assert_false(cg_term_filter_add(f, 0, "(?<![\\w])\\w+", TRUE));
    cg_term_filter *lookback = cg_term_filter_new_lookback();
    assert_true(cg_term_filter_add(lookback, 0, "(?<![\\w])(?:\\w+ )?contractor", TRUE));
    assert_false(cg_term_filter_add(lookback, 1, "(?<![\\w])\\w+ ?", TRUE));
    assert_false(cg_term_filter_add(lookback, 1, "\\w+ contractor", TRUE));
    cg_term_filter_free(lookback);
    assert_true(cg_term_filter_add(f, 1, "(?<![\\w])abc(?![\\w])", TRUE));
    GArray *cands = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
    cg_term_filter_candidates(f, "xabc ABC", 8, cands);
    assert_int_equal(cands->len, 1);
    assert_int_equal(g_array_index(cands, cg_term_candidate, 0).pos, 5);
    g_array_free(cands, TRUE);
    cg_term_filter_free(f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edge_texts),
        cmocka_unit_test(test_fixture_messages),
        cmocka_unit_test(test_whole_lexicons),
        cmocka_unit_test(test_shared_filter_adds_nothing),
        cmocka_unit_test(test_start_classes),
        cmocka_unit_test(test_leads),
        cmocka_unit_test(test_shared_candidates),
        cmocka_unit_test(test_whole_prefixes),
        cmocka_unit_test(test_number_prefixes),
        cmocka_unit_test(test_non_word_runs),
        cmocka_unit_test(test_scattered_sets),
        cmocka_unit_test(test_every_offset),
        cmocka_unit_test(test_unsupported_patterns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
