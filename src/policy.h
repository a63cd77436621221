/*
 * policy.h -- from a message's envelope, headers and verdict to one action.
 *
 * The flow says what kind of mail this is: platform (marketplace messages,
 * by header or domain), outbound (a sender that is internal, authenticated
 * or connecting from trusted_networks, some recipient outside), internal,
 * or inbound.  Each category acts only on the
 * flows configured for it and only when no exemption covers the message; the
 * strongest action of the categories that act wins, in the order
 * reject > discard > quarantine > redirect > tag > accept.  A message that
 * was not read to the end (a limit was hit) and that some category watches
 * gets at least oversize_action.  Pure: no I/O.
 */
#ifndef CG_POLICY_H
#define CG_POLICY_H

#include "config.h"
#include "result.h"

typedef enum { CG_FLOW_INBOUND, CG_FLOW_OUTBOUND, CG_FLOW_INTERNAL, CG_FLOW_PLATFORM } cg_flow;

/* In order of strength: a larger value wins. */
typedef enum {
    CG_ACTION_ACCEPT, CG_ACTION_TAG, CG_ACTION_REDIRECT, CG_ACTION_QUARANTINE,
    CG_ACTION_DISCARD, CG_ACTION_REJECT
} cg_action;

const char *cg_flow_name(cg_flow flow);
/* The flow a word names ("inbound", ...); FALSE for any other word. */
gboolean cg_flow_from_name(const char *name, cg_flow *out);
const char *cg_action_name(cg_action action);
/* The action named by a config word (see config.c's choices); accept otherwise. */
cg_action cg_action_from_name(const char *name);

/* A header's first value, or NULL; lets the policy read headers without
 * knowing where they are kept. */
typedef const char *(*cg_header_lookup)(const void *data, const char *name);

typedef struct {
    const char *sender;                 /* bare address, "" for the null sender */
    const char *const *recipients;      /* bare addresses, NULL-terminated */
    gboolean authenticated;             /* SMTP AUTH succeeded */
    const char *client_address;         /* the SMTP client's IP address as text, or NULL */
    cg_header_lookup header;
    const void *header_data;
} cg_envelope;

typedef struct {
    gboolean applies;                   /* the category's flows include this message's */
    const char *exempt;                 /* why it is exempt (static text), or NULL */
    cg_action action;                   /* what this category asks for */
} cg_category_decision;

typedef struct {
    cg_flow flow;
    cg_category_decision cat[CG_CAT_COUNT];
    cg_action action;                   /* what to do to the message */
    cg_action would;                    /* the policy's choice; differs from action under dry_run */
    const char *redirect_to;            /* for a redirect: the winning category's address */
    const char *reason;                 /* the category that chose `would`, "oversize", or NULL */
} cg_decision;

cg_flow cg_policy_flow(const cg_config *cfg, const cg_envelope *env);
/* The categories (bit 1 << cg_category) whose flows include flow: the only
 * detectors whose verdict the policy reads for such a message. */
unsigned cg_policy_scan_mask(const cg_config *cfg, cg_flow flow);
void cg_policy_decide(const cg_config *cfg, const cg_envelope *env, const cg_result *result,
                      cg_decision *out);
/* The same decision for a flow the caller already knows (commguardctl scan --flow). */
void cg_policy_decide_in_flow(const cg_config *cfg, const cg_envelope *env, cg_flow flow,
                              const cg_result *result, cg_decision *out);

/* "quarantine (contact); flow=platform; contact=0.90" or "clean; flow=inbound"
 * (with "; truncated" after the flow when a limit was hit);
 * a dry run reads "tag; dry-run would=quarantine (contact); ...".  ASCII only. */
char *cg_decision_summary(const cg_decision *d, const cg_result *result);
/* The distinct kind/rule pairs of the counted findings, per category:
 * "contact: email/email.address phone/phone.intl"; "" when there are none. */
char *cg_findings_summary(const cg_result *result);

/* spec is "Name: value|value"; TRUE when the header's value (trimmed) equals
 * one of the values, ignoring case.  An empty spec never matches. */
gboolean cg_header_matches(const char *spec, cg_header_lookup header, const void *data);
/* entry is an address (user@domain) or a domain, which also covers its
 * subdomains; case is ignored. */
gboolean cg_address_matches(const char *address, const char *entry);
/* Whether address (an IP address as text) is in one of the networks
 * ("192.0.2.0/24", "2001:db8::/32", or a single address). */
gboolean cg_network_matches(const char *address, char *const *networks);

#endif
