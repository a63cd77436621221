/*
 * policy.c -- flows, exemptions and the choice of one action (see policy.h).
 */
#include "policy.h"

#include <gio/gio.h>
#include <string.h>

static const char *const flow_names[] = { "inbound", "outbound", "internal", "platform" };
static const char *const action_names[] = { "accept", "tag", "redirect", "quarantine", "discard", "reject" };

const char *
cg_flow_name(cg_flow flow)
{
    return flow_names[flow];
}

const char *
cg_action_name(cg_action action)
{
    return action_names[action];
}

gboolean
cg_flow_from_name(const char *name, cg_flow *out)
{
    for (size_t i = 0; i < G_N_ELEMENTS(flow_names); i++)
        if (strcmp(name, flow_names[i]) == 0) {
            *out = (cg_flow)i;
            return TRUE;
        }
    return FALSE;
}

cg_action
cg_action_from_name(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(action_names); i++)
        if (strcmp(name, action_names[i]) == 0)
            return (cg_action)i;
    return CG_ACTION_ACCEPT;
}

static const char *
domain_of(const char *address)
{
    const char *at = strrchr(address, '@');
    return at ? at + 1 : "";
}

gboolean
cg_address_matches(const char *address, const char *entry)
{
    if (strchr(entry, '@'))
        return g_ascii_strcasecmp(address, entry) == 0;
    const char *domain = domain_of(address);
    size_t dlen = strlen(domain), elen = strlen(entry);
    if (!elen || dlen < elen)
        return FALSE;
    /* the domain itself, or a subdomain: "mail.example.com" is in "example.com" */
    return g_ascii_strcasecmp(domain + dlen - elen, entry) == 0 &&
           (dlen == elen || domain[dlen - elen - 1] == '.');
}

static gboolean
in_list(const char *address, char *const *list)
{
    for (; list && *list; list++)
        if (cg_address_matches(address, *list))
            return TRUE;
    return FALSE;
}

static gboolean
all_in_list(const char *const *addresses, char *const *list)
{
    if (!addresses[0] || !list || !list[0])
        return FALSE;
    for (; *addresses; addresses++)
        if (!in_list(*addresses, list))
            return FALSE;
    return TRUE;
}

gboolean
cg_network_matches(const char *address, char *const *networks)
{
    if (!address || !networks || !networks[0])
        return FALSE;
    GInetAddress *addr = g_inet_address_new_from_string(address);
    gboolean found = FALSE;
    for (; addr && *networks && !found; networks++) {
        /* validated when the configuration was loaded */
        GInetAddressMask *mask = g_inet_address_mask_new_from_string(*networks, NULL);
        found = mask && g_inet_address_mask_matches(mask, addr);
        g_clear_object(&mask);
    }
    g_clear_object(&addr);
    return found;
}

gboolean
cg_header_matches(const char *spec, cg_header_lookup header, const void *data)
{
    const char *colon = strchr(spec, ':');
    if (!*spec || !colon)
        return FALSE;
    char *name = g_strstrip(g_strndup(spec, colon - spec));
    const char *raw = header(data, name);
    g_free(name);
    if (!raw)
        return FALSE;
    char *value = g_strstrip(g_strdup(raw));
    char **alternatives = g_strsplit(colon + 1, "|", -1);
    gboolean found = FALSE;
    for (char **a = alternatives; *a && !found; a++)
        found = g_ascii_strcasecmp(g_strstrip(*a), value) == 0;
    g_strfreev(alternatives);
    g_free(value);
    return found;
}

cg_flow
cg_policy_flow(const cg_config *cfg, const cg_envelope *env)
{
    if (cg_header_matches(cfg->platform_header, env->header, env->header_data) ||
        in_list(env->sender, cfg->platform_domains))
        return CG_FLOW_PLATFORM;
    for (const char *const *r = env->recipients; *r; r++)
        if (in_list(*r, cfg->platform_domains))
            return CG_FLOW_PLATFORM;
    if (!env->authenticated && !cg_network_matches(env->client_address, cfg->trusted_networks) &&
        !in_list(env->sender, cfg->internal_domains))
        return CG_FLOW_INBOUND;
    for (const char *const *r = env->recipients; *r; r++)
        if (!in_list(*r, cfg->internal_domains))
            return CG_FLOW_OUTBOUND;
    return CG_FLOW_INTERNAL;
}

static gboolean
flow_listed(char *const *flows, cg_flow flow)
{
    for (; flows && *flows; flows++)
        if (strcmp(*flows, cg_flow_name(flow)) == 0)
            return TRUE;
    return FALSE;
}

unsigned
cg_policy_scan_mask(const cg_config *cfg, cg_flow flow)
{
    unsigned mask = 0;
    for (int c = 0; c < CG_CAT_COUNT; c++)
        if (flow_listed(cfg->flows[c], flow))
            mask |= 1u << c;
    return mask;
}

