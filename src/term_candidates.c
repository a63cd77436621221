/*
 * term_candidates.c -- a term filter's candidates over one text, grouped by
 * term bit (see term_candidates.h).
 */
#include "term_candidates.h"

#include <string.h>

void
cg_term_candidates_clear(cg_term_candidates *c)
{
    g_free(c->pos);
    memset(c, 0, sizeof *c);
}

/* Counts the candidates of each bit, then puts each position in its bits'
 * groups: the groups come out in order because found is. */
static void
group_by_bit(cg_term_candidates *c, const GArray *found)
{
    guint32 count[CG_TERM_BITS] = { 0 };
    for (guint i = 0; i < found->len; i++)
        for (cg_term_bits t = g_array_index(found, cg_term_candidate, i).terms; t; t &= t - 1)
            count[__builtin_ctzll(t)]++;
    c->from[0] = 0;
    for (int b = 0; b < CG_TERM_BITS; b++)
        c->from[b + 1] = c->from[b] + count[b];
    c->pos = g_renew(guint32, c->pos, MAX(c->from[CG_TERM_BITS], 1));
    guint32 fill[CG_TERM_BITS];
    memcpy(fill, c->from, sizeof fill);
    for (guint i = 0; i < found->len; i++) {
        const cg_term_candidate *cand = &g_array_index(found, cg_term_candidate, i);
        for (cg_term_bits t = cand->terms; t; t &= t - 1)
            c->pos[fill[__builtin_ctzll(t)]++] = cand->pos;
    }
}

void
cg_term_candidates_find(cg_term_candidates *c, const cg_term_filter *f, const char *text,
                        size_t len)
{
    GArray *found = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
    if (f)
        cg_term_filter_candidates(f, text, len, found);
    group_by_bit(c, found);
    g_array_free(found, TRUE);
}

const guint32 *
cg_term_candidates_of(const cg_term_candidates *c, cg_term_bits bit, size_t *n)
{
    guint b = (guint)__builtin_ctzll(bit);
    *n = c->from[b + 1] - c->from[b];
    return *n ? c->pos + c->from[b] : NULL;
}
