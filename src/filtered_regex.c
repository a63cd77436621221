/*
 * filtered_regex.c -- a regex searched only where a match could start (see
 * filtered_regex.h).
 */
#include "filtered_regex.h"
#include "term_filter.h"

struct cg_filtered_regex {
    cg_regex *plain;
    cg_regex *anchored;          /* with filter; NULL when the filter cannot read the pattern */
    cg_term_filter *filter;      /* one term, index 0 */
};

static gboolean plain_forced;

void
cg_filtered_regex_force_plain(gboolean on)
{
    plain_forced = on;
}

gboolean
cg_filtered_regex_plain_forced(void)
{
    return plain_forced;
}

gboolean
cg_regex_find_candidates(const cg_regex *anchored, cg_candidate_fn next, void *data,
                         const char *s, size_t len, size_t start, gssize *ovec, unsigned nvec)
{
    for (size_t p = start; (p = next(data, s, len, p)) <= len; p++)
        if (cg_regex_find(anchored, s, len, p, ovec, nvec))
            return TRUE;
    return FALSE;
}

static size_t
filter_next(void *data, const char *s, size_t len, size_t from)
{
    return cg_term_filter_next(data, s, len, from, CG_TERM_BIT(0));
}

cg_filtered_regex *
cg_filtered_regex_new(const char *pattern, unsigned flags, GError **error)
{
    cg_filtered_regex *fr = g_new0(cg_filtered_regex, 1);
    fr->plain = cg_regex_new(pattern, flags, error);
    if (!fr->plain) {
        g_free(fr);
        return NULL;
    }
    /* The prefix reader knows byte-mode syntax only. */
    if (flags & (CG_RE_UTF | CG_RE_EXTENDED | CG_RE_ANCHORED))
        return fr;
    fr->filter = cg_term_filter_new();
    if (cg_term_filter_add(fr->filter, 0, pattern, (flags & CG_RE_CASELESS) != 0))
        fr->anchored = cg_regex_new(pattern, flags | CG_RE_ANCHORED, error);
    if (!fr->anchored) {
        cg_term_filter_free(fr->filter);
        fr->filter = NULL;
    }
    return fr;
}

void
cg_filtered_regex_free(cg_filtered_regex *fr)
{
    if (!fr)
        return;
    cg_regex_free(fr->plain);
    cg_regex_free(fr->anchored);
    cg_term_filter_free(fr->filter);
    g_free(fr);
}

gboolean
cg_filtered_regex_find(const cg_filtered_regex *fr, const char *s, size_t len, size_t start,
                       gssize *ovec, unsigned nvec)
{
    if (!fr->filter || plain_forced)
        return cg_regex_find(fr->plain, s, len, start, ovec, nvec);
    return cg_regex_find_candidates(fr->anchored, filter_next, fr->filter, s, len, start, ovec,
                                    nvec);
}
