/*
 * detect.c -- categories and findings shared by every detector (see detect.h).
 */
#include "detect.h"

#include <string.h>

static const char *const category_names[CG_CAT_COUNT] = {
    [CG_CAT_CONTACT] = "contact",
    [CG_CAT_CONFIDENTIAL] = "confidential",
    [CG_CAT_MEDIA] = "media",
};

const char *
cg_category_name(cg_category cat)
{
    return cat < CG_CAT_COUNT ? category_names[cat] : "unknown";
}

gboolean
cg_category_from_name(const char *name, cg_category *out)
{
    for (int i = 0; i < CG_CAT_COUNT; i++)
        if (strcmp(name, category_names[i]) == 0) {
            *out = (cg_category)i;
            return TRUE;
        }
    return FALSE;
}

/* How much text around a finding a reviewer sees: enough to judge it, short
 * enough for a digest table. */
#define EXCERPT_CONTEXT 40

/* text[start, end) with up to EXCERPT_CONTEXT bytes either side, cut at
 * character boundaries, line breaks and runs of spaces made single spaces. */
static char *
excerpt(const char *text, size_t start, size_t end)
{
    /* Only the bytes just past end matter: measuring the whole segment for
     * every finding made a long text with many findings quadratic.  len is
     * the real length, or past anything the loops below reach. */
    size_t len = end + strnlen(text + end, EXCERPT_CONTEXT + 8);
    size_t from = start > EXCERPT_CONTEXT ? start - EXCERPT_CONTEXT : 0;
    size_t to = MIN(len, end + EXCERPT_CONTEXT);
    while (from > 0 && (text[from] & 0xC0) == 0x80)
        from--;
    while (to < len && (text[to] & 0xC0) == 0x80)
        to++;
    GString *out = g_string_sized_new(to - from + 8);
    if (from > 0)
        g_string_append(out, "...");
    for (size_t i = from; i < to; i++) {
        gboolean space = g_ascii_isspace(text[i]);
        if (!space)
            g_string_append_c(out, text[i]);
        else if (out->len && out->str[out->len - 1] != ' ')
            g_string_append_c(out, ' ');
    }
    if (to < len)
        g_string_append(out, "...");
    return g_string_free(out, FALSE);
}

cg_finding *
cg_finding_new(cg_category cat, const char *kind, const char *rule, const cg_text *text,
               size_t vstart, size_t vend, double score)
{
    size_t ostart, oend;
    cg_finding *f = g_new0(cg_finding, 1);

    cg_view_span(&text->view, vstart, vend, &ostart, &oend);
    f->category = cat;
    f->kind = g_strdup(kind);
    f->rule = g_strdup(rule);
    f->match = g_strndup(text->view.text + vstart, vend - vstart);
    f->original = g_strndup(text->seg->text + ostart, oend - ostart);
    f->excerpt = excerpt(text->seg->text, ostart, oend);
    f->where = g_strdup(text->seg->where);
    f->offset = ostart;
    f->view_start = vstart;
    f->view_end = vend;
    f->score = CLAMP(score, 0.0, 1.0);
    return f;
}

void
cg_finding_free(cg_finding *f)
{
    if (!f)
        return;
    g_free(f->kind);
    g_free(f->rule);
    g_free(f->match);
    g_free(f->original);
    g_free(f->excerpt);
    g_free(f->where);
    g_free(f);
}
