/*
 * evidence.c -- term tables matched over a message, and the index of their
 * hits by class that detectors ask what is near what (see evidence.h).
 */
#include "evidence.h"
#include "term_split.h"

#include <string.h>

/* Hits kept per term and segment: the detectors judge a message by what is
 * near what, and a CSV of a million numbers must not make that quadratic. */
#define MAX_HITS_PER_TERM 256

typedef struct {
    cg_category owner;
    int cls;
    const char *rule;
    cg_regex *re;            /* unanchored, for a term the filter cannot take; else NULL */
    cg_term_split *split;    /* anchored, run only at the filter's candidates; else NULL */
    cg_term_bits bit;        /* the split's in the filter group */
} compiled_term;

struct cg_termset {
    GArray *terms;           /* compiled_term */
    GPtrArray *owned;        /* rule names of added terms */
    cg_filter_group *group;  /* the engine's, the terms among its members */
    cg_regex_pool *pool;     /* the splits' regexes */
};

static gboolean
compile_term(cg_termset *ts, cg_category owner, int cls, const char *rule, const char *pattern,
             GError **error)
{
    compiled_term ct = { owner, cls, rule, NULL, NULL, 0 };
    gboolean compiled;
    if ((ct.bit = cg_filter_group_add(ts->group, owner, pattern, TRUE))) {
        ct.split = g_new(cg_term_split, 1);
        compiled = cg_term_split_init(ct.split, ts->pool, pattern, CG_RE_CASELESS, error);
    } else {
        ct.re = cg_regex_new(pattern, CG_RE_CASELESS, error);
        compiled = ct.re != NULL;
    }
    /* appended either way, for cg_termset_free to release */
    g_array_append_val(ts->terms, ct);
    if (!compiled)
        g_prefix_error(error, "term %s: ", rule);
    return compiled;
}

cg_termset *
cg_termset_new(cg_filter_group *group)
{
    cg_termset *ts = g_new0(cg_termset, 1);
    ts->terms = g_array_new(FALSE, FALSE, sizeof(compiled_term));
    ts->owned = g_ptr_array_new_with_free_func(g_free);
    ts->group = group;
    ts->pool = cg_regex_pool_new();
    return ts;
}

gboolean
cg_termset_add_terms(cg_termset *ts, cg_category owner, const cg_term *terms, size_t n,
                     GError **error)
{
    for (size_t i = 0; i < n; i++)
        if (!compile_term(ts, owner, terms[i].cls, terms[i].rule, terms[i].pattern, error))
            return FALSE;
    return TRUE;
}

gboolean
cg_termset_add(cg_termset *ts, cg_category owner, int cls, const char *rule, const char *pattern,
               GError **error)
{
    char *name = g_strdup(rule);
    g_ptr_array_add(ts->owned, name);
    return compile_term(ts, owner, cls, name, pattern, error);
}

void
cg_termset_free(cg_termset *ts)
{
    if (!ts)
        return;
    for (guint i = 0; i < ts->terms->len; i++) {
        compiled_term *ct = &g_array_index(ts->terms, compiled_term, i);
        cg_regex_free(ct->re);
        g_free(ct->split);
    }
    g_array_free(ts->terms, TRUE);
    cg_regex_pool_free(ts->pool);
    g_ptr_array_free(ts->owned, TRUE);
    g_free(ts);
}

static void
add_hit(GArray *hits, const compiled_term *ct, guint text, const gssize *ov, size_t *next)
{
    cg_hit h = { ct->cls, ct->rule, text, (size_t)ov[0], (size_t)ov[1] };
    g_array_append_val(hits, h);
    *next = (size_t)ov[1] > (size_t)ov[0] ? (size_t)ov[1] : (size_t)ov[0] + 1;
}

/* Every match of a term the filter knows: its anchored pattern tried at
 * each candidate in turn is the leftmost match an unanchored search finds.
 * Of the pattern, only the alternatives that can begin with the byte at
 * the candidate are run. */
static void
scan_candidates(const compiled_term *ct, const cg_view *v, guint text,
                const cg_term_candidates *cands, GArray *hits)
{
    size_t n, next = 0;
    const guint32 *pos = cg_term_candidates_of(cands, ct->bit, &n);
    unsigned kept = 0;
    gssize ov[2];
    for (size_t c = 0; c < n && kept < MAX_HITS_PER_TERM; c++) {
        if (pos[c] < next)
            continue;
        const cg_regex *re = cg_term_split_at(ct->split, v->text, v->len, pos[c]);
        if (re && cg_regex_find(re, v->text, v->len, pos[c], ov, 1)) {
            add_hit(hits, ct, text, ov, &next);
            kept++;
        }
    }
}

static void
scan_everywhere(const compiled_term *ct, const cg_view *v, guint text, GArray *hits)
{
    size_t pos = 0;
    unsigned kept = 0;
    gssize ov[2];
    while (kept++ < MAX_HITS_PER_TERM && pos <= v->len &&
           cg_regex_find(ct->re, v->text, v->len, pos, ov, 1))
        add_hit(hits, ct, text, ov, &pos);
}

void
cg_termset_scan(const cg_termset *ts, const cg_doc *doc, GArray *const hits[CG_CAT_COUNT])
{
    for (guint t = 0; t < doc->ntexts; t++) {
        const cg_view *v = &doc->texts[t].view;
        for (guint i = 0; i < ts->terms->len; i++) {
            const compiled_term *ct = &g_array_index(ts->terms, compiled_term, i);
            if (!hits[ct->owner])
                continue;
            if (ct->split)
                scan_candidates(ct, v, t, &doc->texts[t].candidates, hits[ct->owner]);
            else
                scan_everywhere(ct, v, t, hits[ct->owner]);
        }
    }
}

