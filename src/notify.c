/*
 * notify.c -- build and send the redirect notice (see notify.h).
 */
#include "notify.h"

#include <gio/gio.h>
#include <string.h>

#include "header.h"

/* The subject as one clean line of at most CG_NOTICE_SUBJECT_MAX characters. */
static char *
clean_subject(const char *subject_raw)
{
    char *text = cg_header_decode(subject_raw ? subject_raw : "");
    for (char *p = text; *p; p++)
        if ((unsigned char)*p < ' ' || *p == 127)
            *p = ' ';
    g_strstrip(text);
    if (g_utf8_strlen(text, -1) > CG_NOTICE_SUBJECT_MAX) {
        char *end = g_utf8_offset_to_pointer(text, CG_NOTICE_SUBJECT_MAX);
        *end = '\0';
        char *cut = g_strconcat(text, "\xe2\x80\xa6", NULL);
        g_free(text);
        text = cut;
    }
    if (!*text) {
        g_free(text);
        text = g_strdup("(no subject)");
    }
    return text;
}

static void
append_header(GString *out, const char *name, const char *value)
{
    char *encoded = cg_header_encode(name, value);
    g_string_append_printf(out, "%s: %s\n", name, encoded);
    g_free(encoded);
}

char *
cg_notice_build(const char *sender, const char *const *recipients, const char *redirect_to,
                const char *subject_raw)
{
    char *subject = clean_subject(subject_raw);
    char *to = g_strjoinv(", ", (char **)recipients);
    char *notice_subject = g_strdup_printf("Forwarded to %s: %s", redirect_to, subject);
    const char *from = sender && *sender ? sender : "(no sender)";
    GString *out = g_string_new(NULL);

    append_header(out, "From", redirect_to);
    append_header(out, "To", to);
    append_header(out, "Subject", notice_subject);
    g_string_append(out, "Auto-Submitted: auto-generated\n"
                         "MIME-Version: 1.0\n"
                         "Content-Type: text/plain; charset=utf-8\n"
                         "Content-Transfer-Encoding: 8bit\n\n");
    g_string_append_printf(out,
                           "A message to you from %s was forwarded to %s,\n"
                           "the address that handles such requests. It was not delivered to you.\n\n"
                           "Its subject: %s\n",
                           from, redirect_to, subject);
    g_free(notice_subject);
    g_free(to);
    g_free(subject);
    return g_string_free(out, FALSE);
}

gboolean
cg_notice_send(const char *sendmail_path, const char *const *recipients, const char *notice,
               GError **error)
{
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, (char *)sendmail_path);
    g_ptr_array_add(argv, "-i");
    g_ptr_array_add(argv, "-f");
    g_ptr_array_add(argv, "<>");
    guint fixed = argv->len;
    for (const char *const *r = recipients; *r; r++)
        if (**r && **r != '-')
            g_ptr_array_add(argv, (char *)*r);
    gboolean ok = FALSE;
    if (argv->len == fixed) {
        g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "no recipient to notify");
    } else {
        g_ptr_array_add(argv, NULL);
        GSubprocess *proc = g_subprocess_newv((const char *const *)argv->pdata,
                                              G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                  G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                              error);
        char *errors = NULL;
        if (proc && g_subprocess_communicate_utf8(proc, notice, NULL, NULL, &errors, error)) {
            ok = g_subprocess_get_successful(proc);
            if (!ok)
                g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed: %s", sendmail_path,
                            errors && *errors ? g_strstrip(errors) : "no message");
        }
        g_free(errors);
        g_clear_object(&proc);
    }
    g_ptr_array_free(argv, TRUE);
    return ok;
}
