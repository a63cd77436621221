/*
 * test_symbol_trie.c -- the double-array trie: every string added is found
 * after any number of children moved, nothing else is, and a full trie
 * refuses to grow without losing what it holds.
 */
#include "testutil.h"

#include "symbol_trie.h"

/* The cell of the string under root, or 0. */
static guint32
walk(const cg_symbol_trie *t, guint root, const guint8 *s, int len)
{
    guint32 c = cg_symbol_trie_root(root);
    for (int i = 0; i < len && c; i++)
        c = cg_symbol_trie_child(t, c, s[i]);
    return c;
}

/* Adds the string under root, marking its cell; FALSE when full. */
static gboolean
add(cg_symbol_trie *t, guint root, const guint8 *s, int len, guint32 mark)
{
    guint32 c = cg_symbol_trie_root(root);
    for (int i = 0; i < len; i++)
        if (!(c = cg_symbol_trie_add(t, c, s[i])))
            return FALSE;
    t->cell[c].bits |= mark;
    return TRUE;
}

#define N_STRINGS 3000
#define MAX_LEN 6

typedef struct {
    guint root;
    int len;
    guint8 s[MAX_LEN];
} test_string;

/* Strings over the whole alphabet, sharing prefixes and in random order,
 * so parents gain children long after their first ones and move often. */
static void
make_strings(test_string *out, int n, guint32 seed)
{
    GRand *r = g_rand_new_with_seed(seed);
    for (int i = 0; i < n; i++) {
        out[i].root = (guint)g_rand_int_range(r, 0, 3);
        out[i].len = g_rand_int_range(r, 1, MAX_LEN + 1);
        for (int j = 0; j < out[i].len; j++)
            out[i].s[j] = (guint8)(j < 2 ? g_rand_int_range(r, 0, 4) * 7
                                         : g_rand_int_range(r, 0, CG_TRIE_SYMBOLS));
    }
    g_rand_free(r);
}

static gboolean
is_prefix_of_some(const test_string *all, int n, guint root, const guint8 *s, int len)
{
    for (int i = 0; i < n; i++)
        if (all[i].root == root && all[i].len >= len && memcmp(all[i].s, s, (size_t)len) == 0)
            return TRUE;
    return FALSE;
}

static void
test_every_string_found(void **state)
{
    (void)state;
    static test_string strings[N_STRINGS], others[N_STRINGS];
    make_strings(strings, N_STRINGS, 7);
    make_strings(others, N_STRINGS, 8);
    cg_symbol_trie t;
    cg_symbol_trie_init(&t, 3, 1u << 20);
    for (int i = 0; i < N_STRINGS; i++)
        assert_true(add(&t, strings[i].root, strings[i].s, strings[i].len, 1u << (i % 32)));
    for (int i = 0; i < N_STRINGS; i++) {
        guint32 c = walk(&t, strings[i].root, strings[i].s, strings[i].len);
        assert_true(c != 0);
        assert_true(t.cell[c].bits & (1u << (i % 32)));
    }
    /* a string is in the trie exactly when it begins some string added */
    int absent = 0;
    for (int i = 0; i < N_STRINGS; i++) {
        gboolean in = is_prefix_of_some(strings, N_STRINGS, others[i].root, others[i].s,
                                        others[i].len);
        assert_int_equal(walk(&t, others[i].root, others[i].s, others[i].len) != 0, in);
        absent += !in;
    }
    assert_true(absent > N_STRINGS / 4);
    cg_symbol_trie_clear(&t);
}

/* At its size limit the trie says so, and everything added before is
 * still there. */
static void
test_full_trie(void **state)
{
    (void)state;
    static test_string strings[N_STRINGS];
    make_strings(strings, N_STRINGS, 9);
    cg_symbol_trie t;
    cg_symbol_trie_init(&t, 3, 2000);
    int added = 0;
    while (added < N_STRINGS && add(&t, strings[added].root, strings[added].s,
                                    strings[added].len, 1))
        added++;
    assert_true(added > 100 && added < N_STRINGS);
    assert_true(t.size <= 2000);
    for (int i = 0; i < added; i++)
        assert_true(walk(&t, strings[i].root, strings[i].s, strings[i].len) != 0);
    cg_symbol_trie_clear(&t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_string_found),
        cmocka_unit_test(test_full_trie),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
