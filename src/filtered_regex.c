/*
 * filtered_regex.c -- a regex searched only where a match could start (see
 * filtered_regex.h).
 */
#include "filtered_regex.h"

struct cg_filtered_regex {
    cg_regex *plain;
    cg_regex *anchored;          /* tried at candidates; NULL: plain searches only */
    cg_candidate_fn next;        /* the family's own candidates; NULL: the group's */
    cg_term_bits bit;            /* a group member's term bit */
};

static gboolean plain_forced;

void
cg_filtered_regex_force_plain(gboolean on)
{
    plain_forced = on;
}

static cg_filtered_regex *
filtered_regex_plain(const char *pattern, unsigned flags, GError **error)
{
    cg_filtered_regex *fr = g_new0(cg_filtered_regex, 1);
    fr->plain = cg_regex_new(pattern, flags, error);
    if (!fr->plain) {
        g_free(fr);
        return NULL;
    }
    return fr;
}

cg_filtered_regex *
cg_filtered_regex_new_in(cg_filter_group *g, cg_category owner, const char *pattern,
                         unsigned flags, GError **error)
{
    cg_filtered_regex *fr = filtered_regex_plain(pattern, flags, error);
    /* The prefix reader knows byte-mode syntax only. */
    if (!fr || (flags & (CG_RE_UTF | CG_RE_EXTENDED | CG_RE_ANCHORED)) ||
        !(fr->bit = cg_filter_group_add(g, owner, pattern, (flags & CG_RE_CASELESS) != 0)))
        return fr;
    if (!(fr->anchored = cg_regex_new(pattern, flags | CG_RE_ANCHORED, error))) {
        cg_filtered_regex_free(fr);
        return NULL;
    }
    return fr;
}

cg_filtered_regex *
cg_filtered_regex_new_with(const char *pattern, unsigned flags, cg_candidate_fn next,
                           GError **error)
{
    cg_filtered_regex *fr = filtered_regex_plain(pattern, flags, error);
    if (fr && !(fr->anchored = cg_regex_new(pattern, flags | CG_RE_ANCHORED, error))) {
        cg_filtered_regex_free(fr);
        return NULL;
    }
    if (fr)
        fr->next = next;
    return fr;
}

void
cg_filtered_regex_free(cg_filtered_regex *fr)
{
    if (!fr)
        return;
    cg_regex_free(fr->plain);
    cg_regex_free(fr->anchored);
    g_free(fr);
}

gboolean
cg_filtered_regex_find(const cg_filtered_regex *fr, void *data, const char *s, size_t len,
                       size_t start, gssize *ovec, unsigned nvec)
{
    g_return_val_if_fail(fr->next, FALSE);
    if (plain_forced)
        return cg_regex_find(fr->plain, s, len, start, ovec, nvec);
    for (size_t p = start; (p = fr->next(data, s, len, p)) <= len; p++)
        if (cg_regex_find(fr->anchored, s, len, p, ovec, nvec))
            return TRUE;
    return FALSE;
}

/* A member's candidates from start on are found by halving, so a family
 * that searches on from each match reads each candidate once. */
gboolean
cg_filtered_regex_find_in(const cg_filtered_regex *fr, const cg_term_candidates *cands,
                          const char *s, size_t len, size_t start, gssize *ovec, unsigned nvec)
{
    g_return_val_if_fail(!fr->next, FALSE);
    if (!fr->anchored || plain_forced)
        return cg_regex_find(fr->plain, s, len, start, ovec, nvec);
    size_t n, lo = 0, hi;
    const guint32 *pos = cg_term_candidates_of(cands, fr->bit, &n);
    for (hi = n; lo < hi;) {
        size_t mid = lo + (hi - lo) / 2;
        if (pos[mid] < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < n; i++)
        if (cg_regex_find(fr->anchored, s, len, pos[i], ovec, nvec))
            return TRUE;
    return FALSE;
}