typedef struct {
    guint text;
    size_t start;
    size_t furthest_end;       /* the largest end of this and the hits before it in its text */
} placed_hit;

struct cg_hit_index {
    int nclasses;
    GArray *by_class[];        /* placed_hit */
};

static gboolean
placed_before(const placed_hit *a, const placed_hit *b)
{
    return a->text != b->text ? a->text < b->text : a->start < b->start;
}

/* The end of the run of hits in order that begins at from. */
static guint
run_end(const placed_hit *h, guint from, guint n)
{
    guint i = from + 1;
    while (i < n && !placed_before(&h[i], &h[i - 1]))
        i++;
    return i;
}

static void
merge_runs(const placed_hit *l, guint nl, const placed_hit *r, guint nr, placed_hit *out)
{
    while (nl && nr) {
        if (placed_before(r, l)) {
            *out++ = *r++;
            nr--;
        } else {
            *out++ = *l++;
            nl--;
        }
    }
    memcpy(out, l, nl * sizeof *l);
    memcpy(out + nl, r, nr * sizeof *r);
}

/* Hits come in runs already in order: cg_termset_scan gives a term's hits
 * text by text in start order, and most classes are one term.  Merging
 * neighbouring runs until one is left costs one comparison a hit for a
 * class in order, where a general sort made N log N callback calls. */
static void
sort_placed(GArray *a)
{
    guint n = a->len;
    placed_hit *src = (placed_hit *)a->data;
    if (n < 2 || run_end(src, 0, n) == n)
        return;
    placed_hit *buf = g_new(placed_hit, n), *dst = buf;
    guint runs;
    do {
        runs = 0;
        for (guint i = 0, mid, end; i < n; i = end, runs++) {
            mid = run_end(src, i, n);
            end = mid < n ? run_end(src, mid, n) : n;
            merge_runs(src + i, mid - i, src + mid, end - mid, dst + i);
        }
        placed_hit *merged = dst;
        dst = src;
        src = merged;
    } while (runs > 1);
    if (src != (placed_hit *)a->data)
        memcpy(a->data, src, n * sizeof *src);
    g_free(buf);
}

cg_hit_index *
cg_hit_index_new(const GArray *hits, int nclasses)
{
    cg_hit_index *ix = g_malloc(sizeof *ix + nclasses * sizeof ix->by_class[0]);
    ix->nclasses = nclasses;
    for (int c = 0; c < nclasses; c++)
        ix->by_class[c] = g_array_new(FALSE, FALSE, sizeof(placed_hit));
    for (guint i = 0; i < hits->len; i++) {
        const cg_hit *h = &g_array_index(hits, cg_hit, i);
        placed_hit ph = { h->text, h->start, h->end };
        g_array_append_val(ix->by_class[h->cls], ph);
    }
    for (int c = 0; c < nclasses; c++) {
        GArray *a = ix->by_class[c];
        sort_placed(a);
        for (guint i = 1; i < a->len; i++) {
            placed_hit *prev = &g_array_index(a, placed_hit, i - 1), *ph = prev + 1;
            if (prev->text == ph->text)
                ph->furthest_end = MAX(ph->furthest_end, prev->furthest_end);
        }
    }
    return ix;
}

gboolean
cg_hit_index_has_near(const cg_hit_index *ix, const cg_hit *h, int cls, size_t reach)
{
    g_assert(cls != h->cls);
    GArray *a = ix->by_class[cls];
    guint lo = 0, hi = a->len;     /* the hits before lo start in reach or earlier */
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        const placed_hit *ph = &g_array_index(a, placed_hit, mid);
        if (ph->text < h->text || (ph->text == h->text && ph->start <= h->end + reach))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return FALSE;
    const placed_hit *last = &g_array_index(a, placed_hit, lo - 1);
    return last->text == h->text && last->furthest_end + reach >= h->start;
}

void
cg_hit_index_free(cg_hit_index *ix)
{
    for (int c = 0; c < ix->nclasses; c++)
        g_array_free(ix->by_class[c], TRUE);
    g_free(ix);
}

char *
cg_words_pattern(char *const *words)
{
    if (!words || !words[0])
        return NULL;
    GString *p = g_string_new("(?<![\\w])(?:");
    gboolean any = FALSE;
    for (char *const *w = words; *w; w++) {
        if (!**w)
            continue;
        char *escaped = g_regex_escape_string(*w, -1);
        g_string_append_printf(p, "%s%s", any ? "|" : "", escaped);
        g_free(escaped);
        any = TRUE;
    }
    g_string_append(p, ")(?![\\w])");
    if (!any) {
        g_string_free(p, TRUE);
        return NULL;
    }
    return g_string_free(p, FALSE);
}

char **
cg_read_word_file(const char *path, GError **error)
{
    char *data;
    if (!g_file_get_contents(path, &data, NULL, error))
        return NULL;
    char **lines = g_strsplit(data, "\n", -1);
    g_free(data);
    GPtrArray *out = g_ptr_array_new();
    for (char **l = lines; *l; l++) {
        char *hash = strchr(*l, '#');
        if (hash)
            *hash = '\0';
        g_strstrip(*l);
        if (**l && g_utf8_validate(*l, -1, NULL))
            g_ptr_array_add(out, g_strdup(*l));
    }
    g_strfreev(lines);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

char *
cg_header_domain(const cg_message *msg, const char *name)
{
    const char *value = cg_message_header(msg, name);
    if (!value)
        return NULL;
    const char *at = strchr(value, '@');
    if (!at)
        return NULL;
    const char *end = at + 1;
    while (*end && (g_ascii_isalnum(*end) || *end == '.' || *end == '-'))
        end++;
    if (end == at + 1)
        return NULL;
    return g_ascii_strdown(at + 1, end - at - 1);
}
