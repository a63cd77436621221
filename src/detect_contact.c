/*
 * detect_contact.c -- the contact detector: means of direct contact shared or asked for.
 *
 * Runs every enabled rule family (contact_*.c) over every segment, their
 * long alternations tried where the engine's filter group found they could
 * start (filtered_regex.h), then judges what they found in context
 * (contact_context.c).
 */
#include "contact.h"
#include "contact_context.h"
#include "contact_user.h"
#include "detectors.h"

#include <string.h>

static const cg_contact_family *const all_families[] = {
    &cg_family_email,
    &cg_family_request,
    &cg_family_handle,
    &cg_family_link,
    &cg_family_address,
    &cg_family_phone,
};

typedef struct {
    cg_detector base;
    const cg_contact_family *families[G_N_ELEMENTS(all_families)];
    void *states[G_N_ELEMENTS(all_families)];
    size_t n;
    cg_contact_context *context;
    cg_user_rules *user_rules;     /* NULL when none are configured */
} contact_detector;

/* The domain of the envelope-less sender: the From header's address. */
static char *
sender_domain(const cg_message *msg)
{
    const char *from = cg_message_header(msg, "From");
    char *domain = NULL;
    if (!from)
        return NULL;
    InternetAddressList *list = internet_address_list_parse(NULL, from);
    if (list && internet_address_list_length(list) > 0) {
        InternetAddress *a = internet_address_list_get_address(list, 0);
        if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
            const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
            const char *at = addr ? strrchr(addr, '@') : NULL;
            if (at && at[1])
                domain = g_ascii_strdown(at + 1, -1);
        }
    }
    if (list)
        g_object_unref(list);
    return domain;
}

static void
contact_run(const cg_detector *self, const cg_doc *doc, GPtrArray *findings)
{
    const contact_detector *cd = (const contact_detector *)self;
    char *sender = sender_domain(doc->msg);
    for (size_t t = 0; t < doc->ntexts && !cg_doc_out_of_time(doc); t++) {
        guint first = findings->len;
        for (size_t i = 0; i < cd->n && !cg_doc_out_of_time(doc); i++)
            cd->families[i]->scan(cd->states[i], &doc->texts[t], findings);
        if (cd->user_rules)
            cg_user_rules_scan(cd->user_rules, &doc->texts[t], findings);
        cg_contact_context_judge(cd->context, &doc->texts[t], sender, findings, first);
    }
    g_free(sender);
}

static void
contact_free(cg_detector *self)
{
    contact_detector *cd = (contact_detector *)self;
    for (size_t i = 0; i < cd->n; i++)
        cd->families[i]->free(cd->states[i]);
    cg_contact_context_free(cd->context);
    cg_user_rules_free(cd->user_rules);
    g_free(cd);
}

cg_detector *
cg_contact_detector_new(const cg_config *cfg, cg_termset *terms G_GNUC_UNUSED,
                        cg_filter_group *group, GError **error)
{
    contact_detector *cd = g_new0(contact_detector, 1);
    cd->base.name = "contact";
    cd->base.category = CG_CAT_CONTACT;
    cd->base.run = contact_run;
    cd->base.free = contact_free;
    if (!(cd->context = cg_contact_context_new(cfg, error)) ||
        (cfg->contact_rules_file && *cfg->contact_rules_file &&
         !(cd->user_rules = cg_user_rules_load(cfg->contact_rules_file, error)))) {
        contact_free(&cd->base);
        return NULL;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(all_families); i++) {
        if (!cfg->contact_rules || !g_strv_contains((const char *const *)cfg->contact_rules,
                                                    all_families[i]->name))
            continue;
        void *state = all_families[i]->compile(cfg, group, error);
        if (!state) {
            contact_free(&cd->base);
            return NULL;
        }
        cd->families[cd->n] = all_families[i];
        cd->states[cd->n++] = state;
    }
    return &cd->base;
}
