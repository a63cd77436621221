/*
 * term_filter_scan.c -- one pass over a text with a term filter's tables
 * (term_filter_tables.h): the positions where terms could start.
 *
 * Most positions begin no term after the kind of byte before them; a raw
 * pair bitmap of the two bytes there, as written, skips them two at a time.
 * A position that passes is looked up in the first stage's tables and, for
 * checked terms, in the second stage's whole prefixes; where only checked
 * terms may begin and the whole prefix is in the text, the second stage
 * alone.  With look-back,
 * where a late prefix matches, every word start back over its lead becomes
 * a candidate too.
 */
#include "term_filter_tables.h"

#include <stdlib.h>

/* The checked terms among those whose prefixes of symbols stand at p; the
 * text goes on for CG_PREFIX_MAX bytes at least.  The quad bitmap first:
 * it rejects most of the positions the walk would (their first four
 * symbols begin no string), for a lookup instead of four steps or more. */
static inline G_ALWAYS_INLINE cg_term_bits
whole_terms_at(const cg_term_filter *f, const guint8 *t, size_t p, int kind)
{
    guint32 root = f->root_of[kind][t[p]];
    const guint8 *sym = f->symbol;
    if (!bit_has(f->quad, quad_key(root, sym[t[p]], sym[t[p + 1]], sym[t[p + 2]], sym[t[p + 3]])))
        return 0;
    return cg_symbol_trie_walk(&f->whole, root, sym, t + p, CG_PREFIX_MAX);
}

/* FALSE when no prefix of any term allowed after the kind of byte before p
 * begins with the (up to three) bytes at p.  Prefixes of no bytes pass
 * everywhere. */
static inline G_ALWAYS_INLINE gboolean
prefix_bitmaps_pass(const cg_term_filter *f, const guint8 *t, size_t len, size_t p, int kind)
{
    if (f->any_length.after[kind] || p + 1 >= len)
        return TRUE;
    guint8 a = fold(t[p]), b = fold(t[p + 1]);
    guint pk = pair_key(a, b);
    return bit_has(f->pair[kind], pk) &&
           (bit_has(f->pair_final[kind], pk) || p + 2 >= len ||
            bit_has(f->triple, triple_key(a, b, fold(t[p + 2]), kind)));
}

/* The terms that could start at p (p == len for empty matches), the byte
 * before p being of the given kind.  Always inlined into the candidates
 * loop: a call there cost as much as the work. */
static inline G_ALWAYS_INLINE cg_term_bits
terms_at(const cg_term_filter *f, const guint8 *t, size_t len, size_t p, int kind)
{
    cg_term_bits possible = G_MAXUINT64;
    cg_term_bits bits = f->any_length.after[kind];
    if (p < len) {
        possible = f->raw_first[kind][t[p]];
        if (!possible)
            return 0;
        /* The second stage answers for checked terms: where it decides
         * alone, the bitmaps and the first stage's tables add only lookups
         * (the bitmaps rejected a fifth of the positions the walk then
         * rejects as fast: 4% of the scan's instructions on the mix). */
        if (!(possible & ~f->checked) && p + CG_PREFIX_MAX <= len)
            return whole_terms_at(f, t, p, kind) & possible;
        if (!prefix_bitmaps_pass(f, t, len, p, kind))
            return 0;
        guint8 a = fold(t[p]);
        bits |= f->first[a].after[kind];
        if (p + 1 < len) {
            guint8 b = fold(t[p + 1]);
            bits |= f->two[hash2(a, b)].after[kind];
            if (p + 2 < len)
                bits |= f->three[hash3(a, b, fold(t[p + 2]))].after[kind];
        }
        /* Near the end a tail may be the end itself: the first stage decides. */
        if ((bits & possible & f->checked) && p + CG_PREFIX_MAX <= len)
            bits &= ~f->checked | whole_terms_at(f, t, p, kind);
    }
    return bits & possible;
}

/* Late prefixes of terms begin at q: every word start back over each
 * term's lead becomes a candidate for it.  A walk stops where the last
 * walk for the term began: that one went at least as far back. */
static void
look_back(const cg_term_filter *f, const guint8 *t, size_t q, cg_term_bits terms,
          size_t walked_from[CG_TERM_BITS], GArray *out)
{
    for (guint b = 0; b < CG_TERM_BITS; b++) {
        if (!((terms >> b) & 1))
            continue;
        guint spaces = 0;
        for (size_t p = q;; p--) {
            if (p == 0 || byte_kind(t[p - 1]) == AFTER_NON_WORD) {
                cg_term_candidate c = { (guint32)p, CG_TERM_BIT(b) };
                g_array_append_val(out, c);
            }
            if (p == 0 || p <= walked_from[b])
                break;
            guint8 c = t[p - 1];
            if (!cg_byteset_has(&f->lead[b], c) || (c == ' ' && ++spaces > f->lead_spaces[b]))
                break;
        }
        walked_from[b] = q;
    }
}

