/*
 * namelist.h -- a set of names (one or more words each) found in text by
 * hashing word n-grams, so lookup cost does not grow with the list.
 *
 * Names are compared ASCII-case-insensitively with whitespace collapsed;
 * "Meridale Savings" matches "meridale  savings" but not "Meridale Savingsbank".
 */
#ifndef CG_NAMELIST_H
#define CG_NAMELIST_H

#include <glib.h>

typedef struct cg_namelist cg_namelist;

/* An empty list: cg_namelist_find never matches. */
cg_namelist *cg_namelist_new(void);
void cg_namelist_add(cg_namelist *nl, const char *name);
gboolean cg_namelist_contains(const cg_namelist *nl, const char *name);
gboolean cg_namelist_is_empty(const cg_namelist *nl);
void cg_namelist_free(cg_namelist *nl);

/* Find the first name at or after *pos in text; sets [*start, *end) and returns TRUE. */
gboolean cg_namelist_find(const cg_namelist *nl, const char *text, size_t len, size_t pos,
                          size_t *start, size_t *end);

#endif
