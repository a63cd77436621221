/*
 * evidence.c -- term tables matched over a message (see evidence.h).
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
