/*
 * contact_user.h -- the administrator's own contact rules (see contact_user.c).
 */
#ifndef CG_CONTACT_USER_H
#define CG_CONTACT_USER_H

#include "config.h"
#include "detect.h"
#include "rules.h"

typedef struct cg_user_rules cg_user_rules;

cg_user_rules *cg_user_rules_load(const char *path, GError **error);
void cg_user_rules_free(cg_user_rules *ur);
void cg_user_rules_scan(const cg_user_rules *ur, const cg_text *text, GPtrArray *findings);

#endif
