/*
 * result.c -- per-category scores and verdicts from findings (see result.h).
 */
#include "result.h"

#include <string.h>

/* Each independent kind besides the strongest adds this much evidence. */
#define CG_KIND_BONUS 0.05

cg_result *
cg_result_new(void)
{
    cg_result *r = g_new0(cg_result, 1);
    for (int i = 0; i < CG_CAT_COUNT; i++)
        r->cat[i].findings = g_ptr_array_new_with_free_func((GDestroyNotify)cg_finding_free);
    return r;
}

void
cg_result_free(cg_result *r)
{
    if (!r)
        return;
    for (int i = 0; i < CG_CAT_COUNT; i++)
        g_ptr_array_free(r->cat[i].findings, TRUE);
    g_free(r);
}

void
cg_result_add_findings(cg_result *r, GPtrArray *findings)
{
    gsize n;
    cg_finding **moved = (cg_finding **)g_ptr_array_steal(findings, &n);
    for (gsize i = 0; i < n; i++)
        g_ptr_array_add(r->cat[moved[i]->category].findings, moved[i]);
    g_free(moved);
}

static void
score_category(cg_category_result *c, double threshold)
{
    double best = 0.0;
    const char *best_kind = NULL;
    GPtrArray *others = g_ptr_array_new();

    for (guint i = 0; i < c->findings->len; i++) {
        const cg_finding *f = g_ptr_array_index(c->findings, i);
        if (!f->exception && f->score > best) {
            best = f->score;
            best_kind = f->kind;
        }
    }
    double score = best;
    for (guint i = 0; best_kind && i < c->findings->len; i++) {
        const cg_finding *f = g_ptr_array_index(c->findings, i);
        gboolean seen = strcmp(f->kind, best_kind) == 0;
        for (guint k = 0; !seen && k < others->len; k++)
            seen = strcmp(g_ptr_array_index(others, k), f->kind) == 0;
        if (!f->exception && !seen) {
            g_ptr_array_add(others, f->kind);
            score += CG_KIND_BONUS * f->score;
        }
    }
    g_ptr_array_free(others, TRUE);
    c->score = MIN(score, 1.0);
    c->violation = c->score > 0.0 && c->score >= threshold;
}

void
cg_result_score(cg_result *r, const double threshold[CG_CAT_COUNT])
{
    for (int i = 0; i < CG_CAT_COUNT; i++)
        score_category(&r->cat[i], threshold[i]);
}

static void
write_finding(const cg_finding *f, cg_json *j)
{
    cg_json_begin_object(j);
    cg_json_key(j, "kind");      cg_json_string(j, f->kind);
    cg_json_key(j, "match");     cg_json_string(j, f->match);
    cg_json_key(j, "original");  cg_json_string(j, f->original);
    cg_json_key(j, "excerpt");   cg_json_string(j, f->excerpt);
    cg_json_key(j, "where");     cg_json_string(j, f->where);
    cg_json_key(j, "offset");    cg_json_int(j, (gint64)f->offset);
    cg_json_key(j, "rule");      cg_json_string(j, f->rule);
    cg_json_key(j, "score");     cg_json_number(j, f->score);
    cg_json_key(j, "exception"); cg_json_string(j, f->exception);
    cg_json_end_object(j);
}

void
cg_result_write_categories(const cg_result *r, cg_json *j)
{
    cg_json_key(j, "categories");
    cg_json_begin_object(j);
    for (int i = 0; i < CG_CAT_COUNT; i++) {
        const cg_category_result *c = &r->cat[i];
        cg_json_key(j, cg_category_name((cg_category)i));
        cg_json_begin_object(j);
        cg_json_key(j, "violation"); cg_json_bool(j, c->violation);
        cg_json_key(j, "score");     cg_json_number(j, c->score);
        cg_json_key(j, "findings");
        cg_json_begin_array(j);
        for (guint k = 0; k < c->findings->len; k++)
            write_finding(g_ptr_array_index(c->findings, k), j);
        cg_json_end_array(j);
        cg_json_end_object(j);
    }
    cg_json_end_object(j);
}