/* The sender and every recipient have a started contract between them. */
static gboolean
contract_covers(GHashTable *contracts, const cg_envelope *env)
{
    if (!contracts || !env->recipients[0])
        return FALSE;
    for (const char *const *r = env->recipients; *r; r++)
        if (!cg_contract_between(contracts, env->sender, *r))
            return FALSE;
    return TRUE;
}

static const char *
exemption(const cg_config *cfg, const cg_envelope *env, cg_category c)
{
    if (in_list(env->sender, cfg->exempt_senders[c]))
        return "exempt sender";
    if (all_in_list(env->recipients, cfg->exempt_recipients[c]))
        return "exempt recipients";
    if (c == CG_CAT_CONTACT && cg_header_matches(cfg->contact_exempt_header, env->header, env->header_data))
        return "account plan";
    if (cfg->exempt_trusted[c] && env->authenticated)
        return "authenticated sender";
    if (cfg->exempt_trusted[c] && cg_network_matches(env->client_address, cfg->trusted_networks))
        return "trusted network";
    if (c == CG_CAT_CONTACT && cg_header_matches(cfg->contract_header, env->header, env->header_data))
        return "contract";
    if (c == CG_CAT_CONTACT && contract_covers(cfg->contracts, env))
        return "contract file";
    return NULL;
}

void
cg_policy_decide(const cg_config *cfg, const cg_envelope *env, const cg_result *result,
                 cg_decision *out)
{
    cg_policy_decide_in_flow(cfg, env, cg_policy_flow(cfg, env), result, out);
}

void
cg_policy_decide_in_flow(const cg_config *cfg, const cg_envelope *env, cg_flow flow,
                         const cg_result *result, cg_decision *out)
{
    memset(out, 0, sizeof *out);
    out->flow = flow;
    out->would = CG_ACTION_ACCEPT;
    gboolean watched = FALSE;           /* some category acts on this message */
    for (int c = 0; c < CG_CAT_COUNT; c++) {
        cg_category_decision *d = &out->cat[c];
        d->applies = flow_listed(cfg->flows[c], out->flow);
        d->action = CG_ACTION_ACCEPT;
        if (!d->applies || (!result->cat[c].violation && !result->truncated))
            continue;
        d->exempt = exemption(cfg, env, (cg_category)c);
        watched |= !d->exempt;
        if (d->exempt || !result->cat[c].violation)
            continue;
        d->action = cg_action_from_name(cfg->action[c]);
        /* on a tie the first category keeps the reason */
        if (!out->reason || d->action > out->would) {
            out->would = d->action;
            out->reason = cg_category_name((cg_category)c);
            out->redirect_to = d->action == CG_ACTION_REDIRECT ? cfg->redirect_to[c] : NULL;
        }
    }
    /* Unread text may hide what the detectors look for: the oversize action
     * is the least a watched message that was not read to the end gets. */
    if (watched && result->truncated && strcmp(cfg->oversize_action, "scan") != 0) {
        cg_action oversize = cg_action_from_name(cfg->oversize_action);
        if (oversize > out->would) {
            out->would = oversize;
            out->reason = "oversize";
            out->redirect_to = NULL;
        }
    }
    /* a dry run shows its verdict in the tag headers and changes nothing else */
    out->action = cfg->dry_run && out->would > CG_ACTION_TAG ? CG_ACTION_TAG : out->would;
}

char *
cg_decision_summary(const cg_decision *d, const cg_result *result)
{
    GString *s = g_string_new(NULL);
    if (d->action != d->would)
        g_string_append_printf(s, "%s; dry-run would=", cg_action_name(d->action));
    if (d->reason)
        g_string_append_printf(s, "%s (%s)", cg_action_name(d->would), d->reason);
    else
        g_string_append(s, "clean");
    g_string_append_printf(s, "; flow=%s", cg_flow_name(d->flow));
    if (result->truncated)
        g_string_append(s, "; truncated");
    for (int c = 0; c < CG_CAT_COUNT; c++) {
        if (result->cat[c].score <= 0)
            continue;
        g_string_append_printf(s, "; %s=%.2f", cg_category_name((cg_category)c), result->cat[c].score);
        if (d->cat[c].exempt)
            g_string_append_printf(s, " (exempt: %s)", d->cat[c].exempt);
    }
    return g_string_free(s, FALSE);
}

char *
cg_findings_summary(const cg_result *result)
{
    GString *s = g_string_new(NULL);
    for (int c = 0; c < CG_CAT_COUNT; c++) {
        GPtrArray *findings = result->cat[c].findings;
        GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        gboolean any = FALSE;
        for (guint i = 0; i < findings->len; i++) {
            const cg_finding *f = g_ptr_array_index(findings, i);
            if (f->exception)
                continue;
            char *pair = g_strdup_printf("%s/%s", f->kind, f->rule);
            if (!g_hash_table_add(seen, pair))
                continue;
            if (!any)
                g_string_append_printf(s, "%s%s:", s->len ? "; " : "", cg_category_name((cg_category)c));
            g_string_append_printf(s, " %s", pair);
            any = TRUE;
        }
        g_hash_table_destroy(seen);
    }
    return g_string_free(s, FALSE);
}
