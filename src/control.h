/*
 * control.h -- release by reply: mail to control_address carries commands.
 *
 * A reviewer sends "release TOKEN" or "delete TOKEN" lines (from a digest)
 * to the control address.  The milter hands such a message here instead of
 * delivering it.  A command acts only when the token is genuine, unexpired,
 * for that action, and the envelope sender is a reviewer of one of the
 * item's categories; the item must still be held, so a token works once.
 * Quoted lines ("> ...") are ignored, so a reply quoting the digest acts only
 * on what the reviewer wrote.  Every command is logged with its outcome;
 * forged, expired, replayed and foreign tokens change nothing.  A sender who
 * reviews something gets a confirmation mail; anyone else gets no answer,
 * so forged senders draw no backscatter.
 */
#ifndef CG_CONTROL_H
#define CG_CONTROL_H

#include <gmime/gmime.h>

#include "config.h"

/* Whether address is the configured control address (release by reply on). */
gboolean cg_control_is_address(const cg_config *cfg, const char *address);

/* Carry out the commands of the message in stream (at its start) from
 * sender; log_id prefixes the log lines. */
void cg_control_handle(const cg_config *cfg, const char *log_id, const char *sender, GMimeStream *stream);

#endif
