/*
 * detect_contact.c -- the contact detector: means of direct contact shared or asked for.
 *
 * Runs every enabled rule family (contact_*.c) over every segment.
 */
#include "contact.h"
#include "detectors.h"

#include <string.h>

static const cg_contact_family *const all_families[] = {
    &cg_family_email,
    &cg_family_phone,
};

typedef struct {
    cg_detector base;
    const cg_contact_family *families[G_N_ELEMENTS(all_families)];
    void *states[G_N_ELEMENTS(all_families)];
    size_t n;
} contact_detector;

static void
contact_run(const cg_detector *self, const cg_doc *doc, GPtrArray *findings)
{
    const contact_detector *cd = (const contact_detector *)self;
    for (size_t t = 0; t < doc->ntexts; t++)
        for (size_t i = 0; i < cd->n; i++)
            cd->families[i]->scan(cd->states[i], &doc->texts[t], findings);
}

static void
contact_free(cg_detector *self)
{
    contact_detector *cd = (contact_detector *)self;
    for (size_t i = 0; i < cd->n; i++)
        cd->families[i]->free(cd->states[i]);
    g_free(cd);
}

cg_detector *
cg_contact_detector_new(const cg_config *cfg, GError **error)
{
    contact_detector *cd = g_new0(contact_detector, 1);
    cd->base.name = "contact";
    cd->base.category = CG_CAT_CONTACT;
    cd->base.run = contact_run;
    cd->base.free = contact_free;
    for (size_t i = 0; i < G_N_ELEMENTS(all_families); i++) {
        if (!cfg->contact_rules || !g_strv_contains((const char *const *)cfg->contact_rules,
                                                    all_families[i]->name))
            continue;
        void *state = all_families[i]->compile(cfg, error);
        if (!state) {
            contact_free(&cd->base);
            return NULL;
        }
        cd->families[cd->n] = all_families[i];
        cd->states[cd->n++] = state;
    }
    return &cd->base;
}
