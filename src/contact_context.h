/*
 * contact_context.h -- exceptions and context for contact findings (see contact_context.c).
 */
#ifndef CG_CONTACT_CONTEXT_H
#define CG_CONTACT_CONTEXT_H

#include "config.h"
#include "detect.h"
#include "rules.h"

typedef struct cg_contact_context cg_contact_context;

cg_contact_context *cg_contact_context_new(const cg_config *cfg, GError **error);
void cg_contact_context_free(cg_contact_context *ctx);

/* Judge findings[first..] of text: set exceptions, lower scores. */
void cg_contact_context_judge(const cg_contact_context *ctx, const cg_text *text,
                              const char *sender_domain, GPtrArray *findings, guint first);

#endif
