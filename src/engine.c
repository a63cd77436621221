/*
 * engine.c -- run the detectors over a message (see engine.h).
 */
#include "engine.h"
#include "detectors.h"

struct cg_engine {
    double threshold[CG_CAT_COUNT];
    gint64 max_scan_time_us;  /* 0 = no budget */
    GPtrArray *detectors;     /* cg_detector * */
    cg_filter_group *group;   /* every term-filtered pattern of the detectors */
    cg_termset *terms;        /* the detectors' vocabularies, matched in one pass */
};

static void
detector_free(gpointer p)
{
    cg_detector *d = p;
    d->free(d);
}

cg_engine *
cg_engine_new(const cg_config *cfg, GError **error)
{
    cg_engine *engine = g_new0(cg_engine, 1);
    engine->detectors = g_ptr_array_new_with_free_func(detector_free);
    engine->group = cg_filter_group_new();
    engine->terms = cg_termset_new(engine->group);
    for (int i = 0; i < CG_CAT_COUNT; i++)
        engine->threshold[i] = cfg->threshold[i];
    engine->max_scan_time_us = (gint64)cfg->max_scan_time * 1000;

    cg_detector *(*const constructors[])(const cg_config *, cg_termset *, cg_filter_group *,
                                         GError **) = {
        cg_contact_detector_new,
        cg_confidential_detector_new,
        cg_media_detector_new,
    };
    for (size_t i = 0; i < G_N_ELEMENTS(constructors); i++) {
        cg_detector *d = constructors[i](cfg, engine->terms, engine->group, error);
        if (!d) {
            cg_engine_free(engine);
            return NULL;
        }
        g_ptr_array_add(engine->detectors, d);
    }
    return engine;
}

void
cg_engine_free(cg_engine *engine)
{
    if (!engine)
        return;
    g_ptr_array_free(engine->detectors, TRUE);
    cg_termset_free(engine->terms);
    cg_filter_group_free(engine->group);
    g_free(engine);
}

cg_result *
cg_engine_scan(const cg_engine *engine, const cg_message *msg)
{
    return cg_engine_scan_only(engine, msg, CG_ALL_CATEGORIES);
}

cg_result *
cg_engine_scan_only(const cg_engine *engine, const cg_message *msg, unsigned mask)
{
    cg_doc doc = { .msg = msg, .ntexts = msg->segments->len };
    if (engine->max_scan_time_us)
        doc.deadline = g_get_monotonic_time() + engine->max_scan_time_us;
    doc.texts = g_new0(cg_text, doc.ntexts);
    /* No detector to run (mail no category watches): no view to build. */
    for (size_t i = 0; i < doc.ntexts && (mask & CG_ALL_CATEGORIES); i++) {
        const cg_segment *seg = g_ptr_array_index(msg->segments, i);
        cg_text *text = &doc.texts[i];
        text->seg = seg;
        cg_view_build(&text->view, seg->text, seg->len);
        cg_filter_group_find(engine->group, mask, text->view.text, text->view.len,
                             &text->candidates);
    }

    GArray *term_hits[CG_CAT_COUNT] = { NULL };
    for (int c = 0; c < CG_CAT_COUNT; c++)
        if (mask & (1u << c))
            term_hits[c] = g_array_new(FALSE, FALSE, sizeof(cg_hit));
    if (!cg_doc_out_of_time(&doc))
        cg_termset_scan(engine->terms, &doc, term_hits);
    doc.term_hits = term_hits;

    cg_result *result = cg_result_new();
    GPtrArray *findings = g_ptr_array_new_with_free_func((GDestroyNotify)cg_finding_free);
    for (guint i = 0; i < engine->detectors->len; i++) {
        const cg_detector *d = g_ptr_array_index(engine->detectors, i);
        if (!(mask & (1u << d->category)) || cg_doc_out_of_time(&doc))
            continue;
        d->run(d, &doc, findings);
        cg_result_add_findings(result, findings);
    }
    g_ptr_array_free(findings, TRUE);
    /* Time only passes: a detector that stopped early left this true as well. */
    result->out_of_time = cg_doc_out_of_time(&doc);
    result->truncated = msg->truncated || result->out_of_time;
    cg_result_score(result, engine->threshold);

    for (int c = 0; c < CG_CAT_COUNT; c++)
        if (term_hits[c])
            g_array_free(term_hits[c], TRUE);
    for (size_t i = 0; i < doc.ntexts; i++) {
        cg_view_clear(&doc.texts[i].view);
        cg_term_candidates_clear(&doc.texts[i].candidates);
    }
    g_free(doc.texts);
    return result;
}
