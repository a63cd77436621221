/*
 * term_filter.h -- where in a text each term of a term set could start.
 *
 * The term sets of the confidential and media detectors are long caseless
 * alternations; PCRE2 tries every alternative at every word start, which
 * made them the slowest part of a scan.  The filter reads each term's
 * pattern once and works out the first (up to three) bytes any match can
 * begin with, and whether a match must begin at a word start.  One pass
 * over a text then yields candidate positions, each with the terms that
 * could match there; the caller runs a term's anchored pattern only at its
 * candidates.  The candidates are a superset of the real match starts, so
 * the matches found are exactly those of an unanchored search.
 *
 * A pattern the analyser does not understand (a back-reference, \x, \p...)
 * is reported as unsupported, and so is one that may begin with any letter
 * at any word start (the filter would pass every word); the caller then
 * searches for that term the plain way.
 */
#ifndef CG_TERM_FILTER_H
#define CG_TERM_FILTER_H

#include <glib.h>

typedef struct cg_term_filter cg_term_filter;

/* Terms as bits: bit (i % CG_TERM_BITS) stands for term i. */
typedef guint64 cg_term_bits;
#define CG_TERM_BITS 64
#define CG_TERM_BIT(i) ((cg_term_bits)1 << ((i) % CG_TERM_BITS))

/* A position where some terms could start. */
typedef struct {
    guint32 pos;
    cg_term_bits terms;
} cg_term_candidate;

cg_term_filter *cg_term_filter_new(void);
/* A filter that also takes terms whose matches begin with a run of word
 * bytes ((?:\w+ )?contractor, \w{2,4} margins?): it finds the word after
 * the run and looks back. */
cg_term_filter *cg_term_filter_new_lookback(void);
void cg_term_filter_free(cg_term_filter *f);

/* Describe term index by its pattern (byte mode, caseless or not).  Returns
 * FALSE, adding nothing, when the pattern is beyond the analyser. */
gboolean cg_term_filter_add(cg_term_filter *f, guint index, const char *pattern, gboolean caseless);
/* The same into n filters at once, all with look-back or all without: the
 * pattern is read once. */
gboolean cg_term_filter_add_to(cg_term_filter *const *filters, guint n, guint index,
                               const char *pattern, gboolean caseless);

/* Append, in ascending order, every position of text (len included, for
 * empty matches) where at least one added term could start. */
void cg_term_filter_candidates(const cg_term_filter *f, const char *text, size_t len,
                               GArray *out);

#endif
