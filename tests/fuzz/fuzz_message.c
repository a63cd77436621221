/*
 * fuzz_message.c -- fuzz target: raw bytes as a mail through the whole pipeline.
 *
 * The input is parsed as a message, scanned with the default configuration
 * (normalisation and every detector) and decided by the policy the way
 * `commguardctl scan` does it, with the sender and recipients taken from the
 * message's own From and To headers.
 */
#include <glib.h>

#include "engine.h"
#include "fuzz.h"
#include "message.h"
#include "policy.h"

static const char *
message_header(const void *msg, const char *name)
{
    return cg_message_header(msg, name);
}

/* The first mailbox of list, or "": the envelope a hostile message claims. */
static char *
first_mailbox(InternetAddressList *list)
{
    for (int i = 0; list && i < internet_address_list_length(list); i++) {
        InternetAddress *a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(a))
            return g_strdup(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)));
    }
    return g_strdup("");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cg_config *cfg;      /* built once, for the whole run */
    static cg_engine *engine;
    if (!cfg) {
        cg_message_init();
        cfg = cg_config_new_default();
        engine = cg_engine_new(cfg, NULL);
        g_assert(engine);
    }
    cg_message *msg = cg_message_parse_bytes((const char *)data, size, &cfg->limits, NULL);
    if (!msg)
        return 0;
    cg_result *result = cg_engine_scan(engine, msg);

    char *sender = first_mailbox(g_mime_message_get_from(msg->mime));
    char *recipient = first_mailbox(g_mime_message_get_addresses(msg->mime, GMIME_ADDRESS_TYPE_TO));
    const char *recipients[] = { recipient, NULL };
    const cg_envelope env = {
        .sender = sender, .recipients = recipients, .header = message_header, .header_data = msg,
    };
    cg_decision decision;
    cg_policy_decide(cfg, &env, result, &decision);
    char *summary = cg_decision_summary(&decision, result);
    char *findings = cg_findings_summary(result);

    g_free(findings);
    g_free(summary);
    g_free(recipient);
    g_free(sender);
    cg_result_free(result);
    cg_message_free(msg);
    return 0;
}
