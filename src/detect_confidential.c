/*
 * detect_confidential.c -- the confidential detector: staff mail that
 * discloses non-public business information to outside addresses.
 *
 * The message is judged as a whole.  Content evidence (a metric with a
 * figure, a forecast, strategy, HR matter, trade secret, internal process or
 * communication, a client with engagement details) gives a base score per
 * kind.  Some combinations are disclosures on their own: a metric with a
 * figure and a period, an HR action with a head count or a named person, a
 * client relationship with figures and a period, a deal under way.  A
 * confidentiality marker ("not announced yet", "between us"), a second,
 * different piece of evidence of the same kind and several independent
 * kinds raise the score; content said to be public lowers it.
 * Marker words inside a legal footer do not count, so "This email may be
 * confidential" alone never makes a violation.  The message's score is put
 * on the finding of its strongest evidence.
 */
#include "detectors.h"
#include "lexicon.h"
#include "namelist.h"

#include <string.h>

/* How far (in view bytes) a figure or period may be from what it qualifies. */
#define NEAR_FIGURE   90
#define NEAR_PERIOD   160
#define NEAR_CLIENT   220
#define NEAR_COUNT    40      /* "RIF of ~40", "cutting 35 roles" */
#define NEAR_PERSON   60      /* "put Sam on a PIP", "fired Marco" */
#define FOOTER_REACH  700

#define MARKER_BOOST  0.3
#define MULTI_BOOST   0.1
#define PUBLIC_PENALTY 0.4
#define CORROBORATION_BOOST 0.1

enum { K_METRIC, K_FORECAST, K_STRATEGY, K_PROCESS, K_INTERNAL, K_SECRET, K_HR, K_CLIENT, K_COUNT };
static const char *const kind_names[K_COUNT] = {
    "metric", "forecast", "strategy", "process", "internal", "trade_secret", "hr", "client",
};

/* Hits of configured names, beside the lexicon's classes. */
enum { CLIENT_NAME = CONF_NCLASSES, APPROVED_NAME };

typedef struct {
    cg_detector base;
    cg_namelist *clients;      /* configured client/partner names */
    cg_namelist *approved;     /* names approved for reference */
} confidential_detector;

typedef struct {
    double score;
    const cg_hit *hit;
    gboolean corroborated;     /* a second, different piece of evidence of this kind */
} evidence;

/* The hits of one class in (text, start) order, so that "is one within reach
 * of h" is a binary search rather than a pass over every hit. */
typedef struct {
    guint text;
    size_t start;
    size_t furthest_end;       /* the largest end of this and the hits before it in its text */
} placed_hit;

enum { N_HIT_CLASSES = APPROVED_NAME + 1 };

typedef struct {
    GArray *by_class[N_HIT_CLASSES];   /* placed_hit */
} hit_index;

static gint
by_text_and_start(gconstpointer a, gconstpointer b)
{
    const placed_hit *pa = a, *pb = b;
    if (pa->text != pb->text)
        return pa->text < pb->text ? -1 : 1;
    return pa->start < pb->start ? -1 : pa->start > pb->start;
}

static void
hit_index_build(hit_index *ix, GArray *hits)
{
    for (int c = 0; c < N_HIT_CLASSES; c++)
        ix->by_class[c] = g_array_new(FALSE, FALSE, sizeof(placed_hit));
    for (guint i = 0; i < hits->len; i++) {
        const cg_hit *h = &g_array_index(hits, cg_hit, i);
        placed_hit ph = { h->text, h->start, h->end };
        g_array_append_val(ix->by_class[h->cls], ph);
    }
    for (int c = 0; c < N_HIT_CLASSES; c++) {
        GArray *a = ix->by_class[c];
        g_array_sort(a, by_text_and_start);
        for (guint i = 1; i < a->len; i++) {
            placed_hit *prev = &g_array_index(a, placed_hit, i - 1), *ph = prev + 1;
            if (prev->text == ph->text)
                ph->furthest_end = MAX(ph->furthest_end, prev->furthest_end);
        }
    }
}

static void
hit_index_clear(hit_index *ix)
{
    for (int c = 0; c < N_HIT_CLASSES; c++)
        g_array_free(ix->by_class[c], TRUE);
}

/* Whether a hit of class cls (never h's own) lies within reach bytes of h
 * in its text, overlapping counting as near: one that starts by h->end +
 * reach and ends at h->start - reach or later. */
static gboolean
has_near(const hit_index *ix, const cg_hit *h, int cls, size_t reach)
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

/* End of the paragraph holding offset start (a blank line or the reach limit). */
static size_t
paragraph_end(const cg_view *v, size_t start)
{
    size_t limit = MIN(v->len, start + FOOTER_REACH);
    const char *blank = g_strstr_len(v->text + start, limit - start, "\n\n");
    return blank ? (size_t)(blank - v->text) : limit;
}

