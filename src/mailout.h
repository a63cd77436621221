/*
 * mailout.h -- handing mail to the MTA through its sendmail command.
 *
 * Released messages, digests and confirmations all leave this way:
 * release_command (split like a shell would, never run by one) with
 * "-i -f SENDER -- RECIPIENT..." added, the message on its standard input.
 * "--" keeps a recipient that starts with '-' from being read as an option.
 */
#ifndef CG_MAILOUT_H
#define CG_MAILOUT_H

#include "config.h"
#include "quarantine.h"

/* Send the file at path, or data when path is NULL. */
gboolean cg_mail_send(const char *command, const char *sender, const char *const *recipients,
                      const char *path, GBytes *data, GError **error);

/* A cg_qbefore_fn (data: the cg_config) that re-injects the stored message
 * to its original envelope. */
gboolean cg_mail_release(const cg_qitem *item, const char *message_path, gpointer cfg, GError **error);

#endif
