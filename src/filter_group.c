/*
 * filter_group.c -- one term filter pass per text for every term-filtered
 * pattern of the engine (see filter_group.h).
 */
#include "filter_group.h"

struct cg_filter_group {
    /* A filter per category, of its members alone, and one of every
     * member; NULL while it would hold none.  A scan for two categories
     * reads the one of all: a filter more would cost as much memory and
     * start-up time as another, for a mask no default flow has. */
    cg_term_filter *alone[CG_CAT_COUNT];
    cg_term_filter *all;
    guint members;
};

cg_filter_group *
cg_filter_group_new(void)
{
    return g_new0(cg_filter_group, 1);
}

void
cg_filter_group_free(cg_filter_group *g)
{
    if (!g)
        return;
    for (int c = 0; c < CG_CAT_COUNT; c++)
        cg_term_filter_free(g->alone[c]);
    cg_term_filter_free(g->all);
    g_free(g);
}

cg_term_bits
cg_filter_group_add(cg_filter_group *g, cg_category owner, const char *pattern, gboolean caseless)
{
    if (!g->all)
        g->all = cg_term_filter_new_lookback();
    if (!g->alone[owner])
        g->alone[owner] = cg_term_filter_new_lookback();
    cg_term_filter *into[] = { g->alone[owner], g->all };
    if (!cg_term_filter_add_to(into, G_N_ELEMENTS(into), g->members, pattern, caseless))
        return 0;
    return CG_TERM_BIT(g->members++);
}

void
cg_filter_group_find(const cg_filter_group *g, unsigned mask, const char *s, size_t len,
                     cg_term_candidates *out)
{
    const cg_term_filter *f = NULL;
    mask &= (1u << CG_CAT_COUNT) - 1;
    if (mask & (mask - 1))
        f = g->all;
    else if (mask)
        f = g->alone[__builtin_ctz(mask)];
    cg_term_candidates_find(out, f, s, len);
}