static gboolean
in_footer(const cg_doc *doc, GArray *hits, const cg_hit *h)
{
    for (guint i = 0; i < hits->len; i++) {
        const cg_hit *f = &g_array_index(hits, cg_hit, i);
        if (f->cls == CONF_FOOTER && f->text == h->text && h->start >= f->start &&
            h->start < paragraph_end(&doc->texts[f->text].view, f->start))
            return TRUE;
    }
    return FALSE;
}

/* Configured client names become hits of their own; approved ones are kept
 * apart, so what is said about them reads as an approved reference. */
static void
find_clients(const confidential_detector *cd, const cg_doc *doc, GArray *hits)
{
    if (cg_namelist_is_empty(cd->clients))
        return;
    for (guint t = 0; t < doc->ntexts; t++) {
        const cg_view *v = &doc->texts[t].view;
        size_t pos = 0, s, e;
        while (cg_namelist_find(cd->clients, v->text, v->len, pos, &s, &e)) {
            pos = e;
            char *name = g_strndup(v->text + s, e - s);
            gboolean approved = cg_namelist_contains(cd->approved, name);
            g_free(name);
            cg_hit h = { approved ? APPROVED_NAME : CLIENT_NAME,
                         approved ? "confidential.approved-name" : "confidential.client-name", t, s, e };
            g_array_append_val(hits, h);
        }
    }
}

static gboolean
same_text(const cg_doc *doc, const cg_hit *a, const cg_hit *b)
{
    return a->end - a->start == b->end - b->start &&
           g_ascii_strncasecmp(doc->texts[a->text].view.text + a->start,
                               doc->texts[b->text].view.text + b->start, a->end - a->start) == 0;
}

/* Keep the strongest hit of each kind; note when another, different hit of
 * the kind is itself real evidence ("codename Orca" and "ships in September"). */
static void
consider(const cg_doc *doc, evidence *best, int kind, double score, const cg_hit *h)
{
    const cg_hit *held = best[kind].hit;
    if (held && score >= 0.3 && best[kind].score >= 0.3 && !same_text(doc, held, h))
        best[kind].corroborated = TRUE;
    if (score > best[kind].score) {
        best[kind].score = score;
        best[kind].hit = h;
    }
}

/* Base score of one content hit, by class and what stands near it: a metric
 * needs a figure and a period, an HR matter a person or a head count. */
static void
weigh(const cg_doc *doc, const hit_index *ix, const cg_hit *h, evidence *best)
{
    if (h->cls == CONF_FIGURE || h->cls == CONF_PERIOD || h->cls == CONF_NUMBER ||
        h->cls == CONF_PERSON)
        return;                /* they only qualify the others */
    gboolean fig = has_near(ix, h, CONF_FIGURE, NEAR_FIGURE);
    gboolean per = has_near(ix, h, CONF_PERIOD, NEAR_PERIOD);
    gboolean num = has_near(ix, h, CONF_NUMBER, NEAR_FIGURE);
    switch (h->cls) {
    case CONF_METRIC:
        consider(doc, best, K_METRIC, fig ? (per ? 0.6 : 0.45) : 0.15, h);
        break;
    case CONF_FORECAST:
        consider(doc, best, K_FORECAST, fig && per ? 0.6 : fig || per ? 0.45 : 0.3, h);
        break;
    case CONF_STRATEGY:
        consider(doc, best, K_STRATEGY, fig && per ? 0.5 : fig || per ? 0.4 : 0.35, h);
        break;
    case CONF_DEAL:           /* a deal still being made is not public by nature */
        consider(doc, best, K_STRATEGY, fig || per ? 0.55 : 0.5, h);
        break;
    case CONF_PROCESS:
        consider(doc, best, K_PROCESS, fig || num ? 0.45 : 0.3, h);
        break;
    case CONF_INTERNAL:
        consider(doc, best, K_INTERNAL, 0.35, h);
        break;
    case CONF_SECRET:
        consider(doc, best, K_SECRET, fig ? 0.55 : num ? 0.5 : 0.3, h);
        break;
    case CONF_HR:
        consider(doc, best, K_HR,
                 fig || has_near(ix, h, CONF_NUMBER, NEAR_COUNT) ||
                 has_near(ix, h, CONF_PERSON, NEAR_PERSON) ? 0.6 : 0.4, h);
        break;
    case CONF_PAY:            /* pay is a disclosure with its figures, not with a name */
        consider(doc, best, K_HR, fig ? 0.6 : 0.4, h);
        break;
    case CONF_CLIENT:
        if (has_near(ix, h, APPROVED_NAME, NEAR_CLIENT))
            consider(doc, best, K_CLIENT, 0.25, h);
        else
            consider(doc, best, K_CLIENT, (fig || num) && per ? 0.6 : fig || num ? 0.5 : per ? 0.4 : 0.25, h);
        break;
    case CLIENT_NAME:
        consider(doc, best, K_CLIENT,
                 has_near(ix, h, CONF_CLIENT, NEAR_CLIENT) || has_near(ix, h, CONF_FIGURE, NEAR_CLIENT)
                 ? 0.5 : 0.3, h);
        break;
    default:
        break;
    }
}

