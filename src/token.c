/*
 * token.c -- HMAC-SHA256 tokens (see token.h).
 */
#include "token.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "quarantine.h"

#define MAC_HEX_LEN 64

const char *
cg_token_status_name(cg_token_status status)
{
    static const char *const names[] = { "valid", "malformed", "forged", "expired" };
    return names[status];
}

static char *
mac_hex(const char *secret, const char *id, const char *action, gint64 expires)
{
    GHmac *hmac = g_hmac_new(G_CHECKSUM_SHA256, (const guchar *)secret, strlen(secret));
    /* newlines separate the fields: none of them can hold one */
    char *data = g_strdup_printf("commguard-token-1\n%s\n%s\n%" G_GINT64_FORMAT, action, id, expires);
    g_hmac_update(hmac, (const guchar *)data, (gssize)strlen(data));
    char *hex = g_strdup(g_hmac_get_string(hmac));
    g_hmac_unref(hmac);
    g_free(data);
    return hex;
}

char *
cg_token_make(const char *secret, const char *id, const char *action, gint64 expires)
{
    char *mac = mac_hex(secret, id, action, expires);
    char *token = g_strdup_printf("%s.%" G_GINT64_FORMAT ".%s", id, expires, mac);
    g_free(mac);
    return token;
}

/* Equal strings of len bytes, in a time that does not depend on where they differ. */
static gboolean
equal_constant_time(const char *a, const char *b, size_t len)
{
    unsigned char diff = 0;
    for (size_t i = 0; i < len; i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

cg_token_status
cg_token_verify(const char *secret, const char *token, const char *action, gint64 now, char **id)
{
    *id = NULL;
    const char *mac = strrchr(token, '.');
    /* the expiry is searched backwards from before the MAC: there must be a before */
    if (!mac || mac == token || strlen(mac + 1) != MAC_HEX_LEN)
        return CG_TOKEN_MALFORMED;
    const char *expiry = mac - 1;
    while (expiry > token && g_ascii_isdigit(*expiry))
        expiry--;
    if (expiry == token || *expiry != '.' || expiry + 1 == mac)
        return CG_TOKEN_MALFORMED;
    char *item = g_strndup(token, (gsize)(expiry - token));
    char *expiry_text = g_strndup(expiry + 1, (gsize)(mac - expiry - 1));
    char *end;
    gint64 expires = g_ascii_strtoll(expiry_text, &end, 10);
    cg_token_status status = CG_TOKEN_MALFORMED;
    if (cg_quarantine_id_valid(item) && !*end && strlen(expiry_text) <= 18) {
        char *want = mac_hex(secret, item, action, expires);
        char *given = g_ascii_strdown(mac + 1, -1);    /* a mail client may change the case */
        if (!equal_constant_time(want, given, MAC_HEX_LEN))
            status = CG_TOKEN_FORGED;
        else if (now >= expires)
            status = CG_TOKEN_EXPIRED;
        else
            status = CG_TOKEN_OK;
        g_free(given);
        g_free(want);
    }
    if (status == CG_TOKEN_OK)
        *id = item;
    else
        g_free(item);
    g_free(expiry_text);
    return status;
}

char *
cg_token_secret(const cg_config *cfg, GError **error)
{
    char *secret = NULL;
    if (*cfg->release_secret) {
        secret = g_strdup(cfg->release_secret);
    } else if (*cfg->release_secret_file) {
        char *text;
        if (!g_file_get_contents(cfg->release_secret_file, &text, NULL, error))
            return NULL;
        secret = g_strndup(text, strcspn(text, "\r\n"));
        g_free(text);
    }
    if (!secret || strlen(secret) < CG_TOKEN_MIN_SECRET) {
        g_set_error(error, CG_CONFIG_ERROR, 0, "release_secret (or release_secret_file) must give a secret of "
                    "at least %d characters", CG_TOKEN_MIN_SECRET);
        g_free(secret);
        return NULL;
    }
    return secret;
}

char *
cg_token_secret_exposure(const cg_config *cfg)
{
    const char *option = *cfg->release_secret ? "release_secret" : "release_secret_file";
    const char *holder = *cfg->release_secret ? cfg->path : cfg->release_secret_file;
    GStatBuf st;
    if (!holder || !*holder || g_stat(holder, &st) != 0 || !(st.st_mode & S_IROTH))
        return NULL;
    return g_strdup_printf("%s gives the token secret (%s) and every user can read it (mode %04o): "
                           "chmod o-r %s", holder, option, (unsigned)(st.st_mode & 07777), holder);
}
