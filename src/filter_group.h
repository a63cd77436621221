/*
 * filter_group.h -- one term filter pass per text for every term-filtered
 * pattern of the engine.
 *
 * The lexicons' terms (evidence.h) and the contact families' long
 * alternations (filtered_regex.h) are tried only where the term filter
 * (term_filter.h) says they could start.  A pass finds the candidates of
 * all of a filter's terms at once and costs little more for two sets of
 * terms than for one, so every such pattern is a member of the engine's one
 * group, and the engine finds each text's candidates once (cg_text).
 *
 * A pass costs by where its terms make it stop, and the lexicons' terms
 * stop at nearly every word: a scan for one category (each of the default
 * flows has one) reads a filter of that category's members alone.  So the
 * group keeps a filter per category and one of every member, each pattern
 * read once for its two.
 */
#ifndef CG_FILTER_GROUP_H
#define CG_FILTER_GROUP_H

#include "detect.h"
#include "term_candidates.h"

typedef struct cg_filter_group cg_filter_group;

cg_filter_group *cg_filter_group_new(void);
void cg_filter_group_free(cg_filter_group *g);

/* Makes pattern (byte mode, caseless or not) a member for category owner;
 * its term bit, or 0 when the term filter cannot read it (search it the
 * plain way).  Up to CG_TERM_BITS members have bits of their own; more
 * share them, and so each other's candidates. */
cg_term_bits cg_filter_group_add(cg_filter_group *g, cg_category owner, const char *pattern,
                                 gboolean caseless);

/* Replaces out's candidates with those over a text of the members of the
 * categories in mask (bit c for category c). */
void cg_filter_group_find(const cg_filter_group *g, unsigned mask, const char *s, size_t len,
                          cg_term_candidates *out);

#endif
