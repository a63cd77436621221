/*
 * term_candidates.h -- a term filter's candidates over one text, grouped by
 * term bit.
 *
 * Many patterns share one term filter (filter_group.h) so that one pass
 * over a text serves them all; each pattern then reads only the positions
 * of its own bit, not every candidate of every pattern.  A zeroed
 * cg_term_candidates holds none.
 */
#ifndef CG_TERM_CANDIDATES_H
#define CG_TERM_CANDIDATES_H

#include "term_filter.h"

typedef struct {
    guint32 *pos;            /* bit b's positions: pos[from[b]] up to pos[from[b + 1]] */
    guint32 from[CG_TERM_BITS + 1];
} cg_term_candidates;

void cg_term_candidates_clear(cg_term_candidates *c);

/* Replaces c's candidates with those of f over text; a NULL f finds none. */
void cg_term_candidates_find(cg_term_candidates *c, const cg_term_filter *f, const char *text,
                             size_t len);

/* The positions where term bit `bit` (CG_TERM_BIT) could start, ascending;
 * *n of them. */
const guint32 *cg_term_candidates_of(const cg_term_candidates *c, cg_term_bits bit, size_t *n);

#endif
