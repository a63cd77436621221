/*
 * token.h -- release and delete tokens for quarantine digests.
 *
 * A token is ID.EXPIRY.MAC: the item's ID, the Unix time it stops being
 * valid, and HMAC-SHA256 (GLib's GHmac) over the action, the ID and the
 * expiry with the secret from the configuration, in hex.  The action is not
 * written in the token, only signed: a release token does not delete, nor
 * the other way round.  MACs are compared in constant time.  A token is
 * spent when its item leaves the held state (quarantine.h refuses a second
 * action), which is what makes a replayed token do nothing.
 */
#ifndef CG_TOKEN_H
#define CG_TOKEN_H

#include "config.h"

/* Secrets shorter than this are refused: they could be guessed. */
#define CG_TOKEN_MIN_SECRET 16

typedef enum {
    CG_TOKEN_OK,
    CG_TOKEN_MALFORMED,     /* not ID.EXPIRY.MAC */
    CG_TOKEN_FORGED,        /* the MAC does not match: tampered, another action or another secret */
    CG_TOKEN_EXPIRED,
} cg_token_status;

const char *cg_token_status_name(cg_token_status status);

char *cg_token_make(const char *secret, const char *id, const char *action, gint64 expires);

/* Check token for action at time now; on CG_TOKEN_OK *id gets the item's ID. */
cg_token_status cg_token_verify(const char *secret, const char *token, const char *action, gint64 now,
                                char **id);

/* release_secret, or the first line of release_secret_file. */
char *cg_token_secret(const cg_config *cfg, GError **error);

/* A warning when every local user can read the token secret (the file that
 * holds it, the configuration or release_secret_file, is readable by
 * others), or NULL.  Whoever has the secret can release anything. */
char *cg_token_secret_exposure(const cg_config *cfg);

#endif
