/*
 * control.c -- commands mailed to the control address (see control.h).
 */
#include "control.h"

#include <string.h>
#include <syslog.h>

#include "mailout.h"
#include "quarantine.h"
#include "token.h"

/* More than a digest's worth is not a reviewer at work. */
#define MAX_COMMANDS 100

gboolean
cg_control_is_address(const cg_config *cfg, const char *address)
{
    return *cfg->control_address && address && g_ascii_strcasecmp(cfg->control_address, address) == 0;
}

static gboolean
in_list(char **list, const char *address)
{
    for (char **a = list; a && *a; a++)
        if (g_ascii_strcasecmp(*a, address) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
reviews_any(const cg_config *cfg, const char *sender)
{
    for (int cat = 0; cat < CG_CAT_COUNT; cat++)
        if (in_list(cfg->reviewers[cat], sender))
            return TRUE;
    return FALSE;
}

static gboolean
reviews_item(const cg_config *cfg, const cg_qitem *item, const char *sender)
{
    cg_category cat;
    for (char **c = item->categories; *c; c++)
        if (cg_category_from_name(*c, &cat) && in_list(cfg->reviewers[cat], sender))
            return TRUE;
    return FALSE;
}

/* The first text/plain part, decoded; NULL if there is none. */
static char *
plain_text(GMimeObject *part)
{
    if (GMIME_IS_MULTIPART(part)) {
        GMimeMultipart *multi = GMIME_MULTIPART(part);
        for (int i = 0; i < g_mime_multipart_get_count(multi); i++) {
            char *text = plain_text(g_mime_multipart_get_part(multi, i));
            if (text)
                return text;
        }
        return NULL;
    }
    if (GMIME_IS_TEXT_PART(part) &&
        g_mime_content_type_is_type(g_mime_object_get_content_type(part), "text", "plain"))
        return g_mime_text_part_get_text(GMIME_TEXT_PART(part));
    return NULL;
}

/* One command; returns the line for the confirmation. */
static char *
run_command(const cg_config *cfg, const char *secret, const char *log_id, const char *sender,
            const char *action, const char *token)
{
    char *id = NULL;
    cg_token_status status = cg_token_verify(secret, token, action, g_get_real_time() / G_USEC_PER_SEC, &id);
    if (status != CG_TOKEN_OK) {
        syslog(LOG_WARNING, "%s: control: from=<%s> %s refused: %s token", log_id, sender, action,
               cg_token_status_name(status));
        return g_strdup_printf("%s: not done, the token is %s", action, cg_token_status_name(status));
    }
    GError *error = NULL;
    cg_qitem *item = cg_qitem_load(cfg->quarantine_dir, id, &error);
    char *reply;
    if (!item) {
        syslog(LOG_WARNING, "%s: control: from=<%s> %s %s refused: %s", log_id, sender, action, id, error->message);
        reply = g_strdup_printf("%s %s: not done, the item cannot be read", action, id);
    } else if (!reviews_item(cfg, item, sender)) {
        syslog(LOG_WARNING, "%s: control: from=<%s> %s %s refused: not a reviewer of its categories", log_id,
               sender, action, id);
        reply = g_strdup_printf("%s %s: not done, you do not review its categories", action, id);
    } else {
        gboolean release = strcmp(action, "release") == 0;
        gboolean ok = cg_quarantine_transition(cfg->quarantine_dir, id,
                                               release ? CG_QSTATE_RELEASED : CG_QSTATE_DELETED, sender,
                                               release ? cg_mail_release : NULL, (gpointer)cfg, &error);
        if (ok) {
            syslog(LOG_INFO, "%s: control: from=<%s> %s %s done", log_id, sender, action, id);
            reply = g_strdup_printf("%s %s: done (from %s, subject \"%s\")", action, id, item->sender, item->subject);
        } else {
            syslog(LOG_WARNING, "%s: control: from=<%s> %s %s refused: %s", log_id, sender, action, id,
                   error->message);
            reply = g_strdup_printf("%s %s: not done, %s", action, id, error->message);
        }
    }
    g_clear_error(&error);
    cg_qitem_free(item);
    g_free(id);
    return reply;
}

static void
send_confirmation(const cg_config *cfg, const char *log_id, const char *sender, const GString *lines)
{
    const char *from = *cfg->report_from ? cfg->report_from : cfg->control_address;
    GDateTime *now = g_date_time_new_now_utc();
    char *date = g_date_time_format(now, "%a, %d %b %Y %H:%M:%S +0000");
    g_date_time_unref(now);
    char *mail = g_strdup_printf("From: commguard <%s>\nTo: <%s>\nSubject: commguard: your quarantine request\n"
                                 "Date: %s\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
                                 "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                                 "%s", from, sender, date, lines->len ? lines->str : "No command was found.\n");
    GBytes *bytes = g_bytes_new_take(mail, strlen(mail));
    const char *to[] = { sender, NULL };
    GError *error = NULL;
    /* the null sender: a confirmation must never bounce back to the control address */
    if (!cg_mail_send(cfg->release_command, "", to, NULL, bytes, &error)) {
        syslog(LOG_ERR, "%s: control: confirmation to <%s> not sent: %s", log_id, sender, error->message);
        g_error_free(error);
    }
    g_bytes_unref(bytes);
    g_free(date);
}

void
cg_control_handle(const cg_config *cfg, const char *log_id, const char *sender, GMimeStream *stream)
{
    GError *error = NULL;
    char *secret = cg_token_secret(cfg, &error);
    if (!secret) {
        syslog(LOG_ERR, "%s: control: from=<%s> ignored: %s", log_id, sender, error->message);
        g_error_free(error);
        return;
    }
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
    char *text = msg ? plain_text(g_mime_message_get_mime_part(msg)) : NULL;
    GRegex *command = g_regex_new("^\\s*(release|delete)\\s+(\\S+)\\s*$", G_REGEX_CASELESS, 0, NULL);
    GString *lines = g_string_new(NULL);
    char **body = g_strsplit(text ? text : "", "\n", -1);
    int count = 0;
    for (char **l = body; *l && count < MAX_COMMANDS; l++) {
        GMatchInfo *mi;
        if (g_regex_match(command, *l, 0, &mi)) {
            char *verb = g_match_info_fetch(mi, 1), *action = g_ascii_strdown(verb, -1);
            char *token = g_match_info_fetch(mi, 2);
            char *reply = run_command(cfg, secret, log_id, sender, action, token);
            g_string_append_printf(lines, "%s\n", reply);
            count++;
            g_free(reply), g_free(token), g_free(verb), g_free(action);
        }
        g_match_info_free(mi);
    }
    if (!count)
        syslog(LOG_WARNING, "%s: control: from=<%s> no command found", log_id, sender);
    if (reviews_any(cfg, sender))
        send_confirmation(cfg, log_id, sender, lines);
    g_strfreev(body);
    g_string_free(lines, TRUE);
    g_regex_unref(command);
    g_free(text);
    g_clear_object(&msg);
    g_object_unref(parser);
    g_free(secret);
}
