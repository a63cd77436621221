/*
 * milter.h -- the libmilter callbacks: collect a message, then scan it and
 * apply the policy's action at end of message.
 */
#ifndef CG_MILTER_H
#define CG_MILTER_H

#include <glib.h>
#include <libmilter/mfapi.h>

/* What commguard registers with smfi_register. */
extern struct smfiDesc cg_milter_description;

/* Before smfi_main: whether the milter socket is a unix one (only there are
 * the MTA's steps left unanswered), and the number of scans run at once. */
void cg_milter_init(gboolean unix_socket);

#endif
