/*
 * result.h -- a message's verdict: findings and scores per category.
 *
 * The category score combines its findings (the strongest one, raised a
 * little by independent kinds seen alongside it); findings covered by an
 * exception are reported but do not count.  violation = score >= threshold.
 */
#ifndef CG_RESULT_H
#define CG_RESULT_H

#include "detect.h"
#include "json.h"

typedef struct {
    double score;
    gboolean violation;
    GPtrArray *findings;      /* cg_finding * */
} cg_category_result;

typedef struct {
    cg_category_result cat[CG_CAT_COUNT];
    gboolean truncated;       /* a message limit was hit, or the scan ran out of time */
    gboolean out_of_time;     /* max_scan_time ran out: some detection was skipped */
} cg_result;

cg_result *cg_result_new(void);
void cg_result_free(cg_result *r);

/* Move findings (emptying the array) into their categories, then score them. */
void cg_result_add_findings(cg_result *r, GPtrArray *findings);
void cg_result_score(cg_result *r, const double threshold[CG_CAT_COUNT]);

/* Write "categories": {...} members into an open JSON object. */
void cg_result_write_categories(const cg_result *r, cg_json *j);

#endif
