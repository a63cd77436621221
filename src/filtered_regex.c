/*
 * filtered_regex.c -- a regex searched only where a match could start (see
 * filtered_regex.h).
 */
#include "filtered_regex.h"
#include "term_filter.h"

struct cg_filtered_regex {
    cg_regex *plain;
    cg_regex *anchored;          /* tried at next's candidates; NULL: plain searches only */
    cg_candidate_fn next;
    cg_term_filter *filter;      /* next's data for a term-filtered pattern (one term, index 0) */
};

static gboolean plain_forced;

void
cg_filtered_regex_force_plain(gboolean on)
{
    plain_forced = on;
}

static size_t
filter_next(void *data, const char *s, size_t len, size_t from)
{
    return cg_term_filter_next(data, s, len, from, CG_TERM_BIT(0));
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
cg_filtered_regex_new(const char *pattern, unsigned flags, GError **error)
{
    cg_filtered_regex *fr = filtered_regex_plain(pattern, flags, error);
    /* The prefix reader knows byte-mode syntax only. */
    if (!fr || (flags & (CG_RE_UTF | CG_RE_EXTENDED | CG_RE_ANCHORED)))
        return fr;
    fr->filter = cg_term_filter_new();
    if (cg_term_filter_add(fr->filter, 0, pattern, (flags & CG_RE_CASELESS) != 0))
        fr->anchored = cg_regex_new(pattern, flags | CG_RE_ANCHORED, error);
    if (!fr->anchored) {
        cg_term_filter_free(fr->filter);
        fr->filter = NULL;
    }
    fr->next = filter_next;
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
    cg_term_filter_free(fr->filter);
    g_free(fr);
}

gboolean
cg_filtered_regex_find(const cg_filtered_regex *fr, void *data, const char *s, size_t len,
                       size_t start, gssize *ovec, unsigned nvec)
{
    if (!fr->anchored || plain_forced)
        return cg_regex_find(fr->plain, s, len, start, ovec, nvec);
    if (fr->filter)
        data = fr->filter;
    for (size_t p = start; (p = fr->next(data, s, len, p)) <= len; p++)
        if (cg_regex_find(fr->anchored, s, len, p, ovec, nvec))
            return TRUE;
    return FALSE;
}
