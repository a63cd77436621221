/*
 * fuzz_control.c -- fuzz target: bytes as a reply mail to the control address.
 *
 * The input is handed to the release-by-reply handler as mail from a sender
 * who reviews nothing, so every command is parsed and its token checked but
 * nothing is mailed back.  Its first line is also checked as a token: a
 * made-up one must never verify, and when the line is a valid quarantine ID
 * a token made for it must verify and give back the same ID.
 */
#include <glib.h>
#include <string.h>

#include "control.h"
#include "fuzz.h"
#include "message.h"
#include "quarantine.h"
#include "token.h"

#define SECRET "fuzz-secret-0123456789abcdef"

static void
check_token(const char *line)
{
    char *id = NULL;
    g_assert(cg_token_verify(SECRET, line, "release", 0, &id) != CG_TOKEN_OK || id);
    g_free(id);
    if (!cg_quarantine_id_valid(line))
        return;
    char *token = cg_token_make(SECRET, line, "release", G_MAXINT32);
    g_assert(cg_token_verify(SECRET, token, "release", 0, &id) == CG_TOKEN_OK);
    g_assert(strcmp(id, line) == 0);
    g_free(id);
    g_assert(cg_token_verify(SECRET, token, "delete", 0, &id) == CG_TOKEN_FORGED && !id);
    g_free(token);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cg_config *cfg;      /* built once, for the whole run */
    if (!cfg) {
        cg_message_init();
        cfg = cg_config_new_default();
        g_free(cfg->release_secret);
        cfg->release_secret = g_strdup(SECRET);
        g_free(cfg->quarantine_dir);
        cfg->quarantine_dir = g_dir_make_tmp("fuzz-control-XXXXXX", NULL);
        g_assert(cfg->quarantine_dir);
    }
    char *first_line = g_strndup((const char *)data, size);
    first_line[strcspn(first_line, "\r\n")] = '\0';
    check_token(first_line);
    g_free(first_line);

    GMimeStream *stream = g_mime_stream_mem_new_with_buffer((const char *)data, size);
    cg_control_handle(cfg, "fuzz", "stranger@example.org", stream);
    g_object_unref(stream);
    return 0;
}
