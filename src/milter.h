/*
 * milter.h -- the libmilter callbacks: collect a message, then scan it and
 * apply the policy's action at end of message.
 */
#ifndef CG_MILTER_H
#define CG_MILTER_H

#include <libmilter/mfapi.h>

/* What commguard registers with smfi_register. */
extern struct smfiDesc cg_milter_description;

#endif
