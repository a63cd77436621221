/*
 * detect.h -- the finding type and the interface every detector implements.
 *
 * A detector reads the normalised views of a message's segments and appends
 * findings: what kind of thing it saw, which rule saw it, where, how sure it
 * is (score 0..1) and whether an exception context covers it.  Detectors are
 * built once per configuration and are read-only afterwards, so one instance
 * serves every thread.
 */
#ifndef CG_DETECT_H
#define CG_DETECT_H

#include "message.h"
#include "normalize.h"
#include "term_candidates.h"

typedef enum {
    CG_CAT_CONTACT,
    CG_CAT_CONFIDENTIAL,
    CG_CAT_MEDIA,
    CG_CAT_COUNT
} cg_category;

const char *cg_category_name(cg_category cat);
gboolean cg_category_from_name(const char *name, cg_category *out);

/* One segment as the detectors see it. */
typedef struct {
    const cg_segment *seg;
    cg_view view;
    /* where the members of the engine's filter group (filter_group.h) of
     * the categories being scanned could match in the view */
    cg_term_candidates candidates;
} cg_text;

/* The whole message as the detectors see it. */
typedef struct {
    const cg_message *msg;
    cg_text *texts;
    size_t ntexts;
    gint64 deadline;         /* g_get_monotonic_time() past which detectors stop; 0 = none */
    /* The matches of the engine's termset (evidence.h), by category, for
     * each category being scanned: a detector copies its array before
     * adding to it. */
    GArray *const *term_hits;
} cg_doc;

/* The scan-time budget has run out: detectors check it between rule families
 * and text parts and skip the rest, and the result is marked truncated. */
static inline gboolean
cg_doc_out_of_time(const cg_doc *doc)
{
    return doc->deadline && g_get_monotonic_time() > doc->deadline;
}

typedef struct {
    cg_category category;
    char *kind;              /* "email", "phone", "metric", ... */
    char *rule;              /* the rule that matched */
    char *match;             /* normalised text */
    char *original;          /* the text as written */
    char *excerpt;           /* the original with some context around it, one line */
    char *where;             /* segment origin */
    size_t offset;           /* byte offset of original in the segment's text */
    size_t view_start, view_end;  /* the span in the segment's view, for context rules */
    double score;
    const char *exception;   /* NULL, "systems_access" or "legal" (static) */
} cg_finding;

/* A finding for the view range [vstart, vend) of text. */
cg_finding *cg_finding_new(cg_category cat, const char *kind, const char *rule,
                           const cg_text *text, size_t vstart, size_t vend, double score);
void cg_finding_free(cg_finding *f);

typedef struct cg_detector cg_detector;
struct cg_detector {
    const char *name;
    cg_category category;
    void (*run)(const cg_detector *self, const cg_doc *doc, GPtrArray *findings);
    void (*free)(cg_detector *self);
};

#endif