static void
emit(const cg_doc *doc, const cg_hit *h, const char *kind, double score, GPtrArray *findings)
{
    g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONFIDENTIAL, kind, h->rule, &doc->texts[h->text],
                                             h->start, h->end, CLAMP(score, 0.01, 0.98)));
}

static void
confidential_run(const cg_detector *self, const cg_doc *doc, GPtrArray *findings)
{
    const confidential_detector *cd = (const confidential_detector *)self;
    GArray *hits = g_array_copy(doc->term_hits[CG_CAT_CONFIDENTIAL]);
    find_clients(cd, doc, hits);

    hit_index ix;
    hit_index_build(&ix, hits);
    evidence best[K_COUNT] = { { 0, NULL, FALSE } };
    const cg_hit *marker = NULL;
    gboolean is_public = FALSE;
    for (guint i = 0; i < hits->len; i++) {
        const cg_hit *h = &g_array_index(hits, cg_hit, i);
        if (h->cls == CONF_MARKER) {
            if (!marker && !in_footer(doc, hits, h))
                marker = h;
        } else if (h->cls == CONF_PUBLIC) {
            is_public = is_public || !in_footer(doc, hits, h);
        } else {
            weigh(doc, &ix, h, best);
        }
    }

    int top = -1, nkinds = 0;
    for (int k = 0; k < K_COUNT; k++) {
        if (best[k].score >= 0.3)
            nkinds++;
        if (best[k].corroborated)
            best[k].score += CORROBORATION_BOOST;
        if (best[k].hit && (top < 0 || best[k].score > best[top].score))
            top = k;
    }
    if (top >= 0) {
        double judgement = best[top].score;
        if (marker)
            judgement += MARKER_BOOST;
        if (nkinds >= 2)
            judgement += MULTI_BOOST;
        if (nkinds >= 3)
            judgement += MULTI_BOOST;
        if (is_public && !marker)
            judgement -= PUBLIC_PENALTY;
        for (int k = 0; k < K_COUNT; k++)
            if (best[k].hit)
                emit(doc, best[k].hit, kind_names[k],
                     k == top ? judgement : MIN(best[k].score, judgement), findings);
    }
    if (marker)
        emit(doc, marker, "marker", 0.3, findings);
    hit_index_clear(&ix);
    g_array_free(hits, TRUE);
}

static void
confidential_free(cg_detector *self)
{
    confidential_detector *cd = (confidential_detector *)self;
    cg_namelist_free(cd->clients);
    cg_namelist_free(cd->approved);
    g_free(cd);
}

/* Extra confidential terms: the inline list and the file's, as one pattern. */
static gboolean
add_extra_terms(cg_termset *ts, const cg_config *cfg, GError **error)
{
    GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
    for (char **w = cfg->confidential_terms; w && *w; w++)
        g_ptr_array_add(words, g_strdup(*w));
    if (cfg->confidential_terms_file && *cfg->confidential_terms_file) {
        char **file_words = cg_read_word_file(cfg->confidential_terms_file, error);
        if (!file_words) {
            g_ptr_array_free(words, TRUE);
            return FALSE;
        }
        for (char **w = file_words; *w; w++)
            g_ptr_array_add(words, g_strdup(*w));
        g_strfreev(file_words);
    }
    g_ptr_array_add(words, NULL);
    char *pattern = cg_words_pattern((char *const *)words->pdata);
    g_ptr_array_free(words, TRUE);
    gboolean ok = !pattern || cg_termset_add(ts, CG_CAT_CONFIDENTIAL, CONF_INTERNAL,
                                             "confidential.configured-term", pattern, error);
    g_free(pattern);
    return ok;
}

/* Names from a file, one a line; no file configured is an empty list. */
static gboolean
load_names(cg_namelist *nl, const char *path, GError **error)
{
    if (!path || !*path)
        return TRUE;
    char **names = cg_read_word_file(path, error);
    if (!names)
        return FALSE;
    for (char **n = names; *n; n++)
        cg_namelist_add(nl, *n);
    g_strfreev(names);
    return TRUE;
}

cg_detector *
cg_confidential_detector_new(const cg_config *cfg, cg_termset *terms,
                             cg_filter_group *group G_GNUC_UNUSED, GError **error)
{
    confidential_detector *cd = g_new0(confidential_detector, 1);
    cd->base.name = "confidential";
    cd->base.category = CG_CAT_CONFIDENTIAL;
    cd->base.run = confidential_run;
    cd->base.free = confidential_free;
    cd->clients = cg_namelist_new();
    cd->approved = cg_namelist_new();
    if (!cg_termset_add_terms(terms, CG_CAT_CONFIDENTIAL, cg_confidential_terms,
                              cg_n_confidential_terms, error) ||
        !add_extra_terms(terms, cfg, error)) {
        confidential_free(&cd->base);
        return NULL;
    }
    if (!load_names(cd->clients, cfg->confidential_clients_file, error) ||
        !load_names(cd->approved, cfg->confidential_approved_file, error)) {
        confidential_free(&cd->base);
        return NULL;
    }
    return &cd->base;
}
