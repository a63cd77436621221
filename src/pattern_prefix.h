/*
 * pattern_prefix.h -- the bytes a match of a pattern can begin with.
 *
 * A pattern (byte mode, caseless or not) is read into a small tree and
 * walked to list every prefix of up to CG_PREFIX_MAX bytes a match can begin
 * with, each byte as a set, and what the byte before the match can be
 * (anything, no letter, or no word byte: a `\b` before a word byte or a
 * lookbehind such as (?<![a-z]) proves the last two), and, when the match
 * may end inside the prefix, what a lookahead says of the byte after it.  The list always covers every real match: whatever only narrows a
 * match (lookarounds, anchors, lazy or possessive quantifiers, case-sensitive
 * groups) is read as something wider.  term_filter.c builds its candidate
 * tables from these prefixes.
 */
#ifndef CG_PATTERN_PREFIX_H
#define CG_PATTERN_PREFIX_H

#include "pattern_parse.h"

#define CG_PREFIX_MAX 8
#define CG_PREFIX_SHORT 3          /* when there are too many of CG_PREFIX_MAX */

typedef struct {
    guint8 len;
    guint8 start;              /* a cg_prefix_start */
    gboolean boundary;         /* a \b comes before the first byte (read only while parsing) */
    /* A late prefix begins after a lead: what a leading (?:\w+ )?, \w* or
     * \w{2,4} matched, bytes of `lead` only (word bytes and spaces) holding
     * at most lead_spaces spaces.  The match itself starts before it. */
    gboolean late;
    guint8 lead_spaces;
    cg_byteset lead;
    /* A lookahead ((?![\w]), (?=[a-z])) left the byte after the prefix in
     * this set.  While parsing it narrows the next set; when the match ends
     * there it stays as `tail`: the byte after, unless the text ends. */
    gboolean has_tail;
    cg_byteset tail;
    cg_byteset set[CG_PREFIX_MAX];
} cg_prefix;

/* Every prefix of pattern (a GArray of cg_prefix), or NULL when the pattern
 * is beyond the analyser (a back-reference, \x, \p, a POSIX class...) or
 * has too many prefixes to list, even of CG_PREFIX_SHORT bytes.  With allow_late, a leading run of word
 * bytes that would make every word a candidate is stepped over and the
 * prefixes after it are marked late; without, no prefix is late. */
GArray *cg_pattern_prefixes(const char *pattern, gboolean caseless, gboolean allow_late);

#endif
