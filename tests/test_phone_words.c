/*
 * test_phone_words.c -- the spelled-number scan finds exactly the same with
 * its shortcuts (skipping to the tokens its start tables let through, sixteen
 * bytes a step; not judging stretches of fewer than three words) as with
 * every token looked up and every stretch judged: on generated texts dense
 * in number words, their capitals, words beginning like them, digits and
 * every kind of separator, each moved through the scan's steps.
 */
#include "testutil.h"

#include "contact_phone.h"

/* Number words of each language and case, run-together tokens, homophones,
 * words sharing a number word's first two or three bytes, digits,
 * ordinary and long words, and words joined by a dash that ends a token. */
static const char *const pieces[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "zero", "oh", "o", "O",
    "ten", "eleven", "twelve", "fifteen", "twenty", "fifty", "ninety", "double", "triple", "and",
    "FIVE", "Five", "SeVeN", "NinetyNine", "fivefive", "2sixseven", "one9zerofor", "for80", "2ate",
    "to2", "cinco", "tres", "treinta", "y", "doble", "dos", "um", "uma", "e", "nove", "meia", "dez",
    "z\xc3\xa9ro", "Z\xc3\x89RO", "un", "et", "douze", "soixante", "dix", "quatre", "huit",
    "null", "eins", "zwei", "ZWEI", "f\xc3\xbcnf", "F\xc3\x9cNF", "zw\xc3\xb6lf", "drei\xc3\x9fig",
    "dreiundzwanzig", "und", "UND", "Doppel", "elf", "Elf", "dieciseis", "diecis\xc3\xa9is", "tr\xc3\xaas",
    "tw", "thr", "fiv", "sevens", "tenth", "often", "done", "tree", "oneself", "eighty-eight",
    "fo", "fi", "ze", "zw", "dr", "nu", "ei", "ac", "du", "ci", "si", "so", "tre", "cua", "qua",
    "0", "5", "12", "555", "0142", "007", "1234567", "5o5", "O1",
    "call", "me", "the", "phone", "number", "is", "at", "x", "q", "caf\xc3\xa9", "na\xc3\xafve",
    "extraordinarily", "internationalization", "antidisestablishmentarianism", "order", "#",
    "one\xe2\x80\x94two", "seven\xe2\x80\x94" "eight", "internationalization\xe2\x80\x94nine",
};

static const char *const separators[] = {
    " ", " ", " ", "  ", ", ", "-", ".", "/", "(", ")", "~", "*", "|", ":", ";", "\n", "", " - ",
    "_", "'", "+", "!", "?", "&", "\xe2\x80\x94", " \xe2\x80\xa6 ",
};

/* The findings of one scan as one line each: rule, view range, score. */
static char *
findings_key(const phone_words *w, const cg_text *text, gboolean plain, unsigned *count)
{
    GPtrArray *findings = g_ptr_array_new_with_free_func((GDestroyNotify)cg_finding_free);
    if (plain)
        phone_words_scan_plain(w, text, findings);
    else
        phone_words_scan(w, text, findings);
    GString *key = g_string_new(NULL);
    for (guint i = 0; i < findings->len; i++) {
        const cg_finding *f = g_ptr_array_index(findings, i);
        g_string_append_printf(key, "%s %zu-%zu %.2f\n", f->rule, f->view_start, f->view_end, f->score);
    }
    *count += findings->len;
    g_ptr_array_free(findings, TRUE);
    return g_string_free(key, FALSE);
}

static void
test_shortcuts_change_nothing(void **state)
{
    (void)state;
    phone_words *w = phone_words_new();
    GRand *rand = g_rand_new_with_seed(8);
    unsigned found = 0, found_plain = 0;
    for (int t = 0; t < 4000; t++) {
        /* A run of one letter first moves everything through the steps:
         * every offset within sixteen bytes. */
        GString *body = g_string_new("call ");
        for (int k = g_rand_int_range(rand, 0, 17); k > 0; k--)
            g_string_append_c(body, 'x');
        g_string_append_c(body, ' ');
        for (int k = g_rand_int_range(rand, 1, 40); k > 0; k--) {
            g_string_append(body, pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))]);
            g_string_append(body, separators[g_rand_int_range(rand, 0, G_N_ELEMENTS(separators))]);
        }
        cg_segment seg = {"1", CG_SEG_BODY, "text/plain", body->str, body->len};
        cg_text text = { .seg = &seg };
        cg_view_build(&text.view, body->str, body->len);
        char *got = findings_key(w, &text, FALSE, &found);
        char *want = findings_key(w, &text, TRUE, &found_plain);
        if (strcmp(got, want) != 0)
            fail_msg("\"%s\":\nwith shortcuts:\n%swithout:\n%s", body->str, got, want);
        g_free(got);
        g_free(want);
        cg_view_clear(&text.view);
        g_string_free(body, TRUE);
    }
    assert_true(found > 500);
    g_rand_free(rand);
    phone_words_free(w);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shortcuts_change_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
