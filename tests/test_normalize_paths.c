/*
 * test_normalize_paths.c -- the shortcuts of cg_view_build that copy plain
 * ASCII whole (stretches, tokens, whitespace runs) build the very view that
 * going character by character builds (cg_view_build_per_char): the same
 * text, the same anchors, the same end.  The texts are prose with every case
 * the shortcuts must leave to the slow path put at every place relative to
 * their sixteen-byte steps and to the text's end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "normalize.h"

/* Pieces the shortcuts must not copy as they are, or must copy only where
 * their neighbours allow. */
static const char *const specials[] = {
    " ", "\n", "\r\n", "  ", "\t", "\r", "\v", "\f", " \r\n", "\r\n\r\n", "\n\n", "\r\r\n",
    "\n ", " \n", "\r\n ",
    "\0", "\x01", "\x7f", "\x1b",
    "\xC2\xA0", "\xE2\x80\x83", "\xE3\x80\x80", "\xE2\x80\xA8",          /* Unicode spaces */
    "\xE2\x80\x8B", "\xC2\xAD", "\xEF\xBB\xBF", "\xE2\x80\xAE", "\xEF\xB8\x8F", /* invisibles */
    "\xD0\xB0", "\xD0\xBE", "\xD0\x97", "\xCE\xBF", "\xC4\xB1",           /* look-alikes */
    "\xD9\xA4", "\xE0\xA5\xAA", "\xEF\xBC\x91", "\xE2\x9E\x8A", "\xE2\x91\xA0", /* digits */
    "\xC3\xA9", "\xE2\x80\x9C", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xEF\xAC\x81",
    "1O0", "l0l", "O0", "0O0l", "I1", "5", "o", "x1O", "1-O", "2O24", "OO1", "l1ll", "(555) O12-3456",
    "j o h n s", "a b c d e f", "1 2 3 4 5", "x y z", "a\nb\nc\nd\ne", "a\r\nb\r\nc\r\nd\r\ne",
};

/* Prose the shortcuts copy whole: words, numbers and punctuation. */
static const char *const words[] = {
    "the", "quick", "Brown", "fox's", "e-mail", "2024", "call", "555-0199", "a", "I",
    "internationalization", "(see", "below).", "Olive", "oil,", "l10n", "x", "100%",
    "lol", "OOO", "Il", "&", "--", "info@example.com", "https://example.org/a?b=1",
};

static void
expect_same_views(const char *orig, size_t len)
{
    char *copy = g_malloc(len ? len : 1);      /* exactly len bytes, for valgrind */
    cg_view fast, slow;

    memcpy(copy, orig, len);
    cg_view_build(&fast, copy, len);
    cg_view_build_per_char(&slow, copy, len);
    if (fast.len != slow.len || memcmp(fast.text, slow.text, slow.len + 1) != 0 ||
        fast.n_anchors != slow.n_anchors ||
        (slow.n_anchors &&      /* no anchors: both arrays may be NULL */
         memcmp(fast.anchors, slow.anchors, slow.n_anchors * sizeof *slow.anchors) != 0) ||
        fast.end_orig != slow.end_orig) {
        char *shown = g_strescape(g_strndup(orig, len), NULL);
        fail_msg("views differ for \"%s\": \"%s\" (%zu anchors, end %u) but per char \"%s\" "
                 "(%zu anchors, end %u)", shown, g_strescape(fast.text, NULL), fast.n_anchors,
                 fast.end_orig, g_strescape(slow.text, NULL), slow.n_anchors, slow.end_orig);
    }
    cg_view_clear(&fast);
    cg_view_clear(&slow);
    g_free(copy);
}

/* Every special piece after prose of every length up to two sixteen-byte
 * steps and a bit, then prose again of every length up to one step and a
 * bit: the piece meets every byte of a step, and every distance to the
 * text's end, so both the steps and the bytes after the last step see it. */
static void
test_specials_at_every_offset(void **state)
{
    static const char prose[] = "lorem ipsum dolor\r\nsit amet, 33 consectetur adipiscing";
    (void) state;
    for (size_t s = 0; s < G_N_ELEMENTS(specials); s++) {
        /* "\0" is one byte long, the rest are C strings */
        size_t special_len = specials[s][0] ? strlen(specials[s]) : 1;
        for (size_t before = 0; before <= 35; before++)
            for (size_t after = 0; after <= 19; after++) {
                GString *t = g_string_new_len(prose, before);
                g_string_append_len(t, specials[s], special_len);
                g_string_append_len(t, prose + 6, after);
                expect_same_views(t->str, t->len);
                g_string_free(t, TRUE);
            }
    }
}

/* Random mixes: mostly prose with single spaces and line breaks, as mail
 * is, with special pieces dropped in and sometimes glued to a word. */
static void
test_random_mixes(void **state)
{
    GRand *rng = g_rand_new_with_seed(1129);
    (void) state;
    for (int round = 0; round < 6000; round++) {
        GString *t = g_string_new(NULL);
        int pieces = g_rand_int_range(rng, 0, 60);
        for (int i = 0; i < pieces; i++) {
            int what = g_rand_int_range(rng, 0, 100);
            if (what < 12) {
                const char *sp = specials[g_rand_int_range(rng, 0, G_N_ELEMENTS(specials))];
                g_string_append_len(t, sp, sp[0] ? strlen(sp) : 1);
            } else {
                g_string_append(t, words[g_rand_int_range(rng, 0, G_N_ELEMENTS(words))]);
            }
            if (g_rand_int_range(rng, 0, 10) > 0)
                g_string_append(t, what < 60 ? " " : what < 75 ? "\r\n" : what < 85 ? "\n" : "");
        }
        expect_same_views(t->str, t->len);
        g_string_free(t, TRUE);
    }
    g_rand_free(rng);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_specials_at_every_offset),
        cmocka_unit_test(test_random_mixes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
