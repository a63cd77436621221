/*
 * notify.h -- the notice that tells the original recipients of a redirected
 * message where it went (redirect_notify = yes).
 *
 * The notice names the sender, the address the message went to and its
 * subject (decoded, cleaned of control characters, cut to a length), and
 * nothing else of the message: its text may be exactly what the policy
 * keeps from these recipients.  It comes from the null sender with
 * Auto-Submitted: auto-generated, so it never bounces or draws
 * auto-replies, and is handed to the MTA's sendmail program.
 */
#ifndef CG_NOTIFY_H
#define CG_NOTIFY_H

#include <glib.h>

/* Subjects longer than this (in characters) are cut, with an ellipsis. */
#define CG_NOTICE_SUBJECT_MAX 200

/* The notice as a complete message (headers, blank line, body; LF line
 * ends).  subject_raw is the Subject header as received, or NULL. */
char *cg_notice_build(const char *sender, const char *const *recipients, const char *redirect_to,
                      const char *subject_raw);

/* Run sendmail_path -i -f <> RECIPIENTS... with the notice on its input.
 * Recipients that would read as options (a leading '-') are left out. */
gboolean cg_notice_send(const char *sendmail_path, const char *const *recipients, const char *notice,
                        GError **error);

#endif
