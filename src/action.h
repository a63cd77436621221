/*
 * action.h -- carry out the policy's decision through libmilter.
 *
 * tag adds X-Commguard-Verdict and X-Commguard-Findings (and puts
 * tag_subject_prefix before the Subject, as redirect does); redirect replaces
 * the recipients by the configured address and records the originals in
 * X-Commguard-Original-Recipients (and with redirect_notify sends them a
 * notice, see notify.h); quarantine stores the message and then
 * discards it from the MTA's flow or, with quarantine_mode = hold, tags it
 * and asks the MTA to keep it in its hold queue (a storage failure
 * tempfails, so no mail is lost); reject replies with the configured code and text.
 */
#ifndef CG_ACTION_H
#define CG_ACTION_H

#include <libmilter/mfapi.h>

#include "policy.h"

typedef struct {
    SMFICTX *ctx;
    const cg_config *cfg;
    const char *queue_id;
    const char *sender;
    const char *const *recipients;
    const char *subject;         /* the Subject header as received, or NULL */
    const cg_result *result;
    const cg_decision *decision;
    GMimeStream *message;        /* the message as received, positioned at its start */
} cg_action_request;

/* Apply the decision; *note gets what the log line should add (such as the
 * quarantine ID), or NULL.  Returns the status for xxfi_eom. */
sfsistat cg_action_apply(const cg_action_request *req, char **note);

/* The status for a message whose handling failed inside commguard. */
sfsistat cg_action_on_error(const cg_config *cfg);

#endif
