/*
 * filtered_regex.h -- a regex searched only where a match could start.
 *
 * An unanchored PCRE2 search tries the pattern at every position; for the
 * long alternations of the contact families that is most of a scan.  Given
 * a superset of the positions where a match can start, trying the pattern
 * anchored at each in turn finds the same leftmost match.  The positions
 * come from the term filter (the bytes the pattern's matches begin with) or,
 * when a family knows better, from its own candidate function.
 *
 * The patterns the term filter reads are members of the engine's filter
 * group (filter_group.h), with the lexicons' terms: one pass over a text
 * finds the candidates of every member, and each member is tried at its
 * own.
 *
 * One difference, on adversarial input only: a match limit hit at one
 * position abandons that position, where the unanchored search gave up on
 * the whole rest of the text.
 */
#ifndef CG_FILTERED_REGEX_H
#define CG_FILTERED_REGEX_H

#include "filter_group.h"
#include "rules.h"

/* The first position p, from <= p <= len, where a match could start, or
 * len + 1.  data is the caller's (it may keep a cursor there). */
typedef size_t (*cg_candidate_fn)(void *data, const char *s, size_t len, size_t from);

typedef struct cg_filtered_regex cg_filtered_regex;

/* Compiles pattern (flags as cg_regex_new) as a member of g for category
 * owner when the term filter can read its first bytes; otherwise it is
 * searched the plain way. */
cg_filtered_regex *cg_filtered_regex_new_in(cg_filter_group *g, cg_category owner,
                                            const char *pattern, unsigned flags, GError **error);
/* Compiles pattern to be tried at the candidates of next, a family's own. */
cg_filtered_regex *cg_filtered_regex_new_with(const char *pattern, unsigned flags,
                                              cg_candidate_fn next, GError **error);
void cg_filtered_regex_free(cg_filtered_regex *fr);

/* Same answer as cg_regex_find with the unfiltered pattern, for a pattern of
 * cg_filtered_regex_new_with: data goes to its candidate function. */
gboolean cg_filtered_regex_find(const cg_filtered_regex *fr, void *data, const char *s,
                                size_t len, size_t start, gssize *ovec, unsigned nvec);
/* The same for a group member: cands are what cg_filter_group_find found
 * over s for a mask with the member's category. */
gboolean cg_filtered_regex_find_in(const cg_filtered_regex *fr, const cg_term_candidates *cands,
                                   const char *s, size_t len, size_t start, gssize *ovec,
                                   unsigned nvec);

/* Tests only: search the plain way everywhere, so a test can compare what
 * both ways find.  Not thread-safe. */
void cg_filtered_regex_force_plain(gboolean on);

#endif