static gint
by_position(gconstpointer a, gconstpointer b)
{
    guint32 pa = ((const cg_term_candidate *)a)->pos, pb = ((const cg_term_candidate *)b)->pos;
    return pa < pb ? -1 : pa > pb;
}

/* Sorts the look-back candidates by position, one per position, in place;
 * their count.  Walks for different terms overlap, so late is in no order. */
static size_t
sort_late(GArray *late)
{
    cg_term_candidate *l = (cg_term_candidate *)late->data;
    qsort(l, late->len, sizeof *l, (int (*)(const void *, const void *))by_position);
    size_t kept = 0;
    for (size_t i = 0; i < late->len; i++) {
        if (kept > 0 && l[kept - 1].pos == l[i].pos)
            l[kept - 1].terms |= l[i].terms;
        else
            l[kept++] = l[i];
    }
    return kept;
}

/* Puts the look-back candidates among out's, in order, one per position.
 * out's own, from `from` on, are in order already (one per position
 * scanned): only late is sorted, then the two are merged. */
static void
merge_candidates(GArray *out, size_t from, GArray *late)
{
    if (late->len == 0)
        return;                /* every walk ended at once; out may hold no data at all */
    size_t nl = sort_late(late), n = out->len - from;
    const cg_term_candidate *l = (const cg_term_candidate *)late->data;
    /* out holds no data at all when it has no candidates */
    cg_term_candidate *own = n ? g_memdup2(&g_array_index(out, cg_term_candidate, from),
                                           n * sizeof *own) : NULL;
    g_array_set_size(out, from + n + nl);
    cg_term_candidate *c = &g_array_index(out, cg_term_candidate, from);
    size_t i = 0, j = 0, k = 0;
    while (i < n || j < nl) {
        if (j == nl || (i < n && own[i].pos < l[j].pos))
            c[k++] = own[i++];
        else if (i == n || l[j].pos < own[i].pos)
            c[k++] = l[j++];
        else {
            c[k++] = (cg_term_candidate){ own[i].pos, own[i].terms | l[j].terms };
            i++, j++;
        }
    }
    g_array_set_size(out, from + k);
    g_free(own);
}

/* The first position q >= p where the raw pair test passes, the byte before
 * q being of its kind; once q + 1 >= len (no pair left to test) that q.
 * Two positions per branch: the tests pass rarely, and a branch per
 * position cost more than the second test. */
static inline G_ALWAYS_INLINE size_t
next_raw_pair(const cg_term_filter *f, const guint8 *t, size_t len, size_t p)
{
    const guint8 *kinds = f->raw_pair_kinds;
    guint before = p == 0 ? 1u << AFTER_NON_WORD : f->kind_bit[t[p - 1]];
    for (; p + 2 < len; p += 2) {
        guint here = kinds[pair_at(t + p)] & before;
        guint next = kinds[pair_at(t + p + 1)] & f->kind_bit[t[p]];
        if (G_UNLIKELY(here | next))
            return here ? p : p + 1;
        before = f->kind_bit[t[p + 1]];
    }
    if (p + 1 < len && !(kinds[pair_at(t + p)] & before))
        p++;
    return p;
}

void
cg_term_filter_candidates(const cg_term_filter *f, const char *text, size_t len, GArray *out)
{
    const guint8 *t = (const guint8 *)text;
    size_t from = out->len;
    size_t walked_from[CG_TERM_BITS] = { 0 };
    GArray *late = NULL;
    /* Candidates go out in batches: a call per candidate cost more than
     * finding it. */
    cg_term_candidate batch[64];
    guint batched = 0;
    /* most positions fail the raw pair test of the two bytes there */
    for (size_t p = next_raw_pair(f, t, len, 0); p <= len; p = next_raw_pair(f, t, len, p + 1)) {
        guint kind = (guint)after_kind(f, t, p);
        cg_term_bits terms = terms_at(f, t, len, p, (int)kind);
        if (terms) {
            batch[batched++] = (cg_term_candidate){ (guint32)p, terms };
            if (batched == G_N_ELEMENTS(batch)) {
                g_array_append_vals(out, batch, batched);
                batched = 0;
            }
        }
        /* Late prefixes begin at few of the positions the others stop at:
         * the same raw pair says where. */
        gboolean late_here = f->late && (p + 1 >= len ||
                                         (f->raw_pair_kinds[pair_at(t + p)] & LATE_PAIR));
        cg_term_bits late_terms = late_here ? terms_at(f->late, t, len, p, (int)kind) : 0;
        if (late_terms) {
            if (!late)
                late = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
            look_back(f, t, p, late_terms, walked_from, late);
        }
    }
    if (batched > 0)
        g_array_append_vals(out, batch, batched);
    if (late) {
        merge_candidates(out, from, late);
        g_array_free(late, TRUE);
    }
}
