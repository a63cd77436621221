/*
 * action.c -- apply a decision with smfi_* calls (see action.h).
 */
#include "action.h"

#include <string.h>
#include <syslog.h>

#include "header.h"
#include "json.h"
#include "notify.h"
#include "quarantine.h"

sfsistat
cg_action_on_error(const cg_config *cfg)
{
    if (strcmp(cfg->on_error, "accept") == 0)
        return SMFIS_ACCEPT;
    if (strcmp(cfg->on_error, "reject") == 0)
        return SMFIS_REJECT;
    return SMFIS_TEMPFAIL;
}

static gboolean
add_header(SMFICTX *ctx, const char *name, const char *value)
{
    char *encoded = cg_header_encode(name, value);
    gboolean ok = smfi_addheader(ctx, (char *)name, encoded) == MI_SUCCESS;
    g_free(encoded);
    return ok;
}

/* For mail that goes on with a violation: the subject prefix, if any. */
static gboolean
prefix_subject(const cg_action_request *req)
{
    if (!*req->cfg->tag_subject_prefix)
        return TRUE;
    char *subject = cg_header_prefix_subject(req->subject, req->cfg->tag_subject_prefix);
    /* index 1 is the first Subject; libmilter adds one when there is none */
    gboolean ok = !subject || smfi_chgheader(req->ctx, "Subject", 1, subject) == MI_SUCCESS;
    g_free(subject);
    return ok;
}

static gboolean
add_verdict_headers(const cg_action_request *req)
{
    char *verdict = cg_decision_summary(req->decision, req->result);
    char *findings = cg_findings_summary(req->result);
    gboolean ok = add_header(req->ctx, "X-Commguard-Verdict", verdict) &&
                  (!*findings || add_header(req->ctx, "X-Commguard-Findings", findings));
    g_free(findings);
    g_free(verdict);
    return ok;
}

/* The redirect stands whether or not the notice goes out: the message itself
 * is safe with the redirect address. */
static void
notify(const cg_action_request *req)
{
    GError *err = NULL;
    char *notice = cg_notice_build(req->sender, req->recipients, req->decision->redirect_to, req->subject);
    if (!cg_notice_send(req->cfg->sendmail_path, req->recipients, notice, &err)) {
        syslog(LOG_ERR, "%s: redirect notice not sent: %s", req->queue_id, err->message);
        g_error_free(err);
    }
    g_free(notice);
}

static gboolean
redirect(const cg_action_request *req)
{
    GString *originals = g_string_new(NULL);
    gboolean ok = TRUE;
    for (const char *const *r = req->recipients; *r && ok; r++) {
        char *bracketed = g_strdup_printf("<%s>", *r);
        ok = smfi_delrcpt(req->ctx, bracketed) == MI_SUCCESS;
        g_string_append_printf(originals, "%s%s", originals->len ? ", " : "", *r);
        g_free(bracketed);
    }
    char *target = g_strdup_printf("<%s>", req->decision->redirect_to);
    ok = ok && smfi_addrcpt(req->ctx, target) == MI_SUCCESS &&
         add_header(req->ctx, "X-Commguard-Original-Recipients", originals->str);
    g_free(target);
    g_string_free(originals, TRUE);
    if (ok && req->cfg->redirect_notify)
        notify(req);
    return ok;
}

static char *
quarantine_metadata(const cg_action_request *req)
{
    GString *out = g_string_new(NULL);
    cg_json j;
    cg_json_init(&j, out, FALSE);
    cg_json_begin_object(&j);
    cg_json_key(&j, "queue_id");
    cg_json_string(&j, req->queue_id);
    cg_json_key(&j, "sender");
    cg_json_string(&j, req->sender);
    cg_json_key(&j, "recipients");
    cg_json_begin_array(&j);
    for (const char *const *r = req->recipients; *r; r++)
        cg_json_string(&j, *r);
    cg_json_end_array(&j);
    cg_json_key(&j, "subject");
    char *subject = req->subject ? cg_header_decode(req->subject) : NULL;
    cg_json_string(&j, subject);
    g_free(subject);
    cg_json_key(&j, "received");
    cg_json_int(&j, g_get_real_time() / G_USEC_PER_SEC);
    cg_json_key(&j, "flow");
    cg_json_string(&j, cg_flow_name(req->decision->flow));
    cg_json_key(&j, "reason");
    cg_json_string(&j, req->decision->reason);
    cg_json_key(&j, "mode");
    cg_json_string(&j, req->cfg->quarantine_mode);
    cg_result_write_categories(req->result, &j);
    cg_json_end_object(&j);
    g_string_append_c(out, '\n');
    return g_string_free(out, FALSE);
}

static sfsistat
quarantine(const cg_action_request *req, char **note)
{
    GError *err = NULL;
    char *meta = quarantine_metadata(req);
    char *id = cg_quarantine_store(req->cfg->quarantine_dir, req->queue_id, req->message, meta, &err);
    g_free(meta);
    if (!id) {
        syslog(LOG_ERR, "%s: quarantine failed, message deferred: %s", req->queue_id, err->message);
        g_error_free(err);
        return SMFIS_TEMPFAIL;
    }
    *note = g_strdup_printf("quarantine=%s mode=%s", id, req->cfg->quarantine_mode);
    sfsistat status = SMFIS_DISCARD;
    if (strcmp(req->cfg->quarantine_mode, "hold") == 0) {
        /* the MTA keeps it; the headers tell whoever releases it why it was held */
        char *reason = g_strdup_printf("commguard: %s (quarantine %s)", req->decision->reason, id);
        status = add_verdict_headers(req) && smfi_quarantine(req->ctx, reason) == MI_SUCCESS
                     ? SMFIS_CONTINUE : SMFIS_TEMPFAIL;
        if (status == SMFIS_TEMPFAIL)
            syslog(LOG_ERR, "%s: the MTA did not take the message into its hold queue, message deferred",
                   req->queue_id);
        g_free(reason);
    }
    g_free(id);
    return status;
}

/* smfi_setreply treats '%' as a format character. */
static sfsistat
reject(const cg_action_request *req)
{
    char **parts = g_strsplit(req->cfg->reject_text, "%", -1);
    char *text = g_strjoinv("%%", parts);
    int rc = smfi_setreply(req->ctx, req->cfg->reject_code, req->cfg->reject_xcode, text);
    g_free(text);
    g_strfreev(parts);
    return rc == MI_SUCCESS ? SMFIS_REJECT : cg_action_on_error(req->cfg);
}

sfsistat
cg_action_apply(const cg_action_request *req, char **note)
{
    *note = NULL;
    switch (req->decision->action) {
    case CG_ACTION_ACCEPT:
        if (req->cfg->tag_clean && !add_verdict_headers(req))
            return cg_action_on_error(req->cfg);
        return SMFIS_CONTINUE;
    case CG_ACTION_TAG:
        return add_verdict_headers(req) && prefix_subject(req) ? SMFIS_CONTINUE : cg_action_on_error(req->cfg);
    case CG_ACTION_REDIRECT:
        return add_verdict_headers(req) && prefix_subject(req) && redirect(req) ? SMFIS_CONTINUE
                                                                                 : cg_action_on_error(req->cfg);
    case CG_ACTION_QUARANTINE:
        return quarantine(req, note);
    case CG_ACTION_DISCARD:
        return SMFIS_DISCARD;
    case CG_ACTION_REJECT:
        return reject(req);
    }
    return cg_action_on_error(req->cfg);
}
